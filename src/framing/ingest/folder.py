"""Read a corpus folder into raw articles: list its files (`list_corpus`), read each by its
format (`read_file`, `iter_file`), attach the manifest's metadata, and leave out repeats
(`read_corpus`, `iter_corpus`)."""
from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import io
import os
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

from ..config import is_corpus_notes
from .articles import EXPORT_FORMATS, Problem, RawArticle, _where
from .decode import _open_text
from .duplicates import Duplicates
from .exports import BATCH_ROWS, PLAIN_TEXT_ALIASES, TEXT_ALIASES, _column, _header, _iter_export
from .manifest import MANIFEST, read_manifest, same_name
from .markdown import markdown_as_text

TEXT_EXTENSIONS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
# A `.json` file is read as JSON records: an array of article objects, or one object per line.
EXPORT_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl"}
# Files in a corpus folder that configure it rather than hold articles.
CONFIG_FILES = {MANIFEST, "issue_frames.toml"}
# A single article file larger than this is almost surely not one article (a whole site dump, a
# database export saved as .txt). Exports (CSV / JSON lines) may be as large as they like.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024


def read_corpus(folder: Path, *, clean_exports: bool = False, formats: tuple[str, ...] | None = None,
                notes: bool = False) -> tuple[list[RawArticle], list[Problem]]:
    """Read every article file of a corpus folder (sorted by name), with the manifest applied.
    `notes`: give the notes among the problems as well (`Problem.note`: which columns an export's
    fields were read from), as the build prints them."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for chunk, chunk_problems in iter_corpus(folder, clean_exports=clean_exports, formats=formats, notes=notes):
        articles.extend(chunk)
        problems.extend(chunk_problems)
    return articles, problems


def iter_corpus(folder: Path, *, chunk_size: int | None = None, formats: tuple[str, ...] | None = None,
                clean_exports: bool = False, duplicates: Duplicates | None = None, notes: bool = False
                ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """Read a corpus folder in chunks of about `chunk_size` articles (all at once when None), so a
    large corpus never has to fit in memory: exports (CSV / JSON lines) are read a block at a time
    and their rows may fall in several chunks. The same article met twice is kept once, wherever it
    is, and so is an article met again with a few characters or line breaks changed (see
    `Duplicates`). `formats` restricts reading to some formats ("text", "html", "csv", "jsonl");
    `clean_exports` asks for page cleaning of export rows whose manifest or export does not say.
    Yields (articles, problems): a file's problems come with the chunk its last article is in,
    the copies it holds named after them; the last chunk also reports manifest rows naming missing
    files. `duplicates`: the check to use (a new `Duplicates` by default; one given `known` texts of
    an earlier build spares re-hashing them). `notes`: as `read_corpus`."""
    folder = Path(folder)
    manifest, problems = read_manifest(folder)
    duplicates = Duplicates() if duplicates is None else duplicates
    paths, listing_problems = list_corpus(folder)
    problems.extend(listing_problems)
    listed: set[str] = set()
    chunk: list[RawArticle] = []
    batch = min(chunk_size or BATCH_ROWS, BATCH_ROWS)
    for path in paths:
        name = path.relative_to(folder).as_posix()
        listed.add(same_name(name))
        if formats is not None and file_format(path) not in formats:
            continue
        file_problems: list[Problem] = []
        copies: list[Problem] = []
        outlet_fix = manifest.fix(same_name(name), "outlet")
        for found, found_problems in iter_file(path, name=name, batch=batch, notes=notes):
            file_problems.extend(found_problems)
            found = [_with_manifest(article, manifest.of_file(same_name(name)), clean_exports=clean_exports,
                                    outlet_fix=outlet_fix)
                     for article in found]
            for article, (first, exact) in zip(found, duplicates.check_all(found)):
                if first is not None:
                    copies.append(_duplicate_problem(article, first, exact, duplicates.named.get(first, {})))
                    continue
                chunk.append(article)
                if chunk_size and len(chunk) >= chunk_size:
                    yield chunk, problems
                    chunk, problems = [], []
        problems.extend(file_problems + copies)
    for name in sorted(name for name in set(manifest) - listed if not manifest.names_folder(name, listed)):
        problems.append(Problem(MANIFEST, f"line {manifest.lines[name]} names {name!r}, which is not in {folder}"
                                          f"{_did_you_mean(name, listed - set(manifest))}: "
                                          "fix the file name in the manifest, add the file, or delete the line if "
                                          "the file was removed"))
    yield chunk, problems


def _did_you_mean(name: str, files: set[str]) -> str:
    """" (did you mean 'x'?)" naming the file of the folder the manifest's `name` most likely
    means (the same but for letter case, else the closest name by difflib), or "" when none is
    close; `files` are the folder's files that no manifest row names."""
    same_case = sorted(file for file in files if file.casefold() == name.casefold())
    close = same_case or difflib.get_close_matches(name, sorted(files), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _duplicate_problem(article: RawArticle, first: str, exact: bool, kept: dict[str, str]) -> Problem:
    """The warning for a copy skipped as the same article as `first` (the copy read first: by file
    name, a download's "page (1).html" after its original; kept with its own metadata: `kept`, its
    given outlet and event). When the skipped
    copy names an outlet or event that the kept one does not, the warning says so and how to keep
    them, for they are not in the tables."""
    given = {key: (article.given.get(key) or "").strip() for key in ("outlet", "event")}
    return duplicate_problem((first, exact, article.record, given["outlet"], given["event"]), _where(article), kept)


def duplicate_problem(copy_of: tuple, where: str, kept: dict[str, str], *, later: tuple[str, str] | None = None
                      ) -> Problem:
    """The warning for the copy at `where` skipped by the near-duplicate check (`copy_of`: as
    `Problem.copy_of`), the copy it duplicates being kept with `kept` (its given outlet and event);
    or, with `later` (where the copy kept is, why it is kept), the copy it duplicates being left out
    in turn as the same article as another once both are cleaned, so that the warning names the copy
    the tables hold, with that copy's outlet and event as `kept`."""
    first, exact, record, outlet, event = copy_of
    lost = lost_metadata({"outlet": outlet, "event": event}, kept)
    held, reason = later if later else (first, "the copy read first")
    fix = copy_fix(lost, held, kept)
    said = f"is the same article as {first}" if exact else \
        f"nearly duplicates {first} (the same text but for a few characters or line breaks)"
    if later:  # three copies: deleting this one is what ends the warning
        said += f", which is skipped in turn as the same article as {held} once both are cleaned; {held} is kept"
        fix = fix if lost else "delete this copy"
        tail = "" if exact or lost else f", or give it an outlet of its own {where_outlets(record)} if it is wanted too"
    else:
        said += ", which is kept"
        tail = "" if exact or lost else f", or give them different outlets {where_outlets(record)} if both are wanted"
    return Problem(where, f"{said} ({reason}): skipped; {fix}{tail}", skipped=1, copy_of=copy_of)


def lost_metadata(given: dict, kept: dict[str, str]) -> dict[str, str]:
    """The outlet and event `given` to a copy that is skipped which the copy kept is not given
    (`kept`: its given outlet and event): they are not in the tables."""
    return {key: value for key in ("outlet", "event") if (value := (given.get(key) or "").strip())
            and value.casefold() != (kept.get(key) or "").casefold()}


def copy_fix(lost: dict[str, str], first: str, kept: dict[str, str]) -> str:
    """What to do about a copy skipped as the same article as `first`: delete one of the two, or,
    when the skipped copy was given an outlet or event the kept one is not (`lost_metadata`), how
    to keep them."""
    if not lost:
        return "delete one of the two"
    named = " and ".join(f"{key} {value!r}" for key, value in lost.items())
    has = " and ".join(f"{key} {kept[key]!r}" for key in lost if kept.get(key))
    return (f"the {named} given to this copy {'are' if len(lost) > 1 else 'is'} not in the tables "
            f"({first} is given {has or 'none'}{'' if has else ' and keeps what its text says'}): to keep "
            f"{'them' if len(lost) > 1 else 'it'}, give {'them' if len(lost) > 1 else 'it'} to {first} in manifest.csv, or delete {first}")


def where_outlets(record: int | None) -> str:
    """Where a user gives an article its outlet: an export row (`record` not None) in its file's
    outlet column (the manifest names files, not rows), a file in manifest.csv."""
    return "in the export's 'outlet' column" if record is not None else "in manifest.csv"


def corpus_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, sorted: not hidden, not the corpus's configuration nor
    its notes (a README), not behind a symlink leading out of the folder."""
    return list_corpus(folder)[0]


def list_corpus(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The article files of a corpus folder (see `corpus_files`) and the problems met listing them:
    symlinks leading out of the folder, file names that are not UTF-8, unreadable subfolders.
    Symlinked subfolders are not followed (their files are read where they really are)."""
    folder = Path(folder)
    root = folder.resolve()
    files: list[Path] = []
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        try:
            where = _display(Path(error.filename).relative_to(folder).as_posix())
        except (TypeError, ValueError):
            where = "."
        problems.append(Problem(where, f"is a folder that cannot be read ({error.strerror}): skipped; "
                                       "check its permissions"))

    for base, dirs, names in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(base)
        resources = _page_resources(dirs, names)
        for entry in resources:
            problems.append(Problem(_display((here / entry).relative_to(folder).as_posix() + "/"),
                                    _PAGE_RESOURCES.format(page=_display(resources[entry]))))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in resources)
        for entry in sorted(dirs) + sorted(names):
            path = here / entry
            relative = path.relative_to(folder).as_posix()
            if entry.startswith(".") or relative in CONFIG_FILES:
                continue
            if entry == MANIFEST and entry not in dirs:  # one per event's sub-folder, say
                problems.append(Problem(_display(relative), _NESTED_MANIFEST.format(
                    folder=_display(Path(relative).parent.as_posix()))))
                continue
            if path.is_symlink() and not _inside(path, root):
                problems.append(Problem(_display(relative), "is a link to something outside the corpus "
                                                            "folder: skipped; copy the file into the "
                                                            "folder if it belongs to the corpus", unread=1))
                continue
            if entry in dirs or is_corpus_notes(entry):  # a README: the corpus's notes
                continue
            if path.is_symlink() and not path.exists():
                problems.append(Problem(_display(relative), "is a link to a file that does not exist: "
                                                            "skipped; remove the link", unread=1))
                continue
            if not _utf8(relative):
                problems.append(Problem(_display(relative), "has a file name that is not valid UTF-8: "
                                                            "skipped; rename the file", unread=1))
                continue
            if path.is_file():
                files.append(path)
    return sorted(files, key=_reading_order), problems


# The marks a browser or file manager adds to a second copy's name: "page (1).html" (browsers),
# "page copy.html", "page copy 2.html" (macOS), "page - Copy.html", "page - Copy (2).html" (Windows).
_COPY_MARK = re.compile(r"(?: \(\d+\)| - copy(?: \(\d+\))?| copy(?: \d+)?)$", re.IGNORECASE)


def _reading_order(path: Path) -> tuple[Path, bool, Path]:
    """Files by name, a copy right after the file it copies ("page.html", then "page (1).html"):
    of two copies of one article the first read is kept, and that is the original, which the
    manifest names, rather than the download that sorts before it (" (1)" sorts before ".html")."""
    stem = _COPY_MARK.sub("", path.stem)
    return path.with_name(stem + path.suffix), stem != path.stem, path


_PAGE_RESOURCES = ("holds the images, scripts and frames of the saved page {page} (a browser's \"Web "
                   "Page, complete\"): not read as articles")


def _page_resources(dirs: list[str], names: list[str]) -> dict[str, str]:
    """The folders of `dirs` that a browser's "save page, complete" wrote beside a saved page:
    `<name>_files` next to `<name>.html` or `<name>.htm` of `names`; each with its page's name."""
    pages = {Path(name).stem: name for name in sorted(names, reverse=True)
             if Path(name).suffix.lower() in (".html", ".htm")}
    return {d: pages[d[:-len("_files")]] for d in dirs
            if d.endswith("_files") and d[:-len("_files")] in pages}


_NESTED_MANIFEST = ("is a manifest in a sub-folder: not read (only the corpus folder's own manifest.csv "
                    "is); move its rows into that one, naming each file by its path in the corpus, "
                    "e.g. {folder}/page.html")


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a broken or looping link
        return False


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _display(name: str) -> str:
    """A file name safe to print on one line and store: bytes that are not UTF-8 shown as \ufffd,
    control characters (a line break in a name) as escapes."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return re.sub("[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", name)


def file_format(path: Path) -> str | None:
    """"text", "html", "csv" or "jsonl" from the file's extension; None when unknown."""
    suffix = path.suffix.lower()
    return TEXT_EXTENSIONS.get(suffix) or EXPORT_EXTENSIONS.get(suffix)


# What to do with files people often have, beyond the list of extensions framing reads.
_EXTENSION_HINTS = {
    ".tsv": " (a tab-separated export: rename it to .csv; the separator is found from its header)",
    ".xlsx": " (a spreadsheet: save it as CSV)", ".xls": " (a spreadsheet: save it as CSV)",
    **dict.fromkeys((".mhtml", ".mht", ".webarchive"), " (a web page saved as a single file: save it from the "
                    "browser as \"Web Page, HTML only\" (.html), or copy the article's text into a .txt file)"),
    **dict.fromkeys((".pdf", ".docx", ".doc", ".odt", ".rtf", ".pages"),
                    " (a document: copy the article's text into a .txt file, or export it as plain text)")}


# Compressed files and archives, with the command that unpacks one beside itself and keeps it: saved
# pages often come gzipped (a crawl, `wget --compression`, a shared data set); framing reads no archive.
_UNPACK = {".gz": "gunzip -k {file}", ".bz2": "bunzip2 -k {file}", ".xz": "unxz -k {file}",
           ".zip": "unzip {file} -d {folder}", ".tar": "tar -xf {file} -C {folder}",
           ".tgz": "tar -xzf {file} -C {folder}", ".7z": "7z x {file} -o{folder}"}


def _archive_hint(path: Path) -> str:
    """The hint for a compressed file or archive: unpack it into the corpus folder (the command,
    with the path as seen from where framing runs), naming what it holds when its name says
    (`page.html.gz` holds a page framing reads)."""
    command = _UNPACK.get(path.suffix.lower())
    if command is None:
        return ""
    shown = Path(os.path.relpath(path)) if not os.path.relpath(path).startswith("..") else path.resolve()
    inner = Path(path.stem).suffix.lower()
    holds = f"the {inner} file inside is read once unpacked" if inner in TEXT_EXTENSIONS | EXPORT_EXTENSIONS \
        else "the articles inside are read once unpacked"
    unpack = command.format(file=shlex.quote(str(shown)), folder=shlex.quote(str(shown.parent)))
    return f" (a compressed file: {holds}; unpack it into the corpus folder, `{unpack}`, and move the compressed file out)"


def read_file(path: Path, *, name: str | None = None, notes: bool = False) -> tuple[list[RawArticle], list[Problem]]:
    """Read one file into articles (one for a page, one per row for an export); `notes`: as
    `read_corpus`."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for found, found_problems in iter_file(path, name=name, notes=notes):
        articles.extend(found)
        problems.extend(found_problems)
    return articles, problems


def iter_file(path: Path, *, name: str | None = None, batch: int = BATCH_ROWS, notes: bool = False
              ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """`_iter_file`, the notes among its problems left out unless `notes` (see `read_corpus`)."""
    for found, problems in _iter_file(path, name=name, batch=batch):
        yield found, problems if notes else [problem for problem in problems if not problem.note]


def _iter_file(path: Path, *, name: str | None = None, batch: int = BATCH_ROWS
               ) -> Iterator[tuple[list[RawArticle], list[Problem]]]:
    """Read one file into articles, as batches of (articles, problems). A page is one batch. An
    export (CSV / JSON lines) is read `BLOCK_BYTES` at a time and its rows come `batch` at a time,
    so memory does not grow with its size; its problems (broken rows, rows without text) come with
    its last batch, each still one line naming all its rows."""
    name = _display(name or path.name)
    kind = file_format(path)
    if kind is None:
        known = ", ".join(sorted(TEXT_EXTENSIONS | EXPORT_EXTENSIONS))
        hint = _EXTENSION_HINTS.get(path.suffix.lower(), "") or _archive_hint(path)
        yield [], [Problem(name, f"unknown extension {path.suffix.lower() or '(none)'!r}: skipped; "
                                 f"save articles as one of {known}{hint}", unread=1)]
        return
    try:
        if kind in EXPORT_FORMATS:
            yield from _iter_export(functools.partial(path.open, "rb"), name=name, kind=kind, batch=batch)
            return
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            yield [], [Problem(name, f"is {size / 2**20:.0f} MB, too large for one article: skipped; "
                                     "split it into one file per article, or save it as CSV / JSON lines",
                                 unread=1)]
            return
        data = path.read_bytes()
    except OSError as error:  # deleted while the build ran, no permission, a folder named *.txt
        reason = error.strerror or type(error).__name__
        yield [], [Problem(name, f"could not be read ({reason}): skipped; check that the file exists "
                                 "and that you may read it", unread=1)]
        return
    yield read_bytes(data, name=name, kind=kind)


def read_bytes(data: bytes, *, name: str, kind: str) -> tuple[list[RawArticle], list[Problem]]:
    """The articles in the raw bytes of one file of format `kind`."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    if kind in EXPORT_FORMATS:
        for found, found_problems in _iter_export(functools.partial(io.BytesIO, data), name=name, kind=kind,
                                                  batch=BATCH_ROWS):
            articles.extend(found)
            problems.extend(found_problems)
        return articles, problems
    text, problem = _open_text(functools.partial(io.BytesIO, data), name=name)
    if problem is not None:
        return [], [problem]
    sha = hashlib.sha256(data).hexdigest()
    content = "".join(text.blocks())
    warnings = text.warnings
    columns = _export_header(content) if kind == "text" else None
    if columns:  # a CSV export saved under .txt: its rows are the articles, not one page
        note = (f"is a CSV export (its first line names the columns {columns}), not one article's text: "
                "its rows read as articles (name it .csv to say so)")
        articles, problems = read_bytes(data, name=name, kind="csv")  # (file notes: named once, as for exports)
        return [dataclasses.replace(a, warnings=a.warnings + (note,)) for a in articles], [Problem(name, note)] + problems
    if kind == "text" and _HTML_DOCUMENT.match(content):
        kind = "html"  # a page's source saved under .txt: its markup is no article text
        warnings += ("holds a web page's HTML source, not its text: read as a saved web page "
                     "(name it .html to say so)",)
    elif name.lower().endswith(".md"):
        content = markdown_as_text(content)
    return [RawArticle(name, None, kind, content, text.encoding, sha, {}, warnings)], []


def _export_header(content: str) -> str | None:
    """The columns of a text that opens with a CSV header naming the article text ("text,outlet,title",
    "Body;Source"): two to fifty cells, each one word; None for any other text."""
    first = next((line for line in content.splitlines() if line.strip()), "")
    if len(first) > 2000:
        return None
    _, cells = _header(first, needed=("text",) + TEXT_ALIASES)
    names = [cell.strip() for cell in cells]
    if not 2 <= len(names) <= 50 or not all(name and " " not in name and len(name) <= 40 for name in names):
        return None
    folded = {_column(name) for name in names}
    return ", ".join(names) if folded & ({"text", *TEXT_ALIASES} - set(PLAIN_TEXT_ALIASES)) else None


# The opening of an HTML document (a page's source, as "Save as" in a browser's source view or
# `curl` writes it), after any blank lines and comments.
_HTML_DOCUMENT = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def _with_manifest(article: RawArticle, values: dict, *, clean_exports: bool = False,
                   outlet_fix: str = "") -> RawArticle:
    values = dict(values)
    extra = {**article.extra, **values.pop("extra", {})}
    warnings = article.warnings + values.pop("warnings", ())
    given = {**article.given, **values}
    if clean_exports and article.format in EXPORT_FORMATS and "clean" not in given:
        given["clean"] = "yes"
    if given == article.given and extra == article.extra and warnings == article.warnings \
            and outlet_fix == article.outlet_fix:
        return article
    return dataclasses.replace(article, given=given, extra=extra, warnings=warnings, outlet_fix=outlet_fix)
