"""Article tone: sentence scores averaged per article, then summarised per group (outlet, voice,
position along the article) with intervals over articles, never over sentences."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..stats import MIN_ARTICLES, article_values, summarise_articles


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

    Returns one row per group: the `by` columns, `n_sentences`, `n_articles`, `mean`, `ci_low`,
    `ci_high` and `interval`. Deterministic for a given `seed`; a group's interval does not depend
    on which other groups are in the table.
    """
    keys = [by] if isinstance(by, str) else list(by)
    values = article_sentiment(scored, by=keys, score=score, article=article)
    return summarise_articles(values, value=score, by=keys, min_articles=min_articles, ci=ci,
                              n_boot=n_boot, method=method, seed=seed)


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
