"""Tokens that say who wrote a text rather than what it says: the outlet's own name, its
signposts (lead-ins such as "Why it matters:" that one outlet repeats across events) and house
style words. `mark_set_aside` marks them, `find_signposts` lists the signposts, `count_set_aside`
counts what was set aside."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from ..ingest.outlets import site_label
from ..lexicons import load_data
from .counts import as_list
from .tokens import PARTY_TAG_RE, normalise_term, tokenize

_MEDIA_WORDS = frozenset({"news", "online", "times", "post", "daily", "weekly", "journal", "tribune",
                          "herald", "gazette", "magazine", "press", "radio", "television", "tv",
                          "media", "network", "review", "report", "opinion", "com", "the", "and", "of"})


def mark_set_aside(tokens: pd.DataFrame, *, outlets: Iterable[str] | None = None, sites: Iterable[str] = (),
                   house_style: str | Path | None = "house_style", term_col: str = "term") -> pd.DataFrame:
    """Mark the tokens that say who wrote a text rather than what it says, so distinctive-word
    statistics can leave them out without hiding them.

    Needs `term_col` (and `token`, `article_id`, `sentence_id`, `token_id` for outlet names of
    several words); `outlets` default to the table's `outlet` labels. Returns the same rows plus
    `set_aside`: "outlet name" for the words of an outlet's own name where it is written ("Fox
    News", "HuffPost") and for a distinctive word of the name on its own ("Fox") when the table never
    writes that word in lower case (so "new" of "New York Times" stays content); a name of one
    ordinary word ("Reason", "Slate", "The Week") only where written as the name: capitalised inside
    a sentence, not part of a longer name ("Capitol Hill", "Vice President"); a label made of words of
    lean ("Left", "Center", "Lean Right": [outlet_categories] of `house_style.toml`) is a category the
    user chose, and none of its words is set aside (pass `outlets=[]` for categories of other kinds);
    `sites` (the articles' urls) add the names of the sites they come from, as the text writes them:
    capitalised words that spell a site's domain ("Fox News" for foxnews.com, "CNN"), so
    outlets labelled by lean keep their own names out of the distinctive words too;
    "house style" for the
    terms of `house_style.toml` where the token is capitalised (honorifics "mr", abbreviated titles
    "sen", spellings "u.s.": "miss" of "to miss a deadline" stays content), the names those spellings
    stand for where written in full as the capitalised name ("United States", [spelled_out]: "the
    states" stays content) and the party-and-state tags after legislators' names ("R-S.C.", "D., N.Y.", one token each);
    "signpost" for the words of an outlet's recurring lead-ins, where they open a sentence (see
    `find_signposts`; needs the `lead_in` column of `unnest_tokens`); "" for every other token. Pass
    `house_style=None` to mark outlet names only.

    >>> tokens = unnest_tokens(sentences).pipe(mark_set_aside)   # doctest: +SKIP
    >>> log_odds(tokens[tokens["set_aside"] == ""])               # doctest: +SKIP
    """
    if outlets is None:
        outlets = tokens["outlet"].dropna().unique() if "outlet" in tokens else ()
    terms = tokens[term_col].astype(str)
    names = _outlet_names(chain(outlets, _site_names(tokens, terms, sites)), _categories(house_style))
    reason = pd.Series("", index=tokens.index, dtype=object)
    if house_style is not None:
        style = frozenset(chain.from_iterable(load_data(house_style)["terms"].values()))
        reason[terms.isin(style) & _capitalised(tokens)] = "house style"
        reason[_in_sequences(tokens, terms, _spelled_out(house_style), capitalised=True)] = "house style"
        reason[_party_tags(tokens)] = "house style"
        reason[_in_signposts(tokens, term_col)] = "signpost"
    reason[_in_sequences(tokens, terms, names)] = "outlet name"
    lower_written = set(tokens.loc[tokens["token"].str[:1].str.islower(), term_col]) if "token" in tokens else set()
    coined, ordinary = _lone_name_words(names, lower_written)
    reason[terms.isin(coined)] = "outlet name"
    reason[terms.isin(ordinary) & _written_as_name(tokens)] = "outlet name"
    return tokens.assign(set_aside=reason.to_numpy())


SIGNPOST_ARTICLES = 3
SIGNPOST_EVENTS = 2


def find_signposts(tokens: pd.DataFrame, *, group: str = "outlet", event: str | None = "event",
                   term_col: str = "term") -> pd.DataFrame:
    """An outlet's signposts: lead-ins it opens sentences with out of habit ("Why it matters:",
    "Driving the news:"), not for one story.

    A lead-in (`lead_in` of `unnest_tokens`: at most four words before a colon, opening a sentence)
    is a signpost of a `group` when that group opens sentences with it in at least
    `SIGNPOST_ARTICLES` (3) articles of at least `SIGNPOST_EVENTS` (2) events (the `event` column;
    without it, articles only), and it is made of common words rather than a name: its words after
    the first are written in lower case there, and a lead-in of one word is written in lower case
    somewhere else in the table (so "White House:" or a speaker's "Biden:" is no signpost, "Details:"
    can be). Lead-ins are compared by their terms as the table holds them (without stop words if they
    were dropped: "Why it matters" is "matters", a word after the first).

    Needs `article_id`, `sentence_id`, `token_id`, `token`, `term_col`, `lead_in`, `group`. Returns
    `group`, `signpost` (the terms, space-separated), `n_articles`, `n_events`; empty without `lead_in`.
    """
    return _signposts(tokens, group, event, term_col)[0]


def _signposts(tokens: pd.DataFrame, group: str, event: str | None, term_col: str):
    """`find_signposts`' table, and the `_lead_ins` rows of those signposts."""
    columns = [group, "signpost", "n_articles", "n_events"]
    if "lead_in" not in tokens or group not in tokens or not tokens["lead_in"].any():
        return pd.DataFrame(columns=columns), None
    leads = _lead_ins(tokens, group, event, term_col)
    leads = leads[leads.groupby("sentence")["lower"].transform("all")]  # not a name ("White House")
    one_word = leads.groupby("sentence")["first"].transform("all")
    if one_word.any():  # nor one word never written in lower case ("Biden")
        candidates = tokens[tokens[term_col].isin(set(leads.loc[one_word, "term"]))]
        lower_written = set(candidates.loc[candidates["token"].str[:1].str.islower(), term_col])
        leads = leads[~(one_word & ~leads["term"].isin(lower_written))]
    found = (leads.drop_duplicates("sentence").groupby([group, "terms"], observed=True)
             .agg(n_articles=("article_id", "nunique"), n_events=("event", "nunique")).reset_index())
    if event is None or event not in tokens:
        found["n_events"] = SIGNPOST_EVENTS
    found = found[(found["n_articles"] >= SIGNPOST_ARTICLES) & (found["n_events"] >= SIGNPOST_EVENTS)]
    keys = pd.MultiIndex.from_frame(found[[group, "terms"]])
    leads = leads[pd.MultiIndex.from_frame(leads[[group, "terms"]]).isin(keys)]
    found = found.rename(columns={"terms": "signpost"}).sort_values([group, "n_articles", "signpost"],
                                                                    ascending=[True, False, True])
    return found[columns].reset_index(drop=True), leads


def _lead_ins(tokens: pd.DataFrame, group: str, event: str | None, term_col: str) -> pd.DataFrame:
    """One row per lead-in token: its position in `tokens` (`row`), `sentence` (a code), `article_id`,
    `group`, `event`, `term`, `terms` (the lead-in's terms joined), `first` (the sentence's first
    word), `lower` (written in lower case, or first)."""
    rows = np.flatnonzero(tokens["lead_in"].to_numpy(dtype=bool))
    lead = tokens.iloc[rows]
    keys = [c for c in ("article_id", "sentence_id") if c in lead]
    first = lead["token_id"].to_numpy() == 0
    table = pd.DataFrame({"row": rows, "sentence": lead.groupby(keys, sort=False, observed=True).ngroup().to_numpy(),
                          "article_id": lead["article_id"].to_numpy(), group: lead[group].to_numpy(),
                          "event": lead[event].to_numpy() if event and event in lead else 0,
                          "term": lead[term_col].to_numpy(dtype=object), "first": first,
                          "lower": lead["token"].str[:1].str.islower().to_numpy(dtype=bool) | first})
    table["terms"] = table.groupby("sentence")["term"].transform(" ".join)
    return table


def _in_signposts(tokens: pd.DataFrame, term_col: str) -> np.ndarray:
    """True for the tokens of a lead-in that is a signpost of its outlet (`find_signposts`)."""
    marked = np.zeros(len(tokens), dtype=bool)
    found, leads = _signposts(tokens, "outlet", "event", term_col)
    if not found.empty:
        marked[leads["row"].to_numpy()] = True
    return marked


def _capitalised(tokens: pd.DataFrame) -> np.ndarray:
    """True for the tokens written with a capital first letter (all, without `token`): a title or
    honorific is house style where it stands before a name ("Miss Smith", "Gen. Milley"), while the
    same letters in lower case are a word ("to miss a deadline")."""
    if "token" not in tokens:
        return np.ones(len(tokens), dtype=bool)
    return tokens["token"].astype(str).str[:1].str.isupper().to_numpy(dtype=bool)


def _written_as_name(tokens: pd.DataFrame) -> np.ndarray:
    """True for the tokens written as a name of their own: capitalised, not opening their sentence
    (where every word is), and with no capitalised word right before them, nor right after unless
    they are possessive. "Hill" of "Capitol Hill", "Center" of "Pew Research Center", "Vice" of
    "Vice President" and the words of a headline in title case are parts of longer names; "Reason"
    of "Reason's Jacob Sullum" stands alone. Neighbours are the tokens of the table (a stop word left
    out counts as no capitalised word); none without `token` and `token_id`."""
    n = len(tokens)
    if "token" not in tokens or "token_id" not in tokens or not n:
        return np.zeros(n, dtype=bool)
    capital = _capitalised(tokens)
    follows = _follows(tokens)
    before = np.r_[False, follows[:-1] & capital[:-1]]  # the token before is a capitalised word
    after = np.r_[follows[:-1] & capital[1:], False]     # the token after is one
    possessive = tokens["token"].astype(str).str.contains(r"['\u2019\u02bc][sS]$").to_numpy(dtype=bool)
    return capital & (tokens["token_id"].to_numpy() > 0) & ~before & ~(after & ~possessive)


def _follows(tokens: pd.DataFrame) -> np.ndarray:
    """True at i when token i+1 comes right after token i in the same sentence (consecutive
    `token_id`, same `article_id` and `sentence_id`, in the table's order); False at the end."""
    ids = tokens["token_id"].to_numpy()
    follows = ids[1:] == ids[:-1] + 1
    for key in (c for c in ("article_id", "sentence_id") if c in tokens):
        values = tokens[key].to_numpy()
        follows &= values[1:] == values[:-1]
    return np.r_[follows, False]


def _party_tags(tokens: pd.DataFrame) -> np.ndarray:
    """True for the tokens that are a party-and-state tag as written ("R-S.C."; `PARTY_TAG_RE` of
    the tokenizer, which reads each tag as one token); needs `token`."""
    if "token" not in tokens:
        return np.zeros(len(tokens), dtype=bool)
    return tokens["token"].astype(str).map(lambda token: PARTY_TAG_RE.fullmatch(token) is not None).to_numpy(dtype=bool)


_SITE_RUN = 4  # the most words a site's name is written in ("The Wall Street Journal")


def _site_names(tokens: pd.DataFrame, terms: pd.Series, sites: Iterable[str]) -> list[str]:
    """The names of the sites of `sites` (urls or hosts) as the text writes them: runs of one to
    `_SITE_RUN` capitalised words in one sentence whose letters, joined, are the label naming a site
    (`site_label`: "Fox News" spells foxnews.com, "Washington Post" washingtonpost.com); each distinct run,
    as its terms. The tokens hold no stop words, so a name opening with one ("The Hill" of thehill.com) is
    not found."""
    labels = {site_label(site) for site in sites}
    labels.discard(None)
    if not labels or "token" not in tokens or "token_id" not in tokens or not len(tokens):
        return []
    letters = tokens["token"].astype(str).str.casefold().str.replace(r"[^a-z0-9]", "", regex=True).to_numpy(dtype=object)
    capital, follows, values = _capitalised(tokens), _follows(tokens), terms.to_numpy(dtype=object)
    found, joined, running = set(), letters.copy(), capital.copy()
    for length in range(1, _SITE_RUN + 1):
        if length > 1:  # extend each run starting at i by the token at i + length - 1
            joined = joined[:-1] + letters[length - 1:]
            running = running[:-1] & capital[length - 1:] & follows[length - 2:len(follows) - 1]
        for start in np.flatnonzero(running & pd.Series(joined).isin(labels).to_numpy()):
            found.add(" ".join(values[start:start + length]))
    return sorted(found)


def _outlet_names(outlets: Iterable[str], categories: frozenset = frozenset()) -> list[list[str]]:
    """Each outlet's name as terms, without a bracketed aside ("(Opinion)") or a first "the"; names
    left empty and categories (labels made of `categories` only: "Left", "Lean Right") are dropped."""
    names = [[normalise_term(t) for t in tokenize(re.sub(r"\s*[(\[].*?[)\]]", "", str(o)))] for o in outlets]
    names = [n[1:] if n and n[0] == "the" else n for n in names]
    return [n for n in names if n and not set(n) <= categories]


def _categories(house_style: str | Path | None) -> frozenset:
    """The words of outlet labels that are categories ([outlet_categories] of `house_style`, or of
    the shipped `house_style.toml` when it is None), as terms."""
    words = load_data(house_style or "house_style").get("outlet_categories", {}).get("words", [])
    return frozenset(normalise_term(str(w)) for w in words)


def _lone_name_words(names: list[list[str]], lower_written: set) -> tuple[set, set]:
    """The words that stand for a whole outlet name, in two sets. Coined: the one distinctive word
    (not a media word, place or nationality) of a name that has exactly one, which the table never
    writes in lower case ("fox" of Fox News, "huffpost", "cnn"). Ordinary: a name of one word that
    the table also writes in lower case (`lower_written`: "reason", "slate", "week" of The Week),
    which is the name only where written as one; a word of a longer name ("world" of U.S. News &
    World Report) is no name on its own."""
    common = _common_name_words()
    coined, ordinary = set(), set()
    for name in names:
        distinctive = [w for w in name if w not in _MEDIA_WORDS and w not in common]
        if len(distinctive) != 1:
            continue
        if distinctive[0] not in lower_written:
            coined.add(distinctive[0])
        elif len(name) == 1:
            ordinary.add(distinctive[0])
    return coined, ordinary


def _spelled_out(house_style: str | Path) -> list[list[str]]:
    """The names of [spelled_out] in `house_style`, each as its terms ("united states" → ["united", "states"])."""
    return [str(name).split() for name in load_data(house_style).get("spelled_out", {}).get("names", [])]


def _in_sequences(tokens: pd.DataFrame, terms: pd.Series, names: list[list[str]], *,
                  capitalised: bool = False) -> np.ndarray:
    """True for the tokens that are part of a whole name of two or more words (an outlet's, a name
    written in full), in sequence (consecutive `token_id` in one sentence, in the table's order); with
    `capitalised`, only where every word of the name but "of" is written with a capital."""
    marked = np.zeros(len(tokens), dtype=bool)
    keys = [c for c in ("article_id", "sentence_id") if c in tokens]
    if "token_id" not in tokens or not keys or not len(tokens):
        return marked
    follows = _follows(tokens)
    values, n = terms.to_numpy(dtype=object), len(tokens)
    written = _capitalised(tokens) | (values == "of") if capitalised else np.ones(n, dtype=bool)
    for name in (name for name in names if len(name) > 1):
        starts = (values == name[0]) & written
        for k, word in enumerate(name[1:], start=1):  # word k follows word k-1 of the same sentence
            step = np.zeros(n, dtype=bool)
            step[:n - k] = (values[k:] == word) & written[k:] & follows[k - 1:n - 1]
            starts &= step
        for k in range(len(name)):
            marked[np.flatnonzero(starts) + k] = True
    return marked


@lru_cache(maxsize=1)
def _common_name_words() -> frozenset:
    """Words of outlet names that are content elsewhere: places ("washington", "texas") and
    nationality adjectives ("american"), from `framing.actors`' lists."""
    from ..actors import read_rules

    rules = read_rules()
    words = chain.from_iterable(normalise_term(w).split() for w in rules.places | rules.adjectives)
    return frozenset(words)


def count_set_aside(tokens: pd.DataFrame, *, by: str | Iterable[str] | None = "outlet",
                    term_col: str = "term") -> pd.DataFrame:
    """The set-aside terms of `mark_set_aside` per group: the `by` columns, `term`, `set_aside`
    (the reason) and `n`, most frequent first (what a distinctive-word list leaves out, and why)."""
    aside = tokens[tokens["set_aside"] != ""]
    keys = [*as_list(by), term_col, "set_aside"]
    counts = aside.groupby(keys, observed=True).size().rename("n").reset_index()
    return counts.sort_values([*as_list(by), "n", term_col], ascending=[True] * len(as_list(by)) + [False, True],
                              ignore_index=True)
