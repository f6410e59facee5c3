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
"""
from __future__ import annotations

import json
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
        cells = "  ".join(f"{row[f'{column}, {method}']:.3f}" for column in ("sentiment", "frame")
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
        print(f"      {name:<48} {value:.3f}")


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


def print_parts(title: str, parts: dict, *, width: int = 44, signed: tuple = ()) -> None:
    """A part's title, then each design's label and its rates (names in `signed` with a sign)."""
    print(title)
    for label, row in parts.items():
        print(f"   {label}")
        for name, value in row.items():
            print(f"      {name:<{width}} {value:{'+.3f' if name in signed else '.3f'}}")


def print_odds(odds: dict) -> None:
    print_parts(f"\n4. Log-odds z when outlets do not differ ({LOGODDS_REPS} corpora of 10 events x 3 outlets x 2 "
                "articles; calibrated threshold from 100 shuffles)", odds)


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
                signed=("pooled difference, mean", "within-event difference, mean"))


def main() -> None:
    started = time.perf_counter()
    print(f"framing statistics by simulation: {REPS} repetitions per rate, alpha = {ALPHA}\n")
    if os.environ.get("ONLY") == "logodds":
        odds, lone = log_odds_rates(), lone_event_rates()
        print_odds(odds)
        print_lone(lone)
        RESULTS.mkdir(parents=True, exist_ok=True)
        record = {"log_odds_repetitions": LOGODDS_REPS, "log_odds": odds, "lone_events": lone,
                  "seconds": round(time.perf_counter() - started, 1)}
        (RESULTS / "stats_logodds.json").write_text(json.dumps(record, indent=2, default=float) + "\n",
                                                    encoding="utf-8")
        return
    if os.environ.get("ONLY") == "bias":
        bias = effect_bias()
        print_bias(bias)
        RESULTS.mkdir(parents=True, exist_ok=True)
        record = {"repetitions": REPS, "uneven_coverage": bias, "seconds": round(time.perf_counter() - started, 1)}
        (RESULTS / "stats_bias.json").write_text(json.dumps(record, indent=2, default=float) + "\n", encoding="utf-8")
        return
    if os.environ.get("ONLY") == "coverage":
        cover = coverage()
        print_coverage(cover)
        RESULTS.mkdir(parents=True, exist_ok=True)
        record = {"repetitions": REPS, "min_articles": S.MIN_ARTICLES,
                  "coverage": {str(k): v for k, v in cover.items()},
                  "seconds": round(time.perf_counter() - started, 1)}
        (RESULTS / "stats_coverage.json").write_text(json.dumps(record, indent=2, default=float) + "\n",
                                                     encoding="utf-8")
        return
    fpr = false_positives()
    print("1. False-positive rate when outlets do not differ (should be near 0.05)")
    for design, rates in fpr.items():
        print(f"   {design}")
        for name, rate in rates.items():
            print(f"      {name:<28} {rate:.3f}")
    cover = coverage()
    print_coverage(cover)
    strength = power()
    print(f"\n3. Power at alpha 0.05: first of 3 outlets shifted by {SHIFT} in tone, {FRAME_SHIFT} in frame "
          "rate; one article per outlet and event")
    print("   events  sentiment  frame")
    for events, row in strength.items():
        print(f"   {events:>6}  {row['sentiment']:>9.3f}  {row['frame']:>5.3f}")
    odds = log_odds_rates()
    print_odds(odds)
    lone = lone_event_rates()
    print_lone(lone)
    bias = effect_bias()
    print_bias(bias)
    seconds = time.perf_counter() - started
    print(f"\n({seconds:.0f} s)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"repetitions": REPS, "log_odds_repetitions": LOGODDS_REPS, "alpha": ALPHA,
              "permutations": PERMUTATIONS, "min_articles": S.MIN_ARTICLES, "false_positive_rate": fpr,
              "coverage": {str(k): v for k, v in cover.items()},
              "power": {"shift": SHIFT, "frame_shift": FRAME_SHIFT, **{str(k): v for k, v in strength.items()}},
              "log_odds": odds, "lone_events": lone, "uneven_coverage": bias, "seconds": round(seconds, 1)}
    (RESULTS / "stats.json").write_text(json.dumps(record, indent=2, default=float) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
