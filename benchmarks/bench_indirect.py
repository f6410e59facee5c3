"""Indirect attributions ("X said that …", "…, officials said", "according to X") against labels read by hand.

    python benchmarks/bench_indirect.py              # events 101-200, outlets by lean, scored
    python benchmarks/bench_indirect.py --list       # and every indirect row with its sentence, to label

The corpus is the one a user gets from `benchmarks/allsides_corpus.py <folder> --events 101-200 --leans`,
built by `framing build` into a temporary project. Each row `fr.extract_quotes` gives with `is_direct` false
is scored against `indirect_labels.tsv` (beside this file: ids and labels only, the text stays in
../shared/data), keyed by `article_id` (the build's stable id, from the article's text) and `sentence_id`.
A label's `truth` is the speaker the sentence gives the reported words to under the labelling rule of
docs/speaker-accuracy.md: a name, "anonymous", or empty (no speaker, or no attribution at all: `verdict`
"not"). `verdict` is how framing read the row when it was labelled (`right`, `wrong`: another speaker,
`missed`: none or a cut label where the text names one, `none`: a speaker where the text gives none, `not`:
no attribution), kept to show what a rule changed. A row is right when its speaker is the truth (names
compared as `bench_sources.py` compares them), anonymous when the truth is, none when the truth is empty
and the row is an attribution; a row of no attribution is wrong while framing gives it.
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from allsides_corpus import export_lines  # noqa: E402
from bench_sources import same_speaker  # noqa: E402

LABELS = Path(__file__).resolve().parent / "indirect_labels.tsv"
FIELDS = ("events", "article_id", "sentence_id", "verdict", "truth", "note")


def indirect_rows(first: int, last: int) -> pd.DataFrame:
    """The indirect quotes of events `first`-`last` with outlets by lean, built as a user builds them,
    each with the text of its sentence (`sentence`)."""
    import framing as fr
    from framing.build.corpus import build_corpus

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "data" / "raw" / "lean"
        raw.mkdir(parents=True)
        (raw / "articles.jsonl").write_text("\n".join(export_lines(first, last, leans=True)) + "\n", encoding="utf-8")
        out = Path(tmp) / "data" / "processed" / "lean"
        build_corpus(raw, out)
        sentences = pd.read_parquet(out / "sentences.parquet")
    sentences = sentences[sentences["kind"].isin(fr.CONTENT_KINDS)].reset_index(drop=True)
    quotes = fr.extract_quotes(sentences)
    text = sentences.set_index(["article_id", "sentence_id"])["text"]
    rows = quotes[~quotes["is_direct"]].copy()
    rows["sentence"] = [text.get(key, "") for key in zip(rows["article_id"], rows["sentence_id"])]
    return rows.reset_index(drop=True)


def read_labels(events: str) -> dict[tuple[str, int], dict]:
    with LABELS.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")]
    return {(row["article_id"], int(row["sentence_id"])): row for row in rows if row["events"] == events}


def is_right(row, label: dict) -> bool:
    """Whether framing's reading of an indirect row is the label's."""
    truth = label["truth"]
    if label["verdict"] == "not":
        return False
    if truth == "anonymous":
        return bool(row["is_anonymous"])
    speaker = row["speaker"] if isinstance(row["speaker"], str) else None
    if not truth:
        return speaker is None
    return not row["is_anonymous"] and same_speaker(truth, speaker)


def miss_kind(row, label: dict) -> str:
    """How a row that is not right misses: a row of no attribution, no speaker (nor anonymous) where the
    text names or describes one, or a wrong speaker given (a name, or anonymous, that is not the truth)."""
    if label["verdict"] == "not":
        return "not an attribution"
    given = row["is_anonymous"] or isinstance(row["speaker"], str)
    return "wrong speaker" if given else "no speaker"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", default="101-200")
    parser.add_argument("--list", action="store_true", help="print every indirect row with its sentence")
    args = parser.parse_args()
    first, last = (int(part) for part in args.events.split("-"))
    rows = indirect_rows(first, last)
    labels = read_labels(args.events)
    seen, right, unlabelled, misses = set(), 0, [], {"wrong speaker": 0, "no speaker": 0, "not an attribution": 0}
    for _, row in rows.iterrows():
        key = (row["article_id"], int(row["sentence_id"]))
        label = labels.get(key)
        if label is None:
            unlabelled.append(row)
            continue
        seen.add(key)
        ok = is_right(row, label)
        right += ok
        if not ok:
            misses[miss_kind(row, label)] += 1
        if args.list or not ok:
            print(f"{'ok ' if ok else 'MISS'} {key[0]} {key[1]} | {row['speaker']!r} (label {row['speaker_label']!r}, "
                  f"anonymous {bool(row['is_anonymous'])}) truth {label['truth']!r} | {row['sentence'][:200]}")
    gone = [label for key, label in labels.items() if key not in seen]
    gone_right = sum(label["verdict"] == "not" for label in gone)
    n = len(rows) - len(unlabelled)
    print(f"events {args.events}: {len(rows)} indirect rows, {n} labelled; right {right} of {n} ({right / max(n, 1):.2f})")
    print("misses: " + ", ".join(f"{kind} {n}" for kind, n in misses.items()))
    print(f"labelled rows no longer given: {len(gone)} ({gone_right} of them no attribution)")
    for label in gone:
        print(f"  gone {label['article_id']} {label['sentence_id']} ({label['verdict']}, truth {label['truth']!r})")
    for row in unlabelled:
        print(f"UNLABELLED {row['article_id']} {row['sentence_id']} | {row['speaker']!r} "
              f"(label {row['speaker_label']!r}, anonymous {bool(row['is_anonymous'])}) | {row['sentence'][:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
