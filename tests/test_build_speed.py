"""The build's fast paths against their reference paths, on real text: each shortcut (clean text
without page evidence, English share per line, paragraphs split once, near-duplicate signatures
remembered between builds, previous rows held in memory) gives exactly what the plain way gives."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from framing import build as build_module
from framing.build import article as build_article, reuse as build_reuse, schema as build_schema
from framing import clean, segment
from framing.ingest import Duplicates, RawArticle, memo_key, read_corpus
from framing.store import RowReader, read_rows


@pytest.fixture(scope="module")
def real_texts(shared_data, seeds_dir) -> list[str]:
    """AllSides excerpts, AEB page dumps and their gold bodies, the seed pages, and a few made
    harder: hard-wrapped, bulleted, numbered, non-Latin, longer than 5,000 characters."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    pages = [json.loads(line) for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")]
    texts = [row["text"] for row in rows if row.get("text")]
    texts += [page["dump_html_text"] for page in pages] + [page["gold_article_body"] for page in pages]
    texts += [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    wrapped = ["\n".join(line[i:i + 60] for i in range(0, len(line), 60)) for line in texts[:200]]
    bulleted = ["\n".join(f"{mark} {line}" for mark, line in zip(["•", "-", "1.", "2)", "*"] * 40, text.split("\n")))
                for text in texts[200:260]]
    foreign = ["Ελληνικά κείμενα για την ΕΕ και τη Σύνοδο. " * 30, "Привет, это новость о выборах. " * 40]
    mixed = [f"{texts[i][:n]}\n{foreign[i % 2][:m]}\n{texts[i + 1][:n]}"  # Latin lines around a foreign one
             for i, (n, m) in enumerate([(60, 200), (400, 60), (200, 500), (600, 50), (150, 330)] * 4)]
    return texts + wrapped + bulleted + mixed + foreign + [texts[0] * 6]


def _english_share_reference(text: str) -> float | None:
    """english_share as written before it tallied lines: one pass over the first 5,000 characters."""
    head = text[:5000]
    letters = sum(map(str.isalpha, head))
    if letters >= 40 and sum(map(str.isalpha, head.encode("ascii", "ignore").decode("ascii"))) < 0.5 * letters:
        return 0.0
    words = clean._WORD.findall(head)
    if len(words) < 20:
        return None
    return clean._function_words(words) / len(words)


def test_english_share_equals_the_one_pass_reference(real_texts):
    for text in real_texts:
        for cut in (len(text), 4999, 5000, 5001, 700):
            assert clean.english_share(text[:cut]) == _english_share_reference(text[:cut])
    assert clean.english_share(real_texts[-3]) == 0.0 and clean.english_share(real_texts[0]) > 0.3
    assert {clean.english_share(text) == 0.0 for text in real_texts[-23:-3]} == {True, False}


def test_clean_text_blocks_are_the_page_blocks(real_texts):
    """`label_clean_text` groups lines with `_text_blocks`, which skips the page evidence: the
    same lines, text and bullet as `_blocks` (and as `_evidence`, the one-block reference)."""
    several = 0
    for text in real_texts:
        light = clean._text_blocks(text)
        full = clean._blocks(text, frozenset())
        assert [(lines, text_, bullet) for lines, text_, bullet in light] == \
            [(block.lines, block.text, block.bullet) for block in full]
        several += sum(len(lines) > 1 for lines, _, _ in light)
    assert several > 100  # hard-wrapped paragraphs were joined


def test_paragraphs_split_once_give_the_spans_of_sentence_spans(real_texts):
    for text in real_texts[:400]:
        for paragraph in text.split("\n\n"):
            expected = [(s, e, build_article.count_words(paragraph[s:e])) for s, e in segment.sentence_spans(paragraph)]
            assert list(build_article._split_counted(paragraph)) == expected


def test_duplicates_given_known_texts_answer_as_without(shared_data):
    """A check seeded with what an earlier check learnt (`met`) gives the same answers and keeps the
    same signatures, without hashing the texts it knows."""
    rows = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")]
    import hashlib

    def raw(text, name, fmt="text"):
        return RawArticle(name, None, fmt, text, "utf-8", hashlib.sha256(text.encode()).hexdigest(), {})

    articles = [raw(row["text"], f"a{i}.txt") for i, row in enumerate(rows) if row.get("text")]
    articles += [raw(a.text.replace(" the ", " a ", 1), f"copy{i}.txt") for i, a in enumerate(articles[:80])]
    articles += [raw(articles[0].text, "page.html", "html"), raw("Too short to sign.", "short.txt")]
    first = Duplicates()
    answers = [answer for start in range(0, len(articles), 200) for answer in first.check_all(articles[start:start + 200])]
    assert set(first.met) == {memo_key(a) for a in articles}
    second, hashed = Duplicates(known=dict(first.met)), []
    second._signatures = lambda texts: hashed.extend(texts) or Duplicates._signatures(second, texts)
    assert [answer for start in range(0, len(articles), 200)
            for answer in second.check_all(articles[start:start + 200])] == answers
    assert hashed == [] and 60 < sum(first is not None for first, _ in answers) < 120
    assert [(w, o, n) for w, o, _, n in first.kept] == [(w, o, n) for w, o, _, n in second.kept]
    assert all((a[2] == b[2]).all() for a, b in zip(first.kept, second.kept))


@pytest.fixture
def export_corpus(tmp_path, shared_data) -> Path:
    corpus = tmp_path / "allsides"
    corpus.mkdir()
    articles = pd.read_json(shared_data / "allsides-roundups" / "articles.jsonl", lines=True)
    articles = articles[["text", "outlet", "title", "url", "event_id"]].head(240)
    articles.to_json(corpus / "export.jsonl", orient="records", lines=True, force_ascii=False)
    return corpus


def _hash_counter(monkeypatch) -> list[int]:
    hashed: list[int] = []
    original = Duplicates._signatures
    monkeypatch.setattr(Duplicates, "_signatures", lambda self, texts: hashed.append(len(texts)) or original(self, texts))
    return hashed


def _same_folder_tables(left: Path, right: Path) -> None:
    for name in ("articles", "sentences", "removed"):
        pd.testing.assert_frame_equal(pd.read_parquet(left / f"{name}.parquet"), pd.read_parquet(right / f"{name}.parquet"))


def test_rebuild_after_adding_an_article_equals_a_fresh_build(export_corpus, tmp_path, seeds_dir, monkeypatch):
    """Adding one article: the rebuild reuses every other article's rows and hashes only the new
    text for the near-duplicate check, and its tables are those of a build from scratch."""
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    first = build_module.build_corpus(export_corpus, out, chunk_size=100)
    assert (out / build_reuse.TEXTS_SEEN).is_file() and first.n_reused == 0
    shutil.copy(next(seeds_dir.glob("000_*.txt")), export_corpus / "added.txt")
    hashed = _hash_counter(monkeypatch)
    again = build_module.build_corpus(export_corpus, out, chunk_size=100)
    assert again.n_reused == len(first.articles) and sum(hashed) == 1
    build_module.build_corpus(export_corpus, fresh, fresh=True, chunk_size=100)
    _same_folder_tables(out, fresh)
    info = [json.loads((folder / "build.json").read_text()) for folder in (out, fresh)]
    assert info[0] == info[1]


def test_a_changed_texts_seen_file_is_not_trusted(export_corpus, tmp_path, monkeypatch):
    """The remembered signatures are read back only when they are the file build.json records and
    were written by the same code: an edited file is ignored and every text hashed again."""
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    first = build_module.build_corpus(export_corpus, out)
    seen = out / build_reuse.TEXTS_SEEN
    table = pq.read_table(seen)
    pq.write_table(table.set_column(3, "signature", table["signature"].take(list(range(len(table)))[::-1])), seen)
    hashed = _hash_counter(monkeypatch)
    again = build_module.build_corpus(export_corpus, out)
    assert sum(hashed) == len(first.articles) and again.n_reused == len(first.articles)
    assert build_reuse.texts_seen(out, version_key=build_module.version_key()) != {}  # rewritten by the rebuild, and trusted again


def test_row_reader_picks_the_rows_read_rows_reads(export_corpus, tmp_path):
    out = tmp_path / "out"
    build_module.build_corpus(export_corpus, out)
    ids = pd.read_parquet(out / "articles.parquet")["article_id"].tolist()
    reader, small = RowReader(out), RowReader(out, max_bytes=0)  # held in memory / read each time
    for batch in (ids[:50], ids[50:], ids[::7], ["no such article"]):
        for name in ("sentences", "removed"):
            expected = read_rows(out, name, batch)
            pd.testing.assert_frame_equal(reader(out, name, batch), expected)
            pd.testing.assert_frame_equal(small(out, name, batch), expected)
    assert set(reader._held) == {"sentences", "removed"} and small._held == {}


def test_page_labels_are_the_labels_of_label_lines(seeds_dir, shared_data):
    pages = [json.loads(line)["dump_html_text"] for line in (shared_data / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")]
    for text in pages[:30] * 2:
        assert build_article._page_labels(text) == clean.label_lines(text)
    raws, _ = read_corpus(seeds_dir)
    assert all(build_article.label_article(raw)[0] == clean.label_lines(raw.text) for raw in raws)


def test_iso_days_parsed_together_are_the_days_parsed_one_by_one():
    """`_dates` parses ISO 8601 days in one call: the same value `_date` gives each, on every day
    of three years (a leap year among them), impossible days, and other forms around them."""
    days = pd.date_range("1999-01-01", "2001-12-31").strftime("%Y-%m-%d").tolist()
    odd = ["2023-02-29", "2024-02-29", "2024-04-31", "2024-06-31", "2024-13-01", "2024-00-10", "2024-01-00",
           "1899-12-31", "2100-01-01", "2024-1-5", " 2024-01-05", "2024-01-05 ", "2024-01-05T10:00:00Z",
           "January 5, 2024", "", "not a date", None]
    values = pd.Series(days + odd + days[:40], dtype=object)
    assert build_schema._dates(values).tolist() == [build_schema._date(value) for value in values]


def test_plain_sentence_ends_are_decided_as_punkt_decides(real_texts, shared_data):
    """The Punkt memo's shortcut for a plain context ("said. The": a word, its period, a space, the
    next word) gives Punkt's own decision on every candidate context of the real texts and the
    Golden Rules, and on contexts made with every listed abbreviation and collocation."""
    tokenizer = segment._rules(segment.DEFAULT_PARAMS).tokenizer
    contexts = set()
    annotated = tokenizer._annotated_break
    tokenizer._annotated_break = lambda text: contexts.add(text) or annotated(text)
    shortcut = tokenizer._candidate_is_break
    tokenizer._candidate_is_break = lambda text: contexts.add(text) or shortcut(text)
    golden = [json.loads(line).get("text") or "" for path in sorted((shared_data / "golden-rules").glob("*.jsonl"))
              for line in path.open(encoding="utf-8") if line.strip()]
    try:
        tokenizer._memo.clear()
        for text in real_texts + golden:
            segment.sentence_spans(text)
    finally:
        del tokenizer._annotated_break, tokenizer._candidate_is_break
        tokenizer._memo.clear()
    words = sorted(tokenizer._params.abbrev_types) + sorted(first for first, _ in tokenizer._params.collocations)
    made = {f"{word}{case}. {after}" for word in words for case in ("", "s") for after in ("The", "5", "i", "he")}
    made |= {f"{word.title()}. {after}" for word in words for after in ("The", "5", "I")}
    plain = [text for text in contexts | made if tokenizer._PLAIN.fullmatch(text)]
    assert len(contexts) > 5000 and len(plain) > 2000
    assert [tokenizer._candidate_is_break(text) for text in sorted(contexts | made)] == \
        [tokenizer._annotated_break(text) for text in sorted(contexts | made)]
    assert {tokenizer._candidate_is_break(text) for text in plain} == {True, False}


def test_words_read_line_by_line_are_the_words_of_the_whole_text(real_texts):
    """`Duplicates._text_words` (each distinct line read once, remembered lines dropped when too
    many) gives the words' CRC-32 and digest that reading the whole text at once gives, on every
    real text, twice (the second time from remembered lines), with a small memory too."""
    import re
    import zlib

    import numpy as np

    from framing.ingest import _words_digest

    texts = real_texts + ["", "\n\n", "Straße ΟΔΟΣ\nΣίσυφος İstanbul\r\nﬁnal ﬂow"]
    wide, small = Duplicates(), Duplicates()
    small.LINES_KEPT = 5000  # characters
    for checker in (wide, wide, small):
        for text in texts:
            words = re.findall(r"\w+", text.casefold())
            ids, digest = checker._text_words(text)
            assert digest == _words_digest(words)
            assert ids.dtype == np.uint64 and ids.tolist() == [zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words]
    assert len(wide._lines) > 1000 and sum(len(line) + 1 for line in small._lines) == small._kept <= 5000


def test_white_space_folded_without_the_regex_as_with_it(real_texts):
    """`_single_spaced` and `_one_space` (no regex when no run of white space is longer than one
    character) give the text of `_SPACE_IN_LINE.sub` and `_SPACE.sub` on real lines and paragraphs
    and on every kind of white space, alone and in runs."""
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) != "\n"]
    odd = [f"a{s}b" for s in spaces] + [f"a{s} b" for s in spaces] + [f"a {s}b\nc{s}{s}d" for s in spaces]
    odd += ["a\u00a0b", "a\u00a0\u00a0b", "a \u00a0b", "\u00a0a\u00a0\nb\u00a0", "soft\u00adhyphen  two"]
    lines = ["\n".join(line.strip() for line in text.splitlines() if line.strip()) for text in real_texts]
    fast = 0
    for text in lines + odd:
        assert clean._single_spaced(text) == clean._SPACE_IN_LINE.sub(" ", text), repr(text[:80])
        assert clean._one_space(text) == clean._SPACE.sub(" ", text), repr(text[:80])
        for paragraph in text.split("\n"):
            assert clean._one_space(paragraph) == clean._SPACE.sub(" ", paragraph), repr(paragraph[:80])
        fast += "  " not in text.replace("\u00a0", " ") and text.replace("\u00a0", " ").replace("\n", "").isprintable()
    assert fast > 500 and sum("\u00a0" in text for text in lines) > 100  # both paths were taken


def test_furniture_rules_tried_by_groups_as_by_their_whole_pattern(real_texts):
    """Each furniture rule's patterns grouped (anchored ones matched at the start, groups whose
    opening words a line lacks skipped: `_matches_rule`) match the lines its whole pattern
    matches, on every line of the page dumps and seeds; the rule remembered per line (`_phrase_rule`) is the
    one `_furniture_rule` finds."""
    rules = clean._furniture()[0]
    gates = clean._rule_gates()
    probes = list(dict.fromkeys(clean._one_space(line).strip(clean._PROBE_STRIP)
                                for text in real_texts if text.count("\n") > 40 for line in text.splitlines()))
    probes = [probe for probe in probes if probe and not clean._FOLDS_TO_ASCII.search(probe)]
    matched = 0
    for probe in probes:
        low = probe.lower()
        for (_, _, pattern), groups in zip(rules, gates.groups):
            expected = pattern.search(probe) is not None
            assert clean._matches_rule(groups, probe, low) == expected, (probe, pattern.pattern[:60])
            matched += expected
    assert matched > 300
    for probe in probes[:3000] * 2:  # the second time from memory
        n_words = len(clean._WORD.findall(probe))
        assert clean._phrase_rule(probe, n_words, rules) == clean._furniture_rule(probe, n_words)


def test_bullets_found_at_line_starts_as_over_the_whole_page(real_texts):
    """`_line_bullets` (the bullet pattern tried only where a line opens with a character that can
    start a bullet) finds the bullets the pattern finds over all the lines of a page at once."""
    from bisect import bisect_right

    odd = ["• one\n- two\n–three\n— four\n1. five\n12) six\n١. seven\n² eight\n3.x\n» nine\n*", "-\n1.\n\u00b7 x"]
    found = 0
    for text in real_texts + odd:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        joined, starts = "\n".join(lines), clean._line_starts(lines)
        expected = {bisect_right(starts, m.start()) - 1: m.group() for m in clean._BULLET_LINES.finditer(joined)}
        assert clean._line_bullets(joined, starts, lines) == expected
        found += len(expected)
    assert found > 400
