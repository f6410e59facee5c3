"""The attribution of one sentence, read from its narration alone.

An attribution is (start, who, verb as written, pattern name, noun after who). The patterns of
`patterns` run as a sieve in the order of Muzny et al. (2017): the first match in the
sentence wins (`_first_attribution`), unless a later one between commas frames the whole sentence
("…,” the White House said.", `_tail_attribution`). Each match's `who` is trimmed to the person,
office or body it names (`_matched_speaker`: "said his wife, Jane Roe", "China's ambassador to
Britain", "Jane Roe of the National Weather Service", "the National Center for Health Statistics").
Other readings of a sentence: a person opening it with a reporting verb later on (`_subject`), a
person or body opening a sentence whose only quotes are partial (`_partial_subject`: the subject is
the most salient candidate, Grosz, Joshi & Weinstein 1995), a dash line under a quote
(`_dash_line`), a second speaker in a relative clause (`_relative_attribution`) and a document with
its author (`_document_author`). Nothing here remembers the article: `speaker_memory` turns `who`
into a speaker.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import read_rules
from ..actors.english import _lexicon_tags, headline_verbs
from .clause_tags import _tagged
from .name_kinds import (_DETERMINERS, _DOCUMENT_VERB_SET, _INDEFINITE, _NOT_SPEAKERS, _POSSESSIVE, _PRONOUNS,
                         _kind_of_body_noun, _after_the, _head_noun, _is_place, _month_opens_name, _names_a_person, _time_opens, _not_a_speaker,
                         _opens_with, _split_label, _titled_person, _without_owner)
from .patterns import (_AFTER_INVERTED, _CANDIDACY, _COUNTS, _DATELINE, _DAYS, _INDEFINITE_WORD, _OPENING_TIME,
                       _WITHOUT_EARLY_NOUN, _Lexicon, _NAME, _OPENS_CLAUSE, _WHEN, _alternatives, _capitalised, _lexicon, _name_words, _party_words,
                       _without_trailing_day)
from .spans import _PLACEHOLDER, _WORD

# Prepositions and subordinators that open an adverbial phrase, never a name ("After", "Amid", "Over")
_PHRASE_OPENERS = frozenset({"after", "before", "amid", "amidst", "over", "for", "with", "without", "from", "in", "on",
                             "at", "by", "against", "despite", "during", "following", "since", "until", "under",
                             "into", "about", "through", "as", "while", "when", "if", "because", "to", "of"})
_OPENING_CONJUNCTIONS = {"As", "But", "And", "Yet", "So", "While", "When", "Still", "Now"}  # not part of a name
_ORGANISATION_HEAD = re.compile(r"[A-Z][\w.]* for (?:[A-Z][\w.]*\s+)*(?:and\s+)?$")  # "Centers for Disease Control and "
ATTRIBUTION_TAIL_WORDS = 6  # "…, officials said on Tuesday in a statement." still ends the sentence

# A finite verb right after a name: the name is a clause's subject ("said Jane Roe would …").
# (1.31: also contracted with "not", "claimed Obama wasn't born": English writes a finite auxiliary so)
_FINITE_AFTER = re.compile(r"\s+(?:(?:would|will|is|was|were|are|has|had|have|could|should|must|can|may|might|did|"
                           r"does|do)\b|(?:would|is|was|were|are|has|had|have|could|should|must|ca|wo|did|does|do)n[’']t\b)")
# An inverted verb's speaker comes after a finite verb, never after an infinitive ("to warn voters"), and
# is no noun followed by "that" (the addressee: "warned voters that …") or by a possessive ending (the
# reported clause's subject: "said the president’s moves have …").
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$")
_THAT_AFTER = re.compile(r"\s+that\b")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\s")


def _owns_a_clause(narration: str, end: int, who: str = "") -> bool:
    """True when the words after an inverted verb's speaker are a possessive whose noun has a finite
    verb before the next comma ("said the president’s moves … have turned her"), where "said the
    senator’s wife." names the speaker; or, after a name, common nouns that the name modifies and
    then a finite verb ("insist COVID lab leak theory is …", 1.32): in English a name before common
    nouns is their modifier, and the noun phrase is the subject of the reported clause."""
    if _POSSESSIVE_AFTER.match(narration, end):
        comma = narration.find(",", end)
        return _finite_within(narration, end, comma if comma >= 0 else len(narration))
    return who[:1].isupper() and _nouns_then_finite(narration, end)


def _nouns_then_finite(narration: str, end: int) -> bool:
    """True when the tagger reads one to three lower-case common nouns right after offset `end`,
    then a finite verb ("… lab leak theory is")."""
    after = [(word, tag) for word, tag, at in _tagged(narration) if at >= end]
    nouns = 0
    while nouns < len(after) and nouns < 3 and after[nouns][1] in ("NN", "NNS") and after[nouns][0].islower():
        nouns += 1
    return 0 < nouns < len(after) and after[nouns][1] in ("VBP", "VBZ", "VBD", "MD")


_OPENS_AFTER_STOP = re.compile(rf"[.!?…]\s+{_PLACEHOLDER}\b")  # a quote opening after a full stop: a new sentence

# a base form after these is a verb, not a noun ("Jane Roe is expected to say", "Jane Roe will say", "Jane Roe
# is to tell": "be to" is a future of what is planned; 1.52)
_BASE_AFTER = re.compile(r"\b(?:will|would|did|does|(?:expected|set|due|scheduled)\s+to|(?:is|are|was|were)\s+to|"
                         r"(?:went|goes)\s+on\s+to)\s+$")


def _noun_follows(rest: str) -> bool:
    """True when a lower-case word that cannot open a clause follows a base-form verb ("state
    department", "report card"): the "verb" is the first half of a noun."""
    match = re.match(r"\s+([a-z]+)\b", rest)
    return (match is not None and match.group(1) not in _OPENS_CLAUSE | _OBJECT_PRONOUNS
            and not match.group(1).endswith("ly"))


# pronouns as objects: no noun ends in one, so a base form before one is a verb ("voters who consider
# themselves “very liberal”", "officials tell us"; 1.35)
_OBJECT_PRONOUNS = {"me", "us", "him", "them", "myself", "ourselves", "yourself", "yourselves", "himself", "herself",
                    "itself", "themselves"}


# What may follow "said a senior official" when the description is the speaker: the sentence's end, a
# comma, a relative clause ("said a man who lives nearby") or whom they work for ("a spokesman for").
_DESCRIPTION_ENDS = re.compile(r"\s*(?:[.;:!?…]|,|$|(?:who|for|at|of|from|with|after|before|during|when|while|in|on|"
                               r"to|by|via)\b)")

# The rest of a description after an inverted verb, up to where a description ends ("replies the
# masked stranger, secretly …"): at most three lower-case words, none opening a clause.
_LONGER_DESCRIPTION = re.compile(rf"((?:\s+(?!(?:{'|'.join(sorted(_OPENS_CLAUSE))}|is|was|were|are|has|had|have|will|would)\b)"
                                 r"[a-z][\w-]*){1,3})(?=\s*(?:[.;:!?…—–―]|,|$|-\s|(?:who|for|at|of|from|with|in|on|to|inside|near|within)\b))")


# people listed by name after a dash, right after a description of them ("the church leaders ― the
# Reverends Jane Roe and John Doe of …; and Father …"): the names, their titles in front, up to what ends
# the first ("and", "of", a comma or semicolon), and "and" or ";" later in the list
_LISTED = re.compile(r"\s*[—–―-]\s+(?:the\s+)?(?P<names>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)+)"
                     r"(?=\s*(?:,|;|\s(?:and|of)\b))(?=[^.!?]*?(?:\band\b|;))")


def _listed_after(text: str) -> str | None:
    """The first of the people a dash lists right after a plural description at the start of `text`
    (`_LISTED`), their titles dropped ("Reverends Jane Roe" → "Jane Roe"), or None: the description
    stands for those people, and of several speakers named one by one the first is named (labelling
    rule 6, as for "Jane Roe and John Doe said")."""
    listed = _LISTED.match(text)
    if listed is None:
        return None
    words = listed.group("names").split()
    titles = read_rules().titles | _lexicon().roles
    while len(words) > 2 and (words[0] in titles or words[0].rstrip("s") in titles or words[0].rstrip(".") in titles):
        words = words[1:]
    return " ".join(words) if len(words) >= 2 and not any(w.rstrip("s") in titles for w in words) else None


def _finite_within(narration: str, start: int, end: int) -> bool:
    """True when the tagger reads a finite verb (present, past or modal) between two offsets of a
    narration, or a base form right after a plural noun: the words after an inverted verb are then a reported clause ("claims the vaccines
    contain microchips"), not a longer description ("replies the masked stranger")."""
    tokens = _tagged(narration)
    return any(start <= at < end and (tag in ("VBP", "VBZ", "VBD", "MD") or tag == "VB" and i and tokens[i - 1][1] == "NNS")
               for i, (_, tag, at) in enumerate(tokens))  # "the vaccines contain": a plural's verb, tagged VB


def _finite_next(narration: str, end: int) -> bool:
    """True when the word right after offset `end` (nothing between) is a verb in the present or past in lower
    case, as the tagger reads it: a name after an inverted verb then opens the reported clause ("who says John Doe
    drugged her"), since English puts the inverted speaker at the end of its clause, before punctuation, a
    time or a place ("said John Doe on Tuesday"), never before a verb of its own (1.43)."""
    after = next(((word, tag, at) for word, tag, at in _tagged(narration) if at >= end), None)
    return (after is not None and not narration[end:after[2]].strip() and after[0][:1].islower()
            and after[1] in ("VBD", "VBN", "VBZ", "VBP"))  # "drugged" after a name: read VBN, a past all the same


# a quote right after the name that follows a verb, no punctuation between: the quote is that name's predicate
# ("Kirby earlier said Bergdahl “has not been charged,”"), since an inverted speaker ends its clause before
# punctuation, a time or a role, never before the words quoted of it (1.44, as `_finite_next` for a verb)
_QUOTE_NEXT = re.compile(rf"\s+{_PLACEHOLDER}")
_CLAUSE_BREAK = re.compile(rf"[,.;:!?…—–]|\b(?:who|whom|whose|which|that|{_PLACEHOLDER})\b")


def _opens_reported_clause(narration: str, end: int) -> bool:
    """True when a modal (as the tagger reads it) or a finite auxiliary ("is", "has", "did" …) stands in the
    words after an indefinite description that follows an inverted verb, before any punctuation or relative
    pronoun ("says a coalition of liberal groups will have done …"; not any finite verb the tagger reads,
    which takes "think" of "think tank" for one): the description is the subject of what is reported, as "the …"
    is ("said the plan was …"), not the one who says it ("said a person familiar with the talks, who …")."""
    stop = _CLAUSE_BREAK.search(narration, end)
    stop = stop.start() if stop else len(narration)
    auxiliaries = _name_words()["auxiliaries"]  # a closed class; a modal counts only as the tagger reads it ("May", "will")
    return any(end <= at < stop and (tag == "MD" or word.lower() in auxiliaries and tag.startswith("VB"))
               for word, tag, at in _tagged(narration))


def _clause_follows(rest: str) -> bool:
    """True when a lower-case word other than a preposition, "who" or a time follows the words after
    an inverted verb: they open a clause ("said the plan was …")."""
    match = re.match(r"\s+([a-z]+)\b", rest)
    return match is not None and match.group(1) not in _AFTER_INVERTED


@lru_cache(maxsize=1 << 16)
def _subject(narration: str):
    """The person opening a sentence that quotes without an attribution of its own, when a
    reporting verb follows later in the sentence ("Biden, who was walking away, whirled around and
    said, “…”"; "The US president urged … and said his administration was “ready …”"): the quoted
    words are the subject's. In the form of `_attribution`."""
    match = _lexicon().subject.match(narration)
    if match is None or _goes_on_doing(match.group("verb"), narration, match.end("verb")):
        return None  # "… as the party continues to weigh up the risks": no verb of saying (1.34)
    after = narration[match.end("who"):]
    who = _titled_after_body(_staff_member(match.group("who"), after), after)
    if _POSSESSIVE.search(who) or who.endswith(("’", "'")):  # "President Biden's joint address … declared"
        after = narration[match.end("who"):].split()[:4]
        if not any(w.strip(",.").lower() in _lexicon().documents for w in after):
            return None  # "The Taliban's fighters …": the owner of something that does not speak
        if any(_POSSESSIVE.search(w) or w.endswith(("’", "'")) for w in after[:1]):
            return None  # "Biden's commission's draft": the nearer owner issues it (`speaker_memory._document_issuer`)
        who = _POSSESSIVE.sub("", who).rstrip("’'")
    if _not_a_speaker(who, None, _lexicon()) or who.split()[0] in read_rules().function_words:
        return None  # "Thousands of Cubans took …": a group, not a named person
    if who == match.group("who") and (members := _MEMBERS_AFTER.match(narration, match.end("who"))) and (
            members.group(1) in _lexicon().members):
        # "Group of Seven (G-7) leaders on Sunday called …": the named group, its bracket dropped (labelling
        # rules 3, 4), not the body that names it (1.37)
        return match.start("who"), f"{who} {members.group(1)}", match.group("verb"), "subject", None
    role = _ROLE_AFTER_BODY.match(narration, match.end("who")) if who == match.group("who") else None
    if role is not None and role.group(1) in _lexicon().nouns:
        # "Ex-Space Force commander: …", "NATO chief …": a body's role with no person named, the role (1.31)
        return match.start("who"), who, match.group("verb"), "subject", role.group(1)
    return match.start("who"), who, match.group("verb"), "subject", None


@lru_cache(maxsize=1)
def _colon_pattern() -> re.Pattern:
    """A person or body opening a sentence (after a phrase of time), a verb, and a colon right before a
    quote, with no other colon or quote between (groups `who`, `verb`)."""
    return re.compile(rf"^\s*{_OPENING_TIME}(?:the\s+)?(?P<who>{_NAME}|[Hh]e|[Ss]he)(?:\s*\([^()]{{1,30}}\))?"
                      rf"(?:,[^,]{{3,200}},)?\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b[^;:]*?:\s*{_PLACEHOLDER}\b")


@lru_cache(maxsize=1 << 16)
def _colon_subject(narration: str):
    """The person opening a sentence that introduces a quote with a colon and no reporting verb ("Jane Roe
    fired back on Twitter: “…”"): English sets a quotation after a colon to give it to the subject of the
    clause that introduces it. In the form of `_attribution` (the verb kept when it is a reporting verb)."""
    if ":" not in narration:
        return None
    match = _colon_pattern().match(narration)
    if match is None:
        return None
    who, verb = match.group("who"), match.group("verb")
    if (_POSSESSIVE.search(who) or who.endswith(("’", "'")) or _not_a_speaker(who, None, _lexicon())
            or who.split()[0] in read_rules().function_words or who.split()[0] in _NOT_SPEAKERS
            or verb in _OPENS_CLAUSE | {"and", "or", "but", "who", "which", "is", "was", "were", "are", "has", "had", "have"}
            or verb in _lexicon().document_forms):
        return None  # "Jane Roe's message was simple:", "Jane Roe has a motto:", "John Doe read the bill aloud:"
    if verb in _lexicon().nouns and re.match(r"\s*:", narration[match.end("verb"):]):
        # "Ex-Space Force commander: …": a role after a body's name, no verb, no person named (1.31)
        return match.start("who"), who, None, "colon", verb
    return match.start("who"), who, verb if verb in _lexicon().forms else None, "colon", None


# a lawmaker's party and state after the name, between commas as news style writes them (", R-Mich.", ", D-N.Y."):
# the tag in brackets ("(R-Mich.)") in another style
_PARTY_STATE = r",\s+[DRI]-[A-Z][A-Za-z.]{1,14}"


@lru_cache(maxsize=1)
def _headline_colon_pattern() -> re.Pattern:
    """A name, perhaps with a tag in brackets or its party and state after a comma, a noun for what it wrote,
    "on" and a topic or "to" and an addressee, alone before a colon that opens the sentence, a quote after it
    (groups `who`, `doc`, `topic`, `to`)."""
    return re.compile(rf"^\s*(?:[Tt]he\s+)?(?P<who>{_NAME})(?:\s*\([^()]{{1,30}}\)|{_PARTY_STATE})?"
                      rf"(?:[’']s?\s+(?P<doc>{_alternatives(_lexicon().documents)})|\s+on\s+(?P<topic>(?:(?!{_PLACEHOLDER}\b)[^:;,“”\"]){{2,40}})"
                      rf"|\s+to\s+(?P<to>{_NAME}))?"
                      rf"\s*:\s+(?=.*\b{_PLACEHOLDER}\b)")


@lru_cache(maxsize=1 << 16)
def _headline_colon(narration: str):
    """The speaker of a headline written "NAME: … “…”" ("Jane Roe: John Doe ‘Strikes Fear’ of …") or "NAME
    on TOPIC: “…”" ("Jane Roe on Iran: “…”", 1.29): news headlines set a name before a colon to give it
    what follows, the quote included; only when the colon opens the sentence and nothing but a name (and a
    bracketed tag or a party and state, "Jane Roe, R-Mich.: “…”", 1.45; a noun for what it wrote, "on" and its
    topic, or "to" and an addressee: "Jane Roe to John Doe: “…”", 1.34) stands before it. In the form of
    `_attribution`."""
    if ":" not in narration:
        return None
    match = _headline_colon_pattern().match(narration)
    if match is None:
        return None
    who = match.group("who")
    if (_not_a_speaker(who, None, _lexicon()) or who.split()[0] in read_rules().function_words
            or who.split()[0] in _NOT_SPEAKERS or _is_place(who)):
        return None  # "WASHINGTON: …", "But: …"
    rules = read_rules()
    roles, words = _split_label(who.split())
    if match.group("to") is not None:  # "Jane Roe to John Doe: “…”": the first speaks to the second (1.34)
        to_roles, to_words = _split_label(match.group("to").split())
        person = any(r or w and w[0] in rules.given_names for r, w in ((roles, words), (to_roles, to_words)))
        return (match.start("who"), who, None, "headline_to", None) if person else None  # not "Road to Recovery:"
    if (len(words) > 1 and not roles and words[0] not in rules.given_names
            and rules.organisation_words.isdisjoint(who.split())):
        return None  # "Fact Check: …", "Breaking News: …": a heading, no person's or body's name
    if match.group("topic") is not None:  # "Jane Roe on Iran:": a name that comments, however short
        return match.start("who"), who, None, "headline_topic", None
    return match.start("who"), who, None, "headline_colon", None


# a headline set after its quote: "‘We Need Roy Moore to Win,’ Trump Says" (the verb capitalised, title case)
_HEADLINE_SAYS = re.compile(rf"^\s*{_PLACEHOLDER},?\s+(?P<who>{_NAME}?)\s+(?P<verb>[A-Z][a-z]+)\s*[.!?]?\s*$")


@lru_cache(maxsize=1 << 16)
def _headline_says(narration: str):
    """The speaker of a headline written "“…,” NAME Says" (1.39): a title-case headline capitalises its verb,
    so the name and the verb after the quote are read as in "“…,” Jane Roe says", when the capitalised word
    closing the sentence is a reporting verb in the headline's present ("Says", "Warns", "Tells";
    `actors.english.headline_verbs`). In the form of `_attribution`."""
    match = _HEADLINE_SAYS.match(narration)
    if match is None or match.group("verb") not in headline_verbs():
        return None
    verb, who = match.group("verb").lower(), match.group("who")
    if verb not in _lexicon().forms or _not_a_speaker(who, None, _lexicon()) or _is_place(who):
        return None
    return match.start("who"), who, verb, "headline_verb", None


@lru_cache(maxsize=4)
def _partial_subject_pattern() -> re.Pattern:
    """A named person or body opening a sentence, the word after it (its verb, whichever: a
    reporting verb's sentence is read by `_attribution`), and a quoted span later in the clause."""
    return re.compile(rf"^\s*(?:the\s+)?(?P<who>{_NAME}(?:\s+(?:and|for)\s+{_NAME}){{0,3}}|[Hh]e|[Ss]he)"
                      rf"(?:\s*\([^()]{{1,30}}\))?"
                      rf"(?:,[^,]{{3,200}},)?{_WHEN}\s+(?:[a-z]+ly\s+)?(?:(?:has|had|have|also)\s+)?"
                      rf"(?!(?:and|or|who|which|whose|that|of|in|at|for|to|from|with)\b)(?P<verb>[a-z]+)\b"
                      rf"[^;]*?\b{_PLACEHOLDER}\b")


@lru_cache(maxsize=1)
def _group_pattern() -> re.Pattern:
    """A sentence opened by a group of unnamed people ("A group of top scientists from around the
    globe", "Dozens of protesters"): `who` the words before the people, `people` the anonymous noun."""
    people = _alternatives({a.split()[-1] for a in _lexicon().anonymous if a.split()[-1].endswith("s")})
    return re.compile(rf"^\s*(?P<who>(?:(?:A|An|The)\s+(?:[a-z-]+\s+)?(?:group|coalition|number|handful|team|"
                      rf"bloc|chorus|majority)|[Dd]ozens|[Hh]undreds|[Tt]housands)\s+of\s+(?:[\w-]+\s+){{0,2}}?)"
                      rf"(?P<people>{people}|{_capitalised(people.split('|'))})\b")


# quotes joined as one list ("called him “meek and mild” and “dishonest and weak.”")
_JOINED_QUOTES = re.compile(rf"{_PLACEHOLDER}(?:\s*(?:,\s*)?(?:and|or)?\s*{_PLACEHOLDER})*")


def _one_complement(narration: str, start: int) -> bool:
    """True when the sentence's quotes are one complement of the verb found at `start`: a single quote,
    or (1.33) quotes after it joined by "and", "or" or commas only, which one verb governs ("when
    President Trump called Prime Minister Justin Trudeau “meek and mild” and “dishonest and weak.”")."""
    if narration.count(_PLACEHOLDER) == 1:
        return True
    first = narration.find(_PLACEHOLDER)
    joined = _JOINED_QUOTES.match(narration, first)
    return first > start and joined is not None and joined.group().count(_PLACEHOLDER) == narration.count(_PLACEHOLDER)


@lru_cache(maxsize=1 << 16)
def _partial_subject(narration: str):
    """The person or body opening a sentence whose only quotes are partial, when no reporting verb
    reads them ("Gov. Jane Roe offered a pat on the back, marking the “milestone”"): words woven into
    a sentence about someone are, in news, that someone's (the subject is the most salient
    candidate: Grosz, Joshi & Weinstein 1995). In the form of `_attribution`."""
    if _PLACEHOLDER not in narration:
        return None
    group = _group_pattern().match(narration)
    if group is not None and not _SCARE.search(narration):  # "A group of top scientists … insisting … “…”"
        return group.start(), group.group("who").strip(), None, "partial_subject", group.group("people").lower()
    match = _partial_subject_pattern().match(narration)
    if match is None or _SCARE.search(narration, 0, narration.find(_PLACEHOLDER) + len(_PLACEHOLDER)):
        return None
    if _VERB_AFTER_NOUN.match(narration, match.end("verb")):
        return None  # "U.S. Catholic bishops overwhelmingly approved …": the name only qualifies a noun
    if _OTHER_CLAUSE.search(narration, match.end("verb"), narration.find(_PLACEHOLDER)):
        return None  # "… after Pelosi refused to seat them over “…”": whose words is unclear
    if _reduced_relative_before(narration, match.end("verb")):
        return None  # "… sides with police officers seeking ‘…’": the officers' clause, not the subject's (1.36)
    after = narration[match.end("who"):]
    who = _titled_after_body(_staff_member(match.group("who"), after), after)
    next_word = _word_after(narration, match.start("who"), who) if who != match.group("who") else match.group("verb")
    if next_word in _PHRASE_OPENERS:
        return None  # "SPD leader Jane Roe under pressure from …": a preposition, no verb, a headline's fragment (1.34)
    if re.search(r"\s(?:and|for)\s", who):  # "Health and Human Services Secretary Xavier Becerra sought …"
        roles, name = _split_label(who.split())
        if not _titled_person(roles, name) or read_rules().organisation_words.isdisjoint(roles):
            return None  # "Biden and Sen. Jane Roe", "Centers for Disease Control": a pair or a body, left alone
        who = " ".join(name)
    if match.group("verb") in _lexicon().anonymous:  # "U.S. officials have closed …, promising “…”"
        return match.start("who"), who, None, "partial_subject", match.group("verb")
    if (match.group("verb") in _lexicon().nouns and who == match.group("who") and not _POSSESSIVE.search(who)
            and who.split()[0] not in read_rules().function_words and who.split()[0] not in _NOT_SPEAKERS
            and re.match(r"\s*[:,]", narration[match.end("verb"):])):
        # "Ex-Space Force commander: …": a role after a body's name, no person named, the role (1.31)
        return match.start("who"), who, None, "partial_subject", match.group("verb")
    if who.lower() in _PRONOUNS or who == "It" and (match.group("verb") in _lexicon().forms
                                                   or match.group("verb") in _DIRECTIVES):
        return match.start("who"), who, match.group("verb"), "partial_subject", None  # "It has ordered …": a body
    if (owner := _document_owner(who)) is not None:  # "Tyler Perry’s Powerful Oscars Speech Asks …" (1.33)
        return match.start("who"), owner, match.group("verb"), "partial_subject", None
    if (_POSSESSIVE.search(who) or who.endswith(("’", "'")) or _not_a_speaker(who, None, _lexicon())
            or who.split()[0] in read_rules().function_words or who.split()[0] in _NOT_SPEAKERS):
        return None
    return match.start("who"), who, match.group("verb"), "partial_subject", None


def _reduced_relative_before(narration: str, start: int) -> bool:
    """True when, between `start` (the end of the subject's verb) and the first quote, a noun for
    people is followed at once by a participle in "-ing" ("police officers seeking", "voters calling
    for"): a reduced relative clause whose subject is those people, so the quote after it is in their
    clause, not in the sentence subject's. A participle after a comma ("…, marking the “…”") or a
    preposition ("toward ending") hangs on the subject and is not read here; nor is a noun for a
    document ("a speech calling for"), whose words are its issuer's."""
    quote = narration.find(_PLACEHOLDER)
    tokens = [t for t in _tagged(narration) if start <= t[2] < quote]
    return any(tag in ("NN", "NNS") and nxt == "VBG" and _names_a_person(word.lower(), _lexicon())
               and word.lower() not in _lexicon().documents and word.islower()
               for (word, tag, _), (_, nxt, _) in zip(tokens, tokens[1:]))


def _word_after(narration: str, start: int, name: str) -> str:
    """The lower-case word right after `name` written from `start` on ("" when `name` is empty or not
    there)."""
    at = narration.find(name, start) if name else -1
    found = re.match(r"\s+([a-z]+)\b", narration[at + len(name):]) if at >= 0 else None
    return found.group(1) if found else ""


def _document_owner(who: str) -> str | None:
    """The owner of a document named in title case at a headline's opening ("Tyler Perry’s Powerful
    Oscars Speech Asks"): a document's words are its owner's, as for a document in lower case
    (`owner_document`, labelling rule 8); the document noun ends the owned words or comes before
    one more (the headline's verb). None when no document is owned or a person follows it ("Trump's
    Speech Writer Jane Roe")."""
    parts = _OWNER_SPLIT.split(who, maxsplit=1)
    if len(parts) != 2 or not all(w[:1].isupper() for w in parts[1].split()):
        return None
    owned, lexicon = parts[1].split(), _lexicon()
    at = [i for i, w in enumerate(owned) if w.lower() in lexicon.documents and i >= len(owned) - 2]
    after = owned[at[-1] + 1:] if at else []
    if not at or any(w in read_rules().given_names or w in lexicon.roles for w in after):
        return None
    owner = parts[0].split()
    return " ".join(owner) if owner and owner[0] not in read_rules().function_words else None


# Verbs of command after which "It" (a body) gives the quoted words ("It has ordered Facebook to …
# “justify …”"); any other verb after "It" ("It marks an “I told you so” tour") does not.
_DIRECTIVES = frozenset({"ordered", "directed", "instructed", "required", "told", "asked", "urged"})

# A verb in the past (after an adverb or not) right after the word read as the subject's verb: that
# word was a noun ("Catholic bishops approved").
_VERB_AFTER_NOUN = re.compile(r"\s+(?:[a-z]+ly\s+)?(?!(?:need|speed|feed|seed|red|bed|shed)\b)[a-z]+ed\b")

# A clause of its own with a named subject between a sentence's subject and its quote.
_OTHER_CLAUSE = re.compile(r"\b(?:after|when|while|because|since|before|until|although|though|whereas)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+(?:[a-z]+ly\s+)?[a-z]+")

# Words that say the quoted span is a name or a term, not anyone's words: "so-called “…”", "known as".
_SCARE = re.compile(rf"\b(?:so-called|known as|titled|entitled|named|dubbed|called)\s+(?:the\s+|a\s+)?{_PLACEHOLDER}\b")

_STAFF = re.compile(rf"\s+(?P<role>(?:[a-z][\w-]*\s+){{1,3}}?)(?P<person>[A-Z][\w’'.\-]*\s+{_NAME})")

_BODY_TAIL = re.compile(rf"(?:\s+(?:and|of|for)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)+"
                        rf"(?:\s*\([^()]{{1,30}}\))?\s+(?P<person>{_NAME})")


def _titled_after_body(who: str, after: str) -> str:
    """The person a body's name with "and" / "of" in it introduces ("Health and Human Services (HHS)
    Secretary Xavier Becerra declared"): the name pattern stops at "and", so `who` is only the
    body's first word; the titled person after the whole name is the subject. Else `who`."""
    match = _BODY_TAIL.match(after)
    if match is None:
        return who
    roles, name = _split_label(match.group("person").split())
    return match.group("person") if roles and len(name) >= 2 else who


_OFFICE_HOLDER = re.compile(rf"\s+(?:to|for|at|of)\s+(?:the\s+)?(?P<run>{_NAME})")


def _office_holder(who: str, after: str) -> str:
    """The person an office and what it serves introduce: "U.S. Special Envoy for Haiti Daniel Foote
    resigned" → "Daniel Foote" (the name pattern stops at "for", so `who` is the office alone). The
    person is the last words of the capitalised run after "to" / "for" / "at" / "of", from a given
    name on ("Haiti | Daniel Foote"), when `who` ends in a role word. Else `who`."""
    last, lexicon = who.split()[-1], _lexicon()
    if not who[:1].isupper() or not (last in lexicon.roles or last.lower() in lexicon.nouns | lexicon.titles):
        return who
    match = _OFFICE_HOLDER.match(after)
    if match is None:
        return who
    run = match.group("run").split()
    given = read_rules().given_names
    start = next((i for i in range(1, len(run) - 1) if run[i] in given), None)  # the office's object first
    return " ".join(run[start:]) if start is not None else who


def _staff_member(who: str, after: str) -> str:
    """The person a body's name and a lower-case role introduce, when one follows: "CNN anchor Jake
    Tapper", "New York Post reporter Laura Italiano", "the agency's deputy director Jane Roe" speak
    as the person, not the body. Otherwise `who` as it is."""
    match = _STAFF.match(after)
    if not who[:1].isupper() or match is None:
        return who
    if not any(word in _lexicon().staff for word in match.group("role").split()):
        return who
    return match.group("person")


_DASH_LINE = re.compile(rf"^\s*[—–-]\s*(?P<who>{_NAME})")


def _dash_line(narration: str):
    """The attribution of a line that names the author of the quote above it ("— Sen. Jane Roe
    (R-Ark.), in a tweet, April 25, 2021"), in the form of `_attribution`."""
    match = _DASH_LINE.match(narration)
    return None if match is None else (match.start("who"), match.group("who"), None, "dash_line", None)


_DOCUMENT_VERBS = f"(?:{'|'.join(sorted(_DOCUMENT_VERB_SET))})"


@lru_cache(maxsize=1)
def _document_patterns() -> tuple[re.Pattern, re.Pattern, frozenset]:
    """The two forms of a document with its author: "DOCUMENT … by NAME" and "NAME filed a DOCUMENT"
    (a body's name defined by its acronym in brackets gives the acronym: "The Centers for Disease
    Control and Prevention (CDC) released a report"), and the words one of which a sentence holds
    when it names a document."""
    documents = _alternatives(_lexicon().documents)
    by_author = re.compile(rf"(?i:\b(?P<doc>{documents}))\b(?:[\s,]+[\w-]+){{0,3}}?\s+(?:by|from)\s+(?:the\s+)?"
                           rf"(?P<who>{_NAME})")
    author_first = re.compile(rf"^\s*(?:The\s+)?(?:[A-Z][^()]{{0,80}}?\((?P<acronym>[A-Z]{{2,6}})\)|(?P<who>{_NAME}))"
                              rf"\s+(?:[a-z]+\s+){{0,3}}?{_DOCUMENT_VERBS}\s+"
                              rf"(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?(?P<doc>{documents})\b")
    heads = frozenset(w for d in _lexicon().documents for w in d.split() for w in (w, w + ",", w + "."))
    return by_author, author_first, heads


@lru_cache(maxsize=1 << 16)
def _document_author(narration: str):
    """(document noun, author) when a sentence introduces a document with its author: "an opinion
    released Friday by the Justice Department's Office of Legal Counsel", "The Majority Opinion by
    Judge Jane Roe", "The Federal Trade Commission has filed an amended complaint"; else None."""
    by_author, author_first, heads = _document_patterns()
    words = set(narration.lower().split())
    if heads.isdisjoint(words):
        return None  # no document named: skip the regexes
    by = by_author.search(narration) if "by" in words or "from" in words else None
    if by is None and not _DOCUMENT_VERB_SET.isdisjoint(words):
        by = author_first.search(narration)
    if by is not None and by.groupdict().get("acronym"):  # "The Centers for … (CDC) released a report"
        return by.group("doc").lower(), by.group("acronym")
    if by is None or by.group("who").split()[0] in read_rules().function_words:
        return None
    who = by.group("who")
    tokens = who.split()
    if len(tokens) > 1 and re.fullmatch(r"[\w.]+-based", tokens[0]):
        tokens = tokens[1:]  # "the US-based Institute …": where the body is, not its name
    more = _BODY_MORE.match(narration, by.end("who"))
    if more.group() and re.search(r"\s(?:of|for)\s", who + more.group()):
        # "the Institute of Energy Economics and Financial Analysis", "the Centers for Disease Control
        # and Prevention": a body's name goes on over "for" and "and"
        return by.group("doc").lower(), _POSSESSIVE.sub("", " ".join(tokens) + more.group()).rstrip(".,")
    tokens = _owned_body(_without_owner(tokens))
    roles, name = _split_label(tokens)
    who = " ".join(tokens) if not name or not roles or not _titled_person(roles, name) else " ".join(name)
    return by.group("doc").lower(), _POSSESSIVE.sub("", who).rstrip(".,")


_CAPITALISED = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*"
_BODY_MORE = re.compile(rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAPITALISED})*(?:\s+and\s+{_CAPITALISED})?")


def _owned_body(tokens: list[str]) -> list[str]:
    """A body without the person who owns it ("President Joe Biden’s Supreme Court Commission" →
    "Supreme Court Commission"): the words after the last possessive, when one of them is an
    organisation word and none before it is (rule 7: the body that issues a document speaks, not
    the person who owns or leads it)."""
    cut = max((i + 1 for i, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t) or t.endswith(("’", "'"))),
              default=0)
    organisation = read_rules().organisation_words
    if (cut and any(t.rstrip(".,") in organisation for t in tokens[cut:])
            and not any(_POSSESSIVE.sub("", t).rstrip("’'") in organisation for t in tokens[:cut])):
        return tokens[cut:]  # a person's body; a body's own part keeps it ("Justice Department’s Office …")
    return tokens


# A word each pattern needs in the sentence (a cheap test before the regex).
_NEEDS = {"after_quote": _PLACEHOLDER, "opening_participle": _PLACEHOLDER, "quote_name": _PLACEHOLDER,
          "passive_by": _PLACEHOLDER, "words_of": "words", "according_to": "ccording to",
          "according_to_document": "ccording to", "according_to_author": "ccording to",
          "according_to_as_put": " put", "document_which": "which", "document_from": " from ",
          "what_called": _PLACEHOLDER, "prompted": _PLACEHOLDER,
          "owner_claim": _PLACEHOLDER, "owner_document": _PLACEHOLDER, "naming_verb": _PLACEHOLDER,
          "issued_document": _PLACEHOLDER, "quoted_as": "quot", "judged_for": " for ", "judging_for": " for ",
          "which_called": _PLACEHOLDER, "known_for": " for ", "pronoun_claim": _PLACEHOLDER}


@lru_cache(maxsize=1 << 16)
def _attribution(narration: str):
    """(start, who, verb as written, pattern name, noun after who) of the sentence's attribution, or
    None: the first one, unless a later one frames the whole sentence (`_tail_attribution`), and none
    whose verb stands in a clause opened after every quote (`_in_clause_after_quotes`)."""
    found = _governing_attribution(narration)
    return None if found is not None and _in_clause_after_quotes(narration, found) else found


def _governing_attribution(narration: str):
    """The attribution of `_attribution` before the clause after the quotes is looked at."""
    best = _first_attribution(narration)
    if best is not None and (after := _speaker_after_reported_quote(narration, best)) is not None:
        return after  # "The Times reported that …: “…,” the judge, Col. Jane Roe, said": the judge's words
    if (best is None or best[3] not in ("name_verb", "subject_participle")
            or "," not in narration[best[0]:] and _PLACEHOLDER not in narration[best[0]:]):
        return best  # "a fact sheet …, which said “…,” the Journal reported": the document's words
    if best[3] == "name_verb" and _right_after_quote(narration, best[0]):
        return best  # "“…,” Jane Roe added, the Times reported": the nearer attribution, the Times its source (1.43)
    tail = _tail_attribution(narration, best[0])
    if tail is not None and _reports_others(tail) and _names_its_speaker(narration, best):
        return best  # "Jane Roe said the plan was “…”, the Times reported": the Times is where it was reported (1.49)
    return tail or best


def _speaker_after_reported_quote(narration: str, best):
    """The attribution right after the sentence's first quote ("“…,” the judge, Col. Jane Roe of the Army, said")
    when the sentence's first attribution is a source that reports it ("The Times reported that …", "according to
    the Post") and that attribution names a person: the quote is the object of that person's verb of saying, and
    the source reports the saying (labelling rule 1: the clause holding the quote; 1.58). None otherwise."""
    quote_at = narration.find(_PLACEHOLDER)
    if quote_at <= best[0] or not (best[3] == "name_verb" and _reports_others(best) or best[3] == "according_to"):
        return None
    after = _first_attribution(narration[quote_at:])
    if (after is None or after[3] not in ("quote_name", "after_quote", "verb_name", "name_verb")
            or narration[quote_at:quote_at + after[0]].strip(" ,") not in ("", _PLACEHOLDER) or not _named_speaker(after)):
        return None
    return (quote_at + after[0], *after[1:])


# words that open a relative or an adverbial clause
_CLAUSE_OPENER = re.compile(r"\b(?:where|wherein|whereby|which|who|whom|whose|when|while|whilst|after|before|because|"
                            r"since|until|unless|although|though|if)\b")


def _in_clause_after_quotes(narration: str, found) -> bool:
    """True when the subject and verb `found` by the "name verb" pattern stand after every quote of the sentence,
    in a relative or adverbial clause opened after the last one ("… refrained from using the word “women” during
    a hearing where she recounted her experience"): that clause's verb has its own object and governs nothing
    before it, so the quoted terms are nobody's (labelling rule 9). "“…,” she said" and "…, she said, “…”" have
    no such clause between, and in "“…” when Jane Roe left, John Doe said" a comma closes it (1.52)."""
    last = narration.rfind(_PLACEHOLDER)
    if found[3] != "name_verb" or not found[2] or last < 0 or last + len(_PLACEHOLDER) > found[0]:
        return False
    verb_at = narration.find(found[2], found[0])
    openers = list(_CLAUSE_OPENER.finditer(narration, last + len(_PLACEHOLDER), verb_at))
    # a comma after the clause's opener closes it: "“…” when Jane Roe left, John Doe said" is John Doe's
    return bool(openers) and not re.search(r"[,;—–]|\s--\s", narration[openers[-1].end():verb_at])


_REPORTED = frozenset({"reported", "reports", "reporting"})
_OWN_WORDS = {"his": "he", "her": "she", "their": "they"}  # "in her own words": the pronoun whose words they are


def _reports_others(found) -> bool:
    """True when an attribution's verb is "reported": a paper or a broadcaster that reports a sentence naming
    its own speaker by a verb of saying is where the words were reported, not who said them (labelling rule 1:
    the clause holding the quote)."""
    return found[2] in _REPORTED


def _names_its_speaker(narration: str, found) -> bool:
    """True when the attribution `found` gives a quote of the sentence to someone it names by a verb of saying
    ("Jane Roe said the plan was “…”"): not a pronoun, not a document ("A draft report … confirms …, the Times
    reported" is the Times' report), and only for a quote (a reported clause with no quote is what the paper
    reports, its source the paper). A participle of saying whose subject opens the sentence names its speaker as a
    finite verb does ("Jane Roe was furious, claiming that John Doe “…,” the Times reported": 1.58)."""
    return (_PLACEHOLDER in narration and found[3] in ("name_verb", "subject_participle")
            and found[1].lower() not in _PRONOUNS
            and found[1].split()[-1].lower() not in _lexicon().documents)


def _right_after_quote(narration: str, start: int) -> bool:
    """True when the attribution at `start` follows the sentence's first quote with at most a comma between
    ("“…,” Jane Roe added"): it governs that quote (labelling rule 1, the nearer attribution), and a later
    part ("…, the Times reported") names where the words were reported."""
    quote_at = narration.find(_PLACEHOLDER)
    return 0 <= quote_at < start and not narration[quote_at + len(_PLACEHOLDER):start].strip(" ,")


TAIL_MAX_WORDS = 12  # "…, Homeland Security Secretary Alejandro Mayorkas said Thursday," frames the sentence
# "…, according to two officials." ending a sentence without quotation marks: the source of all of it
_ACCORDING_TAIL = re.compile(r"\s*according to\b[^,;]*$")
# what may open a sentence or a part before its speaker: a bullet, an article, a count ("Two people
# familiar with the matter said …", "…, two U.S. officials said")
_COUNT_ONLY = re.compile(rf"[\s\-•*]*(?:(?:[Tt]he|[Aa]n?|{_alternatives(_COUNTS)}|{_capitalised(_COUNTS)}|\d+)\s+)?")
_PARTICIPLE_AFTER = re.compile(r"\s*(?:[a-z]+ly\s+)?([a-z]+ing)\b")


def _tail_attribution(narration: str, after: int):
    """An attribution between commas that frames the whole sentence, after the first one found at
    `after`: "President Joe Biden told Netanyahu that he expects “…,” the White House said." and "The
    administration faces a “serious challenge,” Secretary Jane Roe said Thursday, saying …" are the
    words of whoever is named last (news puts the source of a whole report after it: the clause before
    the comma is what the source said, whoever it names). The part after the last comma, or before a
    participle of a reporting verb ("…, saying …"), of at most `TAIL_MAX_WORDS` words, opening with
    its speaker and its verb; None when the sentence has no such part."""
    parts = [m.end() for m in re.finditer(rf",|\b{_PLACEHOLDER}\b", narration) if m.start() > after]
    forms = _lexicon().forms
    for k, start in enumerate(parts):
        end = parts[k + 1] - 1 if k + 1 < len(parts) else len(narration)
        part = narration[start:end]
        words = _WORD.findall(part)
        according = _PLACEHOLDER not in narration and _ACCORDING_TAIL.match(part) is not None
        if len(words) > TAIL_MAX_WORDS or not (according or any(w in forms for w in words)):
            continue  # too long, or no reporting verb: skip the patterns
        if k + 1 < len(parts):  # a part in the middle: only before "…, saying"
            participle = _PARTICIPLE_AFTER.match(narration, end + 1)
            if participle is None or participle.group(1) not in forms:
                continue
        found = _first_attribution(part)
        tails = ("name_verb", "verb_name", "according_to") if according else ("name_verb", "verb_name")
        if found is None or found[3] not in tails or not _COUNT_ONLY.fullmatch(part[:found[0]]):
            continue
        rest = part[part.find(found[2], found[0]) + len(found[2]):] if found[3] == "name_verb" else ""
        if _PLACEHOLDER not in rest and len(_WORD.findall(rest)) <= ATTRIBUTION_TAIL_WORDS:
            return (start + found[0], *found[1:])  # "… said Thursday": nothing said follows the verb
    return None


@lru_cache(maxsize=1 << 16)
def _first_attribution(narration: str):
    """(start, who, verb as written, pattern name, noun after who) of the first attribution in the
    sentence, or None. A base-form verb after a singular name is a noun ("the US state department"), not a
    reporting verb: only plural and anonymous subjects take it ("officials say")."""
    best, claim, verbs = _attribution_candidates(narration)
    if best is not None and best[3] == "owner_claim" and (nearer := [
            found for found in verbs if best[0] < found[0] < narration.find(_PLACEHOLDER)
            and _introduces_quote(narration, found)]):
        return min(nearer)  # "Refuting Jane Roe's claims that …, John Doe said, “…”": the verb's subject
    if (claim is not None and best[3] in ("name_verb", "subject_participle")
            and (claim[0] > best[0] or claim[0] == best[0] and claim[3] == "owner_claim")
            and _one_complement(narration, claim[0])):  # "Jane Roe's “…” remarks": not a verb "remarks"
        return claim  # "Jane Roe referred to John Doe's comment that the plan was “…”", "… when an interviewer
        # called the leader “a killer”": the nearer owner's or namer's words
    quote_at = narration.find(_PLACEHOLDER)
    if (best is not None and best[3] == "name_verb" and (opening := _SUBORDINATE_OPENING.match(narration))
            and best[0] < opening.end() <= quote_at and (main := [
                found for found in verbs if opening.end() <= found[0] and narration.find(found[2], found[0]) < quote_at
                and _PLACEHOLDER not in found[1] and not found[2].endswith("ing")
                and "," not in narration[found[0]:quote_at] and not _in_relative_clause(narration, found)])):
        return min(main)  # "Although aides said …, Jane Roe said she will “…”": the main clause's verb
    if (best is not None and best[3] == "name_verb" and best[0] < quote_at and not _introduces_quote(narration, best)
            and not _FRAMING_AS.match(narration) and (nearer := [
                found for found in verbs if best[0] < found[0] and narration.find(found[2], found[0]) < quote_at
                and _PLACEHOLDER not in found[1] and not found[2].endswith("ing") and _introduces_quote(narration, found)])):
        return max(nearer)  # "when asked if the club had admitted …, Jane Roe said, “…”": the verb before the quote
    if best is not None and best[3] == "name_verb" and best[0] < quote_at and (inner := [
            found for found in verbs if found[3] == "name_verb" and _opens_what_is_reported(narration, best, found)
            and narration.find(found[2], found[0]) < quote_at and _PLACEHOLDER not in found[1]
            and found[1].lower() not in _PRONOUNS and not found[2].endswith("ing") and _introduces_quote(narration, found)]):
        return inner[0]  # "The newspaper said Jane Roe dubbed it “…”": the reported speaker's words (1.44)
    if (best is not None and best[3].startswith("according_to") and best[0] < quote_at and (named := [
            found for found in verbs if found[3] == "name_verb" and best[0] < found[0]
            and narration.find(found[2], found[0]) < quote_at and _named_speaker(found)
            and not found[2].endswith("ing")])):
        return min(named)  # "According to one person familiar …, Jane Roe said the plan was “…”": her words (1.54)
    return best


def _named_speaker(found) -> bool:
    """True when an attribution's speaker is written as a name (capitalised, no pronoun, no unnamed source, no
    document): the one whose verb of saying holds the quote, nearer to it than a source "according to" names
    before (labelling rule 1, the clause holding the quote)."""
    who = found[1]
    return (who[:1].isupper() and who.split()[0] not in _OPENING_INDEFINITE and who.lower() not in _PRONOUNS
            and not who.startswith("The ") and not _is_anonymous_phrase(who)
            and who.split()[-1].lower() not in _lexicon().documents)


# the patterns whose speaker owns, names or is judged for the quoted words, nearer to them than a verb's subject
# before ("John Doe criticized Jane Roe for calling it “…”" is Jane Roe's; 1.49)
_CLAIMS = ("owner_claim", "pronoun_claim", "naming_verb", "which_called", "judging_for", "document_from")


def _attribution_candidates(narration: str):
    """(best, claim, verbs) of `_first_attribution` to choose from: the attribution of the sieve that
    starts first, the last one by a claim or a naming verb ("Jane Roe's claim that", "what critics
    called"), and every one by a reporting verb with its name before or after it; each an (start,
    who, verb as written, pattern name, noun after who), or None."""
    lexicon = _lexicon()
    best = claim = None
    verbs = []  # the attributions by a reporting verb, name before or after it
    for name, pattern in lexicon.patterns:
        needed = _NEEDS.get(name)
        if needed is not None and needed not in narration:
            continue  # the pattern cannot match: skip the regex
        for match in (_name_verb_matches(pattern, narration, lexicon) if name == "name_verb"
                      else pattern.finditer(narration)):
            read = _matched_speaker(name, pattern, match, narration, lexicon)
            if read is None:
                continue
            who, verb_text, noun_group = read
            if name in ("naming_verb", "which_called") and who.lower() in _PRONOUNS | {"it", "they"}:
                continue  # "what he called the country's “…”": whom "he" stands for is the other rules' to read
            noun = None if who.startswith("the ") else noun_group
            if name in _CLAIMS and (claim is None or match.start() > claim[0]):
                claim = (match.start(), who, verb_text, name, noun)
            if best is None or match.start() < best[0]:
                best = (match.start(), who, verb_text, name, noun)
            if name in ("name_verb", "verb_name"):
                verbs.append((match.start(), who, verb_text, name, noun))
            if name != "name_verb" or _PLACEHOLDER not in narration:
                break  # every subject and its verb is read: the one next to the quote may be a later one
    return best, claim, verbs


# what may stand between a verb of saying and the subject of the clause it reports: a day or an adverb, and "that"
_BEFORE_REPORTED = re.compile(r"\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+|[a-z]+ly\s+)?(?:that\s+)?")


def _opens_what_is_reported(narration: str, outer, inner) -> bool:
    """True when the attribution `inner` opens the clause that the verb of `outer` reports: its speaker
    stands right after that verb, with at most a day, an adverb and "that" between ("The newspaper said
    Jane Roe dubbed it “…”"). The quote is then the object of the inner verb, and labelling rule 1 gives it
    to the inner speaker, whose words the outer one reports (1.44)."""
    verb_end = narration.find(outer[2], outer[0]) + len(outer[2])
    return verb_end <= inner[0] and _BEFORE_REPORTED.fullmatch(narration, verb_end, inner[0]) is not None


# "As the Times reported, …": an attribution opening the sentence that frames all of it
_FRAMING_AS = re.compile(r"\s*As\s[^,]{3,80},")
# A subordinate clause opening the sentence, up to its comma ("Although aides said there would be no golf,"):
# an attribution in it governs that clause only, and a quote in the main clause after it is the main
# clause's reporting verb's (1.29). Not "As …," (`_FRAMING_AS`), which frames the whole sentence.
# The subordinator may follow an adverb or a span of time that measures it ("Almost immediately after …,",
# "One week after …,", "Shortly before …,"), and the clause may end at an aside between dashes after which the
# main clause's subject stands ("One week after he screamed at people -- a rant captured on video -- attorney
# Jane Roe says …"; 1.52).
_SUBORDINATE_OPENING = re.compile(r"\s*(?:(?:(?:[A-Z][a-z]+ly|Almost|Just|Soon|Long|Right|Only|Even|Moments|Hours|Days|Weeks|Months|Years)\s+"
                                  r"(?:[a-z]+ly\s+)?|"
                                  r"(?:[A-Z][a-z]+|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+)"
                                  r"(?=(?:after|before|since|when|once|until)\s)"
                                  r"|(?=Although|Though|Even\s+though|Even\s+if|While|Whereas|After|Before|When|"
                                  r"Whenever|Because|Since|If|Unless|Until|Once))"
                                  r"(?:[Aa]lthough|[Tt]hough|[Ee]ven\s+though|[Ee]ven\s+if|[Ww]hile|[Ww]hereas|[Aa]fter|[Bb]efore|"
                                  r"[Ww]hen|[Ww]henever|[Bb]ecause|[Ss]ince|[Ii]f|[Uu]nless|[Uu]ntil|[Oo]nce)"
                                  r"\s(?:[^,]{3,150},|[^,—–]{3,150}?\s(?:--|—|–)\s[^,—–]{3,150}?\s(?:--|—|–)(?=\s))")


def _in_relative_clause(narration: str, found) -> bool:
    """True when the attribution `found` opens a relative clause ("…, which Jane Roe said …")."""
    return re.search(r"\b(?:which|who|whom|that)\s+$", narration[max(found[0] - 12, 0):found[0]]) is not None


def _introduces_quote(narration: str, found) -> bool:
    """True when the attribution `found` stands right before the sentence's first quote: at most
    three words between its verb and the quote ("John Doe said on Tuesday, “…”"), and not in a
    relative clause (whose verb quotes nothing here: "the speech, in which Scott praised …, was “…”")."""
    verb_at = narration.find(found[2], found[0])
    between = narration[verb_at + len(found[2]):narration.find(_PLACEHOLDER)]
    return (len(_WORD.findall(between)) <= 3
            and not re.search(r"\b(?:which|who)\s+$", narration[max(found[0] - 12, 0):found[0]]))


# a verb in the plural right after a word in "-s": that word is a plural noun, not a verb of saying in the
# third person singular, which no finite verb follows ("his vaccine comments are", "the claims were")
_PLURAL_VERB_AFTER = re.compile(r"\s+(?:are|were|have)\b")
_HEAD_AFTER = re.compile(r"\s+([a-z][\w-]*)\b")
# a plural in lower case after a name and its bracket ("Group of Seven (G-7) leaders"): the name says whose
_MEMBERS_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+([a-z]+s)\b")
# a lower-case role after a body's name and before a verb, not before a person's name ("prosecutor opposed",
# not "president Jimmy Carter told")
_ROLE_AFTER_BODY = re.compile(r"\s+([a-z][\w-]*)\b(?!\s+[A-Z])")


def _opening_modifier(word: str) -> bool:
    """True when a word opening a sentence is one English writes in lower case as an adjective or adverb
    ("Unable", "Long", "Angry", "Determined"), so no name: TextBlob's lexicon (`actors.english`)."""
    return _lexicon_tags().get(word.lower(), "").startswith(("JJ", "RB", "VBN"))


# "by" right before a name: the agent of a passive ("Asked … by Jane Roe, John Doe said"), whose clause ends at the
# comma after it; the verb after that comma has its own subject (1.51)
_BY_BEFORE = re.compile(r"\bby\s+$")


def _matched_speaker(name: str, pattern: re.Pattern, match: re.Match, narration: str, lexicon: _Lexicon):
    """(who, verb as written, noun after who) of one match of the pattern `name`, or None when it
    names no speaker."""
    if name == "owner_document" and any(word in lexicon.forms for word in _WORD.findall(
            narration[match.end("who"):narration.find(_PLACEHOLDER, match.end("who"))].lower())) and not (
            _document_verb_after(narration, match.end("who"))):
        return None  # "Trump’s speech, which critics called “…”": the nearer verb's subject speaks
    if name == "verb_name" and match.group("verb").endswith("ing"):
        return None  # "by saying the U.S. economy has …": the name after a gerund is what is said of
    if name == "subject_participle" and "opening" in pattern.groupindex and not _opening_modifier(match.group("opening")):
        return None  # "Trump at the rally, Biden …": a name opens the sentence, read by the pattern without an opening
    if (name == "name_verb" and match.group("verb").endswith("s")
            and _PLURAL_VERB_AFTER.match(narration, match.end("verb"))):
        return None  # "his vaccine comments are being taken": a plural noun, the subject of "are" (1.32)
    if (name == "name_verb" and _BY_BEFORE.search(narration, 0, match.start("who"))
            and "," in narration[match.end("who"):match.start("verb")]):
        return None  # "Asked … by CNN’s Jane Roe, Mr Doe appeared agitated, responding": the agent asked (1.51)
    if name == "name_verb" and _own_question(match, narration):
        return None  # "were really “unsolicited,” with Gowdy asking her if she knew …": his question, not the term (1.33)
    raw = (match.group("who") or (match.group("who2") if "who2" in pattern.groupindex else None)
           or (match.group("who3") if "who3" in pattern.groupindex else None) or "")
    who = _written_who(name, match, raw, narration, lexicon)
    if who is None:
        return None
    noun_group = (match.group("noun") or match.groupdict().get("noun_late")) if "noun" in pattern.groupindex else None
    if name == "name_verb" and raw and who != raw.strip() and who == _person_of_the(narration[:match.start("who")]):
        noun_group = None  # "Jill Tyson of the FBI's congressional affairs office": "office" is the body's noun (1.52)
    if name == "name_verb" and (named := _named_before_party_member(who, narration[:match.start("who")])):
        who = named  # "Senator Jane Roe, Democrat of New York, …, called": the person, not her party and state (1.51)
    if name == "name_verb" and noun_group == _PLACEHOLDER and _POSSESSIVE.search(raw.strip()):
        return None  # "Jane Roe's “off-the-cuff” remarks that …": a noun phrase, its owner's words (`owner_claim`; 1.39)
    if (name == "subject_participle" and raw and (head := _ROLE_AFTER_BODY.match(narration, match.end("who")))
            and head.group(1) in lexicon.staff and raw.split()[-1] not in lexicon.roles):
        noun_group = head.group(1)  # "The Oakland County prosecutor opposed …, saying": the role, as after "said" (1.29)
    if (name == "name_verb" and _PLACEHOLDER not in narration and re.match(r"\s+that\b", narration[match.end("verb"):])
            and (owner := _claim_owner(raw, match.group("verb")))):
        who, noun_group = owner, None  # "to back his baseless claims that …": his claims, not "his baseless" claiming
    if name == "according_to" and who[:1].isupper() and (head := _HEAD_AFTER.match(narration, match.end("who"))):
        # "according to U.S. officials": the unnamed people of a body
        noun_group = head.group(1) if head.group(1) in {a.split()[-1] for a in lexicon.anonymous} else None
    verb_text = (match.group("verb") if "verb" in pattern.groupindex
                 else None if name == "words_of" else "according to")
    headed = _headed_who(name, match, narration, who, noun_group, lexicon)
    if headed is None:
        return None
    who, noun_group = headed
    who = _described_who(name, match, narration, who)
    if who is None or _not_said(name, match, narration, who, verb_text, lexicon):
        return None
    who, noun_group = _whole_name(name, match, narration, who, noun_group, raw)
    if name == "according_to" and (owner := _body_owner(who, lexicon)) is not None:
        who, noun_group = owner, None  # "according to the Bureau of Labor Statistics' Job Openings …": the bureau (1.33)
    if who.startswith(("the ", "The ")) and raw:
        who, noun_group = _headed_description(name, match, narration, who, noun_group)
    if who.split()[-1] in ("the", "a", "an"):  # "people familiar with the" + "matter" said: one description
        who, noun_group = _completed_description(who, noun_group, narration[match.end("who"):] if raw else "")
    if name == "name_verb" and raw and (agent := _AGENT_BEFORE.search(narration, 0, match.start("who"))) and (
            agent.group("agent").lower() in lexicon.agents):
        spoken_for = who[4:] if agent.group(0).lower().endswith("the ") and who.lower().startswith("the ") else who
        who, noun_group = f"{agent.group(0)}{spoken_for}", None  # "A spokesman for Jane Roe said": the spokesman speaks
    if noun_group is None and _title_alone(who, lexicon):
        return None  # "“…,” Sen." (the excerpt cut after the title): no name
    return who, verb_text, noun_group


# a party's member from a place in apposition after a name ("Jane Roe, Democrat of New York,"; 1.51)
_PARTY_MEMBER_OF = re.compile(r"(?:Democrat|Republican|Independent|Conservative|Labour MP|Tory)\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*")
_NAME_AND_COMMA = re.compile(rf"(?P<who>{_NAME}),\s*$")


def _named_before_party_member(who: str, before: str) -> str | None:
    """The name before a comma and `who` when `who` is a party's member from a place ("Democrat of New York"):
    an apposition that says which party and state the person named before it serves, never a speaker of its
    own, as "(D-N.Y.)" is not (1.51)."""
    if not _PARTY_MEMBER_OF.fullmatch(who):
        return None
    found = _NAME_AND_COMMA.search(before)
    return found.group("who") if found else None


@lru_cache(maxsize=1)
def _document_to_pattern() -> re.Pattern:
    """An owned document, "to" (or "before", "at") and whom it was given, then its verb ("’s address to
    Congress declared"; group `verb`)."""
    return re.compile(rf"[’']s?\s+(?:[a-z-]+\s+)?(?:{_alternatives(_lexicon().documents)})\s+(?:to|before|at)\s+"
                      rf"(?:the\s+)?(?:{_NAME}|[a-z]+)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")


def _document_verb_after(narration: str, end: int) -> bool:
    """True when the owned document after `end` is the subject of the reporting verb that follows
    its addressee ("President Joe Biden’s address to Congress declared “…”"): the owner speaks, not
    whom the document was given to, the object of "to"."""
    found = _document_to_pattern().match(narration, end)
    return found is not None and found.group("verb") in _lexicon().forms


_OWNER_SPLIT = re.compile(r"(?<=\w)(?:[’']s|(?<=s)[’'])\s+(?=[A-Z])")


def _body_owner(who: str, lexicon: _Lexicon) -> str | None:
    """The body that owns a named survey, report or data set read after "according to" ("the Bureau
    of Labor Statistics' Job Openings and Labor Turnover Survey", "the CDC's Morbidity and Mortality
    Weekly Report"): what a body publishes speaks for the body (labelling rule 8), whatever its name
    holds; None when the owner is no body or the owned name is a person's ("Fox News' Bret Baier",
    "the Pentagon's Press Secretary John Kirby")."""
    parts = _OWNER_SPLIT.split(who, maxsplit=1)
    if len(parts) != 2:
        return None
    owner, owned = re.sub(r"^(?:the|The)\s+", "", parts[0]), parts[1].split()
    rules = read_rules()
    body = (any(w in rules.organisation_words for w in owner.split())
            or re.fullmatch(r"(?:[A-Z]\.?){2,6}", owner) is not None)
    person = any(w in lexicon.roles or w.rstrip(".") in lexicon.roles or w.lower() in lexicon.titles or w in rules.given_names
                 for w in owned)
    return owner if body and not person and not _is_place(owner) else None


# a participle after "with" and its subject, then an addressee and "if" / "whether": an indirect question
_WITH_BEFORE = re.compile(r"\bwith\s+$")
_QUESTION_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:if|whether)\b")


def _own_question(match: re.Match, narration: str) -> bool:
    """True when a name's participle after "with" reports a question of its own, after the sentence's
    quotes ("tussled on whether … were really “unsolicited,” with Gowdy asking her if she knew …"): the
    absolute "with X asking Y if …" gives X the "if" clause, and the quotes before it belong to no one
    it names; a question quoted whole before it ("“Do you know the word?” with Gowdy asking her if …")
    is still his (1.33)."""
    quote_at = narration.find(_PLACEHOLDER)
    return (match.group("verb").endswith("ing") and narration[:quote_at].strip() != ""  # a quote woven in, not opening
            and _PLACEHOLDER not in narration[match.end("verb"):]
            and _WITH_BEFORE.search(narration, 0, match.start("who")) is not None
            and _QUESTION_AFTER.match(narration, match.end("verb")) is not None)


def _title_alone(who: str, lexicon: _Lexicon) -> bool:
    """True when `who` is an abbreviated title and nothing else ("Sen.", "Gov", "Dr."): an abbreviated title
    is written only before a name, so alone it names nobody (the name was cut off; 1.29). Initials ("U.S.")
    are no title."""
    abbreviated = {word.rstrip(".") for word in lexicon.roles if re.fullmatch(r"[A-Z][a-z]+\.", word)} | {
        short.capitalize() for short in lexicon.abbreviations}
    return who.strip().rstrip(".") in abbreviated


# A noun for someone who speaks for another, then "for" or "to", right before a speaker's name: the
# name is the one spoken for, and the noun (the head of the subject) the speaker ("Lawyers for the
# senator said", "an aide to Jane Roe told")
_AGENT_BEFORE = re.compile(r"(?<![\w’'-])(?:(?:[Aa]n?|[Aa]nother|[Tt]he|[Oo]ne|[Tt]wo)\s+)?"
                           rf"(?:(?!{_PLACEHOLDER}\b)[a-z][\w-]*\s+)?"  # a word before the noun, not a quote's stand-in
                           r"(?P<agent>[A-Za-z]+)\s+(?:for|to)\s+(?:the\s+)?$")


# A possessive and up to two lower-case words ("his baseless", "Trump’s false") before a noun for what
# someone says that a verb's form spells too ("claims", "remarks"): the noun's owner.
_POSSESSOR = re.compile(r"^(?:(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)|(?P<name>[A-Z].*?)[’']s?)(?:\s+[a-z][\w-]*){0,2}$")
_PRONOUN_OF = {"his": "he", "her": "she", "their": "they"}


@lru_cache(maxsize=1)
def _claim_nouns() -> frozenset:
    from ..lexicons import load_data

    return frozenset(load_data("reporting_verbs")["roles"].get("claims", ()))


def _claim_owner(raw: str, verb: str) -> str | None:
    """The owner of a claim read as a verb's subject ("his baseless | claims that …" → "he", "Trump’s
    false | claims" → "Trump"), when the verb is a noun for what someone says (`claims` of the
    reporting verbs) and the subject a possessive; else None. Read only for a sentence with no quoted
    span whose "claims" is followed by "that" (the clause is what the owner claims; a quote in the
    sentence is the other patterns' to give: `owner_claim`)."""
    found = _POSSESSOR.match(raw) if verb in _claim_nouns() else None
    if found is None:
        return None
    return _PRONOUN_OF[found.group("pronoun").lower()] if found.group("pronoun") else found.group("name")


def _headed_description(name: str, match: re.Match, narration: str, who: str, noun_group) -> tuple:
    """(who, noun after who) for a description opened by "the", up to its head noun: a noun for a kind
    of person read between it and the verb ("the nation's top infectious disease expert said"; a role
    or an unnamed source there is read as before, "the agency spokesman"), or after "according to" a
    description in lower case the words up to where it ends ("the state's finances website.")."""
    lexicon = _lexicon()
    if noun_group and f"{noun_group}s" in lexicon.heads and noun_group not in lexicon.heads | lexicon.titles:
        return f"{who} {noun_group}", None  # a kind of person ("expert"), not an adverb ("the opinion further notes")
    if (noun_group and noun_group.endswith("s") and who.split()[-1][:1].islower()
            and noun_group in {a.split()[-1] for a in lexicon.anonymous}):
        # "the world's top climate scientists said": a description in lower case ends with its plural noun
        # for people, as before an auxiliary ("… scientists have concluded", 1.36; 1.37)
        return f"{who} {noun_group}", None
    if noun_group in _CANDIDACY and not _POSSESSIVE.search(who) and all(w[:1].islower() or w[:1].isdigit()
                                                                         or w in read_rules().adjectives
                                                                         or w in _party_words()[0] for w in who.split()[1:]):
        # "the 2016 Democratic presidential nominee tweeted": the one a party or a race picks, after a year,
        # a party and adjectives, is the description's head (labelling rule 2; 1.39), not a noun between
        # subject and verb
        return f"{who} {noun_group}", None
    if (noun_group and _replies(match) and who.lower().startswith("the ") and len(who.split()) > 1
            and all(w.isalpha() and w.islower() for w in who.split()[1:]) and _names_a_person(noun_group, lexicon)
            and who.split()[-1] != noun_group and _lexicon_tags().get(noun_group, "").startswith("NN")):
        # "the old farmer replied": adjectives in lower case after "the", then the noun for a person that heads
        # the description (labelling rule 2), not the adjective before it. Only for one who replies, whom the
        # description names (`speaker_memory._speaker`, 1.50); after another verb a description stands for a
        # person named before, and "the former staff member said" is not that person. A noun in TextBlob's lexicon, not an
        # adverb made like one ("the opinion further notes"), and not once more when a body's kind already
        # joined it ("the pharmaceutical giant said"; 1.51)
        return f"{who} {noun_group}", None
    if (name.startswith("according_to") and who[4:5].islower()
            and (longer := _LONGER_DESCRIPTION.match(narration, match.end("who")))):
        return f"{who}{longer.group(1)}", noun_group
    return who, noun_group


def _replies(match: re.Match) -> bool:
    """True when the match's verb is one of replying ("replied", "responds", "answered")."""
    verb = match.groupdict().get("verb")
    return bool(verb) and _lexicon().forms.get(verb, (None, None))[0] in ("reply", "respond", "answer")


def _completed_description(who: str, noun_group, after: str) -> tuple:
    """(who, noun after who) for a description cut after its article ("people familiar with the"):
    the noun read after the verb's subject joins it, or else the word written next."""
    if noun_group:
        return f"{who} {noun_group}", None
    following = re.match(r"\s+([a-z][\w’'-]*)", after)
    return (f"{who} {following.group(1)}" if following else who), noun_group


def _written_who(name: str, match: re.Match, raw: str, narration: str, lexicon: _Lexicon) -> str | None:
    """The speaker as the match writes it (`raw`), trimmed to the person, office or body it names;
    None when it is not the speaker."""
    who = _without_trailing_day(re.sub(r"\s*(?:\.{2,}|…)$", "", raw.strip()))  # "said Saturday...", "Jane Roe Monday said"
    if raw and match.group("who") == raw:
        after = narration[match.end("who"):]
        who = _titled_after_body(_staff_member(_office_holder(who, after), after), after)
        if name == "name_verb" and (person := _person_of_the(narration[:match.start("who")])):
            who = person  # "Jane Roe of the National Weather Service added": the person
        elif name == "name_verb" and who[:1].isupper() and _OBJECT_BEFORE.search(narration[:match.start("who")]):
            return None  # "The authors of the study published in the journal Science argued": not Science
    if name == "according_to_document":  # "… from the New York State attorney general, Letitia James"
        role = (match.group("role") or "").split()
        if match.group("named"):
            who = match.group("named")
        elif role and (role[-1] in lexicon.heads | lexicon.titles or _POSSESSIVE.search(who)):
            who = f"{who} {' '.join(role)}"  # "… from Jane Roe’s office": the owner's office issues it
        if who[:1].islower():
            return None
    if name == "pronoun_claim":
        return "he" if who.lower() == "his" else "she"  # "his claim that …": whom "he" stands for (1.35)
    if name == "words_of" and who.lower() in _OWN_WORDS:
        return _OWN_WORDS[who.lower()]  # "brought up, in her own words, “to respect the police”": whom "she" stands for (1.52)
    if name == "owner_claim" and len(owned := re.split(r"[’']s?\s+", who)[-1].split()) >= 2:
        who = " ".join(owned)  # "Take MSNBC’s Nicolle Wallace’s contention": the last owner, a person
    if name == "quote_name" and any(w in lexicon.forms for w in who.split()[1:]):
        return None  # "“…,” the complaint alleges": the verb's own pattern reads it
    if name == "quote_name" and who.split()[0].lower() in _PHRASE_OPENERS:
        return None  # "“…” After Two-Year Suspension": a prepositional phrase names no one (1.32)
    return who


_OPENING_INDEFINITE = tuple(w.capitalize() for w in _INDEFINITE)  # "A", "An", "Another", "One" opening a sentence


def _headed_who(name: str, match: re.Match, narration: str, who: str, noun_group, lexicon: _Lexicon):
    """(who, noun after who) with the noun and a leading "the" / "a" read: a description, a body,
    an unnamed person, a place's office; None when `who` is no speaker."""
    if name == "document_verb" and (noun_group or who.split()[-1]).lower() not in lexicon.documents:
        return None  # "he read the bill", "police found the car": only a document's words are read or found
    if noun_group in ("he", "she", "they") and not who[:1].isupper():
        who, noun_group = noun_group, None  # "at the time she described": the pronoun is the subject
    if (noun_group and who[:1].isupper() and who.split()[0] not in _OPENING_INDEFINITE
            and (article := re.search(rf"(?<![\w’'.-]){_INDEFINITE_WORD}\s+$", narration[:match.start("who")]))):
        who = f"{article.group(0).lower()}{who}"  # "a U.S. official told": the article the name pattern left out, an unnamed person
    if who.split()[0] in _OPENING_INDEFINITE and " " in who:
        if not (_names_a_person(_head_noun(who.lower()), lexicon)
                or noun_group and _names_a_person(noun_group, lexicon)):  # "A health" + "official" said: (1.53)
            return None  # "A timeline was not laid out, but …": no person
        who = who[0].lower() + who[1:]  # "A Beijing official hit back, saying": an unnamed person
    if who.startswith("The ") and who[4:5].islower():  # "The agency’s report said": a description
        who = "t" + who[1:]
    if who in ("The", "the") and noun_group:  # "The agency said": a description
        who = f"the {noun_group}"
    elif noun_group and (who.startswith("the ") and (who[4:5].islower() or who.split()[-1].islower()) and (
            noun_group.capitalize() in read_rules().organisation_words or noun_group in read_rules().descriptors)
            or who.split()[0] in _INDEFINITE and " " in who and _kind_of_body_noun(noun_group)):
        # "The oversight panel said": the body's kind is the head, also after a place or a nationality
        # ("the Catalan justice department said", "the Chinese foreign ministry said"; 1.31), and after "a" or
        # "one" ("“…,” a local newspaper said": a body described, whose head is no noun after it; 1.54)
        who, noun_group = f"{who} {noun_group}", (noun_group if who.startswith("the ") else None)
    if (who.startswith("The ") and noun_group in lexicon.titles
            and (_is_place(who[4:]) or who[4:] in read_rules().adjectives)):
        who, noun_group = f"the {who[4:]} {noun_group}", None  # "The US president urged": named before
    elif who.startswith("The ") and who[4:5].isupper():  # "The White House said": the body
        # "The Committee said" (a kind), "The Taliban said" (one body): "the" kept for `speaker_memory._speaker`
        who = f"the {who[4:]}" if not noun_group and _after_the(who) else who[4:]
    elif (" " not in who and not noun_group and _after_the(f"the {who}")
          and re.search(r"\b[Tt]he\s+$", narration[:match.start("who")])):
        who = f"the {who}"  # "… after the Committee said", "said the Pentagon": a body
    elif who.split()[0] in _OPENING_CONJUNCTIONS and len(who.split()) > 1:
        who = who.split(None, 1)[1]  # "As David Schleicher … pointed out": the name after "As"
    elif _time_opens(who.split(), narration[:match.start("who")]):
        who = who.split(None, 1)[1]  # "Sunday Pelosi said", "In April Congress said": the time is no part of a name
    elif (who.split()[0] in _NOT_SPEAKERS and not (who == "It" and name in ("name_verb", "what_called"))
          and not _month_opens_name(who.split(), narration[:match.start("who")])):
        return None  # "It said" is a body's attribution (`speaker_memory._speaker`)
    if (name in ("name_verb", "naming_verb") and noun_group and who[:1].isupper() and not _POSSESSIVE.search(who)
            and noun_group.capitalize() in read_rules().organisation_words):
        who, noun_group = f"{who} {noun_group}", None  # "The Biden administration said": the body
    if (" " not in who and _ORGANISATION_HEAD.search(narration[:match.start("who")])
            and not (name == "name_verb" and _joins_body(who, narration[:match.start("who")]))):
        return None  # the tail of a body's name: "… Control and Prevention said" (read whole by `_whole_name`)
    if _not_a_speaker(who, None if who.startswith("the ") else noun_group, lexicon):
        return None
    return who, noun_group


def _is_anonymous_phrase(who: str) -> bool:
    """True when `who` opens with one of the lexicon's anonymous phrases ("a senior official …")."""
    return any(_opens_with(who.lower(), phrase) for phrase in _lexicon().anonymous)


_OWNED_NOUN = re.compile(r"[’']s?\s+([a-z][\w-]*)(?=\s*(?:[.,;!?]|$))")


def _owned_person(narration: str, end: int) -> str | None:
    """The noun a possessive right after a speaker's words owns, when it names a person and ends the
    clause ("said the senator's wife.": "wife"): in English the possessed noun heads the phrase, so
    the speaker is that person, not the owner."""
    owned = _OWNED_NOUN.match(narration, end)
    return owned.group(1) if owned and _names_a_person(owned.group(1), _lexicon()) else None


def _described_who(name: str, match: re.Match, narration: str, who: str) -> str | None:
    """`who` extended to the whole description or the name in apposition after a verb ("said
    another intensive-care nurse", "said his wife, Jane Roe"); None when it is the subject of what
    is reported."""
    first = who.split()[0].lower()
    if (name == "verb_name" and first in _INDEFINITE and not _DESCRIPTION_ENDS.match(narration[match.end():])
            and (longer := _LONGER_DESCRIPTION.match(narration, match.end()))):
        who = f"{who}{longer.group(1)}"  # "said another intensive-care nurse.": the whole description
        match_end = longer.end()
    else:
        match_end = match.end()
    if name == "verb_name" and (_INFINITIVE_BEFORE.search(narration, 0, match.start("verb"))
                                or _THAT_AFTER.match(narration, match.end())
                                or _owns_a_clause(narration, match.end(), who)):
        return None  # "to warn voters that …", "said the president’s moves … have": not who speaks
    if name == "verb_name" and who[:1].isupper() and (_FINITE_AFTER.match(narration, match.end())
                                                     or _finite_next(narration, match.end())
                                                     or _QUOTE_NEXT.match(narration, match.end())):
        return None  # "said Harris would be releasing something": the subject of what is reported
    if name == "verb_name" and first in _INDEFINITE and _opens_reported_clause(narration, match_end):
        return None  # "says a coalition of liberal groups will have done …": the reported clause's subject (1.37)
    if (name in ("verb_name", "opening_participle") and (who.lower() in _PRONOUNS | {"it"} or first in _DETERMINERS)
            and not re.fullmatch(r"an?\s+(?:[A-Z]\S*\s+)?[A-Z]\S*", who)  # "said a New Yorker" speaks
            and not (first in _INDEFINITE and _DESCRIPTION_ENDS.match(narration[match_end:]))):
        if name == "verb_name" and first in _DETERMINERS and (named := _APPOSITION.match(narration, match.end())):
            who = named.group("who")  # "said his wife, Jane Roe, 69, of …": the name in apposition
        else:
            return None  # "saying he hopes", "said his administration has": the subject of what is reported
    comma = narration.find(",", match.end())
    if (name == "verb_name" and first == "the" and comma >= 0
            and re.fullmatch(r"(?:[’']s?)?(?:\s+[a-z][\w’'-]*){0,3}", narration[match.end():comma])
            and (named := _APPOSITION.match(narration, comma))):
        who = named.group("who")  # "promised the company's chief executive, Jane Roe, in …": the name
    elif name == "verb_name" and (owned := _owned_person(narration, match.end())):
        who = f"{who}’s {owned}"  # "said the senator's wife.": the wife, the possessed noun the head
    elif name == "verb_name" and first == "the" and _clause_follows(narration[match.end():]):
        longer = _LONGER_DESCRIPTION.match(narration, match.end())
        if longer is None or _finite_within(narration, match.end(), longer.end()):
            return None  # "said the plan was …", "claims the vaccines contain …": the reported clause
        who = f"{who}{longer.group(1)}"  # "replies the masked stranger, …": the whole description
        match_end = longer.end()
    if name == "verb_name" and first == "the" and (listed := _listed_after(narration[match_end:])) is not None:
        who = listed  # "said the church leaders ― the Reverends Jane Roe and …": the first named (1.38)
    if name == "according_to" and first in ("a", "an") and not _is_anonymous_phrase(who):
        return None  # "according to a blistering report": which words name the source is unclear
    if who[:1].isupper() and re.search(r"\bthe\s+(?:[a-z-]+\s+){0,2}$", narration[:match.start("who")]):
        roles, person = _split_label(who.split())
        if not person and roles[-1] in read_rules().titles:
            who = f"the {who}"  # "the South Carolina Republican": a description of someone named
    return who


_NEXT_WORD = re.compile(r"\s+([A-Z][\w.]*)")


_DATELINE_OPENING = re.compile(rf"\s*{_DATELINE}")


def _office_after(narration: str, end: int) -> bool:
    """True when the word right after `end` is a capitalised title of an office (`actors.toml` titles,
    the role words of the reporting verbs: "Assemblyman", "Sen.", "Attorney"): the lower-case "state"
    before it says which state's office it is ("state Assemblyman Anthony Brindisi", "state Sen. Jane
    Roe"), as "federal" would; the verb "state" is followed by what is stated, never by a title."""
    word = _NEXT_WORD.match(narration, end)
    return word is not None and (word.group(1) in read_rules().titles or word.group(1) in _lexicon().roles)


def _not_said(name: str, match: re.Match, narration: str, who: str, verb_text, lexicon: _Lexicon) -> bool:
    """Whether the match's verb is no reporting verb here (a base form read as a noun, "contends
    with") or its quote is not the participle's."""
    if (name == "name_verb" and verb_text == lexicon.forms[verb_text][0] and not who.endswith("s")
            and not any(_opens_with(who.lower(), a) for a in lexicon.anonymous)
            and not _BASE_AFTER.search(narration, 0, match.start("verb"))):
        return True  # "the US state department" (a noun), but "Jane Roe is expected to say" (a verb)
    if (name == "name_verb" and verb_text == lexicon.forms[verb_text][0] and _noun_follows(narration[match.end():])
            and not _BASE_AFTER.search(narration, 0, match.start("verb"))):
        return True  # "the US state department": a base form followed by a noun is a noun
    if verb_text == "state" and _office_after(narration, match.end("verb")):
        return True  # "state Assemblyman Anthony Brindisi": the adjective of an office, no verb (1.39)
    if verb_text and verb_text.startswith("contend") and re.match(r"\s+with\b", narration[match.end():]):
        return True  # "contends with scrutiny": faces, not says
    if "verb" in match.re.groupindex and _goes_on_doing(verb_text, narration, match.end("verb")):
        return True  # "why Trump continues to make claims": "continue to" goes on doing, says nothing (1.34)
    if (name == "verb_name" and verb_text in lexicon.forms and not verb_text.endswith(("ed", "ing"))
            and _OWNED_NOUN_BEFORE.search(narration, 0, match.start("verb"))):
        return True  # "After his July 27 comment, the report states": a possessive's noun, not a verb (1.34)
    if (name == "subject_participle" and (nearer := _NEARER_SAYER.search(narration, match.end("who"), match.start("verb")))
            and nearer.group("verb") in lexicon.forms):
        return True  # "People think …,” he said, hinting that …": the participle hangs on the nearer "he said" (1.34)
    if name == "name_verb" and re.match(r"[Tt]he\s", who) and _PREPOSITION_BEFORE.search(narration, 0, match.start("who")):
        return True  # "Trump in the interview also touched on …": the object of "in", no subject (1.34)
    if name in ("name_verb", "naming_verb") and _noun_after_indefinite(match, narration, verb_text):
        return True  # "Pope Francis had a stern warning for …": the head of "a stern warning", no subject (1.34)
    if name == "opening_participle" and "," in narration[_DATELINE_OPENING.match(narration).end():narration.find(_PLACEHOLDER)]:
        return True  # "Speaking to reporters, Jane Roe said … “…”": the quote is not the participle's (a dateline's
        # comma, "CHILLICOTHE, Ohio — Blasting …", is no part of the participle's clause; 1.39)
    if name == "opening_participle" and _OPENS_AFTER_STOP.search(narration, 0, match.start("who")):
        return True  # "Clearing brush to create “firebreaks” is one way." “…,” Jane Roe says: a new sentence
    return False


# a subject and its reporting verb right before the comma of a participle ("…,” he said, hinting that"): the
# participle's subject is theirs, not that of the sentence's first clause
_NEARER_SAYER = re.compile(rf"(?:\b[Hh]e|\b[Ss]he|\b[Tt]hey|{_NAME})\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\s*,\s*$")
# a preposition right before a description ("in the interview"): the description is its object
_PREPOSITION_BEFORE = re.compile(r"(?<![\w’'-])(?:in|on|at|during|into|throughout|within)\s+$")
# "to" and a verb after "continue": doing on, not saying ("continues to make claims")
_TO_AFTER = re.compile(r"\s+to\s+[a-z]")
# a possessive determiner and at most three modifiers right before a word: that word is their noun
# ("his July 27 comment", "their latest report")
_OWNED_NOUN_BEFORE = re.compile(r"(?<![\w’'-])(?:his|her|their|its|our|my|your)\s+(?:[\w’'-]+\s+){0,3}$")
# a past participle of naming right before a quote ("a segment called “…”"): the noun's name
_NAMED_SO = frozenset({"called", "dubbed", "named", "titled", "entitled", "labeled", "labelled", "termed", "branded"})


def _goes_on_doing(verb_text, narration: str, end: int) -> bool:
    """True when `verb_text` is a form of "continue" followed by "to" and a verb ending at `end`: it
    says the subject goes on doing something, not that it speaks ("continues to weigh up the risks")."""
    return bool(verb_text) and _lexicon().forms.get(verb_text, ("",))[0] == "continue" and _TO_AFTER.match(narration, end) is not None


def _noun_after_indefinite(match: re.Match, narration: str, verb_text) -> bool:
    """True when the verb after an indefinite subject is no verb of that subject: an "-ing" form after an
    article and an adjective is the phrase's head noun ("a stern warning", "a blunt message"), and a past
    participle of naming right before the quote names the noun ("a segment called “Ya Bernt”", "a
    group named “…”"): in English a noun is "called" a name only in the passive, and an active "called"
    takes an object before the name ("a spokesman called it “…”")."""
    who = match.group("who") or ""
    if not verb_text or not re.match(rf"{_INDEFINITE_WORD}\s", who):
        return False
    if verb_text in _NAMED_SO and re.match(rf"\s*(?:an?\s+|the\s+)?{_PLACEHOLDER}", narration[match.end("verb"):]):
        return True
    if not verb_text.endswith("ing") or narration[match.end("who"):match.start("verb")].strip():
        return False
    last = match.start("who") + len(who.rstrip()) - len(who.split()[-1])
    return any(start == last and tag.startswith("JJ") for _, tag, start in _tagged(narration))


def _whole_name(name: str, match: re.Match, narration: str, who: str, noun_group, raw: str) -> tuple:
    """(who, noun after who) with the whole name written around `who`: a body's full name, an
    office, the first of a pair, a name in apposition to a description."""
    if name == "name_verb" and raw and (crowd := _crowd_before(narration[:match.start("who")])):
        return crowd + who, None  # "“Freedom!” thousands of Cubans chanted": a count of people, unnamed
    if (name == "name_verb" and who[:1].isupper() and (head := _BODY_HEAD.search(narration, 0, match.start("who")))
            and head.group("word") in read_rules().organisation_words):
        who = head.group("head") + who  # "the National Center for Health Statistics said": the whole name
    if (who[:1].isupper() and who.split()[-1] in read_rules().organisation_words
            and (joined := _AND_HEAD.search(narration, 0, match.start("who")))):
        who = joined.group("head") + who  # "the Food and Drug Administration said": the whole name
    if (name in ("name_verb", "subject_participle") and " " not in who and raw
            and (body := _BODY_APPOSITION.match(narration, match.end("who")))
            and body.group("kind").lower() in read_rules().descriptors):
        who = f"the {body.group('name')}" if " " not in body.group("name") else body.group("name")
        # "Environmental group the League of Conservation Voters praised …": the body
    if name == "name_verb" and who[:1].isupper() and (
            office := _office_of(narration[:match.start("who")], who)) is not None:
        who = office  # "China's ambassador to Britain warned": the office, not Britain
    elif name == "name_verb" and (who[:1].isupper() or who.split()[0] in ("his", "her", "their")) and (
            " and " not in who or read_rules().given_names & set(who.split(" and ")[0].split())) and (first_named := _first_of_pair(narration[:match.start("who")], who)):
        who = first_named  # "Jane Roe and her team wrote", "Jane Roe and John Doe said": the first named
    if (name == "name_verb" and raw and (who.startswith("the ") or who[:1].islower() and " " in who)
            and (named := _NAMED_APPOSITION.match(narration, match.end("who")))):
        who, noun_group = named.group("who"), None  # "the study's co-author, Jane Roe, said": the name
    if (raw and re.sub(r"^the\s+", "", who)[:1].isupper() and match.group("who") == raw
            and (tail := _body_tail(who, narration, match.end("who")))):
        who = f"{who.removeprefix('the ')} {tail}"  # "according to the Centers | for Disease Control and Prevention"
    elif raw and who[:1].isupper() and (more := _AND_MORE.match(narration, match.end("who"))) and _one_body(who, more.group(1)):
        who = f"{who} and {more.group(1)}"  # "according to U.S. Customs and Border Protection data": one body
    return who, noun_group


@lru_cache(maxsize=1)
def _crowd_pattern() -> re.Pattern:
    """A count of people and "of" ending the text (`crowds` in the data file: "thousands of ")."""
    counts = "|".join(re.escape(c) for c in sorted(_lexicon().crowds, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w’'.-])(?:{counts})\s+of\s+$", re.IGNORECASE)


def _crowd_before(before: str) -> str | None:
    """The count of people and "of" that `before` ends with ("… thousands of ", "Tens of thousands of "),
    or None."""
    found = _crowd_pattern().search(before)
    return found.group(0) if found else None


# The rest of a body's name after its organisation word: "for" (or "on" after a body that deliberates)
# and capitalised words, and "and" with more of them ("Centers | for Disease Control and Prevention",
# "Council | on Foreign Relations"); no weekday or month ("the Committee on Tuesday").
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Aug|Sept|Oct|Nov|Dec")
_NAME_TAIL = re.compile(rf"\s+(?P<tail>(?P<prep>for|on)\s+(?:the\s+)?(?!(?:{_DAYS}|{_MONTHS})\b){_NAME})"
                        rf"(?:\s+and\s+(?P<more>(?!(?:the|The)\s){_NAME}))?")
_DELIBERATE = frozenset({"Committee", "Subcommittee", "Commission", "Council", "Conference", "Panel", "Board"})


def _body_tail(who: str, narration: str, end: int) -> str | None:
    """The rest of a body's name written after `who` when `who` ends in an organisation word or its
    plural ("Centers", "Institute"): "for …" or, after a body that deliberates ("Council",
    "Committee"), "on …", then "and …" when those words hold no listed given name or title and are no
    second body's name ("… and Prevention", "… and Human Services"; not "… and Sen. Jane Roe", "… and
    Pacific Legal Foundation")."""
    rules = read_rules()
    last = who.split()[-1]
    if last not in rules.organisation_words and last.removesuffix("s") not in rules.organisation_words:
        return None
    tail = _NAME_TAIL.match(narration, end)
    if not tail or tail.group("prep") == "on" and last.removesuffix("s") not in _DELIBERATE:
        return None
    more = tail.group("more")
    words = more.split() if more else []
    if words and not any(w in rules.given_names or w in _lexicon().roles for w in words) and not (
            len(words) >= 2 and words[-1].rstrip(".,") in rules.organisation_words):
        return f"{tail.group('tail')} and {more}"
    return tail.group("tail")


# "and" and capitalised words after a name ("U.S. Customs | and Border Protection")
_AND_MORE = re.compile(r"\s+and\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")


def _one_body(first: str, second: str) -> bool:
    """True when two capitalised names joined by "and" are one body's name, as `_AND_HEAD` reads it
    backwards from a verb: the second ends in an organisation word and the first holds none and no
    given name ("U.S. Customs and Border Protection"; but "the Justice Department and the FBI", "Jane
    Roe and the Senate Committee" are two)."""
    rules = read_rules()
    return (second.split()[-1].rstrip(".,") in rules.organisation_words
            and not any(w.rstrip(".,") in rules.organisation_words or w in rules.given_names for w in first.split()))


def _joins_body(who: str, before: str) -> bool:
    """True when `who`, an organisation word, ends a body's name that `_AND_HEAD` reads whole from the
    words before it ("the Centers for Disease Control and | Prevention said") and that name is the
    subject, no preposition's object ("the former director for the Centers … said": the director)."""
    head = _AND_HEAD.search(before) if who in read_rules().organisation_words else None
    return head is not None and _OBJECT_OF.search(before, 0, head.start()) is None


# a preposition (and "the") right before a name: the name is its object ("director for the | Centers …")
_OBJECT_OF = re.compile(r"\b(?:for|of|at|with|to|from|by|in|on)\s+(?:the\s+)?$")


# capitalised words joined by "and" to a body's name after them ("Food and", "Department of Health and")
_AND_HEAD = re.compile(r"(?<![\w’'.-])(?P<head>(?:[A-Z][\w’'.-]*\s+)+(?:(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)+)*and\s+)$")
_BODY_HEAD = re.compile(r"(?<![\w’'.-])(?P<head>(?:[A-Z][\w’'.-]*\s+)*?(?P<word>[A-Z][\w.-]*)\s+(?:for|of)\s+(?:the\s+)?)$")
_BODY_APPOSITION = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}(?P<kind>[a-z][\w-]*)\s+the\s+(?P<name>{_NAME})")  # "… group the NAME"
_OFFICE_TO = re.compile(r"^(?:\S+[’']s?|the)\s.*?\s(?:to|for|at)\s+(?:the\s+)?[A-Z]")


def _office_of(before: str, who: str) -> str | None:
    """The holder of an office written as a role and the place or body it serves, when `who` (a name
    right before a reporting verb) is that place or body: "China's ambassador to Britain said", "the
    U.S. envoy to the United Nations said" → the whole description; None otherwise."""
    match = _office_patterns()[0].search(before)
    return None if match is None else re.sub(r"^The\b", "the", match.group() + who)


@lru_cache(maxsize=1)
def _office_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(an owner or "the", a role and "to" / "for" / "at" ending the words before a name; a role
    followed by one of these inside a speaker), for `_office_of` and `speaker_memory._speaker`."""
    roles = _alternatives(_lexicon().titles | _lexicon().nouns)
    return (re.compile(rf"(?:(?<![\w’'.-]){_NAME}[’']s?\s+|\b[Tt]he\s+(?:[A-Z][\w.]*\s+)?)(?:[a-z][\w-]*\s+){{0,2}}?"
                       rf"(?:{roles})\s+(?:to|for|at)\s+(?:the\s+)?$"),
            re.compile(rf"\b(?:{roles})\s+(?:to|for|at)\s"))


_PAIR_BEFORE = re.compile(rf"(?:^|\b{_PLACEHOLDER}|[,;:—–])\s*(?:[Tt]he\s+)?(?P<first>{_NAME})(?:\s*\([^()]{{1,30}}\))?"
                          rf"(?:,[^,]{{1,30}},)?\s+and\s+$")


def _first_of_pair(before: str, who: str) -> str | None:
    """The first of two speakers joined by "and" as one subject, when `before` (the words before the
    second, `who`) opens the clause with a name and "and": "Jane Roe and John Doe wrote" → "Jane
    Roe", "Jane Roe and her colleagues wrote" → "Jane Roe", "Bill and Melinda Gates said" → "Bill
    Gates" (rule 6 of the labelling rule: one speaker per quote, the first named); None otherwise (a
    first name of one word before another name: "Google and YouTube" may be two bodies)."""
    match = _PAIR_BEFORE.search(before)
    if match is None:
        return None
    first = match.group("first")
    if " " not in first and who[:1].isupper() and len(who.split()) >= 2:
        # "Bill and Melinda Gates": a given name shares the family name after it
        return f"{first} {who.split()[-1]}" if first in read_rules().given_names else None
    if (first.split()[0] in _NOT_SPEAKERS or _is_place(first) or read_rules().organisation_words & set(first.split())
            or " " not in first and who[:1].isupper()):  # "Google and YouTube": one word may be a body's name
        return None
    return first


@lru_cache(maxsize=1 << 12)
def _relative_pattern(forms: tuple, participles: tuple = ()) -> re.Pattern:
    """The regex of `_relative_attribution`: a name, ", who" or ", which", and a finite reporting verb (group
    `verb`) or a form of "be" and a participle of one (group `progressive`: "who is also accusing"; 1.39)."""
    adverbs = r"(?:(?:also|has|had|have|later|then|once|still|now|[a-z]+ly)\s+)*"
    progressive = (rf"|(?:is|are|was|were|been)\s+{adverbs}(?P<progressive>{_alternatives(participles)})"
                   if participles else "")
    return re.compile(rf"(?<![\w’'.-])(?P<who>{_NAME})(?:,\s+who|(?<![’'s]s)(?:\s+[a-z]+)?,\s+which)\s+{adverbs}"
                      rf"(?:[^,;]{{0,80}}?\s(?:and|but)\s+{adverbs})?(?:(?P<verb>{_alternatives(forms)}){progressive})\b[^;]*$")


def _relative_attribution(before: str):
    """The attribution of a second speaker in a relative clause before a quote ("…, as did Judge Jane
    Roe, who called it the “proper course”", "Acme, which said … that the “issue …”", "Acme magazine,
    which praises …", "Jane Roe, who this week hosted a gala and called him the “…”": the relative
    clause's verb or one joined to it by "and" / "but"), as
    `_attribution` gives it, or None: the quotes after it are that speaker's, whoever the sentence's
    subject is. Only finite reporting verbs (not "saying" alone; "is accusing", a form of "be" and the
    participle, is finite: "Jane Roe, who … is also accusing the department of a “witch hunt”", 1.39) and
    only a name written before ", who", or an unnamed person before "who" (`_indefinite_relative_pattern`)."""
    if " who " not in before and ", which " not in before:
        return None  # a cheap test before the regex
    forms = tuple(sorted(f for f, (verb, _) in _lexicon().forms.items() if f != verb and not f.endswith("ing")))
    participles = tuple(sorted(f for f in _lexicon().forms if f.endswith("ing")))
    match = _relative_pattern(forms, participles).search(before)
    if match is None and " who " in before and (match := _indefinite_relative_pattern(forms).search(before)):
        who = match.group("who")  # "A woman who said": the unnamed person, in lower case as elsewhere in a sentence
        return match.start(), who[0].lower() + who[1:], match.group("verb"), "relative_indefinite", None
    if match is None or match.group("who").split()[0] in _NOT_SPEAKERS or _is_place(match.group("who")):
        return None
    return match.start(), match.group("who"), match.group("verb") or match.group("progressive"), "relative", None


JUDGED_GAP_WORDS = 3  # "a “moderate” and a “progressive”": the words between quotes one judging verb governs


def _judged_attribution(before: str):
    """The attribution of a later quote of a sentence by a verb of judging someone for saying it, after the
    sentence's first quote ("Jane Roe called herself a “fighter” and ripped John Doe for suggesting she cannot be
    a “moderate” and a “progressive”": the second and third are John Doe's), as `_attribution` gives it, or
    None. `before` is the narration up to the quote; the quotes between the judging verb and this one are
    joined by a few words with no reporting verb, one complement (labelling rule 1: the clause holding the
    quote; 1.49)."""
    if " for " not in before or _PLACEHOLDER not in before:
        return None
    lexicon = _lexicon()
    pattern = dict(lexicon.patterns)["judging_for"]
    narration = before + _PLACEHOLDER
    found = None
    for match in pattern.finditer(narration, narration.find(_PLACEHOLDER) + len(_PLACEHOLDER)):
        found = match
    if found is None:
        return None
    between = _WORD.findall(narration[found.end():-len(_PLACEHOLDER)].replace(_PLACEHOLDER, " "))
    if len(between) > JUDGED_GAP_WORDS or any(w in lexicon.forms for w in between):
        return None
    read = _matched_speaker("judging_for", pattern, found, narration, lexicon)
    return None if read is None else (found.start(), read[0], read[1], "judging_for", read[2])


@lru_cache(maxsize=1 << 12)
def _indefinite_relative_pattern(forms: tuple) -> re.Pattern:
    """An unnamed person opened by "a", "an", "another" or "one" ("a source close to Jane Roe", "a man"), "who"
    and a finite reporting verb, and nothing after it but the words up to the quote (group `who`, `verb`): the
    relative clause says this person spoke the quote ("Axios quoted a source close to Roe who said, “…”"), not
    the sentence's subject, and an unnamed person is an anonymous source (labelling rule 5; 1.45)."""
    return re.compile(rf"(?<![\w’'.-])(?P<who>{_INDEFINITE_WORD}\s+(?:[\w’'.-]+\s+){{0,5}}?[\w’'-]+)"
                      rf"\s+who\s+(?:(?:also|then|later|once|[a-z]+ly)\s+)*(?P<verb>{_alternatives(forms)})\b[^;.!?]*$")


def _name_verb_matches(pattern: re.Pattern, narration: str, lexicon: _Lexicon):
    """The matches of the "name verb" pattern, skipping one whose aside between commas holds a
    finite reporting verb of its own ("the shooting of Jane Roe, the police announced on Monday,
    saying …"): that verb is the attribution, so the search goes on from inside the aside. After a
    match whose noun stands before the auxiliaries ("Other scientists have called"), the search goes
    on from the noun, so that the noun is tried as the subject when the words before it name nobody;
    and a description in lower case ends with such a noun, as without the auxiliaries ("Some of the
    world's top climate scientists have concluded": the scientists, not "the world's top climate")."""
    position = 0
    while (match := pattern.search(narration, position)) is not None:
        if match.group("who") and "noun_late" in pattern.groupindex and match.group("noun") and (
                match.group("who").split()[-1][:1].islower()):
            match = _WITHOUT_EARLY_NOUN[pattern].search(narration, match.start())
            if match is None:
                return
        aside = narration[match.end("who"):match.start("verb")]
        words = _WORD.findall(aside)
        if ("," in aside and not re.match(r"\s*,\s*(?:who|which)\b", aside)
                and any(w in lexicon.forms and not w.endswith("ing") and w != lexicon.forms[w][0] for w in words)):
            position = match.end("who")
            continue
        yield match
        position = match.end("who") if "noun_late" in pattern.groupindex and match.group("noun") else match.end()


# A person's name in apposition after a description: "said his wife, Jane Roe, 69, of …".
# a full name between commas, perhaps with the body it belongs to ("…, Jane Roe of the agency, said")
_NAMED_APPOSITION = re.compile(rf",\s+(?P<who>[A-Z][\w’'.\-]*\s+{_NAME})(?:\s+(?:of|for|at|from|with)\s+[^,]{{3,80}})?\s*,")
_APPOSITION = re.compile(rf",\s+(?P<who>[A-Z][\w’'.\-]*\s+{_NAME})\s*(?:,|\.|$)")

# A name after a preposition, "the" and a noun ("in the journal Science") is the noun's name inside
# the preposition's object, not the subject of a verb after it.
_OBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:in|of|by|from|at|with|into|on)\s+the\s+[a-z]+\s+$")
# "of" alone too when the body's description opens with "the" itself ("Jill Tyson of | the FBI's congressional affairs
# office acknowledged"; 1.52)
_OF_THE = re.compile(r"(?<![\w’'.-])((?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


def _person_of_the(before: str) -> str | None:
    """The person whose name stands right before "of the" and the body after it ("Jane Roe of the
    National Weather Service said": the body is where the person works), or None: two or more
    capitalised words, none a role or an organisation word ("Friends of the Earth" is one body)."""
    found = _OF_THE.search(before)
    if found is None:
        return None
    words = found.group(1).split()
    rules = read_rules()
    if any(w in rules.organisation_words or w in _lexicon().roles or w in rules.function_words for w in words):
        return None
    return found.group(1)
