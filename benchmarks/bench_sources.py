"""Quote attribution against a hand-labelled sample, and its speed on real news text.

    python benchmarks/bench_sources.py

The sample (`tests/fixtures/quotes_allsides_sample.jsonl`: our labels, the excerpts read from
../shared/data by `quote_samples.py`) is quoted spans drawn at random from
the AllSides excerpts after the first 300 articles (one per article), each labelled by hand with
its speaker: a name, a role, "anonymous", or none (scare quotes, titles, quoted documents, a
speaker the excerpt does not name). The "dev" (46), "holdout" (32) and "test" (30) splits were
labelled in turn and have all been read while writing rules, and so have the "fresh" split (60,
`benchmarks/draw_quotes.py --n 60 --seed 16`), the "blind" split (80, `--n 80 --seed 17 --split
blind`), the "blind2" split (80, `--n 80 --seed 18 --split blind2`), the "blind3" split (80,
`--n 80 --seed 19 --split blind3`) and the "blind4" split (60, `--n 60 --seed 20 --split blind4`),
each labelled before the rules of the round after it. The "blind5" split (33,
`benchmarks/draw_quotes.py --n 80 --seed 21 --split blind5`: the last AllSides articles with a
direct quote that no batch holds) and the "blind6" split (80, `tests/fixtures/quotes_news_sample.jsonl`:
`draw_quotes.py --n 40 --seed 22 --source aeb --split blind6` and the same with `--source frames`,
one quote from each of 40 aeb-dev and 40 narrative-frames-dev articles) were labelled with the
settled labelling rule of docs/speaker-accuracy.md before framing was run on them and held out until
reporting verbs 1.14; their misses have been read since (the ten are printed together as "seen",
blind6 also per data set). The "blind7" split (60, in the news fixture: `draw_quotes.py --n 20
--seed 23 --source aeb --split blind7` and `--n 41 --seed 23 --source frames`, run before its rows
were added: the 19 aeb-dev articles with a direct quote that no batch held and 41 of
narrative-frames-dev) was labelled the same way before any rule of its round was written and held
out until reporting verbs 1.16; its misses have been read since (seen, also per data set). The
"blind8" split (60, in the news fixture: `draw_quotes.py --n 60 --seed 24
--source frames --split blind8`, run before its rows were added: 60 narrative-frames-dev articles no
batch held) was labelled the same way before any rule of reporting verbs 1.17 was written and held
out until reporting verbs 1.18; its misses have been read since (seen). The "blind9" split (60, in
the news fixture: `draw_quotes.py --n 60 --seed 25 --source frames --split blind9`, run before its
rows were added: 60 narrative-frames-dev articles no batch held; the AllSides and aeb-dev pools hold
no unlabelled article with a direct quote) was labelled the same way before any rule of reporting
verbs 1.19 was written and held out until reporting verbs 1.21; its misses have been read since
(seen). From "blind10" to "blind29" each
split is 100 NewsMTSC sentences (the last, "blind29", 52) of US political news in the news fixture, one quote each, from articles
no batch holds, the sentence its own excerpt: "blind<k>" drawn by `draw_quotes.py --n 100 --seed <k + 16>
--source newsmtsc --split blind<k>` before its rows were added, labelled the same way before framing was
run on it and before any rule of its round, and held out until the reporting-verbs version that
docs/speaker-accuracy.md's table of batches gives; their misses have been read since (seen; "blind29", the
last 52 NewsMTSC sentences with a direct quote from an article no batch holds, since reporting verbs 1.56). The
"blind30" split (100, in the news fixture: `draw_quotes.py --n 32 --seed 46 --source aeb --again --split blind30`
and `--n 68 --seed 46 --source frames --again`: a second quote of aeb-dev and narrative-frames-dev articles that
blind6 to blind9 hold, from a sentence after every excerpt shown) was scored only with --blind30 until reporting
verbs 1.56 and once more in the round after it (seen since). The "blind31"
split (91, in the news fixture: `draw_quotes.py --n 100 --seed 47 --source aeb --again --split blind31` and the same
with `--source frames`: a third quote of those articles, from a sentence after every excerpt shown, blind30's
included; 11 aeb-dev and 80 narrative-frames-dev articles had one) was scored once with --blind31 and joined the
seen batches after that score (reporting verbs 1.56). The "blind32" split (100, in the news fixture:
`draw_quotes.py --n 100 --seed 48 --source roundups --split blind32`: one quote from each of 100 AllSides roundups of
an event, `roundup_summary` of allsides-roundups/events.jsonl, text no rule had been read from) is held out: scored
only with --blind32.
Each held-out flag prints its split's totals, each accuracy with its Wilson 95 %
interval, and never a quote, so that rules are written without looking at it.
A prediction is right when it names the same speaker: equal names, or one the end of the other
("Biden" and "Joe Biden"); an anonymous source is right when the quote is flagged anonymous. Every
sampled quote is direct, so the accuracy printed is the accuracy on direct quotes. Prints quotes
found, precision, recall and accuracy of the speakers per split, and sentences per second on all
AllSides excerpts (median of three cold runs), and what no speaker should be on them, with the outlets
labelled by name and by lean ("Left", "Center", "Right", AllSides' `allsides_side`): speakers named by a
number, names holding what is no part of one, news organisations of another kind than outlet, and the
quotes of each speaker kind; writes benchmarks/results/sources.json.

    python benchmarks/bench_sources.py [--<held-out split>] [--agreement]

With --agreement it also prints how far two people agree: the blind3, blind4 and blind21 quotes were
labelled a second time, independently, by a second annotator who saw neither the first labels nor
framing's output (`tests/fixtures/quotes_second_annotator.jsonl`), with the same matching rule:
the share of quotes on which the two annotators agree, and framing's accuracy against each of
them and on the quotes where they agree (totals only).
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_samples import NEWS, SAMPLE, SECOND, read_samples  # noqa: E402,F401  (the labels; text from ../shared/data)

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides-roundups" / "articles.jsonl"
REPEATS = 3  # timed runs of the extractor; the median is printed
SEEN = ("dev", "holdout", "test", "fresh", "blind", "blind2", "blind3", "blind4",  # every miss read while writing rules
        "blind5", "blind6",  # held out until reporting verbs 1.14, read since
        "blind7",  # held out until reporting verbs 1.16, read since
        "blind8",  # held out until reporting verbs 1.18, read since
        "blind9",  # held out until reporting verbs 1.21, read since
        "blind10",  # held out until reporting verbs 1.23, read since (100 NewsMTSC sentences)
        "blind11",  # held out until reporting verbs 1.24, read since (100 NewsMTSC sentences, one per article)
        "blind12",  # held out until reporting verbs 1.27, read since (100 NewsMTSC sentences, one per article)
        "blind13",  # held out until reporting verbs 1.28, read since (100 NewsMTSC sentences, one per article)
        "blind14",  # held out until reporting verbs 1.30, read since (100 NewsMTSC sentences, one per article)
        "blind15",  # held out until reporting verbs 1.33, read since (100 NewsMTSC sentences, one per article)
        "blind16",  # held out until reporting verbs 1.38, read since (100 NewsMTSC sentences, one per article)
        "blind17",  # held out until reporting verbs 1.40, read since (100 NewsMTSC sentences, one per article)
        "blind18",  # held out until reporting verbs 1.41, read since (100 NewsMTSC sentences, one per article)
        "blind19",  # held out until reporting verbs 1.42, read since (100 NewsMTSC sentences, one per article)
        "blind20",  # held out until reporting verbs 1.43, read since (100 NewsMTSC sentences, one per article)
        "blind21",  # held out until reporting verbs 1.44, read since (100 NewsMTSC sentences, one per article)
        "blind22",  # held out until reporting verbs 1.46, read since (100 NewsMTSC sentences, one per article)
        "blind23",  # held out until reporting verbs 1.48, read since (100 NewsMTSC sentences, one per article)
        "blind24",  # held out until reporting verbs 1.50, read since (100 NewsMTSC sentences, one per article)
        "blind25",  # held out until reporting verbs 1.51, read since (100 NewsMTSC sentences, one per article)
        "blind26",  # held out until reporting verbs 1.52, read since (100 NewsMTSC sentences, one per article)
        "blind27",  # held out until reporting verbs 1.53, read since (100 NewsMTSC sentences, one per article)
        "blind28",  # held out until reporting verbs 1.54, read since (100 NewsMTSC sentences, one per article)
        "blind29",  # held out until reporting verbs 1.55, read since (52 NewsMTSC sentences, one per article)
        "blind30",  # held out until reporting verbs 1.56, read since (100 second quotes of aeb-dev / narrative-frames-dev articles)
        "blind31")  # held out until scored with reporting verbs 1.56, read since (91 third quotes of the same articles)
BLIND10 = "blind10"
BLIND11 = "blind11"
BLIND12 = "blind12"
BLIND13 = "blind13"
BLIND14 = "blind14"
BLIND15 = "blind15"
BLIND16 = "blind16"
BLIND17 = "blind17"
BLIND18 = "blind18"
BLIND19 = "blind19"
BLIND20 = "blind20"
BLIND21 = "blind21"
BLIND22 = "blind22"
BLIND23 = "blind23"
BLIND24 = "blind24"
BLIND25 = "blind25"
BLIND26 = "blind26"
BLIND27 = "blind27"
BLIND28 = "blind28"
BLIND29 = "blind29"  # the last 52 NewsMTSC sentences with a direct quote, each from an article of its own
BLIND30 = "blind30"  # 100 second quotes of aeb-dev and narrative-frames-dev articles after every labelled excerpt
BLIND31 = "blind31"  # 91 third quotes of aeb-dev and narrative-frames-dev articles after every labelled excerpt
BLIND32 = "blind32"  # 100 quotes of AllSides' own roundups of events (allsides-roundups events.jsonl), one per event
HELD_OUT = (BLIND32,)  # scored only with its flag (--blind32): only its totals are ever printed, never a quote or a miss
# the modules of the quote extractor and of the actors it names speakers by: a cold run clears their caches
EXTRACTOR_MODULES = ("sources", "sources.speaker_names", "sources.speaker_kinds", "sources.article", "sources.speaker_memory",
                     "sources.attribution", "sources.clause_tags", "sources.name_kinds", "sources.patterns",
                     "sources.spans", "actors")


def sample_table(item: dict) -> pd.DataFrame:
    """The labelled article (its sentences, one per line in `text`, as `quote_samples.with_text`
    rebuilds them) as a sentence table."""
    texts = item["text"].split("\n")
    return pd.DataFrame({"article_id": item["article_id"], "outlet": "sample", "kind": "body",
                         "sentence_id": range(len(texts)), "position": 0.0, "text": texts})


def predicted_speaker(quotes: pd.DataFrame, item: dict):
    """(found, speaker) for the labelled quote: speaker is "anonymous", a name or None."""
    row = quotes[(quotes["sentence_id"] == item["sentence_id"]) & (quotes["quote"] == item["quote"])]
    if row.empty:
        return False, None
    row = row.iloc[0]
    if row["is_anonymous"]:
        return True, "anonymous"
    return True, row["speaker"] if isinstance(row["speaker"], str) else None


def same_speaker(expected, predicted) -> bool:
    if expected is None or predicted is None:
        return False
    a, b = (name.lower().replace("’", "'").split() for name in (expected, predicted))
    return a[-len(b):] == b or b[-len(a):] == a


def score_sample(items: list[dict]) -> dict:
    import framing as fr

    found = right = predicted = labelled = agree = 0
    misses = []
    for item in items:
        hit, speaker = predicted_speaker(fr.extract_quotes(sample_table(item)), item)
        found += hit
        predicted += speaker is not None
        labelled += item["speaker"] is not None
        agree += same_speaker(item["speaker"], speaker) or (item["speaker"] is None and speaker is None)
        if same_speaker(item["speaker"], speaker):
            right += 1
        elif speaker is not None or item["speaker"] is not None:
            misses.append({"quote": item["quote"][:60], "expected": item["speaker"], "predicted": speaker})
    return {"n_quotes": len(items), "quotes_found": found, "n_with_speaker": labelled,
            "n_predicted": predicted, "n_right": right, "n_agree": agree,
            "precision": right / predicted if predicted else None,
            "recall": right / labelled if labelled else None,
            "accuracy": agree / len(items) if items else None, "errors": misses}


def agrees(a, b) -> bool:
    """Two labels name the same speaker (`same_speaker`), or both name none."""
    return same_speaker(a, b) or (a is None and b is None)


def second_opinion(items: list[dict]) -> dict:
    """Per split of the second annotator's file: quotes, annotators agreeing, and framing's accuracy
    against annotator 1 (the sample), annotator 2, and on the quotes where the two agree."""
    import framing as fr

    key = ("split", "article_id", "sentence_id", "quote")
    first = {tuple(item[k] for k in key): item for item in items}
    result = {}
    for line in SECOND.open(encoding="utf-8"):
        label = json.loads(line)
        item = first[tuple(label[k] for k in key)]
        _, framing = predicted_speaker(fr.extract_quotes(sample_table(item)), item)
        both = agrees(item["speaker"], label["speaker"])
        for split in (label["split"], "all"):
            counts = result.setdefault(split, {"n": 0, "annotators_agree": 0, "framing_vs_first": 0,
                                               "framing_vs_second": 0, "framing_on_agreed": 0})
            counts["n"] += 1
            counts["annotators_agree"] += both
            counts["framing_vs_first"] += agrees(item["speaker"], framing)
            counts["framing_vs_second"] += agrees(label["speaker"], framing)
            counts["framing_on_agreed"] += both and agrees(item["speaker"], framing)
    return {split: result[split] for split in sorted(result, key=lambda split: split == "all")}


def scored_splits(argv: list[str]) -> tuple[str, ...]:
    """The splits a run scores: the seen ones and their total, and each held-out one only with its own
    flag (--blind30, --blind31)."""
    return (*SEEN, "seen", *(split for split in HELD_OUT if f"--{split}" in argv))


def scored_groups(split: str, items: list[dict]) -> list[tuple[str, list[dict]]]:
    """(name, items) scored for one split of `scored_splits`: "seen" is every seen split together; a
    split drawn from several news data sets (`source`) is scored together and per data set."""
    members = [item for item in items if item["split"] in (SEEN if split == "seen" else (split,))]
    sources = sorted({item["source"] for item in members if "source" in item and split != "seen"})
    return [(split, members)] + [(f"{split} {source}", [item for item in members if item.get("source") == source])
                                 for source in (sources if len(sources) > 1 else ())]


def wilson(right: int, n: int) -> tuple[float, float]:
    """Wilson score 95 % interval of a proportion (Wilson 1927), as statsmodels computes it."""
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(right, n, alpha=0.05, method="wilson")
    return float(low), float(high)


def shows_misses(split: str) -> bool:
    """Whether a run prints the split's misses one by one: never the total's, never the held-out split's."""
    return split in SEEN


def print_totals(name: str, sample: dict) -> None:
    """One line of a sample's totals, with the accuracy's Wilson 95 % interval when it has one."""
    interval = ""
    if "accuracy_wilson95" in sample:
        low, high = sample["accuracy_wilson95"]
        interval = f" ({sample['n_agree']} / {sample['n_quotes']}; Wilson 95 % {low:.2f}-{high:.2f})"
    print(f"{name}: {sample['quotes_found']}/{sample['n_quotes']} quotes found; "
          f"speakers right {sample['n_right']} of {sample['n_predicted']} given "
          f"(precision {sample['precision']:.2f}) and of {sample['n_with_speaker']} labelled "
          f"(recall {sample['recall']:.2f}); accuracy on these direct quotes (no speaker is "
          f"right when none is labelled) {sample['accuracy']:.2f}{interval}")


def allsides_sentences() -> pd.DataFrame:
    import framing as fr

    articles = [json.loads(line) for line in ALLSIDES.open(encoding="utf-8")]
    rows = [{"article_id": a["article_id"], "outlet": a["outlet"], "side": a.get("allsides_side"), "kind": "body",
             "position": 0.0, "sentence_id": i, "text": text}
            for a in articles for i, text in enumerate(fr.split_sentences(a["text"]))]
    return pd.DataFrame(rows)


def speaker_checks(quotes: pd.DataFrame) -> dict:
    """What no speaker should be, counted over a quotes table: a number or share ("fifty-one percent"),
    a name with what is no part of it (a sentence stop, an auxiliary, a trailing preposition), a news
    organisation of another kind than `outlet` (an anonymous source aside: "a New Yorker" is a resident);
    and the quotes of each `speaker_kind`."""
    from framing.sources import clip_name, is_news_organisation, share_group

    speakers = quotes["speaker"]
    outlets = tuple(quotes["outlet"].dropna().unique())
    news = speakers.map(lambda s: is_news_organisation(s, outlets)) & ~quotes["is_anonymous"]
    return {"number_speakers": int((speakers.map(share_group).notna()
                                    | speakers.str.contains(r"\d\s*(?:%|percent)", na=False)).sum()),
            "cut_names": int(speakers.map(lambda s: isinstance(s, str) and clip_name(s) != s).sum()),
            "news_organisations": int(news.sum()),
            "news_not_outlet": int((news & quotes["speaker_kind"].ne("outlet")).sum()),
            "kinds": {str(k): int(n) for k, n in quotes["speaker_kind"].value_counts().items()}}


def timed_extraction(sentences: pd.DataFrame, repeats: int = REPEATS):
    """(median seconds, quotes) of `extract_quotes` over `repeats` runs, each from cold caches (the
    extractor reads each distinct sentence once per run, and a warm cache would hide that cost)."""
    import importlib

    import framing as fr

    modules = [importlib.import_module(f"framing.{name}") for name in EXTRACTOR_MODULES]
    times = []
    for _ in range(repeats):
        for module in modules:  # every per-sentence cache of the extractor
            for cached in vars(module).values():
                if callable(getattr(cached, "cache_clear", None)) and cached.__module__ == module.__name__:
                    cached.cache_clear()
        start = time.perf_counter()
        quotes = fr.extract_quotes(sentences)
        times.append(time.perf_counter() - start)
    return statistics.median(times), quotes


def main() -> int:
    import framing as fr

    items = [item for path in (SAMPLE, NEWS) for item in read_samples(path)]
    result = {"lexicon_version": str(fr.load_data("reporting_verbs")["version"])}
    for split in scored_splits(sys.argv):
        for name, members in scored_groups(split, items):
            sample = score_sample(members)
            result[name] = sample
            if split in HELD_OUT:
                del sample["errors"]  # held out: its quotes are neither printed nor written
                sample["accuracy_wilson95"] = wilson(sample["n_agree"], sample["n_quotes"])
            print_totals(name, sample)
            if not shows_misses(split):
                continue
            for miss in sample["errors"]:
                print(f"  expected {miss['expected']!r:28} got {miss['predicted']!r:28} {miss['quote']}")

    if "--agreement" in sys.argv:
        result["agreement"] = second_opinion(items)
        for split, c in result["agreement"].items():
            print(f"agreement, {split}: the two annotators agree on {c['annotators_agree']} of {c['n']} "
                  f"({c['annotators_agree'] / c['n']:.2f}); framing right against annotator 1 "
                  f"{c['framing_vs_first'] / c['n']:.2f}, annotator 2 {c['framing_vs_second'] / c['n']:.2f}, "
                  f"and on the {c['annotators_agree']} they agree on "
                  f"{c['framing_on_agreed'] / c['annotators_agree']:.2f}")

    if ALLSIDES.exists():
        sentences = allsides_sentences()
        seconds, quotes = timed_extraction(sentences)
        direct = quotes[quotes["is_direct"]]
        result["allsides"] = {
            "n_articles": int(sentences["article_id"].nunique()), "n_sentences": len(sentences),
            "n_quotes": len(quotes), "n_direct": len(direct), "n_indirect": int((~quotes["is_direct"]).sum()),
            "direct_with_speaker": float(direct["speaker"].notna().mean()),
            "share_partial": float(direct["is_partial"].mean()),
            "share_anonymous": float(quotes["is_anonymous"].mean()),
            "seconds": seconds, "sentences_per_second": len(sentences) / seconds}
        a = result["allsides"]
        print(f"AllSides: {a['n_quotes']} quotes ({a['n_direct']} direct, {a['n_indirect']} indirect) in "
              f"{a['n_sentences']} sentences of {a['n_articles']} articles; {a['direct_with_speaker']:.0%} "
              f"of direct quotes get a speaker, {a['share_partial']:.0%} partial, "
              f"{a['share_anonymous']:.0%} anonymous; {a['sentences_per_second']:,.0f} sentences/s")
        lean = fr.extract_quotes(sentences.assign(outlet=sentences["side"].str.capitalize()))  # "Left", "Center", "Right"
        result["allsides_speakers"] = {"outlets by name": speaker_checks(quotes), "outlets by lean": speaker_checks(lean)}
        for labels, c in result["allsides_speakers"].items():
            print(f"AllSides speakers, {labels}: {c['number_speakers']} named by a number, {c['cut_names']} with what "
                  f"is no part of a name, {c['news_not_outlet']} of {c['news_organisations']} news organisations "
                  f"of another kind than outlet; kinds {c['kinds']}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "sources.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
