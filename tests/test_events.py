"""Events: outlets compared within events, one page per event, on the seeds and real AllSides
roundups (several outlets covering the same events)."""
import html
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing import events
from framing.config import CONTENT_KINDS
from framing.events import paired
from framing.report import event_html

N_EVENTS = 5

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3"], "outlet": ["Left Post", "Right Daily", "Left Post"],
    "event": ["summit", "summit", "vote"]})
REMOVED = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3"], "line": [1, 2, 1, 4],
                        "rule": ["menu"] * 4, "text": ["Home"] * 4})


# ── choosing events and outlets ──────────────────────────────────────────────────────────────────

def test_select_outlets_uses_articles_for_tables_without_outlet():
    assert events.select_outlets(ARTICLES, None).equals(ARTICLES)
    assert events.select_outlets(ARTICLES, ["Right Daily"])["article_id"].tolist() == ["a2"]
    assert events.select_outlets(REMOVED, "Left Post", articles=ARTICLES)["article_id"].tolist() == \
        ["a1", "a1", "a3"]
    with pytest.raises(ValueError, match="articles="):
        events.select_outlets(REMOVED, ["Left Post"])


def test_pooled_over_says_when_outlets_cover_different_events():
    """Regression (a new user's trust pass, AllSides events 401-480 with Right's articles dropped from
    half the events): captions said "pooled over 66 events" while Right covered 33 of them, so its
    pooled share mixed which events it covered with how it covered them."""
    balanced = pd.concat([ARTICLES, pd.DataFrame({"article_id": ["a4"], "outlet": ["Right Daily"], "event": ["vote"]})])
    assert events.pooled_over(balanced) == "pooled over 2 events"
    uneven = pd.DataFrame({"outlet": ["Left"] * 3 + ["Right"], "event": ["e1", "e2", "e3", "e1"]})
    assert events.pooled_over(uneven) == "pooled over 3 events (outlets cover 1 to 3 of them)"
    assert events.pooled_over(uneven.drop(columns="outlet")) == "pooled over 3 events"


def test_pooled_over_names_the_one_event_a_chart_shows():
    """Regression: a chart of one event (the `event` parameter of the notebooks) said "one event"
    without saying which, so a figure exported from it could not be told from another event's."""
    assert events.pooled_over(ARTICLES) == "pooled over 2 events (outlets cover 1 to 2 of them)"
    assert events.pooled_over(events.select_event(ARTICLES, "vote")) == "one event, vote"
    assert events.pooled_over(ARTICLES.drop(columns="event")) == "one event"  # no event column: unnamed
    headline = ARTICLES.assign(event="Senate votes to extend the debt ceiling through early December after weeks")
    assert len(events.pooled_over(headline)) <= len("one event, ") + events.EVENT_NAME_CHARS


def test_select_event_narrows_every_table_and_names_the_events_when_unknown():
    assert events.select_event(ARTICLES, "summit")["article_id"].tolist() == ["a1", "a2"]
    assert events.select_event(REMOVED, "vote", articles=ARTICLES)["line"].tolist() == [4]
    assert events.select_event(ARTICLES, None).equals(ARTICLES)
    with pytest.raises(ValueError) as error:
        events.select_event(ARTICLES, "election")
    message = str(error.value)
    assert "\n" not in message and "'election'" in message and "summit, vote" in message


def test_list_events_and_the_default_is_the_one_with_most_outlets():
    table = events.list_events(ARTICLES)
    assert table[["event", "n_outlets", "n_articles"]].values.tolist() == [["summit", 2, 2], ["vote", 1, 1]]
    assert table.loc[0, "outlets"] == "Left Post; Right Daily"
    assert events.default_event(ARTICLES) == "summit"


def test_events_tied_on_outlets_and_articles_are_ranked_by_their_sentences_then_by_name():
    """Regression: with every event of a roundup covered by three outlets in three articles, notebook
    06 showed the first event by name ("allsides_5614" of 101 tied), whatever it held; the event
    with the most sentences to compare now comes first, by name only among those with as many."""
    sentences = pd.DataFrame({
        "article_id": ["a", "a", "b", "c", "c", "c", "d", "d", "d", "e", "f", "f"],
        "sentence_id": [0, 1, 0, 0, 1, 2, 0, 1, 2, 0, 0, 1],
        "outlet": ["L", "L", "R", "L", "L", "L", "R", "R", "R", "L", "R", "R"],
        "event": ["alpha"] * 3 + ["beta"] * 6 + ["gamma"] * 3})  # alpha 3 sentences, beta 6, gamma 3
    listed = events.list_events(sentences)
    assert listed[["event", "n_outlets", "n_articles", "n_sentences"]].values.tolist() == [
        ["beta", 2, 2, 6], ["alpha", 2, 2, 3], ["gamma", 2, 2, 3]]  # alpha before gamma: as many, by name
    assert events.default_event(sentences) == "beta"
    articles = sentences.groupby(["article_id", "outlet", "event"], as_index=False).size().rename(
        columns={"size": "n_sentences"})  # an articles table: its own counts
    assert events.list_events(articles)["event"].tolist() == ["beta", "alpha", "gamma"]
    assert events.list_events(ARTICLES)["n_sentences"].tolist() == [0, 0]  # no count: ties stay by name


# ── the paired comparison over events ────────────────────────────────────────────────────────────

def test_paired_difference_counts_events_and_gives_exact_p_values():
    a = np.arange(1.0, 8.0)
    result = events.paired_difference(a, a - np.array([1, 2, 3, 4, 5, 6, 7]) / 10)
    assert (result["n_events"], result["n_a_more"], result["n_b_more"], result["n_ties"]) == (7, 7, 0, 0)
    assert result["p_sign"] == pytest.approx(2 * 0.5 ** 7)  # all 7 one way: exact binomial
    assert result["p_wilcoxon"] == pytest.approx(2 / 2 ** 7)  # the most extreme of 128 sign patterns
    assert result["median_difference"] == pytest.approx(0.4)


def test_more_negative_means_a_lower_sentiment_and_ties_are_not_counted():
    result = events.paired_difference([-0.2, -0.1, 0.0, 0.3], [0.1, 0.1, 0.0, 0.1], sign=-1, min_events=2)
    assert (result["n_a_more"], result["n_b_more"], result["n_ties"]) == (2, 1, 1)
    assert result["p_sign"] == pytest.approx(1.0)


def test_within_one_event_there_is_nothing_to_test():
    result = events.paired_difference([0.1], [-0.3])
    assert math.isnan(result["p_wilcoxon"]) and math.isnan(result["p_sign"])
    assert "within one event there is nothing to test" in result["note"]
    assert events.paired_difference([], [])["note"] == "no event where both have a value"


def test_compare_within_events_pairs_outlets_on_the_events_both_cover():
    scores = pd.DataFrame({
        "event": ["e1", "e1", "e2", "e2", "e3", "e3", "e3", "e3"],
        "outlet": ["A", "B", "A", "B", "A", "B", "C", "A"],
        "sentiment": [-0.5, 0.1, -0.2, 0.0, 0.0, 0.2, 0.3, -0.4],
        "conflict": [0.5, 0.1, 0.2, 0.3, 0.4, 0.4, 0.0, 0.0]})
    pairs = events.compare_within_events(scores)
    ab = pairs[(pairs["outlet_a"] == "A") & (pairs["outlet_b"] == "B")].set_index("measure")
    assert ab.loc["sentiment", "n_events"] == 3 and ab.loc["sentiment", "n_a_more"] == 3  # A's e3 mean is −0.2
    assert ab.loc["sentiment", "direction"] == "more negative"
    assert (ab.loc["conflict", "n_a_more"], ab.loc["conflict", "n_b_more"], ab.loc["conflict", "n_ties"]) == (1, 2, 0)
    ac = pairs[(pairs["outlet_a"] == "A") & (pairs["outlet_b"] == "C")]
    assert (ac["n_events"] == 1).all() and ac["p_wilcoxon"].isna().all()
    assert set(pairs["measure"]) == {"sentiment", "conflict"}  # measures the table does not have are left out
    sentences = events.describe_pairs(ab.reset_index())
    # three events: below the minimum of an interval, so no median difference is given as an effect size
    assert ab["median_difference"].isna().all()
    assert sentences.iloc[0] == ("Not tested: A is more negative than B in 3 of 3 events (too few events for an effect size: "
                                 "fewer than 5; only 3 events covered by both: too few to test (over 3 events no "
                                 "paired test can give p below 0.25)).")
    # Regression: one event in common read "in 1 of 1 events" (AllSides events 401-469, event pages)
    one = events.describe_pairs(ac.reset_index()).iloc[0]
    assert " of 1 event (" in one and "1 events" not in one
    # B leads on conflict: it is named first and the events A leads are said
    assert sentences.iloc[1].startswith("Not tested: B is more often conflict-framed than A in 2 of 3 events, A than B in 1 (")
    six = pd.DataFrame({"event": np.repeat([f"e{i}" for i in range(6)], 2), "outlet": ["A", "B"] * 6,
                        "conflict": [0.1, 0.3, 0.2, 0.3, 0.1, 0.2, 0.4, 0.2, 0.0, 0.1, 0.1, 0.3]})
    text = events.describe_pairs(events.compare_within_events(six)).iloc[0]
    # the difference is B − A, B being more so more often
    assert text.startswith("No evidence of a difference at 0.05 after adjustment: "
                           "B is more often conflict-framed than A in 5 of 6 events, A than B in 1 "
                           "(median difference B − A +0.1, 95% interval -0.2 to +0.2; Wilcoxon p = ")


def _pairs_joined_one_by_one(scores):
    """`compare_within_events` as first written: every pair of outlets joined on its events, and
    scipy's tests run on each pair's own differences (what the faster table must equal)."""
    from itertools import combinations

    from scipy import stats

    from framing.stats import adjust_p

    wide = events.score_event_outlets(scores)
    measures = [m for m in events.MEASURES if m in scores]
    rows = []
    for a, b in combinations(sorted(wide["outlet"].unique()), 2):
        both = wide[wide["outlet"] == a].merge(wide[wide["outlet"] == b], on="event", suffixes=("_a", "_b"))
        for measure in measures if len(both) else []:
            row = {"outlet_a": a, "outlet_b": b, "measure": measure}
            pair = both[[f"{measure}_a", f"{measure}_b"]].dropna()
            diff = (pair.iloc[:, 0] - pair.iloc[:, 1]).to_numpy()
            more = np.sign(events.MEASURES[measure][1] * diff)
            untied = int((more != 0).sum())
            row["n_events"], row["n_a_more"] = len(diff), int((more > 0).sum())
            row["p_sign"] = (stats.binomtest(row["n_a_more"], untied).pvalue
                             if len(diff) >= 2 and untied else (1.0 if len(diff) >= 2 else np.nan))
            row["p_wilcoxon"] = (stats.wilcoxon(diff[diff != 0]).pvalue
                                 if len(diff) >= 2 and untied else (1.0 if len(diff) >= 2 else np.nan))
            rows.append(row)
    table = pd.DataFrame(rows)
    table["p_adjusted"] = adjust_p(table["p_wilcoxon"], method="fdr_bh")
    return table


def test_pairs_of_many_outlets_get_the_p_values_of_each_pair_joined_on_its_events():
    """Comparing 145 outlets (all of allsides-roundups) joined 10,440 pairs one by one and ran
    scipy's Wilcoxon test on each, enumerating 2^n sign flips when differences tie (counts of
    quotes): 100 s of notebook 07. The table now joins only the pairs with an event in common and
    runs each test once per distinct set of signed ranks; its values must be the same numbers."""
    rng = np.random.default_rng(7)
    rows = []
    for event in range(40):  # 16 outlets, each event covered by 2 to 5 of them, some twice
        for outlet in rng.choice(16, size=rng.integers(2, 6), replace=False):
            for _ in range(1 + (rng.random() < 0.15)):
                rows.append({"event": f"e{event:02d}", "outlet": f"Outlet {outlet:02d}",
                             "sentiment": round(rng.normal(0, 0.2), 3), "conflict": rng.integers(0, 4) / 4,
                             "quote_share": int(rng.integers(0, 3)) / 8, "official_quote_share": int(rng.integers(0, 2)) / 8,
                             "main_actor_sentiment": rng.normal() if rng.random() < 0.6 else np.nan})
    scores = pd.DataFrame(rows)
    from framing.stats import adjust_p

    pairs = events.compare_within_events(scores, min_events=2)  # from 2 events, to test many pairs
    expected = _pairs_joined_one_by_one(scores)
    columns = ["outlet_a", "outlet_b", "measure", "n_events", "n_a_more"]
    pd.testing.assert_frame_equal(pairs[columns], expected[columns])
    expected["robustness_p_sign_adjusted"] = adjust_p(expected["p_sign"], method="fdr_bh")
    for column in ("robustness_p_sign_adjusted", "p_wilcoxon", "p_adjusted"):  # the same floats, not merely close ones
        assert pairs[column].fillna(-1).tolist() == expected[column].fillna(-1).tolist(), column
    assert len(pairs) < 120 * len(events.MEASURES)  # not every one of the 120 pairs covers an event with another
    assert pairs["p_wilcoxon"].notna().sum() > 100  # ties and small n: scipy's exact permutation path is exercised


@pytest.mark.parametrize("differences", [
    [1, 2, 3, -4, 5],  # no ties: the exact distribution
    [1, 1, -1, 2, 2, -3],  # ties, n <= 13: every sign flip
    [0.25, -0.25, 0.5, 0.5, 0.75, -1.0, 0.25],
    [1, -1] * 4 + [2, 3, -2, 4, 5, 1, 6, -7],  # ties, n > 13: the normal approximation
    np.linspace(-1, 2, 20).round(3).tolist()])
def test_the_wilcoxon_p_value_of_signed_ranks_is_that_of_the_differences(differences):
    from scipy import stats

    d = np.array(differences, dtype=float)
    d = d[d != 0]
    assert paired._wilcoxon_p(paired._signed_ranks(d)) == stats.wilcoxon(d).pvalue


def test_a_pair_finding_says_no_evidence_rather_than_no_difference_and_never_minus_zero():
    """Regression: on allsides-100 notebook 07 read "CNN (Online News) is quoting officials more than
    Axios in 2 of 6 events (median difference CNN (Online News) − Axios -0; …; not beyond chance)":
    a median of zero printed as "-0" when the second outlet leads (then "+0", a direction where there
    is none: it reads "0"), and a test that does not reject worded as if the difference were chance
    rather than as no evidence of one."""
    # B quotes officials more in 2 of 6 events, A in 1, 3 ties: the median of A − B is 0
    six = pd.DataFrame({"event": np.repeat([f"e{i}" for i in range(6)], 2), "outlet": ["A", "B"] * 6,
                        "official_quote_share": np.array([0, 1, 0, 2, 1, 0, 1, 1, 0, 0, 2, 2]) / 10})
    pairs = events.compare_within_events(six)
    assert pairs.loc[0, "median_difference"] == 0
    text = events.describe_pairs(pairs).iloc[0]
    assert text.startswith("No evidence of a difference at 0.05 after adjustment: B is quoting officials in more of "
                           "its sentences than A in 2 of 6 events, A than B in 1, tied in 3 "
                           "(median difference B − A 0, 95% interval -0.1 to +0.2; Wilcoxon p = ")
    assert not re.search(r"[-+]0(?![.\d])", text)  # no direction for no difference
    assert "beyond chance" not in text


def test_the_pair_table_adjusts_every_p_value_it_shows_and_gives_the_median_an_interval():
    """Regression: the pair table showed the unadjusted sign-test p (`p_sign`) beside the
    Benjamini–Hochberg adjusted Wilcoxon p, so a reader could quote whichever was smaller, and its
    `median_difference` had no interval. The sign test is now a robustness column adjusted the same
    way, and the median has its order-statistic interval (the one the sign test inverts)."""
    from scipy import stats

    from framing.stats import adjust_p

    rng = np.random.default_rng(3)
    rows = [{"event": f"e{e}", "outlet": outlet, "sentiment": rng.normal(-0.1 * (outlet == "A"), 0.1)}
            for e in range(20) for outlet in "ABC"]
    pairs = events.compare_within_events(pd.DataFrame(rows))
    assert "p_sign" not in pairs.columns
    shown = [c for c in pairs.columns if c.startswith("p_") or c.endswith("_adjusted")]
    assert shown == ["p_wilcoxon", "p_adjusted", "robustness_p_sign_adjusted"]
    assert list(pairs.columns[-2:]) == ["note", "robustness_p_sign_adjusted"]  # after the test, not beside it
    signs = [stats.binomtest(k, k + m).pvalue for k, m in zip(pairs["n_a_more"], pairs["n_b_more"])]
    assert pairs["robustness_p_sign_adjusted"].tolist() == pytest.approx(adjust_p(signs, method="fdr_bh").tolist())
    # the interval: order statistics k and n − k + 1 with P(k ≤ B ≤ n − k) ≥ 0.95, B ~ Binomial(n, ½)
    wide = pd.DataFrame(rows).pivot(index="event", columns="outlet", values="sentiment")
    for row in pairs.itertuples():
        d = np.sort((wide[row.outlet_a] - wide[row.outlet_b]).to_numpy())
        n = len(d)
        k = max(j for j in range(1, n // 2 + 1) if 1 - 2 * stats.binom.cdf(j - 1, n, 0.5) >= 0.95)
        assert (row.median_ci_low, row.median_ci_high) == (d[k - 1], d[n - k]), (k, d)
        assert row.median_ci_low <= row.median_difference <= row.median_ci_high
    assert (pairs["median_ci_high"] - pairs["median_ci_low"]).gt(0).all()
    # five events: a median, but no 95% interval exists (min to max covers 1 − 2/32), and the row says so
    five = events.paired_difference([0.3, 0.1, 0.2, 0.5, 0.4], [0.0] * 5)
    assert five["median_difference"] == pytest.approx(0.3) and math.isnan(five["median_ci_low"])
    assert five["effect_note"] == ("no 95% interval for the median from 5 events (the widest, from the "
                                   "smallest to the largest difference, covers 93.8%)")
    six = events.paired_difference([0.3, 0.1, 0.2, 0.5, 0.4, -0.1], [0.0] * 6)
    assert (six["median_ci_low"], six["median_ci_high"]) == (-0.1, 0.5) and six["effect_note"] == ""
    text = events.describe_pairs(pairs).iloc[0]
    row = pairs.iloc[0]
    assert f"95% interval {row.median_ci_low:+.3g} to {row.median_ci_high:+.3g}" in text or \
        f"95% interval {-row.median_ci_high:+.3g} to {-row.median_ci_low:+.3g}" in text


def test_a_pair_finding_gives_the_verdict_before_the_count_of_events():
    """Regression: on 100 AllSides events notebook 07 opened its table with "Right is quoting more
    than Left in 44 of 100 events, Left than Right in 20 (…; no evidence of a difference at 0.05
    after adjustment)": a reader who stops at the count takes 44 of 100 for a finding, and the 36
    tied events were not said. The verdict now comes first and the counts add up to the events."""
    rng = np.random.default_rng(7)
    # the same distribution for both outlets, many tied events (counts of quotes are often equal)
    rows = [{"event": f"e{e}", "outlet": outlet, "quote_share": int(rng.poisson(0.6)) / 10}
            for e in range(40) for outlet in "AB"]
    pairs = events.compare_within_events(pd.DataFrame(rows))
    row = pairs.iloc[0]
    assert row["n_ties"] > 0 and row["p_adjusted"] >= 0.05
    text = events.describe_pairs(pairs).iloc[0]
    assert text.startswith("No evidence of a difference at 0.05 after adjustment: ")
    assert f"tied in {row['n_ties']} (" in text
    shifted = pd.DataFrame(rows).assign(quote_share=lambda t: t["quote_share"] + 0.2 * (t["outlet"] == "A"))
    text = events.describe_pairs(events.compare_within_events(shifted)).iloc[0]
    assert text.startswith("Evidence of a difference at 0.05 after adjustment: A is quoting in more of its sentences than B in ")


def test_a_pair_finding_says_when_the_sign_test_does_not_confirm_it():
    """A Wilcoxon p below 0.05 after adjustment that the sign test (adjusted alike) does not
    confirm is said in the finding, so that the claim is read with its robustness check."""
    row = {"outlet_a": "A", "outlet_b": "B", "direction": "more negative", "n_events": 12, "n_a_more": 8,
           "n_b_more": 4, "n_ties": 0, "median_difference": 0.2, "median_ci_low": -0.05, "median_ci_high": 0.4,
           "effect_note": "", "p_wilcoxon": 0.004, "p_adjusted": 0.02, "note": "",
           "robustness_p_sign_adjusted": 0.39}
    text = events.describe_pairs(pd.DataFrame([row])).iloc[0]
    assert text.endswith("; Wilcoxon p = 0.004, adjusted 0.02; the sign test does not confirm it (adjusted p = 0.39)).")
    text = events.describe_pairs(pd.DataFrame([{**row, "robustness_p_sign_adjusted": 0.03}])).iloc[0]
    assert "sign test" not in text


def test_is_official_reads_office_words():
    assert events.is_official("Defense Secretary Pete Hegseth")
    assert events.is_official("U.S. officials")
    assert events.is_official("the president")
    assert not events.is_official("Pete Hegseth")
    assert not events.is_official(None)


def test_is_official_reads_abbreviated_titles():
    # "Sen. Lindsey Graham" (allsides-100) was no official: only spelled-out office words were read
    assert events.is_official("Sen. Lindsey Graham")
    assert events.is_official("Gov. Gavin Newsom")
    assert events.is_official("Rep. Jan Schakowsky")
    assert not events.is_official("Senior Lindsey Graham")  # the abbreviation needs its period
    assert not events.is_official("Atty. Jane Roe")  # an attorney holds no office


# ── the seed corpus: one event, one article per outlet ──────────────────────────────────────────

def test_a_speaker_named_with_an_office_elsewhere_in_the_article_is_an_official(seed_sentences):
    """Regression: one seed article names "Secretary of Defense Pete Hegseth" once and then quotes
    "Hegseth said" / "he said" eleven times; official_quotes was 0 for it, as only the words at the
    quote were read. A speaker the article never gives an office ("U.S.") stays no official."""
    from framing import actors, sources

    quotes = sources.extract_quotes(seed_sentences)
    found = actors.find_actors(seed_sentences)
    official = events.official_quote_mask(quotes, found)
    hegseth = quotes["speaker"] == "Pete Hegseth"
    assert hegseth.groupby(quotes["article_id"]).sum().min() >= 5  # both articles quote him often
    assert official[hegseth].all()
    assert not official[quotes["speaker"].isin(["U.S."]) | quotes["speaker"].isna()].any()
    titled_at_a_quote = quotes["speaker_label"].map(events.is_official).groupby(quotes["article_id"]).any()
    untitled = quotes["article_id"].map(~titled_at_a_quote)  # the article naming his office elsewhere
    assert untitled.any() and not events.official_quote_mask(quotes)[untitled].any()
    assert events.official_quote_mask(quotes)[hegseth & ~untitled].all()  # another quote names it
    scores = events.score_articles(seed_sentences, quotes=quotes, actors=found).set_index("article_id")
    assert (scores["official_quotes"] == official.groupby(quotes["article_id"]).sum()).all()
    assert scores["official_quotes"].min() >= 5


def test_quotes_are_compared_for_the_length_of_the_article_not_counted(seed_sentences):
    """Regression: notebook 07's pairs compared `quotes`, a count per article, so of two articles
    quoting at the same rate the longer was "quoting more": on full articles it measured length.
    An article that is another one twice over now ties with it (`quote_share`, the share of its
    sentences holding a quote), and the counts stay as columns that are not compared."""
    from framing.sources import extract_quotes

    content = seed_sentences[seed_sentences["kind"].isin(CONTENT_KINDS)]
    one = content[content["article_id"] == content["article_id"].iloc[0]]
    twice = pd.concat([one, one.assign(sentence_id=one["sentence_id"] + one["sentence_id"].max() + 1)])
    pair = pd.concat([one.assign(event="e", outlet="A", article_id="short"),
                      twice.assign(event="e", outlet="B", article_id="long")], ignore_index=True)
    quotes = extract_quotes(pair)
    assert len(quotes), "the seed article quotes someone"
    mentions = pd.DataFrame(columns=["event", "article_id", "actor", "actor_sentiment"])
    scores = events.score_articles(pair, scored=pair.assign(sentiment=0.0), hits=pd.DataFrame(
        columns=["article_id", "sentence_id", "scheme", "frame"]), quotes=quotes, mentions=mentions).set_index("article_id")
    assert scores.loc["long", "quotes"] == 2 * scores.loc["short", "quotes"]  # the count doubles
    assert scores.loc["long", "quote_share"] == pytest.approx(scores.loc["short", "quote_share"])
    assert scores.loc["short", "quote_share"] > 0
    holding = quotes.drop_duplicates(["article_id", "sentence_id"]).groupby("article_id").size()
    assert scores.loc["short", "quote_share"] == pytest.approx(holding["short"] / scores.loc["short", "n_sentences"])
    assert "quotes" not in events.MEASURES and "official_quotes" not in events.MEASURES
    repeated = pd.concat([scores.reset_index().assign(event=f"e{i}") for i in range(6)], ignore_index=True)
    pairs = events.compare_within_events(repeated).set_index("measure")
    assert pairs.loc["quote_share", "n_ties"] == 6  # the same rate: no outlet quotes more


@pytest.fixture(scope="module")
def seed_summary(seed_sentences, seed_articles):
    return events.summarise_event(seed_sentences, articles=seed_articles)


def test_seed_scores_are_each_articles_own_values(seed_sentences):
    scores = events.score_articles(seed_sentences)
    assert len(scores) == seed_sentences["article_id"].nunique() == 2
    assert scores["sentiment"].between(-1, 1).all() and scores["conflict"].between(0, 1).all()
    headlines = seed_sentences[seed_sentences["kind"] == "headline"].groupby("article_id")["text"].first()
    assert scores.set_index("article_id")["title"].to_dict() == headlines.to_dict()
    pairs = events.compare_within_events(scores)
    assert (pairs["n_events"] == 1).all() and pairs["p_wilcoxon"].isna().all()
    assert pairs["note"].str.contains("nothing to test").all()
    # regression: the one event's difference of two articles was shown as a "median difference"
    assert pairs["median_difference"].isna().all()
    assert (pairs["effect_note"] == "too few events for an effect size: fewer than 5").all()
    assert "median difference" not in " ".join(events.describe_pairs(pairs))


def test_seed_event_page_shows_the_articles_and_claims_no_test(seed_summary, tmp_path):
    pages = events.save_event_pages([seed_summary], tmp_path, corpus="seeds")
    assert len(pages) == 1
    page = (tmp_path / pages.loc[0, "file"]).read_text(encoding="utf-8")
    assert "nothing to test" in page
    assert "no interval is drawn" in page
    for claim in ("95%", "p =", "p-value", "bootstrap", "confidence interval"):
        assert claim not in page, claim
    for title in seed_summary.articles["title"]:
        assert html.escape(title) in page
    assert page.count('class="outlet"') == seed_summary.articles["outlet"].nunique()
    gap = abs(seed_summary.articles["sentiment"].diff().iloc[-1])  # the two seed articles
    assert ("The two articles differ in mean sentiment by less than 0.10" in page) == (gap < events.CLOSE_TONE)
    assert ("No two articles differ in mean sentiment" in page) == (gap >= events.CLOSE_TONE)
    image = tmp_path / "events" / "figures" / (events.event_file(seed_summary.event)[:-5] + "_sentiment.png")
    assert image.stat().st_size > 0 and 'src="figures/' in page
    # the chart's table holds every content sentence of both articles, each with its own score
    assert set(seed_summary.sentences["article_id"]) == set(seed_summary.articles["article_id"])
    assert seed_summary.sentences.groupby("article_id").size().to_dict() == \
        seed_summary.articles.set_index("article_id")["n_sentences"].to_dict()


def test_event_page_shows_the_sentences_behind_its_frame_values(seed_summary, seed_sentences):
    """Regression: an event page gave each article's conflict share and frames ("responsibility (2 of
    8 sentences)") with no sentence behind them; now every sentence with a generic frame's cues is
    listed under its outlet with the frames and cue words."""
    from framing.frames import add_frames

    hits = add_frames(seed_sentences[seed_sentences["kind"].isin(CONTENT_KINDS)], scheme="generic")
    assert len(hits)
    page = events.render_event_page(seed_summary)
    section = page.split("<h2>The sentences behind the frames</h2>", 1)[1].split("<h2>", 1)[0]
    cued = hits.drop_duplicates(["article_id", "sentence_id"]).merge(seed_sentences, on=["article_id", "sentence_id"])
    for sentence in cued.itertuples():  # a list item without its bullet
        assert html.escape(event_html._without_bullet(sentence.text)) in section
    for hit in hits.itertuples():
        assert f"{hit.frame.replace('_', ' ')}: {hit.terms.replace('; ', ', ')}" in html.unescape(section)
    assert len(seed_summary.cues) == len(cued)


def test_seed_quotes_and_facts_are_sentences_with_their_outlet(seed_summary):
    assert not seed_summary.quotes.empty
    # Regression: the page gave each quote's verb as its lemma ("Lindsey Graham (tell)"), where
    # notebook 05 and the article have "told": now as written
    page = events.render_event_page(seed_summary)
    written = seed_summary.quotes.dropna(subset=["verb_text"])
    assert (written["verb_text"] != written["verb"]).any()  # "said" is not "say"
    for quote in written.itertuples():
        assert f" ({html.escape(quote.verb_text)}): " in page
    assert set(seed_summary.quotes["outlet"]) <= set(seed_summary.articles["outlet"])
    facts = seed_summary.facts
    assert set(facts["reported_by"]) == {"all outlets", "only this outlet"}
    assert facts["text"].str.len().gt(0).all() and facts["outlet"].notna().all()


def _section(page: str, title: str) -> str:
    return page.split(f"<h2>{title}</h2>", 1)[1].split("<h2>", 1)[0]


def test_event_page_shows_the_same_fact_in_each_outlets_words(seed_summary):
    """The seeds' "would not send troops to Ukraine" (news site) and "No U.S. Troops to Be Sent to
    Ukraine" (blog) are each other's closest sentence at the threshold: one row, a column per
    outlet, each with its sentiment; what only the blog reports (Lecornu, Pistorius) is in no row."""
    page = events.render_event_page(seed_summary)
    section = html.unescape(_section(page, "The same fact in each outlet's words"))
    outlets = sorted(seed_summary.articles["outlet"].unique())
    assert [cell.split("</th>")[0] for cell in section.split("<th>")[2:]] == outlets
    rows = section.split("<tr>")[2:]  # after the header's
    troops = [row for row in rows if "No U.S. Troops to Be Sent to Ukraine" in row]
    assert len(troops) == 1 and "would not send troops to Ukraine" in troops[0]
    assert troops[0].count("sentiment ") == 2 and troops[0].count("match 0.20") == 1
    for phrase in ("Lecornu", "Pistorius"):
        assert phrase not in section and phrase in page, phrase
    assert len(rows) == seed_summary.same_facts["row"].nunique() >= 2
    assert "nothing is tested" in section and "All " in section
    # the sentences' own values: a cell's sentiment is its sentence's score
    news = seed_summary.same_facts[seed_summary.same_facts["text"].str.contains("would not send troops")]
    score = seed_summary.sentences.merge(news[["article_id", "sentence_id"]])["sentiment"].iloc[0]
    assert f"sentiment {score:+.2f}" in troops[0]


def test_one_same_fact_row_is_said_in_the_singular(seed_summary):
    """Regression: an event page with one row of the same fact read "All 1 rows are shown" (AllSides
    events 401-469)."""
    outlets = sorted(seed_summary.articles["outlet"].unique())
    first = seed_summary.same_facts[seed_summary.same_facts["row"] == 1]
    section = event_html._same_facts_html(first, outlets)
    assert "The one row is shown" in section and "All 1 rows" not in section


def test_same_fact_rows_are_capped_with_a_note_of_those_left_out(seed_summary):
    outlets = sorted(seed_summary.articles["outlet"].unique())
    n = seed_summary.same_facts["row"].nunique()
    section = event_html._same_facts_html(seed_summary.same_facts, outlets, limit=n - 1)
    assert section.count("<tr>") == n  # the header and n − 1 rows
    assert f"The first {n - 1} of {n} rows are shown; 1 more" in section
    last = seed_summary.same_facts[seed_summary.same_facts["row"] == n]["text"]
    assert not any(html.escape(text) in section for text in last)


def test_events_whose_names_make_the_same_file_name_get_a_page_each(seed_summary, tmp_path):
    """Regression: event names that differ only in characters a file name cannot hold ("Trump's
    plan", "Trump s plan") or in case ("Vote", "vote": one file on macOS and Windows) were written
    to one file, the second page replacing the first; a name longer than the 255 bytes a file name
    may have (a headline used as the event, in any script) stopped the pages with OSError."""
    from dataclasses import replace

    names = ["Trump's plan", "Trump s plan", "Vote", "vote", "Пленарное заседание " * 20, "x" * 400]
    summaries = [replace(seed_summary, event=name) for name in names]
    pages = events.save_event_pages(summaries, tmp_path)
    assert pages["event"].tolist() == names
    files = pages["file"].str.casefold()
    assert files.is_unique and files.tolist()[:4] == ["events/trump_s_plan.html", "events/trump_s_plan_2.html",
                                                      "events/vote.html", "events/vote_2.html"]
    for row in pages.itertuples(index=False):
        assert len(row.file.split("/")[1].encode("utf-8")) <= 255
        page = (tmp_path / row.file).read_text(encoding="utf-8")
        assert f"<h1>Event: {html.escape(row.event)}</h1>" in page  # each page its own event


# ── several events from real roundups ───────────────────────────────────────────────────────────

def _roundups(shared_data, folder, *, n_events=N_EVENTS):
    """A JSON-lines export of AllSides events covered by three outlets, with the columns a user's
    export has (event, outlet, title, url, text): every event of the trio of outlets that covers
    most events together, then others up to `n_events`."""
    by_event: dict[str, list[dict]] = {}
    with open(shared_data / "allsides-roundups" / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            by_event.setdefault(row["event_id"], []).append(row)
    trios = {e: frozenset(r["outlet"] for r in rows) for e, rows in by_event.items()
             if len({r["outlet"] for r in rows}) == 3}
    common = max(set(trios.values()), key=lambda trio: (sum(t == trio for t in trios.values()), sorted(trio)))
    chosen = sorted(e for e, trio in trios.items() if trio == common)[:n_events - 1]
    chosen = sorted(chosen + sorted(e for e in trios if e not in chosen)[: n_events - len(chosen)])
    folder.mkdir(parents=True)
    with open(folder / "export.jsonl", "w", encoding="utf-8") as handle:
        for event in chosen:
            for row in by_event[event]:
                handle.write(json.dumps({"event": event, "outlet": row["outlet"], "title": row["title"],
                                         "url": row["url"], "text": row["text"]}, ensure_ascii=False) + "\n")
    return folder, chosen, by_event


@pytest.fixture(scope="module")
def roundups(shared_data, tmp_path_factory):
    from framing.build import build_tables
    from framing.config import CONTENT_KINDS

    folder, chosen, by_event = _roundups(shared_data, tmp_path_factory.mktemp("roundups") / "roundups")
    built = build_tables(folder)
    sentences = built.sentences[built.sentences["kind"].isin(CONTENT_KINDS)].reset_index(drop=True)
    return built.articles, sentences, chosen, by_event


def test_what_only_one_outlet_reports_is_compared_within_events_for_the_articles_length(roundups, tmp_path):
    """Issue 16 asked that exclusivity be reported against what length predicts: each article's
    `exclusive` is its share of sentences no other outlet of the event reports minus the share
    its length predicts, it enters the paired comparison of outlets over events, and the event
    page shows it beside the other measures; an event only one outlet covers has no value."""
    from framing.compare import align_sentences, summarise_exclusivity

    articles, sentences, chosen, _ = roundups
    pairs = align_sentences(sentences)
    scores = events.score_articles(sentences, pairs=pairs).set_index("article_id")
    expected = summarise_exclusivity(pairs, sentences).set_index("article_id")
    assert scores["exclusive"].notna().sum() == len(expected) == len(scores)
    assert np.allclose(scores.loc[expected.index, "exclusive"], expected["excess_share"])
    own = expected["share_exclusive"] - expected["expected_share"]
    assert own.gt(0).any() and own.lt(0).any()  # some articles say more than their length predicts, some less
    alone = sentences[sentences["event"] == chosen[0]]
    alone = alone[alone["outlet"] == alone["outlet"].iloc[0]]
    assert events.score_articles(alone)["exclusive"].isna().all()  # nobody to compare with
    compared = events.compare_within_events(scores.reset_index(), min_events=2)
    assert (compared.loc[compared["measure"] == "exclusive", "n_events"] > 0).all()
    summaries = events.summarise_events(sentences, articles=articles, events=chosen[:1])
    events.save_event_pages(summaries, tmp_path, corpus="roundups")
    page = (tmp_path / "events" / events.event_file(chosen[0])).read_text(encoding="utf-8")
    assert "<th>exclusive for its length</th>" in page
    shown = events.score_articles(sentences[sentences["event"] == chosen[0]])["exclusive"]  # the page's own table
    assert shown.notna().all() and all(f"<td>{value:+.2f}</td>" in page for value in shown)


def test_one_page_per_event_listing_every_outlets_headline(roundups, tmp_path):
    articles, sentences, chosen, by_event = roundups
    summaries = events.summarise_events(sentences, articles=articles)
    pages = events.save_event_pages(summaries, tmp_path, corpus="roundups")
    assert sorted(pages["event"]) == chosen
    for row in pages.itertuples(index=False):
        page = (tmp_path / row.file).read_text(encoding="utf-8")
        assert page.count('class="outlet"') == 3 == row.n_outlets
        for article in by_event[row.event]:
            assert html.escape(article["title"]) in page, (row.event, article["title"])
            assert f"<h3>{html.escape(article['outlet'])}</h3>" in page
        assert '<a href="../index.html">' in page


def test_a_row_in_every_outlets_column_is_what_every_outlet_reports(roundups, tmp_path):
    """The side-by-side rows and "What every outlet reports" come from the same pairs: the sentences
    of rows filled in every column that match all the others are exactly the listed ones."""
    articles, sentences, chosen, by_event = roundups
    summaries = events.summarise_events(sentences, articles=articles)
    assert sum(not summary.same_facts.empty for summary in summaries) >= 3
    for summary in summaries:
        rows, n_outlets = summary.same_facts, summary.articles["outlet"].nunique()
        full = rows[(rows["n_outlets"] == n_outlets) & rows["matches_all"]]
        listed = summary.facts[summary.facts["reported_by"] == "all outlets"]
        assert sorted(zip(full["article_id"], full["sentence_id"])) == \
            sorted(zip(listed["article_id"], listed["sentence_id"])), summary.event
        page = events.render_event_page(summary)
        section = _section(page, "The same fact in each outlet's words")
        every = _section(page, "What every outlet reports")
        for text in full["text"]:
            assert html.escape(text) in section and html.escape(text) in every


def test_event_pages_call_articles_closer_than_the_tone_gap_alike(roundups, tmp_path):
    articles, sentences, chosen, _ = roundups
    summaries = events.summarise_events(sentences, articles=articles)
    pages = events.save_event_pages(summaries, tmp_path, corpus="roundups").set_index("event")
    n_close = 0
    for summary in summaries:
        page = (tmp_path / pages.loc[summary.event, "file"]).read_text(encoding="utf-8")
        tone = summary.articles["sentiment"].to_numpy()
        gaps = [abs(a - b) for i, a in enumerate(tone) for b in tone[i + 1:]]
        close = sum(gap < events.CLOSE_TONE for gap in gaps)
        n_close += close
        if close:
            verb = "differs" if close == 1 else "differ"
            which = "All 3 pairs" if close == 3 else f"{close} of the 3 pairs"
            assert f"{which} of articles {verb} in mean sentiment by less than 0.10" in page
            pairs = events.close_tone_pairs(summary.articles)
            assert pairs["gap"].between(0, events.CLOSE_TONE, inclusive="left").all()
            assert all(f"{html.escape(r.first)} and {html.escape(r.second)}: {event_html._gap_shown(r.gap)}" in page
                       for r in pairs.itertuples(index=False))
        else:
            assert "No two articles differ in mean sentiment by less than 0.10" in page
        assert "about 6 times in 10" in page
    assert 0 < n_close < 3 * len(summaries)  # real events have both close and distinct articles


def test_an_event_page_says_how_sure_each_order_in_tone_is():
    """Regression: an event page named the pairs of articles closer than 0.10 in mean sentiment and
    said nothing of the others, so "No two articles differ by less than 0.10" read as if their
    order in tone were certain; people order editorials 0.10-0.15 apart as framing does 8 times in
    10. Each pair further apart now has the share measured for its gap beside it."""
    arts = pd.DataFrame({"outlet": ["center", "left", "right"], "sentiment": [-0.15, -0.07, 0.2]})
    note = event_html._close_tone_html(arts)
    assert "center and left: 0.079" in note  # the close pair, as before
    assert "left and right: 0.270 apart, 91%" in note and "center and right: 0.350 apart, 95%" in note
    assert "center and left: 0.079 apart" not in note  # a close pair gets no share: it is called alike
    assert "likely, not certain" in note
    apart = event_html._close_tone_html(arts.assign(sentiment=[-0.15, -0.02, 0.2]))
    assert "No two articles differ" in apart and "center and left: 0.130 apart, 80%" in apart
    shares = [events.order_agreement(gap) for gap in (0.0, 0.07, 0.12, 0.17, 0.25, 0.9)]
    assert shares == sorted(shares) and shares[0] > 0.5 and shares[-1] < 1  # never certain


def test_the_shares_an_event_page_gives_are_those_measured_on_rated_editorials(shared_data):
    """`events.ORDER_AGREEMENT`, the share of pairs of documents framing orders in tone as people
    do by the gap between them, is what `bench_sentiment.concordance_by_framing_gap` measures on the
    rated New York Times editorials now (to be measured again when the sentiment score changes)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_sentiment import concordance_by_framing_gap

    from framing.sentiment import add_sentiment, article_sentiment

    rows = pd.read_json(shared_data / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scored = add_sentiment(rows).assign(outlet="nyt")
    human = scored.groupby("doc_id", sort=True)["mean_rating"].mean()
    framing = article_sentiment(scored, article="doc_id").set_index("doc_id")["sentiment"].reindex(human.index)
    edges = (0.0, *(upper for upper, _ in events.ORDER_AGREEMENT))
    measured = concordance_by_framing_gap(human, framing, edges=edges)
    assert [b["concordance"] for b in measured] == pytest.approx([s for _, s in events.ORDER_AGREEMENT], abs=0.01)


def test_a_close_pair_never_prints_the_tone_gap_itself():
    arts = pd.DataFrame({"outlet": ["Fox News", "Reuters"], "sentiment": [0.2, 0.2996]})
    note = event_html._close_tone_html(arts)
    assert "Fox News and Reuters: 0.099" in note and "by less than 0.10" in note


def test_paired_table_over_roundup_events(roundups):
    _, sentences, chosen, _ = roundups
    scores = events.score_articles(sentences)
    assert scores.groupby("event")["outlet"].nunique().eq(3).all() and set(scores["event"]) == set(chosen)
    pairs = events.compare_within_events(scores)
    shared = scores.groupby("event")["outlet"].apply(set)
    expected = {(a, b) for outlets in shared for a in outlets for b in outlets if a < b}
    assert set(zip(pairs["outlet_a"], pairs["outlet_b"])) == expected  # pairs with an event in common
    assert len(pairs) == len(expected) * len(events.MEASURES)
    from framing.stats import MIN_ARTICLES, adjust_p

    enough = pairs["n_events"] >= MIN_ARTICLES  # the median difference is an effect size: none below it
    assert pairs.loc[enough, "median_difference"].notna().all() and pairs.loc[~enough, "median_difference"].isna().all()
    assert (~enough).any()  # at most 4 events in common here: no pair gets a median difference
    counted = pairs["n_a_more"] + pairs["n_b_more"] + pairs["n_ties"]
    assert (counted == pairs["n_events"]).all() and pairs["n_events"].between(0, len(chosen)).all()
    # every measure but the main actor's has a value for every article: each pair compares its shared events
    assert pairs.loc[pairs["measure"] != "main_actor_sentiment", "n_events"].ge(1).all()
    assert pairs["n_events"].max() >= N_EVENTS - 1  # the trio's pairs are compared over its events
    tested = pairs["n_events"] >= events.MIN_EVENTS_FOR_TEST
    assert pairs.loc[tested & (pairs["n_a_more"] + pairs["n_b_more"] > 0), "p_wilcoxon"].between(0, 1).all()

    assert np.allclose(pairs["p_adjusted"], adjust_p(pairs["p_wilcoxon"], method="fdr_bh"), equal_nan=True)
    assert (pairs["p_adjusted"].dropna() >= pairs.loc[pairs["p_adjusted"].notna(), "p_wilcoxon"] - 1e-12).all()


def test_no_pair_is_tested_over_too_few_events_to_reach_significance(roundups):
    """Regression: on allsides-100 notebook 07 adjusted its Wilcoxon p-values across 218 pair tests,
    210 of them over 2 to 5 events, where no paired test can give p below 0.05 (2 / 2^5 = 0.0625):
    they could never be evidence and only made the other tests' adjustment harsher."""
    _, sentences, chosen, _ = roundups
    pairs = events.compare_within_events(events.score_articles(sentences))
    few = pairs["n_events"].between(2, 5)  # 2 / 2^5 = 0.0625: no test can reach 0.05
    assert few.any()  # the trio covers up to 5 events together
    assert pairs.loc[few, "p_wilcoxon"].isna().all() and pairs.loc[few, "robustness_p_sign_adjusted"].isna().all()
    assert pairs.loc[few, "p_adjusted"].isna().all()
    row = pairs[few].iloc[0]
    assert row["note"] == (f"only {row['n_events']} events covered by both: too few to test (over "
                           f"{row['n_events']} events no paired test can give p below {2 / 2 ** row['n_events']:.3g})")
    tested = pairs[pairs["p_wilcoxon"].notna()]
    assert (2 / 2 ** tested["n_events"] < 0.05).all()
    assert events.describe_pairs(pairs[few]).str.contains("too few to test").all()


# ── the report: a page per event, linked from the index; --event ─────────────────────────────────

def _check_notebook(path, code):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    params = new_code_cell('corpus = "x"\nout = None\nsave_figures = False\nevent = None',
                           metadata={"tags": ["parameters"]})
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Check\n\nWhich event?"), params,
                                       new_code_cell(code)]), path)
    return path


def test_a_script_without_a_main_guard_gets_its_event_pages_once(shared_data, tmp_path):
    """Regression: pages drawn in a process started by multiprocessing's `spawn` ran a user's
    script again in that process when it called `run_report` at its top level."""
    import os
    import subprocess
    import sys

    raw, chosen, _ = _roundups(shared_data, tmp_path / "raw" / "roundups")
    notebook = _check_notebook(tmp_path / "01_check.ipynb", "")
    script = tmp_path / "make_report.py"
    script.write_text("from framing.report import run_report\n"
                      f"r = run_report({str(raw)!r}, processed={str(tmp_path / 'processed')!r}, "
                      f"out={str(tmp_path / 'out')!r}, notebooks=[{str(notebook)!r}], workers=1)\n"
                      "print('REPORT', r.ok, len(r.events), r.events_error)\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(Path(events.__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=900,
                          cwd=tmp_path, env=environment)
    assert done.stdout.count("REPORT") == 1, (done.stdout, done.stderr[-3000:])
    assert f"REPORT True {len(chosen)} None" in done.stdout, (done.stdout, done.stderr[-3000:])


def test_report_links_every_event_page_from_the_index(shared_data, tmp_path):
    from framing import report

    raw, chosen, by_event = _roundups(shared_data, tmp_path / "raw" / "roundups")
    notebook = _check_notebook(tmp_path / "01_check.ipynb", "assert event is None")
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "out",
                               notebooks=[notebook], workers=1, echo=lambda line: None)
    assert result.ok, (result.error, result.events_error, [r.error for r in result.runs])
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert sorted(result.events["event"]) == chosen
    for file in result.events["file"]:
        assert f'href="{file}"' in index and (tmp_path / "out" / file).is_file()
    assert f"Events ({len(chosen)})" in index


def test_event_pages_drawn_beside_the_notebooks_are_those_drawn_after_them(shared_data, tmp_path):
    """The report draws the event pages in a process of its own while the notebooks run (on all of
    allsides-roundups they took minutes after the last notebook); they are the same bytes, the
    wait says how far they are, and an interrupted report stops the process. A script that calls
    `run_report` without `if __name__ == "__main__"` is not run again in that process."""
    from framing import report
    from framing.build import build_corpus

    raw, chosen, _ = _roundups(shared_data, tmp_path / "raw" / "roundups")
    processed = tmp_path / "processed"
    build_corpus(raw, processed, workers=1, progress=False)
    job = report.EventPagesJob(processed, tmp_path / "beside", corpus="roundups", workers=1)
    lines = []
    beside, error = job.wait(timeout=300, echo=lines.append, heartbeat=0.5)
    assert error is None and job.process.poll() == 0
    after, _ = report.write_event_pages(processed, tmp_path / "after", corpus="roundups", workers=1)
    pd.testing.assert_frame_equal(beside, after)
    assert sorted(beside["event"]) == chosen
    files = sorted(p.relative_to(tmp_path / "after") for p in (tmp_path / "after").rglob("*") if p.is_file())
    assert len(files) == 2 * len(chosen)  # a page and its chart per event
    for file in files:
        assert (tmp_path / "beside" / file).read_bytes() == (tmp_path / "after" / file).read_bytes(), file
    assert lines and all(re.fullmatch(r"  event pages: (analysing the events|\d of 5 written)"
                                      r"(; waiting for the rest)?", line) for line in lines), lines

    stopped = report.EventPagesJob(processed, tmp_path / "stopped", corpus="roundups", workers=1)
    stopped.stop()  # as an interrupted report does: nothing is left running
    assert stopped.process.poll() is not None
    killed = report.EventPagesJob(processed, tmp_path / "killed", corpus="roundups", workers=1)
    killed.process.kill()
    pages, error = killed.wait(timeout=60)
    assert pages.empty and "ended with code -9 before it was done" in error


def test_report_event_narrows_to_one_event_and_an_unknown_one_is_named(shared_data, tmp_path):
    from framing import report

    raw, chosen, _ = _roundups(shared_data, tmp_path / "raw" / "roundups")
    lines = []
    unknown = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "out",
                                notebooks=[_check_notebook(tmp_path / "01_check.ipynb", "")],
                                workers=1, event="no-such-event", echo=lines.append)
    assert not unknown.ok and "\n" not in unknown.error and "'no-such-event'" in unknown.error
    assert all(name in unknown.error for name in chosen) and any(unknown.error in line for line in lines)
    assert not (tmp_path / "out").exists()  # nothing written for a wrong name

    notebook = _check_notebook(tmp_path / "01_check.ipynb", f"assert event == {chosen[1]!r}, event")
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "out",
                               notebooks=[notebook], workers=1, event=chosen[1], echo=lambda line: None)
    assert result.ok, (result.error, result.events_error, [r.error for r in result.runs])
    assert result.events["event"].tolist() == [chosen[1]]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'class="main-view"' in index and f'href="{result.events.loc[0, "file"]}"' in index


def test_index_table_preview_takes_rows_from_every_outlet():
    from framing.report import preview_rows

    table = pd.DataFrame({"outlet": ["A"] * 20 + ["B"] * 5 + ["C"] * 5,
                          "text": ["x" * 300] + ["short"] * 29})
    shown, how = preview_rows(table, rows=9)
    assert shown["outlet"].value_counts().to_dict() == {"A": 3, "B": 3, "C": 3} and "each outlet" in how
    assert shown["text"].str.len().max() == 160
    first, how = preview_rows(table[["text"]], rows=4)
    assert len(first) == 4 and how == ", the first"
    # Regression: a table of one row per outlet (articles per outlet, most first) showed its first
    # 12 rows under "12 of 67 rows, taken in turn from each outlet" (AllSides events 201-300)
    per_outlet = pd.DataFrame({"outlet": [f"Outlet {i}" for i in range(30)], "n_articles": range(30, 0, -1)})
    shown, how = preview_rows(per_outlet, rows=12)
    assert shown["n_articles"].tolist() == list(range(30, 18, -1)) and how == ", the first"
    assert preview_rows(per_outlet, rows=40)[1] == ""


def test_within_events_chart_names_both_outlets_and_what_more_means(roundups, tmp_path):
    """Regression: rows read "sentiment: Associated Pre…" once saved one column wide: outlet B and
    the measure were cut off, so no row could be read."""
    import matplotlib

    matplotlib.use("Agg")
    from framing import plots

    _, sentences, _, _ = roundups
    pairs = events.compare_within_events(events.score_articles(sentences))
    ax = events.plot_within_events(pairs)
    seen = {}
    original = ax.figure.savefig

    def spy(*args, **kwargs):
        seen["labels"] = [t.get_text() for t in ax.get_yticklabels()]
        return original(*args, **kwargs)

    ax.figure.savefig = spy
    plots.save_figure(ax.figure, "within", out=tmp_path, formats=["png"])
    shown = pairs[pairs["n_events"] > 0].sort_values(["p_adjusted", "n_events"], ascending=[True, False],
                                                     na_position="last").head(16)
    for text, row in zip(seen["labels"], shown.itertuples()):
        a, b = text.split("\nvs ")
        assert row.outlet_a.startswith(a.rstrip("…")) and row.outlet_b.startswith(b.rstrip("…")), text
        # regression: "New York T… vs Washington…" (11 characters each) on allsides-100 could be
        # the Times' news or opinion desk: each name keeps 20 characters on a line of its own
        assert len(a.rstrip("…")) >= min(len(row.outlet_a), 19) and len(b.rstrip("…")) >= min(len(row.outlet_b), 19)
    side = [other for other in ax.figure.axes if other is not ax and other.bbox.bounds == ax.bbox.bounds]
    beside = [t.get_text() for t in side[0].get_yticklabels()]
    assert [text.split("\n")[0] for text in beside] == [events.SHORT_DIRECTIONS[m] for m in shown["measure"]]
    # regression: "20/100" beside Left vs Right on 100 AllSides events hid that Right was more so in 43
    assert [text.split("\n")[1].split(" · ")[0] for text in beside] == \
        [f"A {r.n_a_more}, B {r.n_b_more} of {r.n_events}" for r in shown.itertuples()]


def test_within_events_chart_keeps_the_adjusted_p_whole_in_a_saved_figure(tmp_path):
    """Regression: on 100 AllSides events with the outlet set to each article's lean (left, center,
    right), the saved summary chart read "A 20, B 43 of 100 · p…" beside every bar: the text beside
    the bars was cut to fit like an outlet's name, and the adjusted p-value, the one number that
    says whether the count is evidence, was what went."""
    import matplotlib

    matplotlib.use("Agg")
    from framing import plots

    rng = np.random.default_rng(5)
    rows = [{"event": f"e{e}", "outlet": outlet, "sentiment": rng.normal(0, 0.1), "quote_share": rng.poisson(2) / 10}
            for e in range(100) for outlet in ("left", "center", "right")]
    pairs = events.compare_within_events(pd.DataFrame(rows))
    ax = events.plot_within_events(pairs)
    side = [other for other in ax.figure.axes if other is not ax and other.bbox.bounds == ax.bbox.bounds][0]
    seen = {}
    original = ax.figure.savefig

    def spy(*args, **kwargs):  # the labels as the saved figure draws them
        seen["beside"] = [t.get_text() for t in side.get_yticklabels()]
        return original(*args, **kwargs)

    ax.figure.savefig = spy
    plots.save_figure(ax.figure, "within", out=tmp_path, formats=["png"])
    shown = pairs.sort_values(["p_adjusted", "n_events"], ascending=[True, False]).head(16)
    assert len(seen["beside"]) == len(shown) == 6
    for text, row in zip(seen["beside"], shown.itertuples()):
        assert "…" not in text, text
        assert text.split("\n")[-1] == f"p adj. {row.p_adjusted:.2g}"


def test_within_events_caption_says_which_comparisons_are_shown(roundups):
    """Regression: "16 of 892 comparisons shown (the largest)" under the allsides-100 chart, whose
    rows are the comparisons with the smallest adjusted p-values, not the largest of anything."""
    import matplotlib

    matplotlib.use("Agg")
    from framing import plots

    _, sentences, _, _ = roundups
    pairs = events.compare_within_events(events.score_articles(sentences))
    total = int((pairs["n_events"] > 0).sum())
    # these few events give no pair of outlets six events in common: nothing is tested, and the
    # caption says which rows it shows without naming p-values (see the test below)
    assert pairs["p_adjusted"].isna().all()
    caption = plots.add_caption(events.plot_within_events(pairs, max_rows=4), "Outlets compared within events.").get_text()
    assert f"4 of {total:,} comparisons shown (those with the most events in common: none is tested)" in " ".join(caption.split())
    tested = pairs.assign(p_adjusted=pairs["p_adjusted"].fillna(0.5))  # the layout of a corpus where pairs are tested
    ax = events.plot_within_events(tested, max_rows=4)
    caption = plots.add_caption(ax, "Outlets compared within events.").get_text()
    assert f"4 of {total:,} comparisons shown" in caption
    assert "largest" not in caption and "smallest adjusted p-value" in caption
    assert "then the most events in common" in " ".join(caption.split())  # when every adjusted p is 1, the order


def test_an_outlet_that_is_not_there_is_named_with_the_outlets_there_are(seed_sentences, seed_articles):
    """Regression: `outlets = ["Fox"]` in a notebook's parameters on the seeds failed with
    "ValueError: max() arg is an empty sequence"; a misspelt name beside a right one was dropped
    without a word, so the notebook compared fewer outlets than the user named."""
    for wanted in (["Fox"], ["Unnamed blog", "Islamic Voice"]):
        with pytest.raises(ValueError) as error:
            events.select_outlets(seed_sentences, wanted)
        message = str(error.value)
        assert "not in this corpus" in message and "Islamic Voice News" in message and "Unnamed blog" in message
        assert ("'Fox'" if wanted == ["Fox"] else "'Islamic Voice'") in message
    removed = pd.DataFrame({"article_id": seed_articles["article_id"], "line": 1})
    with pytest.raises(ValueError, match="not in this corpus"):
        events.select_outlets(removed, ["Fox"], articles=seed_articles)
    assert len(events.select_outlets(seed_sentences, ["Unnamed blog"])) == \
        (seed_sentences["outlet"] == "Unnamed blog").sum()


def test_within_events_chart_can_be_exported_for_a_paper(roundups, tmp_path):
    """Regression: `framing figure summary_within_events --width 3.3` on allsides-100 said the chart
    "was not drawn by a framing plot_* function, so it cannot be redrawn": the summary's key chart
    could not be had at a journal's column width."""
    import matplotlib

    matplotlib.use("Agg")
    from PIL import Image

    from framing import plots

    _, sentences, _, _ = roundups
    pairs = events.compare_within_events(events.score_articles(sentences))
    ax = events.plot_within_events(pairs)
    plots.save_figure(ax.figure, "summary_within_events", out=tmp_path, caption="Outlets compared within events.")
    paths = plots.export_figure(tmp_path / "figures" / "summary_within_events.json", out=tmp_path / "paper",
                                width=3.3, formats=["png", "pdf"], dpi=300)
    with Image.open(paths["png"]) as image:
        assert image.width == round(3.3 * 300)
    assert paths["pdf"].stat().st_size > 0
    # regression: at 3.3 inches the text beside the bars left the plot no room ("constrained_layout
    # not applied because axes sizes collapsed to zero"), outlet names ran off the left edge


def test_within_events_chart_at_a_column_width_keeps_its_labels_inside(roundups, tmp_path, export_laid_out):
    """The within-events chart exported at 3.3 inches is laid out (no collapse warning) with the
    outlet labels and the counts beside the bars inside the figure."""
    import matplotlib

    matplotlib.use("Agg")
    from framing import plots

    _, sentences, _, _ = roundups
    pairs = events.compare_within_events(events.score_articles(sentences))
    ax = events.plot_within_events(pairs)
    saved = plots.save_figure(ax.figure, "within", out=tmp_path, formats=["png"])
    seen = export_laid_out(saved["json"], out=tmp_path / "paper", width=3.3)
    assert not [w for w in seen["warnings"] if "collapsed" in w], seen["warnings"]
    assert round(seen["width"]) == 330  # 3.3 inches at 100 dpi
    assert len(seen["boxes"]) >= 32 and all(b.x0 >= -1 and b.x1 <= seen["width"] + 1 for b in seen["boxes"])


def test_main_actor_is_the_person_named_in_most_articles():
    mentions = pd.DataFrame({
        "event": ["e"] * 6 + ["f"] * 2,
        "article_id": ["a1", "a1", "a1", "a2", "a3", "a3", "b1", "b1"],
        "actor": ["Ann Lee", "Ann Lee", "Ann Lee", "Bo Diaz", "Bo Diaz", "Ann Lee", "Cy Park", "Cy Park"]})
    # Ann Lee: 2 articles, 4 mentions; Bo Diaz: 2 articles, 2 mentions; Cy Park: one article only
    assert events.main_actors(mentions).to_dict() == {"e": "Ann Lee"}
    assert events.main_actors(mentions, min_articles=1).to_dict() == {"e": "Ann Lee", "f": "Cy Park"}
    assert events.main_actors(mentions.iloc[:0]).empty


def test_each_article_is_scored_toward_its_events_main_actor(roundups, tmp_path):
    """Tone toward the person an event is about, article by article, so outlets can be compared on
    how they present the same person: the mean of the actor classifier over the article's mentions
    of the event's main actor; empty where the article does not name them."""
    from framing.actors import find_actors
    from framing.sentiment import add_actor_sentiment

    articles, sentences, chosen, _ = roundups
    found = find_actors(sentences)
    mentions = add_actor_sentiment(sentences, found)
    assert mentions.equals(add_actor_sentiment(sentences))  # the table given is the one it would find
    scores = events.score_articles(sentences, actors=found)
    main = events.main_actors(mentions)
    assert scores["main_actor"].notna().any() and scores["main_actor_sentiment"].notna().any()
    for row in scores.itertuples(index=False):
        assert row.main_actor == main.get(row.event) or (pd.isna(row.main_actor) and row.event not in main)
        mine = mentions[(mentions["article_id"] == row.article_id) & (mentions["actor"] == row.main_actor)]
        if mine.empty:
            assert pd.isna(row.main_actor_sentiment)
        else:
            assert row.main_actor_sentiment == pytest.approx(mine["actor_sentiment"].mean())
    named = scores.dropna(subset=["main_actor"]).groupby("event")["article_id"].nunique()
    assert (named >= 2).all()
    pairs = events.compare_within_events(scores)
    assert "main_actor_sentiment" in set(pairs["measure"])
    summaries = events.summarise_events(sentences, articles=articles, events=main.index[:2].tolist())
    events.save_event_pages(summaries, tmp_path, corpus="roundups")
    for summary in summaries:
        page = (tmp_path / "events" / events.event_file(summary.event)).read_text(encoding="utf-8")
        assert f"<th>toward {html.escape(main[summary.event])}</th>" in page


def test_an_event_without_a_main_actor_says_why_its_column_is_empty():
    """Regression: on 35 of allsides-100's 100 event pages no person was named in two articles, and
    the column "toward the main actor" was all dashes under a note defining the main actor as the
    person named in most of the articles, as if each article had left them out."""
    arts = pd.DataFrame({"outlet": ["CNBC", "Fox News"], "title": ["A", "B"], "n_sentences": [5, 4],
                         "sentiment": [-0.15, -0.14], "main_actor": [None, None],
                         "main_actor_sentiment": [float("nan")] * 2, "conflict": [0.4, 0.75],
                         "quotes": [1, 0], "official_quotes": [0, 0], "exclusive": [0.1, -0.1], "frames": ["", ""]})
    assert "toward the main actor: none here: no person is named in two or more" in event_html._values_html(arts)
    named = arts.assign(main_actor="Ann Lee", main_actor_sentiment=[0.1, float("nan")])
    page = event_html._values_html(named)
    assert "<th>toward Ann Lee</th>" in page and "none here" not in page
    assert "toward Ann Lee: " + html.escape(events.MEASURE_NOTES["main_actor_sentiment"]) in page


def test_the_quotes_an_article_counts_are_said_to_include_quoted_phrases_without_a_speaker(seed_sentences):
    """Regression: on 100 AllSides events the event pages' column "quotes" had no note, and its
    definition ("quotes in the article (direct and indirect)") hid that a scare-quoted word with no
    speaker ("“overwhelmingly”") counts: 60 of the 336 quotations had no speaker, so "quoting more"
    in notebook 07 is partly "putting more words in quotation marks"."""
    from framing.actors import find_actors
    from framing.sources import extract_quotes

    sentences = seed_sentences[seed_sentences["kind"].isin(CONTENT_KINDS)]
    quotes = extract_quotes(sentences, actors=find_actors(sentences))
    bare = quotes[quotes["speaker"].fillna("") == ""]
    assert len(bare), "the seeds hold a quotation with no speaker"
    scores = events.score_articles(sentences, quotes=quotes)
    counted = scores.set_index("article_id")["quotes"]
    assert (counted[bare["article_id"].unique()] >= bare.groupby("article_id").size()).all()
    note = events.MEASURE_NOTES["quotes"]
    assert "without" in note and "phrase" in note
    page = event_html._values_html(scores.assign(main_actor=None, main_actor_sentiment=float("nan"),
                                             frames="", exclusive=float("nan")).head(2))
    assert "quotes: " + html.escape(note) in page


def test_an_event_page_is_titled_with_the_events_title_where_the_export_gives_one(shared_data, tmp_path):
    """Regression: event pages and the index named each event by its id ("Event: allsides_5607")
    even when the user's export gives the event's title in words. An `Event Title` column (any
    case and spacing, kept in `extra`) now titles the page and the index row, the id beside it; an
    event without one keeps its id, and no outlet's headline is taken for the title."""
    from framing.build import build_corpus
    from framing.report.index import _events_html
    from framing.store import load_articles, load_sentences

    issues = {json.loads(line)["event_id"]: json.loads(line)["issue"] for line in
              (shared_data / "allsides-roundups" / "events.jsonl").read_text(encoding="utf-8").splitlines()}
    rows = [json.loads(line) for line in
            (shared_data / "allsides-roundups" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    chosen = sorted({r["event_id"] for r in rows})[:2]
    raw = tmp_path / "raw" / "titled"
    raw.mkdir(parents=True)
    with open(raw / "articles.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            if row["event_id"] in chosen:
                keep = {k: row[k] for k in ("text", "outlet", "title", "event_id")}
                if row["event_id"] == chosen[0]:
                    keep["Event Title"] = issues[chosen[0]]
                handle.write(json.dumps(keep) + "\n")
    built = build_corpus(raw, tmp_path / "processed")
    assert not [p for p in built.problems if "reads as a title" in str(p)]  # an event's title, not an unread headline
    articles = load_articles(tmp_path / "processed")
    assert events.event_titles(articles).to_dict() == {chosen[0]: issues[chosen[0]]}
    summaries = events.summarise_events(load_sentences(tmp_path / "processed"), articles=articles)
    pages = events.save_event_pages(summaries, tmp_path / "out", corpus="titled")
    first, second = ((tmp_path / "out" / f).read_text(encoding="utf-8") for f in pages["file"])
    assert f"<h1>{html.escape(issues[chosen[0]])}</h1>" in first and f"Event {chosen[0]}" in first
    assert f"<h1>Event: {chosen[1]}</h1>" in second
    index = _events_html(type("Report", (), {"events": pages, "events_error": None})())
    assert f"{html.escape(issues[chosen[0]])} <small>({chosen[0]})</small>" in index
    assert f'">{chosen[1]}</a>' in index


def test_event_page_values_that_round_to_zero_carry_no_sign():
    """Regression: on saved pages of the WeWork story (aeb-dev) the two articles' mean sentiment
    read "-0.00" and "+0.00", as if they lay on opposite sides of neutral."""
    assert [event_html._number(v) for v in (-0.004, 0.004, 0.0, -0.2, 0.126)] == ["0.00", "0.00", "0.00", "-0.20", "+0.13"]
    assert event_html._number(0.25, pct=True) == "25%" and event_html._number(np.nan) == "—"


def test_a_finding_with_evidence_and_a_median_of_zero_says_the_ties_made_the_median():
    """Regression: on allsides-100 with outlets named by lean, notebook 07 read "Evidence of a
    difference …: Right is quoting more than Left in 43 of 100 events, Left than Right in 20, tied in
    37 (median difference Right − Left 0 …)": the median over all events is 0 because of the ties,
    while the tests read only the events that differ. The finding now says so."""
    counts = [(2, 1)] * 14 + [(0, 1)] * 2 + [(1, 1)] * 10  # A quotes more in 14 events, B in 2, 10 tied
    rows = pd.DataFrame({"event": np.repeat([f"e{i}" for i in range(len(counts))], 2),
                         "outlet": ["A", "B"] * len(counts), "quote_share": [v / 10 for pair in counts for v in pair]})
    pairs = events.compare_within_events(rows)
    assert pairs.loc[0, "p_adjusted"] < 0.05 and pairs.loc[0, "n_ties"] == 10
    text = events.describe_pairs(pairs).iloc[0]
    assert text.startswith("Evidence of a difference at 0.05 after adjustment: A is quoting in more of its sentences than B in 14 of 26")
    assert pairs.loc[0, "median_difference"] == pytest.approx(0.1)  # 14 of 26 above 0: the median is not 0 here
    assert "because 10 are tied" not in text
    tied = [(2, 1)] * 12 + [(1, 1)] * 14  # now the ties are more than half: the median is 0
    rows = pd.DataFrame({"event": np.repeat([f"e{i}" for i in range(len(tied))], 2),
                         "outlet": ["A", "B"] * len(tied), "quote_share": [v / 10 for pair in tied for v in pair]})
    pairs = events.compare_within_events(rows)
    assert pairs.loc[0, "median_difference"] == 0 and pairs.loc[0, "p_adjusted"] < 0.05
    text = events.describe_pairs(pairs).iloc[0]
    assert ("the median over all 26 events is 0 because 14 are tied, and the tests read only the 12 that differ"
            in text), text


def test_event_page_shows_the_kind_of_a_speaker_that_is_no_person():
    """An outlet quoted by name is marked as one on the event page, never shown as a person."""
    from framing.report.event_html import _speaker_html

    assert _speaker_html("Fox", "Fox", "outlet") == "<b>Fox</b> <small>[outlet]</small>"
    assert _speaker_html("Joe Biden", "Biden", "person") == "<b>Joe Biden</b> (as “Biden”)"
    assert _speaker_html(None, None, None) == "<i>unattributed</i>"


def test_an_event_page_marks_words_an_attribution_names_that_are_no_speaker(shared_sentence_table):
    """On the AllSides roundups, an attribution naming what framing gives no speaker ("the report
    says", "according to the provisional data", a place) was shown in bold with no kind, as a
    person would be (an audit of events 401-469 counted 10 such rows in 236 quotes). The page shows
    those words as written, marked as no speaker, and every resolved speaker in bold."""
    from framing.report.event_html import _quotes_html
    from framing.sources import extract_quotes

    allsides = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides")]
    quotes = extract_quotes(allsides)
    unresolved = quotes[quotes["speaker"].isna() & quotes["speaker_label"].notna()]
    resolved = quotes[quotes["speaker"].notna()]
    assert len(unresolved) >= 10 and len(resolved) > 1000
    page = _quotes_html(quotes, list(quotes["outlet"].unique()))
    for label in unresolved["speaker_label"].unique():
        shown = html.escape(label)
        assert f"<i>{shown}</i> <small>[no speaker]</small>" in page
        assert f"<b>{shown}</b>" not in page or label in set(resolved["speaker"])
    for speaker in resolved["speaker"].unique()[:200]:
        assert f"<b>{html.escape(speaker)}</b>" in page


def test_an_event_page_of_outlets_labelled_by_lean_runs_from_left_to_right(roundups):
    """The roundups relabelled as a researcher groups outlets, by AllSides side ("Left", "Center",
    "Right"): the event page's headlines, its side-by-side columns and the within-event pairs run
    left to right (by name they ran Center, Left, Right); with the outlets' own names, name order."""
    articles, sentences, chosen, by_event = roundups
    side = {(event, row["outlet"]): row["allsides_side"].capitalize() for event in chosen for row in by_event[event]}

    def relabel(table):
        return table.assign(outlet=[side[(e, o)] for e, o in zip(table["event"], table["outlet"])])

    leans, named = (events.summarise_events(relabel(sentences), articles=relabel(articles))[0],
                    events.summarise_events(sentences, articles=articles)[0])
    for summary, wanted in ((leans, ["Left", "Center", "Right"]), (named, sorted(named.articles["outlet"].unique()))):
        page = events.render_event_page(summary)
        heads = re.findall(r'<div class="outlet"><h3>([^<]*)</h3>', page)
        columns = re.findall(r"<th>([^<]*)</th>", _section(page, "The same fact in each outlet's words"))[1:]
        assert [html.unescape(h) for h in heads] == wanted
        assert not columns or [html.unescape(c) for c in columns] == wanted
    scores = events.score_articles(relabel(sentences), articles=relabel(articles))
    pairs = events.compare_within_events(scores)
    assert list(dict.fromkeys(zip(pairs["outlet_a"], pairs["outlet_b"]))) == [
        ("Left", "Center"), ("Left", "Right"), ("Center", "Right")]
    # each count is the outlet's own: A is the outlet named first (a regression: the matrix's
    # columns, in name order, were read in the lean order, so Left's counts were Center's)
    quotes = scores.pivot_table(index="event", columns="outlet", values="quote_share")
    for row in pairs[pairs["measure"] == "quote_share"].itertuples():
        assert row.n_a_more == int((quotes[row.outlet_a] > quotes[row.outlet_b]).sum()), (row.outlet_a, row.outlet_b)
        assert row.n_b_more == int((quotes[row.outlet_a] < quotes[row.outlet_b]).sum())


def test_an_event_page_of_eight_outlets_names_a_few_pairs_in_tone_and_counts_the_rest():
    """Regression: with 8 outlets the note on tone named all 28 pairs ("28 of the 28 pairs of
    articles differ … (A and B: 0.003; …)"), a wall of text. It now says "All 28 pairs", names the
    `NAMED_PAIRS` closest and counts the rest; the pairs further apart likewise, with their range."""
    outlets = ["CBSSports.com", "Connecticut Post", "Fox News", "Reuters", "The Guardian", "NPR",
               "Washington Examiner", "Associated Press"]
    close = event_html._close_tone_html(pd.DataFrame({"outlet": outlets, "sentiment": np.linspace(-0.04, 0.05, 8)}))
    assert "All 28 pairs of articles differ in mean sentiment by less than 0.10" in close
    assert "28 of the 28" not in close and "and 25 more" in close
    assert len(re.findall(r"\w and [\w. ]+: 0\.\d{3}", close)) == event_html.NAMED_PAIRS
    spread = event_html._close_tone_html(pd.DataFrame({"outlet": outlets, "sentiment": np.linspace(-0.5, 0.5, 8)}))
    pairs = events.tone_gaps(pd.DataFrame({"outlet": outlets, "sentiment": np.linspace(-0.5, 0.5, 8)}))
    apart = pairs[pairs["gap"] >= events.CLOSE_TONE]
    assert len(re.findall(r": \d\.\d{3} apart, \d+%", spread)) == event_html.NAMED_PAIRS
    assert f"and {len(apart) - event_html.NAMED_PAIRS} more, " in spread
    assert f"to {event_html._gap_shown(apart['gap'].max())} apart" in spread
    # three outlets, the usual roundup: every pair is still named
    three = event_html._close_tone_html(pd.DataFrame({"outlet": outlets[:3], "sentiment": [0.0, 0.01, 0.03]}))
    assert "All 3 pairs" in three and "more" not in three.split("read them")[0]
    assert three.count(": 0.0") == 3


def test_an_event_page_shows_a_list_item_without_its_bullet(seeds_dir):
    """Regression: on the seed corpus an event page showed "- French Defense Minister …": the
    sentence table keeps a list item's marker (docs/sentences.md), the page now drops it where it
    sets the sentence in a list or a cell; a minus sign of a number is no bullet."""
    from framing.segment import split_sentences

    text = next(p for p in sorted(seeds_dir.glob("*.txt")) if "\n- " in p.read_text(encoding="utf-8"))
    items = [s for s in split_sentences(text.read_text(encoding="utf-8")) if s.startswith("- ")]
    assert items  # the sentence table keeps the marker
    item = items[0]
    shown = html.escape(item[2:])
    facts = event_html._facts_html(pd.DataFrame({"outlet": ["Outlet"], "text": [item]}), "")
    cues = event_html._cues_html(pd.DataFrame({"outlet": ["Outlet"], "article_id": ["a"], "sentence_id": [0],
                                           "frames": ["conflict"], "text": [item]}), ["Outlet"])
    for page in (facts, cues):
        assert f": {shown}</li>" in page and f"- {shown}" not in page
    sentence = next(pd.DataFrame({"text": [item], "sentiment": [0.1], "frames": [""], "anchor": [True],
                                  "similarity_to_anchor": [1.0]}).itertuples(index=False))
    cell = event_html._same_fact_cell(sentence)
    assert cell.startswith(f"<p>{shown}</p>")
    assert event_html._without_bullet("-5 degrees overnight.") == "-5 degrees overnight."
    assert event_html._without_bullet("• One item") == "One item"


def _values_arts(outlets: list) -> pd.DataFrame:
    """The articles of an event as `render_event_page` reads them, one per outlet."""
    n = len(outlets)
    return pd.DataFrame({"outlet": outlets, "title": [f"A headline from {o}" for o in outlets],
                         "n_sentences": [12] * n, "sentiment": np.linspace(-0.2, 0.2, n),
                         "main_actor_sentiment": [np.nan] * n, "main_actor": [None] * n,
                         "conflict": [0.1] * n, "quotes": [2] * n, "official_quotes": [1] * n,
                         "exclusive": [0.0] * n, "frames": ["conflict; economic consequences"] * n})


def test_an_event_page_breaks_outlet_names_only_between_words():
    """Regression: the outlet column read "CBSSpor ts.com" and "Connecti cut Post" on a narrow
    screen: cells could break anywhere in a word (`overflow-wrap: anywhere`). Cells now break
    between words, a word only when it cannot fit at all, and the wide table scrolls in a box of
    its own (`test_browser_events` checks it in a browser)."""
    head = event_html._PAGE_HEAD
    assert "anywhere" not in head and "overflow-wrap: break-word" in head
    values = event_html._values_html(_values_arts(["CBSSports.com", "Connecticut Post", "Fox News"]))
    assert values.startswith('<div class="wide"><table>') and "</table></div>" in values
    assert "<td>CBSSports.com</td>" in values


def test_the_within_events_chart_draws_both_directions_in_greys():
    """Regression: "A more so" was dark blue and "B more so" light blue; in a corpus labelled by
    lean (Left, Center, Right, blue to red by `framing.leans`) the blue read as "left". Both
    directions and the ties are now greys, distinct from each other and from every lean colour."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.colors import to_hex, to_rgb

    from framing import leans

    rng = np.random.default_rng(3)
    rows = [{"event": f"e{e}", "outlet": outlet, "sentiment": rng.normal(0, 0.1)}
            for e in range(12) for outlet in ("Left", "Center", "Right")]
    ax = events.plot_within_events(events.compare_within_events(pd.DataFrame(rows)))
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert len(colours) == 3
    assert all(len(set(to_rgb(c))) == 1 for c in colours), colours  # r = g = b: no hue at all
    lean_colours = {to_hex(leans.lean_colours(["Left", "Center", "Right"])[name]) for name in ("Left", "Center", "Right")}
    assert not colours & lean_colours
    legend = {t.get_text(): to_hex(h.get_facecolor()) for t, h in zip(ax.get_legend().get_texts(),
                                                                       ax.get_legend().legend_handles)}
    assert legend["A more so"] != legend["B more so"] and set(legend.values()) == colours


def test_event_page_chart_gives_each_outlet_its_colour_and_marker_of_the_report(seed_sentences, seed_articles):
    """Regression: the event page's chart coloured its rows by matplotlib's cycle, so an outlet was
    blue there and another colour in every notebook chart (and a lean corpus lost its colours)."""
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_hex

    from framing.plots import group_markers, outlet_colours
    from framing.sentiment import add_sentiment

    scored = add_sentiment(seed_sentences).merge(seed_articles[["article_id", "title"]], on="article_id")
    colours = outlet_colours(seed_sentences)
    # the blog, with more sentences, has the corpus's first colour but is drawn in the second row
    ax = events.plot_event_sentiment(scored, colors=colours)
    try:
        drawn = {}
        for collection, label in zip(ax.collections, ax.get_yticklabels()):
            outlet = label.get_text().split(":")[0]
            drawn[outlet] = to_hex(collection.get_facecolor()[0], keep_alpha=False)
        assert drawn == {outlet: to_hex(colour) for outlet, colour in colours.items()}
        assert ax.get_ylabel() == "article (outlet: headline)"  # the rows were named nowhere
        markers = group_markers(list(colours), colours)
        assert len(set(markers.values())) == len(colours)  # two outlets, two shapes for a greyscale print
    finally:
        plt.close(ax.figure)


def test_within_events_chart_says_on_itself_when_no_pair_differs(shared_data):
    """Regression: the summary's within-events chart, saved as an image, said nowhere that none of its
    comparisons passed the adjustment (all 18 on the lean-labelled AllSides corpus), so a bar far from
    halfway read as a finding; with a real difference it adds nothing."""
    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")
    from framing.plots import NOTE_GID
    from framing.segment import split_table

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    sides = pd.DataFrame(rows).groupby("event_id")["allsides_side"].nunique()
    chosen = set(sides[sides == 3].index[:20])  # 20 events, each with a left, a center and a right article
    table = pd.DataFrame([{"article_id": r["article_id"], "event": r["event_id"], "outlet": r["allsides_side"].capitalize(),
                           "text": r["text"]} for r in rows if r["event_id"] in chosen])
    sentences = split_table(table, by="article_id").assign(kind="body")
    pairs = events.compare_within_events(events.score_articles(sentences))
    ax = events.plot_within_events(pairs)
    notes = [t.get_text() for t in ax.texts if t.get_gid() == NOTE_GID]
    plt.close(ax.figure)
    tested = pairs["p_adjusted"].dropna()
    assert len(tested) and len(notes) == 1 and f"across {len(tested)} comparisons" in notes[0]
    assert ("Differences may be chance" in notes[0]) == (tested.min() >= 0.05), notes

    rows = [{"event": f"e{e}", "outlet": outlet, "sentiment": (-0.5 if outlet == "Left" else 0.2) + 0.01 * e}
            for e in range(30) for outlet in ("Left", "Center", "Right")]
    ax = events.plot_within_events(events.compare_within_events(pd.DataFrame(rows)))
    notes = [t.get_text() for t in ax.texts if t.get_gid() == NOTE_GID]  # Left is more negative on every event
    plt.close(ax.figure)
    # Regression: with findings (AllSides events 401-469: 2 of 18 below 0.05, none confirmed by the
    # sign test) the image said "p adj. 0.042" and nothing of the test, the adjustment or the check
    assert notes == ["p adj.: Wilcoxon signed-rank over events, Benjamini-Hochberg across 3 comparisons; "
                     "2 below 0.05, 2 of them confirmed by the sign test"], notes


def test_within_events_chart_and_caption_say_when_no_pair_is_tested(shared_data):
    """Regression: on AllSides events 201-300 (three outlets an event, no two outlets on six events in
    common) the summary's caption read "Wilcoxon p adjusted across the 0 comparisons …; 0 of them
    below 0.05 after adjustment; the sign test, adjusted alike, confirms 0" and "16 of 1,079
    comparisons shown (those with the smallest adjusted p-values …)", and the saved image said
    nothing, so a bar "A 4, B 1 of 5" read as a finding."""
    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")
    from framing.plots import NOTE_GID, add_caption
    from framing.segment import split_table

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    sides = pd.DataFrame(rows).groupby("event_id")["allsides_side"].nunique()
    chosen = set(sides[sides == 3].index[:5])  # five events, each with a left, a center and a right article
    table = pd.DataFrame([{"article_id": r["article_id"], "event": r["event_id"], "outlet": r["allsides_side"].capitalize(),
                           "text": r["text"]} for r in rows if r["event_id"] in chosen])
    pairs = events.compare_within_events(events.score_articles(split_table(table, by="article_id").assign(kind="body")))
    assert pairs["p_wilcoxon"].isna().all() and pairs["n_events"].max() == 5
    said = events.caption_pair_tests(pairs)
    assert said.startswith("no test: no two outlets cover 6 events in common") and "0 comparisons" not in said
    ax = events.plot_within_events(pairs)
    try:
        notes = [t.get_text() for t in ax.texts if t.get_gid() == NOTE_GID]
        assert len(notes) == 1 and notes[0].startswith("No test: no two outlets cover 6 events in common")
        caption = " ".join(add_caption(ax, "Outlets compared within events.").get_text().split())
        assert "(those with the most events in common: none is tested)" in caption and "smallest" not in caption
    finally:
        plt.close(ax.figure)


def test_within_events_chart_keeps_its_note_and_legend_in_the_saved_image(roundups, tmp_path):
    """Regression: on a corpus where no pair differs, the chart's note ("Differences may be chance:
    …"), which stands above an untitled plot, was cut off at the top of the saved image, and the
    legend, anchored at a share of the plot's height, hung an inch below the x label of 16 rows."""
    import matplotlib

    matplotlib.use("Agg")
    from framing import plots
    from framing.plots.style import NOTE_GID

    _, sentences, _, _ = roundups
    pairs = events.compare_within_events(events.score_articles(sentences))
    # the layout of a corpus where no pair differs: every adjusted p at 0.3 or more, so the note is drawn
    ax = events.plot_within_events(pairs.assign(p_adjusted=pairs["p_adjusted"].fillna(0.5).clip(lower=0.3)))
    fig = ax.figure
    seen = {}
    original = fig.savefig

    def spy(*args, **kwargs):
        fig.draw_without_rendering()
        notes = [t for t in ax.texts if t.get_gid() == NOTE_GID]
        seen["note inside"] = all(t.get_window_extent().y1 <= fig.bbox.y1 + 1 for t in notes)
        seen["notes"] = len(notes)
        gap = ax.xaxis.label.get_window_extent().y0 - ax.get_legend().get_window_extent().y1
        seen["legend gap (in)"] = gap / fig.dpi
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, "summary_within_events", out=tmp_path, formats=["png"])
    assert seen["notes"] == 1 and seen["note inside"], seen
    assert -0.05 < seen["legend gap (in)"] < 0.3, seen
    assert not any(t.get_in_layout() for t in ax.texts if t.get_gid() == NOTE_GID)  # the figure is as it was
