"""Sentences to tokens: `tokenize` (a regular expression, no downloaded data), `normalise_term`
(one apostrophe, one hyphen, no possessive 's, lower case), stop words (`read_stopwords`), and
`unnest_tokens`, one row per token."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from ..config import CONTENT_KINDS
from ..lexicons import load_data
from ..store import keep_kinds

# A token is one of, tried in this order:
# - a party-and-state tag after a legislator's name, whole: "R-S.C.", "D-W.Va.", "R-Texas", "D., N.Y."
#   (the parties and states of `house_style.toml`'s [party_tags]; `mark_set_aside` sets them aside);
# - letters joined by periods, maybe hyphenated on, maybe with a possessive: "U.S.", "e.g.", "a.m.",
#   "U.S.-led", "G.O.P.’s";
# - a number with decimal or thousands separators, maybe a unit glued on: "1,479", "3.5", "1.5bn";
# - a word: letters and digits, with inner apostrophes ("don't", "Ukraine’s") and inner hyphens
#   ("pre-2014", "non-NATO", "war-torn").
# Punctuation, symbols, dashes and quote marks are not tokens. A closing curly quote after a word
# ("the ‘unrealistic’ goal") is not taken for an apostrophe, since an apostrophe must have a letter
# after it; an opening one between two letters, a lower-case one after it ("country‘s"), is a
# mistyped apostrophe.
_HYPHEN = "-\u2010\u2011"
_APOSTROPHE = "(?:['\u2019\u02bc]|\u2018(?=[a-z]))"


def _party_tag_pattern() -> str:
    """A party-and-state tag as a regular expression: a party letter, a hyphen (or a period and a
    comma, "D., N.Y."), and a state as `house_style.toml`'s [party_tags] writes it (a final period
    optional), not inside a longer word."""
    tags = load_data("house_style")["party_tags"]
    states = sorted((re.escape(s.rstrip(".")) + (r"\.?" if s.endswith(".") else "") for s in tags["states"]),
                    key=len, reverse=True)
    parties = "|".join(re.escape(p) for p in tags["parties"])
    return (rf"(?<![{_HYPHEN}\w.])(?:{parties})(?:[{_HYPHEN}]|\.,[ \u00a0]?)(?:{'|'.join(states)})"
            rf"(?![{_HYPHEN}\w])")


PARTY_TAG_PATTERN = _party_tag_pattern()
TOKEN_PATTERN = rf"""
    {PARTY_TAG_PATTERN}
  | [^\W\d_](?:\.[^\W\d_])+\.?(?:[{_HYPHEN}]\w+)*(?:{_APOSTROPHE}[sS](?!\w))?
  | \d+(?:[.,]\d+)+[^\W\d_]*
  | \w+(?:{_APOSTROPHE}\w+)*(?:[{_HYPHEN}]\w+(?:{_APOSTROPHE}\w+)*)*
"""
# Compiled once with the standard library. `nltk.tokenize.RegexpTokenizer(TOKEN_PATTERN,
# flags=re.VERBOSE)` gives the same tokens (NFC text, links blanked: `blank_links`), but NLTK 3.10
# runs every caller pattern through its ReDoS guard (the `regex` engine under a timeout), which is
# 3-4 times slower here; this pattern has no nested quantifier over one sub-pattern, so the guard
# buys nothing.
TOKEN_RE = re.compile(TOKEN_PATTERN, re.VERBOSE)
# Links, e-mail addresses and @handles are no words: each is skipped whole before tokens are read,
# so "https://t.co/Nc0nKoXGBP", "pic.twitter.com/3BDnrvkoms", "letters@nytimes.com" and
# "@MattBevin" give no token ("https", "t.c", "com", "o" were distinctive words of an outlet that
# embeds tweets), and the tokens around them keep their places in the text. A link is an address
# with a scheme, one starting "www.", or a bare domain with a path (a domain alone, "NJ.com", is
# left as words: in prose it names the outlet). A link runs to white space, a quote mark, a
# bracket or a dash; a handle takes its possessive along ("@SecDef’s" leaves no "s").
_LINK_CHAR = "[^\\s\"'\u201c\u201d\u2018\u2019()\\[\\]{}<>|\u2014\u2013]"
LINK_PATTERN = rf"""
    (?:https?|ftp)://{_LINK_CHAR}*
  | www\.{_LINK_CHAR}+
  | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+
  | (?<![\w@])@\w+(?:['\u2019][sS](?!\w))?
  | (?<![\w.-])[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{{2,}}/{_LINK_CHAR}*
"""
LINK_RE = re.compile(LINK_PATTERN, re.VERBOSE | re.IGNORECASE)
# Normalising a token into a term: one apostrophe, one hyphen, no final possessive 's.
TERM_CHARMAP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_POSSESSIVE = re.compile(r"'[sS]$")
_PARTY_COMMA = re.compile(r"^(\w)\.,\s*")  # "d., n.y." (a party tag) → "d-n.y.", as "r-s.c." is written
PARTY_TAG_RE = re.compile(PARTY_TAG_PATTERN)
# A lead-in: at most four words opening a sentence or paragraph, then a colon and a space or the
# end ("Why it matters: ...", "The big picture: ..."); a clock time ("10:30") has no space after.
_LEAD_IN = re.compile(r"[\s\"'\u201c\u2018*\u2022-]*((?:[^\W_][\w'\u2019-]*[ \t]+){0,3}[^\W_][\w'\u2019-]*)[ \t]*:(?=\s|$)")
LEAD_IN_WORDS = 4
# Columns of the sentence table that describe one sentence rather than a group; tokens do not
# repeat them (join back on article_id and sentence_id when needed).
_SENTENCE_ONLY = ("text", "n_words", "paragraph_id", "position", "line_start", "line_end")


def tokenize(text: str) -> list[str]:
    """The tokens of `text` (`TOKEN_PATTERN`), as written after Unicode NFC normalisation (so an
    accent typed as a combining mark stays inside its word).

    Links, e-mail addresses and @handles give no token (`LINK_PATTERN`).

    >>> tokenize("The U.S. rules out Ukraine’s pre-2014 borders.")
    ['The', 'U.S.', 'rules', 'out', 'Ukraine’s', 'pre-2014', 'borders']
    >>> tokenize("We’re on it, @SecDef says. https://t.co/XPxUJuyIAC pic.twitter.com/3BDnrvkoms")
    ['We’re', 'on', 'it', 'says']
    """
    return TOKEN_RE.findall(blank_links(nfc(text)))


def token_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each token of `text` (already NFC, as `nfc` gives it), in order: the
    places `tokenize`'s tokens are written at."""
    return [match.span() for match in TOKEN_RE.finditer(blank_links(text))]


def blank_links(text: str) -> str:
    """`text` with every link, e-mail address and @handle (`LINK_PATTERN`) made spaces of its
    length, so what is left has its tokens where `text` has them."""
    # Only a stretch with "/", "@" or "www." can hold one: most texts have none and skip the
    # search, and the others are searched between spaces (no link holds one), which gives the same
    # spans several times faster than `LINK_RE` run over the whole text.
    if not _may_link(text):
        return text
    return " ".join(LINK_RE.sub(_spaces, part) if _may_link(part) else part for part in text.split(" "))


def _may_link(text: str) -> bool:
    return "/" in text or "@" in text or "www." in text or "WWW." in text


def _spaces(match: re.Match) -> str:
    return " " * (match.end() - match.start())


def nfc(text: str) -> str:
    """`text` in Unicode normal form C (composed characters), as tokens are read from it."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalise_term(token: str, *, lowercase: bool = True) -> str:
    """The term a token is counted as: straight apostrophe and hyphen, lower case (by default),
    a final possessive 's removed ("Ukraine’s" → "ukraine", "U.S." → "u.s."), and a party tag
    written with a comma joined by a hyphen ("D., N.Y." → "d-n.y.", like "D-N.Y.")."""
    term = token.translate(TERM_CHARMAP)
    if lowercase:
        term = term.lower()
    return _PARTY_COMMA.sub(r"\1-", _POSSESSIVE.sub("", term))


def read_stopwords(stopwords: str | Path | Iterable[str] | None = None) -> tuple[frozenset, str]:
    """The stop words and the version of their list.

    `stopwords` is None (the shipped `stopwords.toml`), the name or path of a TOML file with the
    same layout (every list under `[words]`), or any collection of words (version "custom").
    Words are normalised as terms are (lower case, straight apostrophe).
    """
    if stopwords is None or isinstance(stopwords, (str, Path)):
        data = load_data(stopwords or "stopwords")
        words = chain.from_iterable(data.get("words", {}).values())
        version = str(data["version"])
    else:
        words, version = stopwords, "custom"
    return frozenset(normalise_term(str(word)) for word in words), version


def _is_letter(term: str) -> bool:
    """True for a term of one letter: a middle initial ("George W. Bush"), a letter of "Q&A" or
    "Plan B"; never a keyword, so `unnest_tokens` counts it with the stop words."""
    return len(term) == 1 and term.isalpha()


def _lead_in_length(text: str) -> int:
    """How many tokens open `text` before a colon (`_LEAD_IN`), or 0: none, or more than four."""
    match = _LEAD_IN.match(nfc(text))
    if not match:
        return 0
    n = len(tokenize(match.group(1)))
    return n if n <= LEAD_IN_WORDS else 0


def group_columns(sentences: pd.DataFrame, text_col: str) -> list[str]:
    """`article_id`, `sentence_id`, then the other columns that are not text or per-sentence
    measures (`outlet`, `event`, `kind`, a user's own group columns)."""
    keys = [c for c in ("article_id", "sentence_id") if c in sentences]
    return keys + [c for c in sentences.columns
                   if c not in keys and c not in _SENTENCE_ONLY and c != text_col]


def unnest_tokens(sentences: pd.DataFrame, *, lowercase: bool = True, drop_stopwords: bool = True,
                  stopwords: str | Path | Iterable[str] | None = None, text_col: str = "text",
                  kinds: Iterable[str] | None = CONTENT_KINDS) -> pd.DataFrame:
    """One row per token of each sentence.

    Needs `text_col`; uses `kind` when present (only `kinds` are kept; None keeps every row).
    Returns `article_id`, `sentence_id`, and every other column of `sentences` that describes a
    group (`outlet`, `event`, `kind`, columns you added), then `token_id` (0-based position among
    all tokens of the sentence, stop words included, so ids stay stable when stop words are
    dropped), `token` (as written), `term` (see `normalise_term`; lower-cased only if `lowercase`),
    `is_stopword` (a stop word, or a single letter: a middle initial is no keyword), `lead_in`
    (the token is one of the at most four words that open the sentence before a colon, as in "Why
    it matters: ..."; `mark_set_aside` finds outlets' signposts with it).
    `attrs["lexicons"]` records the stop-word list's version.

    >>> tokens = unnest_tokens(sentences)                       # doctest: +SKIP
    >>> tokens = unnest_tokens(sentences, drop_stopwords=False)  # doctest: +SKIP
    """
    sentences = keep_kinds(sentences, kinds)
    words, version = read_stopwords(stopwords)
    # Each distinct text is tokenised once (copies of wire stories and repeated boilerplate are
    # common), each distinct token normalised and looked up in the stop words once.
    text_codes, distinct = pd.factorize(sentences[text_col].fillna("").astype(str))
    distinct_lists = [tokenize(text) for text in distinct]
    distinct_lengths = np.fromiter(map(len, distinct_lists), dtype=np.int64, count=len(distinct_lists))
    distinct_codes, uniques = pd.factorize(np.array(list(chain.from_iterable(distinct_lists)), dtype=object))
    lengths = distinct_lengths[text_codes]
    rows = np.repeat(np.arange(len(text_codes)), lengths)
    token_ids = np.arange(len(rows)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    codes = distinct_codes[(np.cumsum(distinct_lengths) - distinct_lengths)[text_codes[rows]] + token_ids]
    tokens = sentences[group_columns(sentences, text_col)].take(rows).reset_index(drop=True)
    tokens["token_id"] = token_ids
    terms = np.array([normalise_term(t, lowercase=lowercase) for t in uniques], dtype=object)
    stop = np.array([t.lower() in words or _is_letter(t) for t in terms], dtype=bool)
    tokens["token"] = pd.array(uniques, dtype="str").take(codes)
    tokens["term"] = pd.array(terms, dtype="str").take(codes)
    tokens["is_stopword"] = stop[codes]
    lead_lengths = np.fromiter(map(_lead_in_length, distinct), dtype=np.int64, count=len(distinct))
    tokens["lead_in"] = token_ids < lead_lengths[text_codes[rows]]
    if drop_stopwords:
        tokens = tokens[~tokens["is_stopword"]].reset_index(drop=True)
    tokens.attrs["lexicons"] = {"stopwords": version}
    return tokens
