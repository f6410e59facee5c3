"""What the actor classifier reads of each mention (`target_features`): lexicon scores of four
stretches around it with names masked (`mask_names`), flags (in a quotation, the speaker...), and
the stemmed words of four blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .arrays import array_scores
from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS
from .targets import clause_bounds, target_window
from .text import HAS_WORD

TARGET_WINDOW = 8  # words each side of the mention in the clause blocks of the classifier
# A word of the classifier: letters, inner apostrophes and hyphens. Capitalised words are left out
# (names of people, parties, places, outlets), so no weight is tied to a particular person; only the
# sentence's first word, when it is a function word ("The", "But", "He"), is kept.
_FEATURE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A capital after a hyphen or apostrophe: "al-Assad", "anti-Trump", "O'Rourke" are names too.
_INNER_CAPITAL = re.compile(r"[-'][A-Z]")
# The mention is the speaker: a verb of saying right after it, or "said" / "according to" before it.
_SPEAKER_AFTER = re.compile(r"^\W*(?:said|says|told|tells|wrote|writes|added|adds|tweeted|stated)\b", re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|according to)\W*$", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "i", "we", "you"})
TARGET_BLOCKS = ("left", "right", "before", "after")
# The stretches around a mention whose lexicon scores the classifier reads (`_stretches`).
_STRETCHES = ("window", "sentence", "clause_left", "clause_right")


@dataclass
class TargetFeatures:
    """What the classifier reads of each mention: `dense` (one row per mention, columns
    `dense_names`) and `words`, per block of `TARGET_BLOCKS`, the set of words of each mention:
    `left` / `right` up to `TARGET_WINDOW` words of the clause each side, `before` / `after` all
    words of the sentence each side (capitalised words left out, lower-cased, stemmed)."""

    dense: np.ndarray
    dense_names: tuple[str, ...]
    words: dict[str, list[frozenset]]


def feature_words(text: str) -> list[tuple[int, str]]:
    """(offset, stem) of every word of `text` that is not capitalised (see `_FEATURE_WORD`; a
    capitalised first word is kept when it is a stop word of `stopwords.toml`), with straight
    apostrophes, lower-cased and reduced to its Porter stem (Porter 1980, NLTK's implementation),
    so "accused", "accuses" and "accusing" are one feature."""
    words = []
    for match in _FEATURE_WORD.finditer(text):
        word = match.group().replace("’", "'")
        lower = word.lower()
        capitalised = word[0].isupper() or _INNER_CAPITAL.search(word)
        if capitalised and (HAS_WORD.search(text, 0, match.start())
                            or lower.removesuffix("'s") not in _function_words()):
            continue
        words.append((match.start(), _stem(lower)))
    return words


def _title_case(text: str) -> bool:
    """A headline in title case, where names cannot be told from other words (`mask_names` then
    masks nothing): at least three words of `_FEATURE_WORD` (any length), each capitalised or a
    stop word of `stopwords.toml` ("to", "of", "amid"...).

    framing has three such tests, each fitted to what its caller loses by a wrong answer, and they
    disagree on short and mixed texts: `actors.find._is_title_case` counts only words of four letters
    or more and the actors' own function words ("Pope Met Joe Biden" is not title case there, is
    here); `sources.spans._title_case` wants every word capitalised but 13 articles and prepositions, so
    one other lower-case word makes a sentence ("Biden Cancels Trip to Chicago amid Stalled
    Talks" is title case here and in actors, not in sources). This one is kept as it is because the
    actor-sentiment classifier (`actor_sentiment_model.json`) was trained on the features it gives;
    merging it with another would change the classifier's input and so its output."""
    words = _FEATURE_WORD.findall(text)
    return len(words) >= 3 and all(word[0].isupper() or word.lower() in _function_words() for word in words)


def mask_names(text: str) -> str:
    """`text` with names blanked out (same length, so offsets still hold): capitalised words inside
    the sentence, and its first word when the word right after it is capitalised too ("Supreme Court",
    "Justice Department", "Homeland Security", "Proud Boys" are names, not praise). A sentence-first
    word that starts no name ("Sadly") and a title-case headline are left as they are."""
    if _title_case(text):
        return text
    matches = list(_FEATURE_WORD.finditer(text))
    out = list(text)
    for i, match in enumerate(matches):
        word = match.group()
        if not (word[0].isupper() or _INNER_CAPITAL.search(word)):
            continue
        if not HAS_WORD.search(text, 0, match.start()):
            following = matches[i + 1] if i + 1 < len(matches) else None
            if not (following and following.group()[0].isupper()
                    and text[match.end():following.start()].isspace()):
                continue
        out[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(out)


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    from ..keywords import read_stopwords

    return read_stopwords()[0]


@lru_cache(maxsize=1)
def _stemmer():
    from ..nltk_modules import import_nltk_module  # NLTK's stemmer without NLTK's package (a second)

    return import_nltk_module("nltk.stem.porter").PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def _mention_flags(text: str, start: int, end: int) -> tuple[float, ...]:
    """(inside a quotation, the speaker, a pronoun, first in the sentence, the sentence quotes)."""
    before = text[:start]
    inside = before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
    speaker = bool(_SPEAKER_AFTER.search(text[end:end + 30]) or _SPEAKER_BEFORE.search(before))
    return (float(inside), float(speaker), float(text[start:end].lower() in _PRONOUNS),
            float(not HAS_WORD.search(before)), float(bool(re.search("[\u201c\u201d\"]", text))))


FLAG_NAMES = ("in_quote", "speaker", "pronoun", "first", "has_quote")


def target_features(texts: list[str], starts: list[int], ends: list[int], *,
                    lexicon: str | Path = DEFAULT_LEXICON, params: str | Path = DEFAULT_PARAMS) -> TargetFeatures:
    """The classifier's features of the mentions `texts[i][starts[i]:ends[i]]`: VADER compound,
    TextBlob polarity and the clause score of `score_target` (as when it was trained) of four
    stretches (`_stretches`: the clause window of `TARGET_WINDOW` words, the sentence without the
    mention, the clause's part before and after it; names left out by `mask_names`, so "Supreme
    Court" or "Proud Boys" is no praise), the flags of `_mention_flags`, and the words of the four
    blocks (`_block_words`)."""
    stretches = {name: [] for name in _STRETCHES}
    words = {block: [] for block in TARGET_BLOCKS}
    flags = []
    for text, start, end in zip(texts, starts, ends):
        left, right = clause_bounds(text, start, end)
        for name, stretch in zip(_STRETCHES, _stretches(text, start, end, left, right)):
            stretches[name].append(stretch)
        for block, found in zip(TARGET_BLOCKS, _block_words(text, start, end, left, right)):
            words[block].append(found)
        flags.append(_mention_flags(text, start, end))
    columns, names = _stretch_scores(stretches, lexicon=lexicon, params=params)
    dense = np.column_stack(columns + [np.array(flags, dtype=float).reshape(len(flags), len(FLAG_NAMES))])
    return TargetFeatures(dense=dense, dense_names=tuple(names) + FLAG_NAMES, words=words)


def _stretches(text: str, start: int, end: int, left: int, right: int) -> tuple[str, str, str, str]:
    """The four stretches of `_STRETCHES` around the mention `text[start:end]` in its clause
    `text[left:right]`, names masked (`mask_names`): the clause window of `TARGET_WINDOW` words, the
    sentence without the mention, the clause's part before it and after it."""
    plain = mask_names(text)
    return (target_window(plain, start, end, window=TARGET_WINDOW, keep_mention=False),
            plain[:start] + " " + plain[end:], plain[left:start], plain[end:right])


def _block_words(text: str, start: int, end: int, left: int, right: int) -> tuple[frozenset, ...]:
    """The words (`feature_words`) of the blocks of `TARGET_BLOCKS` around the mention
    `text[start:end]` in its clause `text[left:right]`: up to `TARGET_WINDOW` words of the clause
    each side, and all words of the sentence each side."""
    found = feature_words(text)
    return (frozenset([w for at, w in found if left <= at < start][-TARGET_WINDOW:]),
            frozenset([w for at, w in found if end <= at < right][:TARGET_WINDOW]),
            frozenset(w for at, w in found if at < start),
            frozenset(w for at, w in found if at >= end))


def _stretch_scores(stretches: dict[str, list[str]], *, lexicon: str | Path,
                    params: str | Path) -> tuple[list[np.ndarray], list[str]]:
    """VADER compound, TextBlob polarity and the clause score of `score_target` of every stretch,
    as columns with their names."""
    columns, names = [], []
    for name, parts in stretches.items():
        # Unfolded (fold=False): the shipped classifier was trained on scores of the text as written.
        scores = np.nan_to_num(array_scores(parts, lexicon=lexicon, params=params, fold=False, target=True).scores)
        columns += [scores[:, 2], scores[:, 0], scores[:, 3]]
        names += [f"{name}_vader", f"{name}_textblob", f"{name}_sentiment"]
    return columns, names
