"""Draw a fresh batch of quotes to label by hand for `bench_sources.py` (it prints no speaker).

    python benchmarks/draw_quotes.py --n 80 --seed 19 --split blind3 > batch.jsonl

One direct quote at random from each of `n` AllSides articles drawn at random (fixed seed) among
those after the first 300 (the test corpus) that the labelled sample does not hold yet. Each row
has the article's sentences (one a line), the sentence and the quote as `framing.extract_quotes`
cuts it, and an empty `speaker` to fill in by reading the text: a name as written in full, a role
("NATO chief"), "anonymous", or null when nobody in the text says it (scare quotes, titles,
documents) or the speaker is not in the excerpt (say so in `note`).
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
