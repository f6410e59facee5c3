"""What framing wrote into an output folder: its list, `.framing-files.json`.

One implementation for every output folder: a report (`reports/<corpus>/`, swapped in whole), the
scratch folder and any `--out` folder charts are exported to (written file by file), and a
corpus's tables folder (`data/processed/<corpus>/`, written in place). A file is framing's when
the list names it and it still has the SHA-256 recorded there; everything else is the user's and
is never replaced or removed: set aside under a name of its own (`<name>.yours<suffix>`) when
framing must write a file of that name, kept where it is otherwise.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ..config import UsageError
from .atomic import file_sha256, save_text
from .layout import BOOKKEEPING, HUMAN_INPUT, MANIFEST, PART_FILES, TABLES, TABLE_FILES, is_framing_temp
from .ownership import owns
from .words import short_list


class OutputExists(UsageError, FileExistsError):
    """A file framing would write is there already and is not framing's unchanged output."""


def write_manifest(folder: Path) -> Path:
    """Record in `<folder>/.framing-files.json` every file now in a report folder framing is
    writing (relative path and SHA-256), except `coding/` (people's work, always kept) and
    framing's bookkeeping: what `written_files` later reads as framing's."""
    folder = Path(folder)
    files = {p.relative_to(folder).as_posix(): file_sha256(p) for p in sorted(folder.rglob("*"))
             if p.is_file() and not p.is_symlink() and p.name not in BOOKKEEPING
             and p.relative_to(folder).parts[0] != HUMAN_INPUT and not is_framing_temp(p)}
    return save_manifest(folder, files)


def save_manifest(folder: Path, files: dict) -> Path:
    """Write the list: relative name → SHA-256 (or, while files are being replaced, the list of
    the old and the new one: either is framing's)."""
    text = json.dumps({"files": dict(sorted(files.items()))}, indent=1) + "\n"
    return save_text(text, Path(folder) / MANIFEST)


def record_files(folder: Path, paths) -> Path:
    """Add the files `paths` (written by framing inside the output folder `folder`) to its list,
    with their SHA-256 now. A folder without a list gets one, holding first what framing is known
    to have written there (`written_files`), as those files are now."""
    folder = absolute_path(folder)
    files = {name: file_sha256(folder / name) if recorded is None else recorded
             for name, recorded in written_files(folder).items() if is_unchanged(folder, folder / name, None)}
    for path in paths:
        files[absolute_path(path).relative_to(folder).as_posix()] = file_sha256(path)
    return save_manifest(folder, files)


def written_files(folder: Path, kind: str = "report") -> dict[str, str | list | None]:
    """The files framing wrote in an output folder: relative path → the SHA-256 it had when written
    (a list: any of them). Read from `.framing-files.json`; a folder framing may write into
    (`owns`) that has no list (a scratch folder, a report or tables of an earlier version) is read
    by what framing writes there, with no hash (None): for a report, `index.html`, `events/*.html`
    and their charts, `notebooks/*.ipynb`, `tables/*.csv`, and in `figures/` each chart's record
    (`<name>.json`) and the files it names; for tables, the tables with their CSV copies, parts
    and `build.json`. Any other folder without a list holds nothing of framing's."""
    folder = Path(folder)
    try:
        files = dict(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"])
        # only names inside the folder: a list edited by hand or damaged never reaches beyond it
        return {name: digest for name, digest in files.items()
                if isinstance(name, str) and name and not Path(name).is_absolute() and ".." not in Path(name).parts}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    if not folder.is_dir() or folder.is_symlink() or not owns(folder):
        return {}
    if kind == "tables":
        found = [p for p in folder.iterdir() if TABLE_FILES.fullmatch(p.name)]
        found += [p for name in TABLES if (folder / name).is_dir() and not (folder / name).is_symlink()
                  for p in (folder / name).iterdir() if PART_FILES.fullmatch(p.name)]
    else:
        found = [folder / "index.html", *folder.glob("events/*.html"), *folder.glob("events/figures/*_sentiment.png"),
                 *folder.glob("notebooks/*.ipynb"), *folder.glob("tables/*.csv")]
        for record in folder.glob("figures/*.json"):
            found += [record] + [record.parent / name for name in _named_in_record(record)]
    return {p.relative_to(folder).as_posix(): None for p in found if _plain_file_in(folder, p)}


report_files = written_files  # (its name when only report folders had a list)


def absolute_path(path) -> Path:
    """`path` from the root, `..` taken away by its name (as the folder and the files in it are
    named alike, their relative names come out right)."""
    return Path(os.path.abspath(path))


def is_unchanged(folder: Path, path: Path, recorded) -> bool:
    """Whether `path` is a plain file in `folder` (`_plain_file_in`) whose SHA-256 is the one
    recorded (None: not recorded, taken as unchanged; a list: any of them)."""
    if not _plain_file_in(folder, path):
        return False
    if recorded is None:
        return True
    digest = file_sha256(path)
    return digest == recorded or (isinstance(recorded, list) and digest in recorded)


def is_framings(folder: Path, path: Path, written: dict | None = None, kind: str = "report") -> bool:
    """Whether `path`, inside the output folder `folder`, is a file framing wrote and nobody changed
    since (what framing may replace or remove). `written`: `written_files(folder, kind)`, when read."""
    folder = absolute_path(folder)
    written = written_files(folder, kind) if written is None else written
    name = absolute_path(path).relative_to(folder).as_posix()
    return name in written and is_unchanged(folder, absolute_path(path), written[name])


def check_replaceable(folder: Path, paths, *, overwrite: bool = False,
                      force: str = "overwrite=True") -> None:
    """OutputExists (naming the files and `force`, how to replace them anyway) when one of `paths`
    is there and is not framing's unchanged output in the output folder `folder` (`is_framings`);
    nothing when `overwrite`."""
    if overwrite:
        return
    folder = absolute_path(folder)
    written = written_files(folder)
    taken = [Path(p) for p in paths if os.path.lexists(p) and not is_framings(folder, p, written)]
    if taken:
        why = ("changed since framing wrote it" if absolute_path(taken[0]).relative_to(folder).as_posix() in written
               else "not written by framing")
        raise OutputExists(
            f"{short_list([str(p) for p in taken], 3)}: already there and {why}, so framing will not "
            f"replace it: move it away, choose another output folder, or replace it anyway with {force}")


def _plain_file_in(folder: Path, path: Path) -> bool:
    """Whether `path` is a file (not a link) reached from `folder` through no link: what framing
    may remove there (a link, and anything reached through one, is someone's choice to keep)."""
    if not path.is_file() or path.is_symlink():
        return False
    return not any(parent.is_symlink() for parent in path.parents if parent != folder and folder in parent.parents)


def _named_in_record(record: Path) -> list[str]:
    """The files a chart's JSON record names (its images, plotted data, table arguments); none when
    it is not a chart's record."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("name") != record.stem:
            return []
        plot = data.get("plot") or {}
        names = [*dict(data.get("files") or {}).values(), plot.get("data"),
                 *dict(plot.get("table_arguments") or {}).values()]
    except (OSError, ValueError, TypeError, AttributeError):
        return []
    return [Path(str(name)).name for name in names if name]


def user_files(folder: Path, kind: str = "report") -> list[str]:
    """The files (and links) in an output folder that framing did not write, or that changed since
    it wrote them: relative paths, sorted. A report's `coding/` is left out (kept on its own), and
    so are framing's temporary files and bookkeeping."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    written = written_files(folder, kind)
    return [name for name in present_files(folder) if name.split("/")[0] != HUMAN_INPUT
            and not is_framings(folder, folder / name, written)]


def present_files(folder: Path) -> list[str]:
    """The files and links in `folder` and below (relative names, sorted), without framing's
    bookkeeping and temporary files."""
    return [path.relative_to(folder).as_posix() for path in sorted(folder.rglob("*"))
            if path.name not in BOOKKEEPING and not is_framing_temp(path)
            and not any(is_framing_temp(parent) for parent in path.parents if folder in parent.parents)
            and (path.is_symlink() or not path.is_dir())]


def keep_user_files(old: Path, new: Path, kind: str = "report") -> list[tuple[str, str]]:
    """Copy into the new output folder `new` every file of the old one `old` that framing did not
    write there, or that was changed since (`user_files`), at the same place (`keep_files`).
    Returns (old name, new name) for each file kept."""
    return keep_files(old, new, user_files(old, kind))


def keep_files(old: Path, new: Path, names) -> list[tuple[str, str]]:
    """Put the files `names` (relative) of folder `old` into folder `new` at the same place; one
    whose name is taken there is kept beside it as `<name>.yours<suffix>` (`yours_name`). Files
    are hard-linked (else copied), links copied as links. Returns (old name, new name) for each."""
    kept = []
    for name in names:
        target = yours_name(Path(new) / name)
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(Path(old) / name, target)
        kept.append((name, target.relative_to(new).as_posix()))
    return kept


def yours_name(path: Path) -> Path:
    """`path` when nothing is there, else the first free `<stem>.yours<suffix>`, `.yours-2`…
    beside it: where a file of the user's goes when framing writes one of the same name."""
    target, number = Path(path), 1
    while os.path.lexists(target):
        number += 1
        tag = ".yours" if number == 2 else f".yours-{number - 1}"
        target = Path(path).with_name(f"{Path(path).stem}{tag}{Path(path).suffix}")
    return target


def set_aside(folder: Path, path: Path) -> tuple[str, str]:
    """Rename the user's file (or folder, or link) `path` in `folder` to a free `yours_name`
    beside it, so framing can write its own there; returns (old name, new name), relative."""
    target = yours_name(path)
    os.rename(path, target)
    return Path(path).relative_to(folder).as_posix(), target.relative_to(folder).as_posix()


def kept_line(folder: Path, kept: list[tuple[str, str]], *, what: str = "the report") -> str:
    """The one line that names the user's files framing kept in an output folder: each kept name,
    and for one set aside because framing now writes a file of that name, where it is now."""
    names = [old for old, new in kept if old == new]
    names += [f"{old} (as {new}: {what} now has a file of that name)" for old, new in kept if old != new]
    count = f"{len(kept)} file{'' if len(kept) == 1 else 's'}"
    return (f"kept {count} of yours in {folder} that framing did not write or that you changed "
            f"(it replaces only its own): {', '.join(names)}")


def _link_or_copy(source: Path, target: Path) -> None:
    """`source` at `target` too: a hard link (the same file, nothing copied, however large), else
    a copy with its times; a link (symbolic) is copied as a link."""
    if not source.is_symlink():
        try:
            os.link(source, target)
            return
        except OSError:  # a file system without hard links
            pass
    shutil.copy2(source, target, follow_symlinks=False)
