"""Sentence sentiment, bootstrap summaries and sentiment toward actors."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib

import numpy as np
import pandas as pd
import pytest

from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing import sentiment as S
from framing.lexicons import load_data
from framing.segment import split_sentences
from framing.sentiment import (
    SCORE_COLUMNS,
    add_actor_sentiment,
    add_sentiment,
    array_scores,
    classify_targets,
    load_target_model,
    reference_scores,
    label_target,
    score_target,
    score_text,
    article_sentiment,
    article_sentiment_by_position,
    summarise_sentiment,
    summarise_sentiment_by_position,
    unnest_position_bins,
    target_window,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

# Sentences from the seed articles (data/raw/ukraine-nato-2025-02-12/).
BLOODSHED = "The bloodshed must stop, and this war must end,” Hegseth said."
SEED_LINE = (
    "“The bloodshed must stop, and this war must end,” Hegseth said, outlining President Trump’s "
    "approach to resolving the conflict between Ukraine and Russia. He emphasized that a diplomatic "
    "resolution would require “a realistic assessment of the battlefield,” stating that pushing for "
    "Ukraine to regain its pre-2014 borders is “an unrealistic objective.”"
)


def _hand_table() -> pd.DataFrame:
    texts = split_sentences(SEED_LINE)
    return pd.DataFrame(
        {
            "article_id": "a1",
            "outlet": "Outlet A",
            "sentence_id": range(len(texts)),
            "kind": "body",
            "position": np.linspace(0, 1, len(texts)),
            "text": texts,
        }
    )


# --- add_sentiment ---------------------------------------------------------------------------


def test_bloodshed_sentence_is_negative_in_every_score():
    scored = add_sentiment(pd.DataFrame({"text": [BLOODSHED]}))
    row = scored.iloc[0]
    assert row["vader_compound"] < -0.5
    assert row["sentiment"] < 0
    assert -1 <= row["polarity"] <= 1 and 0 <= row["subjectivity"] <= 1


def test_adds_columns_keeps_rows_and_leaves_input_alone():
    table = _hand_table()
    before = table.copy()
    scored = add_sentiment(table)
    pd.testing.assert_frame_equal(table, before)
    assert list(scored.columns) == list(table.columns) + list(SCORE_COLUMNS) + ["sentiment_lexicon"]
    pd.testing.assert_frame_equal(scored[table.columns], table)
    version = load_data("sentiment_news")["version"]
    assert set(scored["sentiment_lexicon"]) == {f"sentiment_news:{version}"}


def test_empty_text_gives_nan_and_any_text_column_can_be_scored():
    table = pd.DataFrame({"text": ["x", "y", "z"], "narration_text": ["Hegseth said.", "", None]})
    scored = add_sentiment(table, text_col="narration_text")
    assert scored["vader_compound"].iloc[0] == 0.0
    assert scored[list(SCORE_COLUMNS)].iloc[1:].isna().all().all()


def test_repeated_sentences_get_identical_scores_and_empty_table_works():
    scored = add_sentiment(pd.DataFrame({"text": [BLOODSHED, "Peace is good.", BLOODSHED]}))
    assert scored["sentiment"].iloc[0] == scored["sentiment"].iloc[2]
    assert add_sentiment(pd.DataFrame({"text": pd.Series([], dtype=object)}))[list(SCORE_COLUMNS)].shape == (0, 4)


def test_sentiment_is_the_weighted_mean_stated_in_the_parameters():
    weights = load_data("sentiment_score")["sentence"]
    assert weights["vader"] + weights["textblob"] == pytest.approx(1)
    # No news-lexicon word and no descriptive word here, so the news VADER equals plain VADER and
    # TextBlob is read as it is.
    text = "The plan is a wonderful idea but badly written."
    row = add_sentiment(pd.DataFrame({"text": [text]})).iloc[0]
    c = row["vader_compound"]
    total = c * np.sqrt(15 / (1 - c * c))  # the sum of valences behind the compound
    vader = np.tanh(weights["scale"] * total / np.sqrt(len(text.split())))
    expected = weights["vader"] * vader + weights["textblob"] * row["polarity"]
    assert row["sentiment"] == pytest.approx(expected, abs=1e-9)


def test_unsaturated_vader_weighs_one_word_less_in_a_long_sentence():
    short = "The plan failed."
    long = "The plan that the city council put forward at its meeting on Tuesday evening failed."
    scored = add_sentiment(pd.DataFrame({"text": [short, long]}))
    # VADER's compound is the same for both (one word, "failed"); the sentence score is not.
    assert scored["vader_compound"].iloc[0] == scored["vader_compound"].iloc[1] < 0
    assert scored["sentiment"].iloc[0] < scored["sentiment"].iloc[1] < 0
    # Neither holds a descriptive word: the array path skips TextBlob's second pass, same scores.
    np.testing.assert_allclose(array_scores([short, long]).scores, reference_scores([short, long]), rtol=0, atol=1e-9)
    assert S.unsaturated(0.0, 10, 0.625) == 0
    assert S.unsaturated([1.0, -1.0], [1, 1], 10.0).tolist() == pytest.approx([1.0, -1.0])


def test_word_counts_of_the_array_path_are_white_space_tokens():
    from framing.sentiment import tokens as arrays

    texts = ["A good day.\n\nA bad night.", "Good\r\n\r\nbad", "tabs\tand\u00a0spaces  here",
             "\n\nlead and trail\n\n", "one"]
    np.testing.assert_array_equal(arrays.text_lengths(arrays.split_texts(texts)), [len(t.split()) for t in texts])
    np.testing.assert_allclose(array_scores(texts).scores, reference_scores(texts), rtol=0, atol=1e-9)


def test_descriptive_words_do_not_move_the_sentence_score():
    descriptive = load_data("sentiment_score")["sentence"]["descriptive"]
    assert {"new", "more", "first", "economic", "black", "gay"} <= set(descriptive)
    texts = ["The plan was announced on Monday.", "The new economic plan was announced on Monday.",
             "The city plan was a disaster.", "The first plan was a disaster."]
    scored = add_sentiment(pd.DataFrame({"text": texts}))
    # TextBlob itself rates "new" and "first" positive...
    assert scored["polarity"].iloc[1] > scored["polarity"].iloc[0]
    assert scored["polarity"].iloc[3] > scored["polarity"].iloc[2]
    # ...the sentence score reads them as neutral.
    assert scored["sentiment"].iloc[1] == scored["sentiment"].iloc[0] == 0
    assert scored["sentiment"].iloc[3] == pytest.approx(scored["sentiment"].iloc[2], abs=1e-12)


def test_target_clause_score_keeps_the_version_1_1_weights():
    target = load_data("sentiment_score")["target"]
    clause = "The new ceasefire collapsed after a wonderful week"
    folded = reference_scores([clause])[0]
    news = S.load_scorer(S.DEFAULT_LEXICON, S.DEFAULT_PARAMS).news.polarity_scores(clause)["compound"]
    expected = target["vader"] * news + target["textblob"] * folded[0]
    text = "Hegseth said the new ceasefire collapsed after a wonderful week."
    start = text.index("Hegseth")
    assert S.score_target(text, start, start + 7) == pytest.approx(expected, abs=1e-12)
    arrays = array_scores([clause], target=True).scores
    assert arrays[0, 3] == pytest.approx(expected, abs=1e-12)
    assert arrays[0, 3] != pytest.approx(array_scores([clause]).scores[0, 3])


def test_parameters_without_scale_and_descriptive_words_give_the_version_1_1_score(tmp_path):
    text = (Path(S.__file__).parents[1] / "data" / "sentiment_score.toml").read_text(encoding="utf-8")
    text = re.sub(r"^scale = .*\n", "", text, flags=re.M)
    text = re.sub(r"^descriptive = \[.*?\]\n", "", text, flags=re.M | re.S)
    path = tmp_path / "old.toml"
    path.write_text(text, encoding="utf-8")
    weights = load_data(path)["sentence"]
    texts = ["The new invasion was a wonderful failure.", "More people came than ever before.", "Nothing."]
    scores = array_scores(texts, params=path).scores
    news = S.load_scorer(S.DEFAULT_LEXICON, str(path)).news
    expected = [weights["vader"] * news.polarity_scores(t)["compound"] + weights["textblob"] * p
                for t, p in zip(texts, scores[:, 0])]
    np.testing.assert_allclose(scores[:, 3], expected, rtol=0, atol=1e-12)
    np.testing.assert_allclose(scores, reference_scores(texts, params=path), rtol=0, atol=1e-9)
    # The shipped parameters read "new" and "more" as descriptive: different scores.
    assert not np.allclose(array_scores(texts[:2]).scores[:, 3], scores[:2, 3])


def test_news_lexicon_words_move_the_score():
    # "invasion" and "ceasefire" are not in VADER's own lexicon; the news lexicon rates them.
    scored = add_sentiment(pd.DataFrame({"text": ["The invasion began.", "The ceasefire began."]}))
    assert (scored["vader_compound"] == 0).all()
    assert scored["sentiment"].iloc[0] < 0 < scored["sentiment"].iloc[1]


def test_user_lexicon_file_overrides(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('version = "x9"\nsource = "test"\n[words]\nbanana = 3.0\n', encoding="utf-8")
    scored = add_sentiment(pd.DataFrame({"text": ["A banana."]}), lexicon=path)
    assert scored["sentiment"].iloc[0] > 0
    assert scored["sentiment_lexicon"].iloc[0].endswith(":x9")


def test_seed_corpus_scores_in_range(seed_sentences):
    scored = add_sentiment(seed_sentences)
    assert len(scored) == len(seed_sentences)
    assert scored["polarity"].between(-1, 1).all()
    assert scored["subjectivity"].between(0, 1).all()
    assert scored["vader_compound"].between(-1, 1).all()
    assert scored["sentiment"].between(-1, 1).all()
    bloodshed = scored[scored["text"].str.contains("bloodshed must stop")]
    assert len(bloodshed) >= 1 and (bloodshed["vader_compound"] < 0).all()


# --- array scorers against the packages -----------------------------------------------------

# Cases for each rule of the two scorers, written for this test (not from any data set).
TRICKY = [
    "", "   ", "...", "!!!", "—", None,
    "The plan is GOOD, but the rollout was BAD!!!", "VERY good news", "ALL CAPS EVERYWHERE IS NOT EMPHASIS",
    "It is not bad at all.", "It isn't a horrible idea.", "I don't really like it, not very good!",
    "This is never so good", "This was never this bad", "Without a doubt, an excellent idea.",
    "They are kind of good", "It is sort of nice", "just enough support", "kinda happy",
    "No good deed goes unpunished", "no, no, no: that is bad", "no problem or worry", "no fun nor joy",
    "At least it isn't a horrible book.", "one of the least compelling plans", "the very least good",
    "least good", "good good but good good", "bad and worse, but good and better",
    "a fine plan but a fine mess", "It was good but but bad", "yeah right, great", "that is the bomb",
    "the kiss of death for the bill", "a bad ass move", "a bus stop sign", "to die for",
    "Really? Really?? Really??? Really????", "Great!!!!!! Awful!", "What a (!) success", "Wow (!) great",
    "Make sure you :) or :D today!", "sad :( and :-( and :'( today", "love <3 it", "o.O what", "x-D lol",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "😁😁good", "good😁", "☺ fine ☹",
    "Café owners say the naïve plan is très bien", "Die Lage ist sehr schlecht", "Это хорошо",
    "The U.S. economy grew, e.g. in the South, etc... Mr. Smith said it was excellent.",
    "“Terrible,” he said. ‘Awful’ she replied; “not great” they wrote.",
    "It's great, isn't it? They'd say it's wonderful and we'll agree we're happy they've won.",
    "A really, really terribly sad day", "extremely happy! happy!", "very very very good",
    "He's not a good person", "not a very good idea", "never really happy", "hardly good at all",
    "Line one.\n\nLine two is great.\r\n\r\nLine three is awful", "tabs\tand\u00a0spaces are nice",
    "NOT GOOD", "Not good", "not GOOD at all", "Fine.", "FINE", "bad-ass", "uber cool", "friggin awesome",
    "A sad end :\n\n) and a happy start", "It was o . O odd", "Obviously, it's not working.",
    "The law (passed in 2018) works well", "a ratio of 2 : 3 is good", "Good job :-) ! ! !", "nice :) :)",
    "Really , not good", "END-OF-SENTENCE good", "He said 'no' and 'not good'", "#great @home $bad ^nice",
    "“Awful”!!! ‘Lovely’???", "The ... ellipsis... is sad...", "Dr. Who. Mr. Smith. e.g. fine.",
]


def _compare(texts: list) -> tuple[np.ndarray, np.ndarray]:
    arrays = array_scores(texts).scores
    reference = reference_scores(texts)
    assert np.array_equal(np.isnan(arrays), np.isnan(reference))
    return arrays, reference


def _worst(arrays: np.ndarray, reference: np.ndarray, texts: list) -> dict:
    diff = np.nan_to_num(np.abs(arrays - reference))
    return {column: (float(diff[:, j].max()), texts[int(diff[:, j].argmax())]) for j, column in enumerate(SCORE_COLUMNS)}


def _equal_to_reference(texts: list) -> np.ndarray:
    """The array scores of `texts`, after checking them against the reference path to 1e-9."""
    arrays, reference = _compare(texts)
    worst = _worst(arrays, reference, texts)
    assert all(value <= 1e-9 for value, _ in worst.values()), worst
    return arrays


def test_array_scores_equal_the_packages_on_tricky_cases():
    arrays = _equal_to_reference(TRICKY)
    # Empty, white-space-only and word-less text is NaN in both, as in add_sentiment.
    assert np.isnan(arrays[:6]).all()
    # The cases exercise the rules: caps, "but", negation and emoticons all move the scores.
    assert arrays[TRICKY.index("The plan is GOOD, but the rollout was BAD!!!"), 2] < 0
    assert arrays[TRICKY.index("It is not bad at all."), 2] > 0
    assert arrays[TRICKY.index("Make sure you :) or :D today!"), 0] > 0


def test_but_ties_are_weighted_as_the_package_weighs_them():
    # Two equal values around "but": the package weighs the first position holding each value, so
    # the second "good" before "but" is never halved and the first is halved twice.
    texts = ["good good but good good", "good but good"]
    scores = array_scores(texts)
    assert scores.fallback["vader_but_ties"] >= 2
    np.testing.assert_allclose(scores.scores, reference_scores(texts), rtol=0, atol=1e-9)


def test_rare_textblob_rules_take_the_reference_path_and_are_counted():
    # A negation after a modifying -ly adverb attaches to the adverb's assessment in pattern;
    # such texts are scored by the package itself, and counted.
    texts = ["It is really not good.", "It is not good."]
    scores = array_scores(texts)
    assert scores.fallback["textblob"] == 1
    np.testing.assert_allclose(scores.scores, reference_scores(texts), rtol=0, atol=1e-9)


def _shared_sentences(shared: Path) -> list[str]:
    """Every distinct sentence of ../shared/data: NYT sentences, NewsMTSC sentences, and the
    AllSides texts, AEB gold bodies (paragraph by paragraph), narrative-frames articles and
    golden-rules texts split into sentences (the golden-rules texts also whole)."""
    def rows(name: str) -> list[dict]:
        with (shared / name).open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines]

    texts = [row["text"] for row in rows("nyt-sentiment-dev/snippets.jsonl")]
    texts += [row["sentence"] for row in rows("newsmtsc-train/train_targets.jsonl")]
    texts += [row["text"] or "" for row in rows("allsides-roundups/articles.jsonl")]
    texts += [paragraph for row in rows("aeb-dev/pages.jsonl")
              for paragraph in (row.get("gold_article_body") or "").split("\n")]
    texts += [row["text"] or "" for row in rows("narrative-frames-dev/articles.jsonl")]
    for name in sorted(path.name for path in (shared / "golden-rules").glob("*.jsonl")):
        texts += [row["text"] for row in rows(f"golden-rules/{name}")]
    sentences = [sentence for text in texts for sentence in split_sentences(text)] + texts
    return list(dict.fromkeys(text for text in sentences if isinstance(text, str)))


def test_array_scores_equal_the_packages_on_every_shared_sentence(shared_data):
    texts = _shared_sentences(shared_data)
    assert len(texts) > 20_000
    arrays = _equal_to_reference(texts)
    assert (~np.isnan(arrays[:, 0])).sum() > 20_000


def test_add_sentiment_scores_are_the_reference_scores(seed_sentences):
    scored = add_sentiment(seed_sentences)
    reference = reference_scores(list(seed_sentences["text"]))
    np.testing.assert_allclose(scored[list(SCORE_COLUMNS)].to_numpy(), reference, rtol=0, atol=1e-9)


def _typographic_sentences(shared: Path) -> list[str]:
    """The distinct NewsMTSC and AllSides sentences of ../shared/data holding a typographic quotation
    mark or apostrophe."""
    texts = list(pd.read_json(shared / "newsmtsc-train" / "train_targets.jsonl", lines=True)["sentence"])
    bodies = pd.read_json(shared / "allsides-roundups" / "articles.jsonl", lines=True)["text"].dropna()
    texts += [sentence for body in bodies for sentence in split_sentences(body)]
    marks = re.compile("[" + "".join(S.QUOTE_FOLD) + "]")
    return list(dict.fromkeys(text for text in texts if marks.search(text)))


def test_quotation_marks_are_folded_to_ascii_in_both_paths(shared_data):
    from textblob.en import sentiment as pattern

    texts = _typographic_sentences(shared_data)
    assert len(texts) > 3000
    arrays = _equal_to_reference(texts)
    # Both paths give what the packages give on the folded text, and fold=False what they give on
    # the text as written.
    plain = SentimentIntensityAnalyzer()
    sample = texts[::25]
    rows = [texts.index(text) for text in sample]
    folded = [plain.polarity_scores(S.fold_quotes(text))["compound"] for text in sample]
    np.testing.assert_allclose(arrays[rows, 2], folded, rtol=0, atol=1e-9)
    np.testing.assert_allclose(arrays[rows, 0], [pattern(S.fold_quotes(t))[0] for t in sample], rtol=0, atol=1e-9)
    unfolded = array_scores(sample, fold=False).scores
    np.testing.assert_allclose(unfolded[:, 2], [plain.polarity_scores(t)["compound"] for t in sample], rtol=0, atol=1e-9)
    np.testing.assert_allclose(unfolded, reference_scores(sample, fold=False), rtol=0, atol=1e-9)
    # Folding changes VADER's reading of a real share of these sentences (about one in eleven).
    changed = np.abs(arrays[:, 2] - array_scores(texts, fold=False).scores[:, 2]) > 1e-9
    assert 0.03 < changed.mean() < 0.3


def test_folding_all_texts_at_once_is_folding_each(shared_data):
    texts = _typographic_sentences(shared_data)[:500] + ["", "plain ASCII"]
    assert S.fold_all(texts) == [S.fold_quotes(text) for text in texts]
    # A text that holds the separator of the joined pass is folded on its own, the same way.
    odd = texts[:3] + ["nul\x00inside “quoted”"]
    assert S.fold_all(odd) == [S.fold_quotes(text) for text in odd]
    assert S.fold_all([]) == []


def test_words_glued_to_typographic_quotes_are_read_by_the_lexicon(seed_sentences):
    # Seed sentences: "“consequential threats”" and "“peace through weakness”" are scored as
    # the words they are; without folding VADER skips every word touching a curly quote.
    text = next(t for t in seed_sentences["text"] if "“consequential threats”" in t)
    assert score_text(text) == pytest.approx(score_text(text.replace("“", '"').replace("”", '"')), abs=1e-12)
    # "threats" is negative: read, it turns the sentence from positive to negative.
    assert array_scores([text], fold=False).scores[0, 3] > 0 > array_scores([text]).scores[0, 3]
    # "don’t" is a negation as "don't" is.
    assert score_text("Voters don’t like the plan.") == pytest.approx(score_text("Voters don't like the plan."), abs=1e-12)
    assert score_text("Voters don’t like the plan.") < 0
    # The stored text is left as written.
    scored = add_sentiment(seed_sentences)
    assert scored["text"].equals(seed_sentences["text"])
    assert scored["text"].str.contains("“").any()


# --- summaries -------------------------------------------------------------------------------


def _toy_scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["A"] * 4 + ["B"] * 3,
            "voice": ["quote", "narration", "narration", "narration", "quote", "quote", "narration"],
            "article_id": ["a1", "a1", "a2", "a2", "b1", "b1", "b1"],
            "position": [0.0, 0.5, 0.2, 1.0, 0.1, 0.6, 0.95],
            "sentiment": [1.0, 0.0, -1.0, -0.5, 0.2, 0.4, np.nan],
        }
    )


def test_summary_is_a_mean_of_article_means_with_counts():
    toy = _toy_scores()
    summary = summarise_sentiment(toy, n_boot=500, seed=3)
    assert list(summary["outlet"]) == ["A", "B"]
    assert list(summary["n_sentences"]) == [4, 2]  # the NaN row is left out
    assert list(summary["n_articles"]) == [2, 1]
    # A: article a1 has mean 0.5, a2 mean -0.75 → -0.125; B: one article, mean 0.3.
    assert summary["mean"].tolist() == pytest.approx([-0.125, 0.3])
    again = summarise_sentiment(toy, n_boot=500, seed=3)
    pd.testing.assert_frame_equal(summary, again)


def test_article_means_weigh_each_article_once():
    # A long article does not outweigh a short one: 9 sentences at 1.0 and 1 sentence at -1.0 give
    # 0.0 over articles (0.8 over sentences).
    toy = pd.DataFrame({"outlet": "A", "article_id": ["long"] * 9 + ["short"], "sentiment": [1.0] * 9 + [-1.0]})
    assert summarise_sentiment(toy)["mean"].iloc[0] == pytest.approx(0.0)
    values = article_sentiment(toy)
    assert values.set_index("article_id")["sentiment"].to_dict() == {"long": 1.0, "short": -1.0}
    assert values.set_index("article_id")["n_sentences"].to_dict() == {"long": 9, "short": 1}


def test_below_the_minimum_of_articles_there_is_no_interval_and_sentences_are_never_resampled():
    summary = summarise_sentiment(_toy_scores(), n_boot=2000, ci=0.95, seed=0)
    assert summary["ci_low"].isna().all() and summary["ci_high"].isna().all()
    assert set(summary["interval"]) == {"too few articles for an interval"}
    # With the minimum lowered to 2, outlet A's two articles (means 0.5 and -0.75) are resampled:
    # every bootstrap mean is 0.5, -0.125 or -0.75, so the extremes bound the interval; outlet B
    # (one article) still gets none.
    low = summarise_sentiment(_toy_scores(), min_articles=2, n_boot=2000, method="expanded", seed=0)
    a, b = low.iloc[0], low.iloc[1]
    assert a["ci_low"] == pytest.approx(-0.75) and a["ci_high"] == pytest.approx(0.5)
    assert a["interval"].startswith("bootstrap over articles")
    assert np.isnan(b["ci_low"]) and b["interval"] == "too few articles for an interval"
    # The default t interval uses the two article means too: -0.125 ± t(1 df) · 0.625.
    t = summarise_sentiment(_toy_scores(), min_articles=2).iloc[0]
    assert t["interval"] == "t interval over articles (95%)"
    assert (t["ci_low"], t["ci_high"]) == pytest.approx((-0.125 - 12.7062 * 0.625, -0.125 + 12.7062 * 0.625))


def test_interval_narrows_as_ci_level_falls():
    toy = pd.DataFrame(
        {"outlet": "A", "article_id": [f"a{i}" for i in range(40)], "sentiment": np.linspace(-1, 1, 40)}
    )
    wide = summarise_sentiment(toy, ci=0.99).iloc[0]
    narrow = summarise_sentiment(toy, ci=0.5).iloc[0]
    assert wide["ci_low"] < narrow["ci_low"] < narrow["mean"] < narrow["ci_high"] < wide["ci_high"]
    boot = {seed: summarise_sentiment(toy, method="expanded", seed=seed) for seed in (1, 2)}
    pd.testing.assert_frame_equal(boot[1], summarise_sentiment(toy, method="expanded", seed=1))
    assert boot[1]["ci_low"].iloc[0] != boot[2]["ci_low"].iloc[0]


def test_summary_by_several_columns_and_other_scores():
    summary = summarise_sentiment(_toy_scores(), by=["outlet", "voice"], n_boot=100)
    assert summary[["outlet", "voice"]].values.tolist() == [
        ["A", "narration"], ["A", "quote"], ["B", "quote"]
    ]
    assert list(summary["n_sentences"]) == [3, 1, 2]
    with pytest.raises(KeyError, match="vader_compound"):
        summarise_sentiment(_toy_scores(), score="vader_compound")


def test_summary_by_position_bins():
    summary = summarise_sentiment_by_position(_toy_scores(), bins=2, n_boot=100)
    assert summary[["outlet", "position_bin"]].values.tolist() == [["A", 0], ["A", 1], ["B", 0], ["B", 1]]
    assert summary["bin_start"].tolist() == [0.0, 0.5, 0.0, 0.5]
    assert summary["bin_mid"].tolist() == [0.25, 0.75, 0.25, 0.75]
    # A, first half: a1 at 0.0 scores 1.0, a2 at 0.2 scores -1.0 → mean over the two articles 0.0;
    # second half: a1 at 0.5 scores 0.0, a2 at 1.0 scores -0.5 → -0.25.
    assert summary["mean"].tolist() == pytest.approx([0.0, -0.25, 0.2, 0.4])
    assert summary["n_articles"].tolist() == [2, 2, 1, 1]
    assert summary["ci_low"].isna().all()  # fewer than five articles in every bin



def _numbered(lengths: dict[str, int]) -> pd.DataFrame:
    """Articles of the given lengths, one outlet, sentence k scored k, `position` = k / (n - 1) as
    notebook 03 computes it."""
    rows = [{"outlet": "A", "article_id": name, "position": k / max(n - 1, 1), "sentiment": float(k)}
            for name, n in lengths.items() for k in range(n)]
    return pd.DataFrame(rows)


def test_every_article_reaches_every_fifth_however_short():
    """Regression: a sentence counted only in the fifth its position fell in, so the middle fifth of
    a four-sentence article (sentences at 0, 1/3, 2/3, 1) held nothing and the outlet's middle point
    stood on its longer articles only. Each sentence now covers its share of the article."""
    toy = _numbered({"four": 4, "four b": 4, "three": 3, "ten": 10, "seven": 7, "one": 1})
    old = np.minimum((toy["position"] * 5).astype(int), 4)
    assert toy.assign(old=old).groupby("old")["article_id"].nunique().tolist() == [6, 4, 3, 4, 5]  # before
    summary = summarise_sentiment_by_position(toy, bins=5, n_boot=100)
    assert summary["position_bin"].tolist() == [0, 1, 2, 3, 4]
    assert summary["n_articles"].tolist() == [6] * 5
    assert summary["ci_low"].notna().all()  # six articles in every fifth: an interval at every point
    values = article_sentiment_by_position(toy, bins=5).set_index(["article_id", "position_bin"])["sentiment"]
    # Four sentences, spans of a quarter: the middle fifth [0.4, 0.6] is half sentence 1, half sentence 2.
    assert values[("four", 2)] == pytest.approx(1.5)
    # The second fifth [0.2, 0.4] is a fifth of sentence 0's span and four fifths of sentence 1's.
    assert values[("four", 1)] == pytest.approx(0.25 * 0 + 0.75 * 1)
    assert values[("three", 1)] == pytest.approx((0 * (1 / 3 - 0.2) + 1 * (0.4 - 1 / 3)) / 0.2)
    assert (values.loc["one"] == 0.0).all()  # one sentence is the whole article
    # Ten sentences fill the fifths two by two, as the position bins did.
    assert values.loc["ten"].tolist() == pytest.approx([0.5, 2.5, 4.5, 6.5, 8.5])
    # The mean of an article's fifths is its tone, so the line averages to the outlet's article tone.
    tone = article_sentiment(toy).set_index("article_id")["sentiment"]
    pd.testing.assert_series_equal(values.groupby(level="article_id").mean(), tone, check_names=False)


def test_position_bins_weigh_a_sentence_by_the_part_of_the_bin_it_covers():
    spans = unnest_position_bins(_numbered({"three": 3, "six": 6}), bins=5)
    assert spans.groupby(["article_id", "position_bin"])["weight"].sum().tolist() == pytest.approx([1.0] * 10)
    three = spans[spans["article_id"] == "three"]
    assert three[["sentiment", "position_bin"]].values.tolist() == [[0, 0], [0, 1], [1, 1], [1, 2], [1, 3], [2, 3], [2, 4]]
    assert three["weight"].tolist() == pytest.approx([1, 2 / 3, 1 / 3, 1, 1 / 3, 2 / 3, 1])
    # Six sentences in five bins: a span that ends where a bin starts does not reach into it.
    six = spans[spans["article_id"] == "six"]
    assert six.groupby("sentiment")["position_bin"].apply(list).tolist() == [[0], [0, 1], [1, 2], [2, 3], [3, 4], [4]]
    # Rows that share a position (parts of one sentence) share its span; unscored rows take none.
    parts = pd.DataFrame({"article_id": "a", "outlet": "A", "voice": ["narration", "quote", "narration", "quote"],
                          "position": [0.0, 0.0, 0.5, 1.0], "sentiment": [0.5, -0.5, np.nan, 1.0]})
    shared = unnest_position_bins(parts, bins=2)
    assert shared[["voice", "position_bin", "weight"]].values.tolist() == [
        ["narration", 0, 1.0], ["quote", 0, 1.0], ["quote", 1, 1.0]]
    by_voice = summarise_sentiment_by_position(parts, bins=2, by="voice", n_boot=100)
    assert by_voice[["voice", "position_bin"]].values.tolist() == [["narration", 0], ["quote", 0], ["quote", 1]]


def test_sentiment_along_short_real_articles_stands_on_every_article(shared_sentence_table):
    """AllSides articles of 3-6 sentences, each outlet's line: every point holds all its articles,
    and the five points average to the outlet's mean article tone."""
    table = shared_sentence_table
    sizes = table.groupby("article_id").size()
    short = table[table["article_id"].isin(sizes[sizes.between(3, 6)].index)].sort_values(["article_id", "sentence_id"])
    scored = add_sentiment(short)
    scored = scored.assign(position=scored.groupby("article_id").cumcount()
                           / (scored.groupby("article_id")["sentence_id"].transform("size") - 1))
    along = summarise_sentiment_by_position(scored, bins=5, n_boot=100)
    overall = summarise_sentiment(scored, n_boot=100).set_index("outlet")
    assert along.groupby("outlet").size().eq(5).all()
    assert (along.set_index("outlet")["n_articles"] == overall["n_articles"].reindex(along["outlet"])).all()
    pd.testing.assert_series_equal(along.groupby("outlet")["mean"].mean(), overall["mean"], check_names=False)
    # Before, each sentence sat in the one fifth of its position, and some fifth of some outlet held fewer articles.
    old = scored.assign(old=np.minimum((scored["position"] * 5).astype(int), 4)).groupby(["outlet", "old"])["article_id"].nunique()
    assert (old.to_numpy() < overall["n_articles"].reindex(old.index.get_level_values("outlet")).to_numpy()).any()

# --- sentiment toward actors -----------------------------------------------------------------


def test_target_window_stops_at_clause_boundaries():
    text = "Europe praised the brave Ukrainian soldiers, but Hegseth dismissed the failed plan."
    start = text.index("Hegseth")
    assert target_window(text, start, start + 7, window=8) == "Hegseth dismissed the failed plan."
    assert target_window(text, start, start + 7, window=1) == "Hegseth dismissed"
    assert target_window(text, 0, 6, window=3) == "Europe praised the brave"


def test_score_target_differs_by_target_in_a_contrast():
    text = "Hegseth made a wise and admirable decision, while Zelensky made a terrible, stupid mistake."
    hegseth = score_target(text, 0, 7)
    zelensky = score_target(text, text.index("Zelensky"), text.index("Zelensky") + 8)
    assert hegseth > 0 > zelensky
    assert label_target(hegseth) == "positive" and label_target(zelensky) == "negative"
    assert label_target(0.0) == "neutral"


def test_actor_sentiment_long_table():
    table = _hand_table()
    actors = {"Hegseth": ["Hegseth", "Pete Hegseth"], "Ukraine": ["Ukraine"]}
    long = add_actor_sentiment(table, actors)
    assert list(long.columns) == [
        "article_id", "outlet", "sentence_id", "actor", "mention", "start", "end", "actor_sentiment", "label"
    ]
    assert long["actor"].value_counts().to_dict() == {"Ukraine": 2, "Hegseth": 1}
    first = long.iloc[0]
    text = table["text"].iloc[first["sentence_id"]]
    assert text[first["start"]:first["end"]] == first["mention"]
    assert set(long["label"]) <= {"negative", "neutral", "positive"}


# --- agreement with people (shared data) -----------------------------------------------------


def test_nyt_editorial_correlation(shared_data):
    rows = pd.read_json(shared_data / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scored = add_sentiment(rows)
    r_vader = np.corrcoef(scored["mean_rating"], scored["vader_compound"])[0, 1]
    r_sentiment = np.corrcoef(scored["mean_rating"], scored["sentiment"])[0, 1]
    assert r_vader == pytest.approx(0.50, abs=0.01)  # the published baseline
    assert r_sentiment > 0.51


# Real NewsMTSC sentences (Hamborg & Donnay 2021, train split), mention offsets as annotated.
NEWSMTSC_CASES = [
    # a clear negative: the clause says what the person suffers from
    ("As Bernie Sanders said on numerous occasions, Hillary Clinton suffers from “bad judgement.”",
     "Hillary Clinton", "negative"),
    # a clear positive
    ("In addition, Roger was a great patriot who never ceased fighting for his beliefs.\"", "Roger", "positive"),
    # a neutral mention in a negative sentence about someone else (the speaker of the quote)
    ("“Mr. Stone is a man who has 50 years of dirty tricks behind him,” Mr. Cruz said.", "Mr. Cruz", "neutral"),
]


@pytest.mark.parametrize("text, mention, expected", NEWSMTSC_CASES)
def test_newsmtsc_sentences(text, mention, expected):
    start = text.index(mention)
    assert label_target(score_target(text, start, start + len(mention))) == expected


def test_target_ignores_the_mentions_own_words():
    text = "Winner wrote that she had a meeting with the policy director."
    assert target_window(text, 0, 6, keep_mention=False) == "wrote that she had a meeting with the policy director."
    assert score_target(text, 0, 6) == 0.0  # "Winner" is a name here, not praise


def _neutral_heavy_f1(truth, predicted):
    """Macro-F1 with the targets reweighted to three in four neutral (as in annotated news)."""
    from sklearn.metrics import f1_score

    neutral = truth == "neutral"
    weights = np.where(neutral, 0.75 / neutral.sum(), 0.25 / (~neutral).sum())
    return f1_score(truth, predicted, average="macro", sample_weight=weights)


def test_newsmtsc_held_out_half(shared_data):
    """Thresholds chosen on one half of the NewsMTSC documents, macro-F1 reported on the other:
    at least the floors measured by benchmarks/bench_sentiment.py (held out 0.50 neutral-heavy,
    0.49 plain), and above whole-sentence VADER with the same choice."""
    from itertools import product

    from sklearn.metrics import f1_score

    rows = pd.read_json(shared_data / "newsmtsc-train" / "train_targets.jsonl", lines=True)
    half = rows["source_doc_key"].map(lambda key: zlib.crc32(key.encode("utf-8")) % 2).to_numpy()
    truth = rows["polarity"].to_numpy()
    target = np.array([score_target(t, a, b) for t, a, b in zip(rows["sentence"], rows["from"], rows["to"])])
    analyzer = SentimentIntensityAnalyzer()
    sentence = np.array([analyzer.polarity_scores(t)["compound"] for t in rows["sentence"]])
    grid = np.arange(0.0, 0.41, 0.05)

    def labels(scores, low, high):
        return np.where(scores <= -low, "negative", np.where(scores >= high, "positive", "neutral"))

    def held_out(scores):
        train, test = half == 0, half == 1
        low, high = max(product(grid, grid),
                        key=lambda pair: _neutral_heavy_f1(truth[train], labels(scores[train], *pair)))
        return labels(scores[test], low, high)

    predicted = held_out(target)
    assert _neutral_heavy_f1(truth[half == 1], predicted) >= 0.48
    assert f1_score(truth[half == 1], predicted, average="macro") >= 0.46
    assert _neutral_heavy_f1(truth[half == 1], predicted) > _neutral_heavy_f1(truth[half == 1], held_out(sentence))
    shipped = np.array([label_target(v) for v in target])
    for h in (0, 1):
        assert _neutral_heavy_f1(truth[half == h], shipped[half == h]) >= 0.48


# --- the learned target classifier ----------------------------------------------------------


def _classify(texts_and_mentions):
    texts = [text for text, _ in texts_and_mentions]
    starts = [text.index(mention) for text, mention in texts_and_mentions]
    ends = [start + len(mention) for start, (_, mention) in zip(starts, texts_and_mentions)]
    return classify_targets(texts, starts, ends)


@pytest.mark.parametrize("text, mention, expected", NEWSMTSC_CASES)
def test_classifier_on_newsmtsc_sentences(text, mention, expected):
    assert _classify([(text, mention)])["label"].iloc[0] == expected


def test_classifier_reads_no_names():
    """Names (capitalised words, the sentence's first too) and the mention's own words are not
    features, so the same sentence about other people gets the same probabilities."""
    text = "As Bernie Sanders said on numerous occasions, Hillary Clinton suffers from “bad judgement.”"
    other = text.replace("Bernie Sanders", "Mitt Romney").replace("Hillary Clinton", "Winner")
    first = "Clinton said that Trump was wrong."
    scored = _classify([(text, "Hillary Clinton"), (other, "Winner"), (first, "Trump"),
                        (first.replace("Clinton", "Sanders"), "Trump")])
    columns = ["p_negative", "p_neutral", "p_positive"]
    assert np.allclose(scored.loc[0, columns].to_numpy(float), scored.loc[1, columns].to_numpy(float))
    assert np.allclose(scored.loc[2, columns].to_numpy(float), scored.loc[3, columns].to_numpy(float))


def test_mask_names_blanks_names_and_keeps_offsets():
    text = "The Supreme Court ruled against Mr. Stone, and Homeland Security praised the Proud Boys."
    masked = S.mask_names(text)
    assert len(masked) == len(text)
    assert masked.split() == ["ruled", "against", ".", ",", "and", "praised", "the", "."]
    # A sentence-first word that starts no name keeps its valence; a title-case headline is left alone.
    assert S.mask_names("Sadly, Biden lost.").split() == ["Sadly,", "lost."]
    headline = "Democrats Trash Findings From Biden's Supreme Court Reform Commission"
    assert S.mask_names(headline) == headline


def test_classifier_reads_no_names_in_its_lexicon_scores():
    """A court's or an agency's name is no judgement: "Supreme", "Justice" and "Security" carry
    valence in VADER's lexicon, yet the same sentence with plainer names gets the same probabilities."""
    pairs = [("The Supreme Court ruled against Stone on Monday.", "The District Court ruled against Stone on Monday."),
             ("Stone met officials of the Justice Department and Homeland Security.",
              "Stone met officials of the Commerce Department and Transportation Command.")]
    scored = _classify([(text, "Stone") for pair in pairs for text in pair])
    columns = ["p_negative", "p_neutral", "p_positive"]
    for i in (0, 2):
        assert np.allclose(scored.loc[i, columns].to_numpy(float), scored.loc[i + 1, columns].to_numpy(float))


def test_classifier_probabilities_and_labels_agree(shared_data):
    rows = pd.read_json(shared_data / "newsmtsc-train" / "train_targets.jsonl", lines=True).iloc[::20]
    scored = classify_targets(list(rows["sentence"]), list(rows["from"]), list(rows["to"]))
    model = load_target_model()
    probabilities = scored[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert np.allclose(scored["actor_sentiment"], scored["p_positive"] - scored["p_negative"])
    polar = scored[["p_negative", "p_positive"]].max(axis=1) > model["polar_threshold"]
    assert (scored["label"] != "neutral").eq(polar).all()
    assert (scored.loc[scored["label"] == "negative", "actor_sentiment"] < 0).all()
    assert (scored.loc[scored["label"] == "positive", "actor_sentiment"] > 0).all()
    # For news with three in four mentions neutral, most mentions stay neutral.
    assert 0.5 < (scored["label"] == "neutral").mean() < 0.95


def test_classifier_beats_always_neutral_on_a_held_out_half(shared_data):
    """Trained (benchmarks/train_actor_sentiment.py, with the shipped penalty and threshold) on one
    half of the NewsMTSC documents and read on the other: with the targets reweighted to three in
    four neutral, more often right than always saying "neutral" (0.75) and than the lexicon rule,
    and a macro-F1 above the rule's (benchmarks/bench_sentiment.py measures 0.76 / 0.55 / 0.50)."""
    import train_actor_sentiment as T

    rows = pd.read_json(shared_data / "newsmtsc-train" / "train_targets.jsonl", lines=True)
    half = rows["source_doc_key"].map(lambda key: zlib.crc32(key.encode("utf-8")) % 2).to_numpy()
    train, test = np.flatnonzero(half == 0), np.flatnonzero(half == 1)
    features = T.features_of(rows)
    shipped = load_target_model()
    model = T.fit(T.subset(features, train), rows["polarity"].to_numpy()[train],
                  shipped["penalty_C"], shipped["polar_threshold"])
    labels = S.label_probabilities(S.target_probabilities(T.subset(features, test), model), model)
    held = rows.iloc[test]
    truth = held["polarity"].to_numpy()
    rule = np.array([label_target(score_target(t, a, b)) for t, a, b in zip(held["sentence"], held["from"], held["to"])])
    accuracy, f1 = T.weighted_scores(truth, labels)
    rule_accuracy, rule_f1 = T.weighted_scores(truth, rule)
    assert accuracy > 0.75 and accuracy > rule_accuracy
    assert f1 > rule_f1


def test_actor_sentiment_falls_back_to_the_lexicon_rule():
    table = _hand_table()
    actors = {"Hegseth": ["Hegseth"], "Ukraine": ["Ukraine"]}
    learned = add_actor_sentiment(table, actors)
    rule = add_actor_sentiment(table, actors, model=None)
    pd.testing.assert_frame_equal(learned.drop(columns=["actor_sentiment", "label"]),
                                  rule.drop(columns=["actor_sentiment", "label"]))
    texts = table["text"].to_numpy()[rule["sentence_id"]]
    assert rule["actor_sentiment"].tolist() == [score_target(t, a, b) for t, a, b in zip(texts, rule["start"], rule["end"])]
    expected = classify_targets(list(texts), list(learned["start"]), list(learned["end"]))
    assert learned["label"].tolist() == expected["label"].tolist()


def test_parallel_scores_equal_serial(shared_data):
    import framing as fr
    from framing import sentiment as module

    texts = [json.loads(line)["text"] for line in (shared_data / "allsides-roundups" / "articles.jsonl").open()][:400]
    table = pd.DataFrame({"text": [s for t in texts for s in fr.split_sentences(t)]})
    assert table["text"].nunique() > 1000
    old = module.sentences.PARALLEL_MIN_TEXTS
    module.sentences.PARALLEL_MIN_TEXTS = 10
    try:
        parallel = fr.add_sentiment(table, workers=2)
    finally:
        module.sentences.PARALLEL_MIN_TEXTS = old
    pd.testing.assert_frame_equal(fr.add_sentiment(table), parallel)


def test_news_score_skips_the_second_analyzer_only_when_it_would_agree(shared_data):
    """The news analyzer is run only on texts with a news-lexicon word; on every NYT sentence the
    recommended score is the one the news analyzer gives when always run."""
    from framing import sentiment as module

    scorer = module.load_scorer(module.DEFAULT_LEXICON, module.DEFAULT_PARAMS)
    assert scorer.news_words is not None and "invasion" in scorer.news_words
    rows = pd.read_json(shared_data / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    texts = list(rows["text"]) + ["The invasion, he said, was 'bloodshed'.", "(Invasion)"]
    for text in texts:
        polarity, _, _, combined = module.package_scores(scorer, text)
        folded = module.fold_quotes(text)
        full = scorer.news.polarity_scores(folded)["compound"]
        judging = scorer.judging(folded)[0]
        shift = scorer.change_shifts([folded])[0]
        assert combined == pytest.approx(scorer.combine(full, polarity, judging, len(folded.split()), shift=shift),
                                         abs=1e-12)
        target = module.package_scores(scorer, text, target=True)[3]
        assert target == pytest.approx(0.65 * full + 0.35 * polarity, abs=1e-12)


def test_classifier_gives_the_same_digits_whatever_the_hash_seed():
    """The same input gives the same table: word weights are summed in a fixed order, not in the
    order of a set, which changes with Python's hash seed from one process to the next."""
    script = ("import sys; from framing.sentiment import classify_targets; "
              "text = 'As Bernie Sanders said on numerous occasions, Hillary Clinton suffers from "
              "bad judgement and reckless, dishonest, corrupt, failed, weak policies.'; "
              "start = text.index('Hillary'); "
              "out = classify_targets([text], [start], [start + 15]); "
              "sys.stdout.write(repr(out[['p_negative', 'p_neutral', 'p_positive']].to_numpy().tolist()))")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           timeout=120, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in (1, 2, 3, 4)}
    assert len(runs) == 1


# --- document-level tone against people (benchmarks/bench_sentiment.py, ONLY=documents) ----------


@pytest.fixture(scope="module")
def nyt_editorial_tone(shared_data):
    """Per NYT editorial: the mean human rating of its sentences and framing's article tone as the
    notebooks compute it (`article_sentiment`: the mean of the sentences' `sentiment`)."""
    rows = pd.read_json(shared_data / "nyt-sentiment-dev" / "snippets.jsonl", lines=True)
    scored = add_sentiment(rows).assign(outlet="nyt")
    human = scored.groupby("doc_id", sort=True)["mean_rating"].mean()
    framing = article_sentiment(scored, article="doc_id").set_index("doc_id")["sentiment"]
    return human, framing.reindex(human.index), scored


def test_concordance_and_triple_order_count_what_they_say(nyt_editorial_tone):
    """The benchmark's pairwise concordance equals a direct count over pairs of editorials, and its
    triple order is 1 for the people's own values, 0 for their reverse and near 1/6 (chance) for
    the framing values shuffled."""
    from bench_sentiment import concordance, triple_order

    human, framing, _ = nyt_editorial_tone
    h, f = human.to_numpy()[:60], framing.to_numpy()[:60]
    agree = total = 0.0
    for i in range(len(h)):
        for j in range(i + 1, len(h)):
            if h[i] == h[j]:
                continue
            total += 1
            agree += 0.5 if f[i] == f[j] else float((h[i] < h[j]) == (f[i] < f[j]))
    assert concordance(h, f) == pytest.approx(agree / total, abs=1e-12)
    assert triple_order(human, human) == 1.0
    assert triple_order(human, -human) == 0.0
    shuffled = np.random.default_rng(3).permutation(framing.to_numpy())
    assert 0.14 < triple_order(human, shuffled) < 0.20
    assert triple_order(human, framing) == triple_order(human, framing)  # seeded


def test_article_tone_orders_nyt_editorials_as_people_do(nyt_editorial_tone):
    """Article means of `sentiment` order the 241 editorials as their readers' mean ratings do well
    above chance (measured: Spearman 0.61, pairs 0.72, triples 0.42 against 0.5 and 1/6), and better
    than the editorials' median sentence (0.52 / 0.69), the alternative a careful person might
    pick; but pairs of editorials that people rate alike are ordered little better than chance."""
    from scipy.stats import spearmanr

    from bench_sentiment import concordance, concordance_by_gap, triple_order

    human, framing, scored = nyt_editorial_tone
    assert spearmanr(human, framing)[0] > 0.55
    assert concordance(human, framing) > 0.70
    assert triple_order(human, framing) > 0.35
    median = scored.groupby("doc_id", sort=True)["sentiment"].median().reindex(human.index)
    assert concordance(human, framing) > concordance(human, median) + 0.02
    by_gap = [b["concordance"] for b in concordance_by_gap(human, framing)]
    assert by_gap[0] < by_gap[1] < by_gap[2]
    assert by_gap[0] < 0.65 < 0.85 < by_gap[2]


def test_editorials_closer_than_the_event_pages_tone_gap_are_ordered_near_chance(nyt_editorial_tone):
    """The gap below which an event page calls two articles alike (`events.CLOSE_TONE`): pairs of
    editorials that framing puts closer than it are ordered as readers order them about 6 times in
    10 (measured 0.60), pairs farther apart clearly more often (0.83), and agreement rises with the gap."""
    from bench_sentiment import concordance_by_framing_gap

    from framing.events import CLOSE_TONE

    human, framing, _ = nyt_editorial_tone
    bins = concordance_by_framing_gap(human, framing, edges=(0.0, CLOSE_TONE / 2, CLOSE_TONE, 0.2, np.inf))
    rounded = human.round(9).to_numpy()  # people's means equal but for floating-point error tie
    rated = int((np.subtract.outer(rounded, rounded)[np.triu_indices(len(human), 1)] != 0).sum())
    assert sum(b["pairs"] for b in bins) == rated
    agree = [b["concordance"] for b in bins]
    assert agree == sorted(agree)
    below = sum(b["concordance"] * b["pairs"] for b in bins[:2]) / sum(b["pairs"] for b in bins[:2])
    above = sum(b["concordance"] * b["pairs"] for b in bins[2:]) / sum(b["pairs"] for b in bins[2:])
    assert 0.5 < below < 0.66 and above > 0.75


def test_newsmtsc_targets_join_one_persons_names_within_a_document(shared_data):
    """The benchmark's document × person pairs: "President Donald Trump", "Mr. Trump" and "Trump"
    annotated in one document are one person; a mention annotated twice counts once."""
    from bench_sentiment import newsmtsc_targets

    rows = newsmtsc_targets()
    assert not rows.duplicated(["source_doc_key", "source_sentence_key", "from", "to"]).any()
    trump = rows[rows["person"] == "trump"]
    written = trump.groupby("source_doc_key")["mention"].agg(lambda m: set(m))
    assert any({"Trump", "President Donald Trump"} <= names for names in written)
    assert set(rows["y"]) == {-1, 0, 1}
    assert (rows.groupby(["source_doc_key", "person"]).size() >= 2).sum() > 1000


_SCORE_IN_A_FRESH_PROCESS = """
import json, sys
texts = json.load(open(sys.argv[1], encoding="utf-8"))
if sys.argv[2] == "textblob first":
    import textblob  # the whole package, NLTK with it, as a user's notebook may import it
import pandas as pd
from framing.sentiment import add_sentiment
from framing.sentiment.features import feature_words
scored = add_sentiment(pd.DataFrame({"text": texts}))
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"nltk", "sklearn", "textblob"})
print(json.dumps({"scores": scored[["polarity", "subjectivity", "vader_compound", "sentiment"]].to_numpy().tolist(),
                  "stems": [feature_words(text) for text in texts[:2000]], "heavy": heavy}))
"""


def test_scores_and_stems_need_no_textblob_or_nltk_package_and_are_the_same(shared_sentence_table,
                                                                            in_fresh_processes):
    """Sentiment scores and the actor features' Porter stems load TextBlob's English module and
    NLTK's stemmer without the packages' initialisation (which pulls in NLTK whole and
    scikit-learn), and give the same numbers and stems, bit for bit, as with the whole package
    imported first, on every sentence of the AllSides roundups and narrative-frames-dev."""
    texts = shared_sentence_table["text"].drop_duplicates().tolist()
    runs = in_fresh_processes(_SCORE_IN_A_FRESH_PROCESS, texts, ("alone", "textblob first"), timeout=600)
    assert runs["alone"]["heavy"] == []
    assert runs["textblob first"]["heavy"] == ["nltk", "sklearn", "textblob"]
    assert runs["alone"]["scores"] == runs["textblob first"]["scores"]  # json keeps every bit of a float
    assert runs["alone"]["stems"] == runs["textblob first"]["stems"]
    assert len(texts) > 1000 and sum(len(words) for words in runs["alone"]["stems"]) > 10000
