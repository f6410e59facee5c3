"""Write and read a corpus's processed tables (`data/processed/<corpus>/`).

Tables are written as Parquet with CSV copies for spreadsheet users. A table too large for one file
(more than `PARTITION_ROWS` rows) is written as a folder of Parquet parts, `<name>/part-*.parquet`,
without a CSV copy; the loaders read both layouts. Writing is atomic: every file is first written
under a temporary name and only then moved into place, so a run killed midway leaves the previous
tables intact.

A build also leaves `.texts-seen.parquet` beside its tables (what its near-duplicate check learnt
of each text, see `framing.build.save_texts_seen`), which the next build may read back.

framing writes and deletes only inside folders it owns, and only files it wrote there. A folder it
makes carries a marker file, `.framing`; an existing folder is written into, cleaned or replaced
only when it carries the marker (or is empty, or holds nothing but what an earlier version of
framing wrote). Every output folder lists the files framing wrote there with their SHA-256
(`.framing-files.json`, see `written_files`): only those, unchanged, are ever replaced or removed. Files are created readable as the user's umask allows, like any other tool's.
Every CSV cell a spreadsheet would run as a formula is written with a leading `'` (the Parquet
tables keep the raw value).
"""
from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import uuid
import warnings
from pathlib import Path

import pandas as pd

from .config import CONTENT_KINDS, UsageError, corpus_folders, processed_dir, raw_dir

SCRATCH = "_scratch"  # reports/_scratch/<corpus>/: what notebooks write when run by hand


def counted(n: int, plural: str) -> str:
    """'1 figure', '2 figures', '1,200 sentences': the count and the noun it takes."""
    noun = plural[:-1] if int(n) == 1 and plural.endswith("s") else plural
    return f"{int(n):,} {noun}"


TABLES = ("articles", "sentences", "removed")
PARTITION_ROWS = 1_000_000  # larger tables become a folder of parts
CSV_MAX_ROWS = 200_000  # larger tables get no CSV copy: spreadsheets cannot use them


def save_tables(tables: dict, out: Path, *, info: dict | None = None) -> list[Path]:
    """Write each table (a DataFrame or an Arrow table) as `<name>.parquet` and, when it is no
    larger than `CSV_MAX_ROWS`, `<name>.csv` under `out`, plus `build.json` (info, with each
    table's row count and content hash under `tables`, see `check_tables`).

    All files are written to temporary names first and then renamed into place together
    (`publish`: only framing's own unchanged files are replaced, anything else is set aside).
    `out` must be framing's (see `claim_folder`). Returns the files written."""
    return _save_tables(tables, out, info=info).files


def _save_tables(tables: dict, out: Path, *, info: dict | None = None, folders=(), also=()) -> "Published":
    """`save_tables`, publishing also the staged parts `folders` ((staged folder, final) pairs)
    and recording the files `also` (written already) as framing's."""
    out = claim_folder(out)
    staged: list[tuple[Path, Path]] = []
    info = None if info is None else {**info, "tables": dict(info.get("tables", {}))}
    try:
        for name, table in tables.items():
            parquet = _stage(out / f"{name}.parquet", lambda p, t=table: _write_parquet(t, p))
            staged.append(parquet)
            if info is not None:
                info["tables"][name] = fingerprint([parquet[0]])
            if len(table) <= CSV_MAX_ROWS:
                staged.append(_stage(out / f"{name}.csv", lambda p, t=table: _write_csv(t, p)))
        if info is not None:
            text = json.dumps(info, indent=2, sort_keys=True, default=str) + "\n"
            staged.append(_stage(out / "build.json", lambda p: p.write_text(text, encoding="utf-8")))
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    stale = [out / name for name in tables]  # a table now in one file: its parts folder goes
    stale += [out / f"{name}.csv" for name, table in tables.items() if len(table) > CSV_MAX_ROWS]
    stale += [out / f"{final.name}{suffix}" for _, final in folders for suffix in (".parquet", ".csv")]
    return publish(out, staged, folders=folders, stale=stale, also=also)


def _write_parquet(table, path: Path) -> None:
    import pyarrow.parquet as pq

    if isinstance(table, pd.DataFrame):
        table.to_parquet(path, index=False)
    else:
        pq.write_table(table, path)


def _write_csv(table, path: Path) -> None:
    """A build table as CSV through Arrow (an order of magnitude faster than pandas on large
    tables), text cells made safe for spreadsheets (`neutralise_formulas`)."""
    import pyarrow as pa
    import pyarrow.csv

    if isinstance(table, pd.DataFrame):
        table = pa.Table.from_pandas(table, preserve_index=False)
    pyarrow.csv.write_csv(neutralise_formulas(table), path)


def save_csv(table: pd.DataFrame, path: Path) -> Path:
    """Write a DataFrame as CSV to `path` atomically (temporary name, then rename), text cells made
    safe for spreadsheets (`neutralise_formulas`); the folder is created when missing. Every CSV
    framing writes outside the build tables goes through here. Returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe = neutralise_formulas(table)
    temp, final = _stage(path, lambda p: safe.to_csv(p, index=False))
    os.replace(temp, final)
    return final


# A cell a spreadsheet reads as a formula (or as the start of one, after a tab or a carriage
# return): the first characters OWASP's guidance on CSV injection names.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def neutralise_formulas(table):
    """The table with every text cell that starts like a formula (`FORMULA_START`) prefixed with a
    single quote, so a spreadsheet shows it as text instead of running it. Other cells are
    unchanged: numbers stay numbers (-0.5 in a numeric column is not touched). Takes a DataFrame or
    an Arrow table and returns the same kind; the caller's table is not changed. The Parquet tables
    keep the raw values: only CSV copies are neutralised."""
    if isinstance(table, pd.DataFrame):
        columns = {name: _neutralise_series(table[name]) for name in table.columns
                   if _is_text_dtype(table[name].dtype)}
        if not columns:
            return table
        safe = table.copy()
        for name, column in columns.items():
            safe[name] = column
        return safe
    import pyarrow as pa

    columns = [_neutralise_column(column) for column in table.columns]
    return pa.Table.from_arrays(columns, schema=pa.schema(
        [field.with_type(column.type) for field, column in zip(table.schema, columns)]))


def _is_text_dtype(dtype) -> bool:
    return dtype == object or isinstance(dtype, (pd.StringDtype, pd.CategoricalDtype)) \
        or str(dtype).startswith("str")


def _neutralise_series(column: pd.Series) -> pd.Series:
    if isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(object)
    return column.map(lambda cell: "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START)
                      else cell, na_action="ignore")


def _neutralise_column(column):
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return column
    risky = pc.fill_null(pc.match_substring_regex(column, _FORMULA.pattern), False)
    if not pc.any(risky).as_py():
        return column
    # Only the risky cells are quoted and put back in place (quoting every cell and choosing
    # between the two columns copies the whole column twice).
    if isinstance(column, pa.ChunkedArray):  # (replace_with_mask takes one array)
        column, risky = column.combine_chunks(), risky.combine_chunks()
    quoted = pc.binary_join_element_wise(pa.scalar("'", kind), column.filter(risky), pa.scalar("", kind))
    return pc.replace_with_mask(column, risky, quoted)


def save_parts(parts: dict[str, list[Path]], out: Path, *, info: dict, also=()) -> "Published":
    """Publish tables already written in parts (Parquet files of the same schema, in order).

    A table of at most `PARTITION_ROWS` rows is joined into `<name>.parquet` (and CSV); a larger one
    becomes the folder `<name>/` holding the parts, swapped in whole (with any file of the user's
    that was in the old one). The part files are consumed. `also`: files the build wrote into `out`
    already, recorded as framing's. Returns what was written and what of the user's was kept
    (`Published`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = claim_folder(out)
    small, folders = {}, []
    info = {**info, "tables": {}}
    try:
        for name, files in parts.items():
            rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
            if rows <= PARTITION_ROWS:
                small[name] = pa.concat_tables([pq.read_table(f) for f in files], promote_options="default")
                continue
            folder = mark_folder(make_temp_dir(out, prefix=f".{name}."))
            folders.append((folder, out / name))
            for number, file in enumerate(files):
                os.replace(file, folder / f"part-{number:05d}.parquet")
            info["tables"][name] = fingerprint(table_files(folder.parent, folder.name))
        return _save_tables(small, out, info=info, folders=folders, also=also)
    finally:
        for folder, _ in folders:  # (gone when it was swapped in)
            shutil.rmtree(folder, ignore_errors=True)


def swap_folder(staged: Path, final: Path) -> Path:
    """Put a staged folder in place of `final`; the old one is removed only once the new one is in.
    An existing `final` must be framing's (`owns`), else UsageError and nothing is changed."""
    if final.is_symlink() or (final.exists() and not owns(final)):
        raise UsageError(refusal(final))
    trash = final.with_name(f".{final.name}.{uuid.uuid4().hex[:12]}.old")
    if final.exists():
        os.replace(final, trash)
    os.replace(staged, final)
    shutil.rmtree(trash, ignore_errors=True)
    return final


# ── folders framing owns ─────────────────────────────────────────────────────────────────────────

MARKER = ".framing"
_MARKER_TEXT = ("This folder was made by framing. framing may replace it and the files it wrote "
                "here; it never writes into or deletes a folder without this file.\n")
# What earlier versions of framing wrote, before their folders carried the marker: a folder holding
# nothing else (and the kind of file that says it is framing's) is taken as framing's own.
_TABLE_FILES = re.compile(r"(articles|sentences|removed)\.(parquet|csv)|build\.json|\.texts-seen\.parquet")
_PART_FILES = re.compile(r"part-\d+\.parquet")
_REPORT_FOLDERS = {"figures": re.compile(r".+\.(png|svg|pdf|json)"), "tables": re.compile(r".+\.csv"),
                   "notebooks": re.compile(r".+\.ipynb"),
                   "coding": re.compile(r".+")}  # people's coding sheets: the report keeps them
_SCRATCH = re.compile(r"\..+\.(tmp|old)|\.build-.+")  # framing's temporary names
_TEMP_FILE = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # `make_temp_file`: `.<name>.<8 random>.tmp`
_BUILD_STAGING = re.compile(r"\.build-[a-z0-9_]{8}\.tmp")  # a build's staging folder (no marker)


def _framing_temp(path: Path) -> bool:
    """Whether `path` is a temporary file or staging folder of framing's (what a run that was killed
    leaves): a file named as `make_temp_file` names them, a build's staging folder, or a folder of a
    temporary name carrying framing's marker. A user's `.notes.tmp` or `.drafts.old` is none of
    them: it is kept, and carried into a new report like any file of the user's."""
    if path.is_symlink() or not _SCRATCH.fullmatch(path.name):
        return False
    if path.is_dir():
        return (path / MARKER).is_file() or bool(_BUILD_STAGING.fullmatch(path.name))
    return bool(_TEMP_FILE.fullmatch(path.name))


def remove_outputs(folder: Path, kind: str, *, guard: Path | None = None) -> str:
    """Remove from `folder` what framing wrote into a folder of this `kind` ("tables" or "report")
    and its temporary files, only when the folder carries framing's marker (a folder framing may
    merely write into, by `owns`, but did not mark is left whole), and not while a framing command
    holds its lock (`lock_folder`); the folder itself goes once nothing else is left. Only the
    files framing wrote (`written_files`) go, and only unchanged; a folder framing made inside
    (a table's parts, a report's `figures/`) goes only once nothing else is in it. A staging folder
    framing left (a report that was stopped before its end) goes whole. `guard`: the tables folder
    of the same corpus, whose lock a running report holds: while it is held, nothing is removed
    either. A link the user made to a folder elsewhere (e.g. `data/processed/<corpus>` on another
    disk), which framing wrote into through the link: framing's files go from the folder it points
    to; the link and that folder stay. Returns one line: what was removed, or what was kept and why."""
    folder = Path(folder)
    linked = folder.is_symlink()
    place = folder.resolve() if linked else folder
    if not place.is_dir() or not (place / MARKER).is_file() or (linked and _SCRATCH.fullmatch(folder.name)):
        return f"kept {folder}: not made by framing"
    guard = Path(guard) if guard is not None and (Path(guard) / MARKER).is_file() else place
    try:
        with lock_folder(guard), lock_folder(place):
            if _SCRATCH.fullmatch(folder.name):  # staging of a run that was stopped: framing's alone
                shutil.rmtree(folder)
                return f"removed {folder} (left by a run that was stopped)"
            _remove_written(place, kind)
            kept = sorted(p.relative_to(place).as_posix() for p in place.rglob("*")
                          if p.name not in _BOOKKEEPING
                          and (p.is_symlink() or not p.is_dir() or not any(p.iterdir())))
            if kept:
                if (place / MANIFEST).is_file():  # what is left is the user's: a rerun keeps it all
                    _save_manifest(place, {})
                return (f"cleaned {folder}; kept what may be people's work (coding sheets, files framing "
                        f"did not write or that were edited): {_listed(kept)}"
                        + (f"; {folder} is a link to {place}: both stay" if linked else ""))
            for name in _BOOKKEEPING:
                (place / name).unlink(missing_ok=True)
            if linked:
                return f"cleaned {place} (linked from {folder}: the link and the folder stay, empty)"
            folder.rmdir()
    except FolderBusy as busy:
        return f"kept {busy}"
    return f"removed {folder}"


def _listed(names: list[str], shown: int = 8) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _remove_written(folder: Path, kind: str) -> None:
    """Remove from `folder` the files framing wrote there and that are unchanged, framing's
    temporary files where it writes, and the folders it made there once they are empty."""
    written = written_files(folder, kind)
    for name, recorded in written.items():
        if _unchanged(folder, folder / name, recorded):
            (folder / name).unlink()
    made = {parent for name in written for parent in Path(name).parents if parent != Path(".")}
    made |= {Path(name) for name in _SUBFOLDERS[kind]}
    for place in {Path(".")} | made:  # temporary files of a run that was killed, where framing writes
        if (folder / place).is_dir() and not (folder / place).is_symlink():
            for path in list((folder / place).iterdir()):
                if _framing_temp(path):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
    for place in sorted(made, key=lambda p: -len(p.parts)):
        _remove_empty_folder(folder / place)


def _remove_empty_folder(folder: Path) -> None:
    """Remove `folder` when it is a folder (not a link) holding nothing but framing's marker."""
    if folder.is_dir() and not folder.is_symlink() and all(p.name == MARKER for p in folder.iterdir()):
        (folder / MARKER).unlink(missing_ok=True)
        folder.rmdir()


# ── what framing wrote into an output folder: its list, `.framing-files.json` ────────────────────
#
# One implementation for every output folder: a report (`reports/<corpus>/`, swapped in whole), the
# scratch folder and any `--out` folder charts are exported to (written file by file), and a
# corpus's tables folder (`data/processed/<corpus>/`, written in place). A file is framing's when
# the list names it and it still has the SHA-256 recorded there; everything else is the user's and
# is never replaced or removed: set aside under a name of its own (`<name>.yours<suffix>`) when
# framing must write a file of that name, kept where it is otherwise.

MANIFEST = ".framing-files.json"  # each file framing wrote in an output folder, with its SHA-256
LOCK = ".framing-lock"  # in a tables folder while a framing command works on it (`lock_folder`)
_BOOKKEEPING = (MARKER, MANIFEST, LOCK)
HUMAN_INPUT = "coding"  # a report's coding/: coding sheets and anything else people put there
_SUBFOLDERS = {"report": ("figures", "tables", "notebooks", "events", "events/figures"),  # framing makes these
               "tables": TABLES}  # a table's parts


class OutputExists(UsageError, FileExistsError):
    """A file framing would write is there already and is not framing's unchanged output."""


def write_manifest(folder: Path) -> Path:
    """Record in `<folder>/.framing-files.json` every file now in a report folder framing is
    writing (relative path and SHA-256), except `coding/` (people's work, always kept) and
    framing's bookkeeping: what `written_files` later reads as framing's."""
    folder = Path(folder)
    files = {p.relative_to(folder).as_posix(): _sha256(p) for p in sorted(folder.rglob("*"))
             if p.is_file() and not p.is_symlink() and p.name not in _BOOKKEEPING
             and p.relative_to(folder).parts[0] != HUMAN_INPUT and not _framing_temp(p)}
    return _save_manifest(folder, files)


def _save_manifest(folder: Path, files: dict) -> Path:
    """Write the list: relative name → SHA-256 (or, while files are being replaced, the list of
    the old and the new one: either is framing's)."""
    text = json.dumps({"files": dict(sorted(files.items()))}, indent=1) + "\n"
    return save_text(text, Path(folder) / MANIFEST)


def record_files(folder: Path, paths) -> Path:
    """Add the files `paths` (written by framing inside the output folder `folder`) to its list,
    with their SHA-256 now. A folder without a list gets one, holding first what framing is known
    to have written there (`written_files`), as those files are now."""
    folder = _absolute(folder)
    files = {name: _sha256(folder / name) if recorded is None else recorded
             for name, recorded in written_files(folder).items() if _unchanged(folder, folder / name, None)}
    for path in paths:
        files[_absolute(path).relative_to(folder).as_posix()] = _sha256(path)
    return _save_manifest(folder, files)


def written_files(folder: Path, kind: str = "report") -> dict[str, str | list | None]:
    """The files framing wrote in an output folder: relative path → the SHA-256 it had when written
    (a list: any of them). Read from `.framing-files.json`; a folder framing may write into
    (`owns`) that has no list (a scratch folder, a report or tables of an earlier version) is read
    by what framing writes there, with no hash (None): for a report, `index.html`, `events/*.html`
    and their charts, `notebooks/*.ipynb`, `tables/*.csv`, and in `figures/` each chart's record
    (`<name>.json`) and the files it names; for tables, the tables with their CSV copies, parts
    and `build.json`. Any other folder without a list holds nothing of framing's."""
    folder = Path(folder)
    try:
        files = dict(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"])
        # only names inside the folder: a list edited by hand or damaged never reaches beyond it
        return {name: digest for name, digest in files.items()
                if isinstance(name, str) and name and not Path(name).is_absolute() and ".." not in Path(name).parts}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    if not folder.is_dir() or folder.is_symlink() or not owns(folder):
        return {}
    if kind == "tables":
        found = [p for p in folder.iterdir() if _TABLE_FILES.fullmatch(p.name)]
        found += [p for name in TABLES if (folder / name).is_dir() and not (folder / name).is_symlink()
                  for p in (folder / name).iterdir() if _PART_FILES.fullmatch(p.name)]
    else:
        found = [folder / "index.html", *folder.glob("events/*.html"), *folder.glob("events/figures/*_sentiment.png"),
                 *folder.glob("notebooks/*.ipynb"), *folder.glob("tables/*.csv")]
        for record in folder.glob("figures/*.json"):
            found += [record] + [record.parent / name for name in _named_in_record(record)]
    return {p.relative_to(folder).as_posix(): None for p in found if _plain_file_in(folder, p)}


report_files = written_files  # (its name when only report folders had a list)


def _absolute(path) -> Path:
    """`path` from the root, `..` taken away by its name (as the folder and the files in it are
    named alike, their relative names come out right)."""
    return Path(os.path.abspath(path))


def _unchanged(folder: Path, path: Path, recorded) -> bool:
    """Whether `path` is a plain file in `folder` (`_plain_file_in`) whose SHA-256 is the one
    recorded (None: not recorded, taken as unchanged; a list: any of them)."""
    if not _plain_file_in(folder, path):
        return False
    if recorded is None:
        return True
    digest = _sha256(path)
    return digest == recorded or (isinstance(recorded, list) and digest in recorded)


def is_framings(folder: Path, path: Path, written: dict | None = None, kind: str = "report") -> bool:
    """Whether `path`, inside the output folder `folder`, is a file framing wrote and nobody changed
    since (what framing may replace or remove). `written`: `written_files(folder, kind)`, when read."""
    folder = _absolute(folder)
    written = written_files(folder, kind) if written is None else written
    name = _absolute(path).relative_to(folder).as_posix()
    return name in written and _unchanged(folder, _absolute(path), written[name])


def check_replaceable(folder: Path, paths, *, overwrite: bool = False,
                      force: str = "overwrite=True") -> None:
    """OutputExists (naming the files and `force`, how to replace them anyway) when one of `paths`
    is there and is not framing's unchanged output in the output folder `folder` (`is_framings`);
    nothing when `overwrite`."""
    if overwrite:
        return
    folder = _absolute(folder)
    written = written_files(folder)
    taken = [Path(p) for p in paths if os.path.lexists(p) and not is_framings(folder, p, written)]
    if taken:
        why = ("changed since framing wrote it" if _absolute(taken[0]).relative_to(folder).as_posix() in written
               else "not written by framing")
        raise OutputExists(
            f"{_listed([str(p) for p in taken], 3)}: already there and {why}, so framing will not "
            f"replace it: move it away, choose another output folder, or replace it anyway with {force}")


def _plain_file_in(folder: Path, path: Path) -> bool:
    """Whether `path` is a file (not a link) reached from `folder` through no link: what framing
    may remove there (a link, and anything reached through one, is someone's choice to keep)."""
    if not path.is_file() or path.is_symlink():
        return False
    return not any(parent.is_symlink() for parent in path.parents if parent != folder and folder in parent.parents)


def _named_in_record(record: Path) -> list[str]:
    """The files a chart's JSON record names (its images, plotted data, table arguments); none when
    it is not a chart's record."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("name") != record.stem:
            return []
        plot = data.get("plot") or {}
        names = [*dict(data.get("files") or {}).values(), plot.get("data"),
                 *dict(plot.get("table_arguments") or {}).values()]
    except (OSError, ValueError, TypeError, AttributeError):
        return []
    return [Path(str(name)).name for name in names if name]


def user_files(folder: Path, kind: str = "report") -> list[str]:
    """The files (and links) in an output folder that framing did not write, or that changed since
    it wrote them: relative paths, sorted. A report's `coding/` is left out (kept on its own), and
    so are framing's temporary files and bookkeeping."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    written = written_files(folder, kind)
    return [name for name in _present(folder) if name.split("/")[0] != HUMAN_INPUT
            and not is_framings(folder, folder / name, written)]


def _present(folder: Path) -> list[str]:
    """The files and links in `folder` and below (relative names, sorted), without framing's
    bookkeeping and temporary files."""
    return [path.relative_to(folder).as_posix() for path in sorted(folder.rglob("*"))
            if path.name not in _BOOKKEEPING and not _framing_temp(path)
            and not any(_framing_temp(parent) for parent in path.parents if folder in parent.parents)
            and (path.is_symlink() or not path.is_dir())]


def keep_user_files(old: Path, new: Path, kind: str = "report") -> list[tuple[str, str]]:
    """Copy into the new output folder `new` every file of the old one `old` that framing did not
    write there, or that was changed since (`user_files`), at the same place (`keep_files`).
    Returns (old name, new name) for each file kept."""
    return keep_files(old, new, user_files(old, kind))


def keep_files(old: Path, new: Path, names) -> list[tuple[str, str]]:
    """Put the files `names` (relative) of folder `old` into folder `new` at the same place; one
    whose name is taken there is kept beside it as `<name>.yours<suffix>` (`yours_name`). Files
    are hard-linked (else copied), links copied as links. Returns (old name, new name) for each."""
    kept = []
    for name in names:
        target = yours_name(Path(new) / name)
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(Path(old) / name, target)
        kept.append((name, target.relative_to(new).as_posix()))
    return kept


def yours_name(path: Path) -> Path:
    """`path` when nothing is there, else the first free `<stem>.yours<suffix>`, `.yours-2`…
    beside it: where a file of the user's goes when framing writes one of the same name."""
    target, number = Path(path), 1
    while os.path.lexists(target):
        number += 1
        tag = ".yours" if number == 2 else f".yours-{number - 1}"
        target = Path(path).with_name(f"{Path(path).stem}{tag}{Path(path).suffix}")
    return target


def set_aside(folder: Path, path: Path) -> tuple[str, str]:
    """Rename the user's file (or folder, or link) `path` in `folder` to a free `yours_name`
    beside it, so framing can write its own there; returns (old name, new name), relative."""
    target = yours_name(path)
    os.rename(path, target)
    return Path(path).relative_to(folder).as_posix(), target.relative_to(folder).as_posix()


def kept_line(folder: Path, kept: list[tuple[str, str]], *, what: str = "the report") -> str:
    """The one line that names the user's files framing kept in an output folder: each kept name,
    and for one set aside because framing now writes a file of that name, where it is now."""
    names = [old for old, new in kept if old == new]
    names += [f"{old} (as {new}: {what} now has a file of that name)" for old, new in kept if old != new]
    count = f"{len(kept)} file{'' if len(kept) == 1 else 's'}"
    return (f"kept {count} of yours in {folder} that framing did not write or that you changed "
            f"(it replaces only its own): {', '.join(names)}")


@dataclasses.dataclass
class Published:
    """What `publish` did: the files framing wrote, and the user's files it kept ((name before,
    name now), relative to the folder; the same name when the file stayed where it was)."""
    files: list[Path]
    kept: list[tuple[str, str]]


def publish(out: Path, staged: list[tuple[Path, Path]], *, folders=(), stale=(), also=()) -> Published:
    """Move staged files ((temporary file, final path) pairs) and staged folders ((folder, final
    folder)) into the output folder `out`, replacing only framing's unchanged files; remove the
    outputs of framing's that this write makes `stale` (a table's other layout); record what framing
    wrote (those, and the files `also` written already) in the folder's list, `.framing-files.json`.

    A file of the user's at a final name (not framing's, or changed since) is set aside under a
    name of its own (`set_aside`); the user's files in a folder being replaced are put into the new
    one (`keep_files`); a stale name that holds the user's file is set aside too. The list is
    written first naming both the old and the new hash of each file, so a run stopped halfway takes
    none of framing's files for the user's."""
    out = _absolute(out)
    for _, final in folders:
        if final.is_symlink() or (final.is_dir() and not owns(final)):
            raise UsageError(refusal(final))
    written = written_files(out, "tables")
    kept: list[tuple[str, str]] = []
    try:  # (what framing wrote is listed before any file of the user's joins a staged folder)
        new = {final.relative_to(out).as_posix(): _sha256(temp) for temp, final in staged}
        new |= {f"{final.name}/{part.name}": _sha256(part) for folder, final in folders
                for part in sorted(folder.iterdir()) if part.name != MARKER}
        new |= {_absolute(path).relative_to(out).as_posix(): _sha256(path) for path in also}
        for _, final in staged:
            if os.path.lexists(final) and not is_framings(out, final, written):
                kept.append(set_aside(out, final))
        for folder, final in folders:
            if final.is_dir():
                yours = [name for name in _present(final) if not is_framings(out, final / name, written)]
                kept += [(f"{final.name}/{old}", f"{final.name}/{new}") for old, new in keep_files(final, folder, yours)]
            elif os.path.lexists(final):
                kept.append(set_aside(out, final))
        _save_manifest(out, {**written, **{name: _both(written.get(name), digest) for name, digest in new.items()}})
        for folder, final in folders:
            swap_folder(folder, final)
        for temp, final in staged:
            os.replace(temp, final)
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for path in stale:
        kept += _retire(out, Path(path), written)
    _save_manifest(out, new)
    names = {new_name for _, new_name in kept}
    kept += [(name, name) for name in _present(out) if name not in new and name not in names]
    return Published([final for _, final in staged] + [final for _, final in folders], kept)


def _both(old, new: str):
    """The recorded hashes while a file is replaced: the old one(s) and the new one."""
    old = [] if old is None else old if isinstance(old, list) else [old]
    return [*old, new] if old else new


def _retire(out: Path, path: Path, written: dict) -> list[tuple[str, str]]:
    """Remove an output of framing's that a new write made stale: a file when it is framing's
    unchanged one (else it is the user's, set aside: framing reads that name), a table's parts
    folder once only framing's marker is left in it (the user's files stay, and so does the folder)."""
    if path.is_dir() and not path.is_symlink():
        for part in list(path.iterdir()):
            if is_framings(out, part, written):
                part.unlink()
        _remove_empty_folder(path)
        return []
    if is_framings(out, path, written):
        path.unlink()
        return []
    return [set_aside(out, path)] if os.path.lexists(path) and not path.is_dir() else []


def _link_or_copy(source: Path, target: Path) -> None:
    """`source` at `target` too: a hard link (the same file, nothing copied, however large), else
    a copy with its times; a link (symbolic) is copied as a link."""
    if not source.is_symlink():
        try:
            os.link(source, target)
            return
        except OSError:  # a file system without hard links
            pass
    shutil.copy2(source, target, follow_symlinks=False)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ── one framing command at a time on a folder ───────────────────────────────────────────────────

_HELD: dict[str, list] = {}  # lock path → [open file, depth]: a process may lock a folder again


class FolderBusy(UsageError):
    """Another framing command is working on this folder."""


@contextlib.contextmanager
def working_folder(folder: Path):
    """`with working_folder(folder):` claim an output folder (`claim_folder`) and lock it
    (`lock_folder`) for the work inside. A folder this call created (with any parents it
    created) is removed again on the way out when nothing but framing's bookkeeping is in it, so a
    run that wrote nothing (a corpus with nothing usable, a refusal, Ctrl-C) leaves no empty folder."""
    folder = Path(folder).absolute()
    made = []
    for place in (folder, *folder.parents):
        if os.path.lexists(place):
            break
        made.append(place)
    claim_folder(folder)
    try:
        with lock_folder(folder):
            yield folder
    finally:
        if made and folder.is_dir() and all(p.name in _BOOKKEEPING for p in folder.iterdir()):
            for name in _BOOKKEEPING:
                (folder / name).unlink(missing_ok=True)
            for place in made:
                try:
                    place.rmdir()
                except OSError:  # something else was put there meanwhile: it stays
                    break


def remove_leftovers(parent: Path, name: str | None = None) -> list[Path]:
    """Remove the staging folders and temporary files in `parent` that an earlier run left when it
    was killed outright (SIGKILL, a power cut): all of framing's temporary names there, or with
    `name` only those of the report folder `<parent>/<name>` (`.<name>.<random>.tmp`, `.old`).
    Call it only while holding the lock (`lock_folder`) of the work they belong to, so none is in
    use. A staging folder goes only when it carries framing's marker (or is a build's). Returns
    what was removed."""
    pattern = _SCRATCH if name is None else re.compile(rf"\.{re.escape(name)}\.[^.]+\.(tmp|old)")
    removed = []
    for path in sorted(Path(parent).iterdir()):
        if not pattern.fullmatch(path.name) or not _framing_temp(path):
            continue
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        removed.append(path)
    return removed


def _try_lock(handle) -> bool:
    try:
        import fcntl
    except ImportError:  # (no fcntl on Windows: no lock)
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class lock_folder:
    """`with lock_folder(folder):` work on a folder framing owns with no other framing command
    working on it: the lock is `<folder>/.framing-lock`, locked with the system's file lock (so a
    command that was killed, even with SIGKILL, holds it no longer) and removed on exit. It names
    the command and its process; a second command is refused at once (`FolderBusy`, naming them).
    The folder must exist. The same process may take the lock again inside."""

    def __init__(self, folder: Path):
        self.path = Path(folder).resolve() / LOCK  # one lock however the folder is reached (a link)

    def __enter__(self):
        key = str(self.path)
        if key in _HELD:
            _HELD[key][1] += 1
            return self
        while True:
            handle = open(self.path, "a+", encoding="utf-8")
            if not _try_lock(handle):
                handle.seek(0)
                holder = handle.read().strip() or "another framing command"
                handle.close()
                raise FolderBusy(f"{self.path.parent}: {holder} is working on it; wait for it to "
                                 "finish (or stop it), then run this again")
            try:  # locked, but the file may have been removed (and made again) meanwhile: lock that one
                same = os.stat(self.path).st_ino == os.fstat(handle.fileno()).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            handle.close()
        handle.seek(0)
        handle.truncate()
        command = " ".join(["framing", *sys.argv[1:2]]) \
            if Path(sys.argv[0]).name in ("framing", "cli.py", "__main__.py") else "a framing process"
        handle.write(f"{command} (pid {os.getpid()})\n")
        handle.flush()
        _HELD[key] = [handle, 1]
        return self

    def __exit__(self, *exc):
        key = str(self.path)
        held = _HELD[key]
        held[1] -= 1
        if held[1] == 0:
            del _HELD[key]
            self.path.unlink(missing_ok=True)  # while still locked: a waiting command then locks a new file
            held[0].close()
        return False


def mark_folder(folder: Path) -> Path:
    """Put framing's marker into a folder framing made."""
    marker = Path(folder) / MARKER
    if not marker.exists():
        write_atomic(marker, lambda p: p.write_text(_MARKER_TEXT, encoding="utf-8"))
    return Path(folder)


def owns(folder: Path) -> bool:
    """Whether framing may write into, clean or replace `folder`: it carries the marker, or it is
    empty, or it holds only what an earlier version of framing wrote there (tables with their
    build.json, a table's parts, a report's index, figures, tables and notebooks)."""
    folder = Path(folder)
    if (folder / MARKER).is_file():
        return True
    entries = [p for p in folder.iterdir() if not _SCRATCH.fullmatch(p.name)]
    if not entries:
        return True
    names = {p.name for p in entries}
    if folder.name in TABLES and all(p.is_file() and _PART_FILES.fullmatch(p.name) for p in entries):
        return True  # a table's parts
    if "build.json" in names and all(_old_table_entry(p) for p in entries):
        return _is_build_info(folder / "build.json")
    return names & {"index.html", "figures"} != set() and all(_old_report_entry(p) for p in entries)


def _old_table_entry(path: Path) -> bool:
    if path.is_dir():
        return path.name in TABLES and all(_PART_FILES.fullmatch(p.name) or _SCRATCH.fullmatch(p.name)
                                           or p.name == MARKER for p in path.iterdir())
    return bool(_TABLE_FILES.fullmatch(path.name))


def _old_report_entry(path: Path) -> bool:
    if path.is_file():
        return path.name == "index.html"
    pattern = _REPORT_FOLDERS.get(path.name)
    return pattern is not None and all(
        p.is_file() and (pattern.fullmatch(p.name) or _SCRATCH.fullmatch(p.name)) for p in path.iterdir())


def _is_build_info(path: Path) -> bool:
    try:
        return "framing_version" in json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False


def refusal(folder: Path) -> str:
    """The one-line message for a folder framing will not write into."""
    return (f"{folder}: exists and was not made by framing (no {MARKER} file in it), so framing "
            "will not write into or replace it: choose a new or empty folder (e.g. --out "
            "results/<corpus>), or move that folder away")


def claim_folder(folder: Path) -> Path:
    """Make sure framing may write into `folder`: create it (with parents) and mark it, or mark an
    existing folder that `owns` allows; else UsageError naming it and the fix. Returns the folder."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file, not a folder: choose a new or empty folder")
    if folder.is_dir() and not owns(folder):
        raise UsageError(refusal(folder))
    folder.mkdir(parents=True, exist_ok=True)
    return mark_folder(folder)


def new_folder(folder: Path) -> Path:
    """`folder`, created with framing's marker when it does not exist yet. An existing folder is
    used as it is: the caller only adds its own files to it."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        mark_folder(folder)
    return folder


def check_claimable(folder: Path) -> Path:
    """UsageError now (before any work) when `claim_folder` would refuse `folder` later."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or not owns(folder)):
        raise UsageError(refusal(folder) if folder.is_dir() else
                         f"{folder}: is a file, not a folder: choose a new or empty folder")
    return folder


def describe_write_error(error: OSError, *, folder: Path | None = None,
                         elsewhere: str = "choose another output folder (--out)") -> str:
    """One line for a failed write: which folder (the file's, else `folder`, the output folder being
    written), what went wrong, what to do (`elsewhere`: how to write somewhere else instead)."""
    where = Path(error.filename).parent if error.filename and Path(error.filename).name.startswith(".") \
        else error.filename or folder
    what = os.strerror(error.errno) if error.errno else " ".join((error.strerror or str(error)).split())
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        fix = f"free some space there, or {elsewhere}"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = f"make it writable, or {elsewhere}"
    else:
        fix = f"check the folder, or {elsewhere}"
    return f"cannot write {where or 'the output'}: {what}: {fix}; earlier outputs were left as they were"


# ── modes: readable as the user's umask allows ───────────────────────────────────────────────────

def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_temp_file(final: Path) -> Path:
    """An empty temporary file beside `final`, with the mode a new file gets (0666 less the umask;
    mkstemp alone makes it private, 0600)."""
    handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    try:
        os.fchmod(handle, 0o666 & ~_umask())
    finally:
        os.close(handle)
    return Path(name)


def make_temp_dir(parent: Path, *, prefix: str) -> Path:
    """A new temporary folder in `parent` with the mode a new folder gets (0777 less the umask;
    mkdtemp alone makes it private, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=parent))
    os.chmod(folder, 0o777 & ~_umask())
    return folder


# ── integrity: build.json records what the tables hold ──────────────────────────────────────────

def table_files(folder: Path, name: str) -> list[Path]:
    """The Parquet files of table `name` in `folder`: `<name>.parquet`, or the parts of `<name>/`
    in order; empty when there is neither."""
    path = _table_path(Path(folder), name)
    if path.is_dir():  # only framing's parts: a file of the user's there is never read as one
        return sorted(p for p in path.iterdir() if _PART_FILES.fullmatch(p.name))
    return [path] if path.is_file() else []


def fingerprint(files: list[Path]) -> dict:
    """Row count and SHA-256 of a table's Parquet files (in order): what build.json records."""
    import pyarrow.parquet as pq

    digest, rows = hashlib.sha256(), 0
    for file in files:
        rows += pq.ParquetFile(file).metadata.num_rows
        with open(file, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return {"rows": rows, "sha256": digest.hexdigest()}


NOT_RECORDED = "no build.json with row counts and hashes (an earlier version of framing wrote none)"


def check_tables(folder: Path) -> str | None:
    """None when the tables in `folder` are the ones its build.json records (same row counts,
    same content hash); else why not, in a few words. A tables folder that fails this is rebuilt,
    never reused."""
    folder = Path(folder)
    try:
        recorded = json.loads((folder / "build.json").read_text(encoding="utf-8"))["tables"]
    except FileNotFoundError:
        return NOT_RECORDED
    except (OSError, ValueError, KeyError, TypeError):
        return NOT_RECORDED
    for name in TABLES:
        files = table_files(folder, name)
        if not files:
            return f"the {name} table is missing"
        if name not in recorded:
            return f"build.json records nothing about the {name} table"
        try:
            found = fingerprint(files)
        except Exception:  # noqa: BLE001 - any unreadable file means: rebuild
            return f"the {name} table cannot be read"
        if found["rows"] != recorded[name].get("rows"):
            return f"the {name} table has {found['rows']} rows, build.json records {recorded[name].get('rows')}"
        if found["sha256"] != recorded[name].get("sha256"):
            return f"the {name} table was changed after it was built"
    return None


def save_text(text: str, path: Path) -> Path:
    """Write a text file atomically (temporary name, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_atomic(final: Path, write) -> Path:
    """Call `write(temp_path)`, then rename the temporary file to `final`."""
    final = Path(final)
    temp = make_temp_file(final)
    try:
        write(temp)
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return final


def _stage(final: Path, write) -> tuple[Path, Path]:
    temp = make_temp_file(final)
    try:
        write(temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, final


def corpus_dir(corpus: str | Path, *, root: Path | None = None) -> Path:
    """The processed folder of a corpus: a corpus name, or a path to a processed folder."""
    path = Path(corpus).expanduser()
    if path.is_dir() and _table_path(path, "sentences").exists():
        return path
    return processed_dir(root) / path.resolve().name  # `.` and `..` name the folder they stand for


def missing_corpus(folder: Path, command: str = "report", *, root: Path | None = None) -> str:
    """The message for a corpus folder that is not there: the corpora that are (the folders of
    data/raw/, the closest first) with the command for one of them, and the command that makes
    the one asked for."""
    import difflib

    folder = Path(folder)
    name = folder.name or str(folder)
    if folder.exists():
        return (f"{folder}: is a file, not a corpus folder: give the folder holding the articles, "
                f"e.g. `framing {command} {folder.parent}`")
    raw = raw_dir(root)
    where = _shown(raw)
    there = [f.name for f in corpus_folders(root=root)]
    close = difflib.get_close_matches(name, there, n=3, cutoff=0.5)
    listed = close + [n for n in there if n not in close]
    have = (f"the corpora in {where}/ are: {_listed(listed, shown=10)} (e.g. `framing {command} {listed[0]}`)"
            if listed else f"{where}/ holds no corpus yet")
    asked = folder if len(folder.parts) > 1 else where / name  # a path given is named as given
    return (f"{name}: no such corpus folder ({asked} does not exist); {have}; to make a new "
            f"corpus, put its articles (.txt, .html, .md, .csv or .jsonl files) in a folder of its "
            f"own: `mkdir -p {asked}`")


def _shown(path: Path) -> Path:
    """`path` relative to the current folder when it is inside it, else as it is."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return Path(path)


def load_table(name: str, corpus: str | Path, *, root: Path | None = None) -> pd.DataFrame:
    """Read one processed table of a corpus, with a clear message if it was not built yet."""
    folder = corpus_dir(corpus, root=root)
    path = _table_path(folder, name)
    if not path.exists():
        raw = raw_dir(root) / folder.name
        if folder.resolve().parent == processed_dir(root).resolve() and not raw.exists() and corpus_folders(root=root):
            raise FileNotFoundError(missing_corpus(raw, "build", root=root))  # a name with a typo
        raise FileNotFoundError(
            f"{path} does not exist: build the corpus first with "
            f"`framing build data/raw/{Path(corpus).name}` (or `make report`)")
    if changed_since_build(folder, root=root):
        warn_stale_once(folder)
    # a table in parts: exactly its parts (`table_files`), never another file put in that folder
    return pd.read_parquet(path if path.is_file() else [str(p) for p in table_files(folder, name)])


_WARNED_STALE: set[tuple] = set()  # the builds (tables folder, build.json's identity) warned about


def warn_stale_once(folder: Path) -> None:
    """Warn that data/raw/<name> has changed since the tables in `folder` were built, once per
    build of those tables in this Python session: a notebook cell that loads the articles, the
    sentences and the removed lines warns once, not three times. After the next build, a new
    change warns again."""
    built = (Path(folder) / "build.json").stat()
    key = (str(Path(folder).resolve()), built.st_ino, built.st_size, built.st_mtime_ns)
    if key in _WARNED_STALE:
        return
    _WARNED_STALE.add(key)
    warnings.warn(f"data/raw/{folder.name} has changed since its tables were built (a file was "
                  f"added, removed or edited): these tables do not include the change; run "
                  f"`framing build data/raw/{folder.name}` (or `make report`) to update them",
                  stacklevel=4)


def changed_since_build(folder: Path, *, root: Path | None = None) -> bool:
    """Whether the raw folder of a corpus built into the project's data/processed/<name>/ (that is,
    data/raw/<name>/) has had a file added, removed or edited since `build.json` was written, in
    the folder itself or any folder below it."""
    raw, built = raw_dir(root) / folder.name, folder / "build.json"
    if folder.resolve().parent != processed_dir(root).resolve() or not raw.is_dir() or not built.exists():
        return False
    since = built.stat().st_mtime
    for here, folders, files in os.walk(raw):
        folders[:] = [name for name in folders if not name.startswith(".")]  # hidden: never read
        for name in (".", *folders, *(name for name in files if not name.startswith("."))):
            try:
                if os.lstat(Path(here) / name).st_mtime > since:
                    return True
            except OSError:  # vanished while we looked: a change
                return True
    return False


def read_rows(folder: Path, name: str, article_ids) -> pd.DataFrame:
    """The rows of table `name` in a processed folder that belong to the given articles, read
    without loading the rest of the table."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    import pyarrow as pa

    path = _table_path(Path(folder), name)
    dataset = ds.dataset(path if path.is_file() else [str(p) for p in table_files(folder, name)], format="parquet")
    if pa.types.is_null(dataset.schema.field("article_id").type):  # an empty table (no rows to pick)
        return dataset.to_table().to_pandas()
    table = dataset.to_table(filter=pc.field("article_id").isin(list(article_ids)))
    return table.to_pandas()


HELD_TABLE_BYTES = 64 * 2**20  # a previous table of at most this size on disk is read once per rebuild


class RowReader:
    """`read_rows` for many batches of articles from one processed folder: a table kept in one
    Parquet file of at most `HELD_TABLE_BYTES` is read from disk once and held, and each batch is
    picked from it in memory (the same rows, in the same order); larger or partitioned tables are
    read batch by batch, so memory stays flat."""

    def __init__(self, folder: Path, *, max_bytes: int = HELD_TABLE_BYTES):
        self.folder, self.max_bytes = Path(folder), max_bytes
        self._held: dict = {}

    def __call__(self, folder: Path, name: str, article_ids) -> pd.DataFrame:
        import pyarrow as pa
        import pyarrow.compute as pc

        path = _table_path(Path(folder), name)
        if Path(folder) != self.folder or path.is_dir() or path.stat().st_size > self.max_bytes:
            return read_rows(folder, name, article_ids)
        if name not in self._held:
            import pyarrow.parquet as pq

            self._held[name] = pq.read_table(path)
        table = self._held[name]
        if pa.types.is_null(table.schema.field("article_id").type):
            return read_rows(folder, name, article_ids)
        picked = table.filter(pc.is_in(table["article_id"], value_set=pa.array(list(article_ids), pa.string())))
        return picked.to_pandas()


def _table_path(folder: Path, name: str) -> Path:
    """`<name>.parquet`, or the folder `<name>/` of parts when the table was written partitioned."""
    single = folder / f"{name}.parquet"
    return single if single.exists() or not (folder / name).is_dir() else folder / name


def load_articles(corpus: str | Path, *, root: Path | None = None) -> pd.DataFrame:
    """The articles table of a corpus: one row per article."""
    return load_table("articles", corpus, root=root)


def load_sentences(corpus: str | Path, *, kinds=CONTENT_KINDS, root: Path | None = None) -> pd.DataFrame:
    """The sentences table of a corpus, by default only the content kinds (headline, subtitle,
    subheading, body, list_item). Pass `kinds=None` to get bylines and dates too."""
    sentences = load_table("sentences", corpus, root=root)
    if kinds is None:
        return sentences
    return sentences[sentences["kind"].isin(kinds)].reset_index(drop=True)


def keep_kinds(sentences: pd.DataFrame, kinds) -> pd.DataFrame:
    """The rows of `sentences` whose `kind` is one of `kinds` (index kept, not copied); every row
    when `kinds` is None or the table has no `kind` column."""
    if kinds is None or "kind" not in sentences.columns:
        return sentences
    return sentences[sentences["kind"].isin(kinds)]


def load_removed(corpus: str | Path, *, root: Path | None = None) -> pd.DataFrame:
    """The removed-lines table of a corpus: one row per raw line that was dropped, with its rule."""
    return load_table("removed", corpus, root=root)
