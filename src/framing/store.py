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
framing wrote). Files are created readable as the user's umask allows, like any other tool's.
Every CSV cell a spreadsheet would run as a formula is written with a leading `'` (the Parquet
tables keep the raw value).
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
import uuid
import warnings
from pathlib import Path

import pandas as pd

from .config import CONTENT_KINDS, UsageError, processed_dir, raw_dir

TABLES = ("articles", "sentences", "removed")
PARTITION_ROWS = 1_000_000  # larger tables become a folder of parts
CSV_MAX_ROWS = 200_000  # larger tables get no CSV copy: spreadsheets cannot use them


def save_tables(tables: dict, out: Path, *, info: dict | None = None) -> list[Path]:
    """Write each table (a DataFrame or an Arrow table) as `<name>.parquet` and, when it is no
    larger than `CSV_MAX_ROWS`, `<name>.csv` under `out`, plus `build.json` (info, with each
    table's row count and content hash under `tables`, see `check_tables`).

    All files are written to temporary names first and then renamed into place together. `out`
    must be framing's (see `claim_folder`)."""
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
    for temp, final in staged:
        _remove_other_layout(final)
        os.replace(temp, final)
    for name, table in tables.items():
        if len(table) > CSV_MAX_ROWS:
            (out / f"{name}.csv").unlink(missing_ok=True)
    return [final for _, final in staged]


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


def save_parts(parts: dict[str, list[Path]], out: Path, *, info: dict) -> list[Path]:
    """Publish tables already written in parts (Parquet files of the same schema, in order).

    A table of at most `PARTITION_ROWS` rows is joined into `<name>.parquet` (and CSV); a larger one
    becomes the folder `<name>/` holding the parts, swapped in whole. The part files are consumed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = claim_folder(out)
    small, written = {}, []
    info = {**info, "tables": {}}
    for name, files in parts.items():
        rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        if rows <= PARTITION_ROWS:
            small[name] = pa.concat_tables([pq.read_table(f) for f in files], promote_options="default")
            continue
        folder = make_temp_dir(out, prefix=f".{name}.")
        mark_folder(folder)
        for number, file in enumerate(files):
            os.replace(file, folder / f"part-{number:05d}.parquet")
        info["tables"][name] = fingerprint(table_files(folder.parent, folder.name))
        written.append(swap_folder(folder, out / name))
        for other in (out / f"{name}.parquet", out / f"{name}.csv"):
            other.unlink(missing_ok=True)
    return written + save_tables(small, out, info=info)


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


def _remove_other_layout(final: Path) -> None:
    """Writing `<name>.parquet` replaces a partitioned `<name>/` folder from an earlier build, when
    that folder is framing's (a folder of someone else's of the same name is left alone)."""
    if final.name.endswith(".parquet"):
        folder = final.with_name(final.name[:-len(".parquet")])
        if folder.is_dir() and not folder.is_symlink() and owns(folder):
            shutil.rmtree(folder)


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


# What framing writes into a folder it owns, by kind of folder; a report's coding/ is not among them:
# coding sheets are people's work, and a report keeps them.
_OUTPUTS = {"tables": lambda name: bool(_TABLE_FILES.fullmatch(name)) or name in TABLES,
            "report": lambda name: name in {"index.html", "figures", "tables", "notebooks", "events"}}


def remove_outputs(folder: Path, kind: str) -> str:
    """Remove from `folder` what framing writes into a folder of this `kind` ("tables" or "report")
    and its temporary files, only when the folder carries framing's marker (a folder framing may
    merely write into, by `owns`, but did not mark is left whole); the folder itself goes once
    nothing else is left. Returns one line: what was removed, or what was kept and why."""
    folder = Path(folder)
    if not folder.is_dir() or folder.is_symlink() or not (folder / MARKER).is_file():
        return f"kept {folder}: not made by framing"
    kept = []
    for entry in sorted(folder.iterdir()):
        if entry.name == MARKER:
            continue
        if not (_OUTPUTS[kind](entry.name) or _SCRATCH.fullmatch(entry.name)):
            kept.append(entry.name)
        elif entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()  # a file, or a link (never what it points to)
    if kept:
        return f"cleaned {folder}; kept what framing did not write there: {', '.join(kept)}"
    (folder / MARKER).unlink()
    folder.rmdir()
    return f"removed {folder}"


def mark_folder(folder: Path) -> Path:
    """Put framing's marker into a folder framing made."""
    marker = Path(folder) / MARKER
    if not marker.exists():
        marker.write_text(_MARKER_TEXT, encoding="utf-8")
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
    if path.is_dir():
        return sorted(path.glob("part-*.parquet"))
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


def load_table(name: str, corpus: str | Path, *, root: Path | None = None) -> pd.DataFrame:
    """Read one processed table of a corpus, with a clear message if it was not built yet."""
    folder = corpus_dir(corpus, root=root)
    path = _table_path(folder, name)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: build the corpus first with "
            f"`framing build data/raw/{Path(corpus).name}` (or `make report`)")
    if changed_since_build(folder, root=root):
        warnings.warn(f"data/raw/{folder.name} has changed since its tables were built (a file was "
                      f"added, removed or edited): these tables do not include the change; run "
                      f"`framing build data/raw/{folder.name}` (or `make report`) to update them",
                      stacklevel=3)
    return pd.read_parquet(path)


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

    dataset = ds.dataset(_table_path(Path(folder), name), format="parquet")
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
