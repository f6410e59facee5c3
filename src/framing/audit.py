"""The cleaning audit: what is in a corpus and what cleaning kept and dropped, article by article
and rule by rule (the tables notebook 01 shows). These summaries read the three built tables
(`articles`, `sentences`, `removed`) and the build's `build.json`; they describe what `clean` and
`build` did and change nothing.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .config import CONTENT_KINDS, KINDS


def count_articles_per_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per outlet. Needs `outlet`, `n_sentences`, `n_words`.

    Returns one row per outlet: `outlet`, `n_articles`, `n_sentences`, `n_words`, most articles
    first."""
    counts = (articles.groupby("outlet", sort=True)
              .agg(n_articles=("outlet", "size"), n_sentences=("n_sentences", "sum"),
                   n_words=("n_words", "sum"))
              .reset_index())
    return counts.sort_values(["n_articles", "outlet"], ascending=[False, True], ignore_index=True)


def count_kinds(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences and words kept, by kind. Needs `kind`, `n_words`.

    Returns one row per kind present: `kind`, `n_sentences`, `n_words`, `content` (whether the
    analyses use this kind by default), in the order of `framing.config.KINDS`."""
    counts = (sentences.groupby("kind").agg(n_sentences=("kind", "size"), n_words=("n_words", "sum"))
              .reset_index())
    order = {kind: i for i, kind in enumerate(KINDS)}
    counts["content"] = counts["kind"].isin(CONTENT_KINDS)
    return counts.sort_values("kind", key=lambda k: k.map(order).fillna(len(order)),
                              ignore_index=True)


def summarise_cleaning(articles: pd.DataFrame, sentences: pd.DataFrame,
                       removed: pd.DataFrame) -> pd.DataFrame:
    """What cleaning kept and removed, per article.

    Needs articles (`article_id`, `outlet`, `title`, `n_sentences`, `n_words`), sentences of all
    kinds (`article_id`, `line_start`, `line_end`) and removed lines (`article_id`, `line`).
    Returns one row per article, in the articles' order: `article_id`, `outlet`, `title`, `label`
    (outlet and a short title, for charts), `lines_kept` (raw lines under a kept sentence),
    `lines_removed`, `share_removed` (0-1), `n_sentences`, `n_words`."""
    kept = (sentences.dropna(subset=["line_start"])
            .assign(line=lambda t: [list(range(int(a), int(b) + 1))
                                    for a, b in zip(t["line_start"], t["line_end"].fillna(t["line_start"]))])
            .explode("line")
            .drop_duplicates(["article_id", "line"])
            .groupby("article_id").size())
    dropped = removed.dropna(subset=["article_id"]).groupby("article_id").size()
    table = articles[["article_id", "outlet", "title", "n_sentences", "n_words"]].copy()
    table["lines_kept"] = table["article_id"].map(kept).fillna(0).astype("int64")
    table["lines_removed"] = table["article_id"].map(dropped).fillna(0).astype("int64")
    total = table["lines_kept"] + table["lines_removed"]
    table["share_removed"] = (table["lines_removed"] / total.where(total > 0)).fillna(0.0).round(3)
    table["label"] = [_label(o, t) for o, t in zip(table["outlet"], table["title"])]
    return table[["article_id", "outlet", "title", "label", "lines_kept", "lines_removed",
                  "share_removed", "n_sentences", "n_words"]].reset_index(drop=True)


def _label(outlet, title, width: int = 30) -> str:
    """`outlet: title`, the title cut to `width` characters; the outlet alone without a title."""
    short = "" if title is None or pd.isna(title) else _cut(str(title), width)
    return f"{outlet}: {short}" if short else str(outlet)


def count_removed_by_rule(removed: pd.DataFrame) -> pd.DataFrame:
    """Removed lines per cleaning rule. Needs `rule`, `article_id`.

    Returns one row per rule: `rule`, `n_lines`, `n_articles` (articles it removed lines from),
    `share` (of all removed lines, 0-1), most lines first."""
    if removed.empty:
        return pd.DataFrame({"rule": pd.Series(dtype=str), "n_lines": pd.Series(dtype="int64"),
                             "n_articles": pd.Series(dtype="int64"), "share": pd.Series(dtype=float)})
    counts = (removed.groupby("rule")
              .agg(n_lines=("rule", "size"), n_articles=("article_id", "nunique"))
              .reset_index())
    counts["share"] = (counts["n_lines"] / counts["n_lines"].sum()).round(3)
    return counts.sort_values(["n_lines", "rule"], ascending=[False, True], ignore_index=True)


def sample_removed(removed: pd.DataFrame, *, per_rule: int = 3, max_chars: int = 120) -> pd.DataFrame:
    """Examples of removed lines, `per_rule` distinct texts for each rule, spread evenly over the
    rule's lines (the same every run). Needs `rule`, `article_id`, `source_file`, `line`, `text`.

    Returns `rule`, `article_id`, `source_file`, `line`, `text` (cut to `max_chars`)."""
    columns = ["rule", "article_id", "source_file", "line", "text"]
    distinct = removed.assign(_key=removed["text"].astype(str).str.strip()).drop_duplicates(["rule", "_key"])
    picks = []
    for _, group in distinct.groupby("rule", sort=True):
        step = max(1, len(group) // per_rule)
        picks.append(group.iloc[::step].head(per_rule))
    if not picks:
        return pd.DataFrame(columns=columns)
    sample = pd.concat(picks, ignore_index=True)[columns]
    sample["text"] = [_cut(str(t).strip(), max_chars) for t in sample["text"]]
    return sample


def _cut(text: str, limit: int) -> str:
    """`text`, or its first `limit` - 1 characters and "…" when it is longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def articles_with_warnings(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles the build warned about. Needs `article_id`, `outlet`, `source_file`,
    `warnings`. Returns those four columns, one row per article with a warning."""
    columns = ["article_id", "outlet", "source_file", "warnings"]
    has = articles["warnings"].fillna("").astype(str).str.strip() != ""
    return articles.loc[has, columns].reset_index(drop=True)


def read_problems(corpus: str | Path) -> pd.DataFrame:
    """The problems of a corpus's last build (files skipped or unreadable, with what to do), one
    row per problem: `problem`."""
    return pd.DataFrame({"problem": [str(p) for p in read_build_info(corpus).get("problems", [])]},
                        dtype=object)


def pick_article(summary: pd.DataFrame, *, article_id: str | None = None) -> str:
    """`article_id` when given (checked against `summary`), else the article with the most removed
    lines: the one where cleaning decided most. Needs `article_id`, `lines_removed`."""
    if article_id is not None:
        if article_id not in set(summary["article_id"]):
            raise ValueError(f"no article {article_id!r} in this corpus; choose one of the article_id "
                             "values of the articles table")
        return article_id
    if summary.empty:
        raise ValueError("the corpus has no articles")
    return summary.sort_values(["lines_removed", "article_id"], ascending=[False, True]).iloc[0]["article_id"]


def read_build_info(corpus: str | Path) -> dict:
    """`build.json` of a corpus's processed folder: version, row counts, inputs and `problems`
    (files that could not be used, with what to do). Empty when the folder has none."""
    from .store import corpus_dir

    path = corpus_dir(corpus) / "build.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def trace_article(sentences: pd.DataFrame, removed: pd.DataFrame, *, article_id: str) -> pd.DataFrame:
    """One article as its raw lines went through cleaning: kept sentences and dropped lines in raw
    line order. Needs sentences of all kinds (`article_id`, `sentence_id`, `kind`, `text`,
    `line_start`, `line_end`) and removed lines (`article_id`, `line`, `rule`, `text`).

    Returns `line_start`, `line_end`, `status` ("kept" / "dropped"), `label` (the kind kept as, or
    the rule that dropped it), `sentence_id` (kept only), `text`. Show it with
    `framing.display.show_article`."""
    kept = sentences[sentences["article_id"] == article_id]
    dropped = removed[removed["article_id"] == article_id]
    table = pd.concat([
        pd.DataFrame({"line_start": kept["line_start"], "line_end": kept["line_end"], "status": "kept",
                      "label": kept["kind"], "sentence_id": kept["sentence_id"], "text": kept["text"]}),
        pd.DataFrame({"line_start": dropped["line"], "line_end": dropped["line"], "status": "dropped",
                      "label": dropped["rule"], "sentence_id": pd.NA,
                      "text": dropped["text"].astype(str).str.strip()}),
    ], ignore_index=True)
    table["sentence_id"] = table["sentence_id"].astype("Int64")
    return table.sort_values(["line_start", "sentence_id"], ignore_index=True, na_position="first")
