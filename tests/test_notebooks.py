"""Every notebook in notebooks/ follows the house rules and runs end to end, through the report
runner, on the seed corpus and on a multi-outlet corpus built from ../shared/data/allsides-roundups."""
import ast
import json
from pathlib import Path

import nbformat
import pytest

from framing import plots, report

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = report.list_notebooks(ROOT / "notebooks")
IDS = [p.name for p in NOTEBOOKS]
ALLSIDES_EVENTS = 20  # events of three outlets each: 60 articles
# the report fixtures run every notebook twice over (seed and 60-article corpus) on a shared machine
pytestmark = pytest.mark.timeout(1800)


def _read(path):
    return nbformat.read(path, as_version=4)


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name.startswith("01_")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_notebook_has_no_outputs(path):
    for number, cell in enumerate(_read(path).cells):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"cell {number} has outputs"
    # every cell has its own id, as the notebook format asks since 4.5 (nbformat warns, later refuses)
    ids = [cell.get("id") for cell in json.loads(Path(path).read_text(encoding="utf-8"))["cells"]]
    assert all(ids) and len(set(ids)) == len(ids), ids


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_follows_the_house_rules(path):
    nb = _read(path)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    title, question = report.notebook_intro(path)
    assert title and question, "the first cell names the notebook and the question it answers"
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "one cell tagged `parameters`"
    for node in ast.parse(tagged[0].source).body:  # plain literals only
        assert isinstance(node, ast.Assign), f"parameters cell: {ast.unparse(node)}"
        ast.literal_eval(node.value)
    names = {t.id for node in ast.parse(tagged[0].source).body for t in node.targets}
    assert set(report.NOTEBOOK_PARAMETERS) <= names
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "import framing as fr" in code
    for node in ast.walk(ast.parse(code)):
        assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), \
            "no function or class definitions in notebooks: put them in the library"


def _allsides_corpus(shared_data: Path, folder: Path) -> Path:
    """A JSON-lines corpus of the first events (by id) that three outlets covered."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    by_event: dict[str, list[dict]] = {}
    for row in rows:
        by_event.setdefault(row["event_id"], []).append(row)
    events = sorted(e for e, members in by_event.items() if len(members) == 3)[:ALLSIDES_EVENTS]
    folder.mkdir(parents=True)
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as handle:
        for event in events:
            for row in by_event[event]:
                keep = {k: row[k] for k in ("text", "outlet", "title", "url", "event_id")}
                handle.write(json.dumps(keep, ensure_ascii=False) + "\n")
    return folder


def _run(raw: Path, tmp: Path):
    lines: list[str] = []
    result = report.run_report(raw, processed=tmp / "processed" / raw.name, out=tmp / "reports" / raw.name,
                               notebooks=NOTEBOOKS, echo=lines.append)
    return result, lines


@pytest.fixture(scope="module")
def seed_report(seeds_dir, tmp_path_factory):
    return _run(seeds_dir, tmp_path_factory.mktemp("seed-report"))


@pytest.fixture(scope="module")
def allsides_report(shared_data, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("allsides-report")
    return _run(_allsides_corpus(shared_data, tmp / "raw" / "allsides-sample"), tmp)


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_every_notebook_runs_and_makes_its_figures(which, request):
    result, lines = request.getfixturevalue(which)
    assert result.error is None, result.error
    failures = [f"{run.notebook}: {run.error}" for run in result.runs if not run.ok]
    assert not failures, "\n".join(failures)
    assert [run.notebook for run in result.runs] == IDS
    for run in result.runs:
        assert run.figures, f"{run.notebook} saved no figure"
        for figure in run.figures:
            for name in figure["files"].values():
                assert (result.folder / "figures" / name).stat().st_size > 0
            assert figure["caption"] and "n = " in figure["caption"]
        executed = _read(result.folder / "notebooks" / run.notebook)
        errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs
                  if o.output_type == "error"]
        assert not errors
    assert (result.folder / "index.html").exists()
    assert sum(" ok " in line for line in lines) == len(IDS)  # one result line per notebook
    # and before each notebook, a line naming it, so a long run never leaves a silent console
    assert [line.split()[-1] for line in lines if " running " in line and line.startswith("  [")] == IDS
    assert not any("reply never reached" in line for line in lines)  # no stall, not even one retried


def test_notebook_01_shows_evidence_and_the_multi_outlet_counts(allsides_report):
    result, _ = allsides_report
    executed = _read(result.folder / "notebooks" / "01_corpus_and_cleaning.ipynb")
    html = "".join(o.get("data", {}).get("text/html", "") for c in executed.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert 'class="fr-evidence"' in html
    import pandas as pd
    per_outlet = pd.read_csv(result.folder / "tables" / "articles_per_outlet.csv")
    assert per_outlet["n_articles"].sum() == 3 * ALLSIDES_EVENTS
    assert per_outlet["outlet"].nunique() > 3


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_executed_notebooks_name_no_folder_of_the_machine_and_show_no_nan(which, request):
    """Regression: each executed notebook held the tables' full path (parameters cell, papermill's
    record), and its tables showed NaN where the prose says a value is left empty."""
    result, _ = request.getfixturevalue(which)
    machine = str(result.folder.parent.parent)  # the folder the test's project lies in
    for run in result.runs:
        path = result.folder / "notebooks" / run.notebook
        assert machine not in path.read_text(encoding="utf-8"), run.notebook
        html = "".join(o.get("data", {}).get("text/html", "") for c in _read(path).cells if c.cell_type == "code"
                       for o in c.outputs)
        assert ">NaN<" not in html and "&lt;NA&gt;" not in html and ">None<" not in html, run.notebook


def _printed(path) -> str:
    return "".join(o.get("text", "") for c in _read(path).cells if c.cell_type == "code" for o in c.outputs)


def test_seed_report_shows_article_values_and_claims_no_interval_or_test(seed_report):
    # Issue 15: with one article per outlet the report resampled sentences and called it an interval.
    import pandas as pd

    from framing.stats import NO_INTERVAL, NOTHING_TO_TEST
    result, _ = seed_report
    tables = result.folder / "tables"
    tone = pd.read_csv(tables / "sentiment_by_outlet.csv")
    assert tone["n_articles"].tolist() == [1, 1] and tone["ci_low"].isna().all()
    assert set(tone["interval"]) == {NO_INTERVAL}
    frames = pd.read_csv(tables / "frame_prevalence_by_outlet.csv")
    assert frames["p_value"].isna().all() and set(frames["note"]) == {NOTHING_TO_TEST}
    assert NOTHING_TO_TEST in _printed(result.folder / "notebooks" / "03_sentiment.ipynb")
    assert NOTHING_TO_TEST in _printed(result.folder / "notebooks" / "02_frames.ipynb")
    figure = json.loads((result.folder / "figures" / "distinctive_words_log_odds.json").read_text())
    assert "no threshold" in figure["caption"] and "1.96" not in figure["caption"]
    # Regression: the captions of these charts, with no interval on them, described "bars: nominal 95%
    # t interval over articles (measured coverage 91–92% …)" as if intervals were drawn.
    for name in ("sentiment_by_outlet", "summary_sentiment", "frame_prevalence_by_outlet", "summary_frames",
                 "sentiment_along_article"):
        caption = json.loads((result.folder / "figures" / f"{name}.json").read_text())["caption"]
        assert "no interval: every outlet has fewer than 5 articles" in caption, (name, caption)
        assert "nominal 95%" not in caption and "coverage" not in caption, (name, caption)
    for name in ("sentiment_by_outlet", "summary_sentiment", "frame_prevalence_by_outlet", "summary_frames"):
        caption = json.loads((result.folder / "figures" / f"{name}.json").read_text())["caption"]
        assert f"No test: {NOTHING_TO_TEST}." in caption and "p = " not in caption, (name, caption)


def test_multi_event_report_tests_over_articles_within_events(allsides_report):
    import pandas as pd
    result, _ = allsides_report
    frames = pd.read_csv(result.folder / "tables" / "frame_prevalence_by_outlet.csv")
    assert frames["p_value"].between(0, 1).all() and frames["correction"].str.startswith("Holm across").all()
    figure = json.loads((result.folder / "figures" / "distinctive_words_log_odds.json").read_text())
    assert "shuffles of outlets among articles" in figure["caption"]
    # Regression: the frame and sentiment charts named their intervals, never the test of whether the
    # outlets differ; the report's index shows the charts but not the lines the notebooks print.
    outlets = frames["outlet"].nunique()
    for name in ("frame_prevalence_by_outlet", "summary_frames", "sentiment_by_outlet", "summary_sentiment",
                 "sentiment_on_same_events"):
        caption = json.loads((result.folder / "figures" / f"{name}.json").read_text())["caption"]
        assert (f"Do the {outlets} outlets differ? One test of all of them, by permutation of outlet labels "
                f"over articles within {ALLSIDES_EVENTS} events") in caption, (name, caption)
        assert "no evidence of a difference, so the order of the outlets may be chance." in caption or "evidence at 0.05 that the outlets differ" in caption
    frame_caption = json.loads((result.folder / "figures" / "frame_prevalence_by_outlet.json").read_text())["caption"]
    assert ", one per frame, Holm across 5 tests: adjusted p below 0.05 for " in frame_caption


def test_keyness_is_saved_as_a_ranking_without_p_values(allsides_report):
    """Regression: `keyness.csv` (and the chart's data) carried a chi-square `p_value` per term
    (3e-06 for "shot", ABC News, on allsides-100) computed as if every word were an independent
    draw, beside a caption calling G² "a ranking, not a test": a p-value a paper could quote."""
    import pandas as pd

    result, _ = allsides_report
    for path in (result.folder / "tables" / "keyness.csv", result.folder / "figures" / "keyness.data.parquet"):
        table = pd.read_csv(path) if path.suffix == ".csv" else pd.read_parquet(path)
        assert {"g2", "log_ratio"} <= set(table.columns) and not {"p_value", "chi2"} & set(table.columns), path
    assert "a ranking, not a test" in _figures(result)["keyness"]["caption"]


def test_one_outlet_corpus_runs_and_says_what_needs_two(seeds_dir, tmp_path):
    """A corpus of one outlet (issue 13: "log_odds needs at least two groups") runs every notebook;
    the analyses that compare outlets say in a sentence that they need a second one."""
    import shutil

    raw = tmp_path / "raw" / "one-outlet"
    raw.mkdir(parents=True)
    shutil.copy(next(seeds_dir.glob("000_*.txt")), raw / "only.txt")
    chosen = [p for p in NOTEBOOKS if p.name.startswith(("04_", "07_"))]
    lines: list[str] = []
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "reports",
                               notebooks=chosen, workers=1, echo=lines.append)
    assert result.ok, [run.error for run in result.runs]
    for run in result.runs:
        executed = _read(result.folder / "notebooks" / run.notebook)
        printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code"
                          for o in c.outputs if o.output_type == "stream")
        assert "this corpus has one outlet: add articles from a second outlet" in printed
    shown = "".join(str(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for run in result.runs
                    for c in _read(result.folder / "notebooks" / run.notebook).cells if c.cell_type == "code"
                    for o in c.outputs)
    assert " in 1 outlet; " in shown and "1 article from 1 outlet, " in shown  # not "1 articles from 1 outlets"


def test_across_outlets_of_one_outlet_draws_no_map_of_what_only_it_reports(shared_data, tmp_path):
    """Regression: on a corpus of one outlet (three Fox News articles as one export) notebook 06 drew
    the alignment map with every sentence hollow, "only this outlet", and listed every sentence as
    one no other outlet reports and as one every other outlet reports, with "1 outlets" above. It
    now says what a second outlet would show, and draws and saves none of it."""
    rows = [json.loads(line) for line in (shared_data / "narrative-frames-dev" / "articles.jsonl")
            .open(encoding="utf-8")]
    raw = tmp_path / "raw" / "fox-only"
    raw.mkdir(parents=True)
    with open(raw / "fox.jsonl", "w", encoding="utf-8") as handle:
        for row in [r for r in rows if r["outlet"] == "foxnews"][:3]:
            handle.write(json.dumps({"outlet": "Fox News", "text": row["text"]}) + "\n")
    chosen = [p for p in NOTEBOOKS if p.name.startswith("06_")]
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "reports",
                               notebooks=chosen, workers=1, echo=lambda line: None)
    assert result.ok, [run.error for run in result.runs]
    executed = _read(result.folder / "notebooks" / chosen[0].name)
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code"
                      for o in c.outputs if o.output_type == "stream")
    assert "1 outlet, 3 articles, " in printed
    assert printed.count("this corpus has one outlet: add articles from a second outlet") == 1  # (said once, not per section)
    assert printed.count("One outlet on this event: see the note under the first section.") == 2
    assert "alignment_map" not in _figures(result)
    assert not (result.folder / "tables" / "exclusive_facts.csv").exists()
    assert "frame_prominence" in _figures(result)


def _figures(result) -> dict:
    return {path.stem: json.loads(path.read_text()) for path in (result.folder / "figures").glob("*.json")}


PER_ARTICLE_CHARTS = {"article_lengths", "lines_kept_and_removed_by_article", "removed_lines_by_rule"}


def test_every_chart_by_outlet_of_several_events_says_it_pools_them(allsides_report):
    """Regression: on allsides-100 (100 events) the frame, sentiment, keyword and quote charts of
    notebooks 02-05 put every article of an outlet together whatever its event, and only notebook
    07 said so; a reader took "Fox News is more negative" for a comparison on the same stories."""
    import re

    result, _ = allsides_report
    for name, figure in _figures(result).items():
        if name in PER_ARTICLE_CHARTS:
            continue
        caption = figure["caption"]
        assert (re.search(r"pooled over [\d,]+ events", caption.lower()) or "(event " in caption
                or caption.startswith("Outlets compared within events") or "on the same events" in caption), (name, caption)


def test_charts_of_values_over_articles_count_their_articles(allsides_report):
    """Regression: the summary's frame and sentiment charts, means over articles, gave n in
    sentences only ("n = 1,390 sentences"), and the frame chart called its bars a share of
    sentences."""
    import pandas as pd

    result, _ = allsides_report
    for name, figure in _figures(result).items():
        data = result.folder / "figures" / f"{name}.data.parquet"
        if not data.exists() or "n_articles" not in pd.read_parquet(data).columns:
            continue
        counts = figure["caption"].split("n = ", 1)[1]
        assert " articles" in counts, (name, figure["caption"])
        assert not figure["caption"].startswith("Share of sentences"), (name, figure["caption"])


def test_summary_distinctive_words_leave_out_outlet_names_and_draw_the_calibrated_line(allsides_report):
    """Regression: the summary's word chart showed "axios · Axios" (an outlet's own name, which
    notebook 04 sets aside) and no threshold, so every bar read as a distinctive word."""
    import pandas as pd

    import framing as fr

    result, _ = allsides_report
    odds = pd.read_csv(result.folder / "tables" / "summary_distinctive_words.csv")
    sentences = fr.load_sentences(result.folder.parents[1] / "processed" / result.folder.name)
    marked = fr.unnest_tokens(sentences).pipe(fr.mark_set_aside)
    assert (marked["set_aside"] != "").any()
    kept = marked[marked["set_aside"] == ""].groupby(["outlet", "term"]).size()
    counted = odds[odds["count"] > 0].set_index(["outlet", "term"])["count"]
    wrong = counted[counted.ne(kept.reindex(counted.index).fillna(0))]
    assert wrong.empty, wrong.head(10)  # every word counted is a word kept: no outlet names, no house style
    figure = json.loads((result.folder / "figures" / "summary_distinctive_words.json").read_text())
    assert "shuffles of outlets among articles" in figure["caption"]
    assert figure["plot"]["arguments"].get("threshold") is not None


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_printed_counts_agree_with_their_nouns(which, request):
    """Regression: notebook 07 printed "48 sentences, 1 events" on the seeds, notebook 04 "1 terms
    pass the calibrated threshold" on allsides-100."""
    import re

    result, _ = request.getfixturevalue(which)
    for run in result.runs:
        printed = _printed(result.folder / "notebooks" / run.notebook)
        wrong = re.findall(r"(?<![\d.,])1 (?:events|terms|outlets|articles|sentences|quotes|speakers)\b", printed)
        assert not wrong, (run.notebook, wrong)


def test_each_permutation_test_is_said_once_and_not_on_every_outlets_row(allsides_report):
    """Regression: notebook 03 showed p = 0.957 and "n_events 100" on each of 72 outlets' rows (an
    outlet of one article "in 100 events"), notebook 02 a p-value on every outlet and frame, read as
    a test of that outlet; the test asks whether the outlets differ at all."""
    import pandas as pd

    result, _ = allsides_report
    frames = pd.read_csv(result.folder / "tables" / "frame_prevalence_by_outlet.csv")
    for name, tests in (("02_frames.ipynb", frames["frame"].nunique()), ("03_sentiment.ipynb", 1)):
        executed = _read(result.folder / "notebooks" / name)
        printed = _printed(result.folder / "notebooks" / name)
        assert sum("one test of all" in line for line in printed.splitlines()  # (02 tests carried frames too,
                   if not line.startswith(("articles carrying the frame", "headline share minus body share",
                                               "mean sentiment, ", "sentiment toward, "))
                   ) == tests  # 03 voices and actors, 02 headline against body)
        cell = next(c for c in executed.cells if c.cell_type == "code" and "fr.describe_tests(" in c.source)
        shown = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
        assert shown and "p_value" not in shown and "n_events" not in shown


def test_sentiment_notebook_compares_outlets_on_the_same_events(allsides_report, seed_report):
    """Regression: with many events the only tone chart per outlet pooled every article, so an outlet
    that covered gloomier stories read as gloomier. Notebook 03 now draws each outlet against the
    other outlets of the events it shares, from the per-article values the notebook saved."""
    import pandas as pd

    result, _ = allsides_report
    table = pd.read_csv(result.folder / "tables" / "sentiment_on_same_events.csv")
    figure = json.loads((result.folder / "figures" / "sentiment_on_same_events.json").read_text())
    assert "on the same events" in figure["caption"]
    compared = table[table["n_events"] > 0]
    assert len(compared) and (compared["n_compared"] >= compared["n_events"]).all()
    assert compared["ci_low"].isna().all() and compared["n_events"].max() < 5  # 20 events: no outlet on five
    # Regression: outlets on 1-4 events had a `difference`, no interval and no word why in the table,
    # and the caption said "bars: 95% t interval over events" where the chart drew no bar at all.
    assert compared["note"].str.contains("too few events for an interval \\(fewer than 5\\)").all()
    assert compared["note"].str.contains("it is not an estimate and is not ranked").all()
    assert ("no interval: every outlet shares fewer than 5 events with the others (hollow dots: the mean of "
            "those events' gaps") in figure["caption"]
    assert "t interval" not in figure["caption"] and "bars" not in figure["caption"]
    articles = pd.read_csv(result.folder / "tables" / "summary_article_values.csv")  # notebook 07's per-article values
    assert figure["caption"].endswith(plots.comparison_caption(result.folder.name, articles))  # n: the shared events
    for outlet, row in compared.set_index("outlet").iterrows():
        mine = articles[articles["outlet"] == outlet]
        gaps = [mine.loc[mine["event"] == event, "sentiment"].mean()
                - articles.loc[(articles["event"] == event) & (articles["outlet"] != outlet), "sentiment"].mean()
                for event in mine["event"].unique()]
        assert row["difference"] == pytest.approx(sum(gaps) / len(gaps)), outlet
    seed, _ = seed_report
    assert not (seed.folder / "tables" / "sentiment_on_same_events.csv").exists()  # one event: nothing to average
    assert "nothing to average over events" in _printed(seed.folder / "notebooks" / "03_sentiment.ipynb")


def test_frames_notebook_compares_one_frame_on_the_same_events(allsides_report, seed_report):
    """With several events notebook 02 draws the most frequent frame outlet by outlet against the
    other outlets of the same events; its numbers are the `difference` of the frame table."""
    import pandas as pd

    result, _ = allsides_report
    [table_file] = list((result.folder / "tables").glob("frame_on_same_events_*.csv"))
    same = pd.read_csv(table_file).set_index("outlet")
    frame = table_file.stem.removeprefix("frame_on_same_events_")
    shares = pd.read_csv(result.folder / "tables" / "frames_per_article.csv")  # each article's share, with its event
    shares = shares[shares["frame"] == frame]
    assert same["n_events"].gt(0).any()
    for outlet, row in same[same["n_events"] > 0].iterrows():
        mine = shares[shares["outlet"] == outlet]
        gaps = [mine.loc[mine["event"] == event, "share"].mean()
                - shares.loc[(shares["event"] == event) & (shares["outlet"] != outlet), "share"].mean()
                for event in mine["event"].unique()]
        assert row["difference"] == pytest.approx(sum(gaps) / len(gaps)), outlet
    summary = pd.read_csv(result.folder / "tables" / "frame_prevalence_by_outlet.csv")
    rows = summary[(summary["frame"] == frame) & summary["difference"].notna()].set_index("outlet")
    for outlet, row in rows.iterrows():  # the table's effect size is the same number (from 5 articles up)
        assert same.loc[outlet, "difference"] == pytest.approx(row["difference"])
    figure = json.loads(next((result.folder / "figures").glob("frame_on_same_events_*.json")).read_text())
    assert "on the same events" in figure["caption"]
    few = same[same["n_events"].between(1, 4)]
    assert len(few) == int(same["n_events"].gt(0).sum())  # 20 events: no outlet on five
    assert few["note"].str.contains("too few events for an interval").all()
    assert "no interval: every outlet shares fewer than 5 events" in figure["caption"]
    assert "t interval" not in figure["caption"]
    # Regression: this chart alone of the frame and sentiment charts did not name the test of whether
    # the outlets differ (here in this frame) and what it found.
    tested = summary[summary["frame"] == frame].iloc[0]
    assert (f"Do the {summary['outlet'].nunique()} outlets differ? One test of all of them, by permutation of outlet "
            f"labels over articles within {ALLSIDES_EVENTS} events: p = {tested['p_value']:.3g}, adjusted "
            f"{tested['p_adjusted']:.3g} ({tested['correction']})") in figure["caption"]
    assert ("no evidence of a difference, so the order of the outlets may be chance." in figure["caption"]
            or "evidence at 0.05 that the outlets differ" in figure["caption"])
    seed, _ = seed_report
    assert not list((seed.folder / "tables").glob("frame_on_same_events_*"))
    assert "nothing to average over events" in _printed(seed.folder / "notebooks" / "02_frames.ipynb")


def test_interval_captions_say_the_coverage_measured_not_only_the_nominal_95(allsides_report):
    """Regression: the frame charts said "95% bootstrap interval" where docs/statistics.md measures
    0.88-0.90 coverage at 5-10 articles (0.91-0.93 for the sentiment t interval); a reviewer reading
    both would find the caption overclaiming."""
    import pandas as pd

    result, _ = allsides_report
    figures = _figures(result)
    # the quote charts had no coverage measured until bench_stats.py part 9 (docs/statistics.md)
    for name in ("frame_prevalence_by_outlet", "summary_frames", "sentiment_by_outlet", "summary_sentiment",
                 "quote_shares", "summary_quotes"):
        caption = figures[name]["caption"]
        drawn = pd.read_parquet(result.folder / "figures" / f"{name}.data.parquet")["ci_low"].notna().any()
        if drawn:
            assert "nominal 95%" in caption and "measured coverage" in caption, (name, caption)
        else:  # 20 events of three outlets: no outlet has five articles, and the caption must not say it has
            assert "no interval: every outlet has fewer than 5 articles" in caption, (name, caption)
            assert "nominal 95%" not in caption and "coverage" not in caption, (name, caption)


def test_word_charts_say_how_many_terms_pass_the_calibrated_threshold(allsides_report):
    """Regression: on allsides-100 no term passed the calibrated line (largest |z| 2.52 against
    2.85), yet both word charts drew forty bars titled "Words that set each outlet apart" and their
    captions did not say that none was beyond chance."""
    import pandas as pd

    import re

    result, _ = allsides_report
    for name in ("distinctive_words_log_odds", "summary_distinctive_words"):
        figure = _figures(result)[name]
        odds = pd.read_csv(result.folder / "tables" / f"{name}.csv")
        line = figure["plot"]["arguments"]["threshold"]
        passing = int((odds["z"].abs() > line).sum())
        # a row is one outlet's z-score for one term: allsides-100's "0 terms of 12,859" counted
        # rows as terms, under a line printing 4,620 distinct terms (notebook 04, then notebook 07)
        assert odds["term"].nunique() < len(odds)
        said = f"passed by {passing:,} z-score{'' if passing == 1 else 's'} of {len(odds):,}, one per outlet and term"
        assert said in figure["caption"], (name, figure["caption"])
        # regression: with none passing, notebook 07's caption still opened "Most distinctive words
        # per outlet" (100 AllSides events: 0 of 7,647): a ranking is now called a ranking
        assert ("none beyond the calibrated threshold (a ranking, not a finding)" in figure["caption"]) == (passing == 0)
        assert passing > 0 or "Most distinctive" not in figure["caption"]
    # both charts count the words their z-scores count: those of events two outlets or more cover
    counts = [re.search(r"n = ([\d,]+) content words", _figures(result)[name]["caption"]).group(1)
              for name in ("distinctive_words_log_odds", "summary_distinctive_words")]
    assert counts[0] == counts[1], counts


def test_summary_says_how_many_pair_tests_pass_and_names_its_key_numbers(allsides_report):
    """Regression: the within-events chart showed "the 16 with the smallest adjusted p-values" and
    did not say that none was below 0.05 after adjustment (allsides-100: 0 of 218); the key numbers
    table had a column `mean` that did not say it was sentiment."""
    import pandas as pd

    result, _ = allsides_report
    paired = pd.read_csv(result.folder / "tables" / "summary_within_events.csv")
    tested = paired[paired["p_wilcoxon"].notna()]
    caption = _figures(result)["summary_within_events"]["caption"]
    articles = pd.read_csv(result.folder / "tables" / "summary_article_values.csv")
    assert plots.comparison_caption(result.folder.name, articles) in caption
    if len(tested):
        assert f"across the {len(tested):,} comparisons" in caption
        assert f"{int((tested['p_adjusted'] < 0.05).sum()):,} of them below 0.05 after adjustment" in caption
        assert "the sign test, adjusted alike, confirms" in caption
    else:  # Regression: "adjusted across the 0 comparisons …; 0 of them below 0.05 …; confirms 0" (AllSides 201-300)
        assert "(no test: no two outlets cover 6 events in common" in caption and "0 comparisons" not in caption
        assert "(those with the most events in common: none is tested)" in " ".join(caption.split())
    # Regression: the table showed the unadjusted sign-test p beside the adjusted Wilcoxon p; the sign
    # test is now a robustness column adjusted alike, and the median difference has its interval.
    assert "p_sign" not in paired.columns
    assert paired.loc[paired["n_events"] < 6, ["median_ci_low", "median_ci_high"]].isna().all().all()
    key = pd.read_csv(result.folder / "tables" / "summary_key_numbers.csv").set_index("outlet")
    assert {"sentiment_mean", "sentiment_ci_low", "sentiment_ci_high"} <= set(key.columns)
    assert "mean" not in key.columns and "ci_low" not in key.columns
    tone = pd.read_csv(result.folder / "tables" / "sentiment_by_outlet.csv").set_index("outlet")
    assert key["sentiment_mean"].to_dict() == pytest.approx(tone["mean"].to_dict())
    # Regression: `sentiment_vs_same_events` gave outlets of one event and one article a "difference"
    # (Variety +0.18 on allsides-100), an effect size below the minimum where no interval is drawn.
    from framing.stats import MIN_ARTICLES
    few = key["events_shared"] < MIN_ARTICLES
    assert few.any()
    assert key.loc[few, "sentiment_vs_same_events"].isna().all()
    same = pd.read_csv(result.folder / "tables" / "sentiment_on_same_events.csv").set_index("outlet")
    enough = key.index[~few]
    assert key.loc[enough, "sentiment_vs_same_events"].to_dict() == pytest.approx(same.loc[enough, "difference"].to_dict())
    # Regression: the key numbers gave `sentiment_vs_same_events` without its interval (Washington Times
    # +0.12 on allsides-100, one of 22 unadjusted intervals while the test of all outlets found p = 0.85).
    for end in ("ci_low", "ci_high"):
        column = f"sentiment_vs_same_events_{end}"
        assert key.loc[enough, column].to_dict() == pytest.approx(same.loc[enough, end].to_dict())
        assert key.loc[few, column].isna().all()
    # Regression: those cells were empty with no word why in the CSV (the minimum is five events here,
    # five articles for the interval over articles); each now says which minimum it misses.
    notes = key["sentiment_vs_same_events_note"].fillna("")
    assert notes[few].str.contains("too few events shared").all() and (notes[~few] == "").all()
    assert (key["sentiment_interval"] == "too few articles for an interval").eq(key["sentiment_ci_low"].isna()).all()
    executed = _read(result.folder / "notebooks" / "07_summary.ipynb")
    text = "".join(c.source for c in executed.cells if c.cell_type == "markdown")
    assert "not adjusted for the" in text and "number of outlets" in text


def test_summary_counts_the_pairs_of_articles_on_one_event_too_close_in_tone_to_order(allsides_report):
    """Notebook 07 says how many pairs of articles on one event lie closer than `CLOSE_TONE` in
    mean sentiment (people order such pairs as framing does about 6 times in 10), counted from its
    own article table."""
    import itertools

    import pandas as pd

    from framing.events import CLOSE_TONE

    result, _ = allsides_report
    values = pd.read_csv(result.folder / "tables" / "summary_article_values.csv").dropna(subset=["sentiment"])
    gaps = [abs(a - b) for _, part in values.groupby("event")
            for a, b in itertools.combinations(part["sentiment"], 2)]
    executed = _read(result.folder / "notebooks" / "07_summary.ipynb")
    printed = "".join(o.get("text", "") for c in executed.cells if "close_tone_pairs" in c.source for o in c.outputs)
    n_close = sum(gap < CLOSE_TONE for gap in gaps)
    assert 0 < n_close < len(gaps)
    assert f"{n_close:,} of the {len(gaps):,} pairs of articles on one event differ in mean sentiment" in printed


def test_who_is_quoted_first_is_read_article_by_article(allsides_report):
    """Regression: with several events notebook 05 ranked the speakers of all an outlet's articles
    together, so "quoted first" named whoever opened any one of them (two or three "first" speakers
    for some allsides-100 outlets). Now each article's first speaker is counted per outlet; the
    quote chart's caption counts the outlets that quote someone, not every outlet."""
    import pandas as pd

    import framing as fr

    result, _ = allsides_report
    opening = pd.read_csv(result.folder / "tables" / "quoted_first.csv")
    sentences = fr.load_sentences(result.folder.parents[1] / "processed" / result.folder.name)
    quotes = fr.extract_quotes(sentences, actors=fr.find_actors(sentences)).dropna(subset=["speaker"])
    firsts = quotes[quotes["position"] == quotes.groupby("article_id")["position"].transform("min")]
    expected = firsts.groupby(["outlet", "speaker"])["article_id"].nunique()
    assert opening.set_index(["outlet", "speaker"])["n_articles_first"].to_dict() == expected.to_dict()
    quoting = quotes.groupby("outlet")["article_id"].nunique()
    assert opening.groupby("outlet")["n_articles_quoting"].first().to_dict() == quoting.to_dict()
    assert (opening["n_articles_first"] <= opening["n_articles_quoting"]).all()
    assert opening["n_events"].max() >= 1 and len(opening) > opening["outlet"].nunique()
    caption = _figures(result)["quote_share_by_speaker"]["caption"]
    speakers = pd.read_csv(result.folder / "tables" / "quote_share_by_speaker.csv")
    assert f"{speakers['outlet'].nunique()} outlets" in caption, caption


def test_quote_charts_average_articles_and_count_what_they_leave_out(allsides_report):
    """Regression: notebook 05's quote charts showed each outlet's quotes counted together over its
    articles and events (one article of 40 quotes outweighed ten short ones; STATISTICS.md rule 1)
    with no interval. Now each article gets its share, the outlet the mean over its articles with
    an interval over articles, and the caption counts the articles left out."""
    import re

    import pandas as pd

    result, _ = allsides_report
    figures = _figures(result)
    for name in ("quote_share_by_speaker", "quote_shares"):
        caption = figures[name]["caption"]
        assert "mean over the outlet's articles" in caption and "descriptive, no test" not in caption, caption
        # Regression: "pooled over 100 events" beside "n = 91 events" (allsides-100): one event
        # count, that of the articles the chart draws on
        events = re.search(r"pooled over ([\d,]+) events.*n = \1 events?, [\d,]+ articles?, [\d,]+ quotes?", caption, re.S)
        assert events, caption
    # the speaker shares are made of the quotes with a named speaker (anonymous sources name no
    # one), and the caption counts those, of all the quotes the quote-shares chart counts
    # (regression: "271 quotes" beside that chart's "337 quotes", allsides-100)
    pooled = pd.read_csv(result.folder / "tables" / "quote_share_by_speaker_pooled.csv")
    quotes = re.search(r"n = [\d,]+ events?, [\d,]+ articles?, ([\d,]+) quotes? with a named speaker \(of ([\d,]+)\)",
                       figures["quote_share_by_speaker"]["caption"])
    assert int(quotes.group(1).replace(",", "")) == pooled.loc[~pooled["is_anonymous"], "n_quotes"].sum()
    assert f", {quotes.group(2)} quotes" in figures["quote_shares"]["caption"]
    drawn = pd.read_csv(result.folder / "tables" / "quote_share_by_speaker.csv")
    assert not set(drawn["speaker"]) & set(pooled.loc[pooled["is_anonymous"], "speaker"])
    # each outlet's value is the mean of its articles' shares, and the articles left out are counted
    shares = pd.read_csv(result.folder / "tables" / "quote_shares.csv")
    by_article = pd.read_csv(result.folder / "tables" / "quote_shares_by_article.csv")
    means = by_article.groupby("outlet")["share_anonymous"].agg(["mean", "count"])
    anonymous = shares[shares["measure"] == "share_anonymous"].set_index("outlet")
    quoting = means[means["count"] > 0]
    assert (anonymous.loc[quoting.index, "mean"] - quoting["mean"]).abs().max() < 1e-9
    assert (anonymous.loc[quoting.index, "n_articles"] == quoting["count"]).all()
    assert anonymous["n_articles"].sum() + anonymous["n_left_out"].sum() == len(by_article)
    caption = figures["quote_shares"]["caption"]
    assert f"{anonymous['n_left_out'].sum():,} without a quote" in caption, caption
    # Regression: outlets whose articles were all at 0% got a zero-width interval drawn as a bare
    # dot (allsides-100: 9 of 40); they get the exact binomial bound, and the caption counts them
    drawn_rows = anonymous.dropna(subset=["ci_low"])
    assert (drawn_rows["ci_high"] > drawn_rows["ci_low"]).all()
    exact = shares["interval"].fillna("").str.contains("Clopper-Pearson")
    if exact.any():
        assert f"at 0% or 100% ({int(exact.sum()):,} in the table)" in caption, caption
    # the speaker chart names its test, one per speaker, Holm-adjusted
    assert ", one per speaker, Holm across " in figures["quote_share_by_speaker"]["caption"]
    drawn = ("Korn-Graubard (Wilson) interval over articles" if anonymous["ci_low"].notna().any()
             else "no interval: every outlet has fewer than 5 articles")
    assert drawn in caption and "Do the " in caption, caption
    # the pooled share stays beside the mean, as all the outlet's quotes counted together
    counted = by_article.groupby("outlet")[["n_anonymous", "n_quotes"]].sum()
    assert (anonymous["n_counted"] == counted["n_anonymous"]).all() and (anonymous["n_of"] == counted["n_quotes"]).all()


def test_summary_quote_chart_averages_articles_and_counts_the_quotes_it_shows(allsides_report):
    """Regression: notebook 07's copy of the quote chart was captioned "n = 184 speakers, 48 outlets"
    (allsides-100) and later counted each outlet's quotes together; it now draws the per-article
    shares of notebook 05 (mean over articles, interval over articles) and counts every quote."""
    import re

    import pandas as pd

    result, _ = allsides_report
    caption = _figures(result)["summary_quotes"]["caption"]
    shares = pd.read_csv(result.folder / "tables" / "summary_quotes.csv")
    drawn = ("Korn-Graubard (Wilson) interval over articles" if shares["ci_low"].notna().any()
             else "no interval: every outlet has fewer than 5 articles")
    assert "mean over the outlet's articles" in caption and drawn in caption, caption
    assert re.search(r"pooled over ([\d,]+) events.*n = \1 events", caption, re.S), caption  # one event count
    counts = re.search(r"n = ([\d,]+) events?, ([\d,]+) articles?, ([\d,]+) quotes?", caption)
    assert counts, caption
    anonymous = shares[shares["measure"] == "share_anonymous"]
    assert int(counts.group(3).replace(",", "")) == anonymous["n_of"].sum()  # every quote
    assert int(counts.group(2).replace(",", "")) == anonymous["n_articles"].sum()  # the articles with a quote
    assert " speakers" not in caption.split("n = ")[1]
    # Regression: the caption said "n = 100 events" beside the 192 articles with a quote, counting
    # the events of articles without one; and it left the test to notebook 05, so a copy of the chart
    # in a paper lost it (STATISTICS.md: every chart keeps its test).
    by_article = pd.read_csv(result.folder / "tables" / "quote_shares_by_article.csv")
    assert int(counts.group(1).replace(",", "")) == by_article.loc[by_article["n_quotes"] > 0, "event"].nunique()
    assert "one per measure, Holm across 3 tests" in caption, caption


def test_actor_chart_averages_each_article_before_the_outlet(allsides_report):
    """Regression: notebook 03's actor chart and table averaged an outlet's mentions, so one article
    naming a person ten times outweighed the outlet's other articles (STATISTICS.md rule 1): on
    allsides-100 National Review's dot toward Joe Biden sat at +0.04 (ten mentions in five articles)
    where its five articles average -0.06, the other side of zero. Each article's mentions are now
    averaged first, and a dot's area is its articles."""
    import numpy as np
    import pandas as pd

    import framing as fr

    result, _ = allsides_report
    record = _figures(result)["sentiment_toward_actors"]
    assert record["plot"]["arguments"].get("unit") == "article"
    assert "each article's mentions averaged, then the outlet's articles" in record["caption"], record["caption"]
    # Regression: the chart pooled events and said "descriptive, no test", where on the first 100
    # AllSides events with one left, one center and one right article each Joe Biden's dots stand
    # on 33-35 articles per outlet, and Donald Trump's (-0.24 right, -0.22 left, -0.11 center, 7-8
    # articles) read as an ordering; the caption now names one test per actor within events (Holm).
    assert "descriptive, no test" not in record["caption"]
    mentions = pd.read_parquet(result.folder / "figures" / record["plot"]["data"])
    per_actor = mentions.groupby(["actor", "outlet", "event", "article_id"], as_index=False)["actor_sentiment"].mean()
    test = fr.compare_outlets(per_actor, value="actor_sentiment", family="actor")
    assert fr.caption_tests(test, family="actor") in record["caption"], record["caption"]
    if test["p_value"].notna().sum() > 1:  # on this corpus of 20 events few actors span outlets
        assert ", one per actor, Holm across " in record["caption"]
    printed = _printed(result.folder / "notebooks" / "03_sentiment.ipynb").splitlines()
    assert [line for line in printed if line.startswith("sentiment toward, ")] == fr.describe_tests(
        test, value="sentiment toward", family="actor")
    mentions = pd.read_parquet(result.folder / "figures" / record["plot"]["data"])
    ax = fr.plot_actor_sentiment(mentions, **record["plot"]["arguments"])
    by_article = (mentions.groupby(["actor", "outlet", "article_id"])["actor_sentiment"].mean()
                  .groupby(["actor", "outlet"]).agg(["mean", "size"]))
    drawn = np.sort([x for dots in ax.collections for x, y in dots.get_offsets() if not np.ma.is_masked(x)])
    shown = fr.plots.top_groups(mentions, "outlet", 8)
    expected = np.sort(by_article[by_article.index.get_level_values("outlet").isin(shown)]["mean"].to_numpy())
    assert drawn == pytest.approx(expected)
    assert "the articles behind the mean" in " ".join(t.get_text() for t in ax.figure.findobj(
        __import__("matplotlib").text.Text))


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_sentiment_along_the_article_leaves_the_headline_out(which, request):
    """Regression: notebook 03's "Sentiment along the article" put each headline at position 0, so
    on allsides-100 (excerpts of median 5 sentences) its first fifth held 300 headlines and 7 body
    sentences, and "leads carry the harshest sentences" read headlines as leads. The chart now follows
    each article's text without its headline and subtitle, from its first sentence to its last."""
    import numpy as np
    import pandas as pd

    result, _ = request.getfixturevalue(which)
    from framing.store import load_sentences

    sentences = load_sentences(result.folder.parent.parent / "processed" / result.folder.name)  # what the notebook reads
    text = sentences[~sentences["kind"].isin(["headline", "subtitle"])]
    along = pd.read_csv(result.folder / "tables" / "sentiment_along_article.csv")
    # Every sentence of the text, and no headline: an article of n sentences reaches its five fifths
    # n + 5 - gcd(n, 5) times (a sentence counts in each fifth its share of the text overlaps).
    lengths = text.groupby("article_id").size().to_numpy()
    assert along["n_sentences"].sum() == (lengths + 5 - np.gcd(lengths, 5)).sum()
    first = along[along["position_bin"] == 0]
    assert first["n_articles"].sum() == text["article_id"].nunique()  # every article's text starts in the first fifth
    caption = _figures(result)["sentiment_along_article"]["caption"]
    assert "headline and subtitle left out" in caption and f"{len(text):,} sentences" in caption, caption


def test_sentiment_along_the_article_stands_on_the_same_articles_at_every_point(allsides_report):
    """Regression: a sentence counted only in the fifth its position fell in, so in a short article a
    fifth could hold none of its sentences (four text sentences fell in the first, second, fourth and
    last fifths): on allsides-100 the middle point of Associated Press's line stood on 3 of its 13
    articles and its ends on all 13, and a dip in the middle could be which articles have a middle
    sentence. Each sentence now covers its share of the text, so every point of an outlet's line
    stands on all its articles, and the caption says how many articles are short enough for
    neighbouring points to share sentences."""
    import pandas as pd

    from framing.store import load_sentences

    result, _ = allsides_report
    along = pd.read_csv(result.folder / "tables" / "sentiment_along_article.csv")
    assert along.groupby("outlet")["position_bin"].nunique().eq(5).all()
    assert along.groupby("outlet")["n_articles"].nunique().eq(1).all()  # the same articles at every point
    sentences = load_sentences(result.folder.parent.parent / "processed" / result.folder.name)
    lengths = sentences[~sentences["kind"].isin(["headline", "subtitle"])].groupby("article_id").size()
    caption = _figures(result)["sentiment_along_article"]["caption"]
    assert "stand on different articles" not in caption, caption
    assert (f"{lengths.lt(5).sum():,} of the {len(lengths):,} articles have fewer than five sentences: in those, "
            "neighbouring parts share sentences") in caption, caption


def test_sentiment_along_the_article_says_nothing_of_short_articles_where_there_is_none(seed_report):
    """Regression: the seed report's caption said "0% of the articles have fewer than five sentences:
    in those, neighbouring parts share sentences", a sentence about no article."""
    result, _ = seed_report
    caption = _figures(result)["sentiment_along_article"]["caption"]
    assert "fewer than five sentences" not in caption, caption


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_narration_leaves_out_the_sentences_that_are_quotes(which, request):
    """Regression: notebook 03 scored the words outside quotation marks of every sentence as
    narration, so a sentence that is a quote and "he said" (or nothing) counted as a sentence of
    narration scored on those few words: 6 of the 48 seed sentences ("he said.", "Hegseth stated.").
    Those sentences now count for the quoted voice only, and the table is saved."""
    import pandas as pd

    import framing as fr
    from framing.store import load_sentences

    result, _ = request.getfixturevalue(which)
    voices = fr.add_voice(load_sentences(result.folder.parent.parent / "processed" / result.folder.name))
    assert (voices["voice"] == "quote").any()
    by_voice = pd.read_csv(result.folder / "tables" / "sentiment_by_voice.csv")
    narration = by_voice[by_voice["voice"] == "narration"].set_index("outlet")["n_sentences"]
    expected = voices[voices["voice"] != "quote"].groupby("outlet").size()
    assert narration.to_dict() == expected.to_dict()
    quoted = by_voice[by_voice["voice"] == "quoted"].set_index("outlet")["n_sentences"]
    assert quoted.to_dict() == voices[voices["quoted_text"] != ""].groupby("outlet").size().to_dict()


def test_frames_notebook_tests_the_share_of_articles_carrying_each_frame(allsides_report):
    """Regression: notebook 02's table of the share of each outlet's articles that carry each frame
    (pooled over events) came with no test, and on the first 100 AllSides events with one left, one
    center and one right article each it read Right 16% against Center 25% and Left 26% for
    conflict, where the permutation test within events gives p = 0.13 (Holm-adjusted 0.67). The
    notebook now prints that test once per frame above the table, from the saved article table."""
    import pandas as pd

    import framing as fr

    result, _ = allsides_report
    printed = _printed(result.folder / "notebooks" / "02_frames.ipynb").splitlines()
    lines = [line for line in printed if line.startswith("articles carrying the frame, ")]
    presence = pd.read_csv(result.folder / "tables" / "frames_per_article.csv")
    assert len(lines) == presence["frame"].nunique() == 5
    carried = fr.compare_outlets(presence.assign(present=presence["present"].astype(float)), value="present",
                                 family="frame")
    assert lines == fr.describe_tests(carried, value="articles carrying the frame", family="frame")
    same = f"no test: {fr.stats.SAME_WITHIN_EVENTS.format(by='outlet')}."  # a frame no article of these events carries
    assert all(("within 20 events" in line and "Holm across" in line) or line.endswith(same) for line in lines), lines
    assert sum("within 20 events" in line for line in lines) >= 3, lines


def test_sentiment_notebook_tests_each_voice_within_events(allsides_report):
    """Regression: notebook 03's table of each outlet's narration and quoted voice pooled the events,
    the quoted voice over only those where the outlet quoted someone, and came with no test. On the
    first 100 AllSides events with one left, one center and one right article each it read quoted
    voice Right +0.002 (53 articles, interval -0.08 to +0.08) against Center -0.119 (45 articles,
    -0.21 to -0.03), a gap a reader takes for "the right quotes more positive voices"; compared
    within events the right is below the others (-0.028) and the test gives p = 0.85. The notebook
    now prints one test per voice and saves each outlet's difference on the same events."""
    import pandas as pd

    result, _ = allsides_report
    printed = _printed(result.folder / "notebooks" / "03_sentiment.ipynb").splitlines()
    lines = [line for line in printed if line.startswith("mean sentiment, ")]
    assert [line.split(":")[0] for line in lines] == ["mean sentiment, narration", "mean sentiment, quoted"]
    assert all("within" in line and "events" in line and "Holm across 2 tests" in line for line in lines), lines
    voices = pd.read_csv(result.folder / "tables" / "sentiment_by_voice.csv")
    assert {"difference", "effect_note"} <= set(voices.columns)
    # every outlet has its difference on the same events, or a note saying why not (this corpus of
    # 20 events has no outlet of five articles: none has one here)
    assert (voices["difference"].notna() | voices["effect_note"].fillna("").ne("")).all()
    assert voices.loc[voices["n_articles"] < 5, "difference"].isna().all()


def test_frames_notebook_prints_the_presence_rule_its_article_table_follows(seed_report):
    """Notebook 02 said every frame is present from two different cue words, where the generic
    economic frame asks five and human interest three: it now prints the lexicon's rule, and the
    saved article table follows it."""
    import re

    import pandas as pd

    from framing.frames import read_lexicon

    result, _ = seed_report
    printed = _printed(result.folder / "notebooks" / "02_frames.ipynb")
    [line] = [line for line in printed.splitlines() if line.startswith("an article carries a frame")]
    needed = {frame: int(n) for frame, n in (re.match(r"(\w+) (\d+)", item).groups()
                                             for item in line.split(": ", 1)[1].split("; "))}
    assert needed == read_lexicon("generic")["min_terms"] and needed["economic"] == 5
    presence = pd.read_csv(result.folder / "tables" / "frames_per_article.csv")
    plain = presence[presence["n_supporting"] == 0]
    assert (plain["present"] == (plain["n_terms"] >= plain["frame"].map(needed))).all()
    assert (plain["n_terms"] >= 2).any() and not plain.loc[plain["frame"] == "economic", "present"].any()


def test_across_outlets_notebook_prints_the_counterpart_rule_of_compare_toml(seed_report):
    from framing.lexicons import load_data

    result, _ = seed_report
    rule = load_data("compare")
    printed = _printed(result.folder / "notebooks" / "06_across_outlets.ipynb")
    assert (f"(compare.toml {rule['version']}) when its closest sentence there has a cosine of at least "
            f"{rule['align']['threshold']:.2f}") in printed
    assert f"or of at least {rule['omission']['mutual_floor']:.2f} when each is the other's closest" in printed
    assert "threshold 0.14" not in "".join(_read(ROOT / "notebooks" / "06_across_outlets.ipynb").cells[0].source)


def test_across_outlets_notebook_says_when_its_event_is_one_of_many_tied(allsides_report, seed_report):
    """Regression: on allsides-100 notebook 06 said it shows "the event covered by most outlets" where
    all 100 events have three outlets and one article each: the first by name was shown, and a reader
    took it for the event the outlets covered most. It then said the tie and showed the first by
    name; it now shows the tied event with the most sentences, and says so."""
    import framing as fr
    from framing.store import load_sentences

    result, _ = allsides_report
    events = fr.list_events(load_sentences(result.folder.parent.parent / "processed" / result.folder.name))
    tied = int(((events["n_outlets"] == 3) & (events["n_articles"] == 3)).sum())
    assert tied == len(events) > 1
    printed = _printed(result.folder / "notebooks" / "06_across_outlets.ipynb")
    most = events["n_sentences"].max()  # of the tied events, the one with most sentences; by name among as many
    chosen = events.loc[events["n_sentences"] == most, "event"].min()
    assert most > events["n_sentences"].min()  # the choice is not the first by name of all
    assert f"({tied} events tie at 3 outlets and 3 articles: of those, the one with the most sentences, {most}" in printed, printed
    assert f"shows event {chosen} " in printed or f"({chosen})" in printed, printed
    assert "tie at" not in _printed(seed_report[0].folder / "notebooks" / "06_across_outlets.ipynb")  # one event


def test_corpus_notebook_shows_each_warning_and_problem_whole(seeds_dir, tmp_path):
    """Notebook 01 showed the build's warnings and problems as plain tables, cut at 50 characters
    ("not UTF-8: read as Windows-1252 (cp1252), re-s..."), so the fix each names was lost."""
    import html
    import shutil

    from framing.audit import read_problems

    raw = tmp_path / "raw" / "with-problems"
    shutil.copytree(seeds_dir, raw)
    story = ("Harbour council approves new ferry timetable\n\n"  # a story of its own: a seed's copy is kept once
             "The harbour council voted on Tuesday to add two evening ferries to the island’s winter timetable, "
             "after residents said the last boat left too early for shift workers.\n\n"
             "Councillors approved the change by seven votes to two. The operator’s chief executive said the extra "
             "sailings would start in November and cost about £40,000 a year.\n\n"
             "Opponents said the money would be better spent on repairs to the pier, which has been closed twice "
             "this year because of storm damage.\n\nThe council will review the timetable in the spring.\n")
    (raw / "saved-by-excel.txt").write_bytes(story.encode("cp1252"))
    (raw / "empty.txt").write_bytes(b"")
    chosen = [p for p in NOTEBOOKS if p.name.startswith("01_")]
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "reports",
                               notebooks=chosen, workers=1, echo=lambda line: None)
    assert result.ok, [run.error for run in result.runs]
    executed = _read(result.folder / "notebooks" / chosen[0].name)
    shown = "".join(o.get("data", {}).get("text/html", "") for c in executed.cells if c.cell_type == "code"
                    for o in c.outputs)
    problems = read_problems(tmp_path / "processed")["problem"]
    assert any("empty.txt: is empty: skipped; remove it or paste the article text into it" == p for p in problems)
    text = html.unescape(shown)
    for problem in problems:
        assert problem in text, problem
    assert "read as Windows-1252 (cp1252), re-save as UTF-8 if characters look wrong; no outlet" in text


def test_corpus_notebook_says_the_build_warned_when_only_a_manifest_line_was_warned_about(seeds_dir, tmp_path):
    """Regression: with a manifest line naming a file that is not there (the build's one warning),
    notebook 01 said "The build gave no warning for these 2 articles." above the table holding it."""
    import html
    import shutil

    raw = tmp_path / "raw" / "manifest-typo"
    shutil.copytree(seeds_dir, raw)
    manifest = raw / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "003_missing.txt,,,,,,\n", encoding="utf-8")
    chosen = [p for p in NOTEBOOKS if p.name.startswith("01_")]
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "reports",
                               notebooks=chosen, workers=1, echo=lambda line: None)
    assert result.ok, [run.error for run in result.runs]
    printed = _printed(result.folder / "notebooks" / chosen[0].name)
    assert "gave no warning" not in printed, printed
    assert ("No warning concerns these 2 articles; the build gave 1 other warning (on files or rows it could "
            "not use, or lines of manifest.csv), listed below.") in printed, printed
    executed = _read(result.folder / "notebooks" / chosen[0].name)
    shown = html.unescape("".join(o.get("data", {}).get("text/html", "") for c in executed.cells
                                  if c.cell_type == "code" for o in c.outputs))
    assert "manifest.csv: line 4 names '003_missing.txt', which is not in" in shown  # the table below the line


def test_notebook_tables_show_their_text_whole(seed_report):
    """Regression: the tables of notebooks 02-05 (the tests' effect notes, the keyword's context,
    the speakers' labels) showed text cut at pandas' 50 characters ("...", with no way to read the
    rest in the report), and so did notebook 06's same fact in different words ("[-Meth We're On It
    South Dakota spends 449K on...") and notebook 07's key numbers ("too few events shared for an
    effect size or an..."). Every table cell of every notebook is now whole: none ends in pandas' cut."""
    import html
    import re

    result, _ = seed_report
    assert result.ok, [run.error for run in result.runs]
    cells = []
    for path in NOTEBOOKS:
        executed = _read(result.folder / "notebooks" / path.name)
        shown = "".join(o.get("data", {}).get("text/html", "") for c in executed.cells if c.cell_type == "code"
                        for o in c.outputs)
        cells += [(path.name, html.unescape(c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", shown, re.S)]
    assert len(cells) > 100 and max(len(text) for _, text in cells) > 50  # tables with long text were shown
    assert not [(name, text) for name, text in cells if text.endswith("...")]


def test_a_first_corpus_of_one_page_runs_every_notebook_and_counts_in_the_singular(tmp_path):
    """Regression: a new user's first corpus, one page with no frame cue, failed notebooks 02, 06
    and 07 and the event pages ("Can only use .str accessor with string values", "max() arg is an
    empty sequence" saving a chart with an empty legend), and notebook 01 printed "1 articles from
    1 outlets; … 1 raw lines removed"."""
    raw = tmp_path / "raw" / "one-page"
    raw.mkdir(parents=True)
    (raw / "page.txt").write_text(
        "Harbour closed after storm\n\nThe harbour at Port Ellen was closed on Tuesday after a storm damaged "
        "two of its piers, and the council said that it would stay closed for a week.\n\nShare on Facebook\n",
        encoding="utf-8")
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "reports",
                               notebooks=NOTEBOOKS, workers=1, echo=lambda line: None)
    assert result.ok, ([run.error for run in result.runs], result.events_error)
    executed = _read(result.folder / "notebooks" / NOTEBOOKS[0].name)
    shown = "".join(o.get("data", {}).get("text/plain", "") for c in executed.cells if c.cell_type == "code"
                    for o in c.outputs)
    assert "1 article from 1 outlet; 2 sentences kept, 1 raw line removed" in shown, shown[:500]  # headline and body
    # Regression: notebook 05 printed "1 quotes (0 direct), 1 speakers" (allsides_5644: "1 quotes (1 direct)")
    executed = _read(result.folder / "notebooks" / "05_sources_and_quotes.ipynb")
    shown = "".join(o.get("data", {}).get("text/plain", "") for c in executed.cells if c.cell_type == "code"
                    for o in c.outputs)
    # "the council said that …": the body a description names speaks (reporting verbs 1.37, labelling rule 7)
    assert "1 quote (0 direct), 1 speaker, 0 unattributed" in shown, shown[:500]


def test_summary_of_one_event_says_nothing_is_pooled_and_names_the_event(seed_report):
    """Regression: run on one event (the seeds, or `event` set on a corpus of many), notebook 07 set
    its charts under "Pooled over events" and captioned them "one event" without naming it, so an
    exported chart could not be told from another event's."""
    result, _ = seed_report
    printed = _printed(result.folder / "notebooks" / "07_summary.ipynb")
    assert "Nothing is pooled below: one event, ukraine-nato-2025-02-12, its 2 articles by outlet." in printed
    records = [json.loads(path.read_text(encoding="utf-8")) for path in (result.folder / "figures").glob("*.json")]
    captions = [r["caption"] for r in records if "pooled over" in r["caption"] or "one event" in r["caption"]]
    assert captions and all("one event, ukraine-nato-2025-02-12" in c for c in captions), captions


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_lines_kept_and_removed_are_drawn_only_when_cleaning_removed_a_line(which, request):
    """Regression: on allsides-100 (an export of article text, no line removed) notebook 01 drew the
    kept lines of 40 of its 300 articles as a chart of "lines kept and removed", with nothing removed."""
    import pandas as pd

    result, _ = request.getfixturevalue(which)
    removed = int(pd.read_csv(result.folder / "tables" / "cleaning_by_article.csv")["lines_removed"].sum())
    assert ("lines_kept_and_removed_by_article" in _figures(result)) == (removed > 0)
    printed = _printed(result.folder / "notebooks" / "01_corpus_and_cleaning.ipynb")
    assert ("so there is no chart of lines kept and removed" in printed) == (removed == 0)


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_frame_prominence_says_what_a_dot_and_a_missing_dot_are(which, request):
    """Regression: notebook 06's prominence caption said only "Position of the first sentence with
    each frame's cues": on the seeds one outlet had no human-interest dot and the other no economic
    one, and nothing said that a missing dot is a frame the outlet's article never cues, nor that
    one event is described, not tested."""
    result, _ = request.getfixturevalue(which)
    caption = _figures(result)["frame_prominence"]["caption"]
    assert "no dot: none of the outlet's sentences has the frame's cues" in caption, caption
    assert "no test" in caption and "outlets" in caption.split("n = ", 1)[1], caption


def test_corpus_notebook_says_which_sentences_its_tables_count(seed_report):
    """Regression: notebook 01 printed "50 sentences kept" over a table by outlet of 30 + 18, and said
    its article lengths counted sentences of every kind where they count the content kinds: the
    seeds' byline and date were the two missing, and nothing on the page said so."""
    import pandas as pd

    from framing.store import load_sentences

    result, _ = seed_report
    executed = _read(result.folder / "notebooks" / "01_corpus_and_cleaning.ipynb")
    shown = "".join(o.get("data", {}).get("text/plain", "") for c in executed.cells if c.cell_type == "code"
                    for o in c.outputs)
    every_kind = load_sentences(result.folder.parent.parent / "processed" / result.folder.name, kinds=None)
    content = int(pd.read_csv(result.folder / "tables" / "articles_per_outlet.csv")["n_sentences"].sum())
    assert len(every_kind) > content  # the seeds keep a byline and a date
    assert f"{len(every_kind)} sentences kept ({content} of them content" in shown, shown[:300]
    prose = "".join(c.source for c in executed.cells if c.cell_type == "markdown")
    assert "Only content sentences are counted here" in prose and "of every kind are counted" not in prose


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_same_fact_in_different_words_lists_each_pair_once_most_similar_first(which, request):
    """Regression: notebook 06 listed every mutual pair twice, once each way (on allsides-100's first
    event CNN ↔ CNBC at 0.568 was row 1 and row 11 of 12), in no order."""
    from io import StringIO

    import pandas as pd

    result, _ = request.getfixturevalue(which)
    executed = _read(result.folder / "notebooks" / "06_across_outlets.ipynb")
    cell = next(c for c in executed.cells if c.cell_type == "code" and "word_differences(" in c.source)
    shown = pd.read_html(StringIO(cell.outputs[0]["data"]["text/html"]))[0]
    assert len(shown) > 1
    pairs = [(frozenset((a, b)), round(s, 6)) for a, b, s in zip(shown["outlet_a"], shown["outlet_b"], shown["similarity"])]
    assert len(set(pairs)) == len(pairs), shown[["outlet_a", "outlet_b", "similarity"]]
    assert shown["similarity"].is_monotonic_decreasing


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_keyness_caption_counts_the_outlet_it_sets_against_the_rest(which, request):
    """Regression: notebook 04's keyness caption gave n for the whole corpus only ("n = 18,234
    words" on allsides-100), not for the outlet it ranks, New York Post (News): 17 articles, 1,017
    words."""
    import pandas as pd

    import re

    result, _ = request.getfixturevalue(which)
    keys = pd.read_csv(result.folder / "tables" / "keyness.csv")
    figure = _figures(result)["keyness"]
    target = figure["caption"].split("Keyness (G²) of the outlet ", 1)[1].split(" against the other outlets")[0]
    words = int(keys.loc[keys["outlet"] == target, "count"].sum())
    # Regression: the table (and chart) listed only the terms the target uses, so its under-used side
    # missed every word it never wrote (the strongest under-use): the chart's outlet against every term
    assert (keys["outlet"] == target).all() and (keys["count"] == 0).any()
    articles = pd.read_parquet(result.folder.parent.parent / "processed" / result.folder.name / "articles.parquet")
    n_articles = int((articles["outlet"] == target).sum())
    # Regression: "n = 17,724 words" and "The Hill: 20 articles, 1,366 words" (AllSides events 201-300)
    # counted the words left once stop words and outlet names are set aside, which a reader set
    # against the 30,232 words and The Hill's 2,290 of the articles table: they are content words.
    assert f" {target}: {n_articles} article{'' if n_articles == 1 else 's'}, {words:,} content words." in figure["caption"], figure["caption"]
    assert re.search(r"Corpus: [^·]+ · n = [\d,]+ content words\.", figure["caption"]), figure["caption"]


def test_distinctive_words_captions_say_how_many_words_were_set_aside(allsides_report):
    """Regression: notebook 04's distinctive-words caption did not say that outlet names, house style
    ("u.s.", "sen") and signposts ("Why it matters:") were left out of the counts, and notebook 07's
    said "outlet names set aside" only; on AllSides events 370-469 by lean 330 words were set aside,
    74 of them Center's "u.s.". A chart put in a paper must say what it does not count."""
    import framing as fr

    result, _ = allsides_report
    processed = result.folder.parent.parent / "processed" / result.folder.name
    sites = fr.load_articles(processed)["url"]  # the sites' names are set aside too ("Fox News" of foxnews.com)
    marked = fr.unnest_tokens(fr.load_sentences(processed)).pipe(fr.mark_set_aside, sites=sites)
    aside = int((marked["set_aside"] != "").sum())
    assert aside > 0
    figures = _figures(result)
    for name in ("distinctive_words_log_odds", "summary_distinctive_words"):
        assert f"{aside:,} words of outlet names, house style and signposts set aside" in figures[name]["caption"], name


def test_across_outlets_with_outlets_chosen_counts_the_corpus_events_and_those_they_cover(shared_data, tmp_path):
    """Regression: notebook 06 with `outlets` set to two outlets of an event of a corpus of 20 events
    said "The corpus has 4 events": it counted the events the chosen outlets cover. It now gives the
    corpus's events and, apart, how many of them the chosen outlets cover."""
    from framing.report import runner
    from framing.build import build_corpus

    raw = _allsides_corpus(shared_data, tmp_path / "raw" / "three")
    processed = tmp_path / "processed" / "three"
    build = build_corpus(raw, processed)
    events = build.articles.groupby("event")["outlet"].apply(sorted)
    event, outlets = events.index[0], events.iloc[0][:2]
    covered = sum(bool(set(outlets) & set(covering)) for covering in events)  # events either outlet reported
    assert 1 <= covered < len(events)
    chosen = [p for p in NOTEBOOKS if p.name.startswith("06_")][0]
    runner.execute_notebook(chosen, tmp_path / "06.ipynb", kernel="python3", cwd=tmp_path, timeout=300,
                            parameters={"corpus": str(processed), "outlets": outlets, "event": event,
                                        "save_figures": False})
    printed = _printed(tmp_path / "06.ipynb")
    assert (f"The corpus has {len(events)} events, {covered} of them covered by the chosen outlets ({', '.join(outlets)}). "
            f"This notebook shows event {event} (chosen with the `event` parameter): 2 outlets, 2 articles, ") in printed


def test_across_outlets_and_frames_name_the_event_by_its_title_and_files_from_the_project(shared_data, tmp_path):
    """Regression: notebook 06 named its event by its id ("allsides_5607") where the export gives
    the event's title (`event_title`, as the event pages show it), and notebook 02 printed its
    coding sheet's absolute path where its save message names folders from the project."""
    from framing.report import runner
    from framing.build import build_corpus

    raw = _allsides_corpus(shared_data, tmp_path / "data" / "raw" / "titled")
    issues = {json.loads(line)["event_id"]: json.loads(line)["issue"]
              for line in (shared_data / "allsides-roundups" / "events.jsonl").read_text(encoding="utf-8").splitlines()}
    rows = [json.loads(line) for line in (raw / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    (raw / "articles.jsonl").write_text("".join(json.dumps({**r, "event_title": issues[r["event_id"]]}) + "\n"
                                                for r in rows), encoding="utf-8")
    processed = tmp_path / "data" / "processed" / "titled"
    event = build_corpus(raw, processed).articles["event"].iloc[0]
    chosen = [p for p in NOTEBOOKS if p.name.startswith("06_")][0]
    runner.execute_notebook(chosen, tmp_path / "06.ipynb", kernel="python3", cwd=tmp_path, timeout=300,
                            parameters={"corpus": "titled", "event": event, "save_figures": False})
    printed = _printed(tmp_path / "06.ipynb")
    assert f"This notebook shows event {issues[event]} ({event}) (chosen with the `event` parameter)" in printed
    frames = [p for p in NOTEBOOKS if p.name.startswith("02_")][0]
    runner.execute_notebook(frames, tmp_path / "02.ipynb", kernel="python3", cwd=tmp_path, timeout=300,
                            parameters={"corpus": "titled", "out": "out"})
    printed = _printed(tmp_path / "02.ipynb")
    assert "charts and tables are saved in out/" in printed
    assert "coding sheet: out/coding/coding_sheet_generic.csv" in printed, printed[-600:]


def test_across_outlets_lists_the_same_fact_in_different_words_left_to_right_for_leans(shared_data, tmp_path):
    """Regression: in a corpus of outlets labelled by lean, notebook 06 listed each pair of the same
    fact in different words in name order ("Center" against "Left", "Center" against "Right",
    "Left" against "Right") while every other view of the corpus reads left to right."""
    import re

    from framing.build import build_corpus
    from framing.report import runner

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    sides: dict[str, dict[str, dict]] = {}
    for row in rows:
        sides.setdefault(row["event_id"], {})[row["allsides_side"]] = row
    events = sorted(e for e, by_side in sides.items() if set(by_side) == {"left", "center", "right"})[:3]
    raw = tmp_path / "raw" / "sides"
    raw.mkdir(parents=True)
    (raw / "articles.jsonl").write_text("".join(
        json.dumps({"text": row["text"], "title": row["title"], "outlet": side.title(), "event": event}) + "\n"
        for event in events for side, row in sorted(sides[event].items())), encoding="utf-8")
    processed = tmp_path / "processed" / "sides"
    build_corpus(raw, processed)
    chosen = [p for p in NOTEBOOKS if p.name.startswith("06_")][0]
    runner.execute_notebook(chosen, tmp_path / "06.ipynb", kernel="python3", cwd=tmp_path, timeout=300,
                            parameters={"corpus": str(processed), "save_figures": False})
    executed = _read(tmp_path / "06.ipynb")
    [table] = [o["data"]["text/html"] for c in executed.cells if c.cell_type == "code" and "word_differences" in c.source
               for o in c.outputs if "text/html" in o.get("data", {})]
    pairs = re.findall(r"<tr>\s*<th>\d+</th>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>", table)
    place = {"Left": 0, "Center": 1, "Right": 2}
    assert len(pairs) >= 3 and {a for a, _ in pairs} >= {"Left"}, pairs
    assert all(place[a] < place[b] for a, b in pairs), pairs


def test_corpus_notebook_of_an_export_shows_no_empty_table_of_removed_lines(shared_data, tmp_path):
    """Regression: notebook 01 on an export of article text (cleaning removes no line) said so in
    the chart's section, said it again under 'Removed lines by rule' and then showed two empty
    tables ('Empty DataFrame') and saved one; it now shows and saves no empty table."""
    from framing.report import runner
    from framing.build import build_corpus

    raw = _allsides_corpus(shared_data, tmp_path / "raw" / "export")
    processed = tmp_path / "processed" / "export"
    assert build_corpus(raw, processed).removed.empty
    chosen = [p for p in NOTEBOOKS if p.name.startswith("01_")][0]
    runner.execute_notebook(chosen, tmp_path / "01.ipynb", kernel="python3", cwd=tmp_path, timeout=300,
                            parameters={"corpus": str(processed), "out": str(tmp_path / "out")})
    shown = [o.get("data", {}).get("text/plain", "") for c in _read(tmp_path / "01.ipynb").cells
             if c.cell_type == "code" for o in c.outputs]
    assert shown and not [text for text in shown if "Empty DataFrame" in text]
    assert "Cleaning removed no raw line from these" in _printed(tmp_path / "01.ipynb")
    assert (tmp_path / "out" / "tables").is_dir()
    assert not list((tmp_path / "out" / "tables").glob("removed_line*"))


def test_no_notebook_shows_an_empty_table_and_the_pair_findings_say_their_verdict_first(allsides_report):
    """Regression: on 100 AllSides events notebook 06 showed an empty table of who is quoted first
    (its event quotes nobody) and printed 'no speaker is quoted by two outlets' as a quoted string;
    notebook 07's pair table gave `n_a_more` and `median_difference` without saying which outlet is
    A, beside findings that name the outlet more so first (a median "+0 to +1" beside "-1 to 0")."""
    import re

    result, _ = allsides_report
    for run in result.runs:
        executed = _read(result.folder / "notebooks" / run.notebook)
        for cell in executed.cells:
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html", "")
                for body in re.findall(r"<tbody>(.*?)</tbody>", html, flags=re.S):
                    assert "<tr" in body, f"{run.notebook}: an empty table"
                data = output.get("data", {})
                if run.notebook.startswith("06_") and "text/html" not in data:  # a sentence, not a string's repr
                    assert not data.get("text/plain", "").startswith("'"), data["text/plain"]
    executed = _read(result.folder / "notebooks" / "07_summary.ipynb")
    table = next(o["data"]["text/html"] for c in executed.cells for o in c.get("outputs", [])
                 if "finding" in o.get("data", {}).get("text/html", ""))
    assert "<th>outlet_a</th>" in table and "<th>outlet_b</th>" in table
    findings = re.findall(r"<td>((?:No e|E)vidence of a difference|Not tested)", table)
    assert len(findings) == table.count("<tr>")  # every row of the body (the header row is styled) opens with its verdict


def test_sources_notebook_says_its_speakers_and_its_first_quoted_count_more_than_named_people(allsides_report):
    """Regression: on 100 AllSides events notebook 05 said `n_articles_quoting` counted the articles
    "that quote a named speaker" (60 for Center) beside a chart of the 54 that do: the table of who
    is quoted first counts anonymous sources too ("administration official"). And its "named
    speakers" included Pfizer and the White House, as if each were a person."""
    import pandas as pd

    result, _ = allsides_report
    tables = result.folder / "tables"
    first = pd.read_csv(tables / "quoted_first.csv").groupby("outlet")["n_articles_quoting"].max()
    speakers = pd.read_csv(tables / "quote_share_by_speaker.csv")
    people = set(pd.read_csv(tables / "actors_named_and_quoted.csv")["actor"])
    executed = _read(result.folder / "notebooks" / "05_sources_and_quotes.ipynb")
    prose = " ".join("".join(c.source for c in executed.cells if c.cell_type == "markdown").split())
    named = speakers.groupby("outlet")["n_articles"].max()
    assert (first.reindex(named.index) > named).any(), (first, named)  # anonymous sources opening articles
    assert "that quote a named speaker" not in prose and "named or not" in prose
    assert not set(speakers["speaker"]) <= people, set(speakers["speaker"]) - people  # an organisation speaks
    assert "is not always a person" in prose


def test_notebook_02_sets_headline_against_body_over_every_article_with_its_test(seed_report):
    """Regression: the headline-against-body table averaged over the articles where the frame's
    cues occur (selected on the outcome) and had no test. It now gives each outlet's mean gap over
    all its articles with a headline and a body (`n_articles` once) and says its test once, or why
    there is none (the seeds: one article per outlet)."""
    import pandas as pd

    result, _ = seed_report
    executed = _read(result.folder / "notebooks" / "02_frames.ipynb")
    cell = next(c for c in executed.cells if c.cell_type == "code" and "headline_frame_gaps" in c.source)
    printed = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
    assert "headline share minus body share" in printed and "no test" in printed, printed
    html = next(o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))
    shown = pd.read_html(__import__("io").StringIO(html))[0]
    assert {"n_articles", "headline", "body", "gap", "ci_low"} <= set(map(str, shown.columns))
    assert not any("count" in str(name) for name in shown.columns)
    assert shown["n_articles"].tolist() == [1] * len(shown)  # every article, with the frame or not
    assert len(shown) == shown["frame"].nunique() * shown["outlet"].nunique()  # every frame for every outlet


def test_across_outlets_says_why_no_sentence_is_reported_by_every_outlet(shared_data, tmp_path):
    """Regression: notebook 06 on an event where no sentence has a counterpart in every other
    outlet showed the table "Sentences every other outlet also reports" with a header and no row;
    it now says why there is none, and that the same facts may be worded otherwise."""
    from framing.report import runner
    from framing.build import build_corpus
    from framing.compare import align_sentences, shared_facts
    from framing.store import load_sentences

    raw = _allsides_corpus(shared_data, tmp_path / "raw" / "three")
    processed = tmp_path / "processed" / "three"
    build_corpus(raw, processed)
    sentences = load_sentences(processed)
    empty = [event for event, part in sentences.groupby("event")
             if shared_facts(align_sentences(part), part).empty]
    assert empty  # (on this corpus most events have none)
    chosen = [p for p in NOTEBOOKS if p.name.startswith("06_")][0]
    runner.execute_notebook(chosen, tmp_path / "06.ipynb", kernel="python3", cwd=tmp_path, timeout=300,
                            parameters={"corpus": str(processed), "event": empty[0], "save_figures": False})
    executed = _read(tmp_path / "06.ipynb")
    cell = next(c for c in executed.cells if c.cell_type == "code" and "fr.shared_facts(" in c.source)
    assert f"No sentence of event {empty[0]} has a counterpart in every other outlet" in _printed(tmp_path / "06.ipynb")
    assert not [o for o in cell.outputs if "text/html" in o.get("data", {})]


def test_the_reports_notebooks_do_not_name_the_staging_folder_they_saved_to(seed_report):
    """A notebook run by hand names the folder its first chart goes to; the report's notebooks save
    to a staging folder that is renamed when the run ends, so they say nothing of it (the index
    names the report's folder)."""
    result, _ = seed_report
    for run in result.runs:
        printed = _printed(result.folder / "notebooks" / run.notebook)
        assert "charts and tables are saved in" not in printed, run.notebook


@pytest.mark.parametrize("which", ["seed_report", "allsides_report"])
def test_notebook_06_sets_headline_against_body_over_every_article_and_says_it_describes_one_event(which, request):
    """Regression: notebook 06 averaged each frame's headline and body shares over the articles where
    the frame's cues occur (`headline_vs_body` pivoted: an outlet whose article lacks a frame had no
    row for it, one with several articles was averaged over those that use it) and said nothing of
    tests. It now gives every outlet a row for every frame of the event, over all its articles, with
    the summary of notebook 02, and says that one event's rows describe its articles."""
    from io import StringIO

    import pandas as pd

    result, _ = request.getfixturevalue(which)
    path = result.folder / "notebooks" / "06_across_outlets.ipynb"
    cell = next(c for c in _read(path).cells if c.cell_type == "code" and "headline_frame_gaps(" in c.source)
    printed = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
    assert "each row is the mean of an outlet's articles of this one event, which describes them" in printed, printed
    assert "headline share minus body share" in printed and "headline sentiment minus body sentiment" in printed
    tables = [pd.read_html(StringIO(o["data"]["text/html"]))[0] for o in cell.outputs if "text/html" in o.get("data", {})]
    frames, tone = tables
    assert len(frames) == frames["frame"].nunique() * frames["outlet"].nunique()  # every frame for every outlet
    assert {"n_articles", "n_differing", "gap", "ci_low", "interval"} <= set(frames.columns)
    assert tone["outlet"].tolist() == frames.drop_duplicates("outlet")["outlet"].tolist()
    assert (tone["n_articles"] == tone["n_articles"].iloc[0]).all() or which == "seed_report"


def test_saved_tables_behind_ranked_charts_keep_their_test(allsides_report):
    """A saved table carries no caption: `sentiment_by_outlet.csv`, `summary_sentiment.csv` and the
    tables of the charts on the same events ranked outlets with no test in them, and the report's
    index showed them bare. They now hold the permutation test the chart names, and the index says it
    once above them."""
    import pandas as pd

    from framing.report.index import tests_said_once

    result, _ = allsides_report
    tables = result.folder / "tables"
    [frame_file] = list(tables.glob("frame_on_same_events_*.csv"))
    frame = frame_file.stem.removeprefix("frame_on_same_events_")
    frames = pd.read_csv(tables / "frame_prevalence_by_outlet.csv")
    tone_p = None
    for name in ("sentiment_by_outlet", "summary_sentiment", "sentiment_on_same_events", frame_file.stem):
        table = pd.read_csv(tables / f"{name}.csv")
        assert table["p_value"].nunique() == 1 and table["test"].str.contains("within events").all(), name
        shown, line = tests_said_once(table)
        assert "p_value" not in shown and "one test of all" in line, (name, line)
        if name != frame_file.stem:
            tone_p = table["p_value"].iloc[0] if tone_p is None else tone_p
            assert table["p_value"].iloc[0] == tone_p, name  # one test, the same in each table
    expected = frames.loc[frames["frame"] == frame, ["p_value", "p_adjusted"]].iloc[0].tolist()
    assert pd.read_csv(frame_file)[["p_value", "p_adjusted"]].iloc[0].tolist() == pytest.approx(expected)


def test_notebook_05_says_the_tests_of_its_quote_tables_above_them(allsides_report):
    """Regression: notebook 05's tables of quote and speaker shares set the outlets side by side with
    no test in the notebook (the chart captions named it); each test is now printed once above them."""
    result, _ = allsides_report
    printed = _printed(result.folder / "notebooks" / "05_sources_and_quotes.ipynb")
    said = [line for line in printed.splitlines() if line.startswith("share of an article's quotes, ")]
    for measure in ("share_anonymous", "share_evaluative", "share_official"):  # each once: tested, or why not
        assert sum(measure in line for line in said) == 1, said
    assert any(line.startswith("share of an article's quoted words, ") for line in printed.splitlines())


def test_a_speaker_no_two_outlets_of_one_event_quote_has_no_test_in_notebook_05(allsides_report):
    """Regression: the chart of who is quoted gave "White House 1" among its tests on allsides-100,
    where no event had two outlets quoting the White House (and "Janet Yellen 1" where the three
    outlets of her one event each gave her all their quoted words): a p of 1 that reads as "the
    outlets quote them alike". Such a speaker now has no test, said in the caption, the CSV (`note`)
    and the index, as an actor no two outlets of an event name has none."""
    import pandas as pd

    from framing.report.index import tests_said_once
    from framing.stats import NO_SHARED_EVENT, SAME_WITHIN_EVENTS

    result, _ = allsides_report
    table = pd.read_csv(result.folder / "tables" / "quote_share_by_speaker.csv")
    caption = json.loads((result.folder / "figures" / "quote_share_by_speaker.json").read_text())["caption"]
    speakers = table.drop_duplicates("speaker")
    untested = speakers[speakers["p_value"].isna()]
    notes = {NO_SHARED_EVENT.format(by="outlet", present=" quoting the speaker"), SAME_WITHIN_EVENTS.format(by="outlet")}
    assert len(untested) and set(untested["note"]) <= notes, untested[["speaker", "note"]]
    assert NO_SHARED_EVENT.format(by="outlet", present=" quoting the speaker") in set(untested["note"])
    for speaker in untested["speaker"]:
        assert f"{speaker} 1" not in caption and speaker in caption.split("; no test for ", 1)[1], (speaker, caption)
    assert speakers["p_value"].notna().any()  # the others are tested
    _, line = tests_said_once(table)
    assert all(f"{speaker} no test (" in line for speaker in untested["speaker"]), line


def test_saved_quote_tables_keep_their_tests_and_the_index_says_each_once(allsides_report):
    """Regression: `quote_shares.csv`, `summary_quotes.csv` and `quote_share_by_speaker.csv` set the
    outlets side by side with no test in them (the charts and notebook 05 named theirs), and the
    index read a family of tests only by `frame`. They now hold one test per measure or speaker, and
    the index says each once, with the range of events the tests compared."""
    import pandas as pd

    from framing.report.index import tests_said_once

    result, _ = allsides_report
    tables = result.folder / "tables"
    for name, family in (("quote_shares", "measure"), ("summary_quotes", "measure"), ("quote_share_by_speaker", "speaker")):
        table = pd.read_csv(tables / f"{name}.csv")
        tested = table.dropna(subset=["p_value"])  # (an outlet with nothing to test has no p-value)
        assert tested.groupby(family)["p_value"].nunique().eq(1).all(), name  # one test per family member
        assert tested["test"].str.contains("within events").all(), name
        shown, line = tests_said_once(table)
        assert "p_value" not in shown and f"per {family}" in line, (name, line)
        named = tested.drop_duplicates(family)
        assert all(str(member).replace("_", " ") in line for member in named[family]), line
        low, high = int(named["n_events_tested"].min()), int(named["n_events_tested"].max())
        assert (f"{low:,} to {high:,} events" if low != high else f"{high:,} events") in line
