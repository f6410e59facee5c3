"""The `framing` command: build a corpus, explain a file's cleaning, render the report, re-export a
chart, remove what framing wrote."""
from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from pathlib import Path

from . import __version__
from .config import UsageError, corpus_folders, in_a_project, installed_project, processed_dir, project_of, raw_dir
from .lexicons import LexiconError


def main(argv: list[str] | None = None) -> int:
    code = _main(argv)
    if argv is None:  # the `framing` command itself, which exits next
        import gc

        # Exiting, the interpreter runs one last full garbage collection over every object the
        # command made or imported (2 s after a report); what is still alive then is the
        # process's memory, returned to the system at exit anyway. Freezing it skips that pass.
        gc.freeze()
    return code


def _main(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    _stop_cleanly_on_terminate()
    try:
        if args.run in (_run_build, _run_report, _run_explain):
            _announce_lexicons()
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted: outputs from earlier runs are left as they were", file=sys.stderr)
        return 130
    except (UsageError, LexiconError) as error:  # a path, address or lexicon file to fix: one line
        print(f"framing: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of the output stopped (`framing figure --list | head`): not a write error
        _quiet_stdout()
        return 141  # as a command stopped by SIGPIPE
    except OSError as error:  # an output folder that cannot be written (read-only, full, gone)
        from .store import describe_write_error

        print(f"framing: {describe_write_error(error)}", file=sys.stderr)
        return 1


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit does not fail again on
    the closed pipe (the recipe of Python's `signal` documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind sys.stdout (a test's capture): nothing to flush
        pass
    finally:
        os.close(devnull)


def _announce_lexicons() -> None:
    """Name the project's own lexicon files (`lexicons/<name>.toml`) in use, read each once so a
    broken one stops the command before any work (LexiconError), and warn of files nothing reads."""
    from . import lexicons

    own = lexicons.overrides()
    if own:
        used = ", ".join(f"{path} (version {lexicons.load_data(name)['version']})" for name, path in own.items())
        print(f"using the project's own lexicon files instead of the shipped ones: {used}", file=sys.stderr)
    for path in lexicons.unused_overrides():
        print(f"warning: {path}: {lexicons.unused_reason(path)}, so nothing reads it; name it as the "
              "file it replaces (furniture.toml, reporting_verbs.toml, …: see README, Editing a lexicon)",
              file=sys.stderr)


def _stop_cleanly_on_terminate() -> None:
    """A polite kill (SIGTERM, as from `kill` or a job scheduler's time limit) stops the command as
    Ctrl-C does: staging folders are removed and earlier outputs stay as they were."""
    import signal
    import threading

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing", description="Media framing analysis: clean news pages into sentence tables "
                                    "and compare how outlets present one event.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(title="commands")

    build = commands.add_parser("build", help="clean a corpus folder into articles, sentences and "
                                              "removed tables")
    build.add_argument("corpus", nargs="*",
                       help="corpus folders (data/raw/<corpus>) or corpus names; default: every "
                            "folder in data/raw")
    build.add_argument("--out", help="output folder (default data/processed/<corpus>); only with "
                                      "one corpus; a new or empty folder, or one framing made")
    build.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                       help="processes to use (default: all cores)")
    build.add_argument("--dask", choices=["local"], dest="scheduler",
                       help="run on a local Dask cluster of --workers processes (needs the dask extra)")
    build.add_argument("--scheduler", metavar="ADDRESS", dest="scheduler",
                       help="run on a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    build.add_argument("--fresh", action="store_true",
                       help="reprocess every article instead of reusing unchanged ones")
    build.add_argument("--quiet", action="store_true", help="print problems only")
    build.add_argument("--clean", action="store_true", dest="clean_exports",
                       help="take the text of CSV / JSON-lines exports as copied pages and clean "
                            "them (by default it is taken as clean article text)")
    build.set_defaults(run=_run_build)

    report = commands.add_parser("report", help="build each corpus, run the notebooks on it and "
                                                "write figures, tables and index.html to reports/<corpus>/")
    report.add_argument("corpus", nargs="*",
                        help="corpus folders (data/raw/<corpus>) or corpus names; default: every "
                             "folder in data/raw")
    report.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the build and for scoring sentences (default: all cores)")
    report.add_argument("--cell-timeout", type=float, metavar="SECONDS", dest="cell_timeout",
                        help="seconds one notebook cell may run before the notebook counts as failed "
                             "(default: FRAMING_CELL_TIMEOUT, else 300 s plus 2 ms per sentence)")
    report.add_argument("--clean", action="store_true", dest="clean_exports",
                        help="take the text of CSV / JSON-lines exports as copied pages and clean "
                            "them (by default it is taken as clean article text)")
    report.add_argument("--event", metavar="NAME",
                        help="narrow every notebook and the event pages to one event (the `event` "
                             "column of the articles table)")
    report.set_defaults(run=_run_report)

    figure = commands.add_parser("figure", help="redraw a saved chart at another size or format "
                                                "(e.g. for a paper), from its JSON record")
    figure.add_argument("name", nargs="?", help="the figure's name (e.g. frame_prevalence_by_outlet) or the "
                                                "path of its .json record; without it, the list (--list)")
    figure.add_argument("--list", action="store_true", dest="list_only",
                        help="list the saved charts that can be redrawn (of --corpus, or of every corpus), "
                             "each with where it is and what it shows, and redraw nothing")
    figure.add_argument("--corpus", help="the corpus whose report (or scratch folder) has the figure; "
                                         "needed when several do")
    figure.add_argument("--width", type=float, help="width in inches (default 4.7: a one-column page; "
                                                    "3.3 fits a column of a two-column page)")
    figure.add_argument("--height", type=float, help="height in inches (default: the chart's own)")
    figure.add_argument("--dpi", type=int, default=200, help="resolution of PNG files (default 200)")
    figure.add_argument("--format", dest="formats", action="append", choices=["pdf", "png", "svg"],
                        help="file format; repeat for several (default pdf)")
    figure.add_argument("--caption", action="store_true", help="draw the caption in the file")
    figure.add_argument("--out", type=Path, help="folder to write to (files go to <out>/figures/; "
                                                 "default: reports/_scratch/<corpus>/)")
    figure.add_argument("--overwrite", action="store_true",
                        help="replace a file of the same name there even when framing did not write "
                             "it or it was changed since (by default only framing's own earlier, "
                             "unchanged export is replaced)")
    figure.set_defaults(run=_run_figure)

    explain = commands.add_parser("explain", help="show, line by line, what was kept (as which kind) "
                                                  "and what was dropped (by which rule)")
    explain.add_argument("file", type=Path, help="the file, or one row of an export as a build warning names "
                         "it (\"my-corpus/export.csv row 15\", quoted or not)")
    explain.add_argument("row", nargs="*", help=argparse.SUPPRESS)  # `row 15` of an unquoted name
    explain.add_argument("--dropped", action="store_true", help="show only dropped lines")
    explain.add_argument("--clean", action="store_true", dest="clean_exports",
                         help="take the text of CSV / JSON-lines exports as copied pages and clean "
                            "them (by default it is taken as clean article text)")
    explain.set_defaults(run=_run_explain)

    clean = commands.add_parser("clean", help="remove the tables and reports framing wrote "
                                              "(coding sheets and anything else of yours stay)")
    clean.add_argument("corpus", nargs="*", help="corpus names; default: every corpus with tables or a report")
    clean.set_defaults(run=_run_clean)
    return parser


def _say_linked(names) -> None:
    """A note for each corpus asked for (every one, when none is named) that data/raw/ holds as a
    link to a folder of another name: its tables and report take the real folder's name."""
    from .config import linked_corpora

    asked = {_linked_name(given) for given in names or ()}
    for name, real in linked_corpora().items():
        if not names or name in asked:
            print(f"note: data/raw/{name} is a link to {real}: framing names a corpus after its real folder, so "
                  f"its tables and report are data/processed/{real.name}/ and reports/{real.name}/ "
                  f"(a notebook's `corpus = {name!r}` reads them too); name the link {real.name!r} "
                  "to have one name", file=sys.stderr)


def _linked_name(given: str) -> str:
    """The name under data/raw/ a corpus argument stands for: the name itself, or the last part of a
    path to a folder of data/raw/ (`data/raw/mine`, `data/raw/mine/`), whose link is not followed."""
    path = Path(given)
    if len(path.parts) > 1 and path.absolute().parent.resolve() == raw_dir().resolve():
        return path.name
    return given


def _say_loose(names) -> None:
    """When every corpus is taken (no name given): a note naming the files put in data/raw/ itself,
    which no corpus reads (a newcomer's first articles, dropped beside the corpus folders)."""
    from .config import loose_files
    from .store.words import short_list

    loose = [] if names else loose_files()
    if loose:
        print(f"note: {short_list([p.name for p in loose], 5)} in data/raw/ itself {'is' if len(loose) == 1 else 'are'} "
              "in no corpus folder, so no corpus reads "
              f"{'it' if len(loose) == 1 else 'them'}: move {'it' if len(loose) == 1 else 'them'} into a corpus "
              "folder, data/raw/<corpus>/", file=sys.stderr)


def _run_build(args) -> int:
    from .build import build_corpus

    _say_linked(args.corpus)
    _say_loose(args.corpus)
    corpora = corpus_folders(args.corpus)
    if not corpora:
        from .store import no_corpora

        print(no_corpora("build"), file=sys.stderr)
        return 2
    if args.out is not None and not args.out.strip():
        raise UsageError("an empty --out: give a new or empty folder, e.g. --out results/<corpus>")
    if args.out and len(corpora) > 1:
        print("--out takes one corpus at a time", file=sys.stderr)
        return 2
    built_any = False
    for folder in corpora:
        if not folder.is_dir():
            from .store import missing_corpus

            print(missing_corpus(folder, "build"), file=sys.stderr)
            continue
        out = Path(args.out) if args.out is not None else processed_dir(project_of(folder)) / folder.name
        from .build import last_build_info

        before = last_build_info(out)
        try:
            build = build_corpus(folder, out, fresh=args.fresh, workers=args.workers,
                                 scheduler=args.scheduler, progress=not args.quiet,
                                 clean_exports=args.clean_exports)
        except UsageError as error:  # this corpus's output cannot be written; the others still can
            print(f"framing: {error}", file=sys.stderr)
            continue
        except OSError as error:  # the output folder is read-only, full or gone
            from .store import describe_write_error

            print(f"framing: {describe_write_error(error, folder=out)}", file=sys.stderr)
            continue
        built_any |= _report_build(folder, out, build, quiet=args.quiet, before=before, fresh=args.fresh)
    return 0 if built_any else 1


def _report_build(folder: Path, out: Path, build, *, quiet: bool, before: dict | None = None,
                  fresh: bool = False) -> bool:
    """Print a build's problems and summary; True when tables were written. `before`: the last
    build's record (None: there was none, so nothing could be reused)."""
    from .build import grouped_problems

    for problem in grouped_problems(build.problems):  # input files are named within the corpus; outputs in full
        where = "" if Path(problem.file).is_absolute() else f"{folder.name}/"
        print(f"warning: {where}{problem}", file=sys.stderr)
    for note in build.notes:  # which column of each export gave the text, title, outlet, date
        print(f"note: {folder.name}/{note}", file=sys.stderr)
    if build.articles.empty:
        from .report import nothing_usable

        print(f"{folder}: nothing usable to build ({nothing_usable(build)}); previous tables (if any) "
              "left as they were", file=sys.stderr)
        return False
    if not quiet:
        from .build import changes_line, counts_line, reuse_note

        info = json.loads((out / "build.json").read_text(encoding="utf-8"))
        print(f"{folder.name}: {counts_line(info)}, {_count(len(build.problems), 'warning')} "
              f"({reuse_note(None if before is None else build.n_reused, fresh=fresh)}) → {out}")
        if changes := changes_line(before, info):
            print(f"  files since the last build: {changes}")
        print(f"  lines removed: {removed_summary(build.removed_by_rule, build.prose_dropped)}")
    if build.kept:
        from .store import kept_line

        print(f"{folder.name}: {kept_line(out, build.kept, what='the tables folder')}", file=sys.stderr)
    return True




def _count(n: int, noun: str) -> str:
    """"1 line", "3 lines"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _run_report(args) -> int:
    # Papermill and nbformat import jsonschema, which loads rfc3987_syntax where it is installed (a
    # dependency of Jupyter's event schemas) and so compiles a Lark grammar for the "iri" string
    # formats: about 2 s of CPU at every report, for formats no notebook's schema uses and that
    # jsonschema checks only when asked. This command goes without them.
    sys.modules.setdefault("rfc3987_syntax", None)
    from .report import run_reports

    _say_linked(args.corpus)
    _say_loose(args.corpus)
    if not args.corpus and not corpus_folders():
        from .store import no_corpora

        print(no_corpora("report"), file=sys.stderr)
        return 2
    return run_reports(args.corpus or None, workers=args.workers, cell_timeout=args.cell_timeout,
                       clean_exports=args.clean_exports, event=args.event, warn=_to_stderr)


def _to_stderr(line: str) -> None:
    """A warning or refusal of `framing report`, on standard error as `framing build` prints them,
    so that the progress on standard output can be kept or dropped apart from them."""
    print(line, file=sys.stderr)


def removed_summary(by_rule: dict[str, int], prose: int) -> str:
    """"outside_body 120, menu 14 (3 read as prose)": the lines a build removed, by rule."""
    if not by_rule:
        return "none"
    parts = ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])))
    return parts + (f" ({prose} read as prose)" if prose else "")


def _run_figure(args) -> int:
    from .config import shown_path
    from .plots import describe_figures, export_figure, find_figure, list_figures

    if args.list_only or args.name is None:
        print(describe_figures(list_figures(corpus=args.corpus)))
        return 0
    try:
        source = find_figure(args.name, corpus=args.corpus)  # the report's chart before the scratch one
        paths = export_figure(str(source), corpus=args.corpus, out=args.out, width=args.width,
                              height=args.height, dpi=args.dpi, formats=args.formats or ["pdf"],
                              caption=args.caption, overwrite=args.overwrite)
    except (FileNotFoundError, ValueError) as error:
        print(f"framing figure: {error}", file=sys.stderr)
        return 2
    print(f"framing figure: redrawn from {shown_path(source)}", file=sys.stderr)  # the report's, or a notebook's by hand
    for fmt, path in paths.items():
        if fmt not in ("json", "data"):
            print(path)
    return 0


def _run_clean(args) -> int:
    """Remove what framing wrote under data/processed/, reports/ and reports/_scratch/ (see
    `store.remove_outputs`); anything else is kept and named. Where one of these is a link to a
    folder elsewhere (another disk), framing's folders are removed there, as the build wrote
    them there; the link stays."""
    from .config import real_corpus_name, reports_dir
    from .store import remove_outputs

    places = [(processed_dir(), "tables"), (reports_dir(), "report"), (reports_dir() / "_scratch", "report")]
    asked = {real_corpus_name(name): name for name in args.corpus or []}  # a link in data/raw/: its real folder's
    named = set()
    for base, kind in places:
        if not base.is_dir():
            continue
        base = base.resolve()
        for folder in sorted(base.iterdir()):
            name = _corpus_named(folder.name)
            if folder.name == "_scratch" or not folder.is_dir() or (args.corpus and name not in asked):
                continue
            named.add(asked.get(name, name))
            print(remove_outputs(folder, kind, guard=processed_dir() / name))
    unknown = [name for name in args.corpus or [] if name not in named]
    for name in unknown:
        have = sorted(named) if not args.corpus else sorted(_output_names(places))
        print(f"{name}: framing wrote nothing for a corpus of that name"
              + (f"; it has outputs for: {', '.join(have)}" if have else "; there is nothing to clean"),
              file=sys.stderr)
    return 2 if unknown else 0


def _corpus_named(entry: str) -> str:
    """The corpus an output folder belongs to: its name, or for a staging folder framing left
    (`.<corpus>.<random>.tmp`, `.<corpus>.<random>.old`) the name inside."""
    staged = re.fullmatch(r"\.(.+)\.[^.]+\.(?:tmp|old)", entry)
    return staged.group(1) if staged else entry


def _output_names(places) -> set[str]:
    """The corpus names with a folder in data/processed/, reports/ or reports/_scratch/."""
    return {_corpus_named(folder.name) for base, _ in places if base.is_dir() for folder in base.iterdir()
            if folder.is_dir() and folder.name != "_scratch"}


def _explained_file(path: Path) -> Path:
    """The file `framing explain` is asked about: `path` itself, else the file of that path under
    data/raw/ (`<corpus>/<file>`, as the build's warnings name files), else the one corpus file of
    that path relative to its corpus folder, when exactly one corpus under data/raw/ has it."""
    if path.is_file() or path.is_absolute():
        return path
    if (raw_dir() / path).is_file():
        return raw_dir() / path
    found = [folder / path for folder in corpus_folders() if (folder / path).is_file()]
    return found[0] if len(found) == 1 else path


def _explained_row(given: Path) -> tuple[Path, int | None]:
    """The file `framing explain` is asked about and, for one row of an export named as the build's
    warnings name it ("climate/export.csv row 15"), that row; None for every row of the file."""
    path = _explained_file(given)
    named = re.fullmatch(r"(.+?)\s+row\s+(\d+)", str(given))
    if path.is_file() or not named:
        return path, None
    return _explained_file(Path(named.group(1))), int(named.group(2))


def _missing_file(path: Path) -> str:
    """The message for a file `framing explain` cannot find, naming what is wrong: no project here,
    a corpus name that names no folder of data/raw/ (with the closest), or a file name that names no
    file of its folder (with the closest names there)."""
    if not path.is_absolute() and not in_a_project():
        home = installed_project()
        there = home is not None and ((home / "data" / "raw" / path).is_file()
                                      or any((folder / path).is_file() for folder in corpus_folders(root=home)))
        hint = f": `cd {home} && framing explain {path}`" if there else ""
        return (f"{path}: no such file: {Path.cwd()} is in no framing project (no data/raw/ in it or in a "
                f"folder above it); give the file's path, or run framing from your project's folder{hint}")
    folder = path.parent
    if len(path.parts) > 1 and not path.is_absolute() and not folder.is_dir() and not (raw_dir() / folder).is_dir():
        corpora = [f.name for f in corpus_folders()]
        close = difflib.get_close_matches(path.parts[0], corpora, n=1, cutoff=0.6)
        guess = (f" (did you mean {close[0]}? `framing explain {Path(close[0], *path.parts[1:])}`)"
                 if close else "")
        return (f"{path}: no such file: {path.parts[0]} is no folder here nor a corpus of data/raw/{guess}; "
                f"the corpora are: {', '.join(corpora) or 'none yet'}")
    if len(path.parts) > 1:
        folder = folder if folder.is_dir() else raw_dir() / folder
        names = [f.name for f in folder.iterdir() if f.is_file() and not f.name.startswith(".")]
        close = difflib.get_close_matches(path.name, names, n=3, cutoff=0.6)
        guess = f" (did you mean {' or '.join(close)}?)" if close else ""
        return f"{path}: no such file in {folder}{guess}"
    return f"{path}: no such file; give its path, e.g. data/raw/<corpus>/{path.name}"


def _row_ranges(rows: list[int]) -> str:
    """"1-6, 8, 10-12": sorted row numbers as the runs they make."""
    runs: list[list[int]] = []
    for number in rows:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(f"{first}-{last}" if last > first else f"{first}" for first, last in runs)


def _run_explain(args) -> int:
    from .build import copies_in_last_build, explain_inputs, label_article, process_article
    from .build.article import explain_command
    from .build.corpus import corpus_of
    from .ingest import _where

    if args.row and not re.fullmatch(r"row \d+", " ".join(args.row)):
        print(f"framing explain takes one file (or one row of an export: \"{args.file} row 3\"); it was also "
              f"given {' '.join(args.row)}", file=sys.stderr)
        return 2
    path, row = _explained_row(Path(" ".join([str(args.file), *args.row])))  # `export.csv row 15` unquoted: three words
    if not path.is_file():
        print(_missing_file(path), file=sys.stderr)
        return 2
    raws, problems, repeats = explain_inputs(path, clean_exports=args.clean_exports)
    if row is not None:  # one row of an export, as a build warning names it
        rows = sorted(raw.record for raw in raws if raw.record is not None)
        raws = [raw for raw in raws if raw.record == row]
        problems = [p for p in problems if not re.search(r" rows? \d", p.file) or p.file.endswith(f" row {row}")]
        if not raws:
            print(f"{path.name} has no article at row {row} (a blank row, a row without text, or past its "
                  f"last row): its rows with an article are {_row_ranges(rows) or 'none'}"
                  + ("; the warnings below say why" if problems else ""), file=sys.stderr)
    corpus = corpus_of(path)
    state, copies = copies_in_last_build(corpus)
    if state == "current":  # the build's word on a copy (it says what the check on the raw text found, and after)
        problems = [p for p in problems if not (p.copy_of and p.file in copies)]
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    for raw in raws:
        if raw.record is not None:
            print(f"\n── row {raw.record} ──")
        lines, inferred = label_article(raw, site_repeats=repeats.get(raw.article_id, frozenset()))
        for line in lines:
            if args.dropped and line.kind is not None:
                continue
            status = f"keep {line.kind}" if line.kind else "drop"
            print(f"{line.number:>5}  {status:<15} {line.rule:<22} {line.text.strip()[:100]}")
        known = ", ".join(f"{k}={v}" for k, v in inferred.items() if v)
        print(f"\nread from the text: {known or 'nothing'}")
        kept = sum(1 for line in lines if line.kind)
        print(f"{kept} lines kept, {len(lines) - kept} dropped")
        # what the build says of it (skipped, and why: "does not read as English"…), without its
        # pointer back to this command
        said = copies.get(_where(raw), [])
        built = process_article(raw, corpus=path.parent.name, site_repeats=repeats.get(raw.article_id, frozenset()))
        for problem in [] if state == "current" and said else built.problems:  # a copy's warnings give way to its skip
            print(f"the build: {problem.message.replace(f'; check with {explain_command(raw.source_file)}', '')}")
        for message in said:  # a copy found once cleaned, which explain does not see: as the last build said
            print(f"the build: {message}" if state == "current" else
                  f"the last build, before the corpus folder changed: {message}")
    if raws and state != "current":
        _cannot_tell_copies(state, corpus)
    return 0 if raws else 1


def _cannot_tell_copies(state: str, corpus: Path) -> None:
    """What `framing explain` cannot say without a build of the corpus as it is: whether an article is
    the same as another in a different format, found on the cleaned text of every file of the corpus
    (explain cleans one file: cleaning them all would make it as slow as the build), and where to look."""
    why = "the corpus has not been built" if state == "none" else "the corpus folder changed since its last build"
    built = project_of(corpus) is not None
    print(f"\nas a copy: explain cannot tell whether this is the same article as another file of the corpus once "
          f"both are cleaned ({why}): the build finds such copies on the cleaned text of every file; "
          f"`framing build {corpus.name if built else corpus}` names each one it skips"
          + (", and explain then says so here" if built else ""))


if __name__ == "__main__":
    sys.exit(main())
