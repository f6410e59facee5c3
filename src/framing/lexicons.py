"""Read the versioned data files (lexicons, word lists, parameters) shipped inside the package.

Every file is TOML with a top-level `version` and `source`, so outputs can record which version of a
lexicon produced them. A user overrides a shipped file by passing the path of their own file; the
package's files are never edited in place.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path


class LexiconError(ValueError):
    """A lexicon file is missing, malformed, or lacks its version or source."""


def load_data(name_or_path: str | Path) -> dict:
    """Return the parsed TOML of a shipped data file (`"stopwords"`) or of a user's file (a path).

    >>> load_data("stopwords")["version"]  # doctest: +SKIP
    '1.0'
    """
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.exists():
        return _parse(path.read_text(encoding="utf-8"), str(path))
    return _load_shipped(str(name_or_path))


@lru_cache(maxsize=None)
def _load_shipped(name: str) -> dict:
    resource = resources.files("framing") / "data" / f"{name}.toml"
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
