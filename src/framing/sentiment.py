"""Sentence sentiment, its summaries by group and along the article, and sentiment toward actors.

Scorers (both run offline from lexicons inside their packages; neither needs NLTK data):

- TextBlob's pattern analyzer (Loria, TextBlob; De Smedt & Daelemans 2012, "Pattern for Python",
  JMLR 13): `polarity` in [-1, 1] and `subjectivity` in [0, 1], from a lexicon of adjectives with
  intensifiers and negation.
- VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
  Social Media Text", ICWSM): `vader_compound` in [-1, 1], with its rules for negation, degree
  words, capitals and "but" (words after "but" weigh 1.5 times, words before it half).

`sentiment` is the project's recommended sentence score: a fixed weighted mean of VADER's compound,
computed with VADER's lexicon plus the news entries of `sentiment_news.toml` and un-saturated by
sentence length (`unsaturated`), and TextBlob's polarity read without words that describe rather
than judge ("new", "more", "first", "economic"...), with the weights and words in
`sentiment_score.toml`. How they were chosen, and how well the score
agrees with human ratings of news sentences, is in docs/sentiment.md.

Score sentences, never whole articles: VADER's compound saturates towards ±1 on long texts.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from textblob.en import Sentiment as _TextBlobSentiment
from textblob.en import sentiment as _pattern_sentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from . import sentiment_arrays as _arrays
from . import sentiment_pattern as _pattern_arrays
from . import sentiment_vader as _vader_arrays
from .config import CONTENT_KINDS
from .lexicons import load_data
from .stats import MIN_ARTICLES, article_values, summarise_articles
from .store import keep_kinds

DEFAULT_LEXICON = "sentiment_news"
DEFAULT_PARAMS = "sentiment_score"
SCORE_COLUMNS = ("polarity", "subjectivity", "vader_compound", "sentiment")
LABELS = ("negative", "neutral", "positive")
# `add_sentiment` scores in several processes only above this many distinct texts.
PARALLEL_MIN_TEXTS = 50_000

_HAS_WORD = re.compile(r"\w")
# Where a clause ends: punctuation that separates clauses, or a conjunction that opens a new one.
_CLAUSE_BREAK = re.compile(
    r"[;:,()\[\]\u2014\u2013]|\s-\s|\b(?:but|while|whereas|although|though|however|yet)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
# A word as VADER sees it once it strips punctuation from the ends of a space-separated token.
_VADER_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Typographic quotation marks and apostrophes, and the primes typed in their place, as the ASCII
# marks the scorers know. VADER strips only ASCII punctuation from the ends of a word and reads only
# "n't" as negation, so without this "“unrealistic", "disaster”" and "‘good’" are not looked up and
# "don’t like" is not negated. One character for one, so offsets in the text still hold.
QUOTE_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",  # ‘ ’ ‚ ‛ ′
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',  # “ ” „ ‟ ″
    "\u00ab": '"', "\u00bb": '"',  # « »
}
_QUOTE_TABLE = str.maketrans(QUOTE_FOLD)


def fold_quotes(text: str) -> str:
    """`text` with the typographic quotation marks and apostrophes of `QUOTE_FOLD` replaced by ASCII
    ones (same length): what the lexicon scorers read. The stored text is never changed.

    >>> fold_quotes("“Unrealistic,” they don’t say") == '"Unrealistic," they don' + "'t say"
    True
    """
    return text.translate(_QUOTE_TABLE)


def fold_all(texts: list[str]) -> list[str]:
    """`fold_quotes` of every text, by replacing each mark once in the texts joined: `str.translate`
    looks every character up, which costs more than scoring on a large corpus. Texts holding the
    separator are folded one by one."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != max(len(texts) - 1, 0):
        return [fold_quotes(text) for text in texts]
    for mark, ascii_mark in QUOTE_FOLD.items():
        joined = joined.replace(mark, ascii_mark)
    return joined.split("\x00") if texts else []


# VADER's compound is S / sqrt(S² + 15) for the sum S of its valences; capped below 1 so S is finite.
_COMPOUND_CAP = 0.9999


def unsaturated(compound, n_words, scale: float):
    """VADER's compound without its saturation: the sum of valences it normalises, recovered as
    S = c·sqrt(15 / (1 − c²)) from the compound c (|c| capped at 0.9999), divided by the square
    root of the number of words and mapped back into [-1, 1] by tanh(scale · S / sqrt(words)).
    A long sentence with one mild word no longer reads as strongly as a short one. Scalars or
    arrays (the same numpy operations in both scoring paths)."""
    c = np.clip(np.asarray(compound, float), -_COMPOUND_CAP, _COMPOUND_CAP)
    total = c * np.sqrt(15.0 / (1.0 - c * c))
    return np.tanh(scale * total / np.sqrt(np.maximum(np.asarray(n_words, float), 1.0)))


def n_words(texts: list[str]) -> np.ndarray:
    """The number of white-space tokens of each text (what `unsaturated` divides by)."""
    return np.fromiter((len(text.split()) for text in texts), dtype=float, count=len(texts))


@dataclass
class _Scorer:
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

    def combine(self, news_compound, polarity, judging_polarity, words, target: bool = False):
        """`sentiment` from its parts (scalars or arrays): vader · VADER (un-saturated when the
        parameters give a scale) + textblob · TextBlob polarity without descriptive words; with
        `target`, the version 1.1 mean of the news compound and TextBlob's own polarity."""
        if target:
            return self.target_weights[0] * news_compound + self.target_weights[1] * polarity
        vader = news_compound if self.scale is None else unsaturated(news_compound, words, self.scale)
        return self.vader_weight * vader + self.textblob_weight * judging_polarity

    def scores(self, text: str, fold: bool = True, target: bool = False) -> tuple[float, float, float, float]:
        """(polarity, subjectivity, vader_compound, sentiment) of one text, its quotation marks
        folded to ASCII (`fold_quotes`) unless `fold` is False; NaN for empty text. With `target`
        the last is the clause score of `score_target` (`combine`)."""
        if not isinstance(text, str) or not _HAS_WORD.search(text):
            return (np.nan,) * 4
        if fold:
            text = fold_quotes(text)
        polarity, subjectivity = _pattern_sentiment(text)
        compound = self.plain.polarity_scores(text)["compound"]
        # The news analyzer differs from the plain one only on the news lexicon's words.
        if self.news_words is not None and self.news_words.isdisjoint(_VADER_WORD.findall(text.lower())):
            news_compound = compound
        else:
            news_compound = self.news.polarity_scores(text)["compound"]
        judging = polarity if self.judging is None or target else self.judging(text)[0]
        combined = self.combine(news_compound, polarity, judging, len(text.split()), target)
        return float(polarity), float(subjectivity), float(compound), float(combined)


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
def _scorer(lexicon: str, params: str) -> _Scorer:
    news_lexicon = load_data(lexicon)
    settings = load_data(params)
    weights = settings["sentence"]
    target = settings.get("target", {})
    news = SentimentIntensityAnalyzer()
    # The analyzer's lexicon is its own dict, so adding to it leaves other analyzers alone.
    added = {word.lower(): float(value) for word, value in news_lexicon["words"].items()}
    news.lexicon.update(added)
    return _Scorer(
        vader_weight=float(weights["vader"]),
        textblob_weight=float(weights["textblob"]),
        lexicon_version=f"{lexicon}:{news_lexicon['version']}",
        plain=SentimentIntensityAnalyzer(),
        news=news,
        news_words=frozenset(added) if all(map(_VADER_WORD.fullmatch, added)) else None,
        news_entries=frozenset(added),
        scale=float(weights["scale"]) if "scale" in weights else None,
        judging=_judging_analyzer(tuple(weights.get("descriptive", ()))),
        descriptive=frozenset(word.lower() for word in weights.get("descriptive", ())),
        target_weights=(float(target.get("vader", weights["vader"])),
                        float(target.get("textblob", weights["textblob"]))),
    )


def score_text(
    text: str, *, lexicon: str | Path = DEFAULT_LEXICON, params: str | Path = DEFAULT_PARAMS
) -> float:
    """The recommended `sentiment` score of one text (a sentence or a clause), in [-1, 1].

    >>> score_text("The bloodshed must stop, and this war must end.") < 0
    True
    """
    return _scorer(str(lexicon), str(params)).scores(text)[3]


def add_sentiment(
    sentences: pd.DataFrame,
    *,
    text_col: str = "text",
    lexicon: str | Path = DEFAULT_LEXICON,
    params: str | Path = DEFAULT_PARAMS,
    workers: int | None = 1,
) -> pd.DataFrame:
    """Score each row's `text_col`. The distinct texts are scored together over arrays of tokens
    (`array_scores`; the same numbers as one package call per text). `workers` > 1 splits them over
    that many processes (None: one per core) when there are more than `PARALLEL_MIN_TEXTS` distinct
    texts (same scores either way). Returns the same rows plus `polarity`, `subjectivity`
    (TextBlob), `vader_compound` (VADER with its own lexicon), `sentiment` (the recommended score)
    and `sentiment_lexicon` (the news lexicon and version used). Empty or missing text gives NaN.

    Needs only `text_col`; works on any text column, e.g. `narration_text` from
    `framing.sources.add_voice`. Repeated texts are scored once.

    Example: `add_sentiment(sentences).groupby("outlet")["sentiment"].mean()`.
    """
    if text_col not in sentences.columns:
        raise KeyError(f"add_sentiment needs a {text_col!r} column; the table has {list(sentences.columns)}")
    scorer = _scorer(str(lexicon), str(params))
    texts = sentences[text_col]
    unique = pd.unique(texts.to_numpy(dtype=object))
    workers = (os.cpu_count() or 1) if workers is None else workers
    table = pd.DataFrame(_score_all(list(unique), str(lexicon), str(params), workers),
                         columns=list(SCORE_COLUMNS))
    positions = pd.Index(unique).get_indexer(texts.to_numpy(dtype=object))
    out = sentences.copy()
    for column in SCORE_COLUMNS:
        out[column] = table[column].to_numpy()[positions] if len(table) else np.array([], dtype=float)
    out["sentiment_lexicon"] = scorer.lexicon_version
    return out


@dataclass
class ArrayScores:
    """Scores of many texts from the array scorers: `scores` has one row per text and the columns
    of `SCORE_COLUMNS` (NaN rows for empty text); `fallback` counts the texts that a rare rule sent
    to one-at-a-time scoring, by scorer."""

    scores: np.ndarray
    fallback: dict


def array_scores(texts: list, *, lexicon: str | Path = DEFAULT_LEXICON,
                 params: str | Path = DEFAULT_PARAMS, fold: bool = True, target: bool = False) -> ArrayScores:
    """All four scores of every text, computed over arrays of tokens (`framing.sentiment_arrays`);
    identical to scoring each text with the packages (`reference_scores`). The texts' quotation
    marks are folded to ASCII first (`fold_quotes`) unless `fold` is False. With `target` the last
    column is the clause score of `score_target` and the classifier (`_Scorer.combine`)."""
    scorer = _scorer(str(lexicon), str(params))
    out = np.full((len(texts), len(SCORE_COLUMNS)), np.nan)
    keep = [i for i, text in enumerate(texts) if isinstance(text, str) and _HAS_WORD.search(text)]
    kept = [texts[i] for i in keep]
    kept = fold_all(kept) if fold else kept
    fallback = {"vader_but_ties": 0, "textblob": 0}
    if kept:
        split = _arrays.split_texts(kept)
        tokens = _vader_arrays.vader_tokens(split)
        compound, ties = _vader_arrays.vader_compound(tokens, scorer.plain.lexicon)
        # The news analyzer differs from the plain one only on texts with a news-lexicon word.
        news = compound.copy()
        changed = _vader_arrays.texts_with(tokens, scorer.news_entries)
        news[changed], news_ties = _vader_arrays.vader_compound(_vader_arrays.vader_subset(tokens, changed),
                                                                scorer.news.lexicon)
        fallback["vader_but_ties"] = ties + news_ties
        pattern_tokens = _pattern_arrays.pattern_tokens(split)
        words = _pattern_arrays.pattern_words(pattern_tokens.vocabulary, _pattern_sentiment)
        polarity, subjectivity, rare = _pattern_scores(pattern_tokens, _pattern_sentiment, kept, words)
        judging = polarity
        holding = (_pattern_arrays.texts_with_types(pattern_tokens, scorer.descriptive)
                   if scorer.judging is not None and not target else [])
        if len(holding):
            # The two analyzers differ only on texts holding a descriptive word.
            judging = polarity.copy()
            judging[holding], _, rare_judging = _pattern_scores(
                _arrays.tokens_subset(pattern_tokens, holding), scorer.judging, [kept[i] for i in holding],
                _pattern_arrays.without_words(words, pattern_tokens.vocabulary, scorer.descriptive))
            rare[holding] |= rare_judging
        fallback["textblob"] = int(rare.sum())
        combined = scorer.combine(news, polarity, judging, _arrays.text_lengths(split), target)
        out[keep] = np.column_stack([polarity, subjectivity, compound, combined])
    return ArrayScores(scores=out, fallback=fallback)


def _pattern_scores(tokens, analyzer, texts: list[str], words=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Polarity and subjectivity by pattern's rules over arrays, the rare texts (see
    `framing.sentiment_arrays`) scored by the analyzer itself; and the mask of those texts."""
    polarity, subjectivity, rare = _pattern_arrays.pattern_scores(tokens, analyzer, words)
    for i in np.flatnonzero(rare):
        polarity[i], subjectivity[i] = analyzer(texts[i])[:2]
    return polarity, subjectivity, rare


def reference_scores(texts: list, *, lexicon: str | Path = DEFAULT_LEXICON,
                     params: str | Path = DEFAULT_PARAMS, fold: bool = True, target: bool = False) -> np.ndarray:
    """The four scores of every text from one call of each package per text (on the text folded by
    `fold_quotes` unless `fold` is False): the reference that `array_scores` is tested against
    (slower, same numbers). `target` as in `array_scores`."""
    scorer = _scorer(str(lexicon), str(params))
    return np.array([scorer.scores(text, fold, target) for text in texts],
                    dtype=float).reshape(len(texts), len(SCORE_COLUMNS))


def _score_chunk(job: tuple[list, str, str]) -> np.ndarray:
    texts, lexicon, params = job
    return array_scores(texts, lexicon=lexicon, params=params).scores


def _score_all(texts: list, lexicon: str, params: str, workers: int) -> np.ndarray:
    """Scores of the texts, in order; in a pool of processes when there are very many."""
    if workers <= 1 or len(texts) < PARALLEL_MIN_TEXTS:
        return _score_chunk((texts, lexicon, params))
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(texts) // workers)
    jobs = [(texts[i:i + size], lexicon, params) for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return np.vstack(list(pool.map(_score_chunk, jobs)))


# ---------------------------------------------------------------------------------------------
# Summaries over articles, with intervals over articles


def summarise_sentiment(
    scored: pd.DataFrame,
    *,
    by: str | list[str] = "outlet",
    score: str = "sentiment",
    article: str = "article_id",
    min_articles: int = MIN_ARTICLES,
    n_boot: int = 2000,
    ci: float = 0.95,
    method: str = "t",
    seed: int = 0,
) -> pd.DataFrame:
    """Mean sentiment per group over articles, with an interval over articles.

    Needs the `by` columns, `score` and `article`. Each article's sentences are averaged first
    (`stats.article_values`); the group's `mean` is the mean of its articles' means, so a long
    article counts as one article, not as many sentences. The interval is over the group's
    articles (`stats.mean_interval`): by default (`method="t"`) the Student t interval over the
    per-article means, which covers closer to 95% than the bootstrap with 5-10 articles
    (benchmarks/bench_stats.py); "expanded", "percentile" or "BCa" resample the articles. A group
    with fewer than `min_articles` articles gets none (`interval` = "too few articles for an interval"): show its
    per-article values instead (`article_sentiment`). Sentences are never resampled. Rows whose
    score is NaN are left out.

    Returns one row per group: the `by` columns, `n` (sentences), `n_articles`, `mean`, `ci_low`,
    `ci_high` and `interval`. Deterministic for a given `seed`; a group's interval does not depend
    on which other groups are in the table.
    """
    keys = [by] if isinstance(by, str) else list(by)
    values = article_sentiment(scored, by=keys, score=score, article=article)
    return summarise_articles(values, value=score, by=keys, min_articles=min_articles, ci=ci,
                              n_boot=n_boot, method=method, seed=seed)


def article_sentiment(
    scored: pd.DataFrame, *, by: str | list[str] = "outlet", score: str = "sentiment",
    article: str = "article_id",
) -> pd.DataFrame:
    """One row per article (and `by` group): `article`, the `by` columns, `event` (when the table
    has it), `n_sentences` and `score` = the mean of the article's sentence scores (NaN left out).
    These are the values the summaries, intervals and tests of sentiment are computed from."""
    keys = [by] if isinstance(by, str) else list(by)
    missing = [column for column in keys + [score, article] if column not in scored.columns]
    if missing:
        raise KeyError(f"sentiment summaries need column(s) {missing}; the table has {list(scored.columns)}")
    return article_values(scored.dropna(subset=[score]), value=score, by=keys, article=article)


def summarise_sentiment_by_position(
    scored: pd.DataFrame,
    *,
    bins: int = 5,
    by: str | list[str] = "outlet",
    score: str = "sentiment",
    article: str = "article_id",
    min_articles: int = MIN_ARTICLES,
    n_boot: int = 2000,
    ci: float = 0.95,
    method: str = "t",
    seed: int = 0,
) -> pd.DataFrame:
    """Mean score per group and position bin, to follow sentiment from the start of an article
    (position 0) to its end (1), with intervals over articles.

    Needs `position` plus what `summarise_sentiment` needs. Each article's sentences in a bin are
    averaged first; the bin's mean is the mean over the group's articles, and its interval
    resamples those articles (none below `min_articles`, as in `summarise_sentiment`). Returns one
    row per group and bin: the `by` columns, `position_bin` (0 .. bins-1), `bin_start`, `bin_end`,
    `bin_mid`, then the columns of `summarise_sentiment`. Bins are equal slices of [0, 1]; empty
    bins have no row.
    """
    if "position" not in scored.columns:
        raise KeyError("summarise_sentiment_by_position needs a 'position' column (0 .. 1)")
    keys = [by] if isinstance(by, str) else list(by)
    binned = scored.assign(
        position_bin=np.minimum((scored["position"].to_numpy(dtype=float) * bins).astype(int), bins - 1)
    )
    summary = summarise_sentiment(binned, by=keys + ["position_bin"], score=score, article=article,
                                  min_articles=min_articles, n_boot=n_boot, ci=ci, method=method, seed=seed)
    start = summary["position_bin"] / bins
    summary.insert(len(keys) + 1, "bin_start", start)
    summary.insert(len(keys) + 2, "bin_end", start + 1 / bins)
    summary.insert(len(keys) + 3, "bin_mid", start + 0.5 / bins)
    return summary


# ---------------------------------------------------------------------------------------------
# Sentiment toward an actor


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause that holds `text[start:end]` (where `target_window` cuts it)."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(text, end)
    return left, right.start() if right else len(text)


def target_window(text: str, start: int, end: int, *, window: int = 12, keep_mention: bool = True) -> str:
    """The words around the mention `text[start:end]`: the clause that holds it (clauses end at
    , ; : dashes brackets and at but / while / although / however ...), cut to `window` words on
    each side of the mention. The mention itself is kept unless `keep_mention` is False (a name
    such as "Winner", "Love" or "Hope" is not a judgement of its bearer)."""
    left_break, right_break = _clause_bounds(text, start, end)
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
    score = _scorer(str(lexicon), str(params)).scores(clause, target=True)[3]
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


# The learned target classifier (`actor_sentiment_model.json`, trained by
# benchmarks/train_actor_sentiment.py): a multinomial logistic regression (Cox 1958; strongly L2-
# regularised word weights) on the words around the mention and a few lexicon scores and flags.

DEFAULT_TARGET_MODEL = "actor_sentiment_model"
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


@dataclass
class TargetFeatures:
    """What the classifier reads of each mention: `dense` (one row per mention, columns
    `dense_names`) and `words`, per block of `TARGET_BLOCKS`, the set of words of each mention:
    `left` / `right` up to `TARGET_WINDOW` words of the clause each side, `before` / `after` all
    words of the sentence each side (capitalised words left out, lower-cased, stemmed)."""

    dense: np.ndarray
    dense_names: tuple[str, ...]
    words: dict[str, list[frozenset]]


def _feature_words(text: str) -> list[tuple[int, str]]:
    """(offset, stem) of every word of `text` that is not capitalised (see `_FEATURE_WORD`; a
    capitalised first word is kept when it is a stop word of `stopwords.toml`), with straight
    apostrophes, lower-cased and reduced to its Porter stem (Porter 1980, NLTK's implementation),
    so "accused", "accuses" and "accusing" are one feature."""
    words = []
    for match in _FEATURE_WORD.finditer(text):
        word = match.group().replace("’", "'")
        lower = word.lower()
        capitalised = word[0].isupper() or _INNER_CAPITAL.search(word)
        if capitalised and (_HAS_WORD.search(text, 0, match.start())
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
        if not _HAS_WORD.search(text, 0, match.start()):
            following = matches[i + 1] if i + 1 < len(matches) else None
            if not (following and following.group()[0].isupper()
                    and text[match.end():following.start()].isspace()):
                continue
        out[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(out)


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    from .keywords import read_stopwords

    return read_stopwords()[0]


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def _mention_flags(text: str, start: int, end: int) -> tuple[float, ...]:
    """(inside a quotation, the speaker, a pronoun, first in the sentence, the sentence quotes)."""
    before = text[:start]
    inside = before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
    speaker = bool(_SPEAKER_AFTER.search(text[end:end + 30]) or _SPEAKER_BEFORE.search(before))
    return (float(inside), float(speaker), float(text[start:end].lower() in _PRONOUNS),
            float(not _HAS_WORD.search(before)), float(bool(re.search("[\u201c\u201d\"]", text))))


FLAG_NAMES = ("in_quote", "speaker", "pronoun", "first", "has_quote")


def target_features(texts: list[str], starts: list[int], ends: list[int], *,
                    lexicon: str | Path = DEFAULT_LEXICON, params: str | Path = DEFAULT_PARAMS) -> TargetFeatures:
    """The classifier's features of the mentions `texts[i][starts[i]:ends[i]]`: VADER compound,
    TextBlob polarity and the clause score of `score_target` (as when it was trained) of four stretches (the clause window of
    `TARGET_WINDOW` words, the sentence without the mention, the clause's part before and after
    it; names left out by `mask_names`, so "Supreme Court" or "Proud Boys" is no praise), the flags of
    `_mention_flags`, and the words of the four blocks."""
    stretches = {"window": [], "sentence": [], "clause_left": [], "clause_right": []}
    words = {block: [] for block in TARGET_BLOCKS}
    flags = []
    for text, start, end in zip(texts, starts, ends):
        left, right = _clause_bounds(text, start, end)
        plain = mask_names(text)
        stretches["window"].append(target_window(plain, start, end, window=TARGET_WINDOW, keep_mention=False))
        stretches["sentence"].append(plain[:start] + " " + plain[end:])
        stretches["clause_left"].append(plain[left:start])
        stretches["clause_right"].append(plain[end:right])
        found = _feature_words(text)
        words["left"].append(frozenset([w for at, w in found if left <= at < start][-TARGET_WINDOW:]))
        words["right"].append(frozenset([w for at, w in found if end <= at < right][:TARGET_WINDOW]))
        words["before"].append(frozenset(w for at, w in found if at < start))
        words["after"].append(frozenset(w for at, w in found if at >= end))
        flags.append(_mention_flags(text, start, end))
    columns, names = [], []
    for name, parts in stretches.items():
        # Unfolded (fold=False): the shipped classifier was trained on scores of the text as written.
        scores = np.nan_to_num(array_scores(parts, lexicon=lexicon, params=params, fold=False,
                                                target=True).scores)
        columns += [scores[:, 2], scores[:, 0], scores[:, 3]]
        names += [f"{name}_vader", f"{name}_textblob", f"{name}_sentiment"]
    dense = np.column_stack(columns + [np.array(flags, dtype=float).reshape(len(flags), len(FLAG_NAMES))])
    return TargetFeatures(dense=dense, dense_names=tuple(names) + FLAG_NAMES, words=words)


@lru_cache(maxsize=4)
def load_target_model(name_or_path: str = DEFAULT_TARGET_MODEL) -> dict:
    """The classifier's weights: a shipped name (`src/framing/data/<name>.json`) or a path to a
    JSON file of the same form (`benchmarks/train_actor_sentiment.py` writes it)."""
    import json
    from importlib import resources

    path = Path(name_or_path)
    if path.suffix == ".json" and path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        text = (resources.files("framing") / "data" / f"{name_or_path}.json").read_text(encoding="utf-8")
    model = json.loads(text)
    missing = [key for key in ("version", "source", "classes", "intercept", "dense", "words") if key not in model]
    if missing:
        raise ValueError(f"{name_or_path}: a target model needs {missing}")
    return model


def target_probabilities(features: TargetFeatures, model: dict) -> np.ndarray:
    """Probabilities of negative / neutral / positive (columns in `model["classes"]` order) for a
    population with the model's `label_priors` (three in four neutral): the logistic regression's
    probabilities, which reflect the training data's class shares, moved to those priors
    (Saerens, Latinne & Decaestecker 2002)."""
    dense = model["dense"]
    if tuple(dense["names"]) != features.dense_names:
        raise ValueError("the target model was trained on other features; retrain it")
    z = (features.dense - np.asarray(dense["mean"])) / np.asarray(dense["scale"])
    logits = z @ np.asarray(dense["weights"]) + np.asarray(model["intercept"])
    zero = np.zeros(len(model["classes"]))
    for block, table in model["words"].items():
        for row, words in enumerate(features.words[block]):
            for word in sorted(words):  # a fixed order: the same sums whatever the hash seed
                logits[row] += table.get(word, zero)
    logits += np.log(np.asarray(model["label_priors"]) / np.asarray(model["train_priors"]))
    logits -= logits.max(axis=1, keepdims=True)
    probabilities = np.exp(logits)
    return probabilities / probabilities.sum(axis=1, keepdims=True)


def label_probabilities(probabilities: np.ndarray, model: dict) -> np.ndarray:
    """"negative" or "positive" where that label's probability exceeds the model's
    `polar_threshold` (and the other polar label's), "neutral" elsewhere."""
    classes = list(model["classes"])
    negative, positive = probabilities[:, classes.index("negative")], probabilities[:, classes.index("positive")]
    polar = np.where(negative > positive, "negative", "positive")
    return np.where(np.maximum(negative, positive) > model["polar_threshold"], polar, "neutral")


def classify_targets(texts: list[str], starts: list[int], ends: list[int], *,
                     model: str | Path = DEFAULT_TARGET_MODEL, lexicon: str | Path = DEFAULT_LEXICON,
                     params: str | Path = DEFAULT_PARAMS) -> pd.DataFrame:
    """Sentiment toward each mention `texts[i][starts[i]:ends[i]]` by the learned classifier. One row
    per mention: `p_negative`, `p_neutral`, `p_positive` (for news with three in four mentions
    neutral), `actor_sentiment` = `p_positive` − `p_negative` (in [-1, 1]) and `label`."""
    weights = load_target_model(str(model))
    features = target_features(list(texts), list(starts), list(ends), lexicon=lexicon, params=params)
    probabilities = target_probabilities(features, weights)
    out = pd.DataFrame(probabilities, columns=[f"p_{name}" for name in weights["classes"]])
    out["actor_sentiment"] = out["p_positive"] - out["p_negative"]
    out["label"] = label_probabilities(probabilities, weights)
    return out


def add_actor_sentiment(
    sentences: pd.DataFrame,
    actors: dict[str, list[str]] | pd.DataFrame | None = None,
    *,
    top: int | None = None,
    text_col: str = "text",
    kinds: tuple[str, ...] | None = CONTENT_KINDS,
    lexicon: str | Path = DEFAULT_LEXICON,
    params: str | Path = DEFAULT_PARAMS,
    model: str | Path | None = DEFAULT_TARGET_MODEL,
) -> pd.DataFrame:
    """Sentiment toward named actors, one row per mention.

    With `actors=None` (the default) the people are found and resolved by `framing.actors.find_actors`:
    titles cut off, surnames joined to the one full name of the event or corpus, outlets and places
    never persons, so "Mr. Trump", "President Trump" and "Donald Trump" are one actor; `top` keeps
    the actors with the most mentions; a table `find_actors` gave for these sentences is used as it
    is (the people are not found again). Given a mapping {"Hegseth": ["Pete Hegseth", "Hegseth"]},
    those names match as whole words, case-sensitively, longest first. Needs `text_col` and, when
    present, keeps `article_id`, `outlet`, `event` and `sentence_id`; only rows of `kinds` are read
    when the table has a `kind` column (None reads all).

    Returns a long table: the kept keys, `actor` (canonical name), `mention` (as written), `start`,
    `end` (offsets in the text), `actor_sentiment` and `label` (negative / neutral / positive).
    With `model` (the default: the shipped classifier, `classify_targets`) `actor_sentiment` is
    P(positive) − P(negative) for news with three in four mentions neutral and `label` the
    classifier's; with `model=None` the lexicon rule: `score_target` and `label_target`.
    """
    keys = [column for column in ("article_id", "outlet", "event", "sentence_id") if column in sentences.columns]
    table = keep_kinds(sentences, kinds)
    if actors is None or isinstance(actors, pd.DataFrame):
        found = _mentions_found(table, keys, text_col, found=actors)
    else:
        found = _mentions_named(table, actors, keys, text_col)
    if top is not None and len(found):
        keep = found["actor"].value_counts(sort=False).sort_index().sort_values(ascending=False, kind="stable")
        found = found[found["actor"].isin(keep.index[:top])]
    texts, starts, ends = list(found[text_col]), list(found["start"]), list(found["end"])
    if model is not None:
        scored = classify_targets(texts, starts, ends, model=model, lexicon=lexicon, params=params)
        found = found.assign(actor_sentiment=scored["actor_sentiment"].to_numpy(), label=scored["label"].to_numpy())
    else:
        scores = [score_target(text, start, end, lexicon=lexicon, params=params)
                  for text, start, end in zip(texts, starts, ends)]
        found = found.assign(actor_sentiment=scores, label=[label_target(v, params=params) for v in scores])
    columns = keys + ["actor", "mention", "start", "end", "actor_sentiment", "label"]
    return found.reindex(columns=columns).reset_index(drop=True)


def _mentions_found(table: pd.DataFrame, keys: list[str], text_col: str,
                    found: pd.DataFrame | None = None) -> pd.DataFrame:
    """The mentions of the people `framing.actors.find_actors` finds (or `found`, its table for
    these sentences): the `keys` it keeps, `actor`, `mention`, `start`, `end` and the sentence's
    `text_col`."""
    from .actors import find_actors

    found = find_actors(table, kinds=None, text_col=text_col) if found is None else found.copy()
    texts = table.drop_duplicates(["article_id", "sentence_id"]).set_index(["article_id", "sentence_id"])[text_col]
    found[text_col] = texts.reindex(pd.MultiIndex.from_frame(found[["article_id", "sentence_id"]])).to_numpy()
    return found[[k for k in keys if k in found] + ["actor", "mention", "start", "end", text_col]]


def _mentions_named(table: pd.DataFrame, actors: dict[str, list[str]], keys: list[str],
                    text_col: str) -> pd.DataFrame:
    """The mentions of the given actors' names (whole words, case-sensitive, longest first), one
    row per match: `keys`, `actor`, `mention`, `start`, `end`, `text_col`."""
    patterns = {actor: _mention_pattern(tuple(names)) for actor, names in actors.items()}
    rows = []
    for *values, text in table[keys + [text_col]].itertuples(index=False):
        if not isinstance(text, str):
            continue
        for actor, pattern in patterns.items():
            for match in pattern.finditer(text):
                rows.append((*values, actor, match.group(), match.start(), match.end(), text))
    return pd.DataFrame(rows, columns=keys + ["actor", "mention", "start", "end", text_col])


@lru_cache(maxsize=256)
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in ordered) + r")(?!\w)")
