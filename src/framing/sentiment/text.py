"""What the scorers read of a text: typographic quotation marks folded to ASCII, and the tests
for a text worth scoring and for a word as VADER sees it."""
from __future__ import annotations

import re

HAS_WORD = re.compile(r"\w")
# A word as VADER sees it once it strips punctuation from the ends of a space-separated token.
VADER_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Typographic quotation marks and apostrophes, and the primes typed in their place, as the ASCII
# marks the scorers know. VADER strips only ASCII punctuation from the ends of a word and reads only
# "n't" as negation, so without this "“unrealistic", "disaster”" and "‘good’" are not looked up and
# "don’t like" is not negated. One character for one, so offsets in the text still hold.
QUOTE_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",  # ‘ ’ ‚ ‛ ′
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',  # “ ” „ ‟ ″
    "\u00ab": '"', "\u00bb": '"',  # « »
}
_QUOTE_TABLE = str.maketrans(QUOTE_FOLD)


def fold_quotes(text: str) -> str:
    """`text` with the typographic quotation marks and apostrophes of `QUOTE_FOLD` replaced by ASCII
    ones (same length): what the lexicon scorers read. The stored text is never changed.

    >>> fold_quotes("“Unrealistic,” they don’t say") == '"Unrealistic," they don' + "'t say"
    True
    """
    return text.translate(_QUOTE_TABLE)


def fold_all(texts: list[str]) -> list[str]:
    """`fold_quotes` of every text, by replacing each mark once in the texts joined: `str.translate`
    looks every character up, which costs more than scoring on a large corpus. Texts holding the
    separator are folded one by one."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != max(len(texts) - 1, 0):
        return [fold_quotes(text) for text in texts]
    for mark, ascii_mark in QUOTE_FOLD.items():
        joined = joined.replace(mark, ascii_mark)
    return joined.split("\x00") if texts else []
