"""Wall time of `framing report`: this checkout against an earlier version, runs interleaved.

Run from the project root: `.venv/bin/python benchmarks/bench_report.py`. Each run is the real
command, `framing report`, in a fresh project folder (a copy of the corpus under `data/raw/`, the
notebooks that come with the version run), build included, started as a separate process with a
time limit. The earlier version is `BEFORE` (a git revision, default 400bb6e: the commit before the
kernel's post-cell redraw was left out and the figure writers were loaded once), whose `src/` and
`notebooks/` are taken with `git archive` and put first on `PYTHONPATH` (the kernels inherit it);
this checkout's `src/` is put there for its own runs (the project folder is a temporary one, so
the environment's installed `framing` could be another checkout's).

The two versions alternate (before, after, after, before, ...), so a change of the machine's load
hits both alike. Prints each run (wall seconds, CPU seconds of the command and every process it
started, the load average) and the medians, and writes `benchmarks/results/report_speed.json`.

- `REPEATS` (default 5): runs of each version per corpus.
- `CORPORA` (default: the seed corpus): corpus folders, separated by `:`, e.g.
  `CORPORA=data/raw/ukraine-nato-2025-02-12:data/raw/allsides-100` (allsides-100 written by
  `allsides_corpus.py`; each is copied; the
  original is only read).
- `ONLY=after` runs this checkout only; `RUN_LIMIT` (default 1800) stops a run after that many
  seconds.
"""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw" / "ukraine-nato-2025-02-12"
FRAMING = Path(sys.executable).with_name("framing")
NOTEBOOK = re.compile(r"^\s*\[(\d+)/(\d+)\] (ok|FAILED)\s+(\S+)\s+([\d.]+) s")


def earlier_version(revision: str, folder: Path) -> Path:
    """`src/` and `notebooks/` of `revision` extracted under `folder`; returns its `src/`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src", "notebooks"],
                             capture_output=True, check=True, timeout=120).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def report_once(corpus: Path, workdir: Path, *, pythonpath: Path, run_limit: float) -> dict:
    """One `framing report` in a fresh project folder: wall and CPU seconds, notebooks, exit code."""
    project = Path(tempfile.mkdtemp(prefix="report-", dir=workdir))
    shutil.copytree(corpus, project / "data" / "raw" / corpus.name)
    environment = dict(os.environ)
    environment.pop("FRAMING_HOME", None)
    environment["PYTHONPATH"] = str(pythonpath)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run([str(FRAMING), "report"], cwd=project, capture_output=True, text=True,
                              timeout=run_limit, env=environment)
        output, code = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired as expired:
        output, code = str(expired.stdout or ""), None
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(project, ignore_errors=True)
    notebooks = [{"notebook": m.group(4), "status": m.group(3), "seconds": float(m.group(5))}
                 for m in map(NOTEBOOK.match, output.splitlines()) if m]
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "exit_code": code,
            "notebooks": notebooks, "load_average": round(os.getloadavg()[0], 1),
            "log_tail": output.splitlines()[-12:] if code != 0 else []}


def median(runs: list[dict], key: str) -> float | None:
    values = [run[key] for run in runs if run["exit_code"] == 0]
    return round(statistics.median(values), 1) if values else None


def main() -> int:
    repeats = int(os.environ.get("REPEATS", "5"))
    revision = os.environ.get("BEFORE", "400bb6e")
    run_limit = float(os.environ.get("RUN_LIMIT", "1800"))
    corpora = [Path(p).resolve() for p in os.environ.get("CORPORA", str(SEEDS)).split(":") if p]
    versions = ["after"] if os.environ.get("ONLY") == "after" else ["before", "after"]
    results, ok = {}, True
    with tempfile.TemporaryDirectory(prefix="framing-bench-report-") as workdir:
        workdir = Path(workdir)
        before_src = earlier_version(revision, workdir / "before") if "before" in versions else None
        for corpus in corpora:
            runs = {version: [] for version in versions}
            print(f"framing report on {corpus.name}: {repeats} runs of each of {', '.join(versions)} "
                  f"(before = {revision}), interleaved", flush=True)
            for repeat in range(repeats):
                order = versions if repeat % 2 == 0 else versions[::-1]
                for version in order:
                    run = report_once(corpus, workdir, run_limit=run_limit,
                                      pythonpath=before_src if version == "before" else ROOT / "src")
                    runs[version].append(run)
                    failed = [nb["notebook"] for nb in run["notebooks"] if nb["status"] != "ok"]
                    print(f"  {version:<6} run {repeat + 1}: {run['seconds']:6.1f} s wall, "
                          f"{run['cpu_seconds']:6.1f} s CPU, exit {run['exit_code']}, load {run['load_average']}"
                          + (f", FAILED {', '.join(failed)}" if failed else ""), flush=True)
                    for line in run["log_tail"]:
                        print(f"        | {line}")
                    ok &= run["exit_code"] == 0
            summary = {version: {"median_seconds": median(r, "seconds"), "median_cpu_seconds": median(r, "cpu_seconds"),
                                 "runs": len(r), "failed": sum(run["exit_code"] != 0 for run in r)}
                       for version, r in runs.items()}
            for version, numbers in summary.items():
                print(f"  {corpus.name} {version}: median {numbers['median_seconds']} s wall, "
                      f"{numbers['median_cpu_seconds']} s CPU over {numbers['runs']} runs", flush=True)
            if len(versions) == 2 and summary["before"]["median_seconds"] and summary["after"]["median_seconds"]:
                print(f"  {corpus.name}: after / before = "
                      f"{summary['after']['median_seconds'] / summary['before']['median_seconds']:.2f} (wall), "
                      f"{summary['after']['median_cpu_seconds'] / summary['before']['median_cpu_seconds']:.2f} (CPU)")
            results[corpus.name] = {"summary": summary, "runs": {
                version: [{k: v for k, v in run.items() if k != "log_tail"} for run in r] for version, r in runs.items()}}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    record = {"before": revision, "repeats": repeats, "cpu_count": os.cpu_count(), "corpora": results}
    (out / "report_speed.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
