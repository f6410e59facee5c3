"""The cleaning audit (notebook 01's corpus summaries) on small tables and the seed corpus."""
import pandas as pd
import pytest

from framing import audit
from framing.display import show_article

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3"], "outlet": ["Left Post", "Right Daily", "Left Post"],
    "title": ["NATO door shut", None, "Allies alarmed"], "source_file": ["a.txt", "b.txt", "c.txt"],
    "n_sentences": [3, 1, 2], "n_words": [40, 12, 30],
    "warnings": ["", "no date found; add a 'published' to manifest.csv", None]})
SENTENCES = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a2", "a3", "a3"], "sentence_id": [0, 1, 2, 0, 0, 1],
    "kind": ["headline", "body", "body", "headline", "headline", "body"],
    "text": ["NATO door shut", "Hegseth spoke.", "Allies winced.", "Talks", "Allies alarmed", "Paris met."],
    "n_words": [3, 2, 2, 1, 2, 2],
    "line_start": [2, 4, 4, 1, 1, 3], "line_end": [2, 5, 5, 1, 1, 3]})
REMOVED = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a2", "a3"], "source_file": ["a.txt"] * 3 + ["b.txt", "c.txt"],
    "line": [1, 3, 7, 2, 2], "text": ["• Home", "Share", "• Home", "Login", "Share"],
    "rule": ["menu", "share", "menu", "login", "share"]})


def test_count_articles_per_outlet():
    counts = audit.count_articles_per_outlet(ARTICLES)
    assert counts.to_dict("list") == {"outlet": ["Left Post", "Right Daily"], "n_articles": [2, 1],
                                      "n_sentences": [5, 1], "n_words": [70, 12]}


def test_count_kinds_in_kind_order():
    kinds = audit.count_kinds(SENTENCES)
    assert kinds["kind"].tolist() == ["headline", "body"]
    assert kinds["n_sentences"].tolist() == [3, 3] and kinds["content"].all()


def test_summarise_cleaning_counts_lines_once():
    summary = audit.summarise_cleaning(ARTICLES, SENTENCES, REMOVED)
    # a1: sentences cover lines 2, 4, 5 (two sentences share 4-5); lines 1, 3, 7 removed
    assert summary.loc[0, ["lines_kept", "lines_removed", "share_removed"]].tolist() == [3, 3, 0.5]
    assert summary["lines_kept"].tolist() == [3, 1, 2]
    assert summary["label"].tolist() == ["Left Post: NATO door shut", "Right Daily", "Left Post: Allies alarmed"]


def test_count_removed_by_rule():
    counts = audit.count_removed_by_rule(REMOVED)
    assert counts.to_dict("list") == {"rule": ["menu", "share", "login"], "n_lines": [2, 2, 1],
                                      "n_articles": [1, 2, 1], "share": [0.4, 0.4, 0.2]}
    assert audit.count_removed_by_rule(REMOVED.iloc[:0]).empty


def test_sample_removed_gives_distinct_examples_per_rule():
    sample = audit.sample_removed(REMOVED, per_rule=3)
    assert sorted(sample["rule"]) == ["login", "menu", "share"]  # "• Home" twice counts once
    assert set(sample.columns) == {"rule", "article_id", "source_file", "line", "text"}


def test_articles_with_warnings_keeps_the_whole_message():
    warned = audit.articles_with_warnings(ARTICLES)
    assert warned["article_id"].tolist() == ["a2"]
    assert warned.loc[0, "warnings"].endswith("manifest.csv")


def test_pick_article():
    summary = audit.summarise_cleaning(ARTICLES, SENTENCES, REMOVED)
    assert audit.pick_article(summary) == "a1"
    assert audit.pick_article(summary, article_id="a3") == "a3"
    with pytest.raises(ValueError, match="no article"):
        audit.pick_article(summary, article_id="zz")


def test_trace_article_interleaves_kept_and_dropped_lines():
    lines = audit.trace_article(SENTENCES, REMOVED, article_id="a1")
    assert lines[["line_start", "status", "label"]].values.tolist() == [
        [1, "dropped", "menu"], [2, "kept", "headline"], [3, "dropped", "share"],
        [4, "kept", "body"], [4, "kept", "body"], [7, "dropped", "menu"]]
    page = show_article(lines)
    assert page.count("line-through") == 3 and "dropped: share" in page


def test_seed_corpus_every_removed_rule_is_counted(seed_build):
    counts = audit.count_removed_by_rule(seed_build.removed)
    assert counts["n_lines"].sum() == len(seed_build.removed) > 0
    summary = audit.summarise_cleaning(seed_build.articles, seed_build.sentences, seed_build.removed)
    assert (summary["lines_kept"] > 0).all()
    assert len(summary) == len(seed_build.articles)
