"""A learned second stage for quote speakers, alone or only where the rules give nobody, measured against
the rules (not shipped: neither beats them).

    python benchmarks/train_speakers.py [--changes]
    python benchmarks/train_speakers.py --held-out

Muzny et al. (2017) follow their sieve with a trained classifier that scores the mentions near a
quote. Here a conditional logit (McFadden 1974: a logistic regression whose classes are each
quote's candidates) scores, for every direct quote, the candidates `speaker_candidates` lists: the
rules' answer, the people and bodies named outside quotes in the quote's sentence and the sentences
just before and after, an unnamed source when the sentence names one, and nobody. Features are few
and general (sentence before / same / after, before or after the quote, distance in words, a
reporting verb next to the mention, sentence subject, person or body, titled, possessive, object of
"told" / "by", the rule that gave the rules' answer; for "nobody": short, partial, title-like or
marked quote, no reporting verb). Trained on the hand-labelled quotes read while writing the rules
(the "seen" splits of `bench_sources.py`, AllSides and other news; the held-out splits are never trained
on) and measured by 5-fold cross-validation grouped by event (the AllSides roundup, or the article for
other news, so no event is in both training and test folds): accuracy of the rules and of the ranker on
the held-out folds, as `bench_sources.py` counts it. With `--held-out` it trains once on every seen quote
(the same fixed settings; the hybrid's threshold chosen on grouped folds of the seen quotes) and scores
the rules, the ranker and the hybrid on each held-out split of `bench_sources.py` and on all of them
together, totals only, never a quote: each method's accuracy with its Wilson 95 % interval, and the
paired comparison with the rules (quotes it gets right that the rules miss and the reverse, the paired
difference, and the exact McNemar test: a two-sided binomial test on the discordant quotes). Fixed settings, no search: L2 penalty 1 / (2 `C`). `--changes` prints the held-out quotes where
the two differ. It also scores a hybrid: the rules' answer, and the ranker's most likely named
candidate only where the rules give nobody and its probability reaches a threshold chosen on inner
folds of each training fold (grouped by event the same way; 0.30 … 0.90). The ranker ships only if
it beats the rules here; neither it nor the hybrid has (docs/speaker-accuracy.md).
"""
from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_sources import HELD_OUT, NEWS, SAMPLE, SEEN, sample_table, same_speaker, wilson  # noqa: E402
from quote_samples import read_labels, with_text  # noqa: E402
from framing.actors import _person_mentions, read_rules  # noqa: E402
from framing.sources.attribution import _SCARE  # noqa: E402
from framing.sources.name_kinds import _NOT_SPEAKERS, _POSSESSIVE, _is_place, _split_label  # noqa: E402
from framing.sources.patterns import _lexicon  # noqa: E402
from framing.sources.spans import _PLACEHOLDER, _QUOTE, _TITLE_SMALL_WORDS, _WORD, _narration, _title_case  # noqa: E402
from framing.sources.speaker_memory import _BODY, _NOT_BODIES  # noqa: E402

C = 1.0  # L2 regularisation of the conditional logit (fixed, not searched)
FOLDS = 5


# ── candidates and their features ──

def _same_name(a: str, b: str) -> bool:
    """True when one name is the end of the other ("Biden", "Joe Biden"), case and apostrophes aside."""
    x, y = (n.lower().replace("’", "'").split() for n in (a, b))
    return bool(x) and bool(y) and (x[-len(y):] == y or y[-len(x):] == x)


_RANK_VERB_GAP = 4  # words between a mention and a reporting verb still read as its verb


def _verb_near(words: list[str], forms) -> bool:
    return any(w.lower().strip(",.:;") in forms for w in words)


def _mentions_of(narration: str) -> list[tuple[int, int, str, bool, bool]]:
    """(start, end, name, person, titled) of the people and bodies a narration names (people as
    `framing.actors` reads them; bodies by an organisation word, as `_remember_bodies`)."""
    rules = read_rules()
    out = []
    if _title_case(narration):
        return out
    for m in _person_mentions(narration, rules, rules.organisations):
        roles, name = _split_label(m.name.split())
        if not name or name[0] in _NOT_SPEAKERS or _is_place(" ".join(name)):
            continue
        text = _POSSESSIVE.sub("", " ".join(name)).rstrip(".’'")
        person = (len(name) >= 2 or m.has_title) and not any(w in rules.organisation_words for w in name)
        out.append((m.start, m.end, text, person, bool(m.has_title or roles)))
    for match in _BODY.finditer(narration):
        words = match.group().split()
        while words and (words[0] in rules.function_words or words[0] in _NOT_SPEAKERS):
            words = words[1:]  # "The White House" → "White House"
        if any(w in rules.organisation_words and w not in _NOT_BODIES for w in words):
            name = _POSSESSIVE.sub("", " ".join(w for w in words if w not in rules.function_words
                                                or w in ("of", "for", "and", "on"))).rstrip(".’'")
            if name and not any(s <= match.start() < e for s, e, *_ in out):
                out.append((match.start(), match.end(), name, False, False))
    return out


# A sentence opened by a pronoun or a description rather than a name: its subject was named before.
_DESCRIBED = re.compile(r"^\s*(?:(?:But|And|Still|So|Yet|Then|However|Meanwhile),?\s+)?(?:(?:He|She|It|They)\b|"
                        r"(?:The|the|Its|His|Her|Their)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\b)")
_SENTENCE_OPENERS = {"the", "a", "an", "and", "but", "still", "so", "yet", "then", "however", "also", "meanwhile"}


def _opens_sentence(before: str) -> bool:
    """True when only capitalised words, an article or a conjunction stand before a mention: it is
    the sentence's subject, or part of it."""
    words = [w.strip(",.:;—–-•*") for w in before.split()]
    return len(words) <= 4 and all(not w or w[0].isupper() or w.lower() in _SENTENCE_OPENERS for w in words)


def _quote_features(quote: dict, narration: str, place: int) -> dict:
    """Features of the quote itself (they score the options "nobody" and "unnamed source")."""
    words = _WORD.findall(quote["quote"])
    before = narration[:place]
    return {"short": float(len(words) <= 3), "partial": float(bool(quote["is_partial"])),
            "title": float(quote["pattern"] == "title"),
            "marked": float(bool(_SCARE.search(narration))),
            "capitalised": float(bool(words) and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)),
            "no_verb": float(not _verb_near(_WORD.findall(narration), _lexicon().forms)),
            "sieve_none": float(not isinstance(quote["speaker"], str)),
            "sieve_anonymous": float(bool(quote["is_anonymous"])),
            "opens": float(not before.strip(" -•*"))}


def speaker_candidates(quote: dict, texts: dict) -> list[dict]:
    """The candidates for one direct quote's speaker, each {"speaker", "label", "anonymous",
    "features"}: the sieve's answer, every person or body named outside quotes in the quote's
    sentence(s) and the sentences just before and after (`texts`: sentence_id → text of its
    article), an unnamed source when the sentence names one, and nobody (`speaker` None).

    `quote` holds `sentence_id`, `sentence_end`, `quote`, `is_partial`, `speaker`, `is_anonymous`,
    `pattern` (a row of `extract_quotes`)."""
    lexicon = _lexicon()
    own = " ".join(texts.get(i, "") for i in range(quote["sentence_id"], quote["sentence_end"] + 1))
    spans = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in _QUOTE.finditer(own)]
    narration = _narration(own, spans)
    index = next((k for k, (_, _, q) in enumerate(spans) if q.strip() == quote["quote"]), 0)
    place = [m.start() for m in re.finditer(_PLACEHOLDER, narration)]
    place = place[index] if index < len(place) else 0
    base = _quote_features(quote, narration, place)
    sieve = quote["speaker"] if isinstance(quote["speaker"], str) and not quote["is_anonymous"] else None
    found: dict[str, dict] = {}
    described = bool(_DESCRIBED.match(narration[:place]))  # "It has ordered …", "The oversight panel said …"
    for offset, text in ((-1, texts.get(quote["sentence_id"] - 1)), (0, None), (1, texts.get(quote["sentence_end"] + 1))):
        if offset and not isinstance(text, str):
            continue
        said = narration if offset == 0 else _narration(text, [(m.start(), m.end(), "") for m in _QUOTE.finditer(text)])
        for start, end, name, person, titled in _mentions_of(said):
            before, after = said[:start].split(), said[end:].split()
            distance = len(said[min(end, place):max(start, place)].split()) if offset == 0 else 0
            features = {
                "previous": float(offset == -1), "next": float(offset == 1),
                "before_quote": float(offset == 0 and start < place), "after_quote": float(offset == 0 and start > place),
                "distance": math.log1p(distance),
                "verb_after": float(_verb_near(after[:_RANK_VERB_GAP], lexicon.forms)),
                "verb_before": float(_verb_near(before[-2:], lexicon.forms)),
                "subject": float(_opens_sentence(said[:start])),
                "described": float(offset == -1 and described),
                "person": float(person), "titled": float(titled),
                "possessive": float(bool(re.match(r"[’']s?\b", said[end:end + 2]))),
                "object": float(before[-1:] in (["told"], ["to"], ["by"], ["with"], ["against"], ["of"], ["for"])),
                "lead": float(quote["sentence_id"] + offset == 0),
            }
            key = next((k for k in found if _same_name(k, name)), None)
            if key is not None:
                old = found[key]
                if old["features"]["previous"] + old["features"]["next"] <= features["previous"] + features["next"]:
                    continue  # keep the mention nearest the quote
                name = key if len(key.split()) > len(name.split()) else name
                del found[key]
            found[name] = {"speaker": name, "label": said[start:end].strip(), "anonymous": False, "features": features}
    out = []
    for name, candidate in found.items():
        features = candidate["features"]
        features["sieve"] = float(sieve is not None and _same_name(sieve, name))
        if features["sieve"]:
            candidate["speaker"] = sieve if len(sieve.split()) >= len(name.split()) else name
            features.update(_sieve_features(quote, base))
        elif not (features["subject"] or features["verb_after"] or features["verb_before"] or features["titled"]):
            continue  # named in passing: neither a subject, nor by a reporting verb, nor with a role
        elif base["sieve_none"]:  # the rules found nobody: what this mention would need to speak
            features.update({f"alone_{k}": features[k] for k in ("subject", "verb_after", "verb_before", "person")},
                            alone_same=float(not features["previous"] and not features["next"]))
        out.append(candidate)
    if sieve is not None and not any(c["features"]["sieve"] for c in out):
        out.append({"speaker": sieve, "label": quote.get("speaker_label") or sieve, "anonymous": False,
                    "features": {"sieve": 1.0, "unseen": 1.0, **_sieve_features(quote, base)}})  # "he", "the governor"
    lowered = f" {narration.lower()} "
    phrase = next((a for a in lexicon.anonymous if f" {a} " in lowered or f" {a}," in lowered), None)
    if quote["is_anonymous"] or phrase:
        out.append({"speaker": quote["speaker"] if quote["is_anonymous"] else phrase,
                    "label": quote.get("speaker_label") if quote["is_anonymous"] else phrase, "anonymous": True,
                    "features": {"anonymous": 1.0, "anonymous_sieve": base["sieve_anonymous"],
                                 "anonymous_partial": base["partial"]}})
    out.append({"speaker": None, "label": None, "anonymous": False,
                "features": {"nobody": 1.0, **{f"nobody_{k}": v for k, v in base.items()}}})
    for candidate in out:
        candidate["features"].setdefault("candidate", 1.0 if candidate["speaker"] is not None else 0.0)
    return out


_SIEVE_PATTERNS = ("continued", "previous_mention", "partial_subject", "subject", "verb_name", "according_to",
                   "quote_name", "following", "open_paragraph")


def _sieve_features(quote: dict, base: dict) -> dict:
    """Features of the sieve's own answer: the kind of rule that gave it, and whether the quote is a
    short or partial one (where the rules reach furthest)."""
    pattern = str(quote["pattern"])
    kind = next((p for p in _SIEVE_PATTERNS if pattern.startswith(p)), "name_verb" if pattern.startswith("name_verb") else "other")
    return {f"sieve_{kind}": 1.0, "sieve_partial": base["partial"], "sieve_short": base["short"],
            "sieve_no_verb": base["no_verb"], "sieve_marked": base["marked"]}



def quote_candidates(item: dict):
    """(the rules' row as a dict, candidates) for the labelled quote of one sample item."""
    import framing as fr

    table = sample_table(item)
    quotes = fr.extract_quotes(table)
    row = quotes[(quotes["sentence_id"] == item["sentence_id"]) & (quotes["quote"] == item["quote"])]
    if row.empty:
        return None, []
    row = row.iloc[0].to_dict()
    texts = dict(zip(table["sentence_id"], table["text"]))
    return row, speaker_candidates(row, texts)


def is_right(label, candidate: dict) -> bool:
    """True when a candidate names the labelled speaker (as `bench_sources.py` counts it)."""
    if label is None:
        return candidate["speaker"] is None
    if label == "anonymous":
        return candidate["anonymous"]
    return candidate["speaker"] is not None and not candidate["anonymous"] and same_speaker(label, candidate["speaker"])


def sieve_pick(candidates: list[dict]) -> dict:
    """The candidate the sieve chose."""
    return next((c for c in candidates if c["features"].get("sieve") or c["features"].get("anonymous_sieve")),
                candidates[-1])


def event_of(article_id: str) -> str:
    """The AllSides roundup an article belongs to ("allsides_5962_left" → "5962")."""
    return article_id.split("_")[1]


def group_of(item: dict) -> str:
    """The fold group of a labelled quote: its AllSides roundup, or for other news its data set and
    article (each NewsMTSC row is an article of its own)."""
    if item.get("source") is None:
        return event_of(item["article_id"])
    return f"{item['source']}:{item['article_id']}"


def labelled_quotes(splits) -> list[tuple[dict, dict, list[dict]]]:
    """(item, the rules' row, candidates) of every labelled quote of `splits` the rules find."""
    items = [item for path in (SAMPLE, NEWS) for item in read_labels(path) if item["split"] in splits]
    data = [(item, *quote_candidates(item)) for item in with_text(items)]
    return [(item, row, cands) for item, row, cands in data if row is not None]


def fit(rows: list, names: list[str]) -> np.ndarray:
    """Weights of a conditional logit (McFadden 1974): each quote's candidates compete in a softmax
    over their scores, and the labelled speaker's share is maximised, with an L2 penalty 1 / (2C)
    on the weights (the intercept cancels within a quote and is not fitted)."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp

    blocks = [(np.array([[c["features"].get(n, 0.0) for n in names] for c in cands]),
               np.array([is_right(label, c) for c in cands])) for label, cands in rows]

    def loss(w):
        value, grad = np.dot(w, w) / (2 * C), w / C
        for X, y in blocks:
            s = X @ w
            p = np.exp(s - logsumexp(s))
            q = np.where(y, p, 0) / p[y].sum()  # the labelled candidate(s)' share of the softmax
            value -= np.log(p[y].sum())
            grad = grad - (q - p) @ X
        return value, grad

    return minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x


def pick(weights: np.ndarray, names: list[str], candidates: list[dict]) -> dict:
    X = np.array([[c["features"].get(n, 0.0) for n in names] for c in candidates])
    return candidates[int(np.argmax(X @ weights))]


def probabilities(weights: np.ndarray, names: list[str], candidates: list[dict]) -> np.ndarray:
    """The conditional logit's share of each candidate (a softmax over the quote's candidates)."""
    from scipy.special import softmax

    X = np.array([[c["features"].get(n, 0.0) for n in names] for c in candidates])
    return softmax(X @ weights)


def hybrid_pick(weights: np.ndarray, names: list[str], candidates: list[dict], threshold: float) -> dict:
    """The rules' answer, unless they name nobody: then the ranker's most likely named candidate when
    its probability reaches `threshold`."""
    chosen = sieve_pick(candidates)
    if chosen["speaker"] is not None or chosen["anonymous"]:
        return chosen
    p = probabilities(weights, names, candidates)
    best = int(np.argmax([p[k] if c["speaker"] is not None else -1 for k, c in enumerate(candidates)]))
    return candidates[best] if candidates[best]["speaker"] is not None and p[best] >= threshold else chosen


THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(13))  # 0.30 … 0.90, chosen inside the CV


def choose_threshold(data: list, names: list[str], train: np.ndarray, groups: list[str]) -> float:
    """The threshold with most quotes right on inner folds of the training quotes (grouped by event
    as the outer folds): the held-out fold plays no part in choosing it. Ties go to the higher one."""
    from sklearn.model_selection import GroupKFold

    right = dict.fromkeys(THRESHOLDS, 0)
    inner = GroupKFold(n_splits=FOLDS - 1).split(train, groups=[groups[i] for i in train])
    for fit_at, score_at in inner:
        model = fit(trainable(data, train[fit_at]), names)
        for i in train[score_at]:
            for t in THRESHOLDS:
                right[t] += is_right(data[i][0]["speaker"], hybrid_pick(model, names, data[i][2], t))
    return max(THRESHOLDS, key=lambda t: (right[t], t))


def trainable(data: list, indices) -> list:
    """(label, candidates) of the quotes whose labelled speaker is among their candidates."""
    return [(data[i][0]["speaker"], data[i][2]) for i in indices
            if any(is_right(data[i][0]["speaker"], c) for c in data[i][2])]


def main() -> int:
    from sklearn.model_selection import GroupKFold

    data = labelled_quotes(SEEN)
    names = sorted({k for _, _, cands in data for c in cands for k in c["features"]})
    groups = [group_of(item) for item, _, _ in data]
    if "--held-out" in sys.argv:
        return score_held_out(data, names, groups)
    reachable = sum(any(is_right(item["speaker"], c) for c in cands) for item, _, cands in data)
    print(f"{len(data)} seen quotes in {len(set(groups))} events; the labelled speaker is among the "
          f"candidates for {reachable} ({reachable / len(data):.2f}); {len(names)} features")
    sieve_right = ranker_right = hybrid_right = 0
    per_fold = []
    for train, test in GroupKFold(n_splits=FOLDS).split(data, groups=groups):
        model = fit(trainable(data, train), names)
        threshold = choose_threshold(data, names, train, groups)
        s = sum(is_right(data[i][0]["speaker"], sieve_pick(data[i][2])) for i in test)
        r = sum(is_right(data[i][0]["speaker"], pick(model, names, data[i][2])) for i in test)
        h = sum(is_right(data[i][0]["speaker"], hybrid_pick(model, names, data[i][2], threshold)) for i in test)
        per_fold.append((len(test), s, r, h, threshold))
        if "--changes" in sys.argv:  # the quotes where the ranker and the sieve differ (seen data only)
            for i in test:
                item, cands = data[i][0], data[i][2]
                a, b = sieve_pick(cands), pick(model, names, cands)
                if a is not b:
                    print(f"  {'+' if is_right(item['speaker'], b) else '-' if is_right(item['speaker'], a) else '='} "
                          f"label {item['speaker']!r}: sieve {a['speaker']!r} → ranker {b['speaker']!r}"
                          f" | {item['quote'][:50]!r}")
        sieve_right += s
        ranker_right += r
        hybrid_right += h
    print("grouped CV by event, per fold (quotes, sieve right, ranker right, hybrid right, threshold):", per_fold)
    print(f"accuracy on held-out folds: sieve {sieve_right / len(data):.3f}, ranker {ranker_right / len(data):.3f} "
          f"({ranker_right - sieve_right:+d} of {len(data)} quotes), hybrid {hybrid_right / len(data):.3f} "
          f"({hybrid_right - sieve_right:+d})")
    model = fit([(item["speaker"], cands) for item, _, cands in data
                 if any(is_right(item["speaker"], c) for c in cands)], names)
    weights = dict(zip(names, model))
    for name, weight in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:28} {weight:+.3f}")
    return 0


def score_held_out(data: list, names: list[str], groups: list[str]) -> int:
    """Train on every seen quote and score the rules, the ranker and the hybrid on the held-out splits,
    totals only."""
    model = fit(trainable(data, np.arange(len(data))), names)
    threshold = choose_threshold(data, names, np.arange(len(data)), groups)
    print(f"trained on {len(data)} seen quotes ({len(names)} features, C = {C}); hybrid threshold {threshold:.2f} "
          f"(chosen on grouped folds of the seen quotes)")
    held_out = labelled_quotes(HELD_OUT)
    labelled = {split: sum(item["split"] == split for path in (SAMPLE, NEWS) for item in read_labels(path))
                for split in HELD_OUT}
    methods = {"rules": sieve_pick, "ranker": lambda cands: pick(model, names, cands),
               "hybrid": lambda cands: hybrid_pick(model, names, cands, threshold)}
    by_split = {split: [d for d in held_out if d[0]["split"] == split] for split in HELD_OUT}
    for name, rows in by_split.items():
        print_comparison(name, rows, labelled[name], methods)
    print_comparison("together", held_out, sum(labelled.values()), methods)
    return 0


def print_comparison(name: str, rows: list, n: int, methods: dict) -> None:
    """Each method's accuracy on the `n` labelled quotes of which `rows` are those the rules find (a quote
    not found is wrong for all three), and each against the rules quote by quote: the exact McNemar
    test (McNemar 1947), a two-sided binomial test on the quotes where the two differ."""
    from scipy.stats import binomtest

    print(f"{name}: {len(rows)} of {n} labelled quotes found")
    right = {m: [is_right(item["speaker"], choose(cands)) for item, _, cands in rows] for m, choose in methods.items()}
    for method, hits in right.items():
        low, high = wilson(sum(hits), n)
        line = f"{name}: {method} {sum(hits)} / {n} = {sum(hits) / n:.2f} (Wilson 95 % {low:.2f}-{high:.2f})"
        if method != "rules":
            gains = sum(h and not r for h, r in zip(hits, right["rules"]))
            losses = sum(r and not h for h, r in zip(hits, right["rules"]))
            p = binomtest(gains, gains + losses, 0.5).pvalue if gains + losses else 1.0
            line += f"; against the rules +{gains} / -{losses}, paired difference {(gains - losses) / n:+.3f}, exact McNemar p = {p:.3f}"
        print(line)


if __name__ == "__main__":
    sys.exit(main())
