"""Quote measures per article, then per outlet over articles (framing.sources.summaries)."""
import numpy as np
import pandas as pd
import pytest

import framing as fr


def _sentences(articles: dict) -> pd.DataFrame:
    """A sentence table from {(article_id, outlet, event): [sentences]}."""
    rows = [{"article_id": article, "outlet": outlet, "event": event, "sentence_id": number, "text": text,
             "kind": "body", "position": number / len(texts)}
            for (article, outlet, event), texts in articles.items() for number, text in enumerate(texts)]
    return pd.DataFrame(rows)


LONG = [f"“Talks on the {topic} are stalled,” officials said." for topic in
        ("border", "budget", "tariffs", "pipeline", "treaty", "grain deal", "ceasefire", "visa rules")]
SHORT = ["“We will vote on Tuesday,” Senator Maria Lopez said.", "The vote was set for Tuesday."]


@pytest.fixture(scope="module")
def mixed():
    """Outlet A: one article of eight anonymous quotes and two of one named quote each; outlet B:
    one article with no quote at all."""
    sentences = _sentences({("a1", "A", "e1"): LONG, ("a2", "A", "e1"): SHORT, ("a3", "A", "e2"): SHORT,
                            ("b1", "B", "e1"): ["The vote was set for Tuesday.", "Nobody spoke."]})
    quotes = fr.extract_quotes(sentences)
    return sentences, quotes, fr.article_quote_shares(quotes, sentences)


def test_each_article_gets_its_own_shares(mixed):
    _, quotes, values = mixed
    by_article = values.set_index("article_id")
    assert by_article.loc["a1", "n_quotes"] == len(LONG) and by_article.loc["a1", "share_anonymous"] == 1
    assert by_article.loc["a2", "n_quotes"] == 1 and by_article.loc["a2", "share_anonymous"] == 0
    assert np.isnan(by_article.loc["b1", "share_anonymous"]) and by_article.loc["b1", "n_quotes"] == 0
    assert by_article["n_quotes"].sum() == len(quotes)


def test_the_outlet_value_is_the_mean_over_articles_not_the_pooled_share(mixed):
    _, _, values = mixed
    summary = fr.summarise_quote_shares(values).set_index(["measure", "outlet"])
    anonymous = summary.loc[("share_anonymous", "A")]
    assert anonymous["n_articles"] == 3
    assert anonymous["mean"] == pytest.approx(1 / 3)  # (1 + 0 + 0) / 3 articles
    assert anonymous["pooled_share"] == pytest.approx(len(LONG) / (len(LONG) + 2))  # 8 of 10 quotes
    assert anonymous["n_counted"] == len(LONG) and anonymous["n_of"] == len(LONG) + 2
    assert anonymous["interval"] == fr.stats.NO_INTERVAL  # three articles: no interval


def test_articles_with_nothing_to_share_are_counted_as_left_out(mixed):
    _, _, values = mixed
    summary = fr.summarise_quote_shares(values).set_index(["measure", "outlet"])
    assert summary.loc[("share_anonymous", "B"), "n_articles"] == 0
    assert summary.loc[("share_anonymous", "B"), "n_left_out"] == 1
    assert summary.loc[("share_anonymous", "A"), "n_left_out"] == 0


def test_officials_and_evaluative_verbs_per_article():
    sentences = _sentences({("x", "A", "e"): ["“It is over,” Senator Maria Lopez warned.",
                                              "“It is not,” said Tom Baker, a local farmer."]})
    values = fr.article_quote_shares(fr.extract_quotes(sentences), sentences).iloc[0]
    assert values["n_quotes"] == 2
    assert values["share_official"] == pytest.approx(0.5)  # the senator, not the farmer
    assert values["share_evaluative"] == pytest.approx(0.5)  # warned, not said


def test_intervals_come_from_enough_articles():
    texts = {(f"a{i}", "A", f"e{i}"): [LONG[i % len(LONG)] if i % 2 else SHORT[0]] for i in range(8)}
    sentences = _sentences(texts)
    summary = fr.summarise_quote_shares(fr.article_quote_shares(fr.extract_quotes(sentences), sentences))
    row = summary.set_index("measure").loc["share_anonymous"]
    assert row["n_articles"] == 8 and row["mean"] == pytest.approx(0.5)
    assert row["ci_low"] < 0.5 < row["ci_high"]


def test_speaker_shares_on_the_seeds(seed_sentences):
    quotes = fr.extract_quotes(seed_sentences)
    values = fr.article_speaker_shares(quotes)
    sums = values.groupby("article_id")["word_share"].sum()
    assert ((sums > 0) & (sums <= 1 + 1e-9)).all()  # top speakers' shares of each article's named quotes
    shares = fr.summarise_speaker_shares(values)
    assert (shares["n_articles"] == 1).all() and shares["ci_low"].isna().all()  # one article per outlet
    pooled = fr.summarise_speakers(quotes).set_index(["outlet", "speaker"])["n_words"]
    mine = shares.set_index(["outlet", "speaker"])["n_words"]
    assert (mine[mine > 0] == pooled.reindex(mine[mine > 0].index)).all()


def test_seed_shares_match_counts(seed_sentences):
    quotes = fr.extract_quotes(seed_sentences)
    values = fr.article_quote_shares(quotes, seed_sentences)
    assert values["n_quotes"].sum() == len(quotes)
    assert values["n_evaluative"].sum() == (quotes["verb_stance"] == "evaluative").sum()
    plotted = fr.plot_quote_shares(fr.summarise_quote_shares(values), articles=values)
    assert len(plotted.get_yticks()) == 3 * values["outlet"].nunique()


@pytest.fixture(scope="module")
def never_anonymous():
    """Outlet A: five articles on five events, each one named senator's quote (0% anonymous);
    outlet B: five articles on the same events, each quoting officials unnamed (100%); outlet C: an
    article with no quote."""
    texts = {**{(f"a{i}", "A", f"e{i}"): [SHORT[0]] for i in range(5)},
             **{(f"b{i}", "B", f"e{i}"): [LONG[i]] for i in range(5)},
             ("c0", "C", "e0"): ["The vote was set for Tuesday."]}
    sentences = _sentences(texts)
    return fr.article_quote_shares(fr.extract_quotes(sentences), sentences)


def test_every_article_at_zero_gets_an_exact_bound_not_a_zero_width_interval(never_anonymous):
    summary = fr.summarise_quote_shares(never_anonymous).set_index(["measure", "outlet"])
    none = summary.loc[("share_anonymous", "A")]
    assert none["n_articles"] == 5 and none["mean"] == 0
    # five articles all at 0: a bootstrap over them has zero width; the share could be far from 0
    assert none["ci_low"] == 0 and none["ci_high"] == pytest.approx(1 - 0.025 ** (1 / 5))
    assert "Clopper-Pearson" in none["interval"]
    every = summary.loc[("share_anonymous", "B")]
    assert every["ci_high"] == 1 and every["ci_low"] == pytest.approx(0.025 ** (1 / 5))
    caption = fr.describe_intervals(summary.reset_index(), measure="quote share", method="korn-graubard")
    assert "exact binomial bound" in caption


def test_the_exact_bound_is_scipys_clopper_pearson_interval():
    from scipy.stats import binomtest

    for n in (5, 12, 40):
        expected = binomtest(0, n).proportion_ci(method="exact")
        assert fr.stats.share_bound(n, 0) == pytest.approx((expected.low, expected.high))
    with pytest.raises(ValueError):
        fr.stats.share_bound(5, 0.5)


def test_an_outlet_without_a_value_says_why_it_has_no_interval(never_anonymous):
    summary = fr.summarise_quote_shares(never_anonymous).set_index(["measure", "outlet"])
    assert summary.loc[("share_anonymous", "C"), "n_articles"] == 0
    assert summary.loc[("share_anonymous", "C"), "interval"] == fr.stats.NO_VALUE


def test_speaker_chart_of_article_means_says_so_on_its_axis():
    """Regression: the speaker chart of notebook 05 draws means over articles of each article's
    share (`summarise_speaker_shares`) and its axis read "share of the outlet's quoted words", the
    pooled share it no longer draws."""
    texts = {**{(f"a{i}", "A", f"e{i}"): [SHORT[0], "“No,” Tom Baker said."] for i in range(3)},
             **{(f"b{i}", "B", f"e{i}"): [SHORT[0]] for i in range(3)}}
    sentences = _sentences(texts)
    quotes = fr.extract_quotes(sentences)
    averaged = fr.plot_quote_share(fr.summarise_speaker_shares(fr.article_speaker_shares(quotes)))
    assert "mean over the outlet's articles" in averaged.get_xlabel()
    legend = [text.get_text() for text in averaged.get_legend().get_texts()]
    assert sorted(legend) == ["A (3 articles)", "B (3 articles)"]  # the n behind each outlet's means
    pooled = fr.plot_quote_share(fr.summarise_speakers(quotes))
    assert pooled.get_xlabel() == "share of the outlet's quoted words (%)"


def test_quote_captions_count_the_events_the_chart_draws_on():
    """Regression: the quote charts' captions said "pooled over 100 events" (every event of the
    corpus) beside "n = 91 events" (those with an article that quotes, which the chart draws on;
    allsides-100). Here the third event has no quote: both charts draw on two events and say two."""
    sentences = _sentences({("a1", "A", "e1"): LONG, ("b1", "B", "e1"): SHORT,
                            ("a2", "A", "e2"): SHORT, ("b2", "B", "e2"): ["The vote was set for Tuesday."],
                            ("a3", "A", "e3"): ["Nobody spoke."], ("b3", "B", "e3"): ["The hall was empty."]})
    quotes = fr.extract_quotes(sentences)
    values = fr.article_quote_shares(quotes, sentences)
    shares = fr.summarise_quote_shares(values)
    long = values.melt(id_vars=["article_id", "outlet", "event"], value_vars=list(fr.QUOTE_MEASURES),
                       var_name="measure", value_name="share").dropna(subset=["share"])
    test = fr.compare_outlets(long, value="share", family="measure")
    caption = fr.caption_quote_shares(values, shares, test, corpus="c", n_quotes=len(quotes))
    assert "pooled over 2 events" in caption and "n = 2 events, 3 articles" in caption, caption
    assert "3 events" not in caption and "(3 without a quote" in caption
    speaker_values = fr.article_speaker_shares(quotes)
    speaker_shares = fr.summarise_speaker_shares(speaker_values)
    caption = fr.caption_speaker_shares(speaker_values, speaker_shares, None, corpus="c",
                                        n_articles=sentences["article_id"].nunique(),
                                        n_quotes=int((quotes["speaker"].notna() & ~quotes["is_anonymous"]).sum()))
    quoting = speaker_values["article_id"].nunique()  # a1 quotes only "officials": no named speaker
    assert quoting == 2 and "2 of 6 articles quote a named speaker, the other 4 left out" in caption, caption
    assert "pooled over 2 events" in caption and "n = 2 events, 2 articles" in caption and "3 events" not in caption


def test_the_speaker_chart_leaves_anonymous_sources_out_and_its_caption_counts_what_it_draws(mixed, seed_sentences):
    """Regression: the speaker chart drew "officials" beside named people while its caption
    counted "articles that quote a named speaker"; it said "23 quotes" beside the quote-shares
    chart's 24 (seeds), and "intervals over articles in the table" when the table had none."""
    sentences, quotes, _ = mixed
    assert quotes.loc[quotes["is_anonymous"], "speaker"].notna().any()  # "officials" is a speaker here
    values = fr.article_speaker_shares(quotes)
    assert not set(values["speaker"]) & set(quotes.loc[quotes["is_anonymous"], "speaker"])
    assert "a1" not in set(values["article_id"])  # it quotes officials only
    for table, all_quotes in ((sentences, quotes), (seed_sentences, fr.extract_quotes(seed_sentences))):
        values = fr.article_speaker_shares(all_quotes)
        shares = fr.summarise_speaker_shares(values)
        named = int((all_quotes["speaker"].notna() & ~all_quotes["is_anonymous"]).sum())
        caption = fr.caption_speaker_shares(values, shares, None, corpus="c", n_articles=table["article_id"].nunique(),
                                            n_quotes=named, n_all_quotes=len(all_quotes))
        assert f"{named} quote{'s' if named != 1 else ''} with a named speaker (of {len(all_quotes)})" in caption, caption
        assert shares["ci_low"].isna().all() and "no interval" in caption and "in the table" not in caption, caption
        quoting = values["article_id"].nunique()
        assert f"{quoting} of {table['article_id'].nunique()} articles quote{'s' if quoting == 1 else ''} a named speaker" in caption


def test_the_speaker_caption_agrees_in_number_with_the_articles_that_quote():
    """Regression: "1 of 3 articles quote a named speaker, the others left out" (allsides-100, an
    event of three articles with one quoting). Sentences of that corpus: one of three articles
    quotes a named speaker (a singular verb, "the other 2"); two of two quote (a plural verb, and
    no "others" left out when there are none)."""
    schumer = ("\u201cI thank my Democratic colleagues for showing unity in solving this "
               "Republican-manufactured crisis,\u201d Schumer said.")
    graham = "\u201cWe had a strategy and we abandoned it,\u201d Sen. Lindsey Graham told CNN."
    plain = "The Senate approved an extension of the federal debt ceiling on Thursday."
    one = _sentences({("a1", "National Review", "e1"): [plain, schumer], ("b1", "Axios", "e1"): [plain],
                      ("c1", "The Hill", "e1"): [plain]})
    two = _sentences({("a1", "National Review", "e1"): [schumer], ("b1", "Axios", "e1"): [graham]})
    for table, says in ((one, "1 of 3 articles quotes a named speaker, the other 2 left out;"),
                        (two, "2 of 2 articles quote a named speaker;")):
        quotes = fr.extract_quotes(table)
        values = fr.article_speaker_shares(quotes)
        caption = fr.caption_speaker_shares(values, fr.summarise_speaker_shares(values), None, corpus="c",
                                            n_articles=table["article_id"].nunique(), n_quotes=len(quotes))
        assert says in caption, caption


def test_the_speaker_chart_names_an_organisation_as_one(shared_sentence_table):
    """Regression: on lean-labelled AllSides events the chart "Who is quoted, and how much" listed
    Pfizer, YouTube and the White House among people. A speaker that is no person keeps its bar and
    is labelled with its kind, as the event pages write it ("Pfizer [organisation]"); people are not."""
    table = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides-roundups")]
    quotes = fr.extract_quotes(table)
    shares = fr.summarise_speaker_shares(fr.article_speaker_shares(quotes, n=40))
    kinds = shares.drop_duplicates("speaker").set_index("speaker")["speaker_kind"]
    assert {"person", "organisation"} <= set(kinds)
    ax = fr.plot_quote_share(shares, n=40)
    from framing.plots.style import name_label

    labels = {t.get_text() for t in ax.get_yticklabels()}
    expected = {name_label(speaker if kind == "person" else f"{speaker} [{kind}]") for speaker, kind in kinds.items()}
    assert labels <= expected and len(labels) > 10
    assert any(text.endswith("[organisation]") for text in labels)
