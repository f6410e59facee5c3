"""The same article in two formats of one corpus, found once cleaned (`framing.build.copies`), on the
seed article written as a copied page (.txt), a small saved page (.html) and an export's row."""
from __future__ import annotations

import hashlib
import html
import json
import shutil

import pandas as pd
import pytest

from framing.build import build_corpus, build_info, build_tables

OUTLET = "Islamic Voice News"


@pytest.fixture(scope="module")
def seed_story(seeds_dir):
    """The first seed page (a news site's page copied as text, menus and all), its title and the
    paragraphs of its article (its lines of more than 25 words)."""
    source = next(seeds_dir.glob("000_*.txt"))
    text = source.read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in text.splitlines() if len(line.split()) > 25]
    title = "U.S. Ends Support for Ukraine’s NATO Bid, Pre-2014 Borders, and Troop Deployment"
    assert title in text and len(paragraphs) >= 6
    return source, title, paragraphs


def _page(title: str, paragraphs: list[str]) -> str:
    """A small saved web page holding the article: a menu, the title, its paragraphs, a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)} - {OUTLET}</title>"
            f"<meta property='og:site_name' content='{OUTLET}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/opinion'>Opinion</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>{body}</article>"
            f"<footer>© 2025 {OUTLET}. All rights reserved.</footer></body></html>")


def _row(title: str, paragraphs: list[str], **cells) -> str:
    return json.dumps({"title": title, "outlet": OUTLET, "text": "\n\n".join(paragraphs), **cells}, ensure_ascii=False)


def _corpus(tmp_path, seed_story, *, html_outlet=OUTLET, row: str | None = None, manifest_extra: str = ""):
    source, title, paragraphs = seed_story
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(source, corpus / "page.txt")
    (corpus / "saved.html").write_text(_page(title, paragraphs), encoding="utf-8")
    (corpus / "export.jsonl").write_text((row or _row(title, paragraphs)) + "\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(f"file,outlet{',event' if manifest_extra else ''}\n"
                                         f"page.txt,{OUTLET}{manifest_extra}\nsaved.html,{html_outlet}"
                                         f"{',' if manifest_extra else ''}\n", encoding="utf-8")
    return corpus


def _copies(build) -> dict[str, str]:
    return {p.file: p.message for p in build.problems if "once both are cleaned" in p.message}


def test_a_page_its_saved_html_and_an_export_row_are_one_article(tmp_path, seed_story):
    """The export's row is kept (its text is the article as given); the copied page and the saved
    page are skipped, each warning naming the row kept and what to do."""
    corpus = _corpus(tmp_path, seed_story)
    build = build_tables(corpus)
    assert build.articles["source_file"].tolist() == ["export.jsonl"]
    copies = _copies(build)
    assert sorted(copies) == ["page.txt", "saved.html"]
    for message in copies.values():
        assert message.startswith("is the same article as export.jsonl row 1 once both are cleaned (")
        assert "which is kept (the export's row, taken as the article's clean text): skipped; delete one of the " \
               "two, or give them different outlets in manifest.csv if both are wanted" in message
    assert build.skipped == 2 and set(build.sentences["article_id"]) == set(build.articles["article_id"])
    assert build.removed.empty  # the copies' removed lines left out with them; the row's text drops none


def test_without_the_row_the_saved_page_is_kept_over_the_copied_text(tmp_path, seed_story):
    corpus = _corpus(tmp_path, seed_story)
    (corpus / "export.jsonl").unlink()
    build = build_tables(corpus)
    assert build.articles["source_file"].tolist() == ["saved.html"]
    assert "which is kept (the saved page: its article is read from the markup" in _copies(build)["page.txt"]
    body = build.sentences[build.sentences["kind"] == "body"]["text"]
    assert body.str.contains("Hegseth").any()


def test_two_outlets_with_the_same_text_are_both_kept_and_noted(tmp_path, seed_story):
    """Wire copy: the saved page given another outlet is no copy of the page's text; a note says so."""
    corpus = _corpus(tmp_path, seed_story, html_outlet="Wire Service")
    (corpus / "export.jsonl").unlink()
    build = build_tables(corpus)
    assert sorted(build.articles["outlet"]) == [OUTLET, "Wire Service"]
    assert not _copies(build) and build.skipped == 0
    notes = [str(note) for note in build.notes]
    assert len(notes) == 1 and notes[0].startswith("saved.html: has the same text as page.txt (")
    assert f"under another outlet ('Wire Service'; '{OUTLET}' there): both kept" in notes[0]
    info = build_info(build, counts={"articles": 2, "sentences": 0, "removed": 0})
    assert info["same_text_other_outlets"] == notes and info["columns_read"] == []


def test_an_event_given_to_the_skipped_copy_only_is_named(tmp_path, seed_story):
    corpus = _corpus(tmp_path, seed_story, manifest_extra=",nato-bid")
    build = build_tables(corpus)
    message = _copies(build)["page.txt"]
    assert "the event 'nato-bid' given to this copy is not in the tables (export.jsonl row 1 is given none " \
           "and keeps what its text says): to keep it, give it to export.jsonl row 1 in manifest.csv, or delete " \
           "export.jsonl row 1" in message
    assert build.articles["event"].tolist() == ["c"]


def test_other_events_keep_both_copies(tmp_path, seed_story):
    """One story filed under two events on purpose is kept under each, as ingest's rule has it."""
    _, title, paragraphs = seed_story
    corpus = _corpus(tmp_path, seed_story, row=_row(title, paragraphs, event="other-event"), manifest_extra=",nato-bid")
    (corpus / "saved.html").unlink()
    build = build_tables(corpus)
    assert sorted(build.articles["event"]) == ["nato-bid", "other-event"] and not _copies(build)


def test_an_excerpt_gives_way_to_the_whole_article(tmp_path, seed_story):
    """A row holding the article's first two paragraphs (as a news API gives) is a copy of the page,
    and the page, holding over twice its words, is kept."""
    _, title, paragraphs = seed_story
    corpus = _corpus(tmp_path, seed_story, row=_row(title, paragraphs[:2]))
    (corpus / "saved.html").unlink()
    build = build_tables(corpus)
    assert build.articles["source_file"].tolist() == ["page.txt"]
    assert "which is kept (the longer text: this one holds under half its words)" in _copies(build)["export.jsonl row 1"]
    assert "in the export's 'outlet' column if both are wanted" in _copies(build)["export.jsonl row 1"]


def test_different_articles_of_one_outlet_are_not_copies(tmp_path, seeds_dir):
    corpus = tmp_path / "c"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "manifest.csv").write_text("file,outlet\n" + "".join(f"{p.name},One Outlet\n" for p in
                                                                   sorted(seeds_dir.glob("*.txt"))))
    build = build_tables(corpus)
    assert len(build.articles) == 2 and not _copies(build) and not build.notes


def test_allsides_articles_are_no_copies(tmp_path, shared_data):
    """The first 300 AllSides excerpts: none is a copy of another. Among them the same New York Times
    article under two events (rows 250 and 262) is kept under each, and The Guardian's rewrite of
    Reuters' report (rows 184 and 185, about two thirds alike) is no same text."""
    lines = (shared_data / "allsides-roundups" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:300]
    corpus = tmp_path / "allsides"
    corpus.mkdir()
    (corpus / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = build_tables(corpus)
    assert len(build.articles) == 300 and not _copies(build) and not [n for n in build.notes if "same text" in n.message]
    times = build.articles.set_index("source_record").loc[[250, 262]]
    assert times["outlet"].nunique() == 1 and times["event"].nunique() == 2


def _digests(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_adding_a_copy_to_a_built_corpus_gives_the_tables_of_a_build_from_scratch(tmp_path, seed_story, seeds_dir):
    """A saved page added to a built corpus holding the page's text and the other seed: the
    rebuild skips the text, keeps the page and gives the tables (and warnings) a fresh build gives;
    the raw files are untouched."""
    corpus = _corpus(tmp_path, seed_story)
    (corpus / "export.jsonl").unlink()
    shutil.copy(next(seeds_dir.glob("002_*.txt")), corpus / "blog.txt")
    held = tmp_path / "saved.html"
    shutil.move(corpus / "saved.html", held)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    first = build_corpus(corpus, out)
    assert sorted(first.articles["source_file"]) == ["blog.txt", "page.txt"]
    shutil.move(held, corpus / "saved.html")
    raw = _digests(corpus)
    again = build_corpus(corpus, out)
    assert again.n_reused == 1  # the blog; the page's text is left out, the saved page is new
    build_corpus(corpus, fresh, fresh=True)
    assert sorted(pd.read_parquet(out / "articles.parquet")["source_file"]) == ["blog.txt", "saved.html"]
    for name in ("articles", "sentences", "removed"):
        assert pd.read_parquet(out / f"{name}.parquet").equals(pd.read_parquet(fresh / f"{name}.parquet"))
        assert (out / f"{name}.csv").read_bytes() == (fresh / f"{name}.csv").read_bytes()
    recorded = [json.loads((folder / "build.json").read_text())["problems"] for folder in (out, fresh)]
    assert recorded[0] == recorded[1] and any("page.txt: is the same article as saved.html" in p for p in recorded[0])
    assert _digests(corpus) == raw


def test_a_build_streamed_one_article_at_a_time_leaves_out_the_same_copies(tmp_path, seed_story):
    """Copies in other chunks are left out of every table part, and the lines removed counted without
    theirs: the tables, warnings and counts are those of the build in memory."""
    corpus = _corpus(tmp_path, seed_story)
    in_memory = build_tables(corpus)
    streamed = build_corpus(corpus, tmp_path / "out", chunk_size=1)
    for name in ("articles", "sentences", "removed"):
        table = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        assert table.drop(columns="build_key", errors="ignore").equals(
            getattr(in_memory, name).drop(columns="build_key", errors="ignore").reset_index(drop=True))
    assert [str(p) for p in streamed.problems] == [str(p) for p in in_memory.problems]
    assert streamed.removed_by_rule == in_memory.removed_by_rule == {}


@pytest.fixture
def three_copies(tmp_path, shared_data):
    """A real news page (aeb-dev's WSJ page) saved three ways in one corpus: its HTML and its two
    whole-page text dumps, which differ by a few characters and line breaks."""
    import gzip

    lines = (json.loads(line) for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8"))
    page = next(row for row in lines if row["page_id"].startswith("042bb7b5feda"))
    corpus = tmp_path / "wsj"
    corpus.mkdir()
    (corpus / "page.html").write_bytes(gzip.decompress((shared_data / "aeb-dev" / page["html_path"]).read_bytes()))
    (corpus / "page.inscriptis.txt").write_text(page["dump_inscriptis"], encoding="utf-8")
    (corpus / "page.text.txt").write_text(page["dump_html_text"], encoding="utf-8")
    return corpus


def test_a_copy_skipped_before_cleaning_names_the_copy_kept_after(tmp_path, three_copies):
    """Regression: the dump left out by the near-duplicate check on the raw text said "which is kept"
    of the other dump, which was then left out as a copy of the saved page once cleaned: the
    warnings named as kept a copy the tables do not hold. Each warning names the saved page now, in a
    build in memory and in one streamed a file at a time."""
    for build in (build_tables(three_copies), build_corpus(three_copies, tmp_path / "out", chunk_size=1)):
        assert build.articles["source_file"].tolist() == ["page.html"]
        warnings = {p.file: p.message for p in build.problems if p.skipped}
        assert sorted(warnings) == ["page.inscriptis.txt", "page.text.txt"]
        assert warnings["page.inscriptis.txt"].startswith("is the same article as page.html once both are cleaned")
        assert warnings["page.text.txt"].startswith(
            "nearly duplicates page.inscriptis.txt (the same text but for a few characters or line breaks), which is "
            "skipped in turn as the same article as page.html once both are cleaned; page.html is kept (the saved "
            "page: its article is read from the markup, more cleanly than from page text): skipped; delete this copy")
        assert not any("inscriptis.txt, which is kept" in message for message in warnings.values())
