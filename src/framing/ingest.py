"""Read a corpus folder into raw articles: detect format and encoding, attach manifest metadata.

Nothing here changes the raw files. Each problem with a file becomes one `Problem` naming the file
and what to do; the rest of the corpus is still read.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_EXTENSIONS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
EXPORT_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl"}
MANIFEST = "manifest.csv"
# Files in a corpus folder that configure it rather than hold articles.
CONFIG_FILES = {MANIFEST, "issue_frames.toml"}
METADATA_FIELDS = ("outlet", "title", "published", "url", "author", "event")
# A single article file larger than this is almost surely not one article (a whole site dump, a
# database export saved as .txt). Exports (CSV / JSON lines) may be as large as they like.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, and what the user can do about it."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True)
class RawArticle:
    """One article as read from the corpus folder, before cleaning."""

    source_file: str  # path relative to the corpus folder
    record: int | None  # 1-based row of a CSV / JSON-lines export; None for one-article files
    format: str  # "text", "html", "csv" or "jsonl"
    text: str  # decoded text: the whole file, or the export row's `text`
    encoding: str
    raw_sha256: str  # of the raw bytes (file) or of the row's text encoded as UTF-8 (export)
    given: dict = field(default_factory=dict)  # metadata the input states (export columns, manifest)
    warnings: tuple[str, ...] = ()

    @property
    def article_id(self) -> str:
        """Stable id: the same content gives the same id, whatever the file is called."""
        return self.raw_sha256[:16]


def read_corpus(folder: Path) -> tuple[list[RawArticle], list[Problem]]:
    """Read every article file of a corpus folder (sorted by name), with the manifest applied."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for chunk, chunk_problems in iter_corpus(folder):
        articles.extend(chunk)
        problems.extend(chunk_problems)
    return articles, problems


def iter_corpus(folder: Path, *, chunk_size: int | None = None, formats: tuple[str, ...] | None = None
                ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """Read a corpus folder in chunks of about `chunk_size` articles (all at once when None), so a
    large corpus never has to fit in memory. Whole files go into a chunk; the same article met twice
    is kept once, wherever it is. `formats` restricts reading to some formats ("text", "html", "csv",
    "jsonl"). Yields (articles, problems); the last chunk also reports manifest rows naming missing
    files."""
    folder = Path(folder)
    manifest, problems = read_manifest(folder)
    seen: dict[str, str] = {}  # raw_sha256 → where it was first seen
    listed: set[str] = set()
    chunk: list[RawArticle] = []
    for path in corpus_files(folder):
        name = path.relative_to(folder).as_posix()
        listed.add(name)
        if formats is not None and file_format(path) not in formats:
            continue
        found, file_problems = read_file(path, name=name)
        problems.extend(file_problems)
        for article in found:
            first = seen.setdefault(article.raw_sha256, _where(article))
            if first != _where(article):
                problems.append(Problem(_where(article), f"is the same article as {first}: "
                                                         "skipped; delete one of the two"))
                continue
            chunk.append(_with_manifest(article, manifest.get(name, {})))
        if chunk_size and len(chunk) >= chunk_size:
            yield chunk, problems
            chunk, problems = [], []
    for name in sorted(set(manifest) - listed):
        problems.append(Problem(MANIFEST, f"names {name!r}, which is not in {folder}: "
                                          "fix the file name in the manifest or add the file"))
    yield chunk, problems


def corpus_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, sorted: not hidden, not the corpus's configuration."""
    folder = Path(folder)
    return sorted(p for p in folder.rglob("*") if p.is_file() and not _is_hidden(p, folder)
                  and p.relative_to(folder).as_posix() not in CONFIG_FILES)


def file_format(path: Path) -> str | None:
    """"text", "html", "csv" or "jsonl" from the file's extension; None when unknown."""
    suffix = path.suffix.lower()
    return TEXT_EXTENSIONS.get(suffix) or EXPORT_EXTENSIONS.get(suffix)


def read_file(path: Path, *, name: str | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """Read one file into articles (one for a page, one per row for an export)."""
    name = name or path.name
    suffix = path.suffix.lower()
    kind = file_format(path)
    if kind is None:
        known = ", ".join(sorted(TEXT_EXTENSIONS | EXPORT_EXTENSIONS))
        return [], [Problem(name, f"unknown extension {suffix or '(none)'!r}: skipped; "
                                  f"save articles as one of {known}")]
    size = path.stat().st_size
    if kind in ("text", "html") and size > MAX_ARTICLE_BYTES:
        return [], [Problem(name, f"is {size / 2**20:.0f} MB, too large for one article: skipped; "
                                  "split it into one file per article, or save it as CSV / JSON lines")]
    data = path.read_bytes()
    if not data.strip():
        return [], [Problem(name, "is empty: skipped; remove it or paste the article text into it")]
    if _looks_binary(data):
        return [], [Problem(name, "is a binary file, not text: skipped; save the page as .txt, .html, "
                                  ".csv or .jsonl")]
    text, encoding, warning = decode_bytes(data)
    warnings = (warning,) if warning else ()
    if kind in ("text", "html"):
        sha = hashlib.sha256(data).hexdigest()
        return [RawArticle(name, None, kind, text, encoding, sha, {}, warnings)], []
    reader = _read_csv_rows if kind == "csv" else _read_jsonl_rows
    return _export_articles(name, kind, encoding, warnings, reader(text, name))


def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Decode raw bytes: UTF-8 (with or without BOM), else cp1252 with a warning, else UTF-8 with
    replacement characters and a warning. Returns (text, encoding, warning or None)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", "not UTF-8: read as Windows-1252 (cp1252), " \
                                                "re-save as UTF-8 if characters look wrong"
    except UnicodeDecodeError:
        return (data.decode("utf-8", errors="replace"), "utf-8-replace",
                "undecodable bytes replaced with \ufffd: re-save the file as UTF-8")


def read_manifest(folder: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Read `manifest.csv` (columns `file` plus any of outlet, title, published, url, author, event).

    Returns {file name: {field: value}} with empty cells left out, and the problems found."""
    path = Path(folder) / MANIFEST
    if not path.exists():
        return {}, []
    text, _, _ = decode_bytes(path.read_bytes())
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as err:
        return {}, [Problem(MANIFEST, f"is not valid CSV ({err}): ignored; fix it or delete it")]
    if not rows or "file" not in (rows[0].keys()):
        return {}, [Problem(MANIFEST, "has no 'file' column: ignored; the first line must name the "
                                      "columns, e.g. file,outlet,title,published,url,author")]
    manifest: dict[str, dict] = {}
    for number, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            continue
        values = {k: (row.get(k) or "").strip() for k in METADATA_FIELDS}
        manifest[name] = {k: v for k, v in values.items() if v}
        if None in row:
            return manifest, [Problem(MANIFEST, f"line {number} has more cells than the header: "
                                                "quote cells that contain commas")]
    return manifest, []


def _read_csv_rows(text: str, name: str):
    try:
        yield from csv.DictReader(io.StringIO(text))
    except csv.Error as err:
        yield Problem(name, f"stops being valid CSV ({err}): rows after it skipped; fix the quoting")


def _read_jsonl_rows(text: str, name: str):
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield Problem(name, f"line {number} is not JSON ({err.msg}): skipped; fix or remove it")
            continue
        yield row if isinstance(row, dict) else Problem(name, f"line {number} is not a JSON object")


def _export_articles(name, kind, encoding, warnings, rows) -> tuple[list[RawArticle], list[Problem]]:
    articles, problems = [], []
    for record, row in enumerate(rows, start=1):
        if isinstance(row, Problem):
            problems.append(row)
            continue
        text = str(row.get("text") or "").strip()
        if not text:
            problems.append(Problem(name, f"row {record} has no 'text': skipped; every row needs the "
                                          "article text in a 'text' column"))
            continue
        given = {k: str(row[k]).strip() for k in METADATA_FIELDS if row.get(k) not in (None, "")}
        if "event" not in given and row.get("event_id") not in (None, ""):
            given["event"] = str(row["event_id"])
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        articles.append(RawArticle(name, record, kind, text, encoding, sha, given, warnings))
    if not articles and not problems:
        problems.append(Problem(name, "has no rows: skipped"))
    return articles, problems


def _with_manifest(article: RawArticle, values: dict) -> RawArticle:
    if not values:
        return article
    return RawArticle(article.source_file, article.record, article.format, article.text,
                      article.encoding, article.raw_sha256, {**article.given, **values},
                      article.warnings)


def _where(article: RawArticle) -> str:
    return article.source_file if article.record is None else f"{article.source_file} row {article.record}"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def _is_hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)
