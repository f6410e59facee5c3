"""The rules of `actors.toml` (`Rules`, `read_rules`) and how a name is written: the patterns of
a run of capitalised words, the words that may join its parts, the constants of the step."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..lexicons import load_data

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
    given_name_titles: frozenset = frozenset()  # "Pope", "King": titles written before a given name ("Pope Francis")


@lru_cache(maxsize=8)
def read_rules(lexicon: str | Path = DEFAULT_LEXICON) -> Rules:
    """The actor rules of `actors.toml` (or a user's file of the same layout)."""
    data = load_data(lexicon)
    places = data["places"]
    return Rules(_without_full_stops(data["honorifics"] + data["titles"]), frozenset(data["qualifiers"]),
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
                 frozenset(data.get("newspaper_words", ())), frozenset(data.get("given_name_titles", ())))


def _without_full_stops(titles: list[str]) -> frozenset:
    """The titles as listed, and each abbreviation ("Lieut.", "Capt.": two letters or more before a
    final full stop) also without its full stop, as British and some American papers write it."""
    return frozenset(titles) | {t[:-1] for t in titles if re.fullmatch(r"[A-Z][a-z]+\.", t)}
