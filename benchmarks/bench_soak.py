"""Soak test of the report: `framing report` on the seed corpus, many times over, as a user runs it.

Run from the project root: `.venv/bin/python benchmarks/bench_soak.py` (or `make soak`; it is also
part of `make bench`). `SOAK_RUNS` sets the number of runs (default 20), `SOAK_LIMIT` the seconds
past which one notebook counts as stalled even if it finished (default 300, the default cell
timeout of a small corpus). Prints one line per run and a summary, and writes
`benchmarks/results/soak.json`.

`SOAK_PAPERMILL_RUNS=N` (default 0) first runs notebook 01 N times through papermill alone (no
watchdog, a 40 s cell timeout, the seeds built once): a run with a cell that took the whole
timeout waited it out, which is how the lost-reply stall (jupyter/nbclient#312) shows there. This is the
before/after measure of the widget fix in docs/report.md.

Each run is the real command in a fresh project folder (a copy of the seed corpus under
`data/raw/`; the notebooks that come with framing), started as a separate process with a time limit
so the benchmark itself can never hang. A stall is a watchdog trip (the kernel finished a cell but
the runner never heard; the notebook is then run once more), a notebook over `SOAK_LIMIT`, or a
run that did not finish in time.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw" / "ukraine-nato-2025-02-12"
FRAMING = Path(sys.executable).with_name("framing")
RESULT = re.compile(r"^\s*\[(\d+)/(\d+)\] (ok|FAILED)\s+(\S+)\s+([\d.]+) s")
TRIP = "reply never reached"


def soak_once(workdir: Path, *, run_limit: float) -> dict:
    """One `framing report` in a fresh project folder under `workdir`: seconds, the notebooks'
    times and statuses, watchdog trips, exit code."""
    project = Path(tempfile.mkdtemp(prefix="soak-", dir=workdir))
    shutil.copytree(SEEDS, project / "data" / "raw" / SEEDS.name)
    started = time.perf_counter()
    try:
        done = subprocess.run([str(FRAMING), "report"], cwd=project, capture_output=True, text=True,
                              timeout=run_limit)
        output, code = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired as expired:
        output = (expired.stdout or b"").decode("utf-8", "replace") if isinstance(expired.stdout, bytes) \
            else (expired.stdout or "")
        code = None
    seconds = time.perf_counter() - started
    shutil.rmtree(project, ignore_errors=True)
    notebooks = [{"notebook": m.group(4), "status": m.group(3), "seconds": float(m.group(5))}
                 for m in map(RESULT.match, output.splitlines()) if m]
    return {"seconds": round(seconds, 1), "exit_code": code, "notebooks": notebooks,
            "watchdog_trips": sum(TRIP in line for line in output.splitlines()),
            "log_tail": output.splitlines()[-15:] if code != 0 else []}


def papermill_stalls(n_runs: int, workdir: Path, *, timeout: int = 40) -> dict:
    """Notebook 01 on the seeds through papermill alone, `n_runs` times: how many runs had a cell
    that took the whole cell timeout (it waited the timeout out; the cell itself takes a second or
    two), with each run's seconds and its slowest cell's."""
    import nbformat
    import papermill

    from framing import report

    processed = workdir / "processed" / SEEDS.name
    report.build_corpus_tables(SEEDS, processed, echo=lambda line: None)
    notebook = ROOT / "notebooks" / "01_corpus_and_cleaning.ipynb"
    runs = []
    for number in range(1, n_runs + 1):
        folder = Path(tempfile.mkdtemp(prefix="papermill-", dir=workdir))
        (folder / "notebooks").mkdir()
        output = folder / "notebooks" / notebook.name
        parameters = report.declared_parameters(notebook, {"corpus": str(processed), "out": "..",
                                                           "save_figures": True})
        started = time.perf_counter()
        papermill.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name="python3",
                                   cwd=str(folder / "notebooks"), progress_bar=False, log_output=False,
                                   execution_timeout=timeout, config=report._kernel_config())
        seconds = round(time.perf_counter() - started, 1)
        cells = nbformat.read(output, as_version=4).cells
        slowest = max((c.metadata.get("papermill", {}).get("duration") or 0.0 for c in cells), default=0.0)
        runs.append({"seconds": seconds, "slowest_cell": round(slowest, 1)})
        print(f"  papermill run {number:>3}: {seconds:6.1f} s, slowest cell {slowest:5.1f} s"
              + ("  STALLED (waited out the cell timeout)" if slowest >= timeout else ""), flush=True)
        shutil.rmtree(folder, ignore_errors=True)
    return {"runs": n_runs, "timeout": timeout, "stalled": sum(r["slowest_cell"] >= timeout for r in runs),
            "each": runs}


def summarise(runs: list[dict], *, limit: float) -> dict:
    """Stalls, failures and the slowest notebook over all runs."""
    over = [(i, nb) for i, run in enumerate(runs, 1) for nb in run["notebooks"] if nb["seconds"] > limit]
    all_notebooks = [(i, nb) for i, run in enumerate(runs, 1) for nb in run["notebooks"]]
    slowest = max(all_notebooks, key=lambda pair: pair[1]["seconds"], default=(None, None))
    return {
        "runs": len(runs),
        "stalls": sum(run["watchdog_trips"] for run in runs) + len(over)
                  + sum(run["exit_code"] is None for run in runs),
        "watchdog_trips": sum(run["watchdog_trips"] for run in runs),
        "notebooks_over_limit": len(over),
        "runs_timed_out": sum(run["exit_code"] is None for run in runs),
        "runs_failed": sum(run["exit_code"] not in (0, None) for run in runs),
        "slowest_notebook": None if slowest[1] is None else {**slowest[1], "run": slowest[0]},
        "median_run_seconds": round(statistics.median(run["seconds"] for run in runs), 1) if runs else None,
        "max_run_seconds": max((run["seconds"] for run in runs), default=None),
    }


def main() -> int:
    n_runs = int(os.environ.get("SOAK_RUNS", "20"))
    limit = float(os.environ.get("SOAK_LIMIT", "300"))
    run_limit = float(os.environ.get("SOAK_RUN_LIMIT", "1800"))
    print(f"soak: framing report on {SEEDS.name}, {n_runs} runs; a notebook over {limit:.0f} s counts as "
          f"a stall; each run is stopped after {run_limit:.0f} s", flush=True)
    runs, alone = [], None
    with tempfile.TemporaryDirectory(prefix="framing-soak-") as workdir:
        n_alone = int(os.environ.get("SOAK_PAPERMILL_RUNS", "0"))
        if n_alone:
            print(f"notebook 01 through papermill alone, {n_alone} runs, cell timeout 40 s:", flush=True)
            alone = papermill_stalls(n_alone, Path(workdir))
            print(f"papermill alone: {alone['stalled']} of {alone['runs']} runs stalled", flush=True)
        for number in range(1, n_runs + 1):
            run = soak_once(Path(workdir), run_limit=run_limit)
            runs.append(run)
            slow = max(run["notebooks"], key=lambda nb: nb["seconds"], default=None)
            failed = [nb["notebook"] for nb in run["notebooks"] if nb["status"] != "ok"]
            print(f"  run {number:>3}: {run['seconds']:6.1f} s, exit {run['exit_code']}, "
                  f"{len(run['notebooks'])} notebooks, watchdog trips {run['watchdog_trips']}"
                  + (f", slowest {slow['notebook']} {slow['seconds']:.1f} s" if slow else "")
                  + (f", FAILED {', '.join(failed)}" if failed else ""), flush=True)
            for line in run["log_tail"]:
                print(f"        | {line}")
    summary = summarise(runs, limit=limit)
    slowest = summary["slowest_notebook"]
    if runs:
        print(f"stalls: {summary['stalls']} of {summary['runs']} runs "
              f"(watchdog trips {summary['watchdog_trips']}, notebooks over {limit:.0f} s "
              f"{summary['notebooks_over_limit']}, runs timed out {summary['runs_timed_out']}); "
              f"runs failed: {summary['runs_failed']}")
    if slowest:
        print(f"slowest notebook: {slowest['notebook']} {slowest['seconds']:.1f} s (run {slowest['run']}); "
              f"run time median {summary['median_run_seconds']} s, max {summary['max_run_seconds']} s")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    record = {"corpus": SEEDS.name, "limit_seconds": limit, "summary": summary, "papermill_alone": alone,
              "runs": [{k: v for k, v in run.items() if k != "log_tail"} for run in runs],
              "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}
    (out / "soak.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    stalled_alone = alone["stalled"] if alone else 0
    return 0 if summary["stalls"] == 0 and summary["runs_failed"] == 0 and stalled_alone == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
