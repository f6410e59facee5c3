"""Write and read a corpus's processed tables (`data/processed/<corpus>/`).

Tables are written as Parquet with CSV copies for spreadsheet users. Writing is atomic: every file
is first written under a temporary name and only then moved into place, so a run killed midway
leaves the previous tables intact.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from .config import CONTENT_KINDS, processed_dir

TABLES = ("articles", "sentences", "removed")


def save_tables(tables: dict[str, pd.DataFrame], out: Path, *, info: dict | None = None) -> list[Path]:
    """Write each table as `<name>.parquet` and `<name>.csv` under `out`, plus `build.json` (info).

    All files are written to temporary names first and then renamed into place together."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, table in tables.items():
            staged.append(_stage(out / f"{name}.parquet", lambda p, t=table: t.to_parquet(p, index=False)))
            staged.append(_stage(out / f"{name}.csv", lambda p, t=table: t.to_csv(p, index=False)))
        if info is not None:
            text = json.dumps(info, indent=2, sort_keys=True, default=str) + "\n"
            staged.append(_stage(out / "build.json", lambda p: p.write_text(text, encoding="utf-8")))
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for temp, final in staged:
        os.replace(temp, final)
    return [final for _, final in staged]


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
    if path.is_dir() and (path / "sentences.parquet").exists():
        return path
    return processed_dir(root) / path.name


def load_table(name: str, corpus: str | Path, *, root: Path | None = None) -> pd.DataFrame:
    """Read one processed table of a corpus, with a clear message if it was not built yet."""
    path = corpus_dir(corpus, root=root) / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: build the corpus first with "
            f"`framing build data/raw/{Path(corpus).name}` (or `make report`)")
    return pd.read_parquet(path)


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
