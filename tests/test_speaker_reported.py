"""Reporting verbs 1.58: the speaker of a quote that a source reports (a paper that "reported" it, or "according
to" one) is the person whose verb of saying governs it ("“…!” said journalist April Ryan …, the New York Post
reported"; "Owens did introduce …, according to The Washington Post, by saying, “…”"), and a quote standing alone
goes on with the speaker of the nearest attribution before it. Real text: seen quotes of the hand-labelled
samples (their excerpts read from ../shared/data); the sentences written here are marked so."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import framing as fr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_sources import predicted_speaker, same_speaker, sample_table  # noqa: E402
from quote_samples import read_samples  # noqa: E402

NEWS = Path(__file__).parent / "fixtures" / "quotes_news_sample.jsonl"


def _labelled(shared_data: Path, keys: set[tuple[str, str]]) -> list[dict]:
    """The news sample's rows of (split, article id) `keys`, with their excerpts."""
    items = [item for item in read_samples(NEWS, shared_data) if (item["split"], item["article_id"]) in keys]
    assert len(items) == len(keys)
    return items


def _speakers(*texts: str) -> list:
    table = pd.DataFrame({"article_id": "a", "sentence_id": range(len(texts)), "outlet": "A", "event": "e",
                          "kind": "body", "position": 0.0, "text": list(texts)})
    return [None if pd.isna(s) else s for s in fr.extract_quotes(table)["speaker"]]


def test_the_lexicon_is_version_1_58_or_later():
    assert tuple(map(int, fr.load_data("reporting_verbs")["version"].split("."))) >= (1, 58)


# the seen quotes a source reports: blind23 (April Ryan), blind24 (Owens), blind25 (Robinzine, Viganò), blind21 (Nance)
REPORTED = {("blind23", "polusa_v1_4573752_-1_3_White House press secretary Sarah Huckabee Sanders_133_140"),
            ("blind24", "polusa_v1_59612098_-1_20_Candace_37_40"),
            ("blind25", "polusa_v1_4312685_-1_6_the Chicago Tribune_14_33"),
            ("blind25", "polusa_v1_3904698_-1_9_Pope Francis_83_90"),
            ("blind21", "allsides_371_149_22_Bergdahl_301_309")}


def test_a_source_that_reports_a_persons_saying_is_not_the_speaker(shared_data):
    for item in _labelled(shared_data, REPORTED):
        found, speaker = predicted_speaker(fr.extract_quotes(sample_table(item)), item)
        assert found and same_speaker(item["speaker"], speaker), (item["speaker"], speaker)


@pytest.mark.parametrize("text, speaker", [  # written for this test
    ("“It is over!” said journalist April Ryan, the Daily Star reported.", "April Ryan"),
    ("“It is over,” June Smith said.", "June Smith"),
    ("In April, the mayor said the plan was “dead.”", "mayor"),
    ("The Times reported that the judge was willing: “I will consider it,” the judge, Col. Jane Roe, said.", "Jane Roe"),
    ("Jane Roe was angry, claiming that the board “lied to us,” the Globe reported.", "Jane Roe"),
    ("According to the Globe, Jane Roe opened the rally by saying, “We will win.”", "Jane Roe"),
])
def test_the_person_whose_verb_governs_the_quote_speaks(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [  # written for this test: the source is the speaker when no one else is
    ("The plan is “dead,” the Globe reported.", "Globe"),
    ("According to the Globe, the plan is “dead.”", "Globe"),
])
def test_a_source_naming_no_other_speaker_stays_the_speaker(text, speaker):
    assert _speakers(text) == [speaker]


# seen quotes standing alone after a sentence whose last quote has its own attribution (narrative-frames-dev's
# stray quotation marks join that sentence to the one before): blind30 (Kirin Kennedy), blind31 (Michael Hansen)
CARRIED = {("blind30", "437"), ("blind31", "687")}


def test_a_quote_standing_alone_goes_on_with_the_nearest_attribution(shared_data):
    for item in _labelled(shared_data, CARRIED):
        quotes = fr.extract_quotes(sample_table(item))
        found, speaker = predicted_speaker(quotes, item)
        assert found and same_speaker(item["speaker"], speaker), (item["speaker"], speaker)
        row = quotes[(quotes["sentence_id"] == item["sentence_id"]) & (quotes["quote"] == item["quote"])].iloc[0]
        assert row["pattern"] == "continued"


def test_the_last_named_speaker_of_a_sentence_goes_on():  # written for this test
    assert _speakers("“We will fight,” Jane Roe said, and “we will win,” added John Doe.",
                     "“The vote is next week.”") == ["Jane Roe", "John Doe", "John Doe"]
