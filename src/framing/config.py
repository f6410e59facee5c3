"""Paths and names defined once. Functions take paths as arguments; these are only the defaults."""
from __future__ import annotations

import os
from pathlib import Path

# The project root is the folder holding data/, notebooks/ and reports/. It is found from the
# current directory (so an installed package works on a user's own project) and can be set with
# FRAMING_HOME.
def project_root() -> Path:
    env = os.environ.get("FRAMING_HOME")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "raw").is_dir():
            return folder
    return here


def raw_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "data" / "raw"


def corpus_folder(name_or_path: str | Path, root: Path | None = None) -> Path:
    """The raw folder a user means: the path itself when it is a folder, else `data/raw/<name>`
    when that is one (so `framing report my-event` works), else the path unchanged for the caller
    to report as missing."""
    path = Path(name_or_path)
    if path.is_dir():
        return path
    named = raw_dir(root) / path
    return named if len(path.parts) == 1 and named.is_dir() else path


def corpus_folders(names=None, root: Path | None = None) -> list[Path]:
    """The raw folders to work on: the ones given (each as `corpus_folder` reads it), or else every
    folder of data/raw/ except hidden ones."""
    if names:
        return [corpus_folder(name, root) for name in names]
    base = raw_dir(root)
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if base.is_dir() else []


def processed_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "data" / "processed"


def reports_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "reports"


# The notebooks that come with framing (beside src/ in the project), for a project folder of a
# user's own that has data/raw/ but no notebooks/.
SHIPPED_NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def notebooks_dir(root: Path | None = None) -> Path:
    own = (root or project_root()) / "notebooks"
    return SHIPPED_NOTEBOOKS if not own.is_dir() and SHIPPED_NOTEBOOKS.is_dir() else own


# Kinds of kept block. Content kinds carry the story; meta kinds are kept for provenance and metadata
# and are left out of the analyses by default.
CONTENT_KINDS = ("headline", "subtitle", "subheading", "body", "list_item")
META_KINDS = ("byline", "date")
KINDS = CONTENT_KINDS + META_KINDS

# The seed corpus shipped with the project.
SEED_CORPUS = "ukraine-nato-2025-02-12"
