"""Where framing writes, and what it writes: folders it owns (marker), table integrity (build.json
row counts and hashes), CSV cells that a spreadsheet would run, file modes, the staleness warning."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import stat
import warnings

import pandas as pd
import pyarrow.parquet as pq
import pytest

from framing import store
from framing.build import build_corpus
from framing.config import UsageError, check_output, corpus_folder
from framing.frames import add_frames, export_coding_sheet
from framing.plots import save_table

HYPERLINK = '=HYPERLINK("http://example.com/x","click")'
TEXT = ("Ministers met in Brussels on Tuesday to discuss the new budget for the coming year. "
        "The talks ran late into the night, officials said, and no agreement was reached. "
        "Another meeting is planned for next week, when finance ministers will return.")


def _export(folder, rows):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "export.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    return folder


@pytest.fixture
def formula_corpus(tmp_path):
    """An export whose outlet and title a spreadsheet would run as formulas."""
    return _export(tmp_path / "formulas", [
        {"outlet": HYPERLINK, "title": "-5 points for the plan", "text": TEXT},
        {"outlet": "@Daily", "title": "+ a plus sign", "text": TEXT.replace("Tuesday", "Monday")},
        {"outlet": "Plain News", "title": "Budget talks", "text": TEXT.replace("Tuesday", "Friday")},
    ])


def _csv_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# ── CSV cells a spreadsheet would run ───────────────────────────────────────────────────────────

def test_build_csv_neutralises_formulas_and_parquet_keeps_them(formula_corpus, tmp_path):
    out = tmp_path / "out"
    build_corpus(formula_corpus, out)
    rows = {row["outlet"] for row in _csv_rows(out / "articles.csv")}
    assert rows == {"'" + HYPERLINK, "'@Daily", "Plain News"}
    titles = {row["title"] for row in _csv_rows(out / "articles.csv")}
    assert {"'-5 points for the plan", "'+ a plus sign", "Budget talks"} <= titles
    assert set(pd.read_parquet(out / "articles.parquet")["outlet"]) == {HYPERLINK, "@Daily", "Plain News"}
    assert {row["outlet"] for row in _csv_rows(out / "sentences.csv")} == rows
    # numbers stay numbers
    assert all(float(row["position"]) >= 0 for row in _csv_rows(out / "sentences.csv"))


def test_every_formula_start_is_neutralised_in_text_cells_only():
    table = pd.DataFrame({
        "text": ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "plain", "-0.5", None],
        "number": [-0.5, 1.0, -2.0, 0.0, 3.5, -1e-3, 2.0, -0.5, 1.0],
    })
    safe = store.neutralise_formulas(table)
    assert safe["text"].tolist()[:8] == ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1", "plain",
                                         "'-0.5"]
    assert safe["text"].isna().tolist()[-1]
    assert safe["number"].tolist() == table["number"].tolist()
    assert table["text"].iloc[0] == "=1+1"  # the caller's table is not changed


def test_save_table_and_coding_sheet_neutralise_formulas(formula_corpus, tmp_path):
    build = build_corpus(formula_corpus, tmp_path / "tables")
    assert build is not None
    table = pd.DataFrame({"outlet": [HYPERLINK, "Plain"], "share": [-0.5, 0.25]})
    path = save_table(table, "shares", out=tmp_path / "report")
    rows = _csv_rows(path)
    assert [row["outlet"] for row in rows] == ["'" + HYPERLINK, "Plain"]
    assert [float(row["share"]) for row in rows] == [-0.5, 0.25]
    sentences = store.load_sentences(tmp_path / "tables")
    hits = add_frames(sentences, scheme="generic")
    sheet = export_coding_sheet(sentences, hits, tmp_path / "report" / "sheet.csv", n=6)
    outlets = {row["outlet"] for row in _csv_rows(sheet)}
    assert "'" + HYPERLINK in outlets and HYPERLINK not in outlets


# ── folders framing owns ────────────────────────────────────────────────────────────────────────

def test_new_output_folder_is_marked_and_owned(formula_corpus, tmp_path):
    out = tmp_path / "new" / "out"
    build_corpus(formula_corpus, out)
    assert (out / store.MARKER).is_file()
    assert store.owns(out)
    build_corpus(formula_corpus, out)  # framing's own folder: rebuilt in place
    assert (out / "articles.parquet").exists()


def test_a_folder_that_is_not_framings_is_refused_and_left_alone(formula_corpus, tmp_path):
    out = tmp_path / "mine"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "draft.txt").write_text("my own notes", encoding="utf-8")
    (out / "thesis.docx").write_bytes(b"not framing's")
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    with pytest.raises(UsageError, match="not made by framing"):
        build_corpus(formula_corpus, out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


def test_an_empty_folder_is_taken(formula_corpus, tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    build_corpus(formula_corpus, out)
    assert (out / store.MARKER).is_file() and (out / "sentences.parquet").exists()


def test_tables_of_an_earlier_version_without_the_marker_are_adopted(formula_corpus, tmp_path):
    out = tmp_path / "old"
    build_corpus(formula_corpus, out)
    (out / store.MARKER).unlink()
    (out / store.MANIFEST).unlink()  # earlier versions kept no list either
    info = json.loads((out / "build.json").read_text(encoding="utf-8"))
    del info["tables"]  # as earlier versions wrote it
    (out / "build.json").write_text(json.dumps(info), encoding="utf-8")
    again = build_corpus(formula_corpus, out)
    assert again.n_reused == 0  # no hashes to trust: rebuilt
    assert not any("does not match" in str(p) for p in again.problems)  # an upgrade, not a problem
    assert (out / store.MARKER).is_file()


def test_a_users_folder_named_like_a_table_is_never_removed(formula_corpus, tmp_path):
    out = tmp_path / "out"
    build_corpus(formula_corpus, out)
    raw = out / "sentences"
    raw.mkdir()
    (raw / "notes.txt").write_text("kept", encoding="utf-8")
    build_corpus(formula_corpus, out, fresh=True)
    assert (raw / "notes.txt").read_text(encoding="utf-8") == "kept"


def test_swap_folder_refuses_a_folder_that_is_not_framings(tmp_path):
    final = tmp_path / "report"
    final.mkdir()
    (final / "own.txt").write_text("a user's file", encoding="utf-8")
    staged = store.mark_folder(store.make_temp_dir(tmp_path, prefix=".report."))
    with pytest.raises(UsageError, match="not made by framing"):
        store.swap_folder(staged, final)
    assert (final / "own.txt").exists()
    marked = tmp_path / "marked"
    store.claim_folder(marked)
    (marked / "index.html").write_text("old", encoding="utf-8")
    store.swap_folder(staged, marked)
    assert not (marked / "index.html").exists() and (marked / store.MARKER).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".old")] == []


# ── where outputs may go ────────────────────────────────────────────────────────────────────────

def test_corpus_names_resolve_to_the_real_folder(tmp_path, monkeypatch):
    raw = tmp_path / "data" / "raw" / "my-event"
    (raw / "sub").mkdir(parents=True)
    monkeypatch.chdir(raw / "sub")
    assert corpus_folder("..") == raw
    assert corpus_folder("..").name == "my-event"
    monkeypatch.chdir(raw)
    assert corpus_folder(".") == raw
    monkeypatch.chdir(tmp_path)
    assert corpus_folder("my-event") == raw
    with pytest.raises(UsageError, match="empty corpus name"):
        corpus_folder("")


@pytest.mark.parametrize("where, message", [
    ("data/raw/my-event/out", "inside the corpus folder"),
    ("data/raw/my-event", "inside the corpus folder"),
    ("data/raw", "holds the corpus folder"),
    ("data", "holds the corpus folder"),
    (".", "holds the corpus folder"),
    ("..", "holds the corpus folder"),
])
def test_outputs_never_inside_or_around_the_corpus(tmp_path, monkeypatch, where, message):
    raw = tmp_path / "data" / "raw" / "my-event"
    raw.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=message):
        check_output(where, corpus=raw)
    assert check_output("data/processed/my-event", corpus=raw) == tmp_path / "data" / "processed" / "my-event"


def test_outputs_never_replace_the_project_or_data_raw(tmp_path, monkeypatch):
    (tmp_path / "project" / "data" / "raw").mkdir(parents=True)
    elsewhere = tmp_path / "corpora" / "event"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "project")
    for where in (".", "data", "data/raw"):
        with pytest.raises(UsageError, match="framing must never replace"):
            check_output(where, corpus=elsewhere)
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file"):
        check_output(tmp_path / "file.txt", corpus=elsewhere)


# ── table integrity ─────────────────────────────────────────────────────────────────────────────

def test_build_json_records_row_counts_and_hashes(formula_corpus, tmp_path):
    out = tmp_path / "out"
    build_corpus(formula_corpus, out)
    recorded = json.loads((out / "build.json").read_text(encoding="utf-8"))["tables"]
    for name in store.TABLES:
        assert recorded[name]["rows"] == len(pd.read_parquet(out / f"{name}.parquet"))
        assert len(recorded[name]["sha256"]) == 64
    assert store.check_tables(out) is None


def test_a_table_missing_rows_is_rebuilt_not_reused(formula_corpus, tmp_path):
    out = tmp_path / "out"
    build_corpus(formula_corpus, out)
    whole = pd.read_parquet(out / "sentences.parquet")
    whole.iloc[: len(whole) // 2].to_parquet(out / "sentences.parquet", index=False)
    assert "rows" in store.check_tables(out)
    again = build_corpus(formula_corpus, out)
    assert again.n_reused == 0
    assert any("does not match the tables beside it" in str(p) for p in again.problems)
    pd.testing.assert_frame_equal(pd.read_parquet(out / "sentences.parquet"), whole)
    assert store.check_tables(out) is None
    assert build_corpus(formula_corpus, out).n_reused == 3  # intact again: reused


def test_an_edited_table_is_rebuilt(formula_corpus, tmp_path):
    out = tmp_path / "out"
    build_corpus(formula_corpus, out)
    whole = pd.read_parquet(out / "sentences.parquet")
    edited = whole.assign(text=whole["text"].str.replace("budget", "BUDGET"))
    edited.to_parquet(out / "sentences.parquet", index=False)
    assert store.check_tables(out) == "the sentences table was changed after it was built"
    assert build_corpus(formula_corpus, out).n_reused == 0
    pd.testing.assert_frame_equal(pd.read_parquet(out / "sentences.parquet"), whole)


@pytest.mark.parametrize("damage", ["garbage", "wrong types"])
def test_unreadable_or_mistyped_previous_tables_are_rebuilt(formula_corpus, tmp_path, damage):
    out = tmp_path / "out"
    build_corpus(formula_corpus, out)
    articles = pd.read_parquet(out / "articles.parquet")
    if damage == "garbage":
        (out / "articles.parquet").write_bytes(b"PAR1 not really parquet")
    else:
        pd.DataFrame({"article_id": [1, 2], "build_key": [3.5, None], "raw_sha256": [0, 0],
                      "outlet": [1, 2]}).to_parquet(out / "articles.parquet")
    again = build_corpus(formula_corpus, out)
    assert again.n_reused == 0
    pd.testing.assert_frame_equal(pd.read_parquet(out / "articles.parquet"), articles)


# ── modes ───────────────────────────────────────────────────────────────────────────────────────

def _modes(folder):
    return {p.relative_to(folder).as_posix(): stat.S_IMODE(p.stat().st_mode)
            for p in [folder, *folder.rglob("*")]}


def test_outputs_are_readable_as_the_umask_allows(formula_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(store.tables, "PARTITION_ROWS", 5)  # also a partitioned table folder
    old = os.umask(0o022)
    try:
        out = tmp_path / "out"
        build_corpus(formula_corpus, out)
        save_table(pd.DataFrame({"a": [1]}), "t", out=tmp_path / "report")
        folder = store.make_temp_dir(tmp_path, prefix=".x.")
        os.umask(0o027)
        strict = store.make_temp_file(tmp_path / "strict.csv")
    finally:
        os.umask(old)
    modes = {**_modes(out), **{f"report/{k}": v for k, v in _modes(tmp_path / "report").items()}}
    assert (out / "sentences").is_dir()
    for name, mode in modes.items():
        path = out / name if not name.startswith("report/") else tmp_path / name
        assert mode == (0o755 if path.is_dir() else 0o644), (name, oct(mode))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(strict.stat().st_mode) == 0o640


# ── staleness ───────────────────────────────────────────────────────────────────────────────────

def test_an_edit_in_a_corpus_subfolder_makes_the_tables_stale(tmp_path, capsys):
    raw = _export(tmp_path / "data" / "raw" / "event" / "sub", [{"outlet": "A", "text": TEXT}]).parent
    out = tmp_path / "data" / "processed" / "event"
    build_corpus(raw, out)
    assert not store.changed_since_build(out, root=tmp_path)
    built = (out / "build.json").stat().st_mtime
    edited = raw / "sub" / "export.jsonl"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Tuesday", "Sunday"), encoding="utf-8")
    os.utime(edited, (built + 5, built + 5))
    os.utime(raw / "sub", (built - 5, built - 5))
    os.utime(raw, (built - 5, built - 5))
    assert store.changed_since_build(out, root=tmp_path)
    store.load_articles("event", root=tmp_path)
    assert "has changed since" in capsys.readouterr().err


def test_editing_the_issue_frames_leaves_the_tables_fresh_and_a_file_moved_in_makes_them_stale(tmp_path, seeds_dir):
    """Regression: editing data/raw/<corpus>/issue_frames.toml as the README says (JupyterLab saves
    through a temporary file, so the folder changes too) made every notebook warn that the tables
    did not include the change and to rebuild, though the build never reads it. A page moved in
    with its old time, a deleted one and an edited one still make them stale."""
    raw = tmp_path / "data" / "raw" / seeds_dir.name
    shutil.copytree(seeds_dir, raw)
    out = tmp_path / "data" / "processed" / seeds_dir.name
    build_corpus(raw, out)
    later = (out / "build.json").stat().st_mtime + 5
    issues = raw / "issue_frames.toml"
    saved = raw / ".~issue_frames.toml"  # as an editor saves: a new file put in place of the old
    saved.write_text(issues.read_text(encoding="utf-8").replace('version = "1.0"', 'version = "1.1-mine"'),
                     encoding="utf-8")
    os.replace(saved, issues)
    for path in (issues, raw):
        os.utime(path, (later, later))
    assert not store.changed_since_build(out, root=tmp_path)
    page = next(raw.glob("000_*.txt"))
    moved = shutil.copy2(page, raw / "moved-in.txt")  # its own, older time, as `mv` keeps it
    os.utime(moved, (later - 3600, later - 3600))
    assert store.changed_since_build(out, root=tmp_path)
    os.remove(moved)
    assert not store.changed_since_build(out, root=tmp_path)
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert store.changed_since_build(out, root=tmp_path)


def test_a_cell_loading_three_stale_tables_says_so_once_in_one_plain_line(tmp_path, capsys):
    """Regression: a notebook cell that loaded the articles, sentences and removed lines of a corpus
    changed since its build printed the out-of-date warning three times (once per line); then, as
    a Python warning, once but behind the kernel's file and line ("/tmp/ipykernel_32386/15341.py:1:
    UserWarning: …") and followed by the line of code that loaded the table. It is one plain line."""
    raw = _export(tmp_path / "data" / "raw" / "event", [{"outlet": "A", "text": TEXT}])
    out = tmp_path / "data" / "processed" / "event"
    build_corpus(raw, out)
    later = (out / "build.json").stat().st_mtime + 5
    added = raw / "added.jsonl"
    added.write_text(json.dumps({"outlet": "B", "text": TEXT}) + "\n", encoding="utf-8")
    os.utime(added, (later, later))

    def cell():
        capsys.readouterr()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")  # what a notebook shows: each warning once per line of code
            store.load_articles("event", root=tmp_path)
            store.load_sentences("event", root=tmp_path, kinds=None)
            store.load_removed("event", root=tmp_path)
        shown = capsys.readouterr()
        assert caught == [] and shown.out == ""  # no Python warning, nothing among the cell's results
        return shown.err.splitlines()

    said = cell()
    assert said == ["warning: data/raw/event has changed since its tables were built (a file was added, removed "
                    "or edited): these tables do not include the change; run `framing build data/raw/event` "
                    "(or `make report`) to update them"], said
    assert cell() == []  # the cell run again: the same tables, already said
    build_corpus(raw, out)  # rebuilt: up to date, nothing to say
    os.utime(out / "build.json", (later + 5, later + 5))
    assert cell() == []
    os.utime(added, (later + 10, later + 10))  # changed again after the new build: said again
    assert len(cell()) == 1


def test_parts_are_fingerprinted_and_a_missing_part_is_rebuilt(formula_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(store.tables, "PARTITION_ROWS", 5)
    out = tmp_path / "out"
    build_corpus(formula_corpus, out, chunk_size=1)
    parts = store.table_files(out, "sentences")
    assert len(parts) >= 2 and (out / "sentences" / store.MARKER).exists()
    assert store.check_tables(out) is None
    rows = sum(pq.ParquetFile(p).metadata.num_rows for p in parts)
    parts[0].unlink()
    assert store.check_tables(out) is not None
    assert build_corpus(formula_corpus, out, chunk_size=1).n_reused == 0
    assert sum(pq.ParquetFile(p).metadata.num_rows for p in store.table_files(out, "sentences")) == rows
    shutil.rmtree(out)


def test_a_report_folder_made_by_a_notebook_is_marked_and_a_users_folder_is_not(tmp_path):
    save_table(pd.DataFrame({"a": [1]}), "t", out=tmp_path / "made")
    assert (tmp_path / "made" / store.MARKER).is_file()
    mine = tmp_path / "mine"
    mine.mkdir()
    save_table(pd.DataFrame({"a": [1]}), "t", out=mine)
    assert not (mine / store.MARKER).exists() and (mine / "tables" / "t.csv").exists()


def test_dot_names_the_corpus_folder_it_stands_for(tmp_path, monkeypatch):
    from framing.plots import report_folder

    (tmp_path / "data" / "raw" / "my-event" / "sub").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "data" / "raw" / "my-event" / "sub")
    assert store.corpus_dir("..", root=tmp_path) == tmp_path / "data" / "processed" / "my-event"
    monkeypatch.chdir(tmp_path / "data" / "raw" / "my-event")
    assert report_folder(corpus=".").name == "my-event"


def test_a_report_of_an_earlier_version_is_adopted_and_a_users_folder_is_not(tmp_path):
    old = tmp_path / "old"
    for name in ("figures/chart.png", "tables/chart.csv", "notebooks/01.ipynb", "coding/sheet.csv"):
        (old / name).parent.mkdir(parents=True, exist_ok=True)
        (old / name).write_text("x", encoding="utf-8")
    (old / "index.html").write_text("<p>report</p>", encoding="utf-8")
    assert store.owns(old)
    (old / "figures" / "thesis.docx").write_text("mine", encoding="utf-8")
    assert not store.owns(old)


def test_clean_of_a_folder_without_a_list_removes_only_the_charts_their_records_name(formula_corpus, tmp_path):
    """A scratch folder (or a report of an earlier version) has no list of what framing wrote:
    in `figures/` a file is framing's only when a chart's record names it, so a user's own chart
    there stays (`framing clean` removed `figures/` whole)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.plots import plot_article_lengths, save_figure

    out = tmp_path / "processed"
    build_corpus(formula_corpus, out)
    ax = plot_article_lengths(store.load_articles(out))
    scratch = tmp_path / "reports" / "_scratch" / "toy"
    written = save_figure(ax.figure, "frames", out=scratch)
    plt.close(ax.figure)
    save_table(pd.DataFrame({"a": [1]}), "frames", out=scratch)
    (scratch / store.MANIFEST).unlink()  # as an earlier version left it: no list
    mine = scratch / "figures" / "my_chart.pdf"
    mine.write_bytes(written["pdf"].read_bytes())
    (scratch / "figures" / "frames.notes.txt").write_text("why the bars differ", encoding="utf-8")
    assert store.user_files(scratch) == ["figures/frames.notes.txt", "figures/my_chart.pdf"]
    line = store.remove_outputs(scratch, "report")
    assert line.startswith(f"cleaned {scratch}; kept") and "figures/my_chart.pdf" in line
    assert sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*")) == \
        [".framing", "figures", "figures/frames.notes.txt", "figures/my_chart.pdf"]
    (scratch / "figures" / "frames.notes.txt").unlink()
    mine.unlink()
    assert store.remove_outputs(scratch, "report") == f"removed {scratch}" and not scratch.exists()


def test_a_report_list_naming_files_outside_its_folder_removes_none_of_them(tmp_path):
    """A report's list of what framing wrote, edited by hand or damaged, names files beyond the
    report folder (its parent, the project): `framing clean` removes none of them."""
    project_file = tmp_path / "notes.txt"
    project_file.write_text("a user's notes", encoding="utf-8")
    (tmp_path / "reports" / "mycorpus").mkdir(parents=True)
    report = store.mark_folder(tmp_path / "reports" / "mycorpus")
    (report / "index.html").write_text("<html></html>", encoding="utf-8")
    digest = hashlib.sha256(project_file.read_bytes()).hexdigest()
    listed = {"index.html": None, "../../notes.txt": digest, str(project_file): digest}
    (report / store.MANIFEST).write_text(json.dumps({"files": listed}), encoding="utf-8")
    assert sorted(store.report_files(report)) == ["index.html"]
    store.remove_outputs(report, "report")
    assert project_file.read_text(encoding="utf-8") == "a user's notes"
    assert not (report / "index.html").exists()


def test_a_tables_parts_folder_loses_only_its_parts(formula_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(store.tables, "PARTITION_ROWS", 3)  # the sentences table in parts
    out = tmp_path / "processed"
    build_corpus(formula_corpus, out)
    assert sorted((out / "sentences").glob("part-*.parquet"))
    (out / "sentences" / "my_sample.csv").write_text("a\n1\n", encoding="utf-8")
    line = store.remove_outputs(out, "tables")
    assert "kept" in line and "sentences/my_sample.csv" in line
    # the list (now naming nothing) and the parts folder's marker stay with the user's file, so a
    # rebuild writes its parts there again (a folder without the marker would be refused)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == \
        [".framing", ".framing-files.json", "sentences", "sentences/.framing", "sentences/my_sample.csv"]
    build_corpus(formula_corpus, out)
    assert (out / "sentences" / "my_sample.csv").read_text(encoding="utf-8") == "a\n1\n"
    assert len(store.load_sentences(out, kinds=None)) == store.fingerprint(store.table_files(out, "sentences"))["rows"]


def _tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_rebuild_keeps_the_users_files_in_a_parts_folder_and_beside_the_tables(formula_corpus, tmp_path, monkeypatch):
    """A user's notes dropped into the `sentences/` parts folder were lost on the next build (the
    folder was replaced whole) and made the table unreadable until then (read as a part); notes
    beside the tables stay too, and the build names what it kept."""
    monkeypatch.setattr(store.tables, "PARTITION_ROWS", 3)  # the sentences table in parts
    out = tmp_path / "processed"
    build_corpus(formula_corpus, out)
    rows = len(store.load_sentences(out, kinds=None))
    (out / "sentences" / "notes.txt").write_text("parts: check outlet 2", encoding="utf-8")
    (out / "notes.txt").write_text("beside the tables", encoding="utf-8")
    assert len(store.load_sentences(out, kinds=None)) == rows  # the notes are not read as a part
    again = build_corpus(formula_corpus, out, fresh=True)
    assert (out / "sentences" / "notes.txt").read_text(encoding="utf-8") == "parts: check outlet 2"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "beside the tables"
    assert sorted(again.kept) == [("notes.txt", "notes.txt"), ("sentences/notes.txt", "sentences/notes.txt")]
    assert len(store.load_sentences(out, kinds=None)) == rows and store.check_tables(out) is None
    line = store.remove_outputs(out, "tables")
    assert "notes.txt" in line and "sentences/notes.txt" in line
    assert _tree(out) == [".framing", ".framing-files.json", "notes.txt", "sentences/.framing", "sentences/notes.txt"]


def test_a_table_the_user_edited_is_set_aside_not_overwritten(formula_corpus, tmp_path):
    """A CSV copy opened in a spreadsheet and saved (or any of framing's files changed) was
    overwritten by the next build; now it is kept beside the new one, and only framing's unchanged
    files are replaced."""
    out = tmp_path / "processed"
    build_corpus(formula_corpus, out)
    edited = (out / "articles.csv").read_text(encoding="utf-8") + "my,own,row\n"
    (out / "articles.csv").write_text(edited, encoding="utf-8")
    removed = (out / "removed.csv").read_bytes()
    again = build_corpus(formula_corpus, out, fresh=True)
    assert again.kept == [("articles.csv", "articles.yours.csv")]
    assert (out / "articles.yours.csv").read_text(encoding="utf-8") == edited
    assert "my,own,row" not in (out / "articles.csv").read_text(encoding="utf-8")
    assert (out / "removed.csv").read_bytes() == removed  # framing's own: replaced by the same
    assert build_corpus(formula_corpus, out, fresh=True).kept == [("articles.yours.csv", "articles.yours.csv")]
    assert not list(out.glob("*.yours-*"))


def test_a_table_leaving_its_parts_folder_keeps_the_users_files_there(formula_corpus, tmp_path, monkeypatch):
    """When a table shrinks from parts to one file, the parts folder went whole (`rmtree`), with
    anything the user had put in it."""
    monkeypatch.setattr(store.tables, "PARTITION_ROWS", 3)
    out = tmp_path / "processed"
    build_corpus(formula_corpus, out)
    (out / "sentences" / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setattr(store.tables, "PARTITION_ROWS", 1_000_000)
    build_corpus(formula_corpus, out, fresh=True)
    assert (out / "sentences.parquet").is_file() and not list((out / "sentences").glob("part-*"))
    assert (out / "sentences" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert store.check_tables(out) is None


def test_leftovers_of_a_killed_report_are_its_own_not_another_corpus(tmp_path):
    """A run holding corpus `event`'s lock removes the staging folders a killed run of `event`
    left, never those of a running report of `event.2025` (whose names begin the same)."""
    for name in (".event.k1ll3d.tmp", ".event.2025.running.tmp", ".event.ab12cd34ef56.old"):
        (tmp_path / name).mkdir()
        store.mark_folder(tmp_path / name)
    (tmp_path / ".event.unmarked.tmp").mkdir()  # not framing's: stays
    removed = store.remove_leftovers(tmp_path, "event")
    assert sorted(p.name for p in removed) == [".event.ab12cd34ef56.old", ".event.k1ll3d.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".event.2025.running.tmp", ".event.unmarked.tmp"]


def test_a_users_hidden_tmp_and_old_files_are_not_taken_for_framings_leftovers(formula_corpus, tmp_path):
    """Framing's temporary files are `.<name>.<8 random>.tmp` and its staging folders carry its
    marker; a user's `.notes.tmp` and `.drafts.old/` (hidden, but theirs) were removed by the next
    build (`remove_leftovers`) and by `framing clean`, and left out of what a report rerun keeps."""
    out = tmp_path / "processed"
    build_corpus(formula_corpus, out)
    (out / ".notes.tmp").write_text("mine", encoding="utf-8")
    (out / ".drafts.old").mkdir()
    (out / ".drafts.old" / "a.txt").write_text("draft", encoding="utf-8")
    (out / ".build-k1ll3d00.tmp").mkdir()  # a build killed outright: framing's
    (out / ".articles.csv.x1y2z3w4.tmp").write_text("half a table", encoding="utf-8")
    assert build_corpus(formula_corpus, out, fresh=True).kept == [(".drafts.old/a.txt", ".drafts.old/a.txt"),
                                                                  (".notes.tmp", ".notes.tmp")]
    assert not (out / ".build-k1ll3d00.tmp").exists() and not (out / ".articles.csv.x1y2z3w4.tmp").exists()
    (tmp_path / "report").mkdir()
    report = store.mark_folder(tmp_path / "report")
    (report / ".notes.tmp").write_text("mine", encoding="utf-8")
    assert store.user_files(report) == [".notes.tmp"]
    line = store.remove_outputs(out, "tables")
    assert ".notes.tmp" in line and ".drafts.old/a.txt" in line
    assert (out / ".notes.tmp").read_text(encoding="utf-8") == "mine"
    assert (out / ".drafts.old" / "a.txt").read_text(encoding="utf-8") == "draft"


def test_loading_a_corpus_name_with_a_typo_names_the_corpora_there_are(tmp_path, seeds_dir):
    """Regression: `corpus = "ukraine_nato-2025-02-12"` in a notebook said to build
    data/raw/ukraine_nato-2025-02-12, a folder that does not exist; it now names the corpora of
    data/raw/, the closest first, and builds nothing."""
    from framing.store import load_sentences

    shutil.copytree(seeds_dir, tmp_path / "data" / "raw" / seeds_dir.name)
    with pytest.raises(FileNotFoundError) as typo:
        load_sentences(seeds_dir.name.replace("-", "_", 1), root=tmp_path)
    assert "no such corpus folder" in str(typo.value)
    assert f"the corpora in {tmp_path / 'data' / 'raw'}/ are: {seeds_dir.name}" in str(typo.value)
    assert not (tmp_path / "data" / "processed").exists()


def test_loading_a_corpus_never_built_builds_it_into_framings_own_folder_and_says_so(tmp_path, seeds_dir, capsys):
    """Regression: a notebook opened on a corpus put in data/raw/ but never built stopped on a
    missing table, naming a command JupyterLab's folder (notebooks/) cannot run. The corpus is built
    into data/processed/<name>, as `framing build` does, with a line saying so; once only."""
    from framing.store import load_articles, load_sentences

    raw = tmp_path / "data" / "raw" / seeds_dir.name
    shutil.copytree(seeds_dir, raw)
    listing = sorted(p.relative_to(raw) for p in raw.rglob("*"))
    sentences = load_sentences(seeds_dir.name, root=tmp_path)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == (f"{seeds_dir.name}: never built: building data/raw/{seeds_dir.name} into "
                          f"data/processed/{seeds_dir.name}, as `framing build data/raw/{seeds_dir.name}` does "
                          "in the project folder (which also prints its warnings)")
    assert printed[1].startswith(f"{seeds_dir.name}: 2 articles read, 2 kept, 0 skipped; ")
    assert len(sentences) and (tmp_path / "data" / "processed" / seeds_dir.name / "build.json").exists()
    assert sorted(p.relative_to(raw) for p in raw.rglob("*")) == listing  # the raw folder as it was
    assert len(load_articles(seeds_dir.name, root=tmp_path)) == 2 and not capsys.readouterr().out


def test_loading_a_corpus_never_built_leaves_a_folder_framing_did_not_make_as_it_was(tmp_path, seeds_dir):
    """The build a notebook starts for a corpus never built writes only into a folder framing made:
    a user's own folder of that name under data/processed/ (no build.json, no .framing mark) is
    refused, with its files as they were, and nothing is written into it."""
    from framing.config import UsageError
    from framing.store import load_sentences

    shutil.copytree(seeds_dir, tmp_path / "data" / "raw" / seeds_dir.name)
    theirs = tmp_path / "data" / "processed" / seeds_dir.name
    (theirs / "sub").mkdir(parents=True)
    (theirs / "mine.txt").write_text("my notes\n", encoding="utf-8")
    (theirs / "sub" / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    before = {p.relative_to(theirs): p.read_bytes() for p in theirs.rglob("*") if p.is_file()}
    with pytest.raises(UsageError, match="was not made by framing") as refused:
        load_sentences(seeds_dir.name, root=tmp_path)
    # in a notebook's words: what to do there, not the command's `--out` as the thing to change
    assert "move or rename it, then run the notebook again" in str(refused.value)
    assert "--out" not in str(refused.value)
    assert {p.relative_to(theirs): p.read_bytes() for p in theirs.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in theirs.iterdir()) == ["mine.txt", "sub"]
