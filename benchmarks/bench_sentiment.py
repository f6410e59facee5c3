"""How well, and how fast, framing's sentiment scores agree with people.

Run from the project root: `.venv/bin/python benchmarks/bench_sentiment.py`. Prints the numbers and
writes benchmarks/results/sentiment.json. Needs ../shared/data/.

1. NYT editorial sentences (Hutto & Gilbert 2014, development half): Pearson r of each score with
   the mean human valence; the weight of VADER in `sentiment` chosen on even editorials and
   reported on odd ones, and the other way round.
2. NewsMTSC targets (Hamborg & Donnay 2021, train split): macro-F1 of `score_target` + thresholds,
   with the clause window and the thresholds chosen on one half of the documents
   (`source_doc_key`) and reported on the other, both ways; whole-sentence VADER as the baseline.
3. Speed: sentences per second of the per-sentence reference path, of the array path that
   `add_sentiment` uses, and of the floor (the texts split by one regular expression and one
   lexicon summed in numpy), on every distinct news sentence of ../shared/data, interleaved and
   repeated `REPS` times (default 5); medians. `ONLY=speed` (or nyt, newsmtsc) runs one part and
   keeps the others' last results in the JSON.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
import zlib
from itertools import product
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import sentiment as S  # noqa: E402
from framing.lexicons import load_data  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results"
WEIGHTS = np.round(np.arange(0, 1.01, 0.1), 2)
WINDOWS = (3, 5, 8, 12, 20, 1000)
THRESHOLDS = np.round(np.arange(0.0, 0.41, 0.025), 3)


def pearson(x, y) -> float:
    return float(np.corrcoef(np.asarray(x, float), np.asarray(y, float))[0, 1])


def nyt() -> dict:
    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scored = S.add_sentiment(rows)
    news = S._scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS).news
    scored["vader_news"] = [news.polarity_scores(t)["compound"] for t in scored["text"]]
    even = scored["doc_id"].astype(int) % 2 == 0
    out = {
        "n_sentences": len(scored),
        "n_editorials": int(scored["doc_id"].nunique()),
        "r_all": {
            column: pearson(scored["mean_rating"], scored[column])
            for column in ("vader_compound", "polarity", "vader_news", "sentiment")
        },
    }
    folds = []
    for name, choose in (("choose even, report odd", even), ("choose odd, report even", ~even)):
        def r(weight, mask):
            combined = weight * scored["vader_news"] + (1 - weight) * scored["polarity"]
            return pearson(scored["mean_rating"][mask], combined[mask])

        best = max(WEIGHTS, key=lambda w: r(w, choose))
        shipped = load_data(S.DEFAULT_PARAMS)["sentence"]["vader"]
        folds.append(
            {
                "fold": name,
                "chosen_vader_weight": float(best),
                "r_chosen_on_held_out": r(best, ~choose),
                "r_shipped_on_held_out": r(shipped, ~choose),
                "r_vader_on_held_out": pearson(scored["mean_rating"][~choose], scored["vader_compound"][~choose]),
            }
        )
    out["folds"] = folds
    return out


def _half(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % 2


def _macro_f1(truth, scores, low, high) -> float:
    labels = np.where(scores <= low, "negative", np.where(scores >= high, "positive", "neutral"))
    return float(f1_score(truth, labels, average="macro"))


def _best_thresholds(truth, scores) -> tuple[float, float, float]:
    best = max(
        ((-lo, hi) for lo, hi in product(THRESHOLDS, THRESHOLDS)),
        key=lambda pair: _macro_f1(truth, scores, *pair),
    )
    return best[0], best[1], _macro_f1(truth, scores, *best)


def newsmtsc() -> dict:
    rows = pd.read_json(SHARED / "newsmtsc-train" / "train_targets.jsonl", lines=True)
    rows["half"] = rows["source_doc_key"].map(_half)
    truth = rows["polarity"].to_numpy()
    scorer = S._scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    sentence_vader = np.array([scorer.plain.polarity_scores(t)["compound"] for t in rows["sentence"]])
    by_window = {
        window: np.array(
            [
                scorer.scores(S.target_window(t, a, b, window=window))[3]
                for t, a, b in zip(rows["sentence"], rows["from"], rows["to"])
            ]
        )
        for window in WINDOWS
    }
    folds = []
    for choose in (0, 1):
        train = (rows["half"] == choose).to_numpy()
        test = ~train
        base_low, base_high, _ = _best_thresholds(truth[train], sentence_vader[train])
        fits = {w: _best_thresholds(truth[train], s[train]) for w, s in by_window.items()}
        window = max(fits, key=lambda w: fits[w][2])
        low, high, train_f1 = fits[window]
        folds.append(
            {
                "fold": f"choose on half {choose}, report on half {1 - choose}",
                "n_train": int(train.sum()),
                "n_test": int(test.sum()),
                "sentence_vader_f1_held_out": _macro_f1(truth[test], sentence_vader[test], base_low, base_high),
                "sentence_vader_f1_default_0.05": _macro_f1(truth[test], sentence_vader[test], -0.05, 0.05),
                "chosen_window": window,
                "chosen_thresholds": [low, high],
                "train_f1_by_window": {str(w): fits[w][2] for w in WINDOWS},
                "target_f1_held_out": _macro_f1(truth[test], by_window[window][test], low, high),
            }
        )
    params = load_data(S.DEFAULT_PARAMS)["target"]
    shipped = by_window.get(int(params["window"]))
    shipped_f1 = (
        {
            f"half {h}": _macro_f1(truth[(rows["half"] == h).to_numpy()],
                                   shipped[(rows["half"] == h).to_numpy()],
                                   params["negative"], params["positive"])
            for h in (0, 1)
        }
        if shipped is not None
        else None
    )
    accuracy = (
        {
            f"half {h}": float(np.mean(np.where(shipped <= params["negative"], "negative",
                                                np.where(shipped >= params["positive"], "positive", "neutral"))
                                       [(rows["half"] == h).to_numpy()] == truth[(rows["half"] == h).to_numpy()]))
            for h in (0, 1)
        }
        if shipped is not None
        else None
    )
    neutral = np.full(len(truth), "neutral")
    return {
        "shipped_accuracy_by_half": accuracy,
        "always_neutral": {"accuracy": float(np.mean(truth == "neutral")),
                           "macro_f1": float(f1_score(truth, neutral, average="macro"))},
        "n_targets": len(rows),
        "labels": rows["polarity"].value_counts().to_dict(),
        "folds": folds,
        "shipped_params": dict(params),
        "shipped_f1_by_half": shipped_f1,
    }


def speed_sentences() -> list[str]:
    """Every distinct sentence of the news texts in ../shared/data: the NYT and NewsMTSC sentences,
    and the AllSides excerpts, AEB gold bodies and narrative-frames articles split into sentences."""
    from framing.segment import split_sentences

    def rows(name: str) -> list[dict]:
        with (SHARED / name).open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines]

    texts = [row["text"] for row in rows("nyt-sentiment-dev/snippets.jsonl")]
    texts += [row["sentence"] for row in rows("newsmtsc-train/train_targets.jsonl")]
    bodies = [row["text"] or "" for row in rows("allsides-roundups/articles.jsonl")]
    bodies += [p for row in rows("aeb-dev/pages.jsonl") for p in (row.get("gold_article_body") or "").split("\n")]
    bodies += [row["text"] or "" for row in rows("narrative-frames-dev/articles.jsonl")]
    texts += [sentence for body in bodies for sentence in split_sentences(body)]
    return list(dict.fromkeys(texts))


def floor_scores(texts: list[str], lexicon: dict) -> np.ndarray:
    """The least any lexicon score can cost: the texts joined, lower-cased and split by one regular
    expression, each distinct word looked up once, the valences summed per text in numpy."""
    joined = " \x01 ".join(texts).lower()
    codes, words = pd.factorize(np.array(FLOOR_TOKEN.findall(joined), dtype=object))
    valence = np.array([lexicon.get(word, 0.0) for word in words])
    separator = np.flatnonzero(words == "\x01")
    is_separator = codes == (separator[0] if len(separator) else -1)
    text = np.cumsum(is_separator)
    return np.bincount(text[~is_separator], weights=valence[codes[~is_separator]], minlength=len(texts))


FLOOR_TOKEN = re.compile(r"\w+|\x01")


def speed(reps: int = int(os.environ.get("REPS", 5))) -> dict:
    """Sentences per second of the per-sentence reference path (`reference_scores`), the array
    path that `add_sentiment` uses (`array_scores`) and the floor, on the same distinct sentences,
    interleaved (the order turns each repetition) and repeated; medians of wall and CPU time."""
    texts = speed_sentences()
    scorer = S._scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    lexicon = scorer.plain.lexicon
    runs = {
        "reference": lambda: S.reference_scores(texts),
        "arrays": lambda: S.array_scores(texts),
        "floor": lambda: floor_scores(texts, lexicon),
    }
    for run in runs.values():  # lexicons and tables loaded once, as in any session
        run() if run is not runs["reference"] else S.reference_scores(texts[:50])
    wall = {name: [] for name in runs}
    cpu = {name: [] for name in runs}
    names = list(runs)
    for rep in range(reps):
        for name in names[rep % len(names):] + names[:rep % len(names)]:
            start, start_cpu = time.perf_counter(), time.process_time()
            runs[name]()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    median = {name: float(np.median(values)) for name, values in wall.items()}
    median_cpu = {name: float(np.median(values)) for name, values in cpu.items()}
    fallback = S.array_scores(texts).fallback
    return {
        "n_sentences": len(texts),
        "repetitions": reps,
        "what": "distinct sentences of ../shared/data news texts, in memory, to per-sentence scores; "
                "reference and arrays give all four scores, the floor one lexicon sum",
        "median_seconds": median,
        "median_cpu_seconds": median_cpu,
        "sentences_per_second": {name: len(texts) / value for name, value in median.items()},
        "sentences_per_cpu_second": {name: len(texts) / value for name, value in median_cpu.items()},
        "arrays_over_floor_time": median["arrays"] / median["floor"],
        "arrays_over_floor_cpu": median_cpu["arrays"] / median_cpu["floor"],
        "reference_over_arrays_time": median["reference"] / median["arrays"],
        "fallback_texts": fallback,
        "all_seconds": wall,
    }


def main() -> None:
    parts = {"nyt": nyt, "newsmtsc": newsmtsc, "speed": speed}
    only = os.environ.get("ONLY")
    path = RESULTS / "sentiment.json"
    results = json.loads(path.read_text(encoding="utf-8")) if only and path.exists() else {}
    for name, part in parts.items():
        if only in (None, name):
            results[name] = part()
            print(json.dumps({name: results[name]}, indent=2, default=float), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(".json.tmp")
    staging.write_text(json.dumps(results, indent=2, default=float), encoding="utf-8")
    staging.replace(path)


if __name__ == "__main__":
    main()
