"""Frames: cue matching, the seed corpus, article presence, prevalence tests, coding sheets and alpha."""
from __future__ import annotations

import json
import math
from functools import lru_cache

import pandas as pd
import pytest

import framing as fr
from framing.frames import cue_pattern, krippendorff_alpha, read_lexicon

SEED = "ukraine-nato-2025-02-12"


def _table(texts: list[str], outlet="A", article="a1") -> pd.DataFrame:
    return pd.DataFrame({"article_id": article, "sentence_id": range(len(texts)), "outlet": outlet,
                         "kind": "body", "text": texts, "n_words": [len(t.split()) for t in texts]})


@pytest.mark.parametrize("cue, text, found", [
    ("econom*", "The economy shrank", "economy"), ("econom*", "Economic costs rose", "Economic"),
    ("war", "the war-torn country", "war"), ("war", "a warning", None), ("war", "Software", None),
    ("boots on the ground", "no boots  on the\nground", "boots  on the\nground"),
    ("nato", "NATO’s members", "NATO"), ("pre-2014", "its Pre-2014 borders", "Pre-2014"),
])
def test_cue_pattern(cue, text, found):
    import re
    match = re.search(cue_pattern(cue), text, re.IGNORECASE)
    assert (match.group(0) if match else None) == found


def test_hits_record_the_words_as_written():
    hits = fr.add_frames(_table(["The war caused huge economic losses.", "The sky was blue."]))
    assert set(hits["sentence_id"]) == {0}
    economic = hits[hits["frame"] == "economic"].iloc[0]
    assert economic["terms"] == "economic; losses" and economic["score"] == 2
    assert economic["lexicon_version"] == fr.read_lexicon("generic")["version"]


def test_unknown_scheme_and_issue_without_lexicon_say_what_to_do():
    with pytest.raises(ValueError, match="lexicon=path"):
        fr.add_frames(_table(["x"]), scheme="issue")
    with pytest.raises(ValueError, match="unknown scheme"):
        fr.add_frames(_table(["x"]), scheme="nope")


def test_seed_issue_frames(seed_sentences):
    hits = fr.add_frames(seed_sentences, scheme="issue", lexicon=fr.issue_lexicon(SEED))
    outlets = hits.groupby("frame")["outlet"].apply(set)
    assert outlets["troops"] == set(seed_sentences["outlet"])  # both articles discuss troops
    assert outlets["allied_alarm"] == {"Unnamed blog"}  # only the blog reports allied reactions
    assert hits["terms"].str.contains("troops", case=False).any()


def test_seed_generic_and_entman_frames(seed_sentences):
    generic = fr.add_frames(seed_sentences, scheme="generic")
    assert {"conflict", "responsibility"} <= set(generic["frame"])
    entman = fr.add_frames(seed_sentences, scheme="entman")
    remedy = entman[entman["frame"] == "treatment_recommendation"]
    assert remedy["terms"].str.contains("must", case=False).any()
    policy = fr.add_frames(seed_sentences, scheme="policy")
    assert "security_and_defense" in set(policy["frame"])


def test_article_presence_rule():
    """A frame is present with two different cue words (one word repeated names a topic); human
    interest asks three and the economic frame, whose money words run through any story, five
    (generic lexicon 1.4)."""
    sentences = pd.concat([_table(["The economy grew.", "The economy slowed.", "The economy held."], article="one"),
                           _table(["The economy grew.", "It rained.", "Prices rose."], article="two"),
                           _table(["The economy grew.", "Jobs came back.", "Prices rose."], article="three"),
                           _table(["The economy grew.", "Jobs came back.", "Prices rose.",
                                   "The budget and taxes were cut."], article="five"),
                           _table(["Critics attacked the plan.", "It rained."], article="four")])
    hits = fr.add_frames(sentences)
    assert set(hits.loc[hits["frame"] == "economic", "min_terms"]) == {5}
    assert set(hits.loc[hits["frame"] == "conflict", "min_terms"]) == {2}
    presence = fr.article_frames(hits, sentences).set_index("article_id")
    economic = presence[presence["frame"] == "economic"]
    assert not economic.loc["one", "present"]  # one cue word, three times
    assert economic.loc["one", "n_sentences"] == 3 and economic.loc["one", "n_terms"] == 1
    assert not economic.loc["two", "present"]  # two different money words: a topic touched
    assert economic.loc["two", "n_terms"] == 2 and economic.loc["two", "n_total"] == 3
    assert not economic.loc["three", "present"] and economic.loc["three", "n_terms"] == 3
    assert economic.loc["five", "present"] and economic.loc["five", "n_terms"] == 5
    conflict = presence[presence["frame"] == "conflict"]
    assert conflict.loc["four", "present"] and conflict.loc["four", "n_terms"] == 2  # critics, attacked
    # a number given applies to every frame
    assert fr.article_frames(hits, sentences, min_terms=2).set_index("article_id").query(
        "frame == 'economic'").loc["two", "present"]


def test_codebook_cues_on_real_sentences():
    """Cues of lexicon 1.4 taken from the coders' questions, on sentences of narrative-frames-dev:
    "two sides of the issue" (a debate) is conflict; a human face (families, victims, people
    afraid for their homes) is human interest, which needs three different cue words."""
    debate = ("For years, positions in the debate over mainstream climate policies ranged from hard-line "
              "denial of climate change on one end to moderate market tweaks on the other.")
    face = ("He failed to express condolences to the families of the victims, thank firefighters, or offer "
            "comfort to Californians afraid for their lives, homes and communities.")
    passing = "The storm damaged homes and the town's residents were without power for a day."
    sentences = pd.concat([_table([debate], article="debate"), _table([face], article="face"),
                           _table([passing], article="passing")])
    hits = fr.add_frames(sentences)
    assert hits.set_index(["article_id", "frame"]).loc[("debate", "conflict"), "terms"] == "debate"
    human = fr.article_frames(hits, sentences).query("frame == 'human_interest'").set_index("article_id")
    assert human.loc["face", "n_terms"] == 4 and human.loc["face", "present"]
    assert human.loc["passing", "n_terms"] == 2 and not human.loc["passing", "present"]  # homes, residents


def test_supporting_cues_count_only_in_company():
    """Generic lexicon 1.5: words of judgment and of religious life (supporting cues of the morality
    frame) carry it only three together, or with the frame's own cues; sentences of
    narrative-frames-dev."""
    shameful = "Almost every word out of Rubio's mouth was either a lie or a shameful dodge."
    hypocrisy = "But even the most blatant political hypocrisy was no match for the eye."
    worship = "They worship at the altar of nihilistic capitalism."
    evangelical = ("That consensus is so strong that in 2005 one of the standard-bearers of the evangelical "
                   "Christian politics in which Moore enshrouds himself planned to take a stance affirming the science.")
    sentences = pd.concat([_table([shameful, hypocrisy], article="two"),
                           _table([shameful, hypocrisy, worship], article="three"),
                           _table([evangelical], article="one_own")])
    hits = fr.add_frames(sentences)
    moral = hits[hits["frame"] == "morality"].set_index(["article_id", "sentence_id"])
    assert moral.loc[("one_own", 0), "terms"] == "evangelical; Christian"
    assert moral.loc[("one_own", 0), "supporting_terms"] == "evangelical"
    assert set(moral["min_with_supporting"]) == {3} and set(moral["min_terms"]) == {2}
    assert read_lexicon("generic")["min_with_supporting"]["conflict"] == 0  # no supporting cues
    presence = fr.article_frames(hits, sentences).query("frame == 'morality'").set_index("article_id")
    assert presence.loc["two", "n_terms"] == 2 and presence.loc["two", "n_supporting"] == 2
    assert not presence.loc["two", "present"]  # two words of judgment: not yet a moral message
    assert presence.loc["three", "n_terms"] == 3 and presence.loc["three", "present"]
    assert presence.loc["one_own", "n_supporting"] == 1 and not presence.loc["one_own", "present"]
    # a number given counts every cue word alike
    assert fr.article_frames(hits, sentences, min_terms=2).query("frame == 'morality'").set_index(
        "article_id").loc["two", "present"]


def test_supporting_cues_need_their_number(tmp_path):
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text('version = "1"\nsource = "a test"\n[frames.troops]\ncues = ["troop*"]\n'
                       'supporting_cues = ["soldier*"]\n', encoding="utf-8")
    with pytest.raises(fr.frames.LexiconError, match="supporting_cues but no min_with_supporting"):
        fr.add_frames(_table(["Troops and soldiers."]), scheme="issue", lexicon=lexicon)
    lexicon.write_text('version = "1"\nsource = "a test"\n[frames.troops]\ncues = ["troop*"]\nmin_terms = 1\n'
                       'supporting_cues = ["soldier*", "army"]\nmin_with_supporting = 2\n', encoding="utf-8")
    sentences = pd.concat([_table(["The soldiers and the army left."], article="support"),
                           _table(["Troops left."], article="own"), _table(["Soldiers left."], article="alone")])
    presence = fr.article_frames(fr.add_frames(sentences, scheme="issue", lexicon=lexicon), sentences)
    assert presence.set_index("article_id")["present"].to_dict() == {"alone": False, "own": True, "support": True}


def test_a_lexicon_may_ask_more_cue_words_of_one_frame(tmp_path):
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text('version = "1.0-mine"\nsource = "a test"\n[frames.troops]\ncues = ["troop*", "deploy*", "soldier*"]\n'
                       'min_terms = 3\n[frames.talks]\ncues = ["talks", "negotiat*"]\n', encoding="utf-8")
    sentences = _table(["Troops were deployed.", "Talks and negotiations resumed."], article="a")
    presence = fr.article_frames(fr.add_frames(sentences, scheme="issue", lexicon=lexicon), sentences)
    assert presence.set_index("frame")["present"].to_dict() == {"talks": True, "troops": False}
    lexicon.write_text('version = "1"\nsource = "a test"\n[frames.troops]\ncues = ["troop*"]\nmin_terms = "three"\n', encoding="utf-8")
    with pytest.raises(fr.frames.LexiconError, match="min_terms must be a whole number from 1 up"):
        fr.add_frames(sentences, scheme="issue", lexicon=lexicon)


def test_prevalence_of_one_article_per_outlet_gives_values_and_no_test():
    # Regression (issue 15): one article per outlet was tested on its sentences (Fisher's exact
    # test, as if 20 sentences were 20 samples); within one event there is nothing to test.
    sentences = pd.concat([_table(["The costs rose."] * 8 + ["It rained."] * 2, outlet="A", article="a"),
                           _table(["It rained."] * 9 + ["The costs rose."], outlet="B", article="b")])
    table = fr.summarise_frames(fr.add_frames(sentences), sentences).set_index("outlet")
    economic = table[table["frame"] == "economic"]
    assert economic.loc["A", "share"] == 0.8 and economic.loc["B", "share"] == 0.1
    assert economic["n_articles"].tolist() == [1, 1]
    # one article each: no effect size (a Cliff's delta of 1 from one article says nothing)
    assert economic["difference"].isna().all() and economic["cliffs_delta"].isna().all()
    assert set(economic["effect_note"]) == {"too few articles for an effect size: fewer than 5 on a side"}
    assert economic["p_value"].isna().all() and economic["ci_low"].isna().all()
    assert set(economic["note"]) == {"each outlet has one article, so there is nothing to test"}
    assert set(economic["interval"]) == {"too few articles for an interval"}
    assert math.isclose(economic.loc["A", "per_1000_words"], 1000 * 8 / 28)  # 8 × 3 + 2 × 2 words


def test_cues_per_1000_words_are_a_mean_over_articles():
    # Regression: `per_1000_words` was the outlet's cue matches over its words (a ratio of sums), so
    # one long article outweighed the outlet's short ones, while `share` beside it was a mean over
    # articles (docs/statistics.md: an outlet's summary is the mean of its articles' values).
    sentences = pd.concat([_table(["The costs rose."] * 2, outlet="A", article="a1"),  # 2 cues in 6 words
                           _table(["It rained."] * 20, outlet="A", article="a2"),  # none in 40 words
                           _table(["The costs rose."] + ["It rained."] * 4, outlet="B", article="b")])
    table = fr.summarise_frames(fr.add_frames(sentences), sentences).set_index("outlet")
    economic = table[table["frame"] == "economic"]
    assert math.isclose(economic.loc["A", "per_1000_words"], (1000 * 2 / 6 + 0) / 2)  # not 1000 * 2 / 46
    assert math.isclose(economic.loc["B", "per_1000_words"], 1000 * 1 / 11)
    assert economic.loc["A", "share"] == pytest.approx((1 + 0) / 2)  # the same unit as `share`


def test_prevalence_is_tested_over_articles():
    # Three articles per outlet; every A article has the frame in more of its sentences than every B
    # article. Shuffling outlets over the 6 articles, only 2 of the 20 splits are as extreme (the
    # real one and its mirror): p = 0.1, however many sentences the articles have.
    parts = [_table(["The costs rose."] * k + ["It rained."] * (10 - k), outlet=o, article=f"{o}{k}")
             for o, ks in (("A", (6, 7, 8)), ("B", (1, 2, 3))) for k in ks]
    sentences = pd.concat(parts, ignore_index=True)
    table = fr.summarise_frames(fr.add_frames(sentences), sentences, n_permutations=4999, seed=1)
    economic = table[table["frame"] == "economic"].set_index("outlet")
    assert economic.loc["A", "share"] == pytest.approx(0.7) and economic.loc["B", "share"] == pytest.approx(0.2)
    assert economic.loc["A", "p_value"] == pytest.approx(0.1, abs=0.015)
    assert economic["cliffs_delta"].isna().all()  # three articles an outlet: too few for an effect size
    assert economic["correction"].iloc[0].startswith("Holm across")
    assert set(economic["test"]) == {"permutation of outlet labels over articles, among all articles"}
    assert set(economic["n_events_tested"]) == {1}
    # Testing the 60 sentences instead would call this certain (Fisher's exact p < 0.001).
    from scipy.stats import fisher_exact
    assert fisher_exact([[21, 6], [9, 24]])[1] < 0.001


def test_krippendorff_alpha_by_hand():
    # Two coders, 6 units, values 0/1; they disagree on one unit.
    # Coincidences: (0,0)=4, (1,1)=6, (0,1)=(1,0)=1 → n=12, n0=5, n1=7.
    # D_o = 2, D_e = 2·5·7/11 = 70/11 → alpha = 1 − 2·11/70 = 0.6857…
    alpha = krippendorff_alpha([[0, 0, 1, 1, 1, 0], [0, 0, 1, 1, 1, 1]])
    assert math.isclose(alpha, 1 - 22 / 70)
    assert krippendorff_alpha([[1, 0, None], [1, 0, 1]]) == 1.0
    assert math.isnan(krippendorff_alpha([[1, 1], [1, 1]]))  # no variation: undefined


def test_coding_sheet_round_trip(seed_sentences, tmp_path):
    hits = fr.add_frames(seed_sentences)
    path = fr.export_coding_sheet(seed_sentences, hits, tmp_path / "sheet.csv", n=20, seed=1)
    sheet = pd.read_csv(path)
    assert len(sheet) == 20 and {"conflict", "economic", "coder"} <= set(sheet.columns)
    assert fr.export_coding_sheet(seed_sentences, hits, tmp_path / "again.csv", n=20, seed=1).read_text() \
        == path.read_text()
    cued = set(zip(hits.loc[hits["frame"] == "conflict", "article_id"],
                   hits.loc[hits["frame"] == "conflict", "sentence_id"]))
    first = sheet.assign(coder="ann", conflict=[int((a, s) in cued) for a, s in zip(sheet.article_id, sheet.sentence_id)])
    second = first.assign(coder="bob")
    result = fr.agreement([first, second], hits).set_index(["frame", "comparison"])
    assert result.loc[("conflict", "coders"), "alpha"] == 1.0
    assert result.loc[("conflict", "ann vs lexicon"), "alpha"] == 1.0


def test_a_coding_sheet_never_overwrites_another(seed_sentences, tmp_path):
    hits = fr.add_frames(seed_sentences)
    path = fr.export_coding_sheet(seed_sentences, hits, tmp_path / "coding_sheet.csv", n=10)
    filled = pd.read_csv(path).assign(coder="ann", conflict=1)
    filled.to_csv(path, index=False)
    kept = path.read_bytes()
    fresh = fr.export_coding_sheet(seed_sentences, hits, path, n=10)
    assert fresh == tmp_path / "coding_sheet_2.csv" and path.read_bytes() == kept
    assert pd.read_csv(fresh)["conflict"].isna().all()
    assert fr.export_coding_sheet(seed_sentences, hits, path, n=10) == fresh  # the same sheet: no third copy
    assert fr.export_coding_sheet(seed_sentences, hits, path, n=12) == fresh  # framing's blank one: replaced
    assert path.read_bytes() == kept and not (tmp_path / "coding_sheet_3.csv").exists()


def test_a_rerun_replaces_framings_blank_sheet_but_keeps_an_edited_or_unknown_one(seed_sentences, tmp_path):
    """Blank coding sheets piled up across reruns (coding_sheet.csv, _2, _3…, one per change of the
    data): framing's own unchanged sheet is now replaced; an edited sheet or one framing has no
    record of is never written over."""
    hits = fr.add_frames(seed_sentences)
    path = tmp_path / "coding_sheet.csv"
    assert fr.export_coding_sheet(seed_sentences, hits, path, n=10) == path
    assert fr.export_coding_sheet(seed_sentences, hits, path, n=12) == path  # the data changed: replaced
    assert len(pd.read_csv(path)) == 12 and sorted(p.name for p in tmp_path.glob("*.csv")) == ["coding_sheet.csv"]
    pd.read_csv(path).assign(coder="ann").to_csv(path, index=False)  # a coder starts on it
    kept = path.read_bytes()
    fresh = fr.export_coding_sheet(seed_sentences, hits, path, n=14)
    assert fresh == tmp_path / "coding_sheet_2.csv" and path.read_bytes() == kept
    assert fr.export_coding_sheet(seed_sentences, hits, path, n=16) == fresh and len(pd.read_csv(fresh)) == 16
    (tmp_path / "other.csv").write_text("article_id,coder\na,bo\n")  # a file framing did not write
    assert fr.export_coding_sheet(seed_sentences, hits, tmp_path / "other.csv", n=10) == tmp_path / "other_2.csv"
    assert (tmp_path / "other.csv").read_text() == "article_id,coder\na,bo\n"


def test_function_words_in_quoted_speech_carry_no_frame():
    """Generic lexicon 1.6, on sentences of allsides-100 (National Review, Axios): a politician's "I
    thank my colleagues" is no human face, so "my" is a supporting cue of human interest and a
    sentence whose only cue it is shows no frame (not in `frame_evidence`, not counted in
    `n_sentences`); "must" of a rule and "told me" of an interview are no cues at all. Before 1.6
    the Schumer quote was human-interest evidence on the event page and "must" a responsibility cue."""
    schumer = ("\u201cI thank my Democratic colleagues for showing unity in solving this "
               "Republican-manufactured crisis,\u201d Schumer said.")
    rule = ("Effective Nov. 8, foreign national air travelers must provide proof of being fully "
            "vaccinated to be eligible to fly to the U.S.")
    interview = "The senator told me the vote would wait until next week."
    sentences = _table([schumer, rule, interview], article="quotes")
    hits = fr.add_frames(sentences)
    mine = hits[hits["frame"] == "human_interest"].set_index("sentence_id")
    assert mine.loc[0, "terms"] == "my" and mine.loc[0, "supporting_terms"] == "my"
    assert fr.own_cue_hits(hits).query("frame == 'human_interest'").empty
    assert fr.frame_evidence(hits, sentences, frame="human_interest").empty
    presence = fr.article_frames(hits, sentences).set_index("frame")
    assert presence.loc["human_interest", "n_sentences"] == 0 and presence.loc["human_interest", "n_terms"] == 1
    assert hits[hits["frame"] == "responsibility"].empty  # "must" of a rule
    assert list(mine.index) == [0]  # "told me"
    # beside a word of its own (narrative-frames-dev), "my" is counted and the sentence is evidence
    home = ("One woman displayed the charred remains of her home outside Parliament - on which she had "
            "written: \"Morrison, your climate crisis destroyed my home.\"")
    table = _table([home], article="home")
    found = fr.add_frames(table)
    assert fr.frame_evidence(found, table, frame="human_interest")["terms"].tolist() == ["home; my; home"]
    face = fr.article_frames(found, table).set_index("frame").loc["human_interest"]
    assert (face["n_terms"], face["n_supporting"], face["n_sentences"]) == (2, 1, 1)


def test_generic_frames_against_human_coding(shared_data):
    """Macro-F1 of article presence on narrative-frames-dev: measured 0.648 with lexicon 1.7, 0.649 with 1.6 (0.644
    with 1.5, 0.628 with 1.4, 0.611 with 1.3; always present: 0.450); human interest 0.51 (0.47 with
    1.3); morality 0.60 with its supporting cues (0.52 with 1.4)."""
    articles = [json.loads(line) for line in
                (shared_data / "narrative-frames-dev" / "articles.jsonl").open(encoding="utf-8")]
    rows = [{"article_id": str(n), "sentence_id": i, "outlet": "x", "kind": "body", "text": t, "n_words": 1}
            for n, a in enumerate(articles) for i, t in enumerate(fr.split_sentences(a["text"]))]
    sentences = pd.DataFrame(rows)
    presence = fr.article_frames(fr.add_frames(sentences), sentences)
    from sklearn.metrics import f1_score
    coded = {"resolution": "responsibility", "human_interest": "human_interest", "conflict": "conflict",
             "moral": "morality", "economic": "economic"}
    f1 = []
    for name, frame in coded.items():
        chosen = presence[presence["frame"] == frame]
        gold = [str(articles[int(a)]["frames"][name]).lower().startswith("true") for a in chosen["article_id"]]
        f1.append(f1_score(gold, chosen["present"]))
    assert sum(f1) / len(f1) >= 0.645
    assert f1[list(coded).index("human_interest")] >= 0.50
    assert f1[list(coded).index("moral")] >= 0.59


# ── lexicons that would match every sentence are refused (issue 13) ────────────────────────────


@pytest.mark.parametrize("cues, says", [
    ('"troop*"', "`cues` must be a list in brackets, not str"),
    ('[""]', "would match (almost) every sentence"),
    ('["*"]', "would match (almost) every sentence"),
    ('["troop*", "the"]', "cues 'the' would match"),
    ('["a*"]', "cues 'a*' would match"),
    ('["tr*ops"]', "cues 'tr*ops' would match"),
    ('[3]', "cues 3 would match"),
])
def test_lexicon_cues_matching_every_sentence_are_rejected(tmp_path, cues, says):
    from framing.lexicons import LexiconError

    path = tmp_path / "issue_frames.toml"
    path.write_text(f'version = "1"\nsource = "me"\n[frames.troops]\ncues = {cues}\n', encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        read_lexicon("issue", lexicon=path)
    message = str(error.value)
    assert message.startswith(f"{path}: frame 'troops': ") and says in message
    assert "\n" not in message


def test_lexicon_with_sound_cues_is_read(tmp_path):
    path = tmp_path / "issue_frames.toml"
    path.write_text('version = "1"\nsource = "me"\n[frames.troops]\n'
                    'cues = ["troop*", "boots on the ground", "U.S.", "pre-2014"]\n', encoding="utf-8")
    assert read_lexicon("issue", lexicon=path)["frames"] == {
        "troops": ["troop*", "boots on the ground", "U.S.", "pre-2014"]}


# ── matching once per distinct text gives the hits of matching each sentence (issue 17) ─────────

def _reference_hits(sentences: pd.DataFrame, scheme: str = "generic", lexicon=None) -> pd.DataFrame:
    """The hits as framing computed them before issue 17, kept as the oracle: every sentence and
    every frame matched on its own, word cues and prefixes looked up token by token, phrase cues by
    each frame's pattern, merged by position."""
    import re

    spec = read_lexicon(scheme, lexicon=lexicon)
    table = sentences[sentences["kind"].isin(fr.config.CONTENT_KINDS)] if "kind" in sentences else sentences
    token = re.compile(r"\w+")
    compiled = []
    supporting = {}  # frame → a cue word as written → matched by a supporting cue and by none of the others
    for frame, cues in spec["frames"].items():
        extra = [re.compile(cue_pattern(c), re.IGNORECASE) for c in spec["supporting"][frame]]
        own = [re.compile(cue_pattern(c), re.IGNORECASE) for c in cues if c not in spec["supporting"][frame]]
        supporting[frame] = lambda word, extra=extra, own=own: (any(p.fullmatch(word) for p in extra)
                                                                and not any(p.fullmatch(word) for p in own))
        words = {c.lower() for c in cues if token.fullmatch(c)}
        prefixes = {c[:-1].lower() for c in cues if c.endswith("*") and token.fullmatch(c[:-1])}
        phrases = sorted((c for c in cues if c.lower() not in words and c[:-1].lower() not in prefixes),
                         key=len, reverse=True)
        pattern = re.compile("|".join(f"(?:{cue_pattern(c)})" for c in phrases), re.IGNORECASE) if phrases else None
        compiled.append((frame, frozenset(words), frozenset(prefixes), pattern))

    @lru_cache(maxsize=None)
    def is_cue(lower: str, words: frozenset, prefixes: frozenset) -> bool:
        return lower in words or bool(prefixes) and any(lower[:k] in prefixes for k in range(3, len(lower) + 1))

    rows = []
    for record in table.itertuples(index=False):
        text = record.text
        if not isinstance(text, str) or not text:
            continue
        tokens = [(m.start(), m.group(0), m.group(0).lower()) for m in token.finditer(text)]
        for frame, words, prefixes, pattern in compiled:
            found = [(start, word) for start, word, lower in tokens if is_cue(lower, words, prefixes)]
            if pattern is not None:
                taken = {start for start, _ in found}
                found += [(m.start(), m.group(0)) for m in pattern.finditer(text) if m.start() not in taken]
            if found:
                rows.append({"article_id": record.article_id, "sentence_id": record.sentence_id,
                             **{c: getattr(record, c, None) for c in ("outlet", "event", "kind", "position")},
                             "scheme": spec["scheme"], "frame": frame, "score": len(found),
                             "terms": "; ".join(word for _, word in sorted(found)),
                             "supporting_terms": "; ".join(w for _, w in sorted(found) if supporting[frame](w)),
                             "lexicon_version": spec["version"], "min_terms": spec["min_terms"][frame],
                             "min_with_supporting": spec["min_with_supporting"][frame]})
    hits = pd.DataFrame(rows, columns=fr.frames.HIT_COLUMNS)
    counts = ["score", "min_terms", "min_with_supporting"]
    hits[counts] = hits[counts].astype("int64")
    return hits


def test_hits_equal_the_reference_on_every_shared_sentence(shared_sentence_table):
    for scheme in fr.frames.SCHEMES:
        expected = _reference_hits(shared_sentence_table, scheme)
        assert len(expected) > 1000
        assert scheme != "generic" or (expected["supporting_terms"] != "").sum() > 50
        pd.testing.assert_frame_equal(fr.add_frames(shared_sentence_table, scheme=scheme), expected)


def test_hits_equal_the_reference_on_the_seeds_with_repeats_and_gaps(seed_sentences):
    lexicon = fr.issue_lexicon(SEED)
    twice = pd.concat([seed_sentences, seed_sentences.iloc[::-1]], ignore_index=True)
    twice.loc[[3, 7], "text"] = [None, ""]  # no text: no hits
    for table in (seed_sentences, twice, twice.drop(columns=["event", "position"]),
                  twice.assign(outlet=twice["outlet"].astype("category"))):
        for scheme, path in [(s, None) for s in fr.frames.SCHEMES] + [("issue", lexicon)]:
            pd.testing.assert_frame_equal(fr.add_frames(table, scheme=scheme, lexicon=path),
                                          _reference_hits(table, scheme, path))


def test_phrase_cues_are_found_wherever_the_reference_finds_them(tmp_path):
    """Phrases with hyphens, signs, prefixes and case that only Unicode folds (the long s 'ſ', the
    Kelvin sign 'K') are matched as the per-sentence patterns match them."""
    (tmp_path / "lexicon.toml").write_text(
        'version = "t"\nsource = "test"\n[frames.a]\ncues = ["#metoo", "anti-war*", "year-old", "call* for", "war", "u.s. troops"]\n'
        '[frames.b]\ncues = ["war crime*", "stra\u00dfe", "kelvin scale", "cost* of living", "econom*"]\n',
        encoding="utf-8")
    texts = ["The #MeToo wave; anti-warfare and Anti-War rallies.", "A 40-year-old, a year-old and yearly costs.",
             "They called for calm; calls for WAR CRIMES probes.", "U.S. troops and u.s.troops left.",
             "The \u017fcale: the \u212aelvin scale, the cost of living.", "Economic pre-war costs-of-living.",
             "Stra\u00dfe and STRASSE.", "War-war war", "warcrime war crime war crimes"]
    table = _table(texts)
    hits = fr.add_frames(table, scheme="issue", lexicon=tmp_path / "lexicon.toml")
    pd.testing.assert_frame_equal(hits, _reference_hits(table, "issue", tmp_path / "lexicon.toml"))
    assert "\u212aelvin scale" in set(hits["terms"].str.split("; ").explode())


def test_article_frames_rows_do_not_follow_the_order_of_the_input(seed_sentences):
    """Regression: `frames_per_article.csv` listed each article's frames in the order the corpus
    first hit them, so the same articles exported in another order gave the table in another order."""
    hits = fr.add_frames(seed_sentences)
    table = fr.article_frames(hits, seed_sentences)
    assert table[["article_id", "scheme", "frame"]].equals(
        table[["article_id", "scheme", "frame"]].sort_values(["article_id", "scheme", "frame"]))
    reordered = fr.article_frames(hits.iloc[::-1], seed_sentences.iloc[::-1])
    pd.testing.assert_frame_equal(reordered, table)


def test_sentences_with_no_cue_give_an_empty_table_the_summaries_take():
    """Regression: a first corpus of one page with no frame cue made `article_frames` fail with
    "Can only use .str accessor with string values": the empty hits table had float columns."""
    sentences = pd.DataFrame({"article_id": ["a1", "a1"], "sentence_id": [0, 1], "outlet": ["Harbour News"] * 2,
                              "event": ["storm"] * 2, "kind": ["headline", "body"], "position": [0.0, 1.0],
                              "text": ["Harbour closed", "The pier was shut on Tuesday."], "n_words": [2, 6]})
    hits = fr.add_frames(sentences)
    assert hits.empty and hits["terms"].dtype == object and hits["sentence_id"].dtype == "int64"
    presence = fr.article_frames(hits, sentences)
    assert not presence["present"].any()
    assert fr.summarise_frames(hits, sentences).empty


@pytest.mark.parametrize("scheme, text, frame, found", [
    # AllSides excerpts: a prefix cue spelled out where a common word of another sense shares it
    ("policy", "A counter terrorism team will lead the investigation.", "economic", None),
    ("policy", "As Labor Day marks the traditional close to summer, President Biden's poll numbers are taking a hit.",
     "public_opinion", "poll"),
    ("policy", "Cars couldn’t meet legal standards for mileage or pollution—or even start—without chips, let alone "
     "connect to the internet or display a fancy digital dashboard.", "public_opinion", None),
    ("policy", "Former presidential and New York mayoral candidate Andrew Yang is set to launch a third party next "
     "month, according to two people familiar with the matter.", "quality_of_life", None),
    ("policy", "House Speaker Nancy Pelosi is determined to launch...", "security_and_defense", None),
    ("entman", "Facebook issued a statement late Monday explaining what caused the outage across its platforms "
     "lasted nearly six hours.", "problem_definition", None),
    ("entman", "The Delta variant-fueled COVID-19 surge began soon after June 30, striking the Midwest in early July.",
     "causal_interpretation", "fueled"),
    ("generic", "Benjamin Netanyahu showed the opposite of grace as he exited from power on Sunday.", "conflict", None),
])
def test_prefix_cues_leave_out_words_of_another_sense(scheme, text, frame, found):
    """Generic 1.7, policy 1.1, entman 1.1: "investigation" is no economic word, "pollution" no poll,
    "issued a statement" no problem, "familiar", "determined" and "opposite" no frame words; the forms
    that carry the frame still count ("poll numbers", "variant-fueled")."""
    hits = fr.add_frames(_table([text]), scheme=scheme)
    terms = hits.loc[hits["frame"] == frame, "terms"].tolist()
    assert terms == ([] if found is None else [found])
