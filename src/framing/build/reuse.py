"""What a build takes from the last build of the same folder: the rows of articles whose build key
is unchanged (`reusable_rows`, `previous_rows`), and what the near-duplicate check learnt of each
text and the check for copies of each cleaned body (`.texts-seen.parquet`: `save_texts_seen`,
`texts_seen`). Site repeats are learnt anew from the pages at every build. Anything unreadable or of another version is not reused: the articles are processed again."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pandas as pd

from ..ingest import Duplicates
from .copies import BODY_KEY, SKETCH
from .schema import ARTICLE_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS, Build


def previous_articles(out: Path) -> pd.DataFrame | None:
    path = out / "articles.parquet"
    try:
        old = pd.read_parquet(path) if path.exists() else None
    except Exception:  # noqa: BLE001 - unreadable or of the wrong types: rebuilt, never a crash
        return None
    if old is None or not {"article_id", "build_key", "raw_sha256", "outlet"} <= set(old.columns):
        return None
    return old


def previous_rows(out: Path, old: pd.DataFrame | None, keys: dict[str, str], read_rows) -> Build | None:
    """The rows of the previous build for the articles of this chunk whose build key is unchanged."""
    if old is None or old.empty or "build_key" not in old:
        return None
    same = old[old["article_id"].map(keys) == old["build_key"]]
    if same.empty:
        return None
    ids = same["article_id"].tolist()
    try:
        return Build(same, read_rows(out, "sentences", ids), read_rows(out, "removed", ids))
    except Exception:  # noqa: BLE001 - unreadable or of the wrong types: processed again
        return None


def reusable_rows(previous: Build | None, keys: dict[str, str]) -> Build:
    """The rows of the previous build for the articles whose build key has not changed. None
    reused: empty tables with the columns only (`in_corpus_order` sets an empty table aside, so they are
    not typed)."""
    empty = Build(*(pd.DataFrame(columns=columns) for columns in (ARTICLE_COLUMNS, SENTENCE_COLUMNS, REMOVED_COLUMNS)))
    if previous is None or previous.articles.empty or "build_key" not in previous.articles:
        return empty
    old = previous.articles
    same = old[old["article_id"].map(keys) == old["build_key"]]
    if same.empty:
        return empty
    ids = same["article_id"]
    return Build(same[ARTICLE_COLUMNS],
                 previous.sentences.loc[previous.sentences["article_id"].isin(ids), SENTENCE_COLUMNS],
                 previous.removed.loc[previous.removed["article_id"].isin(ids), REMOVED_COLUMNS])


TEXTS_SEEN = ".texts-seen.parquet"  # in a built folder: what the near-duplicate check learnt of each text,
# and the sketch of each cleaned body the check for copies made (`copies.SameArticles`)
TEXTS_SEEN_ROWS = 20_000  # texts written at a time
_SIGNATURE_BYTES = 8 * Duplicates.PERMUTATIONS


def save_texts_seen(met: dict[str, tuple], out: Path, *, version_key: str) -> str:
    """Write what the near-duplicate check learnt of each text of this build (`Duplicates.met`),
    and the check for copies of each cleaned body (`SameArticles.met`), to `out/.texts-seen.parquet`, atomically, with `version_key` (the build's, `build.version_key`);
    returns the file's SHA-256, which
    build.json records so that only the file written with the tables is read back."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..store import fingerprint, write_atomic

    schema = pa.schema([("key", pa.string()), ("digest", pa.binary()), ("n_words", pa.int64()),
                        ("signature", pa.binary()), ("size", pa.int64())], metadata={"version_key": version_key})

    def write(path: Path) -> None:  # a row group at a time, so memory stays flat
        items = iter(met.items())
        with pq.ParquetWriter(path, schema) as writer:
            while batch := list(itertools.islice(items, TEXTS_SEEN_ROWS)):
                writer.write_table(pa.table([
                    [key for key, _ in batch], [v[0] for _, v in batch], [v[1] for _, v in batch],
                    [None if v[2] is None else v[2].tobytes() for _, v in batch], [v[3] for _, v in batch]],
                    schema=schema))

    return fingerprint([write_atomic(out / TEXTS_SEEN, write)])["sha256"]


def texts_seen(out: Path, *, version_key: str) -> dict[str, tuple]:
    """What an earlier build of `out` learnt of each text (see `save_texts_seen`), in the form
    `Duplicates(known=...)` takes; empty when there is none, it was written by other code (another
    `version_key`), or it is not the file build.json records."""
    import numpy as np
    import pyarrow.parquet as pq

    from ..store import fingerprint

    path = out / TEXTS_SEEN
    try:
        recorded = json.loads((out / "build.json").read_text(encoding="utf-8")).get("texts_seen_sha256")
        if not recorded or fingerprint([path])["sha256"] != recorded:
            return {}
        table = pq.read_table(path)
        if (table.schema.metadata or {}).get(b"version_key") != version_key.encode():
            return {}
        columns = table.to_pydict()
    except Exception:  # noqa: BLE001 - missing, unreadable or of another layout: every text hashed again
        return {}
    seen = {}
    for key, digest, n_words, signature, size in zip(*(columns[name] for name in
                                                      ("key", "digest", "n_words", "signature", "size"))):
        if key.startswith(BODY_KEY):  # a cleaned body's sketch (`copies.SameArticles`)
            if signature is None or len(signature) % 4 or len(signature) > 4 * SKETCH:
                return {}
            seen[key] = (digest, n_words, np.frombuffer(signature, np.uint32).copy(), size)
            continue
        if signature is not None and len(signature) != _SIGNATURE_BYTES:
            return {}
        seen[key] = (digest, n_words, None if signature is None else np.frombuffer(signature, np.uint64).copy(), size)
    return seen
