"""Quoted spans of a sentence: where they are, which sentences one runs over, and what each is.

- a direct quote is the span inside quotation marks (curly “…” or straight "…", or one of each when
  the text mixes them: `_paired_marks`; single curly marks ‘…’ around eight characters or more); a sentence that opens a quote without closing it is joined
  with the next ones until the quote closes (`_units`, at most `MAX_QUOTE_SENTENCES`), and a quoted
  paragraph left open whose next paragraph opens with a new mark (news style) ends there;
- a span woven into the journalist's own sentence ("dismissed it as an “unrealistic aspiration”")
  is partial, one that opens the sentence or follows a comma, colon or dash is full (`_is_partial`;
  Pareti 2016 calls partial quotes mixed);
- a short span in title case inside a sentence in sentence case names a show, book or document
  (`_is_title`), a span of capitalised words is a name (`_is_name`), and "so-called", "known as" or
  "the slogan" before a span make it a term (`_TERM`): nobody says these;
- the narration is the sentence with each span replaced by a placeholder (`_narration`), so that the
  attribution rules never take a name inside quotes for a speaker.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

_QUOTE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"|‘([^’]{8,})’(?!\w)")
_PARAGRAPH_CLOSE = "\u2063"  # invisible separator: marks a closing quote the paragraph's end stands for
_PLACEHOLDER = "quoted"  # stands for a quoted span in the narration: lower case, never a name
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_FULL_INTRO = re.compile(r"(?:^|[,:;—–]|^\s*[-•*])\s*$")  # what may stand before a full (not partial) quote
_FIRST_LETTER = re.compile(r"[^\W\d_]")
MAX_QUOTE_SENTENCES = 6  # a quote left open is joined with at most this many sentences
TITLE_MAX_WORDS = 8  # a quoted span in title case up to this long names a show, book or document
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
                     "as", "but", "nor", "yet", "so", "per", "via", "vs"}  # what title case leaves in lower case

_RECORD_FIELDS = ("article_id", "sentence_id", "paragraph_id", "outlet", "event", "kind", "position")


def _articles(table: pd.DataFrame, text_col: str):
    """The sentences of each article as lists of named tuples, in order (the table sorted by
    article): one pass over the columns instead of a data frame per article."""
    fields = [f for f in _RECORD_FIELDS if f in table and f != text_col] + [text_col]
    records = table[fields].itertuples(index=False, name="Sentence")
    article, current = object(), []
    for record in records:
        if record.article_id != article:
            if current:
                yield current
            article, current = record.article_id, []
        current.append(record)
    if current:
        yield current


def _units(article: list, text_col: str):
    """(first record, last sentence_id, text) per sentence, or per run of sentences joined because
    a quotation mark opened in the first one closes only in a later one (a curly mark closed by a
    straight one counts: `_paired_marks`)."""
    records = [r for r in article if isinstance(getattr(r, text_col), str)]
    i = 0
    while i < len(records):
        first, text, j = records[i], _paired_marks(getattr(records[i], text_col)), i
        while _is_open(text) and j + 1 < len(records) and j - i + 1 < MAX_QUOTE_SENTENCES:
            if _continues_in_next_paragraph(records[j], records[j + 1], text_col):
                text += _PARAGRAPH_CLOSE + ("”" if text.count("“") > text.count("”") else '"')
                break
            j += 1
            text = _paired_marks(f"{text} {getattr(records[j], text_col)}")
        if _is_open(text):  # never closed: read the first sentence alone
            text, j = _paired_marks(getattr(first, text_col)), i
        yield first, records[j].sentence_id, text
        i = j + 1


def _paired_marks(text: str) -> str:
    """The text with a quote opened by one kind of mark and closed by the other written with one kind:
    web text often mixes curly and straight marks (“We had a strategy," Jane Roe said), and a
    curly opening mark left open with the text's only straight mark after it is closed by that
    mark, as a straight mark left open with the only unpaired curly closing mark after it. The
    mark is replaced by one character, so offsets are kept; a text whose marks pair is unchanged."""
    straight = text.count('"')
    if straight != 1:
        return text
    at = text.index('"')
    if text.count("“") == text.count("”") + 1 and text.rfind("“", 0, at) > text.rfind("”", 0, at):
        return f"{text[:at]}”{text[at + 1:]}"  # “…," Jane Roe said
    if text.count("”") == text.count("“") + 1 and text.find("”", at) > text.find("“", at) and "”" in text[at:]:
        close = text.find("”", at)
        if "“" not in text[at:close]:
            return f"{text[:at]}“{text[at + 1:]}"  # "…,” Jane Roe said
    return text


def _continues_in_next_paragraph(record, following, text_col: str) -> bool:
    """True when a quote left open at the end of a paragraph goes on in the next one: news style
    leaves the closing mark off a quoted paragraph and opens the next paragraph with a new mark."""
    paragraph, next_paragraph = getattr(record, "paragraph_id", None), getattr(following, "paragraph_id", None)
    return (paragraph is not None and next_paragraph is not None and paragraph != next_paragraph
            and str(getattr(following, text_col)).lstrip().startswith(("“", '"')))


def _is_open(text: str) -> bool:
    """True when the text opens a quotation it does not close (curly or straight marks)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _is_name(quote: str) -> bool:
    """True when a quoted span is a name (every word capitalised: “Squad”, “Green New Deal”), not words said."""
    words = _WORD.findall(quote)
    return bool(words) and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)


# Words right before a quoted span that make it a name or a term whoever speaks in the sentence.
_TERM = re.compile(r"\b(?:(?:so-called|known as|titled|entitled)\s+(?:the\s+|a\s+)?|"
                   r"(?:slogan|motto|tagline|catchphrase|hashtag)s?,?\s+)[“\"]?$")  # "with the slogan “…”": a name


def _ends_sentence(text: str, end: int) -> bool:
    """True when a quote closes its sentence (only punctuation after it): the attribution may open
    the next sentence ("… a “tense office atmosphere.”" / "Politico reported, citing …")."""
    return not _WORD.search(text[end:])


def _only_quotes(narration: str) -> bool:
    """True when a sentence is quotation only: nothing but the placeholders and punctuation."""
    return _PLACEHOLDER in narration and not _WORD.search(narration.replace(_PLACEHOLDER, ""))


def _is_partial(before: str, quote: str) -> bool:
    """A quote is partial when it is woven into the journalist's sentence: it starts in lower case,
    or it follows words without a comma, colon or dash in between (Pareti 2016 calls these mixed
    quotes)."""
    letter = _FIRST_LETTER.search(quote)
    starts_lower = letter is not None and letter.group().islower()
    return starts_lower or not _FULL_INTRO.search(before)


def _is_title(text: str, before: str, quote: str) -> bool:
    """A short quoted span in title case inside a sentence written in sentence case ("on “Fox &
    Friends”", "an essay called “The Incompetence Dodge”") names a show, book or document: nobody
    says it. Headlines, in title case throughout, are left alone."""
    words = _WORD.findall(quote)
    sentence = _WORD.findall(text)
    return (bool(before.strip()) and 2 <= len(words) <= TITLE_MAX_WORDS
            and all(w[0].isupper() or w.isdigit() or w in _TITLE_SMALL_WORDS for w in words)
            and sum(w[0].islower() for w in sentence) * 2 >= len(sentence)
            and not quote.rstrip().endswith(("?", "!")))


# A programme's title: a span in title case after a broadcaster's possessive that a preposition or "told"
# opens ("on CNN’s “State of the Union”", "told NBC’s “Today” show", "in an interview with NPR’s “Fresh
# Air”"), or before a noun for a programme ("the “Today” show"): a title whatever the sentence's case (1.29).
_PROGRAMME_OWNER = re.compile(r"\b(?:on|to|with|in|from|told|telling)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*[’']s?\s*$")
_PROGRAMME_NOUN = re.compile(r"[.,]?\s*(?:show|program|programme|podcast|broadcast|series|documentary|special)\b")


def _names_a_programme(before: str, quote: str, after: str) -> bool:
    """True when a quoted span in title case (up to `TITLE_MAX_WORDS` words) is a programme's title
    by what stands around it (`_PROGRAMME_OWNER`, `_PROGRAMME_NOUN`): nobody says it (labelling rule 9)."""
    words = _WORD.findall(quote)
    return (1 <= len(words) <= TITLE_MAX_WORDS and words[0][:1].isupper() and not quote.rstrip().endswith(("?", "!"))
            and all(w[:1].isupper() or w.isdigit() or w in _TITLE_SMALL_WORDS for w in words)
            and (_PROGRAMME_OWNER.search(before) is not None or _PROGRAMME_NOUN.match(after) is not None))


# A sentence opening on the question put to its subject ("Asked whether the call hurts the “case,” Jane Roe
# replied: …"): a quoted span in that clause, before its comma, is the question's words, and whoever asked
# is not the one who answers (labelling rule 9 when the asker is not named; 1.29).
_ASKED_OPENING = re.compile(r"^\W*(?:(?:When|After|Upon|On)\s+(?:being\s+)?)?[Aa]sked\s+(?:whether|if|about|how|why|what|"
                            r"when|who|where|to|for)\b[^,;:]*$")


def _in_question_opening(text: str, start: int) -> bool:
    """True when the quoted span at `start` stands in a sentence's opening "Asked whether …" clause
    (`_ASKED_OPENING`) that does not name its asker ("Asked why … by CNN’s Jane Roe," does)."""
    clause = text[:text.find(",", start) if "," in text[start:] else len(text)]
    return _ASKED_OPENING.search(text[:start]) is not None and not _ASKED_BY.search(clause)


_ASKED_BY = re.compile(r"\bby\s+(?:[a-z]+\s+)?[A-Z]")


_LOWER_WORD = re.compile(rf"(?<![\w’'.-])(?!(?:{'|'.join(sorted(_TITLE_SMALL_WORDS))}|{_PLACEHOLDER})\b)[a-z]")


@lru_cache(maxsize=1 << 16)
def _title_case(narration: str) -> bool:
    """True when every word but the small ones is capitalised (a headline in title case)."""
    return _LOWER_WORD.search(narration) is None


def _narration(text: str, spans) -> str:
    """The sentence with quoted spans replaced by a placeholder, so names inside quotes are not
    taken for speakers."""
    out, last = [], 0
    for start, end, _ in spans:
        out.append(text[last:start])
        out.append(f" {_PLACEHOLDER} ")
        last = end
    out.append(text[last:])
    return "".join(out).translate(_SPACES)


# Page furniture run into the opening of a sentence, outside its syntax (it names no speaker): an aside
# in brackets or parentheses ("( Also on POLITICO: Jane Roe tells of … )", "[Vox / Jane Roe]", "(CNN)"),
# a photo credit, a photographer's name and an agency in capitals ("Jane Roe / EPA", "John Doe/AP"), a
# media label ("Video", "WATCH:") and a heading whose bracketed tag ends at a colon ("Biden meets Xi
# (report): …"; a tag in lower case only: "Jane Roe (D-Calif.): …" is a name).
_ASIDE = re.compile(r"\s*(?:\([^()]{1,200}\)|\[[^\[\]]{1,200}\])"
                    r"|\s*(?:[A-Z][\w.’'-]*\s+){1,3}/\s*(?:[A-Z]{2,}|Getty Images|Reuters|Bloomberg)\b"
                    r"|\s*(?:Video|VIDEO|Watch|WATCH|Photo|PHOTO|Listen|LISTEN)\b:?(?=\s+[A-Z“\"‘])"
                    r"|[^:()“”\"]{1,100}\([a-z]+(?:\s[a-z]+){0,3}\)\s*:")
MAX_ASIDES = 3  # at most so many run together ("Video (CNN) …")


def _without_asides(narration: str) -> str:
    """The narration with the page furniture opening it (`_ASIDE`) turned into spaces, so that its
    offsets stay those of the narration: an aside that holds a quote is part of the sentence."""
    at = 0
    for _ in range(MAX_ASIDES):
        match = _ASIDE.match(narration, at)
        if match is None or _PLACEHOLDER in match.group().split():
            break
        at = match.end()
    return " " * at + narration[at:]


_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"), " ")  # read as plain spaces
