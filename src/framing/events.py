"""Events: outlets compared within the events they cover.

The flow reads tables → analyses → events → report. An **event** is one story covered by several
outlets (the `event` column of the tables; a corpus without one is one event). A pooled number over
many events mixes what each outlet chose to cover with how it covered it, so outlets are compared
within events first:

- `score_articles` gives each article its own values (mean sentence sentiment, share of sentences
  with conflict cues, quotes, quotes from officials) from the analyses' public functions;
- `compare_within_events` pairs outlets on the events both cover: in how many of them is A more
  negative (more often conflict-framed, quoting officials in more of its sentences…) than B, the median difference with
  its order-statistic interval (Thompson 1936, `median_interval`), a paired test over events
  (Wilcoxon signed-rank, Wilcoxon 1945) with p-values adjusted across every pair and measure of the
  table (Benjamini & Hochberg 1995, through `framing.stats.adjust_p`), and the exact sign test
  (Dixon & Mood 1946), adjusted alike, as a robustness check;
- `summarise_event` gathers what one event's page shows: per outlet its headline, frames, sentiment,
  speakers and quotes, the same facts in each outlet's words side by side, and the facts all
  outlets report and those only one reports;
- `save_event_pages` writes one HTML page per event (`<out>/events/<event>.html`).

Within one event (often one article per outlet) there is nothing to test: the pages show the
articles' own values side by side with the sentences behind them, and say so.
"""
from __future__ import annotations

import html
import itertools
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .config import CONTENT_KINDS
from .leans import outlet_order, outlet_rank, sort_outlets

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
SHORT_DIRECTIONS = {"sentiment": "more negative", "conflict": "more conflict", "quote_share": "more quoted",
                    "official_quote_share": "more officials", "main_actor_sentiment": "more neg. to main actor",
                    "exclusive": "more exclusive"}  # beside the bars of `plot_within_events`
EVENT_NAME_CHARS = 60  # characters of an event's name in a caption (`pooled_over`): a headline used as a name is cut
PAIR_CHARS = 20  # characters of each outlet's name (a line each) in a row label of `plot_within_events`
# The fewest events a paired test is run on: over n events the smallest two-sided p the exact sign
# test or Wilcoxon signed-rank test can give is 2 / 2^n (every event one way), 0.0625 at 5 events and
# 0.031 at 6. Below 6 a test cannot reach 0.05; counted in the Benjamini–Hochberg family it only
# makes the others' adjustment harsher (on allsides-100, 210 of 218 tests had 2–5 events).
MIN_EVENTS_FOR_TEST = 6
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
# Pairs of articles an event page names in a sentence on their tone; the rest are counted. Eight
# outlets make 28 pairs, and a sentence naming each one was a wall of text nobody read.
NAMED_PAIRS = 3
CORRECTION = "Benjamini–Hochberg"
EVENT_FILE_BYTES = 150  # of an event page's file name, before `_2` (another event of that name) and `.html`
_OFFICIAL = re.compile(r"\bofficials?\b", re.IGNORECASE)
# The bullet that opens a list item's first sentence: the sentence table keeps it (docs/sentences.md,
# the same bullets as `segment`), an event page shows the sentence as a list item without it. A
# Unicode bullet is one whatever follows; "-", "*" or "–" only before a space ("-5 degrees" keeps its sign).
_LIST_BULLET = re.compile(r"^\s*(?:[•◦▪‣⁃●■►▸]\s*|[-*–]\s+)(?=\S)")


# ── which events, which outlets ──────────────────────────────────────────────────────────────────

def list_events(table: pd.DataFrame) -> pd.DataFrame:
    """The events of a table of articles or sentences (needs `outlet`, `article_id`; `event` when
    there are several). Returns one row per event: `event`, `n_outlets`, `n_articles`, `outlets`
    ("; "-joined in `leans.outlet_order`), most outlets first, then by name."""
    table = _with_event(table)
    rank = outlet_rank(table["outlet"].dropna().astype(str))
    events = (table.groupby("event", sort=True)
              .agg(n_outlets=("outlet", "nunique"), n_articles=("article_id", "nunique"),
                   outlets=("outlet", lambda names: "; ".join(sorted(set(names.dropna().astype(str)), key=rank.get))))
              .reset_index())
    return events.sort_values(["n_outlets", "n_articles", "event"], ascending=[False, False, True],
                              ignore_index=True)


def default_event(table: pd.DataFrame) -> str:
    """The event covered by most outlets (then most articles, then first by name)."""
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
    from .plots import counted

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
    from .plots import counted

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
    without it is one event, unnamed)."""
    names = table["event"].dropna().unique() if "event" in table else []
    if len(names) > 1:
        return f"pooled over {len(names):,} events"
    return f"one event, {_short(names[0], EVENT_NAME_CHARS)}" if len(names) else "one event"


def _with_event(table: pd.DataFrame) -> pd.DataFrame:
    """The table with an `event` column (a table without one is one event named after nothing)."""
    if "event" in table.columns:
        return table
    return table.assign(event="all")


# ── per-article values ───────────────────────────────────────────────────────────────────────────

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
    from .actors import find_actors
    from .compare import align_sentences, summarise_exclusivity
    from .frames import add_frames
    from .sentiment import add_actor_sentiment, add_sentiment
    from .sources import extract_quotes

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
    from .lexicons import load_data

    roles = load_data("reporting_verbs")["roles"]
    titles = sorted(roles["titles"], key=len, reverse=True)
    short = sorted(abbreviation for abbreviation, role in roles["abbreviations"] if role in titles)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, titles)) + r")\b"
                      + r"|\b(?:" + "|".join(map(re.escape, short)) + r")\.", re.IGNORECASE)


def _headlines(sentences: pd.DataFrame) -> pd.Series:
    """Each article's headline (its headline sentences joined), by `article_id`."""
    heads = sentences[sentences["kind"] == "headline"] if "kind" in sentences else sentences.iloc[0:0]
    return heads.sort_values(["article_id", "sentence_id"]).groupby("article_id")["text"].agg(" ".join)


# ── outlets compared within events ───────────────────────────────────────────────────────────────

def score_event_outlets(article_scores: pd.DataFrame) -> pd.DataFrame:
    """Per event and outlet, the mean of its articles' values. Needs `score_articles`' table.
    Returns `event`, `outlet`, `n_articles` and one column per measure."""
    measures = [m for m in MEASURES if m in article_scores]
    grouped = article_scores.groupby(["event", "outlet"], sort=True)
    table = grouped[measures].mean()
    table.insert(0, "n_articles", grouped.size())
    return table.reset_index()


def compare_within_events(article_scores: pd.DataFrame, *, measures=None,
                          min_events: int = MIN_EVENTS_FOR_TEST) -> pd.DataFrame:
    """For every pair of outlets and measure, the events both cover compared one by one.

    Needs `score_articles`' table (`event`, `outlet` and the measures); an outlet with several
    articles in an event counts with their mean. Returns one row per pair of outlets that cover at
    least one event in common (A before B in `leans.outlet_order`: by name, or left before right) and measure: `outlet_a`, `outlet_b`, `measure`,
    `direction` (what "more" means, e.g. "more negative"), `n_events` both cover, `n_a_more` (events
    where A is more so than B), `n_b_more`, `n_ties`, `median_difference` (median over events of
    A − B, in the measure's units; none below `stats.MIN_ARTICLES` events, the minimum below which
    no interval is drawn either, and `effect_note` then says so), `median_ci_low`, `median_ci_high`
    (its distribution-free 95% interval, `median_interval`; none where no 95% interval exists, below
    six events), `effect_note`, `p_wilcoxon` (Wilcoxon signed-rank over events, zero differences
    dropped: the test of the table), `p_adjusted` (those p-values adjusted by `CORRECTION` across
    every row of the table), `note` and `robustness_p_sign_adjusted` (the exact sign test, which
    does not assume symmetric differences, adjusted the same way across the table: a check of
    `p_adjusted`, not a second chance at a small p). With fewer than `min_events` events there is
    no test: the p-values are empty and `note` says why. The interval is for one pair, not
    adjusted for the many in the table."""
    from itertools import combinations

    measures = [m for m in (measures or MEASURES) if m in article_scores]
    wide = score_event_outlets(article_scores)
    wide = wide[wide["outlet"].notna()].assign(outlet=lambda t: t["outlet"].astype(str))
    # events × outlets: who covers which event, and each measure's value there (events in order, so
    # that a pair's events come as a join on the event would give them)
    covers = wide.pivot(index="event", columns="outlet", values="n_articles").notna()
    values = {measure: wide.pivot(index="event", columns="outlet", values=measure).to_numpy()
              for measure in measures}
    outlets = outlet_order(covers.columns)  # A before B: by name, or left before right for leans
    column = {outlet: i for i, outlet in enumerate(covers.columns)}  # the matrices' columns
    matrix = covers.to_numpy()
    shared = matrix.T.astype(np.int64) @ matrix.astype(np.int64)  # events in common, per pair
    rows = []
    for a, b in combinations(outlets, 2):  # only the pairs covering an event in common (of 10,440
        if not shared[column[a], column[b]]:  # pairs of 145 outlets, a few hundred)
            continue
        both = matrix[:, column[a]] & matrix[:, column[b]]
        for measure in measures:
            rows.append({"outlet_a": a, "outlet_b": b, "measure": measure,
                         **paired_difference(values[measure][both, column[a]], values[measure][both, column[b]],
                                             sign=MEASURES[measure][1], min_events=min_events),
                         "direction": MEASURES[measure][0]})
    columns = ["outlet_a", "outlet_b", "measure", "direction", "n_events", "n_a_more", "n_b_more", "n_ties",
               "median_difference", "median_ci_low", "median_ci_high", "effect_note", "p_wilcoxon", "p_adjusted",
               "note", "robustness_p_sign_adjusted"]
    computed = [c for c in columns if c not in ("p_adjusted", "robustness_p_sign_adjusted")] + ["p_sign"]
    table = pd.DataFrame(rows, columns=computed)
    from .stats import adjust_p

    table["p_adjusted"] = adjust_p(table["p_wilcoxon"], method="fdr_bh")
    table["robustness_p_sign_adjusted"] = adjust_p(table["p_sign"], method="fdr_bh")
    return table[columns]


def paired_difference(a, b, *, sign: int = 1, min_events: int = MIN_EVENTS_FOR_TEST) -> dict:
    """A paired comparison of two outlets' values over the events both cover (`a[i]`, `b[i]` are
    one event). `sign` = −1 when "more" means a lower value (more negative sentiment). Returns
    `n_events`, `n_a_more`, `n_b_more`, `n_ties`, `median_difference` (of a − b; NaN below
    `stats.MIN_ARTICLES` events: one event's difference is two articles' values, no effect size),
    `median_ci_low`, `median_ci_high` (`median_interval`), `effect_note` (why there is no effect
    size or interval, else ""), `p_wilcoxon`, `p_sign` (unadjusted) and `note`."""
    from .stats import MIN_ARTICLES

    pairs = pd.DataFrame({"a": pd.to_numeric(pd.Series(a), errors="coerce").to_numpy(),
                          "b": pd.to_numeric(pd.Series(b), errors="coerce").to_numpy()}).dropna()
    diff = (pairs["a"] - pairs["b"]).to_numpy()
    more = np.sign(sign * diff)
    n = len(diff)
    low, high = median_interval(diff) if n >= MIN_ARTICLES else (float("nan"), float("nan"))
    result = {"n_events": n, "n_a_more": int((more > 0).sum()), "n_b_more": int((more < 0).sum()),
              "n_ties": int((more == 0).sum()),
              "median_difference": float(np.median(diff)) if n >= MIN_ARTICLES else float("nan"),
              "median_ci_low": low, "median_ci_high": high,
              "effect_note": "" if not n or not math.isnan(low) else
                             f"too few events for an effect size: fewer than {MIN_ARTICLES}" if n < MIN_ARTICLES else
                             f"no 95% interval for the median from {n} events (the widest, from the smallest to the "
                             f"largest difference, covers {1 - 2 / 2 ** n:.1%})",
              "p_wilcoxon": float("nan"), "p_sign": float("nan"), "note": ""}
    if n < min_events:
        result["note"] = ("no event where both have a value" if n == 0 else
                          "within one event there is nothing to test: compare the articles themselves"
                          if n == 1 else f"only {n} events covered by both: too few to test "
                          f"(over {n} events no paired test can give p below {2 / 2 ** n:.3g})")
        return result
    untied = result["n_a_more"] + result["n_b_more"]
    if untied == 0:
        result.update(p_wilcoxon=1.0, p_sign=1.0, note="no difference in any event")
        return result
    result["p_sign"] = _sign_test_p(result["n_a_more"], untied)
    result["p_wilcoxon"] = _wilcoxon_p(_signed_ranks(diff[diff != 0]))
    return result


def median_interval(differences, *, ci: float = 0.95) -> tuple[float, float]:
    """The distribution-free interval of the median of `differences` (one per event): the order
    statistics x(k) and x(n − k + 1) with k the largest for which the binomial gives
    P(k ≤ B ≤ n − k) ≥ `ci`, B ~ Binomial(n, ½) (Thompson 1936; Conover 1999, Practical
    Nonparametric Statistics, §3.2), by `scipy.stats.quantile_test(...).confidence_interval`. It
    assumes only independent events with one median; it is the interval the sign test inverts.
    Covers at least `ci` (exactly, for continuous values, 1 − 2 P(B < k)); (NaN, NaN) where no
    interval reaches `ci` (fewer than six values at 95%). Checked by simulation in
    benchmarks/bench_stats.py (part 8)."""
    x = np.sort(np.asarray(differences, dtype=float))
    x = x[~np.isnan(x)]
    low, high = _order_statistics(len(x), ci)
    return (float("nan"), float("nan")) if low < 0 else (float(x[low]), float(x[high]))


@lru_cache(maxsize=1024)
def _order_statistics(n: int, ci: float) -> tuple[int, int]:
    """The positions (0-based) in n sorted values of the bounds of `median_interval`, (−1, −1) when
    there is none. They depend on n alone, so scipy is asked once per n, with the positions as values."""
    from scipy import stats

    if n < 2:
        return -1, -1
    interval = stats.quantile_test(np.arange(n), q=0, p=0.5).confidence_interval(confidence_level=ci)
    if np.isnan(interval.low) or np.isnan(interval.high):
        return -1, -1
    return int(interval.low), int(interval.high)


# Both tests depend on nothing but their arguments, and many pairs of outlets give the same ones;
# with tied differences and up to 13 events scipy's Wilcoxon test enumerates every 2^n sign flip,
# the slowest part of comparing 145 outlets. So each is computed once per distinct argument. The
# Wilcoxon test reads nothing of the differences but the ranks of their sizes (ties averaged) and
# their signs, so it is given those, sorted: the same p-value, computed once for the many pairs of
# outlets whose differences share them (`tests/test_events.py` checks it against the differences).

def _signed_ranks(differences: np.ndarray) -> tuple:
    """The differences (none zero) as the signed ranks of their sizes, sorted."""
    from scipy.stats import rankdata

    return tuple(sorted((np.sign(differences) * rankdata(np.abs(differences))).tolist()))


@lru_cache(maxsize=65536)
def _sign_test_p(k: int, n: int) -> float:
    from scipy import stats

    return float(stats.binomtest(k, n, 0.5).pvalue)


@lru_cache(maxsize=65536)
def _wilcoxon_p(signed_ranks: tuple) -> float:
    from scipy import stats

    return float(stats.wilcoxon(np.array(signed_ranks)).pvalue)


def _signed(value: float) -> str:
    """A difference with its sign ("+0.5", "-2"), and a zero without one ("0", never "+0" or "-0":
    no difference has no direction; the median of counts is often exactly 0)."""
    return "0" if value == 0 else f"{value:+.3g}"


def describe_pairs(pairs: pd.DataFrame, *, alpha: float = 0.05) -> pd.Series:
    """Each row of `compare_within_events` as a sentence that opens with what the test allows, then
    the counts, the outlet that is more so more often first: "No evidence of a difference at 0.05
    after adjustment: CNN is more negative than Fox in 31 of 48 events, Fox than CNN in 12, tied in
    5 (median difference CNN − Fox −0.04, 95% interval −0.07 to −0.01; Wilcoxon p = 0.02, adjusted
    0.09)". Counting the events where A is "more so" describes them; only an adjusted p below
    `alpha` is evidence that the outlets differ, so the verdict comes first and a count ("in 44 of
    100 events") is never read as a finding before it. Where the sign test
    (`robustness_p_sign_adjusted`, when the table has it) does not agree the sentence says so."""
    def sentence(row) -> str:
        if row["n_events"] == 0:
            return f"{row['outlet_a']} and {row['outlet_b']} cover no event in common."
        a_leads = row["n_a_more"] >= row["n_b_more"]
        leader, other, k, rest = ((row["outlet_a"], row["outlet_b"], row["n_a_more"], row["n_b_more"])
                                  if a_leads else
                                  (row["outlet_b"], row["outlet_a"], row["n_b_more"], row["n_a_more"]))
        text = f"{leader} is {row['direction']} than {other} in {k} of {row['n_events']} events"
        if rest:  # "… in 1 of 2 events" must not hide that the other was so in the other one
            text += f", {other} than {leader} in {rest}"
        if row.get("n_ties", 0):  # the counts add up to the events in common
            text += f", tied in {row['n_ties']}"
        flip = 1.0 if a_leads else -1.0
        difference = flip * row["median_difference"]
        bounds = sorted(flip * row.get(c, np.nan) for c in ("median_ci_low", "median_ci_high"))
        note = row.get("effect_note") or ""
        note = "" if pd.isna(note) else note
        if pd.isna(difference):
            text += f" ({note or 'no median difference'}"
        else:
            text += f" (median difference {leader} − {other} {_signed(difference)}"
            text += (f", 95% interval {_signed(bounds[0])} to {_signed(bounds[1])}" if not np.isnan(bounds).any()
                     else f", {note}" if note else "")
        if pd.isna(row["p_wilcoxon"]):
            return f"Not tested: {text}; {row['note']})."
        # a test that does not reject says there is no evidence of a difference, not that there is none
        verdict = (f"Evidence of a difference at {alpha:g} after adjustment" if row["p_adjusted"] < alpha
                   else f"No evidence of a difference at {alpha:g} after adjustment")
        check = ""
        sign = row.get("robustness_p_sign_adjusted", np.nan)
        if row["p_adjusted"] < alpha and pd.notna(sign) and sign >= alpha:
            check = f"; the sign test does not confirm it (adjusted p = {sign:.3g})"
        ties = int(row.get("n_ties", 0) or 0)
        if row["p_adjusted"] < alpha and difference == 0 and ties:  # "evidence" beside a median of 0 needs saying why
            check += (f"; the median over all {row['n_events']} events is 0 because {ties} are tied, and the tests "
                      f"read only the {row['n_events'] - ties} that differ")
        return (f"{verdict}: {text}; Wilcoxon p = {row['p_wilcoxon']:.3g}, adjusted {row['p_adjusted']:.3g}"
                f"{check}).")
    return pairs.apply(sentence, axis=1) if len(pairs) else pd.Series([], dtype=str)


def plot_within_events(pairs: pd.DataFrame, *, max_rows: int = 16, ax=None):
    """One bar per pair of outlets and measure (rows of `compare_within_events` with at least one
    event), labelled "A" over "vs B" (each outlet on a line, cut to `PAIR_CHARS`): the events where A is "more"
    (left, dark grey), ties (light) and where B is (right, mid grey), as shares of the events both cover
    (greys: in a corpus labelled by lean, blue would read as "left");
    at the right, what "more" is for the row's measure over both counts and the adjusted p-value
    ("more negative" over "A 3, B 1 of 5" over "p adj. 1", never cut to fit). The `max_rows` rows with
    the smallest adjusted p-values are drawn and the caption says how many the table has."""
    from matplotlib import patheffects

    from .plots import house_style, new_axes, note_above, note_shown
    from .plots.style import SEMANTIC

    table = pairs[pairs["n_events"] > 0].sort_values(["p_adjusted", "n_events"], ascending=[True, False],
                                                     na_position="last")
    shown = table.head(max_rows)

    @house_style
    def draw(ax):
        ax = new_axes(ax, rows=max(2, 2 * len(shown)), width=7.5)  # two lines of label per row
        n = shown["n_events"].to_numpy(dtype=float)
        a, ties, b = (shown[c].to_numpy(dtype=float) / n for c in ("n_a_more", "n_ties", "n_b_more"))
        rows = np.arange(len(shown))
        ax.barh(rows, a, color=SEMANTIC["a_more"], label="A more so")
        ax.barh(rows, ties, left=a, color=SEMANTIC["tie"], label="tie")
        ax.barh(rows, b, left=a + ties, color=SEMANTIC["b_more"], label="B more so")
        # both outlets stay legible in a one-column chart, each on its line (on one line they were
        # cut to 11 characters: "New York T… vs Washington…"); what A is "more" goes beside the bar
        labels = [f"{_short(r.outlet_a, PAIR_CHARS)}\nvs {_short(r.outlet_b, PAIR_CHARS)}"
                  for r in shown.itertuples()]
        ax.set_yticks(rows, labels, fontsize=8)
        ax.invert_yaxis()
        # halfway, over the bars: dark dots with a white edge, seen on the dark grey as on the light
        ax.axvline(0.5, color="#444444", linewidth=0.8, linestyle=":", zorder=3,
                   path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")])
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of the events both outlets cover")
        # tick labels of a twin axis, not free text, so that the layout makes room for them at any
        # width (a chart exported at a journal's column width collapsed beside free text)
        side = ax.twinx()
        side.set_ylim(ax.get_ylim())
        # both counts: "20/100" alone read as the finding, when B was more so in 43 of those events;
        # the adjusted p on a line of its own, and these labels are never cut to fit (numbers are no
        # names): on one line with counts "of 100" the p-value was cut to "p…" in a saved chart
        side.set_yticks(rows, [f"{SHORT_DIRECTIONS.get(r.measure, r.measure)}\nA {r.n_a_more}, B {r.n_b_more} of {r.n_events}\n"
                               + ("no test" if pd.isna(r.p_adjusted) else f"p adj. {r.p_adjusted:.2g}")
                               for r in shown.itertuples()], fontsize=7)
        side._framing_whole_labels = True  # `plots.save_figure` cuts category labels, not these
        side.tick_params(axis="y", length=0)
        side.grid(False)
        for spine in side.spines.values():
            spine.set_visible(False)
        note_shown(ax, len(shown), len(table), "comparisons",
                   which="those with the smallest adjusted p-values, then the most events in common")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=8, frameon=False)
        if note := _no_pair_note(table):
            note_above(ax, note)
        return ax

    drawn = draw(ax)
    if ax is None:  # recorded like a `plots.plot_*` chart, so `export_figure` can redraw it
        drawn.figure._framing_plot = {"function": "plot_within_events", "table": pairs,
                                      "arguments": {"max_rows": max_rows}}
    return drawn


def _no_pair_note(table: pd.DataFrame, alpha: float = 0.05) -> str:
    """What the within-events chart says on itself when no comparison's adjusted p is below `alpha`
    (a saved image has no caption, and a bar far from halfway reads as a finding); "" otherwise."""
    tested = table["p_adjusted"].dropna() if "p_adjusted" in table else pd.Series(dtype=float)
    if tested.empty or tested.min() < alpha:
        return ""
    return (f"Differences may be chance: no pair of outlets differs on any measure (Wilcoxon signed-rank over "
            f"events, smallest adjusted p = {tested.min():.2g}, Benjamini-Hochberg across {len(tested)} comparisons)")


# ── one event ────────────────────────────────────────────────────────────────────────────────────

CUE_COLUMNS = ["outlet", "article_id", "sentence_id", "frames", "text"]  # `EventSummary.cues`
# `EventSummary.same_facts`: `compare.same_fact_rows` with each sentence's sentiment and frame cues
SAME_FACT_COLUMNS = ["row", "n_outlets", "similarity", "outlet", "article_id", "sentence_id", "anchor",
                     "similarity_to_anchor", "matches_all", "text", "sentiment", "frames"]
# Rows of "The same fact in each outlet's words" an event page shows (most outlets, then most similar
# first); on allsides-100 no event has more than 7, so the cap is for long articles and many outlets
SAME_FACT_ROWS = 12


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

    from .ingest.exports import EVENT_TITLE_COLUMNS, _column  # column names compared as the build compares them

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
    from .actors import find_actors
    from .compare import align_sentences, exclusive_facts, same_fact_rows, shared_facts
    from .frames import add_frames, article_frames
    from .sentiment import add_sentiment
    from .sources import extract_quotes

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
    from .frames import own_cue_hits

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


# ── the event pages ──────────────────────────────────────────────────────────────────────────────

def event_file(event: str) -> str:
    """The file name of an event's page: the event's name made file-safe, plus `.html`, its name
    cut to `EVENT_FILE_BYTES` bytes (file systems refuse names over 255)."""
    name = re.sub(r"[^\w.-]+", "_", str(event)).strip("._")
    name = name.encode("utf-8")[:EVENT_FILE_BYTES].decode("utf-8", errors="ignore").rstrip("._")
    return f"{name or 'event'}.html"


def save_event_pages(summaries: list[EventSummary], out: str | Path, *, corpus: str = "",
                     index: str = "../index.html", colors: dict | None = None, progress=None) -> pd.DataFrame:
    """Write one page per event to `<out>/events/<event>.html` (with its chart under
    `<out>/events/figures/`, each outlet in its colour of `colors`, e.g. `outlet_colours` of the
    corpus's sentences as the notebooks give it). Returns one row per page: `event`, `file`
    (relative to `out`), `n_outlets`, `n_articles`, `headline` (the first outlet's).
    `progress(done, total)` is called after each page, when given."""
    from .store import save_text

    folder = Path(out) / "events"
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    rows = []
    taken: set[str] = set()  # two events whose names differ only in what a file name cannot hold
    for done, summary in enumerate(summaries, 1):  # ("Trump's plan", "Trump s plan"; "Vote", "vote") get two files
        name = event_file(summary.event)
        stem, number = name[:-5], 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}_{number}.html"
        taken.add(name.casefold())
        image = _save_event_chart(summary, folder / "figures" / (name[:-5] + "_sentiment.png"), colors)
        page = render_event_page(summary, corpus=corpus, index=index,
                                 image=None if image is None else f"figures/{image.name}")
        save_text(page, folder / name)
        titled = summary.articles.dropna(subset=["title"])
        rows.append({"event": summary.event, "title": summary.title, "file": f"events/{name}",
                     "n_outlets": summary.articles["outlet"].nunique(),
                     "n_articles": len(summary.articles),
                     "headline": str(titled["title"].iloc[0]) if len(titled) else "",
                     "headline_outlet": str(titled["outlet"].iloc[0]) if len(titled) else ""})
        if progress is not None:
            progress(done, len(summaries))
    return pd.DataFrame(rows, columns=["event", "title", "file", "n_outlets", "n_articles", "headline", "headline_outlet"])


def plot_event_sentiment(sentences: pd.DataFrame, *, colors: dict | None = None, ax=None, **style):
    """Each sentence's sentiment as a dot, one row per article (labelled by outlet and headline),
    with the article's mean as a bar: the per-article values, with no interval. Needs `outlet`,
    `article_id`, `sentiment`; `title` when known. `colors` (`outlet_colours` of the corpus) gives
    each outlet the colour and marker it has in the report's charts."""
    from .plots import group_markers, house_style, new_axes

    @house_style
    def draw(ax):
        table = sentences.dropna(subset=["sentiment"])
        keys = sort_outlets(table[["outlet", "article_id"]].drop_duplicates(), then=["article_id"])
        ax = new_axes(ax, rows=max(2, len(keys)), width=7.0)
        markers = group_markers(keys["outlet"].unique(), colors) if colors else {}
        labels = []
        for row, (outlet, article_id) in enumerate(keys.itertuples(index=False)):
            values = table.loc[table["article_id"] == article_id, "sentiment"].to_numpy()
            jitter = (np.arange(len(values)) % 5 - 2) * 0.06
            look = {"color": colors[outlet], "marker": markers[outlet]} if colors and outlet in colors else {}
            ax.scatter(values, row + jitter, s=14, alpha=0.6, **{**look, **style})
            ax.plot([values.mean()] * 2, [row - 0.3, row + 0.3], color="#222222", linewidth=2)
            title = table.loc[table["article_id"] == article_id, "title"].dropna()
            labels.append(_short(f"{outlet}: {title.iloc[0]}" if len(title) else str(outlet), 48))
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.axvline(0, color="#999999", linewidth=0.8)
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("sentence sentiment (each dot a sentence; bar: the article's mean)")
        return ax

    return draw(ax)


def _save_event_chart(summary: EventSummary, path: Path, colors: dict | None = None) -> Path | None:
    import matplotlib.pyplot as plt

    from .store import write_atomic

    table = summary.sentences.merge(summary.articles[["article_id", "title"]], on="article_id", how="left")
    if table["sentiment"].notna().sum() == 0:
        return None
    ax = plot_event_sentiment(table, colors=colors)
    try:
        return write_atomic(path, lambda p: ax.figure.savefig(p, format="png", dpi=110, bbox_inches="tight"))
    finally:
        plt.close(ax.figure)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_event_page(summary: EventSummary, *, corpus: str = "", index: str = "../index.html",
                      image: str | None = None) -> str:
    """The HTML page of one event (every value escaped): the outlets' headlines side by side, per
    article its values and frames, the quotes by outlet, the same facts in each outlet's words (a
    row per fact, a column per outlet), and the facts all outlets report and those only one
    reports, each as a sentence with its outlet."""
    e = html.escape
    arts = summary.articles
    n_out = arts["outlet"].nunique()
    name = summary.title or summary.event
    parts = [_PAGE_HEAD.replace("{title}", e(f"{name} · framing report {corpus}".strip())),
             f'<p><a href="{e(index)}">← report index</a></p>',
             (f"<h1>{e(summary.title)}</h1><p class=\"note\">Event {e(summary.event)}</p>" if summary.title
              else f"<h1>Event: {e(summary.event)}</h1>"),
             f"<p>{len(arts)} article{'s' if len(arts) != 1 else ''} from {n_out} outlet"
             f"{'s' if n_out != 1 else ''}. Within one event there is nothing to test: the values "
             "below are the articles' own, not estimates of how each outlet usually writes; read the "
             "sentences behind them.</p>",
             "<h2>Headlines side by side</h2>", _headlines_html(arts),
             "<h2>Each article's values</h2>", _values_html(arts)]
    if image:
        parts.append(f'<figure><img src="{e(image)}" alt="Sentence sentiment per article, {e(summary.event)}">'
                     "<figcaption>Sentence sentiment in each article of this event: each dot a sentence, "
                     f"the bar the article's mean; no interval is drawn (n = {len(summary.sentences)} "
                     f"sentences in {len(arts)} articles).</figcaption></figure>")
    parts += ["<h2>The sentences behind the frames</h2>", _cues_html(summary.cues, list(arts["outlet"].unique())),
              "<h2>Who is quoted</h2>", _quotes_html(summary.quotes, list(arts["outlet"].unique())),
              "<h2>The same fact in each outlet's words</h2>",
              _same_facts_html(summary.same_facts, outlet_order(arts["outlet"])),
              "<h2>What every outlet reports</h2>",
              _facts_html(summary.facts[summary.facts["reported_by"] == "all outlets"],
                          "No sentence has a counterpart in every other outlet."
                          if n_out > 1 else "Only one outlet covers this event: nothing to compare."),
              "<h2>What only one outlet reports</h2>",
              _facts_html(summary.facts[summary.facts["reported_by"] == "only this outlet"],
                          "Every sentence has a counterpart in another outlet."
                          if n_out > 1 else "Only one outlet covers this event: nothing to compare."),
              "<p class=\"note\">Facts are matched sentence by sentence (TF-IDF cosine within the event, "
              "see docs/compare.md): a sentence without a counterpart may be worded too differently to "
              "match, so read both before concluding that an outlet left something out. A sentence is "
              "listed as reported by every outlet only when each other outlet has a counterpart at the "
              "calibrated threshold, each the other's closest sentence (as in the side-by-side rows); a "
              "weaker match that shares a topic word or two is neither.</p>",
              "</body></html>\n"]
    return "\n".join(parts)


def _headlines_html(arts: pd.DataFrame) -> str:
    e = html.escape
    cells = []
    for outlet in outlet_order(arts["outlet"]):
        part, items = arts[arts["outlet"] == outlet], []
        for row in part.itertuples(index=False):
            title = e(str(row.title)) if isinstance(row.title, str) and row.title else "<i>no headline</i>"
            url = getattr(row, "url", None)
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                title = f'<a href="{e(url)}">{title}</a>'
            date = getattr(row, "published", None)
            date = f'<div class="date">{e(str(date)[:10])}</div>' if isinstance(date, str) and date else ""
            items.append(f"<p>{title}</p>{date}")
        cells.append(f'<div class="outlet"><h3>{e(str(outlet))}</h3>{"".join(items)}</div>')
    return f'<div class="side">{"".join(cells)}</div>'


def _values_html(arts: pd.DataFrame) -> str:
    e = html.escape
    main = arts["main_actor"].dropna()
    toward = f"toward {e(str(main.iloc[0]))}" if len(main) else "toward the main actor"
    toward_note = (e(MEASURE_NOTES["main_actor_sentiment"]) if len(main) else  # a column of dashes says why
                   "none here: no person is named in two or more of the event's articles, so the event has no main actor")
    rows = "".join(
        f"<tr><td>{e(str(r.outlet))}</td><td>{e(_short(r.title, 90)) if isinstance(r.title, str) else ''}</td>"
        f"<td>{r.n_sentences}</td><td>{_number(r.sentiment)}</td><td>{_number(r.main_actor_sentiment)}</td>"
        f"<td>{_number(r.conflict, pct=True)}</td><td>{r.quotes}</td><td>{r.official_quotes}</td>"
        f"<td>{_number(r.exclusive)}</td><td>{e(r.frames) or '—'}</td></tr>"
        for r in arts.itertuples(index=False))
    return ('<div class="wide"><table><thead><tr><th>outlet</th><th>headline</th><th>sentences</th>'
            f"<th>mean sentiment</th><th>{toward}</th><th>conflict cues</th><th>quotes</th><th>from officials</th>"
            f"<th>exclusive for its length</th><th>generic frames present</th></tr></thead><tbody>{rows}</tbody></table></div>"
            "<p class=\"note\">Mean sentiment: " + e(MEASURE_NOTES["sentiment"]) + f"; {toward}: "
            + toward_note + "; conflict cues: "
            + e(MEASURE_NOTES["conflict"]) + "; quotes: " + e(MEASURE_NOTES["quotes"])
            + "; from officials: " + e(MEASURE_NOTES["official_quotes"])
            + "; exclusive for its length: " + e(MEASURE_NOTES["exclusive"])
            + ".</p>" + _close_tone_html(arts))


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


def _gap_shown(gap: float) -> str:
    """A gap in mean sentiment as the page prints it: three decimals cut, not rounded, so a gap of
    0.0996 reads 0.099 and never the threshold `CLOSE_TONE` itself."""
    return f"{math.floor(gap * 1000) / 1000:.3f}"


def _close_tone_html(arts: pd.DataFrame) -> str:
    """A note naming the articles too close in mean sentiment to be ordered (`CLOSE_TONE`): the
    `NAMED_PAIRS` closest pairs, the rest counted."""
    n_scored = int(arts["sentiment"].notna().sum())
    if n_scored < 2:
        return ""
    close = close_tone_pairs(arts)
    named = _pairs_named(close, lambda r: _gap_shown(r.gap))
    n_pairs = n_scored * (n_scored - 1) // 2
    if not len(close):
        found = f"No two articles differ in mean sentiment by less than {CLOSE_TONE:.2f}. "
    else:
        which = ("The two articles differ" if n_pairs == 1 else
                 f"All {n_pairs} pairs of articles differ" if len(close) == n_pairs else
                 f"{len(close)} of the {n_pairs} pairs of articles {'differs' if len(close) == 1 else 'differ'}")
        found = (f"{which} in mean sentiment by less than {CLOSE_TONE:.2f} ({named}): read them as alike "
                 "in tone. ")
    return ("<p class=\"note\">" + found + _apart_html(arts) + "People order two documents whose mean "
            f"sentiment lies closer than {CLOSE_TONE:.2f} as framing does only about 6 times in 10, and "
            "the same holds for sentiment toward a person (docs/sentiment.md). A gap on one event says "
            "nothing of how an outlet usually writes: compare outlets over many events (notebooks 03 and "
            "07).</p>")


def _pairs_named(pairs: pd.DataFrame, value, *, limit: int = NAMED_PAIRS) -> str:
    """The first `limit` rows of `tone_gaps` as "A and B: <value(row)>", "; "-joined and escaped,
    then how many more there are ("and 25 more"); every row when only one would be left."""
    shown = pairs if len(pairs) <= limit + 1 else pairs.head(limit)
    named = "; ".join(f"{html.escape(str(r.first))} and {html.escape(str(r.second))}: {value(r)}"
                      for r in shown.itertuples(index=False))
    left = len(pairs) - len(shown)
    return f"{named}; and {left} more" if left else named


def _apart_html(arts: pd.DataFrame) -> str:
    """The pairs of articles at least `CLOSE_TONE` apart in mean sentiment, each with how often
    framing orders documents that far apart as people do (`order_agreement`): an order in tone
    is never certain, and the page says how uncertain each one is. The `NAMED_PAIRS` closest
    (the least sure) are named, the rest counted with the range of their gaps and shares. ""
    when there is none."""
    pairs = tone_gaps(arts)
    apart = pairs[pairs["gap"] >= CLOSE_TONE]
    if not len(apart):
        return ""
    named = _pairs_named(apart, lambda r: f"{_gap_shown(r.gap)} apart, {order_agreement(r.gap):.0%}")
    rest = apart.iloc[NAMED_PAIRS:] if len(apart) > NAMED_PAIRS + 1 else apart.iloc[:0]
    if len(rest):
        low, high = rest["gap"].min(), rest["gap"].max()
        named += (f", {_span(_gap_shown(low), _gap_shown(high))} apart, "
                  f"{_span(f'{order_agreement(low):.0%}', f'{order_agreement(high):.0%}')}")
    return (f"How sure the order in tone is {'of the other pairs ' if len(apart) < len(pairs) else ''}"
            f"(the share of pairs of rated editorials as far apart that framing orders as people do): {named}. "
            "Which of two articles reads as more negative is likely, not certain; these articles are shorter "
            "than the editorials, so if anything less so. ")


def _span(low: str, high: str) -> str:
    """"0.150 to 0.600", or one value when both ends read the same."""
    return low if low == high else f"{low} to {high}"


def _number(value, *, pct: bool = False) -> str:
    """A value of an event page: a share as a percentage, any other with its sign to two decimals,
    and one that rounds to zero as "0.00" (a sign there, "-0.00" beside "+0.00", would set two
    articles of the same tone on opposite sides); "—" for none."""
    if value is None or pd.isna(value):
        return "—"
    if pct:
        return f"{100 * value:.0f}%"
    shown = f"{value:+.2f}"
    return "0.00" if float(shown) == 0 else shown


def _cues_html(cues: pd.DataFrame, outlets: list) -> str:
    """Per outlet, each sentence with a generic frame's cue words, the frames and words first."""
    e = html.escape
    note = ("<p class=\"note\">Cue words of the generic frames (Semetko &amp; Valkenburg 2000; "
            "notebook 02, docs/frames.md) in each sentence. The table above counts a frame present in an "
            "article only when enough different cue words occur in it, so a sentence here may carry a "
            "frame's cue in an article that does not carry the frame; a cue used in another sense is a "
            "reason to edit the lexicon.</p>")
    if cues.empty:
        return "<p>No sentence of these articles has a generic frame's cue words.</p>"
    blocks = []
    for outlet in outlet_order(outlets):
        part = cues[cues["outlet"] == outlet]
        items = "".join(f"<li><i>{e(str(c.frames))}</i>: {e(_without_bullet(c.text))}</li>" for c in part.itertuples(index=False))
        blocks.append(f"<h3>{e(str(outlet))}</h3>" + (f"<ul class=\"facts\">{items}</ul>" if items else
                                                      "<p>No sentence with a frame's cue words.</p>"))
    return "".join(blocks) + note


def _quotes_html(quotes: pd.DataFrame, outlets: list) -> str:
    e = html.escape
    if quotes.empty:
        return "<p>No quotes were found in these articles.</p>"
    blocks = []
    for outlet in outlet_order(outlets):
        part = quotes[quotes["outlet"] == outlet]
        if part.empty:
            blocks.append(f"<h3>{e(str(outlet))}</h3><p>No quotes.</p>")
            continue
        items = "".join(  # the verb as written ("told", "had warned"), as notebook 05 shows it; else its lemma
            f"<li>{_speaker_html(q.speaker, q.speaker_label, getattr(q, 'speaker_kind', None))}"
            f"{(' (' + e(_verb_as_written(q)) + ')') if _verb_as_written(q) else ''}: "
            f"{'“' + e(str(q.quote)) + '”' if q.is_direct else e(str(q.quote))}</li>"
            for q in part.itertuples(index=False))
        blocks.append(f"<h3>{e(str(outlet))}</h3><ul>{items}</ul>")
    return "".join(blocks)


def _verb_as_written(quote) -> str:
    """A quote's reporting verb as the outlet wrote it (`verb_text`), else its lemma (`verb`), else ""."""
    for verb in (getattr(quote, "verb_text", None), getattr(quote, "verb", None)):
        if isinstance(verb, str) and verb:
            return verb
    return ""


def _speaker_html(speaker, label, kind=None) -> str:
    """The speaker as resolved, with how the outlet wrote it when that differs ("Pete Hegseth (as
    “he”)") and its kind when it is no person ("Fox [outlet]", `speaker_kind` of
    `extract_quotes`); "unattributed" when neither is known."""
    e = html.escape
    speaker = speaker if isinstance(speaker, str) and speaker else None
    label = label if isinstance(label, str) and label else None
    shown = f" <small>[{e(kind)}]</small>" if isinstance(kind, str) and kind != "person" and speaker else ""
    if speaker is None and label is None:
        return "<i>unattributed</i>"
    if speaker is None or label is None or label == speaker:
        return f"<b>{e(speaker or label)}</b>{shown}"
    return f"<b>{e(speaker)}</b>{shown} (as “{e(label)}”)"


def _same_facts_html(rows: pd.DataFrame, outlets: list, *, limit: int = SAME_FACT_ROWS) -> str:
    """The rows of `EventSummary.same_facts` as a table, one column per outlet (blank where the
    outlet has no counterpart), each sentence with its sentiment and frame cues; the first `limit`
    rows, and a note of how many are left out."""
    e = html.escape
    if len(outlets) < 2:
        return "<p>Only one outlet covers this event: nothing to compare.</p>"
    if rows.empty:
        return ("<p>No sentence has a counterpart in another outlet at the calibrated threshold. A fact "
                "may still be shared in words too different to match: read the articles.</p>")
    numbers = sorted(rows["row"].unique())
    body = []
    for number in numbers[:limit]:
        part = rows[rows["row"] == number]
        cells = []
        for outlet in outlets:
            mine = part[part["outlet"] == outlet]
            cells.append("<td></td>" if mine.empty else
                         "<td" + (' class="anchor"' if mine["anchor"].any() else "") + ">"
                         + "".join(_same_fact_cell(sentence) for sentence in mine.itertuples(index=False)) + "</td>")
        body.append(f"<tr><td>{int(part['n_outlets'].iloc[0])}</td>{''.join(cells)}</tr>")
    head = "".join(f"<th>{e(str(outlet))}</th>" for outlet in outlets)
    left = len(numbers) - min(len(numbers), limit)
    shown = (f"All {len(numbers)} rows are shown" if not left else
             f"The first {limit} of {len(numbers)} rows are shown; {left} more, shared by fewer outlets or "
             "less alike, are left out (notebook 06 lists every pair)")
    return ('<div class="wide"><table class="same"><thead><tr><th>outlets</th>' + head + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table></div>"
            "<p class=\"note\">Each row is one sentence (shaded) with its counterpart in each other outlet that "
            "has one: the two are each other's closest sentence, at the calibrated threshold of TF-IDF cosine "
            "(docs/compare.md); “match” is that cosine. Two other sentences of a row are not always each "
            "other's match. A blank cell: no counterpart at that threshold, which may be the same fact in "
            "other words. Shared words are not proof of the same fact: read the sentences. Under each, its "
            "sentiment (−1 … 1) and its generic frames' cue words. Rows shared by most outlets come first, "
            f"then the most alike (mean cosine). {shown}. A row filled in every column is a fact of "
            "“What every outlet reports” below, where its sentences that match all the others are listed. "
            "Within one event nothing is tested: the sentences are the evidence.</p>")


def _same_fact_cell(sentence) -> str:
    """One sentence of a side-by-side row: its text, then its sentiment, frame cues and match."""
    e = html.escape
    notes = [f"sentiment {_number(sentence.sentiment)}"]
    if isinstance(sentence.frames, str) and sentence.frames:
        notes.append(e(sentence.frames))
    if not sentence.anchor:
        notes.append(f"match {sentence.similarity_to_anchor:.2f}")
    return f'<p>{e(_without_bullet(sentence.text))}</p><div class="meta">{" · ".join(notes)}</div>'


def _without_bullet(text) -> str:
    """A sentence as an event page shows it: a list item's bullet ("- French Defense Minister …")
    taken off, since the page sets every sentence in a list or a cell of its own."""
    return _LIST_BULLET.sub("", str(text), count=1)


def _facts_html(facts: pd.DataFrame, empty: str) -> str:
    e = html.escape
    if facts.empty:
        return f"<p>{e(empty)}</p>"
    items = "".join(f"<li><b>{e(str(f.outlet))}</b>: {e(_without_bullet(f.text))}</li>" for f in facts.itertuples(index=False))
    return f"<ul class=\"facts\">{items}</ul>"


_PAGE_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.5em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; } h3 { margin: 0.6em 0 0.3em; }
.side { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 1em; }
.side .outlet { border: 1px solid #e5e5e5; padding: 0.4em 0.8em; border-radius: 4px; }
.side .outlet p { font-size: 1.05em; margin: 0.3em 0; } .date { color: #666; font-size: 0.85em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; width: 100%; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 8px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; word-break: normal; } th { overflow-wrap: normal; }
figure img { max-width: 100%; } figcaption, .note { font-size: 0.85em; color: #555; }
ul.facts li { margin-bottom: 0.3em; }
.wide { overflow-x: auto; } table.same td { min-width: 14em; } table.same td:first-child { min-width: 0; }
table.same td p { margin: 0.2em 0; } table.same td.anchor { background: #f3f6fa; }
.meta { color: #666; font-size: 0.85em; }
</style></head><body>"""
