"""What reading a corpus gives: one `RawArticle` per article (a file, or a row of an export)
and one `Problem` per thing wrong with an input file."""
from __future__ import annotations

from dataclasses import dataclass, field

EXPORT_FORMATS = ("csv", "jsonl")
MAX_LISTED = 5  # rows named in one problem line before "and N more"
_YES = {"1", "true", "yes", "y", "clean"}
_NO = {"0", "false", "no", "n", ""}


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, and what the user can do about it."""

    file: str
    message: str
    skipped: int = 0  # articles (files, export rows) left out because of it
    unread: int = 0  # files framing could not read at all (not text, or not of a kind it reads): no article counted
    note: bool = False  # what the build did with the file, to know rather than to fix (an export's columns)
    # A copy the near-duplicate check skipped: (where the copy kept is, whether exact, the skipped
    # copy's record, its given outlet, its given event), so the warning can be said again when the
    # copy kept is left out in turn (`ingest.folder.duplicate_problem`).
    copy_of: tuple = ()

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
    outlet_fix: str = ""  # how to give this file its outlet in the corpus's manifest (`Manifest.fix`)

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


def _where(article: RawArticle) -> str:
    return article.source_file if article.record is None else f"{article.source_file} row {article.record}"
