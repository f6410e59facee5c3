"""Tests and intervals over articles: exact values on small tables, and rates on simulated corpora."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats as scipy_stats

import framing as fr
from framing import stats as S


def _articles(values: dict[str, list[float]], event=None) -> pd.DataFrame:
    rows = [{"article_id": f"{g}{i}", "outlet": g, "value": v} for g, vs in values.items() for i, v in enumerate(vs)]
    table = pd.DataFrame(rows)
    return table if event is None else table.assign(event=event)


def test_article_values_average_scores_and_share_flags():
    sentences = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "outlet": ["X", "X", "X", "Y"],
                              "event": "e", "sentiment": [0.5, np.nan, -0.1, 0.2],
                              "frame": [True, False, True, False]})
    values = S.article_values(sentences, value=["sentiment", "frame"]).set_index("article_id")
    assert values.loc["a", "sentiment"] == pytest.approx(0.2)  # NaN left out
    assert values.loc["a", "frame"] == pytest.approx(2 / 3)
    assert values.loc["a", "n_sentences"] == 2 and values.loc["b", "n_sentences"] == 1
    assert list(values.columns) == ["outlet", "event", "n_sentences", "sentiment", "frame"]
    with pytest.raises(KeyError, match="tone"):
        S.article_values(sentences, value="tone")


def test_shuffle_within_keeps_every_label_in_its_stratum():
    labels = np.array(list("AABBCCAB"))
    strata = np.array([1, 1, 1, 2, 2, 2, 3, 3])
    shuffled = S.shuffle_within(labels, strata, n=200, seed=4)
    assert shuffled.shape == (200, 8)
    for stratum in (1, 2, 3):
        mask = strata == stratum
        assert all(sorted(row[mask]) == sorted(labels[mask]) for row in shuffled)
    assert len({tuple(row) for row in shuffled}) > 10  # it does shuffle
    np.testing.assert_array_equal(shuffled, S.shuffle_within(labels, strata, n=200, seed=4))


def test_no_p_value_where_no_shuffle_could_change_the_statistic_or_no_event_holds_two_outlets():
    """Regression: a speaker quoted in one event by three outlets, each giving them all its quoted
    words (share 1, every other article 0), was "tested" at p = 1: within every event the values
    were equal, so every shuffle gave the statistic observed. And outlets that each cover their own
    events were called "only one group"."""
    same = pd.concat([_articles({"A": [1.0], "B": [1.0], "C": [1.0]}, event="e1"),
                      _articles({"A": [0.0, 0.0], "B": [0.0], "C": [0.0]}, event="e2")], ignore_index=True)
    same["article_id"] += same["event"]
    result = S.permutation_test(same, value="value")
    assert math.isnan(result["p_value"]) and result["note"] == S.SAME_WITHIN_EVENTS.format(by="outlet")
    apart = pd.concat([_articles({"A": [0.3, 0.1]}, event="e1"), _articles({"B": [0.2, 0.9]}, event="e2")])
    result = S.permutation_test(apart, value="value")
    assert math.isnan(result["p_value"]) and result["note"] == S.NO_SHARED_EVENT.format(by="outlet", present="")


def test_a_speaker_no_two_outlets_quote_in_one_event_has_no_test():
    """Regression: the per-speaker test of quoted words (`present`: the speaker's quoted words) gave
    p = 1 for a speaker each of whose events one outlet quotes, as if outlets had been compared on
    how they quote them; now "no test", as an actor no two outlets of an event name has none."""
    rows = []
    for e in range(6):  # A quotes X in every event; B and C quote someone else there
        for outlet, words in (("A", 30 + e), ("B", 0), ("C", 0)):
            for i in range(2):
                rows.append({"article_id": f"{outlet}{e}{i}", "outlet": outlet, "event": f"e{e}", "speaker": "X",
                             "n_words": words, "word_share": 1.0 * (words > 0) if i == 0 else 0.5 * (words > 0)})
    for e in range(6):  # Y: A and B quote them in each event, A more
        for outlet, share in (("A", 0.9), ("B", 0.2), ("C", 0.0)):
            for i in range(2):
                rows.append({"article_id": f"{outlet}{e}{i}", "outlet": outlet, "event": f"e{e}", "speaker": "Y",
                             "n_words": int(40 * share), "word_share": share - 0.05 * i})
    values = pd.DataFrame(rows)
    test = S.compare_outlets(values, value="word_share", family="speaker", present="n_words",
                             present_as="quoting the speaker", n_permutations=199)
    x, y = (test[test["speaker"] == s].iloc[0] for s in ("X", "Y"))
    assert math.isnan(x["p_value"]) and x["note"] == S.NO_SHARED_EVENT.format(by="outlet", present=" quoting the speaker")
    assert y["p_value"] < 0.05 and x["correction"] == "Holm across 1 test"
    assert "no test for X (no event has articles of two outlets quoting the speaker" in S.caption_tests(test, family="speaker")
    without = S.compare_outlets(values, value="word_share", family="speaker", n_permutations=199)  # as before
    assert without.loc[without["speaker"] == "X", "p_value"].notna().all()


def test_permutation_p_value_matches_the_exact_count():
    # 3 + 3 articles, A's all above B's: 2 of the C(6,3) = 20 splits are as extreme → p = 0.1.
    result = S.permutation_test(_articles({"A": [5, 6, 7], "B": [1, 2, 3]}), value="value", n_permutations=9999)
    assert result["p_value"] == pytest.approx(0.1, abs=0.01)
    assert result["n_articles"] == 6 and result["n_groups"] == 2 and result["note"] == ""
    assert "among all articles" in result["test"]


def test_permutation_within_events_removes_what_events_share():
    # Two events at very different levels; within each, A is above B by 1. Pooled, the event
    # difference drowns the outlet difference; within events, it is A > B every time.
    table = pd.concat([_articles({"A": [11, 12, 13], "B": [10, 11, 12]}, event="e1"),
                       _articles({"A": [-9, -8, -7], "B": [-10, -9, -8]}, event="e2")], ignore_index=True)
    table["article_id"] += table["event"]
    within = S.permutation_test(table, value="value", n_permutations=1999)
    pooled = S.permutation_test(table.drop(columns="event"), value="value", n_permutations=1999)
    assert within["n_events"] == 2 and "within events" in within["test"]
    assert pooled["p_value"] > 0.5 and within["p_value"] < pooled["p_value"]


def test_nothing_to_test_within_one_event_with_one_article_per_outlet():
    result = S.permutation_test(_articles({"A": [0.3], "B": [-0.2], "C": [0.1]}, event="e"), value="value")
    assert math.isnan(result["p_value"]) and result["note"] == S.NOTHING_TO_TEST
    one = S.permutation_test(_articles({"A": [0.3, 0.1]}), value="value")
    assert math.isnan(one["p_value"]) and one["note"] == "only one outlet: nothing to compare"
    # Outlets that each cover one event with one article: shuffling within events only swaps their
    # names, so every shuffle gives the same statistic (the old code returned p = 1 here).
    scattered = pd.concat([_articles({f"A{e}": [1.0 + e], f"B{e}": [0.0 + e]}, event=f"e{e}") for e in range(8)])
    result = S.permutation_test(scattered, value="value", n_permutations=99)
    assert math.isnan(result["p_value"]) and result["note"] == S.NOTHING_TO_TEST and result["n_events"] == 8
    # Many events with one article per outlet each is a paired design: there the test runs.
    paired = pd.concat([_articles({"A": [1.0 + e], "B": [0.0 + e]}, event=f"e{e}") for e in range(8)])
    paired["article_id"] += paired["event"]
    result = S.permutation_test(paired, value="value", n_permutations=999)
    assert result["p_value"] == pytest.approx(2 / 2 ** 8, abs=0.01)  # A above B in all 8 events


def test_cliffs_delta_by_hand():
    # pairs (x, y): 3 > 1, 3 > 2, 1 = 1, 1 < 2 → (2 − 1) / 4
    assert S.cliffs_delta([3, 1], [1, 2]) == pytest.approx(0.25)
    assert S.cliffs_delta([5, 6], [1, 2]) == 1.0 and math.isnan(S.cliffs_delta([], [1]))


def test_adjust_p_holm_and_bh_by_hand():
    p = [0.01, 0.04, 0.03, np.nan]
    # Holm: sorted 0.01·3, 0.03·2, 0.04·1 → 0.03, 0.06, 0.06 (monotone)
    np.testing.assert_allclose(S.adjust_p(p, method="holm")[:3], [0.03, 0.06, 0.06])
    # BH: 0.01·3/1, 0.03·3/2, 0.04·3/3 → 0.03, 0.04, 0.045 → monotone from the top: 0.03, 0.04, 0.04
    np.testing.assert_allclose(S.adjust_p(p, method="fdr_bh")[:3], [0.03, 0.04, 0.04])
    assert np.isnan(S.adjust_p(p)[3])
    with pytest.raises(ValueError):
        S.adjust_p(p, method="sidak-ish")


def test_compare_outlets_adjusts_across_families_and_names_the_method():
    table = pd.concat([_articles({"A": [6, 7, 8, 9, 10], "B": [1, 2, 3, 4, 5]}).assign(frame="x"),
                       _articles({"A": [1, 3, 2, 4, 5], "B": [2, 4, 1, 3, 5]}).assign(frame="y")])
    result = S.compare_outlets(table, value="value", family="frame", n_permutations=1999, correction="fdr_bh")
    assert set(result["correction"]) == {"Benjamini-Hochberg across 2 tests"}
    x = result[result["frame"] == "x"].set_index("outlet")
    assert x.loc["A", "difference"] == pytest.approx(5.0) and x.loc["A", "cliffs_delta"] == 1.0
    assert x.loc["A", "effect_note"] == ""
    assert x.loc["A", "p_value"] == pytest.approx(2 / 252, abs=0.006)  # 2 of C(10,5) = 252 splits
    assert (result["p_adjusted"] >= result["p_value"]).all()


def test_compare_outlets_claims_no_correction_when_nothing_could_be_tested():
    """Regression: one article per outlet in one event has no test, yet the table said "Holm across
    4 tests" beside empty p-values."""
    one_each = pd.concat([_articles({"A": [5], "B": [1]}).assign(frame=f) for f in ("x", "y")])
    result = S.compare_outlets(one_each, value="value", family="frame")
    assert result["p_value"].isna().all() and result["correction"].isna().all()
    some = pd.concat([_articles({"A": [5, 6, 7, 8], "B": [1, 2, 3, 4]}).assign(frame="x"),
                      _articles({"A": [5], "B": [1]}).assign(frame="y")])
    assert set(S.compare_outlets(some, value="value", family="frame")["correction"]) == {"Holm across 1 test"}


def test_bootstrap_interval_expanded_is_wider_than_percentile_with_few_articles():
    x = [0.1, -0.2, 0.3, 0.05, -0.1]
    plain = S.bootstrap_interval(x, method="percentile", seed=0)
    expanded = S.bootstrap_interval(x, method="expanded", seed=0)
    assert expanded[0] < plain[0] < np.mean(x) < plain[1] < expanded[1]
    assert S.bootstrap_interval([0.2, 0.2, 0.2], seed=0) == (0.2, 0.2)
    with pytest.raises(ValueError):
        S.bootstrap_interval([0.2])


def test_t_interval_is_mean_plus_minus_t_times_standard_error():
    x = np.array([0.1, -0.2, 0.3, 0.05, -0.1])
    half = 2.776445 * x.std(ddof=1) / np.sqrt(5)  # t quantile 0.975 with 4 degrees of freedom
    assert S.mean_interval(x, method="t") == pytest.approx((x.mean() - half, x.mean() + half))
    assert S.mean_interval([0.2, 0.2, np.nan], method="t") == (0.2, 0.2)
    assert S.mean_interval(x, method="expanded", seed=0) == S.bootstrap_interval(x, method="expanded", seed=0)
    with pytest.raises(ValueError):
        S.mean_interval([0.2], method="t")
    with pytest.raises(ValueError):
        S.bootstrap_interval(x, method="t")  # not a bootstrap


def test_summarise_articles_names_the_interval_it_draws():
    values = _articles({"A": [0.1, 0.2, 0.3, 0.4, 0.5]})
    t = S.summarise_articles(values, value="value", method="t").iloc[0]
    assert t["interval"] == "t interval over articles (95%)"
    assert (t["ci_low"], t["ci_high"]) == pytest.approx(S.mean_interval([0.1, 0.2, 0.3, 0.4, 0.5]))
    boot = S.summarise_articles(values, value="value").iloc[0]
    assert boot["interval"] == "bootstrap over articles (expanded, 95%)"
    with pytest.raises(ValueError):
        S.summarise_articles(values, value="value", method="normal")


def test_summarise_articles_draws_no_interval_below_the_minimum():
    values = _articles({"A": [0.1, 0.2, 0.3, 0.4, 0.5], "B": [0.1, 0.2, 0.3, 0.4]})
    summary = S.summarise_articles(values, value="value").set_index("outlet")
    assert summary.loc["A", "ci_low"] < 0.3 < summary.loc["A", "ci_high"]
    assert np.isnan(summary.loc["B", "ci_low"]) and summary.loc["B", "interval"] == S.NO_INTERVAL
    assert summary["n_articles"].tolist() == [5, 4]
    lowered = S.summarise_articles(values, value="value", min_articles=4).set_index("outlet")
    assert not np.isnan(lowered.loc["B", "ci_low"])


# ── simulation: outlets that do not differ ─────────────────────────────────────────────────────

REPETITIONS = 100  # small and bounded; benchmarks/bench_stats.py runs many more and prints the rates


def test_article_test_keeps_its_false_positive_rate_where_the_sentence_test_does_not():
    article_hits = sentence_hits = 0
    for rep in range(REPETITIONS):
        corpus = S.simulate_articles(events=6, outlets=3, articles=2, seed=rep)
        values = S.article_values(corpus, value="sentiment")
        article_hits += S.permutation_test(values, value="sentiment", n_permutations=499, seed=rep)["p_value"] < 0.05
        groups = [part["sentiment"] for _, part in corpus.groupby("outlet")]
        sentence_hits += scipy_stats.f_oneway(*groups).pvalue < 0.05
    assert article_hits / REPETITIONS < 0.10
    assert sentence_hits / REPETITIONS > 0.15  # sentences taken as independent: far too many


def test_a_known_shift_is_found():
    corpus = S.simulate_articles(events=20, outlets=2, articles=2, shift=0.3, seed=11)
    result = S.permutation_test(S.article_values(corpus, value="sentiment"), value="sentiment", n_permutations=999)
    assert result["p_value"] < 0.01


def test_intervals_over_ten_articles_cover_the_truth():
    covered = t_covered = 0
    for rep in range(REPETITIONS):
        corpus = S.simulate_articles(events=10, outlets=1, articles=1, event_sd=0.0, seed=1000 + rep)
        values = S.article_values(corpus, value="sentiment")["sentiment"]
        low, high = S.bootstrap_interval(values, n_boot=999, seed=rep)
        covered += low <= 0.0 <= high
        low, high = S.mean_interval(values, method="t")
        t_covered += low <= 0.0 <= high
    assert covered / REPETITIONS >= 0.88
    assert t_covered / REPETITIONS >= 0.88


def test_simulated_corpus_is_a_sentence_table_with_the_shift_asked_for():
    corpus = fr.simulate_articles(events=3, outlets=2, articles=4, shift=5.0, sentences=(3, 3), seed=0)
    assert len(corpus) == 3 * 2 * 4 * 3 and corpus["article_id"].nunique() == 24
    assert corpus.groupby("article_id")["sentence_id"].apply(list).map(lambda ids: ids == [0, 1, 2]).all()
    means = corpus.groupby("outlet")["sentiment"].mean()
    assert means["outlet 0"] - means["outlet 1"] == pytest.approx(5.0, abs=0.5)


def _roundup_sentences(shared_data, n_events: int):
    import json

    from framing.segment import split_table

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    events = sorted({r["event_id"] for r in rows})[:n_events]
    table = pd.DataFrame([{"article_id": f"a{i}", "outlet": r["outlet"], "event": r["event_id"], "text": r["text"]}
                          for i, r in enumerate(rows) if r["event_id"] in events])
    sentences = split_table(table, by="article_id").assign(kind="body")
    return sentences.assign(n_words=sentences["text"].str.split().str.len())


def test_describe_tests_says_once_that_one_test_covers_every_outlet(shared_data, seed_sentences):
    """Regression: notebooks 02 and 03 showed the permutation test's p-value (and "n_events 100")
    on every outlet's row, read as a test of that outlet (an outlet of one article "in 100 events",
    p = 0.96); the test asks whether the outlets differ at all, and names none."""
    sentences = _roundup_sentences(shared_data, 30)
    summary = fr.summarise_frames(fr.add_frames(sentences), sentences)
    lines = S.describe_tests(summary, value="frame share", family="frame")
    frames = sorted(summary["frame"].unique())
    assert len(lines) == len(frames)
    for frame, line in zip(frames, lines):
        row = summary[summary["frame"] == frame].iloc[0]
        assert line.startswith(f"frame share, {frame}: ")
        assert f"one test of all {summary.loc[summary['frame'] == frame, 'outlet'].nunique()} outlets together" in line
        assert f"p = {row['p_value']:.3g}, adjusted {row['p_adjusted']:.3g} (Holm across" in line
        assert "not which outlet" in line
    one = S.compare_outlets(S.article_values(sentences, value="n_words"), value="n_words")
    (line,) = S.describe_tests(one, value="words per sentence")
    assert f"p = {one['p_value'].iloc[0]:.3g}. It says" in line and "adjusted" not in line  # one test: none
    seed = fr.summarise_frames(fr.add_frames(seed_sentences), seed_sentences)
    (line,) = S.describe_tests(seed, value="frame share", family="frame")  # one reason, said once
    assert line.endswith(S.NOTHING_TO_TEST + ".")
    assert line.startswith("frame share, " + ", ".join(sorted(seed["frame"].unique())) + ": no test: ")


def test_an_effect_size_over_too_few_events_for_an_interval_says_so():
    """Regression: `compare_outlets` asks five articles on a side for an effect size, and
    `within_event_effects` five events for an interval. An outlet with six articles on two events got
    a `difference` with an empty `effect_note` in the table of notebooks 02 and 03, while the chart on
    the same events drew it hollow as "not an estimate"; the note now says which minimum it misses."""
    rows = ([("A", e, v) for e in ("e1", "e2") for v in (0.1, 0.2, 0.3)]
            + [("B", e, v) for e in ("e1", "e2") for v in (0.0, 0.1, 0.0)]
            + [("B", f"e{k}", 0.0) for k in range(3, 8)] + [("C", f"e{k}", 0.1 * k) for k in range(3, 8)])
    table = pd.DataFrame(rows, columns=["outlet", "event", "value"]).assign(article_id=lambda t: [f"a{i}" for i in range(len(t))])
    result = S.compare_outlets(table, value="value", n_permutations=99).set_index("outlet")
    effects = S.within_event_effects(table, value="value").set_index("outlet")
    assert effects.loc["A", "n_events"] == 2 and np.isnan(effects.loc["A", "ci_low"])
    assert result.loc["A", "difference"] == pytest.approx(effects.loc["A", "difference"])  # an effect size over articles...
    assert result.loc["A", "effect_note"] == S.FEW_EVENTS_EFFECT.format(n=2)  # ...that says it has no interval over events
    assert "2 events" in result.loc["A", "effect_note"] and "fewer than 5" in result.loc["A", "effect_note"]
    assert result.loc["B", "effect_note"] == "" and result.loc["C", "effect_note"] == ""  # 7 and 5 events
    one_event = S.compare_outlets(table[table["event"] == "e1"].assign(event="e1"), value="value", n_permutations=99)
    assert set(one_event["effect_note"]) == {S.NO_EFFECT}  # three articles a side: the article minimum, said as such


def test_no_effect_size_below_the_minimum_the_intervals_use(shared_data, seed_sentences):
    """Regression: with one article per outlet the seeds showed Cliff's delta ±1 and a difference in
    means, as if one article measured an outlet. Below `MIN_ARTICLES` articles (in the group or the
    others), where no interval is drawn either, there is no effect size, and `effect_note` says why."""
    seed = S.compare_outlets(S.article_values(seed_sentences, value="n_words"), value="n_words")
    assert seed["n_articles"].tolist() == [1, 1]
    assert seed["difference"].isna().all() and seed["cliffs_delta"].isna().all()
    assert set(seed["effect_note"]) == {S.NO_EFFECT} and seed["mean"].notna().all()
    sentences = _roundup_sentences(shared_data, 60)
    table = S.compare_outlets(S.article_values(sentences, value="n_words"), value="n_words", n_permutations=99)
    small = table["n_articles"] < S.MIN_ARTICLES
    assert small.any() and (~small).any()
    assert table.loc[small, ["difference", "cliffs_delta"]].isna().all().all()
    assert (table.loc[small, "effect_note"] == S.NO_EFFECT).all()
    assert table.loc[~small, ["difference", "cliffs_delta"]].notna().all().all()
    assert (table.loc[~small, "effect_note"] == "").all()
    big = table.loc[~small].iloc[0]
    values = S.article_values(sentences, value="n_words")
    pairs = values[values["outlet"] == big["outlet"]].merge(values[values["outlet"] != big["outlet"]], on="event")
    assert big["cliffs_delta"] == pytest.approx(np.sign(pairs["n_words_x"] - pairs["n_words_y"]).mean())


def test_effect_sizes_compare_articles_of_the_same_event():
    """Regression: `difference` and `cliffs_delta` pooled every article of an outlet against every
    other, so an outlet that covered only the gloomiest events came out more negative than outlets
    that wrote the same way. They now set each article against the other outlets' articles of its
    own event; with one event they are the plain difference and Cliff's delta."""
    one = _articles({"A": [6, 7, 8, 9, 10], "B": [1, 2, 3, 4, 5], "C": [2, 2, 9]}, event="e")
    effects = S.within_event_effects(one, value="value", min_articles=1).set_index("outlet")
    for outlet in "ABC":
        mine, other = one.loc[one["outlet"] == outlet, "value"], one.loc[one["outlet"] != outlet, "value"]
        assert effects.loc[outlet, "difference"] == pytest.approx(mine.mean() - other.mean())
        assert effects.loc[outlet, "cliffs_delta"] == pytest.approx(S.cliffs_delta(mine, other))
    values = S.article_values(S.simulate_articles(events=40, outlets=3, articles=2, event_sd=0.5, seed=3),
                              value="sentiment")
    event_means = values.groupby("event")["sentiment"].mean()
    gloomy = event_means[event_means < event_means.median()].index
    values = values[(values["outlet"] != "outlet 0") | values["event"].isin(gloomy)]  # no shift, uneven coverage
    table = S.compare_outlets(values, value="sentiment", n_permutations=199).set_index("outlet")
    pooled = table.loc["outlet 0", "mean"] - values.loc[values["outlet"] != "outlet 0", "sentiment"].mean()
    assert pooled < -0.3  # what the pooled difference said
    assert abs(table.loc["outlet 0", "difference"]) < 0.1 and table.loc["outlet 0", "mean_other"] < -0.3
    lone = pd.concat([values, _articles({"outlet 0": [5.0]}, event="only one outlet").rename(columns={"value": "sentiment"})])
    assert S.within_event_effects(lone, value="sentiment").set_index("outlet").loc["outlet 0", "n_compared"] == 40


def _effects_group_by_group(values, *, value, min_events=S.MIN_ARTICLES, min_articles=S.MIN_ARTICLES):
    """`within_event_effects` as first written: each group's articles and events looked up in the
    whole table, one group at a time (what the faster loop must equal)."""
    frame = pd.DataFrame({"g": values["outlet"].to_numpy(), "s": pd.factorize(values["event"])[0],
                          "x": values[value].to_numpy(dtype=float)})
    in_event, in_cell = frame.groupby("s")["x"], frame.groupby(["s", "g"])["x"]
    frame["n_own"] = in_cell.transform("size")
    frame["n_other"] = in_event.transform("size") - frame["n_own"]
    frame["other_mean"] = (in_event.transform("sum") - in_cell.transform("sum")) / frame["n_other"].where(frame["n_other"] > 0)
    below = (in_event.rank(method="min") - 1) - (in_cell.rank(method="min") - 1)
    above = (frame["n_own"] + frame["n_other"] - in_event.rank(method="max")) - (frame["n_own"] - in_cell.rank(method="max"))
    compared = frame.assign(wins=below - above, pairs=frame["n_other"])[frame["n_other"] > 0]
    cells = compared.groupby(["g", "s"]).agg(own=("x", "mean"), other=("other_mean", "first"), n_other=("n_other", "first"))
    cells["gap"] = cells["own"] - cells["other"]
    rows = []
    for group in np.sort(frame["g"].unique()):
        mine = compared[compared["g"] == group]
        gaps = cells.loc[group] if group in cells.index.get_level_values(0) else cells.iloc[:0]
        low = high = np.nan
        if len(gaps) >= max(min_events, 2):
            low, high = S.mean_interval(gaps["gap"])
        rows.append({"outlet": group, "n_compared": len(mine), "n_other": int(gaps["n_other"].sum()),
                     "n_events": len(gaps), "mean_other": gaps["other"].mean(), "difference": gaps["gap"].mean(),
                     "ci_low": low, "ci_high": high, "cliffs_delta": mine["wins"].sum() / mine["pairs"].sum()
                     if min(len(mine), gaps["n_other"].sum()) >= max(min_articles, 1) else np.nan})
    return pd.DataFrame(rows)


def test_effects_on_the_same_events_are_those_of_each_group_looked_up_in_turn(shared_data):
    """`within_event_effects` looked each group's articles and events up in the whole table, one
    group at a time: about 1 s a call on all of allsides-roundups (145 outlets), once per frame and
    measure. It now takes each group's slice of one sorted table; the numbers must be the same
    floats, not merely close ones."""
    sentences = _roundup_sentences(shared_data, 120)
    values = S.article_values(sentences, value="n_words")
    for table in (values, values[values.index % 3 > 0]):  # and with articles missing, as with NaN scores
        for minimum in (S.MIN_ARTICLES, 1):
            got = S.within_event_effects(table, value="n_words", min_articles=minimum)
            expected = _effects_group_by_group(table, value="n_words", min_articles=minimum)
            assert got["outlet"].tolist() == expected["outlet"].tolist()
            assert got.shape[0] > 40 and got["ci_low"].notna().sum() > 3  # many groups, some with an interval
            for column in expected.columns[1:]:
                assert got[column].fillna(-9).tolist() == expected[column].fillna(-9).tolist(), column


def test_effect_size_on_the_same_events_needs_five_articles_a_side(shared_data):
    """Regression: notebooks 02 and 03 saved a Cliff's delta of ±1 for an outlet with one article
    of one event (against two), beside compare_outlets' "too few articles for an effect size"."""
    values = S.article_values(_roundup_sentences(shared_data, 40), value="n_words")
    effects = S.within_event_effects(values, value="n_words").set_index("outlet")
    few = effects[["n_compared", "n_other"]].min(axis=1) < S.MIN_ARTICLES
    assert few.any() and (~few).any()
    assert effects.loc[few, "cliffs_delta"].isna().all()
    assert effects.loc[~few, "cliffs_delta"].notna().all()
    assert effects.loc[few, "difference"].notna().all()  # the difference stays, drawn without an interval


def test_outlets_on_too_few_events_say_why_they_have_no_interval(shared_data):
    """Regression: `sentiment_on_same_events.csv` on allsides-100 gave 50 of 72 outlets, seen on 1-4
    events, a `difference` (Bloomberg +0.40 from one event) with empty interval columns and no word
    why, while the chart drew them hollow. Each row now says why it has no interval, and the caption
    counts the hollow dots and says they estimate nothing."""
    values = S.article_values(_roundup_sentences(shared_data, 40), value="n_words")
    values = pd.concat([values, values.iloc[:1].assign(outlet="Alone", event="an event of its own")])
    effects = S.within_event_effects(values, value="n_words").set_index("outlet")
    few = effects["n_events"].between(1, S.MIN_ARTICLES - 1)
    enough = effects["n_events"] >= S.MIN_ARTICLES
    assert few.sum() >= 5 and enough.sum() >= 3
    assert effects.loc[few, "difference"].notna().all() and effects.loc[few, "ci_low"].isna().all()
    assert effects.loc[few, "note"].str.contains(f"too few events for an interval \\(fewer than {S.MIN_ARTICLES}\\)").all()
    assert effects.loc[few, "note"].str.contains("not an estimate").all()
    one = effects[effects["n_events"] == 1].iloc[0]
    assert one["note"].startswith("1 event: ")
    assert (effects.loc[enough, "note"] == "").all() and effects.loc[enough, "ci_low"].notna().all()
    assert effects.loc["Alone", "note"].startswith("shares no event with another outlet")
    caption = S.describe_event_intervals(effects.reset_index())
    compared = int((effects["n_events"] > 0).sum())
    assert f"hollow dots: {few.sum()} of the {compared} outlets on fewer than {S.MIN_ARTICLES} events" in caption
    assert "estimates nothing" in caption and "1 outlet sharing no event with another left out" in caption
    assert "measured coverage 95–97%" in caption and "not adjusted" in caption
    none = S.describe_event_intervals(effects[few].reset_index())
    assert none.startswith("no interval: every outlet shares fewer than 5 events") and "bars" not in none


def test_comparable_keeps_events_with_two_outlets_and_pools_rows_without_an_event(shared_data):
    sentences = _roundup_sentences(shared_data, 10)
    values = S.article_values(sentences, value="n_words")
    assert S.comparable(values["outlet"], values["event"]).all()  # every roundup event has 2-3 outlets
    two = values.drop_duplicates("outlet").iloc[:2]
    lone = two.iloc[:1].assign(event="alone", article_id="x0")  # an event one outlet covers
    pool = two.assign(event=np.nan, article_id=["x1", "x2"])  # no event, two outlets: one pool
    table = pd.concat([values, lone, pool], ignore_index=True)
    keep = S.comparable(table["outlet"], table["event"])
    assert keep.tolist() == [True] * len(values) + [False, True, True]
    assert S.left_out(table, keep) == {"n_articles": 1, "n_events": 1}
    one_pool = pd.concat([values, pool.iloc[:1]], ignore_index=True)  # no event, one outlet: left out
    assert not S.comparable(one_pool["outlet"], one_pool["event"])[-1]
    # the permutation test keeps the pool of articles without an event, as one event
    filled = table.assign(event=table["event"].fillna("no event"))
    a, b = (S.permutation_test(t, value="n_words", n_permutations=199, seed=4) for t in (table, filled))
    assert (a["p_value"], a["n_articles"], a["n_events"]) == (b["p_value"], b["n_articles"], b["n_events"])
    assert (a["n_articles"], a["n_events"]) == (len(values) + 2, 11)


def test_summarise_frames_says_which_test_over_how_many_events(shared_data):
    """The frame table names the test behind its p-value and the events it compared, so a reader
    knows what was pooled (`describe_tests` reads both)."""
    sentences = _roundup_sentences(shared_data, 30)
    summary = fr.summarise_frames(fr.add_frames(sentences), sentences, n_permutations=99)
    assert set(summary["test"]) == {"permutation of outlet labels over articles, within events"}
    assert set(summary["n_events_tested"]) == {30} and "n_events" not in summary  # not the outlet's events
    line = S.describe_tests(summary, value="frame share", family="frame")[0]
    assert "(permutation of outlet labels over articles, within 30 events)" in line


def test_interval_captions_describe_only_the_intervals_drawn():
    """Regression: on the seeds (one article per outlet) the charts drew no interval, yet their
    captions read "bars: nominal 95% t interval over articles (measured coverage 91–92% …)"; the
    coverage quoted was 91–92% in captions and 91–93% in the report's methods paragraph."""
    values = S.article_values(S.simulate_articles(events=6, outlets=2, articles=1, seed=3), value="sentiment")
    drawn = S.summarise_articles(values, value="sentiment", method="t")
    assert drawn["ci_low"].notna().all()
    assert S.describe_intervals(drawn, measure="sentiment", method="t") == (
        "bars: nominal 95% t interval over articles (measured coverage 91–93% at 5–10 articles, "
        "docs/statistics.md; none below 5 articles: dots are the articles)")
    few = S.summarise_articles(values[values["event"].isin(["e0", "e1"])], value="sentiment", method="t")
    assert few["ci_low"].isna().all()
    text = S.describe_intervals(few, measure="sentiment", method="t")
    assert text == "no interval: every outlet has fewer than 5 articles (dots are the articles)"
    # a value whose coverage was not measured gets no coverage figure
    assert "coverage" not in S.describe_intervals(drawn, measure="frame share", method="percentile")
    assert "measured coverage 95–96%" in S.describe_intervals(drawn, measure="sentiment in part of an article",
                                                             method="t", shape="bands", dots=False)
    from framing.report import statistics_paragraph
    assert S.MEASURED_COVERAGE["sentiment", "t"] in statistics_paragraph()
    assert S.MEASURED_COVERAGE["frame share", "korn-graubard"] in statistics_paragraph()
    assert S.MEASURED_COVERAGE["quote share", "korn-graubard"] in statistics_paragraph()
    assert "Korn & Graubard 1998" in statistics_paragraph()
    assert "Clopper" in statistics_paragraph()


def test_a_chart_caption_names_the_test_and_words_its_result_no_stronger_than_it_is():
    """Regression: the frame and sentiment charts named their intervals but not the test of whether
    the outlets differ, so a chart exported into a paper (or the report's index, which shows no
    printed output) could not say whether its differences were beyond chance."""
    shifted = S.article_values(S.simulate_articles(events=30, outlets=3, articles=1, shift=0.5, seed=1),
                               value=["sentiment", "frame"])
    found = S.caption_tests(S.compare_outlets(shifted, value="sentiment", n_permutations=499))
    assert found.startswith("Do the 3 outlets differ? One test of all of them, by permutation of outlet "
                            "labels over articles within 30 events: p = 0.002; ")
    assert found.endswith("evidence at 0.05 that the outlets differ (not which outlet does).")
    alike = S.article_values(S.simulate_articles(events=30, outlets=3, articles=1, seed=2), value="sentiment")
    test = S.compare_outlets(alike, value="sentiment", n_permutations=499)
    assert test["p_value"].iloc[0] >= 0.05
    assert S.caption_tests(test).endswith(f"p = {test['p_value'].iloc[0]:.3g}; no evidence of a difference, so "
                                          "the order of the outlets may be chance.")
    long = shifted.melt(id_vars=["article_id", "outlet", "event"], value_vars=["sentiment", "frame"],
                        var_name="measure", value_name="value")
    several = S.compare_outlets(long, value="value", family="measure", n_permutations=499)
    text = S.caption_tests(several, family="measure")
    assert ", one per measure, Holm across 2 tests: adjusted p below 0.05 for " in text
    assert "(frame " in text and ", sentiment 0.004)" in text
    one = S.article_values(S.simulate_articles(events=1, outlets=2, articles=1, seed=3), value="sentiment")
    assert S.caption_tests(S.compare_outlets(one, value="sentiment")) == f"No test: {S.NOTHING_TO_TEST}."


def test_a_caption_of_families_on_different_events_gives_their_range():
    """Regression: a caption of one test per actor named the events of the first actor tested only
    ("within 2 events" on the first 100 AllSides events with one left, one center and one right
    article each, where Boris Johnson is named on 2 events and Joe Biden on dozens). Families tested
    on different events now give the range of their events."""
    values = S.article_values(S.simulate_articles(events=12, outlets=3, articles=2, seed=5), value="sentiment")
    few = values[values["event"].isin(sorted(values["event"].unique())[:3])]
    table = pd.concat([few.assign(actor="A"), values.assign(actor="B")])
    test = S.compare_outlets(table, value="sentiment", family="actor", n_permutations=199)
    assert sorted(test.groupby("actor")["n_events_tested"].first()) == [3, 12]
    assert "by permutation of outlet labels over articles within 3 to 12 events, one per actor" in S.caption_tests(
        test, family="actor")
    same = S.compare_outlets(pd.concat([values.assign(actor="A"), values.assign(actor="B")]), value="sentiment",
                             family="actor", n_permutations=199)
    assert "over articles within 12 events, one per actor" in S.caption_tests(same, family="actor")


def test_a_caption_of_families_names_those_it_could_not_test():
    """Regression: on AllSides events 201-300 the chart of sentiment toward each actor drew six actors
    and its caption listed the tests of five ("Holm across 5 tests: … (Chuck Schumer 0.98, Donald
    Trump 0.29, …)"): Anthony Fauci, in one article of each outlet that names him, was simply missing."""
    values = S.article_values(S.simulate_articles(events=12, outlets=3, articles=2, seed=5), value="sentiment")
    single = S.article_values(S.simulate_articles(events=1, outlets=3, articles=1, seed=6), value="sentiment")
    test = S.compare_outlets(pd.concat([values.assign(actor="B"), values.assign(actor="C"), single.assign(actor="A")]),
                             value="sentiment", family="actor", n_permutations=199)
    caption = S.caption_tests(test, family="actor")
    assert ", one per actor, Holm across 2 tests: adjusted p below 0.05 for " in caption
    assert f"; no test for A ({S.NOTHING_TO_TEST}); " in caption
    one = S.caption_tests(test[test["actor"] != "C"], family="actor")  # one family tested: its p itself
    assert f"; no test for A ({S.NOTHING_TO_TEST}); " in one and ": p = " in one


def test_a_caption_with_no_test_gives_each_familys_reason():
    """Regression: on the seed corpus (one event, one article per outlet) the chart of sentiment toward
    each actor was captioned "No test: only one group: nothing to compare", the reason of the first
    actor in alphabetical order (Boris Pistorius, named by one outlet), though both outlets name Pete
    Hegseth, whose reason is that each outlet has one article; the speaker chart alike."""
    one = S.article_values(S.simulate_articles(events=1, outlets=2, articles=1, seed=3), value="sentiment")
    table = pd.concat([one.assign(actor="Pete Hegseth"), one.iloc[:1].assign(actor="Boris Pistorius")])
    caption = S.caption_tests(S.compare_outlets(table, value="sentiment", family="actor"), family="actor")
    assert caption == (f"No test: for Boris Pistorius, only one outlet: nothing to compare; for Pete Hegseth, "
                       f"{S.NOTHING_TO_TEST}.")
    both = pd.concat([one.assign(actor="Pete Hegseth"), one.assign(actor="Donald Trump")])
    assert S.caption_tests(S.compare_outlets(both, value="sentiment", family="actor"), family="actor") == (
        f"No test: {S.NOTHING_TO_TEST}.")  # one reason for all: said once


def test_a_caption_of_one_event_says_one_event():
    """Regression: a corpus of one event (a CSV of climate articles) was captioned "by permutation of
    outlet labels over articles within 1 events"."""
    values = S.article_values(S.simulate_articles(events=1, outlets=3, articles=6, seed=4), value="sentiment")
    test = S.compare_outlets(values, value="sentiment", n_permutations=199)
    assert "over articles within 1 event: p = " in S.caption_tests(test)
    assert ", within 1 event): p = " in S.describe_tests(test, value="sentiment")[0]


def test_a_caption_without_evidence_says_the_order_of_the_outlets_may_be_chance(shared_data):
    """Regression: on allsides-100 the chart of sentiment on the same events ranked 22 outlets by
    their difference ("Washington Times" on top, its interval above zero) under a caption whose test
    found no difference (p = 0.854): the caption said "no evidence of a difference" and left the
    ranking to read as one. It now says that the order may be chance."""
    sentences = _roundup_sentences(shared_data, 60)
    values = S.article_values(sentences, value="n_words")
    test = S.compare_outlets(values, value="n_words", n_permutations=499)
    assert test["p_value"].iloc[0] >= 0.05  # words per sentence: no outlet stands out over these events
    caption = S.caption_tests(test)
    assert caption.endswith("; no evidence of a difference, so the order of the outlets may be chance.")
    summary = fr.summarise_frames(fr.add_frames(sentences), sentences)
    frames = S.caption_tests(summary, family="frame")
    if (summary["p_adjusted"] >= 0.05).all():
        assert frames.endswith("; no evidence of a difference, so the order of the outlets may be chance.")


def test_one_frame_of_a_family_is_captioned_with_its_adjusted_p():
    shifted = S.article_values(S.simulate_articles(events=30, outlets=3, articles=1, shift=0.5, seed=1),
                               value=["sentiment", "frame"])
    long = shifted.melt(id_vars=["article_id", "outlet", "event"], value_vars=["sentiment", "frame"],
                        var_name="measure", value_name="value")
    several = S.compare_outlets(long, value="value", family="measure", n_permutations=499)
    text = S.caption_tests(several[several["measure"] == "sentiment"], family="measure")
    assert text.endswith("p = 0.002, adjusted 0.004 (Holm across 2 tests); evidence at 0.05 that the outlets "
                         "differ (not which outlet does).")


def test_equal_values_that_are_not_shares_get_no_interval_and_say_why():
    values = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6, "score": [0.2] * 6 + [0.1, 0.3, 0.2, 0.4, 0.0, 0.2]})
    for method in ("t", "expanded"):
        summary = S.summarise_articles(values, value="score", method=method).set_index("outlet")
        assert np.isnan(summary.loc["A", "ci_low"]) and "no spread" in summary.loc["A", "interval"]
        assert summary.loc["B", "ci_low"] < summary.loc["B", "ci_high"]
    shares = S.summarise_articles(values.assign(score=values["score"].where(values["outlet"] == "B", 0.0)),
                                  value="score", bounded=True).set_index("outlet")
    assert shares.loc["A", "ci_low"] == 0 < shares.loc["A", "ci_high"]


def test_outlets_with_the_same_gap_on_every_event_get_no_interval(shared_data):
    """Regression: when every within-event gap was 0 (a frame no article of these events uses:
    shares all 0), the t interval over events was "0 to 0", as if the difference were known
    exactly. Such an outlet keeps its `difference`, gets no interval, and its note, the chart and
    the caption say why; outlets whose gaps vary keep their interval."""
    import matplotlib.pyplot as plt

    values = S.article_values(_roundup_sentences(shared_data, 40), value="n_words")
    unused = values.assign(share=0.0)  # every article at 0%: every gap is 0
    effects = S.within_event_effects(unused, value="share").set_index("outlet")
    enough = effects["n_events"] >= S.MIN_ARTICLES
    assert enough.sum() >= 3
    assert (effects.loc[enough, "difference"] == 0).all() and effects.loc[enough, "ci_low"].isna().all()
    assert effects.loc[enough, "note"].str.startswith("every event's gap is 0: no spread over events").all()
    caption = S.describe_event_intervals(effects.reset_index())
    assert caption.startswith(f"no interval: hollow dots: {enough.sum()} outlets whose gap is the same on every event")
    assert "bars:" not in caption
    ax = fr.plot_within_event_differences(effects.reset_index())
    note = " ".join(t.get_text() for t in ax.texts)
    assert "the same gap on every event, no spread for an interval" in note and "too few events for an interval" in note
    plt.close(ax.figure)
    varied = S.within_event_effects(values, value="n_words").set_index("outlet")
    mixed = pd.concat([varied[enough].iloc[1:], effects[enough].iloc[:1]]).reset_index()
    caption = S.describe_event_intervals(mixed)
    assert caption.startswith("bars: nominal 95% t interval over events") and "hollow dots: 1 outlet whose gap" in caption
    assert varied.loc[enough, "ci_high"].gt(varied.loc[enough, "ci_low"]).all()


def test_a_p_value_near_alpha_is_drawn_again_so_the_decision_does_not_hang_on_the_seed():
    """Regression (a new user's trust pass): a permutation p from 1,999 shuffles near 0.05 said
    "evidence" with one seed and "no evidence" with another (this corpus: p < 0.05 for 6 of 10
    seeds). compare_outlets draws such a test again from more shuffles, so every seed agrees; a p far
    from 0.05 keeps its 1,999 shuffles."""
    near = S.article_values(S.simulate_articles(events=20, shift=0.08, seed=4), value="sentiment",
                            by=["outlet", "event"])
    plain = [S.permutation_test(near, value="sentiment", seed=seed)["p_value"] < 0.05 for seed in range(10)]
    settled = [S.compare_outlets(near, value="sentiment", seed=seed)["p_value"].iloc[0] for seed in range(10)]
    assert len(set(plain)) == 2 and len({p < 0.05 for p in settled}) == 1
    assert settled[0] == S.permutation_test(near, value="sentiment", n_permutations=19_999, seed=0)["p_value"]
    far = S.article_values(S.simulate_articles(events=20, seed=1), value="sentiment", by=["outlet", "event"])
    assert (S.compare_outlets(far, value="sentiment")["p_value"].iloc[0]
            == S.permutation_test(far, value="sentiment")["p_value"] > 0.2)


def test_a_caption_says_which_events_its_test_left_out(shared_data):
    """Regression: on AllSides events where one outlet alone covered 3 of 66 events, pooled charts
    read "pooled over 66 events" beside "by permutation … within 63 events", never saying that the
    test left out the 3 events of one outlet (shuffling outlets within them changes nothing). Real
    AllSides text, 30 events, 3 of them kept with one article only (the outlet first by name)."""
    sentences = _roundup_sentences(shared_data, 30)
    alone = sorted(sentences["event"].unique())[:3]
    center = sentences.groupby("event")["outlet"].transform("min")  # one outlet of each event, by name
    sentences = sentences[~sentences["event"].isin(alone) | (sentences["outlet"] == center)]
    summary = fr.summarise_frames(fr.add_frames(sentences), sentences, n_permutations=99)
    assert set(summary["n_events_left_out"]) == {3}
    assert set(summary["n_events_tested"]) == {sentences["event"].nunique() - 3}
    assert fr.pooled_over(sentences).startswith("pooled over 30 events")
    assert ("by permutation of outlet labels over articles within 27 events (3 events with articles of one "
            "outlet only left out), one per frame, Holm across 5 tests") in S.caption_tests(summary, family="frame")
    line = S.describe_tests(summary, value="frame share", family="frame")[0]
    assert "(permutation of outlet labels over articles, within 27 events; 3 events with articles of one outlet only left out): p = " in line
    from framing.report.index import tests_said_once
    shown, said = tests_said_once(summary)  # the report's preview of the CSV says it once too
    assert "n_events_left_out" not in shown and "27 events, 3 events with articles of one outlet only left out, Holm" in said
    every = fr.summarise_frames(fr.add_frames(_roundup_sentences(shared_data, 30)), _roundup_sentences(shared_data, 30),
                                n_permutations=99)
    assert set(every["n_events_left_out"]) == {0} and "left out" not in S.caption_tests(every, family="frame")


def test_events_left_out_of_some_tests_read_in_the_singular():
    """Regression: a corpus whose quote tests left out no event for one measure and one for another
    read "up to 1 events with articles of one outlet only left out" (notebook 05 and 07)."""
    tested = pd.DataFrame({"n_events_left_out": [0, 1, 1]})
    assert S.left_out_of_tests(tested) == "up to 1 event with articles of one outlet only left out"
    assert S.left_out_of_tests(pd.DataFrame({"n_events_left_out": [2, 9]})) == \
        "2 to 9 events with articles of one outlet only left out"
