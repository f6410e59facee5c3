"""Quote measures per article, then per outlet as a mean over articles with an interval over articles.

The article is the unit that was written and sampled (docs/statistics.md): an outlet's quotes counted
together let one long article of 40 quotes outweigh ten short ones, and give no interval. Here each
article first gets its own shares (of its quotes, the anonymous ones; of its attributed quotes, those
with an evaluative verb or an official speaker; of its quoted words, each speaker's), and an outlet's
value is the mean of its articles' shares, with the interval over articles of
`framing.stats.summarise_articles` (for shares, Korn & Graubard's 1998 interval on the effective
number of articles). An article with nothing to share (no quote, no verb) has no value
for that measure: it is left out and counted as left out. The pooled share (all the outlet's quotes
together) stays beside it as a descriptive column.
"""
from __future__ import annotations

import pandas as pd

from ..leans import sort_groups
from ..stats import NO_VALUE, summarise_articles

# measure: (what counts, what it is a share of) — the words a table or caption uses
QUOTE_MEASURES = {
    "share_anonymous": ("quotes from anonymous sources", "quotes"),
    "share_evaluative": ("quotes with an evaluative reporting verb", "quotes with a reporting verb"),
    "share_official": ("quotes from officials", "quotes with a speaker"),
}


def article_quote_shares(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                         actors: pd.DataFrame | None = None, by: str = "outlet") -> pd.DataFrame:
    """One row per article: `n_quotes`, `n_verbs` (quotes with a reporting verb), `n_speakers`
    (quotes with a speaker), the counts `n_anonymous`, `n_evaluative`, `n_official`, and the shares
    of `QUOTE_MEASURES` (`n_anonymous / n_quotes`, `n_evaluative / n_verbs`, `n_official /
    n_speakers`; NaN where the article has nothing to share).

    Needs the quotes table of `extract_quotes`. An official is a speaker named with an office at the
    quote or elsewhere in the article (`framing.events.official_quote_mask`, with `actors` when
    given). `articles` (`article_id`, `by`, `event` when there), e.g. the sentence table, adds the
    articles with no quote, so that they are counted as left out."""
    from ..events import official_quote_mask  # events builds on sources: imported when used

    keys = ["article_id", by] + (["event"] if "event" in quotes else [])
    flags = quotes[keys].assign(
        n_quotes=1, n_verbs=quotes["verb"].notna(), n_speakers=quotes["speaker"].notna(),
        n_anonymous=quotes["is_anonymous"].astype(bool),
        n_evaluative=quotes["verb"].notna() & quotes["verb_stance"].eq("evaluative"),
        n_official=quotes["speaker"].notna() & official_quote_mask(quotes, actors))
    counts = flags.groupby(keys, sort=True, dropna=False).sum().astype("int64").reset_index()
    if articles is not None:
        every = articles[[c for c in keys if c in articles]].drop_duplicates("article_id")
        counts = every.merge(counts, on=[c for c in keys if c in articles], how="left")
        counts = counts.fillna({c: 0 for c in flags.columns if c.startswith("n_")})
        counts = counts.astype({c: "int64" for c in flags.columns if c.startswith("n_")})
    for measure, (part, whole) in zip(QUOTE_MEASURES, [("n_anonymous", "n_quotes"), ("n_evaluative", "n_verbs"),
                                                       ("n_official", "n_speakers")]):
        counts[measure] = counts[part] / counts[whole].where(counts[whole] > 0)
    return counts.sort_values("article_id", ignore_index=True)


def summarise_quote_shares(values: pd.DataFrame, *, by: str = "outlet", method: str = "korn-graubard",
                           seed: int = 0) -> pd.DataFrame:
    """Per measure of `QUOTE_MEASURES` and group: the mean over the group's articles of their
    shares, with `n_articles`, `ci_low`, `ci_high` and `interval` (`summarise_articles`: by default
    the Wilson interval on the effective number of articles, Korn & Graubard 1998, which stays in
    [0, 1] and is longer on the side away from 0 or 1; none below `MIN_ARTICLES` articles; the exact
    binomial bound of `stats.share_bound` when every article is at 0% or at 100%;
    "no article with a value" for a group none of whose articles has one), `n_left_out` (the
    group's articles with nothing to share for the measure), and, descriptive, `pooled_share` (all
    the group's quotes counted together), `n_counted` and `n_of` (its numerator and denominator).

    Needs the table of `article_quote_shares`."""
    rows = []
    for measure, (what, of) in QUOTE_MEASURES.items():
        summary = summarise_articles(values, value=measure, by=by, method=method, bounded=True,
                                     seed=seed).drop(columns="n_sentences")
        part, whole = _counts(measure)
        pooled = values.groupby(by, sort=True)[[part, whole]].sum()
        left = values[values[measure].isna()].groupby(by).size()
        summary = summary.set_index(by).reindex(pooled.index).reset_index()
        summary["n_articles"] = summary["n_articles"].fillna(0).astype("int64")
        summary["interval"] = summary["interval"].fillna(NO_VALUE)  # a group none of whose articles has one
        summary.insert(0, "measure", measure)
        summary.insert(1, "counts", what)
        summary.insert(2, "share_of", of)
        summary["n_left_out"] = summary[by].map(left).fillna(0).astype("int64").to_numpy()
        summary["pooled_share"] = (pooled[part] / pooled[whole].where(pooled[whole] > 0)).to_numpy()
        summary["n_counted"] = pooled[part].to_numpy()
        summary["n_of"] = pooled[whole].to_numpy()
        rows.append(sort_groups(summary, [by]))  # outlets left to right for leans, else by name
    return pd.concat(rows, ignore_index=True)


def _counts(measure: str) -> tuple[str, str]:
    """The numerator and denominator columns of `measure` in `article_quote_shares`."""
    return {"share_anonymous": ("n_anonymous", "n_quotes"), "share_evaluative": ("n_evaluative", "n_verbs"),
            "share_official": ("n_official", "n_speakers")}[measure]


def article_speaker_shares(quotes: pd.DataFrame, *, by: str = "outlet", n: int = 8) -> pd.DataFrame:
    """For the `n` most quoted named speakers (by quoted words), one row per article that quotes a
    named speaker and per such speaker: `word_share`, the speaker's share of the article's quoted
    words of named speakers (0 when the article does not quote them). Articles quoting no named
    speaker are left out. An anonymous source ("officials", "a person familiar with the talks":
    `is_anonymous`) names no one, so it is no named speaker here: drawn beside named people it read
    as a person, and the articles that quote only such sources were counted as quoting one.
    Returns `article_id`, `by`, `event` (when there), `speaker`, `n_words` (the speaker's quoted
    words in the article), `word_share`, and `speaker_kind` when the quotes have it (the kind the
    speaker's quotes give most often: a chart names an organisation as one, not among people)."""
    named = quotes[named_speaker_mask(quotes)]
    keys = ["article_id", by] + (["event"] if "event" in quotes else [])
    top = named.groupby("speaker")["n_words"].sum().nlargest(n).index
    words = named.pivot_table(index=keys, columns="speaker", values="n_words", aggfunc="sum", fill_value=0)
    total = words.sum(axis=1)
    shares = words[list(top)].div(total.where(total > 0), axis=0)
    table = shares.stack().rename("word_share").reset_index()
    table.insert(len(keys) + 1, "n_words", words[list(top)].stack().to_numpy())
    if "speaker_kind" in named:
        kinds = named[named["speaker"].isin(top)].groupby("speaker")["speaker_kind"].agg(
            lambda kind: kind.value_counts().index[0] if kind.notna().any() else None)
        table["speaker_kind"] = table["speaker"].map(kinds)
    return table.sort_values(["article_id", "speaker"], ignore_index=True)


def named_speaker_mask(quotes: pd.DataFrame) -> pd.Series:
    """The quotes with a named speaker: a speaker, and not an anonymous source (`is_anonymous`)."""
    named = quotes["speaker"].notna()
    return named & ~quotes["is_anonymous"].fillna(False).astype(bool) if "is_anonymous" in quotes else named


def summarise_speaker_shares(values: pd.DataFrame, *, by: str = "outlet", method: str = "korn-graubard",
                             seed: int = 0) -> pd.DataFrame:
    """Per group and speaker of `article_speaker_shares`: the mean over the group's articles of the
    speaker's share of each article's quoted words (`word_share`, the form `plot_quote_share`
    draws), `n_articles` (the group's articles quoting a named speaker), `ci_low`, `ci_high`,
    `interval` (`summarise_articles`), `n_words`, the speaker's quoted words in the group, and
    `speaker_kind` when `values` has it."""
    summary = summarise_articles(values, value="word_share", by=[by, "speaker"], method=method, bounded=True,
                                 seed=seed)
    words = values.groupby([by, "speaker"])["n_words"].sum().rename("n_words").reset_index()
    summary = summary.drop(columns="n_sentences").rename(columns={"mean": "word_share"})
    summary = summary.merge(words, on=[by, "speaker"], how="left")
    if "speaker_kind" in values:
        summary["speaker_kind"] = summary["speaker"].map(values.groupby("speaker")["speaker_kind"].first())
    return summary


def caption_quote_shares(values: pd.DataFrame, summary: pd.DataFrame, test: pd.DataFrame, *,
                         corpus=None, n_quotes: int) -> str:
    """The caption of `plot_quote_shares` over `summarise_quote_shares`' `summary` of `values`
    (`article_quote_shares`), with `test` (`compare_outlets` of the three measures, family
    "measure") and `n_quotes`, the quotes the shares are made of. The chart draws on the articles
    with a quote, so its one event count, in "pooled over 91 events" and in "n = 91 events", is
    theirs: counted over every article it said "pooled over 100 events" beside "n = 91 events"
    (allsides-100)."""
    from ..events import pooled_over  # events builds on sources: imported when used
    from ..plots import corpus_caption
    from ..stats import caption_tests, describe_intervals

    drawn = values[values["n_quotes"] > 0]
    left = summary.groupby("measure")["n_left_out"].sum()
    intervals = describe_intervals(summary, measure="quote share", method="korn-graubard")
    return ("Share of each article's quotes from anonymous sources, with an evaluative reporting verb, from "
            f"officials; mean over the outlet's articles; {intervals}, "
            f"{pooled_over(drawn)}; articles with nothing to share left out ({left.get('share_anonymous', 0):,} "
            f"without a quote, {left.get('share_evaluative', 0):,} without a reporting verb, "
            f"{left.get('share_official', 0):,} without a speaker). {caption_tests(test, family='measure')} "
            + corpus_caption(corpus, events=_n_events(drawn), articles=drawn["article_id"].nunique(), quotes=n_quotes))


def caption_speaker_shares(values: pd.DataFrame, summary: pd.DataFrame, test: pd.DataFrame | None, *,
                           corpus=None, n_articles: int, n_quotes: int, n_all_quotes: int | None = None,
                           by: str = "outlet") -> str:
    """The caption of `plot_quote_share` over `summarise_speaker_shares`' `summary` of `values`
    (`article_speaker_shares`), with `test` (`compare_outlets` per speaker, or None), `n_articles`
    (every article of the corpus), `n_quotes` (the quotes with a named speaker,
    `named_speaker_mask`) and `n_all_quotes` (every quote, as the quote-shares chart counts them:
    "23 quotes with a named speaker (of 24)"). One event count, that of the articles quoting a
    named speaker, which the chart draws on (`caption_quote_shares`). The intervals are said to be
    in the table only when it has any."""
    from ..events import pooled_over  # events builds on sources: imported when used
    from ..plots import corpus_caption
    from ..stats import MIN_ARTICLES, caption_tests, describe_intervals

    quoting = values["article_id"].nunique()
    tests = f"{caption_tests(test, family='speaker')} " if test is not None else ""
    intervals = (describe_intervals(summary, measure="speaker share", method="korn-graubard", by=by, shape="lines",
                                    dots=False) if len(summary) and summary["ci_low"].notna().any()
                 else f"no interval: every {by} has fewer than {MIN_ARTICLES} articles quoting a named speaker")
    named = f"{n_quotes:,} quote{'' if n_quotes == 1 else 's'} with a named speaker" + (
        f" (of {n_all_quotes:,})" if n_all_quotes is not None and n_all_quotes != n_quotes else "")
    outlets = summary[by].nunique() if len(summary) else 0
    sizes = corpus_caption(corpus, events=_n_events(values), articles=quoting)[:-1]
    return (f"Share of each article's quoted words by named speaker (anonymous sources left out), mean over the "
            f"outlet's articles (most quoted speakers; {_quoting_articles(quoting, n_articles)}; {intervals}), "
            f"{pooled_over(values)}. {tests}"
            f"{sizes}, {named}, {outlets:,} {by}{'' if outlets == 1 else 's'}.")


def _quoting_articles(quoting: int, n_articles: int) -> str:
    """"1 of 3 articles quotes a named speaker, the other 2 left out": the verb agrees with the
    articles that quote (one of them quotes, two of them quote), and the rest is named only when
    there is a rest."""
    rest = n_articles - quoting
    left = "" if rest <= 0 else ", the other left out" if rest == 1 else f", the other {rest:,} left out"
    return f"{quoting:,} of {n_articles:,} articles quote{'s' if quoting == 1 else ''} a named speaker{left}"


def _n_events(table: pd.DataFrame) -> int:
    """The events of `table`, as `events.pooled_over` counts them (a table without `event` is one)."""
    return table["event"].nunique() if "event" in table else 1
