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

from .actors import _person_mentions, find_actors, match_actors, outlet_names, read_rules, resolve_names
from .attribution import (ATTRIBUTION_TAIL_WORDS, _OFFICE_TO, _attribution, _dash_line, _document_author,
                          _finite_within, _office_patterns, _partial_subject, _relative_attribution, _subject)
from .attribution_patterns import _NAME, _alternatives, _lexicon
from .clause_tags import _clause_attribution
from .config import CONTENT_KINDS
from .lexicons import load_data
from .name_kinds import (_GENERAL_BODIES, _INDEFINITE, _KINDS_OF_BODY, _NOT_SPEAKERS, _POSSESSIVE, _PRONOUNS,
                         _body_after_the, _body_of, _initials, _is_place, _kind_of_body, _labels, _named_group,
                         _names_a_person, _opens_with, _outlets, _split_label, _titled_person, _without_owner)
from .quote_spans import (_PARAGRAPH_CLOSE, _PLACEHOLDER, _QUOTE, _SPACES, _TERM, _WORD, _articles, _ends_sentence,
                          _is_name, _is_partial, _is_title, _narration, _only_quotes, _title_case, _units)

QUOTE_COLUMNS = ["quote_id", "article_id", "outlet", "event", "sentence_id", "sentence_end", "kind",
                 "position", "quote", "is_direct", "is_partial", "speaker", "speaker_label", "verb",
                 "verb_text", "verb_stance", "is_anonymous", "n_words", "pattern", "lexicon_version"]
_NOT_NAMES = _NOT_SPEAKERS - {"May", "August", "June", "April", "The", "A", "It", "In", "As", "So", "And"}  # "Come September"
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


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
# Honorifics and roles that tell a person's gender (Mr. / Ms., "Congresswoman"): never a guess from
# the given name.
_ROLE_GENDER = {"mr": "m", "sir": "m", "congressman": "m", "spokesman": "m", "chairman": "m", "king": "m",
                "prince": "m", "councilman": "m", "ms": "f", "mrs": "f", "miss": "f", "dame": "f",
                "congresswoman": "f", "spokeswoman": "f", "chairwoman": "f", "queen": "f", "princess": "f",
                "councilwoman": "f", "actress": "f"}


class _Memory:
    """What an article has said about people so far, read in order."""

    def __init__(self):
        self.speakers: list[str] = []  # speakers, most recent last (for he / she)
        self.names: list[str] = []  # every full personal name, most recent last (for a surname alone)
        self.titles: dict[str, set[str]] = {}  # name → lower-case roles written before it
        self.subjects: set[str] = set()  # names that opened a sentence
        self.anonymous: str | None = None  # the anonymous source of the last attribution, if it was one
        self.bodies: list[str] = []  # bodies named so far ("CDC", "Supreme Court"), most recent last
        self.voices: list[str] = []  # bodies that have spoken so far, most recent last
        self.genders: dict[str, str] = {}  # name → "m" / "f", when the text tells it
        self.lead: list[str] | None = None  # the full names of the article's first sentence
        self.authors: dict[str, str] = {}  # document noun → who wrote it ("complaint" → "Federal Trade Commission")
        self.last_author: str | None = None  # the author of the last document named with its author
        self.sentence = 0  # the sentence being read (its place in the article)
        self.named_at: dict[str, int] = {}  # body → the last sentence that named it or heard it speak
        self.pair: tuple[str, int] | None = None  # the first of two people opening a sentence, and that sentence
        self.expansions: dict[str, str] = {}  # an acronym defined in brackets → the body's name ("WHO" → "World Health Organization")

    def body(self, head: str) -> str | None:
        """The last body named whose name has `head` for its head noun ("the service" → "Forest
        Service", "the department" → "Department of Agriculture"), else the last body named whose name
        holds `head` ("the court" → "Supreme Court"), else the last body that spoke; for a general noun
        ("the agency") the last body that spoke, else the last body named."""
        word = head.capitalize()
        headed = next((b for b in reversed(self.bodies) if b.split(" of ")[0].split()[-1] == word), None)
        if headed is not None:  # "the service writes" after "the Forest Service, part of the Department …"
            return headed
        if word in read_rules().organisation_words and word not in _GENERAL_BODIES:
            named = next((b for b in reversed(self.bodies) if word in b.split()), None)
            return named or (self.voices[-1] if self.voices else None)  # "the panel said" after "the Committee said"
        # a general noun: the last body of that kind that spoke, else named ("the company" is no
        # "World Health Organization"), else for one body the last one-word name that spoke as no person
        fitting = [b for b in [*self.voices, *self.bodies] if _of_kind(self.expansions.get(b, b), word)]
        voices = [b for b in fitting if b in self.voices]
        if fitting:
            return (voices or fitting)[-1]
        return None if head.endswith("s") else self.unnamed_body()  # "the companies" are more than one

    def unnamed_body(self) -> str | None:
        """The last speaker written as one capitalised word with no role, gender or full name known
        ("YouTube on Wednesday said"): a person is named in full before a surname alone, so this is a
        body, which "the company" may stand for."""
        return next((n for n in reversed(self.speakers) if " " not in n and not self.titles.get(n)
                     and n not in self.genders and self.known(n) is None), None)

    def name_body(self, body: str) -> None:
        """Remember a body named (or speaking) in the sentence being read."""
        self.named_at.pop(body, None)
        self.named_at[body] = self.sentence

    def recent_body(self) -> str | None:
        """The body "it" stands for: the last one named in this sentence or the one before, else
        None (a body named further back is too far for a pronoun to reach reliably)."""
        body = next(reversed(self.named_at), None)
        return body if body is not None and self.named_at[body] >= self.sentence - 1 else None

    def meet(self, name: str, role_words, *, speaker: bool) -> None:
        for seen in (self.speakers, self.names) if speaker else (self.names,):
            if name in seen:
                seen.remove(name)
            seen.append(name)
        lexicon = _lexicon()
        written = (w.lower().rstrip(".") for w in role_words if w in lexicon.roles)
        # an abbreviated title as the role it stands for: "Gov." → "governor"
        self.titles.setdefault(name, set()).update(lexicon.abbreviations.get(w, w) for w in written)

    def last_person(self, pronoun: str | None = None) -> str | None:
        """The last speaker, or when nobody has spoken yet the last name written with a role or
        opening a sentence (these are people; "in North Carolina" may be a place). For "he" / "his"
        or "she" / "her", the last one whose gender is not known to be the other (`genders`)."""
        gender = _PRONOUN_GENDER.get(pronoun or "")
        fits = [n for n in self.speakers if self.fits(n, gender)]
        if fits:
            return fits[-1]
        named = next((n for n in reversed(self.names) if (self.titles.get(n) or n in self.subjects)
                      and self.fits(n, gender)), None)
        if named is None and gender is not None:  # "he" with no one quoted yet: the person of the lead
            named = next((n for n in reversed(self.lead or []) if self.fits(n, gender)), None)
        return named

    def fits(self, name: str, gender: str | None) -> bool:
        """True when `name` may be the person a pronoun of `gender` ("m", "f" or None) stands for."""
        return gender is None or self.genders.get(name, gender) == gender

    def learn_gender(self, name: str, roles, narration: str, n_people: int) -> None:
        """Record a person's gender from an honorific or role ("Mr.", "Congresswoman"), or from the
        pronouns of a sentence that this person opens and that names nobody else (`n_people` is 1:
        "Jane Roe said her plan …")."""
        if name in self.genders:
            return
        for role in roles:
            if (gender := _ROLE_GENDER.get(role.rstrip(".").lower())):
                self.genders[name] = gender
                return
        if n_people == 1:
            found = {_PRONOUN_GENDER[w.lower()] for w in _WORD.findall(narration) if w.lower() in _PRONOUN_GENDER}
            if len(found) == 1:
                self.genders[name] = found.pop()

    def known(self, surname: str) -> str | None:
        """The full name met earlier with this surname, if any."""
        return next((n for n in [*reversed(self.speakers), *reversed(self.names)]
                     if len(n.split()) > 1 and surname in (n.split()[-1], _second_surname(n))), None)

    def full_name(self, tokens: list[str]) -> str:
        """A surname alone ("Hegseth") as the full name met earlier ("Pete Hegseth")."""
        known = [*reversed(self.speakers), *reversed(self.names)]
        for name in [n for n in known if len(n.split()) > len(tokens)] + known:  # "Nancy Pelosi" before "Pelosi"
            if name.split()[-len(tokens):] == tokens or len(tokens) == 1 and _second_surname(name) == tokens[0]:
                return name
        if len(tokens) == 1:  # written by the first word of a name only ("Tedros", "Tsai"): that name
            starting = {n for n in [*self.speakers, *self.names] if len(n.split()) > 1 and n.split()[0] == tokens[0]}
            if len(starting) == 1:
                return starting.pop()
        return " ".join(tokens)

    def titled(self, title: str, *, guess: bool = False) -> str | None:
        """The last person written with this role ("the president" → "President Joe Biden"); with
        `guess` (a place's one office: "the US president"), else the last person when no role of
        theirs is known."""
        found = next((n for n in [*reversed(self.speakers), *reversed(self.names)]
                      if title in self.titles.get(n, ())), None)
        last = self.last_person() if guess and found is None else None
        return found or (last if last is not None and not self.titles.get(last) else None)


def _second_surname(name: str) -> str | None:
    """The second half of a double-barrelled surname ("Marjorie Taylor-Greene" → "Greene"), which
    news writes alone on later mentions; None when the surname is not hyphenated."""
    parts = name.split()[-1].split("-")
    return parts[-1] if len(name.split()) > 1 and len(parts) == 2 and parts[-1][:1].isupper() else None


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


# Kinds of body a general description picks out: "the company" is a firm, never an agency of a state
# or of states; a body whose name carries no word of either kind ("YouTube", "Acme Inc.") may be either.
_FIRMS = {"Company", "Corporation", "Corp", "Inc", "Firm", "Group", "Ltd", "LLC", "Holdings", "Bank"}
_PUBLIC_BODIES = {"Agency", "Department", "Office", "Administration", "Organization", "Organisation", "Service",
                  "Bureau", "Authority", "Ministry", "Commission", "Council", "Government", "Court", "Committee"}


def _of_kind(body: str, word: str) -> bool:
    """True when a body may be what a general description with head noun `word` ("Company",
    "Agency", "Group") stands for: its name's last kind word (before "of") is of the same kind
    (`_FIRMS` or `_PUBLIC_BODIES`), or it has none; "the group" may be any body."""
    kinds = [w for w in body.split(" of ")[0].split() if w.rstrip(".,") in _FIRMS | _PUBLIC_BODIES]
    if word == "Group" or not kinds:
        return True
    own = kinds[-1].rstrip(".,")
    return own == word or any(own in family and word in family for family in (_FIRMS, _PUBLIC_BODIES))


_BODY = re.compile(r"(?<=\()[A-Z]{2,6}(?=\))|(?<![\w.])(?:[A-Z][\w’'.-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){1,6}[A-Z][\w’'.-]*")
_IT = re.compile(r"\b(?:[Ii]t|[Ii]ts)\b(?![’'])")
_THE_BODY = re.compile(r"\b[Tt]he\s+([A-Z][\w.-]*?)(?:[’']s?)?(?![\w’'.-]|\s+[A-Z])")  # "the Taliban('s)"
_NOT_BODIES = {"Covid", "COVID", "Coronavirus", "Omicron", "Delta", "Day", "Week", "Month", "Year", "War"}


def _inside_name(words: list[str], i: int) -> bool:
    """True when a function word stands inside a body's name, between two of its words ("Court of
    Appeals for the Fourth Circuit"), not opening it ("In North Carolina") or after it ("on Wednesday")."""
    rules = read_rules()
    return (0 < i < len(words) - 1 and words[i + 1][:1].isupper() and words[i + 1] not in rules.function_words
            and words[i - 1] not in rules.function_words)


def _remember_bodies(narration: str, memory: _Memory) -> None:
    """Remember the bodies a sentence names: an acronym it defines in brackets ("(CDC)") or two
    capitalised words or more holding an organisation word ("the Food and Drug Administration",
    "the Supreme Court"); for "it" later on (`_Memory.recent_body`) also "the" and one capitalised
    word ("the Taliban"), and the body in view when the sentence says "it" or "its" again."""
    rules = read_rules()
    if _title_case(narration):
        return  # a headline in title case ("Biden Cancels Trip to Chicago"): its capitals name no body
    for match in _BODY.finditer(narration):
        words = match.group().split()
        if len(words) == 1 or any(w in rules.organisation_words and w not in _NOT_BODIES for w in words):
            name = " ".join(w for i, w in enumerate(words) if w not in rules.function_words
                            or w in ("of", "for", "and", "on") or _inside_name(words, i))
            if name:
                if len(words) == 1 and memory.bodies and _initials(memory.bodies[-1]) == name:
                    memory.expansions[name] = memory.bodies[-1]  # "the World Health Organization (WHO)"
                memory.bodies.append(re.sub(r"(?<=[a-z])\.$", "", _POSSESSIVE.sub("", name)))
                memory.name_body(memory.bodies[-1])
        elif any(w.rstrip(".") in rules.organisation_words and w not in _NOT_BODIES for w in words):
            memory.name_body(_POSSESSIVE.sub("", match.group().rstrip(".")))  # "… by Facebook's Oversight Board."
    if (body := memory.recent_body()) is not None and _IT.search(narration):
        memory.name_body(body)  # "But it criticised …": a chain of "it" keeps the body in view
    for match in _THE_BODY.finditer(narration):  # "The Taliban released a statement": one body
        if _body_after_the(f"the {match.group(1)}"):
            memory.name_body(match.group(1))


def _single_mention(narration: str, memory: _Memory) -> str | None:
    """The one speaker a sentence without quotes or attribution names, for a bare quote after it
    (the paragraph-level single mention of Muzny et al. 2017): the author of a document it
    introduces ("an opinion released by the Office of Legal Counsel"), else its only person
    (two name words or a title), else None."""
    author = _document_author(narration)
    if author:
        return author[1]
    people = {memory.full_name([_POSSESSIVE.sub("", t).rstrip(".") for t in person])
              for roles, person, _ in _labels(narration)
              if (len(person) >= 2 or roles) and person[0] not in _NOT_SPEAKERS}
    return people.pop() if len(people) == 1 else None


@lru_cache(maxsize=1)
def _spoken_in() -> re.Pattern:
    """A document as the means of speaking: "In a statement Wednesday, Jane Roe lauded …", "… wrote in
    a letter" (a noun of `documents` in the data file)."""
    return re.compile(rf"\b[Ii]n\s+(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?"
                      rf"(?P<doc>{_alternatives(_lexicon().documents)})\b")


def _antecedent(before: str, memory: _Memory, pronoun: str) -> str | None:
    """The person a "he" / "she" stands for when the same sentence names one before it ("Rep. Jane
    Roe riled up her critics when she referred to …"): the first one named there whose gender fits
    (the subject before an object, as centering theory ranks them: Grosz, Joshi & Weinstein 1995),
    as the full name met before; this person is then the last speaker."""
    gender = _PRONOUN_GENDER[pronoun]
    people = []
    for roles, person, opens in _labels(before):
        name = memory.full_name([_POSSESSIVE.sub("", t).rstrip(".") for t in person])
        if (len(person) >= 2 or roles) and person[0] not in _NOT_SPEAKERS:
            memory.learn_gender(name, roles, "", 0)
            subject = not people and len(person) >= 2 and re.search(  # the first full name, a verb after it
                rf"{re.escape(' '.join(person))}\s+(?!(?:of|and|or|in|at|on|for|to|from|with|by|as)\b)[a-z]", before)
            if (roles or subject or name in memory.genders or name in memory.names) and memory.fits(name, gender):
                people.append(name)  # a person written with a role or met before ("Operation Warp Speed, she …" is not)
    if people:
        memory.meet(people[0], (), speaker=True)
    return people[0] if people else None


def _remember_names(narration: str, memory: _Memory, *, headline: bool = False) -> None:
    """Remember the personal names of a sentence: two or more capitalised words once role words
    are cut off ("Defense Secretary Pete Hegseth" → "Pete Hegseth"), or a surname already met."""
    if _title_case(narration):
        return  # a headline in title case ("Judge Blocks Texas Law"): its capitals name nobody
    _remember_bodies(narration, memory)
    if (author := _document_author(narration)):
        memory.authors[author[0]] = memory.last_author = author[1]
    if (first := _joint_subject(narration)) is not None:
        memory.pair = (first, memory.sentence)
    labels = _labels(narration)
    if memory.lead is None and not headline:
        memory.lead = [_POSSESSIVE.sub("", " ".join(person).rstrip(".")) for _, person, _ in labels
                       if len(person) >= 2 and person[0] not in _NOT_SPEAKERS]
    for roles, person, opens in labels:
        if len(person) >= 2 and person[0] not in _NOT_SPEAKERS and not _NOT_NAMES & set(person[1:]):
            name = _POSSESSIVE.sub("", " ".join(person).rstrip("."))  # "Senator Tim Scott’s rebuttal"
            memory.meet(name, roles, speaker=False)
            memory.learn_gender(name, roles, narration, len(labels) if opens else 0)
            if opens:
                memory.subjects.add(name)
        elif len(person) == 1 and (full := memory.known(_POSSESSIVE.sub("", person[0]).rstrip(".’'"))):
            memory.meet(full, roles, speaker=False)  # "Mr Biden" again: Joe Biden is the latest
            if opens and not _POSSESSIVE.search(person[0]):
                memory.subjects.add(full)  # "Kalmus was pursuing his …": the subject, a person
                memory.learn_gender(full, roles, narration, len(labels))
        elif len(person) == 1 and roles and person[0] not in _NOT_SPEAKERS:
            name = _POSSESSIVE.sub("", person[0]).rstrip(".")  # "President Biden", "Ms. Roe"
            memory.meet(name, roles, speaker=False)
            memory.learn_gender(name, roles, narration, len(labels) if opens else 0)


_PAIR_JOIN = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:,[^,]{1,30},)?\s+and\s+")  # "Jane Roe (D-CA), and "
PAIR_MAX_WORDS = 4  # words before two people that still open the sentence ("When", a dateline)


@lru_cache(maxsize=1 << 16)
def _joint_subject(narration: str) -> str | None:
    """The first of two people joined by "and" at the opening of a sentence ("Sen. Jane Roe, D-Md.,
    and Sen. John Doe, R-Ky., wrote"; "Bill and Melinda Gates" → "Bill Gates"), whom a later "they"
    stands for with the other (one speaker per quote: the first named); None when there is none."""
    if " and " not in narration or _title_case(narration):
        return None
    rules = read_rules()
    mentions = [m for m in _person_mentions(narration, rules, rules.organisations) if len(m.name.split()) >= 2]
    for m in mentions[:2]:
        given = re.search(r"\b([A-Z][a-z]+)\s+and\s+$", narration[:m.start])
        if given and given.group(1) in rules.given_names and len(narration[:given.start()].split()) <= PAIR_MAX_WORDS:
            return f"{given.group(1)} {m.name.split()[-1]}"
    for a, b in zip(mentions, mentions[1:]):
        if _PAIR_JOIN.fullmatch(narration[a.end:b.start]) and len(narration[:a.start].split()) <= PAIR_MAX_WORDS:
            return a.name
    return None


_OWNED = re.compile(rf"(?:the\s+)?(?P<owner>{_NAME}|[a-z]+)(?:[’']s?)?\s+(?:[a-z][\w-]*\s+)*?(?P<title>[a-z]+)")
_HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Prof", "Rev", "Mx"}


def _of_place(tokens: list[str]) -> list[str]:
    """A label without its "of PLACE" tail ("Jim Clyburn of South Carolina" → "Jim Clyburn")."""
    if "of" in tokens[1:]:
        cut = len(tokens) - 1 - tokens[::-1].index("of")
        if _is_place(" ".join(tokens[cut + 1:]).rstrip(".,")):
            return tokens[:cut]
    return tokens


def _acronym_body(roles: list[str]) -> bool:
    """True when a label read as roles only is an acronym and a capitalised word that is neither a
    person's title nor a plural ("TC Energy", "BP America"): a company or body named so, not a
    person's role ("FBI Director") or a group ("GOP Senators")."""
    last = roles[-1] if roles else ""
    return (len(roles) >= 2 and roles[0].isupper() and len(roles[0]) > 1 and last[:1].isupper() and not last.isupper()
            and not last.endswith("s") and last.lower() not in _lexicon().staff
            and not any(r in read_rules().titles or r.lower() in ("of", "the") for r in roles))


def _without_openers(who: str) -> str:
    """The speaker's words without the function words that open a sentence ("If Hillsborough",
    "Now Ryan" → "Hillsborough", "Ryan") and without a dateline in capitals ("WASHINGTON")."""
    rules = read_rules()
    words = who.split()
    while len(words) > 1 and (words[0] in rules.function_words or _is_place(words[0]) and words[0].isupper()):
        words = words[1:]
    return " ".join(words)


_NO_ISSUER = object()  # a document subject whose issuer the text does not name: nobody speaks


def _document_issuer(who: str, noun: str | None, memory: _Memory):
    """The speaker of a subject whose head is a document noun (`documents` in the data file): the
    document's issuer when the subject names it, `_NO_ISSUER` when it names none, None when the
    subject is not of these forms (other rules read it). Rule 8 of the labelling rule:
    - "X's commission's draft" (owners in a chain): the nearest owner, a body owned by X, is the
      body named before with that head ("Supreme Court Commission"), else "X’s commission";
    - "the X report", "a new X study" with X capitalised: X when it is a body (an organisation
      word, an acronym: "the Pentagon report", "a CDC study") or a person met before ("the Mueller
      report"), else the author of a document of that name introduced before ("a report from the
      CDC" then "the Provincetown report"), else nobody: a place, a date or a topic issues nothing."""
    words = who.split() + ([noun] if noun else [])
    if len(words) < 2 or words[-1] not in _lexicon().documents:
        return None  # a document noun in lower case only ("The Drudge Report" is an outlet)
    head, words = words[-1], words[:-1]
    if words[0].lower() in ("the", "a", "an", "another"):
        words = words[1:]
    while len(words) > 1 and words[0].islower():  # "a new CDC study"
        words = words[1:]
    owners = [i for i, w in enumerate(words) if _POSSESSIVE.search(w) or w.endswith(("’", "'"))]
    if len(owners) >= 2 and words[owners[-1]].islower():  # "President Biden's commission's draft"
        body = _POSSESSIVE.sub("", words[owners[-1]]).rstrip("’'")
        _, person = _split_label([_POSSESSIVE.sub("", w).rstrip("’'") for w in words[:owners[0] + 1]])
        named = memory.body(body) if body.capitalize() in read_rules().organisation_words else None
        if named is not None and body.capitalize() in named.split():
            return named
        return f"{memory.full_name(person)}’s {body}" if person else body
    if owners or not words or not all(w[:1].isupper() for w in words):
        return None  # "Biden's proclamation", "the agency's report", "the initial draft": other rules
    name, rules = " ".join(words), read_rules()
    if _is_place(name) or name in _outlets() or any(w in rules.adjectives for w in words):
        return memory.authors.get(head) or _NO_ISSUER  # "the Provincetown report", "a Washington Post report"
    if any(w in rules.organisation_words for w in words) or (
            len(words) == 1 and re.fullmatch(r"[A-Z]{2,}", name)):  # "the Pentagon report", "a CDC study"
        return name
    known = memory.known(words[-1])
    if known is not None and known.split()[-len(words):] == words:  # "the Mueller report"
        return known
    return memory.authors.get(head) or _NO_ISSUER


def _court_of(document: str, memory: _Memory) -> str | None:
    """The court that issued a court's document (`court_documents` in the data file: "the opinion
    further notes" after "the U.S. Court of Appeals for the Fourth Circuit dismissed …"): the last
    body named whose name holds "Court", else None."""
    if document not in load_data("reporting_verbs")["roles"].get("court_documents", ()):
        return None
    return next((b for b in reversed(memory.bodies) if "Court" in b.split()), None)


def _speaker(found, memory: _Memory):
    """(speaker, label, verb, verb_text, stance, anonymous, pattern) from an attribution match,
    remembering the speaker. "he" / "she" / "they" is the last speaker (or the last person named
    when nobody has spoken yet); "the president" the last person written with that role; a surname
    alone the full name met earlier in the article; "X’s office" is the office."""
    if found is None:
        return None, None, None, None, None, False, "unattributed"
    _, who, verb_text, pattern, noun = found
    who = re.sub(r"\s*(?:\.{2,}|…)$", "", who)  # an excerpt cut after the name: "Judge..."
    if who.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr)\.$", who):
        who = who[:-1]
    lexicon = _lexicon()
    verb, stance = (("according to", "neutral") if verb_text == "according to"
                    else lexicon.forms.get(verb_text) or lexicon.document_forms.get(verb_text, (None, None)))
    if verb is None:  # the main verb of a sentence opened by a participle ("…, Biden opened the summit")
        verb_text = None
    read = _read_body_or_group(who, noun, memory)
    if read is None:
        who = _without_openers(who)
        read = (_read_document_or_title(who, noun, memory) or _read_place_or_people(who, noun, found[1], memory)
                or _read_owned_role(who, memory) or _read_unnamed(who, memory) or _read_description(who, memory)
                or _read_name(who, noun, memory))
    speaker, label, anonymous, suffix = read
    return speaker, label, verb, verb_text, stance, anonymous, pattern + suffix


# Each `_read_*` below gives (speaker, label, anonymous, suffix of the pattern name) for the `who`
# (and noun after it) of an attribution it knows how to read, remembering what it meets, else None.

def _read_body_or_group(who: str, noun, memory: _Memory):
    """An office, a named group, a listed unnamed group, a body or "it" as the speaker."""
    if _OFFICE_TO.search(who) and _office_patterns()[1].search(who):
        return who, who, False, "_role"  # "China's ambassador to Britain" (`_office_of`)
    if (group := _named_group(who, noun)) is not None:  # "Democratic senators said": the group speaks
        return group, group, False, "_group"
    if noun and f"{who} {noun}".lower() in _lexicon().anonymous:  # "Local leaders said": a listed unnamed group
        memory.anonymous = f"{who} {noun}"
        return memory.anonymous, memory.anonymous, True, ""
    if _kind_of_body(who):  # "the Committee said": which committee the text does not say here
        return None, who.split()[-1], False, ""
    if _body_after_the(who):  # "the Pentagon said": one body, never a person's surname
        return who.split()[-1], who.split()[-1], False, "_body"
    if who in ("it", "It"):  # "it said": the body named in this sentence or the one before
        return memory.recent_body(), who, False, "_pronoun"
    return None


def _read_document_or_title(who: str, noun, memory: _Memory):
    """A document's issuer, or the holder of a place's one office ("the US president")."""
    if (issuer := _document_issuer(who, noun, memory)) is not None:  # "the Pentagon report warned"
        return (None if issuer is _NO_ISSUER else issuer), who, False, "_document"
    owned = _OWNED.fullmatch(who) if " " in who else None
    owner = _POSSESSIVE.sub("", owned.group("owner")).rstrip("’'") if owned else ""
    if owned and owned.group("title") in _lexicon().titles and (
            _is_place(owner) or owner in read_rules().adjectives or owner in ("state", "country", "nation", "city")):
        # "New York's often-feckless mayor", "the US president": the one holder of a place's office,
        # the person written with that title before, else the last person of no known role
        title = owned.group("title")
        return memory.titled(title, guess=True) or title, who, False, "_title"
    return None


def _read_place_or_people(who: str, noun, written: str, memory: _Memory):
    """A place (which speaks for nobody), or people named by the noun after `who`: unnamed
    ("U.S. officials", "a Taliban spokesperson") or a role ("NATO chief")."""
    lexicon = _lexicon()
    if who and _is_place(who) and noun in lexicon.anonymous:  # "Texas lawmakers said": a place's unnamed people
        memory.anonymous = f"{who} {noun}"
        return memory.anonymous, memory.anonymous, True, ""
    if not who or _is_place(who):  # "Texas said", "WASHINGTON (AP) — …": a place speaks for nobody
        return None, written, False, "_place"
    if noun in lexicon.anonymous and not _POSSESSIVE.search(who):  # "U.S. officials said": unnamed people
        memory.anonymous = f"{who} {noun}"
        return memory.anonymous, memory.anonymous, True, ""
    if noun in lexicon.nouns and who.split()[0].lower() in _INDEFINITE:  # "a Taliban spokesperson said": unnamed
        memory.anonymous = f"{who.split(None, 1)[1]} {noun}" if " " in who else noun
        return memory.anonymous, f"{who} {noun}", True, "_indefinite"
    if noun in lexicon.nouns and not _POSSESSIVE.search(who):  # "NATO chief says"
        return f"{who} {noun}", f"{who} {noun}", False, "_role"
    return None


def _read_owned_role(who: str, memory: _Memory):
    """A role, document or group owned by "its" / "his" / "her" / "their"."""
    lowered = who.lower()
    first = lowered.split()[0]
    if first not in ("its", "his", "her", "their"):
        return None
    lexicon = _lexicon()  # "according to its publisher", "his family said"
    head = lowered.split()[-1]
    owner = memory.last_person(first) if first in ("his", "her") else None
    if head in lexicon.documents:  # "his statement said": the owner speaks
        return owner, who, False, "_document"
    if head.endswith("s") and head in {a.split()[-1] for a in lexicon.anonymous}:  # "by their critics"
        return who, who, True, "_anonymous"
    return (f"{owner}’s {head}" if owner else head), who, False, "_role"


def _read_unnamed(who: str, memory: _Memory):
    """Nobody named: a document, an indefinite person, a crowd, a pronoun, a title ("the governor")
    or an anonymous phrase."""
    lexicon = _lexicon()
    lowered = who.lower()
    first = lowered.split()[0]
    if lowered.rstrip("s") in lexicon.documents or lowered in lexicon.documents:  # "Reports said"
        return None, who, False, "_description"
    if first in _INDEFINITE and not any(_opens_with(lowered, a) for a in lexicon.anonymous):
        words = who.split(None, 1)
        if len(words) < 2 or lowered.split()[-1] in lexicon.documents:  # "a statement said": nobody named
            return None, who, False, "_description"
        memory.anonymous = words[1]  # "a friend texted", "a New Yorker said": unnamed people
        return memory.anonymous, who, True, "_indefinite"
    if any(lowered.startswith(f"{count} of ") for count in lexicon.crowds):  # "Thousands of Cubans chanted"
        memory.anonymous = who
        return who, who, True, "_crowd"
    if lowered == "they" and memory.anonymous:  # "officials said …" then "they said"
        return memory.anonymous, who, True, "_pronoun"
    if lowered == "they" and memory.pair and memory.pair[1] >= memory.sentence - 2:
        # "Jane Roe and John Doe wrote a letter" then "they wrote": the two, given as the first named
        return memory.full_name(memory.pair[0].split()), who, False, "_pair"
    if lowered in _PRONOUNS:
        return memory.last_person(lowered), who, False, "_pronoun"
    if lowered.startswith("the ") and lowered.split()[-1] in lexicon.titles:
        title = lowered.split()[-1]  # the person named with it before, else the role ("the governor")
        return memory.titled(title) or title, who, False, "_title"
    if any(_opens_with(lowered, a) or _opens_with(lowered, f"the {a}") for a in lexicon.anonymous):
        memory.anonymous = memory.anonymous if lowered.startswith("the ") and memory.anonymous else who  # as before
        return who, who, True, ""
    return None


def _read_description(who: str, memory: _Memory):
    """A description opened by "the": an unnamed official, a document's author, a body of that
    kind, else the last person named ("the actor and activist said")."""
    if not who.startswith("the "):
        return None
    lexicon = _lexicon()
    lowered = who.lower()
    head = lowered.split()[-1]
    if head in {a.split()[-1] for a in lexicon.anonymous}:  # "the official said": unnamed, as before
        memory.anonymous = memory.anonymous or who[4:]
        return memory.anonymous, who, True, "_anonymous"
    if head in lexicon.documents:  # "the complaint alleges": its author when the text named one
        owner = next((_POSSESSIVE.sub("", w).rstrip("’'") for w in lowered.split()[1:-1]
                      if _POSSESSIVE.search(w) or w.endswith(("’", "'"))), None)
        if owner and (owner.capitalize() in read_rules().organisation_words or owner in read_rules().descriptors):
            return memory.body(owner), who, False, "_document"  # "the agency's report"
        if owner and owner in lexicon.titles:  # "the president's statement"
            return memory.titled(owner), who, False, "_document"
        # the author of a document of that name, else of the last document named ("A memo from the
        # Office of Legal Counsel said …" then "the opinion said")
        author = memory.authors.get(head) or memory.last_author or _court_of(head, memory)
        return author, who, False, "_document"
    if head.capitalize() in read_rules().organisation_words or head in read_rules().descriptors:
        # "the agency said": the body named last (of that kind, for "the court")
        return memory.body(head), who, False, "_body"
    return memory.last_person(), who, False, "_description"


def _read_name(who: str, noun, memory: _Memory):
    """A name as written: a body's, else a person's (met and remembered)."""
    if _body_of(who) and not noun:  # "League of Conservation Voters said": the body, whole
        return who, who, False, "_body"
    roles, name_tokens = _split_label(_of_place(who.split()))
    name_tokens = _without_owner(name_tokens)  # "CBS’s Steven Portnoy": the reporter, not CBS
    return _read_body_name(who, noun, roles, name_tokens, memory) or _read_person(who, noun, roles, name_tokens, memory)


def _read_body_name(who: str, noun, roles: list[str], name_tokens: list[str], memory: _Memory):
    """A body's name, a country's, or a title alone (the person last written with it), from the
    roles and name words of the label `who`; None when it names a person."""
    if (any(w.rstrip("’'s") in read_rules().organisation_words or w.islower() and w.capitalize() in
            read_rules().organisation_words for w in who.split()[1:]) and not noun
            and not _titled_person(roles, name_tokens)):
        return who, who, False, "_body"  # "People’s Bank of China said"
    if "of" in roles and len(name_tokens) <= 1 and not any(r in read_rules().titles for r in roles):
        return who, who, False, "_body"  # "South Korea’s Joint Chiefs of Staff"
    if not name_tokens and roles[-1].lower() in _lexicon().titles:  # "the South Carolina Governor said"
        title = roles[-1].lower().rstrip(".")
        return memory.titled(title) or title, who, False, "_title"
    if not name_tokens:  # a country or body ("the U.S. has confirmed"); a bare "Republican" or "Mr" is nobody
        body = (len(roles) == 1 and roles[0].rstrip(".") not in _HONORIFICS
                or roles[-1] in read_rules().organisation_words)  # "US Capitol Police", "White House"
        if _acronym_body(roles):  # "TC Energy said": a company's name opened by its acronym
            return who, who, False, "_body"
        return (who if body else None), who, False, ""
    if len(name_tokens) == 1 and name_tokens[0] in read_rules().organisation_words:
        if (name_tokens[0] in _NOT_BODIES or name_tokens[0] in _KINDS_OF_BODY or roles
                or name_tokens[0] in read_rules().titles):  # "Government said": which one? "Democrats": members
            return None, who, False, ""
        return who, who, False, "_body"  # "Hamas launched", "Pentagon says"
    return None


def _read_person(who: str, noun, roles: list[str], name_tokens: list[str], memory: _Memory):
    """A person's full name (met and remembered), or what they own that speaks: "Biden's
    proclamation" (Biden), "Netanyahu’s office" (the office)."""
    owner = _POSSESSIVE.search(name_tokens[-1]) if noun else None
    if owner and noun in _lexicon().documents:  # "Biden's proclamation states": Biden speaks
        name_tokens[-1] = name_tokens[-1][:owner.start()]
        return memory.full_name(name_tokens), f"{who} {noun}", False, "_document"
    if owner:  # "Netanyahu’s office said": the office speaks, not Netanyahu
        name_tokens[-1] = name_tokens[-1][:owner.start()]
        return f"{memory.full_name(name_tokens)}{owner.group()} {noun}", f"{who} {noun}", False, "_possessive"
    name = memory.full_name(name_tokens)
    memory.meet(name, roles, speaker=True)
    memory.anonymous = None
    return name, who, False, ""


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


def _clause_speaker(clause, memory: _Memory):
    """(speaker, label, verb, verb_text, stance, anonymous, pattern) of a `_clause_attribution`, or
    None when it names nobody: a group as written (anonymous when unnamed), a body described with
    "a" as its description ("a political action committee"), else as `_speaker` reads a pattern's
    match, but never a description resolved to the last person named."""
    _, who, verb_text, pattern, _ = clause
    verb, stance = _lexicon().forms.get(verb_text, (None, None))
    if pattern in ("clause_unnamed", "clause_group"):
        return who, who, verb, verb_text, stance, pattern == "clause_unnamed", pattern
    words = who.split()
    head = next((w for w, after in zip(words, [*words[1:], ""]) if after in ("of", "for")), words[-1])
    if (words[0].lower() in _INDEFINITE and len(words) > 1
            and head.capitalize() in read_rules().organisation_words and head not in _lexicon().documents):
        body = " ".join(words[1:])
        return body, who, verb, verb_text, stance, False, "clause_body"
    read = _speaker(clause, memory)
    return read if isinstance(read[0], str) and not read[6].endswith("_description") else None
