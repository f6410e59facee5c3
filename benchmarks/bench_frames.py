"""Generic frames against human coding: article-level presence on ../shared/data/narrative-frames-dev/.

    python benchmarks/bench_frames.py

The corpus codes five frames per article (Frermann et al. 2023); "resolution" is its name for the
responsibility / solution frame. Prints precision, recall and F1 per frame and the macro-F1, on all
articles and on each half (odd / even rows), against answering "present" always. Writes
benchmarks/results/frames.json.
"""
from __future__ import annotations

import json
import sys
import time
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


def min_terms_by_half(articles, hits, sentences, ids, choices=(2, 3, 4)) -> dict:
    """Per coded frame, its F1 on the even and the odd rows when an article must hold 2, 3 or 4
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


def main() -> int:
    import framing as fr

    articles = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    sentences = sentence_table(articles)
    started = time.perf_counter()
    hits = fr.add_frames(sentences, scheme="generic")
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
        print(f"  {coded:<16}" + "  ".join(f"{k}: {f['even']:.2f} / {f['odd']:.2f}" for k, f in by_k.items()))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "frames.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
