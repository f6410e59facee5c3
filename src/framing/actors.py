"""Actors: the people an article names, one canonical name per person across outlets.

`find_actors(sentences)` reads every run of capitalised words and keeps those that name a person,
with rules a careful reader would write down (all lists are data in `src/framing/data/actors.toml`):

- titles and honorifics are cut off for matching ("Mr. Trump", "President Trump", "Texas Gov. Greg
  Abbott" → "Trump", "Trump", "Greg Abbott"), and so are a final possessive ("Trump's") and the
  function words that open a sentence ("If Hillsborough …", "Now Ryan …" → "Hillsborough", "Ryan");
- news organisations (a shipped list plus the corpus's own outlet names) are never persons, and a
  word inside one ("Fox" of "Fox News") is not a person on its own; places (US states, countries,
  capitals and large cities) are never persons; words written in capitals are acronyms or
  datelines ("WASHINGTON —", "NATO"), never part of a name; a run holding an organisation word
  ("Oversight Committee", "Supreme Court") is an organisation;
- two or more name words are a person; a single word is a person only when a title or honorific
  stands before it, when its event gives it person evidence, or when it resolves to a full name;
- person or organisation is decided by the evidence around all mentions of an actor in the table
  (`[evidence]` in the data file; Mikheev, Moens & Grover 1999): a title, "X, who", "X said he",
  a listed given name (`given_names.toml`) against a company form, "X shares", "X's CEO", "an
  economist at X", "X, which", "X said it", a plural verb, a name in quotation marks; an actor whose
  organisation evidence outweighs its person evidence is no actor.

`resolve_names(table)` gives each name its canonical form: a surname alone ("Trump") becomes the full
name ("Donald Trump") when exactly one full name with that surname is written in the same event, or
(when the event names none) in the whole corpus; when several are written, the one that makes up at
least `DOMINANT_SHARE` of their mentions. Middle initials are ignored when full names are compared
("Donald J. Trump" is "Donald Trump"); names written alike but for accents are one, and within an
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
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .config import CONTENT_KINDS
from .lexicons import load_data

DEFAULT_LEXICON = "actors"
DOMINANT_SHARE = 0.75  # a surname goes to the full name holding at least this share of its mentions
LOWER_CASE_SHARE = 0.1  # a word written in lower case more than this often per capitalised use is a common word
TITLE_CASE_SHARE = 0.8  # a sentence with this share of capitalised long words is in title case
ACTOR_COLUMNS = ["article_id", "outlet", "event", "sentence_id", "start", "end", "mention", "name",
                 "actor", "has_title", "actors_version"]

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_TOKEN = rf"[{_UPPER}][\w’'\-]*\.?"
_JOINER = r"(?:of|the|de|da|di|du|del|della|van|von|der|den|bin|ibn|al|la|le|dos|y)"
_RUN = re.compile(rf"(?<![\w’'.\-]){_TOKEN}(?:[ \t\u00a0]+(?:{_JOINER}[ \t\u00a0]+)?{_TOKEN})*")
_TOKEN_RE = re.compile(rf"{_TOKEN}|{_JOINER}")
_POSSESSIVE = re.compile(r"(?:[’']s|[’'])$")
_JOINERS = frozenset(re.findall(r"\w+", _JOINER))
_AFTER_FOR = re.compile(rf"[{_UPPER}][\w.]* (?:for|on) $")  # "Centers for ", "Committee on "


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


@lru_cache(maxsize=8)
def read_rules(lexicon: str | Path = DEFAULT_LEXICON) -> Rules:
    """The actor rules of `actors.toml` (or a user's file of the same layout)."""
    data = load_data(lexicon)
    places = data["places"]
    return Rules(frozenset(data["honorifics"]) | frozenset(data["titles"]), frozenset(data["qualifiers"]),
                 frozenset(data["adjectives"]),
                 frozenset(data["function_words"]), frozenset(data["suffixes"]),
                 frozenset(data["organisation_words"]), tuple(data["organisations"]["names"]),
                 frozenset(places["us_states"]) | frozenset(places["countries"]) | frozenset(places["cities"]),
                 str(data["version"]), frozenset(data.get("descriptors", ())),
                 frozenset(data.get("hyphen_suffixes", ())), frozenset(data.get("breaks", ())),
                 frozenset(tuple(pair) for pair in data.get("nicknames", ())),
                 frozenset(data.get("place_openers", ())), frozenset(load_data("given_names")["names"]))


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
        if _AFTER_FOR.search(text, 0, run.start()):
            continue  # "Centers for Disease Control": the tail of a body's name
        if _names_a_body(text, run, rules):
            continue
        tokens = [_without_full_stop(m.group(), run.start() + m.start(), rules)
                  for m in _TOKEN_RE.finditer(run.group())]
        for chunk in _chunks(tokens, blocked, rules.breaks):
            mention = _mention(chunk, rules, organisations, outlet_words)
            if mention is not None:
                found.append(mention)
    return found


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
    return bool(after) and after.group(1).rstrip(".") in rules.places


def _without_full_stop(token: str, start: int, rules: Rules) -> tuple[str, int, int]:
    """A token without the full stop that ends its sentence ("Johnson."), keeping the stop of an
    initial ("W."), an abbreviation ("U.S.") or a title ("Gov.", "Jr.")."""
    if (token.endswith(".") and len(token) > 2 and "." not in token[:-1] and token not in rules.titles
            and token not in rules.suffixes and token not in rules.function_words):
        token = token[:-1]
    return token, start, start + len(token)


def _chunks(tokens: list, blocked: list, breaks: frozenset = frozenset()):
    """Runs of tokens split where a token is in capitals (acronym, dateline), a weekday or an
    abbreviated month, inside an organisation's name, or ends in a possessive ("Fox News’ Tucker
    Carlson")."""
    chunk: list = []
    for token, start, end in tokens:
        if _is_capitals(token) or token in breaks or any(s <= start < e for s, e in blocked):
            if chunk:
                yield chunk
            chunk = []
            continue
        possessive = _POSSESSIVE.search(token)
        if possessive and len(token) > 2:
            chunk.append((token[:possessive.start()], start, start + possessive.start()))
            yield chunk
            chunk = []
            continue
        chunk.append((token, start, end))
    if chunk:
        yield chunk


def _mention(chunk: list, rules: Rules, organisations: tuple, outlet_words: frozenset) -> Mention | None:
    words = [t for t, _, _ in chunk]
    titled = [w in rules.titles or (w.endswith("s") and w[:-1] in rules.titles)  # "Presidents"
              or ("-" in w and w.rsplit("-", 1)[1] in rules.titles) for w in words]  # "Then-President"
    has_title = any(titled)
    cut = max((i + 1 for i, w in enumerate(words) if titled[i] or w in rules.qualifiers), default=0)
    first = 0
    while first < len(words) and (words[first] in rules.function_words or words[first] in _JOINERS
                                  or words[first] in rules.adjectives):
        first += 1
    begin = max(cut, first)
    if 0 < cut < len(words) and words[cut] in ("of", "the"):  # "Joint Chiefs of Staff": a body's name
        has_title = False
    while begin < len(words) and (words[begin] in _JOINERS or words[begin] in rules.adjectives
                                  or words[begin] in rules.function_words):
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
    name_words = words[begin:end]
    scope = words[cut:end] if has_title else words[first:end]  # "House Speaker Nancy Pelosi": the body names her office
    if end - begin >= 2 and words[begin] in rules.given_names:  # "Bill Clinton": a given name, not a bill
        scope = [w for i, w in enumerate(scope, start=end - len(scope)) if i != begin]
    if not name_words or any(w in rules.organisation_words or "-" in w and _hyphen_part_rules_out(w, rules)
                             for w in scope):
        return None
    if name_words[-1] in rules.adjectives:  # "African American", "Latino": a group, not a person
        return None
    name = " ".join(name_words)
    if name in rules.places or name in organisations or (len(name_words) > 1 and name_words[0] in rules.place_openers):
        return None
    core = [w for w in name_words if w not in rules.suffixes]
    if len(core) == 1 and not has_title and (core[0] in outlet_words or core[0] in rules.places):
        return None
    if not core or not any(c.islower() for c in core[-1]) or any(c.isdigit() for c in name):
        return None
    if core[-1].endswith("s") and (core[-1][:-1] in rules.adjectives or core[-1][:-1] in rules.titles
                                   or core[-1][:-1] in rules.organisation_words):
        return None  # "Black Americans", "House Democrats": a group, not a person
    start = chunk[first if has_title else begin][1]
    return Mention(start, chunk[end - 1][2], name, has_title)


def _hyphen_part_rules_out(word: str, rules: Rules) -> bool:
    """True for "Union-Tribune" (an organisation word after a hyphen) or "Jersey-based" (an
    adjective ending)."""
    parts = word.split("-")
    return parts[-1] in rules.hyphen_suffixes or any(p in rules.organisation_words for p in parts[1:])


# ── evidence around mentions ────────────────────────────────────────────────────────────────────

class Evidence(NamedTuple):
    """Compiled patterns of the `[evidence]` section of `actors.toml`: read on the text after a
    mention (`after`, from the end of the name, a possessive included) or before it (`before`)."""
    person_after: tuple  # "X, who", "X said he", "X's wife"
    org_after: tuple  # "X Inc.", "X shares", "X's CEO", "X said it", "X and other firms"
    which: re.Pattern  # "X, which": organisation evidence unless X follows a preposition ("contacts with X, which")
    org_before: tuple  # "an economist at X", "co-founder of X"
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
        "plural_verbs", "roles_at", "roles_of", "spokespeople", "term_markers")}
    i = re.IGNORECASE
    possessive = r"(?:[’']s?)"
    kinds = _alternatives(read_rules(lexicon).descriptors)  # "company", "firm", "network" …
    said = rf"\s+(?:{alt['reporting_verbs']})\s+(?:that\s+)?"  # not ", said his": a speaker after the verb
    return Evidence(
        person_after=(re.compile(r",\s+who\b"), re.compile(rf"{said}(?:{alt['person_pronouns']})\b"),
                      re.compile(rf"{possessive}\s+(?:{alt['relatives']})\b", i)),
        org_after=(re.compile(rf",?\s+(?:{alt['company_forms']})(?![\w])"),
                   re.compile(rf",?\s+and\s+other\s+(?:{kinds})s?\b", i),  # "Cyber Ninjas and other subcontractors"
                   re.compile(rf",\s+(?:a|an|the)\s+(?:(?!of\b)[\w-]+\s+){{0,4}}(?:{kinds})"
                              rf"(?:[,.;:)]|\s+(?:that|which|whose|based|in|with|for)\b)", i),
                   re.compile(rf"{possessive}?\s+(?:{alt['market_nouns']})\b", i),
                   re.compile(rf"{possessive}\s+(?:{alt['corporate_nouns']})\b", i),
                   re.compile(rf"{said}(?:it|its)\b"),
                   re.compile(r"\s+vs?\.\s")),  # "Roe v. Wade": a party named in a case's title
        which=re.compile(r",\s+which\b"),
        org_before=(re.compile(rf"\b(?:{alt['roles_at']})\s+at\s+(?:the\s+)?$", i),
                    re.compile(rf"\b(?:{alt['term_markers']})\s+[“‘\"']?$", i),
                    re.compile(r"\svs?\.\s+$"),
                    re.compile(rf"\b(?:{alt['roles_of']})\s+of\s+(?:the\s+)?$", i),
                    re.compile(rf"\b(?:{kinds})[’']?,\s+$", i)),  # "his rocket company, Blue Origin"
        weak_after=(re.compile(r",?\s+(?:said|says)\s+in\s+a\s+statement\b"),
                    re.compile(r"\s+[a-z]+\s+(?:its|itself)\b")),
        weak_before=(re.compile(rf"\b(?:{alt['spokespeople']})\s+for\s+(?:the\s+)?$", i),),
        weak_untitled=(re.compile(r"\bthe\s+$", i),  # … and the name not a modifier ("the Biden administration")
                       re.compile(r"(?:[’']s?)?(?:\s*(?:[,.;:)”\"!?]|$)|\s+(?:and|or|in|on|at|to|for|with|from|by|as"
                                  r"|that|which|is|was|has|had|have|are|were|said|says)\b)")),
        plural_after=re.compile(rf"\s+(?:{alt['plural_verbs']})\b"),
        given_names=read_rules(lexicon).given_names)


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
                or (before.endswith(_OPENING_QUOTES) and _CLOSING_QUOTE.match(after) is not None)
                or (bool(evidence.which.match(after)) and not _AFTER_PREPOSITION.search(before))
                or (bool(evidence.plural_after.match(after)) and not _IN_A_LIST.search(before)))
    if not org:
        org = WEAK * (any(p.match(after) for p in evidence.weak_after)
                      or any(p.search(before) for p in evidence.weak_before)
                      or (not has_title and bool(evidence.weak_untitled[0].search(before))
                          and bool(evidence.weak_untitled[1].match(after))))
    return person, org


def organisation_actors(found: pd.DataFrame, evidence: Evidence) -> set[str]:
    """Actors whose organisation evidence outweighs their person evidence over the whole table
    (ties are persons). Needs `actor`, `has_title`, `person_cue`, `org_cue`: person evidence is a
    mention with a title or a person cue, plus one for an actor of two words or more opening with a
    listed given name; organisation evidence is the sum of `org_cue`."""
    rows = found[found["actor"].notna()]
    person = (rows["has_title"] | rows["person_cue"]).groupby(rows["actor"]).sum()
    org = rows["org_cue"].groupby(rows["actor"]).sum()
    given = pd.Series({a: float(len(a.split()) > 1 and a.split()[0] in evidence.given_names) for a in person.index},
                      dtype=float)
    return set(org.index[org > person.add(given, fill_value=0)])


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
    rules, organisations = read_rules(lexicon), _organisations(outlet_names(outlets), lexicon)
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
            if not title_case and (m := _as_written_elsewhere(m, text, lower, upper)) is None:
                continue
            rows.append((article, outlet, event, sentence, m.start, m.end, text[m.start:m.end], m.name,
                         m.has_title, title_case, *mention_evidence(text, m.start, m.end, m.has_title, evidence)))
    found = pd.DataFrame(rows, columns=ACTOR_COLUMNS[:8] + ["has_title", "title_case", "person_cue", "org_cue"])
    found["event"] = found["event"].astype(str)
    common = frozenset(w for w in found["name"].unique()
                       if " " not in w and lower[w.lower()] > LOWER_CASE_SHARE * upper[w])
    found["actor"] = resolve_names(found.assign(has_title=found["has_title"] | found["person_cue"]),
                                   lexicon=lexicon, common_words=common)
    confirmed = set(found.loc[~found["title_case"], "actor"].dropna())
    found = found[found["actor"].notna() & (~found["title_case"] | found["actor"].isin(confirmed))]
    found = found[~found["actor"].isin(organisation_actors(found, evidence))]
    found = found.reset_index(drop=True)
    found["actors_version"] = read_rules(lexicon).version
    for column in ("sentence_id", "start", "end"):
        found[column] = found[column].astype("int64")
    return found[ACTOR_COLUMNS]


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


def _as_written_elsewhere(m: Mention, text: str, lower: Counter, upper: Counter) -> Mention | None:
    """The mention checked against how the collection writes its words (Mikheev 1999/2002: a
    capitalised word is a common word when the same texts write it in lower case and never
    capitalised inside a sentence). A common word opening the sentence is cut off ("Gymnasts Simone
    Biles", "Drugmaker Merck"); a name without a title made only of words the collection writes
    more often in lower case than capitalised is no person ("Product Manager", "Big Tech")."""
    words = m.name.split()
    first = words[0]
    if (not text[:m.start].strip(_SENTENCE_OPENING) and text.startswith(first, m.start)
            and not upper[first] and lower[first.lower()]):
        words = words[1:]
        if not words:
            return None
        start = text.index(words[0], m.start + len(first))
        m = Mention(start, m.end, " ".join(words), m.has_title)
    if not m.has_title and all(lower[w.lower()] > upper[w] for w in words):
        return None
    return m


@lru_cache(maxsize=1)
def _small_words() -> frozenset:
    """The shipped function words in lower case ("amid", "over", "with", "from")."""
    return frozenset(w.lower() for w in read_rules().function_words if w.isalpha())


def _is_title_case(text: str) -> bool:
    """True for a headline written in title case ("Hegseth Rules Out Troop Deployment"), where
    capitals do not mark names: of the words of four letters or more, most start with a capital,
    or all do but the function words that title case writes in lower case ("… to Chicago amid
    Stalled Negotiations over Infrastructure")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if len(w) >= 4]
    if len(words) < 3:
        return False
    if sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words):
        return True
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
    written with it in the event, else in the table (see the module's rule). A single word in
    `common_words` (words the collection also writes in lower case, more than `LOWER_CASE_SHARE`
    times per capitalised use: "Black", "Rescue") takes a
    full name of another group only when its group gives it a title."""
    rules = read_rules(lexicon)
    names = table[name_col]
    groups = table[within].astype(str) if within in table else pd.Series("all", index=table.index)
    full = names.map(_initials_dropped(names.dropna().unique()))
    full = full.map(_given_name_variants(full.dropna(), rules))
    full = full.map(_one_person_forms(names, full, groups, rules))
    source = full[~table["title_case"].astype(bool)] if "title_case" in table else full  # headlines name no one
    corpus = _surname_index(source, rules)
    family_first = _family_first_index(source)
    by_group = {g: _surname_index(source[source.index.isin(idx)], rules)
                for g, idx in groups.groupby(groups).groups.items()}
    titled = table["has_title"].astype(bool) if "has_title" in table else pd.Series(True, index=table.index)
    titled = titled.groupby([groups, names.fillna("")]).transform("any")  # a title once in the group is enough
    out = []
    for name, form, group, has_title in zip(names, full, groups, titled):
        if not isinstance(name, str):
            out.append(None)
        elif len(form.split()) > 1 and not _is_surname_form(form, rules):
            out.append(form)
        else:
            key = _surname(form, rules)
            across = has_title or len(form.split()) > 1 or key not in common_words
            choice = (_pick(by_group[group].get(key)) or (_pick(corpus.get(key)) if across else None)
                      or (_pick(family_first.get(key)) if len(form.split()) == 1 else None))
            out.append(choice or (form if has_title else None))
    return pd.Series(out, index=table.index, dtype=object)


def _initials_dropped(names) -> dict[str, str]:
    """name → its form without middle initials ("Donald J. Trump" → "Donald Trump") when that form
    is itself written and no other initialled name reduces to it ("George W. Bush" and "George H.
    W. Bush" stay apart); every other name → itself."""
    reduced: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        short = " ".join([words[0], *[w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.?", w)], words[-1]])
        reduced.setdefault(short, set()).add(name)
    out = {name: name for name in names}
    for short, variants in reduced.items():
        if short in variants and len(variants) == 2:
            out.update({variant: short for variant in variants})
    return out


def _one_person_forms(names: pd.Series, full: pd.Series, groups: pd.Series, rules: Rules) -> dict:
    """full name → the form most written (ties: the longer, then the last in order) among the full
    names written alike but for accents and apostrophes anywhere in the table ("Jovenel Moïse",
    "Jovenel Moise"), and those that two rules join when both are written in one group (event): a
    spelling variant of the given name (`_spelling_variant`: "Zabiullah"/"Zabihullah Mujahid") and a person known by a middle
    name ("Robert Hunter Biden"/"Hunter Biden"; "Kenneth F. McKenzie"/"Frank McKenzie"). `names` are
    the names as read, `full` their forms after the earlier joins. Joined forms take one canonical
    name across the table; other forms → themselves."""
    known = full.dropna()
    counts = known.value_counts()
    parent = {form: form for form in counts.index}

    def root(form):
        while parent[form] != form:
            form = parent[form]
        return form

    by_spelling: dict[str, list[str]] = {}
    for form in sorted(counts.index):  # written alike but for accents and apostrophes: one name anywhere
        by_spelling.setdefault(_folded(form), []).append(form)
    for forms in by_spelling.values():
        for form in forms[1:]:
            parent[form] = forms[0]
    pairs = pd.DataFrame({"group": groups, "name": names, "full": full}).dropna().drop_duplicates()
    for _, group in pairs.groupby("group", sort=True):
        written = sorted(set(zip(group["name"], group["full"])))
        for (name_a, full_a), (name_b, full_b) in ((a, b) for i, a in enumerate(written) for b in written[i + 1:]):
            if full_a != full_b and (_spelling_variant(full_a, full_b, rules) or _middle_name_form(name_a, name_b, rules)
                                     or _middle_name_form(name_b, name_a, rules)):
                ra, rb = root(full_a), root(full_b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = {}
    for form in counts.index:
        members.setdefault(root(form), []).append(form)
    out = {}
    for forms in members.values():
        best = max(forms, key=lambda f: (counts[f], len(f), f))
        out.update({f: best for f in forms})
    return out


def _core(form: str, rules: Rules) -> list[str]:
    return [w for w in form.split() if w not in rules.suffixes]


def _spelling_variant(a: str, b: str, rules: Rules) -> bool:
    """True for two full names written alike but for accents ("Jovenel Moïse"/"Moise"), or with the
    same surname and middle names and given names that differ by a spelling only: the same first
    letter, at most one edit when the shorter has 5 letters or more, two when it has 8 or more
    (edits counted on difflib's alignment)."""
    wa, wb = _core(_folded(a), rules), _core(_folded(b), rules)
    if len(wa) < 2 or len(wa) != len(wb) or wa[1:] != wb[1:] or wa[0][0] != wb[0][0]:
        return False
    if wa == wb:
        return True
    shorter = min(len(wa[0]), len(wb[0]))
    allowed = 2 if shorter >= 8 else 1 if shorter >= 5 else 0
    return 0 < _edits(wa[0], wb[0]) <= allowed


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


def _family_first_index(full: pd.Series) -> dict[str, dict[str, int]]:
    """family name → {full name: mentions} for names written family name first with a hyphenated
    given name ("Tsai Ing-wen", "Chiu Kuo-cheng"): the family name alone ("Tsai") is that person."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        words = form.split()
        if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):
            index.setdefault(words[0], {})[form] = int(n)
    return index


def _is_surname_form(form: str, rules: Rules) -> bool:
    """True for a surname with only a suffix ("Trump Jr.") or its particles ("De Blasio", "van der
    Leyen")."""
    core = [w for w in form.split() if w not in rules.suffixes]
    return len(core) <= 1 or all(w.lower() in _JOINERS for w in core[:-1])


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
