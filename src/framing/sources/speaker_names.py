"""One name per speaker across the articles and outlets of a quotes table.

After every article is read, the speakers as written are resolved (`_resolved_speakers`): a kind of
body before a name dropped ("Drugmaker Merck" → "Merck"), titles cut off and a surname alone named
as the one full name written with it in the event, else in the table ("Trump" → "Donald Trump",
`framing.actors.resolve_names`), and an article's own outlet no speaker in it ("CNN has learned" in
CNN's article is the journalist's voice). A person is then named as the actor it stands for
(`_as_actors`, `framing.actors.match_actors`), and within an event an acronym is the body whose
initials it is and anonymous sources written alike are one (`_joined_in_event`).
"""
from __future__ import annotations

import re

import pandas as pd

from ..actors import match_actors, outlet_names, read_rules, resolve_names
from .name_kinds import _body_of, _initials
from .patterns import _lexicon

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


# the small words some acronyms keep a letter of ("People’s Bank of China" → "PBOC", "Department of
# Justice" → "DOJ")
_SMALL_WORD = re.compile(r"(?<=\s)(?:of|for|and)(?=\s)")


def _acronym_of(name: str, names: list[str]) -> str | None:
    """The one name of `names` whose initials (`name_kinds._initials`, of the whole name or of what follows an
    owner: "South Korea’s | Joint Chiefs of Staff", or with the small words' letters: "PBOC") are `name` when `name` is an acronym of 2-6
    capitals ("JCS", "WHO"); else None."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return None
    found = {other for other in names if other != name and " " in other
             and name in (_initials(other), _initials(re.split(r"[’']s\s", other)[-1]),
                          _initials(_SMALL_WORD.sub(lambda m: m.group().title(), other)))}
    return found.pop() if len(found) == 1 else None


def _resolved_speakers(quotes: pd.DataFrame, written: list[tuple]) -> pd.Series:
    """Speakers as the actors of `framing.actors`: titles cut off and a surname alone ("Trump", from
    "Mr. Trump") as the one full name written with it in the event, else in the table ("Donald
    Trump"), counting the full names `written` in every sentence ((event, name) pairs, names as
    `framing.actors` reads them), not only those of speakers. Anonymous sources, one-word bodies ("Taliban"),
    platforms (`platforms` of the reporting verbs: "Facebook" is no surname of "Facebook Whistleblower"), offices
    ("Netanyahu’s office") and organisations are left as they are; an article's own outlet is no
    speaker in it (see `_own_outlet`); a kind of body written before a name is not part of it
    ("Drugmaker Merck" → "Merck", see `_without_descriptor`)."""
    quotes = quotes.assign(speaker=quotes["speaker"].map(_without_descriptor))
    one_word_body = quotes["pattern"].str.contains("_body", regex=False) & ~quotes["speaker"].str.contains(" ").fillna(True)
    named = (quotes["speaker"].notna() & ~quotes["is_anonymous"] & ~one_word_body  # "Taliban" is no surname
             & ~quotes["speaker"].map(_body_of)  # nor is "League of Conservation Voters" a person's name
             & ~quotes["speaker"].isin(_lexicon().platforms))  # nor "Facebook" the first word of "Facebook Whistleblower"
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
