"""One event's page as HTML (`render_event_page`): an `EventSummary` (`framing.events`) as the
headlines side by side, each article's values, the sentences behind the frames, who is quoted, the
same facts in each outlet's words and what every outlet or only one reports. Every value is escaped."""
from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING

import pandas as pd

from ..events.scores import CLOSE_TONE, MEASURE_NOTES, close_tone_pairs, order_agreement, tone_gaps
from ..events.select import _short
from ..leans import outlet_order

if TYPE_CHECKING:
    from ..events import EventSummary

# Pairs of articles an event page names in a sentence on their tone; the rest are counted. Eight
# outlets make 28 pairs, and a sentence naming each one was a wall of text nobody read.
NAMED_PAIRS = 3
# The bullet that opens a list item's first sentence: the sentence table keeps it (docs/sentences.md,
# the same bullets as `segment`), an event page shows the sentence as a list item without it. A
# Unicode bullet is one whatever follows; "-", "*" or "–" only before a space ("-5 degrees" keeps its sign).
_LIST_BULLET = re.compile(r"^\s*(?:[•◦▪‣⁃●■►▸]\s*|[-*–]\s+)(?=\S)")
# Rows of "The same fact in each outlet's words" an event page shows (most outlets, then most similar
# first); on allsides-100 no event has more than 7, so the cap is for long articles and many outlets
SAME_FACT_ROWS = 12


def render_event_page(summary: EventSummary, *, corpus: str = "", index: str = "../index.html",
                      image: str | None = None) -> str:
    """The HTML page of one event (every value escaped): the outlets' headlines side by side, per
    article its values and frames, the quotes by outlet, the same facts in each outlet's words (a
    row per fact, a column per outlet), and the facts all outlets report and those only one
    reports, each as a sentence with its outlet."""
    e = html.escape
    arts = summary.articles
    n_out = arts["outlet"].nunique()
    name = summary.title or summary.event
    parts = [_PAGE_HEAD.replace("{title}", e(f"{name} · framing report {corpus}".strip())),
             f'<p><a href="{e(index)}">← report index</a></p>',
             (f"<h1>{e(summary.title)}</h1><p class=\"note\">Event {e(summary.event)}</p>" if summary.title
              else f"<h1>Event: {e(summary.event)}</h1>"),
             f"<p>{len(arts)} article{'s' if len(arts) != 1 else ''} from {n_out} outlet"
             f"{'s' if n_out != 1 else ''}. Within one event there is nothing to test: the values "
             "below are the articles' own, not estimates of how each outlet usually writes; read the "
             "sentences behind them.</p>",
             "<h2>Headlines side by side</h2>", _headlines_html(arts),
             "<h2>Each article's values</h2>", _values_html(arts)]
    if image:
        parts.append(f'<figure><img src="{e(image)}" alt="Sentence sentiment per article, {e(summary.event)}">'
                     "<figcaption>Sentence sentiment in each article of this event: each dot a sentence, "
                     f"the bar the article's mean; no interval is drawn (n = {len(summary.sentences)} "
                     f"sentences in {len(arts)} articles).</figcaption></figure>")
    parts += ["<h2>The sentences behind the frames</h2>", _cues_html(summary.cues, list(arts["outlet"].unique())),
              "<h2>Who is quoted</h2>", _quotes_html(summary.quotes, list(arts["outlet"].unique())),
              "<h2>The same fact in each outlet's words</h2>",
              _same_facts_html(summary.same_facts, outlet_order(arts["outlet"])),
              "<h2>What every outlet reports</h2>",
              _facts_html(summary.facts[summary.facts["reported_by"] == "all outlets"],
                          "No sentence has a counterpart in every other outlet."
                          if n_out > 1 else "Only one outlet covers this event: nothing to compare."),
              "<h2>What only one outlet reports</h2>",
              _facts_html(summary.facts[summary.facts["reported_by"] == "only this outlet"],
                          "Every sentence has a counterpart in another outlet."
                          if n_out > 1 else "Only one outlet covers this event: nothing to compare."),
              "<p class=\"note\">Facts are matched sentence by sentence (TF-IDF cosine within the event, "
              "see docs/compare.md): a sentence without a counterpart may be worded too differently to "
              "match, so read both before concluding that an outlet left something out. A sentence is "
              "listed as reported by every outlet only when each other outlet has a counterpart at the "
              "calibrated threshold, each the other's closest sentence (as in the side-by-side rows); a "
              "weaker match that shares a topic word or two is neither.</p>",
              "</body></html>\n"]
    return "\n".join(parts)


def _headlines_html(arts: pd.DataFrame) -> str:
    e = html.escape
    cells = []
    for outlet in outlet_order(arts["outlet"]):
        part, items = arts[arts["outlet"] == outlet], []
        for row in part.itertuples(index=False):
            title = e(str(row.title)) if isinstance(row.title, str) and row.title else "<i>no headline</i>"
            url = getattr(row, "url", None)
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                title = f'<a href="{e(url)}">{title}</a>'
            date = getattr(row, "published", None)
            date = f'<div class="date">{e(str(date)[:10])}</div>' if isinstance(date, str) and date else ""
            items.append(f"<p>{title}</p>{date}")
        cells.append(f'<div class="outlet"><h3>{e(str(outlet))}</h3>{"".join(items)}</div>')
    return f'<div class="side">{"".join(cells)}</div>'


def _values_html(arts: pd.DataFrame) -> str:
    e = html.escape
    main = arts["main_actor"].dropna()
    toward = f"toward {e(str(main.iloc[0]))}" if len(main) else "toward the main actor"
    toward_note = (e(MEASURE_NOTES["main_actor_sentiment"]) if len(main) else  # a column of dashes says why
                   "none here: no person is named in two or more of the event's articles, so the event has no main actor")
    rows = "".join(
        f"<tr><td>{e(str(r.outlet))}</td><td>{e(_short(r.title, 90)) if isinstance(r.title, str) else ''}</td>"
        f"<td>{r.n_sentences}</td><td>{_number(r.sentiment)}</td><td>{_number(r.main_actor_sentiment)}</td>"
        f"<td>{_number(r.conflict, pct=True)}</td><td>{r.quotes}</td><td>{r.official_quotes}</td>"
        f"<td>{_number(r.exclusive)}</td><td>{e(r.frames) or '—'}</td></tr>"
        for r in arts.itertuples(index=False))
    return ('<div class="wide"><table><thead><tr><th>outlet</th><th>headline</th><th>sentences</th>'
            f"<th>mean sentiment</th><th>{toward}</th><th>conflict cues</th><th>quotes</th><th>from officials</th>"
            f"<th>exclusive for its length</th><th>generic frames present</th></tr></thead><tbody>{rows}</tbody></table></div>"
            "<p class=\"note\">Mean sentiment: " + e(MEASURE_NOTES["sentiment"]) + f"; {toward}: "
            + toward_note + "; conflict cues: "
            + e(MEASURE_NOTES["conflict"]) + "; quotes: " + e(MEASURE_NOTES["quotes"])
            + "; from officials: " + e(MEASURE_NOTES["official_quotes"])
            + "; exclusive for its length: " + e(MEASURE_NOTES["exclusive"])
            + ".</p>" + _close_tone_html(arts))


def _gap_shown(gap: float) -> str:
    """A gap in mean sentiment as the page prints it: three decimals cut, not rounded, so a gap of
    0.0996 reads 0.099 and never the threshold `CLOSE_TONE` itself."""
    return f"{math.floor(gap * 1000) / 1000:.3f}"


def _close_tone_html(arts: pd.DataFrame) -> str:
    """A note naming the articles too close in mean sentiment to be ordered (`CLOSE_TONE`): the
    `NAMED_PAIRS` closest pairs, the rest counted."""
    n_scored = int(arts["sentiment"].notna().sum())
    if n_scored < 2:
        return ""
    close = close_tone_pairs(arts)
    named = _pairs_named(close, lambda r: _gap_shown(r.gap))
    n_pairs = n_scored * (n_scored - 1) // 2
    if not len(close):
        found = f"No two articles differ in mean sentiment by less than {CLOSE_TONE:.2f}. "
    else:
        which = ("The two articles differ" if n_pairs == 1 else
                 f"All {n_pairs} pairs of articles differ" if len(close) == n_pairs else
                 f"{len(close)} of the {n_pairs} pairs of articles {'differs' if len(close) == 1 else 'differ'}")
        found = (f"{which} in mean sentiment by less than {CLOSE_TONE:.2f} ({named}): read them as alike "
                 "in tone. ")
    return ("<p class=\"note\">" + found + _apart_html(arts) + "People order two documents whose mean "
            f"sentiment lies closer than {CLOSE_TONE:.2f} as framing does only about 6 times in 10, and "
            "the same holds for sentiment toward a person (docs/sentiment.md). A gap on one event says "
            "nothing of how an outlet usually writes: compare outlets over many events (notebooks 03 and "
            "07).</p>")


def _pairs_named(pairs: pd.DataFrame, value, *, limit: int = NAMED_PAIRS) -> str:
    """The first `limit` rows of `tone_gaps` as "A and B: <value(row)>", "; "-joined and escaped,
    then how many more there are ("and 25 more"); every row when only one would be left."""
    shown = pairs if len(pairs) <= limit + 1 else pairs.head(limit)
    named = "; ".join(f"{html.escape(str(r.first))} and {html.escape(str(r.second))}: {value(r)}"
                      for r in shown.itertuples(index=False))
    left = len(pairs) - len(shown)
    return f"{named}; and {left} more" if left else named


def _apart_html(arts: pd.DataFrame) -> str:
    """The pairs of articles at least `CLOSE_TONE` apart in mean sentiment, each with how often
    framing orders documents that far apart as people do (`order_agreement`): an order in tone
    is never certain, and the page says how uncertain each one is. The `NAMED_PAIRS` closest
    (the least sure) are named, the rest counted with the range of their gaps and shares. ""
    when there is none."""
    pairs = tone_gaps(arts)
    apart = pairs[pairs["gap"] >= CLOSE_TONE]
    if not len(apart):
        return ""
    named = _pairs_named(apart, lambda r: f"{_gap_shown(r.gap)} apart, {order_agreement(r.gap):.0%}")
    rest = apart.iloc[NAMED_PAIRS:] if len(apart) > NAMED_PAIRS + 1 else apart.iloc[:0]
    if len(rest):
        low, high = rest["gap"].min(), rest["gap"].max()
        named += (f", {_span(_gap_shown(low), _gap_shown(high))} apart, "
                  f"{_span(f'{order_agreement(low):.0%}', f'{order_agreement(high):.0%}')}")
    return (f"How sure the order in tone is {'of the other pairs ' if len(apart) < len(pairs) else ''}"
            f"(the share of pairs of rated editorials as far apart that framing orders as people do): {named}. "
            "Which of two articles reads as more negative is likely, not certain; these articles are shorter "
            "than the editorials, so if anything less so. ")


def _span(low: str, high: str) -> str:
    """"0.150 to 0.600", or one value when both ends read the same."""
    return low if low == high else f"{low} to {high}"


def _number(value, *, pct: bool = False) -> str:
    """A value of an event page: a share as a percentage, any other with its sign to two decimals,
    and one that rounds to zero as "0.00" (a sign there, "-0.00" beside "+0.00", would set two
    articles of the same tone on opposite sides); "—" for none."""
    if value is None or pd.isna(value):
        return "—"
    if pct:
        return f"{100 * value:.0f}%"
    shown = f"{value:+.2f}"
    return "0.00" if float(shown) == 0 else shown


def _cues_html(cues: pd.DataFrame, outlets: list) -> str:
    """Per outlet, each sentence with a generic frame's cue words, the frames and words first."""
    e = html.escape
    note = ("<p class=\"note\">Cue words of the generic frames (Semetko &amp; Valkenburg 2000; "
            "notebook 02, docs/frames.md) in each sentence. The table above counts a frame present in an "
            "article only when enough different cue words occur in it, so a sentence here may carry a "
            "frame's cue in an article that does not carry the frame; a cue used in another sense is a "
            "reason to edit the lexicon.</p>")
    if cues.empty:
        return "<p>No sentence of these articles has a generic frame's cue words.</p>"
    blocks = []
    for outlet in outlet_order(outlets):
        part = cues[cues["outlet"] == outlet]
        items = "".join(f"<li><i>{e(str(c.frames))}</i>: {e(_without_bullet(c.text))}</li>" for c in part.itertuples(index=False))
        blocks.append(f"<h3>{e(str(outlet))}</h3>" + (f"<ul class=\"facts\">{items}</ul>" if items else
                                                      "<p>No sentence with a frame's cue words.</p>"))
    return "".join(blocks) + note


def _quotes_html(quotes: pd.DataFrame, outlets: list) -> str:
    e = html.escape
    if quotes.empty:
        return "<p>No quotes were found in these articles.</p>"
    blocks = []
    for outlet in outlet_order(outlets):
        part = quotes[quotes["outlet"] == outlet]
        if part.empty:
            blocks.append(f"<h3>{e(str(outlet))}</h3><p>No quotes.</p>")
            continue
        items = "".join(  # the verb as written ("told", "had warned"), as notebook 05 shows it; else its lemma
            f"<li>{_speaker_html(q.speaker, q.speaker_label, getattr(q, 'speaker_kind', None))}"
            f"{(' (' + e(_verb_as_written(q)) + ')') if _verb_as_written(q) else ''}: "
            f"{'“' + e(str(q.quote)) + '”' if q.is_direct else e(str(q.quote))}</li>"
            for q in part.itertuples(index=False))
        blocks.append(f"<h3>{e(str(outlet))}</h3><ul>{items}</ul>")
    return "".join(blocks)


def _verb_as_written(quote) -> str:
    """A quote's reporting verb as the outlet wrote it (`verb_text`), else its lemma (`verb`), else ""."""
    for verb in (getattr(quote, "verb_text", None), getattr(quote, "verb", None)):
        if isinstance(verb, str) and verb:
            return verb
    return ""


def _speaker_html(speaker, label, kind=None) -> str:
    """The speaker as resolved, with how the outlet wrote it when that differs ("Pete Hegseth (as
    “he”)") and its kind when it is no person ("Fox [outlet]", `speaker_kind` of
    `extract_quotes`); "unattributed" when neither is known. Words the attribution names that are
    no speaker ("the report says", "Turkey acknowledging") are shown as written, marked so: in bold
    and with no kind they read as a person."""
    e = html.escape
    speaker = speaker if isinstance(speaker, str) and speaker else None
    label = label if isinstance(label, str) and label else None
    shown = f" <small>[{e(kind)}]</small>" if isinstance(kind, str) and kind != "person" and speaker else ""
    if speaker is None and label is None:
        return "<i>unattributed</i>"
    if speaker is None:
        return f"<i>{e(label)}</i> <small>[no speaker]</small>"
    if label is None or label == speaker:
        return f"<b>{e(speaker)}</b>{shown}"
    return f"<b>{e(speaker)}</b>{shown} (as “{e(label)}”)"


def _same_facts_html(rows: pd.DataFrame, outlets: list, *, limit: int = SAME_FACT_ROWS) -> str:
    """The rows of `EventSummary.same_facts` as a table, one column per outlet (blank where the
    outlet has no counterpart), each sentence with its sentiment and frame cues; the first `limit`
    rows, and a note of how many are left out."""
    e = html.escape
    if len(outlets) < 2:
        return "<p>Only one outlet covers this event: nothing to compare.</p>"
    if rows.empty:
        return ("<p>No sentence has a counterpart in another outlet at the calibrated threshold. A fact "
                "may still be shared in words too different to match: read the articles.</p>")
    numbers = sorted(rows["row"].unique())
    body = []
    for number in numbers[:limit]:
        part = rows[rows["row"] == number]
        cells = []
        for outlet in outlets:
            mine = part[part["outlet"] == outlet]
            cells.append("<td></td>" if mine.empty else
                         "<td" + (' class="anchor"' if mine["anchor"].any() else "") + ">"
                         + "".join(_same_fact_cell(sentence) for sentence in mine.itertuples(index=False)) + "</td>")
        body.append(f"<tr><td>{int(part['n_outlets'].iloc[0])}</td>{''.join(cells)}</tr>")
    head = "".join(f"<th>{e(str(outlet))}</th>" for outlet in outlets)
    left = len(numbers) - min(len(numbers), limit)
    shown = ("The one row is shown" if len(numbers) == 1 else f"All {len(numbers)} rows are shown" if not left else
             f"The first {limit} of {len(numbers)} rows are shown; {left} more, shared by fewer outlets or "
             "less alike, are left out (notebook 06 lists every pair)")
    return ('<div class="wide"><table class="same"><thead><tr><th>outlets</th>' + head + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table></div>"
            "<p class=\"note\">Each row is one sentence (shaded) with its counterpart in each other outlet that "
            "has one: the two are each other's closest sentence, at the calibrated threshold of TF-IDF cosine "
            "(docs/compare.md); “match” is that cosine. Two other sentences of a row are not always each "
            "other's match. A blank cell: no counterpart at that threshold, which may be the same fact in "
            "other words. Shared words are not proof of the same fact: read the sentences. Under each, its "
            "sentiment (−1 … 1) and its generic frames' cue words. Rows shared by most outlets come first, "
            f"then the most alike (mean cosine). {shown}. A row filled in every column is a fact of "
            "“What every outlet reports” below, where its sentences that match all the others are listed. "
            "Within one event nothing is tested: the sentences are the evidence.</p>")


def _same_fact_cell(sentence) -> str:
    """One sentence of a side-by-side row: its text, then its sentiment, frame cues and match."""
    e = html.escape
    notes = [f"sentiment {_number(sentence.sentiment)}"]
    if isinstance(sentence.frames, str) and sentence.frames:
        notes.append(e(sentence.frames))
    if not sentence.anchor:
        notes.append(f"match {sentence.similarity_to_anchor:.2f}")
    return f'<p>{e(_without_bullet(sentence.text))}</p><div class="meta">{" · ".join(notes)}</div>'


def _without_bullet(text) -> str:
    """A sentence as an event page shows it: a list item's bullet ("- French Defense Minister …")
    taken off, since the page sets every sentence in a list or a cell of its own."""
    return _LIST_BULLET.sub("", str(text), count=1)


def _facts_html(facts: pd.DataFrame, empty: str) -> str:
    e = html.escape
    if facts.empty:
        return f"<p>{e(empty)}</p>"
    items = "".join(f"<li><b>{e(str(f.outlet))}</b>: {e(_without_bullet(f.text))}</li>" for f in facts.itertuples(index=False))
    return f"<ul class=\"facts\">{items}</ul>"


_PAGE_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.5em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; } h3 { margin: 0.6em 0 0.3em; }
.side { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 1em; }
.side .outlet { border: 1px solid #e5e5e5; padding: 0.4em 0.8em; border-radius: 4px; }
.side .outlet p { font-size: 1.05em; margin: 0.3em 0; } .date { color: #666; font-size: 0.85em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; width: 100%; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 8px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; word-break: normal; } th { overflow-wrap: normal; }
figure img { max-width: 100%; } figcaption, .note { font-size: 0.85em; color: #555; }
ul.facts li { margin-bottom: 0.3em; }
.wide { overflow-x: auto; } table.same td { min-width: 14em; } table.same td:first-child { min-width: 0; }
table.same td p { margin: 0.2em 0; } table.same td.anchor { background: #f3f6fa; }
.meta { color: #666; font-size: 0.85em; }
</style></head><body>"""
