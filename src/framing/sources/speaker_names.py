"""One name per speaker across the articles and outlets of a quotes table.

After every article is read, a body's name cut at its end is written whole from the sentence
(`_whole_bodies`: "Centers for | Disease Control"), and the speakers as written are resolved
(`_resolved_speakers`): read as names (`_named_as_written`: a headline's verb cut off, "Biden Vows" →
"Biden"; a country alone as its government, "U.S." → "U.S. government"; a role capitalised by a
headline as a role, "Facebook Whistleblower" → "Facebook whistleblower"), a kind of
body before a name dropped ("Drugmaker Merck" → "Merck"), titles cut off and a surname alone named
as the one full name written with it in the event, else in the table ("Trump" → "Donald Trump",
`framing.actors.resolve_names`), and an article's own outlet no speaker in it ("CNN has learned" in
CNN's article is the journalist's voice). A person is then named as the actor it stands for
(`_as_actors`, `framing.actors.match_actors`), a role the one person its event writes with that role
(`_roles_as_actors`: "Afghan President" → "Ashraf Ghani"), and within an event an acronym is the body
whose initials it is and anonymous sources written alike but for the words that count or point at them
are one (`_joined_in_event`: "the lawmakers"/"lawmakers"). Last, one body
written in several forms across outlets takes one name (`_one_name_per_body`): forms written alike
but for dots, apostrophes, case, "the", a company's legal form or "Department of X"/"X Department"
anywhere in the table; "U.S. X"/"X" and an acronym and the name it abbreviates within an event; and
an acronym the text defines in brackets ("U.S. Central Command (CENTCOM)") anywhere in the table; a
country under any of its names as one ("U.S."/"United States", `country_forms` of `actors.toml`) and,
across the table, a body with and without its one country ("Supreme Court"/"U.S. Supreme Court") and an
owner's description with and without the possessive ("Biden administration"/"Joe Biden's administration").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd

from ..actors import (english_common_words, headline_verbs, match_actors, outlet_names, person_mentions, read_rules,
                      resolve_names)
from ..actors.find import one_word_outlets, written_as_channel
from ..lexicons import load_data
from .name_kinds import _acronym_of, _body_of, _countries, _names_a_person
from .patterns import _lexicon

def _as_actors(quotes: pd.DataFrame, actors: pd.DataFrame, channel: pd.Series | None = None) -> pd.Series:
    """Each named speaker as the actor it stands for in `actors` (`match_actors`: titles and roles
    cut off, "Prof Roe" → "Jane Roe", "Raúl"/"Raul", "Taylor-Greene"/"Taylor Greene"), else as it
    was; anonymous sources, bodies and places (no person read at the name's end) and outlets written
    as the channel (`channel`, `_outlet_as_channel`: "according to Fox" is no "Vicente Fox") are left
    as they are."""
    named = quotes["speaker"].notna() & ~quotes["is_anonymous"] & ~quotes["speaker"].map(_body_of)
    if channel is not None:
        named &= ~channel
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
    events = _events(quotes)
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


def _events(quotes: pd.DataFrame) -> pd.Series:
    """The event of each quote, as text (its article when the table has no event)."""
    return (quotes["event"] if "event" in quotes and quotes["event"].notna().all() else quotes["article_id"]).astype(str)


# words that point at an unnamed group already met, or at whose it is ("the lawmakers", "their
# critics"): no part of the group's name
_GROUP_DETERMINERS = frozenset({"the", "these", "those", "their", "its", "his", "her", "our"})


def _without_count(name: str) -> str:
    """An anonymous source without the words that count it or point at it, its first word in lower
    case unless it is a name ("Some experts" → "experts", "two U.S. officials" → "U.S. officials",
    "the lawmakers", "their critics" → "lawmakers", "critics"): one group whatever the sentence
    calls it."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _lexicon().quantifiers or words[0].lower() in _GROUP_DETERMINERS):
        words = words[1:]
    if words[0][1:].islower() and words[0] != "The" and any(words[0].lower() in a.split() for a in _lexicon().anonymous):
        words[0] = words[0].lower()  # "Experts" opening a sentence
    return " ".join(words)


def _anonymous_key(name: str) -> str:
    """How alike anonymous sources compare: lower case, no abbreviation dots, the last word singular."""
    key = name.lower().replace(".", "")
    return key[:-1] if key.endswith("s") else key


def _outlet_as_channel(quotes: pd.DataFrame, texts: dict) -> pd.Series:
    """True for a quote whose speaker as written (`speaker_label`) is an outlet's whole name in one word
    (`framing.actors.find.one_word_outlets`, the table's outlets included) written in the quote's
    sentences only as the channel ("according to Fox", "told Bloomberg":
    `framing.actors.find.written_as_channel`, the rule `find_actors` reads): the outlet speaks, not a
    person of that surname the event names ("Vicente Fox"). `texts`: {(article_id, sentence_id): text}."""
    outlets = one_word_outlets(quotes["outlet"].dropna().unique() if "outlet" in quotes else ())
    return pd.Series([isinstance(label, str) and label in outlets
                      and written_as_channel(label, [texts.get((article, i)) for i in range(first, last + 1)])
                      for label, article, first, last in zip(quotes["speaker_label"], quotes["article_id"],
                                                             quotes["sentence_id"], quotes["sentence_end"])],
                     index=quotes.index, dtype=bool)


def _resolved_speakers(quotes: pd.DataFrame, written: list[tuple], channel: pd.Series | None = None) -> pd.Series:
    """Speakers as the actors of `framing.actors`: titles cut off and a surname alone ("Trump", from
    "Mr. Trump") as the one full name written with it in the event, else in the table ("Donald
    Trump"), counting the full names `written` in every sentence ((event, name) pairs, names as
    `framing.actors` reads them), not only those of speakers. Anonymous sources, one-word bodies ("Taliban"),
    platforms (`platforms` of the reporting verbs: "Facebook" is no surname of "Facebook Whistleblower"), offices
    ("Netanyahu’s office"), organisations and named groups ("Democrats" is no surname of "Senate Democrats") are
    left as they are; an article's own outlet is no
    speaker in it (see `_own_outlet`; a surname of a full name the event writes is, `_surname_written`, unless
    written as the channel: `channel`, `_outlet_as_channel`); a kind of body written before a name is not part of it
    ("Drugmaker Merck" → "Merck", see `_without_descriptor`)."""
    speaker = quotes["speaker"].map(_without_descriptor)
    titled = pd.Series(map(_after_a_title, speaker, quotes["speaker_label"]), index=quotes.index, dtype=bool)
    quotes = quotes.assign(speaker=speaker.map(_named_as_written).where(~titled, speaker))
    one_word_body = (quotes["pattern"].str.contains("_body|_group") & ~quotes["speaker"].str.contains(" ").fillna(True))
    named = (quotes["speaker"].notna() & ~quotes["is_anonymous"] & ~one_word_body  # "Taliban" is no surname
             & ~quotes["speaker"].map(_body_of)  # nor is "League of Conservation Voters" a person's name
             & ~quotes["speaker"].isin(_lexicon().platforms))  # nor "Facebook" the first word of "Facebook Whistleblower"
    out = quotes["speaker"]
    if named.any():
        by_event = quotes["event"].notna().all()
        events = quotes["event"].astype(str) if by_event else pd.Series("all", index=quotes.index)
        speakers = pd.DataFrame({"name": quotes.loc[named, "speaker"], "event": events[named], "has_title": True})
        names = pd.DataFrame([(str(e) if by_event else "all", n) for e, n in written], columns=["event", "name"])
        both = pd.concat([speakers, names.assign(has_title=True)], ignore_index=True)
        resolved = resolve_names(both).iloc[:len(speakers)].set_axis(speakers.index)
        out = out.where(~named, resolved.where(resolved.notna(), speakers["name"]))
    own = quotes["outlet"] if "outlet" in quotes else pd.Series(None, index=quotes.index)
    own_voice = pd.Series(map(_own_outlet, out, own), index=out.index, dtype=bool) & ~quotes["is_anonymous"]
    person = _surname_written(out, quotes["event"], written)
    return out.where(~own_voice | (person & ~channel if channel is not None else person), None)


def _surname_written(speakers: pd.Series, events: pd.Series, written: list[tuple]) -> pd.Series:
    """True for a one-word speaker that is the surname of a full name written in its event ("Fox"
    where "Vicente Fox" is written, in an article of Fox News): a person, not the outlet's own voice."""
    surnames = {(str(event), name.split()[-1]) for event, name in written if " " in name}
    return pd.Series([isinstance(s, str) and " " not in s and (str(e), s) in surnames for s, e in zip(speakers, events)],
                     index=speakers.index, dtype=bool)


def _after_a_title(name, label) -> bool:
    """True when the speaker is a country's name and the speaker as written (`label`) puts a person's
    title right before it ("Sheriff Israel" for "Israel"): a title is given to a person, so the word
    after it is a person's surname, not the country that `_named_as_written` reads as its government."""
    if (not isinstance(name, str) or not isinstance(label, str) or not label.endswith(name) or label == name
            or name not in _countries()):
        return False
    before = label[:-len(name)].split()
    return bool(before) and label[-len(name) - 1] == " " and before[-1] in read_rules().titles


def _named_as_written(name):
    """A speaker as a name, not as a title-case headline or a place writes it: a headline's verb
    after the name cut off ("Biden Vows" → "Biden", `headline_verbs`); a country alone as its
    government ("The U.S. said", "the UK says" → "U.S. government", "UK government": a country
    speaks through its government, it is no speaker itself; not after a person's title, see
    `_after_a_title`); and a description capitalised by a
    headline, with no person's name in it and a noun for a person last ("Facebook Whistleblower"), in
    lower case but for its names ("Facebook whistleblower"), as is a role noun alone ("Head", of "WHO
    Head Says"): a role, which `_roles_as_actors` may name."""
    if not isinstance(name, str):
        return name
    words = name.split()
    if len(words) >= 2 and words[-1] in headline_verbs() and words[-2][:1].isupper():
        return " ".join(words[:-1])
    bare = re.sub(r"^[Tt]he\s+", "", name.strip())
    if bare in _countries():
        return f"{bare} government"
    common, rules = english_common_words(), read_rules()
    if (len(words) == 1 and name[1:].islower() and name.lower() in _lexicon().heads and name not in rules.given_names
            and name not in rules.organisation_words and name.lower() not in _lexicon().documents):
        return name.lower()  # "WHO Head Says …": "Head", a role
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and not person_mentions(name):
        if (words[-1] in common and _names_a_person(words[-1].lower(), _lexicon())
                and words[-1] not in rules.organisation_words):
            return " ".join(w.lower() if w in common and w not in rules.organisation_words | rules.places
                            | rules.adjectives and not w.isupper() else w for w in words)
    return name


# capitalised words and the small words inside a body's name, ending where the text goes on
# ("U.S. Court of Appeals for the Fourth | Circuit ruled", "the Centers for | Disease Control said")
_NAME_BEFORE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|on|and|the)\s+)*)+)$")


def _whole_bodies(quotes: pd.DataFrame, texts: dict) -> pd.Series:
    """`speaker` with a body's name written whole when the speaker as read is its end: a named speaker
    written as in its sentence, right after capitalised words with "of" or "for" in them that, with it,
    are a body's name (`_body_of`: "Centers for | Disease Control", "U.S. Court of Appeals for the
    Fourth | Circuit", "Bank of | America"), no person after them (`_person_after`). `texts`:
    {(article_id, sentence_id): text}."""
    speakers = quotes["speaker"].copy()
    for i in speakers.index[speakers.notna() & ~quotes["is_anonymous"] & (speakers == quotes["speaker_label"])]:
        name = speakers[i]
        text = str(texts.get((quotes.at[i, "article_id"], quotes.at[i, "sentence_id"]), ""))
        at = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        run = _NAME_BEFORE.search(text[:at.start()]) if at and name[:1].isupper() else None
        if run and re.search(r"\s(?:of|for)\s", run.group(1)) and not _person_after(run.group(1).split(), name):
            whole = re.sub(r"^(?:The|the)\s+", "", run.group(1)) + name
            if _body_of(whole):
                speakers[i] = whole
    return speakers


def _person_after(before: list[str], name: str) -> bool:
    """True when a name after a body's words is a person's: its owner's possessive or a role or title
    stands right before it ("Bank of America’s Jane Roe", "Bank of America CEO Brian Moynihan"), or it
    opens with a listed given name."""
    rules, last = read_rules(), before[-1]
    return (name.split()[0] in rules.given_names or bool(re.search(r"[’']s?$", last))
            or last in rules.titles or last in _lexicon().roles and last not in rules.adjectives)


def _roles_as_actors(quotes: pd.DataFrame, actors: pd.DataFrame, texts: dict) -> pd.Series:
    """`speaker` with a role speaker named as the one person its event writes with that role: a
    named (not anonymous) speaker that is a description in lower case ("president", "attorney
    general", "Facebook whistleblower") is the actor of the event whose mentions follow that role in
    their sentence ("Facebook whistleblower Frances Haugen", "Attorney General Letitia James") or
    are followed by an apposition opening with it, or with its noun and holding all its words ("Frances
    Haugen, a whistleblower and former Facebook employee"), when exactly one actor does; the role is the outlet's
    label, qualifiers and all ("Afghan President" is "Afghan President Ashraf Ghani", not "Chinese
    President Xi Jinping"; "the Taiwanese president" nobody of an event that names only Xi Jinping so),
    and a role after "former", "vice", "acting" … is another role. Else the role stays.
    `texts`: {(article_id, sentence_id): text} of the sentences of `actors`. This is the delayed
    identification of news (Bell 1991) across the articles of one event."""
    speakers = quotes["speaker"].copy()
    roles = speakers.notna() & ~quotes["is_anonymous"] & speakers.map(_is_role)
    if not roles.any() or actors.empty:
        return speakers
    sentences = [str(texts.get((a, i), "")) for a, i in zip(actors["article_id"], actors["sentence_id"])]
    written = pd.DataFrame({"event": actors["event"].astype(str).values, "actor": actors["actor"].values,
                            "before": [_without_last(_folded_words(t[:end]), len(str(name).split())) for t, end, name
                                       in zip(sentences, actors["end"], actors["name"])],  # titles in the mention
                            "after": [_apposition(t[end:]) for t, end in zip(sentences, actors["end"])]})
    by_event = {e: list(zip(part["actor"], part["before"], part["after"]))
                for e, part in written.groupby("event", sort=False)}
    events = _events(quotes)
    for i in speakers[roles].index:
        mentions = by_event.get(events[i], [])
        label = _folded_words(re.sub(r"^(?:the|a|an)\s+", "", str(quotes.at[i, "speaker_label"]), flags=re.I))
        role = _folded_words(speakers[i])
        if label[-1:] != role[-1:]:
            continue  # a label that is no role ("US", "he")
        for words_of in (label, role):
            if words_of is role and _ROLE_MODIFIERS.intersection(label):
                break  # "the former director" is no director
            found = {actor for actor, words, apposed in mentions
                     if words[-len(words_of):] == words_of and _same_role(words[:-len(words_of)], label)
                     or apposed[:len(label)] == label or apposed[:1] == label[-1:] and set(label) <= set(apposed)}
            if len(found) == 1:
                speakers[i] = found.pop()
                break
    return speakers


def _same_role(before: list[str], label: list[str]) -> bool:
    """True when the word before a role in a mention ("chinese" of "Chinese President Xi Jinping") makes
    it no other role than the label's: no modifier ("former", "vice") and no nationality or place
    that the label does not hold ("the Taiwanese president" is not "Chinese President Xi Jinping")."""
    word = before[-1] if before else ""
    rules = read_rules()
    qualifiers = {w.casefold().replace("’", "'") for w in rules.adjectives | rules.places}
    return word not in _ROLE_MODIFIERS and (word not in qualifiers or word in label)


# words before a role that make it another role ("former president", "vice president")
_ROLE_MODIFIERS = frozenset({"former", "ex", "then", "late", "acting", "interim", "deputy", "vice", "assistant",
                             "associate", "outgoing", "incoming", "co"})


def _is_role(name) -> bool:
    """True when a speaker is one person's role, not a name: its last word a noun for a person in
    lower case and in the singular ("president", "attorney general", "Facebook whistleblower"; not
    "Democratic senators"), no owner before it ("Colin Powell’s family" is named by its owner)."""
    if not isinstance(name, str) or "’" in name or "'" in name:
        return False
    last = name.split()[-1]
    return (last.isalpha() and last.islower() and _names_a_person(last, _lexicon())
            and not last.endswith(read_rules().abstract_endings)  # "government", "statement": no person
            and not (last.endswith("s") and not last.endswith("ss")))  # "Democratic senators": a group


def _without_last(words: list[str], n: int) -> list[str]:
    """`words` without the last `n` (a name's), the title written in a mention kept ("President | Ashraf Ghani")."""
    return words[:max(len(words) - n, 0)]


def _apposition(after: str) -> list[str]:
    """The folded words of an apposition right after a name, up to its closing comma, its article
    dropped (", a whistleblower and former Facebook employee," → whistleblower, and, …), or []."""
    match = re.match(r"\s*,\s*(?:(?:a|an|the)\s+)?([^,;]+)", after)
    return _folded_words(match.group(1)) if match else []


def _folded_words(text: str) -> list[str]:
    """The words of a text in lower case, straight apostrophes, no punctuation around them."""
    return [w.strip(".,;:()“”\"").casefold() for w in text.replace("’", "'").split() if w.strip(".,;:()“”\"")]


def _without_descriptor(name):
    """A speaker's name without the kind of body capitalised before it at a sentence's start
    ("Drugmaker Merck", "Automaker Ford" → "Merck", "Ford"; the kinds are `descriptors` in
    `actors.toml`), unless the kind is a word of bodies' names (`organisation_words`: "Team Trump" is his
    campaign, a body, not Donald Trump; actors 1.30)."""
    if not isinstance(name, str):
        return name
    first, _, rest = name.partition(" ")
    rules = read_rules()
    if (rest[:1].isupper() and first[:1].isupper() and first.lower() in rules.descriptors
            and first not in rules.organisation_words):  # "Team Trump": a body named after him (actors 1.30)
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


# A name followed by an acronym in brackets, the acronym's definition ("the Centers for Disease Control
# and Prevention (CDC)", "U.S. Central Command (CENTCOM)"): capitalised words, small words between them.
_DEFINED = re.compile(r"(?P<long>(?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|on|the|&)\s+)*){1,8})"
                      r"\((?P<short>[A-Z][A-Za-z.]{1,9})\)")
_SMALL_WORDS = frozenset({"of", "for", "and", "on", "the", "&"})
# a country written before a body of its own ("U.S. Capitol Police", "US Department of Defense")
_COUNTRY = re.compile(r"^(?:the\s+)?(?:U\.S\.|US|United States)\s+(?=[A-Z])")
# "Department of X" written as "X Department" ("Department of Homeland Security", "Ministry of Defence"),
# a place before it kept ("US Department of Justice" → "US Justice Department")
_OFFICE_OF = re.compile(r"^(.*?\s)?(Department|Ministry) of (?:the\s+)?([A-Z][\w']*(?:\s+(?:and\s+)?[A-Z][\w']*)*)$")
# a company's legal form after its name ("Pfizer Inc", "Acme Corp.")
_LEGAL_FORM = re.compile(r",?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC|plc)\.?$")


def defined_acronyms(texts) -> dict[str, set[str]]:
    """{acronym key: {keys of the names the texts define it as}} for every acronym written in brackets
    right after a name it abbreviates (`_abbreviates`, letters left over at the name's end allowed: the
    text's own definition is the evidence, so "Centers for Disease Control and Prevention (CDC)"
    counts); the name is the longest run of the capitalised words before the bracket that does."""
    found: dict[str, set[str]] = {}
    for text in texts:
        if not isinstance(text, str) or "(" not in text:
            continue
        for match in _DEFINED.finditer(text):
            short, words = match.group("short"), match.group("long").split()
            letters = short.replace(".", "")
            if not (letters[:1].isupper() and sum(c.isupper() for c in letters) >= 2):
                continue
            for start in range(len(words)):
                if words[start][:1].isupper() and _abbreviates(letters, words[start:], clipped=True, rest=True):
                    found.setdefault(_body_key(short), set()).add(_body_key(" ".join(words[start:])))
                    break
    return found


def _abbreviates(letters: str, words: list[str], *, clipped: bool, rest: bool = False) -> bool:
    """True when `letters` are the initials of `words` in order (small words may give their letter
    or none: "Board of Elections" → "BOE", "People’s Bank of China" → "PBOC"), with `clipped` the first
    letters of each ("Central Command" → "CENTCOM"), and with `rest` words left over at the end."""
    letters = letters.lower()
    words = [w.lower().strip("’'.,") for w in words]

    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return rest or all(w in _SMALL_WORDS for w in words[j:])
        if j == len(words):
            return False
        word = words[j]
        if word in _SMALL_WORDS and match(i, j + 1):
            return True
        longest = len(word) if clipped else 1
        return any(letters[i:i + k] == word[:k] and match(i + k, j + 1) for k in range(1, longest + 1))

    return bool(words) and match(0, 0)


def _is_acronym(name: str) -> bool:
    """True for one word of 2-9 letters, dots allowed, opening with a capital and holding two or more
    ("CDC", "C.D.C.", "CENTCOM", "PBoC")."""
    letters = name.replace(".", "")
    return (2 <= len(letters) <= 9 and letters.isalpha() and letters[0].isupper()
            and sum(c.isupper() for c in letters) >= 2)


def _body_key(name: str, *, country: bool = False) -> str:
    """How two forms of one body's name compare anywhere: no accents, dots, "the" or legal form, straight
    apostrophes, lower case, "Department of X" as "X Department" (and "Ministry of X"), no space around a hyphen, a country
    under one of its names and a place without its possessive (`_one_country`); with `country`, no
    country or listed place before it."""
    name = _one_country(_LEGAL_FORM.sub("", re.sub(r"^[Tt]he\s+", "", _folded(name).strip())))
    if country:
        name = _without_place(_COUNTRY.sub("", name))
    name = _OFFICE_OF.sub(r"\1\3 \2", name)
    return _spelling(re.sub(r"\s*-\s*", "-", name))  # "Washington Post- ABC News"


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, str]:
    """{a country's name as written: the name that stands for its names}, from `country_forms` of
    `actors.toml` ("U.S.", "US" → "United States"; "United States" itself), accents and curly
    apostrophes folded."""
    forms = load_data("actors")["places"].get("country_forms", {})
    return {_folded(form): _folded(name) for form, name in forms.items()} | {_folded(n): _folded(n) for n in forms.values()}


def _folded(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace("’", "'")


@lru_cache(maxsize=1)
def _demonyms() -> tuple[dict[str, str], frozenset]:
    """({a country's adjective: the country}, {words for a body every state has}), from `demonyms` and
    `state_bodies` of `actors.toml`'s places, accents folded and the countries under `_country_forms`."""
    places = load_data("actors")["places"]
    countries = {_folded(a): _country_forms().get(_folded(c), _folded(c)) for a, c in places.get("demonyms", {}).items()}
    return countries, frozenset(places.get("state_bodies", ()))


def _one_country(name: str) -> str:
    """A body's name with the country or listed place before it written one way: a country's other
    names as the one that stands for them ("U.S. Supreme Court", "US Supreme Court" → "United States
    Supreme Court"), a place's possessive as the place ("Georgia's Secretary of State" → "Georgia
    Secretary of State"), when a word follows, and a country's adjective before a body every state has
    as the country ("Chinese government", "China's government" → "China government"; not "American Red
    Cross")."""
    words = name.split()
    countries, bodies = _demonyms()
    for k in (2, 1):
        if len(words) > k and " ".join(words[:k]) in countries and any(w.casefold() in bodies for w in words[k:]):
            return " ".join([countries[" ".join(words[:k])], *words[k:]])
    for k in (3, 2, 1):
        if len(words) <= k:
            continue
        place = _as_place(re.sub(r"'s$", "", " ".join(words[:k])))
        if place is not None:
            return " ".join([place, *words[k:]])
    return name


def _as_place(words: str) -> str | None:
    """`words` as the place they name, a country under the one name that stands for its names ("US" →
    "United States"), when they are a country's name or a listed place; else None."""
    if words in _country_forms() or words in read_rules().places:
        return _country_forms().get(words, words)
    return None


def _singular_words(key: str) -> tuple[str, ...]:
    return tuple(w.removesuffix("s") for w in key.split())


def _place_of(name: str) -> str:
    """The country or listed place written before a body's name, as a key ("U.S." and "US" alike), or ""."""
    folded = _body_key(name)
    bare = _body_key(name, country=True)
    return folded[:-len(bare)].strip() if folded.endswith(bare) and folded != bare else ""


def _without_place(name: str) -> str:
    """A body's name without a listed place before it when two words or more follow ("New York City
    Board of Elections" → "Board of Elections"), the first no function word ("America First Legal" is
    no "First Legal" of America: the words open a slogan); else the name."""
    words = name.split()
    rules = read_rules()
    for k in (3, 2, 1):
        if len(words) - k >= 2 and " ".join(words[:k]).removesuffix("’s").removesuffix("'s") in rules.places:
            return name if words[k] in rules.function_words else " ".join(words[k:])  # not "America | First Legal"
    return name


def _one_name_per_body(quotes: pd.DataFrame, defined: dict[str, set[str]] | None = None,
                       texts: dict[str, str] | None = None) -> pd.Series:
    """`speaker` with one name per body across outlets: named speakers (no anonymous source) written
    alike but for accents, dots, apostrophes, case, "the", a company's legal form or "Department of
    X"/"X Department" anywhere in the table (`_body_key`: "C.D.C."/"CDC", "Pfizer Inc"/"Pfizer", "Labor
    Department"/"Department of Labor"); within one event, a form with a country or a listed place before
    it and the form without, when the event writes no other place before it ("US Capitol Police"/"Capitol
    Police", "New York City Board of Elections"/"Board of Elections"; not "Georgia Secretary of
    State"/"Arizona Secretary of State") and an acronym of three letters or more and
    the one name of the event it abbreviates (`_abbreviates`, initials or each word's first letters:
    "CENTCOM"/"U.S. Central Command"); and anywhere in the table an acronym and the name the texts
    define it as, a place before it included ("South Korea’s Joint Chiefs of Staff (JCS)" is not the
    Joint Chiefs of Staff of another event; `defined`, from `defined_acronyms`, when the texts define
    it one way only, a definition that stops early or writes a word in the singular counting as the
    same).
    Across the table, a capitalised name and the same name with a country or place before it, when the
    table writes it with that one place only and no event of the bare name writes it after another place
    or a level below a country (`_join_place_across`; `texts`: {event: its sentences' text}: "Supreme
    Court"/"U.S. Supreme Court", not where the event writes "the Texas Supreme Court" or "the state
    Supreme Court"); and an owner's description with and without the possessive, the owner by its surname
    when the table's possessives give one ("Biden administration"/"Joe Biden's administration",
    `_join_owners`).
    Each set of forms takes its fullest form, as a reader labels it: a form that is no acronym, then the
    spelling most quoted (forms alike but for dots and case counted together: "U.S. government" and "US
    government" against "United States government"), then the form most quoted, then the one of more
    letters, then of fewer spaces ("Post-ABC News", not "Post- ABC News"), then the first in alphabetical
    order."""
    from scipy.cluster.hierarchy import DisjointSet

    speakers = quotes["speaker"]
    named = speakers.notna() & ~quotes["is_anonymous"]
    if not named.any():
        return speakers
    counts = speakers[named].value_counts()
    # the body in a role that speaks for it ("head of U.S. Central Command"): a name the event writes for that
    # body, so that "CENTCOM" is still written out though the full name itself never speaks (1.46)
    bodies = speakers[named].str.extract(_ROLE_OF_BODY, expand=False).dropna()
    counts = pd.concat([counts, pd.Series(0, index=pd.Index(sorted(set(bodies) - set(counts.index)), dtype=object))])
    forms = DisjointSet(sorted(counts.index))
    by_key: dict[str, str] = {}
    for form in sorted(counts.index):
        key = _body_key(form)
        if key in by_key:
            forms.merge(by_key[key], form)
        by_key.setdefault(key, form)
    events = _events(quotes)
    written = pd.concat([speakers[named], bodies])
    for _, names in written.groupby(pd.concat([events[named], events[bodies.index]]), sort=False):
        _join_in_event(forms, sorted(set(names)))
    _join_defined(forms, counts.index, defined or {})
    _join_place_across(forms, speakers[named], events[named], texts or {})
    _join_town_across(forms, counts.index, texts or {})
    _join_owners(forms, counts.index)
    best = {}
    for members in forms.subsets():
        spelt = pd.Series({f: counts[f] for f in members}).groupby(_spelling).transform("sum")
        name = max(members, key=lambda f: (not _is_acronym(f), spelt[f], counts[f], len(f.replace(" ", "")),
                                           -f.count(" "), [-ord(c) for c in f]))
        best.update({f: name for f in members})
    return speakers.where(~named, speakers[named].map(best))


def _spelling(name: str) -> str:
    """How a name is spelt, whatever its dots, case and spaces ("U.S. government", "US government"; not
    "United States government")."""
    return re.sub(r"\s+", " ", name.replace(".", "")).casefold()


# a role in lower case speaking for a body named after "of" or "for" ("head of U.S. Central Command", "former
# acting director for the Centers for Disease Control and Prevention"): the body's name
_ROLE_OF_BODY = r"^[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:of|for)\s+(?:the\s+)?([A-Z].*)$"


def _join_in_event(forms, written: list[str]) -> None:
    """Join in `forms` (a DisjointSet) the names one event writes for one body: a form with a country or
    place before it and the form without, when the event writes no other place before it, and an acronym
    and the one name of the event it abbreviates (see `_one_name_per_body`)."""
    by_body: dict[str, list[str]] = {}
    for form in written:
        by_body.setdefault(_body_key(form, country=True), []).append(form)
    for alike in by_body.values():  # "US Capitol Police"/"Capitol Police"; not two states' offices
        if len({_place_of(f) for f in alike} - {""}) == 1:
            for form in alike[1:]:
                forms.merge(alike[0], form)
    for short in (f for f in written if _is_acronym(f) and len(f.replace(".", "")) >= 3):
        longer = {forms[f] for f in written if " " in f and f.split()[0] not in read_rules().given_names
                  and _abbreviates(short.replace(".", ""), _COUNTRY.sub("", f).split(), clipped=True)}
        if len(longer) == 1:
            forms.merge(short, longer.pop())


def _join_defined(forms, names, defined: dict[str, set[str]]) -> None:
    """Join in `forms` (a DisjointSet) each acronym of `defined` and the `names` of the name the texts
    define it as, when they define it one way only (a definition that stops early or writes a word in
    the singular counting as the same)."""
    for short, meant in defined.items():
        meanings = {_singular_words(m) for m in meant}
        longest = max(meanings, key=len)
        if all(longest[:len(m)] == m for m in meanings):  # "Centers for Disease Control (and Prevention)"
            members = [f for f in names if _body_key(f) == short
                       or " " in f and _singular_words(_body_key(f)) in meanings]
            if len(members) > 1:  # the acronym and the forms of the name it is defined as
                for form in members[1:]:
                    forms.merge(members[0], form)


# words before a body's name that make it a body below a country's ("the state Supreme Court", "the
# county's Department of Public Health"): that name is no country's body
_BELOW_COUNTRY = frozenset({"state", "county", "city", "provincial", "municipal", "local", "regional", "district",
                            "tribal", "territorial"})


def _join_place_across(forms, speakers: pd.Series, events: pd.Series, texts: dict[str, str]) -> None:
    """Join in `forms` (a DisjointSet), across the whole table, a capitalised name (`speakers`, named
    speakers, with their `events`) and the forms of it with a country or place before it, when all
    those forms have one place ("Supreme Court"/"U.S. Supreme Court"/"United States Supreme Court"),
    unless the text of an event quoting the bare name writes that name after another place, a
    nationality or a level below a country (`_other_place_before`: "the Texas Supreme Court", "the
    state Supreme Court": there the bare name may be that other body). A name in lower case
    ("government") is a description, whose place only its event tells."""
    by_body: dict[str, list[str]] = {}
    for form in sorted(set(speakers)):
        by_body.setdefault(_body_key(form, country=True), []).append(form)
    for alike in by_body.values():
        places = {_place_of(f) for f in alike} - {""}
        if len(places) != 1:
            continue
        place = places.pop()
        placed = next(f for f in alike if _place_of(f))
        for bare in (f for f in alike if not _place_of(f) and _is_proper_name(f)):
            seen = {texts.get(e, "") for e in set(events[speakers == bare])}
            if not any(_other_place_before(bare, text, place) for text in seen):
                forms.merge(placed, bare)


def _names_no_person(name) -> bool:
    """True for a name of two words or more in which `framing.actors` reads no person ("Argus Leader",
    "Supreme Court"): a body's name."""
    return isinstance(name, str) and " " in name and not person_mentions(name)


def _join_town_across(forms, names, texts: dict[str, str]) -> None:
    """Join in `forms` (a DisjointSet), across the table, a body's name of two capitalised words or more
    (no person read in it, `_names_no_person`) and the same name after a town that is no listed place but that the table's texts write as a place:
    before a comma and a listed place, in any case ("SIOUX FALLS, S.D." of a dateline, "Del Rio, Texas"),
    or after that name and "of" ("the Argus Leader of Sioux Falls"): a body named with and without its
    town is one ("Sioux Falls Argus Leader"/"Argus Leader"). When the table writes the name after two
    towns, it joins neither. A listed place is `_join_place_across`'s."""
    proper = [n for n in names if _is_proper_name(n)]
    text = "\n".join(texts.values())
    for bare in (n for n in proper if _names_no_person(n)):
        placed = {n: n[:-len(bare)].strip() for n in proper if n.endswith(" " + bare)}
        towns = {town for town in placed.values() if len(town.split()) <= 3 and _as_place(town) is None}
        if len(towns) == 1 and len(set(placed.values())) == 1 and _written_as_town(towns.pop(), bare, text):
            for form in placed:
                forms.merge(bare, form)


def _written_as_town(town: str, name: str, text: str) -> bool:
    """True when `text` writes `town` as a place: before a comma and a listed place, in any case ("Sioux
    Falls, S.D.", "SIOUX FALLS, S.D."), or after `name` and "of" ("the Argus Leader of Sioux Falls")."""
    if re.search(rf"(?<![\w’'-]){re.escape(name)} of {re.escape(town)}(?![\w-])", text):
        return True
    after = rf"(?<![\w’'-])(?i:{re.escape(town)}),\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
    places = read_rules().places
    return any(m.group(1) in places or m.group(1).split()[0] in places or m.group(1).title() in places
               for m in re.finditer(after, text))


def _is_proper_name(name: str) -> bool:
    """True for a name whose words are capitalised but for small ones ("Supreme Court", "Centers for
    Disease Control and Prevention"); not a description ("government", "federal judge")."""
    words = name.split()
    return words[0][:1].isupper() and all(w[:1].isupper() or w in _SMALL_WORDS for w in words)


def _other_place_before(name: str, text: str, place: str) -> bool:
    """True when `text` writes `name` right after a place, country or nationality other than `place`
    (a key of `_place_of`), or after a word for a level below a country, with or without a possessive
    ("the Texas Supreme Court", "Pennsylvania's Supreme Court", "the state Supreme Court")."""
    rules = read_rules()
    for match in re.finditer(rf"((?:[\w.’'-]+\s+){{1,3}}){re.escape(name)}(?![\w-])", text):
        words = [re.sub(r"[’']s$", "", w) for w in match.group(1).split()]
        if words[-1].lower() in _BELOW_COUNTRY:
            return True
        for k in (3, 2, 1):
            before = " ".join(words[-k:])
            if (written := _as_place(before)) is not None:
                if _spelling(written) != place:
                    return True
                break
            if k == 1 and before in rules.adjectives and before[:1].isupper():
                return True  # "the Chinese Embassy": a nationality (a country's own forms are read above)
    return False


# an owner's description: "Joe Biden's administration", "Biden administration"
_OWNED = re.compile(r"^(?P<owner>(?:[A-Z][\w.-]*\s+)*[A-Z][\w-]*)(?P<possessive>[’']s?)?\s+(?P<what>[a-z][a-z ]*)$")


def _join_owners(forms, names) -> None:
    """Join in `forms` (a DisjointSet) an owner's description written with and without the possessive
    ("Joe Biden's administration"/"Biden administration", "Pelosi's office"/"Nancy Pelosi's office"):
    the same words after the owner, and the owners one person, the one with the possessive ending in
    the other's words; when the table's possessive forms give two owners of one surname ("George W.
    Bush's administration", "George H. W. Bush's administration") the form without one joins none."""
    owned: dict[str, list[tuple[str, str, bool]]] = {}
    for form in names:
        match = _OWNED.match(form)
        if match and match["owner"].split()[0] not in read_rules().function_words:
            owned.setdefault(match["what"], []).append((match["owner"], form, bool(match["possessive"])))
    for alike in owned.values():
        for owner, form, possessive in alike:
            if possessive:
                continue
            fuller = {(o, f) for o, f, p in alike if p and (o == owner or o.endswith(" " + owner))}
            if len({o for o, _ in fuller}) == 1:
                for _, other in fuller:
                    forms.merge(form, other)
