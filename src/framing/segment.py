"""Split paragraphs into sentences.

The core is the Punkt algorithm (Kiss & Strunk 2006, "Unsupervised Multilingual Sentence Boundary
Detection", Computational Linguistics 32(4)) as implemented by NLTK's `PunktSentenceTokenizer`.
Punkt is normally trained on a large corpus; here its parameters are written down instead and
shipped as `framing/data/punkt.toml` (abbreviations, collocations, sentence starters), so nothing
is downloaded or unpickled. Around it sit rules a careful reader would write down, several of them
after the Pragmatic Segmenter / pySBD rule set (Sadvilkar & Neumann 2020, "PySBD: Pragmatic Sentence
Boundary Disambiguation", NLP-OSS):

1. Hard breaks come first: a blank line, a bullet (•, ◦, ‣, ⁃ ...), and the items of a numbered or
   lettered list written inline ("1) ... 2) ...", "a. ... b. ...", "(i) ... (ii) ..."). An item's
   marker stays with its first sentence; a list item ends at a line break.
2. Punkt proposes boundaries inside each block. Letters joined by periods ("H.R.") count as
   abbreviations by their form.
3. Extra boundaries Punkt cannot see: an ellipsis followed by a capitalised word (except the
   pronoun "I"), a period glued to the next sentence ("Tuesday.Mr."), full-width stops, footnote
   marks after a sentence end ("martyr.[1] The"), interrupted speech ('to--" At this'), and a clock
   time followed by a capitalised word ("at 6 P.M. Travelers ...").
4. Boundaries are dropped inside quotations and brackets that close in the same block (a quoted
   passage stays with its attribution), before a lower-case letter, a dash or a comma, after a
   name ending in "!" ("Yahoo! Research"), and after a lone label ("Q.", "1."). A piece with no
   letters joins its neighbour: an ellipsis the sentence after it (Chicago style, "compounds. . . .
   The practice"), anything else the sentence before.

Every sentence is stripped of surrounding white space and only white space lies between two
sentences, so `[text[s:e] for s, e in sentence_spans(text)] == split_sentences(text)` and no
visible character is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .lexicons import load_data
from .nltk_modules import import_nltk_module

_punkt = import_nltk_module("nltk.tokenize.punkt")
_ORTHO_BEG_UC, _ORTHO_MID_LC = _punkt._ORTHO_BEG_UC, _punkt._ORTHO_MID_LC
PunktParameters, PunktSentenceTokenizer = _punkt.PunktParameters, _punkt.PunktSentenceTokenizer

# White space as the `regex` engine reads `\s` and `\S`; Python's `re` also counts the four
# separator controls U+001C-U+001F as white space.
_REGEX_SPACE, _REGEX_NOT_SPACE = r"[^\S\x1c-\x1f]", r"[\S\x1c-\x1f]"
_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE


def _plain_pattern(pattern) -> re.Pattern:
    """One of NLTK's patterns (compiled by the `regex` engine under a time limit, `nltk.redos`) as
    Python's `re` compiles it, matching the same text: its white-space classes written out as the
    `regex` engine reads them. For NLTK's own fixed patterns (not a user's), which cannot backtrack
    without bound."""
    spaces = {r"\s": _REGEX_SPACE, r"\S": _REGEX_NOT_SPACE}
    source = re.sub(r"\\.", lambda escape: spaces.get(escape.group(), escape.group()), pattern.pattern)
    return re.compile(source, pattern.flags & _RE_FLAGS)


class _LanguageVars(_punkt.PunktLanguageVars):
    """NLTK's English language variables, with the patterns Punkt runs over every paragraph
    (candidate sentence ends, closing quotes or brackets to keep with a sentence) and over each
    context it annotates (its word tokenizer) compiled by `re` (`_plain_pattern`): the same
    matches at about half the cost of the time-limited `regex` engine. The patterns that type a
    token (number, initial, ellipsis), whose letter and digit classes the two engines read
    differently beyond ASCII, are `_Token`'s."""

    __slots__ = ()
    re_boundary_realignment = _plain_pattern(_punkt.PunktLanguageVars.re_boundary_realignment)

    def period_context_re(self) -> re.Pattern:
        return self._compiled("_re_period_context", super().period_context_re)

    def _word_tokenizer_re(self) -> re.Pattern:
        return self._compiled("_re_word_tokenizer", super()._word_tokenizer_re)

    def _compiled(self, slot: str, nltk_pattern) -> re.Pattern:
        """NLTK's pattern (`nltk_pattern()`, which keeps it in `slot`) compiled by `re`, kept there instead."""
        pattern = getattr(self, slot, None)
        if not isinstance(pattern, re.Pattern):
            pattern = _plain_pattern(nltk_pattern())
            setattr(self, slot, pattern)
        return pattern


class _Token(_punkt.PunktToken):
    """NLTK's Punkt token, typed (number, ellipsis, initial, letters) by the same patterns compiled
    by `re` when the token is ASCII, where the two engines read letters and digits alike; other
    tokens by NLTK's own patterns. Punkt types each token of every context it annotates."""

    __slots__ = ()
    _ASCII_NUMERIC = _plain_pattern(_punkt.PunktToken._RE_NUMERIC)
    _ASCII_ELLIPSIS = _plain_pattern(_punkt.PunktToken._RE_ELLIPSIS)
    _ASCII_INITIAL = _plain_pattern(_punkt.PunktToken._RE_INITIAL)
    _ASCII_ALPHA = _plain_pattern(_punkt.PunktToken._RE_ALPHA)
    _ASCII_NON_PUNCT = _plain_pattern(_punkt._re_non_punct)

    def _get_type(self, tok):
        lowered = tok.lower()
        if lowered.isascii():
            return self._ASCII_NUMERIC.sub("##number##", lowered)
        return super()._get_type(tok)

    def _typed(self, text: str, ours: re.Pattern, theirs, *, search: bool = False):
        pattern = ours if text.isascii() else theirs
        return pattern.search(text) if search else pattern.match(text)

    @property
    def is_ellipsis(self):
        return self._typed(self.tok, self._ASCII_ELLIPSIS, self._RE_ELLIPSIS)

    @property
    def is_initial(self):
        return self._typed(self.tok, self._ASCII_INITIAL, self._RE_INITIAL)

    @property
    def is_alpha(self):
        return self._typed(self.tok, self._ASCII_ALPHA, self._RE_ALPHA)

    @property
    def is_non_punct(self):
        return self._typed(self.type, self._ASCII_NON_PUNCT, _punkt._re_non_punct, search=True)


DEFAULT_PARAMS = "punkt"

# Any mark that could start a rule below. A text with none before its final stop is one sentence.
_ANY_MARK = re.compile(r"[.?!)…．。！？•◦▪‣⁃●■►▸\n]")
_TRAILING = " \t\r\n\"'”’"

# --- hard breaks -----------------------------------------------------------------------------
_BULLETS = "•◦▪‣⁃●■►▸"
_BREAK_OR_BULLET = re.compile(f"[\n{_BULLETS}]")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A bullet that starts an item: Unicode bullets anywhere after white space, ASCII ones at a line start.
_BULLET = re.compile(r"(?:(?<=\s)|^)[•◦▪‣⁃●■►▸](?=\s?\S)|^[ \t]*[-*–](?=\s)", re.MULTILINE)
# An enumeration marker: "1.", "1)", "1.)", "(1)", "a.", "a)", "(iv)" followed by white space.
_ENUM = re.compile(r"(?<![^\s•◦▪‣⁃●■►▸:])(\()?(\d{1,2}|[ivx]{1,4}|[a-z])(\.\)|\)|\.)(?=\s)")
# The marker that opens a list item, kept with the item's first sentence.
_ITEM_MARKER = re.compile(
    r"\s*[•◦▪‣⁃●■►▸*–-]?\s*(?:\(?(?:\d{1,2}|[ivx]{1,4}|[a-z])(?:\.\)|\)|\.)\s+)?")
# A list may open at the start of the text, after a line break or colon, or after a sentence end.
_LIST_OPENING = re.compile(r"(?:^|[\n:]|[.?!][\"'”’)]*\s)[\s•◦▪‣⁃●■►▸]*$")
# A marker right after a list opening; texts without one (or a marker at their start) have no list.
_LIST_HINT = re.compile(r"[\n:.?!)\"”’•◦▪‣⁃●■►▸][ \t]*\(?(?:\d{1,2}|[ivx]{1,4}|[a-z])(?:\.\)|\)|\.)\s")
_OPENING_WINDOW = 8  # characters before a marker that _LIST_OPENING looks at
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}

# --- what Punkt sees ---------------------------------------------------------------------------
_SENTENCE_END = (".", "?", "!")
# Punkt finds the word before a stop with ASCII white space only, so other spaces (no-break, thin)
# are shown to it as plain spaces.
_OTHER_SPACE = re.compile("[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Letters joined by periods ("H.R.", "U.S.", "p.m.") are abbreviations by their form; Kiss & Strunk
# use internal periods as evidence of an abbreviation for the same reason.
_DOTTED_LETTERS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# Ellipses: "...", "…", and spaced ". . ." (a period glued to a word before a spaced ellipsis is
# that sentence's own period). Punkt is shown them as commas; rule 3 decides about them.
# (Written to start with a character class so the scan is fast.)
_ELLIPSIS = r"(?:[.…](?:(?<=\.)\.\.+|(?<=\.)(?<!\w\.)(?:[ \t]\.){2,}|(?<=…)))"
_ELLIPSIS_RE = re.compile(_ELLIPSIS)

# --- extra boundaries (rule 3); each match ends where a new sentence may start -------------------
_NEXT_CAPITAL = r"(?=\s+[\"'“‘(\[]*[A-Z])"
_AFTER_STOP = re.compile(
    r"[.?!](?:"
    # a sentence end glued to the next sentence: "Tuesday.Mr. Smith", "1,000.That"
    r"(?P<glued>(?=[A-Z][a-z]))"
    # footnote marks after a sentence end: "martyr.[1] The", "consultation.11 12 Take"
    rf"|[\"”’)]*(?:\[\d{{1,3}}\])+{_NEXT_CAPITAL}"
    rf"|(?P<number>\d{{1,3}}(?:[ ,]\d{{1,3}})*){_NEXT_CAPITAL})"
)
# An ellipsis (not right after an opening mark) then a capitalised word other than the pronoun "I".
_ELLIPSIS_BREAK = re.compile(
    rf"(?<![\[(“‘\"']){_ELLIPSIS}[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z])(?!\s+I\b)")
# Full-width stops end a sentence with or without a space.
_WIDE_STOP_CHAR = re.compile("[．。！？]")
_WIDE_STOP = re.compile(r"[．。！？][\"'”’)]*(?=\s*\S)")
# Interrupted speech: 'to--" At this moment'.
_INTERRUPTED = re.compile(r"(?:--|—)[\"”’](?=\s+[A-Z])")
_URL_OR_EMAIL = re.compile(r"@|/|www\.|\.(?:com|org|net|gov|edu)\b", re.IGNORECASE)

# --- dropped boundaries (rule 4) ------------------------------------------------------------
# Quotations and brackets that open and close: no sentence ends strictly inside them.
# (Each branch starts with its opening mark, and the check on the character before a straight quote
# comes after it, so the scan is fast.)
_ENCLOSED = re.compile(
    r"“[^“”]*”"
    r"|‘(?:[^‘’]|’(?=\w))*’(?!\w)"
    r"|\"(?<![^\s(\[\-–—]\")[^\"]*\"(?!\w)"
    r"|'(?<![^\s(\[\-–—]')(?:[^']|'(?=\w))*'(?!\w)"
    r"|`(?:[^`']|'(?=\w))*'(?!\w)"
    r"|\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}"
)
_CONTINUES = re.compile(r"[\"'“‘(\[\-–—\s]*[a-z]|[,;:)\]}%]")
_LABEL = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]\)?")
_LETTER = re.compile(r"[^\W\d_]")
_FIRST_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z']+)")
_WORD = re.compile(r"\S+")


def split_sentences(text: str, *, params: str | Path = DEFAULT_PARAMS) -> list[str]:
    """The sentences of `text` (one paragraph or longer), each stripped of surrounding white space.

    `params` names a shipped parameter file or is the path of a user's own TOML (same keys as
    `framing/data/punkt.toml`).

    >>> split_sentences("I live in the U.S. How about you?")
    ['I live in the U.S.', 'How about you?']
    """
    return [text[start:end] for start, end in sentence_spans(text, params=params)]


def split_table(texts: pd.DataFrame, *, text_col: str = "text", by: str | None = None,
                params: str | Path = DEFAULT_PARAMS) -> pd.DataFrame:
    """A table of texts (an export loaded into pandas, one row per article or paragraph) as a table
    of sentences: every other column of the row repeated, then `sentence_id` and `text_col` holding
    one sentence. `sentence_id` counts from 0 within each row, or, with `by` (e.g. "article_id"
    when rows are paragraphs), within each value of that column in row order. Rows with missing or
    blank text give no sentence. Each distinct text is split once, so repeated paragraphs cost
    nothing more.

    >>> split_table(pd.DataFrame({"outlet": ["A"], "text": ["One. Two."]}))["text"].tolist()
    ['One.', 'Two.']
    """
    if text_col not in texts:
        raise KeyError(f"split_table needs a {text_col!r} column; the table has {list(texts.columns)}")
    codes, distinct = pd.factorize(texts[text_col].fillna("").astype(str))
    pieces = [split_sentences(text, params=params) for text in distinct]
    counts = np.fromiter((len(pieces[code]) for code in codes), dtype=np.int64, count=len(codes))
    rows = np.repeat(np.arange(len(codes)), counts)
    table = texts.drop(columns=[text_col]).take(rows).reset_index(drop=True)
    if by is None:
        table["sentence_id"] = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    else:
        table["sentence_id"] = table.groupby(by, sort=False).cumcount()
    table[text_col] = [sentence for code in codes for sentence in pieces[code]]
    return table


def sentence_spans(text: str, *, params: str | Path = DEFAULT_PARAMS) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence in `text`, in order, without surrounding
    white space; only white space lies between consecutive spans.

    >>> sentence_spans("Hello World. My name is Jonas.")
    [(0, 12), (13, 30)]
    """
    rules = _rules(str(params))
    if not _ANY_MARK.search(text, 0, len(text.rstrip(_TRAILING)) - 1):
        start, end = _strip(text, 0, len(text))  # no mark before the final one: one sentence
        return [(start, end)] if start < end else []
    masked = _mask(text)
    spans = []
    for start, end in _blocks(text):
        body = _ITEM_MARKER.match(text, start, end).end()
        cuts = _punkt_cuts(rules.tokenizer, masked, body, end)
        cuts.extend(_extra_cuts(text, body, end, cuts, rules))
        pieces = _pieces(start, end, _kept_cuts(text, start, end, sorted(set(cuts))))
        spans.extend(_join_pieces(text, pieces, rules))
    return [span for span in (_strip(text, s, e) for s, e in spans) if span[0] < span[1]]


def punkt_version(params: str | Path = DEFAULT_PARAMS) -> str:
    """The `version` of the parameter file in use, for recording next to outputs."""
    return str(load_data(params)["version"])


# --- parameters ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rules:
    tokenizer: PunktSentenceTokenizer
    starters: frozenset[str]
    time_break: re.Pattern
    time_hint: re.Pattern  # finds any of the time abbreviations, with its period, in lower-case text
    time_followers: frozenset[str]
    exclamation_names: tuple[str, ...]


class _Punkt(PunktSentenceTokenizer):
    """NLTK's Punkt with one fix and a memo.

    The fix: a candidate is a boundary only when the token ending at it is a sentence break. NLTK's
    test also counts a break inside the word after it, so in 'David H. Koch." That ...' it split
    after "H." because "Koch." ends a sentence. The memo: the decision depends only on the short
    context around the candidate ("said. The"), and news repeats many of them.

    The commonest context, a word of two or more letters, its period, a space and the next word
    ("said. The"), is decided without Punkt's annotation when the word is no abbreviation and
    opens no collocation: Punkt's first pass marks such a token a sentence break, and its second
    pass changes that only for collocations, abbreviations, initials and numbers."""

    _MEMO_SIZE = 200_000
    _PLAIN = re.compile(r"([A-Za-z]{2,})\. +\S+")

    def __init__(self, params: PunktParameters):
        super().__init__(params, lang_vars=_LanguageVars(), token_cls=_Token)
        self._memo: dict[str, bool] = {}
        self._collocation_starts = frozenset(first for first, _ in params.collocations)

    def text_contains_sentbreak(self, text: str) -> bool:
        known = self._memo.get(text)
        if known is None:
            if len(self._memo) >= self._MEMO_SIZE:
                self._memo.clear()
            known = self._memo[text] = self._candidate_is_break(text)
        return known

    def _candidate_is_break(self, text: str) -> bool:
        plain = self._PLAIN.fullmatch(text)
        if plain is not None:
            word = plain.group(1).lower()
            if word not in self._params.abbrev_types and word not in self._collocation_starts:
                return True
        return self._annotated_break(text)

    def _annotated_break(self, text: str) -> bool:
        """`_candidate_is_break` by Punkt's own annotation of the context's tokens."""
        found = False
        for token in self._annotate_tokens(self._tokenize_words(text)):
            if found:
                return True
            if token.tok.endswith(_SENTENCE_END):
                if not token.sentbreak:
                    return False
                found = True
        return False


class _Abbreviations(set):
    """The listed abbreviation types, plus any type made of letters joined by periods."""

    def __contains__(self, word: object) -> bool:
        return set.__contains__(self, word) or (
            isinstance(word, str) and _DOTTED_LETTERS.fullmatch(word) is not None)


@lru_cache(maxsize=8)
def _rules(params: str) -> _Rules:
    """The tokenizer and word lists built from a parameter file (see `framing/data/punkt.toml`)."""
    data = load_data(params)
    punkt = PunktParameters()
    punkt.abbrev_types = _Abbreviations(
        word.lower() for group in data["abbreviations"].values() for word in group)
    punkt.collocations = {(a.lower(), b.lower()) for a, b in data.get("collocations", {}).get("pairs", [])}
    starters = frozenset(word.lower() for word in data["sentence_starters"]["words"])
    punkt.sent_starters = set(starters)
    # Punkt's orthographic heuristic: these words are seen capitalised at sentence starts and in
    # lower case inside sentences, so after an initial ("I. Did you") a capital means a new sentence.
    for word in starters:
        punkt.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    times = data.get("times", {})
    time_words = "|".join(re.escape(word) for word in times.get("abbreviations", [])) or "(?!)"
    return _Rules(
        tokenizer=_Punkt(punkt),
        starters=starters,
        time_break=re.compile(rf"\b(?:{time_words})\.(?=\s+[A-Z])", re.IGNORECASE),
        time_hint=re.compile("|".join(re.escape(f"{word.lower()}.") for word in times.get("abbreviations", []))
                             or "(?!)"),
        time_followers=frozenset(word.lower() for word in times.get("followers", [])),
        exclamation_names=tuple(data.get("exclamation_names", {}).get("names", [])),
    )


def _mask(text: str) -> str:
    """`text` as Punkt should see it (same length): ellipses as commas (rule 3 decides about them),
    a stop glued to the next sentence ("Tuesday.Mr.") and non-ASCII spaces as spaces."""
    masked = text if text.isascii() else _OTHER_SPACE.sub(" ", text)
    if ".." in text or "…" in text or ". ." in text:
        masked = _ELLIPSIS_RE.sub(lambda match: "," * len(match.group(0)), masked)
    glued = [match.start() for match in _AFTER_STOP.finditer(masked)
             if match.group("glued") is not None and _real_stop(masked, match)]
    if glued:
        chars = list(masked)
        for offset in glued:
            chars[offset] = " "
        masked = "".join(chars)
    return masked


# --- 1. hard breaks --------------------------------------------------------------------------

def _blocks(text: str) -> list[tuple[int, int]]:
    """Split `text` at hard breaks (blank lines, bullets, inline list items) into (start, end)."""
    cuts = {0, len(text)}
    if "\n" in text:
        cuts.update(match.end() for match in _BLANK_LINE.finditer(text))
    if _BREAK_OR_BULLET.search(text):
        cuts.update(match.start() for match in _BULLET.finditer(text))
    cuts.update(_list_cuts(text))
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if not text[a:b].isspace()]


def _list_cuts(text: str) -> list[int]:
    """Where inline list items start (a run of two or more markers counting up in one style, the
    first at a list opening), and the line break that ends the last item."""
    first = len(text) - len(text.lstrip(" \t\n" + _BULLETS))
    if not (_ENUM.match(text, first) or _LIST_HINT.search(text)):
        return []
    markers = list(_ENUM.finditer(text))
    if len(markers) < 2:
        return []
    cuts: list[int] = []
    for i, first in enumerate(markers):
        if not _LIST_OPENING.search(text, max(0, first.start() - _OPENING_WINDOW), first.start()):
            continue
        kind, value = _marker_kind(first)
        run = [first]
        for later in markers[i + 1:]:
            if _same_style(first, later) and _marker_value(later, kind) == value + len(run):
                run.append(later)
        if len(run) > 1:
            cuts.extend(_item_start(text, marker.start()) for marker in run)
            line_end = text.find("\n", run[-1].end())
            if line_end > 0:
                cuts.append(line_end)
    return cuts


def _item_start(text: str, offset: int) -> int:
    """Where the item whose marker is at `offset` starts: at its bullet when it has one
    ("• 9. The first item"), after the white space before it."""
    while offset > 0 and (text[offset - 1] in _BULLETS or text[offset - 1] in " \t"):
        offset -= 1
    return offset


def _marker_kind(marker: re.Match) -> tuple[str, int]:
    label = marker.group(2)
    if label.isdigit():
        return "number", int(label)
    if label == "i":
        return "roman", 1
    if len(label) == 1:
        return "letter", ord(label)
    return "roman", _ROMAN.get(label, -99)


def _marker_value(marker: re.Match, kind: str) -> int | None:
    label = marker.group(2)
    if kind == "number":
        return int(label) if label.isdigit() else None
    if kind == "roman":
        return _ROMAN.get(label)
    return ord(label) if len(label) == 1 and label.isalpha() else None


def _same_style(a: re.Match, b: re.Match) -> bool:
    return a.group(1) == b.group(1) and a.group(3) == b.group(3)


# --- 2. and 3. candidate boundaries ----------------------------------------------------------

def _punkt_cuts(tokenizer: PunktSentenceTokenizer, masked: str, start: int, end: int) -> list[int]:
    """Where Punkt starts a new sentence inside `masked[start:end]` (offsets into the text)."""
    block = masked[start:end]
    if "." not in block and "?" not in block and "!" not in block:
        return []
    spans = list(tokenizer.span_tokenize(masked[start:end]))
    return [start + s for s, _ in spans[1:]]


def _extra_cuts(text: str, start: int, end: int, cuts: list[int], rules: _Rules) -> list[int]:
    """Boundaries Punkt cannot see (rule 3), as offsets where the new sentence may start."""
    extra = [match.end() for match in _AFTER_STOP.finditer(text, start, end)
             if _real_stop(text, match)]
    block = text[start:end]
    if "..." in block or "…" in block or ". ." in block:
        extra.extend(match.end() for match in _ELLIPSIS_BREAK.finditer(text, start, end))
    if _WIDE_STOP_CHAR.search(text, start, end):
        extra.extend(match.end() for match in _WIDE_STOP.finditer(text, start, end))
    if "--" in block or "—" in block:
        extra.extend(match.end() for match in _INTERRUPTED.finditer(text, start, end))
    times = rules.time_break.finditer(text, start, end) if rules.time_hint.search(block.lower()) else ()
    for match in times:
        after = _FIRST_WORD.match(text, match.end() + 1)
        if after and after.group(1).lower() in rules.time_followers:
            continue
        sentence_start = max([start] + [cut for cut in cuts if cut <= match.start()])
        if len(_WORD.findall(text, sentence_start, match.start())) > 3:
            extra.append(match.end())
    return extra


def _real_stop(text: str, match: re.Match) -> bool:
    """Whether a glued stop or a stop before footnote numbers follows a word, not an
    abbreviation, a number or a web address."""
    before = text[max(0, match.start() - 2):match.start()]
    if match.group("glued") is not None:
        return (len(before) == 2 and all(c.islower() or c.isdigit() for c in before)
                and not _URL_OR_EMAIL.search(_token_at(text, match.start())))
    if match.group("number") is not None:
        return before[-1:].islower() or before[-1:] in ")]"
    return True


def _token_at(text: str, offset: int) -> str:
    left = text.rfind(" ", 0, offset) + 1
    right = text.find(" ", offset)
    return text[left:right if right >= 0 else len(text)]


# --- 4. dropped boundaries -------------------------------------------------------------------

def _kept_cuts(text: str, start: int, end: int, cuts: list[int]) -> list[int]:
    """The cuts that do not fall strictly inside a quotation or bracket closing in the block."""
    cuts = [cut for cut in cuts if start < cut < end]
    if not cuts:
        return cuts
    kept = []
    enclosed = _ENCLOSED.finditer(text, start, end)
    span = next(enclosed, None)
    for cut in cuts:  # both in order: walk them together
        while span is not None and span.end() <= cut:
            span = next(enclosed, None)
        if span is None or not span.start() < cut:
            kept.append(cut)
    return kept


def _pieces(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [start, *cuts, end]
    return list(zip(bounds, bounds[1:]))


def _join_pieces(text: str, pieces: list[tuple[int, int]], rules: _Rules) -> list[tuple[int, int]]:
    """Join pieces that cannot stand as sentences to their neighbours (rule 4)."""
    joined: list[list[int]] = []
    carry: int | None = None  # start of a piece waiting to join the next one
    for start, end in pieces:
        piece = text[start:end].strip()
        if carry is not None:
            start, carry = carry, None
        if not piece:
            continue
        if not _LETTER.search(piece):
            if _ELLIPSIS_RE.match(piece) or not joined:
                carry = start
            else:
                joined[-1][1] = end
            continue
        if _LABEL.fullmatch(piece):
            carry = start
            continue
        if joined and _continues(text[joined[-1][0]:joined[-1][1]].rstrip(), piece, rules):
            joined[-1][1] = end
        else:
            joined.append([start, end])
    if carry is not None:
        if joined:
            joined[-1][1] = pieces[-1][1]
        else:
            joined.append([carry, pieces[-1][1]])
    return [(start, end) for start, end in joined]


def _continues(before: str, piece: str, rules: _Rules) -> bool:
    """Whether `piece` carries on the sentence `before` instead of starting a new one."""
    if _CONTINUES.match(piece):
        return True
    if rules.exclamation_names and before.endswith(rules.exclamation_names):
        first = _FIRST_WORD.match(piece)
        return not (first and first.group(1).lower() in rules.starters)
    return False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
