"""Cleaning quality on real pages: shingle F1 of the kept article body against the gold body, on all
pages and on halves of them (does it generalise?), and cleaning speed.

    python benchmarks/bench_clean.py
    BASELINE=main python benchmarks/bench_clean.py   # also time clean.py as it is at that git revision

Uses ../shared/data/aeb-dev/ (the English pages): both whole-page text dumps (`dump_html_text`,
`dump_inscriptis`) through `label_lines`, and the original HTML through `label_html`, compared with
trafilatura alone on the same HTML. Also the baseline of keeping the whole dump.

Halves: the pages are split in two by a fixed hash of the page id (sha256, even/odd first byte),
and by five random 50/50 splits with fixed seeds; F1 is reported on each half. Rules written for
the visible pages score higher on them than on unseen ones, so a gap between halves is the warning
sign. The leave-half-out view lists the rules and furniture patterns that label lines on pages of
one hash half only: a rule that fires on one half alone has no evidence that it generalises.

Speed: MB of page dump per second through `label_lines`, the median of repeated passes; with
BASELINE=REV the clean.py of that revision is timed in the same run, passes interleaved.
Writes benchmarks/results/clean.json.
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BODY_KINDS = ("body", "list_item", "subheading")  # what the gold article bodies hold
STYLES = ("dump_html_text", "dump_inscriptis")
SEEDS = (1, 2, 3, 4, 5)  # the random 50/50 splits
SPEED_PASSES = 5
NOISE_SPLITS = 1000  # random 50/50 splits to measure how far halves differ by chance alone


def shingle_tools():
    spec = importlib.util.spec_from_file_location("shingle_f1", SHARED / "tools" / "shingle_f1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def english_pages() -> list[dict]:
    path = SHARED / "data" / "aeb-dev" / "pages.jsonl"
    pages = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [page for page in pages if page.get("likely_english")]


def kept_body(lines) -> str:
    return "\n".join(line.text.strip() for line in lines if line.kind in BODY_KINDS)


def html_of(page: dict) -> str:
    path = SHARED / "data" / "aeb-dev" / page["html_path"]
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


# ── halves ──────────────────────────────────────────────────────────────────────────────────────

def hash_half(page_id: str) -> int:
    """0 or 1: the half of a page, fixed by the first byte of sha256(page id)."""
    return hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2


def splits(ids: list[str]) -> dict[str, tuple[set, set]]:
    """The hash split and one random 50/50 split per seed, each as (half A ids, half B ids)."""
    result = {"hash": ({i for i in ids if hash_half(i) == 0}, {i for i in ids if hash_half(i) == 1})}
    for seed in SEEDS:
        shuffled = sorted(ids)
        random.Random(seed).shuffle(shuffled)
        middle = len(shuffled) // 2
        result[f"seed {seed}"] = (set(shuffled[:middle]), set(shuffled[middle:]))
    return result


def half_scores(pairs: dict[str, tuple[str, str]], halves: dict[str, tuple[set, set]], scores) -> dict:
    """F1 on each half of each split; `pairs` maps page id to (gold, predicted)."""
    result = {}
    for name, (a, b) in halves.items():
        fa = scores([pairs[i] for i in sorted(a) if i in pairs])["f1"]
        fb = scores([pairs[i] for i in sorted(b) if i in pairs])["f1"]
        result[name] = {"a": fa, "b": fb, "gap": round(abs(fa - fb), 4)}
    return result


def chance_gaps(pairs: dict[str, tuple[str, str]], tools) -> dict[str, float]:
    """How far apart the F1 of two random halves of the same pages fall by chance alone: the median
    and 95th percentile of the gap over NOISE_SPLITS random 50/50 splits (seed 0). Per-page
    shingle counts are computed once and averaged as `scores` does."""
    counts = {i: tools.page_counts(gold, predicted) for i, (gold, predicted) in pairs.items()}

    def f1(ids):
        c = [counts[i] for i in ids]
        precision = statistics.mean(tools._prec(*x) for x in c if x[0] + x[1] > 0)
        recall = statistics.mean(tools._rec(*x) for x in c if x[0] + x[2] > 0)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    ids, generator, gaps = sorted(counts), random.Random(0), []
    for _ in range(NOISE_SPLITS):
        generator.shuffle(ids)
        gaps.append(abs(f1(ids[:len(ids) // 2]) - f1(ids[len(ids) // 2:])))
    gaps.sort()
    return {"median": round(statistics.median(gaps), 4), "p95": round(gaps[int(0.95 * len(gaps))], 4)}


def firing(pages: list[dict], labelled: dict[str, dict[str, list]]) -> dict[str, dict[str, set]]:
    """For every rule (of kept lines and of dropped ones), and every furniture pattern within a
    rule, the ids of the pages (either dump style) where it labelled a line:
    {"rule" or "rule: pattern": {page ids}}."""
    from framing.lexicons import load_data

    patterns = {rule: [re.compile(p, re.IGNORECASE) for p in spec["patterns"]]
                for rule, spec in load_data("furniture")["rules"].items()}
    fired: dict[str, set] = defaultdict(set)
    for page in pages:
        for style in STYLES:
            for line in labelled[style][page["page_id"]]:
                fired[line.rule].add(page["page_id"])
                if line.kind is not None:
                    continue
                probe = line.text.strip(" \t*:|[](){}")
                for pattern in patterns.get(line.rule, ()):
                    if pattern.search(probe):
                        fired[f"{line.rule}: {pattern.pattern}"].add(page["page_id"])
                        break
    return fired


def one_sided(fired: dict[str, set], half_a: set, half_b: set) -> list[tuple[str, int, int]]:
    """(rule or pattern, pages in half A, pages in half B) for those that fire on one half only."""
    rows = [(name, len(ids & half_a), len(ids & half_b)) for name, ids in sorted(fired.items())]
    return [row for row in rows if (row[1] == 0) != (row[2] == 0)]


# ── speed ───────────────────────────────────────────────────────────────────────────────────────

def baseline_label_lines(revision: str):
    """`label_lines` of clean.py as it is at git `revision`, loaded as a module of this package."""
    source = subprocess.run(["git", "show", f"{revision}:src/framing/clean.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True, timeout=120).stdout
    folder = Path(tempfile.mkdtemp(prefix="clean_baseline_"))
    path = folder / "clean_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("framing.clean_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    path.unlink()
    folder.rmdir()
    return module.label_lines


def forget_seen_lines() -> None:
    """Empty clean.py's memory of lines already tried against the furniture patterns, so every page
    is timed as if it were the first one seen (none of these pages shares a site with another)."""
    from framing import clean

    for band in clean._prefilters() or ():
        band.seen.clear()


def speed(texts: list[str], functions: dict) -> dict[str, float]:
    """MB/s of each labelling function: the median of SPEED_PASSES passes, passes interleaved,
    each page cleaned cold (`forget_seen_lines` before it, included in the time)."""
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 2**20
    seconds: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(SPEED_PASSES):
        for name, function in functions.items():
            started = time.perf_counter()
            for text in texts:
                forget_seen_lines()
                function(text)
            seconds[name].append(time.perf_counter() - started)
    return {name: round(megabytes / statistics.median(times), 2) for name, times in seconds.items()}


# ── main ────────────────────────────────────────────────────────────────────────────────────────

def main() -> int:
    from framing.clean import label_html, label_lines

    tools = shingle_tools()
    scores = tools.scores
    pages = english_pages()
    ids = [page["page_id"] for page in pages]
    halves = splits(ids)
    results: dict = {"pages": len(pages), "hash_halves": [len(halves["hash"][0]), len(halves["hash"][1])]}
    labelled: dict[str, dict[str, list]] = {}
    for style in STYLES:
        labelled[style] = {page["page_id"]: label_lines(page[style]) for page in pages}
        pairs = {page["page_id"]: (page["gold_article_body"], kept_body(labelled[style][page["page_id"]]))
                 for page in pages}
        if style == STYLES[0]:
            f1s = {i: scores([pair])["f1"] for i, pair in pairs.items()}
            results["lowest_pages"] = [{"page": i[:8], "half": "AB"[hash_half(i)], "f1": f1s[i]}
                                       for i in sorted(f1s, key=lambda i: (f1s[i], i))[:8]]
        results[style] = {**scores(list(pairs.values())),
                          "whole_dump": scores([(p["gold_article_body"], p[style]) for p in pages]),
                          "halves": half_scores(pairs, halves, scores), "chance_gap": chance_gaps(pairs, tools)}
    with_html = [page for page in pages if page.get("html_path")]
    if with_html:
        import trafilatura

        htmls = {page["page_id"]: html_of(page) for page in with_html}
        ours = {i: (page["gold_article_body"], kept_body(label_html(htmls[i])[0]))
                for page in with_html for i in [page["page_id"]]}
        alone = {i: (page["gold_article_body"], trafilatura.extract(htmls[i]) or "")
                 for page in with_html for i in [page["page_id"]]}
        results["html"] = {"framing": {**scores(list(ours.values())), "halves": half_scores(ours, halves, scores),
                                       "chance_gap": chance_gaps(ours, tools)},
                           "trafilatura_alone": {**scores(list(alone.values())),
                                                 "halves": half_scores(alone, halves, scores),
                                                 "chance_gap": chance_gaps(alone, tools)}}
    fired = firing(pages, labelled)
    results["rule_pages"] = {name: [len(ids & halves["hash"][0]), len(ids & halves["hash"][1])]
                             for name, ids in sorted(fired.items()) if ":" not in name}
    results["one_half_only"] = [{"rule": name, "pages_a": a, "pages_b": b}
                                for name, a, b in one_sided(fired, *halves["hash"])]
    texts = [page[style] for page in pages for style in STYLES]
    functions = {"label_lines": label_lines}
    if os.environ.get("BASELINE"):
        functions = {f"label_lines at {os.environ['BASELINE']}": baseline_label_lines(os.environ["BASELINE"]),
                     **functions}
    results["mb_per_s"] = speed(texts, functions)

    print(f"{'input':<20}{'F1':>7}{'prec':>7}{'recall':>8}{'whole dump F1':>15}")
    rows = [(style, results[style], results[style]["whole_dump"]["f1"]) for style in STYLES]
    if "html" in results:
        rows += [("html (framing)", results["html"]["framing"], None),
                 ("html (trafilatura)", results["html"]["trafilatura_alone"], None)]
    for name, r, whole in rows:
        print(f"{name:<20}{r['f1']:>7.3f}{r['precision']:>7.3f}{r['recall']:>8.3f}"
              + (f"{whole:>15.3f}" if whole is not None else ""))
    print(f"\nF1 on halves (A / B, gap): hash split {results['hash_halves'][0]}/{results['hash_halves'][1]} pages,"
          f" random splits seeds {', '.join(map(str, SEEDS))}")
    print(f"{'input':<20}" + "".join(f"{name:>22}" for name in halves) + "   chance gap: median, 95%")
    for name, r, _ in rows:
        print(f"{name:<20}" + "".join(f"{h['a']:>8.3f} /{h['b']:.3f} ({h['gap']:.3f})" for h in r["halves"].values())
              + f"{r['chance_gap']['median']:>13.3f}, {r['chance_gap']['p95']:.3f}")
    worst = max(h["gap"] for _, r, _ in rows[:3] for h in r["halves"].values())
    print(f"largest gap between halves (framing: both dumps and html): {worst:.3f}")
    print(f"the eight lowest-scoring pages ({STYLES[0]}) and their hash half: "
          + ", ".join(f"{row['page']} {row['half']} {row['f1']:.2f}" for row in results["lowest_pages"]))
    print("\npages of hash half A / B where each rule labels a line:")
    print("  " + ", ".join(f"{name} {a}/{b}" for name, (a, b) in results["rule_pages"].items()))
    print("rules and patterns that label lines on pages of one hash half only (pages in A, B):")
    for row in results["one_half_only"]:
        print(f"  {row['pages_a']:>2} {row['pages_b']:>2}  {row['rule']}")
    print("\nspeed, MB of page dump per second (median of "
          f"{SPEED_PASSES} interleaved passes over {len(texts)} dumps):")
    for name, value in results["mb_per_s"].items():
        print(f"  {name:<30}{value:>7.2f}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "clean.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
