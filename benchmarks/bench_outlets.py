"""The outlet read from page dumps (`infer_metadata`) against each page's web address: how often it
is the site's own name or address, another name (a parent company, a photo credit, a link), or none.

    python benchmarks/bench_outlets.py

Uses ../shared/data/aeb-dev/ (the English pages, both text dumps, split into the even and odd halves
of the hash of the page id, as bench_clean.py does) and the seeds. A name is the site's own when,
lower-cased without spaces or punctuation, it holds a label of the page's host or is held by one
("CBS News" of cbsnews.com, "nj.com"), or when it is one of the names in OWN, judged by hand (the
host abbreviates them: "Los Angeles Times" of latimes.com). Prints the counts and the other names.

Then one name per site (`framing.ingest.outlets.name_outlets`): the English pages are built as a
corpus of each form (each dump with its url in a manifest; the saved pages, whose url is their
own), and for the sites with two or more pages it counts those whose pages carry two or more
outlet names, before (each article's own, `outlet_inferred`) and after (`outlet`).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import tempfile
from collections import Counter, defaultdict
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
    one_name_per_site([page for page in pages if page.get("likely_english")])


def one_name_per_site(pages: list[dict]) -> None:
    """Sites of two or more pages whose pages carry two or more outlets, before and after naming."""
    import pandas as pd

    from framing.build import build_tables

    for form in (*STYLES, "html"):
        with tempfile.TemporaryDirectory() as work:
            corpus = Path(work) / form
            corpus.mkdir()
            lines = ["file,url"]
            for page in pages:
                name = page["page_id"][:12]
                if form == "html":
                    (corpus / f"{name}.html").write_bytes(gzip.decompress((SHARED / "data" / "aeb-dev" / page["html_path"]).read_bytes()))
                else:
                    (corpus / f"{name}.txt").write_text(page[form], encoding="utf-8")
                    lines.append(f"{name}.txt,{page['url']}")
            (corpus / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
            articles = build_tables(corpus).articles
        host = {page["page_id"][:12]: urlparse(page["url"]).hostname.removeprefix("www.") for page in pages}
        pages_of = Counter(host.values())
        names: dict[str, dict[str, set]] = defaultdict(lambda: {"before": set(), "after": set()})
        for file, before, after in articles[["source_file", "outlet_inferred", "outlet"]].itertuples(index=False):
            site = host[file.split(".")[0]]
            if pages_of[site] > 1:
                names[site]["before"].add(after if pd.isna(before) else before)
                names[site]["after"].add(after)
        split = {when: {site: sorted(seen[when]) for site, seen in names.items() if len(seen[when]) > 1}
                 for when in ("before", "after")}
        print(f"{form:16} sites of 2+ pages {sum(n > 1 for n in pages_of.values())}: split before "
              f"{len(split['before'])}, after {len(split['after'])};", "before:", split["before"] or "none",
              "after:", split["after"] or "none")


if __name__ == "__main__":
    main()
