"""Sources and quotes: who is quoted, in whose words, with which reporting verb.

Rules, one sentence at a time in article order (a rule-based attribution in the spirit of Pouliquen,
Steinberger & Best 2007 and Pareti 2016, written for this project):

- direct quotes are the spans inside quotation marks (curly “…” or straight "…"); a sentence that
  opens a quote without closing it is joined with the next ones until the quote closes, so a quote
  spanning sentences is one row (`sentence_id` … `sentence_end`);
- a quote woven into the journalist's own sentence ("dismissed it as an “unrealistic aspiration”")
  is partial; one that opens the sentence or follows a comma, colon or dash is a full quote;
- the speaker is found in the rest of the sentence: "NAME said", "said NAME", "NAME, role, said",
  "according to NAME", "NAME said:" and bullet lines "- Minister NAME warned …";
- "he said" / "she added" goes to the last named speaker of the article; "Hegseth" after
  "Defense Secretary Pete Hegseth" is the same person;
- indirect quotes are sentences "NAME said that …" without quotation marks;
- anonymous sources ("officials said", "a source familiar with …") are flagged.

Reporting verbs, their stance (neutral or evaluative), role words and anonymous phrases are data in
`src/framing/data/reporting_verbs.toml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .config import CONTENT_KINDS
from .lexicons import load_data

QUOTE_COLUMNS = ["quote_id", "article_id", "outlet", "event", "sentence_id", "sentence_end", "kind",
                 "position", "quote", "is_direct", "is_partial", "speaker", "speaker_label", "verb",
                 "verb_text", "verb_stance", "is_anonymous", "n_words", "pattern", "lexicon_version"]
_QUOTE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"|‘([^’]{8,})’(?!\w)")
_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:(?:of|the|de|von|van|der|al|bin|da|di)\s+)?[A-Z][\w’'.\-]*)*"
_PRONOUNS = {"he", "she", "they"}
_NOT_SPEAKERS = {"The", "This", "That", "It", "In", "As", "A", "Monday", "Tuesday", "Wednesday",
                 "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
                 "May", "June", "July", "August", "September", "October", "November", "December",
                 "Today", "Yesterday", "But", "And", "So", "When", "While"}
_PLACEHOLDER = "quoted"  # stands for a quoted span in the narration: lower case, never a name
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_FULL_INTRO = re.compile(r"(?:^|[,:;—–]|^\s*[-•*])\s*$")  # what may stand before a full (not partial) quote
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_PERSON = re.compile(rf"(?<![\w’'.-]){_NAME}")
MAX_QUOTE_SENTENCES = 6  # a quote left open is joined with at most this many sentences


@lru_cache(maxsize=4)
def _lexicon(name: str = "reporting_verbs"):
    data = load_data(name)
    forms: dict[str, tuple[str, str]] = {}
    for stance in ("neutral", "evaluative"):
        for verb in data[stance]:
            for form in data.get("irregular", {}).get(verb) or _regular_forms(verb):
                forms[form] = (verb, stance)
    verbs = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    participles = "|".join(sorted((re.escape(f) for f in forms if f.endswith("ing")), key=len, reverse=True))
    anonymous = sorted(data["anonymous"]["phrases"], key=len, reverse=True)
    roles = frozenset(data["roles"]["words"])
    speaker = (rf"(?<![\w’'.-])(?P<who>{_NAME}|[Hh]e|[Ss]he|[Tt]hey|"
               rf"(?:{'|'.join(re.escape(a) for a in anonymous)})(?:\s+(?:with|on|in|at|from)\s+[\w\s’'-]+?)?)")
    patterns = [
        ("name_verb", re.compile(rf"{speaker}(?:,[^,]{{3,80}},)?\s+(?:[a-z]+\s+)?(?P<verb>{verbs})\b")),
        ("subject_participle", re.compile(rf"^\s*{speaker}\s[^.;]*?,\s+(?P<verb>{participles})\b")),
        ("verb_name", re.compile(rf"\b(?P<verb>{verbs}),?\s+(?:the\s+)?{speaker}")),
        ("according_to", re.compile(rf"\baccording to\s+(?:the\s+)?{speaker}")),
    ]
    return forms, patterns, [a.lower() for a in anonymous], roles, data["version"]


def _regular_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if re.search(r"(s|sh|ch|x|z)$", verb):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    doubled = verb + verb[-1] if re.search(r"[^aeiou][aeiou][bdgmnprt]$", verb) and len(verb) <= 4 else verb
    return [verb, verb + "s", doubled + "ed", doubled + "ing"]


# ── quotes ──────────────────────────────────────────────────────────────────────────────────────

def extract_quotes(sentences: pd.DataFrame, *, kinds=CONTENT_KINDS, text_col: str = "text") -> pd.DataFrame:
    """One row per quote (`QUOTE_COLUMNS`).

    Needs `article_id`, `sentence_id`, `text`; keeps `outlet`, `event`, `kind`, `position` when
    present. Sentences are read in article order so that "he said" and surnames resolve to the
    last named speaker; a quote left open runs on to the sentence that closes it (`sentence_end`).
    `lexicon_version` is the version of `reporting_verbs.toml` used."""
    table = sentences if kinds is None or "kind" not in sentences else sentences[sentences["kind"].isin(kinds)]
    table = table.sort_values(["article_id", "sentence_id"], kind="stable")
    rows: list[dict] = []
    for _, article in table.groupby("article_id", sort=False):
        rows.extend(_article_quotes(article, text_col))
    quotes = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    quotes["quote_id"] = range(len(quotes))
    for name in ("is_direct", "is_partial", "is_anonymous"):
        quotes[name] = quotes[name].astype(bool)
    for name in ("n_words", "sentence_id", "sentence_end"):
        quotes[name] = quotes[name].astype("int64")
    quotes["lexicon_version"] = str(_lexicon()[4])
    return quotes


def _units(article: pd.DataFrame, text_col: str):
    """(first record, last sentence_id, text) per sentence, or per run of sentences joined because
    a quotation mark opened in the first one closes only in a later one."""
    records = [r for r in article.itertuples(index=False) if isinstance(getattr(r, text_col), str)]
    i = 0
    while i < len(records):
        first, text, j = records[i], getattr(records[i], text_col), i
        while _is_open(text) and j + 1 < len(records) and j - i + 1 < MAX_QUOTE_SENTENCES:
            j += 1
            text = f"{text} {getattr(records[j], text_col)}"
        if _is_open(text):  # never closed: read the first sentence alone
            text, j = getattr(first, text_col), i
        yield first, records[j].sentence_id, text
        i = j + 1


def _is_open(text: str) -> bool:
    """True when the text opens a quotation it does not close (curly or straight marks)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _article_quotes(article: pd.DataFrame, text_col: str) -> list[dict]:
    people: list[str] = []  # speakers met so far, most recent last (for he / she)
    names: list[str] = []  # every full name met so far (for a surname alone)
    rows = []
    for record, last_id, text in _units(article, text_col):
        spans = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in _QUOTE.finditer(text)]
        narration = _narration(text, spans)
        found = _attribution(narration)
        if found is not None or spans:
            speaker, label, verb, verb_text, stance, anonymous, pattern = _speaker(found, people, names)
        _remember_names(narration, names)
        if found is None and not spans:
            continue
        base = {"article_id": record.article_id, "outlet": getattr(record, "outlet", None),
                "event": getattr(record, "event", None), "sentence_id": record.sentence_id,
                "sentence_end": last_id, "kind": getattr(record, "kind", None),
                "position": getattr(record, "position", None), "speaker": speaker,
                "speaker_label": label, "verb": verb, "verb_text": verb_text, "verb_stance": stance,
                "is_anonymous": anonymous, "pattern": pattern}
        if spans:
            for start, _, quote in spans:
                rows.append({**base, "quote": quote.strip(), "is_direct": True,
                             "n_words": len(_WORD.findall(quote)),
                             "is_partial": _is_partial(text[:start], quote)})
        elif found is not None and (that := text.find(f"{verb_text} that ")) >= 0:
            clause = text[that + len(verb_text) + 6:].strip()
            rows.append({**base, "quote": clause, "is_direct": False, "is_partial": False,
                         "n_words": len(_WORD.findall(clause)), "pattern": pattern + "_that"})
    return rows


def _is_partial(before: str, quote: str) -> bool:
    """A quote is partial when it is woven into the journalist's sentence: it starts in lower case,
    or it follows words without a comma, colon or dash in between (Pareti 2016 calls these mixed
    quotes)."""
    letter = _FIRST_LETTER.search(quote)
    starts_lower = letter is not None and letter.group().islower()
    return starts_lower or not _FULL_INTRO.search(before)


def _remember_names(narration: str, names: list[str]) -> None:
    """Add the personal names of a sentence (two or more capitalised words once role words are cut
    off: "Defense Secretary Pete Hegseth" → "Pete Hegseth") to `names`, most recent last."""
    roles = _lexicon()[3]
    for match in _PERSON.finditer(narration):
        tokens = match.group().split()
        cut = max((i + 1 for i, t in enumerate(tokens) if t in roles or t.lower() in ("of", "the")), default=0)
        person = tokens[cut:]
        if len(person) >= 2 and person[0] not in _NOT_SPEAKERS:
            full = " ".join(person).rstrip(".")
            if full in names:
                names.remove(full)
            names.append(full)


def _narration(text: str, spans) -> str:
    """The sentence with quoted spans replaced by a placeholder, so names inside quotes are not
    taken for speakers."""
    out, last = [], 0
    for start, end, _ in spans:
        out.append(text[last:start])
        out.append(f" {_PLACEHOLDER} ")
        last = end
    out.append(text[last:])
    return "".join(out)


def _attribution(narration: str):
    forms, patterns, _, _, _ = _lexicon()
    best = None
    for name, pattern in patterns:
        for match in pattern.finditer(narration):
            who = match.group("who").strip()
            if who.split()[0] in _NOT_SPEAKERS:
                continue
            if best is None or match.start() < best[0]:
                verb_text = match.group("verb") if "verb" in pattern.groupindex else "according to"
                best = (match.start(), who, verb_text, name)
            break
    return best


def _speaker(found, people: list[str], names: list[str]):
    """(speaker, label, verb, verb_text, stance, anonymous, pattern) from an attribution match,
    updating the list of speakers so far; a surname alone takes the full name from `people` or
    `names` (every name met earlier in the article)."""
    forms, _, anonymous, roles, _ = _lexicon()
    if found is None:
        return None, None, None, None, None, False, "unattributed"
    _, who, verb_text, pattern = found
    if who.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr)\.$", who):
        who = who[:-1]
    verb, stance = forms.get(verb_text, ("according to", "neutral"))
    lowered = who.lower()
    if lowered in _PRONOUNS:
        speaker = people[-1] if people else None
        return speaker, who, verb, verb_text, stance, False, pattern + "_pronoun"
    if any(lowered.startswith(a) for a in anonymous):
        return who, who, verb, verb_text, stance, True, pattern
    tokens = who.split()
    cut = max((i + 1 for i, t in enumerate(tokens) if t in roles or t.lower() in ("of", "the")), default=0)
    name_tokens = tokens[cut:] or tokens[-1:]
    name = " ".join(name_tokens)
    known = next((p for p in [*reversed(people), *reversed(names)] if p.split()[-1] == name_tokens[-1]), None)
    if known and len(name_tokens) <= len(known.split()):
        name = known
    if name in people:
        people.remove(name)
    people.append(name)
    return name, who, verb, verb_text, stance, False, pattern


# ── voice: narration against quoted speech ─────────────────────────────────────────────────────

def add_voice(sentences: pd.DataFrame, *, text_col: str = "text") -> pd.DataFrame:
    """Same rows plus `voice` ("narration", "quote" or "mixed"), `quoted_text` (the text inside
    quotation marks, joined) and `narration_text` (the rest)."""
    quoted, narration, voice = [], [], []
    for text in sentences[text_col].fillna(""):
        spans = [next(g for g in m.groups() if g) for m in _QUOTE.finditer(text)]
        rest = _QUOTE.sub(" ", text).strip() if spans else text
        quoted.append(" ".join(spans))
        narration.append(re.sub(r"\s+", " ", rest))
        rest_words = len(_WORD.findall(rest))
        voice.append("narration" if not spans else "quote" if rest_words <= 4 else "mixed")
    return sentences.assign(voice=voice, quoted_text=quoted, narration_text=narration)


# ── summaries ───────────────────────────────────────────────────────────────────────────────────

def summarise_speakers(quotes: pd.DataFrame, sentences: pd.DataFrame | None = None, *,
                       by: str = "outlet", kinds=CONTENT_KINDS) -> pd.DataFrame:
    """Who each group (outlet by default) quotes, one row per group and named speaker.

    Needs the quotes table (`by`, `speaker`, `n_words`, `sentence_id`, `position`, `verb`,
    `speaker_label`, `is_anonymous`). Returns `n_quotes`, `n_words` quoted, `word_share` (of the
    group's quoted words), `first_sentence` and `first_position` (where the speaker is first
    quoted), `verbs` used, `labels` (how the outlet named them), `is_anonymous` and `rank` (1 =
    quoted first). Given the sentence table (`by`, `n_words` or `text`, `kind`), also `text_share`:
    the speaker's quoted words as a share of all the group's words in the content kinds."""
    named = quotes[quotes["speaker"].notna()]
    rows = []
    for (group, speaker), part in named.groupby([by, "speaker"], sort=True):
        rows.append({by: group, "speaker": speaker, "n_quotes": len(part), "n_words": int(part["n_words"].sum()),
                     "first_sentence": int(part["sentence_id"].min()),
                     "first_position": float(part["position"].min()) if "position" in part and part["position"].notna().any() else None,
                     "verbs": ", ".join(sorted(part["verb"].dropna().unique())),
                     "labels": "; ".join(sorted(part["speaker_label"].dropna().unique())),
                     "is_anonymous": bool(part["is_anonymous"].any())})
    table = pd.DataFrame(rows, columns=[by, "speaker", "n_quotes", "n_words", "first_sentence", "first_position",
                                        "verbs", "labels", "is_anonymous"])
    totals = table.groupby(by)["n_words"].transform("sum")
    table.insert(4, "word_share", table["n_words"] / totals.where(totals > 0))
    if sentences is not None:
        table.insert(5, "text_share", table["n_words"] / table[by].map(_words_per_group(sentences, by, kinds)))
    table["rank"] = table.groupby(by)["first_position" if table["first_position"].notna().any()
                                      else "first_sentence"].rank(method="min").astype("Int64")
    return table.sort_values([by, "rank", "speaker"]).reset_index(drop=True)


def _words_per_group(sentences: pd.DataFrame, by: str, kinds) -> pd.Series:
    """Words per group in the content kinds, from `n_words` or else counted in `text`."""
    table = sentences if kinds is None or "kind" not in sentences else sentences[sentences["kind"].isin(kinds)]
    words = table["n_words"] if "n_words" in table else table["text"].fillna("").map(lambda t: len(_WORD.findall(t)))
    totals = words.groupby(table[by]).sum()
    return totals.where(totals > 0)


def count_verbs(quotes: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Reporting verbs per group: `verb`, `verb_stance`, `n`, and `share` of the group's attributed quotes."""
    attributed = quotes[quotes["verb"].notna()]
    counts = attributed.groupby([by, "verb", "verb_stance"]).size().rename("n").reset_index()
    counts["share"] = counts["n"] / counts.groupby(by)["n"].transform("sum")
    return counts.sort_values([by, "n", "verb"], ascending=[True, False, True]).reset_index(drop=True)


def count_anonymous(quotes: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Quotes from anonymous sources per group: `n_quotes`, `n_anonymous`, `share_anonymous`."""
    table = quotes.groupby(by).agg(n_quotes=("quote_id", "size"), n_anonymous=("is_anonymous", "sum")).reset_index()
    table["share_anonymous"] = table["n_anonymous"] / table["n_quotes"]
    return table


def actor_names(quotes: pd.DataFrame, *, n: int = 6) -> dict[str, list[str]]:
    """The `n` most quoted named speakers as {name: [full name, surname]}, the form
    `framing.sentiment.add_actor_sentiment` takes."""
    named = quotes[quotes["speaker"].notna() & ~quotes["is_anonymous"]]
    top = named["speaker"].value_counts().index[:n]
    return {name: sorted({name, name.split()[-1]}, key=len, reverse=True) for name in top}
