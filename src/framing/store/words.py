"""Counted nouns and short lists, for the one-line messages framing prints."""
from __future__ import annotations


def counted(n: int, plural: str) -> str:
    """'1 figure', '2 figures', '1,200 sentences': the count and the noun it takes."""
    noun = plural[:-1] if int(n) == 1 and plural.endswith("s") else plural
    return f"{int(n):,} {noun}"


def short_list(names: list[str], shown: int = 8) -> str:
    """The names joined by commas: 'a, b, c', or past `shown` names the first ones and 'and 4 more'."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more
