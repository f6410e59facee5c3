"""Actors: the people an article names, one canonical name per person across outlets.

`find_actors(sentences)` reads every run of capitalised words and keeps those that name a person,
with rules a careful reader would write down (all lists are data in `src/framing/data/actors.toml`):

- titles and honorifics are cut off for matching ("Mr. Trump", "President Trump", "Texas Gov. Greg
  Abbott" → "Trump", "Trump", "Greg Abbott"), and so are a final possessive ("Trump's") and the
  function words that open a sentence ("If Hillsborough …", "Now Ryan …" → "Hillsborough", "Ryan");
- news organisations (a shipped list plus the corpus's own outlet names) are never persons, and a
  word inside one ("Fox" of "Fox News") is not a person on its own; places (US states, countries,
  capitals and large cities) are never persons; words written in capitals are acronyms or
  datelines ("WASHINGTON —", "NATO"), never part of a name; a run holding an organisation word
  ("Oversight Committee", "Supreme Court") is an organisation;
- two or more name words are a person; a single word is a person only when a title or honorific
  stands before it or when it resolves to a full name.

`resolve_names(table)` gives each name its canonical form: a surname alone ("Trump") becomes the full
name ("Donald Trump") when exactly one full name with that surname is written in the same event, or
(when the event names none) in the whole corpus; when several are written, the one that makes up at
least `DOMINANT_SHARE` of their mentions. Middle initials are ignored when full names are compared
("Donald J. Trump" is "Donald Trump"). Speakers of quotes (`framing.sources`) use the same resolution,
so "Mr. Trump" in one outlet and "Donald Trump" in another are one speaker.

This is a rule-based recogniser in the tradition of gazetteer-and-pattern named-entity recognition
(Mikheev, Moens & Grover 1999; Nadeau & Sekine 2007, survey); NLTK's chunker would need model data
downloaded at run time, which the project does not do.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .config import CONTENT_KINDS
from .lexicons import load_data

DEFAULT_LEXICON = "actors"
DOMINANT_SHARE = 0.75  # a surname goes to the full name holding at least this share of its mentions
TITLE_CASE_SHARE = 0.8  # a sentence with this share of capitalised long words is in title case
ACTOR_COLUMNS = ["article_id", "outlet", "event", "sentence_id", "start", "end", "mention", "name",
                 "actor", "has_title", "actors_version"]

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_TOKEN = rf"[{_UPPER}][\w’'\-]*\.?"
_JOINER = r"(?:of|the|de|da|di|du|del|della|van|von|der|den|bin|ibn|al|la|le|dos|y)"
_RUN = re.compile(rf"(?<![\w’'.\-]){_TOKEN}(?:[ \t\u00a0]+(?:{_JOINER}[ \t\u00a0]+)?{_TOKEN})*")
_TOKEN_RE = re.compile(rf"{_TOKEN}|{_JOINER}")
_POSSESSIVE = re.compile(r"(?:[’']s|[’'])$")
_JOINERS = frozenset(re.findall(r"\w+", _JOINER))
_AFTER_FOR = re.compile(rf"[{_UPPER}][\w.]* (?:for|on) $")  # "Centers for ", "Committee on "


class Rules(NamedTuple):
    titles: frozenset  # titles and honorifics (cut off before a name)
    qualifiers: frozenset  # label words cut off with titles ("Defense", "National")
    adjectives: frozenset  # nationality and party adjectives (cut off at the start)
    function_words: frozenset
    suffixes: frozenset
    organisation_words: frozenset
    organisations: tuple  # news organisations, as written
    places: frozenset
    version: str
    descriptors: frozenset = frozenset()  # lower-case nouns for a kind of body ("drugmaker", "firm")
    hyphen_suffixes: frozenset = frozenset()  # "-based", "-backed": adjectives, never names
    breaks: frozenset = frozenset()  # weekdays and abbreviated months: they end a name
    nicknames: frozenset = frozenset()  # (short, full) given names: "Chuck", "Charles"


@lru_cache(maxsize=8)
def read_rules(lexicon: str | Path = DEFAULT_LEXICON) -> Rules:
    """The actor rules of `actors.toml` (or a user's file of the same layout)."""
    data = load_data(lexicon)
    places = data["places"]
    return Rules(frozenset(data["honorifics"]) | frozenset(data["titles"]), frozenset(data["qualifiers"]),
                 frozenset(data["adjectives"]),
                 frozenset(data["function_words"]), frozenset(data["suffixes"]),
                 frozenset(data["organisation_words"]), tuple(data["organisations"]["names"]),
                 frozenset(places["us_states"]) | frozenset(places["countries"]) | frozenset(places["cities"]),
                 str(data["version"]), frozenset(data.get("descriptors", ())),
                 frozenset(data.get("hyphen_suffixes", ())), frozenset(data.get("breaks", ())),
                 frozenset(tuple(pair) for pair in data.get("nicknames", ())))


# ── one text ────────────────────────────────────────────────────────────────────────────────────

class Mention(NamedTuple):
    start: int  # where the mention starts (its title included)
    end: int  # where the name ends (a possessive left out)
    name: str  # the name without titles ("Donald Trump", "Trump")
    has_title: bool  # a title or honorific stood before the name


def outlet_names(outlets) -> tuple[str, ...]:
    """A corpus's outlet labels as names that may be written in text: "Fox News (Online News)" →
    "Fox News"; labels without a capital letter are left out."""
    names = set()
    for outlet in outlets:
        if not isinstance(outlet, str):
            continue
        name = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", outlet).strip()
        name = re.sub(r"\.(?:com|org|net|co\.uk)$", "", name, flags=re.IGNORECASE)
        if re.search(f"[{_UPPER}]", name):
            names.add(name)
    return tuple(sorted(names))


@lru_cache(maxsize=64)
def _blocked(organisations: tuple[str, ...]):
    """(regex of organisation names of two or more words, or one word with a capital inside;
    every word of those names)."""
    several = sorted({o for o in organisations if " " in o or re.search(r".[A-Z]", o)}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(o) for o in several) + r")(?![\w])") if several else None
    words = frozenset(w for o in organisations for w in o.split() if w[:1].isupper())
    return pattern, words


def _is_capitals(token: str) -> bool:
    return (token.isupper() and token not in ("II", "III", "IV")
            and (len(token) == 2 and token.isalpha() or sum(c.isalpha() for c in token) >= 2))


def person_mentions(text: str, *, outlets=(), lexicon: str | Path = DEFAULT_LEXICON) -> list[Mention]:
    """The person mentions of one text, in order: names with titles cut off, organisations and
    places left out (see the module's rules). `outlets` are extra organisation names (the corpus's
    outlets)."""
    return list(_person_mentions(text, read_rules(lexicon), _organisations(tuple(outlets), lexicon)))


@lru_cache(maxsize=64)
def _organisations(outlets: tuple, lexicon) -> tuple[str, ...]:
    return tuple(sorted(set(read_rules(lexicon).organisations) | set(outlets)))


@lru_cache(maxsize=1 << 16)
def _person_mentions(text: str, rules: Rules, organisations: tuple) -> tuple[Mention, ...]:
    """The mentions of one text, read once per distinct text (see `person_mentions`)."""
    return tuple(_read_mentions(text, rules, organisations))


def _read_mentions(text: str, rules: Rules, organisations: tuple) -> list[Mention]:
    pattern, outlet_words = _blocked(organisations)
    blocked = [m.span() for m in pattern.finditer(text)] if pattern else []
    found = []
    for run in _RUN.finditer(text):
        if _AFTER_FOR.search(text, 0, run.start()):
            continue  # "Centers for Disease Control": the tail of a body's name
        if _names_a_body(text, run, rules):
            continue
        tokens = [_without_full_stop(m.group(), run.start() + m.start(), rules)
                  for m in _TOKEN_RE.finditer(run.group())]
        for chunk in _chunks(tokens, blocked, rules.breaks):
            mention = _mention(chunk, rules, organisations, outlet_words)
            if mention is not None:
                found.append(mention)
    return found


_WORD_BEFORE = re.compile(r"([\w-]+)[ \t\u00a0]+$")
_LOOK_BACK = 40  # characters read before a run for the noun that says what it names
_PLACE_AFTER = re.compile(rf",[ \t\u00a0]+([{_UPPER}][\w.]*(?:[ \t\u00a0]+[{_UPPER}][\w.]*)?)")


def _names_a_body(text: str, run, rules: Rules) -> bool:
    """True when the capitalised words name a body or a place by what stands around them: a noun
    for a kind of body before them ("drugmaker Merck", "Drugmaker Merck" opening a sentence, "the
    company Ridgeback Biotherapeutics"), or a place after a comma ("Del Rio, Texas")."""
    before = _WORD_BEFORE.search(text[max(0, run.start() - _LOOK_BACK):run.start()])
    first = run.group().split()[0]
    if (before and before.group(1).lower() in rules.descriptors) or first.lower() in rules.descriptors:
        return True
    after = _PLACE_AFTER.match(text, run.end())
    return bool(after) and after.group(1).rstrip(".") in rules.places


def _without_full_stop(token: str, start: int, rules: Rules) -> tuple[str, int, int]:
    """A token without the full stop that ends its sentence ("Johnson."), keeping the stop of an
    initial ("W."), an abbreviation ("U.S.") or a title ("Gov.", "Jr.")."""
    if (token.endswith(".") and len(token) > 2 and "." not in token[:-1] and token not in rules.titles
            and token not in rules.suffixes and token not in rules.function_words):
        token = token[:-1]
    return token, start, start + len(token)


def _chunks(tokens: list, blocked: list, breaks: frozenset = frozenset()):
    """Runs of tokens split where a token is in capitals (acronym, dateline), a weekday or an
    abbreviated month, inside an organisation's name, or ends in a possessive ("Fox News’ Tucker
    Carlson")."""
    chunk: list = []
    for token, start, end in tokens:
        if _is_capitals(token) or token in breaks or any(s <= start < e for s, e in blocked):
            if chunk:
                yield chunk
            chunk = []
            continue
        possessive = _POSSESSIVE.search(token)
        if possessive and len(token) > 2:
            chunk.append((token[:possessive.start()], start, start + possessive.start()))
            yield chunk
            chunk = []
            continue
        chunk.append((token, start, end))
    if chunk:
        yield chunk


def _mention(chunk: list, rules: Rules, organisations: tuple, outlet_words: frozenset) -> Mention | None:
    words = [t for t, _, _ in chunk]
    titled = [w in rules.titles or (w.endswith("s") and w[:-1] in rules.titles) for w in words]  # "Presidents"
    has_title = any(titled)
    cut = max((i + 1 for i, w in enumerate(words) if titled[i] or w in rules.qualifiers), default=0)
    first = 0
    while first < len(words) and (words[first] in rules.function_words or words[first] in _JOINERS
                                  or words[first] in rules.adjectives):
        first += 1
    begin = max(cut, first)
    if 0 < cut < len(words) and words[cut] in ("of", "the"):  # "Joint Chiefs of Staff": a body's name
        has_title = False
    while begin < len(words) and (words[begin] in _JOINERS or words[begin] in rules.adjectives
                                  or words[begin] in rules.function_words):
        begin += 1
    end = len(words)
    while end > begin and words[end - 1] in _JOINERS:
        end -= 1
    inner = [i + 1 for i in range(begin, end) if words[i] in ("of", "the")]
    if inner:  # "Joint Chiefs of Staff", "Port of Los Angeles": a person's name holds no "of"
        begin, has_title = max(inner), False
    if end - begin >= 3 and words[begin] in rules.places:  # "envoy to Haiti Daniel Foote": the place is no name
        begin += 1
    name_words = words[begin:end]
    if not name_words or any(w in rules.organisation_words or "-" in w and _hyphen_part_rules_out(w, rules)
                             for w in words[first:end]):
        return None
    if name_words[-1] in rules.adjectives:  # "African American", "Latino": a group, not a person
        return None
    name = " ".join(name_words)
    if name in rules.places or name in organisations:
        return None
    core = [w for w in name_words if w not in rules.suffixes]
    if len(core) == 1 and not has_title and (core[0] in outlet_words or core[0] in rules.places):
        return None
    if not core or not any(c.islower() for c in core[-1]) or any(c.isdigit() for c in name):
        return None
    if core[-1].endswith("s") and (core[-1][:-1] in rules.adjectives or core[-1][:-1] in rules.titles
                                   or core[-1][:-1] in rules.organisation_words):
        return None  # "Black Americans", "House Democrats": a group, not a person
    start = chunk[first if has_title else begin][1]
    return Mention(start, chunk[end - 1][2], name, has_title)


def _hyphen_part_rules_out(word: str, rules: Rules) -> bool:
    """True for "Union-Tribune" (an organisation word after a hyphen) or "Jersey-based" (an
    adjective ending)."""
    parts = word.split("-")
    return parts[-1] in rules.hyphen_suffixes or any(p in rules.organisation_words for p in parts[1:])


# ── a table ─────────────────────────────────────────────────────────────────────────────────────

def find_actors(sentences: pd.DataFrame, *, within: str | None = "event", kinds=CONTENT_KINDS,
                text_col: str = "text", outlets=None, lexicon: str | Path = DEFAULT_LEXICON) -> pd.DataFrame:
    """One row per person mentioned, with one canonical name per person across outlets.

    Needs `article_id`, `sentence_id`, `text_col`; keeps `outlet`; `within` (default `event`) names
    the column whose values resolve surnames first (the whole table when absent). Only rows whose
    `kind` is in `kinds` are read. `outlets` are names never taken for persons, beside the shipped
    list of news organisations (default: the table's `outlet` labels).

    Returns `ACTOR_COLUMNS`: `start`, `end` (offsets in the sentence), `mention` (as written, title
    included: "Mr. Trump"), `name` (titles cut off: "Trump"), `actor` (canonical: "Donald Trump"),
    `has_title`, `actors_version`. Single words that neither follow a title nor resolve to a full
    name are left out: they are as often places or organisations as people. In a sentence written
    in title case (a headline) capitals do not mark names, so its mentions are kept only for actors
    also named in sentence-case text.
    """
    table = sentences if kinds is None or "kind" not in sentences else sentences[sentences["kind"].isin(kinds)]
    if outlets is None:
        outlets = table["outlet"].dropna().unique() if "outlet" in table else ()
    rules, organisations = read_rules(lexicon), _organisations(outlet_names(outlets), lexicon)
    rows = []
    events = table[within] if within and within in table else pd.Series("all", index=table.index)
    outlet_col = table["outlet"] if "outlet" in table else pd.Series(None, index=table.index)
    texts = table[text_col]
    lower, upper = _case_counts(texts)
    for article, outlet, event, sentence, text in zip(table["article_id"], outlet_col, events,
                                                     table["sentence_id"], texts):
        if not isinstance(text, str):
            continue
        title_case = _is_title_case(text)
        for m in _person_mentions(text, rules, organisations):
            if not title_case and (m := _as_written_elsewhere(m, text, lower, upper)) is None:
                continue
            rows.append((article, outlet, event, sentence, m.start, m.end, text[m.start:m.end], m.name,
                         m.has_title, title_case))
    found = pd.DataFrame(rows, columns=ACTOR_COLUMNS[:8] + ["has_title", "title_case"])
    found["event"] = found["event"].astype(str)
    found["actor"] = resolve_names(found, lexicon=lexicon)
    confirmed = set(found.loc[~found["title_case"], "actor"].dropna())
    found = found[found["actor"].notna() & (~found["title_case"] | found["actor"].isin(confirmed))]
    found = found.reset_index(drop=True)
    found["actors_version"] = read_rules(lexicon).version
    for column in ("sentence_id", "start", "end"):
        found[column] = found[column].astype("int64")
    return found[ACTOR_COLUMNS]


_WORDS = re.compile(r"[^\W\d_][\w’'\-]*")
_SENTENCE_OPENING = " \t\"“‘'([—–-•*"


def _case_counts(texts) -> tuple[Counter, Counter]:
    """(lower-case words, capitalised words) counted inside sentences of the collection: the first
    word of a sentence and sentences in title case (headlines) are not counted, since there capitals
    say nothing."""
    lower, upper = Counter(), Counter()
    for text in texts:
        if not isinstance(text, str) or _is_title_case(text):
            continue
        words = _WORDS.findall(text)[1:]
        lower.update(w for w in words if w[0].islower())
        upper.update(w for w in words if w[0].isupper())
    return lower, upper


def _as_written_elsewhere(m: Mention, text: str, lower: Counter, upper: Counter) -> Mention | None:
    """The mention checked against how the collection writes its words (Mikheev 1999/2002: a
    capitalised word is a common word when the same texts write it in lower case and never
    capitalised inside a sentence). A common word opening the sentence is cut off ("Gymnasts Simone
    Biles", "Drugmaker Merck"); a name without a title made only of words the collection writes
    more often in lower case than capitalised is no person ("Product Manager", "Big Tech")."""
    words = m.name.split()
    first = words[0]
    if (not text[:m.start].strip(_SENTENCE_OPENING) and text.startswith(first, m.start)
            and not upper[first] and lower[first.lower()]):
        words = words[1:]
        if not words:
            return None
        start = text.index(words[0], m.start + len(first))
        m = Mention(start, m.end, " ".join(words), m.has_title)
    if not m.has_title and all(lower[w.lower()] > upper[w] for w in words):
        return None
    return m


def _is_title_case(text: str) -> bool:
    """True for a headline written in title case ("Hegseth Rules Out Troop Deployment"), where
    capitals do not mark names: most words of four letters or more start with a capital."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def resolve_names(table: pd.DataFrame, *, name_col: str = "name", within: str = "event",
                  lexicon: str | Path = DEFAULT_LEXICON) -> pd.Series:
    """The canonical actor of each row's name (None for a single word with no title that resolves
    to no full name).

    Needs `name_col` (names with titles cut off); `within` (when present) groups rows whose surnames
    are resolved together, falling back to the whole table; `has_title` (when present) says a single
    word is a person even when no full name is known. A full name keeps its own form, middle
    initials dropped ("Donald J. Trump" → "Donald Trump"); a surname alone takes the full name
    written with it in the event, else in the table (see the module's rule)."""
    rules = read_rules(lexicon)
    names = table[name_col]
    full = names.map(_initials_dropped(names.dropna().unique()))
    full = full.map(_given_name_variants(full.dropna(), rules))
    groups = table[within].astype(str) if within in table else pd.Series("all", index=table.index)
    corpus = _surname_index(full, rules)
    family_first = _family_first_index(full)
    by_group = {g: _surname_index(full[idx], rules) for g, idx in groups.groupby(groups).groups.items()}
    titled = table["has_title"] if "has_title" in table else pd.Series(True, index=table.index)
    out = []
    for name, form, group, has_title in zip(names, full, groups, titled):
        if not isinstance(name, str):
            out.append(None)
        elif len(form.split()) > 1 and not _is_surname_form(form, rules):
            out.append(form)
        else:
            key = _surname(form, rules)
            choice = (_pick(by_group[group].get(key)) or _pick(corpus.get(key))
                      or (_pick(family_first.get(key)) if len(form.split()) == 1 else None))
            out.append(choice or (form if has_title else None))
    return pd.Series(out, index=table.index, dtype=object)


def _initials_dropped(names) -> dict[str, str]:
    """name → its form without middle initials ("Donald J. Trump" → "Donald Trump") when that form
    is itself written and no other initialled name reduces to it ("George W. Bush" and "George H.
    W. Bush" stay apart); every other name → itself."""
    reduced: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        short = " ".join([words[0], *[w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.?", w)], words[-1]])
        reduced.setdefault(short, set()).add(name)
    out = {name: name for name in names}
    for short, variants in reduced.items():
        if short in variants and len(variants) == 2:
            out.update({variant: short for variant in variants})
    return out


def _given_name_variants(forms: pd.Series, rules: Rules) -> dict[str, str]:
    """name → the form most written among the names of one person written with different given
    names: the same surname, the same middle names or none, and given names that are one the short form of
    the other ("Jeff Zients" and "Jeffrey Zients", "Phil"/"Philip", "Chuck"/"Charles" from the
    `nicknames` list); ties go to the longer form. Other names → themselves."""
    counts = forms.value_counts()
    groups: dict[str, list[tuple[str, str, tuple]]] = {}
    for form in counts.index:
        words = [w for w in form.split() if w not in rules.suffixes]
        if len(words) >= 2:
            groups.setdefault(words[-1], []).append((form, words[0], tuple(words[1:-1])))
    out = {}
    for variants in groups.values():
        for form, given, middle in variants:
            same = [(v, g, m) for v, g, m in variants
                    if _same_given_name(given, g, rules) and (m == middle or not m or not middle)]
            if all(a[2] == b[2] or not a[2] or not b[2] for a in same for b in same):  # "George Bush" may be either
                out[form] = max((v for v, _, _ in same), key=lambda v: (counts[v], len(v), v))
    return {form: out.get(form, form) for form in counts.index}


def _same_given_name(a: str, b: str, rules: Rules) -> bool:
    """True when two given names can name one person: equal, one the start of the other ("Jeff",
    "Jeffrey"; three letters at least), or a listed short form ("Chuck", "Charles")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) >= 3 and long.startswith(short)) or (a, b) in rules.nicknames or (b, a) in rules.nicknames


def _family_first_index(full: pd.Series) -> dict[str, dict[str, int]]:
    """family name → {full name: mentions} for names written family name first with a hyphenated
    given name ("Tsai Ing-wen", "Chiu Kuo-cheng"): the family name alone ("Tsai") is that person."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        words = form.split()
        if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):
            index.setdefault(words[0], {})[form] = int(n)
    return index


def _is_surname_form(form: str, rules: Rules) -> bool:
    """True for a surname with only a suffix ("Trump Jr.")."""
    return len([w for w in form.split() if w not in rules.suffixes]) <= 1


def _surname(form: str, rules: Rules) -> str:
    core = [w for w in form.split() if w not in rules.suffixes]
    return core[-1] if core else form


def _surname_index(full: pd.Series, rules: Rules) -> dict[str, dict[str, int]]:
    """surname → {full name: mentions} of the full names (two words or more) with that surname."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        if len(form.split()) > 1 and not _is_surname_form(form, rules):
            index.setdefault(_surname(form, rules), {})[form] = int(n)
    return index


def _pick(counts: dict[str, int] | None) -> str | None:
    """The one full name, or the one that holds at least `DOMINANT_SHARE` of the mentions (ties
    and near-ties resolve to nobody)."""
    if not counts:
        return None
    if len(counts) == 1:
        return next(iter(counts))
    name, top = max(sorted(counts.items()), key=lambda item: item[1])
    return name if top >= DOMINANT_SHARE * sum(counts.values()) else None


def count_actors(actors: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Mentions per actor and group: `actor`, `n_mentions`, `n_articles`, `mentions` (the ways it
    was written, "; "). Needs the table of `find_actors`."""
    table = actors.groupby([by, "actor"]).agg(n_mentions=("mention", "size"),
                                              n_articles=("article_id", "nunique"),
                                              mentions=("mention", lambda m: "; ".join(sorted(set(m)))))
    return table.reset_index().sort_values([by, "n_mentions", "actor"], ascending=[True, False, True],
                                           ignore_index=True)
