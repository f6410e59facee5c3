"""Outlet labels that name a political lean: their place on the spectrum (the rule of
`house_style.toml`'s [outlet_spectrum]), the order every chart and table shows them in, and their
diverging colours; real outlet names keep name order and the palette."""
from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import pandas as pd  # noqa: E402

import framing as fr  # noqa: E402
from framing.keywords import normalise_term  # noqa: E402
from framing.leans import is_lean_corpus, lean_colours, lean_place, outlet_order  # noqa: E402


@pytest.mark.parametrize("label, place", [
    # AllSides
    ("Left", (-2, 0)), ("Lean Left", (-1, 0)), ("Center", (0, 0)), ("Lean Right", (1, 0)), ("Right", (2, 0)),
    ("Mixed", (0, 1)), ("lean left", (-1, 0)),
    # Media Bias/Fact Check
    ("Left-Center", (-1, 0)), ("Right-Center", (1, 0)), ("Least Biased", (0, 1)), ("Extreme Right", (3, 0)),
    ("Far-Left", (-3, 0)),
    # Ad Fontes Media
    ("Skews Left", (-1, 0)), ("Middle or Balanced", (0, 0)), ("Hyper-Partisan Right", (3, 0)),
    ("Most Extreme Left", (-4, 0)),
    # words of the same scale written otherwise
    ("Liberal", (-2, 0)), ("Conservative", (2, 0)), ("Center-Right", (1, 0)), ("Left of Center", (-1, 0)),
    ("Neutral", (0, 1)),
    # no place: a masthead, a label with a masthead in it, both sides, words that place nothing
    ("CNN", None), ("Fox News (Opinion)", None), ("Left Right", None), ("Biased", None), ("Center (Opinion)", None),
])
def test_a_lean_label_has_its_place_on_the_spectrum(label, place):
    assert lean_place(label) == place


def test_every_word_of_the_spectrum_rule_is_a_word_of_the_outlet_categories():
    data = fr.load_data("house_style")
    categories = {normalise_term(w) for w in data["outlet_categories"]["words"]}
    spectrum = {normalise_term(w) for words in data["outlet_spectrum"].values() for w in words}
    assert spectrum and spectrum <= categories


def test_lean_labels_run_from_left_to_right_and_names_stay_in_name_order():
    assert outlet_order(["Right", "center", "Mixed", "Lean Right", "Left", "Lean Left"]) == [
        "Left", "Lean Left", "center", "Mixed", "Lean Right", "Right"]
    assert outlet_order(["Washington Post", "Fox News", "AP"]) == ["AP", "Fox News", "Washington Post"]
    # a mix of leans and mastheads is no corpus of leans: name order
    assert not is_lean_corpus(["Left", "Right", "Reuters"])
    assert outlet_order(["Right", "Reuters", "Left"]) == ["Left", "Reuters", "Right"]


def _rgb(colour):
    return mcolors.to_rgb(colour)


def test_leans_are_coloured_blue_on_the_left_red_on_the_right_and_grey_purple_between():
    colours = lean_colours(["Left", "Lean Left", "Center", "Mixed", "Lean Right", "Right"])
    for side in ("Left", "Lean Left"):
        red, _, blue = _rgb(colours[side])
        assert blue > red + 0.2, side
    for side in ("Right", "Lean Right"):
        red, _, blue = _rgb(colours[side])
        assert red > blue + 0.2, side
    for middle in ("Center", "Mixed"):
        red, green, blue = _rgb(colours[middle])
        assert max(red, green, blue) - min(red, green, blue) < 0.2 and blue >= green, middle  # greyish, toward purple
    # further out is deeper: darker than halfway
    assert sum(_rgb(colours["Left"])) < sum(_rgb(colours["Lean Left"]))
    assert sum(_rgb(colours["Right"])) < sum(_rgb(colours["Lean Right"]))
    assert len(set(colours.values())) == len(colours)
    # two labels at one place stay apart
    tied = lean_colours(["Lean Left", "Left-Center", "Center"])
    assert tied["Lean Left"] != tied["Left-Center"]
    assert lean_colours(["Left", "Reuters"]) == {}


def test_sort_outlets_orders_a_table_by_lean_within_its_first_keys():
    table = pd.DataFrame({"event": ["e2", "e1", "e1", "e1", "e2"],
                          "outlet": ["Left", "Right", "Left", "Center", "Right"], "article_id": list("abcde")})
    shown = fr.sort_outlets(table, before=["event"])
    assert list(zip(shown["event"], shown["outlet"])) == [
        ("e1", "Left"), ("e1", "Center"), ("e1", "Right"), ("e2", "Left"), ("e2", "Right")]


@pytest.fixture(scope="module")
def sides_sentences(shared_data):
    """The first 12 AllSides events with a left, a center and a right article, real text, outlets
    named by side ("Left", "Center", "Right") and by masthead; the title is each article's headline."""
    import json

    from framing.segment import split_table

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    by_event = {}
    for row in rows:
        by_event.setdefault(row["event_id"], {})[row["allsides_side"]] = row
    events = sorted(e for e, sides in by_event.items() if set(sides) == {"left", "center", "right"})[:12]
    articles = pd.DataFrame([{"article_id": side["article_id"], "event": event, "side": name.title(),
                              "masthead": side["outlet"], "text": side["text"], "title": side["title"]}
                             for event in events for name, side in by_event[event].items()])
    body = split_table(articles, by="article_id").assign(kind="body")
    body["sentence_id"] = body["sentence_id"] + 1
    heads = articles.assign(sentence_id=0, kind="headline").drop(columns="text").rename(columns={"title": "text"})
    table = pd.concat([heads, body.drop(columns=["side", "masthead", "event", "title"], errors="ignore")
                       .merge(articles[["article_id", "event", "side", "masthead"]], on="article_id")])
    table["n_words"] = table["text"].str.split().str.len()
    return table.sort_values(["article_id", "sentence_id"], ignore_index=True)


@pytest.mark.parametrize("label", ["side", "masthead"])
def test_summaries_come_back_left_to_right_for_leans_and_by_name_otherwise(sides_sentences, label):
    """The `summarise_*` functions returned outlets in name order ("Center", "Left", "Right"), and
    each notebook sorted lean corpora itself, so a user calling them got the center first. The
    library now gives the order every chart draws: left to right for leans, by name otherwise."""
    from framing.compare import headline_frame_gaps, summarise_headline_frames
    from framing.stats import article_values, compare_outlets, within_event_effects

    sentences = sides_sentences.assign(outlet=sides_sentences[label])
    expected = ["Left", "Center", "Right"] if label == "side" else sorted(sentences["outlet"].unique())
    hits = fr.add_frames(sentences, scheme="generic")
    frames = fr.summarise_frames(hits, sentences, n_permutations=99)
    for frame, part in frames.groupby("frame"):
        assert part["outlet"].tolist() == [o for o in expected if o in set(part["outlet"])], frame
    headline = summarise_headline_frames(headline_frame_gaps(sentences, hits), n_permutations=99)
    assert headline.groupby("frame")["outlet"].apply(list).map(lambda shown: shown == expected).all()
    lengths = article_values(sentences.assign(long=sentences["n_words"] > 20), value="long", by=["outlet", "event"])
    assert fr.summarise_sentiment(sentences.assign(sentiment=sentences["n_words"] / 50))["outlet"].tolist() == expected
    assert compare_outlets(lengths, value="long", n_permutations=99)["outlet"].tolist() == expected
    assert within_event_effects(lengths, value="long")["outlet"].tolist() == expected


def test_articles_per_outlet_read_left_to_right_for_leans_whatever_their_counts(sides_sentences):
    """Regression: with one article removed from "Center" (a corpus of AllSides sides, 100 events,
    one article deleted), the articles-per-outlet chart and table of notebooks 01 and 07 (and the
    summary's key numbers, built on that table) put the most articles first, "Left, Right, Center",
    while every other chart of the corpus reads "Left, Center, Right". Mastheads keep most first."""
    import matplotlib.pyplot as plt

    from framing.audit import count_articles_per_outlet

    heads = sides_sentences[sides_sentences["kind"] == "headline"]
    one_gone = heads[heads["article_id"] != heads.loc[heads["side"] == "Center", "article_id"].iloc[0]]
    articles = one_gone.assign(outlet=one_gone["side"], n_sentences=1)
    counts = count_articles_per_outlet(articles)
    assert counts["outlet"].tolist()[-1] == "Center"  # the fewest articles
    table = fr.largest_first(counts, "n_articles")
    assert table["outlet"].tolist() == ["Left", "Center", "Right"]
    ax = fr.plot_articles_per_outlet(table)
    assert [tick.get_text() for tick in ax.get_yticklabels()][::-1] == ["Left", "Center", "Right"]  # drawn top down
    plt.close(ax.figure)
    by_masthead = count_articles_per_outlet(one_gone.assign(outlet=one_gone["masthead"], n_sentences=1))
    assert fr.largest_first(by_masthead, "n_articles")["n_articles"].is_monotonic_decreasing


def test_the_alignment_map_reads_left_to_right_for_leans(sides_sentences):
    """Regression: the alignment map of one event of a corpus of AllSides sides drew its articles
    in the sentence table's order ("Center", "Lean Right", "Left" from the top) while every other
    chart reads left to right: `add_counterparts` now returns its rows outlet by outlet."""
    import matplotlib.pyplot as plt

    from framing.compare import add_counterparts, align_sentences

    event = sorted(sides_sentences["event"].unique())[0]
    one = sides_sentences[sides_sentences["event"] == event]
    one = one.assign(outlet=one["side"].replace({"Right": "Lean Right"})).sort_values("outlet", ignore_index=True)
    order = one.groupby("article_id").cumcount()
    one["position"] = order / one.groupby("article_id")["sentence_id"].transform("size").sub(1).clip(lower=1)
    counterparts = add_counterparts(one, align_sentences(one))
    assert counterparts.drop_duplicates("article_id")["outlet"].tolist() == ["Left", "Center", "Lean Right"]
    assert (counterparts.groupby("article_id")["sentence_id"].apply(lambda ids: ids.is_monotonic_increasing)).all()
    ax = fr.plot_alignment_map(counterparts)
    assert [tick.get_text().split(":")[0] for tick in ax.get_yticklabels()] == ["Left", "Center", "Lean Right"]
    plt.close(ax.figure)


@pytest.mark.parametrize("label", ["side", "masthead"])
def test_each_mutual_pair_is_listed_once_left_to_right_for_leans_and_by_name_otherwise(sides_sentences, label):
    """The pairs of notebook 06's "same fact in different words" were kept the way round whose
    outlet_a came first by name ("Center" against "Left"); `mutual_pairs_once` keeps the way round
    of `outlet_order`, so leans read left to right and mastheads still by name."""
    from framing.compare import align_sentences, mutual_pairs_once

    sentences = sides_sentences.assign(outlet=sides_sentences[label])
    pairs = align_sentences(sentences)
    once = mutual_pairs_once(pairs)
    rank = {outlet: at for at, outlet in enumerate(outlet_order(sentences["outlet"]))}
    assert len(once) == int(pairs["mutual"].sum()) // 2 > 10  # each mutual pair once
    assert (once["outlet_a"].map(rank) < once["outlet_b"].map(rank)).all()
    assert once["similarity"].is_monotonic_decreasing
    if label == "side":
        assert {("Left", "Center"), ("Left", "Right"), ("Center", "Right")} == set(zip(once["outlet_a"], once["outlet_b"]))
