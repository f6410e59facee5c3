"""Publication dates and titles read from real pages in three forms (the saved HTML and its two
whole-page text dumps), against what each page declares about itself.

    python benchmarks/bench_metadata.py
    BASELINE=main python benchmarks/bench_metadata.py   # also the cleaning code at that git revision

Uses all 88 pages of ../shared/data/aeb-dev/: the HTML through `label_html` (what a build of a saved
page reads), and `dump_html_text` and `dump_inscriptis` through `label_lines` and `infer_metadata`
(what a build of a plain-text page reads), each also with the page's url given, as a manifest gives
it (`check_date_with_url`, as the build applies it).

The reference date of a page is what its publisher wrote for machines, never framing's reading:
the publication stamps of the HTML (`article:published_time` and the other meta names of
`PUBLISHED_META`, schema.org `datePublished` in JSON-LD or microdata), each read as the day it is
written in and as its day in UTC, and the date written as folders of the url (/2019/11/8/,
/2019/nov/18/, /2019-11-19/). A page with none of these has no reference and is left out. A date
read from a page is the same day when it is one of those days, a day off when it is a day from
one (mostly a time zone: a US evening is the next day in UTC), different when further, or empty.

The reference title is the page's own (trafilatura's metadata of the HTML: og:title, else
<title>), compared as `bench_clean.title_is_right` does (the same words, or one holding the other
and at least half as long): right, other, or empty.

A page's stamp as an export or manifest gives it (Media Cloud's `publish_date`): the first stamp
that writes a time and zone ("2019-11-19T23:30:00-05:00"), read by `ingest.read_date` as the build
reads a `published` value, and compared with the day the saved page prints (its date through
`label_html`): the same day, a day off (the stamp read in another zone than it is written in), or
further; with BASELINE, also `read_date` of that revision.

Counts are given on all pages and on the two hash halves of `bench_clean` (sha256 of the page id),
so a rule fitted to some pages shows as a gap between halves. Writes benchmarks/results/metadata.json.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_clean import SHARED, STYLES, hash_half, html_of, site_of, title_is_right  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Meta names (property, name or itemprop, lower-cased) under which pages state when they were
# first published (not modified): Open Graph, Dublin Core, and the names of common CMSs and
# analytics tags (Parse.ly, Sailthru).
PUBLISHED_META = frozenset("""article:published_time og:article:published_time article.published datepublished
    pubdate pub_date parsely-pub-date sailthru.date dc.date dc.date.issued dcterms.date dcterms.created
    published published_at publish-date publish_date pdate sn-post-date article_date_original""".split())
VERDICTS = ("same day", "a day off", "different", "empty")
FORMS = ("html", *STYLES, *(f"{style} + url" for style in STYLES))


def pages() -> list[dict]:
    path = SHARED / "data" / "aeb-dev" / "pages.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8")]


# ── the reference ───────────────────────────────────────────────────────────────────────────────

def stamps(html: str) -> list[str]:
    """The publication stamps a page writes for machines: `PUBLISHED_META` meta values, and the
    first schema.org datePublished of its JSON-LD and of its microdata."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(html)
    found = []
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in PUBLISHED_META and meta.get("content"):
            found.append(meta.get("content").strip())
    for script in root.xpath('//script[@type="application/ld+json"]'):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text or "")
        if match:
            found.append(match.group(1))
            break
    for element in root.xpath('//*[@itemprop="datePublished"][not(self::meta)]')[:1]:
        found.append(element.get("datetime") or element.get("content") or element.text_content().strip())
    return [stamp for stamp in found if stamp]


def stamp_days(stamp: str) -> set[str]:
    """The day a stamp is written in, and its day in UTC when it gives a time zone."""
    from dateutil import parser

    text = stamp.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a zone named in letters dateutil does not know ("IST")
            moment = parser.parse(text)
    except (ValueError, OverflowError):
        return set()
    if moment.year < 1990:
        return set()  # "0001-01-01T00:00:00Z": a field left empty
    days = {moment.date().isoformat()}
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        days.add(moment.astimezone(datetime.timezone.utc).date().isoformat())
    return days


def reference_days(page: dict, html: str) -> tuple[set[str], str]:
    """The days a page declares it was published on, and where they come from."""
    from framing.clean import url_date

    days = set().union(*(stamp_days(stamp) for stamp in stamps(html)))
    sources = ["stamps"] if days else []
    in_url = url_date(page["url"])
    if in_url:
        days.add(in_url)
        sources.append("url")
    return days, "+".join(sources) or "none"


def verdict(day: str | None, reference: set[str]) -> str:
    if not day:
        return "empty"
    if day in reference:
        return "same day"
    read = datetime.date.fromisoformat(day)
    gap = min(abs((read - datetime.date.fromisoformat(other)).days) for other in reference)
    return "a day off" if gap <= 1 else "different"


# ── what framing reads ──────────────────────────────────────────────────────────────────────────

def read_forms(page: dict, html: str, clean) -> dict[str, tuple[str | None, str | None]]:
    """(published, title) read from each form of a page by the cleaning package `clean` (the
    current one or a baseline's), as the build reads them."""
    _, meta = clean.label_html(html)
    read = {"html": (meta.get("published"), meta.get("title"))}
    for style in STYLES:
        inferred = clean.infer_metadata(clean.label_lines(page[style]))
        read[style] = (inferred["published"], inferred["title"])
        checked = clean.check_date_with_url(inferred["published"], page["url"]) \
            if hasattr(clean, "check_date_with_url") else inferred["published"]
        read[f"{style} + url"] = (checked, inferred["title"])
    return read


def measure(rows: list[dict], key: str) -> dict:
    """Verdict counts per form, on all pages with a reference and per hash half."""
    counts = {}
    for form in FORMS:
        for half in ("all", "A", "B"):
            chosen = [row for row in rows if row["reference"] and (half == "all" or row["half"] == half)]
            dates = Counter(verdict(row[key][form][0], set(row["reference"])) for row in chosen)
            titles = Counter("empty" if not row[key][form][1] else
                             "right" if title_is_right(row[key][form][1], row["own_title"]) else "other"
                             for row in chosen if row["own_title"])
            apart = sum(row[key][form][0] != row[key]["html"][0] for row in chosen
                        if row[key][form][0] and row[key]["html"][0])
            counts[f"{form} {half}"] = {"pages": len(chosen), "dates": dict(dates), "titles": dict(titles),
                                        "apart_from_html": apart}
    return counts


def print_table(name: str, counts: dict) -> None:
    print(f"\n{name}: dates (same day / a day off / different / empty), dates that are not the HTML's"
          " (both read), and titles (right / other / empty)")
    print(f"{'form':<26}{'half':>5}{'pages':>6}   {'dates':<22}{'not HTML':>8}   {'titles'}")
    for key, row in counts.items():
        form, half = key.rsplit(" ", 1)
        dates = " / ".join(f"{row['dates'].get(v, 0):>2}" for v in VERDICTS)
        titles = " / ".join(f"{row['titles'].get(v, 0):>2}" for v in ("right", "other", "empty"))
        print(f"{form:<26}{half:>5}{row['pages']:>6}   {dates:<22}{row['apart_from_html']:>8}   {titles}")


_ZONED = re.compile(r"\d[T ]\d\d:\d\d.*(?:Z|[+-]\d\d:?\d\d)$")  # a time and its zone: "…T23:30:00-05:00"


def export_day(html: str, read_date) -> str | None:
    """The day `read_date` (an ingest module's) reads from the page's first stamp with a time and
    zone, as an export would give it; None when the page has none."""
    zoned = [stamp for stamp in stamps(html) if _ZONED.search(stamp.strip()) and stamp_days(stamp)]
    return read_date(zoned[0].strip()) if zoned else None


def print_export_days(rows: list[dict]) -> None:
    keys = [key for key in ("export before", "export after") if any(key in row for row in rows)]
    print("\nstamps with a time and zone read as an export gives them, against the day the saved page"
          " prints: same day / a day off / different")
    for key in keys:
        for half in ("all", "A", "B"):
            chosen = [row for row in rows if row.get(key) and row["after"]["html"][0]
                      and (half == "all" or row["half"] == half)]
            counts = Counter(verdict(row[key], {row["after"]["html"][0]}) for row in chosen)
            print(f"  {key:<14}{half:>4}{len(chosen):>5}   " + " / ".join(f"{counts.get(v, 0):>2}" for v in VERDICTS[:3]))


def copied_page_titles(clean) -> dict:
    """Titles (right / other / empty) and outlets read from the AllSides excerpts written as copied
    page text: title, blank line, text (see the module docstring)."""
    path = SHARED / "data" / "allsides-roundups" / "articles.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = Counter()
    for row in rows:
        meta = clean.infer_metadata(clean.label_lines(f"{row['title']}\n\n{row['text']}\n"))
        title = meta["title"]
        counts["empty" if title is None else "right" if clean.normalise_line(title) == clean.normalise_line(row["title"])
               else "other"] += 1
        counts["outlet read"] += meta["outlet"] is not None
    return {"articles": len(rows), **{key: counts[key] for key in ("right", "other", "empty", "outlet read")}}


def print_copied_page_titles(name: str, counts: dict) -> None:
    print(f"copied pages opening with their headline ({name}): {counts['articles']} AllSides excerpts, titles "
          f"{counts['right']} right / {counts['other']} other / {counts['empty']} empty; an outlet read from "
          f"{counts['outlet read']} (none is in the text)")


def main() -> int:
    import trafilatura

    from framing import clean
    from framing.ingest import read_date

    baseline = baseline_ingest = None
    if os.environ.get("BASELINE"):
        from at_revision import module_at

        baseline = module_at(os.environ["BASELINE"], "clean")
        baseline_ingest = module_at(os.environ["BASELINE"], "ingest")
    rows = []
    for page in pages():
        html = html_of(page)
        reference, source = reference_days(page, html)
        own = trafilatura.extract_metadata(html)
        row = {"page": page["page_id"][:8], "site": site_of(page), "half": "AB"[hash_half(page["page_id"])],
               "reference": sorted(reference), "source": source, "own_title": own.title if own else None,
               "after": read_forms(page, html, clean)}
        row["export after"] = export_day(html, read_date)
        if baseline is not None:
            row["before"] = read_forms(page, html, baseline)
            row["export before"] = export_day(html, baseline_ingest.read_date)
        rows.append(row)
    results = {"pages": len(rows), "with_reference": sum(bool(row["reference"]) for row in rows),
               "reference_sources": dict(Counter(row["source"] for row in rows)),
               "hash_halves": dict(Counter(row["half"] for row in rows if row["reference"]))}
    print(f"{results['pages']} pages, {results['with_reference']} with a reference date "
          f"({results['reference_sources']}); hash halves {results['hash_halves']}")
    for key in ("before", "after") if baseline is not None else ("after",):
        results[key] = measure(rows, key)
        print_table(f"{key} ({os.environ['BASELINE']})" if key == "before" else "this code", results[key])
    print_export_days(rows)
    results["export_days"] = {key: {half: dict(Counter(verdict(row[key], {row["after"]["html"][0]}) for row in rows
                                                         if row.get(key) and row["after"]["html"][0]
                                                         and (half == "all" or row["half"] == half)))
                                    for half in ("all", "A", "B")}
                              for key in ("export before", "export after") if any(key in row for row in rows)}
    print("\npages whose date is not the same day (this code):")
    for row in rows:
        wrong = {form: row["after"][form][0] for form in FORMS
                 if row["reference"] and verdict(row["after"][form][0], set(row["reference"])) in ("a day off", "different")}
        if wrong:
            print(f"  {row['site']:<24} {row['half']} reference {', '.join(row['reference'])}: "
                  + ", ".join(f"{form} {day}" for form, day in wrong.items()))
    if baseline is not None:
        print(f"\ndates and titles that changed since {os.environ['BASELINE']}:")
        for row in rows:
            for form in FORMS:
                (day0, title0), (day1, title1) = row["before"][form], row["after"][form]
                if day0 != day1 and row["reference"]:
                    print(f"  {row['site']:<24} {row['half']} {form}: date {day0} ({verdict(day0, set(row['reference']))})"
                          f" -> {day1} ({verdict(day1, set(row['reference']))})")
                if title0 != title1:
                    print(f"  {row['site']:<24} {row['half']} {form}: title {title0!r} -> {title1!r}")
    print()
    results["copied_pages"] = {"after": copied_page_titles(clean)}
    if baseline is not None:
        results["copied_pages"]["before"] = copied_page_titles(baseline)
        print_copied_page_titles(os.environ["BASELINE"], results["copied_pages"]["before"])
    print_copied_page_titles("this code", results["copied_pages"]["after"])
    results["rows"] = rows
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "metadata.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
