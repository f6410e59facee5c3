"""The corpus build end to end: seed corpus expectations, table contracts, bad input, atomic writes."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import warnings

import pandas as pd
import pytest

from framing import build as build_module
from framing import store as store_module
from framing.build import build_tables, save_build
from framing.cli import main
from framing.store import load_articles, load_removed, load_sentences

HEADLINE_000 = "U.S. Ends Support for Ukraine’s NATO Bid, Pre-2014 Borders, and Troop Deployment"
CLEAN_ARTICLE = (
    "Storm closes harbour\n\n"
    "The harbour at Port Ellen was closed on Tuesday after a storm damaged two piers, the council said.\n\n"
    "Fishing boats were moved to the mainland, and ferry crossings were cancelled until further notice.\n"
)


def _article(seed_build, number: str) -> pd.Series:
    articles = seed_build.articles
    return articles[articles["source_file"].str.startswith(number)].iloc[0]


def _sentences(seed_build, number: str) -> pd.DataFrame:
    article_id = _article(seed_build, number)["article_id"]
    return seed_build.sentences[seed_build.sentences["article_id"] == article_id]


# ── the seed corpus ────────────────────────────────────────────────────────────────────────────


def test_seed_news_page_metadata(seed_build):
    article = _article(seed_build, "000")
    assert article["outlet"] == "Islamic Voice News"
    assert article["author"] == "WebAdmin"
    assert article["published"] == pd.Timestamp("2025-02-12")
    assert article["title"] == HEADLINE_000
    assert set(article["inferred"].split(",")) >= {"outlet", "author", "published"}


def test_seed_news_page_text(seed_build):
    sentences = _sentences(seed_build, "000")
    assert (sentences["text"] == HEADLINE_000).sum() == 1
    body = sentences[sentences["kind"] == "body"]
    assert body["paragraph_id"].nunique() == 7
    assert body["text"].iloc[0].startswith("At the 26th Ukraine Defense Contact Group meeting")
    assert body["text"].iloc[-1].endswith("European leadership in regional security.")
    everything = " ".join(sentences["text"])
    for furniture in ("Share on Facebook", "Tags:", "Supreme Court Sides", "Maria Cruz", "Login",
                      "Translate", "Prayer times", "All Rights Reserved", "Advertise"):
        assert furniture not in everything


def test_seed_blog_page(seed_build):
    article = _article(seed_build, "002")
    assert article["outlet"] == "Unnamed blog"  # from the manifest
    assert pd.isna(article["author"]) and pd.isna(article["published"])
    sentences = _sentences(seed_build, "002")
    kinds = sentences.groupby("kind")["text"].apply(list)
    assert kinds["headline"] == ["U.S. Declares Ukraine's NATO Membership Off the Table, Rules Out Troop Deployment"]
    assert kinds["subtitle"] == ["Washington Signals a Strategic Shift in Global Priorities"]
    assert len(kinds["subheading"]) == 5
    assert [t[:20] for t in kinds["list_item"]] == ["- French Defense Min", "- German Defense Min"]
    assert "Comment" not in " ".join(sentences["text"])


def test_every_raw_line_is_kept_or_removed_once(seed_build, seeds_dir):
    for _, article in seed_build.articles.iterrows():
        raw = (seeds_dir / article["source_file"]).read_text(encoding="utf-8").splitlines()
        non_blank = {n for n, line in enumerate(raw, start=1) if line.strip()}
        sentences = seed_build.sentences[seed_build.sentences["article_id"] == article["article_id"]]
        kept = set()
        for start, end in zip(sentences["line_start"], sentences["line_end"]):
            kept.update(range(start, end + 1))
        removed = seed_build.removed[seed_build.removed["article_id"] == article["article_id"]]
        dropped = list(removed["line"])
        assert len(dropped) == len(set(dropped))
        assert kept.isdisjoint(dropped)
        assert kept | set(dropped) == non_blank
        for _, row in removed.iterrows():
            assert raw[row["line"] - 1] == row["text"]


def test_table_contracts(seed_build):
    articles, sentences = seed_build.articles, seed_build.sentences
    assert articles["article_id"].is_unique
    assert not sentences.duplicated(["article_id", "sentence_id"]).any()
    for _, group in sentences.groupby("article_id"):
        assert list(group["sentence_id"]) == list(range(len(group)))
        assert group["position"].iloc[0] == 0 and group["position"].iloc[-1] == 1
        assert group["position"].is_monotonic_increasing
        assert group["paragraph_id"].is_monotonic_increasing
    assert sentences["kind"].isin(["headline", "subtitle", "subheading", "body", "list_item",
                                   "byline", "date"]).all()
    assert (sentences["n_words"] > 0).all()
    assert str(articles["published"].dtype).startswith("datetime64")


def test_article_id_depends_on_content_only(tmp_path, seeds_dir):
    source = next(seeds_dir.glob("000_*.txt"))
    corpus = tmp_path / "renamed"
    corpus.mkdir()
    shutil.copy(source, corpus / "another-name.txt")
    build = build_tables(corpus)
    assert build.articles["article_id"].iloc[0] == hashlib.sha256(source.read_bytes()).hexdigest()[:16]


# ── input formats ──────────────────────────────────────────────────────────────────────────────


def test_export_rows_become_articles(tmp_path):
    corpus = tmp_path / "exports"
    corpus.mkdir()
    pd.DataFrame({"text": [CLEAN_ARTICLE, CLEAN_ARTICLE.replace("Tuesday", "Monday")],
                  "outlet": ["Harbour Post", "Island Times"], "title": ["Storm closes harbour", "Storm"],
                  "published": ["2024-01-02", "2024-01-03"]}).to_csv(corpus / "export.csv", index=False)
    pd.DataFrame({"text": [CLEAN_ARTICLE.replace("storm", "gale")], "outlet": ["Coast FM"]}).to_json(
        corpus / "more.jsonl", orient="records", lines=True)
    build = build_tables(corpus)
    assert list(build.articles["outlet"]) == ["Harbour Post", "Island Times", "Coast FM"]
    assert list(build.articles["source_record"]) == [1, 2, 1]
    assert build.articles["published"].iloc[0] == pd.Timestamp("2024-01-02")
    body = build.sentences[build.sentences["kind"] == "body"]
    assert body["text"].str.contains("Fishing boats were moved").sum() == 3


def test_html_page_goes_through_trafilatura(tmp_path):
    corpus = tmp_path / "pages"
    corpus.mkdir()
    paragraphs = "".join(f"<p>{line} This sentence makes the paragraph long enough to count as text "
                         f"that a reader would want to keep in the article body.</p>"
                         for line in ("The harbour at Port Ellen was closed on Tuesday.",
                                      "Fishing boats were moved to the mainland.",
                                      "Ferry crossings were cancelled until further notice."))
    html = (f"<html><head><title>Storm closes harbour | Harbour Post</title></head><body>"
            f"<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Storm closes harbour</h1>"
            f"{paragraphs}</article><footer>© 2024 Harbour Post</footer></body></html>")
    (corpus / "page.html").write_text(html, encoding="utf-8")
    build = build_tables(corpus)
    text = " ".join(build.sentences["text"])
    assert "Fishing boats were moved to the mainland." in text
    assert "Home" not in build.sentences["text"].tolist()
    assert build.articles["format"].iloc[0] == "html"


# ── bad input: one clear line per file, the rest still built ────────────────────────────────────


@pytest.fixture()
def messy_corpus(tmp_path, seeds_dir):
    corpus = tmp_path / "messy"
    corpus.mkdir()
    good = next(seeds_dir.glob("002_*.txt"))
    shutil.copy(good, corpus / "good.txt")
    shutil.copy(good, corpus / "second-copy.txt")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (corpus / "windows.txt").write_bytes(CLEAN_ARTICLE.replace("harbour", "harbour’s").encode("cp1252"))
    (corpus / "no-article.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    with open(corpus / "huge.txt", "wb") as handle:  # 50 MB, sparse: costs no disk
        handle.truncate(50 * 1024 * 1024)
    (corpus / "manifest.csv").write_text("file,outlet\ngood.txt,Good News\nmissing.txt,Nobody\n")
    return corpus


def _problems(build) -> dict[str, str]:
    return {p.file: p.message for p in build.problems}


def test_bad_files_each_get_one_clear_problem(messy_corpus):
    build = build_tables(messy_corpus)
    problems = _problems(build)
    assert "empty" in problems["empty.txt"]
    assert "binary" in problems["image.txt"]
    assert "no article" in problems["no-article.html"]
    assert "unknown extension" in problems["notes.docx"]
    assert "50 MB" in problems["huge.txt"]
    assert "same article as" in problems["second-copy.txt"]
    assert "missing.txt" in problems["manifest.csv"]
    windows = [p.message for p in build.problems if p.file == "windows.txt"]  # kept, with what to know
    assert len(windows) == 2 and "Windows-1252" in windows[0] and "add the line 'windows.txt,<outlet>' to manifest.csv" in windows[1]
    assert len(build.problems) == 9
    assert sorted(build.articles["source_file"]) == ["good.txt", "windows.txt"]
    windows = build.articles.set_index("source_file").loc["windows.txt"]
    assert windows["encoding"] == "cp1252" and "Windows-1252" in windows["warnings"]
    assert build.sentences["text"].str.contains("harbour’s").any()


def test_malformed_manifest_is_reported_and_ignored(tmp_path, seeds_dir):
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "a.txt")
    (corpus / "manifest.csv").write_text("name;outlet\na.txt;X\n")
    build = build_tables(corpus)
    assert "(the header) has no file column" in _problems(build)["manifest.csv"]
    assert build.articles["outlet"].iloc[0] == "Islamic Voice News"


def test_raw_files_are_never_modified(messy_corpus, tmp_path):
    before = {p: p.read_bytes() for p in messy_corpus.iterdir() if p.stat().st_size < 2**20}
    assert main(["build", str(messy_corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert {p: p.read_bytes() for p in before} == before


def test_exit_code_non_zero_only_when_nothing_was_built(tmp_path, messy_corpus, capsys):
    assert main(["build", str(messy_corpus), "--out", str(tmp_path / "ok"), "--quiet"]) == 0
    hopeless = tmp_path / "hopeless"
    hopeless.mkdir()
    (hopeless / "empty.txt").write_text("")
    assert main(["build", str(hopeless), "--out", str(tmp_path / "none"), "--quiet"]) == 1
    assert "empty.txt: is empty" in capsys.readouterr().err


# ── outputs: atomic, deterministic, loadable ───────────────────────────────────────────────────


def test_two_runs_give_identical_tables(seeds_dir, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    save_build(build_tables(seeds_dir), first)
    save_build(build_tables(seeds_dir), second)
    for name in ("articles", "sentences", "removed"):
        assert (first / f"{name}.parquet").read_bytes() == (second / f"{name}.parquet").read_bytes()
        assert (first / f"{name}.csv").read_bytes() == (second / f"{name}.csv").read_bytes()


def test_fresh_build_reads_each_text_page_once(seeds_dir, tmp_path, monkeypatch):
    """A build reads the text pages twice (what repeats across a site, then the articles); the words
    and hashes the near-duplicate check takes from a page are computed in the first pass only."""
    from framing.ingest.duplicates import Duplicates

    read = []
    original = Duplicates._text_words
    monkeypatch.setattr(Duplicates, "_text_words", lambda self, text: read.append(text) or original(self, text))
    build_module.build_corpus(seeds_dir, tmp_path / "out", fresh=True)
    pages = list(seeds_dir.glob("*.txt"))
    assert len(pages) == 2 and len(read) == len(pages)


def test_a_corpus_whose_folders_look_like_events_is_told_how_to_name_them(tmp_path, shared_data):
    """Files kept in a folder per event (`<event>/<outlet>.txt`) with no event given are one event:
    the build names the folders and the manifest line that makes each an event. A folder per outlet,
    or folders whose events are given, get no such warning."""
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(6))]  # two events, three sides each

    def corpus(name, path_of, manifest):
        folder = tmp_path / name
        for row in rows:
            path = folder / path_of(row)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(row["text"], encoding="utf-8")
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
        return [str(p) for p in build_tables(folder).problems if "compared across events" in p.message]

    by_event = "file,outlet\n" + "".join(f"{r['event_id']}/{r['allsides_side']}.txt,{r['allsides_side']}\n"
                                          for r in rows)
    in_events = lambda row: f"{row['event_id']}/{row['allsides_side']}.txt"  # noqa: E731
    assert corpus("events", in_events, by_event) == [
        "allsides_5607/, allsides_5608/: every article takes the event 'events', while these 2 folders hold "
        "several outlets, the same outlets in more than one: if each folder is an event, give manifest.csv a "
        "line per folder (the lines 'file,event' and 'allsides_5607/,allsides_5607'), or the outlets are "
        "compared across events as one story"]
    with_events = "file,outlet,event\n" + "".join(f"{r['event_id']}/{r['allsides_side']}.txt,{r['allsides_side']},"
                                                  f"{r['event_id']}\n" for r in rows)
    assert corpus("named", in_events, with_events) == []
    by_outlet = "file,outlet\nleft/,L\ncenter/,C\nright/,R\n"
    assert corpus("outlets", lambda row: f"{row['allsides_side']}/{row['event_id']}.txt", by_outlet) == []



def test_folders_of_files_that_name_no_outlet_are_named_as_events_or_outlets(tmp_path, shared_data):
    """Regression: a folder per event whose files name no outlet (`storm/article1.txt`: the file
    name stands in for the outlet) got no word of its folders, as the rule looked only at named
    outlets. The folders are now named, saying the layout cannot be told and both fixes; following
    the first gives each folder its event and the warning goes."""
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(6))]  # two events, three sides each
    folder = tmp_path / "events"
    for row in rows:
        path = folder / row["event_id"] / f"article_{row['allsides_side']}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(row["text"], encoding="utf-8")
    build = build_tables(folder)
    [told] = [p for p in build.problems if "cannot be told" in p.message]
    first = sorted(build.articles["source_file"])[0]
    assert str(told).startswith("allsides_5607/, allsides_5608/: every article takes the event 'events', and the ")
    assert "'allsides_5607/,allsides_5607,'" in told.message and f"'{first},,<outlet>'" in told.message
    manifest = "file,event,outlet\n" + "".join(f"{e}/,{e},\n" for e in sorted({r["event_id"] for r in rows})) + "".join(
        f"{r['event_id']}/article_{r['allsides_side']}.txt,,{r['outlet']}\n" for r in rows)
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    fixed = build_tables(folder)
    assert not [p for p in fixed.problems if "cannot be told" in p.message or "no outlet" in p.message]
    assert sorted(fixed.articles["event"].unique()) == ["allsides_5607", "allsides_5608"]
    single = tmp_path / "one-folder"  # one folder of unnamed files: no layout to tell
    (single / "storm").mkdir(parents=True)
    for row in rows[:3]:
        (single / "storm" / f"article_{row['allsides_side']}.txt").write_text(row["text"], encoding="utf-8")
    assert not [p for p in build_tables(single).problems if "cannot be told" in p.message]

def test_files_that_name_no_outlet_are_told_in_one_warning(tmp_path, shared_data):
    """Regression: each file of a folder of copied texts that name no outlet had a warning of its own,
    differing in the file name only (fifty files, fifty lines). They are one warning naming the files
    and the fix; the articles table still says it of each article, and one such file keeps its own."""
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(8))]
    folder = tmp_path / "copied"
    folder.mkdir()
    for number, row in enumerate(rows):
        (folder / f"story{number}.txt").write_text(f"{row['title']}\n\n{row['text']}\n", encoding="utf-8")
    build = build_tables(folder)
    [told] = [p for p in build.problems if p.message.startswith("no outlet")]
    assert str(told).startswith("story0.txt, story1.txt, story2.txt, story3.txt, story4.txt and 3 more files: no outlet")
    assert "for each of these 8 files: create manifest.csv" in told.message and "'story0.txt,<outlet>'" in told.message
    assert build.articles["warnings"].str.contains("no outlet named").sum() == 8
    for extra in range(1, 8):
        (folder / f"story{extra}.txt").unlink()
    [alone] = [p for p in build_tables(folder).problems if p.message.startswith("no outlet")]
    assert alone.file == "story0.txt" and "for each of" not in alone.message


def test_failed_write_leaves_previous_tables(seeds_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build = build_tables(seeds_dir)
    save_build(build, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise OSError("disk full")

    smaller = build_module.Build(build.articles.head(1), build.sentences.head(3), build.removed, [])
    monkeypatch.setattr(store_module.tables, "_write_csv", broken)  # fails after the Parquet files are staged
    with pytest.raises(OSError):
        save_build(smaller, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_loaders_read_what_build_wrote(seeds_dir, tmp_path):
    out = tmp_path / "processed" / "seeds"
    save_build(build_tables(seeds_dir), out)
    assert len(load_articles(out)) == 2
    sentences = load_sentences(out)
    assert set(sentences["kind"]) <= {"headline", "subtitle", "subheading", "body", "list_item"}
    assert len(load_sentences(out, kinds=None)) > len(sentences)
    assert set(load_removed(out)["rule"]) and "rule" in load_removed(out)
    with pytest.raises(FileNotFoundError, match="framing build"):
        load_sentences("no-such-corpus", root=tmp_path)


def test_explain_shows_kept_kinds_and_rules(seeds_dir, capsys):
    assert main(["explain", str(next(seeds_dir.glob("002_*.txt")))]) == 0
    out = capsys.readouterr().out
    assert "keep subheading" in out and "keep list_item" in out and "drop" in out


# ── incremental and parallel builds ────────────────────────────────────────────────────────────



def test_a_manifest_added_for_one_file_leaves_the_export_rows_that_name_their_outlet_reused(tmp_path, shared_data):
    """Regression: adding manifest.csv (to give one new page its event) made every article be cleaned
    again, 300 export rows that name their outlet among them: each article's key held the manifest's
    advice for giving it an outlet, which changes with the manifest, though an article that has its
    outlet never uses it."""
    corpus = tmp_path / "grow"
    corpus.mkdir()
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(4))]
    (corpus / "export.jsonl").write_text("".join(json.dumps({k: r[k] for k in ("outlet", "title", "text")}) + "\n"
                                                 for r in rows[:3]), encoding="utf-8")
    (corpus / "page.txt").write_text(rows[3]["text"], encoding="utf-8")
    first = build_tables(corpus)
    (corpus / "manifest.csv").write_text("file,event\npage.txt,storm\n", encoding="utf-8")
    second = build_tables(corpus, previous=first)
    assert second.n_reused == 3 and set(second.articles["event"]) == {"storm", "grow"}
    fresh = build_tables(corpus)
    for name in ("articles", "sentences", "removed"):
        pd.testing.assert_frame_equal(getattr(second, name), getattr(fresh, name))

def test_an_outlet_column_added_to_the_manifest_leaves_the_pages_that_name_their_outlet_reused(tmp_path, shared_data):
    """Regression: following the build's advice for a copied page with no outlet ("add a column
    'outlet' to manifest.csv … and fill it in on line 4") cleaned every article again, the saved
    pages whose outlet is read from the page among them (10 of 14 files of a corpus of aeb-dev pages
    and AllSides text): each one's key held the manifest's advice for a missing outlet, whose
    words change with any edit of the manifest. A page still without an outlet gets the new advice."""
    import gzip

    corpus = tmp_path / "pages"
    corpus.mkdir()
    pages = [json.loads(line) for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")]
    saved = [p for p in pages if "thehill.com" in p["url"] or "nbcnews.com/news/us-news" in p["url"]]
    for number, page in enumerate(saved):
        (corpus / f"page{number}.html").write_bytes(gzip.decompress((shared_data / "aeb-dev" / page["html_path"]).read_bytes()))
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(2))]
    for number, row in enumerate(rows):  # copied text that names no outlet
        (corpus / f"copied{number}.txt").write_text(row["title"] + "\n\n" + row["text"], encoding="utf-8")
    events = "".join(f"{path.name},one\n" for path in sorted(corpus.iterdir()))
    (corpus / "manifest.csv").write_text("file,event\n" + events, encoding="utf-8")
    first = build_tables(corpus)
    unnamed = first.articles[first.articles["warnings"].str.contains("no outlet named", na=False)]
    assert sorted(unnamed["source_file"]) == ["copied0.txt", "copied1.txt"]
    assert "add a column 'outlet' to manifest.csv" in unnamed["warnings"].iloc[0]
    lines = (corpus / "manifest.csv").read_text(encoding="utf-8").splitlines()
    (corpus / "manifest.csv").write_text("file,event,outlet\n" + "".join(
        line + (f",{rows[0]['outlet']}\n" if line.startswith("copied0.txt") else ",\n") for line in lines[1:]),
        encoding="utf-8")
    second = build_tables(corpus, previous=first)
    assert second.n_reused == len(saved) + 1  # the pages and the copied text still unnamed; copied0.txt named
    still = second.articles.loc[second.articles["source_file"] == "copied1.txt", "warnings"].iloc[0]
    assert "fill in the 'outlet' cell of manifest.csv line" in still and "add a column" not in still
    fresh = build_tables(corpus)
    for name in ("articles", "sentences", "removed"):
        pd.testing.assert_frame_equal(getattr(second, name), getattr(fresh, name))
    assert [str(p) for p in second.problems] == [str(p) for p in fresh.problems]


def test_rebuild_reuses_unchanged_articles_and_drops_deleted(tmp_path, seeds_dir):
    corpus = tmp_path / "grow"
    corpus.mkdir()
    first_file = next(seeds_dir.glob("000_*.txt"))
    shutil.copy(first_file, corpus / first_file.name)
    first = build_tables(corpus)
    assert first.n_reused == 0
    (corpus / "new.txt").write_text(CLEAN_ARTICLE, encoding="utf-8")
    second = build_tables(corpus, previous=first)
    assert second.n_reused == 1 and len(second.articles) == 2
    fresh = build_tables(corpus)
    for name in ("articles", "sentences", "removed"):
        pd.testing.assert_frame_equal(getattr(second, name), getattr(fresh, name))
    (corpus / first_file.name).unlink()
    third = build_tables(corpus, previous=second)
    assert list(third.articles["source_file"]) == ["new.txt"]
    assert set(third.sentences["article_id"]) == set(third.articles["article_id"])
    assert third.removed.empty or set(third.removed["article_id"]) <= set(third.articles["article_id"])


def test_loading_tables_older_than_their_raw_folder_warns(tmp_path, seeds_dir, capsys):
    raw = tmp_path / "data" / "raw" / "seeds"
    shutil.copytree(seeds_dir, raw)
    out = tmp_path / "data" / "processed" / "seeds"
    build_module.build_corpus(raw, out)
    capsys.readouterr()
    assert len(load_sentences("seeds", root=tmp_path)) > 0
    assert capsys.readouterr().err == ""
    added = raw / "new.txt"
    added.write_text(CLEAN_ARTICLE, encoding="utf-8")
    later = (out / "build.json").stat().st_mtime + 5
    os.utime(added, (later, later))
    load_sentences("seeds", root=tmp_path)
    assert "run `framing build data/raw/seeds`" in capsys.readouterr().err
    build_module.build_corpus(raw, out)
    os.utime(out / "build.json", (later + 5, later + 5))
    capsys.readouterr()
    assert load_articles("seeds", root=tmp_path)["source_file"].eq("new.txt").any()
    assert capsys.readouterr().err == ""


def test_a_readme_in_a_corpus_folder_is_its_notes_not_an_article(tmp_path, seeds_dir, capsys):
    """Regression: a README.md kept in a corpus folder to say how its articles were collected was
    read as a third article of the seeds, its outlet "README.md" (the only warning: no outlet named).
    A README (any case, any extension) is the corpus's notes: never read, and editing it leaves
    the tables fresh."""
    raw = tmp_path / "data" / "raw" / "seeds"
    shutil.copytree(seeds_dir, raw)
    notes = raw / "README.md"
    notes.write_text("# Seeds\n\nTwo outlets' reports of 12 February 2025, copied from the browser on "
                     "13 February by the coder. Source: the user's own documents.\n", encoding="utf-8")
    (raw / "cnn").mkdir()
    (raw / "cnn" / "readme.txt").write_text("Pages of this outlet saved by hand.\n", encoding="utf-8")
    out = tmp_path / "data" / "processed" / "seeds"
    build = build_module.build_corpus(raw, out)
    assert sorted(build.articles["source_file"]) == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert not any("readme" in problem.file.lower() for problem in build.problems)
    later = (out / "build.json").stat().st_mtime + 5
    notes.write_text(notes.read_text(encoding="utf-8") + "Checked again on 14 February.\n", encoding="utf-8")
    os.utime(notes, (later, later))
    capsys.readouterr()
    assert len(load_articles("seeds", root=tmp_path)) == 2
    assert "has changed since" not in capsys.readouterr().err  # notes are no change to the tables


def test_changed_manifest_reprocesses_the_article(tmp_path, seeds_dir):
    corpus = tmp_path / "m"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("002_*.txt")), corpus / "blog.txt")
    first = build_tables(corpus)
    (corpus / "manifest.csv").write_text("file,outlet\nblog.txt,The Blog\n")
    second = build_tables(corpus, previous=first)
    assert second.n_reused == 0
    assert set(second.sentences["outlet"]) == {"The Blog"}


@pytest.fixture(scope="module")
def allsides_corpus(tmp_path_factory, shared_data):
    """A few hundred real articles from many outlets as one JSON-lines export."""
    corpus = tmp_path_factory.mktemp("allsides") / "allsides"
    corpus.mkdir()
    articles = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    articles = articles[["text", "outlet", "title", "url", "event_id"]].head(300)
    articles.to_json(corpus / "export.jsonl", orient="records", lines=True, force_ascii=False)
    return corpus


def _assert_same_build(left, right):
    for name in ("articles", "sentences", "removed"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))


DATE_FORMS = {  # as exports and pages write them → the day stored (the day written, in its own zone)
    "2024-01-02": "2024-01-02", "January 3, 2024": "2024-01-03", "4 Jan 2024": "2024-01-04",
    "2024-01-05T23:30:00-05:00": "2024-01-05", "2024-01-07 08:15": "2024-01-07",
    "Mon, 08 Jan 2024 10:00:00 GMT": "2024-01-08", "not a date": None, "": None}


def test_dates_are_parsed_once_per_distinct_text(allsides_corpus, tmp_path):
    """Each distinct `published` text is parsed once (when the export is read), not once per
    article, to the day it is written in."""
    from framing.ingest import read_date

    rows = pd.read_json(allsides_corpus / "export.jsonl", lines=True).head(120)
    forms = list(DATE_FORMS)
    rows["published"] = [forms[i % len(forms)] for i in range(len(rows))]
    corpus = tmp_path / "dated"
    corpus.mkdir()
    rows.to_json(corpus / "export.jsonl", orient="records", lines=True, force_ascii=False)
    read_date.cache_clear()
    build = build_tables(corpus)
    assert len(build.articles) == len(rows)
    assert read_date.cache_info().misses == len([form for form in forms if form])
    given = rows.set_index("url")["published"]
    days = build.articles["url"].map(given).map(DATE_FORMS)
    assert build.articles["published"].tolist() == [pd.Timestamp(day) if day else pd.NaT for day in days]
    assert str(build.articles["published"].dtype) == "datetime64[ms]"


def test_parallel_build_equals_serial(allsides_corpus):
    serial = build_tables(allsides_corpus, workers=1)
    assert len(serial.articles) > 250 and serial.articles["event"].nunique() > 50
    _assert_same_build(serial, build_tables(allsides_corpus, workers=2))


def test_dask_build_equals_serial(allsides_corpus):
    pytest.importorskip("dask.distributed")
    serial = build_tables(allsides_corpus, workers=1)
    _assert_same_build(serial, build_tables(allsides_corpus, workers=2, scheduler="local"))


def test_streamed_build_equals_in_memory_build(allsides_corpus, tmp_path, monkeypatch):
    """Chunked building (flat memory) and partitioned tables give the same rows as one pass."""
    from framing import store
    from framing.build import build_corpus

    whole = build_tables(allsides_corpus)
    monkeypatch.setattr(store.tables, "PARTITION_ROWS", 500)
    summary = build_corpus(allsides_corpus, tmp_path / "out", chunk_size=70)
    assert (tmp_path / "out" / "sentences").is_dir() and summary.n_reused == 0
    for name in ("articles", "sentences", "removed"):
        pd.testing.assert_frame_equal(getattr(whole, name), store.load_table(name, tmp_path / "out"))
    rerun = build_corpus(allsides_corpus, tmp_path / "out", chunk_size=70)
    assert rerun.n_reused == len(whole.articles)
    pd.testing.assert_frame_equal(whole.sentences, load_sentences(tmp_path / "out", kinds=None))


def test_an_export_built_in_chunks_equals_one_pass_and_names_its_bad_row(shared_data, tmp_path, monkeypatch):
    """One export streamed in several chunks gives the tables of one pass, and a bad row in its last
    chunk is named by its own line in the build's problems and build.json."""
    from framing import store
    from framing.build import build_chunk, build_corpus
    from test_ingest import _synthetic_export

    corpus = tmp_path / "export"
    corpus.mkdir()
    _synthetic_export(shared_data, corpus / "export.jsonl", rows=330, bad={321: "not JSON at all"})
    whole = build_tables(corpus)
    chunks = []
    monkeypatch.setattr(build_module.corpus, "build_chunk", lambda raws, *a, **k: chunks.append(len(raws)) or
                        build_chunk(raws, *a, **k))
    summary = build_corpus(corpus, tmp_path / "out", chunk_size=100)
    assert chunks == [100, 100, 100, 29]
    for name in ("articles", "sentences", "removed"):
        pd.testing.assert_frame_equal(getattr(whole, name), store.load_table(name, tmp_path / "out"))
    assert summary.problems == whole.problems == [build_module.Problem(
        "export.jsonl", "the row at line 321: not a JSON object on one line: skipped; fix or remove it", skipped=1)]
    info = json.loads((tmp_path / "out" / "build.json").read_text(encoding="utf-8"))
    assert info["problems"] == [str(summary.problems[0])]
    # chunks that the articles fill exactly leave an empty last chunk: its tables still fit the others
    chunks.clear()
    exact = build_corpus(corpus, tmp_path / "exact", chunk_size=47, fresh=True)
    assert chunks == [47] * 7 + [0]
    pd.testing.assert_frame_equal(whole.sentences, store.load_table("sentences", tmp_path / "exact"))
    assert len(exact.articles) == len(whole.articles)


def test_a_corpus_can_be_named_instead_of_given_as_a_folder(tmp_path, seeds_dir, monkeypatch, capsys):
    raw = tmp_path / "data" / "raw" / "my-event"
    shutil.copytree(seeds_dir, raw)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "my-event", "--quiet"]) == 0
    assert (tmp_path / "data" / "processed" / "my-event" / "sentences.parquet").exists()
    assert main(["build", "no-such-event", "--quiet"]) == 1
    err = capsys.readouterr().err  # the corpora there are, and how to make the one asked for
    assert "no-such-event: no such corpus folder" in err and "are: my-event" in err
    assert "`framing build my-event`" in err and "`mkdir -p data/raw/no-such-event`" in err
    assert not (tmp_path / "data" / "processed" / "no-such-event").exists()


# ── near-duplicates and site repeats (issue 13) ─────────────────────────────────────────────────


def _content(build, source_file: str) -> list[str]:
    ids = build.articles.loc[build.articles["source_file"] == source_file, "article_id"]
    rows = build.sentences[build.sentences["article_id"].isin(ids)]
    return rows.loc[rows["kind"].isin(["headline", "subtitle", "subheading", "body", "list_item"]), "text"].tolist()


@pytest.mark.parametrize("change", ["one byte", "a newline", "cr only", "crlf"])
def test_a_near_copy_does_not_make_the_original_lose_sentences(tmp_path, seeds_dir, change):
    """Regression: a copy with one byte changed made every shared line `site_repeat` (18 → 2)."""
    source = next(seeds_dir.glob("000_*.txt"))
    alone = _content(build_tables(seeds_dir), source.name)
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(source, corpus / "a.txt")
    data = source.read_bytes().replace(b"\r\n", b"\n")
    at = data.index(b"Hegseth")
    copy = {"one byte": data[:at] + b"X" + data[at + 1:], "a newline": data[:at] + b"\n" + data[at:],
            "cr only": data.replace(b"\n", b"\r"), "crlf": data.replace(b"\n", b"\r\n")}[change]
    (corpus / "b.txt").write_bytes(copy)
    (corpus / "manifest.csv").write_text("file,outlet\na.txt,Islamic Voice News\nb.txt,Islamic Voice News\n")
    build = build_tables(corpus)
    assert _content(build, "a.txt") == alone and len(alone) >= 18
    assert [p.message.split(" (")[0] for p in build.problems] == ["nearly duplicates a.txt"]
    assert [p.file for p in build.problems] == ["b.txt"]


def test_site_repeats_never_take_the_article_and_explain_agrees(tmp_path, seeds_dir, capsys, monkeypatch):
    """Two versions of one story from one outlet (a third of it rewritten: not a near-duplicate)
    share most of their prose: those lines are the article, not furniture. `framing explain` on
    either file shows what the build kept."""
    source = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    corpus = tmp_path / "c"
    corpus.mkdir()
    lines = source.splitlines()
    body = [i for i, line in enumerate(lines) if len(line.split()) > 25]
    rewritten = list(lines)
    for i in body[: len(body) // 3 + 1]:
        rewritten[i] = " ".join(reversed(lines[i].split())) + " (updated)."
    (corpus / "first.txt").write_text(source, encoding="utf-8")
    (corpus / "second.txt").write_text("\n".join(rewritten), encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,outlet\nfirst.txt,Voice\nsecond.txt,Voice\n")
    alone = _content(build_tables(seeds_dir), next(seeds_dir.glob("000_*.txt")).name)
    build = build_tables(corpus)
    assert not [p for p in build.problems if "nearly duplicates" in p.message]
    assert _content(build, "first.txt") == alone
    first = build.articles.set_index("source_file").loc["first.txt"]
    assert "they are the article" in first["warnings"]
    monkeypatch.chdir(tmp_path)
    for name in ("first.txt", "second.txt"):
        assert main(["explain", str(corpus / name)]) == 0
        shown = capsys.readouterr().out
        rows = [line.split(None, 4) for line in shown.splitlines() if line[:5].strip().isdigit()]
        kept = [row[4] for row in rows if row[1] == "keep"]
        ids = build.articles.loc[build.articles["source_file"] == name, "article_id"]
        built = build.sentences[build.sentences["article_id"].isin(ids)]
        assert len(kept) >= 8
        assert all(text[:60] in " ".join(built["text"]) for text in kept)
        removed = build.removed[build.removed["article_id"].isin(ids)]
        assert sorted(int(row[0]) for row in rows if row[1] == "drop") == sorted(removed["line"])


def test_explain_applies_the_site_repeats_the_build_learnt(tmp_path, seeds_dir, capsys):
    """Menus repeated on three pages of one site are dropped by the build and by explain alike."""
    corpus = tmp_path / "site"
    corpus.mkdir()
    menu = "Home\nWorld News and Analysis\nPolitics Today Section\nSubscribe to the Morning Letter\n"
    stories = [CLEAN_ARTICLE,
               "Airport strike ends\n\nBaggage handlers at the city airport returned to work on Friday "
               "after a week-long strike over pay, their union said.\n\nFlights will run to the normal "
               "timetable from Monday, and passengers whose trips were cancelled can claim refunds.\n",
               "School roof repaired\n\nPupils at the village school went back to their classrooms on "
               "Wednesday once builders had finished mending a roof that leaked all winter.\n\nThe work "
               "cost less than the council had feared, and the hall will reopen for evening classes.\n"]
    for number, story in enumerate(stories):
        (corpus / f"p{number}.txt").write_text(menu + "\n" + story + "\n" + menu, encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,outlet\np0.txt,Site\np1.txt,Site\np2.txt,Site\n")
    build = build_tables(corpus)
    assert "site_repeat" in set(build.removed["rule"])
    assert main(["explain", str(corpus / "p1.txt"), "--dropped"]) == 0
    shown = capsys.readouterr().out
    ids = build.articles.loc[build.articles["source_file"] == "p1.txt", "article_id"]
    removed = build.removed[build.removed["article_id"].isin(ids)]
    assert shown.count("site_repeat") == (removed["rule"] == "site_repeat").sum() > 0


# ── exports are articles, not pages (issue 16, item 4) ─────────────────────────────────────────


def test_export_text_is_taken_as_article_text_with_its_title_as_headline(tmp_path):
    corpus = tmp_path / "exports"
    corpus.mkdir()
    text = ("Storm closes harbour\n\nIt’s a grim week.\n\nThe vote was 254-175.\n\nShare this\n\n"
            "The harbour at Port Ellen was closed on Tuesday, the council said.\n\n"
            "The harbour at Port Ellen was closed on Tuesday, the council said.\n")
    pd.DataFrame({"text": [text], "title": ["Storm closes harbour"], "outlet": ["Harbour Post"],
                  "story_id": ["HP-1"], "desk": ["coast"]}).to_json(corpus / "e.jsonl", orient="records",
                                                                   lines=True, force_ascii=False)
    build = build_tables(corpus)
    sentences = build.sentences
    assert sentences["text"].tolist() == ["Storm closes harbour", "It’s a grim week.", "The vote was 254-175.",
                                          "Share this", "The harbour at Port Ellen was closed on Tuesday, "
                                                        "the council said."]
    assert sentences["kind"].iloc[0] == "headline" and sentences["line_start"].iloc[0] == 0
    assert build.removed["rule"].tolist() == ["repeated_headline", "repeated_line"]
    article = build.articles.iloc[0]
    assert json.loads(article["extra"]) == {"desk": "coast", "story_id": "HP-1"}
    assert build.removed_by_rule == {"repeated_headline": 1, "repeated_line": 1}
    assert build.prose_dropped == 1
    assert [p.message.split(" (")[0] for p in build.problems] == ["1 line that reads as prose was dropped"]


def test_clean_option_and_clean_column_ask_for_page_cleaning(tmp_path, seeds_dir):
    corpus = tmp_path / "exports"
    corpus.mkdir()
    page = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    pd.DataFrame({"text": [page, page.replace("Hegseth", "Mr Hegseth")], "title": ["As a page", "Cleaned"],
                  "outlet": ["A", "B"],
                  "clean": ["", "yes"]}).to_csv(corpus / "e.csv", index=False)
    build = build_tables(corpus)
    by_outlet = build.articles.set_index("outlet")["n_sentences"]
    assert by_outlet["A"] > by_outlet["B"]  # A kept the menus as text, B was cleaned
    page_rules = set(build.removed.loc[build.removed["source_record"] == 2, "rule"])
    assert page_rules - {"repeated_line", "repeated_headline"}
    cleaned = build_tables(corpus, clean_exports=True).articles.set_index("outlet")["n_sentences"]
    assert cleaned["A"] == cleaned["B"] == by_outlet["B"]
    headlines = build.sentences[build.sentences["kind"] == "headline"]
    assert len(headlines) == 2


def test_no_prose_line_of_a_clean_export_is_dropped(shared_data, tmp_path):
    """The AllSides bodies are clean excerpts: every line is kept and every article has its title
    as headline."""
    rows = [json.loads(line) for line in
            (shared_data / "allsides-roundups" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:150]]
    corpus = tmp_path / "allsides"
    corpus.mkdir()
    (corpus / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    build = build_tables(corpus)
    kept = build.articles
    assert build.prose_dropped == 0 and build.removed.empty
    headlines = build.sentences[build.sentences["kind"] == "headline"]
    assert set(headlines["article_id"]) == set(kept["article_id"])
    assert set(json.loads(kept["extra"].iloc[0])) >= {"allsides_rating"}


# ── pages that are not articles ─────────────────────────────────────────────────────────────────


def test_nav_only_and_link_list_pages_are_no_article(tmp_path):
    corpus = tmp_path / "pages"
    corpus.mkdir()
    links = "".join(f"<li><a href='/{n}'>{title}</a></li>" for n, title in enumerate(
        ["Home", "World", "Politics", "Business news and markets", "Sign in to your account"]))
    (corpus / "nav.html").write_text(f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    heads = "".join(f"<div><a href='/{n}'>{title}</a></div>" for n, title in enumerate(
        ["Trump says tariffs will rise on Monday", "Senate passes the budget bill after a long night",
         "Storm hits coast as thousands evacuate their homes"]))
    (corpus / "front.html").write_text(f"<html><body>{heads}<p>Latest news from around the world, "
                                       "updated every hour by our editors.</p></body></html>")
    build = build_tables(corpus)
    assert {p.file for p in build.problems} == {"nav.html", "front.html"}
    assert all("no article text found" in p.message for p in build.problems)


def test_non_english_files_get_a_reason_each(tmp_path):
    corpus = tmp_path / "foreign"
    corpus.mkdir()
    german = ("Der Hafen von Port Ellen wurde am Dienstag geschlossen, nachdem ein Sturm zwei Anleger "
              "beschädigt hatte, teilte der Rat mit. Fischerboote wurden zum Festland gebracht.\n") * 3
    chinese = "港口周二关闭，因为暴风雨袭击了海岸，许多船只面临危险。市长表示，渔民应待在家中，直到风暴过去为止。\n" * 4
    (corpus / "de.txt").write_text(german, encoding="utf-8")
    (corpus / "zh.txt").write_text(chinese, encoding="utf-8")
    (corpus / "e.jsonl").write_text(json.dumps({"text": german, "outlet": "Hafenblatt"}) + "\n", encoding="utf-8")
    build = build_tables(corpus)
    problems = {p.file: p.message for p in build.problems}
    assert "does not read as English" in problems["de.txt"]
    assert "does not read as English" in problems["zh.txt"]
    assert "does not read as English" in build.articles.set_index("source_file").loc["e.jsonl", "warnings"]


def test_a_file_of_menus_alone_is_furniture_not_a_foreign_text(tmp_path, seeds_dir):
    """Regression: a file holding only a page's menus and share buttons (the seed page's first
    40 lines, copied without its article) was skipped as "does not read as English", a wrong reason
    and a wrong fix ("translate it"), for menu entries hold few function words. It is skipped as
    furniture; a German article with the same menus above it is still called foreign."""
    corpus = tmp_path / "menus"
    corpus.mkdir()
    seed = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    menus = "\n".join(seed.splitlines()[:40]) + "\nShare on Facebook\nShare on Twitter\nEmail\nPrint\n"
    german = ("Der Hafen von Port Ellen wurde am Dienstag geschlossen, nachdem ein Sturm zwei Anleger "
              "beschädigt hatte, teilte der Rat mit. Fischerboote wurden zum Festland gebracht.\n") * 3
    (corpus / "menus.txt").write_text(menus, encoding="utf-8")
    (corpus / "de.txt").write_text(menus + german, encoding="utf-8")
    problems = {p.file: p.message for p in build_tables(corpus).problems}
    assert "every line looked like page furniture" in problems["menus.txt"]
    assert problems["menus.txt"].endswith("check with `framing explain menus.txt`")
    assert "English" not in problems["menus.txt"]
    assert "does not read as English" in problems["de.txt"]
    spaced = tmp_path / "spaced"  # a file name with a space: the command of the fix quotes it
    spaced.mkdir()
    (spaced / "menus only.txt").write_text(menus, encoding="utf-8")
    [problem] = build_tables(spaced).problems
    assert problem.message.endswith("check with `framing explain 'menus only.txt'`")


def test_english_page_dumps_are_not_called_foreign_for_their_menus(tmp_path, shared_data):
    """A whole-page text dump starts with thousands of characters of menus (names of sections,
    counties, teams) before the article: the English check reads what cleaning kept, so the aeb-dev
    English pages pass it, and its non-English pages are still told apart."""
    corpus = tmp_path / "dumps"
    corpus.mkdir()
    english = {}
    for line in (shared_data / "aeb-dev" / "pages.jsonl").read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        name = f"{page['page_id'][:12]}.txt"
        (corpus / name).write_text(page["dump_inscriptis"], encoding="utf-8")
        english[name] = page["likely_english"]
    build = build_tables(corpus)
    foreign = {p.file for p in build.problems if "does not read as English" in p.message}
    assert not {name for name in foreign if english[name]}
    assert len({name for name in foreign if not english[name]}) >= 8


def test_build_summary_counts_every_removed_line(tmp_path, seeds_dir, capsys):
    out = tmp_path / "out"
    assert main(["build", str(seeds_dir), "--out", str(out), "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    info = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert sum(info["removed_by_rule"].values()) == info["removed_lines"] == len(load_removed(out))
    assert f"outside_body {info['removed_by_rule']['outside_body']}" in printed


def test_a_page_that_breaks_the_cleaner_is_one_problem(tmp_path, seeds_dir, monkeypatch):
    from framing import clean

    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "fine.txt")
    (corpus / "odd.html").write_text("<html><body><p>" + "<b>" * 50 + "text</p></body></html>")

    def broken(html):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(clean, "label_html", broken)
    build = build_tables(corpus)
    assert list(build.articles["source_file"]) == ["fine.txt"]
    assert [p.file for p in build.problems] == ["odd.html"]
    assert build.problems[0].message.startswith("could not be cleaned (RecursionError")


# ── what a user is told, build after build ─────────────────────────────────────────────────────


@pytest.fixture()
def users_export(tmp_path, shared_data, seeds_dir):
    """A user's corpus: an export of real AllSides rows with their own ids, a German row, a row
    that repeats a paragraph word for word, a row without an outlet, a broken JSON line and a
    repeated row; a seed page; an empty file."""
    corpus = tmp_path / "mine"
    corpus.mkdir()
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(4))]
    first = rows[0]["text"].split("\n\n")[0]
    records = [{"my_id": n, "title": row["title"], "outlet": row["outlet"], "text": row["text"]}
               for n, row in enumerate(rows)]
    records[1]["text"] += "\n\n" + rows[1]["text"].split("\n\n")[0]  # a paragraph twice: prose dropped
    records[2]["outlet"] = ""
    records.append({"my_id": "de", "outlet": "Hafenblatt", "text": (
        "Der Hafen von Port Ellen wurde am Dienstag geschlossen, nachdem ein Sturm zwei Anleger "
        "beschädigt hatte, teilte der Rat mit. Fischerboote wurden zum Festland gebracht.")})
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    lines[3:3] = ['{"my_id": 9, "text": "' + first[:40], lines[0]]  # a cut line, then row 1 again
    (corpus / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "page.txt")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    return corpus


def test_every_warning_is_said_again_when_its_article_is_reused(users_export, tmp_path, capsys):
    """A rebuild that reuses every article prints and records the same warnings as the first build
    (a reused export row lost its "prose dropped" warning), and a kept row that does not read as
    English, or has no outlet, is a warning line naming the row and the fix, not only a note in
    the articles table."""
    out = tmp_path / "out"
    printed = []
    for _ in range(2):
        assert main(["build", str(users_export), "--out", str(out), "--workers", "1"]) == 0
        printed.append(capsys.readouterr())
    first, second = printed
    assert first.err == second.err
    warnings_printed = [line.removeprefix("warning: mine/") for line in first.err.splitlines()]
    assert any(line.startswith("export.jsonl row 2: 1 line that reads as prose was dropped") for line in warnings_printed)
    assert any(line.startswith("export.jsonl row 7: does not read as English: kept,") and "leave it out" in line
               for line in warnings_printed)
    assert "export.jsonl row 3: no outlet given: the file name and row stand in (fill in the row's 'outlet' " \
        "cell or its 'url', or name the column holding outlets 'outlet')" \
        in warnings_printed
    assert "(6 of the articles unchanged since the last build)" in second.out
    info = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert [f"mine/{p}" for p in info["problems"]] == [line.removeprefix("warning: ") for line in second.err.splitlines()
                                                                 if line.startswith("warning: ")]


def test_the_summary_accounts_for_every_article_read(users_export, tmp_path, capsys):
    """Articles read = kept + skipped, and each skipped one is named: the empty file, the broken
    line, the repeated row (7 export rows and 2 files read)."""
    out = tmp_path / "out"
    assert main(["build", str(users_export), "--out", str(out), "--workers", "1"]) == 0
    printed = capsys.readouterr()
    info = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert (info["articles"], info["articles_skipped"]) == (6, 3)
    assert printed.out.startswith("mine: 9 articles read, 6 kept, 3 skipped; ")
    skipped = [line for line in printed.err.splitlines() if "skipped" in line]
    assert len(skipped) == 3 and any("empty.txt" in line for line in skipped)


def test_files_that_cannot_be_read_are_no_articles_read(users_export, tmp_path, capsys):
    """A .pdf, a .docx and a binary file named .txt beside the articles: each is named in a warning
    and counted as a file not read, not as an article read and skipped (they were '12 articles read,
    6 kept, 6 skipped', three of the 'articles' no article at all)."""
    (users_export / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    (users_export / "notes.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    (users_export / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    out = tmp_path / "out"
    assert main(["build", str(users_export), "--out", str(out), "--workers", "1"]) == 0
    printed = capsys.readouterr()
    info = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert (info["articles"], info["articles_skipped"], info["files_unread"]) == (6, 3, 3)
    assert printed.out.startswith("mine: 9 articles read, 6 kept, 3 skipped, 3 files not read (see the warnings); ")
    for name in ("report.pdf", "notes.docx", "photo.txt"):
        assert any(line.startswith(f"warning: mine/{name}: ") for line in printed.err.splitlines())


def test_rows_of_an_export_sharing_a_warning_are_named_on_one_line(tmp_path, shared_data):
    """An export without an outlet column: one warning line naming its rows, not one per row."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(7))]
    (corpus / "e.jsonl").write_text("".join(json.dumps({"title": r["title"], "text": r["text"]}) + "\n"
                                            for r in rows), encoding="utf-8")
    build = build_tables(corpus)
    assert len(build.articles) == 7
    assert [str(p) for p in build.problems] == [
        "e.jsonl rows 1, 2, 3, 4, 5 and 2 more: no outlet given: the file name and row stand in (fill in "
        "the row's 'outlet' cell or its 'url', or name the column holding outlets 'outlet')"]


def test_counts_line_writes_thousands_with_commas_for_every_count():
    line = build_module.counts_line({"articles": 1478, "articles_skipped": 1, "sentences": 7102, "removed_lines": 1})
    assert line == "1,479 articles read, 1,478 kept, 1 skipped; 7,102 sentences, 1 line removed"


def test_articles_without_an_event_beside_ones_with_theirs_are_named_with_the_fix(tmp_path, shared_data, seeds_dir):
    """Regression: a JSON-lines export of AllSides events with one row missing its `event`, and a
    seed page dropped beside it, were built without a word: both became an event named after the
    corpus, compared as one story. Each is named, the row with the export's fix, the page with the
    manifest's; both builds (in memory and streamed to disk) say it."""
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(6))]
    for number, row in enumerate(rows):
        if number != 4:
            row["event"] = row["event_id"]
        row.pop("event_id")
    (corpus / "export.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    page = next(seeds_dir.glob("000_*.txt"))
    shutil.copy(page, corpus)
    said = "no event given, while the corpus's other articles name theirs: taken as the event 'mixed'"
    for problems in (build_module.build_tables(corpus).problems,
                     build_module.build_corpus(corpus, tmp_path / "out").problems):
        named = [str(p) for p in problems if said in str(p)]
        assert named == [f"{page.name}: {said} with any other article that names none (name its event in "
                         "manifest.csv, columns file and event)",
                         f"export.jsonl row 5: {said} with any other article that names none (give the row "
                         "its event in the export's 'event' column)"]
    rows[4]["event"] = "mixed-on-purpose"
    (corpus / "export.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    (corpus / page.name).unlink()
    assert not [p for p in build_module.build_tables(corpus).problems if "no event given" in str(p)]


def _looped(text: str, times: int, *, joiner: str) -> str:
    """A seed page with its last paragraph written `times` times over where it stands, as a
    scraper caught in a loop saves it: on lines of their own (`joiner` "\\n") or run into one
    line (" ")."""
    lines = text.split("\n")
    last = max(i for i, line in enumerate(lines) if len(line.split()) >= 12)
    return "\n".join(lines[:last] + [joiner.join([lines[last]] * times)] + lines[last + 1:])


@pytest.mark.parametrize("joiner", ["\n", " "])
def test_text_written_in_a_loop_keeps_one_copy_and_warns(tmp_path, seeds_dir, seed_build, joiner):
    """A file that is one line repeated thousands of times gave 20,011 sentences and no warning:
    the copies are left out, one kept, and the article's warning names what was dropped."""
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    corpus = tmp_path / "looped"
    corpus.mkdir()
    (corpus / seed.name).write_text(_looped(seed.read_text(encoding="utf-8"), 3000, joiner=joiner),
                                    encoding="utf-8")
    build = build_tables(corpus)
    original = seed_build.sentences[seed_build.sentences["article_id"] == _article(seed_build, seed.name[:3])["article_id"]]
    built = build.sentences
    assert built["text"].duplicated().sum() <= original["text"].duplicated().sum()
    assert set(original["text"][original["kind"] == "body"]) <= set(built["text"])
    warning = build.articles["warnings"].iloc[0]
    assert "is mostly one text repeated" in warning and "one copy of each kept" in warning
    assert any("saved or exported in a loop" in p.message and p.file == seed.name for p in build.problems)
    if joiner == "\n":
        assert (build.removed["rule"] == "repeated_line").sum() >= 2999


def test_a_few_repeated_sentences_are_kept_without_warning(tmp_path):
    """Repeats that are not most of the text (a sentence quoted twice) stay as they are."""
    corpus = tmp_path / "repeats"
    corpus.mkdir()
    text = CLEAN_ARTICLE + "\nThe harbour at Port Ellen was closed on Tuesday after a storm damaged two piers, the council said.\n"
    pd.DataFrame({"text": [text], "outlet": ["Harbour Post"], "clean": ["yes"]}).to_json(
        corpus / "one.jsonl", orient="records", lines=True)
    build = build_tables(corpus)
    assert "repeated" not in (build.articles["warnings"].iloc[0] or "")


def test_explain_of_a_csv_saved_as_text_repeats_the_builds_note(tmp_path, capsys):
    """`framing explain` of a CSV export saved as .txt says what the build says of it: its rows are
    read as articles, and naming it .csv says so."""
    corpus = tmp_path / "exports"
    corpus.mkdir()
    path = corpus / "export.txt"
    pd.DataFrame({"text": [CLEAN_ARTICLE], "outlet": ["Harbour Post"]}).to_csv(path, index=False)
    build = build_tables(corpus)
    [note] = {p.message for p in build.problems if "is a CSV export" in p.message}
    assert main(["explain", str(path)]) == 0
    captured = capsys.readouterr()
    assert note in captured.err and "── row 1 ──" in captured.out


def test_a_page_dump_saved_as_latin_1_keeps_its_embedded_posts_credits_apart(tmp_path, shared_data):
    """Regression: a page copied into Notepad and saved as Latin-1 (Windows line ends) has "?" where
    the dash of an embedded post's credit was ("? Arvind Kejriwal (@ArvindKejriwal) November 1,
    2019"); the credit was read as the article's date line, and the tweet's day became the
    article's `published` (2019-11-01). The byline's "Updated Nov 13, 2019" says when the story
    last changed, not when it was published (Nov 8, its address says): the date stays empty."""
    page = next(json.loads(line) for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")
                if line.startswith('{"page_id": "16c30add'))
    corpus = tmp_path / "pasted"
    corpus.mkdir()
    (corpus / "vox.txt").write_bytes(page["dump_inscriptis"].replace("\n", "\r\n").encode("latin-1", "replace"))
    build = build_tables(corpus)
    [article] = build.articles.to_dict("records")
    assert article["encoding"] == "cp1252" and pd.isna(article["published"])
    credits = build.sentences.loc[build.sentences["kind"] == "post_credit", "text"].tolist()
    assert "? Arvind Kejriwal (@ArvindKejriwal) November 1, 2019" in credits
    assert not build.sentences["kind"].eq("date").any()


def test_files_of_one_name_in_two_folders_are_not_one_outlet(tmp_path, shared_data):
    """Regression: pages of text that name no outlet, kept in a folder per outlet (cnn/story0.txt,
    fox/story0.txt), were each named after the file alone, so CNN's and Fox's "story0" were compared
    as one outlet. The stand-in is the file's path in the corpus folder, without its extension."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(5))]
    corpus = tmp_path / "folders"
    for folder, part in (("cnn", rows[:2]), ("fox", rows[2:4])):
        (corpus / folder).mkdir(parents=True)
        for i, row in enumerate(part):
            (corpus / folder / f"story{i}.txt").write_text(row["text"], encoding="utf-8")
    (corpus / "top.txt").write_text(rows[4]["text"], encoding="utf-8")
    articles = build_tables(corpus).articles.set_index("source_file")
    assert articles["outlet"].to_dict() == {"cnn/story0.txt": "cnn/story0", "cnn/story1.txt": "cnn/story1",
                                            "fox/story0.txt": "fox/story0", "fox/story1.txt": "fox/story1",
                                            "top.txt": "top"}


def test_a_byline_dated_in_numbers_gives_the_date_when_it_reads_one_way_only(tmp_path, shared_data):
    """Regression: The Hill's page copied as text (saved by Notepad as UTF-16, Windows line ends)
    dates its byline in numbers, "By Tess Bonn - 11/19/19 06:56 AM EST", and got no `published`
    (numeric dates were never read, for "05/06/19" is May 6 or June 5). A numeric date that is a
    date one way only is read; one that reads both ways still gives none."""
    from framing.clean import parse_date

    page = next(json.loads(line) for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")
                if "thehill.com/homenews/news/471033" in line)
    corpus = tmp_path / "pasted"
    corpus.mkdir()
    (corpus / "hill.txt").write_bytes(page["dump_inscriptis"].replace("\n", "\r\n").encode("utf-16"))
    [article] = build_tables(corpus).articles.to_dict("records")
    assert article["encoding"] == "utf-16" and article["author"] == "Tess Bonn"
    assert str(article["published"].date()) == "2019-11-19"
    assert parse_date("By Jane Roe - 19/11/2019 10:02") == "2019-11-19"
    assert parse_date("By Jane Roe - 05/06/19 10:02 AM") is None
    assert parse_date("Live 24/7/365, and 3/4 of readers agree") is None


def test_files_without_an_event_are_named_in_one_warning(tmp_path, shared_data):
    """A folder of articles where manifest.csv gives one its event: every other file got a warning
    line of its own with the same text and fix (one per file, hundreds in a large corpus). They are
    one warning naming the files, as an export's rows are."""
    corpus = tmp_path / "pages"
    corpus.mkdir()
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(8))]
    for number, row in enumerate(rows):
        (corpus / f"article{number}.txt").write_text(f"{row['title']}\n\n{row['text']}\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,event\narticle0.txt,storm\n", encoding="utf-8")
    build = build_module.build_tables(corpus)
    said = "no event given, while the corpus's other articles name theirs"
    named = [str(p) for p in build.problems if said in str(p)]
    assert named == ["article1.txt, article2.txt, article3.txt, article4.txt, article5.txt and 2 more files: "
                     f"{said}: taken as the event 'pages' with any other article that names none (name each "
                     "one's event in manifest.csv, columns file and event)"], [str(p) for p in build.problems]


def test_a_page_line_that_is_the_manifest_title_is_the_headline(tmp_path, shared_data):
    """A page copied as title, blank line, body, whose title the manifest gives, has that line as
    its headline even where the page rules would not read it as one: a title that ends with a period
    ("Trump Stays Banned on Facebook. Keep It That Way.") was kept as two body sentences, and one of
    three words ("The Problem Oscars") was dropped as outside the body, so these articles had no
    headline (AllSides events 401-480 in a folder per outlet: 6 of 193, 5 of them one outlet's)."""
    articles = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    titles = ["Trump Stays Banned on Facebook. Keep It That Way.", "The Problem Oscars"]
    corpus = tmp_path / "pages"
    corpus.mkdir()
    lines = ["file,title"]
    for number, title in enumerate(titles):
        text = articles.loc[articles["title"] == title, "text"].iloc[0]
        (corpus / f"{number}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        lines.append(f'{number}.txt,"{title}"')
    (corpus / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = build_tables(corpus)
    for number, title in enumerate(titles):
        sentences = build.sentences[build.sentences["article_id"].isin(
            build.articles.loc[build.articles["source_file"] == f"{number}.txt", "article_id"])]
        assert " ".join(sentences.loc[sentences["kind"] == "headline", "text"]) == title
        assert not sentences.loc[sentences["kind"] == "body", "text"].str.startswith(title.split(".")[0]).any()
        assert sentences["paragraph_id"].min() == 0
    assert "outside_body" not in set(build.removed["rule"])
