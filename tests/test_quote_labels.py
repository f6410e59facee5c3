"""The hand-labelled quote sample and how `benchmarks/bench_sources.py` holds its last batch out."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_sources import BLIND, SAMPLE, SEEN, scored_splits, shows_misses  # noqa: E402

ITEMS = [json.loads(line) for line in SAMPLE.open(encoding="utf-8")]


def test_every_split_of_the_sample_is_seen_or_held_out():
    assert {item["split"] for item in ITEMS} == {*SEEN, BLIND} and BLIND not in SEEN


def test_the_held_out_split_is_scored_only_on_request_and_its_quotes_never_printed():
    assert BLIND not in scored_splits(["bench_sources.py"])
    assert BLIND not in scored_splits(["bench_sources.py", f"--show-{BLIND}", "--agreement"])
    assert BLIND in scored_splits(["bench_sources.py", f"--{BLIND}"])
    assert not shows_misses(BLIND) and not shows_misses("seen")
    assert all(shows_misses(split) for split in SEEN)


def test_each_quote_is_in_its_sentence_and_each_article_in_one_batch():
    for item in ITEMS:
        assert item["quote"] in item["text"].split("\n")[item["sentence_id"]]
    articles = [item["article_id"] for item in ITEMS if item["split"] == BLIND]
    others = {item["article_id"] for item in ITEMS if item["split"] != BLIND}
    assert len(articles) == len(set(articles)) and not set(articles) & others


def test_held_out_labels_are_written_in_their_excerpt():
    """The settled rule labels a speaker as the excerpt writes it (docs/sources.md, rules 2-3), so each
    named label of the batch labelled under it can be found in its text; "anonymous" and none are not names."""
    for item in ITEMS:
        if item["split"] == BLIND and item["speaker"] not in (None, "anonymous"):
            assert item["speaker"] in item["text"].replace("’", "'"), item["speaker"]
