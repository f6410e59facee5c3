"""Which events, which outlets: the events of a table, one event's rows, some outlets' rows, and
how a chart's caption names the events it pools."""
from __future__ import annotations

import pandas as pd

from ..leans import outlet_rank

EVENT_NAME_CHARS = 60  # characters of an event's name in a caption (`pooled_over`): a headline used as a name is cut


def list_events(table: pd.DataFrame) -> pd.DataFrame:
    """The events of a table of articles or sentences (needs `outlet`, `article_id`; `event` when
    there are several). Returns one row per event: `event`, `n_outlets`, `n_articles`,
    `n_sentences` (the sentences of a sentence table; of an articles table, the sum of its
    `n_sentences`, 0 without it), `outlets` ("; "-joined in `leans.outlet_order`); most outlets
    first, then most articles, then most sentences (the most to compare where a corpus's events tie
    on outlets and articles, as a roundup's three articles each do), then by name."""
    table = _with_event(table)
    rank = outlet_rank(table["outlet"].dropna().astype(str))
    if "sentence_id" in table.columns:  # a sentence table: one sentence per row
        table = table.assign(_sentences=1)
    else:  # articles: their counts
        table = table.assign(_sentences=table["n_sentences"].fillna(0) if "n_sentences" in table.columns else 0)
    events = (table.groupby("event", sort=True)
              .agg(n_outlets=("outlet", "nunique"), n_articles=("article_id", "nunique"),
                   n_sentences=("_sentences", "sum"),
                   outlets=("outlet", lambda names: "; ".join(sorted(set(names.dropna().astype(str)), key=rank.get))))
              .reset_index())
    events["n_sentences"] = events["n_sentences"].astype(int)
    return events.sort_values(["n_outlets", "n_articles", "n_sentences", "event"],
                              ascending=[False, False, False, True], ignore_index=True)


def default_event(table: pd.DataFrame) -> str:
    """The event covered by most outlets (then most articles, then most sentences, then first by
    name: `list_events`' first)."""
    events = list_events(table)
    if events.empty:
        raise ValueError("the table has no articles, so no event to choose")
    return str(events["event"].iloc[0])


def select_event(table: pd.DataFrame, event: str | None = None, *,
                 articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of one event (all rows when `event` is None). Uses the table's `event` column, or for
    tables without one (removed lines) its `article_id` looked up in `articles`. An unknown event
    raises ValueError naming the events there are."""
    if event is None:
        return table.copy()
    source = table if "event" in table.columns else articles
    if source is None:
        raise ValueError("this table has no `event` column: pass articles= to look events up")
    known = sorted(set(_with_event(source)["event"].astype(str)))
    if str(event) not in known:
        raise ValueError(unknown_event_message(event, known))
    if "event" in table.columns:
        return table[table["event"].astype(str) == str(event)].reset_index(drop=True)
    ids = set(source.loc[source["event"].astype(str) == str(event), "article_id"])
    return table[table["article_id"].isin(ids)].reset_index(drop=True)


def unknown_event_message(event: str, known: list[str], *, limit: int = 30) -> str:
    """One line: the event asked for is not there, and the events that are."""
    from ..plots import counted

    shown = ", ".join(known[:limit]) + (f" and {len(known) - limit} more" if len(known) > limit else "")
    return f"no event {event!r} in this corpus; its {counted(len(known), 'events')}: {shown}"


def select_outlets(table: pd.DataFrame, outlets=None, *, articles: pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """The rows of `table` that belong to the given outlets (all rows when `outlets` is None or
    empty). Uses the table's `outlet` column, or for tables without one (removed lines) its
    `article_id` looked up in `articles`. An outlet that is not there raises ValueError naming the
    outlets there are (a misspelt name would otherwise drop that outlet without a word)."""
    if not outlets:
        return table.copy()
    wanted = {outlets} if isinstance(outlets, str) else set(outlets)
    source = table if "outlet" in table.columns else articles
    known = sorted(set(source["outlet"].dropna().astype(str))) if source is not None else None
    missing = sorted(map(str, wanted - set(known))) if known is not None else []
    if missing:
        raise ValueError(unknown_outlet_message(missing, known))
    if "outlet" in table.columns:
        return table[table["outlet"].isin(wanted)].reset_index(drop=True)
    if articles is None:
        raise ValueError("this table has no `outlet` column: pass articles= to look outlets up")
    ids = set(articles.loc[articles["outlet"].isin(wanted), "article_id"])
    return table[table["article_id"].isin(ids)].reset_index(drop=True)


def unknown_outlet_message(missing: list[str], known: list[str], *, limit: int = 30) -> str:
    """One line: the outlets asked for that are not there, and the outlets that are."""
    from ..plots import counted

    shown = ", ".join(known[:limit]) + (f" and {len(known) - limit} more" if len(known) > limit else "")
    asked = ", ".join(map(repr, missing))
    return (f"outlet {asked} not in this corpus (set `outlets` to names from this list, or None for all); "
            f"its {counted(len(known), 'outlets')}: {shown}")


def pooled_over(table: pd.DataFrame) -> str:
    """How a chart over `table` treats its events, for the caption: "pooled over 20 events" when
    the table holds several (every article of an outlet together, whatever its event: what each
    outlet chose to cover is mixed with how it covered it), "one event, allsides_5633" otherwise,
    named, so that a chart saved or exported from one event's notebooks says which event it shows.
    Pass the table the chart draws (the articles with a quote for a quote chart, not every
    sentence), so the caption gives one event count, the same as its n. Needs `event` (a table
    without it is one event, unnamed). With an `outlet` column and outlets covering different
    numbers of the events, the caption says so: "pooled over 66 events (outlets cover 33 to 65 of
    them)", since an outlet's pooled share then mixes which events it covered with how."""
    names = table["event"].dropna().unique() if "event" in table else []
    if len(names) > 1:
        return f"pooled over {len(names):,} events{_coverage(table, len(names))}"
    return f"one event, {_short(names[0], EVENT_NAME_CHARS)}" if len(names) else "one event"


def _coverage(table: pd.DataFrame, n_events: int) -> str:
    """" (outlets cover 33 to 65 of them)" when outlets cover different numbers of the `n_events`
    events of `table`; "" when every outlet covers the same number, or the table names no outlet."""
    if "outlet" not in table:
        return ""
    covered = table.dropna(subset=["event"]).groupby("outlet", observed=True)["event"].nunique()
    if covered.empty or covered.min() == covered.max():
        return ""
    return f" (outlets cover {covered.min():,} to {covered.max():,} of them)"


def _with_event(table: pd.DataFrame) -> pd.DataFrame:
    """The table with an `event` column (a table without one is one event named after nothing)."""
    if "event" in table.columns:
        return table
    return table.assign(event="all")


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
