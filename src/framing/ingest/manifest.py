"""`manifest.csv`: the metadata a user gives for each file of a corpus folder (outlet, title,
date, URL, author, event), read with the same rows and columns as an export.

Column names are read as an export's are (any case; spaces, hyphens and underscores alike; in any
order; the other names of `FIELD_ALIASES` for the metadata) and the file column may be named as
`FILE_ALIASES` says. Every problem names the manifest, the line and the fix."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from .articles import Problem
from .dates import DateOrder, date_note
from .decode import decode_bytes, strip_controls
from .exports import FIELD_ALIASES, _column, _given, _header, _physical_lines, _split_line

MANIFEST = "manifest.csv"
# Names of the column that names each file, the first found in the header taken ("file", or as
# spreadsheets and scrapers call it: "filename", "File name", "path").
FILE_ALIASES = ("file", "filename", "file_name", "file_path", "filepath", "path")
_FILE_ENDINGS = (".txt", ".md", ".html", ".htm", ".csv", ".jsonl", ".json", ".ndjson")


class Manifest(dict):
    """{file name: {field: value}} as `read_manifest` gives it, with what a fix needs to name: the
    header as written, the file column and the line of each file's row."""

    def __init__(self, *, header: list[str] = (), file_column: str = "file"):
        super().__init__()
        self.header = [cell.lstrip("\ufeff").strip() for cell in header]
        self.file_column = file_column
        self.lines: dict[str, int] = {}

    def of_file(self, name: str) -> dict:
        """What the manifest gives the file `name`: the row naming its folder ("cnn/" or "cnn", the
        innermost when several do), with the file's own row over it, cell by cell; {} when no row
        names either."""
        given: dict = {}
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):  # outer folders first, so inner ones win
            folder = "/".join(parts[:depth])
            row = self.get(folder) or self.get(folder + "/")
            if row:
                given = _over(given, row)
        return _over(given, self.get(name, {}))

    def names_folder(self, key: str, files: set[str]) -> bool:
        """Whether the row `key` names a folder holding some of `files` (then it is no missing file)."""
        folder = key.rstrip("/") + "/"
        return any(file.startswith(folder) for file in files)

    def column_of(self, known: str) -> str | None:
        """The header cell (as written) that gives the field `known` ("outlet" from "Source" or
        "media_name"), or None when no column gives it."""
        names = [_column(cell) for cell in self.header]
        for wanted in (known, *FIELD_ALIASES.get(known, ())):
            if wanted in names:
                return self.header[names.index(wanted)]
        return None

    def fix(self, name: str, known: str) -> str:
        """How to give the file `name` its `known` field in this manifest: the cell of its line to
        fill in, the line to add in the header's own order, or the column to add."""
        column = self.column_of(known)
        if column is None and self.header:
            where = (f"fill it in on line {self.lines[name]} ({name})" if name in self.lines
                     else f"add a line for {name}")
            return (f"add a column {known!r} to {MANIFEST} (its header line now reads "
                    f"{','.join(self.header)!r}) and {where}")
        if name in self.lines:
            return f"fill in the {column!r} cell of {MANIFEST} line {self.lines[name]} ({name})"
        folder = name.rpartition("/")[0]
        whole = f" (or a line naming its folder, '{folder}/', to give it to every file in it)" if folder else ""
        if not self.header:
            return (f"create {MANIFEST} in the corpus folder with the lines 'file,{known}' and "
                    f"'{name},<{known}>'{whole}")
        cells = [name if _column(cell) == _column(self.file_column) else f"<{known}>" if cell.strip() == column
                 else "" for cell in self.header]
        return f"add the line {','.join(cells)!r} to {MANIFEST} (in the order of its header){whole}"


def read_manifest(folder: Path) -> tuple[Manifest, list[Problem]]:
    """Read `manifest.csv` (a file column, see `FILE_ALIASES`, plus any of outlet, title,
    published, url, author, event, clean, under their names or other names of `FIELD_ALIASES`;
    other columns are kept as the article's `extra`).

    Returns {file name: {field: value}} (a `Manifest`) with empty cells left out (extra columns under
    "extra"), and the problems found, each naming the line and the fix. Each row is one line: a row
    with more cells than the header (an unquoted comma) or a quote left open is named and skipped,
    never read shifted; when two rows name one file, the later one is used and the earlier named."""
    path = Path(folder) / MANIFEST
    try:
        if not path.is_file():
            return Manifest(), []
        text, _, _ = decode_bytes(path.read_bytes())
    except OSError as error:
        return Manifest(), [Problem(MANIFEST, f"could not be read ({error.strerror}): ignored; check its permissions")]
    text, _ = strip_controls(text)
    lines = [line.rstrip("\r\n") for line in _physical_lines(text)]
    header_at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_at is None:
        return Manifest(), []
    separator, header = _header(lines[header_at], needed=FILE_ALIASES)
    names = [_column(h) for h in header or []]
    file_column = next((alias for alias in FILE_ALIASES if alias in names), None)
    if file_column is None:
        return Manifest(), [_no_file_column(header, header_at + 1)]
    names = ["file" if n == file_column else n for n in names]
    manifest = Manifest(header=header, file_column=header[names.index("file")].lstrip("\ufeff").strip())
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
            problems.append(Problem(MANIFEST, f"line {number} names no file (its {manifest.file_column!r} "
                                              "cell is empty): row skipped; write the file's name, as in "
                                              "the corpus folder, in that cell"))
            continue
        if name in manifest:
            problems.append(Problem(MANIFEST, f"lines {manifest.lines[name]} and {number} both describe "
                                              f"{name!r}: line {number} is used; delete the other"))
        manifest[name] = _given(row, header, names)
        manifest.lines[name] = number
    _manifest_dates(manifest, manifest.lines)
    return manifest, problems


def _no_file_column(header: list[str], number: int) -> Problem:
    """The problem of a header that names no file column: its cells, the names accepted, and, when
    the line reads as a row (its first cell a file name), the header line to add above it."""
    found = ", ".join(repr(cell.lstrip("\ufeff").strip()) for cell in header[:20]) or "none"
    accepted = ", ".join(repr(alias) for alias in FILE_ALIASES)
    if header and header[0].strip().lower().endswith(_FILE_ENDINGS):
        return Problem(MANIFEST, f"line {number} reads as a row, not as the column names "
                                 f"({header[0].strip()!r} is a file name): ignored; add a first line naming "
                                 f"the columns, e.g. file,outlet,title,published,url,author")
    return Problem(MANIFEST, f"line {number} (the header) has no file column (columns found: {found}): "
                             f"ignored; name the column that holds the file names one of {accepted} "
                             "(any case; spaces, hyphens and underscores alike)")


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


def _over(under: dict, over: dict) -> dict:
    """A row's values `over` another's (`extra` merged column by column)."""
    merged = {**under, **over}
    if "extra" in under and "extra" in over:
        merged["extra"] = {**under["extra"], **over["extra"]}
    return merged


def _manifest_name(value: str) -> str:
    """A manifest's file name as compared with the folder's (`same_name`): "./a.txt" and "a.txt"
    alike, "\\" as "/"."""
    name = same_name(value.strip().replace("\\", "/"))
    while name.startswith("./"):
        name = name[2:]
    return name


def same_name(name: str) -> str:
    """A file name as the manifest and the folder are matched: in Unicode's composed form (NFC), so
    "Zürich.txt" typed in a manifest names the file a Mac wrote as "Zu\u0308rich.txt"."""
    return unicodedata.normalize("NFC", name)
