"""Tests for framing.compare: alignment, selection and omission, wording, quotes, headlines, prominence."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from framing import compare
from framing.segment import split_sentences
from framing.stats import SAME_WITHIN_EVENTS


def _table(rows, event="e1") -> pd.DataFrame:
    """A sentence table from (article_id, outlet, text[, kind]) rows; ids run through each article."""
    frame = pd.DataFrame([dict(zip(("article_id", "outlet", "text", "kind"), row)) for row in rows])
    if "kind" not in frame:
        frame["kind"] = "body"
    frame["kind"] = frame["kind"].fillna("body")
    frame["sentence_id"] = frame.groupby("article_id").cumcount()
    frame["event"] = event
    n = frame.groupby("article_id")["sentence_id"].transform("max").clip(lower=1)
    frame["position"] = frame["sentence_id"] / n
    return frame


# ------------------------------------------------------------------------------ exact alignment

def test_cosine_of_two_short_sentences_is_the_tfidf_formula():
    # Terms: a = {alpha, beta, "alpha beta"}, b = {alpha, gamma, "alpha gamma"}. Smooth idf over
    # the event's two sentences: alpha ln(3/3)+1 = 1, the other four ln(3/2)+1. Cosine = 1/(1+2w²).
    table = _table([("a1", "A", "Alpha beta."), ("b1", "B", "Alpha gamma.")])
    pairs = compare.align_sentences(table, threshold=0.0)
    w = math.log(1.5) + 1
    assert pairs["similarity"].tolist() == pytest.approx([1 / (1 + 2 * w * w)] * 2, abs=1e-6)
    assert pairs[["outlet_a", "outlet_b"]].values.tolist() == [["A", "B"], ["B", "A"]]
    assert pairs["mutual"].all()


def test_each_sentence_gets_its_best_counterpart_per_other_outlet_above_threshold():
    table = _table([
        ("a1", "A", "Hegseth ruled out NATO membership for Ukraine."),
        ("a1", "A", "Bakers in Lyon sold record numbers of croissants."),
        ("b1", "B", "Farmers protested fuel prices."),
        ("b1", "B", "Hegseth ruled out NATO membership for Ukraine on Wednesday."),
        ("c1", "C", "Hegseth ruled out NATO membership for Ukraine."),
        ("c1", "C", "Ukraine membership talks."),
    ])
    pairs = compare.align_sentences(table, threshold=0.3)
    from_a0 = pairs[(pairs["article_id_a"] == "a1") & (pairs["sentence_id_a"] == 0)]
    assert from_a0[["outlet_b", "sentence_id_b"]].values.tolist() == [["B", 1], ["C", 0]]
    assert from_a0.loc[from_a0["outlet_b"] == "C", "similarity"].item() == pytest.approx(1.0)
    # the croissants and the farmers have no counterpart anywhere
    assert not ((pairs["article_id_a"] == "a1") & (pairs["sentence_id_a"] == 1)).any()
    assert not ((pairs["article_id_a"] == "b1") & (pairs["sentence_id_a"] == 0)).any()
    assert (pairs["similarity"] >= 0.3).all()
    assert (pairs["outlet_a"] != pairs["outlet_b"]).all()


def test_sentences_of_the_same_outlet_are_never_paired():
    table = _table([("a1", "A", "Troops will not be deployed."), ("a2", "A", "Troops will not be deployed.")])
    assert compare.align_sentences(table, threshold=0.0).empty


def test_ties_go_to_the_earlier_sentence():
    table = _table([("a1", "A", "Peace talks begin."), ("b1", "B", "Peace talks begin."),
                    ("b1", "B", "Peace talks begin.")])
    pairs = compare.align_sentences(table, threshold=0.5)
    assert pairs.loc[pairs["outlet_a"] == "A", "sentence_id_b"].tolist() == [0]


def test_alignment_stays_within_events_and_without_event_column_the_table_is_one_event():
    one = _table([("a1", "A", "Peace talks begin in Riyadh.")], event="e1")
    two = _table([("b1", "B", "Peace talks begin in Riyadh.")], event="e2")
    table = pd.concat([one, two], ignore_index=True)
    assert compare.align_sentences(table, threshold=0.1).empty
    pooled = compare.align_sentences(table.drop(columns="event"), threshold=0.1)
    assert len(pooled) == 2 and set(pooled["event"]) == {"all"}
    assert len(compare.align_sentences(table, threshold=0.1, within=None)) == 2


def test_alignment_does_not_change_its_input_and_records_versions():
    table = _table([("a1", "A", "Alpha beta."), ("b1", "B", "Alpha gamma.")])
    before = table.copy()
    pairs = compare.align_sentences(table)
    pd.testing.assert_frame_equal(table, before)
    assert pairs["compare_version"].unique().tolist() == [compare.read_params()["version"]]
    assert pairs["stopwords_version"].notna().all()


def test_default_threshold_comes_from_the_shipped_parameters():
    threshold = compare.read_params()["align"]["threshold"]
    table = _table([("a1", "A", "Alpha beta."), ("b1", "B", "Alpha gamma.")])  # cosine 0.20
    assert compare.align_sentences(table).empty == (threshold > 0.202)


def test_small_blocks_give_the_same_pairs_as_one_block():
    table = _table([("a1", "A", "Peace talks begin."), ("a1", "A", "Troops stay home."),
                    ("b1", "B", "Troops will stay home."), ("b1", "B", "Talks on peace begin soon.")])
    whole = compare.align_sentences(table, threshold=0.1)
    blocked = compare.align_sentences(table, threshold=0.1, block_size=1)
    pd.testing.assert_frame_equal(whole, blocked)


# ------------------------------------------------------------------- selection and omission

def test_shared_and_exclusive_facts_on_three_outlets():
    table = _table([
        ("a1", "A", "Hegseth ruled out NATO membership for Ukraine."),
        ("a1", "A", "Lecornu warned against peace through weakness."),
        ("b1", "B", "Hegseth ruled out NATO membership for Ukraine."),
        ("b1", "B", "Lecornu warned against peace through weakness."),
        ("c1", "C", "Hegseth ruled out NATO membership for Ukraine."),
        ("c1", "C", "Stock markets rallied."),
    ])
    pairs = compare.align_sentences(table, threshold=0.5)
    shared = compare.shared_facts(pairs, table)
    assert sorted(shared["article_id"]) == ["a1", "b1", "c1"]
    assert set(shared["sentence_id"]) == {0}
    exclusive = compare.exclusive_facts(pairs, table)
    assert exclusive[["article_id", "sentence_id"]].values.tolist() == [["c1", 1]]
    counted = compare.add_counterparts(table, pairs)
    lecornu = counted[(counted["article_id"] == "a1") & (counted["sentence_id"] == 1)]
    assert lecornu[["n_other_outlets", "n_counterparts", "counterpart_outlets"]].values.tolist() == [[2, 1, "B"]]



def test_every_outlet_needs_a_counterpart_at_the_threshold_not_a_weak_mutual_match():
    # AllSides' roundup of the October 2021 debt-ceiling vote (Axios, CNN, National Review): Axios's
    # quote of Sen. Graham is the mutual best match of CNN's headline and of National Review's
    # "the Senate approved an extension ..." on "debt ceiling" alone (cosines 0.12 and 0.11)
    table = pd.read_csv(Path(__file__).parent / "fixtures" / "compare_debt_ceiling.csv")
    pairs = compare.align_sentences(table)
    threshold = float(compare.read_params()["align"]["threshold"])
    assert (pairs["confirmed"] == (pairs["mutual"] & (pairs["similarity"] >= threshold))).all()
    assert not (pairs["confirmed"] & ~pairs["reported"]).any()
    quote = table[table["text"].str.startswith("“Why the hell")].iloc[0]
    weak = pairs[(pairs["article_id_a"] == quote["article_id"]) & (pairs["sentence_id_a"] == quote["sentence_id"])]
    assert len(weak) == 2 and weak["mutual"].all() and (weak["similarity"] < threshold).all()
    shared = compare.shared_facts(pairs, table)
    assert quote["text"] not in set(shared["text"])
    # the weak matches still keep the quote out of "only this outlet"
    assert quote["text"] not in set(compare.exclusive_facts(pairs, table)["text"])

# --------------------------------------------------------------------------------- wording

def test_word_differences_lists_the_words_only_one_side_uses():
    pairs = pd.DataFrame({"text_a": ["Hegseth said the war must end."],
                          "text_b": ["Hegseth insisted the war must end now."]})
    out = compare.word_differences(pairs)
    assert out[["only_a", "only_b", "n_only_a", "n_only_b"]].values.tolist() == [["said", "insisted now", 1, 2]]
    assert out["marked"].item() == "Hegseth [-said-] {+insisted+} the war must end {+now+}"


def test_word_differences_ignore_case_and_curly_apostrophes():
    pairs = pd.DataFrame({"text_a": ["Ukraine’s NATO bid"], "text_b": ["ukraine's NATO Bid"]})
    out = compare.word_differences(pairs)
    assert out[["only_a", "only_b"]].values.tolist() == [["", ""]]


# ---------------------------------------------------------------------------------- quotes

def _quotes(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "speaker", "quote"])
    frame["quote_id"] = [f"q{i}" for i in range(len(frame))]
    frame["sentence_id"] = 0
    return frame


def test_compare_quotes_labels_exact_part_near_and_different():
    quotes = _quotes([
        ("a1", "A", "Pete Hegseth", "The bloodshed must stop, and this war must end."),
        ("b1", "B", "Hegseth", "The bloodshed must stop and this war must end"),
        ("a1", "A", "Pete Hegseth", "More must still be done."),
        ("b1", "B", "Hegseth", "Europe must provide the overwhelming share of aid."),
        ("a1", "A", "Boris Pistorius", "Premature concessions could weaken Ukraine."),
        ("b1", "B", "Pistorius", "making premature concessions could weaken Ukraine"),
        ("c1", "C", "Zelensky", "Ukraine will not surrender."),
    ])
    out = compare.compare_quotes(quotes, near=0.6)
    a_side = out[out["outlet_a"] == "A"].set_index("quote_a")
    assert a_side.loc["The bloodshed must stop, and this war must end.", "match"] == "exact"
    assert a_side.loc["The bloodshed must stop, and this war must end.", "similarity"] == 1.0
    assert a_side.loc["Premature concessions could weaken Ukraine.", "match"] == "part"
    assert a_side.loc["More must still be done.", "match"] == "different"
    assert "Zelensky" not in set(out["speaker"])  # quoted by one outlet only: nothing to compare


def test_near_quotes_use_the_difflib_ratio():
    quotes = _quotes([("a1", "A", "Hegseth", "one two three four five"),
                      ("b1", "B", "Hegseth", "one two three four six")])
    out = compare.compare_quotes(quotes, near=0.6)
    assert out["similarity"].tolist() == [0.8, 0.8]  # 2 * 4 matching words / 10
    assert out["match"].tolist() == ["near", "near"]


# -------------------------------------------------------------- headlines and prominence

def _small_article() -> pd.DataFrame:
    return _table([("a1", "A", "NATO door closes", "headline"), ("a1", "A", "Talks begin", "subtitle"),
                   ("a1", "A", "Hegseth spoke in Brussels."), ("a1", "A", "Troops stay home."),
                   ("a1", "A", "Allies were alarmed."), ("a1", "A", "Dateline", "byline")])


def test_headline_vs_body_shares_and_mean_sentiment():
    sentences = _small_article().assign(sentiment=[0.5, -0.5, 0.2, 0.4, -0.9, 0.0])
    hits = pd.DataFrame({"article_id": "a1", "sentence_id": [0, 0, 3, 4],
                         "scheme": "issue", "frame": ["nato", "nato", "troops", "nato"],
                         "score": 1.0, "terms": ""})
    out = compare.headline_vs_body(sentences, hits=hits).set_index(["measure", "frame", "part"])["value"]
    assert out[("sentiment", "", "headline")] == pytest.approx(0.0)
    assert out[("sentiment", "", "body")] == pytest.approx((0.2 + 0.4 - 0.9) / 3)
    assert out[("frame_share", "nato", "headline")] == pytest.approx(0.5)  # 1 of 2, hit counted once
    assert out[("frame_share", "nato", "body")] == pytest.approx(1 / 3)
    assert out[("frame_share", "troops", "headline")] == 0.0


def test_headline_gaps_count_every_article_not_only_those_using_the_frame():
    """Regression: notebook 02 set headline against body averaged over the articles where the
    frame's cues occur, a mean selected on the outcome (on sides-100 the body shares read 33-54%,
    over all articles 8-25%), with no test. Every article with a headline and a body now counts,
    the gap is per article, and outlets are compared by permutation within events."""
    rows, hits = [], []
    for event in range(8):
        for outlet in ("A", "B"):
            article = f"{outlet}{event}"
            rows += [(article, outlet, "Head", "headline"), (article, outlet, "One."), (article, outlet, "Two.")]
            if outlet == "A" and event < 2:  # A uses the frame in two articles, in the headline only
                hits.append({"article_id": article, "sentence_id": 0, "scheme": "generic", "frame": "conflict"})
            if outlet == "B" and event < 2:  # B in two articles, in one body sentence
                hits.append({"article_id": article, "sentence_id": 1, "scheme": "generic", "frame": "conflict"})
    sentences = pd.concat([_table([r for r in rows if r[0].endswith(str(e))], event=f"e{e}") for e in range(8)],
                          ignore_index=True)
    gaps = compare.headline_frame_gaps(sentences, pd.DataFrame(hits))
    assert len(gaps) == 16 and set(gaps.loc[gaps["article_id"] == "A5", "gap"]) == {0.0}  # no cue: counted, at 0
    assert gaps.set_index("article_id").loc["B0", ["headline", "body", "gap"]].tolist() == [0.0, 0.5, -0.5]
    table = compare.summarise_headline_frames(gaps, n_permutations=199).set_index("outlet")
    assert table["n_articles"].tolist() == [8, 8]  # not the 2 articles that use the frame
    assert table.loc["A", ["headline", "body", "gap"]].tolist() == pytest.approx([0.25, 0.0, 0.25])
    assert table.loc["B", "gap"] == pytest.approx(-0.125)
    assert table["n_differing"].tolist() == [2, 2]  # the mean rests on two articles of eight: no interval
    assert table["ci_low"].isna().all() and table.loc["A", "interval"].startswith("only 2 articles whose headline")
    assert table["p_value"].nunique() == 1 and 0 < table["p_value"].iloc[0] <= 1
    assert table["n_events_tested"].iloc[0] == 8 and table["correction"].iloc[0] == "Holm across 1 test"
    assert table.loc["A", "difference"] == pytest.approx(0.375)  # A's gap minus B's, over the 8 events


def test_one_differing_article_is_said_in_the_singular():
    """Regression: AllSides events 401-469 printed "only 1 articles whose headline and body differ
    in it" in 11 rows of frames_headline_vs_body.csv."""
    rows, hits = [], []
    for event in range(6):
        for outlet in ("A", "B"):
            article = f"{outlet}{event}"
            rows += [(article, outlet, "Head", "headline"), (article, outlet, "One."), (article, outlet, "Two.")]
    hits = [{"article_id": "A0", "sentence_id": 0, "scheme": "generic", "frame": "conflict"},
            {"article_id": "B0", "sentence_id": 1, "scheme": "generic", "frame": "conflict"},
            {"article_id": "B1", "sentence_id": 1, "scheme": "generic", "frame": "conflict"}]
    sentences = pd.concat([_table([r for r in rows if r[0].endswith(str(e))], event=f"e{e}") for e in range(6)],
                          ignore_index=True)
    table = compare.summarise_headline_frames(compare.headline_frame_gaps(sentences, pd.DataFrame(hits)),
                                              n_permutations=99).set_index("outlet")
    assert table.loc["A", "interval"].startswith("only 1 article whose headline and body differ in it")
    assert table.loc["B", "interval"].startswith("only 2 articles whose headline and body differ in it")


def test_headline_sentiment_gaps_are_per_article_and_summarised_like_the_frames():
    """Notebook 06 set each outlet's headline sentiment against its body's with no interval, no
    test and no word that one event's rows describe its articles; the gap is now per article and
    goes through the same summary and test as the frames (`family="measure"`)."""
    rows = []
    for event in range(12):
        for outlet in ("Right", "Left", "Center"):  # lean labels, given out of order
            article = f"{outlet}-{event}"
            rows += [(article, outlet, "Head", "headline"), (article, outlet, "One."), (article, outlet, "Two.")]
    sentences = pd.concat([_table([r for r in rows if r[0].endswith(f"-{e}")], event=f"e{e}") for e in range(12)],
                          ignore_index=True)
    lift = [0.05 * (event % 4) for event in range(12) for _ in range(9)]  # the headline's lift varies by event
    sentences["sentiment"] = [0.6, 0.1, -0.3] * 36 + pd.Series(lift) * (sentences["kind"] == "headline")
    gaps = compare.headline_sentiment_gaps(sentences)  # headline 0.6 (+ lift), body mean -0.1
    lifts = gaps["event"].str[1:].astype(int).mod(4) * 0.05
    assert len(gaps) == 36 and gaps["gap"].tolist() == pytest.approx((0.7 + lifts).tolist())
    assert gaps.loc[0, ["headline", "body"]].tolist() == pytest.approx([0.6, -0.1])
    table = compare.summarise_headline_frames(gaps, family="measure", n_permutations=199)
    assert table["outlet"].tolist() == ["Left", "Center", "Right"]  # left to right, from the library
    assert table["gap"].tolist() == pytest.approx([0.775] * 3) and table["n_articles"].tolist() == [12] * 3
    assert (table["ci_low"] < 0.775).all() and (table["ci_high"] > 0.775).all()  # 12 articles differ: an interval
    # alike within every event: no shuffle could change the statistic, so no test (was p = 1)
    assert table["p_value"].isna().all() and set(table["note"]) == {SAME_WITHIN_EVENTS.format(by="outlet")}
    headless = sentences[sentences["kind"] != "headline"]
    assert compare.headline_sentiment_gaps(headless).empty  # no headline: no gap, not a gap from 0


def test_prominence_first_sentence_position_and_rank():
    sentences = _small_article()
    hits = pd.DataFrame({"article_id": "a1", "sentence_id": [3, 0, 4], "scheme": "issue",
                         "frame": ["troops", "nato", "nato"]})
    quotes = pd.DataFrame({"article_id": "a1", "sentence_id": [2, 4], "speaker": ["Hegseth", "Pistorius"]})
    out = compare.prominence(sentences, hits=hits, quotes=quotes)
    frames = out[out["item_type"] == "frame"].set_index("item")
    assert frames.loc["nato", ["first_sentence_id", "n_sentences", "rank", "first_kind"]].tolist() == [0, 2, 1, "headline"]
    assert frames.loc["troops", ["first_sentence_id", "first_position", "rank"]].tolist() == [3, 0.6, 2]
    speakers = out[out["item_type"] == "speaker"].set_index("item")
    assert speakers.loc["Hegseth", "first_position"] == pytest.approx(0.4)
    assert speakers.loc["Pistorius", "rank"] == 2


# -------------------------------------------------------------------------------- the seeds

def _reported(table: pd.DataFrame, outlet_word: str, phrase: str) -> pd.DataFrame:
    return table[table["outlet"].str.contains(outlet_word, case=False)
                 & table["text"].str.contains(phrase, case=False, regex=False)]


def _outlet(seed_sentences, article_prefix):
    names = seed_sentences.loc[seed_sentences["article_id"].str.startswith(article_prefix), "outlet"]
    return names.iloc[0]


def test_seed_selection_and_omission(seed_sentences):
    pairs = compare.align_sentences(seed_sentences)
    exclusive = compare.exclusive_facts(pairs, seed_sentences)
    shared = compare.shared_facts(pairs, seed_sentences)
    # only the blog: the French and German reactions and the Trump–Putin call
    for phrase in ("Lecornu", "Pistorius", "phone call"):
        rows = exclusive[exclusive["text"].str.contains(phrase, regex=False)]
        assert len(rows) == 1, phrase
    # only the news site: the peacekeeping terms
    assert exclusive["text"].str.contains("Article 5", regex=False).sum() == 1
    # both: NATO membership off the table (the headlines) and no US troops
    assert shared["kind"].eq("headline").sum() >= 1
    troops = shared[shared["text"].str.contains("troops", case=False, regex=False)
                    & shared["text"].str.contains(r"\bno(?:t)?\b", case=False)]
    assert troops["outlet"].nunique() == 2


def _row_of(rows: pd.DataFrame, phrase: str) -> pd.DataFrame:
    """The fact row holding the sentence with `phrase`."""
    found = rows[rows["text"].str.contains(phrase, regex=False)]
    assert len(found) == 1, phrase
    return rows[(rows["event"] == found["event"].iloc[0]) & (rows["row"] == found["row"].iloc[0])]


def test_same_fact_rows_put_each_outlets_words_side_by_side_on_the_seeds(seed_sentences):
    pairs = compare.align_sentences(seed_sentences)
    rows = compare.same_fact_rows(pairs)
    # the news site's "would not send troops to Ukraine" and the blog's "No U.S. Troops to Be Sent
    # to Ukraine" (cosine 0.20, each the other's closest): one row, a sentence per outlet
    troops = _row_of(rows, "No U.S. Troops to Be Sent")
    assert troops["outlet"].nunique() == len(troops) == 2
    assert troops["text"].str.contains("would not send troops to Ukraine", regex=False).any()
    assert troops["anchor"].sum() == 1 and troops["similarity_to_anchor"].dropna().round(2).tolist() == [0.20]
    # what only the blog reports is in no row
    for phrase in ("Lecornu", "Pistorius"):
        assert not rows["text"].str.contains(phrase, regex=False).any(), phrase
    # a mutual match under the threshold is in no row: "ruled out Ukraine's NATO membership" (0.12)
    assert not rows["text"].str.contains("officially ruled out", regex=False).any()
    # rows keep only the pairs notebook 06 lists once (mutual, at the threshold), most similar first
    assert rows.drop_duplicates("row")["similarity"].is_monotonic_decreasing
    assert (rows["similarity_to_anchor"].dropna() >= compare.read_params()["align"]["threshold"]).all()


def test_every_outlet_needs_one_to_one_counterparts(seed_sentences):
    """The blog's headline "U.S. Declares Ukraine's NATO Membership Off the Table …" finds the news
    site's headline (0.27), whose own closest blog sentence is "Ukraine's NATO Bid Deemed
    'Unrealistic'" (0.28): not mutual, so the blog's headline is in no side-by-side row and no
    longer listed as reported by every outlet (the rows and that list agree)."""
    pairs = compare.align_sentences(seed_sentences)
    one_sided = pairs[pairs["text_a"].str.startswith("U.S. Declares Ukraine")]
    assert len(one_sided) == 1 and one_sided["reported"].all() and not one_sided["mutual"].any()
    assert not one_sided["confirmed"].any()
    shared = compare.shared_facts(pairs, seed_sentences)
    rows = compare.same_fact_rows(pairs)
    for table in (shared, rows):
        assert not table["text"].str.startswith("U.S. Declares Ukraine").any()
    assert compare.exclusive_facts(pairs, seed_sentences)["text"].str.startswith("U.S. Declares").sum() == 0


# ------------------------------------------------------------------------------- AllSides

def _allsides(path, n_events: int) -> pd.DataFrame:
    rows, events = [], []
    for line in path.open(encoding="utf-8"):
        article = json.loads(line)
        if article["event_id"] not in events:
            if len(events) == n_events:
                continue
            events.append(article["event_id"])
        texts = [article["title"]] + [s for p in article["text"].split("\n") if p.strip()
                                      for s in split_sentences(p)]
        rows += [{"article_id": article["article_id"], "outlet": article["outlet"],
                  "event": article["event_id"], "sentence_id": i,
                  "kind": "headline" if i == 0 else "body", "text": t} for i, t in enumerate(texts)]
    return pd.DataFrame(rows)


def test_allsides_alignment_stays_within_events(shared_data):
    table = _allsides(shared_data / "allsides-roundups" / "articles.jsonl", 30)
    pairs = compare.align_sentences(table)
    event_of = table.drop_duplicates("article_id").set_index("article_id")["event"]
    assert len(pairs) > 30
    assert (pairs["article_id_a"].map(event_of) == pairs["event"]).all()
    assert (pairs["article_id_b"].map(event_of) == pairs["event"]).all()
    # an event aligned alone gives exactly the pairs it gets among the other events
    first = table["event"].iloc[0]
    alone = compare.align_sentences(table[table["event"] == first])
    pd.testing.assert_frame_equal(alone, pairs[pairs["event"] == first].reset_index(drop=True))


def test_same_fact_rows_agree_with_every_outlets_facts_and_the_pairs(shared_data):
    """On 30 AllSides events: a row with a sentence from every outlet is built on what every outlet
    reports, each of its sentences that matches all the others is listed there and every listed
    sentence is one of those; each mutual pair at the threshold (notebook 06's) shares a row, and
    every sentence of a row is its anchor's counterpart."""
    table = _allsides(shared_data / "allsides-roundups" / "articles.jsonl", 30)
    pairs = compare.align_sentences(table)
    rows = compare.same_fact_rows(pairs)
    assert rows["event"].nunique() > 10 and (rows.groupby(["event", "row"]).size() >= 2).all()
    outlets = table.groupby("event")["outlet"].nunique()
    full = rows[rows["n_outlets"] == rows["event"].map(outlets)]
    assert len(full) and full.groupby(["event", "row"])["outlet"].nunique().eq(full.groupby(["event", "row"]).size()).all()
    keys = ["article_id", "sentence_id"]
    shared = compare.shared_facts(pairs, table)
    assert set(map(tuple, full[full["matches_all"]][keys].values)) == set(map(tuple, shared[keys].values))
    assert full[full["anchor"]].merge(shared, on=keys).shape[0] == full["anchor"].sum()
    confirmed = pairs[pairs["confirmed"]]
    place = rows.groupby(keys)["row"].apply(lambda r: set(r)).to_dict()
    for pair in confirmed.itertuples(index=False):
        assert place[(pair.article_id_a, pair.sentence_id_a)] & place[(pair.article_id_b, pair.sentence_id_b)]
    linked = set(zip(confirmed["article_id_a"], confirmed["sentence_id_a"], confirmed["article_id_b"], confirmed["sentence_id_b"]))
    for (_, _), part in rows.groupby(["event", "row"]):
        anchor = part[part["anchor"]].iloc[0]
        for other in part[~part["anchor"]].itertuples(index=False):
            assert (anchor["article_id"], anchor["sentence_id"], other.article_id, other.sentence_id) in linked
    # most outlets first, then the most alike
    first = rows.drop_duplicates(["event", "row"])
    for _, part in first.groupby("event"):
        assert list(zip(-part["n_outlets"], -part["similarity"])) == sorted(zip(-part["n_outlets"], -part["similarity"]))


def test_a_shared_link_is_no_shared_reporting(tweet_pages):
    """Regression: in nj.com's and The Hill's saved reports of South Dakota's campaign, nj.com's
    embedded tweets "⬇️⬇️⬇️https://t.co/hopPjqa95w" (a link alone) and "we’re. on. it.
    https://t.co/HO1ZRs9T1P" had The Hill's "Don't worry, South Dakota, no one's going to take your
    slogan. https://t.co/XPxUJuyIAC" as counterpart (cosine 0.34 on "https", "t.c", "o"), so they
    counted as reported by both outlets. Links are no words, so the pair is gone; the stories' real
    counterparts stay."""
    sentences = tweet_pages[tweet_pages["event"] == "meth-campaign"]
    pairs = compare.align_sentences(sentences)
    text = dict(zip(zip(sentences["outlet"], sentences["sentence_id"]), sentences["text"]))
    texts = {(text[a, i], text[b, j]) for a, i, b, j in
             pairs[["outlet_a", "sentence_id_a", "outlet_b", "sentence_id_b"]].itertuples(index=False)}
    assert not any("t.co/" in a and "t.co/" in b for a, b in texts)
    assert ("South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign",
            "South Dakota doubles down on ‘Meth. We’re on it.’ They just might be.") in texts
    counted = compare.add_counterparts(sentences, pairs)
    link_only = counted[counted["text"] == "⬇️⬇️⬇️https://t.co/hopPjqa95w"]
    assert link_only["n_counterparts"].tolist() == [0]
    marked = compare.word_differences(pairs)["marked"]
    assert not marked.str.contains("https|t\\.c\\b").any()


def test_seed_hegseth_quotes_are_different_passages(seed_sentences):
    # A quotes table written for this test: every “…” span of a sentence that names Hegseth or
    # reports "he said/stated/asserted" (in the seeds, "he" is always Hegseth).
    import re

    span = re.compile(r"“([^”]+)”")
    his = seed_sentences["text"].str.contains(r"Hegseth|\bhe (?:said|stated|asserted)\b")
    rows = [(row.article_id, row.outlet, "Hegseth", quote)
            for row in seed_sentences[his].itertuples() for quote in span.findall(row.text)]
    quotes = _quotes(rows)
    assert quotes["outlet"].nunique() == 2
    out = compare.compare_quotes(quotes)
    assert set(out["outlet_a"]) == set(quotes["outlet"])
    # each outlet chose its own passages of the speech: nothing quoted alike
    assert set(out["match"]) == {"different"}
    assert out["similarity"].max() < 0.6


def test_mutual_matches_count_as_reported_and_exclusivity_is_split_by_voice(seed_sentences):
    pairs = compare.align_sentences(seed_sentences)
    threshold = float(compare.read_params()["align"]["threshold"])
    assert pairs["reported"].dtype == bool and (pairs["event_null"] > 0).all()
    # a pair below the threshold is kept only when mutual; a non-mutual pair counts only above the null
    low = pairs[pairs["similarity"] < threshold]
    assert low["mutual"].all() and low["reported"].all()
    loose = pairs[~pairs["mutual"]]
    assert (loose["reported"] == (loose["similarity"] >= loose["event_null"].clip(lower=threshold))).all()
    before = compare.exclusive_facts(pairs[pairs["similarity"] >= threshold].drop(columns="reported"), seed_sentences)
    after = compare.exclusive_facts(pairs, seed_sentences)
    assert len(after) < len(before)
    articles = compare.summarise_exclusivity(pairs, seed_sentences)
    assert len(articles) == 2 and articles["n_exclusive"].sum() == len(after)
    assert (articles["n_narration"] + articles["n_quote"] == articles["n_sentences"]).all()
    assert ((articles["share_exclusive"] - articles["expected_share"] - articles["excess_share"]).abs() < 1e-12).all()


# ------------------------------------------------- counting once per distinct text (issue 17)

def _reference_counts(texts: pd.Series, stops: frozenset):
    """Term counts as framing computed them before issue 17, kept as the oracle: scikit-learn's
    CountVectorizer calling the tokenizer on every sentence."""
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer

    from framing.keywords import normalise_term, tokenize

    def analyzer(text):
        words = [term for term in map(normalise_term, tokenize(text)) if term not in stops]
        return words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    try:
        return CountVectorizer(analyzer=analyzer).fit_transform(texts.fillna("").astype(str))
    except ValueError:
        return sparse.csr_matrix((len(texts), 1))


def _same_matrix(got, expected):
    assert got.shape == expected.shape
    for part in ("data", "indices", "indptr"):  # entries in the same order, not only equal values
        assert getattr(got, part).dtype == getattr(expected, part).dtype
        assert (getattr(got, part) == getattr(expected, part)).all()


def test_counts_equal_the_reference_on_every_shared_sentence(shared_sentence_table, seed_sentences):
    from framing.keywords import read_stopwords

    stops = read_stopwords()[0]
    twice = pd.concat([seed_sentences["text"], seed_sentences["text"].iloc[::-1], pd.Series([None, "", "the"])],
                      ignore_index=True)
    for texts in (shared_sentence_table["text"], twice, pd.Series(["the of", None])):
        _same_matrix(compare._counts(texts, stops), _reference_counts(texts, stops))


def test_alignment_equals_the_reference_on_every_shared_sentence(shared_sentence_table, seed_sentences,
                                                                  monkeypatch):
    """The pairs are those of counting every sentence and weighting each event over the whole
    vocabulary, as before issue 17."""
    twice = pd.concat([seed_sentences, seed_sentences.assign(article_id=seed_sentences["article_id"] + "-copy",
                                                             outlet=seed_sentences["outlet"] + " copy")])
    tables = (shared_sentence_table, seed_sentences, twice)
    pairs = [compare.align_sentences(table) for table in tables]
    monkeypatch.setattr(compare, "_counts", _reference_counts)
    monkeypatch.setattr(compare, "_used_columns", lambda counts: counts)
    for table, got in zip(tables, pairs):
        assert len(got) > 10
        pd.testing.assert_frame_equal(got, compare.align_sentences(table), check_exact=True)


def test_unit_rows_equal_scikit_learns_normalize_bit_for_bit(shared_sentence_table):
    """The TF-IDF rows are scaled to unit length as scikit-learn's `normalize` scales them (the
    oracle; framing no longer imports scikit-learn for it), to the last bit, on every event of the
    shared sentences; a row of zeros stays as it is."""
    import numpy as np
    from scipy import sparse
    from sklearn.preprocessing import normalize

    from framing.keywords import read_stopwords

    table = shared_sentence_table.reset_index(drop=True)
    counts = compare._counts(table["text"], read_stopwords()[0])
    events = table.groupby("event").indices
    for rows in events.values():
        weighted = compare._used_columns(counts[rows]).astype(float)
        weighted.data = 1.0 + np.log(weighted.data)
        df = np.bincount(weighted.indices, minlength=weighted.shape[1])
        weighted = weighted @ sparse.diags(np.log((1 + weighted.shape[0]) / (1 + df)) + 1)  # as `_tfidf`
        _same_matrix(compare._unit_rows(weighted), normalize(weighted, norm="l2"))
    zeros = sparse.csr_matrix((np.array([0.0, 3.0, 4.0]), np.array([0, 0, 1]), np.array([0, 1, 3])), shape=(2, 2))
    assert compare._unit_rows(zeros).toarray().tolist() == [[0.0, 0.0], [0.6, 0.8]]
    assert len(events) > 50


def test_compare_quotes_leaves_anonymous_sources_unpaired():
    """Regression: "Senate sources" in one outlet and "sources" in another were compared as one
    speaker (both end in "sources"), though unnamed sources are not known to be the same people."""
    quotes = _quotes([("a1", "A", "Senate sources", "dug in"),
                      ("b1", "B", "sources", "The program is likely to be dropped from the bill"),
                      ("a1", "A", "Joe Manchin", "I am not there"),
                      ("b1", "B", "Manchin", "I am not there")])
    quotes["is_anonymous"] = [True, True, False, False]
    out = compare.compare_quotes(quotes)
    assert set(out["speaker"]) == {"Joe Manchin", "Manchin"}
    assert compare.compare_quotes(quotes.drop(columns="is_anonymous"))["speaker"].str.endswith("sources").any()


def test_compared_quotes_say_which_are_paraphrases(shared_data):
    """Regression: on AllSides events 370-469 by lean, notebook 06 chose event allsides_6047 (jobless
    claims) and showed the Labor Department "quoted" by Left and Center as `different`, read as two
    passages of one statement; both are indirect speech, each outlet's paraphrase of the same figure
    ("…continued to fall last week to 473,000…, the Labor Department reported"; "…claims fell to
    473,000 last week…, the Labor Department said"). The pairs now say whether each quote is direct.
    Real AllSides text of that event."""
    import json

    from framing.segment import split_table
    from framing.sources import extract_quotes

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    table = pd.DataFrame([{"article_id": f"a{i}", "outlet": r["allsides_side"], "event": r["event_id"],
                           "text": r["text"]} for i, r in enumerate(rows) if r["event_id"] == "allsides_6047"])
    sentences = split_table(table, by="article_id").assign(kind="body")
    quotes = extract_quotes(sentences)
    out = compare.compare_quotes(quotes, sentences=sentences)
    labor = out[out["speaker"] == "Labor Department"]
    assert set(labor["outlet_a"]) == {"left", "center"} and set(labor["match"]) == {"different"}
    assert not labor["direct_a"].any() and not labor["direct_b"].any()
    assert "473,000" in labor["quote_a"].iloc[0] and "473,000" in labor["quote_b"].iloc[0]
    # the pair scores the same from either side (difflib's ratio alone gave 0.359 one way, 0.308 the other)
    assert labor["similarity"].nunique() == 1 and len(labor) == 2
    words = [tuple(compare.normalise_term(w) for w in compare.tokenize(q)) for q in labor.iloc[0][["quote_a", "quote_b"]]]
    one_way, other_way = compare._ratio(*words), compare._ratio(*words[::-1])
    assert one_way != other_way and labor["similarity"].iloc[0] == round(max(one_way, other_way), 6)
    toy = compare.compare_quotes(quotes.drop(columns="is_direct"), sentences=sentences)
    assert toy["direct_a"].isna().all() and list(toy.columns[-3:]) == ["direct_a", "direct_b", "compare_version"]
