"""Whether a corpus's tables are older than its raw folder, and the warning that says so (once)."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

from ..config import processed_dir, raw_dir


_WARNED_STALE: set[tuple] = set()  # the builds (tables folder, build.json's identity) warned about


def warn_stale_once(folder: Path) -> None:
    """Warn that data/raw/<name> has changed since the tables in `folder` were built, once per
    build of those tables in this Python session: a notebook cell that loads the articles, the
    sentences and the removed lines warns once, not three times. After the next build, a new
    change warns again."""
    built = (Path(folder) / "build.json").stat()
    key = (str(Path(folder).resolve()), built.st_ino, built.st_size, built.st_mtime_ns)
    if key in _WARNED_STALE:
        return
    _WARNED_STALE.add(key)
    warnings.warn(f"data/raw/{folder.name} has changed since its tables were built (a file was "
                  f"added, removed or edited): these tables do not include the change; run "
                  f"`framing build data/raw/{folder.name}` (or `make report`) to update them",
                  stacklevel=4)


def changed_since_build(folder: Path, *, root: Path | None = None) -> bool:
    """Whether the raw folder of a corpus built into the project's data/processed/<name>/ (that is,
    data/raw/<name>/) has had a file added, removed or edited since `build.json` was written, in
    the folder itself or any folder below it."""
    raw, built = raw_dir(root) / folder.name, folder / "build.json"
    if folder.resolve().parent != processed_dir(root).resolve() or not raw.is_dir() or not built.exists():
        return False
    since = built.stat().st_mtime
    for here, folders, files in os.walk(raw):
        folders[:] = [name for name in folders if not name.startswith(".")]  # hidden: never read
        for name in (".", *folders, *(name for name in files if not name.startswith("."))):
            try:
                if os.lstat(Path(here) / name).st_mtime > since:
                    return True
            except OSError:  # vanished while we looked: a change
                return True
    return False
