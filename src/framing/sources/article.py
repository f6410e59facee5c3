"""The quote rows of one article: its sentences read in order, each quote given a speaker from its
own sentence or a neighbour.

For each sentence (or run of sentences joined around a quote left open, `spans._units`),
`_article_quotes` finds the attribution that governs its quotes (after a quote's closing mark, the
attribution next to it: `_after_closing`), reads its speaker with the article's memory
(`speaker_memory`), else the subject of the clause (`clause_tags`), and then looks at the
neighbours: a bare quote takes the speaker of the sentence before ("continued") or the one person
it named ("previous_mention"); a short "she said." or a dash line after a quote gives it that
speaker ("following"); a person described in a lede and named in the next sentence speaks the
lede's quotes (delayed identification, Bell 1991); in a sentence holding several quotes each is
governed by the attribution next to its closing mark. A sentence with an attribution and no quote
("X said that …") gives an indirect quote. Spans that are titles or terms, and spans that are an
attribution only (narration between two parts of a quote whose marks were lost), get no speaker.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import read_rules
from ..actors.english import _lexicon_tags
from ..lexicons import load_data
from .attribution import (ATTRIBUTION_TAIL_WORDS, _COUNT_ONLY, _attribution, _colon_subject, _dash_line,
                          _document_author, _headline_colon, _headline_says, _finite_within, _judged_attribution, _partial_subject,
                          _introduces_quote, _named_speaker, _relative_attribution, _subject)
from .clause_tags import _clause_attribution, _joined_verb_attribution, _tagged
from .name_kinds import (_KINDS_OF_BODY, _NOT_SPEAKERS, _POSSESSIVE, _PRONOUNS, _acronym_of, _is_place, _labels,
                         _names_a_person, _outlets, _split_label)
from .patterns import _NAME, _alternatives, _lexicon
from .spans import (_PARAGRAPH_CLOSE, _PLACEHOLDER, _QUOTE, _SPACES, _TERM, _WORD, _ends_sentence, _in_question_opening,
                    _is_name, _is_partial, _is_title, _names_a_programme, _narration, _only_quotes, _title_case,
                    _units, _without_asides)
from .speaker_memory import (_Memory, _antecedent, _clause_speaker, _of_kind, _remember_names, _sentence_people,
                             _single_mention, _speaker, _whom_stands_for, _without_command)

TERM_MAX_WORDS = 3  # a partial quote this short in a sentence with no attribution of its own is a term


def _article_quotes(article: list, text_col: str, written: list | None = None) -> list[dict]:
    """The quote rows of one article (its sentences in order); the full names it writes outside
    quotes are added to `written` as (event, name)."""
    units = _read_units(article, text_col)
    memory = _Memory()
    memory.genders.update(_genders_told(units))
    rows = []
    previous = None  # the attribution of the sentence before, when it named a speaker
    mentioned = None  # the one person or author the sentence before named, when it quoted nobody
    unattributed: list[dict] = []  # the full quotes of the sentence before that got no speaker
    described: list[dict] = []  # the quotes of the sentence before given to "a reporter" (`_named_next`)
    introduced = None  # (quotes, head noun, lede) of the sentence before: a person described, not named
    for record, last_id, text, spans, narration in units:
        memory.sentence += 1
        memory.note_sentence(_sentence_people(narration, memory), narration)  # "Sen. John Doe …; “…,” the senator said"
        found = _sentence_attribution(text, narration, spans, record.sentence_id != last_id, memory)
        read, found = _sentence_speaker(found, narration, spans, memory)
        read = _carried_on(read, found, narration, spans, previous, mentioned, memory)
        _complete_earlier_rows(read, found, narration, spans, unattributed, described, introduced)
        described, introduced = [], None
        previous = read[:6] if _goes_on(read, found) else None  # a dash line names the quote above it only
        _remember_names(narration, memory, headline=getattr(record, "kind", None) == "headline")
        mentioned = None if spans or found is not None else _single_mention(narration, memory)
        if written is not None and not _title_case(narration):
            # a command's verb opening the sentence is no given name ("Stop Biden's …": "Biden", 1.32)
            people = (_without_command(person) if opens and not roles else person
                      for roles, person, opens in _labels(narration))
            written.extend((getattr(record, "event", None), _POSSESSIVE.sub("", " ".join(person)))
                           for person in people if len(person) > 1)
        unattributed = []
        if found is None and not spans:
            continue
        base = {"article_id": record.article_id, "outlet": getattr(record, "outlet", None),
                "event": getattr(record, "event", None), "sentence_id": record.sentence_id,
                "sentence_end": last_id, "kind": getattr(record, "kind", None),
                "position": getattr(record, "position", None), **dict(zip(_SPEAKER_FIELDS, read[:6])),
                "pattern": read[6]}
        direct = [_direct_row(base, text, spans, k, narration, found, memory) for k in range(len(spans))]
        rows.extend(direct)
        if direct and (nearest := _own_speaker(direct[-1], base)) is not None:
            previous = nearest  # “A,” Jane Roe said, “B,” John Doe said. “C”: the nearest attribution goes on
        described = [row for row in direct if row["pattern"].endswith("_indefinite") and row["is_anonymous"]
                     and " " not in str(row["speaker"])]
        unattributed = [row for row, (_, end, _) in zip(direct, spans) if row["pattern"] == "unattributed"
                        and (_only_quotes(narration) or _ends_sentence(text, end))]
        if spans and (head := _described_head(narration, memory.sentence, rows, len(spans))) is not None:
            introduced = ([r for r in rows[-len(spans):] if (r["speaker"] is None or r["is_anonymous"]
                           or r["pattern"].endswith(("_body", "_place"))) and not _is_name(r["quote"])], *head)
        if not spans and found is not None and found[3] != "dash_line" and (row := _indirect_row(base, text, found)):
            rows.append(row)
    return _attribute_open_paragraphs(rows)


def _read_units(article: list, text_col: str) -> list[tuple]:
    """Each unit of the article (`_units`: record, last sentence id, text) with its quotes' spans (start, end,
    quoted text) and its narration (the quotes replaced, asides cut), read once for both passes."""
    out = []
    for record, last_id, text in _units(article, text_col):
        spans = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in _QUOTE.finditer(text)]
        out.append((record, last_id, text, spans, _without_asides(_narration(text, spans))))
    return out


def _genders_told(units: list[tuple]) -> dict[str, str]:
    """The gender the article tells of each person it names, read from all of its sentences (honorifics, gendered
    roles, the pronouns of a sentence that person opens alone: `_Memory.learn_gender`): a person's gender is the same
    throughout an article, so a pronoun before the sentence that tells it is read with it too ("Biden snapped at a
    reporter after she asked why he was “confident”" before "Biden … whirled around at his questioner")."""
    memory = _Memory()
    for record, _, _, _, narration in units:
        memory.sentence += 1
        _remember_names(narration, memory, headline=getattr(record, "kind", None) == "headline")
    return memory.genders


def _sentence_attribution(text: str, narration: str, spans: list, joined: bool, memory: _Memory):
    """(start, who, verb as written, pattern name, noun after who) of the attribution that governs
    the sentence's quotes (`joined`: sentences joined around a quote left open), or None; a
    document's author it names is remembered."""
    if spans and (author := _document_author(narration)):  # "The report – by the Institute – predicts “…”"
        memory.authors[author[0]] = memory.last_author = author[1]
    found = _attribution(narration) or (_dash_line(narration) if not spans else _subject(narration)
                                        or _colon_subject(narration) or _headline_colon(narration)
                                        or _headline_says(narration))
    if (spans and (joined or _sentence_end(narration, 0, narration.find(_PLACEHOLDER)))
            and (after := _after_closing(narration, found)) is not None):
        if found is not None and after[1].lower() in _PRONOUNS:  # "… according to Jane Roe." “…,” she said.
            _speaker(found, memory)  # the one the sentence before the quote gave words to has spoken
        found = after  # "… the campaign said it plans to act." “We know …,” Jane Roe said.
    if found is not None and (role := _role_before(narration, found)) is not None:
        found = role  # "The head of U.S. Central Command announced": the person in that role, not the body
    if not spans and found is not None and found[3].startswith("according_to") and (nearer := _nearer_attribution(narration, found)):
        found = nearer  # "…, the governor’s office said, according to the LA Times": the office's words, as reported
    if spans and found is not None and found[3] == "according_to" and (saying := _participle_after_source(narration, found)):
        found = saying  # "Jane Roe opened the rally, according to the Post, by saying, “…”": her words, as reported
    if found is not None and found[3] in ("according_to", "according_to_document") and (
            source := _whole_source(narration, found)) is not None:
        found = (found[0], source, *found[2:])  # "according to the county’s Department of Public Health"
    if (found is not None and found[3] in ("subject", "colon", "headline_colon") and not _named_subject(found[1], memory)
            and not (found[3] == "headline_colon" and _headline_surname(found[1]))
            and not (found[3] == "colon" and _proper_noun_subject(narration, found))):
        found = None
    if found is None and spans and all(_is_partial(text[:start], quote) for start, _, quote in spans):
        found = _partial_subject(narration)
        if found is not None and found[4] is None and not _named_subject(found[1], memory):
            found = None
    return found


# a body's name: capitalised words joined by the small words names hold ("Intergovernmental Panel on Climate
# Change", "Department of Health and Human Services")
_BODY_NAME = (r"[A-Z][\w’'.&-]*(?:\s+(?:(?:of|on|for|and|the|&)\s+)*(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
              r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|"
              r"December)\b)[A-Z][\w’'.&-]*)*")


@lru_cache(maxsize=1)
def _issued() -> str:
    """The nouns for what a body issues, as a regex: `documents` and the `issued` of the reporting verbs."""
    return _alternatives(sorted({*_lexicon().documents, *load_data("reporting_verbs")["roles"].get("issued", ())},
                                key=len, reverse=True))


# lower-case words and numbers before a name ("51-year-old Jane Roe", "former Jane Roe"): what describes the name
_MODIFIERS_BEFORE = re.compile(r"^(?:[a-z\d][\w-]*\s+)+(?=[A-Z])")


def _participle_after_source(narration: str, found):
    """The attribution read from the tags (`_clause_attribution`) of a sentence whose source "according to"
    (`found`) reports a named person's saying: the participle or verb of saying right before the first quote,
    after the source, whose subject is a name ("Owens did introduce her movement, according to The Washington
    Post, by saying, “…”"; "According to the Chicago Tribune, Jane Roe … talks of her gun by saying, “…”"). The
    quote is that verb's object, so its subject's words (labelling rule 1: the clause holding the quote), which
    the source reports; None when no such verb stands there (1.58)."""
    clause = _clause_attribution(narration)
    if clause is None or clause[3] != "clause" or not _named_speaker((clause[0], _MODIFIERS_BEFORE.sub("", clause[1]))):
        return None
    verb_at = narration.find(clause[2], clause[0])
    return clause if verb_at > found[0] and _introduces_quote(narration, (verb_at, *clause[1:])) else None


def _nearer_attribution(narration: str, found):
    """The attribution of "CLAUSE, SPEAKER said, according to SOURCE": the speaker's, which governs the clause
    (the source reports that the speaker said it; as for a quote, the nearer attribution governs: 1.43), or
    None when no verb of saying closes the words before "according to"."""
    head = narration[:found[0]].rstrip()
    if not head.endswith(","):
        return None
    inner = _attribution(head[:-1] + ".")
    if inner is None or inner[3] != "name_verb" or not inner[2]:
        return None
    tail = head[:-1][head.find(inner[2], inner[0]) + len(inner[2]):]
    return inner if len(_WORD.findall(tail)) <= ATTRIBUTION_TAIL_WORDS and "," in head[:inner[0]] else None


def _whole_source(narration: str, found) -> str | None:
    """The source "according to" names when the patterns read only the start of its description: the issuer
    of what it issued ("the latest data from the American Academy of Pediatrics (AAP)", "the new assessment
    by the Intergovernmental Panel on Climate Change", "the latest NBC News tally"; labelling rule 8), or a
    body named after its owner ("the county’s Department of Public Health", "the department’s Bureau of Labor
    Statistics"). The description runs to the end of its clause. None when it holds neither (the
    description is read as it is: "according to the most recent data" names nobody)."""
    who = found[1].rstrip(".")
    start = narration.rfind("ccording to", 0, found[0] + 12) + len("ccording to ")
    if start < len("ccording to ") or (at := narration.find(who, found[0])) < 0:
        return None
    phrase = re.split(r"\s*(?:[,;:!?]|\.(?:\s|$)|\s[—–]\s|\()", narration[start:], maxsplit=1)[0].strip()
    issued = _issued()
    if (match := re.match(rf"(?:[Tt]he|an?)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{issued})\s+(?:[a-z]+\s+)?(?:from|by|of)\s+"
                          rf"(?:the\s+)?(?P<who>{_BODY_NAME})(?=\s*$|\s+and\s)", phrase)) is not None:
        # the issuer ends the phrase or is joined to others by "and" ("a statement from the Department of Health
        # and Human Services and other …"); a document's issuer the patterns named is only ever read longer
        if found[3] == "according_to" or match.group("who").startswith(who):
            return match.group("who")
        return None
    if not who.lower().startswith("the "):
        staff = re.fullmatch(rf"(?:the\s+)?{_BODY_NAME}\s+(?:(?!(?:and|or|of|for|the|in|on|at|with)\s)[a-z-]+\s+){{1,3}}"
                             rf"(?P<who>[A-Z][\w’'.-]*\s+{_NAME})", phrase)
        return staff.group("who") if staff is not None else None  # "CNN meteorologist Taylor Ward": the person
    for form in (rf"[Tt]he\s+[a-z]+[’']s?\s+(?P<who>{_BODY_NAME})",
                 rf"[Tt]he\s+(?:[a-z-]+\s+){{0,2}}(?P<who>{_BODY_NAME})\s+(?:{issued})",
                 rf"(?P<who>[Tt]he\s+(?:[a-z-]+\s+){{0,2}}[a-z]+[’']s?\s+[a-z]+)"):  # "the former president’s office"
        if (match := re.fullmatch(form, phrase)) is not None:
            return match.group("who")
    return None


# a word in lower case that qualifies the noun after it, right before it: no article, preposition, conjunction,
# pronoun or verb form that a named group may follow ("what Democrats have dubbed", "by Republicans")
_QUALIFIED = re.compile(rf"(?:^|\s)(?!(?:the|by|to|of|for|from|with|and|or|but|that|what|as|while|when|because|if|"
                        rf"though|although|said|says|say|according|{_PLACEHOLDER})\s+$)(?:\d+|[a-z][\w-]*)\s+$")


# a person's name in apposition after a role: ", Gen. Mark Milley,"
_APPOSED_NAME = re.compile(rf",\s+(?P<who>{_NAME}\s+{_NAME}),")


@lru_cache(maxsize=1)
def _role_of() -> re.Pattern:
    """A role noun of the reporting verbs (`nouns`: head, chief, director, spokesman …) and "of" closing the
    words before a body's name: "The head of | U.S. Central Command"; or a person described by "a" or "an",
    a few words and a role or title (`titles`: judge, senator …), then "in", "at" or "of": "A federal judge in
    | the Southern District of California", where the body or place says where the person serves, and the
    person is who speaks (1.50)."""
    roles = _alternatives(_lexicon().nouns | _lexicon().titles)
    return re.compile(rf"(?:^|(?<=\s))(?:(?P<role>[Tt]he\s+(?:(?:top|new|former|acting|deputy|interim|chief)\s+){{0,2}}"
                      rf"(?:{_alternatives(_lexicon().nouns)}))\s+(?:of|for)"
                      rf"|(?P<described>[Aa]n?\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{roles}))\s+(?:in|at|of))\s+(?:the\s+)?$")


def _role_before(narration: str, found):
    """The attribution with its speaker read as the role of a person who heads or speaks for the body the
    patterns found ("The head of U.S. Central Command announced" → "the head of U.S. Central Command",
    a person: labelling rule 7, a person speaking for a body is the person), or None when no role and
    "of" stand right before the name."""
    start, who = found[0], found[1]
    if not re.sub(r"^the\s+", "", who)[:1].isupper() or found[3] not in ("name_verb", "according_to"):
        return None  # "the FBI" as a name: "The former director for the FBI said"
    at = narration.find(who, start)
    if at < 0 and who.startswith("the "):
        at = narration.rfind(who, 0, start + len(who))  # "the" read before the name's start
    if at < 0 or (role := _role_of().search(narration, 0, at)) is None or who.startswith("the ") and role.group("described"):
        return None
    if (named := _APPOSED_NAME.match(narration, at + len(who))) is not None:
        return (named.start("who"), named.group("who"), *found[2:])  # "The chairman of the Joint Chiefs, Gen. Mark Milley,"
    if role.group("described"):  # "A federal judge in the Southern District of California ruled": an unnamed judge
        described = role.group("described")  # read as "a federal judge ruled" is: an unnamed person
        return (role.start(), described[0].lower() + described[1:], *found[2:])
    return (role.start(), narration[role.start():at] + who, *found[2:])


def _sentence_speaker(found, narration: str, spans: list, memory: _Memory):
    """((speaker, label, verb, verb_text, stance, anonymous, pattern), attribution) of the sentence:
    `found` read by `speaker_memory._speaker`, else its clause's subject when the patterns found nobody; a speaker
    that is a body or speaks in a document is remembered."""
    read = (None, None, None, None, None, False, "unattributed")
    if found is not None or spans:
        read = _expanded_speaker(found, narration, memory)
    if (read[0] is None and (clause := _clause_attribution(narration) if spans
                             else _joined_verb_attribution(narration, found)) is not None):
        clause_read = _clause_speaker(clause, memory)  # the patterns found nobody: the clause's subject
        if clause_read is not None:
            read, found = clause_read, clause
    _remember_voice(read, found, narration, memory)
    return read, found


_SMALL_END = re.compile(r"(?:\s+(?:of|for|and|on|the))+$")  # "the Food and Drug Administration on Monday": no "on"


def _expanded_speaker(found, narration: str, memory: _Memory) -> tuple:
    """`speaker_memory._speaker`'s reading of `found`, its speaker written out: an acronym's full name (defined
    in brackets, or the one body the article has named whose initials it is: labelling rule 3), "he" / "she"
    the person meant, "his spokesman" the owner's."""
    speaker, *rest = _speaker(found, memory)
    if _cut_in_a_name(found, narration):  # "according to the Centers...": which body is cut off
        return (None, *rest[:-1], rest[-1] + "_cut")
    if (rest[-1].endswith("_group") and " " not in found[1] and (at := narration.find(found[1], found[0])) >= 0
            and _QUALIFIED.search(narration[:at])):
        # "The two top congressional Republicans said": some of a party's members, picked out by the words before
        # (labelling rule 5), not the party named as a whole ("Republicans said"; 1.46)
        return (None, *rest[:-1], rest[-1][:-len("_group")])
    speaker = memory.expansions.get(speaker, speaker)  # "WHO said" after "… Organization (WHO)": its full name
    if isinstance(speaker, str) and (body := _acronym_of(speaker, [_SMALL_END.sub("", b) for b in memory.bodies])):
        speaker = body  # "FEMA did signal" after "The Federal Emergency Management Agency, which …": its full name
    if (isinstance(speaker, str) and rest[-1].endswith("_body") and found is not None
            and found[1].lower() == f"the {speaker}" and (subject := _opening_body(narration[:found[0]], speaker))):
        speaker = subject  # "Customs and Border Protection is sending …, the agency said": that body (1.37)
    first = found[1].split()[0].lower() if found is not None else ""
    if first in ("he", "she"):
        speaker = _antecedent(narration[:found[0]], memory, first) or speaker
        if speaker is not None and speaker == _whom_stands_for(narration[:found[0]], memory):
            speaker = None  # "greetings from Jane Roe, whom he called …": he is not Jane Roe (1.51)
    elif first in ("his", "her") and speaker == found[1].split()[-1].lower():  # "his spokesman", nobody known
        owner = _antecedent(narration[:found[0]], memory, first)
        speaker = f"{owner}’s {speaker}" if owner else speaker
    return (speaker, *rest)



# capitalised words opening a sentence (perhaps after "The") and a word in lower case after them: the subject
_OPENING_NAME = re.compile(r"^\s*(?:The\s+)?((?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,6}[A-Z][\w’'.&-]*)"
                           r"(?=\s+[a-z])")


def _opening_body(before: str, head: str) -> str | None:
    """The body whose name opens the sentence as its subject, before an attribution "the agency said" that
    closes it ("Customs and Border Protection is sending …, the agency said"): the description stands
    for the body the same sentence names (labelling rule 1), when the name is no person's (no listed
    given name first), no place, and of the description's kind (`speaker_memory._of_kind`); for "the
    companies", the first of two names joined by "and" (labelling rule 6); for a possessive ("Pfizer’s
    vaccine"), the owner, unless a role follows it (the role's office speaks); else None."""
    match = _OPENING_NAME.match(before)
    if match is None:
        return None
    name = match.group(1)
    owner = re.match(r"(.+?)[’']s?(?=\s|$)", name)
    if owner is not None:  # "Pfizer’s COVID-19 vaccine has …, the drugmaker said": the owner, not its product
        owned = _WORD.findall(before[match.start(1) + len(owner.group(0)):])[:3]
        if any(w.lower() in _lexicon().titles or w.lower() in _lexicon().nouns for w in owned):
            return None  # "The Justice Department's inspector general will …, the office said": the person's office
        name = owner.group(1)
    if head.endswith("s"):  # "Pfizer and BioNTech requested …, the companies said": the first named (rule 6)
        if " and " not in name:
            return None
        name, head = name.split(" and ")[0], head[:-1]
    if (name.split()[0] in read_rules().given_names or _is_place(name) or name.split()[0] in _NOT_SPEAKERS
            or not _of_kind(name, head.capitalize())):
        return None
    return name


def _cut_in_a_name(found, narration: str) -> bool:
    """True when the excerpt is cut by an ellipsis right after a plural body word ("according to the
    Centers..."): English writes "Centers", "Institutes" before the "for" / "of" of a name, so the
    speaker's name is cut off and unknown (the Centers for Disease Control or another)."""
    if found is None or not found[1].split():
        return False
    last, end = found[1].split()[-1], narration.find(found[1], found[0]) + len(found[1])
    rules = read_rules().organisation_words
    return (last in rules and last.endswith("s") and last[:-1] in rules
            and re.match(r"\s*(?:\.{2,}|…)\s*$", narration[end:]) is not None)

def _remember_voice(read: tuple, found, narration: str, memory: _Memory) -> None:
    """Remembers a named speaker as the author of the means it speaks in ("In a statement, X …")
    and a body that speaks as one that "it" or "the panel" may later stand for."""
    speaker, anonymous, pattern = read[0], read[5], read[6]
    if (isinstance(speaker, str) and not anonymous and found is not None and "document" not in pattern
            and (means := _spoken_in().search(narration))):
        memory.authors[means.group("doc").lower()] = memory.last_author = speaker  # "In a statement, X lauded …"
    if isinstance(speaker, str) and not anonymous and (pattern.endswith("_body") or _apposed_to_body(found, narration)
                                                       or _name_after_the(found, narration)
                                                       or not read_rules().organisation_words.isdisjoint(speaker.split())):
        memory.voices.append(speaker)  # a body that speaks: "the panel" or "it" later on may be it
        memory.name_body(speaker)


def _name_after_the(found, narration: str) -> bool:
    """True when the speaker is two capitalised words or more written right after "the" ("the Gun Violence
    Archive reported"): English sets no article before a person's name, so the name is a body's, which
    "the organization" may later stand for (1.37)."""
    if found is None or not found[1][:1].isupper() or len(found[1].split()) < 2:
        return False
    return re.search(r"(?<![\w’'-])[Tt]he\s+$", narration[max(0, found[0] - 5):found[0]]) is not None


def _apposed_to_body(found, narration: str) -> bool:
    """True when the speaker's name stands in apposition to a description headed by a kind of body
    ("The company that owns most of her songs, Acme Records, says"): the name is a body's."""
    if found is None or found[3] != "apposition_verb":
        return False
    words = _WORD.findall(narration[:narration.find(found[1], found[0])])
    head = words[1] if len(words) > 1 and words[0].lower() in ("the", "a", "an", "its", "their") else ""
    return head.capitalize() in _KINDS_OF_BODY


def _carried_on(read: tuple, found, narration: str, spans: list, previous, mentioned, memory: _Memory) -> tuple:
    """`read`, or for quotes with no attribution of their own the speaker of the sentence before
    ("continued") or the one person it named ("previous_mention")."""
    if found is None and previous and spans and not _unread_attribution(narration):
        return (*previous[:6], "continued")  # quoted without a speaker: the one of the sentence before goes on
    if found is None and mentioned and spans and _only_quotes(narration):
        memory.meet(mentioned, (), speaker=True)  # the one named just before
        return (mentioned, mentioned, *read[2:6], "previous_mention")
    return read


def _complete_earlier_rows(read: tuple, found, narration: str, spans: list, unattributed: list[dict],
                           described: list[dict], introduced) -> None:
    """Gives the rows of the sentence before the speaker this sentence names: its quotes left
    without a speaker, given to "a reporter" or to a person described but not named."""
    speaker, label, verb, verb_text, stance, anonymous, _ = read
    if found is not None and not spans and isinstance(speaker, str) and _closes_quote(narration, found):
        for row in unattributed:  # "“…”" then "she said." or "— Sen. Jane Roe, in a tweet"
            row.update(speaker=speaker, speaker_label=label, verb=verb, verb_text=verb_text,
                       verb_stance=stance, is_anonymous=anonymous, pattern="following")
    if described and _named_next(found, narration, speaker, anonymous):
        for row in described:  # "A reporter said …" then "Jane Roe tweeted …": Jane Roe
            row.update(speaker=speaker, speaker_label=row["speaker_label"], is_anonymous=False,
                       pattern=row["pattern"] + "_named_next")
    if introduced is not None and (identified := _identified(narration, *introduced[1:])):
        for row in introduced[0]:  # "a top health official said …" then "The official, Jane Roe, …"
            row.update(speaker=identified, speaker_label=identified, is_anonymous=False,
                       pattern=row["pattern"] + "_identified")


def _own_speaker(row: dict, base: dict):
    """The speaker fields of a sentence's last quote when its own attribution names another speaker than the
    sentence's (`_direct_row`: “…,” said Jane Roe after the sentence's first speaker, or a sentence joined to
    the one before it by a stray opening mark, "… the Forest Service writes, “…” … fire management,” said Jane
    Roe"), or None. That attribution is the nearest before the next sentence, so a quote standing alone there
    goes on with its speaker (labelling rule 1: a quote standing alone right after a speaker's quote goes on
    with that speaker; 1.58)."""
    if (not isinstance(row["speaker"], str) or row["speaker"] == base["speaker"] or row["pattern"] == base["pattern"]
            or row["pattern"] in ("unattributed", "title", "question", "narration", "continued")):
        return None
    return tuple(row[field] for field in _SPEAKER_FIELDS)


def _goes_on(read: tuple, found) -> bool:
    """Whether the sentence's named speaker goes on to the unattributed quotes of the next one."""
    return ((found is not None and found[3] != "dash_line" and not found[3].startswith("clause")
             or read[6] == "continued") and isinstance(read[0], str))


def _direct_row(base: dict, text: str, spans: list, k: int, narration: str, found, memory: _Memory) -> dict:
    """The row of the sentence's `k`-th quoted span: the sentence's speaker (`base`), its own
    attribution when it has one, or none for a span that ends an earlier sentence, a term or a title."""
    start, end, quote = spans[k]
    speaker = base["speaker"]
    row = {**base, "quote": quote.strip(), "is_direct": True, "n_words": len(_WORD.findall(quote)),
           "is_partial": _is_partial(text[:start], quote)}
    if len(spans) > 1 and (own := _own_attribution(text, spans, k, speaker)) is not None:
        second = _speaker(own, memory)  # "“A,” Jane Roe wrote: “B,” John Doe declared.": each its own
        if isinstance(second[0], str):
            row.update(zip(_SPEAKER_FIELDS, second[:6]), pattern=second[6])
    elif (relative := _relative_attribution(_narration(text[:start], spans[:k]))) is not None:
        second = _speaker(relative, memory)  # "… from President Biden, who demanded they “help”"
        if isinstance(second[0], str):
            row.update(zip(_SPEAKER_FIELDS, second[:6]), pattern=second[6])
    elif k > 0 and (judged := _judged_attribution(_narration(text[:start], spans[:k]))) is not None:
        second = _speaker(judged, memory)  # "… and ripped John Doe for suggesting she cannot be a “moderate”"
        if isinstance(second[0], str):
            row.update(zip(_SPEAKER_FIELDS, second[:6]), pattern=second[6])
    elif found is not None and _before_new_sentence(text, spans, k, found[0]):
        row.update(_NO_SPEAKER, pattern="unattributed")  # “…” ends one sentence; “…,” Jane Roe said ends the next
    if (row["pattern"] == "continued" and row["is_partial"] and row["n_words"] <= TERM_MAX_WORDS
            and not _speaks_of(narration, speaker)):
        row.update(_NO_SPEAKER, pattern="unattributed")  # "its “safe list”": a term
    if (_is_title(text, text[:start], quote) and not (_NAMED_SO.search(text[:start]) and not _ARTICLE_BEFORE.search(text[:start]))
            or _TERM.search(text[:start]) or _names_a_programme(text[:start], quote, text[end:])):
        row.update(_NO_SPEAKER, pattern="title")
    if _in_question_opening(text, start):
        row.update(_NO_SPEAKER, pattern="question")  # "Asked whether … “…,” Jane Roe replied": the asker's words
    if _is_narration(quote):
        row.update(_NO_SPEAKER, pattern="narration")  # "…,” Jane Roe said of the rules, “…" with a mark lost
    return row


# A name in title case given by a verb of naming ("labeled her running mate “Corrupt Kaine”", "dubbed
# him “Little Marco”") is the namer's word, not the title of a work nobody says; after an article it is
# the thing's own name ("calling the pass the “Key to NYC Pass”").
_NAMED_SO = re.compile(r"\b(?:called|calling|dubbed|dubbing|labeled|labelled|labeling|labelling|branded|branding|"
                       r"nicknamed|termed)\s+(?:[\w’'.-]+\s+){0,6}?(?:as\s+)?$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+\W?$")


# An attribution is the writer's narration and stands outside the marks, so a quoted span that holds
# only a speaker, a reporting verb and what it is said of ("Jane Roe said of the new rules,", "he
# added.", "Carlson went on to explain.") lies between two parts of a quote whose marks were lost or
# doubled: it is no one's words.
NARRATION_MAX_WORDS = 10


@lru_cache(maxsize=1)
def _narration_pattern() -> re.Pattern:
    """A span that is an attribution only: a name or "he" / "she" / "they", a reporting verb (an
    adverb or "went on to" before it), what it is said of, and a comma or full stop."""
    forms = _alternatives(f for f in _lexicon().forms if not f.endswith("ing"))
    return re.compile(rf"^(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,3}})\s+"
                      rf"(?:[a-z]+ly\s+)?(?:went on to\s+|continued to\s+)?(?:{forms})"
                      rf"(?:\s+(?:of|about|in|on|at|during|after|before|from)\b[^,.;:!?\"“”]*)?[,.]$")


def _is_narration(quote: str) -> bool:
    """True when a quoted span is an attribution only (`_narration_pattern`), of at most
    `NARRATION_MAX_WORDS` words."""
    quote = quote.strip()
    return len(_WORD.findall(quote)) <= NARRATION_MAX_WORDS and _narration_pattern().match(quote) is not None


def _indirect_row(base: dict, text: str, found) -> dict | None:
    """The row of the reported clause of a sentence with an attribution and no quote ("X said that
    …"), or None when no clause is reported."""
    verb_text, pattern = base["verb_text"], base["pattern"]
    if _in_open_quote(text, found) or _not_yet_said(text, found):
        return None
    if (that := text.find(f"{verb_text} that ")) >= 0:
        clause, kind = text[that + len(verb_text) + 6:], "_that"
    elif (opens := _that_after_verb(text, found)) is not None:
        clause, kind = text[opens:], "_that"
    elif clause := _attributed_clause(text, found):
        kind = "_clause"
    else:
        return None
    clause = clause.strip()
    return {**base, "quote": clause, "is_direct": False, "is_partial": False,
            "n_words": len(_WORD.findall(clause)), "pattern": pattern + kind}


# a quotation mark opening a quote: at the start, after a space, a bracket or a dash
_OPENING_MARK = re.compile(r"(?:^|(?<=[\s(\[—–-]))[“\"]")


def _in_open_quote(text: str, found) -> bool:
    """True when the attribution lies after a quotation mark that opens a quote the sentence never
    closes (an excerpt cut inside a quote: "“The extraordinary impact of this pandemic demands that we
    move …"): words inside quotation marks are the quoted person's own, not the outlet's report of what
    someone said, so they hold no indirect attribution."""
    at = text.lower().find(found[1].lower()) if found[1] else -1
    opening = _OPENING_MARK.search(text)
    return opening is not None and 0 <= opening.start() < at


# what puts a verb of saying in a world other than the reported one: a condition ("if he concedes that
# it is, …"), a future or a plan ("the U.S. is set to announce that", "will say that", "plans to announce"),
# a modal ("could argue that"), a negation ("did not say that"): nobody has said the clause
_NOT_YET = re.compile(r"(?:\b(?:if|unless|whether)\b[^,;]*|\b(?:will|would|could|might|may|should|must|shall|"
                      r"not|never|(?<!went on )(?<!goes on )(?<!go on )(?<!continued )(?<!continues )(?<!used )to)"
                      r"(?:\s+(?:be\s+)?[a-z]+ly)?\s+|\b(?:is|are|was|were)\s+(?:set|expected|due|"
                      r"scheduled|poised|likely|going)\s+to\s+)$")


def _not_yet_said(text: str, found) -> bool:
    """True when the verb of saying is conditional, future, planned, modal or negated (`_NOT_YET`):
    "if he concedes that it is, he should be suspended", "the U.S. is set to announce that it will
    reopen": no one has said the clause, so there is no indirect quote to count."""
    start, _, verb_text, _, _ = found
    if not verb_text or verb_text == "according to":
        return False
    at = text.find(verb_text, start)
    return at > 0 and _NOT_YET.search(text[max(0, at - 120):at]) is not None


# "told reporters that", "announced on Thursday that", "wrote on Twitter that": at most
# `THAT_MAX_WORDS` words between a verb of saying and the "that" opening what it reports
THAT_MAX_WORDS = 4
_BEFORE_THAT = re.compile(rf"((?:\s+[\w’'.-]+){{1,{THAT_MAX_WORDS}}}?)\s+that\s+(?P<next>[\w’'-]+)")
# verbs that take the person told before "that" ("told reporters that", "warned lawmakers that")
_TOLD = frozenset({"tell", "warn", "assure", "remind", "inform", "notify", "caution"})
# a time, place or medium opening the words between ("announced Thursday that", "said in a letter
# that", "ruled unanimously on Monday that"), an adverb in "-ly" before it allowed
_TIME_OR_PLACE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:on|in|at|during|via|through|earlier|later|late|this|last|"
                            r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)\b")
# what no object or phrase of time holds: a clause of its own, a pronoun, a sentence end
_NOT_BEFORE_THAT = re.compile(r"[.!?;:,]\s|\b(?:i|we|you|he|she|it|they|and|but|or|how|what|when|where|why|"
                              r"whether|if|who|which|is|was|were|are|be|been|will|would|has|have|had|can|could|"
                              r"should|may|might|must|did|does|do|not)\b")
# a word right after "that" that makes it a relative pronoun ("a video that appeared", "an
# investigation that will look into", "a finding that quickly renewed"): an auxiliary, a modal or an
# adverb in "-ly"
_RELATIVE = frozenset({"is", "was", "were", "are", "has", "have", "had", "will", "would", "can", "could", "may",
                       "might", "should", "must", "does", "did"})


def _that_after_verb(text: str, found) -> int | None:
    """Where the clause a verb of saying reports opens after "that" when a few words stand between
    them: the person told for verbs that take one ("told reporters that", "warned lawmakers that"),
    or a phrase of time, place or medium for any ("announced Thursday that", "wrote on Twitter
    that"); None otherwise, and when "that" opens a relative clause ("posted a video that appeared")
    or what follows is under three words ("observed in that country")."""
    start, _, verb_text, _, _ = found
    if verb_text is None or verb_text == "according to":
        return None  # "in the words of Jane Roe, …" names a source and no verb
    verb_at = text.find(verb_text, start)
    if verb_at < 0:
        return None
    end = verb_at + len(verb_text)
    between = _BEFORE_THAT.match(text, end)
    following = between.group("next").lower() if between is not None else ""
    if (between is None or _NOT_BEFORE_THAT.search(between.group(1)) or following in _RELATIVE
            or following.endswith("ly") or len(_WORD.findall(text[between.start("next"):])) < 3):
        return None
    if verb_text.endswith("ing") and not text[:verb_at].rstrip().endswith(","):
        return None  # "sent a stern warning to leaders that": a noun, but "…, telling reporters that"
    told = _lexicon().forms.get(verb_text, ("",))[0] in _TOLD
    if not told and not _TIME_OR_PLACE.match(text, end):
        return None
    return between.start("next")


_SENTENCE_END = re.compile(r"[.!?…][\"”’']?\s+")
_WORD_BEFORE_STOP = re.compile(r"(?:^|[\s(])([\w.’'-]+)$")


@lru_cache(maxsize=1)
def _titles_abbreviated() -> frozenset:
    """The courtesy and military titles Punkt's parameters write with a period ("Mr.", "Sen.", "Gen.")."""
    abbreviations = load_data("punkt")["abbreviations"]
    return frozenset((*abbreviations["titles"], *abbreviations["military"]))


def _sentence_end(narration: str, start: int, end: int) -> bool:
    """True when a sentence ends between `start` and `end`: a stop and a space, but not the period of a
    title ("asked Mr. Doe what he thinks": one sentence; 1.49) or of an initial ("Jane Q. Roe")."""
    for match in _SENTENCE_END.finditer(narration, start, end):
        before = _WORD_BEFORE_STOP.search(narration, 0, match.start())
        word = before.group(1).lower() if before else ""
        if narration[match.start()] != "." or not (word in _titles_abbreviated() or re.fullmatch(r"[a-z]", word)):
            return True
    return False
_RIGHT_AFTER = ("after_quote", "verb_name", "name_verb", "quote_name", "document_verb")


def _after_closing(narration: str, found):
    """The attribution right after the first quote of sentences joined because the quote opens at
    the end of one and closes in a later one, or of a sentence the splitter did not cut before a quote
    that opens after a full stop ("… threats." “…,” said NAME; “…,” NAME said), when the attribution
    found first lies in an earlier sentence, before the quote opens: in English the attribution next
    to a quote's closing mark governs it, not the one of the sentence before. None otherwise."""
    opens = narration.find(_PLACEHOLDER)
    if found is not None and (found[0] > opens or not _sentence_end(narration, found[0], opens)):
        return None
    after = _attribution(narration[opens:])
    if (after is None or after[3] not in _RIGHT_AFTER or not _label_only(narration[opens:][:after[0]])
            or _finite_within(narration, opens + len(_PLACEHOLDER), opens + after[0])):
        return None  # "more “pain” is on the horizon as … officials plead": the sentence goes on, no label
    return (opens + after[0], *after[1:])


LABEL_MAX_WORDS = 12  # "“…,” University of Chicago professor and the study's co-author, Jane Roe, said"


def _label_only(between: str) -> bool:
    """True when the words between a quote's closing mark and the speaker of the attribution after it
    are nothing, or only the speaker's title or description ("chief executive", "White House press
    secretary", "University of Chicago professor and the study's co-author,"): no sentence end, no
    reporting verb of their own, at most `LABEL_MAX_WORDS` words (and, `_after_closing` checks, no
    finite verb)."""
    words = _WORD.findall(between.replace(_PLACEHOLDER, " "))
    return (len(words) <= LABEL_MAX_WORDS and not _SENTENCE_END.search(between)
            and not any(w in _lexicon().forms for w in words))


def _before_new_sentence(text: str, spans: list, k: int, at: int) -> bool:
    """True when quote `k` of a sentence closes a sentence of its own before the next quote opens (the
    words between them end with a full stop) and the attribution found, at `at` in the narration, lies
    after that full stop: an attribution governs the quotes of its own sentence, not those of the
    sentence before ("… to create “firebreaks” is one way." “Most fires …,” Jane Roe says)."""
    if k + 1 >= len(spans) or not re.search(r"[.!?…][\"”’']?\s*$", text[spans[k][1]:spans[k + 1][0]]):
        return False
    return at >= len(_narration(text[:spans[k + 1][0]], spans[:k + 1]))


def _own_attribution(text: str, spans: list, k: int, speaker):
    """The attribution right after the closing mark of quote `k` of a sentence holding several, when
    it names someone other than the sentence's `speaker` (“…,” Jane Roe wrote. “…,” John Doe
    declared.): each quote is governed by the attribution next to its closing mark. Only a name
    (not a pronoun or description) opening the words between this quote and the next; None
    otherwise."""
    following = spans[k + 1][0] if k + 1 < len(spans) else len(text)
    segment = f" {_PLACEHOLDER} " + text[spans[k][1]:following].translate(_SPACES)
    found = _attribution(segment)
    if (found is None or found[3] not in _RIGHT_AFTER or segment[:found[0]].strip(" ,") not in ("", _PLACEHOLDER)
            or not found[1][:1].isupper() or found[1] == speaker):
        return None
    return found


_LEDE_SUBJECT = re.compile(r"^\s*(?:The|A|An)\s+(?:[\w.’'-]+\s+){0,4}?(?P<head>[A-Za-z]+)\s+(?:on|in|of|at|for|from|with|who)\b")
LEDE_SENTENCES = 2  # a headline may come before the lede


def _described_head(narration: str, sentence: int, rows: list[dict], n: int):
    """(head noun, lede) when a sentence's quotes are given to a person it describes without naming:
    a lede opened by a description of a person ("The top Republican on the House Foreign Affairs
    Committee pointed to the “rosy picture” …", lede True), or an unnamed person as the speaker ("…
    quoted a top Chinese health official saying …", lede False); None otherwise."""
    if sentence <= LEDE_SENTENCES and (m := _LEDE_SUBJECT.match(narration)) and _person_noun(m.group("head")):
        return m.group("head").lower(), True
    last = rows[-n:] if n else []
    heads = {str(r["speaker"]).split()[-1] for r in last if r["is_anonymous"] and isinstance(r["speaker"], str)}
    if len(heads) == 1 and _person_noun(head := heads.pop()) and not head.endswith("s"):
        return head.lower(), False
    return None


def _person_noun(word: str) -> bool:
    """True when a noun names one person by role or party ("official", "Republican", "senator")."""
    lexicon = _lexicon()
    return (_names_a_person(word.lower(), lexicon) and not word.lower().endswith("s")
            or word.lower() in {m[:-1] for m in lexicon.members})


def _identified(narration: str, head: str, lede: bool) -> str | None:
    """The person a sentence names for the one described in the sentence before (news names a source
    described in the lede in the sentence after: Bell 1991's delayed identification): "The official,
    Jane Roe, …" (the head noun again, the name in apposition), or after a lede, a person's full name
    opening the sentence ("Rep. Jane Roe of Texas told …"); None otherwise."""
    again = re.match(rf"^\s*The\s+(?:[a-z-]+\s+)?{re.escape(head)},\s+(?P<who>[A-Z][\w’'.\-]*\s+{_NAME}),", narration)
    if again:
        return again.group("who")
    labels = _labels(narration)
    if not (lede and labels and len(labels[0][1]) >= 2):
        return None
    name = " ".join(labels[0][1])
    before = narration[:narration.find(name)].split()
    if all(w[:1].isupper() for w in before):  # only titles before it: "U.S. Representative Jane Roe, …"
        return _POSSESSIVE.sub("", name.rstrip("."))
    return None


def _named_next(found, narration: str, speaker, anonymous: bool) -> bool:
    """True when a sentence opens with a person's full name as the subject of a reporting verb
    ("Jane Roe tweeted …"): right after "A reporter said …" it names that reporter (news names a
    source described in the lead in the sentence after: Bell 1991's delayed identification)."""
    return (found is not None and isinstance(speaker, str) and not anonymous and len(speaker.split()) >= 2
            and found[3] in ("name_verb", "subject") and not narration[:found[0]].strip()
            and not read_rules().organisation_words & set(speaker.split()))


_SPEAKER_FIELDS = ("speaker", "speaker_label", "verb", "verb_text", "verb_stance", "is_anonymous")
_NO_SPEAKER = {**dict.fromkeys(_SPEAKER_FIELDS), "is_anonymous": False}  # a span nobody speaks (a title, a term)


def _attribute_open_paragraphs(rows: list[dict]) -> list[dict]:
    """A quoted paragraph left open without a speaker takes the speaker of the quote that goes on in
    the next paragraph (news style names the speaker once, in either paragraph)."""
    for row, following in zip(rows, rows[1:]):
        if (row["quote"].endswith(_PARAGRAPH_CLOSE) and row["speaker"] is None
                and following["is_direct"] and following["speaker"] is not None):
            row.update({k: following[k] for k in _SPEAKER_FIELDS}, pattern="open_paragraph")
    for row in rows:
        row["quote"] = row["quote"].replace(_PARAGRAPH_CLOSE, "").strip()
    return rows


def _proper_noun_subject(narration: str, found) -> bool:
    """True when the subject `found` of a clause introducing a quote with a colon is one word the tagger reads
    as a proper noun ("Roe fired back on Twitter: “…”"): a surname alone, whom the colon gives the quote
    though the article has not named the person in full (1.29)."""
    words = found[1].split()
    if len(words) != 1 or words[0] in read_rules().function_words:
        return False
    return any(at == found[0] and tag == "NNP" for _, tag, at in _tagged(narration))


def _named_subject(who: str, memory: _Memory) -> bool:
    """True when the words opening a sentence name a person: two name words or more, a pronoun,
    or a surname already met in the article ("Local leaders have described …" names nobody)."""
    roles, words = _split_label(who.split())
    return (who.lower() in _PRONOUNS or who == "It" or len(words) > 1
            or len(words) == 1 and (bool(roles) or memory.known(words[0]) is not None or words[0] in memory.names))


def _headline_surname(who: str) -> bool:
    """True when the one word before a headline's colon is a surname ("Reid: ‘We are in conversation
    today’"): headlines name a person by surname alone; a word English also writes in lower case
    (TextBlob's lexicon: "Update", "Watch", "Exclusive"), a place, a body's word or an outlet is a
    heading, not a person (1.33)."""
    word = who.rstrip(".")
    return (" " not in word and word.isalpha() and word[:1].isupper() and word.lower() not in _lexicon_tags()
            and not _is_place(word) and word not in read_rules().organisation_words and word not in _outlets()
            and word not in _NOT_SPEAKERS)


@lru_cache(maxsize=1 << 16)
def _unread_attribution(narration: str) -> bool:
    """True when a reporting verb follows a quote at once ("“…?” asked a woman after a visit"): the
    quote names its own speaker, read or not, and never inherits the one of the sentence before."""
    forms = _lexicon().forms
    match = re.match(rf"^\s*{_PLACEHOLDER}[\s,]+(?:[a-z]+ly\s+)?([a-z]+)\b", narration)
    return match is not None and match.group(1) in forms


FOLLOWING_MAX_WORDS = 12  # "Biden said on Tuesday in a statement." after a quote: its attribution


def _closes_quote(narration: str, found) -> bool:
    """True when a sentence without quotation marks only attributes the quote before it: a short
    "she said." / "Biden said on Tuesday." opening with its speaker, or a dash line."""
    start, who, _, pattern, _ = found
    return pattern == "dash_line" or (not narration[:start].strip() and pattern == "name_verb"
                                      and len(_WORD.findall(narration)) <= FOLLOWING_MAX_WORDS
                                      or pattern == "apposition_verb"  # "Its correspondent, Jane Roe, asked …"
                                      and len(_WORD.findall(narration[narration.find(who):])) <= FOLLOWING_MAX_WORDS)


def _attributed_clause(text: str, found) -> str | None:
    """The reported content of a sentence attributed without "that": "According to two officials,
    the talks stalled." / "The talks stalled, according to two officials." / "The talks stalled,
    officials said (on Tuesday)." Returns the clause, or None when the sentence is not built so."""
    start, who, verb_text, pattern, _ = found
    if verb_text is None:  # "in Jane Roe's words" names whose words are quoted, not a clause
        return None
    if pattern.startswith("according_to") and not text[:start].strip():
        clause = text.split(",", 1)[1] if "," in text else ""
    elif (pattern == "name_verb" and _COUNT_ONLY.fullmatch(text[:start])  # "NATO chief says Ukraine …"
          and _lexicon().forms.get(verb_text, ("",))[0] == "say"):  # other verbs take objects: "claimed victory"
        clause = _LEADING_DAY.sub("", text[text.find(verb_text, start) + len(verb_text):].lstrip(" ,:"), count=1)
    elif (comma := _comma_before_label(text, start, pattern)) is not None:
        after = "" if pattern.startswith("according_to") else text[text.find(verb_text, start) + len(verb_text):]
        if len(_WORD.findall(after)) > ATTRIBUTION_TAIL_WORDS:  # more than "on Tuesday" follows
            return None
        if _names_only(text, comma):
            return None  # "Sen. Jane Roe, D-Md., and Sen. John Doe, R-Ky., wrote a letter": the subject, nothing reported
        clause = text[:comma]
    else:
        return None
    clause = clause.strip()
    return clause if len(_WORD.findall(clause)) >= 3 else None


# the day the words were said, right after the verb and before what it reports ("said Monday it would",
# "says on Friday morning that"): when, not what (reporting verbs 1.57); a named day only, as "today"
# may be what is spoken of ("says today marks …")
_LEADING_DAY = re.compile(r"^(?:(?:on|this|last|late|early|earlier)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                          r"Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:that\s+)?(?=\w)")


def _names_only(text: str, end: int) -> bool:
    """True when the words before offset `end` are only proper nouns joined by commas or "and", as the
    tagger reads them (people and their tags): a subject and its appositions, no clause of its own (a
    headline in title case, "Biden Wins Nomination", joins none)."""
    tokens = [(word, tag) for word, tag, at in _tagged(text) if at < end]
    words = [(word, tag) for word, tag in tokens if word[:1].isalnum()]
    joined = any(word in (",", "and", "&") for word, _ in tokens)
    return joined and all(tag in ("NNP", "NNPS") or word in ("and", "&") for word, tag in words)


# words that open a clause, a verb phrase or a phrase of its own, so the words before a speaker are no
# mere label: conjunctions, pronouns, auxiliaries, prepositions but "of", "for" and "at" (which join
# an office to its body), and the forms of verbs ("putting him … from the lowest number progressive
# Democrats have said")
_NOT_LABEL = re.compile(r"\b(?:and|but|or|nor|so|yet|which|who|whom|whose|what|that|when|while|whereas|because|"
                        r"if|unless|as|though|although|since|until|after|before|"
                        r"i|we|you|he|she|it|they|me|us|him|her|them|"
                        r"is|was|were|are|be|been|will|would|has|have|had|can|could|should|may|might|must|"
                        r"did|does|do|not|to|in|on|from|with|by|about|over|into|than|away|"
                        r"[a-z]+ing|[a-z]+ed)\b")


def _comma_before_label(text: str, start: int, pattern: str) -> int | None:
    """The comma that ends the reported clause of "CLAUSE, SPEAKER said" or "CLAUSE, according to
    SPEAKER": the comma right before the attribution at `start`, or, when the speaker opens the
    attribution (`pattern` "name_verb" or "according_to…"), the last comma before it with only the
    speaker's label or a count between them ("…, the White House said", "…, White House press
    secretary Jen Psaki said", "…, two people familiar with the matter said"); None otherwise."""
    if text[:start].rstrip().endswith(","):
        return text[:start].rstrip().rindex(",")
    comma = text.rfind(",", 0, start)
    if comma < 0 or not (pattern == "name_verb" or pattern.startswith("according_to")):
        return None
    between = text[comma + 1:start]
    return comma if _label_only(between) and not _NOT_LABEL.search(between) else None


def _speaks_of(narration: str, speaker: str) -> bool:
    """True when a sentence names the speaker again (the last word of the name: "officials", "Roe")."""
    return speaker.split()[-1].lower() in {w.lower() for w in _WORD.findall(narration)}


@lru_cache(maxsize=1)
def _spoken_in() -> re.Pattern:
    """A document as the means of speaking: "In a statement Wednesday, Jane Roe lauded …", "… wrote in
    a letter" (a noun of `documents` in the data file)."""
    return re.compile(rf"\b[Ii]n\s+(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?"
                      rf"(?P<doc>{_alternatives(_lexicon().documents)})\b")
