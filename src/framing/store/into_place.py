"""Moving staged files and folders into an output folder: only framing's own unchanged files are
replaced, a file of the user's in the way is set aside, and the folder's list (`manifest`) is kept
true at every step, so a run stopped halfway takes none of framing's files for the user's."""
from __future__ import annotations

import dataclasses
import os
import shutil
import uuid
from pathlib import Path

from ..config import UsageError
from .atomic import file_sha256
from .layout import MARKER
from .manifest import (absolute_path, is_framings, keep_files, present_files, save_manifest, set_aside,
                       written_files)
from .ownership import owns, refusal, remove_empty_folder


@dataclasses.dataclass
class Published:
    """What `publish` did: the files framing wrote, and the user's files it kept ((name before,
    name now), relative to the folder; the same name when the file stayed where it was)."""
    files: list[Path]
    kept: list[tuple[str, str]]


def publish(out: Path, staged: list[tuple[Path, Path]], *, folders=(), stale=(), also=()) -> Published:
    """Move staged files ((temporary file, final path) pairs) and staged folders ((folder, final
    folder)) into the output folder `out`, replacing only framing's unchanged files; remove the
    outputs of framing's that this write makes `stale` (a table's other layout); record what framing
    wrote (those, and the files `also` written already) in the folder's list, `.framing-files.json`.

    A file of the user's at a final name (not framing's, or changed since) is set aside under a
    name of its own (`set_aside`); the user's files in a folder being replaced are put into the new
    one (`keep_files`); a stale name that holds the user's file is set aside too. The list is
    written first naming both the old and the new hash of each file, so a run stopped halfway takes
    none of framing's files for the user's."""
    out = absolute_path(out)
    for _, final in folders:
        if final.is_symlink() or (final.is_dir() and not owns(final)):
            raise UsageError(refusal(final))
    written = written_files(out, "tables")
    kept: list[tuple[str, str]] = []
    try:  # (what framing wrote is listed before any file of the user's joins a staged folder)
        new = {final.relative_to(out).as_posix(): file_sha256(temp) for temp, final in staged}
        new |= {f"{final.name}/{part.name}": file_sha256(part) for folder, final in folders
                for part in sorted(folder.iterdir()) if part.name != MARKER}
        new |= {absolute_path(path).relative_to(out).as_posix(): file_sha256(path) for path in also}
        for _, final in staged:
            if os.path.lexists(final) and not is_framings(out, final, written):
                kept.append(set_aside(out, final))
        for folder, final in folders:
            if final.is_dir():
                yours = [name for name in present_files(final) if not is_framings(out, final / name, written)]
                kept += [(f"{final.name}/{old}", f"{final.name}/{new}") for old, new in keep_files(final, folder, yours)]
            elif os.path.lexists(final):
                kept.append(set_aside(out, final))
        save_manifest(out, {**written, **{name: _both(written.get(name), digest) for name, digest in new.items()}})
        for folder, final in folders:
            swap_folder(folder, final)
        for temp, final in staged:
            os.replace(temp, final)
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for path in stale:
        kept += _retire(out, Path(path), written)
    save_manifest(out, new)
    names = {new_name for _, new_name in kept}
    kept += [(name, name) for name in present_files(out) if name not in new and name not in names]
    return Published([final for _, final in staged] + [final for _, final in folders], kept)


def _both(old, new: str):
    """The recorded hashes while a file is replaced: the old one(s) and the new one."""
    old = [] if old is None else old if isinstance(old, list) else [old]
    return [*old, new] if old else new


def _retire(out: Path, path: Path, written: dict) -> list[tuple[str, str]]:
    """Remove an output of framing's that a new write made stale: a file when it is framing's
    unchanged one (else it is the user's, set aside: framing reads that name), a table's parts
    folder once only framing's marker is left in it (the user's files stay, and so does the folder)."""
    if path.is_dir() and not path.is_symlink():
        for part in list(path.iterdir()):
            if is_framings(out, part, written):
                part.unlink()
        remove_empty_folder(path)
        return []
    if is_framings(out, path, written):
        path.unlink()
        return []
    return [set_aside(out, path)] if os.path.lexists(path) and not path.is_dir() else []


def swap_folder(staged: Path, final: Path) -> Path:
    """Put a staged folder in place of `final`; the old one is removed only once the new one is in.
    An existing `final` must be framing's (`owns`), else UsageError and nothing is changed."""
    if final.is_symlink() or (final.exists() and not owns(final)):
        raise UsageError(refusal(final))
    trash = final.with_name(f".{final.name}.{uuid.uuid4().hex[:12]}.old")
    if final.exists():
        os.replace(final, trash)
    os.replace(staged, final)
    shutil.rmtree(trash, ignore_errors=True)
    return final
