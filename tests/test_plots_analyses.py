"""The analysis charts draw what their tables hold, with titles, labelled axes and one mark per row."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

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


def _legend_colours(ax) -> dict:
    from matplotlib.colors import to_hex

    legend = ax.get_legend()
    colours = {}
    for text, handle in zip(legend.get_texts(), legend.legend_handles):
        colour = handle.get_color() if hasattr(handle, "get_color") else handle.get_facecolor()
        colours[text.get_text()] = to_hex(colour[0] if getattr(colour, "ndim", 1) == 2 else colour)
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


def test_keyword_charts(seed):
    tokens = fr.unnest_tokens(seed)
    ax = fr.plot_log_odds(fr.log_odds(tokens), n=5)
    _labelled(ax)
    assert len(ax.patches) == 5 * seed["outlet"].nunique()
    ax = fr.plot_keyness(fr.keyness(tokens), n=7)
    _labelled(ax)
    assert 0 < len(ax.patches) <= 7


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
    first = fr.prominence(seed, hits=fr.add_frames(seed))
    ax = fr.plot_prominence(first)
    _labelled(ax)
