"""The reference path: one call of each package (TextBlob, VADER) per text. Slower than the array
scorer (`framing.sentiment.arrays`) and the specification it is tested against; also what scores a
single text (`score_text`)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS, SCORE_COLUMNS, Scorer, _pattern_sentiment, load_scorer
from .text import HAS_WORD, VADER_WORD, fold_quotes


def package_scores(scorer: Scorer, text: str, *, fold: bool = True,
                   target: bool = False) -> tuple[float, float, float, float]:
    """(polarity, subjectivity, vader_compound, sentiment) of one text by the packages, its
    quotation marks folded to ASCII (`fold_quotes`) unless `fold` is False; NaN for empty text.
    With `target` the last is the clause score of `score_target` (`Scorer.combine`)."""
    if not isinstance(text, str) or not HAS_WORD.search(text):
        return (np.nan,) * 4
    if fold:
        text = fold_quotes(text)
    polarity, subjectivity = _pattern_sentiment(text)
    compound = scorer.plain.polarity_scores(text)["compound"]
    # The news analyzer differs from the plain one only on the news lexicon's words.
    if scorer.news_words is not None and scorer.news_words.isdisjoint(VADER_WORD.findall(text.lower())):
        news_compound = compound
    else:
        news_compound = scorer.news.polarity_scores(text)["compound"]
    judging = polarity if scorer.judging is None or target else scorer.judging(text)[0]
    shift = 0.0 if target else scorer.change_shifts([text])[0]
    combined = scorer.combine(news_compound, polarity, judging, len(text.split()), target, shift)
    return float(polarity), float(subjectivity), float(compound), float(combined)


def score_text(
    text: str, *, lexicon: str | Path = DEFAULT_LEXICON, params: str | Path = DEFAULT_PARAMS
) -> float:
    """The recommended `sentiment` score of one text (a sentence or a clause), in [-1, 1].

    >>> score_text("The bloodshed must stop, and this war must end.") < 0
    True
    """
    return package_scores(load_scorer(str(lexicon), str(params)), text)[3]


def reference_scores(texts: list, *, lexicon: str | Path = DEFAULT_LEXICON,
                     params: str | Path = DEFAULT_PARAMS, fold: bool = True, target: bool = False) -> np.ndarray:
    """The four scores of every text from one call of each package per text (on the text folded by
    `fold_quotes` unless `fold` is False): the reference that `array_scores` is tested against
    (slower, same numbers). `target` as in `array_scores`."""
    scorer = load_scorer(str(lexicon), str(params))
    return np.array([package_scores(scorer, text, fold=fold, target=target) for text in texts],
                    dtype=float).reshape(len(texts), len(SCORE_COLUMNS))
