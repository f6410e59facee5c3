"""Bytes to text: tell binary files (PDF, Word, images) from text, find the encoding (UTF-16/32
from its byte-order mark or zero bytes, else UTF-8, else UTF-8 with the bytes that are not read as
cp1252 when some of it is UTF-8, else cp1252, else UTF-8 with replacement characters), decode a file
in blocks so its size never decides memory, and strip control characters."""
from __future__ import annotations

import codecs
import functools
import io
import itertools
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO
from dataclasses import dataclass

from .articles import Problem

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # control characters no article contains
# Signatures of files that are documents or media, not text (first bytes).
_MAGIC = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or Word/Excel document"),
          (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"), (b"\x89PNG", "a PNG image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive"))
BLOCK_BYTES = 1 << 20  # an export is read this many bytes at a time, so its size never decides memory
_WIDE = ("utf-16", "utf-32", "utf-16-le", "utf-16-be")
# A file of UTF-8 with bytes that are not (a line pasted from a Windows-1252 file): those bytes are
# read as Windows-1252 and the rest as UTF-8, so neither part turns to "â€™" or "\ufffd".
MIXED = "utf-8+cp1252"
_CODECS = {MIXED: ("utf-8", "surrogateescape"), "utf-8-replace": ("utf-8", "replace")}  # as recorded → (codec, errors)
_ENCODING_WARNINGS = {
    "cp1252": "not UTF-8: read as Windows-1252 (cp1252), re-save as UTF-8 if characters look wrong",
    MIXED: ("partly not UTF-8: the bytes that are not read as Windows-1252 (cp1252) and the rest as "
            "UTF-8, re-save the file as UTF-8 if characters look wrong"),
    "utf-8-replace": "undecodable bytes replaced with \ufffd: re-save the file as UTF-8"}
_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, as "surrogateescape" gives them


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
        fill = ("export the articles into it again (a header line naming the columns, then one row per "
                "article with its text)" if name.lower().endswith(".csv") else
                "export the articles into it again (one JSON object per line, with the article's \"text\")"
                if name.lower().endswith((".jsonl", ".json", ".ndjson")) else "paste the article text into it")
        return None, Problem(name, f"is empty: skipped; remove it or {fill}", skipped=1)
    with open_bytes() as handle:
        head = handle.read(8192)
    what = binary_kind(head)
    if what is not None:
        return None, Problem(name, f"is a binary file{what}, not text: skipped; {binary_fix(what)}", unread=1)
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
    for encoding in (*tries, "utf-8", "mixed or cp1252", "utf-8-replace"):
        if encoding == "mixed or cp1252":  # not cp1252 when part is UTF-8: it would read as "â€™"
            encoding = MIXED if _partly_utf8(open_bytes) else "cp1252"
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


# Characters beyond ASCII that text in a Latin script is written with: accented letters, the
# no-break space, dashes, curly quotes, the ellipsis, the euro sign.
_LATIN = re.compile("[\u00a0-\u024f\u2010-\u203a\u20ac]")
_OTHER = re.compile("[^\x00-\x7f\u00a0-\u024f\u2010-\u203a\u20ac\udc80-\udcff]")


def _partly_utf8(open_bytes: Callable[[], BinaryIO]) -> bool:
    """Whether a file holds both bytes that are not UTF-8 and characters of a Latin script written in
    UTF-8 (`_LATIN`), more of them than other characters beyond ASCII: a UTF-8 file with lines
    pasted from a Windows-1252 one. Text in another encoding (Shift-JIS) makes a few UTF-8
    characters by chance, seldom Latin ones."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    escaped, latin, other = False, 0, 0
    for block in itertools.chain(_byte_blocks(open_bytes), [None]):
        text = decoder.decode(block or b"", final=block is None)
        escaped = escaped or bool(_ESCAPED.search(text))
        latin += len(_LATIN.findall(text))
        other += len(_OTHER.findall(text))
    return escaped and latin > other


def _cp1252_bytes(match: re.Match) -> str:
    return bytes(ord(char) - 0xdc00 for char in match.group(0)).decode("cp1252", errors="replace")


def _decoded(open_bytes: Callable[[], BinaryIO], encoding: str) -> Iterator[str]:
    """A file's text, block by block, decoded as `encoding` (an encoding `_encoding` chose);
    UnicodeDecodeError when the bytes are not valid in it. A byte-order mark is not text."""
    codec, errors = _CODECS.get(encoding, (encoding, "strict"))
    decoder = codecs.getincrementaldecoder(codec)(errors)
    leading = encoding in (*_WIDE, MIXED)  # byte-order marks at the start of wide text (past the first) dropped too
    for block in itertools.chain(_byte_blocks(open_bytes), [None]):
        text = decoder.decode(block or b"", final=block is None)
        if encoding == MIXED:
            text = _ESCAPED.sub(_cp1252_bytes, text)
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


_DOCUMENT_FIX = ("copy the article's text out of the document into a .txt file (a document renamed "
                 ".txt is still a document, not text)")
_BINARY_FIXES = {"a PDF document": _DOCUMENT_FIX, "a ZIP archive or Word/Excel document": _DOCUMENT_FIX,
                 "an old Word/Excel document": _DOCUMENT_FIX,
                 "a gzip archive": "unpack it (gunzip) and put the files it holds in the corpus folder"}


def binary_fix(what: str) -> str:
    """What to do with a binary file of the kind `binary_kind` named (" (a PDF document)"): a
    document's text copied into a .txt file, an archive unpacked, else the page saved as text."""
    if (fix := _BINARY_FIXES.get(what.strip(" ()"))) is not None:
        return fix
    saved = "save the page as .txt, .html, .csv or .jsonl"
    return f"{saved} (an image holds no article text to read: remove it)" if "image" in what else saved


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
    with a warning (UTF-8 with the other bytes read as cp1252 when part of the file is UTF-8), else
    UTF-8 with replacement characters and a warning. Returns (text, encoding,
    warning or None)."""
    open_bytes = functools.partial(io.BytesIO, data)
    encoding = _encoding(open_bytes, data[:8192])[0]
    return "".join(_decoded(open_bytes, encoding)), encoding, _ENCODING_WARNINGS.get(encoding)


def strip_controls(text: str) -> tuple[str, int]:
    """The text without NUL bytes and other control characters (tabs, line and page breaks kept),
    and how many were removed."""
    cleaned, count = _CONTROL.subn("", text)
    return cleaned, count
