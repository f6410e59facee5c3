"""Charts that scale: no more labels than a chart can show, articles named by outlet and headline
(regression tests for the 100-event report: 300 overlapping labels, rows labelled by hash)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from framing import plots  # noqa: E402


def _labels(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def test_articles_per_outlet_draws_the_top_outlets_and_says_how_many_more():
    counts = pd.DataFrame({"outlet": [f"Outlet {i:02d}" for i in range(60)], "n_articles": range(60, 0, -1)})
    ax = plots.plot_articles_per_outlet(counts, max_rows=40)
    assert len(_labels(ax)) == 40 and "Outlet 00" in _labels(ax) and "Outlet 59" not in _labels(ax)
    plots.add_caption(ax, "Articles per outlet.")
    assert "40 of 60 outlets shown" in plots.caption_of(ax.figure)
    plt.close(ax.figure)


def test_cleaning_by_article_keeps_the_articles_with_most_lines_removed():
    summary = pd.DataFrame({"label": [f"Outlet: story {i}" for i in range(300)],
                            "lines_kept": [10] * 300, "lines_removed": list(range(300))})
    ax = plots.plot_cleaning_by_article(summary, max_rows=40)
    assert len(_labels(ax)) == 40 and "Outlet: story 299" in _labels(ax) and "Outlet: story 0" not in _labels(ax)
    plots.add_caption(ax, "Lines kept and removed.")
    assert "40 of 300 articles shown" in plots.caption_of(ax.figure)
    plt.close(ax.figure)


def test_alignment_map_names_articles_by_outlet_and_headline():
    table = pd.DataFrame({"article_id": ["9f86d081884c7d65", "9f86d081884c7d65", "2c26b46b68ffc68f"],
                          "outlet": ["CNN", "CNN", "Fox"], "position": [0.0, 1.0, 0.5],
                          "n_counterparts": [1, 0, 1], "kind": ["headline", "body", "body"],
                          "sentence_id": [0, 1, 0], "text": ["Court sides with police", "Body.", "Body."]})
    ax = plots.plot_alignment_map(table)
    assert _labels(ax) == ["CNN: Court sides with police", "Fox: article 1"]
    plt.close(ax.figure)
    ax = plots.plot_alignment_map(table.assign(title=["A title", "A title", "Another"]))
    assert _labels(ax) == ["CNN: A title", "Fox: Another"]
    plt.close(ax.figure)
