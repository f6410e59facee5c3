"""Do the intervals of sentiment along the article keep their promise? Simulated articles of
realistic lengths with a known tone along the article.

Run from the project root: `.venv/bin/python benchmarks/bench_sentiment_position.py`. Prints the
rates and writes benchmarks/results/sentiment_position.json. `REPS` (default 400) sets the corpora
per size. Needs nothing but the package.

Each corpus is one outlet's n articles (5, 10, 30). An article has 3-40 sentences (log-uniform, so
most are short, as news articles are); its tone is its own level (sd `ARTICLE_SD`) plus a drift along
the article (`DRIFT`: from the lead to the end) plus sentence noise (sd `SENTENCE_SD`), clipped to
[-1, 1], and a share `NEUTRAL` of sentences score exactly 0 (as VADER gives a sentence without a
lexicon word). `summarise_sentiment_by_position` (five bins, t interval over articles) is run on each
corpus. The truth of a bin is what its interval is for: the mean over articles of an article's value
in the bin (`article_sentiment_by_position`), taken over `TRUTH_ARTICLES` articles of the same model.

Printed: per bin, how often the 95% interval covers the truth (± Monte Carlo standard error), and
how many of the corpus's articles stand behind each point, now and with the binning it replaced (a
sentence in the one bin its position falls in, position = k / (n - 1)).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing.sentiment import article_sentiment_by_position, summarise_sentiment_by_position  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
REPS = int(os.environ.get("REPS", 400))
ARTICLE_COUNTS = (5, 10, 30)
BINS = 5
LENGTHS = (3, 40)  # sentences an article, log-uniform
ARTICLE_SD, SENTENCE_SD, NEUTRAL = 0.25, 0.45, 0.35
DRIFT = (0.15, -0.25)  # mean tone at the start and at the end of the article
TRUTH_ARTICLES = 40_000


def simulate(n_articles: int, rng: np.random.Generator) -> pd.DataFrame:
    """One outlet's articles as a scored sentence table: `article_id`, `outlet`, `position`
    (k / (n - 1), as notebook 03 computes it) and `sentiment`."""
    low, high = LENGTHS
    lengths = np.floor(np.exp(rng.uniform(np.log(low), np.log(high + 1), n_articles))).astype(int)
    article = np.repeat(np.arange(n_articles), lengths)
    k = np.arange(len(article)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    n = lengths[article]
    drift = DRIFT[0] + (DRIFT[1] - DRIFT[0]) * (k + 0.5) / n
    tone = np.clip(rng.normal(0, ARTICLE_SD, n_articles)[article] + drift + rng.normal(0, SENTENCE_SD, len(k)), -1, 1)
    tone[rng.random(len(k)) < NEUTRAL] = 0.0
    return pd.DataFrame({"article_id": article, "outlet": "outlet", "position": k / np.maximum(n - 1, 1),
                         "sentiment": tone})


def old_bins(corpus: pd.DataFrame) -> pd.Series:
    """Articles per bin with the binning this replaced: each sentence in the one bin its position is in."""
    binned = np.minimum((corpus["position"].to_numpy() * BINS).astype(int), BINS - 1)
    return corpus.assign(position_bin=binned).groupby("position_bin")["article_id"].nunique().reindex(range(BINS),
                                                                                                      fill_value=0)


def truth() -> np.ndarray:
    values = article_sentiment_by_position(simulate(TRUTH_ARTICLES, np.random.default_rng(1)), bins=BINS)
    return values.groupby("position_bin")["sentiment"].mean().to_numpy()


def coverage(true: np.ndarray) -> dict:
    out = {}
    for n in ARTICLE_COUNTS:
        hits = np.zeros((REPS, BINS))
        before, after = np.zeros((REPS, BINS)), np.zeros((REPS, BINS))
        for rep in range(REPS):
            corpus = simulate(n, np.random.default_rng(10_000 * n + rep))
            summary = summarise_sentiment_by_position(corpus, bins=BINS, seed=rep).set_index("position_bin")
            summary = summary.reindex(range(BINS))
            hits[rep] = (summary["ci_low"] <= true) & (true <= summary["ci_high"])
            after[rep] = summary["n_articles"].fillna(0)
            before[rep] = old_bins(corpus)
        out[n] = {"covers, per bin": hits.mean(axis=0).tolist(),
                  "mc_se, per bin": np.sqrt(hits.mean(axis=0) * (1 - hits.mean(axis=0)) / REPS).tolist(),
                  "covers, all bins": float(hits.mean()),
                  "mc_se, all bins": float(hits.mean(axis=1).std(ddof=1) / np.sqrt(REPS)),
                  "articles per point, before": (before.mean(axis=0) / n).tolist(),
                  "fewest articles at a point, before (mean share)": float((before.min(axis=1) / n).mean()),
                  "articles per point, after": (after.mean(axis=0) / n).tolist()}
    return out


def main() -> None:
    started = time.perf_counter()
    true = truth()
    cover = coverage(true)
    print(f"Sentiment along the article: {BINS} bins, t interval over articles (95%); articles of "
          f"{LENGTHS[0]}-{LENGTHS[1]} sentences (log-uniform); true bin means {np.round(true, 3).tolist()}; "
          f"{REPS} corpora per row; rate ± Monte Carlo standard error")
    print("   articles  covers in bin 1 .. 5" + " " * 61 + "all bins        articles a point (share): before -> after")
    for n, row in cover.items():
        cells = "  ".join(f"{r:.3f} ± {e:.3f}" for r, e in zip(row["covers, per bin"], row["mc_se, per bin"]))
        share = " ".join(f"{s:.2f}" for s in row["articles per point, before"])
        print(f"   {n:>8}  {cells}  {row['covers, all bins']:.3f} ± {row['mc_se, all bins']:.3f}  "
              f"{share} -> {' '.join(f'{s:.2f}' for s in row['articles per point, after'])}")
    seconds = time.perf_counter() - started
    print(f"({seconds:.0f} s)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"repetitions": REPS, "bins": BINS, "lengths": LENGTHS, "article_sd": ARTICLE_SD,
              "sentence_sd": SENTENCE_SD, "neutral": NEUTRAL, "drift": DRIFT, "truth": true.tolist(),
              "coverage": {str(k): v for k, v in cover.items()}, "seconds": round(seconds, 1)}
    (RESULTS / "sentiment_position.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
