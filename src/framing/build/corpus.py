"""A whole corpus built: `build_tables` (in memory) and `build_corpus` (streamed to disk chunk by
chunk), `BUILD_VERSION` and the build key of an article, `build_info` (what `build.json` records),
`explain_inputs` (what `framing explain` shows). The other modules of `framing.build` do the parts
(see its docstring).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from functools import lru_cache
from pathlib import Path, PurePosixPath

import pandas as pd

from .. import lexicons, segment
from ..ingest import (EXPORT_FORMATS, MANIFEST, MAX_LISTED, Duplicates, Problem, RawArticle, column_words, iter_corpus,
                      read_corpus)
from ..ingest.folder import duplicate_problem
from ..ingest.outlets import name_outlets
from ..lexicons import load_data
from .article import NO_OUTLET, site_repeats, warning_problems, with_outlet_fixes
from .copies import Found, SameArticles
from .reuse import (TEXTS_SEEN, previous_articles, previous_rows, reusable_rows, save_texts_seen,
                    texts_seen)
from .schema import (ARTICLE_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS, Build, assemble, in_corpus_order,
                     typed_table)
from .summary import metadata_digests, outlet_merges, outlets_from_url
from .workers import article_runner


# The version of what the build writes. Bump it with any change to what the build writes for
# some input (a row, a column, a value, a warning of the articles, sentences or removed tables, or
# what the near-duplicate check remembers in .texts-seen.parquet): every user's tables are then
# built again instead of being reused. Moving or commenting code needs no bump.
# tests/test_build_version.py fails when the tables of its sample corpora change while this does not.
BUILD_VERSION = "2026.12.25"
COLUMNS_READ = "columns read: "  # how the note naming the columns of an export opens (`ingest.exports`)
_BUILD_DATA = ("furniture*.toml", "clean_*.toml", "punkt*.toml")  # the data files the build reads


@lru_cache(maxsize=1)
def version_key() -> str:
    """`BUILD_VERSION` and a digest of the cleaning and sentence data in use (the project's own copy
    in `lexicons/` where there is one, else the shipped file): a new version or an edit of those
    files rebuilds everything; editing an analysis or a frame lexicon never does. Read once per
    process, as the cleaning rules are."""
    shipped = [p for pattern in _BUILD_DATA for p in (Path(__file__).parents[1] / "data").glob(pattern)]
    digest = hashlib.sha256(BUILD_VERSION.encode() + b"\0")
    for path in sorted(shipped):
        in_use = Path(str(lexicons.data_file(path.stem)))
        digest.update(in_use.name.encode() + b"\0" + in_use.read_bytes())
    return digest.hexdigest()


def build_key(raw: RawArticle, corpus: str, repeats: frozenset[str]) -> str:
    """What an article's rows depend on: its content, its given metadata, the site repeats it was
    cleaned with, the corpus name, and the build's version and data (`version_key`). Not the
    manifest's advice for an article with no outlet (`outlet_fix`: a line number, a column to add),
    which changes with any edit of manifest.csv and is written into the reused rows anew
    (`with_outlet_fixes`): it made every page whose outlet is read from the page clean again."""
    digest = hashlib.sha256()
    for part in (raw.raw_sha256, raw.source_file, str(raw.record), corpus, version_key(),
                 json.dumps(raw.given, sort_keys=True), json.dumps(raw.extra, sort_keys=True),
                 "", *sorted(repeats)):  # "": where the advice was (dropping it changes every key: a new BUILD_VERSION)
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:24]


def _build_keys(raws: list[RawArticle], corpus: str, repeats: dict[str, frozenset[str]]) -> dict[str, str]:
    return {raw.article_id: build_key(raw, corpus, repeats.get(raw.article_id, frozenset()))
            for raw in raws}


def build_tables(raw_folder: Path, *, corpus: str | None = None, previous: Build | None = None,
                 workers: int = 1, scheduler: str | None = None, progress: bool = False,
                 clean_exports: bool = False) -> Build:
    """Read and clean every article of `raw_folder`, in memory. Returns the tables; writes nothing.

    With `previous` (the last build of the same corpus), articles whose content, metadata, site
    repeats and build version (`version_key`) are unchanged are taken from it instead of being
    processed again; articles no longer in the folder are dropped. `workers` > 1 processes articles
    in parallel; `scheduler` runs them on Dask instead (see `workers.run_on_dask`). For corpora
    too large for memory, `build_corpus` streams the same steps chunk by chunk to disk.
    `clean_exports` cleans the text of CSV / JSON-lines rows as a page (by default it is taken as
    clean article text)."""
    raw_folder = Path(raw_folder)
    corpus = corpus or raw_folder.name
    raws, problems = read_corpus(raw_folder, clean_exports=clean_exports, notes=True)
    repeats = site_repeats(raws)
    build = build_chunk(raws, problems, corpus=corpus, repeats=repeats, previous=previous,
                        runner=article_runner(workers, scheduler, progress))
    named = name_outlets(build.articles)
    build.articles, build.sentences = (with_outlets(table, named.outlets) for table in (build.articles, build.sentences))
    same = SameArticles()
    same.add(raws, build.articles, build.sentences)
    found = same.find()
    build.n_reused -= _reused_among(build.articles, found.skipped, None if previous is None else previous.articles)
    build.articles, build.sentences, build.removed = (
        _without(table, found.skipped) for table in (build.articles, build.sentences, build.removed))
    build.problems, build.notes = _with_copies(build.problems, build.notes, found)
    build.count_removed(build.removed)
    build.problems = group_files(build.problems) + unnamed_events(build.articles, corpus) + \
        unread_event_columns(build.articles) + unread_event_folders(build.articles) + named.problems
    return build


def build_corpus(raw_folder: Path, out: Path, *, corpus: str | None = None, fresh: bool = False,
                 workers: int = 1, scheduler: str | None = None, progress: bool = False,
                 chunk_size: int = 5000, clean_exports: bool = False) -> Build | None:
    """Build a corpus folder into `out`, streaming `chunk_size` articles at a time so memory stays
    flat however large the corpus. Unchanged articles are reused from the tables already in `out`
    (unless `fresh`). Writes the tables and `build.json` atomically; returns a `Build` holding the
    articles table and the problems (sentences and removed left empty). When nothing usable was
    found, its articles table is empty, its problems say why, and `out` is left as it was.
    `clean_exports`: see `build_tables`.

    `out` must be a folder framing may write: not inside the corpus nor holding it (nor the
    project or data/raw), and new, empty or framing's own (`store.claim_folder`); else UsageError.
    Tables in `out` that do not match what its build.json records (rows deleted, a file edited or
    unreadable) are not reused: every article is processed again. While it builds, `out` is locked
    (`store.lock_folder`): a second build or report of the same folder is refused (`FolderBusy`).
    When nothing usable was found, a folder this build created is removed again."""
    from ..config import check_output
    from ..store import working_folder

    raw_folder = Path(raw_folder)
    with working_folder(check_output(out, corpus=raw_folder)) as out:
        return _build_into(raw_folder, out, corpus=corpus, fresh=fresh, workers=workers, scheduler=scheduler,
                           progress=progress, chunk_size=chunk_size, clean_exports=clean_exports)


def _build_into(raw_folder: Path, out: Path, *, corpus: str | None, fresh: bool, workers: int,
                scheduler: str | None, progress: bool, chunk_size: int, clean_exports: bool) -> Build:
    """`build_corpus` once `out` is claimed and locked: the chunks built into a staging folder
    (`_stage_chunks`), the outlets named across all of them, then the tables, `build.json` and
    the texts seen published into `out` together."""
    from ..store import NOT_RECORDED, check_tables, make_temp_dir, raw_listing_sha256, remove_leftovers, save_parts

    corpus = corpus or raw_folder.resolve().name
    listing = raw_listing_sha256(raw_folder)  # before reading: a file changed meanwhile makes the tables stale
    problems: list[Problem] = []
    old = None if fresh else previous_articles(out)
    mismatch = None if old is None else check_tables(out)
    if mismatch is not None and mismatch != NOT_RECORDED:  # (tables of an earlier version: rebuilt quietly)
        problems.append(Problem(str(out / "build.json"), f"does not match the tables beside it "
                                                         f"({mismatch}): every article is processed again"))
    if mismatch is not None:
        old = None
    seen = {} if fresh else texts_seen(out, version_key=version_key())  # shared by both passes: a text is hashed once
    repeats = site_repeats(_text_pages(raw_folder, Duplicates(known=seen)))
    duplicates = Duplicates(known=seen)
    remove_leftovers(out)  # of a build killed outright: this one holds the folder's lock
    staging = make_temp_dir(out, prefix=".build-")
    same = SameArticles(known=seen)
    try:
        parts, tally = _stage_chunks(raw_folder, out, staging, corpus=corpus, repeats=repeats, old=old,
                                     runner=article_runner(workers, scheduler, progress), duplicates=duplicates,
                                     chunk_size=chunk_size, clean_exports=clean_exports, same=same)
        if not _row_counts(parts)["articles"]:  # nothing written: the problems say why
            return Build(typed_table([], ARTICLE_COLUMNS), pd.DataFrame(columns=SENTENCE_COLUMNS),
                         pd.DataFrame(columns=REMOVED_COLUMNS), problems + tally.problems, notes=tally.notes)
        seen_sha256 = save_texts_seen({**duplicates.met, **same.met}, out, version_key=version_key())
        duplicates = seen = None
        articles, outlets, named_problems = _name_outlets_in_parts(parts)
        found = same.find(outlets)
        if found.skipped:
            tally.n_reused -= _reused_among(articles, found.skipped, old)
            articles = _without(articles, found.skipped)
            _drop_from_parts(parts, found.skipped, tally, chunks={same.chunk[i] for i in found.skipped})
        same = None
        tally.problems, tally.notes = _with_copies(tally.problems, tally.notes, found)
        problems += tally.problems
        counts = _row_counts(parts)
        problems = group_files(problems) + (unnamed_events(articles, corpus) + unread_event_columns(articles)
                                            + unread_event_folders(articles) + named_problems)
        summary = Build(articles, pd.DataFrame(columns=SENTENCE_COLUMNS),
                        pd.DataFrame(columns=REMOVED_COLUMNS), problems, tally.n_reused,
                        tally.removed_by_rule, tally.prose_dropped, notes=tally.notes)
        info = build_info(summary, counts=counts)
        info["texts_seen_sha256"] = seen_sha256
        info["raw_listing_sha256"] = listing  # what the corpus folder held (`store.changed_since_build`)
        summary.kept = save_parts(parts, out, info=info, also=[out / TEXTS_SEEN]).kept
        return summary
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _stage_chunks(raw_folder: Path, out: Path, staging: Path, *, corpus: str, repeats: dict[str, frozenset[str]],
                  old: pd.DataFrame | None, runner, duplicates: Duplicates, chunk_size: int, clean_exports: bool,
                  same: SameArticles) -> tuple[dict[str, list[Path]], Build]:
    """Build the corpus `chunk_size` articles at a time, each chunk's tables written to `staging` as
    Parquet parts (`articles-00000.parquet`…), reusing the rows in `out` of the articles of `old`
    whose build key is unchanged, and each chunk's cleaned bodies added to `same`. Returns the parts
    of each table and a `Build` holding no rows, only the tally: problems, notes, articles reused,
    lines removed per rule and prose dropped."""
    from ..store import RowReader

    rows = RowReader(out)
    parts: dict[str, list[Path]] = {"articles": [], "sentences": [], "removed": []}
    tally = Build(pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    chunks = iter_corpus(raw_folder, chunk_size=chunk_size, clean_exports=clean_exports,
                         duplicates=duplicates, notes=True)
    for number, (raws, chunk_problems) in enumerate(chunks):
        keys = _build_keys(raws, corpus, repeats)
        chunk = build_chunk(raws, chunk_problems, corpus=corpus, repeats=repeats,
                            previous=previous_rows(out, old, keys, rows), runner=runner, keys=keys)
        same.add(raws, chunk.articles, chunk.sentences, chunk=number)
        tally.problems.extend(chunk.problems)
        tally.notes.extend(chunk.notes)
        tally.n_reused += chunk.n_reused
        tally.count_removed(chunk.removed)
        for name in parts:
            path = staging / f"{name}-{number:05d}.parquet"
            getattr(chunk, name).to_parquet(path, index=False)
            parts[name].append(path)
    return parts, tally


def _name_outlets_in_parts(parts: dict[str, list[Path]]) -> tuple[pd.DataFrame, dict[str, str], list[Problem]]:
    """The articles of all staged parts, with each outlet named as its site's other articles name it
    (`name_outlets`), the parts that held a renamed article written again; the new names (article
    id → outlet) and the problems of naming."""
    chunks = [pd.read_parquet(p) for p in parts["articles"]]
    articles = pd.concat(chunks, ignore_index=True)
    named = name_outlets(articles)
    _rename_in_parts(parts, chunks, named.outlets)
    return with_outlets(articles, named.outlets), named.outlets, named.problems


def _without(table: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    """The rows of a table but those of the articles `ids`; the table itself when it holds none."""
    if not ids or table.empty:
        return table
    gone = table["article_id"].isin(ids)
    return table[~gone].reset_index(drop=True) if gone.any() else table


def _reused_among(articles: pd.DataFrame, ids: set[str], old: pd.DataFrame | None) -> int:
    """How many of the articles `ids` were taken unchanged from the last build (`old`: its articles):
    those it holds with the same build key."""
    if not ids or old is None or old.empty or "build_key" not in old:
        return 0
    gone = articles.loc[articles["article_id"].isin(ids), ["article_id", "build_key"]]
    return len(gone.merge(old[["article_id", "build_key"]], on=["article_id", "build_key"]))


def _with_copies(problems: list[Problem], notes: list[Problem], found: Found) -> tuple[list[Problem], list[Problem]]:
    """The problems and notes of a build once the copies `found` on the cleaned bodies are left out:
    the warnings each skipped copy had as an article give way to the one that says it is skipped."""
    if not found.problems and not found.notes:
        return problems, notes
    skipped = {problem.file for problem in found.problems}
    return [_naming_the_copy_kept(p, found) for p in problems if p.file not in skipped] + found.problems, \
        notes + found.notes


def _naming_the_copy_kept(problem: Problem, found: Found) -> Problem:
    """A copy's warning from the near-duplicate check said again when the copy it named as kept is
    itself left out as a copy once cleaned (`found`): it names the copy the tables hold."""
    if not problem.copy_of or problem.copy_of[0] not in found.kept:
        return problem
    where, reason, given = found.kept[problem.copy_of[0]]
    return duplicate_problem(problem.copy_of, problem.file, given, later=(where, reason))


def _drop_from_parts(parts: dict[str, list[Path]], ids: set[str], tally: Build, *, chunks: set[int]) -> None:
    """Each staged part holding rows of the articles `ids` (those of the `chunks` numbered) written
    again without them, and the lines their removed rows counted taken from the tally."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    wanted = pa.array(sorted(ids))
    for name, files in parts.items():
        for path in (files[number] for number in sorted(chunks)):
            table = pq.read_table(path)
            gone = pc.is_in(table.column("article_id"), value_set=wanted)
            if not pc.any(gone).as_py():
                continue
            if name == "removed":
                dropped = Build(pd.DataFrame(), pd.DataFrame(), table.filter(gone).to_pandas())
                dropped.count_removed(dropped.removed)
                for rule, n in dropped.removed_by_rule.items():
                    tally.removed_by_rule[rule] -= n
                    if not tally.removed_by_rule[rule]:
                        del tally.removed_by_rule[rule]
                tally.prose_dropped -= dropped.prose_dropped
            pq.write_table(table.filter(pc.invert(gone)), path)


def _row_counts(parts: dict[str, list[Path]]) -> dict[str, int]:
    import pyarrow.parquet as pq

    return {name: sum(pq.ParquetFile(f).metadata.num_rows for f in files) for name, files in parts.items()}


def _text_pages(raw_folder: Path, duplicates: Duplicates | None = None):
    """The plain-text pages of a corpus, streamed (for learning what repeats across a site)."""
    for raws, _ in iter_corpus(raw_folder, chunk_size=500, formats=("text",), duplicates=duplicates):
        yield from raws


def build_chunk(raws: list[RawArticle], problems: list[Problem], *, corpus: str,
                repeats: dict[str, frozenset[str]], previous: Build | None = None,
                runner=None, keys: dict[str, str] | None = None) -> Build:
    """The tables of some articles of a corpus: reused from `previous` when unchanged, else
    processed by `runner` (a function from jobs to results, `workers.article_runner`; serial
    by default). Rows come in the order of `raws`. `keys`: the articles' build keys, when already
    computed."""
    runner = runner or article_runner()
    keys = keys or _build_keys(raws, corpus, repeats)
    reused = reusable_rows(previous, keys)
    reused.articles = with_outlet_fixes(reused.articles, raws)
    reused_ids = set(reused.articles["article_id"])
    todo = [raw for raw in raws if raw.article_id not in reused_ids]
    jobs = [(raw, corpus, repeats.get(raw.article_id, frozenset())) for raw in todo]
    results = runner(jobs)
    for raw, result in zip(todo, results):
        if result.article is not None:
            result.article["build_key"] = keys[raw.article_id]
    fresh = assemble(results, [])
    order = {raw.article_id: number for number, raw in enumerate(raws)}
    build = Build(*(in_corpus_order([getattr(reused, name), getattr(fresh, name)], order)
                    for name in ("articles", "sentences", "removed")))
    build.notes = [problem for problem in problems if problem.note]
    build.problems = [problem for problem in problems if not problem.note] + _article_problems(
        raws, reused.articles, {raw.article_id: result for raw, result in zip(todo, results)})
    build.n_reused = len(reused_ids)
    return build


def _article_problems(raws: list[RawArticle], reused: pd.DataFrame, results: dict) -> list[Problem]:
    """The warnings of each article in corpus order, the same whether it was processed again or
    reused (a reused article's come from its `warnings`, see `warning_problems`), with the rows of one
    export that share a warning named together (`group_rows`)."""
    warnings = dict(zip(reused["article_id"], reused["warnings"]))
    found: list[Problem] = []
    for raw in raws:
        result = results.get(raw.article_id)
        if result is None:
            found += warning_problems(raw, warnings.get(raw.article_id) or "")
        else:
            found += result.problems
    return group_rows(found)


def group_rows(problems: list[Problem]) -> list[Problem]:
    """Problems of rows of one export with the same message as one problem naming the rows ("x.csv
    rows 1, 2, 3, 4, 5 and 95 more: …"), at the place of the first; the others as they are."""
    rows: dict[tuple[str, str], list[str]] = {}
    for problem in problems:
        file, marker, record = problem.file.rpartition(" row ")
        if marker and record.isdigit():
            rows.setdefault((file, problem.message), []).append(record)
    grouped, done = [], set()
    for problem in problems:
        file, marker, record = problem.file.rpartition(" row ")
        key = (file, problem.message)
        if not (marker and record.isdigit()) or len(rows[key]) == 1:
            grouped.append(problem)
        elif key not in done:
            done.add(key)
            records = rows[key]
            more = f" and {len(records) - MAX_LISTED} more" if len(records) > MAX_LISTED else ""
            grouped.append(dataclasses.replace(problem, file=f"{file} rows {', '.join(records[:MAX_LISTED])}{more}"))
    return grouped


def group_files(problems: list[Problem]) -> list[Problem]:
    """The files that name no outlet (`article.NO_OUTLET`, one warning each) as one warning naming
    them, at the place of the first, with the first one's fix said to go alike for the others: a
    folder of fifty text files otherwise gives fifty lines that differ in the file name only."""
    unnamed = [problem for problem in problems if problem.message.startswith(NO_OUTLET + ": ")]
    if len(unnamed) < 2:
        return problems
    files = [problem.file for problem in unnamed]
    more = f" and {len(files) - MAX_LISTED:,} more files" if len(files) > MAX_LISTED else ""
    fix = unnamed[0].message[len(NO_OUTLET) + 2:]
    grouped = Problem(f"{', '.join(files[:MAX_LISTED])}{more}",
                      f"{NO_OUTLET}, for each of these {len(files):,} files: {fix}, and alike for each of the others")
    first = problems.index(unnamed[0])
    return [grouped if i == first else problem for i, problem in enumerate(problems) if i == first or problem not in unnamed]


def with_outlets(table: pd.DataFrame, outlets: dict[str, str]) -> pd.DataFrame:
    """The rows of an articles or sentences table with each article's `outlet` as `outlets` names
    it (`name_outlets`); the table itself when none changes."""
    if table.empty:
        return table
    named = table["article_id"].map(outlets).fillna(table["outlet"])
    if named.equals(table["outlet"]):
        return table
    return table.assign(outlet=named.astype(table["outlet"].dtype))


def _rename_in_parts(parts: dict[str, list[Path]], chunks: list[pd.DataFrame], outlets: dict[str, str]) -> None:
    """Each chunk's articles and sentences parts holding an article whose outlet `outlets` changes
    (`name_outlets`), written again with the same schema; `chunks` are the articles parts as read."""
    for number, chunk in enumerate(chunks):
        if with_outlets(chunk, outlets) is chunk:
            continue
        for name in ("articles", "sentences"):
            _rewrite_outlets(parts[name][number], outlets)


def _rewrite_outlets(path: Path, outlets: dict[str, str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    ids, old = table.column("article_id").to_pylist(), table.column("outlet").to_pylist()
    new = pa.array([outlets.get(i, o) for i, o in zip(ids, old)], type=table.schema.field("outlet").type)
    pq.write_table(table.set_column(table.schema.get_field_index("outlet"), "outlet", new), path)


def unnamed_events(articles: pd.DataFrame, corpus: str) -> list[Problem]:
    """The articles that name no event in a corpus whose other articles name theirs (their `event`
    is the corpus's name): they are taken together as one event and compared as if they covered
    one story, so each file (an export's rows together) is named with the fix."""
    if "event" not in articles or articles["event"].nunique() < 2:
        return []
    unnamed = articles[articles["event"] == corpus]
    said = (f"no event given, while the corpus's other articles name theirs: taken as the event {corpus!r} "
            "with any other article that names none")
    files = [file for file, record in zip(unnamed["source_file"], unnamed["source_record"]) if pd.isna(record)]
    rows = group_rows([Problem(f"{file} row {int(record)}", f"{said} (give the row its event in the export's "
                                                             "'event' column)")
                       for file, record in zip(unnamed["source_file"], unnamed["source_record"]) if pd.notna(record)])
    if len(files) > 1:  # one warning for the files, as for an export's rows: the fix is the same for each
        more = f" and {len(files) - MAX_LISTED:,} more files" if len(files) > MAX_LISTED else ""
        return [Problem(f"{', '.join(files[:MAX_LISTED])}{more}",
                        f"{said} (name each one's event in manifest.csv, columns file and event)"), *rows]
    return [Problem(file, f"{said} (name its event in manifest.csv, columns file and event)") for file in files] + rows


# Words that make an export's column read as an event's ("Story", "story_id", "Topic", "cluster").
EVENT_WORDS = frozenset({"event", "story", "topic", "cluster"})


def unread_event_columns(articles: pd.DataFrame) -> list[Problem]:
    """Each export whose rows all take one event while one of its other columns, named like an
    event's, groups them (some value shared by several rows, more than one value): its rows are
    compared as one story when they may cover several, so the column is named with the fix. A
    column holding a value per row (an article's id, as Media Cloud's `stories_id`) groups nothing."""
    exports = articles[articles["format"].isin(EXPORT_FORMATS)]
    problems = []
    for file, rows in exports.groupby("source_file", sort=True):
        if rows["event"].nunique() > 1:
            continue
        extra = pd.DataFrame([json.loads(cell) if isinstance(cell, str) and cell else {} for cell in rows["extra"]])
        for column in extra.columns:
            values = extra[column].dropna().astype(str)
            if EVENT_WORDS & column_words(column) and 1 < values.nunique() < len(values):
                problems.append(Problem(file, f"every row takes the event {rows['event'].iloc[0]!r}, while its "
                                              f"column {column!r} groups the rows into {values.nunique()}: if it names "
                                              "each article's event, rename it 'event', or the rows are compared as "
                                              "one story"))
    return problems


def unread_event_folders(articles: pd.DataFrame) -> list[Problem]:
    """A corpus whose articles all take one event while its subfolders look like events: a folder
    holds several outlets and an outlet is in several folders (as `storm/cnn.txt`, `storm/fox.txt`,
    `vote/cnn.txt`; a folder per outlet holds one outlet each). The folders are named with the fix,
    a manifest line per folder, lest outlets be compared across events as one story. Where the files
    name no outlet (their file name stands in), the layout cannot be told: when two folders or more
    hold two such articles or more each, they are named as events or outlets, with both fixes."""
    if articles.empty or articles["event"].nunique() > 1:
        return []
    paths = articles["source_file"].map(PurePosixPath)
    named = articles["outlet"] != paths.map(lambda path: path.with_suffix("").as_posix())
    placed = pd.DataFrame({"folder": paths.map(lambda path: path.parts[0] if len(path.parts) > 1 else None),
                           "outlet": articles["outlet"]})
    known = placed[named].dropna(subset=["folder"])
    event = articles["event"].iloc[0]
    if not known.empty and known.groupby("folder")["outlet"].nunique().max() >= 2 and \
            known.groupby("outlet")["folder"].nunique().max() >= 2:
        folders = sorted(known["folder"].unique())
        return [Problem(_folders_shown(folders),
                        f"every article takes the event {event!r}, while these {len(folders)} folders hold "
                        f"several outlets, the same outlets in more than one: if each folder is an event, give "
                        f"{MANIFEST} a line per folder (the lines 'file,event' and '{folders[0]}/,{folders[0]}'), "
                        "or the outlets are compared across events as one story")]
    unknown = placed[~named].dropna(subset=["folder"])["folder"].value_counts()
    folders = sorted(unknown[unknown >= 2].index)
    if len(folders) < 2 or not known.empty and known["folder"].isin(folders).any():
        return []
    first = sorted(articles.loc[~named & paths.map(lambda path: path.parts[0] == folders[0]), "source_file"])[0]
    return [Problem(_folders_shown(folders),
                    f"every article takes the event {event!r}, and the {int(unknown[folders].sum()):,} articles of "
                    f"these {len(folders)} folders name no outlet (their file names stand in), so whether a folder is "
                    f"an event or an outlet cannot be told: if each folder is an event, give {MANIFEST} a line per "
                    f"folder with its event and a line per file with its outlet (the lines 'file,event,outlet', "
                    f"'{folders[0]}/,{folders[0]},' and '{first},,<outlet>'); if each folder is an outlet, a line "
                    f"per folder with its outlet ('{folders[0]}/,,<outlet>'); until then each file is an outlet of "
                    "its own and every article is of one event")]


def _folders_shown(folders: list[str]) -> str:
    """"storm/, vote/ and 3 more": the folders a warning names."""
    return ", ".join(f"{name}/" for name in folders[:MAX_LISTED]) + (
        f" and {len(folders) - MAX_LISTED} more" if len(folders) > MAX_LISTED else "")


def save_build(build: Build, out: Path) -> list[Path]:
    """Write the three tables (Parquet + CSV) and `build.json` (versions, inputs, problems) to `out`."""
    from ..store import save_tables

    tables = {"articles": build.articles, "sentences": build.sentences, "removed": build.removed}
    counts = {name: len(table) for name, table in tables.items()}
    return save_tables(tables, out, info=build_info(build, counts=counts))


def build_info(build: Build, *, counts: dict[str, int]) -> dict:
    """What `build.json` records: version, row counts, the inputs and their hashes, the problems."""
    from .. import __version__

    inputs = build.articles[["source_file", "source_record", "raw_sha256"]].astype(object)
    return {
        "framing_version": __version__,
        "build_version": BUILD_VERSION,
        "data_versions": {"furniture": load_data("furniture")["version"], "punkt": segment.punkt_version()},
        "articles": int(counts["articles"]),
        "articles_skipped": build.skipped,
        "files_unread": build.unread,
        "sentences": int(counts["sentences"]),
        "removed_lines": int(counts["removed"]),
        "removed_by_rule": dict(sorted(build.removed_by_rule.items())),
        "prose_lines_dropped": int(build.prose_dropped),
        "outlets_from_url": outlets_from_url(build.articles),
        "outlet_merges": outlet_merges(build.articles),
        "inputs": [{**row, "metadata": cells} if cells else row for row, cells in
                   zip(inputs.where(inputs.notna(), None).to_dict("records"), metadata_digests(build.articles))],
        "problems": [str(p) for p in build.problems],
        "columns_read": [str(p) for p in build.notes if p.message.startswith(COLUMNS_READ)],
        "same_text_other_outlets": [str(p) for p in build.notes if not p.message.startswith(COLUMNS_READ)],
    }


def explain_inputs(path: Path, *, clean_exports: bool = False
                   ) -> tuple[list[RawArticle], list[Problem], dict[str, frozenset[str]]]:
    """What `framing build` would clean for one file: its articles with the manifest applied, the
    problems the build would report for it (a duplicate of another file, a manifest row), and the
    site repeats each article is cleaned with, learnt from its corpus folder as the build learns
    them. So `framing explain` and the build agree line by line."""
    from ..ingest import TEXT_EXTENSIONS, read_file

    path = Path(path)
    folder = corpus_of(path)
    name = path.resolve().relative_to(folder.resolve()).as_posix()
    own, problems = read_file(path, name=name)
    kind = own[0].format if own else None
    family = tuple(EXPORT_FORMATS) if kind in EXPORT_FORMATS else (kind,)
    raws, corpus_problems = read_corpus(folder, clean_exports=clean_exports, formats=family) \
        if kind else ([], [])
    problems += [p for p in corpus_problems if p.file == name or p.file.startswith(f"{name} row ")
                 or (p.file == "manifest.csv" and repr(name) in p.message)]
    problems = list(dict.fromkeys(problems))  # (a problem of the file, met reading it and its corpus)
    kept = [raw for raw in raws if raw.source_file == name]
    if kind in set(TEXT_EXTENSIONS.values()) - {"html"}:
        repeats = site_repeats(raws)
    else:
        repeats = {}
    skipped = [raw for raw in own if raw.article_id not in {r.article_id for r in kept}]
    return kept + skipped, problems, repeats


def corpus_of(path: Path) -> Path:
    """The corpus folder a file belongs to: its folder under data/raw/ when it is in one, else the
    nearest folder above it holding a manifest.csv, else its own folder."""
    from ..config import raw_dir

    path = Path(path).resolve()
    raw = raw_dir().resolve()
    if path.is_relative_to(raw) and len(path.relative_to(raw).parts) >= 2:
        return raw / path.relative_to(raw).parts[0]
    for folder in path.parents:
        if (folder / "manifest.csv").is_file():
            return folder
    return path.parent
