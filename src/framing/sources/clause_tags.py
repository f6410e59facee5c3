"""The last rule of the sieve: the speaker read from the part-of-speech tags of the quote's clause.

When the patterns give a quote nobody, the sentence is tagged (TextBlob's English tagger, the
pattern library's Brill-style tagger shipped as package data: De Smedt & Daelemans 2012) and read
as a clause: the reporting verb nearest before the quote and its subject, the noun phrase standing
before the verb (adverbs, auxiliaries, a time phrase, a bracket or an apposition between commas
skipped), or for a participle ("…, saying", "while promising") the subject of the finite verb it
hangs on (`_clause_attribution`). The subject then goes through `speaker_memory._speaker` like a
pattern's match: a description, a role, a group, a pronoun (`speaker_memory._clause_speaker`).
The tags also tell `attribution` where a finite verb stands (`_tagged`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import read_rules
from ..lexicons import load_data
from ..sentiment.textblob_en import load_textblob_en
from .name_kinds import _TIMES, _DETERMINERS, _DOCUMENT_VERB_SET, _PRONOUNS, _named_group, _names_a_person
from .patterns import _lexicon, _quantity_of
from .spans import _PLACEHOLDER

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Maj|Adm|St|Jr|Sr|Prof|Rev)\."
                    r"|\w+(?:[-’'.&]\w+)*(?<![’']s)|[’']s\b|[^\w\s]")
_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS", "PRP", "CD")
_MODIFIER_TAGS = ("DT", "JJ", "JJR", "JJS", "POS", "PRP$", "CD", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG")
_BE = frozenset({"is", "was", "were", "are", "be", "been", "being", "am", "'s", "’s"})
_HAVE = frozenset({"has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can",
                   "did", "does", "do", "also", "not", "then", "later", "again", "once", "previously"})
_TIME = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                   "yesterday", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
                   "january", "february", "march", "april", "june", "july", "august", "september", "october",
                   "november", "december", "day", "time", "earlier", "later", "tonight"})
_TIME_OPENERS = frozenset({"on", "in", "last", "this", "late", "early", "earlier", "at", "next", "that"})
_CLAUSE_BREAKS = frozenset({".", ";", "?", "!", ":"})
_JOINERS = frozenset({"of", "for", "and", "&"})
_DASHES = frozenset({"—", "–", "-"})
_PARTICIPLE_OPENERS = frozenset({",", "while", "when", "after", "before", "and", "by"})


def _english_tagger():
    """TextBlob's English `tag` function, loaded without TextBlob's package initialisation (see
    `load_textblob_en`): the tagger never uses the NLTK that `import textblob` pulls in."""
    return load_textblob_en()[0].tag


@lru_cache(maxsize=1 << 14)
def _tagged(narration: str) -> tuple:
    """((word, tag, start offset), …) of a narration, tagged by TextBlob's English tagger; the
    quote placeholder is tagged "QUOTE"."""
    tag = _english_tagger()
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(narration)]
    if not tokens:
        return ()
    tags = tag(" ".join(w.replace(" ", "_") for w, _ in tokens), tokenize=False)
    if len(tags) != len(tokens):
        return ()
    return tuple((w, "QUOTE" if w == _PLACEHOLDER else ":" if w in _DASHES else t, start)
                 for (w, start), (_, t) in zip(tokens, tags))


def _is_verb(tokens: tuple, i: int) -> bool:
    """True when token `i`, tagged as a verb, heads a clause: not a participle after "be" (a
    passive: "was called") or after a determiner ("his stated deadline")."""
    word, tag, _ = tokens[i]
    if not tag.startswith("VB") or i > 0 and tokens[i - 1][1] == "TO":
        return False  # "to reassure": what someone means to do, not what they said
    j = i - 1
    while j >= 0 and tokens[j][1] == "RB":
        j -= 1
    before = tokens[j] if j >= 0 else ("", "", 0)
    if before[1] in ("DT", "PRP$", "POS", "JJ"):
        return False
    passive = before[0].lower() in _BE or before[0].lower().endswith(("’re", "'re", "’m", "'m"))
    return not (tag in ("VBN", "VBD") and passive)


_DAY_NAMES = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
APPOSITION_MAX_WORDS = 25  # "Jane Roe, the woman who Republicans denied a chance to testify to Congress on …,"
_RELATIVES = frozenset({"who", "whom", "whose", "which"})


def _described_apposition(tokens: tuple, comma: int) -> int:
    """The index of the comma opening an apposition that ends at the comma `comma` and describes the name
    before it with an article, a noun and a relative clause ("Jane Roe, the woman who Republicans denied a
    chance to testify, told"): the apposition is no subject, and a verb in its clause governs no quote after
    it (1.49); -1 when the words between the commas are not such a description."""
    k = comma - 1
    while k >= 0 and tokens[k][0] != "," and tokens[k][0] not in _CLAUSE_BREAKS and comma - k <= APPOSITION_MAX_WORDS:
        k -= 1
    if k < 1 or tokens[k][0] != "," or tokens[k - 1][1] not in ("NNP", "NNPS"):
        return -1
    words = [t[0].lower() for t in tokens[k + 1:comma]]
    described = len(words) > 2 and words[0] in ("a", "an", "the") and tokens[k + 2][1] in _NOUN_TAGS + _MODIFIER_TAGS
    return k if described and _RELATIVES & set(words[2:]) else -1


def _subject_end(tokens: tuple, i: int) -> int:
    """The index of the last word of the subject before the verb at `i` (after skipping adverbs,
    auxiliaries, a time phrase, a bracket and an apposition between commas), or -1."""
    i -= 1
    while i >= 0:
        word, tag, _ = tokens[i]
        lowered = word.lower()
        if tag == "RB" or lowered in _HAVE or tag == "MD":
            i -= 1
        elif lowered in _TIME and i > 0 and (tokens[i - 1][0].lower() in _TIME_OPENERS
                                             or tokens[i - 1][0].lower() in _TIME):
            i -= 2 if tokens[i - 1][0].lower() in _TIME_OPENERS else 1
        elif word == ")":
            while i >= 0 and tokens[i][0] != "(":
                i -= 1
            i -= 1
        elif word in _DASHES:  # "Jane Roe — a former aide — said": the aside skipped
            k = i - 1
            while k >= 0 and tokens[k][0] not in _DASHES and tokens[k][0] not in _CLAUSE_BREAKS:
                k -= 1
            if k <= 0 or tokens[k][0] not in _DASHES:
                return -1
            i = k - 1
        elif word == "," and (aside := _aside_before(tokens, i)) is not None:
            i = aside  # "Jane Roe, meanwhile, said", "Jane Roe, by comparison, has called": the aside skipped (1.42)
        elif word == "," and i > 0:
            k = i - 1
            while k >= 0 and tokens[k][1] in _MODIFIER_TAGS + ("HYPH",) and tokens[k][0] != ",":
                k -= 1
            if k > 0 and tokens[k][0] == "," and k < i - 1 and tokens[k - 1][1] in _NOUN_TAGS:
                if (tokens[i - 1][1] == "NNP" and tokens[i - 2][1] == "NNP"
                        and not any(t[1] == "NNP" for t in tokens[_subject_start(tokens, k - 1):k])):
                    return i - 1  # "His opponent, conservative Jane Roe, called": the name in apposition
                i = k - 1  # "Jane Roe, a Republican, said": the apposition skipped
            elif (k := _described_apposition(tokens, i)) > 0:
                i = k - 1  # "Jane Roe, the woman who Republicans denied a chance to testify, told": the name (1.49)
            else:
                return -1
        else:
            break
    return i if i >= 0 and tokens[i][1] in _NOUN_TAGS else -1


def _aside_before(tokens: tuple, i: int) -> int | None:
    """The index of the word before a short aside between commas that ends at the comma `i`, or None: one
    or two adverbs (", meanwhile,", ", however,") or a preposition opening up to three words with no name
    or verb among them (", by comparison,", ", for her part,"), which English sets off by commas inside a
    clause without changing its subject."""
    k = i - 1
    while k > 0 and tokens[k][0] != "," and i - k <= 4:
        k -= 1
    words = tokens[k + 1:i]
    if k <= 0 or tokens[k][0] != "," or not words or tokens[k - 1][1] not in _NOUN_TAGS:
        return None
    adverbs = len(words) <= 2 and all(tag == "RB" for _, tag, _ in words)
    phrase = words[0][1] == "IN" and not any(tag.startswith(("VB", "NNP")) for _, tag, _ in words)
    return k - 1 if adverbs or phrase else None


def _subject_start(tokens: tuple, end: int) -> int:
    """The index of the first word of the noun phrase ending at `end`: modifiers, possessives and
    names joined by "of", "for", "and" ("the former acting director for the Centers for Disease
    Control and Prevention")."""
    i = end
    while i > 0 and tokens[i][1] != "PRP":
        word, tag, _ = tokens[i - 1]
        if word == ")" and (opening := next((k for k in range(i - 2, max(i - 8, -1), -1) if tokens[k][0] == "("), -1)) > 0:
            i = opening  # "Group of Seven (G-7) leaders"
        elif tag in _MODIFIER_TAGS and tag != "PRP":
            i -= 1
            if tag == "DT" and not (i > 1 and tokens[i - 1][0].lower() in _JOINERS and tokens[i - 2][1] in _NOUN_TAGS):
                break  # "the director", not "… for the Centers"
        elif word.lower() in _JOINERS and i > 1 and tokens[i - 2][1] in _NOUN_TAGS:
            i -= 1
        else:
            break
    return i


def _head_phrase(tokens: tuple, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the subject's head phrase: the words before a "for" or "of the" that opens
    what the head belongs to ("the president | of the association"); "secretary of state" and
    "Group of Seven" stay whole."""
    for k in range(start + 1, end + 1):
        word = tokens[k][0].lower()
        if word == "for" or word == "of" and k + 1 <= end and tokens[k + 1][1] in ("DT", "PRP$"):
            return start, k - 1
    return start, end


def _finite_before(tokens: tuple, i: int) -> int:
    """The index of the nearest verb before `i` that heads a clause and is not a participle, or -1."""
    for k in range(i - 1, -1, -1):
        if tokens[k][0] in _CLAUSE_BREAKS:
            return -1
        if tokens[k][1] in ("VBD", "VBZ", "VBP", "VBN") and _is_verb(tokens, k):
            return k
    return -1


def _participle(tokens: tuple, v: int) -> bool:
    """True when the word at `v` is a participle ("saying"), also where the tagger read it as an
    adjective or noun after a comma or "while"."""
    if v > 0 and tokens[v - 1][1] in ("DT", "JJ", "PRP$", "POS"):
        return False  # "new reporting": a noun
    return tokens[v][1] == "VBG" or (tokens[v][0].endswith("ing") and v > 0
                                     and tokens[v - 1][0].lower() in _PARTICIPLE_OPENERS)


def _verb_subject(tokens: tuple, v: int) -> tuple[int, int] | None:
    """(start, end) token indices of the subject of the verb at `v`; a participle takes the subject
    of the clause it hangs on ("released a statement saying", "while promising"), and a verb right
    after "and" (adverbs between) the subject of the finite verb it is joined to ("Jane Roe also
    counted herself lucky and said she was “blessed”")."""
    if _participle(tokens, v):
        if v > 0 and tokens[v - 1][1] in _NOUN_TAGS:  # "a statement saying", "with Turkey acknowledging"
            noun = tokens[v - 1][0].lower()
            if noun not in _lexicon().documents:  # a person or body doing it, else nobody ("a rule saying")
                named = tokens[v - 1][1] in ("NNP", "NNPS") or _names_a_person(noun, _lexicon())
                return _noun_phrase(tokens, v - 1) if named else None
            v = _finite_before(tokens, v)  # "released a statement saying": the document's issuer
            if v < 0 or tokens[v][0].lower() not in _DOCUMENT_VERB_SET:
                return None
        else:
            v = _finite_before(tokens, v)
        if v < 0:
            return None
    elif (joined := _after_and(tokens, v)) >= 0:  # "Jane Roe also counted herself lucky and said …"
        v = _finite_before(tokens, joined)
        if v < 0:
            return None
    end = _subject_end(tokens, v)
    if end < 0 or _opening_adverb(tokens, end):
        return None
    return _noun_phrase(tokens, end)


@lru_cache(maxsize=1 << 12)
def _adverb_in_lower_case(word: str) -> bool:
    """True when the tagger reads `word`, written in lower case, as an adverb in "-ly" ("widely")."""
    lowered = word.lower()
    return lowered.endswith("ly") and [tag for _, tag in _english_tagger()(lowered, tokenize=False)] == ["RB"]


def _opening_adverb(tokens: tuple, end: int) -> bool:
    """True when the subject found would be the sentence's first word alone and that word is an adverb in
    "-ly", capitalised only because it opens the sentence ("Widely mocked for …, Trump faced …"): an adverb
    is no subject, and a name in "-ly" ("Kelly") the tagger reads as a noun in lower case too (1.44)."""
    return end == 0 and _adverb_in_lower_case(tokens[0][0])


def _after_and(tokens: tuple, v: int) -> int:
    """The index of an "and" right before the verb at `v` (adverbs between), or -1."""
    j = v - 1
    while j >= 0 and tokens[j][1] == "RB":
        j -= 1
    return j if j > 0 and tokens[j][0].lower() == "and" else -1


def _noun_phrase(tokens: tuple, end: int) -> tuple[int, int] | None:
    """(start, end) of the head phrase of the noun phrase ending at `end`; of several joined by
    "and", the first ("the International Chamber of Shipping and other groups warned"); None when a
    preposition stands before it (an object: "involved in bipartisan negotiations say")."""
    start = _subject_start(tokens, end)
    while start > 1 and tokens[start - 1][0] == "and" and tokens[start - 2][1] in _NOUN_TAGS + (")",):
        last = start - 2
        if tokens[last][0] == ")":
            last = next((k for k in range(last, -1, -1) if tokens[k][0] == "("), 0) - 1
        if last < 0 or tokens[last][1] not in _NOUN_TAGS or tokens[last][1] == "PRP":
            break
        end, start = last, _subject_start(tokens, last)
    if start > 0 and start < end and tokens[start - 1][0].lower() in ("on", "last", "this") and tokens[start][0] in _DAY_NAMES:
        start += 1  # "On Wednesday Jane Roe, …, told": the day opens a time phrase, the name after it the subject (1.49)
    if start > 0 and tokens[start - 1][1] in ("IN", "TO") and (described := _placed_description(tokens, start - 1)):
        return described  # "A senior insider in the chamber said": the person, placed by the phrase after it (1.54)
    if start > 0 and tokens[start - 1][1] == "IN" and tokens[start - 1][0].lower() not in ("that", "while", "as"):
        return None
    return _head_phrase(tokens, start, end)


_PLACING = frozenset({"in", "at", "on", "from", "near", "inside", "within", "with", "to"})
_INDEFINITE_OPENERS = frozenset({"a", "an", "one", "another"})


@lru_cache(maxsize=1)
def _person_words() -> frozenset:
    """The lower-case nouns for a person of `people` in the reporting verbs' `[roles]` ("man", "woman")."""
    return frozenset(load_data("reporting_verbs")["roles"].get("people", ()))


def _placed_description(tokens: tuple, preposition: int) -> tuple[int, int] | None:
    """(start, end) of an unnamed person opening the sentence before a preposition that places them ("A senior
    insider in the chamber", "A man in the crowd", "An aide to the governor"): "a", "an", "one" or "another",
    modifiers, and a noun for a person right before the preposition, whose phrase is then the subject of the
    verb after the place, not the place's noun (an object). None for anything else."""
    if tokens[preposition][0].lower() not in _PLACING or preposition < 2:
        return None
    head = preposition - 1
    noun = tokens[head][0].lower()
    if tokens[head][1] not in ("NN", "NNS") or not (_names_a_person(noun, _lexicon()) or noun in _person_words()):
        return None  # "a man", "a woman" name a person as "an insider" does (`people` of the data file; 1.55)
    start = _subject_start(tokens, head)
    return (start, head) if start == 0 and tokens[0][0].lower() in _INDEFINITE_OPENERS else None


def _coordinated_away(tokens: tuple, v: int, quote: int) -> bool:
    """True when a verb joined by "and" / "but" stands between the reporting verb at `v` and the
    quote: the quote is that verb's ("acknowledging atrocities but rejecting the term “…”")."""
    for k in range(v + 1, quote - 1):
        if tokens[k][0].lower() in ("and", "but", "or"):
            j = k + 1
            while j < quote and tokens[j][1] == "RB":
                j += 1
            if j < quote and tokens[j][1].startswith("VB") and tokens[j][0].lower() not in _lexicon().forms:
                return True
    return False


def _clause_attribution(narration: str):
    """(start, who, verb as written, "clause", None) of the quote's attribution read from the
    sentence's tags (see above), or None: the reporting verb nearest before the first quote and
    its subject; a pronoun subject of a clause inside another attribution ("Republican leaders
    say they told …") is the outer clause's subject."""
    tokens = _tagged(narration)
    quote = next((k for k, t in enumerate(tokens) if t[1] == "QUOTE"), -1)
    if quote < 0:
        return None
    found = _nearest_subject(narration, tokens, _clause_verbs(tokens, quote), quote)
    return None if found is None else _clause_subject_kind(found)


def _joined_verb_attribution(narration: str, found):
    """(start, who, verb as written, "clause", None) of a reporting verb joined by "and" to a verb before it,
    read from the tags, when the pattern read the words before "and" as its subject (`found`, a "name_verb"
    whose subject ends in "and": "CDC director Jane Roe overruled the panel and said that …"): the subject
    of the first verb is the subject of both (1.38). None when the verb joins no finite verb with a subject."""
    if found is None or found[3] != "name_verb" or not found[1].endswith(" and"):
        return None
    tokens = _tagged(narration)
    at = narration.find(found[2], found[0])
    v = next((k for k, t in enumerate(tokens) if t[2] == at), -1)
    if v < 0 or _after_and(tokens, v) < 0 or (span := _verb_subject(tokens, v)) is None:
        return None
    start, end = span
    found = (tokens[start][2], _subject_text(narration, tokens, start, end), tokens[v][0], "clause", None)
    return _clause_subject_kind(found)


def _clause_verbs(tokens: list, quote: int) -> list[int]:
    """The token positions of the reporting verbs in the clause before the quote at `quote`, nearest first."""
    forms = _lexicon().forms
    verbs = []
    last = quote - 1
    if last > 0 and tokens[last][0] == ":" and tokens[last - 1][0].lower() in forms:
        last -= 1  # "One user wrote: “…”": a colon right after a verb of saying opens its quote, no break (1.55)
    for k in range(last, -1, -1):
        if tokens[k][0] in _CLAUSE_BREAKS:
            break
        if tokens[k][0].lower() in forms and (_is_verb(tokens, k) or _participle(tokens, k)) and not _goes_on(tokens, k):
            verbs.append(k)
    return verbs


def _goes_on(tokens: list, k: int) -> bool:
    """True when the token at `k` is a form of "continue" followed by "to" and a verb: it says the subject
    goes on doing something ("McCarthy continued to question the inquiry"), not that it speaks, as for the
    patterns (`attribution._goes_on_doing`, 1.34; read by the tags too since 1.39); a verb of saying after
    "to" is still said ("continued to say")."""
    return (_lexicon().forms.get(tokens[k][0].lower(), ("",))[0] == "continue" and k + 2 < len(tokens)
            and tokens[k + 1][0] == "to" and tokens[k + 2][0][:1].islower()
            and tokens[k + 2][0] not in _lexicon().forms)  # "continued to say": goes on saying


def _nearest_subject(narration: str, tokens: list, verbs: list[int], quote: int):
    """(start, who, verb, "clause", None) of the nearest of `verbs` with a subject, or of the next
    one out when that subject is a pronoun; None when none has a subject."""
    found = None
    for v in verbs:
        if _coordinated_away(tokens, v, quote):
            break
        span = _verb_subject(tokens, v)
        if span is None:
            continue
        start, end = span
        who = _subject_text(narration, tokens, start, end)
        if found is None:
            found = (tokens[start][2], who, tokens[v][0], "clause", None)
        if who.lower() not in _PRONOUNS:
            if found[1].lower() in _PRONOUNS:
                found = (tokens[start][2], who, tokens[v][0], "clause", None)
            break
    return found


def _subject_text(narration: str, tokens: list, start: int, end: int) -> str:
    """The subject of tokens `start`…`end` as written, its lower-case words before a name dropped
    and a description opening the sentence in lower case."""
    who = narration[tokens[start][2]:tokens[end][2] + len(tokens[end][0])]
    named = re.fullmatch(r"(?:[a-z][\w-]*\s+)+((?:[A-Z][\w’'.-]*\s+)+[A-Z][\w’'.-]*)", who)
    if named and not who.startswith(("the ", "a ", "an ")):
        who = named.group(1)  # "conservative Jane Roe": the name
    if start == 0 and tokens[0][1] not in ("NNP", "NNPS") and tokens[0][0] not in read_rules().adjectives:
        who = who[:1].lower() + who[1:] if len(who.split()) > 1 and who.split()[-1][:1].islower() else who
    return who


# A subject pronoun with its auxiliary contracted onto it ("he’d", "she’s", "they’ve"): the pronoun.
_CONTRACTED_PRONOUN = re.compile(r"^([Hh]e|[Ss]he|[Tt]hey)[’'](?:d|s|ll|ve|re)$")


def _clause_subject_kind(found):
    """(start, who, verb, pattern, noun) of a clause's subject `found`: "clause", "clause_unnamed"
    (unnamed people) or "clause_group" (a group named as a whole); None for the writer or the reader."""
    who = re.sub(r"\s*\([^()]*\)", "", found[1])  # "Group of Seven (G-7) leaders"
    who = _CONTRACTED_PRONOUN.sub(r"\1", who)  # "what he’d said": the pronoun, not a name (1.29)
    words = who.split()
    if who in _TIMES:
        return None  # "Tuesday brought …, Jane Roe disavowing him by declaring": a day is when, not who (1.51)
    if words[0].lower() in ("i", "we", "you", "me", "us") or words[0].lower().startswith(("we’", "we'", "you", "i’", "i'")):
        return None  # the writer or the reader: no source
    if words[0] in ("The", "A", "An") and len(words) > 1 and (words[-1][:1].islower() or words[1][:1].islower()):
        who = who[0].lower() + who[1:]  # "The former acting director", "The Thursday press release": a description
    noun, pattern = None, found[3]
    plural = words[-1][:1].islower() and words[-1].endswith("s") and words[0].lower() not in _DETERMINERS | {"the"}
    if len(words) >= 2 and words[-1] in _lexicon().anonymous and words[-2][:1].isupper():
        who, noun = " ".join(words[:-1]), words[-1]  # "U.S. officials": a body's unnamed people
    elif plural and (all(w[:1].islower() for w in words) or "of" in words and _quantity_of().match(who)):
        pattern = "clause_unnamed"  # "pro-Trump extremists", "59 percent of respondents": unnamed people
    elif plural and _named_group(who, None) is not None:
        pattern = "clause_group"  # "Republican leaders": a group named as a whole
    elif plural:
        pattern = "clause_unnamed"  # "Texas abortion providers": unnamed people
    return (found[0], who, found[2], pattern, noun)
