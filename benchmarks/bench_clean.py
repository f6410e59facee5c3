"""Cleaning quality on real pages: shingle F1 of the kept article body against the gold body.

    python benchmarks/bench_clean.py

Uses ../shared/data/aeb-dev/ (the English pages): both whole-page text dumps (`dump_html_text`,
`dump_inscriptis`) through `label_lines`, and the original HTML through `label_html`, compared with
trafilatura alone on the same HTML. Also the baseline of keeping the whole dump, and the speed in
MB of text per second. Writes benchmarks/results/clean.json.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BODY_KINDS = ("body", "list_item", "subheading")  # what the gold article bodies hold


def shingle_scores():
    spec = importlib.util.spec_from_file_location("shingle_f1", SHARED / "tools" / "shingle_f1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.scores


def english_pages() -> list[dict]:
    path = SHARED / "data" / "aeb-dev" / "pages.jsonl"
    pages = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [page for page in pages if page.get("likely_english")]


def kept_body(lines) -> str:
    return "\n".join(line.text.strip() for line in lines if line.kind in BODY_KINDS)


def html_of(page: dict) -> str:
    path = SHARED / "data" / "aeb-dev" / page["html_path"]
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def main() -> int:
    from framing.clean import label_html, label_lines

    scores = shingle_scores()
    pages = english_pages()
    results = {"pages": len(pages)}
    for style in ("dump_html_text", "dump_inscriptis"):
        started = time.perf_counter()
        predicted = [kept_body(label_lines(page[style])) for page in pages]
        seconds = time.perf_counter() - started
        megabytes = sum(len(page[style].encode("utf-8")) for page in pages) / 2**20
        results[style] = {**scores([(p["gold_article_body"], t) for p, t in zip(pages, predicted)]),
                          "whole_dump": scores([(p["gold_article_body"], p[style]) for p in pages]),
                          "mb_per_s": round(megabytes / seconds, 1)}
    with_html = [page for page in pages if page.get("html_path")]
    if with_html:
        import trafilatura

        htmls = [html_of(page) for page in with_html]
        ours = [kept_body(label_html(html)[0]) for html in htmls]
        alone = [trafilatura.extract(html) or "" for html in htmls]
        gold = [page["gold_article_body"] for page in with_html]
        results["html"] = {"framing": scores(list(zip(gold, ours))),
                           "trafilatura_alone": scores(list(zip(gold, alone)))}
    print(f"{'input':<18}{'F1':>7}{'prec':>7}{'recall':>8}{'whole dump F1':>15}{'MB/s':>7}")
    for style in ("dump_html_text", "dump_inscriptis"):
        r = results[style]
        print(f"{style:<18}{r['f1']:>7.3f}{r['precision']:>7.3f}{r['recall']:>8.3f}"
              f"{r['whole_dump']['f1']:>15.3f}{r['mb_per_s']:>7.1f}")
    if "html" in results:
        h = results["html"]
        print(f"{'html (framing)':<18}{h['framing']['f1']:>7.3f}{h['framing']['precision']:>7.3f}"
              f"{h['framing']['recall']:>8.3f}")
        print(f"{'html (trafilatura)':<18}{h['trafilatura_alone']['f1']:>7.3f}"
              f"{h['trafilatura_alone']['precision']:>7.3f}{h['trafilatura_alone']['recall']:>8.3f}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "clean.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
