"""The report: the runner that builds a corpus, executes every notebook with its parameters and
writes `reports/<corpus>/` (the index and one page per event).

`run_reports([raw_folder, ...])` is all the `framing report` command and `make report` call. For
each corpus it

1. builds the tables into `data/processed/<corpus>/` (`build_tables` + `save_build`, reusing
   unchanged articles of the previous build);
2. executes each notebook of `notebooks/` (every `*.ipynb`, in name order: adding a notebook is
   dropping a file there) with papermill, passing the parameters `corpus` (the processed folder),
   `out` (the report folder) and `save_figures`;
3. writes the executed notebooks, the figures and tables the notebooks saved, and `index.html`.

Everything is written into a staging folder beside `reports/<corpus>/` that replaces it only at the
end, so an interrupted run leaves the previous report intact. A failing notebook is named with its
cell and error; the other notebooks still run and the exit code says that something failed.
"""
from __future__ import annotations

import ast
import html
import json
import os
import platform
import re
import shutil
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import runner
from .config import notebooks_dir, processed_dir, reports_dir
from .store import HUMAN_INPUT, SCRATCH, counted, swap_folder  # HUMAN_INPUT: coding/, people's files in a report

NOTEBOOK_PARAMETERS = ("corpus", "out", "save_figures")  # what the runner sets in every notebook
_QUESTION = re.compile(r"^\*\*question:?\*\*:?\s*", re.I)
VERSIONED_PACKAGES = ("framing", "pandas", "numpy", "matplotlib", "nltk", "textblob", "vaderSentiment",
                      "scikit-learn", "scipy", "trafilatura", "papermill")


# ── the runner ───────────────────────────────────────────────────────────────────────────────────

@dataclass
class NotebookRun:
    """One executed notebook: where its copy is, how long it took, what it made, how it failed."""

    notebook: str  # file name, e.g. 01_corpus_and_cleaning.ipynb
    title: str
    question: str
    seconds: float = 0.0
    error: str | None = None  # "cell N: Error: message" when the notebook failed
    figures: list[dict] = field(default_factory=list)  # the JSON records save_figure wrote
    tables: list[str] = field(default_factory=list)  # CSV names under tables/

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Report:
    corpus: str
    folder: Path
    runs: list[NotebookRun]
    error: str | None = None  # why the corpus could not be reported at all
    events: pd.DataFrame = field(default_factory=pd.DataFrame)  # the event pages written
    events_error: str | None = None  # why the event pages could not be written

    @property
    def ok(self) -> bool:
        return self.error is None and self.events_error is None and all(run.ok for run in self.runs)


def run_reports(raw_folders: list[Path] | None = None, *, root: Path | None = None,
                notebooks: list[Path] | None = None, kernel: str | None = None,
                workers: int | None = None, cell_timeout: float | None = None,
                clean_exports: bool = False,
                event: str | None = None, echo=print) -> int:
    """Build and report every corpus folder given (default: every folder of `data/raw/`).
    Returns the exit code: 0 when every corpus built and every notebook ran, 1 otherwise, 2 when
    there was nothing to report. This is the whole `framing report` command."""
    from .config import corpus_folders, project_of, raw_dir

    folders = corpus_folders(raw_folders, root)
    if not folders:
        echo(f"no corpus folders in {raw_dir(root)}: put articles in data/raw/<corpus>/")
        return 2
    ok = True
    for folder in folders:
        if not folder.is_dir():
            from .store import missing_corpus

            echo(missing_corpus(folder, "report", root=root))
            ok = False
            continue
        home = root or project_of(folder)  # a corpus of another project: that project's outputs and notebooks
        report = run_report(folder, processed=processed_dir(home) / folder.name,
                            out=reports_dir(home) / folder.name,
                            notebooks=list_notebooks(notebooks_dir(home)) if notebooks is None else notebooks,
                            kernel=kernel, workers=workers, cell_timeout=cell_timeout,
                            clean_exports=clean_exports, event=event, echo=echo)
        ok &= report.ok
    return 0 if ok else 1


def run_report(raw_folder: Path, *, processed: Path | None = None, out: Path | None = None,
               notebooks: list[Path] | None = None, kernel: str | None = None,
               parameters: dict | None = None, workers: int | None = None,
               cell_timeout: float | None = None, clean_exports: bool = False, event: str | None = None,
               echo=print) -> Report:
    """Build one corpus and render its report. `processed` defaults to `data/processed/<corpus>/`,
    `out` to `reports/<corpus>/`, `notebooks` to every notebook in `notebooks/`. `parameters` are
    passed to every notebook besides `corpus`, `out`, `save_figures`, `workers` (processes for
    the build and for scoring sentences; None: one per core) and `event` (narrow every notebook and
    the event pages to that event; None: all events). `cell_timeout`: seconds a cell may
    run (None: `framing.runner.cell_timeout` for the corpus's size). `clean_exports` cleans export
    text as pages (see `framing.build.build_tables`). Besides the notebooks' figures and tables,
    writes one page per event (`events/<event>.html`), linked from `index.html`."""
    from .config import UsageError

    raw_folder = Path(raw_folder).resolve()
    corpus = raw_folder.name
    try:
        processed, out = _output_folders(raw_folder, processed, out)
    except UsageError as error:
        echo(f"{corpus}: {error}")
        return Report(corpus, Path(out or reports_dir() / corpus), [], error=str(error))
    notebooks = list_notebooks() if notebooks is None else [Path(n) for n in notebooks]
    if out.name == SCRATCH:
        echo(f"{corpus}: a corpus cannot be named {SCRATCH!r}: reports/{SCRATCH}/ holds what notebooks "
             "write when run by hand; rename the folder")
        return Report(corpus, out, [], error=f"the name {SCRATCH!r} is taken by the scratch folder")
    if not notebooks:
        echo(f"{corpus}: no notebooks to run in {notebooks_dir()}: run from the framing project "
             "folder, or copy its notebooks/ folder beside your data/")
        return Report(corpus, out, [], error="no notebooks to run")
    kernel = kernel or find_kernel()
    from .store import working_folder

    try:  # one framing command at a time on a corpus's tables, and with them its report
        with working_folder(processed):
            # the notebooks' kernel starts now and imports while the tables are built (framing.runner.KernelSession)
            with runner.KernelSession(kernel, cwd=Path.cwd(), config=_kernel_config()) as session:
                return _build_and_render(raw_folder, processed, out, notebooks=notebooks, kernel=kernel,
                                         parameters=parameters, workers=workers, cell_timeout=cell_timeout,
                                         clean_exports=clean_exports, event=event, echo=echo,
                                         session=session.start())
    except (UsageError, OSError) as error:  # the tables folder cannot be claimed, or is busy
        reason = _one_line(error, folder=processed)
        echo(f"{corpus}: not reported: {reason}")
        return Report(corpus, out, [], error=reason)


def _build_and_render(raw_folder: Path, processed: Path, out: Path, *, notebooks: list[Path], kernel: str,
                      parameters: dict | None, workers: int | None, cell_timeout: float | None,
                      clean_exports: bool, event: str | None, echo, session: runner.KernelSession) -> Report:
    """`run_report` once its folders are checked: build the tables, then run the notebooks on
    `session`'s kernel and write the report."""
    from .config import UsageError

    corpus = raw_folder.name
    started = time.perf_counter()
    echo(f"{corpus}: building tables → {processed}")
    try:
        info = build_corpus_tables(raw_folder, processed, workers=workers, clean_exports=clean_exports)
    except Exception as error:  # a corpus that cannot be built is reported, the others still run
        reason = _one_line(error, folder=processed)
        echo(f"{corpus}: build failed: {reason}")
        return Report(corpus, out, [], error=f"build failed: {reason}")
    from .build import counts_line

    echo(f"{corpus}: {counts_line(info)} ({time.perf_counter() - started:.1f} s)")
    info = {**info, "notes": _design_notes(processed, corpus)}
    for note in info["notes"]:
        echo(f"{corpus}: note: {note}")
    problem = check_event(processed, event)
    if problem:
        echo(f"{corpus}: {problem}")
        return Report(corpus, out, [], error=problem)
    try:
        report = _render(notebooks, raw_folder, processed, out, info=info, kernel=kernel,
                         parameters=parameters, workers=workers, cell_timeout=cell_timeout,
                         event=event, echo=echo, session=session)
    except (UsageError, OSError) as error:  # the report folder cannot be written: one line
        reason = _one_line(error, folder=out)
        echo(f"{corpus}: report not written: {reason}")
        return Report(corpus, out, [], error=f"report not written: {reason}")
    failed = [run.notebook for run in report.runs if not run.ok] + (["event pages"] if report.events_error else [])
    main_view = (f" (the event's page: {out / report.events['file'].iloc[0]})"
                 if len(report.events) == 1 else "")
    echo(f"{corpus}: report → {out / 'index.html'}{main_view} ({time.perf_counter() - started:.1f} s)"
         + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return report


def _output_folders(raw_folder: Path, processed: Path | None, out: Path | None) -> tuple[Path, Path]:
    """The tables folder and the report folder of a corpus, resolved and checked: neither inside
    the corpus nor holding it (or the project, or data/raw), and the report folder new, empty or
    framing's own. UsageError otherwise, before anything is written."""
    from .config import check_output
    from .store import check_claimable

    corpus = raw_folder.name
    processed = check_output(processed or processed_dir() / corpus, corpus=raw_folder)
    out = check_output(out or reports_dir() / corpus, corpus=raw_folder)
    check_claimable(processed)
    check_claimable(out)
    return processed, out


def _one_line(error: BaseException, *, folder: Path) -> str:
    """An error as one line: the message of framing's own refusals and of failed writes, else the
    error's type and message."""
    from .config import UsageError
    from .store import describe_write_error

    if isinstance(error, UsageError):
        return str(error)
    if isinstance(error, OSError):
        return describe_write_error(error, folder=folder,
                                    elsewhere="run framing in a project folder you can write to")
    return " ".join(f"{type(error).__name__}: {error}".split())


def _render(notebooks: list[Path], raw_folder: Path, processed: Path, out: Path, *, info: dict,
            kernel: str, parameters: dict | None, workers: int | None,
            cell_timeout: float | None, event: str | None, echo, session: runner.KernelSession) -> Report:
    """Run the notebooks on `session`'s kernel and write the event pages (narrowed to `event` when
    given) into a staging folder beside `out`, write the index, and swap the folder in for `out`
    at the end."""
    from .store import keep_user_files, kept_line, make_temp_dir, mark_folder, remove_leftovers, write_manifest

    corpus = raw_folder.name
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out.parent, out.name)  # of a run killed outright: this one holds the corpus's lock
    staging = mark_folder(make_temp_dir(out.parent, prefix=f".{out.name}."))
    pages = None  # the event pages, written in a process of their own while the notebooks run
    try:
        (staging / "notebooks").mkdir()
        values = {**(parameters or {}), "corpus": str(processed), "out": "..", "save_figures": True,
                  "workers": workers or os.cpu_count() or 1, "event": event}
        timeout = runner.cell_timeout(info.get("sentences", 0), seconds=cell_timeout)
        echo(f"{corpus}: running {counted(len(notebooks), 'notebooks')}; a cell may run {timeout} s "
             f"(--cell-timeout or {runner.CELL_TIMEOUT_ENV} to change)")
        keep_human_input(out, staging)  # first, so new coding sheets get names of their own
        pages = EventPagesJob(processed, staging, corpus=corpus, event=event, workers=workers)
        runs = []
        for number, notebook in enumerate(notebooks, 1):  # on one kernel, cleaned before each notebook
            echo(f"  [{number}/{len(notebooks)}] running {Path(notebook).name}")
            run = run_notebook(notebook, staging=staging, parameters=values, kernel=kernel,
                               timeout=timeout, echo=echo, session=session)
            runs.append(run)
            status = "ok    " if run.ok else "FAILED"
            echo(f"  [{number}/{len(notebooks)}] {status} {run.notebook:<34} {run.seconds:6.1f} s  "
                 f"{counted(len(run.figures), 'figures')}, {counted(len(run.tables), 'tables')}"
                 + ("" if run.ok else f"\n      {run.error}"))
        session.close(now=True)  # its figures are written; the event pages need no kernel
        report = Report(corpus, out, runs)
        report.events, report.events_error = pages.wait(timeout=timeout, echo=echo)
        echo(f"  event pages: {counted(len(report.events), 'events')}"
             + (f"; FAILED: {report.events_error}" if report.events_error else ""))
        write_index(report, staging, build_info=info, kernel=kernel)
        keep_human_input(out, staging)  # again: a sheet a coder saved during the run wins
        write_manifest(staging)  # what this run wrote: the next run replaces, and `clean` removes, only that
        yours = keep_user_files(out, staging) if out.is_dir() else []
        swap_folder(staging, out)
    finally:
        if pages is not None:
            pages.stop()
        shutil.rmtree(staging, ignore_errors=True)
    if yours:
        echo(f"{corpus}: {kept_line(out, yours)}")
    return report


def design_notes(articles: pd.DataFrame, corpus: str) -> list[str]:
    """What a reader must know before trusting any comparison in the report, read from the
    articles table (`outlet`, `event`, `source_file`): one outlet only (nothing is compared), and
    articles without an event in a corpus whose other articles name theirs (they are taken together
    as one event named after the corpus, and compared as if they covered one story)."""
    notes = []
    outlets = articles["outlet"].dropna().unique()
    if len(outlets) == 1:
        notes.append(f"one outlet only ({outlets[0]}): framing compares outlets covering the same event, "
                     "so nothing here is a comparison; add other outlets' articles on the same event")
    if "event" in articles and articles["event"].nunique() > 1:
        unnamed = articles[articles["event"] == corpus]
        if len(unnamed):
            files = sorted(unnamed["source_file"].astype(str).unique())
            shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            fix = ("manifest.csv (columns file, event) or the export's event column")
            if len(unnamed) == 1:
                notes.append(f"1 article names no event ({shown}) and is taken as an event of its own, "
                             f"{corpus!r}: give it its event in {fix}")
            else:
                notes.append(f"{counted(len(unnamed), 'articles')} name no event ({shown}) and are taken "
                             f"together as one event, {corpus!r}, compared as if they covered one story: "
                             f"give each its event in {fix}")
    return notes


def _design_notes(processed: Path, corpus: str) -> list[str]:
    from .store import load_articles

    try:
        return design_notes(load_articles(processed), corpus)
    except FileNotFoundError:  # no tables (the build is reported on its own)
        return []


def check_event(processed: Path, event: str | None) -> str | None:
    """None when `event` is None or one of the corpus's events; else the one-line message naming
    the events there are."""
    if event is None:
        return None
    from .events import list_events, unknown_event_message
    from .store import load_articles

    known = sorted(list_events(load_articles(processed))["event"].astype(str))
    return None if str(event) in known else unknown_event_message(event, known)


EVENT_PAGE_COLUMNS = ["event", "file", "n_outlets", "n_articles", "headline"]


def write_event_pages(processed: Path, folder: Path, *, corpus: str, event: str | None = None,
                      workers: int | None = None, progress=None) -> tuple[pd.DataFrame, str | None]:
    """One page per event of the built corpus (or only `event`) under `<folder>/events/`. Returns
    the pages (`framing.events.save_event_pages`) and the error that stopped them, if any.
    `progress(done, total)` is called after each page."""
    from .events import save_event_pages, summarise_events
    from .store import load_articles, load_sentences

    try:
        articles = load_articles(processed)
    except FileNotFoundError:  # nothing was built (the build is reported on its own)
        return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), None
    try:
        summaries = summarise_events(load_sentences(processed), articles=articles,
                                     events=None if event is None else [event], workers=workers)
        return save_event_pages(summaries, folder, corpus=corpus, progress=progress), None
    except Exception as error:  # the notebooks' report is still written; the failure is named
        return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), f"{type(error).__name__}: {error}"


class EventPagesJob:
    """The event pages written in a process of their own while the notebooks run.

    They need only the built tables, and the notebooks' kernel is one process that mostly keeps one
    core busy, so the pages (an analysis of every event and one chart per event: about a minute for
    100 events) are drawn beside it instead of after the last notebook. The process is a new Python
    (`python -c`, so neither the runner's threads and kernel sockets, as a fork would, nor the
    user's script, as multiprocessing's `spawn` would, are carried into it), draws with matplotlib's
    Agg backend and runs the same `write_event_pages` as before, so the pages are the same bytes.
    It reports each page on its standard output and ends with the pages' table; `wait` gives that
    table, `stop` ends the process (an interrupted report)."""

    def __init__(self, processed: Path, folder: Path, *, corpus: str, event: str | None = None,
                 workers: int | None = None):
        import subprocess
        import sys
        import threading

        self.done = self.total = 0
        self.result: tuple[pd.DataFrame, str | None] | None = None
        self.finished = threading.Event()
        arguments = json.dumps([str(processed), str(folder), corpus, event, workers]).encode("utf-8")
        environment = dict(os.environ)  # this framing first, wherever it was imported from
        here = str(Path(__file__).resolve().parents[1])
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [here, environment.get("PYTHONPATH")]))
        # its own session: Ctrl-C reaches the report, which stops this process
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from framing.report import _event_pages_main; _event_pages_main()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True, env=environment)
        self.process.stdin.write(arguments + b"\n")
        self.process.stdin.close()
        self._reader = threading.Thread(target=self._read, name="event pages", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for line in self.process.stdout:
                kind, _, value = line.decode("ascii", errors="replace").strip().partition(" ")
                if kind == "page":
                    self.done, self.total = (int(n) for n in value.split("/"))
                elif kind == "result":
                    answer = json.loads(value)
                    self.result = pd.DataFrame(answer["pages"], columns=EVENT_PAGE_COLUMNS), answer["error"]
        except (OSError, ValueError, KeyError, TypeError):  # stopped, or a line not of ours
            pass
        finally:
            self.finished.set()

    def progress(self) -> str:
        """"120 of 505 written", or "analysing the events" before the first page."""
        return f"{self.done:,} of {self.total:,} written" if self.total else "analysing the events"

    def wait(self, *, timeout: float, echo=None,
             heartbeat: float = runner.HEARTBEAT_SECONDS) -> tuple[pd.DataFrame, str | None]:
        """The pages and the error that stopped them (as `write_event_pages`), once the process has
        written them; a line to `echo` every `heartbeat` seconds while it has not. After `timeout`
        seconds the process is stopped and the error says so."""
        started = last = time.monotonic()
        if echo is not None and not self.finished.is_set():
            echo(f"  event pages: {self.progress()}; waiting for the rest")
        while not self.finished.wait(0.5):
            now = time.monotonic()
            if now - started > timeout:
                self.stop()
                return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), \
                    f"still being written {timeout:.0f} s after the last notebook ({self.progress()}): stopped"
            if echo is not None and now - last >= heartbeat:
                echo(f"  event pages: {self.progress()}")
                last = now
        code = self.process.wait(timeout=30)
        if self.result is None:  # the process ended without its table (killed, out of memory)
            return pd.DataFrame(columns=EVENT_PAGE_COLUMNS), \
                f"the process writing them ended with code {code} before it was done"
        return self.result

    def stop(self) -> None:
        """End the process (nothing is waited for: its pages go with the staging folder)."""
        import subprocess

        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        self.process.stdout.close()


def _event_pages_main() -> None:
    """`EventPagesJob`'s process: read its arguments from standard input, write the pages, print
    `page N/M` after each and `result <table and error>` at the end. It stops when the report that
    started it is gone."""
    import sys

    import matplotlib

    matplotlib.use("Agg")  # files only: never a window, whatever backend matplotlib would choose
    processed, folder, corpus, event, workers = json.loads(sys.stdin.readline())
    out, parent = sys.stdout.buffer, os.getppid()
    sys.stdout = sys.stderr  # whatever else prints goes to the console, not into the answer

    def progress(done: int, total: int) -> None:
        if os.getppid() != parent:  # the report was killed outright: nobody will read the pages
            os._exit(1)
        out.write(f"page {done}/{total}\n".encode("ascii"))
        out.flush()

    pages, error = write_event_pages(Path(processed), Path(folder), corpus=corpus, event=event,
                                     workers=workers, progress=progress)
    answer = {"pages": pages.to_dict(orient="records"), "error": error}  # JSON: nothing is unpickled
    out.write(b"result " + json.dumps(answer, ensure_ascii=True, default=int).encode("ascii") + b"\n")
    out.flush()


def keep_human_input(old: Path, staging: Path) -> list[Path]:
    """Copy what people put in the report folder `old` into the new report `staging`, so that
    replacing the report never loses it: every file under `<old>/coding/` (coding sheets, filled in
    or not, and anything else saved there), and coding sheets an earlier version wrote to
    `<old>/tables/coding_sheet*.csv` (copied into `coding/`). A file of the old report replaces a
    staged file of the same name. Returns the files copied."""
    old, staging = Path(old), Path(staging)
    pairs = [(f, staging / f.relative_to(old)) for f in sorted((old / HUMAN_INPUT).rglob("*"))
             if f.is_file() and not f.is_symlink()]
    pairs += [(f, staging / HUMAN_INPUT / f.name) for f in sorted((old / "tables").glob("coding_sheet*.csv"))
              if f.is_file() and not (old / HUMAN_INPUT / f.name).exists()]
    copied = []
    for source, target in pairs:
        if target.exists() and target.read_bytes() == source.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        copied.append(target)
    return copied


def build_corpus_tables(raw_folder: Path, processed: Path, *, workers: int | None = None,
                        clean_exports: bool = False, echo=print) -> dict:
    """Build a corpus's tables into `processed` (unchanged articles reused from the tables already
    there), print its problems, and return what `build.json` records."""
    from .build import build_corpus
    from .config import UsageError

    build = build_corpus(raw_folder, processed, workers=workers or os.cpu_count() or 1, progress=True,
                         clean_exports=clean_exports)
    problems = [] if build is None else build.problems
    for problem in problems:
        echo(f"  warning: {problem}")
    if build is not None and build.kept:
        from .store import kept_line

        echo(f"{Path(raw_folder).name}: {kept_line(processed, build.kept, what='the tables folder')}")
    if build is None or build.articles.empty:
        raise UsageError(f"no usable articles in {raw_folder}: see `framing build {raw_folder}`")
    return json.loads((Path(processed) / "build.json").read_text(encoding="utf-8"))


def list_notebooks(folder: Path | None = None) -> list[Path]:
    """The notebooks of a folder (default `notebooks/`) in reading order (by name)."""
    folder = Path(folder or notebooks_dir())
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith((".", "_")))


def find_kernel() -> str:
    """The Jupyter kernel to run notebooks with: `python3`, which Jupyter resolves to the
    interpreter it runs in (the project's environment when started from `.venv`). A separately
    registered kernelspec is not used: ipykernel 7 writes specs that advertise encrypted transport,
    and kernels started from them can hang under papermill."""
    return "python3"


def notebook_intro(path: Path) -> tuple[str, str]:
    """A notebook's title (its first `# ` heading) and question (the first paragraph after it)."""
    import nbformat

    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().splitlines()
        if lines and lines[0].startswith("# "):
            rest = "\n".join(lines[1:]).strip().split("\n\n")[0]
            return lines[0][2:].strip(), _QUESTION.sub("", " ".join(rest.split()))
    return path.stem, ""


def declared_parameters(notebook: Path, parameters: dict) -> dict:
    """The values of `parameters` that the notebook's parameters cell assigns (papermill would warn
    about the others, e.g. `workers` for a notebook that scores no sentences). A notebook without a
    parameters cell gets them all, as papermill gives them."""
    import nbformat

    cells = [cell for cell in nbformat.read(notebook, as_version=4).cells
             if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", [])]
    if not cells:
        return dict(parameters)
    declared = set()
    for cell in cells:
        for node in ast.parse(cell.source).body:
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            declared.update(target.id for target in targets if isinstance(target, ast.Name))
    return {name: value for name, value in parameters.items() if name in declared}


def _kernel_config():
    """Kernels talk over local sockets (IPC) where the system has them, rather than TCP, which
    ipykernel warns about on every start."""
    from traitlets.config import Config

    return Config({"KernelManager": {"transport": "ipc"}}) if os.name == "posix" else Config()


def run_notebook(notebook: Path, *, staging: Path, parameters: dict, kernel: str,
                 timeout: int | None = None, stall_seconds: float = runner.STALL_SECONDS,
                 echo=None, session: runner.KernelSession | None = None) -> NotebookRun:
    """Execute one notebook with papermill into `<staging>/notebooks/`, in that folder (so the
    parameter `out=".."` is the report folder), and collect the figures and tables it saved.
    Each cell may run `timeout` seconds (None: `framing.runner.cell_timeout()`). A run the
    watchdog stopped (the kernel finished a cell, the runner never heard) is run once more
    before the notebook counts as failed. `echo` gets progress lines. `session`: run on its warm
    kernel (None: a kernel of its own)."""
    notebook = Path(notebook)
    title, question = notebook_intro(notebook)
    run = NotebookRun(notebook.name, title, question)
    before_figures = _listing(staging / "figures", "*.json")
    before_tables = _listing(staging / "tables", "*.csv")
    started = time.perf_counter()
    for attempt in (1, 2):
        try:
            runner.execute_notebook(
                notebook, staging / "notebooks" / notebook.name, parameters=declared_parameters(notebook, parameters),
                kernel=kernel, cwd=staging / "notebooks", timeout=timeout or runner.cell_timeout(),
                stall_seconds=stall_seconds, config=_kernel_config(), echo=echo, session=session)
        except runner.NotebookStalled as stall:
            run.error = f"stalled twice: {stall}"
            if attempt == 1 and echo is not None:
                echo(f"      {notebook.name}: running it once more")
            continue
        except Exception as error:
            run.error = describe_failure(error)
        else:
            run.error = None
        break
    run.seconds = time.perf_counter() - started
    new = _listing(staging / "figures", "*.json") - before_figures
    new_figures = sorted(new, key=lambda name: (staging / "figures" / name).stat().st_mtime_ns)
    run.figures = [json.loads((staging / "figures" / name).read_text(encoding="utf-8"))
                   for name in new_figures]
    run.tables = sorted(_listing(staging / "tables", "*.csv") - before_tables)
    return run


def describe_failure(error: Exception) -> str:
    """`cell N (first line of its code): Error: message` for a papermill failure, else the error."""
    cell = getattr(error, "exec_count", None)
    ename, evalue = getattr(error, "ename", None), getattr(error, "evalue", None)
    if ename is None:
        return f"{type(error).__name__}: {error}"
    source = str(getattr(error, "source", "") or "").strip().splitlines()
    where = f"cell [{cell}]" if cell is not None else "a cell"
    first = f" `{source[0][:70]}`" if source else ""
    return f"{where}{first}: {ename}: {evalue}"


def _listing(folder: Path, pattern: str) -> set[str]:
    return {p.name for p in folder.glob(pattern)} if folder.is_dir() else set()


# ── index.html ───────────────────────────────────────────────────────────────────────────────────

def write_index(report: Report, folder: Path, *, build_info: dict, kernel: str,
                table_rows: int = 12) -> Path:
    """Write `<folder>/index.html`: the build summary, each notebook's figures with captions and
    its tables (`table_rows` rows, taken in turn from each outlet, linked to the CSV), the executed notebooks, and the
    methods and versions used. All links are relative, so the folder can be moved or zipped."""
    from .store import save_text

    parts = [_HEAD.format(title=html.escape(f"framing report: {report.corpus}")),
             f"<h1>Framing report: {html.escape(report.corpus)}</h1>",
             _events_html(report), _summary_html(report, build_info)]
    for run in report.runs:
        parts.append(_notebook_html(run, folder, table_rows))
    parts.append(_coding_html(folder))
    parts.append(_methods_html(build_info, kernel))
    parts.append("</body></html>\n")
    text = "\n".join(parts)
    return save_text(text, Path(folder) / "index.html")


_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 980px; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.6em; }} h2 {{ margin-top: 2em; border-bottom: 1px solid #ddd; }}
figure {{ margin: 1.5em 0; }} figure img {{ max-width: 100%; border: 1px solid #eee; }}
figcaption {{ font-size: 0.9em; color: #444; }} .files a {{ margin-right: 0.8em; font-size: 0.85em; }}
table {{ border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }}
th, td {{ border-bottom: 1px solid #e5e5e5; padding: 3px 8px; text-align: left; vertical-align: top; }}
.wide {{ max-width: 100%; overflow-x: auto; }} .wide td {{ max-width: 28em; overflow-wrap: anywhere; }}
.ok {{ color: #1a7f37; }} .failed {{ color: #c62828; font-weight: bold; }}
.error {{ background: #fdecea; padding: 0.6em; white-space: pre-wrap; font-family: monospace; }}
.question {{ font-style: italic; }}
.main-view {{ background: #eef5fb; padding: 0.7em 1em; border-left: 4px solid #2b6cb0; }}
</style></head><body>"""


def _summary_html(report: Report, info: dict) -> str:
    rows = "".join(
        f"<tr><td><a href=\"notebooks/{html.escape(run.notebook)}\">{html.escape(run.notebook)}</a></td>"
        f"<td>{html.escape(run.title)}</td>"
        f"<td class=\"{'ok' if run.ok else 'failed'}\">{'ok' if run.ok else 'failed'}</td>"
        f"<td>{run.seconds:.1f} s</td><td>{len(run.figures)}</td><td>{len(run.tables)}</td></tr>"
        for run in report.runs)
    problems = info.get("problems") or []
    problem_list = ("<p>Problems met while building:</p><ul>"
                    + "".join(f"<li>{html.escape(str(p))}</li>" for p in problems) + "</ul>") if problems else ""
    notes = info.get("notes") or []
    note_list = ('<div class="main-view"><p>Read this before any comparison:</p><ul>'
                 + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul></div>") if notes else ""
    return (f"{note_list}<p>{counted(info.get('articles', 0), 'articles')}, "
            f"{counted(info.get('sentences', 0), 'sentences')}, "
            f"{counted(info.get('removed_lines', 0), 'raw lines')} removed by cleaning.</p>{problem_list}"
            "<table><thead><tr><th>notebook</th><th>title</th><th>status</th><th>time</th>"
            f"<th>figures</th><th>tables</th></tr></thead><tbody>{rows}</tbody></table>")


def _events_html(report: Report) -> str:
    """The events section: with one event, its page as the main view; with several, a table of
    links (one row per event page)."""
    pages = report.events
    if report.events_error:
        return f'<p class="failed">The event pages failed: {html.escape(report.events_error)}</p>'
    if pages is None or len(pages) == 0:
        return ""
    e = html.escape
    if len(pages) == 1:
        page = pages.iloc[0]
        return (f'<p class="main-view">This corpus is one event, <b>{e(str(page["event"]))}</b>: '
                f'<a href="{e(page["file"])}">read its page</a> first (the outlets\' headlines side by '
                "side, each article's frames, sentiment and quotes, and what all or only one outlet "
                "reports). Below: every notebook's charts and tables.</p>")
    rows = "".join(f'<tr><td><a href="{e(p.file)}">{e(str(p.event))}</a></td><td>{p.n_outlets}</td>'
                   f"<td>{p.n_articles}</td><td>{e(str(p.headline))}</td></tr>"
                   for p in pages.itertuples(index=False))
    return (f'<h2 id="events">Events ({len(pages)})</h2><p>One page per event: the outlets\' headlines '
            "side by side, each article's frames, sentiment and quotes, and what all or only one outlet "
            "reports. The charts below pool all events unless they say otherwise.</p>"
            f'<details{" open" if len(pages) <= 12 else ""}><summary>Event pages ({len(pages)})</summary><table><thead><tr><th>event</th><th>outlets</th>'
            f"<th>articles</th><th>a headline</th></tr></thead><tbody>{rows}</tbody></table></details>")


def _notebook_html(run: NotebookRun, folder: Path, table_rows: int) -> str:
    anchor = html.escape(Path(run.notebook).stem)
    parts = [f'<h2 id="{anchor}">{html.escape(run.title)}</h2>']
    if run.question:
        parts.append(f'<p class="question">{html.escape(run.question)}</p>')
    parts.append(f'<p>Executed notebook: <a href="notebooks/{html.escape(run.notebook)}">'
                 f"{html.escape(run.notebook)}</a></p>")
    if not run.ok:
        parts.append(f'<p class="failed">This notebook failed; what it made before the error is '
                     f'shown below.</p><div class="error">{html.escape(run.error or "")}</div>')
    for figure in run.figures:
        parts.append(_figure_html(figure))
    for name in run.tables:
        table = pd.read_csv(Path(folder) / "tables" / name)
        shown, how = preview_rows(table, rows=table_rows)
        more = f" ({len(shown)} of {len(table):,} rows{how})" if len(table) > len(shown) else ""
        parts.append(f'<details><summary>Table <a href="tables/{html.escape(name)}">'
                     f"{html.escape(name)}</a>{more}</summary><div class=\"wide\">"
                     f"{shown.to_html(index=False, border=0, na_rep='')}</div></details>")
    return "\n".join(parts)


_FILE_LABELS = {"png": "PNG (200 dpi)", "svg": "SVG", "pdf": "PDF", "data": "data (Parquet)",
                "json": "record (JSON)"}


def _figure_html(figure: dict) -> str:
    """One figure: the PNG, its caption (once: the image itself carries none), and links to every
    file written for it."""
    files = dict(figure.get("files", {}))
    name = figure["name"]
    files.setdefault("json", f"{name}.json")
    if figure.get("plot", {}).get("data"):
        files["data"] = figure["plot"]["data"]
    caption = html.escape(figure.get("caption") or name)
    links = "".join(f'<a href="figures/{html.escape(file)}">{_FILE_LABELS.get(fmt, fmt.upper())}</a>'
                    for fmt, file in files.items())
    image = (f'<img src="figures/{html.escape(files["png"])}" alt="chart: {html.escape(name)}">'
             if "png" in files else "")
    return (f'<figure id="fig-{html.escape(name)}">{image}'
            f'<figcaption>{caption}<div class="files">{links}</div></figcaption></figure>')


def _coding_html(folder: Path) -> str:
    """The coding sheets and other files kept in `coding/` (never replaced by a rerun)."""
    files = sorted(p.relative_to(folder) for p in (Path(folder) / HUMAN_INPUT).rglob("*") if p.is_file())
    if not files:
        return ""
    items = "".join(f'<li><a href="{html.escape(p.as_posix())}">{html.escape(p.as_posix())}</a></li>'
                    for p in files)
    return ('<h2 id="coding">Coding sheets</h2><p>Files in <code>coding/</code> are kept when the '
            "report is rendered again; a new sheet never replaces one there (it gets a new name). "
            f"Fill in a sheet and read it back with <code>fr.agreement</code>.</p><ul>{items}</ul>")


def preview_rows(table: pd.DataFrame, *, rows: int = 12, width: int = 160) -> tuple[pd.DataFrame, str]:
    """The rows of a table to show in the index: with an `outlet` column, rows taken in turn from
    each outlet (so a table sorted by outlet does not show one outlet only), else the first ones;
    text cells cut to `width` characters. Returns the rows and how they were chosen (for the
    caption)."""
    how = ""
    if "outlet" in table.columns and table["outlet"].nunique() > 1 and len(table) > rows:
        turn = table.groupby("outlet", sort=False).cumcount()
        picked = table.assign(_turn=turn).sort_values("_turn", kind="stable").head(rows)
        table, how = picked.sort_index().drop(columns="_turn"), ", taken in turn from each outlet"
    shown = table.head(rows).copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = [v if not isinstance(v, str) or len(v) <= width else v[: width - 1] + "…"
                             for v in shown[column]]
    return shown, how


def statistics_paragraph() -> str:
    """What the report's numbers are, in the words a paper's methods section needs: the unit, the
    intervals with the coverage measured, the tests and their corrections (docs/statistics.md).
    Built from the defaults the library uses, so it says what was run."""
    from .events import MIN_EVENTS_FOR_TEST
    from .stats import MEASURED_COVERAGE, MIN_ARTICLES

    return (
        "Statistics (docs/statistics.md). The unit of analysis is the article; sentences are the "
        "evidence shown, not independent observations. An outlet's value is the mean over its articles of "
        "each article's value (its sentences' mean sentiment; the share of its sentences with a frame's cues). "
        f"Intervals are nominal 95% over the outlet's articles, none below {MIN_ARTICLES} articles: a Student t "
        "interval for sentiment and an expanded percentile bootstrap (Hesterberg 2015) for frame shares; on "
        f"simulated corpora they covered the true value in {MEASURED_COVERAGE['sentiment', 't']} and "
        f"{MEASURED_COVERAGE['frame share', 'expanded']} of corpora at 5–10 articles "
        "and about 95% at 30 (benchmarks/bench_stats.py). Whether outlets differ is one permutation test "
        "of all outlets per measure, shuffling outlet labels among articles within events (Good 2005; "
        "1,999 shuffles, p = (1 + b) / (1 + B), Phipson & Smyth 2010), adjusted across the frames of a "
        "scheme by Holm's method; it does not say which outlet differs. An outlet against the others on the "
        "same events is the mean over events of its articles minus the other outlets' articles, with a t "
        f"interval over events from {MIN_ARTICLES} events, each interval for one outlet, not adjusted for "
        "the number drawn. Pairs of outlets are compared over the events both cover (how many each is "
        f"\u201cmore so\u201d, the median difference; Wilcoxon signed-rank and exact sign tests from "
        f"{MIN_EVENTS_FOR_TEST} events), with Benjamini–Hochberg false discovery rate across every pair and "
        "measure. Distinctive words are weighted log-odds z-scores with an informative Dirichlet prior "
        "(Monroe, Colaresi & Quinn 2008), read against the 95th percentile of the largest |z| when outlet "
        "labels are shuffled among articles within events; keyness (G², Dunning 1993) is a ranking, not a test."
    )


def _methods_html(info: dict, kernel: str) -> str:
    versions = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(_version(name))}</td></tr>"
                       for name in VERSIONED_PACKAGES)
    from .lexicons import override_path

    data = "".join(f"<tr><td>{html.escape(_data_name(name, override_path(name)))}</td>"
                   f"<td>{html.escape(str(d.get('version')))}</td>"
                   f"<td>{html.escape(_first_sentence(str(d.get('source', ''))))}</td></tr>"
                   for name, d in shipped_data().items())
    return ("<h2 id=\"methods\">Methods and versions</h2>"
            "<p>Tables built by <code>framing.build</code> (cleaning, then sentence splitting), "
            f"framing {html.escape(str(info.get('framing_version', _version('framing'))))}; "
            f"notebooks run with papermill on the <code>{html.escape(kernel)}</code> kernel, "
            f"Python {html.escape(platform.python_version())}. Each figure's JSON file beside it "
            "records its parameters and the SHA-256 of the sentences table it was drawn from.</p>"
            f"<p id=\"statistics\">{html.escape(statistics_paragraph())}</p>"
            f"<table><thead><tr><th>package</th><th>version</th></tr></thead><tbody>{versions}</tbody></table>"
            "<p>Data files (lexicons, word lists, parameters) shipped with framing, or the "
            "project's own copy (<code>lexicons/</code>) where it has one:</p>"
            "<table><thead><tr><th>file</th><th>version</th><th>source</th></tr></thead>"
            f"<tbody>{data}</tbody></table>")


def _data_name(name: str, own: Path | None) -> str:
    return name if own is None else f"{name}: the project's own copy, {own}"


def shipped_data() -> dict[str, dict]:
    """Every data file shipped in `framing/data/`, by name: the lexicons as `load_data` reads them
    and the learned weights (`.json`, e.g. the actor sentiment classifier) with their `version`
    and `source`."""
    import json
    from importlib import resources

    from .lexicons import load_data

    files = sorted((p for p in (resources.files("framing") / "data").iterdir()
                    if p.name.endswith((".toml", ".json"))), key=lambda p: p.name)
    found = {}
    for path in files:
        name = path.name.rsplit(".", 1)[0]
        try:
            found[name] = load_data(name) if path.name.endswith(".toml") else json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, json.JSONDecodeError) as error:  # a broken file is named in the report
            found[name] = {"version": "unreadable", "source": str(error)}
    return found


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _first_sentence(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    text = text if end < 0 else text[: end + 1]
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
