"""Distinctive words when some events are covered by one outlet only: the calibrated threshold, the
terms that pass it and the top terms per outlet.

Run from the project root:

    .venv/bin/python benchmarks/bench_lone_events.py [processed corpus folder ...]

For the seed corpus (built in memory) and each processed folder given (e.g. a copy of allsides-100
built with `framing build`), and for that folder with one seed page added as an event of its own (an
event one outlet covers, as a user's stray page would be): `keywords.log_odds` and
`keywords.log_odds_threshold` (200 shuffles, seed 0) on the content words with outlet names and house
style set aside, as notebook 04 counts them. Prints the threshold, the largest |z|, how many terms
pass, the articles and events left out, and the top 10 terms of the `--outlets` outlets with most
words (default 4; 0 prints every outlet) and of the added page's outlet. Writes nothing.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seeds():
    from framing.build import build_tables
    from framing.config import CONTENT_KINDS, SEED_CORPUS

    sentences = build_tables(ROOT / "data" / "raw" / SEED_CORPUS).sentences
    return sentences[sentences["kind"].isin(CONTENT_KINDS)].reset_index(drop=True)


def report(name: str, sentences, outlets: int, also: str | None = None) -> None:
    import framing as fr

    marked = fr.unnest_tokens(sentences).pipe(fr.mark_set_aside)
    tokens = marked[marked["set_aside"] == ""]
    odds = fr.log_odds(tokens, group="outlet")
    threshold = fr.log_odds_threshold(tokens, group="outlet")
    passing = odds[odds["z"].abs() > threshold["threshold"]]
    left = threshold.get("n_articles_left_out", 0), threshold.get("n_events_left_out", 0)
    print(f"== {name}: threshold {threshold['threshold']:.2f}, largest |z| {threshold['observed_max_z']:.2f}, "
          f"{len(passing)} terms pass; {threshold['n_articles']} articles of {threshold['n_events']} events "
          f"compared, {left[0]} articles of {left[1]} events left out {threshold['note']}")
    if len(passing):
        print("   passing: " + ", ".join(f"{r.outlet}: {r.term} {r.z:.2f}" for r in passing.itertuples()))
    by_words = tokens.groupby("outlet").size().sort_values(ascending=False, kind="stable")
    chosen = list(by_words.index if outlets == 0 else by_words.index[:outlets])
    chosen += [also] if also and also not in chosen else []
    top = odds.sort_values(["outlet", "z", "term"], ascending=[True, False, True]).groupby("outlet").head(10)
    for outlet in chosen:
        rows = top[top["outlet"] == outlet]
        print(f"   {outlet}: " + (", ".join(f"{r.term} {r.z:.2f}" for r in rows.itertuples()) or "(no term compared)"))


def main() -> None:
    import pandas as pd

    import framing as fr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="processed corpus folders (data/processed/<corpus>)")
    parser.add_argument("--outlets", type=int, default=4, help="outlets to list top terms of (0: all)")
    args = parser.parse_args()
    seed = seeds()
    report("seeds", seed, args.outlets)
    page = seed[seed["article_id"] == seed["article_id"].iloc[0]].assign(event="one outlet only")
    for folder in args.corpora:
        sentences = fr.load_sentences(folder)
        report(Path(folder).name, sentences, args.outlets)
        report(f"{Path(folder).name} + one seed page as an event of its own ({page['outlet'].iloc[0]})",
               pd.concat([sentences, page], ignore_index=True), args.outlets, also=page["outlet"].iloc[0])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
