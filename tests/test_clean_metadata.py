"""When an article was published and what it is called, as read from a page: the date stamps of its
header, the date its web address files it under, and a headline the page writes twice."""
from __future__ import annotations

import json

import pytest

from framing.clean import check_date_with_url, infer_metadata, label_html, label_lines, url_date
from framing.clean.metadata import publication_date, reads_as_stamp

HEADLINE = "Council approves the harbour budget after a long night of debate"
BODY = """The city council approved next year's harbour budget early on Tuesday, after a debate that ran for
more than seven hours and drew a crowd of residents to the town hall.

The budget sets aside four million pounds for the sea wall, which flooded twice last winter and left
the old market without power for several days.

Members of the opposition said the plan did too little for the fishing fleet, whose moorings have not
been repaired since the storm, and voted against it.

The mayor said the council would return to the question of the moorings in the spring, once the
engineers have finished their survey of the eastern quay."""


def _page(*header: str, after: str = "") -> str:
    """A page dump: a menu, the header lines given, the body, and what follows it."""
    return "\n\n".join(["Home", "News", "Sport", *header, BODY, after, "© 2019 Harbour Gazette"])


def _published(*header: str, after: str = "") -> str | None:
    return infer_metadata(label_lines(_page(*header, after=after)))["published"]


# ── published or updated ───────────────────────────────────────────────────────────────────────

def test_a_date_said_to_be_an_update_is_not_the_publication_date():
    """Regression: Vox (aeb-dev) prints only "By Umair Irfan Updated Nov 13, 2019, 10:28am EST" over
    a story published on Nov 8 (its address says 2019/11/8), and the dumps gave Nov 13. The day of
    the last change says the story was published on or before it, not when: no date then. A date
    said to be published wins over one said to be updated, wherever each stands in the line."""
    assert _published(HEADLINE, "By Jane Roe Updated Nov 13, 2019, 10:28am EST") is None
    assert _published(HEADLINE, "By Jane Roe", "Published Nov 8, 2019 | Updated Nov 13, 2019") == "2019-11-08"
    assert _published(HEADLINE, "By Jane Roe", "Updated: Nov 13, 2019 | Posted: Nov 8, 2019") == "2019-11-08"
    assert _published(HEADLINE, "By Jane Roe", "Nov 8, 2019") == "2019-11-08"  # with no word, it is the date


def test_a_first_published_line_anywhere_on_the_page_decides():
    """CBS News prints "Updated on: November 19, 2019 / 10:07 AM" over the story and "First published
    on November 19, 2019 / 8:16 AM" under it: the line saying when it first appeared gives the date.
    A sentence that opens so is no stamp."""
    first = "First published on November 18, 2019 / 8:16 AM"
    assert _published(HEADLINE, "Updated on: November 19, 2019 / 10:07 AM", after=first) == "2019-11-18"
    sentence = ("First published in March 1998, the harbour survey has been cited in every budget debate "
                "the council has held since then.")
    assert _published(HEADLINE, "Updated on: November 19, 2019 / 10:07 AM", after=sentence) is None


def test_dates_of_two_stories_in_the_header_give_no_date_and_a_day_apart_the_earlier():
    """Regression: on autoindustriya.com (aeb-dev) a related story's headline and date lines were taken
    for the header, "November 20, 2015" then "September 12, 2016", and the 2019 story got 2015-11-20.
    Dates of one kind more than a day apart settle nothing; within a day they are one stamp read in
    two time zones, or a stamp and its late-night update: the earlier."""
    assert _published(HEADLINE, "November 20, 2015", "By Jane Roe", "September 12, 2016") is None
    assert _published(HEADLINE, "November 20, 2019", "By Jane Roe", "November 19, 2019") == "2019-11-19"
    assert publication_date(["Published Nov 8, 2019", "Published Nov 12, 2019"]) is None
    assert publication_date(["Published Nov 8, 2019", "Nov 12, 2019"]) == "2019-11-08"  # the said kind decides
    assert publication_date(["Published Feb 30, 2019", "Feb 28, 2019"]) == "2019-02-28"  # no such day: no date


# ── which lines are stamps ─────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("text, stamp", [
    ("Nov 18, 2019 at 9:24 pm ET • 2 min read", True),
    ("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT", True),
    ("PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm", True),
    ("November 19, 2019 / 12:21 AM / Updated 14 hours ago", True),
    ("Source: Russian Defense Ministry, October 25, 2019", False),
    ("The council met on November 18, 2019 to vote on the harbour budget", False),
    ("Updated 14 hours ago", False),  # no date
])
def test_a_stamp_line_is_dates_times_and_stamp_words(text, stamp):
    assert reads_as_stamp(text) is stamp


def test_a_stamp_over_the_headline_or_as_its_deck_gives_the_date_and_one_in_the_body_does_not():
    """Reuters prints "November 19, 2019 / 12:21 AM / Updated 14 hours ago" just over its headline,
    CBS Sports "Nov 18, 2019 at 9:24 pm ET • 2 min read" where a deck stands, and the dumps read no
    date from either (aeb-dev). A stamp near the headline is read; a dated line inside the body is a
    source's ("Source: Russian Defense Ministry, October 25, 2019"), never the article's."""
    assert _published("November 19, 2019 / 12:21 AM / Updated 14 hours ago", HEADLINE) == "2019-11-19"
    assert _published(HEADLINE, "Nov 18, 2019 at 9:24 pm ET • 2 min read") == "2019-11-18"
    body = BODY.split("\n\n")
    dump = "\n\n".join(["Home", HEADLINE, "November 18, 2019", body[0], "Source: Harbour Authority, October 25, 2019",
                        *body[1:]])
    assert infer_metadata(label_lines(dump))["published"] == "2019-11-18"


# ── the web address ────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("url, day", [
    ("https://www.vox.com/science-and-health/2019/11/8/20948348/delhi-air", "2019-11-08"),
    ("https://www.theguardian.com/commentisfree/2019/nov/18/hong-kong", "2019-11-18"),
    ("https://www.latimes.com/business/story/2019-11-19/disney-plus", "2019-11-19"),
    ("https://www.cbsnews.com/news/impeachment-testimony-2019-11-19/", None),  # the hearing's day, in the name
    ("https://www.cleveland.com/entertainment/2019/11/doobie-brothers.html", None),  # no day
    ("https://example.com/2019/02/30/no-such-day", None),
    (None, None),
])
def test_the_date_an_address_files_a_story_under(url, day):
    assert url_date(url) == day


@pytest.mark.parametrize("published, url, kept", [
    ("2019-11-13", "https://www.vox.com/science/2019/11/8/1/delhi", None),  # five days apart: not settled
    ("2019-11-09", "https://www.vox.com/science/2019/11/8/1/delhi", "2019-11-09"),  # a time zone apart
    ("2019-11-13", "https://www.vox.com/science/delhi", "2019-11-13"),  # the address has no date
    (None, "https://www.vox.com/science/2019/11/8/1/delhi", None),  # a check, not a source
])
def test_a_page_date_more_than_a_day_from_its_address_date_is_set_aside(published, url, kept):
    assert check_date_with_url(published, url) == kept


def _html(url: str, stamp: str) -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in BODY.split("\n\n"))
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
                       "datePublished": stamp})
    return (f'<html><head><title>{HEADLINE}</title><link rel="canonical" href="{url}">'
            f'<script type="application/ld+json">{data}</script></head>'
            f"<body><article><h1>{HEADLINE}</h1>{paragraphs}</article></body></html>")


def test_a_saved_page_reads_its_own_stamp_before_a_date_in_its_address():
    """Regression: CBS News's page of Nov 20 on the hearing of Nov 19 (aeb-dev) has the hearing's day in
    its address ("…-testimony-2019-11-19/"), which trafilatura's date search read before the page's
    own datePublished. The stamp comes first; a date the address files the story under (its folders)
    gives the newsroom's day when the stamp is within a day of it (a stamp in UTC of a US evening),
    and neither when they are further apart."""
    slug = "https://www.example-news.com/news/harbour-hearing-2019-11-19/"
    assert label_html(_html(slug, "2019-11-20T06:07:01+0000"))[1]["published"] == "2019-11-20"
    folders = "https://www.example-news.com/2019/11/18/harbour-budget/"
    assert label_html(_html(folders, "2019-11-19T07:03:25+00:00"))[1]["published"] == "2019-11-18"
    assert label_html(_html(folders, "2019-11-25T07:03:25+00:00"))[1]["published"] is None



def test_a_saved_page_with_only_a_copyright_year_has_no_date():
    """Regression: a saved page with no date but its footer's "© 2021" was dated 2021-01-01, as
    htmldate's extensive search takes a year alone as January 1st. A page that states January 1st
    (its datePublished) keeps it."""
    slug = "https://www.example-news.com/news/harbour-reopens/"
    footer = "<footer><p>© 2021 Example News. All rights reserved.</p></footer></body>"
    undated = _html(slug, "").replace(',"datePublished": ""', "").replace(', "datePublished": ""', "")
    assert "datePublished" not in undated
    assert label_html(undated.replace("</body>", footer))[1]["published"] is None
    stated = _html(slug, "2021-01-01T09:30:00+00:00").replace("</body>", footer)
    assert label_html(stated)[1]["published"] == "2021-01-01"

# ── titles ─────────────────────────────────────────────────────────────────────────────────────

def test_a_headline_written_under_its_own_link_is_the_title():
    """Regression: News Nation (aeb-dev) writes its headline twice in a row, as a link and as the
    heading ("* Fact Check: Is An 'Oxygen Bar' In Delhi…?"); both were dropped as prose repeated on
    the page (a teaser list), and the dump had no title. Copies standing together are one text: the
    last is the headline. A teaser written at the top and the bottom of the page is still dropped."""
    title = "Fact Check: Is An Oxygen Bar In Delhi Offering Fresh Air For Rs 300?"
    teaser = "Harbour master retires after forty years of guiding the fishing fleet home?"
    dump = "\n\n".join(["Home", teaser, f"* {title}", title, "By Jane Roe", BODY, "Most read", teaser])
    lines = label_lines(dump)
    assert infer_metadata(lines)["title"] == title
    assert {line.rule for line in lines if line.text.strip() == teaser} == {"page_repeat"}
    assert sum(line.kind is not None and title in line.text for line in lines) == 1


def test_a_build_sets_aside_a_page_date_its_address_contradicts(tmp_path):
    """The build checks the date read from a page against the date of the url the manifest gives
    (`check_date_with_url`): five days apart, the article has no date; the same day, it keeps it."""
    import pandas as pd

    from framing.build import build_tables

    corpus = tmp_path / "pages"
    corpus.mkdir()
    for name, author in (("early", "By Jane Roe"), ("same", "By John Doe")):
        page = _page(HEADLINE, author, "November 13, 2019").replace("seven hours", f"seven hours ({name} edition)")
        (corpus / f"{name}.txt").write_text(page, encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,outlet,url\n"
                                         "early.txt,Gazette,https://gazette.example/2019/11/08/harbour-budget/\n"
                                         "same.txt,Herald,https://herald.example/2019/11/13/harbour-budget/\n")
    articles = build_tables(corpus).articles.set_index("source_file")
    assert pd.isna(articles.loc["early.txt", "published"])
    assert str(articles.loc["same.txt", "published"].date()) == "2019-11-13"
