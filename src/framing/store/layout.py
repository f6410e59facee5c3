"""The names framing gives what it writes, and how to tell its files from anyone else's.

A processed folder holds the tables (`TABLES`), each as `<name>.parquet` or a folder of parts
`<name>/part-*.parquet`. Every folder framing made carries the marker `.framing`; every output folder
lists what framing wrote there in `.framing-files.json` (`MANIFEST`); a folder being worked on holds
`.framing-lock` (`LOCK`). Temporary files and staging folders have names of their own (`.<name>.<8
random>.tmp`, `.old`, `.build-*`), so what a killed run left can be told from a user's file.
"""
from __future__ import annotations

import re
from pathlib import Path


SCRATCH = "_scratch"  # reports/_scratch/<corpus>/: what notebooks write when run by hand
TABLES = ("articles", "sentences", "removed")
MARKER = ".framing"
MARKER_TEXT = ("This folder was made by framing. framing may replace it and the files it wrote "
                "here; it never writes into or deletes a folder without this file.\n")
MANIFEST = ".framing-files.json"  # each file framing wrote in an output folder, with its SHA-256
LOCK = ".framing-lock"  # in a tables folder while a framing command works on it (`lock_folder`)
BOOKKEEPING = (MARKER, MANIFEST, LOCK)
HUMAN_INPUT = "coding"  # a report's coding/: coding sheets and anything else people put there
SUBFOLDERS = {"report": ("figures", "tables", "notebooks", "events", "events/figures"),  # framing makes these
               "tables": TABLES}  # a table's parts

# What earlier versions of framing wrote, before their folders carried the marker: a folder holding
# nothing else (and the kind of file that says it is framing's) is taken as framing's own.
TABLE_FILES = re.compile(r"(articles|sentences|removed)\.(parquet|csv)|build\.json|\.texts-seen\.parquet")
PART_FILES = re.compile(r"part-\d+\.parquet")
REPORT_FOLDERS = {"figures": re.compile(r".+\.(png|svg|pdf|json)"), "tables": re.compile(r".+\.csv"),
                   "notebooks": re.compile(r".+\.ipynb"),
                   "coding": re.compile(r".+")}  # people's coding sheets: the report keeps them
TEMP_NAME = re.compile(r"\..+\.(tmp|old)|\.build-.+")  # framing's temporary names
_TEMP_FILE = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # `make_temp_file`: `.<name>.<8 random>.tmp`
_BUILD_STAGING = re.compile(r"\.build-[a-z0-9_]{8}\.tmp")  # a build's staging folder (no marker)


def is_framing_temp(path: Path) -> bool:
    """Whether `path` is a temporary file or staging folder of framing's (what a run that was killed
    leaves): a file named as `make_temp_file` names them, a build's staging folder, or a folder of a
    temporary name carrying framing's marker. A user's `.notes.tmp` or `.drafts.old` is none of
    them: it is kept, and carried into a new report like any file of the user's."""
    if path.is_symlink() or not TEMP_NAME.fullmatch(path.name):
        return False
    if path.is_dir():
        return (path / MARKER).is_file() or bool(_BUILD_STAGING.fullmatch(path.name))
    return bool(_TEMP_FILE.fullmatch(path.name))


def table_path(folder: Path, name: str) -> Path:
    """`<name>.parquet`, or the folder `<name>/` of parts when the table was written partitioned."""
    single = folder / f"{name}.parquet"
    return single if single.exists() or not (folder / name).is_dir() else folder / name


def table_files(folder: Path, name: str) -> list[Path]:
    """The Parquet files of table `name` in `folder`: `<name>.parquet`, or the parts of `<name>/`
    in order; empty when there is neither."""
    path = table_path(Path(folder), name)
    if path.is_dir():  # only framing's parts: a file of the user's there is never read as one
        return sorted(p for p in path.iterdir() if PART_FILES.fullmatch(p.name))
    return [path] if path.is_file() else []
