"""The same article saved in two formats, found once cleaned (`framing.build.copies`), on real pages.

    python benchmarks/bench_copies.py

1. Recall. Each of the 78 English AEB pages (../shared/data/aeb-dev) put in one corpus three times,
   as its saved HTML and as its two whole-page text dumps (`dump_html_text`, `dump_inscriptis`),
   the three files of a page given one outlet (its url's host) in manifest.csv: how many pages come
   out as one article (found), as two or more (missed), or as none; which copy is kept, and the
   shingle F1 of the kept body against the gold body beside that of each copy. The same without the
   manifest, each copy's outlet read from its text.
2. False copies. The AllSides corpora a user would build (events 1-100 and 101-200, 300 distinct
   articles each, `allsides_corpus.py`) and all 1,479 AllSides excerpts as one export: articles
   skipped as copies (should be none) and notes of the same text under two outlets; then, with the
   check switched off, every pair whose shorter body has half or more of its word trigrams in the
   other (exact sets), with outlet and events, so the margin of the threshold is seen.
3. Margins. On the AEB corpus with the check switched off: the lowest containment between copies
   of one page (exact, and as the sketches estimate it) and the highest between different pages.

Writes benchmarks/results/copies.json.
"""
from __future__ import annotations

import csv
import gzip
import itertools
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AEB = SHARED / "data" / "aeb-dev"
sys.path.insert(0, str(SHARED / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))
COPIES = {"html": ".html", "dump_html_text": ".text.txt", "dump_inscriptis": ".inscriptis.txt"}
_WORDS = re.compile(r"\w+")


def aeb_pages() -> list[dict]:
    pages = [json.loads(line) for line in (AEB / "pages.jsonl").open(encoding="utf-8")]
    return [page for page in pages if page.get("likely_english")]


def write_aeb(folder: Path, pages: list[dict], *, manifest: bool) -> None:
    """Each page as three files, `<page id>.html`, `.text.txt`, `.inscriptis.txt`, and a manifest
    giving the three one outlet, the host of the page's url."""
    folder.mkdir(parents=True)
    lines = []
    for page in pages:
        name = page["page_id"][:12]
        (folder / f"{name}.html").write_bytes(gzip.decompress((AEB / page["html_path"]).read_bytes()))
        (folder / f"{name}.text.txt").write_text(page["dump_html_text"], encoding="utf-8")
        (folder / f"{name}.inscriptis.txt").write_text(page["dump_inscriptis"], encoding="utf-8")
        host = urlsplit(page["url"]).hostname.removeprefix("www.")
        lines += [(name + suffix, host) for suffix in COPIES.values()]
    if manifest:
        with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows([("file", "outlet"), *lines])


def build(folder: Path, *, check: bool = True):
    from framing.build import build_tables
    from framing.build.copies import Found, SameArticles

    if check:
        return build_tables(folder, workers=2)
    with mock.patch.object(SameArticles, "find", lambda self, outlets=None: Found()):
        return build_tables(folder, workers=2)


def bodies(built) -> dict[str, str]:
    from framing.build.copies import BODY_KINDS

    body = built.sentences[built.sentences["kind"].isin(BODY_KINDS)]
    return body.groupby("article_id")["text"].agg(" ".join).to_dict()


def recall(pages: list[dict], *, manifest: bool) -> dict:
    """Pages found as one article, and the quality of the copy kept."""
    from shingle_f1 import scores

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "aeb"
        write_aeb(folder, pages, manifest=manifest)
        started = time.perf_counter()
        built = build(folder)
        seconds = time.perf_counter() - started
    articles = built.articles.assign(page=built.articles["source_file"].str[:12],
                                     copy=built.articles["source_file"].str[12:])
    per_page = articles.groupby("page").size()
    text = bodies(built)
    gold = {page["page_id"][:12]: page["gold_article_body"] for page in pages}
    kept = scores([(gold[row.page], text.get(row.article_id, "")) for row in articles.itertuples()])
    skipped = Counter("raw text" if p.copy_of else "cleaned"  # (the near-duplicate check's skips carry `copy_of`)
                      for p in built.problems if p.skipped)
    return {"pages": len(pages), "found as one article": int((per_page == 1).sum()),
            "as two or more": int((per_page >= 2).sum()), "as none": len(pages) - len(per_page),
            "articles kept": len(articles), "copy kept": dict(Counter(articles["copy"])),
            "skipped by the check on": dict(skipped),
            "notes: same text under two outlets": sum(1 for n in built.notes if "same text" in n.message),
            "kept body, shingle F1": kept["f1"], "build seconds": round(seconds, 1)}


def copy_quality(pages: list[dict]) -> dict:
    """Shingle F1 of each copy's cleaned body against the gold, with the check switched off."""
    from shingle_f1 import scores

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "aeb"
        write_aeb(folder, pages, manifest=True)
        built = build(folder, check=False)
    text = bodies(built)
    gold = {page["page_id"][:12]: page["gold_article_body"] for page in pages}
    result = {}
    for kind, suffix in COPIES.items():
        rows = built.articles[built.articles["source_file"].str.endswith(suffix)]
        result[kind] = {"pages": len(rows), **scores([(gold[f[:12]], text.get(i, ""))
                                                      for f, i in zip(rows["source_file"], rows["article_id"])])}
    return result, built


def trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.casefold())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def containment(left: set, right: set) -> float:
    return len(left & right) / min(len(left), len(right)) if left and right else 0.0


def margins(built) -> dict:
    """Exact and estimated containment between the copies of one page and between different pages."""
    from framing.build.copies import SameArticles

    text = bodies(built)
    sets = {i: trigrams(text.get(i, "")) for i in built.articles["article_id"]}
    pages = dict(zip(built.articles["article_id"], built.articles["source_file"].str[:12]))
    same = SameArticles()
    raws = [_raw(row) for row in built.articles.itertuples()]
    same.add(raws, built.articles, built.sentences)
    index = {i: n for n, i in enumerate(same.ids)}
    within, between = [], []
    for a, b in itertools.combinations(sets, 2):
        exact = containment(sets[a], sets[b])
        (within if pages[a] == pages[b] else between).append((exact, a, b))
    lowest = min(within)
    highest = max(between)
    estimate = same._containment(index[lowest[1]], index[lowest[2]])
    return {"copies of one page: lowest containment (exact)": round(lowest[0], 3),
            "the same pair, estimated from the sketches": round(estimate, 3),
            "between those files": [built.articles.set_index("article_id")["source_file"][i] for i in lowest[1:]],
            "copies of one page at 0.9 or more": f"{sum(e >= 0.9 for e, _, _ in within)} of {len(within)}",
            "different pages: highest containment (exact)": round(highest[0], 3)}


def _raw(row):
    import pandas as pd

    from framing.ingest import RawArticle

    record = None if pd.isna(row.source_record) else int(row.source_record)
    return RawArticle(row.source_file, record, row.format, "", "utf-8", row.raw_sha256, given={"outlet": row.outlet})


def allsides(name: str, lines: list[str]) -> dict:
    """Articles skipped as copies, notes, and near pairs (exact containment ≥ 0.5) with the check off."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / name
        folder.mkdir()
        (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        built = build(folder)
        skipped = [str(p) for p in built.problems if "once both are cleaned" in p.message and not p.copy_of]
        notes = [str(n) for n in built.notes if "same text" in n.message]
        off = build(folder, check=False)
    text = bodies(off)
    rows = off.articles.reset_index(drop=True)
    sets = [trigrams(text.get(i, "")) for i in rows["article_id"]]
    near = []
    for a, b in itertools.combinations(range(len(rows)), 2):
        share = containment(sets[a], sets[b])
        if share >= 0.5:
            near.append({"rows": [int(rows["source_record"][a]), int(rows["source_record"][b])],
                         "outlets": [rows["outlet"][a], rows["outlet"][b]],
                         "events": [rows["event"][a], rows["event"][b]], "containment": round(share, 3)})
    return {"articles": len(rows), "skipped as copies": len(skipped), "skipped": skipped,
            "notes": notes, "pairs at 0.5 or more (check off)": near}


def main() -> int:
    if not AEB.exists():
        print(f"needs {AEB}")
        return 1
    from allsides_corpus import export_lines

    pages = aeb_pages()
    results = {"recall, manifest": recall(pages, manifest=True),
               "recall, outlets read from the text": recall(pages, manifest=False)}
    quality, off = copy_quality(pages)
    results["each copy, check off"] = quality
    results["margins"] = margins(off)
    roundups = (SHARED / "data/allsides-roundups/articles.jsonl").read_text(encoding="utf-8").splitlines()
    for name, lines in (("allsides-100", export_lines(1, 100)), ("allsides-next100", export_lines(101, 200)),
                        ("allsides-roundups", [line for line in roundups if line.strip()])):
        results[name] = allsides(name, lines)
    for label in ("recall, manifest", "recall, outlets read from the text"):
        r = results[label]
        print(f"{label}: {r['found as one article']} of {r['pages']} pages found as one article "
              f"({r['found as one article'] / r['pages']:.2f}), {r['as two or more']} as two or more, {r['as none']} "
              f"as none; kept {r['copy kept']}; skipped on {r['skipped by the check on']}; "
              f"{r['notes: same text under two outlets']} notes; kept body F1 {r['kept body, shingle F1']}; "
              f"build {r['build seconds']} s")
    for kind, numbers in quality.items():
        print(f"each copy, check off: {kind:<16} F1 {numbers['f1']} ({numbers['pages']} pages)")
    for key, value in results["margins"].items():
        print(f"margins: {key}: {value}")
    for name in ("allsides-100", "allsides-next100", "allsides-roundups"):
        r = results[name]
        print(f"{name}: {r['skipped as copies']} of {r['articles']} skipped as copies "
              f"({r['skipped as copies'] / r['articles']:.3f}), {len(r['notes'])} notes")
        for line in r["skipped"] + r["notes"]:
            print(f"  {line}")
        for pair in r["pairs at 0.5 or more (check off)"]:
            print(f"  near pair (check off): rows {pair['rows']}, {pair['outlets']}, {pair['events']}, "
                  f"containment {pair['containment']}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "copies.json").write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
