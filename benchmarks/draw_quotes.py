"""Draw a fresh batch of quotes to label by hand for `bench_sources.py` (it prints no speaker).

    python benchmarks/draw_quotes.py --n 80 --seed 21 --split blind5 > batch.jsonl

One direct quote at random from each of `n` AllSides articles drawn at random (fixed seed) among
those after the first 300 (the test corpus) that the labelled sample does not hold yet (fewer than
`n` when the articles run out). Each row has the article's sentences (one a line), the sentence and
the quote as `framing.extract_quotes` cuts it, and an empty `speaker` to fill in by reading the
excerpt, before framing is run on the batch, with the labelling rule of docs/sources.md ("The
labelling rule, settled"), in short:

1. the speaker is whom the attribution governing the quote names (a verb of saying, writing, asking,
   calling, deeming or threatening, "according to"; the nearer one when two could); a pronoun or
   description takes the label of the speaker it stands for, and a quote standing alone after a
   speaker's quote goes on with that speaker;
2. a person: the fullest name the excerpt writes, no title; unnamed but one by role: the role;
3. one speaker spelled two ways: the fullest form, a bracketed abbreviation dropped;
4. a group named as a whole ("Senate Republicans", "Republican leaders"): its name as written;
5. "anonymous" only for persons the text says spoke without saying who, including an indefinite
   part of a group or body ("a dozen House Democrats", "U.S. officials");
6. several speakers named one by one: the first named;
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

from bench_sources import ALLSIDES, SAMPLE, sample_table  # noqa: E402


def main() -> int:
    import framing as fr

    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--split", default="blind")
    args = parser.parse_args()
    taken = {json.loads(line)["article_id"] for line in SAMPLE.open(encoding="utf-8")}
    articles = [json.loads(line) for line in ALLSIDES.open(encoding="utf-8")][300:]
    rng = random.Random(args.seed)
    rng.shuffle(articles)
    drawn = 0
    for article in articles:
        if drawn == args.n or article["article_id"] in taken:
            continue
        text = "\n".join(fr.split_sentences(article["text"]))
        item = {"split": args.split, "article_id": article["article_id"], "text": text}
        quotes = fr.extract_quotes(sample_table(item))
        quotes = quotes[quotes["is_direct"]]
        if quotes.empty:
            continue
        row = quotes.iloc[rng.randrange(len(quotes))]
        item.update(sentence_id=int(row["sentence_id"]), quote=row["quote"], speaker=None, note="")
        print(json.dumps(item, ensure_ascii=False))
        drawn += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
