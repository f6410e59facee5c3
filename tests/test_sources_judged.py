"""Quote attribution (reporting verbs 1.49): a paper that reported a sentence naming its own speaker, the one
judged for saying the words, a name before a described apposition, a title's period, an office one person holds,
a journalist.
Every sentence is written for these tests."""
from __future__ import annotations

import pandas as pd
import pytest

import framing as fr


def _quotes(texts: list[str]) -> pd.DataFrame:
    table = pd.DataFrame({"article_id": "a", "sentence_id": range(len(texts)), "outlet": "A", "event": "e",
                          "kind": "body", "position": 0.0, "text": texts})
    return fr.extract_quotes(table)


def _speakers(*texts: str) -> list:
    quotes = _quotes(list(texts))
    return [None if pd.isna(s) else s for s in quotes["speaker"]]


def test_the_lexicon_is_version_1_49():
    assert fr.load_data("reporting_verbs")["version"] == "1.49"


@pytest.mark.parametrize("text, speaker", [
    ("Jane Roe said the county is going “right”, Fox News reported Friday.", "Jane Roe"),
    ("Reporter Jane Roe asked Mr. Doe what he thinks is going “right” in the county, Fox News reported Friday.",
     "Jane Roe"),
    ("Jane Roe told the board that the plan was “dead on arrival,” the Boston Globe reported.", "Jane Roe"),
])
def test_a_paper_that_reported_a_speakers_words_is_not_their_speaker(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("The county is going “right”, Fox News reported Friday.", "Fox News"),  # nobody else speaks: the paper
    ("President Jane Roe told the envoy that she expects “calm,” the White House said.", "White House"),  # said, not reported
])
def test_a_report_naming_no_other_speaker_stays_the_sources(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("John Doe criticized Jane Roe for calling the plan “a disaster”.", "Jane Roe"),
    ("The senator ripped Jane Roe for suggesting the mayor cannot be a “moderate”.", "Jane Roe"),
    ("Critics slammed Governor Jane Roe last week for saying the vote was “rigged”.", "Jane Roe"),
    ("Jane Roe was criticized for calling the plan “a disaster”.", "Jane Roe"),  # the passive, as before
])
def test_the_one_judged_for_saying_the_words_said_them(text, speaker):
    assert _speakers(text) == [speaker]


def test_later_quotes_of_a_sentence_go_to_the_one_judged_for_them():
    text = ("John Doe called himself a “fighter,” and ripped Jane Roe for suggesting he cannot be a “moderate” and a "
            "“progressive” at once.")
    assert _speakers(text) == ["John Doe", "Jane Roe", "Jane Roe"]


@pytest.mark.parametrize("text, speaker", [
    ("John Doe criticized Jane Roe for the “disaster” she made.", "John Doe"),  # judged for no saying
    ("“We won,” John Doe said, and he criticized Jane Roe for her “disaster”.", "John Doe"),
])
def test_judging_someone_for_a_thing_gives_them_no_words(text, speaker):
    assert _speakers(text)[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Jane Roe, the woman who Republicans denied a chance to testify, told the convention Mr. Doe “will not stand "
     "up”.", "Jane Roe"),
    ("John Doe, a lawyer whose clients officials criticized last year, told reporters the case was “closed”.",
     "John Doe"),
    ("On Tuesday Jane Roe, the senator who Democrats praised last year, told the crowd the bill was “dead”.",
     "Jane Roe"),  # the day opens a time phrase, no part of the subject
])
def test_a_verb_inside_a_described_apposition_governs_no_quote_after_it(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_titles_period_ends_no_sentence_before_a_quote():
    """"Mr." before a name is no full stop: the attribution before it governs the quote after it."""
    assert _speakers("Jane Roe asked Mr. Doe what he thinks is going “right” in the county, Fox News reported.") == [
        "Jane Roe"]
    assert _speakers("The vote ended. “It is over,” Jane Roe said.") == ["Jane Roe"]


def test_the_pope_is_an_office_one_person_holds():
    assert _speakers("The pope said Friday that the plan was “a disaster”.") == ["pope"]
    assert _speakers("The pontiff said the plan was “a disaster”.") == ["pontiff"]
    assert _speakers("Pope Francis visited Iraq on Friday.",
                     "The pope said the visit was “a pilgrimage”.") == ["Pope Francis"]


@pytest.mark.parametrize("text", [
    "Guardian journalist Jane Roe was more blunt, labelling John Doe a “bigot”.",
    "Left-wing Guardian journalist Jane Roe was more blunt, labelling John Doe a “bigot”.",
])
def test_a_journalist_is_a_role_after_a_papers_name(text):
    assert _speakers(text) == ["Jane Roe"]


def test_a_document_and_its_day_name_nobody():
    """"a statement Thursday afternoon thanking …": the day says when, the document is no person (the quote goes
    to nobody rather than to "statement Thursday afternoon")."""
    text = ("Jane Roe and other leading Democrats issued a statement Thursday afternoon thanking Rep. John Doe for a "
            "statement he issued “clarifying” a tweet.")
    assert _speakers(text) == [None]
