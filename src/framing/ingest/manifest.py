"""`manifest.csv`: the metadata a user gives for each file of a corpus folder (outlet, title,
date, URL, author, event), read with the same rows and columns as an export."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from .articles import Problem
from .dates import DateOrder, date_note
from .decode import decode_bytes, strip_controls
from .exports import _column, _given, _header, _physical_lines, _split_line

MANIFEST = "manifest.csv"


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
