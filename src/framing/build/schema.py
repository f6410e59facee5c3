"""The three tables a build makes (`articles`, `sentences`, `removed`): their columns, the `Build`
that holds them, and rows made into typed tables: dates parsed to the day, line numbers nullable
integers, text columns typed as text even when empty, so every chunk of a streamed build has the
same schema."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import clean
from ..ingest import ISO_DAY, Problem, read_date
from .article import ArticleResult

ARTICLE_COLUMNS = ["article_id", "corpus", "event", "outlet", "title", "subtitle", "author",
                   "published", "url", "source_file", "source_record", "format", "encoding",
                   "raw_sha256", "n_sentences", "n_words", "inferred", "outlet_inferred", "warnings", "extra",
                   "build_key"]


SENTENCE_COLUMNS = ["article_id", "outlet", "event", "sentence_id", "paragraph_id", "kind",
                    "position", "text", "n_words", "line_start", "line_end"]


REMOVED_COLUMNS = ["article_id", "source_file", "source_record", "line", "text", "rule"]


@dataclass
class Build:
    """The three tables of a corpus and the problems met while building them."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    n_reused: int = 0  # articles taken unchanged from the previous build
    removed_by_rule: dict[str, int] = field(default_factory=dict)  # lines not kept, per rule
    prose_dropped: int = 0  # of those, lines that read as prose
    kept: list[tuple[str, str]] = field(default_factory=list)  # the user's files in the tables folder (store.publish)
    notes: list[Problem] = field(default_factory=list)  # what to know rather than fix (an export's columns read)

    @property
    def skipped(self) -> int:
        """Articles (files, export rows) left out: each is named in a problem."""
        return sum(problem.skipped for problem in self.problems)

    @property
    def unread(self) -> int:
        """Files that could not be read at all (a .pdf, a binary file, a broken link): each is named
        in a problem, and none counts as an article read."""
        return sum(problem.unread for problem in self.problems)

    def count_removed(self, removed: pd.DataFrame) -> None:
        """Add the lines of a `removed` table to the counts per rule and of prose dropped."""
        for rule, n in removed["rule"].value_counts().items():
            self.removed_by_rule[rule] = self.removed_by_rule.get(rule, 0) + int(n)
        self.prose_dropped += int(removed["text"].map(clean.reads_as_prose).sum()) if len(removed) else 0


def assemble(results: list[ArticleResult], problems: list[Problem]) -> Build:
    """Stack per-article results into the three tables, in the order of `results`."""
    problems = list(problems)
    for result in results:
        problems.extend(result.problems)
    kept = [r for r in results if r.article is not None]
    return Build(
        articles=typed_table([r.article for r in kept], ARTICLE_COLUMNS),
        sentences=_stack([r.sentences for r in kept], SENTENCE_COLUMNS),
        removed=_stack([r.removed for r in results], REMOVED_COLUMNS),
        problems=problems,
    )


def _stack(pieces: list[list[dict]], columns: list[str]) -> pd.DataFrame:
    """Per-article lists of row dicts → one table."""
    return typed_table([row for piece in pieces for row in piece], columns)


def in_corpus_order(tables: list[pd.DataFrame], order: dict[str, int]) -> pd.DataFrame:
    """Reused and fresh rows together, articles in corpus order, each article's rows in their order."""
    tables = [t for t in tables if not t.empty] or tables[-1:]
    table = tables[0] if len(tables) == 1 else pd.concat(tables, ignore_index=True).infer_objects()
    rank = table["article_id"].map(order)
    return table.iloc[rank.argsort(kind="stable")].reset_index(drop=True)


def typed_table(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """Row dicts → a table of `columns`, typed the same whatever the rows hold (none, or only
    missing values in a column): `published` parsed to the day, line numbers as nullable integers,
    counts and ids as int64, text as str."""
    frame = pd.DataFrame(rows, columns=columns)
    for name in ("source_record", "line_start", "line_end", "line"):
        if name in frame:
            frame[name] = frame[name].astype("Int64")
    if "published" in frame:  # the date as given or found in the text, parsed here
        frame["published"] = pd.to_datetime(_dates(frame["published"])).astype("datetime64[ms]")
    if "position" in frame:  # a number even in an empty chunk, whose columns are all object
        frame["position"] = frame["position"].astype("float64")
    for name in frame.columns:  # text columns typed as text even when empty or all missing, so
        column = frame[name]     # every chunk of a streamed build has the same schema
        if column.dtype == object and _text_or_missing(column):
            frame[name] = column.astype("str")
    for name in ("sentence_id", "paragraph_id", "n_words", "n_sentences"):
        if name in frame:
            frame[name] = frame[name].astype("int64")
    return frame


def _text_or_missing(column: pd.Series) -> bool:
    """Whether every value of an object column is a str or None."""
    if pd.api.types.infer_dtype(column, skipna=False) == "string":  # all str: one pass in C
        return True
    return all(value is None or isinstance(value, str) for value in column.tolist())


def _dates(values: pd.Series) -> pd.Series:
    """Dates as given or found in the text (in any form pandas reads) → the day written (in the
    stamp's own zone, `read_date`), as a timestamp without time zone; None when missing or unreadable. Each distinct text is parsed once:
    a corpus repeats few dates (a day or two per event, one form per outlet), and one parse costs
    more than the rest of an article's row. Days written as ISO 8601 (2025-05-05), the usual form,
    are parsed together in one call, to what `_date` gives each."""
    distinct = values.dropna().unique()
    days = [value for value in distinct if isinstance(value, str) and ISO_DAY.fullmatch(value)]
    stamps = pd.to_datetime(pd.Series(days, dtype=object), format="%Y-%m-%d", errors="coerce")
    parsed = {day: None if pd.isna(stamp) else stamp for day, stamp in zip(days, stamps)}
    parsed.update((value, _date(value)) for value in distinct if value not in parsed)
    return pd.Series([parsed.get(value) for value in values], index=values.index, dtype=object)


def _date(value) -> pd.Timestamp | None:
    day = read_date(str(value)) if value else None
    return None if day is None else pd.Timestamp(day)
