"""Cleaning quality on real pages: shingle F1 of the kept article body against the gold body, on all
pages and on halves of them (does it generalise?), what each rule adds on sites it was not written
for, and cleaning speed.

    python benchmarks/bench_clean.py
    ONLY=quality python benchmarks/bench_clean.py     # or ONLY=halves (no ablations), ONLY=speed
    ONLY=titles BASELINE=main python benchmarks/bench_clean.py   # titles read from the dumps, and those that changed
    BASELINE=main python benchmarks/bench_clean.py   # also time the cleaning code at that git revision (dumps and HTML)

Uses ../shared/data/aeb-dev/ (the English pages): both whole-page text dumps (`dump_html_text`,
`dump_inscriptis`) through `label_lines`, and the original HTML through `label_html`, compared with
trafilatura alone on the same HTML and with keeping the whole dump.

Halves: the F1 of two halves of the pages differs by chance alone (a few hard pages decide a half's
score), so one split says little. Each input is scored on a fixed hash split (sha256 of the page
id, even/odd first byte) and on HALF_SPLITS random 50/50 splits (seeds 0-199, the same splits for
every input): the median, 90th percentile and largest gap between the halves, and the share of
splits within 0.01, and the share of random splits at least as far apart as the hash split (how
unusual that one split is). Trafilatura, never tuned on these pages, and the whole dump show the
noise floor a 39-page half has.

Real article text: every furniture pattern is tried on paragraphs of real articles (the gold bodies,
the AllSides excerpts, sentences of Narrative Frames); the ones it names are listed.

What each rule adds: every furniture pattern, every furniture rule, the whole lexicon and each
structural rule of the cleaning code is taken out alone and every page cleaned again. Per rule: the pages
where the kept body changes, those it helps and hurts, the sites it helps, the F1 it adds on all
pages, and the F1 it adds once the site it helps most is set aside (leave-one-site-out: a rule
written for one site adds nothing on the others; sites are URL hosts, 65 for 78 pages). And the
costs of the body search at half and twice their value: a value tuned to these pages would sit on
a sharp peak; and the costs chosen from a grid on the pages of some sites and scored on the others
(folds grouped by site, `held_out_costs`). `bench_clean_learned.py` scores a learned line classifier
the same way, on held-out sites.

Speed: MB of page dump per second through `label_lines`, the median of repeated passes; with
BASELINE=REV the cleaning code (framing.clean) of that revision is timed in the same run, passes interleaved.
Writes benchmarks/results/clean.json.
"""
from __future__ import annotations

import copy
import gzip
import hashlib
import importlib.util
import json
import os
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BODY_KINDS = ("body", "list_item", "subheading", "post_credit")  # what the gold article bodies hold (an embedded
# post's credit is kept, as metadata of the post: the gold bodies hold it)
STYLES = ("dump_html_text", "dump_inscriptis")
SPEED_PASSES = 5
HALF_SPLITS = 200  # random 50/50 splits of the pages (seeds 0-199): how far halves differ by chance


def shingle_tools():
    spec = importlib.util.spec_from_file_location("shingle_f1", SHARED / "tools" / "shingle_f1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def english_pages() -> list[dict]:
    path = SHARED / "data" / "aeb-dev" / "pages.jsonl"
    pages = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [page for page in pages if page.get("likely_english")]


def kept_body(lines) -> str:
    return "\n".join(line.text.strip() for line in lines if line.kind in BODY_KINDS)


def html_of(page: dict) -> str:
    path = SHARED / "data" / "aeb-dev" / page["html_path"]
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


# ── halves ──────────────────────────────────────────────────────────────────────────────────────

def hash_half(page_id: str) -> int:
    """0 or 1: the half of a page, fixed by the first byte of sha256(page id)."""
    return hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2


def hash_split(counts: dict[str, tuple], tools) -> dict:
    """F1 on the two halves of the fixed hash split, and their gap."""
    a = f1_of([c for i, c in sorted(counts.items()) if hash_half(i) == 0], tools)
    b = f1_of([c for i, c in sorted(counts.items()) if hash_half(i) == 1], tools)
    return {"a": round(a, 4), "b": round(b, 4), "gap": round(abs(a - b), 4)}


def firing(pages: list[dict], labelled: dict[str, dict[str, list]]) -> dict[str, set]:
    """For every rule (of kept lines and of dropped ones), and every furniture pattern within a
    rule, the ids of the pages (either dump style) where it labelled a line:
    {"rule" or "rule: pattern": {page ids}}."""
    patterns = {rule: [re.compile(p, re.IGNORECASE) for p in spec["patterns"]]
                for rule, spec in shipped_data("furniture")["rules"].items()}
    fired: dict[str, set] = defaultdict(set)
    for page in pages:
        for style in STYLES:
            for line in labelled[style][page["page_id"]]:
                fired[line.rule].add(page["page_id"])
                if line.kind is not None:
                    continue
                probe = line.text.strip(" \t*:|[](){}")
                for pattern in patterns.get(line.rule, ()):
                    if pattern.search(probe):
                        fired[f"{line.rule}: {pattern.pattern}"].add(page["page_id"])
                        break
    return fired


# ── generalisation: many random halves, and what each rule adds on sites it was not written for ──

def site_of(page: dict) -> str:
    """The site of a page: the host of its URL without "www." (a few sites give several pages)."""
    host = urlparse(page.get("url") or "").netloc.lower()
    return host.removeprefix("www.") or page["page_id"]


def counts_of(pairs: dict[str, tuple[str, str]], tools) -> dict[str, tuple]:
    """Per page id, the normalised shingle counts (tp, fp, fn) of (gold, predicted)."""
    return {i: tools.page_counts(gold, predicted) for i, (gold, predicted) in pairs.items()}


def f1_of(counts: list[tuple], tools) -> float:
    """The benchmark's F1 over pages from their counts: precision and recall averaged over pages
    (as `shingle_f1.scores` does), F1 from the two means."""
    precisions = [tools._prec(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [tools._rec(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def site_spread(counts: dict[str, tuple], sites: dict[str, str]) -> float:
    """The standard deviation over sites of a site's F1 (the mean page F1 of its pages): how much
    the score depends on which site a page comes from."""
    by_site: dict[str, list[float]] = defaultdict(list)
    for i, c in counts.items():
        by_site[sites[i]].append(page_f1(c))
    return round(statistics.pstdev([statistics.mean(f1s) for f1s in by_site.values()]), 4)


def random_halves(ids: list[str]) -> list[tuple[list[str], list[str]]]:
    """HALF_SPLITS random 50/50 splits of the page ids, split k shuffled with seed k."""
    result = []
    for seed in range(HALF_SPLITS):
        shuffled = sorted(ids)
        random.Random(seed).shuffle(shuffled)
        result.append((shuffled[:len(shuffled) // 2], shuffled[len(shuffled) // 2:]))
    return result


def gap_distribution(counts: dict[str, tuple], halves: list[tuple[list, list]], tools,
                     hash_gap: float | None = None) -> dict:
    """How far apart the F1 of the two halves falls over the same random splits: median, 90th
    percentile and largest gap, the share of splits within 0.01, and (given the hash split's gap)
    the share of random splits whose gap is at least that large: how unusual the fixed split is."""
    gaps = sorted(abs(f1_of([counts[i] for i in a], tools) - f1_of([counts[i] for i in b], tools))
                  for a, b in halves)
    result = {"median": round(statistics.median(gaps), 4), "p90": round(gaps[int(0.9 * len(gaps))], 4),
              "max": round(gaps[-1], 4), "within_0.01": round(sum(g <= 0.01 for g in gaps) / len(gaps), 3)}
    if hash_gap is not None:
        result["as_wide_as_hash"] = round(sum(g >= hash_gap - 1e-9 for g in gaps) / len(gaps), 3)
    return result


@contextmanager
def patched(module, **values):
    """Set attributes of `module` for the time of a `with` block."""
    old = {name: getattr(module, name) for name in values}
    try:
        for name, value in values.items():
            setattr(module, name, value)
        yield
    finally:
        for name, value in old.items():
            setattr(module, name, value)


@contextmanager
def furniture_without(rule: str | None = None, pattern: str | None = None, *, everything: bool = False):
    """The cleaning code run with the furniture lexicon less one pattern of one rule (the whole rule when
    `pattern` is None), or with no furniture phrase at all (`everything`)."""
    from framing import clean
    from framing.clean import furniture, metadata, text  # the modules that read the lexicon

    shipped = shipped_data("furniture")
    data = copy.deepcopy(shipped)
    if everything:
        for spec in data["rules"].values():
            spec["patterns"] = [r"[^\s\S]"]  # matches nothing
    elif pattern is None:
        del data["rules"][rule]
    else:
        data["rules"][rule]["patterns"] = [p for p in data["rules"][rule]["patterns"] if p != pattern]
        if not data["rules"][rule]["patterns"]:
            del data["rules"][rule]
    caches = (clean._furniture, clean._prefilters, clean._rule_gates)
    for cache in caches:
        cache.cache_clear()

    def load_data(name):
        return data if name == "furniture" else shipped_data(name)

    try:
        with patched(furniture, load_data=load_data), patched(metadata, load_data=load_data), \
                patched(text, load_data=load_data):
            yield
    finally:
        for cache in caches:
            cache.cache_clear()


def shipped_data(name: str) -> dict:
    from framing.lexicons import load_data

    return load_data(name)


def ablations() -> dict[str, object]:
    """Every rule that can be switched off, as name → a context manager factory: each furniture
    pattern ("rule: pattern"), and the structural rules of the cleaning code (repeats on the page, lines
    between prose, name lists, headings in the body, bullets next to bulleted prose, short
    sentences and lead-ins in the body, captions glued to their credit, comments ending the
    article, embedded posts, priced lines in the body)."""
    from framing.clean import blocks, labels  # each rule patched in the module that calls it

    result: dict[str, object] = {"[every furniture phrase]": lambda: furniture_without(everything=True)}
    for rule, spec in shipped_data("furniture")["rules"].items():
        result[f"{rule}: (the whole rule)"] = lambda r=rule: furniture_without(r)
        for pattern in spec["patterns"]:
            result[f"{rule}: {pattern}"] = lambda r=rule, p=pattern: furniture_without(r, p)
    result.update({
        "[page_repeat]": lambda: patched(labels, _mark_page_repeats=lambda blocks: None),
        "[between_prose]": lambda: patched(labels, _between_prose=lambda *args: False),
        "[tags: name list]": lambda: patched(blocks, _is_name_list=lambda text: False),
        "[heading_in_body]": lambda: patched(labels, _title_like=lambda block: False),
        "[bullet_in_list]": lambda: patched(labels, _next_kind_is_list=lambda *args: False),
        "[sentence_in_body]": lambda: patched(labels, _sentence_or_lead_in=lambda block: False),
        "[caption_above_credit]": lambda: patched(labels, _mark_captions=lambda blocks: None),
        "[comments end the body]": lambda: patched(labels, MIN_ARTICLE_WORDS=10**9),
        "[embedded_post]": lambda: patched(labels, _post_attribution=lambda block: False),
        "[price_in_body]": lambda: patched(labels, _PRICE=re.compile(r"[^\s\S]")),
    })
    return result


def contributions(pages: list[dict], base: dict[str, dict[str, tuple]], tools) -> list[dict]:
    """What each rule adds: per rule, the pages (of either dump) where taking it out changes the
    kept body, the pages and sites it helps and hurts (per-page F1 up or down by more than 0.001),
    the F1 it adds on all pages (mean of the two dumps), and on the pages left when the one site it
    helps most is set aside (leave-one-site-out: a rule written for one site adds nothing on the
    others)."""
    from framing.clean import label_lines

    sites = {page["page_id"]: site_of(page) for page in pages}
    rows = []
    for name, switch_off in ablations().items():
        changed: dict[str, dict[str, tuple]] = {style: {} for style in STYLES}
        with switch_off():
            for page in pages:
                for style in STYLES:
                    counts = tools.page_counts(page["gold_article_body"], kept_body(label_lines(page[style])))
                    if counts != base[style][page["page_id"]]:
                        changed[style][page["page_id"]] = counts
        per_page = defaultdict(float)  # page → F1 of the page with the rule minus without, mean of dumps
        for style in STYLES:
            for i, counts in changed[style].items():
                per_page[i] += (page_f1(base[style][i]) - page_f1(counts)) / len(STYLES)

        def added(keep) -> float:
            ids = [page["page_id"] for page in pages if keep(page["page_id"])]
            return statistics.mean(
                f1_of([base[s][i] for i in ids], tools)
                - f1_of([changed[s].get(i, base[s][i]) for i in ids], tools) for s in STYLES)

        by_site = defaultdict(float)
        for i, delta in per_page.items():
            by_site[sites[i]] += delta
        best_site = max(by_site, key=by_site.get) if by_site else None
        rows.append({
            "rule": name,
            "changed": len(per_page), "helps": sum(d > 0.001 for d in per_page.values()),
            "hurts": sum(d < -0.001 for d in per_page.values()),
            "sites_helped": sum(d > 0.001 for d in by_site.values()),
            "f1_added": round(added(lambda i: True), 4) if per_page else 0.0,
            "f1_added_without_best_site": round(added(lambda i: sites[i] != best_site), 4) if per_page else 0.0,
        })
    return rows


def article_units(pages: list[dict]) -> list[str]:
    """Real article text cut as a page dump would show it: the paragraphs of the aeb-dev gold bodies
    and of the AllSides excerpts, and the sentences of the Narrative Frames articles (one block each
    there, so every sentence is taken as if it were a paragraph of its own: an upper bound)."""
    units = [p for page in pages for p in page["gold_article_body"].split("\n") if p.strip()]
    for name, cut in (("allsides-roundups", lambda text: text.split("\n")),
                      ("narrative-frames-dev", lambda text: re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text))):
        path = SHARED / "data" / name / "articles.jsonl"
        if path.exists():
            units += [u for row in map(json.loads, path.open(encoding="utf-8")) for u in cut(row.get("text") or "")
                      if u.strip()]
    return units


def prose_hits(units: list[str]) -> list[dict]:
    """Per furniture pattern, the article paragraphs (or sentences) short enough for its rule that it
    names, with up to three of them: a pattern that names the article's own sentences is not a
    statement about page furniture (the hits that remain are mostly furniture left in those texts)."""
    from framing.clean import _BULLET, _PROBE_STRIP, _WORD, _one_space

    probes = []
    for unit in units:
        text = _one_space(_BULLET.sub("", unit.strip(), count=1)).strip()
        probes.append((len(_WORD.findall(text)), text.strip(_PROBE_STRIP)))
    rows = []
    for rule, spec in shipped_data("furniture")["rules"].items():
        most = spec.get("max_words", 12)
        for pattern in spec["patterns"]:
            compiled = re.compile(pattern, re.IGNORECASE)
            hits = [text for words, text in probes if words <= most and compiled.search(text)]
            rows.append({"rule": rule, "pattern": pattern, "hits": len(hits), "examples": hits[:3]})
    return rows


def sensitivity(pages: list[dict], tools) -> list[dict]:
    """The body search's costs at half and twice their value, one at a time: F1 (mean of both dumps)
    and the median gap between random halves. A value tuned to these pages would sit on a sharp peak."""
    from framing.clean import label_lines, labels

    halves = random_halves([page["page_id"] for page in pages])
    rows = []
    for name in ("_COST_OTHER", "_COST_FURNITURE"):
        value = getattr(labels, name)  # patched where the body search reads it
        for factor in (0.5, 1, 2):
            with patched(labels, **{name: round(value * factor)}):
                counts = [counts_of({page["page_id"]: (page["gold_article_body"], kept_body(label_lines(page[style])))
                                     for page in pages}, tools) for style in STYLES]
            rows.append({"constant": name, "value": round(value * factor),
                         "f1": round(statistics.mean(f1_of(list(c.values()), tools) for c in counts), 4),
                         "median_gap": round(statistics.mean(gap_distribution(c, halves, tools)["median"]
                                                             for c in counts), 4)})
    return rows


def site_folds(pages: list[dict]) -> dict[str, int]:
    """Site → fold (0 … COST_FOLDS - 1): sites ordered by the sha256 of their name, dealt in turn."""
    sites = sorted({site_of(page) for page in pages}, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    return {site: k % COST_FOLDS for k, site in enumerate(sites)}


SHARE_GRID = (0.5, 0.67, 0.8, 0.9, 1.0)


def html_fallback(pages: list[dict], tools) -> dict:
    """`label_html` falls back on the page-dump rules when trafilatura keeps fewer words than
    MIN_EXTRACTED_SHARE of what they keep. For each share of SHARE_GRID: the F1 on the HTML and the
    pages up and down against no fallback; and the share chosen on the other sites' pages (folds of
    `site_folds`) scored on each held-out fold, against the shipped share on the same pages."""
    from framing.clean import html, label_html

    pages = [page for page in pages if page.get("html_path")]
    runs = {}
    for name, share in (("trafilatura", 0.0), ("rules", float("inf"))):
        with patched(html, MIN_EXTRACTED_SHARE=share):
            runs[name] = {page["page_id"]: label_html(html_of(page))[0] for page in pages}
    gold = {page["page_id"]: page["gold_article_body"] for page in pages}
    words = {name: {i: html._kept_words(lines) for i, lines in run.items()} for name, run in runs.items()}
    counts = {name: {i: tools.page_counts(gold[i], kept_body(lines)) for i, lines in run.items()}
              for name, run in runs.items()}

    def chosen(share: float) -> dict[str, tuple]:
        return {i: counts["rules" if words["trafilatura"][i] < share * words["rules"][i] else "trafilatura"][i]
                for i in gold}

    rows = []
    for share in SHARE_GRID:
        by_page = chosen(share)
        moved = [page_f1(by_page[i]) - page_f1(counts["trafilatura"][i]) for i in gold]
        rows.append({"share": share, "f1": round(f1_of(list(by_page.values()), tools), 4),
                     "up": sum(d > 0.001 for d in moved), "down": sum(d < -0.001 for d in moved)})
    fold_of = site_folds(pages)
    folds = []
    for k in range(COST_FOLDS):
        held = [page["page_id"] for page in pages if fold_of[site_of(page)] == k]
        rest = [page["page_id"] for page in pages if fold_of[site_of(page)] != k]
        best = max(SHARE_GRID, key=lambda share: (f1_of([chosen(share)[i] for i in rest], tools),
                                                  share == html.MIN_EXTRACTED_SHARE))
        folds.append({"chosen": best, "held_out_f1": round(f1_of([chosen(best)[i] for i in held], tools), 4),
                      "shipped_f1": round(f1_of([chosen(html.MIN_EXTRACTED_SHARE)[i] for i in held], tools), 4),
                      "without_f1": round(f1_of([counts["trafilatura"][i] for i in held], tools), 4)})
    return {"rows": rows, "folds": folds}


COST_GRID = {"_COST_OTHER": (4, 6, 8, 12, 16), "_COST_FURNITURE": (12, 18, 25, 35, 50)}
COST_FOLDS = 5


def held_out_costs(pages: list[dict], tools) -> dict:
    """The two costs of the body search chosen on some sites and scored on the others: the pages are
    parted into COST_FOLDS folds grouped by site (sites sorted by the sha256 of their name, dealt in
    turn); in each fold the pair of COST_GRID with the best F1 (mean of both dumps) on the other
    folds' pages is scored on this fold's pages, against the shipped pair on the same pages. A pair
    fitted to these pages would be chosen differently fold by fold and lose on the held-out sites."""
    from framing.clean import label_lines, labels

    fold_of = site_folds(pages)
    grid = [(other, furniture) for other in COST_GRID["_COST_OTHER"] for furniture in COST_GRID["_COST_FURNITURE"]]
    counts = {}
    for other, furniture in grid:
        with patched(labels, _COST_OTHER=other, _COST_FURNITURE=furniture):
            counts[other, furniture] = {style: {page["page_id"]: tools.page_counts(
                page["gold_article_body"], kept_body(label_lines(page[style]))) for page in pages} for style in STYLES}

    def f1(pair, ids) -> float:
        return statistics.mean(f1_of([counts[pair][style][i] for i in ids], tools) for style in STYLES)

    shipped = (labels._COST_OTHER, labels._COST_FURNITURE)
    folds = []
    for k in range(COST_FOLDS):
        held = [page["page_id"] for page in pages if fold_of[site_of(page)] == k]
        rest = [page["page_id"] for page in pages if fold_of[site_of(page)] != k]
        chosen = max(grid, key=lambda pair: (f1(pair, rest), pair == shipped))
        folds.append({"pages": len(held), "chosen": list(chosen), "held_out_f1": round(f1(chosen, held), 4),
                      "shipped_f1": round(f1(shipped, held), 4)})
    return {"folds": folds, "held_out_f1": round(statistics.mean(f["held_out_f1"] for f in folds), 4),
            "shipped_f1": round(statistics.mean(f["shipped_f1"] for f in folds), 4)}


def page_f1(counts: tuple) -> float:
    """F1 of one page from its normalised shingle counts."""
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# ── titles ──────────────────────────────────────────────────────────────────────────────────────

def page_title(page: dict) -> str | None:
    """The page's own title: trafilatura's metadata of the saved HTML (its og:title or <title>)."""
    import trafilatura

    metadata = trafilatura.extract_metadata(html_of(page))
    return metadata.title if metadata else None


def title_is_right(title: str | None, own: str | None) -> bool:
    """Whether a title read from a dump is the page's own, compared lower-cased without punctuation:
    the same, or one holding the other and at least half as long (the own title may add the site's
    name, "… | MoreBikes"; the dump's headline may be the longer form)."""
    key, reference = (re.sub(r"[\W_]+", " ", (text or "").casefold()).strip() for text in (title, own))
    return bool(key and reference) and (key in reference or reference in key) and \
        min(len(key), len(reference)) >= 0.5 * max(len(key), len(reference))


def titles(pages: list[dict], baseline=None) -> dict:
    """The title `infer_metadata` reads from each dump (and the `baseline` clean module's), and how
    many are the page's own title per dump and hash half."""
    from framing.clean import infer_metadata, label_lines

    rows = []
    for page in pages:
        own = page_title(page)
        for style in STYLES:
            row = {"page": page["page_id"][:8], "site": site_of(page), "style": style, "half": "AB"[hash_half(page["page_id"])],
                   "own": own, "title": infer_metadata(label_lines(page[style]))["title"]}
            if baseline is not None:
                row["before"] = baseline.infer_metadata(baseline.label_lines(page[style]))["title"]
            rows.append(row)
    counts = {f"{style} {half}": [sum(title_is_right(r["title"], r["own"]) for r in rows if r["style"] == style and r["half"] == half),
                                  sum(r["style"] == style and r["half"] == half for r in rows)]
              for style in STYLES for half in "AB"}
    return {"rows": rows, "right": counts}


def print_titles(result: dict) -> None:
    print("\ntitles that are the page's own (trafilatura's of the HTML), per dump and hash half:",
          ", ".join(f"{key} {right}/{n}" for key, (right, n) in result["right"].items()))
    for row in result["rows"]:
        if "before" in row and row["before"] != row["title"]:
            verdicts = ["right" if title_is_right(row[key], row["own"]) else "wrong" for key in ("before", "title")]
            print(f"  {row['site']} {row['style']} ({row['half']}): {row['before']!r} ({verdicts[0]}) -> "
                  f"{row['title']!r} ({verdicts[1]}); own title {row['own']!r}")


# ── speed ───────────────────────────────────────────────────────────────────────────────────────

def baseline_label_lines(revision: str):
    """`label_lines` of the cleaning code as it is at git `revision`, loaded as a module of this package."""
    return baseline_clean(revision).label_lines


def baseline_clean(revision: str):
    """The cleaning code as it is at git `revision`, loaded as `framing.clean_baseline`."""
    from at_revision import module_at

    return module_at(revision, "clean")


def forget_seen_lines() -> None:
    """Empty the cleaning code's memory of lines already tried against the furniture patterns (and the
    baseline's, when one is loaded), so every page is timed as if it were the first one seen (none
    of these pages shares a site with another)."""
    from framing import clean

    for module in (clean, sys.modules.get("framing.clean_baseline")):
        for band in (module._prefilters() or ()) if module is not None else ():
            band.seen.clear()
        if hasattr(module, "_phrase_rule"):  # (the furniture rule found per line, remembered since)
            module._rule_gates().found.clear()


def speed(texts: list[str], functions: dict) -> dict[str, float]:
    """MB/s of each labelling function: the median of SPEED_PASSES passes, passes interleaved,
    each page cleaned cold (`forget_seen_lines` before it, included in the time)."""
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 2**20
    seconds: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(SPEED_PASSES):
        for name, function in functions.items():
            started = time.perf_counter()
            for text in texts:
                forget_seen_lines()
                function(text)
            seconds[name].append(time.perf_counter() - started)
    return {name: round(megabytes / statistics.median(times), 2) for name, times in seconds.items()}


# ── main ────────────────────────────────────────────────────────────────────────────────────────

def quality(pages: list[dict], tools) -> dict:
    """F1 on all pages, on the hash halves, and the gap between random halves, for both dumps, the
    HTML (framing and trafilatura alone) and the whole dump kept; per-page counts of each."""
    from framing.clean import label_html, label_lines

    labelled = {style: {page["page_id"]: label_lines(page[style]) for page in pages} for style in STYLES}
    counts = {style: counts_of({page["page_id"]: (page["gold_article_body"], kept_body(labelled[style][page["page_id"]]))
                                for page in pages}, tools) for style in STYLES}
    for style in STYLES:
        counts[f"whole {style}"] = counts_of({page["page_id"]: (page["gold_article_body"], page[style])
                                              for page in pages}, tools)
    with_html = [page for page in pages if page.get("html_path")]
    if with_html:
        import trafilatura

        htmls = {page["page_id"]: html_of(page) for page in with_html}
        gold = {page["page_id"]: page["gold_article_body"] for page in with_html}
        counts["html (framing)"] = counts_of({i: (gold[i], kept_body(label_html(htmls[i])[0])) for i in gold}, tools)
        counts["html (trafilatura)"] = counts_of({i: (gold[i], trafilatura.extract(htmls[i]) or "") for i in gold},
                                                 tools)
    halves = random_halves([page["page_id"] for page in pages])
    sites = {page["page_id"]: site_of(page) for page in pages}
    rows = {}
    for name, by_page in counts.items():
        precision = statistics.mean(tools._prec(*c) for c in by_page.values() if c[0] + c[1] > 0)
        recall = statistics.mean(tools._rec(*c) for c in by_page.values() if c[0] + c[2] > 0)
        hashed = hash_split(by_page, tools)
        rows[name] = {"f1": round(f1_of(list(by_page.values()), tools), 4), "precision": round(precision, 4),
                      "recall": round(recall, 4), "site_sd": site_spread(by_page, sites), "hash": hashed,
                      "random_halves": gap_distribution(by_page, halves, tools, hashed["gap"])}
    f1s = {i: page_f1(c) for i, c in counts[STYLES[0]].items()}
    lowest = [{"page": i[:8], "half": "AB"[hash_half(i)], "f1": round(f1s[i], 2)}
              for i in sorted(f1s, key=lambda i: (f1s[i], i))[:8]]
    return {"rows": rows, "lowest_pages": lowest, "labelled": labelled,
            "counts": {style: counts[style] for style in STYLES}}


def print_quality(results: dict) -> None:
    rows = results["inputs"]
    print(f"{'input':<26}{'F1':>7}{'prec':>7}{'recall':>8}{'site sd':>8}   hash halves A / B (gap)"
          f"   gap of {HALF_SPLITS} random halves: median, 90 %, max, share within 0.01, share as wide as hash")
    for name, r in rows.items():
        h, g = r["hash"], r["random_halves"]
        print(f"{name:<26}{r['f1']:>7.3f}{r['precision']:>7.3f}{r['recall']:>8.3f}{r['site_sd']:>8.3f}"
              f"   {h['a']:.3f} / {h['b']:.3f} ({h['gap']:.3f})"
              f"   {g['median']:.3f}, {g['p90']:.3f}, {g['max']:.3f}, {g['within_0.01']:.2f}, {g['as_wide_as_hash']:.2f}")
    print(f"hash halves: {results['hash_halves'][0]} / {results['hash_halves'][1]} pages; "
          "the eight lowest-scoring pages (" + STYLES[0] + ") and their hash half: "
          + ", ".join(f"{row['page']} {row['half']} {row['f1']:.2f}" for row in results["lowest_pages"]))


def print_contributions(rows: list[dict], fired: dict[str, set], sites: dict[str, str]) -> None:
    print("\nwhat each rule adds (taken out alone; F1 mean of both dumps; a page helped/hurt when its F1"
          " moves by > 0.001):")
    print("(labels: pages where the rule or pattern names a line, and their sites; changed: pages whose kept"
          " body changes without it)")
    print(f"{'labels':>7}{'sites':>6}{'changed':>8}{'helps':>6}{'hurts':>6}{'sites+':>7}{'F1 added':>9}"
          f"{'w/o best site':>14}  rule")
    for row in sorted(rows, key=lambda r: (-r["f1_added"], r["rule"])):
        key = row["rule"].removesuffix(": (the whole rule)").strip("[]")
        labels = fired.get(key, ())
        row["sites_labelled"] = len({sites[i] for i in labels}) if key in fired else None  # None: names no line
        print(f"{len(labels):>7}{row['sites_labelled'] if key in fired else '-':>6}{row['changed']:>8}{row['helps']:>6}{row['hurts']:>6}"
              f"{row['sites_helped']:>7}{row['f1_added']:>9.4f}{row['f1_added_without_best_site']:>14.4f}  {row['rule']}")
    narrow = [r["rule"] for r in rows if r["changed"] and (r["sites_helped"] <= 2 or r["f1_added_without_best_site"] <= 0)]
    print(f"rules that change pages but help at most two sites, or add nothing once the site they help most"
          f" is set aside: {len(narrow)}" + ("".join(f"\n  {name}" for name in narrow)))
    fitted = [r["rule"] for r in rows if r["changed"] and r["sites_labelled"] is not None and r["sites_labelled"] <= 2
              and (r["sites_helped"] <= 1 or r["f1_added_without_best_site"] <= 0)]
    print("of these, those that also name lines on at most two sites (fitted to a site, not redundant with the"
          f" body search): {len(fitted)}" + ("".join(f"\n  {name}" for name in fitted)))


def main() -> int:
    from framing.clean import label_lines

    tools = shingle_tools()
    pages = english_pages()
    if os.environ.get("ONLY") == "titles":
        baseline = baseline_clean(os.environ["BASELINE"]) if os.environ.get("BASELINE") else None
        print_titles(result := titles(pages, baseline))
        out = ROOT / "benchmarks" / "results"
        out.mkdir(parents=True, exist_ok=True)
        (out / "titles.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    ids = [page["page_id"] for page in pages]
    measured = quality(pages, tools)
    results: dict = {"pages": len(pages), "sites": len({site_of(page) for page in pages}),
                     "hash_halves": [sum(hash_half(i) == 0 for i in ids), sum(hash_half(i) == 1 for i in ids)],
                     "inputs": measured["rows"], "lowest_pages": measured["lowest_pages"]}
    print_quality(results)
    if os.environ.get("ONLY") in (None, "", "quality"):
        fired = firing(pages, measured["labelled"])
        rows = contributions(pages, measured["counts"], tools)
        results["contributions"] = rows
        print_contributions(rows, fired, {page["page_id"]: site_of(page) for page in pages})
        units = article_units(pages)
        results["prose_hits"] = hits = prose_hits(units)
        print(f"\nfurniture patterns that name real article text ({len(units)} paragraphs of the gold bodies and"
              " AllSides excerpts, sentences of Narrative Frames, each no longer than the pattern's rule allows):")
        for row in (row for row in hits if row["hits"]):
            print(f"  {row['hits']:>4}  {row['rule']}: {row['pattern'][:80]}")
            for example in row["examples"]:
                print(f"          {example[:110]}")
        print(f"  patterns that name none: {sum(not row['hits'] for row in hits)} of {len(hits)}")
        results["sensitivity"] = sensitivity(pages, tools)
        print("\nthe body search's costs at half and twice their value (F1 mean of both dumps, median gap"
              " between random halves):")
        for row in results["sensitivity"]:
            print(f"  {row['constant']:<16}{row['value']:>4}{row['f1']:>8.3f}{row['median_gap']:>8.3f}")
        results["held_out_costs"] = held_out_costs(pages, tools)
        print(f"\nthe costs chosen on the other sites ({COST_FOLDS} folds grouped by site; grid {COST_GRID}):")
        for k, fold in enumerate(results["held_out_costs"]["folds"]):
            print(f"  fold {k}: {fold['pages']:>2} pages, chosen {fold['chosen']}: held-out F1 {fold['held_out_f1']:.4f}"
                  f" (shipped costs {fold['shipped_f1']:.4f})")
        print(f"  mean over folds: {results['held_out_costs']['held_out_f1']:.4f}"
              f" (shipped costs {results['held_out_costs']['shipped_f1']:.4f})")
        results["html_fallback"] = fallback = html_fallback(pages, tools)
        print("\nHTML: the page-dump rules label the page when trafilatura keeps under this share of their words"
              " (F1; pages up and down against no fallback):")
        for row in fallback["rows"]:
            print(f"  {row['share']:<6}{row['f1']:>8.4f}{row['up']:>4} up{row['down']:>4} down")
        for k, fold in enumerate(fallback["folds"]):
            print(f"  fold {k}: chosen on the other sites {fold['chosen']}: held-out F1 {fold['held_out_f1']:.4f}"
                  f" (shipped share {fold['shipped_f1']:.4f}, no fallback {fold['without_f1']:.4f})")
        print("  mean over folds: " + ", ".join(f"{name} {statistics.mean(f[key] for f in fallback['folds']):.4f}"
                                                for name, key in (("held out", "held_out_f1"), ("shipped share", "shipped_f1"),
                                                                  ("no fallback", "without_f1"))))
    if os.environ.get("ONLY") in (None, "", "speed"):
        texts = [page[style] for page in pages for style in STYLES]
        functions = {"label_lines": label_lines}
        if os.environ.get("BASELINE"):
            functions = {f"label_lines at {os.environ['BASELINE']}": baseline_label_lines(os.environ["BASELINE"]),
                         **functions}
        results["mb_per_s"] = speed(texts, functions)
        print("\nspeed, MB of page dump per second (median of "
              f"{SPEED_PASSES} interleaved passes over {len(texts)} dumps):")
        for name, value in results["mb_per_s"].items():
            print(f"  {name:<30}{value:>7.2f}")
        if os.environ.get("BASELINE"):
            from framing.clean import label_html

            htmls = [html_of(page) for page in pages if page.get("html_path")]
            baseline = baseline_clean(os.environ["BASELINE"]).label_html
            results["html_mb_per_s"] = speed(htmls, {f"label_html at {os.environ['BASELINE']}": baseline,
                                                     "label_html": label_html})
            print(f"saved HTML through label_html, MB per second ({len(htmls)} pages, same passes):")
            for name, value in results["html_mb_per_s"].items():
                print(f"  {name:<30}{value:>7.2f}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "clean.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
