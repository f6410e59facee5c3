"""Sources and quotes: attribution patterns, the seed corpus, summaries, and real AllSides text."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing as fr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_sources import SEEN, score_sample, second_opinion  # noqa: E402
from quote_samples import read_samples  # noqa: E402

from framing.sources import SPEAKER_KINDS, clip_name  # noqa: E402


def _table(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": "a", "sentence_id": range(len(texts)), "outlet": "A", "event": "e",
                         "kind": "body", "position": [i / max(len(texts) - 1, 1) for i in range(len(texts))],
                         "text": texts})


@pytest.mark.parametrize("text, speaker, verb, direct", [
    ("“We will not retreat,” Mayor Jane Roe said.", "Jane Roe", "say", True),
    ("“We will not retreat,” said Mayor Jane Roe.", "Jane Roe", "say", True),
    ("Jane Roe, the city's mayor, warned: \"We will not retreat from this fight.\"", "Jane Roe", "warn", True),
    ("The plan will fail, according to Senator John Smith.", "John Smith", "according to", False),
    ("Officials said the bridge would reopen on Monday, “if the weather holds.”", "officials", "say", True),
    ("- French Defense Minister Sébastien Lecornu warned against “peace through weakness”.",
     "Sébastien Lecornu", "warn", True),
])
def test_attribution_patterns(text, speaker, verb, direct):
    quotes = fr.extract_quotes(_table([text]))
    if not direct:
        assert quotes.empty or not quotes["is_direct"].any()
        return
    row = quotes.iloc[0]
    assert (row["speaker"], row["verb"], row["is_direct"]) == (speaker, verb, True)


def test_indirect_quote_and_pronoun_and_surname_resolution():
    quotes = fr.extract_quotes(_table([
        "Defense Secretary Pete Hegseth said that Europe must do more.",
        "“The bloodshed must stop,” he said.",
        "Hegseth stated, “To be clear, there will be no troops.”",
    ]))
    assert list(quotes["speaker"]) == ["Pete Hegseth"] * 3
    assert list(quotes["is_direct"]) == [False, True, True]
    assert quotes.iloc[0]["speaker_label"] == "Defense Secretary Pete Hegseth"
    assert quotes.iloc[0]["quote"] == "Europe must do more."
    assert list(quotes["verb_stance"]) == ["neutral"] * 3


def test_anonymous_sources_are_flagged():
    quotes = fr.extract_quotes(_table(["“It is over,” a person familiar with the talks said."]))
    assert quotes.iloc[0]["is_anonymous"]


def test_partial_quote_inside_a_sentence():
    quotes = fr.extract_quotes(_table(["Trump revealed that talks would begin “immediately.”"]))
    assert quotes.iloc[0]["is_partial"] and quotes.iloc[0]["speaker"] == "Trump"


def test_seed_speakers_and_verbs(seed_sentences):
    quotes = fr.extract_quotes(seed_sentences)
    by_outlet = quotes.groupby("outlet")["speaker"].apply(set)
    blog = "Unnamed blog"
    news = next(o for o in by_outlet.index if o != blog)
    assert "Pete Hegseth" in by_outlet[news] and "Pete Hegseth" in by_outlet[blog]
    assert {"Sébastien Lecornu", "Boris Pistorius"} <= by_outlet[blog]
    assert not {"Sébastien Lecornu", "Boris Pistorius"} & by_outlet[news]
    verbs = quotes.groupby("outlet")["verb"].apply(set)
    assert {"say", "state"} <= verbs[news]
    assert {"assert", "warn", "criticize"} <= verbs[blog]
    stance = quotes.set_index("speaker").loc["Boris Pistorius"]
    assert stance["verb_stance"] == "evaluative"
    labels = set(quotes.loc[quotes["speaker"] == "Boris Pistorius", "speaker_label"])
    assert labels == {"German Defense Minister Boris Pistorius"}
    trump = quotes[quotes["quote"].str.startswith("immediately")]
    assert list(trump["speaker"]) == ["Donald Trump"]


def test_seed_summaries(seed_sentences):
    quotes = fr.extract_quotes(seed_sentences)
    speakers = fr.summarise_speakers(quotes)
    blog = speakers[speakers["outlet"] == "Unnamed blog"].set_index("speaker")
    assert blog.loc["Pete Hegseth", "rank"] == 1  # quoted first
    assert abs(speakers.groupby("outlet")["word_share"].sum() - 1).max() < 1e-9
    verbs = fr.count_verbs(quotes)
    assert set(verbs["verb_stance"]) == {"neutral", "evaluative"}
    voice = fr.add_voice(seed_sentences)
    assert {"narration", "mixed"} <= set(voice["voice"])
    quoted = voice[voice["text"].str.startswith("“The bloodshed")].iloc[0]
    assert quoted["quoted_text"].startswith("The bloodshed") and "Hegseth said" in quoted["narration_text"]


def test_real_news_quotes_name_a_speaker_from_their_sentence(shared_data):
    """On 300 AllSides excerpts, every named speaker appears in its own sentence or earlier in the
    article (no speaker is invented), and about half of the direct quotes are attributed (the rest are mostly scare quotes)."""
    articles = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open()][:300]
    rows = [{"article_id": a["article_id"], "sentence_id": i, "outlet": a["outlet"], "kind": "body",
             "position": 0.0, "text": t}
            for a in articles for i, t in enumerate(fr.split_sentences(a["text"]))]
    sentences = pd.DataFrame(rows)
    quotes = fr.extract_quotes(sentences)
    direct = quotes[quotes["is_direct"]]
    assert len(direct) > 100
    assert direct["speaker"].notna().mean() > 0.4  # measured 0.50: many are scare quotes and titles
    text_of = sentences.groupby("article_id")["text"].apply(" ".join)
    named = quotes[quotes["speaker"].notna()]
    # an unnamed source is written in lower case ("Experts say" → "experts", reporting verbs 1.18)
    # a country alone speaks as its government ("The U.S. said" → "U.S. government", actors 1.14)
    assert all(row.speaker.removesuffix(" government").split()[-1].lower() in text_of[row.article_id].lower()
               for row in named.itertuples())


def test_quote_across_sentences_is_one_row():
    quotes = fr.extract_quotes(_table([
        "Mayor Jane Roe spoke on Friday.",
        "“We will rebuild the bridge.",
        "It will take two years,” she said.",
        "The council agreed.",
    ]))
    assert len(quotes) == 1
    row = quotes.iloc[0]
    assert (row["sentence_id"], row["sentence_end"]) == (1, 2)
    assert row["quote"] == "We will rebuild the bridge. It will take two years,"
    assert row["speaker"] == "Jane Roe" and row["n_words"] == 10


def test_a_quote_never_closed_stays_in_its_sentence():
    quotes = fr.extract_quotes(_table(["He called it “a farce.", "Nobody answered."]))
    assert quotes.empty


@pytest.mark.parametrize("text, partial", [
    ("“We will not retreat,” Jane Roe said.", False),  # opens the sentence
    ("Jane Roe said: “We will not retreat.”", False),  # colon introduction
    ("Jane Roe said, “We will not retreat.”", False),  # comma introduction
    ("Jane Roe called the plan “a disaster.”", True),  # woven into the sentence
    ("Jane Roe said that “We will not retreat.”", True),  # grammatically the journalist's clause
    ("“a disaster,” Jane Roe said of the plan.", True),  # starts in lower case: a fragment
])
def test_partial_and_full_quotes(text, partial):
    assert fr.extract_quotes(_table([text])).iloc[0]["is_partial"] == partial


def test_surname_resolves_to_a_name_met_without_a_quote():
    quotes = fr.extract_quotes(_table([
        "The talks were hosted by Foreign Minister Anna Berg in Oslo.",
        "“We are close,” Berg said.",
    ]))
    assert list(quotes["speaker"]) == ["Anna Berg"] and list(quotes["speaker_label"]) == ["Berg"]


def test_quotes_record_the_verb_list_version():
    quotes = fr.extract_quotes(_table(["“Yes,” Jane Roe said."]))
    assert list(quotes["lexicon_version"]) == [str(fr.load_data("reporting_verbs")["version"])]


def test_text_share_uses_all_words_of_the_outlet():
    sentences = _table(["“We will win this,” Jane Roe said.", "The vote is on Monday."])
    sentences["n_words"] = [7, 5]
    speakers = fr.summarise_speakers(fr.extract_quotes(sentences), sentences)
    assert speakers.loc[0, "n_words"] == 4 and speakers.loc[0, "text_share"] == pytest.approx(4 / 12)


def _sample_quote(item: dict) -> pd.Series | None:
    texts = item["text"].split("\n")
    quotes = fr.extract_quotes(_table(texts).assign(article_id=item["article_id"]))
    found = quotes[(quotes["sentence_id"] == item["sentence_id"]) & (quotes["quote"] == item["quote"])]
    return None if found.empty else found.iloc[0]


def test_hand_labelled_allsides_sample(shared_data):
    """The seen quotes drawn at random from AllSides excerpts and labelled by hand (docs/speaker-accuracy.md): every
    quote is found, and the speakers given are mostly right (bench_sources.py prints the errors;
    a speaker counts as right here when its last word is the labelled one's)."""
    path = Path(__file__).parent / "fixtures" / "quotes_allsides_sample.jsonl"
    items = [item for item in read_samples(path, shared_data) if item["split"] in SEEN]
    rows = [_sample_quote(item) for item in items]
    assert all(row is not None for row in rows)
    named = [(item["speaker"], row["speaker"]) for item, row in zip(items, rows)
             if isinstance(row["speaker"], str) and not row["is_anonymous"]]
    right = sum(expected is not None and expected.split()[-1] == got.split()[-1] for expected, got in named)
    assert right / len(named) >= 0.88  # measured 108 of 117 (reporting verbs 1.5)
    labelled = sum(item["speaker"] not in (None, "anonymous") for item in items)
    assert right / labelled >= 0.80  # measured 108 of 127 (0.85)
    by_quote = {item["quote"]: row for item, row in zip(items, rows)}
    assert by_quote["Today we are announcing that Texas will build a border wall in our state to help secure our border,"]["speaker"] == "Greg Abbott"
    assert by_quote["The first time he used military force was about a month after he was inaugurated,"]["speaker"] == "Lawrence J. Korb"
    assert pd.isna(by_quote["Fox & Friends"]["speaker"])


@pytest.mark.parametrize("texts, speaker", [
    # the object of "told" is the listener, not the speaker (the parents, unnamed, speak)
    (["“We need more schools,” the parents told Governor Ann Lee."], "parents"),  # "the" no part of a group
    (["“We need more schools,” Dr. Ann Lee, a pediatrician, told Fox News."], "Ann Lee"),
    # "the president" is the last person written as President …
    (["President Joe Biden met Prime Minister Ann Lee.", "“Let’s get this straight,” the president said."],
     "Joe Biden"),
    # before anyone has spoken, "she" is the last person named with a role
    (["Journalist Ann Lee turned down the job in North Carolina.", "“It was hard,” she told CBS."], "Ann Lee"),
    # "US state department" holds a noun, not the verb "state"
    (["Officials in the US state department were \"shocked\" on Monday."], None),
])
def test_speaker_rules(texts, speaker):
    quotes = fr.extract_quotes(_table(texts))
    got = quotes.iloc[-1]["speaker"]
    assert (got if isinstance(got, str) else None) == speaker


def test_titles_in_quote_marks_have_no_speaker():
    quotes = fr.extract_quotes(_table(["Jane Roe said on “Fox & Friends” that the law works."]))
    assert quotes.iloc[0]["pattern"] == "title" and pd.isna(quotes.iloc[0]["speaker"])
    headline = fr.extract_quotes(_table(["Roe Says “Law Works Fine”"]))
    assert headline.iloc[0]["pattern"] != "title"


@pytest.mark.parametrize("texts, speaker", [
    # an unattributed quote right after a quote goes on in the same voice
    (["“We will rebuild,” Mayor Jane Roe said.", "“It is a matter of pride.”"], "Jane Roe"),
    # ... but not after narration
    (["“We will rebuild,” Mayor Jane Roe said.", "The council met.", "“It is a matter of pride.”"], None),
    # the office speaks, not its head
    (["A statement from Prime Minister Ann Lee’s office praised “a historic deal.”"], "Ann Lee’s office"),
    # a name in apposition, then an adverb and the verb
    (["A city spokesman, Tom Ash, initially said that “the bridge is safe.”"], "Tom Ash"),
    # a party and state in brackets after the name
    (["Senator Tom Ash (R-Ohio) told reporters that “the bill is dead.”"], "Tom Ash"),
    # a country speaks as its government (actors 1.14)
    (["Since then, the U.S. has confirmed that it will send no troops."], "U.S. government"),
])
def test_more_speaker_rules(texts, speaker):
    got = fr.extract_quotes(_table(texts)).iloc[-1]["speaker"]
    assert (got if isinstance(got, str) else None) == speaker


@pytest.mark.parametrize("texts, quote, speaker", [
    # the speaker named in the sentence before, which quoted nobody
    (["Mayor Jane Roe spoke to reporters on Tuesday.", "Mayor Jane Roe said on Tuesday that the bridge would open.",
      "“We will rebuild it in a year.”"], "We will rebuild it in a year.", "Jane Roe"),
    # a bare quote, then "she said." in the next sentence
    (["Mayor Jane Roe and Tom Ash met in the hall.", "“We will rebuild it in a year.”", "She said."],
     "We will rebuild it in a year.", "Jane Roe"),
    # an epigraph-like quote and the dash line under it; the next quote is not hers
    (["“The bridge is a disgrace.”", "— Sen. Jane Roe (R-Ohio), in a tweet, April 25", "“It will stand.”"],
     "The bridge is a disgrace.", "Jane Roe"),
    (["“The bridge is a disgrace.”", "— Sen. Jane Roe (R-Ohio), in a tweet, April 25", "“It will stand.”"],
     "It will stand.", None),
    # a long apposition after an opening quote
    (["“Schools must stay open,” Dr. Ann Lee, former president of the medical association and now head of "
      "a health company, told reporters."], "Schools must stay open,", "Ann Lee"),
    # the person opening the sentence, with a reporting verb further on
    (["Governor Tom Ash, who was leaving the stage, turned around and said the plan was “a disaster.”"],
     "a disaster.", "Tom Ash"),
    # a sentence opened by a participle: its subject comes after the comma
    (["Declaring that the state must “get this done,” Governor Tom Ash opened the session."],
     "get this done,", "Tom Ash"),
    # a description standing for the person named before
    (["Senator Tom Ash gave the reply.", "Calling it “empty words,” the Ohio Republican accused the governor."],
     "empty words,", "Tom Ash"),
    # no speaker from a sentence opener, a party tag or a plural document
    (["If the deadline passes, “we will run out of cash,” she warned."], "we will run out of cash,", None),
    (["Reports said the strike “hit the target.”"], "hit the target.", None),
    # the author of the document "according to" names
    (["The change is “irreversible,” according to a report released by the United Nations on Monday."],
     "irreversible,", "United Nations"),
    (["The office was “rife with fear,” according to a report from the state attorney general, Jane Roe."],
     "rife with fear,", "Jane Roe"),
    # "the agency said": the body named before, in its fullest form (labelling rule 3)
    (["The Food and Drug Administration (FDA) approved the pill on Monday.",
      "The agency said the risk was “very low.”"], "very low.", "Food and Drug Administration"),
    # "his family said": the family of the last person named
    (["Former Secretary Tom Ash died on Monday.", "“He was a great man,” his family said."],
     "He was a great man,", "Tom Ash’s family"),
])
def test_speakers_around_the_quote(texts, quote, speaker):
    quotes = fr.extract_quotes(_table(texts))
    got = quotes.loc[quotes["quote"] == quote, "speaker"].iloc[0]
    assert (got if isinstance(got, str) else None) == speaker


def test_unnamed_people_are_anonymous():
    quotes = fr.extract_quotes(_table(["“Top off your cars,” a friend texted this week."]))
    assert quotes.iloc[0]["is_anonymous"] and quotes.iloc[0]["speaker"] == "friend"


def test_surnames_completed_across_articles_when_one_name_fits():
    table = pd.concat([_table(["“Yes,” President Joe Biden said."]),
                       _table(["“No,” Biden said.", "“Maybe,” Ash said."]).assign(article_id="b"),
                       _table(["“Now,” Tom Ash said.", "“Later,” Ann Ash said."]).assign(article_id="c")])
    quotes = fr.extract_quotes(table)
    assert list(quotes["speaker"]) == ["Joe Biden", "Joe Biden", "Ash", "Tom Ash", "Ann Ash"]


def test_the_tail_of_a_body_name_is_not_a_speaker():
    quotes = fr.extract_quotes(_table(["The Centers for Disease Control and Prevention (CDC) said “masks work.”"]))
    assert quotes.iloc[0]["speaker"] != "Prevention"


@pytest.mark.parametrize("text, speaker, anonymous", [
    ("NATO chief says Ukraine will join the alliance one day", "NATO chief", False),
    ("According to two officials, the talks stalled over the border.", "officials", True),
    ("The talks stalled over the border, according to two officials.", "officials", True),
    ("The talks stalled over the border, officials said on Tuesday.", "officials", True),
])
def test_attributions_without_that_are_indirect_quotes(text, speaker, anonymous):
    quotes = fr.extract_quotes(_table([text]))
    assert len(quotes) == 1 and not quotes.loc[0, "is_direct"]
    assert quotes.loc[0, "speaker"] == speaker and quotes.loc[0, "is_anonymous"] == anonymous
    assert "talks stalled" in quotes.loc[0, "quote"] or "Ukraine will join" in quotes.loc[0, "quote"]


@pytest.mark.parametrize("text, speaker, anonymous, clause", [
    # a source named after the last comma frames the whole sentence, whatever verb the clause holds
    ("The alliance will respond to any attack, according to two officials.", "officials", True,
     "The alliance will respond to any attack"),
    ("The alliance will respond to any attack, according to U.S. officials.", "U.S. officials", True,
     "The alliance will respond to any attack"),
    # an unnamed person after "according to"
    ("According to a senior administration official, the plan was dropped.", "senior administration official",
     True, "the plan was dropped."),
    # the speaker's label or a count between the comma and the speaker
    ("Biden will sign the bill on Friday, the White House said.", "White House", False,
     "Biden will sign the bill on Friday"),
    ("Biden will sign the bill on Friday, White House press secretary Jen Psaki said.", "Jen Psaki", False,
     "Biden will sign the bill on Friday"),
    ("The talks have stalled, two people familiar with the matter said.", "people familiar with the matter", True,
     "The talks have stalled"),
    ("Two people familiar with the matter said the talks had stalled.", "people familiar with the matter", True,
     "the talks had stalled."),
    ("Hiring rose in July at its fastest pace in a year, the Labor Department reported Friday.", "Labor Department",
     False, "Hiring rose in July at its fastest pace in a year"),
])
def test_sources_after_a_comma_and_unnamed_sources_are_indirect_quotes(text, speaker, anonymous, clause):
    quotes = fr.extract_quotes(_table([text]))
    assert len(quotes) == 1 and not quotes.loc[0, "is_direct"]
    assert quotes.loc[0, "speaker"] == speaker and quotes.loc[0, "is_anonymous"] == anonymous
    assert quotes.loc[0, "quote"] == clause


@pytest.mark.parametrize("text", [
    # a clause, not a label, stands between the comma and a later verb of saying
    "Manchin made clear that $1.5 trillion was his limit, putting him $2 trillion away from the lowest "
    "number progressive Democrats have said they would accept.",
    "The office is expected to unseal indictments around 2 p.m., though the exact charges are not yet known.",
    # a document with no issuer, or one a newsroom only obtained, names no source
    "The rule will be dropped, according to a draft obtained by The Washington Post.",
    "The company will cut 500 jobs, according to a filing.",
])
def test_clauses_and_obtained_documents_name_no_source(text):
    quotes = fr.extract_quotes(_table([text]))
    assert quotes.empty or quotes["speaker"].isna().all()


@pytest.mark.parametrize("text, speaker, clause", [
    ("Senator Jane Roe told reporters that the bill would pass.", "Jane Roe", "the bill would pass."),
    ("Jane Roe warned lawmakers on Tuesday that the bill would fail.", "Jane Roe", "the bill would fail."),
    ("The Labor Department announced Thursday that prices rose 5% in May.", "Labor Department",
     "prices rose 5% in May."),
    ("Jane Roe wrote on Twitter that the bill would pass.", "Jane Roe", "the bill would pass."),
    ("Jane Roe said on Tuesday that the bill would pass.", "Jane Roe", "the bill would pass."),
    # "say" takes no object: the words after it are the clause, "that" a relative pronoun inside it
    ("Jane Roe said the plan that Biden proposed would fail.", "Jane Roe", "the plan that Biden proposed would fail."),
])
def test_a_verb_of_saying_reports_the_clause_after_its_that(text, speaker, clause):
    quotes = fr.extract_quotes(_table([text]))
    assert len(quotes) == 1 and not quotes.loc[0, "is_direct"]
    assert (quotes.loc[0, "speaker"], quotes.loc[0, "quote"]) == (speaker, clause)


@pytest.mark.parametrize("text", [
    "Jane Roe posted a video on Twitter that appeared to show the crash.",
    "Jane Roe announced an investigation that will look into the crash.",
    "Liberals sent a stern warning to Democratic leaders that the bill cannot pass.",
    "Jane Roe described how she felt when news broke that the pipeline was cancelled.",
])
def test_a_relative_that_or_a_noun_reports_nothing(text):
    assert fr.extract_quotes(_table([text])).empty


@pytest.mark.parametrize("text, speaker", [
    ("“We are reviewing the data,” the Food and Drug Administration said.", "Food and Drug Administration"),
    ("“We are reviewing the data,” the Department of Health and Human Services said.",
     "Department of Health and Human Services"),
])
def test_a_body_whose_name_holds_and_is_one_speaker(text, speaker):
    assert fr.extract_quotes(_table([text])).loc[0, "speaker"] == speaker


def test_opening_paragraph_of_a_quote_over_two_paragraphs_is_a_quote():
    texts = ["Hegseth spoke in Brussels.", "“We will not send troops to Ukraine, and we will not fight.",
             "“Europe must take the lead,” Hegseth said."]
    quotes = fr.extract_quotes(_table(texts).assign(paragraph_id=[0, 1, 2]))
    assert list(quotes["sentence_id"]) == [1, 2]
    assert quotes.loc[0, "quote"] == "We will not send troops to Ukraine, and we will not fight."
    assert list(quotes["speaker"]) == ["Hegseth", "Hegseth"]


@pytest.mark.parametrize("text", [
    "“We will win,” Texas said in a filing.",
    "WASHINGTON “We will win,” Mr said.",
    "“We will win,” the Committee said.",
])
def test_places_honorifics_and_bodies_without_a_name_are_no_speakers(text):
    quotes = fr.extract_quotes(_table([text]))
    assert quotes["speaker"].isna().all()


@pytest.mark.parametrize("text, speaker", [
    ("If Hillsborough said “we will win this,” nobody listened.", "Hillsborough"),
    ("Now Ryan says “the bill is dead” and walks away.", "Ryan"),
])
def test_sentence_openers_are_not_part_of_a_speaker(text, speaker):
    assert fr.extract_quotes(_table([text]))["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("texts, speaker, anonymous", [
    (["Rose Roe says the party is a cult.", "It “harms people,” the actor and activist said Monday."], "Rose Roe", False),
    (["The bridge was closed.", "It was an “active threat,” the US Capitol Police wrote on Twitter."],
     "US Capitol Police", False),
    (["“We are committed to access,” Biden's proclamation states."], "Biden", False),
    (["U.S. officials said only China can help.", "“China's cooperation is needed,” they said."], "U.S. officials", True),
    (["President Jane Roe on Friday claimed that the threat is “gone” from the region."], "Jane Roe", False),
    (["It was “rife with fear,” the report said."], None, False),
])
def test_descriptions_bodies_documents_and_pronouns(texts, speaker, anonymous):
    quote = fr.extract_quotes(_table(texts)).query("is_direct").iloc[-1]
    assert (quote["speaker"] if isinstance(quote["speaker"], str) else None) == speaker
    assert bool(quote["is_anonymous"]) == anonymous


def test_a_sentence_opening_with_a_name_and_a_verb_other_than_say_is_not_a_quote():
    quotes = fr.extract_quotes(_table(["Eric Adams claimed victory in the primary on Tuesday night."]))
    assert quotes.empty


@pytest.mark.xdist_group("labelled_quotes")  # one worker quotes the labelled excerpts once (quotes_once)
@pytest.mark.timeout(1500)  # 2,904 excerpts quoted one by one: 260 s on a quiet 2-core machine, 1,619 s at load 8-9
def test_accuracy_on_the_seen_sample_holds_its_floor(shared_data, quotes_once, monkeypatch):
    """Speaker accuracy on the hand-labelled quotes read while writing the rules (dev, holdout, test,
    fresh, blind, blind2, blind3, blind4, since reporting verbs 1.15 blind5 and blind6, and since 1.17
    blind7, since 1.19 blind8, since 1.21 blind9, since 1.23 blind10, since 1.25 blind11, since 1.28
    blind12, since 1.29 blind13, since 1.31 blind14, since 1.34 blind15, since 1.39 blind16, since 1.41
    blind17, since 1.42 blind18, since 1.43 blind19, since 1.44 blind20, since 1.45 blind21, since 1.47 blind22,
    since 1.49 blind23, since 1.51 blind24, since 1.52 blind25, since 1.53 blind26, since 1.54 blind27, since 1.55 blind28, since 1.56 blind29 and after 1.56 blind30 and blind31: 2,904), scored as
    `benchmarks/bench_sources.py`
    scores it: measured 0.84 (precision 0.90) with reporting verbs 1.11 once blind4 joined them, 0.86
    (precision 0.91) with 1.12, 0.88 (precision 0.92) on the 468 with 1.13, 0.88 on the 581 with 1.15,
    0.87 on the 641 with 1.16 and 0.88 with 1.17, 0.87 (precision 0.91) on the 701 with 1.19, 0.862 on
    the 761 with 1.19, 0.864 on the 861 with 1.23, 0.868 on the 961 with 1.25, 0.869 on the 1,061 with
    1.28, 0.872 on the 1,161 with 1.29, 0.875 on the 1,261 with 1.31, 0.883 on the 1,361 with 1.34, 0.891
    on the 1,461 with 1.39, 0.887 on the 1,561 with 1.40 and 0.890 with 1.41, 0.883 on the 1,661 with 1.41 and
    0.886 with 1.42, 0.881 on the 1,761 with 1.42 and 0.882 with 1.43, 0.878 on the 1,861 with 1.43 and 0.879
    with 1.44, 0.871 on the 1,961 with 1.44 and 0.875 with 1.45, 0.874 on the 2,061 with 1.46, 0.877 with 1.47 and 0.878 with 1.48, 0.870 on the 2,161 with 1.48 and 0.873
    with 1.49 and 0.875 with 1.50, 0.869 on the 2,261 with 1.50 and 0.871 with 1.51, 0.867 on the 2,361 with 1.51 and 0.869 with 1.52, 0.867 on the 2,461 with 1.52 and 0.868 with 1.53, 0.862 on the 2,561 with 1.53 and 0.863 with 1.54, 0.863 on the 2,661 with 1.54 and 0.865 with 1.55, 0.864 on the 2,713 with 1.55 and 0.866 with 1.56, 0.856 on the 2,904 with 1.56 and 0.858 with 1.58; a
    rule change that loses more than two points fails here."""
    monkeypatch.setattr(fr, "extract_quotes", quotes_once)  # each excerpt quoted once a session (conftest.py)
    fixtures = Path(__file__).parent / "fixtures"
    items = [item for name in ("quotes_allsides_sample.jsonl", "quotes_news_sample.jsonl")
             for item in read_samples(fixtures / name, shared_data)]
    seen = score_sample([item for item in items if item["split"] in SEEN])
    # one blind16 quote, the term ‘Green New Deal’ inside a quote opened by a curly mark and closed by a straight
    # one, is inside the outer quote since reporting verbs 1.37 pairs such marks, no row of its own
    assert seen["n_quotes"] == 2904 and seen["quotes_found"] == 2903
    assert seen["accuracy"] >= 0.85 and seen["precision"] >= 0.89


@pytest.mark.xdist_group("labelled_quotes")  # one worker quotes the labelled excerpts once (quotes_once)
def test_second_annotator_labels_the_same_quotes(shared_data, quotes_once, monkeypatch):
    """The second, independent labels (docs/speaker-accuracy.md, "How far two people agree") name each of the
    blind3, blind4, blind21 and blind22 quotes once; on the blind3 quotes both annotators label alike framing keeps
    to its measured 0.91 (69 of 76, reporting verbs 1.10) within two quotes."""
    monkeypatch.setattr(fr, "extract_quotes", quotes_once)  # each excerpt quoted once a session (conftest.py)
    fixtures = Path(__file__).parent / "fixtures"
    items = [item for name in ("quotes_allsides_sample.jsonl", "quotes_news_sample.jsonl")
             for item in read_samples(fixtures / name, shared_data)]
    second = [json.loads(line) for line in (fixtures / "quotes_second_annotator.jsonl").open(encoding="utf-8")]
    key = ("split", "article_id", "sentence_id", "quote")
    relabelled = {tuple(item[k] for k in key) for item in items if item["split"] in ("blind3", "blind4", "blind21", "blind22")}
    assert sorted(tuple(label[k] for k in key) for label in second) == sorted(relabelled)
    blind3 = second_opinion(items)["blind3"]
    assert blind3["n"] == 80 and blind3["annotators_agree"] >= 70
    assert blind3["framing_on_agreed"] >= blind3["annotators_agree"] - 9


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a name right after the quote, its verb cut off by the excerpt's end
    (["“Making sure the voter rolls are up to date is key to the integrity of our elections,” Georgia "
      "Secretary of State Brad Raffensperger, a..."], "Making sure the voter rolls are up to date is key to "
     "the integrity of our elections,", "Brad Raffensperger", False),
    (["“We will appeal this ruling,” Judge..."], "We will appeal this ruling,", "judge", False),
    # a possessive subject whose head is something said: the owner speaks
    (["President Biden's joint address to Congress looked back over the challenges he faced and declared "
      "\"America is on the move again.\""], "America is on the move again.", "Biden", False),
    # "the US president": the person named before (no role of theirs known)
    (["Joe Biden has announced a goal for Independence Day.",
      "The US president urged people to get inoculated and said his administration was “ready to move immediately.”"],
     "ready to move immediately.", "Joe Biden", False),
    # she / he: the last person whose gender fits (honorifics), not merely the last speaker
    (["Ms. Ann Lee spoke first.", "“We agree,” Mr. Tom Ash said.", "“It is late,” she added."],
     "It is late,", "Ann Lee", False),
    # she: the person the same sentence names before the pronoun
    (["Democratic Missouri Rep. Cori Bush riled up her online critics on Thursday when she referred to women as "
      "\"birthing people\" during a congressional hearing."], "birthing people", "Cori Bush", False),
    # a document's author, named where the document was introduced
    (["The Federal Trade Commission has filed an amended antitrust complaint against Facebook.",
      "“Facebook has today a dominant share of the market,” the complaint alleges."],
     "Facebook has today a dominant share of the market,", "Federal Trade Commission", False),
    # a body's document: the body ("the agency's report said")
    (["The Food and Drug Administration (FDA) approved the pill on Monday.",
      "The agency’s report said the risk was “very low.”"], "very low.", "Food and Drug Administration",
     False),
    # a bare quote after a sentence that names one author
    (["The direction came in an opinion released Friday by the Justice Department's Office of Legal Counsel, "
      "which provides legal advice to the executive branch.",
      "\"The Chairman of the Ways and Means Committee has invoked sufficient reasons.\""],
     "The Chairman of the Ways and Means Committee has invoked sufficient reasons.",
     "Justice Department's Office of Legal Counsel", False),
    # roles before a full name hold an organisation word: still a person
    (["White House Press Secretary Jen Psaki said Wednesday that the changes “will move more goods faster.”"],
     "will move more goods faster.", "Jen Psaki", False),
    # an outlet's reporter, without the outlet
    (["“The talks went well,” CBS’s Steven Portnoy reported."], "The talks went well,", "Steven Portnoy", False),
    # naming verbs: "referred to … as"
    (["Rep. Jane Roe referred to the bill as “a power grab.”"], "a power grab.", "Jane Roe", False),
    # unnamed groups and indefinite pronouns are anonymous; "the official" is the unnamed one before
    (["“We want freedom,” protesters chanted."], "We want freedom,", "protesters", True),
    (["Others note that these are “only” state charges."], "only", "others", True),
    (["“It was a mistake,” the official said."], "It was a mistake,", "official", True),
])
def test_sieve_rules(texts, quote, speaker, anonymous):
    quotes = fr.extract_quotes(_table(texts))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker
    assert bool(row["is_anonymous"]) == anonymous


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a partial quote woven into a sentence whose subject is a named person, with a verb that does not
    # report speech: the subject's words (AllSides excerpts of the seen sample)
    (["President Joe Biden on Tuesday laid out his administration’s plan to urge more Americans to get "
      "vaccinated against COVID-19, including “door-to-door outreach” in some communities."],
     "door-to-door outreach", "Joe Biden", False),
    (["President Biden took an important but limited step Wednesday toward an investigation.",
      "He issued an order directing his intelligence agencies to “redouble their efforts” to look into the "
      "two competing hypotheses."], "redouble their efforts", "Biden", False),
    # … not when a clause with a subject of its own stands between, nor for a term marked as one
    (["Kevin McCarthy yanked all five appointees from the committee after Pelosi refused to seat two of "
      "them over concerns that they would impact the “integrity of the investigation.”"],
     "integrity of the investigation.", None, False),
    (["Senator Rand Paul questioned the so-called “gain of function” research in Wuhan."],
     "gain of function", None, False),
    # a full quote is not read this way: "Biden visited the site" names no speaker of the quote after it
    (["Mr. Joe Biden visited the site. “We will rebuild,” a worker shouted."], "We will rebuild,", "worker", True),
    # an unnamed person followed by a time preposition is still the speaker
    (["“We cannot wait any longer,” said a woman after a visit to the camp."], "We cannot wait any longer,",
     "woman", True),
    # a participle opening a sentence ends at its comma: a reporting verb after it names the speaker
    (["Speaking to reporters in some of the areas worst hit by the unrest, Cyril Ramaphosa said authorities "
      "had identified “a good number” of those who planned and coordinated the violence, the worst in South "
      "Africa since the end of the apartheid regime in 1994."], "a good number", "Cyril Ramaphosa", False),
    (["Declaring that the country must “get this done,” President Joe Biden opened the summit."],
     "get this done,", "Joe Biden", False),
    # a conjunction opening the sentence is not part of the name ("As David Schleicher … pointed out")
    (["As David Schleicher, of Yale Law School, pointed out recently, the nominee’s policy agenda consists of "
      "“blog posts and platitudes—an afterthought.”"], "blog posts and platitudes—an afterthought.",
     "David Schleicher", False),
    # "contends with" is facing something, not saying it: the quote after goes to who is named there
    (["As Vice President Kamala Harris contends with intense scrutiny, members of her staff are unhappy.",
      "Distrust between aides has contributed to a \"tense and at times dour office atmosphere.\"",
      "Politico reported, citing interviews with 22 current and former aides."],
     "tense and at times dour office atmosphere.", "Politico", False),
    # a document's author: "a State Department fact sheet …, which said", "according to a White House fact sheet"
    (["The report goes beyond a State Department fact sheet issued during the final days of the administration, "
      "which said the staffers became sick in autumn 2019 \"with symptoms consistent with both COVID-19 and "
      "common seasonal illness,\" the Wall Street Journal reported."],
     "with symptoms consistent with both COVID-19 and common seasonal illness,", "State Department", False),
    (["The order also requires providers “to share breach information,” according to a White House fact sheet."],
     "to share breach information,", "White House", False),
    (["The order requires providers “to share breach information,” according to a Saturday press release."],
     "to share breach information,", None, False),
    # office-holders of a party named as a whole are a named group (labelling rule 4), not anonymous
    (["Notably, the plan is heavy on “real” infrastructure compared to the proposal offered by Mr. Biden, "
      "Republican senators said."], "real", "Republican senators", False),
    (["U.S. officials have just closed the American Embassy in Kabul, while promising “the United States will "
      "return.”"], "the United States will return.", "U.S. officials", True),
    # a quote with its own reporting verb never inherits the speaker of the sentence before
    (["“We agree,” Mr. Tom Ash said.", "“Why now?” asked a woman outside the hall."], "Why now?", None, False),
])
def test_sieve_rules_of_version_1_7(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # an unnamed person of a body, or "another …", is an anonymous source (AllSides excerpts, blind2)
    (["\"Consistent with the President’s Proclamation terminating the redirection of funds for border wall, no "
      "more money will be diverted from other purposes to building a border wall,\" a Biden administration "
      "official said Friday...."], "Consistent with the President’s Proclamation terminating the redirection of "
     "funds for border wall, no more money will be diverted from other purposes to building a border wall,",
     "Biden administration official", True),
    (["In his first press conference from Kabul, a Taliban spokesperson said Tuesday the group would honor "
      "women's rights and an independent media, but within the \"frameworks\" of Islamic law."],
     "frameworks", "Taliban spokesperson", True),
    (["“They are all super sick, intubated, sedated and on their bellies, it’s disheartening,” said another "
      "intensive-care nurse."], "They are all super sick, intubated, sedated and on their bellies, it’s "
     "disheartening,", "intensive-care nurse", True),
    # a name in apposition after a description
    (["“I gave his daughter the flag,” said his wife, Sheraine Lathon, 69, of Richton Park."],
     "I gave his daughter the flag,", "Sheraine Lathon", False),
    # a short partial quote in a sentence that neither attributes it nor names the last speaker is a term
    (["The 27-nation bloc had suggested its member states lift restrictions, a spokesman said.",
      "But the EU decided that the US would again be removed from its “safe list” of countries."],
     "safe list", None, False),
    # … but it goes on when the sentence names that speaker again
    (["Department officials announced Friday evening that a drone strike killed an ISIS-K target.",
      "On Saturday, officials updated that to say that two \"high-profile\" targets were killed."],
     "high-profile", "Department officials", True),
    # "so-called" makes a term whoever speaks in the sentence; a title up to eight words is nobody's
    (["Paul suggested that Fauci had lied when he denied that the NIH funded so-called “gain of function” "
      "research."], "gain of function", None, False),
    (["The launch will occur in tandem with the release of Yang’s latest book, “Forward: Notes on the Future of "
      "Our Democracy” on October 5th, two people familiar with the development told Politico."],
     "Forward: Notes on the Future of Our Democracy", None, False),
    # a double-barrelled surname alone is the person met in full
    (["Representative Marjorie Taylor-Greene (R., Ga.) apologized Monday for her comments.",
      "After a visit to the museum, Greene said she had “made a mistake.”",
      "“I have made a mistake, and it’s really bothered me,” she said."],
     "I have made a mistake, and it’s really bothered me,", "Marjorie Taylor-Greene", False),
    # a titled person after a body's full name ("… and Human Services (HHS) Secretary …")
    (["Health and Human Services (HHS) Secretary Xavier Becerra declared Thursday that \"it is absolutely the "
      "government's business\" to know people's vaccination status, arguing the federal government has a vested "
      "interest in keeping Americans safe."], "it is absolutely the government's business", "Xavier Becerra", False),
    # a name qualifying a noun is no subject
    (["U.S. Catholic bishops overwhelmingly approved the drafting of a “teaching document” that many of them "
      "hope will rebuke Catholic politicians."], "teaching document", None, False),
    # the agent of a passive verb before the span; a group of unnamed people opening the sentence
    (["Former president Donald Trump’s blog, celebrated by advisers as a “beacon of freedom” that would keep him "
      "relevant in an online world he once dominated, is dead."], "beacon of freedom", "advisers", True),
    (["A group of top scientists from around the globe has pushed back on the conclusion — insisting the theory "
      "is “viable” and deserves “a proper investigation.”"], "a proper investigation.",
     "group of top scientists", True),
    # "the oversight panel" after the committee that spoke
    (["In his final days in office, then-President Donald Trump pressured top Department of Justice officials "
      "to challenge his election loss to Joe Biden, the House Oversight Committee said Tuesday.",
      "The oversight panel said a cache of newly released emails sheds new light on how Trump tried to "
      "undermine the results with the “apparent goal” of keeping himself in power."],
     "apparent goal", "House Oversight Committee", False),
    # the namer in "what X calls"; the person prompted to speak
    (["Like the previous order, the moratorium comes from the Centers for Disease Control and Prevention.",
      "The new ban covers parts of the United States that are experiencing what the CDC calls \"substantial\" "
      "and \"high\" spread of the coronavirus."], "substantial", "CDC", False),
    (["A new Texas law that effectively bans most abortions prompted President Joe Biden on Wednesday to use a "
      "word he'd entirely avoided as president: \"Abortion.\""], "Abortion.", "Joe Biden", False),
])
def test_sieve_rules_of_version_1_9(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a second speaker in a relative clause: the quotes after "X, who called" are X's (AllSides excerpts)
    (["Florida Republican Gov. Ron DeSantis responded Wednesday to a White House attack from President Biden, who "
      "demanded he and Texas Gov. Greg Abbott \"help or get out of the way\" of administration efforts to mitigate "
      "the coronavirus."], "help or get out of the way", "Biden", False),
    (["The dismissal came in a written ruling by U.S. District Judge Analisa Torres, who called it the “proper "
      "course.”"], "proper course.", "Analisa Torres", False),
    (["The problems appear related to San Francisco-based cloud computing services provider Fastly, which said in a "
      "status update just before 7 a.m. Eastern time, that the “issue has been identified and a fix has been "
      "applied.”"], "issue has been identified and a fix has been applied.", "Fastly", False),
    # … but a quote before the relative clause stays the subject's
    (["“We will appeal,” said Jane Roe, who called the ruling “a disgrace.”"], "We will appeal,", "Jane Roe", False),
    # an aside holding its own reporting verb is the attribution, not part of a name's apposition
    (["The United States Capitol Police Office of Professional Responsibility has cleared the officer involved in "
      "the shooting of Ashli Babbitt, U.S. Capitol Police announced in a press release on Monday, saying that "
      "officer \"will not be facing internal discipline.\"",
      "An internal investigation found the actions of the officer were \"lawful and within Department policy,\" it "
      "said."], "lawful and within Department policy,", "U.S. Capitol Police", False),
    # a body written as a name and an organisation word ("The Biden administration said"), non-breaking spaces too
    (["The\xa0Biden administration\xa0said Tuesday it will “root out” discrimination in home appraisals."],
     "root out", "Biden administration", False),
    # "by saying the U.S. economy …": the sentence's subject speaks, not the name after the gerund
    (["President Joe Biden reacted on Friday to a disappointing April jobs report by saying the U.S. economy has a "
      "“long way to go” before recovering from its pandemic slump."], "long way to go", "Joe Biden", False),
    # crowds are unnamed sources
    (["Thousands of Cubans took to the streets in a wave of demonstrations in Havana, demanding an end to the "
      "dictatorship.", "“We are not afraid! We are not afraid!” people shouted as they marched through the streets "
      "on Sunday."], "We are not afraid! We are not afraid!", "people", True),
])
def test_sieve_rules_of_version_1_10(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a body whose one-word name is an organisation word speaks as itself (an AllSides excerpt) …
    (["And saying Israel “ignited fire” and is “responsible for the consequences,” Hamas launched more rockets at "
      "Israel."], "responsible for the consequences,", "Hamas", False),
    # … and so does a company named by an acronym and a capitalised word
    (["In a statement on Wednesday, TC Energy said it had terminated the Keystone XL project “after a comprehensive "
      "review of its options” and in consultation with its partner, the government of Alberta."],
     "after a comprehensive review of its options", "TC Energy", False),
    # a role, then the person's name in apposition, then the verb, in the sentence after a bare quote
    (["The two leaders were in Geneva for the summit.",
      "\"Why are you so confident he'll change his behavior, Mr. President?\"",
      "CNN's chief White House correspondent, Kaitlan Collins, asked Biden at the end of the news conference."],
     "Why are you so confident he'll change his behavior, Mr. President?", "Kaitlan Collins", False),
    # "the opinion said": the author of the last document named, though it was called a memo there
    (["A memo from the Justice Department’s Office of Legal Counsel (OLC) said that the committee satisfied the "
      "constitutional requirement.",
      "“The chairman of the House Ways and Means Committee has invoked sufficient reasons for requesting the former "
      "president’s tax information,” the opinion said."],
     "The chairman of the House Ways and Means Committee has invoked sufficient reasons for requesting the former "
     "president’s tax information,", "Justice Department’s Office of Legal Counsel", False),
    # a title after a body's name holding "and" opens the sentence: the titled person is its subject …
    (["Health and Human Services Secretary Xavier Becerra on Thursday sought to clarify his argument that “it is "
      "absolutely the government’s business” to know which Americans have been vaccinated."],
     "it is absolutely the government’s business", "Xavier Becerra", False),
    # … but two people joined by "and" are not one speaker
    (["Anthony Fauci and Sen. Rand Paul (R-Ky.) got into a heated debate at a Senate health committee hearing on "
      "Tuesday, clashing over whether funding was used for risky \"gain-of-function\" research."],
     "gain-of-function", None, False),
])
def test_sieve_rules_of_version_1_11(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("text", [
    "Government has announced that the number of people who have lost their lives has risen to 117.",
    "The Committee said the plan was “not workable.”",
    "The report came after the Committee said the plan was “not workable.”",
])
def test_a_kind_of_body_alone_is_no_speaker(text):
    """An organisation word that names a kind of body ("Government", "the Committee") is no speaker on its
    own: which one the text does not say. (A party's members named alone, "Democrats said", are the group
    since reporting verbs 1.46: `test_sources_indirect.py`.)"""
    quotes = fr.extract_quotes(_table([text]))
    assert quotes["speaker"].isna().all()


def test_a_body_named_after_people_is_not_an_unnamed_crowd():
    """ "people" is an unnamed source, "People’s Bank of China" a body (AllSides wording)."""
    row = fr.extract_quotes(_table(["The People’s Bank of China said on Friday that the move was “needed.”"])).iloc[0]
    assert row["speaker"] == "People’s Bank of China" and not row["is_anonymous"]


@pytest.mark.parametrize("text, label", [
    # the whole description after an inverted verb, up to its comma (a seen AllSides excerpt) …
    ("“Oh no,” replies the masked stranger, secretly a humble stable boy.", "the masked stranger"),
    # … but never words that open a clause ("said the plan was …" names no speaker)
    ("“It is done,” said the plan was finished.", None),
])
def test_a_description_after_an_inverted_verb_is_read_whole(text, label):
    row = fr.extract_quotes(_table([text])).iloc[0]
    assert (row["speaker_label"] if isinstance(row["speaker_label"], str) else None) == label


@pytest.mark.parametrize("text", [
    "It's Jan. 30, 1989, and U.S. diplomats have just closed the embassy, promising “the United States will return.”",
    "Rep. Jane Roe, D-Calif., said Saturday... “we will vote no.”",
    "The letter said the damage was “accelerating,” according to reports Monday.",
])
def test_dates_and_openers_are_no_speakers(text):
    quotes = fr.extract_quotes(_table([text]))
    assert not quotes["speaker"].isin(["It's Jan", "Saturday", "Monday"]).any()


@pytest.mark.parametrize("text, outlet, cited", [
    ("Voters disapproved of the plan by a “record margin,” according to CNN.", "CNN (Online News)", "CNN"),
    ("“The deal is dead for this year,” The Washington Post reported on Friday.", "Washington Post",
     "Washington Post"),
    # the outlet's name shortened in its own article
    ("“We can no longer fly our drone over the bridge,” Fox said on Thursday.", "Fox News (Online News)", "Fox"),
])
def test_an_outlet_is_a_source_in_other_outlets_articles_only(text, outlet, cited):
    """Another outlet cited is a source (a body); the article's own outlet is the journalist's voice."""
    elsewhere = fr.extract_quotes(_table([text]))
    own = fr.extract_quotes(_table([text]).assign(outlet=outlet))
    assert elsewhere["speaker"].tolist() == [cited]
    assert own["speaker"].isna().all()


@pytest.mark.parametrize("text, speaker, anonymous", [
    # a body's name, a lower-case role, then a person: the person speaks
    ("“We will not back down,” said CNN anchor Jane Roe.", "Jane Roe", False),
    ("New York Post reporter Jane Roe resigned over a story she said she was “ordered to write.”", "Jane Roe", False),
    ("“Rates stay put,” Fed chair Jane Roe told reporters.", "Jane Roe", False),
    # an unnamed source closing the sentence after an inverted verb
    ("“We will win,” said a NATO official.", "NATO official", True),
    ("“The talks go on,” said an official, adding that no date was set.", "official", True),
    ("“It is safe,” said a spokesman for the agency.", "spokesman", True),
    # a kind of body before its name is not part of the name
    ("Drugmaker Merck said Friday that its pill “cuts the risk by half.”", "Merck", False),
    # an abbreviated title stands for its role later on ("Gov." → "the governor")
    ("California Gov. Jane Roe won the recall on Tuesday. The governor, who cruised to victory, said "
     "that “democracy is not a football.”", "Jane Roe", False),
    ("Sen. Jane Roe and Rep. Tom Ash spoke first. “No,” the representative said.", "Tom Ash", False),
])
def test_staff_and_unnamed_sources_after_the_verb(text, speaker, anonymous):
    row = fr.extract_quotes(_table(fr.split_sentences(text))).iloc[0]
    assert row["speaker"] == speaker
    assert bool(row["is_anonymous"]) == anonymous


def test_a_clause_after_said_a_is_what_is_reported_not_a_speaker():
    row = fr.extract_quotes(_table(["He said a “deal” for the city was reached."])).iloc[0]
    assert row["speaker"] != "deal"


def test_allsides_speakers_are_no_outlet_place_title_or_function_word(shared_data):
    """On the 300 AllSides articles of the multi-event test corpus (100 events x 3 outlets, titles
    and excerpts), no named speaker is a place, an honorific or title alone, a
    weekday or month, or starts with a function word; no article's own outlet speaks in it; one person
    has one name across outlets."""
    from framing.actors import outlet_names, read_rules

    articles = [json.loads(line) for line in (shared_data / "allsides-roundups" / "articles.jsonl").open()][:300]
    rows = [{"article_id": a["article_id"], "outlet": a["outlet"], "event": a["event_id"],
             "kind": "headline" if i == 0 else "body", "sentence_id": i, "position": 0.0, "text": t}
            for a in articles for i, t in enumerate([a["title"], *fr.split_sentences(a["text"])])]
    quotes = fr.extract_quotes(pd.DataFrame(rows))
    rules = read_rules()
    speakers = set(quotes.loc[quotes["speaker"].notna() & ~quotes["is_anonymous"], "speaker"])
    assert len(speakers) > 60
    named = quotes[quotes["speaker"].notna() & ~quotes["is_anonymous"]]
    assert not [(s, o) for s, o in zip(named["speaker"], named["outlet"]) if s in outlet_names((o,))]
    assert not speakers & rules.places
    # a party's members named alone ("Democrats said") speak as a group (reporting verbs 1.46): no person's title
    # alone, and no surname of "House Democrats"
    groups = set(quotes.loc[quotes["speaker_kind"].eq("group"), "speaker"])
    assert not {s for s in speakers - groups if s.rstrip(".") in {t.rstrip(".") for t in rules.titles}}
    assert not {s for s in speakers if set(s.split()) & (rules.breaks | {"January", "September", "Monday"})}
    assert not {s for s in speakers if s.split()[0] in rules.function_words}
    assert not {s for s in speakers - groups if len(s.split()) == 1 and any(n.endswith(f" {s}") for n in speakers)}


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # "the" and one capitalised word name one body, never a person: it speaks as the body …
    (["“The strike killed two militants,” the Pentagon said on Monday.", "“It was a mistake,” she said."],
     "The strike killed two militants,", "Pentagon", False),
    # … and "she" later on is no body
    (["“The strike killed two militants,” the Pentagon said on Monday.", "“It was a mistake,” she said."],
     "It was a mistake,", None, False),
    (["The Taliban said the group would offer “safe passage” to the airport."], "safe passage", "Taliban", False),
    # "it" is the body named in its sentence or the one before, or kept in view by a chain of "it"
    # (an AllSides excerpt of the seen sample)
    (["Donald Trump's ban from Facebook and Instagram has been upheld by Facebook's Oversight Board.",
      "But it criticised the permanent nature of the ban as beyond the scope of Facebook's normal penalties.",
      "It has ordered Facebook to review the decision and \"justify a proportionate response\" that is applied to "
      "everyone."], "justify a proportionate response", "Facebook's Oversight Board", False),
    (["The Federal Reserve Board kept rates on hold.", "“Inflation is transitory,” it said."],
     "Inflation is transitory,", "Federal Reserve Board", False),
    # "it" with no body just named, or with a verb that neither reports nor commands, names nobody
    (["The Federal Reserve Board kept rates on hold.", "Markets were calm.", "Traders waited.",
      "“Inflation is transitory,” it said."], "Inflation is transitory,", None, False),
    (["Texas Gov. Greg Abbott met officers of the Texas Department of Public Safety.",
      "It marks the latest stop in what could be described as an “I told you so” tour."], "I told you so", None, False),
    # a speaker and verb after the last comma (or right after the quote) frame the whole sentence,
    # whoever its subject is (AllSides excerpts, one seen, one of the development batch blind4)
    (["President Joe Biden told Israeli Prime Minister Benjamin Netanyahu in a phone call Wednesday that he expects "
      "“a significant de-escalation today on the path to a ceasefire,” the White House said."],
     "a significant de-escalation today on the path to a ceasefire,", "White House", False),
    (["The Biden administration is facing a \"serious challenge\" at the US southern border, Homeland Security "
      "Secretary Alejandro Mayorkas said Thursday, saying the US has encountered an \"unprecedented\" number of "
      "migrants illegally crossing the border."], "unprecedented", "Alejandro Mayorkas", False),
    # … but not a main clause that goes on after its verb, nor a relative clause's own speaker
    (["As The New York Times reported, the organization called for a moratorium “until the end of September.”"],
     "until the end of September.", "New York Times", False),
    (["The report goes beyond a State Department fact sheet issued in January, which said the staffers became sick "
      "\"with symptoms consistent with both COVID-19 and common seasonal illness,\" the Wall Street Journal reported."],
     "with symptoms consistent with both COVID-19 and common seasonal illness,", "State Department", False),
    # "A" opening a sentence opens an unnamed person, not a name "A …" (AllSides excerpts, blind4)
    (["A Beijing official hit back at the bill on Wednesday, saying it \"exaggerated the 'China threat'\"."],
     "exaggerated the 'China threat'", "Beijing official", True),
    (["A YouTube spokesperson said the video “violated our policy.”"], "violated our policy.",
     "YouTube spokesperson", True),
    # an indefinite description holds no conjunction ("in a speech Sunday and said" is no subject); the verb
    # after "and" has the subject of the verb it is joined to, a role that fits one person (labelling rule 2)
    (["The Taiwanese president stood firm against Chinese President Xi Jinping in a speech Sunday and said the "
      "island would not “bow to pressure” from the mainland."], "bow to pressure", "president", False),
    # right after a quote any reporting verb comes before its speaker, and a name in apposition to
    # the description after it speaks (an AllSides excerpt of blind4)
    (["“If you can say it on the streets of New York,” promised the company’s chief executive, John Matze, in a "
      "June CNBC interview, “you can say it on Parler.”"], "you can say it on Parler.", "John Matze", False),
    (["“It will pass,” said the mayor, Jane Roe, on Monday."], "It will pass,", "Jane Roe", False),
    # a description after an inverted verb ends at its comma
    (["\"More investigation is still needed to determine the origin of the pandemic,\" said the 18 scientists, "
      "including Ravindra..."], "More investigation is still needed to determine the origin of the pandemic,",
     "18 scientists", True),
    # an aside opened by "but" is a clause of its own, not an apposition of the subject, and "A timeline"
    # opens no unnamed person (its noun names none): the speaker before goes on
    (["Defense Secretary Lloyd Austin said in a memorandum that the secretaries must “immediately begin full "
      "vaccination” of all service members.",
      "A timeline was not laid out in the memo, but Austin directed a rapid pace, telling the secretaries to "
      "“impose ambitious timelines for implementation.”"],
     "impose ambitious timelines for implementation.", "Lloyd Austin", False),
    # a noun for what someone says or means to do, owned by a name, holds the owner's words
    # (AllSides excerpts: blind, blind3, blind4)
    (["The Taliban's assurance of a “safe passage” to the Kabul airport has been undermined by a report."],
     "safe passage", "Taliban", False),
    (["The summit offers an early test of the Biden administration's goal of holding Russia accountable while "
      "seeking a more \"stable\" and \"predictable\" relationship."], "predictable", "Biden administration", False),
    (["Take MSNBC’s Nicolle Wallace’s contention that the speech, in which Scott praised the Trump administration "
      "vaccines, was “delivered from a planet where facts don’t matter.”"],
     "delivered from a planet where facts don’t matter.", "Nicolle Wallace", False),
    # an owner in lower case is left alone, and a noun that says nothing is no claim
    (["Critics fought the administration’s stated plans to go “door-to-door” in the fall."], "door-to-door",
     None, False),
    (["Jane Roe's house on the “Gold Coast” was sold."], "Gold Coast", None, False),
])
def test_sieve_rules_of_version_1_12(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # the clause read by part-of-speech tags where the patterns find nobody: the subject of the
    # reporting verb before the quote (AllSides excerpts of the seen sample)
    (["Georgia's secretary of state said on Friday that 101,789 \"obsolete and outdated\" names will be removed "
      "from the state's voter registration rolls to keep voter files \"up to date.\""],
     "up to date.", "Georgia's secretary of state", False),
    (["Group of Seven (G-7) leaders on Sunday called for a renewed, \"transparent\" investigation into the origins "
      "of the coronavirus and pledged to give 1 billion vaccine doses to countries in need."],
     "transparent", "Group of Seven leaders", False),
    (["Republican leaders say they told President Joe Biden on Wednesday that they're drawing a \"red line\" on "
      "hiking certain taxes to fund the President's infrastructure spending proposal."],
     "red line", "Republican leaders", False),
    # a participle after a document takes the issuer, one after a clause its subject
    (["On Monday morning, a political action committee for Donald Trump—a film extra who served as president of "
      "the United States from 2017 to 2021—released a statement saying that “The Fraudulent Presidential Election "
      "of 2020 will be, from this day forth, known as THE BIG LIE!”"],
     "The Fraudulent Presidential Election of 2020 will be, from this day forth, known as THE BIG LIE!",
     "political action committee", False),
    (["It's Jan. 30, 1989, two weeks until the last Soviet forces leave, and U.S. officials have just closed the "
      "American Embassy in Kabul, while promising “the United States will return.”"],
     "the United States will return.", "U.S. officials", True),
    # unnamed people in the plural, and a share of them, are anonymous
    (["Top federal intelligence agencies failed to warn law enforcement officials before the Jan. 6 riot that "
      "pro-Trump extremists were threatening violence, including plans to “storm the Capitol,” infiltrate its "
      "tunnel system and “bring guns,” according to a new report by two Senate committees."],
     "storm the Capitol,", "pro-Trump extremists", True),
    (["Fifty-nine percent of respondents said that crime is an “extremely” or “very serious” problem in the U.S."],
     "very serious", "respondents", True),  # a share is no name: its group speaks (reporting verbs 1.40)
    # a name in apposition to a description speaks
    (["His opponent, conservative Erin O'Toole, called the move a “power grab.”"], "power grab.", "Erin O'Toole",
     False),
    # no speaker: a noun doing the saying that names nobody, a quote another verb governs, the writer's
    # "we", and a clause speaker does not go on to the next sentence's term
    (["Florida’s amendment takes an existing rule saying instruction “may not suppress or distort significant "
      "historical events” and adds more."], "may not suppress or distort significant historical events", None,
     False),
    (["But the issue is highly sensitive, with Turkey acknowledging atrocities but rejecting the term \"genocide\"."],
     "genocide", None, False),
    (["In the process, we’re told to be good automatons and embrace “equality.”"], "equality.", None, False),
    (["G-7 nations filed a joint statement calling for a “timely” investigation into the origins of COVID-19.",
      "The leaders of G-7 nations published a “shared agenda” on Sunday, the final day of the summit."],
     "shared agenda", None, False),
    # "they" after two people opening a sentence: the first named (one speaker per quote)
    (["WASHINGTON — Sen. Joe Manchin, D-W.Va., and Sen. Lisa Murkowski, R-Alaska, wrote a letter Monday calling "
      "on Congress to reauthorize the Voting Rights Act.",
      "\"Protecting Americans’ access to democracy has not been a partisan issue,\" they wrote."],
     "Protecting Americans’ access to democracy has not been a partisan issue,", "Joe Manchin", False),
    (["When Bill and Melinda Gates announced they were getting divorced Monday, the masses were quick to respond.",
      "The philanthropist couple had tweeted the news in a joint statement.",
      "“After a great deal of thought, we have made the decision to end our marriage,” they wrote."],
     "After a great deal of thought, we have made the decision to end our marriage,", "Bill Gates", False),
    # a source described in one sentence and named as the subject of the next is that person
    (["A reporter said that she resigned from the New York Post after she was \"forced\" to write the story.",
      "Laura Italiano tweeted about the story and her resignation on Tuesday."], "forced", "Laura Italiano", False),
])
def test_sieve_rules_of_version_1_13(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


def test_speakers_carry_the_name_of_their_actor():
    """A person speaker is named as the actor of the same person in the event (titles, roles and a
    label before the name cut off, accents, hyphens and given-name forms as `find_actors` joins
    them); `speaker_label` keeps what was written; places, bodies and owners are never persons."""
    table = pd.concat([
        _table(["Environmental Protection Agency Administrator Scott Pruitt spoke on Tuesday.",
                "EPA Administrator Scott Pruitt said the rule was “dead.”",
                "Rep. Marjorie Taylor Greene said it was “a disgrace.”",
                "“We will sue,” Rep. Raúl Grijalva said."]),
        _table(["Marjorie Taylor-Greene said the vote was “rigged.”",
                "“It is over,” Prof Peterson says.",
                "Prof David Peterson of the University of Washington studies fires.",
                "“The report is wrong,” Raul Grijalva said.",
                "“We stand by it,” the U.S. said.",
                "“No comment,” Pruitt’s office said."]).assign(article_id="b", outlet="B")])
    quotes = fr.extract_quotes(table)
    actors = set(fr.find_actors(table)["actor"])
    speaker = dict(zip(quotes["quote"], quotes["speaker"]))
    label = dict(zip(quotes["quote"], quotes["speaker_label"]))
    assert speaker["dead."] == "Scott Pruitt" and label["dead."].startswith("EPA Administrator")
    assert speaker["a disgrace."] == speaker["rigged."] and speaker["rigged."] in actors
    assert speaker["We will sue,"] == speaker["The report is wrong,"] and speaker["We will sue,"] in actors
    assert speaker["It is over,"] == "David Peterson"
    assert speaker.get("We stand by it,") not in actors and speaker.get("No comment,") not in actors


@pytest.mark.parametrize("text, speaker, anonymous", [
    ("Democratic senators said the bill was “dead on arrival.”", "Democratic senators", False),
    ("“It is dead,” Republican leaders said.", "Republican leaders", False),
    ("Senate Republicans said the plan “delivers on much.”", "Senate Republicans", False),
    ("Some Democratic senators said the bill was “dead on arrival.”", None, True),
    ("“It is dead,” U.S. officials said.", "U.S. officials", True),
    ("“It is dead,” lawmakers said.", "lawmakers", True),
    ("Progressive pundits have taken to saying “defund the police.”", "Progressive pundits", True),
])
def test_a_named_group_speaks_and_a_part_of_it_is_anonymous(text, speaker, anonymous):
    """Labelling rule 4 and 5 of docs/speaker-accuracy.md, whichever rule finds the speaker: office-holders
    of a party, chamber or body named as a whole speak as the group; a part of a group, a body's
    staff and people of the public are anonymous."""
    row = fr.extract_quotes(_table([text])).iloc[0]
    assert bool(row["is_anonymous"]) == anonymous
    assert speaker is None or row["speaker"] == speaker


@pytest.mark.parametrize("text", ["“It is dead,” U.S. senators said.", "“It is dead,” Texas lawmakers said.",
                                  "Local leaders said it was “a disaster.”"])
def test_a_place_s_office_holders_and_listed_groups_stay_anonymous(text):
    assert fr.extract_quotes(_table([text])).iloc[0]["is_anonymous"]


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a run of a title-case headline is no name: "Trump" later is not "Try To Change Trump"
    (["In Europe, World Leaders Try To Change Trump's Mind On Climate Change It was eight against one, "
      "according to a diplomat.", "Trump said the deal was \"very unfair\" to his country."],
     "very unfair", "Trump", False),
    (["Gen. Mark A. Milley said the talks were \"productive.\""], "productive.", "Mark A. Milley", False),
    # verbs of saying the list lacked: advise, conclude (also before its speaker)
    (["\"Be careful and stay at home,\" Jane Roe advised."], "Be careful and stay at home,", "Jane Roe", False),
    (["\"The sea is rising fast,\" concluded Jane Roe."], "The sea is rising fast,", "Jane Roe", False),
    # a role in lower case between an inverted verb and a full name
    (["\"That is what we have here,\" says economist John Doe, a professor at the university."],
     "That is what we have here,", "John Doe", False),
    # a quote opening at the end of one sentence: the attribution after its closing mark, not the one before
    (["Harbour Party Pledges To Plant Trees In the statement, the party said it plans to plant a million "
      "trees by next year.\"", "We know we have to act, not only talk,\" Jane Roe, the party's campaign "
      "manager, said in a statement."], "We know we have to act, not only talk,", "Jane Roe", False),
    # a person of a body: the person
    (["John Doe of the National Weather Service added that his office \"has not changed its forecasts\"."],
     "has not changed its forecasts", "John Doe", False),
    # people named in the plural by what they do, and a name inside a preposition's object
    (["\"We got her,\" officers announced on their radios."], "We got her,", "officers", True),
    (["The authors of the study published in the journal Science argued that the rise is \"a public "
      "health concern.\""], "a public health concern.", "authors", True),
    # "the service": the body named last whose name has that head noun
    (["The Forest Service, which is part of the Department of Agriculture, released a new strategy.",
      "In it, the service writes, \"Fire seasons are longer.\""], "Fire seasons are longer.", "Forest Service",
     False),
    # a person described in the lede, named in the next sentence (delayed identification)
    (["Last spring, a magazine quoted a top health official saying that Western nations were making a "
      "\"big mistake\" by not telling people to mask up.",
      "The official, Jane Roe, worried that the comment might upset a friend."], "big mistake", "Jane Roe", False),
    (["The No. 3 Republican in the U.S. House of Representatives on Monday said the former president was "
      "\"poisoning our democratic system\" with his claims.",
      "U.S. Representative Jane Roe, a critic of the president, assailed him in a tweet."],
     "poisoning our democratic system", "Jane Roe", False),
    (["The Pentagon said on Monday that the strike was \"a tragic mistake.\"",
      "Defense Secretary John Doe told reporters it would not happen again."], "a tragic mistake.", "Pentagon",
     False),
    (["A new member of the liberal \"Squad\" stepped to the forefront this week, leading a sit-in.",
      "Jane Roe arrived in Congress this year."], "Squad", None, False),
    # a name after an inverted verb and before a finite verb is what is reported of, not the speaker
    (["Jane Roe declined to comment but said John Doe would release something \"soon.\""], "soon.", "Jane Roe",
     False),
])
def test_sieve_rules_of_version_1_15(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a document noun after a capitalised word: the issuer when that word is a body or a person met
    # before, nobody when it is a place (or a date, a topic) and no author of that document was named
    (["The Pentagon report warned that the agency “lacked a plan.”"], "lacked a plan.", "Pentagon", False),
    (["A new CDC study warned that masks “cut the risk by half.”"], "cut the risk by half.", "CDC", False),
    (["Special counsel Jane Roe delivered her findings in March.",
      "The Roe report concluded that the campaign “did not conspire.”"], "did not conspire.", "Jane Roe", False),
    (["The Provincetown report concludes that the outbreak “was driven by one party.”"],
     "was driven by one party.", None, False),
    (["A report from the Government Accountability Office was released on Friday.",
      "The Provincetown report concludes that the outbreak “was driven by one party.”"],
     "was driven by one party.", "Government Accountability Office", False),
    (["The Centers for Disease Control and Prevention (CDC) released a report Friday on an outbreak.",
      "The Provincetown report concludes that the outbreak “was driven by one party.”"],
     "was driven by one party.", "CDC", False),
    # owners in a chain: the nearer owner, a body, issues the document; the body named before with that head
    (["President Jane Roe’s commission’s draft cautioned that expansion “would be a mistake.”"],
     "would be a mistake.", "Jane Roe’s commission", False),
    (["The Supreme Court Commission met on Friday.",
      "President Jane Roe’s commission’s draft cautioned that expansion “would be a mistake.”"],
     "would be a mistake.", "Supreme Court Commission", False),
    # a document from a body owned by a person: the body ("the report" named again by another noun)
    (["Critics fumed over a draft from President Jane Roe’s Supreme Court Commission on Friday.",
      "“Expansion is likely to undermine the court,” the report said."],
     "Expansion is likely to undermine the court,", "Supreme Court Commission", False),
    # a court's document with no author named: the court named last, its ordinal kept
    (["In 2012, the U.S. Court of Appeals for the Fourth Circuit dismissed a nuisance action.",
      "The opinion further notes that “courts have been reluctant to act.”"],
     "courts have been reluctant to act.", "U.S. Court of Appeals for the Fourth Circuit", False),
    # with no court named, a court's document stays without a speaker
    (["The plan was challenged last year.", "The opinion further notes that “courts have been reluctant to act.”"],
     "courts have been reluctant to act.", None, False),
])
def test_document_issuers_of_version_1_16(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a quote opening after a full stop inside one sentence as cut: the attribution after its closing mark
    (["Critics say the plan is failing, and Jane Roe warned the board on Monday about it.\" the plan has no "
      "money left,\" said John Doe, author of a book on budgets."], "the plan has no money left,", "John Doe",
     False),
    # "he said" after a closing mark: the person the sentence before the quote gave words to
    (["Jane Roe said the deal was dead.", "The harbour is still busy, according to John Doe, the port's "
      "director.\"", "Ships come every day,\" he said."], "Ships come every day,", "John Doe", False),
    # a surname alone opening a sentence is its subject; a later "he" is that person
    # (a surname ending in "s" included: "Dawes" is not "Dawe")
    (["The last time climate scientist John Dawes flew was in 2012.",
      "President Jane Roe's government has said little about flights.",
      "Dawes was studying in 2009 when he began to worry about his own emissions.",
      "\"I stopped flying after that,\" he said."], "I stopped flying after that,", "John Dawes", False),
    # a pronoun after a description: the pronoun is the subject ("at the time she described"), and a
    # pronoun after the first full name of its sentence, followed by a verb, is that person
    (["Jane Roe said she would leave the label.", "Mr. John Doe said he bought the label in June.",
      "In a post at the time she described this as the \"worst case scenario\"."],
     "worst case scenario", "Jane Roe", False),
    (["Acme Weekly reporter Jane Roe resigned over a story she claimed she was \"ordered to write\" last month."],
     "ordered to write", "Jane Roe", False),
    # an attribution with "is expected to", "was quoted as": a verb after "to" is a verb, not a noun
    (["\"This is a call to arms,\" former Gov. John Doe, who ran in 2016, is expected to say at a speech."],
     "This is a call to arms,", "John Doe", False),
    # a slogan, motto or tagline is a name, nobody's words
    (["Gov. Jane Roe launched a campaign with the slogan \"Clean streets, we are on it.\""],
     "Clean streets, we are on it.", None, False),
    # two subjects joined by "and": the first named (rule 6)
    (["\"The water is warmer than we thought,\" Doe and his team wrote in the paper."],
     "The water is warmer than we thought,", "Doe", False),
    (["Jane Roe and John Doe wrote that the law was \"a mistake.\""], "a mistake.", "Jane Roe", False),
    # an unnamed spokesperson after the verb, with a clause after the description
    (["\"We are cooperating,\" said an Acme spokesperson when contacted by reporters."],
     "We are cooperating,", "Acme spokesperson", True),
    # an office and the place or body it serves: the office, not the place
    (["Ruritania's ambassador to Britain warned that his government \"will not sit on its hands.\""],
     "will not sit on its hands.", "Ruritania's ambassador to Britain", False),
    # a kind of body, then the body's name: the body
    (["Environmental group the Clean Rivers League on Monday praised the plan, saying it offered \"real "
      "leadership.\""], "real leadership.", "Clean Rivers League", False),
    (["The League of Women Voters said the law was \"a step back.\""], "a step back.", "League of Women Voters",
     False),
    (["\"Births fell again,\" the National Institute for Family Studies said."], "Births fell again,",
     "National Institute for Family Studies", False),
    # each quote of a sentence is governed by the attribution next to its closing mark
    (["\"We stand with you,\" Sen. Jane Roe wrote: \"The young lead the way,\" Sen. John Doe wrote: \"We are "
      "not powerless,\" Sen. Ann Poe declared."], "The young lead the way,", "John Doe", False),
    # "according to the report": the author of the report named before; a name going on over "and"
    (["According to a new report from the Institute for Rivers and Lakes, fines have fallen.",
      "Fines will fall further, according to the report.", "\"Enforcement matters.\""],
     "Enforcement matters.", "Institute for Rivers and Lakes", False),
    # a document whose author stands between dashes: its author, without where it is based
    (["The report - by the Boston-based Institute of River Studies - predicts that half the power will be "
      "\"zero emissions\" by 2030."], "zero emissions", "Institute of River Studies", False),
])
def test_sieve_rules_of_version_1_17(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a general description stands for a body of its kind only: "the company" is no agency named before
    (["Acme on Tuesday said it would stop selling the toy, which \"poses a serious risk.\"",
      "Toys must meet the limits set by health agencies and the World Health Organization (WHO).",
      "\"We looked to balance safety with choice,\" the company said in a statement."],
     "We looked to balance safety with choice,", "Acme", False),
    # (since 1.37 a company the text describes and does not name is "company", labelling rule 7; never the agency)
    (["Toys must meet the limits set by the Consumer Safety Agency.",
      "\"We are reviewing every toy,\" the company said."], "We are reviewing every toy,", "company", False),
    (["The Food Safety Agency and the firm Acme Holdings met on Monday.",
      "\"Tests will be done weekly,\" the agency said."], "Tests will be done weekly,", "Food Safety Agency", False),
    # a clause after an inverted verb is what is reported, never a speaker
    (["Acme will remove videos that \"falsely claim\" the toy is unsafe, as well as videos that claim the "
      "toys contain magnets, Acme said in a statement."], "falsely claim", "Acme", False),
    # an office and what it serves, then the person's name: the person
    (["Ruritania's Special Envoy for Sudan Jane Roe resigned Monday, saying the plan was \"doomed from the "
      "start.\""], "doomed from the start.", "Jane Roe", False),
])
def test_sieve_rules_of_version_1_18(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


def test_speakers_joined_in_an_event():
    """An acronym is the body of the event whose initials it is; unnamed sources written alike but for
    counting words, case, abbreviation dots and the plural are one speaker (reporting verbs 1.18)."""
    table = pd.DataFrame({
        "article_id": ["a", "a", "b", "b", "c", "d"], "sentence_id": [0, 1, 0, 1, 0, 0],
        "outlet": ["A", "A", "B", "B", "C", "D"], "event": ["e", "e", "e", "e", "f", "f"], "kind": "body",
        "position": [0.0, 1.0, 0.0, 1.0, 0.0, 0.0],
        "text": ["Ruritania's Joint Chiefs of Staff said the launch was \"a grave provocation.\"",
                 "JCS said the missiles flew \"about 500 kilometres.\"",
                 "Some experts say the talks are \"at a dead end.\"",
                 "\"We are watching closely,\" a U.S. official said.",
                 "US officials said the plan was \"on track.\"",
                 "On Monday, a U.S. official told reporters the plan would be \"late.\""]})
    speakers = fr.extract_quotes(table).set_index("quote")["speaker"]
    assert speakers["about 500 kilometres."] == "Ruritania's Joint Chiefs of Staff"
    assert speakers["at a dead end."] == "experts"
    # one official in event e, officials in event f: joined only within an event, to the plural on a tie
    assert speakers["We are watching closely,"] == "U.S. official"
    assert speakers["on track."] == speakers["late."] == "US officials"


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # the attribution after a quote's closing mark governs it though a title or description stands
    # before the name (a quote opening at the end of the sentence before, as news text often runs on)
    (["Profits will rise this year, the Daily Ledger reported Sunday.\"",
      "We will cut our footprint,\" chief executive Ann van Dijk told reporters.",
      "\"We all know the benefits of energy.\""], "We all know the benefits of energy.", "Ann van Dijk", False),
    (["The report also warned that the damage would cut growth.\"", "It's not based on facts.",
      "... It's not data-driven,\" White House press secretary Jane Roe said on Tuesday.",
      "\"We'd like to see something more data-driven.\""], "We'd like to see something more data-driven.",
     "Jane Roe", False),
    # a name in apposition to a description before the verb: the name speaks
    (["\"One key question is still open,\" University of Chicago professor and the study's co-author, "
      "Jane Roe, said in a statement.", "\"We are pretty confident.\""], "We are pretty confident.",
     "Jane Roe", False),
    (["The judge, Jane A. Roe of the District Court for Ruritania, said that the case had to be \"dismissed.\""],
     "dismissed.", "Jane A. Roe", False),
    # words after a quote that go on with the sentence (a finite verb) are no label: not the speaker after them
    (["Dr. Jane Roe warned Sunday that more \"pain and suffering\" is on the horizon as cases climb again and "
      "officials plead with people to get their shots."], "pain and suffering", "Jane Roe", False),
    # a person who speaks "in a statement" is its author: "the statement reads" later is theirs
    (["In a statement Wednesday, former President John Doe lauded Roe as a \"faithful steward.\"",
      "\"A period of challenges brought out the best in Secretary Roe,\" the statement reads."],
     "A period of challenges brought out the best in Secretary Roe,", "John Doe", False),
    # "read" reports words only of a document: "Roe's statement read", not "the sign reads"
    (["\"We ran on a bold plan,\" Jane Roe's statement read."], "We ran on a bold plan,", "Jane Roe", False),
    (["\"We ran on a bold plan,\" the sign reads."], "We ran on a bold plan,", None, False),
    (["John Doe read the bill aloud: \"We will act.\""], "We will act.", None, False),
    # "find" reports words only of a document: its issuer ("with the report finding that …")
    (["The Acme Institute published a study on Monday, with the report finding that rivers are \"warming "
      "fast.\""], "warming fast.", "Acme Institute", False),
    (["A new Acme Institute study finds that rivers are \"warming fast.\""], "warming fast.", "Acme Institute",
     False),
    (["Police found the car on Monday, \"badly burned.\""], "badly burned.", None, False),
    # an attribution governs the quotes of its own sentence, not a quote of the sentence before
    (["Clearing brush to create \"firebreaks\" is another way to achieve the same.\"",
      "Most fires are small,\" Prof Jane Roe says."], "firebreaks", None, False),
])
def test_sieve_rules_of_version_1_19(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # an attribution is never quoted: a span that is only a speaker, a reporting verb and what it is
    # said of lies between two parts of a quote whose marks were lost, and is no one's words
    (["Jane Roe spoke at the plant on Monday.",
      "The permits will take a month,\" Jane Roe said of the new rules, \"and the state will decide.\""],
     "Jane Roe said of the new rules,", None, False),
    (["\"He said no,\" Jane Roe recalled of her father."], "He said no,", "Jane Roe", False),
    # "who" stands for people: the name it follows is the person "she" may stand for, not a capitalised
    # policy named after it
    (["Rep.-elect Jane Roe (D-N.Y.), who has made championing a so-called Clean Rivers Pact her first "
      "priority since arriving in Washington, spoke first on Monday.\"",
      "This is going to be our moon shot,\" she said."], "This is going to be our moon shot,", "Jane Roe", False),
    # "she" stands for a person, never for a body that has spoken as one (a name in apposition to a
    # kind of body), unless the name opens with a given name ("Bill", also a word for a body)
    (["A row involving Jane Roe and her former label is ending.",
      "The company that owns most of her songs, Acme Records, says she may play them on Sunday.",
      "Jane Roe's first albums were released through Acme Records.",
      "In a post at the time she described this as the \"worst case scenario\"."],
     "worst case scenario", "Jane Roe", False),
    (["Bill Roe has a lesson for the Senate.", "Bill Roe said the plan was sound.",
      "\"We could do it in ten years,\" he said."], "We could do it in ten years,", "Bill Roe", False),
])
def test_sieve_rules_of_version_1_21(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a phrase of time opening a sentence, with its comma, is no subject: the person after it speaks
    # through the participle ("…, tweeting …")
    (["On Monday morning, however, Jane Roe doubled down on her position, tweeting that, \"Of course we "
      "should have acted long before we did.\""], "Of course we should have acted long before we did.",
     "Jane Roe", False),
    (["Earlier Monday, John Doe Jr. tried to brush off the meeting, tweeting sarcastically, \"Obviously "
      "I am the first person to take a meeting.\""], "Obviously I am the first person to take a meeting.",
     "John Doe Jr.", False),
    # a source, described by what it is familiar with or where it was, is an unnamed source
    (["“We will cut taxes,” a source familiar with the proposal tells CNBC."], "We will cut taxes,",
     "source familiar with the proposal", True),
    (["“He made clear that he will decide,” the source on the call said."],
     "He made clear that he will decide,", "source on the call", True),
    # capitalised words joined by "and" to a name ending in an organisation word are one body's name,
    # read forwards as well as back from the verb
    (["U.S. Customs and Border Protection said the crossings “fell sharply” in May."], "fell sharply",
     "U.S. Customs and Border Protection", False),
    (["Crossings “fell sharply” in May, according to U.S. Customs and Border Protection data."],
     "fell sharply", "U.S. Customs and Border Protection", False),
    (["“We agree,” Jane Roe and John Doe said."], "We agree,", "Jane Roe", False),
    # a colon sets a quotation after the clause that introduces it: its subject's words, with or
    # without a reporting verb; a clause of "be" or "have" introduces no one's words
    (["Jane Roe fired back on Twitter: “John Doe should spend more time on the budget.”"],
     "John Doe should spend more time on the budget.", "Jane Roe", False),
    (["Jane Roe is a senator.", "On Monday, Roe hit back: “We will not back down.”"],
     "We will not back down.", "Jane Roe", False),
    (["Jane Roe has a simple motto: “Never give up.”"], "Never give up.", None, False),
    (["The message was clear: “We will not back down.”"], "We will not back down.", None, False),
    # of two attributions, the one whose clause holds the quote: an owner's comment or claim written
    # after the sentence's subject and holding its only quote
    (["Jane Roe referred back to John Doe's recent comment that America \"was never that great,\" "
      "which drew a rebuke."], "was never that great,", "John Doe", False),
    (["Jane Roe brushed off John Doe's call for a \"significant de-escalation\", saying she is "
      "\"determined to continue\" the operation."], "determined to continue", "Jane Roe", False),
    # and whoever names an object so, the quoted span right after it ("called X “…”", "denounced X as
    # “…”"), but not "called for" (asked for)
    (["President Jane Roe said she respects John Doe, and when an interviewer called the leader \"a killer,\" "
      "Roe said the country has many of them."], "a killer,", "interviewer", True),
    (["Jane Roe said John Doe had called the plan “a disaster”."], "a disaster", "John Doe", False),
    (["Jane Roe said the plan, which critics have called “a disaster”, would pass."], "a disaster", "critics",
     True),
    (["The critics were out in force: Senator Jane Roe, Republican of Florida and a likely candidate for "
      "president, denounced the move as “disgraceful.”"], "disgraceful.", "Jane Roe", False),
    (["As The New York Times reported, the agency called for the moratorium “until the end of September.”"],
     "until the end of September.", "New York Times", False),
])
def test_sieve_rules_of_version_1_23(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, speaker, label", [
    # a newspaper's name ending with a title word is the paper, as `framing.actors` reads it (1.24)
    (["The county spent $2 million on the program, according to the Sioux Falls Argus Leader."],
     "Sioux Falls Argus Leader", "Sioux Falls Argus Leader"),
    (["The county spent $2 million on the program, the Sioux Falls Argus Leader reported."],
     "Sioux Falls Argus Leader", "the Sioux Falls Argus Leader"),
    # an office is still a title: the person last written with it, else the role
    (["The bill will pass, the House Republican Leader said."], "leader", "the House Republican Leader"),
    (["The bill will pass, according to the Senate Majority Leader."], "leader", "Senate Majority Leader"),
    (["Senator Tim Scott spoke on Monday.", "“We will pass it,” the South Carolina Republican said."],
     "Tim Scott", "the South Carolina Republican"),
    # a thing owned by something that is no person is nobody, never the last person named (1.24)
    (["Gov. Kristi Noem said the budget was balanced.",
      "The state collected $30 million more than expected, according to the state's finances website."],
     None, "the state's finances website"),
    (["Anthony Fauci spoke on Monday.", "The nation’s top infectious disease expert announced the plan, "
      "calling it “a new antiviral program”."], "Anthony Fauci", "the nation’s top infectious disease expert"),
    # a person's relation or aide is still read as a person of the article
    (["Jane Roe spoke on Monday.", "The plan will fail, the senator's spokesman said."],
     "spokesman", "the senator's spokesman"),
])
def test_newspapers_and_owned_things_of_version_1_24(texts, speaker, label):
    quotes = fr.extract_quotes(_table(texts))
    row = quotes[quotes["sentence_id"] == len(texts) - 1].iloc[0]
    assert row["speaker_label"] == label
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


def test_in_the_words_of_a_person_without_quotation_marks_is_read_without_error():
    """"in the words of NAME" names a source and no verb: a sentence holding it and no quote gives no row
    (it raised a TypeError)."""
    text = ("Here are some of the celebrities who, in the words of Jane Roe, stayed awake: Roe and Doe made "
            "an unusual pair, but they opened the show with a strong message.")
    assert fr.extract_quotes(_table([text])).empty


def test_a_source_familiar_with_a_proposal_opening_a_sentence_gives_its_row():
    quotes = fr.extract_quotes(_table(["A source familiar with the proposal tells CNBC that the plan would "
                                       "cut taxes for most families."]))
    assert list(quotes["quote"]) == ["the plan would cut taxes for most families."]
    assert quotes.loc[0, "is_anonymous"] and quotes.loc[0, "speaker"] == "source familiar with the proposal"


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a noun between the subject and its verb is no preposition: "by" opens the means, and the people
    # before it are not who speaks (1.25)
    (["In a speech on Tuesday, he appealed to rural voters in part by accusing his rival of “elitism”."],
     "elitism", None, False),
    # an inverted verb's speaker comes after a finite verb: an infinitive's noun is its object, and a
    # noun before "that" is the addressee
    (["He went on television to warn voters that the storm would be “the worst in a century.”"],
     "the worst in a century.", None, False),
    # a possessive after an inverted verb opens the reported clause when its noun has a verb
    (["Jane Roe, who this week hosted the mayor at a dinner and called him “a true partner,” said the "
      "mayor’s plans to rebuild the pier have won her over."], "a true partner,", "Jane Roe", False),
    # a relative clause gives its own words: its verb, or one joined to it by "and"; after a body's
    # name and the kind of body it is
    (["The proposal won praise from Acme magazine, which hails the senator for “putting families first.”"],
     "putting families first.", "Acme", False),
    # a body named by its owner names things too ("The Jane Roe campaign quickly labeled …"), and a name
    # in title case given by a verb of naming is the namer's word, not a title
    (["The Roe campaign quickly labeled Mr. Doe’s running mate “Crooked John,” citing his record."],
     "Crooked John,", "Roe campaign", False),
    (["The mayor is calling the city's new transit card the “Metro Freedom Pass.”"],
     "Metro Freedom Pass.", None, False),
    # verbs of deeming are verbs of saying for the words of what someone believes or considers (labelling
    # rule 1), but not "considered" (mostly passive)
    (["Jane Roe believes drivers have grown too “comfortable” with speeding."], "comfortable", "Jane Roe", False),
    (["A majority of voters believe the city should take “bold steps” on housing, a new poll shows."],
     "bold steps", "voters", True),
    (["The senator is considered a “moderate” by many in her party."], "moderate", None, False),
    # a quote between a possessive and a noun of speech is the owner's words
    (["Fresh off Senator Jane Roe's “we will not fold” remarks on Monday, John Doe hit back at her party, "
      "hard, telling voters to look at her record."], "we will not fold", "Jane Roe", False),
    # of an owner's claim and a verb of saying right before the quote, the verb's subject speaks
    (["Rejecting John Doe's claims that the port was closed, Jane Roe said, “The port has never been busier.”"],
     "The port has never been busier.", "Jane Roe", False),
    (["Take Jane Roe's claim that the speech, in which John Doe praised the plan, was “a fantasy.”"],
     "a fantasy.", "Jane Roe", False),
])
def test_sieve_rules_of_version_1_25(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


def test_a_description_keeps_its_head_noun():
    """A subject description is read up to its head noun, however many words stand before it, and "according
    to" a thing keeps the thing (1.25)."""
    quotes = fr.extract_quotes(_table(["The city's longest-serving public health expert said, “We are ready.”",
                                       "Taxes rose “by a third,” according to the county's open budget website."]))
    assert list(quotes["speaker_label"]) == ["the city's longest-serving public health expert",
                                             "the county's open budget website"]


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # page furniture opening a sentence names nobody: a photo credit run into it, an aside in brackets
    # holding another attribution, a media label, a heading tagged "(report)" before a colon
    (["Jane Doe / AP John Roe, Roe’s eldest son, who opened the bridge, said, “This is a great day for the city.”"],
     "This is a great day for the city.", "John Roe", False),
    (["( Also on the site: Jane Doe tells of her campaign) “She will speak about the economy,” said John Roe, "
      "her campaign manager."], "She will speak about the economy,", "John Roe", False),
    (["Video The family who sheltered the refugee are suing, saying they were never told he was “dangerous.”"],
     "dangerous.", None, False),
    (["Summit in Bali (report): President Jane Roe met the prime minister, calling the talks “open and candid.”"],
     "open and candid.", "Jane Roe", False),
    # a headline's name before a colon speaks the quote after it; a heading that is no name does not
    (["Jane Roe: John Doe ‘Strikes Fear in the Heart’ of the Mayor"], "Strikes Fear in the Heart", "Jane Roe", False),
    (["Fact Check: John Doe ‘Strikes Fear in the Heart’ of the Mayor"], "Strikes Fear in the Heart", None, False),
    (["WASHINGTON: John Doe ‘Strikes Fear in the Heart’ of the Mayor"], "Strikes Fear in the Heart", None, False),
    # the possessed noun heads a possessive phrase: "said the senator's wife" is the wife, named by a
    # name in apposition, else written as the senator's wife
    (["Senator John Roe spoke on Monday.", "“We are very proud of him,” said the senator’s wife, Jane Roe."],
     "We are very proud of him,", "Jane Roe", False),
    (["Senator John Roe spoke on Monday.", "“We are very proud of him,” said the senator’s wife."],
     "We are very proud of him,", "John Roe’s wife", False),
    # a document's issuer: an office owned by a person after "from", a name before a noun of two words;
    # a year may stand between a subject and its verb
    (["The workers are “living in fear of retaliation,” according to a press release from Roe’s office."],
     "living in fear of retaliation,", "Roe’s office", False),
    (["A White House fact sheet said the order would require “stronger encryption.”"],
     "stronger encryption.", "White House", False),
    (["The plan was unpopular, and Senator Jane Roe in 2019 called it “a disaster.”"], "a disaster.", "Jane Roe", False),
    # a description of a person, nobody quoted and no name in a subject's place before it: the one
    # person the article has named
    (["It took Jane Roe to take the lead.", "“Schools will open in September,” announced the city’s often-feckless mayor."],
     "Schools will open in September,", "Jane Roe", False),
    # a long aside in brackets that is no heading is read at once (no backtracking over its words)
    (["After the agency fired its deputy director (whom the inspector general found had leaked sensitive "
      "information and then misled investigators about it under oath), Senator Jane Roe lashed out, "
      "declaring on Twitter, “This is a disgrace.”"], "This is a disgrace.", "Jane Roe", False),
])
def test_sieve_rules_of_version_1_26(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a verb stressed on its last syllable doubles its consonant, and so does a short one after "qu"
    (["In March, Jane Roe admitted he “did not want this job.”"], "did not want this job.", "Jane Roe", False),
    (["“Not a chance,” Jane Roe quipped."], "Not a chance,", "Jane Roe", False),
    (["“The talks go on,” Jane Roe signalled."], "The talks go on,", "Jane Roe", False),
    # someone who speaks for another, owned by them or after "for" / "to" and not named: an unnamed
    # source, never the one spoken for; named in apposition or before, the person
    (["Senator Jane Roe’s spokesman said Friday he feels “sorry” for the mayor."], "sorry", "Jane Roe’s spokesman", True),
    (["His lawyers said in a statement that it was “devastating” for the family."], "devastating", "lawyers", True),
    (["“It was devastating,” John Doe’s lawyers said."], "It was devastating,", "John Doe’s lawyers", True),
    (["A spokesman for Jane Roe said the bill was “dead.”"], "dead.", "spokesman", True),
    (["Lawyers for the senator said the ruling was “a travesty.”"], "a travesty.", "lawyers", True),
    (["Her attorney, John Doe, told reporters the ruling was “a travesty.”"], "a travesty.", "John Doe", False),
    (["Spokesman Ned Doe spoke first.", "“Nothing has changed,” the senator’s spokesman added."],
     "Nothing has changed,", "Ned Doe", False),
    # a description of one person by a role, with nobody named before it: the role
    (["“The guard kicked him in the face,” the inspector wrote."], "The guard kicked him in the face,", "inspector", False),
    (["Jane Roe toured the prison.", "“The guard kicked him in the face,” the inspector wrote."],
     "The guard kicked him in the face,", "Jane Roe", False),
    # of two attributions before a quote, the one whose verb introduces it
    (["When asked if the club had admitted any new members since 2017, Jane Roe said, “They are still working on that.”"],
     "They are still working on that.", "Jane Roe", False),
    (["Jane Roe has criticised a pact between the US, UK and Australia, describing it as “irresponsible.”"],
     "irresponsible.", "Jane Roe", False),
])
def test_sieve_rules_of_version_1_28(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # an attribution in an opening subordinate clause governs that clause; the main clause's verb the quote
    (["Although aides initially said there would be no golf, Jane Roe said she and John Doe will “sneak out” on Friday."],
     "sneak out", "Jane Roe", False),
    (["While critics said the plan was late, Jane Roe said the new plan would “change everything.”"],
     "change everything.", "Jane Roe", False),
    (["As Jane Roe reported on Monday, the agency said the plan was “dead.”"], "dead.", "Jane Roe", False),  # "As …,"
    # the words of a question opening the sentence are the asker's, and the asker is not named
    (["Asked whether the vote hurts the party’s “case,” Jane Roe replied: “It helps the case.”"], "case,", None, False),
    (["Asked whether the vote hurts the party’s “case,” Jane Roe replied: “It helps the case.”"],
     "It helps the case.", "Jane Roe", False),
    # a programme's title after a broadcaster's possessive, or before "show": nobody says it
    (["Jane Roe's remarks Sunday slamming John Doe on CNN's “State of the Union.”"], "State of the Union.", None, False),
    (["Jane Roe told NBC’s “Today” show that the plan was “dead.”"], "Today", None, False),
    (["Jane Roe told NBC’s “Today” show that the plan was “dead.”"], "dead.", "Jane Roe", False),
    (["Jane Roe called it “Reckless.”"], "Reckless.", "Jane Roe", False),
    # an abbreviated title alone names nobody (the name cut off); initials are no title
    (["“I saw the interview and it was shocking,” Sen."], "I saw the interview and it was shocking,", None, False),
    (["“The virus came from a lab,” U.S. officials said."], "The virus came from a lab,", "U.S. officials", True),
    # a subject pronoun with a contracted auxiliary is the pronoun (here standing for nobody named)
    (["Sure, the senator worked in a reference to jobs, but the thrust of her remarks echoed what she’d said the "
      "night before in Charlotte, N.C. “We will win,” she said."], "We will win,", None, False),
    # a surname alone opening a clause that gives a quote with a colon; a word no proper noun does not
    (["Roe fired back on Twitter: “Doe should spend more time on the budget.”"],
     "Doe should spend more time on the budget.", "Roe", False),
    (["Everything changed then: “The plan is dead.”"], "The plan is dead.", None, False),
    # a role after a body's name is the subject of a participle of saying, as of "said"
    (["The Oakland County prosecutor opposed the pardon, saying that the governor was giving “special treatment” to him."],
     "special treatment", "Oakland County prosecutor", False),
    # a headline "NAME on TOPIC: “…”"
    (["Roe on Iran: “The president does not want war”"], "The president does not want war", "Roe", False),
    # an adverb of time between an auxiliary and the verb, after an aside
    (["Roe, for her part, has already denounced the interview as “fake news” and said it was a hit job."],
     "fake news", "Roe", False),
    # nouns of a speech act owned by a name hold its words; a verdict given a word by "rated"
    (["Voters cheered at Jane Roe’s vague condemnations of violence on “both sides.”"], "both sides.", "Jane Roe", False),
    (["John Doe’s questioning of the plan’s “stability” on Thursday drew a reply."], "stability", "John Doe", False),
    (["The fact-checking site PolitiFact rated the senator’s claim “false.”"], "false.", "PolitiFact", False),
    # whoever issues a document says what it says
    (["The Roe Party sent a new mailer, approved by John Doe, that accused Jane Roe of wanting to “tear it all down.”"],
     "tear it all down.", "Roe Party", False),
    (["The Roe Group released an ad saying the plan would be “a disaster.”"], "a disaster.", "Roe Group", False),
])
def test_sieve_rules_of_version_1_29(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a body written in lower case after the proper adjective or the noun that says which one is that body;
    # an adjective alone does not say which
    (["“We will not allow it,” the Catalan justice department said in a statement."], "We will not allow it,",
     "Catalan justice department", False),
    (["“The talks were productive,” the Chinese foreign ministry said."], "The talks were productive,",
     "Chinese foreign ministry", False),
    # ... even after a country was named: the proper adjective says it is not that country's (AllSides
    # events 301-400 gave "United States government")
    (["The United States wanted him.", "“We will not allow it,” the Catalan justice department said."],
     "We will not allow it,", "Catalan justice department", False),
    # a party's members are people: "the office" never stands for them
    (["Justice Department watchdog to investigate data seizure as House Democrats discuss leak probe",
      "The Justice Department's inspector general will investigate the seizure, the office announced, calling it "
      "“a serious matter.”"], "a serious matter.", "Justice Department", False),
    (["“The water is safe,” the health department said."], "The water is safe,", "health department", False),
    (["“The water is safe,” the new agency said."], "The water is safe,", None, False),
    # bodies in the plural with no one named are the bodies, by the head of their description
    (["In a pair of statements, the campaigns announced that Roe would give Doe “a clear path” in Indiana."],
     "a clear path", "campaigns", False),
    # a document owned by a name and subject of the sentence says its issuer's words, unless a nearer verb
    # of saying gives them to another
    (["John Doe’s pardon of Jane Roe, the broadest in history, extended to “all offenses against the state.”"],
     "all offenses against the state.", "John Doe", False),
    (["John Doe’s speech to the nation, which critics called “divisive,” lasted an hour."], "divisive,",
     "critics", True),
    # a body's role with no person named after it opens a headline: the role, not the body's name cut off
    (["Ex-Roe Force commander: the videos were ‘inherently evil’"], "inherently evil", "Ex-Roe Force commander", False),
    # a pronoun stands for the subject opening the sentence before a name in its relative clause or object
    (["Roe, who led the movement that claimed Doe wasn't born here, first responded with feigned exasperation -- "
      "“We need the question,” he said, to laughs."], "We need the question,", "Roe", False),
    (["But Roe has since come to appreciate President John Doe and told reporters that he believes the president "
      "has shown “leadership and compassion” toward him."], "leadership and compassion", "Roe", False),
    # a contracted negative auxiliary is finite: the name before it is the subject of what is reported
    (["The group claimed Doe wasn't born in the country, a “lie” since."], "lie", None, False),
    # a party's member in the singular, nobody named before: the description
    (["“That’s not a good place to start,” the Texas Republican said."], "That’s not a good place to start,",
     "Texas Republican", False),
    (["Sen. John Doe spoke first.", "“That’s not a good place to start,” the Texas Republican said."],
     "That’s not a good place to start,", "John Doe", False),
])
def test_sieve_rules_of_version_1_31(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


def test_a_platform_is_no_surname_of_a_name_written_in_another_event():
    """"Twitter said" in one event is Twitter, not the "Twitter Whistleblower" a title-case headline of
    another event makes a speaker of (a platform, `platforms` of the reporting verbs, is a company)."""
    table = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0], "outlet": ["A", "B"],
                          "event": ["e1", "e2"], "kind": ["headline", "body"], "position": [0.0, 0.0],
                          "text": ["Twitter Whistleblower Says Company ‘Put Its Profits Over Our Safety’",
                                   "“Our services are back to normal,” Twitter said on Tuesday."]})
    quotes = fr.extract_quotes(table)
    assert quotes.loc[quotes["article_id"] == "b", "speaker"].tolist() == ["Twitter"]


def test_an_acronym_keeping_the_letter_of_a_small_word_is_its_body():
    """"the PBOC said" is the People’s Bank of China named in the same event: some acronyms keep the
    letter of "of" ("DOJ", "PBOC")."""
    table = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0], "outlet": ["A", "B"],
                          "event": ["e1", "e1"], "kind": ["body", "body"], "position": [0.0, 0.0],
                          "text": ["The People’s Bank of China said on Friday that “all crypto trading is illegal.”",
                                   "“Overseas exchanges are also illegal,” the PBOC said."]})
    assert fr.extract_quotes(table)["speaker"].tolist() == ["People’s Bank of China"] * 2


# Sentences of the AllSides roundups (`../shared/data/allsides-roundups`), as the outlets wrote them.
@pytest.mark.parametrize("text", [
    "About 53.1 percent of the U.S. population 12 years and older—almost 150.7 million individuals—had been "
    "fully vaccinated as of June 23, 2021, according to the Centers for Disease Control and Prevention (CDC).",
    "More than 15 million doses of COVID-19 vaccines have been thrown away or wasted since March, according to "
    "Centers for Disease Control and Prevention data received by NBC News through a public records request.",
])
def test_the_rest_of_a_body_name_after_for_is_part_of_the_speaker(text):
    assert fr.extract_quotes(_table([text])).loc[0, "speaker"] == "Centers for Disease Control and Prevention"


def _outlets_table(texts: list[tuple[str, str]], event: str = "e") -> pd.DataFrame:
    """One article per (outlet, sentence), all of one event."""
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "sentence_id": 0,
                         "outlet": [outlet for outlet, _ in texts], "event": event, "kind": "body",
                         "position": 0.0, "text": [text for _, text in texts]})


@pytest.mark.parametrize("texts", [
    # an acronym of a body's clipped words and the body's name, in one event (allsides_5690)
    [("Military Times", "‘It was a mistake.’ CENTCOM admits Aug. 29 drone strike killed civilians, not ISIS"),
     ("Military Times", "U.S. Central Command announced Friday that they were very wrong.")],
    # dots in an acronym, and "Department of X" / "X Department" (allsides_5800, 5987, 5802)
    [("New York Times (News)", "Vaccine reduces risk of infection even in people who already had Covid-19, the C.D.C. says."),
     ("Axios", "What they're saying: \"People who are fully vaccinated are protected from severe disease and death, "
               "including from the variants currently circulating in the country such as Delta,\" the CDC said.")],
    [("Breitbart News", "New jobless claims dropped 20,000 to 385,000 for the week ended May 29, the Department of Labor "
                      "said Thursday."),
     ("CNBC", "Hiring rose in July at its fastest pace in nearly a year despite fears over Covid-19′s delta variant "
              "and as companies struggled with a tight labor supply, the Labor Department reported Friday.")],
])
def test_one_body_has_one_speaker_name_across_outlets(texts):
    speakers = fr.extract_quotes(_outlets_table(texts))["speaker"]
    assert speakers.notna().all() and speakers.nunique() == 1, list(speakers)


def test_an_acronym_the_text_defines_joins_its_body_in_other_events():
    # allsides_5829 defines "CDC"; allsides_5800 writes "C.D.C." in another event
    texts = [("Govt. Accountability Office",
              "About 53.1 percent of the U.S. population 12 years and older—almost 150.7 million individuals—had "
              "been fully vaccinated as of June 23, 2021, according to the Centers for Disease Control and "
              "Prevention (CDC)."),
             ("New York Times (News)", "Vaccine reduces risk of infection even in people who already had Covid-19, the "
                                "C.D.C. says.")]
    table = pd.concat([_outlets_table(texts[:1], "e1"), _outlets_table(texts[1:], "e2").assign(article_id="b")])
    assert list(fr.extract_quotes(table)["speaker"]) == ["Centers for Disease Control and Prevention"] * 2
    # a place before the defined name is part of it: South Korea's JCS (allsides_5702) is not the
    # Joint Chiefs of Staff of another event (allsides_5677)
    texts = [("The Epoch Times", "North Korea launched two ballistic missiles into waters off its eastern coast on "
                                 "Wednesday, South Korea’s Joint Chiefs of Staff (JCS) has confirmed."),
             ("CNN (Opinion)", "The chairman of the Joint Chiefs of Staff, Gen. Mark Milley, had previously called "
                               "the attack a \"righteous strike,\" days after two bombing attacks outside the airport "
                               "killed 13 US...")]
    table = pd.concat([_outlets_table(texts[:1], "e1"), _outlets_table(texts[1:], "e2").assign(article_id="b")])
    quotes = fr.extract_quotes(table)
    other = set(quotes.loc[quotes["event"] == "e2", "speaker"])
    assert other and "South Korea’s Joint Chiefs of Staff" not in other


def test_names_of_a_headline_in_title_case_name_no_speaker():
    # allsides_5758: the headline's capitals run "Biden" into "Maintains Deadline"
    table = _table(["Biden Maintains Deadline for Afghan Pullout as Taliban Block Airport Access",
                    "President Biden said the U.S. is on pace to leave Afghanistan by Aug. 31, warning of growing "
                    "security risks."]).assign(kind=["headline", "body"])
    assert fr.extract_quotes(table, kinds=None)["speaker"].tolist() == ["Biden"]


@pytest.mark.parametrize("text, speaker", [
    # allsides_5952 and allsides_5735: "claims" after a possessive is the owner's noun, not a verb
    ("Documents released by the House Oversight Committee show how former President Donald Trump and his allies "
     "pressured the Department of Justice (DOJ) to back his baseless claims that the 2020 election was rigged late "
     "last year.", "Donald Trump"),
    ("Donald Trump’s grip on the GOP will tighten with a vote by House Republicans Wednesday to depose "
     "Representative Liz Cheney from her leadership post for her persistent rebuttals to Trump’s false claims that "
     "the 2020 election was stolen.", "Donald Trump"),
])
def test_a_claim_owned_by_a_possessive_is_its_owners(text, speaker):
    assert fr.extract_quotes(_table([text])).loc[0, "speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    # allsides_5701: a reporting verb joined by "and" to the verb of the sentence's subject
    ("Dr. Kristen Solana Walkinshaw is chief of staff at the hospital and says that “we are no longer able to "
     "provide the standard of care to each and every patient who needs our help,”", "Kristen Solana Walkinshaw"),
    # narrative-frames-dev (the blind9 batch): "did" before the verb, as "has" or "will" may stand
    ("FEMA did signal that it wants to invest more in \"pre-disaster mitigation,\" which may or may not include "
     "climate change.", "FEMA"),
])
def test_a_verb_after_and_or_did_keeps_its_subject(text, speaker):
    assert fr.extract_quotes(_table([text])).loc[0, "speaker"] == speaker


def test_an_acronym_is_the_body_its_article_names_in_full():
    # narrative-frames-dev (the blind9 batch): the fullest form, as labelling rule 3 names a body
    texts = ["FEMA is preparing for the future.",
             "The Federal Emergency Management Agency, which was on the front lines of many of these calamities, had to "
             "go back to Congress last September to ask for billions more dollars to handle the gargantuan relief "
             "efforts.",
             "FEMA did signal that it wants to invest more in \"pre-disaster mitigation,\" which may or may not include "
             "climate change."]
    assert fr.extract_quotes(_table(texts))["speaker"].tolist() == ["Federal Emergency Management Agency"]


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a prepositional phrase right after a quote names no one (an AllSides headline in title case) …
    (["‘Insult To The Record-Setting 75M People.’ Trump Slams Facebook For ‘Censoring And Silencing’ After "
      "Two-Year Suspension"], "Censoring And Silencing", None, False),
    (["“We will be back,” Amid Rising Costs, the firm closed."], "We will be back,", None, False),
    # … while a name right after a quote speaks, also in an excerpt cut after it
    (["“We are done,” Jane Roe, the mayor, told the council."], "We are done,", "Jane Roe", False),
    (["“We are done,” Georgia Secretary of State Jane Roe, a..."], "We are done,", "Jane Roe", False),
    # a name before common nouns and a finite verb modifies them: the reported clause's subject, no speaker …
    (["“More study is needed,” insist Harvard lab leak researchers are wrong, critics say."],
     "More study is needed,", "critics", True),
    # … while an inverted verb's name followed by its role, a comma or the sentence's end speaks
    (["“The theory is viable,” insisted Jane Roe."], "The theory is viable,", "Jane Roe", False),
    (["“It is over,” said Biden spokesperson Jen Psaki."], "It is over,", "Jen Psaki", False),
    (["“It is over,” said Jane Roe, a virologist who studies coronaviruses."], "It is over,", "Jane Roe", False),
])
def test_sieve_rules_of_version_1_32(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("text", [
    "Top scientists slam WHO, insist COVID lab leak theory is ‘viable’",  # an AllSides headline
    "Scientists insist COVID lab leak theory is viable.",
    "Doctors say Pfizer booster shots are needed for the elderly.",
])
def test_a_name_modifying_the_subject_of_a_reported_clause_is_no_speaker(text):
    """After an inverted verb, a name followed by common nouns and a finite verb is the modifier of the
    reported clause's subject ("insist COVID lab leak theory is …"), no speaker (reporting verbs 1.32)."""
    speakers = set(fr.extract_quotes(_table([text]))["speaker"].dropna())
    assert not speakers & {"COVID", "Pfizer"}


def _event_table(*articles: list[str]) -> pd.DataFrame:
    """One article per list of sentences, each of its own outlet, all of one event."""
    return pd.DataFrame([{"article_id": f"a{i}", "sentence_id": j, "outlet": f"Outlet {i}", "event": "e",
                          "kind": "body", "position": 0.0, "text": text}
                         for i, texts in enumerate(articles) for j, text in enumerate(texts)])


@pytest.mark.parametrize("opening, speaker", [
    # a command's verb opening another article's sentence is no given name (allsides_5708) …
    ("Stop Biden's $3.5 trillion boondoggle – Manchin shows moderate Dems how to survive midterms", "Biden"),
    # … while a given name that is also a noun or a verb opens a full name that completes the surname
    ("Bill Biden's campaign opened an office in Delaware.", "Bill Biden"),
])
def test_a_surname_is_completed_by_no_command_s_verb(opening, speaker):
    sentences = _event_table([opening], [
        "Such was the case with the budget bill at the center of President Biden’s agenda.",
        "(“Do we have the urgency to spend another $3.5 trillion right now?” he asked on CNN.)"])
    quotes = fr.extract_quotes(sentences)
    assert quotes.loc[quotes["article_id"] == "a1", "speaker"].tolist() == [speaker]


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a survey or report named after a body's possessive speaks for the body, whatever "and" its name holds …
    (["The number of available jobs rose by about 1 million to 9.3 million, according to the Bureau of Labor "
      "Statistics' Job Openings and Labor Turnover Survey, the highest number since the agency began keeping "
      "track in 2000."], "The number of available jobs rose by about 1 million to 9.3 million",
     "Bureau of Labor Statistics", False),
    (["Cases fell by half, according to the CDC's Morbidity and Mortality Weekly Report."],
     "Cases fell by half", "CDC", False),
    # … while a person named after a body's possessive speaks ("Fox News' Bret Baier")
    (["Prices rose 5 percent, according to the Bureau of Labor Statistics' chief economist Jane Roe."],
     "Prices rose 5 percent", "Jane Roe", False),
    (["Prices rose 5 percent, according to the Bureau of Labor Statistics."],
     "Prices rose 5 percent", "Bureau of Labor Statistics", False),
    # a document owned by a person, in a title-case headline, holds its owner's words …
    (["Tyler Perry’s Powerful Oscars Speech Asks the World to ‘Refuse Hate’"], "Refuse Hate", "Tyler Perry", False),
    # … and a headline's subject with no document still speaks
    (["Jane Roe Asks the World to ‘Refuse Hate’"], "Refuse Hate", "Jane Roe", False),
    # "he" after a role description opening the sentence before stands for the person of that role, not
    # for a name in a possessive that only modifies a noun ("President Biden’s legislative agenda") …
    (["Such was the case with Sen. Joe Manchin III (D-W.Va.) on Sunday, as he appeared on NBC’s, CNN’s and ABC’s "
      "Sunday talk shows to explain his opposition to the budget reconciliation bill at the center of President "
      "Biden’s legislative agenda.",
      "The West Virginia senator came with plenty of rationalizations.",
      "He expressed concern about inflation and the national debt.",
      "(“Do we have the urgency to spend another $3.5 trillion right now?” he asked on CNN.)"],
     "Do we have the urgency to spend another $3.5 trillion right now?", "Joe Manchin III", False),
    # … while with no description in between the last person named with a role is still the one meant
    (["Sen. Jane Roe met Gov. John Doe on Sunday.",
      "“We have a deal,” he said."], "We have a deal,", "John Doe", False),
])
def test_sieve_rules_of_version_1_33(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # a headline's surname alone before a colon speaks (blind14) …
    (["Reid: ‘We are in conversation today’"], "We are in conversation today", "Reid", False),
    # … a word English also writes in lower case, or a place, is a heading
    (["Update: “We are in conversation today”"], "We are in conversation today", None, False),
    (["Washington: “We are open”"], "We are open", None, False),
    # the credit line of an embedded tweet closes the tweet: "he" is the subject after it (blind14) …
    (["— Donald J. Trump (@realDonaldTrump) July 31, 2018 Leonard explained the rift between the Kochs and Trump: "
      "\"The Koch network is seeking to maintain this idea that Republicans stand for limited government,\" he said."],
     "The Koch network is seeking to maintain this idea that Republicans stand for limited government,",
     "Leonard", False),
    # … and a sentence's own opening name is still the one meant
    (["Jane Roe explained the rift between the Kochs and Trump: \"The Koch network is seeking to maintain this "
      "idea,\" she said."], "The Koch network is seeking to maintain this idea,", "Jane Roe", False),
    # a verb of calling governs quotes joined by "and", after an earlier "says" (blind14) …
    (["Chamberlain says he began scouring labels shortly after the Group of 7 summit in Canada in early June, when "
      "President Trump called Prime Minister Justin Trudeau \"meek and mild\" and \"dishonest and weak.\""],
     "dishonest and weak.", "Trump", False),
    # … while a quote before the verb of calling is the sayer's
    (["“We buy local,” Chamberlain says, ever since Trump called Trudeau “weak.”"], "We buy local,", "Chamberlain",
     False),
    # a name's participle after "with" asking its own "if" question gives it no term quoted before (blind14) …
    (["The two also tussled on whether Blumenthal’s emails were really “unsolicited,” with Gowdy asking her if she "
      "knew the definition of the word."], "unsolicited,", None, False),
    # … while a question quoted whole before it, or a participle of saying, is still the name's
    (["“Do you know the definition of the word?” with Gowdy asking her if she knew it."],
     "Do you know the definition of the word?", "Gowdy", False),
    (["The two tussled over the emails, “unsolicited,” with Gowdy saying the emails came unasked."],
     "unsolicited,", "Gowdy", False),
])
def test_sieve_rules_of_version_1_33_read_from_blind14(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


def test_a_suffix_ends_a_name_and_names_no_one_alone():
    """"III" after a name is its suffix, not a body in capitals (the person is remembered, for "he"); a
    suffix after a word in capitals ("UPDATE II:") names no one (reporting verbs 1.33)."""
    texts = ["UPDATE II: Trump thought it was great.",
             "Trump congratulated Newt Gingrich on an “amazing” interview: “We don’t play games.”"]
    assert "II" not in set(fr.extract_quotes(_table(texts))["speaker"].dropna())
    texts = ["Sen. Joe Manchin III (D-W.Va.) spoke on Sunday.", "“We are not there yet,” he said."]
    assert fr.extract_quotes(_table(texts))["speaker"].tolist() == ["Joe Manchin III"]


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # the one quoted "as saying" speaks, not whoever quotes them (blind15) …
    (["\"Now is the moment,\" The Telegraph quoted Bannon, Trump’s former strategist and a key player in his 2016 "
      "election campaign, as saying."], "Now is the moment,", "Bannon", False),
    (["“We are ready,” the paper quoted Jane Roe as telling reporters."], "We are ready,", "Jane Roe", False),
    # … whoever is judged for saying words said them (blind15) …
    (["The hashtag became popular months ago, after Mr. Paul was criticized for telling a female anchor, Kelly Evans "
      "of CNBC, to “calm down” during a February interview."], "calm down", "Paul", False),
    (["Jane Roe was praised by colleagues for calling the bill “a disgrace.”"], "a disgrace.", "Jane Roe", False),
    # … and the one led to ask, a role in lower case before the name (blind15)
    (["House Speaker Paul Ryan (R-Wis.) appeared on NBC’s “Today” show on Wednesday to discuss the Republican tax "
      "bill and the impact it will have on workers, leading host Savannah Guthrie to ask him if he was “living in a "
      "fantasy world.”"], "living in a fantasy world.", "Savannah Guthrie", False),
    # a headline "Name to Name: ‘…’" gives the quote to the first (blind15) …
    (["Reince Priebus to Donald Trump: ‘Give Us All a Break’"], "Give Us All a Break", "Reince Priebus", False),
    # … a heading with no person's name gives it to no one
    (["Road to Recovery: “We are back”"], "We are back", None, False),
    # an Arabic article joined by a hyphen is part of the name (blind15)
    (["In Syria, President Bashar al-Assad, accused by the political opposition of heinous crimes in a nearly "
      "three-year-old civil war, said Mr. Mandela was \"an inspiration in the values of love and human "
      "brotherhood.\""], "an inspiration in the values of love and human brotherhood.", "Bashar al-Assad", False),
])
def test_sieve_rules_of_version_1_34_read_from_blind15(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # an "-ing" word after an article and an adjective is a noun, no indefinite speaker's verb (blind15) …
    (["Pope Francis had a stern warning for global oil executives on Saturday: satisfying the world's growing "
      "energy needs \"must not destroy civilization.\""], "must not destroy civilization.", "Pope Francis", False),
    # … while an unnamed person's participle still makes them speak
    (["Protests grew, with a spokesman warning that the plan “will fail.”"], "will fail.", "spokesman", True),
    # a noun "called" a quoted name names it, nobody speaks (blind15) …
    (["Sanders roasted the billionaire class alongside Meyers on a segment called “Ya Bernt.”"], "Ya Bernt.", None,
     False),
    # … while a person who calls something by a name, its object before, speaks
    (["A spokesman called it “a farce.”"], "a farce.", "spokesman", True),
    # a participle hangs on the nearer "he said", not on the sentence's first words (blind15)
    (["People think Bannon will go after Trump, which actually isn’t correct,” he said, hinting that Bannon would "
      "focus his ire on his “globalist” enemies instead."], "globalist", None, False),
    # a reporting verb's form after a possessive determiner is a noun (blind15)
    (["After his July 27 comment, the report states, Mr. Trump “asked individuals affiliated with his Campaign to "
      "find the deleted Clinton emails” — including Michael Flynn."],
     "asked individuals affiliated with his Campaign to find the deleted Clinton emails", None, False),
    # "continue to" goes on doing, says nothing (blind15, blind10) …
    (["On NBC’s “Today,” Conway repeatedly tried to move away from the subject, when asked why Trump continues to "
      "make unfounded claims."], "Today,", None, False),
    (["Talks on forming another “grand coalition” are unlikely to start as the Social Democratic party (SPD) "
      "continues to weigh up the risks."], "grand coalition", None, False),
    # … while "continued" alone still reports
    (["Sen. Jane Roe spoke first.", "The senator continued: “We will win.”"], "We will win.", "Jane Roe", False),
    # a name before a preposition opens a headline's fragment, no clause (blind10)
    (["SPD leader Martin Schulz under pressure from members Talks on forming another “grand coalition” are unlikely "
      "to start."], "grand coalition", None, False),
    # verbs of talking about a topic govern the subject's words about it (blind12)
    (["Mr. Bush also briefly discussed how he learned to be a president who served with \"integrity\" and "
      "\"courage\" from his father."], "courage", "Bush", False),
])
def test_sieve_rules_of_version_1_34(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # whoever is known for saying words said them, the name the description stands next to (blind9) …
    (["The next day, Judith Curry, a retired climatologist known for mocking other scientists as \"alarmists,\" "
      "and Anthony Watts, who runs a popular blog, endorsed the idea."], "alarmists,", "Judith Curry", False),
    (["Sen. Jane Roe, known for calling the tax a “job killer,” voted no."], "job killer,", "Jane Roe", False),
    # … while a thing known for a quoted word has no speaker
    (["The building, known for its “brutalist” style, is closing."], "brutalist", None, False),
    # a noun of speech owned by a name holds its words across a time and a place (blind13) …
    (["Hillary Clinton's declaration Friday night at a New York fundraiser that \"half\" of Donald Trump's "
      "supporters fit into a \"basket of deplorables\" seems like a stupid comment to make."],
     "basket of deplorables", "Hillary Clinton", False),
    # … and owned by "his" or "her", the words of the one the pronoun stands for (blind7)
    (["Prince Andrew said he cut ties with Epstein in 2010.",
      "However, this contradicts his claim in the same interview that the pair were “not close”."],
     "not close", "Prince Andrew", False),
    # the agent of a passive verb of judging someone as the words speaks them (blind11)
    (["Jeb Bush, the former governor of Florida who has been hammered as “low energy” by Mr. Trump for months, "
      "said that his rival had finally lost it."], "low energy", "Trump", False),
    # a relative clause whose subject names its antecedent so: present "calls" is a verb there
    (["The bill, which Sen. Jane Roe calls a “giveaway,” passed."], "giveaway,", "Jane Roe", False),
    # a base form before an object pronoun is a verb, no noun compound (blind10) …
    (["Asked for a comment, it would only note that in a Quinnipiac University poll last month, Mrs. Clinton led "
      "her closest opponent, Mr. Sanders, by 46 points among voters who consider themselves “very liberal.”"],
     "very liberal.", "voters", True),
    # … while a base form before a noun is still the noun's first half
    (["The US state department said the plan is “dead.”"], "dead.", "state department", False),
    # a sentence adverb in "-ly" before a quote is no name
    (["Certainly, \"in some ways this is normal and in the course of business that ebbs and flows with the "
      "ideology of the administration in power\", said Meredith McGehee, executive director of Issue One."],
     "in some ways this is normal and in the course of business that ebbs and flows with the ideology of the "
     "administration in power", "Meredith McGehee", False),
])
def test_sieve_rules_of_version_1_35(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


@pytest.mark.parametrize("kind, text, quote, speaker", [
    # allsides-100 (CNBC): a scare quote inside a reduced relative clause ("officers seeking …") is in the
    # officers' clause, not the Court's, and no verb of saying governs it: nobody speaks
    ("headline", "Supreme Court sides with police officers seeking ‘qualified immunity’ in two use-of-force cases",
     "qualified immunity", None),
    ("body", "The Supreme Court sided with police officers seeking “qualified immunity” in two cases.",
     "qualified immunity", None),
    # … while a quote before that clause, or a participle after a comma, is still the subject's
    ("body", "Gov. Jane Roe offered a pat on the back, marking the “milestone” for police officers seeking raises.",
     "milestone", "Jane Roe"),
    ("body", "The Supreme Court sided with the officers, calling their conduct “reasonable” in two cases.",
     "reasonable", "Supreme Court"),
    ("body", "President Joe Biden on Tuesday laid out his administration’s plan to urge more Americans to get "
     "vaccinated against COVID-19, including “door-to-door outreach” in some communities.",
     "door-to-door outreach", "Joe Biden"),
    # … and a reporting verb in the clause gives its subject
    ("body", "Sen. Jane Roe met voters calling for “a fresh start” on Tuesday.", "a fresh start", "voters"),
])
def test_sieve_rules_of_version_1_36(kind, text, quote, speaker):
    sentences = _table([text]).assign(kind=kind)
    row = fr.extract_quotes(sentences).set_index("quote").loc[quote]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("texts, quote, speaker, anonymous", [
    # allsides-100 (Axios): a quote opened by a curly mark and closed by a straight one runs over two
    # sentences and is one quote, the speaker's named where it closes
    (["Republicans, meanwhile, are mad their party blinked.",
      "“Why the hell would I make it easier for them to raise the debt ceiling through regular order?",
      "We had a strategy and we abandoned it,\" Sen. Lindsey Graham (R-S.C.) told CNN's Manu..."],
     "Why the hell would I make it easier for them to raise the debt ceiling through regular order? "
     "We had a strategy and we abandoned it,", "Lindsey Graham", False),
    # … and the other way round, a straight mark closed by a curly one
    (["\"We had a strategy and we abandoned it,” Sen. Jane Roe told reporters."],
     "We had a strategy and we abandoned it,", "Jane Roe", False),
    # a participle after "while" hangs on the clause's subject, not on the noun before "while"
    (["Former NASA climate researcher James Hansen suggested in 2007 that \"the democratic process does not work.\"",
      "Other scientists called the threat of global warming the equivalent of war while calling for the "
      "crushing of dissent and the jailing of \"deniers.\""], "deniers.", "scientists", True),
    # a description in lower case ends with its plural noun for people, with or without an auxiliary
    (["Some of the world’s top climate scientists said the plan is “reckless.”"], "reckless.",
     "world’s top climate scientists", True),
    # "the council" with no council named: the body the text makes the speaker, by its description
    (["Rain fell on Tuesday.", "The council said that the new rules would take effect in May."],
     "the new rules would take effect in May.", "council", False),
    # … but "said the island" after an inverted verb is the reported clause's subject, not the speaker
    (["The Taiwanese president Tsai Ing-wen gave a speech on Sunday and said the island would not “bow to pressure” "
      "from the mainland."], "bow to pressure", "Tsai Ing-wen", False),
    # "the company" after "Drugmaker Merck": a body's kind before its name, and the company is Merck
    (["Drugmaker Merck said Friday that its experimental COVID-19 pill reduced hospitalizations by half.",
      "The company said it will soon ask health officials to authorize the pill’s use."],
     "it will soon ask health officials to authorize the pill’s use.", "Merck", False),
    # "the agency" closing a sentence whose subject is a body: that body
    (["Customs and Border Protection is sending extra manpower to deal with the crush of migrants, the agency "
      "said in a statement."],
     "Customs and Border Protection is sending extra manpower to deal with the crush of migrants", "Customs and Border Protection", False),
    # … the owner of a product opening it, not the product
    (["Pfizer’s COVID-19 vaccine has been found to be safe for children, the drugmaker said."],
     "Pfizer’s COVID-19 vaccine has been found to be safe for children", "Pfizer", False),
    # a name after "the" that reported is a body's, which "the organization" stands for next
    (["By 11:30 p.m. on Monday, the Gun Violence Archive reported 189 people killed in shootings.",
      "In total, there were more than 540 shootings over the holiday weekend, the organization reported."],
     "In total, there were more than 540 shootings over the holiday weekend", "Gun Violence Archive", False),
    # a named group opening a sentence keeps its plural after a bracket (labelling rules 3, 4)
    (["Group of Seven (G-7) leaders on Sunday called for a renewed, \"transparent\" investigation into the origins "
      "of the coronavirus and pledged to give vaccine doses to countries in need."], "transparent",
     "Group of Seven leaders", False),
    # an indefinite description after an inverted verb that opens a finite clause is its subject, no speaker
    (["NARAL is also joining a nationwide “Rise up for Roe” tour and says a coalition of liberal groups will have "
      "done around 500 events by the end of August."], "Rise up for Roe", None, False),
])
def test_sieve_rules_of_version_1_37(texts, quote, speaker, anonymous):
    test_sieve_rules(texts, quote, speaker, anonymous)


def test_a_headline_quote_inside_a_clause_of_no_verb_of_saying_stays_unattributed():
    """Labelling rules 1 and 9: in "Schumer Thanks Democrats for Solving ‘…’" the quote is the object of
    "solving", which is no verb of saying, and "thanks" has "Democrats" for its object: nobody speaks it
    in the headline, though the body then gives the words to Schumer."""
    sentences = _table(["Schumer Thanks Democrats for Solving ‘Republican-Manufactured Crisis’ after Debt-Ceiling Hike "
                        "Passes", "Senate majority leader Chuck Schumer (D., N.Y.) railed against Republicans in a "
                        "speech Thursday night.", "“I thank my Democratic colleagues for showing unity in solving "
                        "this Republican-manufactured crisis,” Schumer said."]).assign(kind=["headline", "body", "body"])
    quotes = fr.extract_quotes(sentences).set_index("sentence_id")
    assert quotes.loc[0, "speaker"] is None or pd.isna(quotes.loc[0, "speaker"])
    assert quotes.loc[2, "speaker"] == "Chuck Schumer"


@pytest.mark.parametrize("texts, quote, speaker, verb, anonymous", [
    # allsides-100 (The Hill, New York Post): a bracketed party-and-state tag after a name hides no verb
    # of the subject it stands in; the verb after it is the attribution's, not "according to"
    (["“Republicans and Democrats have come together, along with the White House, and we’ve agreed on a "
      "framework and we’re gonna be heading to the White House tomorrow,\" Sen. Mitt Romney (R-Utah) told "
      "reporters after a meeting Wednesday."],
     "Republicans and Democrats have come together, along with the White House, and we’ve agreed on a "
     "framework and we’re gonna be heading to the White House tomorrow,", "Mitt Romney", "tell", False),
    (["“We’re not going to proceed to a bill that’s not written, because that makes no sense,” Graham (R-SC) "
      "told Fox News’ “The Ingraham Angle.”"],
     "We’re not going to proceed to a bill that’s not written, because that makes no sense,", "Graham", "tell", False),
    (["“We will not vote for it,” Sen. Jane Roe (D., N.Y.) said Thursday."], "We will not vote for it,",
     "Jane Roe", "say", False),
    # … a bracket with no verb after it still ends the label
    (["“We will not vote for it,” Sen. Jane Roe (D., N.Y.)."], "We will not vote for it,", "Jane Roe",
     "according to", False),
    # allsides-100 (Axios): a verb of saying joined by "and" to a verb before it has that verb's subject
    (["Driving the news: But in an unusual move, CDC director Rochelle Walensky late Thursday overruled part of "
      "the advisory committee's decision and said that workers in high-risk jobs should also be eligible for "
      "booster shots."], "workers in high-risk jobs should also be eligible for booster shots.",
     "Rochelle Walensky", "say", False),
    # … not when the second verb has a subject of its own
    (["Rochelle Walensky overruled the panel, and officials said that workers should be eligible."],
     "workers should be eligible.", "officials", "say", True),
])
def test_sieve_rules_of_version_1_38(texts, quote, speaker, verb, anonymous):
    quotes = fr.extract_quotes(_table(texts))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker
    assert row["verb"] == verb
    assert bool(row["is_anonymous"]) == anonymous


def test_a_description_whose_people_a_dash_lists_is_the_first_of_them():
    """Labelling rules 1 and 6 (climate news, narrative-frames-dev 725): "said the church leaders ― the
    Reverends Amy Carter and …" names the speakers one by one, so the first named speaks, and "The church
    leaders" later stands for the same people; an unlisted description stays unnamed people."""
    texts = ["Four Christian church leaders in Montana are urging their state's Republican senator to quit "
             "rejecting the widely accepted science behind man-made global warming.",
             "“We cannot remain silent while a U.S. senator from Montana chooses willful ignorance,” said the "
             "church leaders ― the Reverends Amy Carter and Laura Folkwein of the United Church of Christ in "
             "Missoula; the Reverend Susan Barnes of the St. Andrew Presbyterian Church in Billings; and Father "
             "Robert Grosch of the nearby St. Patrick Co-Cathedral.",
             "The church leaders slammed Daines for having the \"audacity\" to challenge the overwhelming "
             "scientific consensus."]
    quotes = fr.extract_quotes(_table(texts)).set_index("quote")
    for quote in ("We cannot remain silent while a U.S. senator from Montana chooses willful ignorance,", "audacity"):
        assert quotes.loc[quote, "speaker"] == "Amy Carter"
        assert not quotes.loc[quote, "is_anonymous"]
    unlisted = fr.extract_quotes(_table([texts[2]])).set_index("quote")
    assert unlisted.loc["audacity", "is_anonymous"]


@pytest.mark.parametrize("texts, quote, speaker, verb, anonymous", [
    # verbs of communication (WordNet's verb.communication): proclaiming, apologising, ridiculing say the words
    (["The mayor’s deputy Jane Roe proclaimed the budget “a victory for every family.”"],
     "a victory for every family.", "Jane Roe", "proclaim", False),
    (["“The season starts now,” proclaimed coach John Doe."], "The season starts now,", "John Doe", "proclaim", False),
    (["John Doe, in a short note to staff, apologized for “remarks that hurt people I work with.”"],
     "remarks that hurt people I work with.", "John Doe", "apologize", False),
    (["A column by Jane Roe ridiculing the “tax-and-spend crowd” ran on Sunday."], "tax-and-spend crowd",
     "Jane Roe", "ridicule", False),
    # the one a party or a race picks is a role after a year, a party and adjectives
    (["“Our schools need help,” the 2020 Republican gubernatorial nominee wrote on Tuesday."],
     "Our schools need help,", "nominee", "write", False),
    # … but after a person who spoke, "the candidate" still stands for that person
    (["“We will win,” Jane Roe said.", "“We are ready,” the candidate added."], "We are ready,", "Jane Roe",
     "add", False),
    # a title-case headline capitalises its verb after the quote
    (["“Time to Rebuild the Party,” Jane Roe Says"], "Time to Rebuild the Party,", "Jane Roe", "say", False),
    (["‘Nobody Is Above the Law,’ John Doe Warns"], "Nobody Is Above the Law,", "John Doe", "warn", False),
    # whoever uses a quoted word or phrase says it
    (["Voters were upset by John Doe's use of the phrase “welfare queens” during the debate."], "welfare queens",
     "John Doe", "according to", False),
    # a quoted span between a possessive and a noun of speech: the owner's words, the owner's name alone
    (["Jane Roe's “off-hand” remarks that teachers are “overpaid” drew protests."], "overpaid", "Jane Roe",
     "according to", False),
    # a relative clause's progressive verb of saying gives its antecedent the words
    (["John Doe, who lost the race and is now accusing the county of running a “rigged” count, declined to "
      "comment."], "rigged", "John Doe", "accuse", False),
    # a person's office that puts out a statement saying the words speaks them (labelling rule 7)
    (["Jane Roe’s office later put out a statement saying the meeting would go ahead “as planned.”"],
     "as planned.", "Jane Roe’s office", "say", False),
    # a dateline before an opening participle is no part of the participle's clause
    (["PORTLAND, Maine — Calling the plan “reckless,” John Doe walked out of the hearing."], "reckless,",
     "John Doe", None, False),
])
def test_sieve_rules_of_version_1_39(texts, quote, speaker, verb, anonymous):
    quotes = fr.extract_quotes(_table(texts))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker
    assert (row["verb"] if isinstance(row["verb"], str) else None) == verb
    assert bool(row["is_anonymous"]) == anonymous


@pytest.mark.parametrize("text, quote", [
    # a capitalised past participle opening a sentence opens a clause, no name
    ("Pressed by donors, she called the merger “finished” on Monday, urging staff to move on.", "finished"),
    # "state" before a capitalised title is the adjective of an office, no verb
    ("The district's challenger, state Assemblyman John Doe, was given an “F.” on the survey.", "F."),
    # "continue to" and a verb goes on doing, read by the tags too: no verb of saying
    ("John Doe continued to attack the bill until Jane Roe stepped in over its “loopholes.”", "loopholes."),
])
def test_words_that_are_no_speaker_or_verb_in_1_39_give_no_speaker(text, quote):
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert not isinstance(row["speaker"], str)


@pytest.mark.parametrize("text, speaker", [
    # the near readings keep their speakers: a given name in "-ed", "state" before what is stated, "continue
    # to" before a verb of saying, an opening participle and its comma with no dateline
    ("Jared said the merger was “finished” on Monday, urging staff to move on.", "Jared"),
    ("“We must act within the year,” state the authors of the report.", "authors"),
    ("John Doe continued to say that the bill was “full of loopholes.”", "John Doe"),
    ("Speaking to reporters, Jane Roe said the plan was “dead.”", "Jane Roe"),
])
def test_near_readings_of_the_rules_of_1_39_keep_their_speaker(text, speaker):
    quotes = fr.extract_quotes(_table([text]))
    assert quotes.iloc[0]["speaker"] == speaker


@pytest.mark.parametrize("text, quote, speaker, anonymous", [
    # "As NAME puts it": the idiom gives the sentence's words to the one who put them so
    ("As Jane Roe puts it, the council “has a record that ought to worry everyone.”",
     "has a record that ought to worry everyone.", "Jane Roe", False),
    ("As John Doe once put it, the plan was “a disaster.”", "a disaster.", "John Doe", False),
    # "regret" and "speculate" are verbs of speaking
    ("A spokesman for the council regretted that the mayor’s “wisdom and patience” would be missed.",
     "wisdom and patience", "spokesman", True),
    ("Doe speculated that Roe felt “burned by the leaks” of last year.", "burned by the leaks", "Doe", False),
    # politicians, commentators and pundits not named are unnamed sources
    ("John Doe was a “friend to all” of the town, politicians commented on Wednesday.", "friend to all",
     "politicians", True),
    # the part of someone's words that the quoted words name is theirs, not the subject's
    ("After John Doe focused on the “we cannot wait” segment of Jane Roe’s remarks, her campaign countered.",
     "we cannot wait", "Jane Roe", False),
])
def test_rules_of_version_1_41(text, quote, speaker, anonymous):
    """Each fails with reporting verbs 1.40 (no speaker, the sentence's subject, or the one who focused on
    the words)."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker
    assert bool(row["is_anonymous"]) == anonymous


@pytest.mark.parametrize("text, quote", [
    # "as" and "put" that are no attribution, a part of a speech whose owner the sentence does not name
    ("As the storm put it out of action, the plant was “offline” for a week.", "offline"),
    ("Reporters seized on the “read my lips” line in his speech.", "read my lips"),
])
def test_near_readings_of_the_rules_of_1_41_give_no_speaker(text, quote):
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert not isinstance(row["speaker"], str)


@pytest.mark.parametrize("text, quote, speaker", [
    # the subject of a sentence after an opening adverbial is the one a later "he" or "she" stands for,
    # however short its name
    ("Last week, Roe detailed her plan in an interview where she claimed that the port “will reopen by June.”",
     "will reopen by June.", "Roe"),
    ("While making the forecast, Kowalski pointed to the polls, which he said “tell the whole story.”",
     "tell the whole story.", "Kowalski"),
    # an aside between commas after the subject, of adverbs or a short phrase a preposition opens, leaves the
    # subject the verb's
    ("Roe, meanwhile, continued calling the mayor “crooked John” at every stop.", "crooked John", "Roe"),
    ("Kowalski, for his part, kept calling the deal a “betrayal of the town.”", "betrayal of the town.",
     "Kowalski"),
    # a role with "-elect" is the one chosen for the office, one person
    ("“The budget is fine,” the governor-elect added.", "The budget is fine,", "governor-elect"),
])
def test_rules_of_version_1_42(text, quote, speaker):
    """Each gives no speaker with reporting verbs 1.41."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert row["speaker"] == speaker and not row["is_anonymous"]


@pytest.mark.parametrize("text, quote", [
    # no person opens the sentence after its adverbial (a word English writes in lower case too, a
    # place), an aside that names someone, and a word that merely ends in "elect"
    ("Last week, Reports showed that she called the plan “a mess.”", "a mess."),
    ("On Monday, Washington announced a plan, and he called it “a mess.”", "a mess."),
    ("The plan, by Jane Roe's count, kept calling for “more roads.”", "more roads."),
    ("“The budget is fine,” the electorate added.", "The budget is fine,"),
])
def test_near_readings_of_the_rules_of_1_42_give_no_speaker(text, quote):
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert not isinstance(row["speaker"], str)


@pytest.mark.parametrize("text, quote, speaker", [
    # a name right after an inverted verb and before a verb of its own opens the reported clause: the
    # speaker is someone else, or nobody the sentence names
    ("Meanwhile, a lawyer for the woman, who says John Doe drugged her, says the ruling is a “significant step.”",
     "significant step.", None),
    ("Meanwhile, a neighbour of the family, who says Jane Roe lied to the police, calls the verdict “a sham.”",
     "a sham.", None),
    # the inverted speaker stays the speaker before punctuation, a time or a role
    ("The ruling is a “significant step,” says John Doe.", "significant step,", "John Doe"),
    ("The ruling is a “significant step,” said Jane Roe on Tuesday.", "significant step,", "Jane Roe"),
    ("“It is a step,” said Jane Roe, a lawyer for the woman.", "It is a step,", "Jane Roe"),
])
def test_a_name_with_a_verb_of_its_own_is_no_inverted_speaker(text, quote, speaker):
    """Reporting verbs 1.43: English puts an inverted speaker ("says John Doe") at the end of its clause,
    never before a verb of its own; the first two sentences gave "John Doe" and "Jane Roe" with 1.42."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # the attribution right after the quote governs it; a later part names where it was reported
    ("The best way to change things is to vote, “maybe not by marching,” Jane Roe added, the Times reported.",
     "maybe not by marching,", "Jane Roe"),
    # a report of a whole clause that names the speaker inside it stays the report's source's
    ("President Joe Biden told Netanyahu that he expects “a pause,” the White House said.", "a pause,",
     "White House"),
])
def test_the_attribution_next_to_a_quote_governs_it_before_a_later_source(text, quote, speaker):
    """Reporting verbs 1.43 (labelling rule 1, the nearer attribution): the first sentence gave "Times" with 1.42."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert row["speaker"] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a reported clause opened by a speaker and a verb of saying of its own: the inner speaker's words
    ("The newspaper said Roe dubbed it “the worst plan ever” and accused Doe of backing “the next farce.”",
     "the worst plan ever", "Roe"),
    # a quote right after the name that follows a verb is that name's predicate, not its inverted speaker's words:
    # the subject's before the verb ("Roe earlier said", read since reporting verbs 1.47)
    ("Roe earlier said Doe “has not been charged,” and no charges were filed.", "has not been charged,", "Roe"),
    # an adverb in "-ly" opening the sentence is no subject
    ("Widely mocked for the stunt in March, Jane Roe launched her “made in Ohio” week.", "made in Ohio", None),
])
def test_rules_of_version_1_44(text, quote, speaker):
    """Reporting verbs 1.44: with 1.43 these gave "newspaper" (1.43 read the nearer namer only in a sentence of one
    quote), "Doe" (a wrong speaker; 1.44 to 1.46 gave none, as "Roe earlier said" was not read) and "Widely"."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # the outer speaker keeps a quote its own verb governs: the inner clause has no verb of saying, or it does not
    # stand right after the outer verb, or its verb does not introduce the quote
    ("The newspaper said Jane Roe was “furious” about it.", "furious", "newspaper"),
    ("Jane Roe said the lawyers, after a long meeting, told him the plan was “a farce.”", "a farce.", "Jane Roe"),
    # an inverted speaker before punctuation stays the speaker; a name in "-ly" opening the sentence is a name
    ("“It has not been charged,” said John Doe.", "It has not been charged,", "John Doe"),
    ("Kelly mocked the plan as “a disgrace.”", "a disgrace.", "Kelly"),
])
def test_near_readings_of_the_rules_of_1_44_keep_their_speaker(text, quote, speaker):
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a pronoun of the main clause stands for its subject, not for a person named in an opening phrase
    ("Yet in a meeting with Turkish President Omar Demir, Jane Roe praised the ally, and she pledged a "
     "commitment “to its security.”", "to its security.", "Jane Roe"),
    # a subject with an apposition between commas is still the subject a later "he" stands for
    ("John Doe, Texas Republican, asked whether Mr. Smith took money. “We do not know,” he said Tuesday.",
     "We do not know,", "John Doe"),
    # to imply that … is to say it
    ("Roe also implied that Doe does not have “deep seriousness and focus.”", "deep seriousness and focus.", "Roe"),
    # a lawmaker's party and state after a comma, as in brackets, before a headline's colon
    ("John Doe, R-Mich.: “My colleagues were always inspired by him.”",
     "My colleagues were always inspired by him.", "John Doe"),
    # the occasion or medium of the words between the subject and its verb of saying
    ("Jane Roe in a statement said the bill was “a disaster.”", "a disaster.", "Jane Roe"),
    ("Jane Roe on Twitter wrote that it was “sad.”", "sad.", "Jane Roe"),
    ("John Doe (D-Ill.), a longtime advocate of reform, in an interview called the plan “a farce.”",
     "a farce.", "John Doe"),
    # a description after the quote, then the person's name in apposition to it and the verb: the name
    ("“It is over,” the judge, Col. John Doe of the Army, said during a hearing.", "It is over,", "John Doe"),
])
def test_rules_of_version_1_45(text, quote, speaker):
    """Reporting verbs 1.45: with 1.44 these gave "Omar Demir", "Smith", none, none, none, "Twitter", none and
    "judge"."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, quote", [
    ("Axios quoted a source close to Jane Roe who said, “John is coming to Ohio.”", "John is coming to Ohio."),
    ("Reporters spoke to a man who said, “I lost everything.”", "I lost everything."),
    ("A woman who said she was “terrified” fled, police said.", "terrified"),
])
def test_an_unnamed_person_who_says_the_quote_is_an_anonymous_source(text, quote):
    """Reporting verbs 1.45 (labelling rules 1 and 5): "a …" then "who" and a verb of saying right before the
    quote gives it to that unnamed person, flagged anonymous; 1.44 gave none, "Reporters" and "police"."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert bool(row["is_anonymous"])


@pytest.mark.parametrize("text, quote, speaker", [
    # a named person's relative clause stays theirs; "who" after the quote is no attribution of it
    ("John Doe, who said the plan was “dead,” left.", "dead,", "John Doe"),
    ("“We are done,” Jane Roe told a reporter who asked about the plan.", "We are done,", "Jane Roe"),
])
def test_near_readings_of_an_unnamed_person_who_says(text, quote, speaker):
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # no opening phrase: the first person named stays first; a pronoun with nobody in the main clause keeps the
    # person of the opening phrase
    ("Senator Omar Demir met Jane Roe, and he pledged “a solid commitment.”", "a solid commitment.", "Omar Demir"),
    # a name and a comma before a place are no party tag: no speaker
    ("Washington, D.C.: “A city of power.”", "A city of power.", None),
    # an implied word that is no verb of saying
    ("The rule, which set an implied “total ban,” was dropped.", "total ban,", None),
    # a description after the quote and no name in apposition: the description
    ("“It is over,” the judge said, and left.", "It is over,", "judge"),
])
def test_near_readings_of_the_rules_of_1_45_keep_their_speaker(text, quote, speaker):
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # an adverb of time or order between the subject and its verb, as "later" and "previously" were read
    ("Kirby earlier said that Bergdahl “has not been charged.”", "has not been charged.", "Kirby"),
    ("“He has not been charged,” Jane Roe earlier said.", "He has not been charged,", "Jane Roe"),
    ("“The plan is dead,” Jane Roe now says.", "The plan is dead,", "Jane Roe"),
    ("“The plan is dead,” Jane Roe still says.", "The plan is dead,", "Jane Roe"),
    # verbs of saying: to utter a word, to underscore that …, to thank someone “for …”
    ("Jane Roe then uttered the words, “I am sorry.”", "I am sorry.", "Jane Roe"),
    ("“The attack targeted free people everywhere,” Jane Roe underscored.", "The attack targeted free people everywhere,",
     "Jane Roe"),
    ("Opening his remarks, John Doe thanked both leaders “for the degree of impartiality they showed.”",
     "for the degree of impartiality they showed.", "John Doe"),
    # an adjective or adverb opening the sentence, and its phrase up to the comma, is no subject of a participle
    ("Unable to mount an argument, Jane Roe resorted to insults, calling him a “liar.”", "liar.", "Jane Roe"),
    ("Angry at the ruling, Jane Roe left the court, calling it “a disgrace.”", "a disgrace.", "Jane Roe"),
])
def test_rules_of_version_1_47(text, quote, speaker):
    """Reporting verbs 1.47: with 1.46 these gave none, and the last two "Unable" and "Angry"."""
    quotes = fr.extract_quotes(_table([text]))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, quote", [
    ("“We are ready,” the spokeswoman said.", "We are ready,"),
    ("The spokesman said the deal was “dead.”", "dead."),
])
def test_a_spokesperson_named_nowhere_is_an_anonymous_source(text, quote):
    """Reporting verbs 1.47 (labelling rule 7): "the spokesman said" with no spokesman named before is an
    unnamed person speaking for a body, an anonymous source, as "a spokesman said" is; 1.46 gave the role as a
    named speaker."""
    row = fr.extract_quotes(_table([text])).query("quote == @quote").iloc[0]
    assert bool(row["is_anonymous"]) and row["speaker"] in ("spokesman", "spokeswoman")


@pytest.mark.parametrize("texts, quote, speaker", [
    # a spokesman named before keeps his name; other roles named nowhere stay the role, no anonymous source
    (["Spokeswoman Jane Roe spoke to reporters on Monday.", "“We are ready,” the spokeswoman said."], "We are ready,",
     "Jane Roe"),
    (["“We are ready,” the governor said."], "We are ready,", "governor"),
    # "comments" is the noun: the words are the pronoun's, whom the sentence does not rank, not the verb's
    (["The president brushed off comments made by John Doe in which he threatened “repercussions” if attacked."],
     "repercussions", None),
    (["His infamous “47 percent” comments hurt him."], "47 percent", None),
    # "thanks to" is no verb of saying; "commented" still is
    (["Thanks to the “reset,” Jane Roe won."], "reset,", None),
    (["“It is a disgrace,” Jane Roe commented."], "It is a disgrace,", "Jane Roe"),
    # "first" before a noun is an adjective, no adverb between a subject and its verb: the whole description speaks
    (["Critics of Jane Roe’s first budget say it would “fail.”"], "fail.", "critics of Jane Roe’s first budget"),
    # a name opening the sentence before a phrase and a comma stays the participle's subject
    (["Trump at the rally, Biden in Delaware: both spoke, calling the vote “rigged.”"], "rigged.", "Trump"),
    (["Jane Roe, a senator, left, calling it “a disgrace.”"], "a disgrace.", "Jane Roe"),
])
def test_near_readings_of_the_rules_of_1_47(texts, quote, speaker):
    quotes = fr.extract_quotes(_table(texts))
    row = quotes[quotes["quote"] == quote].iloc[0]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker
    assert bool(row["is_anonymous"]) == str(speaker).startswith("critics")  # only the unnamed critics are anonymous


# ── what a speaker is: outlets, poll shares, names cut short ─────────────────────────────────────

@pytest.mark.parametrize("outlet", ["Fox News (Online News)", "Right"])
def test_a_news_outlet_is_a_speaker_of_kind_outlet_whatever_the_corpus_calls_its_outlets(outlet):
    """Regression: with outlets labelled by lean ("Left", "Center", "Right"), an outlet quoted by its
    name ("Fox News reported") was a named speaker like a person; with real labels its own article
    dropped it. Another outlet's name is an outlet in both."""
    table = _table(["“The FAA closed the airspace over the bridge,” Fox News reported on Friday.",
                    "“We cannot fly our drone there,” the Anchorage Daily News said.",
                    "“It was a mistake,” Senate Majority Leader Chuck Schumer said."]).assign(outlet=outlet)
    quotes = fr.extract_quotes(table)
    kinds = dict(zip(quotes["speaker_label"], quotes["speaker_kind"]))
    assert kinds["Anchorage Daily News"] == "outlet"
    assert kinds["Senate Majority Leader Chuck Schumer"] == "person"
    fox = quotes[quotes["speaker_label"] == "Fox News"].iloc[0]
    if outlet.startswith("Fox"):  # the article's own outlet: the journalist's voice, no source
        assert pd.isna(fox["speaker"]) and pd.isna(fox["speaker_kind"])
    else:
        assert (fox["speaker"], fox["speaker_kind"]) == ("Fox News", "outlet")
    assert set(quotes["speaker_kind"].dropna()) <= set(SPEAKER_KINDS)


@pytest.mark.parametrize("text, speaker, kind", [
    # a role with the body it serves is one person speaking, not the body (AllSides: "[organisation]")
    ("US sees 'unprecedented' number of migrants at the border, Homeland Security chief says",
     "Homeland Security chief", "person"),
    ("Georgia's secretary of state said on Friday that the rolls were “up to date.”", "Georgia's secretary of state",
     "person"),
    # an unnamed person described in lower case is a person; a body so described is not
    (["Fezzik asks the man in black: “Why do you wear a mask?”", "“Oh no,” replies the masked stranger."],
     "masked stranger", "person"),
    ("“The rules stand,” the government said.", "government", "organisation"),
])
def test_a_role_or_an_unnamed_person_is_a_speaker_of_kind_person(text, speaker, kind):
    quotes = fr.extract_quotes(_table(text if isinstance(text, list) else [text]))
    assert (quotes["speaker"].iloc[-1], quotes["speaker_kind"].iloc[-1]) == (speaker, kind)


def test_he_never_stands_for_a_news_outlet():
    quotes = fr.extract_quotes(_table([
        "Adam Neumann stepped down as chief executive in September.",
        "This comes a week after Bloomberg News reported the company is the subject of an inquiry.",
        "He later said: “We made mistakes and we will return the money.”"]))
    assert quotes.loc[quotes["quote"].str.startswith("We made"), "speaker"].tolist() == ["Adam Neumann"]


@pytest.mark.parametrize("text, speaker", [
    ("Fifty-one percent say that “the president should be removed from office.”", "respondents"),
    ("An overwhelming 70 percent of Americans say that the offense “was wrong.”", "Americans"),
    ("A majority of voters said the economy was “in bad shape.”", "voters"),
    ("Nearly two-thirds of respondents said crime was “a very serious problem.”", "respondents"),
])
def test_a_poll_share_speaks_for_its_group_anonymously(text, speaker):
    """A share of a group is no one's name: the group after "of" speaks, else the poll's
    respondents; unnamed people, so an anonymous source."""
    row = fr.extract_quotes(_table([text])).iloc[0]
    assert (row["speaker"], row["is_anonymous"], row["speaker_kind"]) == (speaker, True, "anonymous")
    assert not any(ch.isdigit() for ch in row["speaker"]) and "percent" not in row["speaker"]


@pytest.mark.parametrize("written, name", [
    ("John Kirby. spokesperson", "John Kirby"),
    ("Xavier Becerra on", "Xavier Becerra"),
    ("the CDC is expected to", "the CDC"),
    ("Lt. Gen. Jane Roe", "Lt. Gen. Jane Roe"),  # an abbreviation's period is no sentence stop
    ("Sen. Ted Cruz", "Sen. Ted Cruz"),
    ("Bureau of Labor Statistics", "Bureau of Labor Statistics"),
])
def test_a_speaker_name_never_ends_in_a_preposition_nor_holds_a_sentence_stop(written, name):
    assert clip_name(written) == name


def test_a_name_and_a_stop_before_a_role_is_the_name():
    """Regression: "a statement from Pentagon spokesperson John Kirby." gave "John Kirby. spokesperson"."""
    quotes = fr.extract_quotes(_table([
        "The targets were weapons depots, according to a statement from Pentagon spokesperson John Kirby.",
        "Health Secretary Xavier Becerra on Thursday said it was “absolutely the government's business.”"]))
    for speaker in quotes["speaker"].dropna():
        assert ". " not in speaker and speaker.split()[-1] not in {"on", "in", "of", "to"}


def test_real_speakers_are_no_number_fragment_or_outlet_person(shared_sentence_table):
    """On every AllSides excerpt, its outlets labelled by lean as many studies do: no speaker holds a
    share's number or what is no part of a name, and the outlets most quoted by others are of kind
    outlet."""
    allsides = shared_sentence_table[shared_sentence_table["article_id"].str.startswith("allsides")]
    quotes = fr.extract_quotes(allsides.assign(outlet="Left"))
    named = quotes["speaker"].dropna()
    assert not named.str.contains(r"\bpercent\b|%", case=False).any()
    assert not named.map(lambda s: clip_name(s) != s).any()
    outlets = quotes["speaker"].isin(["New York Times", "Washington Post", "Associated Press", "CNN", "Axios"])
    assert outlets.sum() >= 10 and (quotes.loc[outlets, "speaker_kind"] == "outlet").all()


@pytest.mark.parametrize("a, b, same", [("official", "officials", True), ("source", "sources", True),
                                        ("witness", "witnesses", True), ("bus", "buses", True),
                                        ("official", "official", True), ("press", "pres", False),
                                        ("press", "pre", False), ("witness", "witne", False),
                                        ("official", "officer", False)])
def test_a_noun_and_its_plural_are_one_noun(a, b, same):
    """`_same_noun` reads one regular English plural ending, not every trailing "s" (which made "press"
    the same noun as "pre" and "witness" as "witne", and "buses" another noun than "bus")."""
    from framing.sources.speaker_memory import _same_noun

    assert _same_noun(a, b) is same and _same_noun(b, a) is same
