"""Does notebook 02's test of headline against body keep its level, and its interval its coverage?

Run from the project root: `.venv/bin/python benchmarks/bench_headline_frames.py`. `REPS` (default
200) sets the corpora per number of events. Prints the rates and writes
benchmarks/results/headline_frames.json. Needs nothing but the package.

Each corpus is a number of events (20, 50, 100) covered by three outlets with one article each, the
layout of a lean-labelled AllSides corpus (sides-100). An article has a headline of one sentence (a
third of them a subtitle too: two) and a body of 2-10 sentences. Five frames with the mean
per-article rates of allsides-100 (`FRAME_RATES`); an article's rate of a frame is
logit⁻¹(logit(rate) + event effect + article effect) (both sd `EVENT_SD`, `ARTICLE_SD`), so the
articles of one event resemble each other; each body sentence carries the frame with the article's
rate, each headline sentence with `HEADLINE_LIFT` times it (headlines concentrate a story's frame),
capped at 1. Every outlet draws from the same model unless asked: then the first outlet's headlines
carry the frame with `SHIFTED_LIFT` times the rate (power).

For each corpus `compare.summarise_headline_frames` runs as notebook 02 runs it (t interval over each
outlet's articles of their gap, headline share − body share; permutation of outlet labels over
articles within events; Holm across the five frames; 999 shuffles here, 1,999 in the report).
Printed: how often one frame's test (conflict) gives p < 0.05 and how often any of the five
Holm-adjusted p-values is below 0.05 when the outlets are alike (both should be near 5%, at most),
how often an outlet's interval covers its true mean gap (E[headline share − body share] of an
article, from `TRUTH_ARTICLES` articles of the same model), by frame: the t interval over all its
articles (before) and framing's (none where fewer than `compare.MIN_DIFFERING` articles have a gap
other than 0), with how many intervals each draws; and the power against an outlet whose headlines
lift the conflict frame more. ± is the Monte Carlo standard error (over intervals: several a corpus).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing.compare import MIN_DIFFERING, summarise_headline_frames  # noqa: E402
from framing.stats import mean_interval  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
REPS = int(os.environ.get("REPS", 200))
EVENT_COUNTS = (20, 50, 100)
OUTLETS = 3
FRAME_RATES = {"conflict": 0.20, "economic": 0.17, "human_interest": 0.08, "morality": 0.01, "responsibility": 0.10}
EVENT_SD, ARTICLE_SD = 0.8, 0.8
HEADLINE_LIFT, SHIFTED_LIFT = 1.5, 2.5
BODY = (2, 10)  # body sentences of an article, uniform
SUBTITLE = 1 / 3  # articles whose headline part has a subtitle too
TRUTH_ARTICLES = 400_000
PERMUTATIONS = 999


def _rates(base: float, shifts: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(np.log(base / (1 - base)) + shifts)))


def simulate(events: int, rng: np.random.Generator, *, shifted: bool = False) -> pd.DataFrame:
    """One corpus as `headline_frame_gaps` gives it: per article and frame, `headline`, `body`, `gap`."""
    n = events * OUTLETS
    event = np.repeat(np.arange(events), OUTLETS)
    outlet = np.tile(np.arange(OUTLETS), events)
    n_head = 1 + (rng.random(n) < SUBTITLE)
    n_body = rng.integers(BODY[0], BODY[1] + 1, n)
    pieces = []
    for frame, base in FRAME_RATES.items():
        rate = _rates(base, rng.normal(0, EVENT_SD, events)[event] + rng.normal(0, ARTICLE_SD, n))
        lift = np.where(shifted & (outlet == 0) & (frame == "conflict"), SHIFTED_LIFT, HEADLINE_LIFT)
        headline = rng.binomial(n_head, np.minimum(1.0, lift * rate)) / n_head
        body = rng.binomial(n_body, rate) / n_body
        pieces.append(pd.DataFrame({"event": event.astype(str), "outlet": [f"outlet {k}" for k in outlet],
                                    "article_id": np.arange(n), "scheme": "generic", "frame": frame,
                                    "headline": headline, "body": body, "gap": headline - body}))
    return pd.concat(pieces, ignore_index=True)


def true_gaps(seed: int = 1) -> dict:
    """E[headline share − body share] of an article, per frame: the value every outlet's interval is for
    (the mean of a share is the article's rate, for the headline capped at 1)."""
    rng = np.random.default_rng(seed)
    shifts = rng.normal(0, EVENT_SD, TRUTH_ARTICLES) + rng.normal(0, ARTICLE_SD, TRUTH_ARTICLES)
    return {frame: float(np.mean(np.minimum(1.0, HEADLINE_LIFT * _rates(base, shifts)) - _rates(base, shifts)))
            for frame, base in FRAME_RATES.items()}


def rates(events: int, truth: dict, *, seed: int) -> dict:
    """Rates over `REPS` corpora of `events` events: level of the tests, coverage, power."""
    rng = np.random.default_rng(seed)
    one, any_holm, power = 0, 0, 0
    covered = {frame: [0, 0] for frame in FRAME_RATES}  # framing's: covers, intervals drawn
    before = {frame: [0, 0] for frame in FRAME_RATES}  # the t interval over all articles
    for _ in range(REPS):
        gaps = simulate(events, rng)
        table = summarise_headline_frames(gaps, n_permutations=PERMUTATIONS, seed=int(rng.integers(2**31)))
        firsts = table.drop_duplicates("frame").set_index("frame")
        one += bool(firsts.loc["conflict", "p_value"] < 0.05)
        any_holm += bool((firsts["p_adjusted"] < 0.05).any())
        drawn = table[table["ci_low"].notna()]
        for frame, low, high in zip(drawn["frame"], drawn["ci_low"], drawn["ci_high"]):
            covered[frame][0] += bool(low <= truth[frame] <= high)
            covered[frame][1] += 1
        for (frame, _), part in gaps.groupby(["frame", "outlet"]):
            if np.ptp(part["gap"]) > 0:  # all equal: no interval before either
                low, high = mean_interval(part["gap"].to_numpy(), method="t")
                before[frame][0] += bool(low <= truth[frame] <= high)
                before[frame][1] += 1
        shifted = summarise_headline_frames(simulate(events, rng, shifted=True), n_permutations=PERMUTATIONS,
                                            seed=int(rng.integers(2**31)))
        power += bool(shifted.drop_duplicates("frame").set_index("frame").loc["conflict", "p_adjusted"] < 0.05)
    total = [sum(c[0] for c in covered.values()), sum(c[1] for c in covered.values())]
    return {"events": events, "reps": REPS, "p_below_005_conflict": one / REPS, "any_holm_below_005": any_holm / REPS,
            "coverage": total[0] / max(total[1], 1), "intervals": total[1],
            "coverage_by_frame": {f: (c[0] / c[1] if c[1] else None) for f, c in covered.items()},
            "intervals_by_frame": {f: c[1] for f, c in covered.items()},
            "coverage_by_frame_before": {f: (c[0] / c[1] if c[1] else None) for f, c in before.items()},
            "intervals_by_frame_before": {f: c[1] for f, c in before.items()},
            "power_conflict_holm": power / REPS}


def _se(p: float, n: int) -> float:
    return (p * (1 - p) / max(n, 1)) ** 0.5


def main() -> None:
    started = time.time()
    truth = true_gaps()
    print("true mean gap (headline share - body share) per frame: "
          + ", ".join(f"{frame} {value:+.4f}" for frame, value in truth.items()))
    print(f"{REPS} corpora per row, 3 outlets x one article per event; +- Monte Carlo standard error")
    rows = []
    for events in EVENT_COUNTS:
        row = rates(events, truth, seed=events)
        rows.append(row)
        n_int = row["intervals"]
        print(f"{events:>3} events | alike: conflict p < 0.05 {row['p_below_005_conflict']:.3f} +- "
              f"{_se(row['p_below_005_conflict'], REPS):.3f}; any Holm-adjusted p < 0.05 of 5 frames "
              f"{row['any_holm_below_005']:.3f} +- {_se(row['any_holm_below_005'], REPS):.3f} | t interval over "
              f"articles covers {row['coverage']:.3f} (of {n_int:,} intervals) | power, outlet 0's headlines lift conflict "
              f"{SHIFTED_LIFT}x not {HEADLINE_LIFT}x (Holm-adjusted p < 0.05) {row['power_conflict_holm']:.3f} +- "
              f"{_se(row['power_conflict_holm'], REPS):.3f}")
        for label, key in (("t over all articles (before)", "_before"), (f"framing's (>= {MIN_DIFFERING} differ)", "")):
            print(f"           covers, {label}: " + ", ".join(
                f"{frame} {value:.3f} +- {_se(value, row['intervals_by_frame' + key][frame]):.3f} "
                f"({row['intervals_by_frame' + key][frame]:,})" if value is not None else f"{frame} no interval"
                for frame, value in row["coverage_by_frame" + key].items()))
    print(f"{time.time() - started:.0f} s")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "headline_frames.json").write_text(json.dumps(
        {"reps": REPS, "truth": truth, "headline_lift": HEADLINE_LIFT, "shifted_lift": SHIFTED_LIFT,
         "min_differing": MIN_DIFFERING,
         "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
