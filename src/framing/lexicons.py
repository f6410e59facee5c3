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

import difflib
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
    if path.suffix or len(path.parts) > 1:  # a user's file, whatever its ending, not a shipped name
        if not path.is_file():
            _missing_file(path)
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
    """Files of the project's `lexicons/` folder that nothing reads: named after no shipped file
    (`reportingverbs.toml`), or not ending in `.toml` (`frames_generic.tmol`). Hidden files are left out."""
    folder = override_folder()
    if not folder.is_dir():
        return []
    names = shipped_names()
    return [p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")
            and not (p.suffix == ".toml" and p.stem in names) and _meant_as_lexicon(p, names)]


def _meant_as_lexicon(path: Path, names: list[str]) -> bool:
    """A `.toml` file, one whose ending is a misspelling of it (`.tmol`, `.tml`), or one named
    after a shipped file (`stopwords.toml.txt`, `furniture`): notes of other kinds are left alone."""
    ending = path.suffix.lower().lstrip(".")
    return (ending == "toml" or difflib.SequenceMatcher(None, ending, "toml").ratio() >= 0.75
            or path.stem.removesuffix(".toml") in names or path.name in names)


def shipped_names() -> list[str]:
    """The names of the shipped data files (`furniture`, `frames_generic`, …), sorted."""
    return sorted(p.name[:-5] for p in (resources.files("framing") / "data").iterdir() if p.name.endswith(".toml"))


def did_you_mean(name: str, choices: list[str]) -> str:
    """" (did you mean X?)" for the choices closest to a misspelt `name` (difflib's ratio of
    matching characters, at least 0.6; up to three, closest first), else "". Case and the `.toml`
    ending are ignored.

    >>> did_you_mean("reportingverbs", ["reporting_verbs", "stopwords"])
    ' (did you mean reporting_verbs?)'
    """
    key = name.lower().removesuffix(".toml")
    keys = {choice.lower().removesuffix(".toml"): choice for choice in choices}
    close = [keys[k] for k in difflib.get_close_matches(key, list(keys), n=3, cutoff=0.6)]
    if not close:
        return ""
    return f" (did you mean {close[0] if len(close) == 1 else ', '.join(close[:-1]) + ' or ' + close[-1]}?)"


def unused_reason(path: Path) -> str:
    """Why nothing reads a file of the `lexicons/` folder, and its likely right name."""
    names = shipped_names()
    stem = path.stem.removesuffix(".toml") if path.suffix else path.name
    if path.suffix != ".toml" and stem in names:
        return f"ends in {path.suffix or 'no extension'}, not .toml: rename it {stem}.toml"
    guess = did_you_mean(path.stem, names)
    ending = "" if path.suffix == ".toml" else f" and ends in {path.suffix or 'no extension'}, not .toml"
    return f"named after no shipped data file{ending}{guess}"


def _missing_file(path: Path) -> None:
    """LexiconError for a lexicon path that is not there, naming the closest file of its folder
    (or shipped file)."""
    folder = path.parent if str(path.parent) else Path(".")
    near = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    guess = did_you_mean(path.name, near) or did_you_mean(path.stem, [f"{n}.toml" for n in shipped_names()])
    raise LexiconError(f"{path}: no such file{guess}; give the path of your lexicon file, or the name "
                       "of a shipped one (see README, Editing a lexicon)")


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
        raise LexiconError(f"no shipped data file named {name!r}{did_you_mean(name, shipped_names())} "
                           f"(looked for {resource})")
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
