"""Reading a corpus's processed tables: by corpus name or folder (`load_articles`, `load_sentences`,
`load_removed`), or only the rows of some articles (`read_rows`, `RowReader`)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..config import (CONTENT_KINDS, corpus_folders, in_a_project, installed_project, processed_dir, raw_dir,
                      raw_folder_named, real_corpus_name)
from .freshness import changed_since_build, warn_stale_once
from .layout import table_files, table_path
from .words import short_list


def corpus_dir(corpus: str | Path, *, root: Path | None = None) -> Path:
    """The processed folder of a corpus: a corpus name, or a path to a processed folder."""
    path = Path(corpus).expanduser()
    if path.is_dir() and table_path(path, "sentences").exists():
        return path
    name = path.resolve().name  # `.` and `..` name the folder they stand for
    if len(path.parts) == 1:  # a link in data/raw/ is the corpus of its real folder, as the commands name it
        name = real_corpus_name(name, root)
    return processed_dir(root) / name


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
    if len(folder.parts) == 1 and not in_a_project(root):
        return f"{name}: no such corpus folder: {_outside_project(name, command)}"
    raw = raw_dir(root)
    where = _shown(raw)
    there = [f.name for f in corpus_folders(root=root)]
    if len(folder.parts) == 1 and (holders := [corpus for corpus in there if (raw / corpus / name).is_file()]):
        # a file's name given for its corpus ("export.csv"): a folder of that name is never meant
        return (f"{name}: is a file of the corpus {holders[0]}, not a corpus: give its folder's name, "
                f"`framing {command} {_quoted(holders[0])}`"
                + (f" (corpora holding a file of that name: {short_list(holders, shown=10)})" if len(holders) > 1 else ""))
    close = difflib.get_close_matches(name, there, n=3, cutoff=0.5)
    listed = close + [n for n in there if n not in close]
    have = (f"the corpora in {where}/ are: {short_list(listed, shown=10)} (e.g. `framing {command} {_quoted(listed[0])}`)"
            if listed else f"{where}/ holds no corpus yet")
    asked = folder if len(folder.parts) > 1 else where / name  # a path given is named as given
    return (f"{name}: no such corpus folder ({asked} does not exist); {have}; to make a new "
            f"corpus, put its articles (.txt, .html, .md, .csv or .jsonl files) in a folder of its "
            f"own: `mkdir -p {_quoted(asked)}`")


def no_corpora(command: str = "report", *, root: Path | None = None) -> str:
    """The message for a command given no corpus where data/raw/ holds none: outside a project,
    the project framing is installed in and how to run it there."""
    if not in_a_project(root):
        return f"no corpus to {command}: {_outside_project(None, command)}"
    return f"no corpus folders in {raw_dir(root)}: put articles in data/raw/<corpus>/"


def _outside_project(name: str | None, command: str) -> str:
    """What to do when the current folder is in no project (no data/raw/ in it or above it): the
    corpus `name` (or any) in the project framing is installed in, from there; else make one here.
    Never `mkdir` in a folder the user did not mean: they ran the command from the wrong place."""
    here = Path.cwd()
    lost = f"{here} is in no framing project (no data/raw/ in it or in a folder above it)"
    home = installed_project()
    there = [f.name for f in corpus_folders(root=home)] if home else []
    if home and name in there:
        return (f"{lost}; the project framing is installed in has it: "
                f"`cd {_quoted(home)} && framing {command} {_quoted(name)}`")
    if home and there:
        asked = f" {_quoted(name)}" if name else ""
        return (f"{lost}; the corpora of the project framing is installed in, {home}, are: "
                f"{short_list(there, shown=10)} (`cd {_quoted(home)} && framing {command} {_quoted(there[0])}`); "
                f"to make a new corpus there: `mkdir -p {_quoted(home / 'data' / 'raw' / name) if name else f'{home}/data/raw/<corpus>'}`"
                + (f", then `framing {command}{asked}` from {home}" if name else ""))
    made = _quoted(f"data/raw/{name}") if name else "data/raw/<corpus>"
    return (f"{lost}: run framing from your project's folder (the one holding data/raw/), or make a "
            f"project here: `mkdir -p {made}` and put the articles in it")


def _quoted(path) -> str:
    """A path or name as a shell command line takes it (quoted when it holds a space)."""
    import shlex

    return shlex.quote(str(path))


def _shown(path: Path) -> Path:
    """`path` relative to the current folder when it is inside it, else as it is."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return Path(path)


def load_table(name: str, corpus: str | Path, *, root: Path | None = None) -> pd.DataFrame:
    """Read one processed table of a corpus, with a clear message if it was not built yet."""
    folder = corpus_dir(corpus, root=root)
    path = table_path(folder, name)
    if not path.exists():
        raw = raw_folder_named(folder.name, root)
        own = folder.resolve().parent == processed_dir(root).resolve()  # framing's own output folder
        if own and not raw.exists() and corpus_folders(root=root):
            raise FileNotFoundError(missing_corpus(raw, "build", root=root))  # a name with a typo
        if own and raw.is_dir() and not (folder / "build.json").exists() and build_unbuilt(raw, folder):
            return load_table(name, corpus, root=root)
        raise FileNotFoundError(
            f"{path} does not exist: build the corpus first with "
            f"`framing build data/raw/{Path(corpus).name}` (or `make report`)")
    if changed_since_build(folder, root=root):
        warn_stale_once(folder)
    # a table in parts: exactly its parts (`table_files`), never another file put in that folder
    return pd.read_parquet(path if path.is_file() else [str(p) for p in table_files(folder, name)])


def build_unbuilt(raw: Path, folder: Path) -> bool:
    """Build a corpus of data/raw/ that was never built into its folder of data/processed/, as
    `framing build data/raw/<name>` does, saying so first (a notebook opened on a new corpus
    stopped on a missing table, and the command it named could not be run from JupyterLab's own
    folder). True when tables were written; False when nothing in `raw` could be used."""
    import os

    from ..build import build_corpus
    from ..build.summary import counts_line
    from ..config import shown_path

    shown = shown_path(raw, start=raw)  # (relative to the project, as the command is run from there)
    _check_buildable(raw, folder)
    print(f"{raw.name}: never built: building {shown} into {shown_path(folder, start=raw)}, as "
          f"`framing build {shown}` does in the project folder (which also prints its warnings)", flush=True)
    build = build_corpus(raw, folder, workers=os.cpu_count() or 1)
    if build is None or build.articles.empty:
        return False
    import json

    info = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    warned = f", {len(build.problems):,} warning{'' if len(build.problems) == 1 else 's'}" if build.problems else ""
    print(f"{raw.name}: {counts_line(info)}{warned}", flush=True)
    return True


def _check_buildable(raw: Path, folder: Path) -> None:
    """UsageError, in a notebook's words, when `folder` is one framing may not build into (a folder
    of that name it did not make): the build's own refusal names `--out`, a flag of the command
    that a notebook's user cannot give."""
    from ..config import UsageError, shown_path
    from .layout import MARKER
    from .ownership import claimable

    if not claimable(folder):
        what = "was not made by framing (no " + MARKER + " file in it)" if folder.is_dir() else "is a file"
        raise UsageError(f"{shown_path(folder, start=raw)}: {what}, so the tables of corpus {raw.name!r} "
                         "cannot be built there and framing leaves it as it is: move or rename it, then run "
                         "the notebook again")


def read_rows(folder: Path, name: str, article_ids) -> pd.DataFrame:
    """The rows of table `name` in a processed folder that belong to the given articles, read
    without loading the rest of the table."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    import pyarrow as pa

    path = table_path(Path(folder), name)
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

        path = table_path(Path(folder), name)
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
