"""Reading a corpus folder: everything read is data, each input problem is one line naming the file
and the fix, and the rest is still read (links, names, encodings, exports, manifests)."""
from __future__ import annotations

import json
import os
import re
import shutil

import pandas as pd
import pytest

from framing.build import build_tables
from framing.ingest import Duplicates, RawArticle, read_corpus, read_manifest

TEXT = ("The harbour at Port Ellen was closed on Tuesday after a storm damaged two piers, the council "
        "said.\n\nFishing boats were moved to the mainland, and ferry crossings were cancelled until "
        "further notice.\n")


def _messages(problems, name: str) -> list[str]:
    return [p.message for p in problems if p.file == name or p.file.startswith(f"{name} row ")]


def _corpus(tmp_path, name="c"):
    folder = tmp_path / name
    folder.mkdir()
    return folder


# ── files and folders ──────────────────────────────────────────────────────────────────────────


def test_symlink_leaving_the_corpus_is_skipped_with_a_warning(tmp_path, seeds_dir):
    corpus = _corpus(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 5, encoding="utf-8")
    outside_dir = tmp_path / "elsewhere"
    outside_dir.mkdir()
    (outside_dir / "other.txt").write_text(TEXT, encoding="utf-8")
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "a.txt")
    os.symlink(secret, corpus / "passwd.txt")
    os.symlink(outside_dir, corpus / "linked-folder")
    os.symlink(corpus / "a.txt", corpus / "alias.txt")  # inside: read as the same article
    build = build_tables(corpus)
    assert "outside the corpus folder" in _messages(build.problems, "passwd.txt")[0]
    assert "outside the corpus folder" in _messages(build.problems, "linked-folder")[0]
    everything = " ".join(build.sentences["text"]) + " ".join(build.removed["text"])
    assert "root:x" not in everything and "Fishing boats" not in everything
    assert "same article as" in _messages(build.problems, "alias.txt")[0]
    assert list(build.articles["source_file"]) == ["a.txt"]


def test_unreadable_vanishing_and_badly_named_files_are_warnings(tmp_path, seeds_dir, monkeypatch):
    corpus = _corpus(tmp_path)
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "good.txt")
    (corpus / "gone.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "locked.txt").write_text(TEXT.replace("storm", "gale"), encoding="utf-8")
    (corpus / "folder.txt").mkdir()  # a folder with an article's name is not read as one
    bad_name = os.fsencode(corpus) + b"/caf\xe9.txt"  # Latin-1 bytes: not a UTF-8 file name
    with open(bad_name, "w", encoding="utf-8") as handle:
        handle.write(TEXT)
    original_read = type(corpus).read_bytes

    def read_bytes(path):  # the file disappears between listing and reading
        if path.name == "gone.txt":
            raise FileNotFoundError(2, "No such file or directory")
        if path.name == "locked.txt":  # the test may run as root, who reads any file
            raise PermissionError(13, "Permission denied")
        return original_read(path)

    monkeypatch.setattr(type(corpus), "read_bytes", read_bytes)
    articles, problems = read_corpus(corpus)
    assert [a.source_file for a in articles] == ["good.txt"]
    assert "could not be read (No such file or directory)" in _messages(problems, "gone.txt")[0]
    assert "could not be read (Permission denied)" in _messages(problems, "locked.txt")[0]
    assert _messages(problems, "folder.txt") == []
    assert "not valid UTF-8: skipped; rename the file" in _messages(problems, "caf\ufffd.txt")[0]


# ── encodings and control characters ───────────────────────────────────────────────────────────


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_decoded_not_called_binary(tmp_path, seeds_dir, codec):
    corpus = _corpus(tmp_path)
    text = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    (corpus / "wide.txt").write_bytes(text.encode(codec))
    (corpus / "manifest.csv").write_text("file,outlet\nwide.txt,Blog\n", encoding="utf-8")
    build = build_tables(corpus)
    assert build.problems == []
    assert build.sentences["text"].str.contains("Hegseth").any()


def test_a_utf8_page_with_a_paragraph_pasted_from_a_windows_file_keeps_both_parts(tmp_path, shared_data):
    """Regression: a UTF-8 article with one paragraph in Windows-1252 (pasted from an older file)
    was read either all as cp1252, its UTF-8 quotes turned to "â€™", or all as UTF-8 with that
    paragraph's quotes turned to "\ufffd". Each part is now read in its own encoding."""
    corpus = _corpus(tmp_path)
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    row = next(r for r in rows if len(parts := r["text"].split("\n\n")) >= 3
               and all("’" in part or "“" in part for part in parts[:2]))
    first, second, *rest = row["text"].split("\n\n")
    data = "\n\n".join([row["title"], first]).encode("utf-8") + b"\n\n" + second.encode("cp1252") + \
        "".join("\n\n" + part for part in rest).encode("utf-8")
    (corpus / "mixed.txt").write_bytes(data)
    (corpus / "manifest.csv").write_text(f"file,outlet\nmixed.txt,{row['outlet']}\n", encoding="utf-8")
    build = build_tables(corpus)
    text = " ".join(build.sentences["text"])
    assert "â€" not in text and "\ufffd" not in text
    assert " ".join(first.split()[:12]) in text and " ".join(second.split()[:12]) in text
    [article] = build.articles.to_dict("records")
    assert article["encoding"] == "utf-8+cp1252"
    assert [p.message for p in build.problems] == [  # one line (a "; " would part an article's warnings)
        "partly not UTF-8: the bytes that are not read as Windows-1252 (cp1252) and the rest as UTF-8, "
        "re-save the file as UTF-8 if characters look wrong"]


def test_nul_bytes_are_removed_from_the_text(tmp_path):
    corpus = _corpus(tmp_path)
    rows = [{"text": "The port re\x00opened on Friday, the harbour master said.\n\nShips were waiting.",
             "outlet": "Port News"}]
    (corpus / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (corpus / "page.txt").write_bytes(TEXT.replace("storm", "st\x00orm").encode("utf-8"))
    build = build_tables(corpus)
    assert not build.sentences["text"].str.contains("\x00").any()
    assert build.sentences["text"].str.contains("The port reopened on Friday").any()
    assert "NUL" in build.articles.set_index("source_file").loc["page.txt", "warnings"]


def test_real_binary_files_are_still_refused(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "report.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    (corpus / "noise.txt").write_bytes(bytes(range(0, 32)) * 300)
    _, problems = read_corpus(corpus)
    assert "binary file (a PDF document)" in _messages(problems, "report.txt")[0]
    assert "binary file" in _messages(problems, "noise.txt")[0]


def test_a_document_renamed_txt_is_told_to_copy_its_text_out(tmp_path):
    """Regression: a PDF or Word file saved under a .txt name was told "save the page as .txt": it
    is a .txt already. Its fix is to copy the article's text out of the document."""
    import zipfile
    corpus = _corpus(tmp_path)
    (corpus / "report.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with zipfile.ZipFile(corpus / "story.txt", "w") as docx:
        docx.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>The port reopened."
                                           "</w:t></w:r></w:p></w:body></w:document>")
    (corpus / "page.txt").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 20)
    _, problems = read_corpus(corpus)
    for name in ("report.txt", "story.txt"):
        assert "copy the article's text out of the document into a .txt file" in _messages(problems, name)[0]
        assert "save the page as .txt" not in _messages(problems, name)[0]
    assert "unpack it" in _messages(problems, "page.txt")[0]


# ── exports ────────────────────────────────────────────────────────────────────────────────────


def test_csv_cells_have_no_size_limit(tmp_path):
    corpus = _corpus(tmp_path)
    long_text = " ".join(["The council met again on Tuesday to discuss the harbour."] * 4000)
    assert len(long_text) > 131072
    with open(corpus / "export.csv", "w", encoding="utf-8", newline="") as handle:
        handle.write(f'text,outlet\n"{long_text}",Big Paper\n"{TEXT}",Small Paper\n')
    articles, problems = read_corpus(corpus)
    assert problems == [] and [a.given["outlet"] for a in articles] == ["Big Paper", "Small Paper"]


def test_jsonl_splits_rows_at_newline_only(tmp_path):
    corpus = _corpus(tmp_path)
    odd = "First part\u2028second part\u0085third\fpart, all in one row of the export."
    lines = [json.dumps({"text": odd, "outlet": "A"}, ensure_ascii=False),
             json.dumps({"text": TEXT, "outlet": "B"}, ensure_ascii=False)]
    (corpus / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read_corpus(corpus)
    assert problems == [] and [a.given["outlet"] for a in articles] == ["A", "B"]
    assert articles[0].text == odd


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_semicolon_tab_and_bar_separated_csv_are_detected(tmp_path, separator):
    corpus = _corpus(tmp_path)
    rows = [["title", "text", "outlet"], ["Storm", TEXT.replace("\n", " "), "Harbour Post"],
            ["Gale", TEXT.replace("storm", "gale").replace("\n", " "), "Island Times"]]
    (corpus / "export.csv").write_text("\n".join(separator.join(f'"{c}"' for c in row) for row in rows),
                                       encoding="utf-8")
    articles, problems = read_corpus(corpus)
    assert problems == []
    assert [(a.given["outlet"], a.given["title"]) for a in articles] == [("Harbour Post", "Storm"),
                                                                         ("Island Times", "Gale")]


def test_missing_text_column_is_one_message_listing_the_columns(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "export.csv").write_text("title,story,outlet\n" + "a,b,c\n" * 300, encoding="utf-8")
    (corpus / "export.jsonl").write_text('{"headline": "a", "summary": "b"}\n' * 300, encoding="utf-8")
    _, problems = read_corpus(corpus)
    assert _messages(problems, "export.csv") == [
        "has no 'text' column (columns found: 'title', 'story', 'outlet'): its 300 rows skipped; name the "
        "column holding the article text 'text' in the first line (or one of body, content, article_text, "
        "full_text, body_text, article_body, maintext, article)"]
    [message] = _messages(problems, "export.jsonl")
    assert "no 'text' field (fields found: 'headline', 'summary'): its 300 rows skipped" in message
    assert "(or one of body, content," in message
    assert [p.skipped for p in problems] == [300, 300]


def test_a_text_column_under_another_name_is_pointed_at(tmp_path, shared_data):
    """A CSV whose text column is headed `Story Body` (no name framing reads as the text): the
    warning names the column with the longest cells as the likely text, so the fix is one rename;
    an export whose cells are all short (titles, names) gets no such guess."""
    corpus = _corpus(tmp_path)
    rows = [json.loads(line) for line in
            (shared_data / "allsides-roundups" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:3]]
    pd.DataFrame({"Headline": [r["title"] for r in rows], "Source": [r["outlet"] for r in rows],
                  "Story Body": [r["text"] for r in rows]}).to_csv(corpus / "export.csv", index=False)
    (corpus / "short.csv").write_text("title,story,outlet\n" + "a,b,c\n" * 3, encoding="utf-8")
    _, problems = read_corpus(corpus)
    [message] = _messages(problems, "export.csv")
    assert message.startswith("has no 'text' column (columns found: 'Headline', 'Source', 'Story Body'): its 3 rows")
    mean = sum(len(r["text"].strip()) for r in rows) // 3
    assert message.endswith(f"; 'Story Body' holds the longest cells ({mean:,} characters on average): if it "
                            "is the article text, rename it 'text'")
    assert "longest" not in _messages(problems, "short.csv")[0]


def test_a_gzipped_saved_page_is_named_with_the_command_that_unpacks_it(tmp_path, shared_data, monkeypatch):
    """Regression: a saved page left gzipped (`page.html.gz`, as crawls and data sets ship them) was
    answered "unknown extension '.gz'" with the list of extensions, as if it were no page. The
    warning now says the .html inside is read once unpacked, with the command; done, it is read."""
    import gzip
    import subprocess

    corpus = _corpus(tmp_path)
    page = next((shared_data / "aeb-dev" / "html").glob("5fa3154e*.html.gz"))
    shutil.copy(page, corpus / "guardian.html.gz")
    monkeypatch.chdir(tmp_path)
    _, problems = read_corpus(corpus)
    [message] = _messages(problems, "guardian.html.gz")
    command = re.search(r"`(gunzip -k [^`]+)`", message).group(1)
    assert "the .html file inside is read once unpacked" in message and command == "gunzip -k c/guardian.html.gz"
    subprocess.run(command.split(), cwd=tmp_path, check=True, timeout=60)
    (corpus / "guardian.html.gz").rename(tmp_path / "guardian.html.gz")
    [article], problems = read_corpus(corpus)
    assert problems == [] and article.source_file == "guardian.html"
    assert (corpus / "guardian.html").read_bytes() == gzip.decompress(page.read_bytes())


@pytest.mark.parametrize("copy", ["techcrunch (1).html", "techcrunch copy.html", "techcrunch - Copy.html"])
def test_a_downloaded_second_copy_is_skipped_not_the_page_the_manifest_names(tmp_path, shared_data, copy):
    """Regression: a page downloaded twice ("techcrunch (1).html", as browsers name the second) sorts
    before "techcrunch.html", so the copy was kept and the page the manifest gives an event skipped,
    the event lost. A copy's mark is read after its original now: the original is kept."""
    import gzip

    corpus = _corpus(tmp_path)
    page = gzip.decompress(next((shared_data / "aeb-dev" / "html").glob("1ace8c85*.html.gz")).read_bytes())
    for name in ("techcrunch.html", copy):
        (corpus / name).write_bytes(page)
    (corpus / "manifest.csv").write_text("file,event\ntechcrunch.html,wework\n", encoding="utf-8")
    [article], problems = read_corpus(corpus)
    assert (article.source_file, article.given["event"]) == ("techcrunch.html", "wework")
    assert _messages(problems, copy) == ["is the same article as techcrunch.html, which is kept (the copy read "
                                         "first): skipped; delete one of the two"]


def test_an_export_without_a_text_column_counts_its_rows_as_skipped(tmp_path, shared_data):
    """Regression: a Media Cloud style CSV whose text column is headed `story_body` was counted as
    one article skipped ("2 articles read, 1 kept, 1 skipped") whatever its rows; its rows are
    counted now, quoted cells spanning lines included, as those of a JSON-lines export are."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(3))]
    assert all("\n" in row["text"] for row in rows)  # cells that span lines
    corpus = _corpus(tmp_path)
    pd.DataFrame({"stories_id": range(3), "media_name": [r["outlet"] for r in rows],
                  "publish_date": [r["date"] for r in rows], "title": [r["title"] for r in rows],
                  "story_body": [r["text"] for r in rows]}).to_csv(corpus / "export.csv", index=False)
    _, problems = read_corpus(corpus)
    [problem] = [p for p in problems if p.file == "export.csv"]
    assert problem.skipped == 3 and "its 3 rows skipped" in problem.message


def test_quoting_errors_are_named_once_with_their_rows_and_nothing_else_is_lost(tmp_path):
    corpus = _corpus(tmp_path)
    good = [f"The port reopened on day {n} of the month, the harbour master said." for n in range(1, 7)]
    lines = ["text,outlet",
             f'"{good[0]}",A',
             f'"{good[1]}",Harbour, Post',          # unquoted comma: one cell too many
             '"He said "no" to the plan",B',       # stray quote inside a quoted cell
             f'"{good[2]}",C',
             '"An open quote that never closes,D',  # would swallow every row after it
             f'"{good[3]}",E',
             f'"{good[4]}",F',
             '"He said "yes" as well",G',
             f'"{good[5]}",H']
    (corpus / "export.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read_corpus(corpus)
    assert [a.given["outlet"] for a in articles] == ["A", "C", "E", "F", "H"]
    messages = _messages(problems, "export.csv")
    assert len(messages) == 3
    assert any(m.startswith("the row at line 3: not the header's 2 cells") for m in messages)
    assert any(m.startswith("the rows at lines 4, 9: a stray double quote") for m in messages)
    assert any(m.startswith("the row at line 6: a double quote opened and never closed") for m in messages)


def test_rows_without_text_are_named_in_one_line(tmp_path):
    corpus = _corpus(tmp_path)
    rows = [{"text": TEXT, "outlet": "A"}] + [{"text": "", "outlet": "B"}] * 8
    (corpus / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    articles, problems = read_corpus(corpus)
    assert len(articles) == 1
    assert _messages(problems, "export.jsonl") == [
        "rows 2, 3, 4, 5, 6 and 3 more have no text: skipped; every row needs the article text in its "
        "'text' column"]


# ── the manifest ───────────────────────────────────────────────────────────────────────────────


def test_manifest_rows_that_would_shift_or_swallow_are_named(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "manifest.csv").write_text(
        "file,outlet,title\n"
        "a.txt,Harbour, Post,Storm\n"        # unquoted comma: outlet and title would shift
        'b.txt,"Island Times,Gale\n'         # open quote: would swallow the next rows
        "c.txt,Coast FM,Storm\n"
        "d.txt,First,One\n"
        "./d.txt,Second,Two\n", encoding="utf-8")
    manifest, problems = read_manifest(corpus)
    messages = [p.message for p in problems]
    assert messages[0].startswith("line 2 has 4 cells but the header has 3: row skipped; put cells")
    assert messages[1].startswith("line 3 has a quote that is never closed: row skipped")
    assert messages[2] == "lines 5 and 6 both describe 'd.txt': line 6 is used; delete the other"
    assert set(manifest) == {"c.txt", "d.txt"}
    assert manifest["c.txt"]["outlet"] == "Coast FM" and manifest["d.txt"]["outlet"] == "Second"


def test_a_manifest_name_that_misses_its_file_by_case_or_a_typo_names_the_file_meant(tmp_path, seeds_dir):
    """A manifest written on a case-blind system ('.TXT') or with a typo leaves the file without its
    outlet and event: the warning names the file it most likely means, and no unrelated one."""
    corpus = tmp_path / "c"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "manifest.csv").write_text(
        "file,outlet\n000_66916BAE5F71D632.TXT,Islamic Voice\n002_88d5e6fb5a25b632.txt,A blog\nnotes.txt,Me\n",
        encoding="utf-8")
    messages = [p.message for p in read_corpus(corpus)[1] if p.file == "manifest.csv"]
    assert "names '000_66916BAE5F71D632.TXT', which is not in" in messages[0]
    assert "(did you mean '000_66916bae5f71d632.txt'?)" in messages[0]
    assert "(did you mean '002_88d5e6fb5a25b623.txt'?)" in messages[1]
    assert "did you mean" not in messages[2] and messages[2].endswith(
        "fix the file name in the manifest, add the file, or delete the line if the file was removed")


def test_a_manifest_names_files_whose_accents_a_mac_wrote_decomposed(tmp_path, shared_data):
    """Regression: files named on a Mac ("Zürich news.txt" written as "Zu\u0308rich news.txt") were
    not those the manifest typed with "ü": the build said "names 'Zürich news.txt', which is not in
    … (did you mean 'Zürich news.txt'?)" and the rows' outlets and events were lost. Names are
    compared in Unicode's composed form."""
    import unicodedata

    rows = _allsides_rows(shared_data, 3)
    names = ["Le Monde – café.txt", "Zürich news.txt", "plain.txt"]
    corpus = _corpus(tmp_path)
    for name, row in zip(names, rows):
        (corpus / unicodedata.normalize("NFD", name)).write_text(f"{row['title']}\n\n{row['text']}\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,outlet,event\n" + "".join(
        f"{name},{row['outlet']},{row['event_id']}\n" for name, row in zip(names, rows)), encoding="utf-8")
    articles, problems = read_corpus(corpus)
    assert problems == []
    given = {unicodedata.normalize("NFC", a.source_file): (a.given["outlet"], a.given["event"]) for a in articles}
    assert given == {name: (row["outlet"], row["event_id"]) for name, row in zip(names, rows)}


def test_manifest_columns_beyond_the_known_ones_are_kept(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "manifest.csv").write_text("File,Outlet,my_id\na.txt,Harbour Post,H-17\n", encoding="utf-8")
    build = build_tables(corpus)
    row = build.articles.iloc[0]
    assert row["outlet"] == "Harbour Post" and json.loads(row["extra"]) == {"my_id": "H-17"}


def test_a_manifest_is_read_whatever_its_columns_are_called_and_ordered(tmp_path, seeds_dir):
    """A user's manifest names its columns as a spreadsheet or scraper did ("Filename", "Link",
    "Publish Date", "SOURCE"), in any order, with columns of its own: the file column and the
    metadata are read under those names, the rest is kept in `extra`."""
    corpus = _corpus(tmp_path)
    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    (corpus / "manifest.csv").write_text(
        "My ID,Link,Publish Date,Filename,SOURCE\n"
        "7,https://www.islamicvoice.com/a,2025-02-12,000_66916bae5f71d632.txt,Islamic Voice\n"
        "8,https://blog.example.org/p,12 February 2025,002_88d5e6fb5a25b623.txt,\n", encoding="utf-8")
    manifest, problems = read_manifest(corpus)
    assert problems == []
    first, second = manifest["000_66916bae5f71d632.txt"], manifest["002_88d5e6fb5a25b623.txt"]
    assert (first["outlet"], first["url"], first["published"]) == ("Islamic Voice", "https://www.islamicvoice.com/a",
                                                                  "2025-02-12")
    assert "outlet" not in second and second["published"] == "2025-02-12"
    assert second["extra"] == {"My ID": "8", "Link": "https://blog.example.org/p", "Publish Date": "12 February 2025"}


def test_every_problem_of_a_manifest_names_its_line_and_the_fix(tmp_path, seeds_dir):
    corpus = _corpus(tmp_path)
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "page.txt")
    manifest = corpus / "manifest.csv"
    manifest.write_text("name,outlet\npage.txt,Voice\n", encoding="utf-8")
    assert [str(p) for p in read_manifest(corpus)[1]] == [
        "manifest.csv: line 1 (the header) has no file column (columns found: 'name', 'outlet'): ignored; "
        "name the column that holds the file names one of 'file', 'filename', 'file_name', 'file_path', "
        "'filepath', 'path' (any case; spaces, hyphens and underscores alike)"]
    manifest.write_text("\npage.txt,Voice\n", encoding="utf-8")  # no header line
    assert read_manifest(corpus)[1][0].message.startswith(
        "line 2 reads as a row, not as the column names ('page.txt' is a file name): ignored; add a first line")
    manifest.write_text("File Name,Outlet\n,Voice\npgae.txt,Other\n", encoding="utf-8")
    messages = [p.message for p in read_corpus(corpus)[1] if p.file == "manifest.csv"]
    assert messages[0] == ("line 2 names no file (its 'File Name' cell is empty): row skipped; write the "
                           "file's name, as in the corpus folder, in that cell")
    assert messages[1].startswith("line 3 names 'pgae.txt', which is not in") and "did you mean 'page.txt'" in messages[1]


def test_the_hint_for_a_page_without_outlet_follows_the_users_manifest(tmp_path, seeds_dir):
    """The blog seed names no outlet. The warning says how to give it one in the manifest the user
    has: the cell of its line under the column that holds outlets, a line in the header's order, a
    column to add, or a manifest to create."""
    corpus = _corpus(tmp_path)
    blog = next(seeds_dir.glob("002_*.txt")).name
    shutil.copy(seeds_dir / blog, corpus / blog)

    def hint(manifest: str | None) -> str:
        if manifest is not None:
            (corpus / "manifest.csv").write_text(manifest, encoding="utf-8")
        [message] = [p.message for p in build_tables(corpus).problems if p.file == blog]
        assert message.startswith("no outlet named in the text or manifest: the file name stands in")
        return message.rpartition("): ")[2]

    assert hint(None) == f"create manifest.csv in the corpus folder with the lines 'file,outlet' and '{blog},<outlet>'"
    assert hint(f"Title,File,Source\nA post,{blog},\n") == f"fill in the 'Source' cell of manifest.csv line 2 ({blog})"
    assert hint("Title,File,media_name,Author\nA post,other.txt,,\n") == \
        f"add the line ',{blog},<outlet>,' to manifest.csv (in the order of its header)"
    assert hint(f"path,title\n{blog},A post\n") == \
        f"add a column 'outlet' to manifest.csv (its header line now reads 'path,title') and fill it in on line 2 ({blog})"


def test_an_article_without_outlet_is_named_after_the_host_of_its_url(tmp_path, seeds_dir, shared_data):
    """A url given in the manifest or an export names the outlet when nothing else does, as its host
    without "www."; an outlet given or read from the page still wins. The build summary names the
    outlets so inferred."""
    from framing.build import build_info, counts_line

    corpus = _corpus(tmp_path)
    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    rows = _allsides_rows(shared_data, 3)
    with (corpus / "export.jsonl").open("w", encoding="utf-8") as out:
        for number, row in enumerate(rows):
            given = {"url": row["url"], "text": row["text"]} | ({"outlet": row["outlet"]} if number == 0 else {})
            out.write(json.dumps(given) + "\n")
    (corpus / "manifest.csv").write_text(
        "file,URL\n000_66916bae5f71d632.txt,https://www.islamicvoice.com/x\n"
        "002_88d5e6fb5a25b623.txt,www.Example-Blog.net/2025/02/post\n", encoding="utf-8")
    build = build_tables(corpus)
    outlets = {(file, None if pd.isna(record) else int(record)): outlet for file, record, outlet
               in build.articles[["source_file", "source_record", "outlet"]].itertuples(index=False)}
    assert outlets["000_66916bae5f71d632.txt", None] == "Islamic Voice News"  # read from the page
    assert outlets["002_88d5e6fb5a25b623.txt", None] == "example-blog.net"
    hosts = [row["url"].split("/")[2].removeprefix("www.") for row in rows]
    assert [outlets["export.jsonl", n] for n in (1, 2, 3)] == [rows[0]["outlet"], *hosts[1:]]
    assert not any("no outlet" in p.message for p in build.problems)
    line = counts_line(build_info(build, counts={"articles": len(build.articles), "sentences": 0, "removed": 0}))
    assert line.startswith(f"{len(build.articles)} articles read, {len(build.articles)} kept (3 with the outlet "
                           "inferred from the url: ")
    assert all(f"{host} (" in line for host in ["example-blog.net", *hosts[1:]])


# ── near-duplicates ────────────────────────────────────────────────────────────────────────────


def _raw(text: str, name: str, outlet: str | None = None, fmt: str = "text") -> RawArticle:
    import hashlib

    given = {"outlet": outlet} if outlet else {}
    return RawArticle(name, None, fmt, text, "utf-8", hashlib.sha256(text.encode()).hexdigest(), given)


def test_near_duplicates_are_found_and_different_texts_are_not(seeds_dir):
    seed = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    other = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    duplicates = Duplicates()
    assert duplicates.check(_raw(seed, "a.txt")) == (None, False)
    assert duplicates.check(_raw(other, "b.txt")) == (None, False)
    index = seed.index("Hegseth")
    variants = {"one byte": seed[:index] + "X" + seed[index + 1:],
                "crlf": seed.replace("\r\n", "\n").replace("\n", "\r\n"),
                "cr only": seed.replace("\r\n", "\n").replace("\n", "\r"),
                "a newline added": seed[:index] + "\n" + seed[index:],
                "a word changed": seed.replace("membership", "entry", 1)}
    for number, (what, text) in enumerate(variants.items()):
        assert duplicates.check(_raw(text, f"v{number}.txt")) == ("a.txt", False), what
    assert duplicates.check(_raw(seed, "copy.txt")) == ("a.txt", True)
    # the same story from two outlets (given in the manifest) is two articles
    outlets = Duplicates()
    wire = seed.replace("membership", "status", 1)
    assert outlets.check(_raw(seed, "a.txt", outlet="One Outlet")) == (None, False)
    assert outlets.check(_raw(wire, "wire.txt", outlet="Other Outlet")) == (None, False)
    assert outlets.check(_raw(wire + " ", "again.txt", outlet="One Outlet")) == ("a.txt", False)


def test_near_duplicates_checked_together_are_those_checked_one_by_one(shared_data):
    """`Duplicates.check_all` (MinHash signatures of many articles computed in one pass) gives the
    answers and signatures of `check` one article at a time, on every AllSides excerpt and copies
    of them with a byte, a word or a third of the words changed, in batches that split copies from
    their originals."""
    import random

    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    texts = [row["text"] for row in rows if row.get("text")]
    rng = random.Random(3)
    articles = [_raw(text, f"a{i}.txt", outlet=rows[i].get("outlet") or "") for i, text in enumerate(texts)]
    for i in rng.sample(range(len(texts)), 300):
        words = texts[i].split(" ")
        at = rng.randrange(len(words))
        changed = [words[:at] + ["changed"] + words[at + 1:],
                   [w if rng.random() > 0.33 else "changed" for w in words],
                   [texts[i][:len(texts[i]) // 2] + "x" + texts[i][len(texts[i]) // 2 + 1:]]][i % 3]
        articles.insert(rng.randrange(len(articles)), _raw(" ".join(changed), f"copy{i}.txt"))
    one, together = Duplicates(), Duplicates()
    answers = [one.check(article) for article in articles]
    batched = [answer for start in range(0, len(articles), 97) for answer in together.check_all(articles[start:start + 97])]
    assert batched == answers
    assert 150 < sum(first is not None for first, _ in answers) < 300  # most copies found, no excerpt taken
    assert [(w, o, n) for w, o, _, n in one.kept] == [(w, o, n) for w, o, _, n in together.kept]
    assert all((a[2] == b[2]).all() for a, b in zip(one.kept, together.kept))


def test_a_line_break_in_a_file_name_is_shown_on_one_line(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "two\nlines.txt").write_text("", encoding="utf-8")
    _, problems = read_corpus(corpus)
    assert [str(p) for p in problems] == ["two\\x0alines.txt: is empty: skipped; remove it or paste the "
                                          "article text into it"]


def test_stories_on_pages_with_long_shared_menus_are_not_copies(seeds_dir):
    """Two different stories on two pages of one site whose menus and footers are most of the text."""
    words = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8").split()
    menu = "\n".join(" ".join(words[i:i + 6]) for i in range(0, 300, 6))
    storm = ("The harbour at Port Ellen was closed on Tuesday after a storm damaged two piers, the council "
             "said. Fishing boats were moved to the mainland, and ferry crossings were cancelled until "
             "further notice while engineers inspect the damage to the quay.")
    strike = ("Baggage handlers at the city airport returned to work on Friday after a week-long strike over "
              "pay, their union said. Flights will run to the normal timetable from Monday, and passengers "
              "whose trips were cancelled can claim refunds from the airlines.")
    duplicates = Duplicates()
    assert duplicates.check(_raw(f"{menu}\n{storm}\n{menu}", "a.txt")) == (None, False)
    assert duplicates.check(_raw(f"{menu}\n{strike}\n{menu}", "b.txt")) == (None, False)
    typo = storm.replace("engineers", "engineer")
    assert duplicates.check(_raw(f"{menu}\n{typo}\n{menu}", "c.txt")) == ("a.txt", False)


# ── exports read block by block ────────────────────────────────────────────────────────────────


def test_files_read_in_tiny_blocks_give_the_same_articles_and_problems(seeds_dir, monkeypatch):
    """Exports are decoded and split into lines a block at a time. With blocks of a few bytes every
    multi-byte character, byte-order mark, \\r\\n pair, quoted CSV cell and JSON line is cut across
    blocks somewhere: the articles and problems must be those of reading the file in one block,
    on undamaged and randomly damaged inputs of every format and encoding."""
    import random

    from framing import ingest
    from framing.ingest import decode
    from test_ingest_fuzz import _mutate, _sources

    rng = random.Random(17)
    cases = []
    for kind, data in _sources(seeds_dir).items():
        cases.append((kind, data))
        cases += [(kind, _mutate(data, rng)) for _ in range(12)]
        cases += [(kind, data.decode("utf-8").encode(codec)) for codec in ("utf-16", "utf-32-be", "utf-8-sig")]
    cases.append(("jsonl", b'{"text": "One\\r\\n"}\r\n{"text": "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d."}\r'))
    kinds = {"txt": "text", "md": "text", "html": "html", "csv": "csv", "jsonl": "jsonl"}
    read = {}
    for size in (1 << 20, 1, 2, 3, 7, 64):
        monkeypatch.setattr(decode, "BLOCK_BYTES", size)
        read[size] = [ingest.read_bytes(data, name=f"case{i}", kind=kinds[kind])
                      for i, (kind, data) in enumerate(cases)]
        read[size].append([ingest.decode_bytes(data) for _, data in cases])
    whole = read.pop(1 << 20)
    assert sum(len(articles) for articles, _ in whole[:-1]) > 60  # most damaged inputs still hold articles
    assert sum(len(problems) for _, problems in whole[:-1]) > 10
    for size, found in read.items():
        assert found == whole, f"blocks of {size} bytes"
    for (kind, data), (text, encoding, _) in zip(cases, whole[-1]):
        assert encoding in ("utf-8+cp1252", "utf-8-replace") or text == data.decode(encoding).lstrip("\ufeff")


def _synthetic_export(shared_data, path, *, rows: int, bad: dict[int, str]) -> list[str]:
    """Write `rows` distinct articles recombined from AllSides paragraphs as one JSON-lines export,
    with the given lines (1-based) replaced by damaged ones; returns the lines written."""
    import random

    paragraphs = [p for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")
                  for p in json.loads(line)["text"].split("\n") if len(p.split()) >= 12]
    rng = random.Random(5)
    lines = [json.dumps({"text": "\n\n".join(rng.sample(paragraphs, 6)), "outlet": f"Outlet {n % 7}",
                         "title": f"Story {n}", "published": f"2024-03-{1 + n % 28:02d}"}, ensure_ascii=False)
             for n in range(rows)]
    for number, line in bad.items():
        lines[number - 1] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_a_big_export_is_read_in_chunks_with_its_rows_named_right(shared_data, tmp_path):
    """A JSON-lines export of a few MB is read in several chunks of at most `chunk_size` articles,
    which together are what reading it whole gives; bad rows far into the file (in a later chunk)
    are named by their own line numbers, in one line each, with the chunk the file ends in."""
    from framing import ingest
    from framing.ingest import iter_corpus

    corpus = _corpus(tmp_path)
    bad = {1730: '{"text": "a row cut short', 1811: json.dumps({"text": "", "outlet": "Empty"}),
           1900: "[1, 2, 3]"}
    _synthetic_export(shared_data, corpus / "export.jsonl", rows=2000, bad=bad)
    assert (corpus / "export.jsonl").stat().st_size > 2 * ingest.BLOCK_BYTES  # read in several blocks
    whole, whole_problems = read_corpus(corpus)
    chunks = list(iter_corpus(corpus, chunk_size=300))
    assert len(chunks) == 7 and all(len(articles) <= 300 for articles, _ in chunks)
    assert [a for articles, _ in chunks for a in articles] == whole
    assert [p for _, problems in chunks for p in problems] == whole_problems
    assert [len(problems) for _, problems in chunks] == [0] * 6 + [2]
    assert [a.record for a in whole] == [n for n in range(1, 2001) if n not in bad]
    assert _messages(whole_problems, "export.jsonl") == [
        "the rows at lines 1730, 1900: not a JSON object on one line: skipped; fix or remove it",
        "row 1811 has no text: skipped; every row needs the article text in its 'text' column"]


def test_an_export_without_article_rows_says_so_and_how_to_fix_it(shared_data, tmp_path):
    """A CSV with only its header, or whose one row has every cell empty, is skipped with the cause
    and the fix; a row with other cells but no text is named by its row; the real export beside
    them is read whole."""
    corpus = _corpus(tmp_path)
    (corpus / "header_only.csv").write_text("outlet,title,text\n\n", encoding="utf-8")
    (corpus / "blank_row.csv").write_text("outlet,title,text\n,,\n", encoding="utf-8")
    (corpus / "no_text.csv").write_text("outlet,title,text\nCNN,A headline,\n", encoding="utf-8")
    rows = _allsides_rows(shared_data, 3)
    (corpus / "real.jsonl").write_text("".join(json.dumps({"outlet": r["outlet"], "text": r["text"]}) + "\n"
                                               for r in rows), encoding="utf-8")
    articles, problems = read_corpus(corpus)
    assert [a.text for a in articles] == [r["text"].strip() for r in rows]
    no_rows = ("has no article rows (only a header, or rows with every cell empty): skipped; "
               "add one row per article with its text in the 'text' column")
    assert _messages(problems, "header_only.csv") == [no_rows]
    assert _messages(problems, "blank_row.csv") == [no_rows]
    assert _messages(problems, "no_text.csv") == [
        "row 1 has no text: skipped; every row needs the article text in its 'text' column"]


# ── dates ───────────────────────────────────────────────────────────────────────────────────────


def _allsides_rows(shared_data, n):
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line, _ in zip(lines, range(n))]


def test_an_exports_rows_keep_their_numbers_across_blank_rows(shared_data, tmp_path):
    """A spreadsheet's CSV export with blank rows between articles (a row of empty cells, or an
    empty line) and a JSON-lines file with a blank line: each article's `source_record` is its row
    as the spreadsheet shows it (the line of a JSON-lines file), blank rows counted, and a row
    without text is named by that same number, so both lead back to the right row."""
    import csv

    corpus = _corpus(tmp_path)
    rows = _allsides_rows(shared_data, 6)
    with (corpus / "sheet.csv").open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(["id", "outlet", "section", "text"])
        out.writerow(["A001", rows[0]["outlet"], "US", rows[0]["text"]])
        out.writerow(["", "", "", ""])
        out.writerow(["A003", rows[1]["outlet"], "World", rows[1]["text"]])
        f.write("\r\n")
        out.writerow(["A005", rows[2]["outlet"], "US", ""])
        out.writerow(["A006", rows[3]["outlet"], "US", rows[3]["text"]])
    (corpus / "lines.jsonl").write_text(
        json.dumps({"id": "J1", "text": rows[4]["text"]}) + "\n\n"
        + json.dumps({"id": "J3", "text": rows[5]["text"]}) + "\n", encoding="utf-8")
    articles, problems = read_corpus(corpus)
    ids = {(a.source_file, a.record): a.extra["id"] for a in articles}
    assert ids == {("sheet.csv", 1): "A001", ("sheet.csv", 3): "A003", ("sheet.csv", 6): "A006",
                   ("lines.jsonl", 1): "J1", ("lines.jsonl", 3): "J3"}
    assert _messages(problems, "sheet.csv") == [
        "row 5 has no text: skipped; every row needs the article text in its 'text' column"]


def test_numeric_dates_follow_the_file_and_are_never_guessed(tmp_path, shared_data):
    """A user's export writes dates day-first (18/10/2021): 12/02/2025 in it is 12 February, not
    2 December as pandas reads it (and nothing leaks pandas' own warning). An export whose dates
    never settle the order leaves 05/04/2021 empty and names the row with the fix, and a manifest
    reads its dates the same way. Words that are no date ("today") are not read as the day of the
    build, which would change the tables from one day to the next."""
    import csv
    import warnings

    rows = _allsides_rows(shared_data, 6)
    corpus = _corpus(tmp_path)
    with (corpus / "uk.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "outlet", "published", "text"])
        for row, day in zip(rows[:3], ["18/10/2021", "12/02/2025", "today"]):
            out.writerow([row["article_id"], row["outlet"], day, row["text"]])
    (corpus / "us.jsonl").write_text("".join(json.dumps({"outlet": row["outlet"], "published": day,
                                                         "text": row["text"]}) + "\n"
                                             for row, day in zip(rows[3:5], ["05/04/2021", "Feb 12, 2025"])),
                                     encoding="utf-8")
    (corpus / "page.txt").write_text(rows[5]["title"] + "\n\n" + rows[5]["text"] + "\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,published\npage.txt,03/04/2020\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        build = build_tables(corpus)
    days = {(a.source_file, None if pd.isna(a.source_record) else a.source_record): a.published
            for a in build.articles.itertuples()}
    assert str(days[("uk.csv", 1)].date()) == "2021-10-18"
    assert str(days[("uk.csv", 2)].date()) == "2025-02-12"
    assert pd.isna(days[("uk.csv", 3)])
    assert pd.isna(days[("us.jsonl", 1)]) and str(days[("us.jsonl", 2)].date()) == "2025-02-12"
    assert pd.isna(days[("page.txt", None)])
    problems = [str(p) for p in build.problems]
    assert "uk.csv: row 3: published 'today' is not a date framing reads: left empty (write dates " \
           "as YYYY-MM-DD, e.g. 2025-02-12)" in problems
    assert any(p.startswith("us.jsonl: row 1: published '05/04/2021' may be day-first or month-first")
               for p in problems)
    assert any(p.startswith("page.txt: published '03/04/2020' (manifest.csv line 2) may be day-first")
               for p in problems)
    assert [p for p in problems if "2025-02-12" in p and p.startswith("uk.csv row")] == []  # (said once, for the file)
    warned = build.articles.set_index(["source_file", "source_record"])["warnings"]
    assert warned[("uk.csv", 3)].split("; ") == [
        "published 'today' is not a date framing reads: left empty (write dates as YYYY-MM-DD, e.g. 2025-02-12)"]


def test_an_excel_export_with_several_unreadable_dates_names_each_form_and_empty_exports_say_how_to_fill_them(
        shared_data, tmp_path):
    """Regression: a semicolon CSV with a byte-order mark, the user's own ids and a `Title` column,
    whose rows wrote dates four ways framing cannot read, was named as "published 'yesterday' and
    others is not a date framing reads": the other forms were not shown (nor the grammar right); and
    a date with a time in US Eastern time ("… 11:30 PM ET") was not read at all.
    And an empty .jsonl or .csv was told to "paste the article text into it"."""
    import csv
    import io

    rows = _allsides_rows(shared_data, 6)
    corpus = _corpus(tmp_path)
    days = ["yesterday", "Monday, October 18, 2021 11:30 PM ET", "2021-10-18", "1634567890", "18 octobre 2021",
            "mid-October"]
    text = io.StringIO()
    out = csv.writer(text, delimiter=";", lineterminator="\r\n")
    out.writerow(["my_id", "Title", "Outlet", "Date", "Text"])
    for number, (row, day) in enumerate(zip(rows, days)):
        out.writerow([f"ID-{number:03d}", row["title"], row["outlet"], day, row["text"]])
    (corpus / "export.csv").write_text(text.getvalue(), encoding="utf-8-sig")
    (corpus / "zero.jsonl").write_bytes(b"")
    (corpus / "zero.csv").write_bytes(b"")
    build = build_tables(corpus)
    assert list(build.articles["title"]) == [row["title"] for row in rows]
    assert json.loads(build.articles["extra"].iloc[0])["my_id"] == "ID-000"
    problems = [str(p) for p in build.problems]
    assert ("export.csv: rows 1, 4, 5, 6: published 'yesterday', '1634567890', '18 octobre 2021' and 1 more "
            "are not dates framing reads: left empty (write dates as YYYY-MM-DD, e.g. 2025-02-12)") in problems
    # a time in a US zone, as news sites print it (pandas reads no "ET"), is read: the day printed
    assert [str(day.date()) for day in build.articles["published"].iloc[[1, 2]]] == ["2021-10-18", "2021-10-18"]
    assert "zero.jsonl: is empty: skipped; remove it or export the articles into it again (one JSON object " \
           "per line, with the article's \"text\")" in problems
    assert any(p.startswith("zero.csv: is empty: skipped; remove it or export the articles into it again (a "
                            "header line naming the columns") for p in problems)
    assert not any("paste the article text" in p for p in problems)


def test_numeric_dates_read_either_way_when_the_file_settles_it():
    """Month-first evidence (10/18/2021) reads 03/04/2021 as 4 March; two-digit years as strptime's
    %y; a day both ways the same needs no evidence; an impossible day is no date."""
    from framing.ingest import DateOrder

    order = DateOrder()
    for value in ("10/18/2021", "03/04/2021"):
        order.learn(value)
    assert [order.read(v) for v in ("03/04/2021", "10/18/21", "07.07.1999", "31/02/2021", "", "2021-10-18")] == \
        [("2021-03-04", None), ("2021-10-18", None), ("1999-07-07", None), (None, "unreadable"), ("", None),
         ("2021-10-18", None)]
    both = DateOrder()
    for value in ("10/18/2021", "18/10/2021"):
        both.learn(value)
    assert both.read("03/04/2021") == (None, "ambiguous") and both.read("18/10/2021") == ("2021-10-18", None)


STAMP_DAYS = [  # (a date with a time and zone as exports and manifests give it, the day read)
    ("2019-11-19T23:30:00-05:00", "2019-11-19"),  # a US evening: the day the outlet printed, not UTC's Nov 20
    ("2019-11-20T01:30:00+05:30", "2019-11-20"),  # an Indian night: not UTC's Nov 19
    ("2019-11-20T04:30:00Z", "2019-11-20"),  # a stamp in UTC stays UTC
    ("2019-11-20T04:30:00+00:00", "2019-11-20"),
    ("Tue, 19 Nov 2019 23:30:00 -0500", "2019-11-19"),  # RSS's form
    ("Nov 19, 2019 11:30 PM ET", "2019-11-19"),  # a US zone in letters, as news sites print it
    ("November 19, 2019 at 11:30 p.m. PST", "2019-11-19"),
    ("2019-11-19 23:30", "2019-11-19"),  # no zone: as written
]


def test_a_date_with_a_time_and_zone_is_the_day_it_is_written_in():
    """Regression: "2019-11-19T23:30:00-05:00" in a manifest was read as its day in UTC (Nov 20),
    where the page prints Nov 19 and the saved page's stamp (htmldate) and its text give Nov 19:
    a US evening story read a day later from an export than from its page. A stamp is read in its
    own zone, the day the outlet printed; a stamp in UTC stays UTC."""
    from framing.ingest import read_date

    read_date.cache_clear()
    assert [read_date(text) for text, _ in STAMP_DAYS] == [day for _, day in STAMP_DAYS]


def test_an_iso_day_is_read_as_pandas_reads_it(shared_data):
    """A day written YYYY-MM-DD is read without pandas, to the day pandas gives it: every day of a
    leap year and of a common year, the days that do not exist (29-31 February, 31 April...), the
    first and last years the form covers, and every date of the AllSides export."""
    import datetime
    import warnings

    from framing.ingest import read_date

    def by_pandas(text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stamp = pd.to_datetime(text, errors="coerce", utc=True)
        return None if pd.isna(stamp) else stamp.tz_convert(None).strftime("%Y-%m-%d")

    days = [f"{year}-{month:02d}-{day:02d}" for year in (1900, 2000, 2023, 2024, 2099)
            for month in range(1, 13) for day in range(1, 32)]
    rows = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    days += sorted(set(rows["date"].dropna().astype(str)))
    assert sum(by_pandas(day) is None for day in days) == 5 * 7 - 2  # (29 February 2000 and 2024 exist)
    read_date.cache_clear()
    assert [read_date(day) for day in days] == [by_pandas(day) for day in days]
    assert read_date("2024-02-29") == datetime.date(2024, 2, 29).isoformat() and read_date("2023-02-29") is None


def test_a_saved_complete_web_page_is_one_article_not_its_resources(tmp_path, shared_data):
    """A browser's "Web Page, complete" writes `<page>_files/` beside `<page>.html`, with scripts,
    styles, images and the HTML of embedded frames: one line names that folder, and nothing in it is
    read (a frame holding another page's text would have become an article). A folder of that name
    with no page beside it is read as any sub-folder."""
    import gzip

    pages = sorted((shared_data / "aeb-dev" / "html").glob("*.html.gz"))[:3]
    corpus = _corpus(tmp_path)
    (corpus / "story.html").write_bytes(gzip.decompress(pages[0].read_bytes()))
    resources = corpus / "story_files"
    resources.mkdir()
    (resources / "saved_resource.html").write_bytes(gzip.decompress(pages[1].read_bytes()))
    (resources / "app.js").write_text("var page = 1;\n", encoding="utf-8")
    (resources / "style.css").write_text("body { margin: 0 }\n", encoding="utf-8")
    (corpus / "notes_files").mkdir()
    (corpus / "notes_files" / "other.html").write_bytes(gzip.decompress(pages[2].read_bytes()))
    articles, problems = read_corpus(corpus)
    assert sorted(a.source_file for a in articles) == ["notes_files/other.html", "story.html"]
    assert [(p.file, p.skipped) for p in problems] == [("story_files/", 0)]
    assert "saved page story.html" in problems[0].message and "not read as articles" in problems[0].message


def test_a_pages_html_source_saved_as_txt_is_read_as_the_saved_page(tmp_path, shared_data):
    """Regression: NBC News's page (aeb-dev) saved from the browser's source view as `page.txt` was
    cleaned as page text, markup and all, and skipped as "the text does not read as English". A text
    file that opens as an HTML document is read as a saved page, with a warning saying so."""
    import gzip

    page = _aeb_page(shared_data, "house-hitler")
    html = gzip.decompress((shared_data / "aeb-dev" / page["html_path"]).read_bytes())
    corpus = _corpus(tmp_path)
    (corpus / "page.txt").write_bytes(html)
    saved = _corpus(tmp_path, "saved")
    (saved / "page.html").write_bytes(html)
    build, as_html = build_tables(corpus), build_tables(saved)
    assert [p.message for p in build.problems if "English" in p.message or "no article" in p.message] == []
    [article] = build.articles.to_dict("records")
    assert article["format"] == "html" and "HTML source" in article["warnings"]
    assert article["title"] == as_html.articles["title"].iloc[0] and "Hitler" in article["title"]
    assert list(build.sentences["text"]) == list(as_html.sentences["text"])


def test_a_csv_export_saved_as_txt_is_read_row_by_row(tmp_path, shared_data, seeds_dir):
    """Regression: an export saved as `export.txt` (a header naming the text column, one row per
    article) became one article holding every row, its outlet the file name. A text file whose first
    line is such a header is read as the CSV export it is, with one warning saying so; page dumps
    (the seeds) are still pages."""
    rows = _allsides_rows(shared_data, 4)
    corpus = _corpus(tmp_path)
    pd.DataFrame({"Body": [r["text"] for r in rows], "source": [r["outlet"] for r in rows],
                  "title": [r["title"] for r in rows]}).to_csv(corpus / "export.txt", index=False)
    for seed in seeds_dir.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    articles, problems = read_corpus(corpus)
    rows_read = [a for a in articles if a.source_file == "export.txt"]
    assert [(a.format, a.given["outlet"], a.given["title"]) for a in rows_read] == \
        [("csv", r["outlet"], r["title"]) for r in rows]
    assert [a.text for a in rows_read] == [r["text"].strip() for r in rows]
    assert [p.message for p in problems] == [
        "is a CSV export (its first line names the columns Body, source, title), not one article's "
        "text: its rows read as articles (name it .csv to say so)"]
    assert sorted(a.format for a in articles if a.source_file != "export.txt") == ["text", "text"]


def _aeb_page(shared_data, part: str) -> dict:
    with (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8") as lines:
        return next(page for line in lines if part in (page := json.loads(line))["url"])


def test_a_manifest_in_a_sub_folder_is_named_as_one_not_as_an_export(tmp_path, seeds_dir):
    """Files sorted into a folder per event, each with its own manifest.csv: that manifest is not
    taken for an export without a text column (nor counted as an article skipped); the warning
    says it is not read and where its rows go."""
    corpus = _corpus(tmp_path)
    (corpus / "event-a").mkdir()
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "event-a" / "page.txt")
    (corpus / "event-a" / "manifest.csv").write_text("file,outlet,event\npage.txt,Voice,event-a\n", encoding="utf-8")
    build = build_tables(corpus)
    assert [str(p) for p in build.problems] == [
        "event-a/manifest.csv: is a manifest in a sub-folder: not read (only the corpus folder's own "
        "manifest.csv is); move its rows into that one, naming each file by its path in the corpus, "
        "e.g. event-a/page.html"]
    assert build.skipped == 0 and list(build.articles["source_file"]) == ["event-a/page.txt"]


def test_explain_names_a_problem_of_an_export_once(tmp_path, shared_data, monkeypatch):
    """`framing explain export.jsonl` printed each of the file's problems twice."""
    from framing.build import explain_inputs

    corpus = _corpus(tmp_path)
    rows = _allsides_rows(shared_data, 2)
    (corpus / "e.jsonl").write_text(json.dumps({"text": rows[0]["text"]}) + "\n{broken\n"
                                    + json.dumps({"text": rows[1]["text"]}) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    raws, problems, _ = explain_inputs(corpus / "e.jsonl")
    assert len(raws) == 2 and [str(p) for p in problems] == [
        "e.jsonl: the row at line 2: not a JSON object on one line: skipped; fix or remove it"]


def test_an_exports_dates_do_not_depend_on_the_chunk_size(tmp_path, shared_data):
    """An ambiguous date early in an export, settled by a day-first date later: the same day
    whether the build streams the export 100 rows at a time or in one pass."""
    from framing.ingest import iter_corpus

    corpus = _corpus(tmp_path)
    rows = _allsides_rows(shared_data, 300)
    days = ["05/04/2021"] + ["2021-10-18"] * 298 + ["25/12/2021"]
    (corpus / "e.jsonl").write_text("".join(json.dumps({"text": r["text"], "outlet": r["outlet"], "published": d})
                                            + "\n" for r, d in zip(rows, days)), encoding="utf-8")
    dated = {}
    for size in (None, 100, 7):
        articles = [a for chunk, _ in iter_corpus(corpus, chunk_size=size) for a in chunk]
        dated[size] = [a.given.get("published") for a in articles]
    assert dated[None][0] == "2021-04-05" and dated[None][-1] == "2021-12-25"
    assert dated[100] == dated[7] == dated[None]


def test_markdown_articles_are_read_as_their_reader_sees_them(tmp_path, shared_data):
    """Regression: a .md article kept its marks: the title read '# Louisiana…', the byline
    '*By …*', and sentences carried '[words](https://…)' and '**bold**' into every table. Marks
    are now removed line by line, so raw line numbers still point into the file."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][700:703]
    corpus = _corpus(tmp_path)
    for number, row in enumerate(rows):
        words = row["text"].split(" ")
        words[5], words[12] = f"[{words[5]}](https://example.com/a_(b))", f"**{words[12]}**"
        body = " ".join(words).replace(" the ", r" \*the\* ", 1)
        (corpus / f"a{number}.md").write_text(f"# {row['title']}\n\n*By Jane Doe*\n\n---\n\n{body}\n\n"
                                               "![a photo](photo.jpg)\n", encoding="utf-8")
    build = build_tables(corpus)
    titles = build.articles["title"].dropna()
    assert len(titles) >= 2 and titles.isin([row["title"] for row in rows]).all()  # no '# ' kept
    assert (build.articles["author"] == "Jane Doe").all()
    text = " ".join(build.sentences["text"])
    assert not any(mark in text for mark in ("](", "**", "https://", "photo.jpg", "# ")) and "*the*" in text
    assert set(build.sentences.groupby("article_id")["line_start"].min()) == {1}  # the title's line
    assert set(build.removed["line"]) <= {5, 9, 11}  # the rule and the image's line, if anything


def test_a_markdown_byline_signed_with_the_site_gives_author_and_outlet(tmp_path, shared_data):
    """Regression: a .md file's "By X | Daily Beast" gave no outlet, and with Markdown's hard line
    break (a backslash ending the line) the outlet read "Daily Beast\\". The byline gives the author
    and, where nothing else names the site, the outlet; the manifest's outlet still wins."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][710:713]
    corpus = _corpus(tmp_path)
    for number, (row, byline) in enumerate(zip(rows, ("By Jane Doe | Daily Beast", "*By Jane Doe* | Daily Beast\\",
                                                       "- By Jane Doe | Daily Beast"))):
        (corpus / f"a{number}.md").write_text(f"# {row['title']}\n\n{byline}\nUpdated Nov. 19, 2019 4:12AM ET\n\n"
                                               f"{row['text']}\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,outlet\na2.md,The Daily Beast\n", encoding="utf-8")
    build = build_tables(corpus)
    assert list(build.articles["author"]) == ["Jane Doe"] * 3
    assert list(build.articles["outlet_inferred"].fillna("")) == ["Daily Beast", "Daily Beast", ""]
    # the pages have no url; their name is the manifest's for the same outlet, written with "The"
    assert list(build.articles["outlet"]) == ["The Daily Beast"] * 3


def test_export_columns_named_as_export_tools_name_them_are_read(tmp_path, shared_data):
    """Regression: a Media Cloud-style export (`media_name`, `publish_date`) got every row's outlet
    from the file name ("export row 3"), so all its outlets were compared as one. The usual other
    names of the fields are read when the field's own column is absent, and kept in `extra` too."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][800:806]
    corpus = _corpus(tmp_path)
    table = pd.DataFrame({"id": range(len(rows)), "publish_date": [r["date"] for r in rows],
                          "headline": [r["title"] for r in rows], "media_name": [r["outlet"] for r in rows],
                          "text": [r["text"] for r in rows]})
    table.to_csv(corpus / "export.csv", index=False)
    other = _corpus(tmp_path, "own-column")
    table.assign(outlet="My label").to_csv(other / "labelled.csv", index=False)
    articles, problems = read_corpus(corpus)
    mine = [a for a in articles if a.source_file == "export.csv"]
    assert [a.given["outlet"] for a in mine] == [r["outlet"] for r in rows]
    assert [a.given["title"] for a in mine] == [r["title"] for r in rows]
    assert [a.given["published"] for a in mine] == [r["date"] for r in rows]
    assert all(json.loads(json.dumps(a.extra))["media_name"] == a.given["outlet"] for a in mine)
    assert not [p for p in problems if "no outlet" in p.message]
    labelled = read_corpus(other)[0]
    assert len(labelled) == len(rows) and {a.given["outlet"] for a in labelled} == {"My label"}


def test_an_export_naming_its_text_body_and_its_outlet_source_is_read(tmp_path, shared_data):
    """Regression: a CSV whose text column was headed `Body` was skipped whole ("has no 'text'
    column"), and one whose outlets were under `source` gave every row its own outlet ("export row
    3"). `body`, `content`… name the text, `source` the outlet (a news API's `{"name": …}` object
    too) and `link` the address when the export has no column of the field's own name."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][810:816]
    corpus = _corpus(tmp_path)
    table = pd.DataFrame({"Event": [r["event_id"] for r in rows], "source": [r["outlet"] for r in rows],
                          "headline": [r["title"] for r in rows], "Body": [r["text"] for r in rows],
                          "Link": [r["url"] for r in rows], "rating": [r["allsides_rating"] for r in rows]})
    table.to_csv(corpus / "export.csv", index=False, lineterminator="\r\n")
    api = _corpus(tmp_path, "api")
    with (api / "api.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps({"source": {"id": None, "name": r["outlet"]}, "title": r["title"],
                                  "content": r["text"], "url": r["url"]}) + "\n")
    articles, problems = read_corpus(corpus)
    from_api, api_problems = read_corpus(api)
    assert not problems and not api_problems
    for mine in (articles, from_api):
        assert [a.given["outlet"] for a in mine] == [r["outlet"] for r in rows]
        assert [a.given["url"] for a in mine] == [r["url"] for r in rows]
        assert [a.text for a in mine] == [r["text"].strip() for r in rows]
    csv_rows = articles
    assert [a.given["event"] for a in csv_rows] == [r["event_id"] for r in rows]
    assert all("Body" not in a.extra and a.extra["rating"] for a in csv_rows)


def test_a_json_lines_text_given_as_a_list_of_paragraphs_is_the_article(tmp_path, shared_data):
    """A JSON-lines export whose `text` is a list of the article's paragraphs (as scrapers often
    write it) is read as those paragraphs, not reported as having no text."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")][:5]
    corpus = _corpus(tmp_path)
    with (corpus / "export.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            paragraphs = [p for p in row["text"].split("\n") if p.strip()]
            out.write(json.dumps({"outlet": row["outlet"], "text": paragraphs}) + "\n")
        out.write(json.dumps({"outlet": "X", "text": [{"not": "text"}]}) + "\n")
    articles, problems = read_corpus(corpus)
    assert [a.text.split() for a in articles] == [r["text"].split() for r in rows]
    assert [m for m in _messages(problems, "export.jsonl") if "row 6 has no text" in m]


def test_a_skipped_copy_says_which_copy_was_kept_and_what_of_its_metadata_is_lost(tmp_path, shared_data):
    """Regression: an AllSides article pasted as a page (`a-page.txt`) and the same text as a row of
    an export naming its outlet and event: the page, first by file name, was kept and the row
    skipped with "delete one of the two", so the outlet and event were silently lost. The warning
    now says which copy was kept, which of the skipped copy's values are not in the tables, and the fix."""
    import json

    row = json.loads((shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8").readline())
    corpus = _corpus(tmp_path)
    (corpus / "a-page.txt").write_text(row["text"], encoding="utf-8")
    (corpus / "export.jsonl").write_text(json.dumps({"text": row["text"], "outlet": row["outlet"],
                                                     "event": str(row["event_id"])}) + "\n", encoding="utf-8")
    (corpus / "b-copy.txt").write_text(row["text"], encoding="utf-8")  # a copy naming nothing loses nothing
    build = build_tables(corpus)
    assert list(build.articles["source_file"]) == ["a-page.txt"]
    [message] = _messages(build.problems, "export.jsonl row 1")
    assert "same article as a-page.txt, which is kept (the copy read first)" in message
    assert f"the outlet {row['outlet']!r} and event {str(row['event_id'])!r} given to this copy are not in the tables" in message
    assert "give them to a-page.txt in manifest.csv, or delete a-page.txt" in message
    [plain] = _messages(build.problems, "b-copy.txt")
    assert plain.endswith("skipped; delete one of the two")


def test_a_json_array_of_articles_is_read_like_json_lines(tmp_path, shared_data):
    """A `.json` file holding an array of article objects (a common export shape) was refused as an
    unknown extension. Its items are read as JSON lines' rows are: same columns, same rules, each
    `source_record` its 1-based place in the array; an item that is no object is named."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(4))]
    as_lines, as_array = _corpus(tmp_path, "lines"), _corpus(tmp_path, "array")
    (as_lines / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (as_array / "export.json").write_text(json.dumps(rows[:2] + ["not an article"] + rows[2:], indent=2),
                                          encoding="utf-8")
    lines, array = build_tables(as_lines), build_tables(as_array)
    columns = ["outlet", "title", "url", "n_sentences", "n_words"]
    pd.testing.assert_frame_equal(lines.articles[columns], array.articles[columns])
    assert list(array.articles["source_record"]) == [1, 2, 4, 5]
    assert list(lines.sentences["text"]) == list(array.sentences["text"])
    assert [p.message for p in array.problems] == [
        "item 3 of its JSON array is not an object (one article's fields in {…}): skipped; fix or remove them"]


def test_a_json_array_cut_short_keeps_the_items_before(tmp_path, shared_data):
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(3))]
    corpus = _corpus(tmp_path)
    text = json.dumps(rows, ensure_ascii=False)
    (corpus / "export.json").write_text(text[:text.index(rows[2]["text"][:40])], encoding="utf-8")
    build = build_tables(corpus)
    assert len(build.articles) == 2
    assert any(p.file == "export.json" and "item 3" in p.message and "cut short" in p.message
               for p in build.problems)


def test_a_json_object_holding_the_articles_is_read(tmp_path, shared_data):
    """A news API's answer saved as .json (`{"status": "ok", "articles": [...]}`) and one article
    pretty-printed are read; JSON lines saved as .json are read line by line as before, and an
    object with no article names its fields."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(6))]
    corpus = _corpus(tmp_path)
    (corpus / "api.json").write_text(json.dumps({"status": "ok", "totalResults": 2, "articles": rows[:2]},
                                                indent=2), encoding="utf-8")
    (corpus / "one.json").write_text(json.dumps(rows[2], indent=2), encoding="utf-8")
    (corpus / "lines.json").write_text("".join(json.dumps(r) + "\n" for r in rows[3:]), encoding="utf-8")
    (corpus / "query.json").write_text(json.dumps({"query": "harbour", "count": 0}, indent=2), encoding="utf-8")
    build = build_tables(corpus)
    read = build.articles.groupby("source_file")["source_record"].apply(list).to_dict()
    assert read == {"api.json": [1, 2], "one.json": [1], "lines.json": [1, 2, 3]}
    assert list(build.articles.set_index("source_file").loc["api.json", "title"]) == [r["title"] for r in rows[:2]]
    [problem] = [p.message for p in build.problems if p.file == "query.json"]
    assert "has no 'text' field" in problem and "'query'" in problem


def test_export_fields_named_in_camel_case_or_as_publications_name_them_are_read(tmp_path, shared_data):
    """Regression: a news API's answer (`publishedAt`) and a CSV with `Publication` and `pubdate`
    columns gave no date and every row its file as outlet, without a word. Field names written in
    camel case are compared word by word, and `publication`, `pubdate` are other names of the
    outlet and the date."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "narrative-frames-dev" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(4))]
    corpus = _corpus(tmp_path)
    answer = {"status": "ok", "articles": [
        {"source": {"id": None, "name": r["outlet"]}, "title": r["text"][:50], "publishedAt": f"{r['date']}T09:00:00Z",
         "urlToImage": None, "content": r["text"]} for r in rows[:2]]}
    (corpus / "api.json").write_text(json.dumps(answer), encoding="utf-8")
    pd.DataFrame({"Publication": [r["outlet"] for r in rows[2:]], "pubdate": [r["date"] for r in rows[2:]],
                  "articleText": [r["text"] for r in rows[2:]]}).to_csv(corpus / "export.csv", index=False)
    build = build_tables(corpus)
    got = build.articles.sort_values(["source_file", "source_record"])
    assert list(got["outlet"]) == [r["outlet"] for r in rows]
    assert [str(d.date()) for d in got["published"]] == [r["date"] for r in rows]


def test_an_export_whose_columns_give_no_outlet_names_the_columns_to_rename(tmp_path, shared_data):
    """An export whose outlets are under a name framing does not know ("Newspaper") is still read,
    and one line names the file, the field it misses and the columns that were read as nothing,
    so the user knows which to rename."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "narrative-frames-dev" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(3))]
    corpus = _corpus(tmp_path)
    table = pd.DataFrame({"story_id": [r["article_id"] for r in rows], "Newspaper": [r["outlet"] for r in rows],
                          "headline": [r["text"][:40] for r in rows], "date": [r["date"] for r in rows],
                          "body": [r["text"] for r in rows]})
    table.to_csv(corpus / "mine.csv", index=False)
    table.rename(columns={"Newspaper": "outlet"}).to_csv(_corpus(tmp_path, "named") / "mine.csv", index=False)
    build = build_tables(corpus)
    assert len(build.articles) == 3
    [note] = [m for m in _messages(build.problems, "mine.csv") if "no column gives" in m]
    assert "the outlet" in note and "'story_id', 'Newspaper'" in note and "rename it 'outlet'" in note
    assert "headline" not in note and "body" not in note
    assert not [p for p in build_tables(tmp_path / "named").problems if "no column gives" in p.message]


def test_a_near_duplicate_export_row_is_told_to_take_its_outlet_from_the_export(tmp_path, shared_data):
    """Regression: two rows of one export, nearly the same text, were told to "give them different
    outlets in manifest.csv", which names files, not rows; the fix for rows is the export's own
    outlet column (for files, the manifest still)."""
    row = json.loads(next((shared_data / "narrative-frames-dev" / "articles.jsonl").open(encoding="utf-8")))
    corpus = _corpus(tmp_path)
    pd.DataFrame({"outlet": [row["outlet"]] * 2,
                  "text": [row["text"], row["text"].replace(" the ", " teh ", 1)]}).to_csv(corpus / "e.csv", index=False)
    files = _corpus(tmp_path, "files")
    (files / "a.txt").write_text(row["text"], encoding="utf-8")
    (files / "b.txt").write_text(row["text"].replace(" the ", " a ", 1), encoding="utf-8")
    [row_note] = [p.message for p in build_tables(corpus).problems if p.file == "e.csv row 2"]
    assert row_note.endswith("give them different outlets in the export's 'outlet' column if both are wanted")
    [file_note] = [p.message for p in build_tables(files).problems if p.file == "b.txt"]
    assert file_note.endswith("give them different outlets in manifest.csv if both are wanted")


def test_an_export_text_written_as_html_is_read_as_the_text_it_shows(tmp_path, shared_data):
    """Regression: a JSON-lines export whose `content` was HTML, as feeds and content systems give
    it ("<p>…</p><p>…</p>"), kept the tags in its sentences ("<p>Cyclone Kenneth struck …</p><p>The
    storm …"), one sentence running over paragraphs. Its markup is read as a saved page's is: each
    paragraph its own, entities decoded, and one warning names the rows. Prose that names a tag
    once is left as it is."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "narrative-frames-dev" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(3))]
    paragraphs = [[p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", r["text"]) if p.strip()][:5] for r in rows]
    corpus = _corpus(tmp_path)
    with (corpus / "feed.jsonl").open("w", encoding="utf-8") as out:
        for row, parts in zip(rows[:2], paragraphs):
            html = "".join(f"<p>{p.replace('&', '&amp;')}</p>\n" for p in parts[:-1]) + f"{parts[-1]}<br/>"
            out.write(json.dumps({"outlet": row["outlet"], "content": html}) + "\n")
        plain = "A reader asked what the <p> tag does in a page. " + rows[2]["text"]
        out.write(json.dumps({"outlet": rows[2]["outlet"], "content": plain}) + "\n")
    build = build_tables(corpus)
    sentences = build.sentences
    assert not sentences[sentences["article_id"].isin(build.articles["article_id"][:2])]["text"].str.contains("<").any()
    first = build.articles["article_id"].iloc[0]
    assert sentences.loc[sentences["article_id"] == first, "paragraph_id"].nunique() == len(paragraphs[0])
    assert sentences["text"].str.contains("the <p> tag", regex=False).any()
    assert _messages(build.problems, "feed.jsonl") == [
        "rows 1, 2: text written as HTML (<p>, <br>…): read as the text the markup shows"]


def test_a_manifest_line_naming_a_folder_describes_every_file_in_it(tmp_path, shared_data):
    """A corpus kept in a folder per outlet (cnn/…, fox/…) of pages that name no outlet: a manifest
    line naming the folder ("cnn/" or "fox") gives its values to every file in it, a file's own line
    wins cell by cell, and such a line is no missing file. Without the manifest, the warning of a
    file in a subfolder says a line naming its folder would do."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "allsides-roundups" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(4))]
    corpus = _corpus(tmp_path)
    for folder, part in (("cnn", rows[:2]), ("fox", rows[2:])):
        (corpus / folder).mkdir()
        for i, row in enumerate(part):
            (corpus / folder / f"story{i}.txt").write_text(row["text"], encoding="utf-8")
    unnamed = build_tables(corpus)
    [told] = [p for p in unnamed.problems if p.message.startswith("no outlet")]  # one warning for the four files, whole
    assert told.file == "cnn/story0.txt, cnn/story1.txt, fox/story0.txt, fox/story1.txt"
    assert told.message.startswith("no outlet named in the text or manifest") and told.message.endswith(
        "(or a line naming its folder, 'cnn/', to give it to every file in it), and alike for each of the others")
    (corpus / "manifest.csv").write_text("file,outlet,event\ncnn/,CNN,storm\nfox,Fox News,storm\n"
                                         "fox/story1.txt,Fox News Opinion,\n", encoding="utf-8")
    build = build_tables(corpus)
    got = build.articles.set_index("source_file")
    assert got["outlet"].to_dict() == {"cnn/story0.txt": "CNN", "cnn/story1.txt": "CNN",
                                       "fox/story0.txt": "Fox News", "fox/story1.txt": "Fox News Opinion"}
    assert set(got["event"]) == {"storm"}
    assert not [p for p in build.problems if p.file == "manifest.csv" or "no outlet" in p.message]


def test_a_news_api_text_cut_short_is_named_and_its_marker_is_no_word(tmp_path, shared_data):
    """Regression: a news API's answer whose `content` is the first 200 characters of each article
    followed by "… [+3412 chars]" (NewsAPI's free answers) was read as whole articles, the marker a
    sentence of its own ("[+3412 chars]"), without a word that the texts were cut short. The marker
    is taken off and one warning names the rows and the fix."""
    rows = [json.loads(line) for line, _ in zip((shared_data / "narrative-frames-dev" / "articles.jsonl")
                                                 .open(encoding="utf-8"), range(3))]
    corpus = _corpus(tmp_path)
    answer = {"status": "ok", "articles": [
        {"source": {"id": None, "name": r["outlet"]}, "url": f"https://example.com/{i}",
         "content": r["text"][:200] + f"… [+{len(r['text']) - 200} chars]"} for i, r in enumerate(rows[:2])]
        + [{"source": {"id": None, "name": rows[2]["outlet"]}, "content": rows[2]["text"]}]}
    (corpus / "answer.json").write_text(json.dumps(answer), encoding="utf-8")
    build = build_tables(corpus)
    assert not build.sentences["text"].str.contains(r"\[\+\d+ chars", regex=True).any()
    assert list(build.articles["n_words"])[2] > 3 * max(list(build.articles["n_words"])[:2])
    assert _messages(build.problems, "answer.json") == [
        "rows 1, 2: text cut short by the service it came from (it ends '[+N chars]'): only its first part "
        "is read, so get the articles' full text (from their url) to analyse what they say"]


def test_an_export_names_a_column_that_may_hold_its_events(tmp_path, shared_data):
    """A multi-event export whose events are in a `Story` column (not a name framing reads as the
    event) would be compared as one story: the build names the column with the fix. A column with a
    value per row (an article id) groups nothing, and an export with an `event` column is read as is."""
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(6))]  # two events, three articles each
    corpus = _corpus(tmp_path)
    mine, theirs = rows[1:4], rows[:1] + rows[4:]
    pd.DataFrame({"outlet": [r["outlet"] for r in mine], "text": [r["text"] for r in mine],
                  "Story": [r["event_id"] for r in mine], "story_id": ["a1", "a2", "a3"]}
                 ).to_csv(corpus / "mine.csv", index=False)
    pd.DataFrame({"outlet": [r["outlet"] for r in theirs], "text": [r["text"] for r in theirs],
                  "event": [r["event_id"] for r in theirs], "topic": ["politics"] * 3}
                 ).to_csv(corpus / "theirs.csv", index=False)
    build = build_tables(corpus)
    assert len(build.articles) == 6
    assert [m for m in _messages(build.problems, "mine.csv") if "event" in m] == [
        "every row takes the event 'c', while its column 'Story' groups the rows into 2: if it names each "
        "article's event, rename it 'event', or the rows are compared as one story"]
    assert not [m for m in _messages(build.problems, "theirs.csv") if "event" in m]


def test_an_export_says_which_column_gave_each_field_and_names_a_title_column_left_unread(tmp_path, shared_data):
    """A user's export titled in a `Heading` column, and one with a `Subject` beside its `title`:
    the first's titles are read from `Heading` (they were kept in `extra` only, every title empty,
    without a word); each export's build says once which column gave the text, title, outlet and
    date, and the `Subject` left unread is named with the fix."""
    with (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line, _ in zip(lines, range(4))]
    corpus = _corpus(tmp_path)
    pd.DataFrame({"Heading": [r["title"] for r in rows[:2]], "media_name": [r["outlet"] for r in rows[:2]],
                  "Body": [r["text"] for r in rows[:2]]}).to_csv(corpus / "mine.csv", index=False)
    pd.DataFrame({"title": [r["title"] for r in rows[2:]], "Subject": ["Politics"] * 2,
                  "outlet": [r["outlet"] for r in rows[2:]], "text": [r["text"] for r in rows[2:]]}
                 ).to_csv(corpus / "theirs.csv", index=False)
    build = build_tables(corpus)
    titles = build.articles.set_index("source_file")["title"]
    assert list(titles["mine.csv"]) == [r["title"] for r in rows[:2]]
    assert [str(note) for note in build.notes] == [
        "mine.csv: columns read: text ← 'Body', title ← 'Heading', outlet ← 'media_name'; no column gives the date",
        "theirs.csv: columns read: text ← 'text', title ← 'title', outlet ← 'outlet'; no column gives the date"]
    assert _messages(build.problems, "theirs.csv") == [
        "the column 'Subject' reads as a title but is not read as one (the title is read from 'title'; 'Subject' "
        "is kept in the articles' 'extra' only): if it holds the articles' titles instead, rename it 'title' and "
        "give 'title' another name"]
    assert not _messages(build.problems, "mine.csv")


def test_an_article_column_of_a_spreadsheet_or_a_crawler_is_the_text(tmp_path, shared_data):
    """A spreadsheet made by hand ("Outlet, Headline, Article"), schema.org's `articleBody` and
    news-please's `maintext` were exports skipped as having no text. Each is read as the text; a
    page whose first line is a menu holding the word "Article" is still a page."""
    rows = _allsides_rows(shared_data, 6)
    corpus = _corpus(tmp_path)
    pd.DataFrame({"Outlet": [r["outlet"] for r in rows[:3]], "Headline": [r["title"] for r in rows[:3]],
                  "Article": [r["text"] for r in rows[:3]]}).to_csv(corpus / "sheet.csv", index=False)
    (corpus / "schema.jsonl").write_text(json.dumps({"headline": rows[3]["title"], "articleBody": rows[3]["text"],
                                                     "publisher": rows[3]["outlet"]}) + "\n", encoding="utf-8")
    (corpus / "crawl.json").write_text(json.dumps({"title": rows[4]["title"], "maintext": rows[4]["text"],
                                                   "url": rows[4]["url"]}), encoding="utf-8")
    (corpus / "page.txt").write_text("Article | Comments\n\n" + rows[5]["title"] + "\n\n" + rows[5]["text"] + "\n",
                                     encoding="utf-8")
    articles, problems = read_corpus(corpus)
    assert problems == [], [str(p) for p in problems]
    sheet = [a for a in articles if a.source_file == "sheet.csv"]
    assert [(a.given["outlet"], a.given["title"], a.text) for a in sheet] == \
        [(r["outlet"], r["title"], r["text"].strip()) for r in rows[:3]]
    read = {a.source_file: a for a in articles}
    assert (read["schema.jsonl"].format, read["schema.jsonl"].text) == ("jsonl", rows[3]["text"].strip())
    assert read["crawl.json"].text == rows[4]["text"].strip()
    assert read["page.txt"].format == "text" and read["page.txt"].text.startswith("Article | Comments")
