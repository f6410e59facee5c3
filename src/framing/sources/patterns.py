"""The reporting-verb lexicon and the attribution patterns compiled from it.

`_lexicon()` reads `src/framing/data/reporting_verbs.toml` (reporting verbs and their stance,
neutral or evaluative; role words; anonymous phrases; nouns for documents) once and compiles the
regular expressions of an attribution in the quote's own sentence, a rule-based attribution in the
spirit of Pouliquen, Steinberger & Best (2007) and Pareti (2016): "NAME said", "said NAME", "NAME,
role, said", "“…,” NAME said", "NAME said: “…”", "according to NAME" or to a document, a document's
author, whoever calls a quoted word so, is prompted to say it or claims it. `attribution` runs them;
the fragments of a name and a time here serve its own patterns too.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicons import load_data
from .spans import _PLACEHOLDER

# a name: capitalised words, perhaps joined by a particle ("Ursula von der Leyen") or with an Arabic article
# joined by a hyphen in lower case ("Bashar al-Assad", "Abdel Fattah el-Sisi"; 1.34)
_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:(?:of|the|de|von|van|der|al|bin|da|di)\s+)?(?:(?:al|el|ad|ash|as|at|az|ar)-)?[A-Z][\w’'.\-]*)*"
# what opens a description in apposition to a name: "the", a possessive pronoun, or a name's possessive
# ("Britain's former foreign minister, Boris Johnson"; 1.55)
_DESCRIPTION_OPENER = r"(?:the|his|her|their|its|[A-Z][\w.\-]*(?:’s|'s|’|'))"
_NOT_INDEFINITE = r"(?!(?:A|An|Another)\s|The\s+[a-z])"  # an article opening a sentence opens no name
# the words that open an unnamed person ("a health official", "one senior insider"; 1.53) and the pattern of
# one of them, capitalised or not
_INDEFINITE = ("a", "an", "another", "one")
_INDEFINITE_WORD = "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(_INDEFINITE, key=len, reverse=True)) + ")"

# Verbs whose agent, after "by", names or judges what the quoted span says ("described by critics as").
_PASSIVE_VERBS = ("called|described|dubbed|labeled|labelled|branded|termed|characterized|characterised|hailed|"
                  "decried|condemned|celebrated|praised|touted|criticized|criticised|denounced|derided|dismissed|"
                  "billed|framed|portrayed|seen|viewed|regarded")

# A word that opens a clause: "critics on Thursday when she referred …" ends the anonymous source
# at "Thursday".
_NOT_CLAUSE = r"(?!(?:when|who|whom|which|that|he|she|they|we|him|them|us|and|but|after|before|while|as|because|if)\b)"

# Lower-case nouns after a name that make it a body the name's owner leads ("the Biden administration")
_OWNED_BODIES = "administration|government|campaign|team|office"
# A preposition never ends a speaker or stands between a speaker and its verb ("appealing to voters in
# part by accusing …": "by" opens the means, and "voters" are not who accuses).
_PREPOSITIONS = "by|to|of|in|on|at|for|with|from|as|into|about"

# Words that open an adverbial clause: never the noun between a speaker and its verb ("… the equivalent of war
# while calling for …": "while calling" hangs on the clause's subject, not on "war"; 1.37)
_SUBORDINATORS = "while|when|whilst|after|before|because|since|though|although|until|unless|whereas|once|if"

# What may stand between a speaker and the verb: a time ("Biden on Friday claimed", "this week
# said", "A headline from 1989 read"), the occasion or medium of the words ("Jane Roe, …, in an interview
# called", "in a statement said", "on Twitter wrote"; 1.45) and auxiliaries or adverbs of time ("has
# repeatedly said").
_OCCASIONS = ("interview|statement|speech|letter|tweet|post|email|e-mail|op-ed|essay|column|memo|"
              "press release|press conference|news conference|briefing|hearing|debate")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WHEN = (r"(?:\s+(?:on|this|last|late|early|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
         r"Sunday|week|month|year|morning|afternoon|evening|night|[A-Z][a-z]+\.?\s+\d{1,2})"
         # "a friend Thursday said" (1.50); not after a participle, whose day it is ("a report released Wednesday")
         rf"|(?<!ed)\s+(?:{_WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?"
         r"|\s+(?:in|from)\s+(?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d"
         rf"|\s+(?:in|during|at)\s+(?:an?|the|his|her|their|its)\s+(?:[a-z][\w-]*\s+)?(?:{_OCCASIONS})"
         r"|\s+on\s+(?:Twitter|Facebook|Instagram|X|Fox|CNN|MSNBC)"
         # "Mr. Trump at the time called Price …": a phrase pointing to the time spoken of (1.53)
         r"|\s+(?:at\s+(?:the|that)\s+time|at\s+one\s+point|back\s+then))?")
# a day, with the part of it, after a name or noun and before the verb ("a friend Thursday said", "Rescuers
# Monday afternoon said"): when the words were said, never part of who said them
_TRAILING_DAY = re.compile(rf"(?<=[\w.])\s+(?:{_WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?$")


def _without_trailing_day(who: str) -> str:
    """`who` without a day name at its end (`_TRAILING_DAY`) when a word is left before it (1.50)."""
    cut = _TRAILING_DAY.sub("", who)
    return who if cut.lower() in ("", "the", "a", "an") else cut


# A phrase of time opening a sentence before its subject, with its comma ("On Monday morning, however,",
# "Earlier Monday,", "Last week,"): an adverbial, not the subject
_OPENING_TIME = (rf"(?:(?:(?:On|Earlier|Later|Late|Early|Last|This|By|Then|On\s+the\s+(?:morning|evening|night)\s+of)\s+)?"
                 rf"(?:{_WEEKDAYS}|today|yesterday|week|month|year|morning|afternoon|evening|night|"
                 rf"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{{1,2}})?)"
                 rf"(?:\s+(?:morning|afternoon|evening|night))?,\s+(?:(?:however|meanwhile|too|though|then),\s+)?)?")
# An adverbial opening a sentence before its subject, up to its comma: a phrase of time or place, a
# subordinate clause or a participle's ("Last week,", "Early in the campaign,", "While making the
# prediction,"; 1.42)
_OPENING_ADVERBIAL = (r"(?:(?:After|Although|As|At|Because|Before|Despite|During|Early|Earlier|If|In|Last|Late|Later|On|"
                      r"Once|Since|Though|Until|When|While|[A-Z][a-z]+ing)\b[^,;:“”\"]{0,100},\s+)?")
# adverbs of time and manner that stand between a speaker and the verb ("Kirby earlier said"; 1.47): read past
# here, and cut from the end of who speaks by `speaker_memory._TRAILING_ADVERB`
_SPEAKER_ADVERBS = ("also", "already", "since", "later", "then", "again", "previously", "repeatedly", "once", "publicly",
                    "formally", "reportedly", "earlier", "initially", "originally", "recently", "now", "still", "just",
                    "subsequently", "ultimately", "finally", "eventually", "separately", "privately", "officially")
_AUXILIARIES = ("has|have|had|did|does|" + "|".join(_SPEAKER_ADVERBS) + "|"
                r"has also|have also|had also|will|would|(?:is|are|was|were)\s+(?:(?:expected|set|due|scheduled)\s+)?to|"
                r"went on to|goes on to|(?:is|are|was|were)\s+quoted\s+as")  # "is expected to say", "was quoted as saying"
# ("Hinds is to tell headteachers": "be to" and a verb is a future of what is planned, as "will"; 1.52)


class _Lexicon(NamedTuple):
    forms: dict  # form as written → (lemma, stance)
    patterns: list  # (pattern name, compiled regex)
    subject: re.Pattern  # a person opening the sentence, later followed by a reporting verb
    anonymous: list  # anonymous phrases, lower case
    roles: frozenset  # capitalised role words cut off a label to give the name
    nouns: frozenset  # lower-case role nouns after a body's name ("NATO chief")
    documents: frozenset  # lower-case nouns for what someone wrote ("proclamation", "report")
    heads: frozenset  # nouns that may stand between a name and its verb (roles, anonymous, documents)
    titles: frozenset  # lower-case roles that stand for a person already named ("the president")
    staff: frozenset  # lower-case roles between a body's name and a person's ("CNN anchor Jake Tapper")
    abbreviations: dict  # abbreviated title → the role it stands for ("gov" → "governor")
    version: str
    crowds: tuple = ()  # counts that open a crowd, lower case ("thousands" of …)
    members: frozenset = frozenset()  # plurals of office-holders whose named group speaks ("senators")
    part: frozenset = frozenset()  # words opening a part of a group, not the whole ("some", "two")
    quantifiers: frozenset = frozenset()  # words counting unnamed people, dropped from their name ("some")
    document_forms: dict = {}  # forms of verbs only a document takes ("the statement read") → (lemma, stance)
    relations: frozenset = frozenset()  # nouns for a person by their tie to another ("wife", "son")
    platforms: frozenset = frozenset()  # platforms whose owners speak as companies ("Facebook said")
    agents: frozenset = frozenset()  # nouns for people who speak for another ("spokesman", "lawyers")


@lru_cache(maxsize=4)
def _lexicon(name: str = "reporting_verbs") -> _Lexicon:
    """The reporting-verb lexicon `name` read from its data file, with its patterns compiled."""
    data = load_data(name)
    forms = _verb_forms(data)
    document_forms = {form: (verb, "neutral") for verb in data.get("document_only", ())
                      for form in _forms_of(verb, data)}
    anonymous = sorted(data["anonymous"]["phrases"], key=len, reverse=True)
    titles = frozenset(data["roles"]["titles"])
    speaker = _speaker_pattern(titles, anonymous)
    documents = frozenset(data["roles"].get("documents", ()))
    people = {a.split()[-1].lower() for a in anonymous if a.split()[-1].endswith("s")}  # "officials", "aides"
    patterns = [*_verb_patterns(speaker, forms, frozenset(data["inverted"]["verbs"]), people),
                *_source_patterns(speaker, documents, forms),
                *_naming_patterns(speaker, data["roles"].get("claims", ()), document_forms, documents)]
    nouns = frozenset(data["roles"].get("nouns", ()))
    heads = nouns | documents | {a.split()[-1].lower() for a in anonymous}
    return _Lexicon(forms, patterns, _subject_pattern(forms), [a.lower() for a in anonymous],
                    frozenset(data["roles"]["words"]), nouns, documents, heads, titles, titles | nouns,
                    dict(data["roles"].get("abbreviations", ())), str(data["version"]),
                    tuple(data["anonymous"].get("crowds", ())), frozenset(data["anonymous"].get("members", ())),
                    frozenset(data["anonymous"].get("part", ())), frozenset(data["anonymous"].get("quantifiers", ())),
                    document_forms, frozenset(data["roles"].get("relations", ())),
                    frozenset(data["roles"].get("platforms", ())), frozenset(data["roles"].get("agents", ())))


def _forms_of(verb: str, data: dict) -> list[str]:
    """The forms of `verb` as written: its irregular forms listed in `data`, else the regular ones."""
    return data.get("irregular", {}).get(verb) or _regular_forms(verb)


def _verb_forms(data: dict) -> dict[str, tuple[str, str]]:
    """Every form of the neutral and evaluative reporting verbs → (lemma, stance)."""
    forms: dict[str, tuple[str, str]] = {}
    for stance in ("neutral", "evaluative"):
        for verb in data[stance]:
            for form in _forms_of(verb, data):
                forms[form] = (verb, stance)
    return forms


# verbs after which "one" or "another" standing alone is their subject ("And another wrote: “…”")
_ALONE_VERBS = ("said", "says", "wrote", "writes", "added", "adds", "noted", "notes", "told", "tweeted", "posted",
                "commented", "asked", "replied", "responded", "wondered", "joked", "quipped", "complained")


def _speaker_pattern(titles: frozenset, anonymous: list[str]) -> str:
    """The regex (group `who`) of who may speak: a name, a pronoun, a role, a description, an
    anonymous phrase, an unnamed person opened by "a"."""
    # "A Beijing official", "An Army spokesman": an unnamed person, never a name opened by "A"
    return (rf"(?<![\w’'.-])(?P<who>(?:{_NOT_INDEFINITE}{_NAME}|the\s+[a-z]+)[’']s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_alternatives(titles)})\b|"
            rf"{_NOT_INDEFINITE}{_NAME}|[Hh]e|[Ss]he|[Tt]hey|it(?=\s)|"
            rf"[Tt]he\s+(?:[a-z]+\s+)?(?:{_alternatives(titles)})\b|"
            rf"(?:the\s+|The\s+(?=[a-z]))(?:{_NOT_CLAUSE}[\w’'-]+\s+(?:and\s+)?){{0,3}}?(?!(?:{_SUBORDINATORS})\b)[a-z][\w-]*(?=\s|,)|"
            rf"(?:{_alternatives(anonymous)}|{_capitalised(anonymous)})(?:\s+(?:familiar\s+)?(?:with|on|in|at|from)\s+(?:{_NOT_CLAUSE}[\w’'-]+\s+){{0,4}}?{_NOT_CLAUSE}(?!(?:{_PREPOSITIONS})\s)[\w’'-]+)?|"
            rf"(?:its|his|her|their)\s+[a-z][\w-]*(?=[\s.,;:]|$)|"
            rf"(?:an?|one)\s+(?:[A-Z][\w-]*\s+)?[A-Z][a-z]+(?:er|an|ian|ist)s?(?=\s|[.,;:!?…]|$)|"  # "said a New Yorker who …"
            rf"{_INDEFINITE_WORD}\s+(?:(?!(?:from|of|for|with|in|on|at|by|to|that|who|and|or|but|{_SUBORDINATORS})\s)[\w’'-]+\s+){{0,3}}?"
            rf"(?!(?:and|or|but|{_PREPOSITIONS}|{_SUBORDINATORS})\s)[a-z][\w-]*(?=\s|[.!?…]*$)|"  # "in a speech Sunday and said": no one
            # "one" or "another" standing alone for one unnamed person of a group named before ("“…,” said one.",
            # "noted another", "And another wrote:"; 1.60): an unnamed person
            rf"(?:[Oo]ne|[Aa]nother)(?=\s*(?:[.!?…:]|$)|\s+(?:{_alternatives(_ALONE_VERBS)})\b))")


def _name_verb(speaker: str, verbs, heads=()) -> re.Pattern:
    """A speaker, an aside, a time, auxiliaries, then one of `verbs` (groups `who`, `noun`, `verb`); the
    noun is no word opening an adverbial clause (`_SUBORDINATORS`).
    The noun after the speaker may stand before the auxiliaries when it is one of `heads` (the nouns
    for a body's people, "DHS officials have emphasized"): the same speaker as "DHS officials
    emphasized" (1.36; the noun after the auxiliaries is then `noun_late`, and the pattern without
    the noun before them is kept in `_WITHOUT_EARLY_NOUN`)."""
    late = rf"(?:(?!(?:and|or|but|then|{_PREPOSITIONS}|{_SUBORDINATORS})\s)(?P<noun{'_late' if heads else ''}>[a-z]+)\s+)?"
    if not heads:
        return _name_verb_regex(speaker, verbs, "", late)
    early = rf"(?:\s+(?P<noun>{_alternatives(heads)})(?=(?:\s+(?:{_AUXILIARIES}))+\s))?"
    pattern = _name_verb_regex(speaker, verbs, early, rf"(?(noun)|{late})")
    _WITHOUT_EARLY_NOUN[pattern] = _name_verb(speaker, verbs)
    return pattern


# the "name verb" pattern that reads a noun before the auxiliaries → the same pattern without it
_WITHOUT_EARLY_NOUN: dict = {}


def _name_verb_regex(speaker: str, verbs, early: str, late: str) -> re.Pattern:
    """The regex of `_name_verb`, with `early` (a noun before the auxiliaries, or "") and `late` (a
    noun after them)."""
    # a relative clause "who …" between commas is an aside however long it runs ("Kalanick, who along with Musk is
    # a member of another economic council giving advice to Trump, said"; 1.52), and so is a description opened by
    # "a" or "an" in apposition ("Jones, a radio host in Australia with a long history of making slurs against
    # women in leadership roles, called"; 1.55)
    return re.compile(rf"{speaker}(?:\s*\([^()]{{1,30}}\))?(?:,(?!\s+(?:and|or|but|yet|so)\b)[^,]{{3,80}},"
                      rf"|,\s+(?:who|an?)\s[^,;“”\"]{{78,200}},|,(?=\s+[a-z]+ly\s)"
                      rf"|\s+[—–-]\s+[^—–,;]{{3,80}}?\s+[—–-](?=\s))?"  # an aside between dashes, as between commas
                      rf"{_WHEN}{early}(?:\s+(?:{_AUXILIARIES}))*\s+{late}(?P<verb>{_alternatives(verbs)})\b")


def _tag_then_verb(verbs: str) -> str:
    """The regex of a bracketed tag after a name (party and state, age: "(R-S.C.)", "(D., N.Y.)", "(45)")
    followed by what may stand between a name and its verb (a time, auxiliaries, an adverb) and one of
    `verbs`: the bracket is an aside inside a subject, as in `_name_verb`, not the end of a label."""
    return rf"[^()]{{1,30}}\){_WHEN}(?:\s+(?:{_AUXILIARIES}))*\s+(?:[a-z]+ly\s+)?(?:{verbs})\b"


def _verb_patterns(speaker: str, forms: dict, inverted_verbs: frozenset, heads=()) -> list[tuple[str, re.Pattern]]:
    """(name, regex) of the attributions built on a reporting verb: a speaker before or after it,
    a participle, a name right after a quote."""
    participles = _alternatives(f for f in forms if f.endswith("ing"))
    after_quote = {f for f, (verb, _) in forms.items() if f != verb and not f.endswith("ing") and verb != "tell"}
    inverted = {form for form, (verb, _) in forms.items() if verb in inverted_verbs}
    return [
        ("name_verb", _name_verb(speaker, forms, heads)),
        # "CNN's chief White House correspondent, Jane Roe, asked Biden …": a person's name in
        # apposition to a role, then the verb
        ("apposition_verb", re.compile(rf"^\s*[^,;{_PLACEHOLDER[0]}]{{3,80}},\s+(?P<who>[A-Z][\w’'.\-]*\s+{_NAME}),"
                                       rf"\s+(?:[a-z]+ly\s+)?(?P<verb>{_alternatives(f for f in forms if not f.endswith('ing'))})\b")),
        # "Unable to mount an argument, Jane Roe resorted to insults, calling …": an adjective or adverb opening
        # the sentence and its phrase up to the comma are no subject; the participle's subject follows them
        # (`attribution._matched_speaker` checks the opening word's part of speech; 1.47)
        ("subject_participle", re.compile(rf"^\s*(?P<opening>[A-Z][a-z]+)\s+(?:a|an|the|to|at|about|of|in|with|for|from|"
                                          rf"on|by|over|after|and|but)\s[^,;:“”\"{_PLACEHOLDER[0]}]{{0,100}},\s+{speaker}[\s,]"
                                          rf"[^.;]*?(?:,|\s+and)\s+(?P<verb>{participles})\b")),
        ("subject_participle", re.compile(rf"^\s*{_OPENING_TIME}{speaker}[\s,][^.;]*?(?:,|\s+and)\s+(?P<verb>{participles})\b")),
        # "“…,” Dr. Jane Roe, a former president of the association and now the head of a firm, told …"
        ("after_quote", re.compile(rf"^\s*{_PLACEHOLDER}\s+(?P<who>{_NAME})\s*(?:\([^()]*\))?,[^;]{{3,250}}?,"
                                   rf"\s+(?:[a-z]+ly\s+)?(?P<verb>{_alternatives(forms)})\b")),
        # "Declaring that … must “get this done,” President Joe Biden opened the summit." (also after
        # "And", "But": "And saying Israel is “responsible …,” Hamas launched more rockets")
        ("opening_participle", re.compile(rf"^\s*{_DATELINE}(?:(?:And|But|Yet|So|Then|Still)\s+[a-z]+|[A-Z][a-z]+)ing\b"
                                          rf"[^;]*?\b{_PLACEHOLDER}\b(?:[^;]*?,)?\s+"
                                          rf"(?:the\s+)?{speaker}\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")),
        # "“…,” Dr. Jane Roe, director of the agency, …" and an excerpt cut after the name
        # ("“…,” Georgia Secretary of State Brad Raffensperger, a..."): the name after the quote
        # (a bracket after the name that a verb follows is a tag, "Sen. Jane Roe (R-S.C.) told CNN": the
        # verb's, read by "name_verb"; 1.38)
        ("quote_name", re.compile(rf"^\s*{_PLACEHOLDER}\s+(?P<who>{_NAME}?)\s*(?:,|\((?!{_tag_then_verb(_alternatives(forms))})|\.{{3}}|…|$)")),
        ("quote_name", re.compile(rf"\b{_PLACEHOLDER}\s+(?P<who>{_NAME}?)\s*(?:\.{{3}}|…)\s*$")),
        # "“…,” the judge, Col. Jane Roe of the Army, said": a description after the quote, then the person's name
        # in apposition to it and the verb; the name is the speaker's fullest form (labelling rule 2; 1.45). The
        # description may open with a possessive as with "the" ("Britain's former foreign minister, Boris Johnson,
        # said", "his lawyer, Jane Roe, said"; 1.55)
        ("quote_name", re.compile(rf"^\s*{_PLACEHOLDER}\s+{_DESCRIPTION_OPENER}\s+(?:[\w’'-]+\s+){{0,3}}?[a-z][\w-]*,\s+(?P<who>{_NAME})"
                                  rf"(?:\s+of\s+[^,;]{{1,40}})?,\s+(?:[a-z]+ly\s+)?(?:{_alternatives(after_quote)})\b")),
        # "“…,” the 14-year-old, frustrated at …": a description after the quote
        ("quote_name", re.compile(rf"^\s*{_PLACEHOLDER}\s+(?P<who>the\s+(?:[\w’'-]+\s+){{0,3}}?[a-z][\w-]*)\s*(?:,|\.{{3}}|…|$)")),
        ("verb_name", re.compile(rf"\b(?P<verb>{_alternatives(inverted)}),?\s+(?:the\s+)?{speaker}")),
        # a role in lower case between the verb and a full name: "says economist Jane Roe", "said
        # co-author John Doe, of …", "said former President Jane Roe"
        ("verb_name", re.compile(rf"\b(?P<verb>{_alternatives(inverted)})\s+(?:(?!(?:{_alternatives(_ROLE_STOPS)})\b)"
                                 rf"[a-z][\w-]*\s+){{1,3}}?(?P<who>[A-Z][\w’'.\-]*\s+{_NAME})"
                                 rf"(?=\s*(?:[,.;(]|$|(?:of|from|at|in|on|who)\b))")),
        # right after a quote any reporting verb comes before its speaker ("“…,” promised the chief executive")
        ("verb_name", re.compile(rf"^\s*{_PLACEHOLDER}\s+(?P<verb>{_alternatives(after_quote)})\s+(?:the\s+)?{speaker}")),
    ]


# a time and a place between a noun of speech and what it holds ("Jane Roe's declaration Friday night at a
# fundraiser that …", "his claim in the same interview that …"; 1.35): adjuncts of the noun, not a new clause
_DAYS = _WEEKDAYS + "|yesterday|today|tonight"  # days and the days named from today
_CLAIM_ADJUNCT = (rf"(?:\s+(?:(?:last|on|this)\s+)?(?:{_DAYS})(?:\s+(?:night|morning|afternoon|evening))?)?"
                  r"(?:\s+(?:in|at|on|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?")

# a dateline opening a news story, before its first sentence's clause ("CHILLICOTHE, Ohio — ", "WASHINGTON (AP) — "):
# the place in capitals, perhaps its state, perhaps the agency in brackets, and a dash (1.39)
_DATELINE = r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s*\([^()]{1,20}\))?\s+[—–-]+\s+)?"
# nouns for the one person a party or a race picks ("the 2016 Democratic presidential nominee"): a role (1.39)
_CANDIDACY = frozenset({"nominee", "candidate"})
# "use of the term “…”": a quoted word or phrase named as used (1.39)
_USE_OF = (r"(?:repeated\s+|frequent\s+|continued\s+)?use\s+of\s+(?:the\s+)?(?:[a-z-]+\s+)?"
           rf"(?:words?|terms?|phrases?|expressions?|labels?|slurs?|epithets?|nicknames?|slogans?)\s+{_PLACEHOLDER}\b")

# participles of saying after "quoted … as" or "criticized for" (1.34)
_SAYING = ("saying", "telling", "calling", "writing", "tweeting", "asking", "describing", "referring", "suggesting",
           "claiming", "urging", "declaring", "adding", "warning", "stating", "arguing", "insisting", "comparing")
# passive verbs of judging someone for what they said ("was criticized for saying")
_JUDGED = ("criticized|criticised|praised|mocked|slammed|attacked|ridiculed|blasted|condemned|lambasted|faulted|"
           "rebuked|lauded|applauded|chastised|scolded|derided|denounced|blamed|censured|reprimanded")

# how a newsroom came by a document ("a draft obtained by the Post"): who has it, not who issued it
_OBTAINED = "(?:obtained|seen|reviewed|viewed|acquired|leaked|shared)"
# words counting unnamed people before their description ("two U.S. officials", "Two people familiar …")
@lru_cache(maxsize=1)
def _party_words() -> tuple[frozenset, frozenset]:
    """The `[parties]` table of the reporting-verb lexicon: a party's adjectives ("Democratic") and the
    lower-case nouns for one of its members ("republican")."""
    parties = load_data("reporting_verbs").get("parties", {})
    return frozenset(parties.get("adjectives", ())), frozenset(parties.get("members", ()))


@lru_cache(maxsize=1)
def _name_words() -> dict:
    """The `[names]` word lists of the reporting-verb lexicon as sets: what a name never ends in
    (`never_last`), the finite auxiliaries that open the clause a name is the subject of
    (`auxiliaries`), the descriptions of a news outlet (`outlet_nouns`)."""
    names = load_data("reporting_verbs").get("names", {})
    return {key: frozenset(names.get(key, ())) for key in ("never_last", "auxiliaries", "outlet_nouns")}


@lru_cache(maxsize=1)
def _share_words() -> dict:
    """The `[shares]` table of the reporting-verb lexicon: the words a share or a count of a group is
    written with (numbers, percent words, fractions, hedges, counting words)."""
    return load_data("reporting_verbs").get("shares", {})


def _phrase_alternatives(items) -> str:
    """Words and phrases as alternatives of a regular expression, longest first, any space between words."""
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _share() -> str:
    """A share of a group, as a regular expression: hedges, then a percentage (a number in digits or
    words and a percent word) or a fraction ("two-thirds", "a majority")."""
    shares = _share_words()
    word = f"(?:{_phrase_alternatives(shares['numbers'])})"
    number = rf"(?:\d[\d.,]*|{word}(?:[-\s]{word})*)"
    return (rf"(?:(?:{_phrase_alternatives(shares['hedges'])})\s+)*"
            rf"(?:{number}\s*(?:{_phrase_alternatives(shares['percent'])})|{_phrase_alternatives(shares['fractions'])})")


@lru_cache(maxsize=1)
def _quantity_of() -> re.Pattern:
    """A quantity of a group opening a description, up to "of" ("59 percent of", "a majority of",
    "many of", "dozens of", "12 of"): one word, then a percent word, a fraction's last word, a counting
    word or a number of the `[shares]` table, then "of"."""
    shares = _share_words()
    heads = {*shares["percent"], *(f.split()[-1] for f in shares["fractions"]), *shares.get("counts", ()),
             *shares["numbers"]}
    return re.compile(rf"(?i)(?:\S+\s+)?(?:{_phrase_alternatives(heads)}|\d[\d,.]*)\s+of\b")


_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many")


# whoever issues a document (1.56): the verbs in the past and, as a headline or a timeline writes them, the present
# ("Jane Roe issues a statement saying …"); an aside between the issuer and the verb, as between a speaker and a verb
# of saying (`_name_verb_regex`: "Jane Roe, the group's co-founder, issued a statement calling …"); the day the
# document came out, right after it ("released a statement Saturday saying …"): it says when, not who
_ISSUES = ("released|issued|sent|published|put\\s+out|unveiled|circulated|aired|ran|signed|"
           "releases|issues|sends|publishes|puts\\s+out|unveils|circulates|airs|runs|signs")
_ISSUER_ASIDE = (r"(?:\s*\([^()]{1,30}\))?(?:,(?!\s+(?:and|or|but|yet|so)\b)[^,;“”\"]{3,80},"
                 r"|,\s+(?:who|an?)\s[^,;“”\"]{78,200},)?")
_DOCUMENT_DAY = rf"(?:\s+(?:on\s+)?(?:{_WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?)?"


def _source_patterns(speaker: str, documents: frozenset, forms: dict) -> list[tuple[str, re.Pattern]]:
    """(name, regex) of the attributions to a source: "according to" a person or a document, a
    document's author, and whoever issues a document that says the quoted words."""
    return [
        # "The state party sent a new mailer, approved by Jane Roe, that accused …", "the campaign released
        # an ad saying …": whoever issues a document says what the document says (labelling rule 8; 1.29)
        ("issued_document", re.compile(
            rf"{speaker}(?:\s+(?P<noun>{_OWNED_BODIES}))?{_ISSUER_ASIDE}{_WHEN}(?:\s+(?:{_AUXILIARIES}))*\s+(?:[a-z]+ly\s+)?"
            rf"(?:{_ISSUES})\s+"
            rf"(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alternatives(documents)})\b{_DOCUMENT_DAY}(?:,[^,;]{{3,80}},)?"
            rf"\s+(?:(?:that|which)\s+(?:also\s+)?)?(?P<verb>{_alternatives(forms)})\b[^;]*?\b{_PLACEHOLDER}\b")),
        # "according to a report released by the United Nations", "… the statement signed by Dr. Jane Roe"
        ("according_to_document", re.compile(
            rf"\b[Aa]ccording to\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alternatives(documents)})\s+"
            rf"(?:(?!{_OBTAINED}\b)[a-z]+\s+){{0,2}}?(?:from|by|of)\s+(?:the\s+)?(?P<who>{_NAME}|[a-z][\w-]*)"
            rf"(?P<role>(?:\s+[a-z]+){{1,2}})?(?:,\s+(?P<named>{_NAME}))?")),
        # "according to a White House fact sheet": the body or person written before the document
        ("according_to_author", re.compile(
            rf"\b[Aa]ccording to\s+(?:an?|the)\s+(?:(?:new|recent|previous|latest|[A-Z][a-z]+day)\s+)?"
            rf"(?P<who>{_NAME})\s+(?:[a-z-]+\s+)?(?:{_alternatives(documents)})\b")),
        # "according to USA Today's original story", "according to Jane Roe's statement": the owner written in the
        # possessive before the document (labelling rule 8: its issuer; 1.55); a story or an article so owned is a
        # document too
        ("according_to_author", re.compile(
            rf"\b[Aa]ccording to\s+(?:the\s+)?(?P<who>{_NAME})(?:’s|'s|’|')\s+(?:[a-z-]+\s+){{0,2}}?"
            rf"(?:{_alternatives((*documents, 'story', 'article', 'editorial'))})\b")),
        # "a State Department fact sheet issued in January, which said …": the document's author
        ("document_which", re.compile(
            rf"\b(?:an?|the)\s+(?P<who>{_NAME})\s+(?:[a-z-]+\s+)?(?:{_alternatives(documents)})\b[^;]{{0,150}}?,"
            rf"\s+which\s+(?:also\s+)?(?P<verb>said|says|stated|states|noted|notes|added|warned|concluded|found)\b")),
        # "a quote from King that read: “…”", "A statement from Jane Roe said: “…”": a document or a quotation from
        # a name, whose words it reads or says, is that name's (labelling rule 8: its issuer; 1.54)
        ("document_from", re.compile(
            rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z-]+\s+)?(?:{_alternatives((*documents, 'quote', 'quotation'))})\s+from\s+"
            rf"(?:the\s+)?(?P<who>{_NOT_INDEFINITE}{_NAME})(?:,[^,;]{{3,80}},)?\s+(?:(?:that|which)\s+)?(?:also\s+)?"
            rf"(?P<verb>said|says|stated|states|read|reads|declared|declares|wrote|writes)\s*[:,]?\s*{_PLACEHOLDER}")),
        ("according_to", re.compile(rf"\b[Aa]ccording to\s+(?:the\s+|(?:{_alternatives(_COUNTS)})\s+(?=[A-Z]))?{speaker}")),
        # "As Jane Roe puts it, …": the idiom gives the sentence's words to the one who put it so, as
        # "according to" does; "put it" closes its clause ("as the storm put it out of action" is none; 1.41)
        ("according_to_as_put", re.compile(rf"\b[Aa]s\s+{speaker}\s+(?:(?:has|had|once|later|often|memorably)\s+)?"
                                    rf"(?:puts|put)\s+it(?=\s*[,:;.—–])")),
        # "according to the report": the author of the report named before (`speaker_memory._speaker`)
        ("according_to", re.compile(rf"\b[Aa]ccording to\s+(?P<who>the\s+(?:[a-z-]+\s+){{0,2}}?"
                                    rf"(?:{_alternatives(documents)}))(?=[\s.,;:]|$)")),
    ]


def _naming_patterns(speaker: str, claims, document_forms: dict, documents=()) -> list[tuple[str, re.Pattern]]:
    """(name, regex) of the attributions of a quoted word or phrase: whoever calls it so, is
    prompted to say it, claims it, writes it in a document or has it as their words."""
    spoken = {*claims, *documents}
    return [
        # the agent of a passive naming verb: "called “purges” by their critics"
        # (also a passive verb of judging someone as or for the words: "hammered as “low energy” by Mr. Trump"; 1.35)
        ("passive_by", re.compile(rf"\b(?P<verb>called|described|dubbed|labeled|labelled|branded|termed|"
                                  rf"characterized|characterised|hailed|decried|condemned|"
                                  rf"(?:{_JUDGED}|hammered|celebrated)(?=\s+(?:as|for)\s))\b[^;]{{0,60}}?"
                                  rf"\b{_PLACEHOLDER}\b[^;]{{0,40}}?\bby\s+(?:the\s+)?{speaker}")),
        # the agent before the span: "celebrated by advisers as a “beacon of freedom”"
        ("passive_by", re.compile(rf"\b(?P<verb>{_PASSIVE_VERBS})\s+by\s+(?:the\s+)?{speaker}"
                                  rf"\s+(?:as|for)\s+(?:an?\s+|the\s+)?{_PLACEHOLDER}\b")),
        # "what the CDC calls “high”", "what Democrats have dubbed “human infrastructure”": the namer
        ("what_called", re.compile(rf"\b[Ww]hat\s+(?:the\s+)?{speaker}\s+(?:(?:has|have|had|once)\s+)?"
                                   rf"(?P<verb>calls|called|call|dubs|dubbed|describes|described|terms|termed|labels|"
                                   rf"labeled|labelled|refers to|referred to)\s+(?:as\s+)?(?:an?\s+|the\s+)?"
                                   rf"{_PLACEHOLDER}\b")),
        # "climate change, which he reportedly calls “the double C-word”", "a picture that he calls a “…”": a
        # relative clause whose subject names its antecedent so; its present "calls" is a verb, not a noun (1.35)
        ("which_called", re.compile(rf"\b(?:which|that)\s+(?:the\s+)?{speaker}\s+(?:(?:has|have|had|once|[a-z]+ly)\s+)*"
                                    rf"(?P<verb>calls|call|dubs|describes|terms|labels|refers to)\s+(?:as\s+)?"
                                    rf"(?:an?\s+|the\s+)?(?:[A-Z]?[a-z-]+\s+)?{_PLACEHOLDER}\b")),
        # "prompting the state’s governor to ask: “…”", "prompted President Jane Roe on Wednesday to use a word",
        # "leading host Jane Roe to ask him if …" (a role in lower case before the name; 1.34); every verb of saying
        # a news sentence writes there ("prompting Jane Roe to claim a “…”"; 1.54)
        ("prompted", re.compile(rf"\b(?:prompted|prompting|prompts|led|leading|forced|forcing)\s+(?:the\s+)?"
                                rf"(?:(?:[a-z][\w-]*\s+){{1,2}}(?=[A-Z]))?{speaker}"
                                rf"{_WHEN}\s+to\s+(?P<verb>ask|say|declare|tweet|write|warn|respond|use|call|"
                                rf"insist|admit|concede|acknowledge|quip|joke|claim|argue|boast|complain|announce|"
                                rf"predict|promise|suggest|tell|reply|state|demand|proclaim|vow)\b[^;]*?{_PLACEHOLDER}")),
        # "“…,” the Telegraph quoted Jane Roe, a former aide, as saying": the one quoted as saying the
        # words speaks, not whoever quotes them (1.34)
        ("quoted_as", re.compile(rf"\b(?:quoted|quotes|quoting)\s+(?:the\s+)?{speaker}(?:\s*\([^()]{{1,30}}\))?"
                                 rf"(?:,[^;]{{3,150}}?,)?\s+as\s+(?P<verb>{_alternatives(_SAYING)})\b")),
        # "Jane Roe was criticized for telling an anchor to “calm down”": whoever is judged for saying the
        # words said them, the passive's subject (1.34)
        ("judged_for", re.compile(rf"{speaker}{_WHEN}\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got)\s+"
                                  rf"(?:[a-z]+ly\s+)?(?:{_JUDGED})\s+(?:(?!(?:and|but|or)\b)[\w’'-]+\s+){{0,4}}?for\s+"
                                  rf"(?P<verb>{_alternatives(_SAYING)}|using)\b[^;]*?{_PLACEHOLDER}")),
        # "John Doe criticized Jane Roe for calling the plan “a disaster”": the one judged for saying the words
        # said them, the object of the active verb as the subject of the passive above (labelling rule 1: the
        # clause holding the quote is the gerund's, whose subject is the one judged; 1.49)
        ("judging_for", re.compile(rf"\b(?:{_JUDGED}|ripped)\s+(?:the\s+)?{speaker}"
                                   rf"(?:\s+(?!(?:and|but|or|for)\b)[\w’'-]+){{0,3}}?\s+for\s+"
                                   rf"(?P<verb>{_alternatives(_SAYING)}|using)\b[^;]*?{_PLACEHOLDER}")),
        # "Jane Roe, a retired climatologist known for mocking other scientists as “alarmists”": whoever is
        # known for saying the words said them, the name the description stands next to (1.35)
        ("known_for", re.compile(rf"(?<![\w’'.-])(?P<who>{_NOT_INDEFINITE}{_NAME})(?:\s*\([^()]{{1,30}}\))?"
                                 rf"(?:,\s+(?:an?|the)\s+(?:(?!(?:and|but|or|who|which)\b)[\w’'-]+\s+){{0,5}}?|,\s+|\s+[—–-]\s+)"
                                 rf"(?:(?:best|most|perhaps|widely|long|also|now)\s+)*(?:known|famous|notorious|remembered|infamous)"
                                 rf"\s+for\s+(?P<verb>{_alternatives((*_SAYING, 'mocking', 'coining', 'using'))})\b[^;]*?{_PLACEHOLDER}")),
        # "The Taliban's assurance of a “safe passage”", "Jane Roe's contention that … was “…”": a noun
        # for what someone says or means to do, owned by a name, holds that name's words
        ("owner_claim", re.compile(rf"(?<![\w’'.-])(?P<who>{_NOT_INDEFINITE}{_NAME}(?:\s+(?:{_OWNED_BODIES}))?)[’']s?\s+(?:[a-z-]+\s+)?(?:{_alternatives(claims)})\b"
                                   rf"{_CLAIM_ADJUNCT}(?:\s+(?:of|that|to|for)\b)[^;:]{{0,120}}?\b{_PLACEHOLDER}\b")),
        # "his claim in the same interview that the pair were “not close”", "her pledge to “…”": a noun of
        # speech owned by a possessive pronoun holds the words of the one the pronoun stands for (1.35)
        ("pronoun_claim", re.compile(rf"(?<![\w’'.-])(?P<who>[Hh]is|[Hh]er)\s+(?:[a-z-]+\s+)?(?:{_alternatives(claims)})\b"
                                     rf"{_CLAIM_ADJUNCT}(?:\s+(?:of|that|to|for)\b)[^;:]{{0,120}}?\b{_PLACEHOLDER}\b")),
        # "Hagel's use of the term “Jewish lobby”", "his use of the word “…”": whoever uses a quoted word or
        # phrase says it, the owner of "use" (1.39)
        ("owner_claim", re.compile(rf"(?<![\w’'.-])(?P<who>{_NOT_INDEFINITE}{_NAME})[’']s?\s+{_USE_OF}")),
        ("pronoun_claim", re.compile(rf"(?<![\w’'.-])(?P<who>[Hh]is|[Hh]er)\s+{_USE_OF}")),
        # "Gerald Ford’s pardon of Richard Nixon, …, extended to “…”": a document owned by a name and
        # subject of the sentence says its issuer's words (labelling rule 8; 1.31), unless a reporting verb
        # stands between it and the quote (`attribution._matched_speaker`: "Trump’s speech, which critics
        # called “…”" is the critics')
        ("owner_document", re.compile(rf"^\s*(?P<who>{_NOT_INDEFINITE}{_NAME})[’']s?\s+(?:[a-z-]+\s+)?(?:{_alternatives(documents)})\b"
                                      rf"(?:\s+(?:of|to|for|on|against)\b)[^;:]{{0,150}}?\b{_PLACEHOLDER}\b")),
        # "Jane Roe's “lock her up” remarks": a quoted span between a possessive and a noun for what is
        # said or written is the owner's words
        ("owner_claim", re.compile(rf"(?<![\w’'.-])(?P<who>{_NOT_INDEFINITE}{_NAME}(?:\s+(?:{_OWNED_BODIES}))?)[’']s?\s+"
                                   rf"{_PLACEHOLDER}\s+(?:{_alternatives(spoken)})\b")),
        # "the “…” segment of Jane Roe's remarks", "the “…” line in her speech": a part named by the quoted
        # words of what someone said is theirs, the owner of the whole (1.41)
        ("owner_claim", re.compile(rf"\b[Tt]he\s+{_PLACEHOLDER}\s+(?:segment|part|portion|passage|line|section)\s+"
                                   rf"(?:of|in|from)\s+(?P<who>{_NOT_INDEFINITE}{_NAME})[’']s?\s+(?:[a-z-]+\s+)?"
                                   rf"(?:{_alternatives(spoken)})\b")),
        ("pronoun_claim", re.compile(rf"\b[Tt]he\s+{_PLACEHOLDER}\s+(?:segment|part|portion|passage|line|section)\s+"
                                     rf"(?:of|in|from)\s+(?P<who>his|her)\s+(?:[a-z-]+\s+)?(?:{_alternatives(spoken)})\b")),
        # "when an interviewer called the Russian leader “a killer”": whoever names the object so, the
        # quoted span right after it
        # (the subject perhaps a body named by its owner: "The Jane Roe campaign quickly labeled …")
        # (a tag, an aside and the occasion between the subject and the verb, as in "name_verb": "Jane Roe (D-Ill.), a
        # longtime advocate, in an interview called …"; 1.45)
        ("naming_verb", re.compile(rf"{speaker}(?:\s+(?P<noun>{_OWNED_BODIES}))?(?:\s*\([^()]{{1,30}}\))?"
                                   rf"(?:,(?!\s+(?:and|or|but|yet|so)\b)[^,]{{3,80}},)?{_WHEN}"
                                   rf"\s+(?:(?:has|have|had|also|once|[a-z]+ly)\s+)*(?P<verb>called|dubbed|labeled|labelled|branded|termed|"
                                   rf"described|denounced|decried|hailed)(?!\s+(?:for|on|upon|off|up|in|out|back|to)\b)\s+(?:(?!(?:and|but|or|as|who|that)\b)[\w’'.-]+\s+){{0,6}}?"
                                   rf"(?:as\s+)?(?:an?\s+|the\s+)?{_PLACEHOLDER}\b")),
        # "Pelosi's statement read: “…”", "the letter reads": a verb whose subject is only ever a document
        ("document_verb", _name_verb(speaker, document_forms)),
        # "(to use President Jane Roe's words)", "in the words of Jane Roe"
        # ("in her own words", a possessive pronoun: whom the pronoun stands for; 1.52)
        ("words_of", re.compile(rf"\b(?:in|to use|in the)\s+(?P<who>{_NAME})[’']s?\s+(?:own\s+)?words\b"
                                rf"|\b(?:[Ii]n|to use)\s+(?P<who3>his|her|their)\s+own\s+words\b"
                                rf"|\bin the words of\s+(?P<who2>{_NAME})")),
    ]


def _subject_pattern(forms: dict) -> re.Pattern:
    """A person opening the sentence, later followed by an inflected reporting verb (groups `who`, `verb`)."""
    inflected = _alternatives(form for form, (verb, _) in forms.items() if form != verb)  # "said", not "say"
    return re.compile(rf"^\s*{_OPENING_TIME}(?:the\s+)?(?P<who>{_NAME}|[Hh]e|[Ss]he)(?:\s*\([^()]{{1,30}}\))?"
                      rf"(?:,[^,]{{3,200}},)?\s[^;]*?\b(?<!-)(?P<verb>{inflected})\b")  # not "so-called"


def _capitalised(phrases) -> str:
    """A regex alternation of `phrases` capitalised as a sentence opens them ("Local leaders")."""
    return _alternatives(p[:1].upper() + p[1:] for p in phrases)


def _alternatives(words) -> str:
    """A regex alternation of `words`, longest first so that "pointed out" wins over "pointed"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _regular_forms(verb: str) -> list[str]:
    """The base, third-person, past and -ing forms of a regular verb ("cite" → cites, cited, citing)."""
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if re.search(r"(s|sh|ch|x|z)$", verb):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    # a short verb ending in one vowel and a consonant doubles it ("slam" → slammed; "qu" is a consonant:
    # "quip" → quipped); a longer one stressed on its last syllable is listed in [irregular] ("admit")
    doubled = verb + verb[-1] if re.search(r"(?:[^aeiou]|qu)[aeiou][bdgmnprt]$", verb) and len(verb) <= 4 else verb
    forms = [verb, verb + "s", doubled + "ed", doubled + "ing"]
    if re.search(r"[^aeiou][aeiou]l$", verb) and len(verb) > 4:  # British spelling doubles a final "l": signalled
        forms += [verb + "led", verb + "ling"]
    return forms


_AFTER_INVERTED = {"who", "whose", "of", "in", "at", "on", "to", "for", "and", "with", "from", "during", "after",
                   "before", "about", "last", "this", "earlier", "later", "late", "early", "told"}

_OPENS_CLAUSE = {"that", "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "this", "these", "those",
                 "there", "his", "her", "their", "its", "our", "in", "on", "to", "with", "about", "of", "so", "if",
                 "not", "no", "more", "many", "some", "all", "one", "two", "quoted", "what", "how", "why", "who"}
_ROLE_STOPS = _OPENS_CLAUSE | _AFTER_INVERTED | {"in", "by", "as", "about", "not", "also", "then", "so", "because",
                                                "if", "than", "there", "his", "her", "their", "its", "our", "my"}
