"""How much of the top of the distinctive-word lists is outlet names and house style, before and
after `framing.keywords.mark_set_aside`.

Run from the project root: `.venv/bin/python benchmarks/bench_set_aside.py`. On the first 100
AllSides events (300 articles) and on the seed corpus: weighted log-odds one outlet against the rest
(`log_odds`), the top 10 terms of every outlet by z-score; prints how many of them are outlet names or
house-style tokens (signposts included) with all tokens counted and with the set-aside tokens left
out, the terms set aside most often, and each outlet's signposts (`find_signposts`). Writes `benchmarks/results/set_aside.json`.
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
                     "examples": sorted(flagged["term"].value_counts().index[:10])}
    out["most_set_aside"] = fr.count_set_aside(tokens, by=None).head(15).to_dict("records")
    out["signposts"] = fr.find_signposts(tokens).to_dict("records")
    return out


def main() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_omission import allsides_100, seeds

    results = {"allsides_100": measure(allsides_100()), "seeds": measure(seeds())}
    for corpus, row in results.items():
        for name in ("all tokens", "set-aside left out"):
            r = row[name]
            print(f"{corpus}, {name}: {r['outlet_or_house_style']} of {r['n_top_terms']} top-{TOP} terms are "
                  f"outlet names or house style {r['examples']}")
        print(f"  set aside most: {[(r['term'], r['set_aside'], r['n']) for r in row['most_set_aside'][:10]]}")
        print(f"  signposts: {[(r['outlet'], r['signpost'], r['n_articles'], r['n_events']) for r in row['signposts']]}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
