"""Split paragraphs into sentences.

The core is the Punkt algorithm (Kiss & Strunk 2006, "Unsupervised Multilingual Sentence Boundary
Detection", Computational Linguistics 32(4)) as implemented by NLTK's `PunktSentenceTokenizer`.
Punkt is normally trained on a large corpus; here its parameters are written down instead and
shipped as `framing/data/punkt.toml` (abbreviations, collocations, sentence starters), so nothing
is downloaded or unpickled. A few rules a careful reader would write down are applied around it:

- hard breaks first: a blank line, a bullet (•, ◦, ‣, ⁃ ...), and inline numbered or lettered lists
  ("1) ... 2) ...", "a. ... b. ...") start a new sentence;
- a sentence never starts with a lower-case letter: `"This is great." she said.` and
  "Yahoo! in the ..." stay whole, as does "(He worked as an engineer.) at the ...";
- a piece made only of punctuation (a lone ellipsis or closing quote) joins its neighbour, so
  "compounds. . . . The practice" splits after "compounds." and the ellipsis opens the next one;
- closing quotes and brackets after the final period stay with their sentence (NLTK's realignment).

Every sentence is stripped of surrounding white space; between two sentences there is only white
space, so `[text[s:e] for s, e in sentence_spans(text)] == split_sentences(text)` and no visible
character is lost.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nltk.tokenize.punkt import (
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktParameters,
    PunktSentenceTokenizer,
)

from .lexicons import load_data

DEFAULT_PARAMS = "punkt"

# Letters joined by periods ("H.R.", "U.S.", "p.m.") are abbreviations by their form; Kiss & Strunk
# use internal periods as evidence of an abbreviation for the same reason.
_DOTTED_LETTERS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_BULLETS = "•◦▪‣⁃●■►▸"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A bullet that starts an item: Unicode bullets anywhere after white space, ASCII ones at a line start.
_BULLET = re.compile(r"(?:(?<=\s)|^)[•◦▪‣⁃●■►▸](?=\s?\S)|^[ \t]*[-*–](?=\s)", re.MULTILINE)
# An enumeration marker: "1.", "1)", "1.)", "a.", "a)" followed by white space.
_ENUM = re.compile(r"(?<![^\s•◦▪‣⁃●■►▸:])(?:(\d{1,2})|([a-z]))(\.\)|\)|\.)(?=\s)")
# The marker that opens a list item, kept with the item's first sentence.
_ITEM_MARKER = re.compile(r"\s*[•◦▪‣⁃●■►▸*–-]?\s*(?:(?:\d{1,2}|[a-z])(?:\.\)|\)|\.)\s+)?")
# Spaced ellipses (". . .") are shown to Punkt as one run of dots of the same length, so they read
# as one ellipsis token and offsets hold. A period glued to a word is not part of the ellipsis:
# in "compounds. . . . The" it ends the sentence and the ellipsis opens the next (Chicago style).
_SPACED_ELLIPSIS = re.compile(r"(?<!\w)\.(?:[ \t]\.){2,}")
# Where Punkt could break: a sentence-ending mark, maybe closing marks, then white space. A block
# without one before its end is one sentence and skips Punkt.
_MAYBE_BREAK = re.compile(r"[.?!][^\w\s]*\s")
_STARTS_LOWER = re.compile(r"[\"'“‘(\[]*[a-z]")
_HAS_WORD = re.compile(r"\w")


def split_sentences(text: str, *, params: str | Path = DEFAULT_PARAMS) -> list[str]:
    """The sentences of `text` (one paragraph or longer), each stripped of surrounding white space.

    `params` names a shipped Punkt parameter file or is the path of a user's own TOML.

    >>> split_sentences("I live in the U.S. How about you?")
    ['I live in the U.S.', 'How about you?']
    """
    return [text[start:end] for start, end in sentence_spans(text, params=params)]


def sentence_spans(text: str, *, params: str | Path = DEFAULT_PARAMS) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence in `text`, in order, without surrounding
    white space; only white space lies between consecutive spans.

    >>> sentence_spans("Hello World. My name is Jonas.")
    [(0, 12), (13, 30)]
    """
    tokenizer = _tokenizer(str(params))
    spans = []
    masked = _mask_ellipses(text)
    for start, end in _blocks(text):
        body = start + _ITEM_MARKER.match(text, start, end).end() - start
        pieces = _punkt_spans(tokenizer, masked, body, end)
        if pieces:
            pieces[0] = (start, pieces[0][1])
        spans.extend(_join_fragments(text, pieces))
    return [span for span in (_strip(text, s, e) for s, e in spans) if span[0] < span[1]]


def _punkt_spans(tokenizer: PunktSentenceTokenizer, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Punkt's sentence spans of `text[start:end]`, as offsets into `text`."""
    if not _MAYBE_BREAK.search(text, start, end):
        return [(start, end)] if start < end else []
    return [(start + s, start + e) for s, e in tokenizer.span_tokenize(text[start:end])]


def punkt_version(params: str | Path = DEFAULT_PARAMS) -> str:
    """The `version` of the Punkt parameter file in use, for recording next to outputs."""
    return str(load_data(params)["version"])


@lru_cache(maxsize=8)
def _tokenizer(params: str) -> PunktSentenceTokenizer:
    """A Punkt tokenizer built from a parameter file (see `framing/data/punkt.toml`)."""
    data = load_data(params)
    punkt = PunktParameters()
    punkt.abbrev_types = _Abbreviations(
        word.lower() for group in data["abbreviations"].values() for word in group)
    punkt.collocations = {(first.lower(), second.lower()) for first, second in data["collocations"]["pairs"]}
    starters = {word.lower() for word in data["sentence_starters"]["words"]}
    punkt.sent_starters = starters
    # Punkt's orthographic heuristic: these words are seen capitalised at sentence starts and in
    # lower case inside sentences, so after an initial ("I. Did you") a capital means a new sentence.
    for word in starters:
        punkt.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return PunktSentenceTokenizer(punkt)


def _mask_ellipses(text: str) -> str:
    """`text` with each spaced ellipsis written as dots only (same length)."""
    if ". ." not in text:
        return text
    return _SPACED_ELLIPSIS.sub(lambda match: "." * len(match.group(0)), text)


class _Abbreviations(set):
    """The listed abbreviation types, plus any type made of letters joined by periods."""

    def __contains__(self, word: object) -> bool:
        return set.__contains__(self, word) or (
            isinstance(word, str) and _DOTTED_LETTERS.fullmatch(word) is not None)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Split `text` at hard breaks (blank lines, bullets, inline list markers) into (start, end)."""
    cuts = {0, len(text)}
    if "\n" in text:
        cuts.update(match.end() for match in _BLANK_LINE.finditer(text))
    if "\n" in text or any(bullet in text for bullet in _BULLETS):
        cuts.update(match.start() for match in _BULLET.finditer(text))
    cuts.update(_list_starts(text))
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if not text[a:b].isspace()]


def _list_starts(text: str) -> list[int]:
    """Offsets of inline list items: a run of markers counting up (1, 2, 3 or a, b, c) in the same
    style, the first at the start of the text, a line, a bullet or after a colon."""
    markers = list(_ENUM.finditer(text))
    if len(markers) < 2:
        return []
    starts: list[int] = []
    for i, first in enumerate(markers):
        opening = _item_start(text, first.start())
        if opening > 0 and text[opening - 1] not in "\n:":
            continue
        run, expected = [first], _value(first) + 1
        for later in markers[i + 1:]:
            if later.group(3) == first.group(3) and _value(later) == expected and _same_kind(first, later):
                run.append(later)
                expected += 1
        if len(run) > 1:
            starts.extend(_item_start(text, marker.start()) for marker in run)
    return starts


def _item_start(text: str, offset: int) -> int:
    """Where the item whose marker is at `offset` starts: at its bullet when it has one
    ("• 9. The first item"), after the white space before it."""
    while offset > 0 and (text[offset - 1] in _BULLETS or text[offset - 1] in " \t"):
        offset -= 1
    return offset


def _value(marker: re.Match) -> int:
    return int(marker.group(1)) if marker.group(1) else ord(marker.group(2))


def _same_kind(a: re.Match, b: re.Match) -> bool:
    return bool(a.group(1)) == bool(b.group(1))


def _join_fragments(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece to the one before when it starts in lower case, and a piece with no word
    characters (a lone ellipsis) to the one after (or before, when it is last)."""
    joined: list[list[int]] = []
    carry: int | None = None
    for start, end in pieces:
        piece = text[start:end]
        if carry is not None:
            start, carry = carry, None
        if not _HAS_WORD.search(piece):
            carry = start
            continue
        if joined and _STARTS_LOWER.match(piece.lstrip()):
            joined[-1][1] = end
        else:
            joined.append([start, end])
    if carry is not None:
        if joined:
            joined[-1][1] = pieces[-1][1]
        else:
            joined.append([carry, pieces[-1][1]])
    return [(start, end) for start, end in joined]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
