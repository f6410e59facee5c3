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


def unnest_position_bins(scored: pd.DataFrame, *, bins: int = 5, score: str = "sentiment",
                         article: str = "article_id") -> pd.DataFrame:
    """Each scored sentence once for every bin of its article that its span overlaps, with the
    overlap as `weight`.

    Needs `position` (only its order within the article is used), `score` and `article`. The
    article's n sentences with a score, in order of `position`, cut it into n equal spans: the k-th
    covers [k/n, (k+1)/n] (rows that share a position, such as the parts of one sentence, share a
    span). Bin b covers [b/bins, (b+1)/bins]; a sentence appears once per bin it overlaps, and
    `weight` is the share of the bin its span covers, so an article's weights in a bin sum to 1 and
    every article reaches every bin, however short. Returns those rows plus `position_bin` and
    `weight`; rows without a score or a position are left out.
    """
    rows = scored.dropna(subset=[score, "position"])
    rank = rows.groupby(article, sort=False)["position"].rank(method="dense").to_numpy(dtype=np.int64) - 1
    n = rows.groupby(article, sort=False)["position"].transform("nunique").to_numpy(dtype=np.int64)
    # In units of 1 / (n * bins) the span is [k * bins, (k + 1) * bins] and bin b is [b * n, (b + 1) * n]:
    # integers, so a span that ends where a bin starts never overlaps it by a rounding error.
    start, end = rank * bins, (rank + 1) * bins
    first, last = start // n, -(-end // n) - 1
    repeat = last - first + 1
    row = np.repeat(np.arange(len(rows)), repeat)
    position_bin = first[row] + np.arange(len(row)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    overlap = np.minimum(end[row], (position_bin + 1) * n[row]) - np.maximum(start[row], position_bin * n[row])
    return rows.iloc[row].assign(position_bin=position_bin, weight=overlap / n[row]).reset_index(drop=True)


def article_sentiment_by_position(
    scored: pd.DataFrame, *, bins: int = 5, by: str | list[str] = "outlet", score: str = "sentiment",
    article: str = "article_id",
) -> pd.DataFrame:
    """One row per article, `by` group and position bin: the article's tone over that part of it.

    Needs `position` plus what `article_sentiment` needs. The value is the mean of the sentence
    scores over the bin with each sentence weighted by the share of the bin its span covers
    (`unnest_position_bins`): the mean of the article's tone, read sentence by sentence, over that
    fifth (for `bins=5`) of it. An article of four sentences has a value in every fifth (the middle
    fifth is the second and third sentences, 0.5 each), and the mean of an article's bins is its
    `article_sentiment`. Returns `article`, the `by` columns, `position_bin`, `event` (when the table
    has it), `n_sentences` (sentences that reach the bin) and `score`.
    """
    if "position" not in scored.columns:
        raise KeyError("sentiment by position needs a 'position' column (0 .. 1)")
    keys = [by] if isinstance(by, str) else list(by)
    spans = unnest_position_bins(scored, bins=bins, score=score, article=article)
    spans = spans.assign(_weighted=spans[score].astype(float) * spans["weight"])
    values = article_sentiment(spans, by=keys + ["position_bin"], score="_weighted", article=article)
    weights = article_values(spans, value="weight", by=keys + ["position_bin"], article=article)["weight"]
    return values.assign(_weighted=values["_weighted"] / weights.to_numpy()).rename(columns={"_weighted": score})


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

    Needs `position` plus what `summarise_sentiment` needs. Each article gets a value in every bin
    (`article_sentiment_by_position`: its sentences cut it into equal spans, and a sentence counts
    in each bin its span overlaps, weighted by the overlap), so a group's points all stand on the
    same articles, however short they are. The bin's mean is the mean over the group's articles,
    and its interval is over those articles (none below `min_articles`, as in
    `summarise_sentiment`). Returns one row per group and bin: the `by` columns, `position_bin`
    (0 .. bins-1), `bin_start`, `bin_end`, `bin_mid`, then the columns of `summarise_sentiment`
    (`n_sentences`: the sentences that reach the bin), and `n_group_sentences`, the group's scored
    sentences each counted once (a sentence reaches one bin or more). Bins are equal slices of [0, 1].
    A group made by a sentence's own column (`by="voice"`) has no row for a bin none of its sentences
    reach.
    """
    keys = [by] if isinstance(by, str) else list(by)
    values = article_sentiment_by_position(scored, bins=bins, by=keys, score=score, article=article)
    summary = summarise_articles(values, value=score, by=keys + ["position_bin"], min_articles=min_articles, ci=ci,
                                 n_boot=n_boot, method=method, seed=seed)
    start = summary["position_bin"] / bins
    summary.insert(len(keys) + 1, "bin_start", start)
    summary.insert(len(keys) + 2, "bin_end", start + 1 / bins)
    summary.insert(len(keys) + 3, "bin_mid", start + 0.5 / bins)
    counts = scored.dropna(subset=[score]).groupby(keys).size().rename("n_group_sentences")
    return summary.join(counts, on=keys)
