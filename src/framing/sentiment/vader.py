"""VADER's compound score (Hutto & Gilbert 2014; `vaderSentiment` 3.3) over arrays of tokens of
all texts at once: the rules listed in `framing.sentiment.tokens`, on the tokens it splits."""
from __future__ import annotations

import copy
import string
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as _vader

from .tokens import (Split, Tokens, char_counts, in_text_sum, python_round, retokenise, texts_holding, token_mask,
                     tokens_subset)

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


class VaderWords:
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

    def subset(self, keep: np.ndarray) -> "VaderWords":
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
    words: VaderWords
    caps: np.ndarray  # per token
    cap_differential: np.ndarray  # per token: some but not all of its text's tokens are ALL CAPS
    emphasis: np.ndarray  # per text: the "!" and "?" amplifier
    end: np.ndarray  # per token: index one past its text's last token


def vader_subset(vt: VaderTokens, texts: np.ndarray) -> VaderTokens:
    """The same tokens for only the texts at the (sorted) indices `texts`, renumbered 0, 1, ..."""
    tokens = tokens_subset(vt.tokens, texts)
    keep = token_mask(vt.tokens, texts)
    length = np.bincount(tokens.text, minlength=len(texts))
    return VaderTokens(tokens=tokens, words=vt.words.subset(keep), caps=vt.caps[keep],
                       cap_differential=vt.cap_differential[keep], emphasis=vt.emphasis[texts],
                       end=tokens.start + length[tokens.text])


def texts_with(vt: VaderTokens, words) -> np.ndarray:
    """Indices of the texts with at least one of these (lower-cased) words."""
    ids = [vt.words.id(word) for word in words]
    return texts_holding(vt.tokens, np.isin(vt.words.ids, [i for i in ids if i >= 0]))


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
    return VaderTokens(tokens=tokens, words=VaderWords(list(words), ids), caps=caps,
                       cap_differential=differential[tokens.text], emphasis=emphasis, end=end)


def _phrase_ids(words: VaderWords, phrases: dict) -> list[tuple[tuple[int, ...], float]]:
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
    total = in_text_sum(tokens.text, sentiments, tokens.n_texts)
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
