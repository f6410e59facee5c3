"""The build's cost against the floor, before and after a change, and one large export's memory.

    python benchmarks/bench_build.py [--articles 2000 | --corpus DIR] [--repeats 5] [--before REV [--modules M,N]]
                                     [--export-mb 0] [--cli CORPUS [--cli-options=--clean]]

On a corpus of real news text (benchmarks/corpora.py: JSON-lines exports of 1,000 rows and every
hundredth article a page dump to clean; or the folder `--corpus` names, e.g. a copy of an export
whose texts do not repeat) it measures, each in a fresh process:

- floor: CPU seconds to read every file (JSON lines parsed, pages read) and split each text into
  sentences with a regex: what any tool must do, with no cleaning, metadata or checks;
- build: CPU seconds of `build_tables(corpus, workers=1)` (one process, so CPU time is comparable
  on a shared machine), and its ratio to the floor;
- duplicates: CPU seconds of the near-duplicate check alone (`Duplicates`, as the build runs it on
  each batch of articles read), and its share of the build;
- import: wall and CPU seconds of `import framing.build`.

With `--before REV` the same steps run for that git revision's `src/` too (with `--modules
build,ingest,segment`: this tree with only those modules as they were in REV), interleaved with
this tree's (before, after, before, after, ...) so both see the same machine load, and the two
builds' tables are compared (every column but `build_key`, which digests the code). Medians over
`--repeats` (0: none of these steps). With `--export-mb N`, once per tree: `build_corpus` (2
workers) on one JSON-lines export of N MB, with its wall time and peak memory (the largest of the
process and its workers).

With `--cli CORPUS` (and `--cli-options=--clean`): `framing build CORPUS` as a user runs it, 2
workers, wall and CPU seconds with its workers, trees interleaved, medians of `--cli-repeats`.

With `--breakdown` (needs `--repeats` ≥ 1): the build timed step by step (`step_breakdown`), each
step's CPU seconds and share of the build, medians over `--repeats` (with `--before`, both trees,
interleaved). With `--rerun-articles N`:
a one-article rebuild of an N-article corpus, before and after interleaved (`measure_rerun`).

Prints a table and writes benchmarks/results/build.json (with `--repeats 0`: build-export.json,
build-rerun.json when the rebuild is timed, or build-cli.json when only `framing build` is).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"


# ── steps, each run in a child process ───────────────────────────────────────────────────────────

def step_import() -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    import framing.build  # noqa: F401  (the import is what is timed)

    return {"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu}


def step_floor(corpus: str) -> dict:
    """Read every file and split its texts into sentences with a regex: the floor."""
    import re

    cpu = time.process_time()
    split = re.compile(r"(?<=[.!?])\s+")
    sentences = 0
    for path in sorted(Path(corpus).iterdir()):
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                texts = [json.loads(line)["text"] for line in handle if line.strip()]
        else:
            texts = [path.read_text(encoding="utf-8")]
        sentences += sum(len(split.split(text)) for text in texts)
    return {"cpu_s": time.process_time() - cpu, "sentences": sentences}


def step_build(corpus: str, tables: str = "") -> dict:
    from framing.build import build_tables

    cpu = time.process_time()
    build = build_tables(Path(corpus), workers=1)
    seconds = time.process_time() - cpu
    if tables:
        Path(tables).mkdir(parents=True, exist_ok=True)
        for name in ("articles", "sentences", "removed"):
            getattr(build, name).to_parquet(Path(tables) / f"{name}.parquet", index=False)
        (Path(tables) / "problems.json").write_text(json.dumps([str(p) for p in build.problems]))
    return {"cpu_s": seconds, "articles": len(build.articles), "sentences": len(build.sentences)}


def step_duplicates(corpus: str) -> dict:
    """The near-duplicate check alone, on the articles of every file, batch by batch as read."""
    import pandas  # noqa: F401  (loaded by any build before the check runs: not part of its cost)

    from framing import ingest

    def batches_of(path):  # as the build reads them (a revision before exports were streamed: whole files)
        if hasattr(ingest, "iter_file"):
            return [found for found, _ in ingest.iter_file(path, name=path.name)]
        return [ingest.read_file(path, name=path.name)[0]]

    batches = [batch for path in ingest.corpus_files(Path(corpus)) for batch in batches_of(path)]
    duplicates = ingest.Duplicates()
    cpu = time.process_time()
    for batch in batches:
        if hasattr(duplicates, "check_all"):
            duplicates.check_all(batch)
        else:
            for article in batch:
                duplicates.check(article)
    return {"cpu_s": time.process_time() - cpu, "articles": sum(map(len, batches))}


def step_breakdown(corpus: str) -> dict:
    """CPU seconds of `build_tables(corpus, workers=1)` and of each of its steps, timed by wrapping
    them: reading (JSON parsing, decoding, hashing), the near-duplicate check, site repeats (page
    dumps labelled to learn each site's menus), labelling lines (page cleaning, or the light pass
    over clean export text), sentence splitting (Punkt and the rules around it, each distinct
    paragraph once), the English share, the tables (rows made into typed DataFrames), the check for
    one article in two formats (`SameArticles`: sketching each body, comparing them), naming
    outlets across the corpus (`name_outlets`), and the rest (blocks, sentence rows, article rows,
    notes)."""
    from framing import clean, ingest, segment

    try:  # the build's modules: a package (framing/build/), or in trees before it build.py and build_article.py
        from framing.build import article, corpus as build
    except ImportError:
        from framing import build
        try:
            from framing import build_article as article
        except ImportError:
            article = build

    spent: dict[str, float] = {}

    def timed(label, function):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start
        return wrapper

    build.read_corpus = timed("reading", build.read_corpus)
    ingest.Duplicates.check_all = timed("near-duplicate check", ingest.Duplicates.check_all)
    build.site_repeats = timed("site repeats", build.site_repeats)
    article.label_article = timed("labelling lines", article.label_article)
    segment.sentence_spans = timed("sentence splitting", segment.sentence_spans)
    clean.english_share = timed("English share", clean.english_share)
    build.assemble = timed("tables", build.assemble)
    if hasattr(build, "SameArticles"):  # (trees since the check for one article in two formats)
        build.SameArticles.add = timed("same article in two formats", build.SameArticles.add)
        build.SameArticles.find = timed("same article in two formats", build.SameArticles.find)
    if hasattr(build, "name_outlets"):
        build.name_outlets = timed("naming outlets", build.name_outlets)
    cpu = time.process_time()
    build.build_tables(Path(corpus), workers=1)
    total = time.process_time() - cpu
    spent["reading"] -= spent.get("near-duplicate check", 0.0)  # (the check runs as files are read)
    spent["rest"] = total - sum(spent.values())
    return {"cpu_s": total, "steps": spent}


def step_corpus_build(corpus: str, out: str, fresh: bool = False) -> dict:
    """`build_corpus` (2 workers, as `framing build` runs) into `out`."""
    from framing.build import build_corpus

    summary = build_corpus(Path(corpus), Path(out), workers=2, fresh=fresh)
    return {"articles": len(summary.articles), "n_reused": summary.n_reused}


def step_export(corpus: str, out: str) -> dict:
    from framing.build import build_corpus

    wall = time.perf_counter()
    summary = build_corpus(Path(corpus), Path(out), workers=2)
    return {"wall_s": time.perf_counter() - wall, "articles": len(summary.articles)}


STEPS = {"import": step_import, "floor": step_floor, "build": step_build, "duplicates": step_duplicates,
         "export": step_export, "breakdown": step_breakdown, "corpus_build": step_corpus_build}


def run_child(src: Path, step: str, **kwargs) -> dict:
    """One step in a fresh Python with `src` first on the path; adds peak memory (MB). It runs in
    the folder holding `src`, as an environment may put the `src/` of the checkout a process starts
    in ahead of PYTHONPATH; the step fails unless framing was imported from `src`."""
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run([sys.executable, __file__, "--child", step, "--json-args", json.dumps(kwargs)],
                          capture_output=True, text=True, env=env, cwd=Path(src).parent, timeout=7200)
    if done.returncode != 0:
        raise RuntimeError(f"{step} failed with {src}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(step: str, kwargs: dict) -> None:
    result = STEPS[step](**kwargs)
    framing = sys.modules.get("framing")  # (after the step, which may time its import)
    src = Path(os.environ["PYTHONPATH"]).resolve()
    if framing is not None and not Path(framing.__file__).resolve().is_relative_to(src):
        raise RuntimeError(f"framing was imported from {framing.__file__}, not from {src}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_rss_mb"] = round(max(own, children) / 1024, 1)
    print(json.dumps(result))


# ── the benchmark ─────────────────────────────────────────────────────────────────────────────────

def source_of(rev: str, work: Path, *, modules: str | None = None) -> Path:
    """The `src/` folder of a git revision, written out under `work`; with `modules`, this tree's
    `src/` with only those modules of framing taken from the revision."""
    target = work / f"src-{rev.replace('/', '_')}"
    target.mkdir(parents=True)
    if modules:
        shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        for module in modules.split(","):
            _take_module(rev, module.strip(), target)
        return target / "src"
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=True,
                             timeout=120)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True, timeout=120)
    return target / "src"


def _take_module(rev: str, module: str, target: Path) -> None:
    """Framing's `module` in the tree under `target` replaced by the revision's: a module file
    (`build.py`) or a package folder (`clean/`), whichever the revision has."""
    base = target / "src" / "framing"
    (base / f"{module}.py").unlink(missing_ok=True)
    shutil.rmtree(base / module, ignore_errors=True)
    kind = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-t", f"{rev}:src/framing/{module}"],
                          capture_output=True, text=True, timeout=120).stdout.strip()
    if kind == "tree":
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, f"src/framing/{module}"],
                                 capture_output=True, check=True, timeout=120)
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True, timeout=120)
        return
    old = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:src/framing/{module}.py"], capture_output=True,
                         check=True, timeout=120)
    (base / f"{module}.py").write_bytes(old.stdout)


def same_tables(left: Path, right: Path) -> bool:
    import pandas as pd

    for name in ("articles", "sentences", "removed"):
        a = pd.read_parquet(left / f"{name}.parquet").drop(columns="build_key", errors="ignore")
        b = pd.read_parquet(right / f"{name}.parquet").drop(columns="build_key", errors="ignore")
        if not a.equals(b):
            return False
    return (left / "problems.json").read_text() == (right / "problems.json").read_text()


def measure(trees: dict[str, Path], corpus: Path, work: Path, repeats: int) -> dict:
    runs: dict[str, dict[str, list[dict]]] = {label: {} for label in trees}
    for repeat in range(repeats):
        for step in ("import", "floor", "build", "duplicates"):
            for label, src in trees.items():
                kwargs = {} if step == "import" else {"corpus": str(corpus)}
                if step == "build" and repeat == 0:
                    kwargs["tables"] = str(work / f"tables-{label}")
                runs[label].setdefault(step, []).append(run_child(src, step, **kwargs))
        print(f"  repeat {repeat + 1} of {repeats} done", flush=True)
    summary = {}
    for label, steps in runs.items():
        median = {step: statistics.median(r["cpu_s"] for r in results) for step, results in steps.items()}
        summary[label] = {
            "import_wall_s": round(statistics.median(r["wall_s"] for r in steps["import"]), 2),
            "import_cpu_s": round(median["import"], 2),
            "floor_cpu_s": round(median["floor"], 2),
            "build_cpu_s": round(median["build"], 2),
            "build_over_floor": round(median["build"] / median["floor"], 1),
            "duplicates_cpu_s": round(median["duplicates"], 2),
            "duplicates_share_of_build": round(median["duplicates"] / median["build"], 3),
            "build_ms_per_article": round(1000 * median["build"] / steps["build"][0]["articles"], 2),
            "build_peak_rss_mb": max(r["peak_rss_mb"] for r in steps["build"]),
            "articles": steps["build"][0]["articles"],
        }
    if len(trees) == 2:
        summary["identical_tables"] = same_tables(*(work / f"tables-{label}" for label in trees))
    return summary


def measure_breakdown(trees: dict[str, Path], corpus: Path, repeats: int) -> dict:
    """Each step's CPU seconds and share of the build (`step_breakdown`) for each tree, runs of the
    trees interleaved, medians over `repeats` runs."""
    runs: dict[str, list[dict]] = {label: [] for label in trees}
    for _ in range(max(1, repeats)):
        for label, src in trees.items():
            runs[label].append(run_child(src, "breakdown", corpus=str(corpus)))
    return {label: _breakdown_summary(tree_runs) for label, tree_runs in runs.items()}


def _breakdown_summary(runs: list[dict]) -> dict:
    total = statistics.median(r["cpu_s"] for r in runs)
    steps = {name: statistics.median(r["steps"][name] for r in runs) for name in runs[0]["steps"]}
    return {"build_cpu_s": round(total, 3),
            "steps_cpu_s": {name: round(value, 3) for name, value in steps.items()},
            "steps_share": {name: round(value / total, 3) for name, value in steps.items()}}


def measure_rerun(trees: dict[str, Path], work: Path, articles: int, repeats: int) -> dict:
    """Wall seconds of a one-article rebuild (`build_corpus`, 2 workers, in a fresh process with
    its start-up and imports, as `framing build` runs): each tree builds the corpus once, then, on
    a copy of that folder each time, rebuilds it with one article added; trees interleaved, median
    of `repeats`. The rebuilt tables are compared between the trees (every column but
    `build_key`) and with a build from scratch of the grown corpus."""
    sys.path.insert(0, str(HERE))
    import corpora

    corpus = corpora.write_corpus(work / "rerun-corpus", articles)
    built, kept = {}, {}
    for label, src in trees.items():
        built[label] = work / f"rerun-built-{label}"
        kept[label] = run_child(src, "corpus_build", corpus=str(corpus), out=str(built[label]))["articles"]
    corpora.add_article(corpus)
    seconds: dict[str, list[float]] = {label: [] for label in trees}
    reused: dict[str, int] = {}
    for repeat in range(repeats):
        for label, src in trees.items():
            out = work / f"rerun-{label}"
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(built[label], out)
            start = time.perf_counter()
            result = run_child(src, "corpus_build", corpus=str(corpus), out=str(out))
            seconds[label].append(round(time.perf_counter() - start, 2))
            reused.setdefault(label, result["n_reused"])
            if result["n_reused"] != kept[label]:  # every article of the first build should be
                print(f"  the rerun with {label} reused {result['n_reused']} of the {kept[label]} articles "
                      "its first build kept", flush=True)
        print(f"  rerun {repeat + 1} of {repeats} done", flush=True)
    fresh = work / "rerun-fresh"
    run_child(trees[list(trees)[-1]], "corpus_build", corpus=str(corpus), out=str(fresh), fresh=True)
    folders = [work / f"rerun-{label}" for label in trees] + [fresh]
    report = {label: {"median_wall_s": statistics.median(values), "wall_s": values,
                      "kept_by_the_first_build": kept[label], "reused_by_the_rerun": reused[label]}
              for label, values in seconds.items()}
    report["articles"] = articles
    report["identical_tables"] = all(_same_parquet(folders[0], other) for other in folders[1:])
    return report


def _same_parquet(left: Path, right: Path) -> bool:
    import pandas as pd

    return all(pd.read_parquet(left / f"{name}.parquet").drop(columns="build_key", errors="ignore").equals(
        pd.read_parquet(right / f"{name}.parquet").drop(columns="build_key", errors="ignore"))
        for name in ("articles", "sentences", "removed"))


def measure_cli(trees: dict[str, Path], work: Path, corpus: Path, repeats: int, options: list[str]) -> dict:
    """Wall and CPU seconds (its workers included) of `framing build CORPUS` as a user runs it (2
    workers, a fresh process with its start-up and imports, `options` added, e.g. --clean), into a
    new folder each time; trees interleaved, after one run each to compile and cache, medians."""
    def run(src: Path, out: Path) -> tuple[float, float]:
        shutil.rmtree(out, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "framing.cli", "build", str(corpus), "--out", str(out), "--workers",
                        "2", "--quiet", *options], env=dict(os.environ, PYTHONPATH=str(src)), cwd=Path(src).parent,
                       check=True, capture_output=True, timeout=3600)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime

    for label, src in trees.items():
        run(src, work / f"cli-{label}")
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in trees}
    for _ in range(repeats):
        for label, src in trees.items():
            runs[label].append(run(src, work / f"cli-{label}"))
    return {label: {"median_wall_s": round(statistics.median(w for w, _ in rows), 2),
                    "median_cpu_s": round(statistics.median(c for _, c in rows), 2),
                    "wall_s": [round(w, 2) for w, _ in rows], "cpu_s": [round(c, 2) for _, c in rows]}
            for label, rows in runs.items()} | {"corpus": str(corpus), "options": options}


def measure_export(trees: dict[str, Path], work: Path, megabytes: float) -> dict:
    sys.path.insert(0, str(HERE))
    import corpora

    corpus = work / "one-export"
    corpus.mkdir()
    corpora.write_export(corpus / "export.jsonl", megabytes)
    results = {}
    for label, src in trees.items():
        out = work / f"export-out-{label}"
        result = run_child(src, "export", corpus=str(corpus), out=str(out))
        results[label] = {"mb": round((corpus / "export.jsonl").stat().st_size / 2**20, 1),
                          "articles": result["articles"], "wall_s": round(result["wall_s"], 1),
                          "peak_rss_mb": result["peak_rss_mb"]}
        shutil.rmtree(out, ignore_errors=True)
        print(f"  export of {results[label]['mb']} MB ({label}): {results[label]}", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", help="measure this corpus folder (e.g. a copy of an export) instead of the "
                                         "recombined articles; results in build-<folder>.json")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--before", help="a git revision to compare with (its src/ is used)")
    parser.add_argument("--modules", help="with --before: only these modules (comma-separated, e.g. "
                                          "build,ingest,segment) as they were in REV, the rest as in this tree")
    parser.add_argument("--export-mb", type=float, default=0.0)
    parser.add_argument("--breakdown", action="store_true", help="each step's share of this tree's build")
    parser.add_argument("--rerun-articles", type=int, default=0,
                        help="also time a one-article rebuild of a corpus of this many articles")
    parser.add_argument("--rerun-repeats", type=int, default=3)
    parser.add_argument("--cli", help="also time `framing build` on this corpus folder (wall and CPU)")
    parser.add_argument("--cli-options", default="", help="with --cli: options added, e.g. --clean")
    parser.add_argument("--cli-repeats", type=int, default=5)
    parser.add_argument("--child")
    parser.add_argument("--json-args")
    args = parser.parse_args()
    if args.child:
        _child(args.child, json.loads(args.json_args))
        return 0
    sys.path.insert(0, str(HERE))
    import corpora

    work = Path(tempfile.mkdtemp(prefix="framing-bench-build-"))
    try:
        before = source_of(args.before, work, modules=args.modules) if args.before else None
        trees = {"before": before} if before else {}
        trees["after" if before else "this tree"] = ROOT / "src"
        corpus = Path(args.corpus).resolve() if args.corpus else \
            corpora.write_corpus(work / "corpus", args.articles) if args.repeats else None
        load = os.getloadavg()
        report = {"articles": args.articles, "corpus": args.corpus, "repeats": args.repeats, "before": args.before,
                  "modules": args.modules,
                  "cpu_count": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in load]}
        report["results"] = measure(trees, corpus, work, args.repeats) if args.repeats else {}
        if args.export_mb:
            report["export"] = measure_export(trees, work, args.export_mb)
        if args.breakdown:
            report["breakdown"] = measure_breakdown(trees, corpus, args.repeats)
            for label, steps in report["breakdown"].items():
                print(f"steps of the build, {label} (CPU s, share): " + ", ".join(
                    f"{name} {value} ({steps['steps_share'][name]:.0%})" for name, value in steps["steps_cpu_s"].items()))
        if args.rerun_articles:
            report["rerun"] = measure_rerun(trees, work, args.rerun_articles, args.rerun_repeats)
            print("one-article rebuild, wall s: " + ", ".join(
                f"{label} {row['median_wall_s']} (runs {row['wall_s']})" for label, row in report["rerun"].items()
                if isinstance(row, dict)) + f"; identical tables: {report['rerun']['identical_tables']}")
        if args.cli:
            options = args.cli_options.split()
            report["cli"] = measure_cli(trees, work, Path(args.cli).resolve(), args.cli_repeats, options)
            print(f"framing build {args.cli} {args.cli_options}: " + ", ".join(
                f"{label} {row['median_wall_s']} s wall, {row['median_cpu_s']} CPU s"
                for label, row in report["cli"].items() if isinstance(row, dict)))
        report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        for label, row in report["results"].items():
            if isinstance(row, dict):
                print(f"{label:>10}: " + ", ".join(f"{k} {v}" for k, v in row.items()))
        if "identical_tables" in report["results"]:
            print(f"identical tables before and after: {report['results']['identical_tables']}")
        print(f"load average (1, 5, 15 min): at start {report['load_average_at_start']}, "
              f"at end {report['load_average_at_end']}")
        RESULTS.mkdir(exist_ok=True)
        # the export alone, or the rebuild alone: each its own file
        name = f"build-{Path(args.corpus).resolve().name}.json" if args.corpus and args.repeats else \
            "build.json" if args.repeats else "build-export.json" if args.export_mb else \
            "build-rerun.json" if args.rerun_articles else "build-cli.json"
        (RESULTS / name).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
