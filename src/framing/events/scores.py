"""Each article's own values within its event: mean sentiment, conflict cues, quotes and quotes from
officials, sentiment toward the event's main actor, what only it reports; and how far apart two
articles' mean sentiment must be before their order in tone means something."""
from __future__ import annotations

import itertools
import math
import re
from functools import lru_cache

import pandas as pd

from ..config import CONTENT_KINDS
from ..leans import sort_outlets
from .select import _with_event

# per-article measure → how "more" reads in a sentence, and the sign that makes "more" positive
MEASURES = {
    "sentiment": ("more negative", -1),
    "conflict": ("more often conflict-framed", 1),
    "quote_share": ("quoting in more of its sentences", 1),
    "official_quote_share": ("quoting officials in more of its sentences", 1),
    "main_actor_sentiment": ("more negative toward the event's main actor", -1),
    "exclusive": ("more exclusive for its length", 1),
}
MEASURE_NOTES = {
    "sentiment": "mean sentence sentiment of the article (−1 … 1)",
    "conflict": "share of the article's sentences with conflict-frame cues (generic frames)",
    "quote_share": "share of the article's sentences that hold a quote (any quotation, as `quotes` counts); a "
                   "sentence with several quotes counts once, so a longer article does not quote more by its length",
    "official_quote_share": "share of the article's sentences that hold a quote from an official (as "
                            "`official_quotes` counts them)",
    "quotes": "quotations in the article, direct and indirect, with a speaker or without (a quoted term or "
              "phrase in quotation marks counts too)",
    "official_quotes": "quotes whose speaker is named with an office (president, senator, minister…) "
                       "or as an official, at the quote or anywhere in the article",
    "main_actor_sentiment": "mean sentiment toward the event's main actor (the person named in most of its "
                            "articles) over the article's mentions of them, P(positive) − P(negative) by the "
                            "actor classifier (−1 … 1); empty when the article does not name them",
    "exclusive": "share of the article's sentences that no other outlet of the event reports, minus the share "
                 "its length predicts (longer articles hold more that nobody else wrote; docs/compare.md); "
                 "empty when no other outlet covers the event",
}
# Two articles whose mean sentiment differs by less than this are ordered as readers order them
# only about 6 times in 10 (New York Times editorials rated by 20 readers a sentence:
# `ONLY=documents benchmarks/bench_sentiment.py`, docs/sentiment.md): an event page calls them alike.
CLOSE_TONE = 0.10
# How often framing orders two documents in tone as people do, by framing's gap in mean sentiment:
# (upper end of the gap, share of pairs ordered as people order them), New York Times editorials
# rated by 20 readers a sentence (`ONLY=documents benchmarks/bench_sentiment.py`, docs/sentiment.md,
# "How far apart must two articles be?"). An event page gives each pair of articles its share, so
# that no order in tone reads as certain: even 0.30 apart one pair in twenty is ordered the other way.
ORDER_AGREEMENT = ((0.05, 0.58), (0.10, 0.70), (0.15, 0.80), (0.20, 0.86), (0.30, 0.91), (math.inf, 0.95))
_OFFICIAL = re.compile(r"\bofficials?\b", re.IGNORECASE)


def score_articles(sentences: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                   scored: pd.DataFrame | None = None, hits: pd.DataFrame | None = None,
                   quotes: pd.DataFrame | None = None, actors: pd.DataFrame | None = None,
                   mentions: pd.DataFrame | None = None, pairs: pd.DataFrame | None = None,
                   workers: int | None = 1) -> pd.DataFrame:
    """Each article's own values of the measures in `MEASURES`.

    Needs the sentence table (`article_id`, `sentence_id`, `outlet`, `kind`, `text`; `event` when
    there are several). The analyses are run when not given: `scored` (`add_sentiment`), `hits`
    (`add_frames`, generic scheme), `quotes` (`extract_quotes`), `actors` (`find_actors`, for
    `official_quotes`: see `official_quote_mask`), `mentions` (`add_actor_sentiment` of those
    actors; when not given, only the main actors' mentions are classified) and `pairs`
    (`align_sentences`, for `exclusive`). Returns one row per article: `event`, `outlet`,
    `article_id`, `title` (from `articles` when given, else its headline sentences), `n_sentences`,
    `main_actor` (the event's: `main_actors`), then `sentiment`, `conflict`, `quote_share` (share of
    its sentences holding a quote), `official_quote_share` (holding a quote from an official),
    `main_actor_sentiment` (NaN when the article does not name the main actor), `exclusive`
    (`excess_share` of `summarise_exclusivity`; NaN when no other outlet covers the event), and the
    counts `quotes` and `official_quotes`, to read beside `n_sentences`: not compared between
    outlets, since a longer article quotes more by its length alone."""
    from ..actors import find_actors
    from ..compare import align_sentences, summarise_exclusivity
    from ..frames import add_frames
    from ..sentiment import add_actor_sentiment, add_sentiment
    from ..sources import extract_quotes

    content = _with_event(sentences)
    content = content[content["kind"].isin(CONTENT_KINDS)] if "kind" in content else content
    scored = add_sentiment(content, workers=workers) if scored is None else scored
    hits = add_frames(content, scheme="generic") if hits is None else hits
    actors = find_actors(content) if actors is None else actors
    quotes = extract_quotes(content, actors=actors) if quotes is None else quotes
    main = main_actors(actors if mentions is None else mentions)
    if mentions is None:  # only the main actors' mentions are read by the classifier
        mentions = add_actor_sentiment(content, actors[actors["actor"].eq(actors["event"].map(main))])
    table = (content.groupby("article_id", sort=True)
             .agg(event=("event", "first"), outlet=("outlet", "first"), n_sentences=("sentence_id", "size"))
             .reset_index())
    table["title"] = table["article_id"].map(_headlines(content))
    if articles is not None and "title" in articles:
        given = articles.dropna(subset=["title"]).set_index("article_id")["title"]
        table["title"] = table["article_id"].map(given).fillna(table["title"])
    table["sentiment"] = table["article_id"].map(
        scored[scored["article_id"].isin(table["article_id"])].groupby("article_id")["sentiment"].mean())
    conflict = hits[hits["frame"] == "conflict"].drop_duplicates(["article_id", "sentence_id"])
    table["conflict"] = (table["article_id"].map(conflict.groupby("article_id").size()).fillna(0)
                         / table["n_sentences"])
    officials = quotes[official_quote_mask(quotes, actors)]
    for name, found in (("quotes", quotes), ("official_quotes", officials)):
        table[name] = table["article_id"].map(found.groupby("article_id").size()).fillna(0).astype("int64")
        table[name.replace("quotes", "quote_share")] = _sentence_share(table, found)
    table["main_actor"] = table["event"].map(main)
    toward = mentions[mentions["actor"].eq(mentions["event"].map(main))]
    table["main_actor_sentiment"] = table["article_id"].map(toward.groupby("article_id")["actor_sentiment"].mean())
    pairs = align_sentences(content) if pairs is None else pairs
    exclusivity = summarise_exclusivity(pairs, content).set_index("article_id")["excess_share"]
    table["exclusive"] = table["article_id"].map(exclusivity)
    columns = ["event", "outlet", "article_id", "title", "n_sentences", "main_actor", *MEASURES, "quotes",
               "official_quotes"]
    return sort_outlets(table[columns], before=["event"], then=["article_id"])


def _sentence_share(table: pd.DataFrame, found: pd.DataFrame) -> pd.Series:
    """Per article of `table` (`article_id`, `n_sentences`), the share of its sentences holding at
    least one row of `found` (`article_id`, `sentence_id`): a rate for its length, not a count."""
    holding = found.drop_duplicates(["article_id", "sentence_id"]).groupby("article_id").size()
    return table["article_id"].map(holding).fillna(0) / table["n_sentences"]


def main_actors(mentions: pd.DataFrame, *, min_articles: int = 2) -> pd.Series:
    """Each event's main actor: the person named in most of its articles (at least `min_articles`,
    so that articles can be compared on them), then with most mentions, then first by name. Needs
    `event`, `article_id`, `actor` (as `add_actor_sentiment` or `find_actors` give). Returns a
    Series event → actor (events where nobody is named in enough articles are absent)."""
    if mentions.empty:
        return pd.Series(dtype=object)
    counts = (mentions.groupby(["event", "actor"], sort=True)
              .agg(articles=("article_id", "nunique"), mentions=("article_id", "size")).reset_index())
    counts = counts[counts["articles"] >= min_articles].sort_values(
        ["event", "articles", "mentions", "actor"], ascending=[True, False, False, True], kind="stable")
    return counts.drop_duplicates("event").set_index("event")["actor"]


def official_quote_mask(quotes: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.Series:
    """For each quote, whether its speaker is an official as the article presents them: named with
    an office at the quote ("Defense Secretary Pete Hegseth said") or anywhere else in the same
    article, at another quote of the same speaker or at a mention of that person (`actors`, as
    `find_actors` gives: `article_id`, `actor`, `mention`), so that "Hegseth said" and "he said"
    after "Secretary of Defense Pete Hegseth outlined …" count too. Needs `article_id`, `speaker`,
    `speaker_label`."""
    at_quote = quotes["speaker_label"].map(is_official).astype(bool)
    named = [quotes.loc[at_quote, ["article_id", "speaker"]]]
    if actors is not None and len(actors):
        titled = actors[actors["mention"].map(is_official).astype(bool)]
        named.append(titled[["article_id", "actor"]].rename(columns={"actor": "speaker"}))
    offices = set(pd.concat(named).dropna().itertuples(index=False, name=None))
    in_article = pd.Series([(a, s) in offices for a, s in zip(quotes["article_id"], quotes["speaker"])],
                           index=quotes.index, dtype=bool)
    return at_quote | in_article


def is_official(label) -> bool:
    """True when a speaker is named with an office ("Defense Secretary Pete Hegseth", "the
    president", "Sen. Lindsey Graham") or as an official ("U.S. officials"): the office words of the
    reporting-verbs lexicon (`roles.titles`), and its abbreviated titles (`roles.abbreviations`,
    with their period) of those offices."""
    if not isinstance(label, str) or not label:
        return False
    return bool(_official_pattern().search(label) or _OFFICIAL.search(label))


@lru_cache(maxsize=1)
def _official_pattern() -> re.Pattern:
    from ..lexicons import load_data

    roles = load_data("reporting_verbs")["roles"]
    titles = sorted(roles["titles"], key=len, reverse=True)
    short = sorted(abbreviation for abbreviation, role in roles["abbreviations"] if role in titles)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, titles)) + r")\b"
                      + r"|\b(?:" + "|".join(map(re.escape, short)) + r")\.", re.IGNORECASE)


def _headlines(sentences: pd.DataFrame) -> pd.Series:
    """Each article's headline (its headline sentences joined), by `article_id`."""
    heads = sentences[sentences["kind"] == "headline"] if "kind" in sentences else sentences.iloc[0:0]
    return heads.sort_values(["article_id", "sentence_id"]).groupby("article_id")["text"].agg(" ".join)


def close_tone_pairs(arts: pd.DataFrame, *, within: float = CLOSE_TONE) -> pd.DataFrame:
    """The pairs of articles whose mean sentiment differs by less than `within`. Needs `outlet`,
    `sentiment` (one row per article); returns `first`, `second` (outlets) and `gap`, closest first."""
    pairs = tone_gaps(arts)
    return pairs[pairs["gap"] < within].reset_index(drop=True)


def tone_gaps(arts: pd.DataFrame) -> pd.DataFrame:
    """Every pair of scored articles with the gap between their mean sentiments: `first`, `second`
    (outlets) and `gap`, closest first (ties in the articles' order)."""
    scored = arts.dropna(subset=["sentiment"])
    pairs = [(a, b, abs(x - y)) for (a, x), (b, y)
             in itertools.combinations(zip(scored["outlet"], scored["sentiment"]), 2)]
    table = pd.DataFrame(pairs, columns=["first", "second", "gap"])
    return table.sort_values("gap", kind="stable", ignore_index=True)


def order_agreement(gap: float) -> float:
    """The share of pairs of documents `gap` apart in mean sentiment that framing orders as people
    do (`ORDER_AGREEMENT`, measured on rated editorials): 0.58 below 0.05, 0.95 from 0.30."""
    return next(share for upper, share in ORDER_AGREEMENT if abs(gap) < upper)
