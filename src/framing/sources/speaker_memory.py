"""Who a written speaker is, in the light of what the article said before.

`_Memory` holds what one article, read in order, has said about people and bodies: the speakers
and full names met (most recent last), the roles and the gender the text gives them anywhere in the
article (honorifics, gendered roles, pronouns: `article._genders_told`; a given name one sex holds almost
wholly only rules out a pronoun of the other sex, `_given_name_sex`), the bodies named and those that
spoke, the authors of documents, the pair of people opening a sentence. `_remember_names` and
`_remember_bodies` fill it from each sentence.

`_speaker` reads an attribution's `who` (from `attribution` or `clause_tags`) with it, through the
`_read_*` rules in turn: an office, a named group or a body; a document's issuer; a place (a country
written out speaks as its government: "China said") or unnamed people ("U.S. officials", flagged anonymous); "his spokesman"; "he" / "she" / "they" (the
last speaker whose gender fits, or the pair); "the president" (the last person written with that
role); a description ("the agency", "the complaint"); else a name, a surname alone being the full
name met earlier. A pronoun whose antecedent is named earlier in the same sentence takes the first
person named there (the subject before an object, as centering theory ranks them: Grosz, Joshi &
Weinstein 1995, `_antecedent`); a sentence that names one person gives a bare quote after it that
person (the single mention of Muzny et al. 2017, `_single_mention`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import _person_mentions, read_rules
from ..actors.english import _lexicon_tags
from ..actors.mentions import _is_number_word
from ..lexicons import load_data
from .attribution import _OFFICE_TO, _document_author, _listed_after, _office_patterns
from .name_kinds import (_GENERAL_BODIES, _INDEFINITE, _KINDS_OF_BODY, _NOT_SPEAKERS, _POSSESSIVE, _PRONOUNS,
                         _kind_of_body_noun, _body_after_the, _body_of, _countries, _initials, _is_place, _kind_of_body, _labels, _named_group,
                         _head_noun, _honorifics, _month_opens_name, _names_a_person, _newspaper_name, _opens_with, _outlets,
                         _split_label,
                         _titled_person, _without_owner)
from .patterns import (_CANDIDACY, _DAYS, _NAME, _OPENING_ADVERBIAL, _SPEAKER_ADVERBS, _lexicon, _party_words,
                       _without_trailing_day)
from .spans import _WORD, _title_case

_NOT_NAMES = _NOT_SPEAKERS - {"May", "August", "June", "April", "The", "A", "It", "In", "As", "So", "And"}  # "Come September"

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}

# Honorifics and roles that tell a person's gender (Mr. / Ms., "Congresswoman"); a given name only rules out
# a pronoun of the other sex (`_given_name_sex`).
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
        self.listed: dict[str, str] = {}  # a plural description → the first of the people a dash listed after it
        self.met_at: dict[str, int] = {}  # name → the last sentence that wrote it
        self.here: list[tuple[str, set[str], int]] = []  # the people of the sentence being read (`note_sentence`)
        self.reading_at = 0  # where the attribution being read starts in its sentence
        self.narration = ""  # the sentence being read, its quotes replaced (`note_sentence`)

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
        if _COMPOUND_ADJECTIVE.search(name):
            return  # "Republican-led states": an adjective, which no pronoun or description stands for
        for seen in (self.speakers, self.names) if speaker else (self.names,):
            if name in seen:
                seen.remove(name)
            seen.append(name)
        self.met_at[name] = self.sentence
        self.titles.setdefault(name, set()).update(_role_titles(role_words))

    def note_sentence(self, people: list[tuple[str, set[str], int]], narration: str = "") -> None:
        """Remember the people the sentence being read names, with their roles and where each is written,
        and the sentence itself (its quotes replaced), before its quotes are read."""
        self.here, self.reading_at, self.narration = people, 0, narration

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

    def only_person(self) -> str | None:
        """The one person the article has named so far (a given name and a surname), when it has
        named exactly one: a description of a person ("the 14-year-old", "New York's mayor") with
        nobody quoted and no name in a subject's place before it can mean no one else."""
        people = [n for n in self.names if len(n.split()) > 1 and n not in self.voices
                  and n.split()[0] in read_rules().given_names]
        return people[0] if len(people) == 1 else None

    def fits(self, name: str, gender: str | None) -> bool:
        """True when `name` may be the person a pronoun of `gender` ("m", "f" or None) stands for: of that gender
        or of none known, the text's word first (`genders`), else a given name one sex holds almost wholly
        (`_given_name_sex`: "she" is not Tom Udall; it never names anyone). "he" or "she" stands for a person,
        never for a news organisation (`_outlets`, `_newspaper_name`:
        "Bloomberg reported …, though he later asked") nor for a body that has spoken as one (`voices`)
        unless its name opens with a given name (a person whose name holds a word that also names a
        body: "Bill Roe")."""
        return gender is None or (self.genders.get(name, _given_name_sex(name) or gender) == gender
                                  and name not in _outlets() and not _newspaper_name(name.split())
                                  and (name not in self.voices or name.split()[0] in read_rules().given_names))

    def learn_gender(self, name: str, roles, narration: str, n_people: int) -> None:
        """Record a person's gender from an honorific or role ("Mr.", "Congresswoman"), or from the
        pronouns of a sentence that this person opens and that names nobody else (`n_people` is 1:
        "Jane Roe said her plan …"), unless the person's given name is one the other sex holds almost wholly:
        then the pronoun stands for someone the sentence does not name ("Wheeler's “…,” she said")."""
        if name in self.genders:
            return
        for role in roles:
            if (gender := _ROLE_GENDER.get(role.rstrip(".").lower())):
                self.genders[name] = gender
                return
        if n_people == 1:
            found = {_PRONOUN_GENDER[w.lower()] for w in _WORD.findall(narration) if w.lower() in _PRONOUN_GENDER}
            if len(found) == 1 and _given_name_sex(name) in (None, *found):  # "Andrew Wheeler's …," she said: not his
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

    def titled(self, title: str, *, guess: bool = False, nation: str = "") -> str | None:
        """The last person written with this role ("the president" → "President Joe Biden"; "former president"
        → the last written "Former President …", and "president" never one written so); with
        `guess` (a place's one office: "the US president"), else the last person when no role of
        theirs is known. With `nation` (a nationality adjective written before the title: "the Taiwanese
        president"), never a holder written with another nation's adjective ("Chinese President Xi"; 1.51)."""
        near = [n for n in self.near_holders(title) if not self.of_other_nation(n, nation)]
        if len(near) > 1:
            return None  # "Sen. John Doe met Sen. Mary Poe. “…,” the senator said": which one, the text does not say
        found = near[0] if near else next((n for n in [*reversed(self.speakers), *reversed(self.names)]
                                           if title in self.titles.get(n, ()) and not self.of_other_nation(n, nation)),
                                          None)
        last = (self.last_person() or self.only_person()) if guess and found is None else None
        return found or (last if last is not None and not self.titles.get(last) else None)


    def of_other_nation(self, name: str, nation: str) -> bool:
        """True when `nation` (a nationality adjective, or "") is given and `name` was written with another one."""
        nations = {a.lower() for a in read_rules().adjectives}
        return bool(nation) and bool((self.titles.get(name, set()) & nations) - {nation.lower()})

    def near_holders(self, title: str) -> list[str]:
        """The people holding `title` that the sentence being read or the one before names, one each: a
        title noun ("the senator said") refers back to the one person near it who holds that title (1.50)."""
        here = [n for n, roles, at in self.here if title in roles and at < self.reading_at]  # named before it
        before = [n for n, at in self.met_at.items() if at >= self.sentence - 1 and title in self.titles.get(n, ())]
        return list(dict.fromkeys(here + before))


@lru_cache(maxsize=1)
def _sexed_given_names() -> dict[str, str]:
    """Given names one sex holds almost wholly (`given_name_sexes.toml`, US Census 1990: at least 95 %), each with
    "m" or "f"."""
    data = load_data("given_name_sexes")
    return {**{n: "m" for n in data["male"]}, **{n: "f" for n in data["female"]}}


def _given_name_sex(name: str) -> str | None:
    """"m" or "f" when a full name opens with a given name one sex holds almost wholly ("Joe Biden" → "m"), else
    None (a surname alone, a name of either sex: "Jordan", "Pat"). Only ever rules out the person a pronoun of the
    other sex stands for (`_Memory.fits`); the text's own word (`_Memory.genders`) comes first."""
    words = name.split()
    return _sexed_given_names().get(words[0]) if len(words) > 1 else None


def _role_titles(role_words) -> set[str]:
    """The lower-case roles that role words written before a name give it: an abbreviated title as the role it
    stands for ("Gov." → "governor"); a title held before is kept as such ("Former President Donald Trump" is
    "the former president", not "the president"; 1.46)."""
    lexicon = _lexicon()
    before = "former " if any(_FORMER.fullmatch(w) for w in role_words) else ""
    return {before + lexicon.abbreviations.get(w, w) for w in (w.lower().rstrip(".") for w in role_words if w in lexicon.roles)}


def _sentence_people(narration: str, memory: _Memory) -> list[tuple[str, set[str], int]]:
    """(name, roles, where it is written) of each person a sentence names with a role before the name ("Sen.
    John Doe" → ("John Doe", {"senator"}, 4)), a surname alone as the full name met before; none for a
    headline in title case."""
    if _title_case(narration):
        return []
    people = []
    for roles, person, _ in _labels(narration):
        if not roles or not person or person[0] in _NOT_SPEAKERS:
            continue
        name = _POSSESSIVE.sub("", " ".join(person)).rstrip(".")
        at = narration.find(" ".join(person))
        if len(person) == 1:
            name = memory.known(name.rstrip(".’'")) or name
        people.append((name, _role_titles(roles), at if at >= 0 else len(narration)))
    return people


def _second_surname(name: str) -> str | None:
    """The second half of a double-barrelled surname ("Marjorie Taylor-Greene" → "Greene"), which
    news writes alone on later mentions; None when the surname is not hyphenated."""
    parts = name.split()[-1].split("-")
    return parts[-1] if len(name.split()) > 1 and len(parts) == 2 and parts[-1][:1].isupper() else None


# Kinds of body a general description picks out: "the company" is a firm, never an agency of a state
# or of states; a body whose name carries no word of either kind ("YouTube", "Acme Inc.") may be either.
_FIRMS = {"Company", "Corporation", "Corp", "Inc", "Firm", "Group", "Ltd", "LLC", "Holdings", "Bank"}
_PUBLIC_BODIES = {"Agency", "Department", "Office", "Administration", "Organization", "Organisation", "Service",
                  "Bureau", "Authority", "Ministry", "Commission", "Council", "Government", "Court", "Committee"}


def _of_kind(body: str, word: str) -> bool:
    """True when a body may be what a general description with head noun `word` ("Company",
    "Agency", "Group") stands for: its name's last kind word (before "of") is of the same kind
    (`_FIRMS` or `_PUBLIC_BODIES`), or it has none and is no party's or group's members ("House
    Democrats" are people: no "office" or "agency"); "the group" may be any body."""
    words = body.split(" of ")[0].split()
    if body.islower():  # "council", a body described, not named (`_head_alone`): its kind in lower case
        words = [w.capitalize() for w in words]
    kinds = [w for w in words if w.rstrip(".,") in _FIRMS | _PUBLIC_BODIES]
    if word == "Group":
        return True
    if not kinds:
        return not words or words[-1].casefold() not in _lexicon().members
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


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _name_word(token: str) -> str:
    """A word of a name as written, without a possessive or the period that ends the sentence after
    it; an initial keeps its own ("Donald J. Trump", "J.K. Rowling", not "Donald J Trump")."""
    word = _POSSESSIVE.sub("", token)
    return word if _INITIALS.fullmatch(word) else word.rstrip(".")


def _single_mention(narration: str, memory: _Memory) -> str | None:
    """The one speaker a sentence without quotes or attribution names, for a bare quote after it
    (the paragraph-level single mention of Muzny et al. 2017): the author of a document it
    introduces ("an opinion released by the Office of Legal Counsel"), else its only person
    (two name words or a title), else None."""
    author = _document_author(narration)
    if author:
        return author[1]
    people = {memory.full_name([_name_word(t) for t in person])
              for roles, person, _ in _labels(narration)
              if (len(person) >= 2 or roles) and person[0] not in _NOT_SPEAKERS}
    return people.pop() if len(people) == 1 else None


def _antecedent(before: str, memory: _Memory, pronoun: str) -> str | None:
    """The person a "he" / "she" stands for when the same sentence names one before it ("Rep. Jane
    Roe riled up her critics when she referred to …"): the first one named there whose gender fits
    (the subject before an object, as centering theory ranks them: Grosz, Joshi & Weinstein 1995),
    as the full name met before; this person is then the last speaker."""
    gender = _PRONOUN_GENDER[pronoun]
    before = _after_embed_credit(before)
    main = _after_opening_phrase(before)
    people = (_ranked_people(main, memory, gender) if main != before else []) or _ranked_people(before, memory, gender)
    people = [person for person in people if person != _whom_stands_for(before, memory)]
    if people:
        memory.meet(people[0], (), speaker=True)
    return people[0] if people else None


# a person's name, a comma and "whom" right before a pronoun ("… President Trump, whom he called")
_BEFORE_WHOM = re.compile(r",\s+whom\s*$")


def _whom_stands_for(before: str, memory: _Memory) -> str | None:
    """The person "whom" stands for when it ends `before` ("greetings from President Trump, whom he called
    …"): the object of the clause's verb, so never the one its subject pronoun stands for (English would
    write "himself"; 1.51). None when `before` does not end so or names nobody right before "whom"."""
    found = _BEFORE_WHOM.search(before)
    if found is None:
        return None
    labels = _labels(before[:found.start()])
    if not labels:
        return None
    roles, person, _ = labels[-1]
    if not before[:found.start()].endswith(person[-1]):
        return None
    return memory.full_name([_name_word(t) for t in person])


# a prepositional phrase opening a sentence, after a conjunction or not ("Yet in a meeting with Turkish President
# Recep Tayyip Erdogan, Obama …"), up to the comma before the main clause
_OPENING_PHRASE = re.compile(r"^\W*(?:(?:But|And|Yet|So|Still|Now)\s+)?"
                             r"(?:[Ii]n|[Aa]t|[Dd]uring|[Aa]fter|[Bb]efore|[Ww]ith|[Oo]n|[Aa]mid|[Uu]nder|[Dd]espite|"
                             r"[Ff]ollowing)"
                             r"\s[^,;:“”\"]{1,120},\s+")


def _after_opening_phrase(before: str) -> str:
    """The words after a prepositional phrase opening the sentence, where its main clause and subject
    begin: a person named inside the phrase ("in a meeting with …") is no subject, and a pronoun of the
    main clause stands for its subject first (centering's ranking, Grosz, Joshi & Weinstein 1995; 1.45).
    The words unchanged when no such phrase opens it."""
    found = _OPENING_PHRASE.match(before)
    return before[found.end():] if found else before


def _ranked_people(before: str, memory: _Memory, gender) -> list[str]:
    """The people of `before` a pronoun of `gender` may stand for, the subject first (`_antecedent`)."""
    people = []
    for roles, person, opens in _labels(before):
        name = memory.full_name([_name_word(t) for t in person])
        if (not roles and len(person) == 1 and not people and _surname_subject(person[0], before)
                and memory.fits(name, gender)):
            people.append(name)  # "Trump, who …, responded …: “…,” he said": the subject, however short (1.31)
            continue
        if (len(person) >= 2 or roles) and person[0] not in _NOT_SPEAKERS:
            memory.learn_gender(name, roles, "", 0)
            # the first full name, a verb after it or after its apposition ("Ted Cruz, Texas Republican, made"; 1.45)
            subject = not people and len(person) >= 2 and re.search(
                rf"{re.escape(' '.join(person))}(?:,\s+[^,;:“”\"]{{1,60}},)?"
                rf"\s+(?!(?:of|and|or|in|at|on|for|to|from|with|by|as)\b)[a-z]", before)
            # "who" stands for people: "Rep.-elect Jane Roe (D-N.Y.), who has made …" names a person
            who = re.search(rf"{re.escape(' '.join(person))}\s*(?:\([^()]*\))?,\s+who\b", before)
            if (roles or subject or who or name in memory.genders or name in memory.names) and memory.fits(name, gender):
                people.append(name)  # a person written with a role or met before ("Operation Warp Speed, she …" is not)
    return people


# the credit line that ends an embedded tweet: "— Jane Roe (@janeroe) July 31, 2018"
_EMBED_CREDIT = re.compile(r"[—–-]\s*[^()—–]{2,60}\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*")


def _after_embed_credit(before: str) -> str:
    """The words after the credit line of a tweet embedded in the text ("— Donald J. Trump
    (@realDonaldTrump) July 31, 2018 Leonard explained …"): the credit closes the tweet, and the
    article's own sentence starts after it, so its writer is no subject a pronoun stands for (1.33)."""
    credits = list(_EMBED_CREDIT.finditer(before))
    return before[credits[-1].end():] if credits else before


# a word opening a sentence (after a conjunction or an opening adverbial) then a relative "who" or a verb in
# lower case: its subject (what comes before the word, and after it)
_OPENING_SUBJECT = (r"^\W*(?:(?:But|And|Yet|So|Still|Now)\s+)?" + _OPENING_ADVERBIAL,
                    r"(?:\s*,\s+who\b|\s+(?:has\s+|had\s+|also\s+|since\s+)*(?!(?:of|and|or|in|at|on|for|to|from|with|by|as)\b)[a-z]+(?:ed|s)\b)")


def _surname_subject(word: str, before: str) -> bool:
    """True when one capitalised word opens the sentence as the subject of its main clause, a person
    ("Trump, who was …, responded", "But Yanez has since come to …, and told"): a pronoun later in the
    sentence stands for the subject before any name in a relative clause or an object (centering's
    ranking, Grosz, Joshi & Weinstein 1995); no place, body or outlet, and no word English also writes
    in lower case (TextBlob's lexicon: "Documents", "Keeping") unless "who" follows it, which stands
    for people."""
    word = _POSSESSIVE.sub("", word).rstrip(".")
    common = word.lower() in _lexicon_tags() and not re.match(rf"\W*{re.escape(word)}\s*,\s+who\b", before)
    if not word.isalpha() or common:
        return False  # "Documents released …", "Would-be customers": a common word, unless "who" follows
    if _is_place(word) or word in read_rules().organisation_words or word in _outlets() or word in _NOT_SPEAKERS:
        return False
    if re.search(_OPENING_SUBJECT[0] + re.escape(word) + _OPENING_SUBJECT[1], before):
        return True
    found = re.search(_OPENING_SUBJECT[0] + re.escape(word) + _IRREGULAR_VERB, before)
    return found is not None and _lexicon_tags().get(found.group("verb")) in _FINITE_TAGS


# a verb of any form after a one-word subject, or after its apposition opened in lower case ("Kerry drew criticism
# when he …", "Schulz, leader of the party, took aim at what he …"; 1.56): a past tense English writes
# irregularly ("drew", "took", "made") is a finite verb the lexicon knows, not a word in "-ed" or "-s"
_IRREGULAR_VERB = r"(?:,\s+[a-z][^,;:“”\"]{1,80},)?\s+(?P<verb>[a-z]+)\b"
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBN"})


# a plural description in lower case after "the" ("the church leaders"), where a dash may list its people
_PLURAL_DESCRIPTION = re.compile(r"\b[Tt]he\s+((?:[a-z][\w-]*\s+){0,2}[a-z]+s)(?=\s*[—–―-]\s)")


def _remember_listed(narration: str, memory: _Memory) -> None:
    """Remember a plural description whose people a dash lists by name ("the church leaders ― the
    Reverends Jane Roe and John Doe …"): the same description later ("The church leaders slammed …")
    stands for the same people, named by the first of them (labelling rules 1 and 6; 1.38)."""
    for found in _PLURAL_DESCRIPTION.finditer(narration):
        if (first := _listed_after(narration[found.end():])) is not None:
            memory.listed[found.group(1).lower()] = first


def _remember_names(narration: str, memory: _Memory, *, headline: bool = False) -> None:
    """Remember the personal names of a sentence: two or more capitalised words once role words
    are cut off ("Defense Secretary Pete Hegseth" → "Pete Hegseth"), or a surname already met."""
    if _title_case(narration):
        return  # a headline in title case ("Judge Blocks Texas Law"): its capitals name nobody
    _remember_bodies(narration, memory)
    _remember_listed(narration, memory)
    if (author := _document_author(narration)):
        memory.authors[author[0]] = memory.last_author = author[1]
    if (first := _joint_subject(narration)) is not None:
        memory.pair = (first, memory.sentence)
    labels = [(roles, _without_command(person) if opens and not roles else person, opens)
              for roles, person, opens in _labels(narration)]
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
        elif (len(person) == 1 and opens and not roles and not _POSSESSIVE.search(person[0])
              and memory.titles.get(surname := person[0].rstrip("."))):
            memory.learn_gender(surname, roles, narration, len(labels))  # "President Biden …", then "Biden … said he"
        elif len(person) == 1 and roles and person[0] not in _NOT_SPEAKERS:
            name = _POSSESSIVE.sub("", person[0]).rstrip(".")  # "President Biden", "Ms. Roe"
            memory.meet(name, roles, speaker=False)
            memory.learn_gender(name, roles, narration, len(labels) if opens else 0)
    if (described := _described_subject(narration, memory)) is not None:
        memory.meet(described, (), speaker=False)  # "The West Virginia senator came …": Manchin, not Biden (1.33)
        memory.subjects.add(described)


# "The" and up to three modifiers (a place, a party, an adjective), a role, then a verb: a description as subject
_DESCRIBED_SUBJECT = re.compile(r"^\W*The\s+(?:[\w.-]+\s+){0,3}?(?P<title>[a-z]+)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")


def _described_subject(narration: str, memory: _Memory) -> str | None:
    """The person a role description opening a sentence as its subject stands for ("The West Virginia
    senator came with …" after "Sen. Joe Manchin III … at the center of President Biden’s agenda"): the
    last person written with that role. The subject is the most salient entity of its sentence and
    the one a "he" in the next stands for first, before a name in a possessive that only modifies a
    noun (centering's ranking, Grosz, Joshi & Weinstein 1995). None when the sentence opens
    otherwise or no one of that role was named."""
    match = _DESCRIBED_SUBJECT.match(narration)
    if match is None or match.group("title") not in _lexicon().titles:
        return None
    if not _lexicon_tags().get(match.group("verb"), "").startswith("VB"):
        return None  # "The senator's office", "The president and …": no verb after the role
    return memory.titled(match.group("title"))


_PAIR_JOIN = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:,[^,]{1,30},)?\s+and\s+")  # "Jane Roe (D-CA), and "
PAIR_MAX_WORDS = 4  # words before two people that still open the sentence ("When", a dateline)



def _without_command(person: list[str]) -> list[str]:
    """A name opening a sentence without the verb of a command before it ("Stop Biden's … boondoggle"
    → "Biden's"): a word TextBlob's lexicon (Brill 1992) tags VB when capitalised is no given name."""
    return person[1:] if len(person) >= 2 and _lexicon_tags().get(person[0]) == "VB" else person


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
        if _opens_crowd(" ".join(words)) or _number_opens_name(words) or _month_opens_name(words):
            break  # "Thousands of Cubans": a count of people, the crowd's own words; "First Capital": a body's name
        words = words[1:]
    return " ".join(words)


def _number_opens_name(words: list[str]) -> bool:
    """True when a number word opens capitalised words that end in no plural ("said First Capital", "Second Harvest
    said"): the first word of a name, as `framing.actors` reads one inside a sentence (actors' `_is_number_word`),
    not a count ("Two Democrats") nor "First," opening a sentence (a comma ends `who` before it). Never "One",
    which opens an unnamed person or body as "a" does ("one local newspaper said"; 1.53) (1.54)."""
    return (words[0].lower() not in _INDEFINITE and _is_number_word(words[0])
            and all(w[:1].isupper() for w in words[1:]) and not words[-1].endswith("s"))


def _crowd_count(who: str) -> str | None:
    """The count of people and "of" `who` opens with (`crowds` in the data file, the longest first:
    "Thousands of Cubans", "tens of thousands of protesters"), in lower case; None for no crowd."""
    lowered = who.lower()
    return next((c for c in sorted(_lexicon().crowds, key=len, reverse=True) if lowered.startswith(f"{c} of ")), None)


def _opens_crowd(who: str) -> bool:
    """True when `who` is an unnamed crowd (`_crowd_count`)."""
    return _crowd_count(who) is not None


def _crowd_label(who: str) -> str:
    """A counted crowd as one label wherever it stands: its count in lower case, as an unnamed source is
    written ("Thousands of Cubans" at a sentence's start and "thousands of Cubans" after a quote alike)."""
    count = _crowd_count(who)
    return count + who[len(count):]


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
    if len(words) > 2 and " ".join(words[-2:]).lower() in _lexicon().documents:
        words = [*words[:-2], " ".join(words[-2:]).lower()]  # "a White House fact sheet": a noun of two words
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



# a noun and a participle joined by a hyphen ("Republican-led", "Iran-backed", "Texas-based"): an adjective, no name
_COMPOUND_ADJECTIVE = re.compile(r"\w-(?:[a-z]+ed|led|run|born|held|built|made)$")


def _speaker(found, memory: _Memory):
    """(speaker, label, verb, verb_text, stance, anonymous, pattern) from an attribution match,
    remembering the speaker. "he" / "she" / "they" is the last speaker (or the last person named
    when nobody has spoken yet); "the president" the last person written with that role; a surname
    alone the full name met earlier in the article; "X’s office" is the office."""
    if found is None:
        return None, None, None, None, None, False, "unattributed"
    memory.reading_at, who, verb_text, pattern, noun = found
    who = re.sub(r"\s*(?:\.{2,}|…)$", "", who)  # an excerpt cut after the name: "Judge..."
    if who.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr)\.$", who):
        who = who[:-1]
    who = _without_trailing_day(_without_trailing_adverb(who))
    lexicon = _lexicon()
    verb, stance = (("according to", "neutral") if verb_text == "according to"
                    else lexicon.forms.get(verb_text) or lexicon.document_forms.get(verb_text, (None, None)))
    if verb is None:  # the main verb of a sentence opened by a participle ("…, Biden opened the summit")
        verb_text = None
    if (agent := _AGENT_FOR.match(who)) and agent.group("agent").lower() in lexicon.agents:
        # "a spokesman for the senator", "lawyers for Jane Roe": unnamed people speaking for another
        memory.anonymous = agent.group("phrase").lower()
        return memory.anonymous, who, verb, verb_text, stance, True, pattern + "_agent"
    if (role := _ROLE_OF_BODY.fullmatch(who)) is not None and role.group("noun") in lexicon.nouns:
        # "the head of U.S. Central Command": a person speaking for a body is the person, named by the role
        # (labelling rule 7; 1.46)
        return role.group("role"), who, verb, verb_text, stance, False, pattern + "_role"
    if (outlet := _named_outlet(who)) is not None and not noun:
        # "the Associated Press reported", "according to NBC News": a news organisation cited as the source is
        # the speaker, as a body (its kind `outlet`; an article's own outlet is left out by `speaker_names`; 1.46)
        return outlet, who, verb, verb_text, stance, False, pattern + "_body"
    read = _read_body_or_group(who, noun, memory)
    if read is None:
        who = _without_openers(who)
        read = (_read_document_or_title(who, noun, memory) or _read_place_or_people(who, noun, found[1], memory, pattern)
                or _read_owned_role(who, memory) or _read_unnamed(who, memory) or _read_description(who, pattern, memory)
                or _read_name(who, noun, memory))
    speaker, label, anonymous, suffix = read
    if suffix == "_description" and verb in _REPLIES and speaker is not None and speaker == memory.last_person():
        # "Fezzik asks the man in black: “…?”" then "“Oh no,” replies the masked stranger": one replies to another,
        # so the description is not the one who spoke last; it names its own speaker (labelling rule 2; 1.50)
        speaker = _without_openers(who)[4:] if _without_openers(who).lower().startswith("the ") else None
    if not anonymous and _speaks_for_owner(speaker, label if isinstance(label, str) else who):  # "his lawyers said", "the senator's spokesman said"
        memory.anonymous = speaker
        return speaker, label, verb, verb_text, stance, True, pattern + "_agent"
    return speaker, label, verb, verb_text, stance, anonymous, pattern + suffix


# verbs of answering: who answers is another than the one answered
_REPLIES = frozenset({"reply", "respond", "answer"})


# adverbs of time and order that stand between a speaker and the verb ("the Pentagon now says", "the Arizona
# Republic first reported"): the verb's, never the last word of who speaks
# ("first" only here: before a noun it is an adjective, "Critics of Biden's first budget say")
_TRAILING_ADVERB = re.compile(r"(?<=\w)\s+(?:first|" + "|".join(_SPEAKER_ADVERBS) + r")$")


# roles of one who speaks for another: unnamed, an anonymous source (labelling rule 7), not the role as a name
_SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson"})

# a word that puts a title in the past ("Former President", "the ex-governor", "the late senator")
_FORMER = re.compile(r"(?:[Ff]ormer|[Ee]x|[Ll]ate|[Oo]netime|[Oo]ne-time)-?")

# a role in lower case and "of" before a body's capitalised name ("the head of U.S. Central Command")
_ROLE_OF_BODY = re.compile(r"(?:[Tt]he\s+)?(?P<role>(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)\s+(?:of|for)\s+(?:the\s+)?[A-Z].*)")


def _without_trailing_adverb(who: str) -> str:
    """`who` without an adverb of time or order at its end (`_TRAILING_ADVERB`), when a name or a noun is
    left before it ("the Pentagon now" → "Pentagon", "the Labor Department first" → "Labor Department", as
    the patterns read the name with no adverb; "the first" stays)."""
    cut = _TRAILING_ADVERB.sub("", who)
    if cut == who or cut.lower() in ("the", "a", "an"):
        return who
    name = re.sub(r"^[Tt]he\s+(?=[A-Z])", "", cut)  # "the Labor Department first": the name, as written without "first"
    return name if name != cut and all(w[:1].isupper() for w in name.split()) else cut


def _named_outlet(who: str) -> str | None:
    """The name of the news organisation `who` names, "the" dropped: an outlet or wire service
    `framing.actors` ships ("the Associated Press", "NBC News") or a newspaper's name (`_newspaper_name`:
    "the Sioux Falls Argus Leader"); None for anything else."""
    name = re.sub(r"^[Tt]he\s+", "", who.strip())
    words = name.split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    return name if name in _outlets() or _newspaper_name(words) else None


# who speaks for another, named by a noun of `agents` before "for" or "to" (`attribution._AGENT_BEFORE`)
_AGENT_FOR = re.compile(r"(?P<phrase>(?:(?:[Aa]n?|[Aa]nother|[Tt]he|[Oo]ne|[Tt]wo)\s+)?(?:[a-z][\w-]*\s+)?"
                        r"(?P<agent>[A-Za-z]+))\s+(?:for|to)\s")
# a noun owned by a name or a possessive pronoun, at the end of who speaks ("Obama’s spokesman", "his lawyers")
_OWNED_HEAD = re.compile(r"(?:[’']s?|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+(?:[a-z][\w-]*\s+)?[a-z]+$")


def _speaks_for_owner(speaker, who: str) -> bool:
    """True when the speaker read is a noun for someone who speaks for another (`agents` of the
    reporting verbs), owned by the one spoken for and not resolved to a name ("his lawyers",
    "President Obama’s spokesman"): an unnamed source (labelling rule 7), never the owner."""
    return (isinstance(speaker, str) and speaker.split()[-1].lower() in _lexicon().agents
            and _OWNED_HEAD.search(who) is not None)


# Each `_read_*` below gives (speaker, label, anonymous, suffix of the pattern name) for the `who`
# (and noun after it) of an attribution it knows how to read, remembering what it meets, else None.

def _read_body_or_group(who: str, noun, memory: _Memory):
    """An office, a named group, a listed unnamed group, a body or "it" as the speaker."""
    if _OFFICE_TO.search(who) and _office_patterns()[1].search(who):
        return who, who, False, "_role"  # "China's ambassador to Britain" (`attribution._office_of`)
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
        nation = owner if owner in read_rules().adjectives else ""  # "the Taiwanese president": not China's (1.51)
        return memory.titled(title, guess=True, nation=nation) or title, who, False, "_title"
    return None


def _read_place_or_people(who: str, noun, written: str, memory: _Memory, pattern: str = ""):
    """A place (which speaks for nobody, but a country before its verb through its government), or people named by
    the noun after `who`: unnamed ("U.S. officials", "a Taliban spokesperson") or a role ("NATO chief")."""
    lexicon = _lexicon()
    if who and _is_place(who) and noun in lexicon.anonymous:  # "Texas lawmakers said": a place's unnamed people
        memory.anonymous = f"{who} {noun}"
        return memory.anonymous, memory.anonymous, True, ""
    if who and _is_place(who) and not noun and memory.known(who) is not None:
        return None  # "Rep. Jim Jordan …" then "Jordan said": the surname of the person met, read as a name
    if (who and not noun and _speaks_as_government(who) and not pattern.startswith(("verb_name", "clause"))
            and (pattern.startswith("according_to") or not _INSIDE_PHRASE.search(memory.narration[:memory.reading_at]))):
        # "China said", "The United States said": its government; never after an inverted verb ("…, says Israel
        # “determined to continue”": the reported clause's subject), as a subject the tags guess, or inside a
        # longer phrase ("leaders of France, Germany and Italy claimed", "with Turkey acknowledging")
        return who, written, False, "_body"
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


# a word before a name that makes it part of a longer phrase: a preposition or a conjunction ("leaders of France,
# Germany and Italy", "with Turkey acknowledging"); a comma does not ("In a statement, China said")
_INSIDE_PHRASE = re.compile(r"\b(?:of|and|or|nor|with|without|in|into|from|to|for|at|by|on|about|against|between|"
                            r"among|out|than|as|like|over|under|toward|towards)\s+(?:[Tt]he\s+)?$", re.IGNORECASE)

# "America" names the nation, its people and its economy ("America has added back 16.7 million jobs", "America is
# back") far more often than its government, which news writes "the United States" or "the U.S."
_NATION_NOT_GOVERNMENT = frozenset({"America"})


def _speaks_as_government(who: str) -> bool:
    """True when `who` is a country written out alone ("China", "Russia", "United States" once "The" is cut): a
    country speaks through its government, as "the U.S." does (`speaker_names` names it "China government"); a
    state, a city or a capital ("Texas", "Beijing", "Washington"), and "America", speak for nobody."""
    return who in _countries() and _is_place(who) and who not in _NATION_NOT_GOVERNMENT


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


# a day and a part of it written after a noun ("a statement Thursday afternoon"): when, not who (1.49)
_WHEN_AFTER = re.compile(rf"(?:\s+(?:last|this|on))?\s+(?:{_DAYS.lower()})(?:\s+(?:morning|afternoon|evening|night))?$")


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
        if lowered in ("one", "another"):  # "“…,” said one.", "noted another": one unnamed person of a group (1.60)
            return lowered, who, True, "_indefinite"
        if len(words) < 2 or _WHEN_AFTER.sub("", lowered).split()[-1] in lexicon.documents:  # "a statement said",
            # "a statement Thursday afternoon thanking": nobody named (1.49)
            return None, who, False, "_description"
        if _kind_of_body_noun(lowered.split()[-1]):
            # "a German newspaper said", "one local hospital said": a body the text describes but does not name is
            # the head of its description (labelling rule 7), no unnamed person (1.54)
            return words[1], who, False, "_body"
        memory.anonymous = words[1]  # "a friend texted", "a New Yorker said": unnamed people
        return memory.anonymous, who, True, "_indefinite"
    if _opens_crowd(who):  # "Thousands of Cubans chanted"
        memory.anonymous = _crowd_label(who)
        return memory.anonymous, who, True, "_crowd"
    if lowered == "they" and memory.anonymous:  # "officials said …" then "they said"
        return memory.anonymous, who, True, "_pronoun"
    if lowered == "they" and memory.pair and memory.pair[1] >= memory.sentence - 2:
        # "Jane Roe and John Doe wrote a letter" then "they wrote": the two, given as the first named
        return memory.full_name(memory.pair[0].split()), who, False, "_pair"
    if lowered in _PRONOUNS:
        return memory.last_person(lowered), who, False, "_pronoun"
    if lowered.startswith("the ") and _newspaper_name(who.split()[1:]):
        return who[4:], who, False, "_body"  # "the Sioux Falls Argus Leader reported": a paper, no title
    if lowered.startswith("the ") and _body_of(who[4:]) and who[4:5].isupper():
        return who[4:], who, False, "_body"  # "the Department of Justice": a body's name, whole, no title
    if lowered.startswith("the ") and lowered.split()[-1] in lexicon.titles:
        title = lowered.split()[-1]  # the person named with it before, else the role ("the governor")
        before = "former " if any(_FORMER.fullmatch(w) for w in who.split()[1:-1]) else ""
        nation = next((w for w in who.split()[1:-1] if w in read_rules().adjectives), "")  # "the Taiwanese president"
        if (named := memory.titled(before + title, nation=nation)) is None and title in _SPEAKS_FOR:
            return title, who, True, "_title"  # "the spokesman said", named nowhere before: an unnamed source (1.47)
        return named or title, who, False, "_title"
    if any(_opens_with(lowered, a) or _opens_with(lowered, f"the {a}") for a in lexicon.anonymous):
        memory.anonymous = memory.anonymous if lowered.startswith("the ") and memory.anonymous else who  # as before
        return who, who, True, ""
    if _unnamed_kind(who):  # "Shipping workers warn": people named only by a kind, unnamed
        memory.anonymous = who
        return who, who, True, ""
    return None


def _unnamed_kind(who: str) -> bool:
    """True when `who` is a listed unnamed plural ("workers", "officials") after one word English
    also writes in lower case (a common word of TextBlob's lexicon, Brill 1992) that says what kind
    they are ("Shipping workers", "Hospital workers"), no name, place or nationality: people named
    only by what they do. Named groups ("Democratic senators") are read
    before (`_named_group`)."""
    words = who.split()
    plurals = {a.split()[-1] for a in _lexicon().anonymous if a.split()[-1].endswith("s")}
    if len(words) != 2 or words[1].lower() not in plurals or _POSSESSIVE.search(words[0]):
        return False
    first = words[0]
    lower_tag = _lexicon_tags().get(first.lower(), "NNP")  # a word English writes in lower case too
    return (first.islower() or not lower_tag.startswith("NNP")) and not (
        _is_place(first) or first in read_rules().adjectives)


def _read_description(who: str, pattern: str, memory: _Memory):
    """A description opened by "the": an unnamed official, a document's author, a body of that
    kind, nobody for a thing "according to" names owned by no person ("according to the state's
    finances website"), else the last person named ("the actor and activist said")."""
    if not who.startswith("the "):
        return None
    lowered = who.lower()
    if (listed := memory.listed.get(lowered[4:])) is not None:  # "the church leaders" listed by name before
        return listed, who, False, "_listed"
    lexicon = _lexicon()
    head = lowered.split()[-1]
    core = _head_noun(lowered)  # "the source on the call": a source
    if head in {a.split()[-1] for a in lexicon.anonymous} or core in {a.split()[-1] for a in lexicon.anonymous}:
        # "the official said", "the source on the call said": unnamed, as before when the same noun names them
        # ("the official" after "two senior officials"; "the majority of scientists" is not "a White House
        # official" met before: 1.37)
        if not (memory.anonymous and _same_noun(_head_noun(memory.anonymous.lower()), core)):
            memory.anonymous = who[4:]
        return memory.anonymous, who, True, "_anonymous"
    if head in lexicon.documents:  # "the complaint alleges": its author when the text named one
        return _described_document_author(lowered, head, memory), who, False, "_document"
    owners = [_POSSESSIVE.sub("", w) for w in lowered.split()[1:-1] if _POSSESSIVE.search(w)]
    if owners and owners[-1] in lexicon.titles and head.capitalize() in read_rules().organisation_words:
        # "the senator's office said": the office of the person the title names, never a body met before
        before = "former " if any(_FORMER.fullmatch(w) for w in lowered.split()[1:-2]) else ""
        owner = memory.titled(before + owners[-1])
        return (f"{owner}’s {head}" if owner else None), who, False, "_owned_body"
    if _plural_bodies(head) and not owners and all(w.islower() for w in who.split()[1:]):
        # "the campaigns announced": bodies in the plural, which no one body named before stands for; the
        # head of their description names them (labelling rules 6, 7; 1.31)
        return " ".join(w for w in who.split()[1:] if w.lower() not in lexicon.quantifiers), who, False, "_body"
    if head.capitalize() in read_rules().organisation_words or head in read_rules().descriptors:
        # "the agency said": the body named last (of that kind, for "the court"), else one the words before the head pick out
        # ("the Catalan justice department"; 1.31), else, for "the council" alone with no body of its kind
        # named, the head of the description as written (labelling rule 7; 1.37)
        return _described_body(memory, who, head) or _head_alone(who, head, pattern), who, False, "_body"
    if pattern.startswith("verb_name") and owners and core in lexicon.relations and owners[-1] in lexicon.titles:
        # "said the senator's wife": a person tied to the one the title names, never that one (before
        # the verb the description may stand in apposition to a name: "John Roe, the mayor's son, said")
        return f"{memory.titled(owners[-1]) or owners[-1]}’s {core}", who, False, "_relation"
    if (pattern.startswith("according_to") and owners and not _names_a_person(core, lexicon)
            and not any(_names_a_person(o, lexicon) for o in owners)):
        # the whole phrase after "according to" is the source ("the state's finances website"); as the
        # subject of a verb the description may be cut before its head ("the nation's top … expert said")
        return None, who, False, "_description"
    if not _may_name_a_person(who, core, lexicon):
        # "the panel's focus on him indicates", "according to the most recent data from …": a thing that is no
        # person, body or document, so no one the article named before (labelling rule 8: data with no issuer
        # gives none; 1.46)
        return None, who, False, "_description"
    person = memory.last_person() or (memory.only_person() if _names_a_person(core, lexicon) else None)
    if person is None and not owners and core == head and _one_role(core, lexicon):
        # "“…,” the inspector wrote." with nobody named before: one person picked out by a role, the role
        # (labelling rule 2), as "the governor" is when no governor was named; a party's member with the
        # place or body that says which ("the Texas Republican") written as the description
        return (who[4:] if core in _party_words()[1] else core), who, False, "_role"
    return person, who, False, "_description"


_AGE = re.compile(r"\d+-year-old$|-olds?$")  # "the 14-year-old", "the 78-year-old"


def _may_name_a_person(who: str, core: str, lexicon) -> bool:
    """True when the head noun of a description "the …" can stand for a person the article named: a
    role, a tie, an unnamed source or a noun made for people (`name_kinds._names_a_person`), a party's
    member or a place's native written with a capital ("the West Virginia Democrat", "the Texan"), an
    age ("the 14-year-old"). A thing ("focus", "impact", "data", "suit") stands for nobody who speaks."""
    if who.split()[-1].lower() in ("and", "or", "but"):
        return True  # "… laid out points from the report and asserted": the patterns cut a coordinated verb's subject short
    written = next((w for w in who.split() if w.lower() == core), core)
    if "-" in core.strip("-") and _may_name_a_person(who, core.split("-")[0], lexicon):
        return True  # "the president-elect", "the ex-senator": a person noun joined to another word
    return (_names_a_person(core, lexicon) or written[:1].isupper() or _AGE.search(core) is not None
            or core in _person_words())


@lru_cache(maxsize=1)
def _person_words() -> frozenset:
    """The lower-case nouns for a person of `people` in the reporting verbs' `[roles]`."""
    return frozenset(load_data("reporting_verbs")["roles"].get("people", ()))


def _described_document_author(lowered: str, head: str, memory: _Memory):
    """Who issued the document a description names ("the complaint", `head`): the body or the titled
    person its owner names ("the agency's report", "the president's statement"), else the author of a
    document of that name, else of the last document named ("A memo from the Office of Legal Counsel
    said …" then "the opinion said"), else a court that rules so."""
    owner = next((_POSSESSIVE.sub("", w).rstrip("’'") for w in lowered.split()[1:-1]
                  if _POSSESSIVE.search(w) or w.endswith(("’", "'"))), None)
    if owner and (owner.capitalize() in read_rules().organisation_words or owner in read_rules().descriptors):
        return memory.body(owner)
    if owner and owner in _lexicon().titles:
        return memory.titled(owner)
    return memory.authors.get(head) or memory.last_author or _court_of(head, memory)


def _same_noun(a: str, b: str) -> bool:
    """True when two lower-case nouns are one, in the singular or the plural ("official", "officials";
    "witness", "witnesses"): equal, or one the other's regular English plural (`_plural`)."""
    return a == b or _plural(a) == b or _plural(b) == a


def _plural(noun: str) -> str:
    """A noun's regular English plural: "-es" after a sibilant (s, x, z, ch, sh: "bus" → "buses",
    "press" → "presses"), else "-s" ("official" → "officials")."""
    return f"{noun}es" if noun.endswith(("s", "x", "z", "ch", "sh")) else f"{noun}s"


def _head_alone(who: str, head: str, pattern: str) -> str | None:
    """The head of a description that is "the" and one noun for a kind of body in the singular ("the council",
    "the company": `name_kinds._KINDS_OF_BODY` or a descriptor of `actors.toml`, not a word that is only part
    of bodies' names, "the law"), the subject before its verb: the text makes that body the speaker without naming it, so its
    description is its label (labelling rule 7, as a role is for a person: rule 2). None for anything
    longer or plural, and after an inverted verb ("said the island would not …": the reported clause's
    subject, not the speaker)."""
    return (head if _kind_of_body_noun(head) and who.lower() == f"the {head}" and not pattern.startswith("verb_name")
            else None)


def _plural_bodies(noun: str) -> bool:
    """True when a lower-case noun is the plural of a body's kind ("campaigns", "agencies", "committees"):
    an organisation word of `actors.toml` or a descriptor of a body, with the plural's "s" or "ies"."""
    if not noun.endswith("s") or len(noun) < 4:
        return False
    singular = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
    rules = read_rules()
    return singular.capitalize() in rules.organisation_words or singular in rules.descriptors


def _described_body(memory, who: str, head: str) -> str | None:
    """The body "the <words> <head>" stands for: the one the article named last of that kind, unless the
    description names its own with a capitalised word that body's name lacks ("the Catalan justice
    department" after "the United States": the Catalan one, `_qualified_body`); else the description."""
    named, described = memory.body(head), _qualified_body(who)
    if named and described and described[:1].isupper() and described.split()[0] not in named.split():
        return described
    return named or described


def _qualified_body(who: str) -> str | None:
    """The body a description names by the words before its head, when the first is a proper name or
    adjective or a noun naming its field, and any others are lower case ("the Catalan justice
    department", "the Chinese foreign ministry", "the health department"): English writes a state's or a
    nation's department so, and the words say which one it is (labelling rule 7, the head of its
    description as written, without "the"); else None ("the agency", "the new agency": which one the
    text said before, if at all)."""
    words = who.split()[1:]
    if (not 2 <= len(words) <= 4 or _POSSESSIVE.search(words[0])
            or not all(w.isalpha() and w.islower() for w in words[1:])
            or any(w.lower() in read_rules().function_words for w in words)):
        return None  # "the origins of the novel coronavirus": a phrase, no body's description
    if words[0][:1].isupper() or _lexicon_tags().get(words[0], "").startswith("NN"):
        return " ".join(words)  # "Catalan", or a noun naming the body's field ("the health department")
    return None  # "the new agency": an adjective says which one only with the text before


_ROLE_SUFFIX = re.compile(r"[a-z]{3}(?:or|ist|ian)$")  # inspector, columnist, historian: one person's role


def _one_role(noun: str, lexicon) -> bool:
    """True when a lower-case noun is a role of one person: a role or title of the reporting verbs' data, or
    a singular noun made with a suffix for people that no adjective ends in ("inspector", not "former"),
    also with "-elect" after it, the one chosen for the office ("president-elect"; 1.42)."""
    noun = noun.removesuffix("-elect")
    return (noun in lexicon.nouns or noun in lexicon.titles or bool(_ROLE_SUFFIX.search(noun))
            or noun in _party_words()[1] or noun in _CANDIDACY)


def _read_name(who: str, noun, memory: _Memory):
    """A name as written: a body's, else a person's (met and remembered). A nationality adjective
    alone ("Israeli bombs destroyed …") names nobody: it says whose, and its noun is missing."""
    if who in read_rules().adjectives and who not in _countries():
        return None, who, False, "_adjective"
    if _body_of(who) and not noun:  # "League of Conservation Voters said": the body, whole
        return who, who, False, "_body"
    roles, name_tokens = _split_label(_of_place(who.split()))
    name_tokens = _without_owner(name_tokens)  # "CBS’s Steven Portnoy": the reporter, not CBS
    name_tokens = _second_of_two_names(name_tokens)  # "Martin Nowack Lawrence Krauss": a credit run into a name
    return _read_body_name(who, noun, roles, name_tokens, memory) or _read_person(who, noun, roles, name_tokens, memory)


def _second_of_two_names(tokens: list[str]) -> list[str]:
    """The second of two full names written one after the other with nothing between them, each a listed given
    name and a surname that is none ("Martin Nowack Lawrence Krauss": a photo's credit or caption run into the
    sentence's subject): the one next to the verb is the subject (1.51). The tokens unchanged otherwise."""
    given = read_rules().given_names
    if (len(tokens) == 4 and all(t.isalpha() and t[:1].isupper() for t in tokens)
            and tokens[0] in given and tokens[2] in given and tokens[1] not in given and tokens[3] not in given):
        return tokens[2:]
    return tokens


def _read_body_name(who: str, noun, roles: list[str], name_tokens: list[str], memory: _Memory):
    """A body's name, a country's, or a title alone (the person last written with it), from the
    roles and name words of the label `who`; None when it names a person."""
    if (any(w.rstrip("’'s") in read_rules().organisation_words or w.islower() and w.capitalize() in
            read_rules().organisation_words for w in who.split()[1:]) and not noun
            and not _titled_person(roles, name_tokens)):
        return who, who, False, "_body"  # "People’s Bank of China said"
    if "of" in roles and len(name_tokens) <= 1 and not any(r in read_rules().titles for r in roles):
        return who, who, False, "_body"  # "South Korea’s Joint Chiefs of Staff"
    if not name_tokens and _newspaper_name(roles):
        return who, who, False, "_body"  # "according to the Sioux Falls Argus Leader": a paper, no title
    if not name_tokens and roles[-1].lower() in _lexicon().titles:  # "the South Carolina Governor said"
        title = roles[-1].lower().rstrip(".")
        nation = next((r for r in roles[:-1] if r in read_rules().adjectives), "")  # "the Taiwanese president" (1.51)
        return memory.titled(title, nation=nation) or title, who, False, "_title"
    if not name_tokens:  # a country or body ("the U.S. has confirmed"); a bare "Republican" or "Mr" is nobody
        body = (len(roles) == 1 and roles[0].rstrip(".") not in _honorifics()
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


def _clause_speaker(clause, memory: _Memory):
    """(speaker, label, verb, verb_text, stance, anonymous, pattern) of a `clause_tags._clause_attribution`, or
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
