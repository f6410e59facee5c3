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
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .actors import find_actors, match_actors, outlet_names, read_rules, resolve_names
from .attribution import (ATTRIBUTION_TAIL_WORDS, _attribution, _dash_line, _document_author, _finite_within,
                          _partial_subject, _relative_attribution, _subject)
from .attribution_patterns import _NAME, _alternatives, _lexicon
from .clause_tags import _clause_attribution
from .config import CONTENT_KINDS
from .name_kinds import _POSSESSIVE, _PRONOUNS, _body_of, _initials, _labels, _names_a_person, _split_label
from .quote_spans import (_PARAGRAPH_CLOSE, _PLACEHOLDER, _QUOTE, _SPACES, _TERM, _WORD, _articles, _ends_sentence,
                          _is_name, _is_partial, _is_title, _narration, _only_quotes, _title_case, _units)
from .speaker_memory import _Memory, _antecedent, _clause_speaker, _remember_names, _single_mention, _speaker

QUOTE_COLUMNS = ["quote_id", "article_id", "outlet", "event", "sentence_id", "sentence_end", "kind",
                 "position", "quote", "is_direct", "is_partial", "speaker", "speaker_label", "verb",
                 "verb_text", "verb_stance", "is_anonymous", "n_words", "pattern", "lexicon_version"]
TERM_MAX_WORDS = 3  # a partial quote this short in a sentence with no attribution of its own is a term


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
    what the outlet wrote.
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
    quotes["speaker"] = _resolved_speakers(quotes, written)
    if actors is None:
        actors = find_actors(table, kinds=None, text_col=text_col)
    quotes["speaker"] = _joined_in_event(quotes.assign(speaker=_as_actors(quotes, actors)))
    quotes["lexicon_version"] = _lexicon().version
    return quotes


def _as_actors(quotes: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """Each named speaker as the actor it stands for in `actors` (`match_actors`: titles and roles
    cut off, "Prof Roe" → "Jane Roe", "Raúl"/"Raul", "Taylor-Greene"/"Taylor Greene"), else as it
    was; anonymous sources, bodies and places (no person read at the name's end) are left as they
    are."""
    named = quotes["speaker"].notna() & ~quotes["is_anonymous"] & ~quotes["speaker"].map(_body_of)
    if not named.any() or actors.empty:
        return quotes["speaker"]
    matched = match_actors(quotes.loc[named, "speaker"], quotes.loc[named, "event"], actors)
    return quotes["speaker"].where(~named, matched.where(matched.notna(), quotes.loc[named, "speaker"]))


def _joined_in_event(quotes: pd.DataFrame) -> pd.Series:
    """`speaker` with one name per speaker in an event (in an article without `event`): an acronym
    as the body of the event whose initials it is ("JCS" → "South Korea’s Joint Chiefs of Staff",
    `_acronym_of`), and an anonymous source without the words counting it (`quantifiers`: "Some
    experts" → "experts") and, among those written alike but for case, abbreviation dots and the
    plural ("US official", "U.S. officials"), in the form most of its quotes have (ties: the plural,
    then the first in alphabetical order)."""
    speakers = quotes["speaker"].copy()
    anonymous = quotes["is_anonymous"] & speakers.notna()
    speakers[anonymous] = speakers[anonymous].map(_without_count)
    events = (quotes["event"] if "event" in quotes and quotes["event"].notna().all() else quotes["article_id"]).astype(str)
    for _, rows in speakers.groupby(events, sort=False):
        named = rows[rows.notna() & ~anonymous[rows.index]]
        names = sorted(set(named))
        for i, name in named.items():
            speakers[i] = _acronym_of(name, names) or name
        unnamed = rows[anonymous[rows.index]]
        keys = unnamed.map(_anonymous_key)
        for _, same in unnamed.groupby(keys, sort=False):
            counts = same.value_counts()
            best = min(counts.index, key=lambda f: (-counts[f], not f.endswith("s"), f))
            speakers[same.index] = best
    return speakers


def _without_count(name: str) -> str:
    """An anonymous source without the words that count it, its first word in lower case unless it
    is a name ("Some experts" → "experts", "two U.S. officials" → "U.S. officials")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _lexicon().quantifiers:
        words = words[1:]
    if words[0][1:].islower() and words[0] != "The" and any(words[0].lower() in a.split() for a in _lexicon().anonymous):
        words[0] = words[0].lower()  # "Experts" opening a sentence
    return " ".join(words)


def _anonymous_key(name: str) -> str:
    """How alike anonymous sources compare: lower case, no abbreviation dots, the last word singular."""
    key = name.lower().replace(".", "")
    return key[:-1] if key.endswith("s") else key


def _acronym_of(name: str, names: list[str]) -> str | None:
    """The one name of `names` whose initials (`_initials`, of the whole name or of what follows an
    owner: "South Korea’s | Joint Chiefs of Staff") are `name` when `name` is an acronym of 2-6
    capitals ("JCS", "WHO"); else None."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return None
    found = {other for other in names if other != name and " " in other
             and name in (_initials(other), _initials(re.split(r"[’']s\s", other)[-1]))}
    return found.pop() if len(found) == 1 else None


def _resolved_speakers(quotes: pd.DataFrame, written: list[tuple]) -> pd.Series:
    """Speakers as the actors of `framing.actors`: titles cut off and a surname alone ("Trump", from
    "Mr. Trump") as the one full name written with it in the event, else in the table ("Donald
    Trump"), counting the full names `written` in every sentence ((event, name) pairs, names as
    `framing.actors` reads them), not only those of speakers. Anonymous sources, one-word bodies ("Taliban"), offices
    ("Netanyahu’s office") and organisations are left as they are; an article's own outlet is no
    speaker in it (see `_own_outlet`); a kind of body written before a name is not part of it
    ("Drugmaker Merck" → "Merck", see `_without_descriptor`)."""
    quotes = quotes.assign(speaker=quotes["speaker"].map(_without_descriptor))
    one_word_body = quotes["pattern"].str.contains("_body", regex=False) & ~quotes["speaker"].str.contains(" ").fillna(True)
    named = (quotes["speaker"].notna() & ~quotes["is_anonymous"] & ~one_word_body  # "Taliban" is no surname
             & ~quotes["speaker"].map(_body_of))  # nor is "League of Conservation Voters" a person's name
    if not named.any():
        return quotes["speaker"]
    by_event = quotes["event"].notna().all()
    events = quotes["event"].astype(str) if by_event else pd.Series("all", index=quotes.index)
    speakers = pd.DataFrame({"name": quotes.loc[named, "speaker"], "event": events[named], "has_title": True})
    names = pd.DataFrame([(str(e) if by_event else "all", n) for e, n in written], columns=["event", "name"])
    both = pd.concat([speakers, names.assign(has_title=True)], ignore_index=True)
    resolved = resolve_names(both).iloc[:len(speakers)].set_axis(speakers.index)
    out = quotes["speaker"].where(~named, resolved.where(resolved.notna(), speakers["name"]))
    own = quotes["outlet"] if "outlet" in quotes else pd.Series(None, index=quotes.index)
    return out.where(~pd.Series(map(_own_outlet, out, own), index=out.index, dtype=bool), None)


def _without_descriptor(name):
    """A speaker's name without the kind of body capitalised before it at a sentence's start
    ("Drugmaker Merck", "Automaker Ford" → "Merck", "Ford"; the kinds are `descriptors` in
    `actors.toml`)."""
    if not isinstance(name, str):
        return name
    first, _, rest = name.partition(" ")
    if rest[:1].isupper() and first[:1].isupper() and first.lower() in read_rules().descriptors:
        return rest
    return name


def _own_outlet(name, outlet) -> bool:
    """True when a speaker is the outlet whose article it is, in full, shortened or extended ("Fox
    News", "Fox" or "Fox News Digital" in an article of "Fox News (Online News)"): that is the
    journalist's own voice, not a source."""
    if not isinstance(name, str) or not isinstance(outlet, str):
        return False
    name = re.sub(r"^The ", "", name.strip(" .")).casefold()
    owns = (re.sub(r"^The ", "", o).casefold() for o in outlet_names((outlet,)))
    return any(name == own or name.startswith(own + " ") or own.startswith(name + " ") for own in owns)


def _article_quotes(article: list, text_col: str, written: list | None = None) -> list[dict]:
    """The quote rows of one article (its sentences in order); the full names it writes outside
    quotes are added to `written` as (event, name)."""
    memory = _Memory()
    rows = []
    previous = None  # the attribution of the sentence before, when it named a speaker
    mentioned = None  # the one person or author the sentence before named, when it quoted nobody
    unattributed: list[dict] = []  # the full quotes of the sentence before that got no speaker
    described: list[dict] = []  # the quotes of the sentence before given to "a reporter" (`_named_next`)
    introduced = None  # (quotes, head noun, lede) of the sentence before: a person described, not named
    for record, last_id, text in _units(article, text_col):
        memory.sentence += 1
        spans = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in _QUOTE.finditer(text)]
        narration = _narration(text, spans)
        found = _sentence_attribution(text, narration, spans, record.sentence_id != last_id, memory)
        read, found = _sentence_speaker(found, narration, spans, memory)
        read = _carried_on(read, found, narration, spans, previous, mentioned, memory)
        _complete_earlier_rows(read, found, narration, spans, unattributed, described, introduced)
        described, introduced = [], None
        previous = read[:6] if _goes_on(read, found) else None  # a dash line names the quote above it only
        _remember_names(narration, memory, headline=getattr(record, "kind", None) == "headline")
        mentioned = None if spans or found is not None else _single_mention(narration, memory)
        if written is not None and not _title_case(narration):
            written.extend((getattr(record, "event", None), _POSSESSIVE.sub("", " ".join(person)))
                           for _, person, _ in _labels(narration) if len(person) > 1)
        unattributed = []
        if found is None and not spans:
            continue
        base = {"article_id": record.article_id, "outlet": getattr(record, "outlet", None),
                "event": getattr(record, "event", None), "sentence_id": record.sentence_id,
                "sentence_end": last_id, "kind": getattr(record, "kind", None),
                "position": getattr(record, "position", None), **dict(zip(_SPEAKER_FIELDS, read[:6])),
                "pattern": read[6]}
        direct = [_direct_row(base, text, spans, k, narration, found, memory) for k in range(len(spans))]
        rows.extend(direct)
        described = [row for row in direct if row["pattern"].endswith("_indefinite") and row["is_anonymous"]
                     and " " not in str(row["speaker"])]
        unattributed = [row for row, (_, end, _) in zip(direct, spans) if row["pattern"] == "unattributed"
                        and (_only_quotes(narration) or _ends_sentence(text, end))]
        if spans and (head := _described_head(narration, memory.sentence, rows, len(spans))) is not None:
            introduced = ([r for r in rows[-len(spans):] if (r["speaker"] is None or r["is_anonymous"]
                           or r["pattern"].endswith(("_body", "_place"))) and not _is_name(r["quote"])], *head)
        if not spans and found is not None and found[3] != "dash_line" and (row := _indirect_row(base, text, found)):
            rows.append(row)
    return _attribute_open_paragraphs(rows)


def _sentence_attribution(text: str, narration: str, spans: list, joined: bool, memory: _Memory):
    """(start, who, verb as written, pattern name, noun after who) of the attribution that governs
    the sentence's quotes (`joined`: sentences joined around a quote left open), or None; a
    document's author it names is remembered."""
    if spans and (author := _document_author(narration)):  # "The report – by the Institute – predicts “…”"
        memory.authors[author[0]] = memory.last_author = author[1]
    found = _attribution(narration) or (_dash_line(narration) if not spans else _subject(narration))
    if (spans and (joined or _SENTENCE_END.search(narration, 0, narration.find(_PLACEHOLDER)))
            and (after := _after_closing(narration, found)) is not None):
        if found is not None and after[1].lower() in _PRONOUNS:  # "… according to Jane Roe." “…,” she said.
            _speaker(found, memory)  # the one the sentence before the quote gave words to has spoken
        found = after  # "… the campaign said it plans to act." “We know …,” Jane Roe said.
    if found is not None and found[3] == "subject" and not _named_subject(found[1], memory):
        found = None
    if found is None and spans and all(_is_partial(text[:start], quote) for start, _, quote in spans):
        found = _partial_subject(narration)
        if found is not None and found[4] is None and not _named_subject(found[1], memory):
            found = None
    return found


def _sentence_speaker(found, narration: str, spans: list, memory: _Memory):
    """((speaker, label, verb, verb_text, stance, anonymous, pattern), attribution) of the sentence:
    `found` read by `_speaker`, else its clause's subject when the patterns found nobody; a speaker
    that is a body or speaks in a document is remembered."""
    read = (None, None, None, None, None, False, "unattributed")
    if found is not None or spans:
        read = _expanded_speaker(found, narration, memory)
    if spans and read[0] is None and (clause := _clause_attribution(narration)) is not None:
        clause_read = _clause_speaker(clause, memory)  # the patterns found nobody: the clause's subject
        if clause_read is not None:
            read, found = clause_read, clause
    _remember_voice(read, found, narration, memory)
    return read, found


def _expanded_speaker(found, narration: str, memory: _Memory) -> tuple:
    """`_speaker`'s reading of `found`, its speaker written out: an acronym's full name, "he" / "she"
    the person meant, "his spokesman" the owner's."""
    speaker, *rest = _speaker(found, memory)
    speaker = memory.expansions.get(speaker, speaker)  # "WHO said" after "… Organization (WHO)": its full name
    first = found[1].split()[0].lower() if found is not None else ""
    if first in ("he", "she"):
        speaker = _antecedent(narration[:found[0]], memory, first) or speaker
    elif first in ("his", "her") and speaker == found[1].split()[-1].lower():  # "his spokesman", nobody known
        owner = _antecedent(narration[:found[0]], memory, first)
        speaker = f"{owner}’s {speaker}" if owner else speaker
    return (speaker, *rest)


def _remember_voice(read: tuple, found, narration: str, memory: _Memory) -> None:
    """Remembers a named speaker as the author of the means it speaks in ("In a statement, X …")
    and a body that speaks as one that "it" or "the panel" may later stand for."""
    speaker, anonymous, pattern = read[0], read[5], read[6]
    if (isinstance(speaker, str) and not anonymous and found is not None and "document" not in pattern
            and (means := _spoken_in().search(narration))):
        memory.authors[means.group("doc").lower()] = memory.last_author = speaker  # "In a statement, X lauded …"
    if isinstance(speaker, str) and not anonymous and (pattern.endswith("_body")
                                                       or not read_rules().organisation_words.isdisjoint(speaker.split())):
        memory.voices.append(speaker)  # a body that speaks: "the panel" or "it" later on may be it
        memory.name_body(speaker)


def _carried_on(read: tuple, found, narration: str, spans: list, previous, mentioned, memory: _Memory) -> tuple:
    """`read`, or for quotes with no attribution of their own the speaker of the sentence before
    ("continued") or the one person it named ("previous_mention")."""
    if found is None and previous and spans and not _unread_attribution(narration):
        return (*previous[:6], "continued")  # quoted without a speaker: the one of the sentence before goes on
    if found is None and mentioned and spans and _only_quotes(narration):
        memory.meet(mentioned, (), speaker=True)  # the one named just before
        return (mentioned, mentioned, *read[2:6], "previous_mention")
    return read


def _complete_earlier_rows(read: tuple, found, narration: str, spans: list, unattributed: list[dict],
                           described: list[dict], introduced) -> None:
    """Gives the rows of the sentence before the speaker this sentence names: its quotes left
    without a speaker, given to "a reporter" or to a person described but not named."""
    speaker, label, verb, verb_text, stance, anonymous, _ = read
    if found is not None and not spans and isinstance(speaker, str) and _closes_quote(narration, found):
        for row in unattributed:  # "“…”" then "she said." or "— Sen. Jane Roe, in a tweet"
            row.update(speaker=speaker, speaker_label=label, verb=verb, verb_text=verb_text,
                       verb_stance=stance, is_anonymous=anonymous, pattern="following")
    if described and _named_next(found, narration, speaker, anonymous):
        for row in described:  # "A reporter said …" then "Jane Roe tweeted …": Jane Roe
            row.update(speaker=speaker, speaker_label=row["speaker_label"], is_anonymous=False,
                       pattern=row["pattern"] + "_named_next")
    if introduced is not None and (identified := _identified(narration, *introduced[1:])):
        for row in introduced[0]:  # "a top health official said …" then "The official, Jane Roe, …"
            row.update(speaker=identified, speaker_label=identified, is_anonymous=False,
                       pattern=row["pattern"] + "_identified")


def _goes_on(read: tuple, found) -> bool:
    """Whether the sentence's named speaker goes on to the unattributed quotes of the next one."""
    return ((found is not None and found[3] != "dash_line" and not found[3].startswith("clause")
             or read[6] == "continued") and isinstance(read[0], str))


def _direct_row(base: dict, text: str, spans: list, k: int, narration: str, found, memory: _Memory) -> dict:
    """The row of the sentence's `k`-th quoted span: the sentence's speaker (`base`), its own
    attribution when it has one, or none for a span that ends an earlier sentence, a term or a title."""
    start, _, quote = spans[k]
    speaker = base["speaker"]
    row = {**base, "quote": quote.strip(), "is_direct": True, "n_words": len(_WORD.findall(quote)),
           "is_partial": _is_partial(text[:start], quote)}
    if len(spans) > 1 and (own := _own_attribution(text, spans, k, speaker)) is not None:
        second = _speaker(own, memory)  # "“A,” Jane Roe wrote: “B,” John Doe declared.": each its own
        if isinstance(second[0], str):
            row.update(zip(_SPEAKER_FIELDS, second[:6]), pattern=second[6])
    elif (relative := _relative_attribution(_narration(text[:start], spans[:k]))) is not None:
        second = _speaker(relative, memory)  # "… from President Biden, who demanded they “help”"
        if isinstance(second[0], str):
            row.update(zip(_SPEAKER_FIELDS, second[:6]), pattern=second[6])
    elif found is not None and _before_new_sentence(text, spans, k, found[0]):
        row.update(_NO_SPEAKER, pattern="unattributed")  # “…” ends one sentence; “…,” Jane Roe said ends the next
    if (row["pattern"] == "continued" and row["is_partial"] and row["n_words"] <= TERM_MAX_WORDS
            and not _speaks_of(narration, speaker)):
        row.update(_NO_SPEAKER, pattern="unattributed")  # "its “safe list”": a term
    if _is_title(text, text[:start], quote) or _TERM.search(text[:start]):
        row.update(_NO_SPEAKER, pattern="title")
    return row


def _indirect_row(base: dict, text: str, found) -> dict | None:
    """The row of the reported clause of a sentence with an attribution and no quote ("X said that
    …"), or None when no clause is reported."""
    verb_text, pattern = base["verb_text"], base["pattern"]
    if (that := text.find(f"{verb_text} that ")) >= 0:
        clause = text[that + len(verb_text) + 6:].strip()
        return {**base, "quote": clause, "is_direct": False, "is_partial": False,
                "n_words": len(_WORD.findall(clause)), "pattern": pattern + "_that"}
    if clause := _attributed_clause(text, found):
        return {**base, "quote": clause, "is_direct": False, "is_partial": False,
                "n_words": len(_WORD.findall(clause)), "pattern": pattern + "_clause"}
    return None


_SENTENCE_END = re.compile(r"[.!?…][\"”’']?\s+")
_RIGHT_AFTER = ("after_quote", "verb_name", "name_verb", "quote_name", "document_verb")


def _after_closing(narration: str, found):
    """The attribution right after the first quote of sentences joined because the quote opens at
    the end of one and closes in a later one, or of a sentence the splitter did not cut before a quote
    that opens after a full stop ("… threats." “…,” said NAME; “…,” NAME said), when the attribution
    found first lies in an earlier sentence, before the quote opens: in English the attribution next
    to a quote's closing mark governs it, not the one of the sentence before. None otherwise."""
    opens = narration.find(_PLACEHOLDER)
    if found is not None and (found[0] > opens or not _SENTENCE_END.search(narration, found[0], opens)):
        return None
    after = _attribution(narration[opens:])
    if (after is None or after[3] not in _RIGHT_AFTER or not _label_only(narration[opens:][:after[0]])
            or _finite_within(narration, opens + len(_PLACEHOLDER), opens + after[0])):
        return None  # "more “pain” is on the horizon as … officials plead": the sentence goes on, no label
    return (opens + after[0], *after[1:])


LABEL_MAX_WORDS = 12  # "“…,” University of Chicago professor and the study's co-author, Jane Roe, said"


def _label_only(between: str) -> bool:
    """True when the words between a quote's closing mark and the speaker of the attribution after it
    are nothing, or only the speaker's title or description ("chief executive", "White House press
    secretary", "University of Chicago professor and the study's co-author,"): no sentence end, no
    reporting verb of their own, at most `LABEL_MAX_WORDS` words (and, `_after_closing` checks, no
    finite verb)."""
    words = _WORD.findall(between.replace(_PLACEHOLDER, " "))
    return (len(words) <= LABEL_MAX_WORDS and not _SENTENCE_END.search(between)
            and not any(w in _lexicon().forms for w in words))


def _before_new_sentence(text: str, spans: list, k: int, at: int) -> bool:
    """True when quote `k` of a sentence closes a sentence of its own before the next quote opens (the
    words between them end with a full stop) and the attribution found, at `at` in the narration, lies
    after that full stop: an attribution governs the quotes of its own sentence, not those of the
    sentence before ("… to create “firebreaks” is one way." “Most fires …,” Jane Roe says)."""
    if k + 1 >= len(spans) or not re.search(r"[.!?…][\"”’']?\s*$", text[spans[k][1]:spans[k + 1][0]]):
        return False
    return at >= len(_narration(text[:spans[k + 1][0]], spans[:k + 1]))


def _own_attribution(text: str, spans: list, k: int, speaker):
    """The attribution right after the closing mark of quote `k` of a sentence holding several, when
    it names someone other than the sentence's `speaker` (“…,” Jane Roe wrote. “…,” John Doe
    declared.): each quote is governed by the attribution next to its closing mark. Only a name
    (not a pronoun or description) opening the words between this quote and the next; None
    otherwise."""
    following = spans[k + 1][0] if k + 1 < len(spans) else len(text)
    segment = f" {_PLACEHOLDER} " + text[spans[k][1]:following].translate(_SPACES)
    found = _attribution(segment)
    if (found is None or found[3] not in _RIGHT_AFTER or segment[:found[0]].strip(" ,") not in ("", _PLACEHOLDER)
            or not found[1][:1].isupper() or found[1] == speaker):
        return None
    return found


_LEDE_SUBJECT = re.compile(r"^\s*(?:The|A|An)\s+(?:[\w.’'-]+\s+){0,4}?(?P<head>[A-Za-z]+)\s+(?:on|in|of|at|for|from|with|who)\b")
LEDE_SENTENCES = 2  # a headline may come before the lede


def _described_head(narration: str, sentence: int, rows: list[dict], n: int):
    """(head noun, lede) when a sentence's quotes are given to a person it describes without naming:
    a lede opened by a description of a person ("The top Republican on the House Foreign Affairs
    Committee pointed to the “rosy picture” …", lede True), or an unnamed person as the speaker ("…
    quoted a top Chinese health official saying …", lede False); None otherwise."""
    if sentence <= LEDE_SENTENCES and (m := _LEDE_SUBJECT.match(narration)) and _person_noun(m.group("head")):
        return m.group("head").lower(), True
    last = rows[-n:] if n else []
    heads = {str(r["speaker"]).split()[-1] for r in last if r["is_anonymous"] and isinstance(r["speaker"], str)}
    if len(heads) == 1 and _person_noun(head := heads.pop()) and not head.endswith("s"):
        return head.lower(), False
    return None


def _person_noun(word: str) -> bool:
    """True when a noun names one person by role or party ("official", "Republican", "senator")."""
    lexicon = _lexicon()
    return (_names_a_person(word.lower(), lexicon) and not word.lower().endswith("s")
            or word.lower() in {m[:-1] for m in lexicon.members})


def _identified(narration: str, head: str, lede: bool) -> str | None:
    """The person a sentence names for the one described in the sentence before (news names a source
    described in the lede in the sentence after: Bell 1991's delayed identification): "The official,
    Jane Roe, …" (the head noun again, the name in apposition), or after a lede, a person's full name
    opening the sentence ("Rep. Jane Roe of Texas told …"); None otherwise."""
    again = re.match(rf"^\s*The\s+(?:[a-z-]+\s+)?{re.escape(head)},\s+(?P<who>[A-Z][\w’'.\-]*\s+{_NAME}),", narration)
    if again:
        return again.group("who")
    labels = _labels(narration)
    if not (lede and labels and len(labels[0][1]) >= 2):
        return None
    name = " ".join(labels[0][1])
    before = narration[:narration.find(name)].split()
    if all(w[:1].isupper() for w in before):  # only titles before it: "U.S. Representative Jane Roe, …"
        return _POSSESSIVE.sub("", name.rstrip("."))
    return None


def _named_next(found, narration: str, speaker, anonymous: bool) -> bool:
    """True when a sentence opens with a person's full name as the subject of a reporting verb
    ("Jane Roe tweeted …"): right after "A reporter said …" it names that reporter (news names a
    source described in the lead in the sentence after: Bell 1991's delayed identification)."""
    return (found is not None and isinstance(speaker, str) and not anonymous and len(speaker.split()) >= 2
            and found[3] in ("name_verb", "subject") and not narration[:found[0]].strip()
            and not read_rules().organisation_words & set(speaker.split()))


_SPEAKER_FIELDS = ("speaker", "speaker_label", "verb", "verb_text", "verb_stance", "is_anonymous")
_NO_SPEAKER = {**dict.fromkeys(_SPEAKER_FIELDS), "is_anonymous": False}  # a span nobody speaks (a title, a term)


def _attribute_open_paragraphs(rows: list[dict]) -> list[dict]:
    """A quoted paragraph left open without a speaker takes the speaker of the quote that goes on in
    the next paragraph (news style names the speaker once, in either paragraph)."""
    for row, following in zip(rows, rows[1:]):
        if (row["quote"].endswith(_PARAGRAPH_CLOSE) and row["speaker"] is None
                and following["is_direct"] and following["speaker"] is not None):
            row.update({k: following[k] for k in _SPEAKER_FIELDS}, pattern="open_paragraph")
    for row in rows:
        row["quote"] = row["quote"].replace(_PARAGRAPH_CLOSE, "").strip()
    return rows


def _named_subject(who: str, memory: _Memory) -> bool:
    """True when the words opening a sentence name a person: two name words or more, a pronoun,
    or a surname already met in the article ("Local leaders have described …" names nobody)."""
    roles, words = _split_label(who.split())
    return (who.lower() in _PRONOUNS or who == "It" or len(words) > 1
            or len(words) == 1 and (bool(roles) or memory.known(words[0]) is not None or words[0] in memory.names))


@lru_cache(maxsize=1 << 16)
def _unread_attribution(narration: str) -> bool:
    """True when a reporting verb follows a quote at once ("“…?” asked a woman after a visit"): the
    quote names its own speaker, read or not, and never inherits the one of the sentence before."""
    forms = _lexicon().forms
    match = re.match(rf"^\s*{_PLACEHOLDER}[\s,]+(?:[a-z]+ly\s+)?([a-z]+)\b", narration)
    return match is not None and match.group(1) in forms


FOLLOWING_MAX_WORDS = 12  # "Biden said on Tuesday in a statement." after a quote: its attribution


def _closes_quote(narration: str, found) -> bool:
    """True when a sentence without quotation marks only attributes the quote before it: a short
    "she said." / "Biden said on Tuesday." opening with its speaker, or a dash line."""
    start, who, _, pattern, _ = found
    return pattern == "dash_line" or (not narration[:start].strip() and pattern == "name_verb"
                                      and len(_WORD.findall(narration)) <= FOLLOWING_MAX_WORDS
                                      or pattern == "apposition_verb"  # "Its correspondent, Jane Roe, asked …"
                                      and len(_WORD.findall(narration[narration.find(who):])) <= FOLLOWING_MAX_WORDS)


def _attributed_clause(text: str, found) -> str | None:
    """The reported content of a sentence attributed without "that": "According to two officials,
    the talks stalled." / "The talks stalled, according to two officials." / "The talks stalled,
    officials said (on Tuesday)." Returns the clause, or None when the sentence is not built so."""
    start, who, verb_text, pattern, _ = found
    if verb_text is None:  # "in Jane Roe's words" names whose words are quoted, not a clause
        return None
    if pattern.startswith("according_to") and not text[:start].strip():
        clause = text.split(",", 1)[1] if "," in text else ""
    elif (pattern == "name_verb" and not text[:start].strip(" -•*")  # "NATO chief says Ukraine …"
          and _lexicon().forms.get(verb_text, ("",))[0] == "say"):  # other verbs take objects: "claimed victory"
        clause = text[text.find(verb_text, start) + len(verb_text):].lstrip(" ,:")
    elif text[:start].rstrip().endswith(","):
        after = text[text.find(verb_text, start) + len(verb_text):] if not pattern.startswith("according_to") else ""
        if pattern.startswith("according_to"):
            after = ""
        elif len(_WORD.findall(after)) > ATTRIBUTION_TAIL_WORDS:  # more than "on Tuesday" follows
            return None
        clause = text[:start].rstrip().rstrip(",")
    else:
        return None
    clause = clause.strip()
    return clause if len(_WORD.findall(clause)) >= 3 else None


def _speaks_of(narration: str, speaker: str) -> bool:
    """True when a sentence names the speaker again (the last word of the name: "officials", "Roe")."""
    return speaker.split()[-1].lower() in {w.lower() for w in _WORD.findall(narration)}


@lru_cache(maxsize=1)
def _spoken_in() -> re.Pattern:
    """A document as the means of speaking: "In a statement Wednesday, Jane Roe lauded …", "… wrote in
    a letter" (a noun of `documents` in the data file)."""
    return re.compile(rf"\b[Ii]n\s+(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?"
                      rf"(?P<doc>{_alternatives(_lexicon().documents)})\b")


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
                     "labels": "; ".join(sorted(part["speaker_label"].dropna().unique())),
                     "is_anonymous": bool(part["is_anonymous"].any())})
    table = pd.DataFrame(rows, columns=[by, "speaker", "n_quotes", "n_words", "first_sentence", "first_position",
                                        "verbs", "labels", "is_anonymous"])
    totals = table.groupby(by)["n_words"].transform("sum")
    table.insert(4, "word_share", table["n_words"] / totals.where(totals > 0))
    if sentences is not None:
        table.insert(5, "text_share", table["n_words"] / table[by].map(_words_per_group(sentences, by, kinds)))
    table["rank"] = table.groupby(by)["first_position" if table["first_position"].notna().any()
                                      else "first_sentence"].rank(method="min").astype("Int64")
    return table.sort_values([by, "rank", "speaker"]).reset_index(drop=True)


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
