"""Paths and names defined once. Functions take paths as arguments; these are only the defaults."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

# The project root is the folder holding data/, notebooks/ and reports/. It is found from the
# current directory (so an installed package works on a user's own project) and can be set with
# FRAMING_HOME.
def project_root(start: str | Path | None = None) -> Path:
    """The project of the current folder (or of `start`): the first folder at or above it that holds
    `data/raw/`, else that folder itself; `$FRAMING_HOME` when set."""
    env = os.environ.get("FRAMING_HOME")
    if env:
        return Path(env).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "raw").is_dir():
            return folder
    return here


def shown_path(path: str | Path, *, start: str | Path | None = None) -> str:
    """`path` as a report shows it: relative to the project (`lexicons/frames_generic.toml`) when it
    is inside it, so a report shared with others names no folder of this machine; else in full."""
    path = Path(path).resolve()
    try:
        return path.relative_to(project_root(start)).as_posix()
    except ValueError:
        return str(path)


def corpus_parameter(processed: str | Path, *, notebooks: str | Path) -> str:
    """The `corpus` a notebook run in the folder `notebooks` is given for the tables in `processed`:
    the corpus's name when the project found from that folder keeps them (`data/processed/<name>`),
    as a user writes it, else the path relative to that folder. Either way the executed notebook
    names no folder of this machine, and reruns where it lies (JupyterLab starts its kernel there)."""
    processed, notebooks = Path(processed).resolve(), Path(notebooks).resolve()
    if processed_dir(project_root(notebooks)).resolve() / processed.name == processed:
        return processed.name
    try:
        return Path(os.path.relpath(processed, notebooks)).as_posix()
    except ValueError:  # another drive (Windows): no relative path leads there
        return str(processed)


def project_of(folder: str | Path) -> Path | None:
    """The project whose `data/raw/` holds the corpus folder `folder` (`<project>/data/raw/<corpus>`),
    so its outputs go to that project's `data/processed/` and `reports/` wherever the command runs
    from; None for a corpus folder elsewhere (the project is then the one found from the current
    folder, `project_root`)."""
    raw = Path(folder).resolve().parent
    return raw.parent.parent if raw.name == "raw" and raw.parent.name == "data" else None


def raw_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "data" / "raw"


class UsageError(ValueError):
    """Something the user asked for that framing will not or cannot do: a corpus name that names
    nothing, an output folder it does not own, a scheduler it cannot reach. The message is one line
    naming the path (or address) and the fix; the command prints it without a traceback."""


def corpus_folder(name_or_path: str | Path, root: Path | None = None) -> Path:
    """The raw folder a user means, resolved (`.` and `..` become the real folder, so its name is
    the corpus name): the path itself when it is a folder, else `data/raw/<name>` when that is one
    (so `framing report my-event` works), else the path unchanged for the caller to report as
    missing. An empty name is refused."""
    text = str(name_or_path)
    if not text.strip():
        raise UsageError("an empty corpus name: give a corpus folder (data/raw/<corpus>) or its name")
    path = Path(text).expanduser()
    if not path.is_dir() and len(path.parts) > 1:
        path = written_otherwise(path.parent, path.name) or path
    if path.is_dir():
        folder = path.resolve()
    else:
        named = raw_dir(root) / text
        named = named if named.is_dir() or len(path.parts) > 1 else written_otherwise(raw_dir(root), text) or named
        folder = named.resolve() if len(path.parts) == 1 and named.is_dir() else path
    if folder.is_dir() and not folder.name:
        raise UsageError(f"{folder}: the root of the file system is not a corpus folder: give "
                         "data/raw/<corpus>")
    if folder.is_dir() and _is_raw_dir(folder, root):
        names = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        listed = f" (its corpora: {', '.join(names[:10])}{', …' if len(names) > 10 else ''})" if names else ""
        raise UsageError(f"{folder}: is the folder of corpora, not a corpus{listed}: name one of them, "
                         "or give no corpus to take every one, each on its own")
    return folder


def written_otherwise(base: Path, name: str) -> Path | None:
    """The one folder of `base` whose name is `name` with its accents written the other way, when
    `name` itself names none: "é" typed as one character or as "e" and a combining accent (macOS
    writes file names decomposed, keyboards and most systems composed; the two look the same on
    screen). None when no folder, or more than one, reads so."""
    wanted = unicodedata.normalize("NFC", name)
    if name.isascii() or (base / name).exists() or not base.is_dir():
        return None
    found = [p for p in base.iterdir() if p.is_dir() and unicodedata.normalize("NFC", p.name) == wanted]
    return found[0] if len(found) == 1 else None


def _is_raw_dir(folder: Path, root: Path | None) -> bool:
    """Whether `folder` is the project's data/raw/, which holds its corpora: read as one corpus,
    it would mix them all into one, named "raw"."""
    return _found_root(root) is not None and folder.resolve() == raw_dir(root).resolve()


def corpus_folders(names=None, root: Path | None = None) -> list[Path]:
    """The raw folders to work on: the ones given (each as `corpus_folder` reads it), or else every
    folder of data/raw/ except hidden ones, each once (a link to another of them is that folder)."""
    if names:
        return [corpus_folder(name, root) for name in names]
    base = raw_dir(root)
    return sorted({p.resolve() for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")}) \
        if base.is_dir() else []


def loose_files(root: Path | None = None) -> list[Path]:
    """The files put in data/raw/ itself rather than in a corpus folder of it: no corpus reads
    them. Hidden files are left out, as everywhere, and so is a README (notes on the raw data)."""
    base = raw_dir(root)
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir()
                  if not p.is_dir() and not p.name.startswith(".") and not is_corpus_notes(p.name))


def linked_corpora(root: Path | None = None) -> dict[str, Path]:
    """{name: real folder} for the folders of data/raw/ that are symbolic links to a folder of
    another name (`data/raw/mine` → `~/Documents/Articles 2024`). framing names a corpus by its real
    folder, so that corpus is `Articles 2024` to the commands; the loaders take either name."""
    base = raw_dir(root)
    if not base.is_dir():
        return {}
    found = {}
    for entry in sorted(base.iterdir()):
        if entry.is_symlink() and entry.is_dir() and not entry.name.startswith("."):
            real = entry.resolve()
            if real.name != entry.name:
                found[entry.name] = real
    return found


def real_corpus_name(name: str, root: Path | None = None) -> str:
    """The corpus a name stands for: the real folder's name when data/raw/<name> is a link to a
    folder named otherwise (`linked_corpora`), else the name itself."""
    real = linked_corpora(root).get(name)
    if real is not None:
        return real.name
    other = written_otherwise(raw_dir(root), name)  # the folder's name with its accents as written on disk
    return other.name if other is not None else name


def raw_folder_named(name: str, root: Path | None = None) -> Path:
    """The raw folder of the corpus `name` (a folder of data/processed/ is named after it):
    data/raw/<name>, or else the link in data/raw/ that leads to a folder of that name."""
    folder = raw_dir(root) / name
    if not folder.is_dir():
        for link, real in linked_corpora(root).items():
            if real.name == name:
                return raw_dir(root) / link
        return written_otherwise(raw_dir(root), name) or folder
    return folder


def check_output(out: str | Path, *, corpus: Path, root: Path | None = None) -> Path:
    """`out` resolved, when framing may write a corpus's outputs there; else UsageError naming the
    folder and the fix. Outputs never go inside the corpus folder (they would be read back as
    articles), and never into a folder that holds the corpus, data/raw or the project itself
    (replacing it would lose them). A file in the way is refused too. Ownership of an existing
    folder is checked when it is written (`store.claim_folder`)."""
    out, corpus = Path(out).expanduser().resolve(), Path(corpus).resolve()
    fix = "choose a new or empty folder of its own (e.g. --out results/<corpus>)"
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: is a file, not a folder: {fix}")
    if out == corpus or corpus in out.parents:
        raise UsageError(f"{out}: is inside the corpus folder {corpus}, whose files are read as "
                         f"articles: {fix}")
    guarded = [(corpus, "the corpus folder")]
    project = _found_root(root)
    if project is not None:
        guarded += [(project, "the project folder"), (raw_dir(project).resolve(), "data/raw")]
    for folder, what in guarded:
        if out in folder.parents:
            raise UsageError(f"{out}: holds {what} {folder}, which framing must never replace: {fix}")
        if out == folder:
            raise UsageError(f"{out}: is {what}, which framing must never replace: {fix}")
    return out


def in_a_project(root: Path | None = None) -> bool:
    """Whether framing runs in a project: `root` given, `$FRAMING_HOME` set, or a folder with
    data/raw/ at or above the current one. Outside one, a corpus name names nothing here."""
    return _found_root(root) is not None


def installed_project() -> Path | None:
    """The project framing was installed from (the clone `make` installs, `pip install -e`) when it
    holds data/raw/: where the corpora are that a command run from another folder most likely
    means; None for a package installed without one."""
    home = SHIPPED_NOTEBOOKS.parent
    return home if (home / "data" / "raw").is_dir() else None


def _found_root(root: Path | None) -> Path | None:
    """The project root when there is one (a folder with data/raw/, or FRAMING_HOME)."""
    found = (root or project_root()).resolve()
    return found if (found / "data" / "raw").is_dir() or root or os.environ.get("FRAMING_HOME") else None


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
META_KINDS = ("byline", "date", "post_credit")  # post_credit: "— Jane Roe (@jroe) May 4, 2019" under an embedded post
KINDS = CONTENT_KINDS + META_KINDS

# The seed corpus shipped with the project.
SEED_CORPUS = "ukraine-nato-2025-02-12"
# A corpus's own issue frames, beside its articles (`data/raw/<corpus>/issue_frames.toml`): read by
# the notebooks, not by the build.
ISSUE_FILE = "issue_frames.toml"


def is_corpus_notes(name: str) -> bool:
    """Whether a file of a corpus folder is its notes, by the name people give a folder's
    description (`README.md`, `readme.txt`, `README`): read by people, never as an article."""
    return Path(name).stem.casefold() == "readme"
