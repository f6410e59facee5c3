"""What "only this outlet reports it" measures: exclusivity against article length, before and after
the omission rule (a counterpart counts only when mutual or above the event's null; for "every
outlet reports it", only when it also reaches the alignment threshold).

Run from the project root: `.venv/bin/python benchmarks/bench_omission.py`. Prints, for the first
100 AllSides events (300 articles, the allsides-100 corpus a user builds from the roundups) and for
the seed corpus: sentences exclusive and shared by every outlet under each rule, Spearman's rho between an article's share
of exclusive sentences and its length, how often the longest article of an event is the most
exclusive, the rho of the length-adjusted share (`excess_share`), and the exclusive share by voice
(the journalist's narration vs quotes). Writes `benchmarks/results/omission.json`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "omission.json"
N_EVENTS = 100


def measure(sentences: pd.DataFrame) -> dict:
    from framing import compare

    pairs = compare.align_sentences(sentences)
    threshold = float(compare.read_params()["align"]["threshold"])
    rules = {"before (similarity >= threshold)": pairs[pairs["similarity"] >= threshold].drop(columns=["reported", "confirmed"]),
             "after (mutual or above the event null)": pairs}
    out = {}
    for name, chosen in rules.items():
        articles = compare.summarise_exclusivity(chosen, sentences)
        rho = spearmanr(articles["share_exclusive"], articles["n_sentences"]).statistic if len(articles) > 2 else None
        rho_excess = spearmanr(articles["excess_share"], articles["n_sentences"]).statistic if len(articles) > 2 else None
        longest = articles.loc[articles.groupby("event")["n_sentences"].idxmax()].set_index("event")["article_id"]
        most = articles.loc[articles.groupby("event")["share_exclusive"].idxmax()].set_index("event")["article_id"]
        ties = articles.groupby("event")["n_sentences"].transform(lambda n: (n == n.max()).sum())
        events_clear = articles[ties == 1]["event"].unique()
        out[name] = {
            "n_articles": len(articles), "n_sentences": int(articles["n_sentences"].sum()),
            "n_exclusive": int(articles["n_exclusive"].sum()),
            "n_shared": len(compare.shared_facts(chosen, sentences)),
            "n_shared_any_reported_pair": len(compare.shared_facts(chosen.drop(columns="confirmed", errors="ignore"), sentences)),
            "rho_share_vs_length": None if rho is None else round(float(rho), 3),
            "rho_excess_vs_length": None if rho_excess is None else round(float(rho_excess), 3),
            "longest_is_most_exclusive": f"{int((longest[events_clear] == most[events_clear]).sum())} of {len(events_clear)}",
            "share_exclusive_narration": round(float(articles["share_exclusive_narration"].mean()), 3),
            "share_exclusive_quote": round(float(articles["share_exclusive_quote"].mean()), 3)
            if articles["share_exclusive_quote"].notna().any() else None,
        }
    return out


def allsides_100() -> pd.DataFrame:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_compare import read_allsides

    table = read_allsides()
    events = sorted(table["event"].unique(), key=lambda e: list(table["event"]).index(e))[:N_EVENTS]
    return table[table["event"].isin(events)].reset_index(drop=True)


def seeds() -> pd.DataFrame:
    from framing.build import build_tables
    from framing.config import CONTENT_KINDS, SEED_CORPUS

    sentences = build_tables(ROOT / "data" / "raw" / SEED_CORPUS).sentences
    return sentences[sentences["kind"].isin(CONTENT_KINDS)].reset_index(drop=True)


def main() -> None:
    results = {"allsides_100": measure(allsides_100()), "seeds": measure(seeds())}
    for corpus, rules in results.items():
        for name, row in rules.items():
            print(f"{corpus}, {name}: {row}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
