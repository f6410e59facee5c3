"""Speed of matching: frame cues, tokens and term counts, sentence alignment.

    python benchmarks/bench_matching.py
    BASELINE=main python benchmarks/bench_matching.py   # also time frames, keywords and
                                                        # compare as they are at that revision

The text is `MATCH_ARTICLES` (default 500) articles recombined from real news paragraphs
(benchmarks/corpora.py), split into sentences, once as is and once with repeated paragraphs removed.
Each step is timed over `MATCH_PASSES` (default 3) passes, interleaved with the baseline's passes
when BASELINE is set; the table gives the medians in sentences per second, and says whether the
baseline's tables are identical to the current ones. Writes benchmarks/results/matching.json.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODULES = ("frames", "keywords", "compare")
COLUMNS = ["text", "step", "sentences", "current_sentences_per_s", "baseline_sentences_per_s", "speedup", "identical"]


def steps(frames, keywords, compare) -> dict:
    """The matching steps of one version of the modules, each a function of a sentence table."""
    return {
        **{f"frames {scheme}": (lambda table, scheme=scheme: frames.add_frames(table, scheme=scheme))
           for scheme in ("generic", "policy", "entman")},
        "tokens and counts": lambda t: keywords.count_terms(keywords.unnest_tokens(t), by="outlet"),
        "alignment": lambda t: compare.align_sentences(t),
    }


def sentence_tables(n_articles: int) -> dict[str, pd.DataFrame]:
    sys.path.insert(0, str(HERE))
    import corpora

    import framing as fr

    articles = corpora.article_table(n_articles)
    return {label: fr.split_table(corpora.paragraph_table(articles, distinct=distinct), by="article_id")
            .assign(kind="body")
            for label, distinct in (("as is", False), ("repeats removed", True))}


def measure(tables: dict, versions: dict, passes: int) -> list[dict]:
    """Median seconds of each step of each version on each table, passes interleaved, and whether
    every version's table equals the current one's."""
    rows = []
    for label, table in tables.items():
        for step in versions["current"]:
            seconds = {version: [] for version in versions}
            outputs = {}
            for _ in range(passes):
                for version, functions in versions.items():
                    started = time.perf_counter()
                    outputs[version] = functions[step](table)
                    seconds[version].append(time.perf_counter() - started)
            row = {"text": label, "step": step, "sentences": len(table),
                   "distinct_sentences": int(table["text"].nunique())}
            for version, times in seconds.items():
                row[f"{version}_sentences_per_s"] = round(len(table) / statistics.median(times))
            if len(versions) > 1:
                row["identical"] = all(_equal(outputs[v], outputs["current"]) for v in versions)
                row["speedup"] = round(statistics.median(seconds["baseline"]) / statistics.median(seconds["current"]), 1)
            rows.append(row)
            print(f"{label:<16}{step:<20}" + "".join(f"{str(row.get(c, '')):>12}" for c in COLUMNS[2:]), flush=True)
    return rows


def _equal(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    try:
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        return True
    except AssertionError:
        return False


def main() -> int:
    import framing.compare
    import framing.frames
    import framing.keywords

    n_articles = int(os.environ.get("MATCH_ARTICLES", 500))
    passes = int(os.environ.get("MATCH_PASSES", 3))
    versions = {"current": steps(framing.frames, framing.keywords, framing.compare)}
    baseline = os.environ.get("BASELINE")
    if baseline:
        sys.path.insert(0, str(HERE))
        from at_revision import module_at

        versions["baseline"] = steps(*(module_at(baseline, name) for name in MODULES))
    tables = sentence_tables(n_articles)
    print(f"{n_articles} articles; medians of {passes} passes" + (f"; baseline {baseline}" if baseline else ""))
    print(f"{'text':<16}{'step':<20}" + "".join(f"{c.replace('_sentences_per_s', ' /s'):>12}" for c in COLUMNS[2:]))
    rows = measure(tables, versions, passes)
    out = HERE / "results"
    out.mkdir(parents=True, exist_ok=True)
    report = {"articles": n_articles, "passes": passes, "baseline": baseline, "rows": rows}
    (out / "matching.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
