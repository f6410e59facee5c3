"""What a written name names: a person (role words and name words), a body, a place, a group, or nobody.

Word classes read from the reporting-verb lexicon (`patterns._lexicon`) and the actor
rules of `framing.actors` (`actors.toml`), shared by the attribution rules, the memory of an article
and the resolution of speakers across outlets: pronouns and determiners; a label split into roles
and name ("Secretary of Defense | Pete Hegseth", `_split_label`); the runs of capitalised words that
name people, as `framing.actors` reads them (`_labels`); places; a body named by "the" and one word
("the Pentagon") or by a kind of body ("the Committee"); a group named as a whole ("Senate
Republicans", `_named_group`); and the words before a reporting verb that can never be its speaker
(`_not_a_speaker`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import _names_an_office, _person_mentions, headline_verbs, read_rules, title_as_surname
from ..actors.english import _lexicon_tags, also_written_in_lower_case, english_common_words
from ..lexicons import load_data
from .patterns import _INDEFINITE, _Lexicon, _lexicon, _party_words  # noqa: F401 (_INDEFINITE read from here too)
from .spans import _PLACEHOLDER, _TITLE_SMALL_WORDS

_PRONOUNS = {"he", "she", "they"}
_MONTHS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"})
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_NOT_SPEAKERS = {"The", "This", "That", "It", "In", "As", "A", *_WEEKDAYS, *_MONTHS,
                 "Today", "Yesterday", "But", "And", "So", "When", "While", "Yes", "No"}
_POSSESSIVE = re.compile(r"[’']s$")

# Words a headline in title case capitalises that no person's name holds after its first word
# ("World Leaders Try To Change Trump's Mind": "Try To Change Trump" is no name).
_HEADLINE_WORDS = frozenset({w.capitalize() for w in _TITLE_SMALL_WORDS - {"of", "the"}}
                            | {"From", "Into", "Over", "After", "Amid", "Against", "Is", "Are", "Was", "Were",
                               "Has", "Have", "Had", "Says", "Warns", "Urges", "Calls"})


def _body_of(name) -> bool:
    """True when a speaker is a body named by an organisation word right before "of" / "for" ("League of
    Conservation Voters", "Institute of Energy Economics and Financial Analysis"): no person is read
    in it (not "Jane Roe of the National Weather Service", whose body comes after "of", nor "Bank of
    America CEO Brian Moynihan", `_person_behind`)."""
    if not isinstance(name, str):
        return False
    head = re.split(r"\s(?:of|for)\s", name, maxsplit=1)
    return (len(head) == 2 and head[0].split()[-1] in read_rules().organisation_words  # "League| of"
            and not _person_behind(head[1].split()))


def _person_behind(tokens: list[str]) -> bool:
    """True when the words after a body's "of" end with a person named after a role ("Bank of |
    America CEO Brian Moynihan"): two capitalised words or more, no organisation word among them,
    read as a person's name."""
    rules, roles = read_rules(), _lexicon().roles
    for k, token in enumerate(tokens[:-2]):
        rest = tokens[k + 1:]
        if ((token in roles or token in rules.titles)
                and all(t[:1].isupper() and t not in rules.organisation_words for t in rest)
                and any(m.name == " ".join(rest) for m in _person_mentions(" ".join(rest), rules, rules.organisations))):
            return True
    return False


@lru_cache(maxsize=1)
def _outlets() -> frozenset:
    """Names of the news outlets `framing.actors` knows, less the platforms whose owners speak as
    companies ("Facebook said"), with and without "The": the owners cut off a reporter's label."""
    names = {n[4:] if n.startswith("The ") else n for n in set(read_rules().organisations) - _lexicon().platforms}
    return frozenset(names) | frozenset(f"The {n}" for n in names)


_GENERAL_BODIES = {"Agency", "Department", "Office", "Administration", "Organization", "Organisation", "Group",
                   "Company", "Corporation", "Service", "Bureau", "Authority"}

# Organisation words that name a kind of body, not one body, when written alone ("Government has
# announced", "the Committee said"); a word that is a body's own name ("Hamas", "Pentagon") is not here.
_KINDS_OF_BODY = _GENERAL_BODIES | {"Government", "Committee", "Court", "Council", "Board", "Commission", "Ministry",
                                    "Panel", "Tribunal", "Cabinet", "Regime", "Party", "Union", "Team", "Club",
                                    "Campaign", "Coalition", "Alliance", "Institute", "Center", "Centre", "Foundation",
                                    "Military"}


# kinds of body that never speak, though a name may be written after them ("hurricane Harvey")
_SPEECHLESS_KINDS = frozenset({"hurricane", "storm", "typhoon", "cyclone", "ship", "vessel"})


def _kind_of_body_noun(head: str) -> bool:
    """True when a lower-case noun names a kind of body in the singular ("council", "company", "newspaper":
    `_KINDS_OF_BODY` or a descriptor of `actors.toml`), not a word that is only part of bodies'
    names ("law", "research"), not "group" (a group of people as often as a body: "the group chanted", rule 5),
    and not a storm or a ship."""
    return ((head.capitalize() in _KINDS_OF_BODY or head in read_rules().descriptors)
            and head != "group" and not head.endswith("s") and head not in _SPEECHLESS_KINDS)


def _initials(name: str) -> str:
    """The capital initials of a body's name, small words skipped ("World Health Organization" →
    "WHO", "Joint Chiefs of Staff" → "JCS"); a word in capitals gives all its letters ("U.S. Army" → "USA")."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w.replace(".", "") if w.replace(".", "").isupper() else w[0] for w in words)


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


_DOCUMENT_VERB_SET = frozenset({"filed", "issued", "released", "published", "sent", "signed", "unveiled", "posted",
                                "wrote", "submitted"})


@lru_cache(maxsize=1 << 16)
def _labels(narration: str) -> tuple:
    """(role words, name words, opens the sentence) of each run of capitalised words, read once
    per distinct sentence (news repeats sentences across excerpts and outlets)."""
    rules = read_rules()
    out = []
    for m in _person_mentions(narration, rules, rules.organisations):  # persons as `framing.actors` reads them
        words = m.name.split()
        if _headline_run(narration[m.start:m.end].split()):
            continue  # "Try To Change Trump": a run of a title-case headline, no name
        roles = narration[m.start:m.end].split()[:-len(words)] if m.has_title else []
        more_roles, name = _split_label(words)  # role words the speaker rules know ("Journalist")
        if len(name) > 1 and name[-1] in headline_verbs():
            name = name[:-1]  # "Biden Vows a Crackdown …": a headline's verb after the name
        if name:
            out.append((roles + more_roles, name, not narration[:m.start].strip(" -•*")))
    return tuple(out)


def _kind_before_body(name: list[str], rules) -> bool:
    """True when a name opens with a capitalised noun for a kind of body ("Drugmaker Merck", "Automaker
    General Motors": `descriptors` of `actors.toml`, not a person's role nor a word of a body's name
    such as "Group" of "Group of Seven") and goes on with no listed
    given name: English sets a body's kind before its name as a title before a person's, so the name is
    the body's without it, and "the company" later stands for it."""
    return (len(name) > 1 and name[0].lower() in rules.descriptors and name[0].lower() not in rules.roles
            and name[0] not in rules.organisation_words and name[1] not in rules.given_names)


def _headline_run(words: list[str]) -> bool:
    """True when capitalised words are a stretch of a title-case headline, not a name: a word after
    the first that a headline capitalises and a name never holds ("Try To Change Trump", "Causing
    Wildfires By", "Biden Says")."""
    return any(w.rstrip(",:;") in _HEADLINE_WORDS for w in words[1:])  # an initial ("Mark A. Milley") is a name's


def _split_label(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(role words, name words) of a label: everything up to the last role word, "of" or "the"
    is the role ("Secretary of Defense | Pete Hegseth"); but a body or a country and one more word
    are one body's name, no role and a surname ("House Oversight", "U.S. Census", `_body_and_word`)."""
    roles, suffixes = _lexicon().roles, read_rules().suffixes  # "Joe Manchin III": a suffix, no body (1.33)
    cut = max((i + 1 for i, t in enumerate(tokens) if (t in roles and not _surname_after_given(tokens, i))
               or t.lower() in ("of", "the")
               or "-" in t and all(part in roles for part in t.split("-"))  # "Director-General"
               or len(t) > 1 and t.isupper() and t.isalpha() and not _suffix_of(tokens, i, suffixes)), default=0)  # "WHO"
    if _body_and_word(tokens[:cut], tokens[cut:]) or _nationality_of_a_body(tokens[:cut], tokens[cut:]):
        return [], tokens
    if _kind_before_body(tokens[cut:], read_rules()):
        cut += 1  # "Drugmaker Merck": the body's kind, then its name (1.37)
    return tokens[:cut], tokens[cut:]


def _nationality_of_a_body(roles: list[str], name: list[str]) -> bool:
    """True when a nationality alone opens capitalised words of a body's name, every word of which English also
    writes in lower case ("American Red Cross"; actors 1.30): the adjective belongs to the name, as "Red Cross"
    is a body's name by `framing.actors`' rule for such words, and no person's ("Chinese Xi Jinping")."""
    return (len(roles) == 1 and roles[0] in read_rules().adjectives and len(name) >= 2
            and all(w[:1].isupper() and also_written_in_lower_case(w) for w in name)
            and not any(w in read_rules().given_names for w in name[:1]))


def _surname_after_given(tokens: list[str], i: int) -> bool:
    """True when the role word at `i` is a surname by the actors' rule (`framing.actors.title_as_surname`,
    the speaker step's roles as its titles: "Steve King", "Rep. Steve King", "Mark Judge", "Martin Luther
    King Jr.", not "King Charles" nor "South Carolina Republican" nor "a Clinton Democrat"), or is a nationality adjective after an
    honorific with only a suffix after it ("Mr. French")."""
    rules = read_rules()
    if title_as_surname(tokens, i, rules, _lexicon().roles):
        return True
    return (0 < i and all(t in rules.suffixes for t in tokens[i + 1:])
            and _nationality_after_honorific(tokens[i - 1], tokens[i]))  # "Mr. French argues": a surname (1.51)


def _nationality_after_honorific(before: str, word: str) -> bool:
    """True when `word` is a nationality adjective ("French", `adjectives` of `actors.toml`) right after an
    honorific ("Mr.", "Ms."): English writes no adjective alone after one, so it is a surname (1.51)."""
    return word in read_rules().adjectives and before.rstrip(".") in _honorifics()


@lru_cache(maxsize=1)
def _honorifics() -> frozenset:
    """The honorifics of `framing.actors`' lexicon (`honorifics` of `actors.toml`), without their period
    ("Mr", "Dr", "Sir")."""
    return frozenset(h.rstrip(".") for h in load_data("actors")["honorifics"])


def _suffix_of(tokens: list[str], i: int, suffixes) -> bool:
    """True when the word at `i` is a suffix ending a person's name ("Joe Manchin III"), after a name
    word, not a body in capitals ("UPDATE II": no name before it) (1.33)."""
    return (tokens[i] in suffixes and i > 0 and not tokens[i - 1].isupper()
            and tokens[i - 1] not in _lexicon().roles)


def _body_and_word(roles: list[str], name: list[str]) -> bool:
    """True when the role words of a label are only a body's word or a country ("House", "Senate",
    "U.S.") and one capitalised word follows: a body's name ("House Oversight", "U.S. Census"), since
    a person is written after a title ("Speaker Pelosi"), never after a chamber or a country alone."""
    rules = read_rules()
    return (len(name) == 1 and bool(roles) and name[0][:1].isupper() and name[0] not in rules.given_names
            and all(r in rules.organisation_words or r in rules.places or r in _countries() for r in roles))


@lru_cache(maxsize=1)
def _countries() -> frozenset:
    """Countries as `actors.toml` lists them, with the abbreviations news writes ("U.S.", "UK")."""
    places = load_data("actors")["places"]
    return frozenset(places["countries"]) | frozenset(places.get("country_abbreviations", ()))


_PERSON_SUFFIX = re.compile(r"[a-z](?:er|or|ist|ian|ant|ent)s?$")  # reporter, senator, activist, physician


def _names_a_person(noun: str, lexicon: _Lexicon) -> bool:
    """True when a lower-case noun names a person: a role noun, a tie to another person ("wife") or an
    unnamed source of the data file, or a word made with a suffix for people ("reporter", "activist",
    "resident")."""
    return (noun in lexicon.heads or noun in lexicon.titles or noun in lexicon.relations
            or bool(_PERSON_SUFFIX.search(noun)))


# what may follow the head noun of a description ("a source | familiar with the talks", "the source | on
# the call")
_DESCRIBED_BY = re.compile(r"\s+(?:on|in|at|with|from|familiar|close|briefed)\b")


def _head_noun(description: str) -> str:
    """The head noun of a description: its last word before what describes it ("a source familiar with
    the proposal" → "source", "the source on the call" → "source")."""
    return _DESCRIBED_BY.split(description, 1)[0].split()[-1]


_DETERMINERS = {"a", "an", "another", "its", "his", "her", "their"}
_COMPASS = {"North", "South", "East", "West"}
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")  # "R-Ky.", "D-Calif."


def _opens_with(words: str, phrase: str) -> bool:
    """True when `words` open with the whole `phrase` ("people said", not "People’s Bank")."""
    return words.startswith(phrase) and not re.match(r"\w|[’']s\b", words[len(phrase):])


def _opening_adverb(word: str) -> bool:
    """True when a capitalised word is an adverb in "-ly" that English writes in lower case ("Certainly",
    "Notably", "Finally"): TextBlob's lexicon tags it RB (Brill 1992), and no name ends so there ("Kelly",
    "Beverly" are not in it)."""
    return (word.endswith("ly") and word[:1].isupper() and word in english_common_words()
            and _lexicon_tags().get(word.lower(), "").startswith("RB"))


def _opening_past_participle(word: str) -> bool:
    """True when a capitalised word in "-ed" is a past form that English writes in lower case ("Faced",
    "Asked", "Pressed"): TextBlob's lexicon tags it VBN or VBD (Brill 1992). Opening a sentence it opens a
    participial clause ("Faced with protests, she declared …"), whose subject comes after its comma; no name
    ends so in that lexicon ("Jared", "Fred", "Ahmed" are not in it)."""
    return (word.endswith("ed") and word[:1].isupper() and word in english_common_words()
            and _lexicon_tags().get(word.lower(), "") in ("VBN", "VBD"))


# Words of time that open a sentence capitalised: a day's name or an adverb of time ("Tuesday brought …",
# "Late last night, he …"), never a speaker's name (months are left out: "May said" is Theresa May; 1.51)
_TIMES = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                    "Late", "Early", "Earlier", "Later", "Yesterday", "Today", "Tonight"})


def _not_a_speaker(who: str, noun: str | None, lexicon: _Lexicon) -> bool:
    """True when the words before a reporting verb cannot be its speaker: a function word opening
    the sentence ("If that deadline is reached, …", "Those individuals must …"), a party tag
    ("R-Ky."), a quoted span ("the drug “…” they said"), a possessive without its noun ("branded
    Harris’s comments"), or a word between name and verb that is neither an adverb, a role, an
    anonymous source nor a document ("Examples include claims that …"); after a possessive any noun
    may stand ("Netanyahu’s office said")."""
    words = who.split()
    if _PLACEHOLDER in words or _PARTY_TAG.fullmatch(who.rstrip(".,")) or who[:1].isupper() and _headline_run(words):
        return True
    rules = read_rules()
    if (_POSSESSIVE.search(words[0]) and _POSSESSIVE.sub("", words[0]) in rules.function_words
            or words[-1].rstrip(".,") in rules.breaks or words[-1] in rules.breaks):
        return True  # "It's Jan. 30": a sentence opener and a date, not a name
    if len(words) == 1 and who.lower() not in _PRONOUNS | {"it"} and (who in read_rules().function_words or who in _COMPASS):
        return True  # "If …", "South says" (a country named by its half)
    if len(words) == 1 and _opening_adverb(who):
        return True  # "Certainly, “…”, said Jane Roe": a sentence adverb, not a name (1.35)
    if len(words) == 1 and who in _TIMES:
        return True  # "Tuesday brought the latest bad news …", "Late last night, he issued …": when, not who (1.51)
    if len(words) == 1 and _opening_past_participle(who):
        return True  # "Faced with protests, she declared …": a participle, not a name (1.39)
    if _POSSESSIVE.search(who):  # "Harris’s comments": the owner of a noun, which must follow
        return noun is None
    if noun is None or any(_opens_with(who.lower(), a) for a in lexicon.anonymous):
        return False  # "a person familiar with the talks said"
    if words[0].lower() in _DETERMINERS:  # "a press release posted"; "a Taliban spokesperson said" speaks
        return not (words[0].lower() in _INDEFINITE and noun in lexicon.nouns)
    return noun not in lexicon.heads and not noun.endswith("ly")  # "explicitly stated"


def _without_owner(tokens: list[str]) -> list[str]:
    """A person's name without the owner written before it ("CBS’s Steven Portnoy", "Fox News’
    Tucker Carlson" → "Steven Portnoy", "Tucker Carlson"): a possessive inside a label followed by
    two name words or more, none of them an organisation word."""
    cut = max((i + 1 for i, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t) or t.endswith(("’", "'"))),
              default=0)
    rest, owner = tokens[cut:], re.sub(r"(?:[’']s?)$", "", " ".join(tokens[:cut]))
    if cut and len(rest) >= 2 and owner in _outlets() and not any(t in read_rules().organisation_words for t in rest):
        return rest
    return tokens


def _titled_person(roles: list[str], name_tokens: list[str]) -> bool:
    """True when a label is roles followed by a personal name of two words or more ("White House
    Press Secretary Jen Psaki", "US District Judge Robert Pitman"): a person, though an
    organisation word stands in the roles."""
    rules = read_rules()
    return (len(name_tokens) >= 2 and bool(roles) and roles[-1] in _lexicon().roles
            and not any(t.rstrip("’'s") in rules.organisation_words for t in name_tokens))


def _kind_of_body(who: str) -> bool:
    """True when a speaker is "the" and a word for a kind of body or a party's members ("the
    Committee", "The Court", "the Democrats"): which one is left to the text around it."""
    words = who.split()
    return (len(words) == 2 and words[0] in ("the", "The") and words[1] in read_rules().organisation_words
            and (words[1] in _KINDS_OF_BODY or words[1] in read_rules().titles))


def _after_the(who: str) -> bool:
    """True when "the" and one capitalised word name a kind of body or one body (`_kind_of_body`,
    `_body_after_the`)."""
    return _kind_of_body(who) or _body_after_the(who)


def _body_after_the(who: str) -> bool:
    """True when a speaker is "the" and one capitalised word that is no kind of body, role, party
    or place ("the Pentagon said", "the Taliban said", "said the Kremlin"): English puts no article
    before a person's name, so the word names one body."""
    words = who.split()
    if len(words) != 2 or words[0] not in ("the", "The") or not words[1][:1].isupper():
        return False
    word, rules = words[1], read_rules()
    return not (_kind_of_body(who) or _POSSESSIVE.search(word) or word.endswith(("’", "'"))
                or word in _lexicon().roles or word in rules.titles or word in rules.adjectives
                or word in rules.function_words or word in _NOT_SPEAKERS or _is_place(word.rstrip(".,")))


# words after which a month is a time, not a given name ("in April", "since May", "last June")
_BEFORE_A_MONTH = re.compile(r"\b(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Tt]hrough|[Oo]f|[Dd]uring|[Bb]efore|[Aa]fter|"
                             r"[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id|[Tt]hat|[Ee]ach|[Ee]very)[\s-]+$")


def _month_opens_name(words: list[str], before: str = "") -> bool:
    """True when the words of a speaker open with a month that is also a given name (`_MONTHS` and
    `given_names`: "April", "May", "June", "August") and a capitalised surname after it that is no
    word that stops a speaker, function word, organisation word or place, with no word of time written
    before them (`before`, the text before the speaker): the person's given name ("“…!” said journalist
    April Ryan", "June Smith"), not a time ("in April Congress said", "In April, …"; 1.58). Other words
    that stop a speaker and are given names too ("In", "So", "Sunday") never open a name so (1.59: the
    attribution's copy of this rule took any given name), and one rule serves the attribution and the
    speaker's reading (`speaker_memory._without_openers`)."""
    rules = read_rules()
    return (len(words) >= 2 and words[0] in _MONTHS and words[0] in rules.given_names and words[1][:1].isupper()
            and words[1] not in _NOT_SPEAKERS and words[1] not in rules.function_words
            and words[1] not in rules.organisation_words and not _is_place(words[1])
            and _BEFORE_A_MONTH.search(before) is None)


def _time_opens(words: list[str], before: str = "") -> bool:
    """True when a weekday or a month opens two capitalised words or more and is no given name of the
    person named (`_month_opens_name`): a time written before the speaker ("Sunday Pelosi said", "In
    April Congress said"), not part of the speaker's name (reporting verbs 1.59). Not before an organisation
    word ("Sunday Times", a newspaper's name)."""
    return (len(words) >= 2 and (words[0] in _WEEKDAYS or words[0] in _MONTHS) and words[1][:1].isupper()
            and words[1] not in read_rules().organisation_words and not _month_opens_name(words, before))


def _is_place(who: str) -> bool:
    """A US state, country, capital or large city (as written or in capitals, "WASHINGTON")."""
    places = read_rules().places
    return who in places or (who.isupper() and who.title() in places)


def _newspaper_name(words: list[str]) -> bool:
    """True when written words are a newspaper's name as `framing.actors` reads one in a run of
    capitalised words (`newspaper_words`): the last word is one papers end with, no title or office
    word comes before it, and another such word that is no title does, or, when the last word is no
    title either, a place ("Sioux Falls Argus Leader", "Anchorage Daily News", "Washington Post";
    "Senate Majority Leader", "House Republican Leader", "the South Carolina Republican" and "Emily
    Post" are people). The one rule for both readings: a speaker of kind outlet
    (`speaker_kinds.is_news_organisation`) and a name "he" or "she" never stands for
    (`speaker_memory._Memory.fits`)."""
    rules = read_rules()
    if len(words) < 2 or words[-1] not in rules.newspaper_words:
        return False
    before = words[:-1]
    if _names_an_office(before, rules):
        return False
    if any(w in rules.newspaper_words and w not in rules.titles for w in before):
        return True
    return words[-1] not in rules.titles and (any(w in rules.places for w in before) or " ".join(before) in rules.places)


def _named_group(who: str, noun: str | None) -> str | None:
    """A group named as a whole, as written ("Democratic senators", "Senate Republicans",
    "Republican leaders", "Group of Seven leaders"), or None: a plural of office-holders or party
    members (`members` in the data file) after capitalised words only (a party, chamber, body or
    body; "of", "and", "for" between them), not opened by a word for a part of it (`part`:
    "Some Democratic senators", "Two Republican lawmakers" are unnamed people). A place's
    office-holders ("U.S. senators", "Texas lawmakers") are some of them, and a listed unnamed group
    opening a sentence ("Local leaders") is unnamed: anonymous. So are office-holders after a
    nationality adjective ("French ministers", `adjectives` of `actors.toml`)."""
    lexicon = _lexicon()
    words = re.sub(r"\s*\([^()]*\)", "", who).split() + ([noun] if noun else [])
    if words[:1] == ["The"]:
        words = words[1:]
    if len(words) == 1 and words[0][:1].isupper() and words[0].lower() in lexicon.members and words[0].lower()[:-1] in _party_words()[1]:
        return words[0]  # "Democrats say they will accept …": a party's members named as a whole (1.46)
    if len(words) < 2 or words[-1].lower() not in lexicon.members or words[0].lower() in lexicon.part:
        return None
    before = words[:-1]
    if not before[0][:1].isupper() or not all(w[:1].isupper() or w in ("of", "and", "for") for w in before):
        return None
    adjectives = read_rules().adjectives  # of nationality ("U.S.", "French"), in `actors.toml`
    if (" ".join(words).lower() in lexicon.anonymous or _is_place(" ".join(before))
            or any(_is_place(w) or w in adjectives for w in before)):
        return None  # "Local leaders" (a listed unnamed group), "U.S. senators", "Texas lawmakers": some of them
    return " ".join(words)
