"""The analysis charts draw what their tables hold, with titles, labelled axes and one mark per row."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

import framing as fr


@pytest.fixture(scope="module")
def seed(seed_sentences):
    return seed_sentences


def _labelled(ax):
    assert ax.get_title(loc="left") and ax.get_xlabel() and ax.get_ylabel()  # the house style titles on the left


def test_frame_prevalence_has_one_bar_per_frame_and_outlet(seed):
    summary = fr.summarise_frames(fr.add_frames(seed), seed)
    ax = fr.plot_frame_prevalence(summary)
    _labelled(ax)
    assert len(ax.patches) == summary["frame"].nunique() * summary["outlet"].nunique()
    assert max(p.get_width() for p in ax.patches) == pytest.approx(100 * summary["share"].max())
    # Regression: the legend named the outlets without their articles, so a mean of one article read
    # like a mean of fifteen (the sentiment chart says "(15 articles)" beside each outlet).
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == [
        "Islamic Voice News (1 article)", "Unnamed blog (1 article)"]


def _legend_colours(ax) -> dict:
    from matplotlib.colors import to_hex

    legend = ax.get_legend()
    colours = {}
    for text, handle in zip(legend.get_texts(), legend.legend_handles):
        colour = handle.get_color() if hasattr(handle, "get_color") else handle.get_facecolor()
        name = fr.plots.style._ANY_COUNT.sub("", text.get_text())  # the outlet, whatever count follows it
        colours[name] = to_hex(colour[0] if getattr(colour, "ndim", 1) == 2 else colour)
    return colours


def test_an_outlet_keeps_its_colour_from_chart_to_chart(seed):
    scored = fr.add_sentiment(seed)
    frames = _legend_colours(fr.plot_frame_prevalence(fr.summarise_frames(fr.add_frames(seed), seed)))
    along = _legend_colours(fr.plot_sentiment_along_article(fr.summarise_sentiment_by_position(scored)))
    actors = fr.add_actor_sentiment(seed, {"Hegseth": ["Hegseth"], "Trump": ["Trump"]})
    toward = _legend_colours(fr.plot_actor_sentiment(actors))
    assert len(frames) == 2 and len(set(frames.values())) == 2
    assert frames == along == toward


def test_an_outlet_keeps_its_colour_in_a_chart_where_other_outlets_are_missing(seed):
    colours = fr.outlet_colours(seed)
    summary = fr.summarise_frames(fr.add_frames(seed), seed)
    last = next(o for o, c in colours.items() if c != fr.plots.PALETTE[0])  # alone, it would get the first colour
    alone = _legend_colours(fr.plot_frame_prevalence(summary[summary["outlet"] == last], colors=colours))
    assert alone == {last: colours[last].lower()}
    assert colours[last].lower() != _legend_colours(fr.plot_frame_prevalence(summary[summary["outlet"] == last]))[last]


def test_legends_of_charts_by_outlet_never_cover_the_data(seed):
    scored = fr.add_sentiment(seed)
    actors = fr.add_actor_sentiment(seed, {"Hegseth": ["Hegseth"], "Trump": ["Trump"]})
    charts = [
        fr.plot_frame_prevalence(fr.summarise_frames(fr.add_frames(seed), seed)),
        fr.plot_sentiment_along_article(fr.summarise_sentiment_by_position(scored)),
        fr.plot_actor_sentiment(actors),
    ]
    for ax in charts:
        renderer = ax.figure.canvas.get_renderer()
        legend = ax.get_legend().get_window_extent(renderer)
        assert legend.x0 >= ax.get_window_extent(renderer).x1, ax.get_title(loc="left")


def test_sentiment_charts(seed):
    scored = fr.add_sentiment(seed)
    ax = fr.plot_sentiment_by_outlet(fr.summarise_sentiment(scored))
    _labelled(ax)
    assert len(ax.get_yticklabels()) == seed["outlet"].nunique()
    ax = fr.plot_sentiment_along_article(fr.summarise_sentiment_by_position(scored, bins=4))
    _labelled(ax)
    assert len(ax.get_lines()) >= seed["outlet"].nunique()
    # Regression: the legend named the outlets without their articles, where the frames chart says
    # "Axios (15 articles)": a line of one article read like a line of fifteen.
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == [
        "Islamic Voice News (1 article)", "Unnamed blog (1 article)"]


def test_keyword_charts(seed):
    tokens = fr.unnest_tokens(seed)
    ax = fr.plot_log_odds(fr.log_odds(tokens), n=5)
    _labelled(ax)
    assert len(ax.patches) == 5 * seed["outlet"].nunique()
    # Regression: the axis read "against the other groups" beside keyness's "than the other outlets"
    assert ax.get_xlabel().startswith("z-score of the log-odds ratio against the other outlets")
    ax = fr.plot_keyness(fr.keyness(tokens), n=7)
    _labelled(ax)
    assert 0 < len(ax.patches) <= 7


def test_keyness_chart_says_on_itself_that_it_ranks_and_names_no_outlet_as_a_direction(seed):
    """Regression: the keyness chart of lean-100 (outlets named left, center and right) read "Key
    terms of right" over an axis "log-likelihood G² (right: used more than the rest; left: less)",
    bars up to G² = 19 and no word, on the image a paper takes (saved figures carry no caption),
    that G² counts words as independent draws and so ranks them and tests nothing."""
    import matplotlib.pyplot as plt

    tokens = fr.unnest_tokens(seed.assign(outlet=seed["outlet"].map(
        dict(zip(sorted(seed["outlet"].unique()), ["left", "right"])))))
    ax = fr.plot_keyness(fr.keyness(tokens), target="right", n=7)
    notes = [t.get_text() for t in ax.texts if t.get_gid() == fr.plots.NOTE_GID]
    assert any("a ranking of words, not a test" in note for note in notes)
    assert "right:" not in ax.get_xlabel() and "left:" not in ax.get_xlabel()
    assert "used more than the other outlets" in ax.get_xlabel()
    plt.close(ax.figure)


def test_quote_charts(seed):
    quotes = fr.extract_quotes(seed)
    speakers = fr.summarise_speakers(quotes)
    ax = fr.plot_quote_share(speakers, n=3)
    _labelled(ax)
    assert len(ax.get_yticklabels()) == 3
    ax = fr.plot_verbs(fr.count_verbs(quotes))
    _labelled(ax)
    widths = [p.get_width() for p in ax.patches]
    assert sum(widths) == pytest.approx(100 * seed["outlet"].nunique())  # shares add to 100% per outlet


def test_comparison_charts(seed):
    pairs = fr.align_sentences(seed)
    counterparts = fr.add_counterparts(seed, pairs)
    ax = fr.plot_alignment_map(counterparts)
    _labelled(ax)
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(counterparts)
    ax = fr.plot_alignment_map(counterparts, max_articles=1)  # the cut is by table order, and says so
    first_id = counterparts["article_id"].iloc[0]
    assert len(ax.get_yticklabels()) == 1
    assert sum(len(c.get_offsets()) for c in ax.collections) == (counterparts["article_id"] == first_id).sum()
    assert "(the first 1 in the table's order" in ax._framing_shown
    first = fr.prominence(seed, hits=fr.add_frames(seed))
    ax = fr.plot_prominence(first)
    _labelled(ax)


def test_two_outlets_at_one_position_both_show_on_the_prominence_chart():
    """Regression: on sides-301 notebook 06's chart of where each frame first appears drew Center's
    square over Left's dot at the same position (both outlets' first conflict sentence at 2 of 3), so
    its legend named an outlet the chart did not show. Each outlet's dots are now set apart in the row."""
    import pandas as pd

    first = pd.DataFrame({"outlet": ["Left", "Center", "Right"], "item_type": "frame",
                          "item": ["conflict", "conflict", "economic"], "first_position": [0.5, 0.5, 0.25]})
    ax = fr.plot_prominence(first)
    drawn = {c.get_label(): c.get_offsets()[0] for c in ax.collections}
    assert drawn["Left"][0] == drawn["Center"][0] == 0.5 and drawn["Left"][1] != drawn["Center"][1]
    rows = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert all(abs(drawn[o][1] - rows[item]) < 0.5 for o, item in (("Left", "conflict"), ("Center", "conflict"),
                                                                   ("Right", "economic")))
    assert drawn["Left"][1] < drawn["Center"][1]  # the legend's order from the top (the y axis is inverted)


def test_prominence_and_alignment_charts_keep_their_dots_clear_of_the_frame():
    """Regression: on AllSides event allsides_6047 by lean (jobless claims; events 370-469), notebook
    06's chart of where each frame first appears had one frame, economic, whose three outlets' dots
    (set 0.2 apart) were the whole y range: Left's dot sat on the top of the frame and Right's
    triangle on the x axis, cut in half. Each row is now a full band, first row at the top. The
    positions are those of that event (Left 1 of 6, Center 2 of 5, Right 2 of 6)."""
    import pandas as pd

    first = pd.DataFrame({"outlet": ["Left", "Center", "Right"], "item_type": "frame", "item": "economic",
                          "first_position": [1 / 6, 2 / 5, 2 / 6]})
    ax = fr.plot_prominence(first)
    bottom, top = ax.get_ylim()
    ys = [c.get_offsets()[0][1] for c in ax.collections]
    assert (bottom, top) == (0.5, -0.5) and all(top + 0.25 <= y <= bottom - 0.25 for y in ys), (ax.get_ylim(), ys)
    counterparts = pd.DataFrame({"article_id": ["L", "L", "C", "R"], "outlet": ["Left", "Left", "Center", "Right"],
                                 "title": ["Jobless Claims Decline Further Last Week"] * 2
                                 + ["U.S. Jobless Claims Fall to Another Pandemic Low",
                                    "Jobless Claims Fall to 473,000 as U.S. Reopening Rebound Continues"],
                                 "sentence_id": [0, 1, 0, 0], "position": [0.0, 1.0, 0.0, 0.0],
                                 "n_counterparts": [1, 0, 1, 1], "kind": "body"})
    ax = fr.plot_alignment_map(counterparts)
    assert ax.get_ylim() == (2.5, -0.5)  # three articles, the first at the top
    assert [t.get_text().split(":")[0] for t in ax.get_yticklabels()] == ["Left", "Center", "Right"]


@pytest.fixture(scope="module")
def roundup_sentences(shared_data):
    """The sentences of the first 60 AllSides roundup events (by id): about 180 articles of many
    outlets, split with framing's splitter."""
    import json

    import pandas as pd

    from framing.segment import split_table

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    events = sorted({r["event_id"] for r in rows})[:60]
    table = pd.DataFrame([{"article_id": f"a{i}", "outlet": r["outlet"], "event": r["event_id"], "text": r["text"]}
                          for i, r in enumerate(rows) if r["event_id"] in events])
    return split_table(table, by="article_id").assign(kind="body")


def _saved_tick_labels(ax, tmp_path):
    """The y tick labels of `ax` as `save_figure` lays them out (one column wide): their texts and
    their boxes in pixels; and the texts of the legends drawn in the file."""
    seen = {}
    original = ax.figure.savefig

    def spy(*args, **kwargs):
        renderer = ax.figure.canvas.get_renderer()
        labels = [t for t in ax.get_yticklabels() if t.get_text()]
        seen["texts"] = [t.get_text() for t in labels]
        seen["boxes"] = [t.get_window_extent(renderer) for t in labels]
        legends = [lg for lg in [*ax.figure.legends, ax.get_legend()] if lg is not None and lg.get_visible()]
        seen["legend"] = [t.get_text() for lg in legends for t in lg.get_texts()]
        return original(*args, **kwargs)

    ax.figure.savefig = spy
    fr.save_figure(ax.figure, "chart", out=tmp_path, formats=["png"])
    return seen["texts"], seen["boxes"], seen["legend"]


def test_reporting_verbs_say_how_many_quotes_each_share_is_of(roundup_sentences, tmp_path):
    """Regression: on allsides-100 three outlets had a bar 100% evaluative, each from one quote,
    with nothing on the chart to say so; and the legend read "evaluative (warn, insist, critic…"."""
    verbs = fr.count_verbs(fr.extract_quotes(roundup_sentences))
    per_outlet = verbs.groupby("outlet")["n"].sum()
    ax = fr.plot_verbs(verbs)
    texts, _, legend = _saved_tick_labels(ax, tmp_path)
    assert len(texts) == min(40, len(per_outlet))
    import re

    for text in texts:
        name, n = re.fullmatch(r"(.+) \((?:n=)?(\d+)(?: quotes?)?\)", text).groups()
        fits = re.compile(".*".join(map(re.escape, name.split("…"))) + (".*" if name.endswith("…") else ""))
        assert any(fits.fullmatch(o) and per_outlet[o] == int(n) for o in per_outlet.index), text
    assert len(legend) == 2 and all("…" not in text for text in legend), legend


def test_actor_names_do_not_overlap_with_a_legend_of_many_outlets(roundup_sentences, tmp_path):
    """Regression: the allsides-100 actor chart was 2.3 in tall for six actors and a legend of
    eight outlets below them, so "Joe Manchin" was drawn over "Joe Biden"."""
    mentions = fr.add_actor_sentiment(roundup_sentences, None, top=6)
    ax = fr.plot_actor_sentiment(mentions)
    assert len(ax.get_legend().get_texts()) == 8
    texts, boxes, _ = _saved_tick_labels(ax, tmp_path)
    assert len(texts) == mentions["actor"].nunique()
    boxes = sorted(boxes, key=lambda b: b.y0)
    assert all(low.y1 <= high.y0 for low, high in zip(boxes, boxes[1:])), texts


@pytest.fixture(scope="module")
def roundup_same_events(roundup_sentences):
    """Each outlet's sentiment against the other outlets on the same events (60 AllSides events)."""
    return fr.within_event_effects(fr.article_sentiment(fr.add_sentiment(roundup_sentences)), value="sentiment")


def test_two_outlets_never_share_a_label_when_names_are_cut(roundup_same_events, tmp_path):
    """Regression: on allsides-100 the saved chart labelled both "Wall Street Journal (News)" and
    "Wall Street Journal (Opinion)" as "Wall Street Jo… (n events)": two rows a reader could not
    tell apart. A cut name now fits one outlet of the chart only."""
    import re

    effects = roundup_same_events
    assert {"Wall Street Journal (News)", "Wall Street Journal (Opinion)"} <= set(effects["outlet"])
    ax = fr.plot_within_event_differences(effects)
    texts, _, _ = _saved_tick_labels(ax, tmp_path)
    shown = [re.sub(r" \((\d+ events?|n=\d+)\)$", "", text) for text in texts]
    outlets = effects.dropna(subset=["difference"])["outlet"]
    for name in shown:
        fits = [o for o in outlets if re.fullmatch(".*".join(map(re.escape, name.split("…"))), o)]
        assert len(fits) == 1, (name, fits)
    assert any("(News)" in name for name in shown if name.startswith("Wall"))
    assert any("(Opinion)" in name for name in shown if name.startswith("Wall"))
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


def test_outlets_chart_exported_at_a_column_width_is_laid_out_with_short_distinct_labels(
        roundup_same_events, tmp_path, export_laid_out):
    """Regression: `framing figure sentiment_on_same_events --width 3.3` on allsides-100 gave a plot
    a few pixels wide: names that the end-cut made alike were drawn whole ("Wall Street Journal
    (Opinion) (2 events)"), the layout collapsed and the note above the plot ran down in a sliver.
    At a journal's column width every label stays near the cut (a middle cut keeps names apart,
    between words: "New…Times (News) (n=6)"), no two labels alike, every one inside the figure."""
    import re

    import matplotlib.pyplot as plt

    effects = roundup_same_events
    ax = fr.plot_within_event_differences(effects)
    saved = fr.save_figure(ax.figure, "same_events", out=tmp_path, formats=["png"])
    plt.close(ax.figure)
    seen = export_laid_out(saved["json"], out=tmp_path / "paper", width=3.3)
    assert not [w for w in seen["warnings"] if "collapsed" in w], seen["warnings"]
    texts = seen["texts"]
    assert len(texts) == 40 and len(set(texts)) == 40
    assert max(map(len, texts)) <= 25, max(texts, key=len)  # words kept whole: "Washington Examiner (n=9)"
    assert all(box.x0 >= -1 and box.x1 <= seen["width"] + 1 for box in seen["boxes"])
    names = [re.sub(r" \((\d+ events?|n=\d+)\)$", "", text) for text in texts]
    outlets = effects.dropna(subset=["difference"])["outlet"]
    for name in names:  # each label fits one outlet only
        assert len([o for o in outlets if re.fullmatch(".*".join(map(re.escape, name.split("…"))), o)]) == 1, name


def test_a_count_cut_to_n_is_named_beside_the_labels(roundup_same_events, roundup_sentences, tmp_path):
    """Regression: the saved chart of allsides-100 headed its outlets with "Washington Times (n=5)"
    among "National… (10 events)", and its frames chart's legend read "New…Post (News) (n=17)": n of
    what (events, articles, quotes) was said nowhere on the chart. Where a label's count is cut to
    "(n=…)", the axis label (or the legend's title) names what it counts; the chart is put back after."""
    import matplotlib.pyplot as plt

    def saved(ax):
        seen = {}
        original = ax.figure.savefig

        def spy(*args, **kwargs):
            seen["labels"] = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
            seen["ylabel"] = ax.get_ylabel()
            seen["legend"] = [(lg.get_title().get_text(), [t.get_text() for t in lg.get_texts()])
                              for lg in ax.figure.legends]
            return original(*args, **kwargs)

        ax.figure.savefig = spy
        fr.save_figure(ax.figure, "chart", out=tmp_path, formats=["png"], width=3.3)
        plt.close(ax.figure)
        return seen

    ax = fr.plot_within_event_differences(roundup_same_events)
    seen = saved(ax)
    assert any(text.endswith(")") and "(n=" in text for text in seen["labels"]), seen["labels"]
    assert seen["ylabel"] == "outlet (n: events)"
    assert ax.get_ylabel() == "outlet"

    sentences = roundup_sentences.assign(n_words=roundup_sentences["text"].str.split().str.len())
    summary = fr.summarise_frames(fr.add_frames(sentences), sentences, n_permutations=99, n_boot=200)
    seen = saved(fr.plot_frame_prevalence(summary, max_groups=8))
    [(title, texts)] = seen["legend"]  # a legend's names wrap onto two lines, whole, their counts whole
    assert not any("…" in text or "(n=" in text for text in texts), texts
    assert any("\n" in text for text in texts) and title == "outlet", (title, texts)
    assert fr.plots.style.short_count_noun(["Axios (15 articles)", "Politico (1 article)"],
                                           ["Axios (15 articles)", "Politico (n=1)"]) == "articles"
    assert fr.plots.style.short_count_noun(["Axios (15 articles)"], ["Axios (15 articles)"]) is None


def test_outlets_without_an_interval_are_not_ranked_among_the_others(roundup_same_events):
    """Regression: a mean of two events (no interval) topped the allsides-100 charts of outlets
    against the others. Outlets with an interval are ranked by their difference; below them, under
    a dotted line, those without one, by the number of events."""
    effects = roundup_same_events.dropna(subset=["difference"])
    ax = fr.plot_within_event_differences(effects)
    rows = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    table = effects.assign(row=[rows.get(f"{fr.plots.label(o)} ({fr.plots.counted(n, 'events')})")
                                for o, n in zip(effects["outlet"], effects["n_events"])]).dropna(subset=["row"])
    assert len(table) == len(rows) == 40  # the 40 outlets compared on most events
    ranked, unranked = table[table["ci_low"].notna()], table[table["ci_low"].isna()]
    assert len(ranked) >= 5 and len(unranked) >= 5
    assert ranked["row"].min() > unranked["row"].max()  # every ranked row above every unranked one
    assert ranked.sort_values("row")["difference"].is_monotonic_increasing
    assert unranked.sort_values("row")["n_events"].is_monotonic_increasing
    assert any(line.get_linestyle() == ":" for line in ax.get_lines())
    assert "below the dotted line, not ranked" in " ".join(t.get_text() for t in ax.texts)
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


def test_distinctive_words_say_on_the_chart_how_many_terms_pass_the_calibrated_line(roundup_sentences):
    """Regression: on allsides-100 no term passed the calibrated threshold (largest |z| 2.52 against
    2.85), yet the chart "Words that set each outlet apart" drew forty bars with nothing on it to
    say so. The note above the plot now counts the terms shown beyond the dashed line."""
    import matplotlib.pyplot as plt

    tokens = fr.unnest_tokens(roundup_sentences).pipe(fr.mark_set_aside).query("set_aside == ''")
    odds = fr.log_odds(tokens, group="outlet")
    threshold = fr.log_odds_threshold(tokens, group="outlet", n_permutations=50)["threshold"]
    ax = fr.plot_log_odds(odds, group="outlet", n=10, threshold=threshold)
    drawn = [p.get_width() for p in ax.patches]
    passing = sum(abs(z) > threshold for z in drawn)
    notes = " ".join(t.get_text() for t in ax.texts)
    assert (f"{passing} of {len(drawn)} terms shown pass the dashed line" in notes if passing
            else "no term passes the dashed line" in notes), (notes, max(drawn), threshold)
    plt.close(ax.figure)
    ax = fr.plot_log_odds(odds, group="outlet", n=10, threshold=min(drawn) - 0.01)
    assert f"{len(drawn)} of {len(drawn)} terms shown pass" in " ".join(t.get_text() for t in ax.texts)
    plt.close(ax.figure)
    ax = fr.plot_log_odds(odds, group="outlet", n=10)
    assert not ax.texts  # no line, nothing to count
    plt.close(ax.figure)


def test_actor_dots_grow_with_their_mentions_and_say_so(roundup_sentences):
    """Regression: each dot of the allsides-100 actor chart was one size, whether it was the mean of
    one mention or of fifteen, with no interval: a reviewer could not tell which dots rest on
    anything. The area now grows with the mentions, and a note says how many dots rest on 1-3."""
    import matplotlib.pyplot as plt

    mentions = fr.add_actor_sentiment(roundup_sentences, None, top=6)
    ax = fr.plot_actor_sentiment(mentions, unit="mention")
    outlets = [t.get_text() for t in ax.get_legend().get_texts()]
    counts = mentions.groupby(["outlet", "actor"]).size()
    actors = [t.get_text() for t in ax.get_yticklabels()]
    for outlet, dots in zip(outlets, ax.collections):
        drawn = [(actors[int(y)], area) for (_, y), area in zip(dots.get_offsets(), dots.get_sizes())
                 if not np.ma.is_masked(y)]
        for actor, area in drawn:
            if (outlet, actor) in counts:
                n = min(counts[(outlet, actor)], fr.plots.MENTIONS_FULL)
                assert area == pytest.approx(fr.plots.MENTION_AREA * n), (outlet, actor)
    assert counts.min() == 1 and counts.max() > 3  # dots of one mention and of several
    assert "Dot area: the mentions behind the mean" in " ".join(t.get_text() for t in ax.texts)
    assert len({tuple(h.get_sizes()) for h in ax.get_legend().legend_handles}) == 1  # the legend names colours
    plt.close(ax.figure)


def test_actor_sentiment_averages_articles_by_default(roundup_sentences):
    """Regression: `plot_actor_sentiment` called with its defaults averaged an outlet's mentions, so
    an article naming a person ten times outweighed the outlet's other articles (notebook 03 asked
    for articles; a user calling the function did not). By default each article's mentions are now
    averaged first, then the outlet's articles, and the note counts articles."""
    import matplotlib.pyplot as plt

    mentions = fr.add_actor_sentiment(roundup_sentences, None, top=6)
    by_article = (mentions.groupby(["actor", "outlet", "article_id"])["actor_sentiment"].mean()
                  .groupby(["actor", "outlet"]).mean())
    by_mention = mentions.groupby(["actor", "outlet"])["actor_sentiment"].mean()
    assert (by_article - by_mention).abs().max() > 0.01  # the two differ on this data
    ax = fr.plot_actor_sentiment(mentions)
    outlets = [t.get_text() for t in ax.get_legend().get_texts()]
    actors = [t.get_text() for t in ax.get_yticklabels()]
    drawn = {(outlet, actors[int(y)]): x for outlet, dots in zip(outlets, ax.collections)
             for x, y in dots.get_offsets() if not np.ma.is_masked(y)}
    assert drawn and all(x == pytest.approx(by_article[(actor, outlet)]) for (outlet, actor), x in drawn.items())
    assert "Dot area: the articles behind the mean" in " ".join(t.get_text() for t in ax.texts)
    assert "over articles" in ax.get_xlabel()
    plt.close(ax.figure)


def test_a_chart_redrawn_outside_the_house_style_keeps_its_legend_frameless(roundup_sentences):
    """Regression: `framing figure summary_quotes` redrew the one-column legend in a box that the
    report's file did not have (the legend below the plot took matplotlib's default, not the house
    style's)."""
    import matplotlib.pyplot as plt

    ax = fr.plot_quote_share(fr.summarise_speakers(fr.extract_quotes(roundup_sentences)))
    assert not ax.get_legend().get_frame_on()
    fig = ax.figure
    with fr.plots.images._sized(fig, fr.plots.FIGURE_WIDTH, 4.0, with_caption=False):
        assert fig.legends and not any(legend.get_frame_on() for legend in fig.legends)
    plt.close(fig)


def test_reporting_verbs_read_in_name_order_from_the_top(roundup_sentences):
    """Regression: the allsides-100 verb chart listed its 40 outlets from Yahoo News at the top down
    to ABC News: name order read from the bottom."""
    import matplotlib.pyplot as plt

    ax = fr.plot_verbs(fr.count_verbs(fr.extract_quotes(roundup_sentences)))
    ticks = sorted(ax.get_yticklabels(), key=lambda t: t.get_position()[1])  # by data row
    top_down = [t.get_text() for t in ticks] if ax.yaxis_inverted() else [t.get_text() for t in ticks[::-1]]
    assert len(top_down) > 10 and top_down == sorted(top_down, key=str)
    plt.close(ax.figure)


def test_quote_share_bars_sit_around_their_speaker(roundup_sentences):
    """Regression: every speaker's row kept a slot for each of the six outlets, so a speaker quoted
    by one outlet had its bar far from its label, nearer the next speaker's; each bar now sits
    closer to its own speaker's label than to any other, and no bar is drawn for an outlet that
    does not quote the speaker."""
    import matplotlib.pyplot as plt

    speakers = fr.summarise_speakers(fr.extract_quotes(roundup_sentences))
    ax = fr.plot_quote_share(speakers)
    ticks = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    bars = [(p.get_y() + p.get_height() / 2, p.get_width()) for p in ax.patches]
    assert len(ticks) >= 3 and all(width > 0 for _, width in bars)
    rows = sorted(ticks.values())
    for centre, _ in bars:
        nearest = min(rows, key=lambda row: abs(row - centre))
        assert abs(centre - nearest) < 0.45
    per_row = {row: sum(abs(c - row) < 0.45 for c, _ in bars) for row in rows}
    assert min(per_row.values()) >= 1 and max(per_row.values()) > 1
    plt.close(ax.figure)


def test_quote_share_draws_no_row_for_a_speaker_no_outlet_shown_quotes():
    """Regression: the allsides-100 chart had a row "YouTube" with no bar: one of the eight most
    quoted speakers over all 49 outlets, quoted by none of the six outlets the chart shows. The row
    is left out and the caption names it."""
    import matplotlib.pyplot as plt

    rows = [(outlet, speaker, words) for outlet in "ABC" for speaker, words in (("Ann Lee", 50), ("Bo Diaz", 30))]
    rows += [("D", "Cy Park", 60), ("D", "Ann Lee", 10)]  # D: fewest quoted words of the four, not shown
    speakers = pd.DataFrame(rows, columns=["outlet", "speaker", "n_words"])
    speakers["word_share"] = speakers["n_words"] / speakers.groupby("outlet")["n_words"].transform("sum")
    ax = fr.plot_quote_share(speakers, n=3, max_groups=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bo Diaz", "Ann Lee"]
    assert len(ax.patches) == 6 and all(p.get_width() > 0 for p in ax.patches)
    caption = fr.add_caption(ax, "Who is quoted.").get_text()
    assert "1 of the 3 most quoted speakers not drawn" in " ".join(caption.split())
    assert "Cy Park" in caption
    plt.close(ax.figure)


def test_quote_share_draws_the_interval_over_articles_where_the_table_has_one():
    """Regression: the speaker chart of notebook 05 drew each outlet's mean share as a bare bar and
    its caption sent the reader to the table for the intervals (on lean-100, Joe Biden's share of
    an article's quoted words in the center's articles: 9.3%, interval 3.9% to 20.4%); the
    interval over articles is now drawn across the bar, and none where the table has none (fewer
    than five articles)."""
    import matplotlib.pyplot as plt
    from matplotlib.container import ErrorbarContainer

    speakers = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "speaker": ["Ann Lee", "Bo Diaz"] * 2,
                             "n_words": [90, 40, 20, 10], "word_share": [0.3, 0.1, 0.2, 0.05],
                             "n_articles": [12, 12, 3, 3], "ci_low": [0.2, 0.04, np.nan, np.nan],
                             "ci_high": [0.45, 0.2, np.nan, np.nan]})
    ax = fr.plot_quote_share(speakers)
    lines = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    spans = sorted(tuple(np.round(segment[:, 0], 6)) for c in lines for segment in c.lines[2][0].get_segments())
    assert spans == [(4.0, 20.0), (20.0, 45.0)]  # A's two intervals, in %; none for B's three articles
    plt.close(ax.figure)
    values = pd.DataFrame({"article_id": [f"a{i}" for i in range(6)] * 2, "outlet": ["A"] * 12,
                           "event": [f"e{i}" for i in range(6)] * 2, "speaker": ["Ann Lee"] * 6 + ["Bo Diaz"] * 6,
                           "word_share": [0.5, 0.2, 0.0, 0.4, 0.1, 0.3] * 2, "n_words": [10] * 12})
    shares = fr.summarise_speaker_shares(values)
    caption = fr.caption_speaker_shares(values, shares, None, corpus="c", n_articles=6, n_quotes=12)
    assert "lines: nominal 95% Korn-Graubard (Wilson) interval over articles (none below 5 articles" in caption
    assert "in the table" not in caption and "dots" not in caption


def _shown_have_most(ax, sizes) -> None:
    """The outlets in `ax`'s legend have at least as much of `sizes` (outlet → count) as any left out."""
    drawn = [fr.plots.style._ANY_COUNT.sub("", t.get_text()) for t in ax.get_legend().get_texts()]
    left = sizes.drop(drawn)
    assert len(drawn) and len(left) and sizes[drawn].min() >= left.max()


def test_captions_say_what_the_outlets_shown_were_chosen_by(roundup_sentences):
    """Regression: the actor, keyword, quote and prominence charts said "(the largest)" of the outlets
    they show, while each chose them by a different count (mentions of actors, words, quoted words,
    first appearances of the items shown); the caption now names it, as the frame chart's does."""
    import matplotlib.pyplot as plt

    sentences = roundup_sentences.assign(position=roundup_sentences.groupby("article_id").cumcount() / (
        roundup_sentences.groupby("article_id")["sentence_id"].transform("size") - 1).clip(lower=1))
    actors = fr.add_actor_sentiment(sentences, {"Trump": ["Trump"], "Biden": ["Biden"]})
    ax = fr.plot_actor_sentiment(actors)
    assert "(the 8 with the most actor mentions" in ax._framing_shown
    _shown_have_most(ax, actors.groupby("outlet").size())
    first = fr.prominence(sentences, hits=fr.add_frames(sentences))
    ax = fr.plot_prominence(first)
    assert "(the 8 with the most first appearances of the frames shown" in ax._framing_shown
    frames = first[(first["item_type"] == "frame") & first["item"].isin([t.get_text().replace(" ", "_")
                                                                          for t in ax.get_yticklabels()])]
    _shown_have_most(ax, frames.groupby("outlet").size())
    tokens = fr.unnest_tokens(sentences)
    odds = fr.log_odds(tokens)
    ax = fr.plot_log_odds(odds)
    assert "(the 4 with the most words" in ax._framing_shown
    drawn = {t.get_text() for t in ax.get_legend().get_texts()}  # the terms' outlets, named whole in the legend
    words = odds.groupby("outlet")["count"].sum()
    assert len(drawn) == 4 and words[list(drawn)].min() >= words.drop(list(drawn)).max()
    speakers = fr.summarise_speakers(fr.extract_quotes(sentences))
    ax = fr.plot_quote_share(speakers)
    quoted = speakers.groupby("outlet")["n_words"].sum().sort_values(ascending=False)
    drawn = {fr.plots.style._ANY_COUNT.sub("", t.get_text()) for t in ax.get_legend().get_texts()}
    assert drawn <= set(quoted.index[:6]) and quoted.iloc[5] > quoted.iloc[6]
    if len(drawn) < 6:  # a chosen outlet that quotes none of the speakers shown has no bar
        assert "(those quoting the speakers shown, of the 6 with the most quoted words" in ax._framing_shown
    else:
        assert "(the 6 with the most quoted words" in ax._framing_shown
    plt.close("all")


def test_verb_and_quote_share_charts_say_what_chose_the_outlets_shown(roundup_sentences):
    """Regression: the reporting-verb and quote-share charts said "(the largest)" of the outlets
    they show, chosen by attributed quotes and by articles with a quote."""
    import matplotlib.pyplot as plt

    quotes = fr.extract_quotes(roundup_sentences)
    verbs = fr.count_verbs(quotes)
    ax = fr.plot_verbs(verbs, max_rows=10)
    assert "(the 10 with the most attributed quotes" in ax._framing_shown
    attributed = verbs.groupby("outlet")["n"].sum()
    drawn = [fr.plots.style._ANY_COUNT.sub("", t.get_text()) for t in ax.get_yticklabels()]
    assert len(drawn) == 10 and attributed[drawn].min() >= attributed.drop(drawn).max()
    values = fr.article_quote_shares(quotes, roundup_sentences)
    shares = fr.summarise_quote_shares(values)
    ax = fr.plot_quote_shares(shares, max_rows=5)
    assert "(the 5 with the most articles with a quote" in ax._framing_shown
    quoting = values[values["n_quotes"] > 0].groupby("outlet").size()
    drawn = {fr.plots.style._ANY_COUNT.sub("", t.get_text()) for t in ax.get_yticklabels()}
    assert len(drawn) == 5 and quoting[list(drawn)].min() >= quoting.drop(list(drawn)).max()
    plt.close("all")


def test_the_actor_charts_note_says_plainly_when_every_dot_is_one_article(seed_sentences):
    """Regression: on the seeds (one article per outlet) the note read "(1 to 1; 100% of dots from
    one article)"."""
    import matplotlib.pyplot as plt

    mentions = fr.add_actor_sentiment(seed_sentences, None, top=6)
    assert mentions.groupby("outlet")["article_id"].nunique().max() == 1
    ax = fr.plot_actor_sentiment(mentions)
    notes = " ".join(t.get_text() for t in ax.texts)
    assert "(every dot from one article)" in notes and "1 to 1" not in notes and "100%" not in notes
    plt.close(ax.figure)


def test_numbers_on_an_x_axis_stand_apart_at_a_column_width():
    """Regression: the actor chart of one AllSides event (allsides_5633, the debt-ceiling vote: six
    means between −0.156 and +0.032) was saved at a one-column width with ticks every 0.025, their
    labels run together ("−0.150−0.125−0.100…": in a notebook, after `use_style`, matplotlib spaces
    ticks for labels three characters of the house style's 8.5 points wide). Saved, the axis gets
    fewer ticks instead; the chart as drawn in the notebook keeps matplotlib's."""
    import matplotlib.pyplot as plt

    from framing.plots.images import _tick_labels, _ticks_overlap
    from framing.plots.style import _style

    means = {("Lindsey Graham", "Axios"): -0.156, ("Joe Biden", "CNN"): -0.032, ("Chuck Schumer", "CNN"): 0.032,
             ("Chuck Schumer", "National Review"): 0.025, ("McConnell", "National Review"): -0.015,
             ("Steny Hoyer", "CNN"): 0.014}
    mentions = pd.DataFrame([{"actor": actor, "outlet": outlet, "article_id": outlet, "actor_sentiment": value}
                             for (actor, outlet), value in means.items()])
    with plt.style.context(_style()):  # as in a notebook, where `fr.use_style()` sets it for good
        ax = fr.plot_actor_sentiment(mentions)
        drawn = [t.get_text() for t in _tick_labels(ax)]
        with fr.plots.images._sized(ax.figure, fr.plots.FIGURE_WIDTH, 3.7, with_caption=False, dpi=200):
            assert not _ticks_overlap(ax)
            assert len(_tick_labels(ax)) >= 3  # still numbers to read the dots by
        assert [t.get_text() for t in _tick_labels(ax)] == drawn  # put back as drawn
    plt.close(ax.figure)


def test_a_ranked_chart_says_on_itself_when_its_order_may_be_chance(roundup_sentences):
    """Regression: on the first 100 AllSides events with one left, one center and one right article
    each, the saved sentiment chart ranked Center, Right, Left (means -0.051, -0.052, -0.069) while
    the permutation test within events gave p = 0.41: only the caption, which a saved image does not
    carry, said the order may be chance. A chart given its test now says so on itself, and says
    nothing of the kind when the test finds a difference (one outlet's articles shifted by +0.5)."""
    import matplotlib.pyplot as plt

    per_article = fr.article_sentiment(fr.add_sentiment(roundup_sentences))

    def notes(values):
        test = fr.compare_outlets(values, value="sentiment", n_permutations=499)
        drawn = [fr.plot_sentiment_by_outlet(fr.summarise_articles(values, value="sentiment", method="t"), test=test),
                 fr.plot_within_event_differences(fr.within_event_effects(values, value="sentiment"), test=test)]
        said = [" ".join(t.get_text() for t in ax.texts if t.get_gid() == fr.plots.NOTE_GID) for ax in drawn]
        for ax in drawn:
            plt.close(ax.figure)
        return test["p_value"].iloc[0], said

    p, said = notes(per_article)
    assert p >= 0.05
    assert all(f"Order may be chance: no evidence that the outlets differ (permutation test, p = {p:.2g})" in s
               for s in said), said
    assert all("too few" in s for s in said)  # the note on outlets without an interval stays, in the same place
    biggest = per_article["outlet"].value_counts().index[0]
    shifted = per_article.assign(sentiment=per_article["sentiment"] + 0.5 * (per_article["outlet"] == biggest))
    p, said = notes(shifted)
    assert p < 0.05
    assert not any("order may be chance" in s.lower() for s in said), said
    assert fr.stats.order_note(None) == "" and fr.stats.order_note({"p_value": float("nan")}) == ""


def _leans(seed) -> pd.DataFrame:
    """The seed corpus labelled by lean as a researcher groups outlets: one article "Right", the
    other "Left", and a copy of it "Center" (its own article), so name order (Center, Left, Right)
    and the spectrum differ."""
    first, second = sorted(seed["article_id"].unique())
    copy = seed[seed["article_id"] == second].assign(article_id=second + "-copy", outlet="Center")
    relabelled = seed.assign(outlet=seed["article_id"].map({first: "Right", second: "Left"}))
    return pd.concat([relabelled, copy], ignore_index=True)


def test_a_corpus_labelled_by_lean_is_charted_left_to_right_in_diverging_colours(seed):
    leans = _leans(seed)
    colours = fr.outlet_colours(leans)
    ax = fr.plot_frame_prevalence(fr.summarise_frames(fr.add_frames(leans), leans), colors=colours)
    drawn = _legend_colours(ax)
    assert list(drawn) == ["Left", "Center", "Right"]  # not Center, Left, Right
    assert drawn == {outlet: colour.lower() for outlet, colour in fr.lean_colours(["Left", "Center", "Right"]).items()}
    red, _, blue = matplotlib.colors.to_rgb(drawn["Left"])
    assert blue > red  # a US reader takes blue for the left
    red, _, blue = matplotlib.colors.to_rgb(drawn["Right"])
    assert red > blue
    verbs = fr.plot_verbs(fr.count_verbs(fr.extract_quotes(leans)))  # a chart of rows, the first on top
    rows = [t.get_text().split(" (")[0] for t in verbs.get_yticklabels()]
    assert verbs.yaxis_inverted() and rows == ["Left", "Center", "Right"]
    values = fr.article_quote_shares(fr.extract_quotes(leans), leans)
    shares = fr.plot_quote_shares(fr.summarise_quote_shares(values))
    rows = [t.get_text().split(" (")[0] for t in shares.get_yticklabels()]
    assert rows[:3] == ["Left", "Center", "Right"]  # the first block; by most articles it was Center, Left, Right


def test_real_outlet_names_keep_name_order_and_the_palette(seed):
    colours = fr.outlet_colours(seed)
    assert set(colours.values()) <= set(fr.plots.PALETTE)
    drawn = _legend_colours(fr.plot_frame_prevalence(fr.summarise_frames(fr.add_frames(seed), seed), colors=colours))
    assert list(drawn) == sorted(seed["outlet"].unique())
    assert drawn == {outlet: colours[outlet].lower() for outlet in drawn}


def test_a_share_against_other_outlets_is_drawn_in_percentage_points():
    """Regression (a reviewer's read of notebook 02 on AllSides events 301-400): the frame chart drew
    shares in %, the same-events chart beside it the same shares' gaps as fractions (−0.10 … 0.05)."""
    import matplotlib.pyplot as plt

    effects = pd.DataFrame({"outlet": ["Left", "Center", "Right"], "difference": [-0.08, 0.02, 0.05],
                            "ci_low": [-0.12, -0.01, 0.01], "ci_high": [-0.04, 0.05, 0.09], "n_events": [30] * 3})
    plain = fr.plot_within_event_differences(effects, score="share of sentences with conflict cues")
    shares = fr.plot_within_event_differences(effects, score="share of sentences with conflict cues", percent=True)
    dots = [sorted(np.concatenate([line.get_xdata() for line in ax.lines if line.get_marker() == "o"]))
            for ax in (plain, shares)]
    assert np.allclose(dots[1], 100 * np.asarray(dots[0])) and max(dots[1]) == pytest.approx(5)
    assert shares.get_xlabel().endswith("conflict cues, percentage points)")
    assert "percentage points" not in plain.get_xlabel()
    plt.close("all")


def test_keyness_chart_of_one_outlet_shows_the_words_it_never_uses(shared_data):
    """Regression: notebook 04 drew `plot_keyness(keyness(tokens), target=...)` from the table of
    every outlet against the rest, which lists only the terms each outlet uses; on AllSides events
    370-469 by lean the chart of Center read "morning" and "statement" as its least-used words, while
    "agencies" (0 Center, 9 others; G² 7.3, above both) and every other word Center never wrote were
    missing from its left side. Ties at the cut (16 terms at G² 6.58, 11 drawn) came in scrambled
    order. Real AllSides text: the first 40 events, outlets as their AllSides side."""
    import json

    from framing.segment import split_table

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    events = sorted({r["event_id"] for r in rows})[:40]
    table = pd.DataFrame([{"article_id": f"a{i}", "outlet": r["allsides_side"], "event": r["event_id"], "text": r["text"]}
                          for i, r in enumerate(rows) if r["event_id"] in events])
    tokens = fr.unnest_tokens(split_table(table, by="article_id").assign(kind="body"))
    keys = fr.keyness(tokens, group="outlet", target="center")
    never = keys[(keys["count"] == 0) & (keys["use"] == "under")]
    assert len(never) and never["g2"].max() > keys.loc[keys["count"] > 0].query("use == 'under'")["g2"].max()
    ax = fr.plot_keyness(keys, target="center", n=15)
    drawn = [label.get_text() for label in ax.get_yticklabels()][::-1]  # top to bottom
    expected = keys[keys["use"] != "same"].sort_values(["g2", "term"], ascending=[False, True]).head(15)
    assert set(drawn) == set(expected["term"]) and set(never.head(1)["term"]) <= set(drawn)
    signed = expected.set_index("term")["g2"].where(expected.set_index("term")["use"] == "over",
                                                   -expected.set_index("term")["g2"])
    assert [signed[t] for t in drawn] == sorted(signed, reverse=True)  # largest at the top
    for value in set(signed):  # ties read alphabetically from the top
        tied = [t for t in drawn if signed[t] == value]
        assert tied == sorted(tied), tied
    # the caption says what chose the 15 and how many tied with the last were left out by name
    ranked = keys[keys["use"] != "same"]["g2"].sort_values(ascending=False)
    left_tied = int((ranked.iloc[15:] == ranked.iloc[14]).sum())
    text = fr.add_caption(ax, "Keyness.").get_text().replace("\n", " ")
    assert f"15 of {len(ranked):,} terms shown (the 15 of highest G²" in text
    assert (f"{left_tied} more tie with the last at {ranked.iloc[14]:.2f}" in text) == (left_tied > 0)
