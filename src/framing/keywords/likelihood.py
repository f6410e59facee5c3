"""Keyness of each term for one group against the rest: log-likelihood G² (Dunning 1993; Rayson
& Garside 2000), chi² and the log ratio effect size (Hardie 2014) (`keyness`)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import xlogy
from scipy.stats import chi2 as _chi2

from .counts import term_counts, with_lexicon_versions


def keyness(tokens: pd.DataFrame, *, group: str = "outlet", target: str | None = None,
            term_col: str = "term") -> pd.DataFrame:
    """Keywords of a group against the rest of the corpus (the reference).

    For term w: a = its count in the target, b = in the reference; c, d = the two totals. On the
    2×2 table [[a, b], [c − a, d − b]] with expected counts E = row total × column total / N:
    G² = 2 Σ O ln(O/E) (log-likelihood, Dunning 1993; Rayson & Garside 2000), chi² = Σ (O − E)²/E
    (Pearson, no continuity correction), p_value from chi-square with 1 df on G²,
    log_ratio = log2[(a/c) / (b/d)] with a zero count taken as 0.5 (Hardie 2014), `use` = "over"
    when the target's rate is higher, "under" when lower.

    G² and its p_value take every word as an independent draw, and words come in articles: they rank
    terms for reading, they are no test between outlets (`docs/statistics.md`; the calibrated
    threshold of the log-odds is that test).

    `target=None`: every group against the rest, rows for the terms it uses. `target="X"`: X
    against the rest, rows for every term of the corpus (so terms X never uses show as under-use).
    Needs `group` and `term_col` (tokens, or counts with `n`). Returns `group`'s column, `term`,
    `count`, `count_other`, `g2`, `chi2`, `p_value`, `log_ratio`, `use`; highest G² first.
    """
    counts = term_counts(tokens, [group], term_col)
    groups = sorted(counts[group].unique())
    if len(groups) < 2:
        raise ValueError(f"keyness needs at least two groups in {group!r}; found {groups}")
    pooled = counts.groupby(term_col)["n"].sum()
    totals = counts.groupby(group)["n"].sum()
    if target is not None:
        if target not in groups:
            raise ValueError(f"target={target!r} is not a value of {group!r}: {groups}")
        mine = counts[counts[group] == target].set_index(term_col)["n"]
        counts = pd.DataFrame({group: target, term_col: pooled.index,
                               "n": mine.reindex(pooled.index).fillna(0).to_numpy()})
    a = counts["n"].to_numpy(float)
    b = counts[term_col].map(pooled).to_numpy(float) - a
    c = counts[group].map(totals).to_numpy(float)
    d = float(pooled.sum()) - c
    g2, chi2 = _g2_chi2(a, b, c, d)
    rate_a, rate_b = a / c, b / d
    table = pd.DataFrame({
        group: counts[group].to_numpy(), "term": counts[term_col].to_numpy(),
        "count": a.astype(int), "count_other": b.astype(int), "g2": g2, "chi2": chi2,
        "p_value": _chi2.sf(g2, 1),
        "log_ratio": np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d)),
        "use": np.select([rate_a > rate_b, rate_a < rate_b], ["over", "under"], "same"),
    })
    table = table.sort_values([group, "g2", "term"], ascending=[True, False, True])
    return with_lexicon_versions(table.reset_index(drop=True), tokens)


def _g2_chi2(a, b, c, d):
    """G² and Pearson chi² of the 2×2 tables [[a, b], [c − a, d − b]] (arrays, element-wise)."""
    n = c + d
    observed = [a, b, c - a, d - b]
    word, rest = a + b, n - a - b
    expected = [c * word / n, d * word / n, c * rest / n, d * rest / n]
    g2 = 2 * sum(xlogy(o, o / e) for o, e in zip(observed, expected))
    chi2 = sum((o - e) ** 2 / e for o, e in zip(observed, expected))
    return np.maximum(g2, 0.0), chi2
