"""Quote attribution (reporting verbs 1.48): a body's whole name, a counted crowd, a surname that is a
title word, a body named by "the" and its kind, names with no reported clause, the owner of a speech."""
from __future__ import annotations

import pandas as pd
import pytest

import framing as fr


def _quotes(texts: list[str]) -> pd.DataFrame:
    table = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "sentence_id": 0, "outlet": "A",
                          "event": "e", "kind": "body", "position": 0.0, "text": texts})
    return fr.extract_quotes(table)


def _speaker_of(text: str):
    quotes = _quotes([text])
    assert len(quotes) == 1
    return quotes.loc[0, "speaker"], quotes.loc[0, "speaker_kind"], bool(quotes.loc[0, "is_anonymous"])


@pytest.mark.parametrize("text, speaker", [
    ("The Centers for Disease Control and Prevention said the virus “is spreading fast”.",
     "Centers for Disease Control and Prevention"),
    ("“It is spreading fast,” the Centers for Disease Control and Prevention said.",
     "Centers for Disease Control and Prevention"),
    ("The Centers for Medicare and Medicaid Services said the rule “is final”.",
     "Centers for Medicare and Medicaid Services"),
    ("The Department of Health and Human Services said the rule “is final”.",
     "Department of Health and Human Services"),
])
def test_a_bodys_name_with_two_words_after_for_is_read_whole(text, speaker):
    assert _speaker_of(text)[:2] == (speaker, "organisation")


@pytest.mark.parametrize("text", [
    "“Freedom!” thousands of Cubans chanted in Havana.",
    "Thousands of Cubans chanted “Freedom!”",
    "Tens of thousands of protesters shouted “Shame!”",
])
def test_a_counted_crowd_is_unnamed(text):
    speaker, kind, anonymous = _speaker_of(text)
    assert speaker in ("thousands of Cubans", "tens of thousands of protesters")
    assert kind == "anonymous" and anonymous


@pytest.mark.parametrize("text, speaker", [
    ("Steve King: “I have no regrets.”", "Steve King"),
    ("Jane Roe: “I have no regrets.”", "Jane Roe"),
    ("Mark Judge said he had “no memory” of the party.", "Mark Judge"),
    # after two given names, and with a suffix after it (the speaker was "Jr.")
    ("Martin Luther King Jr. said the time was “always right.”", "Martin Luther King Jr."),
])
def test_a_title_word_after_a_given_name_is_a_surname(text, speaker):
    assert _speaker_of(text)[:2] == (speaker, "person")


def test_a_title_word_before_a_given_name_stays_a_title():
    assert _speaker_of("King Charles said the day was “a joy”.")[0] == "King Charles"


@pytest.mark.parametrize("text, speaker", [
    ("“This is dangerous,” the military said in a statement.", "military"),
    ("The clinic said it was “deeply saddened”.", "clinic"),
    ("The publisher said the book “will stay in print”.", "publisher"),
])
def test_the_and_a_kind_of_body_is_that_body(text, speaker):
    assert _speaker_of(text)[:2] == (speaker, "organisation")


def test_a_clinic_named_before_is_the_clinic():
    quotes = fr.extract_quotes(pd.DataFrame({
        "article_id": "a", "sentence_id": [0, 1], "outlet": "A", "event": "e", "kind": "body",
        "position": [0.0, 1.0], "text": ["The Cleveland Clinic opened a ward on Monday.",
                                         "The clinic said it was “ready for patients”."]}))
    assert list(quotes["speaker"]) == ["Cleveland Clinic"]


@pytest.mark.parametrize("text", [
    "“It was a mistake,” the letter said.",  # a thing is no speaker
    "The military parade was “a show of force”.",
])
def test_a_thing_is_no_body(text):
    assert _quotes([text])["speaker"].isna().all()


def test_names_with_no_clause_report_nothing():
    quotes = _quotes(["Sen. Jane Roe, D-Md., and Sen. John Doe, R-Ky., wrote a letter.",
                      "Sen. Jane Roe, D-Md., said the bill would pass."])
    assert list(quotes["quote"]) == ["the bill would pass."]
    assert list(quotes["speaker"]) == ["Jane Roe"]


def test_the_owner_of_a_speech_speaks_not_whom_it_was_given_to():
    text = "President Joe Biden's address to Congress declared “the state of our union is strong”."
    assert _speaker_of(text)[:2] == ("Joe Biden", "person")


def test_a_verb_with_its_own_subject_after_a_speech_keeps_that_subject():
    text = "Biden's speech to Congress, which critics called “a campaign rally,” ran long."
    assert _speaker_of(text)[0] == "critics"


def test_a_body_after_a_preposition_is_no_subject():
    text = ("The former acting director for the Centers for Disease Control and Prevention said that people "
            "skip their second dose, which “points to the importance of one-shot vaccine.”")
    assert _speaker_of(text)[0] == "director"


def test_a_party_after_a_place_is_no_surname():
    assert _speaker_of("South Carolina Republican Tim Scott called them “empty platitudes.”")[0] == "Tim Scott"
