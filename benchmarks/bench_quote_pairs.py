"""Do notebook 07's pair tests of quoting measure quoting, or the length of the articles?

Run from the project root: `.venv/bin/python benchmarks/bench_quote_pairs.py`. `REPS` (default 400)
sets the corpora per rate. Prints the rates and writes benchmarks/results/quote_pairs.json.

Two outlets, one article each per event. Every article draws its own quoting rate from one Beta
distribution (mean 0.3, the same for both outlets unless `shift` is asked), each sentence holds a
quote with that rate, and a sentence that holds one holds 1 + Poisson(0.3) quotes (a quotation cut
around "he said", a quoted phrase). Lengths: both outlets 8-30 sentences, or outlet A's articles
20-60 sentences (full articles of a wire service against short write-ups). For each corpus the
Wilcoxon signed-rank test over events of `events.paired_difference`, as `compare_within_events` runs
it, on the count of quotes (the measure before) and on the share of sentences holding a quote
(`quote_share`, the measure now). Outlets that quote alike should be told apart in 5% of corpora.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from framing.events import paired_difference

REPS = int(os.environ.get("REPS", 400))
RATE, CONCENTRATION, EXTRA = 0.3, 10.0, 0.3


def article(rng: np.random.Generator, lengths: tuple[int, int], shift: float) -> tuple[int, float]:
    """One article's quote count and share of sentences holding a quote."""
    n = int(rng.integers(lengths[0], lengths[1] + 1))
    mean = RATE + shift
    rate = rng.beta(mean * CONCENTRATION, (1 - mean) * CONCENTRATION)
    holding = rng.random(n) < rate
    count = int(holding.sum() + rng.poisson(EXTRA, size=int(holding.sum())).sum())
    return count, holding.mean()


def rejection_rates(events: int, long_a: bool, shift: float = 0.0, alpha: float = 0.05,
                    seed: int = 0) -> dict:
    """How often the paired test over `events` rejects at `alpha`, on counts and on shares."""
    rng = np.random.default_rng(seed)
    rejected = {"count": 0, "share": 0}
    for _ in range(REPS):
        a = [article(rng, (20, 60) if long_a else (8, 30), shift) for _ in range(events)]
        b = [article(rng, (8, 30), 0.0) for _ in range(events)]
        for name, column in (("count", 0), ("share", 1)):
            p = paired_difference(np.array([x[column] for x in a], dtype=float),
                                  np.array([x[column] for x in b], dtype=float))["p_wilcoxon"]
            rejected[name] += bool(p < alpha)
    return {name: count / REPS for name, count in rejected.items()}


def main() -> None:
    rows = []
    print(f"Wilcoxon over events rejects at 0.05 ({REPS} corpora each; ± Monte Carlo standard error)")
    print("design                                   | events | quotes counted | share of sentences")
    for label, long_a, shift in (("alike, same lengths", False, 0.0), ("alike, A's articles 2-3x longer", True, 0.0),
                                 ("A quotes +0.1 of sentences, same lengths", False, 0.1)):
        for events in (20, 50, 100):
            rates = rejection_rates(events, long_a, shift, seed=events)
            se = {k: (v * (1 - v) / REPS) ** 0.5 for k, v in rates.items()}
            print(f"{label:<40} | {events:>6} | {rates['count']:.3f} ± {se['count']:.3f}  | "
                  f"{rates['share']:.3f} ± {se['share']:.3f}")
            rows.append({"design": label, "events": events, **{f"rejects_{k}": v for k, v in rates.items()}})
    out = Path("benchmarks/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "quote_pairs.json").write_text(json.dumps({"reps": REPS, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
