"""Words that set outlets apart: tokens, counts, TF-IDF, log-odds, keyness, collocations, KWIC.

Every verb takes a table and returns a new one:

- `unnest_tokens(sentences)` → one row per token (`term` is the normalised form that is counted);
- `count_terms(tokens, by=...)` → n and share of each term per group;
- `tfidf(tokens, by=...)` → tf, idf, tf_idf per group (groups are the "documents");
- `log_odds(tokens, group=...)` → weighted log-odds with an informative Dirichlet prior and
  z-scores (Monroe, Colaresi & Quinn 2008), one group against the rest or pairwise;
- `keyness(tokens, group=...)` → log-likelihood G² (Dunning 1993; Rayson & Garside 2000), chi²,
  and the log ratio effect size (Hardie 2014);
- `collocations(tokens)` → bigrams scored by NLTK's association measures;
- `kwic(sentences, "term")` → each match with its left and right context.

The term statistics accept either a tokens table (one row per token) or a table of counts with a
column `n` (one row per group and term), so counts gathered chunk by chunk can be analysed too.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from scipy.special import xlogy
from scipy.stats import chi2 as _chi2

from .config import CONTENT_KINDS
from .lexicons import load_data
from .store import keep_kinds

# A token is one of, tried in this order:
# - letters joined by periods, maybe hyphenated on: "U.S.", "e.g.", "a.m.", "U.S.-led";
# - a number with decimal or thousands separators, maybe a unit glued on: "1,479", "3.5", "1.5bn";
# - a word: letters and digits, with inner apostrophes ("don't", "Ukraine’s") and inner hyphens
#   ("pre-2014", "non-NATO", "war-torn").
# Punctuation, symbols, dashes and quote marks are not tokens. A closing curly quote after a word
# ("the ‘unrealistic’ goal") is not taken for an apostrophe, since an apostrophe must have a letter
# after it.
_HYPHEN = "-\u2010\u2011"
TOKEN_PATTERN = rf"""
    [^\W\d_](?:\.[^\W\d_])+\.?(?:[{_HYPHEN}]\w+)*
  | \d+(?:[.,]\d+)+[^\W\d_]*
  | \w+(?:['\u2019]\w+)*(?:[{_HYPHEN}]\w+(?:['\u2019]\w+)*)*
"""
# Compiled once with the standard library. `nltk.tokenize.RegexpTokenizer(TOKEN_PATTERN,
# flags=re.VERBOSE)` gives the same tokens (NFC text), but NLTK 3.10 runs every caller pattern
# through its ReDoS guard (the `regex` engine under a timeout), which is 3-4 times slower here; this
# pattern has no nested quantifier over one sub-pattern, so the guard buys nothing.
_TOKEN_RE = re.compile(TOKEN_PATTERN, re.VERBOSE)

# Normalising a token into a term: one apostrophe, one hyphen, no final possessive 's.
_CHARMAP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_POSSESSIVE = re.compile(r"'[sS]$")

# A lead-in: at most four words opening a sentence or paragraph, then a colon and a space or the
# end ("Why it matters: ...", "The big picture: ..."); a clock time ("10:30") has no space after.
_LEAD_IN = re.compile(r"[\s\"'\u201c\u2018*\u2022-]*((?:[^\W_][\w'\u2019-]*[ \t]+){0,3}[^\W_][\w'\u2019-]*)[ \t]*:(?=\s|$)")
LEAD_IN_WORDS = 4

# Columns of the sentence table that describe one sentence rather than a group; tokens do not
# repeat them (join back on article_id and sentence_id when needed).
_SENTENCE_ONLY = ("text", "n_words", "paragraph_id", "position", "line_start", "line_end")

_MEASURES = {
    "llr": BigramAssocMeasures.likelihood_ratio,
    "pmi": BigramAssocMeasures.pmi,
    "chi2": BigramAssocMeasures.chi_sq,
    "t": BigramAssocMeasures.student_t,
    "dice": BigramAssocMeasures.dice,
}


# ---------------------------------------------------------------------------------------- tokens

def tokenize(text: str) -> list[str]:
    """The tokens of `text` (`TOKEN_PATTERN`), as written after Unicode NFC normalisation (so an
    accent typed as a combining mark stays inside its word).

    >>> tokenize("The U.S. rules out Ukraine’s pre-2014 borders.")
    ['The', 'U.S.', 'rules', 'out', 'Ukraine’s', 'pre-2014', 'borders']
    """
    return _TOKEN_RE.findall(_nfc(text))


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalise_term(token: str, *, lowercase: bool = True) -> str:
    """The term a token is counted as: straight apostrophe and hyphen, lower case (by default),
    and a final possessive 's removed ("Ukraine’s" → "ukraine", "U.S." → "u.s.")."""
    term = token.translate(_CHARMAP)
    if lowercase:
        term = term.lower()
    return _POSSESSIVE.sub("", term)


def read_stopwords(stopwords: str | Path | Iterable[str] | None = None) -> tuple[frozenset, str]:
    """The stop words and the version of their list.

    `stopwords` is None (the shipped `stopwords.toml`), the name or path of a TOML file with the
    same layout (every list under `[words]`), or any collection of words (version "custom").
    Words are normalised as terms are (lower case, straight apostrophe).
    """
    if stopwords is None or isinstance(stopwords, (str, Path)):
        data = load_data(stopwords or "stopwords")
        words = chain.from_iterable(data.get("words", {}).values())
        version = str(data["version"])
    else:
        words, version = stopwords, "custom"
    return frozenset(normalise_term(str(word)) for word in words), version


def _lead_in_length(text: str) -> int:
    """How many tokens open `text` before a colon (`_LEAD_IN`), or 0: none, or more than four."""
    match = _LEAD_IN.match(_nfc(text))
    if not match:
        return 0
    n = len(tokenize(match.group(1)))
    return n if n <= LEAD_IN_WORDS else 0


def _group_columns(sentences: pd.DataFrame, text_col: str) -> list[str]:
    """`article_id`, `sentence_id`, then the other columns that are not text or per-sentence
    measures (`outlet`, `event`, `kind`, a user's own group columns)."""
    keys = [c for c in ("article_id", "sentence_id") if c in sentences]
    return keys + [c for c in sentences.columns
                   if c not in keys and c not in _SENTENCE_ONLY and c != text_col]


def unnest_tokens(sentences: pd.DataFrame, *, lowercase: bool = True, drop_stopwords: bool = True,
                  stopwords: str | Path | Iterable[str] | None = None, text_col: str = "text",
                  kinds: Iterable[str] | None = CONTENT_KINDS) -> pd.DataFrame:
    """One row per token of each sentence.

    Needs `text_col`; uses `kind` when present (only `kinds` are kept; None keeps every row).
    Returns `article_id`, `sentence_id`, and every other column of `sentences` that describes a
    group (`outlet`, `event`, `kind`, columns you added), then `token_id` (0-based position among
    all tokens of the sentence, stop words included, so ids stay stable when stop words are
    dropped), `token` (as written), `term` (see `normalise_term`; lower-cased only if `lowercase`),
    `is_stopword`, `lead_in` (the token is one of the at most four words that open the sentence
    before a colon, as in "Why it matters: ..."; `mark_set_aside` finds outlets' signposts with it).
    `attrs["lexicons"]` records the stop-word list's version.

    >>> tokens = unnest_tokens(sentences)                       # doctest: +SKIP
    >>> tokens = unnest_tokens(sentences, drop_stopwords=False)  # doctest: +SKIP
    """
    sentences = keep_kinds(sentences, kinds)
    words, version = read_stopwords(stopwords)
    # Each distinct text is tokenised once (copies of wire stories and repeated boilerplate are
    # common), each distinct token normalised and looked up in the stop words once.
    text_codes, distinct = pd.factorize(sentences[text_col].fillna("").astype(str))
    distinct_lists = [tokenize(text) for text in distinct]
    distinct_lengths = np.fromiter(map(len, distinct_lists), dtype=np.int64, count=len(distinct_lists))
    distinct_codes, uniques = pd.factorize(np.array(list(chain.from_iterable(distinct_lists)), dtype=object))
    lengths = distinct_lengths[text_codes]
    rows = np.repeat(np.arange(len(text_codes)), lengths)
    token_ids = np.arange(len(rows)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    codes = distinct_codes[(np.cumsum(distinct_lengths) - distinct_lengths)[text_codes[rows]] + token_ids]
    tokens = sentences[_group_columns(sentences, text_col)].take(rows).reset_index(drop=True)
    tokens["token_id"] = token_ids
    terms = np.array([normalise_term(t, lowercase=lowercase) for t in uniques], dtype=object)
    stop = np.array([t.lower() in words for t in terms], dtype=bool)
    tokens["token"] = pd.array(uniques, dtype="str").take(codes)
    tokens["term"] = pd.array(terms, dtype="str").take(codes)
    tokens["is_stopword"] = stop[codes]
    lead_lengths = np.fromiter(map(_lead_in_length, distinct), dtype=np.int64, count=len(distinct))
    tokens["lead_in"] = token_ids < lead_lengths[text_codes[rows]]
    if drop_stopwords:
        tokens = tokens[~tokens["is_stopword"]].reset_index(drop=True)
    tokens.attrs["lexicons"] = {"stopwords": version}
    return tokens


# ------------------------------------------------------------------------------------ set aside

_MEDIA_WORDS = frozenset({"news", "online", "times", "post", "daily", "weekly", "journal", "tribune",
                          "herald", "gazette", "magazine", "press", "radio", "television", "tv",
                          "media", "network", "review", "report", "opinion", "com", "the", "and", "of"})


def mark_set_aside(tokens: pd.DataFrame, *, outlets: Iterable[str] | None = None,
                   house_style: str | Path | None = "house_style", term_col: str = "term") -> pd.DataFrame:
    """Mark the tokens that say who wrote a text rather than what it says, so distinctive-word
    statistics can leave them out without hiding them.

    Needs `term_col` (and `token`, `article_id`, `sentence_id`, `token_id` for outlet names of
    several words); `outlets` default to the table's `outlet` labels. Returns the same rows plus
    `set_aside`: "outlet name" for the words of an outlet's own name where it is written ("Fox
    News", "HuffPost") and for a distinctive word of the name on its own ("Fox") when the table never
    writes that word in lower case (so "new" of "New York Times" stays content); "house style" for the
    terms of `house_style.toml` (honorifics "mr", abbreviated titles "sen", spellings "u.s.");
    "signpost" for the words of an outlet's recurring lead-ins, where they open a sentence (see
    `find_signposts`; needs the `lead_in` column of `unnest_tokens`); "" for every other token. Pass
    `house_style=None` to mark outlet names only.

    >>> tokens = unnest_tokens(sentences).pipe(mark_set_aside)   # doctest: +SKIP
    >>> log_odds(tokens[tokens["set_aside"] == ""])               # doctest: +SKIP
    """
    if outlets is None:
        outlets = tokens["outlet"].dropna().unique() if "outlet" in tokens else ()
    names = _outlet_names(outlets)
    terms = tokens[term_col].astype(str)
    reason = pd.Series("", index=tokens.index, dtype=object)
    if house_style is not None:
        style = frozenset(chain.from_iterable(load_data(house_style)["terms"].values()))
        reason[terms.isin(style)] = "house style"
        reason[_in_signposts(tokens, term_col)] = "signpost"
    reason[_in_outlet_names(tokens, terms, names)] = "outlet name"
    lower_written = set(tokens.loc[tokens["token"].str[:1].str.islower(), term_col]) if "token" in tokens else set()
    reason[terms.isin(_lone_name_words(names, lower_written))] = "outlet name"
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


def _outlet_names(outlets: Iterable[str]) -> list[list[str]]:
    """Each outlet's name as terms, without a bracketed aside ("(Opinion)") or a first "the"; names
    left empty are dropped."""
    names = [[normalise_term(t) for t in tokenize(re.sub(r"\s*[(\[].*?[)\]]", "", str(o)))] for o in outlets]
    names = [n[1:] if n and n[0] == "the" else n for n in names]
    return [n for n in names if n]


def _lone_name_words(names: list[list[str]], lower_written: set) -> set:
    """The one distinctive word of each outlet name that has exactly one ("fox" of Fox News,
    "huffpost", "cnn"): not a media word, place or nationality, and never written in lower case
    (`lower_written`)."""
    common = _common_name_words()
    alone = set()
    for name in names:
        distinctive = [w for w in name if w not in _MEDIA_WORDS and w not in common]
        if len(distinctive) == 1 and distinctive[0] not in lower_written:
            alone.add(distinctive[0])
    return alone


def _in_outlet_names(tokens: pd.DataFrame, terms: pd.Series, names: list[list[str]]) -> np.ndarray:
    """True for the tokens that are part of a whole outlet name of two or more words, in sequence
    (consecutive `token_id` in one sentence, in the table's order)."""
    marked = np.zeros(len(tokens), dtype=bool)
    keys = [c for c in ("article_id", "sentence_id") if c in tokens]
    if "token_id" not in tokens or not keys or not len(tokens):
        return marked
    ids = tokens["token_id"].to_numpy()
    follows = ids[1:] == ids[:-1] + 1  # token i+1 comes right after token i …
    for key in keys:  # … in the same sentence
        values = tokens[key].to_numpy()
        follows &= values[1:] == values[:-1]
    follows = np.r_[follows, False]
    values, n = terms.to_numpy(dtype=object), len(tokens)
    for name in (name for name in names if len(name) > 1):
        starts = values == name[0]
        for k, word in enumerate(name[1:], start=1):  # word k follows word k-1 of the same sentence
            step = np.zeros(n, dtype=bool)
            step[:n - k] = (values[k:] == word) & follows[k - 1:n - 1]
            starts &= step
        for k in range(len(name)):
            marked[np.flatnonzero(starts) + k] = True
    return marked


@lru_cache(maxsize=1)
def _common_name_words() -> frozenset:
    """Words of outlet names that are content elsewhere: places ("washington", "texas") and
    nationality adjectives ("american"), from `framing.actors`' lists."""
    from .actors import read_rules

    rules = read_rules()
    words = chain.from_iterable(normalise_term(w).split() for w in rules.places | rules.adjectives)
    return frozenset(words)


def count_set_aside(tokens: pd.DataFrame, *, by: str | Iterable[str] | None = "outlet",
                    term_col: str = "term") -> pd.DataFrame:
    """The set-aside terms of `mark_set_aside` per group: the `by` columns, `term`, `set_aside`
    (the reason) and `n`, most frequent first (what a distinctive-word list leaves out, and why)."""
    aside = tokens[tokens["set_aside"] != ""]
    keys = [*_as_list(by), term_col, "set_aside"]
    counts = aside.groupby(keys, observed=True).size().rename("n").reset_index()
    return counts.sort_values([*_as_list(by), "n", term_col], ascending=[True] * len(_as_list(by)) + [False, True],
                              ignore_index=True)


# ------------------------------------------------------------------------------- term statistics

def _as_list(by: str | Iterable[str] | None) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _term_counts(tokens: pd.DataFrame, by: list[str], term_col: str) -> pd.DataFrame:
    """`by` columns, `term_col`, `n`: rows of a tokens table counted, or the `n` of a counts table
    summed."""
    missing = [c for c in [*by, term_col] if c not in tokens]
    if missing:
        raise KeyError(f"the table has no column {missing[0]!r} (columns: {list(tokens.columns)})")
    keys = [*by, term_col]
    if "n" in tokens:
        counts = tokens.groupby(keys, observed=True, sort=False)["n"].sum()
    else:
        counts = tokens.groupby(keys, observed=True, sort=False).size()
    counts = counts.rename("n").reset_index()
    return counts[counts["n"] > 0].reset_index(drop=True)


def _with_lexicons(table: pd.DataFrame, source: pd.DataFrame) -> pd.DataFrame:
    """`table` with the stop-word list version of `source`'s tokens, when known, as a last column
    `stopwords_version` and in `attrs["lexicons"]` (exported tables then still say it)."""
    lexicons = dict(source.attrs.get("lexicons", {}))
    table.attrs = {"lexicons": lexicons} if lexicons else {}
    if "stopwords" in lexicons:
        table["stopwords_version"] = lexicons["stopwords"]
    return table


def count_terms(tokens: pd.DataFrame, *, by: str | Iterable[str] | None = "outlet",
                term_col: str = "term") -> pd.DataFrame:
    """How often each term occurs per group.

    Needs `term_col` and the `by` columns (None: the whole table is one group); a counts table with
    a column `n` is summed instead of counted. Returns the `by` columns, `term`, `n` and `share`
    (n / the group's total), most frequent first within each group.
    """
    by = _as_list(by)
    counts = _term_counts(tokens, by, term_col)
    totals = counts.groupby(by, observed=True)["n"].transform("sum") if by else counts["n"].sum()
    counts["share"] = counts["n"] / totals
    counts = counts.sort_values([*by, "n", term_col], ascending=[True] * len(by) + [False, True])
    return _with_lexicons(counts.reset_index(drop=True), tokens)


def tfidf(tokens: pd.DataFrame, *, by: str | Iterable[str] = "outlet",
          term_col: str = "term") -> pd.DataFrame:
    """TF-IDF of each term in each group, the groups taken as the documents (Spärck Jones 1972;
    the tidytext convention, Silge & Robinson 2016).

    tf = n / total terms of the group; idf = ln(number of groups / groups using the term);
    tf_idf = tf × idf (0 for a term every group uses). Needs `term_col` and the `by` columns (or a
    counts table with `n`). Returns the `by` columns, `term`, `n`, `tf`, `idf`, `tf_idf`, highest
    tf_idf first within each group.
    """
    by = _as_list(by)
    if not by:
        raise ValueError("tfidf needs groups: pass by='outlet' (or another column)")
    counts = _term_counts(tokens, by, term_col)
    n_groups = len(counts.groupby(by, observed=True))
    groups_with_term = counts.groupby(term_col)[term_col].transform("size")
    counts["tf"] = counts["n"] / counts.groupby(by, observed=True)["n"].transform("sum")
    counts["idf"] = np.log(n_groups / groups_with_term)
    counts["tf_idf"] = counts["tf"] * counts["idf"]
    counts = counts.sort_values([*by, "tf_idf", term_col],
                                ascending=[True] * len(by) + [False, True])
    return _with_lexicons(counts.reset_index(drop=True), tokens)


def _prior(pooled: pd.Series, prior: Mapping | pd.Series | None, alpha0: float | None) -> pd.Series:
    """α_w for every term of `pooled` (term → count), summing to alpha0 (default: pooled total).

    Without a `prior` the proportions are the pooled counts; with one (term → count in a background
    corpus) they are its counts plus one, so terms it lacks still get a little weight."""
    total = float(pooled.sum()) if alpha0 is None else float(alpha0)
    if total <= 0:
        raise ValueError("alpha0 must be positive")
    if prior is None:
        weights = pooled.astype(float)
    else:
        weights = pd.Series(prior, dtype=float).reindex(pooled.index).fillna(0.0) + 1.0
    return weights / weights.sum() * total


def _delta(y_i, n_i, y_j, n_j, alpha, alpha0):
    """Monroe et al. (2008) eq. 16 and 18: log-odds ratio with the prior, its standard error."""
    log_odds = (np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha))
                - np.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha)))
    se = np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
    return log_odds, se


def log_odds(tokens: pd.DataFrame, *, group: str = "outlet", prior: Mapping | pd.Series | None = None,
             alpha0: float | None = None, pairs: bool = False, versus: str | None = None,
             event: str | None = "event", article: str = "article_id", term_col: str = "term") -> pd.DataFrame:
    """Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
    "Fightin' Words", Political Analysis 16(4)).

    For group i against j and term w, with counts y, group totals n and prior α_w summing to α0:
    log_odds = ln[(y_wi + α_w) / (n_i + α0 − y_wi − α_w)] − ln[(y_wj + α_w) / (n_j + α0 − y_wj − α_w)],
    se = √(1/(y_wi + α_w) + 1/(y_wj + α_w)), z = log_odds / se. Positive z: i uses w more.

    The prior: α_w = α0 × (pooled count of w / pooled total), α0 = the pooled total by default (so
    α_w is the term's pooled count: the empirical-Bayes default of the tidylo package). Pass
    `prior` (term → count in a background corpus) and/or `alpha0` to change it.

    Comparisons: by default each group against all the others pooled (j = "the rest"), one row per
    term the group uses; `pairs=True` every pair of groups (i before j in sorted order);
    `versus="X"` every group against X. Pairwise rows cover terms either group uses.

    Events: when the table has `event`, the words of events covered by one group only are left out
    (`stats.comparable`, the rule of the permutation tests and of `log_odds_threshold`): such an
    event's topic words would count as its outlet's style, and no shuffle within the event could
    say otherwise. Rows without an event are one pool. `attrs["left_out"]` holds `n_articles`
    (distinct `article`, when the table has it) and `n_events` left out (`stats.left_out`; say them
    with `stats.describe_left_out`); when nothing is left to compare the table is empty.

    Needs `group` and `term_col` (tokens, or counts with `n`). Returns `group`'s column, `versus`
    (pairwise only), `term`, `count`, `count_other`, `log_odds`, `se`, `z`; highest z first.
    """
    if pairs and versus is not None:
        raise ValueError("pass either pairs=True or versus=..., not both")
    counts = _term_counts(tokens, [group], term_col)
    groups = sorted(counts[group].unique())
    if len(groups) < 2:
        raise ValueError(f"log_odds needs at least two groups in {group!r}; found {groups}")
    part, dropped = _comparable_part(tokens, group, event, article)
    if part is not tokens:  # some events left out (or the unevented pool renamed): count what is left
        tokens, counts = part, _term_counts(part, [group], term_col)
    groups = sorted(counts[group].unique())
    if len(groups) < 2:  # every event is covered by one group: nothing to compare
        columns = [group, *(["versus"] if pairs or versus is not None else []), "term", "count", "count_other",
                   "log_odds", "se", "z"]
        return _left_out_in(_with_lexicons(pd.DataFrame(columns=columns), tokens), dropped)
    pooled = counts.groupby(term_col)["n"].sum()
    alpha = _prior(pooled, prior, alpha0)
    a0 = float(alpha.sum())
    if pairs or versus is not None:
        table = _log_odds_pairs(counts, group, term_col, groups, alpha, a0, versus)
        order = [group, "versus"]
    else:
        table = _log_odds_rest(counts, group, term_col, pooled, alpha, a0)
        order = [group]
    table = table.sort_values([*order, "z", term_col], ascending=[True] * len(order) + [False, True])
    return _left_out_in(_with_lexicons(table.reset_index(drop=True), tokens), dropped)


def _comparable_part(tokens: pd.DataFrame, group: str, event: str | None, article: str
                     ) -> tuple[pd.DataFrame, dict]:
    """The rows of events with two groups or more (`stats.comparable`) and `stats.left_out`'s
    counts of the rest; the table as it is when it has no `event` column. Rows without an event
    are one pool: their `event` is `_NO_EVENT` in the rows returned, so counts keep them."""
    from .stats import comparable, left_out

    if not event or event not in tokens:
        return tokens, {"n_articles": 0, "n_events": 0}
    keep = comparable(tokens[group].to_numpy(), tokens[event].to_numpy())
    dropped = left_out(tokens, keep, article=article, event=event)
    part = tokens if keep.all() else tokens[keep]
    if part[event].isna().any():
        part = part.assign(**{event: part[event].astype(object).where(part[event].notna(), _NO_EVENT)})
    part.attrs = dict(tokens.attrs)
    return part, dropped


_NO_EVENT = "\x00no event"  # the pool of rows without an event, while counting


def _left_out_in(table: pd.DataFrame, dropped: dict) -> pd.DataFrame:
    """`table` with `attrs["left_out"]` (what `_comparable_part` left out)."""
    table.attrs["left_out"] = dict(dropped)
    return table


def _log_odds_rest(counts, group, term_col, pooled, alpha, a0) -> pd.DataFrame:
    y_i = counts["n"].to_numpy(float)
    y_j = counts[term_col].map(pooled).to_numpy(float) - y_i
    n_i = counts.groupby(group)["n"].transform("sum").to_numpy(float)
    n_j = float(pooled.sum()) - n_i
    a = counts[term_col].map(alpha).to_numpy(float)
    delta, se = _delta(y_i, n_i, y_j, n_j, a, a0)
    return pd.DataFrame({group: counts[group], "term": counts[term_col], "count": y_i.astype(int),
                         "count_other": y_j.astype(int), "log_odds": delta, "se": se,
                         "z": delta / se})


def _log_odds_pairs(counts, group, term_col, groups, alpha, a0, versus) -> pd.DataFrame:
    by_group = {g: c.set_index(term_col)["n"] for g, c in counts.groupby(group)}
    if versus is None:
        pairs = [(a, b) for k, a in enumerate(groups) for b in groups[k + 1:]]
    elif versus not in by_group:
        raise ValueError(f"versus={versus!r} is not a value of {group!r}: {groups}")
    else:
        pairs = [(g, versus) for g in groups if g != versus]
    parts = []
    for first, second in pairs:
        both = pd.concat([by_group[first], by_group[second]], axis=1, keys=["i", "j"]).fillna(0)
        y_i, y_j = both["i"].to_numpy(float), both["j"].to_numpy(float)
        a = alpha.reindex(both.index).to_numpy(float)
        n_i, n_j = float(by_group[first].sum()), float(by_group[second].sum())
        delta, se = _delta(y_i, n_i, y_j, n_j, a, a0)
        parts.append(pd.DataFrame({group: first, "versus": second, "term": both.index,
                                   "count": y_i.astype(int), "count_other": y_j.astype(int),
                                   "log_odds": delta, "se": se, "z": delta / se}))
    return pd.concat(parts, ignore_index=True)


def log_odds_threshold(tokens: pd.DataFrame, *, group: str = "outlet", article: str = "article_id",
                       event: str | None = "event", prior: Mapping | pd.Series | None = None,
                       alpha0: float | None = None, n_permutations: int = 200, quantile: float = 0.95,
                       seed: int = 0, term_col: str = "term") -> pd.Series:
    """A threshold for the one-vs-rest log-odds z-scores of `log_odds`, calibrated by permutation.

    Under the informative prior z is not standard normal, and a corpus has thousands of terms, so
    1.96 says little. Here the `group` labels are shuffled among articles (within events when the
    table has `event`; `stats.shuffle_within`), `log_odds` is recomputed with the same prior for
    each of `n_permutations` shuffles, and the threshold is the `quantile` (0.95) of the largest
    |z| over every group and term: were outlets alike at the level of articles, the chance that
    any term of any group passes it is about 5% (a family-wise rate, checked in
    benchmarks/bench_stats.py).

    Events covered by one group only are left out, as `log_odds` leaves them out (`stats.comparable`):
    their labels never move under the shuffle, so their topic words would pass for that group's in
    every permutation and raise the threshold until nothing passes it.

    Needs `group`, `article`, `term_col` (a tokens table, or counts with `n` per article). Returns a
    Series: `threshold`, `quantile`, `n_permutations`, `n_articles`, `n_events` (those compared),
    `n_articles_left_out`, `n_events_left_out` (covered by one group), `observed_max_z` (the largest
    |z| of the real labels) and `note` (why there is no threshold, if none: one article per
    outlet leaves nothing to shuffle; no event covered by two groups).
    """
    from scipy import sparse

    from .stats import NOTHING_TO_TEST, shuffle_within

    keys = [article, group] + ([event] if event and event in tokens else [])
    if _term_counts(tokens, [group], term_col)[group].nunique() < 2:
        raise ValueError(f"log_odds_threshold needs at least two groups in {group!r}")
    tokens, dropped = _comparable_part(tokens, group, event, article)
    left = {"n_articles_left_out": dropped["n_articles"], "n_events_left_out": dropped["n_events"]}
    counts = _term_counts(tokens, keys, term_col)
    if counts.empty:
        return pd.Series({"threshold": np.nan, "quantile": quantile, "n_permutations": n_permutations,
                          "n_articles": 0, "n_events": 0, **left, "observed_max_z": np.nan,
                          "note": f"no event is covered by two {group}s or more: nothing to compare"})
    articles = counts.drop_duplicates(article)[keys].reset_index(drop=True)
    if articles[article].duplicated().any():
        raise ValueError(f"each {article} must belong to one {group}")
    rows = pd.Index(articles[article]).get_indexer(counts[article])
    term_codes, terms = pd.factorize(counts[term_col])
    matrix = sparse.csr_matrix((counts["n"].to_numpy(float), (rows, term_codes)),
                               shape=(len(articles), len(terms)))
    pooled = np.asarray(matrix.sum(axis=0)).ravel()
    alpha = _prior(pd.Series(pooled, index=terms), prior, alpha0).to_numpy(float)
    strata = articles[event].to_numpy() if len(keys) == 3 else None
    group_codes, groups = pd.factorize(articles[group])
    n_events = int(articles[event].nunique(dropna=False)) if strata is not None else 1
    result = {"threshold": np.nan, "quantile": quantile, "n_permutations": n_permutations,
              "n_articles": len(articles), "n_events": n_events, **left,
              "observed_max_z": _max_abs_z(matrix, group_codes, len(groups), pooled, alpha), "note": ""}
    if articles[group].value_counts().max() == 1:  # shuffles would only swap the groups' names
        result["note"] = NOTHING_TO_TEST
        return pd.Series(result)
    shuffled = shuffle_within(group_codes, strata, n=n_permutations, seed=seed)
    maxima = [_max_abs_z(matrix, labels, len(groups), pooled, alpha) for labels in shuffled]
    result["threshold"] = float(np.quantile(maxima, quantile))
    return pd.Series(result)


def _max_abs_z(matrix, labels: np.ndarray, n_groups: int, pooled: np.ndarray, alpha: np.ndarray) -> float:
    """The largest |z| of the one-vs-rest log-odds over every group and the terms it uses, with
    articles (rows of `matrix`) labelled by `labels`."""
    from scipy import sparse

    indicator = sparse.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))),
                                  shape=(n_groups, len(labels)))
    used = (indicator @ matrix).tocoo()  # only the terms each group uses, as log_odds reports them
    if not used.nnz:
        return 0.0
    y_i = used.data
    n_i = np.asarray(used.sum(axis=1)).ravel()[used.row]
    y_all = pooled[used.col]
    delta, se = _delta(y_i, n_i, y_all - y_i, pooled.sum() - n_i, alpha[used.col], alpha.sum())
    return float(np.abs(delta / se).max())


def keyness(tokens: pd.DataFrame, *, group: str = "outlet", target: str | None = None,
            term_col: str = "term") -> pd.DataFrame:
    """Keywords of a group against the rest of the corpus (the reference).

    For term w: a = its count in the target, b = in the reference; c, d = the two totals. On the
    2×2 table [[a, b], [c − a, d − b]] with expected counts E = row total × column total / N:
    G² = 2 Σ O ln(O/E) (log-likelihood, Dunning 1993; Rayson & Garside 2000), chi² = Σ (O − E)²/E
    (Pearson, no continuity correction), p_value from chi-square with 1 df on G²,
    log_ratio = log2[(a/c) / (b/d)] with a zero count taken as 0.5 (Hardie 2014), `use` = "over"
    when the target's rate is higher, "under" when lower.

    G² and its p_value take every word as an independent draw, and words come in articles: they rank
    terms for reading, they are no test between outlets (`docs/statistics.md`; the calibrated
    threshold of the log-odds is that test).

    `target=None`: every group against the rest, rows for the terms it uses. `target="X"`: X
    against the rest, rows for every term of the corpus (so terms X never uses show as under-use).
    Needs `group` and `term_col` (tokens, or counts with `n`). Returns `group`'s column, `term`,
    `count`, `count_other`, `g2`, `chi2`, `p_value`, `log_ratio`, `use`; highest G² first.
    """
    counts = _term_counts(tokens, [group], term_col)
    groups = sorted(counts[group].unique())
    if len(groups) < 2:
        raise ValueError(f"keyness needs at least two groups in {group!r}; found {groups}")
    pooled = counts.groupby(term_col)["n"].sum()
    totals = counts.groupby(group)["n"].sum()
    if target is not None:
        if target not in groups:
            raise ValueError(f"target={target!r} is not a value of {group!r}: {groups}")
        mine = counts[counts[group] == target].set_index(term_col)["n"]
        counts = pd.DataFrame({group: target, term_col: pooled.index,
                               "n": mine.reindex(pooled.index).fillna(0).to_numpy()})
    a = counts["n"].to_numpy(float)
    b = counts[term_col].map(pooled).to_numpy(float) - a
    c = counts[group].map(totals).to_numpy(float)
    d = float(pooled.sum()) - c
    g2, chi2 = _g2_chi2(a, b, c, d)
    rate_a, rate_b = a / c, b / d
    table = pd.DataFrame({
        group: counts[group].to_numpy(), "term": counts[term_col].to_numpy(),
        "count": a.astype(int), "count_other": b.astype(int), "g2": g2, "chi2": chi2,
        "p_value": _chi2.sf(g2, 1),
        "log_ratio": np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d)),
        "use": np.select([rate_a > rate_b, rate_a < rate_b], ["over", "under"], "same"),
    })
    table = table.sort_values([group, "g2", "term"], ascending=[True, False, True])
    return _with_lexicons(table.reset_index(drop=True), tokens)


def _g2_chi2(a, b, c, d):
    """G² and Pearson chi² of the 2×2 tables [[a, b], [c − a, d − b]] (arrays, element-wise)."""
    n = c + d
    observed = [a, b, c - a, d - b]
    word, rest = a + b, n - a - b
    expected = [c * word / n, d * word / n, c * rest / n, d * rest / n]
    g2 = 2 * sum(xlogy(o, o / e) for o, e in zip(observed, expected))
    chi2 = sum((o - e) ** 2 / e for o, e in zip(observed, expected))
    return np.maximum(g2, 0.0), chi2


# ---------------------------------------------------------------------- collocations and context

def _runs(tokens: pd.DataFrame, term_col: str) -> list[list[str]]:
    """The terms of each run of adjacent tokens (same sentence, consecutive token_id)."""
    ids = tokens["token_id"].to_numpy()
    sentence = pd.MultiIndex.from_frame(tokens[["article_id", "sentence_id"]]).codes
    same = np.ones(len(tokens), dtype=bool)
    for level in sentence:
        same[1:] &= level[1:] == level[:-1]
    same[1:] &= ids[1:] == ids[:-1] + 1
    same[:1] = False
    terms = tokens[term_col].to_numpy(dtype=object)
    return [list(run) for run in np.split(terms, np.flatnonzero(~same)[1:])] if len(terms) else []


def collocations(tokens: pd.DataFrame, *, by: str | Iterable[str] | None = None, min_count: int = 2,
                 measure: str = "llr", term_col: str = "term") -> pd.DataFrame:
    """Pairs of adjacent terms that occur together more than chance, scored with NLTK's
    `BigramCollocationFinder` and `BigramAssocMeasures`.

    `measure`: "llr" (log-likelihood ratio, Dunning 1993), "pmi" (pointwise mutual information,
    Church & Hanks 1990), "chi2", "t" or "dice". Bigrams never cross a sentence or a dropped stop
    word ("Secretary of Defense" gives no "secretary defense"). Bigrams seen fewer than `min_count`
    times are left out. Needs `article_id`, `sentence_id`, `token_id`, `term_col` and the `by`
    columns, in token order. Returns the `by` columns, `bigram` ("w1 w2"), `word1`, `word2`,
    `count`, `score`; highest score first.
    """
    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {sorted(_MEASURES)}, not {measure!r}")
    by = _as_list(by)
    groups = tokens.groupby(by, observed=True, sort=True) if by else [((), tokens)]
    parts = []
    for key, part in groups:
        finder = BigramCollocationFinder.from_documents(_runs(part, term_col))
        finder.apply_freq_filter(min_count)
        scored = finder.score_ngrams(_MEASURES[measure])
        table = pd.DataFrame({
            "bigram": [f"{w1} {w2}" for (w1, w2), _ in scored],
            "word1": [w1 for (w1, _), _ in scored], "word2": [w2 for (_, w2), _ in scored],
            "count": [finder.ngram_fd[pair] for pair, _ in scored],
            "score": [score for _, score in scored],
        })
        for column, value in zip(by, key if isinstance(key, tuple) else (key,)):
            table.insert(by.index(column), column, value)
        parts.append(table)
    columns = [*by, "bigram", "word1", "word2", "count", "score"]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    table = table.sort_values([*by, "score", "bigram"], ascending=[True] * len(by) + [False, True])
    return _with_lexicons(table[columns].reset_index(drop=True), tokens)


def kwic(sentences: pd.DataFrame, keyword: str, *, window: int = 5, text_col: str = "text",
         kinds: Iterable[str] | None = CONTENT_KINDS) -> pd.DataFrame:
    """Keyword in context: every place a word or phrase occurs, with `window` tokens either side.

    `keyword` is tokenised and normalised like the text (case-insensitive; "Ukraine" also matches
    "Ukraine’s"), and must match whole tokens in sequence ("troops" does not match "troop").
    Needs `text_col`; uses `kind` like `unnest_tokens`. Returns the key columns and group columns
    of `sentences` (`article_id`, `sentence_id`, `outlet`, ...), `token_id` (of the first matched
    token), `left`, `keyword`, `right`: stretches of the original text, punctuation kept.
    """
    wanted = [normalise_term(t) for t in tokenize(keyword)]
    if not wanted:
        raise ValueError(f"the keyword {keyword!r} has no word in it")
    sentences = keep_kinds(sentences, kinds)
    texts = sentences[text_col].fillna("").astype(str)
    # only sentences holding the first term's letters can match: tokenise just those
    candidates = texts.str.lower().str.translate(_CHARMAP).str.contains(wanted[0], regex=False)
    rows = []
    for position in np.flatnonzero(candidates.to_numpy()):
        for match in _matches(texts.iloc[position], wanted, window):
            rows.append((position, *match))
    hits = pd.DataFrame(rows, columns=["row", "token_id", "left", "keyword", "right"])
    table = sentences[_group_columns(sentences, text_col)].iloc[hits["row"].to_numpy()]
    table = table.reset_index(drop=True)
    return pd.concat([table, hits.drop(columns="row")], axis=1)


def _matches(text: str, wanted: list[str], window: int):
    """(token_id, left, keyword, right) for each occurrence of the term sequence `wanted`."""
    text = _nfc(text)
    spans = [match.span() for match in _TOKEN_RE.finditer(text)]
    terms = [normalise_term(text[s:e]) for s, e in spans]
    width = len(wanted)
    for i in range(len(terms) - width + 1):
        if terms[i:i + width] != wanted:
            continue
        start, end = spans[i][0], spans[i + width - 1][1]
        left_start = spans[max(i - window, 0)][0]
        right_end = spans[min(i + width - 1 + window, len(spans) - 1)][1]
        yield i, _squash(text[left_start:start]), _squash(text[start:end]), _squash(text[end:right_end])


def _squash(text: str) -> str:
    """`text` with each run of white space (line breaks too) made one space, ends stripped."""
    return " ".join(text.split())
