"""Synthetic benchmark corpora made of real news text.

Paragraphs are sampled from the AllSides excerpts, the gold bodies of the AEB pages and the seed
articles, recombined into articles of 4 to 14 paragraphs so no two articles are identical, and
given an outlet, an event and a headline from the AllSides set. Most articles are written as
JSON-lines exports of 1,000 rows (as a Media Cloud export would come); every hundredth article,
while they last, is one of the AEB plain-text page dumps (each used once), so page cleaning is part
of the cost.
"""
from __future__ import annotations

import json
import random
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ROWS_PER_EXPORT = 1000
FURNITURE = ("Share on Facebook", "Share on X", "Related posts", "Sign in to comment",
             "Advertisement", "Read more")


@lru_cache(maxsize=1)
def text_pools() -> dict[str, list]:
    """Paragraphs, headlines, outlets and page dumps to sample from."""
    allsides = [json.loads(line) for line in
                (SHARED / "data/allsides-roundups/articles.jsonl").open(encoding="utf-8")]
    pages = [json.loads(line) for line in (SHARED / "data/aeb-dev/pages.jsonl").open(encoding="utf-8")]
    pages = [p for p in pages if p.get("likely_english")]
    paragraphs = [p.strip() for a in allsides for p in a["text"].split("\n") if len(p.split()) >= 8]
    paragraphs += [p.strip() for page in pages for p in page["gold_article_body"].split("\n")
                   if len(p.split()) >= 8]
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        paragraphs += [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()
                       if len(line.split()) >= 20]
    return {
        "paragraphs": paragraphs,
        "titles": [a["title"] for a in allsides if a.get("title")],
        "outlets": sorted({a["outlet"] for a in allsides if a.get("outlet")}),
        "dumps": [page["dump_html_text"] for page in pages],
    }


def synthetic_article(rng: random.Random, number: int, n_events: int) -> dict:
    pools = text_pools()
    paragraphs = rng.sample(pools["paragraphs"], rng.randint(4, 14))
    if rng.random() < 0.3:
        paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(FURNITURE))
    return {
        "text": "\n\n".join(paragraphs),
        "title": rng.choice(pools["titles"]),
        "outlet": rng.choice(pools["outlets"]),
        "event": f"event-{rng.randrange(n_events):05d}",
        "url": f"https://example.org/story/{number}",
        "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }


def article_table(n_articles: int, *, seed: int = 0):
    """`n_articles` articles drawn as `write_corpus` draws them, as a table in memory (no page
    dumps): `article_id`, `outlet`, `event`, `title`, `published`, `url`, `text`."""
    import pandas as pd

    rng = random.Random(seed)
    n_events = max(1, n_articles // 20)
    rows = [synthetic_article(rng, number, n_events) for number in range(n_articles)]
    return pd.DataFrame(rows).assign(article_id=[f"a{number:07d}" for number in range(n_articles)])


def paragraph_table(articles, *, distinct: bool = False):
    """The paragraphs of `articles` (`article_table`), one row each: `article_id`, `outlet`,
    `event`, `paragraph_id`, `text`. With `distinct`, a paragraph only where it first occurs: the
    same text with its repeats removed (the recombined articles share paragraphs, as wire copies
    and boilerplate do in real corpora)."""
    paragraphs = articles.assign(text=articles["text"].str.split("\n\n")).explode("text", ignore_index=True)
    paragraphs["paragraph_id"] = paragraphs.groupby("article_id").cumcount()
    paragraphs = paragraphs[["article_id", "outlet", "event", "paragraph_id", "text"]]
    return paragraphs.drop_duplicates("text", ignore_index=True) if distinct else paragraphs


def write_corpus(folder: Path, n_articles: int, *, seed: int = 0) -> Path:
    """Write a corpus of `n_articles` into `folder` (created; must not exist). Returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    n_events = max(1, n_articles // 20)
    dumps = list(text_pools()["dumps"])
    rows, part = [], 0
    for number in range(n_articles):
        if number % 100 == 99 and dumps:
            (folder / f"page-{number:07d}.txt").write_text(dumps.pop(), encoding="utf-8")
            continue
        rows.append(synthetic_article(rng, number, n_events))
        if len(rows) == ROWS_PER_EXPORT:
            _write_export(folder / f"export-{part:04d}.jsonl", rows)
            rows, part = [], part + 1
    if rows:
        _write_export(folder / f"export-{part:04d}.jsonl", rows)
    return folder


def write_export(path: Path, megabytes: float, *, seed: int = 0) -> Path:
    """Write one JSON-lines export of about `megabytes` MB of synthetic articles (as one large
    Media Cloud export would come), for measuring how reading a single large file scales."""
    rng = random.Random(seed)
    target = megabytes * 2**20
    n_events = max(1, int(target // 2200 // 20))
    written, number = 0, 0
    with Path(path).open("w", encoding="utf-8") as handle:
        while written < target:
            line = json.dumps(synthetic_article(rng, number, n_events), ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            number += 1
    return Path(path)


def add_article(folder: Path, *, seed: int = 1) -> Path:
    """Add one new article file to a corpus (for the incremental rerun measurement)."""
    rng = random.Random(seed)
    path = Path(folder) / "added-article.jsonl"
    _write_export(path, [synthetic_article(rng, 10**9, 1)])
    return path


def _write_export(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
