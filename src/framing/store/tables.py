"""Writing a corpus's tables (`data/processed/<corpus>/`) and checking them against their record.

Tables are written as Parquet with CSV copies for spreadsheet users. A table too large for one file
(more than `PARTITION_ROWS` rows) is written as a folder of Parquet parts, `<name>/part-*.parquet`,
without a CSV copy. `build.json` records each table's row count and content hash (`fingerprint`);
`check_tables` says whether the tables on disk are still those.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd

from .atomic import make_temp_dir, stage_file
from .into_place import Published, publish
from .layout import TABLES, table_files
from .ownership import claim_folder, mark_folder
from .spreadsheets import neutralise_formulas


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
            parquet = stage_file(out / f"{name}.parquet", lambda p, t=table: _write_parquet(t, p))
            staged.append(parquet)
            if info is not None:
                info["tables"][name] = fingerprint([parquet[0]])
            if len(table) <= CSV_MAX_ROWS:
                staged.append(stage_file(out / f"{name}.csv", lambda p, t=table: _write_csv(t, p)))
        if info is not None:
            text = json.dumps(info, indent=2, sort_keys=True, default=str) + "\n"
            staged.append(stage_file(out / "build.json", lambda p: p.write_text(text, encoding="utf-8")))
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
