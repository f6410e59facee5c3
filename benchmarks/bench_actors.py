"""Actor resolution on real news: what the actor list holds, and whether annotated persons are found.

    python benchmarks/bench_actors.py [--top 150] [--sample 60 --seed 1617]

Builds two corpora in a temporary folder through `framing`'s own build, as a user's JSON-lines
export would be built: `/work/corpora/allsides-100` (the first 100 AllSides events, read while
writing the rules) and the other 405 events of `../shared/data/allsides-roundups` ("unseen": never
read while writing rules, only its printed figures). For each it prints the number of actors and
rows, and with `--top N` the N actors with most mentions (to be read by a person: outlets, places,
companies left in). On the unseen corpus it scores two samples of hand labels, each actor labelled
person / organisation / place / other by reading its sentences: `benchmarks/actor_labels_unseen.tsv`
(actors of the code at the start of issue 16, `--sample 60 --seed 16`, read while writing actors
1.3 and 1.4) and `benchmarks/actor_labels_unseen2.tsv` (actors of 1.3, `--seed 1617`, labelled
before the rules of 1.4; the unseen actor list was read while writing 1.4, so this sample is the
honest figure): "is a person" precision over the labelled actors still found (as an actor or a
name), and the labelled persons lost (a person whose name is now joined to another form counts
as lost). On NewsMTSC (`../shared/data/newsmtsc-train`: sentences with annotated person mentions) it
prints recall: the share of annotated mention spans covered by a person actor, over all annotated
mentions (pronouns and descriptions included, which no name finder covers) and over those written as
a name; the sentences of one source document are taken as one article and one event.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

import pandas as pd

import framing as fr
from framing.build import build_tables

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ALLSIDES_100 = Path("/work/corpora/allsides-100/articles.jsonl")
ROUNDUPS = SHARED / "allsides-roundups" / "articles.jsonl"
NEWSMTSC = SHARED / "newsmtsc-train" / "train_targets.jsonl"
LABELS = {"sample 1 (seed 16, read while writing actors 1.4)": ROOT / "benchmarks" / "actor_labels_unseen.tsv",
          "sample 2 (seed 1617, labelled before actors 1.4)": ROOT / "benchmarks" / "actor_labels_unseen2.tsv"}


def build_corpora(tmp: Path) -> dict[str, pd.DataFrame]:
    """{"allsides-100": sentences, "unseen": sentences}, each built from a JSON-lines export."""
    seen_lines = ALLSIDES_100.read_text(encoding="utf-8").splitlines()
    seen = {json.loads(line)["event_id"] for line in seen_lines}
    unseen = [line for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()
              if line.strip() and json.loads(line)["event_id"] not in seen]
    out = {}
    for name, lines in (("allsides-100", seen_lines), ("unseen", unseen)):
        folder = tmp / name
        folder.mkdir()
        (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        out[name] = build_tables(folder).sentences
    return out


_PRONOUNS = {"He", "She", "His", "Her", "Him", "They", "Their", "Them", "We", "Our", "I", "It", "You"}


def is_named(mention: str) -> bool:
    """True for an annotated mention written as a name: a capital first, not a pronoun or "The …"."""
    first = mention.strip(" \"“‘'").split(" ")[0]
    return first[:1].isupper() and first not in _PRONOUNS and first != "The"


def newsmtsc_recall() -> dict[str, tuple[int, int]]:
    """{"all": (annotated mention spans covered by a person actor, all annotated spans), "named":
    the same for mentions written as a name (`is_named`)}."""
    rows = [json.loads(line) for line in NEWSMTSC.open(encoding="utf-8")]
    sentences = (pd.DataFrame([{"article_id": r["source_doc_key"], "event": r["source_doc_key"],
                                "sentence_key": r["source_sentence_key"], "text": r["sentence"]} for r in rows])
                 .drop_duplicates(["article_id", "sentence_key"]).reset_index(drop=True))
    sentences["sentence_id"] = sentences.groupby("article_id").cumcount()
    sentences["outlet"], sentences["kind"] = "newsmtsc", "body"
    actors = fr.find_actors(sentences)
    key = sentences.set_index(["article_id", "sentence_key"])["sentence_id"]
    spans: dict[tuple, list] = {}
    for a in actors.itertuples():
        spans.setdefault((a.article_id, a.sentence_id), []).append((a.start, a.end))
    out = {"all": [0, 0], "named": [0, 0]}
    for r in rows:
        sid = key[(r["source_doc_key"], r["source_sentence_key"])]
        hit = any(s < r["to"] and r["from"] < e for s, e in spans.get((r["source_doc_key"], sid), ()))
        for kind in ("all", "named") if is_named(r["mention"]) else ("all",):
            out[kind][0] += hit
            out[kind][1] += 1
    return {kind: (found, total) for kind, (found, total) in out.items()}


def read_labels(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", comment="#", dtype=str)


def score_labels(actors: pd.DataFrame, labels: pd.DataFrame) -> dict:
    """Precision of "is a person" over the labelled actors still found (as an actor or a name), and
    the labelled persons no longer found."""
    present = set(actors["actor"]) | set(actors["name"])
    kept = labels[labels["actor"].isin(present)]
    persons = labels["label"] == "person"
    return {"labelled": len(labels), "kept": len(kept), "persons_kept": int((kept["label"] == "person").sum()),
            "precision": round(float((kept["label"] == "person").mean()), 3) if len(kept) else None,
            "persons_lost": sorted(labels.loc[persons & ~labels["actor"].isin(present), "actor"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=0, help="print the N actors with most mentions")
    parser.add_argument("--sample", type=int, default=0, help="print a random sample of N unseen actors")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpora = build_corpora(Path(tmp))
    for name, sentences in corpora.items():
        actors = fr.find_actors(sentences)
        counts = actors["actor"].value_counts()
        print(f"{name}: {sentences['article_id'].nunique()} articles, {len(actors)} actor rows, "
              f"{len(counts)} actors")
        if args.top:
            top = counts.sort_index().sort_values(ascending=False, kind="stable").head(args.top)
            print("  " + "; ".join(f"{a} ({n})" for a, n in top.items()))
        if name == "unseen":
            if args.sample:
                print("  sample: " + "; ".join(random.Random(args.seed).sample(sorted(counts.index), args.sample)))
            for label, path in LABELS.items():
                print(f"  labelled {label}:", score_labels(actors, read_labels(path)))
    for kind, (found, total) in newsmtsc_recall().items():
        print(f"newsmtsc ({kind} annotated mentions): {found} of {total} found as a person actor "
              f"({found / total:.3f})")


if __name__ == "__main__":
    main()
