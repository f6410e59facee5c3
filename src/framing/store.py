"""Write and read a corpus's processed tables (`data/processed/<corpus>/`).

Tables are written as Parquet with CSV copies for spreadsheet users. A table too large for one file
(more than `PARTITION_ROWS` rows) is written as a folder of Parquet parts, `<name>/part-*.parquet`,
without a CSV copy; the loaders read both layouts. Writing is atomic: every file is first written
under a temporary name and only then moved into place, so a run killed midway leaves the previous
tables intact.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from .config import CONTENT_KINDS, processed_dir, raw_dir

TABLES = ("articles", "sentences", "removed")
PARTITION_ROWS = 1_000_000  # larger tables become a folder of parts
CSV_MAX_ROWS = 200_000  # larger tables get no CSV copy: spreadsheets cannot use them


def save_tables(tables: dict, out: Path, *, info: dict | None = None) -> list[Path]:
    """Write each table (a DataFrame or an Arrow table) as `<name>.parquet` and, when it is no
    larger than `CSV_MAX_ROWS`, `<name>.csv` under `out`, plus `build.json` (info).

    All files are written to temporary names first and then renamed into place together."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, table in tables.items():
            staged.append(_stage(out / f"{name}.parquet", lambda p, t=table: _write_parquet(t, p)))
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
    """CSV through Arrow: an order of magnitude faster than pandas on large tables."""
    import pyarrow as pa
    import pyarrow.csv

    if isinstance(table, pd.DataFrame):
        table = pa.Table.from_pandas(table, preserve_index=False)
    pyarrow.csv.write_csv(table, path)


def save_parts(parts: dict[str, list[Path]], out: Path, *, info: dict) -> list[Path]:
    """Publish tables already written in parts (Parquet files of the same schema, in order).

    A table of at most `PARTITION_ROWS` rows is joined into `<name>.parquet` (and CSV); a larger one
    becomes the folder `<name>/` holding the parts, swapped in whole. The part files are consumed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out)
    small, written = {}, []
    for name, files in parts.items():
        rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        if rows <= PARTITION_ROWS:
            small[name] = pa.concat_tables([pq.read_table(f) for f in files], promote_options="default")
            continue
        folder = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=out))
        for number, file in enumerate(files):
            os.replace(file, folder / f"part-{number:05d}.parquet")
        written.append(swap_folder(folder, out / name))
        for other in (out / f"{name}.parquet", out / f"{name}.csv"):
            other.unlink(missing_ok=True)
    return written + save_tables(small, out, info=info)


def swap_folder(staged: Path, final: Path) -> Path:
    """Put a staged folder in place of `final`; the old one is removed only once the new one is in."""
    trash = final.with_name(f".{final.name}.old")
    shutil.rmtree(trash, ignore_errors=True)
    if final.exists():
        os.replace(final, trash)
    os.replace(staged, final)
    shutil.rmtree(trash, ignore_errors=True)
    return final


def _remove_other_layout(final: Path) -> None:
    """Writing `<name>.parquet` replaces a partitioned `<name>/` folder from an earlier build."""
    if final.name.endswith(".parquet"):
        shutil.rmtree(final.with_name(final.name[:-len(".parquet")]), ignore_errors=True)


def save_text(text: str, path: Path) -> Path:
    """Write a text file atomically (temporary name, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp, final = _stage(path, lambda p: p.write_text(text, encoding="utf-8"))
    os.replace(temp, final)
    return final


def _stage(final: Path, write) -> tuple[Path, Path]:
    handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, final


def corpus_dir(corpus: str | Path, *, root: Path | None = None) -> Path:
    """The processed folder of a corpus: a corpus name, or a path to a processed folder."""
    path = Path(corpus)
    if path.is_dir() and _table_path(path, "sentences").exists():
        return path
    return processed_dir(root) / path.name


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
    data/raw/<name>/) has had a file added, removed or edited since `build.json` was written."""
    raw, built = raw_dir(root) / folder.name, folder / "build.json"
    if folder.resolve().parent != processed_dir(root).resolve() or not raw.is_dir() or not built.exists():
        return False
    since = built.stat().st_mtime
    return raw.stat().st_mtime > since or any(p.stat().st_mtime > since for p in raw.iterdir())


def read_rows(folder: Path, name: str, article_ids) -> pd.DataFrame:
    """The rows of table `name` in a processed folder that belong to the given articles, read
    without loading the rest of the table."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    dataset = ds.dataset(_table_path(Path(folder), name), format="parquet")
    table = dataset.to_table(filter=pc.field("article_id").isin(list(article_ids)))
    return table.to_pandas()


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


def load_removed(corpus: str | Path, *, root: Path | None = None) -> pd.DataFrame:
    """The removed-lines table of a corpus: one row per raw line that was dropped, with its rule."""
    return load_table("removed", corpus, root=root)
