"""Clean a news page: label every raw line as part of the article (and as which kind) or as page
furniture (and by which rule).

Plain-text dumps of web pages hold the article somewhere among menus, share buttons, related-story
lists, login prompts and footers. The method, line by line:

1. Blocks. Consecutive lines of a hard-wrapped paragraph are joined into one block (a line that
   stops mid-sentence continues on the next).
2. Evidence per block: words, sentence-final punctuation, the share of function words (text reads
   as prose when a good share of its words are function words; Pomikálek 2011), bullets, and the
   furniture phrases of `data/furniture.toml` (share, login, copyright, comments, related…), written
   as general statements about pages, not strings of one site. Evidence for all one-line blocks of
   a page is computed at once (`_PageLines`); `_evidence` does one block and is the reference.
   Prose written twice on one page is a ticker or teaser list, not the article (`page_repeat`),
   unless one copy sits inside the article's prose (a pull quote: that copy is kept).
3. The body is the one contiguous run of blocks with the most prose in it: prose blocks count their
   words, a line ending like a sentence counts nothing, other blocks count against, and the run
   with the largest sum wins, the longer one from the same start at an equal sum (the maximum-subarray
   idea of Finn, Kushmerick & Smyth 2001, "body text extraction").
4. Above the body, the headline (the longest title-like line close above it; its repeats are
   dropped), then the deck, byline and date between the headline and the body. Inside the body,
   prose is `body`, bulleted prose is `list_item`, title-like lines followed by prose are
   `subheading`, a short line between two prose blocks is `body` (an attribution, a one-line
   paragraph), and so is a short line ending like a sentence or leading in to what follows with a
   colon (`sentence_in_body`), an embedded social-media post (the post's text: `embedded_post`;
   its credit "— Jane Roe (@jroe) May 4, 2019" is kept as `post_credit`, a meta kind like a byline:
   `post_attribution`) and a short line naming a price (an item of a list
   of deals: `price_in_body`); furniture phrases are dropped. A block glued to the credit line
   below it (no blank line between, on a page whose paragraphs are parted by blank lines) is the
   picture's caption (`caption_above_credit`). Everything else is dropped with the rule that says
   why, so `framing explain FILE` can show it.

Lines repeated across several pages of one site (menus, footers) are learnt by `repeated_lines` and
dropped wherever they appear (rule `site_repeat`), unless they hold most of a page's prose: then
they are the article itself (two versions of one story), not furniture, and are kept.

Saved web pages (`label_html`) go through trafilatura, or through the page-dump rules on the page's
text when trafilatura keeps much less than they do (part of the article lost).

Text that is already clean article text (the `text` of a CSV / JSON-lines export) goes through
`label_clean_text` instead: every line is kept but for exact repeats, and the export's title becomes
the headline.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate

import numpy as np

from .lexicons import load_data

KEPT_KINDS = ("headline", "subtitle", "byline", "date", "post_credit", "subheading", "body", "list_item")

_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*+»›>]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$|[\"”’][.!?]$")
_OPEN_END = re.compile(r"(?:[,;–—-]|\b(?:the|a|an|of|to|and|or|in|on|for|with|at|by|from|that|as|but))$",
                       re.IGNORECASE)
_BYLINE = re.compile(r"(?:^|\s)by\s+(?=[A-Z@])", re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)(?!\d)"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b", re.IGNORECASE)
# A line saying when the article was published or changed, with no year ("Updated Nov 19, 9:41 AM;
# Posted Nov 18, 8:19 PM", "Published 3:05 p.m. ET"): a date line of the header, never its headline.
_STAMP = re.compile(rf"^(?:(?:last\s+)?updated|posted|published|modified)\b:?\s+(?:on\s+|at\s+)?"
                    rf"(?:\w+,?\s+)?(?:{_MONTH}\s+\d|\d{{1,2}}:\d\d)"
                    rf"|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{1,2}}:\d\d", re.IGNORECASE)
_MONTHS = {name: number for number, names in enumerate(
    [("jan",), ("feb",), ("mar",), ("apr",), ("may",), ("jun",), ("jul",), ("aug",), ("sep",),
     ("oct",), ("nov",), ("dec",)], start=1) for name in names}
# "© Copyright Gannett 2018", "copyright Inexhibit 2019 - ISSN…": the marks may repeat and the year
# may follow the owner's name; neither is part of it.
_COPYRIGHT = re.compile(r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?)?\s*,?\s*"
                        r"(?P<name>[^.|©]+?)\s*(?:\d{4}\s*)?(?:\.|\||,|-|–|all rights reserved|$)", re.IGNORECASE)
_NOT_AN_OWNER = ("all rights", "designed by", "powered by", "built by", "hosted by")  # after "©": no outlet
_TITLE_SITE = re.compile(r"^(?P<title>.+?)\s+[|–—-]\s+(?P<site>[^|–—-]{2,40})$")
# An embedded social-media post ends with its attribution: a dash, who posted it, the account in
# brackets and the day ("— Jane Roe (@jroe) May 4, 2019"), as embedded posts are printed on any site.
_POST_ATTRIBUTION = re.compile(rf"^\s*(?:[—–]|--?)\s*\S.{{0,80}}\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*$",
                               re.IGNORECASE)
# The same attribution run into the end of the post's text, as trafilatura extracts an embedded post
# ("… pic.twitter.com/3BDnrvkoms— Jane Roe (@jroe) May 4, 2019").
_POST_ATTRIBUTION_AT_END = re.compile(rf"(?:[—–]|--)\s*[^—–\n]{{1,80}}?\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*$",
                                      re.IGNORECASE)
# A person's hover card that a saved page wrote into a sentence: the name as the sentence gives it,
# then, with or without a space, the card — the person's name again (whole: first name, maybe more
# names, the same last name), the titles of stories about them, and the card's "MORE" link — before
# the sentence goes on ("Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down … MORE
# (R) is defending …"). The card goes; the name stays.
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_HOVER_CARD = re.compile(rf"\b(?P<first>{_NAME_WORD}) (?:{_NAME_WORD} ){{0,2}}?(?P<last>{_NAME_WORD}) ?"
                         rf"(?P<card>(?P=first) (?:[A-Z][\w'’.()]* ){{0,3}}?(?P=last)(?=[A-Z ])[^\n]{{0,600}}? MORE)(?= |$)")
# A price: a currency sign and a number ("$39.99", "£40", "€ 12", "60,000₩").
_PRICE = re.compile(r"[$€£¥₹₩]\s?\d|\d[\d,.]*\s?[€₩]")

# Scores of the body search: a prose block adds its words; these subtract.
_COST_OTHER = 8  # a short line that is not prose (a menu item, a heading, a date): as much as a short sentence
_COST_FURNITURE = 25  # a furniture phrase (share, login, caption…)
MIN_ARTICLE_WORDS = 50  # prose words before a comment heading for it to end the search
HEADER_WINDOW = 12  # lines above the body searched for the headline, deck, byline and date


@dataclass(frozen=True)
class Line:
    """One non-blank raw line and what cleaning decided about it."""

    number: int  # 1-based line number in the raw text
    text: str  # the raw line without its newline (a kept line without a hover card: `drop_hover_cards`)
    kind: str | None  # the kept kind (see KEPT_KINDS); None when the line was removed
    rule: str  # removed: the rule that dropped it; kept: the evidence for its kind
    paragraph: int | None  # kept lines with the same number form one block; None when removed


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (number, raw text)
    text: str  # the lines joined, bullets removed
    words: int
    prose: bool
    bullet: bool
    rule: str | None  # furniture rule matched, if any


# ── the lexicon ─────────────────────────────────────────────────────────────────────────────────

@lru_cache(maxsize=4)
def _furniture(name: str = "furniture"):
    data = load_data(name)
    rules = [(rule, spec.get("max_words", 12),
              re.compile("|".join(f"(?:{p})" for p in spec["patterns"]), re.IGNORECASE))
             for rule, spec in data["rules"].items()]
    stopwords = frozenset(data["stopwords"]["words"].split())
    # One test tells whether any rule could match a line, so most lines need one test, not ten:
    # patterns anchored at the start are tried there only (`match`), the others searched.
    patterns = [p for spec in data["rules"].values() for p in spec["patterns"]]
    anchored = re.compile("|".join(f"(?:{p[1:]})" for p in patterns if p.startswith("^")), re.IGNORECASE)
    floating = re.compile("|".join(f"(?:{p})" for p in patterns if not p.startswith("^")), re.IGNORECASE)

    def any_rule(text: str) -> bool:
        return bool(anchored.match(text) or floating.search(text))

    return rules, stopwords, any_rule, max(spec.get("max_words", 12) for spec in data["rules"].values())


@lru_cache(maxsize=1)
def _function_word_set() -> frozenset[str]:
    """The function words of `data/furniture.toml` (as `_furniture` reads them), without compiling
    its rules: clean text needs only these."""
    return frozenset(load_data("furniture")["stopwords"]["words"].split())


# ── public functions ────────────────────────────────────────────────────────────────────────────

def normalise_line(line: str) -> str:
    """A line as compared across pages: bullets and outer punctuation removed, case and spaces folded."""
    text = _BULLET.sub("", line.strip())
    return _one_space(text).strip(" \t.:|·-–—").casefold()


def repeated_lines(texts: Iterable[str], *, min_files: int = 2, min_share: float = 0.5) -> frozenset[str]:
    """Normalised lines found in at least `min_files` of the pages and in at least `min_share` of
    them: the menus and footers of a site. A story title that shows up in a few related-story lists
    is not repeated often enough to count."""
    counts: Counter[str] = Counter()
    n_texts = 0
    for text in texts:
        n_texts += 1
        counts.update({normalise_line(line) for line in text.splitlines() if line.strip()})
    needed = max(min_files, min_share * n_texts)
    return frozenset(line for line, n in counts.items() if n >= needed and line)


def label_lines(text: str, *, site_repeats: frozenset[str] = frozenset()) -> list[Line]:
    """Label every non-blank line of a page dump (see the module docstring). One `Line` per
    non-blank line, in order. `site_repeats` (normalised lines, see `repeated_lines`) are dropped,
    unless they would take most of the page's prose (see `MAX_REPEATED_PROSE`)."""
    blocks = _blocks(text, site_repeats)
    if site_repeats and _repeats_take_the_article(blocks):
        blocks = _blocks(text, frozenset())
    _mark_page_repeats(blocks)
    _mark_captions(blocks)
    start, end = _body_run(blocks)
    if end is not None and end + 1 < len(blocks) and _post_attribution(blocks[end + 1]):
        end += 1  # the attribution of a post that closes the article (it adds no words to the run)
    labels: dict[int, tuple[str | None, str]] = {}
    if start is not None:
        _label_body(blocks, start, end, labels)
        _label_header(blocks, start, labels)
    outside = "outside_body" if start is not None else "no_body_found"
    for index, block in enumerate(blocks):
        if index not in labels:
            labels[index] = (None, block.rule or ("menu" if block.bullet else outside))
    return _lines(blocks, labels)


def label_clean_text(text: str, *, title: str | None = None) -> list[Line]:
    """Label the lines of clean article text (an export's `text`): every non-blank line is kept
    (a bulleted one as `list_item`, others as `body`; hard-wrapped lines joined into one paragraph)
    except exact repeats of an earlier line (rule `repeated_line`). A `title` becomes the headline
    (line 0, rule `export_title`), and a first line that repeats it is dropped (`repeated_headline`)."""
    lines: list[Line] = []
    seen: set[str] = set()
    heading = normalise_line(title) if title and title.strip() else None
    if heading:
        lines.append(Line(0, _one_space(title).strip(), "headline", "export_title", 0))
    paragraph = len(lines)
    for index, (block_lines, block_text, bullet) in enumerate(_text_blocks(text)):
        key = _folded(block_text)
        if index == 0 and heading and normalise_line(block_text) == heading:
            kind, rule = None, "repeated_headline"
        elif key in seen:
            kind, rule = None, "repeated_line"
        else:
            kind, rule = ("list_item", "export_text") if bullet else ("body", "export_text")
            seen.add(key)
        for number, raw in block_lines:
            lines.append(Line(number, raw, kind, rule, paragraph if kind else None))
        paragraph += 1 if kind else 0
    return lines


def _folded(text: str) -> str:
    """`_SPACE.sub(" ", text).strip()`."""
    return _one_space(text).strip()


def _one_space(text: str) -> str:
    """`_SPACE.sub(" ", text)`: each run of white space as one space (`_fold_runs`)."""
    return _fold_runs(text, _SPACE)


def _single_spaced(text: str) -> str:
    """`_SPACE_IN_LINE.sub(" ", text)`: each run of white space within a line as one space, line
    breaks kept (`_fold_runs`)."""
    return _fold_runs(text, _SPACE_IN_LINE, kept="\n")


def _fold_runs(text: str, pattern: re.Pattern, *, kept: str = "") -> str:
    """`pattern.sub(" ", text)` for a pattern of white-space runs that leaves the characters `kept`
    (line breaks) alone. Most text has no run longer than one character, and that is told without
    the regex: once lone no-break spaces are plain ones (as the regex makes them), the only
    printable white space is the plain space (other spaces, tabs and line breaks are not
    printable), so text whose other characters are printable, with no two spaces in a row, is
    already folded."""
    spaced = text.replace("\xa0", " ") if "\xa0" in text else text
    if "  " not in spaced and (spaced.replace(kept, "") if kept else spaced).isprintable():
        return spaced
    return pattern.sub(" ", text)


def reads_as_prose(text: str) -> bool:
    """Whether a line reads as a sentence or part of one, as a reader would count a dropped line
    as lost text: at least 4 words ending like a sentence ("The vote was 254-175."), or at least 10
    words with some function words (a sentence cut off by an excerpt). Looser than the cleaner's
    own prose test (`_is_prose`), which decides where a page's body is."""
    words = _WORD.findall(text)
    if len(words) >= 4 and _ends_like_a_sentence(text.strip()):
        return True
    return len(words) >= 10 and _function_words(words) >= 0.1 * len(words)


def _ends_like_a_sentence(text: str) -> bool:
    """`_SENTENCE_END.search(text)`, by string methods when the text has no line break."""
    return _ends_sentence(text) if "\n" not in text else bool(_SENTENCE_END.search(text))


def _function_words(words: list[str]) -> int:
    """How many of `words` are function words (any case)."""
    stopwords = _function_word_set()
    return sum(map(stopwords.__contains__, "\n".join(words).lower().split("\n"))) if words else 0


def _is_prose(text: str) -> bool:
    """The cleaner's prose test on one line (see `_evidence`), without the furniture phrases."""
    return _evidence([(1, text)], frozenset(), phrases=False).prose


def english_share(text: str) -> float | None:
    """The share of the words of `text` that are English function words ("the", "of", "that"…):
    about 0.4–0.5 in English prose, near 0 in other languages; None when there are fewer than 20
    words. Text written mostly in a script other than Latin counts 0."""
    head = text[:5000]
    words = function = latin = other = 0
    for line in head.split("\n"):  # no word spans a line break: tallied per line, each distinct line once
        tally = _line_tally(line)
        words, function, latin, other = words + tally[0], function + tally[1], latin + tally[2], other + tally[3]
    if latin + other >= 40 and latin < 0.5 * (latin + other):
        return 0.0
    if words < 20:
        return None
    return function / words


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


@lru_cache(maxsize=20_000)
def _line_tally(line: str) -> tuple[int, int, int, int]:
    """(words, function words, ASCII letters, other letters) of one line of text, for
    `english_share`; news repeats lines (wire copy, boilerplate)."""
    words = _WORD.findall(line)
    ascii_letters = len(line.encode("ascii", "ignore").translate(None, _NOT_LETTERS))
    other = 0 if line.isascii() else sum(map(str.isalpha, _ASCII_RUN.sub("", line)))
    return len(words), _function_words(words), ascii_letters, other


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


def label_html(html: str) -> tuple[list[Line], dict]:
    """A saved web page: trafilatura (Barbaresi 2021) finds the main text and its metadata; its
    headings, paragraphs and list items become lines of those kinds, numbered over the extracted
    text, less the furniture trafilatura leaves in (`_html_lines`). When trafilatura keeps fewer than
    `MIN_EXTRACTED_SHARE` of the words that the page-dump rules keep of the page's text (`html_text`),
    it has lost part of the article, and the lines are those of `label_lines` on that text (with
    trafilatura's metadata). Returns ([], {}) when trafilatura finds no article."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=False, favor_precision=False)
    if not xml:
        return [], {}
    root = etree.fromstring(xml.encode("utf-8"))
    outlet = root.get("sitename") or None
    meta = {"title": clean_title(root.get("title"), outlet=outlet), "subtitle": root.get("description") or None,
            "author": clean_author(root.get("author"), outlet=outlet),
            "published": parse_date(root.get("date") or ""), "outlet": outlet}
    extracted = [(meta["title"], "headline", "html_title")] if meta["title"] else []
    main = root.find("main")
    for element in (main.iter() if main is not None else ()):
        kind = {"p": "body", "head": "subheading", "item": "list_item", "quote": "body"}.get(element.tag)
        if kind is None or (element.tag == "p" and _inside(element, "item", "quote")):
            continue
        text = _SPACE.sub(" ", "".join(element.itertext())).strip()
        if text:
            extracted += _split_post_attribution(text, kind, "html_" + element.tag)
    lines = _html_lines(extracted)
    content = [line.text for line in lines if line.kind in ("body", "list_item")]
    page = _parsed_html(html)
    if not any(map(_is_prose, content)) or _link_share(page, content) > MAX_LINK_SHARE:
        return [], {}  # navigation, a list of links or a bare title: no article
    dump_lines = label_lines(html_text(page)) if page is not None else []
    if _kept_words(lines) < MIN_EXTRACTED_SHARE * _kept_words(dump_lines):
        return dump_lines, meta  # trafilatura lost part of the article: the page-dump rules' lines
    return lines, meta


# Trafilatura sometimes keeps only part of an article (its paragraphs spread over several page
# containers, a page of short items): when what it keeps holds fewer words than this share of what
# the page-dump rules keep of the same page's text (`html_text`), those rules label the page instead.
MIN_EXTRACTED_SHARE = 0.8

_HTML_BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
                         "h4 h5 h6 header hr li main nav ol p pre section table td th title tr ul".split())
_HTML_UNSEEN = frozenset("head script style noscript template svg iframe object".split())


def html_text(page) -> str:
    """The text a reader sees on a parsed web page (`lxml.html` element) as a whole-page dump: each
    block element (paragraph, heading, list item, table cell, division…) on lines of its own, parted
    by a blank line, inline elements within the line; scripts, styles and the head left out."""
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(page, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag
        if event in ("comment", "pi"):  # unseen, but the text after it is seen
            parts.append(_SPACE.sub(" ", element.tail or ""))
        elif event == "start":
            if tag in _HTML_UNSEEN:
                walker.skip_subtree()
                continue
            if tag in _HTML_BLOCKS:
                parts.append("\n\n")
            parts.append(_SPACE.sub(" ", element.text or ""))
        else:
            if tag in _HTML_BLOCKS:
                parts.append("\n\n")
            if element is not page:
                parts.append(_SPACE.sub(" ", element.tail or ""))
    lines = (line.strip() for line in "".join(parts).split("\n"))  # white space in the source is a space
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _kept_words(lines: list[Line]) -> int:
    """Words of the article text that labelled lines keep (body, list items, subheadings)."""
    return sum(len(_WORD.findall(line.text)) for line in lines if line.kind in ("body", "list_item", "subheading"))


def _parsed_html(html: str):
    """The page parsed by `lxml.html`, or None when it cannot be parsed."""
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html)
    except (ValueError, TypeError, SyntaxError):
        return None


def _split_post_attribution(text: str, kind: str, rule: str) -> list[tuple[str, str | None, str]]:
    """An extracted paragraph as lines: an embedded post's attribution at its end ("— Jane Roe
    (@jroe) May 4, 2019") is a line of its own, of kind `post_credit` (`post_attribution`), and the
    post's text before it stays a line of `kind`."""
    match = _POST_ATTRIBUTION_AT_END.search(text) if "(@" in text else None
    if match is None or kind != "body":
        return [(text, kind, rule)]
    before = text[:match.start()].strip()
    return ([(before, kind, rule)] if before else []) + [(match.group().strip(), "post_credit", "post_attribution")]


def _html_lines(extracted: list[tuple[str, str, str]]) -> list[Line]:
    """Lines of the text trafilatura extracted, as (text, kind, rule), numbered from 1: the
    furniture phrases that trafilatura leaves in (share and newsletter prompts, "Read more: …",
    comment headings) are dropped by the rule that names them, and so is a copy of the title
    (`repeated_headline`) and everything after a comment heading that follows the article's prose
    (`after_comments`), as on page dumps."""
    title = normalise_line(extracted[0][0]) if extracted and extracted[0][2] == "html_title" else None
    lines: list[Line] = []
    paragraph, prose_words, comments = 0, 0, False
    for number, (text, kind, rule) in enumerate(extracted, start=1):
        words = len(_WORD.findall(text))
        furniture = _furniture_rule(text, words)
        if comments:
            kind, rule = None, "after_comments"
        elif rule == "post_attribution":
            pass  # an embedded post's credit, told apart when extracted
        elif furniture:
            comments = furniture == "comment_prompt" and prose_words >= MIN_ARTICLE_WORDS
            kind, rule = None, furniture
        elif number > 1 and title is not None and normalise_line(text) == title:
            kind, rule = None, "repeated_headline"
        prose_words += words if kind in ("body", "list_item") else 0
        lines.append(Line(number, drop_hover_cards(text) if kind else text, kind, rule, paragraph if kind else None))
        paragraph += 1 if kind else 0
    return lines


# A page whose extracted text is mostly the text of its links is a list of links (a section front,
# a menu), not an article: the link-density cue of Kohlschütter et al. (2010).
MAX_LINK_SHARE = 0.5


def link_share(html: str, texts: list[str]) -> float:
    """The share of the words of `texts` (the extracted paragraphs of a page) that are the text of
    one of the page's links."""
    return _link_share(_parsed_html(html), texts)


def _link_share(root, texts: list[str]) -> float:
    """`link_share` on a page already parsed (None: 0)."""
    words = sum(len(_WORD.findall(text)) for text in texts)
    if not words or root is None:
        return 0.0
    joined = " ".join(_SPACE.sub(" ", text) for text in texts)
    anchors = {_SPACE.sub(" ", a.text_content()).strip() for a in root.iter("a")}
    covered = sum(len(_WORD.findall(a)) for a in anchors if a and a in joined)
    return covered / words


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


# ── blocks and their evidence ───────────────────────────────────────────────────────────────────

def _blocks(text: str, site_repeats: frozenset[str], *, bulk: bool = True) -> list[_Block]:
    """Group non-blank lines into blocks: a hard-wrapped paragraph is one block. The evidence of
    one-line blocks comes from `_PageLines`, computed for all lines of the page at once; a block of
    several lines (and every block when `bulk` is False: the reference path) goes through
    `_evidence`."""
    lines, page, groups = _grouped(text)
    if not bulk:
        return [_evidence([lines[i] for i in group], site_repeats) for group in groups]
    candidates = page.rule_candidates() if groups else set()
    return [page.block(group[0], lines[group[0]], site_repeats, group[0] in candidates) if len(group) == 1
            else _evidence([lines[i] for i in group], site_repeats) for group in groups]


def _text_blocks(text: str) -> list[tuple[list[tuple[int, str]], str, bool]]:
    """The blocks of clean text as `_blocks` groups them, with only what `label_clean_text` needs
    of each: (its lines, its text, whether it is bulleted), the same `text` and `bullet` as
    `_blocks` gives; none of the page-cleaning evidence (prose, furniture rules) is computed."""
    lines, page, groups = _grouped(text)
    return [([lines[group[0]]], page.texts[group[0]], page.bullet[group[0]]) if len(group) == 1
            else ([lines[i] for i in group], *_joined_text(lines[i] for i in group)) for group in groups]


def _grouped(text: str) -> tuple[list[tuple[int, str]], "_PageLines | None", list[list[int]]]:
    """The non-blank lines of `text` as (number, raw), their `_PageLines`, and the lines grouped
    into blocks (indices into the lines): a line joins the one before when no blank line parts
    them and that one stopped mid-sentence (`_PageLines.continues`)."""
    numbered = [(number, raw) for number, raw in enumerate(text.splitlines(), start=1)]
    lines = [(number, raw) for number, raw in numbered if raw.strip()]
    if not lines:
        return [], None, []
    page = _PageLines([raw for _, raw in lines])
    after_blank = [True] + [number - 1 != previous for (number, _), (previous, _) in zip(lines[1:], lines)]
    groups: list[list[int]] = []
    for i in range(len(lines)):
        if groups and not after_blank[i] and page.continues(i - 1, i):
            groups[-1].append(i)
        else:
            groups.append([i])
    return lines, page, groups


_BULLET_LINES = re.compile(r"^(?:[•●▪◦‣∙·*+»›>]|[-–—](?=[^\S\n])|\d{1,2}[.)](?=[^\S\n]))[^\S\n]*", re.M)
_BULLET_OPENERS = frozenset("•●▪◦‣∙·*+»›>-–—")  # the characters but digits that open a `_BULLET_LINES` match
_LONE_BULLET = re.compile(r"[-–—]|\d{1,2}[.)]")
_WORD_OR_BREAK = re.compile(r"\n|" + _WORD.pattern)
_SPACE_IN_LINE = re.compile(r" [^\S\n]+|[^\S\n ][^\S\n]*")  # white space but a single space
_PROBE_STRIP = " \t*:|[](){}"


def _line_bullets(joined: str, starts: list[int], lines: list[str]) -> dict[int, str]:
    """{line index: its bullet} for the lines (joined by newlines, each starting at `starts`) that
    open with one: the matches of `_BULLET_LINES` over the joined lines, tried only at the start
    of a line whose first character can open a bullet (a bullet sign, a dash or a digit)."""
    bullets = {}
    for i, (start, line) in enumerate(zip(starts, lines)):
        first = line[:1]
        if first in _BULLET_OPENERS or first.isdigit():
            match = _BULLET_LINES.match(joined, start)
            if match is not None:
                bullets[i] = match.group()
    return bullets


def _line_starts(lines: list[str]) -> list[int]:
    """Where each line starts in the lines joined by newlines."""
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))


def _ends_sentence(text: str) -> bool:
    """`_SENTENCE_END.search(text)` for text without line breaks, by string methods."""
    return text.rstrip("\"”’')]").endswith((".", "!", "?", "…"))


class _PageLines:
    """The per-line evidence of all non-blank lines of one page, computed at once: the lines are
    joined with newlines and each regular expression runs over the whole page (anchored at line
    starts and ends), word counts are tallied per line with numpy. Line i here is the i-th non-blank
    line; `block` builds the same `_Block` that `_evidence` builds for that line alone."""

    def __init__(self, raws: list[str]):
        self.raws = raws
        self.stopwords = _function_word_set()
        self.stripped = [raw.strip() for raw in raws]
        joined = "\n".join(self.stripped)
        starts = _line_starts(self.stripped)
        bullets = _line_bullets(joined, starts, self.stripped)  # `_BULLET.match(line.strip())`
        self.bullet_stripped = [i in bullets for i in range(len(raws))]
        # `_BULLET.match(raw)`: the same, but for a lone dash or number that white space follows
        self.bullet = [b or (len(s) <= 3 and raw[-1:].isspace() and bool(_LONE_BULLET.fullmatch(s)))
                       for b, s, raw in zip(self.bullet_stripped, self.stripped, raws)]
        rests = _BULLET_LINES.sub("", joined) if bullets else joined
        self.texts = [t.strip() for t in _single_spaced(rests).split("\n")]  # `_evidence`'s `text`
        self._bullets = bullets

    # The evidence below is computed when first asked for: clean text (`_text_blocks`) needs
    # none of it, or only the word counts where a line may continue the one before. So are the
    # furniture rules, compiled when first needed.

    @property
    def rules(self):
        return _furniture()[0]

    @property
    def any_rule(self):
        return _furniture()[2]

    @property
    def most_words(self) -> int:
        return _furniture()[3]

    @cached_property
    def ends(self) -> list[bool]:
        return list(map(_ends_sentence, self.texts))

    @cached_property
    def _tallies(self) -> tuple[list[int], list[int]]:
        words, function = self._counts("\n".join(self.texts))
        return words.tolist(), function.tolist()

    @property
    def words(self) -> list[int]:
        return self._tallies[0]

    @property
    def function(self) -> list[int]:
        return self._tallies[1]

    @cached_property
    def stripped_words(self) -> list[int]:
        """Words of each line as it stands: a numbered bullet ("1.") is one more (`_continues` counts it)."""
        counts = list(self.words)
        for i, bullet in self._bullets.items():
            counts[i] += bullet[:1].isdigit()
        return counts

    def _counts(self, joined: str) -> tuple[np.ndarray, np.ndarray]:
        """Words (`_WORD`) and function words per line."""
        tokens = np.array(_WORD_OR_BREAK.findall(joined), dtype=object)
        breaks = tokens == "\n"
        line = np.cumsum(breaks)[~breaks]
        words = tokens[~breaks].tolist()
        lowered = "\n".join(words).lower().split("\n") if words else []
        function = np.fromiter(map(self.stopwords.__contains__, lowered), dtype=bool, count=len(words))
        n = len(self.raws)
        return np.bincount(line, minlength=n), np.bincount(line[function], minlength=n)

    def continues(self, previous: int, i: int) -> bool:
        """`_continues(raws[previous], raws[i])`."""
        if self.bullet_stripped[i] or self.stripped_words[previous] < 7:
            return False
        if _ends_sentence(self.stripped[previous]) or self.stripped[previous].endswith(":"):
            return False
        return self.stripped[i][:1].islower() or bool(_OPEN_END.search(self.stripped[previous]))

    def rule_candidates(self) -> set[int]:
        """Lines that a furniture rule may match: a superset of the lines where `any_rule` holds for
        a rule that allows the line's word count, found by searching the lines of each word-count
        band at once (`_prefilters`); `block` then tries each rule on these lines alone."""
        prefilters = _prefilters()
        if prefilters is None:  # patterns that cannot be searched over joined lines: try each line
            return {i for i, text in enumerate(self.texts)
                    if self.words[i] <= self.most_words and self.any_rule(text.strip(_PROBE_STRIP))}
        bands = np.searchsorted([band.max_words for band in prefilters], self.words, side="left")
        found: set[int] = set()
        for index, band in enumerate(prefilters):
            chosen = np.flatnonzero(bands == index).tolist()
            probes = [self.texts[i].strip(_PROBE_STRIP) for i in chosen]
            new = [probe for probe in dict.fromkeys(probes) if probe not in band.seen]
            if new:
                if len(band.seen) > _SEEN_PROBES:
                    band.seen.clear()
                band.seen.update(dict.fromkeys(new, False))
                band.seen.update(dict.fromkeys(band.matching(new), True))
            found.update(i for i, probe in zip(chosen, probes) if band.seen[probe])
        return found

    def block(self, i: int, line: tuple[int, str], site_repeats: frozenset[str], candidate: bool) -> _Block:
        """The `_Block` of line i alone, as `_evidence([line], site_repeats)` makes it."""
        text, n_words = self.texts[i], self.words[i]
        function_share = self.function[i] / n_words if n_words else 0.0
        ends = self.ends[i]
        prose = n_words >= 5 and function_share >= 0.2 and (
            ends or (n_words >= 15 and function_share >= 0.25
                     and not _title_case(_WORD.findall(text), self.stopwords)))
        rule = None
        if site_repeats and text.strip(" \t.:|·-–—").casefold() in site_repeats:
            rule = "site_repeat"
        elif candidate:
            rule = _phrase_rule(text.strip(_PROBE_STRIP), n_words, self.rules)
        if rule is None and n_words >= 4 and not ends and _is_name_list(text):
            rule = "tags"
        return _Block([line], text, n_words, prose and rule is None, self.bullet[i], rule)


def _matching(probes: list[str], patterns: list[re.Pattern]) -> list[str]:
    """The probes (lines without line breaks) in which one of `patterns` may match, searched all at
    once over the probes joined by newlines; a superset of those where one matches on its own."""
    starts = _line_starts(probes)
    joined = "\n".join(probes)
    hits: list[str] = []
    for pattern in patterns:
        position = 0
        while (match := pattern.search(joined, position)) is not None:
            k = bisect_right(starts, match.start()) - 1
            hits.append(probes[k])
            if k + 1 == len(starts):
                break
            position = starts[k + 1]
    return hits


@dataclass(frozen=True)
class _Band:
    """What may match a line of at most `max_words` words (and more than the next smaller band):
    a line whose lower-cased text starts with one of `starts` or holds one of `holds` (the literal
    words that open a furniture pattern), or that one of `patterns` (the patterns that open with no
    literal word) matches; `every` is all the band's patterns, for text in which case folding
    reaches ASCII letters from elsewhere ("K", the Kelvin sign, matches "k"). `seen` remembers lines
    already tried (line → may match): the menus and footers of a site come back on each page."""

    max_words: int
    starts: tuple[str, ...]
    holds: tuple[str, ...]
    patterns: list[re.Pattern]
    sources: tuple[str, ...]  # every pattern of the band, compiled only when needed (`every`)
    seen: dict[str, bool]

    @cached_property
    def every(self) -> list[re.Pattern]:
        return _compiled(list(self.sources))

    def matching(self, probes: list[str]) -> list[str]:
        """A superset of the probes in which one of the band's patterns matches."""
        joined = "\n".join(probes)
        if _FOLDS_TO_ASCII.search(joined):
            return _matching(probes, self.every)
        lowered = joined.lower()
        hits = [probe for probe, low in zip(probes, lowered.split("\n")) if low.startswith(self.starts)]
        starts = _line_starts(lowered.split("\n"))
        for word in self.holds:
            position = lowered.find(word)
            while position != -1:
                k = bisect_right(starts, position) - 1
                hits.append(probes[k])
                position = lowered.find(word, starts[k + 1]) if k + 1 < len(starts) else -1
        return hits + _matching(probes, self.patterns)


# Characters other than ASCII letters that a case-insensitive pattern matches to an ASCII letter.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")

# Lines remembered per band before the memory is emptied.
_SEEN_PROBES = 200_000

# Pattern syntax whose meaning changes when lines are searched joined by newlines instead of one by one.
_NOT_JOINABLE = ("(?!", "(?<!", "\\Z", "(?>", "*+", "++", "?+", "}+")


# A pattern read as items for `_opening_words`: ("literal", char), ("at", None) for a zero-width
# anchor (^ $ \b \B \A \Z), ("group", [alternatives, each a list of items]), ("other", None) for
# anything that matches a character not known in advance (a class, ., \d, \w, \s); each item with
# the least number of times it must match (its quantifier's minimum; 1 when it has none).
_CLASS_ESCAPES = frozenset("dDwWsS")
_ANCHOR_ESCAPES = frozenset("bBAZ")
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,(\d*))?\}")


class _Unreadable(ValueError):
    """Pattern syntax beyond what `_items` reads (lookarounds, named groups, backreferences…)."""


def _items(pattern: str, position: int = 0, depth: int = 0) -> tuple[list[list[tuple]], int]:
    """The alternatives of `pattern` from `position` up to the closing parenthesis of this depth,
    each a list of (kind, value, least) items, and the position after them."""
    alternatives: list[list[tuple]] = [[]]
    while position < len(pattern):
        char = pattern[position]
        if char == ")":
            if depth == 0:
                raise _Unreadable(pattern)
            return alternatives, position + 1
        if char == "|":
            alternatives.append([])
            position += 1
            continue
        if char == "(":
            if pattern.startswith("(?:", position):
                position += 3
            elif pattern.startswith("(?", position):
                raise _Unreadable(pattern)
            else:
                position += 1
            inner, position = _items(pattern, position, depth + 1)
            item = ("group", inner)
        elif char == "[":
            end = position + 1 + (pattern[position + 1:position + 2] == "^")
            end = pattern.index("]", end + 1)  # a "]" right after "[" or "[^" is a member
            while pattern[end - 1] == "\\" and pattern[end - 2] != "\\":
                end = pattern.index("]", end + 1)
            item, position = ("other", None), end + 1
        elif char == "\\":
            escaped = pattern[position + 1:position + 2]
            if escaped in _ANCHOR_ESCAPES:
                item, position = ("at", None), position + 2
            elif escaped in _CLASS_ESCAPES:
                item, position = ("other", None), position + 2
            elif escaped == "x":
                item, position = ("literal", chr(int(pattern[position + 2:position + 4], 16))), position + 4
            elif escaped and not escaped.isalnum():
                item, position = ("literal", escaped), position + 2
            else:
                raise _Unreadable(pattern)
        elif char in "^$":
            item, position = ("at", None), position + 1
        elif char == ".":
            item, position = ("other", None), position + 1
        else:
            item, position = ("literal", char), position + 1
        quantifier = _QUANTIFIER.match(pattern, position)
        least = 1
        if quantifier:
            text = quantifier.group()
            least = 0 if text in "?*" else 1 if text == "+" else int(quantifier.group(1) or 0)
            position = quantifier.end()
            if pattern[position:position + 1] in ("?", "+"):  # lazy or possessive
                position += 1
            item = ("repeat", (item, least))
        alternatives[-1].append(item)
    if depth:
        raise _Unreadable(pattern)
    return alternatives, position


def _opening_words(items: list[tuple]) -> set[str] | None:
    """The literal texts (lower case, ASCII) one of which every match of the items (see `_items`)
    starts with, after any zero-width anchor; None when a match may start otherwise."""
    while items and items[0][0] == "at":
        items = items[1:]
    if not items:
        return None
    kind, value = items[0]
    if kind == "literal":
        word, k = "", 0
        while k < len(items) and items[k][0] == "literal" and ord(items[k][1]) < 128:
            word, k = word + items[k][1], k + 1
        if not word:
            return None
        rest = _opening_words(items[k:]) if k < len(items) and items[k][0] != "at" else None
        return {(word + more).lower() for more in rest} if rest else {word.lower()}
    if kind == "group":
        return _either(value)
    if kind == "repeat" and value[1] >= 1:
        return _opening_words([value[0]])
    return None


def _either(alternatives: list[list[tuple]]) -> set[str] | None:
    """The opening words of a choice: those of every alternative, None when one has none."""
    words: set[str] = set()
    for alternative in alternatives:
        opening = _opening_words(alternative)
        if opening is None:
            return None
        words |= opening
    return words


@lru_cache(maxsize=2048)
def _gate(pattern: str) -> tuple[bool, frozenset[str] | None]:
    """(whether `pattern` is anchored at the line start, the words one of which opens each match).
    The pattern is read by `_items`; syntax it does not read leaves the pattern without words (it
    is then searched in full, which is always right)."""
    anchored = pattern.startswith("^")
    try:
        alternatives, _ = _items(pattern[1:] if anchored else pattern)
    except (_Unreadable, ValueError, IndexError):
        return anchored, None
    if anchored and len(alternatives) > 1:  # "^a|b": only the first alternative is anchored
        return False, None
    words = _either(alternatives)
    return anchored, frozenset(words) if words is not None else None


@lru_cache(maxsize=4)
def _prefilters(name: str = "furniture") -> list[_Band] | None:
    """One `_Band` per word-count band, with the furniture patterns of every rule allowing that many
    words; the patterns are compiled to be searched over lines joined by newlines (`^` and `$` at
    line ends, a leading `\\A` read as `^`). None when a pattern uses syntax whose meaning would
    change there."""
    data = load_data(name)
    specs = [(spec.get("max_words", 12), [p.replace("\\A", "^") for p in spec["patterns"]])
             for spec in data["rules"].values()]
    if any(token in p for _, patterns in specs for p in patterns for token in _NOT_JOINABLE):
        return None
    bands = []
    for band in sorted({max_words for max_words, _ in specs}):
        patterns = [p for max_words, ps in specs if max_words >= band for p in ps]
        gates = [(p, *_gate(p)) for p in patterns]
        open_ended = [p for p, _, words in gates if words is None]
        bands.append(_Band(
            band, tuple(sorted({w for _, anchored, words in gates if words and anchored for w in words})),
            tuple(sorted({w for _, anchored, words in gates if words and not anchored for w in words})),
            _compiled(open_ended), tuple(patterns), {}))
    return bands


@dataclass(frozen=True)
class _PatternGroup:
    """Some patterns of one furniture rule as one alternation (`source`), compiled when first tried:
    anchored at the line start (the `^` left out, to be matched there), or searched; `words`:
    the words one of which opens every match of each of them (see `_gate`), or None."""

    anchored: bool
    words: tuple[str, ...] | None
    source: str

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(self.source, re.IGNORECASE)


@dataclass(frozen=True)
class _RuleGroups:
    """The furniture rules' patterns grouped to be tried quickly (`_rule_gates`), and the rule found
    for each line already tried (`_phrase_rule`): menus, share buttons and footers come back on
    every page of a site."""

    groups: list[tuple[_PatternGroup, ...]]
    found: dict[tuple[str, int], str | None]


@lru_cache(maxsize=4)
def _rule_gates(name: str = "furniture") -> _RuleGroups:
    """Per furniture rule, in order: its patterns in up to four `_PatternGroup`s, as they are
    anchored or not and opened by known words or not. A line matches the rule when it matches one
    of its patterns (`_matches_rule`): patterns anchored at the line start are tried there alone
    (`match`), the others searched, and a group whose words the line lacks is not tried at all."""
    rules = []
    for spec in load_data(name)["rules"].values():
        groups: dict[tuple[bool, bool], tuple[list[str], set[str]]] = {}
        for pattern in (p.replace("\\A", "^") for p in spec["patterns"]):
            anchored, words = _gate(pattern)
            sources, opening = groups.setdefault((anchored, words is not None), ([], set()))
            sources.append(pattern[1:] if anchored else pattern)
            opening.update(words or ())
        rules.append(tuple(
            _PatternGroup(anchored, tuple(sorted(opening)) if worded else None,
                          "|".join(f"(?:{source})" for source in sources))
            for (anchored, worded), (sources, opening) in sorted(groups.items())))
    return _RuleGroups(rules, {})


def _phrase_rule(probe: str, n_words: int, rules) -> str | None:
    """The first furniture rule (`rules`: `_furniture()`'s, in order) one of whose patterns
    `probe` (a line, spaces folded and outer marks stripped) matches and that allows its
    `n_words` words, as `_furniture_rule` finds it; each line is tried once."""
    gates = _rule_gates()
    key = (probe, n_words)
    if key in gates.found:
        return gates.found[key]
    low = None if _FOLDS_TO_ASCII.search(probe) else probe.lower()
    rule = next((name for (name, max_words, pattern), groups in zip(rules, gates.groups)
                 if n_words <= max_words and (pattern.search(probe) is not None if low is None
                                              else _matches_rule(groups, probe, low))), None)
    if len(gates.found) >= _SEEN_PROBES:
        gates.found.clear()
    gates.found[key] = rule
    return rule


def _matches_rule(groups, probe: str, low: str) -> bool:
    """Whether `probe` (`low`: its lower case) matches one of the patterns of a rule, given as
    `_rule_gates` groups them: the same answer as searching the rule's whole pattern."""
    for group in groups:
        words = group.words
        if words is not None and not (low.startswith(words) if group.anchored else any(map(low.__contains__, words))):
            continue
        if (group.pattern.match(probe) if group.anchored else group.pattern.search(probe)) is not None:
            return True
    return False


def _compiled(patterns: list[str]) -> list[re.Pattern]:
    """The patterns as two alternations for lines joined by newlines: those anchored at the line
    start, and the others."""
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    floating = [p for p in patterns if not p.startswith("^")]
    return [re.compile(source, re.IGNORECASE | re.MULTILINE) for source in (
        "^(?:" + "|".join(f"(?:{p})" for p in anchored) + ")" if anchored else None,
        "|".join(f"(?:{p})" for p in floating) if floating else None) if source]


def _continues(previous: str, line: str) -> bool:
    """A line continues the previous one when that one stopped mid-sentence (hard wrapping)."""
    before, after = previous.strip(), line.strip()
    if _BULLET.match(after) or len(_WORD.findall(before)) < 7:
        return False
    if _SENTENCE_END.search(before) or before.endswith(":"):
        return False
    return after[:1].islower() or bool(_OPEN_END.search(before))


def _joined_text(group) -> tuple[str, bool]:
    """The text of a block of (number, raw) lines (joined with spaces, bullets removed, white space
    folded) and whether its first line is bulleted."""
    group = list(group)
    text = _one_space(" ".join(_BULLET.sub("", raw.strip(), count=1) for _, raw in group)).strip()
    return text, bool(_BULLET.match(group[0][1]))


def _furniture_rule(text: str, n_words: int) -> str | None:
    """The first furniture rule that names a line of `n_words` words (`text`, spaces folded), if any."""
    rules, _, any_rule, max_rule_words = _furniture()
    probe = text.strip(_PROBE_STRIP)
    if n_words > max_rule_words or not any_rule(probe):
        return None
    return next((name for name, max_words, pattern in rules if n_words <= max_words and pattern.search(probe)), None)


def _evidence(group: list[tuple[int, str]], site_repeats: frozenset[str], *, phrases: bool = True) -> _Block:
    _, stopwords, _, _ = _furniture()
    first = group[0][1]
    text, bullet = _joined_text(group)
    words = _WORD.findall(text)
    n_words = len(words)
    function_share = sum(w.lower() in stopwords for w in words) / n_words if n_words else 0.0
    ends = bool(_SENTENCE_END.search(text))
    prose = n_words >= 5 and function_share >= 0.2 and (
        ends or (n_words >= 15 and function_share >= 0.25 and not _title_case(words, stopwords)))
    rule = None
    if len(group) == 1 and normalise_line(first) in site_repeats:
        rule = "site_repeat"
    elif phrases:
        rule = _furniture_rule(text, n_words)
    if phrases and rule is None and n_words >= 4 and not _SENTENCE_END.search(text) and _is_name_list(text):
        rule = "tags"
    return _Block(group, text, n_words, prose and rule is None, bullet, rule)


# Lines repeated across a site's pages that hold more than this share of a page's prose words are
# the article (two versions of one story, a re-save), not furniture: they are kept.
MAX_REPEATED_PROSE = 0.5


def _repeats_take_the_article(blocks: list[_Block]) -> bool:
    repeated = sum(b.words for b in blocks if b.rule == "site_repeat" and _is_prose(b.text))
    prose = sum(b.words for b in blocks if b.prose)
    return repeated > MAX_REPEATED_PROSE * (repeated + prose)


def _mark_page_repeats(blocks: list[_Block]) -> None:
    """Prose that appears twice on one page is a teaser list or a ticker (the same story titles
    and ledes at the top and the bottom), not the article, whose paragraphs are written once. A
    copy with prose of its own on both sides, the first such copy only, is a paragraph that the page
    repeats as a pull quote: it is kept."""
    key = [b.text.casefold() if b.prose and b.words >= 8 else None for b in blocks]  # text has its spaces folded
    counts = Counter(k for k in key if k is not None)
    repeated = [k is not None and counts[k] > 1 for k in key]
    kept: set[str] = set()
    for index, block in enumerate(blocks):
        if not repeated[index]:
            continue
        inside = 0 < index < len(blocks) - 1 and all(
            blocks[i].prose and not repeated[i] for i in (index - 1, index + 1))
        if inside and key[index] not in kept:
            kept.add(key[index])
            continue
        block.prose, block.rule = False, "page_repeat"


def _mark_captions(blocks: list[_Block]) -> None:
    """A picture's caption sits right on top of its credit line ("Jane Roe / Agency"), with no blank
    line between them, where the article's paragraphs are parted by blank lines: on a page that
    parts most of its prose by blank lines, a block glued to the credit line below it is a caption."""
    prose = [i for i, b in enumerate(blocks) if b.prose and i > 0]
    parted = sum(blocks[i].lines[0][0] > blocks[i - 1].lines[-1][0] + 1 for i in prose)
    if not prose or parted < 0.5 * len(prose):
        return
    for index, (above, below) in enumerate(zip(blocks, blocks[1:])):
        if above.rule is None and below.lines[0][0] == above.lines[-1][0] + 1 and (
                below.rule == "caption" or (above.prose and _names_only(below) and _amid_prose(blocks, index))):
            above.prose, above.rule = False, "caption_above_credit"
            below.rule = below.rule or "caption"


def _amid_prose(blocks: list[_Block], index: int) -> bool:
    """Prose right above block `index` and right below the block after it: a pair of blocks set
    inside the article's paragraphs."""
    return 0 < index and index + 2 < len(blocks) and blocks[index - 1].prose and blocks[index + 2].prose


def _names_only(block: _Block) -> bool:
    """A short line of capitalised names and nothing else ("Jane Roe", "Jane Roe, Agency"): glued
    under a paragraph set amid the article's paragraphs, a picture's credit under its caption."""
    words = _WORD.findall(block.text)
    return (block.rule is None and not block.prose and not block.bullet and 1 <= len(words) <= 4
            and all(word[:1].isupper() for word in words) and not block.text.endswith((".", "!", "?", ":")))


def _title_case(words: list[str], stopwords: frozenset[str]) -> bool:
    """Most content words capitalised, as in a headline or a menu, not in a sentence."""
    content = [w for w in words if w.lower() not in stopwords]
    return bool(content) and sum(w[:1].isupper() or w[:1].isdigit() for w in content) >= 0.8 * len(content)


def _is_name_list(text: str) -> bool:
    """A comma-separated run of capitalised names ("in Europe, International, U.S. and Canada"):
    section or tag lines, not prose."""
    items = [item.strip() for item in re.sub(r"^(in|tags?|topics?)\s+", "", text, flags=re.I).split(",")]
    if len(items) < 3:
        return False
    return all(item[:1].isupper() and len(item.split()) <= 4 for item in items if item)


# ── where the body is ───────────────────────────────────────────────────────────────────────────

def _body_run(blocks: list[_Block]) -> tuple[int | None, int | None]:
    """The run of blocks [start, end] with the largest sum of prose words minus the costs of
    the other blocks (maximum subarray, Kadane's algorithm), searched before the comments (the
    first comment heading after some prose). (None, None) when no block is prose."""
    best, best_span = 0, (None, None)
    total, start, prose_words = 0, 0, 0
    for index, block in enumerate(blocks):
        if block.rule == "comment_prompt" and prose_words >= MIN_ARTICLE_WORDS:
            break
        prose_words += block.words if block.prose else 0
        if total <= 0:
            total, start = 0, index
        total += _score(block)
        if total > best or (total == best > 0 and best_span[0] == start):  # lines that cost nothing extend the run
            best, best_span = total, (start, index)
    return best_span


def _score(block: _Block) -> int:
    if block.prose:
        return block.words
    if block.rule == "caption_above_credit":  # a picture's caption: neither article nor what ends it
        return 0
    if block.rule is None and (_sentence_or_lead_in(block) or _post_attribution(block)):
        return 0
    if block.rule is not None and block.rule != "page_repeat":  # a repeat costs what any other line does
        return -_COST_FURNITURE
    return -_COST_OTHER


# ── labelling ───────────────────────────────────────────────────────────────────────────────────

def _label_body(blocks: list[_Block], start: int, end: int, labels: dict) -> None:
    for index in range(start, end + 1):
        block = blocks[index]
        if block.rule is not None:
            labels[index] = (None, block.rule)
        elif block.prose:
            labels[index] = ("list_item", "bulleted_prose") if block.bullet else ("body", "body_run")
        elif _post_attribution(block):
            labels[index] = ("post_credit", "post_attribution")  # who posted it and when: no sentence of the article
        elif index < end and _post_attribution(blocks[index + 1]):
            labels[index] = ("body", "embedded_post")
        elif _label_meta(block, index, labels):
            continue
        elif _title_like(block) and _next_prose(blocks, index, end):
            labels[index] = ("subheading", "heading_in_body")
        elif block.bullet and block.words >= 3 and _next_kind_is_list(blocks, index, end):
            labels[index] = ("list_item", "bullet_in_list")
        elif block.words >= 1 and _between_prose(blocks, index, start, end):
            labels[index] = ("body", "between_prose")
        elif _sentence_or_lead_in(block):
            labels[index] = ("body", "sentence_in_body")
        elif block.words >= 3 and _PRICE.search(block.text):
            labels[index] = ("list_item" if block.bullet else "body", "price_in_body")
        else:
            labels[index] = (None, "short_in_body")


def _label_header(blocks: list[_Block], start: int, labels: dict) -> None:
    """Headline, deck, byline and date in the lines above the body."""
    window = range(max(0, start - HEADER_WINDOW), start)
    titled = _page_title(blocks[:PAGE_TITLE_LINES])
    candidates = [i for i in window if blocks[i].rule is None and (
        _headline_like(blocks[i]) or (titled and 2 <= blocks[i].words <= 30 and not blocks[i].bullet
                                      and normalise_line(blocks[i].text) == titled))]
    if not candidates:
        for index in window:
            _label_meta(blocks[index], index, labels)
        return
    texts = Counter(normalise_line(blocks[i].text) for i in window)
    headline = max(candidates, key=lambda i: (blocks[i].words + 5 * (texts[normalise_line(blocks[i].text)] > 1
                                                                      or normalise_line(blocks[i].text) == titled)
                                              - 0.5 * (start - i), -i))
    same = normalise_line(blocks[headline].text)
    first = min(i for i in candidates if normalise_line(blocks[i].text) == same)
    labels[first] = ("headline", "headline_above_body")
    for index in range(first + 1, start):
        block = blocks[index]
        if normalise_line(block.text) == same:
            labels[index] = (None, "repeated_headline")
        elif block.rule is not None:
            labels[index] = (None, block.rule)
        elif not _label_meta(block, index, labels):
            if "subtitle" not in {kind for kind, _ in labels.values()} and block.words >= 5 \
                    and not block.bullet:
                labels[index] = ("subtitle", "deck_below_headline")
            else:
                labels[index] = (None, "header_furniture")


PAGE_TITLE_LINES = 5  # the page's title ("Headline | Site"), where a dump has it, is among its first lines


def _page_title(blocks: list[_Block]) -> str | None:
    """The headline part of the page's title, normalised, when one of the first lines reads
    "Headline | Site" or "Headline - Site" (the title a browser shows, which dumps of the whole page
    start with). A line above the body that repeats it is the article's headline even when it ends
    like a sentence ("… They just might be."), which a headline seldom does."""
    for block in blocks:
        match = _TITLE_SITE.match(block.text.strip()) if len(block.lines) == 1 else None
        if match and len(_WORD.findall(match.group("title"))) >= 2:
            return normalise_line(match.group("title"))
    return None


def _label_meta(block: _Block, index: int, labels: dict) -> bool:
    """Label a byline or date line of the header; False when the line is neither."""
    if block.rule is not None:
        return False
    if _STAMP.search(block.text) and block.words <= 30:
        labels[index] = ("date", "date_above_body")
        return True
    if block.words > 14:
        return False
    if _BYLINE.search(block.text) and not block.prose:
        labels[index] = ("byline", "byline_above_body")
        return True
    if _DATE.search(block.text) and block.words <= 10:
        labels[index] = ("date", "date_above_body")
        return True
    return False


def _headline_like(block: _Block) -> bool:
    return (4 <= block.words <= 30 and not block.bullet and not _DATE.search(block.text)
            and not _STAMP.search(block.text) and not _BYLINE.search(block.text)
            and not block.text.endswith((".", ":", ",")))


def _title_like(block: _Block) -> bool:
    """A heading: short, starts with a capital, does not end like a sentence."""
    return (1 <= block.words <= 15 and block.text[:1].isupper() and not block.bullet
            and not re.search(r"[.,;:]$", block.text))


def _between_prose(blocks: list[_Block], index: int, start: int, end: int) -> bool:
    """A short line with prose of the body right above and right below it: part of the article
    (an attribution, a short paragraph), not furniture, which has its own rules."""
    block = blocks[index]
    return (start < index < end and blocks[index - 1].prose and blocks[index + 1].prose
            and any(c.islower() for c in block.text) and not block.text.isdigit())


def _sentence_or_lead_in(block: _Block) -> bool:
    """A short line of the body that ends like a sentence ("Webb emerged, naked.") or leads in to
    what follows ("Here are some of the highlights:"): article text too short for the prose test."""
    text = block.text  # one line, spaces folded: string methods do what `_SENTENCE_END` does
    if block.words < 2 or not (_ends_sentence(text) or (block.words >= 3 and text.endswith(":"))):
        return False
    return text != text.upper()  # some lower-case letters: not a line in capitals


def _post_attribution(block: _Block) -> bool:
    """The attribution line of an embedded social-media post ("— Jane Roe (@jroe) May 4, 2019"):
    it and the post's text right above it are part of the article that quotes the post."""
    line = block.lines[0][1]
    return block.rule is None and len(block.lines) == 1 and "(@" in line and bool(_POST_ATTRIBUTION.match(line))


def _next_prose(blocks: list[_Block], index: int, end: int) -> bool:
    return index + 1 <= end and blocks[index + 1].prose


def _next_kind_is_list(blocks: list[_Block], index: int, end: int) -> bool:
    neighbours = [blocks[i] for i in (index - 1, index + 1) if 0 <= i <= end]
    return any(b.bullet and b.prose for b in neighbours)


def _lines(blocks: list[_Block], labels: dict) -> list[Line]:
    lines: list[Line] = []
    paragraph = 0
    for index, block in enumerate(blocks):
        kind, rule = labels[index]
        for number, raw in block.lines:
            lines.append(Line(number, drop_hover_cards(raw) if kind else raw, kind, rule, paragraph if kind else None))
        if kind:
            paragraph += 1
    return lines


def drop_hover_cards(text: str) -> str:
    """`text` without the hover cards a saved page wrote into it after a person's name (`_HOVER_CARD`:
    the name again, story titles, "MORE"), the name kept.

    >>> drop_hover_cards("Gov. Kristi NoemKristi Lynn NoemSouth Dakota drops pipeline laws MORE (R) said.")
    'Gov. Kristi Noem (R) said.'
    """
    if " MORE" not in text:
        return text
    return _HOVER_CARD.sub(lambda m: m.group()[: m.start("card") - m.start()].rstrip(), text)


def _inside(element, *tags: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


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
