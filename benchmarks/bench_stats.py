"""Do framing's tests and intervals keep their promises? Simulated corpora with a known truth.

Run from the project root: `.venv/bin/python benchmarks/bench_stats.py` (or `make bench`). Prints
the rates and writes benchmarks/results/stats.json. `REPS` (default 200) sets the repetitions per
rate, `LOGODDS_REPS` (default 100) those of the log-odds check; `ONLY=coverage` runs part 2 alone
and writes benchmarks/results/stats_coverage.json instead. Needs nothing but the package.

Corpora come from `framing.stats.simulate_articles`: events × outlets × articles, each article with
its own tone and frame rate (drawn from one distribution for every outlet unless a shift is asked
for) and sentences that add noise around them.

1. False-positive rate at α = 0.05 when outlets do not differ: the old sentence-level tests (one-way
   ANOVA on sentence scores; chi-square / Fisher on sentences with and without a frame) against the
   article-level permutation test framing now uses (`stats.permutation_test`).
2. Coverage of 95% intervals over articles at 2, 3, 5, 10, 30 articles per outlet (framing draws
   them only from `stats.MIN_ARTICLES` articles up): the Student t interval over per-article values
   (framing's default for mean sentiment), the expanded percentile bootstrap (its default for frame
   shares) and the plain percentile bootstrap, for mean sentiment and for mean frame share.
3. Power: a known shift of the first outlet's articles, as the number of events grows.
4. Log-odds: with outlets alike, how often any term's |z| passes 1.96, and how often the largest
   |z| passes the threshold calibrated by `keywords.log_odds_threshold` (family-wise rate).
5. Log-odds with events covered by one outlet only: 10 events covered by 3 outlets plus 2 events
   covered by outlet 0 alone, every event with its own topic words. With outlets alike, how often
   some term of the `log_odds` table passes the calibrated threshold, and the median threshold;
   with outlet 0 using one word more often in the shared events (`PLANTED`), how often that word
   passes it (power). `ONLY=logodds` runs parts 4 and 5 alone and writes
   benchmarks/results/stats_logodds.json.
6. Effect sizes with uneven coverage: 20 events of different tones, outlet 0 covering only the
   gloomier half. The pooled difference (its articles against all others) against
   `stats.within_event_effects` (each article against the other outlets' articles of its event),
   with no true shift and with `SHIFT`, how often the permutation test rejects, and how often the
   within-event difference's t interval over events covers the true shift (10, 20, 40 events). `ONLY=bias`
   runs part 6 alone and writes benchmarks/results/stats_bias.json.
7. The layout of a real corpus: the events, outlets and article lengths of allsides-100 (the first 100
   events of ../shared/data/allsides-roundups covered by three outlets: 72 outlets, most of them on one
   or two events, articles of 2–10 sentences), with simulated values where no outlet differs. Every
   test and interval the report draws, as the report draws it: the permutation test (sentiment, one
   frame, five frames with Holm), the t interval over articles (sentiment), the expanded bootstrap over
   articles (a frame share), the t interval over events of `within_event_effects` (sentiment, and the
   conflict share that notebook 02 draws on the same events), and the pair tests of
   `events.compare_within_events` with Benjamini–Hochberg; and power with the most frequent outlet
   shifted. `ONLY=layout` runs it alone (`LAYOUT_REPS`, default `REPS`) and writes
   benchmarks/results/stats_layout.json.

Every rate is printed with its Monte Carlo standard error: sqrt(p(1 − p)/R) over R corpora, or, where
one corpus gives several intervals (which share it), the ratio estimator's standard error over corpora.

8. The 95% interval of a pair's median difference over events (`events.median_interval`, the order
   statistics the sign test inverts; `compare_within_events`' `median_ci_low`, `median_ci_high`): how
   often it covers the true median at 5-50 events, for differences that are symmetric and heavy-tailed
   (as bench_events.py simulates), skewed (lognormal, where the median is not the centre of symmetry)
   and counts with many ties (as quotes). `ONLY=median` runs it alone (`MEDIAN_REPS`, default 4000)
   and writes benchmarks/results/stats_median.json.

9. Quote shares per outlet (`sources.summarise_quote_shares`, and a share of the form of
   `summarise_speaker_shares`): events x 3 outlets x one article, a Gamma-Poisson number of quotes per
   article (a third with none), each article's rates with event and article effects on the logit scale,
   the same model for every outlet. How often the intervals cover the true outlet share (framing's, and
   the expanded, t and BCa intervals beside it; how many have zero width), the false-positive rate of the
   permutation test within events (one measure, and the three with Holm, as notebook 05 runs it) and its
   power with outlet 0's anonymous rate shifted. `ONLY=quotes` runs it alone (`QUOTE_REPS`, default
   `REPS`) and writes benchmarks/results/stats_quotes.json.

10. Which interval for shares: coverage and mean width of candidate 95% intervals at 5, 10 and 30
   articles, every method on the same corpora (`COMPARE_REPS`, default 400): frame shares on the
   corpora of part 2 (true share 0.25) and on the same model with a rare frame (0.03), quote shares on
   those of part 9 (each outlet's first n articles with a value), mean sentiment on those of part 2.
   Candidates: the expanded bootstrap, t, BCa, bootstrap-t, and Korn & Graubard's (1998) binomial
   interval on the effective number of articles (`stats.share_interval`: Clopper-Pearson with and
   without the degrees-of-freedom correction, Wilson with it). Shares all at 0 or 1 get the exact
   bound for every method. `ONLY=intervals` runs it alone and writes benchmarks/results/stats_intervals.json.

11. Decisions that hang on the seed: `SETTLE_REPS` corpora (default 100) of 20 events × 3 outlets × 2
   articles, with no shift and with the first outlet shifted by `SETTLE_SHIFT` (many p-values near 0.05),
   each tested by `compare_outlets` with five seeds: with 1,999 shuffles alone, and as shipped, drawing a
   p near 0.05 again from more shuffles (`stats._settled`). Per corpus, whether the five
   seeds agree on p < 0.05; the rejection rates; CPU seconds per test. `ONLY=settle` runs it alone and
   writes benchmarks/results/stats_settle.json.

`ONLY=speed BEFORE=<git revision> REPEATS=9` instead times `stats.within_event_effects` of this
checkout against that revision's on every article of allsides-roundups (145 outlets), interleaved,
after checking that both give the same table, and writes benchmarks/results/stats_speed.json.
"""
from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import keywords as kw  # noqa: E402
from framing import stats as S  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
REPS = int(os.environ.get("REPS", 200))
LOGODDS_REPS = int(os.environ.get("LOGODDS_REPS", 100))
LAYOUT_REPS = int(os.environ.get("LAYOUT_REPS", REPS))
ALPHA = 0.05
PERMUTATIONS = 499
DESIGNS = {  # name: (events, outlets, articles per outlet and event)
    "10 events x 3 outlets x 2 articles": (10, 3, 2),
    "1 event x 3 outlets x 8 articles": (1, 3, 8),
    "30 events x 2 outlets x 1 article": (30, 2, 1),
}
ARTICLE_COUNTS = (2, 3, 5, 10, 30)
EVENT_COUNTS = (1, 2, 5, 10, 20, 40)
SHIFT, FRAME_SHIFT = 0.15, 0.12


def sentence_tests(corpus: pd.DataFrame) -> tuple[float, float]:
    """p-values of the old tests on sentences: one-way ANOVA of sentiment; chi-square (Fisher for
    two outlets) of sentences with and without the frame."""
    groups = [part for _, part in corpus.groupby("outlet")]
    tone = scipy_stats.f_oneway(*[g["sentiment"] for g in groups]).pvalue
    table = np.array([[g["frame"].sum() for g in groups], [(~g["frame"]).sum() for g in groups]])
    if table.sum(axis=1).min() == 0:
        return float(tone), 1.0
    frame = scipy_stats.fisher_exact(table)[1] if len(groups) == 2 else scipy_stats.chi2_contingency(table)[1]
    return float(tone), float(frame)


def article_tests(corpus: pd.DataFrame, seed: int) -> tuple[float, float]:
    """p-values of the article-level permutation tests framing uses, for sentiment and frame share."""
    values = S.article_values(corpus, value=["sentiment", "frame"])
    return tuple(S.permutation_test(values, value=v, n_permutations=PERMUTATIONS, seed=seed)["p_value"]
                 for v in ("sentiment", "frame"))


def false_positives() -> dict:
    out = {}
    for name, (events, outlets, articles) in DESIGNS.items():
        hits = np.zeros(4)
        for rep in range(REPS):
            corpus = S.simulate_articles(events=events, outlets=outlets, articles=articles, seed=rep)
            p = [*sentence_tests(corpus), *article_tests(corpus, seed=rep)]
            hits += np.array(p) < ALPHA
        rates = hits / REPS
        out[name] = {"sentiment, sentences (old)": rates[0], "frame, sentences (old)": rates[1],
                     "sentiment, articles (new)": rates[2], "frame, articles (new)": rates[3]}
    return out


INTERVALS = ("t", "expanded", "percentile")


def coverage() -> dict:
    out = {}
    for n in ARTICLE_COUNTS:
        covered = {f"{column}, {method}": 0 for column in ("sentiment", "frame") for method in INTERVALS}
        for rep in range(REPS):
            corpus = S.simulate_articles(events=n, outlets=1, articles=1, event_sd=0.0, seed=10_000 + rep)
            values = S.article_values(corpus, value=["sentiment", "frame"])
            for column, truth in (("sentiment", 0.0), ("frame", 0.25)):
                for method in INTERVALS:
                    low, high = S.mean_interval(values[column], method=method, n_boot=1000, seed=rep)
                    covered[f"{column}, {method}"] += low <= truth <= high
        out[n] = {"interval drawn": n >= S.MIN_ARTICLES, **{k: v / REPS for k, v in covered.items()}}
    return out


def print_coverage(cover: dict) -> None:
    print(f"\n2. Coverage of 95% intervals over articles (drawn from {S.MIN_ARTICLES} articles up; framing uses t "
          "for sentiment, expanded for frame shares)")
    print("   articles  drawn  sentiment: t  expanded  percentile  frame share: t  expanded  percentile")
    for n, row in cover.items():
        cells = "  ".join(with_error(row[f'{column}, {method}'], REPS) for column in ("sentiment", "frame")
                          for method in INTERVALS)
        print(f"   {n:>8}  {'yes' if row['interval drawn'] else 'no':>5}  {cells}")


def power() -> dict:
    out = {}
    for events in EVENT_COUNTS:
        hits = np.zeros(2)
        for rep in range(REPS):
            corpus = S.simulate_articles(events=events, outlets=3, articles=1, shift=SHIFT,
                                         frame_shift=FRAME_SHIFT, seed=20_000 + rep)
            p = np.array(article_tests(corpus, seed=rep), dtype=float)
            hits += np.nan_to_num(p, nan=1.0) < ALPHA
        out[events] = {"sentiment": hits[0] / REPS, "frame": hits[1] / REPS}
    return out


def token_corpus(rng: np.random.Generator, *, events=10, outlets=3, articles=2, vocabulary=400,
                 words=150, concentration=150.0) -> pd.DataFrame:
    """Counts of terms per article, every outlet drawing from one Zipf-like vocabulary; each article
    has its own word distribution around it (a Dirichlet with `concentration`), as topics do."""
    base = 1 / np.arange(1, vocabulary + 1)
    base /= base.sum()
    rows = []
    for e in range(events):
        for o in range(outlets):
            for a in range(articles):
                counts = rng.multinomial(words, rng.dirichlet(concentration * base))
                used = np.flatnonzero(counts)
                rows.append(pd.DataFrame({"article_id": f"e{e}-o{o}-a{a}", "event": f"e{e}",
                                          "outlet": f"outlet {o}", "term": [f"w{i}" for i in used],
                                          "n": counts[used]}))
    return pd.concat(rows, ignore_index=True)


PLANTED = 0.005  # extra share of outlet 0's words given to one word in the shared events (power of part 5)


def topic_corpus(rng: np.random.Generator, *, events=10, lone=2, outlets=3, articles=2, vocabulary=400,
                 words=150, lone_words=600, topic_words=20, topic_share=0.3, planted=0.0) -> pd.DataFrame:
    """Counts of terms per article: `events` events covered by every outlet (`articles` articles of
    `words` words each) and `lone` more covered by outlet 0 alone (one page of `lone_words` words,
    as a full page among excerpts). Every article draws (1 − `topic_share`) of its words from one Zipf-like
    vocabulary shared by all and the rest from its event's own `topic_words` words (what the story
    is about). Outlet 0's articles of the shared events give `planted` of their words to the word
    "planted" (a known difference in style)."""
    base = 1 / np.arange(1, vocabulary + 1)
    base /= base.sum()
    rows = []
    for e in range(events + lone):
        covering, copies, length = (range(outlets), articles, words) if e < events else ([0], 1, lone_words)
        for o in covering:
            for a in range(copies):
                extra = planted if (o == 0 and e < events) else 0.0
                p = np.r_[(1 - topic_share - extra) * rng.dirichlet(150.0 * base),
                          topic_share * rng.dirichlet(np.full(topic_words, 2.0)), extra]
                counts = rng.multinomial(length, p / p.sum())
                names = np.r_[[f"w{i}" for i in range(vocabulary)],
                              [f"e{e}-topic{i}" for i in range(topic_words)], ["planted"]]
                used = np.flatnonzero(counts)
                rows.append(pd.DataFrame({"article_id": f"e{e}-o{o}-a{a}", "event": f"e{e}",
                                          "outlet": f"outlet {o}", "term": names[used], "n": counts[used]}))
    return pd.concat(rows, ignore_index=True)


def lone_event_rates() -> dict:
    """Part 5: false positives, median threshold and power with events covered by one outlet."""
    rng = np.random.default_rng(50_000)
    any_pass = found = 0
    thresholds, left = [], []
    for rep in range(LOGODDS_REPS):
        for planted in (0.0, PLANTED):
            counts = topic_corpus(rng, planted=planted)
            odds = kw.log_odds(counts)
            result = kw.log_odds_threshold(counts, n_permutations=100, seed=rep)
            passing = odds[odds["z"].abs() > result["threshold"]]
            if planted:
                found += ((passing["term"] == "planted") & (passing["outlet"] == "outlet 0")).any()
            else:
                any_pass += len(passing) > 0
                thresholds.append(result["threshold"])
                left.append(result.get("n_articles_left_out", 0))
    return {"corpora with some term > calibrated threshold": any_pass / LOGODDS_REPS,
            "median calibrated threshold": float(np.median(thresholds)),
            f"planted word passes (share {PLANTED})": found / LOGODDS_REPS,
            "articles left out per corpus": float(np.median(left))}


def print_lone(lone: dict) -> None:
    print(f"\n5. Log-odds with 2 of 12 events covered by one outlet ({LOGODDS_REPS} corpora of 10 events x 3 "
          "outlets x 2 articles of 150 words + 2 events x outlet 0 x 1 page of 600 words; default prior)")
    for name, value in lone.items():
        rate = name.startswith(("corpora", "planted"))
        print(f"      {name:<48} {with_error(value, LOGODDS_REPS) if rate else f'{value:.3f}'}")


def log_odds_rates() -> dict:
    out = {}
    for label, alpha0 in (("default prior (alpha0 = corpus size)", None), ("weak prior (alpha0 = 400)", 400.0)):
        rng = np.random.default_rng(30_000)
        any_196 = passing_terms = calibrated = 0
        thresholds = []
        for rep in range(LOGODDS_REPS):
            counts = token_corpus(rng)
            odds = kw.log_odds(counts, alpha0=alpha0)
            z = odds["z"].abs()
            any_196 += (z > 1.96).any()
            passing_terms += (z > 1.96).mean()
            result = kw.log_odds_threshold(counts, alpha0=alpha0, n_permutations=100, seed=rep)
            thresholds.append(result["threshold"])
            calibrated += result["observed_max_z"] > result["threshold"]
        out[label] = {"terms with |z| > 1.96": passing_terms / LOGODDS_REPS,
                      "corpora with any |z| > 1.96": any_196 / LOGODDS_REPS,
                      "corpora with max |z| > calibrated threshold": calibrated / LOGODDS_REPS,
                      "median calibrated threshold": float(np.median(thresholds))}
    return out


def print_parts(title: str, parts: dict, *, width: int = 44, signed: tuple = (), reps: int = 0,
                not_rates: tuple = ()) -> None:
    """A part's title, then each design's label and its rates (names in `signed` with a sign), each
    rate with its Monte Carlo standard error over `reps` repetitions (not the names in `not_rates`)."""
    print(title)
    for label, row in parts.items():
        print(f"   {label}")
        for name, value in row.items():
            shown = (f"{value:{'+.3f' if name in signed else '.3f'}}" if name in signed or name in not_rates
                     or not reps else with_error(value, reps))
            print(f"      {name:<{width}} {shown}")


def write_result(name: str, record: dict) -> None:
    """benchmarks/results/<name>.json: `record` as JSON."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(record, indent=2, default=float) + "\n", encoding="utf-8")


def with_error(rate: float, reps: int) -> str:
    """A rate from `reps` independent repetitions with its Monte Carlo standard error: "0.050 ± 0.015"."""
    return f"{rate:.3f} ± {math.sqrt(rate * (1 - rate) / reps):.3f}"


def print_odds(odds: dict) -> None:
    print_parts(f"\n4. Log-odds z when outlets do not differ ({LOGODDS_REPS} corpora of 10 events x 3 outlets x 2 "
                "articles; calibrated threshold from 100 shuffles)", odds, reps=LOGODDS_REPS,
                not_rates=("terms with |z| > 1.96", "median calibrated threshold"))


def uneven_coverage(events: int = 20, shift: float = 0.0, seed: int = 0) -> pd.DataFrame:
    """Per-article tone of 3 outlets over `events` events whose tones differ (event sd 0.5), where
    outlet 0 covers only the events gloomier than the median: what it chose to cover, not how."""
    values = S.article_values(S.simulate_articles(events=events, outlets=3, articles=1, event_sd=0.5,
                                                  shift=shift, seed=seed), value="sentiment")
    event_tone = values.groupby("event")["sentiment"].transform("mean")
    return values[(values["outlet"] != "outlet 0") | (event_tone < event_tone.median())]


def effect_bias() -> dict:
    """Part 6: outlet 0's effect size, pooled against within events, with uneven coverage; how often
    the within-event interval covers the true shift, by the number of events."""
    out = {}
    for shift in (0.0, SHIFT):
        pooled, within, rejected = [], [], 0
        for rep in range(REPS):
            values = uneven_coverage(shift=shift, seed=60_000 + rep)
            mine = values["outlet"] == "outlet 0"
            pooled.append(values.loc[mine, "sentiment"].mean() - values.loc[~mine, "sentiment"].mean())
            effects = S.within_event_effects(values, value="sentiment").set_index("outlet")
            within.append(effects.loc["outlet 0", "difference"])
            rejected += S.permutation_test(values, value="sentiment", n_permutations=PERMUTATIONS, seed=rep)["p_value"] < ALPHA
        out[f"true shift {shift}"] = {"pooled difference, mean": float(np.mean(pooled)),
                                      "within-event difference, mean": float(np.mean(within)),
                                      "within-event difference, sd": float(np.std(within)),
                                      "test rejects at 0.05": rejected / REPS}
    for events in (10, 20, 40):
        covered = 0
        for rep in range(REPS):
            effects = S.within_event_effects(uneven_coverage(events=events, shift=SHIFT, seed=70_000 + rep),
                                             value="sentiment").set_index("outlet").loc["outlet 0"]
            covered += effects["ci_low"] <= SHIFT <= effects["ci_high"]
        out[f"interval coverage, outlet 0 on {events // 2} events"] = {"95% t interval over events covers": covered / REPS}
    return out


def print_bias(bias: dict) -> None:
    print_parts(f"\n6. Outlet 0's effect size when it covers only the gloomier half of the events ({REPS} corpora of "
                "20 events; event sd 0.5, one article per outlet and event)", bias, width=36,
                signed=("pooled difference, mean", "within-event difference, mean"), reps=REPS,
                not_rates=("within-event difference, sd",))


# ── part 7: the layout of a real corpus ──────────────────────────────────────────────────────────

ROUNDUPS = ROOT.parent / "shared" / "data" / "allsides-roundups" / "articles.jsonl"
LAYOUT_EVENTS = 100  # the first 100 events covered by three outlets: the layout of allsides-100
FRAME_RATES = {"conflict": 0.20, "economic": 0.17, "human_interest": 0.08, "morality": 0.01, "responsibility": 0.10}
LAYOUT_TONE = {"event_sd": 0.11, "article_sd": 0.05, "sentence_sd": 0.2}  # allsides-100: sd of event means 0.12,
# of an article around its event's mean 0.083 (framing report allsides-100, summary_article_values.csv)


def read_layout(path: Path = ROUNDUPS, events: int = LAYOUT_EVENTS) -> pd.DataFrame:
    """One row per article of the first `events` AllSides events covered by three outlets (what
    allsides-100 holds): `event`, `outlet`, `n_sentences` (the headline and the excerpt's sentences)."""
    from framing.segment import split_sentences

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    table = pd.DataFrame(rows)
    three = table.groupby("event_id")["outlet"].nunique()
    chosen = sorted(three[three == 3].index)[:events]
    table = table[table["event_id"].isin(chosen)].sort_values(["event_id", "outlet"], ignore_index=True)
    lengths = [1 + sum(len(split_sentences(p)) for p in (text or "").split("\n") if p.strip())
               for text in table["text"]]
    return pd.DataFrame({"event": table["event_id"], "outlet": table["outlet"], "n_sentences": lengths})


def layout_corpus(layout: pd.DataFrame, rng: np.random.Generator, *, shifted: str | None = None,
                  shift: float = 0.0) -> pd.DataFrame:
    """A sentence table on `layout` (its events, outlets and article lengths): each sentence's tone
    is its event's (sd `event_sd`) + its article's (sd `article_sd`) + its own noise (sd
    `sentence_sd`); each article has its own rate of each frame of `FRAME_RATES` (a Beta with that
    mean and a + b = 1, so most short articles have none), and each sentence carries a frame with
    its article's rate. Every outlet draws from the same model, except `shifted`, whose articles'
    tone is moved by `shift`."""
    n = len(layout)
    events = pd.factorize(layout["event"])[0]
    tone = (rng.normal(0, LAYOUT_TONE["event_sd"], events.max() + 1)[events]
            + rng.normal(0, LAYOUT_TONE["article_sd"], n) + shift * (layout["outlet"] == shifted).to_numpy())
    lengths = layout["n_sentences"].to_numpy()
    row = np.repeat(np.arange(n), lengths)
    table = pd.DataFrame({"article_id": np.arange(n)[row], "event": layout["event"].to_numpy()[row],
                          "outlet": layout["outlet"].to_numpy()[row],
                          "sentiment": tone[row] + rng.normal(0, LAYOUT_TONE["sentence_sd"], len(row))})
    for frame, rate in FRAME_RATES.items():
        p = rng.beta(rate, 1 - rate, n)
        table[frame] = rng.random(len(row)) < p[row]
    return table


def layout_rates(layout: pd.DataFrame) -> dict:
    """Part 7: every test and interval the report draws, on corpora with the layout of allsides-100
    where no outlet differs (and, for power, where its most frequent outlet is 0.15 more positive)."""
    from framing.events import compare_within_events

    frames = list(FRAME_RATES)
    top = layout["outlet"].value_counts().index[0]
    counts = {name: [] for name in ("sentiment test", "frame tests, any unadjusted", "frame tests, Holm family",
                                    "conflict test", "within-event interval", "within-event any misses",
                                    "within-event interval, conflict",
                                    "t interval", "expanded interval", "share interval", "pair Wilcoxon", "pair sign",
                                    "pair median interval", "pair BH any", "power test", "power interval")}
    for rep in range(LAYOUT_REPS):
        rng = np.random.default_rng(80_000 + rep)
        corpus = layout_corpus(layout, rng)
        values = S.article_values(corpus, value=["sentiment", *frames])
        counts["sentiment test"].append((S.permutation_test(values, value="sentiment", n_permutations=PERMUTATIONS,
                                                            seed=rep)["p_value"] < ALPHA, 1))
        long = values.melt(id_vars=["article_id", "outlet", "event"], value_vars=frames, var_name="frame",
                           value_name="share")
        tests = S.compare_outlets(long, value="share", family="frame", n_permutations=PERMUTATIONS,
                                  seed=rep).drop_duplicates("frame").set_index("frame")
        counts["frame tests, any unadjusted"].append(((tests["p_value"] < ALPHA).any(), 1))
        counts["frame tests, Holm family"].append(((tests["p_adjusted"] < ALPHA).any(), 1))
        counts["conflict test"].append((tests.loc["conflict", "p_value"] < ALPHA, 1))
        effects = S.within_event_effects(values, value="sentiment").dropna(subset=["ci_low"])
        missed = int(((effects["ci_low"] > 0) | (effects["ci_high"] < 0)).sum())
        counts["within-event interval"].append((len(effects) - missed, len(effects)))
        counts["within-event any misses"].append((missed > 0, 1))
        framed = S.within_event_effects(values, value="conflict").dropna(subset=["ci_low"])  # as notebook 02 draws it
        counts["within-event interval, conflict"].append((int(((framed["ci_low"] <= 0) & (framed["ci_high"] >= 0)).sum()),
                                                          len(framed)))
        tone = S.summarise_articles(values, value="sentiment", method="t").dropna(subset=["ci_low"])
        counts["t interval"].append((int(((tone["ci_low"] <= 0) & (tone["ci_high"] >= 0)).sum()), len(tone)))
        share = S.summarise_articles(values, value="conflict", method="expanded", bounded=True, n_boot=1000,
                                     seed=rep).dropna(subset=["ci_low"])  # as the report drew it before
        truth = FRAME_RATES["conflict"]
        counts["expanded interval"].append((int(((share["ci_low"] <= truth) & (share["ci_high"] >= truth)).sum()),
                                            len(share)))
        share = S.summarise_articles(values, value="conflict", bounded=True).dropna(subset=["ci_low"])  # as the report
        counts["share interval"].append((int(((share["ci_low"] <= truth) & (share["ci_high"] >= truth)).sum()),
                                         len(share)))
        pairs = compare_within_events(values,
                                      measures=["sentiment", "conflict"])
        tested = pairs[pairs["p_wilcoxon"].notna()]
        counts["pair Wilcoxon"].append((int((tested["p_wilcoxon"] < ALPHA).sum()), len(tested)))
        signs = [scipy_stats.binomtest(k, k + m).pvalue if k + m else 1.0
                 for k, m in zip(tested["n_a_more"], tested["n_b_more"])]  # unadjusted, per test
        counts["pair sign"].append((int((np.array(signs) < ALPHA).sum()), len(tested)))
        ranged = pairs.dropna(subset=["median_ci_low"])  # the true median difference is 0
        counts["pair median interval"].append((int(((ranged["median_ci_low"] <= 0) & (ranged["median_ci_high"] >= 0)).sum()),
                                               len(ranged)))
        counts["pair BH any"].append(((tested["p_adjusted"] < ALPHA).any(), 1))
        moved = S.article_values(layout_corpus(layout, rng, shifted=top, shift=SHIFT), value="sentiment")
        counts["power test"].append((S.permutation_test(moved, value="sentiment", n_permutations=PERMUTATIONS,
                                                        seed=rep)["p_value"] < ALPHA, 1))
        mine = S.within_event_effects(moved, value="sentiment").set_index("outlet").loc[top]
        counts["power interval"].append((mine["ci_low"] > 0, 1))
    out = {}
    for name, pairs in counts.items():
        hits = np.array([h for h, _ in pairs], dtype=float)
        sizes = np.array([m for _, m in pairs], dtype=float)
        out[name] = {"rate": float(hits.sum() / max(sizes.sum(), 1)), "mc_se": mc_error(hits, sizes),
                     "n": int(sizes.sum())}
    return {"outlets": int(layout["outlet"].nunique()), "events": int(layout["event"].nunique()),
            "articles": len(layout), "top outlet": top, "top outlet events": int((layout["outlet"] == top).sum()),
            "median sentences": float(layout["n_sentences"].median()), "repetitions": LAYOUT_REPS, "rates": out}


LAYOUT_LABELS = {
    "sentiment test": "permutation test, sentiment: p < 0.05 (target 0.05)",
    "conflict test": "permutation test, one frame share: p < 0.05 (target 0.05)",
    "frame tests, any unadjusted": "5 frame tests: any p < 0.05, unadjusted (about 0.23 expected)",
    "frame tests, Holm family": "5 frame tests: any Holm-adjusted p < 0.05 (target <= 0.05)",
    "t interval": "t interval over articles, sentiment (>= 5 articles): covers (target 0.95)",
    "expanded interval": "expanded bootstrap (before), conflict share (>= 5 articles): covers (target 0.95)",
    "share interval": "Korn-Graubard interval (framing's), conflict share (>= 5 articles): covers (target 0.95)",
    "within-event interval": "t interval over events, sentiment (>= 5 events): covers 0 (target 0.95)",
    "within-event any misses": "corpora where some within-event interval misses 0 (unadjusted; not 0.05)",
    "within-event interval, conflict": "t interval over events, conflict share (>= 5 events): covers 0 (target 0.95)",
    "pair Wilcoxon": "pair tests (>= 6 events): Wilcoxon p < 0.05 (target <= 0.05)",
    "pair sign": "pair tests (>= 6 events): sign test p < 0.05 (target <= 0.05)",
    "pair median interval": "pairs (>= 6 events): 95% interval of the median difference covers 0 (>= 0.95)",
    "pair BH any": "pair tests: any Benjamini-Hochberg adjusted p < 0.05 (target <= 0.05)",
    "power test": f"power: top outlet +{SHIFT} in tone, permutation test p < 0.05",
    "power interval": f"power: top outlet +{SHIFT}, its within-event interval above 0",
}


def print_layout(part: dict) -> None:
    print(f"\n7. The layout of allsides-100 ({part['events']} events x 3 of {part['outlets']} outlets, one article "
          f"each, {part['articles']} articles of median {part['median sentences']:.0f} sentences; the most frequent "
          f"outlet covers {part['top outlet events']} events), {part['repetitions']} corpora, no outlet differing "
          "unless said; rate ± Monte Carlo standard error (n = tests or intervals)")
    for name, row in part["rates"].items():
        print(f"      {LAYOUT_LABELS[name]:<76} {row['rate']:.3f} ± {row['mc_se']:.3f}  (n = {row['n']:,})")


def mc_error(hits, sizes=None) -> float:
    """Monte Carlo standard error of a rate sum(hits) / sum(sizes) over repetitions (corpora). With
    one test per corpus it is the binomial sqrt(p(1 − p)/R); with several intervals per corpus,
    which share the corpus and are not independent, the ratio estimator's standard error over
    corpora, sqrt(Σ (hits_r − p · size_r)²) / Σ size_r (Cochran 1977)."""
    hits = np.asarray(hits, dtype=float)
    sizes = np.ones_like(hits) if sizes is None else np.asarray(sizes, dtype=float)
    total = sizes.sum()
    if total == 0:
        return float("nan")
    rate = hits.sum() / total
    if np.all(sizes == 1):
        return float(math.sqrt(rate * (1 - rate) / len(hits)))
    return float(math.sqrt(np.sum((hits - rate * sizes) ** 2)) / total)


# ── part 11: decisions that hang on the seed (ONLY=settle) ──────────────────────────────────────────
SETTLE_REPS = int(os.environ.get("SETTLE_REPS", 100))
SETTLE_SHIFT, SETTLE_SEEDS = 0.08, 5


def settle_rates() -> dict:
    """Per shift (0 and `SETTLE_SHIFT`): the share of corpora whose five seeds disagree on p < ALPHA,
    the rejection rate over all seeds and CPU seconds per `compare_outlets` call, with 1,999 shuffles
    alone and with a p near ALPHA drawn again from more shuffles (`stats.MORE_SHUFFLES`)."""
    part = {}
    for shift in (0.0, SETTLE_SHIFT):
        ladders = {"1,999 shuffles alone": (), "settled near 0.05": S.MORE_SHUFFLES}
        found = {name: [] for name in ladders}
        seconds = {name: 0.0 for name in ladders}
        for rep in range(SETTLE_REPS):
            corpus = S.simulate_articles(events=20, shift=shift, seed=10_000 + rep)
            values = S.article_values(corpus, value="sentiment", by=["outlet", "event"])
            for name, ladder in ladders.items():
                S.MORE_SHUFFLES = ladder
                started = time.process_time()
                p = [S.compare_outlets(values, value="sentiment", seed=seed)["p_value"].iloc[0]
                     for seed in range(SETTLE_SEEDS)]
                seconds[name] += time.process_time() - started
                found[name].append([q < ALPHA for q in p])
        S.MORE_SHUFFLES = ladders["settled near 0.05"]
        part[str(shift)] = {name: {"seeds_disagree": float(np.mean([len(set(d)) > 1 for d in decisions])),
                                   "rejection_rate": float(np.mean(decisions)),
                                   "cpu_s_per_test": seconds[name] / (SETTLE_REPS * SETTLE_SEEDS)}
                            for name, decisions in found.items()}
    return part


def print_settle(part: dict) -> None:
    print(f"\n11. Decisions that hang on the seed: {SETTLE_REPS} corpora of 20 events x 3 outlets x 2 articles, "
          f"{SETTLE_SEEDS} seeds each")
    print("   shift  test                          seeds disagree  p < 0.05   CPU s per call")
    for shift, rows in part.items():
        for name, row in rows.items():
            print(f"   {float(shift):<5g}  {name:<28}  {with_error(row['seeds_disagree'], SETTLE_REPS):<14}  "
                  f"{row['rejection_rate']:.3f}      {row['cpu_s_per_test']:.3f}")


# ── part 8: the interval of a pair's median difference (ONLY=median) ─────────────────────────────

MEDIAN_REPS = int(os.environ.get("MEDIAN_REPS", 4000))
MEDIAN_EVENTS = (5, 6, 8, 10, 20, 50)


def median_differences(design: str, n: int, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """`n` per-event differences A − B of one design, and their true median."""
    if design == "symmetric, heavy-tailed":
        # as bench_events.py: each outlet's mean of 1-3 articles, article noise Student t (4 df), so
        # events differ in spread; every event's difference is symmetric about the shift
        articles = rng.integers(1, 4, size=(2, n))
        scale = 0.2 * np.sqrt(1 / articles[0] + 1 / articles[1])
        return 0.05 + scale * rng.standard_t(4, n) / np.sqrt(2), 0.05
    if design == "skewed":
        # lognormal − 1: median 0, mean e^0.5 − 1 = 0.65; the Wilcoxon test's centre (the
        # pseudo-median) is not the median here
        return rng.lognormal(0.0, 1.0, n) - 1.0, 0.0
    # counts, as quotes: Poisson(1) − Poisson(1), median 0, many ties at 0
    return (rng.poisson(1.0, n) - rng.poisson(1.0, n)).astype(float), 0.0


def median_coverage() -> dict:
    """Part 8: how often `events.median_interval` (the 95% order-statistic interval of a pair's
    median difference over events, `compare_within_events`' `median_ci_low`/`median_ci_high`)
    covers the true median, by design and number of events; beside it the exact level for
    continuous values, 1 − 2 P(B < k)."""
    from framing.events import _order_statistics, median_interval

    out = {}
    for design in ("symmetric, heavy-tailed", "skewed", "counts (ties)"):
        rng = np.random.default_rng(90_000)
        row = {}
        for n in MEDIAN_EVENTS:
            low, _ = _order_statistics(n, 0.95)
            exact = (1 - 2 * scipy_stats.binom.cdf(low, n, 0.5)) if low >= 0 else float("nan")
            covered = drawn = 0
            for _ in range(MEDIAN_REPS):
                d, truth = median_differences(design, n, rng)
                lo, hi = median_interval(d)
                if not np.isnan(lo):
                    drawn += 1
                    covered += lo <= truth <= hi
            row[n] = {"rate": covered / drawn if drawn else float("nan"), "drawn": drawn, "exact level": exact}
        out[design] = row
    return out


def print_median(part: dict) -> None:
    print(f"\n8. The 95% interval of a pair's median difference over events (order statistics, "
          f"events.median_interval): covers the true median, {MEDIAN_REPS} pairs per cell; rate ± Monte Carlo "
          "standard error (exact level for continuous values in brackets)")
    print("   " + f"{'events':>6}  " + "  ".join(f"{design:>26}" for design in part))
    for n in MEDIAN_EVENTS:
        cells = []
        for design in part:
            cell = part[design][n]
            cells.append("no interval" if not cell["drawn"] else
                         f"{with_error(cell['rate'], cell['drawn'])} [{cell['exact level']:.3f}]")
        print("   " + f"{n:>6}  " + "  ".join(f"{c:>26}" for c in cells))


# ── part 9: quote shares per outlet (ONLY=quotes) ────────────────────────────────────────────────

QUOTE_REPS = int(os.environ.get("QUOTE_REPS", REPS))
QUOTE_EVENTS = (8, 15, 30)  # events, each covered by the 3 outlets with one article: an outlet's articles
QUOTE_MEANS = {"share_anonymous": 0.12, "share_evaluative": 0.15, "share_official": 0.35}  # median article's
QUOTE_SD = {"event": 0.8, "article": 0.8}  # of an article's rate on the logit scale
QUOTES_PER_ARTICLE = 2.0  # mean; Gamma-Poisson (shape 1), so a third of the articles quote no one
QUOTE_SHIFT = 1.0  # power: outlet 0's anonymous rate, logit + 1 (0.12 -> 0.27 for the median article)
QUOTE_INTERVALS = ("expanded", "t", "BCa")


def quote_truth(mean: float, shift: float = 0.0, draws: int = 2_000_000) -> float:
    """The true outlet share: the expected share of an article (with something to share), i.e. the
    mean of its rate expit(logit(mean) + shift + event + article) over events and articles."""
    rng = np.random.default_rng(1)
    sd = math.hypot(QUOTE_SD["event"], QUOTE_SD["article"])
    return float(scipy_stats.logistic.cdf(scipy_stats.logistic.ppf(mean) + shift + rng.normal(0, sd, draws)).mean())


def quote_corpus(events: int, rng: np.random.Generator, *, shift: float = 0.0) -> pd.DataFrame:
    """Per-article counts as `sources.article_quote_shares` gives them, for `events` events × 3 outlets
    × one article: each article has a Gamma-Poisson number of quotes; each quote is anonymous with the
    article's rate (logit: measure's median + event effect + article effect), named otherwise; each has
    a reporting verb with probability 0.8, evaluative with the article's rate; each named speaker is an
    official with the article's rate. Every outlet draws from this model; `shift` moves outlet 0's
    anonymous rate on the logit scale. Also a fourth share, one speaker's share of the article's quotes
    (`share_speaker`, the form of `article_speaker_shares`: mostly 0, often 1)."""
    n = events * 3
    event = np.repeat(np.arange(events), 3)
    outlet = np.tile(np.arange(3), events)
    quotes = rng.poisson(rng.gamma(1.0, QUOTES_PER_ARTICLE, n))
    table = pd.DataFrame({"article_id": np.arange(n), "outlet": [f"outlet {o}" for o in outlet], "event": event,
                          "n_quotes": quotes})

    def rate(mean, moved=0.0):
        return scipy_stats.logistic.cdf(scipy_stats.logistic.ppf(mean) + moved + rng.normal(0, QUOTE_SD["event"], events)[event]
                                        + rng.normal(0, QUOTE_SD["article"], n))

    table["n_anonymous"] = rng.binomial(quotes, rate(QUOTE_MEANS["share_anonymous"], shift * (outlet == 0)))
    table["n_verbs"] = rng.binomial(quotes, 0.8)
    table["n_evaluative"] = rng.binomial(table["n_verbs"], rate(QUOTE_MEANS["share_evaluative"]))
    table["n_speakers"] = quotes - table["n_anonymous"]
    table["n_official"] = rng.binomial(table["n_speakers"], rate(QUOTE_MEANS["share_official"]))
    for measure, (part, whole) in zip(QUOTE_MEANS, [("n_anonymous", "n_quotes"), ("n_evaluative", "n_verbs"),
                                                    ("n_official", "n_speakers")]):
        table[measure] = table[part] / table[whole].where(table[whole] > 0)
    table["share_speaker"] = rng.binomial(table["n_speakers"], rate(QUOTE_MEANS["share_anonymous"])) / table[
        "n_speakers"].where(table["n_speakers"] > 0)
    return table


def quote_rates() -> dict:
    """Part 9: coverage of the per-outlet intervals of `summarise_quote_shares` (and of the other
    methods, and how many intervals have zero width), the false-positive rate of the permutation
    test of the three measures within events with Holm (`compare_outlets`, as notebook 05 runs it),
    and its power with outlet 0's anonymous rate shifted."""
    from framing.sources import summarise_quote_shares

    measures = [*QUOTE_MEANS, "share_speaker"]
    truth = {m: quote_truth(QUOTE_MEANS.get(m, QUOTE_MEANS["share_anonymous"])) for m in measures}
    shifted = quote_truth(QUOTE_MEANS["share_anonymous"], QUOTE_SHIFT)
    out = {"truth": truth, "truth shifted": shifted}
    for events in QUOTE_EVENTS:
        counts = {name: [] for name in ["framing", *[f"{m}, framing" for m in measures], *QUOTE_INTERVALS,
                                        "articles a interval", "zero width", "test, any measure", "test, any Holm", "power, anonymous"]}
        for rep in range(QUOTE_REPS):
            rng = np.random.default_rng(100_000 + 1_000 * events + rep)
            values = quote_corpus(events, rng)
            summary = summarise_quote_shares(values, seed=rep)
            speaker = S.summarise_articles(values, value="share_speaker", seed=rep).assign(measure="share_speaker")
            summary = pd.concat([summary, speaker], ignore_index=True).dropna(subset=["ci_low"])
            true = np.array([truth[m] for m in summary["measure"]], dtype=float)
            inside = (summary["ci_low"] <= true) & (true <= summary["ci_high"])
            counts["framing"].append((int(inside.sum()), len(summary)))
            for m in measures:
                counts[f"{m}, framing"].append((int(inside[summary["measure"] == m].sum()), int((summary["measure"] == m).sum())))
            counts["articles a interval"].append((int(summary["n_articles"].sum()), len(summary)))
            counts["zero width"].append((int((summary["ci_high"] == summary["ci_low"]).sum()), len(summary)))
            for method in QUOTE_INTERVALS:
                hit = size = 0
                for (outlet, m), part in values.melt(id_vars=["outlet"], value_vars=measures).dropna().groupby(
                        ["outlet", "variable"]):
                    if len(part) >= S.MIN_ARTICLES:
                        low, high = S.mean_interval(part["value"], method=method, n_boot=1000, seed=rep)
                        hit, size = hit + (low <= truth[m] <= high), size + 1
                counts[method].append((hit, size))
            long = values.melt(id_vars=["article_id", "outlet", "event"], value_vars=list(QUOTE_MEANS),
                               var_name="measure", value_name="share").dropna(subset=["share"])
            tests = S.compare_outlets(long, value="share", family="measure", n_permutations=PERMUTATIONS,
                                      seed=rep).drop_duplicates("measure")
            counts["test, any measure"].append(((tests["p_value"] < ALPHA).sum(), len(tests)))
            counts["test, any Holm"].append(((tests["p_adjusted"] < ALPHA).any(), 1))
            moved = quote_corpus(events, rng, shift=QUOTE_SHIFT).dropna(subset=["share_anonymous"])
            p = S.permutation_test(moved, value="share_anonymous", n_permutations=PERMUTATIONS, seed=rep)["p_value"]
            counts["power, anonymous"].append((bool(p < ALPHA), 1))
        out[events] = {}
        for name, pairs in counts.items():
            hits = np.array([h for h, _ in pairs], dtype=float)
            sizes = np.array([m for _, m in pairs], dtype=float)
            out[events][name] = {"rate": float(hits.sum() / max(sizes.sum(), 1)), "mc_se": mc_error(hits, sizes),
                                 "n": int(sizes.sum())}
    return out


QUOTE_LABELS = {
    "framing": "summarise_quote_shares (framing), all four shares: covers",
    "share_anonymous, framing": "   anonymous share",
    "share_evaluative, framing": "   evaluative share",
    "share_official, framing": "   official share",
    "share_speaker, framing": "   one speaker's share of quotes",
    "expanded": "expanded bootstrap (all four): covers",
    "t": "t interval (all four): covers",
    "BCa": "BCa bootstrap (all four): covers",
    "articles a interval": "articles behind an interval (mean; not a rate)",
    "zero width": "framing's intervals of zero width (every article the same value)",
    "test, any measure": "permutation test within events, one measure: p < 0.05 (target 0.05)",
    "test, any Holm": "the three measures: any Holm-adjusted p < 0.05 (target <= 0.05)",
    "power, anonymous": f"power: outlet 0's anonymous rate logit +{QUOTE_SHIFT}, test p < 0.05",
}


def print_quotes(part: dict) -> None:
    truth = ", ".join(f"{k} {v:.3f}" for k, v in part["truth"].items())
    print(f"\n9. Quote shares per outlet: events x 3 outlets x one article, {QUOTES_PER_ARTICLE:.0f} quotes an article "
          f"on average (a third with none), article rates with event and article effects (sd {QUOTE_SD['event']} "
          f"and {QUOTE_SD['article']} on the logit scale); true outlet shares {truth} (shifted anonymous "
          f"{part['truth shifted']:.3f}); {QUOTE_REPS} corpora per column; intervals from {S.MIN_ARTICLES} articles "
          "with a value; rate ± Monte Carlo standard error")
    events = [k for k in part if isinstance(k, int)]
    print("   " + f"{'events':<74}" + "".join(f"{e:>16}" for e in events))
    for name, label in QUOTE_LABELS.items():
        if name == "articles a interval":  # a mean count, not a rate
            print("   " + f"{label:<74}" + "".join(f"{part[e][name]['rate']:>16.1f}" for e in events))
            continue
        print("   " + f"{label:<74}" + "".join(f"{part[e][name]['rate']:>9.3f} ± {part[e][name]['mc_se']:.3f}"
                                              for e in events))


# ── part 10: which interval for shares (ONLY=intervals) ──────────────────────────────────────────

COMPARE_REPS = int(os.environ.get("COMPARE_REPS", 400))
COMPARE_ARTICLES = (5, 10, 30)
RARE_FRAME = 0.03  # a rare frame's true share, beside the simulation's 0.25
SHARE_CANDIDATES = ("expanded", "t", "BCa", "bootstrap-t", "KG beta", "KG beta, no df", "KG wilson")
TONE_CANDIDATES = ("t", "expanded", "BCa", "bootstrap-t")


def bootstrap_t(x: np.ndarray, *, ci: float = 0.95, n_boot: int = 1000, seed: int = 0) -> tuple[float, float]:
    """The bootstrap-t (studentized) interval of the mean (Efron & Tibshirani 1993, ch. 12), for the
    comparison only (scipy has none): t* = (mean* − mean) / se* over resamples of the articles;
    resamples whose values are all equal (se* = 0) give t* = ±inf where mean* differs, and are
    dropped where it does not; an infinite t* leaves that side open (cut to [0, 1] for shares)."""
    rng = np.random.default_rng(seed)
    n = len(x)
    draws = x[rng.integers(0, n, (n_boot, n))]
    se = draws.std(axis=1, ddof=1) / math.sqrt(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (draws.mean(axis=1) - x.mean()) / se
    t = t[~np.isnan(t)]
    low_q, high_q = np.quantile(t, [(1 - ci) / 2, 1 - (1 - ci) / 2], method="inverted_cdf")  # inf stays inf
    sem = x.std(ddof=1) / math.sqrt(n)
    with np.errstate(invalid="ignore"):
        return float(x.mean() - high_q * sem), float(x.mean() - low_q * sem)


def candidate_interval(x: np.ndarray, method: str, *, seed: int, share: bool) -> tuple[float, float] | None:
    """The interval of `method` over the per-article values `x`, as `summarise_articles` would draw it:
    shares all at 0 or all at 1 get the exact bound (`stats.share_bound`; the Korn-Graubard intervals
    reach it by themselves, with n_eff = n), other equal values no interval (None, for every method
    alike). Intervals of shares are cut to [0, 1] (the t and bootstrap-t ones can leave it)."""
    if np.ptp(x) == 0 and not method.startswith("KG"):
        return S.share_bound(len(x), float(x[0])) if share and x[0] in (0, 1) else None
    if np.ptp(x) == 0 and x[0] not in (0, 1):
        return None
    if method == "bootstrap-t":
        low, high = bootstrap_t(x, seed=seed)
    elif method.startswith("KG"):
        low, high = S.share_interval(x, method="wilson" if "wilson" in method else "beta",
                                     df_adjusted="no df" not in method)
    else:
        low, high = S.mean_interval(x, method=method, n_boot=1000, seed=seed)
    return (max(low, 0.0), min(high, 1.0)) if share else (low, high)


def score_intervals(tally: dict, groups: list[tuple[np.ndarray, float]], methods, *, seed: int, share: bool) -> None:
    """Adds one corpus's intervals to `tally`: per method, the intervals drawn, those covering the
    truth, those wholly below it (missed low) and their summed width. Every method sees the same groups."""
    for method in methods:
        drawn = covered = below = 0
        width = 0.0
        for x, truth in groups:
            interval = candidate_interval(x, method, seed=seed, share=share)
            if interval is None:
                continue
            low, high = interval
            drawn, covered, below, width = drawn + 1, covered + (low <= truth <= high), below + (high < truth), \
                width + high - low
        tally[method].append((covered, below, width, drawn))


def summarise_tally(tally: dict) -> dict:
    out = {}
    for method, rows in tally.items():
        covered, below, width, drawn = (np.array(column, dtype=float) for column in zip(*rows))
        out[method] = {"coverage": float(covered.sum() / max(drawn.sum(), 1)), "mc_se": mc_error(covered, drawn),
                       "missed low": float(below.sum() / max(drawn.sum(), 1)),
                       "mean width": float(width.sum() / max(drawn.sum(), 1)), "intervals": int(drawn.sum())}
    return out


def first_with_value(values: pd.DataFrame, measure: str, n: int) -> list[np.ndarray]:
    """Per outlet, the shares of its first `n` articles with a value for `measure` (outlets with fewer left out)."""
    kept = values.dropna(subset=[measure])
    return [part[measure].to_numpy(dtype=float)[:n] for _, part in kept.groupby("outlet") if len(part) >= n]


def interval_comparison() -> dict:
    """Part 10: coverage and mean width of candidate 95% intervals at 5, 10, 30 articles, every method
    on the same corpora. Frame shares: the corpora of part 2 (truth 0.25) and the same model with a
    rare frame (truth `RARE_FRAME`); mean sentiment: the corpora of part 2; quote shares: the corpora
    of part 9 (four shares × 3 outlets, each outlet's first n articles with a value)."""
    measures = [*QUOTE_MEANS, "share_speaker"]
    truth = {m: quote_truth(QUOTE_MEANS.get(m, QUOTE_MEANS["share_anonymous"])) for m in measures}
    out = {}
    for n in COMPARE_ARTICLES:
        tallies = {name: {m: [] for m in methods} for name, methods in (
            ("frame share 0.25", SHARE_CANDIDATES), (f"frame share {RARE_FRAME}", SHARE_CANDIDATES),
            ("quote shares", SHARE_CANDIDATES), ("sentiment", TONE_CANDIDATES))}
        for rep in range(COMPARE_REPS):
            corpus = S.simulate_articles(events=n, outlets=1, articles=1, event_sd=0.0, seed=10_000 + rep)
            values = S.article_values(corpus, value=["sentiment", "frame"])
            score_intervals(tallies["sentiment"], [(values["sentiment"].to_numpy(), 0.0)], TONE_CANDIDATES, seed=rep,
                            share=False)
            score_intervals(tallies["frame share 0.25"], [(values["frame"].to_numpy(), 0.25)], SHARE_CANDIDATES,
                            seed=rep, share=True)
            rare = S.article_values(S.simulate_articles(events=n, outlets=1, articles=1, event_sd=0.0,
                                                        frame_rate=RARE_FRAME, seed=60_000 + rep), value="frame")
            score_intervals(tallies[f"frame share {RARE_FRAME}"], [(rare["frame"].to_numpy(), RARE_FRAME)],
                            SHARE_CANDIDATES, seed=rep, share=True)
            quotes = quote_corpus(4 * n + 10, np.random.default_rng(200_000 + 1_000 * n + rep))
            groups = [(x, truth[m]) for m in measures for x in first_with_value(quotes, m, n)]
            score_intervals(tallies["quote shares"], groups, SHARE_CANDIDATES, seed=rep, share=True)
        out[n] = {name: summarise_tally(tally) for name, tally in tallies.items()}
    return {"truth": truth, **out}


def print_comparison(part: dict) -> None:
    print(f"\n10. Which interval: coverage of nominal 95% intervals (± Monte Carlo se) and mean width, {COMPARE_REPS} "
          "corpora per row, every method on the same corpora; shares all at 0 or 1 get the exact bound")
    sizes = [k for k in part if isinstance(k, int)]
    for name in part[sizes[0]]:
        print(f"   {name}")
        print("      " + f"{'method':<16}" + "".join(f"{f'{n} articles':>30}" for n in sizes))
        for method in part[sizes[0]][name]:
            cells = "".join(f"{part[n][name][method]['coverage']:>14.3f} ± {part[n][name][method]['mc_se']:.3f}"
                            f" w {part[n][name][method]['mean width']:.3f}" for n in sizes)
            print("      " + f"{method:<16}" + cells)


# ── speed of the effects on the same events (ONLY=speed) ─────────────────────────────────────────

def roundup_values(path: Path = ROUNDUPS) -> pd.DataFrame:
    """Every article of allsides-roundups (1,479 articles, 145 outlets, 505 events) with a real
    per-article value, its number of words: the size at which `within_event_effects` was slow."""
    table = pd.DataFrame([json.loads(line) for line in path.open(encoding="utf-8")])
    return pd.DataFrame({"article_id": table["article_id"], "outlet": table["outlet"], "event": table["event_id"],
                         "n_words": table["text"].fillna("").str.split().str.len().astype(float)})


def effects_speed(before: str, repeats: int) -> dict:
    """`within_event_effects` of this checkout against that of git revision `before` on
    `roundup_values`: the tables must be identical; the two are timed in turn (ABBA), `repeats`
    times each, and the medians printed."""
    import importlib.util
    import statistics
    import subprocess
    import tempfile

    source = subprocess.run(["git", "show", f"{before}:src/framing/stats.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stats_before.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("framing.stats_before", path)
        old = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(old)
    values = roundup_values()
    versions = {"before": old.within_event_effects, "after": S.within_event_effects}
    tables = {name: call(values, value="n_words") for name, call in versions.items()}
    pd.testing.assert_frame_equal(tables["before"], tables["after"], check_exact=True)
    seconds = {name: [] for name in versions}
    for rep in range(repeats):
        for name in (("before", "after") if rep % 2 == 0 else ("after", "before")):
            started = time.perf_counter()
            versions[name](values, value="n_words")
            seconds[name].append(time.perf_counter() - started)
    return {"before": before, "outlets": int(values["outlet"].nunique()), "events": int(values["event"].nunique()),
            "articles": len(values), "identical": True, "load": os.getloadavg()[0],
            **{f"{name} median s": statistics.median(times) for name, times in seconds.items()},
            **{f"{name} s": times for name, times in seconds.items()}}


def main() -> None:
    started = time.perf_counter()
    print(f"framing statistics by simulation: {REPS} repetitions per rate, alpha = {ALPHA}\n")
    if os.environ.get("ONLY") == "logodds":
        odds, lone = log_odds_rates(), lone_event_rates()
        print_odds(odds)
        print_lone(lone)
        record = {"log_odds_repetitions": LOGODDS_REPS, "log_odds": odds, "lone_events": lone,
                  "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_logodds", record)
        return
    if os.environ.get("ONLY") == "bias":
        bias = effect_bias()
        print_bias(bias)
        record = {"repetitions": REPS, "uneven_coverage": bias, "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_bias", record)
        return
    if os.environ.get("ONLY") == "speed":
        speed = effects_speed(os.environ.get("BEFORE", "HEAD"), int(os.environ.get("REPEATS", 9)))
        print(f"within_event_effects on all of allsides-roundups ({speed['articles']:,} articles, {speed['outlets']} "
              f"outlets, {speed['events']} events): identical tables; median of {len(speed['after s'])} interleaved "
              f"runs: {speed['before']} {speed['before median s']:.3f} s, this checkout {speed['after median s']:.3f} s "
              f"(load average {speed['load']:.1f})")
        write_result("stats_speed", speed)
        return
    if os.environ.get("ONLY") == "layout":
        layout = layout_rates(read_layout())
        print_layout(layout)
        record = {"layout": layout, "permutations": PERMUTATIONS, "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_layout", record)
        return
    if os.environ.get("ONLY") == "median":
        median = median_coverage()
        print_median(median)
        record = {"repetitions": MEDIAN_REPS, "median_interval": {d: {str(n): v for n, v in r.items()}
                                                                  for d, r in median.items()},
                  "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_median", record)
        return
    if os.environ.get("ONLY") == "quotes":
        quotes = quote_rates()
        print_quotes(quotes)
        record = {"repetitions": QUOTE_REPS, "permutations": PERMUTATIONS,
                  "quote_shares": {str(k): v for k, v in quotes.items()},
                  "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_quotes", record)
        return
    if os.environ.get("ONLY") == "settle":
        settle = settle_rates()
        print_settle(settle)
        record = {"repetitions": SETTLE_REPS, "seeds": SETTLE_SEEDS, "shift": SETTLE_SHIFT, "settle": settle,
                  "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_settle", record)
        return
    if os.environ.get("ONLY") == "intervals":
        comparison = interval_comparison()
        print_comparison(comparison)
        record = {"repetitions": COMPARE_REPS, "comparison": {str(k): v for k, v in comparison.items()},
                  "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_intervals", record)
        return
    if os.environ.get("ONLY") == "coverage":
        cover = coverage()
        print_coverage(cover)
        record = {"repetitions": REPS, "min_articles": S.MIN_ARTICLES,
                  "coverage": {str(k): v for k, v in cover.items()},
                  "seconds": round(time.perf_counter() - started, 1)}
        write_result("stats_coverage", record)
        return
    fpr = false_positives()
    print("1. False-positive rate when outlets do not differ (should be near 0.05)")
    for design, rates in fpr.items():
        print(f"   {design}")
        for name, rate in rates.items():
            print(f"      {name:<28} {with_error(rate, REPS)}")
    cover = coverage()
    print_coverage(cover)
    strength = power()
    print(f"\n3. Power at alpha 0.05: first of 3 outlets shifted by {SHIFT} in tone, {FRAME_SHIFT} in frame "
          "rate; one article per outlet and event")
    print("   events  sentiment  frame")
    for events, row in strength.items():
        print(f"   {events:>6}  {with_error(row['sentiment'], REPS)}  {with_error(row['frame'], REPS)}")
    odds = log_odds_rates()
    print_odds(odds)
    lone = lone_event_rates()
    print_lone(lone)
    bias = effect_bias()
    print_bias(bias)
    layout = layout_rates(read_layout())
    print_layout(layout)
    median = median_coverage()
    print_median(median)
    seconds = time.perf_counter() - started
    print(f"\n({seconds:.0f} s)")
    record = {"repetitions": REPS, "log_odds_repetitions": LOGODDS_REPS, "alpha": ALPHA,
              "permutations": PERMUTATIONS, "min_articles": S.MIN_ARTICLES, "false_positive_rate": fpr,
              "coverage": {str(k): v for k, v in cover.items()},
              "power": {"shift": SHIFT, "frame_shift": FRAME_SHIFT, **{str(k): v for k, v in strength.items()}},
              "log_odds": odds, "lone_events": lone, "uneven_coverage": bias, "layout": layout,
              "median_interval": {d: {str(n): v for n, v in r.items()} for d, r in median.items()},
              "seconds": round(seconds, 1)}
    write_result("stats", record)


if __name__ == "__main__":
    main()
