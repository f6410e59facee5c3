"""Actors: the people an article names, one canonical name per person across outlets.

`find_actors(sentences)` reads every run of capitalised words and keeps those that name a person,
with rules a careful reader would write down (all lists are data in `src/framing/data/actors.toml`):

- titles and honorifics are cut off for matching ("Mr. Trump", "President Trump", "Texas Gov. Greg
  Abbott" → "Trump", "Trump", "Greg Abbott"), and so are a final possessive ("Trump's") and the
  function words that open a sentence ("If Hillsborough …", "Now Ryan …" → "Hillsborough", "Ryan");
- news organisations (a shipped list plus the corpus's own outlet names) are never persons, and a
  word inside one ("Fox" of "Fox News") is not a person on its own (an outlet label written as one
  person's name, a columnist's or a host's, is a person where the text gives it person evidence:
  "host Tucker Carlson", `author_labels`); places (US states, countries,
  capitals and large cities) are never persons; words written in capitals are acronyms or
  datelines ("WASHINGTON —", "NATO"), never part of a name; a run holding an organisation word
  ("Oversight Committee", "Supreme Court", "Honolulu Star Advertiser") is an organisation, and so is a
  newspaper's name ending with a word such as "Leader" or "World" after "the" or a place ("the Tulsa
  World", "Sioux Falls Argus Leader": `newspaper_words`); so are
  capitalised words opening with "The" inside a sentence ("the comedy The Princess Bride": a work's
  or a body's name) and words next to "&" ("Johnson & Johnson"); a full name opening with a listed
  given name before "of" is the person, what follows their body ("Lawrence Solomon of Energy
  Probe"); a verb of a headline in a name marks a headline run into the text ("Bolsonaro Urges
  Macron to …": `headline_verbs`); capitalised words after "for" / "on" (with or without "the") after a
  capitalised word, or after "and" after a body named over "of" / "for" / "on", go on that body's name
  ("the Institute of Energy Economics and Financial Analysis": `body_joiners`), and two words, no
  title, no listed given name first, ending in a plural or abstract common noun name a field, a topic
  or a group ("Conservation Voters", "Public Policy": `abstract_noun_endings`);
- two or more name words are a person; a single word is a person only when a title or honorific
  stands before it, when its event gives it person evidence, or when it resolves to a full name;
- person or organisation is decided by the evidence around all mentions of an actor in the table
  (`[evidence]` in the data file; Mikheev, Moens & Grover 1999): a title, "X, who", "X said he",
  a listed given name (`given_names.toml`) against a company form, "X shares", "X's CEO", "an
  economist at X", "X, which", "X said it", a plural verb, a name in quotation marks, "data from
  X", a number after X, a brand spelling ("JPMorgan"), "the state of X", "University of … at X", "a
  X reporter"; a role beside the name ("spokesman X", "X, associate director of …": `role_evidence`)
  is person evidence, though it makes no single word a person; an actor whose organisation evidence
  outweighs its person evidence is no actor, and so is one with no person evidence whose last word
  English writes in lower case (`english_common_words`: "the Google Ads team").

`resolve_names(table)` gives each name its canonical form: a surname alone ("Trump") becomes the full
name ("Donald Trump") when exactly one full name with that surname is written in the same event, or
(when the event names none) in the whole corpus; when several are written, the one that makes up at
least `DOMINANT_SHARE` of their mentions. Middle initials and middle given names are ignored when
full names are compared ("Donald J. Trump" and "Donald John Trump" are "Donald Trump"); names written alike but for accents are one, and within an
event so are spelling variants of a given name ("Zabiullah"/"Zabihullah Mujahid") and a person
named by a middle name ("Kenneth F. McKenzie"/"Frank McKenzie"). Speakers of quotes
(`framing.sources`) use the same resolution, so "Mr. Trump" in one outlet and "Donald Trump" in
another are one speaker.

This is a rule-based recogniser in the tradition of gazetteer-and-pattern named-entity recognition
(Mikheev, Moens & Grover 1999; Nadeau & Sekine 2007, survey); NLTK's chunker would need model data
downloaded at run time, which the project does not do.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from .config import CONTENT_KINDS
from .lexicons import load_data

if TYPE_CHECKING:
    from scipy.cluster.hierarchy import DisjointSet

DEFAULT_LEXICON = "actors"
DOMINANT_SHARE = 0.75  # a surname goes to the full name holding at least this share of its mentions
LOWER_CASE_SHARE = 0.1  # a word written in lower case more than this often per capitalised use is a common word
ACTOR_COLUMNS = ["article_id", "outlet", "event", "sentence_id", "start", "end", "mention", "name",
                 "actor", "has_title", "actors_version"]

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_TOKEN = rf"[{_UPPER}][\w’'\-]*\.?"
_JOINER = r"(?:of|the|de|da|di|du|del|della|van|von|der|den|bin|ibn|al|la|le|dos|y)"
_RUN = re.compile(rf"(?<![\w’'.\-]){_TOKEN}(?:[ \t\u00a0]+(?:{_JOINER}[ \t\u00a0]+)?{_TOKEN})*")
_TOKEN_RE = re.compile(rf"{_TOKEN}|{_JOINER}")
_POSSESSIVE = re.compile(r"(?:[’']s|[’'])$")
_JOINERS = frozenset(re.findall(r"\w+", _JOINER))
_AFTER_FOR = re.compile(rf"([{_UPPER}][\w.]*) (?:for|on) (?:the )?$")  # "Centers for ", "Committee on the "


class Rules(NamedTuple):
    titles: frozenset  # titles and honorifics (cut off before a name)
    qualifiers: frozenset  # label words cut off with titles ("Defense", "National")
    adjectives: frozenset  # nationality and party adjectives (cut off at the start)
    function_words: frozenset
    suffixes: frozenset
    organisation_words: frozenset
    organisations: tuple  # news organisations, as written
    places: frozenset
    version: str
    descriptors: frozenset = frozenset()  # lower-case nouns for a kind of body ("drugmaker", "firm")
    hyphen_suffixes: frozenset = frozenset()  # "-based", "-backed": adjectives, never names
    breaks: frozenset = frozenset()  # weekdays and abbreviated months: they end a name
    nicknames: frozenset = frozenset()  # (short, full) given names: "Chuck", "Charles"
    place_openers: frozenset = frozenset()  # "West", "San": a name opening so is a place
    given_names: frozenset = frozenset()  # common given names (`given_names.toml`): "Bill" of "Bill Clinton"
    closing_words: frozenset = frozenset()  # "Today", "These": a name ending so is no person's ("MedPage Today")
    given_name_particles: frozenset = frozenset()  # "Al": capitalised before a name, a given name ("Al Franken")
    roles: frozenset = frozenset()  # lower-case nouns for what a person does ("mayor", "envoy": `person_roles`)
    abstract_endings: tuple = ()  # "sis", "cy": endings of abstract nouns ("Analysis", "Policy")
    body_joiners: tuple = ()  # "of", "for", "on", "and": words joining the parts of a body's name
    newspaper_words: frozenset = frozenset()  # "Leader", "World": the words a newspaper's name ends with


@lru_cache(maxsize=8)
def read_rules(lexicon: str | Path = DEFAULT_LEXICON) -> Rules:
    """The actor rules of `actors.toml` (or a user's file of the same layout)."""
    data = load_data(lexicon)
    places = data["places"]
    return Rules(frozenset(data["honorifics"]) | frozenset(data["titles"]), frozenset(data["qualifiers"]),
                 frozenset(data["adjectives"]),
                 frozenset(data["function_words"]), frozenset(data["suffixes"]),
                 frozenset(data["organisation_words"]), tuple(data["organisations"]["names"]),
                 frozenset(places["us_states"]) | frozenset(places["countries"]) | frozenset(places["cities"])
                 | frozenset(places.get("us_state_abbreviations", ())),
                 str(data["version"]), frozenset(data.get("descriptors", ())),
                 frozenset(data.get("hyphen_suffixes", ())), frozenset(data.get("breaks", ())),
                 frozenset(tuple(pair) for pair in data.get("nicknames", ())),
                 frozenset(data.get("place_openers", ())), frozenset(load_data("given_names")["names"]),
                 frozenset(data.get("closing_words", ())), frozenset(data.get("given_name_particles", ())),
                 frozenset(data.get("evidence", {}).get("person_roles", ())),
                 tuple(data.get("abstract_noun_endings", ())), tuple(data.get("body_joiners", ())),
                 frozenset(data.get("newspaper_words", ())))


# ── one text ────────────────────────────────────────────────────────────────────────────────────

class Mention(NamedTuple):
    start: int  # where the mention starts (its title included)
    end: int  # where the name ends (a possessive left out)
    name: str  # the name without titles ("Donald Trump", "Trump")
    has_title: bool  # a title or honorific stood before the name


def outlet_names(outlets) -> tuple[str, ...]:
    """A corpus's outlet labels as names that may be written in text: "Fox News (Online News)" →
    "Fox News"; labels without a capital letter are left out."""
    names = set()
    for outlet in outlets:
        if not isinstance(outlet, str):
            continue
        name = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", outlet).strip()
        name = re.sub(r"\.(?:com|org|net|co\.uk)$", "", name, flags=re.IGNORECASE)
        if re.search(f"[{_UPPER}]", name):
            names.add(name)
    return tuple(sorted(names))


_NAME_WORD = re.compile(r"(?:Mc|Mac|O[’']|D[’'])?[A-Z][a-z]+(?:[’'\-][A-Z]?[a-z]+)*")  # "McLaughlin", "Ocasio-Cortez"


def author_labels(labels, rules: Rules) -> frozenset:
    """The outlet labels written as one person's name: a columnist's or a host's label ("Tucker
    Carlson", "Paul Krugman", "Katrina vanden Heuvel") rather than a publication's. Two or three
    words, each a capital and lower-case letters ("McLaughlin", "Post-Dispatch"; no brand spelling,
    acronym or abbreviation) or a
    lower-case name particle, none an organisation word, a place, a title, a function word or a word
    English writes in lower case (a listed given name excepted: "Daily Beast", "Defense One",
    "Education Week" stay outlets); never a shipped news organisation."""
    common = english_common_words()
    out = set()
    for label in labels:
        words = label.split()
        if not 2 <= len(words) <= 3 or label in rules.organisations or not words[0][:1].isupper():
            continue
        if all((w in _JOINERS or w.islower() and w.isalpha()) if w[:1].islower() else
               (_NAME_WORD.fullmatch(w) is not None and w not in rules.organisation_words
                and not any(part in rules.organisation_words for part in w.split("-")) and w not in rules.places and w not in rules.titles and w not in rules.function_words
                and (w not in common or w in rules.given_names)) for w in words):
            out.add(label)
    return frozenset(out)


@lru_cache(maxsize=64)
def _blocked(organisations: tuple[str, ...]):
    """(regex of organisation names of two or more words, or one word with a capital inside;
    every word of those names)."""
    several = sorted({o for o in organisations if " " in o or re.search(r".[A-Z]", o)}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(o) for o in several) + r")(?![\w])") if several else None
    words = frozenset(w for o in organisations for w in o.split() if w[:1].isupper())
    return pattern, words


def _is_capitals(token: str) -> bool:
    return (token.isupper() and token not in ("II", "III", "IV")
            and (len(token) == 2 and token.isalpha() or sum(c.isalpha() for c in token) >= 2))


def person_mentions(text: str, *, outlets=(), lexicon: str | Path = DEFAULT_LEXICON) -> list[Mention]:
    """The person mentions of one text, in order: names with titles cut off, organisations and
    places left out (see the module's rules). `outlets` are extra organisation names (the corpus's
    outlets)."""
    return list(_person_mentions(text, read_rules(lexicon), _organisations(tuple(outlets), lexicon)))


@lru_cache(maxsize=64)
def _organisations(outlets: tuple, lexicon) -> tuple[str, ...]:
    return tuple(sorted(set(read_rules(lexicon).organisations) | set(outlets)))


@lru_cache(maxsize=1 << 16)
def _person_mentions(text: str, rules: Rules, organisations: tuple) -> tuple[Mention, ...]:
    """The mentions of one text, read once per distinct text (see `person_mentions`)."""
    return tuple(_read_mentions(text, rules, organisations))


def _read_mentions(text: str, rules: Rules, organisations: tuple) -> list[Mention]:
    pattern, outlet_words = _blocked(organisations)
    blocked = [m.span() for m in pattern.finditer(text)] if pattern else []
    found = []
    for run in _RUN.finditer(text):
        after = _AFTER_FOR.search(text, max(0, run.start() - _LOOK_BACK), run.start())
        if after and after.group(1) not in rules.function_words:
            continue  # "Centers for Disease Control", "Committee on the Climate Crisis" (not "As for Susan Rice")
        if _names_a_body(text, run, rules):
            continue
        tokens = [_without_full_stop(m.group(), run.start() + m.start(), rules)
                  for m in _TOKEN_RE.finditer(run.group())]
        paper = _newspaper_end(text, run, tokens, rules)
        if paper is not None:  # "the Sioux Falls Argus Leader": an outlet's name, no person in it
            tokens = [] if tokens[paper + 1:paper + 2] and tokens[paper + 1][0] == "of" else tokens[paper + 1:]
        titled_work = _opens_a_title(text, run)
        firm_before, firm_after = _joined_by_ampersand(text, run)
        for chunk in _chunks(tokens, blocked, rules, ends=_sentence_ends(run.group(), run.start(), tokens)):
            if (titled_work or firm_before) and chunk[0][1] == run.start():
                continue  # "the 1987 comedy The Princess Bride": a work's or a body's name
            if firm_after and run.group()[chunk[-1][2] - run.start():].strip(" \t\u00a0.’'s") == "":
                continue  # "Johnson & Johnson", "Procter & Gamble": a firm's name
            after_the = chunk[0][1] == run.start() and _THE_BEFORE.search(text, max(0, run.start() - 5), run.start())
            mention = _mention(chunk, rules, organisations, outlet_words, after_the=after_the is not None)
            if mention is not None and not _rest_of_a_body(text, mention, rules):
                found.append(mention)
    return found


def _newspaper_end(text: str, run, tokens: list, rules: Rules) -> int | None:
    """The index of the token that ends a newspaper's name opening the run, or None: a word of
    `newspaper_words` (or the last part of a hyphenated word: "Gazette-Mail") after one capitalised
    word or more, when "the" stands before the run, a place or another newspaper word is among
    those words ("Arkansas Democrat-Gazette", "Argus Leader"), or the word is hyphenated. A title
    ("Leader") ends such a name only at the end of the run or before "of", a weekday or a month
    ("told the Argus Leader Monday"), never before a person's name ("Majority Leader Chuck Schumer")."""
    if not rules.newspaper_words:
        return None
    after_the = _THE_BEFORE.search(text, max(0, run.start() - 5), run.start()) is not None
    for i in range(len(tokens) - 1, 0, -1):
        word = tokens[i][0]
        hyphened = "-" in word and word.rsplit("-", 1)[1] in rules.newspaper_words
        if word not in rules.newspaper_words and not hyphened:
            continue
        if word in rules.titles and i + 1 < len(tokens) and tokens[i + 1][0] not in rules.breaks | {"of"}:
            continue
        before = [t for t, _, _ in tokens[:i]]
        if _names_an_office(before, rules):
            continue  # "House Majority Leader", "This Week": an office, not a paper
        if (after_the or hyphened or any(t in rules.places or t in rules.newspaper_words for t in before)
                or " ".join(before) in rules.places or before[0] in rules.place_openers):
            return i
    return None


def _names_an_office(words: list[str], rules: Rules) -> bool:
    """True when capitalised words before a title word hold a title, qualifier or function word:
    "House Majority Leader", "This Week" name an office or a show, not a newspaper."""
    return any(w in rules.titles or w in rules.qualifiers or w in rules.function_words for w in words)


_NAME_PART = rf"(?:[{_UPPER}][\w’'.\-]*|of|for|on|the)"
_BEFORE_AND = re.compile(rf"({_NAME_PART}(?:[ \t\u00a0]+{_NAME_PART})*)[ \t\u00a0]+and[ \t\u00a0]+(?:the[ \t\u00a0]+)?$")


def _rest_of_a_body(text: str, mention: Mention, rules: Rules) -> bool:
    """True when a name of two words or more, with no title and no listed given name first, goes on
    a body's name over "and" (`body_joiners`): the capitalised words before "and" hold an organisation
    word followed by another joiner ("the Institute of Energy Economics and Financial Analysis",
    "National Institute of Allergy and Infectious Diseases", "Center for Energy Economics and Public
    Policy"): the words are the rest of that body's name, not a person ("Bill and Melinda Gates",
    "Department of Health and Human Services Secretary Xavier Becerra" keep theirs)."""
    words = mention.name.split()
    if mention.has_title or len(words) < 2 or words[0] in rules.given_names or "and" not in rules.body_joiners:
        return False
    before = _BEFORE_AND.search(text, max(0, mention.start - _LOOK_BACK * 2), mention.start)
    if before is None:
        return False
    parts = before.group(1).split()
    return any(_is_organisation_word(word, rules) and following in rules.body_joiners
               for word, following in zip(parts, parts[1:]))


def _is_organisation_word(word: str, rules: Rules) -> bool:
    """An organisation word, or its plural ("Centers", "Institutes")."""
    return word in rules.organisation_words or any(s in rules.organisation_words for s in _singulars(word))


_WORD_BEFORE = re.compile(r"([\w-]+)[ \t\u00a0]+$")
_LOOK_BACK = 40  # characters read before a run for the noun that says what it names
_PLACE_AFTER = re.compile(rf",[ \t\u00a0]+([{_UPPER}][\w.]*(?:[ \t\u00a0]+[{_UPPER}][\w.]*)?)")


def _names_a_body(text: str, run, rules: Rules) -> bool:
    """True when the capitalised words name a body or a place by what stands around them: a noun
    for a kind of body before them ("drugmaker Merck", "Drugmaker Merck" opening a sentence, "the
    company Ridgeback Biotherapeutics"), or a place after a comma ("Del Rio, Texas")."""
    before = _WORD_BEFORE.search(text[max(0, run.start() - _LOOK_BACK):run.start()])
    first = run.group().split()[0]
    if (before and before.group(1).lower() in rules.descriptors) or first.lower() in rules.descriptors:
        return True
    after = _PLACE_AFTER.match(text, run.end())
    return bool(after) and after.group(1).rstrip(".") in rules.places and not _role_apposition(text, run, after, rules)


_ROLE_AFTER_PLACE = re.compile(r"(?:[’']s)?[ \t\u00a0]+(?:([a-z][\w-]*)[ \t\u00a0]+)?([a-z][\w-]*)\b")
_WORD_RIGHT_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")
_BEFORE_A_PLACE = frozenset({"a", "an", "the", "in", "of", "from", "to", "at", "near", "outside", "across", "for",
                             "by", "on", "into", "around", "throughout"})  # articles and prepositions


def _role_apposition(text: str, run, place, rules: Rules) -> bool:
    """True when the place after a comma opens a noun phrase for a role ("Simon Stiell, Grenada
    envoy", "Sadiq Khan, London's mayor", "X, Grenada's climate envoy": a place, its possessive or
    not, then a role noun of `person_roles`, one lower-case word allowed between): an apposition
    describing the person before the comma, not a place naming the words before it ("Del Rio,
    Texas"). Not after an article or a preposition, which open a place ("a Del Rio, Texas
    resident", "in Austin, Texas state offices")."""
    role = _ROLE_AFTER_PLACE.match(text, place.end())
    if role is None or not any(w in rules.roles for w in role.groups() if w):
        return False
    before = _WORD_RIGHT_BEFORE.search(text, max(0, run.start() - _LOOK_BACK), run.start())
    first = run.group().split()[0].lower()
    return first not in _BEFORE_A_PLACE and (before is None or before.group(1).lower() not in _BEFORE_A_PLACE)


_AMPERSAND_AFTER = re.compile(rf"[ \t\u00a0]*&[ \t\u00a0]*[{_UPPER}]")
_AMPERSAND_BEFORE = re.compile(rf"[{_UPPER}][\w.’']*[ \t\u00a0]*&[ \t\u00a0]*$")


def _joined_by_ampersand(text: str, run) -> tuple[bool, bool]:
    """(capitalised words and "&" stand before the run, "&" and capitalised words after it): the
    words next to "&" name a firm ("Johnson & Johnson", "Procter & Gamble", "Simon & Schuster"), not
    a person."""
    return (_AMPERSAND_BEFORE.search(text, max(0, run.start() - _LOOK_BACK), run.start()) is not None,
            _AMPERSAND_AFTER.match(text, run.end()) is not None)


_MID_SENTENCE = re.compile(r"[\w,;)][ \t\u00a0]*$")  # a word, comma or bracket before: inside a sentence


def _opens_a_title(text: str, run) -> bool:
    """True when the capitalised words open with "The" inside a sentence ("his new special The
    Closer", "published in The Lancet", "the comedy The Princess Bride"): the title of a work or the
    name of a body, not a person (a sentence, a quotation or a bracket may open with "The")."""
    return (run.group().startswith("The ") and _MID_SENTENCE.search(text, max(0, run.start() - 8), run.start())
            is not None)


def _without_full_stop(token: str, start: int, rules: Rules) -> tuple[str, int, int]:
    """A token without the full stop that ends its sentence ("Johnson."), keeping the stop of an
    initial ("W."), an abbreviation ("U.S.") or a title ("Gov.", "Jr.")."""
    if (token.endswith(".") and len(token) > 2 and "." not in token[:-1] and token not in rules.titles
            and token not in rules.suffixes and token not in rules.function_words and token not in rules.places):
        token = token[:-1]
    return token, start, start + len(token)


def _sentence_ends(run: str, offset: int, tokens: list) -> frozenset:
    """Starts of the tokens whose full stop `_without_full_stop` took for a sentence's end
    ("Americans. These", "Nah. Don’t"): a name runs over no sentence end."""
    return frozenset(start for token, start, end in tokens if run[end - offset:end - offset + 1] == ".")


def _chunks(tokens: list, blocked: list, rules: Rules, *, ends=frozenset()):
    """Runs of tokens split where a token is in capitals (acronym, dateline), a `breaks` word
    (weekday, abbreviated month, a headline's verb), inside an organisation's name, ends in a
    possessive ("Fox News’ Tucker Carlson"; a plural's possessive inside the run ends no name but takes
    the words before it with it: "Jackson Women’s Health Organization") or ends a sentence (`ends`:
    starts of such tokens). The
    words before a break followed by an organisation word belong to that organisation's or event's
    name ("the Belfast Good Friday Agreement") and are dropped."""
    chunk: list = []
    for i, (token, start, end) in enumerate(tokens):
        if _is_capitals(token) or token in rules.breaks or any(s <= start < e for s, e in blocked):
            named_after = token in rules.breaks and i + 1 < len(tokens) and tokens[i + 1][0] in rules.organisation_words
            if chunk and not named_after:
                yield chunk
            chunk = []
            continue
        possessive = _POSSESSIVE.search(token)
        if possessive and len(token) > 2:
            if not _opens_a_body(token, tokens[i + 1:], rules):  # "Jackson Women’s Health Organization"
                chunk.append((token[:possessive.start()], start, start + possessive.start()))
                yield chunk
            chunk = []
            continue
        chunk.append((token, start, end))
        if start in ends:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_IRREGULAR_PLURALS = ("Women", "Men", "Children", "People")


def _opens_a_body(token: str, rest: list, rules: Rules) -> bool:
    """True for a plural's possessive inside a run of capitalised words: an irregular plural ("Women’s",
    "Children's") followed by more words, or "s’" followed by words holding an organisation word
    ("Veterans’ Memorial Hospital"; not "Adams’ New York"): the words belong to a body's name ("Jackson
    Women’s Health Organization"), never to a person's."""
    if not rest:
        return False
    return (re.sub(r"[’']s$", "", token) in _IRREGULAR_PLURALS
            or bool(re.search(r"s[’']$", token)) and any(t in rules.organisation_words for t, _, _ in rest))


_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")


def _mention(chunk: list, rules: Rules, organisations: tuple, outlet_words: frozenset, *,
             after_the: bool = False) -> Mention | None:
    words = [t for t, _, _ in chunk]
    if not after_the and (of := _person_of_body(words, rules)) is not None:  # "Lawrence Solomon of Energy Probe"
        chunk, words = chunk[:of], words[:of]
    titled = [w in rules.titles or (w.endswith("s") and w[:-1] in rules.titles)  # "Presidents"
              or ("-" in w and w.rsplit("-", 1)[1] in rules.titles) for w in words]  # "Then-President"
    has_title = any(titled)
    cut = max((i + 1 for i, w in enumerate(words) if titled[i] or w in rules.qualifiers), default=0)
    first = 0
    while first < len(words) and (words[first] in rules.function_words or words[first] in _JOINERS
                                  or _is_adjective(words[first], rules) or _is_hyphen_adjective(words[first], rules)):
        first += 1  # "Now-fired Preet Bharara": an adjective before a name is cut off like a title
    begin = max(cut, first)
    if 0 < cut < len(words) and words[cut] in ("of", "the"):  # "Joint Chiefs of Staff": a body's name
        has_title = False
    while begin < len(words) and (words[begin] in _JOINERS or _is_adjective(words[begin], rules)
                                  or words[begin] in rules.function_words or _is_hyphen_adjective(words[begin], rules)):
        begin += 1
    if len(words) - begin >= 2 and _is_verb_opener(words[begin], rules):  # "Defending Dave Chappelle"
        begin += 1
    end = len(words)
    while end > begin and words[end - 1] in _JOINERS:
        end -= 1
    inner = [i + 1 for i in range(begin, end) if words[i] in ("of", "the")]
    if (inner and words[inner[-1] - 1] == "of" and (inner[-1] - 1 - begin >= 2 or has_title and inner[-1] - 1 > begin)
            and " ".join(words[inner[-1]:end]) in rules.places):
        end, inner = inner[-1] - 1, [i for i in inner if i < inner[-1] - 1]  # "Sen. Tim Kaine of Virginia"
    if inner:  # "Joint Chiefs of Staff", "Port of Los Angeles": a person's name holds no "of"
        begin, has_title = max(inner), False
    if end - begin >= 3 and words[begin] in rules.places:  # "envoy to Haiti Daniel Foote": the place is no name
        begin += 1
    begin = _after_run_in_words(words, begin, end, rules, organisations,
                                after_the=after_the or begin > 0 and words[begin - 1] in ("the", "The"))
    name_words = words[begin:end]
    scope = words[cut:end] if has_title else words[first:end]  # "House Speaker Nancy Pelosi": the body names her office
    if end - begin >= 2 and words[begin] in rules.given_names:  # "Bill Clinton": a given name, not a bill
        scope = [w for i, w in enumerate(scope, start=end - len(scope)) if i != begin]
    if not name_words or any(w in rules.organisation_words or "-" in w and _hyphen_part_rules_out(w, rules)
                             for w in scope):
        return None
    if name_words[-1] in rules.adjectives or name_words[-1] in rules.closing_words:
        return None  # "African American", "Latino": a group; "MedPage Today": no person's name ends so
    if not has_title and len(name_words) > 1 and _ends_in_place(name_words, rules):
        return None  # "Black America", "Weimar Germany": a place (not "George Washington")
    name = " ".join(name_words)
    if _PARTY_AND_STATE.fullmatch(name):
        return None  # "D-Calif", "R-Ind": a lawmaker's party and state, after the name
    if name in rules.places or name in organisations or (len(name_words) > 1 and name_words[0] in rules.place_openers):
        return None
    core = [w for w in name_words if w not in rules.suffixes]
    if len(core) == 1 and not has_title and (core[0] in outlet_words or core[0] in rules.places):
        return None
    if not core or not any(c.islower() for c in core[-1]) or any(c.isdigit() for c in name):
        return None
    if len(core) == 2 and not has_title and re.fullmatch(rf"[{_UPPER}]\.", core[0]):
        return None  # "H. Res", "S. Con": news writes a person's given name, not an initial alone
    if (len(core) == 2 and not has_title and core[0] not in rules.given_names
            and _is_topic_noun(core[1], rules.abstract_endings)):
        return None  # "Financial Analysis", "Conservation Voters": a field, a body or a topic
    if any(single in rules.adjectives or single in rules.titles
           or single in rules.organisation_words and not (has_title and len(core) >= 2)
           for single in _singulars(core[-1])):
        return None  # "Black Americans", "House Democrats", "Alachua Counties": a group (not "Rep. Jim Banks")
    start = chunk[first if has_title else begin][1]
    return Mention(start, chunk[end - 1][2], name, has_title)


_PARTY_AND_STATE = re.compile(rf"[DRI]-[{_UPPER}][\w.\-]*")


def _after_run_in_words(words: list[str], begin: int, end: int, rules: Rules, organisations: tuple, *,
                        after_the: bool = False) -> int:
    """Where a name starts in `words[begin:end]` when other words run into it: outlets' names of one
    word before a surname or a name opening with a listed given name ("told Reuters Trump called":
    the outlet is the object of the verb, the name opens the next clause), or a name that repeats its
    last word with a listed given name after the first time ("President Trump Donald John Trump", a
    headline and a byline run together: the name is the words from that given name). `begin` when neither ("Ford Madox Ford" keeps its words; after "the",
    the words are one name: "the Time Warner Cable Arena")."""
    outlet = begin
    while not after_the and outlet < end - 1 and words[outlet] in organisations and words[outlet] not in rules.given_names:
        outlet += 1  # "Facebook Twitter Pinterest Derek Hatton": share buttons before a caption's name
    if outlet > begin and (end - outlet == 1 or words[outlet] in rules.given_names):
        begin = outlet  # not "Time Warner Cable Arena": what follows an outlet is a surname or a full name
    repeated = [i for i in range(begin, end - 2) if words[i] == words[end - 1]]
    if repeated and words[repeated[-1] + 1] in rules.given_names:
        begin = repeated[-1] + 1
    return begin


def _person_of_body(words: list[str], rules: Rules) -> int | None:
    """Where "of" stands in capitalised words that open with a person's name written in full and go on
    with the body or place the person belongs to ("Lawrence Solomon of Energy Probe", "Teri Blanton of
    Kentuckians for the Commonwealth"): two words or more before "of", the first a listed given name,
    none a title, a label, a function word or an organisation word, the last no word English writes
    in lower case ("Bank of America", "Secretary of State …", "Duke of Sussex" keep their rules; so do
    words after "the": "the Abbey Gate of …", see `_mention`). None when the words are not so."""
    of = words.index("of") if "of" in words else None
    if of is None or of < 2 or words[0] not in rules.given_names or words[of - 1] in english_common_words():
        return None
    if any(w in rules.titles or w in rules.qualifiers or w in rules.organisation_words or w in rules.function_words
           or w in _JOINERS for w in words[:of]):
        return None
    return of


_PARTICIPLE = re.compile(r"[a-z]{2,}ed|[a-z]{3,}ing")  # "endorsed", "bred", "speaking"; not "ying" of "Chun-ying"


def _is_hyphen_adjective(word: str, rules: Rules) -> bool:
    """True for a hyphenated word with an adjective ending: a listed one ("Jersey-based") or any
    participle, "-ed" of four letters or more or "-ing" of six or more ("Abrams-endorsed",
    "Now-fired", "English-speaking"; not the syllable of a name: "Chun-ying")."""
    last = word.rsplit("-", 1)[-1]
    return "-" in word and (last in rules.hyphen_suffixes or _PARTICIPLE.fullmatch(last) is not None)


def _hyphen_part_rules_out(word: str, rules: Rules) -> bool:
    """True for "Union-Tribune" (an organisation word after a hyphen), "Jersey-based" or
    "Abrams-endorsed" (an adjective, `_is_hyphen_adjective`, inside or after a name: the name is
    what the adjective is built on) or "States-Mexico" (a place joined to another: a border, a
    relation)."""
    parts = word.split("-")
    return (_is_hyphen_adjective(word, rules) or any(p in rules.organisation_words for p in parts[1:])
            or any(p in rules.places for p in parts))


def _is_adjective(word: str, rules: Rules) -> bool:
    """A nationality or party adjective, or its plural used as a noun ("Americans", "Democrats")."""
    return word in rules.adjectives or (word.endswith("s") and word[:-1] in rules.adjectives)


def _singulars(word: str) -> tuple[str, ...]:
    """The singular forms an English plural may have ("Democrats" → "Democrat", "Counties" →
    "County"); () for a word not ending in s."""
    if not word.endswith("s"):
        return ()
    return (word[:-1], word[:-3] + "y") if word.endswith("ies") else (word[:-1],)


def _is_verb_opener(word: str, rules: Rules) -> bool:
    """True for a present participle opening a headline or a sentence before a name ("Defending Dave
    Chappelle", "Painting Biden’s calls …"): six letters or more ending in "ing", not a given name
    ("Sterling")."""
    return len(word) >= 6 and word.endswith("ing") and word not in rules.given_names


def _ends_in_place(words: list[str], rules: Rules) -> bool:
    """True when the last one, two or three words are a listed place and the first is no listed given
    name ("Black America", "Weimar Germany"; not "George Washington", "Jim Jordan")."""
    if words[0] in rules.given_names:
        return False
    return any(" ".join(words[-n:]) in rules.places for n in (1, 2, 3) if n < len(words))


# ── evidence around mentions ────────────────────────────────────────────────────────────────────

class Evidence(NamedTuple):
    """Compiled patterns of the `[evidence]` section of `actors.toml`: read on the text after a
    mention (`after`, from the end of the name, a possessive included) or before it (`before`)."""
    person_after: tuple  # "X, who", "X said he", "X's wife"
    role_after: re.Pattern  # "X, associate director of …": a role in apposition
    role_before: frozenset  # "spokesman X", "the study's co-author, X": role nouns of one or two words
    org_after: tuple  # "X Inc.", "X shares", "X's CEO", "X said it", "X and other firms"
    which: re.Pattern  # "X, which": organisation evidence unless X follows a preposition ("contacts with X, which")
    org_before: tuple  # "an economist at X", "co-founder of X"
    place_before: tuple  # "the state of X", "University of North Carolina at X": read only after "of"/"at"
    weak_after: tuple  # "X said in a statement", "X cut its forecasts"
    weak_before: tuple  # "a spokesperson for X"
    weak_untitled: tuple  # "the X" (before, after): a name after an article, no title between, not a modifier
    plural_after: re.Pattern  # "X are": organisation evidence only when X opens no list
    given_names: frozenset  # opening given names: person evidence once per actor


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def read_evidence(lexicon: str | Path = DEFAULT_LEXICON) -> Evidence:
    """The evidence patterns of `actors.toml` (or a user's file of the same layout) and the shipped
    given names (`given_names.toml`, US Census 1990 first names)."""
    data = load_data(lexicon).get("evidence", {})
    alt = {key: _alternatives(data.get(key, ())) or "(?!)" for key in (
        "person_pronouns", "reporting_verbs", "relatives", "company_forms", "market_nouns", "corporate_nouns",
        "plural_verbs", "roles_at", "roles_of", "spokespeople", "term_markers", "data_nouns", "data_verbs",
        "product_nouns", "person_roles", "place_nouns", "media_staff")}
    i = re.IGNORECASE
    possessive = r"(?:[’']s?)"
    kinds = _alternatives(read_rules(lexicon).descriptors)  # "company", "firm", "network" …
    campus = _alternatives(read_rules(lexicon).organisation_words)
    said = rf"\s+(?:{alt['reporting_verbs']})\s+(?:that\s+)?"  # not ", said his": a speaker after the verb
    between = r"(?:(?!(?:whose|which|that|who|its|their|and|or|said|says)\b)[\w’'.\-]+\s+){0,4}?"
    return Evidence(
        person_after=(re.compile(r",\s+who\b"), re.compile(rf"{said}(?:{alt['person_pronouns']})\b"),
                      re.compile(rf"{possessive}\s+(?:{alt['relatives']})\b", i)),
        role_after=re.compile(rf",\s+(?:(?:a|an|the)\s+)?{between}(?:{alt['person_roles']})(?:\s+(?:of|at|for|to|on)\b|[,.;:)])"),
        role_before=frozenset(data.get("person_roles", ())),
        org_after=(re.compile(rf",?\s+(?:{alt['company_forms']})(?![\w])"),
                   re.compile(rf",?\s+and\s+other\s+(?:{kinds})s?\b", i),  # "Cyber Ninjas and other subcontractors"
                   re.compile(rf",\s+(?:a|an|the)\s+(?:(?!of\b)[\w-]+\s+){{0,4}}(?:{kinds})"
                              rf"(?:[,.;:)]|\s+(?:that|which|whose|based|in|with|for)\b)", i),
                   re.compile(rf"{possessive}?\s+(?:{alt['market_nouns']})\b", i),
                   re.compile(rf"{possessive}\s+(?:{alt['corporate_nouns']})\b", i),
                   re.compile(rf"\s+(?:{alt['product_nouns']})\b"),  # "Mozilla Web Developer documentation"
                   re.compile(rf"\s+(?:{alt['media_staff']})\b"),  # "a Clean Technica reporter"
                   re.compile(rf"{said}(?:it|its)\b"),
                   re.compile(r"\s+vs?\.\s"),  # "Roe v. Wade": a party named in a case's title
                   re.compile(r"\.?\s+\d")),  # "H. Res. 24", "Windows 11": a numbered thing

        which=re.compile(r",\s+which\b"),
        org_before=(re.compile(rf"\b(?:{alt['roles_at']})\s+at\s+(?:the\s+)?$", i),
                    re.compile(rf"\b(?:{alt['term_markers']})\s+[“‘\"']?$", i),
                    re.compile(r"\svs?\.\s+$"),
                    re.compile(rf"\b(?:{alt['roles_of']})\s+of\s+(?:the\s+)?$", i),
                    re.compile(rf"\b(?:{kinds})[’']?,\s+$", i),  # "his rocket company, Blue Origin"
                    re.compile(rf"\b(?:{alt['data_nouns']})\s+(?:from|by)\s+(?:the\s+)?$", i),  # "data from Kaiser Permanente"
                    re.compile(rf"\b(?:{alt['data_verbs']})\s+by\s+(?:the\s+)?$", i)),  # "economists surveyed by Dow Jones"
        place_before=(re.compile(rf"\b(?:{alt['place_nouns']})\s+of\s+$"),  # "the state of Tamil Nadu"
                      re.compile(rf"\b(?:{campus})(?:\s+of(?:\s+[A-Z][\w.]*)+)?\s+at\s+$")),  # "University of … at Chapel Hill"
        weak_after=(re.compile(r",?\s+(?:said|says)\s+in\s+a\s+statement\b"),
                    re.compile(r"\s+[a-z]+\s+(?:its|itself)\b")),
        weak_before=(re.compile(rf"\b(?:{alt['spokespeople']})\s+for\s+(?:the\s+)?$", i),),
        weak_untitled=(re.compile(r"\bthe\s+$", i),  # … and the name not a modifier ("the Biden administration")
                       re.compile(r"(?:[’']s?)?(?:\s*(?:[,.;:)”\"!?]|$)|\s+(?:and|or|in|on|at|to|for|with|from|by|as"
                                  r"|that|which|is|was|has|had|have|are|were|said|says)\b)")),
        plural_after=re.compile(rf"\s+(?:{alt['plural_verbs']})\b"),
        given_names=read_rules(lexicon).given_names - read_rules(lexicon).places)  # "America First" is no given name


_OPENING_QUOTES = ("“", "‘", '"', "'")
_CLOSING_QUOTE = re.compile(r"[,.!?]?[”’\"'](?!\w)")  # "a “Green Pass”", "‘America First’": a term, not a person
_AFTER_PREPOSITION = re.compile(r"\b(?:of|with|to|for|by|from|about|on|in|at|into|against|between)\s+(?:the\s+)?$")
_IN_A_LIST = re.compile(r"(?:\band|\bor|,|&)\s*$")
WEAK = 0.5  # a weak organisation cue counts half a strong one


def mention_evidence(text: str, start: int, end: int, has_title: bool, evidence: Evidence) -> tuple[bool, float]:
    """(person evidence, organisation evidence) around one mention of a name: `start` where the
    mention starts (its title included), `end` where the name ends. See `[evidence]` in
    `actors.toml`; a strong organisation cue counts 1, a weak one `WEAK`."""
    after, before = text[end:end + 120], text[max(0, start - 60):start]
    person = any(p.match(after) for p in evidence.person_after)
    org = float(any(p.match(after) for p in evidence.org_after) or any(p.search(before) for p in evidence.org_before)
                or (before.rstrip().endswith((" of", " at")) and any(p.search(before) for p in evidence.place_before))
                or any(_is_brand(w) for w in text[start:end].split())
                or (before.endswith(_OPENING_QUOTES) and _CLOSING_QUOTE.match(after) is not None)
                or (bool(evidence.which.match(after)) and not _AFTER_PREPOSITION.search(before))
                or (bool(evidence.plural_after.match(after)) and not _IN_A_LIST.search(before)))
    if not org:
        org = WEAK * (any(p.match(after) for p in evidence.weak_after)
                      or any(p.search(before) for p in evidence.weak_before)
                      or (not has_title and bool(evidence.weak_untitled[0].search(before))
                          and bool(evidence.weak_untitled[1].match(after))))
    return person, org


def role_evidence(text: str, start: int, end: int, evidence: Evidence) -> bool:
    """True when a noun for what one person does stands right before the mention ("EPA spokesman
    J.P. Freire", "the study's co-author, Malte Jansen") or in apposition after it (", associate
    policy director of Indivisible"): person evidence for a name (`person_roles` in `actors.toml`),
    weighed against organisation evidence, but not enough to make a single word a person (a role
    says nothing of which of two "Wright"s is meant)."""
    if text.startswith(",", end) and evidence.role_after.match(text, end) is not None:
        return True
    before = text[max(0, start - 40):start]
    if not before[-1:].isspace():
        return False
    words = before.rstrip().rstrip(",").split()
    return bool(words) and (words[-1] in evidence.role_before or " ".join(words[-2:]) in evidence.role_before)


_NAME_PREFIX = re.compile(r"(?:[A-Z][a-z]?|Mac|Van|Von|Fitz|Del)(?=[A-Z])")  # "McCarthy", "DeSantis", "MacKenzie"


def _is_brand(word: str) -> bool:
    """True for a word written as a brand, with a capital inside that no name prefix explains
    ("JPMorgan", "MedPage", "BlackRock"; not "McConnell", "DeSantis", "LeBron", "MacArthur",
    "Ma’Khia", "Ocasio-Cortez")."""
    for part in re.split(r"[’'\-]", word):
        inner = re.search(r"[a-z][A-Z]", part)
        if inner and not _NAME_PREFIX.match(part[:inner.start() + 2]):
            return True
        if re.match(r"[A-Z]{2,}[a-z]", part):
            return True
    return False


def organisation_actors(found: pd.DataFrame, evidence: Evidence, *, common_words=frozenset(),
                        outlet_labels=frozenset()) -> set[str]:
    """Actors whose organisation evidence outweighs their person evidence over the whole table
    (ties are persons), and actors with no person evidence at all whose last word is in
    `common_words` (words the collection writes more often in lower case than capitalised inside a
    sentence: "Google Ads", "Civic Misinformation", "Great Plague"; Mikheev 1999). Needs `actor`,
    `has_title`, `person_cue`, `org_cue` (and `role_cue`, when present): person evidence is a mention
    with a title, a person cue or a role (`role_evidence`),
    plus one for an actor of two words or more opening with a listed given name; organisation
    evidence is the sum of `org_cue`. An actor that is one of `outlet_labels` (outlet labels written
    as a person's name, `author_labels`) is an outlet unless it has person evidence."""
    rows = found[found["actor"].notna()]
    cues = rows["has_title"] | rows["person_cue"] | (rows["role_cue"] if "role_cue" in rows else False)
    person = cues.groupby(rows["actor"]).sum()
    org = rows["org_cue"].groupby(rows["actor"]).sum()
    given = pd.Series({a: float(len(a.split()) > 1 and a.split()[0] in evidence.given_names) for a in person.index},
                      dtype=float)
    person = person.add(given, fill_value=0)
    unlikely = {a for a, n in person.items() if not n and (a.split()[-1] in common_words or a in outlet_labels)}
    return set(org.index[org > person]) | unlikely


# ── a table ─────────────────────────────────────────────────────────────────────────────────────

def find_actors(sentences: pd.DataFrame, *, within: str | None = "event", kinds=CONTENT_KINDS,
                text_col: str = "text", outlets=None, lexicon: str | Path = DEFAULT_LEXICON) -> pd.DataFrame:
    """One row per person mentioned, with one canonical name per person across outlets.

    Needs `article_id`, `sentence_id`, `text_col`; keeps `outlet`; `within` (default `event`) names
    the column whose values resolve surnames first (the whole table when absent). Only rows whose
    `kind` is in `kinds` are read. `outlets` are names never taken for persons, beside the shipped
    list of news organisations (default: the table's `outlet` labels).

    Returns `ACTOR_COLUMNS`: `start`, `end` (offsets in the sentence), `mention` (as written, title
    included: "Mr. Trump"), `name` (titles cut off: "Trump"), `actor` (canonical: "Donald Trump"),
    `has_title`, `actors_version`. Single words that neither follow a title nor resolve to a full
    name are left out: they are as often places or organisations as people. In a sentence written
    in title case (a headline) capitals do not mark names, so its mentions are kept only for actors
    also named in sentence-case text.
    """
    table = sentences if kinds is None or "kind" not in sentences else sentences[sentences["kind"].isin(kinds)]
    if outlets is None:
        outlets = table["outlet"].dropna().unique() if "outlet" in table else ()
    rules, labels = read_rules(lexicon), outlet_names(outlets)
    authors = author_labels(labels, rules)  # "Tucker Carlson": a person's name as well as an outlet's label
    organisations = _organisations(tuple(label for label in labels if label not in authors), lexicon)
    evidence = read_evidence(lexicon)
    rows = []
    events = table[within] if within and within in table else pd.Series("all", index=table.index)
    outlet_col = table["outlet"] if "outlet" in table else pd.Series(None, index=table.index)
    texts = table[text_col]
    lower, upper = _case_counts(texts)
    for article, outlet, event, sentence, text in zip(table["article_id"], outlet_col, events,
                                                     table["sentence_id"], texts):
        if not isinstance(text, str):
            continue
        title_case = _is_title_case(text)
        for m in _person_mentions(text, rules, organisations):
            in_headline = title_case
            if not title_case:
                if (m := _as_written_elsewhere(m, text, lower, upper, rules.given_names)) is None:
                    continue
                if (cut := _headline_words_cut(m, text, rules)) is None:
                    continue
                m, in_headline = cut
            rows.append((article, outlet, event, sentence, m.start, m.end, text[m.start:m.end], m.name,
                         m.has_title, in_headline, _CUT_OFF.match(text, m.end) is not None,
                         *mention_evidence(text, m.start, m.end, m.has_title, evidence),
                         role_evidence(text, m.start, m.end, evidence)))
    found = pd.DataFrame(rows, columns=ACTOR_COLUMNS[:8] + ["has_title", "title_case", "cut_off", "person_cue",
                                                            "org_cue", "role_cue"])
    found["event"] = found["event"].astype(str)
    common = frozenset(w for w in found["name"].unique()
                       if " " not in w and lower[w.lower()] > LOWER_CASE_SHARE * upper[w])
    found["actor"] = resolve_names(found.assign(has_title=found["has_title"] | found["person_cue"]),
                                   lexicon=lexicon, common_words=common)
    confirmed = set(found.loc[~found["title_case"], "actor"].dropna())
    found = found[found["actor"].notna() & (~found["title_case"] | found["actor"].isin(confirmed))]
    common_last = frozenset(w for w in {a.split()[-1] for a in found["actor"].dropna().unique()}
                            if lower[w.lower()] > upper[w] or w in english_common_words())
    found = found[~found["actor"].isin(organisation_actors(found, evidence, common_words=common_last,
                                                           outlet_labels=authors))]
    found = found.reset_index(drop=True)
    found["actors_version"] = read_rules(lexicon).version
    for column in ("sentence_id", "start", "end"):
        found[column] = found[column].astype("int64")
    return found[ACTOR_COLUMNS]


_CUT_OFF = re.compile(r"\s*(?:\.\.\.|…)\s*$")  # an excerpt cut off right after the name ("… reporter Robert...")
_WORDS = re.compile(r"[^\W\d_][\w’'\-]*")
_SENTENCE_OPENING = " \t\"“‘'([—–-•*"


def _case_counts(texts) -> tuple[Counter, Counter]:
    """(lower-case words, capitalised words) counted inside sentences of the collection: the first
    word of a sentence and sentences in title case (headlines) are not counted, since there capitals
    say nothing."""
    lower, upper = Counter(), Counter()
    for text in texts:
        if not isinstance(text, str) or _is_title_case(text):
            continue
        words = _WORDS.findall(text)[1:]
        lower.update(w for w in words if w[0].islower())
        upper.update(w for w in words if w[0].isupper())
    return lower, upper


def _as_written_elsewhere(m: Mention, text: str, lower: Counter, upper: Counter,
                          given_names=frozenset()) -> Mention | None:
    """The mention checked against how the collection writes its words (Mikheev 1999/2002: a
    capitalised word is a common word when the same texts write it in lower case and never
    capitalised inside a sentence). A common word opening the sentence is cut off ("Gymnasts Simone
    Biles", "Drugmaker Merck"), and so is a word English writes in lower case
    (`english_common_words`) that is no listed given name ("Stop Biden’s …"); a name without a
    title made only of words the collection writes more often in lower case than capitalised is no
    person ("Product Manager", "Big Tech"), and nor is such a word alone after a title when English
    also writes it in lower case ("Conservatives Need …", "Major Democratic Donors")."""
    words = m.name.split()
    first = words[0]
    if (not text[:m.start].strip(_SENTENCE_OPENING) and text.startswith(first, m.start)
            and (not upper[first] and lower[first.lower()]
                 or len(words) > 1 and first in english_common_words() and first not in given_names)):
        words = words[1:]
        if not words:
            return None
        start = text.index(words[0], m.start + len(first))
        m = Mention(start, m.end, " ".join(words), m.has_title)
    if not m.has_title and all(lower[w.lower()] > upper[w] for w in words):
        return None
    if (m.has_title and len(words) == 1 and words[0] in english_common_words() and words[0] not in given_names
            and lower[words[0].lower()] > upper[words[0]]):
        return None  # "Conservatives Need …", "Major Democratic Donors": a common word after a title
    return m


def _headline_words_cut(m: Mention, text: str, rules: Rules) -> tuple[Mention, bool] | None:
    """(the mention, whether it stands in title-case text) for a name read in a sentence-case
    sentence. Two or more words of the name that English writes in lower case and that are no listed
    given names (`english_common_words`), or one such word before the last word of a name of four
    words or more, mark words in title case inside the sentence, a headline run into the text or a
    work's title ("Bernie Sanders Stakes Out Forceful Climate Stance", "Climate Billionaire Elon
    Musk Quits Donald Trump", "Jeff Merkley Shreds Trump"): what follows the last of them is kept as a
    mention in title case (counted only for an actor also named in sentence-case text), None when
    nothing follows. A verb of a headline (`headline_verbs`) after the first word marks the same
    ("Bolsonaro Urges Macron to …" → "Macron"), but when it is the name's last word and its only
    word English writes in lower case it is cut off and the name before it kept as written ("Pope
    Francis Calls for …" → "Francis"). A last word that is a function word opening a sentence ("Ross Barkan The
    cruelty", a text with no break between sentences) is cut off."""
    words = m.name.split()
    if (len(words) > 2 and words[-1] in rules.function_words and words[-1] not in rules.closing_words
            and (words[-1] in english_common_words() or words[-1] not in rules.given_names)):  # not "Theresa May"
        end = _word_starts(text, m.start, words)[-1]
        words = words[:-1]
        m = Mention(m.start, len(text[:end].rstrip()), " ".join(words), m.has_title)
    verbs = [i for i, w in enumerate(words) if i > 0 and w in headline_verbs() and w not in rules.given_names]
    common = [i for i, w in enumerate(words) if w in english_common_words() and w not in rules.given_names]
    if verbs == common == [len(words) - 1]:  # "Pope Francis Calls for …": the subject of a headline's verb
        end = _word_starts(text, m.start, words)[-1]
        return Mention(m.start, len(text[:end].rstrip()), " ".join(words[:-1]), m.has_title), False
    if verbs or len(common) >= 2 or (common and common[0] < len(words) - 1 and len(_core(m.name, rules)) >= 4):
        tail = words[common[-1] + 1:]
        if not tail:
            return None
        start = _word_starts(text, m.start, words)[common[-1] + 1]
        return Mention(start, m.end, " ".join(tail), m.has_title), True
    return m, False


def _word_starts(text: str, start: int, words: list[str]) -> list[int]:
    """Where each of a name's words starts in the text, read in order from `start`."""
    out = []
    for word in words:
        start = re.compile(rf"(?<![\w’'.\-]){re.escape(word)}").search(text, start).start()
        out.append(start)
        start += len(word)
    return out


@lru_cache(maxsize=4096)
def _is_topic_noun(word: str, endings: tuple) -> bool:
    """True for a capitalised common noun that names a field, a topic or a group of people rather than
    ending a person's name: a plural the part-of-speech lexicon tags NNS in lower case and not NNP
    capitalised ("Voters", "Studies", "Diseases"; not "Powers", "Banks", "Gates", which it knows as
    names), or a singular tagged NN in lower case with an ending of abstract nouns in `endings`
    ("Analysis", "Policy", "Science"; Brill 1992's lexicon as TextBlob ships it)."""
    tags = _lexicon_tags()
    lower = tags.get(word.lower())
    if lower == "NNS":
        return tags.get(word) != "NNP"
    return lower == "NN" and word.lower().endswith(endings) if endings else False


@lru_cache(maxsize=1)
def _lexicon_tags() -> dict[str, str]:
    """{word: its part-of-speech tag} of the lexicon TextBlob ships (Brill 1992)."""
    tags: dict[str, str] = {}
    package = find_spec("textblob")  # located, not imported (importing it loads NLTK)
    text = (Path(package.submodule_search_locations[0]) / "en" / "en-lexicon.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";"):
            tags.setdefault(parts[0], parts[1])
    return tags


@lru_cache(maxsize=1)
def headline_verbs() -> frozenset:
    """Capitalised verbs in the third person singular present, the tense of headlines ("Urges",
    "Calls", "Slams", "Says"): lower-case entries the lexicon tags VBZ (Brill 1992) that are also
    `english_common_words` (so "Jobs", "Gates", "Waters", which the lexicon knows as names, are not)."""
    common = english_common_words()
    return frozenset(w.capitalize() for w, tag in _lexicon_tags().items()
                     if tag == "VBZ" and w.isalpha() and w.islower() and w.capitalize() in common)


@lru_cache(maxsize=1)
def english_common_words() -> frozenset:
    """Capitalised forms of the words that English writes in lower case: a lower-case entry of the
    part-of-speech lexicon TextBlob ships (Brill 1992, from the Brown corpus and the Penn Treebank)
    whose capitalised form is no proper noun there ("Good", "Ads", "Plague"; not "Brown", "Star",
    which the lexicon also knows as names)."""
    tags = _lexicon_tags()
    return frozenset(word.capitalize() for word, tag in tags.items()
                     if word.isalpha() and word.islower() and not tag.startswith("NNP")
                     and not tags.get(word.capitalize(), "").startswith("NNP"))


@lru_cache(maxsize=1)
def _small_words() -> frozenset:
    """The shipped function words in lower case ("amid", "over", "with", "from")."""
    return frozenset(w.lower() for w in read_rules().function_words if w.isalpha())


def _is_title_case(text: str) -> bool:
    """True for a headline written in title case ("Hegseth Rules Out Troop Deployment"), where
    capitals do not mark names: three words of four letters or more, all capitalised but the function
    words that title case writes in lower case ("… to Chicago amid Stalled Negotiations over
    Infrastructure"). A sentence with one long word in lower case is in sentence case ("President
    Joe Biden met with the family of Marine Corps Lance Cpl. Rylee McCollum on Sunday")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if len(w) >= 4]
    small = _small_words()
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 3 and all(w[0].isupper() for w in content)


def resolve_names(table: pd.DataFrame, *, name_col: str = "name", within: str = "event",
                  lexicon: str | Path = DEFAULT_LEXICON, common_words=frozenset()) -> pd.Series:
    """The canonical actor of each row's name (None for a single word with no title that resolves
    to no full name).

    Needs `name_col` (names with titles cut off); `within` (when present) groups rows whose surnames
    are resolved together, falling back to the whole table; `has_title` (when present) says a single
    word is a person even when no full name is known (one row of that word in its group with a title
    is enough; rows with a true `title_case`, when present, are headlines in title case and give no
    full name to others). A full name keeps its own form, middle
    initials dropped ("Donald J. Trump" → "Donald Trump"); a surname alone takes the full name
    written with it in the event, else in the table (see the module's rule); a single word that opens
    a two-word name of the event in which no word is a listed given name is that name's family name
    ("Zhao" → "Zhao Lijian"), and a listed given name alone is the one person of the event so named
    ("Director Rochelle…" → "Rochelle Walensky"; with a title, of the table when the event names no
    one so: "President Donald…" → "Donald Trump"). A single word in `common_words` (words the
    collection also writes in lower case, more than `LOWER_CASE_SHARE` times per capitalised use:
    "Black", "Rescue", "Bill") takes a full name of another group only when its group gives it a
    title, and is never taken for a given name."""
    rules = read_rules(lexicon)
    names = table[name_col]
    groups = table[within].astype(str) if within in table else pd.Series("all", index=table.index)
    full = names.map(_initials_dropped(names.dropna().unique(), rules.given_names))
    full = full.map(_given_name_variants(full.dropna(), rules))
    headline = table["title_case"].astype(bool) if "title_case" in table else pd.Series(False, index=table.index)
    full = full.map(_one_person_forms(names, full, groups, rules, headline=headline))
    source = full[~table["title_case"].astype(bool)] if "title_case" in table else full  # headlines name no one
    corpus = _surname_index(source, rules)
    family_first = _family_first_index(source, rules.given_names)
    by_group = {g: _surname_index(source[source.index.isin(idx)], rules)
                for g, idx in groups.groupby(groups).groups.items()}
    family_by_group = {g: _family_first_index(source[source.index.isin(idx)], rules.given_names)
                       for g, idx in groups.groupby(groups).groups.items()}
    given_by_group = {g: _given_name_index(source[source.index.isin(idx)], rules)
                      for g, idx in groups.groupby(groups).groups.items()}
    given_corpus = _given_name_index(source, rules)
    articles = table["article_id"].astype(str) if "article_id" in table else groups
    given_by_article = _given_name_index_by(source, articles[source.index], rules)
    cut_off = table["cut_off"].astype(bool) if "cut_off" in table else pd.Series(False, index=table.index)
    titled = table["has_title"].astype(bool) if "has_title" in table else pd.Series(True, index=table.index)
    titled = titled.groupby([groups, names.fillna("")]).transform("any")  # a title once in the group is enough
    out = []
    for name, form, group, article, cut, has_title in zip(names, full, groups, articles, cut_off, titled):
        if not isinstance(name, str):
            out.append(None)
        elif len(form.split()) > 1 and not _is_surname_form(form, rules):
            out.append(form)
        else:
            key = _surname(form, rules)
            across = has_title or len(form.split()) > 1 or key not in common_words
            single = len(form.split()) == 1
            choice = (_pick(by_group[group].get(key)) or (_pick(family_by_group[group].get(key)) if single else None)
                      or (_pick(given_by_article.get(article, {}).get(key)) if single and key not in common_words else None)
                      or (_pick(given_by_group[group].get(key)) if single and (has_title or cut) and key not in common_words
                          else None)
                      or (_pick(corpus.get(key)) if across else None)
                      or (_pick(family_first.get(key)) if single else None)
                      or (_pick(given_corpus.get(key)) if single and has_title and key not in common_words else None))
            out.append(choice or (form if has_title else None))
    return pd.Series(out, index=table.index, dtype=object)


def match_actors(names: pd.Series, groups: pd.Series, actors: pd.DataFrame, *,
                 lexicon: str | Path = DEFAULT_LEXICON) -> pd.Series:
    """The actor of `actors` (the table of `find_actors`) that each name stands for, read the way
    `find_actors` reads a mention, or None.

    `names` are names as another step wrote them (a quote's speaker: "EPA Administrator Jane Roe",
    "Prof Roe", "Jane Roe of Acme University", "Acme's Roe"), `groups` the event of each (matched
    against the actors' `event`; all None: the whole table). A name is read by `person_mentions`
    (titles, honorifics and roles cut off; places, outlets and organisations give nothing) and
    only a person read at its end stands for it (after it only "of …": "Jane Roe of Acme
    University"), so "Roe's office", "Roe administration" and "U.S." match no one. The person read
    (or, when a label stands before a full name, its last two or more words) is then the actor
    whose mentions of the group carry that name (`name` column), or an actor of the group written
    alike but for accents, apostrophes, hyphens and case; a surname alone is the actor of the group
    with that surname (`DOMINANT_SHARE` of their mentions, as `resolve_names` picks); failing the
    group, a name that one actor only carries in the whole table."""
    rules, organisations = read_rules(lexicon), _organisations((), lexicon)
    table = actors.assign(event=actors["event"].astype(str)) if "event" in actors else actors.assign(event="all")
    by_group = {g: _name_index(part, rules) for g, part in table.groupby("event", sort=False)}
    corpus = _name_index(table, rules)
    all_none = groups.isna().all()
    out = []
    for name, group in zip(names, groups):
        forms = _person_forms(name, rules, organisations) if isinstance(name, str) else []
        found = None
        for index in (by_group.get("all" if all_none else str(group)), corpus):
            if index is not None and found is None:
                found = next((a for a in (_look_up(f, index, unique=index is corpus) for f in forms) if a), None)
        out.append(found)
    return pd.Series(out, index=names.index, dtype=object)


def _person_forms(name: str, rules: Rules, organisations: tuple) -> list[str]:
    """The forms under which a name written by another step may be an actor: the person read at
    its end (titles cut off), then its last words after a label ("Owner Jane Roe" → "Jane Roe"),
    then the same for the words before each "of" ("Jane Roe of Acme Probe" → "Probe", "Jane Roe");
    [] when no person is read at the end of any."""
    heads = [name] + [name[:m.start()] for m in reversed(list(re.finditer(r"\s+of\s+", name)))]
    forms = []
    for head in heads:
        mentions = _person_mentions(head, rules, organisations)
        if mentions and not head[mentions[-1].end:].strip(" .,"):
            words = mentions[-1].name.split()
            forms += [" ".join(words[k:]) for k in range(0, max(len(words) - 1, 1))]
    return forms


def _name_index(actors: pd.DataFrame, rules: Rules) -> dict:
    """{"name": name → {actor: mentions}, "key": folded name or actor → {actor: mentions},
    "surname": surname → {actor: mentions}} of a table of actors."""
    index: dict[str, dict] = {"name": {}, "key": {}, "surname": {}}
    for (name, actor), n in actors.groupby(["name", "actor"], sort=True).size().items():
        for kind, key in (("name", name), ("key", _spelling_key(name)), ("key", _spelling_key(actor)),
                          ("surname", _surname(actor, rules) if len(actor.split()) > 1 else None)):
            if key:
                counts = index[kind].setdefault(key, {})
                counts[actor] = counts.get(actor, 0) + int(n)
    return index


def _spelling_key(name: str) -> str:
    return _folded(name).replace("-", " ").casefold()


def _look_up(form: str, index: dict, *, unique: bool = False) -> str | None:
    """The actor `form` stands for in an index of `_name_index`: its name, its spelling, then (one
    word) its surname; with `unique`, only a name carried by one actor."""
    for kind, key in (("name", form), ("key", _spelling_key(form))) + ((("surname", form),) if " " not in form else ()):
        counts = index[kind].get(key)
        if counts and (not unique or len(counts) == 1):
            return _pick(counts)
    return None


def _initials_dropped(names, given_names=frozenset()) -> dict[str, str]:
    """name → its form without middle initials or middle given names ("Donald J. Trump", "Donald John
    Trump" → "Donald Trump") when that form is itself written and the names that reduce to it have
    the same middle initials ("George W. Bush" and "George H. W. Bush" stay apart; "Donald J." and
    "Donald John Trump" join); every other name → itself. A middle given name is one of
    `given_names` ("Elizabeth Ann Warren"; not "Sarah Huckabee Sanders", a family name)."""
    reduced: dict[str, set[str]] = {}
    middles: dict[str, set[tuple]] = {}
    for name in names:
        words = name.split()
        middle = [w for w in words[1:-1] if re.fullmatch(r"[A-Z]\.?", w) or w in given_names]
        short = " ".join([words[0], *[w for w in words[1:-1] if w not in middle], words[-1]])
        reduced.setdefault(short, set()).add(name)
        if name != short:
            middles.setdefault(short, set()).add(tuple(w[0] for w in middle))
    out = {name: name for name in names}
    for short, variants in reduced.items():
        if short in variants and len(variants) >= 2 and len(middles[short]) == 1:
            out.update({variant: short for variant in variants})
    return out


def _one_person_forms(names: pd.Series, full: pd.Series, groups: pd.Series, rules: Rules, *,
                      headline: pd.Series | None = None) -> dict:
    """full name → the form most written (ties: the longer, then the last in order) among the full
    names written alike but for accents, apostrophes, hyphens and letter case anywhere in the table
    ("Bill De Blasio"/"Bill de Blasio", "Jovenel Moïse",
    "Jovenel Moise", "Marjorie Taylor-Greene"/"Taylor Greene") or with a given name spelt otherwise
    and the same surname ("Antony"/"Anthony Blinken"), a name of three words or more that opens with
    no listed given name and ends with another full name written in the table, from a listed given
    name on ("Green New Deal Alexandria Ocasio-Cortez": the words before are a label, as titles
    are), and those that three rules join when both are
    written in one group (event): a spelling variant (`_spelling_variant`, the surname too:
    "Zabiullah"/"Zabihullah Mujahid"), a person known by a middle name ("Robert Hunter
    Biden"/"Hunter Biden"; "Kenneth F. McKenzie"/"Frank McKenzie") and a name cut off before the
    second part of a surname ("Daniella Levine"/"Daniella Levine Cava", both written outside
    `headline` rows: "Glenn Greenwald Whacks …" names no one). `names` are the names as read, `full`
    their forms after the earlier joins. Joined forms take one canonical name across the table: a full
    name before a surname alone (a surname written with a hyphen and with a space,
    "Ocasio-Cortez"/"Ocasio Cortez", joins the full names of the second), then a form with no label
    before it, then the form most written; other forms → themselves."""
    from scipy.cluster.hierarchy import DisjointSet  # imported here: scipy.spatial comes with it

    counts = full.dropna().value_counts()
    forms = DisjointSet(counts.index)
    _join_spellings(forms, counts.index, rules)
    labelled = _join_labels(forms, counts.index, rules)
    in_text = set(full[~headline]) if headline is not None else set(full)
    _join_within_groups(forms, names, full, groups, in_text, rules)
    out = {}
    for members in forms.subsets():  # a full name before a surname alone ("Ocasio-Cortez"/"Ocasio Cortez")
        best = max(members, key=lambda f: (not _is_surname_form(f, rules), f not in labelled, counts[f], len(f), f))
        out.update({f: best for f in members})
    return out


def _join_spellings(forms: DisjointSet, written, rules: Rules) -> None:
    """Join, anywhere in the table, full names written alike but for accents, apostrophes, hyphens and
    letter case, and those with a given name spelt otherwise and the same surname."""
    by_spelling: dict[str, list[str]] = {}
    by_surname: dict[str, list[str]] = {}
    for form in sorted(written):
        by_spelling.setdefault(_folded(form).replace("-", " ").lower(), []).append(form)
        by_surname.setdefault(_folded(_surname(form, rules)), []).append(form)
    for alike in by_spelling.values():
        for form in alike[1:]:
            forms.merge(alike[0], form)
    for alike in by_surname.values():
        for a, b in ((a, b) for i, a in enumerate(alike) for b in alike[i + 1:]):
            if len(a.split()) > 1 and len(b.split()) > 1 and _spelling_variant(a, b, rules):
                forms.merge(a, b)


def _join_labels(forms: DisjointSet, written, rules: Rules) -> set[str]:
    """Join a name of three words or more that opens with no listed given name to the written full
    name it ends with, from a listed given name on (the words before are a label); returns the
    labelled forms."""
    labelled = set()
    for form in written:
        words = form.split()
        if len(words) >= 3 and words[0] not in rules.given_names:
            tail = next((" ".join(words[k:]) for k in range(1, len(words) - 1)
                         if words[k] in rules.given_names and " ".join(words[k:]) in written), None)
            if tail:
                forms.merge(form, tail)
                labelled.add(form)
    return labelled


def _join_within_groups(forms: DisjointSet, names: pd.Series, full: pd.Series, groups: pd.Series,
                        in_text: set, rules: Rules) -> None:
    """Join, within one group (event), a spelling variant, a person known by a middle name and a name
    cut off before the second part of a surname (both written in `in_text`)."""
    pairs = pd.DataFrame({"group": groups, "name": names, "full": full}).dropna().drop_duplicates()
    for _, group in pairs.groupby("group", sort=True):
        written = sorted(set(zip(group["name"], group["full"])))
        for i, j in _candidate_pairs(written, rules):
            (name_a, full_a), (name_b, full_b) = written[i], written[j]
            if full_a != full_b and (_spelling_variant(full_a, full_b, rules, surname=True)
                                     or _middle_name_form(name_a, name_b, rules) or _middle_name_form(name_b, name_a, rules)
                                     or {full_a, full_b} <= in_text and (_cut_off_form(full_a, full_b, rules)
                                                                         or _cut_off_form(full_b, full_a, rules))):
                forms.merge(full_a, full_b)


def _candidate_pairs(written: list[tuple[str, str]], rules: Rules) -> list[tuple[int, int]]:
    """The pairs (i < j) of (name, full name) in `written` that the three within-group rules of
    `_one_person_forms` can join, found by what each rule needs them to share instead of comparing
    every pair: a spelling variant has as many words and the same first letters
    (`_spelling_variant`), a middle-name form the same last word of the name as read
    (`_middle_name_form`), a cut-off form the same first two words (`_cut_off_form`)."""
    buckets: dict[tuple, list[int]] = {}
    for i, (name, full) in enumerate(written):
        folded = _core(_folded(full), rules)
        if len(folded) >= 2:
            buckets.setdefault(("spelling", len(folded), *(w[0] for w in folded)), []).append(i)
        read = _core(name, rules)
        if len(read) in (2, 3):
            buckets.setdefault(("middle", read[-1]), []).append(i)
        core = _core(full, rules)
        if len(core) in (2, 3):
            buckets.setdefault(("cut", *core[:2]), []).append(i)
    return sorted({(a, b) for members in buckets.values() for k, a in enumerate(members) for b in members[k + 1:]})


def _core(form: str, rules: Rules) -> list[str]:
    return [w for w in form.split() if w not in rules.suffixes]


def _spelling_variant(a: str, b: str, rules: Rules, *, surname: bool = False) -> bool:
    """True for two full names written alike but for accents ("Jovenel Moïse"/"Moise"), or whose
    given and middle names differ by a spelling only (each the same first letter and at most
    `_allowed_edits` apart: "Antony"/"Anthony Blinken", "Mohammad Hasan"/"Hassan Akhund"), with the
    same surname or, with `surname`, one spelt otherwise by one edit when the shorter has six letters
    or more ("Zabiullah Mujahid"/"Zabihullah Mujahi"; edits counted on difflib's alignment)."""
    wa, wb = _core(_folded(a), rules), _core(_folded(b), rules)
    if len(wa) < 2 or len(wa) != len(wb):
        return False
    if wa == wb:
        return True
    if wa[-1] != wb[-1] and (not surname or wa[-1][0] != wb[-1][0] or min(len(wa[-1]), len(wb[-1])) < 6
                             or _edits(wa[-1], wb[-1]) > 1):
        return False
    return all(x == y or x[0] == y[0] and _edits(x, y) <= _allowed_edits(x, y) for x, y in zip(wa[:-1], wb[:-1]))


def _cut_off_form(short: str, long: str, rules: Rules) -> bool:
    """True when `short` ("Daniella Levine", "Sana Imitiyaz") is `long` ("Daniella Levine Cava") without
    its last word: a name of two words cut off before the second part of a surname."""
    ws, wl = _core(short, rules), _core(long, rules)
    return len(ws) == 2 and len(wl) == 3 and wl[:2] == ws and not re.fullmatch(r"[A-Z]\.?", ws[1])


def _allowed_edits(a: str, b: str) -> int:
    """Edits allowed between two spellings of one name: none under five letters, one from five, two
    from eight (the shorter's length)."""
    shorter = min(len(a), len(b))
    return 2 if shorter >= 8 else 1 if shorter >= 5 else 0


def _folded(name: str) -> str:
    """The name without accents, with straight apostrophes ("Moïse" → "Moise", "Ma’Khia" → "Ma'Khia")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace("’", "'")


def _edits(a: str, b: str) -> int:
    """Insertions, deletions and substitutions on difflib's alignment of two words (Levenshtein
    distance when the alignment is minimal, as it is for one or two edits in a name)."""
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes() if op != "equal")


def _middle_name_form(long: str, short: str, rules: Rules) -> bool:
    """True when `short` ("Hunter Biden", "Frank McKenzie") is `long` ("Robert Hunter Biden",
    "Kenneth F. McKenzie Jr.") without its first given name: one middle name between the given name
    and the surname, written in full or as the initial of `short`'s given name."""
    wl, ws = _core(long, rules), _core(short, rules)
    if len(wl) != 3 or len(ws) != 2 or wl[2] != ws[1] or len(ws[0]) < 2 or ws[0] == wl[0]:
        return False
    middle = wl[1]
    return middle == ws[0] or (re.fullmatch(r"[A-Z]\.?", middle) is not None and ws[0][0] == middle[0])


def _given_name_variants(forms: pd.Series, rules: Rules) -> dict[str, str]:
    """name → the form most written among the names of one person written with different given
    names: the same surname, the same middle names or none, and given names that are one the short form of
    the other ("Jeff Zients" and "Jeffrey Zients", "Phil"/"Philip", "Chuck"/"Charles" from the
    `nicknames` list); ties go to the longer form. Other names → themselves."""
    counts = forms.value_counts()
    groups: dict[str, list[tuple[str, str, tuple]]] = {}
    for form in counts.index:
        words = [w for w in form.split() if w not in rules.suffixes]
        if len(words) >= 2:
            groups.setdefault(words[-1], []).append((form, words[0], tuple(words[1:-1])))
    out = {}
    for variants in groups.values():
        for form, given, middle in variants:
            same = [(v, g, m) for v, g, m in variants
                    if _same_given_name(given, g, rules) and (m == middle or not m or not middle)]
            if all(a[2] == b[2] or not a[2] or not b[2] for a in same for b in same):  # "George Bush" may be either
                out[form] = max((v for v, _, _ in same), key=lambda v: (counts[v], len(v), v))
    return {form: out.get(form, form) for form in counts.index}


def _same_given_name(a: str, b: str, rules: Rules) -> bool:
    """True when two given names can name one person: equal, one the start of the other ("Jeff",
    "Jeffrey"; three letters at least), or a listed short form ("Chuck", "Charles")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) >= 3 and long.startswith(short)) or (a, b) in rules.nicknames or (b, a) in rules.nicknames


def _family_first_index(full: pd.Series, given_names=None) -> dict[str, dict[str, int]]:
    """family name → {full name: mentions} for names written family name first with a hyphenated
    given name ("Tsai Ing-wen", "Chiu Kuo-cheng"): the family name alone ("Tsai") is that person.
    With `given_names` (read within one event), also two-word names of which neither word is a listed
    given name ("Zhao Lijian": "Zhao" alone in the same event is he, not the "Daniel Zhao" of
    another event)."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        words = form.split()
        if len(words) == 2 and (re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]) or given_names is not None
                                and not any(w in given_names for w in words) and not _is_surname_form(form, None)):
            index.setdefault(words[0], {})[form] = int(n)
    return index


def _given_name_index(full: pd.Series, rules: Rules) -> dict[str, dict[str, int]]:
    """listed given name → {full name: mentions} of the full names opening with it: a given name
    alone ("Director Rochelle…", an excerpt cut off after it) is the one person of the event so
    named."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        words = _core(form, rules)
        if len(words) >= 2 and words[0] in rules.given_names:
            index.setdefault(words[0], {})[form] = int(n)
    return index


def _given_name_index_by(full: pd.Series, keys: pd.Series, rules: Rules) -> dict[str, dict[str, dict[str, int]]]:
    """key (an article) → `_given_name_index` of the full names written under it."""
    index: dict[str, dict[str, dict[str, int]]] = {}
    for form, key in zip(full, keys):
        if isinstance(form, str):
            words = _core(form, rules)
            if len(words) >= 2 and words[0] in rules.given_names:
                names = index.setdefault(key, {}).setdefault(words[0], {})
                names[form] = names.get(form, 0) + 1
    return index


def _is_surname_form(form: str, rules: Rules | None) -> bool:
    """True for a surname with only a suffix ("Trump Jr.") or its particles ("De Blasio", "van der
    Leyen"); a particle written as a given name (`given_name_particles`: "Al Franken", not "al-Assad")
    opens a full name. Without `rules`, suffixes are not looked for."""
    core = [w for w in form.split() if rules is None or w not in rules.suffixes]
    given = rules.given_name_particles if rules is not None else frozenset()
    return len(core) <= 1 or all(w.lower() in _JOINERS and w not in given for w in core[:-1])


def _surname(form: str, rules: Rules) -> str:
    core = [w for w in form.split() if w not in rules.suffixes]
    return core[-1] if core else form


def _surname_index(full: pd.Series, rules: Rules) -> dict[str, dict[str, int]]:
    """surname → {full name: mentions} of the full names (two words or more) with that surname."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        if len(form.split()) > 1 and not _is_surname_form(form, rules):
            index.setdefault(_surname(form, rules), {})[form] = int(n)
    return index


def _pick(counts: dict[str, int] | None) -> str | None:
    """The one full name, or the one that holds at least `DOMINANT_SHARE` of the mentions (ties
    and near-ties resolve to nobody)."""
    if not counts:
        return None
    if len(counts) == 1:
        return next(iter(counts))
    name, top = max(sorted(counts.items()), key=lambda item: item[1])
    return name if top >= DOMINANT_SHARE * sum(counts.values()) else None


def count_actors(actors: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Mentions per actor and group: `actor`, `n_mentions`, `n_articles`, `mentions` (the ways it
    was written, "; "). Needs the table of `find_actors`."""
    table = actors.groupby([by, "actor"]).agg(n_mentions=("mention", "size"),
                                              n_articles=("article_id", "nunique"),
                                              mentions=("mention", lambda m: "; ".join(sorted(set(m)))))
    return table.reset_index().sort_values([by, "n_mentions", "actor"], ascending=[True, False, True],
                                           ignore_index=True)
