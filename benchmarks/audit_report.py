"""A reviewer's audit of a rendered report: every interval and test the report's tables state,
recomputed from those tables alone with scipy and statsmodels (nothing of framing is imported).

    .venv/bin/python benchmarks/audit_report.py reports/<corpus>            # 19,999 shuffles a test
    SHUFFLES=1999 .venv/bin/python benchmarks/audit_report.py reports/<corpus>

Recomputed, each printed with how many numbers were compared and the largest difference:
- sentiment by outlet (`sentiment_by_outlet.csv` from `summary_article_values.csv`): means, Student
  t intervals over articles from 5 articles, the permutation test of outlet labels within events;
- an outlet against the other outlets on the same events (`sentiment_on_same_events.csv`,
  `frame_on_same_events_<frame>.csv`): the mean over events of (its articles − the others'), t
  intervals over events from 5 events, Cliff's delta over pairs of articles of one event;
- frame shares (`frame_prevalence_by_outlet.csv` from `frames_per_article.csv`) and quote shares
  (`quote_shares.csv` from `quote_shares_by_article.csv`): means, Korn & Graubard (1998) intervals
  (Wilson on the effective number of articles, statsmodels), Clopper-Pearson bounds where every
  article is at 0 % or 100 %, one permutation test per frame or measure, Holm across them; the
  share of articles carrying each frame, tested alike;
- outlets paired within events (`summary_within_events.csv`): counts, median differences, their
  order-statistic interval (`scipy.stats.quantile_test`), Wilcoxon signed-rank and sign tests over
  events, Benjamini-Hochberg across the table;
- sentiment toward each actor (`sentiment_toward_actors.csv`): the per-actor permutation tests of
  each article's mean over its mentions, Holm across the actors tested;
- weighted log-odds (Monroe, Colaresi & Quinn 2008; `distinctive_words_log_odds.csv`) and keyness
  G² (Dunning 1993; `keyness.csv`) from their counts.

The permutation test is written here afresh (Good 2005): each article's value centred on its
event's mean, events of one outlet left out, outlet labels shuffled within events, the statistic
Σ n_g mean_g², p = (1 + b) / (1 + B) (Phipson & Smyth 2010); none where each outlet has one article
among the events compared (a shuffle only swaps names). Its p differs from the report's by
Monte Carlo error only: about sqrt(p(1 − p)/B) for each, printed beside each test in standard errors.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

SHUFFLES = int(os.environ.get("SHUFFLES", 19_999))
MIN_ARTICLES = 5  # the report draws no interval below 5 articles (or events)
MIN_EVENTS_FOR_TEST = 6
ORDER = {"sentiment": -1, "main_actor_sentiment": -1}  # "more" is lower for these measures of the pairs


def t_interval(values) -> tuple[float, float]:
    x = np.asarray(values, float)
    half = stats.t.ppf(0.975, len(x) - 1) * x.std(ddof=1) / np.sqrt(len(x))
    return x.mean() - half, x.mean() + half


def korn_graubard(values) -> tuple[float, float]:
    """Korn & Graubard's interval of a mean of shares; the exact binomial bound when all are 0 or 1."""
    x = np.asarray(values, float)
    n, p, var = len(x), x.mean(), x.var(ddof=1) / len(x)
    if var == 0:
        if p in (0.0, 1.0):
            ci = stats.binomtest(int(p * n), n).proportion_ci(method="exact")
            return ci.low, ci.high
        return np.nan, np.nan
    n_eff = p * (1 - p) / var * (stats.norm.ppf(0.975) / stats.t.ppf(0.975, n - 1)) ** 2
    return proportion_confint(p * n_eff, n_eff, alpha=0.05, method="wilson")


def permutation_p(table: pd.DataFrame, value: str, *, seed: int = 0) -> tuple[float, int]:
    """(p, events tested) of the within-event permutation test of outlet labels."""
    d = table[[value, "outlet", "event"]].dropna()
    d = d[d.groupby("event")["outlet"].transform("nunique") > 1].sort_values("event", kind="stable")
    if d.empty or d.groupby("outlet").size().max() == 1:  # one article per outlet: shuffles swap names only
        return np.nan, 0
    centred = (d[value] - d.groupby("event")[value].transform("mean")).to_numpy()
    labels = pd.factorize(d["outlet"])[0]
    codes = pd.factorize(d["event"])[0]
    blocks = np.split(np.arange(len(codes)), np.flatnonzero(np.diff(codes)) + 1)
    groups = labels.max() + 1

    def statistic(lab):
        sums, sizes = np.bincount(lab, centred, groups), np.bincount(lab, minlength=groups)
        return np.sum(sums[sizes > 0] ** 2 / sizes[sizes > 0])

    observed, rng, shuffled, hits = statistic(labels), np.random.default_rng(seed), labels.copy(), 0
    for _ in range(SHUFFLES):
        for block in blocks:
            shuffled[block] = rng.permutation(labels[block])
        hits += statistic(shuffled) >= observed - 1e-12
    return (1 + hits) / (1 + SHUFFLES), d["event"].nunique()


def say(label: str, compared: int, largest: float) -> None:
    print(f"{label}: {compared:,} numbers compared, largest difference {largest:.1e}")


def say_test(label: str, mine: float, theirs: float, theirs_shuffles: int = 1999) -> None:
    if np.isnan(mine) or np.isnan(theirs):
        print(f"  {label}: " + ("no test here nor in the report" if np.isnan(mine) and np.isnan(theirs) else
                                f"NOT THE SAME: p {mine:.4g} here, {theirs:.4g} in the report"))
        return
    error = np.sqrt(mine * (1 - mine) / SHUFFLES + theirs * (1 - theirs) / theirs_shuffles) or 1.0
    print(f"  {label}: p {mine:.4f} here, {theirs:.4g} in the report ({abs(mine - theirs) / error:.1f} Monte Carlo errors)")


def check_intervals(table, values, value, interval, *, keys=("outlet",)):
    """Means and intervals of `table` (ci_low, ci_high; n_articles) from per-article `values`."""
    compared, largest = 0, 0.0
    indexed = table.set_index(list(keys))
    for key, part in values.groupby(list(keys)):
        x = part[value].dropna()
        row = indexed.loc[key if len(keys) > 1 else key[0]]
        if len(x) == 0:
            continue
        assert row["n_articles"] == len(x), (key, row["n_articles"], len(x))
        mean = row["mean"] if "mean" in row else row["share"]
        largest, compared = max(largest, abs(mean - x.mean())), compared + 2
        low, high = interval(x) if len(x) >= MIN_ARTICLES else (np.nan, np.nan)
        if np.isnan(low):
            assert pd.isna(row["ci_low"]), key
        else:
            largest, compared = max(largest, abs(low - row["ci_low"]), abs(high - row["ci_high"])), compared + 2
    return compared, largest


def sentiment(tables: Path) -> None:
    articles = pd.read_csv(tables / "summary_article_values.csv")
    table = pd.read_csv(tables / "sentiment_by_outlet.csv")
    say("sentiment by outlet: means, n and t intervals", *check_intervals(table, articles, "sentiment", t_interval))
    p, events = permutation_p(articles, "sentiment")
    say_test(f"permutation within {events} events (report: {table['n_events_tested'].iloc[0]})", p, table["p_value"].iloc[0])


def same_events(tables: Path) -> None:
    articles = pd.read_csv(tables / "summary_article_values.csv")
    frames = pd.read_csv(tables / "frames_per_article.csv")
    files = [("sentiment_on_same_events.csv", articles, "sentiment")] + [
        (path.name, frames[frames["frame"] == path.stem.removeprefix("frame_on_same_events_")], "share")
        for path in sorted(tables.glob("frame_on_same_events_*.csv"))]
    for name, values, value in files:
        table = pd.read_csv(tables / name).set_index("outlet")
        compared, largest = 0, 0.0
        for outlet in table.index:
            gaps, higher = [], []
            for _, event in values.groupby("event"):
                mine, other = event.loc[event["outlet"] == outlet, value].dropna(), event.loc[event["outlet"] != outlet, value].dropna()
                if len(mine) and len(other):
                    gaps.append(mine.mean() - other.mean())
                    higher += [np.sign(a - b) for a in mine for b in other]
            row = table.loc[outlet]
            assert row["n_events"] == len(gaps), (name, outlet)
            if gaps:
                largest, compared = max(largest, abs(np.mean(gaps) - row["difference"])), compared + 1
            if len(gaps) >= MIN_ARTICLES and np.std(gaps) > 0:
                low, high = t_interval(gaps)
                largest, compared = max(largest, abs(low - row["ci_low"]), abs(high - row["ci_high"])), compared + 2
            else:
                assert pd.isna(row["ci_low"]), (name, outlet)
            if not pd.isna(row["cliffs_delta"]):
                largest, compared = max(largest, abs(np.mean(higher) - row["cliffs_delta"])), compared + 1
        say(f"{name}: differences, t intervals over events, Cliff's deltas", compared, largest)


def shares(tables: Path) -> None:
    frames = pd.read_csv(tables / "frames_per_article.csv")
    table = pd.read_csv(tables / "frame_prevalence_by_outlet.csv")
    say("frame shares: means, n and Korn-Graubard intervals",
        *check_intervals(table, frames, "share", korn_graubard, keys=("frame", "outlet")))
    for label, value, report in (("share of sentences", "share", table),
                                 ("articles carrying the frame", "present", None)):
        found = {frame: permutation_p(part.assign(present=part["present"].astype(float)), value)[0]
                 for frame, part in frames.groupby("frame")}
        adjusted = multipletests(list(found.values()), method="holm")[1]
        print(f"  {label}, Holm across {len(found)}: " + ", ".join(f"{f} {a:.3g}" for f, a in zip(found, adjusted)))
        if report is not None:
            for frame, p in found.items():
                say_test(frame, p, report.loc[report["frame"] == frame, "p_value"].iloc[0])
    quotes = pd.read_csv(tables / "quote_shares_by_article.csv")
    table = pd.read_csv(tables / "quote_shares.csv")
    long = quotes.melt(id_vars=["article_id", "outlet", "event"], value_vars=list(table["measure"].unique()),
                       var_name="measure", value_name="value").dropna(subset=["value"])
    say("quote shares: means, n and Korn-Graubard intervals",
        *check_intervals(table.rename(columns={"mean": "mean"}), long, "value", korn_graubard, keys=("measure", "outlet")))
    found = {m: permutation_p(quotes, m)[0] for m in table["measure"].unique()}
    for (measure, p), adjusted in zip(found.items(), multipletests(list(found.values()), method="holm")[1]):
        rows = table[(table["measure"] == measure) & table["p_value"].notna()]
        theirs = (rows["p_value"].iloc[0], rows["p_adjusted"].iloc[0]) if len(rows) else (np.nan, np.nan)
        say_test(f"{measure} (Holm {adjusted:.3g} here, {theirs[1]:.3g} in the report)", p, theirs[0])


def pairs(tables: Path) -> None:
    articles = pd.read_csv(tables / "summary_article_values.csv")
    table = pd.read_csv(tables / "summary_within_events.csv")
    per_event = articles.groupby(["outlet", "event"])[list(table["measure"].unique())].mean()
    counts_wrong, medians, tested = 0, [], []
    for number, row in table.iterrows():
        a = per_event.loc[row["outlet_a"], row["measure"]].dropna()
        b = per_event.loc[row["outlet_b"], row["measure"]].dropna()
        d = (a - b).dropna().to_numpy()
        more_a, more_b = (int((d < 0).sum()), int((d > 0).sum())) if ORDER.get(row["measure"]) == -1 else \
            (int((d > 0).sum()), int((d < 0).sum()))
        counts_wrong += (len(d), more_a, more_b, int((d == 0).sum())) != \
            (row["n_events"], row["n_a_more"], row["n_b_more"], row["n_ties"])
        if len(d) >= MIN_ARTICLES:
            medians.append(abs(np.median(d) - row["median_difference"]))
        if len(d) >= MIN_EVENTS_FOR_TEST:
            ci = stats.quantile_test(d, q=0, p=0.5).confidence_interval(0.95)
            nonzero = d[d != 0]
            tested.append((number, stats.wilcoxon(nonzero).pvalue if len(nonzero) else 1.0,
                           stats.binomtest(more_a, more_a + more_b).pvalue if more_a + more_b else 1.0, ci.low, ci.high))
    print(f"pairs within events: {len(table):,} rows, counts (events, A more, B more, ties) differing in {counts_wrong}")
    say("  median differences", len(medians), max(medians, default=0.0))
    if tested:
        rows, wilcoxon, sign, low, high = map(np.array, zip(*tested))
        ours = table.loc[rows]
        largest = max(np.max(np.abs(wilcoxon - ours["p_wilcoxon"])),
                      np.max(np.abs(multipletests(wilcoxon, method="fdr_bh")[1] - ours["p_adjusted"])),
                      np.max(np.abs(multipletests(sign, method="fdr_bh")[1] - ours["robustness_p_sign_adjusted"])),
                      np.max(np.abs(low - ours["median_ci_low"])), np.max(np.abs(high - ours["median_ci_high"])))
        say(f"  {len(rows)} tested rows: Wilcoxon, Benjamini-Hochberg, sign test, median intervals", 5 * len(rows), largest)


def actors(tables: Path) -> None:
    mentions = pd.read_csv(tables / "sentiment_toward_actors.csv")
    per_article = mentions.groupby(["article_id", "outlet", "event", "actor"], as_index=False)["actor_sentiment"].mean()
    found = {}
    for actor, part in per_article.groupby("actor"):
        p, events = permutation_p(part, "actor_sentiment")
        if not np.isnan(p):
            found[actor] = p
    adjusted = multipletests(list(found.values()), method="holm")[1] if found else []
    print("sentiment toward actors, Holm across the actors tested (compare with the caption): "
          + ", ".join(f"{a} {q:.2g}" for a, q in zip(found, adjusted)))


def words(tables: Path) -> None:
    odds = pd.read_csv(tables / "distinctive_words_log_odds.csv")
    size = odds.groupby("outlet")["count"].sum()
    total = size.sum()
    prior = odds["term"].map(odds.groupby("term")["count"].sum())
    mine, other = odds["count"], odds["count_other"]
    n_mine = odds["outlet"].map(size)
    delta = (np.log((mine + prior) / (n_mine + total - mine - prior))
             - np.log((other + prior) / (total - n_mine + total - other - prior)))
    z = delta / np.sqrt(1 / (mine + prior) + 1 / (other + prior))
    say("weighted log-odds z (prior: pooled counts)", len(odds), float(np.max(np.abs(z - odds["z"]))))
    keyness = pd.read_csv(tables / "keyness.csv")
    target = size[keyness["outlet"].iloc[0]]
    observed = np.stack([keyness["count"], keyness["count_other"], target - keyness["count"],
                         total - target - keyness["count_other"]], axis=1).astype(float)
    rows, columns = observed[:, [0, 1]] + observed[:, [2, 3]], observed[:, [0, 2]] + observed[:, [1, 3]]
    expected = np.stack([columns[:, 0] * rows[:, 0], columns[:, 0] * rows[:, 1],
                         columns[:, 1] * rows[:, 0], columns[:, 1] * rows[:, 1]], axis=1) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * np.where(observed > 0, observed * np.log(observed / expected), 0).sum(axis=1)
    say("keyness G²", len(keyness), float(np.max(np.abs(g2 - keyness["g2"]))))


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    tables = Path(sys.argv[1]) / "tables"
    for step in (sentiment, same_events, shares, pairs, actors, words):
        try:
            step(tables)
        except FileNotFoundError as missing:  # a one-event report has no comparison within events
            print(f"{step.__name__}: not checked, the report has no {Path(missing.filename).name}")


if __name__ == "__main__":
    main()
