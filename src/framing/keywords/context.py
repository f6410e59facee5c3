"""Words in context: bigrams scored by NLTK's association measures (`collocations`) and each
match of a keyword with the words around it (`kwic`)."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from ..config import CONTENT_KINDS
from ..store import keep_kinds
from .counts import as_list, with_lexicon_versions
from .tokens import TERM_CHARMAP, group_columns, nfc, normalise_term, token_spans, tokenize

# each measure's name in `BigramAssocMeasures`; `collocations` imports NLTK's module when called,
# without NLTK's package initialisation, which imports most of NLTK and scikit-learn (a second)
_MEASURES = {"llr": "likelihood_ratio", "pmi": "pmi", "chi2": "chi_sq", "t": "student_t", "dice": "dice"}


@lru_cache(maxsize=1)
def _nltk_collocations():
    """NLTK's `nltk.collocations` module, loaded once, without NLTK's package initialisation."""
    from ..nltk_modules import import_nltk_module

    return import_nltk_module("nltk.collocations")


def _runs(tokens: pd.DataFrame, term_col: str) -> list[list[str]]:
    """The terms of each run of adjacent tokens (same sentence, consecutive token_id)."""
    ids = tokens["token_id"].to_numpy()
    sentence = pd.MultiIndex.from_frame(tokens[["article_id", "sentence_id"]]).codes
    same = np.ones(len(tokens), dtype=bool)
    for level in sentence:
        same[1:] &= level[1:] == level[:-1]
    same[1:] &= ids[1:] == ids[:-1] + 1
    same[:1] = False
    terms = tokens[term_col].to_numpy(dtype=object)
    return [list(run) for run in np.split(terms, np.flatnonzero(~same)[1:])] if len(terms) else []


def collocations(tokens: pd.DataFrame, *, by: str | Iterable[str] | None = None, min_count: int = 2,
                 measure: str = "llr", term_col: str = "term") -> pd.DataFrame:
    """Pairs of adjacent terms that occur together more than chance, scored with NLTK's
    `BigramCollocationFinder` and `BigramAssocMeasures`.

    `measure`: "llr" (log-likelihood ratio, Dunning 1993), "pmi" (pointwise mutual information,
    Church & Hanks 1990), "chi2", "t" or "dice". Bigrams never cross a sentence or a dropped stop
    word ("Secretary of Defense" gives no "secretary defense"). Bigrams seen fewer than `min_count`
    times are left out. Needs `article_id`, `sentence_id`, `token_id`, `term_col` and the `by`
    columns, in token order. Returns the `by` columns, `bigram` ("w1 w2"), `word1`, `word2`,
    `count`, `score`; highest score first.
    """
    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {sorted(_MEASURES)}, not {measure!r}")
    nltk_collocations = _nltk_collocations()
    BigramCollocationFinder = nltk_collocations.BigramCollocationFinder
    score = getattr(nltk_collocations.BigramAssocMeasures, _MEASURES[measure])
    by = as_list(by)
    groups = tokens.groupby(by, observed=True, sort=True) if by else [((), tokens)]
    parts = []
    for key, part in groups:
        finder = BigramCollocationFinder.from_documents(_runs(part, term_col))
        finder.apply_freq_filter(min_count)
        scored = finder.score_ngrams(score)
        table = pd.DataFrame({
            "bigram": [f"{w1} {w2}" for (w1, w2), _ in scored],
            "word1": [w1 for (w1, _), _ in scored], "word2": [w2 for (_, w2), _ in scored],
            "count": [finder.ngram_fd[pair] for pair, _ in scored],
            "score": [score for _, score in scored],
        })
        for column, value in zip(by, key if isinstance(key, tuple) else (key,)):
            table.insert(by.index(column), column, value)
        parts.append(table)
    columns = [*by, "bigram", "word1", "word2", "count", "score"]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    table = table.sort_values([*by, "score", "bigram"], ascending=[True] * len(by) + [False, True])
    return with_lexicon_versions(table[columns].reset_index(drop=True), tokens)


def kwic(sentences: pd.DataFrame, keyword: str, *, window: int = 5, text_col: str = "text",
         kinds: Iterable[str] | None = CONTENT_KINDS) -> pd.DataFrame:
    """Keyword in context: every place a word or phrase occurs, with `window` tokens either side.

    `keyword` is tokenised and normalised like the text (case-insensitive; "Ukraine" also matches
    "Ukraine’s"), and must match whole tokens in sequence ("troops" does not match "troop").
    Needs `text_col`; uses `kind` like `unnest_tokens`. Returns the key columns and group columns
    of `sentences` (`article_id`, `sentence_id`, `outlet`, ...), `token_id` (of the first matched
    token), `left`, `keyword`, `right`: stretches of the original text, punctuation kept.
    """
    wanted = [normalise_term(t) for t in tokenize(keyword)]
    if not wanted:
        raise ValueError(f"the keyword {keyword!r} has no word in it")
    sentences = keep_kinds(sentences, kinds)
    texts = sentences[text_col].fillna("").astype(str)
    # only sentences holding the first term's letters can match: tokenise just those
    candidates = texts.str.lower().str.translate(TERM_CHARMAP).str.contains(wanted[0], regex=False)
    rows = []
    for position in np.flatnonzero(candidates.to_numpy()):
        for match in _matches(texts.iloc[position], wanted, window):
            rows.append((position, *match))
    hits = pd.DataFrame(rows, columns=["row", "token_id", "left", "keyword", "right"])
    table = sentences[group_columns(sentences, text_col)].iloc[hits["row"].to_numpy()]
    table = table.reset_index(drop=True)
    return pd.concat([table, hits.drop(columns="row")], axis=1)


def _matches(text: str, wanted: list[str], window: int):
    """(token_id, left, keyword, right) for each occurrence of the term sequence `wanted`."""
    text = nfc(text)
    spans = token_spans(text)
    terms = [normalise_term(text[s:e]) for s, e in spans]
    width = len(wanted)
    for i in range(len(terms) - width + 1):
        if terms[i:i + width] != wanted:
            continue
        start, end = spans[i][0], spans[i + width - 1][1]
        left_start = spans[max(i - window, 0)][0]
        right_end = spans[min(i + width - 1 + window, len(spans) - 1)][1]
        yield i, _squash(text[left_start:start]), _squash(text[start:end]), _squash(text[end:right_end])


def _squash(text: str) -> str:
    """`text` with each run of white space (line breaks too) made one space, ends stripped."""
    return " ".join(text.split())
