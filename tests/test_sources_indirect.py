"""Indirect attributions ("X said that …", "…, officials said", "according to X"): the rules of reporting
verbs 1.46, each on sentences written for it, with the near cases it must leave alone."""
from __future__ import annotations

import pandas as pd
import pytest

import framing as fr


def _table(texts: list[str], outlet: str = "Left") -> pd.DataFrame:
    return pd.DataFrame({"article_id": "a", "sentence_id": range(len(texts)), "outlet": outlet, "event": "e",
                         "kind": "body", "position": 0.0, "text": texts})


def _indirect(texts: list[str], outlet: str = "Left") -> pd.DataFrame:
    quotes = fr.extract_quotes(_table(texts, outlet))
    return quotes[~quotes["is_direct"]].reset_index(drop=True)


def test_words_inside_an_unclosed_quote_hold_no_attribution():
    # an excerpt cut inside a quote: "demands that" is the quoted person's own wording
    assert _indirect(["“The extraordinary impact of this pandemic demands that we move with unprecedented "
                      "urgency, and that is what our..."]).empty
    # the same words outside quotation marks are the outlet's report
    rows = _indirect(["The Pentagon said that the extraordinary impact of this strike was clear."])
    assert rows["speaker"].tolist() == ["Pentagon"]


@pytest.mark.parametrize("text", [
    "In fact, I think he ought to be pressed; if he concedes that it is, he should be suspended at once.",
    "After a 19-month freeze, the U.S. is set to announce that it will reopen land borders next month.",
    "The agency will announce that the plan goes ahead on Friday.",
    "Jane Roe did not say that the plan would go ahead.",
])
def test_a_verb_of_saying_not_yet_said_reports_nothing(text):
    assert _indirect([text]).empty


@pytest.mark.parametrize("text", [
    "After a 19-month freeze, the U.S. announced that it will reopen land borders next month.",
    "After a 19-month freeze, the U.S. went on to announce that it will reopen land borders next month.",
])
def test_a_verb_of_saying_said_reports_its_clause(text):
    assert _indirect([text])["quote"].tolist() == ["it will reopen land borders next month."]


@pytest.mark.parametrize("texts", [
    ["Former President Donald Trump was subpoenaed by the committee.",
     "The panel’s focus on him indicates that it is deepening its scrutiny of the attack."],
    ["Pfizer said on Monday that its vaccine works in children.",
     "Children’s Covid cases remain disturbingly high, according to the most recent data from..."],
])
def test_a_thing_is_no_speaker(texts):
    rows = _indirect(texts)
    assert rows["speaker"].iloc[-1] is None or pd.isna(rows["speaker"].iloc[-1])


@pytest.mark.parametrize("texts, speaker", [
    (["Michael Bloomberg spent $1 billion on the race.", "The billionaire said that he would fight on."],
     "Michael Bloomberg"),
    (["Jane Roe was hurt in the crash.", "The veteran said that she would drive again."], "Jane Roe"),
])
def test_a_description_of_a_person_still_stands_for_the_person(texts, speaker):
    assert _indirect(texts)["speaker"].iloc[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("The new rules take effect in November, the Associated Press reported.", "Associated Press"),
    ("At least 15 million doses have gone to waste, according to NBC News.", "NBC News"),
    ("The New York Times reported Friday that the booster plan might not be possible.", "New York Times"),
    ("A draft report confirms Biden’s win in Maricopa County, the Arizona Republic first reported Thursday.",
     "Arizona Republic"),
    ("The country has recorded 651,690 deaths, according to the latest NBC News tally.", "NBC News"),
    ("The requirement takes effect in January, according to the LA Times.", "LA Times"),  # a short name (actors 1.20)
])
def test_an_outlet_cited_as_a_source_is_the_speaker(text, speaker):
    rows = _indirect([text])
    assert rows["speaker"].tolist() == [speaker] and rows["speaker_kind"].tolist() == ["outlet"]


def test_an_outlets_own_article_does_not_cite_it():
    rows = _indirect(["The new rules take effect in November, the Associated Press reported."],
                     outlet="Associated Press")
    assert rows["speaker"].isna().all()


def test_the_nearer_attribution_governs_a_report_cited_after_it():
    texts = ["Gov. Gavin Newsom announced a vaccine mandate for schools on Friday.",
             "The rule takes effect in January, after the FDA grants full approval, the governor’s office said, "
             "according to the LA Times."]
    assert _indirect(texts)["speaker"].tolist() == ["Gavin Newsom’s office"]
    # with no attribution before it, "according to" names the source
    rows = _indirect(["The rule takes effect in January for all schools, according to the Associated Press."])
    assert rows["speaker"].tolist() == ["Associated Press"]


@pytest.mark.parametrize("text, speaker", [
    ("Two targets were killed in a drone strike, the Pentagon now says.", "Pentagon"),
    ("Prices rose 5% in May, the Labor Department first reported Friday.", "Labor Department"),
])
def test_an_adverb_before_the_verb_is_no_part_of_the_name(text, speaker):
    assert _indirect([text])["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("By Nov. 4, proof of vaccination will be mandatory, according to the county’s Department of Public Health.",
     "Department of Public Health"),
    ("Payrolls increased by 943,000, according to the department’s Bureau of Labor Statistics.",
     "Bureau of Labor Statistics"),
    ("CO2 levels were higher than ever, according to the new assessment by the Intergovernmental Panel on Climate "
     "Change (IPCC).", "Intergovernmental Panel on Climate Change"),
    ("Infections among children rose, according to the latest data from the American Academy of Pediatrics (AAP).",
     "American Academy of Pediatrics"),
    ("Americans can receive a third shot beginning Sept. 20, according to a statement from the Department of Health "
     "and Human Services and other administration medical experts.", "Department of Health and Human Services"),
    # an outlet's staff member is the person
    ("Grace moved across the coast late Monday, bringing heavy rain, according to CNN meteorologist Taylor Ward.",
     "Taylor Ward"),
    ("The new rule starts in January for all schools, according to the Labor Department.", "Labor Department"),
])
def test_according_to_reads_the_whole_source(text, speaker):
    assert _indirect([text])["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, speaker, anonymous", [
    ("Democrats say they will accept McConnell debt ceiling offer", "Democrats", False),
    ("Republicans said the bill would raise taxes on the middle class.", "Republicans", False),
    ("Senate Democrats say they will agree to the proposal.", "Senate Democrats", False),
    ("Democrats said the plan was “not workable.”", "Democrats", False),
])
def test_a_partys_members_named_as_a_whole_are_the_group(text, speaker, anonymous):
    rows = fr.extract_quotes(_table([text]))
    assert rows["speaker"].tolist() == [speaker] and rows["speaker_kind"].tolist() == ["group"]


def test_a_part_of_a_partys_members_is_no_group():
    rows = _indirect(["Some Democrats note that Biden’s approval rating is still higher than his predecessor's."])
    assert rows["speaker"].tolist() != ["Democrats"]


def test_the_head_of_a_body_is_the_person_in_that_role():
    rows = _indirect(["The head of U.S. Central Command announced Friday that they were very wrong."])
    assert rows["speaker"].tolist() == ["head of U.S. Central Command"]
    # the body itself still speaks for itself
    assert _indirect(["U.S. Central Command announced Friday that they were very wrong."])["speaker"].tolist() == [
        "U.S. Central Command"]


def test_a_former_title_owns_its_office():
    texts = ["Former President Barack Obama turned 60 on Saturday, after President Joe Biden spoke in Ohio.",
             "The party was scaled down from original plans, according to the former president’s office."]
    assert _indirect(texts)["speaker"].tolist() == ["Barack Obama’s office"]


def test_a_former_title_agrees_with_its_antecedent():
    texts = ["Former President Donald Trump blasted the audit, despite President Joe Biden’s victory.",
             "In a statement, the former president said that the audit had uncovered fraud.",
             "The president said that he would not comment."]
    assert _indirect(texts)["speaker"].tolist() == ["Donald Trump", "Joe Biden"]


def test_a_body_named_in_a_role_still_writes_out_its_acronym():
    texts = ["CENTCOM said the strike killed “a known ISIS-K planner,” and no civilians were hurt.",
             "The head of U.S. Central Command announced Friday that they were very wrong."]
    quotes = fr.extract_quotes(_table(texts))
    assert quotes["speaker"].tolist() == ["U.S. Central Command", "head of U.S. Central Command"]
    # with no such role the acronym stays as written
    assert fr.extract_quotes(_table(texts[:1]))["speaker"].tolist() == ["CENTCOM"]


def test_the_day_after_the_verb_is_not_what_is_reported(shared_data):
    """Regression: "The Biden administration said Monday it would allow 62,500 refugees to resettle …"
    (AllSides, the left outlet of allsides_6078) reported "Monday it would allow …": the day the words
    were said opened the clause. "Today" may be what is spoken of and stays."""
    import json
    path = shared_data / "allsides-roundups" / "articles.jsonl"
    text = next(sentence for a in map(json.loads, path.open(encoding="utf-8")) if a["event_id"] == "allsides_6078"
                for sentence in fr.split_sentences(a["text"]) if sentence.startswith("The Biden administration said Monday"))
    rows = _indirect([text])
    assert rows["speaker"].tolist() == ["Biden administration"]
    assert rows["quote"].iloc[0].startswith("it would allow 62,500 refugees")
    written = _indirect(["Officials said on Friday morning the talks had stalled again.",
                         "Biden says today marks a new start for the country."])
    assert written["quote"].tolist() == ["the talks had stalled again.", "today marks a new start for the country."]
