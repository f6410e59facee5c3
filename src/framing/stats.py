"""Comparing outlets honestly: per-article values, tests over articles, intervals over articles.

The article is the unit that was written and sampled; sentences are the evidence, not independent
draws (see docs/statistics.md). Every function here works on articles:

- `article_values(table, value=...)` turns a sentence-level column into one value per article (the
  mean of a score, or the share of sentences with a flag);
- `summarise_articles(values, value=...)` gives per group the mean of the per-article values, the
  number of articles, and an interval over articles (`mean_interval`: Student t over the
  per-article values, Korn & Graubard's (1998) interval on the effective number of articles for
  shares, `share_interval`, or a bootstrap over articles); a group with fewer than
  `MIN_ARTICLES` articles gets no interval (`interval` says "too few articles for an interval");
- `permutation_test(values, value=...)` tests whether groups differ by shuffling the group labels
  among articles, within events when there are several (Good 2005);
- `compare_outlets(values, value=..., family=...)` gives per family (e.g. frame) and group the
  effect sizes against the other groups on the same events (`within_event_effects`: difference in
  means, Cliff's delta; none below `MIN_ARTICLES` articles, as for intervals) and the test's p-value, adjusted across families (Holm or Benjamini-Hochberg, named
  in the output);
- `comparable(groups, strata)` says which rows can compare groups (events with two outlets or
  more): the one rule the tests and the distinctive words of `keywords` share;
- `shuffle_within(labels, strata, ...)` is the stratified shuffle the tests (and the calibrated
  log-odds threshold in `keywords`) are built on;
- `simulate_articles(...)` makes corpora with a known truth, so the tests and intervals can be
  checked by simulation (benchmarks/bench_stats.py).

Tables in, tables out; nothing is modified in place; every random draw comes from a seeded
`numpy.random.Generator`.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd


class _SciPyStats:
    """`scipy.stats`, imported when first used: importing it takes most of a CPU second that
    reading this module's constants (the report's methods paragraph, in the command itself) does
    not need."""

    def __getattr__(self, name):
        from scipy import stats

        return getattr(stats, name)


_stats = _SciPyStats()

# An outlet with fewer articles than this gets its per-article values shown, not an interval: below
# it, bootstrap intervals cover the truth far less often than they claim (benchmarks/bench_stats.py).
MIN_ARTICLES = 5
# the columns of `compare_outlets` that hold one test of all groups, on every group's row (`n_events_tested`:
# the events that test compared; `n_events_left_out`: those it left out, holding one group's articles only;
# `note`: why there is none); a table saved beside a chart keeps them, and the report says each test once
TEST_COLUMNS = ("p_value", "p_adjusted", "correction", "n_events_tested", "n_events_left_out", "test", "note")
NO_INTERVAL = "too few articles for an interval"
NO_EVENT_INTERVAL = "too few events for an interval"
NO_EVENT_SPREAD = ("every event's gap is {value:g}: no spread over events to make an interval from (one of zero "
                   "width would claim the difference known exactly)")
NO_SPREAD = "every article has the same value ({value:g}): no spread to make an interval from"
NO_VALUE = "no article with a value"
KORN_GRAUBARD = "Wilson interval on the effective number of articles (Korn & Graubard 1998, {ci:.0%})"
EXACT_BOUND = "every article at {value:.0%}: exact binomial bound over articles (Clopper-Pearson, {ci:.0%})"
NO_EFFECT = f"too few articles for an effect size: fewer than {MIN_ARTICLES} on a side"
FEW_EVENTS_EFFECT = ("{n} events: enough articles for an effect size, too few events for an interval over events "
                     f"(fewer than {MIN_ARTICLES}); `difference` describes these events only")
NOTHING_TO_TEST = "each outlet has one article, so there is nothing to test"
ONE_GROUP = "only one {by}: nothing to compare"
# several groups, but no event holds two of them (with what is measured, when `compare_outlets` is told
# where that is: "quoting the speaker"): shuffling within events would change nothing
# within each event every article has the same value (all 0, or all 1): every shuffle gives the statistic
# observed, so p would be 1 whatever the outlets did
SAME_WITHIN_EVENTS = "every article of an event has the same value, so shuffling {by}s within events changes nothing"
NO_SHARED_EVENT = "no event has articles of two {by}s{present}, so there is nothing to compare within events"
CORRECTIONS = {"holm": "Holm", "fdr_bh": "Benjamini-Hochberg", "bonferroni": "Bonferroni"}
BOOTSTRAP_METHODS = ("expanded", "percentile", "BCa")
INTERVAL_METHODS = ("t", "korn-graubard") + BOOTSTRAP_METHODS
_SHUFFLE_CELLS = 2_000_000  # labels shuffled at once (permutations × articles), to bound memory
# the level captions read adjusted p-values at; a test whose p lies within MONTE_CARLO_Z Monte Carlo errors
# of it is drawn again from MORE_SHUFFLES while its shuffles × articles stay within REFINE_CELLS (about 25
# CPU s: 19,999 shuffles up to 20,000 articles, 199,999 up to 2,000)
ALPHA = 0.05
MONTE_CARLO_Z = 2.576
MORE_SHUFFLES = (19_999, 199_999)
REFINE_CELLS = 400_000_000


def _as_list(columns: str | Iterable[str] | None) -> list[str]:
    if columns is None:
        return []
    return [columns] if isinstance(columns, str) else list(columns)


def _need(table: pd.DataFrame, columns: list[str], caller: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(f"{caller} needs column(s) {missing}; the table has {list(table.columns)}")


# ── per-article values ─────────────────────────────────────────────────────────────────────────

def article_values(table: pd.DataFrame, *, value: str | Iterable[str], by: str | Iterable[str] = "outlet",
                   article: str = "article_id", event: str | None = "event") -> pd.DataFrame:
    """One row per article (and `by` group): the mean of each `value` column over the article's rows.

    A boolean or 0/1 column gives the share of the article's sentences with the flag. Needs
    `article`, the `by` columns and the `value` columns; `event` is kept when the table has it.
    NaN values are left out of an article's mean. Returns `article`, the `by` columns, `event`
    (when present), `n_sentences` (rows with a value) and one column per `value`.

    >>> article_values(scored, value="sentiment")              # doctest: +SKIP
    """
    values = _as_list(value)
    keys = [article] + [c for c in _as_list(by) if c != article]
    if event and event in table.columns and event not in keys:
        keys.append(event)
    _need(table, keys + values, "article_values")
    numeric = table[keys].copy()
    for column in values:
        numeric[column] = table[column].astype(float)
    grouped = numeric.groupby(keys, sort=True, dropna=False)
    out = grouped[values].mean()
    out.insert(0, "n_sentences", grouped[values[0]].count().astype("int64"))
    return out.reset_index()


# ── intervals over articles ────────────────────────────────────────────────────────────────────

def mean_interval(values, *, ci: float = 0.95, method: str = "t", n_boot: int = 2000,
                  seed: int | np.random.Generator = 0) -> tuple[float, float]:
    """Interval of the mean of `values` (one value per article).

    `method`: "t" is the Student t interval mean ± t_{n−1} · sd / √n over the per-article values
    (`scipy.stats.t`; the usual choice with few clusters, Cameron & Miller 2015); "korn-graubard",
    for shares in [0, 1], is the Wilson interval on the effective number of articles
    (`share_interval`, Korn & Graubard 1998); "expanded", "percentile" and "BCa" are bootstrap
    intervals over articles (`bootstrap_interval`). Which covers closer to 95% with few articles
    is measured in benchmarks/bench_stats.py. Needs at least two values; equal values give a
    zero-width interval at that value (shares all at 0 or all at 1: see `share_bound`).
    """
    if method not in INTERVAL_METHODS:
        raise ValueError(f"method must be one of {INTERVAL_METHODS}, not {method!r}")
    if method == "korn-graubard":
        x = np.asarray(values, dtype=float)
        x = x[~np.isnan(x)]
        if len(x) >= 2 and np.ptp(x) == 0 and x[0] not in (0, 1):
            return float(x[0]), float(x[0])
        return share_interval(x, ci=ci, method="wilson")
    if method != "t":
        return bootstrap_interval(values, ci=ci, n_boot=n_boot, method=method, seed=seed)
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if len(x) < 2:
        raise ValueError("an interval needs at least two values")
    if np.ptp(x) == 0:
        return float(x[0]), float(x[0])
    low, high = _stats.t.interval(ci, len(x) - 1, loc=x.mean(), scale=_stats.sem(x))
    return float(low), float(high)


def bootstrap_interval(values, *, ci: float = 0.95, n_boot: int = 2000, method: str = "expanded",
                       seed: int | np.random.Generator = 0) -> tuple[float, float]:
    """Bootstrap interval of the mean of `values` (one value per article), by `scipy.stats.bootstrap`.

    `method`: "expanded" (default) is the expanded percentile interval of Hesterberg (2015, "What
    teachers should know about the bootstrap", The American Statistician 69): the percentile
    interval taken at the level 1 − 2Φ(−√(n/(n−1)) t_{n−1, 1−α/2}), which corrects the percentile
    interval's narrowness with few articles; "percentile" and "BCa" (Efron 1987) are scipy's.
    Needs at least two values; equal values give a zero-width interval at that value.
    """
    if method not in BOOTSTRAP_METHODS:
        raise ValueError(f"method must be one of {BOOTSTRAP_METHODS}, not {method!r}")
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n = len(x)
    if n < 2:
        raise ValueError("a bootstrap interval needs at least two values")
    if np.ptp(x) == 0:
        return float(x[0]), float(x[0])
    level = ci
    if method == "expanded":
        level = 1 - 2 * _stats.norm.sf(math.sqrt(n / (n - 1)) * _stats.t.ppf(1 - (1 - ci) / 2, n - 1))
    result = _stats.bootstrap((x,), np.mean, confidence_level=level, n_resamples=n_boot,
                              method="BCa" if method == "BCa" else "percentile", rng=_rng(seed))
    low, high = result.confidence_interval
    return float(low), float(high)


def _rng(seed: int | np.random.Generator) -> np.random.Generator:
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def share_bound(n: int, at: float, *, ci: float = 0.95) -> tuple[float, float]:
    """Interval of the mean share when all `n` articles have the share `at`, 0 or 1: the exact
    binomial interval of 0 (or `n`) successes in `n` trials (Clopper & Pearson 1934, by
    `scipy.stats.binomtest`), e.g. 0 to 52% for five articles at 0%.

    Why it holds for shares: an article's share X lies in [0, 1], so P(X > 0) ≥ E[X] = μ and
    n articles all at 0 have probability at most (1 − μ)ⁿ, the binomial's for 0 of n; the bound
    is conservative for any distribution of shares. A bootstrap or t interval from equal values
    has zero width, which claims the outlet's share is known exactly."""
    if at not in (0, 1):
        raise ValueError("an exact bound needs every share at 0 or at 1")
    interval = _stats.binomtest(int(round(at * n)), n).proportion_ci(confidence_level=ci, method="exact")
    return float(interval.low), float(interval.high)


SHARE_METHODS = {"beta": "Clopper-Pearson", "wilson": "Wilson"}


def effective_n(values, *, ci: float = 0.95, df_adjusted: bool = True) -> float:
    """The effective number of articles behind the mean share of `values` (one share in [0, 1] per
    article), as Korn & Graubard (1998) define it for a proportion estimated from a clustered
    sample: n_eff = p(1 − p) / var(p), with p the mean share and var(p) = s² / n its variance over
    articles, the number of yes/no trials that would give the mean share the same variance.
    `df_adjusted` multiplies it by (z / t_{n−1})² at the `ci` level, Korn & Graubard's correction
    for estimating var(p) from n articles. Shares all at 0 or all at 1 have no variance: n_eff is
    then the number of articles, as in Korn & Graubard. It is not capped at the number of articles:
    an article's share is itself a mean over its sentences (or quotes), so articles whose shares are
    closer together than yes/no answers tell more than one trial each."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n = len(x)
    if n < 2:
        raise ValueError("an effective number of articles needs at least two values")
    if x.min() < 0 or x.max() > 1:
        raise ValueError("an effective number of articles needs shares in [0, 1]")
    p, variance = x.mean(), x.var(ddof=1) / n
    if variance == 0:
        if p not in (0, 1):
            raise ValueError("every share is the same and not 0 or 1: no variance to make an interval from")
        return float(n)
    n_eff = p * (1 - p) / variance
    if df_adjusted:
        n_eff *= (_stats.norm.ppf(1 - (1 - ci) / 2) / _stats.t.ppf(1 - (1 - ci) / 2, n - 1)) ** 2
    return float(n_eff)


def share_interval(values, *, ci: float = 0.95, method: str = "wilson",
                   df_adjusted: bool = True) -> tuple[float, float]:
    """Interval of the mean share of `values` (one share in [0, 1] per article) by Korn & Graubard
    (1998): the binomial interval of p · n_eff successes in n_eff trials (`effective_n`), by
    `statsmodels.stats.proportion.proportion_confint`; `method` "wilson" (Wilson 1927; the default:
    on simulated corpora it covers closer to 95% than "beta" at 5-10 articles, with narrower
    intervals, benchmarks/bench_stats.py part 10) or "beta" (Clopper & Pearson 1934, the one Korn &
    Graubard propose, more conservative). Unlike a bootstrap or t interval it stays in [0, 1], is
    asymmetric near 0 and 1 (longer on the side away from the bound), and is never of zero width:
    shares all at 0 give n_eff = n ("beta": the exact bound of `share_bound`). Needs at least two values."""
    from statsmodels.stats.proportion import proportion_confint

    if method not in SHARE_METHODS:
        raise ValueError(f"method must be one of {tuple(SHARE_METHODS)}, not {method!r}")
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n_eff = effective_n(x, ci=ci, df_adjusted=df_adjusted)
    low, high = proportion_confint(x.mean() * n_eff, n_eff, alpha=1 - ci, method=method)
    return float(low), float(high)


def _group_interval(x: np.ndarray, *, ci: float, n_boot: int, method: str, seed, label: str,
                    bounded: bool) -> tuple[float, float, str]:
    """The interval of one group's per-article values and the words for it (`summarise_articles`):
    when every value is the same there is no spread to resample; shares all at 0 or all at 1 get
    `share_bound`, any other value no interval."""
    if np.ptp(x) == 0:
        if bounded and x[0] in (0, 1):
            return (*share_bound(len(x), float(x[0]), ci=ci), EXACT_BOUND.format(value=x[0], ci=ci))
        return np.nan, np.nan, NO_SPREAD.format(value=x[0])
    return (*mean_interval(x, ci=ci, n_boot=n_boot, method=method, seed=seed), label)


def summarise_articles(values: pd.DataFrame, *, value: str, by: str | Iterable[str] = "outlet",
                       min_articles: int = MIN_ARTICLES, ci: float = 0.95, n_boot: int = 2000,
                       method: str | None = None, bounded: bool = False, seed: int = 0) -> pd.DataFrame:
    """Per group: the mean of the per-article values, the number of articles, and an interval over
    the group's articles (`mean_interval`: `method` "korn-graubard", the default for shares
    (`bounded=True`), is the Wilson interval on the effective number of articles of Korn & Graubard
    (1998), `share_interval`; "expanded", the default otherwise, "percentile" or "BCa" resample the
    articles; "t" is the Student t interval over the per-article values).

    Needs the `by` columns and `value` (one row per article, as `article_values` gives; its
    `n_sentences` is summed over the group's articles when present). A group with fewer than `min_articles` articles
    gets no interval: `ci_low`/`ci_high` are NaN and `interval` says "too few articles for an
    interval" (draw its per-article values instead). Sentences are never resampled. A group whose
    articles all have the same value has no spread to make an interval from: with `bounded=True`
    (values are shares in [0, 1]) shares all at 0 or all at 1 get the exact binomial bound of
    `share_bound` and `interval` says so; otherwise there is no interval and `interval` says why.

    Returns the `by` columns, `n_sentences` (summed over the group's articles, when known; named
    so that it is not read as the n of the interval, which is `n_articles`), `n_articles`, `mean`, `ci_low`,
    `ci_high`, `interval` (how the interval was made, or why there is none), one row per group in the
    order of `by`: outlets labelled by lean left to right (`leans.sort_groups`), other values sorted.
    Each group draws from its own generator seeded with `seed`, so its interval does not depend on
    the other groups.
    """
    keys = _as_list(by)
    _need(values, keys + [value], "summarise_articles")
    table = values.dropna(subset=[value])
    method = method or ("korn-graubard" if bounded else "expanded")
    if method not in INTERVAL_METHODS:
        raise ValueError(f"method must be one of {INTERVAL_METHODS}, not {method!r}")
    label = {"t": f"t interval over articles ({ci:.0%})", "korn-graubard": KORN_GRAUBARD.format(ci=ci)}.get(
        method, f"bootstrap over articles ({method}, {ci:.0%})")
    rows = []
    for group, part in table.groupby(keys, sort=True, dropna=False):
        x = part[value].to_numpy(dtype=float)
        low, high, how = np.nan, np.nan, NO_INTERVAL
        if len(x) >= max(min_articles, 2):
            low, high, how = _group_interval(x, ci=ci, n_boot=n_boot, method=method, seed=seed, label=label,
                                             bounded=bounded)
        rows.append({**dict(zip(keys, group)),
                     "n_sentences": int(part["n_sentences"].sum()) if "n_sentences" in part else np.nan,
                     "n_articles": len(x), "mean": float(x.mean()), "ci_low": low, "ci_high": high,
                     "interval": how})
    columns = keys + ["n_sentences", "n_articles", "mean", "ci_low", "ci_high", "interval"]
    return _in_outlet_order(pd.DataFrame(rows, columns=columns), keys)


def _in_outlet_order(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """`table` sorted by `keys`, lean labels left to right (`leans.sort_groups`), others by value."""
    from .leans import sort_groups  # leans reads the keywords package, which reads this module

    return sort_groups(table, keys)


# Coverage of the nominal 95% intervals measured on simulated corpora at 5-10 articles, by what is
# averaged and how (docs/statistics.md, "Part 10: which interval for shares": `COMPARE_REPS=400
# ONLY=intervals .venv/bin/python benchmarks/bench_stats.py`, every method on the same corpora; the exact bound where
# every article is at 0% or 100%): t over mean sentiment 0.912 and 0.925; the Korn-Graubard Wilson
# interval over frame shares 0.958 and 0.912 (a common frame, true share 0.25; 0.993 and 0.930 for a
# rare one, 0.03) and over quote shares 0.983 and 0.954. The expanded bootstrap it replaced, still there
# as `method="expanded"`: 0.882 and 0.902 over frame shares (`REPS=400 ONLY=coverage`), 0.940 and 0.927
# over quote shares (`QUOTE_REPS=400 ONLY=quotes`, 6 and 10 articles). Captions and the report quote these.
MEASURED_COVERAGE = {("sentiment", "t"): "91–93%", ("frame share", "korn-graubard"): "91–99%",
                     ("quote share", "korn-graubard"): "95–98%", ("frame share", "expanded"): "88–90%",
                     ("quote share", "expanded"): "93–94%", ("sentiment in part of an article", "t"): "95–96%"}


def describe_intervals(summary: pd.DataFrame, *, measure: str, method: str, by: str = "outlet",
                       shape: str = "bars", dots: bool = True) -> str:
    """The words a caption needs for the intervals of a `summarise_articles` table (or of
    `summarise_sentiment`, `summarise_frames`): "bars: nominal 95% t interval over articles
    (measured coverage 91–93% at 5–10 articles, docs/statistics.md; none below 5 articles: dots are
    the articles)". When no row has an interval (every group below `MIN_ARTICLES` articles, as with
    one article per outlet) it says so instead of describing intervals the chart does not draw:
    "no interval: every outlet has fewer than 5 articles (dots are the articles)". `measure`
    ("sentiment", "frame share") and `method` ("t", "korn-graubard", "expanded"…) pick the coverage measured, when
    there is one (`MEASURED_COVERAGE`). Needs `ci_low`."""
    _need(summary, ["ci_low"], "describe_intervals")
    articles = f"none below {MIN_ARTICLES} articles" + (": dots are the articles" if dots else "")
    if summary["ci_low"].notna().sum() == 0:
        return (f"no interval: every {by} has fewer than {MIN_ARTICLES} articles"
                + (" (dots are the articles)" if dots else ""))
    name = {"t": "t interval", "expanded": "bootstrap interval",
            "korn-graubard": "Korn-Graubard (Wilson) interval"}.get(
        method, f"{method} bootstrap interval")
    coverage = MEASURED_COVERAGE.get((measure, method))
    measured = f"measured coverage {coverage} at 5–10 articles, docs/statistics.md; " if coverage else ""
    return f"{shape}: nominal 95% {name} over articles ({measured}{articles}{_same_value_words(summary, by)})"


def _same_value_words(summary: pd.DataFrame, by: str) -> str:
    """What a caption adds for groups whose articles all had one value (`summarise_articles`): how
    many got the exact binomial bound instead of a resampled interval (counted in the table, which
    may hold more groups than a chart draws), and how many none."""
    if "interval" not in summary:
        return ""
    how = summary["interval"].fillna("")
    exact, flat = int(how.str.startswith("every article at").sum()), int(how.str.startswith("every article has").sum())
    words = ""
    if exact:
        words += (f"; where all of one {by}'s articles are at 0% or 100% ({exact:,} in the table), the exact binomial "
                  "bound over articles (Clopper-Pearson)")
    if flat:
        words += f"; {flat:,} {by}{'s' * (flat != 1)} whose articles all have one value: no interval"
    return words


# Coverage of the nominal 95% t interval over events of `within_event_effects`, measured on simulated
# corpora (docs/statistics.md: 0.960, 0.970 and 0.955 at 5, 10 and 20 events, `ONLY=bias`; 0.950 on
# the layout of allsides-100, `ONLY=layout`). Captions quote it.
MEASURED_EVENT_COVERAGE = "95–97%"


def describe_event_intervals(effects: pd.DataFrame, *, by: str = "outlet", min_events: int = MIN_ARTICLES) -> str:
    """The words a caption needs for a `within_event_effects` table drawn by
    `plot_within_event_differences`: the intervals over events and their measured coverage, how
    many groups are drawn hollow (fewer than `min_events` events: the mean of those events' gaps,
    no interval, not ranked; or the same gap on every event, with no spread for an interval) and
    how many share no event and are left out. Needs `n_events`,
    `ci_low`, `difference`."""
    from .store import counted

    _need(effects, ["n_events", "ci_low", "difference"], "describe_event_intervals")
    compared = effects[effects["n_events"] > 0]
    without = compared["ci_low"].isna()
    few = int((without & (compared["n_events"] < min_events)).sum())
    flat = int(without.sum()) - few  # enough events, but the same gap on each (`NO_EVENT_SPREAD`)
    hollow = "the mean of those events' gaps, which describes them and estimates nothing: no interval, not ranked"
    same = (f"{counted(flat, by + 's')} whose gap is the same on every event (e.g. none of the articles has any): "
            "no spread to make an interval from, no interval, not ranked")
    if compared.empty:
        text = f"no {by} shares an event with another"
    elif few == len(compared):
        text = (f"no interval: every {by} shares fewer than {min_events} events with the others (hollow dots: "
                f"{hollow})")
    elif not (~without).any():
        text = f"no interval: hollow dots: {same}" + (
            f"; {few:,} on fewer than {min_events} events, {hollow}" if few else "")
    else:
        text = (f"bars: nominal 95% t interval over events (measured coverage {MEASURED_EVENT_COVERAGE} at "
                f"5–20 events, docs/statistics.md; each for one {by}, not adjusted for the number shown)")
        if few:
            text += (f"; hollow dots: {few:,} of the {counted(len(compared), by + 's')} on fewer than "
                     f"{min_events} events, {hollow}")
        if flat:
            text += f"; hollow dots: {same}"
    never = int((effects["n_events"] == 0).sum())
    if never:
        text += f"; {counted(never, by + 's')} sharing no event with another left out"
    return text


# ── permutation tests over articles ────────────────────────────────────────────────────────────

def shuffle_within(labels, strata=None, *, n: int, seed: int | np.random.Generator = 0) -> np.ndarray:
    """`n` random rearrangements of `labels`, each shuffling labels only among rows of the same
    stratum (e.g. articles of one event). Returns an array of shape (n, len(labels)) of labels."""
    labels = np.asarray(labels)
    codes = np.zeros(len(labels), dtype=float) if strata is None else pd.factorize(np.asarray(strata))[0].astype(float)
    order = np.argsort(codes, kind="stable")
    rng = _rng(seed)
    # Sorting (stratum + a uniform draw in [0, 1)) keeps each stratum's block in place and shuffles inside it.
    within = np.argsort(codes[order] + rng.random((n, len(labels))), axis=1)
    shuffled = np.empty((n, len(labels)), dtype=labels.dtype)
    shuffled[:, order] = labels[order][within]
    return shuffled


def _between_groups(centred: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Σ_g n_g · mean_g² of `centred` values for each row of group `codes` (k-group statistic; for
    two groups it orders outcomes as |difference in means| does). `codes`: (n_perm, n) or (n,)."""
    codes = np.atleast_2d(codes)
    flat = (np.arange(codes.shape[0])[:, None] * n_groups + codes).ravel()
    size = codes.shape[0] * n_groups
    sums = np.bincount(flat, weights=np.broadcast_to(centred, codes.shape).ravel(), minlength=size)
    counts = np.bincount(flat, minlength=size)
    sums, counts = sums.reshape(-1, n_groups), counts.reshape(-1, n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nansum(sums ** 2 / counts, axis=1)


def comparable(groups, strata=None) -> np.ndarray:
    """Which rows can compare groups within their stratum: True for the rows whose stratum (event)
    holds at least two distinct groups (outlets). Shuffling labels within a stratum of one group
    changes nothing, so its rows cannot tell groups apart: tests (`permutation_test`) and
    distinctive words (`keywords.log_odds`, `keywords.log_odds_threshold`) leave them out by this one
    rule. `strata` None is one stratum; rows with no stratum (NaN) are one pool, as in
    `shuffle_within`; a row with no group (NaN) counts for none. Returns a boolean array."""
    group_codes = pd.factorize(np.asarray(groups, dtype=object))[0]
    stratum_codes = (np.zeros(len(group_codes), dtype=np.int64) if strata is None
                     else pd.factorize(np.asarray(strata, dtype=object))[0])
    pairs = pd.DataFrame({"s": stratum_codes, "g": group_codes})
    n_groups = pairs[pairs["g"] >= 0].drop_duplicates().groupby("s").size()
    return (pairs["s"].map(n_groups).fillna(0) >= 2).to_numpy()


def left_out(table: pd.DataFrame, keep, *, article: str = "article_id", event: str | None = "event") -> dict:
    """What `comparable` leaves out of `table` (rows where `keep` is False): `n_articles` (distinct
    `article`, NaN when the table has none) and `n_events` (distinct `event`, NaN counting as one; 0
    without the column)."""
    dropped = table[~np.asarray(keep, dtype=bool)]
    return {"n_articles": int(dropped[article].nunique()) if article in table else np.nan,
            "n_events": int(dropped[event].nunique(dropna=False)) if event and event in table else 0}


def describe_left_out(counts, *, by: str = "outlet") -> str:
    """`left_out`'s counts as words for a caption: "3 articles of 2 events covered by one outlet
    left out"; "" when nothing was left out."""
    from .store import counted

    events = int(counts.get("n_events") or 0)
    if not events:
        return ""
    articles = counts.get("n_articles")
    what = (f"{counted(int(articles), 'articles')} of " if articles is not None and pd.notna(articles) else "")
    return f"{what}{counted(events, 'events')} covered by one {by} left out"


def permutation_test(values: pd.DataFrame, *, value: str, by: str = "outlet", event: str | None = "event",
                     n_permutations: int = 1999, seed: int = 0) -> dict:
    """Do the groups differ in `value`? A permutation test over articles (Good 2005).

    Needs `by` and `value` (one row per article, as `article_values` gives); with `event` (when
    the table has it) labels are shuffled only among articles of the same event, values are
    centred on their event's mean, and events covered by one group only are left out (`comparable`:
    rows without an event are one pool): outlets are compared within events. The statistic is Σ_g n_g · (mean of g's centred values)², i.e. the
    between-group sum of squares (two groups: the absolute difference in means). The p-value is
    (1 + shuffles at least as extreme) / (1 + `n_permutations`) (Phipson & Smyth 2010).

    Returns a dict: `statistic`, `p_value`, `n_articles`, `n_groups`, `n_events` (compared),
    `n_events_left_out` (holding articles of one group only), `n_permutations`, `test` (what was
    shuffled) and `note` (why there is no p-value, if none: one group, `NO_SHARED_EVENT`,
    `NOTHING_TO_TEST`, or `SAME_WITHIN_EVENTS` where no shuffle could change the statistic and p would be 1 whatever the outlets did). Assumes only that, were the outlets alike, their articles of one event would be exchangeable.
    """
    _need(values, [by, value], "permutation_test")
    table = values.dropna(subset=[value, by])
    strata = (pd.factorize(table[event].to_numpy(dtype=object))[0] if event and event in table.columns
              else np.zeros(len(table), dtype=np.int64))  # no event (NaN): one pool
    groups = table[by].to_numpy()
    keep = comparable(groups, strata)
    within = "within events" if event and event in values.columns else "among all articles"
    n_left_out = int(pd.Series(strata[~keep]).nunique()) if within == "within events" else 0
    table, groups, strata = table[keep], groups[keep], strata[keep]
    x = table[value].to_numpy(dtype=float)
    n_events = int(pd.Series(strata).nunique())
    result = {"statistic": np.nan, "p_value": np.nan, "n_articles": len(x),
              "n_groups": int(pd.Series(groups).nunique()), "n_events": n_events, "n_events_left_out": n_left_out,
              "n_permutations": n_permutations, "test": f"permutation of {by} labels over articles, {within}",
              "note": ""}
    if result["n_groups"] < 2:
        several = pd.Series(values[by]).dropna().nunique() > 1  # before the events of one group were left out
        result["note"] = NO_SHARED_EVENT.format(by=by, present="") if several else ONE_GROUP.format(by=by)
        return result
    if pd.Series(groups).value_counts().max() == 1:  # shuffles would only swap the groups' names
        result["note"] = NOTHING_TO_TEST
        return result
    centred = x - pd.Series(x).groupby(strata).transform("mean").to_numpy()
    if np.abs(centred).max() <= 1e-12 * max(1.0, float(np.abs(x).max())):
        result["note"] = SAME_WITHIN_EVENTS.format(by=by)
        return result
    codes, names = pd.factorize(groups)
    observed = _between_groups(centred, codes, len(names))[0]
    rng = np.random.default_rng(seed)
    batch = max(1, min(n_permutations, _SHUFFLE_CELLS // max(len(x), 1)))  # bounded memory
    null = np.concatenate([
        _between_groups(centred, shuffle_within(codes, strata, n=min(batch, n_permutations - done), seed=rng),
                        len(names))
        for done in range(0, n_permutations, batch)])
    tolerance = 1e-12 * max(1.0, abs(observed))
    result["statistic"] = float(observed)
    result["p_value"] = float((1 + np.sum(null >= observed - tolerance)) / (1 + n_permutations))
    return result


def cliffs_delta(x, y) -> float:
    """Cliff's delta (Cliff 1993): P(X > Y) − P(X < Y) for values of two groups, from the
    Mann-Whitney U of `scipy.stats.mannwhitneyu` (δ = 2U / (n_x n_y) − 1). NaN if a group is empty."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    x, y = x[~np.isnan(x)], y[~np.isnan(y)]
    if not len(x) or not len(y):
        return float("nan")
    u = _stats.mannwhitneyu(x, y, alternative="two-sided").statistic
    return float(2 * u / (len(x) * len(y)) - 1)


def within_event_effects(values: pd.DataFrame, *, value: str, by: str = "outlet", event: str | None = "event",
                         ci: float = 0.95, min_events: int = MIN_ARTICLES,
                         min_articles: int = MIN_ARTICLES) -> pd.DataFrame:
    """Per group, how its articles compare with the other groups' articles on the same events.

    Needs `by` and `value`, one row per article; with `event` (when the table has it) the group's
    articles of each event are set against the other groups' articles of that event only, so what
    a group chose to cover does not count as how it covered it (rows without an event are one
    pool; no `event`: one event). Events no other group covers are left out. Returns `by`,
    `n_compared` (the group's articles compared), `n_other` (the other groups' articles of those
    events), `n_events` (those events), `mean_other` (the mean over those events of the other
    groups' mean), `difference` (the mean over those events of the group's mean minus the others':
    each event counts once, as the independent unit), `ci_low`, `ci_high` (Student t interval of
    `difference` over events, from `min_events` events up; NaN below, and NaN when every event's gap
    is the same, e.g. shares all 0 on both sides: a t interval of zero width would say the
    difference is known exactly, and the gaps give no spread to say how far it may be from it; there
    is no bound as for shares, since a gap of 0 may be two equal shares anywhere) and `cliffs_delta` (Cliff
    1993, over the pairs of one of the group's articles and another group's article of the same
    event: P(X > Y) − P(X < Y); NaN with fewer than `min_articles` articles on either side, as in
    `compare_outlets`: a delta of ±1 from one article says nothing) and `note`: why a group has no
    interval ("" when it has one: too few events, or `NO_EVENT_SPREAD`). Below `min_events` events `difference` stays, as a description
    of those events (the chart draws it hollow and does not rank it), and `note` says it estimates
    nothing. With one event these are the plain difference in means and Cliff's delta of the group
    against the rest, with no interval.
    """
    _need(values, [by, value], "within_event_effects")
    table = values[[by, value] + ([event] if event and event in values.columns else [])].dropna(subset=[by, value])
    strata = (pd.factorize(table[event].to_numpy(dtype=object))[0] if event and event in table.columns
              else np.zeros(len(table), dtype=np.int64))
    frame = pd.DataFrame({"g": table[by].to_numpy(), "s": strata, "x": table[value].to_numpy(dtype=float)})
    compared, cells = _against_other_groups(frame)
    return _effect_rows(np.sort(frame["g"].unique()), compared, cells, by=by, ci=ci, min_events=min_events,
                        min_articles=min_articles)


def _against_other_groups(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each article (`frame`: group `g`, event `s`, value `x`) set against the other groups'
    articles of its event. Returns the articles that have any, with `n_other`, `wins` (others below
    minus others above it) and `pairs`; and per group and event (`cells`), the group's mean `own`,
    the others' mean `other`, `n_other` and `gap` = own − other."""
    frame = frame.copy()
    in_event, in_cell = frame.groupby("s")["x"], frame.groupby(["s", "g"])["x"]
    frame["n_own"] = in_cell.transform("size")
    frame["n_other"] = in_event.transform("size") - frame["n_own"]
    frame["other_mean"] = (in_event.transform("sum") - in_cell.transform("sum")) / frame["n_other"].where(frame["n_other"] > 0)
    # The event's other-group articles below and above each article, from ranks (ties count as neither).
    below = (in_event.rank(method="min") - 1) - (in_cell.rank(method="min") - 1)
    above = (frame["n_own"] + frame["n_other"] - in_event.rank(method="max")) - (frame["n_own"] - in_cell.rank(method="max"))
    compared = frame.assign(wins=below - above, pairs=frame["n_other"])[frame["n_other"] > 0]
    cells = compared.groupby(["g", "s"]).agg(own=("x", "mean"), other=("other_mean", "first"), n_other=("n_other", "first"))
    cells["gap"] = cells["own"] - cells["other"]
    return compared, cells


def _effect_rows(groups, compared: pd.DataFrame, cells: pd.DataFrame, *, by: str, ci: float, min_events: int,
                 min_articles: int) -> pd.DataFrame:
    """The rows of `within_event_effects`, one per group, from `_against_other_groups`."""
    # Per group, its articles compared and its events: one pass each (cells come sorted by group, so
    # a group's events are one slice), not a search of the whole table per group.
    tally = compared.groupby("g").agg(n=("x", "size"), wins=("wins", "sum"), pairs=("pairs", "sum"))
    tally = dict(zip(tally.index, zip(tally["n"], tally["wins"], tally["pairs"])))
    in_cells = cells.index.get_level_values(0)
    names, first, counts = np.unique(in_cells, return_index=True, return_counts=True)
    starts, sizes = dict(zip(names, first)), dict(zip(names, counts))
    other, gap, n_other = (cells[c].to_numpy() for c in ("other", "gap", "n_other"))
    rows = []
    for group in groups:
        start = starts.get(group, 0)
        stop = start + sizes.get(group, 0)
        n_compared, wins, pairs = tally.get(group, (0, 0.0, 0))
        others = int(n_other[start:stop].sum())
        low = high = np.nan
        note = _events_note(int(stop - start), max(min_events, 2), by=by)
        if stop - start >= max(min_events, 2) and np.ptp(gap[start:stop]) == 0:
            note = NO_EVENT_SPREAD.format(value=gap[start])  # a t interval of zero width would claim it exact
        elif stop - start >= max(min_events, 2):
            low, high = mean_interval(gap[start:stop], ci=ci)
        rows.append({by: group, "n_compared": int(n_compared), "n_other": others, "n_events": int(stop - start),
                     "mean_other": other[start:stop].mean() if stop > start else np.nan,
                     "difference": gap[start:stop].mean() if stop > start else np.nan, "ci_low": low,
                     "ci_high": high, "cliffs_delta": wins / pairs
                     if min(n_compared, others) >= max(min_articles, 1) else np.nan,
                     "note": note})
    return _in_outlet_order(pd.DataFrame(rows, columns=[by, "n_compared", "n_other", "n_events", "mean_other",
                                                        "difference", "ci_low", "ci_high", "cliffs_delta", "note"]), [by])


def _events_note(n_events: int, min_events: int, *, by: str = "outlet") -> str:
    """Why a row of `within_event_effects` has no interval ("" when it has one)."""
    from .store import counted

    if n_events == 0:
        return f"shares no event with another {by}: nothing to compare"
    if n_events < min_events:
        return (f"{counted(n_events, 'events')}: {NO_EVENT_INTERVAL} (fewer than {min_events}); `difference` "
                "describes these events only, it is not an estimate and is not ranked")
    return ""


def adjust_p(p_values, *, method: str = "holm") -> np.ndarray:
    """p-values adjusted for testing many at once, by `statsmodels.stats.multitest.multipletests`:
    "holm" (family-wise error, Holm 1979), "fdr_bh" (false discovery rate, Benjamini & Hochberg
    1995) or "bonferroni". NaN p-values stay NaN and do not count as tests."""
    from statsmodels.stats.multitest import multipletests

    if method not in CORRECTIONS:
        raise ValueError(f"method must be one of {sorted(CORRECTIONS)}, not {method!r}")
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if ok.any():
        out[ok] = multipletests(p[ok], method=method)[1]
    return out


def compare_outlets(values: pd.DataFrame, *, value: str, by: str = "outlet",
                    family: str | Iterable[str] | None = None, event: str | None = "event",
                    correction: str = "holm", min_articles: int = MIN_ARTICLES, n_permutations: int = 1999,
                    present: str | None = None, present_as: str = "with it", alpha: float = ALPHA,
                    seed: int = 0) -> pd.DataFrame:
    """Per family (e.g. each frame) and group: effect sizes against the other groups and the
    permutation test of "the groups differ", with p-values adjusted across families.

    Needs `by`, `value` and the `family` columns, one row per article (and family), as
    `article_values` or `frames.article_frames` give; `event` as in `permutation_test`.
    Returns the `family` columns, `by`, `n_articles`, `mean` (of the group's per-article values),
    `mean_other` (of the other groups' articles on the same events), `difference` (the mean over
    events of the group's mean minus the others') and `cliffs_delta` (the group's articles against
    the other groups' articles of the same events; both from `within_event_effects`), `effect_note`, then per family: `p_value` (`permutation_test`), `p_adjusted` (across families), `correction` (the method's
    name and the number of tests it adjusted over; empty when nothing could be tested),
    `n_events_tested` (the events the test compared, the same on every row: not the group's events,
    which `within_event_effects` gives as `n_events`), `n_events_left_out` (the family's events holding
    articles of one group only, which the test cannot use), `test` and `note`.

    With fewer than `min_articles` of the group's articles compared, or of the others' articles of
    those events (the minimum below which `summarise_articles` draws no interval), there is no effect size: a Cliff's delta of ±1 from one
    article says nothing. `difference` and `cliffs_delta` are then NaN and `effect_note` says
    `NO_EFFECT`; `mean` and `mean_other` stay, to show beside the articles. The minimum is counted in
    articles, while `within_event_effects` draws its interval over events from `min_articles` events:
    when the table has several events and a group's articles are enough but its events are fewer,
    the effect sizes stay and `effect_note` says so (`FEW_EVENTS_EFFECT`), as the chart on the same
    events draws that group hollow. `effect_note` is empty otherwise.

    `present`: a column above 0 where an article holds what `value` measures (`n_words`, the
    speaker's quoted words, where `value` is 0 for an article quoting others). A family is then
    tested only when some event has articles of two groups holding it, as a family whose table has
    rows only where it occurs (an actor named) is by `permutation_test`; else it has no test and
    `note` says `NO_SHARED_EVENT` with `present_as` ("no event has articles of two outlets quoting
    the speaker"): with one outlet quoting a speaker in each event, p = 1 would read as a test of
    how outlets quote them.

    A test whose adjusted p lies within Monte Carlo error of `alpha` is drawn again from more shuffles
    (`_settled`), so that a caption's "evidence at 0.05" does not hang on the seed.
    """
    families = _as_list(family)
    _need(values, families + [by, value], "compare_outlets")
    parts = list(values.groupby(families, sort=True)) if families else [((), values)]

    def shuffled(number: int, shuffles: int) -> dict:
        part = parts[number][1]
        if present and not _shared(part[part[present] > 0], by=by, event=event):
            return _not_shared(part, by=by, event=event, present_as=present_as)
        return permutation_test(part, value=value, by=by, event=event, n_permutations=shuffles, seed=seed + number)

    results = _settled([shuffled(number, n_permutations) for number in range(len(parts))], shuffled,
                       correction=correction, alpha=alpha)
    rows, tests = [], []
    for number, ((key, part), test) in enumerate(zip(parts, results)):
        key = key if isinstance(key, tuple) else (key,)
        tests.append(test["p_value"])
        means = part.dropna(subset=[by, value]).groupby(by, sort=True)[value].agg(["size", "mean"])
        effects = within_event_effects(part, value=value, by=by, event=event, min_articles=1).set_index(by)
        several = bool(event and event in part.columns and part[event].nunique() > 1)
        for group, effect in effects.iterrows():
            enough = min(effect["n_compared"], effect["n_other"]) >= max(min_articles, 1)
            few_events = several and enough and effect["n_events"] < max(min_articles, 2)
            rows.append({**dict(zip(families, key)), by: group, "n_articles": int(means.loc[group, "size"]),
                         "mean": means.loc[group, "mean"], "mean_other": effect["mean_other"],
                         "difference": effect["difference"] if enough else np.nan,
                         "cliffs_delta": effect["cliffs_delta"] if enough else np.nan,
                         "effect_note": (FEW_EVENTS_EFFECT.format(n=int(effect["n_events"])) if few_events
                                         else "" if enough else NO_EFFECT), "_family": number,
                         "p_value": test["p_value"], "n_events_tested": test["n_events"],
                         "n_events_left_out": test["n_events_left_out"], "test": test["test"], "note": test["note"]})
    adjusted = adjust_p(tests, method=correction)
    columns = families + [by, "n_articles", "mean", "mean_other", "difference", "cliffs_delta", "effect_note",
                          "p_value", "p_adjusted", "correction", "n_events_tested", "n_events_left_out", "test", "note"]
    table = pd.DataFrame(rows, columns=columns + ["_family"])
    table["p_adjusted"] = adjusted[table["_family"].to_numpy(dtype=int)] if len(table) else np.nan
    done = int(np.sum(~np.isnan(np.asarray(tests, dtype=float))))  # a family with nothing to test is no test
    table["correction"] = f"{CORRECTIONS[correction]} across {done} test{'s' * (done != 1)}" if done else None
    return _in_outlet_order(table[columns], families + [by])  # each family's outlets left to right for leans


def _settled(tests: list[dict], shuffled, *, correction: str, alpha: float) -> list[dict]:
    """`tests` (one `permutation_test` result per family) with those whose decision at `alpha` the
    Monte Carlo error could turn drawn again from more shuffles (`shuffled(number, shuffles)`).

    A p-value from B shuffles has a Monte Carlo standard error of about sqrt(p (1 − p) / B), which an
    adjustment across families multiplies with p. A test whose adjusted p lies within `MONTE_CARLO_Z`
    such errors of `alpha` is drawn again from each number of `MORE_SHUFFLES` in turn, while it stays
    that near and its shuffles times its articles stay within `REFINE_CELLS`; the others keep their p.
    This is the idea of sequential Monte Carlo tests (Besag & Clifford 1991; Gandy 2009), on a fixed
    ladder: a rerun with another seed gives the same decision unless p is within about ±0.001 of
    `alpha` (with 199,999 shuffles). Same table, same seeds: same p-values."""
    tests = list(tests)
    for shuffles in MORE_SHUFFLES:
        adjusted = adjust_p([t["p_value"] for t in tests], method=correction)
        near = [number for number, (test, p_adjusted) in enumerate(zip(tests, adjusted))
                if _near(test, p_adjusted, alpha) and test["n_articles"] * shuffles <= REFINE_CELLS]
        for number in near:
            tests[number] = shuffled(number, shuffles)
        if not near:
            break
    return tests


def _near(test: dict, p_adjusted: float, alpha: float) -> bool:
    """Whether the Monte Carlo error of `test`'s p, scaled as its adjustment scaled p, reaches `alpha`."""
    p = test["p_value"]
    if not (p > 0) or np.isnan(p_adjusted) or p_adjusted >= 1:
        return False
    error = np.sqrt(p * (1 - p) / (test["n_permutations"] + 1)) * p_adjusted / p
    return abs(p_adjusted - alpha) < MONTE_CARLO_Z * error


def _shared(rows: pd.DataFrame, *, by: str, event: str | None) -> bool:
    """Whether some event holds rows of two groups (`comparable`; no `event` column: one event)."""
    strata = rows[event] if event and event in rows.columns else None
    return bool(comparable(rows[by], strata).any())


def _n_events(rows: pd.DataFrame, event: str | None) -> int:
    """The distinct events of `rows` (rows without one count as one pool); 0 without the column."""
    return int(rows[event].nunique(dropna=False)) if event and event in rows.columns else 0


def _not_shared(part: pd.DataFrame, *, by: str, event: str | None, present_as: str) -> dict:
    """`permutation_test`'s result for a family whose events each hold what is measured in one group's
    articles only: no p-value, and `NO_SHARED_EVENT` saying so."""
    within = "within events" if event and event in part.columns else "among all articles"
    return {"statistic": np.nan, "p_value": np.nan, "n_articles": len(part), "n_groups": int(part[by].nunique()),
            "n_events": 0, "n_events_left_out": _n_events(part, event), "n_permutations": 0,
            "test": f"permutation of {by} labels over articles, {within}",
            "note": NO_SHARED_EVENT.format(by=by, present=f" {present_as}" if present_as else "")}


def describe_tests(table: pd.DataFrame, *, value: str, by: str = "outlet",
                   family: str | Iterable[str] | None = None) -> list[str]:
    """One sentence per family of a `compare_outlets` (or `summarise_frames`) table saying, once,
    what its permutation test asked and found: "frame share, conflict: do the 40 outlets differ?
    one test of all 40 outlets together (permutation of outlet labels over articles, within 30
    events): p = 0.69, adjusted 1 (Holm across 5 tests). It says whether they differ, not which
    outlet does." The table repeats the p-value on every group's row, where it reads as a test of
    that group. Needs `by`, `p_value` and the `family` columns; uses `p_adjusted`, `correction`,
    `test`, `n_events_tested` and `note` when there."""
    families = _as_list(family)
    parts = table.groupby(families, sort=True) if families else [((), table)]
    lines, untested = [], {}  # untested: reason → the line listing every family it holds
    for key, part in parts:
        key = key if isinstance(key, tuple) else (key,)
        subject = ", ".join([value, *map(str, key)])
        first = part.iloc[0]
        if pd.isna(first["p_value"]):  # families left untested for one reason share one line
            reason = first.get("note") or "nothing to test"
            if reason not in untested:
                untested[reason] = len(lines)
                lines.append([value, []])
            lines[untested[reason]][1].append(", ".join(map(str, key)))
            continue
        n = part[by].nunique()
        how = first.get("test") or f"permutation of {by} labels over articles"
        events = first.get("n_events_tested")
        left = left_out_of_tests(part.head(1), by=by)
        where = (f", within {_events(events)}" + (f"; {left}" if left else "")
                 if pd.notna(events) and "within events" in how else "")
        how = how.replace(", within events", "")
        text = (f"{subject}: do the {n:,} {by}s differ? one test of all {n:,} {by}s together "
                f"({how}{where}): p = {first['p_value']:.3g}")
        correction = first.get("correction")
        several = isinstance(correction, str) and not correction.endswith(" 1 test")  # one test: nothing to adjust
        if several and pd.notna(first.get("p_adjusted")):
            text += f", adjusted {first['p_adjusted']:.3g} ({correction})"
        lines.append(text + f". It says whether they differ, not which {by} does.")
    for reason, at in untested.items():
        what, keys = lines[at]
        lines[at] = ", ".join([what, *filter(None, keys)]) + f": no test: {reason}."
    return lines


def _events(count) -> str:
    """A number of events in words: "1 event", "100 events"."""
    return f"{int(count):,} event{'' if int(count) == 1 else 's'}"


def caption_tests(table: pd.DataFrame, *, by: str = "outlet", family: str | None = None,
                  alpha: float = ALPHA) -> str:
    """One sentence for a chart's caption naming the test behind it and what it found, from a
    `compare_outlets` (or `summarise_frames`) table: "Do the 72 outlets differ? One test of all of
    them, by permutation of outlet labels over articles within 100 events, one per frame, Holm across
    5 tests: adjusted p below 0.05 for 0 of 5 (conflict 1, economic 1, …); no evidence of a
    difference, so the order of the outlets may be chance." With one family
    the p-value itself is given; with nothing to test, the reason ("No test: each outlet has one
    article, so there is nothing to test."). Families tested on different events (each actor's
    articles) give their range: "within 2 to 31 events". A p below `alpha` is reported as evidence that
    the outlets differ, never as which one does. Needs `by`, `p_value`; uses `p_adjusted`,
    `correction`, `test`, `n_events_tested`, `note` and the `family` column when there."""
    families = [family] if family else []
    firsts = table.groupby(families, sort=True).head(1) if families else table.head(1)
    tested = firsts[firsts["p_value"].notna()]
    if tested.empty:
        reasons = _reasons(firsts, family) if family else {}
        if len(reasons) > 1:  # one reason per family, or the first family's would speak for all
            return "No test: " + "; ".join(f"for {', '.join(keys)}, {reason}" for reason, keys in reasons.items()) + "."
        note = next((n for n in firsts.get("note", pd.Series(dtype=object)) if isinstance(n, str) and n), "")
        return f"No test: {note or 'nothing to test'}."
    n = table[by].nunique()
    first = tested.iloc[0]
    how = str(first.get("test") or f"permutation of {by} labels over articles")
    events = tested["n_events_tested"].dropna() if "n_events_tested" in tested else pd.Series(dtype=float)
    if "within events" in how and len(events):  # families on different events (actors): their range
        low, high = int(events.min()), int(events.max())
        left = left_out_of_tests(tested, by=by)
        how = how.replace("within events", (f"within {_events(high)}" if low == high else f"within {low:,} to {high:,} events")
                          + (f" ({left})" if left else ""))
    how = how.replace(" over articles, ", " over articles ")
    text = f"Do the {n:,} {by}s differ? One test of all of them, by {how}"
    if len(tested) == 1:
        correction = first.get("correction")
        adjusted = (isinstance(correction, str) and not correction.endswith(" 1 test")
                    and pd.notna(first.get("p_adjusted")))  # one of a family tested together
        p = first["p_adjusted"] if adjusted else first["p_value"]
        found = (f"evidence at {alpha:g} that the {by}s differ (not which {by} does)" if p < alpha
                 else no_evidence(by))
        said = f"p = {first['p_value']:.3g}" + (f", adjusted {p:.3g} ({correction})" if adjusted else "")
        return f"{text}: {said}{_untested(firsts, family)}; {found}."
    below = tested[tested["p_adjusted"] < alpha]
    listed = ", ".join(f"{str(key).replace('_', ' ')} {p:.2g}" for key, p in zip(tested[family], tested["p_adjusted"]))
    found = (no_evidence(by) if below.empty else
             f"evidence at {alpha:g} that the {by}s differ in "
             f"{', '.join(str(key).replace('_', ' ') for key in below[family])} (not which {by} does)")
    return (f"{text}, one per {family}, {first.get('correction')}: adjusted p below {alpha:g} for "
            f"{len(below)} of {len(tested)} ({listed}){_untested(firsts, family)}; {found}.")


def left_out_of_tests(tested: pd.DataFrame, *, by: str = "outlet") -> str:
    """"3 events with articles of one outlet only left out": the events of the tests' tables that
    the tests could not use (`n_events_left_out` of `compare_outlets`), so that "within 63 events"
    beside a chart "pooled over 66 events" says where the other 3 went; a range for families left out
    of different numbers ("2 to 9 events", "up to 9 events"); "" when none was. Pass the rows of
    the tests named (one per family)."""
    if "n_events_left_out" not in tested:
        return ""
    counts = tested["n_events_left_out"].dropna().astype(int)
    if counts.empty or counts.max() == 0:
        return ""
    low, high = counts.min(), counts.max()
    number = _events(high) if low == high else f"{'up to' if low == 0 else f'{low:,} to'} {_events(high)}"
    return f"{number} with articles of one {by} only left out"


def _untested(firsts: pd.DataFrame, family: str | None) -> str:
    """"; no test for Anthony Fauci (each outlet has one article, so there is nothing to test)":
    the families of a caption's chart that have no test, each reason once, so that a family drawn
    in the chart is not simply missing from the list of tests."""
    if not family:
        return ""
    return "".join(f"; no test for {', '.join(keys)} ({reason})" for reason, keys in _reasons(firsts, family).items())


def _reasons(firsts: pd.DataFrame, family: str) -> dict[str, list[str]]:
    """{why there is no test: [the families it holds for]} over the rows of `firsts` with no p-value."""
    untested = firsts[firsts["p_value"].isna()]
    reasons: dict[str, list[str]] = {}
    for key, note in zip(untested[family], untested.get("note", pd.Series([""] * len(untested)))):
        reasons.setdefault(note if isinstance(note, str) and note else "nothing to test", []).append(
            str(key).replace("_", " "))
    return reasons


def no_evidence(by: str = "outlet") -> str:
    """What a caption says when the test finds no difference: "no evidence of a difference, so the
    order of the outlets may be chance". A chart ranks its groups by their values whatever the test
    found, and a reader takes the top one for the most positive (or framed) outlet."""
    return f"no evidence of a difference, so the order of the {by}s may be chance"


def order_note(test, *, by: str = "outlet", alpha: float = ALPHA) -> str:
    """What a chart that ranks groups by value says on itself when the test behind it finds no
    difference: "order may be chance: no evidence that the outlets differ (permutation test, p =
    0.41)". A saved image carries no caption, and a ranked chart pasted into a paper reads as an
    ordering of outlets. `test`: a `permutation_test` result, or a `compare_outlets` table of one
    family (its adjusted p when it was adjusted with others, as `caption_tests` reads it). "" when
    there is no test, no p-value, or p is below `alpha`."""
    if test is None:
        return ""
    if isinstance(test, pd.DataFrame):
        tested = test[test["p_value"].notna()] if "p_value" in test else test.iloc[:0]
        if tested.empty:
            return ""
        first = tested.iloc[0]
        correction = first.get("correction")
        adjusted = (isinstance(correction, str) and not correction.endswith(" 1 test")
                    and pd.notna(first.get("p_adjusted")))
        p = float(first["p_adjusted"] if adjusted else first["p_value"])
        said = f"adjusted p = {p:.2g}, {correction}" if adjusted else f"p = {p:.2g}"
    else:
        p = float(test.get("p_value", np.nan))
        said = f"p = {p:.2g}"
    if np.isnan(p) or p < alpha:
        return ""
    return f"order may be chance: no evidence that the {by}s differ (permutation test, {said})"


# ── simulated corpora with a known truth ───────────────────────────────────────────────────────

def simulate_articles(*, events: int = 10, outlets: int = 3, articles: int = 2, sentences: tuple = (8, 30),
                      article_sd: float = 0.15, sentence_sd: float = 0.4, event_sd: float = 0.1,
                      frame_rate: float = 0.25, frame_concentration: float = 2.0, shift: float = 0.0,
                      frame_shift: float = 0.0, seed: int | np.random.Generator = 0) -> pd.DataFrame:
    """A sentence table drawn from one known model, to check tests and intervals by simulation.

    `events` × `outlets` × `articles` articles, each with a number of sentences drawn uniformly from
    `sentences` (low, high). An article's tone is the event's effect (sd `event_sd`) plus its own
    (sd `article_sd`); each sentence adds noise (sd `sentence_sd`): `sentiment`. Each article has
    its own rate of frame cues, drawn from a Beta with mean `frame_rate` (and `frame_concentration`
    = a + b); each sentence carries the frame with that probability: `frame` (bool). The first
    outlet's articles are moved by `shift` in tone and by `frame_shift` in frame rate (0 = outlets
    do not differ: every outlet draws from the same distribution).

    Returns `article_id`, `event`, `outlet`, `sentence_id`, `position`, `sentiment`, `frame`; the
    truth for the first outlet is `shift` above the others.
    """
    rng = _rng(seed)
    n_articles = events * outlets * articles
    event = np.repeat(np.arange(events), outlets * articles)
    outlet = np.tile(np.repeat(np.arange(outlets), articles), events)
    copy = np.tile(np.arange(articles), events * outlets)
    tone = rng.normal(0, event_sd, events)[event] + rng.normal(0, article_sd, n_articles) + shift * (outlet == 0)
    rate = np.clip(frame_rate + frame_shift * (outlet == 0), 1e-6, 1 - 1e-6)
    p = rng.beta(rate * frame_concentration, (1 - rate) * frame_concentration)
    lengths = rng.integers(sentences[0], sentences[1] + 1, n_articles)
    row = np.repeat(np.arange(n_articles), lengths)
    sentence_id = np.arange(len(row)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    names = np.array([f"e{e}-o{o}-a{a}" for e, o, a in zip(event, outlet, copy)], dtype=object)
    return pd.DataFrame({
        "article_id": names[row], "event": np.char.add("e", event.astype(str))[row],
        "outlet": np.char.add("outlet ", outlet.astype(str))[row], "sentence_id": sentence_id,
        "position": sentence_id / np.maximum(lengths[row] - 1, 1),
        "sentiment": tone[row] + rng.normal(0, sentence_sd, len(row)),
        "frame": rng.random(len(row)) < p[row]})
