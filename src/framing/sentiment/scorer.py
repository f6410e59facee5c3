"""The recommended sentence score's parts, loaded once per lexicon and parameter file: VADER's
analyzers (plain and with the news lexicon), TextBlob's analyzer without the descriptive words, the
weights, and `unsaturated`, which takes VADER's saturation by length out of its compound."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..lexicons import load_data
from .change import ChangeRule, change_shifts, load_change_rule
from .text import VADER_WORD
from .textblob_en import load_textblob_en

_textblob_en = load_textblob_en()[0]
_TextBlobSentiment, _pattern_sentiment = _textblob_en.Sentiment, _textblob_en.sentiment

DEFAULT_LEXICON = "sentiment_news"
DEFAULT_PARAMS = "sentiment_score"
SCORE_COLUMNS = ("polarity", "subjectivity", "vader_compound", "sentiment")

# VADER's compound is S / sqrt(S² + 15) for the sum S of its valences; capped below 1 so S is finite.
_COMPOUND_CAP = 0.9999


def unsaturated(compound, n_words, scale: float):
    """VADER's compound without its saturation: the sum of valences it normalises, recovered as
    S = c·sqrt(15 / (1 − c²)) from the compound c (|c| capped at 0.9999), divided by the square
    root of the number of words and mapped back into [-1, 1] by tanh(scale · S / sqrt(words)).
    A long sentence with one mild word no longer reads as strongly as a short one. Scalars or
    arrays (the same numpy operations in both scoring paths)."""
    total = valence_sum(compound)
    return np.tanh(scale * total / np.sqrt(np.maximum(np.asarray(n_words, float), 1.0)))


def shifted(compound, shift):
    """VADER's compound after adding `shift` to the sum of valences behind it (`valence_sum`);
    where `shift` is 0 the compound is returned as it is."""
    total = valence_sum(compound) + shift
    return np.where(np.asarray(shift) == 0, compound, total / np.sqrt(total * total + 15.0))


def valence_sum(compound):
    """The sum of valences S behind VADER's compound c = S / sqrt(S² + 15): c·sqrt(15 / (1 − c²)),
    |c| capped at `_COMPOUND_CAP` so that S is finite."""
    c = np.clip(np.asarray(compound, float), -_COMPOUND_CAP, _COMPOUND_CAP)
    return c * np.sqrt(15.0 / (1.0 - c * c))


def n_words(texts: list[str]) -> np.ndarray:
    """The number of white-space tokens of each text (what `unsaturated` divides by)."""
    return np.fromiter((len(text.split()) for text in texts), dtype=float, count=len(texts))


@dataclass
class Scorer:
    """One VADER analyzer per lexicon (plain and with the news entries), reused for every sentence,
    and TextBlob's analyzer without the descriptive words of the parameters."""

    vader_weight: float
    textblob_weight: float
    lexicon_version: str
    plain: SentimentIntensityAnalyzer = field(repr=False)
    news: SentimentIntensityAnalyzer = field(repr=False)
    # None when a news entry is not a plain word (then every text is scored with both analyzers).
    news_words: frozenset | None = field(repr=False, default=None)
    # The news lexicon's entries (lower-cased), where the two analyzers' lexicons differ.
    news_entries: frozenset = field(repr=False, default=frozenset())
    # tanh scale of `unsaturated`; None: the compound as it is (parameters before version 1.2).
    scale: float | None = None
    # TextBlob's analyzer without the words that describe rather than judge (None: TextBlob's own).
    judging: object = field(repr=False, default=None)
    descriptive: frozenset = field(repr=False, default=frozenset())
    # The clause score of `score_target` and the classifier's features: the version 1.1 weighted mean.
    target_weights: tuple = (0.65, 0.35)
    # The direction-of-change rule of the news lexicon's `[change]` table (None: no such table).
    change: ChangeRule | None = field(repr=False, default=None)

    def change_shifts(self, texts: list[str]) -> np.ndarray:
        """What the direction-of-change rule adds to each text's sum of valences (`change`)."""
        return change_shifts(self.change, texts, self.news.lexicon)

    def combine(self, news_compound, polarity, judging_polarity, words, target: bool = False, shift=0.0):
        """`sentiment` from its parts (scalars or arrays): vader · VADER (its sum of valences moved
        by `shift`, the direction-of-change rule, and un-saturated when the parameters give a
        scale) + textblob · TextBlob polarity without descriptive words; with `target`, the
        version 1.1 mean of the news compound and TextBlob's own polarity (no shift)."""
        if target:
            return self.target_weights[0] * news_compound + self.target_weights[1] * polarity
        news_compound = shifted(news_compound, shift)
        vader = news_compound if self.scale is None else unsaturated(news_compound, words, self.scale)
        return self.vader_weight * vader + self.textblob_weight * judging_polarity


def _judging_analyzer(descriptive) -> object:
    """TextBlob's analyzer (same lexicon file and settings) without the `descriptive` words, or
    None when there are none."""
    if not descriptive:
        return None
    analyzer = _TextBlobSentiment(
        path=_pattern_sentiment.path, synset="wordnet_id", negations=_pattern_sentiment.negations,
        modifiers=_pattern_sentiment.modifiers, modifier=_pattern_sentiment.modifier,
        tokenizer=_pattern_sentiment.tokenizer, language="en")
    len(analyzer)  # the lexicon loads on first use
    for word in descriptive:
        if dict.__contains__(analyzer, word.lower()):
            dict.__delitem__(analyzer, word.lower())
    return analyzer


@lru_cache(maxsize=8)
def load_scorer(lexicon: str, params: str) -> Scorer:
    """The `Scorer` of a news lexicon and a parameter file (names of files in `framing/data` or
    paths), loaded once per pair."""
    news_lexicon = load_data(lexicon)
    settings = load_data(params)
    weights = settings["sentence"]
    target = settings.get("target", {})
    news = SentimentIntensityAnalyzer()
    # The analyzer's lexicon is its own dict, so adding to it leaves other analyzers alone.
    added = {word.lower(): float(value) for word, value in news_lexicon["words"].items()}
    news.lexicon.update(added)
    descriptive = tuple(weights.get("descriptive", ()))
    return Scorer(
        vader_weight=float(weights["vader"]),
        textblob_weight=float(weights["textblob"]),
        lexicon_version=f"{lexicon}:{news_lexicon['version']}",
        plain=SentimentIntensityAnalyzer(),
        news=news,
        news_words=frozenset(added) if all(map(VADER_WORD.fullmatch, added)) else None,
        news_entries=frozenset(added),
        scale=float(weights["scale"]) if "scale" in weights else None,
        judging=_judging_analyzer(descriptive),
        descriptive=frozenset(word.lower() for word in descriptive),
        target_weights=(float(target.get("vader", weights["vader"])),
                        float(target.get("textblob", weights["textblob"]))),
        change=load_change_rule(news_lexicon.get("change")),
    )
