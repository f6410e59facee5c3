"""What kind of speaker a quote has (`framing.sources.speaker_kinds`), on sentences written for each rule."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import framing as fr
from framing.actors import read_rules
from framing.actors.rules import people_of_a_place
from framing.sources.speaker_kinds import _kind


def _kinds(*texts: str) -> dict:
    """{speaker: speaker_kind} of the quotes of one article holding `texts`."""
    sentences = pd.DataFrame({"article_id": "a0", "outlet": "Outlet", "event": "e", "kind": "body",
                              "sentence_id": range(len(texts)), "text": list(texts)})
    quotes = fr.extract_quotes(sentences)
    return dict(zip(quotes["speaker"], quotes["speaker_kind"]))


@pytest.mark.parametrize("text, speaker, kind", [
    # a body's name made of words English writes in lower case is no person's (actors 1.28)
    ("“We have sent 40 trucks of food,” the Red Cross said on Monday.", "Red Cross", "organisation"),
    ("“The law is unconstitutional,” Citizens United said in a statement.", "Citizens United", "organisation"),
    ("“This is a win for voters,” said Common Cause.", "Common Cause", "organisation"),
    ("“The trial was unfair,” Amnesty International said.", "Amnesty International", "organisation"),
    # a person's: a given name or an initial before the surname, or no word English writes in lower case
    ("“We came down to a few points,” Reilly Opelka said.", "Reilly Opelka", "person"),
    ("“It will not stand,” Joel B. Pollak wrote.", "Joel B. Pollak", "person"),
    ("“He has made progress,” said Public Ombudsman Nadia Cruz.", "Public Ombudsman Nadia Cruz", "person"),
    ("“Police alone cannot end it,” said Chris Tang.", "Chris Tang", "person"),
])
def test_capitalised_words_no_actor_reads_are_a_person_only_when_their_words_say_so(text, speaker, kind):
    """Regression (issue 16): "Red Cross", "Citizens United", "Green New Deal", "Gun Violence Archive" were
    persons: two capitalised words the actors step read a name in were a person whatever their words."""
    assert _kinds(text)[speaker] == kind


@pytest.mark.parametrize("text, speaker, kind", [
    # a place's people are a group, not an organisation (actors 1.28)
    ("“We deserve better,” South Dakotans said in a letter to the governor.", "South Dakotans", "group"),
    ("“The subway is late again,” New Yorkers said.", "New Yorkers", "group"),
    # a team named after them is no people
    ("“We will appeal,” the Houston Texans said.", "Houston Texans", "organisation"),
    # an office after a possessive is its one holder, in capitals as in lower case
    ("“The audit is done,” New York City's Comptroller said.", "New York City's Comptroller", "person"),
    ("“The rolls are up to date,” Georgia's Secretary of State said.", "Georgia's Secretary of State", "person"),
])
def test_a_places_people_are_a_group_and_an_office_after_a_possessive_a_person(text, speaker, kind):
    """Regression (issue 16): "South Dakotans" (aeb) was an organisation."""
    assert _kinds(text)[speaker] == kind


@pytest.mark.parametrize("name, people", [
    ("South Dakotans", True), ("New Yorkers", True), ("Texans", True), ("Floridians", True), ("Israelis", True),
    ("Ohioans", True), ("Canadians", True),
    ("Houston Texans", False), ("Democrats", False), ("Williams", False), ("Jones", False), ("Roberts", False),
    ("Christians", False), ("Texas", False),
])
def test_the_plural_of_a_places_people(name, people):
    assert people_of_a_place(name, read_rules()) is people


def test_an_office_after_its_body_opens_the_name_of_its_holder():
    """Comptroller and Treasurer are titles (actors 1.28): "New York City Comptroller Harrison Goldin"
    (nyt) had no actor, and "Comptroller Harrison J. Goldin" no title."""
    sentences = pd.DataFrame({"article_id": "a0", "outlet": "Outlet", "event": "e", "kind": "body", "sentence_id": [0, 1],
                              "text": ["New York City Comptroller Harrison Goldin released the audit on Monday.",
                                       "State Treasurer Jane Roe said the fund was sound."]})
    actors = fr.find_actors(sentences)
    assert dict(zip(actors["mention"], actors["actor"])) == {
        "New York City Comptroller Harrison Goldin": "Harrison Goldin", "State Treasurer Jane Roe": "Jane Roe"}
    assert actors["has_title"].all()


def test_a_country_abbreviation_is_no_initial_and_a_qualifier_no_name():
    """"U.S. Census" (AllSides) and "National Oceanic" (climate) were persons: "U.S." was read as an initial,
    and the common word "National" was cut from the name before its words were read."""
    assert _kinds("“The count is final,” U.S. Census said.")["U.S. Census"] == "organisation"
    assert _kind("National Oceanic", False, frozenset(), ()) == "organisation"


def _newsmtsc_documents(shared_data, *needles: str) -> pd.DataFrame:
    """The NewsMTSC sentences of the source documents holding each needle, one article per document, in order."""
    rows = [json.loads(line) for line in (shared_data / "newsmtsc-train" / "train_targets.jsonl").open(encoding="utf-8")]
    keys = [next(r["source_doc_key"] for r in rows if needle in r["sentence"]) for needle in needles]
    sentences = {}
    for r in rows:
        if r["source_doc_key"] in keys:
            sentences[(r["source_doc_key"], int(r["source_sentence_key"]))] = r["sentence"]
    table = [{"article_id": doc, "outlet": "Outlet", "event": doc, "kind": "body", "sentence_id": i, "text": text}
             for (doc, i), text in sorted(sentences.items())]
    return pd.DataFrame(table)


def test_a_surname_speaking_alone_is_a_person_by_its_documents_evidence_or_by_default(shared_data):
    """Regression (issue 16, sample 6 of NewsMTSC documents): a surname alone speaking, with no full name in its
    document, was an organisation (10 of the sample's 11 kind misses). Person evidence of the document ("Blunt
    said he", "Hardiman said Wednesday that he"), and with none a name English never writes in lower case
    ("Trippi says"), is a person (actors 1.30)."""
    sentences = _newsmtsc_documents(shared_data, "Blunt said he wasn't concerned", "Hardiman said Wednesday that he",
                                    "Trippi says, adding")
    quotes = fr.extract_quotes(sentences)
    kinds = dict(zip(quotes["speaker"], quotes["speaker_kind"]))
    assert {k: kinds.get(k) for k in ("Blunt", "Hardiman", "Trippi")} == {"Blunt": "person", "Hardiman": "person",
                                                                      "Trippi": "person"}


def test_a_word_speaking_alone_is_a_body_by_its_documents_evidence(shared_data):
    """Real climate articles (narrative-frames-dev): a one-word speaker its document writes as the first word of a
    body's name ("Rhodium Group") or in brackets after one ("the UN Office for the Co-ordination of Humanitarian
    Affairs (Ocha)") is an organisation, not a surname (actors 1.30)."""
    needles = ("according to Rhodium", "Ocha warned")
    lines = [json.loads(line) for line in (shared_data / "narrative-frames-dev" / "articles.jsonl").open(encoding="utf-8")]
    texts = [next(r["text"] for r in lines if needle in r["text"]) for needle in needles]
    sentences = pd.DataFrame([{"article_id": f"a{i}", "outlet": "Outlet", "event": f"e{i}", "kind": "body",
                               "sentence_id": j, "text": sentence} for i, text in enumerate(texts)
                              for j, sentence in enumerate(s for p in text.split("\n") for s in fr.split_sentences(p))])
    quotes = fr.extract_quotes(sentences)
    kinds = dict(zip(quotes["speaker"], quotes["speaker_kind"]))
    assert kinds.get("Rhodium") == "organisation" and kinds.get("Ocha") == "organisation"


@pytest.mark.parametrize("texts, kind", [
    (["“It was hard,” Sigler said.", "Sigler said it would have been difficult."], "person"),  # "said it": persons too
    (["“Sales will recover,” Acme said.", "Acme has revealed its second model."], "organisation"),  # "its"
    (["“It was cold,” Hsu said.", "She is a professor in Asheville."], "person"),  # a surname, no evidence
    (["“It was cold,” Asheville said.", "Schools in Asheville closed."], "organisation"),  # a place's word
    (["“We won,” Deadline said."], "organisation"),  # a word English writes in lower case: no default person
    (["“We won,” Roe said.", "McCollum's sister Roe said so."], "person"),  # a relative before it
    (["“We won,” Karroubi said.", "Karroubi, 80, ran in 2009."], "person"),  # an age in apposition
])
def test_the_evidence_read_for_a_word_speaking_alone(texts, kind):
    """Sentences written for each rule of `framing.actors.word_evidence` and the default (actors 1.30)."""
    sentences = pd.DataFrame({"article_id": "a0", "outlet": "Outlet", "event": "e", "kind": "body",
                              "sentence_id": range(len(texts)), "text": texts})
    quotes = fr.extract_quotes(sentences)
    assert quotes["speaker_kind"].iloc[0] == kind, quotes[["speaker", "speaker_kind"]]


def test_a_role_written_with_the_body_it_serves_is_a_person_named_by_the_role():
    """Regression: "The former director for the FBI said that …" gave the FBI, which said nothing. A role in lower
    case, up to two words before it, then "of" or "for" and the body it serves, is the speaker as "The head of
    U.S. Central Command announced" is: the role with its body, kind person. Sentences written for this test."""
    assert _kinds("The former director for the FBI said that the inquiry was closed.") == {
        "former director for the FBI": "person"}
    assert _kinds("The acting chief of the Capitol Police said that the fence would stay.") == {
        "acting chief of the Capitol Police": "person"}
    assert _kinds("The head of U.S. Central Command announced that troops would leave.") == {
        "head of U.S. Central Command": "person"}
