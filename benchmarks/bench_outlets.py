"""The outlet read from page dumps (`infer_metadata`) against each page's web address: how often it
is the site's own name or address, another name (a parent company, a photo credit, a link), or none.

    python benchmarks/bench_outlets.py

Uses ../shared/data/aeb-dev/ (the English pages, both text dumps, split into the even and odd halves
of the hash of the page id, as bench_clean.py does) and the seeds. A name is the site's own when,
lower-cased without spaces or punctuation, it holds a label of the page's host or is held by one
("CBS News" of cbsnews.com, "nj.com"), or when it is one of the names in OWN, judged by hand (the
host abbreviates them: "Los Angeles Times" of latimes.com). Prints the counts and the other names.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STYLES = ("dump_html_text", "dump_inscriptis")
OWN = {("nytimes.com", "The New York Times"), ("ctpost.com", "Connecticut Post"), ("latimes.com", "Los Angeles Times"),
       ("sputniknews.com", "Sputnik International"), ("sputniknews.com", "Sputnik"), ("expapp.com", "Experience"),
       ("nbcdfw.com", "NBC 5 Dallas-Fort Worth"), ("wsj.com", "Wall Street Journal"), ("nypost.com", "New York Post")}
NOT_LABELS = frozenset("com co uk org net in ca info".split())


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def verdict(outlet: str | None, host: str) -> str:
    """"own", "other" or "none"."""
    if not outlet:
        return "none"
    if (host, outlet) in OWN:
        return "own"
    name = _key(outlet).removeprefix("the")
    labels = [_key(label) for label in host.split(".") if label not in NOT_LABELS]
    return "own" if any(name in label or label in name for label in labels) or _key(host) in name else "other"


def main() -> None:
    from framing import clean

    pages = [json.loads(line) for line in (SHARED / "data" / "aeb-dev" / "pages.jsonl").open(encoding="utf-8")]
    counts, others = Counter(), Counter()
    for page in (page for page in pages if page.get("likely_english")):
        host = urlparse(page["url"]).hostname.removeprefix("www.")
        half = ("even", "odd")[hashlib.sha256(page["page_id"].encode("utf-8")).digest()[0] % 2]
        for style in STYLES:
            outlet = clean.infer_metadata(clean.label_lines(page[style]))["outlet"]
            counts[style, half, verdict(outlet, host)] += 1
            if verdict(outlet, host) == "other":
                others[f"{host}: {outlet}"] += 1
    for style in STYLES:
        for half in ("even", "odd"):
            print(f"{style:16} {half:4}", "  ".join(f"{v} {counts[style, half, v]:2d}" for v in ("own", "other", "none")))
    print("other names:", dict(others) or "none")
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        meta = clean.infer_metadata(clean.label_lines(path.read_text(encoding="utf-8")))
        print("seed", path.name, "outlet:", meta["outlet"])


if __name__ == "__main__":
    main()
