"""One framing command at a time on a folder: `lock_folder`, `working_folder`, and the removal of what
a run that was killed outright left behind (`remove_leftovers`)."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from pathlib import Path

from ..config import UsageError
from .layout import BOOKKEEPING, LOCK, TEMP_NAME, is_framing_temp
from .ownership import claim_folder


_HELD: dict[str, list] = {}  # lock path → [open file, depth]: a process may lock a folder again


class FolderBusy(UsageError):
    """Another framing command is working on this folder."""


@contextlib.contextmanager
def working_folder(folder: Path):
    """`with working_folder(folder):` claim an output folder (`claim_folder`) and lock it
    (`lock_folder`) for the work inside. A folder this call created (with any parents it
    created) is removed again on the way out when nothing but framing's bookkeeping is in it, so a
    run that wrote nothing (a corpus with nothing usable, a refusal, Ctrl-C) leaves no empty folder."""
    folder = Path(folder).absolute()
    made = []
    for place in (folder, *folder.parents):
        if os.path.lexists(place):
            break
        made.append(place)
    claim_folder(folder)
    try:
        with lock_folder(folder):
            yield folder
    finally:
        if made and folder.is_dir() and all(p.name in BOOKKEEPING for p in folder.iterdir()):
            for name in BOOKKEEPING:
                (folder / name).unlink(missing_ok=True)
            for place in made:
                try:
                    place.rmdir()
                except OSError:  # something else was put there meanwhile: it stays
                    break


def remove_leftovers(parent: Path, name: str | None = None) -> list[Path]:
    """Remove the staging folders and temporary files in `parent` that an earlier run left when it
    was killed outright (SIGKILL, a power cut): all of framing's temporary names there, or with
    `name` only those of the report folder `<parent>/<name>` (`.<name>.<random>.tmp`, `.old`).
    Call it only while holding the lock (`lock_folder`) of the work they belong to, so none is in
    use. A staging folder goes only when it carries framing's marker (or is a build's). Returns
    what was removed."""
    pattern = TEMP_NAME if name is None else re.compile(rf"\.{re.escape(name)}\.[^.]+\.(tmp|old)")
    removed = []
    for path in sorted(Path(parent).iterdir()):
        if not pattern.fullmatch(path.name) or not is_framing_temp(path):
            continue
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        removed.append(path)
    return removed


def _try_lock(handle) -> bool:
    try:
        import fcntl
    except ImportError:  # (no fcntl on Windows: no lock)
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class lock_folder:
    """`with lock_folder(folder):` work on a folder framing owns with no other framing command
    working on it: the lock is `<folder>/.framing-lock`, locked with the system's file lock (so a
    command that was killed, even with SIGKILL, holds it no longer) and removed on exit. It names
    the command and its process; a second command is refused at once (`FolderBusy`, naming them).
    The folder must exist. The same process may take the lock again inside."""

    def __init__(self, folder: Path):
        self.path = Path(folder).resolve() / LOCK  # one lock however the folder is reached (a link)

    def __enter__(self):
        key = str(self.path)
        if key in _HELD:
            _HELD[key][1] += 1
            return self
        while True:
            handle = open(self.path, "a+", encoding="utf-8")
            if not _try_lock(handle):
                handle.seek(0)
                holder = handle.read().strip() or "another framing command"
                handle.close()
                raise FolderBusy(f"{self.path.parent}: {holder} is working on it; wait for it to "
                                 "finish (or stop it), then run this again")
            try:  # locked, but the file may have been removed (and made again) meanwhile: lock that one
                same = os.stat(self.path).st_ino == os.fstat(handle.fileno()).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            handle.close()
        handle.seek(0)
        handle.truncate()
        command = " ".join(["framing", *sys.argv[1:2]]) \
            if Path(sys.argv[0]).name in ("framing", "cli.py", "__main__.py") else "a framing process"
        handle.write(f"{command} (pid {os.getpid()})\n")
        handle.flush()
        _HELD[key] = [handle, 1]
        return self

    def __exit__(self, *exc):
        key = str(self.path)
        held = _HELD[key]
        held[1] -= 1
        if held[1] == 0:
            del _HELD[key]
            self.path.unlink(missing_ok=True)  # while still locked: a waiting command then locks a new file
            held[0].close()
        return False
