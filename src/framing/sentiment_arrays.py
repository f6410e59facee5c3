"""VADER's compound score and TextBlob's polarity and subjectivity, computed over arrays of tokens.

`framing.sentiment` scores every distinct sentence of a table. Calling the reference packages once per
sentence spends nearly all its time in Python running the same rules token by token; here all the
texts are tokenised at once, every distinct token is looked up once in a vocabulary, and the rules
become operations on numpy arrays over all tokens of all texts together. The scores are identical
to the packages' (the tests compare them on every sentence of the shared data sets):

- VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
  Social Media Text", ICWSM; `vaderSentiment` 3.3): emoji replaced by their names; tokens split on
  white space, with surrounding punctuation stripped when more than two characters remain; lexicon
  valence; "no" before a lexicon word; ALL-CAPS emphasis when only some tokens are capitals; booster
  and dampener words in the three tokens before a word (weighted 1, 0.95, 0.9), each followed by its
  negation check ("never so/this", "without doubt", negation words and "n't"); idioms and "kind
  of"/"sort of" on the third step; "least"; "but" (words before weigh half, after one and a half);
  "!" and "?" emphasis; the compound normalised by x / sqrt(x² + 15) and rounded to 4 places.
- TextBlob's pattern analyzer (De Smedt & Daelemans 2012, "Pattern for Python", JMLR 13; TextBlob
  0.18+): pattern's tokenizer (contractions, quotes, punctuation split from words except in
  abbreviations, "(!)" and emoticons); the lexicon's mean polarity, subjectivity and intensity of a
  word; a known adverb modifying the next known word (its intensity multiplies the word's polarity
  and subjectivity, clipped to [-1, 1]); negations ("no", "not", "never") inverting the intensity
  and halving and reversing the final polarity; "!" raising the previous assessment by 1.25;
  emoticons; the mean over assessments.

The rules are written from the packages' documented behaviour and source, which stay the
specification: `framing.sentiment` keeps the one-call-per-sentence path as the reference the tests
compare with. A few rare constellations are impractical to express over arrays; the texts that
contain one are scored by that reference path (`Scores.fallback` counts them):

- VADER: a "but" sentence in which one word's valence equals another's, or half or one and a half
  times it (the package's "but" rule finds words by value, so such ties change which word it weighs);
- TextBlob: a negation after an adverb ending in -ly that is still modifying ("really not good"),
  an emoticon of two characters while an adverb is modifying, and an emoticon formed across one of
  pattern's sentence ends.
"""
from __future__ import annotations

import string
from dataclasses import dataclass

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as _vader

# Texts are joined with a separator token that none of them contains: the first of these that is
# absent (control and private-use characters, which are neither white space nor punctuation).
_SEPARATORS = ("\x00", "\x01", "\x02", "\ue000", "\ue001", "\uf8ff")


@dataclass
class Tokens:
    """Tokens of many texts in one array: `text` (index of the text), `start` (index of the text's
    first token, for every token), `types` (index into `vocabulary`) and the vocabulary itself."""

    text: np.ndarray
    start: np.ndarray
    types: np.ndarray
    vocabulary: list
    n_texts: int

    def ahead(self, k: int, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For every token, the index of the token k places after it and whether that is in the
        same text (`end`: one past the last token of each token's text)."""
        index = np.arange(len(self.types)) + k
        return np.minimum(index, max(len(self.types) - 1, 0)), index < end


def tokenise(joined: str, separator: str, n_texts: int) -> Tokens:
    """White-space tokens of texts joined by `separator` tokens."""
    codes, vocabulary = pd.factorize(np.array(joined.split(), dtype=object))
    return drop_separators(codes, list(vocabulary), separator, n_texts)


def drop_separators(codes: np.ndarray, vocabulary: list, separator: str, n_texts: int,
                    drop: tuple = ()) -> Tokens:
    """Tokens (as codes into `vocabulary`) of texts joined by `separator` tokens, without the
    separators and without the `drop` tokens."""
    separator = vocabulary.index(separator) if separator in vocabulary else -1
    is_sep = codes == separator
    text = np.cumsum(is_sep)
    keep = ~is_sep
    for token in drop:
        if token in vocabulary:
            keep &= codes != vocabulary.index(token)
    codes, text = codes[keep], text[keep]
    first = np.searchsorted(text, np.arange(n_texts))
    return Tokens(text=text, start=first[text], types=codes.astype(np.int64), vocabulary=vocabulary,
                  n_texts=n_texts)


def join_texts(texts: list[str]) -> tuple[str, str]:
    """The texts joined by a separator token that none of them contains, and the separator."""
    for separator in _SEPARATORS:
        joined = f" {separator} ".join(texts)
        if joined.count(separator) == max(len(texts) - 1, 0):
            return joined, separator
    raise ValueError("the texts contain every separator character the array scorers can use")


def _in_text_sum(text: np.ndarray, values: np.ndarray, n_texts: int) -> np.ndarray:
    """Per-text sums added left to right, token by token (as Python's `sum` of a list does)."""
    return np.bincount(text, weights=values, minlength=n_texts)


def python_round(values: np.ndarray, digits: int) -> np.ndarray:
    """`round(x, digits)` of every value: numpy's rounding except within a hair of a half, where the
    two can pick different neighbours and Python's own rounding is used."""
    scaled = values * 10.0 ** digits
    rounded = np.round(values, digits)
    near_half = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    for position in np.flatnonzero(near_half):
        rounded[position] = round(float(values[position]), digits)
    return rounded


# ---------------------------------------------------------------------------------------------
# VADER (Hutto & Gilbert 2014)

_NEGATIONS = frozenset(_vader.NEGATE)
_EMOJI_NAMES: dict[str, str] | None = None


def _emoji_names() -> dict[str, str]:
    global _EMOJI_NAMES
    if _EMOJI_NAMES is None:
        analyzer = _vader.SentimentIntensityAnalyzer()
        _EMOJI_NAMES = {k: v for k, v in analyzer.emojis.items() if len(k) == 1}
    return _EMOJI_NAMES


def vader_emoji_text(joined: str) -> str:
    """Every emoji that VADER knows replaced by its name, with a space before the name unless the
    character before it is a space (or it starts the text)."""
    names = _emoji_names()
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    found = np.flatnonzero(np.isin(codes, _emoji_codes()))
    if not len(found):
        return joined
    parts, last = [], 0
    for at in found.tolist():
        parts.append(joined[last:at])
        if at > 0 and joined[at - 1] != " ":
            parts.append(" ")
        parts.append(names[joined[at]])
        last = at + 1
    parts.append(joined[last:])
    return "".join(parts)


_EMOJI_CODES: np.ndarray | None = None


def _emoji_codes() -> np.ndarray:
    global _EMOJI_CODES
    if _EMOJI_CODES is None:
        _EMOJI_CODES = np.array(sorted(ord(c) for c in _emoji_names()), dtype=np.uint32)
    return _EMOJI_CODES


_VADER_TYPES: dict[str, tuple] = {}


def _vader_type(token: str) -> tuple:
    """(word as VADER sees it, lower-cased; is it ALL CAPS; count of "!"; count of "?")."""
    stripped = token.strip(string.punctuation)
    word = token if len(stripped) <= 2 else stripped
    return word.lower(), word.isupper(), token.count("!"), token.count("?")


def _vader_types(vocabulary: list) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list]:
    """Per raw token type: index of its lower-cased word, caps, "!" and "?" counts; and the words."""
    if len(_VADER_TYPES) > 2_000_000:
        _VADER_TYPES.clear()
    rows = []
    for token in vocabulary:
        row = _VADER_TYPES.get(token)
        if row is None:
            row = _VADER_TYPES[token] = _vader_type(token)
        rows.append(row)
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, np.zeros(0, bool), empty, empty, []
    lower, caps, excl, quest = zip(*rows)
    word_ids, words = pd.factorize(np.array(lower, dtype=object))
    return (word_ids.astype(np.int64), np.array(caps, bool), np.array(excl, np.int64),
            np.array(quest, np.int64), list(words))


class _Words:
    """Tests on the lower-cased words of the tokens, by word id."""

    def __init__(self, words: list, ids: np.ndarray):
        self.index = {word: i for i, word in enumerate(words)}
        self.ids = ids

    def id(self, word: str) -> int:
        return self.index.get(word, -1)


@dataclass
class VaderTokens:
    """VADER's view of many texts: tokens with their words, caps and punctuation counts."""

    tokens: Tokens
    words: _Words
    caps: np.ndarray  # per token
    cap_differential: np.ndarray  # per token: some but not all of its text's tokens are ALL CAPS
    emphasis: np.ndarray  # per text: the "!" and "?" amplifier
    end: np.ndarray  # per token: index one past its text's last token


def vader_tokens(texts: list[str]) -> VaderTokens:
    joined, separator = join_texts(texts)
    tokens = tokenise(vader_emoji_text(joined), separator, len(texts))
    word_of_type, caps_of_type, excl_of_type, quest_of_type, words = _vader_types(tokens.vocabulary)
    ids = word_of_type[tokens.types]
    caps = caps_of_type[tokens.types]
    n = tokens.n_texts
    length = np.bincount(tokens.text, minlength=n)
    n_caps = np.bincount(tokens.text, weights=caps, minlength=n)
    differential = (length - n_caps > 0) & (length - n_caps < length)
    excl = np.bincount(tokens.text, weights=excl_of_type[tokens.types], minlength=n).astype(np.int64)
    quest = np.bincount(tokens.text, weights=quest_of_type[tokens.types], minlength=n).astype(np.int64)
    question = np.where(quest > 1, np.where(quest <= 3, quest * 0.18, 0.96), 0)
    emphasis = np.minimum(excl, 4) * 0.292 + question
    end = (tokens.start + length[tokens.text]) if len(tokens.types) else tokens.start
    return VaderTokens(tokens=tokens, words=_Words(words, ids), caps=caps,
                       cap_differential=differential[tokens.text], emphasis=emphasis, end=end)


def _phrase_ids(words: _Words, phrases: dict) -> list[tuple[tuple[int, ...], float]]:
    """The multi-word phrases whose words all occur, as word ids with their value."""
    out = []
    for phrase, value in phrases.items():
        ids = tuple(words.id(word) for word in phrase.split(" "))
        if len(ids) > 1 and min(ids) >= 0:
            out.append((ids, value))
    return out


def vader_compound(vt: VaderTokens, lexicon: dict) -> tuple[np.ndarray, int]:
    """VADER's compound score of every text with this lexicon (word -> valence), and how many texts
    had ties in the "but" rule (weighted one value at a time, see `_but_weights`)."""
    tokens, words = vt.tokens, vt.words
    n_words = len(words.index)
    valence_of_word = np.zeros(n_words)
    in_lexicon_of_word = np.zeros(n_words, bool)
    for word, i in words.index.items():
        value = lexicon.get(word)
        if value is not None:
            valence_of_word[i] = value
            in_lexicon_of_word[i] = True
    booster_of_word = np.array([_vader.BOOSTER_DICT.get(word, 0.0) for word in words.index], float)
    is_booster_of_word = np.array([word in _vader.BOOSTER_DICT for word in words.index], bool)
    negation_of_word = np.array([word in _NEGATIONS or "n't" in word for word in words.index], bool)

    ids = words.ids
    in_lexicon = in_lexicon_of_word[ids]
    is_booster = is_booster_of_word[ids]
    n_tokens = len(ids)
    nxt, has_next = tokens.ahead(1, vt.end)
    kind_of = (ids == words.id("kind")) & has_next & (ids[nxt] == words.id("of"))
    scored = np.flatnonzero(in_lexicon & ~is_booster & ~kind_of)
    sentiments = np.zeros(n_tokens)
    if len(scored):
        sentiments[scored] = _lexicon_word_valence(vt, scored, valence_of_word, in_lexicon_of_word,
                                                   booster_of_word, is_booster_of_word, negation_of_word)
    sentiments, ties = _but_weights(vt, sentiments)
    total = _in_text_sum(tokens.text, sentiments, tokens.n_texts)
    total = np.where(total > 0, total + vt.emphasis, np.where(total < 0, total - vt.emphasis, total))
    compound = np.clip(total / np.sqrt(total * total + 15), -1.0, 1.0)
    return python_round(compound, 4), ties


def _lexicon_word_valence(vt, at, valence_of_word, in_lexicon_of_word, booster_of_word,
                          is_booster_of_word, negation_of_word) -> np.ndarray:
    """The valence of the lexicon words at token positions `at`, after VADER's rules on the words
    around them (everything but "but", which weighs whole texts)."""
    tokens, words = vt.tokens, vt.words
    ids = words.ids
    word = ids[at]
    base = valence_of_word[word]
    offset = at - tokens.start[at]  # position in its text

    def before(k: int):
        index = np.maximum(at - k, 0)
        return index, offset >= k

    def is_word(index, valid, name: str) -> np.ndarray:
        return valid & (ids[index] == words.id(name))

    nxt = np.minimum(at + 1, max(len(ids) - 1, 0))
    has_next = at + 1 < vt.end[at]
    b1, v1 = before(1)
    b2, v2 = before(2)
    b3, v3 = before(3)

    value = base.copy()
    # "no" directly before another lexicon word negates that word instead of counting itself.
    no_here = (word == words.id("no")) & has_next & in_lexicon_of_word[ids[nxt]]
    value = np.where(no_here, 0.0, value)
    no_before = (is_word(b1, v1, "no") | is_word(b2, v2, "no")
                 | (is_word(b3, v3, "no") & v1 & np.isin(ids[b1], [words.id("or"), words.id("nor")])
                    & (ids[b1] >= 0)))
    value = np.where(no_before, base * _vader.N_SCALAR, value)
    # ALL CAPS emphasis when some but not all of the text's tokens are capitals.
    shout = vt.caps[at] & vt.cap_differential[at]
    value = np.where(shout, np.where(value > 0, value + _vader.C_INCR, value - _vader.C_INCR), value)

    negated = {1: negation_of_word[ids[b1]], 2: negation_of_word[ids[b2]], 3: negation_of_word[ids[b3]]}
    so_this = [words.id("so"), words.id("this")]
    for k, (index, valid) in ((1, (b1, v1)), (2, (b2, v2)), (3, (b3, v3))):
        step = valid & ~in_lexicon_of_word[ids[index]]
        scalar = booster_of_word[ids[index]]
        scalar = np.where(value < 0, -scalar, scalar)
        shouted = is_booster_of_word[ids[index]] & vt.caps[index] & vt.cap_differential[at]
        scalar = np.where(shouted, np.where(value > 0, scalar + _vader.C_INCR, scalar - _vader.C_INCR), scalar)
        if k == 2:
            scalar = np.where(scalar != 0, scalar * 0.95, scalar)
        elif k == 3:
            scalar = np.where(scalar != 0, scalar * 0.9, scalar)
        value = np.where(step, value + scalar, value)
        if k == 1:
            value = np.where(step & negated[1], value * _vader.N_SCALAR, value)
        elif k == 2:
            never_so = (ids[b2] == words.id("never")) & np.isin(ids[b1], so_this)
            without_doubt = (ids[b2] == words.id("without")) & (ids[b1] == words.id("doubt"))
            value = np.where(step & never_so, value * 1.25,
                             np.where(step & ~never_so & ~without_doubt & negated[2],
                                      value * _vader.N_SCALAR, value))
        else:
            never_so = (((ids[b3] == words.id("never")) & np.isin(ids[b2], so_this))
                        | np.isin(ids[b1], so_this))
            without_doubt = (ids[b3] == words.id("without")) & ((ids[b2] == words.id("doubt"))
                                                               | (ids[b1] == words.id("doubt")))
            value = np.where(step & never_so, value * 1.25,
                             np.where(step & ~never_so & ~without_doubt & negated[3],
                                      value * _vader.N_SCALAR, value))
            value = _idioms(vt, at, value, step, b1, b2, b3)
    # "least" before a word negates it, unless it reads "at least" or "very least".
    least = v1 & ~in_lexicon_of_word[ids[b1]] & (ids[b1] == words.id("least"))
    least &= ~(v2 & np.isin(ids[b2], [words.id("at"), words.id("very")]) & (offset > 1))
    return np.where(least, value * _vader.N_SCALAR, value)


def _idioms(vt, at, value, step, b1, b2, b3) -> np.ndarray:
    """VADER's special phrases around a word (on the third step only, as in the package): a phrase
    ending at or just before the word, or starting at it, sets the valence; "kind of", "sort of" and
    "just enough" just before it add their dampening."""
    ids = vt.words.ids
    special = _phrase_ids(vt.words, _vader.SPECIAL_CASES)
    boosters = _phrase_ids(vt.words, _vader.BOOSTER_DICT)
    if not special and not boosters:
        return value
    n1 = np.minimum(at + 1, len(ids) - 1)
    n2 = np.minimum(at + 2, len(ids) - 1)
    has1 = at + 1 < vt.end[at]
    has2 = at + 2 < vt.end[at]

    def matches(phrases, positions, valid=True):
        """The value of the phrase made of the tokens at `positions` (NaN when none)."""
        out = np.full(len(at), np.nan)
        for phrase, phrase_value in phrases:
            if len(phrase) != len(positions):
                continue
            hit = np.ones(len(at), bool) & valid
            for word_id, index in zip(phrase, positions):
                hit &= ids[index] == word_id
            out = np.where(hit & np.isnan(out), phrase_value, out)
        return out

    # The first of these sequences that is a special phrase sets the valence.
    found = np.full(len(at), np.nan)
    for positions in ((b1, at), (b2, b1, at), (b2, b1), (b3, b2, b1), (b3, b2)):
        candidate = matches(special, positions)
        found = np.where(np.isnan(found), candidate, found)
    value = np.where(step & ~np.isnan(found), found, value)
    for positions, valid in (((at, n1), has1), ((at, n1, n2), has2)):
        candidate = matches(special, positions, valid)
        value = np.where(step & ~np.isnan(candidate), candidate, value)
    for positions in ((b3, b2, b1), (b3, b2), (b2, b1)):
        candidate = matches(boosters, positions)
        value = np.where(step & ~np.isnan(candidate), value + np.nan_to_num(candidate), value)
    return value


def _but_weights(vt: VaderTokens, sentiments: np.ndarray) -> tuple[np.ndarray, int]:
    """Each text's values weighted by its first "but": half before it, one and a half after it.

    The package applies the weight to the first position holding an equal value (it searches its
    list by value), so where a text has two non-zero values equal to each other, or one half or one
    and a half of the other, the weights are applied one by one in that order (`_but_by_value`).
    Returns the weighted values and how many texts needed that."""
    tokens = vt.tokens
    n_texts = tokens.n_texts
    but = vt.words.ids == vt.words.id("but")
    if not but.any():
        return sentiments, 0
    position = np.arange(len(sentiments))
    first_but = np.full(n_texts, np.iinfo(np.int64).max)
    np.minimum.at(first_but, tokens.text[but], position[but])
    has_but = first_but < np.iinfo(np.int64).max
    pivot = first_but[tokens.text]
    factor = np.where(position < pivot, 0.5, np.where(position > pivot, 1.5, 1.0))
    weighted = sentiments * np.where(has_but[tokens.text], factor, 1.0)
    ties = np.zeros(n_texts, bool)
    nonzero = np.flatnonzero((sentiments != 0) & has_but[tokens.text])
    if len(nonzero):
        table = pd.DataFrame({"text": tokens.text[nonzero], "value": sentiments[nonzero]}).reset_index()
        for ratio in (1.0, 0.5, 1.5):
            pairs = table.merge(table.assign(value=table["value"] * ratio), on=["text", "value"])
            ties[pairs.loc[pairs["index_x"] != pairs["index_y"], "text"].to_numpy()] = True
    for text in np.flatnonzero(ties):
        span = slice(tokens.start[first_but[text]], vt.end[first_but[text]])
        weighted[span] = _but_by_value(sentiments[span].tolist(), first_but[text] - span.start)
    return weighted, int(ties.sum())


def _but_by_value(values: list, pivot: int) -> list:
    """The "but" weights applied as the package applies them: for each value in turn, to the first
    position that holds an equal value."""
    for value in list(values):
        first = values.index(value)
        if first < pivot:
            values[first] = values[first] * 0.5
        elif first > pivot:
            values[first] = values[first] * 1.5
    return values
