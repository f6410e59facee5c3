"""A page's lines grouped into blocks (the lines of a hard-wrapped paragraph joined) with the
evidence for each: words, sentence-final punctuation, share of function words (Pomikálek 2011),
bullets, furniture phrases, site repeats. `_PageLines` computes it for all one-line blocks of a
page at once; `_evidence` does one block and is the reference."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .furniture import _PROBE_STRIP, _SEEN_PROBES, _furniture, _phrase_rule, _prefilters
from .text import (_BULLET, _SENTENCE_END, _WORD, _ends_sentence, _function_word_set, _line_starts,
                   _one_space, _single_spaced, line_copies, normalise_line)

_OPEN_END = re.compile(r"(?:[,;–—-]|\b(?:the|a|an|of|to|and|or|in|on|for|with|at|by|from|that|as|but))$",
                       re.IGNORECASE)


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (number, raw text)
    text: str  # the lines joined, bullets removed
    words: int
    prose: bool
    bullet: bool
    rule: str | None  # furniture rule matched, if any


def _is_prose(text: str) -> bool:
    """The cleaner's prose test on one line (see `_evidence`), without the furniture phrases."""
    return _evidence([(1, text)], frozenset(), phrases=False).prose


def _blocks(text: str, site_repeats: frozenset[str], *, bulk: bool = True) -> list[_Block]:
    """Group non-blank lines into blocks: a hard-wrapped paragraph is one block. The evidence of
    one-line blocks comes from `_PageLines`, computed for all lines of the page at once; a block of
    several lines (and every block when `bulk` is False: the reference path) goes through
    `_evidence`."""
    lines, page, groups = _grouped(text)
    if not bulk:
        return [_evidence([lines[i] for i in group], site_repeats) for group in groups]
    candidates = page.rule_candidates() if groups else set()
    return [page.block(group[0], lines[group[0]], site_repeats, group[0] in candidates) if len(group) == 1
            else _evidence([lines[i] for i in group], site_repeats) for group in groups]


def _text_blocks(text: str) -> list[tuple[list[tuple[int, str]], str, bool]]:
    """The blocks of clean text as `_blocks` groups them, with only what `label_clean_text` needs
    of each: (its lines, its text, whether it is bulleted), the same `text` and `bullet` as
    `_blocks` gives; none of the page-cleaning evidence (prose, furniture rules) is computed."""
    lines, page, groups = _grouped(text)
    return [([lines[group[0]]], page.texts[group[0]], page.bullet[group[0]]) if len(group) == 1
            else ([lines[i] for i in group], *_joined_text(lines[i] for i in group)) for group in groups]


def _grouped(text: str) -> tuple[list[tuple[int, str]], "_PageLines | None", list[list[int]]]:
    """The non-blank lines of `text` as (number, raw), their `_PageLines`, and the lines grouped
    into blocks (indices into the lines): a line joins the one before when no blank line parts
    them and that one stopped mid-sentence (`_PageLines.continues`). A line that is one text
    written over and over is that text once (`line_copies`)."""
    numbered = [(number, line_copies(raw)[0]) for number, raw in enumerate(text.splitlines(), start=1)]
    lines = [(number, raw) for number, raw in numbered if raw.strip()]
    if not lines:
        return [], None, []
    page = _PageLines([raw for _, raw in lines])
    after_blank = [True] + [number - 1 != previous for (number, _), (previous, _) in zip(lines[1:], lines)]
    groups: list[list[int]] = []
    for i in range(len(lines)):
        if groups and not after_blank[i] and page.continues(i - 1, i):
            groups[-1].append(i)
        else:
            groups.append([i])
    return lines, page, groups


_BULLET_LINES = re.compile(r"^(?:[•●▪◦‣∙·*+»›>]|[-–—](?=[^\S\n])|\d{1,2}[.)](?=[^\S\n]))[^\S\n]*", re.M)
_BULLET_OPENERS = frozenset("•●▪◦‣∙·*+»›>-–—")  # the characters but digits that open a `_BULLET_LINES` match
_LONE_BULLET = re.compile(r"[-–—]|\d{1,2}[.)]")
_WORD_OR_BREAK = re.compile(r"\n|" + _WORD.pattern)


def _line_bullets(joined: str, starts: list[int], lines: list[str]) -> dict[int, str]:
    """{line index: its bullet} for the lines (joined by newlines, each starting at `starts`) that
    open with one: the matches of `_BULLET_LINES` over the joined lines, tried only at the start
    of a line whose first character can open a bullet (a bullet sign, a dash or a digit)."""
    bullets = {}
    for i, (start, line) in enumerate(zip(starts, lines)):
        first = line[:1]
        if first in _BULLET_OPENERS or first.isdigit():
            match = _BULLET_LINES.match(joined, start)
            if match is not None:
                bullets[i] = match.group()
    return bullets


class _PageLines:
    """The per-line evidence of all non-blank lines of one page, computed at once: the lines are
    joined with newlines and each regular expression runs over the whole page (anchored at line
    starts and ends), word counts are tallied per line with numpy. Line i here is the i-th non-blank
    line; `block` builds the same `_Block` that `_evidence` builds for that line alone."""

    def __init__(self, raws: list[str]):
        self.raws = raws
        self.stopwords = _function_word_set()
        self.stripped = [raw.strip() for raw in raws]
        joined = "\n".join(self.stripped)
        starts = _line_starts(self.stripped)
        bullets = _line_bullets(joined, starts, self.stripped)  # `_BULLET.match(line.strip())`
        self.bullet_stripped = [i in bullets for i in range(len(raws))]
        # `_BULLET.match(raw)`: the same, but for a lone dash or number that white space follows
        self.bullet = [b or (len(s) <= 3 and raw[-1:].isspace() and bool(_LONE_BULLET.fullmatch(s)))
                       for b, s, raw in zip(self.bullet_stripped, self.stripped, raws)]
        rests = _BULLET_LINES.sub("", joined) if bullets else joined
        self.texts = [t.strip() for t in _single_spaced(rests).split("\n")]  # `_evidence`'s `text`
        self._bullets = bullets

    # The evidence below is computed when first asked for: clean text (`_text_blocks`) needs
    # none of it, or only the word counts where a line may continue the one before. So are the
    # furniture rules, compiled when first needed.

    @property
    def rules(self):
        return _furniture()[0]

    @property
    def any_rule(self):
        return _furniture()[2]

    @property
    def most_words(self) -> int:
        return _furniture()[3]

    @cached_property
    def ends(self) -> list[bool]:
        return list(map(_ends_sentence, self.texts))

    @cached_property
    def _tallies(self) -> tuple[list[int], list[int]]:
        words, function = self._counts("\n".join(self.texts))
        return words.tolist(), function.tolist()

    @property
    def words(self) -> list[int]:
        return self._tallies[0]

    @property
    def function(self) -> list[int]:
        return self._tallies[1]

    @cached_property
    def stripped_words(self) -> list[int]:
        """Words of each line as it stands: a numbered bullet ("1.") is one more (`_continues` counts it)."""
        counts = list(self.words)
        for i, bullet in self._bullets.items():
            counts[i] += bullet[:1].isdigit()
        return counts

    def _counts(self, joined: str) -> tuple[np.ndarray, np.ndarray]:
        """Words (`_WORD`) and function words per line."""
        tokens = np.array(_WORD_OR_BREAK.findall(joined), dtype=object)
        breaks = tokens == "\n"
        line = np.cumsum(breaks)[~breaks]
        words = tokens[~breaks].tolist()
        lowered = "\n".join(words).lower().split("\n") if words else []
        function = np.fromiter(map(self.stopwords.__contains__, lowered), dtype=bool, count=len(words))
        n = len(self.raws)
        return np.bincount(line, minlength=n), np.bincount(line[function], minlength=n)

    def continues(self, previous: int, i: int) -> bool:
        """`_continues(raws[previous], raws[i])`."""
        if self.bullet_stripped[i] or self.stripped_words[previous] < 7:
            return False
        if _ends_sentence(self.stripped[previous]) or self.stripped[previous].endswith(":"):
            return False
        return self.stripped[i][:1].islower() or bool(_OPEN_END.search(self.stripped[previous]))

    def rule_candidates(self) -> set[int]:
        """Lines that a furniture rule may match: a superset of the lines where `any_rule` holds for
        a rule that allows the line's word count, found by searching the lines of each word-count
        band at once (`_prefilters`); `block` then tries each rule on these lines alone."""
        prefilters = _prefilters()
        if prefilters is None:  # patterns that cannot be searched over joined lines: try each line
            return {i for i, text in enumerate(self.texts)
                    if self.words[i] <= self.most_words and self.any_rule(text.strip(_PROBE_STRIP))}
        bands = np.searchsorted([band.max_words for band in prefilters], self.words, side="left")
        found: set[int] = set()
        for index, band in enumerate(prefilters):
            chosen = np.flatnonzero(bands == index).tolist()
            probes = [self.texts[i].strip(_PROBE_STRIP) for i in chosen]
            new = [probe for probe in dict.fromkeys(probes) if probe not in band.seen]
            if new:
                if len(band.seen) > _SEEN_PROBES:
                    band.seen.clear()
                band.seen.update(dict.fromkeys(new, False))
                band.seen.update(dict.fromkeys(band.matching(new), True))
            found.update(i for i, probe in zip(chosen, probes) if band.seen[probe])
        return found

    def block(self, i: int, line: tuple[int, str], site_repeats: frozenset[str], candidate: bool) -> _Block:
        """The `_Block` of line i alone, as `_evidence([line], site_repeats)` makes it."""
        text, n_words = self.texts[i], self.words[i]
        function_share = self.function[i] / n_words if n_words else 0.0
        ends = self.ends[i]
        prose = n_words >= 5 and function_share >= 0.2 and (
            ends or (n_words >= 15 and function_share >= 0.25
                     and not _title_case(_WORD.findall(text), self.stopwords)))
        rule = None
        if site_repeats and text.strip(" \t.:|·-–—").casefold() in site_repeats:
            rule = "site_repeat"
        elif candidate:
            rule = _phrase_rule(text.strip(_PROBE_STRIP), n_words, self.rules)
        if rule is None and n_words >= 4 and not ends and _is_name_list(text):
            rule = "tags"
        return _Block([line], text, n_words, prose and rule is None, self.bullet[i], rule)


def _continues(previous: str, line: str) -> bool:
    """A line continues the previous one when that one stopped mid-sentence (hard wrapping)."""
    before, after = previous.strip(), line.strip()
    if _BULLET.match(after) or len(_WORD.findall(before)) < 7:
        return False
    if _SENTENCE_END.search(before) or before.endswith(":"):
        return False
    return after[:1].islower() or bool(_OPEN_END.search(before))


def _joined_text(group) -> tuple[str, bool]:
    """The text of a block of (number, raw) lines (joined with spaces, bullets removed, white space
    folded) and whether its first line is bulleted."""
    group = list(group)
    text = _one_space(" ".join(_BULLET.sub("", raw.strip(), count=1) for _, raw in group)).strip()
    return text, bool(_BULLET.match(group[0][1]))


def _evidence(group: list[tuple[int, str]], site_repeats: frozenset[str], *, phrases: bool = True) -> _Block:
    _, stopwords, _, _ = _furniture()
    first = group[0][1]
    text, bullet = _joined_text(group)
    words = _WORD.findall(text)
    n_words = len(words)
    function_share = sum(w.lower() in stopwords for w in words) / n_words if n_words else 0.0
    ends = bool(_SENTENCE_END.search(text))
    prose = n_words >= 5 and function_share >= 0.2 and (
        ends or (n_words >= 15 and function_share >= 0.25 and not _title_case(words, stopwords)))
    rule = None
    if len(group) == 1 and normalise_line(first) in site_repeats:
        rule = "site_repeat"
    elif phrases:  # (`_furniture_rule`, by the rule groups only a line's words open: `_phrase_rule`)
        rule = _phrase_rule(text.strip(_PROBE_STRIP), n_words, _furniture()[0])
    if phrases and rule is None and n_words >= 4 and not _SENTENCE_END.search(text) and _is_name_list(text):
        rule = "tags"
    return _Block(group, text, n_words, prose and rule is None, bullet, rule)


def _title_case(words: list[str], stopwords: frozenset[str]) -> bool:
    """Most content words capitalised, as in a headline or a menu, not in a sentence."""
    content = [w for w in words if w.lower() not in stopwords]
    return bool(content) and sum(w[:1].isupper() or w[:1].isdigit() for w in content) >= 0.8 * len(content)


def _is_name_list(text: str) -> bool:
    """A comma-separated run of capitalised names ("in Europe, International, U.S. and Canada"):
    section or tag lines, not prose."""
    items = [item.strip() for item in re.sub(r"^(in|tags?|topics?)\s+", "", text, flags=re.I).split(",")]
    if len(items) < 3:
        return False
    return all(item[:1].isupper() and len(item.split()) <= 4 for item in items if item)
