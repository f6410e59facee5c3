"""Speed of the keyword verbs on a few MB of real news text.

Text: the AllSides article excerpts, the Narrative Frames articles and the gold article bodies of
aeb-dev (all in ../shared/data), one row per paragraph, repeated until about 5 MB. Prints tokens
per second for `unnest_tokens` (and, for scale, for NLTK's Treebank-style word tokenizer and a bare
`str.split`), then the time of each analysis on the tokens, grouped by outlet.

Run from the project root: .venv/bin/python benchmarks/bench_keywords.py
Writes benchmarks/results/keywords.json.
"""
from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

import pandas as pd
import re

from nltk.tokenize import NLTKWordTokenizer, RegexpTokenizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import keywords as kw  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
TARGET_MB = 5.0


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def read_paragraphs() -> pd.DataFrame:
    """article_id, outlet, sentence_id, text: one row per paragraph of the three real sets."""
    rows = []
    for article in _jsonl(DATA / "allsides-roundups" / "articles.jsonl"):
        rows.append((article["article_id"], article["outlet"], article.get("text") or ""))
    for article in _jsonl(DATA / "narrative-frames-dev" / "articles.jsonl"):
        rows.append((f"nf-{article['article_id']}", article["outlet"], article.get("text") or ""))
    for page in _jsonl(DATA / "aeb-dev" / "pages.jsonl"):
        if page.get("likely_english"):
            host = page["url"].split("/")[2]
            rows.append((page["page_id"][:16], host, page.get("gold_article_body") or ""))
    paragraphs = [(a, o, i, p.strip()) for a, o, text in rows
                  for i, p in enumerate(text.split("\n\n")) if p.strip()]
    return pd.DataFrame(paragraphs, columns=["article_id", "outlet", "sentence_id", "text"])


def grow(table: pd.DataFrame, megabytes: float) -> pd.DataFrame:
    """`table` repeated (article ids made unique per copy) until its text reaches `megabytes`."""
    size = table["text"].str.len().sum() / 1e6
    copies = max(1, round(megabytes / size))
    parts = [table.assign(article_id=table["article_id"] + f"#{k}") for k in range(copies)]
    return pd.concat(parts, ignore_index=True)


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> dict:
    base = read_paragraphs()
    text = grow(base, TARGET_MB)
    megabytes = text["text"].str.len().sum() / 1e6
    all_tokens, seconds = timed(kw.unnest_tokens, text, drop_stopwords=False)
    n_tokens = len(all_tokens)
    treebank = NLTKWordTokenizer()
    sample = text["text"].head(len(text) // 10).tolist()
    treebank_tokens, treebank_s = timed(lambda: sum(len(treebank.tokenize(t)) for t in sample))
    own_tokens, own_s = timed(lambda: sum(len(kw.tokenize(t)) for t in sample))
    nltk_regexp = RegexpTokenizer(kw.TOKEN_PATTERN, flags=re.VERBOSE)
    regexp_tokens, regexp_s = timed(lambda: sum(len(nltk_regexp.tokenize(t)) for t in sample))
    split_tokens, split_s = timed(lambda: sum(len(t.split()) for t in text["text"]))

    tokens = all_tokens[~all_tokens["is_stopword"]].reset_index(drop=True)
    steps = {}
    for name, call in [
        ("count_terms", lambda: kw.count_terms(tokens)),
        ("tfidf", lambda: kw.tfidf(tokens)),
        ("log_odds one-vs-rest", lambda: kw.log_odds(tokens)),
        ("keyness", lambda: kw.keyness(tokens)),
        ("collocations (llr, whole corpus)", lambda: kw.collocations(tokens)),
        ("kwic 'president'", lambda: kw.kwic(text, "president")),
    ]:
        table, spent = timed(call)
        steps[name] = {"seconds": round(spent, 3), "rows": len(table)}

    results = {
        "text_mb": round(megabytes, 2),
        "rows": len(text),
        "outlets": int(text["outlet"].nunique()),
        "tokens": n_tokens,
        "unnest_tokens": {"seconds": round(seconds, 3),
                          "tokens_per_second": round(n_tokens / seconds),
                          "mb_per_second": round(megabytes / seconds, 2)},
        "nltk_word_tokenizer_tokens_per_second": round(treebank_tokens / treebank_s),
        "tokenize_only_tokens_per_second": round(own_tokens / own_s),
        "nltk_regexp_tokenizer_same_pattern_tokens_per_second": round(regexp_tokens / regexp_s),
        "str_split_tokens_per_second": round(split_tokens / split_s),
        "stopword_share": round(float(all_tokens["is_stopword"].mean()), 3),
        "steps": steps,
        "python": platform.python_version(),
        "pandas": pd.__version__,
    }
    print(f"text: {megabytes:.1f} MB in {len(text):,} paragraphs, {results['outlets']} outlets")
    print(f"unnest_tokens: {n_tokens:,} tokens in {seconds:.2f} s = "
          f"{n_tokens / seconds:,.0f} tokens/s ({megabytes / seconds:.2f} MB/s)")
    print(f"  tokenizing only: framing.keywords.tokenize "
          f"{results['tokenize_only_tokens_per_second']:,} tokens/s; NLTK RegexpTokenizer, same pattern "
          f"{results['nltk_regexp_tokenizer_same_pattern_tokens_per_second']:,} tokens/s; "
          f"NLTKWordTokenizer {results['nltk_word_tokenizer_tokens_per_second']:,} tokens/s; "
          f"str.split {results['str_split_tokens_per_second']:,} tokens/s")
    print(f"  stop words: {results['stopword_share']:.1%} of tokens")
    print(f"on {len(tokens):,} content tokens, by outlet:")
    for name, step in steps.items():
        print(f"  {name:<34} {step['seconds']:>7.2f} s  {step['rows']:>9,} rows")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "keywords.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
