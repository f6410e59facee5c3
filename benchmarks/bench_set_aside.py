"""How much of the top of the distinctive-word lists is outlet names and house style, before and
after `framing.keywords.mark_set_aside`.

Run from the project root: `.venv/bin/python benchmarks/bench_set_aside.py [sentences.parquet ...]`.
On the first 100 AllSides events (300 excerpts), on the same kind of corpus with outlets named by
lean (the first 100 events with one left, one center and one right article, the outlet column set
to "Left", "Center", "Right"), on the seed corpus and on the sentence table of
each built corpus named (e.g. `data/processed/allsides-100/sentences.parquet`, whole articles): weighted log-odds one outlet against the rest
(`log_odds`), the top 10 terms of every outlet by z-score; prints how many of them are outlet names or
house-style tokens (signposts included) with all tokens counted and with the set-aside tokens left
out, and the tokenisation artefacts among them (single letters, terms with a period, numbers), the
terms set aside most often, the ordinary words set aside as outlet names (terms the table also
writes in lower case) and each outlet's signposts (`find_signposts`). Writes
`benchmarks/results/set_aside.json`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "set_aside.json"
TOP = 10


def measure(sentences) -> dict:
    import framing as fr

    tokens = fr.unnest_tokens(sentences).pipe(fr.mark_set_aside)
    aside_terms = set(tokens.loc[tokens["set_aside"] != "", "term"])
    out = {}
    for name, table in (("all tokens", tokens), ("set-aside left out", tokens[tokens["set_aside"] == ""])):
        odds = fr.log_odds(table, group="outlet")
        top = odds.sort_values(["outlet", "z", "term"], ascending=[True, False, True]).groupby("outlet").head(TOP)
        flagged = top[top["term"].isin(aside_terms)]
        out[name] = {"n_top_terms": len(top), "outlet_or_house_style": len(flagged),
                     "examples": sorted(flagged["term"].value_counts().index[:10]), **artefacts(top["term"]),
                     "whole_table": {k: len(v) if isinstance(v, list) else v
                                     for k, v in artefacts(odds["term"].drop_duplicates()).items()}}
    out["most_set_aside"] = fr.count_set_aside(tokens, by=None).head(15).to_dict("records")
    names = tokens[tokens["set_aside"] == "outlet name"]
    lower = set(tokens.loc[tokens["token"].str[:1].str.islower(), "term"])
    out["ordinary_words_as_outlet_names"] = names[names["term"].isin(lower)]["term"].value_counts().to_dict()
    out["signposts"] = fr.find_signposts(tokens).to_dict("records")
    return out


def artefacts(terms) -> dict:
    """Tokenisation artefacts among top terms: single letters (pieces of "(R-S.C.)" or middle
    initials), terms with a period (dotted abbreviations, party tags), and numbers (no letter)."""
    terms = terms.astype(str)
    return {"single_letters": sorted(terms[terms.str.fullmatch(r"[^\W\d_]")]),
            "with_period": sorted(terms[terms.str.contains(".", regex=False)]),
            "numbers": int((~terms.str.contains(r"[^\W\d_]")).sum())}


def allsides_by_lean(n_events: int = 100):
    """The AllSides excerpts of the first `n_events` events with one left, one center and one right
    article (`allsides_side`), each article's outlet renamed after its side: "Left", "Center",
    "Right", as a study that groups outlets by lean names them."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_compare import ALLSIDES, read_allsides

    side, events = {}, {}
    for line in ALLSIDES.open(encoding="utf-8"):
        article = json.loads(line)
        side[article["article_id"]] = article["allsides_side"]
        events.setdefault(article["event_id"], []).append(article["allsides_side"])
    chosen = [e for e, sides in events.items() if sorted(sides) == ["center", "left", "right"]][:n_events]
    table = read_allsides()
    table = table[table["event"].isin(chosen)].reset_index(drop=True)
    return table.assign(outlet=table["article_id"].map(side).str.capitalize())


def main() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_omission import allsides_100, seeds

    import pandas as pd
    from framing.config import CONTENT_KINDS

    results = {"allsides_100": measure(allsides_100()), "allsides_lean_100": measure(allsides_by_lean()),
               "seeds": measure(seeds())}
    for path in sys.argv[1:]:  # sentence tables of built corpora, e.g. data/processed/allsides-100/sentences.parquet
        table = pd.read_parquet(path)
        results[Path(path).parent.name] = measure(table[table["kind"].isin(CONTENT_KINDS)].reset_index(drop=True))
    for corpus, row in results.items():
        for name in ("all tokens", "set-aside left out"):
            r = row[name]
            print(f"{corpus}, {name}: {r['outlet_or_house_style']} of {r['n_top_terms']} top-{TOP} terms are "
                  f"outlet names or house style {r['examples']}; single letters {r['single_letters']}, "
                  f"with a period {r['with_period']}, numbers {r['numbers']}; in the whole table "
                  f"(distinct terms) {r['whole_table']}")
        print(f"  set aside most: {[(r['term'], r['set_aside'], r['n']) for r in row['most_set_aside'][:10]]}")
        print(f"  ordinary words set aside as outlet names: {row['ordinary_words_as_outlet_names']}")
        print(f"  signposts: {[(r['outlet'], r['signpost'], r['n_articles'], r['n_events']) for r in row['signposts']]}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
