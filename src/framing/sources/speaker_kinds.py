"""What a speaker is: the written name cleaned of what is no name, a poll's share read as the group it
counts, and each speaker's kind (a person, a news outlet, another organisation, a group, an anonymous
source).

Three rules that hold whatever the sentence and whatever the corpus calls its outlets:

- a name never carries a sentence stop inside it ("John Kirby. spokesperson" → "John Kirby"; an
  abbreviation's period, "Sen. Ted Cruz", is no stop), never holds a finite auxiliary ("the CDC is
  expected to" → "the CDC") and never ends in a word that needs another after it ("Xavier Becerra
  on" → "Xavier Becerra"): `clip_names`;
- a share of a group ("Fifty-one percent of Americans say", "A majority of voters said") is no one's
  name: the group after "of" speaks, or the poll's respondents when the share names none; unnamed
  people, so an anonymous source: `read_shares`;
- a news organisation (an outlet `framing.actors` ships, one of the corpus's own outlet names, or
  capitalised words ending with a word newspapers' names end with, "Anchorage Daily News") is a
  speaker of kind `outlet`, never a person, whether the corpus names its outlets by name or by lean
  ("Left", "Center", "Right"): `speaker_kinds`.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..actors import _person_mentions, author_labels, outlet_names, read_rules
from ..actors.english import _lexicon_tags, also_written_in_lower_case, english_common_words
from ..actors.evidence import word_evidence
from ..actors.rules import _JOINERS, people_of_a_place
from ..lexicons import load_data
from .name_kinds import _body_of, _head_noun, _names_a_person, _newspaper_name, _outlets
from .patterns import _lexicon, _name_words, _share, _share_words

SPEAKER_KINDS = ("person", "outlet", "organisation", "group", "anonymous")


@lru_cache(maxsize=1)
def _words() -> dict:
    """The `[shares]` table of the reporting-verb lexicon, its `[names]` word lists as sets, and Punkt's abbreviations."""
    abbreviations = {a for group in load_data("punkt")["abbreviations"].values() for a in group}
    return {"shares": _share_words(), "abbreviations": abbreviations, **_name_words()}


@lru_cache(maxsize=1)
def _roles() -> tuple[frozenset, frozenset]:
    """The lexicon's titles and nouns of roles ("senator", "spokesman"), as written and case-folded."""
    lexicon = _lexicon()
    roles = lexicon.titles | lexicon.nouns
    return frozenset(roles), frozenset(r.casefold() for r in roles)


# A period that ends a sentence inside a written name: after a word of two letters or more, then a space.
_STOP = re.compile(r"(?<![\w’'.-])(?P<word>[\w’'-]{2,})\.(?=\s+\S)")


def clip_name(name):
    """A written speaker without what is no part of a name: cut at a sentence stop (a period after a
    word that is no abbreviation of Punkt's lists, then a space), before a finite auxiliary, and
    without the lower-case words a name never ends in (`[names]` of the lexicon); None when nothing
    is left."""
    if not isinstance(name, str):
        return name
    words = _words()
    for stop in _STOP.finditer(name):
        if stop.group("word").casefold() not in words["abbreviations"]:
            name = name[:stop.start("word") + len(stop.group("word"))]
            break
    tokens = name.split()
    cut = next((i for i, token in enumerate(tokens) if i and token in words["auxiliaries"]), len(tokens))
    tokens = tokens[:cut]
    while tokens and tokens[-1] in words["never_last"]:  # in lower case: "Kim Yong On" keeps its name
        tokens.pop()
    return " ".join(tokens) or None


def clip_names(quotes: pd.DataFrame) -> pd.DataFrame:
    """Same rows, `speaker` and `speaker_label` as `clip_name` gives them."""
    return quotes.assign(speaker=quotes["speaker"].map(clip_name), speaker_label=quotes["speaker_label"].map(clip_name))


_OF_GROUP = r"\s+of\s+(?:(?:the|all|those|these)\s+)?"


@lru_cache(maxsize=1)
def _share_name() -> re.Pattern:
    """A name that is a share, with the group after "of" when written."""
    return re.compile(rf"^{_share()}(?:{_OF_GROUP}(?P<group>.+))?$", re.IGNORECASE)


def share_group(name) -> str | None:
    """The group a share of a group speaks for ("Fifty-one percent of Americans" → "Americans", "51%"
    → the lexicon's `respondents`), or None when `name` is no share."""
    if not isinstance(name, str):
        return None
    match = _share_name().match(name.strip())
    if match is None:
        return None
    return match.group("group") or _words()["shares"].get("respondents", "respondents")


@lru_cache(maxsize=1)
def _share_of() -> re.Pattern:
    """A share of a group anywhere in a sentence, up to the group ("70 percent of ")."""
    return re.compile(rf"(?<![\w-]){_share()}{_OF_GROUP}", re.IGNORECASE)


def _share_before(label, text) -> bool:
    """True when the sentence writes a share of the group right before the label ("70 percent of
    Americans say" for the label "Americans")."""
    if not isinstance(label, str) or not isinstance(text, str) or label not in text:
        return False
    return any(text.startswith(label, m.end()) for m in _share_of().finditer(text))


def read_shares(quotes: pd.DataFrame, texts: dict) -> pd.DataFrame:
    """Same rows: a speaker written as a share of a group (`share_group`), or as the group a share in
    its sentence counts ("70 percent of Americans say"), is that group, an anonymous source.
    `texts`: {(article_id, sentence_id): sentence text}."""
    groups = quotes["speaker_label"].map(share_group).fillna(quotes["speaker"].map(share_group))
    before = pd.Series([_share_before(label, texts.get((a, s))) for label, a, s in
                        zip(quotes["speaker_label"], quotes["article_id"], quotes["sentence_id"])],
                       index=quotes.index, dtype=bool)
    groups = groups.where(groups.notna() | ~before, quotes["speaker_label"])
    shared = groups.notna()
    return quotes.assign(speaker=groups.where(shared, quotes["speaker"]),
                         is_anonymous=quotes["is_anonymous"] | shared)


def is_news_organisation(name, outlets=()) -> bool:
    """True when a speaker names a news organisation: an outlet `framing.actors` ships (with or
    without "The"), one of the names `outlets` (the corpus's outlet labels) may be written as (a
    columnist's label, "Paul Krugman", excepted: `author_labels`), or two or more capitalised words
    ending with a word newspapers' names end with ("News", "Times", "Post"; `newspaper_words`) and no
    office before it and another such word before the last ("Sioux Falls Argus Leader"; "Senate Majority
    Leader" and "Emily Post" are people; `name_kinds._newspaper_name`, the rule the reading of "he" and
    "she" uses too), or holding the word "News" ("Xinhua News Agency", "Anchorage Daily News")."""
    if not isinstance(name, str):
        return False
    name = re.sub(r"^[Tt]he\s+", "", name.strip(" ."))
    if name in _outlets() or name in _corpus_outlets(tuple(outlets)):
        return True
    words = name.split()
    if len(words) >= 2 and "News" in words and all(w[:1].isupper() for w in words):
        return True  # "Xinhua News Agency", "News Nation"
    return all(w[:1].isupper() for w in words) and _newspaper_name(words)


@lru_cache(maxsize=8)
def _corpus_outlets(outlets: tuple) -> frozenset:
    """The names a corpus's outlet labels may be written as in text, without "The", less the labels
    that name a columnist or a host (`author_labels`)."""
    labels = outlet_names(outlets)
    return frozenset(re.sub(r"^The\s+", "", o) for o in set(labels) - author_labels(labels, read_rules()))


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]+")  # "FBI", "AT&T"; not initials, "P.J."


def _kind(speaker, anonymous: bool, people: frozenset, outlets, surnames: frozenset = frozenset(),
          document: tuple = (), table_evidence=lambda word: (0, 0.0)) -> str | None:
    """The kind of one speaker (`SPEAKER_KINDS`), None when there is none. `surnames`: the surnames of the
    persons its article names (`_surnames_by_article`); `document`: its article's sentences;
    `table_evidence`: a word's evidence in the whole table (`_one_word_kind`)."""
    if not isinstance(speaker, str):
        return None
    if anonymous:
        return "anonymous"
    if is_news_organisation(speaker, outlets):
        return "outlet"
    if speaker in people:
        return "person"
    words = speaker.split()
    lexicon = _lexicon()
    roles, folded_roles = _roles()
    rules = read_rules()
    if words[-1].islower() and words[-1] in _words()["outlet_nouns"]:
        return "outlet"  # "the newspaper", "German newspaper" (of "a German newspaper said"): a paper described
    if not speaker[:1].isupper():  # a description: "the president", "the newspaper", "the company", "drugmakers"
        if speaker.casefold() in _words()["outlet_nouns"]:
            return "outlet"
        if words[-1] in roles or _role_of_a_body(words, roles):
            return "person"  # "the president"; "head of U.S. Central Command", a person speaking for a body (1.46)
        if words[-1].endswith("s"):
            return "group"
        head = _head_noun(speaker)
        body = head.capitalize() in rules.organisation_words or head in rules.descriptors
        # "the masked stranger" a person; "the government", "the publisher" a body
        return "person" if _names_a_person(head, lexicon) and not body else "organisation"
    if speaker.casefold() in folded_roles:
        return "person"  # "CEO"
    head = speaker.split(" of ")[0].split()[-1]
    if head.islower() and head in roles or _office_after_possessive(speaker.split(" of ")[0].split(), rules):
        return "person"  # "Space Force commander", "Georgia's secretary of state": one person speaking for a body
    if words[-1].islower() and words[-1].endswith("s") or words[-1].casefold() in lexicon.members:
        return "group"  # "Democratic senators", "House Democrats", "NASA’s scientists"
    if people_of_a_place(speaker, rules):
        return "group"  # "South Dakotans", "New Yorkers": a place's people (actors 1.28)
    if (_body_of(speaker) or speaker in rules.organisations or speaker in lexicon.platforms
            or _ACRONYM.fullmatch(words[0]) or any(w in rules.organisation_words for w in words)):
        return "organisation"
    if len(words) == 1:  # a name framing found no person for: a given name or surname is a person's, else a body's
        if speaker in rules.given_names or speaker in surnames:
            return "person"  # "Greta"; "Hinds" where the article names Damian Hinds
        return "group" if _plural_noun(speaker) else _one_word_kind(speaker, document, table_evidence)
    named = all(w[:1].isupper() or w in _PARTICLES for w in words)
    return ("person" if named and not any(w in rules.newspaper_words for w in words) and _reads_a_person(speaker)
            else "organisation")


# A word written as a name: capitalised, letters only, perhaps a capital after a prefix, an apostrophe or a
# hyphen ("Inhofe", "LaHood", "O'Sullivan"); not a contraction ("We've"), a web host or an abbreviation
_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:['’-]?[A-Z][a-z]+)*[a-z]")
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m|s|t)$")


def _one_word_kind(word: str, document: tuple, table_evidence) -> str:
    """The kind of a capitalised word speaking alone that is no actor, no given name, no surname of its
    article and no plural (actors 1.30): a person or an organisation by the evidence of its document
    (`framing.actors.word_evidence`: "Blunt said he", "Sen. Inhofe", "Rhodium" of "Rhodium Group", "in
    Asheville"), else by the evidence of the whole table (`table_evidence(word)`: "Drugmaker Merck" in another
    article), and with none either way, or as much each way, a person when it is written as a name that English
    never writes in lower case ("Trippi", "Dubus"), else an organisation ("Deadline", "Splinter", "Name"). Read
    on labelled speakers (docs/actors.md, round 1.30): such a word is a surname far more often than a body's."""
    if _CONTRACTION.search(word):
        return "organisation"  # "We've", "I’m": no name (the kind it always had)
    for person, organisation in (word_evidence(word, document), table_evidence(word)):
        if person != organisation:
            return "person" if person > organisation else "organisation"
    named = _NAME_WORD.fullmatch(word) is not None
    return "person" if named and not also_written_in_lower_case(word) else "organisation"


def _role_of_a_body(words: list[str], roles) -> bool:
    """True for a role in lower case, up to two words before it ("former acting"), then "of" or "for" and
    what it serves: "head of U.S. Central Command", "former acting director for the Centers for Disease
    Control and Prevention", one person speaking for a body."""
    at = next((i for i, w in enumerate(words) if w in ("of", "for")), None)
    return at is not None and 1 <= at <= 3 and at + 1 < len(words) and words[at - 1] in roles


def _office_after_possessive(words: list[str], rules) -> bool:
    """True when a name ends in an office (`framing.actors`' titles) written after a possessive ("New York
    City's Comptroller", "Georgia's Secretary"; 1.28): the one person who holds it, capitalised or not. A
    plural is a group ("Ohio's Republicans")."""
    office = words[-1].casefold().rstrip(".") if words else ""
    return (len(words) >= 2 and re.search(r"['’]s?$", words[-2]) is not None
            and office in rules.offices and not office.endswith("s"))


@lru_cache(maxsize=4096)
def _reads_a_person(name: str) -> bool:
    """True when `framing.actors` reads a person's name in the words of a name alone (`person_mentions`:
    "America First Legal", a place before a function word, is a body's name or a slogan, 1.27) and the
    words themselves say a person (`_person_words`): the speaker is no actor, so none of the evidence
    `find_actors` weighs around a name speaks for it."""
    rules = read_rules()
    return any(_person_words(name.split(), m, rules) for m in _person_mentions(name, rules, rules.organisations))


_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}")  # "P.J.", "B."


def _person_words(words: list[str], mention, rules) -> bool:
    """True when the written words of a name are a person's by themselves (1.28): a title before the
    name, a listed given name that is no place or an initial before its last word ("Joel B. Pollak", "P.J.
    Fleck", "Public Ombudsman Nadia Cruz"), or no word but titles that English also writes in lower case
    (`also_written_in_lower_case`: "Reilly Opelka"; not "U.S. Census", "National Oceanic"). A body's name
    is made of common words ("Gun Violence Archive", "Suntory International"), and a surname that is one
    ("Tang", "Brown") is a person's with a given name before it; a name ending in a people's plural is
    none ("Houston Texans"). Stricter than `find_actors`, which weighs the evidence around every mention
    and makes no person only of a name all of whose words are common ("Red Cross")."""
    last = words[-1]
    if _lexicon_tags().get(last) == "NNPS" or people_of_a_place(last, rules):
        return False
    if mention.has_title or any(w in rules.given_names and w not in rules.places
                                or _INITIAL.fullmatch(w) and w not in rules.adjectives for w in words[:-1]):
        return True  # "U.S." is no initial
    return not any(also_written_in_lower_case(w) for w in words if w not in _PARTICLES and w not in rules.titles)


def _plural_noun(word: str) -> bool:
    """True for a capitalised word that is a plural English writes in lower case ("Viewers", "Plaintiffs")
    or a plural proper noun of TextBlob's lexicon (tag NNPS: "Americans", "Israelis"): people of a kind.
    A name ending in "s" is none ("Hinds", "Jones", "Gates": 1.27)."""
    return word.endswith("s") and (word in english_common_words() or _lexicon_tags().get(word) == "NNPS")


def _surnames_by_article(actors: pd.DataFrame) -> dict[str, frozenset]:
    """{article: the last words (no suffix) of the names of two words or more of the persons it names}:
    a one-word speaker among them is one of those persons, though which one is not said."""
    if not {"article_id", "actor"} <= set(actors.columns):
        return {}
    suffixes = read_rules().suffixes
    out: dict[str, set] = {}
    for article, actor in zip(actors["article_id"], actors["actor"]):
        words = [w for w in str(actor).split() if w not in suffixes]
        if len(words) >= 2:
            out.setdefault(article, set()).add(words[-1])
    return {article: frozenset(names) for article, names in out.items()}


_PARTICLES = _JOINERS - {"of", "the"}  # the particles of names ("de", "van", "bin") `framing.actors` reads in a run of names


def speaker_kinds(quotes: pd.DataFrame, actors: pd.DataFrame, texts: dict | None = None) -> pd.Series:
    """Each quote's `speaker_kind`: `anonymous` (`is_anonymous`), `outlet` (`is_news_organisation`,
    with the table's outlets), `person` (an actor of `actors`, the persons `framing.actors` finds,
    a role, also after the body it serves, "NATO chief", a lower-case description of a person, "the
    masked stranger", a surname of a person its article names, or two or more capitalised words naming no
    body), `organisation` (a body, a company, a platform, an acronym) or
    `group` (unnamed people of a kind written in lower case or as a plural, "respondents", "Democrats";
    one capitalised word only as a plural, `_plural_noun`); a description in lower case is the kind its
    noun names ("the newspaper" an outlet, "the president" a person, "the company" an organisation).
    None without a speaker. A one-word name that is none of these is a person or an organisation by the
    evidence of its article, then of the table, in `texts` ({(article_id, sentence_id): text}), and without
    any by how it is written (`_one_word_kind`, actors 1.30)."""
    people = frozenset(actors["actor"].dropna()) if "actor" in actors else frozenset()
    outlets = tuple(quotes["outlet"].dropna().unique()) if "outlet" in quotes else ()
    surnames = _surnames_by_article(actors)
    articles = quotes["article_id"] if "article_id" in quotes else pd.Series(None, index=quotes.index)
    documents: dict = {}
    for (article, _), text in (texts or {}).items():
        documents.setdefault(article, []).append(text)
    every_text, read = tuple((texts or {}).values()), {}

    def table_evidence(word):
        if word not in read:
            read[word] = word_evidence(word, every_text)
        return read[word]
    return pd.Series([_kind(s, a, people, outlets, surnames.get(art, frozenset()), tuple(documents.get(art, ())),
                            table_evidence)
                      for s, a, art in zip(quotes["speaker"], quotes["is_anonymous"], articles)],
                     index=quotes.index, dtype=object)
