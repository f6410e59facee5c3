"""One outlet, one name across a corpus: an outlet framing inferred for an article (from its page or
its url's host) takes the name the other articles of the same site carry.

A corpus often names one outlet in two ways: the manifest says "The New York Times" for some files,
and an export row or a saved page with no outlet is named after its url's host, "nytimes.com"; or
pages of one site give their site name in different forms. Every per-outlet chart would split such
an outlet in two. `name_outlets` runs once all articles are built (the articles table is all it
reads, so articles reused from an earlier build get the same answer as on a fresh build).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pandas as pd

from .articles import MAX_LISTED, Problem

FROM_URL = "outlet_from_url"  # in `inferred`: the outlet is the host of the article's url
FROM_PAGE = "outlet"  # in `inferred`: the outlet was read from the page
# Leading labels of a host that name a server or a version of one site, not another site or section:
# www (www2, www3…), the mobile site (m, mobile) and the AMP pages (amp).
SERVER_LABEL = re.compile(r"www\d*|m|mobile|amp")


def site_of_url(url: str | None) -> str | None:
    """The site an address belongs to, for telling whether two articles come from one site: its host
    in lower case, without port, user or final dot, and without leading labels that only name a
    server or a version of the site (`SERVER_LABEL`: "www.", "www2.", "m.", "mobile.", "amp.").
    Other subdomains stay ("edition.cnn.com", "jane.substack.com": a blog platform hosts many
    outlets). None when `url` holds no host with a dot."""
    text = url.strip() if isinstance(url, str) else ""
    if not text or any(space in text for space in " \t\n"):
        return None
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    try:
        host = (urlsplit(text).hostname or "").rstrip(".")
    except ValueError:  # a malformed address ("http://[x")
        return None
    labels = host.split(".")
    while len(labels) > 2 and SERVER_LABEL.fullmatch(labels[0]):
        labels.pop(0)
    return ".".join(labels) if len(labels) >= 2 and all(labels) else None


def site_label(url: str | None) -> str | None:
    """The label that names the site of an address: the last label of its host before the top-level
    domain and a second-level one ("foxnews" of https://www.foxnews.com/politics, "bbc" of bbc.co.uk,
    "cnn" of edition.cnn.com); None when `url` holds no host (`site_of_url`)."""
    site = site_of_url(url)
    if site is None:
        return None
    labels = site.split(".")[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1]


@dataclass
class OutletNames:
    """What `name_outlets` decides: each article's outlet, and names the user should check."""

    outlets: dict[str, str]  # article_id → outlet, for every article
    problems: list[Problem] = field(default_factory=list)


_COLUMNS_READ = ("article_id", "outlet", "outlet_inferred", "inferred", "url", "source_file", "source_record")


def name_outlets(articles: pd.DataFrame) -> OutletNames:
    """Each article's outlet once the corpus is read. Needs `article_id`, `outlet`, `outlet_inferred`
    (the name framing inferred for the article alone; missing when the user gave it), `inferred`,
    `url`, `source_file`, `source_record`.

    Articles are grouped by the site of their url (`site_of_url`). On a site where the user gave
    (manifest, export column) exactly one name, every article whose outlet framing inferred takes
    it; where the user gave none, inferred outlets take the name most pages of the site give
    themselves (ties: the longer name, the fuller form, then the first in alphabetical order); a
    url's host names an outlet only when no page of its site names itself. A name the user gave is
    never changed: two of them on one site stay (and the site's inferred outlets keep theirs), and
    when two are `alike` a `Problem` says they may be one outlet and how to make them one. An article
    without a url whose outlet framing read from its page takes the name of the one outlet it is
    `alike` (`_name_as_the_site`); other articles without a url keep their outlet."""
    if articles.empty:
        return OutletNames({})
    articles = articles[list(_COLUMNS_READ)].astype(object)  # (read row by row below: as plain objects, in one pass)
    found = [None if pd.isna(name) else name for name in articles["outlet_inferred"]]
    outlets = {article: name or outlet for article, name, outlet in zip(articles["article_id"], found, articles["outlet"])}
    sites = [site_of_url(url) for url in articles["url"]]  # (a list: a Series would make None NaN)
    given: dict[str, Counter] = defaultdict(Counter)
    from_pages: dict[str, Counter] = defaultdict(Counter)
    places: dict[tuple[str, str], list[tuple[str, object]]] = defaultdict(list)
    for row, site, name in zip(articles.itertuples(index=False), sites, found):
        if site is None:
            continue
        if name is None:
            given[site][row.outlet] += 1
            places[site, row.outlet].append((row.source_file, row.source_record))
        elif FROM_PAGE in str(row.inferred or "").split(","):
            from_pages[site][name] += 1
    names = {site: _site_name(given.get(site, Counter()), from_pages.get(site, Counter())) for site in set(sites) - {None}}
    for article, site, name in zip(articles["article_id"], sites, found):
        if site is not None and name is not None:
            outlets[article] = names[site] or name
    _name_as_the_site(outlets, articles, sites, found)
    problems = [_two_names(site, names, places) for site, names in given.items()
                if len(names) > 1 and any(alike(one, other) for one in names for other in names if one < other)]
    return OutletNames(outlets, problems + _spelled_twice(articles, sites, found))


def _spelled_twice(articles: pd.DataFrame, sites: list, found: list) -> list[Problem]:
    """A warning for each outlet name the user gave an article without a url that another given name
    writes otherwise but for case, spaces, punctuation and a leading "The" ("the hill" in the
    manifest, "The Hill" in the export): with no url to say the site, it would be an outlet of its
    own in every chart. Names are not changed; initials ("AP") are not read as a spelling here, as
    without a site they may name another outlet."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    places: dict[str, list] = defaultdict(list)
    without_url = set()
    for row, site, name in zip(articles.itertuples(index=False), sites, found):
        if name is None:  # a name the user gave
            for key in _folded(row.outlet):
                spellings[key][row.outlet] += 1
            places[row.outlet].append((row.source_file, row.source_record))
            if site is None:
                without_url.add(row.outlet)
    problems, said = [], set()
    for names in spellings.values():
        if len(names) > 1 and without_url & set(names) and frozenset(names) not in said:
            said.add(frozenset(names))
            ranked = sorted(names, key=lambda name: (-names[name], name))
            described = "; ".join(f"{name!r} ({_articles(names[name])}: {_listed([_place(*p) for p in places[name]])})"
                                  for name in ranked)
            problems.append(Problem(places[ranked[-1]][0][0], (
                f"the outlets {described} are written alike but for case, spaces or punctuation, and are two "
                "outlets in every chart and table: if they are one, give them one name (in manifest.csv's "
                "outlet column, or the export's outlet column); if they are different outlets, nothing to do")))
    return problems


def _name_as_the_site(outlets: dict, articles: pd.DataFrame, sites: list, found: list) -> None:
    """Give an article without a url, whose outlet framing read from its page, the name of the one
    outlet of the corpus it is `alike` ("TheHill" of a page title, "The Hill" of a saved page or of
    the manifest) when that outlet is named by the user or carried by articles with a url: a page
    copied as text has no url to group it with its site, so its site's own spelling would otherwise
    make it an outlet of its own. A file's name standing in for an outlet nobody named is no name
    to take. One exception: where that outlet's name is a host name framing inferred
    ("livescience.com", "MacRumors.com") and the page writes it in words ("Live Science"), the
    outlet takes the page's words (`_in_words`). Changes `outlets` in place (the caller's own dict)."""
    stand_ins = {PurePosixPath(str(file)).with_suffix("").as_posix() for file in articles["source_file"]}
    settled = {outlets[article] for article, site, name in zip(articles["article_id"], sites, found)
               if (site is not None or name is None) and outlets[article] not in stand_ins}
    given = {outlets[article] for article, name in zip(articles["article_id"], found) if name is None}
    in_words: dict[str, Counter] = defaultdict(Counter)  # a host-named outlet → the pages' names in words
    for article, site, name in zip(articles["article_id"], sites, found):
        if site is None and name is not None and name not in settled:
            same = {other for other in settled if alike(name, other)}
            if len(same) == 1:
                outlets[article] = other = same.pop()
                if other not in given and _is_host(other) and not _is_host(name):
                    in_words[other][name] += 1
    _in_words(outlets, articles, found, in_words)


def _in_words(outlets: dict, articles: pd.DataFrame, found: list, in_words: dict[str, Counter]) -> None:
    """Rename each outlet framing named by a host name ("livescience.com") to the name in words that
    pages without a url give it ("Live Science"; several: the most pages, then the longer, then the
    first in alphabetical order): a host name says where the site is, its pages' words what it is
    called. Only names framing inferred change; a name the user gave stays."""
    chosen = {host: min(names, key=lambda name: (-names[name], -len(name), name)) for host, names in in_words.items()}
    for article, name in zip(articles["article_id"], found):
        if name is not None and outlets[article] in chosen:
            outlets[article] = chosen[outlets[article]]


def _is_host(name: str) -> bool:
    """Whether an outlet's name is written as a host name ("MacRumors.com", "www.space.com")."""
    return bool(_HOST_NAME.fullmatch(name.strip()))


_THE = re.compile(r"^the\b")
_LEADING_THE = re.compile(r"(?i:the)\b|The(?=[A-Z])")  # "The Hill", "TheHill"
_NOT_ALNUM = re.compile(r"[\W_]+")


def alike(one: str, other: str) -> bool:
    """Whether two outlet names may be one outlet written two ways: the same once lower-cased
    without spaces, punctuation and a leading "The" ("New York Times" and "The New York Times",
    "The Hill" and "TheHill"), or one the initials of the other's words ("WSJ" and "The Wall Street
    Journal", "AP" and "Associated Press"), or one a host name that is the other once its top-level
    domain is dropped ("MacRumors.com" and "MacRumors", "livescience.com" and "Live Science",
    `_named_by_host`). Names that differ by a word ("CNN Business", "CNN
    (Opinion)") or name a person ("Paul Krugman") are not alike: users give those to tell the
    sections and columnists of one site apart."""
    if _folded(one) & _folded(other):
        return True
    if _named_by_host(one, other) or _named_by_host(other, one):
        return True
    for short, long in ((one, other), (other, one)):
        initials = _initials(long)
        if initials and _squeezed(short) == initials:
            return True
    return False


@lru_cache(maxsize=4096)
def _initials(name: str) -> str:
    """The initials of a name's words, a leading "The" aside ("wsj" of "The Wall Street Journal");
    empty for a name of fewer than two words. Each name once: a site's names are compared pairwise."""
    words = [word for word in _NOT_ALNUM.split(_THE.sub("", name.casefold())) if word]
    return "".join(word[0] for word in words) if len(words) >= 2 else ""


@lru_cache(maxsize=4096)
def _squeezed(name: str) -> str:
    """A name lower-cased without spaces and punctuation, as initials are compared."""
    return _NOT_ALNUM.sub("", name.casefold())


# A name written as a host name: labels of letters, digits and hyphens joined by dots, the last
# (the top-level domain) of letters only ("MacRumors.com", "www.space.com", "express.co.uk").
_HOST_NAME = re.compile(r"(?:[^\W_]+(?:-[^\W_]+)*\.)+[^\W\d_]{2,}")
# Second-level labels under a country's domain that say the kind of site, not its name ("co.uk", "com.au").
_SECOND_LEVEL = {"ac", "co", "com", "edu", "gov", "net", "org"}


def _named_by_host(host: str, name: str) -> bool:
    """Whether `host` is a host name that is `name` written as a site: the host without its server
    labels (`site_of_url`) and top-level domain ("com", "co.uk"), lower-cased without dots and
    hyphens, is `name` lower-cased without spaces and punctuation, a leading "The" kept
    ("thehill.com" is "The Hill"; "guardian.ng" is not "The Guardian")."""
    text = host.strip()
    if not _HOST_NAME.fullmatch(text) or (site := site_of_url(text)) is None:
        return False
    labels = site.split(".")[:-1]
    if labels[-1] in _SECOND_LEVEL:
        labels.pop()
    key = _NOT_ALNUM.sub("", "".join(labels))  # ("co.uk" alone names no site: no key)
    return bool(key) and key == _NOT_ALNUM.sub("", name.casefold().replace("&", "and"))


@lru_cache(maxsize=4096)
def _folded(name: str) -> frozenset[str]:
    """A name lower-cased without spaces and punctuation ("&" read as "and"), with and without a
    leading "The" ("The Hill", "TheHill"); empty for a name of no letters or digits. Each name
    once: a site's names are compared pairwise (`alike`)."""
    text = _NOT_ALNUM.sub("", name.casefold().replace("&", "and"))
    article = _LEADING_THE.match(name.strip())
    return frozenset(key for key in (text, text.removeprefix("the") if article else text) if key)


def _site_name(given: Counter, from_pages: Counter) -> str | None:
    """The name a site's inferred outlets take: the user's one name, else the name most of its
    pages give (ties: longer, then alphabetical); None when the user gave two or more, or no page
    names the site."""
    if given:
        return next(iter(given)) if len(given) == 1 else None
    if not from_pages:
        return None
    return min(from_pages, key=lambda name: (-from_pages[name], -len(name), name))


def _two_names(site: str, names: Counter, places: dict) -> Problem:
    """The warning for a site whose articles the user named in two or more ways, some of them
    `alike`, at the first file giving its least used name."""
    ranked = sorted(names, key=lambda name: (-names[name], name))
    described = "; ".join(f"{name!r} ({_articles(names[name])}: "
                          f"{_listed([_place(*place) for place in places[site, name]])})" for name in ranked)
    return Problem(places[site, ranked[-1]][0][0], (
        f"the outlets {described} are given to articles of one site, {site}: if they are one outlet, "
        f"give them one name (in manifest.csv's outlet column, or the export's outlet column), so "
        "that charts and tables count them together; if they are different outlets, nothing to do"))


def _place(file: str, record) -> str:
    return file if record is None or pd.isna(record) else f"{file} row {int(record)}"


def _articles(n: int) -> str:
    return f"{n:,} article{'' if n == 1 else 's'}"


def _listed(names: list[str]) -> str:
    more = f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else ""
    return ", ".join(names[:MAX_LISTED]) + more


def merges_text(merges: list[dict]) -> str:
    """"nytimes.com → The New York Times (3), CRN Australia → CRN (2)": the renames of
    `name_outlets` ({"from", "to", "articles"} each), as the build summary lists them."""
    parts = [f"{merge['from']} → {merge['to']} ({merge['articles']:,})" for merge in merges]
    return _listed(parts)
