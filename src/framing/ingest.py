"""Read a corpus folder into raw articles: detect format and encoding, attach manifest metadata.

Nothing here changes the raw files, and everything read is taken as data: a symlink that leads out
of the corpus folder is not followed, a file name is never interpreted. Each problem with a file
becomes one `Problem` naming the file and what to do; the rest of the corpus is still read.
"""
from __future__ import annotations

import codecs
import collections
import csv
import dataclasses
import datetime
import difflib
import functools
import hashlib
import io
import itertools
import json
import os
import re
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import BinaryIO
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

TEXT_EXTENSIONS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
EXPORT_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl"}
EXPORT_FORMATS = ("csv", "jsonl")
MANIFEST = "manifest.csv"
# Files in a corpus folder that configure it rather than hold articles.
CONFIG_FILES = {MANIFEST, "issue_frames.toml"}
METADATA_FIELDS = ("outlet", "title", "published", "url", "author", "event")
# Columns that say how to read a row rather than describe the article: `clean` asks for page
# cleaning of an export's text (or, set to no, takes a text file as clean article text).
OPTION_FIELDS = ("clean",)
# Other names export tools give the known fields (Media Cloud's `media_name` and `publish_date`,
# scrapers' `date`, `headline`, `authors`…): a row's field is read from the first of them it fills
# when it has no column of the field's own name. The column stays in `extra` as well.
FIELD_ALIASES = {
    "outlet": ("media_name", "source_name", "publisher", "site_name"),
    "title": ("headline",),
    "published": ("publish_date", "published_at", "publication_date", "pub_date", "date"),
    "author": ("authors", "byline"),
    "event": ("event_id",),
}
# A single article file larger than this is almost surely not one article (a whole site dump, a
# database export saved as .txt). Exports (CSV / JSON lines) may be as large as they like.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
SEPARATORS = (",", ";", "\t", "|")  # tried in this order on an export's header line
MAX_LISTED = 5  # rows named in one problem line before "and N more"
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # control characters no article contains
_YES = {"1", "true", "yes", "y", "clean"}
_NO = {"0", "false", "no", "n", ""}
# Signatures of files that are documents or media, not text (first bytes).
_MAGIC = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or Word/Excel document"),
          (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"), (b"\x89PNG", "a PNG image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive"))


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, and what the user can do about it."""

    file: str
    message: str
    skipped: int = 0  # articles (files, export rows) left out because of it

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
    extra: dict = field(default_factory=dict)  # the user's own columns (export or manifest), kept as given

    @property
    def article_id(self) -> str:
        """Stable id: the same content gives the same id, whatever the file is called."""
        return self.raw_sha256[:16]

    @property
    def wants_cleaning(self) -> bool:
        """Whether the text is a page to clean (menus, share buttons…) or clean article text.

        Text files are pages and exports are articles unless a `clean` column of the manifest or
        export (or `framing build --clean`, which sets it for exports) says otherwise."""
        return read_flag(self.given.get("clean"), default=self.format not in EXPORT_FORMATS)


def read_flag(value, *, default: bool) -> bool:
    """A yes/no cell: 1/true/yes/y/clean → True, 0/false/no/n → False, missing → `default`."""
    if value is None:
        return default
    text = str(value).strip().casefold()
    return True if text in _YES else False if text in _NO - {""} else default


def read_corpus(folder: Path, *, clean_exports: bool = False, formats: tuple[str, ...] | None = None
                ) -> tuple[list[RawArticle], list[Problem]]:
    """Read every article file of a corpus folder (sorted by name), with the manifest applied."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for chunk, chunk_problems in iter_corpus(folder, clean_exports=clean_exports, formats=formats):
        articles.extend(chunk)
        problems.extend(chunk_problems)
    return articles, problems


def iter_corpus(folder: Path, *, chunk_size: int | None = None, formats: tuple[str, ...] | None = None,
                clean_exports: bool = False, duplicates: Duplicates | None = None
                ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """Read a corpus folder in chunks of about `chunk_size` articles (all at once when None), so a
    large corpus never has to fit in memory: exports (CSV / JSON lines) are read a block at a time
    and their rows may fall in several chunks. The same article met twice is kept once, wherever it
    is, and so is an article met again with a few characters or line breaks changed (see
    `Duplicates`). `formats` restricts reading to some formats ("text", "html", "csv", "jsonl");
    `clean_exports` asks for page cleaning of export rows whose manifest or export does not say.
    Yields (articles, problems): a file's problems come with the chunk its last article is in,
    the copies it holds named after them; the last chunk also reports manifest rows naming missing
    files. `duplicates`: the check to use (a new `Duplicates` by default; one given `known` texts of
    an earlier build spares re-hashing them)."""
    folder = Path(folder)
    manifest, problems = read_manifest(folder)
    duplicates = Duplicates() if duplicates is None else duplicates
    paths, listing_problems = list_corpus(folder)
    problems.extend(listing_problems)
    listed: set[str] = set()
    chunk: list[RawArticle] = []
    batch = min(chunk_size or BATCH_ROWS, BATCH_ROWS)
    for path in paths:
        name = path.relative_to(folder).as_posix()
        listed.add(name)
        if formats is not None and file_format(path) not in formats:
            continue
        file_problems: list[Problem] = []
        copies: list[Problem] = []
        for found, found_problems in iter_file(path, name=name, batch=batch):
            file_problems.extend(found_problems)
            found = [_with_manifest(article, manifest.get(name, {}), clean_exports=clean_exports)
                     for article in found]
            for article, (first, exact) in zip(found, duplicates.check_all(found)):
                if first is not None:
                    copies.append(_duplicate_problem(article, first, exact, duplicates.named.get(first, {})))
                    continue
                chunk.append(article)
                if chunk_size and len(chunk) >= chunk_size:
                    yield chunk, problems
                    chunk, problems = [], []
        problems.extend(file_problems + copies)
    for name in sorted(set(manifest) - listed):
        problems.append(Problem(MANIFEST, f"names {name!r}, which is not in {folder}"
                                          f"{_did_you_mean(name, listed - set(manifest))}: "
                                          "fix the file name in the manifest or add the file"))
    yield chunk, problems


def _did_you_mean(name: str, files: set[str]) -> str:
    """" (did you mean 'x'?)" naming the file of the folder the manifest's `name` most likely
    means (the same but for letter case, else the closest name by difflib), or "" when none is
    close; `files` are the folder's files that no manifest row names."""
    same_case = sorted(file for file in files if file.casefold() == name.casefold())
    close = same_case or difflib.get_close_matches(name, sorted(files), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _duplicate_problem(article: RawArticle, first: str, exact: bool, kept: dict[str, str]) -> Problem:
    """The warning for a copy skipped as the same article as `first` (the copy read first, by file
    name, which is kept with its own metadata: `kept`, its given outlet and event). When the skipped
    copy names an outlet or event that the kept one does not, the warning says so and how to keep
    them, for they are not in the tables."""
    lost = {key: value for key in ("outlet", "event") if (value := (article.given.get(key) or "").strip())
            and value.casefold() != (kept.get(key) or "").casefold()}
    if lost:
        named = " and ".join(f"{key} {value!r}" for key, value in lost.items())
        has = " and ".join(f"{key} {kept[key]!r}" for key in lost if kept.get(key))
        fix = (f"the {named} given to this copy {'are' if len(lost) > 1 else 'is'} not in the tables "
               f"({first} is given {has or 'none'}{'' if has else ' and keeps what its text says'}): to keep "
               f"{'them' if len(lost) > 1 else 'it'}, give {'them' if len(lost) > 1 else 'it'} to {first} in manifest.csv, or delete {first}")
    else:
        fix = "delete one of the two"
    if exact:
        return Problem(_where(article), f"is the same article as {first}, which is kept (the first by file "
                                        f"name): skipped; {fix}", skipped=1)
    return Problem(_where(article), f"nearly duplicates {first} (the same text but for a few characters "
                                    f"or line breaks), which is kept (the first by file name): skipped; {fix}"
                                    + ("" if lost else ", or give them different outlets in manifest.csv if "
                                       "both are wanted"), skipped=1)


# ── which files ─────────────────────────────────────────────────────────────────────────────────

def corpus_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, sorted: not hidden, not the corpus's configuration,
    not behind a symlink leading out of the folder."""
    return list_corpus(folder)[0]


def list_corpus(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The article files of a corpus folder (see `corpus_files`) and the problems met listing them:
    symlinks leading out of the folder, file names that are not UTF-8, unreadable subfolders.
    Symlinked subfolders are not followed (their files are read where they really are)."""
    folder = Path(folder)
    root = folder.resolve()
    files: list[Path] = []
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        try:
            where = _display(Path(error.filename).relative_to(folder).as_posix())
        except (TypeError, ValueError):
            where = "."
        problems.append(Problem(where, f"is a folder that cannot be read ({error.strerror}): skipped; "
                                       "check its permissions"))

    for base, dirs, names in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(base)
        resources = _page_resources(dirs, names)
        for entry in resources:
            problems.append(Problem(_display((here / entry).relative_to(folder).as_posix() + "/"),
                                    _PAGE_RESOURCES.format(page=_display(resources[entry]))))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in resources)
        for entry in sorted(dirs) + sorted(names):
            path = here / entry
            relative = path.relative_to(folder).as_posix()
            if entry.startswith(".") or relative in CONFIG_FILES:
                continue
            if entry == MANIFEST and entry not in dirs:  # one per event's sub-folder, say
                problems.append(Problem(_display(relative), _NESTED_MANIFEST.format(
                    folder=_display(Path(relative).parent.as_posix()))))
                continue
            if path.is_symlink() and not _inside(path, root):
                problems.append(Problem(_display(relative), "is a link to something outside the corpus "
                                                            "folder: skipped; copy the file into the "
                                                            "folder if it belongs to the corpus", skipped=1))
                continue
            if entry in dirs:
                continue
            if path.is_symlink() and not path.exists():
                problems.append(Problem(_display(relative), "is a link to a file that does not exist: "
                                                            "skipped; remove the link", skipped=1))
                continue
            if not _utf8(relative):
                problems.append(Problem(_display(relative), "has a file name that is not valid UTF-8: "
                                                            "skipped; rename the file", skipped=1))
                continue
            if path.is_file():
                files.append(path)
    return sorted(files), problems


_PAGE_RESOURCES = ("holds the images, scripts and frames of the saved page {page} (a browser's \"Web "
                   "Page, complete\"): not read as articles")


def _page_resources(dirs: list[str], names: list[str]) -> dict[str, str]:
    """The folders of `dirs` that a browser's "save page, complete" wrote beside a saved page:
    `<name>_files` next to `<name>.html` or `<name>.htm` of `names`; each with its page's name."""
    pages = {Path(name).stem: name for name in sorted(names, reverse=True)
             if Path(name).suffix.lower() in (".html", ".htm")}
    return {d: pages[d[:-len("_files")]] for d in dirs
            if d.endswith("_files") and d[:-len("_files")] in pages}


_NESTED_MANIFEST = ("is a manifest in a sub-folder: not read (only the corpus folder's own manifest.csv "
                    "is); move its rows into that one, naming each file by its path in the corpus, "
                    "e.g. {folder}/page.html")


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a broken or looping link
        return False


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _display(name: str) -> str:
    """A file name safe to print on one line and store: bytes that are not UTF-8 shown as \ufffd,
    control characters (a line break in a name) as escapes."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return re.sub("[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", name)


def file_format(path: Path) -> str | None:
    """"text", "html", "csv" or "jsonl" from the file's extension; None when unknown."""
    suffix = path.suffix.lower()
    return TEXT_EXTENSIONS.get(suffix) or EXPORT_EXTENSIONS.get(suffix)


# ── one file ────────────────────────────────────────────────────────────────────────────────────

# What to do with files people often have, beyond the list of extensions framing reads.
_EXTENSION_HINTS = {
    ".json": " (a JSON file of articles: save it as JSON lines, .jsonl, one article object per line)",
    ".ndjson": " (JSON lines: rename it to .jsonl)",
    ".tsv": " (a tab-separated export: rename it to .csv; the separator is found from its header)",
    ".xlsx": " (a spreadsheet: save it as CSV)", ".xls": " (a spreadsheet: save it as CSV)",
    **dict.fromkeys((".mhtml", ".mht", ".webarchive"), " (a web page saved as a single file: save it from the "
                    "browser as \"Web Page, HTML only\" (.html), or copy the article's text into a .txt file)"),
    **dict.fromkeys((".pdf", ".docx", ".doc", ".odt", ".rtf", ".pages"),
                    " (a document: copy the article's text into a .txt file, or export it as plain text)")}
BLOCK_BYTES = 1 << 20  # an export is read this many bytes at a time, so its size never decides memory
BATCH_ROWS = 1000  # export rows made into articles at a time
_WIDE = ("utf-16", "utf-32", "utf-16-le", "utf-16-be")
_CODECS = {"utf-8-replace": ("utf-8", "replace")}  # encoding as recorded → (codec, errors)
_ENCODING_WARNINGS = {
    "cp1252": "not UTF-8: read as Windows-1252 (cp1252), re-save as UTF-8 if characters look wrong",
    "utf-8-replace": "undecodable bytes replaced with \ufffd: re-save the file as UTF-8"}


def read_file(path: Path, *, name: str | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """Read one file into articles (one for a page, one per row for an export)."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for found, found_problems in iter_file(path, name=name):
        articles.extend(found)
        problems.extend(found_problems)
    return articles, problems


def iter_file(path: Path, *, name: str | None = None, batch: int = BATCH_ROWS
              ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """Read one file into articles, as batches of (articles, problems). A page is one batch. An
    export (CSV / JSON lines) is read `BLOCK_BYTES` at a time and its rows come `batch` at a time,
    so memory does not grow with its size; its problems (broken rows, rows without text) come with
    its last batch, each still one line naming all its rows."""
    name = _display(name or path.name)
    kind = file_format(path)
    if kind is None:
        known = ", ".join(sorted(TEXT_EXTENSIONS | EXPORT_EXTENSIONS))
        hint = _EXTENSION_HINTS.get(path.suffix.lower(), "")
        yield [], [Problem(name, f"unknown extension {path.suffix.lower() or '(none)'!r}: skipped; "
                                 f"save articles as one of {known}{hint}", skipped=1)]
        return
    try:
        if kind in EXPORT_FORMATS:
            yield from _iter_export(functools.partial(path.open, "rb"), name=name, kind=kind, batch=batch)
            return
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            yield [], [Problem(name, f"is {size / 2**20:.0f} MB, too large for one article: skipped; "
                                     "split it into one file per article, or save it as CSV / JSON lines",
                                 skipped=1)]
            return
        data = path.read_bytes()
    except OSError as error:  # deleted while the build ran, no permission, a folder named *.txt
        reason = error.strerror or type(error).__name__
        yield [], [Problem(name, f"could not be read ({reason}): skipped; check that the file exists "
                                 "and that you may read it", skipped=1)]
        return
    yield read_bytes(data, name=name, kind=kind)


def read_bytes(data: bytes, *, name: str, kind: str) -> tuple[list[RawArticle], list[Problem]]:
    """The articles in the raw bytes of one file of format `kind`."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    if kind in EXPORT_FORMATS:
        for found, found_problems in _iter_export(functools.partial(io.BytesIO, data), name=name, kind=kind,
                                                  batch=BATCH_ROWS):
            articles.extend(found)
            problems.extend(found_problems)
        return articles, problems
    text, problem = _open_text(functools.partial(io.BytesIO, data), name=name)
    if problem is not None:
        return [], [problem]
    sha = hashlib.sha256(data).hexdigest()
    content = "".join(text.blocks())
    if name.lower().endswith(".md"):
        content = markdown_as_text(content)
    return [RawArticle(name, None, kind, content, text.encoding, sha, {}, text.warnings)], []


# Markdown's marks, line by line (CommonMark's syntax, https://spec.commonmark.org): what a reader of the
# rendered page does not see goes, the words stay. List and quote markers stay for cleaning to read.
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$")
_MD_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_MD_LINK = re.compile(r"\[([^\]]+)\](?:\((?:[^()\s]+|\([^)]*\))*(?:[ \t]+\"[^\"]*\")?\)|\[[^\]]*\])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_MD_CODE = re.compile(r"`+([^`]+?)`+")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPED = 0xF0000  # an escaped ASCII mark is held as a private-use character while the marks are read
_ESCAPED_CHARS = re.compile(f"[{chr(_ESCAPED + 0x21)}-{chr(_ESCAPED + 0x7e)}]")


def markdown_as_text(text: str) -> str:
    """A Markdown article as the text its reader sees, line for line (so raw line numbers still
    point into the file): heading marks, rules and link definitions removed, links and images by
    their text (images dropped), emphasis and code marks removed, escapes resolved. List and quote
    markers stay: cleaning reads them as for any page text."""
    return "\n".join(_markdown_line(line) for line in text.split("\n"))


def _markdown_line(line: str) -> str:
    if _MD_RULE.match(line) or _MD_LINK_DEFINITION.match(line):
        return ""
    line = _MD_ESCAPE.sub(lambda m: chr(_ESCAPED + ord(m.group(1))), line)  # kept from the marks' rules
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1) or ""
    line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
    line = _MD_AUTOLINK.sub(r"\1", _MD_CODE.sub(r"\1", line))
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    return _ESCAPED_CHARS.sub(lambda m: chr(ord(m.group()) - _ESCAPED), line)


@dataclass(frozen=True)
class _Text:
    """A file's bytes found to be text: how they decode, the warnings every article of the file
    carries, and its text as a stream of blocks (control characters removed)."""

    open_bytes: Callable[[], BinaryIO]
    encoding: str
    warnings: tuple[str, ...]

    def blocks(self) -> Iterator[str]:
        for block in _decoded(self.open_bytes, self.encoding):
            yield strip_controls(block)[0]


def _open_text(open_bytes: Callable[[], BinaryIO], *, name: str) -> tuple[_Text | None, Problem | None]:
    """Check a file's bytes the way every file is checked (empty, binary, encoding, control
    characters), reading them block by block: (the text, None) or (None, why it is skipped)."""
    if not any(block.strip() for block in _byte_blocks(open_bytes)):
        return None, Problem(name, "is empty: skipped; remove it or paste the article text into it", skipped=1)
    with open_bytes() as handle:
        head = handle.read(8192)
    what = binary_kind(head)
    if what is not None:
        return None, Problem(name, f"is a binary file{what}, not text: skipped; save the page as .txt, "
                                   ".html, .csv or .jsonl", skipped=1)
    encoding, removed, has_text = _encoding(open_bytes, head)
    warnings = (_ENCODING_WARNINGS[encoding],) if encoding in _ENCODING_WARNINGS else ()
    if removed:
        warnings += (f"{removed} control characters (such as NUL bytes) removed from the text",)
    if not has_text:
        return None, Problem(name, "holds no text once control characters are removed: skipped; "
                                   "save the page as text", skipped=1)
    return _Text(open_bytes, encoding, warnings), None


def _byte_blocks(open_bytes: Callable[[], BinaryIO]) -> Iterator[bytes]:
    with open_bytes() as handle:
        while block := handle.read(BLOCK_BYTES):
            yield block


def _encoding(open_bytes: Callable[[], BinaryIO], head: bytes) -> tuple[str, int, bool]:
    """How to decode a file (see `decode_bytes`), with the number of control characters its text
    holds and whether any text is left without them. Each encoding is tried on the whole file,
    block by block."""
    tries = [wide] if (wide := _utf16_or_32(head)) else []
    tries += ["utf-8-sig"] if head.startswith(b"\xef\xbb\xbf") else []
    for encoding in (*tries, "utf-8", "cp1252", "utf-8-replace"):
        removed, has_text = 0, False
        try:
            for block in _decoded(open_bytes, encoding):
                block, count = strip_controls(block)
                removed += count
                has_text = has_text or bool(block.strip())
        except UnicodeDecodeError:
            continue
        return encoding, removed, has_text
    raise AssertionError("utf-8 with replacement decodes any bytes")


def _decoded(open_bytes: Callable[[], BinaryIO], encoding: str) -> Iterator[str]:
    """A file's text, block by block, decoded as `encoding` (an encoding `_encoding` chose);
    UnicodeDecodeError when the bytes are not valid in it. A byte-order mark is not text."""
    codec, errors = _CODECS.get(encoding, (encoding, "strict"))
    decoder = codecs.getincrementaldecoder(codec)(errors)
    leading = encoding in _WIDE  # byte-order marks at the start of wide text (past the first) dropped too
    for block in itertools.chain(_byte_blocks(open_bytes), [None]):
        text = decoder.decode(block or b"", final=block is None)
        if leading and text:
            text = text.lstrip("\ufeff")
            leading = not text
        if text:
            yield text


def binary_kind(data: bytes) -> str | None:
    """" (a PDF document)" or "" when a file is not text, else None. Text in UTF-16 or UTF-32 (with
    or without a byte-order mark) is text."""
    if _utf16_or_32(data):
        return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f" ({what})"
    head = data[:8192]
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13))
    return "" if control > len(head) * 0.05 else None


def _utf16_or_32(data: bytes) -> str | None:
    """The codec of text in UTF-16/32: by its byte-order mark, else by the zero bytes that mostly
    Latin text has in every other byte."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return codec
    head = data[:4096]
    if len(head) >= 8:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Decode raw bytes: UTF-8 (with or without BOM), UTF-16/32 (by BOM or zero bytes), else cp1252
    with a warning, else UTF-8 with replacement characters and a warning. Returns (text, encoding,
    warning or None)."""
    open_bytes = functools.partial(io.BytesIO, data)
    encoding = _encoding(open_bytes, data[:8192])[0]
    return "".join(_decoded(open_bytes, encoding)), encoding, _ENCODING_WARNINGS.get(encoding)


def strip_controls(text: str) -> tuple[str, int]:
    """The text without NUL bytes and other control characters (tabs, line and page breaks kept),
    and how many were removed."""
    cleaned, count = _CONTROL.subn("", text)
    return cleaned, count


# ── the manifest ────────────────────────────────────────────────────────────────────────────────

def read_manifest(folder: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Read `manifest.csv` (columns `file` plus any of outlet, title, published, url, author, event,
    clean; other columns are kept as the article's `extra`).

    Returns {file name: {field: value}} with empty cells left out (extra columns under "extra"), and
    the problems found. Each row is one line: a row with more or fewer cells than the header (an
    unquoted comma) or a quote left open is named and skipped, never read shifted; when two rows
    name one file, the later one is used and the earlier named."""
    path = Path(folder) / MANIFEST
    try:
        if not path.is_file():
            return {}, []
        text, _, _ = decode_bytes(path.read_bytes())
    except OSError as error:
        return {}, [Problem(MANIFEST, f"could not be read ({error.strerror}): ignored; check its permissions")]
    text, _ = strip_controls(text)
    lines = [line.rstrip("\r\n") for line in _physical_lines(text)]
    header_at = next((i for i, line in enumerate(lines) if line.strip()), None)
    separator, header = _header(lines[header_at], needed="file") if header_at is not None else (",", [])
    names = [_column(h) for h in header or []]
    if not header or "file" not in names:
        return {}, [Problem(MANIFEST, "has no 'file' column: ignored; the first line must name the "
                                      "columns, e.g. file,outlet,title,published,url,author")]
    manifest: dict[str, dict] = {}
    lines_of: dict[str, int] = {}
    problems: list[Problem] = []
    for index in range(header_at + 1, len(lines)):
        number, line = index + 1, lines[index]
        if not line.strip():
            continue
        cells = _split_line(line, separator)
        if cells is None:
            problems.append(Problem(MANIFEST, f"line {number} has a quote that is never closed: row "
                                              "skipped; close the quote (a cell is one line)"))
            continue
        if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
            problems.append(Problem(MANIFEST, f"line {number} has {len(cells)} cells but the header "
                                              f"has {len(names)}: row skipped; put cells that contain "
                                              'commas in double quotes, e.g. "Smith, Jane"'))
            continue
        row = dict(zip(names, (c.strip() for c in cells)))
        name = _manifest_name(row.get("file", ""))
        if not name:
            continue
        if name in manifest:
            problems.append(Problem(MANIFEST, f"lines {lines_of[name]} and {number} both describe "
                                              f"{name!r}: line {number} is used; delete the other"))
        manifest[name] = _given(row, header, names)
        lines_of[name] = number
    _manifest_dates(manifest, lines_of)
    return manifest, problems


def _manifest_dates(manifest: dict[str, dict], lines_of: dict[str, int]) -> None:
    """The manifest's `published` values read as ISO days, in place (see `DateOrder`); a value not
    read is left out and noted in the warnings of the article (which the build names)."""
    order = DateOrder()
    for values in manifest.values():
        order.learn(values.get("published"))
    for name, values in manifest.items():
        if "published" not in values:
            continue
        value = values.pop("published")
        day, why = order.read(value)
        if why is None:
            values["published"] = day
        else:
            values["warnings"] = (date_note(value, why, f"{MANIFEST} line {lines_of[name]}"),)


def _split_line(line: str, separator: str) -> list[str] | None:
    """The cells of one CSV line; None when a quote opened in it is not closed."""
    try:
        rows = list(csv.reader([line], delimiter=separator, strict=True))
    except csv.Error:
        return None
    return rows[0] if rows else []


def _manifest_name(value: str) -> str:
    name = value.strip().replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


@functools.lru_cache(maxsize=1024)  # (every row of an export repeats its header's names)
def _column(name) -> str:
    """A header cell as compared with the known field names: BOM, spaces and case folded."""
    return str(name).lstrip("\ufeff").strip().casefold()


def _given(row: dict, header: list, names: list[str]) -> dict:
    """The known fields of a row (non-empty), with the other columns under "extra"."""
    given = {k: str(row[k]).strip() for k in METADATA_FIELDS + OPTION_FIELDS
             if row.get(k) not in (None, "") and str(row[k]).strip()}
    for known, aliases in FIELD_ALIASES.items():
        if known not in given and known not in names:
            found = next((str(row[a]).strip() for a in aliases if str(row.get(a) or "").strip()), None)
            if found:
                given[known] = found
    extra = {str(original).lstrip("\ufeff").strip(): row[k] for original, k in zip(header, names)
             if k not in METADATA_FIELDS + OPTION_FIELDS + ("file", "text") and row.get(k) not in (None, "")}
    if extra:
        given["extra"] = extra
    return given


# ── dates ───────────────────────────────────────────────────────────────────────────────────────

# A date written with numbers only, day and month in either order: 12/02/2025, 18.10.2021, 2-3-25,
# perhaps with a time after it.
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[ T,]|\s*$).*)?", re.DOTALL)
DATE_FIX = "write dates as YYYY-MM-DD, e.g. 2025-02-12"


class DateOrder:
    """How one file (an export or the manifest) writes numeric dates: day first (18/10/2021) or
    month first (10/18/2021), as those of its dates that can be read only one way show. A date
    both ways could read (12/02/2025) follows the file; when nothing in the file tells, it is left
    empty, never guessed. `read` turns each `published` value into an ISO day."""

    def __init__(self):
        self.seen: set[str] = set()  # "day" and/or "month": which first, by the file's evidence

    def learn(self, value) -> None:
        match = _NUMERIC_DATE.fullmatch(str(value or ""))
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                self.seen.add("day")
            elif second > 12 >= first:
                self.seen.add("month")

    def read(self, value) -> tuple[str | None, str | None]:
        """(the day as YYYY-MM-DD, None); ("", None) for an empty value; or (None, why) for a date
        that cannot be read ("unreadable") or could be two days ("ambiguous"), see `DATE_PROBLEMS`."""
        text = str(value or "").strip()
        if not text:
            return "", None
        match = _NUMERIC_DATE.fullmatch(text)
        if match is None:
            day = read_date(text)
            return (day, None) if day else (None, "unreadable")
        first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
        year = int(year) if len(year) == 4 else (2000 if int(year) < 69 else 1900) + int(year)  # (as strptime's %y)
        if first > 12 or (second <= 12 and first != second and self.seen == {"day"}):
            day, month = first, second
        elif second > 12 or first == second or self.seen == {"month"}:
            day, month = second, first
        else:
            return None, "ambiguous"
        try:
            return datetime.date(year, month, day).isoformat(), None
        except ValueError:
            return None, "unreadable"


DATE_PROBLEMS = {"unreadable": "is not a date framing reads",
                 "ambiguous": "may be day-first or month-first, and the file's other dates do not settle which"}


def date_note(value, why: str, where: str = "") -> str:
    """What an article's warnings say of a `published` value that was not read (`where`: which
    line of which file gave it, when that is not the article's own file)."""
    where = f" ({where})" if where else ""
    return f"published {str(value).strip()!r}{where} {DATE_PROBLEMS[why]}: left empty ({DATE_FIX})"


ISO_DAY = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")  # (a 31st of June: unreadable)


@functools.lru_cache(maxsize=4096)  # (a corpus repeats few dates: a day or two per event)
def read_date(text: str) -> str | None:
    """A date in any other form pandas reads ("Feb 12, 2025", "2025-02-12T09:30:00-05:00") → its
    day in UTC as YYYY-MM-DD; None when unreadable. Words without digits ("today", "now") are not
    dates: they would make the tables depend on the day of the build. A day written as ISO 8601
    (2025-02-12), the usual form, is read without pandas, to what pandas gives it (a day that does
    not exist, 2025-02-30, is unreadable to both)."""
    import warnings

    import pandas as pd

    if ISO_DAY.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d", text):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas' notes on how it guessed the format
        stamp = pd.to_datetime(text, errors="coerce", utc=True)
    return None if pd.isna(stamp) else stamp.tz_convert(None).strftime("%Y-%m-%d")


def read_dates(articles: list[RawArticle], order: DateOrder
               ) -> tuple[list[RawArticle], dict[str, list[tuple[int, str]]]]:
    """The articles of one export with their `published` read as ISO days (see `DateOrder`, which
    first learns from all of them); a date not read is left empty and noted in the article's
    warnings. Also returns (record, value) of the rows whose date was not read, by reason."""
    for article in articles:
        order.learn(article.given.get("published"))
    read: list[RawArticle] = []
    unread: dict[str, list[tuple[int, str]]] = {}
    for article in articles:
        value = article.given.get("published")
        day, why = (value, None) if value is None else order.read(value)
        if day == value:
            read.append(article)
            continue
        given = {k: v for k, v in article.given.items() if k != "published"} | ({"published": day} if day else {})
        warnings = article.warnings + ((date_note(value, why),) if why else ())
        if why:
            unread.setdefault(why, []).append((article.record, value))
        read.append(dataclasses.replace(article, given=given, warnings=warnings))
    return read, unread


def dates_problems(name: str, unread: dict[str, list[tuple[int, str]]]) -> list[Problem]:
    """One problem per reason dates of an export were not read, naming its rows and a value."""
    problems = []
    for why, rows in unread.items():
        records = [record for record, _ in rows]
        more = f" and {len(records) - MAX_LISTED} more" if len(records) > MAX_LISTED else ""
        named = f"row {records[0]}" if len(records) == 1 else \
            f"rows {', '.join(map(str, records[:MAX_LISTED]))}{more}"
        values = list(dict.fromkeys(value.strip() for _, value in rows))
        shown = repr(values[0]) + (" and others" if len(values) > 1 else "")
        problems.append(Problem(name, f"{named}: published {shown} {DATE_PROBLEMS[why]}: left empty ({DATE_FIX})"))
    return problems


# ── exports ─────────────────────────────────────────────────────────────────────────────────────

def _iter_export(open_bytes: Callable[[], BinaryIO], *, name: str, kind: str, batch: int
                 ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """The articles of a CSV / JSON-lines export in batches of `batch`, read block by block. Their
    dates are read `BATCH_ROWS` rows at a time (see `read_dates`), so a file gives the same days
    whatever the batch."""
    text, problem = _open_text(open_bytes, name=name)
    if problem is not None:
        yield [], [problem]
        return
    rows = _csv_rows(_physical_lines_of(text.blocks()), name) if kind == "csv" else \
        _jsonl_rows(_split_lines(text.blocks(), "\n"), name)
    articles: list[RawArticle] = []
    empty: list[int] = []
    has_text, fields, found = False, set(), 0  # whether any row has a text field; fields seen until one has
    order, undated = DateOrder(), {}
    while True:
        try:
            record, row = next(rows)
        except StopIteration as stop:
            problems = list(stop.value)
            break
        header = row.pop("__header")
        if not has_text:
            has_text = "text" in row
            fields.update(map(str, header))
        article = _export_article(row, header, name=name, kind=kind, record=record,
                                  encoding=text.encoding, warnings=text.warnings)
        if article is None:
            empty.append(record)
            continue
        articles.append(article)
        found += 1
        if len(articles) >= BATCH_ROWS:  # dates read a whole window at a time, whatever `batch` is
            dated = _dated(articles, order, undated)
            yield from ((dated[i:i + batch], []) for i in range(0, len(dated), batch))
            articles = []
    dated = _dated(articles, order, undated)
    pieces = [dated[i:i + batch] for i in range(0, len(dated), batch)] or [[]]
    yield from ((piece, []) for piece in pieces[:-1])
    articles = pieces[-1]  # (the last comes with the file's problems)
    if (empty or found) and not has_text:  # JSON lines whose objects all lack a text field
        shown = ", ".join(map(repr, sorted(fields)[:20])) or "none"
        problems.append(Problem(name, f"has no 'text' field (fields found: {shown}): skipped; "
                                      "name the field holding the article text 'text'", skipped=len(empty)))
    elif empty:
        more = f" and {len(empty) - MAX_LISTED} more" if len(empty) > MAX_LISTED else ""
        rows_named = (f"row {empty[0]}" if len(empty) == 1
                      else f"rows {', '.join(map(str, empty[:MAX_LISTED]))}{more}")
        problems.append(Problem(name, f"{rows_named} {'has' if len(empty) == 1 else 'have'} no text: "
                                      "skipped; every row needs the article text in its 'text' column",
                                skipped=len(empty)))
    if not found and not problems:
        problems.append(Problem(name, "has no article rows (only a header, or rows with every cell empty): "
                                      "skipped; add one row per article with its text in the 'text' column"))
    yield articles, [Problem(name, warning) for warning in text.warnings] + problems + dates_problems(name, undated)


def _dated(articles: list[RawArticle], order: DateOrder, undated: dict) -> list[RawArticle]:
    """`read_dates` of a batch of an export's rows; the rows whose date was not read are added to
    `undated`."""
    articles, unread = read_dates(articles, order)
    for why, rows in unread.items():
        undated.setdefault(why, []).extend(rows)
    return articles


def _export_article(row: dict, header: list, *, name: str, kind: str, record: int, encoding: str,
                    warnings: tuple[str, ...]) -> RawArticle | None:
    """One export row as an article; None when it has no text."""
    text = row.get("text")
    if isinstance(text, list) and text and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # a JSON list of the article's paragraphs
    text = "" if text is None or isinstance(text, (dict, list)) else str(text)
    text, _ = strip_controls(text)
    text = text.strip()
    if not text:
        return None
    values = {k: _cell(v) for k, v in row.items()}
    given = _given(values, header, [_column(h) for h in header])
    extra = given.pop("extra", {})
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return RawArticle(name, record, kind, text, encoding, sha, given, warnings, extra)


def _csv_rows(lines: Iterator[str], name: str) -> Generator[tuple[int, dict], None, list[Problem]]:
    """The rows of a CSV export as (row number, {column: value}), from its physical lines; returns
    the problems. The separator (comma, semicolon, tab or bar) is taken from the header line. Cells
    may be of any size and span lines when quoted. Rows broken by a stray quote or with the wrong
    number of cells are named in one problem and skipped; after a broken quote the lines it
    swallowed are read again, so no row is lost unnamed (only the lines of the row being read are
    held for that, so memory stays flat on a good file)."""
    csv.field_size_limit(2**31 - 1)
    lines = _Rewind(lines)
    header_line = next((line for line in lines if line.strip()), None)
    if header_line is None:
        return []
    separator, header = _header(header_line, needed="text")
    names = [_column(h) for h in header]
    if "text" not in names:
        found = ", ".join(repr(str(h).strip()) for h in header[:20]) or "none"
        return [Problem(name, f"has no 'text' column (columns found: {found}): skipped; name the "
                              "column holding the article text 'text' in the first line", skipped=1)]
    broken: dict[str, list[int]] = {}
    position = lines.next_index  # 0-based index of the line after the header
    record = 0
    while True:
        lines.rewind(position)
        reader = csv.reader(lines, delimiter=separator, strict=True)
        line_before = 0
        try:
            for cells in reader:
                begin = position + line_before + 1  # 1-based line where this row starts
                line_before = reader.line_num
                lines.forget_before(position + line_before)
                record += 1  # a blank row keeps its number, so records are the rows a spreadsheet shows
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(names):
                    broken.setdefault("cells", []).append(begin)
                    continue
                yield record, dict(zip(names, cells)) | {"__header": header}
            break
        except csv.Error as error:
            record += 1
            begin = position + line_before + 1
            ran_on = position + reader.line_num > begin  # the broken cell took in later lines
            key = "open" if ran_on or "end of data" in str(error) else "quote"
            broken.setdefault(key, []).append(begin)
            position = begin  # read again from the line after the broken row's first line
    return _broken_rows(name, broken, len(names), separator)


def _header(line: str, *, needed: str) -> tuple[str, list[str]]:
    """The separator of a CSV file and its header cells: the first separator whose header names
    the `needed` column, else the one that splits the header into most cells."""
    best = (",", _split_line(line.rstrip("\r\n"), ",") or [line.strip()])
    for separator in SEPARATORS:
        cells = _split_line(line.rstrip("\r\n"), separator) or []
        if needed in {_column(c) for c in cells}:
            return separator, cells
        if len(cells) > len(best[1]):
            best = (separator, cells)
    return best


class _Rewind:
    """Lines from a stream, numbered from 0, that can be read again from any line not yet
    forgotten (a CSV row broken by a quote is read again from its second line)."""

    def __init__(self, lines: Iterator[str]):
        self._source = iter(lines)
        self._held: collections.deque[str] = collections.deque()
        self._first = 0  # number of the first line held
        self.next_index = 0  # number of the line the next read gives

    def __iter__(self):
        return self

    def __next__(self) -> str:
        offset = self.next_index - self._first
        if offset < len(self._held):
            line = self._held[offset]
        else:
            line = next(self._source)
            self._held.append(line)
        self.next_index += 1
        return line

    def rewind(self, index: int) -> None:
        """Read again from line `index` (held, or the next one from the stream)."""
        if index < self._first:
            raise ValueError(f"line {index} is forgotten")
        self.next_index = index

    def forget_before(self, index: int) -> None:
        while self._first < index and self._held:
            self._held.popleft()
            self._first += 1


def _broken_rows(name: str, broken: dict[str, list[int]], n_columns: int, separator: str) -> list[Problem]:
    shown = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}[separator]
    what = {"cells": f"not the header's {n_columns} cells (a {shown} inside a cell that is not in "
                     "double quotes?): skipped; put such cells in double quotes",
            "quote": "a stray double quote inside a quoted cell: skipped; write a quote inside a "
                     'quoted cell as two ("")',
            "open": "a double quote opened and never closed: skipped, and the lines after it read "
                    "again; close the quote"}
    return [Problem(name, f"{_lines_named(lines)}: {what[key]}", skipped=len(lines)) for key, lines in broken.items()]


def _lines_named(lines: list[int]) -> str:
    """"the row at line 7" or "the rows at lines 3, 9, 12 and 40 more"."""
    if len(lines) == 1:
        return f"the row at line {lines[0]}"
    more = f" and {len(lines) - MAX_LISTED} more" if len(lines) > MAX_LISTED else ""
    return f"the rows at lines {', '.join(map(str, lines[:MAX_LISTED]))}{more}"


_LINE_BREAK = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")


def _physical_lines(text: str) -> list[str]:
    """The lines of a text with their line breaks (\n, \r\n, or \r alone as old Mac files have)."""
    return [line for line in _LINE_BREAK.split(text) if line]


def _physical_lines_of(blocks: Iterable[str]) -> Iterator[str]:
    """`_physical_lines` of a text given block by block."""
    rest = ""
    for block in blocks:
        text = rest + block
        held = text.endswith("\r")  # may be the first half of a \r\n in the next block
        lines = _LINE_BREAK.split(text[:-1] if held else text)
        rest = lines.pop() + ("\r" if held else "")
        yield from (line for line in lines if line)
    if rest:
        yield from _physical_lines(rest)


def _split_lines(blocks: Iterable[str], separator: str) -> Iterator[str]:
    """`text.split(separator)` of a text given block by block."""
    pending: list[str] = []
    for block in blocks:
        if separator not in block:
            pending.append(block)
            continue
        lines = block.split(separator)
        pending.append(lines[0])
        yield "".join(pending)
        yield from lines[1:-1]
        pending = [lines[-1]]
    yield "".join(pending)


def _jsonl_rows(lines: Iterable[str], name: str) -> Generator[tuple[int, dict], None, list[Problem]]:
    """The rows of a JSON-lines export as (row number, object), from its lines split at "\\n" only
    (so line and paragraph separators, form feeds and carriage returns inside a text are part of
    it); returns the problems. Lines that are not JSON objects are named in one problem and skipped."""
    bad: list[int] = []
    for number, line in enumerate(lines, start=1):  # a row's number is its line, blank lines counted
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            row = None
        if not isinstance(row, dict):
            bad.append(number)
            continue
        header = list(row)
        yield number, {_column(k): v for k, v in row.items()} | {"__header": header}
    if bad:
        return [Problem(name, f"{_lines_named(bad)}: not a JSON object on one line: skipped; fix or remove it",
                        skipped=len(bad))]
    return []


def _cell(value) -> str:
    """An export cell as text (numbers and nested JSON written out)."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _with_manifest(article: RawArticle, values: dict, *, clean_exports: bool = False) -> RawArticle:
    values = dict(values)
    extra = {**article.extra, **values.pop("extra", {})}
    warnings = article.warnings + values.pop("warnings", ())
    given = {**article.given, **values}
    if clean_exports and article.format in EXPORT_FORMATS and "clean" not in given:
        given["clean"] = "yes"
    if given == article.given and extra == article.extra and warnings == article.warnings:
        return article
    return dataclasses.replace(article, given=given, extra=extra, warnings=warnings)


def _where(article: RawArticle) -> str:
    return article.source_file if article.record is None else f"{article.source_file} row {article.record}"


# ── near-duplicates ─────────────────────────────────────────────────────────────────────────────

class Duplicates:
    """Articles met before, to tell a new one that is the same as an earlier one.

    Exact: the same content (raw SHA-256). Near: the same words once line breaks, spaces and case are
    ignored (a CRLF or CR-only re-save, a paragraph re-wrapped), or word-trigram sets so alike that
    their Jaccard similarity, estimated with MinHash (Broder 1997) and found through locality-
    sensitive hashing, is at least `threshold` (one word or byte changed in a text of a few dozen
    words, and the two differ in at most 30 trigrams or a tenth of them). HTML pages are compared
    exactly and with spaces ignored only: their markup makes any two pages of one site look alike.
    Pages are compared with pages and export rows with export rows; two near-duplicates whose
    given outlets or events differ are both kept (one story carried by two outlets, or filed under
    two events on purpose)."""

    PERMUTATIONS, BANDS = 50, 10  # 10 bands of 5 values: a pair with similarity 0.8 is found 98 % of the time

    def __init__(self, *, threshold: float = 0.8, known: dict[str, tuple] | None = None):
        self.threshold = threshold
        # What each article's text gives the check, by `memo_key`: (digest of its words, number of
        # words, MinHash signature or None, distinct trigrams). `known` holds an earlier build's
        # (`met`), so a rebuild reads but does not re-hash the texts it has seen.
        self.known = known or {}
        self.met: dict[str, tuple] = {}
        self.exact: dict[str, str] = {}
        self.loose: dict[tuple[str, str], tuple[str, str]] = {}
        self.bands: dict[tuple[str, int, bytes], list[int]] = {}
        self.kept: list[tuple[str, str, np.ndarray, int]] = []  # (where, outlet, signature, trigrams)
        self.named: dict[str, dict[str, str]] = {}  # where → the outlet and event a kept article was given
        rng = np.random.default_rng(20250212)  # fixed: the same corpus always gives the same result
        self._a = rng.integers(0, 1 << 63, self.PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._b = rng.integers(0, 1 << 63, self.PERMUTATIONS, dtype=np.uint64)
        self._words: dict[str, int] = {}
        self._lines: dict[str, tuple[str, np.ndarray]] = {}
        self._kept = 0  # characters of the lines in `_lines`
        self._family_bands: dict[str, list[dict]] = {}

    def check(self, article: RawArticle) -> tuple[str | None, bool]:
        """(where the earlier copy is, whether it is exact), or (None, False) for a new article,
        which is remembered. One article at a time: the reference `check_all` is tested against."""
        words = re.findall(r"\w+", article.text.casefold())
        signed = self._signature(words) if len(words) >= 8 and article.format != "html" else None
        return self._check(article, _words_digest(words), signed)

    def check_all(self, articles: list[RawArticle]) -> list[tuple[str | None, bool]]:
        """`check` for each article in turn (the same answers as one by one), with the MinHash
        signatures of all of them computed together (`_signatures`): one pass of array arithmetic
        instead of a dozen small ones per article. Texts in `known` are not hashed again."""
        keys = [memo_key(article) for article in articles]
        todo = [i for i, key in enumerate(keys) if key not in self.known]
        words = {i: self._text_words(articles[i].text) for i in todo}
        signed = [i for i in todo if len(words[i][0]) >= 8 and articles[i].format != "html"]
        signatures = dict(zip(signed, self._signatures([words[i][0] for i in signed])))
        for i in todo:
            signature, size = signatures.get(i, (None, 0))
            signature = None if signature is None else signature.copy()  # not a view of the batch's block
            self.known[keys[i]] = (words[i][1], len(words[i][0]), signature, size)
        answers = []
        for article, key in zip(articles, keys):
            digest, _, signature, size = self.met[key] = self.known[key]
            answers.append(self._check(article, digest, None if signature is None else (signature, size)))
        return answers

    LINES_KEPT = 4_000_000  # characters of distinct lines whose words are remembered (about 16 MB)

    def _text_words(self, text: str) -> tuple[np.ndarray, bytes]:
        """The CRC-32 of each word of `text` (`\\w+` once case is folded) and the digest of its words
        (`_words_digest`), line by line: no word spans a line break and case folding maps each
        character on its own, so a text's words are its lines' words one after the other. The
        words of the distinct lines met last are remembered, so a repeated paragraph is
        read once. Up to `LINES_KEPT` characters of lines are remembered, then forgotten together."""
        parts = []
        for line in text.split("\n"):
            if not line:  # (a blank line between paragraphs: no words)
                continue
            part = self._lines.get(line)
            if part is None:
                self._kept += len(line) + 1
                if self._kept > self.LINES_KEPT:
                    self._lines.clear()
                    self._kept = len(line) + 1
                words = _WORDS.findall(line.casefold())
                part = self._lines[line] = (" ".join(words), self._word_ids(words))
            parts.append(part)
        joined = " ".join(words for words, _ in parts if words)
        ids = np.concatenate([ids for _, ids in parts]) if parts else np.zeros(0, dtype=np.uint64)
        return ids, hashlib.sha256(joined.encode("utf-8", "surrogatepass")).digest()

    def _word_ids(self, words: list[str]) -> np.ndarray:
        """The CRC-32 of each word, as unsigned 64-bit integers (each distinct word hashed once)."""
        codes = self._words
        for word in words:
            if word not in codes:
                codes[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        return np.fromiter(map(codes.__getitem__, words), dtype=np.uint64, count=len(words))

    def _check(self, article: RawArticle, digest: bytes, signed: tuple[np.ndarray, int] | None
               ) -> tuple[str | None, bool]:
        where = _where(article)
        first = self.exact.setdefault(article.raw_sha256, where)
        if first != where:
            return first, True
        if article.given.get("outlet") or article.given.get("event"):  # for the warning of a later copy
            self.named.setdefault(where, {k: article.given.get(k) or "" for k in ("outlet", "event")})
        family = "export" if article.format in EXPORT_FORMATS else article.format
        outlet = "\0".join((article.given.get(k) or "").casefold() for k in ("outlet", "event"))
        key = (family, digest)
        seen = self.loose.get(key)
        if seen is not None and _same_outlet(seen[1], outlet):
            return seen[0], False
        self.loose.setdefault(key, (where, outlet))
        if signed is None:  # under 8 words, or HTML, whose markup makes two pages of one site alike
            return None, False
        signature, size = signed
        bands = self._bands_of(family)
        keys = self._band_keys(signature)
        candidates = sorted({i for band, k in zip(bands, keys) for i in band.get(k, ())})
        for index in candidates:
            other, other_outlet, other_signature, other_size = self.kept[index]
            if _same_outlet(other_outlet, outlet) and \
                    self._alike(np.count_nonzero(other_signature == signature) / self.PERMUTATIONS,
                                size, other_size):
                return other, False
        for band, k in zip(bands, keys):
            band.setdefault(k, []).append(len(self.kept))
        self.kept.append((where, outlet, signature.copy() if signature.base is not None else signature, size))
        return None, False

    def _bands_of(self, family: str) -> list[dict]:
        """The LSH tables of one family of articles, one per band: band key → indices into `kept`."""
        bands = self._family_bands.get(family)
        if bands is None:
            bands = self._family_bands[family] = [self.bands.setdefault((family, band), {})
                                                  for band in range(self.BANDS)]
        return bands

    def _band_keys(self, signature: np.ndarray) -> list[bytes]:
        """`signature[band::BANDS].tobytes()` for each band, from one copy of the signature
        arranged band by band."""
        arranged = signature.reshape(-1, self.BANDS).T.tobytes()  # (C order of the transpose)
        width = len(arranged) // self.BANDS
        return [arranged[band * width:(band + 1) * width] for band in range(self.BANDS)]

    def _alike(self, similarity: float, size: int, other_size: int) -> bool:
        """Near-duplicates: similar enough, and differing in few trigrams — at most 30 or a tenth of
        them — so two short stories on pages of one site that share long menus are not taken for
        copies of each other."""
        union = (size + other_size) / (1 + similarity)
        return similarity >= self.threshold and union * (1 - similarity) <= max(30, 0.1 * union)

    def _signature(self, words: list[str]) -> tuple[np.ndarray, int]:
        """The MinHash signature of the word trigrams of a text, and how many distinct trigrams: one
        text at a time, the reference `_signatures` is tested against."""
        codes = self._words  # word → its CRC-32, computed once per distinct word
        try:
            ids = np.array(list(map(codes.__getitem__, words)), dtype=np.uint64)
        except KeyError:
            for word in set(words) - codes.keys():
                codes[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
            ids = np.array(list(map(codes.__getitem__, words)), dtype=np.uint64)
        with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
            shingles = np.unique(ids[:-2] * np.uint64(0x9E3779B97F4A7C15) + ids[1:-1] * np.uint64(0xC2B2AE3D27D4EB4F)
                                 + ids[2:])
            # one multiply-add-shift hash per permutation (Dietzfelbinger et al. 1997)
            values = (self._a[:, None] * shingles[None, :] + self._b[:, None]) >> np.uint64(32)
        return values.min(axis=1), len(shingles)

    SIGNATURE_BLOCK = 1 << 13  # trigrams hashed at a time (50 x 8,192 values: 3 MB, in cache)

    def _signatures(self, texts: list[np.ndarray]) -> list[tuple[np.ndarray, int]]:
        """`_signature` of many texts (each of at least 3 words, given as their words' CRC-32, see
        `_text_words`) at once: all trigrams are hashed together, and each permutation's minimum is
        taken per text with `np.minimum.reduceat` over the trigrams as they come (a repeated trigram
        does not change a minimum, so none is removed first). Distinct trigrams per text are counted
        by hashing (text, trigram) pairs, not by sorting. The shift of the multiply-add-shift hash
        is applied after the minimum (shifting keeps order), so the signatures are those of
        `_signature` exactly."""
        import pandas as pd

        if not texts:
            return []
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        ids = np.concatenate(texts)
        owner = np.repeat(np.arange(len(texts)), lengths)[:-2]
        starts = np.cumsum(lengths) - lengths
        inside = np.arange(len(owner)) - starts[owner] <= lengths[owner] - 3  # trigram within one text
        with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
            trigrams = (ids[:-2] * np.uint64(0x9E3779B97F4A7C15) + ids[1:-1] * np.uint64(0xC2B2AE3D27D4EB4F)
                        + ids[2:])[inside]
        kinds, seen = pd.factorize(trigrams)
        pairs = pd.unique(owner[inside] * len(seen) + kinds)  # distinct (text, trigram), as one number
        sizes = np.bincount(pairs // len(seen), minlength=len(texts))
        bounds = np.concatenate(([0], np.cumsum(lengths - 2)))
        minima = np.empty((len(texts), self.PERMUTATIONS), dtype=np.uint64)
        begin = 0
        while begin < len(texts):  # texts whose trigrams fit in one block (at least one text)
            end = max(begin + 1, int(np.searchsorted(bounds, bounds[begin] + self.SIGNATURE_BLOCK, "right")) - 1)
            with np.errstate(over="ignore"):
                values = np.multiply.outer(self._a, trigrams[bounds[begin]:bounds[end]])
                values += self._b[:, None]
            minima[begin:end] = np.minimum.reduceat(values, bounds[begin:end] - bounds[begin], axis=1).T
            begin = end
        minima >>= np.uint64(32)
        return [(row, int(size)) for row, size in zip(minima, sizes)]


_WORDS = re.compile(r"\w+")


def memo_key(article: RawArticle) -> str:
    """What `Duplicates` remembers an article's text by: its content hash, and whether it is an
    HTML page (whose text is compared without a MinHash signature)."""
    return article.raw_sha256 + ("/html" if article.format == "html" else "")


def _words_digest(words: list[str]) -> bytes:
    """The SHA-256 of a text's words joined by spaces: texts equal but for line breaks, spaces and case."""
    return hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).digest()


def _same_outlet(left: str, right: str) -> bool:
    """Whether two articles' given (outlet, event) can be the same: unknown parts match anything."""
    return all(not a or not b or a == b for a, b in zip(left.split("\0"), right.split("\0")))
