"""VADER's compound score and TextBlob's polarity and subjectivity, computed over arrays of tokens.

`add_sentiment` scores every distinct sentence of a table. Calling the reference packages once per
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
specification: `framing.sentiment.reference` keeps the one-call-per-sentence path (`reference_scores`)
as the oracle the tests compare with. Two rare constellations are handled apart (counted in
`array_scores(...).fallback`):

- VADER: a "but" sentence in which one non-zero value equals another, or half or one and a half of
  it (the package's "but" rule finds words by value, so such ties change which word it weighs): the
  weights are applied one value at a time in the package's order, for that sentence only;
- TextBlob: a negation met while an -ly adverb is still modifying ("really not good"), or an
  emoticon of two characters while an adverb is modifying: such texts are scored by the package.

This module holds what both scorers share (the texts joined and split once, tokens as arrays);
VADER's rules are in `framing.sentiment.vader`, the pattern analyzer's in
`framing.sentiment.pattern`, and `framing.sentiment.arrays` puts them together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd

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


def tokens_of(text: np.ndarray, types: np.ndarray, vocabulary: list, n_texts: int) -> Tokens:
    """`Tokens` of these per-token text indices (sorted) and types."""
    return Tokens(text=text, start=np.searchsorted(text, np.arange(n_texts))[text], types=types,
                  vocabulary=vocabulary, n_texts=n_texts)


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
    return tokens_of(text, codes.astype(np.int64), vocabulary, n_texts)


def char_counts(vocabulary: list, char: str) -> np.ndarray:
    """How often `char` occurs in each string of `vocabulary` (strings without line breaks), counted
    on all strings at once."""
    codes = np.frombuffer("\n".join(vocabulary).encode("utf-32-le"), dtype=np.uint32)
    line = np.cumsum(codes == 10)
    return np.bincount(line[codes == ord(char)], minlength=len(vocabulary))


def in_text_sum(text: np.ndarray, values: np.ndarray, n_texts: int) -> np.ndarray:
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


def text_lengths(split: Split) -> np.ndarray:
    """The number of white-space tokens of each text of `split` (`len(text.split())`): its tokens
    without the separators and paragraph-break marks."""
    separator, mark = pd.Index(split.vocabulary).get_indexer([split.separator, split.break_mark])
    word = (split.codes != separator) & (split.codes != mark)
    return np.bincount(token_texts(split)[word], minlength=split.n_texts).astype(float)


def token_texts(split: Split) -> np.ndarray:
    """The index of the text each code of `split` belongs to (a separator counts with the text after it)."""
    separator = pd.Index(split.vocabulary).get_indexer([split.separator])[0]
    return np.cumsum(split.codes == separator)


def tokens_subset(tokens: Tokens, texts: np.ndarray) -> Tokens:
    """The same tokens for only the texts at the (sorted) indices `texts`, renumbered 0, 1, ..."""
    keep = token_mask(tokens, texts)
    text = (np.cumsum(text_mask(tokens.n_texts, texts)) - 1)[tokens.text[keep]]
    return tokens_of(text, tokens.types[keep], tokens.vocabulary, len(texts))


def text_mask(n_texts: int, texts: np.ndarray) -> np.ndarray:
    """One flag per text: True at the indices `texts`."""
    mask = np.zeros(n_texts, bool)
    mask[texts] = True
    return mask


def token_mask(tokens: Tokens, texts: np.ndarray) -> np.ndarray:
    """One flag per token: True where it belongs to one of the texts at the indices `texts`."""
    return text_mask(tokens.n_texts, texts)[tokens.text]


def texts_holding(tokens: Tokens, has: np.ndarray) -> np.ndarray:
    """Indices of the texts with at least one token where `has` (one flag per token) is True."""
    return np.flatnonzero(np.bincount(tokens.text[has], minlength=tokens.n_texts) > 0)
