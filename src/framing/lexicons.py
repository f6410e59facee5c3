"""Read the versioned data files (lexicons, word lists, parameters) shipped inside the package.

Every file is TOML with a top-level `version` and `source`, so outputs can record which version of a
lexicon produced them. The package's files are never edited in place. A user changes one in either
of two ways:

- for a whole project: a copy under the same name in the project's `lexicons/` folder
  (`lexicons/furniture.toml` beside `data/`), which every step, the build and the report use
  instead of the shipped file (`FRAMING_LEXICONS` names another folder);
- for one call: the path of their own file, passed to the function that takes it
  (`add_sentiment(..., lexicon="my_words.toml")`).
"""
from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .config import project_root

OVERRIDE_FOLDER = "lexicons"


class LexiconError(ValueError):
    """A lexicon file is missing, malformed, or lacks its version or source."""


def load_data(name_or_path: str | Path) -> dict:
    """Return the parsed TOML of a shipped data file (`"stopwords"`) or of a user's file (a path).
    A name reads the project's own copy (`lexicons/<name>.toml`) when there is one.

    >>> load_data("stopwords")["version"]  # doctest: +SKIP
    '1.0'
    """
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.exists():
        return _parse(path.read_text(encoding="utf-8"), str(path))
    override = override_path(str(name_or_path))
    if override is not None:
        return _load_override(str(name_or_path), str(override), *_stamp(override))
    return _load_shipped(str(name_or_path))


def override_folder() -> Path:
    """The folder of a project's own lexicon files: `$FRAMING_LEXICONS`, else `<project>/lexicons`."""
    given = os.environ.get("FRAMING_LEXICONS")
    return Path(given).expanduser() if given else project_root() / OVERRIDE_FOLDER


def override_path(name: str) -> Path | None:
    """The project's copy of the shipped data file `name` (`lexicons/<name>.toml`), if there is one."""
    if not _shipped(name).is_file():
        return None
    path = override_folder() / f"{name}.toml"
    return path if path.is_file() else None


def data_file(name: str):
    """The file `load_data(name)` reads: the project's copy, else the shipped file."""
    return override_path(name) or _shipped(name)


def overrides() -> dict[str, Path]:
    """The project's own lexicon files in use, by name (`{"furniture": Path("lexicons/furniture.toml")}`)."""
    folder = override_folder()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.toml")) if _shipped(p.stem).is_file()}


def unused_overrides() -> list[Path]:
    """Files of the project's `lexicons/` folder named after no shipped file (so nothing reads them)."""
    folder = override_folder()
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.glob("*.toml")) if not _shipped(p.stem).is_file()]


def _shipped(name: str):
    return resources.files("framing") / "data" / f"{name}.toml"


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=64)
def _load_override(name: str, path: str, mtime_ns: int, size: int) -> dict:
    """A project's copy of a shipped file, which must keep the shipped file's tables and lists (the
    code reads them by name), so a missing one is named here rather than failing deep in a step."""
    data = _parse(Path(path).read_text(encoding="utf-8"), f"{path} (your copy of framing/data/{name}.toml)")
    shipped = _load_shipped(name)
    missing = [key for key, value in shipped.items() if isinstance(value, (dict, list)) and key not in data]
    if missing:
        raise LexiconError(f"{path}: lacks {', '.join(missing)}, which framing/data/{name}.toml has: copy "
                           "the shipped file again and make your change in the copy")
    return data


@lru_cache(maxsize=None)
def _load_shipped(name: str) -> dict:
    resource = _shipped(name)
    if not resource.is_file():
        raise LexiconError(f"no shipped data file named {name!r} (looked for {resource})")
    return _parse(resource.read_text(encoding="utf-8"), f"framing/data/{name}.toml")


def _parse(text: str, origin: str) -> dict:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{origin}: not valid TOML ({err}); fix the line it names") from err
    missing = [key for key in ("version", "source") if key not in data]
    if missing:
        raise LexiconError(f"{origin}: add top-level {' and '.join(missing)} (every lexicon states both)")
    return data
