"""The report: the runner that builds a corpus, executes every notebook with its parameters and
writes `reports/<corpus>/` (the index and one page per event).

`run_reports([raw_folder, ...])` is all the `framing report` command and `make report` call. For
each corpus it

1. builds the tables into `data/processed/<corpus>/` (`build_tables` + `save_build`, reusing
   unchanged articles of the previous build);
2. executes each notebook of `notebooks/` (every `*.ipynb`, in name order: adding a notebook is
   dropping a file there) with papermill, passing the parameters `corpus` (the processed folder),
   `out` (the report folder) and `save_figures`;
3. writes the executed notebooks, the figures and tables the notebooks saved, one page per event
   (`event_pages`, drawn in a process of their own while the notebooks run), and `index.html`
   (`index`).

Everything is written into a staging folder beside `reports/<corpus>/` that replaces it only at the
end, so an interrupted run leaves the previous report intact. A failing notebook is named with its
cell and error; the other notebooks still run and the exit code says that something failed.

The modules of `framing.report`: this one (the run: build, notebooks, staging folder swapped in),
`runner` (one notebook run unattended on a warm kernel: papermill, watched), `event_pages` (the
event pages written, in a process of their own), `event_html` (one event's page as HTML) and
`index` (`index.html`).
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..config import corpus_parameter, notebooks_dir, processed_dir, reports_dir
from ..store import HUMAN_INPUT, SCRATCH, counted, swap_folder  # HUMAN_INPUT: coding/, people's files in a report
from . import runner
from .event_pages import EVENT_PAGE_COLUMNS, EventPagesJob, write_event_pages  # noqa: F401  (also named from here)
from .index import preview_rows, shipped_data, statistics_paragraph, write_index  # noqa: F401  (the same)

NOTEBOOK_PARAMETERS = ("corpus", "out", "save_figures")  # what the runner sets in every notebook
_QUESTION = re.compile(r"^\*\*question:?\*\*:?\s*", re.I)


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
                event: str | None = None, echo=print, warn=None) -> int:
    """Build and report every corpus folder given (default: every folder of `data/raw/`).
    Returns the exit code: 0 when every corpus built and every notebook ran, 1 otherwise, 2 when
    there was nothing to report. This is the whole `framing report` command. `echo` takes the
    progress lines, `warn` (default: `echo`) the build's warnings and every refusal (a corpus
    that is not there, cannot be built or written), which the command prints on stderr."""
    warn = warn or echo
    from ..config import corpus_folders, project_of, raw_dir

    folders = corpus_folders(raw_folders, root)
    if not folders:
        warn(f"no corpus folders in {raw_dir(root)}: put articles in data/raw/<corpus>/")
        return 2
    failed = []
    for folder in folders:
        if not folder.is_dir():
            from ..store import missing_corpus

            warn(missing_corpus(folder, "report", root=root))
            failed.append(folder.name)
            continue
        home = root or project_of(folder)  # a corpus of another project: that project's outputs and notebooks
        if notebooks is None and (note := own_notebooks_note(notebooks_dir(home))):
            warn(f"{folder.name}: note: {note}")
        report = run_report(folder, processed=processed_dir(home) / folder.name,
                            out=reports_dir(home) / folder.name,
                            notebooks=list_notebooks(notebooks_dir(home)) if notebooks is None else notebooks,
                            kernel=kernel, workers=workers, cell_timeout=cell_timeout,
                            clean_exports=clean_exports, event=event, echo=echo, warn=warn)
        if not report.ok:
            failed.append(folder.name)
    if failed and len(folders) > 1:  # its lines may have scrolled away behind the other corpora's
        warn(failed_corpora_line(failed, len(folders)))
    return 1 if failed else 0


def failed_corpora_line(failed: list[str], n_corpora: int) -> str:
    """The last line of a report of several corpora when some failed, as their own lines may be far
    above: "1 of 3 corpora did not build or run every notebook: storm (its lines above say why)"."""
    return (f"{len(failed)} of {n_corpora} corpora did not build or run every notebook: {', '.join(failed)} "
            f"({'its' if len(failed) == 1 else 'their'} lines above say why)")


def run_report(raw_folder: Path, *, processed: Path | None = None, out: Path | None = None,
               notebooks: list[Path] | None = None, kernel: str | None = None,
               parameters: dict | None = None, workers: int | None = None,
               cell_timeout: float | None = None, clean_exports: bool = False, event: str | None = None,
               echo=print, warn=None) -> Report:
    """Build one corpus and render its report. `processed` defaults to `data/processed/<corpus>/`,
    `out` to `reports/<corpus>/`, `notebooks` to every notebook in `notebooks/`. `parameters` are
    passed to every notebook besides `corpus`, `out`, `save_figures`, `workers` (processes for
    the build and for scoring sentences; None: one per core) and `event` (narrow every notebook and
    the event pages to that event; None: all events). `cell_timeout`: seconds a cell may
    run (None: `runner.cell_timeout` for the corpus's size). `clean_exports` cleans export
    text as pages (see `framing.build.build_tables`). Besides the notebooks' figures and tables,
    writes one page per event (`events/<event>.html`), linked from `index.html`. `echo` takes the
    progress lines, `warn` (default: `echo`) the build's warnings and the refusals."""
    from ..config import UsageError

    warn = warn or echo
    raw_folder = Path(raw_folder).resolve()
    corpus = raw_folder.name
    try:
        processed, out = _output_folders(raw_folder, processed, out)
    except UsageError as error:
        warn(f"{corpus}: {error}")
        return Report(corpus, Path(out or reports_dir() / corpus), [], error=str(error))
    notebooks = list_notebooks() if notebooks is None else [Path(n) for n in notebooks]
    if out.name == SCRATCH:
        warn(f"{corpus}: a corpus cannot be named {SCRATCH!r}: reports/{SCRATCH}/ holds what notebooks "
             "write when run by hand; rename the folder")
        return Report(corpus, out, [], error=f"the name {SCRATCH!r} is taken by the scratch folder")
    if not notebooks:
        warn(f"{corpus}: no notebooks to run in {notebooks_dir()}: run from the framing project "
             "folder, or copy its notebooks/ folder beside your data/")
        return Report(corpus, out, [], error="no notebooks to run")
    kernel = kernel or find_kernel()
    from ..store import working_folder

    try:  # one framing command at a time on a corpus's tables, and with them its report
        with working_folder(processed):
            # the notebooks' kernel starts now and imports while the tables are built (runner.KernelSession)
            with runner.KernelSession(kernel, cwd=Path.cwd(), config=_kernel_config()) as session:
                return _build_and_render(raw_folder, processed, out, notebooks=notebooks, kernel=kernel,
                                         parameters=parameters, workers=workers, cell_timeout=cell_timeout,
                                         clean_exports=clean_exports, event=event, echo=echo, warn=warn,
                                         session=session.start())
    except (UsageError, OSError) as error:  # the tables folder cannot be claimed, or is busy
        reason = _one_line(error, folder=processed)
        warn(f"{corpus}: not reported: {reason}")
        return Report(corpus, out, [], error=reason)


def _build_and_render(raw_folder: Path, processed: Path, out: Path, *, notebooks: list[Path], kernel: str,
                      parameters: dict | None, workers: int | None, cell_timeout: float | None,
                      clean_exports: bool, event: str | None, echo, warn, session: runner.KernelSession) -> Report:
    """`run_report` once its folders are checked: build the tables, then run the notebooks on
    `session`'s kernel and write the report."""
    from ..config import UsageError

    corpus = raw_folder.name
    started = time.perf_counter()
    echo(f"{corpus}: building tables → {processed}")
    try:
        info = build_corpus_tables(raw_folder, processed, workers=workers, clean_exports=clean_exports, warn=warn)
    except Exception as error:  # a corpus that cannot be built is reported, the others still run
        reason = _one_line(error, folder=processed)
        warn(f"{corpus}: build failed: {reason}")
        return Report(corpus, out, [], error=f"build failed: {reason}")
    info = _say_what_was_built(info, processed, corpus=corpus, seconds=time.perf_counter() - started, echo=echo)
    problem = check_event(processed, event)
    if problem:
        warn(f"{corpus}: {problem}")
        return Report(corpus, out, [], error=problem)
    try:
        report = _render(notebooks, raw_folder, processed, out, info=info, kernel=kernel,
                         parameters=parameters, workers=workers, cell_timeout=cell_timeout,
                         event=event, echo=echo, session=session)
    except (UsageError, OSError) as error:  # the report folder cannot be written: one line
        reason = _one_line(error, folder=out)
        warn(f"{corpus}: report not written: {reason}")
        return Report(corpus, out, [], error=f"report not written: {reason}")
    echo(_written_line(report, out, seconds=time.perf_counter() - started))
    return report


def _say_what_was_built(info: dict, processed: Path, *, corpus: str, seconds: float, echo) -> dict:
    """Print the build's counts line and the notes a reader needs before any comparison
    (`design_notes`, `excerpt_notes`); return the build's record for the index with those notes
    and the content sentences, without `reused_articles`."""
    from ..build import counts_line, reuse_note

    info = dict(info)
    reused = info.pop("reused_articles", None)  # None: a first build
    again = f"{reuse_note(reused)}; " if reused is not None else ""
    echo(f"{corpus}: {counts_line(info)} ({again}{seconds:.1f} s)")
    info = {**info, "notes": _design_notes(processed, corpus), "content_sentences": _content_sentences(processed)}
    for note in info["notes"]:
        echo(f"{corpus}: note: {note}")
    return info


def _written_line(report: Report, out: Path, *, seconds: float) -> str:
    """The report's last line: where its index is (and its one event's page, the main view), how
    long it took, and what failed."""
    failed = [run.notebook for run in report.runs if not run.ok] + (["event pages"] if report.events_error else [])
    main_view = (f" (the event's page: {out / report.events['file'].iloc[0]})"
                 if len(report.events) == 1 else "")
    return (f"{report.corpus}: report → {out / 'index.html'}{main_view} ({seconds:.1f} s)"
            + (f"; FAILED: {', '.join(failed)}" if failed else ""))


def _output_folders(raw_folder: Path, processed: Path | None, out: Path | None) -> tuple[Path, Path]:
    """The tables folder and the report folder of a corpus, resolved and checked: neither inside
    the corpus nor holding it (or the project, or data/raw), and the report folder new, empty or
    framing's own. UsageError otherwise, before anything is written."""
    from ..config import check_output
    from ..store import check_claimable

    corpus = raw_folder.name
    processed = check_output(processed or processed_dir() / corpus, corpus=raw_folder)
    out = check_output(out or reports_dir() / corpus, corpus=raw_folder)
    check_claimable(processed)
    check_claimable(out)
    return processed, out


def _one_line(error: BaseException, *, folder: Path) -> str:
    """An error as one line: the message of framing's own refusals and of failed writes, else the
    error's type and message."""
    from ..config import UsageError
    from ..store import describe_write_error

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
    from ..store import keep_user_files, kept_line, make_temp_dir, mark_folder, remove_leftovers, write_manifest

    corpus = raw_folder.name
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out.parent, out.name)  # of a run killed outright: this one holds the corpus's lock
    staging = mark_folder(make_temp_dir(out.parent, prefix=f".{out.name}."))
    pages = None  # the event pages, written in a process of their own while the notebooks run
    try:
        (staging / "notebooks").mkdir()
        values = {**(parameters or {}), "corpus": corpus_parameter(processed, notebooks=staging / "notebooks"),
                  "out": "..", "save_figures": True,
                  "workers": workers or os.cpu_count() or 1, "event": event}
        timeout = runner.cell_timeout(info.get("sentences", 0), seconds=cell_timeout)
        echo(f"{corpus}: running {counted(len(notebooks), 'notebooks')}; a cell may run {timeout} s "
             f"(--cell-timeout or {runner.CELL_TIMEOUT_ENV} to change)")
        coded = keep_human_input(out, staging)  # first, so new coding sheets get names of their own
        pages = EventPagesJob(processed, staging, corpus=corpus, event=event, workers=workers)
        runs = _run_notebooks(notebooks, staging=staging, parameters=values, kernel=kernel, timeout=timeout,
                              echo=echo, session=session, final=out)
        session.close(now=True)  # its figures are written; the event pages need no kernel
        report = Report(corpus, out, runs)
        report.events, report.events_error = pages.wait(timeout=timeout, echo=echo)
        echo(f"  event pages: {counted(len(report.events), 'events')}"
             + (f"; FAILED: {report.events_error}" if report.events_error else ""))
        write_index(report, staging, build_info=info, kernel=kernel)
        keep_human_input(out, staging)  # again: a sheet a coder saved during the run wins
        coded_line = coding_kept_line(staging, coded)
        write_manifest(staging)  # what this run wrote: the next run replaces, and `clean` removes, only that
        yours = keep_user_files(out, staging) if out.is_dir() else []
        swap_folder(staging, out)
    finally:  # the kernel and the pages' process first: either may still be writing into staging
        session.close(now=True)
        if pages is not None:
            pages.stop()
        shutil.rmtree(staging, ignore_errors=True)
    if coded_line:
        echo(f"{corpus}: {coded_line}")
    if yours:
        echo(f"{corpus}: {kept_line(out, yours)}")
    return report


def coding_kept_line(staging: Path, coded: list[Path]) -> str:
    """The line naming what coders put in `coding/` that the run kept (`keep_human_input`'s files:
    sheets filled in or edited, notes) and the blank sheets this run wrote beside them, which a coder
    looks for under a new name ("coding_sheet_generic_2.csv"); "" when nothing of theirs was there."""
    folder = Path(staging) / HUMAN_INPUT
    theirs = sorted(p.relative_to(folder).as_posix() for p in coded if not p.name.startswith("."))  # not framing's record
    if not theirs:
        return ""
    new = sorted(p.name for p in folder.glob("coding_sheet*.csv") if p.name not in theirs)
    return (f"kept in {HUMAN_INPUT}/ what coders filled in, edited or saved there: {', '.join(theirs)}"
            + (f" (never replaced; this run's blank sheets: {', '.join(new)})" if new else " (never replaced)"))


def _run_notebooks(notebooks: list[Path], *, staging: Path, parameters: dict, kernel: str, timeout: int,
                   echo, session: runner.KernelSession, final: Path) -> list[NotebookRun]:
    """Run the notebooks one after the other on `session`'s kernel (cleaned before each), with a
    line as each starts and one with its result (`run_notebook`)."""
    runs = []
    for number, notebook in enumerate(notebooks, 1):
        echo(f"  [{number}/{len(notebooks)}] running {Path(notebook).name}")
        run = run_notebook(notebook, staging=staging, parameters=parameters, kernel=kernel,
                           timeout=timeout, echo=echo, session=session, final=final)
        runs.append(run)
        status = "ok    " if run.ok else "FAILED"
        echo(f"  [{number}/{len(notebooks)}] {status} {run.notebook:<34} {run.seconds:6.1f} s  "
             f"{counted(len(run.figures), 'figures')}, {counted(len(run.tables), 'tables')}"
             + ("" if run.ok else f"\n      {run.error}"))
    return runs


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
            shown = ((f"in {counted(len(files), 'files')}: " if len(files) != len(unnamed) else "")
                     + ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else ""))
            fix = ("manifest.csv (columns file, event) or the export's event column")
            if len(unnamed) == 1:
                notes.append(f"1 article names no event ({shown}) and is taken as an event of its own, "
                             f"{corpus!r}: give it its event in {fix}")
            else:
                notes.append(f"{counted(len(unnamed), 'articles')} name no event ({shown}) and are taken "
                             f"together as one event, {corpus!r}, compared as if they covered one story: "
                             f"give each its event in {fix}")
    return notes


EXCERPT_ENDS = ("...", "\u2026")  # how a roundup, a search result or a feed marks text it cut


def excerpt_notes(sentences: pd.DataFrame) -> list[str]:
    """A note when most articles end in an ellipsis (their last sentence of body text, `text`,
    `kind`, `article_id`, `sentence_id`): they read as excerpts, as a news roundup or a search
    result shows them, not as what the outlets published, and measures of length, of the order of
    an article and of what only one outlet reports read the excerpts."""
    from ..config import CONTENT_KINDS

    body = sentences[sentences["kind"].isin(CONTENT_KINDS) & (sentences["kind"] != "headline")]
    last = body.sort_values(["article_id", "sentence_id"]).groupby("article_id")["text"].last()
    cut = int(last.astype(str).str.rstrip().str.endswith(EXCERPT_ENDS).sum())
    if not len(last) or cut * 2 <= len(last):
        return []
    return [f"{cut} of {counted(len(last), 'articles')} end in an ellipsis (\"...\"): they read as excerpts, as a "
            "roundup or a search result shows them, not whole articles; article length, sentiment along the "
            "article and what only one outlet reports describe the excerpts, not what each outlet published"]


def _design_notes(processed: Path, corpus: str) -> list[str]:
    from ..store import load_articles

    try:
        articles = load_articles(processed)
    except FileNotFoundError:  # no tables (the build is reported on its own)
        return []
    sentences = _sentence_columns(processed, ["article_id", "sentence_id", "text", "kind"])
    return design_notes(articles, corpus) + ([] if sentences is None else excerpt_notes(sentences))


def _content_sentences(processed: Path) -> int | None:
    """The content sentences of the corpus (headlines, body…, not bylines or dates): what every
    table and chart of the report counts."""
    from ..config import CONTENT_KINDS

    kinds = _sentence_columns(processed, ["kind"])
    return None if kinds is None else int(kinds["kind"].isin(CONTENT_KINDS).sum())


def _sentence_columns(processed: Path, columns: list[str]) -> pd.DataFrame | None:
    """Those columns of the corpus's sentences table, read alone; None when it has no tables (the
    build is reported on its own)."""
    import pyarrow.dataset as ds

    from ..store.layout import table_files, table_path

    path = table_path(Path(processed), "sentences")
    if not path.exists():
        return None
    files = path if path.is_file() else [str(p) for p in table_files(Path(processed), "sentences")]
    return ds.dataset(files, format="parquet").to_table(columns=columns).to_pandas()


def check_event(processed: Path, event: str | None) -> str | None:
    """None when `event` is None or one of the corpus's events; else the one-line message naming
    the events there are."""
    if event is None:
        return None
    from ..events import list_events, unknown_event_message
    from ..store import load_articles

    known = sorted(list_events(load_articles(processed))["event"].astype(str))
    return None if str(event) in known else unknown_event_message(event, known)


def keep_human_input(old: Path, staging: Path) -> list[Path]:
    """Copy what people put in the report folder `old` into the new report `staging`, so that
    replacing the report never loses it: every file under `<old>/coding/` (coding sheets, filled in
    or not, and anything else saved there), and coding sheets an earlier version wrote to
    `<old>/tables/coding_sheet*.csv` (copied into `coding/`). A file of the old report replaces a
    staged file of the same name, except where this run wrote its own: the list of the sheets
    framing wrote (`coding/.framing-files.json`) and a blank sheet of framing's that nobody changed
    (the run's new sheet replaced it). Returns the files copied."""
    from ..store import MANIFEST, is_framings

    old, staging = Path(old), Path(staging)
    pairs = [(f, staging / f.relative_to(old)) for f in sorted((old / HUMAN_INPUT).rglob("*"))
             if f.is_file() and not f.is_symlink()]
    pairs += [(f, staging / HUMAN_INPUT / f.name) for f in sorted((old / "tables").glob("coding_sheet*.csv"))
              if f.is_file() and not (old / HUMAN_INPUT / f.name).exists()]
    copied = []
    for source, target in pairs:
        if target.exists() and (target.read_bytes() == source.read_bytes() or source.name == MANIFEST
                                or is_framings(source.parent, source)):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        copied.append(target)
    return copied


def build_corpus_tables(raw_folder: Path, processed: Path, *, workers: int | None = None,
                        clean_exports: bool = False, echo=print, warn=None) -> dict:
    """Build a corpus's tables into `processed` (unchanged articles reused from the tables already
    there), print its problems, and return what `build.json` records, with `reused_articles`: how
    many articles were taken from the last build (None when there was none)."""
    from ..build import build_corpus, changes_line, grouped_problems, last_build_info
    from ..config import UsageError

    before = last_build_info(processed)
    build = build_corpus(raw_folder, processed, workers=workers or os.cpu_count() or 1, progress=True,
                         clean_exports=clean_exports)
    problems = [] if build is None else build.problems
    for problem in grouped_problems(problems):  # input files named within the corpus, as `framing build` names them
        where = "" if Path(problem.file).is_absolute() else f"{Path(raw_folder).name}/"
        (warn or echo)(f"  warning: {where}{problem}")
    for note in [] if build is None else build.notes:  # which column gave what: on stderr too, as the build's
        (warn or echo)(f"  note: {Path(raw_folder).name}/{note}")
    if build is not None and build.kept:
        from ..store import kept_line

        echo(f"{Path(raw_folder).name}: {kept_line(processed, build.kept, what='the tables folder')}")
    if build is None:
        raise UsageError(f"no usable articles in {raw_folder}: see `framing build {raw_folder}`")
    if build.articles.empty:
        raise UsageError(f"nothing usable in {raw_folder} ({nothing_usable(build)})")
    info = json.loads((Path(processed) / "build.json").read_text(encoding="utf-8"))
    if changes := changes_line(before, info):
        echo(f"{Path(raw_folder).name}: files since the last build: {changes}")
    return {**info, "reused_articles": build.n_reused if before is not None else None}


def nothing_usable(build) -> str:
    """Why a build kept no article, and what to do: the files were all skipped (their warnings say
    why), or the folder holds no article file at all."""
    from ..ingest import EXPORT_EXTENSIONS, TEXT_EXTENSIONS

    if build.problems:
        unread = f", {counted(build.unread, 'files')} not read" if build.unread else ""
        return (f"{counted(build.skipped, 'articles')} read, {build.skipped} skipped{unread}: see the warnings "
                "above, each names the file and what to do")
    kinds = [*TEXT_EXTENSIONS, *EXPORT_EXTENSIONS]
    return (f"it holds no article file: put the articles in it as {', '.join(kinds[:-1])} or {kinds[-1]} "
            "files (subfolders are read, hidden files are not)")


def own_notebooks_note(folder: Path) -> str:
    """What a project with a notebooks/ folder of its own is told when that folder lacks notebooks
    framing ships: the report runs the folder's notebooks only (a project beside framing that holds
    one notebook of its own reported that notebook and none of framing's seven, under "running 1
    notebook"). "" when the folder is framing's own, or has every shipped notebook by name."""
    from ..config import SHIPPED_NOTEBOOKS, shown_path

    if not SHIPPED_NOTEBOOKS.is_dir() or Path(folder).resolve() == SHIPPED_NOTEBOOKS.resolve():
        return ""
    have = {p.name for p in list_notebooks(folder)}
    missing = [p.name for p in list_notebooks(SHIPPED_NOTEBOOKS) if p.name not in have]
    if not missing:
        return ""
    return (f"the report runs the {len(have)} notebook{'s' * (len(have) != 1)} of {shown_path(Path(folder))}/, the "
            f"project's own folder, not framing's {', '.join(Path(name).stem for name in missing)}: copy those you "
            f"want from {SHIPPED_NOTEBOOKS}/")


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
                 echo=None, session: runner.KernelSession | None = None,
                 final: Path | None = None) -> NotebookRun:
    """Execute one notebook with papermill into `<staging>/notebooks/`, in that folder (so the
    parameter `out=".."` is the report folder), and collect the figures and tables it saved.
    Each cell may run `timeout` seconds (None: `runner.cell_timeout()`). A run the
    watchdog stopped (the kernel finished a cell, the runner never heard) is run once more
    before the notebook counts as failed. `echo` gets progress lines. `session`: run on its warm
    kernel (None: a kernel of its own). `final`: the folder the staging folder becomes, which the
    executed notebook's outputs name instead (`name_final_folder`)."""
    notebook = Path(notebook)
    title, question = notebook_intro(notebook)
    run = NotebookRun(notebook.name, title, question)
    before_figures = _listing(staging / "figures", "*.json")
    before_tables = _listing(staging / "tables", "*.csv")
    started = time.perf_counter()
    run.error = _execute_twice_if_stalled(notebook, staging=staging, parameters=parameters, kernel=kernel,
                                          timeout=timeout, stall_seconds=stall_seconds, echo=echo, session=session)
    run.seconds = time.perf_counter() - started
    if final is not None:
        name_final_folder(staging / "notebooks" / notebook.name, staging=staging, final=final)
    new = _listing(staging / "figures", "*.json") - before_figures
    # in the order the notebook saved them: a record's modification time is its save call's (`plots.save`)
    new_figures = sorted(new, key=lambda name: (staging / "figures" / name).stat().st_mtime_ns)
    run.figures = [json.loads((staging / "figures" / name).read_text(encoding="utf-8"))
                   for name in new_figures]
    run.tables = sorted(_listing(staging / "tables", "*.csv") - before_tables)
    return run


def _execute_twice_if_stalled(notebook: Path, *, staging: Path, parameters: dict, kernel: str,
                              timeout: int | None, stall_seconds: float, echo,
                              session: runner.KernelSession | None) -> str | None:
    """Execute the notebook into `<staging>/notebooks/` (`runner.execute_notebook`), once more when
    the watchdog stopped a stalled run. Returns why it failed (`describe_failure`), None when it ran."""
    error = None
    for attempt in (1, 2):
        try:
            runner.execute_notebook(
                notebook, staging / "notebooks" / notebook.name, parameters=declared_parameters(notebook, parameters),
                kernel=kernel, cwd=staging / "notebooks", timeout=timeout or runner.cell_timeout(),
                stall_seconds=stall_seconds, config=_kernel_config(), echo=echo, session=session)
        except runner.NotebookStalled as stall:
            error = f"stalled twice: {stall}"
            if attempt == 1 and echo is not None:
                echo(f"      {notebook.name}: running it once more")
            continue
        except Exception as failure:
            error = describe_failure(failure)
        else:
            error = None
        break
    return error


def name_final_folder(executed: Path, *, staging: Path, final: Path) -> None:
    """Name the report folder `final` where the outputs of the executed notebook name the staging
    folder it was written in: notebook 02 printed "coding sheet: reports/.allsides-100.sy16nt99.tmp/
    coding/coding_sheet_generic.csv", a folder that is gone once the report is swapped in. The
    staging folder lies beside `final` (`.<name>.<random>.tmp`), so its name alone is replaced, in
    whatever form the path was printed. A notebook that was not written is left alone."""
    import nbformat

    if not executed.is_file() or staging.name not in executed.read_text(encoding="utf-8"):
        return
    notebook = nbformat.read(executed, as_version=4)

    def named(text):
        return text.replace(staging.name, final.name) if isinstance(text, str) else text

    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = named(output["text"])
            if "traceback" in output:
                output["traceback"] = [named(line) for line in output["traceback"]]
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") or kind.endswith("json"):
                    output["data"][kind] = named(value) if isinstance(value, str) else value
    nbformat.write(notebook, executed)


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
