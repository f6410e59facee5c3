"""Dates as written in files, manifests and exports, read to a day (YYYY-MM-DD): ISO days
directly, numeric days (3/4/2025) in the order the rest of the file makes clear (`DateOrder`), and
one problem per file naming the dates that could not be read."""
from __future__ import annotations

import dataclasses
import datetime
import functools
import re

from .articles import MAX_LISTED, Problem, RawArticle

# A date written with numbers only, day and month in either order: 12/02/2025, 18.10.2021, 2-3-25,
# perhaps with a time after it.
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[ T,]|\s*$).*)?", re.DOTALL)
DATE_FIX = "write dates as YYYY-MM-DD, e.g. 2025-02-12"


class DateOrder:
    """How one file (an export or the manifest) writes numeric dates: day first (18/10/2021) or
    month first (10/18/2021), as those of its dates that can be read only one way show. A date
    both ways could read (12/02/2025) follows the file; when nothing in the file tells, it is left
    empty, never guessed. `read` turns each `published` value into an ISO day."""

    def __init__(self):
        self.seen: set[str] = set()  # "day" and/or "month": which first, by the file's evidence

    def learn(self, value) -> None:
        match = _NUMERIC_DATE.fullmatch(str(value or ""))
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                self.seen.add("day")
            elif second > 12 >= first:
                self.seen.add("month")

    def read(self, value) -> tuple[str | None, str | None]:
        """(the day as YYYY-MM-DD, None); ("", None) for an empty value; or (None, why) for a date
        that cannot be read ("unreadable") or could be two days ("ambiguous"), see `DATE_PROBLEMS`."""
        text = str(value or "").strip()
        if not text:
            return "", None
        match = _NUMERIC_DATE.fullmatch(text)
        if match is None:
            day = read_date(text)
            return (day, None) if day else (None, "unreadable")
        first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
        year = int(year) if len(year) == 4 else (2000 if int(year) < 69 else 1900) + int(year)  # (as strptime's %y)
        if first > 12 or (second <= 12 and first != second and self.seen == {"day"}):
            day, month = first, second
        elif second > 12 or first == second or self.seen == {"month"}:
            day, month = second, first
        else:
            return None, "ambiguous"
        try:
            return datetime.date(year, month, day).isoformat(), None
        except ValueError:
            return None, "unreadable"


DATE_PROBLEMS = {"unreadable": "is not a date framing reads",
                 "ambiguous": "may be day-first or month-first, and the file's other dates do not settle which"}
DATES_PROBLEMS = {"unreadable": "are not dates framing reads",  # the same, of several values
                  "ambiguous": "may be day-first or month-first, and the file's other dates do not settle which"}
MAX_VALUES = 3  # values of a problem of several rows' dates shown


def date_note(value, why: str, where: str = "") -> str:
    """What an article's warnings say of a `published` value that was not read (`where`: which
    line of which file gave it, when that is not the article's own file)."""
    where = f" ({where})" if where else ""
    return f"published {str(value).strip()!r}{where} {DATE_PROBLEMS[why]}: left empty ({DATE_FIX})"


ISO_DAY = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")  # (a 31st of June: unreadable)


@functools.lru_cache(maxsize=4096)  # (a corpus repeats few dates: a day or two per event)
def read_date(text: str) -> str | None:
    """A date in any other form pandas reads ("Feb 12, 2025", "2025-02-12T09:30:00-05:00"), or with
    a time in a US zone named in letters ("Oct 18, 2021 2:30 PM ET", `US_ZONES`) → the day it is
    written in, as YYYY-MM-DD; None when unreadable. A time and zone never move the day: a stamp is
    read in its own zone (`"2019-11-19T23:30:00-05:00"` is 19 November, the day the outlet printed,
    as content analysis dates a story; one in UTC, "…Z", stays UTC), as dates printed on a page are
    (`clean.publication_date`) and as trafilatura's htmldate reads a saved page's stamps. Words
    without digits ("today", "now") are not dates: they would make the tables depend on the day of
    the build. A day written as ISO 8601 (2025-02-12), the usual form, is read without pandas, to
    what pandas gives it (a day that does not exist, 2025-02-30, is unreadable to both)."""
    import warnings

    import pandas as pd

    if ISO_DAY.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d", text):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas' notes on how it guessed the format
        stamp = _stamp(text)
        if stamp is None and _US_ZONE.search(text):  # "Oct 18, 2021 2:30 PM ET", as US news sites print the time
            written = _AT.sub(" ", _US_ZONE.sub(" ", text)).replace("p.m.", "PM").replace("a.m.", "AM")
            stamp = _stamp(written)
    return None if stamp is None else stamp.date().isoformat()


def _stamp(text: str):
    """The moment pandas reads in `text`, in the zone it is written in (none when it names none),
    or None when pandas reads none."""
    import pandas as pd

    try:
        stamp = pd.to_datetime(text, errors="coerce")
    except (ValueError, TypeError, OverflowError):  # (a zone pandas cannot build)
        return None
    return None if pd.isna(stamp) else stamp


# The time zones US news sites name by letters after a time ("2:30 PM ET", "10:02 AM EST"), which
# pandas does not read: the letters are passed over and the day read as written, as for any other
# date with a time and zone.
US_ZONES = frozenset(("ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT"))
_US_ZONE = re.compile(rf"\b({'|'.join(sorted(US_ZONES))})\b")  # in capitals, as printed ("et" is a word)
_AT = re.compile(r"\s+at\s+", re.IGNORECASE)  # "October 18, 2021 at 2:30 p.m."


def read_dates(articles: list[RawArticle], order: DateOrder
               ) -> tuple[list[RawArticle], dict[str, list[tuple[int, str]]]]:
    """The articles of one export with their `published` read as ISO days (see `DateOrder`, which
    first learns from all of them); a date not read is left empty and noted in the article's
    warnings. Also returns (record, value) of the rows whose date was not read, by reason."""
    for article in articles:
        order.learn(article.given.get("published"))
    read: list[RawArticle] = []
    unread: dict[str, list[tuple[int, str]]] = {}
    for article in articles:
        value = article.given.get("published")
        day, why = (value, None) if value is None else order.read(value)
        if day == value:
            read.append(article)
            continue
        given = {k: v for k, v in article.given.items() if k != "published"} | ({"published": day} if day else {})
        warnings = article.warnings + ((date_note(value, why),) if why else ())
        if why:
            unread.setdefault(why, []).append((article.record, value))
        read.append(dataclasses.replace(article, given=given, warnings=warnings))
    return read, unread


def dates_problems(name: str, unread: dict[str, list[tuple[int, str]]]) -> list[Problem]:
    """One problem per reason dates of an export were not read, naming its rows and a value."""
    problems = []
    for why, rows in unread.items():
        records = [record for record, _ in rows]
        more = f" and {len(records) - MAX_LISTED} more" if len(records) > MAX_LISTED else ""
        named = f"row {records[0]}" if len(records) == 1 else \
            f"rows {', '.join(map(str, records[:MAX_LISTED]))}{more}"
        values = [repr(value) for value in dict.fromkeys(value.strip() for _, value in rows)]
        if len(values) == 1:
            shown = f"{values[0]} {DATE_PROBLEMS[why]}"
        else:  # each form of date the rows use, up to a few: the user sees which to rewrite
            rest = f" and {len(values) - MAX_VALUES} more" if len(values) > MAX_VALUES else ""
            shown = f"{', '.join(values[:MAX_VALUES])}{rest} {DATES_PROBLEMS[why]}"
        problems.append(Problem(name, f"{named}: published {shown}: left empty ({DATE_FIX})"))
    return problems
