"""Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): each
group against the rest or pairwise (`log_odds`), and a threshold for its z-scores calibrated by
permutation (`log_odds_threshold`)."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .counts import term_counts, with_lexicon_versions


def _prior(pooled: pd.Series, prior: Mapping | pd.Series | None, alpha0: float | None) -> pd.Series:
    """α_w for every term of `pooled` (term → count), summing to alpha0 (default: pooled total).

    Without a `prior` the proportions are the pooled counts; with one (term → count in a background
    corpus) they are its counts plus one, so terms it lacks still get a little weight."""
    total = float(pooled.sum()) if alpha0 is None else float(alpha0)
    if total <= 0:
        raise ValueError("alpha0 must be positive")
    if prior is None:
        weights = pooled.astype(float)
    else:
        weights = pd.Series(prior, dtype=float).reindex(pooled.index).fillna(0.0) + 1.0
    return weights / weights.sum() * total


def _delta(y_i, n_i, y_j, n_j, alpha, alpha0):
    """Monroe et al. (2008) eq. 16 and 18: log-odds ratio with the prior, its standard error."""
    log_odds = (np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha))
                - np.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha)))
    se = np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
    return log_odds, se


def log_odds(tokens: pd.DataFrame, *, group: str = "outlet", prior: Mapping | pd.Series | None = None,
             alpha0: float | None = None, pairs: bool = False, versus: str | None = None,
             event: str | None = "event", article: str = "article_id", term_col: str = "term") -> pd.DataFrame:
    """Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
    "Fightin' Words", Political Analysis 16(4)).

    For group i against j and term w, with counts y, group totals n and prior α_w summing to α0:
    log_odds = ln[(y_wi + α_w) / (n_i + α0 − y_wi − α_w)] − ln[(y_wj + α_w) / (n_j + α0 − y_wj − α_w)],
    se = √(1/(y_wi + α_w) + 1/(y_wj + α_w)), z = log_odds / se. Positive z: i uses w more.

    The prior: α_w = α0 × (pooled count of w / pooled total), α0 = the pooled total by default (so
    α_w is the term's pooled count: the empirical-Bayes default of the tidylo package). Pass
    `prior` (term → count in a background corpus) and/or `alpha0` to change it.

    Comparisons: by default each group against all the others pooled (j = "the rest"), one row per
    term the group uses; `pairs=True` every pair of groups (i before j in sorted order);
    `versus="X"` every group against X. Pairwise rows cover terms either group uses.

    Events: when the table has `event`, the words of events covered by one group only are left out
    (`stats.comparable`, the rule of the permutation tests and of `log_odds_threshold`): such an
    event's topic words would count as its outlet's style, and no shuffle within the event could
    say otherwise. Rows without an event are one pool. `attrs["left_out"]` holds `n_articles`
    (distinct `article`, when the table has it) and `n_events` left out (`stats.left_out`; say them
    with `stats.describe_left_out`); when nothing is left to compare the table is empty.

    Needs `group` and `term_col` (tokens, or counts with `n`). Returns `group`'s column, `versus`
    (pairwise only), `term`, `count`, `count_other`, `log_odds`, `se`, `z`; highest z first.
    """
    if pairs and versus is not None:
        raise ValueError("pass either pairs=True or versus=..., not both")
    counts = term_counts(tokens, [group], term_col)
    groups = sorted(counts[group].unique())
    if len(groups) < 2:
        raise ValueError(f"log_odds needs at least two groups in {group!r}; found {groups}")
    part, dropped = _comparable_part(tokens, group, event, article)
    if part is not tokens:  # some events left out (or the unevented pool renamed): count what is left
        tokens, counts = part, term_counts(part, [group], term_col)
    groups = sorted(counts[group].unique())
    if len(groups) < 2:  # every event is covered by one group: nothing to compare
        columns = [group, *(["versus"] if pairs or versus is not None else []), "term", "count", "count_other",
                   "log_odds", "se", "z"]
        return _left_out_in(with_lexicon_versions(pd.DataFrame(columns=columns), tokens), dropped)
    pooled = counts.groupby(term_col)["n"].sum()
    alpha = _prior(pooled, prior, alpha0)
    a0 = float(alpha.sum())
    if pairs or versus is not None:
        table = _log_odds_pairs(counts, group, term_col, groups, alpha, a0, versus)
        order = [group, "versus"]
    else:
        table = _log_odds_rest(counts, group, term_col, pooled, alpha, a0)
        order = [group]
    table = table.sort_values([*order, "z", term_col], ascending=[True] * len(order) + [False, True])
    return _left_out_in(with_lexicon_versions(table.reset_index(drop=True), tokens), dropped)


def _comparable_part(tokens: pd.DataFrame, group: str, event: str | None, article: str
                     ) -> tuple[pd.DataFrame, dict]:
    """The rows of events with two groups or more (`stats.comparable`) and `stats.left_out`'s
    counts of the rest; the table as it is when it has no `event` column. Rows without an event
    are one pool: their `event` is `_NO_EVENT` in the rows returned, so counts keep them."""
    from ..stats import comparable, left_out

    if not event or event not in tokens:
        return tokens, {"n_articles": 0, "n_events": 0}
    keep = comparable(tokens[group].to_numpy(), tokens[event].to_numpy())
    dropped = left_out(tokens, keep, article=article, event=event)
    part = tokens if keep.all() else tokens[keep]
    if part[event].isna().any():
        part = part.assign(**{event: part[event].astype(object).where(part[event].notna(), _NO_EVENT)})
    part.attrs = dict(tokens.attrs)
    return part, dropped


_NO_EVENT = "\x00no event"  # the pool of rows without an event, while counting


def _left_out_in(table: pd.DataFrame, dropped: dict) -> pd.DataFrame:
    """`table` with `attrs["left_out"]` (what `_comparable_part` left out)."""
    table.attrs["left_out"] = dict(dropped)
    return table


def _log_odds_rest(counts, group, term_col, pooled, alpha, a0) -> pd.DataFrame:
    """The log-odds of each group's terms against all other groups pooled (one row per group and term)."""
    y_i = counts["n"].to_numpy(float)
    y_j = counts[term_col].map(pooled).to_numpy(float) - y_i
    n_i = counts.groupby(group)["n"].transform("sum").to_numpy(float)
    n_j = float(pooled.sum()) - n_i
    a = counts[term_col].map(alpha).to_numpy(float)
    delta, se = _delta(y_i, n_i, y_j, n_j, a, a0)
    return pd.DataFrame({group: counts[group], "term": counts[term_col], "count": y_i.astype(int),
                         "count_other": y_j.astype(int), "log_odds": delta, "se": se,
                         "z": delta / se})


def _log_odds_pairs(counts, group, term_col, groups, alpha, a0, versus) -> pd.DataFrame:
    """The log-odds of each pair of groups (every pair, or each group against `versus`), one row per
    pair and term either uses."""
    by_group = {g: c.set_index(term_col)["n"] for g, c in counts.groupby(group)}
    if versus is None:
        pairs = [(a, b) for k, a in enumerate(groups) for b in groups[k + 1:]]
    elif versus not in by_group:
        raise ValueError(f"versus={versus!r} is not a value of {group!r}: {groups}")
    else:
        pairs = [(g, versus) for g in groups if g != versus]
    parts = []
    for first, second in pairs:
        both = pd.concat([by_group[first], by_group[second]], axis=1, keys=["i", "j"]).fillna(0)
        y_i, y_j = both["i"].to_numpy(float), both["j"].to_numpy(float)
        a = alpha.reindex(both.index).to_numpy(float)
        n_i, n_j = float(by_group[first].sum()), float(by_group[second].sum())
        delta, se = _delta(y_i, n_i, y_j, n_j, a, a0)
        parts.append(pd.DataFrame({group: first, "versus": second, "term": both.index,
                                   "count": y_i.astype(int), "count_other": y_j.astype(int),
                                   "log_odds": delta, "se": se, "z": delta / se}))
    return pd.concat(parts, ignore_index=True)


def log_odds_threshold(tokens: pd.DataFrame, *, group: str = "outlet", article: str = "article_id",
                       event: str | None = "event", prior: Mapping | pd.Series | None = None,
                       alpha0: float | None = None, n_permutations: int = 200, quantile: float = 0.95,
                       seed: int = 0, term_col: str = "term") -> pd.Series:
    """A threshold for the one-vs-rest log-odds z-scores of `log_odds`, calibrated by permutation.

    Under the informative prior z is not standard normal, and a corpus has thousands of terms, so
    1.96 says little. Here the `group` labels are shuffled among articles (within events when the
    table has `event`; `stats.shuffle_within`), `log_odds` is recomputed with the same prior for
    each of `n_permutations` shuffles, and the threshold is the `quantile` (0.95) of the largest
    |z| over every group and term: were outlets alike at the level of articles, the chance that
    any term of any group passes it is about 5% (a family-wise rate, checked in
    benchmarks/bench_stats.py).

    Events covered by one group only are left out, as `log_odds` leaves them out (`stats.comparable`):
    their labels never move under the shuffle, so their topic words would pass for that group's in
    every permutation and raise the threshold until nothing passes it.

    Needs `group`, `article`, `term_col` (a tokens table, or counts with `n` per article). Returns a
    Series: `threshold`, `quantile`, `n_permutations`, `n_articles`, `n_events` (those compared),
    `n_articles_left_out`, `n_events_left_out` (covered by one group), `observed_max_z` (the largest
    |z| of the real labels) and `note` (why there is no threshold, if none: one article per
    outlet leaves nothing to shuffle; no event covered by two groups).
    """
    from scipy import sparse

    from ..stats import NOTHING_TO_TEST, shuffle_within

    keys = [article, group] + ([event] if event and event in tokens else [])
    if term_counts(tokens, [group], term_col)[group].nunique() < 2:
        raise ValueError(f"log_odds_threshold needs at least two groups in {group!r}")
    tokens, dropped = _comparable_part(tokens, group, event, article)
    left = {"n_articles_left_out": dropped["n_articles"], "n_events_left_out": dropped["n_events"]}
    counts = term_counts(tokens, keys, term_col)
    if counts.empty:
        return pd.Series({"threshold": np.nan, "quantile": quantile, "n_permutations": n_permutations,
                          "n_articles": 0, "n_events": 0, **left, "observed_max_z": np.nan,
                          "note": f"no event is covered by two {group}s or more: nothing to compare"})
    articles = counts.drop_duplicates(article)[keys].reset_index(drop=True)
    if articles[article].duplicated().any():
        raise ValueError(f"each {article} must belong to one {group}")
    rows = pd.Index(articles[article]).get_indexer(counts[article])
    term_codes, terms = pd.factorize(counts[term_col])
    matrix = sparse.csr_matrix((counts["n"].to_numpy(float), (rows, term_codes)),
                               shape=(len(articles), len(terms)))
    pooled = np.asarray(matrix.sum(axis=0)).ravel()
    alpha = _prior(pd.Series(pooled, index=terms), prior, alpha0).to_numpy(float)
    strata = articles[event].to_numpy() if len(keys) == 3 else None
    group_codes, groups = pd.factorize(articles[group])
    n_events = int(articles[event].nunique(dropna=False)) if strata is not None else 1
    result = {"threshold": np.nan, "quantile": quantile, "n_permutations": n_permutations,
              "n_articles": len(articles), "n_events": n_events, **left,
              "observed_max_z": _max_abs_z(matrix, group_codes, len(groups), pooled, alpha), "note": ""}
    if articles[group].value_counts().max() == 1:  # shuffles would only swap the groups' names
        result["note"] = NOTHING_TO_TEST
        return pd.Series(result)
    shuffled = shuffle_within(group_codes, strata, n=n_permutations, seed=seed)
    maxima = [_max_abs_z(matrix, labels, len(groups), pooled, alpha) for labels in shuffled]
    result["threshold"] = float(np.quantile(maxima, quantile))
    return pd.Series(result)


def _max_abs_z(matrix, labels: np.ndarray, n_groups: int, pooled: np.ndarray, alpha: np.ndarray) -> float:
    """The largest |z| of the one-vs-rest log-odds over every group and the terms it uses, with
    articles (rows of `matrix`) labelled by `labels`."""
    from scipy import sparse

    indicator = sparse.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))),
                                  shape=(n_groups, len(labels)))
    used = (indicator @ matrix).tocoo()  # only the terms each group uses, as log_odds reports them
    if not used.nnz:
        return 0.0
    y_i = used.data
    n_i = np.asarray(used.sum(axis=1)).ravel()[used.row]
    y_all = pooled[used.col]
    delta, se = _delta(y_i, n_i, y_all - y_i, pooled.sum() - n_i, alpha[used.col], alpha.sum())
    return float(np.abs(delta / se).max())
