"""How a quote's speaker is named: one row per person or body, never a place, an outlet's fragment or a
headline's words (`framing.sources.speaker_names`, `name_kinds`), on sentences of AllSides news."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import framing as fr
from framing.sources.speaker_names import _body_key


def _articles(*articles: list[str], event: str = "e") -> pd.DataFrame:
    """One article per list of sentences, each of its own outlet, all of one event."""
    rows = [{"article_id": f"a{i}", "outlet": f"Outlet {i}", "event": event, "kind": "body", "sentence_id": j,
             "text": text} for i, texts in enumerate(articles) for j, text in enumerate(texts)]
    return pd.DataFrame(rows)


def _speakers(sentences: pd.DataFrame) -> list:
    return list(fr.extract_quotes(sentences)["speaker"])


def test_a_group_is_one_speaker_whatever_points_at_it():
    sentences = _articles(["Democrats pushed a bill to suspend the debt limit.",
                           "The lawmakers said McConnell should support a suspension of the limit to “avert a "
                           "manufactured crisis.”"],
                          ["Lawmakers said that the vote would come before the end of the month."],
                          ["The mass cancellations, called voter “purges” by their critics, target registered voters "
                           "who moved."])
    quotes = fr.extract_quotes(sentences)
    assert set(quotes["speaker"]) == {"lawmakers", "critics"}
    assert quotes["is_anonymous"].all()
    assert set(quotes["speaker_label"]) == {"the lawmakers", "Lawmakers", "their critics"}


def test_a_country_alone_speaks_as_its_government():
    sentences = pd.concat([
        _articles(["The U.S. said Monday it will ease airline restrictions this fall on travel to the country for "
                   "people who have vaccination proof and a negative COVID-19 test."], event="travel"),
        _articles(["The UK says it is entering the final stages of its evacuation, with 1,000 leaving today"],
                  event="kabul"),
        _articles(["U.S. officials said that the strikes targeted facilities used by Iran-backed militias."],
                  event="strikes")], ignore_index=True)
    quotes = fr.extract_quotes(sentences)
    assert list(quotes["speaker"]) == ["U.S. government", "UK government", "U.S. officials"]
    assert list(quotes["is_anonymous"]) == [False, False, True]


def test_a_country_written_out_alone_speaks_as_its_government():
    # AllSides: "Israel says that …" and "China has criticised …" gave no speaker, where "The U.S. said" gave "U.S.
    # government"; a country written out speaks through its government as its abbreviation does, and its names
    # are one speaker ("The United States said" and "The U.S. said")
    sentences = pd.concat([
        _articles(["Israel says that Palestinian Authority President Mahmoud Abbas doesn’t speak on behalf of all of "
                   "the Palestinians, so there’s no reason to deal with him."], event="gaza"),
        _articles(["China has criticised a historic security pact between the US, UK and Australia, describing it as "
                   "\"extremely irresponsible\" and \"narrow-minded\"."], event="aukus"),
        _articles(["The United States said Monday it will ease airline restrictions this fall on travel to the "
                   "country."], ["The U.S. said it will ease airline restrictions."], event="travel")],
        ignore_index=True)
    quotes = fr.extract_quotes(sentences)
    assert quotes.loc[quotes["event"] == "gaza", "speaker"].tolist() == ["Israel government"]
    assert quotes.loc[quotes["event"] == "aukus", "speaker"].tolist() == ["China government"] * 2
    assert quotes.loc[quotes["event"] == "travel", "speaker"].nunique() == 1
    assert quotes.loc[quotes["event"] == "travel", "speaker"].iloc[0] in ("U.S. government", "United States government")
    assert (quotes["speaker_kind"] == "organisation").all() and not quotes["is_anonymous"].any()


def test_a_country_inside_a_phrase_after_its_verb_or_as_a_nation_speaks_for_nobody():
    # AllSides and climate news: a country that is no subject of the verb, or "America", the nation and its economy
    quotes = fr.extract_quotes(_articles(
        ["Since May 2020, America has added back 16.7 million jobs."],
        ["Netanyahu brushes off Biden call for 'significant de-escalation' in Gaza, says Israel 'determined to "
         "continue'"],
        ["After President Trump shredded his predecessor's unconstitutional \"treaty,\" the globalist leaders of "
         "France, Germany and Italy claimed it \"cannot be renegotiated.\""],
        ["But the issue is highly sensitive, with Turkey acknowledging atrocities but rejecting the term \"genocide\"."],
        ["Late last week, a report out of Canada suggested that many nations have begun ignoring the Paris goals."]))
    assert not quotes["speaker"].fillna("").str.endswith("government").any()


def test_a_country_that_is_a_surname_met_before_is_that_person():
    # "Jordan said" after "Rep. Jim Jordan" gave nobody (a place); the surname of a person the article named is that
    # person, as "Sheriff Israel" is not the country
    quotes = fr.extract_quotes(_articles([
        "Rep. Jim Jordan, R-Ohio, the top Republican on the House Judiciary Committee, questioned the attorney general.",
        "“This is not about the law,” Jordan said.",
        "Jordan said the department had failed to answer the committee's letters."]))
    assert quotes["speaker"].tolist() == ["Jim Jordan", "Jim Jordan"]


def test_a_word_after_a_persons_title_is_a_name_not_a_country():
    # "Sheriff Israel" (the Broward County sheriff, a NewsMTSC sentence) was "Israel government": the title
    # makes the word after it a person's surname; a country alone, or after a title and "to", still speaks
    # as its government
    sentences = pd.concat([
        _articles(["“At this point, it looks like he acted alone,” Sheriff Israel said, adding it was too early to "
                   "speculate on the gunman’s motive for carrying out the shooting."], event="parkland"),
        _articles(["“We will respond to this attack,” Israel said on Sunday."], event="strike"),
        _articles(["“We will respond to this attack,” the Israeli government said on Sunday."], event="strike2"),
        _articles(["The U.S. said Monday it will ease airline restrictions this fall."], event="travel")],
        ignore_index=True)
    quotes = fr.extract_quotes(sentences)
    assert quotes.loc[quotes["event"] == "parkland", "speaker"].tolist() == ["Israel"]
    assert quotes.loc[quotes["event"] == "travel", "speaker"].tolist() == ["U.S. government"]
    assert "Israel" not in quotes.loc[quotes["event"] != "parkland", "speaker"].tolist()


def test_a_country_that_confirms_speaks_as_its_government():
    # the seeds: "the U.S. has confirmed that it will not deploy troops" is the government's decision, one
    # speaker with the "U.S. government" of other sentences (labelling rule 7, reporting verbs 1.36)
    sentences = _articles(["In addition to closing the door on NATO membership, the U.S. has confirmed that it will "
                           "not deploy troops to Ukraine under any circumstances."])
    quotes = fr.extract_quotes(sentences)
    assert quotes["speaker"].tolist() == ["U.S. government"]
    assert not quotes["is_anonymous"].any()


def test_the_officials_of_a_named_body_keep_its_name():
    # allsides-100 (CNN, two events): "DHS officials have emphasized" and "FDA officials have said" were both
    # "officials", one speaker; an auxiliary between the officials and the verb no longer drops the body
    # (labelling rule 5: anonymous, written as "U.S. officials" is)
    sentences = _articles(
        ["While it's unclear how many are being allowed into the US, the release of at least some migrants into "
         "the US was expected, though DHS officials have emphasized in recent public statements that most migrants "
         "would be expelled or put in expedited removal proceedings."],
        ["FDA officials have said that once data is submitted, the agency could authorize a vaccine."],
        ["FDA officials said that the agency could authorize a vaccine."],
        ["Officials have said that the agency could authorize a vaccine."],
        ["Sen. Jane Roe also has said that the agency could authorize a vaccine."],
        # words before the noun that name nobody leave the unnamed group the subject (the climate articles)
        ["Other scientists have called the threat of global warming the equivalent of war while calling for the "
         "crushing of dissent and the jailing of \"deniers.\""],
        ["Some of the world's top climate scientists have concluded that global warming is likely to reach "
         "dangerous levels."])
    quotes = fr.extract_quotes(sentences)
    assert quotes["speaker"].tolist() == ["DHS officials", "FDA officials", "FDA officials", "officials", "Jane Roe",
                                          "scientists", "world's top climate scientists"]
    assert quotes["is_anonymous"].tolist() == [True, True, True, True, False, True, True]


def test_a_body_is_named_whole():
    sentences = _articles(["“Cases are rising in every state,” the Centers for Disease Control said.",
                           "Newly released emails show Trump pressured DOJ to challenge election results, House "
                           "Oversight says",
                           "The number of people who identify as Native American grew by 27.1% over the last decade, "
                           "according to the U.S. Census.",
                           "A three-judge panel for the U.S. Court of Appeals for the Fourth Circuit ruled Tuesday that "
                           "the federal ban against 18-20-year-olds buying handguns is unconstitutional."])
    assert _speakers(sentences) == ["Centers for Disease Control", "House Oversight", "U.S. Census",
                                    "U.S. Court of Appeals for the Fourth Circuit"]
    quoted_first = _articles(["“Coal plants are losing money,” the Institute of Energy Economics and Financial "
                              "Analysis said.",
                              "“Rates will stay low,” Bank of America said on Monday."])
    assert _speakers(quoted_first) == ["Institute of Energy Economics and Financial Analysis", "Bank of America"]


def test_a_person_behind_a_body_and_a_role_is_the_person():
    sentences = _articles(["Bank of America CEO Brian Moynihan said that consumer spending was still strong.",
                           "“We see no recession,” said Secretary of State Antony Blinken."])
    assert _speakers(sentences) == ["Brian Moynihan", "Antony Blinken"]


def test_a_headline_verb_is_no_part_of_a_name():
    headline = "Biden Vows a Crackdown on Illegal Gun Dealers, Labeling them ‘Merchants of Death’"
    assert _speakers(_articles([headline])) == ["Biden"]
    named = _articles([headline], ["President Joe Biden announced new measures on Thursday to curb gun crime."])
    assert _speakers(named) == ["Joe Biden"]


def test_a_role_in_a_headline_is_a_role_and_the_person_the_event_gives_it():
    headline = "Facebook Whistleblower Says Company ‘Paying For Its Profits With Our Safety’"
    assert _speakers(_articles([headline])) == ["Facebook whistleblower"]
    assert _speakers(_articles(["WHO Head Says Dismissal of COVID Lab-Leak Hypothesis ‘Premature’"])) == ["head"]
    named = _articles([headline], ["Facebook knowingly chooses to prioritize its profits over the safety of its "
                                   "users, Frances Haugen, a whistleblower and former Facebook employee, said in an "
                                   "interview on Sunday."])
    assert set(_speakers(named)) == {"Frances Haugen"}


def test_a_role_is_the_one_person_written_with_it():
    afghan = _articles(["Afghan President Says He Is ‘Remobilizing’ Forces"],
                       ["Afghan President Ashraf Ghani vowed on Saturday to remobilize the security forces.",
                        "President Joe Biden said the withdrawal would go on."])
    assert _speakers(afghan)[0] == "Ashraf Ghani"
    # a former president is another role; with no one else written as president, the role stays
    zuma = _articles(["The wave of looting was planned by enemies of democracy in a deliberate effort to sow chaos, "
                      "the president has said."],
                     ["The unrest began after former President Jacob Zuma was jailed for contempt of court."])
    assert _speakers(zuma) == ["president"]


def test_a_body_named_with_of_is_no_title():
    """"the Department of Justice" ends with a title ("justice") but is a body's name, whole."""
    sentences = _articles(["“We are reviewing the case,” the Department of Justice said in a statement.",
                           "“The review is over,” the Ministry of Justice said."])
    assert _speakers(sentences) == ["Department of Justice", "Ministry of Justice"]


def test_an_office_owned_by_a_title_is_its_holders():
    """"the senator's office" is the office of the senator named before, never a body or place met before."""
    sentences = _articles(["Sen. Sheldon Whitehouse last week refused to apologize for his family's membership in a "
                           "beach club in his home state of Rhode Island.",
                           "The senator's office on Monday denied that the club has discriminatory policies."],
                          ["The senator's office said the club “has minority members.”"])
    speakers = _speakers(sentences)
    assert speakers[0] == "Sheldon Whitehouse’s office" and pd.isna(speakers[1])  # no senator named there


def test_an_adjective_or_a_command_is_never_an_antecedent():
    """A compound adjective ("Republican-led") and a verb opening a command ("Stop Biden's …") name nobody a
    description or a pronoun may later stand for."""
    sentences = _articles(["The justices turned away a challenge from Republican-led states.",
                           "The justices said that the challengers did not have the legal right to bring the case."],
                          ["Stop Biden's $3.5 trillion boondoggle.",
                           "(“Do we have the urgency to spend another $3.5 trillion right now?” he asked on CNN.)"])
    speakers = _speakers(sentences)
    assert "Republican-led" not in speakers and "Stop Biden" not in speakers


def test_fragments_are_no_speakers():
    """A nationality adjective alone ("Israeli bombs destroyed"), a name an excerpt cuts after a plural body word
    ("according to the Centers...") and an answer word ("Yes") name no speaker."""
    sentences = _articles(["Saying Hamas must pay a “very heavy price” for belligerence, Israeli bombs destroyed a "
                           "13-story apartment building in Gaza.",
                           "Most adults have gotten at least one vaccine dose, according to the Centers..."],
                          ["Yes, “we are ready,” the mayor’s aides insist."])
    quotes = fr.extract_quotes(sentences)
    assert not {"Israeli", "Centers", "Yes"} & set(quotes["speaker"].dropna())
    near = _articles(["“Cases are rising,” the Centers for Disease Control said.",
                      "“The ships must be protected,” Israeli officials said."])
    assert _speakers(near) == ["Centers for Disease Control", "Israeli officials"]


def test_unnamed_plural_groups_are_anonymous():
    """"Authorities" and people named only by a common word for their kind ("Shipping workers") are unnamed;
    a named group ("Democratic senators") and a company's workers are not."""
    sentences = _articles(["Authorities said a preliminary investigation determined there were no signs of foul play.",
                           "Shipping workers warn of ‘collapse’ due to pandemic trade restrictions",
                           "“We will vote no,” Democratic senators said."])
    quotes = fr.extract_quotes(sentences)
    assert list(quotes["is_anonymous"]) == [True, True, False]
    assert list(quotes["speaker"])[-1] == "Democratic senators"


def test_a_speaker_found_by_pronoun_or_earlier_mention_keeps_the_periods_of_initials():
    """A middle initial or initials keep their period when "he" or a bare quote points back at the name
    ("Donald J. Trump", "George W. Bush", "J. K. Rowling"); a name ending its sentence loses that period."""
    for name, his, he in (("Donald J. Trump", "his", "he"), ("J. K. Rowling", "her", "she")):
        sentences = _articles([f"{name} riled up {his} critics when {he} called the press “the enemy of the people.”"])
        assert _speakers(sentences) == [name]
    earlier = _articles(["George W. Bush visited the school on Monday.", "“Education is the key to everything we do.”"])
    assert _speakers(earlier) == ["George W. Bush"]
    ending = _articles(["The school was visited on Monday by Jane Roe.", "“Education is the key to everything we do.”"])
    assert _speakers(ending) == ["Jane Roe"]


def test_a_body_with_and_without_its_country_is_one_speaker_across_events():
    """Regression (issue 16): on AllSides events 301-400 "Supreme Court" and "U.S. Supreme Court", of two
    events, were two speakers, as were "Centers for Disease Control and Prevention" and "U.S. Centers …",
    "U.S. government" and "United States government". A country under any of its names is one place,
    and a body with and without it is one speaker across the table when the table writes it with that
    one country only; the name is the spelling most quoted."""
    speech = _articles(["The Supreme Court said Wednesday that public schools have no general power to punish "
                        "students for what they say off campus."],
                       ["The Supreme Court ruled on Monday that the immigrants are not eligible to become "
                        "permanent residents."], event="speech")
    voting = _articles(["The U.S. Supreme Court said in 2013 that the formula used to decide which states need "
                        "approval was out of date."], event="voting")
    quotes = fr.extract_quotes(pd.concat([speech, voting]))
    assert set(quotes["speaker"]) == {"Supreme Court"}
    assert set(quotes["speaker_label"]) == {"Supreme Court", "U.S. Supreme Court"}  # as each outlet wrote it


def test_a_body_of_a_state_is_not_the_countrys():
    """The bare name joins the country's body only where its event writes it after no other place or
    level below a country: with "the Texas Supreme Court" in its event, "the Supreme Court" there may be
    that court, and stays apart from "U.S. Supreme Court"; a state's body named so is never the country's."""
    voting = _articles(["The U.S. Supreme Court said in 2013 that the formula used to decide which states need "
                        "approval was out of date."], event="voting")
    texas = _articles(["The Texas Supreme Court heard the case in May.",
                       "The Supreme Court said the law could stand for now."], event="texas")
    state = _articles(["The state Supreme Court heard the case in May.",
                       "The Supreme Court said the law could stand for now."], event="state")
    by_event = fr.extract_quotes(pd.concat([voting, texas, state])).groupby("event")["speaker"].first()
    assert by_event.to_dict() == {"voting": "U.S. Supreme Court", "texas": "Supreme Court", "state": "Supreme Court"}
    named = _articles(["The Texas Supreme Court said the law could stand for now."], event="named")
    assert set(_speakers(pd.concat([voting, named]))) == {"U.S. Supreme Court", "Texas Supreme Court"}


def test_a_country_under_its_other_names_is_one_government():
    from framing.sources.speaker_names import _body_key

    assert _body_key("United States government") == _body_key("U.S. government") == _body_key("US government")
    assert _body_key("UK Home Office") == _body_key("Britain Home Office") != _body_key("US Home Office")
    assert _body_key("Georgia's secretary of state") == _body_key("Georgia Secretary of State")
    assert _body_key("Washington Post- ABC News") == _body_key("Washington Post-ABC News")
    assert _body_key("US Department of Defense") == _body_key("U.S. Defense Department")
    assert _body_key("Department of Homeland Security") == _body_key("Homeland Security Department")
    assert _body_key("Ministry of Defence") == _body_key("the Defence Ministry")
    assert _body_key("Department of Health and Human Services") == _body_key("Health and Human Services Department")
    assert _body_key("American Red Cross") != _body_key("U.S. Red Cross")  # a nationality is part of a name
    # as is "USA", which names open with (actors 1.24): "USA Today" is no "Today" of the United States
    assert _body_key("USA Today", country=True) == _body_key("USA Today")
    travel = _articles(["The U.S. said Monday it will ease airline restrictions this fall."],
                       ["The US said it would reopen the border."], event="travel")
    ransom = _articles(["The United States government said the attack came from a criminal group based in Russia."],
                       event="ransom")
    assert set(_speakers(pd.concat([travel, ransom]))) == {"U.S. government"}  # two quotes spelt so, one not


def test_a_countrys_adjective_before_a_body_every_state_has_is_the_country():
    """Regression (issue 16, "one actor, one name"): "China" speaking alone is "China government", but "the
    Chinese government" and "China's government" were two more speakers. A country's adjective (`demonyms` of
    `actors.toml`) before a body every state has (`state_bodies`) is the country; elsewhere it is part of a
    name ("American Red Cross"), and a capital stays a place. The first sentence is AllSides' (event 5691)."""
    aukus = _articles(["China has criticised a historic security pact between the US, UK and Australia, describing "
                       "it as \"extremely irresponsible\" and \"narrow-minded\"."],
                      ["“We firmly oppose it,” the Chinese government said in a statement."],
                      ["China's government said the pact would harm peace in the region."],
                      ["The Russian Foreign Ministry said the pact was aimed at Moscow."],
                      ["Russia's Foreign Ministry said it would respond."], event="aukus")
    quotes = fr.extract_quotes(aukus)
    assert quotes["speaker"].nunique() == 2
    assert quotes.groupby("article_id")["speaker"].first().tolist()[:3] == [quotes["speaker"].iloc[0]] * 3
    assert _body_key("the Chinese government") == _body_key("China's government") == _body_key("China government")
    assert _body_key("American government") == _body_key("U.S. government")
    assert _body_key("Russian Foreign Ministry") == _body_key("Russia's Foreign Ministry")
    assert _body_key("Chinese Communist Party") != _body_key("China Communist Party")  # no body every state has
    assert _body_key("Korean government") != _body_key("South Korea government")  # an adjective of two countries


def test_an_owners_description_with_and_without_the_possessive_is_one_speaker():
    """Regression: "Joe Biden's administration" and "Biden administration" were two speakers on all
    AllSides events; two owners of one surname ("George W." and "George H. W. Bush") leave the form
    without a possessive alone."""
    appeal = _articles(["President Joe Biden's administration said it would appeal the ruling."], event="appeal")
    deadline = _articles(["The Biden administration said it would not extend the deadline."], event="deadline")
    assert len(set(_speakers(pd.concat([appeal, deadline])))) == 1
    from scipy.cluster.hierarchy import DisjointSet

    from framing.sources.speaker_names import _join_owners

    names = ["George W. Bush's administration", "George H. W. Bush's administration", "Bush administration"]
    forms = DisjointSet(names)
    _join_owners(forms, names)
    assert len(forms.subsets()) == 3


def test_a_body_with_and_without_the_town_the_texts_write_is_one_speaker():
    """Regression (issue 16): "Sioux Falls Argus Leader" and "Argus Leader" were two speakers. A town that is
    no listed place opens the longer name of the same body when the table's texts write it as a place (a
    dateline "SIOUX FALLS, S.D.", "the Argus Leader of Sioux Falls"). Sentences of the three aeb-dev pages
    that cite the paper; the last one is written after them."""
    sentences = pd.concat([
        _articles(["The campaign, which includes both digital and TV ads, cost the state roughly $449,000, "
                   "according to the Sioux Falls Argus Leader."], event="e1"),
        _articles(["SIOUX FALLS, S.D. – People across the nation are talking about it: South Dakota is on meth.",
                   "The state paid a Minnesota ad agency $449,000 for the campaign, the Argus Leader reported."],
                  event="e2")], ignore_index=True)
    sentences["article_id"] = sentences["event"] + sentences["article_id"]  # one article per event
    assert set(_speakers(sentences)) == {"Sioux Falls Argus Leader"}
    without_town = pd.concat([sentences.iloc[[0]], sentences.iloc[[2]]], ignore_index=True)
    assert set(_speakers(without_town)) == {"Sioux Falls Argus Leader", "Argus Leader"}  # nothing says it is a town


def test_a_listed_place_before_a_function_word_opens_the_name():
    """ "America First Legal" is no "First Legal" of America: a place followed by a function word opens a
    body's name or a slogan, so no place is cut from it, for speakers and actors alike."""
    assert _body_key("America First Legal", country=True) == _body_key("America First Legal")
    assert _body_key("New York City Board of Elections", country=True) == _body_key("Board of Elections")
    assert not fr.person_mentions("“The order is unlawful,” America First Legal said in a statement.")
    assert [m.name for m in fr.person_mentions("He met the envoy to Haiti Daniel Foote.")] == ["Daniel Foote"]
    # nor does a bare "First Legal" join it: a number word opening capitalised words inside a sentence opens
    # their name (it was read "Legal", which joined "America First Legal" as a surname would)
    sentences = pd.concat([_articles(["“The order is unlawful,” America First Legal said in a statement."], event="e1"),
                           _articles(["“We will appeal,” said First Legal, a law firm in Denver."], event="e2")],
                          ignore_index=True)
    sentences["article_id"] = sentences["event"] + sentences["article_id"]  # one article per event
    assert _speakers(sentences) == ["America First Legal", "First Legal"]
    assert [m.name for m in fr.person_mentions("First, Joe Biden spoke.")] == ["Joe Biden"]  # a sentence's first word
    assert [m.name for m in fr.person_mentions("He met First Lady Jill Biden.")] == ["Jill Biden"]


def test_a_one_word_name_in_s_is_no_group_and_a_firm_ending_makes_a_body(shared_data):
    """Regression (issue 16, speaker kinds): "Hinds is to tell" (NewsMTSC) gave the kind "group", a one-word
    name in "-s" read as a plural; a plural English writes in lower case ("Viewers") or a people's plural
    ("Americans") is a group, a surname is none, and one the article names as a person's is a person.
    "America First Legal" was a person: two or more capitalised words are a person's only when `framing.actors`
    reads a person's name in them ("San Diego Chargers", "Rasmussen Reports" of the corpora were persons too)."""
    from framing.sources.speaker_kinds import speaker_kinds

    hinds = next(json.loads(line)["sentence"] for line in (shared_data / "newsmtsc-train" / "train_targets.jsonl").open()
                 if "Hinds is to tell headteachers" in line)
    row = fr.extract_quotes(_articles([hinds])).iloc[0]
    assert row["speaker"] == "Hinds" and row["speaker_kind"] != "group"
    kinds = dict(zip(*[fr.extract_quotes(_articles(["“We will appeal,” Viewers said."], ["“We will appeal,” Americans said."],
                                                   ["“The order is unlawful,” America First Legal said in a statement."],
                                                   ["“We will appeal,” Jane Roe said."]))[c]
                       for c in ("speaker", "speaker_kind")]))
    assert kinds == {"Viewers": "group", "Americans": "group", "America First Legal": "organisation", "Jane Roe": "person"}
    quotes = pd.DataFrame({"article_id": ["a0", "a1"], "speaker": "Hinds", "is_anonymous": False})
    actors = pd.DataFrame({"article_id": ["a0", "a0"], "actor": ["Damian Hinds", "Sarah Hinds"]})
    assert speaker_kinds(quotes, actors).tolist() == ["person", "person"]  # a1: no evidence, a surname (actors 1.30)
    texts = {("a1", 0): "“We will appeal,” Hinds said.", ("a1", 1): "Hinds Group, which makes boats, lost the case."}
    assert speaker_kinds(quotes, actors, texts).tolist() == ["person", "organisation"]  # a1 writes "Hinds Group"


def test_a_surname_is_not_the_campaign_named_after_its_bearer():
    # "Trump" alone was joined to "the Trump campaign" of an earlier quote, as a family name opens a
    # two-word name ("Zhao" -> "Zhao Lijian"): a singular noun in lower case names a thing of his
    quotes = fr.extract_quotes(_articles(
        ["“This is a witch hunt,” the Trump campaign said in a statement.", "“It is over,” Trump said."]))
    assert quotes["speaker"].tolist() == ["Trump campaign", "Trump"]


def test_team_and_its_leaders_name_is_a_body_not_the_person(shared_data):
    """Regression (issue 16, AllSides): "a statement from Team Trump said" was counted under Donald Trump: "Team",
    a kind of body (`descriptors`) capitalised before a name, was cut off as "Drugmaker" is before "Merck". A kind
    that is also a word of bodies' names (`organisation_words`) names the body after its leader: his campaign, an
    organisation (actors 1.30)."""
    article = next(json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open(encoding="utf-8")
                   if "a statement from Team Trump said" in line)
    quotes = fr.extract_quotes(_articles([article["title"], *fr.split_sentences(article["text"])]))
    row = quotes[quotes["speaker_label"] == "Team Trump"].iloc[0]
    assert (row["speaker"], row["speaker_kind"]) == ("Team Trump", "organisation")
    written = fr.extract_quotes(_articles(["Joe Biden spoke.", "“We will start next week,” Team Biden said.",
                                           "“It works,” Drugmaker Merck said."]))
    assert dict(zip(written["speaker"], written["speaker_kind"])) == {"Team Biden": "organisation", "Merck": "organisation"}


@pytest.mark.parametrize("text, speaker", [
    ("“We need help,” Fifth Third Bank said.", "Fifth Third Bank"),  # an ordinal opening a name (was "Third Bank")
    ("“We will appeal,” Eighth Circuit Court said.", "Eighth Circuit Court"),
    ("“We need help,” said the American Red Cross.", "American Red Cross"),  # a nationality in a body's name
    ("“We will go,” said Chinese President Xi Jinping.", "Xi Jinping"),  # a nationality and a title before a person
    ("“We will go,” said American Mark Green.", "Mark Green"),  # a given name: a person's name
])
def test_an_ordinal_or_a_nationality_opening_a_bodys_name_is_part_of_it(text, speaker):
    """Regression (issue 16): "Fifth Third Bank" was read "Third Bank" ("fifth" is spelt otherwise than "five" +
    "th", so no number word) and "the American Red Cross" "Red Cross" (a nationality cut as before a person's
    name). An ordinal opens a name as a cardinal does; a nationality alone before words all of which English also
    writes in lower case (a body's name, as `framing.actors` reads "Red Cross") is part of it (actors 1.30)."""
    assert list(fr.extract_quotes(_articles([text]))["speaker"]) == [speaker]


def _one_article(*texts: str) -> list:
    table = pd.DataFrame({"article_id": "a", "sentence_id": range(len(texts)), "outlet": "A", "event": "e",
                          "kind": "body", "text": list(texts)})
    return [None if pd.isna(s) else s for s in fr.extract_quotes(table)["speaker"]]


@pytest.mark.parametrize("words, before, opens", [
    (["April", "Ryan"], "said journalist ", True), (["June", "Smith"], "", True),
    (["April", "Congress"], "In ", False),  # a time after "in"
    (["Sunday", "Pelosi"], "", False), (["In", "Congress"], "", False), (["So", "Manchin"], "", False),  # given names, no months
    (["May", "Times"], "", False),  # an organisation word
])
def test_a_month_opens_a_name_only_as_a_given_name(words, before, opens):
    """Regression: attribution's `_given_name_of_month` took any given name that stops a speaker for a month
    ("In", "So", "Sunday" are listed given names) and was a second copy of speaker_memory's rule; one
    function (`name_kinds._month_opens_name`) now serves both."""
    from framing.sources.name_kinds import _month_opens_name
    assert _month_opens_name(words, before) is opens


@pytest.mark.parametrize("text, speaker", [  # written for this test
    ("Sunday Pelosi said the bill would pass the House.", "Pelosi"),
    ("Monday Pelosi said the bill would pass the House.", "Pelosi"),
    ("“That is absurd!” said journalist April Ryan.", "April Ryan"),
    ("June Smith said the school would reopen.", "June Smith"),
])
def test_a_day_or_month_before_a_name_is_a_time(text, speaker):
    assert _one_article(text) == [speaker]
