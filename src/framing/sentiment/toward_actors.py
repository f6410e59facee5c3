"""Sentiment toward named actors, one row per mention (`add_actor_sentiment`): the mentions found
by `framing.actors.find_actors` or given as names, each scored by the learned classifier or the
lexicon rule."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..config import CONTENT_KINDS
from ..store import keep_kinds
from .classifier import DEFAULT_TARGET_MODEL, classify_targets
from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS
from .targets import label_target, score_target


def add_actor_sentiment(
    sentences: pd.DataFrame,
    actors: dict[str, list[str]] | pd.DataFrame | None = None,
    *,
    top: int | None = None,
    text_col: str = "text",
    kinds: tuple[str, ...] | None = CONTENT_KINDS,
    lexicon: str | Path = DEFAULT_LEXICON,
    params: str | Path = DEFAULT_PARAMS,
    model: str | Path | None = DEFAULT_TARGET_MODEL,
) -> pd.DataFrame:
    """Sentiment toward named actors, one row per mention.

    With `actors=None` (the default) the people are found and resolved by `framing.actors.find_actors`:
    titles cut off, surnames joined to the one full name of the event or corpus, outlets and places
    never persons, so "Mr. Trump", "President Trump" and "Donald Trump" are one actor; `top` keeps
    the actors with the most mentions; a table `find_actors` gave for these sentences is used as it
    is (the people are not found again). Given a mapping {"Hegseth": ["Pete Hegseth", "Hegseth"]},
    those names match as whole words, case-sensitively, longest first. Needs `text_col` and, when
    present, keeps `article_id`, `outlet`, `event` and `sentence_id`; only rows of `kinds` are read
    when the table has a `kind` column (None reads all).

    Returns a long table: the kept keys, `actor` (canonical name), `mention` (as written), `start`,
    `end` (offsets in the text), `actor_sentiment` and `label` (negative / neutral / positive).
    With `model` (the default: the shipped classifier, `classify_targets`) `actor_sentiment` is
    P(positive) − P(negative) for news with three in four mentions neutral and `label` the
    classifier's; with `model=None` the lexicon rule: `score_target` and `label_target`.
    """
    keys = [column for column in ("article_id", "outlet", "event", "sentence_id") if column in sentences.columns]
    table = keep_kinds(sentences, kinds)
    if actors is None or isinstance(actors, pd.DataFrame):
        found = _mentions_found(table, keys, text_col, found=actors)
    else:
        found = _mentions_named(table, actors, keys, text_col)
    if top is not None and len(found):
        found = _most_mentioned(found, top)
    found = _score_mentions(found, text_col, model=model, lexicon=lexicon, params=params)
    columns = keys + ["actor", "mention", "start", "end", "actor_sentiment", "label"]
    return found.reindex(columns=columns).reset_index(drop=True)


def _most_mentioned(found: pd.DataFrame, top: int) -> pd.DataFrame:
    """The mentions of the `top` actors with the most mentions (ties in the actors' name order)."""
    keep = found["actor"].value_counts(sort=False).sort_index().sort_values(ascending=False, kind="stable")
    return found[found["actor"].isin(keep.index[:top])]


def _score_mentions(found: pd.DataFrame, text_col: str, *, model: str | Path | None, lexicon: str | Path,
                    params: str | Path) -> pd.DataFrame:
    """The mentions plus `actor_sentiment` and `label`: by the classifier (`model`) or, with
    `model=None`, by the lexicon rule."""
    texts, starts, ends = list(found[text_col]), list(found["start"]), list(found["end"])
    if model is not None:
        scored = classify_targets(texts, starts, ends, model=model, lexicon=lexicon, params=params)
        return found.assign(actor_sentiment=scored["actor_sentiment"].to_numpy(), label=scored["label"].to_numpy())
    scores = [score_target(text, start, end, lexicon=lexicon, params=params)
              for text, start, end in zip(texts, starts, ends)]
    return found.assign(actor_sentiment=scores, label=[label_target(v, params=params) for v in scores])


def _mentions_found(table: pd.DataFrame, keys: list[str], text_col: str,
                    found: pd.DataFrame | None = None) -> pd.DataFrame:
    """The mentions of the people `framing.actors.find_actors` finds (or `found`, its table for
    these sentences): the `keys` it keeps, `actor`, `mention`, `start`, `end` and the sentence's
    `text_col`."""
    from ..actors import find_actors

    found = find_actors(table, kinds=None, text_col=text_col) if found is None else found.copy()
    texts = table.drop_duplicates(["article_id", "sentence_id"]).set_index(["article_id", "sentence_id"])[text_col]
    found[text_col] = texts.reindex(pd.MultiIndex.from_frame(found[["article_id", "sentence_id"]])).to_numpy()
    return found[[k for k in keys if k in found] + ["actor", "mention", "start", "end", text_col]]


def _mentions_named(table: pd.DataFrame, actors: dict[str, list[str]], keys: list[str],
                    text_col: str) -> pd.DataFrame:
    """The mentions of the given actors' names (whole words, case-sensitive, longest first), one
    row per match: `keys`, `actor`, `mention`, `start`, `end`, `text_col`."""
    patterns = {actor: _mention_pattern(tuple(names)) for actor, names in actors.items()}
    rows = []
    for *values, text in table[keys + [text_col]].itertuples(index=False):
        if not isinstance(text, str):
            continue
        for actor, pattern in patterns.items():
            for match in pattern.finditer(text):
                rows.append((*values, actor, match.group(), match.start(), match.end(), text))
    return pd.DataFrame(rows, columns=keys + ["actor", "mention", "start", "end", text_col])


@lru_cache(maxsize=256)
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in ordered) + r")(?!\w)")
