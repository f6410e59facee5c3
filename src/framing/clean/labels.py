"""Label every line of a page: the body is the contiguous run of blocks with the most prose
(maximum subarray; Finn, Kushmerick & Smyth 2001), the headline, deck, byline and date are read
above it, a byline printed after the article below it, and every other line is dropped with its rule. `label_lines` for page dumps,
`label_clean_text` for clean article text, `repeated_lines` for lines repeated across a site."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from ..lexicons import load_data
from .blocks import _Block, _blocks, _evidence, _is_prose, _joined_text, _text_blocks
from .furniture import furniture_names
from .metadata import author_from_byline, clean_author
from .text import (Line, MIN_ARTICLE_WORDS, _BYLINE, _DATE, _MONTH, _TITLE_SITE, _WORD, _ends_sentence,
                   _folded, _one_space, drop_hover_cards, normalise_line)

# A line saying when the article was published or changed, with no year ("Updated Nov 19, 9:41 AM;
# Posted Nov 18, 8:19 PM", "Published 3:05 p.m. ET", "Published 1 day ago"): a date line of the
# header, never its headline.
_STAMP = re.compile(rf"^(?:(?:last\s+)?updated|posted|published|modified)\b:?\s+(?:on\s+|at\s+)?"
                    rf"(?:\w+,?\s+)?(?:{_MONTH}\s+\d|\d{{1,2}}:\d\d)"
                    rf"|^(?:(?:last\s+)?updated|posted|published|modified)\b:?\s+\d{{1,2}}\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b"
                    rf"|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{1,2}}:\d\d", re.IGNORECASE)
# An embedded social-media post ends with its attribution: a dash, who posted it, the account in
# brackets and the day ("— Jane Roe (@jroe) May 4, 2019"), as embedded posts are printed on any site.
# The dash may have become "?" or "\ufffd" in a copy saved in an encoding without it (Latin-1, ASCII).
_POST_ATTRIBUTION = re.compile(rf"^\s*(?:[—–?\ufffd]|--?)\s*\S.{{0,80}}\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*$",
                               re.IGNORECASE)
# A price: a currency sign and a number ("$39.99", "£40", "€ 12", "60,000₩").
_PRICE = re.compile(r"[$€£¥₹₩]\s?\d|\d[\d,.]*\s?[€₩]")
# Scores of the body search: a prose block adds its words; these subtract.
_COST_OTHER = 8  # a short line that is not prose (a menu item, a heading, a date): as much as a short sentence
_COST_FURNITURE = 25  # a furniture phrase (share, login, caption…)
HEADER_WINDOW = 12  # lines above the body searched for the headline, deck, byline and date (share buttons not counted)


def repeated_lines(texts: Iterable[str], *, min_files: int = 2, min_share: float = 0.5) -> frozenset[str]:
    """Normalised lines found in at least `min_files` of the pages and in at least `min_share` of
    them: the menus and footers of a site. A story title that shows up in a few related-story lists
    is not repeated often enough to count. Nor is a byline ("By Jane Roe | Daily Beast"): pages of
    one outlet by one writer repeat it, and it is the article's (`_SIGNED`)."""
    counts: Counter[str] = Counter()
    n_texts = 0
    for text in texts:
        n_texts += 1
        counts.update({normalise_line(line) for line in text.splitlines() if line.strip() and not _signed(line)})
    needed = max(min_files, min_share * n_texts)
    return frozenset(line for line, n in counts.items() if n >= needed and line)


# A byline: "By" and a capitalised name opening a short line, after any bullet or emphasis mark.
_SIGNED = re.compile(r"^[^\w]*by\s+(?-i:[A-Z])", re.IGNORECASE)
MAX_BYLINE_WORDS = 12


def _signed(line: str) -> bool:
    return bool(_SIGNED.match(line)) and len(line.split()) <= MAX_BYLINE_WORDS


def label_lines(text: str, *, site_repeats: frozenset[str] = frozenset()) -> list[Line]:
    """Label every non-blank line of a page dump (see the module docstring). One `Line` per
    non-blank line, in order. `site_repeats` (normalised lines, see `repeated_lines`) are dropped,
    unless they would take most of the page's prose (see `MAX_REPEATED_PROSE`)."""
    blocks = _blocks(text, site_repeats)
    if site_repeats and _repeats_take_the_article(blocks):
        blocks = _blocks(text, frozenset())
    copies = _loop_copies(blocks)
    if copies:  # a page saved in a loop: its later copies are set aside, the first is read as any page
        looped = [line for block, copy in zip(blocks, copies) if copy for line in block.lines]
        blocks = [block for block, copy in zip(blocks, copies) if not copy]
    _mark_page_repeats(blocks)
    _mark_captions(blocks)
    start, end = _body_run(blocks)
    if start == 0 and end and _opens_with_headline(blocks):
        start = 1  # "Headline" / "Body…": a file that starts with its headline (see `_opens_with_headline`)
    if end is not None and end + 1 < len(blocks) and _post_attribution(blocks[end + 1]):
        end += 1  # the attribution of a post that closes the article (it adds no words to the run)
    labels: dict[int, tuple[str | None, str]] = {}
    if start is not None:
        _label_body(blocks, start, end, labels)
        _label_header(blocks, start, labels)
        _label_closing_byline(blocks, end, labels)
    outside = "outside_body" if start is not None else "no_body_found"
    for index, block in enumerate(blocks):
        if index not in labels:
            labels[index] = (None, block.rule or ("menu" if block.bullet else outside))
    lines = _lines(blocks, labels)
    if copies:
        lines = sorted(lines + [Line(number, raw, None, "repeated_line", None) for number, raw in looped],
                       key=lambda line: line.number)
    return lines


def label_clean_text(text: str, *, title: str | None = None) -> list[Line]:
    """Label the lines of clean article text (an export's `text`): every non-blank line is kept
    (a bulleted one as `list_item`, others as `body`; hard-wrapped lines joined into one paragraph)
    except exact repeats of an earlier line (rule `repeated_line`); a last paragraph that is a
    byline ("— Jane Roe", "By Jane Roe", "Jane Roe is a reporter for …", as `_closing_byline` reads
    a page's) is kept as a `byline` line (`byline_below_body`), as it is on a page. A `title` becomes the headline
    (line 0, rule `export_title`), and a first line that repeats it is dropped (`repeated_headline`)."""
    lines: list[Line] = []
    seen: set[str] = set()
    heading = normalise_line(title) if title and title.strip() else None
    if heading:
        lines.append(Line(0, _one_space(title).strip(), "headline", "export_title", 0))
    paragraph = len(lines)
    blocks = _text_blocks(text)
    for index, (block_lines, block_text, bullet) in enumerate(blocks):
        key = _folded(block_text)
        if index == 0 and heading and normalise_line(block_text) == heading:
            kind, rule = None, "repeated_headline"
        elif index == len(blocks) - 1 and index > 0 and _may_close(block_lines) and \
                _closing_byline(_evidence(block_lines, frozenset())):
            kind, rule = "byline", "byline_below_body"  # "— Jane Roe" closing the text: who wrote it, no sentence
        elif key in seen:
            kind, rule = None, "repeated_line"
        else:
            kind, rule = ("list_item", "export_text") if bullet else ("body", "export_text")
            seen.add(key)
        for number, raw in block_lines:
            lines.append(Line(number, raw, kind, rule, paragraph if kind else None))
        paragraph += 1 if kind else 0
    return lines


# Lines repeated across a site's pages that hold more than this share of a page's prose words are
# the article (two versions of one story, a re-save), not furniture: they are kept.
MAX_REPEATED_PROSE = 0.5


def _repeats_take_the_article(blocks: list[_Block]) -> bool:
    repeated = sum(b.words for b in blocks if b.rule == "site_repeat" and _is_prose(b.text))
    prose = sum(b.words for b in blocks if b.prose)
    return repeated > MAX_REPEATED_PROSE * (repeated + prose)


# A page whose later copies of its own blocks hold more than this share of its words was saved or
# exported in a loop (one line written thousands of times), not printed with a ticker.
MAX_LOOP_SHARE = 0.5


def _loop_copies(blocks: list[_Block]) -> list[bool] | None:
    """Which blocks repeat an earlier block word for word (spaces folded), when such copies hold
    more than `MAX_LOOP_SHARE` of the page's words; None otherwise. A ticker or teaser list printed
    twice never does (its second copy is at most half of what the page repeats and the article)."""
    seen: set[str] = set()
    copies = []
    for block in blocks:
        copies.append(block.text in seen)
        seen.add(block.text)
    repeated = sum(block.words for block, copy in zip(blocks, copies) if copy)
    return copies if repeated > MAX_LOOP_SHARE * sum(block.words for block in blocks) else None


def _mark_page_repeats(blocks: list[_Block]) -> None:
    """Prose that appears twice on one page is a teaser list or a ticker (the same story titles
    and ledes at the top and the bottom), not the article, whose paragraphs are written once. A
    copy with prose of its own on both sides, the first such copy only, is a paragraph that the page
    repeats as a pull quote: it is kept. So is the last of copies that stand together (`_together`),
    as a heading: one text written twice in a row is a headline under its own link ("* Fact Check:
    Is An 'Oxygen Bar' In Delhi…?" over "Fact Check: Is An 'Oxygen Bar' In Delhi…?"), not a
    teaser list and not a paragraph (a body's paragraphs are written once)."""
    key = [b.text.casefold() if b.prose and b.words >= 8 else None for b in blocks]  # text has its spaces folded
    counts = Counter(k for k in key if k is not None)
    repeated = [k is not None and counts[k] > 1 for k in key]
    kept: set[str] = set()
    for index, block in enumerate(blocks):
        if not repeated[index]:
            continue
        if _together(blocks, key, index):
            block.prose = False  # a heading under its link, not a paragraph of the body
            continue
        inside = 0 < index < len(blocks) - 1 and all(
            blocks[i].prose and not repeated[i] for i in (index - 1, index + 1))
        if inside and key[index] not in kept:
            kept.add(key[index])
            continue
        block.prose, block.rule = False, "page_repeat"


NEAR_COPY_BLOCKS = 2  # a copy this many blocks after another, with no prose between, stands with it


def _together(blocks: list[_Block], key: list[str | None], index: int) -> bool:
    """Whether block `index` is the last of copies of one text that stand together: the copy before
    it is at most `NEAR_COPY_BLOCKS` blocks above with no prose between, and none follows as near."""
    def near(indices) -> bool:
        for other in indices:
            if key[other] == key[index]:
                return True
            if blocks[other].prose:
                return False
        return False

    before = near(range(index - 1, max(-1, index - 1 - NEAR_COPY_BLOCKS), -1))
    after = near(range(index + 1, min(len(blocks), index + 1 + NEAR_COPY_BLOCKS)))
    return before and not after


def _mark_captions(blocks: list[_Block]) -> None:
    """A picture's caption sits right on top of its credit line ("Jane Roe / Agency"), with no blank
    line between them, where the article's paragraphs are parted by blank lines: on a page that
    parts most of its prose by blank lines, a block glued to the credit line below it is a caption.
    Under a picture set above the article, the caption may also follow its credit, the byline right
    under it ("Alex Wong | Getty Images" / "Kristi Noem, …, pictured at …" / "By Amy Kuperinsky"): a
    block of prose between a credit line and a byline that signs a person's name (`_signs_a_name`) is that
    caption, as the article's text starts under its byline (`caption_below_credit`)."""
    prose = [i for i, b in enumerate(blocks) if b.prose and i > 0]
    parted = sum(blocks[i].lines[0][0] > blocks[i - 1].lines[-1][0] + 1 for i in prose)
    if not prose or parted < 0.5 * len(prose):
        return
    for index, (above, below) in enumerate(zip(blocks, blocks[1:])):
        if above.rule is None and below.lines[0][0] == above.lines[-1][0] + 1 and (
                below.rule == "caption" or (above.prose and _names_only(below) and _amid_prose(blocks, index))):
            above.prose, above.rule = False, "caption_above_credit"
            below.rule = below.rule or "caption"
    for credit, caption, byline in zip(blocks, blocks[1:], blocks[2:]):
        if credit.rule == "caption" and caption.rule is None and caption.prose and _signs_a_name(byline):
            caption.prose, caption.rule = False, "caption_below_credit"  # credit, caption, then the byline


def _signs_a_name(block: _Block) -> bool:
    """A byline (`_byline_line`) in which a person's name is read (`clean_author`): "By Amy Kuperinsky | NJ
    Advance Media for NJ.com", not "GET FOX BUSINESS ON THE GO BY CLICKING HERE"."""
    return _byline_line(block) and bool(clean_author(author_from_byline(block.text)))


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


def _opens_with_headline(blocks: list[_Block]) -> bool:
    """Whether the page's first line, standing alone over prose, reads as a headline
    (`_headline_like`): copied page text starts with the article's title, and a title that has
    the function words of a sentence ("Death toll rises to 60 as search moves to recovery phase")
    or ends with a question mark passes the prose test, so the body run would take it in."""
    return len(blocks[0].lines) == 1 and blocks[1].prose and _headline_like(blocks[0])


def _score(block: _Block) -> int:
    if block.prose:
        return block.words
    if block.rule in ("caption_above_credit", "caption_below_credit"):  # a picture's caption: neither article nor what ends it
        return 0
    if block.rule is None and (_sentence_or_lead_in(block) or _post_attribution(block)):
        return 0
    if block.rule is not None and block.rule != "page_repeat":  # a repeat costs what any other line does
        return -_COST_FURNITURE
    return -_COST_OTHER


def _label_body(blocks: list[_Block], start: int, end: int, labels: dict) -> None:
    """Label each block of the body (`start` to `end`) in `labels` as (kind, rule): the first of a
    sieve of rules that fits (a rule already given, prose, a post's credit, metadata, a heading, a list,
    a line between prose, a sentence, a price) names the block's kind, else it is dropped as short."""
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


def _header_window(blocks: list[_Block], start: int) -> list[int]:
    """The `HEADER_WINDOW` blocks right above the body that may be the article's header, nearest
    last. The buttons of a share bar (lines of the `share` and `share_bar` rules, and a list of
    icons: two or more bullets in a row with no words, as a dump of the page's list of buttons
    writes them, "* ") are passed over, not counted: a headline with eight share buttons between it
    and the body is in the window as one with none is. (How far a line is from the body still
    counts every line.)"""
    window: list[int] = []
    for index in range(start - 1, -1, -1):
        if len(window) == HEADER_WINDOW:
            break
        if blocks[index].rule not in SHARE_RULES and not _icon(blocks, index):
            window.append(index)
    return window[::-1]


def _icon(blocks: list[_Block], index: int) -> bool:
    """Whether a block is one of a list of icons: a bullet with no words, next to another."""
    def empty(i: int) -> bool:
        return 0 <= i < len(blocks) and blocks[i].bullet and not blocks[i].words
    return empty(index) and (empty(index - 1) or empty(index + 1))


SHARE_RULES = ("share", "share_bar")


def _label_header(blocks: list[_Block], start: int, labels: dict) -> None:
    """Headline, deck, byline and date in the lines above the body."""
    window = _header_window(blocks, start)
    titled = _page_title(blocks[:PAGE_TITLE_LINES])
    candidates = [i for i in window if blocks[i].rule is None and (
        _headline_like(blocks[i]) or (titled and 2 <= blocks[i].words <= 30 and not blocks[i].bullet
                                      and normalise_line(blocks[i].text) == titled))]
    if not candidates:  # "Council approves budget" / "By Jane Roe": a short title right above the byline
        candidates = [i for i in window if i + 1 < start and _short_title(blocks[i]) and _meta_line(blocks[i + 1])]
    if not candidates and (stopped := _stopped_over_signs(blocks, window)) is not None:
        candidates = [stopped]  # a headline ending in a full stop, right over its date and byline
    if not candidates:
        for index in window:
            _label_meta(blocks[index], index, labels)
        return
    candidates = _without_trails(blocks, candidates)
    texts = Counter(normalise_line(blocks[i].text) for i in window)
    named = _as_page_title(blocks, candidates, titled) or _page_title_above(blocks, candidates, start, titled)
    over = None if named else _over_byline(blocks, window)
    if named:
        candidates = named
    elif over is not None:
        candidates = [over]
    else:
        candidates = _without_decks(blocks, candidates) or candidates
    headline = max(candidates, key=lambda i: (blocks[i].words + 5 * (texts[normalise_line(blocks[i].text)] > 1
                                                                      or normalise_line(blocks[i].text) == titled)
                                              - 0.5 * (start - i), -i))
    same = normalise_line(blocks[headline].text)
    first = min(i for i in candidates if normalise_line(blocks[i].text) == same)
    labels[first] = ("headline", "headline_above_body")
    for index in range(first + 1, start):
        block = blocks[index]
        if _icon(blocks, index):
            continue  # the icon of a button, dropped as a menu
        if normalise_line(block.text) == same:
            labels[index] = (None, "repeated_headline")
        elif block.rule is not None:
            labels[index] = (None, block.rule)
        elif _label_meta(block, index, labels):
            continue
        elif index + 1 < start and _names_line(block) and _date_line(blocks[index + 1]):
            labels[index] = ("byline", "names_above_date")  # "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader"
        elif _names_line(block) and _persons_only(block.text):
            labels[index] = ("byline", "names_below_headline")  # "Jane Roe, John Doe" with no "By"
        else:
            if "subtitle" not in {kind for kind, _ in labels.values()} and block.words >= 5 \
                    and not block.bullet:
                labels[index] = ("subtitle", "deck_below_headline")
            else:
                labels[index] = (None, "header_furniture")


def _over_byline(blocks: list[_Block], window: list[int]) -> int | None:
    """The headline read over the article's byline and date: a headline stands right over them,
    with at most its deck and the page's furniture between (a picture and its caption, share
    buttons, a section's label). From the line nearest the body in the header `window` that is a
    byline ("By Jane Roe"), a date line, or a line of persons' names only ("Anna Menin", as some
    sites sign under the headline), the lines above are passed over while they are furniture (a
    rule of their own), short or sentences (`_line_above`); the first other line is the headline
    when it reads as one (`_headline_like`) and the next line up does not (two such lines are a
    headline and its deck, which the other rules tell apart), else None. A line that reads as a
    headline between the byline or date and the body is a video's title, a caption or another
    story's, not the article's; a date over the headline is passed by when the writer's name under
    the headline is nearer the body."""
    signs = _signs(blocks, window)
    if not signs:
        return None
    found = _line_above(blocks, max(signs))
    if found is None or not _headline_like(blocks[found]) or _names_line(blocks[found]):
        return None
    above = _line_above(blocks, found)
    if above is not None and _headline_like(blocks[above]):
        return None  # two lines that read as headlines: a headline and its deck, told apart as any others
    return found


def _signs(blocks: list[_Block], window: list[int]) -> list[int]:
    """The lines of the header `window` that say who or when: a byline, a date line, a line of persons'
    names only."""
    return [i for i in window if _byline_line(blocks[i]) or _date_line(blocks[i])
            or (_names_line(blocks[i]) and _persons_only(blocks[i].text))]


def _stopped_over_signs(blocks: list[_Block], window: list[int]) -> int | None:
    """For a header where no line reads as a headline, the headline that ends in a full stop ("South Dakota
    doubles down on ‘Meth. We’re on it.’ They just might be."), which `_over_byline` passes over as a caption
    or deck: the nearest line above the byline and date (`_signs`), passing over furniture (a rule of its own)
    and those lines only, that reads as a headline but for its full stop, with no line of the header
    `window` reading as a headline right above it (a menu further up is no deck); else None."""
    signs = _signs(blocks, window)
    if not signs:
        return None
    index = max(signs)
    while index - 1 in window and (blocks[index - 1].rule is not None or index - 1 in signs):
        index -= 1
    found = index - 1
    if found not in window or not blocks[found].text.endswith(".") or _names_line(blocks[found]):
        return None
    if not _headline_like(replace(blocks[found], text=blocks[found].text[:-1])):
        return None
    above = _line_above(blocks, found)
    return None if above in window and _headline_like(blocks[above]) else found


def _line_above(blocks: list[_Block], index: int) -> int | None:
    """The nearest line above block `index` that is not passed over on the way up from a byline
    to its headline: furniture (a rule of its own), short lines (fewer than four words: a section's
    label, an icon) and sentences (a caption or deck ending with a full stop); within
    `HEADER_WINDOW` lines, else None."""
    for above in range(index - 1, max(-1, index - 1 - HEADER_WINDOW), -1):
        block = blocks[above]
        if block.rule is None and block.words >= 4 and not block.text.endswith("."):
            return above
    return None


def _byline_line(block: _Block) -> bool:
    """A byline as `_label_meta` reads one: a short line with "By" before a name, not prose."""
    return block.rule is None and block.words <= 14 and not block.prose and bool(_BYLINE.search(block.text)) \
        and not _STAMP.search(block.text)


def _without_decks(blocks: list[_Block], candidates: list[int]) -> list[int]:
    """Headline candidates less decks: a deck (standfirst) follows its headline, with at most short
    labels (a section's name, "Editorial") or share buttons between them, is longer than it and
    reads as more than one sentence ("… has only fuelled the crisis. It is up to them to
    de-escalate…"), where a headline is one (a break inside quotation marks is the quote's: "South
    Dakota says, 'Meth. We're On It,' and Twitter asks…" is one); the headline is the one above."""
    decks = set()
    for upper, lower in zip(candidates, candidates[1:]):
        between = range(upper + 1, lower)
        if any(_meta_line(blocks[i]) or (blocks[i].rule is None and blocks[i].words >= 4) for i in between):
            continue
        if blocks[lower].words > blocks[upper].words and _SENTENCE_BREAK.search(_QUOTED.sub(" ", blocks[lower].text)):
            decks.add(lower)
    return [i for i in candidates if i not in decks]


def _without_trails(blocks: list[_Block], candidates: list[int]) -> list[int]:
    """Headline candidates less those that end with another candidate after words of their own: a
    breadcrumb trail ("Home Holidays Homemade Spiced Honey Pear Jam…" above "Homemade Spiced Honey
    Pear Jam…") ends with the page's title, and the title alone is the headline."""
    texts = {i: normalise_line(blocks[i].text) for i in candidates}
    return [i for i in candidates
            if not any(j != i and len(texts[j]) < len(texts[i]) and texts[i].endswith(" " + texts[j])
                       for j in candidates)] or candidates


def _as_page_title(blocks: list[_Block], candidates: list[int], titled: str | None) -> list[int]:
    """The headline candidates that repeat the page's title: the headline part of a first line
    "Headline | Site" (`_page_title`), or a whole first line, as a dump of a page whose title names
    no site starts with it. The title is the page's own name for the article, so such a line is
    the headline however long the menus or taglines near it ("Tim Cook On Apple Being ‘Pulled Into
    The Enterprise’" above a line of 22 menu labels)."""
    titles = ({normalise_line(block.text) for block in blocks[:PAGE_TITLE_LINES]} | {titled}) - {"", None}
    return [i for i in candidates if i >= PAGE_TITLE_LINES and normalise_line(blocks[i].text) in titles]


FAR_TITLE_BLOCKS = 3 * HEADER_WINDOW  # how far above the body the page's title is looked for


def _page_title_above(blocks: list[_Block], candidates: list[int], start: int, titled: str | None) -> list[int]:
    """The last line above the body, beyond the header window (up to `FAR_TITLE_BLOCKS` blocks),
    that repeats the page's title and reads as a headline: the headline part of a first line
    "Headline | Site" (`_page_title`), else a first line that reads as a headline (a dump of the
    whole page starts with its title, which may name no site). The page names the article by it,
    however many share buttons, forms and boxes of links stand between it and the body (a comment
    form, a "Most Popular" list). Empty when there is none, or when a headline candidate of the
    header is part of the title (`candidates`: "Headline" under the title "Opinion | Headline")."""
    title = titled or (normalise_line(blocks[0].text) if blocks and _headline_like(blocks[0]) else None)
    if not title or any(normalise_line(blocks[i].text) in title for i in candidates):
        return []  # the header holds the title's headline ("Opinion | Headline" has "Headline")
    found = [i for i in range(max(PAGE_TITLE_LINES, start - FAR_TITLE_BLOCKS), start)
             if blocks[i].rule is None and not blocks[i].bullet
             and normalise_line(blocks[i].text) == title and _headline_like(blocks[i])]
    return found[-1:]


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


_NAME_JOINS = frozenset("and & of de da di du del der van von".split())


def _names_line(block: _Block) -> bool:
    """A line of names with no "By" (a byline as some sites print it: the writers, then their
    paper): every word capitalised but the words joining names, no digit, not ending like a sentence."""
    words = _WORD.findall(block.text)
    return (2 <= len(words) <= 14 and not block.bullet and block.rule is None and not block.prose
            and not any(c.isdigit() for c in block.text) and not block.text.endswith((".", "!", "?", ":"))
            and all(word[:1].isupper() or word.lower() in _NAME_JOINS for word in words)
            and sum(word[:1].isupper() for word in words) >= 2)


def _persons_only(text: str) -> bool:
    """Text that is only persons' names ("Jane Roe, John Doe", "Jane Roe and John Q. Doe"): each
    part between commas, ";", "and" and "&" opens with a common given name (`given_names.toml`), has
    two or three words, or four with a middle initial ("Sarah E. Needleman"), letters only (no
    "@handle"), and reads as a name to `clean_author`. "Supreme Court Justices", "Los Angeles Lakers"
    and a headline in capitals open with no given name; "Miguel Bernal North Diving" (a results
    table) runs on past a name."""
    parts = [part.strip() for part in re.split(r"\s*[,;]\s*|\s+(?:and|&)\s+", text.strip())]
    return bool(parts) and all(_person_name(part.split()) for part in parts)


def _person_name(words: list[str]) -> bool:
    longest = 4 if any(_MIDDLE_INITIAL.fullmatch(word) for word in words[1:-1]) else 3
    return (2 <= len(words) <= longest and words[0] in _given_names()
            and all(_NAME_WORD.fullmatch(word) for word in words) and clean_author(" ".join(words)) == " ".join(words))


_MIDDLE_INITIAL = re.compile(r"[A-Z]\.?")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_.’'-]*(?:[’'-][^\W\d_]+)*\.?")  # "O’Neil", "Smith-Jones", "Jr."


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(load_data("given_names")["names"])


# How far below the body a byline that closes the article is looked for: the blocks after the last
# paragraph, before the page's furniture starts ("Share", related stories).
CLOSING_BYLINE_BLOCKS = 3
# A byline printed after the article: after a dash ("— Jane Roe"), or the writer's note ("Jane Roe is
# a reporter for the Daily Planet.", "Jane Roe (@jroe) is a contributor"), which opens with the name
# (and the writer's handle) and a verb of what the writer does.
_DASH_LINE = re.compile(r"^\s*(?:[—–]|--?)\s*\S")
_NOTE_OPENS = re.compile(r"^(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})(?:\s+\(@\w+\))?"
                         r"\s+(?:is|was|writes|reports|covers)\s")


def _label_closing_byline(blocks: list[_Block], end: int, labels: dict) -> None:
    """A byline printed after the article's last paragraph ("— Jane Roe", "By Jane Roe", "Jane Roe
    is a reporter for X"): among the few blocks below the body, the first that names only persons
    is labelled `byline`, as a byline above the headline is. It is kept out of the body, and gives
    the author when no byline above the body does (`infer_metadata` reads the first byline that
    names someone). Prose of the page below the body ends the search: a byline closes the article."""
    for index in range(end + 1, min(end + 1 + CLOSING_BYLINE_BLOCKS, len(blocks))):
        block = blocks[index]
        if block.rule not in (None, "author_note"):
            continue
        if _closing_byline(block):
            labels[index] = ("byline", "byline_below_body")
            return
        if block.prose:
            return


def _may_close(lines: list[tuple[int, str]]) -> bool:
    """Whether the block of these (number, raw) lines can pass `_closing_byline`, told without its
    evidence (the furniture phrases searched through a whole paragraph): a note opening with a name
    (`_NOTE_OPENS`), or one line of at most `MAX_BYLINE_WORDS` words."""
    text = _joined_text(lines)[0]
    return bool(_NOTE_OPENS.match(text)) or (
        len(lines) == 1 and sum(1 for _ in islice(_WORD.finditer(text), MAX_BYLINE_WORDS + 1)) <= MAX_BYLINE_WORDS)


def _closing_byline(block: _Block) -> bool:
    if block.rule == "author_note":  # a note of up to 80 words (furniture.toml): its opening names the writer
        note = _NOTE_OPENS.match(block.text)
        return bool(note) and _persons_only(note.group("name"))
    if block.rule is not None or len(block.lines) != 1 or block.words > MAX_BYLINE_WORDS:
        return False
    line = block.lines[0][1].strip()
    if _signed(line):
        name = author_from_byline(block.text)
        return bool(name) and _persons_only(name)
    return bool(_DASH_LINE.match(line)) and _persons_only(block.text.strip(" .,;:—–-"))


def _short_title(block: _Block) -> bool:
    """A headline too short for `_headline_like` ("Council approves budget"): two or three words,
    capitalised, no date, not a byline or a person's name (the writer above the date), not ending
    like a sentence; read as the headline only right above the byline or date line of the article."""
    return (block.rule is None and 2 <= block.words < 4 and not block.bullet and block.text[:1].isupper()
            and not _DATE.search(block.text) and not _STAMP.search(block.text) and not _BYLINE.search(block.text)
            and not block.text.endswith((".", ":", ",", "!", "?")) and not _persons_only(block.text))


def _meta_line(block: _Block) -> bool:
    """A byline ("By Jane Roe") or a date line: what follows a headline at the top of an article."""
    return block.rule is None and block.words <= 14 and (
        (_signed(block.text) and not block.prose) or _date_line(block))


def _date_line(block: _Block) -> bool:
    """A line saying when the article was published: a stamp ("Published 10:02 AM EST Nov 19, 2019")
    or a short line with a date."""
    return block.rule is None and bool(_STAMP.search(block.text) or (_DATE.search(block.text) and block.words <= 10))


def _headline_like(block: _Block) -> bool:
    return (4 <= block.words <= 30 and not block.bullet and not _DATE.search(block.text)
            and not _STAMP.search(block.text) and not _SIGNED_AT_START.search(block.text)
            and not block.text.endswith((".", ":", ",")) and not _share_label(block.text)
            and len(_SENTENCE_BREAK.findall(block.text)) < 2)


# A byline's "By" and a name, opening the line or after one word ("By Jane Roe", "Analysis by Jane
# Roe", "Story by …"): a line that is someone's signature, never a headline. Further in, "by" and a
# capital are a headline's own ("DACA Immigration Program Invalidated by Federal Judge", "… overshadowed
# by Covid-19 …").
_SIGNED_AT_START = re.compile(r"^[^\w]*(?:[\w’']+\s+)?by\s+(?=(?-i:[A-Z@]))", re.IGNORECASE)


# Where one sentence ends and the next begins ("… its audience. When you purchase …"); a word of
# three lower-case letters or more before the stop, so "Gov. Newsom" and "U.S. Says" are no break.
# A headline is one sentence or phrase: a line of three sentences is a paragraph (a disclosure, a lede).
_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?][’”\x27\"]?\s+[A-Z“‘\"]")


# A quotation, in curly or straight marks; a single mark closes it only where no letter follows (an
# apostrophe inside it, "'Meth. We're On It,'", does not).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)‘.*?’(?!\w)|(?<!\w)'.*?'(?!\w)")


def _share_label(text: str) -> bool:
    """Whether a line opens with the label of a share bar before a colon ("Share All sharing options
    for: <the article's title>", "Share on Facebook: …"): the label of a button, never a headline,
    whatever follows it."""
    label, colon, _ = text.partition(":")
    return bool(colon) and furniture_names("share_bar", label)


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
