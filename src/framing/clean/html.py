"""Saved web pages: trafilatura's extraction made into labelled lines (`label_html`), or the
page-dump rules on the page's text (`html_text`) when trafilatura keeps much less than they do."""
from __future__ import annotations

import re

from .blocks import _is_prose
from .furniture import _furniture_rule
from .labels import label_lines
from .metadata import (author_from_byline, check_date_with_url, clean_author, clean_title, infer_metadata, parse_date, reads_as_stamp,
                       url_date)
from .text import Line, MIN_ARTICLE_WORDS, _BYLINE, _MONTH, _SPACE, _WORD, drop_hover_cards, normalise_line

# The same attribution run into the end of the post's text, as trafilatura extracts an embedded post
# ("… pic.twitter.com/3BDnrvkoms— Jane Roe (@jroe) May 4, 2019").
_POST_ATTRIBUTION_AT_END = re.compile(rf"(?:[—–]|--)\s*[^—–\n]{{1,80}}?\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*$",
                                      re.IGNORECASE)


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
                              include_tables=False, favor_precision=False, date_extraction_params=_date_params())
    if not xml:
        return [], {}
    root = etree.fromstring(xml.encode("utf-8"))
    page = _parsed_html(html)
    dump_lines = label_lines(html_text(page)) if page is not None else []
    stated = _stated_by_text(page, dump_lines)
    named = _not_the_title(root.get("sitename"), root.get("title"))
    if named and stated["outlet"] and _a_handle(named, page):
        named = None  # "NYTimes", the app's name, on a page titled "… - The New York Times"
    outlet = _site_name(named, root.get("hostname"), page) or stated["outlet"]
    meta = {"title": clean_title(root.get("title"), outlet=outlet), "subtitle": root.get("description") or None,
            "author": clean_author(root.get("author"), outlet=outlet) or stated["author"],
            "published": _published(_stated_day(root.get("date"), html), root.get("url")),
            "outlet": outlet, "url": root.get("url") or None}
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
    if not any(map(_is_prose, content)) or _link_share(page, content) > MAX_LINK_SHARE:
        return [], {}  # navigation, a list of links or a bare title: no article
    if _kept_words(lines) < MIN_EXTRACTED_SHARE * _kept_words(_without_link_lists(dump_lines, page)):
        return _with_headline(dump_lines, meta["title"]), meta  # trafilatura lost part of the article
    return lines, meta


def _date_params() -> dict:
    """How trafilatura's date search (htmldate, Barbaresi 2020) runs: its defaults (the original
    date, not the last change), with the date in the page's address tried after the page's own
    stamps (`deferred_url_extractor`), not before: an address may hold a date that is the story's
    subject, not its publication ("…-testimony-2019-11-19/" on a story published Nov 20), and
    `check_date_with_url` still sets the date aside when the address files it more than a day
    away."""
    from trafilatura.settings import set_date_params

    return {**set_date_params(True), "deferred_url_extractor": True}


def _stated_day(found: str | None, html: str) -> str | None:
    """trafilatura's date of a page as a day, unless it is a year alone made into a day: with no
    date on the page, htmldate's extensive search takes the year of its copyright line ("© 2021")
    or a year written alone as January 1st, a day the page never states. A January 1st is kept
    only when the search of the page's stamps and metadata alone finds it too."""
    day = parse_date(found or "")
    if not day or not day.endswith("-01-01"):
        return day
    from htmldate import find_date

    params = {**_date_params(), "extensive_search": False}
    return day if find_date(html, **params) == day else None


def _published(stamped: str | None, url: str | None) -> str | None:
    """A saved page's publication day from the date its stamps give (`stamped`, trafilatura's) and
    the date its address files it under (`url_date`): the address's when the two are within a day
    (stamps are often written in UTC, the address in the newsroom's day, the day the page prints:
    VentureBeat's "2019-11-19T07:03:25+00:00" of "November 18, 2019 11:03 PM"), none when they are
    further apart (`check_date_with_url`), the stamps' when the address has no date."""
    filed = url_date(url)
    if stamped and filed:
        return filed if check_date_with_url(stamped, url) else None
    return stamped


def _with_headline(lines: list[Line], title: str | None) -> list[Line]:
    """The page-dump rules' lines of a saved page, with its headline kept: when they keep none and
    a line dropped above the body reads as the title trafilatura found (nj.com's heading, dropped
    as `outside_body` two lines above the body's run), the last such line is kept as the
    `headline` (`html_title`), so the article has its headline sentence as every other page has."""
    if not title or any(line.kind == "headline" for line in lines):
        return lines
    body = next((i for i, line in enumerate(lines) if line.kind == "body"), len(lines))
    wanted = normalise_line(title)
    found = [i for i in range(body) if lines[i].kind is None and normalise_line(lines[i].text) == wanted]
    if not found:
        return lines
    line = lines[found[-1]]
    return [*lines[:found[-1]], Line(line.number, line.text, "headline", "html_title", -1), *lines[found[-1] + 1:]]


def _not_the_title(name: str | None, title: str | None) -> str | None:
    """trafilatura's site name of a page, unless it is the page's title: of a page titled "Headline -
    Site" with no other mark of its site (no og:site_name, no publisher), trafilatura may give the
    headline as the site's name ("L.A. County will require masks indoors amid alarming rise in
    coronavirus cases" of a Los Angeles Times page)."""
    if name and title and normalise_line(name) == normalise_line(title):
        return None
    return name


# Metadata naming a site's account or app rather than the site: trafilatura's site name when the
# page has no og:site_name or publisher ("@SputnikInt", the iPhone app "NYTimes").
_HANDLE_META = re.compile(r"^(?:twitter:site|twitter:app:name\b.*|application-name|al:\w+:app_name)$", re.IGNORECASE)


def _a_handle(name: str, page) -> bool:
    """Whether trafilatura's site name of a page is only the name of its social-media account or of
    its app (`_HANDLE_META`: "SputnikInt" of twitter:site "@SputnikInt", "NYTimes" of the app's
    name): the page then names itself otherwise to its readers (its title's "- The New York Times",
    its copyright line), and that name is the outlet's."""
    if page is None:
        return False
    wanted = name.lstrip("@").casefold()
    return any(_HANDLE_META.match(meta.get("name") or meta.get("property") or "")
               and (meta.get("content") or "").strip().lstrip("@").casefold() == wanted for meta in page.iter("meta"))


def _stated_by_text(page, dump_lines: list[Line]) -> dict:
    """The outlet and author the page's text states, read as on a page dump: the outlet from the
    page's title line ("Headline - The Hill", the `<title>` a browser shows on its tab) over the text
    a reader sees (a byline signed with the site, a copyright line; `infer_metadata`), the author
    from the first byline that opens with "By" ("By Jane Roe | July 15, 2021"). What a saved page
    gives when its markup names no site or author for trafilatura to read. A line of names alone
    above a date, which the page-dump rules may read as a byline, gives no author here: on a saved
    page it is as often a name of the article's text (a results list) as its writer."""
    if page is None:
        return {"outlet": None, "author": None}
    title = _SPACE.sub(" ", page.findtext(".//title") or "").strip()
    lines = [Line(0, title, None, "page_title", None)] if title else []
    outlet = infer_metadata(lines + dump_lines)["outlet"]
    signed = [line.text for line in dump_lines if line.kind == "byline" and _BYLINE.search(line.text)]
    authors = [clean_author(author_from_byline(text), outlet=outlet) for text in signed]
    return {"outlet": outlet, "author": next(filter(None, authors), None)}


def _site_name(name: str | None, host: str | None, page) -> str | None:
    """The outlet a saved page names (trafilatura's `sitename`: og:site_name, else the publisher),
    or its web address when the page names itself only by the address's first word in lower case
    (og:site_name "nj" of nj.com, which trafilatura capitalises as "Nj"; "detroitnews"): "nj.com"
    then, as readers know the site. A name the page writes in capitals ("Vox", "VentureBeat") stays.
    A name of three or more capitalised words (a publisher's full name from the page's data) whose
    initials are the page's og:site_name or its web address's name is those initials, the name
    readers use ("Cable News Network" of cnn.com, og:site_name "CNN": "CNN")."""
    host = (host or "").lower().removeprefix("www.")
    written = page.xpath('string(//meta[@property="og:site_name"]/@content)').strip() if page is not None else ""
    if name and "." in host and name.lower() == written == host.split(".")[0]:
        return host
    words = (name or "").split()
    initials = "".join(word[0] for word in words if word[:1].isupper())
    if len(words) >= 3 and len(initials) == len(words) and initials.lower() in (written.lower(), host.split(".")[0]):
        return initials
    return name or None


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


def _without_link_lists(lines: list[Line], page) -> list[Line]:
    """The page-dump rules' lines of a saved page less the lists of links they kept: two or more
    kept lines in a row that are each the whole text of one of the page's links (a "Most Popular"
    or related-stories list the rules took into a short article's body, as its items read like
    sentences). The page's text alone cannot tell such a list from prose; its markup can (the
    link-density cue of Kohlschütter, Fankhauser & Nejdl 2010). Used to weigh what trafilatura
    kept against what the rules keep, not to label lines: a single link inside the article (a
    deal's "Get it on Amazon for $139") stays the rules' to keep."""
    if page is None:
        return lines
    anchors = {normalise_line(a.text_content()) for a in page.iter("a")}
    anchors.discard("")
    linked = [line.kind in ("body", "list_item", "subheading") and normalise_line(line.text) in anchors for line in lines]
    in_list = [linked[i] and (i > 0 and linked[i - 1] or i + 1 < len(lines) and linked[i + 1]) for i in range(len(lines))]
    return [line for line, listed in zip(lines, in_list) if not listed]


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
        elif kind == "body" and not prose_words and _header_meta(text, words):
            kind, rule = _header_meta(text, words)
        prose_words += words if kind in ("body", "list_item") else 0
        lines.append(Line(number, drop_hover_cards(text) if kind else text, kind, rule, paragraph if kind else None))
        paragraph += 1 if kind else 0
    return lines


def _header_meta(text: str, words: int) -> tuple[str, str] | None:
    """A paragraph trafilatura extracted above the article's first prose that is its byline or its
    date, as the page-dump rules read those above the body (`labels._label_meta`): a short line with
    "By" before a name that is not prose ("By Jane Roe | July 15, 2021") is a `byline`, a date
    stamp ("July 15, 2021 6:41 PM UTC Updated ago", `reads_as_stamp`) a `date`; None otherwise."""
    if words <= MAX_HEADER_META_WORDS and _BYLINE.search(text) and not _is_prose(text):
        return "byline", "byline_above_body"
    if reads_as_stamp(text):
        return "date", "date_above_body"
    return None


MAX_HEADER_META_WORDS = 14  # a byline line's words at most, as `labels._label_meta` reads one


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


def _inside(element, *tags: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
