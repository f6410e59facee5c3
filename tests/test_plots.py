"""House style, captions, and the files save_figure / save_table write."""
import json

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from framing import plots  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _processed(tmp_path):
    """A processed folder holding only a sentences table (what input_hash reads)."""
    folder = tmp_path / "processed" / "toy"
    folder.mkdir(parents=True)
    pd.DataFrame({"article_id": ["a"], "text": ["NATO met."]}).to_parquet(folder / "sentences.parquet")
    return folder


def test_corpus_caption_names_corpus_and_counts():
    assert plots.corpus_caption("data/processed/ukraine", articles=2, sentences=1) == \
        "Corpus: ukraine · n = 2 articles, 1 sentence."


def test_add_caption_replaces_the_previous_caption():
    fig, ax = plt.subplots()
    plots.add_caption(ax, "first")
    plots.add_caption(fig, "second caption, a bit longer")
    assert plots.caption_of(fig) == "second caption, a bit longer"
    assert sum(t.get_gid() == plots.CAPTION_GID for t in fig.texts) == 1


def test_save_figure_writes_three_formats_and_a_record(tmp_path):
    corpus = _processed(tmp_path)
    counts = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [3, 1]})
    ax = plots.plot_articles_per_outlet(counts)
    paths = plots.save_figure(ax.figure, "Articles per outlet", out=tmp_path / "report", corpus=corpus,
                              params={"outlets": None}, caption="Articles. Corpus: toy.")
    assert {p.name for p in paths.values()} == {f"articles_per_outlet.{x}" for x in ("png", "svg", "pdf", "json")}
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert paths["pdf"].read_bytes()[:5] == b"%PDF-"
    assert b"Articles. Corpus: toy." in paths["svg"].read_bytes()  # text stays text in SVG
    record = json.loads(paths["json"].read_text())
    import hashlib
    assert record["input_sha256"] == hashlib.sha256((corpus / "sentences.parquet").read_bytes()).hexdigest()
    assert record["corpus"] == "toy" and record["caption"] == "Articles. Corpus: toy."
    assert record["parameters"] == {"outlets": None}
    assert record["matplotlib_version"] == matplotlib.__version__
    assert not list((tmp_path / "report" / "figures").glob("*.tmp"))


def test_png_is_200_dpi(tmp_path):
    fig, ax = plt.subplots(figsize=(2, 1))
    paths = plots.save_figure(fig, "tiny", out=tmp_path)
    from PIL import Image
    with Image.open(paths["png"]) as image:
        assert [round(d) for d in image.info["dpi"]] == [200, 200]
        assert image.width > 2 * 200 * 0.9  # a 2-inch figure, cropped tight


def test_svg_and_pdf_are_identical_on_rerun(tmp_path):
    counts = pd.DataFrame({"rule": ["menu", "share"], "n_lines": [5, 2]})
    first = plots.save_figure(plots.plot_removed_by_rule(counts).figure, "rules", out=tmp_path / "a")
    second = plots.save_figure(plots.plot_removed_by_rule(counts).figure, "rules", out=tmp_path / "b")
    for fmt in ("svg", "pdf"):
        assert first[fmt].read_bytes() == second[fmt].read_bytes()


def test_save_table_writes_csv(tmp_path):
    table = pd.DataFrame({"rule": ["menu"], "n_lines": [4]})
    path = plots.save_table(table, "removed by rule", out=tmp_path)
    assert path == tmp_path / "tables" / "removed_by_rule.csv"
    pd.testing.assert_frame_equal(pd.read_csv(path), table)


def test_plots_draw_on_the_given_axes_in_house_style():
    fig, (left, right) = plt.subplots(1, 2)
    articles = pd.DataFrame({"outlet": ["A", "B"], "n_sentences": [10, 20], "n_words": [200, 390]})
    assert plots.plot_article_lengths(articles, ax=right) is right
    assert right.get_xlabel() and right.get_ylabel() and right.get_title(loc="left")
    summary = pd.DataFrame({"label": ["A: x", "B: y"], "lines_kept": [10, 5], "lines_removed": [90, 2]})
    ax = plots.plot_cleaning_by_article(summary)
    assert ax.figure is not fig
    assert ax.title.get_fontweight() == "bold"  # house style applied to a new figure
    widths = sorted(round(p.get_width()) for p in ax.patches)
    assert widths == [2, 5, 10, 90]


def test_save_figure_needs_a_place(tmp_path):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="out="):
        plots.save_figure(fig, "x")
