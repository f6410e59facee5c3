"""Editing a lexicon as the README tells a user to: copy the shipped file into the project's
`lexicons/` folder, change one entry, rerun. Each kind of file must change the tables of the seed
corpus, the build must say which copies it uses, and a broken copy must stop with one line naming it.

The runs are separate processes (as a user's `framing build` or notebook kernel is), in a project of
their own, so the copies never reach the tables the other tests read."""
from __future__ import annotations

import json
import os
import re
import shutil
import string
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from framing import lexicons
from framing.config import SEED_CORPUS

TIMEOUT = 300

# What the analyses give on the seed corpus, printed as JSON by a separate process.
MEASURES = """
import json
import framing as fr
sentences = fr.load_sentences(%r)
tokens = fr.unnest_tokens(sentences)
marked = fr.mark_set_aside(tokens)
scored = fr.add_sentiment(sentences)
hits = fr.add_frames(sentences, scheme="generic")
quotes = fr.extract_quotes(sentences)
print(json.dumps({
    "tokens": sorted(set(tokens["term"])),
    "house_style": sorted(set(marked.loc[marked["set_aside"] == "house style", "term"])),
    "sentiment": {f"{a}:{s}": round(float(v), 6)
                  for a, s, v in zip(scored["article_id"], scored["sentence_id"], scored["sentiment"])},
    "texts": {f"{a}:{s}": t for a, s, t in zip(sentences["article_id"], sentences["sentence_id"], sentences["text"])},
    "sentiment_lexicon": sorted(set(scored["sentiment_lexicon"])),
    "conflict_terms": sorted({t.strip() for terms in hits.loc[hits["frame"] == "conflict", "terms"]
                              for t in (terms.split(";") if isinstance(terms, str) else terms)}),
    "stances": {v: s for v, s in zip(quotes["verb"], quotes["verb_stance"])},
    "quotes_version": sorted(set(quotes["lexicon_version"])),
    "actors": sorted(set(fr.find_actors(sentences)["actor"])),
    "pairs": len(fr.align_sentences(sentences)),
}))
""" % SEED_CORPUS


def _environment() -> dict:
    """This process's environment without the settings that would point framing elsewhere."""
    return {k: v for k, v in os.environ.items() if k not in ("FRAMING_HOME", "FRAMING_LEXICONS")}


def _framing(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "framing.cli", *args], cwd=project, env=_environment(),
                          capture_output=True, text=True, timeout=TIMEOUT)


def _measures(project: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURES], cwd=project, env=_environment(),
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _new_project(folder: Path, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, folder / "data" / "raw" / SEED_CORPUS)
    return folder


def _own_copy(project: Path, name: str, old: str, new: str) -> Path:
    """The shipped `<name>.toml` copied to the project's `lexicons/` with `old` replaced by `new`
    once and "-mine" added to its version, as the README says."""
    text = (resources.files("framing") / "data" / f"{name}.toml").read_text(encoding="utf-8")
    assert old in text, f"{name}.toml no longer holds {old!r}: choose another entry to edit"
    text = re.sub(r'^version = "([^"]*)"', r'version = "\1-mine"', text.replace(old, new, 1), count=1, flags=re.M)
    path = project / "lexicons" / f"{name}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _tables(project: Path) -> tuple:
    import pandas as pd

    folder = project / "data" / "processed" / SEED_CORPUS
    return (pd.read_parquet(folder / "sentences.parquet"), pd.read_parquet(folder / "removed.parquet"),
            json.loads((folder / "build.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir):
    """A project holding the seed corpus, built with the shipped files, and what the analyses give."""
    project = _new_project(tmp_path_factory.mktemp("project"), seeds_dir)
    result = _framing(project, "build")
    assert result.returncode == 0, result.stderr
    return project, _measures(project)


@pytest.fixture
def project(built):
    """The built project, its `lexicons/` folder removed after the test."""
    folder, _ = built
    yield folder
    shutil.rmtree(folder / "lexicons", ignore_errors=True)


# ── the build: page furniture and sentence splitting ─────────────────────────────────────────────

def test_a_furniture_copy_changes_what_the_build_removes(tmp_path, seeds_dir):
    project = _new_project(tmp_path, seeds_dir)
    assert _framing(project, "build").returncode == 0
    before, removed_before, _ = _tables(project)
    heading = "What This Means for Ukraine’s Future"
    assert heading in set(before["text"]) and heading not in set(removed_before["text"])

    copy = _own_copy(project, "furniture", "[rules.related]\nmax_words = 10\npatterns = [",
                     "[rules.related]\nmax_words = 10\npatterns = ['^what this means for\\b', ")
    result = _framing(project, "build")
    assert result.returncode == 0, result.stderr
    assert str(copy) in result.stderr and "-mine" in result.stderr  # the build names the copy it used
    after, removed, info = _tables(project)
    assert heading not in set(after["text"])
    assert removed.loc[removed["text"] == heading, "rule"].tolist() == ["related"]
    assert info["data_versions"]["furniture"].endswith("-mine")

    copy.unlink()  # the shipped file again: the line is back
    assert _framing(project, "build").returncode == 0
    assert heading in set(_tables(project)[0]["text"])


def test_a_punkt_copy_changes_where_the_build_splits_sentences(tmp_path, seeds_dir):
    project = _new_project(tmp_path, seeds_dir)
    assert _framing(project, "build").returncode == 0
    before = _tables(project)[0]
    _own_copy(project, "punkt", "[abbreviations]\n", '[abbreviations]\nmine = ["ukraine"]\n')
    assert _framing(project, "build").returncode == 0
    after, _, info = _tables(project)
    assert len(after) < len(before)
    # a sentence that ended on "Ukraine.”" now runs on into the next one
    assert any("Ukraine.” He " in text for text in after["text"])
    assert not any("Ukraine.” He " in text for text in before["text"])
    assert info["data_versions"]["punkt"].endswith("-mine")


# ── the analyses: each copy changes its table, nothing else ──────────────────────────────────────

def test_a_stopwords_copy_drops_its_words_from_the_tokens(built, project):
    assert "ukraine" in built[1]["tokens"]
    _own_copy(project, "stopwords", "negation = [", 'mine = ["ukraine"]\nnegation = [')
    assert "ukraine" not in _measures(project)["tokens"]


def test_a_house_style_copy_sets_its_terms_aside(built, project):
    assert "nato" not in built[1]["house_style"]
    _own_copy(project, "house_style", "[terms]\n", '[terms]\nmine = ["nato"]\n')
    assert "nato" in _measures(project)["house_style"]


def test_a_sentiment_news_copy_scores_its_words_and_records_its_version(built, project):
    _own_copy(project, "sentiment_news", "[words]\n", "[words]\ntroops = -2.0\n")
    measured = _measures(project)
    assert measured["sentiment_lexicon"] == ["sentiment_news:1.3-mine"]
    changed = {k for k, v in measured["sentiment"].items() if v != built[1]["sentiment"][k]}
    # exactly the sentences with the word change (VADER tokens: split at spaces, ASCII punctuation stripped)
    assert changed == {k for k, text in built[1]["texts"].items()
                       if "troops" in (w.strip(string.punctuation).lower() for w in text.split())}


def test_a_sentiment_score_copy_changes_the_weights(built, project):
    _own_copy(project, "sentiment_score", "vader = 0.7\ntextblob = 0.3", "vader = 1.0\ntextblob = 0.0")
    assert _measures(project)["sentiment"] != built[1]["sentiment"]


def test_a_frames_copy_adds_its_cue(built, project):
    assert "aspiration" not in built[1]["conflict_terms"]
    text = (resources.files("framing") / "data" / "frames_generic.toml").read_text(encoding="utf-8")
    start = text.index("[frames.conflict]")
    old = text[start:text.index("cues = [", start) + len("cues = [")]
    _own_copy(project, "frames_generic", old, old + '"aspiration*", ')
    assert "aspiration" in _measures(project)["conflict_terms"]


def test_a_reporting_verbs_copy_changes_a_verbs_stance(built, project):
    assert built[1]["stances"]["say"] == "neutral"
    copy = _own_copy(project, "reporting_verbs", 'neutral = ["say", ', "neutral = [")
    copy.write_text(copy.read_text(encoding="utf-8").replace("evaluative = [", 'evaluative = ["say", ', 1),
                    encoding="utf-8")
    measured = _measures(project)
    assert measured["stances"]["say"] == "evaluative"
    assert all(v.endswith("-mine") for v in measured["quotes_version"])


def test_a_compare_copy_changes_the_alignment_threshold(built, project):
    _own_copy(project, "compare", "threshold = 0.14", "threshold = 0.5")
    assert 0 < _measures(project)["pairs"] < built[1]["pairs"]


def test_an_actors_copy_changes_who_counts_as_a_person(built, project):
    assert "Pete Hegseth" in built[1]["actors"]
    _own_copy(project, "actors", 'names = ["Associated Press", ', 'names = ["Pete Hegseth", "Associated Press", ')
    actors = _measures(project)["actors"]
    assert "Pete Hegseth" not in actors and "Donald Trump" in actors


# ── mistakes in a copy ────────────────────────────────────────────────────────────────────────────

def test_a_copy_that_is_not_toml_stops_the_build_naming_the_file_and_line(project):
    copy = _own_copy(project, "furniture", "max_words = 10\n", "max_words = = 10\n")
    result = _framing(project, "build")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(copy) in result.stderr and "not valid TOML" in result.stderr and "line" in result.stderr


def test_a_copy_missing_a_table_is_named_before_any_step_runs(project):
    copy = _own_copy(project, "furniture", "[stopwords]", "[not_stopwords]")
    result = _framing(project, "build")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(copy) in result.stderr and "stopwords" in result.stderr


def test_a_file_named_after_no_shipped_file_is_named_as_unused(project):
    (project / "lexicons").mkdir()
    stray = project / "lexicons" / "reportingverbs.toml"
    stray.write_text('version = "1"\nsource = "mine"\n', encoding="utf-8")
    result = _framing(project, "build")
    assert result.returncode == 0
    assert f"warning: {stray}" in result.stderr and "nothing reads it" in result.stderr
    assert "did you mean reporting_verbs?" in result.stderr


def test_a_copy_with_a_misspelt_ending_is_named_with_its_right_name(project):
    """Regression: a user's `frames_generic.tmol` (and `frames.tmol`) in `lexicons/` was silently
    ignored: only `*.toml` files were looked at. Now each is named with the name it should have."""
    (project / "lexicons").mkdir()
    typo = project / "lexicons" / "frames_generic.tmol"
    vague = project / "lexicons" / "frames.tmol"
    notes = project / "lexicons" / "notes.txt"
    for path in (typo, vague, notes):
        path.write_text('version = "1"\nsource = "mine"\n', encoding="utf-8")
    result = _framing(project, "build")
    assert result.returncode == 0
    assert f"warning: {typo}: ends in .tmol, not .toml: rename it frames_generic.toml" in result.stderr
    assert f"warning: {vague}" in result.stderr and "did you mean frames_" in result.stderr
    assert str(notes) not in result.stderr  # a note of another kind is the user's own business


def test_a_misspelt_lexicon_name_or_path_suggests_the_close_one(tmp_path):
    with pytest.raises(lexicons.LexiconError, match=r"did you mean frames_generic\b"):
        lexicons.load_data("frames_generc")
    (tmp_path / "my_news_words.toml").write_text('version = "1"\nsource = "mine"\n', encoding="utf-8")
    with pytest.raises(lexicons.LexiconError, match=r"my_new_words\.toml: no such file \(did you mean my_news_words\.toml\?\)"):
        lexicons.load_data(tmp_path / "my_new_words.toml")
    assert lexicons.load_data(tmp_path / "my_news_words.toml")["source"] == "mine"


def test_a_copy_is_read_again_after_an_edit(tmp_path, monkeypatch):
    """`load_data` reads the copy as it is now, so a notebook cell run again sees the edit."""
    monkeypatch.setenv("FRAMING_LEXICONS", str(tmp_path))
    assert lexicons.load_data("stopwords")["version"] == "1.0"  # no copy: the shipped file
    copy = tmp_path / "stopwords.toml"
    shipped = (resources.files("framing") / "data" / "stopwords.toml").read_text(encoding="utf-8")
    copy.write_text(shipped.replace('version = "1.0"', 'version = "1.0-a"', 1), encoding="utf-8")
    assert lexicons.load_data("stopwords")["version"] == "1.0-a"
    copy.write_text(shipped.replace('version = "1.0"', 'version = "1.0-bb"', 1), encoding="utf-8")
    assert lexicons.load_data("stopwords")["version"] == "1.0-bb"
    assert lexicons.overrides() == {"stopwords": copy}
