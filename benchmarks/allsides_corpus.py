"""Multi-event corpora made from the AllSides roundups, as a user would write them: one JSON-lines
export per corpus, one row per article (`event`, `outlet`, `title`, `url`, `published`, `text`).

    python benchmarks/allsides_corpus.py data/raw/allsides-100                # events 1-100
    python benchmarks/allsides_corpus.py data/raw/allsides-next100 --events 101-200
    python benchmarks/allsides_corpus.py data/raw/sides-100 --leans           # outlets as Left / Center / Right

The events are those of `../shared/data/allsides-roundups/articles.jsonl` covered by three or more
outlets, in the file's order (which is the order of their event_id), numbered from 1: "allsides-100"
in the docs is events 1-100 (300 articles, one left, one center and one right outlet each),
"allsides-next100" events 101-200. `published` is the roundup's date, not the article's. With
`--leans` each article's outlet is its AllSides side ("Left", "Center", "Right"), so the report
compares the three sides within each event. Writes `<folder>/articles.jsonl`; the folder must not
hold one already.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDUPS = ROOT.parent / "shared" / "data" / "allsides-roundups" / "articles.jsonl"


def events_with_three_outlets(rows: list[dict]) -> list[str]:
    """The event_ids covered by three or more distinct outlets, in the order they first appear."""
    outlets: dict[str, set[str]] = {}
    for row in rows:
        outlets.setdefault(row["event_id"], set()).add(row["outlet"])
    return [event for event, names in outlets.items() if len(names) >= 3]


def export_lines(first: int = 1, last: int = 100, *, leans: bool = False, path: Path = ROUNDUPS) -> list[str]:
    """The JSON lines of events `first` to `last` (1-based, inclusive) among those with three or
    more outlets; with `leans`, the outlet is the article's AllSides side, capitalised, and the
    outlet's name is kept as `source_outlet` (read into the articles table's `extra`)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = set(events_with_three_outlets(rows)[first - 1:last])
    return [json.dumps({"event": row["event_id"],
                        "outlet": row["allsides_side"].capitalize() if leans else row["outlet"],
                        "title": row["title"], "url": row["url"], "published": row["date"], "text": row["text"],
                        **({"source_outlet": row["outlet"]} if leans else {})},
                       ensure_ascii=False)
            for row in rows if row["event_id"] in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the corpus folder to write, e.g. data/raw/allsides-100")
    parser.add_argument("--events", default="1-100", help="first-last, 1-based (default 1-100)")
    parser.add_argument("--leans", action="store_true", help="name each outlet by its AllSides side")
    args = parser.parse_args()
    first, last = (int(part) for part in args.events.split("-"))
    target = args.folder / "articles.jsonl"
    if target.exists():
        raise SystemExit(f"{target} exists: choose a new folder")
    lines = export_lines(first, last, leans=args.leans)
    n_events = len({json.loads(line)["event"] for line in lines})
    if n_events < last - first + 1:  # a range past the last event: say so (an empty export would block the folder)
        rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines() if line.strip()]
        held = len(events_with_three_outlets(rows))
        if not lines:
            raise SystemExit(f"no events {first}-{last}: the roundups hold {held} events with three or more "
                             "outlets; choose a range within them (e.g. --events 370-469)")
        print(f"the roundups hold {held} events with three or more outlets: events {first}-{held} only")
    args.folder.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target}: {len(lines)} articles of {n_events} events")

if __name__ == "__main__":
    main()
