"""Charts, in the order a chart is made: `style` (the house style, colours, labels, captions),
`charts` (the `plot_*` function of every notebook), `save` (the only functions that write charts
and their tables, and `export_figure`), which draws the files at their size with `images` and,
in `framing report`'s kernel, in the `background`. Every public name is importable from
`framing.plots` itself.

Rules every chart follows (STYLE.md):

- `plot_x(table, *, ax=None, **style) -> Axes` draws on the given Axes or a new one, in the house
  style (`framing.mplstyle`); it never shows and never saves. `**style` goes to the main artist
  (e.g. `color=`). Decorate a new plot function with `@house_style` and start it with
  `ax = new_axes(ax, rows=...)`; that is all it takes to look like the others (and to be redrawn
  at another size by `export_figure`).
- Text that comes from the data is shown literally (a `$` is a dollar sign, never mathtext): a name
  (outlet, speaker, actor) through `name_label()`, whole, wrapped onto lines (`wrap_label`); other
  text (terms, headlines) through `label()`, cut to `LABEL_CHARS` characters.
- Colours: each outlet keeps one colour of `PALETTE` in every chart of a corpus (`outlet_colours`),
  and no two groups of one chart share a colour. Outlets labelled by political lean ("Left", "Lean
  Right") are drawn left to right in diverging colours instead (`framing.leans`). Categories that are not outlets (neutral /
  evaluative verbs, used more / less, kept / removed) take the greys of `SEMANTIC`, never an
  outlet's colour. Charts of many groups show those with the most of something and say so in the
  caption ("6 of 46 outlets shown (the 6 with the most actor mentions)").
- `save_figure` is the only function that writes a figure (PNG at 200 dpi, SVG, PDF, a JSON record
  and the plotted table); `save_table` the only one that writes the table behind a chart.
- Every saved chart has a title, labelled axes with units, and a caption naming the corpus and n
  (`add_caption`, `corpus_caption`). The caption is kept out of the figure files unless asked for
  (`caption=True`): it goes to the JSON record and to the report's index.html.

A new analysis's plots go in a new section at the end of `charts.py`.
"""
from ..stats import NO_INTERVAL  # noqa: F401  (as before the split: `plots.NO_INTERVAL`)
from ..store import counted  # noqa: F401  (as before the split: `from .plots import counted`)
from .background import finish_saving, save_in_background
from .charts import (MENTION_AREA, MENTIONS_FULL, plot_actor_sentiment, plot_alignment_map, plot_article_lengths,
                     plot_articles_per_outlet, plot_cleaning_by_article, plot_frame_prevalence, plot_keyness,
                     plot_log_odds, plot_prominence, plot_quote_share, plot_removed_by_rule,
                     plot_sentiment_along_article, plot_sentiment_by_outlet, plot_verbs,
                     plot_quote_shares,
                     plot_within_event_differences)
from .save import (OVERWRITE_HINT, describe_figures, export_figure, figure_record, find_figure, input_hash,
                   list_figures, report_folder, save_figure, save_table, say_where_saved, slug)
from .style import (CAPTION_GID, FALLBACK_FONTS, FIGURE_DPI, FIGURE_FORMATS, FIGURE_WIDTH, LABEL_CHARS,
                    LABEL_TWO_LINES, LEGEND_BELOW_WIDTH, MIN_NAME_CHARS, MUTED, NOTE_GID, PAGE_HEIGHT, PALETTE,
                    SEMANTIC, STYLE, add_caption, caption_of, comparison_caption, corpus_caption, corpus_name,
                    distinct_labels, group_colours, group_markers, house_style, label, legend_outside, name_label,
                    new_axes, note_above, note_shown, outlet_colours, top_groups, use_style, wrap_label)

__all__ = [
    "CAPTION_GID", "FALLBACK_FONTS", "FIGURE_DPI", "FIGURE_FORMATS", "FIGURE_WIDTH", "LABEL_CHARS",
    "LABEL_TWO_LINES", "LEGEND_BELOW_WIDTH", "MENTION_AREA", "MENTIONS_FULL", "MIN_NAME_CHARS", "MUTED",
    "NOTE_GID", "OVERWRITE_HINT", "PAGE_HEIGHT", "PALETTE", "SEMANTIC", "STYLE",
    "add_caption", "caption_of", "comparison_caption", "corpus_caption", "corpus_name", "distinct_labels",
    "describe_figures", "export_figure", "figure_record", "find_figure", "finish_saving", "group_colours", "group_markers",
    "house_style", "input_hash", "label", "list_figures", "legend_outside", "name_label", "new_axes", "note_above", "note_shown", "outlet_colours",
    "plot_actor_sentiment", "plot_alignment_map", "plot_article_lengths", "plot_articles_per_outlet",
    "plot_cleaning_by_article", "plot_frame_prevalence", "plot_keyness", "plot_log_odds", "plot_prominence",
    "plot_quote_share", "plot_removed_by_rule", "plot_sentiment_along_article", "plot_sentiment_by_outlet",
    "plot_quote_shares", "plot_verbs", "plot_within_event_differences", "report_folder", "save_figure", "save_in_background", "say_where_saved",
    "save_table", "slug", "top_groups", "use_style", "wrap_label",
]
