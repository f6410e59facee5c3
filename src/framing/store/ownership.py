"""Which folders framing may write into. A folder framing made carries its marker (`.framing`); an
existing folder is written into, cleaned or replaced only when it carries the marker, is empty, or
holds nothing but what an earlier version of framing wrote."""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

from ..config import UsageError
from .atomic import write_atomic
from .layout import MARKER, MARKER_TEXT, PART_FILES, REPORT_FOLDERS, TABLES, TABLE_FILES, TEMP_NAME


def mark_folder(folder: Path) -> Path:
    """Put framing's marker into a folder framing made."""
    marker = Path(folder) / MARKER
    if not marker.exists():
        write_atomic(marker, lambda p: p.write_text(MARKER_TEXT, encoding="utf-8"))
    return Path(folder)


def owns(folder: Path) -> bool:
    """Whether framing may write into, clean or replace `folder`: it carries the marker, or it is
    empty, or it holds only what an earlier version of framing wrote there (tables with their
    build.json, a table's parts, a report's index, figures, tables and notebooks)."""
    folder = Path(folder)
    if (folder / MARKER).is_file():
        return True
    entries = [p for p in folder.iterdir() if not TEMP_NAME.fullmatch(p.name)]
    if not entries:
        return True
    names = {p.name for p in entries}
    if folder.name in TABLES and all(p.is_file() and PART_FILES.fullmatch(p.name) for p in entries):
        return True  # a table's parts
    if "build.json" in names and all(_old_table_entry(p) for p in entries):
        return _is_build_info(folder / "build.json")
    return names & {"index.html", "figures"} != set() and all(_old_report_entry(p) for p in entries)


def _old_table_entry(path: Path) -> bool:
    if path.is_dir():
        return path.name in TABLES and all(PART_FILES.fullmatch(p.name) or TEMP_NAME.fullmatch(p.name)
                                           or p.name == MARKER for p in path.iterdir())
    return bool(TABLE_FILES.fullmatch(path.name))


def _old_report_entry(path: Path) -> bool:
    if path.is_file():
        return path.name == "index.html"
    pattern = REPORT_FOLDERS.get(path.name)
    return pattern is not None and all(
        p.is_file() and (pattern.fullmatch(p.name) or TEMP_NAME.fullmatch(p.name)) for p in path.iterdir())


def _is_build_info(path: Path) -> bool:
    try:
        return "framing_version" in json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False


def refusal(folder: Path) -> str:
    """The one-line message for a folder framing will not write into."""
    return (f"{folder}: exists and was not made by framing (no {MARKER} file in it), so framing "
            "will not write into or replace it: choose a new or empty folder (e.g. --out "
            "results/<corpus>), or move that folder away")


def claim_folder(folder: Path) -> Path:
    """Make sure framing may write into `folder`: create it (with parents) and mark it, or mark an
    existing folder that `owns` allows; else UsageError naming it and the fix. Returns the folder."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file, not a folder: choose a new or empty folder")
    if folder.is_dir() and not owns(folder):
        raise UsageError(refusal(folder))
    folder.mkdir(parents=True, exist_ok=True)
    return mark_folder(folder)


def new_folder(folder: Path) -> Path:
    """`folder`, created with framing's marker when it does not exist yet. An existing folder is
    used as it is: the caller only adds its own files to it."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        mark_folder(folder)
    return folder


def claimable(folder: Path) -> bool:
    """True when `claim_folder` would take `folder`: it does not exist, or is a folder `owns` allows."""
    folder = Path(folder)
    return not folder.exists() or (folder.is_dir() and owns(folder))


def check_claimable(folder: Path) -> Path:
    """UsageError now (before any work) when `claim_folder` would refuse `folder` later."""
    folder = Path(folder)
    if not claimable(folder):
        raise UsageError(refusal(folder) if folder.is_dir() else
                         f"{folder}: is a file, not a folder: choose a new or empty folder")
    return folder


def describe_write_error(error: OSError, *, folder: Path | None = None,
                         elsewhere: str = "choose another output folder (--out)") -> str:
    """One line for a failed write: which folder (the file's, else `folder`, the output folder being
    written), what went wrong, what to do (`elsewhere`: how to write somewhere else instead)."""
    where = Path(error.filename).parent if error.filename and Path(error.filename).name.startswith(".") \
        else error.filename or folder
    what = os.strerror(error.errno) if error.errno else " ".join((error.strerror or str(error)).split())
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        fix = f"free some space there, or {elsewhere}"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = f"make it writable, or {elsewhere}"
    else:
        fix = f"check the folder, or {elsewhere}"
    return f"cannot write {where or 'the output'}: {what}: {fix}; earlier outputs were left as they were"


def remove_empty_folder(folder: Path) -> None:
    """Remove `folder` when it is a folder (not a link) holding nothing but framing's marker."""
    if folder.is_dir() and not folder.is_symlink() and all(p.name == MARKER for p in folder.iterdir()):
        (folder / MARKER).unlink(missing_ok=True)
        folder.rmdir()
