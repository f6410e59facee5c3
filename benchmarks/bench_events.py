"""Benchmark: the paired comparison of outlets over events (`framing.events.compare_within_events`),
checked by simulation.

Run from the project root: `.venv/bin/python benchmarks/bench_events.py` (`make bench` runs it).
Prints the rates and writes `benchmarks/results/events.json`.

Simulated corpora: E events, three outlets each covering every event with 1–3 articles. An article's
value is the event's own level (events differ a lot: sd 0.25) + the outlet's shift + the article's
noise (sd 0.2, heavy-tailed: Student t with 4 degrees of freedom, scaled). Two measures, as the
real ones are built:

- `sentiment`: the mean of the article's 5–30 sentence scores, each clipped to [−1, 1];
- `conflict`: the share of the article's 5–30 sentences with cues, drawn from a binomial whose
  probability moves with the same levels (ties between outlets are common).

1. No outlet differs (shift 0): the share of repetitions with p < 0.05 for the pair (A, B), for the
   Wilcoxon signed-rank and the sign test, should be near 5 %; the share where any of the table's
   adjusted p-values (Benjamini–Hochberg over 3 pairs × 2 measures) is below 0.05 should be at most
   about 5 % (all hypotheses true, BH then controls the family-wise rate). Each rate is printed with
   its Monte Carlo standard error, sqrt(p(1 − p)/R) over R repetitions.
2. Outlet A more negative by 0.05 (a quarter of the article noise) and more often conflict-framed
   (+0.04 in probability): power for the pair (A, B) at 5, 10, 20, 50 and 100 events.

`.venv/bin/python benchmarks/bench_events.py --main-actors data/processed/<corpus>` instead prints,
for a built corpus, how many events have a main actor (`events.main_actors`), the most frequent
ones, how many articles get `main_actor_sentiment` and how many events have it for every outlet.

`.venv/bin/python benchmarks/bench_events.py --same-facts data/processed/<corpus>` prints how many
events get at least one row of "The same fact in each outlet's words" (`compare.same_fact_rows`),
the rows by number of outlets, whether the rows agree with `shared_facts` and with the mutual
pairs at the threshold, and then `SAME_FACT_DRAW` (25) rows drawn at random (seed `SAME_FACT_SEED`,
5) with each outlet's sentence, to be read by hand.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd

from scipy.stats import binomtest

from framing.events import compare_within_events

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "events.json"
REPETITIONS = int(os.environ.get("EVENT_REPETITIONS", "200"))
OUTLETS = ("A", "B", "C")


def simulate(n_events: int, *, shift: float, conflict_shift: float, rng: np.random.Generator) -> pd.DataFrame:
    """Per-article values of a simulated corpus (columns `event`, `outlet`, `sentiment`, `conflict`)."""
    rows = []
    for event in range(n_events):
        level = rng.normal(0.0, 0.25)
        conflict_level = rng.uniform(0.05, 0.5)
        for outlet in OUTLETS:
            moved = outlet == "A"
            for _ in range(rng.integers(1, 4)):
                noise = 0.2 * rng.standard_t(4) / np.sqrt(2)
                n_sentences = int(rng.integers(5, 31))
                centre = level + noise - (shift if moved else 0.0)
                sentences = np.clip(rng.normal(centre, 0.35, n_sentences), -1, 1)
                p = float(np.clip(conflict_level + (conflict_shift if moved else 0.0) + rng.normal(0, 0.05), 0, 1))
                rows.append({"event": f"e{event}", "outlet": outlet, "sentiment": sentences.mean(),
                             "conflict": rng.binomial(n_sentences, p) / n_sentences})
    return pd.DataFrame(rows)


def rates(n_events: int, *, shift: float, conflict_shift: float, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    hits = {m: {"wilcoxon": 0, "sign": 0} for m in ("sentiment", "conflict")}
    any_adjusted = 0
    for _ in range(REPETITIONS):
        pairs = compare_within_events(simulate(n_events, shift=shift, conflict_shift=conflict_shift, rng=rng),
                                      measures=["sentiment", "conflict"])
        ab = pairs[(pairs["outlet_a"] == "A") & (pairs["outlet_b"] == "B")].set_index("measure")
        for measure in hits:
            row = ab.loc[measure]
            # a rejection in the direction simulated (A more negative / more conflict) or, under the
            # null, in either direction
            hits[measure]["wilcoxon"] += bool(row["p_wilcoxon"] < 0.05)
            # the table shows the sign test adjusted across its rows only; this rate is the one test's
            untied = row["n_a_more"] + row["n_b_more"]
            hits[measure]["sign"] += bool(pd.notna(row["p_wilcoxon"]) and untied
                                          and binomtest(row["n_a_more"], untied).pvalue < 0.05)
        any_adjusted += bool((pairs["p_adjusted"] < 0.05).any())
    return {"events": n_events,
            **{f"{m}_{t}": hits[m][t] / REPETITIONS for m in hits for t in hits[m]},
            "any_adjusted": any_adjusted / REPETITIONS}


def main() -> None:
    started = time.perf_counter()
    print(f"paired comparison over events: {REPETITIONS} repetitions per row, 3 outlets, 1-3 articles "
          "per outlet and event; rate of p < 0.05 for the pair (A, B)")
    print(f"{'events':>6}  " + "  ".join(f"{h:>14}" for h in ("sentiment W", "sentiment sign", "conflict W",
                                                                "conflict sign", "any adjusted")))
    null = [rates(n, shift=0.0, conflict_shift=0.0, seed=n) for n in (10, 30, 100)]
    print("no outlet differs (false-positive rate, target about 0.05):")
    for r in null:
        _print(r)
    power = [rates(n, shift=0.05, conflict_shift=0.04, seed=1000 + n) for n in (5, 10, 20, 50, 100)]
    print("outlet A more negative by 0.05 and more often conflict-framed by 0.04 (power):")
    for r in power:
        _print(r)
    seconds = time.perf_counter() - started
    print(f"({seconds:.0f} s)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"repetitions": REPETITIONS, "null": null, "power": power,
                                   "seconds": round(seconds, 1)}, indent=2) + "\n", encoding="utf-8")


def _print(r: dict) -> None:
    """A row of rates, each with its Monte Carlo standard error over the repetitions, sqrt(p(1 − p)/R)."""
    cells = [f"{r[k]:.3f} ± {np.sqrt(r[k] * (1 - r[k]) / REPETITIONS):.3f}"
             for k in ("sentiment_wilcoxon", "sentiment_sign", "conflict_wilcoxon", "conflict_sign", "any_adjusted")]
    print(f"{r['events']:>6}  " + "  ".join(f"{c:>14}" for c in cells))


def main_actor_counts(corpus: str) -> None:
    """Part of docs/events.md: the main-actor measure's coverage on a built corpus."""
    from framing.events import score_articles
    from framing.store import load_sentences

    scores = score_articles(load_sentences(corpus))
    per_event = scores.drop_duplicates("event")["main_actor"]
    complete = scores.groupby("event").agg(n=("article_id", "size"), named=("main_actor_sentiment", "count"))
    print(f"{scores['event'].nunique()} events, {len(scores)} articles: {per_event.notna().sum()} events with a main "
          f"actor, {scores['main_actor_sentiment'].notna().sum()} articles with main_actor_sentiment, "
          f"{(complete['named'] == complete['n']).sum()} events with it for every article")
    print("most frequent main actors:", ", ".join(f"{a} ({n})" for a, n in per_event.value_counts().head(5).items()))


def same_fact_counts(corpus: str, *, draw: int = int(os.environ.get("SAME_FACT_DRAW", "25")),
                     seed: int = int(os.environ.get("SAME_FACT_SEED", "5"))) -> None:
    """Part of docs/events.md: the side-by-side rows of a built corpus, their agreement with "What
    every outlet reports" and with the pairs, and `draw` rows at random to read."""
    from framing.compare import align_sentences, same_fact_rows, shared_facts
    from framing.config import CONTENT_KINDS
    from framing.store import load_sentences

    sentences = load_sentences(corpus)
    sentences = sentences[sentences["kind"].isin(CONTENT_KINDS)]
    pairs = align_sentences(sentences)
    rows = same_fact_rows(pairs)
    outlets = sentences.groupby("event")["outlet"].nunique()
    facts = rows.drop_duplicates(["event", "row"])
    print(f"{sentences['event'].nunique()} events ({(outlets > 1).sum()} with two outlets or more): "
          f"{facts['event'].nunique()} with at least one row; {len(facts)} rows, by outlets in the row: "
          + ", ".join(f"{n}: {k}" for n, k in facts["n_outlets"].value_counts().sort_index().items())
          + f"; most rows in one event {facts.groupby('event').size().max() if len(facts) else 0}")
    full = rows[(rows["n_outlets"] == rows["event"].map(outlets)) & rows["matches_all"]]
    shared = shared_facts(pairs, sentences)
    print("sentences of full rows matching all the others == shared_facts:",
          set(zip(full["article_id"], full["sentence_id"])) == set(zip(shared["article_id"], shared["sentence_id"])),
          f"({len(shared)} sentences)")
    once = pairs[pairs["confirmed"] & (pairs["outlet_a"] < pairs["outlet_b"])]
    where = rows.groupby(["article_id", "sentence_id"])[["event", "row"]].apply(
        lambda part: set(zip(part["event"], part["row"])))
    together = [bool(where[(a, i)] & where[(b, j)]) for a, i, b, j
                in once[["article_id_a", "sentence_id_a", "article_id_b", "sentence_id_b"]].itertuples(index=False)]
    print(f"mutual pairs at the threshold (notebook 06's, each once) in one row: {sum(together)} of {len(once)}")
    picked = facts.sample(min(draw, len(facts)), random_state=seed)
    for number, fact in enumerate(picked.itertuples(index=False), 1):
        part = rows[(rows["event"] == fact.event) & (rows["row"] == fact.row)]
        print(f"\n[{number}] {fact.event} row {fact.row}: {fact.n_outlets} outlets, mean cosine {fact.similarity:.2f}")
        for sentence in part.itertuples(index=False):
            mark = "*" if sentence.anchor else f"{sentence.similarity_to_anchor:.2f}"
            print(f"  {mark:>4} {sentence.outlet}: {sentence.text}")


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--main-actors"]:
        main_actor_counts(sys.argv[2])
    elif sys.argv[1:2] == ["--same-facts"]:
        same_fact_counts(sys.argv[2])
    else:
        main()
