"""One text: the runs of capitalised words that name a person (`person_mentions`), with titles,
possessives, organisations, places and headline words cut off or ruled out."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .english import _is_topic_noun, _lexicon_tags, english_common_words
from .rules import (_AFTER_FOR, _JOINERS, _POSSESSIVE, _RUN, _TOKEN_RE, _UPPER, DEFAULT_LEXICON, Rules, read_rules,
                    title_as_surname)

# ── one text ────────────────────────────────────────────────────────────────────────────────────

class Mention(NamedTuple):
    start: int  # where the mention starts (its title included)
    end: int  # where the name ends (a possessive left out)
    name: str  # the name without titles ("Donald Trump", "Trump")
    has_title: bool  # a title or honorific stood before the name


def outlet_names(outlets) -> tuple[str, ...]:
    """A corpus's outlet labels as names that may be written in text: "Fox News (Online News)" →
    "Fox News"; labels without a capital letter are left out."""
    names = set()
    for outlet in outlets:
        if not isinstance(outlet, str):
            continue
        name = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", outlet).strip()
        name = re.sub(r"\.(?:com|org|net|co\.uk)$", "", name, flags=re.IGNORECASE)
        if re.search(f"[{_UPPER}]", name):
            names.add(name)
    return tuple(sorted(names))


_NAME_WORD = re.compile(r"(?:Mc|Mac|O[’']|D[’'])?[A-Z][a-z]+(?:[’'\-][A-Z]?[a-z]+)*")  # "McLaughlin", "Ocasio-Cortez"


def author_labels(labels, rules: Rules) -> frozenset:
    """The outlet labels written as one person's name: a columnist's or a host's label ("Tucker
    Carlson", "Paul Krugman", "Katrina vanden Heuvel") rather than a publication's. Two or three
    words, each a capital and lower-case letters ("McLaughlin", "Post-Dispatch"; no brand spelling,
    acronym or abbreviation) or a
    lower-case name particle, none an organisation word, a place, a title, a function word or a word
    English writes in lower case (a listed given name excepted: "Daily Beast", "Defense One",
    "Education Week" stay outlets); never a shipped news organisation."""
    common = english_common_words()
    out = set()
    for label in labels:
        words = label.split()
        if not 2 <= len(words) <= 3 or label in rules.organisations or not words[0][:1].isupper():
            continue
        if all((w in _JOINERS or w.islower() and w.isalpha()) if w[:1].islower() else
               (_NAME_WORD.fullmatch(w) is not None and w not in rules.organisation_words
                and not any(part in rules.organisation_words for part in w.split("-")) and w not in rules.places and w not in rules.titles and w not in rules.function_words
                and (w not in common or w in rules.given_names)) for w in words):
            out.add(label)
    return frozenset(out)


@lru_cache(maxsize=64)
def _blocked(organisations: tuple[str, ...]):
    """(regex of organisation names of two or more words, or one word with a capital inside;
    every word of those names)."""
    several = sorted({o for o in organisations if " " in o or re.search(r".[A-Z]", o)}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(o) for o in several) + r")(?![\w])") if several else None
    words = frozenset(w for o in organisations for w in o.split() if w[:1].isupper())
    return pattern, words


def _is_capitals(token: str) -> bool:
    return (token.isupper() and token not in ("II", "III", "IV")
            and (len(token) == 2 and token.isalpha() or sum(c.isalpha() for c in token) >= 2))


def person_mentions(text: str, *, outlets=(), lexicon: str | Path = DEFAULT_LEXICON) -> list[Mention]:
    """The person mentions of one text, in order: names with titles cut off, organisations and
    places left out (see the module's rules). `outlets` are extra organisation names (the corpus's
    outlets)."""
    return list(_person_mentions(text, read_rules(lexicon), _organisations(tuple(outlets), lexicon)))


@lru_cache(maxsize=64)
def _organisations(outlets: tuple, lexicon) -> tuple[str, ...]:
    return tuple(sorted(set(read_rules(lexicon).organisations) | set(outlets)))


@lru_cache(maxsize=1 << 16)
def _person_mentions(text: str, rules: Rules, organisations: tuple) -> tuple[Mention, ...]:
    """The mentions of one text, read once per distinct text (see `person_mentions`)."""
    return tuple(_read_mentions(text, rules, organisations))


def _read_mentions(text: str, rules: Rules, organisations: tuple) -> list[Mention]:
    """The person mentions of one text, in order: each run of capitalised words that names no body,
    outlet, work or firm is split into chunks (`_chunks`) and each chunk read as a name (`_mention`);
    couples ("Bill and Melinda Gates") are read last (`_couples`)."""
    pattern, outlet_words = _blocked(organisations)
    blocked = [m.span() for m in pattern.finditer(text)] if pattern else []
    found = []
    for run in _RUN.finditer(text):
        after = _AFTER_FOR.search(text, max(0, run.start() - _LOOK_BACK), run.start())
        if after and after.group(1) not in rules.function_words:
            continue  # "Centers for Disease Control", "Committee on the Climate Crisis" (not "As for Susan Rice")
        if _names_a_body(text, run, rules):
            continue
        tokens = [_without_full_stop(m.group(), run.start() + m.start(), rules)
                  for m in _TOKEN_RE.finditer(run.group())]
        paper = _newspaper_end(text, run, tokens, rules)
        if paper is not None:  # "the Sioux Falls Argus Leader": an outlet's name, no person in it
            tokens = [] if tokens[paper + 1:paper + 2] and tokens[paper + 1][0] == "of" else tokens[paper + 1:]
        titled_work = _opens_a_title(text, run)
        firm_before, firm_after = _joined_by_ampersand(text, run)
        for chunk in _chunks(tokens, blocked, rules, ends=_sentence_ends(run.group(), run.start(), tokens)):
            if (titled_work or firm_before) and chunk[0][1] == run.start():
                continue  # "the 1987 comedy The Princess Bride": a work's or a body's name
            if firm_after and run.group()[chunk[-1][2] - run.start():].strip(" \t\u00a0.’'s") == "":
                continue  # "Johnson & Johnson", "Procter & Gamble": a firm's name
            after_the = chunk[0][1] == run.start() and _THE_BEFORE.search(text, max(0, run.start() - 5), run.start())
            inside = chunk[0][1] == run.start() and _MID_SENTENCE.search(text, max(0, run.start() - 8), run.start())
            mention = _mention(chunk, rules, organisations, outlet_words, after_the=after_the is not None,
                               inside=inside is not None)
            if mention is not None and not _rest_of_a_body(text, mention, rules):
                found.append(mention)
    return _couples(text, found, rules)


_COUPLE = re.compile(rf"(?<![\w’'.\-])([{_UPPER}][a-z]+)[ \t\u00a0]+and[ \t\u00a0]+(?=[{_UPPER}])")


_CAPITALISED_BEFORE = re.compile(rf"(?<![\w’'.\-])([{_UPPER}][\w’'.\-]*)[ \t\u00a0]+$")


def _name_word_before(text: str, start: int, rules: Rules) -> bool:
    """True when a capitalised word other than a function word ("When", "The") stands right before
    `start`: the word there ends a name or a title ("North Dakota and …", "Justices Thomas and …")."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    return before is not None and before.group(1) not in rules.function_words


def _couples(text: str, found: list[Mention], rules: Rules) -> list[Mention]:
    """The mentions with the first of two given names joined by "and" before one surname ("Bill and
    Melinda Gates", "Barack and Michelle Obama"): English writes a couple's or siblings' shared surname
    once, so the first given name is a person of that surname too ("Bill Gates"), not a word alone
    ("bill"). Both given names are listed ones, the first no part of a longer name read ("Elizabeth Warren
    and Bernie Sanders", "Justices Thomas and Neil Gorsuch") nor the end of capitalised words ("North
    Dakota and Joe Donnelly"), and the second a given name and
    a surname read without a title (not "Kerry and George W. Bush")."""
    by_start = {m.start: m for m in found}
    out = list(found)
    for couple in _COUPLE.finditer(text):
        second = by_start.get(couple.end())
        given = couple.group(1)
        if (second is None or second.has_title or given not in rules.given_names or given in rules.places
                or len(second.name.split()) != 2 or second.name.split()[0] not in rules.given_names
                or any(m.start <= couple.start(1) < m.end and m.name != given for m in found)
                or _name_word_before(text, couple.start(1), rules)):
            continue  # not "Elizabeth Warren and Bernie Sanders": the first word ends a name already read
        out = [m for m in out if m.start != couple.start(1)]
        out.append(Mention(couple.start(1), couple.end(1), " ".join([given, *second.name.split()[1:]]), False))
    return sorted(out, key=lambda m: m.start)


def _newspaper_end(text: str, run, tokens: list, rules: Rules) -> int | None:
    """The index of the token that ends a newspaper's name opening the run, or None: a word of
    `newspaper_words` (or the last part of a hyphenated word: "Gazette-Mail") after one capitalised
    word or more, when "the" stands before the run, a place or another newspaper word is among
    those words ("Arkansas Democrat-Gazette", "Argus Leader"), or the word is hyphenated. A title
    ("Leader") ends such a name only at the end of the run or before "of", a weekday or a month
    ("told the Argus Leader Monday"), never before a person's name ("Majority Leader Chuck Schumer")."""
    if not rules.newspaper_words:
        return None
    after_the = _THE_BEFORE.search(text, max(0, run.start() - 5), run.start()) is not None
    for i in range(len(tokens) - 1, 0, -1):
        word = tokens[i][0]
        hyphened = "-" in word and word.rsplit("-", 1)[1] in rules.newspaper_words
        if word not in rules.newspaper_words and not hyphened:
            continue
        if word in rules.titles and i + 1 < len(tokens) and tokens[i + 1][0] not in rules.breaks | {"of"}:
            continue
        before = [t for t, _, _ in tokens[:i]]
        if _names_an_office(before, rules):
            continue  # "House Majority Leader", "This Week": an office, not a paper
        if (after_the or hyphened or any(t in rules.places or t in rules.newspaper_words for t in before)
                or " ".join(before) in rules.places or before[0] in rules.place_openers):
            return i
    return None


def _names_an_office(words: list[str], rules: Rules) -> bool:
    """True when capitalised words before a title word hold a title, qualifier or function word:
    "House Majority Leader", "This Week" name an office or a show, not a newspaper."""
    return any(w in rules.titles or w in rules.qualifiers or w in rules.function_words for w in words)


_NAME_PART = rf"(?:[{_UPPER}][\w’'.\-]*|of|for|on|the)"
_BEFORE_AND = re.compile(rf"({_NAME_PART}(?:[ \t\u00a0]+{_NAME_PART})*)[ \t\u00a0]+and[ \t\u00a0]+(?:the[ \t\u00a0]+)?$")


def _rest_of_a_body(text: str, mention: Mention, rules: Rules) -> bool:
    """True when a name of two words or more, with no title and no listed given name first, goes on
    a body's name over "and" (`body_joiners`): the capitalised words before "and" hold an organisation
    word followed by another joiner ("the Institute of Energy Economics and Financial Analysis",
    "National Institute of Allergy and Infectious Diseases", "Center for Energy Economics and Public
    Policy"): the words are the rest of that body's name, not a person ("Bill and Melinda Gates",
    "Department of Health and Human Services Secretary Xavier Becerra" keep theirs)."""
    words = mention.name.split()
    if mention.has_title or len(words) < 2 or words[0] in rules.given_names or "and" not in rules.body_joiners:
        return False
    before = _BEFORE_AND.search(text, max(0, mention.start - _LOOK_BACK * 2), mention.start)
    if before is None:
        return False
    parts = before.group(1).split()
    return any(_is_organisation_word(word, rules) and following in rules.body_joiners
               for word, following in zip(parts, parts[1:]))


def _is_organisation_word(word: str, rules: Rules) -> bool:
    """An organisation word, or its plural ("Centers", "Institutes")."""
    return word in rules.organisation_words or any(s in rules.organisation_words for s in _singulars(word))


_WORD_BEFORE = re.compile(r"([\w-]+)[ \t\u00a0]+$")
_LOOK_BACK = 40  # characters read before a run for the noun that says what it names
_PLACE_AFTER = re.compile(rf",[ \t\u00a0]+([{_UPPER}][\w.]*(?:[ \t\u00a0]+[{_UPPER}][\w.]*)?)")


def _names_a_body(text: str, run, rules: Rules) -> bool:
    """True when the capitalised words name a body or a place by what stands around them: a noun
    for a kind of body before them ("drugmaker Merck", "Drugmaker Merck" opening a sentence, "the
    company Ridgeback Biotherapeutics"), or a place after a comma ("Del Rio, Texas")."""
    before = _WORD_BEFORE.search(text[max(0, run.start() - _LOOK_BACK):run.start()])
    first = run.group().split()[0]
    if (before and before.group(1).lower() in rules.descriptors) or first.lower() in rules.descriptors:
        return True
    after = _PLACE_AFTER.match(text, run.end())
    place = after.group(1) if after else ""
    return (bool(after) and (place in rules.places or place.rstrip(".") in rules.places)  # "Boca Raton, Fla."
            and " of " not in run.group()  # "Ann Smith of Austin, Texas": the place is her town's
            and not _role_apposition(text, run, after, rules))


_ROLE_AFTER_PLACE = re.compile(r"(?:[’']s)?[ \t\u00a0]+((?:[a-z][\w-]*[ \t\u00a0]+){0,2}[a-z][\w-]*)\b")
# a capitalised title ending the apposition ("Charles E. Schumer, New York Democrat, said"; 1.28)
_TITLE_AFTER_PLACE = re.compile(r"(?:[’']s)?[ \t\u00a0]+([A-Z][\w-]*)(?=[ \t\u00a0]*(?:[,;:)]|\.(?:\s|$)|$))")
_WORD_RIGHT_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")
_BEFORE_A_PLACE = frozenset({"a", "an", "the", "in", "of", "from", "to", "at", "near", "outside", "across", "for",
                             "by", "on", "into", "around", "throughout"})  # articles and prepositions


def _role_apposition(text: str, run, place, rules: Rules) -> bool:
    """True when the place after a comma opens a noun phrase for a role ("Simon Stiell, Grenada
    envoy", "Sadiq Khan, London's mayor", "X, Grenada's climate envoy": a place, its possessive or
    not, then a role noun of `person_roles`, two lower-case words allowed between, 1.28: "Chris Tang,
    Hong Kong’s new police commissioner"), or a title that ends the apposition, 1.28: "Charles E.
    Schumer, New York Democrat, said"): an apposition
    describing the person before the comma, not a place naming the words before it ("Del Rio,
    Texas"). Not after an article or a preposition, which open a place ("a Del Rio, Texas
    resident", "in Austin, Texas state offices")."""
    role = _ROLE_AFTER_PLACE.match(text, place.end())
    title = _TITLE_AFTER_PLACE.match(text, place.end())
    if not (role and any(w in rules.roles for w in role.group(1).split()) or title and title.group(1) in rules.titles):
        return False
    before = _WORD_RIGHT_BEFORE.search(text, max(0, run.start() - _LOOK_BACK), run.start())
    first = run.group().split()[0].lower()
    return first not in _BEFORE_A_PLACE and (before is None or before.group(1).lower() not in _BEFORE_A_PLACE)


_AMPERSAND_AFTER = re.compile(rf"[ \t\u00a0]*&[ \t\u00a0]*[{_UPPER}]")
_AMPERSAND_BEFORE = re.compile(rf"[{_UPPER}][\w.’']*[ \t\u00a0]*&[ \t\u00a0]*$")


def _joined_by_ampersand(text: str, run) -> tuple[bool, bool]:
    """(capitalised words and "&" stand before the run, "&" and capitalised words after it): the
    words next to "&" name a firm ("Johnson & Johnson", "Procter & Gamble", "Simon & Schuster"), not
    a person."""
    return (_AMPERSAND_BEFORE.search(text, max(0, run.start() - _LOOK_BACK), run.start()) is not None,
            _AMPERSAND_AFTER.match(text, run.end()) is not None)


_MID_SENTENCE = re.compile(r"[\w,;)][ \t\u00a0]*$")  # a word, comma or bracket before: inside a sentence


def _opens_a_title(text: str, run) -> bool:
    """True when the capitalised words open with "The" inside a sentence ("his new special The
    Closer", "published in The Lancet", "the comedy The Princess Bride"): the title of a work or the
    name of a body, not a person (a sentence, a quotation or a bracket may open with "The")."""
    return (run.group().startswith("The ") and _MID_SENTENCE.search(text, max(0, run.start() - 8), run.start())
            is not None)


def _without_full_stop(token: str, start: int, rules: Rules) -> tuple[str, int, int]:
    """A token without the full stop that ends its sentence ("Johnson."), keeping the stop of an
    initial ("W."), an abbreviation ("U.S.") or a title ("Gov.", "Jr.")."""
    if (token.endswith(".") and len(token) > 2 and "." not in token[:-1] and token not in rules.titles
            and token not in rules.suffixes and token not in rules.function_words and token not in rules.places):
        token = token[:-1]
    return token, start, start + len(token)


def _sentence_ends(run: str, offset: int, tokens: list) -> frozenset:
    """Starts of the tokens whose full stop `_without_full_stop` took for a sentence's end
    ("Americans. These", "Nah. Don’t"): a name runs over no sentence end."""
    return frozenset(start for token, start, end in tokens if run[end - offset:end - offset + 1] == ".")


def _chunks(tokens: list, blocked: list, rules: Rules, *, ends=frozenset()):
    """Runs of tokens split where a token is in capitals (acronym, dateline), a `breaks` word
    (weekday, abbreviated month, a headline's verb), inside an organisation's name, ends in a
    possessive ("Fox News’ Tucker Carlson"; a plural's possessive inside the run ends no name but takes
    the words before it with it: "Jackson Women’s Health Organization") or ends a sentence (`ends`:
    starts of such tokens). The
    words before a break followed by an organisation word belong to that organisation's or event's
    name ("the Belfast Good Friday Agreement") and are dropped."""
    chunk: list = []
    for i, (token, start, end) in enumerate(tokens):
        if _initials_of(token, tokens[i + 1:i + 2], rules):
            chunk.append((token, start, end))  # "J.K. Rowling": a person's initials, no acronym
            continue
        if _is_capitals(token) or token in rules.breaks or any(s <= start < e for s, e in blocked):
            named_after = token in rules.breaks and i + 1 < len(tokens) and tokens[i + 1][0] in rules.organisation_words
            if chunk and not named_after:
                yield chunk
            chunk = []
            continue
        possessive = _POSSESSIVE.search(token)
        if possessive and len(token) > 2:
            if not _opens_a_body(token, tokens[i + 1:], rules):  # "Jackson Women’s Health Organization"
                chunk.append((token[:possessive.start()], start, start + possessive.start()))
                yield chunk
            chunk = []
            continue
        chunk.append((token, start, end))
        if start in ends:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def _initials_of(token: str, rest: list, rules: Rules) -> bool:
    """True for initials written without spaces ("J.K.", "W.E.B.") before a surname: two or three
    single capitals each with its stop, then a capitalised word that English writes in no lower-case
    form (TextBlob's lexicon, Brill 1992) and that is no title, organisation word or place ("J.K.
    Rowling", "H.R. McMaster"; not "U.S. Navy", "U.N. Secretary", "U.S. Steel", "D.C. Mayor"), as
    initials written with spaces are ("J. K. Rowling")."""
    if not rest or not _INITIALS.fullmatch(token) or token in rules.places:
        return False
    word = _POSSESSIVE.sub("", rest[0][0])
    return (word[:1].isupper() and not word.isupper() and word not in english_common_words()
            and word not in rules.titles and word not in rules.organisation_words and word not in rules.places
            and word not in rules.function_words)


_IRREGULAR_PLURALS = ("Women", "Men", "Children", "People")


def _opens_a_body(token: str, rest: list, rules: Rules) -> bool:
    """True for a plural's possessive inside a run of capitalised words: an irregular plural ("Women’s",
    "Children's") followed by more words, or "s’" followed by words holding an organisation word
    ("Veterans’ Memorial Hospital"; not "Adams’ New York"): the words belong to a body's name ("Jackson
    Women’s Health Organization"), never to a person's."""
    if not rest:
        return False
    return (re.sub(r"[’']s$", "", token) in _IRREGULAR_PLURALS
            or bool(re.search(r"s[’']$", token)) and any(t in rules.organisation_words for t, _, _ in rest))


_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")


def _mention(chunk: list, rules: Rules, organisations: tuple, outlet_words: frozenset, *,
             after_the: bool = False, inside: bool = False) -> Mention | None:
    """The person one chunk of capitalised words (`_chunks`: (word, start, end) triples) names, if any:
    titles, adjectives, joiners, places and run-in words cut off its bounds, then the words left
    checked (`_not_a_person`). `after_the`: the chunk follows "the"; `inside`: it stands inside a
    sentence, where a number word opening capitalised words opens their name ("said First Legal", "on
    One America News": `_is_number_word`), not a sentence ("First, …", "Two Democrats said")."""
    words = [t for t, _, _ in chunk]
    if not after_the and (of := _person_of_body(words, rules)) is not None:  # "Lawrence Solomon of Energy Probe"
        chunk, words = chunk[:of], words[:of]
    number = inside and len(words) > 1 and _is_number_word(words[0])  # "said First Legal": a name's first word
    first = 0
    while not number and first < len(words) and (
            words[first] in rules.function_words or words[first] in _JOINERS
            or _is_adjective(words[first], rules) or _is_hyphen_adjective(words[first], rules)):
        first += 1  # "Now-fired Preet Bharara": an adjective before a name is cut off like a title
    titled = [w in rules.titles or (w.endswith("s") and w[:-1] in rules.titles)  # "Presidents"
              or ("-" in w and w.rsplit("-", 1)[1] in rules.titles) for w in words]  # "Then-President"
    titled = [t and not (w.lower() == "former" and len(words) - i == 2 and words[i + 1] not in rules.titles)
              and not (i > first and title_as_surname(words[first:], i - first, rules, rules.titles))
              for i, (t, w) in enumerate(zip(titled, words))]  # "Former Olympian": a role after "former", no name;
    has_title = any(titled)  # "Sen. Angus King", "Stephen King": a title word after given names is a surname
    cut = max((i + 1 for i, w in enumerate(words) if titled[i] or w in rules.qualifiers), default=0)
    begin = max(cut, first)
    if 0 < cut < len(words) and words[cut] in ("of", "the"):  # "Joint Chiefs of Staff": a body's name
        has_title = False
    while not (begin == 0 and number) and begin < len(words) and (words[begin] in _JOINERS or _is_adjective(words[begin], rules)
                                  or words[begin] in rules.function_words or _is_hyphen_adjective(words[begin], rules)):
        begin += 1
    if len(words) - begin >= 2 and _is_verb_opener(words[begin], rules):  # "Defending Dave Chappelle"
        begin += 1
    end = len(words)
    while end > begin and words[end - 1] in _JOINERS:
        end -= 1
    inner = [i + 1 for i in range(begin, end) if words[i] in ("of", "the")]
    if (inner and words[inner[-1] - 1] == "of" and (inner[-1] - 1 - begin >= 2 or has_title and inner[-1] - 1 > begin)
            and " ".join(words[inner[-1]:end]) in rules.places):
        end, inner = inner[-1] - 1, [i for i in inner if i < inner[-1] - 1]  # "Sen. Tim Kaine of Virginia"
    if inner:  # "Joint Chiefs of Staff", "Port of Los Angeles": a person's name holds no "of"
        begin, has_title = max(inner), False
    core_end = end - sum(1 for w in words[begin:end] if w in rules.suffixes)  # "Israel Ruiz Jr.": two words of name
    if core_end - begin >= 3 and words[begin] in rules.places:  # "envoy to Haiti Daniel Foote": the place is no name
        if words[begin + 1] in rules.function_words:
            return None  # "America First Legal": a place and a function word open a body's name or a slogan
        begin += 1
    elif end - begin == 2 and words[begin] in rules.places and words[begin].endswith("."):
        begin += 1  # "Noah's Ark. Noah's story": a state's abbreviation ("Ark.", "Calif.") opens no name
    elif (end - begin >= 3 and words[begin] not in rules.given_names
          and _is_topic_noun(words[begin], rules.abstract_endings)):
        begin += 1  # "minister in the Presidency Khumbudzo Ntshavheni": no person's name opens with an abstract noun
    begin = _after_run_in_words(words, begin, end, rules, organisations,
                                after_the=after_the or begin > 0 and words[begin - 1] in ("the", "The"))
    while (end - begin >= 2 and words[begin] in rules.function_words and words[begin] not in rules.given_names
           and not _is_number_word(words[begin]) and words[begin] != "The"):  # "For The Clintons": a work or a body
        begin += 1  # "The 9 Countries On Pompeo's Visit": a function word left by the run-in words opens no name (1.29)
    name_words = words[begin:end]
    scope = words[cut:end] if has_title else words[first:end]  # "House Speaker Nancy Pelosi": the body names her office
    if end - begin >= 2 and words[begin] in rules.given_names:  # "Bill Clinton": a given name, not a bill
        scope = [w for i, w in enumerate(scope, start=end - len(scope)) if i != begin]
    if _not_a_person(name_words, scope, has_title=has_title, rules=rules, organisations=organisations,
                     outlet_words=outlet_words):
        return None
    start = chunk[first if has_title else begin][1]
    return Mention(start, chunk[end - 1][2], " ".join(name_words), has_title)


def _not_a_person(name_words: list[str], scope: list[str], *, has_title: bool, rules: Rules, organisations: tuple,
                  outlet_words: frozenset) -> bool:
    """Whether the words `_mention` kept can name no person: a word of an organisation, a hyphenated
    word that rules a name out, or one that ends no name among the words of `scope`; a group, a place,
    an organisation or an outlet; a party and state; a topic or an initial with one word."""
    if not name_words or any(w in rules.organisation_words or "-" in w and _hyphen_part_rules_out(w, rules)
                             for w in scope):
        return True
    if name_words[-1] in rules.adjectives or name_words[-1] in rules.closing_words:
        return True  # "African American", "Latino": a group; "MedPage Today": no person's name ends so
    if any(w in rules.adjectives and w not in rules.given_names for w in name_words[1:-1]):
        return True  # "Royal Dutch Shell", "Anglo American Platinum": no person's name holds a nationality (1.29)
    if not has_title and len(name_words) > 1 and _ends_in_place(name_words, rules):
        return True  # "Black America", "Weimar Germany": a place (not "George Washington")
    name = " ".join(name_words)
    if _PARTY_AND_STATE.fullmatch(name):
        return True  # "D-Calif", "R-Ind": a lawmaker's party and state, after the name
    an_organisation = name in organisations and not (has_title and len(name_words) == 1)  # not "Mr. Bloomberg"
    if name in rules.places or an_organisation or (len(name_words) > 1 and name_words[0] in rules.place_openers):
        return True
    core = [w for w in name_words if w not in rules.suffixes]
    if len(core) == 1 and not has_title and (core[0] in outlet_words or core[0] in rules.places):
        return True
    if not core or not any(c.islower() for c in core[-1]) or any(c.isdigit() for c in name):
        return True
    if len(core) == 2 and not has_title and re.fullmatch(rf"[{_UPPER}]\.", core[0]):
        return True  # "H. Res", "S. Con": news writes a person's given name, not an initial alone
    if (len(core) == 2 and not has_title and core[0] not in rules.given_names
            and _is_topic_noun(core[1], rules.abstract_endings)):
        return True  # "Financial Analysis", "Conservation Voters": a field, a body or a topic
    if any(single in rules.adjectives or single in rules.titles
           or single in rules.organisation_words and not (has_title and len(core) >= 2)
           for single in _singulars(core[-1])):
        return True  # "Black Americans", "House Democrats", "Alachua Counties": a group (not "Rep. Jim Banks")
    return False


_PARTY_AND_STATE = re.compile(rf"[DRI]-[{_UPPER}][\w.\-]*")


def _after_run_in_words(words: list[str], begin: int, end: int, rules: Rules, organisations: tuple, *,
                        after_the: bool = False) -> int:
    """Where a name starts in `words[begin:end]` when other words run into it: outlets' names of one
    word before a surname or a name opening with a listed given name ("told Reuters Trump called":
    the outlet is the object of the verb, the name opens the next clause), or a name that repeats its
    last word with a listed given name after the first time ("President Trump Donald John Trump", a
    headline and a byline run together: the name is the words from that given name). `begin` when neither ("Ford Madox Ford" keeps its words; after "the",
    the words are one name: "the Time Warner Cable Arena")."""
    outlet = begin
    while not after_the and outlet < end - 1 and words[outlet] in organisations and words[outlet] not in rules.given_names:
        outlet += 1  # "Facebook Twitter Pinterest Derek Hatton": share buttons before a caption's name
    if outlet > begin and (end - outlet == 1 or words[outlet] in rules.given_names):
        begin = outlet  # not "Time Warner Cable Arena": what follows an outlet is a surname or a full name
    repeated = [i for i in range(begin, end - 2) if words[i] == words[end - 1]]
    if repeated and words[repeated[-1] + 1] in rules.given_names:
        begin = repeated[-1] + 1
    return begin


def _person_of_body(words: list[str], rules: Rules) -> int | None:
    """Where "of" stands in capitalised words that open with a person's name written in full and go on
    with the body or place the person belongs to ("Lawrence Solomon of Energy Probe", "Teri Blanton of
    Kentuckians for the Commonwealth"): two words or more before "of", the first a listed given name,
    none a title, a label, a function word or an organisation word, the last no word English writes
    in lower case ("Bank of America", "Secretary of State …", "Duke of Sussex" keep their rules; so do
    words after "the": "the Abbey Gate of …", see `_mention`). None when the words are not so."""
    of = words.index("of") if "of" in words else None
    if of is None or of < 2 or words[0] not in rules.given_names or words[of - 1] in english_common_words():
        return None
    if any(w in rules.titles or w in rules.qualifiers or w in rules.organisation_words or w in rules.function_words
           or w in _JOINERS for w in words[:of]):
        return None
    return of


def _is_number_word(word: str) -> bool:
    """True for a capitalised cardinal or ordinal ("One", "Twenty", "First", "Third", "Tenth"): a word the
    part-of-speech lexicon (Brill 1992) tags CD in lower case, or an ordinal of one."""
    lower, tags = word.lower(), _lexicon_tags()
    return word[:1].isupper() and (tags.get(lower) == "CD" or lower in ("first", "second", "third")
                                   or lower.endswith("th") and tags.get(_cardinal_of(lower)) == "CD")


def _cardinal_of(ordinal: str) -> str:
    """The cardinal an ordinal in "-th" is spelt from, with English's changes of spelling ("fifth" → "five",
    "eighth" → "eight", "ninth" → "nine", "twelfth" → "twelve", "twentieth" → "twenty"; 1.30: "Fifth Third
    Bank" was read "Third Bank")."""
    if ordinal.endswith("ieth"):
        return ordinal[:-4] + "y"
    stem = ordinal[:-2]
    return {"fif": "five", "eigh": "eight", "nin": "nine", "twelf": "twelve"}.get(stem, stem)


_PARTICIPLE = re.compile(r"[a-z]{2,}ed|[a-z]{3,}ing")  # "endorsed", "bred", "speaking"; not "ying" of "Chun-ying"


def _is_hyphen_adjective(word: str, rules: Rules) -> bool:
    """True for a hyphenated word with an adjective ending: a listed one ("Jersey-based") or any
    participle, "-ed" of four letters or more or "-ing" of six or more ("Abrams-endorsed",
    "Now-fired", "English-speaking"; not the syllable of a name: "Chun-ying")."""
    last = word.rsplit("-", 1)[-1]
    return "-" in word and (last in rules.hyphen_suffixes or _PARTICIPLE.fullmatch(last) is not None)


def _hyphen_part_rules_out(word: str, rules: Rules) -> bool:
    """True for "Union-Tribune" (an organisation word after a hyphen), "Jersey-based" or
    "Abrams-endorsed" (an adjective, `_is_hyphen_adjective`, inside or after a name: the name is
    what the adjective is built on) or "States-Mexico" (a place joined to another: a border, a
    relation)."""
    parts = word.split("-")
    return (_is_hyphen_adjective(word, rules) or any(p in rules.organisation_words for p in parts[1:])
            or any(p in rules.places for p in parts))


def _is_adjective(word: str, rules: Rules) -> bool:
    """A nationality or party adjective, or its plural used as a noun ("Americans", "Democrats")."""
    return word in rules.adjectives or (word.endswith("s") and word[:-1] in rules.adjectives)


def _singulars(word: str) -> tuple[str, ...]:
    """The singular forms an English plural may have ("Democrats" → "Democrat", "Counties" →
    "County"); () for a word not ending in s."""
    if not word.endswith("s"):
        return ()
    return (word[:-1], word[:-3] + "y") if word.endswith("ies") else (word[:-1],)


def _is_verb_opener(word: str, rules: Rules) -> bool:
    """True for a present participle opening a headline or a sentence before a name ("Defending Dave
    Chappelle", "Painting Biden’s calls …"): six letters or more ending in "ing", not a given name
    ("Sterling")."""
    return len(word) >= 6 and word.endswith("ing") and word not in rules.given_names


def _ends_in_place(words: list[str], rules: Rules) -> bool:
    """True when the last one, two or three words are a listed place and the first is no listed given
    name ("Black America", "Weimar Germany"; not "George Washington", "Jim Jordan"), or is a modal verb
    opening a question ("Will California undo …", "Can Europe …": the part-of-speech lexicon, Brill
    1992, tags it MD in lower case; "Will" is a given name too)."""
    if words[0] in rules.given_names and _lexicon_tags().get(words[0].lower()) != "MD":
        return False
    return any(" ".join(words[-n:]) in rules.places for n in (1, 2, 3) if n < len(words))
