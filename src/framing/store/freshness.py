"""Whether a corpus's tables are older than its raw folder, and the warning that says so (once)."""
from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from ..config import ISSUE_FILE, is_corpus_notes, processed_dir, raw_folder_named


_WARNED_STALE: set[tuple] = set()  # the builds (tables folder, build.json's identity) warned about


def warn_stale_once(folder: Path) -> None:
    """Say on stderr, in one plain line, that data/raw/<name> has changed since the tables in
    `folder` were built, once per build of those tables in this Python session: a notebook cell
    that loads the articles, the sentences and the removed lines says it once, not three times.
    After the next build, a new change says it again. A line, not a Python warning: a notebook
    showed the warning with the kernel's temporary file and line number before it and the line of
    code that loaded the table after it."""
    built = (Path(folder) / "build.json").stat()
    key = (str(Path(folder).resolve()), built.st_ino, built.st_size, built.st_mtime_ns)
    if key in _WARNED_STALE:
        return
    _WARNED_STALE.add(key)
    print(f"warning: data/raw/{folder.name} has changed since its tables were built (a file was "
          f"added, removed or edited): these tables do not include the change; run "
          f"`framing build data/raw/{folder.name}` (or `make report`) to update them", file=sys.stderr, flush=True)


def raw_listing_sha256(raw: Path) -> str:
    """A digest of what a corpus folder holds for the build: the path, size and modification time
    of each file the build may read, in the folder and any folder below it (hidden ones aside). The
    corpus's issue frames (`issue_frames.toml`), which the notebooks read and the build does not,
    are left out, so editing them as the README says does not make the tables look stale, and so
    are its notes (a README), which the build never reads."""
    import hashlib

    raw = Path(raw)
    entries = []
    for here, folders, files in os.walk(raw):
        folders[:] = [name for name in folders if not name.startswith(".")]  # hidden: never read
        for name in files:
            path = Path(here) / name
            if name.startswith(".") or (path.parent == raw and name == ISSUE_FILE) or is_corpus_notes(name):
                continue
            try:
                stat = os.lstat(path)
            except OSError:  # vanished while we looked
                continue
            entries.append(f"{path.relative_to(raw).as_posix()}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode("utf-8", "surrogateescape")).hexdigest()


@lru_cache(maxsize=8)
def _recorded_listing(path: str, mtime_ns: int, size: int) -> str | None:
    """The listing a build.json records (None when it records none), read once per version of the
    file: a notebook loads three tables, and build.json lists every article."""
    import json

    try:
        return json.loads(Path(path).read_text(encoding="utf-8")).get("raw_listing_sha256")
    except (OSError, ValueError):
        return None


def changed_since_build(folder: Path, *, root: Path | None = None) -> bool:
    """Whether the raw folder of a corpus built into the project's data/processed/<name>/ (that is,
    data/raw/<name>/) has had a file added, removed, renamed or edited since it was built, in the
    folder itself or any folder below it: its listing (`raw_listing_sha256`) is not the one
    `build.json` records. A build.json of an earlier version, without a listing, is compared by
    time: anything in the folder newer than it."""
    raw, built = raw_folder_named(folder.name, root), folder / "build.json"
    if folder.resolve().parent != processed_dir(root).resolve() or not raw.is_dir() or not built.exists():
        return False
    identity = built.stat()
    recorded = _recorded_listing(str(built), identity.st_mtime_ns, identity.st_size)
    if recorded is not None:
        return raw_listing_sha256(raw) != recorded
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
