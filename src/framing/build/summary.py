"""What a build says of itself: the lines `framing build` and `framing report` print (what was
read and kept, what was reused, which files changed since the last build) and the outlets its
`build.json` records as named from a url or renamed after their site."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd

from ..ingest import MAX_LISTED, Problem
from ..ingest.outlets import FROM_URL, merges_text
from ..store.words import counted, short_list


def counts_line(info: dict) -> str:
    """What a build read and kept, from its `build.json` record, as `framing build` and `framing
    report` both print it: "3 articles read, 2 kept, 1 skipped; 50 sentences, 134 lines removed" (thousands
    with commas; files that could not be read at all, a .pdf say, are no articles read: "…, 1 skipped,
    2 files not read (see the warnings); …"), the outlets named after the host of the articles' url ("3 articles read, 3
    kept (2 with the outlet inferred from the url: nytimes.com (1), cnn.com (1)), 0 skipped; …") and
    the inferred outlets renamed as other articles of their site name them (`name_outlets`: "…
    (3 named as other articles of their site: nytimes.com → The New York Times (3))…")."""
    kept, skipped = int(info.get("articles", 0)), int(info.get("articles_skipped", 0))
    notes = []
    if from_url := info.get("outlets_from_url"):
        notes.append(f"{sum(from_url.values()):,} with the outlet inferred from the url: "
                     f"{short_list([f'{outlet} ({count:,})' for outlet, count in from_url.items()], MAX_LISTED)}")
    if merges := info.get("outlet_merges"):
        notes.append(f"{sum(merge['articles'] for merge in merges):,} named as other articles of their site: "
                     f"{merges_text(merges)}")
    named = f" ({'; '.join(notes)})" if notes else ""
    unread = int(info.get("files_unread", 0))
    files = f", {counted(unread, 'files')} not read (see the warnings)" if unread else ""
    return (f"{counted(kept + skipped, 'articles')} read, {kept:,} kept{named}, {skipped:,} skipped{files}; "
            f"{counted(int(info.get('sentences', 0)), 'sentences')}, {counted(int(info.get('removed_lines', 0)), 'lines')} removed")


EXACT_COPY_SKIPPED = ", which is kept (the copy read first): skipped; delete one of the two"
_EXPORT_ROW = re.compile(r"^(?P<file>.+) row (?P<row>\d+)$")


def grouped_problems(problems: list[Problem]) -> list[Problem]:
    """The problems as `framing build` and `framing report` print them: the rows of one export
    skipped as exact copies of rows kept are one problem, "export.jsonl: 5 rows are the same
    article as a row read before them, which is kept (the copy read first): skipped; delete one of
    each pair: row 9 (same as row 1), row 10 (same as row 2), …", in the place of the first;
    every other problem, and a copy alone in its file, as it is. `build.json` keeps each one."""
    groups: dict[str, list[Problem]] = {}
    for problem in problems:
        if (match := _EXPORT_ROW.match(problem.file)) and problem.copy_of and problem.copy_of[1] \
                and problem.message.endswith(EXACT_COPY_SKIPPED):
            groups.setdefault(match["file"], []).append(problem)
    grouped = {id(problem): file for file, group in groups.items() if len(group) > 1 for problem in group}
    said, out = set(), []
    for problem in problems:
        file = grouped.get(id(problem))
        if file is None:
            out.append(problem)
        elif file not in said:
            said.add(file)
            out.append(_copies_problem(file, groups[file]))
    return out


def _copies_problem(file: str, copies: list[Problem]) -> Problem:
    """One problem for the rows of export `file` skipped as exact copies of rows kept."""
    pairs = [f"row {_EXPORT_ROW.match(p.file)['row']} (same as {_row_in(p.copy_of[0], file)})" for p in copies]
    return Problem(file, f"{counted(len(copies), 'rows')} are the same article as a row read before them, which is "
                         f"kept (the copy read first): skipped; delete one of each pair: "
                         f"{short_list(pairs, MAX_LISTED)}", skipped=len(copies))


def _row_in(where: str, file: str) -> str:
    """"row 3" for a row of `file` itself, else `where` as it is ("other.csv row 3", "page.txt")."""
    match = _EXPORT_ROW.match(where)
    return f"row {match['row']}" if match and match["file"] == file else where


def reuse_note(n_reused: int | None, *, fresh: bool = False) -> str:
    """What a build took from the last one, as `framing build` and `framing report` print it:
    nothing on a first build (`n_reused` None) or with --fresh, said so rather than as "0
    unchanged" (as if every article had changed); none when framing's build rules changed or every
    file did; else how many articles it reused."""
    if n_reused is None:
        return "first build of these tables"
    if fresh:
        return "every article processed again: --fresh"
    if n_reused == 0:
        return "no article taken from the last build: every one processed again"
    return f"{n_reused:,} of the articles unchanged since the last build"


def changes_line(before: dict | None, after: dict) -> str | None:
    """Which files the tables gained or lost since the last build, from the `inputs` of the two
    `build.json` records: "added reuters.txt; left out cnn-scotus.txt; renamed foxnews article.txt →
    fox.txt; changed export.csv (2 rows new or edited, 1 gone; title edited in 3 rows); metadata
    edited for fox.txt (outlet)" ("left out": deleted, or skipped now; a file is renamed when another
    name now holds exactly its articles; an export's rows are counted by their text, so an edited
    text is one row new and one gone, and a row of the same text is edited when one of its
    `METADATA_CELLS` is; a file of one article whose text is the same is named when one of its
    cells is, as by an edit of manifest.csv). None when the files are those of the last build, or
    there was none."""
    if not before:
        return None
    old, new = _input_files(before), _input_files(after)
    added = sorted(name for name in new if name not in old)
    gone = sorted(name for name in old if name not in new)
    renamed = []
    for name in list(gone):
        moved = next((other for other in added if new[other].keys() == old[name].keys()), None)
        if moved is not None:
            renamed.append(f"{name} → {moved}")
            gone.remove(name)
            added.remove(moved)
    same_rules = before.get("build_version") == after.get("build_version")  # else cells may be read anew
    changed, cells = [], []
    for name in sorted(name for name in new if name in old):
        edited = _cells_edited(old[name], new[name]) if same_rules else {}
        if max(len(old[name]), len(new[name])) > 1:
            if old[name].keys() != new[name].keys() or edited:
                changed.append(name + _rows_changed(old[name], new[name], edited))
        elif old[name].keys() != new[name].keys():
            changed.append(name)
        elif edited:
            cells.append(f"{name} ({', '.join(edited)})")
    parts = [f"{what} {short_list(names, MAX_LISTED)}" for what, names in
             (("added", added), ("left out", gone), ("renamed", renamed), ("changed", changed),
              ("metadata edited for", cells)) if names]
    return "; ".join(parts) or None


METADATA_CELLS = ("event", "outlet", "title", "subtitle", "author", "published", "url", "extra")
# Cells hashed even when empty, so that a record without them (a build before they were hashed)
# is told from one where they were empty, and not compared: `extra`, the export's other columns.
ALWAYS_HASHED = ("extra",)


def metadata_digests(articles: pd.DataFrame) -> list[dict[str, str]]:
    """For each article, a short hash of each of its `METADATA_CELLS` that has a value (and of
    those `ALWAYS_HASHED`), so that the next build can say which cells of which rows or files were
    edited without `build.json` holding the titles themselves."""
    present = [name for name in METADATA_CELLS if name in articles]
    return [{name: hashlib.sha256(str("" if _missing(value) else value).encode("utf-8")).hexdigest()[:8]
             for name, value in zip(present, row) if name in ALWAYS_HASHED or not _missing(value)}
            for row in articles[present].itertuples(index=False)]


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value))) or value == ""


def _cells_edited(old: dict[str, dict], new: dict[str, dict]) -> dict[str, int]:
    """{cell: articles} of the articles of one file whose text is unchanged and whose cell is not,
    most first; a cell is compared only where the last build recorded cells (older records have
    none), and one `ALWAYS_HASHED` only where it recorded that one. `extra` is counted only when no
    other cell of the article changed: it keeps the date as written too, so a date edited is
    counted once, as `published`."""
    edited: dict[str, int] = {}
    for text in new.keys() & old.keys():
        if old[text]:
            changed = [name for name in METADATA_CELLS if old[text].get(name) != new[text].get(name)
                       and (name not in ALWAYS_HASHED or name in old[text])]
            for name in changed if changed == ["extra"] else [name for name in changed if name != "extra"]:
                edited[name] = edited.get(name, 0) + 1
    return dict(sorted(edited.items(), key=lambda kv: (-kv[1], METADATA_CELLS.index(kv[0]))))


def _rows_changed(old: dict[str, dict], new: dict[str, dict], edited: dict[str, int]) -> str:
    """What changed in an export (several rows), by the rows' text and by their `edited` cells:
    " (2 rows new or edited, 1 gone; title edited in 3 rows, published in 1)"."""
    gained, lost = len(new.keys() - old.keys()), len(old.keys() - new.keys())
    said = [f"{counted(gained, 'rows')} new or edited"] * bool(gained) + [f"{lost:,} gone"] * bool(lost)
    cells = [f"{name} edited in {counted(n, 'rows')}" if i == 0 else f"{name} in {n:,}"
             for i, (name, n) in enumerate(edited.items())]
    return f" ({'; '.join(part for part in (', '.join(said), ', '.join(cells)) if part)})"


def _input_files(info: dict) -> dict[str, dict[str, dict]]:
    """Each input file of a `build.json` record: the hashes of its articles' text, each with the
    hashes of its metadata cells (empty in records of older builds and for one-article files)."""
    files: dict[str, dict[str, dict]] = {}
    for row in info.get("inputs") or []:
        files.setdefault(str(row.get("source_file")), {})[str(row.get("raw_sha256"))] = row.get("metadata") or {}
    return files


def last_build_info(out: Path) -> dict | None:
    """The `build.json` record of the tables in `out`, if there is one that can be read: what
    `changes_line` compares a new build with."""
    try:
        return json.loads((Path(out) / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


COPY_FOUND_CLEANED = "once both are cleaned"  # in the warning of an article skipped as a copy (`copies`)


def copies_in_last_build(raw_folder: Path) -> tuple[str, dict[str, list[str]]]:
    """What the last build of the corpus in `raw_folder` (its tables in the project's
    data/processed/<corpus>/) said of the articles it skipped as the same article as another once
    both were cleaned, for `framing explain`, which cleans one file and cannot tell: ("current",
    {where: [message]}) when the folder is as it was built (the same input gives the same copies),
    ("stale", …) when a file was added, removed or edited since, ("none", {}) with no build. `where`
    is a file, or "<file> row <n>", as the warnings name it."""
    from ..config import processed_dir, project_of
    from ..store import raw_listing_sha256

    project = project_of(raw_folder)
    info = None if project is None else last_build_info(processed_dir(project) / Path(raw_folder).name)
    if info is None:
        return "none", {}
    said: dict[str, list[str]] = {}
    for line in info.get("problems", []):
        where, _, message = line.partition(": ")
        if COPY_FOUND_CLEANED in message:
            said.setdefault(where, []).append(message)
    current = info.get("raw_listing_sha256") == raw_listing_sha256(raw_folder)
    return ("current" if current else "stale"), said


def outlets_from_url(articles: pd.DataFrame) -> dict[str, int]:
    """{outlet: articles} of the articles whose outlet is the host of their url (`FROM_URL` in
    `inferred`, and not renamed by `name_outlets`), most articles first."""
    if articles.empty or "inferred" not in articles:
        return {}
    from_url = articles["inferred"].fillna("").str.split(",").map(lambda names: FROM_URL in names)
    from_url &= articles["outlet"] == articles["outlet_inferred"]
    counts = articles.loc[from_url, "outlet"].value_counts()
    return {str(outlet): int(n) for outlet, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


def outlet_merges(articles: pd.DataFrame) -> list[dict]:
    """The inferred outlets `name_outlets` renamed as their site's other articles name it: [{"from":
    "nytimes.com", "to": "The New York Times", "articles": 3}], most articles first."""
    if articles.empty or "outlet_inferred" not in articles:
        return []
    renamed = articles[articles["outlet_inferred"].notna() & (articles["outlet"] != articles["outlet_inferred"])]
    counts = renamed.groupby(["outlet_inferred", "outlet"]).size()
    return [{"from": str(old), "to": str(new), "articles": int(n)}
            for (old, new), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
