"""Speed and scale: build and analyse synthetic corpora of growing size, against the naive way.

    python benchmarks/bench_scale.py [--sizes 100,1000,10000,100000] [--workers 2]

For each size it writes a corpus of real news text (benchmarks/corpora.py) and measures, each in
its own process so peak memory is that step's alone:

- `framing build` (streamed in chunks, all cores): articles/s, MB of text/s, peak memory;
- the analyses on the built tables (sentiment, frames, tokens and log-odds, quotes, alignment
  within events), also streamed over chunks of articles;
- the steps a notebook author would write by hand (regex sentence split, `TextBlob(s).sentiment`
  and VADER per sentence through `DataFrame.apply`, tokens by `str.split` and Counter) against
  framing doing the same steps, on the same articles (at most `NAIVE_ARTICLES` of them, since the
  naive rate does not depend on corpus size): the speed-up; and the same on those articles'
  paragraphs with repeats removed (`speedup_distinct`), since framing scores each distinct text
  once and the recombined corpora repeat paragraphs (`repeat_factor`: sentences per distinct one);
- once, at 10,000 articles (or the largest size below it): rerunning the build after adding one
  article (wall time of the whole process, median of 3 runs from the same built folder).

Prints a table and writes benchmarks/results/scale.json (benchmarks/results/latest.json is the
summary's: benchmarks/bench_summary.py).

    python benchmarks/bench_scale.py --roundups-export FOLDER

writes instead the whole of ../shared/data/allsides-roundups as a user's export would hold it,
`FOLDER/allsides-roundups/articles.jsonl`: every article (1,479, 145 outlets) joined with its event
(505 events with articles) by `event_id`, the event named by its issue and date, the other columns
kept (`event_id`, `topic`, `allsides_rating`). Timing `framing report` on it (docs/report.md) is
`CORPORA=FOLDER/allsides-roundups benchmarks/bench_report.py`.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
NAIVE_ARTICLES = 2000
ANALYSIS_CHUNK = 2000  # articles analysed at a time
CHILD_TIMEOUT = 7200  # seconds one step may take (the 100,000-article analyses take about 15 min)


# ── steps, each run in a child process ───────────────────────────────────────────────────────────

def step_build(corpus: Path, out: Path, workers: int) -> dict:
    from framing.build import build_corpus

    summary = build_corpus(corpus, out, workers=workers, progress=False)
    return {"articles": int(len(summary.articles)), "n_reused": summary.n_reused}


def step_analyses(out: Path, workers: int) -> dict:
    """Every analysis over the built corpus, one chunk of articles at a time."""
    import pandas as pd

    import framing as fr

    articles = fr.load_articles(out)
    counts: dict[str, int] = {}
    totals = None  # term counts per outlet, folded in chunk by chunk so memory stays flat
    for ids in _event_chunks(articles):
        sentences = _load_sentence_chunk(out, ids)
        for name, table in _analyse(fr, sentences, workers).items():
            counts[name] = counts.get(name, 0) + len(table)
        chunk = fr.count_terms(fr.unnest_tokens(sentences), by="outlet")
        totals = chunk if totals is None else (
            pd.concat([totals, chunk]).groupby(["outlet", "term"], as_index=False)["n"].sum())
    counts["log_odds"] = len(fr.log_odds(totals, group="outlet"))
    return {"rows": counts, "workers": workers}


def _load_sentence_chunk(out: Path, ids: list[str]):
    from framing.config import CONTENT_KINDS
    from framing.store import read_rows

    sentences = read_rows(out, "sentences", ids)
    return sentences[sentences["kind"].isin(CONTENT_KINDS)].reset_index(drop=True)


def _event_chunks(articles):
    """Article ids in chunks of about ANALYSIS_CHUNK articles that never split an event, so the
    alignment, which compares articles within an event, sees each event whole."""
    chunk: list[str] = []
    for _, group in articles.groupby("event", sort=True):
        chunk.extend(group["article_id"])
        if len(chunk) >= ANALYSIS_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _analyse(fr, sentences, workers: int) -> dict:
    return {
        "sentiment": fr.add_sentiment(sentences, workers=workers),
        "frames": fr.add_frames(sentences, scheme="generic"),
        "quotes": fr.extract_quotes(sentences),
        "alignment": fr.align_sentences(sentences),
    }


def step_naive(out: Path, distinct: int = 0) -> dict:
    """The steps as a notebook author would write them by hand."""
    import re
    from collections import Counter

    import pandas as pd
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts = _paragraph_texts(out, bool(distinct))
    start = time.perf_counter()
    sentences = pd.DataFrame({"text": [s for t in texts["text"] for s in re.split(r"(?<=[.!?])\s+", t)
                                       if s]})
    sentences["polarity"] = sentences["text"].apply(lambda s: TextBlob(s).sentiment.polarity)
    analyzer = SentimentIntensityAnalyzer()
    sentences["vader"] = sentences["text"].apply(lambda s: analyzer.polarity_scores(s)["compound"])
    counts = {outlet: Counter(w for t in group["text"] for w in t.lower().split())
              for outlet, group in texts.groupby("outlet")}
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": int(texts["article_id"].nunique()),
            "sentences": len(sentences), "outlets": len(counts)}


def step_same_steps(out: Path, workers: int, distinct: int = 0) -> dict:
    """The same steps done with framing: split_table, add_sentiment, unnest_tokens + count_terms.
    Its modules are imported before the clock starts, as the naive step imports TextBlob and VADER."""
    import framing as fr
    import framing.keywords
    import framing.segment
    import framing.sentiment  # noqa: F401

    texts = _paragraph_texts(out, bool(distinct))
    start = time.perf_counter()
    sentences = fr.split_table(texts[["article_id", "outlet", "text"]], by="article_id")
    scored = fr.add_sentiment(sentences, workers=workers)
    tokens = fr.unnest_tokens(sentences)
    counts = fr.count_terms(tokens, by="outlet")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": int(texts["article_id"].nunique()),
            "sentences": len(scored), "count_rows": len(counts)}


def _paragraph_texts(out: Path, distinct: bool = False):
    """The first NAIVE_ARTICLES articles' body paragraphs, as the input both ways start from; with
    `distinct`, each paragraph only the first time it occurs (no repeats left to save work on)."""
    import framing as fr

    ids = fr.load_articles(out)["article_id"].head(NAIVE_ARTICLES).tolist()
    sentences = _load_sentence_chunk(out, ids)
    body = sentences[sentences["kind"] == "body"]
    texts = (body.groupby(["article_id", "outlet", "paragraph_id"], sort=False)["text"]
             .agg(" ".join).reset_index())
    return texts.drop_duplicates("text", ignore_index=True) if distinct else texts


STEPS = {"build": step_build, "analyses": step_analyses, "naive": step_naive, "same": step_same_steps}


def run_child(step: str, **kwargs) -> dict:
    """Run one step in a fresh process; returns its result with wall seconds and peak RSS (MB)."""
    args = [sys.executable, __file__, "--child", step, "--json-args", json.dumps(
        {k: str(v) for k, v in kwargs.items()})]
    start = time.perf_counter()
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": f"{step} ran over {CHILD_TIMEOUT} s", "seconds": time.perf_counter() - start}
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1], "seconds": seconds}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result.setdefault("seconds", seconds)
    result["wall_seconds"] = seconds
    return result


def _child(step: str, kwargs: dict) -> None:
    paths = {k: Path(v) for k, v in kwargs.items() if k in ("corpus", "out")}
    extra = {k: int(v) for k, v in kwargs.items() if k in ("workers", "distinct")}
    result = STEPS[step](**paths, **extra)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_rss_mb"] = round(max(own, children) / 1024, 1)
    print(json.dumps(result))


# ── the whole AllSides set as one export ──────────────────────────────────────────────────────────

ROUNDUPS = HERE.parent.parent / "shared" / "data" / "allsides-roundups"


def write_roundups_export(folder: Path, source: Path = ROUNDUPS) -> Path:
    """`folder/allsides-roundups/articles.jsonl`: each article of `source` with its event's issue
    and date as `event` (an issue can recur: "Biden Reaches 100 Days In Office"), as a user joins
    the two files. Returns the corpus folder."""
    with open(source / "events.jsonl", encoding="utf-8") as handle:
        events = {e["event_id"]: e for e in map(json.loads, handle)}
    corpus = Path(folder) / "allsides-roundups"
    corpus.mkdir(parents=True, exist_ok=True)
    with open(source / "articles.jsonl", encoding="utf-8") as handle, \
            open(corpus / "articles.jsonl", "w", encoding="utf-8") as out:
        for line in handle:
            article = json.loads(line)
            event = events[article["event_id"]]
            out.write(json.dumps({"event": f"{event['issue']} ({event['date'][:10]})", "outlet": article["outlet"],
                                  "title": article["title"], "published": article["date"], "url": article["url"],
                                  "text": article["text"], "event_id": article["event_id"], "topic": event["topic"],
                                  "allsides_rating": article["allsides_rating"]}, ensure_ascii=False) + "\n")
    return corpus


# ── the benchmark ─────────────────────────────────────────────────────────────────────────────────

def measure_size(size: int, work: Path, workers: int) -> dict:
    sys.path.insert(0, str(HERE))
    import corpora

    corpus = corpora.write_corpus(work / f"corpus-{size}", size)
    megabytes = sum(p.stat().st_size for p in corpus.iterdir()) / 2**20
    out = work / f"processed-{size}"
    build = run_child("build", corpus=corpus, out=out, workers=workers)
    analyses = run_child("analyses", out=out, workers=workers)
    naive = run_child("naive", out=out)
    same = run_child("same", out=out, workers=workers)
    naive_distinct = run_child("naive", out=out, distinct=1)
    same_distinct = run_child("same", out=out, workers=workers, distinct=1)
    row = {
        "articles": size, "mb": round(megabytes, 1),
        "build_s": _round(build.get("wall_seconds")),
        "articles_per_s": _rate(size, build.get("wall_seconds")),
        "mb_per_s": _rate(megabytes, build.get("wall_seconds")),
        "build_peak_rss_mb": build.get("peak_rss_mb"),
        "analyses_s": _round(analyses.get("wall_seconds")),
        "analyses_articles_per_s": _rate(size, analyses.get("wall_seconds")),
        "analyses_peak_rss_mb": analyses.get("peak_rss_mb"),
        "peak_rss_mb": max(build.get("peak_rss_mb") or 0, analyses.get("peak_rss_mb") or 0),
        "naive_articles_per_s": _rate(naive.get("articles"), naive.get("seconds")),
        "framing_articles_per_s": _rate(same.get("articles"), same.get("seconds")),
    }
    if row["naive_articles_per_s"] and row["framing_articles_per_s"]:
        row["speedup"] = round(row["framing_articles_per_s"] / row["naive_articles_per_s"], 2)
    if naive_distinct.get("seconds") and same_distinct.get("seconds"):
        row["speedup_distinct"] = round(naive_distinct["seconds"] / same_distinct["seconds"], 2)
    row["repeat_factor"] = _round(naive.get("sentences") / naive_distinct["sentences"]
                                  if naive.get("sentences") and naive_distinct.get("sentences") else None)
    steps = {"build": build, "analyses": analyses, "naive": naive, "same": same,
             "naive_distinct": naive_distinct, "same_distinct": same_distinct}
    errors = {k: v["error"] for k, v in steps.items() if "error" in v}
    if errors:
        row["errors"] = errors
    return row


RERUNS = 3  # one-article rebuilds timed, each from the same built folder; the median is reported


def measure_rerun(size: int, work: Path, workers: int, repeats: int = RERUNS) -> tuple[float | None, list]:
    """Wall seconds (the process with its start-up and imports, as a user runs `framing build`)
    to rebuild the `size` corpus after adding one article to it: the median of `repeats` runs, each
    on a copy of the folder as built before the article was added; and every run's seconds."""
    import statistics

    sys.path.insert(0, str(HERE))
    import corpora

    corpus, out = work / f"corpus-{size}", work / f"processed-{size}"
    built = work / f"processed-{size}-built"
    shutil.copytree(out, built)
    corpora.add_article(corpus)
    seconds = []
    for _ in range(repeats):
        shutil.rmtree(out)
        shutil.copytree(built, out)
        result = run_child("build", corpus=corpus, out=out, workers=workers)
        if result.get("n_reused") != size:  # every earlier article reused, else not the rerun meant
            return None, [result.get("error") or f"reused {result.get('n_reused')} of {size}"]
        seconds.append(_round(result.get("wall_seconds")))
    return statistics.median(seconds), seconds


def _rate(amount, seconds):
    return round(amount / seconds, 1) if amount and seconds else None


def _round(value):
    return None if value is None else round(value, 2)


def print_table(rows: list[dict]) -> None:
    columns = ["articles", "mb", "articles_per_s", "mb_per_s", "build_peak_rss_mb",
               "analyses_articles_per_s", "analyses_peak_rss_mb", "naive_articles_per_s",
               "framing_articles_per_s", "speedup", "speedup_distinct"]
    print("  ".join(f"{c:>14}" for c in columns))
    for row in rows:
        print("  ".join(f"{str(row.get(c, '')):>14}" for c in columns))
        for step, error in row.get("errors", {}).items():
            print(f"    {step} failed: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("SIZES", "100,1000,10000,100000"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    parser.add_argument("--roundups-export", metavar="FOLDER",
                        help="write all of allsides-roundups as one JSON-lines export under FOLDER, and stop")
    parser.add_argument("--child")
    parser.add_argument("--json-args")
    args = parser.parse_args()
    if args.child:
        _child(args.child, json.loads(args.json_args))
        return 0
    if args.roundups_export:
        print(write_roundups_export(Path(args.roundups_export)) / "articles.jsonl")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    try:
        rows = []
        for size in sizes:
            print(f"… {size} articles", flush=True)
            rows.append(measure_size(size, work, args.workers))
        rerun_size = max((s for s in sizes if s <= 10_000), default=None)
        report = {"workers": args.workers, "cpu_count": os.cpu_count(), "sizes": rows,
                  "naive_articles": NAIVE_ARTICLES}
        if rerun_size:
            report["incremental_rerun_s"], report["incremental_rerun_runs"] = measure_rerun(
                rerun_size, work, args.workers)
            report["incremental_rerun_articles"] = rerun_size
        print_table(rows)
        print(f"rerun after adding one article to {rerun_size}: {report.get('incremental_rerun_s')} s "
              f"(median of {report.get('incremental_rerun_runs')})")
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "scale.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
