"""Reporting verbs 1.60: "one" or "another" standing alone for an unnamed person of a group ("“…,” said one.",
"noted another") is an anonymous source; to weigh in (to give one's view) is a verb of saying; and whoever names oneself ("identifies
herself as “…”", "calls himself “…”") says the name. Real text: seen quotes of the hand-labelled
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


def _quotes(*texts: str) -> pd.DataFrame:
    table = pd.DataFrame({"article_id": "a", "sentence_id": range(len(texts)), "outlet": "A", "event": "e",
                          "kind": "body", "position": 0.0, "text": list(texts)})
    return fr.extract_quotes(table)


def test_the_lexicon_is_version_1_59():
    assert fr.load_data("reporting_verbs")["version"] == "1.60"


@pytest.mark.parametrize("texts, speaker", [  # written for this test
    (("Some readers were unhappy.", "“This can't be good news for anyone,” noted another."), "another"),
    (("Some readers were unhappy.", "“Not sure who will last longer,” said one."), "one"),
    (("Several voters spoke after the debate.", "“He won,” one said."), "one"),
])
def test_one_or_another_standing_alone_is_an_unnamed_source(texts, speaker):
    quotes = _quotes(*texts)
    assert quotes["speaker"].tolist() == [speaker] and quotes["is_anonymous"].tolist() == [True]


@pytest.mark.parametrize("text, speaker", [  # written for this test: near readings that name someone else or no one
    ("“He is the one,” said Jane Roe.", "Jane Roe"),
    ("Jane Roe said, “He is the one.”", "Jane Roe"),
    ("“This is a mess,” said one senior aide.", "senior aide"),
])
def test_one_inside_a_quote_or_before_a_noun_is_not_a_speaker_alone(text, speaker):
    quotes = _quotes(text)
    assert quotes["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, speaker", [  # written for this test
    ("“We all miss him so much,” Jane Roe weighed in.", "Jane Roe"),
    ("Jane Roe weighed in, saying the plan “will not work.”", "Jane Roe"),
    ("John Doe weighs in on Twitter: “This is a disgrace.”", "John Doe"),
])
def test_to_weigh_in_reports_a_speakers_words(text, speaker):
    assert _quotes(text)["speaker"].tolist() == [speaker]


# the seen quotes the rules of 1.60 read right: "noted another" (blind31), "said one" (blind30), "Benioff weighed in"
# (blind30) and a NewsMTSC sentence, "Larson identifies himself as" (blind27)
SEEN_1_59 = {("blind31", "305"), ("blind30", "305"), ("blind30", "291a8bf33ee49074f33dcff37544ac40506cae450db83b6cb63f02b9920b51c2"),
             ("blind27", "polusa_v1_4240331_-1_6_\" Larson_0_6")}


def test_the_seen_quotes_of_1_59_on_their_real_text(shared_data):
    items = [item for item in read_samples(NEWS, shared_data) if (item["split"], item["article_id"]) in SEEN_1_59]
    assert len(items) == len(SEEN_1_59)
    for item in items:
        found, speaker = predicted_speaker(fr.extract_quotes(sample_table(item)), item)
        assert found and (same_speaker(item["speaker"], speaker) or (item["speaker"] == "anonymous" == speaker)), \
            (item["speaker"], speaker)


@pytest.mark.parametrize("text, speaker", [  # written for this test
    ("Jane Roe identifies herself as a “proud moderate.”", "Jane Roe"),
    ("Jane Roe calls herself a “proud moderate.”", "Jane Roe"),
    ("John Doe identified himself as “a friend of the family” to the guards.", "John Doe"),
])
def test_who_names_oneself_says_the_name(text, speaker):
    assert _quotes(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text", [  # written for this test: naming someone else in the passive names no speaker
    "The man was identified as “John Doe” by a clerk.",
    "The suspect, identified as “J.D.,” fled.",
])
def test_identified_as_in_the_passive_is_no_speaker(text):
    assert _quotes(text)["speaker"].isna().all()
