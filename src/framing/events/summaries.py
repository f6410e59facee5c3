"""What one event's page shows, as tables (`EventSummary`): per outlet its articles' values, frames,
quotes, the sentences behind the frames, the same facts in each outlet's words, and the facts all
outlets report and those only one reports. `framing.report.event_pages` writes them as pages."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..config import CONTENT_KINDS
from ..leans import sort_outlets
from .scores import score_articles
from .select import _with_event, default_event, select_event

CUE_COLUMNS = ["outlet", "article_id", "sentence_id", "frames", "text"]  # `EventSummary.cues`
# `EventSummary.same_facts`: `compare.same_fact_rows` with each sentence's sentiment and frame cues
SAME_FACT_COLUMNS = ["row", "n_outlets", "similarity", "outlet", "article_id", "sentence_id", "anchor",
                     "similarity_to_anchor", "matches_all", "text", "sentiment", "frames"]


@dataclass
class EventSummary:
    """What one event's page shows, as tables."""

    event: str
    articles: pd.DataFrame  # one row per article: outlet, title, url, published, measures, frames
    quotes: pd.DataFrame  # outlet, speaker, speaker_label, verb, quote
    facts: pd.DataFrame  # outlet, reported_by ("all outlets" / "only this outlet"), sentence_id, text
    sentences: pd.DataFrame  # the event's scored content sentences (outlet, article_id, sentiment…)
    cues: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CUE_COLUMNS))  # sentences with frame cues
    # one line per sentence of a row of the same fact in several outlets' words (`SAME_FACT_COLUMNS`)
    same_facts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SAME_FACT_COLUMNS))
    title: str = ""  # the event's title in words, when the corpus gives one (`event_titles`)


def event_titles(articles: pd.DataFrame | None) -> pd.Series:
    """Each event's title in words, where the corpus gives one: the value most of its articles
    carry in an `event_title` (or `event_name`) column of their export or manifest (kept in the
    articles' `extra`), ties to the first in alphabetical order. Returns a Series event → title;
    events without one are absent. An outlet's headline is never taken for the event's title: it is
    that outlet's framing of it."""
    import json

    from ..ingest.exports import EVENT_TITLE_COLUMNS, _column  # column names compared as the build compares them

    if articles is None or "extra" not in articles or "event" not in articles:
        return pd.Series(dtype=str)
    found = []
    for event, extra in zip(articles["event"], articles["extra"]):
        values = json.loads(extra) if isinstance(extra, str) and extra.strip() else {}
        title = next((" ".join(str(v).split()) for k, v in values.items()
                      if _column(k) in EVENT_TITLE_COLUMNS and str(v).strip()), "")
        if title:
            found.append((str(event), title))
    if not found:
        return pd.Series(dtype=str)
    counts = pd.DataFrame(found, columns=["event", "title"]).value_counts().rename("n").reset_index()
    counts = counts.sort_values(["event", "n", "title"], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("event").set_index("event")["title"]


def summarise_events(sentences: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                     events=None, workers: int | None = 1) -> list[EventSummary]:
    """One `EventSummary` per event (all events, or those named in `events`), each analysis run
    once over the whole table.

    Needs the sentence table (`article_id`, `sentence_id`, `outlet`, `kind`, `text`, `event`);
    `articles` adds each article's `url` and `published`."""
    from ..actors import find_actors
    from ..compare import align_sentences, exclusive_facts, same_fact_rows, shared_facts
    from ..frames import add_frames, article_frames
    from ..sentiment import add_sentiment
    from ..sources import extract_quotes

    content = _with_event(sentences)
    content = content[content["kind"].isin(CONTENT_KINDS)] if "kind" in content else content
    if events is not None:
        wanted = {events} if isinstance(events, str) else set(events)
        content = content[content["event"].isin(wanted)]
    scored = add_sentiment(content, workers=workers)
    hits = add_frames(content, scheme="generic")
    actors = find_actors(content)
    quotes = extract_quotes(content, actors=actors)
    pairs = align_sentences(content)
    scores = score_articles(content, articles=articles, scored=scored, hits=hits, quotes=quotes, actors=actors,
                            pairs=pairs)
    frames = _frames_present(article_frames(hits, content))
    cues = _frame_cues(hits, content)
    facts = pd.concat([shared_facts(pairs, content).assign(reported_by="all outlets"),
                       exclusive_facts(pairs, content).assign(reported_by="only this outlet")],
                      ignore_index=True)
    same = _same_facts(same_fact_rows(pairs), scored, cues)
    meta = _article_meta(articles)
    titles = event_titles(articles)
    summaries = []
    for event, part in scores.groupby("event", sort=True):
        table = part.merge(frames, on="article_id", how="left").merge(meta, on="article_id", how="left")
        table["frames"] = table["frames"].fillna("")
        summaries.append(EventSummary(
            event=str(event), title=str(titles.get(str(event), "")), articles=table.reset_index(drop=True),
            quotes=_event_quotes(quotes[quotes["event"] == event]),
            facts=_event_facts(facts[facts["event"] == event]) if len(facts) else _event_facts(facts),
            sentences=scored[scored["event"] == event].reset_index(drop=True),
            cues=cues[cues["event"] == event][CUE_COLUMNS].reset_index(drop=True),
            same_facts=same[same["event"] == event][SAME_FACT_COLUMNS].reset_index(drop=True)))
    return summaries


def _same_facts(rows: pd.DataFrame, scored: pd.DataFrame, cues: pd.DataFrame) -> pd.DataFrame:
    """The rows of `compare.same_fact_rows` with each sentence's `sentiment` and its generic frames'
    cue words (`frames`, "" when none), so a reader sees how each outlet toned the same fact."""
    keys = ["article_id", "sentence_id"]
    out = (rows.merge(scored[keys + ["sentiment"]].drop_duplicates(keys), on=keys, how="left")
           .merge(cues[keys + ["frames"]].drop_duplicates(keys), on=keys, how="left"))
    out["frames"] = out["frames"].fillna("")
    return out.reindex(columns=["event", *SAME_FACT_COLUMNS])


def _frame_cues(hits: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Each sentence with a generic frame's cues, once: its `frames` as "conflict: fight, clash;
    economic: debt", and its text, in reading order (the evidence behind the page's frame values);
    a sentence whose only cues are a frame's supporting ones is no evidence of it (`own_cue_hits`)."""
    from ..frames import own_cue_hits

    hits = own_cue_hits(hits)
    if hits.empty:
        return pd.DataFrame(columns=["event", *CUE_COLUMNS])
    named = hits.assign(cue=hits["frame"].str.replace("_", " ") + ": " + hits["terms"].str.replace("; ", ", "))
    frames = named.groupby(["article_id", "sentence_id"])["cue"].agg("; ".join).rename("frames").reset_index()
    text = sentences[["event", "outlet", "article_id", "sentence_id", "text"]]
    return sort_outlets(frames.merge(text, on=["article_id", "sentence_id"]), then=["article_id", "sentence_id"])


def summarise_event(sentences: pd.DataFrame, event: str | None = None, *,
                    articles: pd.DataFrame | None = None, workers: int | None = 1) -> EventSummary:
    """The `EventSummary` of one event (default: the one covered by most outlets)."""
    event = default_event(sentences) if event is None else event
    return summarise_events(select_event(sentences, event), articles=articles, workers=workers)[0]


def _frames_present(frames: pd.DataFrame) -> pd.DataFrame:
    """Per article, the generic frames present, as "conflict (4 of 12 sentences); …"."""
    present = frames[frames["present"]].sort_values(["article_id", "n_sentences", "frame"],
                                                   ascending=[True, False, True])
    text = present.groupby("article_id").apply(
        lambda part: "; ".join(f"{f.replace('_', ' ')} ({n} of {t} sentences)"
                               for f, n, t in zip(part["frame"], part["n_sentences"], part["n_total"])),
        include_groups=False)
    return text.rename("frames").reset_index() if len(text) else pd.DataFrame(columns=["article_id", "frames"])


def _article_meta(articles: pd.DataFrame | None) -> pd.DataFrame:
    columns = ["article_id", "url", "published"]
    if articles is None:
        return pd.DataFrame(columns=columns)
    return articles[[c for c in columns if c in articles]].reindex(columns=columns)


def _event_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """The event's quotes in reading order, each with its reporting verb as the outlet wrote it
    (`verb_text`: "warned", "told") beside its lemma (`verb`)."""
    columns = ["outlet", "article_id", "sentence_id", "speaker", "speaker_label", "speaker_kind", "verb", "verb_text", "is_direct", "quote"]
    return sort_outlets(quotes.reindex(columns=columns), then=["article_id", "sentence_id"])


def _event_facts(facts: pd.DataFrame) -> pd.DataFrame:
    columns = ["outlet", "article_id", "sentence_id", "reported_by", "counterpart_outlets", "text"]
    if facts.empty:
        return pd.DataFrame(columns=columns)
    return sort_outlets(facts[columns], before=["reported_by"], then=["article_id", "sentence_id"])
