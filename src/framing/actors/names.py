"""One canonical name per person: `resolve_names` (a surname to the full name written in the same
event, middle names and initials dropped, spelling variants joined) and `match_actors` (a speaker's
name to an actor of the table)."""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .mentions import _organisations, _person_mentions
from .rules import _JOINERS, DEFAULT_LEXICON, DOMINANT_SHARE, Rules, read_rules

if TYPE_CHECKING:
    from scipy.cluster.hierarchy import DisjointSet

def resolve_names(table: pd.DataFrame, *, name_col: str = "name", within: str = "event",
                  lexicon: str | Path = DEFAULT_LEXICON, common_words=frozenset()) -> pd.Series:
    """The canonical actor of each row's name (None for a single word with no title that resolves
    to no full name).

    Needs `name_col` (names with titles cut off); `within` (when present) groups rows whose surnames
    are resolved together, falling back to the whole table; `has_title` (when present) says a single
    word is a person even when no full name is known (one row of that word in its group with a title
    is enough; rows with a true `title_case`, when present, are headlines in title case and give no
    full name to others). A full name keeps its own form, middle
    initials dropped ("Donald J. Trump" → "Donald Trump"); a surname alone takes the full name
    written with it in the event, else (when the event names several) in its own article, else in
    the table (see the module's rule; a
    surname written with its particles, "De Blasio", only a full name ending so); a one-word name
    after a title of `given_name_titles` keeps the title ("Pope Francis": no surname); a single word that opens
    a two-word name of the event in which no word is a listed given name is that name's family name
    ("Zhao" → "Zhao Lijian"), and a listed given name alone is the one person of the event so named
    ("Director Rochelle…" → "Rochelle Walensky"; with a title, of the table when the event names no
    one so: "President Donald…" → "Donald Trump"). A single word in `common_words` (words the
    collection also writes in lower case, more than `LOWER_CASE_SHARE` times per capitalised use:
    "Black", "Rescue", "Bill") takes a full name of another group only when its group gives it a
    title, and is never taken for a given name."""
    rules = read_rules(lexicon)
    names = _with_given_name_titles(table, name_col, rules)
    groups = table[within].astype(str) if within in table else pd.Series("all", index=table.index)
    full = names.map(_initials_dropped(names.dropna().unique(), rules.given_names))
    full = full.map(_suffixed_surnames(full, rules))
    sentences = (table["article_id"].astype(str) + "\x1f" + table["sentence_id"].astype(str)
                 if {"article_id", "sentence_id"} <= set(table.columns) else None)
    apart = _written_apart(full, sentences, rules)
    full = full.map(_given_name_variants(full, rules, groups=groups, offices=_offices_written(table, names, full, rules),
                                         apart=apart))
    headline = table["title_case"].astype(bool) if "title_case" in table else pd.Series(False, index=table.index)
    affiliations = table["affiliation"] if "affiliation" in table else None
    full = full.map(_one_person_forms(names, full, groups, rules, headline=headline, affiliations=affiliations,
                                      apart=apart))
    source = full[~table["title_case"].astype(bool)] if "title_case" in table else full  # headlines name no one
    articles = table["article_id"].astype(str) if "article_id" in table else groups
    corpus = _surname_index(source, rules)
    titles_here, full_titles = _titles_written(table, names, full, articles, rules)
    family_first = _family_first_index(source, rules.given_names, titled=frozenset(full_titles))
    in_group = {g: source[source.index.isin(idx)] for g, idx in groups.groupby(groups).groups.items()}
    by_group = {g: _surname_index(rows, rules) for g, rows in in_group.items()}
    family_by_group = {g: _family_first_index(rows, rules.given_names) for g, rows in in_group.items()}
    given_by_group = {g: _given_name_index(rows, rules) for g, rows in in_group.items()}
    given_corpus = _given_name_index(source, rules)
    given_by_article = _given_name_index_by(source, articles[source.index], rules)
    by_article = _surname_index_by(source, articles[source.index], rules)
    cut_off = table["cut_off"].astype(bool) if "cut_off" in table else pd.Series(False, index=table.index)
    titled = table["has_title"].astype(bool) if "has_title" in table else pd.Series(True, index=table.index)
    titled = titled.groupby([groups, names.fillna("")]).transform("any")  # a title once in the group is enough
    double = {"group": {g: _double_surname_index(rows, rules) for g, rows in in_group.items()},
              "article": {a: _double_surname_index(rows, rules) for a, rows in source.groupby(articles[source.index])},
              "table": _double_surname_index(source, rules)}
    out = []
    for name, form, group, article, cut, has_title in zip(names, full, groups, articles, cut_off, titled):
        whole = _whole_name(form, group, article, double, rules) if isinstance(name, str) else None
        if not isinstance(name, str):
            out.append(None)
        elif whole:  # "Peña Nieto" → "Enrique Peña Nieto" (1.29)
            out.append(whole)
        elif len(form.split()) > 1 and not _is_surname_form(form, rules):
            out.append(form)
        else:
            key = _surname(form, rules)
            across = has_title or len(form.split()) > 1 or key not in common_words
            single = len(form.split()) == 1
            choice = (_pick(_bare(apart, rules, by_group[group].get(key), form, rules.suffixes))
                      or _pick(_bare(apart, rules, by_article.get(article, {}).get(key), form, rules.suffixes))
                      or (_pick(family_by_group[group].get(key)) if single else None)
                      or (_pick(given_by_article.get(article, {}).get(key)) if single and key not in common_words else None)
                      or (_pick(given_by_group[group].get(key)) if single and (has_title or cut) and key not in common_words
                          else None)
                      or (_pick(_bare(apart, rules, corpus.get(key), form, rules.suffixes)) if across else None)
                      or (_same_title(_bare(apart, rules, corpus.get(key), form, rules.suffixes), titles_here.get((article, key)),
                                      full_titles) if across and single else None)
                      or (_pick(family_first.get(key)) if single else None)
                      or (_pick(given_corpus.get(key)) if single and has_title and key not in common_words else None)
                      or (_pick(_surname_spelt_otherwise(by_article.get(article, {}), key)) if single and has_title
                          else None))
            cut_given = cut and single and form in rules.given_names  # "Sen. Dan...": the excerpt cut the name
            out.append(choice or (form if has_title and not cut_given else None))
    return pd.Series(out, index=table.index, dtype=object)


def _bare(apart: frozenset, rules: Rules, counts: dict[str, int] | None, form: str, suffixes) -> dict[str, int] | None:
    """`_ending_so`, less, for a surname written without a suffix, the full names with one whose name without it
    is another person's (`apart`, `_written_apart`): a writer marks the son ("Trump Jr."), so a bare "Trump"
    is the father (1.30)."""
    counts = _ending_so(counts, form, suffixes)
    if not counts or _suffix(form, rules):
        return counts
    return {f: n for f, n in counts.items() if not (_suffix(f, rules) and " ".join(_core(f, rules)) in apart)}


def _title_word(mention, name) -> str | None:
    """The last word written before `name` in `mention` ("Gov. Mario Cuomo" → "Gov."), lower case and
    without its full stop, when the mention holds the name after other words."""
    if not isinstance(mention, str) or not isinstance(name, str) or name not in mention:
        return None
    before = mention[:mention.index(name)].split()
    return before[-1].rstrip(".").casefold() if before else None


def _titles_written(table: pd.DataFrame, names: pd.Series, full: pd.Series, articles: pd.Series,
                    rules: Rules) -> tuple[dict, dict]:
    """({(article, surname): title words written before that surname alone in the article}, {full
    name: title words written before it anywhere}), read from `mention` (when present)."""
    here: dict[tuple, set] = {}
    whole: dict[str, set] = {}
    if "mention" not in table:
        return here, whole
    for mention, name, form, article in zip(table["mention"], names, full, articles):
        title = _title_word(mention, name)
        if title is None or not isinstance(form, str):
            continue
        if len(form.split()) == 1:
            here.setdefault((article, form), set()).add(title)
        elif not _is_surname_form(form, rules):
            whole.setdefault(form, set()).add(title)
    return here, whole


def _same_title(counts: dict[str, int] | None, titles: set | None, full_titles: dict[str, set]) -> str | None:
    """Of several full names with one surname (`counts`) none of which holds most mentions, the one
    written with a title the surname alone is written with in its article ("Governor Cuomo" → "Gov.
    Mario Cuomo", not Andrew Cuomo): two titles are one when one, without its full stop, opens the
    other ("gov" and "governor"). None unless exactly one full name is so written (1.21)."""
    if not counts or len(counts) < 2 or not titles:
        return None
    fits = [f for f in counts if _same_office(titles, full_titles.get(f, set()))]
    return fits[0] if len(fits) == 1 else None


def _with_given_name_titles(table: pd.DataFrame, name_col: str, rules: Rules) -> pd.Series:
    """The names of `name_col`, a one-word name written right after a title of `given_name_titles`
    (in the `mention` column, when present) taking that title back ("Pope Francis", "King Charles III",
    "Prince Harry"): the word is a given name, not a surname to join to a full name ("Jennifer Francis")."""
    names = table[name_col]
    if "mention" not in table or not rules.given_name_titles:
        return names
    titles = "|".join(re.escape(t) for t in sorted(rules.given_name_titles, key=len, reverse=True))
    out = []
    for name, mention in zip(names, table["mention"]):
        if isinstance(name, str) and isinstance(mention, str) and len(_core(name, rules)) == 1:
            found = re.search(rf"(?<![\w’'.-])({titles})\s+{re.escape(name)}$", mention)
            name = f"{found.group(1)} {name}" if found else name
        out.append(name)
    return pd.Series(out, index=names.index, dtype=object)


def match_actors(names: pd.Series, groups: pd.Series, actors: pd.DataFrame, *,
                 lexicon: str | Path = DEFAULT_LEXICON) -> pd.Series:
    """The actor of `actors` (the table of `find_actors`) that each name stands for, read the way
    `find_actors` reads a mention, or None.

    `names` are names as another step wrote them (a quote's speaker: "EPA Administrator Jane Roe",
    "Prof Roe", "Jane Roe of Acme University", "Acme's Roe"), `groups` the event of each (matched
    against the actors' `event`; all None: the whole table). A name is read by `person_mentions`
    (titles, honorifics and roles cut off; places, outlets and organisations give nothing) and
    only a person read at its end stands for it (after it only "of …": "Jane Roe of Acme
    University"), so "Roe's office", "Roe administration" and "U.S." match no one. The person read
    (or, when a label stands before a full name, its last two or more words) is then the actor
    whose mentions of the group carry that name (`name` column), or an actor of the group written
    alike but for accents, apostrophes, hyphens and case; a surname alone is the actor of the group
    with that surname (`DOMINANT_SHARE` of their mentions, as `resolve_names` picks); failing the
    group, a name that one actor only carries in the whole table."""
    rules, organisations = read_rules(lexicon), _organisations((), lexicon)
    table = actors.assign(event=actors["event"].astype(str)) if "event" in actors else actors.assign(event="all")
    by_group = {g: _name_index(part, rules) for g, part in table.groupby("event", sort=False)}
    corpus = _name_index(table, rules)
    all_none = groups.isna().all()
    out = []
    for name, group in zip(names, groups):
        forms = _person_forms(name, rules, organisations) if isinstance(name, str) else []
        found = None
        for index in (by_group.get("all" if all_none else str(group)), corpus):
            if index is not None and found is None:
                found = next((a for a in (_look_up(f, index, unique=index is corpus) for f in forms) if a), None)
        if found is None and not forms and isinstance(name, str):
            found = _as_mentioned(name, by_group.get("all" if all_none else str(group)))
        out.append(found)
    return pd.Series(out, index=names.index, dtype=object)


def _as_mentioned(name: str, index: dict | None) -> str | None:
    """The actor of a group whose mentions are written `name`, one word, when no other actor's are: a
    surname that is also an outlet's name ("Fox", "Bloomberg"), which `find_actors` takes for a person
    only where the group writes the full name (`find._surnames_that_name_outlets`)."""
    counts = index["name"].get(name.strip()) if index is not None and " " not in name.strip() else None
    return next(iter(counts)) if counts and len(counts) == 1 else None


def _person_forms(name: str, rules: Rules, organisations: tuple) -> list[str]:
    """The forms under which a name written by another step may be an actor: the person read at
    its end (titles cut off), then its last words after a label ("Owner Jane Roe" → "Jane Roe"),
    then the same for the words before each "of" ("Jane Roe of Acme Probe" → "Probe", "Jane Roe");
    [] when no person is read at the end of any."""
    heads = [name] + [name[:m.start()] for m in reversed(list(re.finditer(r"\s+of\s+", name)))]
    forms = []
    for head in heads:
        mentions = _person_mentions(head, rules, organisations)
        if mentions and not head[mentions[-1].end:].strip(" .,"):
            words = mentions[-1].name.split()
            forms += [" ".join(words[k:]) for k in range(0, max(len(words) - 1, 1))]
    return forms


def _name_index(actors: pd.DataFrame, rules: Rules) -> dict:
    """{"name": name → {actor: mentions}, "key": folded name or actor → {actor: mentions},
    "surname": surname → {actor: mentions}} of a table of actors."""
    index: dict[str, dict] = {"name": {}, "key": {}, "surname": {}}
    for (name, actor), n in actors.groupby(["name", "actor"], sort=True).size().items():
        for kind, key in (("name", name), ("key", _spelling_key(name)), ("key", _spelling_key(actor)),
                          ("surname", _surname(actor, rules) if len(actor.split()) > 1 else None)):
            if key:
                counts = index[kind].setdefault(key, {})
                counts[actor] = counts.get(actor, 0) + int(n)
    return index


def _spelling_key(name: str) -> str:
    return _folded(name).replace("-", " ").casefold()


def _look_up(form: str, index: dict, *, unique: bool = False) -> str | None:
    """The actor `form` stands for in an index of `_name_index`: its name, its spelling, then (one
    word) its surname; with `unique`, only a name carried by one actor."""
    for kind, key in (("name", form), ("key", _spelling_key(form))) + ((("surname", form),) if " " not in form else ()):
        counts = index[kind].get(key)
        if counts and (not unique or len(counts) == 1):
            return _pick(counts)
    return None


def _initials_dropped(names, given_names=frozenset()) -> dict[str, str]:
    """name → its form without middle initials or middle given names ("Donald J. Trump", "Donald John
    Trump" → "Donald Trump") when that form is itself written and the names that reduce to it have
    the same middle initials ("George W. Bush" and "George H. W. Bush" stay apart; "Donald J." and
    "Donald John Trump" join); every other name → itself. A middle given name is one of
    `given_names` ("Elizabeth Ann Warren"; not "Sarah Huckabee Sanders", a family name)."""
    reduced: dict[str, set[str]] = {}
    middles: dict[str, set[tuple]] = {}
    for name in names:
        words = name.split()
        middle = [w for w in words[1:-1] if re.fullmatch(r"[A-Z]\.?", w) or w in given_names]
        short = " ".join([words[0], *[w for w in words[1:-1] if w not in middle], words[-1]])
        reduced.setdefault(short, set()).add(name)
        if name != short:
            middles.setdefault(short, set()).add(tuple(w[0] for w in middle))
    out = {name: name for name in names}
    for short, variants in reduced.items():
        if short in variants and len(variants) >= 2 and len(middles[short]) == 1:
            out.update({variant: short for variant in variants})
    return out


def _one_person_forms(names: pd.Series, full: pd.Series, groups: pd.Series, rules: Rules, *,
                      headline: pd.Series | None = None, affiliations: pd.Series | None = None,
                      apart: frozenset = frozenset()) -> dict:
    """full name → the form most written (ties: the longer, then the last in order) among the full
    names written alike but for accents, apostrophes, hyphens, letter case and an initial's period anywhere
    in the table ("Bill De Blasio"/"Bill de Blasio", "Donald J. Trump"/"Donald J Trump", "Jovenel Moïse",
    "Jovenel Moise", "Marjorie Taylor-Greene"/"Taylor Greene") or with a given name spelt otherwise
    and the same surname ("Antony"/"Anthony Blinken"), a name of three words or more that opens with
    no listed given name and ends with another full name written in the table, from a listed given
    name on ("Green New Deal Alexandria Ocasio-Cortez": the words before are a label, as titles
    are), and those that three rules join when both are
    written in one group (event): a spelling variant (`_spelling_variant`, the surname too:
    "Zabiullah"/"Zabihullah Mujahid"), a person known by a middle name ("Robert Hunter
    Biden"/"Hunter Biden"; "Kenneth F. McKenzie"/"Frank McKenzie") and a name cut off before the
    second part of a surname ("Daniella Levine"/"Daniella Levine Cava", both written outside
    `headline` rows: "Glenn Greenwald Whacks …" names no one), and (`affiliations`, the body each
    mention's apposition names: `evidence.affiliation`) two full names with one surname, each written
    in the group beside the same body ("Gen. Frank McKenzie, head of U.S. Central Command", "Gen.
    Kenneth McKenzie, commander of U.S. Central Command"). `names` are the names as read, `full`
    their forms after the earlier joins; a name with and without a suffix in `apart` (`_written_apart`) is
    never joined. Joined forms take one canonical name across the table: a full
    name before a surname alone (a surname written with a hyphen and with a space,
    "Ocasio-Cortez"/"Ocasio Cortez", joins the full names of the second), then a form with no label
    before it, then the form most written (forms that differ by an initial's period counted together, the
    one with periods taking their name); other forms → themselves."""
    counts = full.dropna().value_counts()
    forms = _Forms(counts.index, lambda a, b: _suffix(a, rules) != _suffix(b, rules)
                   and bool({" ".join(_core(a, rules)), " ".join(_core(b, rules))} & apart))
    _join_spellings(forms, counts.index, rules)
    labelled = _join_labels(forms, counts.index, rules)
    in_text = set(full[~headline]) if headline is not None else set(full)
    _join_within_groups(forms, names, full, groups, in_text, rules)
    if affiliations is not None:
        _join_affiliated(forms, full, groups, affiliations, rules)
    twins = counts.groupby(counts.index.map(_undotted)).transform("sum")  # "Donald J. Trump" and "Donald J Trump" as one
    out = {}
    for members in forms.subsets():  # a full name before a surname alone ("Ocasio-Cortez"/"Ocasio Cortez")
        best = max(members, key=lambda f: (not _is_surname_form(f, rules), f not in labelled, twins[f], len(f), f))
        out.update({f: best for f in members})
    return out


class _Forms:
    """A disjoint set of full names (scipy's) whose `merge` refuses the pairs `refused(a, b)` says are two people."""

    def __init__(self, names, refused):
        from scipy.cluster.hierarchy import DisjointSet  # imported here: scipy.spatial comes with it
        self._set, self._refused = DisjointSet(names), refused

    def merge(self, a, b) -> bool:
        return False if self._refused(a, b) else self._set.merge(a, b)

    def subsets(self):
        return self._set.subsets()


def _join_spellings(forms: DisjointSet, written, rules: Rules) -> None:
    """Join, anywhere in the table, full names written alike but for accents, apostrophes, hyphens and
    letter case, and those with a given name spelt otherwise and the same surname."""
    by_spelling: dict[str, list[str]] = {}
    by_surname: dict[str, list[str]] = {}
    for form in sorted(written):
        by_spelling.setdefault(_undotted(_folded(form)).replace("-", " ").lower(), []).append(form)
        by_surname.setdefault(_folded(_surname(form, rules)), []).append(form)
    for alike in by_spelling.values():
        for form in alike[1:]:
            forms.merge(alike[0], form)
    for alike in by_surname.values():
        for a, b in ((a, b) for i, a in enumerate(alike) for b in alike[i + 1:]):
            if len(a.split()) > 1 and len(b.split()) > 1 and _spelling_variant(a, b, rules):
                forms.merge(a, b)


def _join_labels(forms: DisjointSet, written, rules: Rules) -> set[str]:
    """Join a name of three words or more that opens with no listed given name to the written full
    name it ends with, from a listed given name on (the words before are a label); returns the
    labelled forms."""
    labelled = set()
    for form in written:
        words = form.split()
        if len(words) >= 3 and words[0] not in rules.given_names:
            tail = next((" ".join(words[k:]) for k in range(1, len(words) - 1)
                         if words[k] in rules.given_names and " ".join(words[k:]) in written), None)
            if tail:
                forms.merge(form, tail)
                labelled.add(form)
    return labelled


def _join_within_groups(forms: DisjointSet, names: pd.Series, full: pd.Series, groups: pd.Series,
                        in_text: set, rules: Rules) -> None:
    """Join, within one group (event), a spelling variant, a person known by a middle name and a name
    cut off before the second part of a surname (both written in `in_text`)."""
    pairs = pd.DataFrame({"group": groups, "name": names, "full": full}).dropna().drop_duplicates()
    for _, group in pairs.groupby("group", sort=True):
        written = sorted(set(zip(group["name"], group["full"])))
        for i, j in _candidate_pairs(written, rules):
            (name_a, full_a), (name_b, full_b) = written[i], written[j]
            if full_a != full_b and (_spelling_variant(full_a, full_b, rules, surname=True)
                                     or _middle_name_form(name_a, name_b, rules) or _middle_name_form(name_b, name_a, rules)
                                     or {full_a, full_b} <= in_text and (_cut_off_form(full_a, full_b, rules)
                                                                         or _cut_off_form(full_b, full_a, rules))):
                forms.merge(full_a, full_b)


def _join_affiliated(forms: DisjointSet, full: pd.Series, groups: pd.Series, affiliations: pd.Series,
                     rules: Rules) -> None:
    """Join, within one group (event), full names with the same surname written beside the same body
    (one office of one body, one surname: one person known by two given names)."""
    rows = pd.DataFrame({"group": groups, "full": full, "body": affiliations}).dropna().drop_duplicates()
    rows = rows.loc[pd.Series([len(_core(f, rules)) >= 2 and not _is_surname_form(f, rules) for f in rows["full"]],
                              index=rows.index, dtype=bool)]
    rows = rows.assign(surname=rows["full"].map(lambda f: _surname(f, rules)))
    for _, same in rows.groupby(["group", "surname", "body"], sort=True):
        written = sorted(set(same["full"]))
        for other in written[1:]:
            forms.merge(written[0], other)


def _candidate_pairs(written: list[tuple[str, str]], rules: Rules) -> list[tuple[int, int]]:
    """The pairs (i < j) of (name, full name) in `written` that the three within-group rules of
    `_one_person_forms` can join, found by what each rule needs them to share instead of comparing
    every pair: a spelling variant has as many words and the same first letters
    (`_spelling_variant`), a middle-name form the same last word of the name as read
    (`_middle_name_form`), a cut-off form the same first two words (`_cut_off_form`)."""
    buckets: dict[tuple, list[int]] = {}
    for i, (name, full) in enumerate(written):
        folded = _core(_folded(full), rules)
        if len(folded) >= 2:
            buckets.setdefault(("spelling", len(folded), *(w[0] for w in folded)), []).append(i)
        read = _core(name, rules)
        if len(read) in (2, 3):
            buckets.setdefault(("middle", read[-1]), []).append(i)
        core = _core(full, rules)
        if len(core) in (2, 3):
            buckets.setdefault(("cut", *core[:2]), []).append(i)
    return sorted({(a, b) for members in buckets.values() for k, a in enumerate(members) for b in members[k + 1:]})


def _core(form: str, rules: Rules) -> list[str]:
    return [w for w in form.split() if w not in rules.suffixes]


def _spelling_variant(a: str, b: str, rules: Rules, *, surname: bool = False) -> bool:
    """True for two full names written alike but for accents ("Jovenel Moïse"/"Moise"), or whose
    given and middle names differ by a spelling only (each the same first letter and at most
    `_allowed_edits` apart: "Antony"/"Anthony Blinken", "Mohammad Hasan"/"Hassan Akhund"), with the
    same surname or, with `surname`, one spelt otherwise by one edit when the shorter has six letters
    or more ("Zabiullah Mujahid"/"Zabihullah Mujahi"; edits counted on difflib's alignment)."""
    wa, wb = _core(_folded(a), rules), _core(_folded(b), rules)
    if len(wa) < 2 or len(wa) != len(wb):
        return False
    if wa == wb:
        return True
    if wa[-1] != wb[-1] and (not surname or wa[-1][0] != wb[-1][0] or min(len(wa[-1]), len(wb[-1])) < 6
                             or _edits(wa[-1], wb[-1]) > 1):
        return False
    return all(x == y or x[0] == y[0] and _edits(x, y) <= _allowed_edits(x, y) for x, y in zip(wa[:-1], wb[:-1]))


def _cut_off_form(short: str, long: str, rules: Rules) -> bool:
    """True when `short` ("Daniella Levine", "Sana Imitiyaz") is `long` ("Daniella Levine Cava") without
    its last word: a name of two words cut off before the second part of a surname."""
    ws, wl = _core(short, rules), _core(long, rules)
    return len(ws) == 2 and len(wl) == 3 and wl[:2] == ws and not re.fullmatch(r"[A-Z]\.?", ws[1])


def _allowed_edits(a: str, b: str) -> int:
    """Edits allowed between two spellings of one name: none under five letters, one from five, two
    from eight (the shorter's length)."""
    shorter = min(len(a), len(b))
    return 2 if shorter >= 8 else 1 if shorter >= 5 else 0


def _folded(name: str) -> str:
    """The name without accents, with straight apostrophes ("Moïse" → "Moise", "Ma’Khia" → "Ma'Khia")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace("’", "'")


def _undotted(name: str) -> str:
    """The name with no period after an initial written as a word of its own ("Donald J. Trump",
    "George H. W. Bush" → "Donald J Trump", "George H W Bush"): news in British style writes initials
    without one, so the two forms are one name's."""
    return _INITIAL_PERIOD.sub(r"\1", name)


_INITIAL_PERIOD = re.compile(r"(?<!\S)([A-Z])\.(?=\s)")  # a word of one letter: not "U.S.", a place


def _edits(a: str, b: str) -> int:
    """Insertions, deletions and substitutions on difflib's alignment of two words (Levenshtein
    distance when the alignment is minimal, as it is for one or two edits in a name)."""
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes() if op != "equal")


def _middle_name_form(long: str, short: str, rules: Rules) -> bool:
    """True when `short` ("Hunter Biden", "Frank McKenzie") is `long` ("Robert Hunter Biden",
    "Kenneth F. McKenzie Jr.") without its first given name: one middle name between the given name
    and the surname, written in full or as the initial of `short`'s given name."""
    wl, ws = _core(long, rules), _core(short, rules)
    if len(wl) != 3 or len(ws) != 2 or wl[2] != ws[1] or len(ws[0]) < 2 or ws[0] == wl[0]:
        return False
    middle = wl[1]
    return middle == ws[0] or (re.fullmatch(r"[A-Z]\.?", middle) is not None and ws[0][0] == middle[0])


def _suffix(form: str, rules: Rules) -> str:
    """The generational suffix ending a name, without its full stop ("Jr", "III"), or ""."""
    last = form.split()[-1] if form.split() else ""
    return last.rstrip(".") if last in rules.suffixes else ""


def _suffixed_surnames(full: pd.Series, rules: Rules) -> dict[str, str]:
    """name → the one full name of the table ending with it, for a surname written with a generational suffix
    ("Trump Jr." → "Donald Trump Jr."; 1.30): the suffix says which of the family is meant, so the surname rule,
    which reads the surname alone, would take the father. Other names → themselves."""
    forms = set(full.dropna())
    out = {}
    for form in forms:
        if len(form.split()) == 2 and _suffix(form, rules):
            ending = [f for f in forms if len(_core(f, rules)) >= 2 and _core(f, rules)[-1] == form.split()[0]
                      and _suffix(f, rules) == _suffix(form, rules)]
            if len(ending) == 1:
                out[form] = ending[0]
    return {form: out.get(form, form) for form in forms}


def _written_apart(full: pd.Series, sentences: pd.Series | None, rules: Rules) -> frozenset:
    """The names (suffix aside) written in one sentence both with and without a generational suffix ("candidate
    Donald Trump, Donald Trump Jr., and others"; "President Donald Trump said … his son Donald Trump Jr."): two
    people, father and son, whom the same given name with or without a suffix does not join (1.30). A writer
    names one person once per sentence, so "Joe Manchin III" and "Joe Manchin" of one article stay one."""
    if sentences is None:
        return frozenset()
    apart = set()
    for forms in full.dropna().groupby(sentences[full.notna()], sort=False).unique():
        by_core: dict[str, set] = {}
        for form in forms:
            by_core.setdefault(" ".join(_core(form, rules)), set()).add(_suffix(form, rules))
        apart |= {core for core, kinds in by_core.items() if len(kinds) > 1 and len(core.split()) >= 2}
    return frozenset(apart)


def _given_name_variants(forms: pd.Series, rules: Rules, *, groups: pd.Series,
                         offices: dict[str, set], apart: frozenset = frozenset()) -> dict[str, str]:
    """name → the form most written among the names of one person written with different given
    names: the same surname, the same middle names or none, and given names that are one the short form of
    the other ("Jeff Zients" and "Jeffrey Zients", "Phil"/"Philip", "Chuck"/"Charles" from the
    `nicknames` list); ties go to the longer form. Other names → themselves. Two different given names
    join only where the join can be trusted (`_variant_trusted`: `groups`, the event of each row;
    `offices`, the titles written before each form); the same given name with or without
    middle names and suffixes joins anywhere ("Martin Luther King"/"Martin Luther King Jr."), but a name
    with and without a suffix written in one sentence (`apart`, `_written_apart`) are two people, so those
    forms join only forms with the same suffix ("Donald Trump"/"Donald Trump Jr.")."""
    forms = forms.dropna()
    counts = forms.value_counts()
    events = {form: set(written) for form, written in groups[forms.index].groupby(forms).unique().items()}
    by_surname: dict[str, list[tuple[str, str, tuple]]] = {}
    for form in counts.index:
        words = [w for w in form.split() if w not in rules.suffixes]
        if len(words) >= 2:
            by_surname.setdefault(words[-1], []).append((form, words[0], tuple(words[1:-1])))
    out = {}
    for variants in by_surname.values():
        for form, given, middle in variants:
            same = [(v, g, m) for v, g, m in variants
                    if _same_given_name(given, g, rules) and (m == middle or not m or not middle)
                    and (_suffix(v, rules) == _suffix(form, rules) or " ".join(_core(v, rules)) not in apart
                         and " ".join(_core(form, rules)) not in apart)
                    and (g == given or _variant_trusted((form, given), (v, g), variants, events, offices, rules))]
            if all(a[2] == b[2] or not a[2] or not b[2] for a in same for b in same):  # "George Bush" may be either
                out[form] = max((v for v, _, _ in same), key=lambda v: (counts[v], len(v), v))
    return {form: out.get(form, form) for form in counts.index}


def _variant_trusted(a: tuple[str, str], b: tuple[str, str], variants: list[tuple[str, str, tuple]],
                     events: dict[str, set], offices: dict[str, set], rules: Rules) -> bool:
    """True when two full names of one surname whose given names are one the short form of the other
    (`a`, `b`: (form, given name)) can be taken for one person: both are written in one event
    ("Jeff Zients", "Jeffrey Zients"), or both after one title ("Senate Minority Leader Chuck Schumer",
    "Senate Minority Leader Charles E. Schumer"), or the table writes no other person of that
    surname (`variants`: a full name opening with a listed given name that is neither's short or full
    form). "Stephen King" the author and "Steve King" the congressman, each alone in his event
    beside "Peter King", stay two."""
    (form_a, given_a), (form_b, given_b) = a, b
    if events[form_a] & events[form_b] or _same_office(offices.get(form_a, set()), offices.get(form_b, set())):
        return True
    return not any(g in rules.given_names and not _same_given_name(g, given_a, rules)
                   and not _same_given_name(g, given_b, rules) for _, g, _ in variants)


def _same_office(a: set, b: set) -> bool:
    """True when two sets of title words share one: two titles are one when one, without its full
    stop, opens the other ("sen", "senator")."""
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _offices_written(table: pd.DataFrame, names: pd.Series, full: pd.Series, rules: Rules) -> dict[str, set]:
    """full name → the title words (`titles` of `actors.toml`, lower case and without their full stop;
    no honorific) written right before its name in `mention` (when present)."""
    out: dict[str, set] = {}
    if "mention" not in table:
        return out
    for mention, name, form in zip(table["mention"], names, full):
        title = _title_word(mention, name)
        if title is not None and isinstance(form, str) and title in rules.offices:
            out.setdefault(form, set()).add(title)
    return out


def _same_given_name(a: str, b: str, rules: Rules) -> bool:
    """True when two given names can name one person: equal, one the start of the other ("Jeff",
    "Jeffrey"; three letters at least), or a listed short form ("Chuck", "Charles")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) >= 3 and long.startswith(short)) or (a, b) in rules.nicknames or (b, a) in rules.nicknames


def _family_first_index(full: pd.Series, given_names=None, *, titled: frozenset | None = None) -> dict[str, dict[str, int]]:
    """family name → {full name: mentions} for names written family name first with a hyphenated
    given name ("Tsai Ing-wen", "Chiu Kuo-cheng"): the family name alone ("Tsai") is that person.
    With `given_names` (read within one event), also two-word names of which neither word is a listed
    given name ("Zhao Lijian": "Zhao" alone in the same event is he, not the "Daniel Zhao" of another
    event), unless the second names a thing of the first's (`_owned_thing`: "Trump" is not "the Trump
    campaign" of a speaker's label). With `titled` (full names written after a title somewhere: read
    across events), only those of them, both words capitalised: "President Xi" of any event is "Xi
    Jinping", whom some event calls "President Xi Jinping", but two capitalised words never titled are
    no name written family first ("Mr Fox" is not the newsletter "Fox First", nor "Pfizer" "Pfizer Inc";
    1.33)."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        words = form.split()
        if len(words) == 2 and (re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]) or given_names is not None
                                and not _owned_thing(words[1])
                                and (titled is None or form in titled and words[1][:1].isupper())
                                and not any(w in given_names for w in words) and not _is_surname_form(form, None)):
            index.setdefault(words[0], {})[form] = int(n)
    return index


def _owned_thing(word: str) -> bool:
    """Whether the word after a name makes the two a thing of the name's bearer: a singular common
    noun in lower case ("campaign", "administration", "team"), where a plural names people of the
    first word's party or place ("Democrat lawmakers", whom "Democrat" alone may stand for)."""
    return word.islower() and not word.endswith("s")


def _given_name_index(full: pd.Series, rules: Rules) -> dict[str, dict[str, int]]:
    """listed given name → {full name: mentions} of the full names opening with it: a given name
    alone ("Director Rochelle…", an excerpt cut off after it) is the one person of the event so
    named ("Harry" alone beside "Prince Harry" is he)."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        given = _given_name_of(form, rules)
        if given:
            index.setdefault(given, {})[form] = int(n)
    return index


def _given_name_of(form: str, rules: Rules) -> str | None:
    """The listed given name a full name opens with ("Rochelle" of "Rochelle Walensky"), or the name
    after a title of `given_name_titles` ("Harry" of "Prince Harry"); None when there is none."""
    words = _core(form, rules)
    if len(words) == 2 and words[0] in rules.given_name_titles:
        return words[1]
    return words[0] if len(words) >= 2 and words[0] in rules.given_names else None


def _given_name_index_by(full: pd.Series, keys: pd.Series, rules: Rules) -> dict[str, dict[str, dict[str, int]]]:
    """key (an article) → `_given_name_index` of the full names written under it."""
    index: dict[str, dict[str, dict[str, int]]] = {}
    for form, key in zip(full, keys):
        if isinstance(form, str):
            given = _given_name_of(form, rules)
            if given:
                names = index.setdefault(key, {}).setdefault(given, {})
                names[form] = names.get(form, 0) + 1
    return index


def _is_surname_form(form: str, rules: Rules | None) -> bool:
    """True for a surname with only a suffix ("Trump Jr.") or its particles ("De Blasio", "van der
    Leyen"); a particle written as a given name (`given_name_particles`: "Al Franken", not "al-Assad")
    opens a full name. Without `rules`, suffixes are not looked for."""
    core = [w for w in form.split() if rules is None or w not in rules.suffixes]
    given = rules.given_name_particles if rules is not None else frozenset()
    return len(core) <= 1 or all(w.lower() in _JOINERS and w not in given for w in core[:-1])


def _surname(form: str, rules: Rules) -> str:
    core = [w for w in form.split() if w not in rules.suffixes]
    return core[-1] if core else form


def _surname_index(full: pd.Series, rules: Rules) -> dict[str, dict[str, int]]:
    """surname → {full name: mentions} of the full names (two words or more) with that surname; a
    title and a given name ("Pope Francis", `given_name_titles`) has none."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        if len(form.split()) > 1 and not _is_surname_form(form, rules) and form.split()[0] not in rules.given_name_titles:
            index.setdefault(_surname(form, rules), {})[form] = int(n)
    return index


def _is_double_surname(form: str, rules: Rules) -> bool:
    """True for two capitalised words, the first no listed given name, function word, title or initial: a
    family name of two words written alone ("Peña Nieto", "Huckabee Sanders", "Wasserman Schultz"), as
    Spanish names and married women's names are written on second reference (1.29)."""
    words = form.split()
    return (len(words) == 2 and all(w[:1].isupper() for w in words) and not _is_surname_form(form, rules)
            and words[0] not in rules.given_names and words[0] not in rules.function_words
            and words[0] not in rules.titles and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", words[0]))


def _whole_name(form: str, group: str, article: str, double: dict, rules: Rules) -> str | None:
    """The one full name (`_pick`) a family name of two words (`_is_double_surname`) stands for: of its group
    (event), else its article, else the table (`double`: `_double_surname_index` of each); None otherwise."""
    if not _is_double_surname(form, rules):
        return None
    key = _folded(form).casefold()
    return (_pick(double["group"][group].get(key)) or _pick(double["article"].get(article, {}).get(key))
            or _pick(double["table"].get(key)))


def _double_surname_index(full: pd.Series, rules: Rules) -> dict[str, dict[str, int]]:
    """The last two words of the full names of three words or more (suffixes aside) opening with a listed
    given name whose other words are listed given names or initials, folded ("peña nieto") → {full name:
    mentions}: the person a family name of two words written alone is ("Enrique Peña Nieto"; not "Donald
    Trump Kellyanne Conway", two names run together; not "U.S. Supreme Court", whose "U.S." is no initial, nor
    "America First Legal", whose given name is a place)."""
    index: dict[str, dict[str, int]] = {}
    for form, n in full.dropna().value_counts(sort=False).items():
        core = [w for w in form.split() if w not in rules.suffixes]
        if (len(core) >= 3 and core[0] in rules.given_names and core[0] not in rules.places  # not "America First Legal"
                and all(w in rules.given_names or re.fullmatch(r"(?:[A-Z]\.)+", w) for w in core[1:-2])):
            index.setdefault(_folded(" ".join(core[-2:])).casefold(), {})[form] = int(n)
    return index


def _surname_index_by(full: pd.Series, keys: pd.Series, rules: Rules) -> dict[str, dict[str, dict[str, int]]]:
    """key (an article) → `_surname_index` of the full names written under it."""
    return {key: _surname_index(part, rules) for key, part in full.dropna().groupby(keys[full.notna()], sort=False)}


def _ending_so(counts: dict[str, int] | None, form: str, suffixes=frozenset()) -> dict[str, int] | None:
    """The full names of `counts` that end with `form`, a surname written with its particles ("De
    Blasio" → "Bill de Blasio", case and accents aside): "Van Jones" is not "Alex Jones". `counts` as
    it is for a surname of one word, a generational suffix (`suffixes`) aside ("Trump Jr.")."""
    if not counts or len(form.split()) == 1 or len([w for w in form.split() if w not in suffixes]) == 1:
        return counts
    tail = " " + _folded(form).casefold()
    return {full: n for full, n in counts.items() if (" " + _folded(full).casefold()).endswith(tail)}


def _surname_spelt_otherwise(index: dict[str, dict[str, int]], key: str) -> dict[str, int] | None:
    """The full names of `index` (`_surname_index` of one article) whose surname is `key` spelt
    otherwise by one edit, the same first letter and six letters or more ("President Zelenskyy"
    beside "Volodymyr Zelensky", transliterated two ways), when one such surname is written: a
    surname alone, read as a person's (a title or a person cue) and ending no full name of its event
    or article, is the variant's person."""
    folded = _folded(key)
    near = [k for k in index if k != key and k[:1] == key[:1] and min(len(k), len(key)) >= 6
            and _edits(_folded(k), folded) == 1]
    return index[near[0]] if len(near) == 1 else None


def _pick(counts: dict[str, int] | None) -> str | None:
    """The one full name, or the one that holds at least `DOMINANT_SHARE` of the mentions (ties
    and near-ties resolve to nobody)."""
    if not counts:
        return None
    if len(counts) == 1:
        return next(iter(counts))
    name, top = max(sorted(counts.items()), key=lambda item: item[1])
    return name if top >= DOMINANT_SHARE * sum(counts.values()) else None
