"""Sentence splitting: the Golden Rules, news text from the seeds, and the span contract."""
from __future__ import annotations

import json
import re

import pytest

from framing.segment import punkt_version, sentence_spans, split_sentences

_SPACE = re.compile(r"\s+")

# Golden Rules we do not pass, with the reason. Rule numbers as in the file (`rule_no`).
GOLDEN_XFAIL: dict[int, str] = {}


def _normalise(sentences: list[str]) -> list[str]:
    """The comparison used throughout: runs of white space become one space, ends are stripped."""
    return [_SPACE.sub(" ", sentence).strip() for sentence in sentences]


def _read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_golden_rules(shared_data):
    cases = _read_jsonl(shared_data / "golden-rules" / "english_golden_rules.jsonl")
    assert len(cases) == 48
    failed = {case["rule_no"] for case in cases
              if _normalise(split_sentences(case["text"])) != _normalise(case["expected_sentences"])}
    assert failed == set(GOLDEN_XFAIL)


@pytest.mark.parametrize("text, expected", [
    ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    ("I work for the U.S. Government in Virginia.", ["I work for the U.S. Government in Virginia."]),
    ("Gen. Mark Milley met Sen. Graham on Jan. 5 in Washington, D.C. They talked.",
     ["Gen. Mark Milley met Sen. Graham on Jan. 5 in Washington, D.C.", "They talked."]),
    ("The fund grew to $1.5 billion. Shares rose 3.2 percent.",
     ["The fund grew to $1.5 billion.", "Shares rose 3.2 percent."]),
    ("J. R. R. Tolkien wrote it. He was English.", ["J. R. R. Tolkien wrote it.", "He was English."]),
    ("“Is it over?” she asked. Nobody answered.", ["“Is it over?” she asked.", "Nobody answered."]),
    ("He said “No!” Then he left.", ["He said “No!”", "Then he left."]),
    ("The bill (H.R. 5) passed. It now goes to the Senate.",
     ["The bill (H.R. 5) passed.", "It now goes to the Senate."]),
    ("See No. 10 Downing St. for details.", ["See No. 10 Downing St. for details."]),
    ("The answer was no. He left.", ["The answer was no.", "He left."]),
])
def test_news_cases(text, expected):
    assert split_sentences(text) == expected


def _seed_paragraphs(seeds_dir) -> list[str]:
    lines = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if len(line) > 100]


def test_seed_us_never_ends_a_sentence(seeds_dir):
    sentences = [s for p in _seed_paragraphs(seeds_dir) for s in split_sentences(p)]
    assert sentences
    assert not [s for s in sentences if s.endswith("U.S.")]
    assert any(s.startswith("Secretary of Defense Pete Hegseth outlined the shift in U.S. policy")
               and s.endswith("for Ukraine’s defense.") for s in sentences)


def test_seed_quote_stays_with_its_attribution(seeds_dir):
    sentences = [s for p in _seed_paragraphs(seeds_dir) for s in split_sentences(p)]
    quoted = [s for s in sentences if "“To be clear," in s]
    assert quoted == ["Reaffirming that the U.S. would not send troops to Ukraine, Hegseth stated, "
                      "“To be clear, as part of any security guarantee, there will not be U.S. "
                      "troops deployed to Ukraine.”"]


def test_seed_sentences_table(seed_sentences):
    body = seed_sentences[seed_sentences["kind"] == "body"]
    assert len(body) > 20
    assert not body["text"].str.endswith("U.S.").any()


@pytest.mark.parametrize("text", [
    "", "   ", "No full stop here", "Hello World. My name is Jonas.  ",
    "• 9. The first item • 10. The second item",
    "weakened . . . was that of compounds. . . . The practice was not abandoned. . . .",
    "  (Sent one.) Sent two.\n\nA new paragraph!",
])
def test_spans_cover_every_visible_character(text):
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == split_sentences(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    gaps = [text[e1:s2] for (_, e1), (s2, _) in zip([(0, 0)] + spans, spans + [(len(text), 0)])]
    assert all(not gap.strip() for gap in gaps)


def test_user_parameters_add_an_abbreviation(tmp_path):
    text = "He met Insp. Clouseau. They talked."
    assert split_sentences(text) == ["He met Insp. Clouseau.", "They talked."]
    mine = tmp_path / "my_punkt.toml"
    mine.write_text('version = "test"\nsource = "a test"\n[abbreviations]\nmine = ["blg"]\n'
                    '[collocations]\npairs = []\n[sentence_starters]\nwords = ["they"]\n',
                    encoding="utf-8")
    assert split_sentences("Go to Blg. Seven today.") == ["Go to Blg.", "Seven today."]
    assert split_sentences("Go to Blg. Seven today.", params=mine) == ["Go to Blg. Seven today."]
    assert punkt_version(mine) == "test"
