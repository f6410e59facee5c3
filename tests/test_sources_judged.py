"""Quote attribution (reporting verbs 1.49): a paper that reported a sentence naming its own speaker, the one
judged for saying the words, a name before a described apposition, a title's period, an office one person holds,
a journalist; (1.50) a person described before where they serve, a day before the verb, a title noun near the one
person holding it, one who replies; (1.51) to recount and to insult, a party member from a place in apposition, a
day or an adverb of time opening a sentence, "whom he called", "Mr. French", two names run together, the agent of
a passive, a title with a nationality, an unnamed person described by adjectives; (1.52) "be to" and a verb of
saying, a subordinate clause premodified or closed by dashes, a person "of" a body opened by "the", a long "who"
clause between commas, a verb of saying in a clause opened after every quote, to email, "in her own words";
(1.53) an unnamed person opened by "one", an inverted indefinite description up to its head noun, an indefinite
subject before a colon, a phrase pointing to the time spoken of between a subject and its verb; (1.54) an unnamed
body after "a" or "one", a named verb of saying nearer than "according to", an unnamed person placed before the
verb, a document or quote "from" a name, a number word opening a body's name, prompting someone to claim; (1.55)
a description opened by a possessive before a name in apposition, verbs of the manner of speaking and "inform", a
document owned by a name after "according to", a long description opened by "a" between a name and its verb, "a man"
placed by a phrase before the verb, a colon right after a verb of saying; (1.56) a one-word subject before a verb
English writes irregularly, the person a later pronoun of its sentence stands for; whoever issues a document, after an
aside, in the present, with the document's day after it; (1.57, tests/test_sources_indirect.py) a named day right after the verb is no part of the clause reported; (1.58,
tests/test_speaker_reported.py, which checks the version) a source that reports a person's saying, a quote standing
alone after the nearest attribution.
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


def _rows(*texts: str) -> list[tuple]:
    quotes = _quotes(list(texts))
    return [(None if pd.isna(s) else s, bool(a)) for s, a in zip(quotes["speaker"], quotes["is_anonymous"])]


@pytest.mark.parametrize("text, speaker", [
    ("A federal judge in the Southern District of California ruled late on Friday that the ban was “unlawful.”",
     "federal judge"),
    ("A judge in Texas said the policy was “plainly unlawful.”", "judge"),
    ("A professor at Harvard University said the plan was “a gamble.”", "professor"),
])
def test_a_person_described_before_where_they_serve_speaks(text, speaker):
    """"A federal judge in <Body> ruled": the head noun before "in", "at" or "of" and a body or place is who
    speaks, an unnamed person as "a federal judge ruled" is; never the body or place."""
    assert _rows(text) == [(speaker, True)]


def test_the_head_of_a_body_and_a_body_alone_keep_their_reading():
    assert _speakers("The mayor of Chicago said the plan was “a gamble.”") == ["mayor of Chicago"]
    assert _speakers("The Department of Justice said the plan was “a gamble.”") == ["Department of Justice"]


@pytest.mark.parametrize("text", [
    "A friend Thursday said he was “a kind man.”",
    "“He was a kind man,” a friend Thursday said.",
    "“He was a kind man,” a friend Thursday evening said.",
])
def test_a_day_between_a_noun_and_its_verb_is_when(text):
    assert _rows(text) == [("friend", True)]


def test_a_day_after_a_name_is_no_part_of_it():
    assert _speakers("“We are ready,” Jane Roe Monday said.") == ["Jane Roe"]


def test_a_title_noun_is_the_one_person_near_it_who_holds_the_title():
    """"the senator said" is the one senator the sentence or the one before names; with two senators there,
    the text does not say which, and the quote keeps the role."""
    assert _speakers("Jane Roe met Sen. John Doe on Monday. “We talked about the budget,” the senator said.") == [
        "John Doe"]
    assert _speakers("Jane Roe met Sen. John Doe on Monday.", "“We talked about the budget,” the senator said.") == [
        "John Doe"]
    assert _speakers("Sen. John Doe met Sen. Mary Poe on Monday.",
                     "“We talked about the budget,” the senator said.") == ["senator"]


def test_one_who_replies_is_not_the_one_who_asked():
    """An inverted "replies the <description>" after another's question names its own speaker."""
    assert _speakers("In the film, Fezzik asks the man in black atop the cliffs: “Why do you wear a mask?”",
                     "“Oh no,” replies the masked stranger, secretly a humble stable boy.") == [
        "Fezzik", "masked stranger"]
    assert _speakers("“We will win,” Jane Roe said at the rally.", "“We will win,” said the former teacher.") == [
        "Jane Roe", "Jane Roe"]  # not a reply: the description stands for the one named before


def test_a_day_after_a_participle_is_the_participles():
    """"a report released Wednesday concluded": the day says when the report was released, and "released" is no
    part of who speaks."""
    quotes = _quotes(["The fence was built to protect officers, an inspector general’s report released Wednesday "
                      "concluded."])
    assert not quotes["speaker"].fillna("").str.contains("released").any()


@pytest.mark.parametrize("text, label", [
    ("“We will appeal,” a spokesman for the Department of Justice said on Monday.",
     "a spokesman for the Department of Justice"),  # was "for the the Department": "the" read twice
    ("“We will appeal,” lawyers for the senator said.", "lawyers for the senator"),
    ("“We will appeal,” an aide to Jane Roe said.", "an aide to Jane Roe"),
])
def test_one_who_speaks_for_another_is_labelled_as_written(text, label):
    assert _quotes([text])["speaker_label"].tolist() == [label]


@pytest.mark.parametrize("text, speaker", [
    ("“I was a teacher then,” Jane Roe recounted.", "Jane Roe"),
    ("In a call, John Doe insulted the manager as “a paranoid fool.”", "John Doe"),
])
def test_to_recount_and_to_insult_as_are_verbs_of_saying(text, speaker):
    assert _speakers(text) == [speaker]


def test_insults_the_noun_is_no_verb():
    assert _speakers("Jane Roe's insults were “childish,” the mayor said.") == ["mayor"]


@pytest.mark.parametrize("text, speaker", [
    ("Senator Jane Roe, Democrat of New York, who backed the nominee for years, called for her “swift confirmation.”",
     "Jane Roe"),
    ("John Doe, Republican of Texas, said the bill was “dead.”", "John Doe"),
])
def test_a_party_member_from_a_place_in_apposition_is_no_speaker(text, speaker):
    """"Jane Roe, Democrat of New York, …, called": the apposition says whose party and state; the person speaks."""
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "Tuesday brought more bad news for the senator, with the party chairman disavowing him by declaring he must "
    "“stand up against hate.”",
    "Late last night, he issued what many are calling a “bizarre” statement, condemning recent reports.",
])
def test_a_day_or_an_adverb_of_time_opening_a_sentence_is_no_speaker(text):
    assert _speakers(text)[0] not in ("Tuesday", "Late")


def test_whom_he_called_is_not_he():
    """"greetings from President Jane Roe, whom he called “…”": "whom" is the object, so "he" is someone else."""
    assert _speakers("John Doe began his speech by bringing greetings from President Jane Roe, whom he called a "
                     "“great champion of law enforcement.”") != ["Jane Roe"]
    assert _speakers("Jane Roe thanked John Doe, whom she called “a good friend.”") == ["Jane Roe"]


def test_a_nationality_after_an_honorific_is_a_surname():
    assert _speakers("Mr. French argues, “The notion is absurd.”") == ["French"]
    assert _rows("French officials said the plan was “dead.”") == [("French officials", True)]


def test_two_full_names_run_together_are_a_credit_and_the_speaker():
    """A photo credit run into the sentence ("Martin Nowack Lawrence Krauss said"): the name next to the verb."""
    assert _speakers("Martin Nowack Lawrence Krauss said the finding was “remarkable.”") == ["Lawrence Krauss"]
    assert _speakers("Mary Ann Lee said the finding was “remarkable.”") == ["Mary Ann Lee"]


@pytest.mark.parametrize("texts, speaker", [
    (["Asked why he was “confident” by CNN’s Jane Roe, Mr Doe appeared agitated, responding: “I’m not sure.”"], None),
    (["Justice Jane Roe, in a dissent joined by Justices Mary Poe and Ann Lee, wrote that the ruling was “cruel.”"],
     "Jane Roe"),
])
def test_the_agent_of_a_passive_is_not_the_subject_after_its_comma(texts, speaker):
    """"Asked … by Jane Roe, Mr Doe … responding": the one who asked is not the one who responds."""
    assert _speakers(*texts)[-1] != "Jane Roe" if speaker is None else _speakers(*texts)[-1] == speaker


def test_a_title_with_a_nationality_is_never_another_nations_holder():
    """"the Taiwanese president" is not "Chinese President Xi" named before (the role when no holder fits)."""
    assert _speakers("Chinese President Xi Jinping spoke on Sunday.",
                     "The Taiwanese president stood firm in a speech and said the island would not “bow.”") == [
        "president"]
    assert _speakers("Taiwan President Tsai Ing-wen spoke on Sunday.",
                     "The Taiwanese president stood firm against Chinese President Xi Jinping and said the island would "
                     "not “bow.”") == ["Tsai Ing-wen"]
    assert _speakers("Chinese President Xi Jinping spoke.", "“No,” the Chinese president said.") == ["Xi Jinping"]


def test_an_unnamed_person_described_by_adjectives_is_the_noun():
    """"the old farmer replied": the description's head noun, not the adjective before it; an adverb made like a
    noun for a person ("further") is no head."""
    assert _speakers("Jane Roe asked him: “Will it rain?”", "“Never,” the old farmer replied.") == [
        "Jane Roe", "old farmer"]
    assert "further" not in " ".join(_quotes(["The court ruled on Monday.", "The opinion further notes that “courts "
                                              "have been reluctant.”"])["speaker_label"].fillna(""))


# reporting verbs 1.52

@pytest.mark.parametrize("text, speaker", [
    ("“We must act now,” Jane Roe is to tell the conference.", "Jane Roe"),
    ("“We must act now,” Jane Roe was to tell the conference before the storm.", "Jane Roe"),
    ("“We must act now,” Jane Roe will tell the conference.", "Jane Roe"),  # as before
])
def test_be_to_and_a_verb_of_saying_is_a_future_of_saying(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Almost immediately after the county office dismissed the case, Mayor Jane Roe blasted the judge saying it was "
     "a “travesty.”", "Jane Roe"),
    ("Two days after aides said there would be no vote, Jane Roe said she will “fight on.”", "Jane Roe"),
    ("One week after he screamed at diners speaking Spanish in a cafe -- a rant caught on video that spread fast -- "
     "lawyer Jane Roe says she is not a racist and is “deeply sorry” for it.", "Jane Roe"),
    ("Although aides said there would be no vote, Jane Roe said she will “fight on.”", "Jane Roe"),  # as before
])
def test_the_main_clause_after_an_opening_subordinate_clause_speaks(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_person_of_a_body_opened_by_the_is_the_person():
    text = "Jane Roe of the agency's legal affairs office acknowledged that the agency made mistakes in the review."
    quotes = _quotes([text])
    assert list(quotes["speaker"]) == ["Jane Roe"] and not quotes["is_direct"].any()
    assert _speakers("The Bank of England said the rise was “temporary.”") == ["Bank of England"]


def test_a_long_who_clause_between_commas_stands_between_a_name_and_its_verb():
    text = ("Roe, who along with Doe is a member of another advisory council giving advice to the governor, said she "
            "would use her seat to “stand up for what is right.”")
    assert _speakers(text) == ["Roe"]


@pytest.mark.parametrize("texts", [
    ["Rep. Jane Roe spoke on Tuesday.",
     "The “squad” member was mocked after she refrained from using the word “women” during a hearing where she "
     "recounted her own experience."],
    ["The plan is “dead,” because Jane Roe said so."],
])
def test_a_verb_of_saying_in_a_clause_opened_after_every_quote_governs_none(texts):
    assert all(s is None for s in _speakers(*texts))


@pytest.mark.parametrize("text, speaker", [
    ("“We will win,” Jane Roe said when she spoke to the crowd.", "Jane Roe"),
    ("“We will win,” said Jane Roe, who added that the plan works.", "Jane Roe"),
    ("“It was years later that I learned who he was” when John Doe told him about his plans, Jane Roe said.", "Jane Roe"),
    ("The “extraordinary measures” that the agency has used since August will run out next month, Jane Roe said.",
     "Jane Roe"),
])
def test_a_clause_after_the_attribution_leaves_it_the_speaker(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("“The plan is dead,” Jane Roe emailed.", "Jane Roe"),
    ("“The plan is dead,” Jane Roe emailed a reporter on Tuesday.", "Jane Roe"),
])
def test_to_email_someone_is_to_write_to_them(text, speaker):
    assert _speakers(text) == [speaker]


def test_emails_is_a_noun():
    assert _speakers("Jane Roe's emails are “private,” a court ruled.") != ["Jane Roe's"]


def test_in_her_own_words_gives_the_words_to_whom_the_pronoun_stands_for():
    assert _speakers("Mayor Jane Roe grew up in Ohio.", "She was raised, in her own words, “to respect the police.”")[-1] \
        == "Jane Roe"
    assert _speakers("The plan, in the words of Jane Roe, was “dead.”") == ["Jane Roe"]  # as before


# reporting verbs 1.53

@pytest.mark.parametrize("text, speaker", [
    ("“We will not back down,” one health official said.", "health official"),
    ("“We will not back down,” said one senior insider in the chamber.", "senior insider"),
    ("“We will not back down,” said one American.", "American"),
    ("One health official said: “We will not back down.”", "health official"),
])
def test_one_opens_an_unnamed_person_as_a_does(text, speaker):
    assert _rows(text) == [(speaker, True)]


@pytest.mark.parametrize("text", [
    "One day after the vote, Jane Roe said the plan was “dead on arrival.”",
    "One reason, Jane Roe said, is that the plan was “dead on arrival.”",
    "One Nation leader Jane Roe said the plan was “dead on arrival.”",
])
def test_one_opening_a_time_a_noun_or_a_name_is_no_speaker(text):
    assert _rows(text) == [("Jane Roe", False)]


@pytest.mark.parametrize("text, speaker", [
    ("“We will not back down,” said a senior insider in the chamber.", "senior insider"),
    ("“We will not back down,” said a senior official to reporters.", "senior official"),
    ("“We will not back down,” added a Colorado Republican.", "Colorado Republican"),
])
def test_an_inverted_indefinite_description_runs_to_its_head_noun(text, speaker):
    assert _rows(text) == [(speaker, True)]


def test_an_indefinite_subject_before_a_colon_speaks_unnamed():
    assert _rows("A health official said: “We will not back down.”") == [("health official", True)]


@pytest.mark.parametrize("text, speaker", [
    ("Mr. Trump at the time called Price a “very fine person.”", "Trump"),
    ("The mayor at the time said the plan was “dead on arrival.”", "mayor"),
])
def test_a_phrase_of_the_time_spoken_of_stands_between_a_subject_and_its_verb(text, speaker):
    assert _speakers(text) == [speaker]


# reporting verbs 1.54

def _kinds(*texts: str) -> list[tuple]:
    quotes = _quotes(list(texts))
    return [(None if pd.isna(s) else s, bool(a), k) for s, a, k in
            zip(quotes["speaker"], quotes["is_anonymous"], quotes["speaker_kind"])]


@pytest.mark.parametrize("text, speaker, kind", [
    ("A German newspaper said the plan was “a disaster.”", "German newspaper", "outlet"),
    ("One German newspaper said the plan was “a disaster.”", "German newspaper", "outlet"),
    ("“The plan is a disaster,” a local newspaper said.", "local newspaper", "outlet"),
    ("“The plan is a disaster,” one local newspaper said.", "local newspaper", "outlet"),
    ("“The plan is a disaster,” said a local newspaper.", "local newspaper", "outlet"),
    ("“We are ready,” a Chicago hospital said in a statement.", "Chicago hospital", "organisation"),
])
def test_an_unnamed_body_after_a_or_one_is_the_head_of_its_description(text, speaker, kind):
    assert _kinds(text) == [(speaker, False, kind)]


@pytest.mark.parametrize("text, speaker", [
    ("“We are ready,” a company spokesman said.", "company spokesman"),  # a person speaking for a body
    ("One hospital official said the ward was “ready.”", "hospital official"),
    ("“We are ready,” a friend said.", "friend"),
])
def test_an_unnamed_person_of_a_body_stays_anonymous(text, speaker):
    assert _rows(text) == [(speaker, True)]


def test_a_document_or_a_rule_opened_by_a_is_no_body():
    assert _speakers("Florida’s amendment takes an existing rule saying instruction “may not suppress” events.") == [None]


@pytest.mark.parametrize("text, speaker", [
    ("According to one person familiar with the talks, Jane Roe said the plan was “a disaster.”", "Jane Roe"),
    ("According to a person familiar with the talks, Jane Roe told aides that the plan was “dead.”", "Jane Roe"),
    ("According to the Times, President Jane Roe told aides that the plan was “dead.”", "Jane Roe"),
    ("According to one aide, the president was angry when he learned that Jane Roe had described him as “weak.”",
     "Jane Roe"),
])
def test_a_named_verb_of_saying_holding_the_quote_wins_over_an_earlier_according_to(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "According to two officials, the plan was “dead.”",  # no verb of saying after: the source's words
    "According to two officials, he said the plan was “dead.”",  # a pronoun names no one here
])
def test_according_to_keeps_a_quote_no_named_verb_holds(text):
    assert _rows(text) == [("officials", True)]


@pytest.mark.parametrize("text, speaker", [
    ("A senior insider in the chamber said the plan was “a disaster.”", "senior insider"),
    ("A source in the room said the plan was “a disaster.”", "source in the room"),
])
def test_an_unnamed_person_placed_by_a_phrase_before_the_verb_speaks(text, speaker):
    assert _rows(text) == [(speaker, True)]


@pytest.mark.parametrize("text, speaker", [
    ("The crowd cheered a quote from Martin Luther King that read: “I have a dream.”", "Martin Luther King"),
    ("She shared a post from Jane Roe that read: “We will not give up.”", "Jane Roe"),
    ("A statement from Jane Roe read: “We will not give up.”", "Jane Roe"),
    ("He tweeted a statement from the White House that said: “We will not give up.”", "White House"),
])
def test_a_document_or_a_quote_from_a_name_gives_the_words_to_that_name(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("“The economy is strong,” said First Capital, a bank in Ohio.", "First Capital"),
    ("“The economy is strong,” Second Harvest said in a statement.", "Second Harvest"),
])
def test_a_number_word_opening_a_bodys_name_is_part_of_it(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_count_before_a_plural_is_no_part_of_a_name():
    assert _speakers("“The bill is dead,” said Two Democrats.") == [None]  # a part of a party, as before (1.53)


@pytest.mark.parametrize("text, speaker", [
    ("The jobs report was strong, prompting Jane Roe to claim a “new era” for workers.", "Jane Roe"),
    ("The ruling came Friday, prompting Mayor Jane Roe to promise that the city would “fight back.”", "Jane Roe"),
])
def test_prompting_someone_to_a_verb_of_saying_gives_them_the_words(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("“We will not back down,” Britain's former foreign minister, Jane Roe, said on Twitter.", "Jane Roe"),
    ("“He was naive,” his lawyer, John Doe, told the court.", "John Doe"),
    ("“We will not back down,” the country's health secretary, Jane Roe, said.", "Jane Roe"),
])
def test_a_name_in_apposition_to_a_description_opened_by_a_possessive_speaks(text, speaker):
    assert _speakers(text) == [speaker]


def test_an_owner_and_a_role_with_no_name_after_them_keep_their_reading():
    assert _rows("“We will not back down,” Jane Roe's lawyer said.") == [("Jane Roe's lawyer", True)]


@pytest.mark.parametrize("text, speaker", [
    ("At the rally, the crowd roared, “Build the wall!”", ("crowd", True)),
    ("“Build the wall!” roared the crowd.", ("crowd", True)),
    ("“It is over,” Jane Roe whispered to her aide.", ("Jane Roe", False)),
    ("Jane Roe muttered, “Not again.”", ("Jane Roe", False)),
    ("Jane Roe informed the board that the plan was “dead.”", ("Jane Roe", False)),
])
def test_verbs_of_the_manner_of_speaking_and_informing_report_words(text, speaker):
    assert _rows(text) == [speaker]


def test_a_verb_of_the_manner_of_speaking_governs_no_title():
    assert _speakers("The engines roared as the “Freedom Flight” took off.") == [None]


@pytest.mark.parametrize("text, speaker", [
    ("According to Jane Roe's statement, the council was guilty of “political incitement.”", "Jane Roe"),
    ("According to the Houston Chronicle's original story, the students were in “Covington” that day.",
     "Houston Chronicle"),
    ("According to the Times' editorial, the council was guilty of “political incitement.”", "Times"),
])
def test_a_document_owned_by_a_name_after_according_to_is_that_names(text, speaker):
    assert _speakers(text) == [speaker]


def test_according_to_a_document_with_no_owner_stays_nobodys():
    assert _speakers("According to the statement, the council was guilty of “political incitement.”") == [None]


@pytest.mark.parametrize("text, speaker", [
    ("Last week Jane Roe, a radio host in Australia with a long history of making slurs against women in public life, "
     "called the mayor a “clown” on air.", "Jane Roe"),
    ("Jane Roe, a radio host, called the mayor a “clown” on air.", "Jane Roe"),
])
def test_a_long_description_opened_by_a_stands_between_a_name_and_its_verb(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("A man in the crowd shouted “Lock her up!”", "man"),
    ("A woman in the audience shouted, “Lock her up!”", "woman"),
])
def test_a_man_placed_by_a_phrase_before_the_verb_speaks_unnamed(text, speaker):
    assert _rows(text) == [(speaker, True)]


@pytest.mark.parametrize("text, speaker", [
    ("One user wrote: “This is a disgrace.”", "user"),
    ("One reader wrote: “This is a disgrace.”", "reader"),
])
def test_a_colon_right_after_a_verb_of_saying_opens_its_quote(text, speaker):
    assert _rows(text) == [(speaker, True)]


@pytest.mark.parametrize("text, speaker", [
    ("Roe drew sharp criticism on Monday when she suggested that the plan was “dead on arrival.”", "Roe"),
    ("Roe took questions for an hour, and she called the plan “dead on arrival.”", "Roe"),
    ("Roe, leader of the Green party, took aim at what she described as “reckless managers.”", "Roe"),
    ("Roe made a long post on Facebook where she called Doe an “old friend.”", "Roe"),
    ("Roe called the plan “dead on arrival.”", "Roe"),  # as before: a regular verb
])
def test_a_one_word_subject_before_an_irregular_verb_is_who_a_later_pronoun_stands_for(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "Roe, Doe and Smith drew criticism when she called the plan “dead on arrival.”",  # a list, no apposition
    "Paris drew criticism when she called the plan “dead on arrival.”",  # a place is no person
    "Pence drew criticism when he called the plan “dead on arrival.”",  # a word English writes in lower case
])
def test_no_one_word_subject_for_a_list_a_place_or_a_common_word(text):
    assert _speakers(text) == [None]


@pytest.mark.parametrize("text, speaker", [
    ("Jane Roe released a statement Saturday saying she was “merely doing her job.”", "Jane Roe"),
    ("Jane Roe, who has been in hospital since May, released a statement saying she was “merely doing her job.”",
     "Jane Roe"),
    ("Jane Roe, the co-founder of the group, issued a statement calling Mr. Doe “the most corrupt attorney general.”",
     "Jane Roe"),
    ("April 4, 2017: President Jane Roe issues a statement saying the attack is the result of “weakness.”", "Jane Roe"),
    ("Jane Roe issued a statement saying she was “merely doing her job.”", "Jane Roe"),  # as before
])
def test_whoever_issues_a_document_after_an_aside_or_before_its_day_says_what_it_says(text, speaker):
    assert _speakers(text) == [speaker]


def test_a_document_with_no_issuer_before_its_day_still_names_nobody():
    assert _speakers("A statement Thursday afternoon thanked Jane Roe for a tweet “clarifying” her words.") == [None]
