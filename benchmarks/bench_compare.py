"""Benchmark of cross-outlet alignment: threshold evidence and cost on AllSides roundups.

Run from the project root: `.venv/bin/python benchmarks/bench_compare.py`. Prints its numbers and
writes `benchmarks/results/compare.json`.

1. Threshold evidence. Every AllSides event has two or three outlets' excerpts of one story. For
   each lead sentence (headline and first body sentence) the best cross-outlet similarity within
   its own event is a proxy for a true counterpart (a lead usually reports the story's core fact;
   not always, so "recall" here is a lower bound). The null is the same lead's best similarity
   among the sentences of an unrelated event, aligned as if it were the same event (idf fitted on
   both). The threshold is the null's 99th percentile, rounded up to two decimals: a sentence finds
   a spurious counterpart in an unrelated story at most 1% of the time.
2. Cost. Time and pairs for one event, then for many events: the work is a sum over events of
   (sentences in the event)², so doubling the number of events doubles the time.
"""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

import numpy as np
import pandas as pd

from framing import compare
from framing.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides-roundups" / "articles.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "compare.json"


def read_allsides(path: Path = ALLSIDES) -> pd.DataFrame:
    """AllSides articles as a sentence table: the title as headline, then the excerpt's sentences."""
    rows = []
    for line in path.open(encoding="utf-8"):
        article = json.loads(line)
        texts = [article["title"]] + [s for p in (article["text"] or "").split("\n") if p.strip()
                                      for s in split_sentences(p)]
        rows += [{"article_id": article["article_id"], "outlet": article["outlet"],
                  "event": article["event_id"], "sentence_id": i,
                  "kind": "headline" if i == 0 else "body", "text": text}
                 for i, text in enumerate(texts)]
    return pd.DataFrame(rows)


def best_similarities(table: pd.DataFrame) -> pd.Series:
    """Best cross-outlet similarity of each lead sentence (sentence_id 0 or 1) of outlet "query"."""
    pairs = compare.align_sentences(table, threshold=0.0, within=None)
    leads = pairs[(pairs["outlet_a"] == "query") & (pairs["sentence_id_a"] <= 1)]
    best = leads.groupby(["article_id_a", "sentence_id_a"])["similarity"].max()
    queries = table[(table["outlet"] == "query") & (table["sentence_id"] <= 1)]
    index = pd.MultiIndex.from_frame(queries[["article_id", "sentence_id"]],
                                     names=["article_id_a", "sentence_id_a"])
    return best.reindex(index).fillna(0.0)


def threshold_evidence(table: pd.DataFrame, *, seed: int = 0) -> dict:
    events = sorted(table["event"].unique())
    partner = dict(zip(events, np.roll(np.random.default_rng(seed).permutation(events), 1)))
    by_event = dict(tuple(table.groupby("event")))
    true, null = [], []
    for event in events:
        own = by_event[event]
        for outlet in own["outlet"].unique():  # each outlet's leads against the other outlets
            query = own.assign(outlet=own["outlet"].where(own["outlet"] != outlet, "query"))
            if query["outlet"].nunique() > 1:
                true.append(best_similarities(query))
        other = by_event[partner[event]].assign(outlet=lambda d: "other " + d["outlet"])
        null.append(best_similarities(pd.concat([own.assign(outlet="query"), other])))
    per_event = [part.to_numpy() for part in null]  # one event's leads share the event: the unit of error
    true, null = pd.concat(true).to_numpy(), pd.concat(null).to_numpy()
    q99 = float(np.quantile(null, 0.99))
    chosen = math.ceil(q99 * 100) / 100
    shipped = float(compare.read_params()["align"]["threshold"])
    return {
        "n_lead_queries_same_event": int(len(true)), "n_lead_queries_unrelated_event": int(len(null)),
        "null_quantiles": {q: round(float(np.quantile(null, float(q))), 4) for q in ("0.5", "0.9", "0.95", "0.99")},
        "same_event_quantiles": {q: round(float(np.quantile(true, float(q))), 4) for q in ("0.1", "0.25", "0.5", "0.75")},
        "threshold_from_null_q99": chosen, "shipped_threshold": shipped,
        "false_rate_at_shipped": round(float(np.mean(null >= shipped)), 4),
        "same_event_found_at_shipped": round(float(np.mean(true >= shipped)), 4),
        "false_rate_at_shipped_se": round(clustered_se(per_event, shipped), 4),
        "by_threshold": {f"{t:.2f}": {"false_rate": round(float(np.mean(null >= t)), 4),
                                      "false_rate_se": round(clustered_se(per_event, t), 4),
                                      "same_event_found": round(float(np.mean(true >= t)), 4)}
                         for t in (0.08, 0.10, 0.12, 0.14, 0.16, 0.20, 0.25, 0.30)},
    }


def clustered_se(per_event: list, threshold: float) -> float:
    """Standard error of the share of null queries at or above `threshold`, with each event's
    leads as one cluster (they share the event and its unrelated partner): the ratio estimator's
    sqrt(Σ (hits_e − p · n_e)²) / Σ n_e over events (Cochran 1977)."""
    hits = np.array([np.sum(part >= threshold) for part in per_event], dtype=float)
    sizes = np.array([len(part) for part in per_event], dtype=float)
    rate = hits.sum() / sizes.sum()
    return float(math.sqrt(np.sum((hits - rate * sizes) ** 2)) / sizes.sum())


def timed(table: pd.DataFrame, repeats: int = 3) -> tuple[float, int]:
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        pairs = compare.align_sentences(table)
        best = min(best, time.perf_counter() - start)
    return best, len(pairs)


def cost(table: pd.DataFrame) -> list[dict]:
    events = sorted(table["event"].unique())
    rows = []
    for n in (1, 10, 50, 100, 250, len(events)):
        part = table[table["event"].isin(events[:n])]
        seconds, n_pairs = timed(part, repeats=3 if n < 250 else 1)
        sizes = part.groupby("event").size()
        rows.append({"events": n, "sentences": len(part), "pairs": n_pairs,
                     "sum_event_sizes_squared": int((sizes ** 2).sum()),
                     "corpus_size_squared": len(part) ** 2, "seconds": round(seconds, 3)})
    # the whole corpus as one event, for contrast: one (corpus size)² product, and pairs that join
    # different stories
    start = time.perf_counter()
    pooled = compare.align_sentences(table, within=None)
    seconds = time.perf_counter() - start
    event_of = table.drop_duplicates("article_id").set_index("article_id")["event"]
    crossing = pooled["article_id_a"].map(event_of) != pooled["article_id_b"].map(event_of)
    rows.append({"events": "one pooled event", "sentences": len(table), "pairs": len(pooled),
                 "pairs_across_events": int(crossing.sum()),
                 "sum_event_sizes_squared": len(table) ** 2, "corpus_size_squared": len(table) ** 2,
                 "seconds": round(seconds, 3)})
    return rows


def main() -> None:
    start = time.perf_counter()
    table = read_allsides()
    print(f"AllSides: {len(table)} sentences, {table['article_id'].nunique()} articles, "
          f"{table['event'].nunique()} events")
    evidence = threshold_evidence(table)
    print("threshold evidence (best similarity of lead sentences):")
    print(f"  unrelated event (null) quantiles: {evidence['null_quantiles']}")
    print(f"  same event quantiles:            {evidence['same_event_quantiles']}")
    print(f"  null 99th percentile rounded up: {evidence['threshold_from_null_q99']}"
          f" (shipped {evidence['shipped_threshold']}: false rate {evidence['false_rate_at_shipped']}"
          f" ± {evidence['false_rate_at_shipped_se']} (standard error, events as clusters),"
          f" same-event leads matched {evidence['same_event_found_at_shipped']})")
    for t, row in evidence["by_threshold"].items():
        print(f"  threshold {t}: false rate {row['false_rate']:.3f} ± {row['false_rate_se']:.3f}, "
              f"same-event leads matched {row['same_event_found']:.3f}")
    rows = cost(table)
    print("alignment cost:")
    for row in rows:
        print(f"  {row['events']!s:>16} events  {row['sentences']:>5} sentences  {row['pairs']:>5} pairs"
              f"  sum of event sizes² {row['sum_event_sizes_squared']:>9}  corpus² {row['corpus_size_squared']:>10}"
              f"  {row['seconds']:.3f} s"
              + (f"  ({row['pairs_across_events']} pairs join different events)" if "pairs_across_events" in row else ""))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"threshold": evidence, "cost": rows,
                                   "total_seconds": round(time.perf_counter() - start, 1)}, indent=2))
    print(f"wrote {RESULTS.relative_to(ROOT)} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
