"""The labelled `Line`, and tests of a line's text used by every step of cleaning: spacing,
function words, sentence ends, whether a line reads as prose or as English, hover cards."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..lexicons import load_data

KEPT_KINDS = ("headline", "subtitle", "byline", "date", "post_credit", "subheading", "body", "list_item")
_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*+»›>]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$|[\"”’][.!?]$")
# "By Jane Roe", "BY JANE ROE": "by" before a capital, a name (the capital is asked in any case
# of "by": "confused by the campaign:" is no byline).
_BYLINE = re.compile(r"(?:^|\s)by\s+(?=(?-i:[A-Z@]))", re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)(?!\d)"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b", re.IGNORECASE)
# A page title "Headline | Site" or "Headline - Site"; the site's name may hold a hyphen inside a
# word ("The Anti-June Cleaver").
_TITLE_SITE = re.compile(r"^(?P<title>.+?)\s+[|–—-]\s+(?P<site>(?:[^|–—-]|(?<=\w)-(?=\w)){2,40})$")
# A person's hover card that a saved page wrote into a sentence: the name as the sentence gives it,
# then, with or without a space, the card — the person's name again (whole: first name, maybe more
# names, the same last name), the titles of stories about them, and the card's "MORE" link — before
# the sentence goes on ("Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down … MORE
# (R) is defending …"). The card's name may open with another given name, the person's full one
# ("Mitch McConnellAddison (Mitch) Mitchell McConnell…"), and a surname may hold a capital after its
# prefix ("McConnell", "O'Rourke", "DeSantis"). The card goes; the name stays.
_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_HOVER_CARD = re.compile(rf"\b{_NAME_WORD} (?:{_NAME_WORD} ){{0,2}}?(?P<last>{_NAME_WORD}) ?"
                         rf"(?P<card>(?:[A-Z(][\w'’.()]* ){{1,4}}?(?P=last)(?=[A-Z ])[^\n]{{0,600}}? MORE)(?= |$)")
MIN_ARTICLE_WORDS = 50  # prose words before a comment heading for it to end the search


@dataclass(frozen=True)
class Line:
    """One non-blank raw line and what cleaning decided about it."""

    number: int  # 1-based line number in the raw text
    text: str  # the raw line without its newline (a kept line without a hover card: `drop_hover_cards`)
    kind: str | None  # the kept kind (see KEPT_KINDS); None when the line was removed
    rule: str  # removed: the rule that dropped it; kept: the evidence for its kind
    paragraph: int | None  # kept lines with the same number form one block; None when removed


@lru_cache(maxsize=1)
def _function_word_set() -> frozenset[str]:
    """The function words of `data/furniture.toml` (as `_furniture` reads them), without compiling
    its rules: clean text needs only these."""
    return frozenset(load_data("furniture")["stopwords"]["words"].split())


def normalise_line(line: str) -> str:
    """A line as compared across pages: bullets and outer punctuation removed, case and spaces folded."""
    text = _BULLET.sub("", line.strip())
    return _one_space(text).strip(" \t.:|·-–—").casefold()


def _folded(text: str) -> str:
    """`_SPACE.sub(" ", text).strip()`."""
    return _one_space(text).strip()


def _one_space(text: str) -> str:
    """`_SPACE.sub(" ", text)`: each run of white space as one space (`_fold_runs`)."""
    return _fold_runs(text, _SPACE)


def _single_spaced(text: str) -> str:
    """`_SPACE_IN_LINE.sub(" ", text)`: each run of white space within a line as one space, line
    breaks kept (`_fold_runs`)."""
    return _fold_runs(text, _SPACE_IN_LINE, kept="\n")


def _fold_runs(text: str, pattern: re.Pattern, *, kept: str = "") -> str:
    """`pattern.sub(" ", text)` for a pattern of white-space runs that leaves the characters `kept`
    (line breaks) alone. Most text has no run longer than one character, and that is told without
    the regex: once lone no-break spaces are plain ones (as the regex makes them), the only
    printable white space is the plain space (other spaces, tabs and line breaks are not
    printable), so text whose other characters are printable, with no two spaces in a row, is
    already folded."""
    spaced = text.replace("\xa0", " ") if "\xa0" in text else text
    if "  " not in spaced and (spaced.replace(kept, "") if kept else spaced).isprintable():
        return spaced
    return pattern.sub(" ", text)


def reads_as_prose(text: str) -> bool:
    """Whether a line reads as a sentence or part of one, as a reader would count a dropped line
    as lost text: at least 4 words ending like a sentence ("The vote was 254-175."), or at least 10
    words with some function words (a sentence cut off by an excerpt). Looser than the cleaner's
    own prose test (`_is_prose`), which decides where a page's body is."""
    words = _WORD.findall(text)
    if len(words) >= 4 and _ends_like_a_sentence(text.strip()):
        return True
    return len(words) >= 10 and _function_words(words) >= 0.1 * len(words)


def _ends_like_a_sentence(text: str) -> bool:
    """`_SENTENCE_END.search(text)`, by string methods when the text has no line break."""
    return _ends_sentence(text) if "\n" not in text else bool(_SENTENCE_END.search(text))


def _function_words(words: list[str]) -> int:
    """How many of `words` are function words (any case)."""
    stopwords = _function_word_set()
    return sum(map(stopwords.__contains__, "\n".join(words).lower().split("\n"))) if words else 0


def english_share(text: str) -> float | None:
    """The share of the words of `text` that are English function words ("the", "of", "that"…):
    about 0.4–0.5 in English prose, near 0 in other languages; None when there are fewer than 20
    words. Text written mostly in a script other than Latin counts 0."""
    head = text[:5000]
    words = function = latin = other = 0
    for line in head.split("\n"):  # no word spans a line break: tallied per line, each distinct line once
        tally = _line_tally(line)
        words, function, latin, other = words + tally[0], function + tally[1], latin + tally[2], other + tally[3]
    if latin + other >= 40 and latin < 0.5 * (latin + other):
        return 0.0
    if words < 20:
        return None
    return function / words


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


@lru_cache(maxsize=20_000)
def _line_tally(line: str) -> tuple[int, int, int, int]:
    """(words, function words, ASCII letters, other letters) of one line of text, for
    `english_share`; news repeats lines (wire copy, boilerplate)."""
    words = _WORD.findall(line)
    ascii_letters = len(line.encode("ascii", "ignore").translate(None, _NOT_LETTERS))
    other = 0 if line.isascii() else sum(map(str.isalpha, _ASCII_RUN.sub("", line)))
    return len(words), _function_words(words), ascii_letters, other


_SPACE_IN_LINE = re.compile(r" [^\S\n]+|[^\S\n ][^\S\n]*")  # white space but a single space


def _line_starts(lines: list[str]) -> list[int]:
    """Where each line starts in the lines joined by newlines."""
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def _ends_sentence(text: str) -> bool:
    """`_SENTENCE_END.search(text)` for text without line breaks, by string methods."""
    return text.rstrip("\"”’')]").endswith((".", "!", "?", "…"))


def drop_hover_cards(text: str) -> str:
    """`text` without the hover cards a saved page wrote into it after a person's name (`_HOVER_CARD`:
    the name again, story titles, "MORE"), the name kept.

    >>> drop_hover_cards("Gov. Kristi NoemKristi Lynn NoemSouth Dakota drops pipeline laws MORE (R) said.")
    'Gov. Kristi Noem (R) said.'
    """
    if " MORE" not in text:
        return text
    return _HOVER_CARD.sub(lambda m: m.group()[: m.start("card") - m.start()].rstrip(), text)


MIN_COPY_WORDS = 8  # a text written over and over within one line is that long at least (as `page_repeat`)


def line_copies(line: str) -> tuple[str, int]:
    """A line that is one text written `n` ≥ 2 times over, the copies parted by white space (a
    paragraph pasted thousands of times into one line), as (that text once, n); (line, 1) for any
    other line. The text must have `MIN_COPY_WORDS` words, so a quote's "No, no, no." stays."""
    if len(line) < 2 * MIN_COPY_WORDS:
        return line, 1
    spaced = " ".join(line.split()) + " "
    period = (spaced + spaced).find(spaced, 1)  # the shortest text whose copies make up the line
    if period >= len(spaced) or spaced[period - 1] != " " or len(spaced[:period].split()) < MIN_COPY_WORDS:
        return line, 1
    return spaced[:period - 1], len(spaced) // period
