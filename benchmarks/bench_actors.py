"""Actor resolution on real news: what the actor list holds, and whether annotated persons are found.

    python benchmarks/bench_actors.py [--top 150] [--sample 50 --seed 1920] [--speakers] [--rows] [--names]
        [--corpora "climate B,all AllSides,nyt"] [--speed 5 --baseline REV]

Builds five corpora in a temporary folder through `framing`'s own build, as a user's JSON-lines
export would be built: allsides-100 (the first 100 AllSides events, `allsides_corpus.py`, read while
writing the rules), the other 405 events of `../shared/data/allsides-roundups` ("unseen": its
top-150 list and two samples were read while writing actors 1.4), "ranks 301-400" (the events
ranked 301 to 400 among those with three or more outlets, sorted by event_id, a subset of
"unseen": read as a new user's corpus for actors 1.5), "ranks 401+" (the 69 events ranked after
400 the same way, also a subset of "unseen": read as a new user's corpus for actors 1.6) and
"climate" (`../shared/data/narrative-frames-dev`: climate-change news of many outlets, one block of
text per article and no event, read for actors 1.6). For each it prints the number of actors and
rows, the actors holding another actor's full name (one person's mentions under a second, longer
row: "Bernie Sanders Stakes Out …"), and with `--top N` the N actors with most mentions (to be read
by a person: outlets, places, companies left in). It scores five samples of hand labels, each actor
labelled person / organisation / place / other by reading its sentences:
`benchmarks/actor_labels_unseen.tsv` (unseen actors of the code at the start of issue 16,
`--sample 60 --seed 16`, read while writing actors 1.3 and 1.4),
`benchmarks/actor_labels_unseen2.tsv` (unseen actors of 1.3, `--seed 1617`, labelled before the
rules of 1.4), `benchmarks/actor_labels_unseen3.tsv` (actors of 1.4 on ranks 301-400, `--seed
1718`, labelled before the rules of 1.5), `benchmarks/actor_labels_unseen4.tsv` and
`benchmarks/actor_labels_climate.tsv` (actors of 1.5 on ranks 401+ and on climate, `--sample 50
--seed 1920`, labelled before the rules of 1.6): "is a person" precision over the labelled actors
still found (as an actor or a name), and the labelled persons lost (a person whose name is now
joined to another form counts as lost). `--sample N` prints N actors drawn at random from each
corpus but allsides-100, and `--speakers` the named speakers of `fr.extract_quotes` that are no
actor (offices and bodies are right to be none; a person among them is a speaker that joins no actor
row). With `--speakers`, for each corpus the share of person speakers (a person's name read in
the named speaker) that join an actor of their event, and the speakers that do not, by category
(`speaker_joins`). `--speed N` times `find_actors` on the five corpora (caches emptied before
each pass, N passes, the median), and with `--baseline REV` also the actors step (`actors.py`, or
the package `actors/`) and `actors.toml` as
they are at git revision REV, passes interleaved. On NewsMTSC (`../shared/data/newsmtsc-train`: sentences with annotated person mentions) it
prints recall: the share of annotated mention spans covered by a person actor, over all annotated
mentions (pronouns and descriptions included, which no name finder covers) and over those written as
a name; the sentences of one source document are taken as one article and one event.

Three more corpora (actors 1.7): "all AllSides" (all 1,479 excerpts, one event per event_id) and
"climate A" / "climate B", the climate articles split by a seeded draw of half their article_ids
(`climate_halves`, seed 16; B was held out while the rules of 1.7 were written). `--rows` prints the
checks of issue 16 on each corpus read: actors labelled neither person nor organisation in
`benchmarks/actor_labels_rows.tsv` (every actor and unjoined speaker of 1.6 and 1.7 on these corpora,
read by a person; actors not in it are printed to be read) and, since 1.19, those labelled organisation,
actors whose name is a run of another's (`split_persons`), and quotes of a person speaker that join no
actor row of their event (`quoted_without_row`). `--names` (actors 1.14) counts the named speakers that are outlets, places or
phrases (fragments) and those that are roles with no name, by `actor_labels_rows.tsv` and
`benchmarks/speaker_labels.tsv` (the other named speakers of allsides-100 and "unseen" before and after
1.14, read by a person), and the anonymous groups written in two forms ("the lawmakers"/"lawmakers").
`--corpora` reads only the corpora named.

"aeb" (actors 1.18): the 78 English pages of `../shared/data/aeb-dev` (their gold article bodies,
varied outlets and topics), written as one JSON-lines export (`outlet` the page's host, one event per
page, `title` the page's first line) and built as the others. Its every actor of 1.17 was labelled
in `benchmarks/actor_labels_aeb.tsv` before the rules of 1.18 were written; with `--rows` it prints
the actors and rows by label (the faults: organisations, places, outlets, works and phrases taken
for persons), the labelled persons no longer found, and the labelled pairs of rows that are one person.

"allsides-next100" (actors 1.19): AllSides events 101 to 200 of those with three or more outlets, in the
order of `../shared/data/allsides-roundups` (the 100 after allsides-100, written by
`allsides_corpus.py --events 101-200` with allsides-100's columns). Its every actor of 1.18 was
labelled in `benchmarks/actor_labels_next100.tsv` before the rules of 1.19 were written; `--rows` reads
it as it reads "aeb".

"nyt" (actors 1.21): the 241 New York Times editorials of `../shared/data/nyt-sentiment-dev` (1980s and
1990s, sentences joined in their order, one event per editorial; `nyt_lines`), a corpus no actor rule had
been read from. Its every actor of 1.20 was labelled in `benchmarks/actor_labels_nyt.tsv` before the
rules of 1.21 were written; `--rows` reads it as it reads "aeb", with the "is a person" precision over
its labelled actors (Wilson 95 % interval). `--corpora` builds only the corpora named.

"allsides 201-300 leans" (actors 1.26): AllSides events 201 to 300 written by `allsides_corpus.py --events
201-300 --leans` (outlets Left / Center / Right). A sample of 50 of its actors of 1.25 (`--sample 50 --seed
2130 --corpora "allsides 201-300 leans"`) was labelled in `benchmarks/actor_labels_201_300.tsv` before the
rules of 1.26 were written; its events are part of "all AllSides", whose actors `actor_labels_rows.tsv` holds.

"newsmtsc documents" (actors 1.29): the NewsMTSC sentences rebuilt as articles, one per source document
(`newsmtsc_lines`), built as a user's JSON-lines export. A sample of 60 of its actors of 1.28 (`--sample 60
--seed 3301 --corpora "newsmtsc documents"`) was labelled in `benchmarks/actor_labels_newsmtsc.tsv`, and 40 of
its named speakers in `benchmarks/speaker_labels_newsmtsc.tsv` (kind as read, kind framing gave), before the
rules of 1.29 were written; with `--speakers` the speaker kinds are scored against it.
`benchmarks/speaker_labels_oneword.tsv` (actors 1.30) holds the labelled one-word speakers that 1.29 gave the kind
`organisation` by default, which decide the default kind of a word speaking alone (its header says how to count).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
from statsmodels.stats.proportion import proportion_confint

import framing as fr
from framing.build import build_tables

sys.path.insert(0, str(Path(__file__).resolve().parent))
from allsides_corpus import export_lines  # noqa: E402  (a benchmark module beside this one)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ROUNDUPS = SHARED / "allsides-roundups" / "articles.jsonl"
NEWSMTSC = SHARED / "newsmtsc-train" / "train_targets.jsonl"
CLIMATE = SHARED / "narrative-frames-dev" / "articles.jsonl"
AEB = SHARED / "aeb-dev" / "pages.jsonl"
NYT = SHARED / "nyt-sentiment-dev" / "snippets.jsonl"
AEB_LABELS = ROOT / "benchmarks" / "actor_labels_aeb.tsv"  # every actor of 1.17 on "aeb" (actors 1.18)
WHOLE_LABELS = {"aeb": AEB_LABELS,  # corpora whose every actor was labelled before a round's rules
                "allsides-next100": ROOT / "benchmarks" / "actor_labels_next100.tsv",  # every actor of 1.18
                "nyt": ROOT / "benchmarks" / "actor_labels_nyt.tsv"}  # every actor of 1.20
LABELS = {"unseen": {"sample 1 (seed 16, read while writing actors 1.4)": ROOT / "benchmarks" / "actor_labels_unseen.tsv",
                     "sample 2 (seed 1617, labelled before actors 1.4)": ROOT / "benchmarks" / "actor_labels_unseen2.tsv"},
          "ranks 301-400": {"sample 3 (seed 1718, labelled before actors 1.5)":
                            ROOT / "benchmarks" / "actor_labels_unseen3.tsv"},
          "ranks 401+": {"sample 4 (seed 1920, labelled before actors 1.6)": ROOT / "benchmarks" / "actor_labels_unseen4.tsv"},
          "climate": {"climate sample (seed 1920, labelled before actors 1.6)":
                      ROOT / "benchmarks" / "actor_labels_climate.tsv"},
          "allsides 201-300 leans": {"sample 5 (seed 2130, labelled before actors 1.26)":
                                     ROOT / "benchmarks" / "actor_labels_201_300.tsv"},
          "newsmtsc documents": {"sample 6 (seed 3301, labelled before actors 1.29)":
                                 ROOT / "benchmarks" / "actor_labels_newsmtsc.tsv"}}
KIND_LABELS = {"newsmtsc documents": ROOT / "benchmarks" / "speaker_labels_newsmtsc.tsv"}  # speaker kinds (1.29)
ROW_LABELS = ROOT / "benchmarks" / "actor_labels_rows.tsv"
SPEAKER_LABELS = ROOT / "benchmarks" / "speaker_labels.tsv"  # named speakers not in ROW_LABELS (actors 1.14)
HELD_SEED = 16  # the draw of the climate articles held out while writing actors 1.7 ("climate B")
RANKS = (301, 400)  # the events of "ranks 301-400", 1-based, among those with three or more outlets
LATER = (401, None)  # the events of "ranks 401+": all those ranked after 400


def ranked_events(lines: list[str], first: int, last: int | None) -> set[str]:
    """The event_ids ranked `first` to `last` (1-based; None: to the end) among the events with
    three or more distinct outlets, sorted by event_id."""
    outlets = defaultdict(set)
    for line in lines:
        row = json.loads(line)
        outlets[row["event_id"]].add(row["outlet"])
    return set(sorted(e for e, o in outlets.items() if len(o) >= 3)[first - 1:last])


def climate_halves(lines: list[str]) -> tuple[list[str], list[str]]:
    """(half A, half B) of the climate articles: half B is `HELD_SEED`'s draw of half their
    article_ids (sorted first), half A the others. Half B was chosen before actors 1.7 and held out
    while writing its rules."""
    ids = sorted(json.loads(line)["article_id"] for line in lines)
    held = set(random.Random(HELD_SEED).sample(ids, len(ids) // 2))
    return ([line for line in lines if json.loads(line)["article_id"] not in held],
            [line for line in lines if json.loads(line)["article_id"] in held])


def _event_of(row: dict) -> str:
    """The event of a row of allsides-100, whose export names it `event` (the roundups: `event_id`)."""
    return row["event_id"] if "event_id" in row else row["event"]


def aeb_lines() -> list[str]:
    """The English pages of aeb-dev as a JSON-lines export: `outlet` (the page's host, "www." cut
    off), `event` (one per page), `title` (the first line of the page's text), `url`, `text` (the
    gold article body)."""
    lines = []
    for line in AEB.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        if not page.get("likely_english"):
            continue
        host = urlparse(page["url"]).netloc.lower()
        lines.append(json.dumps({"outlet": host.removeprefix("www."), "event": "aeb_" + page["page_id"][:8],
                                 "title": page["dump_html_text"].strip().splitlines()[0].strip(),
                                 "url": page["url"], "text": page["gold_article_body"]}, ensure_ascii=False))
    return lines


def nyt_lines() -> list[str]:
    """The New York Times editorials of nyt-sentiment-dev as a JSON-lines export: one article per
    editorial, its sentences joined in their order (`text`), `outlet` "New York Times", `event` one
    per editorial, no title."""
    editorials: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line in NYT.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        editorials[row["doc_id"]].append((row["snippet_index"], row["text"]))
    return [json.dumps({"outlet": "New York Times", "event": f"nyt_{doc}",
                        "text": " ".join(text for _, text in sorted(editorials[doc]))}, ensure_ascii=False)
            for doc in sorted(editorials, key=int)]


def newsmtsc_lines() -> list[str]:
    """The NewsMTSC sentences as a JSON-lines export: one article per source document, its sentences in
    the order of their keys with a blank line between them (`text`), `event` the document, `outlet` its
    source collection ("allsides", "polusa_v1"), no title."""
    documents: dict[str, dict[int, str]] = defaultdict(dict)
    collection = {}
    for line in NEWSMTSC.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        documents[row["source_doc_key"]][int(row["source_sentence_key"])] = row["sentence"]
        collection[row["source_doc_key"]] = row["source_corpus"]
    return [json.dumps({"outlet": collection[doc], "event": doc,
                        "text": "\n\n".join(text for _, text in sorted(documents[doc].items()))}, ensure_ascii=False)
            for doc in sorted(documents)]


def build_corpora(tmp: Path, names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """{"allsides-100", "unseen", "ranks 301-400", "ranks 401+", "climate", "all AllSides",
    "climate A", "climate B", "aeb", "allsides-next100", "nyt", "allsides 201-300 leans", "newsmtsc
    documents": sentences} (only
    `names`, when given),
    each built from a JSON-lines export (the climate articles as the shared file holds them: no event;
    "all AllSides" is every excerpt, one event per event_id)."""
    seen_lines = export_lines(1, 100)
    seen = {_event_of(json.loads(line)) for line in seen_lines}
    lines = [line for line in ROUNDUPS.read_text(encoding="utf-8").splitlines() if line.strip()]
    unseen = [line for line in lines if json.loads(line)["event_id"] not in seen]
    ranked = ranked_events(lines, *RANKS)
    ranks = [line for line in lines if json.loads(line)["event_id"] in ranked]
    later_events = ranked_events(lines, *LATER)
    later = [line for line in lines if json.loads(line)["event_id"] in later_events]
    climate = [line for line in CLIMATE.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    half_a, half_b = climate_halves(climate)
    for name, rows in (("allsides-100", seen_lines), ("unseen", unseen), ("ranks 301-400", ranks),
                       ("ranks 401+", later), ("climate", climate), ("all AllSides", lines),
                       ("climate A", half_a), ("climate B", half_b), ("aeb", aeb_lines()),
                       ("allsides-next100", export_lines(101, 200)), ("nyt", nyt_lines()),
                       ("allsides 201-300 leans", export_lines(201, 300, leans=True)),
                       ("newsmtsc documents", newsmtsc_lines())):
        if names and name not in names:
            continue
        folder = tmp / name.replace(" ", "-")
        folder.mkdir()
        (folder / "articles.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        out[name] = build_tables(folder).sentences
    return out


_PRONOUNS = {"He", "She", "His", "Her", "Him", "They", "Their", "Them", "We", "Our", "I", "It", "You"}


def is_named(mention: str) -> bool:
    """True for an annotated mention written as a name: a capital first, not a pronoun or "The …"."""
    first = mention.strip(" \"“‘'").split(" ")[0]
    return first[:1].isupper() and first not in _PRONOUNS and first != "The"


def newsmtsc_recall() -> dict[str, tuple[int, int]]:
    """{"all": (annotated mention spans covered by a person actor, all annotated spans), "named":
    the same for mentions written as a name (`is_named`), "actors": (actors, rows) of the table}."""
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
    return {**{kind: (found, total) for kind, (found, total) in out.items()},
            "actors": (actors["actor"].nunique(), len(actors))}


def inner_names(actors: pd.DataFrame) -> list[tuple[str, str]]:
    """(actor, another actor of two words or more written inside it): one person's mentions under a
    second, longer row ("Bernie Sanders Stakes Out …" beside "Bernie Sanders")."""
    names = sorted(set(actors["actor"]))
    full = [n for n in names if " " in n]
    return [(a, b) for a in names for b in full if a != b and f" {b} " in f" {a} "]


def _key(name: str) -> str:
    """A name folded for comparison: accents and apostrophes, hyphens as spaces, case."""
    from framing.actors import _folded
    return _folded(name).replace("-", " ").casefold()


def speaker_joins(quotes: pd.DataFrame, actors: pd.DataFrame) -> dict:
    """How the named person speakers of `quotes` join the actor rows of `actors`.

    A named speaker (not anonymous) is a person speaker when `framing.actors` reads a person's name
    in it (`person_mentions`: no place, body in capitals, news outlet or organisation word); it
    joins when it equals an actor of the quote's event. Returns {"quotes": (joined, person
    quotes), "speakers": (joined, distinct (event, speaker) pairs), "categories": {category:
    [(speaker, quotes)]}} with each speaker that does not join put in the first category that fits:
    "label or title kept" (the person name read in it, or its last words, is an actor of the
    event: "EPA Administrator Scott Pruitt", "Prof Peterson"), "another form of the actor's name" (an
    actor of the event has it as a mention's name or is written alike but for accents, hyphens and
    case: "Marjorie Taylor-Greene"), "surname of an actor (alone or with a label)" (the last word of an actor of the
    event ends it or the name read in it: "Prof Peterson"), "an
    actor of another event only", "no actor of that name"."""
    named = quotes[quotes["speaker"].notna() & ~quotes["is_anonymous"].astype(bool)]
    persons = named[[bool(fr.person_mentions(s)) for s in named["speaker"]]]
    events = persons["event"].astype(str)
    by_event: dict[str, set] = actors.assign(event=actors["event"].astype(str)).groupby("event")["actor"].agg(set).to_dict()
    names = actors.assign(event=actors["event"].astype(str)).groupby("event")["name"].agg(set).to_dict()
    everywhere = set(actors["actor"])
    joined = pd.Series([s in by_event.get(e, ()) for s, e in zip(persons["speaker"], events)], index=persons.index)
    categories: dict[str, Counter] = {}
    for speaker, event in zip(persons.loc[~joined, "speaker"], events[~joined]):
        here = by_event.get(event, set())
        keys = {_key(a) for a in here} | {_key(n) for n in names.get(event, ())}
        surnames = {a.split()[-1] for a in here}
        words = speaker.split()
        read = [m.name for m in fr.person_mentions(speaker)] + [" ".join(words[k:]) for k in range(1, len(words))]
        if _key(speaker) in keys:
            kind = "another form of the actor's name"
        elif any(_key(n) in keys for n in read if n != speaker):
            kind = "label or title kept"
        elif any(n.split()[-1] in surnames for n in read + [speaker]):
            kind = "surname of an actor (alone or with a label)"
        elif speaker in everywhere:
            kind = "an actor of another event only"
        else:
            kind = "no actor of that name"
        categories.setdefault(kind, Counter())[speaker] += 1
    pairs = set(zip(events, persons["speaker"]))
    joined_pairs = {p for p, j in zip(zip(events, persons["speaker"]), joined) if j}
    return {"quotes": (int(joined.sum()), len(persons)), "speakers": (len(joined_pairs), len(pairs)),
            "categories": {k: c.most_common() for k, c in sorted(categories.items())}}


def score_speaker_kinds(quotes: pd.DataFrame, path: Path) -> dict:
    """The labelled speakers of `path` (speaker, kind read by a person) still named so in `quotes`, and
    those whose `speaker_kind` agrees: {"speakers": (agreeing, found), "persons": (persons given kind
    person, labelled persons found), "wrong": [(speaker, kind read, kind given)]}."""
    labels = read_labels(path)
    given = quotes.dropna(subset=["speaker"]).groupby("speaker")["speaker_kind"].agg(lambda k: k.mode().iloc[0])
    found = labels[labels["speaker"].isin(given.index)]
    now = found["speaker"].map(given)
    persons = found["kind"] == "person"
    return {"speakers": (int((now == found["kind"]).sum()), len(found)),
            "persons": (int((now[persons] == "person").sum()), int(persons.sum())),
            "wrong": [(s, k, g) for s, k, g in zip(found["speaker"], found["kind"], now) if k != g]}


def print_speaker_joins(name: str, quotes: pd.DataFrame, actors: pd.DataFrame) -> None:
    """Print `speaker_joins` of one corpus: the shares, then each category of non-joins."""
    joins = speaker_joins(quotes, actors)
    (jq, nq), (js, ns) = joins["quotes"], joins["speakers"]
    named = int((quotes["speaker"].notna() & ~quotes["is_anonymous"].astype(bool)).sum())
    print(f"  named speakers: {named} quotes, {nq} of them person speakers (the others bodies, places, roles)")
    print(f"  person speakers joining an actor of their event: {jq} of {nq} quotes ({jq / max(nq, 1):.3f}), "
          f"{js} of {ns} speakers ({js / max(ns, 1):.3f})")
    for kind, found in joins["categories"].items():
        print(f"    {kind}: {len(found)} speakers ({sum(n for _, n in found)} quotes): "
              + "; ".join(f"{s} ({n})" for s, n in found))


def not_persons(actors: pd.DataFrame, labels: dict[str, str]) -> dict:
    """The actors that `labels` ({name: label}, `ROW_LABELS`) call neither person nor organisation
    (place, outlet, work, event, phrase: a headline's or a sentence's words, group, animal).
    Returns {"actors": (such actors, actors), "rows": (their rows, rows), "found": [(actor, label,
    rows)], "unread": [actors with no label]}."""
    counts = actors["actor"].value_counts()
    found = [(a, labels[a], int(n)) for a, n in counts.items() if labels.get(a, "person") not in ("person", "organisation")]
    return {"actors": (len(found), len(counts)), "rows": (sum(n for _, _, n in found), len(actors)),
            "found": found, "unread": sorted(a for a in counts.index if a not in labels)}


def split_persons(actors: pd.DataFrame) -> list[tuple[str, str]]:
    """(shorter, longer): two actors of one event where the shorter's words are a run of the
    longer's ("Clinton" and "Hillary Clinton", "Daniella Levine" and "Daniella Levine Cava"), or of
    the whole table when the shorter has two words or more: one person over two rows, or (a surname
    two full names share) a name left unresolved on purpose. `inner_names` are counted apart."""
    def part(short, long):
        a, b = short.split(), long.split()
        return len(a) < len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))
    pairs = set()
    for _, names in actors.groupby(actors["event"].astype(str))["actor"]:
        names = sorted(set(names))
        pairs |= {(a, b) for a in names for b in names if part(a, b)}
    names = sorted(set(actors["actor"]))
    pairs |= {(a, b) for a in names if " " in a for b in names if part(a, b)}
    return sorted(pairs)


def quoted_without_row(quotes: pd.DataFrame, actors: pd.DataFrame, labels: dict[str, str]) -> dict:
    """Quotes whose named speaker reads as a person's name (`speaker_joins`) and joins no actor of its
    event, split by the speaker's label in `labels` (a speaker is labelled as written): {"person":
    [(speaker, quotes)], "other": [(speaker, label, quotes)], "unread": [(speaker, quotes)]}."""
    out: dict[str, list] = {"person": [], "other": [], "unread": []}
    for found in speaker_joins(quotes, actors)["categories"].values():
        for speaker, n in found:
            label = labels.get(speaker)
            if label is None:
                out["unread"].append((speaker, n))
            elif label == "person":
                out["person"].append((speaker, n))
            else:
                out["other"].append((speaker, label, n))
    return out


def print_row_checks(quotes: pd.DataFrame, actors: pd.DataFrame, labels: dict[str, str]) -> None:
    """Print the three checks of issue 16 on one corpus: actors that are no person or organisation,
    one person over two rows, and quoted persons without an actor row."""
    bad = not_persons(actors, labels)
    print(f"  actors labelled neither person nor organisation: {bad['actors'][0]} of {bad['actors'][1]} actors, "
          f"{bad['rows'][0]} of {bad['rows'][1]} rows"
          + (" (" + "; ".join(f"{a}: {k}, {n}" for a, k, n in bad["found"]) + ")" if bad["found"] else ""))
    if bad["unread"]:
        print(f"  actors not in {ROW_LABELS.name} (to be read): {len(bad['unread'])}: " + "; ".join(bad["unread"]))
    counts = actors["actor"].value_counts()
    firms = [(a, int(n)) for a, n in counts.items() if labels.get(a) == "organisation"]
    print(f"  actors labelled organisation: {len(firms)} ({sum(n for _, n in firms)} rows)"
          + (" (" + "; ".join(f"{a}, {n}" for a, n in sorted(firms)) + ")" if firms else ""))
    pairs = split_persons(actors)
    print(f"  actors whose name is a run of another's: {len(pairs)}" + (" (" + "; ".join(f"{a} / {b}" for a, b in pairs) + ")" if pairs else ""))
    lost = quoted_without_row(quotes, actors, labels)
    print(f"  quotes of a person speaker that joins no actor row of its event: {sum(n for _, n in lost['person'])} "
          f"({len(lost['person'])} persons: " + "; ".join(f"{s} ({n})" for s, n in lost["person"]) + "); "
          f"of speakers labelled no person: {sum(n for *_, n in lost['other'])}")
    if lost["unread"]:
        print(f"  speakers not in {ROW_LABELS.name} (to be read): " + "; ".join(f"{s} ({n})" for s, n in lost["unread"]))


_DETERMINERS = {"the", "these", "those", "their", "its", "his", "her", "our"}


def speaker_kinds(quotes: pd.DataFrame, labels: dict[str, str]) -> dict:
    """The distinct named speakers (not anonymous) of `quotes` by the label `labels` gives each
    (`ROW_LABELS` and `SPEAKER_LABELS`, read by a person): {"labels": {label: [(speaker, quotes)]},
    "unread": [(speaker, quotes)], "split groups": [forms]}, the last the anonymous groups written
    in several forms but for "the" (or another determiner) and case ("the lawmakers"/"lawmakers")."""
    named = quotes[quotes["speaker"].notna() & ~quotes["is_anonymous"].astype(bool)]
    out: dict = {"labels": {}, "unread": []}
    for speaker, n in named["speaker"].value_counts().sort_index().items():
        label = labels.get(speaker)
        (out["labels"].setdefault(label, []) if label else out["unread"]).append((speaker, int(n)))
    groups = defaultdict(set)
    for speaker in quotes.loc[quotes["speaker"].notna() & quotes["is_anonymous"].astype(bool), "speaker"]:
        words = speaker.casefold().split()
        while len(words) > 1 and words[0] in _DETERMINERS:
            words = words[1:]
        groups[" ".join(words)].add(speaker)
    out["split groups"] = sorted(sorted(forms) for forms in groups.values() if len(forms) > 1)
    return out


def print_speaker_kinds(quotes: pd.DataFrame, labels: dict[str, str]) -> None:
    """Print `speaker_kinds`: speakers that are outlets, places, phrases (fragments) or roles, and
    the anonymous groups split over two rows."""
    kinds = speaker_kinds(quotes, labels)
    total = sum(len(found) for found in kinds["labels"].values()) + len(kinds["unread"])
    bad = [(label, found) for label, found in sorted(kinds["labels"].items()) if label in ("outlet", "place", "phrase")]
    print(f"  named speakers: {total}; outlets, places or phrases: {sum(len(f) for _, f in bad)} speakers "
          f"({sum(n for _, f in bad for _, n in f)} quotes)")
    for label, found in bad + [("role", kinds["labels"].get("role", []))]:
        print(f"    {label}: {len(found)} speakers ({sum(n for _, n in found)} quotes): "
              + "; ".join(f"{s} ({n})" for s, n in found))
    print(f"  anonymous groups written in several forms: {len(kinds['split groups'])}"
          + (" (" + "; ".join(" / ".join(f) for f in kinds["split groups"]) + ")" if kinds["split groups"] else ""))
    if kinds["unread"]:
        print("  speakers in neither label file (to be read): " + "; ".join(f"{s} ({n})" for s, n in kinds["unread"]))


def read_row_labels(path: Path = ROW_LABELS) -> dict[str, str]:
    """{actor or speaker as written: label} of `ROW_LABELS`."""
    table = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False)
    return dict(zip(table["name"], table["label"]))


def label_kinds(actors: pd.DataFrame, labels: pd.DataFrame) -> dict:
    """Actors and rows of `actors` by their label in `labels` (`AEB_LABELS`: actor, label,
    same_person), those not labelled, and the labelled pairs of actors both present that are one
    person. Returns {"kinds": {label: (actors, rows)}, "unread": [...], "same": [(actor, other)]}."""
    label = dict(zip(labels["actor"], labels["label"]))
    counts = actors["actor"].value_counts()
    kinds: dict[str, list[int]] = {}
    for actor, n in counts.items():
        if actor in label:
            kind = kinds.setdefault(label[actor], [0, 0])
            kind[0], kind[1] = kind[0] + 1, kind[1] + int(n)
    same = [(a, b) for a, b in zip(labels["actor"], labels["same_person"].fillna(""))
            if b and a in counts.index and b in counts.index]
    return {"kinds": {k: tuple(v) for k, v in sorted(kinds.items())},
            "unread": sorted(a for a in counts.index if a not in label), "same": same}


def print_label_kinds(actors: pd.DataFrame, path: Path = AEB_LABELS) -> None:
    labels = read_labels(path)
    found = label_kinds(actors, labels)
    print("  actors (rows) by label: " + "; ".join(f"{k} {a} ({n})" for k, (a, n) in found["kinds"].items()))
    persons, labelled = found["kinds"].get("person", (0, 0))[0], sum(a for a, _ in found["kinds"].values())
    low, high = proportion_confint(persons, labelled, method="wilson") if labelled else (0.0, 0.0)
    print(f"  \"is a person\" precision: {persons} of {labelled} labelled actors ({persons / max(labelled, 1):.3f}; "
          f"Wilson 95 % {low:.2f}-{high:.2f})")
    lost = score_labels(actors, labels)["persons_lost"]
    print(f"  labelled persons no longer found: {len(lost)}" + (" (" + "; ".join(lost) + ")" if lost else ""))
    print(f"  labelled pairs of rows that are one person: {len(found['same'])}"
          + (" (" + "; ".join(f"{a} / {b}" for a, b in found["same"]) + ")" if found["same"] else ""))
    if found["unread"]:
        print(f"  actors not in {path.name} (to be read): " + "; ".join(found["unread"]))


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


def baseline_find_actors(revision: str, folder: Path):
    """`find_actors` of the actors step as it is at git `revision` (the module actors.py, or the
    package actors/ it became), reading that revision's actors.toml (both written into `folder`),
    loaded as a module of the framing package."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                              text=True, timeout=120).stdout

    package = git("ls-tree", "--name-only", revision, "src/framing/actors/").split()
    (folder / "actors_baseline.toml").write_text(git("show", f"{revision}:src/framing/data/actors.toml"),
                                                 encoding="utf-8")
    if package:
        (folder / "actors_baseline").mkdir()
        for path in package:
            (folder / "actors_baseline" / Path(path).name).write_text(git("show", f"{revision}:{path}"),
                                                                      encoding="utf-8")
        spec = importlib.util.spec_from_file_location("framing.actors_baseline",
                                                      folder / "actors_baseline" / "__init__.py",
                                                      submodule_search_locations=[str(folder / "actors_baseline")])
    else:
        (folder / "actors_baseline.py").write_text(git("show", f"{revision}:src/framing/actors.py"), encoding="utf-8")
        spec = importlib.util.spec_from_file_location("framing.actors_baseline", folder / "actors_baseline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    lexicon = folder / "actors_baseline.toml"
    return module, lambda sentences: module.find_actors(sentences, lexicon=lexicon)


def _empty_caches(module) -> None:
    """Forget what an actors module has read, so each pass is timed as a first reading."""
    for name in ("_person_mentions", "_blocked", "_organisations", "read_rules", "read_evidence"):
        getattr(module, name).cache_clear()


def time_actors(corpora: dict[str, pd.DataFrame], passes: int, baseline: str | None = None) -> dict[str, float]:
    """{version: median seconds of `find_actors` over all corpora}, passes interleaved (the order
    of the versions alternating), caches emptied before each pass."""
    import framing.actors as current

    versions = {"this tree": (current, fr.find_actors)}
    with tempfile.TemporaryDirectory() as tmp:
        if baseline:
            versions[f"at {baseline}"] = baseline_find_actors(baseline, Path(tmp))
        times: dict[str, list[float]] = {name: [] for name in versions}
        for i in range(passes):
            for name in (list(versions) if i % 2 == 0 else list(versions)[::-1]):
                module, find = versions[name]
                _empty_caches(module)
                start = time.perf_counter()
                for sentences in corpora.values():
                    find(sentences)
                times[name].append(time.perf_counter() - start)
    return {name: round(statistics.median(t), 3) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=0, help="print the N actors with most mentions")
    parser.add_argument("--sample", type=int, default=0, help="print a random sample of N unseen actors")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--speed", type=int, default=0, help="time find_actors over N passes (median)")
    parser.add_argument("--speakers", action="store_true",
                        help="print the named speakers of quotes that are no actor (to be read by a person)")
    parser.add_argument("--baseline", help="with --speed, also time actors.py/actors.toml of this git revision")
    parser.add_argument("--rows", action="store_true",
                        help="the checks of issue 16: actors that are no person or organisation (by actor_labels_rows.tsv), "
                             "one person over two rows, quoted persons without an actor row")
    parser.add_argument("--names", action="store_true",
                        help="named speakers that are outlets, places, phrases or roles (by actor_labels_rows.tsv and "
                             "speaker_labels.tsv), and anonymous groups written in several forms")
    parser.add_argument("--corpora", help="comma-separated names of the corpora to read (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpora = build_corpora(Path(tmp), args.corpora.split(",") if args.corpora else None)
    if args.corpora:
        corpora = {name: corpora[name] for name in args.corpora.split(",")}
    row_labels = read_row_labels() if args.rows else {}
    name_labels = {**read_row_labels(), **read_row_labels(SPEAKER_LABELS)} if args.names else {}
    for name, sentences in corpora.items():
        actors = fr.find_actors(sentences)
        counts = actors["actor"].value_counts()
        print(f"{name}: {sentences['article_id'].nunique()} articles, {len(actors)} actor rows, "
              f"{len(counts)} actors")
        inner = inner_names(actors)
        print(f"  actors holding another actor's full name: {len(inner)}"
              + (" (" + "; ".join(f"{b} in {a}" for a, b in inner) + ")" if inner else ""))
        if args.top:
            top = counts.sort_index().sort_values(ascending=False, kind="stable").head(args.top)
            print("  " + "; ".join(f"{a} ({n})" for a, n in top.items()))
        if args.sample and name != "allsides-100":
            print("  sample: " + "; ".join(random.Random(args.seed).sample(sorted(counts.index), args.sample)))
        if args.speakers or args.rows or args.names:
            quotes = fr.extract_quotes(sentences, actors=actors)
        if args.names:
            print_speaker_kinds(quotes, name_labels)
        if args.speakers:
            print_speaker_joins(name, quotes, actors)
        if args.speakers and name in KIND_LABELS:
            kinds = score_speaker_kinds(quotes, KIND_LABELS[name])
            print("  labelled speaker kinds: {} of {} right, persons {} of {}; wrong: ".format(
                *kinds["speakers"], *kinds["persons"]) + "; ".join(f"{s} ({k}, given {g})" for s, k, g in kinds["wrong"]))
        if args.rows and name in WHOLE_LABELS:
            print_label_kinds(actors, WHOLE_LABELS[name])
        elif args.rows:
            print_row_checks(quotes, actors, row_labels)
        for label, path in LABELS.get(name, {}).items():
            print(f"  labelled {label}:", score_labels(actors, read_labels(path)))
    if args.speed:
        print(f"find_actors on the corpora, median of {args.speed} passes (s):",
              time_actors(corpora, args.speed, args.baseline))
    recall = newsmtsc_recall()
    print("newsmtsc: {} actors, {} rows".format(*recall.pop("actors")))
    for kind, (found, total) in recall.items():
        print(f"newsmtsc ({kind} annotated mentions): {found} of {total} found as a person actor "
              f"({found / total:.3f})")


if __name__ == "__main__":
    main()
