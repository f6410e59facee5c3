"""Reading inputs: exports taken as articles, and near-duplicate detection, on real news text.

    python benchmarks/bench_ingest.py

Uses ../shared/data/allsides-roundups/articles.jsonl (1,479 clean article excerpts of many outlets),
written as one JSON-lines export the way a user would:

1. Exports as articles. The same export built as clean article text (the default) and with page
   cleaning (`framing build --clean`, what every export got before): lines dropped, lines dropped
   that read as prose, and articles whose first sentence is a headline.
2. Near-duplicates. Every article is copied with one kind of change (one byte, one newline added,
   CR-only or CRLF line endings, one word replaced, a third of its words replaced): the share of
   copies recognised as near-duplicates of their original; and the share of the distinct articles
   wrongly taken for a near-duplicate of another (false positives). Also the time per article.

Writes benchmarks/results/ingest.json.
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "allsides-roundups" / "articles.jsonl"


def load_rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def exports_as_articles(rows: list[dict]) -> dict:
    from framing.build import build_tables
    from framing.clean import reads_as_prose

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "allsides"
        corpus.mkdir()
        (corpus / "articles.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
                                               encoding="utf-8")
        for label, clean in (("as articles (default)", False), ("cleaned as pages (--clean)", True)):
            build = build_tables(corpus, clean_exports=clean, workers=2)
            first = build.sentences[build.sentences["sentence_id"] == 0]
            results[label] = {
                "articles": len(build.articles),
                "lines_dropped": len(build.removed),
                "prose_lines_dropped": int(build.removed["text"].map(reads_as_prose).sum()) if len(build.removed) else 0,
                "articles_with_headline": int((first["kind"] == "headline").sum()),
                "warnings": len(build.problems),
            }
    return results


def _copy(text: str, change: str, rng: random.Random) -> str:
    words = text.split(" ")
    if change == "one byte":
        at = rng.randrange(len(text))
        return text[:at] + ("x" if text[at] != "x" else "y") + text[at + 1:]
    if change == "newline added":
        at = rng.randrange(len(text))
        return text[:at] + "\n" + text[at:]
    if change == "CR-only":
        return text.replace("\n", "\r")
    if change == "CRLF":
        return text.replace("\n", "\r\n")
    if change == "one word replaced":
        words[rng.randrange(len(words))] = "replaced"
        return " ".join(words)
    if change == "a third of the words replaced":
        for at in rng.sample(range(len(words)), len(words) // 3):
            words[at] = "replaced"
        return " ".join(words)
    raise ValueError(change)


def near_duplicates(rows: list[dict]) -> dict:
    from framing.ingest import Duplicates, RawArticle

    def raw(text: str, name: str) -> RawArticle:
        return RawArticle(name, None, "text", text, "utf-8", hashlib.sha256(text.encode()).hexdigest())

    texts = sorted({r["text"] for r in rows if len(r["text"].split()) >= 20})
    rng = random.Random(20250212)
    results = {}
    started = time.perf_counter()
    seen = Duplicates()
    false = sum(seen.check(raw(text, f"a{i}"))[0] is not None for i, text in enumerate(texts))
    seconds = time.perf_counter() - started
    results["distinct articles taken for near-duplicates"] = {"articles": len(texts), "share": false / len(texts)}
    for change in ("one byte", "newline added", "CR-only", "CRLF", "one word replaced",
                   "a third of the words replaced"):
        found = 0
        for i, text in enumerate(texts):
            pair = Duplicates()
            pair.check(raw(text, "original"))
            found += pair.check(raw(_copy(text, change, rng), "copy"))[0] == "original"
        results[f"copies found: {change}"] = {"articles": len(texts), "share": found / len(texts)}
    results["ms per article"] = 1000 * seconds / len(texts)
    return results


def main() -> int:
    if not DATA.exists():
        print(f"needs {DATA}")
        return 1
    rows = load_rows()
    results = {"exports": exports_as_articles(rows), "near_duplicates": near_duplicates(rows)}
    for label, numbers in results["exports"].items():
        print(f"export {label:<28} " + ", ".join(f"{k} {v}" for k, v in numbers.items()))
    for label, value in results["near_duplicates"].items():
        shown = f"{value:.2f}" if isinstance(value, float) else f"{value['share']:.3f} of {value['articles']}"
        print(f"near-duplicates  {label:<46} {shown}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
