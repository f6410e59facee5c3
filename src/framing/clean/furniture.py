"""Furniture phrases (share, login, copyright, comments, related…): the rules of
`data/furniture.toml` compiled once, and the gates that spare most lines most patterns: the words a
pattern can open with (`_gate`), bands of patterns tried together (`_prefilters`), rules grouped by
those words (`_rule_gates`). `_furniture_rule` gives the rule a line matches."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..lexicons import load_data
from .text import _line_starts


@lru_cache(maxsize=4)
def _furniture(name: str = "furniture"):
    """(rules as (name, most words, whole pattern), function words, `any_rule`, most words of any
    rule). Every pattern is compiled when first searched (`_Alternation`): clean text tries a line
    or none against the rules (`_phrase_rule`), and compiling them all took a tenth of the build
    of a small export."""
    data = load_data(name)
    rules = [(rule, spec.get("max_words", 12), _Alternation("|".join(f"(?:{p})" for p in spec["patterns"])))
             for rule, spec in data["rules"].items()]
    stopwords = frozenset(data["stopwords"]["words"].split())
    # One test tells whether any rule could match a line, so most lines need one test, not ten:
    # patterns anchored at the start are tried there only (`match`), the others searched.
    patterns = [p for spec in data["rules"].values() for p in spec["patterns"]]
    anchored = _Alternation("|".join(f"(?:{p[1:]})" for p in patterns if p.startswith("^")))
    floating = _Alternation("|".join(f"(?:{p})" for p in patterns if not p.startswith("^")))

    def any_rule(text: str) -> bool:
        return bool(anchored.match(text) or floating.search(text))

    return rules, stopwords, any_rule, max(spec.get("max_words", 12) for spec in data["rules"].values())


class _Alternation:
    """A pattern (`pattern`, its source) compiled with case ignored when first matched or searched."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled: re.Pattern | None = None

    def _ready(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, re.IGNORECASE)
        return self._compiled

    def search(self, text: str):
        return self._ready().search(text)

    def match(self, text: str):
        return self._ready().match(text)


_PROBE_STRIP = " \t*:|[](){}"


def _matching(probes: list[str], patterns: list[re.Pattern]) -> list[str]:
    """The probes (lines without line breaks) in which one of `patterns` may match, searched all at
    once over the probes joined by newlines; a superset of those where one matches on its own."""
    starts = _line_starts(probes)
    joined = "\n".join(probes)
    hits: list[str] = []
    for pattern in patterns:
        position = 0
        while (match := pattern.search(joined, position)) is not None:
            k = bisect_right(starts, match.start()) - 1
            hits.append(probes[k])
            if k + 1 == len(starts):
                break
            position = starts[k + 1]
    return hits


@dataclass(frozen=True)
class _Band:
    """What may match a line of at most `max_words` words (and more than the next smaller band):
    a line whose lower-cased text starts with one of `starts` or holds one of `holds` (the literal
    words that open a furniture pattern), or that one of `patterns` (the patterns that open with no
    literal word) matches; `every` is all the band's patterns, for text in which case folding
    reaches ASCII letters from elsewhere ("K", the Kelvin sign, matches "k"). `seen` remembers lines
    already tried (line → may match): the menus and footers of a site come back on each page."""

    max_words: int
    starts: tuple[str, ...]
    holds: tuple[str, ...]
    patterns: list[re.Pattern]
    sources: tuple[str, ...]  # every pattern of the band, compiled only when needed (`every`)
    seen: dict[str, bool]

    @cached_property
    def every(self) -> list[re.Pattern]:
        return _compiled(list(self.sources))

    def matching(self, probes: list[str]) -> list[str]:
        """A superset of the probes in which one of the band's patterns matches."""
        joined = "\n".join(probes)
        if _FOLDS_TO_ASCII.search(joined):
            return _matching(probes, self.every)
        lowered = joined.lower()
        hits = [probe for probe, low in zip(probes, lowered.split("\n")) if low.startswith(self.starts)]
        starts = _line_starts(lowered.split("\n"))
        for word in self.holds:
            position = lowered.find(word)
            while position != -1:
                k = bisect_right(starts, position) - 1
                hits.append(probes[k])
                position = lowered.find(word, starts[k + 1]) if k + 1 < len(starts) else -1
        return hits + _matching(probes, self.patterns)


# Characters other than ASCII letters that a case-insensitive pattern matches to an ASCII letter.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
# Lines remembered per band before the memory is emptied.
_SEEN_PROBES = 200_000
# Pattern syntax whose meaning changes when lines are searched joined by newlines instead of one by one.
_NOT_JOINABLE = ("(?!", "(?<!", "\\Z", "(?>", "*+", "++", "?+", "}+")
# A lookaround of plain characters ("(?!by )"): it cannot match a line break, so what it sees past a
# line's end (a line break, then the next line) decides it as the end of the text does: the same
# over joined lines. Taken out of a pattern before `_NOT_JOINABLE` is looked for.
_PLAIN_LOOKAROUND = re.compile(r"\(\?<?[!=][\w ,;:'’&/-]+\)")
# A pattern read as items for `_opening_words`: ("literal", char), ("at", None) for a zero-width
# anchor (^ $ \b \B \A \Z), ("group", [alternatives, each a list of items]), ("other", None) for
# anything that matches a character not known in advance (a class, ., \d, \w, \s); each item with
# the least number of times it must match (its quantifier's minimum; 1 when it has none).
_CLASS_ESCAPES = frozenset("dDwWsS")
_ANCHOR_ESCAPES = frozenset("bBAZ")
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,(\d*))?\}")


class _Unreadable(ValueError):
    """Pattern syntax beyond what `_items` reads (lookarounds, named groups, backreferences…)."""


def _items(pattern: str, position: int = 0, depth: int = 0) -> tuple[list[list[tuple]], int]:
    """The alternatives of `pattern` from `position` up to the closing parenthesis of this depth,
    each a list of (kind, value, least) items, and the position after them."""
    alternatives: list[list[tuple]] = [[]]
    while position < len(pattern):
        char = pattern[position]
        if char == ")":
            if depth == 0:
                raise _Unreadable(pattern)
            return alternatives, position + 1
        if char == "|":
            alternatives.append([])
            position += 1
            continue
        if char == "(":
            if pattern.startswith("(?:", position):
                position += 3
            elif pattern.startswith("(?", position):
                raise _Unreadable(pattern)
            else:
                position += 1
            inner, position = _items(pattern, position, depth + 1)
            item = ("group", inner)
        elif char == "[":
            end = position + 1 + (pattern[position + 1:position + 2] == "^")
            end = pattern.index("]", end + 1)  # a "]" right after "[" or "[^" is a member
            while pattern[end - 1] == "\\" and pattern[end - 2] != "\\":
                end = pattern.index("]", end + 1)
            item, position = ("other", None), end + 1
        elif char == "\\":
            item, position = _escaped_item(pattern, position)
        elif char in "^$":
            item, position = ("at", None), position + 1
        elif char == ".":
            item, position = ("other", None), position + 1
        else:
            item, position = ("literal", char), position + 1
        quantifier = _QUANTIFIER.match(pattern, position)
        least = 1
        if quantifier:
            text = quantifier.group()
            least = 0 if text in "?*" else 1 if text == "+" else int(quantifier.group(1) or 0)
            position = quantifier.end()
            if pattern[position:position + 1] in ("?", "+"):  # lazy or possessive
                position += 1
            item = ("repeat", (item, least))
        alternatives[-1].append(item)
    if depth:
        raise _Unreadable(pattern)
    return alternatives, position


def _escaped_item(pattern: str, position: int) -> tuple[tuple, int]:
    """The item of the escape at `position` ("\\b" an anchor, "\\d" a class, "\\x41" or "\\." a literal)
    and the position after it."""
    escaped = pattern[position + 1:position + 2]
    if escaped in _ANCHOR_ESCAPES:
        return ("at", None), position + 2
    if escaped in _CLASS_ESCAPES:
        return ("other", None), position + 2
    if escaped == "x":
        return ("literal", chr(int(pattern[position + 2:position + 4], 16))), position + 4
    if escaped and not escaped.isalnum():
        return ("literal", escaped), position + 2
    raise _Unreadable(pattern)


def _opening_words(items: list[tuple]) -> set[str] | None:
    """The literal texts (lower case, ASCII) one of which every match of the items (see `_items`)
    starts with, after any zero-width anchor; None when a match may start otherwise."""
    while items and items[0][0] == "at":
        items = items[1:]
    if not items:
        return None
    kind, value = items[0]
    if kind == "literal":
        word, k = "", 0
        while k < len(items) and items[k][0] == "literal" and ord(items[k][1]) < 128:
            word, k = word + items[k][1], k + 1
        if not word:
            return None
        rest = _opening_words(items[k:]) if k < len(items) and items[k][0] != "at" else None
        return {(word + more).lower() for more in rest} if rest else {word.lower()}
    if kind == "group":
        return _either(value)
    if kind == "repeat" and value[1] >= 1:
        return _opening_words([value[0]])
    return None


def _either(alternatives: list[list[tuple]]) -> set[str] | None:
    """The opening words of a choice: those of every alternative, None when one has none."""
    words: set[str] = set()
    for alternative in alternatives:
        opening = _opening_words(alternative)
        if opening is None:
            return None
        words |= opening
    return words


@lru_cache(maxsize=2048)
def _gate(pattern: str) -> tuple[bool, frozenset[str] | None]:
    """(whether `pattern` is anchored at the line start, the words one of which opens each match).
    The pattern is read by `_items`; syntax it does not read leaves the pattern without words (it
    is then searched in full, which is always right)."""
    anchored = pattern.startswith("^")
    try:
        alternatives, _ = _items(pattern[1:] if anchored else pattern)
    except (_Unreadable, ValueError, IndexError):
        return anchored, None
    if anchored and len(alternatives) > 1:  # "^a|b": only the first alternative is anchored
        return False, None
    words = _either(alternatives)
    return anchored, frozenset(words) if words is not None else None


@lru_cache(maxsize=4)
def _prefilters(name: str = "furniture") -> list[_Band] | None:
    """One `_Band` per word-count band, with the furniture patterns of every rule allowing that many
    words; the patterns are compiled to be searched over lines joined by newlines (`^` and `$` at
    line ends, a leading `\\A` read as `^`). None when a pattern uses syntax whose meaning would
    change there."""
    data = load_data(name)
    specs = [(spec.get("max_words", 12), [p.replace("\\A", "^") for p in spec["patterns"]])
             for spec in data["rules"].values()]
    if any(token in _PLAIN_LOOKAROUND.sub("", p) for _, patterns in specs for p in patterns for token in _NOT_JOINABLE):
        return None
    bands = []
    for band in sorted({max_words for max_words, _ in specs}):
        patterns = [p for max_words, ps in specs if max_words >= band for p in ps]
        gates = [(p, *_gate(p)) for p in patterns]
        open_ended = [p for p, _, words in gates if words is None]
        bands.append(_Band(
            band, tuple(sorted({w for _, anchored, words in gates if words and anchored for w in words})),
            tuple(sorted({w for _, anchored, words in gates if words and not anchored for w in words})),
            _compiled(open_ended), tuple(patterns), {}))
    return bands


@dataclass(frozen=True)
class _PatternGroup:
    """Some patterns of one furniture rule as one alternation (`source`), compiled when first tried:
    anchored at the line start (the `^` left out, to be matched there), or searched; `words`:
    the words one of which opens every match of each of them (see `_gate`), or None."""

    anchored: bool
    words: tuple[str, ...] | None
    source: str

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(self.source, re.IGNORECASE)


@dataclass(frozen=True)
class _RuleGroups:
    """The furniture rules' patterns grouped to be tried quickly (`_rule_gates`), and the rule found
    for each line already tried (`_phrase_rule`): menus, share buttons and footers come back on
    every page of a site."""

    groups: list[tuple[_PatternGroup, ...]]
    found: dict[tuple[str, int], str | None]


@lru_cache(maxsize=4)
def _rule_gates(name: str = "furniture") -> _RuleGroups:
    """Per furniture rule, in order: its patterns in up to four `_PatternGroup`s, as they are
    anchored or not and opened by known words or not. A line matches the rule when it matches one
    of its patterns (`_matches_rule`): patterns anchored at the line start are tried there alone
    (`match`), the others searched, and a group whose words the line lacks is not tried at all."""
    rules = []
    for spec in load_data(name)["rules"].values():
        groups: dict[tuple[bool, bool], tuple[list[str], set[str]]] = {}
        for pattern in (p.replace("\\A", "^") for p in spec["patterns"]):
            anchored, words = _gate(pattern)
            sources, opening = groups.setdefault((anchored, words is not None), ([], set()))
            sources.append(pattern[1:] if anchored else pattern)
            opening.update(words or ())
        rules.append(tuple(
            _PatternGroup(anchored, tuple(sorted(opening)) if worded else None,
                          "|".join(f"(?:{source})" for source in sources))
            for (anchored, worded), (sources, opening) in sorted(groups.items())))
    return _RuleGroups(rules, {})


def _phrase_rule(probe: str, n_words: int, rules) -> str | None:
    """The first furniture rule (`rules`: `_furniture()`'s, in order) one of whose patterns
    `probe` (a line, spaces folded and outer marks stripped) matches and that allows its
    `n_words` words, as `_furniture_rule` finds it; each line is tried once."""
    gates = _rule_gates()
    key = (probe, n_words)
    if key in gates.found:
        return gates.found[key]
    low = None if _FOLDS_TO_ASCII.search(probe) else probe.lower()
    rule = next((name for (name, max_words, pattern), groups in zip(rules, gates.groups)
                 if n_words <= max_words and (pattern.search(probe) is not None if low is None
                                              else _matches_rule(groups, probe, low))), None)
    if len(gates.found) >= _SEEN_PROBES:
        gates.found.clear()
    gates.found[key] = rule
    return rule


def _matches_rule(groups, probe: str, low: str) -> bool:
    """Whether `probe` (`low`: its lower case) matches one of the patterns of a rule, given as
    `_rule_gates` groups them: the same answer as searching the rule's whole pattern."""
    for group in groups:
        words = group.words
        if words is not None and not (low.startswith(words) if group.anchored else any(map(low.__contains__, words))):
            continue
        if (group.pattern.match(probe) if group.anchored else group.pattern.search(probe)) is not None:
            return True
    return False


def _compiled(patterns: list[str]) -> list[re.Pattern]:
    """The patterns as two alternations for lines joined by newlines: those anchored at the line
    start, and the others."""
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    floating = [p for p in patterns if not p.startswith("^")]
    return [re.compile(source, re.IGNORECASE | re.MULTILINE) for source in (
        "^(?:" + "|".join(f"(?:{p})" for p in anchored) + ")" if anchored else None,
        "|".join(f"(?:{p})" for p in floating) if floating else None) if source]


def _furniture_rule(text: str, n_words: int) -> str | None:
    """The first furniture rule that names a line of `n_words` words (`text`, spaces folded), if any."""
    rules, _, any_rule, max_rule_words = _furniture()
    probe = text.strip(_PROBE_STRIP)
    if n_words > max_rule_words or not any_rule(probe):
        return None
    return next((name for name, max_words, pattern in rules if n_words <= max_words and pattern.search(probe)), None)


def furniture_names(rule: str, text: str) -> bool:
    """Whether a pattern of the furniture rule `rule` names `text` (spaces folded), whatever its
    length: for a part of a line, such as the label before a colon."""
    rules = _furniture()[0]
    return any(name == rule and pattern.search(text.strip(_PROBE_STRIP)) for name, _, pattern in rules)
