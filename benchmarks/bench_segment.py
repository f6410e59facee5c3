"""Benchmark sentence splitting: Golden Rules pass counts and speed on real news text.

Run from the project root: `.venv/bin/python benchmarks/bench_segment.py`. Prints the numbers and
writes `benchmarks/results/segment.json`.

Pass counts compare sentence lists after white-space normalisation (runs of white space become one
space, ends stripped), for `framing.segment.split_sentences` and, as a baseline, NLTK's Punkt with
empty (untrained) parameters. Speed is bytes of UTF-8 text per second of process CPU time, best of
three cold passes (fresh tokenizer, empty memo) over every paragraph of the AEB gold bodies, the AllSides article texts and roundups,
and the Narrative Frames articles.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from framing import segment
from framing.segment import punkt_version, split_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
GOLDEN = ("english_golden_rules", "english_more_cases", "english_regression_issues")
_SPACE = re.compile(r"\s+")


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _normalise(sentences) -> list[str]:
    return [_SPACE.sub(" ", sentence).strip() for sentence in sentences]


def count_passes(split, cases: list[dict]) -> int:
    return sum(_normalise(split(case["text"])) == _normalise(case["expected_sentences"]) for case in cases)


def news_paragraphs() -> list[str]:
    """Every non-empty paragraph (line) of the real news texts in the shared data."""
    texts = [row.get("gold_article_body") or "" for row in _read_jsonl(SHARED / "aeb-dev" / "pages.jsonl")]
    texts += [row.get("text") or "" for row in _read_jsonl(SHARED / "allsides-roundups" / "articles.jsonl")]
    texts += [row.get("roundup_summary") or "" for row in _read_jsonl(SHARED / "allsides-roundups" / "events.jsonl")]
    texts += [row.get("text") or "" for row in _read_jsonl(SHARED / "narrative-frames-dev" / "articles.jsonl")]
    return [line for text in texts for line in text.split("\n") if line.strip()]


def speed(paragraphs: list[str], *, repeats: int = 3) -> dict:
    megabytes = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6
    best, n_sentences = float("inf"), 0
    for _ in range(repeats):
        # Start cold each time: a fresh tokenizer, so its memo of decided contexts is empty.
        segment._rules.cache_clear()
        split_sentences("Warm up. The tokenizer is built once.")
        start = time.process_time()
        n_sentences = sum(len(split_sentences(p)) for p in paragraphs)
        best = min(best, time.process_time() - start)
    return {"megabytes": round(megabytes, 2), "paragraphs": len(paragraphs), "sentences": n_sentences,
            "seconds": round(best, 3), "mb_per_second": round(megabytes / best, 2)}


def main() -> int:
    if not SHARED.exists():
        print(f"needs {SHARED}")
        return 1
    untrained = PunktSentenceTokenizer()
    results = {"punkt_params_version": punkt_version(), "golden_rules": {}}
    for name in GOLDEN:
        cases = _read_jsonl(SHARED / "golden-rules" / f"{name}.jsonl")
        ours = count_passes(split_sentences, cases)
        baseline = count_passes(untrained.tokenize, cases)
        results["golden_rules"][name] = {"cases": len(cases), "framing": ours, "untrained_punkt": baseline}
        print(f"{name:28s} framing {ours:3d}/{len(cases)}   untrained Punkt {baseline:3d}/{len(cases)}")
    results["speed"] = speed(news_paragraphs())
    s = results["speed"]
    print(f"speed: {s['megabytes']} MB in {s['paragraphs']} paragraphs -> {s['sentences']} sentences, "
          f"{s['seconds']} s CPU, {s['mb_per_second']} MB/s (target >= 3)")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "segment.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
