"""The direction of change as a valence shifter (`framing.sentiment.change`): good news about a bad
quantity reads positive, bad news about a good one negative, and nothing but `sentiment` moves."""
from __future__ import annotations

import re
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from framing import sentiment as S
from framing.lexicons import load_data
from framing.sentiment.change import load_change_rule, text_shift


def _without_the_rule(tmp_path) -> str:
    """The shipped news lexicon without its `[change]` table, as a user's file."""
    text = (resources.files("framing") / "data" / "sentiment_news.toml").read_text(encoding="utf-8")
    path = tmp_path / "news_without_change.toml"
    path.write_text(text[:text.index("\n[change]")] + "\n", encoding="utf-8")
    return str(path)


# AllSides roundup headlines (../shared/data/allsides-roundups) and the sign people give them.
HEADLINES = [
    ("U.S. Initial Unemployment Claims Drop for Fourth Straight Week", 1),
    ("COVID Deaths Continue to Decline in U.S.", 1),
    ("Jobless Claims Decline Further Last Week", 1),
    ("Poverty in U.S. declined last year as government aid made up for lost jobs", 1),
    ("Biden Approval Ratings in Decline", -1),
    ("Job growth slowed sharply in August as COVID-19 spread", -1),
]


@pytest.mark.parametrize("headline, sign", HEADLINES)
def test_change_of_a_quantity_reads_as_good_or_bad_news(tmp_path, headline, sign):
    """Each headline is scored with the sign people give it, and without the rule it was not."""
    assert np.sign(S.score_text(headline)) == sign
    assert np.sign(S.score_text(headline, lexicon=_without_the_rule(tmp_path))) != sign


def test_the_packages_own_scores_do_not_move(tmp_path):
    """`polarity`, `subjectivity` and `vader_compound` are the packages' own with or without the
    rule; `sentiment` moves only on texts with a listed quantity and a direction in one clause."""
    texts = ["Jobless Claims Fall to Another Pandemic Low", "Wages fell last year.",
             "The jobless rate is a figure, and it fell out of the news.", "The plan failed."]
    table = pd.DataFrame({"text": texts})
    shipped = S.add_sentiment(table)
    without = S.add_sentiment(table, lexicon=_without_the_rule(tmp_path))
    for column in ("polarity", "subjectivity", "vader_compound"):
        assert shipped[column].tolist() == without[column].tolist()
    moved = (shipped["sentiment"] - without["sentiment"]).abs() > 1e-12
    assert moved.tolist() == [True, True, False, False]
    assert shipped["sentiment"][1] < 0 == without["sentiment"][1]


def test_both_scoring_paths_apply_the_rule_alike(shared_data):
    """The array path and the per-text reference path give the same `sentiment` on the AllSides
    headlines that the rule changes."""
    titles = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)["title"].dropna()
    scorer = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS)
    changed = [t for t in dict.fromkeys(titles) if scorer.change_shifts([S.fold_quotes(t)])[0] != 0]
    assert len(changed) >= 20
    np.testing.assert_allclose(S.array_scores(changed).scores, S.reference_scores(changed), atol=1e-9, rtol=0)


@pytest.mark.parametrize("text, paired", [
    ("Deaths dropped.", True),
    ("The number of deaths dropped from 9 to 4.", True),  # the direction after the quantity
    ("a steady drop in deaths", True),  # a noun of change before it
    ("Deaths were mourned; the water level dropped.", False),  # another clause
    ("Deaths in the county over the long summer dropped.", False),  # more than `window` words apart
    ("The price of bread dropped.", False),  # not a listed quantity
    # AllSides roundup sentences and headlines (../shared/data/allsides-roundups) that news lexicon
    # 1.2 misread: what changes must be the quantity.
    ("Democrats to pair stopgap spending with debt ceiling increase, testing Republican opposition.",
     False),  # the bound of the debt, not the debt
    ("The Food and Drug Administration on Wednesday authorized booster doses of the Pfizer-BioNTech "
     "vaccine for people 65 and older and those whose jobs put them at high risk for exposure to "
     "COVID-19.", False),  # "high" describes the risk
    ("The United States experienced unprecedented multiracial population growth and a decline in the "
     "white population for the first time in the nation's history", False),  # a decline in what follows
    ("The pace of consumer price inflation fell in August to its lowest monthly level since February",
     True),  # "fell in August" is a verb, not a noun of change
    ("The action will be targeted to areas of the U.S. with the highest rates of COVID-19 infections",
     True),  # "highest" describes a measure of the quantity
])
def test_a_quantity_pairs_with_a_direction_in_its_clause_within_the_window(text, paired):
    rule = load_change_rule(load_data(S.DEFAULT_LEXICON)["change"])
    lexicon = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS).news.lexicon
    assert (text_shift(rule, text, lexicon) != 0) == paired


def test_a_decrease_reverses_the_quantity_as_vader_negates_and_an_increase_keeps_it():
    """"deaths dropped": deaths' valence times VADER's negation scalar, with "dropped" (unrated)
    adding nothing; "deaths rose" reads as deaths alone; "wages fell": the list's valence reversed."""
    rule = load_change_rule(load_data(S.DEFAULT_LEXICON)["change"])
    lexicon = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS).news.lexicon
    deaths = lexicon["deaths"]
    assert deaths < 0 and "dropped" not in lexicon and "rose" not in lexicon and "wages" not in lexicon
    assert text_shift(rule, "Deaths dropped.", lexicon) == pytest.approx(-0.74 * deaths - deaths)
    assert text_shift(rule, "Deaths rose.", lexicon) == 0
    assert text_shift(rule, "Wages fell.", lexicon) == pytest.approx(-0.74 * rule.valence)
    assert text_shift(rule, "Wages rose.", lexicon) == pytest.approx(rule.valence)


def test_a_direction_takes_the_nearest_quantity_or_a_list_joined_by_and():
    """"Jobs growth slowed" (AllSides) is a slowdown of growth, counted once; "hospitalizations and
    deaths dropped" is a drop of both; "a roaring economy and low unemployment" a low of one."""
    rule = load_change_rule(load_data(S.DEFAULT_LEXICON)["change"])
    lexicon = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS).news.lexicon
    growth = text_shift(rule, "Growth slowed down dramatically in August.", lexicon)
    assert growth < 0
    assert text_shift(rule, "Jobs growth slowed down dramatically in August.", lexicon) == pytest.approx(growth)
    both = text_shift(rule, "Hospitalizations and deaths dropped.", lexicon)
    assert both == pytest.approx(text_shift(rule, "Hospitalizations dropped.", lexicon)
                                 + text_shift(rule, "Deaths dropped.", lexicon))
    # NewsMTSC: an adjective of level before a quantity describes that quantity only.
    low = text_shift(rule, "low unemployment", lexicon)
    assert low > 0
    assert text_shift(rule, "from the diplomatic breakthrough with North Korea, to a roaring economy and low "
                            "unemployment, to strengthening the border", lexicon) == pytest.approx(low)


def test_the_change_lists_are_disjoint_lower_case_words():
    """A word is either a direction or a quantity, and of one kind only."""
    table = load_data(S.DEFAULT_LEXICON)["change"]
    lists = {key: table[key] for key in ("decrease", "increase", "bad", "good")}
    for words in lists.values():
        assert all(re.fullmatch(r"[a-z]+", w) for w in words) and len(set(words)) == len(words)
    seen = [w for words in lists.values() for w in words]
    assert len(seen) == len(set(seen))
    directions = set(table["decrease"]) | set(table["increase"])
    assert set(table["level"]) <= directions
    assert not (set(table["bound"]) | set(table["measure"])) & set(seen)


def test_tokens_that_lengthen_when_lower_cased_do_not_hide_a_quantity():
    """Regression: "İ" lower-cases to two characters; the search over the joined tokens must still
    name the token that holds the quantity, so both scoring paths agree."""
    from framing.sentiment.change import holding_quantity

    rule = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS).change
    assert holding_quantity(rule, ["İİİİİİİİ", "deaths", "a", "wages,"]).tolist() == [1, 3]
    texts = ["İİİ İstanbul deaths fell", "Wages fell"]
    np.testing.assert_allclose(S.array_scores(texts).scores, S.reference_scores(texts), atol=1e-9, rtol=0)



@pytest.mark.parametrize("negated, plain", [
    ("Weather extremes will worsen without deep emissions cuts: UN",  # AllSides, "Climate-driven" cut
     "Weather extremes will ease with deep emissions cuts: UN"),
    ("Crime did not fall last year.", "Crime fell last year."),
    ("Unemployment hasn't dropped since March.", "Unemployment has dropped since March."),
])
def test_a_negated_decrease_keeps_the_quantity_bad(negated, plain):
    """A decrease with a negation in the three words before it is no decrease: the bad quantity
    keeps its negative valence, where the same change without the negation reads positive."""
    assert S.score_text(negated) < 0 < S.score_text(plain)
