"""What labelled lines say about the article: title, author, date and outlet
(`infer_metadata`), and the tidying of titles and authors however they were given (`clean_title`,
`clean_author`, `author_from_byline`, `parse_date`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load_data
from .text import KEPT_KINDS, Line, _BYLINE, _DATE, _MONTH, _TITLE_SITE, _function_word_set, normalise_line

_MONTHS = {name: number for number, names in enumerate(
    [("jan",), ("feb",), ("mar",), ("apr",), ("may",), ("jun",), ("jul",), ("aug",), ("sep",),
     ("oct",), ("nov",), ("dec",)], start=1) for name in names}
# "© Copyright Gannett 2018", "copyright Inexhibit 2019 - ISSN…": the marks may repeat and the year
# may follow the owner's name; neither is part of it.
_COPYRIGHT = re.compile(r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?)?\s*,?\s*"
                        r"(?P<name>[^.|©]+?)\s*(?:\d{4}\s*)?(?:\.|\||,|-|–|all rights reserved|$)", re.IGNORECASE)
_NOT_AN_OWNER = ("all rights", "designed by", "powered by", "built by", "hosted by")  # after "©": no outlet


def infer_metadata(lines: list[Line]) -> dict:
    """Title, subtitle, author, published (ISO date) and outlet as the page states them, read from
    the kept headline, deck, byline and date lines and from removed copyright and page-title lines.
    A value the page does not state is None."""
    kept = {kind: [line.text.strip() for line in lines if line.kind == kind] for kind in KEPT_KINDS}
    byline = kept["byline"][0] if kept["byline"] else None
    dates = kept["date"] + kept["byline"]
    outlet = _outlet(lines, kept["headline"][0] if kept["headline"] else None)
    return {
        "title": clean_title(kept["headline"][0], outlet=outlet) if kept["headline"] else None,
        "subtitle": kept["subtitle"][0] if kept["subtitle"] else None,
        "author": clean_author(author_from_byline(byline), outlet=outlet) if byline else None,
        "published": next((d for d in map(parse_date, dates) if d), None),
        "outlet": outlet,
    }


def author_from_byline(byline: str) -> str | None:
    """The name in a byline: "By Jane Roe, Reuters" → "Jane Roe, Reuters"; "WebAdmin by WebAdmin"
    → "WebAdmin". Dates and times after the name are left out."""
    parts = _BYLINE.split(byline)
    name = parts[-1] if len(parts) > 1 else byline
    name = _DATE.split(name)[0]
    name = re.split(r"\s+(?:[|•·]|updated|published|posted)\b|\s+[|•·]\s+", name, flags=re.IGNORECASE)[0]
    name = name.strip(" ,;:-–—|")
    return name or None


# Where an author field stops naming people: a dash or bar between spaces ("Tess Bonn - 11/19/19"), a
# verb ("Phil Helsel is a reporter"), a stamp word ("Published"), a word holding a digit (a date, a time).
_AUTHOR_END = re.compile(r"\s+[-–—|•·]\s+|\s+(?:is|was|has|covers|writes|reports)\s|\b(?:published|updated|posted)\b"
                         r"|\s+(?:on|at)\s+\S*\d|\S*\d", re.IGNORECASE)
_AUTHOR_JOINS = (re.compile(r"\s*;\s*"), "; "), (re.compile(r"\s*,\s+"), ", "), (re.compile(r"\s+(?:and|&)\s+"), " and ")
_NAME_PARTICLES = frozenset("de da di du del della der den van von bin ibn al el la le dos y".split())
_DAY_AND_MONTH_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                                 "april may june july august september october november december".split())
_ARTICLES = frozenset(("the", "a", "an"))
_WEB_ADDRESS = re.compile(r"\w\.(?:com|org|net|co|uk|info|news)\b|\bwww\b|https?:", re.IGNORECASE)


def clean_author(author: str | None, *, outlet: str | None = None) -> str | None:
    """The persons named by an author field read from a page (a byline, trafilatura's metadata), or
    None. The field is parted at ";", "," and "and"; each part is cut where it stops naming a person
    (`_AUTHOR_END`: "Tess Bonn - 11/19/19 06:56 AM EST", "Phil Helsel is a reporter", "Kashmira Gander
    On 11/13/19"), loses day and month names after the name ("Malcolm Owen Monday") and is kept only
    when what is left reads as a name: one to five words, each capitalised or a particle of surnames
    ("van", "de"), the first no article ("The Russian"), none a job word of `bylines` in
    furniture.toml ("IGN Staff", "AP Auto Writer", "wire services") or a web address
    ("Cleveland.com"), no function word when all are capitals ("CLICKING HERE"; "Will Smith" is a
    name), and not the outlet's name with more words ("India Post News Weekly"). The kept
    parts are joined as they were parted: "Eric Song, IGN Staff" → "Eric Song"."""
    if not author or not author.strip():
        return None
    kept = _names_in(author.strip(), 0, outlet)
    return kept or None


def _names_in(text: str, level: int, outlet: str | None) -> str:
    if level < len(_AUTHOR_JOINS):
        split, join = _AUTHOR_JOINS[level]
        parts = [_names_in(part, level + 1, outlet) for part in split.split(text)]
        return join.join(part for part in parts if part)
    name = _AUTHOR_END.split(text, maxsplit=1)[0].strip(" ,;:-–—|")
    words = name.split()
    while words and words[-1].lower().strip(".,") in _DAY_AND_MONTH_NAMES:
        words.pop()
    return " ".join(words) if _reads_as_name(words, outlet) else ""


def _reads_as_name(words: list[str], outlet: str | None) -> bool:
    if not 1 <= len(words) <= 5 or _WEB_ADDRESS.search(" ".join(words)):
        return False
    if words[0].lower() in _ARTICLES:
        return False  # "The Russian", "The Water Coolest": no person's name opens with an article
    capitals = all(word.isupper() for word in words)
    stopwords, jobs = _function_word_set(), _job_words()
    for word in words:
        lower = word.lower().strip(".,’'")
        if lower in _NAME_PARTICLES:
            continue
        if not word[0].isupper() or lower in jobs or capitals and lower in stopwords:
            return False  # "wire services", "IGN Staff", "CLICKING HERE" (not "Will Smith", "Do Kwon")
    if outlet:
        site, name = _site_key(outlet), _site_key(" ".join(words))
        if len(site) >= 4 and name.startswith(site) and name != site:
            return False  # "India Post News Weekly", "News Nation Bureau": the outlet's desk
    return True


@lru_cache(maxsize=1)
def _job_words() -> frozenset[str]:
    return frozenset(load_data("furniture")["bylines"]["job_words"].split())


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*[|:]\s+")


def clean_title(title: str | None, *, outlet: str | None = None) -> str | None:
    """A page's title without the site's name that pages add to it: "Headline | Site", "Headline -
    Site", "Site | Headline", "Site: Headline", where the site's part is the outlet's name as the page
    names it (its site name, the page title's site or its copyright line; alike when one of the two,
    lower-cased and without spaces and punctuation, begins with the other: "Inexhibit" of "Inexhibit
    magazine"). Without an outlet, or
    when the rest would be empty, the title is kept as it is: a part after a dash may be the
    headline's own ("Brexit - what happens next")."""
    if not title or not outlet:
        return title
    site = _site_key(outlet)
    if len(site) < 3:
        return title
    text = title.strip()
    for _ in range(2):
        parts = list(_TITLE_PARTS.finditer(text))
        if parts and _same_site(text[parts[-1].end():], site) and text[:parts[-1].start()].strip():
            text = text[:parts[-1].start()].strip()  # "Headline | Site"
        elif _starts_with_site(text, site):
            rest = _SITE_OPENING.sub("", text[_site_length(text, site):], count=1).strip()
            text = rest or text  # "Site | Headline", "Site: Headline"
        else:
            break
    return text


_SITE_OPENING = re.compile(r"^\s*[|:–—-]\s*")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def _site_key(text: str) -> str:
    """A site's name as compared: lower case, letters and digits only ("Inexhibit magazine" → "inexhibitmagazine")."""
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


def _same_site(part: str, site: str) -> bool:
    name = _site_key(part)
    return name == site or len(name) >= 4 and (name.startswith(site) or site.startswith(name) and 2 * len(name) >= len(site))


def _starts_with_site(text: str, site: str) -> bool:
    length = _site_length(text, site)
    return length > 0 and bool(_SITE_OPENING.match(text[length:]))


def _site_length(text: str, site: str) -> int:
    """How many characters of `text` spell `site` (normalised), 0 when it does not open with it."""
    seen = ""
    for index, char in enumerate(text):
        seen = _site_key(text[:index + 1])
        if seen == site:
            return index + 1
        if not site.startswith(seen):
            return 0
    return 0


def parse_date(text: str) -> str | None:
    """The first unambiguous date in `text` as ISO "YYYY-MM-DD" (month names or ISO form; not
    numeric day/month forms, which are ambiguous), else None."""
    match = _DATE.search(text or "")
    while match:
        if match.group("y3"):
            year, month, day = int(match.group("y3")), int(match.group("m3")), int(match.group("d3"))
        elif match.group("y1") or match.group("y2"):
            month_word = re.search(_MONTH, match.group(0), re.IGNORECASE).group(0)
            month = _MONTHS[month_word[:3].lower()]
            day = int(match.group("d1") or match.group("d2"))
            year = int(match.group("y1") or match.group("y2"))
        else:
            match = _DATE.search(text, match.end())
            continue
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        match = _DATE.search(text, match.end())
    return None


def _outlet(lines: list[Line], headline: str | None) -> str | None:
    """The outlet named by a page title of the form "Headline | Site" (the name the site shows its
    readers), else by a copyright line (often the owner: "Vox Media" for The Verge)."""
    return _title_site(lines, headline) or _copyright_owner(lines)


def _title_site(lines: list[Line], headline: str | None) -> str | None:
    if headline:
        target = normalise_line(headline)
        for line in lines[:5]:
            match = _TITLE_SITE.match(line.text.strip())
            if match and normalise_line(match.group("title")) == target:
                return match.group("site").strip()
    return None


def _copyright_owner(lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind is None and line.rule in ("copyright", "site_repeat"):
            match = _COPYRIGHT.search(line.text)
            if match and match.group("name").strip():
                name = match.group("name").strip(" .,-–")
                if 1 <= len(name.split()) <= 6 and not name.lower().startswith(_NOT_AN_OWNER):
                    return name
    return None
