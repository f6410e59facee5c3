"""The hand-labelled quote samples and how `benchmarks/bench_sources.py` holds their last batches out."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_sources  # noqa: E402
from bench_sources import (BLIND, BLIND6, HELD_OUT, NEWS, SAMPLE, SEEN, scored_groups,  # noqa: E402
                           scored_splits, shows_misses)

ITEMS = [json.loads(line) for line in SAMPLE.open(encoding="utf-8")]
NEWS_ITEMS = [json.loads(line) for line in NEWS.open(encoding="utf-8")]


def test_every_split_of_the_samples_is_seen_or_held_out():
    assert {item["split"] for item in ITEMS} == {*SEEN, BLIND}
    assert {item["split"] for item in NEWS_ITEMS} == {BLIND6}
    assert not set(HELD_OUT) & set(SEEN)


def test_the_held_out_splits_are_scored_only_on_request_and_their_quotes_never_printed():
    for split in HELD_OUT:
        assert split not in scored_splits(["bench_sources.py"])
        assert split not in scored_splits(["bench_sources.py", f"--show-{split}", "--agreement"])
        assert split in scored_splits(["bench_sources.py", f"--{split}"])
        assert not shows_misses(split)
    assert BLIND not in scored_splits(["bench_sources.py", f"--{BLIND6}"])
    assert BLIND6 not in scored_splits(["bench_sources.py", f"--{BLIND}"])
    assert not shows_misses("seen")
    assert all(shows_misses(split) for split in SEEN)


def test_seen_scores_no_held_out_quote_and_blind6_is_scored_per_data_set():
    items = ITEMS + NEWS_ITEMS
    (name, seen), = scored_groups("seen", items)
    assert name == "seen" and len(seen) == sum(item["split"] in SEEN for item in ITEMS)
    assert not any(item["split"] in HELD_OUT for item in seen)
    groups = dict(scored_groups(BLIND6, items))
    assert list(groups) == [BLIND6, f"{BLIND6} aeb-dev", f"{BLIND6} narrative-frames-dev"]
    assert len(groups[BLIND6]) == 80 and all(len(groups[name]) == 40 for name in list(groups)[1:])


def test_a_held_out_run_prints_totals_and_no_held_out_quote(tmp_path, monkeypatch, capsys):
    """The benchmark run with both held-out flags (the seen splits cut to `dev` to keep it short, no
    timing, results written under tmp_path) prints one line per held-out total with its Wilson
    interval, and none of the held-out quotes or labels."""
    monkeypatch.setattr(bench_sources, "SEEN", ("dev",))
    monkeypatch.setattr(bench_sources, "ALLSIDES", tmp_path / "absent.jsonl")
    monkeypatch.setattr(bench_sources, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "argv", ["bench_sources.py", f"--{BLIND}", f"--{BLIND6}"])
    bench_sources.main()
    out = capsys.readouterr().out
    lines = out.splitlines()
    held_out = [line for line in lines if line.split(":")[0].split()[0] in HELD_OUT]
    assert [line.split(":")[0] for line in held_out] == [BLIND, BLIND6, f"{BLIND6} aeb-dev",
                                                         f"{BLIND6} narrative-frames-dev"]
    assert all("Wilson 95 %" in line for line in held_out)
    assert lines[-4:] == held_out  # the last lines: no quote row follows a held-out total
    for item in ITEMS + NEWS_ITEMS:
        if item["split"] in HELD_OUT:
            assert item["quote"][:40] not in out
    written = json.loads((tmp_path / "benchmarks" / "results" / "sources.json").read_text())
    assert all("errors" not in written[name] for name in written if name.split()[0] in HELD_OUT)


def test_each_quote_is_in_its_sentence_and_each_article_in_one_batch():
    for item in ITEMS:
        assert item["quote"] in item["text"].split("\n")[item["sentence_id"]]
    for item in NEWS_ITEMS:  # a quote may open at its sentence's end and close in a later one
        assert item["quote"] in " ".join(item["text"].split("\n")[item["sentence_id"]:])
    for held_out, items in ((BLIND, ITEMS), (BLIND6, NEWS_ITEMS)):
        articles = [(item.get("source"), item["article_id"]) for item in items if item["split"] == held_out]
        others = {(item.get("source"), item["article_id"]) for item in items if item["split"] != held_out}
        assert len(articles) == len(set(articles)) and not set(articles) & others


def test_held_out_labels_are_written_in_their_excerpt():
    """The settled rule labels a speaker as the excerpt writes it (docs/sources.md, rules 2-3), so each
    named label of a batch labelled under it can be found in its text (which holds every sentence
    before the quote, where a speaker's antecedents are); "anonymous" and none are not names."""
    for item in ITEMS + NEWS_ITEMS:
        if item["split"] in HELD_OUT and item["speaker"] not in (None, "anonymous"):
            assert item["speaker"] in item["text"].replace("’", "'"), item["speaker"]


def test_news_quotes_trace_to_their_article(shared_data):
    """Each blind6 row names its data set and article (aeb-dev `page_id`, narrative-frames-dev
    `article_id`), and its stored sentences are that article's text from its start, in order."""
    fields = {"aeb-dev": ("pages.jsonl", "page_id", "gold_article_body"),
              "narrative-frames-dev": ("articles.jsonl", "article_id", "text")}
    for source, (name, id_field, text_field) in fields.items():
        with (shared_data / source / name).open(encoding="utf-8") as lines:
            texts = {row[id_field]: row[text_field] for row in map(json.loads, lines)}
        for item in (item for item in NEWS_ITEMS if item["source"] == source):
            article = " ".join(texts[item["article_id"]].split())
            stored = [" ".join(sentence.split()) for sentence in item["text"].split("\n")]
            assert article.startswith(stored[0]), item["article_id"]
            assert re.search(r"\s*".join(map(re.escape, " ".join(stored).split())), article), item["article_id"]
