"""Sentiment toward a mention by the lexicon rule: the clause around the mention, without the
mention's words, scored with the clause score and labelled with the thresholds of the parameters."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..lexicons import load_data
from .reference import package_scores
from .scorer import DEFAULT_LEXICON, DEFAULT_PARAMS, load_scorer

LABELS = ("negative", "neutral", "positive")
# Where a clause ends: punctuation that separates clauses, or a conjunction that opens a new one.
_CLAUSE_BREAK = re.compile(
    r"[;:,()\[\]\u2014\u2013]|\s-\s|\b(?:but|while|whereas|although|though|however|yet)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause that holds `text[start:end]` (where `target_window` cuts it)."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(text, end)
    return left, right.start() if right else len(text)


def target_window(text: str, start: int, end: int, *, window: int = 12, keep_mention: bool = True) -> str:
    """The words around the mention `text[start:end]`: the clause that holds it (clauses end at
    , ; : dashes brackets and at but / while / although / however ...), cut to `window` words on
    each side of the mention. The mention itself is kept unless `keep_mention` is False (a name
    such as "Winner", "Love" or "Hope" is not a judgement of its bearer)."""
    left_break, right_break = clause_bounds(text, start, end)
    before = _WORD.findall(text[left_break:start])[-window:] if window else []
    after = _WORD.findall(text[end:right_break])[:window] if window else []
    return " ".join([*before, *([text[start:end]] if keep_mention else []), *after])


def score_target(
    text: str,
    start: int,
    end: int,
    *,
    lexicon: str | Path = DEFAULT_LEXICON,
    params: str | Path = DEFAULT_PARAMS,
) -> float:
    """Sentiment toward the mention `text[start:end]`: the clause score (the weighted mean of the
    news VADER compound and TextBlob polarity in the `[target]` table of `params`, on which its
    thresholds were set) of the clause window around it without the mention's own words
    (`target_window`, size from the same table). In [-1, 1]; 0 when the clause holds no other word."""
    window = int(_target_params(str(params))["window"])
    clause = target_window(text, start, end, window=window, keep_mention=False)
    score = package_scores(load_scorer(str(lexicon), str(params)), clause, target=True)[3]
    return 0.0 if np.isnan(score) else score


@lru_cache(maxsize=8)
def _target_params(params: str) -> dict:
    return dict(load_data(params)["target"])


def label_target(score: float, *, params: str | Path = DEFAULT_PARAMS) -> str:
    """"negative", "neutral" or "positive" for a target score, with the thresholds of `params`.
    The neutral band is wide on purpose: most mentions of people in news are neutral (three in
    four in annotated news), so a label is given only when the words around the mention lean
    clearly one way (see docs/sentiment.md for how often labels agree with annotators)."""
    thresholds = _target_params(str(params))
    if score <= thresholds["negative"]:
        return "negative"
    if score >= thresholds["positive"]:
        return "positive"
    return "neutral"
