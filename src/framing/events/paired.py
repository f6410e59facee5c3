"""Outlets compared within the events both cover: per pair of outlets and measure, the events where
each is "more so", the median difference with its order-statistic interval (Thompson 1936), a
Wilcoxon signed-rank test over events (Wilcoxon 1945) with p-values adjusted across the table
(Benjamini & Hochberg 1995) and the exact sign test (Dixon & Mood 1946) as a check; each row as a
sentence and as a bar."""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from ..leans import outlet_order
from ..store.words import counted
from .scores import MEASURES

SHORT_DIRECTIONS = {"sentiment": "more negative", "conflict": "more conflict", "quote_share": "more quoted",
                    "official_quote_share": "more officials", "main_actor_sentiment": "more neg. to main actor",
                    "exclusive": "more exclusive"}  # beside the bars of `plot_within_events`
PAIR_CHARS = 20  # characters of each outlet's name (a line each) in a row label of `plot_within_events`
# The fewest events a paired test is run on: over n events the smallest two-sided p the exact sign
# test or Wilcoxon signed-rank test can give is 2 / 2^n (every event one way), 0.0625 at 5 events and
# 0.031 at 6. Below 6 a test cannot reach 0.05; counted in the Benjamini–Hochberg family it only
# makes the others' adjustment harsher (on allsides-100, 210 of 218 tests had 2–5 events).
MIN_EVENTS_FOR_TEST = 6
CORRECTION = "Benjamini–Hochberg"


def score_event_outlets(article_scores: pd.DataFrame) -> pd.DataFrame:
    """Per event and outlet, the mean of its articles' values. Needs `score_articles`' table.
    Returns `event`, `outlet`, `n_articles` and one column per measure."""
    measures = [m for m in MEASURES if m in article_scores]
    grouped = article_scores.groupby(["event", "outlet"], sort=True)
    table = grouped[measures].mean()
    table.insert(0, "n_articles", grouped.size())
    return table.reset_index()


def compare_within_events(article_scores: pd.DataFrame, *, measures=None,
                          min_events: int = MIN_EVENTS_FOR_TEST) -> pd.DataFrame:
    """For every pair of outlets and measure, the events both cover compared one by one.

    Needs `score_articles`' table (`event`, `outlet` and the measures); an outlet with several
    articles in an event counts with their mean. Returns one row per pair of outlets that cover at
    least one event in common (A before B in `leans.outlet_order`: by name, or left before right) and measure: `outlet_a`, `outlet_b`, `measure`,
    `direction` (what "more" means, e.g. "more negative"), `n_events` both cover, `n_a_more` (events
    where A is more so than B), `n_b_more`, `n_ties`, `median_difference` (median over events of
    A − B, in the measure's units; none below `stats.MIN_ARTICLES` events, the minimum below which
    no interval is drawn either, and `effect_note` then says so), `median_ci_low`, `median_ci_high`
    (its distribution-free 95% interval, `median_interval`; none where no 95% interval exists, below
    six events), `effect_note`, `p_wilcoxon` (Wilcoxon signed-rank over events, zero differences
    dropped: the test of the table), `p_adjusted` (those p-values adjusted by `CORRECTION` across
    every row of the table), `note` and `robustness_p_sign_adjusted` (the exact sign test, which
    does not assume symmetric differences, adjusted the same way across the table: a check of
    `p_adjusted`, not a second chance at a small p). With fewer than `min_events` events there is
    no test: the p-values are empty and `note` says why. The interval is for one pair, not
    adjusted for the many in the table."""
    from itertools import combinations

    measures = [m for m in (measures or MEASURES) if m in article_scores]
    wide = score_event_outlets(article_scores)
    wide = wide[wide["outlet"].notna()].assign(outlet=lambda t: t["outlet"].astype(str))
    # events × outlets: who covers which event, and each measure's value there (events in order, so
    # that a pair's events come as a join on the event would give them)
    covers = wide.pivot(index="event", columns="outlet", values="n_articles").notna()
    values = {measure: wide.pivot(index="event", columns="outlet", values=measure).to_numpy()
              for measure in measures}
    outlets = outlet_order(covers.columns)  # A before B: by name, or left before right for leans
    column = {outlet: i for i, outlet in enumerate(covers.columns)}  # the matrices' columns
    matrix = covers.to_numpy()
    shared = matrix.T.astype(np.int64) @ matrix.astype(np.int64)  # events in common, per pair
    rows = []
    for a, b in combinations(outlets, 2):  # only the pairs covering an event in common (of 10,440
        if not shared[column[a], column[b]]:  # pairs of 145 outlets, a few hundred)
            continue
        both = matrix[:, column[a]] & matrix[:, column[b]]
        for measure in measures:
            rows.append({"outlet_a": a, "outlet_b": b, "measure": measure,
                         **paired_difference(values[measure][both, column[a]], values[measure][both, column[b]],
                                             sign=MEASURES[measure][1], min_events=min_events),
                         "direction": MEASURES[measure][0]})
    columns = ["outlet_a", "outlet_b", "measure", "direction", "n_events", "n_a_more", "n_b_more", "n_ties",
               "median_difference", "median_ci_low", "median_ci_high", "effect_note", "p_wilcoxon", "p_adjusted",
               "note", "robustness_p_sign_adjusted"]
    computed = [c for c in columns if c not in ("p_adjusted", "robustness_p_sign_adjusted")] + ["p_sign"]
    table = pd.DataFrame(rows, columns=computed)
    from ..stats import adjust_p

    table["p_adjusted"] = adjust_p(table["p_wilcoxon"], method="fdr_bh")
    table["robustness_p_sign_adjusted"] = adjust_p(table["p_sign"], method="fdr_bh")
    return table[columns]


def paired_difference(a, b, *, sign: int = 1, min_events: int = MIN_EVENTS_FOR_TEST) -> dict:
    """A paired comparison of two outlets' values over the events both cover (`a[i]`, `b[i]` are
    one event). `sign` = −1 when "more" means a lower value (more negative sentiment). Returns
    `n_events`, `n_a_more`, `n_b_more`, `n_ties`, `median_difference` (of a − b; NaN below
    `stats.MIN_ARTICLES` events: one event's difference is two articles' values, no effect size),
    `median_ci_low`, `median_ci_high` (`median_interval`), `effect_note` (why there is no effect
    size or interval, else ""), `p_wilcoxon`, `p_sign` (unadjusted) and `note`."""
    from ..stats import MIN_ARTICLES

    pairs = pd.DataFrame({"a": pd.to_numeric(pd.Series(a), errors="coerce").to_numpy(),
                          "b": pd.to_numeric(pd.Series(b), errors="coerce").to_numpy()}).dropna()
    diff = (pairs["a"] - pairs["b"]).to_numpy()
    more = np.sign(sign * diff)
    n = len(diff)
    low, high = median_interval(diff) if n >= MIN_ARTICLES else (float("nan"), float("nan"))
    result = {"n_events": n, "n_a_more": int((more > 0).sum()), "n_b_more": int((more < 0).sum()),
              "n_ties": int((more == 0).sum()),
              "median_difference": float(np.median(diff)) if n >= MIN_ARTICLES else float("nan"),
              "median_ci_low": low, "median_ci_high": high,
              "effect_note": "" if not n or not math.isnan(low) else
                             f"too few events for an effect size: fewer than {MIN_ARTICLES}" if n < MIN_ARTICLES else
                             f"no 95% interval for the median from {n} events (the widest, from the smallest to the "
                             f"largest difference, covers {1 - 2 / 2 ** n:.1%})",
              "p_wilcoxon": float("nan"), "p_sign": float("nan"), "note": ""}
    if n < min_events:
        result["note"] = ("no event where both have a value" if n == 0 else
                          "within one event there is nothing to test: compare the articles themselves"
                          if n == 1 else f"only {n} events covered by both: too few to test "
                          f"(over {n} events no paired test can give p below {2 / 2 ** n:.3g})")
        return result
    untied = result["n_a_more"] + result["n_b_more"]
    if untied == 0:
        result.update(p_wilcoxon=1.0, p_sign=1.0, note="no difference in any event")
        return result
    result["p_sign"] = _sign_test_p(result["n_a_more"], untied)
    result["p_wilcoxon"] = _wilcoxon_p(_signed_ranks(diff[diff != 0]))
    return result


def median_interval(differences, *, ci: float = 0.95) -> tuple[float, float]:
    """The distribution-free interval of the median of `differences` (one per event): the order
    statistics x(k) and x(n − k + 1) with k the largest for which the binomial gives
    P(k ≤ B ≤ n − k) ≥ `ci`, B ~ Binomial(n, ½) (Thompson 1936; Conover 1999, Practical
    Nonparametric Statistics, §3.2), by `scipy.stats.quantile_test(...).confidence_interval`. It
    assumes only independent events with one median; it is the interval the sign test inverts.
    Covers at least `ci` (exactly, for continuous values, 1 − 2 P(B < k)); (NaN, NaN) where no
    interval reaches `ci` (fewer than six values at 95%). Checked by simulation in
    benchmarks/bench_stats.py (part 8)."""
    x = np.sort(np.asarray(differences, dtype=float))
    x = x[~np.isnan(x)]
    low, high = _order_statistics(len(x), ci)
    return (float("nan"), float("nan")) if low < 0 else (float(x[low]), float(x[high]))


@lru_cache(maxsize=1024)
def _order_statistics(n: int, ci: float) -> tuple[int, int]:
    """The positions (0-based) in n sorted values of the bounds of `median_interval`, (−1, −1) when
    there is none. They depend on n alone, so scipy is asked once per n, with the positions as values."""
    from scipy import stats

    if n < 2:
        return -1, -1
    interval = stats.quantile_test(np.arange(n), q=0, p=0.5).confidence_interval(confidence_level=ci)
    if np.isnan(interval.low) or np.isnan(interval.high):
        return -1, -1
    return int(interval.low), int(interval.high)


# Both tests depend on nothing but their arguments, and many pairs of outlets give the same ones;
# with tied differences and up to 13 events scipy's Wilcoxon test enumerates every 2^n sign flip,
# the slowest part of comparing 145 outlets. So each is computed once per distinct argument. The
# Wilcoxon test reads nothing of the differences but the ranks of their sizes (ties averaged) and
# their signs, so it is given those, sorted: the same p-value, computed once for the many pairs of
# outlets whose differences share them (`tests/test_events.py` checks it against the differences).

def _signed_ranks(differences: np.ndarray) -> tuple:
    """The differences (none zero) as the signed ranks of their sizes, sorted."""
    from scipy.stats import rankdata

    return tuple(sorted((np.sign(differences) * rankdata(np.abs(differences))).tolist()))


@lru_cache(maxsize=65536)
def _sign_test_p(k: int, n: int) -> float:
    from scipy import stats

    return float(stats.binomtest(k, n, 0.5).pvalue)


@lru_cache(maxsize=65536)
def _wilcoxon_p(signed_ranks: tuple) -> float:
    from scipy import stats

    return float(stats.wilcoxon(np.array(signed_ranks)).pvalue)


def _signed(value: float) -> str:
    """A difference with its sign ("+0.5", "-2"), and a zero without one ("0", never "+0" or "-0":
    no difference has no direction; the median of counts is often exactly 0)."""
    return "0" if value == 0 else f"{value:+.3g}"


def describe_pairs(pairs: pd.DataFrame, *, alpha: float = 0.05) -> pd.Series:
    """Each row of `compare_within_events` as a sentence that opens with what the test allows, then
    the counts, the outlet that is more so more often first: "No evidence of a difference at 0.05
    after adjustment: CNN is more negative than Fox in 31 of 48 events, Fox than CNN in 12, tied in
    5 (median difference CNN − Fox −0.04, 95% interval −0.07 to −0.01; Wilcoxon p = 0.02, adjusted
    0.09)". Counting the events where A is "more so" describes them; only an adjusted p below
    `alpha` is evidence that the outlets differ, so the verdict comes first and a count ("in 44 of
    100 events") is never read as a finding before it. Where the sign test
    (`robustness_p_sign_adjusted`, when the table has it) does not agree the sentence says so."""
    def sentence(row) -> str:
        if row["n_events"] == 0:
            return f"{row['outlet_a']} and {row['outlet_b']} cover no event in common."
        a_leads = row["n_a_more"] >= row["n_b_more"]
        leader, other, k, rest = ((row["outlet_a"], row["outlet_b"], row["n_a_more"], row["n_b_more"])
                                  if a_leads else
                                  (row["outlet_b"], row["outlet_a"], row["n_b_more"], row["n_a_more"]))
        text = f"{leader} is {row['direction']} than {other} in {k} of {counted(row['n_events'], 'events')}"
        if rest:  # "… in 1 of 2 events" must not hide that the other was so in the other one
            text += f", {other} than {leader} in {rest}"
        if row.get("n_ties", 0):  # the counts add up to the events in common
            text += f", tied in {row['n_ties']}"
        flip = 1.0 if a_leads else -1.0
        difference = flip * row["median_difference"]
        bounds = sorted(flip * row.get(c, np.nan) for c in ("median_ci_low", "median_ci_high"))
        note = row.get("effect_note") or ""
        note = "" if pd.isna(note) else note
        if pd.isna(difference):
            text += f" ({note or 'no median difference'}"
        else:
            text += f" (median difference {leader} − {other} {_signed(difference)}"
            text += (f", 95% interval {_signed(bounds[0])} to {_signed(bounds[1])}" if not np.isnan(bounds).any()
                     else f", {note}" if note else "")
        if pd.isna(row["p_wilcoxon"]):
            return f"Not tested: {text}; {row['note']})."
        # a test that does not reject says there is no evidence of a difference, not that there is none
        verdict = (f"Evidence of a difference at {alpha:g} after adjustment" if row["p_adjusted"] < alpha
                   else f"No evidence of a difference at {alpha:g} after adjustment")
        check = ""
        sign = row.get("robustness_p_sign_adjusted", np.nan)
        if row["p_adjusted"] < alpha and pd.notna(sign) and sign >= alpha:
            check = f"; the sign test does not confirm it (adjusted p = {sign:.3g})"
        ties = int(row.get("n_ties", 0) or 0)
        if row["p_adjusted"] < alpha and difference == 0 and ties:  # "evidence" beside a median of 0 needs saying why
            check += (f"; the median over all {row['n_events']} events is 0 because {ties} are tied, and the tests "
                      f"read only the {row['n_events'] - ties} that differ")
        return (f"{verdict}: {text}; Wilcoxon p = {row['p_wilcoxon']:.3g}, adjusted {row['p_adjusted']:.3g}"
                f"{check}).")
    return pairs.apply(sentence, axis=1) if len(pairs) else pd.Series([], dtype=str)


def plot_within_events(pairs: pd.DataFrame, *, max_rows: int = 16, ax=None):
    """One bar per pair of outlets and measure (rows of `compare_within_events` with at least one
    event), labelled "A" over "vs B" (each outlet on a line, cut to `PAIR_CHARS`): the events where A is "more"
    (left, dark grey), ties (light) and where B is (right, mid grey), as shares of the events both cover
    (greys: in a corpus labelled by lean, blue would read as "left");
    at the right, what "more" is for the row's measure over both counts and the adjusted p-value
    ("more negative" over "A 3, B 1 of 5" over "p adj. 1", never cut to fit). The `max_rows` rows with
    the smallest adjusted p-values are drawn and the caption says how many the table has."""
    from matplotlib import patheffects
    from matplotlib.transforms import ScaledTranslation

    from ..plots import house_style, new_axes, note_above, note_shown
    from ..plots.style import SEMANTIC, wrap_label

    table = pairs[pairs["n_events"] > 0].sort_values(["p_adjusted", "n_events"], ascending=[True, False],
                                                     na_position="last")
    shown = table.head(max_rows)

    @house_style
    def draw(ax):
        ax = new_axes(ax, rows=max(2, 2 * len(shown)), width=7.5)  # two lines of label per row
        n = shown["n_events"].to_numpy(dtype=float)
        a, ties, b = (shown[c].to_numpy(dtype=float) / n for c in ("n_a_more", "n_ties", "n_b_more"))
        rows = np.arange(len(shown))
        ax.barh(rows, a, color=SEMANTIC["a_more"], label="A more so")
        ax.barh(rows, ties, left=a, color=SEMANTIC["tie"], label="tie")
        ax.barh(rows, b, left=a + ties, color=SEMANTIC["b_more"], label="B more so")
        # both outlets stay legible in a one-column chart, each on lines of its own and never cut
        # (cut, "Wall Street Journal…" was the News desk or the Opinion desk); what A is "more" goes
        # beside the bar
        labels = [f"{wrap_label(r.outlet_a, PAIR_CHARS)}\nvs {wrap_label(r.outlet_b, PAIR_CHARS)}"
                  for r in shown.itertuples()]
        ax.set_yticks(rows, labels, fontsize=8)
        ax.invert_yaxis()
        # halfway, over the bars: dark dots with a white edge, seen on the dark grey as on the light
        ax.axvline(0.5, color="#444444", linewidth=0.8, linestyle=":", zorder=3,
                   path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")])
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of the events both outlets cover")
        # tick labels of a twin axis, not free text, so that the layout makes room for them at any
        # width (a chart exported at a journal's column width collapsed beside free text)
        side = ax.twinx()
        side.set_ylim(ax.get_ylim())
        # both counts: "20/100" alone read as the finding, when B was more so in 43 of those events;
        # the adjusted p on a line of its own, and these labels are never cut to fit (numbers are no
        # names): on one line with counts "of 100" the p-value was cut to "p…" in a saved chart
        side.set_yticks(rows, [f"{SHORT_DIRECTIONS.get(r.measure, r.measure)}\nA {r.n_a_more}, B {r.n_b_more} of {r.n_events}\n"
                               + ("no test" if pd.isna(r.p_adjusted) else f"p adj. {r.p_adjusted:.2g}")
                               for r in shown.itertuples()], fontsize=7)
        side._framing_whole_labels = True  # `plots.save_figure` cuts category labels, not these
        side.tick_params(axis="y", length=0)
        side.grid(False)
        for spine in side.spines.values():
            spine.set_visible(False)
        note_shown(ax, len(shown), len(table), "comparisons",
                   which="those with the smallest adjusted p-values, then the most events in common"
                   if table["p_adjusted"].notna().any() else "those with the most events in common: none is tested")
        # half an inch under the plot, below the tick labels and the x label, however many rows it has (at
        # -0.16 of the axes' height the legend of 16 rows hung an inch below the label)
        below = ax.transAxes + ScaledTranslation(0, -0.5, ax.figure.dpi_scale_trans)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below, ncol=3, fontsize=8,
                  frameon=False)
        if note := _no_pair_note(table):
            note_above(ax, note)
        return ax

    drawn = draw(ax)
    if ax is None:  # recorded like a `plots.plot_*` chart, so `export_figure` can redraw it
        drawn.figure._framing_plot = {"function": "plot_within_events", "table": pairs,
                                      "arguments": {"max_rows": max_rows}}
    return drawn


def caption_pair_tests(pairs: pd.DataFrame, alpha: float = 0.05) -> str:
    """What the caption of the within-events chart says of its tests, from `compare_within_events`:
    "Wilcoxon p adjusted across the 218 comparisons of outlets covering 6 events or more,
    Benjamini–Hochberg; 0 of them below 0.05 after adjustment; the sign test, adjusted alike,
    confirms 0", or, when no pair of outlets covers `MIN_EVENTS_FOR_TEST` events in common, that
    nothing is tested (not "across the 0 comparisons …; 0 of them below 0.05")."""
    tested = pairs[pairs["p_wilcoxon"].notna()]
    if tested.empty:
        return (f"no test: no two outlets cover {MIN_EVENTS_FOR_TEST} events in common, the fewest a paired "
                f"test over events needs; the shares describe these events")
    below = tested["p_adjusted"] < alpha
    return (f"Wilcoxon p adjusted across the {len(tested):,} comparisons of outlets covering {MIN_EVENTS_FOR_TEST} "
            f"events or more, {CORRECTION}; {below.sum():,} of them below {alpha:g} after adjustment; the sign test, "
            f"adjusted alike, confirms {(below & (tested['robustness_p_sign_adjusted'] < alpha)).sum():,}")


def _no_pair_note(table: pd.DataFrame, alpha: float = 0.05) -> str:
    """What the within-events chart says on itself when no comparison's adjusted p is below `alpha`,
    or none is tested (no two outlets cover `MIN_EVENTS_FOR_TEST` events in common): a saved image
    has no caption, and a bar far from halfway ("A 4, B 1 of 5") reads as a finding. When some are
    below `alpha`, what "p adj." is and how many the sign test confirms ("p adj.: Wilcoxon
    signed-rank over events, Benjamini-Hochberg across 18 comparisons; 2 below 0.05, 0 of them
    confirmed by the sign test"); "" when nothing is tested at all."""
    tested = table["p_adjusted"].dropna() if "p_adjusted" in table else pd.Series(dtype=float)
    if tested.empty and len(table):
        return (f"No test: no two outlets cover {MIN_EVENTS_FOR_TEST} events in common, the fewest a paired test "
                f"over events needs; the bars count these events and are no evidence of a difference")
    if tested.empty:
        return ""
    if tested.min() < alpha:  # "p adj." beside the bars says neither the test nor the adjustment
        below = table["p_adjusted"] < alpha
        confirmed = int((below & (table["robustness_p_sign_adjusted"] < alpha)).sum()) \
            if "robustness_p_sign_adjusted" in table else None
        return (f"p adj.: Wilcoxon signed-rank over events, Benjamini-Hochberg across {len(tested)} comparisons; "
                f"{int(below.sum())} below {alpha:g}" + ("" if confirmed is None else
                                                         f", {confirmed} of them confirmed by the sign test"))
    return (f"Differences may be chance: no pair of outlets differs on any measure (Wilcoxon signed-rank over "
            f"events, smallest adjusted p = {tested.min():.2g}, Benjamini-Hochberg across {len(tested)} comparisons)")
