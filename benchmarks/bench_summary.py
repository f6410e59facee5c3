"""Summary: framing's shared steps against the naive notebook way and the machine's floor, in one run.

    python benchmarks/bench_summary.py
    SUMMARY_ARTICLES=10000 SUMMARY_REPEATS=7 python benchmarks/bench_summary.py

The text: `SUMMARY_ARTICLES` (default 2,000) articles recombined from real news paragraphs
(benchmarks/corpora.py: AllSides excerpts, aeb-dev gold bodies, the seeds), one row per paragraph,
written once as a JSON-lines file; and the same paragraphs with every repeat removed (a paragraph
only where it first occurs), since framing does each distinct text once and recombined corpora,
like real ones (wire copy, boilerplate), repeat text. Each way reads its file and does three steps:

- split into sentences, score each sentence with TextBlob (polarity, subjectivity) and VADER
  (compound), count terms per outlet;
- **naive**, as a notebook author would write it: `DataFrame.apply` of NLTK's `sent_tokenize`
  (NLTK's Punkt with its untrained parameters when the `punkt_tab` data is not installed, as here:
  nothing is downloaded), `TextBlob(s).sentiment`, `SentimentIntensityAnalyzer().polarity_scores`,
  then scikit-learn's `CountVectorizer` over the sentences, summed per outlet;
- **framing**: `split_table`, `add_sentiment` (on 1 and on 2 workers), `unnest_tokens`,
  `count_terms`, the public functions as they are;
- **floor**: a pass a machine could not do much faster: Arrow reads the file, splits sentences
  and words by regular expressions, and numpy looks the words up in VADER's and TextBlob's
  lexicons (sum of valences normalised as VADER's compound; mean polarity and subjectivity) and
  counts terms per outlet. Not the same scores (no negation, boosters, "but", punctuation), only the
  least work that reads every word against the lexicons.

Every way runs `SUMMARY_REPEATS` (default 5) times, interleaved (one run of each way in turn), and
the medians are reported with their ratios: wall seconds (`speed_vs_naive`, `time_vs_floor`) and
CPU seconds of the process and its workers (`cpu_vs_naive`: steadier when other jobs share the
machine, but blind to what a second worker buys; the load average is recorded). Prints a table; writes benchmarks/results/latest.json.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
FLOOR_SENTENCE = r"[.!?]+\s+"  # Arrow's regular expressions (RE2) have no look-behind
FLOOR_WORD = r"[^\w']+"


# ── the three ways ──────────────────────────────────────────────────────────────────────────────

def naive_way(path: Path) -> dict:
    """The steps as a notebook author would write them, one Python call per sentence."""
    from sklearn.feature_extraction.text import CountVectorizer
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts = pd.read_json(path, lines=True)
    texts["sentence"] = texts["text"].apply(sentence_tokenizer())
    sentences = texts.explode("sentence", ignore_index=True).dropna(subset=["sentence"])
    blobs = sentences["sentence"].apply(lambda s: TextBlob(s).sentiment)
    sentences["polarity"] = blobs.map(lambda b: b.polarity)
    sentences["subjectivity"] = blobs.map(lambda b: b.subjectivity)
    analyzer = SentimentIntensityAnalyzer()
    sentences["vader"] = sentences["sentence"].apply(lambda s: analyzer.polarity_scores(s)["compound"])
    matrix = CountVectorizer().fit_transform(sentences["sentence"])
    outlets = sentences["outlet"].to_numpy()
    counts = {outlet: np.asarray(matrix[outlets == outlet].sum(axis=0)).ravel() for outlet in np.unique(outlets)}
    return {"sentences": len(sentences), "count_rows": int(sum((c > 0).sum() for c in counts.values()))}


def sentence_tokenizer():
    """NLTK's `sent_tokenize`, or, without its downloaded data, NLTK's Punkt untrained."""
    import nltk

    try:
        nltk.sent_tokenize("Data. Check.")
        return nltk.sent_tokenize
    except LookupError:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        return PunktSentenceTokenizer().tokenize


def framing_way(path: Path, workers: int = 1) -> dict:
    """The same steps with framing's public functions."""
    import framing as fr

    texts = pd.read_json(path, lines=True, dtype={"article_id": str})
    sentences = fr.split_table(texts, by="article_id")
    scored = fr.add_sentiment(sentences, workers=workers)
    counts = fr.count_terms(fr.unnest_tokens(sentences), by="outlet")
    return {"sentences": len(scored), "count_rows": len(counts)}


def floor_way(path: Path) -> dict:
    """Read, regex split and lexicon lookup over whole arrays (Arrow and numpy)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import json as pa_json

    words, vader, polarity, subjectivity = floor_lexicons()
    table = pa_json.read_json(path)
    sentences = pc.split_pattern_regex(table["text"].combine_chunks(), pattern=FLOOR_SENTENCE)
    flat = pc.list_flatten(sentences)
    paragraph_of = pc.list_parent_indices(sentences).to_numpy()
    tokens = pc.split_pattern_regex(pc.utf8_lower(flat), pattern=FLOOR_WORD)
    sentence_of = pc.list_parent_indices(tokens).to_numpy()
    tokens = pc.list_flatten(tokens)
    found = pc.index_in(tokens, value_set=words).to_numpy(zero_copy_only=False)
    known = ~np.isnan(found)
    where, which = sentence_of[known], found[known].astype(np.int64)
    n = len(flat)
    valence = np.bincount(where, weights=vader[which], minlength=n)
    compound = valence / np.sqrt(valence * valence + 15)
    rated = ~np.isnan(polarity[which])
    n_rated = np.bincount(where[rated], minlength=n)
    with np.errstate(invalid="ignore"):
        mean_polarity = np.bincount(where[rated], weights=polarity[which][rated], minlength=n) / n_rated
        mean_subjectivity = np.bincount(where[rated], weights=subjectivity[which][rated], minlength=n) / n_rated
    outlet = pc.take(table["outlet"].combine_chunks(), pa.array(paragraph_of[sentence_of]))
    counts = pa.table({"outlet": outlet, "term": tokens}).filter(pc.not_equal(tokens, "")) \
        .group_by(["outlet", "term"]).aggregate([("term", "count")])
    assert len(compound) == len(mean_polarity) == len(mean_subjectivity) == n
    return {"sentences": n, "count_rows": counts.num_rows}


_LEXICONS: dict = {}


def floor_lexicons():
    """The words of VADER's and TextBlob's lexicons as one Arrow array, with each word's VADER
    valence (0 when not in VADER) and TextBlob polarity and subjectivity (NaN when not in TextBlob).
    Loaded once, outside the timing, as a vectorised scorer would keep them."""
    if not _LEXICONS:
        import pyarrow as pa
        from textblob.en import sentiment
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        vader = SentimentIntensityAnalyzer().lexicon
        sentiment.load()
        textblob = {word: senses.get(None) or next(iter(senses.values())) for word, senses in sentiment.items()}
        words = sorted(set(vader) | set(textblob))
        _LEXICONS.update(
            words=pa.array(words), vader=np.array([vader.get(w, 0.0) for w in words]),
            polarity=np.array([textblob[w][0] if w in textblob else np.nan for w in words]),
            subjectivity=np.array([textblob[w][1] if w in textblob else np.nan for w in words]))
    return _LEXICONS["words"], _LEXICONS["vader"], _LEXICONS["polarity"], _LEXICONS["subjectivity"]


# ── the run ─────────────────────────────────────────────────────────────────────────────────────

def write_inputs(folder: Path, n_articles: int) -> dict[str, dict]:
    """The paragraph files, as is and with repeats removed, and what they hold."""
    sys.path.insert(0, str(HERE))
    import corpora

    articles = corpora.article_table(n_articles)
    inputs = {}
    for label, distinct in (("as is", False), ("repeats removed", True)):
        paragraphs = corpora.paragraph_table(articles, distinct=distinct)
        path = folder / f"paragraphs-{'distinct' if distinct else 'all'}.jsonl"
        paragraphs.to_json(path, orient="records", lines=True, force_ascii=False)
        inputs[label] = {"path": path, "articles": int(paragraphs["article_id"].nunique()),
                         "paragraphs": len(paragraphs), "mb": round(path.stat().st_size / 2**20, 2)}
    return inputs


def ways(workers: int) -> dict:
    chosen = {"naive": naive_way, "framing": framing_way}
    if workers > 1:
        chosen[f"framing, {workers} workers"] = lambda path: framing_way(path, workers=workers)
    chosen["floor"] = floor_way
    return chosen


def measure(inputs: dict, chosen: dict, repeats: int) -> dict:
    """Median seconds of every way on every input, runs interleaved; and what each produced."""
    seconds = {(label, way): [] for label in inputs for way in chosen}
    cpu = {key: [] for key in seconds}
    produced = {}
    for repeat in range(repeats):
        for label, spec in inputs.items():
            for way, function in chosen.items():
                started, before = time.perf_counter(), _cpu_seconds()
                produced[label, way] = function(spec["path"])
                seconds[label, way].append(time.perf_counter() - started)
                cpu[label, way].append(_cpu_seconds() - before)
        print(f"  run {repeat + 1} of {repeats} done (load average {os.getloadavg()[0]:.1f})", flush=True)
    return {key: {"seconds": round(statistics.median(times), 3), "cpu_seconds": round(statistics.median(cpu[key]), 3),
                  "runs": [round(t, 3) for t in times], **produced[key]} for key, times in seconds.items()}


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    now = os.times()
    return now.user + now.system + now.children_user + now.children_system


def summarise(inputs: dict, timings: dict, chosen: dict) -> list[dict]:
    rows = []
    for label, spec in inputs.items():
        naive, naive_cpu = timings[label, "naive"]["seconds"], timings[label, "naive"]["cpu_seconds"]
        floor = timings[label, "floor"]["seconds"]
        for way in chosen:
            timing = timings[label, way]
            rows.append({"text": label, "way": way, "articles": spec["articles"], "mb": spec["mb"],
                         "seconds": timing["seconds"], "cpu_seconds": timing["cpu_seconds"],
                         "sentences": timing["sentences"],
                         "articles_per_s": round(spec["articles"] / timing["seconds"], 1),
                         "speed_vs_naive": round(naive / timing["seconds"], 2),
                         "cpu_vs_naive": round(naive_cpu / max(timing["cpu_seconds"], 1e-9), 2),
                         "time_vs_floor": round(timing["seconds"] / floor, 1), "runs": timing["runs"]})
    return rows


def print_table(rows: list[dict]) -> None:
    columns = ["text", "way", "mb", "sentences", "seconds", "cpu_seconds", "articles_per_s", "speed_vs_naive",
               "cpu_vs_naive", "time_vs_floor"]
    widths = [16, 20, 6, 10, 9, 12, 15, 15, 13, 14]
    print("".join(f"{c:<{w}}" if i < 2 else f"{c:>{w}}" for i, (c, w) in enumerate(zip(columns, widths))))
    for row in rows:
        print("".join(f"{str(row[c]):<{w}}" if i < 2 else f"{str(row[c]):>{w}}"
                      for i, (c, w) in enumerate(zip(columns, widths))))


def main() -> int:
    import framing  # noqa: F401  (imports are paid before the clock starts, by every way)
    import framing.keywords
    import framing.segment
    import framing.sentiment
    import sklearn.feature_extraction.text  # noqa: F401
    import textblob  # noqa: F401
    import vaderSentiment.vaderSentiment  # noqa: F401

    n_articles = int(os.environ.get("SUMMARY_ARTICLES", 2000))
    repeats = int(os.environ.get("SUMMARY_REPEATS", 5))
    workers = min(2, os.cpu_count() or 1)
    floor_lexicons()
    with tempfile.TemporaryDirectory(prefix="framing-summary-") as folder:
        load_before = os.getloadavg()[0]
        inputs = write_inputs(Path(folder), n_articles)
        chosen = ways(workers)
        print(f"{n_articles} articles: {inputs['as is']['paragraphs']:,} paragraphs as is, "
              f"{inputs['repeats removed']['paragraphs']:,} with repeats removed; "
              f"medians of {repeats} interleaved runs", flush=True)
        timings = measure(inputs, chosen, repeats)
    rows = summarise(inputs, timings, chosen)
    print_table(rows)
    report = {"benchmark": "bench_summary", "articles": n_articles, "repeats": repeats, "cpu_count": os.cpu_count(),
              "naive_splitter": sentence_tokenizer().__qualname__,
              "load_average": {"start": round(load_before, 2), "end": round(os.getloadavg()[0], 2)},
              "inputs": {k: {kk: vv for kk, vv in v.items() if kk != "path"} for k, v in inputs.items()},
              "rows": rows}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
