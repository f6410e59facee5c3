"""HTML evidence for notebooks and reports: sentences with the words that counted marked, and an
article shown line by line as it was kept or dropped.

Every `mark_*` and `show_*` function returns an `Html` string, which Jupyter renders as HTML and
which can be written into a report as it is; the `browse_*` functions return live widgets (a
control above one of those views, redrawn when the control changes). Styles are inline (no <style> block), so the markup survives JupyterLab's
sanitiser for untrusted notebooks and reads the same in the static report.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd

MARK_STYLE = "background:#ffe08a;padding:0 1px;border-radius:2px"
KIND_COLOURS = {"headline": "#0072B2", "subtitle": "#56B4E9", "subheading": "#009E73",
                "body": "#333333", "list_item": "#CC79A7", "byline": "#E69F00", "date": "#E69F00",
                "post_credit": "#E69F00"}
DROPPED_COLOUR = "#9a9a9a"
_TABLE = "border-collapse:collapse;font-size:13px;line-height:1.35"
_CELL = "border-bottom:1px solid #e5e5e5;padding:3px 8px;text-align:left;vertical-align:top"


class Html(str):
    """A string of HTML that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


def mark_spans(text: str, spans: Iterable[tuple[int, int]]) -> Html:
    """`text` escaped for HTML, with each (start, end) character span wrapped in <mark>.
    Overlapping spans are merged."""
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, last = [], 0
    for start, end in merged:
        pieces.append(html.escape(text[last:start]))
        pieces.append(f'<mark class="fr-hit" style="{MARK_STYLE}">{html.escape(text[start:end])}</mark>')
        last = end
    pieces.append(html.escape(text[last:]))
    return Html("".join(pieces))


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Character spans of whole-word, case-insensitive matches of any of `terms` in `text`."""
    words = sorted({str(t).strip() for t in terms if str(t).strip()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)
    return [m.span() for m in pattern.finditer(text)]


def mark_terms(text: str, terms: Iterable[str]) -> Html:
    """`text` escaped for HTML with every whole-word occurrence of `terms` marked: for example
    `mark_terms("NATO said no", ["nato"])` marks "NATO"."""
    return mark_spans(text, term_spans(text, terms))


def show_sentences(table: pd.DataFrame, *, text_col: str = "text", terms: Iterable[str] | None = None,
                   terms_col: str | None = None, spans_col: str | None = None,
                   columns: Iterable[str] = ("outlet", "sentence_id"), max_rows: int = 50,
                   caption: str | None = None) -> Html:
    """An HTML table of sentences with the evidence marked: the words in `terms` (same for every
    row), the words listed in each row's `terms_col` (a list or a "; "-separated string), or the
    character spans in each row's `spans_col` (a list of (start, end)). `columns` are shown before
    the text. At most `max_rows` rows; a note says how many were left out."""
    shown = [c for c in columns if c in table.columns]
    head = "".join(f'<th style="{_CELL}">{html.escape(c)}</th>' for c in [*shown, text_col])
    rows = []
    for _, row in table.head(max_rows).iterrows():
        text = str(row[text_col])
        spans = list(term_spans(text, terms)) if terms is not None else []
        if terms_col is not None:
            spans += term_spans(text, _as_list(row[terms_col]))
        if spans_col is not None:
            spans += [tuple(s) for s in _as_list(row[spans_col])]
        cells = "".join(f'<td style="{_CELL}">{html.escape(_cell(row[c]))}</td>' for c in shown)
        rows.append(f"<tr>{cells}<td style=\"{_CELL}\">{mark_spans(text, spans)}</td></tr>")
    return Html(_table(head, rows, caption, left_out=len(table) - min(len(table), max_rows)))


def show_article(lines: pd.DataFrame, *, caption: str | None = None) -> Html:
    """An article line by line: kept text in the colour of its kind with the kind named, dropped
    lines struck through in grey with the rule that dropped them.

    Needs `line_start`, `status` ("kept" / "dropped"), `label` (kind or rule), `text` (as
    `framing.audit.trace_article` gives)."""
    head = "".join(f'<th style="{_CELL}">{name}</th>' for name in ("line", "kept as / dropped by", "text"))
    rows = []
    for row in lines.itertuples():
        kept = row.status == "kept"
        colour = KIND_COLOURS.get(row.label, "#333333") if kept else DROPPED_COLOUR
        text_style = f"color:{colour}" + ("" if kept else ";text-decoration:line-through")
        if kept and row.label == "headline":
            text_style += ";font-weight:bold"
        label = html.escape(str(row.label)) if kept else f"dropped: {html.escape(str(row.label))}"
        rows.append(
            f'<tr class="fr-{row.status}"><td style="{_CELL};color:#777">{_lines(row)}</td>'
            f'<td style="{_CELL};color:{colour};white-space:nowrap">{label}</td>'
            f'<td style="{_CELL}"><span style="{text_style}">{html.escape(str(row.text))}</span></td></tr>')
    return Html(_table(head, rows, caption, left_out=0))


def browse_articles(articles: pd.DataFrame, sentences: pd.DataFrame, removed: pd.DataFrame, *,
                    article_id: str | None = None):
    """A dropdown to choose an article and see it line by line (`show_article`). Needs the three
    corpus tables (sentences of all kinds). Returns an ipywidgets widget; a notebook run
    unattended simply shows the first choice, and so does a kernel without ipywidgets (`_fixed`)."""
    from .audit import trace_article

    widgets = _widgets()
    options = [(f"{row.outlet}: {_article_name(row)}"[:90], row.article_id) for row in articles.itertuples()]
    if not options:
        return widgets.HTML("no articles") if widgets else Html("no articles")
    if widgets is None:
        return _fixed(show_article(trace_article(sentences, removed, article_id=article_id or options[0][1])),
                      "another article", "article_id")
    choice = widgets.Dropdown(options=options, value=article_id or options[0][1], description="article",
                              layout=widgets.Layout(width="95%"))
    return _browser([choice], lambda: show_article(trace_article(sentences, removed, article_id=choice.value)))


def _cell(value) -> str:
    """A value shown beside the evidence: empty when missing (a quote no speaker was found for),
    a fractional number to three decimals (a sentence's sentiment), anything else as it is."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.3f}"
    return str(value)


def _article_name(row) -> str:
    """An article's title, or, for a page whose title was not found, its file (else its id)."""
    for name in (getattr(row, "title", None), getattr(row, "source_file", None), row.article_id):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return str(row.article_id)


def _lines(row) -> str:
    end = getattr(row, "line_end", row.line_start)
    return f"{row.line_start}" if pd.isna(end) or end == row.line_start else f"{row.line_start}–{end}"


def _as_list(value) -> list:
    if value is None or (not isinstance(value, (list, tuple, set)) and not hasattr(value, "__len__")):
        return []
    if isinstance(value, str):
        return [v for v in value.split("; ") if v]
    return list(value)


def _table(head: str, rows: list[str], caption: str | None, *, left_out: int) -> str:
    cap = f'<caption style="caption-side:top;text-align:left;font-weight:bold;padding:4px 0">' \
          f"{html.escape(caption)}</caption>" if caption else ""
    note = f'<p style="color:#777;font-size:12px">… {left_out:,} more rows not shown</p>' if left_out else ""
    return (f'<table class="fr-evidence" style="{_TABLE}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>{note}")


def browse_evidence(table: pd.DataFrame, *, by: str, text_col: str = "text", terms_col: str | None = None,
                    columns: Iterable[str] = ("outlet", "sentence_id"), value=None, max_rows: int = 30):
    """A dropdown to choose one value of column `by` (a frame, a speaker, an outlet…) and see the
    rows that have it, with the evidence marked (`show_sentences`). Returns an ipywidgets widget; a
    notebook run unattended shows the first (or the given) value, and so does a kernel without
    ipywidgets (`_fixed`)."""
    widgets = _widgets()
    options = [str(v) for v in table[by].dropna().astype(str).value_counts().index]
    if not options:
        return widgets.HTML(f"nothing to show: no {by}") if widgets else Html(f"nothing to show: no {by}")
    first = str(value) if str(value) in options else options[0]

    def render(chosen: str) -> Html:
        rows = table[table[by].astype(str) == chosen]
        return show_sentences(rows, text_col=text_col, terms_col=terms_col, columns=columns,
                              max_rows=max_rows, caption=f"{by}: {chosen} ({len(rows):,} rows)")

    if widgets is None:
        return _fixed(render(first), f"another {by}", "value")
    choice = widgets.Dropdown(options=options, value=first, description=by, layout=widgets.Layout(width="60%"))
    return _browser([choice], lambda: render(choice.value))


def show_kwic(context: pd.DataFrame, *, columns: Iterable[str] = ("outlet",), max_rows: int = 50,
              caption: str | None = None) -> Html:
    """Keyword-in-context lines as an HTML table: the left context right-aligned, the keyword
    marked, the right context. Needs `left`, `keyword`, `right` (as `framing.keywords.kwic`
    gives); `columns` are shown first."""
    shown = [c for c in columns if c in context.columns]
    head = "".join(f'<th style="{_CELL}">{html.escape(c)}</th>' for c in [*shown, "left", "keyword", "right"])
    rows = []
    for _, row in context.head(max_rows).iterrows():
        cells = "".join(f'<td style="{_CELL}">{html.escape(_cell(row[c]))}</td>' for c in shown)
        rows.append(f'<tr>{cells}<td style="{_CELL};text-align:right">{html.escape(str(row["left"]))}</td>'
                    f'<td style="{_CELL}"><mark class="fr-hit" style="{MARK_STYLE}">'
                    f'{html.escape(str(row["keyword"]))}</mark></td>'
                    f'<td style="{_CELL}">{html.escape(str(row["right"]))}</td></tr>')
    return Html(_table(head, rows, caption, left_out=len(context) - min(len(context), max_rows)))


def browse_kwic(sentences: pd.DataFrame, *, keyword: str, window: int = 6, max_rows: int = 50):
    """A search box and a context-width slider over `framing.keywords.kwic`: type a word or phrase
    (Enter) to read every place it occurs (`show_kwic`). Needs what `kwic` needs. Returns an
    ipywidgets widget; a notebook run unattended shows `keyword`, and so does a kernel without
    ipywidgets (`_fixed`)."""
    from .keywords import kwic

    def render(word: str, words: int) -> Html:
        try:
            context = kwic(sentences, word, window=words)
        except ValueError as error:  # a keyword with no word in it: say so in place of the table
            return Html(f'<p style="color:#c62828">{html.escape(str(error))}</p>')
        return show_kwic(context, max_rows=max_rows,
                         caption=f"“{word}”: {len(context):,} occurrences, {words} words either side")

    widgets = _widgets()
    if widgets is None:
        return _fixed(render(keyword, window), "another keyword", "keyword")
    box = widgets.Text(value=keyword, description="keyword", continuous_update=False)
    width = widgets.IntSlider(value=window, min=2, max=15, description="window", continuous_update=False)
    return _browser([box, width], lambda: render(box.value, width.value))


def _widgets():
    """ipywidgets, or None when the kernel has it not (a notebook opened in a kernel of another
    environment): the browsers then show their first view without controls."""
    try:
        import ipywidgets
    except ImportError:
        return None
    return ipywidgets


def _fixed(view: Html, what: str, argument: str) -> Html:
    """A browser's first view, shown as it is where ipywidgets is missing, under a line saying how
    to see `what` (the call's `argument`, or ipywidgets in the kernel)."""
    note = (f'<p style="color:#777">ipywidgets is not installed in this kernel, so {html.escape(what)} cannot '
            f"be chosen here: give it as <code>{html.escape(argument)}=</code> and run the cell again, or "
            "install ipywidgets in the kernel's environment (<code>pip install ipywidgets</code>) and restart "
            "the kernel.</p>")
    return Html(note + str(view))


def _browser(controls: list, render):
    """Controls above an HTML view that shows `render()` and is redrawn whenever a control's value
    changes. The view's content is widget state (an `ipywidgets.HTML` whose value is replaced),
    never display output captured into an `Output` widget: capturing makes the notebook runner
    answer the kernel on the socket it is waiting on, which can leave a finished cell looking
    unfinished until the cell timeout (jupyter/nbclient#312)."""
    import ipywidgets as widgets

    view = widgets.HTML(value=str(render()))

    def redraw(*_):
        view.value = str(render())

    for control in controls:
        control.observe(redraw, names="value")
    return widgets.VBox([*controls, view])


def table_html(table: pd.DataFrame) -> str:
    """`table` as a notebook shows it (pandas's HTML, cut to `display.max_rows` rows as pandas
    cuts it), with every missing value as an empty cell instead of NaN, <NA> or None: an interval
    or effect size left out for too few articles reads as the notebooks' prose says, "left empty",
    and the column beside it (`interval`, `effect_note`) says why."""
    missing = [name for name, dtype in table.dtypes.items()
               if (dtype == object or isinstance(dtype, pd.api.extensions.ExtensionDtype)) and table[name].hasnans]
    # pandas writes `na_rep` for NaN, but pd.NA of a nullable column and None of an object one as text
    shown = table.assign(**{name: table[name].astype(object).where(table[name].notna(), float("nan"))
                            for name in missing}) if missing else table
    rows = pd.get_option("display.max_rows")
    if rows is not None and len(table) > rows:
        rows = pd.get_option("display.min_rows") or rows
    return shown.to_html(na_rep="", notebook=True, max_rows=rows, max_cols=pd.get_option("display.max_columns"),
                         show_dimensions=pd.get_option("display.show_dimensions"),
                         float_format=pd.get_option("display.float_format"))


def show_missing_as_empty() -> None:
    """In a notebook (an IPython kernel), show every table from now on by `table_html`, and styled
    tables (`table.style`) with missing values empty too. Elsewhere, nothing changes."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)
    pd.set_option("styler.format.na_rep", "")
