"""Generic frames against human coding: article-level presence on ../shared/data/narrative-frames-dev/.

    python benchmarks/bench_frames.py [--lexicon my_frames.toml]

The corpus codes five frames per article (Frermann et al. 2023); "resolution" is its name for the
responsibility / solution frame. Prints precision, recall and F1 per frame and the macro-F1, on all
articles and on each half (odd / even rows), against answering "present" always; then each frame's
F1 per half when 1-7 different cue words are asked of an article (every cue word counted alike), the
frames with supporting cues per half with 2-7 cue words of both lists asked and over 300 random
halves (`supporting_by_half`), and other decision rules tried, each with its parameter chosen per
frame on one half and scored on the other (`cross_half_rules`).
`--lexicon` measures another generic lexicon file. Writes benchmarks/results/frames.json
(frames_<lexicon file name>.json with `--lexicon`).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_score, recall_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "narrative-frames-dev" / "articles.jsonl"
CODED_TO_GENERIC = {"resolution": "responsibility", "human_interest": "human_interest",
                    "conflict": "conflict", "moral": "morality", "economic": "economic"}


def sentence_table(articles: list[dict]) -> pd.DataFrame:
    import framing as fr

    rows = [{"article_id": str(number), "sentence_id": index, "outlet": article.get("outlet", ""),
             "kind": "body", "text": text, "n_words": len(text.split())}
            for number, article in enumerate(articles)
            for index, text in enumerate(fr.split_sentences(article["text"]))]
    return pd.DataFrame(rows)


def is_coded(value) -> bool:
    """The coded value as a bool (one row of the data has the string "False)")."""
    return str(value).strip().lower().startswith("true")


def scores(articles, presence: pd.DataFrame, ids) -> dict:
    result = {}
    for coded, frame in CODED_TO_GENERIC.items():
        chosen = presence[(presence["frame"] == frame) & presence["article_id"].isin(ids)]
        gold = [is_coded(articles[int(a)]["frames"][coded]) for a in chosen["article_id"]]
        predicted = chosen["present"].to_numpy()
        result[coded] = {"precision": precision_score(gold, predicted, zero_division=0),
                         "recall": recall_score(gold, predicted, zero_division=0),
                         "f1": f1_score(gold, predicted, zero_division=0),
                         "always_present_f1": f1_score(gold, [True] * len(gold), zero_division=0)}
    result["macro_f1"] = float(np.mean([result[c]["f1"] for c in CODED_TO_GENERIC]))
    result["always_present_macro_f1"] = float(np.mean([result[c]["always_present_f1"] for c in CODED_TO_GENERIC]))
    return result


def min_terms_by_half(articles, hits, sentences, ids, choices=range(1, 8)) -> dict:
    """Per coded frame, its F1 on the even and the odd rows when an article must hold 1 to 7
    different cue words for it: how each frame's `min_terms` in the lexicon is chosen on one half
    and checked on the other."""
    import framing as fr

    presence = {k: fr.article_frames(hits, sentences, min_terms=k) for k in choices}
    out = {}
    for coded in CODED_TO_GENERIC:
        out[coded] = {}
        for k in choices:
            out[coded][k] = {half: scores(articles, presence[k], part)[coded]["f1"]
                             for half, part in (("even", ids[0::2]), ("odd", ids[1::2]))}
    return out


def supporting_by_half(articles, hits, sentences, ids, choices=range(2, 8), n_splits=300) -> dict:
    """Per coded frame with supporting cues: its F1 on the even and the odd rows when supporting cues
    are left out (`own`) and when an article carries the frame with `min_terms` of its own cue words
    or k cue words of both lists (k in `choices`); then over `n_splits` random halves (seed 0), the
    mean F1 on one half of k chosen on the other, in both directions, against the cues of its own
    alone (with the lexicon's `min_terms`)."""
    import framing as fr

    table = fr.article_frames(hits, sentences)
    out = {}
    for coded, frame in CODED_TO_GENERIC.items():
        rows = table[table["frame"] == frame].set_index("article_id").reindex(ids)
        needed = hits.loc[hits["frame"] == frame, "min_with_supporting"]
        if needed.empty or needed.iloc[0] == 0:
            continue
        gold = _gold(articles, coded)
        own_needed = int(hits.loc[hits["frame"] == frame, "min_terms"].iloc[0])
        own = (rows["n_terms"] - rows["n_supporting"]).to_numpy() >= own_needed
        rules = {k: own | (rows["n_terms"].to_numpy() >= k) for k in choices}
        even = np.arange(len(ids)) % 2 == 0
        halves = {name: {half: f1_score(gold[part], predicted[part], zero_division=0)
                         for half, part in (("even", even), ("odd", ~even))}
                  for name, predicted in [("own", own)] + list(rules.items())}
        rng = np.random.default_rng(0)
        held_out, alone = [], []
        for _ in range(n_splits):
            first = rng.permutation(len(ids)) < len(ids) // 2
            for train, test in ((first, ~first), (~first, first)):
                k = max(choices, key=lambda k: (f1_score(gold[train], rules[k][train], zero_division=0), -k))
                held_out.append(f1_score(gold[test], rules[k][test], zero_division=0))
                alone.append(f1_score(gold[test], own[test], zero_division=0))
        out[coded] = {"by_half": halves, "random_halves": {"n_splits": n_splits, "own_cues_only": float(np.mean(alone)),
                                                           "with_supporting_k_chosen": float(np.mean(held_out))}}
    return out


LEAD = 3  # sentences of the title and lead: the coders' instructions point to "the title and the lead paragraph(s)"


def article_features(hits: pd.DataFrame, sentences: pd.DataFrame, frame: str, ids) -> pd.DataFrame:
    """One row per article (`ids`, in order) for one frame: `terms` (different cue words), `matches`
    (cue matches), `sent` (sentences with a cue), `lead` (different cue words in the first `LEAD`
    sentences), `per_sentence` (different cue words summed over sentences: a word once per
    sentence), `words` and `n_sentences` of the article."""
    chosen = hits[hits["frame"] == frame]
    groups = dict(tuple(chosen.groupby("article_id")))
    rows = []
    for article in ids:
        found = groups.get(article, chosen.iloc[:0])
        words = found["terms"].str.lower().str.split("; ")
        rows.append({"terms": len(set(chain.from_iterable(words))), "matches": int(found["score"].sum()),
                     "sent": found["sentence_id"].nunique(),
                     "lead": len(set(chain.from_iterable(words[found["sentence_id"] < LEAD]))),
                     "per_sentence": int(sum(len(set(w)) for w in words))})
    table = pd.DataFrame(rows, index=ids)
    table["words"] = sentences.groupby("article_id")["n_words"].sum().reindex(ids).to_numpy()
    table["n_sentences"] = sentences.groupby("article_id").size().reindex(ids).to_numpy()
    return table


# Decision rules tried against "at least k different cue words": name → (rule, its parameter grid).
RULES = {
    "different cue words >= k": (lambda f, k: f["terms"] >= k, range(1, 8)),
    "cue sentences >= k": (lambda f, k: f["sent"] >= k, range(1, 8)),
    "cue words >= k and in 2+ sentences": (lambda f, k: (f["terms"] >= k) & (f["sent"] >= 2), range(2, 8)),
    "a cue word once per sentence >= k": (lambda f, k: f["per_sentence"] >= k, range(1, 10)),
    "cue matches per 1000 words >= t": (lambda f, t: f["matches"] * 1000 / f["words"] >= t,
                                        (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20)),
    "cue words per 1000 words >= t": (lambda f, t: f["terms"] * 1000 / f["words"] >= t,
                                      (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20)),
    "share of cue sentences >= t": (lambda f, t: f["sent"] / f["n_sentences"] >= t,
                                    (.02, .04, .06, .08, .1, .12, .15, .2, .25, .3)),
    "cue words, lead words twice, >= k": (lambda f, k: f["terms"] + f["lead"] >= k, range(1, 9)),
    "a lead cue word, or cue words >= k": (lambda f, k: (f["lead"] >= 1) | (f["terms"] >= k), range(2, 8)),
    "cue words >= k x sqrt(words / 650)": (lambda f, k: f["terms"] >= k * np.sqrt(f["words"] / 650),
                                           (1, 1.5, 2, 2.5, 3, 3.5, 4, 5)),
}


def _gold(articles, coded: str) -> np.ndarray:
    return np.array([is_coded(a["frames"][coded]) for a in articles])


def cross_half_rules(articles, hits, sentences, ids) -> dict:
    """Each rule of `RULES`, and a logistic regression on four counts (`logistic_by_half`): per
    frame, the parameter best on the even rows scored on the odd rows and the one best on the odd
    rows scored on the even rows. Returns {rule: {frame: {"even", "odd", "chosen_on_even",
    "chosen_on_odd"}, "macro_even", "macro_odd"}}."""
    features = {coded: article_features(hits, sentences, frame, ids) for coded, frame in CODED_TO_GENERIC.items()}
    even = np.arange(len(ids)) % 2 == 0
    out = {}
    for name, (rule, grid) in RULES.items():
        out[name] = {}
        for coded in CODED_TO_GENERIC:
            gold = _gold(articles, coded)
            f1 = {k: [f1_score(gold[half], rule(features[coded], k).to_numpy()[half], zero_division=0)
                      for half in (even, ~even)] for k in grid}
            on_even = max(grid, key=lambda k: f1[k][0])
            on_odd = max(grid, key=lambda k: f1[k][1])
            out[name][coded] = {"even": f1[on_odd][0], "odd": f1[on_even][1],
                                "chosen_on_even": on_even, "chosen_on_odd": on_odd}
    out["logistic regression (4 counts)"] = {coded: logistic_by_half(features[coded], _gold(articles, coded), even)
                                             for coded in CODED_TO_GENERIC}
    for result in out.values():
        result["macro_even"] = float(np.mean([result[c]["even"] for c in CODED_TO_GENERIC]))
        result["macro_odd"] = float(np.mean([result[c]["odd"] for c in CODED_TO_GENERIC]))
    return out


def logistic_by_half(features: pd.DataFrame, gold: np.ndarray, even: np.ndarray) -> dict:
    """Logistic regression (Cox 1958; balanced class weights) on log counts of different cue words,
    cue sentences, lead cue words and article words, trained on one half and scored on the other; its
    cut-off chosen by 5-fold cross-validation grouped by article within the training half."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    x = np.column_stack([np.log1p(features["terms"]), np.log1p(features["sent"]), np.log1p(features["lead"]),
                         np.log(features["words"])])
    scores = {}
    for train, test, name in ((even, ~even, "odd"), (~even, even, "even")):
        model = LogisticRegression(class_weight="balanced", max_iter=1000)
        groups = np.flatnonzero(train)
        inner = cross_val_predict(model, x[train], gold[train], cv=GroupKFold(5), groups=groups,
                                  method="predict_proba")[:, 1]
        cut = max(np.linspace(0.2, 0.8, 25), key=lambda t: f1_score(gold[train], inner >= t, zero_division=0))
        model.fit(x[train], gold[train])
        scores[name] = f1_score(gold[test], model.predict_proba(x[test])[:, 1] >= cut, zero_division=0)
    return {**scores, "chosen_on_even": "fitted", "chosen_on_odd": "fitted"}


def main() -> int:
    import framing as fr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", help="a generic lexicon file to measure instead of the shipped one")
    lexicon = parser.parse_args().lexicon
    articles = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    sentences = sentence_table(articles)
    started = time.perf_counter()
    hits = fr.add_frames(sentences, scheme="generic", lexicon=lexicon)
    seconds = time.perf_counter() - started
    presence = fr.article_frames(hits, sentences)
    ids = [str(i) for i in range(len(articles))]
    report = {"articles": len(articles), "sentences": len(sentences),
              "sentences_per_s": round(len(sentences) / seconds),
              "all": scores(articles, presence, ids),
              "odd_rows": scores(articles, presence, ids[1::2]),
              "even_rows": scores(articles, presence, ids[0::2])}
    print(f"{'frame':<16}{'P':>6}{'R':>6}{'F1':>6}{'always':>8}")
    for coded in CODED_TO_GENERIC:
        r = report["all"][coded]
        print(f"{coded:<16}{r['precision']:>6.2f}{r['recall']:>6.2f}{r['f1']:>6.2f}{r['always_present_f1']:>8.2f}")
    print(f"macro-F1 {report['all']['macro_f1']:.3f} (always present {report['all']['always_present_macro_f1']:.3f}); "
          f"halves {report['even_rows']['macro_f1']:.3f} / {report['odd_rows']['macro_f1']:.3f}; "
          f"{report['sentences_per_s']:,} sentences/s")
    report["min_terms"] = min_terms_by_half(articles, hits, sentences, ids)
    print("F1 per frame with a different number of cue words asked of an article (even / odd rows):")
    for coded, by_k in report["min_terms"].items():
        print(f"  {coded:<16}" + "  ".join(f"{k}: {f['even']:.2f}/{f['odd']:.2f}" for k, f in by_k.items()))
    report["supporting"] = supporting_by_half(articles, hits, sentences, ids)
    for coded, result in report["supporting"].items():
        print(f"{coded} with supporting cues, F1 even / odd rows: own cues only "
              f"{result['by_half']['own']['even']:.2f}/{result['by_half']['own']['odd']:.2f}; with k cue words of both lists "
              + "  ".join(f"{k}: {f['even']:.2f}/{f['odd']:.2f}" for k, f in result["by_half"].items() if k != "own"))
        r = result["random_halves"]
        print(f"  over {r['n_splits']} random halves, F1 on the other half: own cues only {r['own_cues_only']:.3f}, "
              f"with supporting cues (k chosen on one half) {r['with_supporting_k_chosen']:.3f}")
    report["rules"] = cross_half_rules(articles, hits, sentences, ids)
    print("Rules with their parameter chosen per frame on one half, F1 on the other (even / odd rows):")
    print(f"  {'rule':<36}" + "".join(f"{c[:11]:>12}" for c in CODED_TO_GENERIC) + f"{'macro':>12}")
    for name, result in report["rules"].items():
        print(f"  {name:<36}" + "".join(f"{result[c]['even']:>7.2f}/{result[c]['odd']:.2f}" for c in CODED_TO_GENERIC)
              + f"{result['macro_even']:>7.3f}/{result['macro_odd']:.3f}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    name = "frames.json" if lexicon is None else f"frames_{Path(lexicon).stem}.json"
    (out / name).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
