"""What kind of speaker a quote has (`framing.sources.speaker_kinds`), on sentences written for each rule."""
from __future__ import annotations

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
