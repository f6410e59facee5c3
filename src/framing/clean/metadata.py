"""What labelled lines say about the article: title, author, date and outlet
(`infer_metadata`; the date from the header's stamps, `publication_date`), the tidying of titles
and authors however they were given (`clean_title`, `clean_author`, `author_from_byline`,
`parse_date`), and the date a web address files a story under, as a check (`url_date`,
`check_date_with_url`)."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..lexicons import load_data
from .text import KEPT_KINDS, Line, _BYLINE, _DATE, _MONTH, _TITLE_SITE, _function_word_set, normalise_line

_MONTHS = {name: number for number, names in enumerate(
    [("jan",), ("feb",), ("mar",), ("apr",), ("may",), ("jun",), ("jul",), ("aug",), ("sep",),
     ("oct",), ("nov",), ("dec",)], start=1) for name in names}
# "© Copyright Gannett 2018", "copyright Inexhibit 2019 - ISSN…": the marks may repeat and the year
# may follow the owner's name; neither is part of it. A full stop ends the name, but not a dot joining
# a name to the letters after it: a site that names itself by its address ("© 2019 NJ.com. All rights
# reserved") keeps its suffix, as "NJ" alone is not what it calls itself. Nor do the dots of an
# initialism end it ("© 2020 U.S. News & World Report": not "U").
_COPYRIGHT = re.compile(r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?)?\s*,?\s*"
                        r"(?P<name>(?:[^.|©]|\.(?=[^\W\d_]{2,})|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.(?=\s+[A-Z]))+?)"
                        r"\s*(?:\d{4}\s*)?(?:\.(?![^\W\d_]{2,})(?<!\b[A-Z]\.)(?<![A-Z]\.[A-Z]\.)|\.$|\||,|-|–"
                        r"|all rights reserved|$)", re.IGNORECASE)
_NOT_AN_OWNER = ("all rights", "designed by", "powered by", "built by", "hosted by")  # after "©": no outlet


def infer_metadata(lines: list[Line]) -> dict:
    """Title, subtitle, author, published (ISO date) and outlet as the page states them, read from
    the kept headline, deck, byline and date lines (and date stamps near the headline,
    `header_stamps`) and from removed copyright and page-title lines. A value the page does not
    state, or states in ways that disagree (`publication_date`), is None."""
    kept = {kind: [line.text.strip() for line in lines if line.kind == kind] for kind in KEPT_KINDS}
    signed = [line for line in kept["byline"] if clean_author(author_from_byline(line))]
    byline = signed[0] if signed else kept["byline"][0] if kept["byline"] else None  # above the body first
    writers = clean_author(author_from_byline(byline)) if byline else None
    outlet = _outlet(lines, kept["headline"][0] if kept["headline"] else None, writers,
                     byline_site(byline) if writers else None)
    return {
        "title": clean_title(kept["headline"][0], outlet=outlet) if kept["headline"] else None,
        "subtitle": kept["subtitle"][0] if kept["subtitle"] else None,
        "author": clean_author(author_from_byline(byline), outlet=outlet) if byline else None,
        "published": publication_date(header_stamps(lines), [line.text for line in lines]),
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
# The field is parted at ";", then ",", then "and" / "&"; the names kept are joined with "; " whatever
# parted them (`AUTHOR_SEPARATOR`): one form for every source, which a name never holds.
_AUTHOR_SPLITS = re.compile(r"\s*;\s*"), re.compile(r"\s*,\s+"), re.compile(r"\s+(?:and|&)\s+")
AUTHOR_SEPARATOR = "; "
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
    ("van", "de"), the first no article ("The Russian"), none a job or company word of `bylines` in
    furniture.toml ("IGN Staff", "AP Auto Writer", "wire services", "NJ Advance Media") or a web
    address ("Cleveland.com"), no function word when all are capitals ("CLICKING HERE"; "Will Smith"
    is a name), not a publisher of many outlets (`[publishers]`: "Condé Nast"), and not the outlet's
    name with more words ("India Post News Weekly"), not a news organisation or a place (actors.toml:
    "Reuters, Washington" is the wire and the dateline), not a role (a part ending in a role's noun
    that opens with no given name: "Nollywood Actress, Kate Henshaw"); a one-word part beside a
    full name is the story's source, not a writer ("VICTOR TANGERMANN, FUTURISM"). A part that runs on after a name with a middle
    initial keeps the name ("Trevor J. Mitchell Sioux Falls Argus Leader" → "Trevor J. Mitchell").
    The kept names are joined with "; " (`AUTHOR_SEPARATOR`) however the field joined them: "Eric Song,
    IGN Staff" → "Eric Song", "Jane Roe and John Doe" → "Jane Roe; John Doe"."""
    if not author or not author.strip():
        return None
    kept = [part for part in _names_in(author.strip(), 0, outlet).split(AUTHOR_SEPARATOR) if part]
    if any(len(part.split()) > 1 for part in kept):  # "VICTOR TANGERMANN, FUTURISM": the one word is the source
        kept = [part for part in kept if len(part.split()) > 1]
    return AUTHOR_SEPARATOR.join(kept) or None


def _names_in(text: str, level: int, outlet: str | None) -> str:
    if level < len(_AUTHOR_SPLITS):
        parts = [_names_in(part, level + 1, outlet) for part in _AUTHOR_SPLITS[level].split(text)]
        return AUTHOR_SEPARATOR.join(part for part in parts if part)
    name = _AUTHOR_END.split(text, maxsplit=1)[0].strip(" ,;:-–—|")
    words = name.split()
    while words and words[-1].lower().strip(".,") in _DAY_AND_MONTH_NAMES:
        words.pop()
    if not _reads_as_name(words, outlet) and len(words) > 3 and _INITIAL.fullmatch(words[1]):
        words = words[:3]  # "Trevor J. Mitchell Sioux Falls Argus Leader": a name's middle initial ends it a word later
    return " ".join(words) if _reads_as_name(words, outlet) else ""


_INITIAL = re.compile(r"[A-Z]\.")


def _reads_as_name(words: list[str], outlet: str | None) -> bool:
    if not 1 <= len(words) <= 5 or _WEB_ADDRESS.search(" ".join(words)):
        return False
    if words[0].lower() in _ARTICLES:
        return False  # "The Russian", "The Water Coolest": no person's name opens with an article
    if _publisher(" ".join(words)):
        return False  # "Condé Nast; Molly Wood": the publisher, beside its writer
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
    folded = " ".join(words).casefold().strip(".,")
    if folded in _outlets_and_places():
        return False  # "Reuters, Washington": the agency and the dateline's city name no author
    if words[-1].lower().strip(".,’'") in _role_words() and words[0] not in _given_names():
        return False  # "Nollywood Actress, Kate Henshaw": the role written before the name
    return True


@lru_cache(maxsize=1)
def _outlets_and_places() -> frozenset[str]:
    """News organisations and places (`[organisations]` and `[places]` of actors.toml), lower-cased:
    a byline's agency ("Reuters") and dateline ("Washington") are never its author."""
    actors = load_data("actors")
    names = list(actors["organisations"]["names"])
    names += [name for values in actors["places"].values() if isinstance(values, list) for name in values]
    return frozenset(name.casefold().strip(".,") for name in names)


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Nouns for what a person does (`person_roles` of actors.toml, one word, and `role_words` of
    the `[bylines]` of furniture.toml), lower-cased: one ending a part of a byline that opens with
    no given name makes it a role ("Nollywood Actress"), not a name."""
    roles = [role for role in load_data("actors")["evidence"]["person_roles"] if " " not in role]
    roles += load_data("furniture")["bylines"].get("role_words", "").split()
    return frozenset(role.lower() for role in roles)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(load_data("given_names")["names"])


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


# A date in numbers, as US sites print a byline's ("By Tess Bonn - 11/19/19 06:56 AM EST"): month
# and day in either order, a year of four digits or two.
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d|\d\d)(?![\d/])")


def parse_date(text: str) -> str | None:
    """The first unambiguous date in `text` as ISO "YYYY-MM-DD" (month names or ISO form), else the
    first numeric one that reads as a date one way only (`numeric_date`), else None."""
    return _named_date(text) or next(filter(None, map(numeric_date, _NUMERIC_DATE.finditer(text or ""))), None)


# The word a page writes before a date to say what the date is: when the article was published
# ("Published", "Posted", "First published on") or when it was last changed ("Updated", "Last
# modified"). "Published: … | Updated: …" gives each date its own word.
_STAMP_WORD = re.compile(r"\b(?P<word>published|posted|created|updated|modified|revised|edited)\b", re.IGNORECASE)
_CHANGED = frozenset(("updated", "modified", "revised", "edited"))
# A line that opens by saying when the article first appeared, wherever it stands on the page
# (CBS News and Moneycontrol print "First published on November 20, 2019 / 1:07 AM" below the body).
_FIRST_PUBLISHED = re.compile(r"^\W*(?:first|originally)\s+published\b", re.IGNORECASE)
MAX_FIRST_PUBLISHED_WORDS = 12  # a stamp, not a sentence ("…was first published in 1998 by…")


def publication_date(stamps: list[str], page: list[str] = ()) -> str | None:
    """The day an article was published, from the lines of its header that carry dates (`stamps`:
    its date and byline lines) and the lines of the whole `page`, or None when they do not settle it.

    Each date of a stamp counts as what the word before it says (`_STAMP_WORD`): a publication
    ("Published Nov 18, 2019", "Posted: …"), a change ("Updated Nov 13, 2019": the day it was last
    changed, not published), or, with no such word, either. The first of these that the page gives
    decides: dates said to be published; else a short line anywhere saying when it was first or
    originally published (`_FIRST_PUBLISHED`); else the dates said to be neither. Dates that only
    say when the article changed give none: the article was published on or before that day, and
    which day the page does not say (Vox's "Updated Nov 13, 2019" on a story of Nov 8). Dates of
    one kind more than a day apart are two stories' (a related story's date line taken into the
    header) or a guess: none then; within a day (a time zone, a stamp before midnight) the earlier."""
    said: dict[str, list[str]] = {"published": [], "changed": [], "either": []}
    for text in stamps:
        for word, day in _labelled_dates(text):
            said["changed" if word in _CHANGED else "published" if word else "either"].append(day)
    first = [day for text in page if _FIRST_PUBLISHED.match(text.strip())
             and len(text.split()) <= MAX_FIRST_PUBLISHED_WORDS for _, day in _labelled_dates(text)][:1]
    for days in (said["published"], first, said["either"]):
        if days:
            return _one_day(days)
    return None


STAMP_LINES_ABOVE = 4  # lines above the headline where its date stamp may stand ("PUBLISHED: …" over it)
MAX_STAMP_OTHER_WORDS = 3  # words of a stamp line that say neither when nor what ("2 min read", "Jane Roe")
_STAMP_FILLER = re.compile(r"\b(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|"
                           r"sat(?:ur)?|sun)(?:day)?|[ECMP][SD]?T|GMT|UTC|IST|BST|CET|first|originally|last|on|at)\b\.?",
                           re.IGNORECASE)


def header_stamps(lines: list[Line]) -> list[str]:
    """The lines of a page's header that may say when the article was published, in page order:
    above the body's first line, the kept date and byline lines, and any other line near the
    headline (from `STAMP_LINES_ABOVE` lines above it) that is a date stamp (`reads_as_stamp`: a
    deck "Nov 18, 2019 at 9:24 pm ET • 2 min read", a line dropped above the headline "PUBLISHED:
    November 19, 2019 at 8:59 pm | UPDATED: …"). A date line inside the body is a source's or an
    embedded post's ("Source: Russian Defense Ministry, October 25, 2019"); a page with no such
    header gives its kept date and byline lines wherever they stand (a closing byline)."""
    body = next((i for i, line in enumerate(lines) if line.kind == "body"), len(lines))
    head = min(next((i for i, line in enumerate(lines) if line.kind == "headline"), body), body)
    header = [line.text for i, line in enumerate(lines[:body])
              if line.kind in ("date", "byline") or i >= head - STAMP_LINES_ABOVE and reads_as_stamp(line.text)]
    return header or [line.text for line in lines if line.kind in ("date", "byline")]


def reads_as_stamp(text: str) -> bool:
    """Whether a line is a date stamp: it holds a date, and besides its dates, times, weekdays,
    time zones and stamp words ("Published", "Updated", "Last modified on") at most
    `MAX_STAMP_OTHER_WORDS` words ("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019
    18.56 GMT"; not "Source: Russian Defense Ministry, October 25, 2019")."""
    dates = _dates_at(text)
    if not dates:
        return False
    rest = "".join(text[end:start] for (_, end, _), (start, _, _) in zip([(0, 0, "")] + dates, dates + [(len(text), 0, "")]))
    rest = _STAMP_FILLER.sub(" ", _STAMP_WORD.sub(" ", rest))
    return len(_WORD.findall(rest)) <= MAX_STAMP_OTHER_WORDS


def _labelled_dates(text: str) -> list[tuple[str | None, str]]:
    """(stamp word in lower case or None, ISO day) of each date in `text`, in order: the word is the
    last `_STAMP_WORD` between the previous date (or the line's start) and this one."""
    found = []
    start = 0
    for begin, end, day in _dates_at(text):
        words = _STAMP_WORD.findall(text[start:begin])
        found.append((words[-1].lower() if words else None, day))
        start = end
    return found


def _dates_at(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO day) of the dates `parse_date` reads in `text`: month names or ISO form,
    and numeric dates that read one way only, in the order they stand."""
    named = [(match.start(), match.end(), day) for match in _DATE.finditer(text or "")
             if (day := _date_of(match))]
    numeric = [(match.start(), match.end(), day) for match in _NUMERIC_DATE.finditer(text or "")
               if (day := numeric_date(match)) and not any(s <= match.start() < e for s, e, _ in named)]
    return sorted(date for date in named + numeric if _day(date[2]))  # (not a 30th of February)


def _day(iso: str | None) -> datetime.date | None:
    """An ISO day as a date, None when no calendar has it ("2019-02-30")."""
    try:
        return datetime.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _one_day(days: list[str]) -> str | None:
    """The earliest of `days` when they lie within a day of each other, else None."""
    first, last = min(days), max(days)
    return first if (_day(last) - _day(first)).days <= 1 else None


def numeric_date(match: re.Match) -> str | None:
    """A numeric date ("11/19/19", "19/11/2019") as ISO when it is a date read month first or day
    first but not both ways ("05/06/19" is May 6 or June 5: None). A year of two digits is 1969-2068,
    as POSIX strptime's %y reads it."""
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    year = year if year >= 100 else 2000 + year if year < 69 else 1900 + year
    readings = {(month, day) for month, day in ((first, second), (second, first)) if 1 <= month <= 12 and 1 <= day <= 31}
    if len(readings) != 1:
        return None
    (month, day), = readings
    return f"{year:04d}-{month:02d}-{day:02d}"


def _named_date(text: str) -> str | None:
    """The first date with its month named or in ISO form in `text` as "YYYY-MM-DD", else None."""
    return next(filter(None, map(_date_of, _DATE.finditer(text or ""))), None)


def _date_of(match: re.Match) -> str | None:
    """A `_DATE` match with its month named or in ISO form as "YYYY-MM-DD"; None for a numeric one
    (`numeric_date` reads those) or a day no month has."""
    if match.group("y3"):
        year, month, day = int(match.group("y3")), int(match.group("m3")), int(match.group("d3"))
    elif match.group("y1") or match.group("y2"):
        month_word = re.search(_MONTH, match.group(0), re.IGNORECASE).group(0)
        month = _MONTHS[month_word[:3].lower()]
        day = int(match.group("d1") or match.group("d2"))
        year = int(match.group("y1") or match.group("y2"))
    else:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _outlet(lines: list[Line], headline: str | None, writers: str | None = None,
            signed: str | None = None) -> str | None:
    """The outlet as the page names itself to its readers: the site of a page title "Headline |
    Site" near the top whose title is the article's (`_title_site`), else the site the byline signs
    with (`signed`: "By Andy Sahadeo | Fox News", see `byline_site`), else the holder of a copyright
    notice whose name the page also writes outside its notices (`_copyright_owner`). A holder the
    page names nowhere else is a company behind the site ("Gannett" of USA Today, "Vox Media" of The
    Verge, "CBS Interactive" of CBS News and ZDNet), not the name readers know: no outlet then. Nor
    is a holder who is one of the article's `writers` (the byline's names): a blog's "© Regan" under
    "by Regan" names its writer, not a site."""
    owner = _copyright_owner(lines)
    if owner and writers and _site_key(owner) in {_site_key(name) for name in re.split(r"; |, | and ", writers)}:
        owner = None
    return _title_site(lines, headline) or signed or owner


_BYLINE_BAR = re.compile(r"\s+[|•·]\s+")
_STAMP_WORDS = frozenset("published updated posted modified ago am pm et est edt gmt utc".split())


def byline_site(byline: str | None) -> str | None:
    """The site a byline signs with after a bar: "By Andy Sahadeo | Fox News" → "Fox News" (the way
    many sites print their byline). The part after the one bar must read as a name, one to five
    capitalised words ("of", "the", "and" between them), with no digit, no time or stamp word
    ("Updated 5:02 PM"), no job word ("Staff Writer", `[bylines]` of furniture.toml), no day or
    month and no publisher of many outlets; else None."""
    if not byline:
        return None
    parts = _BYLINE_BAR.split(byline.strip())
    if len(parts) != 2 or not _BYLINE_OPENS.search(parts[0]):
        return None
    site = parts[1].strip(" .,;:")
    words = site.split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper() or re.search(r"\d", site) or _publisher(site):
        return None
    for word in words:
        lower = word.lower().strip(".,’'")
        if lower in _STAMP_WORDS or lower in _job_words() or lower in _DAY_AND_MONTH_NAMES:
            return None
        if not word[:1].isupper() and lower not in ("of", "the", "and", "&"):
            return None
    return site


_BYLINE_OPENS = re.compile(r"^[^\w]*by\s+\S", re.IGNORECASE)  # after any bullet or quote mark


def _title_site(lines: list[Line], headline: str | None) -> str | None:
    if headline:
        for line in lines[:5]:
            match = _TITLE_SITE.match(line.text.strip())
            if match and _same_story(match.group("title"), headline) and _reads_as_site(match.group("site")):
                return match.group("site").strip()
    return None


# Words that join the words of a name ("Inside of the Beltway", "Le Monde de l'Éducation").
_NAME_JOINERS = frozenset("of the and & on for in at de du des la le el di da del van von".split())
# Conjunctions: a part after a dash that opens with one goes on with the headline ("… — and so far
# he's losing", "… — But There Are Few Details"), as no site's name opens with one.
_CONJUNCTIONS = frozenset("and but or nor so yet for".split())


def _reads_as_site(part: str) -> bool:
    """Whether the part after a page title's bar or dash reads as a site's name ("The Hill", "CNN",
    "nytimes.com"): a host, or words that each open with a capital or a digit, bar words that join
    a name's ("of", "the"), and no conjunction first. The part of a headline that goes on after a
    dash ("— for now", "— at the earliest", "- Scottish study") does not."""
    words = part.strip().split()
    if len(words) == 1 and "." in words[0].strip("."):
        return True  # a host: "nytimes.com"
    if not words or words[0].lower() in _CONJUNCTIONS or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or word.lower() in _NAME_JOINERS for word in words)


def _same_story(title: str, headline: str) -> bool:
    """Whether a page title names the article under `headline`: the same words, or one holding the
    other ("Opinion | Republicans Are Following Trump to Nowhere"; "Share All sharing options for:
    Star Trek 4 eyes Fargo…"), or most words of the shorter in the longer (a title the site wrote
    apart from the headline: "…rescue of 8-year-old kidnapping victim in Fort Worth hotel")."""
    title, headline = normalise_line(title), normalise_line(headline)
    if title == headline or len(title.split()) >= 3 and (title in headline or headline in title):
        return True
    words = [set(_WORD.findall(text)) for text in (title, headline)]
    shorter = min(words, key=len)
    return len(shorter) >= 4 and len(words[0] & words[1]) >= 0.6 * len(shorter)


_WORD = re.compile(r"\w+")
_LEGAL_FORM = re.compile(r"(?:[\s,]+(?:inc|llc|ltd|pvt|pty|plc|corp|co|limited|private|gmbh|l\.?p|l\.?l\.?c)\b\.?)+$",
                         re.IGNORECASE)


def _copyright_owner(lines: list[Line]) -> str | None:
    """The holder of the page's copyright notices whom the page also names outside them and who is
    not a publisher of many outlets (`_publisher`), without the legal form ("CNBC LLC" → "CNBC"), or
    the site the page says is part of the holder (`_part_of`). A holder written as a web address
    ("© 2019 NJ.com") keeps its suffix where the page also names itself so, else is named without
    it where the page writes that ("MacRumors.com" on a page saying "MacRumors"). Notices with a year or "all rights
    reserved" are read, and bare marks only when there are none (a photo's "© Reuters"); a line
    holding the word "copyright" with neither "©" nor a year is a link ("Copyright Policy")."""
    notices = [line for line in lines if line.kind is None and line.rule in ("copyright", "site_repeat")]
    others = [line.text for line in lines if line.kind is not None or line.rule not in ("copyright", "site_repeat")]
    owners = []
    for line in notices:
        match = _COPYRIGHT.search(line.text)
        if not match or not match.group("name").strip():
            continue
        if "©" not in match.group(0) and not re.search(r"\d{4}", match.group(0)):
            continue  # "Copyright Policy": a link
        name = _LEGAL_FORM.sub("", match.group("name").strip(" .,-–")).strip(" .,-–")
        if 1 <= len(name.split()) <= 6 and not name.lower().startswith(_NOT_AN_OWNER) and _site_key(name):
            owners.append((bool(_NOTICE.search(line.text)), name))
    if any(notice for notice, _ in owners):
        owners = [owner for owner in owners if owner[0]]  # then a bare "© Reuters" credits a photo
    for _, name in owners:
        site = _part_of(name, others)
        if site != name:
            return site  # "Live Science is part of Future US Inc"
        if _publisher(name):
            continue
        if _written_in(name, others):
            return name  # "NJ.com", when the page calls itself so ("Subscribe to NJ.com's newsletters")
        bare = _ADDRESS_SUFFIX.sub("", name)
        if bare != name and _written_in(bare, others):
            return bare  # "© 2000- MacRumors.com, LLC" on a page that says "MacRumors" only
        short = _short_form(name, others)
        if short:
            return short
    return None


# The suffix of a name written as a web address: ".com" of "NJ.com", ".co.uk" of "Example.co.uk".
_ADDRESS_SUFFIX = re.compile(r"(?<=\w)(?:\.[^\W\d_]{2,})+$")


def _short_form(holder: str, texts: list[str]) -> str | None:
    """The name readers use for a copyright holder that the page writes only in its notices: the
    initials of a holder of three or more capitalised words, when the page writes them as a word in
    capitals ("© 2024 Cable News Network" on a page saying "CNN" → "CNN"). A holder less its company
    words ("FOX News Network", "Breaking Media") is no such name: those companies own several sites
    (Fox Business, Dealbreaker), whose pages link to the others by name."""
    capitals = [word for word in holder.split() if word[:1].isupper()]
    initials = "".join(word[0] for word in capitals)
    if len(capitals) == len(holder.split()) >= 3 and any(re.search(rf"\b{initials}\b", text) for text in texts):
        return initials
    return None


def _publisher(name: str) -> bool:
    """Whether `name` is a company that publishes many outlets under their own names (`[publishers]`
    of furniture.toml: "Gannett", "CBS Interactive", "Hearst Communications"), not an outlet."""
    key = _site_key(name)
    return any(key.startswith(company) for company in _publishers())


@lru_cache(maxsize=1)
def _publishers() -> tuple[str, ...]:
    names = load_data("furniture").get("publishers", {}).get("names", "")  # a user's older copy may have none
    return tuple(key for key in map(_site_key, names.split(";")) if key)


def _part_of(holder: str, texts: list[str]) -> str | None:
    """The site a copyright holder owns when the page says so ("Live Science is part of Future US
    Inc", "Capitol Hill Publishing Corp., a subsidiary of News Communications"), if the page names
    that site apart from the saying; None when it names none; else (no such saying) the holder."""
    said = re.compile(r"(?P<site>(?-i:[A-Z])[\w.&'’]*(?:\s+(?-i:[A-Z])[\w.&'’]*){0,5}?)(?:,?\s+is\s+(?:a\s+)?part\s+of|,?\s+a\s+"
                      r"(?:division|subsidiary|unit|part)\s+of)\s+(?:the\s+)?" + _spelled(holder), re.IGNORECASE)
    for text in texts:
        match = said.search(text)
        if match:
            site = _LEGAL_FORM.sub("", match.group("site")).strip(" .,")
            return site if _written_in(site, [other for other in texts if not said.search(other)]) else None
    return holder


_NOTICE = re.compile(r"\d{4}|all rights reserved", re.IGNORECASE)


def _written_in(name: str, texts: list[str]) -> bool:
    """Whether `name` is written in one of `texts` as a word, spaced or not, in any case, maybe as a
    web address: "ScienceAlert" in "Science Alert", "NJ.com" in "nj.com"; not "CBS" in "CBSSports"."""
    pattern = re.compile(r"(?<![^\W_])" + _spelled(name) + r"(?![^\W_])", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def _spelled(name: str) -> str:
    """A pattern for `name` spaced or not, in any punctuation: "Science Alert", "ScienceAlert"."""
    return r"[\W_]*".join(map(re.escape, _site_key(name)))


# A date written as folders of a web address's path, as news sites file their stories:
# "/2019/11/8/", "/2019/nov/18/", "/story/2019-11-19/". A date inside a folder's name
# ("…-testimony-2019-11-19/", a hearing's day) is the story's subject, not when it was filed.
_URL_DATE = re.compile(rf"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{{1,2}}|{_MONTH})/(?P<d>\d{{1,2}})(?=/|$)"
                       r"|/(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)(?=/|$)", re.IGNORECASE)


def url_date(url: str | None) -> str | None:
    """The date a web address files its story under, as "YYYY-MM-DD", or None: year, month and day
    as folders of its path (`_URL_DATE`); a year and month alone ("/2019/11/slug") name no day."""
    path = urlsplit(url or "").path
    match = _URL_DATE.search(path)
    if not match:
        return None
    year, month, day = match.group("y", "m", "d") if match.group("y") else match.group("y2", "m2", "d2")
    month = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
    try:
        return datetime.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def check_date_with_url(published: str | None, url: str | None) -> str | None:
    """The publication date read from a page, or None when the date its web address files it under
    (`url_date`) is more than a day from it: one of the two is not the day the story was published
    (the page's is a related story's or an update's, or the story was filed again), and nothing says
    which. Within a day they agree (a time zone); with no date in the address the page's stands."""
    filed, read = _day(url_date(url)), _day(published)
    if not read or not filed:
        return published
    return published if abs((read - filed).days) <= 1 else None
