"""Frames: which sentences carry which frame, by the cue words of a lexicon, with the words recorded.

Schemes shipped as data (`src/framing/data/frames_<scheme>.toml`):

- `generic`: conflict, human interest, economic consequences, morality, attribution of
  responsibility (Semetko & Valkenburg 2000);
- `policy`: the 14 substantive dimensions of the Policy Frames Codebook (Boydstun et al. 2014);
- `entman`: problem definition, causal interpretation, moral evaluation, treatment recommendation
  (Entman 1993);
- `issue`: a corpus's own issues, read from `data/raw/<corpus>/issue_frames.toml` (a file users edit).

A lexicon is TOML: `version`, `source`, `description`, and one `[frames.<name>]` table per frame with
`cues` (case-insensitive, matched as whole words; `*` ends a prefix, so `econom*` matches economy and
economic; a cue of several words matches them with any spacing), and optionally `supporting_cues`:
words that count for the frame only in company (`min_with_supporting` different cue words of both
lists together). Every hit records the cue words as they were written in the sentence, so any count
can be checked by reading.
"""
from __future__ import annotations

import math
import os
import re
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from .config import CONTENT_KINDS, ISSUE_FILE, raw_dir
from .leans import sort_groups
from .lexicons import LexiconError, load_data
from .stats import MIN_ARTICLES, compare_outlets, summarise_articles
from .store import keep_kinds

SCHEMES = ("generic", "policy", "entman")
HIT_COLUMNS = ["article_id", "sentence_id", "outlet", "event", "kind", "position", "scheme", "frame",
               "score", "terms", "supporting_terms", "lexicon_version", "min_terms", "min_with_supporting"]
# An article carries a frame when at least this many different cue words for it occur in the article:
# one word, however often repeated ("economy", "economy", ...), names a topic rather than a frame.
MIN_TERMS = 2
# Words so frequent that nearly every English sentence has one: a cue of one of them alone would mark
# every sentence with the frame, so lexicons may not use them as cues (phrases holding them are fine).
COMMONEST_WORDS = frozenset("""a an the and or but of to in on at by for with from as is are was were be
been it its this that these those he she they we i you his her their our not has have had do does
said""".split())
_TOKEN = re.compile(r"\w+")


# ── lexicons ────────────────────────────────────────────────────────────────────────────────────

def read_lexicon(scheme: str = "generic", *, lexicon: str | Path | None = None) -> dict:
    """The lexicon of a scheme: a shipped one by name, or a user's TOML file (`lexicon`).
    Returns {"scheme", "version", "frames": {frame: [cues]} (its `cues`, then its `supporting_cues`:
    every word that is matched), "supporting": {frame: [supporting cues]}, "questions": {frame: its
    `question` text, "" when the table has none}, "min_terms": {frame: n}, "min_with_supporting":
    {frame: n, 0 when the frame has no supporting cues}}."""
    if lexicon is None and scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}: use one of {', '.join(SCHEMES)}, or pass "
                         f"lexicon=path to a TOML file (e.g. data/raw/<corpus>/{ISSUE_FILE})")
    data = load_data(lexicon if lexicon is not None else f"frames_{scheme}")
    origin = str(lexicon or scheme)
    tables = data.get("frames", {})
    if not isinstance(tables, dict) or not tables:
        raise LexiconError(f"{origin}: no [frames.<name>] tables with cues; add one per frame, e.g. "
                           '[frames.troops] with cues = ["troop*", "deploy*"]')
    core = {name: check_cues(spec, frame=name, origin=origin) for name, spec in tables.items()}
    supporting = {name: check_cues(spec, frame=name, origin=origin, key="supporting_cues")
                  for name, spec in tables.items()}
    return {"scheme": scheme, "version": str(data["version"]),
            "frames": {name: list(dict.fromkeys(core[name] + supporting[name])) for name in tables},
            "supporting": {name: [c for c in cues if c not in core[name]] for name, cues in supporting.items()},
            "questions": {n: str(spec.get("question", "")) for n, spec in tables.items()},
            "min_terms": {n: check_min_terms(spec, frame=n, origin=origin) for n, spec in tables.items()},
            "min_with_supporting": {n: check_min_terms(spec, frame=n, origin=origin, key="min_with_supporting")
                                    if supporting[n] else 0 for n, spec in tables.items()}}


def check_min_terms(spec: dict, *, frame: str, origin: str, key: str = "min_terms") -> int:
    """A frame table's `min_terms` (different cue words an article needs to carry the frame;
    `MIN_TERMS` when the table has none), or its `min_with_supporting` (`key`; needed when the table
    has `supporting_cues`), checked to be a whole number from 1 up."""
    if key not in spec and key != "min_terms":
        raise LexiconError(f"{origin}: frame {frame!r} has supporting_cues but no {key}: write e.g. "
                           f"{key} = 3 (the different cue words of both lists an article needs)")
    value = spec.get(key, MIN_TERMS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise LexiconError(f"{origin}: frame {frame!r}: {key} must be a whole number from 1 up, not "
                           f"{value!r}: write e.g. {key} = 3")
    return value


def check_cues(spec, *, frame: str, origin: str, key: str = "cues") -> list[str]:
    """The cues of one frame table of a lexicon (its `key` list: `cues`, or `supporting_cues`, empty
    when absent), checked: a list of words or phrases, none empty, none a function word ("the"), no
    `*` but at the end of a word of at least 3 letters. A cue that would match (almost) every
    sentence raises `LexiconError`, one line naming the lexicon file, the frame and the fix."""
    where = f"{origin}: frame {frame!r}"
    if not isinstance(spec, dict):
        raise LexiconError(f"{where} must be a table with a `cues` list: write [frames.{frame}] and "
                           'below it cues = ["word", "prefix*", "a phrase"]')
    cues = spec.get(key, [])
    if not isinstance(cues, list):
        raise LexiconError(f"{where}: `{key}` must be a list in brackets, not {type(cues).__name__} "
                           f'{str(cues)[:40]!r}: write {key} = ["word", "prefix*", "a phrase"]')
    bad = [cue for cue in cues if _too_broad(cue)]
    if bad:
        shown = ", ".join(repr(c) if isinstance(c, str) else str(c) for c in bad[:5])
        raise LexiconError(f"{where}: cues {shown} would match (almost) every sentence: each cue must "
                           "be a word or phrase in quotes, `*` only at the end of a word of at least "
                           "3 letters (e.g. \"troop*\"), and not a function word such as \"the\"")
    return [cue.strip() for cue in cues]


def _too_broad(cue) -> bool:
    """A cue that is not text, empty, one of `COMMONEST_WORDS`, or has `*` anywhere but after a
    run of 3+ letters or digits at the end of a word."""
    if not isinstance(cue, str) or not _TOKEN.search(cue):
        return True
    words = cue.strip().split()
    if len(words) == 1 and words[0].lower().rstrip("*") in COMMONEST_WORDS:
        return True
    for word in words:
        runs = _TOKEN.findall(word)
        if not runs or "*" in word.rstrip("*") or (word.endswith("*") and len(runs[0]) < 3):
            return True
    return False


def issue_lexicon(corpus: str | Path) -> Path:
    """The issue lexicon of a corpus: `data/raw/<corpus>/issue_frames.toml`."""
    path = Path(corpus)
    if path.is_dir() and (path / ISSUE_FILE).exists():
        return path / ISSUE_FILE
    found = raw_dir() / path.name / ISSUE_FILE
    if not found.exists():
        raise FileNotFoundError(f"{found} does not exist: write the corpus's issue frames there "
                                "(see data/raw/ukraine-nato-2025-02-12/issue_frames.toml)")
    return found


def find_issue_lexicon(corpus: str | Path) -> Path | None:
    """The issue lexicon of a corpus if it has one, else None."""
    try:
        return issue_lexicon(corpus)
    except FileNotFoundError:
        return None


_BEFORE_CUE = r"(?<![\w-])"


def cue_pattern(cue: str) -> str:
    """A cue as a regular expression: whole words, `*` for any word ending, flexible spacing."""
    return _BEFORE_CUE + _cue_body(cue)


def _cue_body(cue: str) -> str:
    parts = [re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "")
             for word in cue.strip().split()]
    return r"[\s-]+".join(parts) + r"(?!\w)"


def _required_word(cue: str) -> str:
    """A pattern for one whole `\\w+` word that every match of `cue` contains: the longest run of
    letters and digits of the cue ("blame" of "to blame", "year" of "year-old"), followed by any
    word ending when the run ends a `prefix*` word. Each run of a cue is preceded and followed by
    a sign that is not a letter or digit (or by the start and end of the match, which are word
    boundaries), so it is matched by a whole word of the text, save that a prefix run may go on."""
    runs = []
    for word in cue.strip().split():
        stem = word.rstrip("*")
        found = _TOKEN.findall(stem)
        runs += [(run, word.endswith("*") and k == len(found) - 1 and stem.endswith(run))
                 for k, run in enumerate(found)]
    run, prefix = max(runs, key=lambda item: len(item[0]))
    return re.escape(run) + (r"\w*" if prefix else "")


class _SchemeMatcher:
    """The cues of one scheme, compiled once.

    Single-word and `prefix*` cues are looked up word by word: each distinct word of the texts is
    checked against every frame's cues once, and whether it is a word that some phrase cue (several
    words, or a hyphen) needs (`_required_word`). Only the texts holding such a word are searched
    with one pattern of every phrase cue of the scheme, and only those it finds a phrase in with
    each frame's phrase pattern (its cues longest first), as `cue_pattern` writes them."""

    def __init__(self, frames_key: tuple):
        self.frames = [frame for frame, _ in frames_key]
        self.words, self.prefixes, self.patterns, needed, bodies = [], [], [], [], []
        for _, cues in frames_key:
            words = {c.lower() for c in cues if _TOKEN.fullmatch(c)}
            prefixes = {c[:-1].lower() for c in cues if c.endswith("*") and _TOKEN.fullmatch(c[:-1])}
            phrases = sorted((c for c in cues if c.lower() not in words and c[:-1].lower() not in prefixes),
                             key=len, reverse=True)
            self.words.append(frozenset(words))
            self.prefixes.append(frozenset(prefixes))
            self.patterns.append(re.compile(_BEFORE_CUE + "(?:" + "|".join(f"(?:{_cue_body(c)})" for c in phrases)
                                            + ")", re.IGNORECASE) if phrases else None)
            needed += [_required_word(c) for c in phrases]
            bodies += [_cue_body(c) for c in phrases]
        self.phrase_word = re.compile("|".join(f"(?:{w})" for w in needed), re.IGNORECASE) if needed else None
        self.any_phrase = re.compile(_BEFORE_CUE + "(?:" + "|".join(f"(?:{b})" for b in bodies) + ")",
                                     re.IGNORECASE) if bodies else None
        self._by_word: dict[str, set] = {}  # a single-word cue, lower-cased → its frames
        self._by_prefix: dict[str, set] = {}  # a prefix → its frames
        for frame, (words, prefixes) in enumerate(zip(self.words, self.prefixes)):
            for word in words:
                self._by_word.setdefault(word, set()).add(frame)
            for prefix in prefixes:
                self._by_prefix.setdefault(prefix, set()).add(frame)

    def word_frames(self, word: str) -> tuple[int, ...]:
        """The frames (by position) whose single-word cues are `word` or whose `prefix*` cues
        begin it (a prefix of at least 3 letters), case ignored."""
        lower = word.lower()
        frames = set(self._by_word.get(lower, ()))
        for k in range(3, len(lower) + 1):
            frames.update(self._by_prefix.get(lower[:k], ()))
        return tuple(sorted(frames))

    def match_texts(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """For each text: (frame position, number of cue matches, the cue words as written,
        "; "-joined in order) for each frame with a cue in it, in the lexicon's order."""
        words = [_TOKEN.findall(text) for text in texts]
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        codes, uniques = pd.factorize(np.array(list(chain.from_iterable(words)), dtype=object))
        frames = [self.word_frames(word) for word in uniques]
        needs_phrase = np.array([self.phrase_word is not None and self.phrase_word.fullmatch(w) is not None
                                 for w in uniques], dtype=bool)
        text_of = np.repeat(np.arange(len(texts)), lengths)
        phrased = np.zeros(len(texts), dtype=bool)
        for t in np.unique(text_of[needs_phrase[codes]]):  # a word a phrase needs: is there one?
            phrased[t] = self.any_phrase.search(texts[t]) is not None
        found: list[dict] = [{} for _ in texts]
        has_frames = np.array([bool(f) for f in frames], dtype=bool)
        for i in np.flatnonzero(has_frames[codes] & ~phrased[text_of]):
            for frame in frames[codes[i]]:
                found[text_of[i]].setdefault(frame, []).append(uniques[codes[i]])
        results = [[(f, len(hits[f]), "; ".join(hits[f])) for f in sorted(hits)] for hits in found]
        frames_of = dict(zip(uniques, frames))
        for t in np.flatnonzero(phrased):
            results[t] = self._match_with_phrases(texts[t], frames_of)
        return results

    def _match_with_phrases(self, text: str, frames_of: dict) -> list[tuple[int, int, str]]:
        """`match_texts` for one text where a phrase cue occurs (`frames_of`: `word_frames` of each
        of its words): word and phrase matches merged by position; a phrase starting where a word
        cue of the same frame matched is not counted again."""
        found: dict[int, list] = {}
        for m in _TOKEN.finditer(text):
            for frame in frames_of[m.group(0)]:
                found.setdefault(frame, []).append((m.start(), m.group(0)))
        for frame, pattern in enumerate(self.patterns):
            if pattern is None:
                continue
            words = found.get(frame, [])
            taken = {start for start, _ in words}
            more = [(m.start(), m.group(0)) for m in pattern.finditer(text) if m.start() not in taken]
            if more:
                found[frame] = sorted(words + more)
        return [(f, len(found[f]), "; ".join(word for _, word in found[f])) for f in sorted(found)]


@lru_cache(maxsize=64)
def _any_cue(cues: tuple) -> re.Pattern | None:
    """One pattern matching any of `cues` as a whole, for `fullmatch` on a cue word as written."""
    return re.compile("|".join(f"(?:{_cue_body(c)})" for c in cues), re.IGNORECASE) if cues else None


def supporting_terms(terms: str, cues, supporting) -> str:
    """The words of `terms` (cue words as written, "; "-joined) that a supporting cue matches and
    none of the frame's other `cues` does, "; "-joined ("" when none)."""
    if not supporting or not terms:
        return ""
    core, extra = _any_cue(tuple(cues)), _any_cue(tuple(supporting))
    return "; ".join(word for word in terms.split("; ")
                     if extra.fullmatch(word) and not (core is not None and core.fullmatch(word)))


@lru_cache(maxsize=32)
def _compiled(frames_key: tuple) -> _SchemeMatcher:
    """The matcher of a lexicon's ((frame, (cues, ...)), ...), compiled once per session."""
    return _SchemeMatcher(frames_key)


# ── hits ────────────────────────────────────────────────────────────────────────────────────────

def add_frames(sentences: pd.DataFrame, *, scheme: str = "generic", lexicon: str | Path | None = None,
               kinds=CONTENT_KINDS, text_col: str = "text") -> pd.DataFrame:
    """Frame cues in each sentence: one row per sentence and frame with at least one cue.

    Needs `article_id`, `sentence_id` and `text_col` (keeps `outlet`, `event`, `kind`, `position`
    when present). Returns the long table `HIT_COLUMNS`: `score` is the number of cue matches,
    `terms` the matched words as written ("; "-joined, in order), `supporting_terms` those of them
    that are the frame's supporting cues ("" when none), `min_terms` the different cue words the
    lexicon asks of an article for the frame and `min_with_supporting` those it asks when supporting
    cues count too (0: the frame has none; `article_frames`). `scheme="issue"` needs `lexicon`."""
    if scheme == "issue" and lexicon is None:
        raise ValueError('scheme="issue" needs lexicon=path, e.g. '
                         'lexicon=fr.issue_lexicon("<corpus>")')
    spec = read_lexicon(scheme, lexicon=lexicon)
    table = keep_kinds(sentences, kinds)
    matcher = _compiled(tuple((f, tuple(c)) for f, c in spec["frames"].items()))
    # Each distinct text is matched once (wire copies and repeated boilerplate are common).
    codes, distinct = pd.factorize(table[text_col], use_na_sentinel=True)
    usable = [text if isinstance(text, str) else "" for text in distinct]
    found = matcher.match_texts(usable)
    n_found = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    per_row = np.where(codes >= 0, n_found[np.maximum(codes, 0)] if len(found) else 0, 0)
    rows = np.repeat(np.arange(len(table)), per_row)
    first = (np.cumsum(n_found) - n_found)[codes[rows]] if len(rows) else rows
    which = first + np.arange(len(rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    flat = [hit for hits in found for hit in hits]
    picked = [flat[i] for i in which]
    return _hits_table(table, rows, picked, spec, matcher.frames)


def _hits_table(table: pd.DataFrame, rows: np.ndarray, picked: list, spec: dict, frames: list) -> pd.DataFrame:
    """The hits as `HIT_COLUMNS`: the key and group columns of `table`'s `rows` (None where a
    column is absent), with each row's (frame position, score, terms) from `picked`."""
    def column(name):
        if name not in table.columns:
            return [None] * len(rows)
        values = table[name].tolist()
        return [values[i] for i in rows]

    data = {name: column(name) for name in ("article_id", "sentence_id", "outlet", "event", "kind", "position")}
    data.update({"scheme": [spec["scheme"]] * len(rows), "frame": [frames[f] for f, _, _ in picked],
                 "score": [score for _, score, _ in picked], "terms": [terms for _, _, terms in picked],
                 "lexicon_version": [spec["version"]] * len(rows)})
    core = {f: [c for c in cues if c not in spec["supporting"][f]] for f, cues in spec["frames"].items()}
    data["supporting_terms"] = [supporting_terms(terms, core[frame], spec["supporting"][frame])
                                for frame, terms in zip(data["frame"], data["terms"])]
    data["min_terms"] = [spec["min_terms"][frame] for frame in data["frame"]]
    data["min_with_supporting"] = [spec["min_with_supporting"][frame] for frame in data["frame"]]
    hits = pd.DataFrame(data, columns=HIT_COLUMNS)
    hits[["score", "min_terms", "min_with_supporting"]] = hits[["score", "min_terms", "min_with_supporting"]].astype("int64")
    if not len(hits):  # no cue anywhere: text columns stay text (an empty list would make them floats)
        hits = hits.astype({"sentence_id": "int64", **{c: object for c in _TEXT_COLUMNS}})
    return hits


_TEXT_COLUMNS = ("article_id", "outlet", "event", "kind", "scheme", "frame", "terms", "supporting_terms", "lexicon_version")


# ── per article and per outlet ──────────────────────────────────────────────────────────────────

def article_frames(hits: pd.DataFrame, sentences: pd.DataFrame, *, min_terms: int | None = None,
                   kinds=CONTENT_KINDS) -> pd.DataFrame:
    """One row per article, scheme and frame: `n_sentences` with cues (one of the frame's own cues:
    a sentence with supporting cues alone is not counted, `own_cue_hits`), `n_terms` different cue words
    (lower-cased), `n_supporting` how many of them are supporting cues, `n_total` sentences, `share`
    of sentences with cues, and `present`. By default `present` follows the lexicon (the hits'
    `min_terms` and `min_with_supporting` columns): at least `min_terms` different cue words that are
    not supporting ones, or at least `min_with_supporting` different cue words of both kinds when the
    frame has supporting cues (`MIN_TERMS` cue words when the hits have no such columns). A number
    given as `min_terms` applies to every frame and counts every cue word alike. Every frame of the
    schemes in `hits` gets a row for every article, present or not. The article's `outlet` and
    `event` follow its id when `sentences` has them."""
    table = keep_kinds(sentences, kinds)
    totals = table.groupby("article_id").size().rename("n_total")
    frames = hits[["scheme", "frame"]].drop_duplicates().sort_values(["scheme", "frame"])  # not in order of first hit
    keys = ["article_id", "scheme", "frame"]
    counts = own_cue_hits(hits).groupby(keys)["sentence_id"].nunique().rename("n_sentences")
    terms = _different_words(hits, "terms", keys).rename("n_terms")
    supporting = (_different_words(hits, "supporting_terms", keys) if "supporting_terms" in hits
                  else pd.Series(dtype="int64")).rename("n_supporting")
    grid = pd.MultiIndex.from_tuples(
        [(a, s, f) for a in totals.index for s, f in frames.itertuples(index=False)], names=keys)
    result = pd.concat([counts, terms, supporting], axis=1).reindex(grid, fill_value=0).reset_index()
    counted = ["n_sentences", "n_terms", "n_supporting"]
    result[counted] = result[counted].fillna(0).astype("int64")
    result["n_total"] = result["article_id"].map(totals).astype("int64")
    result["share"] = result["n_sentences"] / result["n_total"]
    if min_terms is not None or "min_terms" not in hits:
        result["present"] = result["n_terms"] >= (MIN_TERMS if min_terms is None else min_terms)
    else:
        frame_keys = pd.MultiIndex.from_frame(result[["scheme", "frame"]])
        rules = hits.groupby(["scheme", "frame"])[[c for c in ("min_terms", "min_with_supporting") if c in hits]].first()
        needed = frame_keys.map(rules["min_terms"]).fillna(MIN_TERMS).to_numpy()
        result["present"] = result["n_terms"] - result["n_supporting"] >= needed
        if "min_with_supporting" in rules:
            with_supporting = frame_keys.map(rules["min_with_supporting"]).fillna(0).to_numpy()
            result["present"] |= (with_supporting > 0) & (result["n_terms"] >= with_supporting)
    for position, column in enumerate(c for c in ("outlet", "event") if c in table):
        result.insert(1 + position, column, result["article_id"].map(table.groupby("article_id")[column].first()))
    return result


def own_cue_hits(hits: pd.DataFrame) -> pd.DataFrame:
    """The rows of `hits` whose sentence holds at least one of the frame's own cues, not only
    supporting ones: the sentences that are evidence of the frame. A sentence whose only cue is a
    supporting word ("my" in "I thank my colleagues", "priest") counts towards its article's
    different cue words (`article_frames`) but shows no frame by itself. Same columns."""
    if "supporting_terms" not in hits or hits.empty:
        return hits
    return hits[_has_own_cue(hits)]


def _has_own_cue(hits: pd.DataFrame) -> np.ndarray:
    """Per row of `hits`: True when a word of `terms` is not among its `supporting_terms`."""
    supporting = hits["supporting_terms"].fillna("").to_numpy(dtype=object)
    terms = hits["terms"].fillna("").to_numpy(dtype=object)
    return np.array([not extra or bool(set(words.lower().split("; ")) - set(extra.lower().split("; ")))
                     for words, extra in zip(terms, supporting)], dtype=bool)


def _different_words(hits: pd.DataFrame, column: str, keys: list) -> pd.Series:
    """Per `keys`, the different words (lower-cased) of a "; "-joined word column of `hits`."""
    words = hits.assign(word=hits[column].str.lower().str.split("; ")).explode("word")
    return words[words["word"].fillna("") != ""].groupby(keys)["word"].nunique()


def summarise_frames(hits: pd.DataFrame, sentences: pd.DataFrame, *, by: str = "outlet",
                     kinds=CONTENT_KINDS, event: str | None = "event", min_articles: int = MIN_ARTICLES,
                     correction: str = "holm", n_permutations: int = 1999, n_boot: int = 2000,
                     ci: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Prevalence of each frame per group, over articles, with intervals and tests over articles.

    Needs `by` (an article-level column such as `outlet`), `article_id`, `sentence_id`, `n_words`
    in `sentences` (and `event`, when present, to compare groups within events). Each article's
    share of sentences with the frame's cues is computed first (`article_frames`); per group and
    frame the table gives:

    - `n_articles`, `n_sentences` with the frame, `n_total` sentences (both summed over the group's
      articles), `per_1000_words` (cue matches per 1,000 words of an article, mean over the group's
      articles, as `share` is: a long article counts once);
    - `share`: the mean of the group's per-article shares, with `ci_low`, `ci_high` over the group's
      articles (the Wilson interval on their effective number, Korn & Graubard 1998:
      `stats.share_interval`), or none when it has fewer than `min_articles` articles
      (`interval` says "too few articles for an interval");
    - `difference` (over the events the group shares with others, the mean of its articles' share
      minus the other groups' articles' share on the same event: `stats.within_event_effects`, so
      what a group chose to cover is not read as how it framed it) and `cliffs_delta`, none
      when the group or the others have fewer than `min_articles` articles (`effect_note` says so);
    - `p_value`: do the groups differ in this frame? a permutation test shuffling `by` labels among
      articles within events (`stats.permutation_test`); `p_adjusted` across the frames of the
      scheme (`correction`: "holm" or "fdr_bh", named in `correction`); `n_events_tested` (the events the
      test compared: those covered by two groups or more) and `test` (what was shuffled, over what);
      `note` says why there is no p-value (e.g. one article per outlet: nothing to test).
    """
    table = keep_kinds(sentences, kinds)
    totals = table.groupby(by).agg(n_total=("sentence_id", "size"))
    per_article = _article_shares(hits, table, by=by, event=event)
    columns = [by, "scheme", "frame", "n_articles", "n_sentences", "n_total", "share", "ci_low", "ci_high",
               "interval", "per_1000_words", "difference", "cliffs_delta", "effect_note", "p_value", "p_adjusted",
               "correction", "n_events_tested", "n_events_left_out", "test", "note"]
    if per_article.empty:
        return pd.DataFrame(columns=columns)
    family = ["scheme", "frame"]
    shares = summarise_articles(per_article, value="share", by=family + [by], min_articles=min_articles,
                                ci=ci, n_boot=n_boot, bounded=True, seed=seed)
    tests = compare_outlets(per_article, value="share", by=by, family=family, event=event,
                            correction=correction, min_articles=min_articles, n_permutations=n_permutations,
                            seed=seed)
    words = per_article["article_id"].map(table.groupby("article_id")["n_words"].sum()).clip(lower=1)
    counts = (per_article.assign(per_1000_words=1000 * per_article["score"] / words).groupby(family + [by])
              .agg(n_sentences=("n_sentences", "sum"), per_1000_words=("per_1000_words", "mean")))
    result = (shares.drop(columns=["n_sentences"]).rename(columns={"mean": "share"})
              .merge(tests.drop(columns=["n_articles", "mean", "mean_other"]), on=family + [by])
              .merge(counts.reset_index(), on=family + [by]))
    result["n_total"] = result[by].map(totals["n_total"]).astype("int64")
    result["n_sentences"] = result["n_sentences"].astype("int64")
    return sort_groups(result[columns], ["scheme", "frame", by])  # outlets left to right for leans, else by name


def _article_shares(hits: pd.DataFrame, table: pd.DataFrame, *, by: str, event: str | None) -> pd.DataFrame:
    """One row per article, scheme and frame: `article_id`, `by`, `event` (when present), `scheme`,
    `frame`, `n_sentences` with the frame, `n_total`, `share` and `score` (cue matches)."""
    if hits.empty or table.empty:
        return pd.DataFrame()
    shares = article_frames(hits, table, kinds=None).drop(columns=["outlet", "event"], errors="ignore")
    matches = hits.groupby(["article_id", "scheme", "frame"])["score"].sum()
    keys = pd.MultiIndex.from_frame(shares[["article_id", "scheme", "frame"]])
    shares["score"] = matches.reindex(keys, fill_value=0).to_numpy()
    first = table.groupby("article_id")[[c for c in (by, event) if c and c in table.columns]].first()
    return shares.join(first, on="article_id")


def frame_evidence(hits: pd.DataFrame, sentences: pd.DataFrame, *, frame: str, scheme: str | None = None,
                   n: int | None = 20) -> pd.DataFrame:
    """The sentences behind a frame, with their cue words: `outlet`, `article_id`, `sentence_id`,
    `kind`, `text`, `terms`, `score`, strongest first (at most `n`). A sentence whose only cues are
    supporting ones is no evidence of the frame and is left out (`own_cue_hits`)."""
    hits = own_cue_hits(hits)
    chosen = hits[(hits["frame"] == frame) & ((hits["scheme"] == scheme) if scheme else True)]
    merged = chosen[["article_id", "sentence_id", "terms", "score"]].merge(
        sentences[["article_id", "sentence_id", "outlet", "kind", "text"]], on=["article_id", "sentence_id"])
    merged = merged.sort_values(["score", "article_id", "sentence_id"], ascending=[False, True, True])
    merged = merged[["outlet", "article_id", "sentence_id", "kind", "text", "terms", "score"]]
    return (merged if n is None else merged.head(n)).reset_index(drop=True)


# ── validation with human coders ────────────────────────────────────────────────────────────────

def export_coding_sheet(sentences: pd.DataFrame, hits: pd.DataFrame, path: str | Path, *,
                        scheme: str = "generic", n: int = 100, seed: int = 0, coder: str = "") -> Path:
    """Write a CSV of `n` sentences for human coders: `article_id`, `sentence_id`, `outlet`, `text`,
    `coder`, and one empty column per frame of the scheme (code 1 = present, 0 = absent).

    The sample is deterministic (`seed`) and stratified: half the rows are sentences with cues,
    spread over frames and outlets in turn, half are drawn from all sentences, so coders also see
    sentences the lexicon missed. Frames are not shown to coders.

    A rerun replaces the blank sheet framing wrote there, while nobody changed it (its SHA-256 is
    recorded in the folder's `.framing-files.json`); a sheet a coder filled in or edited, or any
    file framing did not write, is never written over: the new sheet goes to `<stem>_2.csv` (then
    `_3`…). Returns the path written."""
    frames = sorted(hits.loc[hits["scheme"] == scheme, "frame"].unique())
    if not frames and scheme in SCHEMES:  # no sentence has a cue: the shipped scheme's frames
        frames = sorted(read_lexicon(scheme)["frames"])
    cued = hits[hits["scheme"] == scheme].drop_duplicates(["article_id", "sentence_id", "frame"])
    chosen = _sample_units(sentences, cued, frames, n=n, seed=seed)
    sheet = sentences.set_index(["article_id", "sentence_id"]).loc[chosen].reset_index()
    sheet = sheet[["article_id", "sentence_id", "outlet", "text"]].assign(coder=coder)
    for f in frames:
        sheet[f] = pd.Series([pd.NA] * len(sheet), dtype="Int64")
    return _write_new_sheet(sheet, Path(path))


def _sample_units(sentences: pd.DataFrame, cued: pd.DataFrame, frames: list, *, n: int,
                  seed: int) -> list[tuple]:
    """(article_id, sentence_id) of `n` sentences: up to half from `cued` (hits, one row per
    sentence and frame), taking each frame in turn, then the rest drawn from all `sentences`."""
    rng = np.random.default_rng(seed)
    keys = sentences[["article_id", "sentence_id"]].apply(tuple, axis=1)
    chosen: list[tuple] = []
    by_frame = {f: list(cued.loc[cued["frame"] == f, ["article_id", "sentence_id"]].itertuples(index=False,
                                                                                              name=None))
                for f in frames}
    for f in by_frame:
        rng.shuffle(by_frame[f])
    while len(chosen) < n // 2 and any(by_frame.values()):
        for f in frames:
            while by_frame[f] and by_frame[f][-1] in chosen:
                by_frame[f].pop()
            if by_frame[f] and len(chosen) < n // 2:
                chosen.append(by_frame[f].pop())
    taken = set(chosen)
    rest = [k for k in keys if k not in taken]
    order = rng.permutation(len(rest))
    return chosen + [rest[i] for i in order[: max(0, n - len(chosen))]]


def _write_new_sheet(sheet: pd.DataFrame, path: Path) -> Path:
    """Write a coding sheet without ever replacing one a person made or changed: at `path` when it
    is free, already holds exactly this sheet, or holds a sheet framing wrote that nobody changed
    since (a blank sheet of an earlier run, told by the SHA-256 recorded in the folder's
    `.framing-files.json` when framing wrote it); else at the first such `<stem>_2.csv`,
    `<stem>_3.csv`… A sheet a coder filled in, or any file framing has no record of, is human
    input and is kept. Text cells are made safe for spreadsheets (`neutralise_formulas`). Returns
    the path of the sheet."""
    from .store import is_framings, neutralise_formulas, record_files, save_text

    text = neutralise_formulas(sheet).to_csv(index=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    candidate, number = path, 1
    while os.path.lexists(candidate):
        if candidate.is_file() and not candidate.is_symlink() \
                and candidate.read_text(encoding="utf-8", errors="replace") == text:
            return candidate
        if is_framings(path.parent, candidate):
            break  # framing's own blank sheet, unchanged: this run's sheet replaces it
        number += 1
        candidate = path.with_name(f"{path.stem}_{number}{path.suffix}")
    save_text(text, candidate)
    record_files(path.parent, [candidate])
    return candidate


def agreement(sheets, hits: pd.DataFrame | None = None, *, scheme: str | None = None) -> pd.DataFrame:
    """Krippendorff's alpha (nominal) per frame, between the coders of the filled sheets and, with
    `hits`, between each coder and the lexicon. `sheets`: paths or DataFrames written by
    `export_coding_sheet` and filled in (one coder per sheet, named in `coder` or by the file name).
    Returns `frame`, `comparison` ("coders" or "<coder> vs lexicon"), `alpha`, `n_units`."""
    tables = _read_sheets(sheets)
    frames = [c for c in tables[0].columns if c not in ("article_id", "sentence_id", "outlet", "text", "coder")]
    rows = []
    for frame in frames:
        codes = {t["coder"].iloc[0]: dict(zip(zip(t["article_id"], t["sentence_id"]), t[frame])) for t in tables}
        if len(codes) > 1:
            alpha, n_units = _alpha_from(codes)
            rows.append({"frame": frame, "comparison": "coders", "alpha": alpha, "n_units": n_units})
        if hits is not None:
            chosen = hits if scheme is None else hits[hits["scheme"] == scheme]
            cued = set(zip(chosen.loc[chosen["frame"] == frame, "article_id"],
                           chosen.loc[chosen["frame"] == frame, "sentence_id"]))
            for coder, coded in codes.items():
                lexicon = {unit: int(unit in cued) for unit in coded}
                alpha, n_units = _alpha_from({coder: coded, "lexicon": lexicon})
                rows.append({"frame": frame, "comparison": f"{coder} vs lexicon", "alpha": alpha,
                             "n_units": n_units})
    return pd.DataFrame(rows, columns=["frame", "comparison", "alpha", "n_units"])


def _read_sheets(sheets) -> list[pd.DataFrame]:
    """The filled coding sheets (paths or tables), each with its coder's name in every row of
    `coder`: the sheet's own `coder`, else the file's name, else "coder <n>"."""
    tables = []
    for number, sheet in enumerate(sheets if isinstance(sheets, (list, tuple)) else [sheets]):
        table = pd.read_csv(sheet) if not isinstance(sheet, pd.DataFrame) else sheet.copy()
        name = str(table["coder"].dropna().iloc[0]) if "coder" in table and table["coder"].notna().any() \
            else (Path(sheet).stem if not isinstance(sheet, pd.DataFrame) else f"coder {number + 1}")
        tables.append(table.assign(coder=name))
    return tables


def _alpha_from(codes: dict[str, dict]) -> tuple[float, int]:
    units = sorted({u for coded in codes.values() for u in coded})
    matrix = [[coded.get(u) for u in units] for coded in codes.values()]
    data = [[None if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA else v
             for v in row] for row in matrix]
    usable = sum(1 for i in range(len(units)) if sum(row[i] is not None for row in data) >= 2)
    return krippendorff_alpha(data), usable


def krippendorff_alpha(data: list[list]) -> float:
    """Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
    alpha-reliability"). `data`: one list per coder, one value per unit (None = not coded).
    alpha = 1 − D_o / D_e from the coincidence matrix of pairable values; NaN when undefined."""
    units = list(zip(*data))
    coincidences: dict[tuple, float] = {}
    for values in units:
        values = [v for v in values if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidences[(a, b)] = coincidences.get((a, b), 0.0) + 1.0 / (m - 1)
    n = sum(coincidences.values())
    if n <= 1:
        return float("nan")
    totals: dict = {}
    for (a, _), count in coincidences.items():
        totals[a] = totals.get(a, 0.0) + count
    observed = sum(count for (a, b), count in coincidences.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b) / (n - 1)
    if expected == 0:
        return float("nan")
    return 1.0 - observed / expected
