"""How well, and how fast, framing's sentiment scores agree with people.

Run from the project root: `.venv/bin/python benchmarks/bench_sentiment.py`. Prints the numbers and
writes benchmarks/results/sentiment.json. Needs ../shared/data/.

1. NYT editorial sentences (Hutto & Gilbert 2014, development half): Pearson r of each score with
   the mean human valence; the parameters of `sentiment` (version 1.1: the weight of VADER; 1.2:
   also the scale of the un-saturated VADER) chosen on even editorials and reported on odd ones,
   and the other way round (`ONLY=nyt`, a few seconds).
2. NewsMTSC targets (Hamborg & Donnay 2021, train split): `score_target` + `label_target`, with
   the clause window and the thresholds chosen on one half of the documents (`source_doc_key`) and
   reported on the other, both ways: accuracy, macro-F1 over negative / neutral / positive, and
   both with the targets reweighted to 75 % neutral (as in annotated news at large), each beside
   always saying "neutral"; whole-sentence VADER as the baseline. The learned classifier
   (`classify_targets`, trained by benchmarks/train_actor_sentiment.py) the same way: trained on
   one half, its penalty and threshold chosen there by CV grouped by document, reported on the
   other (`classifier_folds`).
3. Speed: sentences per second of the per-sentence reference path, of the array path that
   `add_sentiment` uses (and of the same path with the version 1.1 sentence score), and of the floor (the texts split by one regular expression and one
   lexicon summed in numpy), on every distinct news sentence of ../shared/data, interleaved and
   repeated `REPS` times (default 5); medians. `ONLY=speed` (or nyt, newsmtsc, quotes) runs one
   part and keeps the others' last results in the JSON.
4. Typographic quotation marks (`quotes`): per data set, the share of distinct sentences holding a
   mark of `QUOTE_FOLD` and the share whose scores `fold_quotes` changes. `ONLY=quotes_classifier`
   (not part of a full run, about 5 minutes) compares the actor classifier's grouped CV with its
   lexicon features read from folded text against the features it was trained on.
5. Document-level tone (`documents`): per NYT editorial, the article value of `article_sentiment`
   against the mean human rating of its sentences; per NewsMTSC document and annotated person
   with 2+ mentions, the mean `actor_sentiment` (classifier scored out of fold, grouped by
   document) against the mean annotated label. Pearson, Spearman, pairwise concordance (by the
   people's gap, and by framing's own gap, the number behind `events.CLOSE_TONE`) and exact order
   of seeded random triples; general aggregations chosen on one seeded half
   of the documents and reported on the other. `ONLY=afinn` (not part of a full run) measures the
   AFINN lexicon averaged into `sentiment` when the `afinn` package is importable. `ONLY=tried`
   (not part of a full run) measures general changes to the NYT sentence score that were not
   shipped, each chosen on one half of the editorials and reported on the other.
6. Grouped cross-validation (`cv`, not part of a full run, about a minute): the NYT sentences in 10
   folds of whole editorials (seeded, repeated 5 times); in each fold the scale and weight of
   `sentiment` are chosen on the other nine and the fold is scored with them; the out-of-fold r
   pooled over all sentences, for the news lexicon as shipped, without its topic words (version
   1.0), and for the candidate rules of `lexicon_candidates`, each beside the even / odd halves;
   and the shipped score moved towards the mean of its editorial's other sentences
   (`editorial_context`, not shipped).
7. The direction-of-change rule (`change`, not part of a full run, about a minute): the score with
   and without it on the NYT sentences (halves, grouped CV, editorials) and NewsMTSC sentences, and
   every AllSides roundup headline and sentence it changes, before and after.
8. Article tone beyond the mean (`aggregate`, not part of a full run, about 2 minutes): position
   weights, opinionated units only and, for a person, the classifier's log-odds and the sentences'
   own sentiment, chosen on one half of the documents and reported on the other with the gain in
   pairs over the mean and a bootstrap interval over documents.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from framing import sentiment as S  # noqa: E402
from framing.lexicons import load_data  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results"
WEIGHTS = np.round(np.arange(0, 1.01, 0.1), 2)
WINDOWS = (3, 5, 8, 12, 20, 1000)
THRESHOLDS = np.round(np.arange(0.0, 0.41, 0.025), 3)


def pearson(x, y) -> float:
    return float(np.corrcoef(np.asarray(x, float), np.asarray(y, float))[0, 1])


SCALES = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
FINE_WEIGHTS = np.round(np.arange(0, 1.001, 0.05), 2)


def nyt() -> dict:
    """Pearson r of each score with the mean human valence of the NYT sentences, and the two
    versions of `sentiment` with their choices made on one half of the editorials (even / odd
    `doc_id`) and reported on the other: version 1.1 (one weight of the news VADER compound against
    TextBlob polarity, grid of 0.1) and version 1.2 (the compound un-saturated by `unsaturated` with
    a tanh scale from `SCALES`, TextBlob without the descriptive words, weight on a grid of 0.05)."""
    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scored = S.add_sentiment(rows)
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    # As add_sentiment reads it: quotation marks folded to ASCII (`fold_quotes`).
    folded = [S.fold_quotes(t) for t in scored["text"]]
    scored["vader_news"] = [scorer.news.polarity_scores(t)["compound"] for t in folded]
    # The news compound moved by the direction-of-change rule (news lexicon 1.2 and later), as `sentiment` reads it.
    scored["vader_news_changed"] = S.shifted(scored["vader_news"], scorer.change_shifts(folded))
    scored["textblob_judging"] = [scorer.judging(t)[0] for t in folded]
    words = S.n_words(folded)
    truth = scored["mean_rating"]
    even = scored["doc_id"].astype(int) % 2 == 0
    shipped = load_data(S.DEFAULT_PARAMS)["sentence"]
    version_1_1 = 0.65 * scored["vader_news"] + 0.35 * scored["polarity"]
    out = {
        "n_sentences": len(scored),
        "n_editorials": int(scored["doc_id"].nunique()),
        "r_all": {
            column: pearson(truth, scored[column])
            for column in ("vader_compound", "polarity", "textblob_judging", "vader_news", "sentiment")
        },
    }
    out["r_all"]["version_1_1"] = pearson(truth, version_1_1)
    out["r_all"]["vader_news_changed"] = pearson(truth, scored["vader_news_changed"])
    out["r_all"]["vader_news_changed_unsaturated"] = pearson(
        truth, S.unsaturated(scored["vader_news_changed"], words, shipped["scale"]))

    def old(weight):
        return weight * scored["vader_news"] + (1 - weight) * scored["polarity"]

    def new(scale, weight):
        return weight * S.unsaturated(scored["vader_news_changed"], words, scale) + (1 - weight) * scored["textblob_judging"]

    def r(values, mask):
        return pearson(truth[mask], values[mask])

    folds = []
    for name, choose in (("choose even, report odd", even), ("choose odd, report even", ~even)):
        best_old = max(WEIGHTS, key=lambda w: r(old(w), choose))
        best_new = max(product(SCALES, FINE_WEIGHTS), key=lambda sw: r(new(*sw), choose))
        folds.append(
            {
                "fold": name,
                "v1_1_chosen_vader_weight": float(best_old),
                "v1_1_r_chosen_on_held_out": r(old(best_old), ~choose),
                "v1_1_r_shipped_on_held_out": r(version_1_1, ~choose),
                "v1_2_chosen_scale": float(best_new[0]),
                "v1_2_chosen_vader_weight": float(best_new[1]),
                "v1_2_r_chosen_on_held_out": r(new(*best_new), ~choose),
                "r_shipped_on_held_out": r(scored["sentiment"], ~choose),
                "r_vader_on_held_out": r(scored["vader_compound"], ~choose),
            }
        )
        print(f"NYT {name}: version 1.1 weight {best_old} -> r {folds[-1]['v1_1_r_chosen_on_held_out']:.3f}; "
              f"version 1.2 scale {best_new[0]} weight {best_new[1]} -> r {folds[-1]['v1_2_r_chosen_on_held_out']:.3f}; "
              f"shipped {folds[-1]['r_shipped_on_held_out']:.3f}", flush=True)
    print("NYT all sentences: " + ", ".join(f"{k} {v:.3f}" for k, v in out["r_all"].items()), flush=True)
    out["folds"] = folds
    return out


def _half(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % 2


LABEL_ORDER = ("negative", "neutral", "positive")
NEUTRAL_SHARE = 0.75  # the share of neutral targets in annotated news like the held-out check's


def _labels(scores, low, high) -> np.ndarray:
    return np.where(scores <= low, "negative", np.where(scores >= high, "positive", "neutral"))


def neutral_heavy_weights(truth) -> np.ndarray:
    """Weights that make neutral targets `NEUTRAL_SHARE` of the total, negative and positive keeping
    their ratio: accuracy and F1 under these weights are what a resample of the targets to three in
    four neutral gives on average."""
    neutral = truth == "neutral"
    return np.where(neutral, NEUTRAL_SHARE / neutral.sum(), (1 - NEUTRAL_SHARE) / (~neutral).sum())


def _macro_f1(truth, scores, low, high, weights=None) -> float:
    return float(f1_score(truth, _labels(scores, low, high), average="macro", labels=list(LABEL_ORDER),
                          sample_weight=weights))


def _fast_macro_f1(codes, scores, low, high, weights) -> float:
    """Macro-F1 over the three labels from a weighted confusion matrix (the grid search's inner loop)."""
    predicted = np.where(scores <= low, 0, np.where(scores >= high, 2, 1))
    confusion = np.zeros((3, 3))
    np.add.at(confusion, (codes, predicted), weights)
    tp = np.diag(confusion)
    denominator = confusion.sum(0) + confusion.sum(1)
    return float(np.mean(np.divide(2 * tp, denominator, out=np.zeros(3), where=denominator > 0)))


def _best_thresholds(truth, scores, weights=None) -> tuple[float, float, float]:
    """The thresholds of the grid with the best (weighted) macro-F1, and that F1."""
    weights = np.ones(len(truth)) if weights is None else weights
    codes = pd.Categorical(truth, categories=LABEL_ORDER).codes
    best = max(
        ((-lo, hi) for lo, hi in product(THRESHOLDS, THRESHOLDS)),
        key=lambda pair: _fast_macro_f1(codes, scores, *pair, weights),
    )
    return best[0], best[1], _fast_macro_f1(codes, scores, *best, weights)


def target_report(truth, labels) -> dict:
    """Accuracy, macro-F1 and both under the neutral-heavy weights, each beside always "neutral"."""
    weights = neutral_heavy_weights(truth)
    neutral = np.full(len(truth), "neutral")

    def scores(predicted):
        return {
            "accuracy": float(np.mean(predicted == truth)),
            "macro_f1": float(f1_score(truth, predicted, average="macro", labels=list(LABEL_ORDER))),
            "accuracy_75_neutral": float(np.sum(weights * (predicted == truth))),
            "macro_f1_75_neutral": float(f1_score(truth, predicted, average="macro", labels=list(LABEL_ORDER),
                                                  sample_weight=weights)),
            "share_labelled": float(np.mean(predicted != "neutral")),
            # Of the mentions labelled negative or positive, the share annotators gave that label.
            "labels_right_75_neutral": float(np.sum((weights * (predicted == truth))[predicted != "neutral"])
                                             / max(np.sum(weights[predicted != "neutral"]), 1e-12)),
        }

    return {"method": scores(labels), "always_neutral": scores(neutral), "n": int(len(truth))}


def newsmtsc() -> dict:
    """Targets split into halves by source document; window and thresholds chosen on one half (the
    thresholds by macro-F1 under the neutral-heavy weights), reported on the other, both ways."""
    rows = pd.read_json(SHARED / "newsmtsc-train" / "train_targets.jsonl", lines=True)
    rows["half"] = rows["source_doc_key"].map(_half)
    truth = rows["polarity"].to_numpy()
    weights = neutral_heavy_weights(truth)
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    sentence_vader = np.array([scorer.plain.polarity_scores(S.fold_quotes(t))["compound"] for t in rows["sentence"]])
    targets = list(zip(rows["sentence"], rows["from"], rows["to"]))

    def window_scores(window, keep_mention):
        texts = [S.target_window(t, a, b, window=window, keep_mention=keep_mention) for t, a, b in targets]
        return np.nan_to_num(S.array_scores(texts, target=True).scores[:, 3])  # score_target's clause score

    with_mention = {window: window_scores(window, True) for window in WINDOWS}
    by_window = {window: window_scores(window, False) for window in WINDOWS}
    folds = []
    for choose in (0, 1):
        train = (rows["half"] == choose).to_numpy()
        test = ~train
        base_low, base_high, _ = _best_thresholds(truth[train], sentence_vader[train])
        fits = {w: _best_thresholds(truth[train], s[train], weights[train]) for w, s in by_window.items()}
        window = max(fits, key=lambda w: fits[w][2])
        low, high, _ = fits[window]
        kept = _best_thresholds(truth[train], with_mention[window][train], weights[train])
        old = _best_thresholds(truth[train], with_mention[12][train])
        folds.append(
            {
                "fold": f"choose on half {choose}, report on half {1 - choose}",
                "n_train": int(train.sum()),
                "n_test": int(test.sum()),
                "sentence_vader_f1_held_out": _macro_f1(truth[test], sentence_vader[test], base_low, base_high),
                "sentence_vader_f1_default_0.05": _macro_f1(truth[test], sentence_vader[test], -0.05, 0.05),
                "chosen_window": window,
                "chosen_thresholds": [low, high],
                "train_f1_75_neutral_by_window": {str(w): fits[w][2] for w in WINDOWS},
                "held_out": target_report(truth[test], _labels(by_window[window][test], low, high)),
                "held_out_mention_kept": target_report(truth[test],
                                                       _labels(with_mention[window][test], *kept[:2])),
                "held_out_thresholds_by_plain_f1": target_report(
                    truth[test], _labels(with_mention[12][test], *old[:2])),
            }
        )
    params = load_data(S.DEFAULT_PARAMS)["target"]
    shipped = np.array([S.score_target(t, a, b) for t, a, b in targets])
    predicted = np.array([S.label_target(v) for v in shipped])
    classifier = S.classify_targets(list(rows["sentence"]), list(rows["from"]), list(rows["to"]))["label"].to_numpy()
    return {
        "shipped_by_half": {f"half {h}": target_report(truth[(rows["half"] == h).to_numpy()],
                                                       predicted[(rows["half"] == h).to_numpy()])
                            for h in (0, 1)},
        "classifier_folds": classifier_folds(rows),
        # The shipped classifier was trained on all these targets: in-sample, for reference only.
        "classifier_shipped_in_sample": target_report(truth, classifier),
        "n_targets": len(rows),
        "labels": rows["polarity"].value_counts().to_dict(),
        "folds": folds,
        "shipped_params": dict(params),
    }


def classifier_folds(rows: pd.DataFrame) -> list[dict]:
    """The learned classifier (benchmarks/train_actor_sentiment.py) trained on one half of the
    documents, its penalty and threshold chosen there by 5-fold CV grouped by document, reported on
    the other half, both ways."""
    import train_actor_sentiment as T

    features = T.features_of(rows)
    truth = rows["polarity"].to_numpy()
    folds = []
    for choose in (0, 1):
        train = np.flatnonzero(rows["half"].to_numpy() == choose)
        test = np.flatnonzero(rows["half"].to_numpy() != choose)
        model, result = T.train(rows.iloc[train], T.subset(features, train))
        labels = S.label_probabilities(S.target_probabilities(T.subset(features, test), model), model)
        folds.append({"fold": f"train on half {choose}, report on half {1 - choose}",
                      "chosen": result["chosen"], "held_out": target_report(truth[test], labels)})
    return folds


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


def version_1_1_params() -> str:
    """The shipped `sentiment_score.toml` with the sentence score of version 1.1: no `scale`, no
    `descriptive` words, weights 0.65 / 0.35."""
    from importlib import resources

    text = (resources.files("framing") / "data" / "sentiment_score.toml").read_text(encoding="utf-8")
    text = re.sub(r"^scale = .*\n", "", text, flags=re.M)
    text = re.sub(r"^descriptive = \[.*?\]\n", "", text, flags=re.M | re.S)
    return re.sub(r"\[sentence\]\n(.*?)vader = [0-9.]+\ntextblob = [0-9.]+", "[sentence]\n\\1vader = 0.65\ntextblob = 0.35",
                  text, count=1, flags=re.S)


def speed(reps: int = int(os.environ.get("REPS", 5))) -> dict:
    """Sentences per second of the per-sentence reference path (`reference_scores`), the array
    path that `add_sentiment` uses (`array_scores`) and the floor, on the same distinct sentences,
    interleaved (the order turns each repetition) and repeated; medians of wall and CPU time."""
    import tempfile

    texts = speed_sentences()
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    lexicon = scorer.plain.lexicon
    old_params = Path(tempfile.mkdtemp()) / "sentiment_score_1_1.toml"
    old_params.write_text(version_1_1_params(), encoding="utf-8")
    runs = {
        "reference": lambda: S.reference_scores(texts),
        "arrays": lambda: S.array_scores(texts),
        # The same path with the sentence score of version 1.1 (no second TextBlob pass).
        "arrays_1_1": lambda: S.array_scores(texts, params=old_params),
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
        "arrays_over_arrays_1_1_time": median["arrays"] / median["arrays_1_1"],
        "fallback_texts": fallback,
        "all_seconds": wall,
    }


def quote_sets() -> dict[str, list[str]]:
    """Distinct sentences holding a word, per data set: NYT, NewsMTSC, and the AllSides texts,
    narrative-frames articles and the seeds split into sentences."""
    from framing.segment import split_sentences

    def column(name: str, key: str) -> list[str]:
        return list(pd.read_json(SHARED / name, lines=True)[key].dropna())

    seeds = [path.read_text(encoding="utf-8") for path in sorted((SHARED.parent / "seeds").glob("*.txt"))]
    sets = {
        "nyt-sentiment-dev": column("nyt-sentiment-dev/snippets.jsonl", "text"),
        "newsmtsc-train": column("newsmtsc-train/train_targets.jsonl", "sentence"),
        "allsides-roundups": [s for t in column("allsides-roundups/articles.jsonl", "text") for s in split_sentences(t)],
        "narrative-frames-dev": [s for t in column("narrative-frames-dev/articles.jsonl", "text")
                                 for s in split_sentences(t)],
        "seeds": [s for t in seeds for s in split_sentences(t)],
    }
    return {name: [t for t in dict.fromkeys(texts) if re.search(r"\w", t)] for name, texts in sets.items()}


def quotes() -> dict:
    """How often typographic quotation marks occur and how often folding them changes a score."""
    marks = re.compile("[" + "".join(S.QUOTE_FOLD) + "]")
    out = {}
    for name, texts in quote_sets().items():
        changed = np.abs(S.array_scores(texts).scores - S.array_scores(texts, fold=False).scores) > 1e-12
        out[name] = {"sentences": len(texts),
                     "with_mark": float(np.mean([bool(marks.search(t)) for t in texts])),
                     **{f"changed_{c}": float(changed[:, j].mean()) for j, c in enumerate(S.SCORE_COLUMNS)}}
    return out


def quotes_classifier() -> dict:
    """Grouped CV of the actor classifier (benchmarks/train_actor_sentiment.py) with its lexicon
    features from the text as written (as shipped) and from the text with quotation marks folded."""
    import train_actor_sentiment as T

    rows = T.read_targets()
    truth = rows["polarity"].to_numpy()
    original = S.array_scores
    out = {}
    for fold in (False, True):
        S.array_scores = lambda texts, **kw: original(
            [S.fold_quotes(t) if fold and isinstance(t, str) else t for t in texts], **kw)
        try:
            result = T.cross_validated(T.features_of(rows), truth, rows["source_doc_key"].to_numpy())
        finally:
            S.array_scores = original
        out["folded" if fold else "as_written"] = {"chosen": result["chosen"],
                                                    "classifier": target_report(truth, result["labels"])}
    return out


# ── document-level tone: does framing order documents as people do? ────────────────────────────

SEED = 0
N_TRIPLES = 20_000
SHRINK = 2  # pseudo-sentences (or mentions) at 0 in the shrunken mean


def _values(human, framing) -> tuple[np.ndarray, np.ndarray]:
    """Both as float arrays rounded to 1e-9, so that means equal but for floating-point error tie."""
    return np.round(np.asarray(human, float), 9), np.round(np.asarray(framing, float), 9)


def concordance(human, framing) -> float:
    """Share of the pairs of documents that people rate differently which `framing` orders the same
    way (a tie in `framing` counts one half): what "order outlets by tone" asks, chance 0.5."""
    human, framing = _values(human, framing)
    upper = np.triu_indices(len(human), 1)
    h = np.sign(human[:, None] - human[None, :])[upper]
    f = np.sign(framing[:, None] - framing[None, :])[upper]
    rated = h != 0
    return float(np.mean(np.where(f[rated] == 0, 0.5, f[rated] == h[rated])))


def concordance_by_gap(human, framing, *, bins: int = 3) -> list[dict]:
    """`concordance` over the pairs of documents whose human values differ little, more, most
    (equal-count bins of the absolute difference): how well close documents, such as three
    outlets' reports of one event, are ordered."""
    human, framing = _values(human, framing)
    upper = np.triu_indices(len(human), 1)
    gap = (human[:, None] - human[None, :])[upper]
    f = np.sign(framing[:, None] - framing[None, :])[upper]
    rated = gap != 0
    gap, f = gap[rated], f[rated]
    right = np.where(f == 0, 0.5, f == np.sign(gap))
    edges = np.quantile(np.abs(gap), np.linspace(0, 1, bins + 1))
    which = np.clip(np.searchsorted(edges, np.abs(gap), side="right") - 1, 0, bins - 1)
    return [{"gap_from": float(edges[i]), "gap_to": float(edges[i + 1]), "pairs": int((which == i).sum()),
             "concordance": float(right[which == i].mean())} for i in range(bins)]


FRAMING_GAPS = (0.0, 0.05, 0.10, 0.15, 0.20, 0.30, np.inf)  # bins of framing's own gap between two documents


def concordance_by_framing_gap(human, framing, *, edges=FRAMING_GAPS) -> list[dict]:
    """`concordance` over the pairs of documents binned by how far apart `framing` puts them: how
    often a gap a user reads off a table (e.g. two outlets' articles on one event page) is the
    order people would give. Pairs that people rate alike are left out, as in `concordance`."""
    human, framing = _values(human, framing)
    upper = np.triu_indices(len(human), 1)
    h = np.sign(human[:, None] - human[None, :])[upper]
    diff = (framing[:, None] - framing[None, :])[upper]
    rated = h != 0
    h, diff = h[rated], diff[rated]
    right = np.where(diff == 0, 0.5, np.sign(diff) == h)
    which = np.digitize(np.abs(diff), edges[1:-1])
    return [{"gap_from": float(edges[i]), "gap_to": float(edges[i + 1]), "pairs": int((which == i).sum()),
             "concordance": float(right[which == i].mean()) if (which == i).any() else None}
            for i in range(len(edges) - 1)]


def triple_order(human, framing, *, n: int = N_TRIPLES, seed: int = SEED) -> float:
    """Share of `n` random triples of documents (three different human values; seeded) that
    `framing` puts in exactly the people's order (ties in `framing` never do): chance 1/6, the
    situation of three outlets covering one event."""
    human, framing = _values(human, framing)
    rng = np.random.default_rng(seed)
    drawn = np.array([rng.choice(len(human), 3, replace=False) for _ in range(4 * n)])
    h, f = human[drawn], framing[drawn]
    distinct = (h[:, 0] != h[:, 1]) & (h[:, 0] != h[:, 2]) & (h[:, 1] != h[:, 2])
    h, f = h[distinct][:n], f[distinct][:n]
    same = (np.argsort(h, axis=1) == np.argsort(f, axis=1)).all(axis=1)
    untied = (f[:, 0] != f[:, 1]) & (f[:, 0] != f[:, 2]) & (f[:, 1] != f[:, 2])
    return float(np.mean(same & untied))


def agreement(human, framing) -> dict:
    """Pearson r, Spearman rho, pairwise concordance and exact triple order of `framing` with `human`
    (one value per document)."""
    from scipy.stats import spearmanr

    return {"pearson": pearson(human, framing), "spearman": float(spearmanr(human, framing)[0]),
            "concordance": concordance(human, framing), "triples": triple_order(human, framing),
            "n": int(len(human)), "concordance_by_gap": concordance_by_gap(human, framing),
            "concordance_by_framing_gap": concordance_by_framing_gap(human, framing)}


def aggregations() -> dict:
    """General ways to make one document value of its sentence (or mention) scores `x`; `quoted`
    flags quoted speech (each function gets x and the flags)."""
    def signs(x, q, t):
        return float(np.mean(np.sign(x) * (np.abs(x) >= t)))

    def trimmed(x, q, share):
        k = int(len(x) * share)
        return float(np.sort(x)[k:len(x) - k].mean()) if len(x) > 2 * k else float(x.mean())

    out = {
        "mean": lambda x, q: float(x.mean()),
        "median": lambda x, q: float(np.median(x)),
        "trimmed mean (10 % each end)": lambda x, q: trimmed(x, q, 0.1),
        "weighted by strength |s|": lambda x, q: float((x * np.abs(x)).sum() / max(np.abs(x).sum(), 1e-12)),
        f"shrunken mean (sum / (n + {SHRINK}))": lambda x, q: float(x.sum() / (len(x) + SHRINK)),
        "quoted speech left out": lambda x, q: float(x[~q].mean()) if (~q).any() else float(x.mean()),
    }
    for t in (0.05, 0.2, 0.4):
        out[f"share positive - share negative (|s| >= {t})"] = lambda x, q, t=t: signs(x, q, t)
    return out


def _quoted_sentences(texts: list[str]) -> np.ndarray:
    """Per sentence of one document in order: inside or holding quoted speech, by its quotation
    marks ('' or straight or curly double quotes), a quotation left open running into the next."""
    marks = re.compile("''|\"|\u201c|\u201d")
    flags, open_quote = [], False
    for text in texts:
        found = len(marks.findall(text))
        flags.append(open_quote or found > 0)
        open_quote = (open_quote + found) % 2 == 1
    return np.array(flags, bool)


def _document_values(table: pd.DataFrame, key: list[str], score: str, how) -> pd.Series:
    return table.groupby(key, sort=True).apply(
        lambda g: how(g[score].to_numpy(float), g["quoted"].to_numpy(bool)), include_groups=False)


def choose_by_halves(table: pd.DataFrame, key: list[str], score: str, human: pd.Series, half: pd.Series) -> list[dict]:
    """Each aggregation's agreement on both halves of the documents; the one with the highest
    concordance on one half (mean first on a tie) reported on the other, beside the mean."""
    values = {name: _document_values(table, key, score, how) for name, how in aggregations().items()}
    folds = []
    for choose in (0, 1):
        train, test = half.index[half == choose], half.index[half != choose]
        on_train = {name: concordance(human[train], v[train]) for name, v in values.items()}
        best = max(on_train, key=lambda name: (round(on_train[name], 12), name == "mean"))
        folds.append({"fold": f"choose on half {choose}, report on half {1 - choose}", "chosen": best,
                      "concordance_on_choosing_half": on_train,
                      "held_out_chosen": agreement(human[test], values[best][test]),
                      "held_out_mean": agreement(human[test], values["mean"][test]),
                      "held_out_all": {name: agreement(human[test], v[test]) for name, v in values.items()}})
    return folds


def seeded_halves(keys, seed: int = SEED) -> pd.Series:
    """Each key (editorial or document) to half 0 or 1, by a seeded permutation of the sorted keys."""
    keys = sorted(keys, key=str)
    order = np.random.default_rng(seed).permutation(len(keys))
    return pd.Series(order % 2, index=pd.Index(keys))


def nyt_documents() -> dict:
    """Per NYT editorial: framing's article tone as `article_sentiment` gives it (the mean of the
    sentences' `sentiment`) against the mean human rating of its sentences."""
    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    rows = rows.sort_values(["doc_id", "snippet_index"], kind="stable", ignore_index=True)
    scored = S.add_sentiment(rows).assign(outlet="nyt")
    scored["quoted"] = np.concatenate([_quoted_sentences(list(g["text"])) for _, g in scored.groupby("doc_id", sort=True)])
    human = scored.groupby("doc_id", sort=True)["mean_rating"].mean()
    out = {"n_editorials": int(len(human)), "quoted_sentence_share": float(scored["quoted"].mean())}
    for column in ("sentiment", "vader_compound"):
        articles = S.article_sentiment(scored, by="outlet", score=column, article="doc_id").set_index("doc_id")
        out[f"mean {column}"] = agreement(human, articles[column].reindex(human.index))
    half = seeded_halves(human.index)
    tone = S.article_sentiment(scored, by="outlet", score="sentiment", article="doc_id").set_index("doc_id")["sentiment"]
    tone = tone.reindex(human.index)
    out["by_framing_gap_halves"] = [concordance_by_framing_gap(human[half == h], tone[half == h]) for h in (0, 1)]
    out["folds"] = choose_by_halves(scored, ["doc_id"], "sentiment", human, half)
    return out


def newsmtsc_targets() -> pd.DataFrame:
    """NewsMTSC training targets, one row per annotated mention (repeats of a mention dropped), with
    `person` (the last word of the annotated target's name, lower-cased: "President Donald Trump"
    and "Trump" are one person of a document), and `y` (−1 / 0 / +1)."""
    rows = pd.read_json(SHARED / "newsmtsc-train" / "train_targets.jsonl", lines=True)
    rows = rows.drop_duplicates(["source_doc_key", "source_sentence_key", "from", "to"], ignore_index=True)
    names = [gid[len(doc) + 1:].split("_", 1)[1].rsplit("_", 2)[0] for gid, doc in zip(rows["target_gid"], rows["source_doc_key"])]
    rows["person"] = [name.split()[-1].lower() for name in names]
    rows["y"] = rows["polarity"].map({"negative": -1, "neutral": 0, "positive": 1})
    return rows


def out_of_fold_actor_sentiment(rows: pd.DataFrame, features, folds: int = 5) -> np.ndarray:
    """`actor_sentiment` (P(positive) − P(negative)) of each mention from the classifier trained
    without its document: `folds`-fold CV grouped by document, the shipped penalty."""
    p = out_of_fold_probabilities(rows, features, folds)
    return p[:, 2] - p[:, 0]


def out_of_fold_probabilities(rows: pd.DataFrame, features, folds: int = 5) -> np.ndarray:
    """P(negative), P(neutral), P(positive) of each mention from the classifier trained without its
    document (`folds`-fold CV grouped by document, the shipped penalty)."""
    from sklearn.model_selection import GroupKFold
    import train_actor_sentiment as T

    penalty = S.load_target_model(str(S.DEFAULT_TARGET_MODEL))["penalty_C"]
    truth = rows["polarity"].to_numpy()
    out = np.full((len(rows), 3), np.nan)
    for train, test in GroupKFold(n_splits=folds).split(rows, groups=rows["source_doc_key"]):
        model = T.fit(T.subset(features, train), truth[train], penalty, 0.4)
        out[test] = S.target_probabilities(T.subset(features, test), model)
    return out


def newsmtsc_documents() -> dict:
    """Per (document, annotated person) with 2+ annotated mentions: the mean annotated polarity
    against framing's mean `actor_sentiment` over the same mentions (the aggregation behind
    `main_actor_sentiment`); the classifier out of fold (trained without the document) and, for
    reference, as shipped (trained on these very mentions, so in-sample)."""
    import train_actor_sentiment as T

    rows = newsmtsc_targets()
    features = T.features_of(rows)
    rows["quoted"] = features.dense[:, features.dense_names.index("in_quote")] > 0
    shipped = S.target_probabilities(features, S.load_target_model(str(S.DEFAULT_TARGET_MODEL)))
    rows["shipped"] = shipped[:, 2] - shipped[:, 0]
    rows["out_of_fold"] = out_of_fold_actor_sentiment(rows, features)
    key = ["source_doc_key", "person"]
    size = rows.groupby(key, sort=True).size()
    human = rows.groupby(key, sort=True)["y"].mean()
    out = {"n_mentions": int(len(rows)), "mention_pearson": {c: pearson(rows["y"], rows[c]) for c in ("out_of_fold", "shipped")}}
    for least in (2, 3):
        kept = size.index[size >= least]
        for column in ("out_of_fold", "shipped"):
            framing = rows.groupby(key, sort=True)[column].mean()
            out[f"{least}+ mentions, {column}"] = agreement(human[kept], framing[kept])
    pairs = rows[rows.set_index(key).index.isin(size.index[size >= 2])]
    half_of_document = seeded_halves(pairs["source_doc_key"].unique())
    pair_index = human[size >= 2].index
    half = pd.Series(half_of_document.reindex(pair_index.get_level_values(0)).to_numpy(), index=pair_index)
    out["folds"] = choose_by_halves(pairs, key, "out_of_fold", human[pair_index], half)
    return out


def documents() -> dict:
    """Document-level tone agreement (NYT editorials; NewsMTSC document × person); prints a table."""
    out = {"nyt_editorials": nyt_documents(), "newsmtsc_document_person": newsmtsc_documents()}
    print(document_table(out), flush=True)
    return out


def document_table(result: dict) -> str:
    """The figures of `documents` as text: one line per measure and aggregation."""
    def line(name, a):
        gaps = " / ".join(f"{g['concordance']:.3f}" for g in a["concordance_by_gap"])
        return (f"  {name:50s} r {a['pearson']:.3f}  rho {a['spearman']:.3f}  pairs {a['concordance']:.3f} "
                f"(by gap {gaps})  triples {a['triples']:.3f}  n {a['n']}")

    def by_framing_gap(bins):
        return "  ".join(f"{b['gap_from']:.2f}-{b['gap_to']:.2f}: {b['concordance']:.3f} ({b['pairs']})"
                         for b in bins if b["pairs"])

    lines = []
    for part, values in result.items():
        lines.append(part)
        lines += [line(name, a) for name, a in values.items() if isinstance(a, dict) and "pearson" in a]
        first = next(a for a in values.values() if isinstance(a, dict) and "pearson" in a)
        lines.append("  pairs ordered as people do, by framing's own gap (pairs): "
                     + by_framing_gap(first["concordance_by_framing_gap"]))
        for h, bins in enumerate(values.get("by_framing_gap_halves", [])):
            lines.append(f"   half {h}: " + by_framing_gap(bins))
        for fold in values["folds"]:
            lines.append(f" {fold['fold']}: chosen {fold['chosen']!r}")
            lines += [line(name, a) for name, a in fold["held_out_all"].items()]
    return "\n".join(lines)


# ── article tone beyond the mean: aggregates chosen on one half, gains with intervals (`ONLY=aggregate`) ──

N_BOOT = 2000


def position_weights(n: int, *, first: float = 1.0, last: float = 1.0, slope: float = 0.0) -> np.ndarray:
    """Weights of n units in reading order: 1 + slope · position (0 at the first unit, 1 at the
    last), the first times `first` and the last times `last` (one unit: weight 1)."""
    w = 1.0 + slope * (np.arange(n) / (n - 1) if n > 1 else np.zeros(n))
    if n > 1:
        w[0] *= first
        w[-1] *= last
    return w


def _opinionated_mean(x, t):
    """The mean over the units scored at least `t` away from 0 (all units when none is)."""
    kept = np.abs(x) >= t
    return float(x[kept].mean()) if kept.any() else float(x.mean())


def aggregate_families(actors: bool) -> dict:
    """Candidate article values, each a family of (parameter, function of one unit's dict: `x` the
    scores in reading order; for actors also `p` the class probabilities and `sentence` the
    sentence `sentiment` of the distinct sentences naming the person). Literature: the lede of news
    (inverted pyramid, Pöttker 2003), the end of opinion texts (Becker & Aharonson 2010; position
    weights, Taboada, Brooke & Stede 2009), subjective units only (Pang & Lee 2004)."""
    def weighted(u, **kw):
        return float(np.average(u["x"], weights=position_weights(len(u["x"]), **kw)))

    families = {
        "mean (shipped)": {None: lambda u: float(u["x"].mean())},
        "lede weighted: first unit x w": {w: (lambda u, w=w: weighted(u, first=w)) for w in (1.5, 2, 3, 5)},
        "end weighted: last unit x w": {w: (lambda u, w=w: weighted(u, last=w)) for w in (1.5, 2, 3, 5)},
        "later units more: 1 + a * position": {a: (lambda u, a=a: weighted(u, slope=a)) for a in (0.5, 1, 2, 4)},
        "opinionated units only: |s| >= t": {t: (lambda u, t=t: _opinionated_mean(u["x"], t)) for t in (0.02, 0.05, 0.1, 0.2)},
    }
    if actors:
        families["mean + b x sentence sentiment of the sentences naming the person"] = {
            b: (lambda u, b=b: float(u["x"].mean() + b * u["sentence"].mean())) for b in (0.25, 0.5, 1.0, 2.0)}
        families["sentence sentiment of the sentences naming the person, alone"] = {
            None: lambda u: float(u["sentence"].mean())}
        families["mean log-odds, positive against negative"] = {
            None: lambda u: float(np.mean(np.log(u["p"][:, 2] / u["p"][:, 0])))}
        families["mean probabilities, then log-odds"] = {
            None: lambda u: float(np.log(u["p"][:, 2].mean() / u["p"][:, 0].mean()))}
    return families


def _pair_matrices(human: np.ndarray, framing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Over pairs of units (upper triangle) that people rate differently: 1 (rated), and 1 / 0.5 / 0
    where framing orders them as people do / ties / the other way."""
    human, framing = _values(human, framing)
    h = np.sign(human[:, None] - human[None, :])
    f = np.sign(framing[:, None] - framing[None, :])
    rated = np.triu(h != 0, 1).astype(float)
    return rated, rated * np.where(f == 0, 0.5, f == h)


def bootstrap_concordance_gain(human, candidate, baseline, documents, *, n_boot: int = N_BOOT, seed: int = SEED) -> dict:
    """Concordance of `candidate` minus that of `baseline` over the same units, with a 95 %
    percentile interval over `n_boot` resamples of documents (all units of a drawn document come
    along; a unit drawn k times enters every pair k times)."""
    rated, right_c = _pair_matrices(human, candidate)
    _, right_b = _pair_matrices(human, baseline)
    codes, uniques = pd.factorize(pd.Index(documents))
    draws = np.random.default_rng(seed).integers(0, len(uniques), size=(n_boot, len(uniques)))
    counts = np.stack([np.bincount(d, minlength=len(uniques)) for d in draws])[:, codes].astype(float)

    def share(right):
        return np.einsum("bi,ij,bj->b", counts, right, counts) / np.einsum("bi,ij,bj->b", counts, rated, counts)

    gains = share(right_c) - share(right_b)
    whole = (right_c.sum() - right_b.sum()) / rated.sum()
    return {"gain": float(whole), "ci95": [float(x) for x in np.percentile(gains, [2.5, 97.5])]}


def compare_aggregates(units: list[dict], human: np.ndarray, documents: np.ndarray, half: np.ndarray, actors: bool) -> list[dict]:
    """For each half: every family's parameter chosen by concordance on the other half, then the
    family with the best concordance there (the mean first on a tie); on the held-out half its
    agreement and its concordance gain over the mean with a bootstrap interval over documents."""
    families = aggregate_families(actors)
    values = {(name, param): np.array([how(u) for u in units]) for name, family in families.items()
              for param, how in family.items()}
    mean = values[("mean (shipped)", None)]
    out = []
    for held in (0, 1):
        choose, test = half != held, half == held
        on_choosing = {key: concordance(human[choose], v[choose]) for key, v in values.items()}
        per_family = {}
        for name, family in families.items():
            param = max(family, key=lambda p: round(on_choosing[(name, p)], 12))
            v = values[(name, param)]
            per_family[name] = {"param": param, "concordance_choosing_half": on_choosing[(name, param)],
                                "held_out": {"pearson": pearson(human[test], v[test]),
                                             "concordance": concordance(human[test], v[test])},
                                "gain_over_mean": bootstrap_concordance_gain(human[test], v[test], mean[test], documents[test])}
        chosen = max(per_family, key=lambda n: (round(per_family[n]["concordance_choosing_half"], 12), n == "mean (shipped)"))
        out.append({"held_out_half": held, "n_units_held_out": int(test.sum()), "chosen": chosen,
                    "chosen_param": per_family[chosen]["param"], "families": per_family})
        print(f" held-out half {held} ({int(test.sum())} units): chosen on the other half {chosen!r} "
              f"(param {per_family[chosen]['param']})", flush=True)
        for name, v in per_family.items():
            g = v["gain_over_mean"]
            print(f"   {name:66s} param {str(v['param']):5s} choosing {v['concordance_choosing_half']:.3f}  held out r "
                  f"{v['held_out']['pearson']:.3f} pairs {v['held_out']['concordance']:.3f}  gain {g['gain']:+.4f} "
                  f"[{g['ci95'][0]:+.4f}, {g['ci95'][1]:+.4f}]", flush=True)
    return out


def nyt_units() -> tuple[list[dict], np.ndarray, np.ndarray]:
    """Per NYT editorial: its sentences' `sentiment` in reading order, and the mean human rating."""
    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    rows = rows.sort_values(["doc_id", "snippet_index"], kind="stable", ignore_index=True)
    scored = S.add_sentiment(rows)
    groups = list(scored.groupby("doc_id", sort=True))
    return ([{"x": g["sentiment"].to_numpy(float)} for _, g in groups],
            np.array([g["mean_rating"].mean() for _, g in groups]), np.array([d for d, _ in groups]))


def newsmtsc_units() -> tuple[list[dict], np.ndarray, np.ndarray]:
    """Per NewsMTSC (document, person) with 2+ annotated mentions: the out-of-fold class
    probabilities and `actor_sentiment` of the mentions in reading order, the `sentiment` of the
    distinct sentences naming the person, and the mean annotated label."""
    import train_actor_sentiment as T

    rows = newsmtsc_targets()
    p = out_of_fold_probabilities(rows, T.features_of(rows))
    rows["p_negative"], rows["p_neutral"], rows["p_positive"] = p.T
    rows["x"] = p[:, 2] - p[:, 0]
    sentences = pd.Series(rows["sentence"].unique())
    scores = dict(zip(sentences, S.add_sentiment(pd.DataFrame({"text": sentences}))["sentiment"]))
    rows["sentence_sentiment"] = rows["sentence"].map(scores)
    rows["order"] = pd.to_numeric(rows["source_sentence_key"], errors="coerce")
    rows = rows.sort_values(["source_doc_key", "person", "order", "from"], kind="stable")
    units, human, documents = [], [], []
    for (doc, _), g in rows.groupby(["source_doc_key", "person"], sort=True):
        if len(g) < 2:
            continue
        units.append({"x": g["x"].to_numpy(float), "p": g[["p_negative", "p_neutral", "p_positive"]].to_numpy(float),
                      "sentence": g.drop_duplicates("sentence")["sentence_sentiment"].to_numpy(float)})
        human.append(g["y"].mean())
        documents.append(doc)
    return units, np.array(human), np.array(documents)


def aggregate() -> dict:
    """Article tone beyond the mean (`ONLY=aggregate`, about 2–4 minutes): on NYT editorials (sentence
    `sentiment`) and NewsMTSC document × person (out-of-fold `actor_sentiment`), general aggregates
    chosen on one seeded half of the documents (the halves of `documents`) and reported on the
    other, with the concordance gain over the mean and its bootstrap interval over documents."""
    out = {}
    for name, (units, human, documents), actors in (("nyt_editorials", nyt_units(), False),
                                                     ("newsmtsc_document_person", newsmtsc_units(), True)):
        half = seeded_halves(np.unique(documents)).reindex(documents).to_numpy()
        print(name, flush=True)
        folds = compare_aggregates(units, human, documents, half, actors)
        out[name] = {"n_units": len(units), "folds": folds, "both_halves_held_out": cross_fitted(units, human, documents, half, folds, actors)}
    return out


def cross_fitted(units, human, documents, half, folds, actors) -> dict:
    """Every unit valued by the aggregate chosen on the other half (`compare_aggregates`), against
    the mean, over all units: agreement and the concordance gain with its interval over documents."""
    families = aggregate_families(actors)
    value = np.empty(len(units))
    for fold in folds:
        how = families[fold["chosen"]][fold["chosen_param"]]
        test = np.flatnonzero(half == fold["held_out_half"])
        value[test] = [how(units[i]) for i in test]
    mean = np.array([float(u["x"].mean()) for u in units])
    result = {"chosen": agreement(human, value), "mean": agreement(human, mean),
              "gain_over_mean": bootstrap_concordance_gain(human, value, mean, documents)}
    g = result["gain_over_mean"]
    print(f" both halves held out: r {result['chosen']['pearson']:.3f} (mean {result['mean']['pearson']:.3f}), pairs "
          f"{result['chosen']['concordance']:.3f} (mean {result['mean']['concordance']:.3f}), triples "
          f"{result['chosen']['triples']:.3f} (mean {result['mean']['triples']:.3f}); gain {g['gain']:+.4f} "
          f"[{g['ci95'][0]:+.4f}, {g['ci95'][1]:+.4f}]", flush=True)
    return result


# Words written by category after reading the largest residuals of the EVEN editorials only (so
# only the odd editorials measure them), for `tried`: entries already in VADER's or the news
# lexicon are skipped.
TRIED_WORDS = {
    "misconduct": dict(breach=-1.8, breaches=-1.8, wrongly=-1.5, improper=-1.5, improperly=-1.5, unlawful=-2.2,
                       unlawfully=-2.2, negligence=-2.0, negligent=-2.0, mismanaged=-2.0, wasteful=-1.8,
                       squandered=-2.0, squander=-1.8, overspending=-1.5, kickbacks=-2.3, deceptive=-2.2,
                       misled=-1.9, malfeasance=-2.3, cronyism=-2.0, patronage=-0.8, inept=-2.0, bungled=-2.0,
                       blunder=-1.8, blunders=-1.8, folly=-1.6, misguided=-1.5, shortsighted=-1.5,
                       recklessly=-2.0, hypocrisy=-2.0, disgraceful=-2.6, deplorable=-2.6, tawdry=-1.8),
    "decay": dict(dilapidated=-1.9, decrepit=-1.9, crumbling=-1.7, blighted=-2.0, blight=-1.9, rot=-1.8,
                  rotting=-1.9, squalid=-2.4, squalor=-2.4, filthy=-2.3, derelict=-1.7, rundown=-1.5,
                  shabby=-1.6, deteriorating=-1.6, deterioration=-1.6, overcrowded=-1.5, congestion=-1.0,
                  delays=-1.1, backlog=-1.0),
    "harm": dict(harmful=-2.0, unsafe=-2.0, hazardous=-2.0, hazard=-1.6, hazards=-1.6, contaminated=-2.1,
                 contamination=-2.0, injuries=-2.0, lethal=-2.4, deadly=-2.6, tumors=-2.2, disease=-1.9,
                 diseases=-1.9, crashes=-2.0),
    "deprivation": dict(destitute=-2.4, impoverished=-2.1, hungry=-1.5, malnutrition=-2.3, slums=-1.8, slum=-1.8),
    "oppression": dict(tyrant=-2.6, tyranny=-2.6, tyrannical=-2.6, despot=-2.5, oppression=-2.6,
                       persecution=-2.6, purges=-2.3, purge=-2.1, bigotry=-2.6, discriminatory=-2.2),
    "benefit": dict(lifesaving=2.0, sensible=1.6, sensibly=1.5, commendable=2.2, laudable=2.2, prudent=1.5,
                    sound=0.6, enriching=1.9, convenient=1.4, affordable=1.3, accessible=1.0, renewal=1.4,
                    revitalized=1.8, thriving=2.2, flourishing=2.3, bustling=1.3, fairness=1.8, decency=2.0,
                    dedication=1.8, responsibly=1.4, rightly=1.4, properly=1.0, deserving=1.5, deserved=1.3,
                    dazzling=2.3, loveliest=2.8),
}


def tried() -> dict:
    """General changes to the NYT sentence score that were measured and not shipped (`ONLY=tried`,
    about a minute; docs/sentiment.md, "Things tried"). Each is chosen on one half of the
    editorials (even / odd `doc_id`: a grid, or least squares for a few features) and reported on
    the other, beside the shipped score on the same half."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LinearRegression, Ridge
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scored = S.add_sentiment(rows)
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    shipped = load_data(S.DEFAULT_PARAMS)["sentence"]
    folded = [S.fold_quotes(t) for t in scored["text"]]
    truth = scored["mean_rating"].to_numpy()
    even = (scored["doc_id"].astype(int) % 2 == 0).to_numpy()
    words = S.n_words(folded)
    parts = pd.DataFrame([scorer.news.polarity_scores(t) for t in folded])
    judging = np.array([scorer.judging(t)[0] for t in folded])
    unsat = S.unsaturated(parts["compound"], words, shipped["scale"])
    negation = re.compile(r"\b(?:not|no|never|cannot|nothing|none|nobody|neither|nor|without)\b|n't\b")
    features = {
        "vader": unsat, "textblob": judging, "vader_negative_share": parts["neg"].to_numpy(),
        "vader_positive_share": parts["pos"].to_numpy(), "subjectivity": scored["subjectivity"].to_numpy(),
        "log_words": np.log1p(words), "negation": np.array([bool(negation.search(t.lower())) for t in folded], float),
        "vader_times_subjectivity": unsat * scored["subjectivity"].to_numpy(),
    }
    added = {w: v for group in TRIED_WORDS.values() for w, v in group.items() if w not in scorer.news.lexicon}
    extended = SentimentIntensityAnalyzer()
    extended.lexicon.update(scorer.news.lexicon)
    extended.lexicon.update(added)
    extended_compound = np.array([extended.polarity_scores(t)["compound"] for t in folded])

    def r(values, mask):
        return pearson(truth[mask], np.asarray(values)[mask])

    def least_squares(names):
        X = np.column_stack([features[n] for n in names])
        return lambda choose: LinearRegression().fit(X[choose], truth[choose]).predict(X)

    def grid(candidates):
        return lambda choose: max(candidates, key=lambda values: r(values, choose))

    def ridge_on_words(choose):
        vectoriser = CountVectorizer(min_df=5, binary=True, token_pattern=r"[a-z][a-z']+")
        X = vectoriser.fit_transform([t.lower() for t, c in zip(folded, choose) if c])
        line = np.polyfit(scored["sentiment"][choose], truth[choose], 1)
        model = Ridge(alpha=100).fit(X, truth[choose] - np.polyval(line, scored["sentiment"][choose]))
        return np.polyval(line, scored["sentiment"]) + model.predict(vectoriser.transform([t.lower() for t in folded]))

    # TextBlob un-saturated like VADER: the sum of its assessments (without descriptive words) per
    # square root of the words, and TextBlob's rated words added to VADER's lexicon.
    analyzer = scorer.judging
    assessed = [analyzer.assessments(((w.lower(), None) for w in " ".join(analyzer.tokenizer(t)).split()), True)
                for t in folded]
    textblob_sum = np.array([sum(a[1] for a in found) for found in assessed])
    descriptive = set(shipped["descriptive"])
    rated = {word: entry[None][0] for word in dict.keys(analyzer)
             if None in (entry := dict.__getitem__(analyzer, word)) and word.isalpha()
             and word not in scorer.news.lexicon and word not in descriptive}

    def with_textblob_words(threshold, factor):
        union = SentimentIntensityAnalyzer()
        union.lexicon.update(scorer.news.lexicon)
        union.lexicon.update({w: round(p * 4 * factor, 2) for w, p in rated.items() if abs(p) >= threshold})
        return S.unsaturated([union.polarity_scores(t)["compound"] for t in folded], words, shipped["scale"])

    weight = FINE_WEIGHTS
    # Irrealis (Polanyi & Zaenen 2006: modals as shifters) and contrast beyond VADER's "but" (Ding,
    # Liu & Yu 2008), both on the shipped score (news lexicon 1.2) with its scale and weight.
    changed = S.shifted(parts["compound"], scorer.change_shifts(folded))

    def valence_sum(compound):
        c = np.clip(np.asarray(compound, float), -0.9999, 0.9999)
        return c * np.sqrt(15.0 / (1.0 - c * c))

    def with_sum(total):
        return shipped["vader"] * np.tanh(shipped["scale"] * total / np.sqrt(words)) + shipped["textblob"] * judging

    total = valence_sum(changed)
    modal = re.compile(r"\b(?:would|could|might|may|if|unless|whether|should)\b", re.IGNORECASE)
    irrealis = np.array([bool(modal.search(t)) for t in folded])
    contrast = [_contrast_parts(t) for t in folded]
    has_contrast = np.array([p is not None for p in contrast])
    lesser, main = (np.array([valence_sum(scorer.news.polarity_scores(p[k])["compound"]) if p else 0.0
                              for p in contrast]) for k in (0, 1))
    union_compounds = [with_textblob_words(threshold, factor) for threshold in (0.3, 0.5) for factor in (0.5, 1.0)]
    candidates = {
        "+ VADER's negative share (least squares)": least_squares(["vader", "textblob", "vader_negative_share"]),
        "+ VADER's positive and negative shares": least_squares(["vader", "textblob", "vader_negative_share", "vader_positive_share"]),
        "+ a negation word in the sentence": least_squares(["vader", "textblob", "negation"]),
        "+ TextBlob subjectivity": least_squares(["vader", "textblob", "subjectivity"]),
        "+ VADER x subjectivity": least_squares(["vader", "textblob", "vader_times_subjectivity"]),
        "+ log sentence length": least_squares(["vader", "textblob", "log_words"]),
        "negative parts weighted g times (grid)": grid([
            w * np.where(unsat < 0, g * unsat, unsat) + (1 - w) * np.where(judging < 0, g * judging, judging)
            for w in weight for g in (1.0, 1.25, 1.5, 2.0, 2.5)]),
        "+ words by category (news lexicon extension)": grid([
            w * S.unsaturated(extended_compound, words, shipped["scale"]) + (1 - w) * judging for w in weight]),
        "+ ridge word weights on the residual (alpha 100, words in 5+ sentences)": ridge_on_words,
        "TextBlob un-saturated too (its sum per sqrt(words), scale 0.5 ... 4)": grid([
            w * unsat + (1 - w) * np.tanh(k * textblob_sum / np.sqrt(words))
            for w in weight for k in (0.5, 1.0, 2.0, 3.0, 4.0)]),
        "TextBlob's rated words (|p| >= 0.3 or 0.5, valence 2 or 4 x p) added to VADER": grid([
            w * compound + (1 - w) * judging for w in weight for compound in union_compounds]),
        "news lexicon 1.2: VADER's sum damped by d (0 ... 0.5) in a sentence with a modal or 'if' (grid)": grid([
            with_sum(np.where(irrealis, (1 - d) * total, total)) for d in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)]),
        "news lexicon 1.2: the clause a contrast word subordinates weighed a, the other b (grid)": grid([
            with_sum(np.where(has_contrast, a * lesser + b * main, total)) for a in (0.25, 0.5, 0.75, 1.0)
            for b in (1.0, 1.25, 1.5)]),
    }
    out = {}
    for name, choose_on in candidates.items():
        out[name] = {}
        for fold, choose in (("choose even, report odd", even), ("choose odd, report even", ~even)):
            out[name][fold] = {"r_held_out": r(choose_on(choose), ~choose),
                               "r_shipped_same_half": r(scored["sentiment"], ~choose)}
        print(f"{name}: " + "; ".join(f"{fold} {v['r_held_out']:.3f} (shipped {v['r_shipped_same_half']:.3f})"
                                       for fold, v in out[name].items()), flush=True)
    return out


_CONTRAST = re.compile(r"\b(however|yet|although|though|nevertheless|nonetheless|still|despite|while|whereas)\b",
                       re.IGNORECASE)


def _contrast_parts(text: str) -> tuple[str, str] | None:
    """The clause a contrast word makes lesser and the main one, or None without such a word:
    "X; however, Y" (Y is main), "Y although X" and "Although X, Y" (X is lesser)."""
    found = _CONTRAST.search(text)
    if not found:
        return None
    before, after = text[:found.start()], text[found.end():]
    if found.group(1).lower() not in ("although", "though", "despite", "while", "whereas"):
        return before, after
    if found.start() >= 3:
        return after, before
    comma = after.find(",")
    return (after[:comma], after[comma + 1:]) if comma >= 0 else None

CV_FOLDS = 10
CV_REPEATS = 5
CV_SCALES = (0.25, 0.375, 0.5, 0.625, 0.75, 1.0, 1.5, 2.0)


def _nyt_parts():
    """The NYT sentences (quotation marks folded), their ratings, editorials, word counts and
    TextBlob polarity without descriptive words (`sentiment`'s second part)."""
    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    folded = [S.fold_quotes(t) for t in rows["text"]]
    judging = np.array([scorer.judging(t)[0] for t in folded])
    return folded, rows["mean_rating"].to_numpy(float), rows["doc_id"].astype(int).to_numpy(), judging


def _news_analyzer(drop=(), add=None):
    """VADER with the shipped news lexicon, less the entries `drop` (VADER's own rating, if any,
    comes back), plus `add`."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    entries = {w.lower(): float(v) for w, v in load_data(S.DEFAULT_LEXICON)["words"].items() if w.lower() not in drop}
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(entries)
    analyzer.lexicon.update(add or {})
    return analyzer


def topic_words() -> list[str]:
    """The news lexicon's topic words (set to 0 in version 1.1)."""
    return [w.lower() for w, v in load_data(S.DEFAULT_LEXICON)["words"].items() if float(v) == 0.0]


def grouped_cv(truth, doc, candidates: np.ndarray, *, folds=CV_FOLDS, repeats=CV_REPEATS) -> dict:
    """Out-of-fold Pearson r of the best column of `candidates` (one column per parameter choice),
    chosen on the other folds of whole editorials; `repeats` seeded assignments of editorials to
    folds. Also each half (even / odd editorial) scored with the choice made on the other half."""
    def r(column, mask):
        return pearson(truth[mask], candidates[mask, column])

    editorials = np.unique(doc)
    pooled = []
    for seed in range(repeats):
        fold_of = dict(zip(np.random.default_rng(seed).permutation(editorials), np.arange(len(editorials)) % folds))
        fold = np.array([fold_of[d] for d in doc])
        out = np.empty(len(truth))
        for k in range(folds):
            train = fold != k
            best = max(range(candidates.shape[1]), key=lambda c: r(c, train))
            out[~train] = candidates[~train, best]
        pooled.append(pearson(truth, out))
    even = doc % 2 == 0
    halves = {}
    for name, choose in (("odd (chosen on even)", even), ("even (chosen on odd)", ~even)):
        best = max(range(candidates.shape[1]), key=lambda c: r(c, choose))
        halves[name] = r(best, ~choose)
    return {"cv_r_mean": float(np.mean(pooled)), "cv_r_sd": float(np.std(pooled)), "cv_r": pooled, **halves}


def lexicon_candidates(folded: list[str]) -> dict:
    """Compound scores of the NYT sentences by variants of the news VADER: as shipped, without the
    topic words (version 1.0), and general rules measured and not shipped."""
    from framing.sentiment import mask_names

    argue = {w: 0.0 for w in ("argue", "argued", "argues", "arguing", "argument", "arguments")}
    verb_before = {"i", "you", "we", "they", "would", "'d", "not", "n't", "to", "don't", "didn't", "doesn't", "do",
                   "does", "did", "really", "might", "may", "will", "who", "people", "americans"}

    def like_as_preposition(text):
        tokens = text.split()
        return " ".join("as" if w.lower().strip(".,;:!?\"'") == "like" and (i == 0 or tokens[i - 1].lower() not in verb_before)
                        else w for i, w in enumerate(tokens))

    shipped = _news_analyzer()
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    variants = {
        "news lexicon 1.1 (topic words at 0)": (shipped, folded),
        "news lexicon 1.0 (no topic words)": (_news_analyzer(drop=set(topic_words())), folded),
        "1.1 + names masked (mask_names) before VADER": (shipped, [mask_names(t) for t in folded]),
        "1.1 + 'argue' and its forms at 0 (reporting verb)": (_news_analyzer(add=argue), folded),
        "1.1 + 'like' not after a subject or auxiliary read as a preposition": (
            shipped, [like_as_preposition(t) for t in folded]),
    }
    compounds = {name: np.array([a.polarity_scores(t)["compound"] for t in texts]) for name, (a, texts) in variants.items()}
    first = compounds["news lexicon 1.1 (topic words at 0)"]
    return {"news lexicon 1.3 (shipped: 1.1 + direction of change)": S.shifted(first, scorer.change_shifts(folded)),
            **compounds}


def cv() -> dict:
    """Grouped CV (10 folds of editorials, 5 seeded repeats) and the two halves, for the news
    lexicon as shipped, without its topic words, and rules not shipped; the scale and weight of
    `sentiment` chosen inside each fold (grids `CV_SCALES`, `FINE_WEIGHTS`). Also the parameters
    chosen on NewsMTSC sentences (mean annotated polarity of their targets) scored on the NYT."""
    folded, truth, doc, judging = _nyt_parts()
    words = S.n_words(folded)
    grid = list(product(CV_SCALES, FINE_WEIGHTS))
    shipped = load_data(S.DEFAULT_PARAMS)["sentence"]
    out = {}
    compounds = lexicon_candidates(folded)
    for name, compound in compounds.items():
        columns = np.column_stack([w * S.unsaturated(compound, words, s) + (1 - w) * judging for s, w in grid])
        fixed = shipped["vader"] * S.unsaturated(compound, words, shipped["scale"]) + shipped["textblob"] * judging
        even = doc % 2 == 0
        out[name] = {**grouped_cv(truth, doc, columns), "shipped_params_all": pearson(truth, fixed),
                     "shipped_params_odd": pearson(truth[~even], fixed[~even]),
                     "shipped_params_even": pearson(truth[even], fixed[even])}
        v = out[name]
        print(f"{name}: CV r {v['cv_r_mean']:.4f} (sd {v['cv_r_sd']:.4f}); held out odd {v['odd (chosen on even)']:.4f}, "
              f"even {v['even (chosen on odd)']:.4f}; shipped parameters all {v['shipped_params_all']:.4f}, "
              f"odd {v['shipped_params_odd']:.4f}, even {v['shipped_params_even']:.4f}", flush=True)
    # Paired bootstrap over editorials (2,000 resamples, seed 0) of the gain in r of the shipped
    # lexicon over version 1.0, both with the shipped parameters.
    names = ["news lexicon 1.1 (topic words at 0)", "news lexicon 1.0 (no topic words)"]
    fixed = [shipped["vader"] * S.unsaturated(compounds[n], words, shipped["scale"]) + shipped["textblob"] * judging
             for n in names]
    editorials = np.unique(doc)
    members = [np.flatnonzero(doc == d) for d in editorials]
    rng = np.random.default_rng(SEED)
    gains = []
    for _ in range(2000):
        take = np.concatenate([members[i] for i in rng.integers(0, len(editorials), len(editorials))])
        gains.append(pearson(truth[take], fixed[0][take]) - pearson(truth[take], fixed[1][take]))
    low, high = np.percentile(gains, [2.5, 97.5])
    out["gain_1_1_over_1_0"] = {"r_gain": pearson(truth, fixed[0]) - pearson(truth, fixed[1]),
                                "ci95_editorial_bootstrap": [float(low), float(high)],
                                "share_of_resamples_above_0": float(np.mean(np.array(gains) > 0))}
    print(f"gain in r of lexicon 1.1 over 1.0 (shipped parameters): {out['gain_1_1_over_1_0']['r_gain']:.4f}, "
          f"95 % interval over editorials {low:.4f} ... {high:.4f}", flush=True)
    # The shipped score with each sentence moved towards its editorial's other sentences.
    out["editorial context"] = editorial_context(truth, doc, [
        w * S.unsaturated(compounds["news lexicon 1.3 (shipped: 1.1 + direction of change)"], words, s)
        + (1 - w) * judging for s, w in grid])
    # Parameters chosen on another data set: NewsMTSC sentences, mean polarity of their targets.
    targets = pd.read_json(SHARED / "newsmtsc-train" / "train_targets.jsonl", lines=True)
    targets["y"] = targets["polarity"].map({"negative": -1, "neutral": 0, "positive": 1})
    by_sentence = targets.groupby("sentence", sort=False)["y"].mean()
    texts = [S.fold_quotes(t) for t in by_sentence.index]
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    compound = np.array([scorer.news.polarity_scores(t)["compound"] for t in texts])
    judged = np.array([scorer.judging(t)[0] for t in texts])

    def combined(c, j, n, s, w):
        return w * S.unsaturated(c, n, s) + (1 - w) * j

    s, w = max(grid, key=lambda sw: pearson(by_sentence, combined(compound, judged, S.n_words(texts), *sw)))
    nyt_compound = np.array([scorer.news.polarity_scores(t)["compound"] for t in folded])
    on_nyt = combined(nyt_compound, judging, words, s, w)
    even = doc % 2 == 0
    out["parameters chosen on NewsMTSC sentences"] = {
        "scale": float(s), "weight": float(w), "n_newsmtsc_sentences": int(len(texts)),
        "nyt_all": pearson(truth, on_nyt), "nyt_odd": pearson(truth[~even], on_nyt[~even]),
        "nyt_even": pearson(truth[even], on_nyt[even])}
    print(f"parameters chosen on NewsMTSC sentences: scale {s}, weight {w}: NYT all "
          f"{pearson(truth, on_nyt):.4f}, odd {pearson(truth[~even], on_nyt[~even]):.4f}, "
          f"even {pearson(truth[even], on_nyt[even]):.4f}", flush=True)
    return out


CONTEXT_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def leave_one_out_mean(x: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Per sentence, the mean of the other sentences of its editorial (its own value when alone)."""
    sums = pd.Series(x).groupby(doc).transform("sum").to_numpy()
    n = pd.Series(x).groupby(doc).transform("size").to_numpy()
    return np.where(n > 1, (sums - x) / np.maximum(n - 1, 1), x)


def editorial_context(truth, doc, columns: list[np.ndarray]) -> dict:
    """Each sentence's score moved towards the mean of the other sentences of its editorial,
    (1 − λ) · s + λ · mean(others), λ in `CONTEXT_WEIGHTS` chosen with the scale and weight (the
    document as context of its sentences: Pang & Lee 2004; McDonald et al. 2007). An article's mean
    is unchanged by it. Grouped CV and the halves as `grouped_cv`; the gain in r of the cross-fitted
    halves over the same without context, with a 95 % interval over 2,000 resamples of editorials."""
    with_context = np.column_stack([(1 - lam) * c + lam * leave_one_out_mean(c, doc) for lam in CONTEXT_WEIGHTS for c in columns])
    result = {"weights": list(CONTEXT_WEIGHTS), **grouped_cv(truth, doc, with_context)}
    even = doc % 2 == 0
    fitted = {}
    for name, candidates in (("context", with_context), ("none", np.column_stack(columns))):
        value = np.empty(len(truth))
        for choose in (even, ~even):
            best = max(range(candidates.shape[1]), key=lambda c: pearson(truth[choose], candidates[choose, c]))
            value[~choose] = candidates[~choose, best]
            if name == "context":
                result.setdefault("chosen_weight", []).append(CONTEXT_WEIGHTS[best // len(columns)])
        fitted[name] = value
    members = [np.flatnonzero(doc == d) for d in np.unique(doc)]
    rng = np.random.default_rng(SEED)
    gains = []
    for _ in range(2000):
        take = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        gains.append(pearson(truth[take], fitted["context"][take]) - pearson(truth[take], fitted["none"][take]))
    result["cross_fitted_r_gain"] = pearson(truth, fitted["context"]) - pearson(truth, fitted["none"])
    result["ci95_editorial_bootstrap"] = [float(x) for x in np.percentile(gains, [2.5, 97.5])]
    print(f"editorial context: CV r {result['cv_r_mean']:.4f} (sd {result['cv_r_sd']:.4f}); held out odd "
          f"{result['odd (chosen on even)']:.4f}, even {result['even (chosen on odd)']:.4f}; weight chosen on even / odd "
          f"{result['chosen_weight']}; cross-fitted gain in r {result['cross_fitted_r_gain']:.4f}, 95 % interval "
          f"{result['ci95_editorial_bootstrap'][0]:.4f} ... {result['ci95_editorial_bootstrap'][1]:.4f}", flush=True)
    return result


def change() -> dict:
    """The direction-of-change rule (`framing.sentiment.change`, the news lexicon's `[change]`)
    against the same score without it (`ONLY=change`, about a minute): on the NYT sentences r with
    the shipped parameters, with the scale and weight chosen on the other half, in grouped CV, and
    the paired bootstrap over editorials of the gain; per editorial the article tone's agreement
    with people; how many NewsMTSC and AllSides sentences it changes, NewsMTSC's r with the mean
    annotated polarity of the sentence's targets, and every changed AllSides sentence and headline
    before and after (to read)."""
    from framing.segment import split_sentences

    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    shipped = load_data(S.DEFAULT_PARAMS)["sentence"]

    def parts(texts):
        folded = [S.fold_quotes(t) for t in texts]
        return (np.array([scorer.news.polarity_scores(t)["compound"] for t in folded]),
                np.array([scorer.judging(t)[0] for t in folded]), S.n_words(folded), scorer.change_shifts(folded))

    def score(compound, judging, words, shift, scale=shipped["scale"], weight=shipped["vader"]):
        return weight * S.unsaturated(S.shifted(compound, shift), words, scale) + (1 - weight) * judging

    out = {}
    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    rows = rows.sort_values(["doc_id", "snippet_index"], kind="stable", ignore_index=True)
    compound, judging, words, shift = parts(rows["text"])
    truth, doc = rows["mean_rating"].to_numpy(float), rows["doc_id"].astype(int).to_numpy()
    even = doc % 2 == 0
    grid = list(product(CV_SCALES, FINE_WEIGHTS))
    nyt_out = {"n_sentences": len(rows), "n_changed": int((shift != 0).sum())}
    for name, on in (("without the rule", 0.0), ("with the rule (shipped)", 1.0)):
        fixed = score(compound, judging, words, on * shift)
        columns = np.column_stack([score(compound, judging, words, on * shift, s, w) for s, w in grid])
        nyt_out[name] = {"shipped_params_all": pearson(truth, fixed), "shipped_params_odd": pearson(truth[~even], fixed[~even]),
                         "shipped_params_even": pearson(truth[even], fixed[even]), **grouped_cv(truth, doc, columns)}
        tone = pd.Series(fixed).groupby(doc).mean()
        human = pd.Series(truth).groupby(doc).mean()
        nyt_out[name]["documents"] = agreement(human, tone[human.index])
        v = nyt_out[name]
        print(f"NYT {name}: shipped parameters all {v['shipped_params_all']:.4f}, odd {v['shipped_params_odd']:.4f}, "
              f"even {v['shipped_params_even']:.4f}; chosen on the other half: odd {v['odd (chosen on even)']:.4f}, "
              f"even {v['even (chosen on odd)']:.4f}; CV {v['cv_r_mean']:.4f}; editorials r {v['documents']['pearson']:.4f}, "
              f"pairs {v['documents']['concordance']:.4f}, triples {v['documents']['triples']:.4f}", flush=True)
    fixed = [score(compound, judging, words, on * shift) for on in (1.0, 0.0)]
    members = [np.flatnonzero(doc == d) for d in np.unique(doc)]
    rng = np.random.default_rng(SEED)
    gains = []
    for _ in range(2000):
        take = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        gains.append(pearson(truth[take], fixed[0][take]) - pearson(truth[take], fixed[1][take]))
    nyt_out["gain"] = {"r_gain": pearson(truth, fixed[0]) - pearson(truth, fixed[1]),
                       "ci95_editorial_bootstrap": [float(x) for x in np.percentile(gains, [2.5, 97.5])]}
    nyt_out["changed"] = [{"text": t, "human": float(h), "before": float(b), "after": float(a)}
                          for t, h, b, a, c in zip(rows["text"], truth, fixed[1], fixed[0], shift != 0) if c]
    out["nyt"] = nyt_out
    print(f"NYT: {nyt_out['n_changed']} sentences changed; gain in r {nyt_out['gain']['r_gain']:.4f}, 95 % interval "
          f"{nyt_out['gain']['ci95_editorial_bootstrap'][0]:.4f} ... {nyt_out['gain']['ci95_editorial_bootstrap'][1]:.4f}",
          flush=True)

    targets = pd.read_json(SHARED / "newsmtsc-train" / "train_targets.jsonl", lines=True)
    targets["y"] = targets["polarity"].map({"negative": -1, "neutral": 0, "positive": 1})
    by_sentence = targets.groupby("sentence", sort=False)["y"].mean()
    compound, judging, words, shift = parts(list(by_sentence.index))
    changed = shift != 0
    out["newsmtsc"] = {"n_sentences": len(by_sentence), "n_changed": int(changed.sum()), **{
        name: {"r_all": pearson(by_sentence, s), "r_changed": pearson(by_sentence[changed], s[changed])}
        for name, s in (("without the rule", score(compound, judging, words, 0.0)),
                        ("with the rule (shipped)", score(compound, judging, words, shift)))}}
    print(f"NewsMTSC: {out['newsmtsc']['n_changed']} of {len(by_sentence)} sentences changed; r with the targets' mean "
          f"polarity {out['newsmtsc']['without the rule']['r_all']:.4f} -> {out['newsmtsc']['with the rule (shipped)']['r_all']:.4f} "
          f"(changed ones {out['newsmtsc']['without the rule']['r_changed']:.3f} -> "
          f"{out['newsmtsc']['with the rule (shipped)']['r_changed']:.3f})", flush=True)

    articles = pd.read_json(SHARED / "allsides-roundups" / "articles.jsonl", lines=True)
    texts = {"headline": list(dict.fromkeys(articles["title"].dropna())),
             "sentence": list(dict.fromkeys(s for t in articles["text"].dropna() for s in split_sentences(t)))}
    out["allsides"] = {}
    for kind, found in texts.items():
        compound, judging, words, shift = parts(found)
        before, after = score(compound, judging, words, 0.0), score(compound, judging, words, shift)
        changed = np.flatnonzero(shift != 0)
        out["allsides"][kind] = {
            "n": len(found), "n_changed": len(changed),
            "n_sign_changed": int((np.sign(np.round(before[changed], 2)) != np.sign(np.round(after[changed], 2))).sum()),
            "changed": [{"text": found[i], "before": float(before[i]), "after": float(after[i])} for i in changed]}
        v = out["allsides"][kind]
        print(f"AllSides roundups, distinct {kind}s: {v['n_changed']} of {v['n']} changed, "
              f"{v['n_sign_changed']} change sign (at 2 decimals)", flush=True)
    for export in filter(None, os.environ.get("CORPORA", "").split(",")):
        out[export] = change_in_corpus(Path(export), scorer)
    return out


def change_in_corpus(export: Path, scorer) -> dict:
    """On a multi-event JSON-lines export (`benchmarks/allsides_corpus.py`; `CORPORA=a.jsonl,b.jsonl
    ONLY=change`): headline and sentences of each article scored with and without the rule, how many
    sentences and article means move, and how many pairs of articles on one event swap order."""
    from itertools import combinations

    from framing.segment import split_sentences

    articles = pd.read_json(export, lines=True)
    rows = pd.DataFrame([(i, event, text) for i, (event, title, body) in enumerate(
        zip(articles["event"], articles["title"], articles["text"]))
        for text in [title, *split_sentences(body or "")] if isinstance(text, str)],
        columns=["article_id", "event", "text"])
    folded = [S.fold_quotes(t) for t in rows["text"]]
    compound = np.array([scorer.news.polarity_scores(t)["compound"] for t in folded])
    judging = np.array([scorer.judging(t)[0] for t in folded])
    shipped = load_data(S.DEFAULT_PARAMS)["sentence"]
    words = S.n_words(folded)
    for name, shift in (("without", 0.0), ("with", scorer.change_shifts(folded))):
        rows[name] = (shipped["vader"] * S.unsaturated(S.shifted(compound, shift), words, shipped["scale"])
                      + shipped["textblob"] * judging)
    means = rows.groupby(["event", "article_id"])[["without", "with"]].mean().reset_index()
    moved = (means["with"] - means["without"]).abs()
    pairs = [(a, b) for _, g in means.groupby("event") for a, b in combinations(g[["without", "with"]].to_numpy(), 2)]
    result = {"n_sentences": len(rows), "n_changed": int(((rows["with"] - rows["without"]).abs() > 1e-12).sum()),
              "n_articles": len(means), "articles_moved": int((moved > 1e-12).sum()),
              "articles_moved_over_0_05": int((moved > 0.05).sum()), "pairs_on_one_event": len(pairs),
              "pairs_swapped": int(sum(np.sign(a[0] - b[0]) != np.sign(a[1] - b[1]) for a, b in pairs))}
    print(f"{export}: {result}", flush=True)
    return result


def afinn() -> dict:
    """AFINN (Nielsen 2011) averaged into `sentiment`, when the `afinn` package is importable (not
    a dependency: its word list is under the share-alike ODbL and the package under the GPL).
    Sentence level: the weight (0 … 0.5) chosen on even editorials reported on odd ones and the
    other way round; document level: the same weights, means per editorial."""
    try:
        from afinn import Afinn
    except ImportError:
        return {"note": "the afinn package is not installed"}
    rows = pd.read_json(SHARED / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scored = S.add_sentiment(rows)
    lexicon = Afinn()
    scored["afinn"] = np.tanh([lexicon.score(S.fold_quotes(t)) / 4 for t in scored["text"]])
    even = scored["doc_id"].astype(int) % 2 == 0
    weights = np.round(np.arange(0, 0.51, 0.1), 2)
    human = scored.groupby("doc_id")["mean_rating"].mean()
    out = {"r_afinn_all": pearson(scored["mean_rating"], scored["afinn"]), "folds": []}
    for name, choose in (("choose even, report odd", even), ("choose odd, report even", ~even)):
        def r(weight, mask):
            return pearson(scored["mean_rating"][mask], ((1 - weight) * scored["sentiment"] + weight * scored["afinn"])[mask])

        best = max(weights, key=lambda w: r(w, choose))
        documents = scored[~choose].assign(combined=(1 - best) * scored["sentiment"] + best * scored["afinn"])
        held = human[documents["doc_id"].unique()]
        out["folds"].append({
            "fold": name, "chosen_weight": float(best),
            "sentence_r_held_out": r(best, ~choose), "sentence_r_held_out_without": r(0.0, ~choose),
            "document_held_out": agreement(held, documents.groupby("doc_id")["combined"].mean()[held.index]),
            "document_held_out_without": agreement(held, documents.groupby("doc_id")["sentiment"].mean()[held.index])})
    return out


def main() -> None:
    parts = {"nyt": nyt, "newsmtsc": newsmtsc, "speed": speed, "quotes": quotes,
             "quotes_classifier": quotes_classifier, "documents": documents, "afinn": afinn,
             "tried": tried, "cv": cv, "change": change, "aggregate": aggregate}
    only = os.environ.get("ONLY")
    path = RESULTS / "sentiment.json"
    results = json.loads(path.read_text(encoding="utf-8")) if only and path.exists() else {}
    for name, part in parts.items():
        if only == name or (only is None and name not in ("quotes_classifier", "afinn", "tried", "cv", "change", "aggregate")):
            results[name] = part()
            print(json.dumps({name: results[name]}, indent=2, default=float), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(".json.tmp")
    staging.write_text(json.dumps(results, indent=2, default=float), encoding="utf-8")
    staging.replace(path)


if __name__ == "__main__":
    main()
