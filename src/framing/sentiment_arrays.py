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
specification: `framing.sentiment` keeps the one-call-per-sentence path (`reference_scores`) as the
oracle the tests compare with. Two rare constellations are handled apart (counted in
`framing.sentiment.array_scores(...).fallback`):

- VADER: a "but" sentence in which one non-zero value equals another, or half or one and a half of
  it (the package's "but" rule finds words by value, so such ties change which word it weighs): the
  weights are applied one value at a time in the package's order, for that sentence only;
- TextBlob: a negation met while an -ly adverb is still modifying ("really not good"), or an
  emoticon of two characters while an adverb is modifying: such texts are scored by the package.
"""
from __future__ import annotations

import copy
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd
from textblob import _text as _pattern_text
from vaderSentiment import vaderSentiment as _vader

# Texts are joined with a separator token that none of them contains: the first of these that is
# absent (control and private-use characters, which are neither white space nor punctuation).
# numpy drops trailing NUL characters from strings, so NUL is not among them.
_SEPARATORS = ("\x01", "\x02", "\x03", "\ue000", "\ue001", "\uf8ff")
# pattern's tokenizer marks a paragraph break (two or more line breaks) as a sentence end.
_LINEBREAKS = re.compile(r"\n{2,}")


def join_texts(texts: list[str]) -> tuple[str, str]:
    """The texts joined by a separator token that none of them contains, and the separator."""
    for separator in _SEPARATORS:
        joined = f" {separator} ".join(texts)
        if joined.count(separator) == max(len(texts) - 1, 0):
            return joined, separator
    raise ValueError("the texts contain every separator character the array scorers can use")


@dataclass
class Split:
    """The white-space tokens of many texts, split once for both scorers: `codes` index
    `vocabulary`; `separator` tokens stand between texts and `break_mark` tokens where a text has a
    paragraph break."""

    codes: np.ndarray
    vocabulary: list
    separator: str
    break_mark: str
    n_texts: int


def split_texts(texts: list[str]) -> Split:
    joined, separator = join_texts(texts)
    break_mark = separator + "break"
    if "\n" in joined:
        joined = _LINEBREAKS.sub(f" {break_mark} ", joined.replace("\r\n", "\n"))
    codes, vocabulary = pd.factorize(np.array(joined.split(), dtype=object))
    return Split(codes=codes.astype(np.int64), vocabulary=list(vocabulary), separator=separator,
                 break_mark=break_mark, n_texts=len(texts))


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


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The concatenated ranges start, start+1, ..., start+count-1."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    return np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) + np.arange(total)


def retokenise(split: Split, pieces: list, *, drop: tuple = ()) -> Tokens:
    """The white-space tokens with each type replaced by its `pieces` (a tuple of strings per type
    of `split.vocabulary`, or None to keep the token whole), without the separators and the `drop`
    pieces. Pieces get codes of their own after the white-space types (a piece may so have two
    codes: callers look types up by string, never by code)."""
    vocabulary = list(split.vocabulary)
    codes = split.codes
    changed = [i for i, parts in enumerate(pieces) if parts is not None]
    if changed:
        parts = [pieces[i] for i in changed]
        counts = np.ones(len(vocabulary), np.int64)
        counts[changed] = [len(p) for p in parts]
        first_piece = np.zeros(len(vocabulary), np.int64)
        first_piece[changed] = len(vocabulary) + np.concatenate([[0], np.cumsum(counts[changed])[:-1]])
        vocabulary.extend(chain.from_iterable(parts))
        is_changed = np.zeros(len(counts), bool)
        is_changed[changed] = True
        n = counts[codes]
        expanded = np.repeat(codes, n)
        split_up = np.flatnonzero(is_changed[codes])
        start = np.cumsum(n) - n
        expanded[_ranges(start[split_up], n[split_up])] = _ranges(first_piece[codes[split_up]], n[split_up])
        codes = expanded
    return drop_separators(codes, vocabulary, split.separator, split.n_texts, drop=drop)


def drop_separators(codes: np.ndarray, vocabulary: list, separator: str, n_texts: int,
                    drop: tuple = ()) -> Tokens:
    """Tokens (as codes into `vocabulary`) of texts joined by `separator` tokens, without the
    separators and without the `drop` tokens."""
    def code(token: str) -> int:
        return vocabulary.index(token) if token in vocabulary else -1

    is_sep = codes == code(separator)
    text = np.cumsum(is_sep)
    keep = ~is_sep
    if drop:
        dropped = [i for i, token in enumerate(vocabulary) if token in drop]
        keep &= ~np.isin(codes, dropped)
    codes, text = codes[keep], text[keep]
    first = np.searchsorted(text, np.arange(n_texts))
    return Tokens(text=text, start=first[text], types=codes.astype(np.int64), vocabulary=vocabulary,
                  n_texts=n_texts)


def char_counts(vocabulary: list, char: str) -> np.ndarray:
    """How often `char` occurs in each string of `vocabulary` (strings without line breaks), counted
    on all strings at once."""
    codes = np.frombuffer("\n".join(vocabulary).encode("utf-32-le"), dtype=np.uint32)
    line = np.cumsum(codes == 10)
    return np.bincount(line[codes == ord(char)], minlength=len(vocabulary))


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


@lru_cache(maxsize=1)
def _emoji_names() -> dict[str, str]:
    """VADER's emoji of one character and their names, read once."""
    emojis = _vader.SentimentIntensityAnalyzer().emojis
    return {key: name for key, name in emojis.items() if len(key) == 1}


def _vader_pieces(token: str) -> tuple[str, ...]:
    """A white-space token as VADER splits it once every emoji is replaced by its name (a space goes
    before the name unless it starts the token or follows a space; none goes after it)."""
    names = _emoji_names()
    out = []
    for i, char in enumerate(token):
        name = names.get(char)
        if name is None:
            out.append(char)
        else:
            out.append(name if i == 0 else " " + name)
    return tuple("".join(out).split())


def _vader_words(tokens: list) -> tuple[list, list, np.ndarray, np.ndarray]:
    """Per token: the word as VADER sees it (punctuation stripped from both ends unless two
    characters or fewer would remain), lower-cased; whether it is ALL CAPS; its "!" and "?"."""
    words = list(tokens)
    for i in [i for i, token in enumerate(tokens) if not token.isalnum()]:
        bare = words[i].strip(string.punctuation)
        if len(bare) > 2:
            words[i] = bare
    return ([word.lower() for word in words], [word.isupper() for word in words],
            char_counts(tokens, "!"), char_counts(tokens, "?"))


class _Words:
    """The lower-cased words of the tokens: `ids` per token, `index` word -> id, and what VADER's
    rules need to know of each word whatever the lexicon (booster value, negation)."""

    def __init__(self, words: list, ids: np.ndarray, index: dict | None = None):
        self.words = words
        self.index = dict(zip(words, range(len(words)))) if index is None else index
        self.ids = ids
        self.booster = np.zeros(len(words))
        self.is_booster = np.zeros(len(words), bool)
        for word, value in _vader.BOOSTER_DICT.items():
            if word in self.index:
                self.booster[self.index[word]] = value
                self.is_booster[self.index[word]] = True
        self.negation = np.zeros(len(words), bool)
        self.negation[[self.index[word] for word in _NEGATIONS if word in self.index]] = True
        apostrophe = np.flatnonzero(char_counts(words, "'"))
        self.negation[[i for i in apostrophe.tolist() if "n't" in words[i]]] = True

    def subset(self, keep: np.ndarray) -> "_Words":
        """The same words, for only the tokens where `keep` is True."""
        out = copy.copy(self)
        out.ids = self.ids[keep]
        return out

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


def vader_subset(vt: VaderTokens, texts: np.ndarray) -> VaderTokens:
    """The same tokens for only the texts at the (sorted) indices `texts`, renumbered 0, 1, ..."""
    tokens = tokens_subset(vt.tokens, texts)
    keep_text = np.zeros(vt.tokens.n_texts, bool)
    keep_text[texts] = True
    keep = keep_text[vt.tokens.text]
    length = np.bincount(tokens.text, minlength=len(texts))
    return VaderTokens(tokens=tokens, words=vt.words.subset(keep), caps=vt.caps[keep],
                       cap_differential=vt.cap_differential[keep], emphasis=vt.emphasis[texts],
                       end=tokens.start + length[tokens.text])


def texts_with(vt: VaderTokens, words) -> np.ndarray:
    """Indices of the texts with at least one of these (lower-cased) words."""
    ids = [vt.words.id(word) for word in words]
    return _texts_holding(vt.tokens, np.isin(vt.words.ids, [i for i in ids if i >= 0]))


def _texts_holding(tokens: Tokens, has: np.ndarray) -> np.ndarray:
    """Indices of the texts with at least one token where `has` (one flag per token) is True."""
    return np.flatnonzero(np.bincount(tokens.text[has], minlength=tokens.n_texts) > 0)


def vader_tokens(split: Split) -> VaderTokens:
    """VADER's view of the texts of `split`: emoji replaced by their names, paragraph-break marks
    dropped, each token's word (`_vader_words`), its ALL CAPS flag, and each text's "!" and "?"
    emphasis (up to four "!" add 0.292 each; two or three "?" 0.18 each, more 0.96)."""
    emoji = _emoji_names().keys()
    pieces = [None if emoji.isdisjoint(token) else _vader_pieces(token) for token in split.vocabulary]
    tokens = retokenise(split, pieces, drop=(split.break_mark,))
    lower, caps_of_type, excl_of_type, quest_of_type = _vader_words(tokens.vocabulary)
    word_of_type, words = pd.factorize(np.array(lower, dtype=object))
    ids = word_of_type.astype(np.int64)[tokens.types]
    caps = np.array(caps_of_type, bool)[tokens.types]
    n = tokens.n_texts
    length = np.bincount(tokens.text, minlength=n)
    n_caps = np.bincount(tokens.text, weights=caps, minlength=n)
    differential = (length - n_caps > 0) & (length - n_caps < length)
    excl = np.bincount(tokens.text, weights=excl_of_type[tokens.types], minlength=n)
    quest = np.bincount(tokens.text, weights=quest_of_type[tokens.types], minlength=n)
    excl, quest = excl.astype(np.int64), quest.astype(np.int64)
    question = np.where(quest > 1, np.where(quest <= 3, quest * 0.18, 0.96), 0)
    emphasis = np.minimum(excl, 4) * 0.292 + question
    end = tokens.start + length[tokens.text]
    return VaderTokens(tokens=tokens, words=_Words(list(words), ids), caps=caps,
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
    valence_of_word = np.array([lexicon.get(word, np.nan) for word in words.words], float)
    in_lexicon_of_word = ~np.isnan(valence_of_word)
    valence_of_word[~in_lexicon_of_word] = 0.0

    ids = words.ids
    in_lexicon = in_lexicon_of_word[ids]
    is_booster = words.is_booster[ids]
    n_tokens = len(ids)
    nxt, has_next = tokens.ahead(1, vt.end)
    kind_of = (ids == words.id("kind")) & has_next & (ids[nxt] == words.id("of"))
    scored = np.flatnonzero(in_lexicon & ~is_booster & ~kind_of)
    sentiments = np.zeros(n_tokens)
    if len(scored):
        sentiments[scored] = _lexicon_word_valence(vt, scored, valence_of_word, in_lexicon_of_word)
    sentiments, ties = _but_weights(vt, sentiments)
    total = _in_text_sum(tokens.text, sentiments, tokens.n_texts)
    total = np.where(total > 0, total + vt.emphasis, np.where(total < 0, total - vt.emphasis, total))
    compound = np.clip(total / np.sqrt(total * total + 15), -1.0, 1.0)
    return python_round(compound, 4), ties


def _lexicon_word_valence(vt, at, valence_of_word, in_lexicon_of_word) -> np.ndarray:
    """The valence of the lexicon words at token positions `at`, after VADER's rules on the words
    around them (everything but "but", which weighs whole texts). `valence_of_word` and
    `in_lexicon_of_word` are per word of `vt.words`, for the lexicon in use."""
    ids = vt.words.ids
    offset = at - vt.tokens.start[at]  # position in its text
    # (index, valid) of the tokens 1, 2 and 3 places before each word, valid within its text
    before = [(np.maximum(at - k, 0), offset >= k) for k in (1, 2, 3)]
    value = _no_and_caps(vt, at, valence_of_word, in_lexicon_of_word, before)
    for k, (index, valid) in enumerate(before, start=1):
        step = valid & ~in_lexicon_of_word[ids[index]]
        value = np.where(step, value + _booster_scalar(vt, at, index, k, value), value)
        value = _negation_check(vt, k, before, step, value)
        if k == 3 and step.any():
            b1, b2, b3 = (index for index, _ in before)
            value[step] = _idioms(vt, at[step], value[step], b1[step], b2[step], b3[step])
    # "least" before a word negates it, unless it reads "at least" or "very least".
    (b1, v1), (b2, v2), _ = before
    least = v1 & ~in_lexicon_of_word[ids[b1]] & (ids[b1] == vt.words.id("least"))
    least &= ~(v2 & np.isin(ids[b2], [vt.words.id("at"), vt.words.id("very")]) & (offset > 1))
    return np.where(least, value * _vader.N_SCALAR, value)


def _no_and_caps(vt, at, valence_of_word, in_lexicon_of_word, before) -> np.ndarray:
    """The words' lexicon valence after VADER's first rules: "no" directly before another lexicon
    word counts nothing itself and negates that word, as does "no" one or two words before it
    (or three, through "or" / "nor"); ALL CAPS adds emphasis when some but not all of the text's
    tokens are capitals."""
    ids, words = vt.words.ids, vt.words
    word = ids[at]
    base = valence_of_word[word]
    (b1, v1), (b2, v2), (b3, v3) = before
    nxt = np.minimum(at + 1, max(len(ids) - 1, 0))
    has_next = at + 1 < vt.end[at]
    no = words.id("no")
    no_here = (word == no) & has_next & in_lexicon_of_word[ids[nxt]]
    value = np.where(no_here, 0.0, base)
    no_before = ((v1 & (ids[b1] == no)) | (v2 & (ids[b2] == no))
                 | (v3 & (ids[b3] == no) & v1 & np.isin(ids[b1], [words.id("or"), words.id("nor")])
                    & (ids[b1] >= 0)))
    value = np.where(no_before, base * _vader.N_SCALAR, value)
    shout = vt.caps[at] & vt.cap_differential[at]
    return np.where(shout, np.where(value > 0, value + _vader.C_INCR, value - _vader.C_INCR), value)


def _booster_scalar(vt, at, index, k, value) -> np.ndarray:
    """What the token at `index`, `k` places before each word, adds to its value when it is a
    booster or dampener: its value signed like the word's, with ALL CAPS emphasis, weighted 0.95
    two places back and 0.9 three places back."""
    word = vt.words.ids[index]
    scalar = vt.words.booster[word]
    scalar = np.where(value < 0, -scalar, scalar)
    shouted = vt.words.is_booster[word] & vt.caps[index] & vt.cap_differential[at]
    scalar = np.where(shouted, np.where(value > 0, scalar + _vader.C_INCR, scalar - _vader.C_INCR), scalar)
    if k == 2:
        scalar = np.where(scalar != 0, scalar * 0.95, scalar)
    elif k == 3:
        scalar = np.where(scalar != 0, scalar * 0.9, scalar)
    return scalar


def _negation_check(vt, k, before, step, value) -> np.ndarray:
    """VADER's negation check after the booster step `k` (where `step`): a negation `k` places
    before the word scales it by N_SCALAR, except that "never so/this" raises it by 1.25 and
    "without doubt" leaves it."""
    ids, words = vt.words.ids, vt.words
    (b1, _), (b2, _), (b3, _) = before
    negated = words.negation[ids[(b1, b2, b3)[k - 1]]]
    if k == 1:
        return np.where(step & negated, value * _vader.N_SCALAR, value)
    so_this = [words.id("so"), words.id("this")]
    if k == 2:
        never_so = (ids[b2] == words.id("never")) & np.isin(ids[b1], so_this)
        without_doubt = (ids[b2] == words.id("without")) & (ids[b1] == words.id("doubt"))
    else:
        never_so = (((ids[b3] == words.id("never")) & np.isin(ids[b2], so_this))
                    | np.isin(ids[b1], so_this))
        without_doubt = (ids[b3] == words.id("without")) & ((ids[b2] == words.id("doubt"))
                                                           | (ids[b1] == words.id("doubt")))
    return np.where(step & never_so, value * 1.25,
                    np.where(step & ~never_so & ~without_doubt & negated, value * _vader.N_SCALAR, value))


def _idioms(vt, at, value, b1, b2, b3) -> np.ndarray:
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
    value = np.where(~np.isnan(found), found, value)
    for positions, valid in (((at, n1), has1), ((at, n1, n2), has2)):
        candidate = matches(special, positions, valid)
        value = np.where(~np.isnan(candidate), candidate, value)
    for positions in ((b3, b2, b1), (b3, b2), (b2, b1)):
        candidate = matches(boosters, positions)
        value = np.where(~np.isnan(candidate), value + np.nan_to_num(candidate), value)
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
        span = np.arange(tokens.start[first_but[text]], vt.end[first_but[text]])
        # Zeros stay zero whatever they are multiplied by, so only the other values are replayed.
        span = span[sentiments[span] != 0]
        weighted[span] = _but_by_value(sentiments[span].tolist(), span.tolist(), first_but[text])
    return weighted, int(ties.sum())


def _but_by_value(values: list, positions: list, pivot: int) -> list:
    """The "but" weights applied as the package applies them: for each value in turn, to the first
    position that holds an equal value (`positions`: where each value stands in its text)."""
    for value in list(values):
        first = values.index(value)
        if positions[first] < pivot:
            values[first] = values[first] * 0.5
        elif positions[first] > pivot:
            values[first] = values[first] * 1.5
    return values


# ---------------------------------------------------------------------------------------------
# TextBlob's pattern analyzer (De Smedt & Daelemans 2012)

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


def tokens_subset(tokens: Tokens, texts: np.ndarray) -> Tokens:
    """The same tokens for only the texts at the (sorted) indices `texts`, renumbered 0, 1, ..."""
    keep_text = np.zeros(tokens.n_texts, bool)
    keep_text[texts] = True
    keep = keep_text[tokens.text]
    text = (np.cumsum(keep_text) - 1)[tokens.text[keep]]
    start = np.searchsorted(text, np.arange(len(texts)))
    return Tokens(text=text, start=start[text], types=tokens.types[keep], vocabulary=tokens.vocabulary,
                  n_texts=len(texts))


def texts_with_types(tokens: Tokens, words) -> np.ndarray:
    """Indices of the texts holding at least one token equal to one of `words`."""
    wanted = set(words)
    ids = [i for i, word in enumerate(tokens.vocabulary) if word in wanted]
    return _texts_holding(tokens, np.isin(tokens.types, ids))


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
        return _tokens_of(text, types, vocabulary, tokens.n_texts)
    left, right = types[pair], types[pair + 1]
    keys, first = np.unique(left * len(vocabulary) + right, return_index=True)
    joins = np.array([vocabulary[left[i]][-1:] + vocabulary[right[i]] in fragments for i in first], bool)
    hit = joins[np.searchsorted(keys, left * len(vocabulary) + right)]
    candidates = np.unique(text[pair[hit]])
    rebuild = [t for t in candidates.tolist() if _rewrites(vocabulary, types, text, t)]
    if not rebuild:
        return _tokens_of(text, types, vocabulary, tokens.n_texts)
    return _rebuild_texts(tokens, types, text, rebuild)


def _tokens_of(text: np.ndarray, types: np.ndarray, vocabulary: list, n_texts: int) -> Tokens:
    """`Tokens` of these per-token text indices (sorted) and types."""
    return Tokens(text=text, start=np.searchsorted(text, np.arange(n_texts))[text], types=types,
                  vocabulary=vocabulary, n_texts=n_texts)


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
    return _tokens_of(np.concatenate(parts_text), np.concatenate(parts_types), vocabulary, tokens.n_texts)


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
class _PatternWords:
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


def pattern_words(vocabulary: list, analyzer) -> _PatternWords:
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
    return _PatternWords(known=known, polarity=psi[:, 0].copy(), subjectivity=psi[:, 1].copy(),
                         intensity=psi[:, 2].copy(), adverb=adverb, negation=only("negation"),
                         ly=ly, long=lengths > 2, long_unquoted=unquoted, exclamation=only("!"),
                         irony=only("(!)"), emoticon=emoticon)


def without_words(words: _PatternWords, vocabulary: list, left_out) -> _PatternWords:
    """`words` as an analyzer whose lexicon lacks the `left_out` words would see them: unknown,
    polarity and subjectivity 0, intensity 1, no adverb sense (alphabetic words are no emoticons,
    negations or "!", so nothing else changes)."""
    left_out = set(left_out)
    at = [i for i, word in enumerate(vocabulary) if word in left_out]
    out = _PatternWords(**{name: getattr(words, name).copy() for name in words.__dataclass_fields__})
    out.known[at] = False
    out.polarity[at] = 0.0
    out.subjectivity[at] = 0.0
    out.intensity[at] = 1.0
    out.adverb[at] = False
    out.ly[at] = False
    return out


def text_lengths(split: Split) -> np.ndarray:
    """The number of white-space tokens of each text of `split` (`len(text.split())`): its tokens
    without the separators and paragraph-break marks."""
    vocabulary = pd.Index(split.vocabulary)
    separator, mark = vocabulary.get_indexer([split.separator, split.break_mark])
    is_separator = split.codes == separator
    text = np.cumsum(is_separator)
    word = ~is_separator & (split.codes != mark)
    return np.bincount(text[word], minlength=split.n_texts).astype(float)


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


def pattern_scores(tokens: Tokens, analyzer, words: _PatternWords | None = None
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
    return (_in_text_sum(item_text, item_polarity, n_texts) / count,
            _in_text_sum(item_text, item_subjectivity, n_texts) / count, fallback)
