"""A real browser on the event pages: the report index links every event page, and each page loads
with its images (headless Chromium, as `test_browser.py`; skips outside CI when Chromium is missing).
"""
from test_browser import browser  # noqa: F401  (the headless Chromium fixture)
from test_events import _check_notebook, _roundups

from framing import report


def test_index_links_every_event_page_and_each_loads_its_images(browser, shared_data, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By

    raw, chosen, by_event = _roundups(shared_data, tmp_path / "raw" / "roundups")
    result = report.run_report(raw, processed=tmp_path / "processed", out=tmp_path / "out",
                               notebooks=[_check_notebook(tmp_path / "01_check.ipynb", "")],
                               workers=1, echo=lambda line: None)
    assert result.ok, (result.error, result.events_error)
    browser.get((tmp_path / "out" / "index.html").as_uri())
    links = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#events ~ details a")}
    pages = {(tmp_path / "out" / file).resolve().as_uri() for file in result.events["file"]}
    assert len(pages) == len(chosen) and pages <= links
    with_rows = 0
    for number, page in enumerate(sorted(pages)):
        browser.get(page)
        images = browser.find_elements(By.TAG_NAME, "img")
        assert images, page
        assert all(browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", i) > 0
                   for i in images), page
        headlines = browser.find_elements(By.CSS_SELECTOR, ".side .outlet")
        assert len(headlines) == 3, page
        # the same fact in each outlet's words: a column per outlet, and the page never scrolls sideways
        same = browser.find_elements(By.CSS_SELECTOR, "table.same th")
        assert not same or [th.text for th in same[1:]] == [h.find_element(By.TAG_NAME, "h3").text for h in headlines], page
        with_rows += bool(same)
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), page
        if number == 0:
            browser.save_screenshot(str(tmp_path / "event-page.png"))
        back = browser.find_element(By.LINK_TEXT, "← report index").get_attribute("href")
        assert back == (tmp_path / "out" / "index.html").resolve().as_uri(), page
    assert with_rows >= 1


_WORDS_BROKEN = """
const out = [];
for (const td of document.querySelectorAll('td')) {
  const node = td.firstChild; if (!node || node.nodeType !== 3) continue;
  let i = 0;
  for (const word of node.textContent.split(' ')) {
    const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + word.length);
    if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) out.push(word);
    i += word.length + 1;
  }
}
return out;"""


def test_an_event_page_on_a_narrow_screen_breaks_outlet_names_between_words(browser, tmp_path):  # noqa: F811
    """Regression: at a phone's width the outlet column read "CBSSpor ts.com" and "Connecti cut
    Post". Each word of a cell now stays on one line, the table scrolls in its own box and the
    page never sideways."""
    from test_events import _values_arts

    from framing.report import event_html

    outlets = ["CBSSports.com", "Connecticut Post", "Washington Examiner", "Fox News", "The Guardian",
               "Associated Press", "NPR", "Reuters"]
    page = tmp_path / "event.html"
    page.write_text(event_html._PAGE_HEAD.replace("{title}", "narrow") + event_html._values_html(_values_arts(outlets))
                    + "</body></html>", encoding="utf-8")
    browser.set_window_size(420, 1000)
    try:
        browser.get(page.as_uri())
        assert browser.execute_script(_WORDS_BROKEN) == []
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        browser.set_window_size(1400, 1000)
