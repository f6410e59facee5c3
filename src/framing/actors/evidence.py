"""The evidence around the mentions of an actor (`[evidence]` of `actors.toml`; Mikheev, Moens &
Grover 1999): what says person ("X said he", a title, a role) and what says organisation ("X
shares", "X, which"), and the actors whose organisation evidence wins (`organisation_actors`)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..lexicons import load_data
from .english import also_written_in_lower_case, english_common_words
from .rules import DEFAULT_LEXICON, read_rules

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
    place_after: re.Pattern  # "Kowloon West district", "the Sierra Nevada mountains": a place
    place_apposition: re.Pattern  # "Mato Grosso and Para, two states where …": a place (1.19)
    kind_list: re.Pattern  # "oil companies such as X", "both law firms — X and Y": X is one of that kind
    place_before: tuple  # "the state of X", "University of North Carolina at X": read only after "of"/"at"
    weak_after: tuple  # "X said in a statement", "X cut its forecasts", "the X film" (1.19)
    weak_before: tuple  # "a spokesperson for X"
    weak_untitled: tuple  # "the X" (before, after): a name after an article, no title between, not a modifier
    plural_after: re.Pattern  # "X are": organisation evidence only when X opens no list
    given_names: frozenset  # opening given names: person evidence once per actor
    compass_points: frozenset  # "Kowloon West", "Wichita North": last words of a place's name
    listed_beside: tuple  # "X and Kim Kardashian", "Kim Kardashian and X": a person's name beside X in a list (1.19)
    regions: frozenset = frozenset()  # US states, countries that are no given name: "Virginia Piedmont", "Texas Monthly" (1.27)
    suffixes: frozenset = frozenset()  # "Jr.", "III": no word of a name's own (1.28)
    said: re.Pattern = re.compile(r"(?!)")  # "X said", "X told": a verb of saying right after a name (1.30)


# capitalised words, perhaps with their acronym in brackets ("Kata'ib Hezbollah (KH)"): one item of a list
_LISTED = r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*(?:\s+\([A-Z][A-Za-z.]{1,9}\))?"


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
        "product_nouns", "person_roles", "place_nouns", "media_staff", "place_nouns_after", "firm_staff",
        "work_nouns")}
    i = re.IGNORECASE
    possessive = r"(?:[’']s?)"
    kinds = _alternatives(read_rules(lexicon).descriptors)  # "company", "firm", "network" …
    campus = _alternatives(read_rules(lexicon).organisation_words)
    said = rf"\s+(?:{alt['reporting_verbs']})\s+(?:that\s+)?"  # not ", said his": a speaker after the verb
    between = r"(?:(?!(?:whose|which|that|who|its|their|and|or|said|says)\b)[\w’'.\-]+\s+){0,4}?"
    places = _alternatives(_plurals(data.get("place_nouns", ())))
    listed = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"  # the rest of a name in a list
    return Evidence(
        person_after=(re.compile(r",\s+who\b"), re.compile(rf"{said}(?:{alt['person_pronouns']})\b"),
                      re.compile(rf"{possessive}\s+(?:{alt['relatives']})\b", i)),
        role_after=re.compile(rf",\s+(?:(?:a|an|the)\s+)?{between}(?:{alt['person_roles']})(?:\s+(?:of|at|for|to|on)\b|[,.;:)])"),
        role_before=frozenset(data.get("person_roles", ())),
        org_after=(re.compile(rf",?\s+(?:{alt['company_forms']})(?![\w])"),
                   re.compile(rf",?\s+and\s+other\s+(?:{kinds})s?\b", i),  # "Cyber Ninjas and other subcontractors"
                   re.compile(rf"{possessive}?,\s+(?:a|an|the)\s+(?:(?!of\b)[\w-]+\s+){{0,4}}(?:{kinds})"
                              rf"(?:[,.;:)]|\s+(?:that|which|whose|based|in|with|for)\b)", i),
                   re.compile(rf"{possessive}?\s+(?:{alt['market_nouns']})\b", i),
                   re.compile(rf"{possessive}\s+(?:{alt['corporate_nouns']})\b", i),
                   re.compile(rf"\s+(?:{alt['product_nouns']})\b"),  # "Mozilla Web Developer documentation"
                   re.compile(rf"\s+(?:{alt['media_staff']})\b"),  # "a Clean Technica reporter"
                   re.compile(rf"\s+(?:{alt['firm_staff']})\b"),  # "Goldman Sachs analysts"
                   re.compile(r",?\s+(?:and|&)\s+Co\b"),  # "E.I. Du Pont De Nemours and Co.": a firm's name
                   re.compile(r"\s*[®™]"),  # "Don Victor® Honey": a registered brand
                   re.compile(r"\s+[A-Za-z]{1,3}\d"),  # "Intel Core i5", "Alienware AW3418DW": a product's model
                   re.compile(rf"{said}(?:it|its)\b"),
                   re.compile(r"\s+vs?\.\s"),  # "Roe v. Wade": a party named in a case's title
                   re.compile(r"\.?\s+\d")),  # "H. Res. 24", "Windows 11": a numbered thing

        which=re.compile(r",\s+which\b"),
        place_after=re.compile(rf"\s+(?:{alt['place_nouns_after']})\b"),
        place_apposition=re.compile(rf"(?:\s+(?:and|or)\s+{listed})?,\s+(?:a|an|the|two|three|four|five|both)\s+"
                                    rf"(?:[\w-]+\s+){{0,3}}?(?:{places})"
                                    rf"(?=[,.;:)]|\s+(?:where|that|which|whose|in|of|on|with)\b)"),
        kind_list=re.compile(rf"\b(?:{kinds})s?,?\s+(?:such\s+as|including|like|[—–])\s+"
                             rf"(?:{_LISTED}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){{0,4}}$"),
        org_before=(re.compile(rf"\b(?:{alt['roles_at']})\s+at\s+(?:the\s+)?$", i),
                    re.compile(rf"\b(?:{alt['term_markers']})\s+[“‘\"']?$", i),
                    re.compile(r"\svs?\.\s+$"),
                    re.compile(rf"\b(?:{alt['roles_of']})\s+of\s+(?:the\s+)?$", i),
                    re.compile(rf"\b(?:{kinds})[’']?,\s+$", i),  # "his rocket company, Blue Origin"
                    re.compile(rf"\b(?:{alt['data_nouns']})\s+(?:from|by)\s+(?:the\s+)?$", i),  # "data from Kaiser Permanente"
                    re.compile(rf"\b(?:{alt['data_verbs']})\s+by\s+(?:the\s+)?$", i),  # "economists surveyed by Dow Jones"
                    # "2016’s Star Trek Beyond": a year's work or event (not a decade's: "1960’s")
                    re.compile(r"(?<![\w.,])(?:1[5-9]|20)\d[1-9][’']s\s+$")),
        place_before=(re.compile(rf"\b(?:{alt['place_nouns']})\s+of\s+$"),  # "the state of Tamil Nadu"
                      re.compile(rf"\b(?:{campus})(?:\s+of(?:\s+[A-Z][\w.]*)+)?\s+at\s+$")),  # "University of … at Chapel Hill"
        weak_after=(re.compile(r",?\s+(?:said|says)\s+in\s+a\s+statement\b"),
                    re.compile(r"\s+[a-z]+\s+(?:its|itself)\b"),
                    re.compile(rf"\s+(?:{alt['work_nouns']})\b")),  # "the Star Trek film", "the Deepwater Horizon spill"
        weak_before=(re.compile(rf"\b(?:{alt['spokespeople']})\s+for\s+(?:the\s+)?$", i),),
        # … and the name not a modifier ("the Biden administration"); 1.19: "a"/"an" too ("a Home Depot in …")
        weak_untitled=(re.compile(r"\b(?:the|an?)\s+$", i),
                       re.compile(r"(?:[’']s?)?(?:\s*(?:[,.;:)”\"!?]|$)|\s+(?:and|or|in|on|at|to|for|with|from|by|as"
                                  r"|that|which|is|was|has|had|have|are|were|said|says)\b)")),
        plural_after=re.compile(rf"\s+(?:{alt['plural_verbs']})\b"),
        given_names=read_rules(lexicon).given_names - read_rules(lexicon).places,  # "America First" is no given name
        compass_points=frozenset(data.get("compass_points", ())),
        listed_beside=(re.compile(r"\s+(?:and|or)\s+(?P<given>[A-Z][a-z]+)\s+[A-Z][\w.-]*(?![\w’'])"),
                       re.compile(r"(?<![\w’'.-])(?P<given>[A-Z][a-z]+)(?:\s+[A-Z][\w.-]*){1,2}\s+(?:and|or)\s+$")),
        regions=_regions(lexicon), suffixes=read_rules(lexicon).suffixes,
        said=re.compile(rf"\s+(?:{alt['reporting_verbs']})\b"))


def _plurals(nouns) -> list[str]:
    """The nouns and their plurals ("state" → "states", "city" → "cities", "island" → "islands")."""
    out = []
    for noun in nouns:
        out += [noun, noun[:-1] + "ies" if noun.endswith("y") else noun + ("" if noun.endswith("s") else "s")]
    return out


_OPENING_QUOTES = ("“", "‘", '"', "'")
_QUOTED_ARTICLE = re.compile(r"[“‘\"']The\s+$")  # "''The Heidi Chronicles''": a work's title, "The" opening it
_CLOSING_QUOTE = re.compile(r"[,.!?]?[”’\"'](?!\w)")  # "a “Green Pass”", "‘America First’": a term, not a person
_AFTER_PREPOSITION = re.compile(r"\b(?:of|with|to|for|by|from|about|on|in|at|into|against|between)\s+(?:the\s+)?$")
_IN_A_LIST = re.compile(r"(?:\band|\bor|,|&)\s*$")
# A line that is a name and a price, as a shop's or a deals page's item ("Ring Indoor Cam for $60",
# "Amazon Echo Buds for $130"): a product on sale, not a person.
_PRICE_LINE = re.compile(r"\s+for\s+(?:just\s+|only\s+)?[$£€]\s?\d[\d,.]*\s*$")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\b")  # "companies such as Elon Musk's Tesla": the possessor is no such kind
WEAK = 0.5  # a weak organisation cue counts half a strong one
PLACE = 2.0  # a place noun after the name outweighs a listed given name ("the Sierra Nevada mountains")
WORK = 2.0  # a name in quotation marks opened by "The" outweighs a listed given name ("''The Heidi Chronicles''")


def mention_evidence(text: str, start: int, end: int, has_title: bool, evidence: Evidence) -> tuple[bool, float]:
    """(person evidence, organisation evidence) around one mention of a name: `start` where the
    mention starts (its title included), `end` where the name ends. See `[evidence]` in
    `actors.toml`; a strong organisation cue counts 1, a weak one `WEAK`, a place noun after the name
    `PLACE`."""
    after, before = text[end:end + 120], text[max(0, start - 60):start]
    if evidence.place_after.match(after) or evidence.place_apposition.match(after):
        return any(p.match(after) for p in evidence.person_after), PLACE
    person = any(p.match(after) for p in evidence.person_after)
    if _QUOTED_ARTICLE.search(before) and _CLOSING_QUOTE.match(after):
        return person, WORK  # "''The Scarlet Pimpernel''": a work's title, though a given name opens it
    org = float(any(p.match(after) for p in evidence.org_after) or any(p.search(before) for p in evidence.org_before)
                or (before.rstrip().endswith((" of", " at")) and any(p.search(before) for p in evidence.place_before))
                or any(_is_brand(w) for w in text[start:end].split())
                or (before.endswith(_OPENING_QUOTES) and _CLOSING_QUOTE.match(after) is not None)
                or (not text[:start].strip() and _PRICE_LINE.match(text, end) is not None)
                or (evidence.kind_list.search(before) is not None and _POSSESSIVE_AFTER.match(after) is None)
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


def listed_with_a_person(text: str, start: int, end: int, evidence: Evidence) -> bool:
    """True when "and" or "or" joins the mention to a name opening with a listed given name ("the likes
    of Kanye West and Kim Kardashian", "Kim Kardashian or Kanye West"): the items of a list are of one
    kind, so a name with no evidence of its own is read as a person's (1.19). It saves a name from the
    rules for names with no person evidence (a compass point last: "Kanye West"); it does not weigh
    against organisation evidence."""
    after = evidence.listed_beside[0].match(text, end)
    before = evidence.listed_beside[1].search(text[max(0, start - 60):start])
    return any(m is not None and m.group("given") in evidence.given_names for m in (after, before))


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
    `has_title`, `person_cue`, `org_cue` (and `role_cue`, `list_cue`, when present): person evidence
    is a mention with a title, a person cue or a role (`role_evidence`), plus one for an actor of two
    words or more opening with a listed given name; organisation evidence is the sum of `org_cue`.
    An actor that is one of `outlet_labels` (outlet labels written as a person's name,
    `author_labels`, or spelt by an outlet's web host) is an outlet unless it has person evidence,
    and so is a name ending in a compass point (`_named_after_a_compass_point`) a place. A mention
    joined by "and"/"or" to a person's name (`list_cue`, `listed_with_a_person`, 1.19) saves an
    actor from these rules for names with no person evidence, and weighs nothing against
    organisation evidence."""
    rows = found[found["actor"].notna()]
    cues = rows["has_title"] | rows["person_cue"] | (rows["role_cue"] if "role_cue" in rows else False)
    listed = (rows["list_cue"] if "list_cue" in rows else pd.Series(False, index=rows.index))
    listed = listed.groupby(rows["actor"]).any()  # a person's name beside it in a list (1.19)
    person = cues.groupby(rows["actor"]).sum()
    org = rows["org_cue"].groupby(rows["actor"]).sum()
    given = pd.Series({a: float(len(a.split()) > 1 and a.split()[0] in evidence.given_names) for a in person.index},
                      dtype=float)
    person = person.add(given, fill_value=0)
    unlikely = {a for a, n in person.items() if not n and not listed.get(a, False)
                and (a.split()[-1] in common_words or a in outlet_labels or _named_after_a_compass_point(a, evidence)
                     or _named_after_a_region(a, evidence) or _named_in_common_words(a, evidence))}
    return set(org.index[org > person]) | unlikely


def _regions(lexicon) -> frozenset:
    """The US states, and the countries that are no listed given name, of `actors.toml`'s places: US news
    writes a state's name far more often as the place than as a given name ("Virginia", "Georgia"),
    while "Chad", "Jordan" and "Asia" name people as often as places."""
    places = load_data(lexicon)["places"]
    return frozenset(places["us_states"]) | (frozenset(places["countries"]) - read_rules(lexicon).given_names)


def _named_after_a_region(actor: str, evidence: Evidence) -> bool:
    """True for a name whose first word or two are a US state or a country (`Evidence.regions`) with a
    word after them ("Virginia Piedmont", "Texas Monthly", "Sweden Teenage"): a region, a magazine, a body
    or a headline's words named after the place. Read only for actors with no person evidence (1.27):
    "Rep. Virginia Foxx" stays a person, and so does "Asia Bibi" (a given name that is a country)."""
    words = actor.split()
    return any(len(words) > k and " ".join(words[:k]) in evidence.regions for k in (1, 2))


def _named_in_common_words(actor: str, evidence: Evidence) -> bool:
    """True for a name of two words or more every one of which English also writes in lower case
    (`also_written_in_lower_case`; a suffix aside): "Red Cross", "Citizens United", "Amnesty International",
    "Whatever Apple", a body's or a thing's name made of common words. Read only for actors with no
    person evidence (1.28): a person's name of such words has a given name first or a title, a role or
    "he said" beside it ("Rep. Young Kim", "Mark Green", "Ice Cube said he …")."""
    words = [w for w in actor.split() if w not in evidence.suffixes]
    return len(words) > 1 and all(also_written_in_lower_case(w) for w in words)


def _named_after_a_compass_point(actor: str, evidence: Evidence) -> bool:
    """True for a name of two words or more ending in a compass point whose first word is no listed
    given name ("Kowloon West", "Wichita North", "Mountain West"): a place, or a school, a district or
    a conference named after one. Read only for actors with no person evidence."""
    words = actor.split()
    return len(words) > 1 and words[-1] in evidence.compass_points and words[0] not in evidence.given_names


# A body named in an apposition after a person's name (", commander of U.S. Central Command", ", the
# assistant chief of operations for Miami-Dade Fire Rescue"): up to five lower-case words, "of" /
# "at" / "for", then capitalised words.
_AFFILIATION_AFTER = re.compile(r",\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){1,5}?(?:of|at|for)\s+(?:the\s+)?"
                                r"(?P<body>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w’'.&-]*)*)")
# capitalised words holding an organisation word right before the mention ("U.S. Central Command Gen.
# Kenneth McKenzie")
_AFFILIATION_BEFORE = re.compile(r"(?<![\w’'.-])(?P<body>(?:[A-Z][\w’'.&-]*\s+)+)$")


def affiliation(text: str, start: int, end: int, name: str, rules) -> str | None:
    """The body a mention's own words tie the person to, as a key (lower case, no dots, no "the"):
    one named in an apposition after it (", head of U.S. Central Command") or capitalised words
    holding an organisation word right before the name and its titles ("U.S. Central Command Gen.
    Kenneth McKenzie", where the mention may hold the body's last word); None when neither is
    written, when it is one word ("the House"), or when it is a place (`rules.places`: ", a
    congresswoman of California" ties two sisters to one state, not one office)."""
    after = _AFFILIATION_AFTER.match(text, end)
    body = after.group("body") if after else None
    opening = text.find(name.split()[0], start, end) if name else -1
    window = text[max(0, start - 80):opening if opening >= 0 else start]
    if body is None and (before := _AFFILIATION_BEFORE.search(window)):
        words = before.group("body").split()
        while words and (words[-1] in rules.titles or words[-1].rstrip(".") in rules.titles):
            words = words[:-1]  # "Command Gen.": the title is the person's
        body = " ".join(words) if any(w in rules.organisation_words for w in words) else None
    if not body or body in rules.places or len(body.split()) < 2:
        return None  # one word ("House", "Senate") ties too many people to tell two of one surname apart
    return re.sub(r"\s+", " ", body.replace(".", "")).casefold()


# ── a word written alone: the evidence of its document ─────────────────────────────────────────

_QUOTED_SPAN = re.compile(r"[“\"][^”\"]*[”\"]|‘[^’]*’(?!\w)")
_PRONOUN = re.compile(r"(?<![\w’'-])(?:(?P<person>he|she|his|her|him|himself|herself)|(?P<thing>its|itself))(?![\w’'-])")
_SAID_IT = re.compile(r"\s+[a-z]+\s+(?:that\s+)?it(?!\w)")
_CAPITALISED = re.compile(r"(?<![\w’'.-])[A-Z][\w’'.-]*")
_AGE_AFTER = re.compile(r",\s+\d{1,3},")  # "Karroubi, 80, and …": a person's age in apposition
_PLACED = re.compile(r"(?<![\w’'-])(?:in|at|near|outside|inside|across)\s+$")  # "in Asheville", "at Burbio"
_POSSESSIVE_NEXT = re.compile(r"[’']s?(?!\w)")


def word_evidence(word: str, texts, *, lexicon: str | Path = DEFAULT_LEXICON) -> tuple[int, float]:
    """(person, organisation) evidence that the sentences `texts` of one document give for a capitalised word
    written alone (a surname on second reference, "Inhofe said"; a firm, "Nomura said"), read around each of
    its occurrences (actors 1.30); an occurrence opening a sentence of a word English writes in lower case,
    with no verb of saying after it, says nothing ("Often dubbed …"). Person: what `mention_evidence` and
    `role_evidence` read ("Blunt said he", "Lakely, the Heartland spokesman"), a title or honorific right
    before it ("Sen. Inhofe"), a relative right before it ("McCollum's sister Roice"), an age in apposition
    ("Karroubi, 80,"), and "he"/"she"/"his"/"her" as the first pronoun of the narration after it in its
    sentence, no capitalised word but a weekday, a month or an acronym between ("Hardiman said Wednesday that
    he does not plan"). Organisation: what `mention_evidence` reads ("X's CEO", "the Lancet"; not "X said it"
    nor "X said in a statement", which persons say too: "Inhofe said it wouldn't be immediate"), "its" as that
    first pronoun ("Audi has revealed the second production model in its"), a kind of body right before it
    ("Drugmaker Merck"), the word opening a body's name or written in brackets as a body's short name
    ("Rhodium" of "Rhodium Group", "Ocha" of "the UN Office for the Co-ordination of Humanitarian Affairs
    (Ocha)") or described as one in apposition ("Burbio, a New York-based data service"), and a preposition
    of place right before it with no possessive after ("in Asheville", "at Burbio"): a place's or a body's,
    never a person's."""
    evidence, rules = read_evidence(lexicon), read_rules(lexicon)
    relatives = tuple(p for p in evidence.person_after if "wife" in p.pattern)
    pattern = re.compile(rf"(?<![\w’'@#.-]){re.escape(word)}(?![\w@-])")
    person, organisation = 0, 0.0
    for text in texts:
        if not isinstance(text, str) or word not in text:
            continue
        for m in pattern.finditer(text):
            if _opens_as_a_common_word(text, m, evidence):
                continue
            before = text[max(0, m.start() - 60):m.start()]
            titled = _titled(before, rules)
            cue, org = mention_evidence(text, m.start(), m.end(), titled, evidence)
            if _SAID_IT.match(text, m.end()) or org < 1 and evidence.weak_after[0].match(text, m.end()):
                org = 0.0  # "said it", "said in a statement": a person does both ("Inhofe said it wouldn't be immediate")
            pronoun = _first_pronoun(text[m.end():], rules)
            person += int(cue or titled or role_evidence(text, m.start(), m.end(), evidence)
                          or _AGE_AFTER.match(text, m.end()) is not None or pronoun == "person"
                          or any(_relative_before(before, p) for p in relatives))
            organisation += org or float(pronoun == "thing" or _opens_a_body(text, m, rules) or _kind_before(before, rules) or (
                _PLACED.search(before) is not None and _POSSESSIVE_NEXT.match(text, m.end()) is None))
    return person, organisation


_POSSESSIVE_END = re.compile(r"[’']s?$")
# ", a New York-based data service": a lower-case noun ending an apposition, read against `organisation_words`
_BODY_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?P<noun>[a-z]+)(?=[,.;:)]|\s+(?:that|which|based|in|with|for)\b)")
_NEXT_WORDS = re.compile(r"(?:\s+(?:of|for|and|the|[A-Z][\w’'.&-]*)){1,4}")


def _opens_a_body(text: str, m: re.Match, rules) -> bool:
    """True when the word opens capitalised words holding an organisation word ("Rhodium Group", "Burbio Inc"),
    or stands in brackets after a name holding one ("… Humanitarian Affairs (Ocha)")."""
    words = _NEXT_WORDS.match(text, m.end())
    if words is not None and any(_POSSESSIVE_END.sub("", w.rstrip(",.;:")) in rules.organisation_words
                                 for w in words.group().split()):
        return True
    if (described := _BODY_APPOSITION.match(text, m.end())) is not None:
        return described.group("noun").capitalize() in rules.organisation_words
    if text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")":
        return any(w.strip(",.") in rules.organisation_words for w in text[max(0, m.start() - 100):m.start()].split())
    return False


def _opens_as_a_common_word(text: str, m: re.Match, evidence: Evidence) -> bool:
    """True when the word opens its sentence, English writes it in lower case (`english_common_words`) and no
    verb of saying follows it: a capital that says nothing ("Often dubbed the “Sage of Omaha” … his ability";
    "Blunt said he" stays)."""
    return (not text[:m.start()].strip(" \t\"“‘'([—–-") and m.group() in english_common_words()
            and evidence.said.match(text, m.end()) is None)


def _kind_before(before: str, rules) -> bool:
    """True when a noun for a kind of body (`descriptors`) stands right before, in either case ("Drugmaker
    Merck", "the drugmaker Merck")."""
    word = _word_right_before(before)
    return word is not None and word.lower() in rules.descriptors


def _titled(before: str, rules) -> bool:
    """True when a title or honorific of `titles` stands right before ("Sen. ", "Mr ", "senator ")."""
    word = _word_right_before(before)
    return word is not None and (word in rules.titles or word.rstrip(".") in rules.titles
                                 or word.capitalize() in rules.titles)


def _relative_before(before: str, pattern: re.Pattern) -> bool:
    """True when a noun for a relative stands right before ("McCollum's sister Roice", "his wife Jane")."""
    word = _word_right_before(before)
    return word is not None and pattern.match("'s " + word) is not None


def _word_right_before(before: str) -> str | None:
    """The last word of `before` when a space parts it from what follows ("Sen. " → "Sen."), else None."""
    words = before.split()
    return words[-1] if words and before[-1:].isspace() else None


def _first_pronoun(after: str, rules) -> str | None:
    """"person" or "thing": the first singular pronoun of the narration after a name in its sentence (quoted
    words left out), None when there is none or a capitalised word other than a weekday or month comes first
    (another name the pronoun may stand for)."""
    narration = re.split(r"[—–;:]", _QUOTED_SPAN.sub(" ", after))[0]  # "Shakir said — and its appeal …": an aside ends it
    pronoun = _PRONOUN.search(narration)
    if pronoun is None:
        return None
    if any(w.group() not in rules.breaks and w.group().rstrip(".") not in rules.breaks and not w.group().isupper()
           for w in _CAPITALISED.finditer(narration, 0, pronoun.start())):
        return None
    return "person" if pronoun.group("person") else "thing"
