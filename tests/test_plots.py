"""House style, labels, colours, captions, the files save_figure / save_table write, and re-exports."""
import json
import re
import time
from pathlib import Path

import matplotlib
import numpy as np
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


def test_a_comparison_on_the_same_events_counts_only_the_events_two_outlets_cover(shared_data):
    """Regression: with one outlet's twenty AllSides articles and another's one, the charts of
    outlets against each other on the same events said "n = 20 events, 21 articles" though they
    rest on the one event both cover. The caption counts that event and its two articles, and names
    the 19 events left out."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    fox = [r for r in rows if r["outlet"] == "Fox News (Online News)"]
    both = next(r for r in rows if r["outlet"] == "Reuters" and r["event_id"] in {f["event_id"] for f in fox})
    chosen = [r for r in fox if r["event_id"] == both["event_id"]]
    chosen += [r for r in fox if r["event_id"] != both["event_id"]][:20 - len(chosen)] + [both]
    table = pd.DataFrame({"article_id": [r["article_id"] for r in chosen], "outlet": [r["outlet"] for r in chosen],
                          "event": [r["event_id"] for r in chosen]})
    assert table["event"].nunique() == 20 and len(table) == 21
    assert plots.comparison_caption("lopsided", table) == (
        "Corpus: lopsided · n = 1 event, 2 articles; 19 articles of 19 events covered by one outlet left out.")
    shared = table[table["event"] == both["event_id"]]  # every event shared: the caption is corpus_caption's
    assert plots.comparison_caption("one", shared) == plots.corpus_caption("one", events=1, articles=2)


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
    assert {p.name for p in paths.values()} == \
        {f"articles_per_outlet.{x}" for x in ("png", "svg", "pdf", "json", "data.parquet")}
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert paths["pdf"].read_bytes()[:5] == b"%PDF-"
    assert b"Articles per outlet" in paths["svg"].read_bytes()  # text stays text in SVG
    assert b"Corpus: toy" not in paths["svg"].read_bytes()  # the caption is not burned in by default
    record = json.loads(paths["json"].read_text())
    import hashlib
    assert record["input_sha256"] == hashlib.sha256((corpus / "sentences.parquet").read_bytes()).hexdigest()
    assert record["corpus"] == "toy" and record["caption"] == "Articles. Corpus: toy."
    assert record["parameters"] == {"outlets": None}
    assert record["matplotlib_version"] == matplotlib.__version__
    assert record["plot"]["function"] == "plot_articles_per_outlet"
    pd.testing.assert_frame_equal(pd.read_parquet(paths["data"]), counts)  # the plotted table, no pickle
    assert not list((tmp_path / "report" / "figures").glob("*.tmp"))
    assert ax.figure.get_size_inches().tolist() == [6.4, ax.figure.get_figheight()]  # figure left as it was


def test_caption_true_draws_the_caption_in_the_files(tmp_path):
    ax = plots.plot_articles_per_outlet(pd.DataFrame({"outlet": ["A"], "n_articles": [3]}))
    paths = plots.save_figure(ax.figure, "x", out=tmp_path, caption="Articles. Corpus: toy.")
    assert b"Corpus: toy" not in paths["svg"].read_bytes()
    paths = plots.save_figure(ax.figure, "x", out=tmp_path, caption=True, formats=["svg"])
    assert b"Articles. Corpus: toy." in paths["svg"].read_bytes()
    assert json.loads(paths["json"].read_text())["caption"] == "Articles. Corpus: toy."


def _pdf_box_and_fonts(path):
    """The page width and height (points) of a one-page PDF, and its fonts as (name, embedded)."""
    import re

    data = path.read_bytes()
    box = [float(v) for v in re.search(rb"/MediaBox \[\s*([^\]]*)\]", data).group(1).split()]
    fonts = []
    for match in re.finditer(rb"/FontName /(\S+)(.{0,400}?)>>", data, re.S):
        fonts.append((match.group(1).decode(), b"/FontFile2" in match.group(2) or b"/FontFile3" in match.group(2)))
    assert b"/Subtype /Type3" not in data  # every font is TrueType (pdf.fonttype 42), none drawn as Type 3
    return box[2] - box[0], box[3] - box[1], fonts


def test_save_figure_width_gives_a_pdf_that_wide_with_its_fonts_embedded(tmp_path):
    counts = pd.DataFrame({"outlet": [f"Outlet number {i}" for i in range(12)], "n_articles": range(12)})
    ax = plots.plot_articles_per_outlet(counts)
    paths = plots.save_figure(ax.figure, "narrow", out=tmp_path, width=3.3, height=2.5)
    width, height, fonts = _pdf_box_and_fonts(paths["pdf"])
    assert (width, height) == (pytest.approx(3.3 * 72), pytest.approx(2.5 * 72))
    assert fonts and all(embedded for _, embedded in fonts), fonts
    import shutil
    import subprocess
    if shutil.which("pdffonts"):  # poppler's view agrees: every font embedded
        listing = subprocess.run(["pdffonts", str(paths["pdf"])], capture_output=True, text=True,
                                 timeout=60).stdout
        assert all(line.split()[-5] == "yes" for line in listing.splitlines()[2:])
    from PIL import Image
    with Image.open(paths["png"]) as image:
        assert image.size == (round(3.3 * 200), round(2.5 * 200))
    default = plots.save_figure(ax.figure, "default", out=tmp_path, formats=["pdf"])
    assert _pdf_box_and_fonts(default["pdf"])[0] <= 345  # fits LaTeX's one-column text width


def test_narrow_figures_put_the_legend_below_and_give_it_back(tmp_path):
    summary = pd.DataFrame({"frame": ["conflict", "morality"] * 3, "outlet": ["A", "A", "B", "B", "C", "C"],
                            "share": [0.1, 0.2, 0.3, 0.1, 0.2, 0.2], "n_total": [10] * 6})
    ax = plots.plot_frame_prevalence(summary)
    ax.set_title("Frames by outlet in the first week after the announcement", loc="left")
    fig = ax.figure
    seen = {}
    original = fig.savefig

    def spy(*args, **kwargs):
        seen["figure legends"] = len(fig.legends)
        seen["axes legend shown"] = ax.get_legend().get_visible()
        fig.draw_without_rendering()
        for text in (ax._left_title, ax.xaxis.label):  # wrapped to stay inside the figure
            assert 0 <= text.get_window_extent().x0 and text.get_window_extent().x1 <= fig.bbox.x1 + 1
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, "narrow", out=tmp_path, width=3.3, formats=["png"])
    assert seen == {"figure legends": 1, "axes legend shown": False}
    assert fig.legends == [] and ax.get_legend().get_visible()
    assert ax.get_title(loc="left") == "Frames by outlet in the first week after the announcement"
    plots.save_figure(fig, "wide", out=tmp_path, width=6.4, formats=["png"])
    assert seen == {"figure legends": 0, "axes legend shown": True}


def test_export_figure_redraws_a_saved_chart_at_another_size(tmp_path):
    summary = pd.DataFrame({"frame": ["conflict", "morality"] * 2, "outlet": ["A", "A", "B", "B"],
                            "share": [0.1, 0.2, 0.3, 0.1], "n_total": [10] * 4})
    per_article = pd.DataFrame({"outlet": ["A", "B"], "frame": ["conflict", "conflict"], "share": [0.05, 0.45]})
    ax = plots.plot_frame_prevalence(summary, colors={"A": "#123456", "B": "#E69F00"}, articles=per_article)
    ax.set_title("Issues by outlet")  # changed after plotting, as notebook 02 does
    saved = plots.save_figure(ax.figure, "issues", out=tmp_path / "report", caption="Issues. Corpus: toy.")
    record = json.loads(saved["json"].read_text())
    assert record["plot"]["table_arguments"] == {"articles": "issues.articles.parquet"}  # a table argument, as Parquet
    paths = plots.export_figure(str(saved["json"]), out=tmp_path / "paper", width=3.3, formats=["pdf", "svg"])
    assert paths["pdf"].name == "issues_3_3in.pdf"
    assert _pdf_box_and_fonts(paths["pdf"])[0] == pytest.approx(3.3 * 72)
    svg = paths["svg"].read_bytes()
    assert b"Issues by outlet" in svg and b"Corpus: toy" not in svg
    assert b"#123456" in svg  # the outlet's colour came back from the record
    from framing import cli
    assert cli.main(["figure", str(saved["json"]), "--width", "2.5", "--format", "png", "--caption",
                     "--out", str(tmp_path / "cli")]) == 0
    from PIL import Image
    with Image.open(tmp_path / "cli" / "figures" / "issues_2_5in.png") as image:
        assert image.width == 500
    fig, _ = plt.subplots()
    own = plots.save_figure(fig, "own", out=tmp_path / "report")
    with pytest.raises(ValueError, match="not drawn by a framing plot_"):
        plots.export_figure(str(own["json"]))


def test_a_misspelt_figure_or_corpus_is_named_with_the_ones_there_are(tmp_path, monkeypatch, seed_articles):
    """Regression: `framing figure frame_prevalence --corpus <corpus>` (the chart is
    frame_prevalence_by_outlet), or a corpus misspelt, said "no saved figure … in reports/: run
    `framing report` first" beside a report that has it. It names the closest figures or corpora."""
    from framing import audit, cli

    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    corpus = "ukraine-nato-2025-02-12"
    scratch = tmp_path / "reports" / "_scratch" / corpus  # where a notebook run by hand saves
    counts = audit.count_articles_per_outlet(seed_articles)
    plots.save_figure(plots.plot_articles_per_outlet(counts).figure, "articles_per_outlet", corpus=corpus, formats=["png"])
    with pytest.raises(FileNotFoundError) as shortened:
        plots.find_figure("articles_per", corpus=corpus)
    assert str(shortened.value).startswith(f"no saved figure 'articles_per' in reports/_scratch/{corpus}/figures/ ")
    assert "did you mean articles_per_outlet?" in str(shortened.value)
    with pytest.raises(FileNotFoundError, match=f"no figures of the corpus 'ukraine-nato' in reports/ "
                                                f"\\(did you mean {corpus}\\?\\)"):
        plots.find_figure("articles_per_outlet", corpus="ukraine-nato")
    assert plots.find_figure("articles_per_outlet", corpus=corpus) == scratch / "figures" / "articles_per_outlet.json"
    assert cli.main(["figure", "articles_per_outlets"]) == 2  # one line, no traceback


def test_png_is_200_dpi(tmp_path):
    fig, ax = plt.subplots(figsize=(2, 1))
    paths = plots.save_figure(fig, "tiny", out=tmp_path, width=2)
    from PIL import Image
    with Image.open(paths["png"]) as image:
        assert [round(d) for d in image.info["dpi"]] == [200, 200]
        assert image.size == (400, 200)  # exactly the size asked for


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


def test_notebooks_write_to_scratch_and_never_into_a_report(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    assert plots.report_folder(corpus="data/processed/toy") == tmp_path / "reports" / "_scratch" / "toy"
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="written only by `framing report toy`"):
        plots.save_figure(fig, "x", out=tmp_path / "reports" / "toy")
    with pytest.raises(ValueError, match="framing report"):
        plots.save_table(pd.DataFrame({"a": [1]}), "x", out=tmp_path / "reports" / "toy")
    assert plots.save_figure(fig, "x", corpus="toy")["png"].parent == tmp_path / "reports" / "_scratch" / "toy" / "figures"



def test_a_relative_out_in_the_notebooks_folder_is_read_from_the_project_and_named_once(tmp_path, monkeypatch,
                                                                                          capsys):
    (tmp_path / "data" / "raw" / "toy").mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    monkeypatch.delenv("FRAMING_HOME", raising=False)
    monkeypatch.chdir(tmp_path / "notebooks")  # where JupyterLab runs a shipped notebook
    monkeypatch.setattr(plots.save, "_SAY_WHERE", {"on": True, "said": set()})
    assert plots.report_folder(out="results/paper") == tmp_path / "results" / "paper"
    table = pd.DataFrame({"a": [1]})
    assert plots.save_table(table, "x", out="results/paper") == tmp_path / "results" / "paper" / "tables" / "x.csv"
    plots.save_table(table, "y", out="results/paper")
    said = capsys.readouterr().out
    assert said.count("saved in results/paper/ (out='results/paper')") == 1
    assert not (tmp_path / "notebooks" / "results").exists()
    plots.save_table(table, "x", corpus="toy")  # out=None names the scratch folder and why
    assert "saved in reports/_scratch/toy/ (out=None: the scratch folder" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path / "data")  # anywhere else (a script, a report's notebooks) from the current folder
    assert plots.report_folder(out="results") == Path("results")
    plots.say_where_saved(False)  # as framing report's kernel: its index names the folder
    plots.save_table(table, "x", out=tmp_path / "elsewhere")
    assert capsys.readouterr().out == ""

# ── labels, fonts and colours ────────────────────────────────────────────────────────────────────

HOSTILE = ["$\\frac{1}{$", "Oil jumps $5 to $90", "新华社 · 朝日新聞", "News 📰 today", "x" * 5000]


def test_labels_are_drawn_literally_and_cut(tmp_path):
    counts = pd.DataFrame({"outlet": HOSTILE, "n_articles": [5, 4, 3, 2, 1]})
    ax = plots.plot_articles_per_outlet(counts)
    ax.figure.canvas.draw()  # mathtext would fail here on the unbalanced `$`
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert "$\\frac{1}{$" in shown and "Oil jumps $5 to $90" in shown
    assert max(len(t) for t in shown) == plots.LABEL_CHARS and "x" * 39 + "…" in shown
    plots.add_caption(ax, "Outlets such as " + "y" * 5000)
    paths = plots.save_figure(ax.figure, "hostile", out=tmp_path, caption=True)
    from PIL import Image
    with Image.open(paths["png"]) as image:  # not 120,000 px wide
        assert image.width == round(plots.FIGURE_WIDTH * plots.FIGURE_DPI)
    assert plots.label("  two\nlines  ") == "two lines"


def test_a_cut_label_keeps_its_article_count():
    # regression: "Islamic Voice News (1 art…" on a narrow sentiment chart lost the count it shows
    assert plots.label("Islamic Voice News (1 article)", limit=26) == "Islamic Voice… (1 article)"
    assert plots.label("x" * 60 + " (1,204 articles)").endswith("… (1,204 articles)")
    assert len(plots.label("x" * 60 + " (1,204 articles)")) == plots.LABEL_CHARS
    assert plots.label("Short (2 articles)") == "Short (2 articles)"


def test_a_cut_label_keeps_a_speakers_kind(tmp_path):
    """Regression: `framing figure quote_share_by_speaker --width 3.3` cut "White House [organisation]"
    to "White House…", which reads as a person. The kind is kept as a count is: short where the row has
    one line, on a line of its own where it has two."""
    assert plots.label("White House [organisation]", limit=18) == "White House [org.]"
    assert plots.label("officials [anonymous]", limit=18) == "officials [anon.]"
    assert plots.style._on_two_lines("White House [organisation]", 18) == "White House\n[organisation]"
    shares = pd.DataFrame({"outlet": ["Left", "Right"] * 4,
                           "speaker": ["White House"] * 2 + ["Joe Biden"] * 2 + ["Labor Department"] * 2 + ["Fox"] * 2,
                           "speaker_kind": ["organisation"] * 2 + ["person"] * 2 + ["organisation"] * 2 + ["outlet"] * 2,
                           "n_words": [40, 30, 50, 20, 10, 12, 5, 6], "word_share": [0.4, 0.3, 0.5, 0.2, 0.1, 0.12, 0.05, 0.06]})
    ax = plots.plot_quote_share(shares)
    saved = plots.save_figure(ax.figure, "speakers", out=tmp_path / "report", formats=["png"])
    svg = plots.export_figure(str(saved["json"]), out=tmp_path / "paper", width=3.3, formats=["svg"])["svg"].read_text()
    assert "[organisation]" in svg and "Fox [outlet]" in svg and "White House…" not in svg
    assert "Labor Department" in svg and "Labor…" not in svg  # a name wraps, never cut (sides-301: "Labor… [organisation]")


def test_cjk_and_emoji_labels_use_an_installed_fallback_font(tmp_path):
    from matplotlib import font_manager
    installed = {f.name for f in font_manager.fontManager.ttflist} | set(plots.style._style()["font.family"])
    if "Droid Sans Fallback" not in installed and "Noto Sans CJK JP" not in installed:
        pytest.skip("no CJK font installed (make test installs fonts-droid-fallback when it may)")
    counts = pd.DataFrame({"outlet": ["新华社", "News 📰"], "n_articles": [2, 1]})
    paths = plots.save_figure(plots.plot_articles_per_outlet(counts).figure, "cjk", out=tmp_path, formats=["pdf"])
    names = [name for name, _ in _pdf_box_and_fonts(paths["pdf"])[2]]
    assert any("DroidSansFallback" in n or "NotoSansCJK" in n for n in names), names


def test_no_two_outlets_share_a_colour_in_a_20_outlet_chart():
    outlets = [f"Outlet {i:02d}" for i in range(46)]
    sentences = pd.DataFrame({"outlet": [o for i, o in enumerate(outlets) for _ in range(50 - i)]})
    colours = plots.outlet_colours(sentences)
    assert colours["Outlet 00"] == plots.PALETTE[0]  # the largest outlet gets the first colour
    summary = pd.DataFrame({"outlet": outlets[:40:2], "frame": "conflict", "share": 0.1, "n_total": 10})
    ax = plots.plot_frame_prevalence(summary, max_groups=20, colors=colours)
    from matplotlib.colors import to_hex
    drawn = {t.get_text(): to_hex(h.get_facecolor()) for t, h in
             zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles)}
    assert len(drawn) == 20 and len(set(drawn.values())) == 20
    assert all(c not in plots.PALETTE for c in plots.SEMANTIC.values())  # categories never borrow outlet colours


def test_many_outlets_show_the_largest_and_say_so_within_a_page():
    outlets = [f"Outlet {i:02d}" for i in range(46)]
    counts = pd.DataFrame({"outlet": outlets, "n_articles": range(46, 0, -1)})
    ax = plots.plot_articles_per_outlet(counts)
    assert ax.figure.get_figheight() <= plots.PAGE_HEIGHT
    assert len(ax.get_yticklabels()) == 40 and "Outlet 45" not in [t.get_text() for t in ax.get_yticklabels()]
    assert "40 of 46 outlets shown" in plots.add_caption(ax, "Articles per outlet.").get_text()
    summary = pd.DataFrame({"outlet": outlets, "frame": "conflict", "share": 0.1, "n_total": range(46)})
    ax = plots.plot_frame_prevalence(summary)
    assert len(ax.get_legend().get_texts()) == 6
    assert {t.get_text() for t in ax.get_legend().get_texts()} == set(outlets[40:])  # the largest
    assert "6 of 46 outlets shown" in plots.add_caption(ax, "Frames.").get_text()


def test_saving_in_the_background_writes_the_same_files(tmp_path):
    """`save_in_background` (the report's kernel) writes byte for byte what saving at once writes,
    and the record in call order; a figure that cannot be drawn is named by `finish_saving`."""
    import os
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("saving in the background is for Linux")
    corpus = _processed(tmp_path)
    frames = pd.DataFrame({"outlet": ["Fox News", "Reuters", "The Guardian"], "n_articles": [3, 1, 7]})

    def chart(name, out):
        ax = plots.plot_articles_per_outlet(frames)
        ax.set_title("Articles per outlet, drawn after the plot")  # kept: the child draws this figure
        return plots.save_figure(ax.figure, name, out=out, corpus=corpus, caption="Articles. Corpus: toy.")

    at_once = {name: chart(name, tmp_path / "at_once") for name in ("first", "second", "third")}
    try:
        assert plots.save_in_background(at_once=2)
        later, called = {}, {}
        for name in ("first", "second", "third"):
            started = time.time_ns()
            later[name] = chart(name, tmp_path / "later")
            called[name] = (started, time.time_ns())
        plots.finish_saving()
        assert not plots.background._PENDING
    finally:
        plots.save_in_background(False)
    for name, paths in at_once.items():
        assert sorted(paths) == sorted(later[name])
        for fmt, path in paths.items():
            assert later[name][fmt].read_bytes() == path.read_bytes(), (name, fmt)
    figures = tmp_path / "later" / "figures"
    assert sorted(p.name for p in figures.iterdir()) == sorted(p.name for p in (tmp_path / "at_once" / "figures").iterdir())
    records = sorted(figures.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    assert [p.stem for p in records] == ["first", "second", "third"]
    for record in records:  # the time of the save call, not of the child that wrote it later
        assert called[record.stem][0] <= record.stat().st_mtime_ns <= called[record.stem][1]
    fig, ax = plt.subplots()
    ax.plot([1, 2], [1, 2])
    try:
        plots.save_in_background()
        fig.savefig = None  # drawing fails in the child
        plots.save_figure(fig, "broken", out=tmp_path / "later")
        with pytest.raises(RuntimeError, match="figures not written: broken: TypeError"):
            plots.finish_saving()
    finally:
        plots.save_in_background(False)
    assert not list(figures.glob("broken.png*")) and os.getpid()


def test_every_chart_of_a_notebook_is_shown_under_its_cell(tmp_path):
    """Regression: the first chart of a new kernel loaded the inline backend inside the house
    style's context, whose end turned interactive mode off again, so only the first chart of each
    notebook was shown under its cell."""
    import nbformat

    from framing import report
    from framing.report import runner

    table = "import pandas as pd\\nimport framing as fr\\ncounts = pd.DataFrame({'outlet': ['A', 'B'], 'n_articles': [3, 1]})"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in (
        table.replace("\\n", "\n"), "ax = fr.plot_articles_per_outlet(counts)", "ax = fr.plot_articles_per_outlet(counts)")])
    nbformat.write(nb, tmp_path / "charts.ipynb")
    runner.execute_notebook(tmp_path / "charts.ipynb", tmp_path / "out.ipynb", parameters={}, kernel="python3",
                            cwd=tmp_path, timeout=120, config=report._kernel_config())
    cells = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells
    shown = [sum("image/png" in o.get("data", {}) for o in c.outputs) for c in cells]
    assert shown == [0, 1, 1]


def test_a_note_on_the_plot_and_a_long_axis_label_fit_without_squeezing_the_plot(tmp_path, seed_sentences):
    """Regression: "<outlets>: too few articles for an interval (dots: its articles)" ran past the
    figure's edge, and constrained layout shrank the plot to a sliver trying to make room for it and
    for the x-axis label, which was then cut on the left (the seed's frame chart)."""
    import framing as fr

    hits = fr.add_frames(seed_sentences)
    ax = plots.plot_frame_prevalence(fr.summarise_frames(hits, seed_sentences),
                                     articles=fr.article_frames(hits, seed_sentences))
    fig = ax.figure
    note = next(t for t in ax.texts if t.get_gid() == plots.NOTE_GID)
    written = note.get_text()
    seen = {}
    original = fig.savefig

    def spy(*args, **kwargs):
        fig.draw_without_rendering()
        box = ax.get_window_extent()
        seen["plot share of the width"] = box.width / fig.bbox.width
        for text in (ax._left_title, ax.xaxis.label, note):
            extent = text.get_window_extent()
            assert 0 <= extent.x0 and extent.x1 <= fig.bbox.x1 + 1, text.get_text()
        seen["title above the note"] = ax._left_title.get_window_extent().y0 >= note.get_window_extent().y1
        seen["note lines"] = note.get_text().count("\n") + 1
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, "frames", out=tmp_path, formats=["png"])
    assert seen["plot share of the width"] > 0.5
    assert seen["title above the note"] and seen["note lines"] >= 2
    assert note.get_text() == written  # the figure is given back as drawn


def test_a_note_naming_many_outlets_fits_the_saved_image(tmp_path):
    """Regression: measured at the screen's resolution, a wrapped note still ran past the edge of
    the 200 dpi PNG (text is wider there)."""
    names = ["Associated Press", "Breitbart News", "National Review", "Reuters", "The Guardian", "The Hill"]
    summary = pd.DataFrame([{"frame": f, "outlet": o, "share": 0.2, "n_articles": 2, "n_total": 9,
                             "ci_low": float("nan"), "ci_high": float("nan")}
                            for o in names for f in ("conflict", "economic")])
    ax = plots.plot_frame_prevalence(summary)
    fig = ax.figure
    seen = {}
    original = fig.savefig

    def spy(*args, **kwargs):
        fig.draw_without_rendering()
        seen["dpi"] = fig.get_dpi()
        seen["note"] = [t.get_window_extent().x1 <= fig.bbox.x1 for t in ax.texts]
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, "frames", out=tmp_path, formats=["png"])
    assert seen == {"dpi": plots.FIGURE_DPI, "note": [True]}
    assert fig.get_dpi() != plots.FIGURE_DPI or plt.rcParams["figure.dpi"] == plots.FIGURE_DPI  # given back


def test_a_redrawn_chart_keeps_the_house_style_titles(tmp_path):
    summary = pd.DataFrame({"frame": ["conflict", "morality"] * 2, "outlet": ["A", "A", "B", "B"],
                            "share": [0.1, 0.2, 0.3, 0.1], "n_total": [10] * 4})
    ax = plots.plot_frame_prevalence(summary)
    plots.save_figure(ax.figure, "frames", out=tmp_path, formats=["png"])
    seen = {}
    original = plt.Figure.savefig

    def spy(fig, *args, **kwargs):
        seen["weight"] = fig.axes[0]._left_title.get_fontweight()
        return original(fig, *args, **kwargs)

    plt.Figure.savefig = spy
    try:
        plots.export_figure(str(tmp_path / "figures" / "frames.json"), out=tmp_path / "again", formats=["png"])
    finally:
        plt.Figure.savefig = original
    assert seen["weight"] == "bold"


def test_frame_chart_shows_the_outlets_with_most_articles_not_the_longest_pages():
    """Regression: in a corpus of many one-article outlets, the six drawn were the longest single
    pages, and an outlet with three articles (the only kind that can get an interval) was left out."""
    outlets = {"Wire": (3, 15)} | {f"Page {i}": (1, 30 + i) for i in range(7)}
    summary = pd.DataFrame([{"frame": frame, "outlet": name, "share": 0.2, "n_articles": n, "n_total": total}
                            for name, (n, total) in outlets.items() for frame in ("conflict", "economic")])
    ax = plots.plot_frame_prevalence(summary)
    shown = {t.get_text() for t in ax.get_legend().get_texts()}
    assert shown == {"Wire (3 articles)", "Page 6 (1 article)", "Page 5 (1 article)", "Page 4 (1 article)",
                     "Page 3 (1 article)", "Page 2 (1 article)"}
    assert ax._framing_shown == ("6 of 8 outlets shown (the 6 with the most articles, then sentences; "
                                 "not shown: Page 0, Page 1).")


def _svg_texts(path) -> list[str]:
    """The text of every <text> element of a saved SVG (the house style keeps text as text)."""
    import xml.etree.ElementTree as ET
    return ["".join(t.itertext()) for t in ET.parse(path).iter("{http://www.w3.org/2000/svg}text")]


def test_a_saved_one_column_chart_keeps_two_and_three_digit_article_counts(tmp_path, shared_data):
    # regression: "CNN (Online News) (16 art…" on the allsides-100 sentiment chart: a count of ten
    # articles or more was cut with the name, so the n the chart promises was lost
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open()]
    counts = pd.Series([r["outlet"] for r in rows]).value_counts().head(12)
    summary = pd.DataFrame({"outlet": counts.index, "n_articles": counts.to_numpy(),
                            "mean": [0.01 * i for i in range(len(counts))]})
    summary = summary.assign(ci_low=summary["mean"] - 0.1, ci_high=summary["mean"] + 0.1)
    ax = plots.plot_sentiment_by_outlet(summary)
    svg = plots.save_figure(ax.figure, "counts", out=tmp_path, formats=["svg"])["svg"]
    texts = _svg_texts(svg)  # a label of two lines is two texts: the name whole, then its count
    lines = [line for text in texts for line in text.split("\n")]
    for outlet, n in counts.items():  # never cut: "New York Post…" could be any New York Post desk
        assert any(line == outlet or line.startswith(outlet + " (") for line in lines), (outlet, lines)
        assert any(line.endswith(f"({n} articles)") for line in lines), (n, lines)
    assert not any("…" in line for line in lines if "+1" not in line), lines  # "(−1 … +1)" is the axis
    assert plots.label("CNN (Online News) (16 articles)", limit=26) == "CNN (Online… (16 articles)"


def test_the_seed_sentiment_chart_exported_one_narrow_column_wide_keeps_its_plot_and_counts(tmp_path, seed_sentences):
    """Regression: `framing figure sentiment_by_outlet --width 3.3` on the seeds gave a plot of no
    width (the words "too few articles for an interval" beside each row took the room), its x ticks
    drawn over each other, and labels cut to "Unnamed blog (1 a…"."""
    import framing as fr

    scored = fr.add_sentiment(seed_sentences)
    ax = plots.plot_sentiment_by_outlet(fr.summarise_sentiment(scored), articles=fr.article_sentiment(scored))
    fig = ax.figure
    seen = {}
    original = fig.savefig

    def spy(*args, **kwargs):
        fig.draw_without_rendering()
        seen["plot share of the width"] = ax.get_window_extent().width / fig.bbox.width
        seen["labels"] = [t.get_text() for t in ax.get_yticklabels()]
        ticks = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
        seen["ticks apart"] = all(a.x1 <= b.x0 for a, b in zip(ticks, ticks[1:]))
        seen["inside"] = all(0 <= t.get_window_extent().x0 and t.get_window_extent().x1 <= fig.bbox.x1 + 1
                             for t in [*ax.texts, ax._left_title])
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, "tone", out=tmp_path, formats=["png"], width=3.3)
    assert seen["plot share of the width"] > 0.4 and seen["ticks apart"] and seen["inside"], seen
    assert len(seen["labels"]) == 2 and all(t.endswith("(n=1)") or t.endswith("(1 article)") for t in seen["labels"])
    assert any(plots.NO_INTERVAL in t.get_text().replace("\n", " ") for t in ax.texts)


def _labels_saved_at(fig, ax, tmp_path, width):
    seen = {}
    original = fig.savefig

    def spy(*args, **kwargs):
        fig.draw_without_rendering()
        seen["labels"] = [t.get_text() for t in ax.get_yticklabels()]
        seen["plot share"] = ax.get_window_extent().width / fig.bbox.width
        seen["inside"] = all(t.get_window_extent().x0 >= 0 for t in ax.get_yticklabels())
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, "outlets", out=tmp_path, formats=["png"], width=width)
    return seen


def test_outlet_labels_take_two_lines_where_a_narrow_charts_rows_have_room(tmp_path, seed_sentences):
    """Regression: the seed sentiment chart exported 3.3 in wide cut "Islamic Voice News (1 article)"
    to "Islamic Voi… (n=1)" beside two rows with room for two lines each; the whole name now stands
    above its count. A chart of 40 outlets has no such room: at the report's width each keeps its
    whole name on one line, in a smaller font where needed; only an export narrower still cuts them,
    no two alike."""
    import framing as fr

    scored = fr.add_sentiment(seed_sentences)
    ax = plots.plot_sentiment_by_outlet(fr.summarise_sentiment(scored), articles=fr.article_sentiment(scored))
    seen = _labels_saved_at(ax.figure, ax, tmp_path, 3.3)
    assert sorted(seen["labels"]) == ["Islamic Voice News\n(1 article)", "Unnamed blog\n(1 article)"], seen
    assert seen["plot share"] > 0.4 and seen["inside"]
    many = [f"Outlet {i} with a long name (3 articles)" for i in range(40)]
    fig, ax = plt.subplots()
    ax.barh(range(40), range(40))
    ax.set_yticks(range(40), many)
    seen = _labels_saved_at(fig, ax, tmp_path, plots.FIGURE_WIDTH)
    assert seen["labels"] == many and seen["plot share"] > 0.3 and seen["inside"], seen
    assert min(t.get_fontsize() for t in ax.get_yticklabels()) >= 6.5
    seen = _labels_saved_at(fig, ax, tmp_path, 3.3)
    assert all("\n" not in t and len(t) <= 30 for t in seen["labels"]), seen["labels"]
    assert len(set(seen["labels"])) == 40


def test_an_export_replaces_only_framings_own_unchanged_file(tmp_path, capsys):
    """`framing figure --out DIR` wrote over a file of the same name without a word: the user's own
    chart there, or an earlier export edited since. Now an earlier export framing wrote and nobody
    changed is replaced; anything else stops the export with one line naming the file and the flag,
    and nothing is written; `--overwrite` replaces it."""
    from framing import cli
    from framing.store import OutputExists

    ax = plots.plot_articles_per_outlet(pd.DataFrame({"outlet": ["A", "B"], "n_articles": [3, 1]}))
    saved = plots.save_figure(ax.figure, "per_outlet", out=tmp_path / "scratch")
    paper = tmp_path / "paper" / "figures"
    paper.mkdir(parents=True)
    mine = paper / "per_outlet_3_3in.pdf"
    mine.write_bytes(b"%PDF my own drawing")
    args = ["figure", str(saved["json"]), "--width", "3.3", "--out", str(tmp_path / "paper")]
    assert cli.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(mine) in err[0] and "not written by framing" in err[0] and "--overwrite" in err[0]
    assert mine.read_bytes() == b"%PDF my own drawing" and sorted(p.name for p in paper.iterdir()) == [mine.name]
    mine.rename(paper / "kept.pdf")
    assert cli.main(args) == 0  # a new export
    first = mine.read_bytes()
    assert cli.main(args) == 0 and mine.read_bytes() == first  # its own earlier export: replaced
    mine.write_bytes(first + b"% edited in a drawing program\n")
    with pytest.raises(OutputExists, match="changed since framing wrote it"):
        plots.export_figure(str(saved["json"]), width=3.3, out=tmp_path / "paper")
    assert mine.read_bytes().endswith(b"% edited in a drawing program\n")
    assert cli.main([*args, "--overwrite"]) == 0 and mine.read_bytes() == first
    assert (paper / "kept.pdf").read_bytes() == b"%PDF my own drawing"


def test_a_notebook_saving_again_replaces_its_chart_but_not_an_edited_one(tmp_path):
    """The scratch folder a notebook writes to: saving a chart or table again replaces framing's
    earlier file; one the user changed (or a file of theirs of the same name) is named and kept."""
    from framing.store import OutputExists

    scratch = tmp_path / "reports" / "_scratch" / "toy"
    frame = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [3, 1]})
    for _ in range(2):
        paths = plots.save_figure(plots.plot_articles_per_outlet(frame).figure, "per_outlet", out=scratch)
        table = plots.save_table(frame, "per_outlet", out=scratch)
    paths["png"].write_bytes(b"edited")
    with pytest.raises(OutputExists, match="per_outlet.png"):
        plots.save_figure(plots.plot_articles_per_outlet(frame).figure, "per_outlet", out=scratch)
    assert paths["png"].read_bytes() == b"edited"
    table.write_text("outlet,n_articles\nmine,1\n", encoding="utf-8")
    with pytest.raises(OutputExists, match="per_outlet.csv"):
        plots.save_table(frame, "per_outlet", out=scratch)
    assert plots.save_table(frame, "per_outlet", out=scratch, overwrite=True).read_text().startswith("outlet,n_articles\nA,")


def test_charts_saved_in_the_background_are_listed_as_framings(tmp_path):
    """Saving the same chart twice while the first is still being written in the background is no
    clash, and the list names the files the children wrote (so a rerun may replace them)."""
    import sys

    from framing import store

    if not sys.platform.startswith("linux"):
        pytest.skip("saving in the background is for Linux")
    frame = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [3, 1]})
    try:
        assert plots.save_in_background()
        for _ in range(2):
            paths = plots.save_figure(plots.plot_articles_per_outlet(frame).figure, "per_outlet", out=tmp_path)
        plots.finish_saving()
    finally:
        plots.save_in_background(False)
    listed = store.written_files(tmp_path)
    assert all(store.is_framings(tmp_path, path, listed) for path in paths.values())
    assert {"figures/per_outlet.png", "figures/per_outlet.pdf", "figures/per_outlet.json"} <= set(listed)


def _word_pieces_only(name: str, shown: str) -> bool:
    """Whether each part of a cut label around its "…" is made of whole words of `name`."""
    text = re.sub(r" \((\d[\d,]* [a-z]+|n=[\d,]+)\)$", "", shown)
    if "…" not in text:
        return text == name
    head, *_, tail = text.split("…")
    whole_head = name.startswith(head) and (len(head) == len(name) or not name[len(head)].isalnum())
    whole_tail = name.endswith(tail) and (not tail or len(tail) == len(name) or not name[-len(tail) - 1].isalnum())
    return whole_head and whole_tail


def test_outlet_names_are_cut_between_words(shared_data):
    """Regression: charts of the AllSides outlets showed "Washin…Times (n=5)" and "Wall Str…(News)":
    a reader has to guess the word. Every outlet name of the set, with its count, at every width a
    chart uses, is cut only between words (or shown whole)."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open()]
    counts = pd.Series([r["outlet"] for r in rows]).value_counts()
    texts = [f"{outlet} ({n} articles)" for outlet, n in counts.items()]
    assert plots.distinct_labels(["Washington Times (5 articles)", "Washington Post (9 articles)"], 18) == \
        ["Washington Times (n=5)", "Washington Post (n=9)"]
    broken = []
    for limit in range(18, 41, 2):  # 18: the labels of a chart one journal column (3.3 in) wide
        for text, shown in zip(texts, plots.distinct_labels(texts, limit)):
            name = re.sub(r" \(\d+ articles\)$", "", text)
            first = name.split()[0]
            if len(first) <= limit // 2 and not _word_pieces_only(name, shown):
                broken.append((limit, shown))
    assert not broken, broken[:10]


def test_a_chart_with_an_empty_legend_saves_at_a_column_width(tmp_path):
    """Regression: a corpus with no frame cue drew a frame chart with nothing in its legend, and
    saving it narrow (legends go below) failed with "max() arg is an empty sequence"."""
    import warnings

    fig, ax = plt.subplots()
    ax.barh([], [])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # matplotlib: no artists with labels
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    saved = plots.save_figure(fig, "empty", out=tmp_path, formats=["png"], width=3.3)
    assert saved["png"].stat().st_size > 0


def test_chart_captions_say_what_the_outlets_shown_have_most_of(shared_sentence_table):
    """Regression: with seven one-article outlets the caption said "6 of 7 outlets shown (the
    largest)", where largest meant most sentences, which a reader could not know (and the line chart
    along the article ranked outlets by how many parts their article filled). Seven AllSides
    outlets, the first article of each."""
    import framing as fr

    table = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides-roundups")]
    table = table.assign(n_words=table["text"].str.split().str.len())
    firsts = table.drop_duplicates("outlet").head(7)["article_id"]
    pages = table[table["article_id"].isin(firsts)]
    summary = fr.summarise_frames(fr.add_frames(pages), pages)
    sizes = summary.groupby("outlet")[["n_articles", "n_total"]].max()
    assert (sizes["n_articles"] == 1).all() and len(sizes) > 6
    ax = plots.plot_frame_prevalence(summary)
    shown = [t.get_text().removesuffix(" (1 article)") for t in ax.get_legend().get_texts()]
    left = sorted(set(sizes.index) - set(shown))
    assert sizes.loc[shown, "n_total"].min() >= sizes.loc[left, "n_total"].max()
    caption = plots.add_caption(ax, "Frames.").get_text().replace("\n", " ")
    assert f"(the 6 with the most sentences" in caption and "largest" not in caption
    if len(left) <= 3:
        assert all(name in caption for name in left)
    scored = fr.add_sentiment(pages).sort_values(["article_id", "sentence_id"])
    scored = scored.assign(position=scored.groupby("article_id").cumcount()
                           / (scored.groupby("article_id")["sentence_id"].transform("size") - 1).clip(lower=1))
    ax = plots.plot_sentiment_along_article(fr.summarise_sentiment_by_position(scored, n_boot=200))
    drawn = [t.get_text().removesuffix(" (1 article)") for t in ax.get_legend().get_texts()]
    assert sizes.loc[drawn, "n_total"].min() >= sizes.loc[sorted(set(sizes.index) - set(drawn)), "n_total"].max()
    assert "(the 6 with the most sentences" in ax._framing_shown  # the same words on the line chart


def test_sentiment_along_the_article_leaves_a_gap_where_a_part_has_no_sentences(seed_sentences, shared_sentence_table):
    """Regression: the line (and band) joined the parts of an article on either side of a part with no
    sentence, as if it had a value there. Seed pages cut into 40 parts (one article an outlet, no band)
    and six short AllSides articles of one outlet (a band where five or more have a sentence)."""
    import framing as fr

    table = shared_sentence_table.assign(n_words=shared_sentence_table["text"].str.split().str.len())
    sizes = table.groupby("article_id").size()
    short = table[table["article_id"].isin(sizes[(sizes >= 3) & (sizes <= 4)].index)]
    outlet = short.groupby("outlet")["article_id"].nunique().idxmax()
    short = short[short["article_id"].isin(short.loc[short["outlet"] == outlet, "article_id"].unique()[:6])]
    seen = []
    for sentences, bins in ((seed_sentences, 40), (short, 10)):
        scored = fr.add_sentiment(sentences).sort_values(["article_id", "sentence_id"])
        scored = scored.assign(position=scored.groupby("article_id").cumcount()
                               / (scored.groupby("article_id")["sentence_id"].transform("size") - 1).clip(lower=1))
        along = fr.summarise_sentiment_by_position(scored, bins=bins, by="outlet", n_boot=200)
        # Every article now has a value in every part; a table from elsewhere (a group made by a
        # sentence's own column, such as its voice) can lack parts: leave every third one out.
        along = along[along["position_bin"] % 3 != 1]
        seen.append(along["ci_low"])
        ax = plots.plot_sentiment_along_article(along)
        for line in ax.get_lines()[:along["outlet"].nunique()]:
            group = line.get_label().rsplit(" (", 1)[0]
            part = along[along["outlet"] == group].set_index("position_bin")
            x, y = line.get_xdata(), np.asarray(line.get_ydata(), dtype=float)
            assert len(x) == bins and len(part) < bins  # every part drawn, some without sentences
            assert np.array_equal(np.isnan(y), ~np.isin(np.arange(bins), part.index))
        empty = set(range(bins)) - set(along["position_bin"])
        for band in [c for c in ax.collections if type(c).__name__ == "FillBetweenPolyCollection"
                     or type(c).__name__ == "PolyCollection"]:
            for path in band.get_paths():
                xs = path.vertices[:, 0]
                assert not any(xs.min() < (b + 0.5) / bins < xs.max() for b in empty)
                low, high = np.floor(xs.min() * bins + 1e-9), np.floor(xs.max() * bins - 1e-9)
                held = along.set_index("position_bin").loc[int(low):int(high)]
                assert held["ci_low"].notna().all()  # a band only over parts with an interval
        spans = {(round(x0, 6), round(y0, 6), round(y1, 6)) for c in ax.collections if type(c).__name__ == "LineCollection"
                 for (x0, y0), (_, y1) in c.get_segments()}
        for group, part in along.groupby("outlet"):
            has = part.set_index("position_bin")["ci_low"].reindex(range(bins)).notna()
            for b in has[has & ~has.shift(1, fill_value=False) & ~has.shift(-1, fill_value=False)].index:
                row = part.set_index("position_bin").loc[b]  # an interval one part wide: a bar, not nothing
                assert (round((b + 0.5) / bins, 6), round(row["ci_low"], 6), round(row["ci_high"], 6)) in spans
    assert pd.concat(seen).notna().any() and pd.concat(seen).isna().any()


def test_count_bars_and_sentiment_chart_say_what_chose_the_rows_shown():
    """Regression: the outlet and cleaning count bars and the sentiment-by-outlet chart said "(the
    largest)" of the rows they show; each names the count that chose them, and the order that broke
    its ties where a tie decided."""
    counts = pd.DataFrame({"outlet": ["C", "A", "B", "D"], "n_articles": [5, 3, 3, 1]})
    ax = plots.plot_articles_per_outlet(counts, max_rows=2)
    assert ax._framing_shown == "2 of 4 outlets shown (the 2 with the most articles, then by name; not shown: B, D)."
    rules = pd.DataFrame({"rule": ["menu", "share", "footer"], "n_lines": [40, 12, 3]})
    ax = plots.plot_removed_by_rule(rules, max_rows=2)
    assert ax._framing_shown == "2 of 3 rules shown (the 2 with the most raw lines removed; not shown: footer)."
    summary = pd.DataFrame({"label": ["A: x", "B: y", "C: z"], "lines_kept": [10, 5, 40], "lines_removed": [0, 5, 0]})
    ax = plots.plot_cleaning_by_article(summary, max_rows=2)  # B's and A's ten lines tie: the table's order chose
    assert ax._framing_shown == "2 of 3 articles shown (the 2 with the most raw lines, then in the table's order)."
    assert {t.get_text() for t in ax.get_yticklabels()} == {"A: x", "C: z"}
    sentiment = pd.DataFrame({"outlet": ["A", "B", "C"], "mean": [0.1, -0.2, 0.3], "ci_low": [np.nan] * 3,
                              "ci_high": [np.nan] * 3, "n_articles": [2, 4, 1]})
    ax = plots.plot_sentiment_by_outlet(sentiment, max_rows=2)
    assert ax._framing_shown == "2 of 3 outlets shown (the 2 with the most articles; not shown: C)."


def test_a_chart_must_say_what_chose_the_groups_it_shows():
    """`note_shown` has no default for `which`: "the largest" said nothing of the count that chose."""
    fig, ax = plt.subplots()
    with pytest.raises(TypeError):
        plots.note_shown(ax, 2, 5, "outlets")
    plots.note_shown(ax, 2, 5, "outlets", which="the 2 with the most articles")
    assert ax._framing_shown == "2 of 5 outlets shown (the 2 with the most articles)."


def _could_stand_for(shown: str, names) -> list[str]:
    """The names a saved label could be read as: its name part with "…" standing for any words."""
    text = re.sub(r" \((\d[\d,]* [a-z]+|n=[\d,]+)\)$", "", " ".join(shown.split()))
    fit = re.compile(".*".join(map(re.escape, text.split("…"))))
    return [name for name in names if fit.fullmatch(name)]


def test_cut_outlet_labels_name_one_outlet_of_the_corpus_and_write_counts_one_way(tmp_path, shared_data):
    """Regression: saved at a column's width, the quote-shares chart of allsides-100 read "New
    York… (16 articles)" and "Washington… (9 articles)" (the corpus has two New York outlets and three
    "Washington …" ones, some not drawn), and the sentiment chart mixed "(n=5)" with "(5 articles)"
    on one axis. Every cut label now fits one outlet of the table only, and one axis writes its
    counts one way."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open()]
    counts = pd.Series([r["outlet"] for r in rows]).value_counts()
    names = list(counts.index)
    assert sum(name.startswith("New York") for name in names) >= 2
    summary = pd.DataFrame([{"measure": measure, "counts": measure, "outlet": outlet, "n_articles": int(n),
                             "mean": 0.3, "ci_low": 0.2, "ci_high": 0.4}
                            for measure in ("anonymous", "officials") for outlet, n in counts.items()])
    for ax in (plots.plot_quote_shares(summary, max_rows=6),
               plots.plot_sentiment_by_outlet(summary[summary["measure"] == "anonymous"], max_rows=12)):
        shown = _labels_saved_at(ax.figure, ax, tmp_path, plots.FIGURE_WIDTH)["labels"]
        assert shown and all(len(_could_stand_for(text, names)) == 1 for text in shown), shown
        short = [bool(re.search(r"\(n=\d+\)$", text)) for text in shown]
        assert all(short) or not any(short), shown
        plt.close(ax.figure)


def test_outlets_named_left_center_right_are_named_as_not_shown_never_as_left_out():
    """Regression: a caption named the outlets it leaves out as "left out: Left", which beside
    outlets named by their lean (AllSides: Left, Center, Right) reads as a statement about them."""
    counts = pd.DataFrame({"outlet": ["Left", "Center", "Right"], "n_articles": [100, 100, 90]})
    ax = plots.plot_articles_per_outlet(counts, max_rows=2)
    assert ax._framing_shown == "2 of 3 outlets shown (the 2 with the most articles; not shown: Right)."
    assert "left out" not in ax._framing_shown


def test_article_lengths_never_overlap_their_outlet_labels(shared_data):
    """Regression: notebook 01's "Length of each article" set each outlet's name beside its dot,
    so nine outlets of about 100 words (AllSides roundup excerpts of one topic) printed their names
    on top of each other. Up to `label_limit` articles, each name is now a row of a dot plot."""
    from framing.segment import split_sentences

    rows = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    topic = rows[rows["allsides_topic_id"] == rows["allsides_topic_id"].mode()[0]].drop_duplicates("outlet").head(9)
    articles = pd.DataFrame({"outlet": topic["outlet"], "n_words": topic["text"].str.split().str.len(),
                             "n_sentences": [len(split_sentences(text)) for text in topic["text"]]})
    assert len(articles) == 9 and articles["n_words"].max() - articles["n_words"].min() < 40  # close lengths
    ax = plots.plot_article_lengths(articles)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    texts = [t for t in ax.get_yticklabels() + ax.texts if t.get_text()]
    assert {t.get_text() for t in ax.get_yticklabels()} >= {plots.label(o, 24) for o in articles["outlet"]}
    boxes = [t.get_window_extent(renderer) for t in texts]
    overlapping = [(texts[i].get_text(), texts[j].get_text()) for i in range(len(boxes))
                   for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]
    assert not overlapping
    assert all(box.x1 <= ax.figure.bbox.x1 for box in boxes)  # the counts beside the dots stay in the figure


def test_many_article_lengths_are_drawn_by_outlet_around_its_median(shared_data):
    """Regression: with more than a dozen articles notebook 01 drew words against sentences, one
    grey dot per article: on AllSides events 370-469 by lean, 300 dots on whole sentence counts
    covered each other and said nothing of the outlets. Now a row per outlet, each article a dot at
    its words kept, the outlet's median a bar. Real AllSides excerpts of 20 events."""
    from framing.leans import outlet_order

    rows = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    events = rows["event_id"].drop_duplicates().head(20)
    picked = rows[rows["event_id"].isin(events)]
    articles = pd.DataFrame({"outlet": picked["allsides_side"].str.title(), "n_words": picked["text"].str.split().str.len(),
                             "n_sentences": 1})
    assert len(articles) > 12 and articles["outlet"].nunique() == 3
    ax = plots.plot_article_lengths(articles)
    outlets = outlet_order(articles["outlet"].unique())
    sizes = articles["outlet"].value_counts()
    assert [t.get_text() for t in ax.get_yticklabels()][::-1] == [f"{o} (n={sizes[o]})" for o in outlets]
    dots = ax.collections[0].get_offsets()
    assert sorted(dots[:, 0]) == sorted(articles["n_words"])
    row_of = {o: len(outlets) - 1 - i for i, o in enumerate(outlets)}
    assert (abs(dots[:, 1] - articles["outlet"].map(row_of).to_numpy()) < 0.3).all()  # each dot on its outlet's row
    medians = {round(line.get_ydata().mean()): line.get_xdata()[0] for line in ax.lines}
    assert medians == {row_of[o]: articles.loc[articles["outlet"] == o, "n_words"].median() for o in outlets}
    again = plots.plot_article_lengths(articles)
    assert (again.collections[0].get_offsets() == dots).all()  # the spread is the same each time
    many = articles.assign(outlet=[f"Outlet {i}" for i in range(len(articles))])
    assert plots.plot_article_lengths(many).get_xlabel() == "sentences kept (count)"  # too many outlets for rows


def _saved_layout(fig, tmp_path, name: str, check) -> dict:
    """Save `fig` as a one-column PNG and call `check(fig)` on the layout the file is drawn with."""
    seen = {}
    original = fig.savefig

    def spy(*args, **kwargs):
        fig.draw_without_rendering()
        seen.update(check(fig))
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, name, out=tmp_path, formats=["png"])
    return seen


def test_the_seed_frame_chart_saved_one_column_wide_keeps_its_frame_labels_apart(tmp_path, seed_sentences):
    """Regression: at 4.7 in the seed's frame chart moved its legend below the plot and wrapped its
    x-axis label onto three lines, which left the plot 0.5 in for four frames of two outlets:
    "conflict", "economic", "human interest" and "responsibility" were drawn on top of each other.
    The saved figure grows until each label has its row."""
    import framing as fr

    hits = fr.add_frames(seed_sentences)
    ax = plots.plot_frame_prevalence(fr.summarise_frames(hits, seed_sentences),
                                     articles=fr.article_frames(hits, seed_sentences))
    drawn_height = ax.figure.get_figheight()

    def check(fig):
        boxes = sorted((t.get_window_extent() for t in ax.get_yticklabels() if t.get_text()), key=lambda b: b.y0)
        return {"labels": len(boxes), "height": fig.get_figheight(),
                "overlapping": [(a.y1, b.y0) for a, b in zip(boxes, boxes[1:]) if b.y0 < a.y1],
                "inside": all(0 <= b.y0 and b.y1 <= fig.bbox.y1 for b in boxes)}

    seen = _saved_layout(ax.figure, tmp_path, "frames", check)
    assert seen["labels"] == 4 and not seen["overlapping"] and seen["inside"]
    assert drawn_height < seen["height"] <= plots.PAGE_HEIGHT
    record = json.loads((tmp_path / "figures" / "frames.json").read_text())
    assert record["size_inches"]["height"] == pytest.approx(seen["height"])  # the record says the size written
    assert ax.figure.get_figheight() == drawn_height  # the figure is given back as drawn


def test_a_chart_saved_at_a_height_asked_for_keeps_it(tmp_path, seed_sentences):
    """Only the figure's own height grows: a height asked for (a paper's slot) is kept exactly."""
    import framing as fr

    hits = fr.add_frames(seed_sentences)
    ax = plots.plot_frame_prevalence(fr.summarise_frames(hits, seed_sentences))
    plots.save_figure(ax.figure, "frames", out=tmp_path, formats=["png"], height=2.0)
    record = json.loads((tmp_path / "figures" / "frames.json").read_text())
    assert record["size_inches"]["height"] == 2.0


def test_the_bars_of_a_speaker_run_top_down_in_the_legends_order(seed_sentences):
    """Regression: on the seed's "Who is quoted" chart Pete Hegseth's row drew Unnamed blog's bar
    above Islamic Voice News' though the legend (and every other chart by outlet) lists Islamic
    Voice News first: each row's bars now run top down in the legend's order. Bars drawn without an
    interval (one article each) say why above the plot, as on the frame chart."""
    from matplotlib.container import BarContainer

    import framing as fr

    quotes = fr.extract_quotes(seed_sentences)
    ax = fr.plot_quote_share(fr.summarise_speaker_shares(fr.article_speaker_shares(quotes)))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    rows = {}
    for bars in (c for c in ax.containers if isinstance(c, BarContainer)):
        name = bars.get_label()
        for bar in bars:
            rows.setdefault(round(bar.get_y() + bar.get_height() / 2), []).append((bar.get_y(), name))
    shared = [row for row in rows.values() if len(row) > 1]
    assert shared  # a speaker both outlets quote
    notes = " ".join(t.get_text() for t in ax.texts if t.get_gid() == plots.NOTE_GID)
    assert notes == "Islamic Voice News, Unnamed blog: too few articles for an interval"  # bars without one say why
    for row in shared:
        # the y axis runs upward: the top bar has the largest y
        assert [name for _, name in sorted(row, reverse=True)] == [n for n in legend if n in {m for _, m in row}]


def test_a_legend_below_a_lean_chart_reads_left_center_right_along_its_rows(tmp_path, seed_sentences):
    """Regression: saved one column wide, the frame chart of a corpus labelled by lean put its
    legend below the plot in two columns, filled column by column: "Left", "Center" in the first
    and "Right" in the second, so that its rows read "Left, Right" and then "Center". Read along
    the rows (top down, then left to right) it now runs Left, Center, Right."""
    import framing as fr

    first, second = sorted(seed_sentences["article_id"].unique())  # the seed relabelled by lean, a copy as Center
    leans = pd.concat([seed_sentences.assign(outlet=seed_sentences["article_id"].map({first: "Right", second: "Left"})),
                       seed_sentences[seed_sentences["article_id"] == second].assign(article_id=second + "-copy", outlet="Center")],
                      ignore_index=True)
    ax = fr.plot_frame_prevalence(fr.summarise_frames(fr.add_frames(leans), leans), colors=fr.outlet_colours(leans))

    def check(fig):
        legend = next(lg for lg in fig.legends if lg.get_visible())
        boxes = [(t.get_window_extent(), t.get_text().split(" (")[0]) for t in legend.get_texts()]
        return {"rows": len({round(box.y0) for box, _ in boxes}),
                "read": [name for box, name in sorted(boxes, key=lambda b: (-round(b[0].y0), b[0].x0))]}

    seen = _saved_layout(ax.figure, tmp_path, "frames", check)
    assert seen["rows"] == 2  # a legend of two rows, where the order of filling shows
    assert seen["read"] == ["Left", "Center", "Right"]


def test_a_frame_chart_whose_tests_find_nothing_says_so_on_the_image(shared_sentence_table):
    """Regression: the frame chart of events 101-200 of the AllSides roundups (`framing report`,
    `figures/frame_prevalence_by_outlet.png`) drew six outlets' bars of unequal length with no word
    on the image that no frame's test found a difference (the caption said it; a saved image
    carries none). The note now says so exactly when the smallest adjusted p of the frames is at
    least 0.05; the seed corpus, with nothing to test, gets no such note."""
    import framing as fr

    table = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides-roundups")]
    table = table.assign(n_words=table["text"].str.split().str.len())
    events = table.drop_duplicates("event")["event"].head(30)
    pages = table[table["event"].isin(events)]
    summary = fr.summarise_frames(fr.add_frames(pages), pages)
    assert summary["p_value"].notna().any()  # tested within events
    ax = plots.plot_frame_prevalence(summary)
    notes = " ".join(t.get_text() for t in ax.texts if t.get_gid() == plots.NOTE_GID)
    smallest = summary["p_adjusted"].min()
    says = "no evidence that the outlets differ for any frame" in notes
    assert says == (smallest >= 0.05), (smallest, notes)
    if says:
        assert f"smallest adjusted p = {smallest:.2g}" in notes and "Differences may be chance: no evidence" in notes


def test_a_chart_whose_tests_find_a_difference_in_one_member_says_which_did_not(shared_sentence_table):
    """Regression: the quote chart of AllSides events 401-469 (`framing report`, sides-401,
    `figures/quote_shares.png`) drew three blocks of outlets with no word on the image, because one
    measure's test (officials, adjusted p = 0.039) found a difference: the other two (adjusted p 0.59
    and 0.77) read as findings too. The note now names the members with no evidence and those with."""
    import framing as fr

    table = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides-roundups")]
    table = table.assign(n_words=table["text"].str.split().str.len())
    events = table.drop_duplicates("event")["event"].head(30)
    pages = table[table["event"].isin(events)]
    summary = fr.summarise_frames(fr.add_frames(pages), pages)
    found = summary.assign(p_adjusted=summary["p_adjusted"].where(summary["frame"] != "conflict", 0.01))

    def note(frames):
        ax = plots.plot_frame_prevalence(frames)
        return " ".join(t.get_text() for t in ax.texts if t.get_gid() == plots.NOTE_GID)

    said = note(found)
    alike = [f.replace("_", " ") for f in found["frame"].unique() if f != "conflict"]
    assert "No evidence that the outlets differ in " + ", ".join(alike) + " (permutation test" in said, said
    assert "evidence that they differ in conflict (adjusted p = 0.01), not which outlet" in said
    others = summary.loc[summary["frame"] != "conflict", "p_adjusted"]
    assert f"adjusted p {'=' if others.min() == others.max() else '≥'} {others.min():.2g}, Holm" in said
    every = summary.assign(p_adjusted=0.01)
    assert "evidence" not in note(every)  # every frame differs: nothing to warn of


def test_a_frame_chart_with_nothing_tested_claims_nothing(seed_sentences):
    import framing as fr

    hits = fr.add_frames(seed_sentences)
    summary = fr.summarise_frames(hits, seed_sentences)
    ax = plots.plot_frame_prevalence(summary, articles=fr.article_frames(hits, seed_sentences))
    notes = " ".join(t.get_text() for t in ax.texts if t.get_gid() == plots.NOTE_GID)
    assert "too few articles for an interval" in notes and "evidence" not in notes


def test_the_speaker_chart_given_its_tests_says_when_they_find_nothing(shared_sentence_table):
    """The "Who is quoted" chart, given the notebook's test per speaker (`test=`), says above the
    plot when no speaker's test finds a difference between outlets, and nothing without `test`."""
    import framing as fr

    table = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides-roundups")]
    pages = table[table["event"].isin(table.drop_duplicates("event")["event"].head(40))]
    values = fr.article_speaker_shares(fr.extract_quotes(pages))
    test = fr.compare_outlets(values, value="word_share", family="speaker")
    assert test["p_value"].notna().any()
    shares = fr.summarise_speaker_shares(values)

    def notes(ax):
        return " ".join(t.get_text() for t in ax.texts if t.get_gid() == plots.NOTE_GID)

    said = notes(fr.plot_quote_share(shares, test=test))
    smallest = test.dropna(subset=["p_value"])["p_adjusted"].min()
    tested = test.dropna(subset=["p_value"])["speaker"].nunique()
    untested = test["speaker"].nunique() - tested  # quoted by one outlet per event, or alike in each
    assert untested > 0
    # Regression: sides-401 (AllSides events 401-469) said "for any speaker" above 8 speakers of which 3 were tested
    scope = f"for the {tested} speaker{'s' * (tested > 1)} tested (permutation test, "
    assert (f"no evidence that the outlets differ {scope}" in said) == (smallest >= 0.05), (smallest, said)
    assert (f"; {untested} more could not be tested)" in said) == (smallest >= 0.05), (smallest, said)
    assert "for any speaker" not in said
    assert "evidence" not in notes(fr.plot_quote_share(shares))


def test_lean_lines_and_dots_differ_in_shape_where_their_colours_print_alike(seed_sentences):
    """Regression: in a greyscale print the diverging scale's "Left" and "Right" (L* 44 and 40)
    look alike, and every line of "Sentiment along the article" and every dot of "Where each frame
    first appears" was a circle, so which line was which could not be read. Each outlet now has a
    shape of its own (lines, actor dots, first appearances), the same in every chart given the
    corpus's colours, whichever outlets the chart shows."""
    import framing as fr

    first, second = sorted(seed_sentences["article_id"].unique())
    leans = pd.concat([seed_sentences.assign(outlet=seed_sentences["article_id"].map({first: "Right", second: "Left"})),
                       seed_sentences[seed_sentences["article_id"] == second].assign(article_id=second + "-copy",
                                                                                      outlet="Center")],
                      ignore_index=True)
    colours = fr.outlet_colours(leans)
    scored = fr.add_sentiment(leans).sort_values(["article_id", "sentence_id"])
    scored = scored.assign(position=scored.groupby("article_id").cumcount()
                           / (scored.groupby("article_id")["sentence_id"].transform("size") - 1).clip(lower=1))
    ax = plots.plot_sentiment_along_article(fr.summarise_sentiment_by_position(scored, n_boot=50), colors=colours)
    lines = {line.get_label().split(" (")[0]: line.get_marker() for line in ax.get_lines() if not line.get_label().startswith("_")}
    assert set(lines) == {"Left", "Center", "Right"} and len(set(lines.values())) == 3
    assert plots.group_markers(["Right", "Left"], colours) == {o: m for o, m in
                                                             plots.group_markers(["Left", "Center", "Right"], colours).items() if o != "Center"}


def test_a_chart_exported_one_column_wide_is_laid_out_with_its_fonts_scaled(tmp_path, seed_sentences):
    """Regression: `export_figure("frame_prevalence_by_outlet", width=3.3)` on the seeds kept the
    report's font sizes at 0.7 of the width: constrained layout gave up ("axes sizes collapsed to
    zero"), the title was cut at the top and the legend drawn over the x label. Scaled fonts keep the
    chart's own layout, as if shrunk."""
    import framing as fr

    hits = fr.add_frames(seed_sentences)
    ax = plots.plot_frame_prevalence(fr.summarise_frames(hits, seed_sentences),
                                     articles=fr.article_frames(hits, seed_sentences))
    saved = plots.save_figure(ax.figure, "frames", out=tmp_path / "report", formats=["png"])
    report_size = ax.get_yticklabels()[0].get_fontsize()
    seen = {}
    original = plots.save.save_figure

    def spy(fig, *args, **kwargs):
        import warnings
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            written = original(fig, *args, **kwargs)
        seen["warnings"] = [str(w.message) for w in caught]
        seen["tick size"] = fig.axes[0].get_yticklabels()[0].get_fontsize()
        seen["title inside"] = fig.axes[0]._left_title.get_window_extent().y1 <= fig.bbox.y1 + 1
        return written

    plots.save.save_figure = spy
    try:
        plots.export_figure(str(saved["json"]), out=tmp_path / "paper", width=3.3, formats=["png"])
    finally:
        plots.save.save_figure = original
    assert not any("collapsed" in w for w in seen["warnings"]), seen["warnings"]
    assert seen["tick size"] == pytest.approx(report_size * 3.3 / plots.FIGURE_WIDTH)
    assert seen["title inside"]


def test_bars_of_the_speaker_chart_stay_tall_enough_to_read_at_the_reports_width(tmp_path):
    """Regression: on allsides-100 the chart of who is quoted drew up to four outlets' bars per
    speaker, each with its interval, about 5 points tall once saved one column wide with its legend
    below: bars and interval lines ran together. The chart is now drawn tall enough for its bars."""
    rows = [{"outlet": f"Outlet {o}", "speaker": f"Speaker {s}", "n_words": 10 + s + o, "word_share": 0.1 + 0.01 * o,
             "n_articles": 9, "ci_low": 0.05, "ci_high": 0.3}
            for s in range(7) for o in range(6) if (s + o) % 2 == 0 or s < 3]
    ax = plots.plot_quote_share(pd.DataFrame(rows))
    fig, seen = ax.figure, {}
    original = fig.savefig

    def spy(*args, **kwargs):
        fig.draw_without_rendering()
        seen["bar"] = min(p.get_window_extent().height for p in ax.patches) * 72 / fig.dpi
        return original(*args, **kwargs)

    fig.savefig = spy
    plots.save_figure(fig, "speakers", out=tmp_path, formats=["png"])
    assert seen["bar"] >= 7, seen  # points


def test_a_chart_exported_with_its_caption_keeps_plot_legend_and_caption_apart(tmp_path, shared_sentence_table):
    """Regression: `framing figure frame_prevalence_by_outlet --caption --width 3.3` of AllSides events
    401-469 drew its 640-character caption over the bars, the x label and the legend: the caption got
    at most 0.45 of the chart's own height (14 lines needed 0.6 of it), and the legend moved below the
    plot stood at the figure's foot, on the caption's last lines. The figure now grows by the
    caption's height, and the legend stands between the plot and the caption."""
    import json

    import framing as fr
    from framing.plots.images import _sized, caption_inches

    table = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides-roundups")]
    table = table.assign(n_words=table["text"].str.split().str.len())
    pages = table[table["event"].isin(table.drop_duplicates("event")["event"].head(30))]
    summary = fr.summarise_frames(fr.add_frames(pages), pages)
    ax = plots.plot_frame_prevalence(summary)
    caption = fr.caption_tests(summary, family="frame") * 2  # as long as the report's captions
    plots.add_caption(ax, caption)
    own = plots.save_figure(ax.figure, "own", out=tmp_path)
    paths = plots.save_figure(ax.figure, "captioned", out=tmp_path, caption=True, width=3.3, formats=["png"])
    height = json.loads(paths["json"].read_text())["size_inches"]["height"]
    chart = json.loads(own["json"].read_text())["size_inches"]["height"]
    fig = ax.figure
    assert len(caption) > 600 and height >= min(plots.PAGE_HEIGHT, chart + caption_inches(fig, 3.3) - 0.01)
    with _sized(fig, 3.3, height, with_caption=True, dpi=100):
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        text = next(t for t in fig.texts if t.get_gid() == plots.CAPTION_GID).get_window_extent(renderer)
        plot = ax.get_tightbbox(renderer)
        legends = [legend.get_window_extent(renderer) for legend in fig.legends if legend.get_visible()]
        assert legends  # narrower than LEGEND_BELOW_WIDTH: the legend is below the plot
        assert text.y1 <= min(legend.y0 for legend in legends) + 1  # the caption under the legend
        assert max(legend.y1 for legend in legends) <= plot.y0 + 1  # the legend under the plot and its x label
