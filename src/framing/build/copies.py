"""The same article in two files or rows of one corpus, found on the cleaned bodies (`SameArticles`).

Ingest leaves out copies whose raw text is alike (`ingest.Duplicates`). The same article saved in
two formats (the page's text copied as `.txt`, the saved page `.html`, a row of an export) has
different raw text, and the same cleaned body: this check compares the bodies once every article is
cleaned, keeps one copy and skips the others with a warning naming both. Same text under two
different outlets (wire copy) is no copy: both are kept, and a note names them.

Each body is summarised by a bottom-k sketch (Broder 1997; Cohen & Kaplan 2007): the `SKETCH`
smallest hash values of its word trigrams. Two sketches cut at the smaller of their two largest
values are uniform samples of the two trigram sets under one cut, so the share of the shorter
body's sampled trigrams found in the other's estimates its containment in the other (exactly, for a
body of up to `SKETCH` trigrams). Pairs to compare are those whose sketches share values. The
threshold `SAME` sits between copies of one page (0.81 and more, the 78 English AEB pages as saved
HTML and two text dumps) and different articles (0.66 at most: one outlet's rewrite of another's
report, AllSides): `benchmarks/bench_copies.py`.
"""
from __future__ import annotations

import itertools
import math
import re
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..ingest import EXPORT_FORMATS, MAX_LISTED, Problem, RawArticle, _where
from ..ingest.folder import copy_fix, lost_metadata, where_outlets
from .article import _stand_in

BODY_KINDS = ("body", "list_item", "subheading")  # the body compared: no headline, which formats give apart
SKETCH = 128  # trigram hashes kept per body: a containment of 0.8 is estimated within about ±0.07 (2 sd)
SAME = 0.7  # containment of the shorter body in the other from which two bodies are one article
MIN_SAMPLED = 8  # sampled trigrams of the shorter body, at the least, for a pair to be judged
MIN_WORDS = 20  # bodies of fewer words are not compared
COMMON = 10  # a sampled trigram in more bodies than this proposes no pair (a phrase, or a wire story)
PAIR_SHARED = math.ceil(SAME * MIN_SAMPLED)  # sketch values two copies share at the least

# Which copy of one article is kept, by its source: an export's row taken as the article's text, then
# a saved page (its article extracted from the markup), then page text (copied or cleaned as a page).
SOURCE_RANK = {"export": 0, "html": 1, "text": 2}
SOURCE_REASON = {0: "the export's row, taken as the article's clean text",
                 1: "the saved page: its article is read from the markup, more cleanly than from page text"}

BODY_KEY = "body/"  # what a body's sketch is remembered by, before its article's build key
_WORDS = re.compile(r"\w+")
_EMPTY = np.zeros(0, dtype=np.uint32)


@dataclass
class Found:
    """What the check found: the articles to leave out, a warning for each, and notes."""

    skipped: set[str] = field(default_factory=set)  # article ids
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # same text under two outlets: both kept
    # where each copy skipped is → (where the copy kept is, why it is kept, the outlet and event it was given)
    kept: dict[str, tuple[str, str, dict[str, str]]] = field(default_factory=dict)


class SameArticles:
    """The cleaned bodies of a corpus's articles, added chunk by chunk in corpus order (`add`), and
    the copies among them once all are in (`find`). Keeps a sketch of 512 bytes per article."""

    def __init__(self, *, known: dict[str, tuple] | None = None):
        # What each body gave by `BODY_KEY` + its article's build key: (b"", words, sketch, trigrams), in
        # the form of the texts the near-duplicate check remembers (`reuse.save_texts_seen`); `known`
        # holds an earlier build's (`met`), so a rebuild sketches only the articles it cleaned anew.
        self.known = known if known is not None else {}
        self.met: dict[str, tuple] = {}
        self.ids: list[str] = []
        self.where: list[str] = []
        self.record: list[int | None] = []  # the row of an export, None for a file
        self.given: list[dict[str, str]] = []  # the outlet and event the input gives
        self.outlet: list[str | None] = []  # the outlet the article was given or found (None: a file name stands in)
        self.rank: list[int] = []
        self.words: list[int] = []
        self.trigrams: list[int] = []
        self.sketches: list[np.ndarray] = []
        self.chunk: dict[str, int] = {}  # article id → the number of the chunk holding its rows

    def add(self, raws: list[RawArticle], articles: pd.DataFrame, sentences: pd.DataFrame, *, chunk: int = 0) -> None:
        """The articles of one chunk (`articles` and `sentences` as the build made them, in corpus
        order; `raws`: the chunk's articles as read, for what their input gives)."""
        if articles.empty:
            return
        by_id = {raw.article_id: raw for raw in raws}
        body = sentences[sentences["kind"].isin(BODY_KINDS)]
        texts = {article: " ".join(text for _, text in rows) for article, rows in
                 itertools.groupby(zip(body["article_id"].tolist(), body["text"].tolist()), key=lambda row: row[0])}
        ids, keys = articles["article_id"].tolist(), (BODY_KEY + articles["build_key"]).tolist()
        todo = [i for i, key in enumerate(keys) if key not in self.known]
        made = dict(zip(todo, _sketches([texts.get(ids[i], "") for i in todo])))
        for i, (article, outlet, key) in enumerate(zip(ids, articles["outlet"].tolist(), keys)):
            raw = by_id[article]
            memo = self.known.get(key)
            if memo is None:
                sketch, words, trigrams = made[i]
                memo = (b"", words, sketch, trigrams)
            self.met[key] = memo
            _, words, sketch, trigrams = memo
            self.chunk[article] = chunk
            self.ids.append(article)
            self.where.append(_where(raw))
            self.record.append(raw.record)
            self.given.append({key: (raw.given.get(key) or "").strip() for key in ("outlet", "event")})
            self.outlet.append(None if _stands_in(outlet, raw) else outlet)
            self.rank.append(source_rank(raw))
            self.words.append(words)
            self.trigrams.append(trigrams)
            self.sketches.append(sketch)

    def find(self, outlets: dict[str, str] | None = None) -> Found:
        """The copies: pairs whose given outlets and events do not differ (a part not given matches
        any) and where the shorter body's trigrams are at least `SAME` in the other, grouped;
        of each group the copy `preferred` is kept, the others that are copies of it skipped, each
        with a warning. `outlets`: the outlet each article is named by once its site's articles are
        named alike (`name_outlets`), for those the build renamed. Pairs of the same text whose
        outlets differ are kept and named in notes."""
        outlet = [None if name is None else (outlets or {}).get(i, name) for i, name in zip(self.ids, self.outlet)]
        copies: dict[int, dict[int, float]] = {}
        other_outlets = []
        for a, b, share in self._alike():
            if outlet[a] and outlet[b] and outlet[a].casefold() != outlet[b].casefold():
                other_outlets.append((a, b, share, outlet[a], outlet[b]))
            elif not _differ(self.given[a]["event"], self.given[b]["event"]) and \
                    not _differ(self.given[a]["outlet"], self.given[b]["outlet"]):
                copies.setdefault(a, {})[b] = copies.setdefault(b, {})[a] = share
        found = Found(notes=self._wire_notes(other_outlets))
        for group in _groups(copies):
            kept = min(group, key=lambda i: self._preference(i, group))
            for other in sorted(i for i in group if i in copies[kept]):
                found.skipped.add(self.ids[other])
                found.problems.append(self._problem(other, kept, copies[kept][other], group))
                found.kept[self.where[other]] = (self.where[kept], self._reason(other, kept, group), self.given[kept])
        return found

    def _alike(self) -> list[tuple[int, int, float]]:
        """(earlier, later, containment) for each pair of articles where the shorter body's
        trigrams are at least `SAME` in the other (`containment`), among the pairs whose sketches
        share `PAIR_SHARED` values or more below both their cuts (fewer cannot make a copy), values
        found in more than `COMMON` sketches aside."""
        n = len(self.sketches)
        lengths = np.fromiter(map(len, self.sketches), dtype=np.int64, count=n)
        if lengths.sum() == 0:
            return []
        cuts = np.array([self._cut(i) for i in range(n)], dtype=np.int64)
        values = np.concatenate(self.sketches).astype(np.int64)
        owners = np.repeat(np.arange(n), lengths)
        order = np.argsort(values, kind="stable")
        values, owners = values[order], owners[order]
        starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
        sizes = np.diff(np.concatenate((starts, [len(values)])))
        keys = []
        for size in np.unique(sizes[(sizes >= 2) & (sizes <= COMMON)]):
            at = starts[sizes == size]
            rows = owners[at[:, None] + np.arange(size)]  # one row per value: the bodies holding it
            first, second = np.triu_indices(size, 1)
            left, right = rows[:, first], rows[:, second]
            below = values[at][:, None] <= np.minimum(cuts[left], cuts[right])  # under both cuts: counted
            keys.append(left[below] * n + right[below])
        if not keys:
            return []
        pairs, shared = np.unique(np.concatenate(keys), return_counts=True)
        pairs, shared = pairs[shared >= PAIR_SHARED], shared[shared >= PAIR_SHARED]
        left, right = np.divmod(pairs, n)
        trigrams = np.asarray(self.trigrams)
        shorter = np.where(trigrams[left] <= trigrams[right], left, right)
        cut = np.minimum(cuts[left], cuts[right])
        sampled = np.array([np.searchsorted(self.sketches[i], c, side="right") for i, c in zip(shorter, cut)],
                           dtype=np.int64)
        share = shared / np.maximum(sampled, 1)
        alike = (sampled >= MIN_SAMPLED) & (share >= SAME)
        return [(int(a), int(b), float(c)) for a, b, c in zip(left[alike], right[alike], share[alike])]

    def _containment(self, a: int, b: int) -> float | None:
        """The estimated share of the shorter body's trigrams found in the other (None: too few
        sampled to judge), from the two sketches cut at the smaller of their largest values: one
        pair at a time (`benchmarks/bench_copies.py` reads the pair nearest the threshold with it)."""
        cut = min(self._cut(a), self._cut(b))
        left, right = self.sketches[a], self.sketches[b]
        left, right = left[left <= cut], right[right <= cut]
        shorter = left if self.trigrams[a] <= self.trigrams[b] else right
        if len(shorter) < MIN_SAMPLED:
            return None
        return len(np.intersect1d(left, right, assume_unique=True)) / len(shorter)

    def _cut(self, i: int) -> int:
        """The largest value a sketch holds when it holds only part of its body's trigrams."""
        return int(self.sketches[i][-1]) if self.trigrams[i] > SKETCH else 1 << 32

    def _preference(self, i: int, group: list[int]) -> tuple:
        """Which copy of a group is kept: one holding at least half the words of the longest (an
        excerpt gives way to the whole article), then by source (`SOURCE_RANK`), then the first read."""
        return self._excerpt(i, group), self.rank[i], i

    def _excerpt(self, i: int, group: list[int]) -> bool:
        return 2 * self.words[i] < max(self.words[j] for j in group)

    def _problem(self, skipped: int, kept: int, share: float, group: list[int]) -> Problem:
        """The warning for a copy skipped as the same article as one kept, in the words of the
        duplicates ingest finds (`ingest.folder._duplicate_problem`)."""
        reason = self._reason(skipped, kept, group)
        first = self.where[kept]
        lost = lost_metadata(self.given[skipped], self.given[kept])
        fix = copy_fix(lost, first, self.given[kept])
        return Problem(self.where[skipped],
                       f"is the same article as {first} once both are cleaned ({share:.0%} of the shorter "
                       f"text's three-word runs in the other's), which is kept ({reason}): skipped; {fix}"
                       + ("" if lost else f", or give them different outlets {where_outlets(self.record[skipped])} if both are "
                                          "wanted"), skipped=1)

    def _reason(self, skipped: int, kept: int, group: list[int]) -> str:
        """Why the copy `kept` is kept rather than `skipped` (`_preference`), as the warning says it."""
        if self._excerpt(skipped, group) and not self._excerpt(kept, group):
            return "the longer text: this one holds under half its words"
        if self.rank[kept] < self.rank[skipped]:
            return SOURCE_REASON[self.rank[kept]]
        return "the copy read first"

    def _wire_notes(self, pairs: list[tuple]) -> list[Problem]:
        """One note per pair of articles of the same text under two outlets (at most `MAX_LISTED`,
        then how many more): both are kept, as a story one outlet wrote and another carried."""
        notes = [Problem(self.where[b], f"has the same text as {self.where[a]} ({share:.0%} of the shorter text's "
                                        f"three-word runs in the other's) under another outlet ({second!r}; "
                                        f"{first!r} there): both kept, as one story carried by two outlets; if they "
                                        "are one article, give them one outlet", note=True)
                 for a, b, share, first, second in pairs[:MAX_LISTED]]
        if len(pairs) > MAX_LISTED:
            notes.append(Problem(self.where[pairs[MAX_LISTED][1]],
                                 f"and {len(pairs) - MAX_LISTED:,} more pairs of articles have the same text under "
                                 "two outlets: all kept", note=True))
        return notes


SKETCH_BATCH = 256  # bodies sketched together: the speed of one pass, the words of a few hundred bodies held


def _sketches(texts: list[str]) -> list[tuple[np.ndarray, int, int]]:
    """For each body: the `SKETCH` smallest hashes of its distinct word trigrams (case folded), its
    number of words and of distinct trigrams; a body of fewer than `MIN_WORDS` words gets no
    sketch. `SKETCH_BATCH` bodies at a time (`_sketch_batch`)."""
    return [sketch for start in range(0, len(texts), SKETCH_BATCH)
            for sketch in _sketch_batch(texts[start:start + SKETCH_BATCH])]


def _sketch_batch(texts: list[str]) -> list[tuple[np.ndarray, int, int]]:
    """`_sketches` of a few bodies at once: each distinct word hashed once (CRC-32), the trigrams of
    every body mixed in one pass and made distinct per body by one sort."""
    words = [_WORDS.findall(text.casefold()) for text in texts]
    counts = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    found = [(_EMPTY, int(n), 0) for n in counts]
    chosen = np.flatnonzero(counts >= MIN_WORDS)
    if not len(chosen):
        return found
    sizes = counts[chosen]
    labels, distinct = pd.factorize(np.fromiter(itertools.chain.from_iterable(words[i] for i in chosen),
                                                dtype=object, count=int(sizes.sum())))
    codes = np.fromiter((zlib.crc32(word.encode("utf-8", "surrogatepass")) for word in distinct), dtype=np.uint64,
                        count=len(distinct))
    ids = codes[labels]
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        mixed = ids[:-2] * np.uint64(0x9E3779B97F4A7C15) + ids[1:-1] * np.uint64(0xC2B2AE3D27D4EB4F) + ids[2:]
        mixed ^= mixed >> np.uint64(31)  # spread the bits (the finaliser of splitmix64), so order is random
        mixed *= np.uint64(0xBF58476D1CE4E5B9)
        mixed ^= mixed >> np.uint64(29)
    body = np.repeat(np.arange(len(chosen), dtype=np.uint64), sizes)[:-2]  # the body of each trigram's first word
    within = np.arange(len(mixed)) < np.repeat(np.cumsum(sizes) - 2, sizes)[:-2]  # its three words in that body
    keyed = np.sort((body[within] << np.uint64(32)) | (mixed[within] >> np.uint64(32)))
    keyed = keyed[np.concatenate(([True], keyed[1:] != keyed[:-1]))]  # distinct per body, each body's in order
    values = (keyed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    bounds = np.searchsorted((keyed >> np.uint64(32)).astype(np.int64), np.arange(len(chosen) + 1))
    for n, i in enumerate(chosen):
        own = values[bounds[n]:bounds[n + 1]]
        found[i] = (own[:SKETCH].copy(), int(counts[i]), len(own))
    return found


def source_rank(raw: RawArticle) -> int:
    """`SOURCE_RANK` of an article: an export's row read as clean text, a saved page, or page text."""
    if raw.format in EXPORT_FORMATS and not raw.wants_cleaning:
        return SOURCE_RANK["export"]
    return SOURCE_RANK["html"] if raw.format == "html" else SOURCE_RANK["text"]


def _stands_in(outlet: str, raw: RawArticle) -> bool:
    """Whether an article's outlet is its file name standing in for one (none given or found)."""
    if raw.given.get("outlet"):
        return False
    name = _stand_in(raw.source_file)
    return outlet == name or outlet == f"{name} row {raw.record}"


def _differ(left: str, right: str) -> bool:
    """Whether two given values (an outlet, an event) differ: one not given differs from none."""
    return bool(left and right and left.casefold() != right.casefold())


def _groups(copies: dict[int, dict[int, float]]) -> list[list[int]]:
    """The articles linked by copies, as groups (each sorted), in the order of their first article:
    the connected components of the graph of copies (union-find, each group under its smallest
    article)."""
    parent = {article: article for article in copies}

    def root(article: int) -> int:
        while parent[article] != article:
            parent[article] = parent[parent[article]]
            article = parent[article]
        return article

    for article, others in copies.items():
        for other in others:
            first, second = sorted((root(article), root(other)))
            parent[second] = first
    groups: dict[int, list[int]] = {}
    for article in sorted(copies):
        groups.setdefault(root(article), []).append(article)
    return sorted(groups.values())
