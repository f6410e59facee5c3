"""TextBlob's pattern analyzer (De Smedt & Daelemans 2012; TextBlob 0.18+): polarity and
subjectivity over arrays of tokens of all texts at once: the rules listed in
`framing.sentiment.tokens`, on the tokens it splits."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd

from .textblob_en import load_textblob_en
from .tokens import Split, Tokens, char_counts, in_text_sum, retokenise, texts_holding, tokens_of

_pattern_text = load_textblob_en()[1]

_EOS = _pattern_text.EOS
# Characters split off the front of a token, and off its end.
_LEADING = frozenset(_pattern_text.PUNCTUATION.replace(".", ""))
_TRAILING = _LEADING | {"."}
_LEADING_CHARS = "".join(sorted(_LEADING))
_TRAILING_CHARS = _LEADING_CHARS + "."
_QUOTES = "“”‘’'\""
# Pieces that start a sentence end in pattern's tokenizer, and those that continue one (quotes
# never continue one: the tokenizer breaks on them).
_ENDS = frozenset(("...", ".", "!", "?", _EOS))
_CONTINUES = frozenset(("...", ".", "!", "?", ")", "”", "’", _EOS))


def _is_abbreviation(token: str) -> bool:
    return (token in _pattern_text.ABBREVIATIONS or _pattern_text.RE_ABBR1.match(token) is not None
            or _pattern_text.RE_ABBR2.match(token) is not None
            or _pattern_text.RE_ABBR3.match(token) is not None)


def _part_pieces(part: str) -> tuple[str, ...]:
    """One part of a token (no spaces) as pattern's tokenizer cuts it: punctuation marks split off
    the front and the end. The common cases are done here, the rest by `_punctuation_pieces`."""
    if part[:1] not in _LEADING and part[-1:] not in _TRAILING:
        return (part,)
    rest = part.lstrip(_LEADING_CHARS)
    core = rest.rstrip(_TRAILING_CHARS)
    front, marks = part[:len(part) - len(rest)], rest[len(core):]
    if core and part not in _pattern_text.replacements:
        if "." not in marks:  # no period among the end marks: every mark is a piece
            return (*front, core, *marks)
        if marks[0] == "." and "." not in marks[1:] and core[-1:] not in _TRAILING:
            # one period, first among the end marks: it comes off unless the word is an abbreviation
            if _is_abbreviation(core + "."):
                return (*front, core + ".", *marks[1:])
            return (*front, core, *marks)
    return _punctuation_pieces(part)


def _punctuation_pieces(token: str) -> tuple[str, ...]:
    """A token split as pattern's tokenizer splits it, in the cases `_part_pieces` leaves:
    punctuation marks off the front one by one, then off the end ("..." as one piece; a final
    period stays on abbreviations; a contraction stays whole)."""
    contractions = _pattern_text.replacements
    front = []
    while token[:1] in _LEADING and token and token not in contractions:
        front.append(token[0])
        token = token[1:]
    back = []
    while token[-1:] in _TRAILING and token and token not in contractions:
        if token[-1:] in _LEADING:
            back.append(token[-1])
            token = token[:-1]
        if token.endswith("..."):
            back.append("...")
            token = token[:-3].rstrip(".")
        if token.endswith("."):
            if _is_abbreviation(token):
                break
            back.append(".")
            token = token[:-1]
    return (*front, *([token] if token else []), *reversed(back))


@lru_cache(maxsize=1)
def _mark_fragments() -> frozenset:
    """Every run of characters inside an emoticon or "(!)": the strings pattern rewrites after
    splitting, "( ! )" into "(!)" and an emoticon cut into pieces (": )") back into one (":)")."""
    faces = [face for group in _pattern_text.EMOTICONS.values() for face in group] + ["(!)"]
    return frozenset(face[a:b] for face in faces for a in range(len(face)) for b in range(a + 1, len(face) + 1))


def _pattern_pieces_of(split: Split) -> list:
    """Every token type as pattern's tokenizer cuts it (None where a type is its own single piece):
    contractions and quotes set apart by spaces (`_spaced_apart`), then punctuation split off each
    part (`_part_pieces`)."""
    vocabulary = split.vocabulary
    pieces: list = [None] * len(vocabulary)
    cut = [i for i, token in enumerate(vocabulary) if not token.isalnum()]
    for i, line in zip(cut, _spaced_apart([vocabulary[i] for i in cut])):
        if line[:1] in _LEADING or line[-1:] in _TRAILING or line != vocabulary[i]:
            cut_up = tuple(chain.from_iterable(_part_pieces(part) for part in line.split()))
            pieces[i] = None if cut_up == (vocabulary[i],) else cut_up
    if split.break_mark in vocabulary:
        pieces[vocabulary.index(split.break_mark)] = (_EOS,)
    return pieces


def _spaced_apart(tokens: list[str]) -> list[str]:
    """The tokens with pattern's contractions ("n't", "'s", ...) and quotes set apart by spaces,
    replaced in all tokens at once."""
    lines = "\n".join(tokens)
    if "'" in lines:
        for contraction, spaced in _pattern_text.replacements.items():
            lines = lines.replace(contraction, spaced)
    for quote in _QUOTES:
        if quote in lines:
            lines = lines.replace(quote, f" {quote} ")
    return lines.split("\n")


def pattern_tokens(split: Split) -> Tokens:
    """The lower-cased tokens that pattern's sentiment analyzer reads from every text."""
    tokens = retokenise(split, _pattern_pieces_of(split))
    tokens = _rewrite_marks(tokens)
    lower_codes, lower_vocabulary = pd.factorize(np.array([t.lower() for t in tokens.vocabulary], dtype=object))
    tokens.types = lower_codes.astype(np.int64)[tokens.types]
    tokens.vocabulary = list(lower_vocabulary)
    return tokens


def texts_with_types(tokens: Tokens, words) -> np.ndarray:
    """Indices of the texts holding at least one token equal to one of `words`."""
    wanted = set(words)
    ids = [i for i, word in enumerate(tokens.vocabulary) if word in wanted]
    return texts_holding(tokens, np.isin(tokens.types, ids))


def _rewrite_marks(tokens: Tokens) -> Tokens:
    """Tokens after pattern's last two steps on each of its sentences, "( ! )" -> "(!)" and
    emoticons joined again, and without its sentence-end marks.

    A rewrite spans pieces: a piece ending in a character of an emoticon followed by a piece that
    continues it. Only texts with such a pair (rare) are rebuilt, sentence by sentence as pattern
    does (`_rebuild_texts`)."""
    vocabulary = tokens.vocabulary
    fragments = _mark_fragments()
    # 1: a run of characters inside an emoticon or "(!)"; 2: pattern's sentence-end mark.
    kinds = {**dict.fromkeys(fragments, 1), _EOS: 2}
    kind = np.array([kinds.get(piece, 0) for piece in vocabulary], np.int8)
    keep = kind[tokens.types] != 2
    types, text = tokens.types[keep], tokens.text[keep]
    inside = kind == 1
    pair = np.flatnonzero((text[1:] == text[:-1]) & inside[types[1:]])
    if not len(pair):
        return tokens_of(text, types, vocabulary, tokens.n_texts)
    left, right = types[pair], types[pair + 1]
    keys, first = np.unique(left * len(vocabulary) + right, return_index=True)
    joins = np.array([vocabulary[left[i]][-1:] + vocabulary[right[i]] in fragments for i in first], bool)
    hit = joins[np.searchsorted(keys, left * len(vocabulary) + right)]
    candidates = np.unique(text[pair[hit]])
    rebuild = [t for t in candidates.tolist() if _rewrites(vocabulary, types, text, t)]
    if not rebuild:
        return tokens_of(text, types, vocabulary, tokens.n_texts)
    return _rebuild_texts(tokens, types, text, rebuild)


def _rebuild_texts(tokens: Tokens, types: np.ndarray, text: np.ndarray, rebuild: list) -> Tokens:
    """The tokens `types` / `text` (those of `tokens` without sentence-end marks) with the texts of
    `rebuild` (sorted indices) replaced by their pieces as pattern rewrites them
    (`_pattern_sentences` on the text's pieces in `tokens`); new pieces join the vocabulary."""
    vocabulary = list(tokens.vocabulary)
    parts_types, parts_text = [], []
    done = 0
    for t in rebuild:
        a, b = np.searchsorted(tokens.text, [t, t + 1])
        keep_a, keep_b = np.searchsorted(text, [t, t + 1])
        parts_types.append(types[done:keep_a])
        parts_text.append(text[done:keep_a])
        rebuilt = _pattern_sentences([vocabulary[c] for c in tokens.types[a:b]])
        vocabulary.extend(rebuilt)
        rebuilt = range(len(vocabulary) - len(rebuilt), len(vocabulary))
        parts_types.append(np.array(rebuilt, np.int64))
        parts_text.append(np.full(len(rebuilt), t, np.int64))
        done = keep_b
    parts_types.append(types[done:])
    parts_text.append(text[done:])
    return tokens_of(np.concatenate(parts_text), np.concatenate(parts_types), vocabulary, tokens.n_texts)


def _rewrites(vocabulary: list, types: np.ndarray, text: np.ndarray, t: int) -> bool:
    """Whether pattern's "(!)" or emoticon rewrite can change text `t` (its pieces joined in one
    line, which holds every match its sentences hold)."""
    a, b = np.searchsorted(text, [t, t + 1])
    line = " ".join(vocabulary[c] for c in types[a:b])
    return (any(" " in m.group() for m in _pattern_text.RE_SARCASM.finditer(line))
            or any(" " in m.group(1) for m in _pattern_text.RE_EMOTICONS.finditer(line)))


def _pattern_sentences(pieces: list) -> list:
    """One text's pieces as pattern rewrites them: cut into its sentences (a sentence ends after a
    run of end marks that starts with ".", "!", "?", "..." or a paragraph break and goes on through
    end marks, ")" and closing quotes), the marks rewritten in each sentence, joined again."""
    sentences, current = [], []
    for i, piece in enumerate(pieces):
        current.append(piece)
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        if piece in _CONTINUES and following not in _CONTINUES and any(p in _ENDS for p in _run(current)):
            sentences.append(current)
            current = []
    sentences.append(current)
    out = []
    for sentence in sentences:
        text = " ".join(p for p in sentence if p != _EOS)
        text = _pattern_text.RE_SARCASM.sub("(!)", text)
        text = _pattern_text.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), text)
        out.extend(text.split())
    return out


def _run(pieces: list) -> list:
    """The trailing run of end marks, ")" and closing quotes of a list of pieces."""
    run = []
    for piece in reversed(pieces):
        if piece not in _CONTINUES:
            break
        run.append(piece)
    return run


@dataclass
class PatternWords:
    """What pattern's analyzer needs to know of each distinct lower-cased token."""

    known: np.ndarray
    polarity: np.ndarray
    subjectivity: np.ndarray
    intensity: np.ndarray
    adverb: np.ndarray  # has an adverb (RB) sense: modifies the next known word
    negation: np.ndarray
    ly: np.ndarray  # ends in -ly (a modifier that negations attach to)
    long: np.ndarray  # more than 2 characters: ends a modifier's reach
    long_unquoted: np.ndarray  # more than 1 character without quotes: ends a negation's reach
    exclamation: np.ndarray
    irony: np.ndarray  # "(!)"
    emoticon: np.ndarray  # an emoticon's polarity, NaN for other tokens


@lru_cache(maxsize=1)
def _face_polarity() -> dict:
    """pattern's emoticons, lower-cased, with their polarity (the first group that has one)."""
    polarity = {}
    for (_, value), faces in _pattern_text.EMOTICONS.items():
        for face in faces:
            polarity.setdefault(face.lower(), value)
    return polarity


def _emoticon_polarity(word: str) -> float:
    if word.isalpha() or len(word) > 5 or word in _pattern_text.PUNCTUATION:
        return np.nan
    return _face_polarity().get(word, np.nan)


def pattern_words(vocabulary: list, analyzer) -> PatternWords:
    """What pattern's analyzer knows of each (lower-cased) token of `vocabulary`."""
    len(analyzer)  # the lexicon loads on first use
    n = len(vocabulary)
    entries = [dict.get(analyzer, word) for word in vocabulary]
    known_at = [i for i, entry in enumerate(entries) if entry is not None and None in entry]
    known = np.zeros(n, bool)
    known[known_at] = True
    psi = np.zeros((n, 3))
    psi[:, 2] = 1.0
    adverb = np.zeros(n, bool)
    ly = np.zeros(n, bool)
    for i in known_at:
        entry = entries[i]
        psi[i] = entry[None][:3]
        adverb[i] = any(tag in entry for tag in analyzer.modifiers)
        ly[i] = bool(analyzer.modifier(vocabulary[i]))
    faces = _face_polarity()
    wanted = {**{face: "face" for face in faces}, "!": "!", "(!)": "(!)",
              **{word: "negation" for word in analyzer.negations}}
    found: dict = {}
    for i in [i for i, word in enumerate(vocabulary) if word in wanted]:
        found.setdefault(wanted[vocabulary[i]], []).append(i)

    def only(kind: str) -> np.ndarray:
        mask = np.zeros(n, bool)
        mask[found.get(kind, [])] = True
        return mask

    emoticon = np.full(n, np.nan)
    for i in found.get("face", []):
        if not known[i]:
            emoticon[i] = _emoticon_polarity(vocabulary[i])
    lengths = np.fromiter(map(len, vocabulary), dtype=np.int64, count=n)
    unquoted = lengths > 1
    for i in np.flatnonzero(char_counts(vocabulary, "'")).tolist():
        unquoted[i] = len(vocabulary[i].strip("'")) > 1
    return PatternWords(known=known, polarity=psi[:, 0].copy(), subjectivity=psi[:, 1].copy(),
                        intensity=psi[:, 2].copy(), adverb=adverb, negation=only("negation"),
                        ly=ly, long=lengths > 2, long_unquoted=unquoted, exclamation=only("!"),
                        irony=only("(!)"), emoticon=emoticon)


def without_words(words: PatternWords, vocabulary: list, left_out) -> PatternWords:
    """`words` as an analyzer whose lexicon lacks the `left_out` words would see them: unknown,
    polarity and subjectivity 0, intensity 1, no adverb sense (alphabetic words are no emoticons,
    negations or "!", so nothing else changes)."""
    left_out = set(left_out)
    at = [i for i, word in enumerate(vocabulary) if word in left_out]
    out = PatternWords(**{name: getattr(words, name).copy() for name in words.__dataclass_fields__})
    out.known[at] = False
    out.polarity[at] = 0.0
    out.subjectivity[at] = 0.0
    out.intensity[at] = 1.0
    out.adverb[at] = False
    out.ly[at] = False
    return out


def _state_before(tokens: Tokens, event: np.ndarray, sets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every token, whether a state that `sets` tokens switch on and the other `event` tokens
    switch off is on just before it (within its text), and the token that last switched it."""
    positions = np.arange(len(event))
    last = np.maximum.accumulate(np.where(event, positions, -1)) if len(event) else positions
    before = np.concatenate([[-1], last[:-1]]) if len(event) else positions
    source = np.maximum(before, 0)
    return (before >= tokens.start) & sets[source], source


def _clip(values: np.ndarray) -> np.ndarray:
    return np.maximum(-1.0, np.minimum(values, 1.0))


def pattern_scores(tokens: Tokens, analyzer, words: PatternWords | None = None
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Polarity and subjectivity of every text by pattern's rules, and a mask of the texts where a
    rare rule (see the module's docstring) needs the package itself. `words`: the analyzer's view
    of `tokens.vocabulary` when already known (`pattern_words`, `without_words`)."""
    words = pattern_words(tokens.vocabulary, analyzer) if words is None else words
    w = {name: getattr(words, name)[tokens.types] for name in words.__dataclass_fields__}
    known = w["known"]
    n_texts = tokens.n_texts
    # A modifier (known adverb) reaches the next known word across tokens of one or two characters.
    modifying, modifier = _state_before(tokens, known | w["long"], known & w["adverb"])
    # A negation reaches the next known word across tokens of one character (quotes aside).
    negated, _ = _state_before(tokens, w["negation"] | known | w["long_unquoted"], w["negation"])
    emoticon = ~known & ~np.isnan(w["emoticon"])
    irony = ~known & w["irony"]
    rare = (~known & w["negation"] & modifying & w["ly"][modifier]) | (emoticon & modifying & ~w["long"])
    fallback = np.zeros(n_texts, bool)
    fallback[tokens.text[rare]] = True

    chained = known & modifying
    starts = (known & ~modifying) | emoticon | irony
    item = np.cumsum(starts) - 1
    positions = np.arange(len(known))
    previous_known = np.concatenate([[0], np.maximum.accumulate(np.where(known, positions, 0))[:-1]])
    intensity = np.where(negated, 1.0 / w["intensity"], w["intensity"])
    carried = intensity[previous_known]
    polarity = np.where(chained, _clip(w["polarity"] * carried), w["polarity"])
    subjectivity = np.where(chained, _clip(w["subjectivity"] * carried), w["subjectivity"])
    polarity = np.where(emoticon, w["emoticon"], np.where(irony, 0.0, polarity))
    subjectivity = np.where(emoticon | irony, 1.0, subjectivity)

    members = known | emoticon | irony
    n_items = int(starts.sum())
    last = np.full(n_items, -1)
    np.maximum.at(last, item[members], positions[members])
    item_polarity = polarity[last]
    item_subjectivity = subjectivity[last]
    item_text = tokens.text[last]
    item_negated = np.bincount(item[known], weights=negated[known], minlength=n_items) > 0
    # "!" raises the latest assessment, unless a later word of that assessment replaces its value.
    bang = ~known & w["exclamation"] & (item >= 0)
    target = item[bang]
    lands = (item_text[target] == tokens.text[bang]) & (last[target] < positions[bang])
    raises = np.bincount(target[lands], minlength=n_items)
    for step in range(int(raises.max()) if n_items else 0):
        item_polarity = np.where(raises > step, _clip(item_polarity * 1.25), item_polarity)
    item_polarity = np.where(item_negated, item_polarity * -0.5, item_polarity)
    count = np.maximum(np.bincount(item_text, minlength=n_texts), 1)
    return (in_text_sum(item_text, item_polarity, n_texts) / count,
            in_text_sum(item_text, item_subjectivity, n_texts) / count, fallback)
