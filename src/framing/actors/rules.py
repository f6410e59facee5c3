"""The rules of `actors.toml` (`Rules`, `read_rules`) and how a name is written: the patterns of
a run of capitalised words, the words that may join its parts, the constants of the step."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..lexicons import load_data
from .english import english_common_words

DEFAULT_LEXICON = "actors"
DOMINANT_SHARE = 0.75  # a surname goes to the full name holding at least this share of its mentions
LOWER_CASE_SHARE = 0.1  # a word written in lower case more than this often per capitalised use is a common word
ACTOR_COLUMNS = ["article_id", "outlet", "event", "sentence_id", "start", "end", "mention", "name",
                 "actor", "has_title", "actors_version"]

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# a capitalised word, or initials written without spaces ("J.K.", "U.S."), read as one token
_TOKEN = rf"(?:(?:[{_UPPER}]\.){{2,3}}(?![\w’'\-])|[{_UPPER}][\w’'\-]*\.?)"
_JOINER = r"(?:of|the|de|da|di|du|del|della|van|von|der|den|bin|ibn|al|la|le|dos|y)"
_RUN = re.compile(rf"(?<![\w’'.\-]){_TOKEN}(?:[ \t\u00a0]+(?:{_JOINER}[ \t\u00a0]+)?{_TOKEN})*")
_TOKEN_RE = re.compile(rf"{_TOKEN}|{_JOINER}")
_POSSESSIVE = re.compile(r"(?:[’']s|[’'])$")
_JOINERS = frozenset(re.findall(r"\w+", _JOINER))
_AFTER_FOR = re.compile(rf"([{_UPPER}][\w.]*) (?:for|on) (?:the )?$")  # "Centers for ", "Committee on the "


class Rules(NamedTuple):
    titles: frozenset  # titles and honorifics (cut off before a name)
    qualifiers: frozenset  # label words cut off with titles ("Defense", "National")
    adjectives: frozenset  # nationality and party adjectives, and the countries' `demonyms` (cut off at the start)
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
    given_name_titles: frozenset = frozenset()  # "Pope", "King": titles written before a given name ("Pope Francis")
    title_surnames: frozenset = frozenset()  # "King", "Judge": titles that are also family names ("Stephen King")
    offices: frozenset = frozenset()  # the titles in lower case without full stop, no honorific ("sen", "leader")
    people_endings: tuple = ()  # "an", "er": a place's name so ended, in the plural, names its people ("Texans")


@lru_cache(maxsize=8)
def read_rules(lexicon: str | Path = DEFAULT_LEXICON) -> Rules:
    """The actor rules of `actors.toml` (or a user's file of the same layout)."""
    data = load_data(lexicon)
    places = data["places"]
    return Rules(_without_full_stops(data["honorifics"] + data["titles"]), frozenset(data["qualifiers"]),
                 frozenset(data["adjectives"]) | frozenset(places.get("demonyms", {})),  # every nationality (1.29)
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
                 frozenset(data.get("newspaper_words", ())), frozenset(data.get("given_name_titles", ())),
                 frozenset(data.get("title_surnames", ())), _offices(data["titles"], data["honorifics"]),
                 tuple(data.get("people_endings", ())))


def _offices(titles: list[str], honorifics: list[str]) -> frozenset:
    """The titles in lower case and without their full stop, honorifics left out ("sen", "governor";
    not "mr", "dr"): the words of an office written before a name."""
    return frozenset(t.rstrip(".").casefold() for t in titles) - {h.rstrip(".").casefold() for h in honorifics}


def _without_full_stops(titles: list[str]) -> frozenset:
    """The titles as listed, and each abbreviation ("Lieut.", "Capt.": two letters or more before a
    final full stop) also without its full stop, as British and some American papers write it."""
    return frozenset(titles) | {t[:-1] for t in titles if re.fullmatch(r"[A-Z][a-z]+\.", t)}


def title_as_surname(words: list[str], i: int, rules: Rules, titles) -> bool:
    """True when the title word at `i` of a name's words is a surname: a title English also has as a family
    name (`title_surnames`: "King", "Judge", "Major"; not "Democrat", "Professor") that ends the name (only a
    suffix, "Jr.", after it) right after one or two given names that open the name (first, or right after a
    word of `titles`) ("Stephen King", "Rep. Steve King", "Mark Judge", "Former Prime Minister John Major",
    "Martin Luther King Jr."). A given name is a listed one that is no title, place or place's opener;
    right after a title, before a title written before given names (`given_name_titles`: "King",
    "Prince"), any word English never writes in lower case is one too ("Sen. Angus King": a king's
    title stands before his name, never after a senator's). Not a title before a name ("King Charles
    III"), nor a title alone ("King said"), nor a party after a place that is also a given name
    ("Georgia Republican"), nor a role after a place ("Santa Clara Sheriff"), nor the end of a title of
    several words ("Deputy Surgeon General"). `titles`: the title words of the caller's reading (the
    actors' `titles`, the speaker step's roles). The one rule of the actors and the speaker step."""
    end = len(words) - 1
    while end > i and words[end] in rules.suffixes:
        end -= 1  # "Martin Luther King Jr.": a suffix after the surname
    if i == 0 or i != end or words[i] not in rules.title_surnames:
        return False
    start = i
    while start > 0 and _is_given_name(words[start - 1], rules, titles):
        start -= 1  # one or two given names ("Martin Luther King")
    if start == i and i >= 2 and words[i] in rules.given_name_titles and words[i - 2] in titles:
        return _is_name_word(words[i - 1], rules, titles)  # "Sen. Angus King"
    return 1 <= i - start <= 2 and (start == 0 or words[start - 1] in titles)


def _is_given_name(word: str, rules: Rules, titles) -> bool:
    """A listed given name that is no title, place or place's opener ("Steve"; not "Georgia", "Santa")."""
    return (word in rules.given_names and word not in titles and word not in rules.places
            and word not in rules.place_openers)


def _is_name_word(word: str, rules: Rules, titles) -> bool:
    """A capitalised word English never writes in lower case (`english_common_words`) that is no title,
    qualifier, place, place's opener or organisation word ("Angus"; not "Crown", "Surgeon")."""
    return (word[:1].isupper() and any(c.islower() for c in word) and word not in english_common_words()
            and word not in titles and word not in rules.titles and word not in rules.qualifiers
            and word not in rules.places and word not in rules.place_openers and word not in rules.organisation_words)


def people_of_a_place(name: str, rules: Rules) -> bool:
    """True when a name is the plural of a listed place's people (1.28): the place (`places`), or the place
    but its last letter, with an ending of `people_endings`, then "s" ("South Dakotans", "New Yorkers",
    "Texans", "Floridians", "Israelis"). The whole name is read: "Houston Texans", a team, is none."""
    if not name[:1].isupper() or not name.endswith("s"):
        return False
    singular = name[:-1]
    return any(_names_a_place(singular[:-len(e)], rules) for e in rules.people_endings if singular.endswith(e))


def _names_a_place(stem: str, rules: Rules) -> bool:
    """True when `stem` is a listed place, or one but its last letter ("Texa" of Texas, "Canad" of Canada)."""
    return len(stem) >= 3 and (stem in rules.places or stem in _places_but_last_letter(rules))


@lru_cache(maxsize=4)
def _places_but_last_letter(rules: Rules) -> frozenset:
    """The listed places without their last letter."""
    return frozenset(p[:-1] for p in rules.places)
