"""Events: outlets compared within the events they cover.

The flow reads tables → analyses → events → report. An **event** is one story covered by several
outlets (the `event` column of the tables; a corpus without one is one event). A pooled number over
many events mixes what each outlet chose to cover with how it covered it, so outlets are compared
within events first. The modules, in the order of that flow:

- `select`: which events and outlets (`list_events`, `select_event`, `select_outlets`, and
  `pooled_over`, how a caption names the events a chart pools);
- `scores`: each article's own values (`score_articles`: mean sentence sentiment, share of
  sentences with conflict cues, quotes, quotes from officials, sentiment toward the event's main
  actor, what only it reports) from the analyses' public functions, and when two articles are too
  close in tone to order (`close_tone_pairs`);
- `paired`: outlets paired on the events both cover (`compare_within_events`): in how many of them
  is A more negative (more often conflict-framed, quoting officials in more of its sentences…) than
  B, the median difference with its order-statistic interval (Thompson 1936, `median_interval`), a
  paired test over events (Wilcoxon signed-rank, Wilcoxon 1945) with p-values adjusted across
  every pair and measure of the table (Benjamini & Hochberg 1995, through `framing.stats.adjust_p`),
  and the exact sign test (Dixon & Mood 1946), adjusted alike, as a robustness check; each row as a
  sentence (`describe_pairs`), a bar (`plot_within_events`) and what its caption says of the tests
  (`caption_pair_tests`);
- `summaries`: what one event's page shows (`summarise_event`, `EventSummary`): per outlet its
  headline, frames, sentiment, speakers and quotes, the same facts in each outlet's words side by
  side, and the facts all outlets report and those only one reports.

The report writes one HTML page per event from those summaries (`framing.report.event_pages`,
`save_event_pages`; the page itself is `framing.report.event_html`). Within one event (often one
article per outlet) there is nothing to test: the pages show the articles' own values side by side
with the sentences behind them, and say so.

Every public name of these modules is importable from `framing.events`, as it was when they were
one module; so are the page functions, now in `framing.report`.
"""
from importlib import import_module

from .paired import (CORRECTION, MIN_EVENTS_FOR_TEST, PAIR_CHARS, SHORT_DIRECTIONS, caption_pair_tests,
                     compare_within_events, describe_pairs, median_interval, paired_difference, plot_within_events, score_event_outlets)
from .paired import _order_statistics  # noqa: F401  (read by benchmarks/bench_stats.py)
from .scores import (CLOSE_TONE, MEASURE_NOTES, MEASURES, ORDER_AGREEMENT, close_tone_pairs, is_official,
                     main_actors, official_quote_mask, order_agreement, score_articles, tone_gaps)
from .select import (EVENT_NAME_CHARS, default_event, list_events, pooled_over, select_event, select_outlets,
                     unknown_event_message, unknown_outlet_message)
from .summaries import (CUE_COLUMNS, SAME_FACT_COLUMNS, EventSummary, event_titles, summarise_event,
                        summarise_events)

# names of the event pages, which moved to the report: imported on first use, since the report
# builds on this package and importing it here would load the report with every `framing.events`
_PAGES = {"EVENT_FILE_BYTES": "event_pages", "event_file": "event_pages", "plot_event_sentiment": "event_pages",
          "save_event_pages": "event_pages", "NAMED_PAIRS": "event_html", "SAME_FACT_ROWS": "event_html",
          "render_event_page": "event_html"}

__all__ = sorted([
    "CLOSE_TONE", "CORRECTION", "CUE_COLUMNS", "EVENT_NAME_CHARS", "EventSummary", "MEASURES", "MEASURE_NOTES",
    "MIN_EVENTS_FOR_TEST", "ORDER_AGREEMENT", "PAIR_CHARS", "SAME_FACT_COLUMNS", "SHORT_DIRECTIONS",
    "caption_pair_tests", "close_tone_pairs", "compare_within_events", "default_event", "describe_pairs", "event_titles", "is_official",
    "list_events", "main_actors", "median_interval", "official_quote_mask", "order_agreement", "paired_difference",
    "plot_within_events", "pooled_over", "score_articles", "score_event_outlets", "select_event", "select_outlets",
    "summarise_event", "summarise_events", "tone_gaps", "unknown_event_message", "unknown_outlet_message", *_PAGES])


def __getattr__(name: str):
    if name not in _PAGES:
        raise AttributeError(f"module 'framing.events' has no attribute {name!r}")
    return getattr(import_module(f"framing.report.{_PAGES[name]}"), name)


def __dir__():
    return sorted(set(globals()) | set(__all__))
