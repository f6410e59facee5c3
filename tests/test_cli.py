"""The `framing` command as a careless user runs it: from inside a corpus, with `.` and `..`, with an
output folder that is a file, read-only or full, with a scheduler that is not there. Nothing outside
framing's own output folders may change, and every refusal is one line with no traceback."""
from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing.cli import main

FRAMING = [sys.executable, "-m", "framing.cli"]
TIMEOUT = 600

# A notebook that does what the shipped ones do with the report folder (load the tables, save a
# table and a figure into `out`), quickly.
NOTEBOOK_CODE = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import framing as fr
sentences = fr.load_sentences(corpus)
fig, ax = plt.subplots()
ax.bar(["sentences"], [len(sentences)])
fr.save_figure(fig, "sentence_count", out=out, corpus=corpus, caption="Sentences.")
fr.save_table(sentences.groupby("outlet").size().rename("n").reset_index(), "per_outlet", out=out, corpus=corpus)"""


def _run(args, cwd, *, env=None, preexec=None, timeout=TIMEOUT):
    environment = {k: v for k, v in os.environ.items() if k != "FRAMING_HOME"}
    environment.update(env or {})
    return subprocess.run([*FRAMING, *args], cwd=cwd, capture_output=True, text=True, env=environment,
                          timeout=timeout, preexec_fn=preexec)


def _one_line_refusal(result):
    """A failed run: non-zero exit, no traceback, the complaint on one line of stderr."""
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def _hashes(folder: Path) -> dict[str, str]:
    """Every file (and folder, and link) under `folder` with a digest of its content."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "link:" + os.readlink(path)
        elif path.is_dir():
            found[name] = "folder"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _changed(before: dict, after: dict) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


@pytest.fixture
def project(tmp_path, seeds_dir):
    """A small project: the seed corpus with a subfolder, a fake .git and src/, another corpus's
    report, a notebook, and a user's working folder holding a raw `articles/` folder."""
    root = tmp_path / "project"
    corpus = root / "data" / "raw" / "mycorpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "extra.txt").write_text(  # another article (a copy with a word changed is a
        "Storm closes harbour\n\nThe harbour at Port Ellen was closed on Tuesday after a storm "  # near-duplicate)
        "damaged two piers, the council said.\n\nFishing boats were moved to the mainland, and ferry "
        "crossings were cancelled until further notice.\n", encoding="utf-8")
    (root / ".git" / "objects").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "src" / "mine").mkdir(parents=True)
    (root / "src" / "mine" / "code.py").write_text("print('mine')\n", encoding="utf-8")
    (root / "reports" / "other-corpus").mkdir(parents=True)
    (root / "reports" / "other-corpus" / "index.html").write_text("<p>other</p>", encoding="utf-8")
    (root / "notebooks").mkdir()
    nbformat.write(new_notebook(cells=[
        new_markdown_cell("# Count\n\nHow many sentences?"),
        new_code_cell('corpus = "x"\nout = None\nsave_figures = True', metadata={"tags": ["parameters"]}),
        new_code_cell(NOTEBOOK_CODE)]), root / "notebooks" / "01_count.ipynb")
    work = root / "work"
    (work / "articles").mkdir(parents=True)
    for path in sorted(corpus.glob("*.txt")):
        shutil.copy(path, work / "articles" / path.name)
    (work / "sentences").mkdir()
    (work / "sentences" / "notes.md").write_text("my notes\n", encoding="utf-8")
    return root


def test_dot_and_dotdot_never_touch_anything_but_the_corpus_outputs(project):
    corpus = project / "data" / "raw" / "mycorpus"
    owned = ("reports/mycorpus/", "data/processed/mycorpus/")
    before = _hashes(project)
    old = os.umask(0o022)
    try:
        first = _run(["report", ".."], corpus / "sub")
        assert first.returncode == 0, first.stdout + first.stderr
        after_first = _hashes(project)
        second = _run(["report", "."], corpus)
        assert second.returncode == 0, second.stdout + second.stderr
        third = _run(["build", "articles", "--out", "."], project / "work")
    finally:
        os.umask(old)
    refusal = _one_line_refusal(third)
    assert "framing must never replace" in refusal and str(project / "work") in refusal
    after = _hashes(project)
    changed = _changed(before, after)
    assert changed, "the report wrote nothing"
    outside = sorted(name for name in changed
                     if not (name + "/").startswith(owned) and name not in ("reports", "data/processed"))
    assert outside == []
    assert _changed(after_first, after) <= {name for name in after if (name + "/").startswith(owned)}
    report = project / "reports" / "mycorpus"
    assert (report / "index.html").exists() and (report / ".framing").exists()
    assert (report / "tables" / "per_outlet.csv").exists()
    tables = project / "data" / "processed" / "mycorpus"
    assert json.loads((tables / "build.json").read_text(encoding="utf-8"))["articles"] == 3
    # group-readable like any other tool's output (umask 022)
    for path in [report, *report.rglob("*"), tables, *tables.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path


def test_out_dot_with_a_users_articles_folder_is_refused(project):
    work = project / "work"
    before = _hashes(project)
    result = _run(["build", "articles", "--out", "."], work)
    assert "framing must never replace" in _one_line_refusal(result)
    (work / "elsewhere").mkdir()
    result = _run(["build", str(project / "data" / "raw" / "mycorpus"), "--out", "."], work)
    assert "not made by framing" in _one_line_refusal(result)
    (work / "elsewhere").rmdir()
    assert _hashes(project) == before


def test_a_report_folder_that_is_not_framings_is_left_alone(project):
    mine = project / "reports" / "mycorpus"
    mine.mkdir()
    (mine / "draft.docx").write_bytes(b"the user's draft")
    before = _hashes(project / "reports")
    result = _run(["report", "mycorpus"], project)
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    assert "not made by framing" in result.stderr and "not made by framing" not in result.stdout
    assert _hashes(project / "reports") == before


@pytest.mark.parametrize("args, message", [
    (["build", "", "--quiet"], "empty corpus name"),
    (["build", "data/raw/mycorpus", "--out", "", "--quiet"], "empty --out"),
    (["build", "data/raw/mycorpus", "--out", "data/raw/mycorpus/tables", "--quiet"], "inside the corpus"),
    (["build", "data/raw/mycorpus", "--out", "notes.txt", "--quiet"], "is a file"),
    (["build", "data/raw/mycorpus", "--out", "data", "--quiet"], "framing must never replace"),
    (["build", "data/raw/mycorpus", "--out", "src", "--quiet"], "not made by framing"),
])
def test_bad_output_folders_are_one_line(project, args, message, monkeypatch, capsys):
    (project / "notes.txt").write_text("a file\n", encoding="utf-8")
    before = _hashes(project)
    monkeypatch.chdir(project)
    code = main(args)
    assert message in _one_line_refusal(subprocess.CompletedProcess(args, code, *capsys.readouterr()))
    assert _hashes(project) == before


def _without_root_override():
    """Root ignores folder permissions; take that power away from the command under test."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: cannot make a folder read-only for the test")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def test_a_read_only_output_folder_is_one_line(project):
    out = project / "readonly"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = subprocess.run(
            [*_without_root_override(), *FRAMING, "build", "data/raw/mycorpus", "--out", str(out / "t")],
            cwd=project, capture_output=True, text=True, timeout=TIMEOUT)
    finally:
        out.chmod(0o755)
    line = _one_line_refusal(result)
    assert "cannot write" in line and str(out) in line and "Permission denied" in line
    assert list(out.iterdir()) == []


def _disk_nearly_full():
    """A file-size limit in the child: a write past 4 kB fails as on a full disk."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_full_output_folder_is_one_line_and_keeps_the_previous_tables(project):
    out = project / "out"
    assert _run(["build", "data/raw/mycorpus", "--out", str(out), "--quiet"], project).returncode == 0
    before = _hashes(out)
    result = _run(["build", "data/raw/mycorpus", "--out", str(out), "--quiet", "--fresh"], project,
                  preexec=_disk_nearly_full)
    line = _one_line_refusal(result)
    assert "cannot write" in line and "File too large" in line
    assert _hashes(out) == before


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "nonsense://nowhere", "::::"])
def test_a_bad_scheduler_address_is_one_line(project, address, monkeypatch, capsys):
    pytest.importorskip("dask.distributed")
    from framing.build import workers as build_workers

    monkeypatch.setattr(build_workers, "SCHEDULER_TIMEOUT", 3)  # nothing listens there: no need to wait long
    code = main(["build", str(project / "data" / "raw" / "mycorpus"), "--out", str(project / "out"),
                 "--quiet", "--scheduler", address])
    line = _one_line_refusal(subprocess.CompletedProcess([], code, *capsys.readouterr()))
    assert "cannot reach a Dask scheduler" in line and address in line


def test_a_terminated_report_leaves_no_staging_folder_and_the_old_report(project):
    import signal
    import time

    assert _run(["report", "mycorpus"], project).returncode == 0
    reports = project / "reports"
    before = _hashes(reports)
    nbformat.write(new_notebook(cells=[
        new_markdown_cell("# Wait\n\nDoes a kill clean up?"),
        new_code_cell("import time\ntime.sleep(120)")]), project / "notebooks" / "02_wait.ipynb")
    environment = {k: v for k, v in os.environ.items() if k != "FRAMING_HOME"}
    process = subprocess.Popen([*FRAMING, "report", "mycorpus"], cwd=project, env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while not list((reports / ".mycorpus.").parent.glob(".mycorpus.*.tmp/notebooks/01_count.ipynb")):
            assert time.monotonic() < deadline and process.poll() is None, "the report never started"
            time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode != 0 and "Traceback" not in err, err
    assert "interrupted" in err
    assert _hashes(reports) == before  # the previous report as it was, no staging folder left


def test_a_read_only_reports_folder_is_one_line(project):
    reports = project / "reports"
    before = _hashes(reports)
    reports.chmod(0o555)
    try:
        result = subprocess.run([*_without_root_override(), *FRAMING, "report", "mycorpus"], cwd=project,
                                capture_output=True, text=True, timeout=TIMEOUT)
    finally:
        reports.chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result.stderr
    assert "cannot write" not in result.stdout  # a refusal: on stderr, as the build's
    complaints = [line for line in result.stderr.splitlines() if "cannot write" in line]
    assert len(complaints) == 1 and "report not written" in complaints[0] and str(reports) in complaints[0]
    assert _hashes(reports) == before


def test_clean_removes_only_what_framing_wrote(project):
    """`framing clean` (what `make clean` runs; it was `rm -rf data/processed/* reports/*`, which took
    the user's coding sheets and folders with it): framing's tables and reports go; coding sheets, the
    user's own folders and files beside them, and the raw data stay."""
    assert _run(["report", "mycorpus"], project).returncode == 0
    sheet = project / "reports" / "mycorpus" / "coding" / "coding_sheet_mine.csv"
    sheet.parent.mkdir(exist_ok=True)
    sheet.write_text("sentence,frame\n1,conflict\n", encoding="utf-8")
    (project / "data" / "processed" / "mycorpus" / "my_joined.csv").write_text("a,b\n", encoding="utf-8")
    for folder in (project / "reports" / "my-paper", project / "data" / "processed" / "my-analysis"):
        folder.mkdir(parents=True)
        (folder / "draft.txt").write_text("mine\n", encoding="utf-8")
    raw = _hashes(project / "data" / "raw")
    result = _run(["clean"], project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "kept" in result.stdout and "my-paper" in result.stdout
    assert _hashes(project / "data" / "raw") == raw
    assert sheet.read_text(encoding="utf-8") == "sentence,frame\n1,conflict\n"
    assert (project / "reports" / "my-paper" / "draft.txt").is_file()
    assert (project / "data" / "processed" / "my-analysis" / "draft.txt").is_file()
    assert sorted(p.name for p in (project / "data" / "processed" / "mycorpus").iterdir()) == \
        [".framing", ".framing-files.json", "my_joined.csv"]
    assert sorted(p.name for p in (project / "reports" / "mycorpus").iterdir()) == \
        [".framing", ".framing-files.json", "coding"]
    assert not (project / "reports" / "_scratch").exists() or not any((project / "reports" / "_scratch").iterdir())
    assert _run(["report", "mycorpus"], project).returncode == 0  # and framing can write there again
    assert sheet.is_file()


def test_a_file_in_an_unknown_encoding_is_named_with_the_fix_and_explain_finds_it(project):
    """A Shift-JIS page is read as UTF-8 with replacement characters and nothing of it is kept: the
    warning says to re-save it as UTF-8 (it said every line looked like page furniture), and the
    command it suggests, `framing explain sjis.txt`, works from the project's folder."""
    corpus = project / "data" / "raw" / "mycorpus"
    (corpus / "sjis.txt").write_bytes("東京で会議が開かれた。政府は新しい計画を発表した。\n".encode("shift_jis"))
    result = _run(["build", "mycorpus"], project)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if "sjis.txt" in line)
    assert "re-save it as UTF-8" in line and "`framing explain sjis.txt`" in line
    explained = _run(["explain", "sjis.txt"], project)
    assert explained.returncode == 0 and "drop" in explained.stdout and "0 lines kept" in explained.stdout
    # and it says why, as the build did (it showed every line dropped, and nothing of the encoding)
    assert "\nthe build: no article text found (it is in no encoding framing reads" in explained.stdout
    assert "re-save it as UTF-8" in explained.stdout and "framing explain" not in explained.stdout
    missing = _run(["explain", "nothere.txt"], project)
    assert missing.returncode == 2 and "data/raw/<corpus>/nothere.txt" in missing.stderr


def test_explain_finds_a_file_by_the_name_the_build_warning_gives(project, shared_data):
    """The build names a file as <corpus>/<file> ("mycorpus/roundup.txt: not UTF-8: …"); `framing
    explain` given that name read nothing ("no such file") and now explains the file."""
    article = json.loads((shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8").readline())
    text = f"{article['title']}\n\n{article['text']}\n\nCafé owners in Zürich said little.\n"
    (project / "data" / "raw" / "mycorpus" / "roundup.txt").write_bytes(text.encode("cp1252", errors="replace"))
    result = _run(["build", "mycorpus"], project)
    warning = next(line for line in result.stderr.splitlines() if "roundup.txt" in line and "not UTF-8" in line)
    named = warning.removeprefix("warning: ").split(": ")[0]
    assert named == "mycorpus/roundup.txt", warning
    explained = _run(["explain", named], project)
    assert explained.returncode == 0, explained.stderr
    assert "keep headline" in explained.stdout and "Café owners in Zürich" in explained.stdout


def test_explain_shows_the_row_of_an_export_a_build_warning_names(project, shared_data):
    """Regression: the build names an export's row as "<corpus>/export.csv row 3"; `framing explain`
    given that name said "no such file", and given the file printed every row of the export. It now
    explains that row alone, and says so when the row holds no article."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(2))]
    copy = dict(rows[0], text=rows[0]["text"].replace(" the ", " teh ", 1))  # a near-duplicate row
    lines = ["title,text"] + [json.dumps(r["title"]) + "," + json.dumps(r["text"]) for r in (*rows, copy)]
    (project / "data" / "raw" / "mycorpus" / "export.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run(["build", "mycorpus"], project)
    warning = next(line for line in result.stderr.splitlines() if "export.csv row 3" in line)
    named = warning.removeprefix("warning: ").split(": ")[0]
    assert named == "mycorpus/export.csv row 3", warning
    explained = _run(["explain", named], project)
    assert explained.returncode == 0, explained.stderr
    assert "── row 3 ──" in explained.stdout and "── row 1 ──" not in explained.stdout
    assert "nearly duplicates export.csv row 1" in explained.stderr
    other = _run(["explain", "mycorpus/export.csv row 2"], project)
    assert rows[1]["title"][:60] in other.stdout and "── row 3 ──" not in other.stdout
    missing = _run(["explain", "mycorpus/export.csv row 9"], project)
    assert "export.csv has no article at row 9" in missing.stderr and "── row" not in missing.stdout
    # and names the rows there are to explain (it said "see the warnings above", with none above)
    assert "its rows with an article are 1-3" in missing.stderr, missing.stderr


def test_explain_names_the_misspelt_corpus_or_file_and_reads_an_unquoted_row(project, shared_data):
    """Regression: a misspelt corpus (`mycorpsu/000_….txt`) or file name (`.htm` for `.html`) was
    answered "no such file; give its path, e.g. data/raw/<corpus>/<file>", the form just given; and
    `framing explain mycorpus/export.csv row 2` without quotes stopped on "unrecognized arguments".
    The message now names the corpus or the file that is wrong and the closest one there is."""
    corpus = project / "data" / "raw" / "mycorpus"
    page = sorted(corpus.glob("*.txt"))[0].name
    wrong_corpus = _one_line_refusal(_run(["explain", f"mycorpsu/{page}"], project))
    assert "mycorpsu is no folder here nor a corpus of data/raw/" in wrong_corpus
    assert f"did you mean mycorpus? `framing explain mycorpus/{page}`" in wrong_corpus
    wrong_file = _one_line_refusal(_run(["explain", f"mycorpus/{page[:-1]}"], project))
    assert f"no such file in {corpus}" in wrong_file and f"did you mean {page}?" in wrong_file
    article = json.loads((shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8").readline())
    pd.DataFrame([article])[["title", "text"]].to_csv(corpus / "export.csv", index=False)
    unquoted = _run(["explain", "mycorpus/export.csv", "row", "1"], project)
    assert unquoted.returncode == 0, unquoted.stderr
    assert "── row 1 ──" in unquoted.stdout and article["title"][:60] in unquoted.stdout


def test_a_rebuild_names_the_files_added_left_out_renamed_and_changed(project, shared_data, capsys):
    """Regression: after adding, deleting or renaming a file the build said only how many articles
    were unchanged ("3 of the articles unchanged since the last build"), never which files the
    tables gained or lost, and `build.json` did not record the build's version."""
    from framing.build import BUILD_VERSION

    corpus = project / "data" / "raw" / "mycorpus"
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][:3]
    for index, row in enumerate(rows):
        (corpus / f"roundup{index}.txt").write_text(f"{row['title']}\n\n{row['text']}\n", encoding="utf-8")
    out = project / "data" / "processed" / "mycorpus"
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    first = capsys.readouterr().out
    assert "files since the last build" not in first
    assert json.loads((out / "build.json").read_text(encoding="utf-8"))["build_version"] == BUILD_VERSION
    (corpus / "roundup0.txt").unlink()
    (corpus / "roundup1.txt").rename(corpus / "renamed.txt")
    (corpus / "roundup2.txt").write_text(f"{rows[2]['title']}\n\n{rows[2]['text']}\n\nA paragraph added later "
                                         "says the talks went on into the night.\n", encoding="utf-8")
    other = json.loads((shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8").readlines()[40])
    (corpus / "new.txt").write_text(f"{other['title']}\n\n{other['text']}\n", encoding="utf-8")
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if "since the last build:" in line]
    assert line.strip() == ("files since the last build: added new.txt; left out roundup0.txt; "
                            "renamed roundup1.txt → renamed.txt; changed roundup2.txt")
    (corpus / "new.txt").unlink()  # and `framing report`, which builds first, says it too
    result = _run(["report", "mycorpus", "--workers", "1"], project)
    assert result.returncode == 0, result.stderr
    assert "mycorpus: files since the last build: left out new.txt\n" in result.stdout + result.stderr


def test_a_rebuild_counts_the_rows_of_an_export_that_changed(project, shared_data, capsys):
    """Regression: rows added to an export, or a row's text edited, gave only "changed export.jsonl",
    with no word of how much of it changed."""
    corpus = project / "data" / "raw" / "mycorpus"
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][:5]
    export = corpus / "export.jsonl"

    def write(chosen):
        export.write_text("".join(json.dumps({k: r[k] for k in ("outlet", "title", "text")}) + "\n" for r in chosen),
                          encoding="utf-8")

    write(rows[:3])
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    capsys.readouterr()
    edited = {**rows[1], "text": rows[1]["text"] + "\n\nA paragraph added later says the vote was delayed."}
    write([rows[0], edited, rows[2], rows[3], rows[4]])
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if "since the last build:" in line]
    assert line.strip() == "files since the last build: changed export.jsonl (3 rows new or edited, 1 gone)"



def test_rows_of_an_export_skipped_as_copies_are_one_warning(project, shared_data, capsys):
    """Regression: five rows of an export repeating five rows above them (pasted twice, with the
    user's own ids) printed five warnings, one per row; a copy alone in its file keeps its own line,
    and build.json still records each row."""
    corpus = project / "data" / "raw" / "mycorpus"
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][:8]
    chosen = [{"doc_id": f"A{i}", **{k: r[k] for k in ("outlet", "title", "text")}} for i, r in enumerate(rows, 1)]
    again = [{**row, "doc_id": f"B{i}"} for i, row in enumerate(chosen[:5], 1)]
    (corpus / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in chosen + again), encoding="utf-8")
    (corpus / "other.jsonl").write_text(json.dumps(chosen[6]) + "\n", encoding="utf-8")
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "same article" in line]
    assert warned == [
        "warning: mycorpus/export.jsonl: 5 rows are the same article as a row read before them, which is kept (the "
        "copy read first): skipped; delete one of each pair: row 9 (same as row 1), row 10 (same as row 2), "
        "row 11 (same as row 3), row 12 (same as row 4), row 13 (same as row 5)",
        "warning: mycorpus/other.jsonl row 1: is the same article as export.jsonl row 7, which is kept (the copy "
        "read first): skipped; delete one of the two"]
    recorded = json.loads((project / "data" / "processed" / "mycorpus" / "build.json").read_text(encoding="utf-8"))
    assert sum("is the same article as" in line for line in recorded["problems"]) == 6


def test_a_rebuild_names_the_metadata_cells_of_an_export_that_changed(project, shared_data, capsys):
    """Regression: editing only a row's title, date or outlet in an export (its text the same), or a
    file's outlet in the manifest, made a rebuild say nothing of it, though the tables changed; and
    so did editing a column of the user's own (an id), which the articles table keeps in `extra`."""
    corpus = project / "data" / "raw" / "mycorpus"
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][:4]
    export = corpus / "export.jsonl"

    def write(chosen):
        export.write_text("".join(json.dumps({k: r[k] for k in ("outlet", "title", "date", "text")}) + "\n"
                                  for r in chosen), encoding="utf-8")

    write(rows)
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    assert main(["build", str(corpus), "--workers", "1"]) == 0  # nothing changed: nothing said
    assert "files since the last build" not in capsys.readouterr().out
    write([{**rows[0], "title": rows[0]["title"] + " (updated)"}, {**rows[1], "title": "A new headline"},
           {**rows[2], "date": "2001-02-03", "outlet": "Some Other Outlet"}, rows[3]])
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if "since the last build:" in line]
    assert line.strip() == ("files since the last build: changed export.jsonl "
                            "(title edited in 2 rows, outlet in 1, published in 1)")
    (corpus / "manifest.csv").write_text("file,outlet\nsub/extra.txt,Harbour News\n", encoding="utf-8")
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    capsys.readouterr()
    (corpus / "manifest.csv").write_text("file,outlet\nsub/extra.txt,The Harbour News\n", encoding="utf-8")
    assert main(["build", str(corpus), "--workers", "1"]) == 0  # an outlet renamed in the manifest
    [line] = [line for line in capsys.readouterr().out.splitlines() if "since the last build:" in line]
    assert line.strip() == "files since the last build: metadata edited for sub/extra.txt (outlet)"
    write(rows)  # an id column of the user's own, kept in `extra`, added and then edited in one row
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    capsys.readouterr()
    export.write_text("".join(json.dumps({"doc_id": 1000 + i, **{k: r[k] for k in ("outlet", "title", "date", "text")}})
                              + "\n" for i, r in enumerate(rows)), encoding="utf-8")
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if "since the last build:" in line]
    assert line.strip() == "files since the last build: changed export.jsonl (extra edited in 4 rows)"
    export.write_text(export.read_text(encoding="utf-8").replace('"doc_id": 1002', '"doc_id": 2002'), encoding="utf-8")
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if "since the last build:" in line]
    assert line.strip() == "files since the last build: changed export.jsonl (extra edited in 1 row)"


def test_clean_deletes_nothing_outside_folders_framing_marked(project):
    """`framing clean . .. mycorpus`: a folder framing may write into but did not mark (an empty one,
    one shaped like an old report) is left whole, a link inside a marked folder stays (framing makes
    no links: it is the user's) and nothing is removed through it, and '.' or '..' name no folder
    to clean."""
    from framing.store import mark_folder

    reports = project / "reports"
    outside = project / "my-figures"
    outside.mkdir()
    (outside / "plot.png").write_bytes(b"mine")
    (reports / "empty-of-mine").mkdir(parents=True)
    legacy = reports / "looks-like-a-report"
    (legacy / "figures").mkdir(parents=True)
    (legacy / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    (legacy / "figures" / "a.png").write_bytes(b"mine")
    (reports / "mycorpus").mkdir()
    marked = mark_folder(reports / "mycorpus")
    (marked / "index.html").write_text("<p>framing's</p>", encoding="utf-8")
    (marked / "figures").symlink_to(outside, target_is_directory=True)
    (outside / "plot.json").write_text(json.dumps({"name": "plot", "files": {"png": "plot.png"}}))
    untouched = {name: _hashes(project / name) for name in ("data", "my-figures")}
    untouched["reports/empty-of-mine"] = _hashes(reports / "empty-of-mine")
    untouched["reports/looks-like-a-report"] = _hashes(legacy)
    result = _run(["clean", ".", "..", "mycorpus", "empty-of-mine", "looks-like-a-report"], project)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr  # '.' names no corpus
    assert ".: framing wrote nothing for a corpus of that name" in result.stderr
    assert (f"cleaned {marked}; kept what may be people's work (coding sheets, files framing did not write "
            "or that were edited): figures") in result.stdout
    assert sorted(p.name for p in marked.iterdir()) == [".framing", "figures"]  # index.html went
    assert (reports / "empty-of-mine").is_dir() and legacy.is_dir()
    assert {name: _hashes(project / name) for name in untouched} == untouched
    assert f"kept {legacy}: not made by framing" in result.stdout


def test_clean_reaches_tables_written_through_a_linked_data_processed(project, tmp_path):
    """data/processed as a link to another disk: `framing build` writes the tables there, so
    `framing clean` removes them there (it said nothing and left them), and what is not framing's
    in that folder stays."""
    disk = tmp_path / "disk" / "processed"
    disk.mkdir(parents=True)
    (disk / "mine.csv").write_text("a,b\n", encoding="utf-8")
    (project / "data" / "processed").symlink_to(disk, target_is_directory=True)
    assert _run(["build", "mycorpus"], project).returncode == 0
    assert (disk / "mycorpus" / "articles.parquet").is_file()
    result = _run(["clean"], project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert not (disk / "mycorpus").exists() and f"removed {disk / 'mycorpus'}" in result.stdout
    assert (disk / "mine.csv").read_text(encoding="utf-8") == "a,b\n"
    assert (project / "data" / "processed").is_symlink()


def test_a_corpus_tables_folder_linked_elsewhere_is_cleaned_there_and_both_stay(project, tmp_path):
    """`data/processed/<corpus>` as a link the user made to a folder on another disk: the build
    writes through it, and `framing clean` removed nothing ("not made by framing") though the tables
    were framing's; now it removes framing's files there and leaves the link, the folder and the
    user's file in it."""
    disk = tmp_path / "disk" / "my corpus tables"
    disk.mkdir(parents=True)
    (project / "data" / "processed").mkdir(parents=True)
    (project / "data" / "processed" / "mycorpus").symlink_to(disk, target_is_directory=True)
    assert _run(["build", "mycorpus"], project).returncode == 0
    (disk / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert (disk / "articles.parquet").is_file()
    result = _run(["clean", "mycorpus"], project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "notes.txt" in result.stdout and "is a link to" in result.stdout, result.stdout
    assert (project / "data" / "processed" / "mycorpus").is_symlink()
    assert sorted(p.name for p in disk.iterdir()) == [".framing", ".framing-files.json", "notes.txt"]
    (disk / "notes.txt").unlink()
    result = _run(["build", "mycorpus"], project)
    assert result.returncode == 0 and (disk / "articles.parquet").is_file()
    assert "cleaned" in _run(["clean", "mycorpus"], project).stdout
    assert disk.is_dir() and not any(disk.iterdir()) and (project / "data" / "processed" / "mycorpus").is_symlink()


@pytest.mark.parametrize("target", ["project", "raw corpus", "dot", "dotdot"])
def test_a_tables_folder_linked_to_a_folder_framing_did_not_make_is_never_written_or_cleaned(project, target):
    """Since `framing clean` follows a link the user made for `data/processed/<corpus>`, a link to
    the project itself, to the raw corpus, to '.' or to '..' must not become a way in: build and
    clean leave everything there as it was (nothing there carries framing's marker)."""
    processed = project / "data" / "processed"
    processed.mkdir(parents=True)
    link = processed / "mycorpus"
    pointed = {"project": project, "raw corpus": project / "data" / "raw" / "mycorpus",
               "dot": Path("."), "dotdot": Path("..")}[target]
    link.symlink_to(pointed, target_is_directory=True)
    place = link.resolve()
    before = _hashes(project.parent)
    build = _run(["build", "mycorpus"], project)
    clean = _run(["clean", "mycorpus"], project)
    assert "Traceback" not in build.stderr + clean.stderr, build.stderr + clean.stderr
    assert build.returncode != 0 and not (place / ".framing").exists()
    assert f"kept {link}: not made by framing" in clean.stdout or clean.returncode != 0, clean.stdout + clean.stderr
    assert _hashes(project.parent) == before


def test_a_corpus_given_by_its_path_from_elsewhere_writes_into_its_own_project(project, tmp_path):
    """`framing build /path/to/project/data/raw/<corpus>` run from another folder wrote the tables
    under that folder (`./data/processed/`), outside the project; now into the corpus's project."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = _run(["build", str(project / "data" / "raw" / "mycorpus"), "--quiet"], elsewhere)
    assert result.returncode == 0, result.stderr
    assert (project / "data" / "processed" / "mycorpus" / "articles.parquet").is_file()
    assert list(elsewhere.iterdir()) == []


def test_a_corpus_with_nothing_usable_says_why_for_each_file(project, tmp_path, shared_data):
    """A corpus of files framing cannot use (a JSON array of records without the article text, a
    German page): the build fails, and names each file with its reason and fix; it said only
    "nothing usable to build"."""
    corpus = project / "data" / "raw" / "unusable"
    corpus.mkdir()
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(3))]
    (corpus / "articles.json").write_text(json.dumps([{k: v for k, v in row.items() if k != "text"}
                                                      for row in rows]), encoding="utf-8")
    (corpus / "de.txt").write_text(("Der Hafen von Port Ellen wurde am Dienstag geschlossen, nachdem ein "
                                    "Sturm zwei Anleger beschädigt hatte, teilte der Rat mit.\n") * 3,
                                   encoding="utf-8")
    result = _run(["build", "unusable"], project)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("warning: unusable/articles.json: has no 'text' field") and "'title'" in line
               for line in lines)
    assert any(line.startswith("warning: unusable/de.txt: no article text found") and "English" in line
               for line in lines)
    assert lines[-1].startswith(f"{corpus}: nothing usable to build (4 articles read, 4 skipped: see the warnings")  # 3 records, 1 page
    assert not (project / "data" / "processed").exists()  # no empty folder left behind (it was)
    result = _run(["report", "unusable"], project)  # the warnings and the refusal on stderr, as the build's
    assert result.returncode == 1 and "build failed: nothing usable in" in result.stderr, result.stdout
    assert "(4 articles read, 4 skipped: see the warnings above" in result.stderr  # they are printed there
    assert "warning: unusable/de.txt: no article text found" in result.stderr
    assert "nothing usable" not in result.stdout and "warning:" not in result.stdout, result.stdout
    assert not (project / "data" / "processed").exists() and not (project / "reports" / "unusable").exists()


def test_a_rerun_and_clean_leave_the_users_files_in_the_report(project):
    """A chart a user edited and saved in `figures/`, notes beside the index, a folder of drafts,
    and a framing table the user changed: a rerun of `framing report` replaced the folder whole and
    `framing clean` removed `figures/` whole, taking them with it. Now both remove only the files
    framing wrote (and left unchanged), and the rerun says, on one line, what it kept."""
    assert _run(["report", "mycorpus"], project).returncode == 0
    report = project / "reports" / "mycorpus"
    mine = {"figures/my_chart.pdf": (report / "figures" / "sentence_count.pdf").read_bytes(),
            "my_notes.txt": b"check the second outlet\n", "drafts/intro.md": b"# Intro\n"}
    for name, content in mine.items():
        (report / name).parent.mkdir(exist_ok=True)
        (report / name).write_bytes(content)
    edited = report / "tables" / "per_outlet.csv"
    edited.write_text(edited.read_text(encoding="utf-8") + "my,row\n", encoding="utf-8")
    mine["tables/per_outlet.yours.csv"] = edited.read_bytes()  # kept beside the new table
    left = project / "reports" / ".mycorpus.k1ll3d00.tmp"  # the staging folder of a run killed outright
    (left / "figures").mkdir(parents=True)
    (left / ".framing").write_text("made by framing", encoding="utf-8")
    result = _run(["report", "mycorpus"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    built = re.match(r"mycorpus: (.+ lines removed), \d+ warning", _run(["build", "mycorpus"], project).stdout)[1]
    assert built.startswith("3 articles read, 3 kept, 0 skipped; ") and f"mycorpus: {built} (" in result.stdout
    kept = [line for line in result.stdout.splitlines() if "of yours" in line]
    assert len(kept) == 1 and "kept 4 files of yours" in kept[0] and "figures/my_chart.pdf" in kept[0], kept
    for name, content in mine.items():
        assert (report / name).read_bytes() == content, name
    assert "my,row" not in edited.read_text(encoding="utf-8")  # framing's table is framing's again
    assert not left.exists()
    result = _run(["clean", "mycorpus"], project)
    assert result.returncode == 0 and "figures/my_chart.pdf" in result.stdout, result.stdout
    for name, content in mine.items():
        assert (report / name).read_bytes() == content, name
    assert not (report / "index.html").exists() and not (report / "figures" / "sentence_count.pdf").exists()
    assert not (report / "tables" / "per_outlet.csv").exists() and not (report / "notebooks").exists()
    assert _run(["report", "mycorpus"], project).returncode == 0  # kept once more, nothing renamed twice
    for name, content in mine.items():
        assert (report / name).read_bytes() == content, name
    assert not list(report.rglob("*.yours-*")) and not list(report.rglob("*.yours.yours*"))


def test_a_rebuild_keeps_and_names_the_users_files_in_the_tables_folder(project):
    """Notes beside the tables and a CSV copy edited in a spreadsheet: `framing build` replaces only
    its own unchanged files, keeps the edited copy beside the new one, and says so on one line."""
    assert _run(["build", "mycorpus", "--quiet"], project).returncode == 0
    tables = project / "data" / "processed" / "mycorpus"
    (tables / "notes.txt").write_text("outlet 2 looks odd\n", encoding="utf-8")
    edited = (tables / "articles.csv").read_text(encoding="utf-8") + "my,row\n"
    (tables / "articles.csv").write_text(edited, encoding="utf-8")
    result = _run(["build", "mycorpus", "--fresh"], project)
    assert result.returncode == 0, result.stderr
    kept = [line for line in result.stderr.splitlines() if "of yours" in line]
    assert kept == [f"mycorpus: kept 2 files of yours in {tables} that framing did not write or that you "
                    "changed (it replaces only its own): notes.txt, articles.csv (as articles.yours.csv: "
                    "the tables folder now has a file of that name)"], result.stderr
    assert (tables / "notes.txt").read_text(encoding="utf-8") == "outlet 2 looks odd\n"
    assert (tables / "articles.yours.csv").read_text(encoding="utf-8") == edited
    assert "my,row" not in (tables / "articles.csv").read_text(encoding="utf-8")


def test_a_wrong_corpus_name_lists_the_corpora_there_are(project):
    for command in ("build", "report"):
        result = _run([command, "mycorpu"], project)
        assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
        assert result.stdout == "", result.stdout  # a refusal is an error: stderr, as the build's
        line = result.stderr.strip().splitlines()[-1]
        assert line.startswith("mycorpu: no such corpus folder (data/raw/mycorpu does not exist)"), line
        assert "are: mycorpus" in line and f"`framing {command} mycorpus`" in line, line
        assert "`mkdir -p data/raw/mycorpu`" in line, line
    assert not (project / "data" / "processed").exists()
    result = _run(["clean", "mycorpu"], project)
    assert result.returncode == 2 and "mycorpu: framing wrote nothing for a corpus of that name" in result.stderr



def test_every_refusal_of_report_is_on_stderr_with_a_non_zero_exit(project):
    """Regression: `framing report` printed its refusals (no such corpus, nothing to read, an event
    the corpus does not have, a name framing keeps) on stdout, where `framing build` prints them on stderr;
    a script keeping stdout as the log and showing stderr lost them. Each is now on stderr, and stdout
    holds progress only."""
    raw = project / "data" / "raw"
    (raw / "empty").mkdir()
    cases = {("report", "empty"): "empty: build failed: nothing usable in",
             ("report", "mycorpus", "--event", "no such event"): "mycorpus: ",
             ("report", "nosuch"): "nosuch: no such corpus folder"}
    for args, said in cases.items():
        result = _run([*args, "--workers", "1"], project)
        assert result.returncode != 0 and "Traceback" not in result.stderr, (args, result.stderr)
        assert said in result.stderr, (args, result.stderr)
        refusal = result.stderr.strip().splitlines()[-1]
        assert refusal not in result.stdout, (args, result.stdout)
        if "mycorpus" in args:  # the build's warnings too, each file named within its corpus
            assert "warning: mycorpus/sub/extra.txt: no outlet named" in result.stderr, result.stderr
            assert "warning:" not in result.stdout, result.stdout
    shutil.copytree(raw / "mycorpus", raw / "_scratch")  # the name of the notebooks' scratch folder
    result = _run(["report", "_scratch", "--workers", "1"], project)
    assert result.returncode != 0 and "_scratch: a corpus cannot be named '_scratch'" in result.stderr, result.stderr
    assert "cannot be named" not in result.stdout

def test_a_files_name_given_as_the_corpus_names_its_corpus(project, shared_data):
    """Regression: `framing build export.csv` (the export's name for its corpus's) answered "no such
    corpus folder" with `mkdir -p data/raw/export.csv`, a folder named as the file. It now names the
    corpus holding that file and the command for it, making nothing."""
    article = json.loads((shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8").readline())
    pd.DataFrame([article])[["title", "outlet", "text"]].to_csv(
        project / "data" / "raw" / "mycorpus" / "export.csv", index=False)
    for command in ("build", "report"):
        result = _run([command, "export.csv"], project)
        assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
        [line] = (result.stderr + result.stdout).strip().splitlines()
        assert line == (f"export.csv: is a file of the corpus mycorpus, not a corpus: give its folder's name, "
                        f"`framing {command} mycorpus`"), line
    assert not (project / "data" / "raw" / "export.csv").exists()
    assert not (project / "data" / "processed").exists()


def test_a_missing_corpus_path_is_named_as_given(project, tmp_path):
    """`framing report /elsewhere/my-news` named data/raw/my-news as the folder that does not exist."""
    elsewhere = tmp_path / "elsewhere" / "my-news"
    for command in ("build", "report"):
        result = _run([command, str(elsewhere)], project)
        line = (result.stderr + result.stdout).strip().splitlines()[-1]
        assert result.returncode != 0 and line.startswith(f"my-news: no such corpus folder ({elsewhere} does not exist)"), line
        assert f"`mkdir -p {elsewhere}`" in line and "data/raw/my-news" not in line, line
    assert not elsewhere.parent.exists() and not (project / "data" / "processed").exists()


def test_a_corpus_name_with_its_accents_written_the_other_way_is_that_corpus(project, seeds_dir):
    """Regression: a corpus folder named with accents ("Élan 2025", saved on a Mac: "E" and a
    combining accent) was "no such corpus folder" when its name was typed with the composed "É",
    the message listing the same-looking name; and the example command it gave for a name with a
    space was not quoted. Both spellings now name the folder on disk; the tables keep its name."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Élan 2025")
    raw = project / "data" / "raw"
    shutil.copytree(seeds_dir, raw / decomposed)
    typed = unicodedata.normalize("NFC", "Élan 2025")
    assert typed != decomposed
    for asked in (typed, f"data/raw/{typed}"):
        result = _run(["build", asked, "--workers", "1"], project)
        assert result.returncode == 0, result.stderr
    assert [p.name for p in (project / "data" / "processed").iterdir()] == [decomposed]
    result = _run(["build", "Elan 2025"], project)
    assert result.returncode != 0
    assert f"(e.g. `framing build '{decomposed}'`)" in result.stderr + result.stdout


def test_progress_in_a_log_is_plain_lines(project, shared_data):
    """`make report > log` or CI: no terminal, so no progress bar (its carriage returns filled the
    log); one plain line instead."""
    corpus = project / "data" / "raw" / "roundups"
    corpus.mkdir()
    shutil.copy(shared_data / "allsides-roundups" / "articles.jsonl", corpus / "articles.jsonl")
    result = _run(["build", "roundups", "--workers", "1"], project)
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr and "|" not in result.stderr, result.stderr[:500]
    read = int(result.stdout.split(" articles read")[0].split()[-1].replace(",", ""))
    assert f"cleaning: {read:,} of {read:,} articles, " in result.stderr


def test_one_command_at_a_time_on_a_corpus_and_a_killed_ones_lock_is_free(project):
    """Two commands on one corpus's tables at once (a second `framing report` while the first runs
    its notebooks) raced to replace the same folders; now the second is refused at once, naming the
    first. A command killed outright (SIGKILL) leaves its lock file, but not its lock."""
    assert _run(["build", "mycorpus"], project).returncode == 0
    tables = project / "data" / "processed" / "mycorpus"
    before = _hashes(tables)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from framing.store import lock_folder\n"
        f"with lock_folder({str(tables)!r}):\n    print('locked', flush=True); time.sleep(120)")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        for command in (["build", "mycorpus"], ["report", "mycorpus"], ["clean", "mycorpus"]):
            result = _run(command, project)
            said = result.stdout + result.stderr
            assert f"(pid {holder.pid}) is working on it" in said and "Traceback" not in said, said
        assert _run(["build", "mycorpus"], project).returncode == 1
        assert _hashes(tables) == {**before, ".framing-lock": _hashes(tables)[".framing-lock"]}
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert (tables / ".framing-lock").exists()  # killed: the file stays, its lock is gone with the process
    result = _run(["build", "mycorpus"], project)
    assert result.returncode == 0 and not (tables / ".framing-lock").exists(), result.stderr


def test_building_an_empty_folder_says_it_holds_no_article_file(tmp_path, seeds_dir, capsys):
    """Regression: an empty corpus folder (or one holding only the issue frames) said "see the
    warnings above" when there were none; it now says what files to put in it."""
    corpus = tmp_path / "new-corpus"
    corpus.mkdir()
    shutil.copy(seeds_dir / "issue_frames.toml", corpus)
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 1
    printed = capsys.readouterr().err
    assert "nothing usable to build (it holds no article file: put the articles in it as .txt" in printed
    assert "warnings above" not in printed
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus / "page.mhtml").write_text("From: <Saved by Blink>\nMIME-Version: 1.0\n", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 1
    printed = capsys.readouterr().err
    assert "notes.docx: unknown extension '.docx'" in printed and "see the warnings above" in printed
    assert "(a document: copy the article's text into a .txt file" in printed
    assert "page.mhtml: unknown extension '.mhtml'" in printed and "\"Web Page, HTML only\" (.html)" in printed


def test_figure_names_the_chart_it_redraws(tmp_path, monkeypatch, capsys):
    """A notebook run by hand for one event saves its chart to the scratch folder under the same
    name as the report's; `framing figure` redraws the report's and says so, so the user knows
    which of the two ends up in the paper."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from framing import plots

    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    drawn = tmp_path / "drawn"  # the report's own folder is written by `framing report` alone: copied in
    for place, n in ((drawn, 10), (tmp_path / "reports" / "_scratch" / "mine", 4)):
        counts = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [n, 1], "n_sentences": [n * 9, 9],
                               "n_words": [n * 200, 200]})
        plots.save_figure(plots.plot_articles_per_outlet(counts).figure, "articles_per_outlet", out=place,
                          corpus="mine", formats=["png"])
        plt.close("all")
    shutil.copytree(drawn / "figures", tmp_path / "reports" / "mine" / "figures")
    assert main(["figure", "articles_per_outlet", "--corpus", "mine", "--format", "png"]) == 0
    captured = capsys.readouterr()
    assert "redrawn from reports/mine/figures/articles_per_outlet.json" in captured.err, captured.err
    assert captured.out.strip().endswith("articles_per_outlet_4_7in.png")


def test_figure_says_when_the_chart_it_redraws_is_of_an_earlier_build(tmp_path, monkeypatch, capsys, seeds_dir):
    """Regression: after adding articles and rebuilding (AllSides events 201-300 and three pages,
    then two more pages and 15 rows), `framing figure summary_within_events --corpus mix` redrew the
    report's chart of the earlier build ("96 events" in its caption, the tables holding 102) without
    a word, while the notebook's copy in the scratch folder was drawn from the tables as they are."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing import audit, plots
    from framing.store import load_articles

    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    corpus = tmp_path / "data" / "raw" / "mine"
    corpus.mkdir(parents=True)
    first, second = sorted(seeds_dir.glob("*.txt"))[:2]
    shutil.copy(first, corpus / first.name)
    assert main(["build", str(corpus), "--workers", "1"]) == 0

    def draw(**where):
        counts = audit.count_articles_per_outlet(load_articles("mine"))
        plots.save_figure(plots.plot_articles_per_outlet(counts).figure, "articles_per_outlet", corpus="mine",
                          formats=["png"], **where)
        plt.close("all")

    draw(out=tmp_path / "drawn")  # the report's folder is written by `framing report` alone: copied in
    shutil.copytree(tmp_path / "drawn" / "figures", tmp_path / "reports" / "mine" / "figures")
    capsys.readouterr()
    assert main(["figure", "articles_per_outlet", "--corpus", "mine", "--format", "png"]) == 0
    assert "earlier build" not in capsys.readouterr().err  # drawn from the tables as they are
    shutil.copy(second, corpus / second.name)  # an article added, and the tables built again
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["figure", "articles_per_outlet", "--corpus", "mine", "--format", "png", "--overwrite"]) == 0
    err = capsys.readouterr().err
    assert ("note: reports/mine/figures/articles_per_outlet.json was drawn from an earlier build of mine: its tables "
            "have changed since") in err and "`framing report mine` draws it again" in err, err
    draw()  # a notebook run by hand on the tables as they are: its copy is the one to export
    capsys.readouterr()
    assert main(["figure", "articles_per_outlet", "--corpus", "mine", "--format", "png", "--overwrite"]) == 0
    assert ("the copy a notebook saved is drawn from them: `framing figure "
            "reports/_scratch/mine/figures/articles_per_outlet.json` exports that one") in capsys.readouterr().err


def test_figure_lists_only_charts_that_can_be_redrawn_and_not_earlier_exports(tmp_path, monkeypatch, capsys):
    """`framing figure`'s list named earlier exports (articles_per_outlet_3_3in, written to the
    scratch folder by an export of the report's chart) and charts drawn without a plot_* function
    as figures. It now lists only the charts that can be redrawn, each with its folder and caption."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from framing import plots

    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    assert main(["figure", "--list"]) == 0 and "run `framing report <corpus>` first" in capsys.readouterr().out
    drawn = tmp_path / "drawn"  # the report's own folder is written by `framing report` alone: copied in
    counts = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [3, 1], "n_sentences": [27, 9], "n_words": [600, 200]})
    plots.save_figure(plots.plot_articles_per_outlet(counts).figure, "articles_per_outlet", out=drawn,
                      corpus="mine", caption="Articles per outlet. Corpus: mine.", formats=["png"])
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    plots.save_figure(fig, "hand_drawn", out=drawn, corpus="mine", formats=["png"])
    plt.close("all")
    shutil.copytree(drawn / "figures", tmp_path / "reports" / "mine" / "figures")
    assert main(["figure", "articles_per_outlet", "--corpus", "mine", "--width", "3.3", "--format", "png"]) == 0
    scratch = tmp_path / "reports" / "_scratch" / "mine" / "figures"
    record = json.loads((scratch / "articles_per_outlet_3_3in.json").read_text())
    assert record["exported_from"] == "articles_per_outlet"
    old = scratch / "articles_per_outlet_4_7in.json"  # an export made before records named their chart
    record.pop("exported_from")
    old.write_text(json.dumps(record))
    capsys.readouterr()
    assert main(["figure", "--corpus", "mine"]) == 0
    listed = capsys.readouterr().out
    assert listed.splitlines() == ["reports/mine/figures/ (the report):",
                                   "  articles_per_outlet  Articles per outlet"], listed
    assert list(plots.list_figures(corpus="mine")["name"]) == ["articles_per_outlet"]
    assert main(["figure", "articles", "--corpus", "mine"]) == 2
    said = capsys.readouterr().err
    assert "the charts that can be redrawn: articles_per_outlet (" in said and "3_3in" not in said, said
    assert "hand_drawn" not in said


def test_clean_removes_the_list_of_coding_sheets_once_no_sheet_is_left(tmp_path, monkeypatch, seed_sentences):
    """A coding folder holds framing's list of the sheets it wrote (`coding/.framing-files.json`);
    with the sheets deleted by the user, `framing clean` stopped at a folder it could not remove.
    The list goes with the folder; a folder still holding a sheet is kept."""
    import framing as fr
    from framing import plots

    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    (tmp_path / "data" / "raw").mkdir(parents=True)
    hits = fr.add_frames(seed_sentences)
    scratch = plots.report_folder(corpus="mine")
    for corpus in ("mine", "theirs"):
        plots.save_table(hits.head(), "hits", corpus=corpus)
        fr.export_coding_sheet(seed_sentences, hits, plots.report_folder(corpus=corpus) / "coding" / "sheet.csv", n=5)
    (scratch / "coding" / "sheet.csv").unlink()  # the user deleted the blank sheet
    assert main(["clean"]) == 0
    assert not scratch.exists()
    assert (tmp_path / "reports" / "_scratch" / "theirs" / "coding" / "sheet.csv").is_file()


def test_a_first_build_says_so_rather_than_none_unchanged(project, capsys, monkeypatch):
    """A first build said "(0 of the articles unchanged since the last build)" when there was no
    last build, and a --fresh build said the same: as if every article had changed."""
    monkeypatch.chdir(project)
    corpus = project / "data" / "raw" / "mycorpus"
    for options, said in (([], "(first build of these tables)"),
                          ([], "(3 of the articles unchanged since the last build)"),
                          (["--fresh"], "(every article processed again: --fresh)")):
        assert main(["build", str(corpus), "--workers", "1", *options]) == 0
        printed = capsys.readouterr().out
        assert said in printed and printed.count("unchanged since") <= 1, printed
    for path in sorted(p for p in corpus.rglob("*.txt")):  # every article edited: none to reuse
        path.write_text(path.read_text(encoding="utf-8") + "\n\nA closing line the user added to each article.\n",
                        encoding="utf-8")
    assert main(["build", str(corpus), "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "(no article taken from the last build: every one processed again)" in printed, printed
    assert "0 of the articles" not in printed


def test_output_read_by_a_reader_that_stops_is_no_write_error(tmp_path):
    """`framing figure --list | head -3` ended with "framing: cannot write the output: Broken pipe:
    check the folder, or choose another output folder": a reader that stops reading is no folder to
    fix. The command now stops quietly, with the exit code of a command stopped by SIGPIPE."""
    (tmp_path / "data" / "raw").mkdir(parents=True)
    reader = subprocess.Popen([*FRAMING, "figure", "--list"], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={k: v for k, v in os.environ.items() if k != "FRAMING_HOME"})
    reader.stdout.close()  # the reader is gone before anything is written
    try:
        _, stderr = reader.communicate(timeout=TIMEOUT)
    finally:
        reader.kill()
    assert reader.returncode == 141 and stderr == b"", stderr


def test_clean_keeps_a_coding_folder_framing_has_no_list_in(tmp_path, monkeypatch, seed_sentences):
    """A `coding/` folder the user made (empty, or holding only a file named like framing's
    marker) is not framing's: `framing clean` removes framing's files around it and keeps it."""
    from framing import plots

    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    (tmp_path / "data" / "raw").mkdir(parents=True)
    plots.save_table(seed_sentences.head(), "sentences", corpus="mine")
    coding = plots.report_folder(corpus="mine") / "coding"
    coding.mkdir()  # made by the user, for sheets still to come
    assert main(["clean"]) == 0
    assert coding.is_dir()


def test_framing_build_prints_once_per_export_which_column_gave_each_field(tmp_path, shared_data, capsys):
    """`framing build` of an export whose columns a user named: one note line for the export, not one
    per row, naming the column each field was read from; recorded in build.json."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(3))]
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "export.jsonl").write_text("".join(json.dumps(
        {"Headline": r["title"], "Publisher": r["outlet"], "Date": r["date"], "Content": r["text"]}) + "\n"
        for r in rows), encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("note: ")]
    assert notes == ["note: mine/export.jsonl: columns read: text ← 'Content', title ← 'Headline', "
                     "outlet ← 'Publisher', date ← 'Date'"]
    # Regression: a user's own id column beside them (AllSides events 201-300 with 'doc_id') was not
    # named, so nothing said it was kept to join back by; it is, in `extra`, and the note says so
    (corpus / "export.jsonl").write_text("".join(json.dumps(
        {"doc_id": f"NU-{i}", "Headline": r["title"], "Content": r["text"], "clean": "no"}) + "\n"
        for i, r in enumerate(rows)), encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("note: ")]
    assert notes == ["note: mine/export.jsonl: columns read: text ← 'Content', title ← 'Headline'; no column gives "
                     "the outlet or date; other columns kept in the articles' 'extra': 'doc_id'"]
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert sorted(json.loads(extra)["doc_id"] for extra in articles["extra"]) == ["NU-0", "NU-1", "NU-2"]
    info = json.loads((tmp_path / "out" / "build.json").read_text(encoding="utf-8"))
    assert info["columns_read"] == [notes[0].removeprefix("note: mine/")]


def test_python_dash_m_framing_runs_the_command(tmp_path, seeds_dir):
    """`python -m framing` is the `framing` command (a kernel or an environment without the script on
    PATH): it explains a seed article as the command does."""
    article = sorted(p for p in seeds_dir.iterdir() if p.is_file())[0]
    environment = {k: v for k, v in os.environ.items() if k != "FRAMING_HOME"}
    as_module = subprocess.run([sys.executable, "-m", "framing", "explain", str(article)], cwd=tmp_path,
                               capture_output=True, text=True, env=environment, timeout=TIMEOUT)
    as_cli = subprocess.run([*FRAMING, "explain", str(article)], cwd=tmp_path, capture_output=True, text=True,
                            env=environment, timeout=TIMEOUT)
    assert as_module.returncode == 0, as_module.stderr
    assert as_module.stdout and as_module.stdout == as_cli.stdout


def test_a_corpus_named_from_outside_any_project_points_to_the_installed_one(project, tmp_path, monkeypatch, capsys):
    """From a folder with no data/raw/ in it or above it, `framing report mycorpus` said data/raw/
    held no corpus and told the user to `mkdir -p data/raw/mycorpus` there: a second, empty project
    in the wrong folder. It names the project framing is installed in and the command to run there."""
    import framing.config

    monkeypatch.setattr(framing.config, "SHIPPED_NOTEBOOKS", project / "notebooks")
    monkeypatch.delenv("FRAMING_HOME", raising=False)
    elsewhere = tmp_path / "desktop"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for command in ("build", "report"):
        assert main([command, "mycorpus"]) != 0
        line = "".join(capsys.readouterr()).strip()
        assert line == (f"mycorpus: no such corpus folder: {elsewhere} is in no framing project (no data/raw/ "
                        f"in it or in a folder above it); the project framing is installed in has it: "
                        f"`cd {project} && framing {command} mycorpus`"), line
        assert main([command, "my corpus"]) != 0
        line = "".join(capsys.readouterr()).strip()
        assert f"`mkdir -p '{project}/data/raw/my corpus'`" in line and "are: mycorpus" in line, line
        assert main([command]) == 2
        line = "".join(capsys.readouterr()).strip()
        assert line.startswith(f"no corpus to {command}: {elsewhere} is in no framing project"), line
        assert f"`cd {project} && framing {command} mycorpus`" in line, line
    assert list(elsewhere.iterdir()) == []


def test_a_corpus_linked_into_data_raw_is_named_when_given_by_its_path(project, tmp_path, monkeypatch, capsys):
    """`framing build data/raw/linked` (the path form of the README's `framing build data/raw/<corpus>`)
    wrote the tables under the real folder's name without the note `framing build linked` gives."""
    articles = tmp_path / "Documents" / "Articles 2024"
    shutil.copytree(project / "data" / "raw" / "mycorpus", articles)
    (project / "data" / "raw" / "linked").symlink_to(articles, target_is_directory=True)
    monkeypatch.delenv("FRAMING_HOME", raising=False)
    monkeypatch.chdir(project)
    for given in ("data/raw/linked", "data/raw/linked/"):
        assert main(["build", given, "--workers", "1"]) == 0
        err = capsys.readouterr().err
        assert f"note: data/raw/linked is a link to {articles}: framing names a corpus after its real folder" in err, err
    assert main(["build", "mycorpus", "--workers", "1"]) == 0
    assert "is a link to" not in capsys.readouterr().err


def test_a_corpus_linked_into_data_raw_has_one_set_of_tables(project, tmp_path, monkeypatch, capsys):
    """data/raw/linked → a folder named otherwise: `framing build linked` wrote the tables under the
    real folder's name, and a notebook's `load_articles("linked")` built a second copy under the
    link's name. The commands say which name the corpus has, and the loaders read those tables."""
    import framing as fr

    articles = tmp_path / "Documents" / "Articles 2024"
    shutil.copytree(project / "data" / "raw" / "mycorpus", articles)
    (project / "data" / "raw" / "linked").symlink_to(articles, target_is_directory=True)
    monkeypatch.delenv("FRAMING_HOME", raising=False)
    monkeypatch.chdir(project)
    assert main(["build", "linked", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert (f"note: data/raw/linked is a link to {articles}: framing names a corpus after its real folder, so "
            "its tables and report are data/processed/Articles 2024/ and reports/Articles 2024/") in err, err
    built = project / "data" / "processed" / "Articles 2024"
    assert (built / "build.json").is_file()
    loaded = fr.load_articles("linked", root=project)
    assert sorted(loaded["source_file"]) == sorted(fr.load_articles("Articles 2024", root=project)["source_file"])
    assert set(loaded["corpus"]) == {"Articles 2024"}
    assert not (project / "data" / "processed" / "linked").exists()
    raw = sorted(str(p.relative_to(articles)) for p in articles.rglob("*"))
    assert main(["clean", "linked"]) == 0 and not (built / "articles.parquet").exists()
    for name in (".", "..", "data", "Articles 2024"):  # names of no output folder: nothing is removed
        main(["clean", name])
    assert sorted(str(p.relative_to(articles)) for p in articles.rglob("*")) == raw  # the articles stay
    assert (project / "data" / "raw" / "linked").is_symlink() and (project / "data" / "raw" / "mycorpus").is_dir()
    capsys.readouterr()
    assert main(["build", "linked", "--workers", "1"]) == 0
    (articles / "new.txt").write_text((articles / "sub" / "extra.txt").read_text(encoding="utf-8")
                                      .replace("Port Ellen", "Port Askaig").replace("two piers", "the pier"),
                                      encoding="utf-8")
    from framing.store import changed_since_build

    assert changed_since_build(built, root=project)


def test_data_raw_itself_is_not_read_as_one_corpus(project, monkeypatch, capsys):
    """`framing build data/raw` read every corpus of the project as one, named "raw", into
    data/processed/raw/; and articles dropped into data/raw/ itself were read by no corpus, without
    a word. The first is refused, naming the corpora; the second is named (a README of the raw data
    is notes, not an article, and is not)."""
    monkeypatch.delenv("FRAMING_HOME", raising=False)
    monkeypatch.chdir(project)
    raw = project / "data" / "raw"
    for command in ("build", "report"):
        assert main([command, "data/raw"]) == 2
        line = capsys.readouterr().err.strip()
        assert line == (f"framing: {raw}: is the folder of corpora, not a corpus (its corpora: mycorpus): name one "
                        "of them, or give no corpus to take every one, each on its own"), line
    assert not (project / "data" / "processed").exists()
    shutil.copy(raw / "mycorpus" / "sub" / "extra.txt", raw / "harbour.txt")
    (raw / "README.md").write_text("Pages saved by hand in March; one folder per corpus.\n", encoding="utf-8")
    assert main(["build", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert ("note: harbour.txt in data/raw/ itself is in no corpus folder, so no corpus reads it: move it into a "
            "corpus folder, data/raw/<corpus>/") in err, err
    assert sorted(p.name for p in (project / "data" / "processed").iterdir()) == ["mycorpus"]


def test_a_link_to_another_corpus_of_data_raw_is_built_once(project, monkeypatch, capsys):
    """data/raw/short → data/raw/mycorpus (a shorter name for it): `framing build` with no corpus
    built mycorpus twice, once for each name."""
    monkeypatch.delenv("FRAMING_HOME", raising=False)
    monkeypatch.chdir(project)
    (project / "data" / "raw" / "short").symlink_to(project / "data" / "raw" / "mycorpus", target_is_directory=True)
    assert main(["build", "--workers", "1"]) == 0
    summaries = [line for line in capsys.readouterr().out.splitlines() if " articles read, " in line]
    assert len(summaries) == 1 and summaries[0].startswith("mycorpus: "), summaries


def test_explain_says_a_file_is_skipped_as_a_copy_found_once_cleaned(tmp_path, shared_data):
    """Regression: `framing explain` of a page's text dump that the build skipped as the same article
    as its saved page (found on the cleaned text of every file) showed the lines kept and said
    nothing of it. It says what the build said, while the corpus folder is as it was built; before a
    build, and once a file is added, it says it cannot tell and where to look."""
    import gzip

    lines = (json.loads(line) for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8"))
    page = next(row for row in lines if row["page_id"].startswith("042bb7b5feda"))
    project = tmp_path / "project"
    corpus = project / "data" / "raw" / "wsj"
    corpus.mkdir(parents=True)
    (corpus / "page.html").write_bytes(gzip.decompress((shared_data / "aeb-dev" / page["html_path"]).read_bytes()))
    (corpus / "page.inscriptis.txt").write_text(page["dump_inscriptis"], encoding="utf-8")
    (corpus / "page.text.txt").write_text(page["dump_html_text"], encoding="utf-8")
    cannot = "as a copy: explain cannot tell whether this is the same article as another file of the corpus once both are cleaned"
    unbuilt = _run(["explain", "wsj/page.inscriptis.txt"], project)
    assert f"{cannot} (the corpus has not been built)" in unbuilt.stdout and "`framing build wsj`" in unbuilt.stdout
    assert _run(["build", "wsj"], project).returncode == 0
    explained = _run(["explain", "wsj/page.inscriptis.txt"], project)
    assert explained.returncode == 0 and "keep body" in explained.stdout
    assert "\nthe build: is the same article as page.html once both are cleaned (" in explained.stdout
    assert "no outlet named" not in explained.stdout and cannot not in explained.stdout  # the skip alone, as the build
    dump = _run(["explain", "wsj/page.text.txt"], project)
    assert "\nthe build: nearly duplicates page.inscriptis.txt (the same text but for a few characters or line breaks), " \
           "which is skipped in turn as the same article as page.html once both are cleaned" in dump.stdout
    assert "which is kept (the copy read first)" not in dump.stdout + dump.stderr
    (corpus / "other.txt").write_text(page["dump_inscriptis"][:2000], encoding="utf-8")
    stale = _run(["explain", "wsj/page.inscriptis.txt"], project)
    assert "\nthe last build, before the corpus folder changed: is the same article as page.html" in stale.stdout
    assert f"{cannot} (the corpus folder changed since its last build)" in stale.stdout
