"""CSV, JSON-lines and JSON-array exports (as Media Cloud and similar tools write them): one article per row,
read in batches; the columns named in `FIELD_ALIASES` give its metadata, the others are kept in
`extra`. Rows that cannot be read are named in one problem per file."""
from __future__ import annotations

import collections
import csv
import functools
import hashlib
import json
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import BinaryIO

from ..store.words import counted
from .articles import MAX_LISTED, Problem, RawArticle
from .dates import DateOrder, dates_problems, read_dates
from .decode import _open_text, strip_controls

METADATA_FIELDS = ("outlet", "title", "published", "url", "author", "event")
# Columns that say how to read a row rather than describe the article: `clean` asks for page
# cleaning of an export's text (or, set to no, takes a text file as clean article text).
OPTION_FIELDS = ("clean",)
# Other names export tools give the known fields (Media Cloud's `media_name` and `publish_date`,
# a news API's `publishedAt`, schema.org's `datePublished`, scrapers' `date`, `headline`, `heading`,
# `authors`…; see `_column` for how names are compared): a row's field is read from the first of them it fills
# when it has no column of the field's own name. The column stays in `extra` as well.
FIELD_ALIASES = {
    "outlet": ("media_name", "source_name", "publisher", "publication", "site_name", "source"),
    "title": ("headline", "heading", "article_title"),
    "published": ("publish_date", "published_at", "publication_date", "date_published", "pub_date", "pubdate",
                  "date"),
    "url": ("link", "article_url"),
    "author": ("authors", "byline"),
    "event": ("event_id",),
}
# Other names of the article text: the first of them in the header is the text when no column is
# named `text` (a `Body` or `content` column was a whole export skipped as having no text): schema.org's
# `articleBody`, news-please's `maintext`, and `Article`, as a spreadsheet made by hand heads it.
TEXT_ALIASES = ("body", "content", "article_text", "full_text", "body_text", "article_body", "maintext", "article")
# Of those, the common words a page's first line may hold as well (a menu: "Article | Comments"): a
# `.txt` file is not taken for an export by them alone.
PLAIN_TEXT_ALIASES = ("article",)
SEPARATORS = (",", ";", "\t", "|")  # tried in this order on an export's header line
BATCH_ROWS = 1000  # export rows made into articles at a time
MAX_COLUMNS = 20  # columns named in a message about an export's header


def _split_line(line: str, separator: str) -> list[str] | None:
    """The cells of one CSV line; None when a quote opened in it is not closed."""
    try:
        rows = list(csv.reader([line], delimiter=separator, strict=True))
    except csv.Error:
        return None
    return rows[0] if rows else []


@functools.lru_cache(maxsize=1024)  # (every row of an export repeats its header's names)
def _column(name) -> str:
    """A header cell as compared with the known field names: BOM and outer spaces removed, a word
    written in camel case split where a capital follows a small letter or digit (as JSON APIs name
    fields: "publishedAt", "datePublished"), case folded, and spaces and hyphens inside read as "_"
    ("Publish Date", "publish-date", "publishDate": `publish_date`)."""
    return _JOINER.sub("_", _CAMEL.sub("_", _as_written(name)).casefold())


def column_words(name) -> set[str]:
    """The words of a column's name as `_column` reads it ("Story ID", "storyId": {"story", "id"})."""
    return set(_column(name).split("_"))


_JOINER = re.compile(r"[\s\-_]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _as_written(cell) -> str:
    """A header cell as the user wrote it, for messages and `extra`: BOM and outer spaces removed."""
    return str(cell).lstrip("\ufeff").strip()


def _field_names(header: list) -> list[str]:
    """Each header cell's name as compared with the known fields (`_column`), the text column's
    alias read as "text" (`_text_named`)."""
    return _text_named([_column(h) for h in header])


def _given(row: dict, header: list, names: list[str]) -> dict:
    """The known fields of a row (non-empty), with the other columns under "extra"."""
    given = {k: str(row[k]).strip() for k in METADATA_FIELDS + OPTION_FIELDS
             if row.get(k) not in (None, "") and str(row[k]).strip()}
    for known, aliases in FIELD_ALIASES.items():
        if known not in given and known not in names:
            found = next((name for a in aliases if (name := _named(row.get(a)))), None)
            if found:
                given[known] = found
    extra = {_as_written(original): row[k] for original, k in zip(header, names)
             if k not in METADATA_FIELDS + OPTION_FIELDS + ("file", "text") and row.get(k) not in (None, "")}
    if extra:
        given["extra"] = extra
    return given


def _iter_export(open_bytes: Callable[[], BinaryIO], *, name: str, kind: str, batch: int
                 ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """The articles of a CSV / JSON-lines export in batches of `batch`, read block by block. Their
    dates are read `BATCH_ROWS` rows at a time (see `read_dates`), so a file gives the same days
    whatever the batch."""
    text, problem = _open_text(open_bytes, name=name)
    if problem is not None:
        yield [], [problem]
        return
    wrapped = _wrapped_records(text.blocks()) if kind == "jsonl" and name.lower().endswith(".json") else None
    rows = (_csv_rows(_physical_lines_of(text.blocks()), name) if kind == "csv" else
            _json_array_rows(text.blocks(), name) if _opens_array(text.blocks()) else
            _json_array_rows(iter([wrapped]), name) if wrapped is not None else
            _jsonl_rows(_split_lines(text.blocks(), "\n"), name))
    articles: list[RawArticle] = []
    empty: list[int] = []
    has_text, fields, found = False, set(), 0  # whether any row has a text field; fields seen until one has
    unread = None  # what to say of the first row's columns that give no field ("": nothing)
    problems_of_header: list[Problem] = []  # which column gives each field (`_columns_read`)
    noted: dict[str, list[int]] = {}  # rows whose text was written as HTML or cut short, by note
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
        if unread is None:
            unread = _unread_columns(header) or ""
            problems_of_header = _columns_read(name, header)
        article = _export_article(row, header, name=name, kind=kind, record=record,
                                  encoding=text.encoding, warnings=text.warnings)
        if article is None:
            empty.append(record)
            continue
        articles.append(article)
        found += 1
        for note in ROW_NOTES.intersection(article.warnings):
            noted.setdefault(note, []).append(record)
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
        problems.append(Problem(name, f"has no 'text' field (fields found: {shown}): its "
                                      f"{counted(len(empty), 'rows')} skipped; name the field holding the article "
                                      f"text 'text' (or one of {', '.join(TEXT_ALIASES)})", skipped=len(empty)))
    elif empty:
        problems.append(Problem(name, f"{_rows_named(empty)} {'has' if len(empty) == 1 else 'have'} no text: "
                                      "skipped; every row needs the article text in its 'text' column",
                                skipped=len(empty)))
    if found and unread:
        problems.append(Problem(name, unread))
    if found:
        problems += problems_of_header
    problems += [Problem(name, f"{_rows_named(rows)}: {note}") for note, rows in noted.items()]
    if not found and not problems:
        problems.append(Problem(name, "has no article rows (only a header, or rows with every cell empty): "
                                      "skipped; add one row per article with its text in the 'text' column"))
    yield articles, [Problem(name, warning) for warning in text.warnings] + problems + dates_problems(name, undated)


TEXT_LIKE_CHARS = 200  # a column whose cells are this long on average holds prose, not titles or names


def _rows_left(lines: Iterator[str], separator: str) -> tuple[int, int | None, int]:
    """The rows with a non-empty cell among the CSV lines left: the articles lost when the export
    cannot be read (no text column), so the build counts them as it counts rows of a JSON export;
    with the column whose cells are longest on average and that average, in characters (None when
    no column reaches `TEXT_LIKE_CHARS`): most likely the text under another name."""
    rows, lengths = 0, []
    try:
        for cells in csv.reader(lines, delimiter=separator):
            if any(c.strip() for c in cells):
                rows += 1
                lengths += [0] * (len(cells) - len(lengths))
                for column, cell in enumerate(cells):
                    lengths[column] += len(cell.strip())
    except csv.Error:  # a line the reader cannot split (a NUL byte): the rows up to it are unknown
        return max(rows, 1), None, 0
    if not rows or not lengths:
        return rows, None, 0
    longest = max(range(len(lengths)), key=lengths.__getitem__)
    mean = lengths[longest] // rows
    return rows, (longest if mean >= TEXT_LIKE_CHARS else None), mean


def _rows_named(rows: list[int]) -> str:
    """"row 3", or "rows 1, 2, 3, 4, 5 and 9 more"."""
    more = f" and {len(rows) - MAX_LISTED} more" if len(rows) > MAX_LISTED else ""
    return f"row {rows[0]}" if len(rows) == 1 else f"rows {', '.join(map(str, rows[:MAX_LISTED]))}{more}"


def _unread_columns(header: list) -> str | None:
    """What to say of an export whose columns give no outlet while some of its columns are read as
    no field at all: those columns, and the name to give the one holding outlets (a `Newspaper`
    column was kept in `extra` without a word, and every row's outlet was its file and row). None
    when an outlet column is there or every column is read."""
    names = _field_names(header)
    known = set(METADATA_FIELDS) | set(OPTION_FIELDS) | {"text", "file"} | {
        alias for aliases in FIELD_ALIASES.values() for alias in aliases}
    others = [_as_written(h) for h, n in zip(header, names) if n not in known]
    if {"outlet", "url", *FIELD_ALIASES["outlet"], *FIELD_ALIASES["url"]} & set(names) or not others:
        return None
    shown = ", ".join(map(repr, others[:MAX_COLUMNS])) + (f" and {len(others) - MAX_COLUMNS} more"
                                                          if len(others) > MAX_COLUMNS else "")
    these = f"the column {shown} is" if len(others) == 1 else f"the columns {shown} are"
    return (f"no column gives the outlet, and {these} read as no field (kept in the articles' 'extra' "
            f"only): if {'it' if len(others) == 1 else 'one of them'} holds the outlet, rename it 'outlet' "
            "(its other names: " + ", ".join(map(repr, FIELD_ALIASES["outlet"])) + ")")


# Words that make a column name read as a title's (`Subject`, `Header`, `Story Title`): such a column
# that gives no title is named, lest the articles go without the titles the export holds.
TITLE_WORDS = frozenset({"title", "headline", "heading", "header", "subject", "hed"})
# Columns that give an event's title in words beside its `event` id (kept in `extra`, read by the
# event pages: `framing.events.event_titles`), so not an article's title that went unread.
EVENT_TITLE_COLUMNS = ("event_title", "event_name")
SHOWN_FIELDS = {"text": "text", "title": "title", "outlet": "outlet", "published": "date", "url": "url",
                "author": "author", "event": "event"}  # in the order the column line names them


def _columns_read(name: str, header: list) -> list[Problem]:
    """Which column an export's articles take each field from, said once per export as a note
    ("columns read: text ← 'Body', title ← 'Heading', …; no column gives the date; other columns
    kept in the articles' 'extra': 'doc_id'": the user's own ids, to join back by), and a warning for each
    column whose name reads as a title's but that gives no title (a `Subject` beside `title`, or
    with no title column at all). The field a column gives is the one `_given` reads: its own
    name first, else the first of its `FIELD_ALIASES` in the header."""
    shown_names = [_as_written(h) for h in header]
    names = _field_names(header)
    by_name: dict[str, str] = {}
    for column, shown in zip(names, shown_names):
        by_name.setdefault(column, shown)
    taken = {}
    for field in SHOWN_FIELDS:
        column = next((a for a in (field, *FIELD_ALIASES.get(field, ())) if a in by_name), None)
        if column is not None:
            taken[field] = by_name[column]
    read = ", ".join(f"{shown} ← {taken[field]!r}" for field, shown in SHOWN_FIELDS.items() if field in taken)
    missing = [shown for field, shown in SHOWN_FIELDS.items() if field not in taken and field in
               ("title", "outlet", "published")]
    used = set(taken.values())
    titled = [shown for shown, column in zip(shown_names, names) if shown not in used
              and TITLE_WORDS & set(column.split("_")) and column not in EVENT_TITLE_COLUMNS]  # warned below
    kept = [shown for shown, column in zip(shown_names, names) if shown not in used and shown not in titled
            and column not in OPTION_FIELDS + ("file",)]
    note = (f"columns read: {read}" + (f"; no column gives the {' or '.join(missing)}" if missing else "")
            + (f"; other columns kept in the articles' 'extra': {_listed(kept)}" if kept else ""))
    problems = [Problem(name, note, note=True)]
    for shown, column in zip(shown_names, names):
        if shown in titled:
            fix = (f"if it holds the articles' titles instead, rename it 'title' and give {taken['title']!r} "
                   "another name" if "title" in taken else "if it holds the articles' titles, rename it 'title'")
            given = f"the title is read from {taken['title']!r}" if "title" in taken else "no column gives the title"
            problems.append(Problem(name, f"the column {shown!r} reads as a title but is not read as one ({given}; "
                                          f"{shown!r} is kept in the articles' 'extra' only): {fix}"))
    return problems


def _listed(columns: list[str]) -> str:
    """"'doc_id', 'topic'": column names for a message, past `MAX_COLUMNS` "and 3 more"."""
    return ", ".join(map(repr, columns[:MAX_COLUMNS])) + (
        f" and {len(columns) - MAX_COLUMNS} more" if len(columns) > MAX_COLUMNS else "")


def _dated(articles: list[RawArticle], order: DateOrder, undated: dict) -> list[RawArticle]:
    """`read_dates` of a batch of an export's rows; the rows whose date was not read are added to
    `undated`."""
    articles, unread = read_dates(articles, order)
    for why, rows in unread.items():
        undated.setdefault(why, []).extend(rows)
    return articles


def _named(cell) -> str:
    """A cell's value as a field: its text, or the `name` of a JSON object (a news API's
    `"source": {"id": "cnn", "name": "CNN"}`); "" for any other object."""
    value = str(cell or "").strip()
    if value.startswith("{"):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return value
        name = value.get("name") if isinstance(value, dict) else None
        return name.strip() if isinstance(name, str) else ""
    return value


def _text_named(names: list[str]) -> list[str]:
    """Column names with the first of `TEXT_ALIASES` present renamed `text` when none is `text`."""
    if "text" in names:
        return names
    alias = next((a for a in TEXT_ALIASES if a in names), None)
    return [("text" if n == alias else n) for n in names] if alias else names


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
    shown = _markup_as_text(text)
    if shown is not None:
        text, warnings = shown, (*warnings, MARKUP_NOTE)
    cut = _CUT_SHORT.search(text) if "[+" in text else None  # (the marker's "[+" told first: the search tries every place)
    if cut:  # the API's marker is no word of the article
        text, warnings = text[:cut.start()].rstrip(), (*warnings, CUT_NOTE)
    return RawArticle(name, record, kind, text, encoding, sha, given, warnings, extra)


# A text written as HTML, as feeds and content systems give it ("<p>…</p><p>…</p>", "…<br>…"): a
# block element's or a line break's tag, opening or closing.
_MARKUP = re.compile(r"</?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|td|section|article)"
                     r"(?:\s[^<>]*)?/?>", re.IGNORECASE)
MARKUP_NOTE = "text written as HTML (<p>, <br>…): read as the text the markup shows"
# The end of a text a news API cut short, saying how much it left out (NewsAPI's `content`: its first
# 200 characters, then "… [+3412 chars]").
_CUT_SHORT = re.compile(r"(?:…|\.\.\.)?\s*\[\+\d+ chars?\]\s*$")
CUT_NOTE = ("text cut short by the service it came from (it ends '[+N chars]'): only its first part is read, "
            "so get the articles' full text (from their url) to analyse what they say")
ROW_NOTES = frozenset({MARKUP_NOTE, CUT_NOTE})  # (an article's warnings are joined by "; ": none holds it)


def _markup_as_text(text: str) -> str | None:
    """The text an export's text written as HTML shows, each block element a paragraph of its own
    (`clean.html_text`, as a saved page's text is read: entities decoded, scripts and styles left
    out); None when the text holds fewer than two block tags (prose that names one is prose)."""
    if len(_MARKUP.findall(text, 0, 100_000)) < 2:
        return None
    from lxml import etree
    from lxml import html as lxml_html

    from ..clean import html_text

    try:
        return html_text(lxml_html.fragment_fromstring(text, create_parent="div")) or None
    except (etree.ParserError, ValueError):
        return None


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
    separator, header = _header(header_line, needed=("text",) + TEXT_ALIASES)
    names = _field_names(header)
    if "text" not in names:
        found = ", ".join(repr(str(h).strip()) for h in header[:20]) or "none"
        rows, longest, mean = _rows_left(lines, separator)
        likely = (f"; {str(header[longest]).strip()!r} holds the longest cells ({mean:,} characters on average): "
                  "if it is the article text, rename it 'text'" if longest is not None and longest < len(header) else "")
        return [Problem(name, f"has no 'text' column (columns found: {found}): its {counted(rows, 'rows')} "
                              "skipped; name the column holding the article text 'text' in the first line "
                              f"(or one of {', '.join(TEXT_ALIASES)}){likely}", skipped=rows)]
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


def _header(line: str, *, needed: str | tuple[str, ...]) -> tuple[str, list[str]]:
    """The separator of a CSV file and its header cells: the first separator whose header names
    a `needed` column, else the one that splits the header into most cells."""
    needed = {needed} if isinstance(needed, str) else set(needed)
    best = (",", _split_line(line.rstrip("\r\n"), ",") or [line.strip()])
    for separator in SEPARATORS:
        cells = _split_line(line.rstrip("\r\n"), separator) or []
        if needed & {_column(c) for c in cells}:
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
        yield number, _record(row)
    if bad:
        return [Problem(name, f"{_lines_named(bad)}: not a JSON object on one line: skipped; fix or remove it",
                        skipped=len(bad))]
    return []


def _opens_array(blocks: Iterable[str]) -> bool:
    """Whether a JSON text opens with "[" (a JSON array of article objects, as many tools export
    a `.json` file) rather than with an object per line."""
    for block in blocks:
        stripped = block.lstrip().lstrip("\ufeff").lstrip()
        if stripped:
            return stripped.startswith("[")
    return False


MAX_WRAPPED_BYTES = 256 * 2**20  # a .json file holding one object is read whole up to this size


def _wrapped_records(blocks: Iterable[str]) -> str | None:
    """The records of a `.json` file that is one JSON object, as the text of a JSON array: the one
    list of objects it holds when it has no article text itself (a news API's `{"status": "ok",
    "articles": [...]}`), else the object (one article, pretty-printed; or no article, which the
    reading then names by its fields); None for JSON lines (several objects, one a line) and
    anything else. Such a file is read whole."""
    text, size = [], 0
    for block in blocks:
        text.append(block)
        size += len(block)
        if len(text) == 1 and "\n" in block.strip() and _one_object(block.strip().split("\n", 1)[0]):
            return None  # its first line is an object: JSON lines, read line by line
        if size > MAX_WRAPPED_BYTES:
            return None
    try:
        found = json.loads("".join(text))
    except (json.JSONDecodeError, RecursionError):
        return None  # JSON lines, or broken: read line by line, which names the lines
    if not isinstance(found, dict):
        return None
    lists = [value for value in found.values()
             if isinstance(value, list) and value and all(isinstance(item, dict) for item in value)]
    if len(lists) == 1 and not {_column(key) for key in found} & {"text", *TEXT_ALIASES}:
        return json.dumps(lists[0])
    return json.dumps([found])


def _one_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _json_array_rows(blocks: Iterable[str], name: str) -> Generator[tuple[int, dict], None, list[Problem]]:
    """The rows of a JSON array of article objects as (1-based index in the array, object), read
    block by block so one object at a time is held; returns the problems. Items that are not
    objects are named in one problem and skipped; a text that stops being JSON stops the reading
    there, and the problem names the item."""
    decoder = json.JSONDecoder()
    blocks = iter(blocks)
    buffer, position, number, bad, more = "", 0, 0, [], True

    def fill() -> bool:  # one more block into the buffer; False at the end of the file
        nonlocal buffer, position
        block = next(blocks, None)
        if block is None:
            return False
        buffer, position = buffer[position:] + block, 0
        return True

    opened = False
    while True:
        while position < len(buffer) and buffer[position] in " \t\r\n\ufeff" + ("," if opened else ""):
            position += 1
        if position >= len(buffer):
            if more and (more := fill()):
                continue
            return bad + [Problem(name, "ends before its closing \"]\" (cut short?): the objects before "
                                        f"item {number + 1} were read; export the file again")]
        if not opened:
            if buffer[position] != "[":
                return [Problem(name, "is not a JSON array of article objects: skipped; save one object "
                                      "per article in a JSON array, or as JSON lines (.jsonl)", skipped=1)]
            opened, position = True, position + 1
            continue
        if buffer[position] == "]":
            break
        try:
            item, end = decoder.raw_decode(buffer, position)
        except (json.JSONDecodeError, RecursionError):
            if more and (more := fill()):
                continue  # the item runs on into the next block
            return bad + [Problem(name, f"item {number + 1} of its JSON array is not valid JSON (or the file is cut "
                                        "short there): it and "
                                        "what follows skipped; fix the file (or export it again)",
                                  skipped=1)]
        number += 1
        position = end
        if not isinstance(item, dict):
            bad.append(number)
            continue
        yield number, _record(item)
    if not bad:
        return []
    items = f"item {bad[0]}" if len(bad) == 1 else f"items {', '.join(map(str, bad[:MAX_LISTED]))}" + (
        f" and {len(bad) - MAX_LISTED} more" if len(bad) > MAX_LISTED else "")
    return [Problem(name, f"{items} of its JSON array {'is' if len(bad) == 1 else 'are'} not an object "
                          "(one article's fields in {…}): skipped; fix or remove them", skipped=len(bad))]


def _cell(value) -> str:
    """An export cell as text (numbers and nested JSON written out)."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _record(row: dict) -> dict:
    """One JSON object as a row: its keys read as columns (the text column found by its other
    names), with the keys as written kept under `__header`."""
    return dict(zip(_field_names(list(row)), row.values())) | {"__header": list(row)}
