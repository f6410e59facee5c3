"""Across outlets: align the sentences of articles on the same event and compare what they report.

- `align_sentences(sentences)` → for every sentence, its closest counterpart in every other outlet
  of the same event (TF-IDF cosine over word unigrams and bigrams, stop words removed; Salton &
  Buckley 1988), kept when the similarity reaches the threshold;
- `add_counterparts(sentences, pairs)` → the same sentences with how many other outlets report them;
  `shared_facts` and `exclusive_facts` keep the sentences every outlet / only one outlet reports
  (selection and omission);
- `mutual_pairs_once(pairs)` → each mutual pair once, its outlets in the order every chart shows them;
- `word_differences(pairs)` → aligned pairs with the words only one side uses (a difflib token diff);
- `compare_quotes(quotes)` → quotes of the same speaker across outlets: exact, part, near, different;
- `headline_vs_body(sentences, hits=..., scored=...)` → frames and sentiment in the headline vs body;
  `headline_frame_gaps` (and `headline_sentiment_gaps`) and `summarise_headline_frames` → per
  outlet, over all its articles, how much more its headlines carry each frame (or how much more
  positive they are) than its bodies, with an interval and a test over articles;
- `prominence(sentences, hits=..., quotes=...)` → where each frame and speaker first appears.

Alignment is never quadratic in the corpus: sentences are compared only within their event, as
sparse vectors, a block of rows at a time.
"""
from __future__ import annotations

import difflib
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from .config import CONTENT_KINDS
from .keywords import normalise_term, read_stopwords, tokenize
from .leans import outlet_rank, sort_outlets
from .lexicons import load_data
from .store.words import counted

DEFAULT_PARAMS = "compare"
HEADLINE_KINDS = ("headline", "subtitle")  # the display type a reader sees before the body
PAIR_COLUMNS = ["event", "article_id_a", "sentence_id_a", "outlet_a", "article_id_b",
                "sentence_id_b", "outlet_b", "similarity", "mutual", "text_a", "text_b"]
# align_sentences adds `event_null`, `reported` and `confirmed` after these
QUOTE_PAIR_COLUMNS = ["event", "speaker", "quote_id_a", "article_id_a", "outlet_a", "quote_a",
                      "quote_id_b", "article_id_b", "outlet_b", "quote_b", "similarity", "match",
                      "direct_a", "direct_b"]
_KEYS = ["article_id", "sentence_id"]
# A gap of headline against body is 0 in most articles for a frame few articles use, and its mean rests
# on the few that differ. On simulated corpora (benchmarks/bench_headline_frames.py, docs/statistics.md)
# the t interval over all of an outlet's 20, 50 and 100 articles covered such a frame's mean gap in 70%,
# 83% and 92% of them where 95% was claimed; drawn only from this many articles that differ, 93-96%
# (every frame: 94-95%), so `summarise_headline_frames` draws none below it.
MIN_DIFFERING = 10
NO_DIFFERING = "only {articles} whose headline and body differ in it (fewer than {minimum}): too few for an interval"


def read_params(params: str | Path = DEFAULT_PARAMS) -> dict:
    """The comparison parameters (`compare.toml` or a user's file of the same layout)."""
    return load_data(params)


# ------------------------------------------------------------------------------------ alignment

def align_sentences(sentences: pd.DataFrame, *, threshold: float | None = None,
                    within: str | None = "event", kinds=CONTENT_KINDS, text_col: str = "text",
                    stopwords=None, params: str | Path = DEFAULT_PARAMS,
                    block_size: int = 2000) -> pd.DataFrame:
    """Pair each sentence with its closest counterpart in every other outlet of its event.

    Needs `article_id`, `sentence_id`, `outlet`, `text_col`, and `within` (default `event`; when
    the column is absent or `within=None` the whole table is one event). Only rows whose `kind` is
    in `kinds` are aligned (all rows when there is no `kind` column).

    Similarity is the cosine of TF-IDF vectors of the sentences' terms (`framing.keywords` tokens,
    normalised, stop words removed) as unigrams and bigrams, sublinear tf, idf fitted on the
    event's own sentences. For each sentence and each other outlet of its event, the most similar
    sentence of that outlet is kept if the similarity is at least `threshold` (default from
    `compare.toml`); ties go to the earlier sentence.

    Returns one row per (sentence, other outlet): `event`, `article_id_a`, `sentence_id_a`,
    `outlet_a`, `article_id_b`, `sentence_id_b`, `outlet_b`, `similarity`, `mutual` (b's best match
    in a's outlet is a), `text_a`, `text_b`, plus `compare_version` and `stopwords_version`.
    Both directions appear: a→b and b→a (the same pair twice when `mutual`). `event_null` is the
    event's chance level (the `[omission] null_quantile` of all its cross-outlet pair cosines) and
    `reported` marks the pairs that count as the other outlet reporting the sentence: mutual with
    a cosine of at least `[omission] mutual_floor`, or at least both the threshold and the null.
    Mutual pairs below the threshold are listed too (with `reported` true). `confirmed` marks the
    mutual pairs at or above the threshold: only these count a sentence as reported by every
    outlet (`shared_facts`) and make the rows of `same_fact_rows`, so a weak mutual match (a shared
    name or topic word) keeps a sentence out of "only this outlet" without putting it in "every
    outlet", and each counterpart there is one to one (neither sentence has a closer one in the
    other's outlet).
    """
    config = read_params(params)
    threshold = float(config["align"]["threshold"] if threshold is None else threshold)
    omission = config.get("omission", {})
    floor = min(threshold, float(omission.get("mutual_floor", threshold)))
    stops, stop_version = read_stopwords(stopwords)
    table = _content(sentences, kinds).pipe(_with_event, within).reset_index(drop=True)
    best, nulls = _best(table, floor, stops, text_col, block_size, float(omission.get("null_quantile", 0.99)))
    pairs = _mark_mutual(_pairs(table, best, text_col))
    pairs["event_null"] = pairs["event"].map(nulls).astype(float).round(6)
    pairs["reported"] = ((pairs["mutual"] & (pairs["similarity"] >= floor - 1e-12))
                         | (pairs["similarity"] >= np.maximum(threshold, pairs["event_null"]) - 1e-12))
    pairs["confirmed"] = pairs["mutual"] & (pairs["similarity"] >= threshold - 1e-12)
    pairs = pairs[(pairs["similarity"] >= threshold - 1e-12) | pairs["reported"]].reset_index(drop=True)
    pairs["compare_version"] = str(config["version"])
    pairs["stopwords_version"] = stop_version
    return pairs


def _content(sentences: pd.DataFrame, kinds) -> pd.DataFrame:
    if kinds is None or "kind" not in sentences.columns:
        return sentences.copy()
    return sentences[sentences["kind"].isin(kinds)].copy()


def _with_event(table: pd.DataFrame, within: str | None) -> pd.DataFrame:
    """The table with an `event` column: `within`'s values, or one event for the whole table."""
    if within and within in table.columns:
        return table.assign(event=table[within].astype(str))
    return table.assign(event="all")


def _features(texts: list[str], stops: frozenset) -> list[list[str]]:
    """The features of each text: its terms (`framing.keywords` tokens, normalised), stop words
    dropped, then the bigrams of what is left. Each distinct token is normalised once."""
    tokens = [tokenize(text) for text in texts]
    term_of = {}
    for token in set(chain.from_iterable(tokens)):
        term = normalise_term(token)
        term_of[token] = None if term in stops else term
    features = []
    for words in tokens:
        words = [term for term in map(term_of.__getitem__, words) if term is not None]
        features.append(words + [f"{a} {b}" for a, b in zip(words, words[1:])])
    return features


def _counts(texts: pd.Series, stops: frozenset) -> sparse.csr_matrix:
    """Term counts of every sentence (rows) by term (columns, in alphabetical order): the matrix
    scikit-learn's `CountVectorizer(analyzer=...)` gives, entries stored in each row in order of
    the terms' first appearance in the table. Each distinct text is analysed once."""
    codes, distinct = pd.factorize(texts.fillna("").astype(str))
    features = _features(list(distinct), stops)
    lengths = np.fromiter(map(len, features), dtype=np.int64, count=len(features))
    terms, vocabulary = pd.factorize(np.array(list(chain.from_iterable(features)), dtype=object))
    if not len(vocabulary):  # no sentence has a content word
        return sparse.csr_matrix((len(texts), 1))
    # one entry per (text, term), sorted by text, then by the term's first appearance
    entries, n = np.unique(np.repeat(np.arange(len(features)), lengths) * len(vocabulary) + terms,
                           return_counts=True)
    rows, first_seen = np.divmod(entries, len(vocabulary))
    alphabetical = np.empty(len(vocabulary), dtype=np.int64)
    alphabetical[np.argsort(vocabulary, kind="stable")] = np.arange(len(vocabulary))
    indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=len(features)))]
    index = np.int32 if len(entries) <= np.iinfo(np.int32).max else np.int64
    counts = sparse.csr_matrix((n.astype(np.int64), alphabetical[first_seen].astype(index), indptr.astype(index)),
                               shape=(len(features), len(vocabulary)))
    return counts[codes]


def _used_columns(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """The same rows with only the columns (terms) they use, in the same order, so an event's
    TF-IDF costs its own vocabulary rather than the corpus's (the numbers are the same)."""
    used, inverse = np.unique(counts.indices, return_inverse=True)
    return type(counts)((counts.data, inverse.astype(counts.indices.dtype), counts.indptr),
                        shape=(counts.shape[0], max(len(used), 1)))


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """TF-IDF rows of one event: sublinear tf (1 + ln tf), smooth idf over the event's own
    sentences (ln((1 + n) / (1 + df)) + 1, as scikit-learn's TfidfVectorizer), unit length."""
    weights = counts.astype(float)
    weights.data = 1.0 + np.log(weights.data)
    df = np.bincount(weights.indices, minlength=weights.shape[1])
    idf = np.log((1 + weights.shape[0]) / (1 + df)) + 1
    return _unit_rows(weights @ sparse.diags(idf))


def _unit_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """A copy of `matrix` with each row scaled to unit (L2) length, rows of zeros as they are. The
    squares are summed in each row's order, as scikit-learn's `normalize` sums them, so the numbers
    are the same to the last bit, without importing scikit-learn (a second) for one division."""
    out = matrix.tocsr(copy=True)
    out.data = out.data.astype(float, copy=False)
    lengths = np.diff(out.indptr)
    totals = np.zeros(out.shape[0])
    for k in range(lengths.max(initial=0)):  # the k-th stored value of every row that has one
        rows = np.flatnonzero(lengths > k)
        values = out.data[out.indptr[rows] + k]
        totals[rows] += values * values
    norms = np.repeat(np.sqrt(totals), lengths)
    nonzero = norms != 0
    out.data[nonzero] /= norms[nonzero]
    return out


def _best(table: pd.DataFrame, threshold: float, stops: frozenset, text_col: str,
          block_size: int, quantile: float = 0.99) -> tuple[pd.DataFrame, dict]:
    """Row numbers (`a`, `b`) and `similarity` of each sentence's best counterpart per other outlet,
    and each event's null: the `quantile` of the similarity of all its cross-outlet sentence pairs
    (most of which are unrelated sentences sharing a word or two).

    Only sentences of the same event are multiplied, `block_size` rows at a time, so the work is
    the sum over events of (event size)², never (corpus size)²."""
    counts = _counts(table[text_col], stops)
    outlets = pd.factorize(table["outlet"])[0]
    found, nulls = [], {}
    for event, rows in table.groupby("event", sort=True).indices.items():
        if len(np.unique(outlets[rows])) < 2:
            continue
        vectors = _tfidf(_used_columns(counts[rows]))
        columns = vectors.T.tocsr()
        sizes = np.unique(outlets[rows], return_counts=True)[1]
        cross_values, n_cross = [], int(len(rows) ** 2 - (sizes ** 2).sum())
        for start in range(0, len(rows), block_size):
            block = (vectors[start:start + block_size] @ columns).tocoo()
            a, b = rows[block.row + start], rows[block.col]
            cross = outlets[a] != outlets[b]
            cross_values.append(block.data[cross])
            keep = (block.data >= threshold - 1e-12) & cross
            found.append((a[keep], b[keep], block.data[keep]))
        nulls[event] = _quantile_with_zeros(np.concatenate(cross_values), n_cross, quantile)
    if not found:
        return pd.DataFrame({"a": [], "b": [], "similarity": []}), nulls
    best = pd.DataFrame({name: np.concatenate(parts) for name, parts in zip(("a", "b", "similarity"), zip(*found))})
    best["outlet_b"] = outlets[best["b"].to_numpy()]
    best = best.sort_values(["a", "similarity", "b"], ascending=[True, False, True], kind="stable")
    return best.drop_duplicates(["a", "outlet_b"]), nulls


def _quantile_with_zeros(values: np.ndarray, n_total: int, quantile: float) -> float:
    """The `quantile` of `n_total` similarities of which only the non-zero `values` are stored."""
    n_zero = n_total - len(values)
    rank = int(np.ceil(quantile * n_total)) - n_zero  # 1-based rank among the stored values
    if n_total == 0 or rank <= 0:
        return 0.0
    return float(np.sort(values)[min(rank, len(values)) - 1])


def _pairs(table: pd.DataFrame, best: pd.DataFrame, text_col: str) -> pd.DataFrame:
    a = table.take(best["a"].to_numpy().astype(int)).reset_index(drop=True)
    b = table.take(best["b"].to_numpy().astype(int)).reset_index(drop=True)
    return pd.DataFrame({
        "event": a["event"],
        "article_id_a": a["article_id"], "sentence_id_a": a["sentence_id"], "outlet_a": a["outlet"],
        "article_id_b": b["article_id"], "sentence_id_b": b["sentence_id"], "outlet_b": b["outlet"],
        "similarity": best["similarity"].clip(upper=1.0).round(6).to_numpy(),
        "text_a": a[text_col], "text_b": b[text_col],
    })


def _mark_mutual(pairs: pd.DataFrame) -> pd.DataFrame:
    """Add `mutual`: the reverse pair (b's best in a's outlet is a) is also in the table."""
    keys_a = ["event", "article_id_a", "sentence_id_a", "article_id_b", "sentence_id_b"]
    reverse = pairs[["event", "article_id_b", "sentence_id_b", "article_id_a", "sentence_id_a"]]
    reverse = reverse.set_axis(keys_a, axis=1).assign(mutual=True)
    out = pairs.drop(columns="mutual", errors="ignore").merge(reverse, on=keys_a, how="left")
    out["mutual"] = out["mutual"].astype("boolean").fillna(False).astype(bool)
    order = ["event", "article_id_a", "sentence_id_a", "outlet_b"]
    return out[PAIR_COLUMNS].sort_values(order, kind="stable", ignore_index=True)


# ------------------------------------------------------------------- selection and omission

def add_counterparts(sentences: pd.DataFrame, pairs: pd.DataFrame, *, within: str | None = "event",
                     kinds=CONTENT_KINDS) -> pd.DataFrame:
    """The content sentences with how widely each is reported.

    Needs the sentence table (as given to `align_sentences`) and its pairs; only pairs marked
    `reported` count (a mutual best match, or a match above the event's null), when the pairs have
    that column. Returns the content rows plus `n_other_outlets` (other outlets covering the same event), `n_counterparts` (how many
    of them have a counterpart sentence) and `counterpart_outlets` (their names, sorted, joined
    with "; "), outlet by outlet in `leans.outlet_order` (left to right for lean labels, by name
    otherwise; each outlet's rows in their order), as the alignment map draws them.
    """
    table = _content(sentences, kinds).pipe(_with_event, within)
    outlets_per_event = table.groupby("event")["outlet"].nunique()
    table["n_other_outlets"] = table["event"].map(outlets_per_event).astype(int) - 1
    if "reported" in pairs.columns:
        pairs = pairs[pairs["reported"]]
    found = (pairs.groupby(["article_id_a", "sentence_id_a"])["outlet_b"]
                  .agg(lambda names: "; ".join(sorted(set(names))))
                  .rename("counterpart_outlets").reset_index()
                  .rename(columns={"article_id_a": "article_id", "sentence_id_a": "sentence_id"}))
    out = table.merge(found, on=_KEYS, how="left")
    out["counterpart_outlets"] = out["counterpart_outlets"].fillna("")
    out["n_counterparts"] = out["counterpart_outlets"].map(lambda s: len(s.split("; ")) if s else 0)
    if within not in sentences.columns:
        out = out.drop(columns="event")
    return sort_outlets(out)


def shared_facts(pairs: pd.DataFrame, sentences: pd.DataFrame, **options) -> pd.DataFrame:
    """Sentences that every other outlet of their event also reports (see `add_counterparts`).

    A claim that every outlet reports a fact needs a counterpart at the calibrated alignment
    threshold in each other outlet: only `confirmed` pairs count, when the pairs have that column.
    A mutual match between the `[omission] mutual_floor` and the threshold is often two sentences
    sharing only the story's topic words ("debt ceiling"), too weak to assert the same fact."""
    if "confirmed" in pairs.columns:
        pairs = pairs[pairs["confirmed"]]
    table = add_counterparts(sentences, pairs, **options)
    keep = (table["n_other_outlets"] > 0) & (table["n_counterparts"] == table["n_other_outlets"])
    return table[keep].reset_index(drop=True)


FACT_ROW_COLUMNS = ["event", "row", "n_outlets", "similarity", "outlet", "article_id", "sentence_id",
                    "anchor", "similarity_to_anchor", "matches_all", "text"]


def same_fact_rows(pairs: pd.DataFrame) -> pd.DataFrame:
    """The sentences outlets share, as rows of one fact with a sentence per outlet.

    Needs the pairs of `align_sentences`; only `confirmed` pairs are read (mutual best matches at
    the calibrated threshold: the pairs notebook 06 lists once each; the `mutual` pairs in a table
    without that column), so each sentence has at most one counterpart per other outlet. A row is a sentence (its `anchor`) with its counterpart in
    each other outlet that has one; a row whose sentences all lie in a larger row is dropped, and
    rows made of the same sentences are one. A sentence can thus sit in two rows (the counterpart of
    two sentences of one outlet), and two sentences of a row may not be each other's counterparts:
    each is the anchor's. The sentences of `shared_facts` (every outlet reports them, from the same
    pairs) are exactly those marked `matches_all` in a row with a sentence from every outlet of the
    event: such a row is built on one of them.

    Returns one row per sentence of a fact row: `event`, `row` (1, 2… within the event: most
    outlets first, then the highest `similarity`), `n_outlets` (outlets in the row), `similarity`
    (the row's mean cosine between the anchor and its counterparts), `outlet`, `article_id`,
    `sentence_id`, `anchor` (the sentence the row is built on), `similarity_to_anchor` (empty for the
    anchor), `matches_all` (the sentence is the counterpart of every other sentence of the row) and
    `text`. Outlets without a counterpart have no line: a blank in the side-by-side view.
    """
    if "confirmed" in pairs.columns:
        pairs = pairs[pairs["confirmed"]]
    else:
        pairs = pairs[pairs["mutual"]]
    if pairs.empty:
        return pd.DataFrame(columns=FACT_ROW_COLUMNS)
    key_a = list(zip(pairs["article_id_a"], pairs["sentence_id_a"]))
    key_b = list(zip(pairs["article_id_b"], pairs["sentence_id_b"]))
    linked = {}  # sentence → {counterpart: cosine}
    about = {}  # sentence → (event, outlet, text)
    for a, b, similarity, event, outlet, text in zip(key_a, key_b, pairs["similarity"], pairs["event"],
                                                   pairs["outlet_a"], pairs["text_a"]):
        linked.setdefault(a, {})[b] = float(similarity)
        about[a] = (event, outlet, text)
    stars = {}  # the sentences of a row → its anchor (the first of the anchors giving the same row)
    for anchor in sorted(linked, key=lambda k: (about[k][0], str(about[k][1]), str(k[0]), k[1])):
        stars.setdefault(frozenset([anchor, *linked[anchor]]), anchor)
    by_sentence = {}
    for star in stars:
        for sentence in star:
            by_sentence.setdefault(sentence, []).append(star)
    kept = [star for star in stars
            if not any(star < other for sentence in star for other in by_sentence[sentence])]

    def mean_cosine(star):
        return round(float(np.mean(list(linked[stars[star]].values()))), 6)

    def order(star):  # within an event: most outlets, then most similar, then the anchor's place
        anchor = stars[star]
        return (about[anchor][0], -len(star), -mean_cosine(star), str(anchor[0]), anchor[1])

    rows, number, previous = [], 0, None
    for star in sorted(kept, key=order):
        anchor = stars[star]
        event = about[anchor][0]
        number = number + 1 if event == previous else 1
        previous = event
        for sentence in sorted(star, key=lambda k: (str(about[k][1]), str(k[0]), k[1])):
            rows.append({"event": event, "row": number, "n_outlets": len(star), "similarity": mean_cosine(star),
                         "outlet": about[sentence][1], "article_id": sentence[0], "sentence_id": sentence[1],
                         "anchor": sentence == anchor, "similarity_to_anchor": linked[anchor].get(sentence, np.nan),
                         "matches_all": all(other in linked[sentence] for other in star if other != sentence),
                         "text": about[sentence][2]})
    return pd.DataFrame(rows, columns=FACT_ROW_COLUMNS)


def exclusive_facts(pairs: pd.DataFrame, sentences: pd.DataFrame, **options) -> pd.DataFrame:
    """Sentences no other outlet of their event reports: what one outlet selected and the others
    left out. Events covered by a single outlet are skipped (nothing to compare with)."""
    table = add_counterparts(sentences, pairs, **options)
    keep = (table["n_other_outlets"] > 0) & (table["n_counterparts"] == 0)
    return table[keep].reset_index(drop=True)


def summarise_exclusivity(pairs: pd.DataFrame, sentences: pd.DataFrame, *, within: str | None = "event",
                          kinds=CONTENT_KINDS) -> pd.DataFrame:
    """How much of each article no other outlet reports, against what its length predicts, split by voice.

    Needs the sentence table and its pairs (as for `add_counterparts`). Longer articles have more
    sentences nobody else wrote, so a raw count mostly measures length. Returns one row per article
    of an event with two or more outlets: `event`, `outlet`, `article_id`, `n_sentences`,
    `n_exclusive`, `share_exclusive`, `expected_share` (the share predicted from the article's
    length: a binomial GLM (logistic regression, scikit-learn) of exclusivity on log sentence count
    over all articles of the table; the table's pooled share when there are fewer than
    `MIN_ARTICLES_FOR_LENGTH_MODEL` articles or one length), `excess_share` (share − expected), and
    by voice (`framing.sources.add_voice`: the journalist's narration vs sentences that are quotes
    or hold one) `n_narration`, `share_exclusive_narration`, `n_quote`, `share_exclusive_quote`.
    """
    from .sources import add_voice

    table = add_counterparts(sentences, pairs, within=within, kinds=kinds)
    if "event" not in table.columns:
        table["event"] = "all"
    table = table[table["n_other_outlets"] > 0].pipe(add_voice)
    table["exclusive"] = table["n_counterparts"] == 0
    table["quoted"] = table["voice"] != "narration"
    group = ["event", "outlet", "article_id"]
    out = table.groupby(group, sort=True).agg(n_sentences=("exclusive", "size"), n_exclusive=("exclusive", "sum"))
    for voice, mask in (("narration", ~table["quoted"]), ("quote", table["quoted"])):
        part = table[mask].groupby(group)["exclusive"]
        out[f"n_{voice}"] = part.size().reindex(out.index).fillna(0).astype(int)
        out[f"share_exclusive_{voice}"] = part.mean().reindex(out.index)
    out = out.reset_index()
    out["share_exclusive"] = out["n_exclusive"] / out["n_sentences"]
    out["expected_share"] = _expected_by_length(out)
    out["excess_share"] = out["share_exclusive"] - out["expected_share"]
    columns = group + ["n_sentences", "n_exclusive", "share_exclusive", "expected_share", "excess_share",
                       "n_narration", "share_exclusive_narration", "n_quote", "share_exclusive_quote"]
    return out[columns]


MIN_ARTICLES_FOR_LENGTH_MODEL = 10


def _expected_by_length(articles: pd.DataFrame) -> np.ndarray:
    """Expected share of exclusive sentences given the article's length (binomial GLM, logit link,
    on log n_sentences), or the pooled share when a model cannot be fitted."""
    pooled = articles["n_exclusive"].sum() / max(articles["n_sentences"].sum(), 1)
    if len(articles) < MIN_ARTICLES_FOR_LENGTH_MODEL or articles["n_sentences"].nunique() < 2:
        return np.full(len(articles), pooled)
    from sklearn.linear_model import LogisticRegression

    x = np.log(articles["n_sentences"].to_numpy(float)).reshape(-1, 1)
    n_exclusive = articles["n_exclusive"].to_numpy(float)
    n_other = articles["n_sentences"].to_numpy(float) - n_exclusive
    if n_exclusive.sum() == 0 or n_other.sum() == 0:
        return np.full(len(articles), pooled)
    model = LogisticRegression(C=np.inf).fit(  # the binomial GLM: each article twice, weighted
        np.vstack([x, x]), np.r_[np.ones(len(x)), np.zeros(len(x))], sample_weight=np.r_[n_exclusive, n_other])
    return model.predict_proba(x)[:, 1]


# --------------------------------------------------------------------------------- wording

def mutual_pairs_once(pairs: pd.DataFrame) -> pd.DataFrame:
    """Each mutual pair of `align_sentences` once (it lists a mutual pair both ways), the way round
    whose `outlet_a` comes first in `leans.outlet_order`: the outlet further left in a corpus of
    lean labels ("Left ↔ Center", not "Center ↔ Left"), the first by name otherwise. The most
    similar pair first (ties in their order), on a new index.

    >>> pairs = pd.DataFrame({"outlet_a": ["Center", "Left"], "outlet_b": ["Left", "Center"],
    ...                       "mutual": True, "similarity": 0.5})
    >>> mutual_pairs_once(pairs)[["outlet_a", "outlet_b"]].values.tolist()
    [['Left', 'Center']]
    """
    if pairs.empty:
        return pairs.reset_index(drop=True)
    rank = outlet_rank(pd.concat([pairs["outlet_a"], pairs["outlet_b"]]))
    once = pairs[pairs["mutual"].astype(bool) & (pairs["outlet_a"].map(rank) < pairs["outlet_b"].map(rank))]
    return once.sort_values("similarity", ascending=False, kind="stable", ignore_index=True)


def word_differences(pairs: pd.DataFrame) -> pd.DataFrame:
    """Aligned pairs side by side with the words that differ.

    Needs `text_a` and `text_b`. Returns the same rows plus `only_a` and `only_b` (the words, as
    written, that the diff of the two token sequences leaves on one side, joined by spaces),
    `n_only_a`, `n_only_b` and `marked` (b's wording with changes marked wdiff-style:
    `[-removed-]` from a, `{+added+}` in b). Words are compared as normalised terms (case, curly
    apostrophes and possessive 's ignored) with difflib's longest-matching-block diff (Ratcliff &
    Metzener 1988).
    """
    rows = [_diff(a, b) for a, b in zip(pairs["text_a"].fillna(""), pairs["text_b"].fillna(""))]
    diffs = pd.DataFrame(rows, columns=["only_a", "only_b", "marked"], index=pairs.index)
    out = pairs.join(diffs)
    out["n_only_a"] = out["only_a"].str.split().str.len().fillna(0).astype(int)
    out["n_only_b"] = out["only_b"].str.split().str.len().fillna(0).astype(int)
    return out


def _diff(text_a: str, text_b: str) -> tuple[str, str, str]:
    words_a, words_b = tokenize(text_a), tokenize(text_b)
    matcher = difflib.SequenceMatcher(None, [normalise_term(w) for w in words_a],
                                      [normalise_term(w) for w in words_b], autojunk=False)
    only_a, only_b, marked = [], [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked += words_b[j1:j2]
            continue
        only_a += words_a[i1:i2]
        only_b += words_b[j1:j2]
        if i2 > i1:
            marked.append("[-" + " ".join(words_a[i1:i2]) + "-]")
        if j2 > j1:
            marked.append("{+" + " ".join(words_b[j1:j2]) + "+}")
    return " ".join(only_a), " ".join(only_b), " ".join(marked)


# ---------------------------------------------------------------------------------- quotes

def compare_quotes(quotes: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
                   near: float | None = None, params: str | Path = DEFAULT_PARAMS) -> pd.DataFrame:
    """Quotes attributed to the same speaker in different outlets: do the quoted words match?

    Needs the quotes table of `framing.sources.extract_quotes` (`quote_id`, `article_id`, `outlet`,
    `quote`, `speaker`). Events come from an `event` column, or from `sentences` (by article), or
    the whole table is one event. Speakers are matched by surname (the last word of `speaker`,
    case ignored), so "Pete Hegseth" and "Hegseth" are one person within an event. Anonymous sources
    (`is_anonymous`: "sources", "Senate sources", "officials") name no one: two outlets' "sources"
    are not known to be the same people, so their quotes are not compared.

    For each quote and each other outlet quoting the same speaker, the closest quote of that
    outlet is returned: `event`, `speaker`, `quote_id_a`, `article_id_a`, `outlet_a`, `quote_a`,
    `quote_id_b`, `article_id_b`, `outlet_b`, `quote_b`, `similarity` (difflib ratio of the
    normalised word sequences, the larger of its two orders, so a pair scores the same both ways) and `match`: `exact` (same words), `part` (one quote's words are a
    contiguous run inside the other's), `near` (similarity ≥ `near`, default from `compare.toml`)
    or `different`; `direct_a`, `direct_b`: whether each is a direct quote (`is_direct`; empty
    without that column). Indirect speech ("claims fell to 473,000, the Labor Department said") is the
    outlet's paraphrase: two outlets' paraphrases of one statement are mostly `different`, which
    there means reworded, not another passage.
    """
    config = read_params(params)
    near = float(config["quotes"]["near"] if near is None else near)
    named = ~quotes["is_anonymous"].fillna(False).astype(bool) if "is_anonymous" in quotes else True
    table = quotes[quotes["speaker"].notna() & quotes["quote"].notna() & named].copy()
    table["event"] = _quote_events(table, sentences)
    table["who"] = table["speaker"].astype(str).str.split().str[-1].str.casefold()
    table["words"] = table["quote"].map(lambda q: tuple(normalise_term(w) for w in tokenize(q)))
    rows = []
    for (event, _), group in table.groupby(["event", "who"], sort=True):
        for a in group.itertuples(index=False):
            others = group[group["outlet"] != a.outlet]
            for _, candidates in others.groupby("outlet", sort=True):
                rows.append(_closest_quote(event, a, candidates, near))
    out = pd.DataFrame(rows, columns=QUOTE_PAIR_COLUMNS)
    out["compare_version"] = str(config["version"])
    return out


def _quote_events(quotes: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.Series:
    if "event" in quotes.columns:
        return quotes["event"].astype(str)
    if sentences is not None and "event" in sentences.columns:
        by_article = sentences.drop_duplicates("article_id").set_index("article_id")["event"]
        return quotes["article_id"].map(by_article).fillna("all").astype(str)
    return pd.Series("all", index=quotes.index)


def _closest_quote(event: str, a, candidates: pd.DataFrame, near: float) -> list:
    scored = [(_quote_match(a.words, b.words, near), b) for b in candidates.itertuples(index=False)]
    (similarity, match), b = max(scored, key=lambda item: item[0][0])
    return [event, a.speaker, a.quote_id, a.article_id, a.outlet, a.quote,
            b.quote_id, b.article_id, b.outlet, b.quote, similarity, match,
            getattr(a, "is_direct", None), getattr(b, "is_direct", None)]


def _quote_match(words_a: tuple, words_b: tuple, near: float) -> tuple[float, str]:
    similarity = round(max(_ratio(words_a, words_b), _ratio(words_b, words_a)), 6)
    if words_a == words_b:
        return similarity, "exact"
    if words_a and words_b and (_contains(words_a, words_b) or _contains(words_b, words_a)):
        return similarity, "part"
    return similarity, "near" if similarity >= near else "different"


def _ratio(words_a: tuple, words_b: tuple) -> float:
    """difflib's ratio, which depends on the order of its two sequences (its longest matching
    blocks are found from the first one): `_quote_match` takes the larger of both orders."""
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def _contains(longer: tuple, shorter: tuple) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


# ------------------------------------------------------------------- headline and prominence

def headline_vs_body(sentences: pd.DataFrame, hits: pd.DataFrame | None = None,
                     scored: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frames and sentiment in the headline (and subtitle) against the body, per article.

    Needs the sentence table (`article_id`, `sentence_id`, `outlet`, `kind`). `hits` is the frame
    hits table of `framing.frames.add_frames` (`article_id`, `sentence_id`, `scheme`, `frame`);
    `scored` is a sentence table with a `sentiment` column (`framing.sentiment.add_sentiment`),
    or `sentences` itself when it has one.

    Returns a long table, one row per article, part and measure: `event` (when present),
    `outlet`, `article_id`, `part` (`headline`: headline and subtitle; `body`: every other content
    kind), `n_sentences`, `measure` (`sentiment`: mean sentiment of the part's sentences;
    `frame_share`: share of the part's sentences with at least one hit of the frame), `scheme`,
    `frame` (empty for sentiment) and `value`. Frames never hit in an article are left out; a
    frame hit only in the body has a headline row with value 0. So a mean of the frame rows over an
    outlet's articles is taken over the articles that use the frame only (selected on the outcome):
    to compare outlets, use `headline_frame_gaps` and `summarise_headline_frames`.
    """
    table = _parts(sentences)
    group = [c for c in ("event", "outlet", "article_id") if c in table.columns]
    sizes = table.groupby(group + ["part"]).size().rename("n_sentences").reset_index()
    pieces = []
    source = scored if scored is not None else (sentences if "sentiment" in sentences else None)
    if source is not None:
        pieces.append(_part_sentiment(table, source, group))
    if hits is not None:
        pieces.append(_part_frames(table, hits, group, sizes))
    columns = group + ["part", "n_sentences", "measure", "scheme", "frame", "value"]
    if not pieces:
        return pd.DataFrame(columns=columns)
    out = pd.concat(pieces, ignore_index=True).merge(sizes, on=group + ["part"], how="left")
    return out[columns].sort_values(group + ["measure", "scheme", "frame", "part"],
                                    ignore_index=True)


def _parts(sentences: pd.DataFrame) -> pd.DataFrame:
    table = _content(sentences, CONTENT_KINDS)
    table["part"] = np.where(table["kind"].isin(HEADLINE_KINDS), "headline", "body")
    return table


def _part_sentiment(table: pd.DataFrame, scored: pd.DataFrame, group: list[str]) -> pd.DataFrame:
    values = scored[_KEYS + ["sentiment"]].drop_duplicates(_KEYS)
    joined = table.drop(columns="sentiment", errors="ignore").merge(values, on=_KEYS, how="left")
    means = joined.groupby(group + ["part"])["sentiment"].mean().rename("value").reset_index()
    return means.assign(measure="sentiment", scheme="", frame="")


def _part_frames(table: pd.DataFrame, hits: pd.DataFrame, group: list[str],
                 sizes: pd.DataFrame) -> pd.DataFrame:
    where = table[list(dict.fromkeys(_KEYS + group + ["part"]))]
    framed = hits[_KEYS + ["scheme", "frame"]].drop_duplicates().merge(where, on=_KEYS)
    counts = framed.groupby(group + ["scheme", "frame", "part"]).size().rename("n").reset_index()
    frames = counts[group + ["scheme", "frame"]].drop_duplicates()
    grid = frames.merge(sizes[group + ["part"]], on=group)  # every part of every framed article
    grid = grid.merge(counts, on=group + ["scheme", "frame", "part"], how="left").fillna({"n": 0})
    grid = grid.merge(sizes, on=group + ["part"])
    grid["value"] = grid["n"] / grid["n_sentences"]
    return grid.drop(columns=["n", "n_sentences"]).assign(measure="frame_share")


def headline_frame_gaps(sentences: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Per article and frame, how much more the headline carries the frame than the body.

    Needs the sentence table (`article_id`, `sentence_id`, `outlet`, `kind`; `event` when there are
    several) and `hits` (`framing.frames.add_frames`). Every article with a headline (or subtitle)
    and a body gets a row for every frame of the schemes in `hits`, whether its cues occur in the
    article or not, so that a mean over an outlet's articles is not taken only over the articles
    that use the frame (selected on the outcome). Returns `event` (when present), `outlet`,
    `article_id`, `scheme`, `frame`, `headline` (share of the headline's sentences with the frame's
    cues), `body` (the same of the body) and `gap` (`headline` − `body`, −1 … 1)."""
    table = _parts(sentences)
    group = [c for c in ("event", "outlet", "article_id") if c in table.columns]
    columns = group + ["scheme", "frame", "headline", "body", "gap"]
    sizes = table.groupby(group + ["part"]).size().unstack("part").reindex(columns=["headline", "body"])
    sizes = sizes.dropna()  # an article without a headline, or without a body, has no gap
    frames = hits[["scheme", "frame"]].drop_duplicates().sort_values(["scheme", "frame"])
    if sizes.empty or frames.empty:
        return pd.DataFrame(columns=columns)
    where = table[list(dict.fromkeys(_KEYS + group + ["part"]))]
    framed = hits[_KEYS + ["scheme", "frame"]].drop_duplicates().merge(where, on=_KEYS)
    counts = framed.groupby(group + ["scheme", "frame", "part"]).size().unstack("part")
    grid = sizes.reset_index()[group].merge(frames, how="cross")
    grid = grid.merge(counts.reindex(columns=["headline", "body"]).reset_index(), on=group + ["scheme", "frame"],
                      how="left").fillna({"headline": 0, "body": 0})
    shares = grid[["headline", "body"]].to_numpy(dtype=float) / sizes.loc[
        pd.MultiIndex.from_frame(grid[group])].to_numpy(dtype=float)
    grid[["headline", "body"]] = shares
    grid["gap"] = grid["headline"] - grid["body"]
    return grid[columns]


def headline_sentiment_gaps(sentences: pd.DataFrame, scored: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article, how much more positive the headline (and subtitle) is than the body.

    Needs the sentence table (`article_id`, `sentence_id`, `outlet`, `kind`; `event` when there are
    several) and `scored`, a sentence table with `sentiment` (`framing.sentiment.add_sentiment`), or
    `sentences` itself when it has one. Every article with a headline and a body gets a row:
    `event` (when present), `outlet`, `article_id`, `measure` ("sentiment"), `headline` and `body`
    (the mean sentiment of the part's sentences) and `gap` (`headline` − `body`), the table
    `summarise_headline_frames(..., family="measure")` reads."""
    table = _parts(sentences)
    group = [c for c in ("event", "outlet", "article_id") if c in table.columns]
    columns = group + ["measure", "headline", "body", "gap"]
    source = scored if scored is not None else sentences
    if table.empty or "sentiment" not in source:
        return pd.DataFrame(columns=columns)
    means = _part_sentiment(table, source, group).pivot_table(index=group, columns="part", values="value",
                                                              dropna=False)
    means = means.reindex(columns=["headline", "body"]).dropna().reset_index().rename_axis(columns=None)  # a headline and a body
    means["gap"] = means["headline"] - means["body"]
    return means.assign(measure="sentiment")[columns]


def summarise_headline_frames(gaps: pd.DataFrame, *, by: str = "outlet", event: str | None = "event",
                              family: str | list[str] = ("scheme", "frame"), min_articles: int | None = None,
                              correction: str = "holm", n_permutations: int = 1999, seed: int = 0) -> pd.DataFrame:
    """Per group and frame, over all its articles: does the headline carry the frame more than the
    body does, and do the groups differ in that?

    Needs `headline_frame_gaps`' table (or `headline_sentiment_gaps`', with `family="measure"`).
    Returns the `family` columns (`scheme`, `frame`), `by`, `n_articles`, `n_differing` (its articles
    whose gap is not 0), `headline` and `body` (means of the articles' values), `gap` (mean of the
    articles' `gap`), `ci_low`, `ci_high` (Student t interval over the group's articles, none below
    `min_articles`, nor below `MIN_DIFFERING` articles that differ: the mean of a gap that is 0 in
    most articles rests on the few that are not, and the interval then covers far less than it
    claims), `interval` (how it was made, or why there is none), then from `stats.compare_outlets`
    on the articles' gaps:
    `difference` and `cliffs_delta` against the other groups on the same events, `effect_note`,
    `p_value` (permutation of `by` labels over articles within events), `p_adjusted` across the
    frames (`correction`, Holm by default), `correction`, `n_events_tested`, `n_events_left_out`, `test` and `note`.
    Groups read left to right when labelled by lean, by name otherwise (`leans.sort_groups`).
    With one article per group there is nothing to test: `p_value` is empty and `note` says so.
    Simulated (`benchmarks/bench_headline_frames.py`, docs/statistics.md): the test keeps its level
    and the interval its coverage at 20-100 events of one article per outlet."""
    from .leans import sort_groups
    from .stats import MIN_ARTICLES, compare_outlets, summarise_articles

    minimum = MIN_ARTICLES if min_articles is None else min_articles
    family = [family] if isinstance(family, str) else list(family)
    columns = family + [by, "n_articles", "n_differing", "headline", "body", "gap", "ci_low", "ci_high", "interval",
                        "difference",
                        "cliffs_delta", "effect_note", "p_value", "p_adjusted", "correction", "n_events_tested",
                        "n_events_left_out", "test", "note"]
    if gaps.empty:
        return pd.DataFrame(columns=columns)
    means = (gaps.assign(n_differing=gaps["gap"].ne(0) & gaps["gap"].notna())
             .groupby(family + [by], sort=True).agg(headline=("headline", "mean"), body=("body", "mean"),
                                                   n_differing=("n_differing", "sum")).reset_index())
    interval = summarise_articles(gaps, value="gap", by=family + [by], min_articles=minimum, method="t",
                                  seed=seed).drop(columns="n_sentences").rename(columns={"mean": "gap"})
    interval = interval.merge(means[family + [by, "n_differing"]], on=family + [by])
    few = interval["ci_low"].notna() & (interval["n_differing"] < MIN_DIFFERING)
    interval.loc[few, ["ci_low", "ci_high"]] = np.nan
    interval.loc[few, "interval"] = [NO_DIFFERING.format(articles=counted(n, "articles"), minimum=MIN_DIFFERING)
                                     for n in interval.loc[few, "n_differing"]]
    means = means.drop(columns="n_differing")
    tests = compare_outlets(gaps, value="gap", by=by, family=family, event=event, correction=correction,
                            min_articles=minimum, n_permutations=n_permutations, seed=seed)
    tests = tests.drop(columns=["n_articles", "mean", "mean_other"])
    table = means.merge(interval, on=family + [by]).merge(tests, on=family + [by], how="left")[columns]
    return sort_groups(table, family + [by])  # outlets left to right for leans, else by name


def prominence(sentences: pd.DataFrame, hits: pd.DataFrame | None = None,
               quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """How early each frame and each speaker first appears in each article.

    Needs the sentence table (`article_id`, `sentence_id`, `outlet`, `position`); `hits` from
    `framing.frames.add_frames` (`scheme`, `frame` per sentence) and/or `quotes` from
    `framing.sources.extract_quotes` (`speaker` per sentence).

    Returns one row per article and item: `event` (when present), `outlet`, `article_id`,
    `item_type` (`frame` or `speaker`), `scheme` (empty for speakers), `item` (the frame or the
    speaker), `first_sentence_id`, `first_position` (0 = start of the article … 1 = end),
    `first_kind`, `n_sentences` (sentences with the item) and `rank` (1 = the first item of its
    type in the article; ties share the lower rank).
    """
    located = []
    if hits is not None:
        located.append(hits[_KEYS + ["scheme", "frame"]].rename(columns={"frame": "item"})
                       .assign(item_type="frame"))
    if quotes is not None:
        speakers = quotes[quotes["speaker"].notna()]
        located.append(speakers[_KEYS].assign(item_type="speaker", scheme="",
                                              item=speakers["speaker"].astype(str)))
    group = [c for c in ("event", "outlet", "article_id") if c in sentences.columns]
    columns = group + ["item_type", "scheme", "item", "first_sentence_id", "first_position",
                       "first_kind", "n_sentences", "rank"]
    if not located:
        return pd.DataFrame(columns=columns)
    where = sentences[_KEYS + [c for c in group + ["position", "kind"] if c not in _KEYS]]
    items = pd.concat(located, ignore_index=True).drop_duplicates().merge(where, on=_KEYS)
    items = items.sort_values(["article_id", "sentence_id"], kind="stable")
    keys = group + ["item_type", "scheme", "item"]
    out = items.groupby(keys, sort=False).agg(
        first_sentence_id=("sentence_id", "first"), first_position=("position", "first"),
        first_kind=("kind", "first"), n_sentences=("sentence_id", "nunique")).reset_index()
    out["rank"] = (out.groupby(["article_id", "item_type"])["first_sentence_id"]
                      .rank(method="min").astype(int))
    return out[columns].sort_values(["article_id", "item_type", "rank", "item"], ignore_index=True)
