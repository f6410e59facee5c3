"""The array scorer: all four scores of many texts at once, from VADER's and pattern's rules over
arrays of tokens (`vader`, `pattern`, on the tokens that `tokens` splits), combined as the
recommended score (`Scorer.combine`). Identical to the reference path (`reference_scores`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import pattern, vader
from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS, SCORE_COLUMNS, Scorer, _pattern_sentiment, load_scorer
from .change import holding_quantity
from .text import HAS_WORD, fold_all
from .tokens import Split, split_texts, text_lengths, text_mask, token_texts, tokens_subset


@dataclass
class ArrayScores:
    """Scores of many texts from the array scorers: `scores` has one row per text and the columns
    of `SCORE_COLUMNS` (NaN rows for empty text); `fallback` counts the texts that a rare rule sent
    to one-at-a-time scoring, by scorer."""

    scores: np.ndarray
    fallback: dict


def array_scores(texts: list, *, lexicon: str | Path = DEFAULT_LEXICON,
                 params: str | Path = DEFAULT_PARAMS, fold: bool = True, target: bool = False) -> ArrayScores:
    """All four scores of every text, computed over arrays of tokens (`framing.sentiment.tokens`);
    identical to scoring each text with the packages (`reference_scores`). The texts' quotation
    marks are folded to ASCII first (`fold_quotes`) unless `fold` is False. With `target` the last
    column is the clause score of `score_target` and the classifier (`Scorer.combine`)."""
    scorer = load_scorer(str(lexicon), str(params))
    out = np.full((len(texts), len(SCORE_COLUMNS)), np.nan)
    keep = [i for i, text in enumerate(texts) if isinstance(text, str) and HAS_WORD.search(text)]
    kept = [texts[i] for i in keep]
    kept = fold_all(kept) if fold else kept
    fallback = {"vader_but_ties": 0, "textblob": 0}
    if kept:
        split = split_texts(kept)
        compound, news, fallback["vader_but_ties"] = _vader_compounds(split, scorer)
        polarity, subjectivity, judging, fallback["textblob"] = _pattern_polarities(split, kept, scorer, target)
        shift = 0.0 if target else _change_shifts(split, kept, scorer)
        combined = scorer.combine(news, polarity, judging, text_lengths(split), target, shift)
        out[keep] = np.column_stack([polarity, subjectivity, compound, combined])
    return ArrayScores(scores=out, fallback=fallback)


def _change_shifts(split: Split, texts: list[str], scorer: Scorer) -> np.ndarray:
    """The direction-of-change rule's shift of every text (`Scorer.change_shifts`), run only on the
    texts holding a listed quantity, found once per distinct white-space token (the rule's words
    never span white space)."""
    shift = np.zeros(len(texts))
    if scorer.change is None:
        return shift
    holds = text_mask(len(split.vocabulary), holding_quantity(scorer.change, split.vocabulary))[split.codes]
    holding = np.unique(token_texts(split)[holds])
    shift[holding] = scorer.change_shifts([texts[i] for i in holding])
    return shift


def _vader_compounds(split: Split, scorer: Scorer) -> tuple[np.ndarray, np.ndarray, int]:
    """VADER's compound of every text with its own lexicon and with the news lexicon, and how many
    texts had ties in the "but" rule (`vader.vader_compound`)."""
    tokens = vader.vader_tokens(split)
    compound, ties = vader.vader_compound(tokens, scorer.plain.lexicon)
    # The news analyzer differs from the plain one only on texts with a news-lexicon word.
    news = compound.copy()
    changed = vader.texts_with(tokens, scorer.news_entries)
    news[changed], news_ties = vader.vader_compound(vader.vader_subset(tokens, changed), scorer.news.lexicon)
    return compound, news, ties + news_ties


def _pattern_polarities(split: Split, texts: list[str], scorer: Scorer, target: bool
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """TextBlob's polarity and subjectivity of every text, its polarity without the descriptive
    words (the same polarity with `target` or without descriptive words), and how many texts a rare
    rule sent to the package itself."""
    tokens = pattern.pattern_tokens(split)
    words = pattern.pattern_words(tokens.vocabulary, _pattern_sentiment)
    polarity, subjectivity, rare = _pattern_scores(tokens, _pattern_sentiment, texts, words)
    judging = polarity
    holding = (pattern.texts_with_types(tokens, scorer.descriptive)
               if scorer.judging is not None and not target else [])
    if len(holding):
        # The two analyzers differ only on texts holding a descriptive word.
        judging = polarity.copy()
        judging[holding], _, rare_judging = _pattern_scores(
            tokens_subset(tokens, holding), scorer.judging, [texts[i] for i in holding],
            pattern.without_words(words, tokens.vocabulary, scorer.descriptive))
        rare[holding] |= rare_judging
    return polarity, subjectivity, judging, int(rare.sum())


def _pattern_scores(tokens, analyzer, texts: list[str], words=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Polarity and subjectivity by pattern's rules over arrays, the rare texts (see
    `framing.sentiment.tokens`) scored by the analyzer itself; and the mask of those texts."""
    polarity, subjectivity, rare = pattern.pattern_scores(tokens, analyzer, words)
    for i in np.flatnonzero(rare):
        polarity[i], subjectivity[i] = analyzer(texts[i])[:2]
    return polarity, subjectivity, rare
