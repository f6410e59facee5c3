"""Which features and which decision rule make sentiment toward an actor agree with annotators.

Run from the project root: `PYTHONPATH=src .venv/bin/python benchmarks/bench_actor_features.py`
(about 20 minutes on an idle 2-core machine; `ONLY=shipped_features,negation` runs some variants and
keeps the others' last results). Prints one
row per variant and writes benchmarks/results/actor_features.json. Needs ../shared/data/.

Every variant is the classifier of benchmarks/train_actor_sentiment.py (same fit, penalty C of the
shipped model) on the features of the earlier model (version 1.0: lexicon scores computed with names
in them) plus candidate ones, or on the shipped features (version 1.1: names left out of the
lexicon scores by `framing.sentiment.mask_names`), read by 5-fold cross-validation grouped
by source document (the folds of the training script). Its out-of-fold probabilities (for news with
three in four mentions neutral) are turned into labels four ways:

- `shipped_rule`: the threshold chosen by `train_actor_sentiment.choose` on the other four folds'
  out-of-fold rows, applied to the fifth (nested, so the threshold never sees the rows it labels);
- `previous_rule`: the same with the earlier criterion (best macro-F1 among thresholds whose
  accuracy is at least 0.76);
- `argmax`: the most probable label (the Bayes decision for accuracy when the probabilities are
  calibrated);
- `threshold_0.35`: the threshold the earlier model shipped with.

Each is scored with the targets reweighted to 75 % neutral (accuracy, macro-F1, the share
labelled), with the difference in reweighted accuracy to always saying "neutral" and to the earlier
model (its features, threshold 0.35, in the same folds), each with a 95 % percentile interval from 2,000
bootstrap resamples of documents (Efron & Tibshirani 1993; documents, not mentions, are the unit),
and the weighted Pearson r of `actor_sentiment` (P(positive) − P(negative)) with the annotated
label (−1, 0, +1), which is what a mean tone per outlet rests on. For the shipped features also
the calibration of the probabilities at 75 % neutral and the accuracy and macro-F1 of thresholds
from 0.3 to 0.75 (how much abstaining more often gains).

Candidate features (each a general statement about news prose, none fitted to a name or page):
target-dependent word blocks of the three words each side (Vo & Zhang 2015; Tang et al. 2016),
adjacent-word pairs of the clause, the lexicon valence of the words right after the mention (its
verb when it is the subject: "X criticised") and right before it ("criticised X"), with a passive
flag ("X was criticised"), negation words in the clause, distance-weighted valence, other names in
the clause, the sentiment of the quoted words, the sentiment of the sentence outside the clause;
and the shipped change, lexicon scores computed with names (capitalised words inside the sentence)
left out.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from framing import sentiment as S  # noqa: E402

import train_actor_sentiment as T  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
PENALTY = 0.1
BOOTSTRAPS = 2000
NEAR = 3  # words each side in the near blocks and the role valence
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NEGATIONS = frozenset({"not", "no", "never", "without", "nor", "neither", "nobody", "nothing", "cannot"})
_BE = frozenset({"is", "was", "were", "are", "been", "be", "being", "got", "get", "gets"})
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")


def _words(text: str) -> list[str]:
    return [match.group().replace("’", "'") for match in _WORD.finditer(text)]


def _negated(words: list[str]) -> float:
    return float(any(w.lower() in _NEGATIONS or w.lower().endswith("n't") for w in words))


def _valence(words: list[str], lexicon: dict) -> float:
    return sum(lexicon.get(w.lower(), 0.0) for w in words) / 4


def _scores(texts: list[str]) -> np.ndarray:
    """(VADER compound, TextBlob polarity, clause score of `score_target`) of each text, 0 for empty
    text; the text as written (`fold=False`), as the shipped classifier's own lexicon features read it."""
    return np.nan_to_num(S.array_scores(texts, fold=False, target=True).scores[:, [2, 0, 3]])


def candidate_features(rows: pd.DataFrame, base: S.TargetFeatures) -> tuple[dict, dict]:
    """({name: one value per mention}, {block: one word set per mention}) of the candidates."""
    lexicon = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS).news.lexicon
    dense = {name: [] for name in ("valence_after", "valence_before", "passive", "negated_left", "negated_right",
                                   "distance_valence", "other_names")}
    blocks = {"near_left": [], "near_right": [], "pairs": []}
    quoted, outside, named = [], [], {"window": [], "sentence": [], "clause_left": [], "clause_right": []}
    for text, start, end in zip(rows["sentence"], rows["from"], rows["to"]):
        left, right = S.clause_bounds(text, start, end)
        found = S.feature_words(text)
        before = [w for at, w in found if left <= at < start]
        after = [w for at, w in found if end <= at < right]
        blocks["near_left"].append(frozenset(before[-NEAR:]))
        blocks["near_right"].append(frozenset(after[:NEAR]))
        clause = before + after
        blocks["pairs"].append(frozenset(f"{a}_{b}" for a, b in zip(clause, clause[1:])))
        raw_before, raw_after = _words(text[left:start])[-8:], _words(text[end:right])[:8]
        dense["valence_after"].append(_valence(raw_after[:NEAR], lexicon))
        dense["valence_before"].append(_valence(raw_before[-NEAR:], lexicon))
        dense["passive"].append(float(any(w.lower() in _BE for w in raw_after[:2])))
        dense["negated_left"].append(_negated(raw_before))
        dense["negated_right"].append(_negated(raw_after))
        dense["distance_valence"].append(
            (sum(lexicon.get(w.lower(), 0.0) / (1 + i) for i, w in enumerate(reversed(raw_before)))
             + sum(lexicon.get(w.lower(), 0.0) / (1 + i) for i, w in enumerate(raw_after))) / 4)
        dense["other_names"].append(float(any(w[0].isupper() for w in _words(text[max(left, 1):start]) + _words(text[end:right]))))
        quoted.append(" ".join(_QUOTED.findall(text)))
        outside.append(text[:left] + " " + text[right:])
        named["window"].append(S.target_window(text, start, end, window=S.TARGET_WINDOW, keep_mention=False))
        named["sentence"].append(text[:start] + " " + text[end:])
        named["clause_left"].append(text[left:start])
        named["clause_right"].append(text[end:right])
    dense = {name: np.asarray(values, dtype=float) for name, values in dense.items()}
    for stretch, texts in named.items():
        for kind, values in zip(("vader", "textblob", "sentiment"), _scores(texts).T):
            dense[f"named_{stretch}_{kind}"] = values
    column = {name: base.dense[:, i] for i, name in enumerate(base.dense_names)}
    column["window_sentiment"] = dense["named_window_sentiment"]
    dense["valence_after_passive"] = dense["valence_after"] * dense["passive"]
    dense["window_negated"] = column["window_sentiment"] * np.maximum(dense["negated_left"], dense["negated_right"])
    dense["window_other_names"] = column["window_sentiment"] * dense["other_names"]
    dense["quoted_sentiment"] = _scores(quoted)[:, 2]
    dense["speaker_quoted_sentiment"] = column["speaker"] * dense["quoted_sentiment"]
    dense["in_quote_window"] = column["in_quote"] * column["window_sentiment"]
    dense["outside_clause_sentiment"] = _scores(outside)[:, 2]
    return dense, blocks


def variants(base: S.TargetFeatures) -> dict[str, tuple[list[str], list[str]]]:
    """{variant: (its dense columns, its word blocks)}: the earlier model's features, each candidate
    added to them, and the shipped features."""
    shipped, blocks = list(base.dense_names), list(base.words)
    names = [n if n in S.FLAG_NAMES else f"named_{n}" for n in shipped]
    return {
        "earlier_features": (names, blocks),
        "near_blocks": (names, blocks + ["near_left", "near_right"]),
        "word_pairs": (names, blocks + ["pairs"]),
        "subject_or_object_valence": (names + ["valence_after", "valence_before", "passive", "valence_after_passive"], blocks),
        "negation": (names + ["negated_left", "negated_right", "window_negated"], blocks),
        "distance_valence": (names + ["distance_valence"], blocks),
        "other_names_in_clause": (names + ["other_names", "window_other_names"], blocks),
        "quote_sentiment": (names + ["quoted_sentiment", "speaker_quoted_sentiment", "in_quote_window"], blocks),
        "outside_clause": (names + ["outside_clause_sentiment"], blocks),
        "no_words": (names, []),
        "shipped_features": (shipped, blocks),
    }


def subset_features(base: S.TargetFeatures, dense: dict, blocks: dict, columns: list[str], words: list[str]) -> S.TargetFeatures:
    """TargetFeatures with the named dense columns (shipped or candidate) and word blocks."""
    shipped = {name: base.dense[:, i] for i, name in enumerate(base.dense_names)}
    table = np.column_stack([shipped[n] if n in shipped else dense[n] for n in columns])
    every = {**base.words, **blocks}
    return S.TargetFeatures(dense=table, dense_names=tuple(columns), words={b: every[b] for b in words})


def out_of_fold(features: S.TargetFeatures, truth: np.ndarray, folds: list) -> np.ndarray:
    """Probabilities (three in four neutral) of each mention from the model fitted on the other folds."""
    probabilities = np.zeros((len(truth), len(T.CLASSES)))
    for train, test in folds:
        model = T.fit(T.subset(features, train), truth[train], PENALTY, 0.5)
        probabilities[test] = S.target_probabilities(T.subset(features, test), model)
    return probabilities


def _labels(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    return S.label_probabilities(probabilities, {"classes": T.CLASSES, "polar_threshold": threshold})


def _previous_choice(grid: list[dict]) -> dict:
    eligible = [row for row in grid if row["accuracy_75_neutral"] >= 0.76]
    return max(eligible or grid, key=lambda row: (row["macro_f1_75_neutral"] if eligible else row["accuracy_75_neutral"]))


def nested_labels(probabilities: np.ndarray, truth: np.ndarray, folds: list, choice) -> np.ndarray:
    """Each fold labelled with the threshold `choice` picks on the other folds' rows."""
    labels = np.empty(len(truth), dtype=object)
    for train, test in folds:
        grid = []
        for threshold in T.THRESHOLDS:
            accuracy, f1 = T.weighted_scores(truth[train], _labels(probabilities[train], threshold))
            grid.append({"threshold": float(threshold), "accuracy_75_neutral": accuracy, "macro_f1_75_neutral": f1})
        labels[test] = _labels(probabilities[test], choice(grid)["threshold"])
    return labels.astype(str)


def bootstrap_difference(truth: np.ndarray, groups: np.ndarray, first: np.ndarray, second: np.ndarray) -> list[float]:
    """[difference, 2.5 %, 97.5 %] of reweighted accuracy `first` − `second`, documents resampled."""
    weights = T.neutral_heavy_weights(truth)
    frame = pd.DataFrame({"group": groups, "weight": weights,
                          "gain": weights * ((first == truth).astype(float) - (second == truth))})
    per_group = frame.groupby("group", sort=True)[["gain", "weight"]].sum().to_numpy()
    draws = np.random.default_rng(0).integers(0, len(per_group), size=(BOOTSTRAPS, len(per_group)))
    sums = np.stack([np.bincount(row, minlength=len(per_group)) for row in draws]) @ per_group
    estimate = per_group[:, 0].sum() / per_group[:, 1].sum()
    low, high = np.percentile(sums[:, 0] / sums[:, 1], [2.5, 97.5])
    return [round(float(estimate), 4), round(float(low), 4), round(float(high), 4)]


def weighted_r(probabilities: np.ndarray, truth: np.ndarray) -> float:
    """Pearson r, targets reweighted to 75 % neutral, of P(positive) − P(negative) with −1 / 0 / +1."""
    weights = T.neutral_heavy_weights(truth)
    score = probabilities[:, 2] - probabilities[:, 0]
    value = pd.Series(truth).map({"negative": -1.0, "neutral": 0.0, "positive": 1.0}).to_numpy()
    mean_s, mean_v = np.average(score, weights=weights), np.average(value, weights=weights)
    cov = np.average((score - mean_s) * (value - mean_v), weights=weights)
    return float(cov / np.sqrt(np.average((score - mean_s) ** 2, weights=weights)
                               * np.average((value - mean_v) ** 2, weights=weights)))


def calibration(probabilities: np.ndarray, truth: np.ndarray) -> dict:
    """With the targets reweighted to 75 % neutral: the mean probability of each label beside its
    share, per label the mean probability and the share of that label in tenths of probability
    ([lower bound, mean probability, share, mentions]), and the expected calibration error of the
    most probable label (Guo et al. 2017, ten bins)."""
    weights = T.neutral_heavy_weights(truth)
    codes = pd.Categorical(truth, categories=T.CLASSES).codes
    bins = np.minimum((probabilities * 10).astype(int), 9)
    out = {"mean_probability": np.round(np.average(probabilities, axis=0, weights=weights), 4).tolist(),
           "share": [round(float(weights[codes == k].sum() / weights.sum()), 4) for k in range(len(T.CLASSES))]}
    for k, label in enumerate(T.CLASSES):
        out[label] = [[b / 10, round(float(np.average(probabilities[bins[:, k] == b, k], weights=weights[bins[:, k] == b])), 3),
                       round(float(np.average(codes[bins[:, k] == b] == k, weights=weights[bins[:, k] == b])), 3),
                       int(np.sum(bins[:, k] == b))] for b in range(10) if np.any(bins[:, k] == b)]
    confidence, predicted = probabilities.max(axis=1), probabilities.argmax(axis=1)
    tenth = np.minimum((confidence * 10).astype(int), 9)
    gaps = [abs(np.sum(weights[tenth == b] * (confidence[tenth == b] - (predicted[tenth == b] == codes[tenth == b]))))
            for b in range(10)]
    out["expected_calibration_error"] = round(float(np.sum(gaps) / weights.sum()), 4)
    return out


def threshold_sweep(probabilities: np.ndarray, truth: np.ndarray) -> dict:
    """{threshold: [accuracy, macro-F1, share labelled]} at 75 % neutral (out-of-fold, not nested)."""
    out = {}
    for threshold in np.round(np.arange(0.3, 0.751, 0.05), 2):
        labels = _labels(probabilities, threshold)
        accuracy, f1 = T.weighted_scores(truth, labels)
        out[str(threshold)] = [round(accuracy, 4), round(f1, 4), round(float(np.mean(labels != "neutral")), 3)]
    return out


def report(probabilities, truth, groups, folds, reference) -> dict:
    """The four decision rules' figures for one variant's out-of-fold probabilities."""
    neutral = np.full(len(truth), "neutral")
    rules = {
        "shipped_rule": nested_labels(probabilities, truth, folds, T.choose),
        "previous_rule": nested_labels(probabilities, truth, folds, _previous_choice),
        "argmax": np.array(T.CLASSES)[probabilities.argmax(axis=1)],
        "threshold_0.35": _labels(probabilities, 0.35),
    }
    out = {"weighted_r": round(weighted_r(probabilities, truth), 4)}
    for rule, labels in rules.items():
        accuracy, f1 = T.weighted_scores(truth, labels)
        out[rule] = {"accuracy_75_neutral": round(accuracy, 4), "macro_f1_75_neutral": round(f1, 4),
                     "share_labelled": round(float(np.mean(labels != "neutral")), 3),
                     "vs_always_neutral": bootstrap_difference(truth, groups, labels, neutral),
                     "vs_earlier_model": bootstrap_difference(truth, groups, labels, reference)}
    return out


def main() -> None:
    rows = T.read_targets()
    truth = rows["polarity"].to_numpy()
    groups = rows["source_doc_key"].to_numpy()
    folds = list(GroupKFold(n_splits=T.FOLDS).split(truth, truth, groups))
    base = T.features_of(rows)
    dense, blocks = candidate_features(rows, base)
    chosen = os.environ.get("ONLY")
    every = variants(base)
    path = RESULTS / "actor_features.json"
    results = json.loads(path.read_text(encoding="utf-8")) if chosen and path.exists() else {}
    reference = _labels(out_of_fold(subset_features(base, dense, blocks, *every["earlier_features"]), truth, folds), 0.35)
    for name, (columns, words) in every.items():
        if chosen and name not in chosen.split(","):
            continue
        started = time.perf_counter()
        probabilities = out_of_fold(subset_features(base, dense, blocks, columns, words), truth, folds)
        results[name] = {**report(probabilities, truth, groups, folds, reference),
                         "seconds": round(time.perf_counter() - started)}
        if name == "shipped_features":
            results[name]["calibration"] = calibration(probabilities, truth)
            results[name]["threshold_sweep"] = threshold_sweep(probabilities, truth)
        print(json.dumps({name: results[name]}), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(".json.tmp")
    staging.write_text(json.dumps(results, indent=2), encoding="utf-8")
    staging.replace(path)


if __name__ == "__main__":
    main()
