"""The report runner (papermill, index.html, event pages, failures)."""
import json
import shutil

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing import config, report
from framing.report import index as report_index


# ── the runner ──────────────────────────────────────────────────────────────────────────────────

def _notebook(path, *cells, params='corpus = "x"\nout = None\nsave_figures = False'):
    """A small notebook: a title, a parameters cell, then the given code cells."""
    params = new_code_cell(params, metadata={"tags": ["parameters"]})
    nb = new_notebook(cells=[new_markdown_cell(f"# {path.stem}\n\nDoes it run?"), params,
                             *(new_code_cell(c) for c in cells)])
    nbformat.write(nb, path)
    return path


FIGURE = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from framing import plots
fig, ax = plt.subplots()
ax.plot([1, 2], [3, 4])
plots.save_figure(fig, "{name}", out=out, corpus=corpus, caption="A line. Corpus: test.")
plots.save_table(__import__("pandas").DataFrame({{"a": [1]}}), "{name}", out=out)"""


@pytest.fixture
def notebooks(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    return [
        _notebook(folder / "01_first.ipynb", FIGURE.format(name="first_chart")),
        _notebook(folder / "02_broken.ipynb", "x = 1", "raise ValueError('boom in the data')"),
        _notebook(folder / "03_after.ipynb", FIGURE.format(name="after_chart")),
    ]


def test_a_failing_notebook_is_named_and_the_others_still_run(tmp_path, notebooks, monkeypatch):
    monkeypatch.setattr(report, "build_corpus_tables",
                        lambda raw, processed, **options: {"articles": 2, "sentences": 5, "removed_lines": 1})
    lines = []
    raw = tmp_path / "raw" / "toy"
    raw.mkdir(parents=True)
    out = tmp_path / "reports" / "toy"
    out.mkdir(parents=True)
    (out / ".framing").write_text("made by framing")  # a report folder of an earlier run
    (out / "tables").mkdir()
    (out / "tables" / "stale.csv").write_text("a\n1\n")  # a table an earlier run wrote
    (out / "stale.txt").write_text("mine")  # a file framing never writes: the user's
    result = report.run_report(raw, processed=tmp_path / "processed" / "toy", out=out,
                               notebooks=notebooks, echo=lines.append)
    assert not result.ok
    assert [run.ok for run in result.runs] == [True, False, True]
    broken = result.runs[1]
    assert broken.error == "cell [4] `raise ValueError('boom in the data')`: ValueError: boom in the data"
    assert any("FAILED" in line and "02_broken.ipynb" in line for line in lines)
    assert sum("] ok" in line for line in lines) == 2
    assert not (out / "tables" / "stale.csv").exists()  # what framing wrote was replaced whole
    assert (out / "stale.txt").read_text() == "mine" and any("kept 1 file of yours" in line for line in lines)
    for name in ("first_chart", "after_chart"):
        assert {p.suffix for p in (out / "figures").glob(f"{name}.*")} == {".png", ".svg", ".pdf", ".json"}
        assert (out / "tables" / f"{name}.csv").exists()
    assert [f["name"] for f in result.runs[2].figures] == ["after_chart"]
    for notebook in notebooks:
        assert (out / "notebooks" / notebook.name).exists()
    page = (out / "index.html").read_text()
    assert 'src="figures/first_chart.png"' in page and "A line. Corpus: test." in page
    assert "boom in the data" in page and 'href="notebooks/02_broken.ipynb"' in page
    assert "Methods and versions" in page and "stopwords" in page and "actor_sentiment_model" in page
    assert not list(out.parent.glob(".toy.*"))  # no staging folder left behind


def test_a_rerun_after_adding_articles_says_how_many_it_reused(tmp_path, seeds_dir):
    """Regression: after two articles were added to a built corpus, `framing report` named the
    files added but not that the others were reused ("4 articles read, 4 kept …" as on a first
    build), so a user could not tell that only the new work was done; `framing build` says it."""
    import shutil

    raw = tmp_path / "raw" / "growing"
    raw.mkdir(parents=True)
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, raw / path.name)
    notebook = _notebook(tmp_path / "01_quick.ipynb", "x = 1")
    runs = []
    for added in ((), ("The harbour at Port Ellen was closed on Tuesday after a storm damaged two of its piers, "
                       "the council said.\n\nFerries were cancelled until further notice, and boats moved.\n",
                       "Markets in Tokyo fell sharply on Friday as the yen rose against the dollar, traders said.\n\n"
                       "Exporters led the fall, and the index closed at its lowest in a month.\n")):
        for index, text in enumerate(added):
            (raw / f"new{index}.txt").write_text(text, encoding="utf-8")
        lines: list[str] = []
        result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "reports",
                                   notebooks=[notebook], workers=1, echo=lines.append)
        assert result.ok, [run.error for run in result.runs]
        runs.append(next(line for line in lines if " articles read, " in line))
    assert runs[0].startswith("growing: 2 articles read, 2 kept") and "unchanged" not in runs[0]
    assert runs[1].startswith("growing: 4 articles read, 4 kept")
    assert "(2 of the articles unchanged since the last build; " in runs[1]


def test_workers_reach_the_build_and_the_notebooks(tmp_path, monkeypatch):
    built = []
    monkeypatch.setattr(report, "build_corpus_tables", lambda raw, processed, workers=None, **options:
                        built.append(workers) or {"articles": 1, "sentences": 1, "removed_lines": 0})
    (tmp_path / "data" / "raw" / "toy").mkdir(parents=True)
    folder = tmp_path / "nbs"
    folder.mkdir()
    check = _notebook(folder / "01_workers.ipynb", "assert workers == 3, workers",
                      params='corpus = "x"\nout = None\nsave_figures = False\nworkers: int | None = None')
    assert report.run_reports(root=tmp_path, notebooks=[check], workers=3, echo=[].append) == 0
    assert built == [3]


def test_a_report_of_several_corpora_ends_naming_those_that_failed(tmp_path, seeds_dir):
    """Regression: `make report` over several corpora ended in "Error 1" only, the failed corpus's
    lines far above, behind the next corpora's progress. Its last line now names the corpora that
    did not build or run every notebook."""
    raw = tmp_path / "data" / "raw"
    shutil.copytree(seeds_dir, raw / "seeds")
    (raw / "a only bad").mkdir()
    (raw / "a only bad" / "empty.txt").write_bytes(b"")
    (raw / "a only bad" / "scan.txt").write_bytes(bytes(range(256)) * 8)
    folder = tmp_path / "nbs"
    folder.mkdir()
    check = _notebook(folder / "01_check.ipynb", "assert corpus", params='corpus = "x"\nout = None\nsave_figures = False')
    lines, warnings = [], []
    assert report.run_reports(root=tmp_path, notebooks=[check], workers=1, echo=lines.append, warn=warnings.append) == 1
    assert (tmp_path / "reports" / "seeds" / "index.html").exists()
    assert warnings[-1] == ("1 of 2 corpora did not build or run every notebook: a only bad "
                            "(its lines above say why)"), warnings
    assert report.run_reports([raw / "seeds"], root=tmp_path, notebooks=[check], workers=1, echo=lines.append,
                              warn=warnings.append) == 0


def test_a_project_with_notebooks_of_its_own_is_told_which_of_framings_it_does_not_run(tmp_path, seeds_dir):
    """Regression: a project folder beside framing (data/raw/ and a notebooks/ folder holding one
    notebook of the user's own) was reported with that notebook alone, under "running 1 notebook",
    and nothing said framing's seven were left out. The framing project itself is told nothing."""
    shutil.copytree(seeds_dir, tmp_path / "data" / "raw" / "seeds")
    own = tmp_path / "notebooks"
    own.mkdir()
    _notebook(own / "01_check.ipynb", "assert corpus", params='corpus = "x"\nout = None\nsave_figures = False')
    shipped = report.list_notebooks(config.SHIPPED_NOTEBOOKS)
    lines, warnings = [], []
    assert report.run_reports(root=tmp_path, workers=1, echo=lines.append, warn=warnings.append) == 0
    [note] = [line for line in warnings if "note: the report runs" in line]
    assert note.startswith("seeds: note: the report runs the 1 notebook of ") and "the project's own folder" in note
    assert all(path.stem in note for path in shipped) and f"copy those you want from {config.SHIPPED_NOTEBOOKS}/" in note
    assert report.own_notebooks_note(config.SHIPPED_NOTEBOOKS) == ""
    for path in shipped:  # every one of framing's there (and the user's own beside them): nothing to say
        shutil.copy(path, own / path.name)
    assert report.own_notebooks_note(own) == ""


def test_notebooks_get_only_the_parameters_they_declare(tmp_path):
    values = {"corpus": "c", "out": "..", "workers": 2}
    declares = _notebook(tmp_path / "01_a.ipynb", params='corpus = "x"\nout = None')
    assert report.declared_parameters(declares, values) == {"corpus": "c", "out": ".."}
    undeclared = tmp_path / "02_b.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), undeclared)
    assert report.declared_parameters(undeclared, values) == values


def test_run_reports_exit_codes(tmp_path, notebooks, monkeypatch):
    monkeypatch.setattr(report, "build_corpus_tables",
                        lambda raw, processed, **options: {"articles": 1, "sentences": 1, "removed_lines": 0})
    (tmp_path / "data" / "raw" / "toy").mkdir(parents=True)
    quiet = []
    assert report.run_reports(root=tmp_path, notebooks=notebooks[:1], echo=quiet.append) == 0
    assert (tmp_path / "reports" / "toy" / "index.html").exists()
    assert report.run_reports(root=tmp_path, notebooks=notebooks[:2], echo=quiet.append) == 1
    assert report.run_reports(root=tmp_path / "empty", echo=quiet.append) == 2


def test_a_corpus_that_cannot_be_built_is_reported(tmp_path, notebooks):
    raw = tmp_path / "raw" / "empty"
    raw.mkdir(parents=True)
    lines = []
    result = report.run_report(raw, processed=tmp_path / "p", out=tmp_path / "r",
                               notebooks=notebooks, echo=lines.append)
    assert not result.ok and "build failed" in lines[-1]
    # it said "see `framing build <folder>`", which alone said what to do: put articles in the folder
    assert "holds no article file: put the articles in it as .txt" in lines[-1] and "framing build" not in lines[-1]
    assert not (tmp_path / "r").exists()


def test_no_notebooks_is_an_error_not_an_empty_report(tmp_path, seeds_dir):
    lines = []
    result = report.run_report(seeds_dir, processed=tmp_path / "p", out=tmp_path / "r",
                               notebooks=[], echo=lines.append)
    assert not result.ok and "no notebooks to run" in lines[-1]
    assert not (tmp_path / "r").exists() and not (tmp_path / "p").exists()


def test_a_project_folder_without_notebooks_uses_the_shipped_ones(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    shipped = report.list_notebooks(config.notebooks_dir(tmp_path))
    assert [p.name for p in shipped] == [p.name for p in report.list_notebooks(config.SHIPPED_NOTEBOOKS)]
    assert len(shipped) >= 7
    (tmp_path / "notebooks").mkdir()
    assert config.notebooks_dir(tmp_path) == tmp_path / "notebooks"


def test_a_report_names_no_folder_of_the_machine(tmp_path, seeds_dir, monkeypatch):
    """Regression: a shared report named the author's folders: each executed notebook's parameters
    cell held `corpus = "/home/<user>/…/data/processed/<corpus>"` and papermill's record the staging
    folder it was written in, and the methods table the full path of a lexicon copy. They are named
    as a user writes them (the corpus's name, `lexicons/…`), and the notebook still reads the tables."""
    import shutil

    project = tmp_path / "a-user's project"
    corpus = seeds_dir.name
    shutil.copytree(seeds_dir, project / "data" / "raw" / corpus)
    (project / "lexicons").mkdir()
    shutil.copy(config.SHIPPED_NOTEBOOKS.parent / "src" / "framing" / "data" / "stopwords.toml", project / "lexicons")
    monkeypatch.delenv("FRAMING_HOME", raising=False)
    monkeypatch.delenv("FRAMING_LEXICONS", raising=False)
    monkeypatch.chdir(project)
    frames = config.SHIPPED_NOTEBOOKS / "02_frames.ipynb"  # outside this project, as an installed one is
    assert report.run_reports([corpus], notebooks=[frames], echo=[].append) == 0
    folder = project / "reports" / corpus
    executed = (folder / "notebooks" / frames.name).read_text(encoding="utf-8")
    assert str(tmp_path) not in executed and str(config.SHIPPED_NOTEBOOKS.parent) not in executed
    assert f'corpus = \\"{corpus}\\"' in executed and "sentences (generic scheme)" in executed
    assert f"issue lexicon: data/raw/{corpus}/issue_frames.toml" in executed
    record = nbformat.read(folder / "notebooks" / frames.name, as_version=4).metadata["papermill"]
    assert (record["input_path"], record["output_path"]) == (frames.name, frames.name)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert str(tmp_path) not in page and "the project&#x27;s own copy, lexicons/stopwords.toml" in page
    # tables kept outside the project: the path from the notebooks' folder, which reruns there too
    assert config.corpus_parameter(tmp_path / "p" / corpus, notebooks=tmp_path / "r" / corpus / "notebooks") \
        == f"../../../p/{corpus}"


def test_notebook_intro_reads_title_and_question(notebooks):
    assert report.notebook_intro(notebooks[0]) == ("01_first", "Does it run?")


def test_list_notebooks_in_reading_order(tmp_path):
    for name in ("02_b.ipynb", "01_a.ipynb", ".hidden.ipynb", "notes.txt"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in report.list_notebooks(tmp_path)] == ["01_a.ipynb", "02_b.ipynb"]


# ── human input and interactive runs never lose or change the report ───────────────────────────────

CODING = """import pandas as pd
import framing as fr
from framing import plots
sentences = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "outlet": "Left Post",
                          "text": ["NATO met in Brussels.", "Troops stay home.", "Talks go on."]})
hits = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "scheme": ["generic"], "frame": ["conflict"]})
print(fr.export_coding_sheet(sentences, hits, plots.report_folder(out=out, corpus=corpus) / "coding"
                             / "coding_sheet_generic.csv", n=3))"""


def test_a_filled_coding_sheet_survives_a_rerun_and_new_sheets_get_new_names(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "build_corpus_tables",
                        lambda raw, processed, workers=None, **options: {"articles": 1, "sentences": 3, "removed_lines": 0})
    raw = tmp_path / "raw" / "toy"
    raw.mkdir(parents=True)
    out = tmp_path / "reports" / "toy"
    sheet_nb = [_notebook(tmp_path / "02_coding.ipynb", CODING)]

    lines = []

    def run():
        lines.clear()
        result = report.run_report(raw, processed=tmp_path / "processed" / "toy", out=out,
                                   notebooks=sheet_nb, echo=lines.append)
        assert result.ok, [r.error for r in result.runs]

    run()
    assert not any("kept in coding/" in line for line in lines)  # nothing of a coder's yet
    sheet = out / "coding" / "coding_sheet_generic.csv"
    filled = pd.read_csv(sheet).assign(coder="ana", conflict=[1, 0, 0])
    filled.to_csv(sheet, index=False)
    (out / "coding" / "ana_notes").mkdir()
    (out / "coding" / "ana_notes" / "doubts.txt").write_text("row 2: unsure")
    (out / "tables").mkdir(exist_ok=True)
    (out / "tables" / "coding_sheet_policy.csv").write_text("article_id,coder\na,bo\n")  # where sheets used to go
    before = {p: p.read_bytes() for p in (out / "coding").rglob("*") if p.is_file() and p.name != ".framing-files.json"}
    run()
    for path, content in before.items():
        assert path.read_bytes() == content, f"{path} changed"
    fresh = out / "coding" / "coding_sheet_generic_2.csv"
    assert fresh.exists() and pd.read_csv(fresh)["conflict"].isna().all()
    assert (out / "coding" / "coding_sheet_policy.csv").read_text() == "article_id,coder\na,bo\n"
    # the console names the sheets kept and where this run's blank sheet went (a coder looked for it in vain)
    assert ("toy: kept in coding/ what coders filled in, edited or saved there: ana_notes/doubts.txt, "
            "coding_sheet_generic.csv, coding_sheet_policy.csv (never replaced; this run's blank sheets: "
            "coding_sheet_generic_2.csv)") in lines, [line for line in lines if "coding/" in line]
    page = (out / "index.html").read_text()
    assert 'href="coding/coding_sheet_generic.csv"' in page and "coding_sheet_generic_2.csv" in page
    run()  # the same data again: the unfilled sheet is reused, not copied once more
    assert sorted(p.name for p in (out / "coding").glob("*.csv")) == \
        ["coding_sheet_generic.csv", "coding_sheet_generic_2.csv", "coding_sheet_policy.csv"]


def test_a_rerun_on_changed_data_replaces_the_blank_sheet_instead_of_adding_one(tmp_path, monkeypatch):
    """Blank coding sheets piled up in coding/ (one more per rerun after an article was added):
    framing's own unchanged sheet is now replaced; a sheet a coder started is kept and the new blank
    sheet beside it is the one replaced next time."""
    monkeypatch.setattr(report, "build_corpus_tables",
                        lambda raw, processed, workers=None, **options: {"articles": 1, "sentences": 3, "removed_lines": 0})
    raw = tmp_path / "raw" / "toy"
    raw.mkdir(parents=True)
    out = tmp_path / "reports" / "toy"
    rows = tmp_path / "rows.txt"  # how many sentences the corpus has: the data a rerun sees
    code = CODING.replace(
        "print(fr.export", f"sentences = sentences.head(int(open({str(rows)!r}).read()))\nprint(fr.export")
    sheet_nb = [_notebook(tmp_path / "02_coding.ipynb", code)]
    sheet = out / "coding" / "coding_sheet_generic.csv"

    def run(n):
        rows.write_text(str(n))
        result = report.run_report(raw, processed=tmp_path / "processed" / "toy", out=out,
                                   notebooks=sheet_nb, echo=[].append)
        assert result.ok, [r.error for r in result.runs]
        return sorted(p.name for p in (out / "coding").glob("*.csv"))

    assert run(2) == ["coding_sheet_generic.csv"]
    assert run(3) == ["coding_sheet_generic.csv"] and len(pd.read_csv(sheet)) == 3
    pd.read_csv(sheet).assign(coder="ana").to_csv(sheet, index=False)
    started = sheet.read_bytes()
    assert run(2) == ["coding_sheet_generic.csv", "coding_sheet_generic_2.csv"]
    assert run(3) == ["coding_sheet_generic.csv", "coding_sheet_generic_2.csv"]
    assert sheet.read_bytes() == started and len(pd.read_csv(out / "coding" / "coding_sheet_generic_2.csv")) == 3
    assert ".framing-files.json" not in (out / "index.html").read_text()  # framing's list is no sheet


def test_index_shows_each_caption_once_and_links_every_file(tmp_path):
    figure = {"name": "frames", "caption": "Frames by outlet. Corpus: toy · n = 3 sentences.",
              "files": {"png": "frames.png", "svg": "frames.svg", "pdf": "frames.pdf", "json": "frames.json"},
              "plot": {"function": "plot_frame_prevalence", "data": "frames.data.parquet"}}
    run = report.NotebookRun("02_frames.ipynb", "Frames", "Which frames?", figures=[figure])
    page = report.write_index(report.Report("toy", tmp_path, [run]), tmp_path, build_info={}, kernel="python3")
    text = page.read_text()
    assert text.count("Frames by outlet. Corpus: toy") == 1
    for name in ("frames.png", "frames.svg", "frames.pdf", "frames.data.parquet", "frames.json"):
        assert f'href="figures/{name}"' in text, name
    assert "PNG (200 dpi)" in text


def test_an_interactive_run_of_a_notebook_leaves_the_report_byte_identical(tmp_path, seeds_dir, monkeypatch):
    """A user opens notebook 02 with its defaults (out=None, save_figures=True), filters it to one
    outlet and runs it: the figures go to reports/_scratch/<corpus>/, the report is untouched."""
    import shutil

    import papermill

    from framing.build import build_corpus

    corpus = seeds_dir.name
    shutil.copytree(seeds_dir, tmp_path / "data" / "raw" / corpus)
    build_corpus(tmp_path / "data" / "raw" / corpus, tmp_path / "data" / "processed" / corpus, workers=1)
    published = tmp_path / "reports" / corpus
    (published / "figures").mkdir(parents=True)
    (published / "figures" / "frame_prevalence_by_outlet.png").write_bytes(b"the published chart")
    (published / "coding").mkdir()
    (published / "coding" / "coding_sheet_generic.csv").write_text("article_id,coder,conflict\na,ana,1\n")
    before = {p: p.read_bytes() for p in published.rglob("*") if p.is_file()}
    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    notebook = config.SHIPPED_NOTEBOOKS / "02_frames.ipynb"
    outlet = pd.read_parquet(tmp_path / "data" / "processed" / corpus / "articles.parquet")["outlet"].iloc[0]
    papermill.execute_notebook(str(notebook), str(tmp_path / "run.ipynb"), cwd=str(tmp_path),
                               parameters={"corpus": corpus, "outlets": [outlet]}, kernel_name="python3",
                               progress_bar=False, execution_timeout=600)
    after = {p: p.read_bytes() for p in published.rglob("*") if p.is_file()}
    assert after == before
    scratch = tmp_path / "reports" / "_scratch" / corpus
    record = json.loads((scratch / "figures" / "frame_prevalence_by_outlet.json").read_text())
    assert record["parameters"]["outlets"] == [outlet]
    assert (scratch / "coding" / "coding_sheet_generic.csv").exists()


def test_design_notes_name_one_outlet_and_articles_without_an_event(shared_data):
    """A corpus of one outlet compares nothing, and files without an event beside an export that
    names events become one event of unrelated articles: both are said before any chart."""
    rows = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    three = rows[rows["event_id"].isin(sorted(rows["event_id"].unique())[:3])]
    export = pd.DataFrame({"outlet": three["outlet"], "event": three["event_id"], "source_file": "export.csv"})
    pages = pd.DataFrame({"outlet": ["TechCrunch", "Vox", "SputnikInt", "POLYGRAPH.info"],
                          "event": "mixed", "source_file": [f"pages/p{i}.html" for i in range(4)]})
    assert report.design_notes(export, "mixed") == []
    notes = report.design_notes(pd.concat([export, pages]), "mixed")
    assert len(notes) == 1 and notes[0].startswith("4 articles name no event (pages/p0.html, pages/p1.html, "
                                                   "pages/p2.html and 1 more)") and "manifest.csv" in notes[0]
    one = report.design_notes(export.assign(outlet="Reuters"), "mixed")
    assert len(one) == 1 and one[0].startswith("one outlet only (Reuters)")
    assert report.design_notes(pages.assign(event="mixed"), "mixed") == []  # one event: the corpus's own
    # Regression: 14 articles of 12 files (an export's rows among them) read "14 articles name no
    # event (big.txt, blog.txt, copy A.txt and 9 more)", 12 names for 14 articles.
    rows_too = pd.concat([export, pages, pages.iloc[:1].assign(source_file="rows.csv"),
                          pages.iloc[:1].assign(source_file="rows.csv")])
    notes = report.design_notes(rows_too, "mixed")
    assert notes[0].startswith("6 articles name no event (in 5 files: pages/p0.html, pages/p1.html, "
                               "pages/p2.html and 2 more)")


def test_design_note_for_one_article_without_an_event_reads_in_the_singular(shared_data, seeds_dir):
    """Regression: a seed page dropped beside the allsides-100 export printed "1 article name no
    event (dropped_page.txt) and are taken together as one event … compared as if they covered one
    story": one article is no comparison of anything."""
    rows = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    three = rows[rows["event_id"].isin(sorted(rows["event_id"].unique())[:3])]
    export = pd.DataFrame({"outlet": three["outlet"], "event": three["event_id"], "source_file": "export.jsonl"})
    page = next(seeds_dir.glob("000_*.txt")).name
    dropped = pd.DataFrame({"outlet": ["Islamic Voice News"], "event": ["mixed"], "source_file": [page]})
    notes = report.design_notes(pd.concat([export, dropped]), "mixed")
    assert len(notes) == 1
    assert notes[0].startswith(f"1 article names no event ({page}) and is taken as an event of its own, 'mixed'")
    assert "together" not in notes[0] and "covered one story" not in notes[0] and "manifest.csv" in notes[0]


def test_the_methods_state_the_statistics_the_library_runs():
    """A researcher copies the report's methods into a paper: the statistics paragraph must say what
    the library's defaults do (unit, minimum articles, shuffles, corrections, threshold), so a change
    of default that the text does not follow fails here."""
    import inspect

    from framing import events, frames, keywords, stats

    text = report.statistics_paragraph()
    assert f"none below {stats.MIN_ARTICLES} articles" in text and "unit of analysis is the article" in text
    assert inspect.signature(stats.permutation_test).parameters["n_permutations"].default == 1999
    assert "1,999 shuffles" in text and "within events" in text
    assert inspect.signature(frames.summarise_frames).parameters["correction"].default == "holm"
    assert "Holm" in text and "Benjamini–Hochberg" in text
    assert f"from {events.MIN_EVENTS_FOR_TEST} events" in text
    assert inspect.signature(keywords.log_odds_threshold).parameters["quantile"].default == 0.95
    assert "95th percentile of the largest |z|" in text
    assert inspect.signature(stats.within_event_effects).parameters["min_events"].default == stats.MIN_ARTICLES
    # Regression: the paragraph named "Wilcoxon signed-rank and exact sign tests" as if either p could
    # be quoted (the table showed the sign test's unadjusted p), and gave the median no interval.
    pairs = events.compare_within_events(pd.DataFrame({"event": ["e1", "e1"], "outlet": ["A", "B"], "sentiment": [0.1, 0.2]}))
    assert "robustness_p_sign_adjusted" in pairs and "median_ci_low" in pairs and "p_sign" not in pairs
    assert "the exact sign test, adjusted the same way, is reported as a robustness check" in text
    assert "median difference with its distribution-free 95% interval from the order statistics" in text
    assert f"coverage {stats.MEASURED_EVENT_COVERAGE} on simulated corpora" in text
    # the tests notebooks 02 and 03 run beside their pooled tables, and what a ranked chart says on itself
    assert "the share of articles carrying each" in text and "the two voices" in text
    assert "says on itself when the test finds no difference that its order may be chance" in text
    # regression: the speakers' tests were said to be adjusted "across the speakers shown", while the
    # family is the most quoted speakers and the chart leaves out any that no outlet shown quotes
    assert "speakers shown" not in text and "the most quoted speakers" in text
    html_text = report_index._methods_html({}, "python3")
    assert 'id="statistics"' in html_text and "Phipson &amp; Smyth 2010" in html_text


def test_the_index_of_the_seed_report_says_first_what_two_articles_cannot_show(tmp_path, seeds_dir):
    """Regression: the index of the seed report (one event, one article from each of two outlets)
    only pointed to the event's page; a reader who copied its "Sentiment by outlet" chart learnt
    from the caption that nothing was tested, but nowhere on the index that each outlet's value is
    one article's, so a gap between the outlets says nothing of how either writes."""
    from framing.build import build_corpus

    processed = tmp_path / "processed" / seeds_dir.name
    build_corpus(seeds_dir, processed, workers=1)
    pages, error = report.write_event_pages(processed, tmp_path / "out", corpus=seeds_dir.name, workers=1)
    assert error is None and len(pages) == 1 and int(pages["n_articles"].iloc[0]) == int(pages["n_outlets"].iloc[0]) == 2
    index = report.write_index(report.Report(seeds_dir.name, tmp_path / "out", [], events=pages), tmp_path / "out",
                               build_info={}, kernel="python3").read_text(encoding="utf-8")
    said = index[index.index('class="main-view"'):]
    said = said[:said.index("</p>")]
    assert "Each outlet has one article here, so nothing can be tested" in said
    assert "a gap between two outlets is a gap between two articles" in said
    # with several articles per outlet on one event a test can run: the index says only that it is one story
    assert "nothing can be tested" not in report_index.one_event_limits(6, 2)
    assert "this story" in report_index.one_event_limits(6, 2)


def test_the_index_says_a_test_of_all_outlets_once_not_on_every_outlets_row(tmp_path, shared_data):
    """Regression: the index previewed frame_prevalence_by_outlet.csv with `p_value` and `p_adjusted`
    on every outlet's row ("ABC News (Online) … 0.667 1.0 Holm across 5 tests" on allsides-100),
    where a reader takes it for a test of that outlet; it is one test of all outlets per frame. The
    preview now says each test once above the table and leaves those columns to the CSV."""
    import framing as fr
    from framing.segment import split_table

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    events = sorted({r["event_id"] for r in rows})[:40]
    sentences = split_table(pd.DataFrame([{"article_id": f"a{i}", "outlet": r["outlet"], "event": r["event_id"],
                                           "text": r["text"]} for i, r in enumerate(rows) if r["event_id"] in events]),
                            by="article_id").assign(kind="body")
    sentences["n_words"] = sentences["text"].str.split().str.len()
    summary = fr.summarise_frames(fr.add_frames(sentences), sentences)
    assert summary["p_value"].notna().all()
    (tmp_path / "tables").mkdir()
    summary.to_csv(tmp_path / "tables" / "frame_prevalence_by_outlet.csv", index=False)
    pairs = pd.DataFrame({"outlet_a": ["A", "A"], "outlet_b": ["B", "C"], "p_wilcoxon": [0.2, 0.03],
                          "p_adjusted": [0.2, 0.06]})  # a test per row: shown as it is
    pairs.to_csv(tmp_path / "tables" / "pairs.csv", index=False)
    run = report.NotebookRun("02_frames.ipynb", "Frames", "Which frames?",
                             tables=["frame_prevalence_by_outlet.csv", "pairs.csv"])
    text = report.write_index(report.Report("roundups", tmp_path, [run]), tmp_path, build_info={},
                              kernel="python3").read_text(encoding="utf-8")
    framed = text[text.index("frame_prevalence_by_outlet.csv</a>"):text.index("pairs.csv</a>")]
    n = summary["outlet"].nunique()
    assert f"one test of all {n} outlets together per frame, repeated on every row of the CSV" in framed
    conflict = summary[summary["frame"] == "conflict"].iloc[0]
    assert f"conflict p = {conflict['p_value']:.3g}, adjusted {conflict['p_adjusted']:.3g}" in framed
    assert "<th>p_value</th>" not in framed and "<th>p_adjusted</th>" not in framed and "<th>share</th>" in framed
    assert "<th>p_wilcoxon</th>" in text[text.index("pairs.csv</a>"):]
    # Regression: the preview (and the CSV) gave "n_events 100" on every outlet's row of allsides-100,
    # read as the events each outlet covered (ABC News covers 5); it is the events the test compared.
    assert "n_events" not in summary and set(summary["n_events_tested"]) == {40}
    assert "<th>n_events_tested</th>" not in framed and "40 events" in framed


def test_the_index_counts_the_content_sentences_the_tables_count_and_names_whose_headline(tmp_path, seeds_dir):
    """Regression: the seed report's index said "2 articles, 50 sentences", counting the byline and
    the date, while every table counts the 48 content sentences; and the events table's column "a
    headline" did not say which outlet wrote it."""
    from framing.store import load_sentences

    run = report.run_report(seeds_dir, processed=tmp_path / "processed" / seeds_dir.name, out=tmp_path / "out",
                            notebooks=[_notebook(tmp_path / "01_x.ipynb", "x = 1")], echo=[].append)
    built = json.loads((tmp_path / "processed" / seeds_dir.name / "build.json").read_text(encoding="utf-8"))
    content = len(load_sentences(tmp_path / "processed" / seeds_dir.name))
    assert content < built["sentences"]  # the seeds have a byline and a date
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f"{content} content sentences ({built['sentences']} with bylines and dates)" in page, page[:2000]
    assert f"{built['sentences']} sentences," not in page
    pages = run.events
    titles = load_sentences(tmp_path / "processed" / seeds_dir.name).query("kind == 'headline'")
    assert pages["headline_outlet"].iloc[0] in set(titles.loc[titles["text"] == pages["headline"].iloc[0], "outlet"])
    two = pd.DataFrame([{"event": "e1", "file": "events/e1.html", "n_outlets": 2, "n_articles": 2,
                         "headline": pages["headline"].iloc[0], "headline_outlet": pages["headline_outlet"].iloc[0]},
                        {"event": "e2", "file": "events/e2.html", "n_outlets": 1, "n_articles": 1,
                         "headline": "", "headline_outlet": ""}], columns=report.EVENT_PAGE_COLUMNS)
    index = report.write_index(report.Report("two", tmp_path / "two", [], events=two), tmp_path / "two",
                               build_info={}, kernel="python3").read_text(encoding="utf-8")
    assert "<th>one outlet&#x27;s headline</th>" in index or "<th>one outlet's headline</th>" in index
    assert f"<b>{pages['headline_outlet'].iloc[0]}</b>: " in index


def test_a_corpus_of_excerpts_is_said_to_be_one(tmp_path, shared_data, seed_build):
    """AllSides roundups show each outlet's opening lines cut with "...": a report on them is a
    report on excerpts, which a reader must know before reading lengths or what only one outlet
    reports. Whole articles (the seeds) get no such note."""
    from framing.build import build_tables

    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(12))]
    corpus = tmp_path / "roundups"
    corpus.mkdir()
    pd.DataFrame({"outlet": [r["outlet"] for r in rows], "event": [r["event_id"] for r in rows],
                  "text": [r["text"] for r in rows]}).to_json(corpus / "export.jsonl", orient="records", lines=True)
    sentences = build_tables(corpus).sentences
    cut = sum(r["text"].rstrip().endswith(("...", "\u2026")) for r in rows)
    assert cut > 6  # most of these excerpts end cut
    [note] = report.excerpt_notes(sentences)
    assert note.startswith(f"{cut} of 12 articles end in an ellipsis")
    assert report.excerpt_notes(seed_build.sentences) == []
