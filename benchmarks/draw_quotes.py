"""Draw a fresh batch of quotes to label by hand for `bench_sources.py` (it prints no speaker).

    python benchmarks/draw_quotes.py --n 80 --seed 21 --split blind5 > batch.jsonl
    python benchmarks/draw_quotes.py --n 40 --seed 22 --source aeb --split blind6 > batch.jsonl
    python benchmarks/draw_quotes.py --n 40 --seed 22 --source frames --split blind6 >> batch.jsonl
    python benchmarks/draw_quotes.py --n 20 --seed 23 --source aeb --split blind7 > batch.jsonl
    python benchmarks/draw_quotes.py --n 41 --seed 23 --source frames --split blind7 >> batch.jsonl
    python benchmarks/draw_quotes.py --n 60 --seed 24 --source frames --split blind8 > batch.jsonl
    python benchmarks/draw_quotes.py --n 60 --seed 25 --source frames --split blind9 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 26 --source newsmtsc --split blind10 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 27 --source newsmtsc --split blind11 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 28 --source newsmtsc --split blind12 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 29 --source newsmtsc --split blind13 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 30 --source newsmtsc --split blind14 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 31 --source newsmtsc --split blind15 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 32 --source newsmtsc --split blind16 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 33 --source newsmtsc --split blind17 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 34 --source newsmtsc --split blind18 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 35 --source newsmtsc --split blind19 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 36 --source newsmtsc --split blind20 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 37 --source newsmtsc --split blind21 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 38 --source newsmtsc --split blind22 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 39 --source newsmtsc --split blind23 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 40 --source newsmtsc --split blind24 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 41 --source newsmtsc --split blind25 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 42 --source newsmtsc --split blind26 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 43 --source newsmtsc --split blind27 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 44 --source newsmtsc --split blind28 > batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 45 --source newsmtsc --split blind29 > batch.jsonl  # 52 left
    python benchmarks/draw_quotes.py --n 32 --seed 46 --source aeb --again --split blind30 > batch.jsonl
    python benchmarks/draw_quotes.py --n 68 --seed 46 --source frames --again --split blind30 >> batch.jsonl
    python benchmarks/draw_quotes.py --n 100 --seed 47 --source aeb --again --split blind31 > batch.jsonl  # 11 left
    python benchmarks/draw_quotes.py --n 100 --seed 47 --source frames --again --split blind31 >> batch.jsonl  # 80 left
    python benchmarks/draw_quotes.py --n 100 --seed 48 --source roundups --split blind32 > batch.jsonl

One direct quote at random from each of `n` articles drawn at random (fixed seed) that the labelled
samples do not hold yet (fewer than `n` when the articles run out). With `--source allsides` (the
default): AllSides articles after the first 300 (the test corpus), for
`tests/fixtures/quotes_allsides_sample.jsonl`. With `--source aeb`
(the English `gold_article_body` of ../shared/data/aeb-dev) or `--source frames` (the `text` of
../shared/data/narrative-frames-dev): the article cut into sentences as `framing build` cuts an
export's text, each row naming its `source` (the data set) and `article_id` (its `page_id` or
`article_id`) and how many of the article's sentences it keeps (`n_sentences`: up to `AFTER` after
the quote's last one, the sentences before, where a speaker's antecedents are, all kept), for
`tests/fixtures/quotes_news_sample.jsonl`. With `--source newsmtsc` (the sentences of US political news
in ../shared/data/newsmtsc-train, many outlets, one row per annotated mention): one direct quote at
random from each of `n` distinct sentences drawn at random, each sentence its own one-sentence
excerpt (`n_sentences` 1), the row naming it by its `primary_gid` as `article_id` (the first of a
sentence's ids in the file when it has several); a sentence that a labelled row holds is skipped, and
so is every sentence of an article (NewsMTSC's `source_doc_key`) that a labelled row or an earlier
row of the draw comes from, so that each quote is drawn from an article of its own (the `blind10` draw,
whose 100 sentences came from 100 articles, is the same row for row).
With `--source roundups` (AllSides' own summary of each event, `roundup_summary` of
../shared/data/allsides-roundups/events.jsonl, which no rule had been read from when it was added for `blind32`):
the same as aeb, each row naming `source` "allsides-roundups-events" and the event's `event_id` as `article_id`.
With `--again` (aeb, frames or roundups, once every article with a direct quote had been drawn): one quote from
each of `n` articles that labelled rows already hold, drawn among the direct quotes whose sentence lies after
the last sentence any labelled excerpt of that article kept (`n_sentences`), so that the quote's sentence and
the sentences after it were never shown in a batch (the sentences before it were, when the earlier quote was
labelled).
Every row has the sentence and the quote as
`framing.extract_quotes` cuts it, and an empty `speaker` to fill in. A row holds no text of the
article (the shared data stays out of the project): `python benchmarks/quote_samples.py batch.jsonl`
prints each row's excerpt, cut as here, to label it by reading it, before framing is run on the
batch, with the labelling rule of docs/speaker-accuracy.md ("The labelling rule, settled"), in short:

1. the speaker is whom the attribution governing the quote names (a verb of saying, writing, asking,
   calling, deeming or threatening, "according to"; the nearer one when two could); a pronoun or
   description takes the label of the speaker it stands for, and a quote standing alone after a
   speaker's quote goes on with that speaker;
2. a person: the fullest name the excerpt writes, no title; unnamed but one by role: the role;
3. one speaker spelled two ways: the fullest form, a bracketed abbreviation dropped;
4. a group named as a whole ("Senate Republicans", "Republican leaders"): its name as written;
5. "anonymous" only for persons the text says spoke without saying who, including an indefinite
   part of a group or body ("a dozen House Democrats", "U.S. officials");
6. several speakers named one by one: the first named; a couple written with one surname
   ("Tim and Karalyne Hyde"): the surname as written;
7. a body that issues the words is the body, even when a person leads it; a person speaking for
   a body is the person; an unnamed body is the head of its description;
8. a quoted document is its issuer when the excerpt names one; words it reports others saying
   are theirs; none when it gives no issuer;
9. null for terms, titles, names, slogans and scare quotes no attribution governs, and for a
   speaker the excerpt does not name or describe.

Write a `note` for hard cases, saying which rule decided it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_sources import ALLSIDES, NEWS, SAMPLE, sample_table  # noqa: E402
from quote_samples import NEWSMTSC, ROUNDUPS, SOURCES, article_sentences, one_sentence  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
# --source: the data set a row names as its `source` (its file, id field and text field: quote_samples.SOURCES)
NEWS_SOURCES = {"aeb": "aeb-dev", "frames": "narrative-frames-dev", "roundups": ROUNDUPS}
AFTER = 3  # sentences kept after a news quote's last one (a short attribution that follows it)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--split", default="blind")
    parser.add_argument("--source", choices=("allsides", *NEWS_SOURCES, "newsmtsc"), default="allsides")
    parser.add_argument("--again", action="store_true",
                        help="aeb, frames or roundups: a quote after every labelled excerpt of an article a batch holds")
    args = parser.parse_args()
    if args.again and args.source not in NEWS_SOURCES:
        parser.error("--again draws from aeb, frames or roundups only")
    draw = {"allsides": draw_allsides, "newsmtsc": draw_newsmtsc}.get(args.source, draw_news)
    items = draw(args)
    for item in items:
        print(json.dumps(fixture_row(item), ensure_ascii=False))
    return 0


def draw_allsides(args) -> list[dict]:
    """One quote from each of `args.n` AllSides articles after the first 300 (rows of the sample file)."""
    import framing as fr

    taken = {json.loads(line)["article_id"] for line in SAMPLE.open(encoding="utf-8")}
    articles = [json.loads(line) for line in ALLSIDES.open(encoding="utf-8")][300:]
    rng = random.Random(args.seed)
    rng.shuffle(articles)
    items = []
    for article in articles:
        if len(items) == args.n or article["article_id"] in taken:
            continue
        text = "\n".join(fr.split_sentences(article["text"]))
        item = drawn_quote({"split": args.split, "article_id": article["article_id"], "text": text}, rng)
        if item is not None:
            items.append(item)
    return items


def draw_news(args) -> list[dict]:
    """One quote from each of `args.n` articles of a news data set (rows of the news sample file): the
    article's sentences up to `AFTER` after the quote, as long as the quote is cut alike from them."""
    import framing as fr

    folder = NEWS_SOURCES[args.source]
    name, id_field, text_field = SOURCES[folder]
    shown = shown_sentences(folder)
    again = getattr(args, "again", False)
    articles = [json.loads(line) for line in (DATA / name).open(encoding="utf-8")]
    articles = [a for a in articles if a.get("likely_english", True) and (a[text_field] or "").strip()]
    rng = random.Random(args.seed)
    rng.shuffle(articles)
    items = []
    for article in articles:
        if len(items) == args.n or (article[id_field] in shown) != again:
            continue
        sentences = article_sentences(article[text_field])
        item = {"split": args.split, "source": folder, "article_id": article[id_field],
                "text": "\n".join(sentences)}
        quotes = fr.extract_quotes(sample_table(item))
        quotes = quotes[quotes["is_direct"] & (quotes["sentence_id"] >= shown.get(article[id_field], 0))]
        if quotes.empty:
            continue
        row = quotes.iloc[rng.randrange(len(quotes))]
        short = dict(item, text="\n".join(sentences[:int(row["sentence_end"]) + 1 + AFTER]))
        if cut_alike(short, row):
            item = short
        item.update(sentence_id=int(row["sentence_id"]), quote=row["quote"], speaker=None, note="")
        items.append(item)
    return items


def shown_sentences(folder: str) -> dict[str, int]:
    """{article id: how many of its first sentences a labelled row of the news sample file shows} for one
    data set (the most of any row of the article)."""
    labelled = [json.loads(line) for line in NEWS.open(encoding="utf-8")] if NEWS.exists() else []
    shown = {}
    for item in labelled:
        if item["source"] == folder:
            shown[item["article_id"]] = max(shown.get(item["article_id"], 0), item["n_sentences"])
    return shown


def draw_newsmtsc(args) -> list[dict]:
    """One quote from each of `args.n` distinct NewsMTSC sentences (rows of the news sample file), each
    sentence the whole of its excerpt."""
    labelled = [json.loads(line) for line in NEWS.open(encoding="utf-8")] if NEWS.exists() else []
    taken = {item["article_id"] for item in labelled if item["source"] == NEWSMTSC}
    ids, docs = {}, {}  # each distinct sentence: its first primary_gid in the file, and its articles
    with (DATA / NEWSMTSC / "train_targets.jsonl").open(encoding="utf-8") as lines:
        for row in map(json.loads, lines):
            ids.setdefault(row["sentence"], row["primary_gid"])
            docs.setdefault(row["sentence"], set()).add(row["source_doc_key"])
    held = {sentence for sentence, gid in ids.items() if gid in taken}
    held_docs = set().union(*(docs[sentence] for sentence in held))  # articles a labelled row was drawn from
    sentences = [(gid, sentence) for sentence, gid in ids.items() if sentence not in held]
    rng = random.Random(args.seed)
    rng.shuffle(sentences)
    items = []
    for gid, sentence in sentences:
        if len(items) == args.n:
            break
        if docs[sentence] & held_docs:  # one sentence per article: the quotes are independent draws
            continue
        item = {"split": args.split, "source": NEWSMTSC, "article_id": gid, "text": one_sentence(sentence)}
        if (item := drawn_quote(item, rng)) is not None:
            items.append(item)
            held_docs |= docs[sentence]
    return items


def drawn_quote(item: dict, rng: random.Random) -> dict | None:
    """The item with one of the direct quotes `extract_quotes` finds in its text drawn at random
    (`sentence_id`, `quote`, an empty `speaker` and `note`), or None when it has none."""
    import framing as fr

    quotes = fr.extract_quotes(sample_table(item))
    quotes = quotes[quotes["is_direct"]]
    if quotes.empty:
        return None
    row = quotes.iloc[rng.randrange(len(quotes))]
    return dict(item, sentence_id=int(row["sentence_id"]), quote=row["quote"], speaker=None, note="")


def fixture_row(item: dict) -> dict:
    """A drawn item as a row of a sample file: its text left out, a news row's sentences counted
    (`n_sentences`, which `quote_samples.with_text` keeps when it rebuilds the text)."""
    row = {k: v for k, v in item.items() if k not in ("text", "sentence_id", "quote", "speaker", "note")}
    row["sentence_id"] = item["sentence_id"]
    if "source" in item:
        row["n_sentences"] = len(item["text"].split("\n"))
    return {**row, **{k: item[k] for k in ("quote", "speaker", "note")}}


def cut_alike(item: dict, row) -> bool:
    """Whether `extract_quotes` on the item's text cuts the quote of `row` (from the whole article)
    in the same sentence."""
    import framing as fr

    quotes = fr.extract_quotes(sample_table(item))
    return bool(((quotes["sentence_id"] == row["sentence_id"]) & (quotes["quote"] == row["quote"])).any())


if __name__ == "__main__":
    sys.exit(main())
