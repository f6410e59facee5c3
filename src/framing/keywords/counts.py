"""Terms counted per group (`count_terms`) and TF-IDF with the groups as documents (`tfidf`),
from a tokens table or a table of counts."""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd


def as_list(by: str | Iterable[str] | None) -> list[str]:
    """The grouping columns as a list: none, one name, or the names given."""
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def term_counts(tokens: pd.DataFrame, by: list[str], term_col: str) -> pd.DataFrame:
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


def with_lexicon_versions(table: pd.DataFrame, source: pd.DataFrame) -> pd.DataFrame:
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
    by = as_list(by)
    counts = term_counts(tokens, by, term_col)
    totals = counts.groupby(by, observed=True)["n"].transform("sum") if by else counts["n"].sum()
    counts["share"] = counts["n"] / totals
    counts = counts.sort_values([*by, "n", term_col], ascending=[True] * len(by) + [False, True])
    return with_lexicon_versions(counts.reset_index(drop=True), tokens)


def tfidf(tokens: pd.DataFrame, *, by: str | Iterable[str] = "outlet",
          term_col: str = "term") -> pd.DataFrame:
    """TF-IDF of each term in each group, the groups taken as the documents (Spärck Jones 1972;
    the tidytext convention, Silge & Robinson 2016).

    tf = n / total terms of the group; idf = ln(number of groups / groups using the term);
    tf_idf = tf × idf (0 for a term every group uses). Needs `term_col` and the `by` columns (or a
    counts table with `n`). Returns the `by` columns, `term`, `n`, `tf`, `idf`, `tf_idf`, highest
    tf_idf first within each group.
    """
    by = as_list(by)
    if not by:
        raise ValueError("tfidf needs groups: pass by='outlet' (or another column)")
    counts = term_counts(tokens, by, term_col)
    n_groups = len(counts.groupby(by, observed=True))
    groups_with_term = counts.groupby(term_col)[term_col].transform("size")
    counts["tf"] = counts["n"] / counts.groupby(by, observed=True)["n"].transform("sum")
    counts["idf"] = np.log(n_groups / groups_with_term)
    counts["tf_idf"] = counts["tf"] * counts["idf"]
    counts = counts.sort_values([*by, "tf_idf", term_col],
                                ascending=[True] * len(by) + [False, True])
    return with_lexicon_versions(counts.reset_index(drop=True), tokens)
