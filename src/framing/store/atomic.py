"""Writing a file so that nobody ever sees half of it: it is written under a temporary name beside
its final one, then renamed into place (a run killed midway leaves the previous file intact). New
files and folders get the mode the user's umask gives, like any other tool's."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_temp_file(final: Path) -> Path:
    """An empty temporary file beside `final`, with the mode a new file gets (0666 less the umask;
    mkstemp alone makes it private, 0600)."""
    handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    try:
        os.fchmod(handle, 0o666 & ~_umask())
    finally:
        os.close(handle)
    return Path(name)


def make_temp_dir(parent: Path, *, prefix: str) -> Path:
    """A new temporary folder in `parent` with the mode a new folder gets (0777 less the umask;
    mkdtemp alone makes it private, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=parent))
    os.chmod(folder, 0o777 & ~_umask())
    return folder


def write_atomic(final: Path, write) -> Path:
    """Call `write(temp_path)`, then rename the temporary file to `final`."""
    final = Path(final)
    temp = make_temp_file(final)
    try:
        write(temp)
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return final


def stage_file(final: Path, write) -> tuple[Path, Path]:
    """Call `write(temp_path)` on a temporary file beside `final`, and leave it there: returns
    (temporary, final) for the caller to rename once every file of a set is written."""
    temp = make_temp_file(final)
    try:
        write(temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, final


def save_text(text: str, path: Path) -> Path:
    """Write a text file atomically (temporary name, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, lambda p: p.write_text(text, encoding="utf-8"))


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
