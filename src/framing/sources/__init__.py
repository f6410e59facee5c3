"""Sources and quotes: who is quoted, in whose words, with which reporting verb.

Rules, one sentence at a time in article order (a rule-based attribution in the spirit of Pouliquen,
Steinberger & Best 2007 and Pareti 2016, written for this project):

- direct quotes are the spans inside quotation marks (curly “…” or straight "…"); a sentence that
  opens a quote without closing it is joined with the next ones until the quote closes, so a quote
  spanning sentences is one row (`sentence_id` … `sentence_end`);
- a quote woven into the journalist's own sentence ("dismissed it as an “unrealistic aspiration”")
  is partial; one that opens the sentence or follows a comma, colon or dash is a full quote;
- the speaker is found in the rest of the sentence: "NAME said", "said NAME", "NAME, role, said",
  "according to NAME", "NAME said:" and bullet lines "- Minister NAME warned …";
- "he said" / "she added" goes to the last named speaker of the article; "Hegseth" after
  "Defense Secretary Pete Hegseth" is the same person;
- indirect quotes are sentences "NAME said that …" without quotation marks;
- anonymous sources ("officials said", "a source familiar with …") are flagged;
- the rules run as a sieve in the order of Muzny et al. (2017): patterns in the quote's own
  sentence first ("“…,” X said", "X said: “…”", "“…,” said X", a name right after the quote),
  then the sentence after and the sentence naming one person before a bare quote, then pronouns
  and descriptions resolved to a person met earlier whose gender, when the text tells it
  (honorifics, gendered roles, pronouns), fits;
- where the patterns give a quote nobody, the sentence is tagged (TextBlob's English tagger) and the
  subject of the reporting verb nearest before the quote speaks ("the former acting director for
  the agency said", "Republican leaders say they told", "officials …, while promising");
- an article's own outlet never speaks in it ("CNN has learned" in CNN's article is the journalist's
  voice); another outlet may be a source, as a body ("according to CNN" in another outlet's article).

Reporting verbs, their stance (neutral or evaluative), role words and anonymous phrases are data in
`src/framing/data/reporting_verbs.toml`.

This package's own module holds the public table functions (`extract_quotes`, `add_voice`,
`summarise_speakers`, `count_verbs`, `count_anonymous`, `actor_names`); `summaries` holds the quote measures per
article and per outlet (`article_quote_shares`, `summarise_quote_shares` …), re-exported here. The
rules live in its modules, in the order they run: `spans` (the quoted spans of a
sentence, partial, full or a title), `attribution` (the attribution a sentence writes, with the
patterns of `patterns`, the word classes of `name_kinds` and, last in the sieve, the tagged clause
of `clause_tags`), `speaker_memory` (who a written speaker is, given what the article said before),
`article` (an article's sentences to quote rows, neighbours included), `speaker_names` (one name
per speaker across articles and outlets) and `speaker_kinds` (what is no part of a name cut off, a
poll's share read as its group, and each speaker's kind: person, outlet, organisation, group,
anonymous).
"""
from __future__ import annotations

import re

import pandas as pd

from ..actors import find_actors
from ..actors.find import written_forms
from ..config import CONTENT_KINDS
from .article import _article_quotes
from .patterns import _lexicon
from .spans import _QUOTE, _WORD, _articles
from .speaker_kinds import (SPEAKER_KINDS, clip_name, clip_names, is_news_organisation, read_shares,  # noqa: F401
                            share_group, speaker_kinds)
from .speaker_names import (_as_actors, _events, _joined_in_event, _one_name_per_body, _outlet_as_channel,
                            _resolved_speakers, _roles_as_actors, _whole_bodies, defined_acronyms)
from .summaries import (QUOTE_MEASURES, article_quote_shares, article_speaker_shares, caption_quote_shares,  # noqa: F401
                        caption_speaker_shares, summarise_quote_shares, summarise_speaker_shares)

QUOTE_COLUMNS = ["quote_id", "article_id", "outlet", "event", "sentence_id", "sentence_end", "kind",
                 "position", "quote", "is_direct", "is_partial", "speaker", "speaker_label", "verb",
                 "verb_text", "verb_stance", "is_anonymous", "speaker_kind", "n_words", "pattern", "lexicon_version"]


# ── quotes ──────────────────────────────────────────────────────────────────────────────────────

def extract_quotes(sentences: pd.DataFrame, *, kinds=CONTENT_KINDS, text_col: str = "text",
                   actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quote (`QUOTE_COLUMNS`).

    Needs `article_id`, `sentence_id`, `text`; keeps `outlet`, `event`, `kind`, `position` when
    present. Sentences are read in article order so that "he said" and surnames resolve to the
    last named speaker; a surname no article spells out is completed from the other articles of
    the table when only one full name fits; a quote left open runs on to the sentence that closes
    it (`sentence_end`). A person speaker is then named as its actor (`framing.actors.match_actors`
    over `actors`, the table of `find_actors` for the same sentences, found here when not given),
    so that a speaker and the actor rows of the same person carry one name; `speaker_label` keeps
    what the outlet wrote, and `speaker_kind` says what the speaker is (`speaker_kinds`: a news
    outlet is never a person, whatever the corpus calls its outlets).
    `lexicon_version` is the version of `reporting_verbs.toml` used."""
    table = sentences if kinds is None or "kind" not in sentences else sentences[sentences["kind"].isin(kinds)]
    table = table.sort_values(["article_id", "sentence_id"], kind="stable")
    rows: list[dict] = []
    written: list[tuple] = []  # (event, full name) of every person named outside quotes
    for article in _articles(table, text_col):
        rows.extend(_article_quotes(article, text_col, written))
    quotes = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    quotes["quote_id"] = range(len(quotes))
    for name in ("is_direct", "is_partial", "is_anonymous"):
        quotes[name] = quotes[name].astype(bool)
    for name in ("n_words", "sentence_id", "sentence_end"):
        quotes[name] = quotes[name].astype("int64")
    texts = dict(zip(zip(table["article_id"], table["sentence_id"]), table[text_col]))
    quotes = read_shares(clip_names(quotes), texts)
    channel = _outlet_as_channel(quotes, texts)  # "according to Fox": the outlet, not Vicente Fox
    quotes["speaker"] = _resolved_speakers(quotes.assign(speaker=_whole_bodies(quotes, texts)), written, channel)
    if actors is None:
        actors = find_actors(table, kinds=None, text_col=text_col)
    quotes["speaker"] = _roles_as_actors(quotes.assign(speaker=_as_actors(quotes, actors, channel)), actors, texts)
    quotes["speaker"] = _joined_in_event(quotes)
    quotes["speaker"] = _one_name_per_body(quotes, defined_acronyms(table[text_col].unique()), _event_texts(table, text_col))
    quotes["speaker_kind"] = speaker_kinds(quotes, actors, texts)
    quotes["lexicon_version"] = _lexicon().version
    return quotes


def _event_texts(table: pd.DataFrame, text_col: str) -> dict[str, str]:
    """{event: the text of its sentences, one per line}, the events named as the quotes' (`_events`: an
    article where the table has no event)."""
    return {event: "\n".join(part.astype(str)) for event, part in table[text_col].groupby(_events(table), sort=False)}


# Each `_read_*` below gives (speaker, label, anonymous, suffix of the pattern name) for the `who`
# (and noun after it) of an attribution it knows how to read, remembering what it meets, else None.


# ── voice: narration against quoted speech ─────────────────────────────────────────────────────

def add_voice(sentences: pd.DataFrame, *, text_col: str = "text") -> pd.DataFrame:
    """Same rows plus `voice` ("narration", "quote" or "mixed"), `quoted_text` (the text inside
    quotation marks, joined) and `narration_text` (the rest)."""
    quoted, narration, voice = [], [], []
    for text in sentences[text_col].fillna(""):
        spans = [next(g for g in m.groups() if g) for m in _QUOTE.finditer(text)]
        rest = _QUOTE.sub(" ", text).strip() if spans else text
        quoted.append(" ".join(spans))
        narration.append(re.sub(r"\s+", " ", rest))
        rest_words = len(_WORD.findall(rest))
        voice.append("narration" if not spans else "quote" if rest_words <= 4 else "mixed")
    return sentences.assign(voice=voice, quoted_text=quoted, narration_text=narration)


# ── summaries ───────────────────────────────────────────────────────────────────────────────────

def summarise_speakers(quotes: pd.DataFrame, sentences: pd.DataFrame | None = None, *,
                       by: str = "outlet", kinds=CONTENT_KINDS) -> pd.DataFrame:
    """Who each group (outlet by default) quotes, one row per group and named speaker.

    Needs the quotes table (`by`, `speaker`, `n_words`, `sentence_id`, `position`, `verb`,
    `speaker_label`, `is_anonymous`). Returns `n_quotes`, `n_words` quoted, `word_share` (of the
    group's quoted words), `first_sentence` and `first_position` (where the speaker is first
    quoted), `verbs` used, `labels` (how the outlet named them), `is_anonymous` and `rank` (1 =
    quoted first). Given the sentence table (`by`, `n_words` or `text`, `kind`), also `text_share`:
    the speaker's quoted words as a share of all the group's words in the content kinds."""
    named = quotes[quotes["speaker"].notna()]
    rows = []
    for (group, speaker), part in named.groupby([by, "speaker"], sort=True):
        rows.append({by: group, "speaker": speaker, "n_quotes": len(part), "n_words": int(part["n_words"].sum()),
                     "first_sentence": int(part["sentence_id"].min()),
                     "first_position": float(part["position"].min()) if "position" in part and part["position"].notna().any() else None,
                     "verbs": ", ".join(sorted(part["verb"].dropna().unique())),
                     "labels": written_forms(part["speaker_label"]),
                     "is_anonymous": bool(part["is_anonymous"].any()),
                     "speaker_kind": _most_common(part["speaker_kind"]) if "speaker_kind" in part else None})
    table = pd.DataFrame(rows, columns=[by, "speaker", "n_quotes", "n_words", "first_sentence", "first_position",
                                        "verbs", "labels", "is_anonymous", "speaker_kind"])
    totals = table.groupby(by)["n_words"].transform("sum")
    table.insert(4, "word_share", table["n_words"] / totals.where(totals > 0))
    if sentences is not None:
        table.insert(5, "text_share", table["n_words"] / table[by].map(_words_per_group(sentences, by, kinds)))
    table["rank"] = table.groupby(by)["first_position" if table["first_position"].notna().any()
                                      else "first_sentence"].rank(method="min").astype("Int64")
    return table.sort_values([by, "rank", "speaker"]).reset_index(drop=True)


def _most_common(values: pd.Series):
    """The most frequent value (ties: the first in sorted order), None when there is none."""
    counts = values.dropna().value_counts()
    return min(counts.index, key=lambda v: (-counts[v], str(v))) if len(counts) else None


def _words_per_group(sentences: pd.DataFrame, by: str, kinds) -> pd.Series:
    """Words per group in the content kinds, from `n_words` or else counted in `text`."""
    table = sentences if kinds is None or "kind" not in sentences else sentences[sentences["kind"].isin(kinds)]
    words = table["n_words"] if "n_words" in table else table["text"].fillna("").map(lambda t: len(_WORD.findall(t)))
    totals = words.groupby(table[by]).sum()
    return totals.where(totals > 0)


def count_verbs(quotes: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Reporting verbs per group: `verb`, `verb_stance`, `n`, and `share` of the group's attributed quotes."""
    attributed = quotes[quotes["verb"].notna()]
    counts = attributed.groupby([by, "verb", "verb_stance"]).size().rename("n").reset_index()
    counts["share"] = counts["n"] / counts.groupby(by)["n"].transform("sum")
    return counts.sort_values([by, "n", "verb"], ascending=[True, False, True]).reset_index(drop=True)


def count_anonymous(quotes: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Quotes from anonymous sources per group: `n_quotes`, `n_anonymous`, `share_anonymous`."""
    table = quotes.groupby(by).agg(n_quotes=("quote_id", "size"), n_anonymous=("is_anonymous", "sum")).reset_index()
    table["share_anonymous"] = table["n_anonymous"] / table["n_quotes"]
    return table


def actor_names(quotes: pd.DataFrame, *, n: int = 6) -> dict[str, list[str]]:
    """The `n` most quoted named speakers as {name: [full name, surname]}, the form
    `framing.sentiment.add_actor_sentiment` takes."""
    named = quotes[quotes["speaker"].notna() & ~quotes["is_anonymous"]]
    top = named["speaker"].value_counts().index[:n]
    return {name: sorted({name, name.split()[-1]}, key=len, reverse=True) for name in top}
