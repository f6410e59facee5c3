"""A table: `find_actors` reads the sentences table into one row per person mentioned (mentions
of each text, the evidence around all mentions of an actor, names resolved), and `count_actors`
counts them per outlet."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..config import CONTENT_KINDS
from .english import _lexicon_tags, english_common_words, headline_verbs
from .evidence import (affiliation, listed_with_a_person, mention_evidence, organisation_actors, read_evidence,
                       role_evidence)
from .mentions import Mention, _blocked, _organisations, _person_mentions, author_labels, outlet_names
from .names import _core, _surname, resolve_names
from .rules import _UPPER, ACTOR_COLUMNS, DEFAULT_LEXICON, LOWER_CASE_SHARE, Rules, read_rules

# ── a table ─────────────────────────────────────────────────────────────────────────────────────

def find_actors(sentences: pd.DataFrame, *, within: str | None = "event", kinds=CONTENT_KINDS,
                text_col: str = "text", outlets=None, lexicon: str | Path = DEFAULT_LEXICON) -> pd.DataFrame:
    """One row per person mentioned, with one canonical name per person across outlets.

    Needs `article_id`, `sentence_id`, `text_col`; keeps `outlet`; `within` (default `event`) names
    the column whose values resolve surnames first (the whole table when absent). Only rows whose
    `kind` is in `kinds` are read. `outlets` are names never taken for persons, beside the shipped
    list of news organisations (default: the table's `outlet` labels).

    Returns `ACTOR_COLUMNS`: `start`, `end` (offsets in the sentence), `mention` (as written, title
    included: "Mr. Trump"), `name` (titles cut off: "Trump"), `actor` (canonical: "Donald Trump"),
    `has_title`, `actors_version`. Single words that neither follow a title nor resolve to a full
    name are left out: they are as often places or organisations as people. In a sentence written
    in title case (a headline) capitals do not mark names, so its mentions are kept only for actors
    also named in sentence-case text.
    """
    table = sentences if kinds is None or "kind" not in sentences else sentences[sentences["kind"].isin(kinds)]
    if outlets is None:
        outlets = table["outlet"].dropna().unique() if "outlet" in table else ()
    rules, labels = read_rules(lexicon), outlet_names(outlets)
    authors, organisations = _labels_read(labels, rules, lexicon)
    evidence = read_evidence(lexicon)
    lower, upper = _case_counts(table[text_col])
    found = _mention_rows(table, text_col=text_col, within=within, rules=rules,
                          organisations=organisations, evidence=evidence, lower=lower, upper=upper)
    found["event"] = found["event"].astype(str)
    found["name"] = _couples_read_as_surnames(found, rules)
    common = frozenset(w for w in found["name"].unique()
                       if " " not in w and lower[w.lower()] > LOWER_CASE_SHARE * upper[w])
    found["actor"] = resolve_names(found.assign(has_title=found["has_title"] | found["person_cue"]),
                                   lexicon=lexicon, common_words=common)
    confirmed = set(found.loc[~found["title_case"], "actor"].dropna())
    found = found[found["actor"].notna() & (~found["title_case"] | found["actor"].isin(confirmed))]
    found = _headline_mention_cut_to_the_name(found)
    common_last = frozenset(w for w in {a.split()[-1] for a in found["actor"].dropna().unique()}
                            if lower[w.lower()] > upper[w] or w in english_common_words())
    hosted = _named_as_a_host(found["actor"].dropna().unique(), outlets)
    found = found[~found["actor"].isin(organisation_actors(found, evidence, common_words=common_last,
                                                           outlet_labels=authors | hosted))]
    found = found[~found["actor"].isin(_things_named(found))]
    found = pd.concat([found, _surnames_that_name_outlets(table, found, text_col=text_col, within=within,
                                                          organisations=organisations, rules=rules)])
    found = found.sort_values(["article_id", "sentence_id", "start"], kind="stable").reset_index(drop=True)
    found["actors_version"] = rules.version
    for column in ("sentence_id", "start", "end"):
        found[column] = found[column].astype("int64")
    return found[ACTOR_COLUMNS]


def _mention_rows(table: pd.DataFrame, *, text_col: str, within: str | None, rules: Rules, organisations,
                  evidence, lower: Counter, upper: Counter) -> pd.DataFrame:
    """One row per person mention of each text, with the cues around it that `find_actors` weighs
    (title, title case, cut off, person, organisation, role and list evidence, affiliation, modifier);
    a mention in sentence-case text is first checked against how its words are written elsewhere."""
    rows = []
    events = table[within] if within and within in table else pd.Series("all", index=table.index)
    outlet_col = table["outlet"] if "outlet" in table else pd.Series(None, index=table.index)
    texts = table[text_col]
    for article, outlet, event, sentence, text in zip(table["article_id"], outlet_col, events,
                                                     table["sentence_id"], texts):
        if not isinstance(text, str):
            continue
        title_case = _is_title_case(text)
        for m in _person_mentions(text, rules, organisations):
            in_headline, start = title_case, None
            if not title_case:
                if (m := _as_written_elsewhere(m, text, lower, upper, rules.given_names)) is None:
                    continue
                if (cut := _headline_words_cut(m, text, rules)) is None:
                    continue
                m, in_headline = cut
                start = _lower_case_title_start(m, text, rules)  # the mention's start; its evidence is read around the name
            start = m.start if start is None else start
            rows.append((article, outlet, event, sentence, start, m.end, text[start:m.end], m.name,
                         m.has_title, in_headline, _CUT_OFF.match(text, m.end) is not None,
                         *mention_evidence(text, m.start, m.end, m.has_title, evidence),
                         role_evidence(text, m.start, m.end, evidence),
                         listed_with_a_person(text, start, m.end, evidence),
                         affiliation(text, m.start, m.end, m.name, rules), _modifies_a_noun(text, m.start, m.end)))
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS[:8] + ["has_title", "title_case", "cut_off", "person_cue",
                                                            "org_cue", "role_cue", "list_cue", "affiliation", "modifier"])


def _headline_mention_cut_to_the_name(found: pd.DataFrame) -> pd.DataFrame:
    """Mentions in title case (headlines) that start with words of no name, cut to start at the
    actor's first word: "Republicans Unironically Claim Joe Biden's Agenda …" is a mention of Joe
    Biden written "Joe Biden" (the run of capitals reaches back over the headline's words). Only a
    mention whose name ends with the actor's full name is cut ("Sen. Jim Risch", a given name the
    actor's name writes otherwise, is left as it is); its title, if any, stood before the headline's
    words, so it is no longer the mention's."""
    found = found.copy()
    for index in found.index[found["title_case"].astype(bool)]:
        name, actor, mention = found.at[index, "name"], found.at[index, "actor"], found.at[index, "mention"]
        words, tail = name.split(), actor
        if len(words) <= len(actor.split()) or " ".join(words[-len(actor.split()):]) != actor or not mention.endswith(tail):
            continue
        found.loc[index, ["start", "mention", "name", "has_title"]] = (
            found.at[index, "end"] - len(tail), tail, tail, False)
    return found


def _surnames_that_name_outlets(table: pd.DataFrame, found: pd.DataFrame, *, text_col: str, within: str | None,
                                organisations: tuple, rules: Rules) -> pd.DataFrame:
    """Rows for a surname written alone that is also a word of an outlet's name, which the reader of
    one sentence cannot take for a person: "Jones said" after "Sen. Doug Jones" (Mother Jones), "Stone"
    after "Roger Stone" (Rolling Stone), within the group (`within`) that writes the full name;
    "Fox said" after "Vicente Fox", "Bloomberg" after "Michael Bloomberg", where the word alone is an
    outlet's name too, only in the article that writes the full name and not after a word that makes
    the outlet the channel ("on Fox", "told Fox", "according to Bloomberg"). Never after "the" ("the
    Hill"), next to another capitalised word ("Fox News", "Jones Act", "San Francisco"), where two
    actors share the surname, or in a title-case sentence (where capitals say nothing). A table with no
    `within` column is read article by article."""
    _, outlet_words = _blocked(organisations)
    surnames = found["actor"].map(lambda actor: _surname(actor, rules) if len(_core(actor, rules)) > 1 else None)
    wanted = found[surnames.isin(outlet_words)].assign(surname=surnames)
    if wanted.empty:
        return found.iloc[:0]
    listed = _one_word_names(organisations)  # "Fox", "Bloomberg": an outlet's whole name
    grouped = bool(within) and within in table
    groups = table[within].astype(str) if grouped else table["article_id"]
    scope = wanted["article_id"].where(wanted["surname"].isin(listed) | (not grouped), wanted["event"])
    holders = wanted.groupby([scope, wanted["surname"]])["actor"].unique()
    taken = {(a, s, i) for a, s, start, end in zip(found["article_id"], found["sentence_id"], found["start"], found["end"])
             for i in range(start, end)}
    outlets = table["outlet"] if "outlet" in table else pd.Series(None, index=table.index)
    rows = []
    for article, outlet, group, sentence, text in zip(table["article_id"], outlets, groups, table["sentence_id"],
                                                       table[text_col]):
        if not isinstance(text, str) or _is_title_case(text):
            continue
        for surname in wanted["surname"].unique():
            actors = holders.get((article if surname in listed else group, surname))
            if actors is None or len(actors) != 1:
                continue
            for m in _written_alone(surname, text):
                before = _word_before(text, m.start())
                if ((article, sentence, m.start()) in taken or before.lower() == "the" or before[:1].isupper()
                        or _CAPITAL_AFTER.match(text, m.end()) or surname in listed and _as_channel(text, m.start())):
                    continue
                rows.append({"article_id": article, "outlet": outlet, "event": group, "sentence_id": sentence,
                             "start": m.start(), "end": m.end(), "mention": surname, "name": surname,
                             "actor": actors[0], "has_title": False})
    return pd.DataFrame(rows, columns=found.columns) if rows else found.iloc[:0]


_CAPITAL_AFTER = re.compile(rf"[ \t\u00a0]+[{_UPPER}]")
# words before an outlet's name that make it the channel ("on Fox", "told Bloomberg", "according to Reuters")
_CHANNEL_BEFORE = frozenset({"on", "to", "told", "with", "via", "per", "from", "at", "by"})


def _labels_read(labels, rules: Rules, lexicon) -> tuple[frozenset, tuple[str, ...]]:
    """(the outlet labels written as one person's name, "Tucker Carlson" (`author_labels`); the shipped
    news organisations and the other labels: names never taken for persons)."""
    authors = author_labels(labels, rules)
    return authors, _organisations(tuple(label for label in labels if label not in authors), lexicon)


def _one_word_names(organisations) -> frozenset:
    return frozenset(o for o in organisations if " " not in o)


def _written_alone(word: str, text: str):
    """The matches of `word` in `text` as a word of its own (no letter, hyphen, apostrophe or full stop
    joined to it)."""
    return re.finditer(rf"(?<![\w’'.\-]){re.escape(word)}(?![\w\-])", text)


def _word_before(text: str, start: int) -> str:
    return (text[:start].split() or [""])[-1].strip("\"“‘'(")


def _as_channel(text: str, start: int) -> bool:
    """True when the word written right before `start` makes the outlet named there the channel
    of what is said, not a person nor a speaker ("on Fox", "told Bloomberg", "according to Reuters")."""
    return _word_before(text, start).lower() in _CHANNEL_BEFORE


def one_word_outlets(outlets=(), *, lexicon: str | Path = DEFAULT_LEXICON) -> frozenset:
    """The outlets whose whole name is one word ("Fox", "Bloomberg", "Reuters"): of `organisations` in
    actors.toml and of the labels `outlets` (as `find_actors` reads them)."""
    return _one_word_names(_labels_read(outlet_names(outlets), read_rules(lexicon), lexicon)[1])


def written_as_channel(word: str, texts) -> bool:
    """True when every time `texts` write `word` alone it follows a word that makes it the channel of
    what is said (`_as_channel`: "according to Fox", "told Bloomberg"); False when none writes it. For
    an outlet's whole name (`one_word_outlets`) this says the outlet is meant, never a person of that
    surname ("Vicente Fox") whatever the article writes beside it: the rule by which `find_actors`
    keeps such a word out of the actor rows (`_surnames_that_name_outlets`) and speakers are named
    (actors 1.33)."""
    starts = [(text, m.start()) for text in texts if isinstance(text, str) for m in _written_alone(word, text)]
    return bool(starts) and all(_as_channel(text, start) for text, start in starts)


def _named_as_a_host(actors, outlets) -> frozenset:
    """The actors whose letters, in lower case and run together (an opening "The" or not), spell the
    name of an outlet labelled by its web host ("Dawgs By Nature" of dawgsbynature.com, as a page's
    title ends): the outlet's own name, a person's only with evidence of one (`organisation_actors`)."""
    hosts = set()
    for outlet in outlets:
        if isinstance(outlet, str) and re.fullmatch(r"[a-z0-9.\-]+\.[a-z]{2,}", outlet.strip()):
            stem = outlet.strip().removeprefix("www.").split(".")[0]
            hosts.add(re.sub(r"[^a-z0-9]", "", stem))
    def letters(name):
        return re.sub(r"[^a-z0-9]", "", name.casefold())
    return frozenset(a for a in actors if letters(a) in hosts or "the" + letters(a) in hosts)


def _couples_read_as_surnames(found: pd.DataFrame, rules: Rules) -> pd.Series:
    """The names of `found`, a given name joined to the surname after "and" (`mentions._couples`: "Bill"
    of "Bill and Melinda Gates" → "Bill Gates") read back as written when the collection writes that
    word as the surname of a full name ("Cruz" of "Cruz and John Kasich", "Ted Cruz" elsewhere; "Harvey"
    of "Andre Harvey"): a word known as a surname is one in a list of names too."""
    words = found["name"].str.split()
    couple = (found["mention"] == words.str[0]) & (words.str.len() > 1)
    surnames = {_core(name, rules)[-1] for name in found.loc[~couple, "name"] if len(_core(name, rules)) >= 2}
    back = couple & found["mention"].isin(surnames)
    return found["name"].where(~back, found["mention"])


def _lower_case_title_start(m: Mention, text: str, rules: Rules) -> int | None:
    """Where the mention starts when a title written in lower case stands right before the name ("Senate majority leader
    Chuck Schumer", "former president Barack Obama", "secretary Jane Roe"): English news writes an
    office before a name in either case, and in lower case it is as much the person's title as "Senate
    Majority Leader" is, so the mention starts at it, as with capitals. It is read as a role, person
    evidence that makes no single word a person (`evidence.role_evidence`, read before the name as before),
    so `has_title` stays. The title is a
    noun of `titles` (`_lower_case_titles`), perhaps after lower-case words of `titles` or `qualifiers`
    ("former", "majority") and capitalised words of `qualifiers` or places ("Senate", "U.S."; not a body's
    name, of which only the last words would be taken: "Associated Press reporter"), with the capitalised
    word right before such a word, the name it ends ("White House press secretary", 1.31).
    None when there is none. A sentence in title case is left alone (its capitals say nothing)."""
    found = _lower_case_title_pattern(rules).search(text, max(0, m.start - 80), m.start)
    if found is None or m.has_title:
        return None
    start = found.start("title")
    if text[start].isupper() and (word := _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)):
        return word.start()  # the title's first word ends a name: "White House press secretary", not "House …"
    return start


# A capitalised word right before a title's capitalised first word: the two are one name ("White House",
# "U.S. Senate"), unless it is a word that opens a sentence or phrase ("The Senate majority leader")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w’'.\-])(?!(?:The|A|An|And|But|Or|As|At|By|For|From|In|On|Of|To|With|Then|Now|"
                                 r"When|While|After|Before|Former|Meanwhile)\b)[A-Z][\w.&-]*[ \t\u00a0]+$")


@lru_cache(maxsize=4)
def _lower_case_title_pattern(rules: Rules) -> re.Pattern:
    """The regex of a title in lower case ending right before a name (group `title`; `_lower_case_title_start`)."""
    titles, modifiers = _lower_case_titles(rules)
    before = sorted({w for w in rules.qualifiers | rules.places if " " not in w}, key=len, reverse=True)
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    return re.compile(rf"(?<![\w’'.\-])(?P<title>(?:(?:{alt(before)})\s+){{0,2}}(?:(?:{alt(modifiers)})\s+){{0,2}}"
                      rf"(?:{alt(titles)}))[ \t\u00a0]+$")


def _lower_case_titles(rules: Rules) -> tuple[frozenset, frozenset]:
    """(title nouns, words that may stand before them), in lower case: the titles of `actors.toml` the
    part-of-speech lexicon tags as nouns in lower case (Brill 1992: "president", "leader", "senator"),
    not an honorific ("sir", "lady") nor a party's member ("democrat": its plural is a title too), and
    the lower-case forms of titles and qualifiers ("former", "vice", "majority", "defense")."""
    tags = _lexicon_tags()
    nouns = frozenset(w.lower() for w in rules.titles if w.isalpha() and len(w) > 3 and tags.get(w.lower()) == "NN"
                      and f"{w}s" not in rules.titles and w not in _HONORIFICS)
    modifiers = frozenset(w.lower() for w in rules.titles | rules.qualifiers if w.isalpha() and len(w) > 3)
    return nouns, modifiers


_HONORIFICS = frozenset({"Sir", "Dame", "Lord", "Lady", "Miss", "Father", "Reverend"})  # a form of address, no office


# An article or a possessive pronoun before a name and a lower-case noun after it: the name modifies the
# noun ("the Iron Dome aerial defense", "its Iron Dome missile-defense system", "a Hail Mary move")
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:said|says|and|or|of|in|on|at|to|for|with|from|by|as|that|which|who|whose|is|was|has|"
                         r"had|have|are|were|will|would|could|told|also|himself|herself)\b)[a-z][\w-]*")


def _modifies_a_noun(text: str, start: int, end: int) -> bool:
    """True when the name stands between an article or possessive pronoun and a lower-case noun, as a
    modifier of that noun ("the Iron Dome aerial defense"), not as someone named."""
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 8), start)) and _NOUN_AFTER.match(text, end) is not None


def _things_named(found: pd.DataFrame) -> set:
    """Actors every mention of which modifies a noun after an article or a possessive, never with a title
    or a cue of a person, and whose name opens with a word English also writes in lower case (a word of
    the part-of-speech lexicon, `english._lexicon_tags`): such a name is a thing's (a weapon, a move:
    "the Iron Dome missile-defense system", "a Hail Mary move"). A person's name used so opens with a
    name ("the Dred Scott decision"), and a person named so elsewhere has mentions of their own ("the
    Trump campaign" beside "Trump said")."""
    marked = found["modifier"] & ~found["has_title"] & ~found["person_cue"] & ~found["role_cue"]
    only = marked.groupby(found["actor"]).all()
    tags = _lexicon_tags()
    return {actor for actor in only[only].index if actor.split()[0].lower() in tags}


_CUT_OFF = re.compile(r"\s*(?:\.\.\.|…)\s*$")  # an excerpt cut off right after the name ("… reporter Robert...")
_WORDS = re.compile(r"[^\W\d_][\w’'\-]*")
_SENTENCE_OPENING = " \t\"“‘'([—–-•*"


def _case_counts(texts) -> tuple[Counter, Counter]:
    """(lower-case words, capitalised words) counted inside sentences of the collection: the first
    word of a sentence and sentences in title case (headlines) are not counted, since there capitals
    say nothing."""
    lower, upper = Counter(), Counter()
    for text in texts:
        if not isinstance(text, str) or _is_title_case(text):
            continue
        words = _WORDS.findall(text)[1:]
        lower.update(w for w in words if w[0].islower())
        upper.update(w for w in words if w[0].isupper())
    return lower, upper


def _as_written_elsewhere(m: Mention, text: str, lower: Counter, upper: Counter,
                          given_names=frozenset()) -> Mention | None:
    """The mention checked against how the collection writes its words (Mikheev 1999/2002: a
    capitalised word is a common word when the same texts write it in lower case and never
    capitalised inside a sentence). A common word opening the sentence is cut off ("Gymnasts Simone
    Biles", "Drugmaker Merck"), and so is a word English writes in lower case
    (`english_common_words`) that is no listed given name ("Stop Biden’s …"); a name without a
    title made only of words the collection writes more often in lower case than capitalised is no
    person ("Product Manager", "Big Tech"), nor are an adjective and a noun (`_adjective_and_noun`), and nor is such a word alone after a title when English
    also writes it in lower case ("Conservatives Need …", "Major Democratic Donors")."""
    words = m.name.split()
    first = words[0]
    if text.startswith(first, m.start) and (
            not text[:m.start].strip(_SENTENCE_OPENING)
            and (not upper[first] and lower[first.lower()]
                 or len(words) > 1 and first in english_common_words() and first not in given_names)
            or _role_noun_before_full_name(words, given_names)):
        words = words[1:]
        if not words:
            return None
        start = text.index(words[0], m.start + len(first))
        m = Mention(start, m.end, " ".join(words), m.has_title)
    if not m.has_title and all(lower[w.lower()] > upper[w] for w in words):
        return None
    if not m.has_title and _adjective_and_noun(words, given_names):
        return None
    if (m.has_title and len(words) == 1 and words[0] in english_common_words() and words[0] not in given_names
            and lower[words[0].lower()] > upper[words[0]]):
        return None  # "Conservatives Need …", "Major Democratic Donors": a common word after a title
    return m


def _role_noun_before_full_name(words: list[str], given_names=frozenset()) -> bool:
    """True when the first of three words or more is a noun English writes in lower case (the
    part-of-speech lexicon tags its lower-case form NN) and no listed given name, and a listed given
    name follows it: a role written in capitals before a full name ("Employee Steve Castro", "NFL
    Insider Jason La Canfora", "Detective Maria Lopez"), whose words are not the person's name."""
    return (len(words) >= 3 and words[0].isalpha() and words[0] not in given_names and words[1] in given_names
            and _lexicon_tags().get(words[0].lower()) == "NN")


def _adjective_and_noun(words: list[str], given_names=frozenset()) -> bool:
    """True for two capitalised words that English writes in lower case as an adjective and a noun ("Big
    Tech", "Big Oil": the part-of-speech lexicon, Brill 1992, tags the first JJ and the second NN or NNS
    in lower case), the first no listed given name ("Young", "Rich", "Frank" are) and an adjective that English
    also capitalises in names ("Big", "Great", "Grand"; the lexicon knows its capitalised form as a proper
    noun): a person's given name is no adjective, so the words name an industry, a group or a thing. An
    adjective English writes capitalised only to open a sentence or a headline ("Typical", "Top":
    `english_common_words`) is read by the rules for those and may stand before a surname ("Typical Trump")."""
    if len(words) != 2 or words[0] in given_names or words[0] in english_common_words():
        return False  # "Typical Trump", "Top Trump": an adjective English never capitalises in a name, before a surname
    tags = _lexicon_tags()
    return tags.get(words[0].lower()) == "JJ" and tags.get(words[1].lower()) in ("NN", "NNS")


def _headline_words_cut(m: Mention, text: str, rules: Rules) -> tuple[Mention, bool] | None:
    """(the mention, whether it stands in title-case text) for a name read in a sentence-case
    sentence. Two or more words of the name that English writes in lower case and that are no listed
    given names (`english_common_words`), or one such word before the last word of a name of four
    words or more, mark words in title case inside the sentence, a headline run into the text or a
    work's title ("Bernie Sanders Stakes Out Forceful Climate Stance", "Climate Billionaire Elon
    Musk Quits Donald Trump", "Jeff Merkley Shreds Trump"): what follows the last of them is kept as a
    mention in title case (counted only for an actor also named in sentence-case text), None when
    nothing follows. A verb of a headline (`headline_verbs`) after the first word marks the same
    ("Bolsonaro Urges Macron to …" → "Macron"), but when it is the name's last word and its only
    word English writes in lower case it is cut off and the name before it kept as written ("Pope
    Francis Calls for …" → "Francis"). A last word that is a function word opening a sentence ("Ross Barkan The
    cruelty", a text with no break between sentences) is cut off."""
    words = m.name.split()
    if (len(words) > 2 and words[-1] in rules.function_words and words[-1] not in rules.closing_words
            and (words[-1] in english_common_words() or words[-1] not in rules.given_names)):  # not "Theresa May"
        end = _word_starts(text, m.start, words)[-1]
        words = words[:-1]
        m = Mention(m.start, len(text[:end].rstrip()), " ".join(words), m.has_title)
    verbs = [i for i, w in enumerate(words) if i > 0 and w in headline_verbs() and w not in rules.given_names]
    common = [i for i, w in enumerate(words) if w in english_common_words() and w not in rules.given_names]
    if verbs == common == [len(words) - 1]:  # "Pope Francis Calls for …": the subject of a headline's verb
        end = _word_starts(text, m.start, words)[-1]
        return Mention(m.start, len(text[:end].rstrip()), " ".join(words[:-1]), m.has_title), False
    if verbs or len(common) >= 2 or (common and common[0] < len(words) - 1 and len(_core(m.name, rules)) >= 4):
        tail = words[common[-1] + 1:]
        if not tail:
            return None
        start = _word_starts(text, m.start, words)[common[-1] + 1]
        return Mention(start, m.end, " ".join(tail), m.has_title), True
    return m, False


def _word_starts(text: str, start: int, words: list[str]) -> list[int]:
    """Where each of a name's words starts in the text, read in order from `start`."""
    out = []
    for word in words:
        start = re.compile(rf"(?<![\w’'.\-]){re.escape(word)}").search(text, start).start()
        out.append(start)
        start += len(word)
    return out


@lru_cache(maxsize=1)
def _small_words() -> frozenset:
    """The shipped function words in lower case ("amid", "over", "with", "from")."""
    return frozenset(w.lower() for w in read_rules().function_words if w.isalpha())


def _is_title_case(text: str) -> bool:
    """True for a headline written in title case ("Hegseth Rules Out Troop Deployment"), where
    capitals do not mark names: three words of four letters or more, all capitalised but the function
    words that title case writes in lower case ("… to Chicago amid Stalled Negotiations over
    Infrastructure"). A sentence with one long word in lower case is in sentence case ("President
    Joe Biden met with the family of Marine Corps Lance Cpl. Rylee McCollum on Sunday")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if len(w) >= 4]
    small = _small_words()
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 3 and all(w[0].isupper() for w in content)


def written_forms(names: pd.Series) -> str:
    """The distinct ways a name was written, sorted and joined by "; ", spaces of any kind (a page's
    no-break space) read as one space, so "President\xa0Joe Biden" is listed once with "President Joe
    Biden"."""
    return "; ".join(sorted({" ".join(str(name).split()) for name in names.dropna()}))


def count_actors(actors: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Mentions per actor and group: `actor`, `n_mentions`, `n_articles`, `mentions` (the ways it
    was written, "; "). Needs the table of `find_actors`."""
    table = actors.groupby([by, "actor"]).agg(n_mentions=("mention", "size"),
                                              n_articles=("article_id", "nunique"),
                                              mentions=("mention", written_forms))
    return table.reset_index().sort_values([by, "n_mentions", "actor"], ascending=[True, False, True],
                                           ignore_index=True)
