"""Charts: the house style, colours, labels, captions, the only functions that write figures and
chart tables, re-exporting a saved figure, and the `plot_*` functions of every notebook.

Rules every chart follows (STYLE.md):

- `plot_x(table, *, ax=None, **style) -> Axes` draws on the given Axes or a new one, in the house
  style (`framing.mplstyle`); it never shows and never saves. `**style` goes to the main artist
  (e.g. `color=`). Decorate a new plot function with `@house_style` and start it with
  `ax = new_axes(ax, rows=...)`; that is all it takes to look like the others (and to be redrawn
  at another size by `export_figure`).
- Text that comes from the data (outlets, terms, speakers, titles) goes through `label()`: shown
  literally (a `$` is a dollar sign, never mathtext) and cut to `LABEL_CHARS` characters.
- Colours: each outlet keeps one colour of `PALETTE` in every chart of a corpus (`outlet_colours`),
  and no two groups of one chart share a colour. Categories that are not outlets (neutral /
  evaluative verbs, used more / less, kept / removed) take the greys of `SEMANTIC`, never an
  outlet's colour. Charts of many groups show the largest and say so in the caption ("6 of 46
  outlets shown").
- `save_figure` is the only function that writes a figure (PNG at 200 dpi, SVG, PDF, a JSON record
  and the plotted table); `save_table` the only one that writes the table behind a chart.
- Every saved chart has a title, labelled axes with units, and a caption naming the corpus and n
  (`add_caption`, `corpus_caption`). The caption is kept out of the figure files unless asked for
  (`caption=True`): it goes to the JSON record and to the report's index.html.

The file is organised in sections: style, labels and colours; captions; saving and re-exporting;
then one section of `plot_*` functions per notebook (corpus and cleaning first). Add a new
analysis's plots as a new section.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import sys
import textwrap
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .store import SCRATCH, counted
from .stats import NO_INTERVAL, comparable, describe_left_out, left_out

STYLE = Path(__file__).parent / "style" / "framing.mplstyle"
FIGURE_FORMATS = ("png", "svg", "pdf")
FIGURE_DPI = 200
FIGURE_WIDTH = 4.7  # inches: saved figures fit a one-column page (LaTeX's 345 pt text width)
LEGEND_BELOW_WIDTH = 5.5  # inches: narrower figures get their legend below the plot
PAGE_HEIGHT = 9.0  # inches: no chart is taller than an A4 or letter page's text block
LABEL_CHARS = 40  # longest label drawn; longer ones are cut with an ellipsis
CAPTION_GID = "framing-caption"  # marks the caption text on a figure
NOTE_GID = "framing-note"  # marks a note drawn on the axes (wrapped to fit when saved)
MUTED = "#9a9a9a"  # for dropped / secondary things
# Outlet colours: Okabe & Ito (2008) first (distinguishable with colour-blindness), then further
# colours of distinct hue and lightness, so that up to 24 outlets of one chart never share one.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#8C564B", "#9467BD", "#17BECF", "#BCBD22", "#800000", "#FF9DA7", "#2CA02C", "#AEC7E8",
           "#FFBB78", "#98DF8A", "#C5B0D5", "#C49C94", "#004D40", "#DBDB8D", "#6A3D9A", "#A6761D")
# Colours of categories that are not outlets: greys and slates, none of them in PALETTE.
SEMANTIC = {"ink": "#4A5A6A",        # the one colour of a chart with a single series
            "neutral": "#B7C0C9", "evaluative": "#36414C",
            "more": "#36414C", "less": "#B7C0C9",
            "shared": "#36414C", "alone": "#36414C",
            "kept": "#4A5A6A", "removed": "#C9CED3"}
# Fonts tried, in order, for characters the main font lacks (CJK, emoji, symbols); those installed
# are used (the Makefile installs the Debian packages fonts-droid-fallback and fonts-symbola).
FALLBACK_FONTS = ("Droid Sans Fallback", "Noto Sans CJK JP", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
                  "Symbola", "Noto Emoji", "Noto Sans Symbols 2")

_FALLBACK_FILE = re.compile(r"droidsansfallback|symbola|notosanscjk|wqy|notoemoji-|notosanssymbols2",
                            re.I)
_SLUG = re.compile(r"[^a-z0-9]+")


# ── house style, labels and colours ─────────────────────────────────────────────────────────────

@functools.lru_cache(maxsize=1)
def _style() -> dict:
    """The house style's settings, with the installed fallback fonts after the main font."""
    style = dict(matplotlib.rc_params_from_file(STYLE, use_default_template=False))
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    if not installed & set(FALLBACK_FONTS):  # installed after matplotlib cached its font list
        for path in font_manager.findSystemFonts():
            if _FALLBACK_FILE.search(Path(path).name):
                font_manager.fontManager.addfont(path)
        installed = {font.name for font in font_manager.fontManager.ttflist}
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # "no bold Symbola" is no news
    # matplotlib falls back glyph by glyph only through the named families of `font.family`
    style["font.family"] = list(style["font.sans-serif"][:1]) + \
        [name for name in FALLBACK_FONTS if name in installed] + ["sans-serif"]
    return style


def use_style() -> None:
    """Use the house style for every chart from now on (call once at the top of a notebook)."""
    plt.style.use(_style())


def house_style(plot):
    """Decorator: draw the wrapped `plot_*` function inside the house style, and remember the call
    on a figure it made itself, so that `save_figure` can record what redraws it."""
    @functools.wraps(plot)
    def wrapper(*args, **kwargs):
        with plt.style.context(_style()):
            ax = plot(*args, **kwargs)
            interactive = matplotlib.is_interactive()
        if interactive and not matplotlib.is_interactive():
            # the first figure of a notebook loads its backend, which turns interactive mode on so
            # that every chart is shown under its cell; leaving the style must not turn it off again
            matplotlib.interactive(True)
        if kwargs.get("ax") is None and len(args) == 1 and isinstance(args[0], pd.DataFrame):
            ax.figure._framing_plot = {"function": plot.__name__, "table": args[0],
                                       "arguments": {k: v for k, v in kwargs.items() if k != "ax"}}
        return ax
    return wrapper


def new_axes(ax=None, *, rows: int | None = None, width: float = 6.4):
    """`ax` itself, or a new Axes on a new figure. `rows` (bars or lines of labels) makes the figure
    tall enough to read each one, and never taller than a page (`PAGE_HEIGHT`)."""
    if ax is not None:
        return ax
    height = 3.6 if rows is None else min(PAGE_HEIGHT, max(2.2, 0.9 + 0.2 * rows))
    _, ax = plt.subplots(figsize=(width, height))
    return ax


def label(value, limit: int = LABEL_CHARS) -> str:
    """Text from the data as a chart shows it: on one line, cut to `limit` characters with an
    ellipsis. Charts draw it literally (the house style turns mathtext off).

    >>> label("A very long outlet name " * 3, limit=20)
    'A very long outlet…'
    >>> label("Islamic Voice News (1 article)", limit=26)
    'Islamic Voice… (1 article)'
    >>> label("Islamic Voice News (1 article)", limit=18)
    'Islamic Voi… (n=1)'
    """
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    name, suffixes = _name_and_counts(text)  # "Outlet (16 articles)": cut the name, keep the count
    for suffix in suffixes if name != text else ():  # in a narrow chart the count is kept short
        if len(suffix) <= limit - MIN_NAME_CHARS:
            return label(name, limit - len(suffix)) + suffix
    return text[: limit - 1].rstrip() + "…"


def _name_and_counts(text: str) -> tuple[str, tuple[str, ...]]:
    """A label's name and the ways to write its count, longest first: ("Outlet", (" (16 articles)",
    " (n=16)")); (text, ("",)) when it ends in no count."""
    count = _COUNT_SUFFIX.search(text)
    if not count:
        return text, ("",)
    return text[: count.start()], (count[0], f" (n={re.sub(r'[^0-9,]', '', count[0])})")


MIN_NAME_CHARS = 8  # of a name cut to keep its count ("CNN (On… (16 articles)"), ellipsis included
_COUNT_SUFFIX = re.compile(r" \(\d[\d,]* [a-z]+\)$")
_ANY_COUNT = re.compile(r" \((?:\d[\d,]* [a-z]+|n=[\d,]+)\)$")  # "(16 articles)" or, cut short, "(n=16)"


def _cut_middle(value, limit: int = LABEL_CHARS) -> str:
    """Text cut to `limit` characters in the middle rather than at the end, keeping its last words
    (and its count, shortened to "(n=2)" where the whole one leaves no room) whole, for names that
    differ only at the end. Where no end of whole words fits beside five characters of the head, the
    head is cut to four and only the last word kept, a little over `limit` rather than the whole text.

    >>> _cut_middle("Wall Street Journal (Opinion) (2 events)", limit=26)
    'Wall…(Opinion) (2 events)'
    >>> _cut_middle("Wall Street Journal (News) (6 events)", limit=26)
    'Wall Str…(News) (6 events)'
    >>> _cut_middle("Washington Times (5 articles)", limit=18)
    'Washin…Times (n=5)'
    >>> _cut_middle("Wall Street Journal (Opinion) (2 articles)", limit=18)
    'Wall…(Opinion) (n=2)'
    """
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    name, suffixes = _name_and_counts(text)
    words = [i + 1 for i, char in enumerate(name) if char == " "]  # where each word after the first starts
    for suffix in suffixes:
        room = limit - len(suffix) - 1  # the ellipsis takes one
        starts = [i for i in words if len(name) - i <= room - 5]  # the end kept leaves the head 5 characters
        if starts:
            tail = name[starts[0]:]
            return name[: room - len(tail)].rstrip() + "…" + tail + suffix
    if not words:
        return text
    return name[:4].rstrip() + "…" + name[words[-1]:] + suffixes[-1]


LABEL_TWO_LINES = 26  # points of height per row of a chart in which a category label may take two lines


def _on_two_lines(text: str, limit: int) -> str:
    """A label longer than `limit` on two lines, where the chart's rows have the height: its count
    on the second ("Islamic Voice News\n(1 article)"), or its words wrapped onto two lines. A
    label of several lines already is left as it is; either line may still be cut.

    >>> _on_two_lines("Islamic Voice News (1 article)", 18)
    'Islamic Voice News\n(1 article)'
    """
    if "\n" in text or len(text) <= limit:
        return text
    name, suffixes = _name_and_counts(" ".join(text.split()))
    if suffixes[0]:
        return name + "\n" + suffixes[0].strip()
    lines = textwrap.wrap(name, limit, break_on_hyphens=False)
    return lines[0] + "\n" + " ".join(lines[1:]) if len(lines) > 1 else name


def distinct_labels(texts, limit: int = LABEL_CHARS) -> list[str]:
    """`label` of each text (each line of it cut alone), except that different texts never end up
    as one label: where the end-cut makes two alike ("Wall Street… (2 events)" for the Journal's
    News and Opinion desks) they are cut in the middle instead, keeping the ends that tell them
    apart, and shown whole when even that does not.

    >>> distinct_labels(["Wall Street Journal (News) (6 events)", "Wall Street Journal (Opinion) (2 events)",
    ...                  "Axios (15 events)"], 26)
    ['Wall Str…(News) (6 events)', 'Wall…(Opinion) (2 events)', 'Axios (15 events)']
    """
    texts = [str(text) for text in texts]

    def cut(how):
        return ["\n".join(how(line, limit) for line in text.split("\n")) for text in texts]

    def name(text):  # a label without its count: "(2 events)" apart, two cut names may be alike
        return "\n".join(_ANY_COUNT.sub("", " ".join(line.split())) for line in text.split("\n"))

    def alike(shown):  # a label that could stand for another text too ("…" standing for any run)
        names = {name(text) for text in texts}
        fits = [re.compile(".*".join(map(re.escape, name(short).split("…"))), re.S) for short in shown]
        return [any(other != name(text) and fit.fullmatch(other) for other in names)
                for text, fit in zip(texts, fits)]

    shown = cut(label)
    clashes = alike(shown)
    if not any(clashes):
        return shown
    shown = [m if clash else s for s, m, clash in zip(shown, cut(_cut_middle), clashes)]
    return [text if clash else s for text, s, clash in zip(texts, shown, alike(shown))]


def outlet_colours(table: pd.DataFrame, by: str = "outlet") -> dict:
    """One colour per group of the corpus (e.g. every outlet of the sentences table). The groups
    with most rows get the first colours of `PALETTE` (ties in name order). Pass it as `colors=` to
    every chart by outlet so an outlet keeps its colour from chart to chart, even where some
    outlets are missing. A corpus of more outlets than colours repeats them, but no chart shows
    two groups in one colour (`group_colours` gives the later one a free colour)."""
    sizes = table[by].dropna().value_counts()
    ordered = sorted(sizes.index, key=lambda group: (-int(sizes[group]), str(group)))
    return {group: PALETTE[number % len(PALETTE)] for number, group in enumerate(ordered)}


def group_colours(groups, colors: dict | None = None) -> dict:
    """A distinct colour for each of `groups`, in name order: the one `colors` gives a group unless
    an earlier group already has it, otherwise the first colour of `PALETTE` still free (grey once
    all are taken)."""
    ordered = sorted(groups, key=str)
    given = colors or {}
    chosen: dict = {}
    for group in ordered:
        if group in given and given[group] not in chosen.values():
            chosen[group] = given[group]
    free = iter([c for c in PALETTE if c not in chosen.values()])
    return {group: chosen[group] if group in chosen else next(free, MUTED) for group in ordered}


def top_groups(table: pd.DataFrame, by: str, limit: int, *, weight: str | None = None) -> list:
    """The `limit` largest groups of `table` (most rows, or largest sum of `weight`), in name order,
    as the charts draw groups."""
    sizes = table.groupby(by).size() if weight is None else table.groupby(by)[weight].sum()
    order = sorted(sizes.index, key=lambda group: (-float(sizes[group]), str(group)))
    return sorted(order[:limit], key=str)


def note_shown(ax, shown: int, total: int, noun: str, *, which: str = "the largest") -> None:
    """Remember on the chart that it shows `shown` of `total` groups (`noun`, plural), `which` ones
    ("the largest"); the caption (`add_caption`) then says so. Nothing is noted when all are shown."""
    ax._framing_shown = (f"{shown:,} of {total:,} {noun} shown ({which})."
                         if 0 < shown < total else None)


# ── captions ────────────────────────────────────────────────────────────────────────────────────

def add_caption(target, text: str):
    """Put a caption under a figure (give the Figure or any of its Axes), followed by what the chart
    leaves out ("6 of 46 outlets shown"). A second call replaces the first caption. Returns the
    caption's Text artist.

    The caption sits below the figure's bottom edge, where notebook output shows it (it crops to
    everything drawn). Saved files leave it out unless `save_figure(..., caption=True)`."""
    fig = target.figure if hasattr(target, "figure") and target.figure is not None else target
    for old in [t for t in fig.texts if t.get_gid() == CAPTION_GID]:
        old.remove()
    notes = [ax._framing_shown for ax in fig.axes if getattr(ax, "_framing_shown", None)]
    full = " ".join([" ".join(str(text).split())] + [n for n in notes if n not in str(text)])
    return fig.text(0.0, -0.01, _wrap(full, fig.get_figwidth()), ha="left", va="top", fontsize=8,
                    color="#444444", gid=CAPTION_GID, parse_math=False)


def _wrap(text: str, width_inches: float) -> str:
    """A caption's lines for a figure `width_inches` wide (8 pt text); a word longer than a line
    is cut."""
    width_chars = max(30, int(width_inches * 72 / (8 * 0.62)))
    words = [label(word, width_chars) for word in text.split()]
    return "\n".join(textwrap.wrap(" ".join(words), width=width_chars, break_on_hyphens=False))


def legend_outside(ax, **kwargs):
    """The legend to the right of the axes, where it cannot cover bars that run to the edge. Saved
    figures narrower than `LEGEND_BELOW_WIDTH` get it below the plot instead."""
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, **kwargs)


def caption_of(fig) -> str | None:
    """The caption text of a figure (as written, unwrapped), or None."""
    texts = [t.get_text() for t in fig.texts if t.get_gid() == CAPTION_GID]
    return " ".join(texts[-1].split()) if texts else None


def corpus_name(corpus: str | Path | None) -> str | None:
    """A corpus's name from its name or its processed folder path (`.` and `..` resolved to the
    folder they stand for)."""
    return None if corpus is None else Path(str(corpus)).expanduser().resolve().name


def corpus_caption(corpus: str | Path | None, **counts: int) -> str:
    """The caption's standard part: corpus and sizes.

    >>> corpus_caption("data/processed/ukraine", articles=2, sentences=52)
    'Corpus: ukraine · n = 2 articles, 52 sentences.'
    """
    sizes = ", ".join(counted(n, name) for name, n in counts.items())
    parts = [f"Corpus: {corpus_name(corpus)}" if corpus is not None else None,
             f"n = {sizes}" if sizes else None]
    return " · ".join(p for p in parts if p) + "."


def comparison_caption(corpus: str | Path | None, table: pd.DataFrame, *, by: str = "outlet",
                       event: str = "event", article: str = "article_id") -> str:
    """`corpus_caption` of a comparison within events: n counts the events at least two groups
    cover and their articles (the rows `stats.comparable` keeps, all that such a chart or test
    rests on), then names what it leaves out. `table` has one row per article (or per article and
    frame) with `by`, `event` and `article`.

    >>> table = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["X", "Y", "X", "X"],
    ...                       "event": ["e1", "e1", "e2", "e3"]})
    >>> comparison_caption("c", table)
    'Corpus: c · n = 1 event, 2 articles; 2 articles of 2 events covered by one outlet left out.'
    """
    keep = comparable(table[by], table[event] if event in table else None)
    kept = table[keep]
    shown = corpus_caption(corpus, events=kept[event].nunique(dropna=False) if event in table else 1,
                           articles=kept[article].nunique())
    gone = describe_left_out(left_out(table, keep, article=article, event=event), by=by)
    return f"{shown[:-1]}; {gone}." if gone else shown


def slug(name: str) -> str:
    """A file-safe name: lower case, words joined by underscores."""
    return _SLUG.sub("_", str(name).lower()).strip("_") or "figure"


# ── where outputs go ─────────────────────────────────────────────────────────────────────────────

def report_folder(*, out: str | Path | None = None, corpus: str | Path | None = None) -> Path:
    """Where a notebook's figures and tables go: `out` when given, else the corpus's scratch
    folder `reports/_scratch/<corpus>/`.

    The report folder `reports/<corpus>/` is written only by `framing report` (which passes its
    own `out`), so exploring a notebook by hand never changes the report; an `out` naming a
    report folder is refused."""
    from .config import reports_dir

    if out is not None:
        folder = Path(out)
        reports = reports_dir().resolve()
        resolved = folder.resolve()
        if resolved.parent == reports and not resolved.name.startswith((".", SCRATCH)):
            raise ValueError(f"{folder} is the report of corpus {resolved.name!r}, written only by "
                             f"`framing report {resolved.name}`; leave out=None to write to "
                             f"{reports / SCRATCH / resolved.name}, or give another folder")
        return folder
    if corpus is None:
        raise ValueError("give out= (a folder) or corpus= (to write under reports/_scratch/<corpus>/)")
    return reports_dir() / SCRATCH / corpus_name(corpus)


# ── saving and re-exporting: the only functions that write charts and their tables ─────────────────

def save_figure(fig, name: str, *, out: str | Path | None = None, corpus: str | Path | None = None,
                params: dict | None = None, caption: str | bool | None = None,
                width: float | None = None, height: float | None = None, dpi: int = FIGURE_DPI,
                formats=FIGURE_FORMATS, overwrite: bool = False) -> dict[str, Path]:
    """Write a figure under `<out>/figures/<name>.*` in each of `formats` (PNG, SVG, PDF), plus
    `<name>.json` recording its name, caption, parameters, corpus, size, the framing and matplotlib
    versions and the SHA-256 of the corpus's sentences table (the input the chart came from). A
    chart drawn by a `plot_*` function also gets `<name>.data.parquet` (the table it plotted) and
    the function's name and arguments in the record, so `export_figure` can redraw it at any size.

    `out` defaults to the scratch folder `reports/_scratch/<corpus>/` (see `report_folder`).
    Files are `width` × `height` inches exactly (default `FIGURE_WIDTH` wide, which fits a
    one-column page, and the figure's own height, at most `PAGE_HEIGHT`); a figure narrower than
    `LEGEND_BELOW_WIDTH` gets its legends below the plot. Fonts are embedded in the PDF (TrueType,
    `pdf.fonttype` 42) and SVG text stays text. `dpi` applies to the PNG.

    `caption`: a string sets the figure's caption (as `add_caption`); True draws the caption in
    the files; otherwise (default) the files carry no caption, and the caption is in the JSON
    record and the report's index.html. Files are written to temporary names and renamed into
    place. Returns the written paths by format (and `json`, `data`). The figure stays as it was.
    With `save_in_background()` on (as in `framing report`'s kernel), the PNG, SVG and PDF are
    still being written when this returns; `finish_saving()` waits for them.

    Only framing's own files are replaced: a file of one of these names that framing did not write
    into that folder, or that was changed since (an edited chart, a user's file of that name),
    stops the save with `store.OutputExists` naming it, and nothing is written; `overwrite=True`
    replaces it anyway. What was written is recorded in the folder's list
    (`<out>/.framing-files.json`, `store.record_files`)."""
    from .store import check_replaceable, new_folder, record_files, write_atomic

    root = new_folder(report_folder(out=out, corpus=corpus))
    folder = root / "figures"
    folder.mkdir(exist_ok=True)
    stem = slug(name)
    formats = [fmt.lower().lstrip(".") for fmt in formats]
    paths = {fmt: folder / f"{stem}.{fmt}" for fmt in formats}
    drawn = getattr(fig, "_framing_plot", None)
    targets = [*paths.values(), folder / f"{stem}.json"]
    if drawn is not None:
        targets += [folder / f"{stem}.data.parquet"] + [
            folder / f"{stem}.{slug(arg)}.parquet" for arg, value in drawn["arguments"].items()
            if isinstance(value, pd.DataFrame)]
    _finish_writing(targets)  # an earlier save of the same name, still being written, is framing's
    check_replaceable(root, targets, overwrite=overwrite, force=OVERWRITE_HINT)
    if isinstance(caption, str):
        add_caption(fig, caption)
    width = float(width or FIGURE_WIDTH)
    height = float(min(height or fig.get_figheight(), PAGE_HEIGHT))
    draw = functools.partial(_write_images, fig, dict(paths), width=width, height=height, dpi=dpi,
                             with_caption=caption is True, salt=stem)
    if _BACKGROUND["on"]:
        _in_background(draw, name=stem, root=root.absolute(), files=[p.absolute() for p in paths.values()])
    else:
        draw()
    record = figure_record(fig, stem, corpus=corpus, params=params, files=paths,
                           size={"width": width, "height": height, "dpi": dpi})
    if drawn is not None:
        record["plot"] = _save_plot_call(drawn, folder, stem, paths) | _axes_texts(fig)
    text = json.dumps(record, indent=2, sort_keys=True, default=str, ensure_ascii=False) + "\n"
    paths["json"] = write_atomic(folder / f"{stem}.json", lambda p: p.write_text(text, encoding="utf-8"))
    written = [path for fmt, path in paths.items() if not (_BACKGROUND["on"] and fmt in formats)]
    written += [folder / name for name in record.get("plot", {}).get("table_arguments", {}).values()]
    record_files(root, written)
    return paths


# How to replace a file that is not framing's own (`store.check_replaceable`), in a function's words
# and the command's.
OVERWRITE_HINT = "--overwrite (`framing figure`) or overwrite=True (save_figure, export_figure)"


def _write_images(fig, paths: dict, *, width: float, height: float, dpi: int, with_caption: bool,
                  salt: str) -> None:
    """Draw `fig` at `width` × `height` inches into each file of `paths` (by format), atomically."""
    from .store import write_atomic

    with _sized(fig, width, height, with_caption, dpi=dpi), matplotlib.rc_context({**_FILE_RC, "svg.hashsalt": salt}):
        for fmt, path in paths.items():
            write_atomic(path, lambda p, f=fmt: fig.savefig(p, format=f, dpi=dpi, metadata=_FILE_METADATA.get(f, {})))


_FILE_RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "savefig.bbox": "standard"}  # text stays text
_FILE_METADATA = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}, "png": {}}


def _load_writers(formats=FIGURE_FORMATS) -> None:
    """Draw a small chart in the house style into memory once in each of `formats`, as
    `_write_images` does, so that what a first save loads (the PDF and SVG backends, fontTools
    and the fonts it embeds, the glyphs drawn) is loaded in this process: a child forked to write
    a figure then starts with it instead of loading it again (about 0.3 s of CPU a figure)."""
    from io import BytesIO

    from matplotlib.figure import Figure  # not pyplot's: no notebook shows or keeps this one

    with matplotlib.rc_context(_style()), matplotlib.rc_context(_FILE_RC):
        fig = Figure(figsize=(2.0, 1.2))
        ax = fig.add_subplot()
        ax.barh(["Outlet 1", "Outlet 2"], [0.25, 0.5])
        ax.set_title("Share of articles (%)")
        ax.set_xlabel("share (%), 95 % interval")
        for fmt in formats:
            fig.savefig(BytesIO(), format=fmt, dpi=FIGURE_DPI, metadata=_FILE_METADATA.get(fmt, {}))


# Saving in the background: `save_figure` draws the files in a copy of the process (os.fork: the
# copy has the figure exactly as it is, and matplotlib's state with it), while the notebook goes
# on; `finish_saving` waits for them. The report runner turns it on in its kernel (Linux only).
_BACKGROUND = {"on": False, "at_once": 2}
_PENDING: list[tuple] = []  # (process id, figure name, read end of its error pipe, output folder, files)
_FAILED: list[str] = []


def save_in_background(on: bool = True, *, at_once: int = 2) -> bool:
    """Let `save_figure` write its PNG, SVG and PDF in a child process while the notebook goes on
    (at most `at_once` at a time); `finish_saving()` waits for them. Only where processes fork
    and children can be tied to their parent's life (Linux); returns whether it is on. The JSON
    record and the plotted table are still written at once, in call order. Turning it on draws a
    small chart once in each format (`_load_writers`), so the children need not load the writers."""
    _BACKGROUND["on"] = bool(on) and sys.platform.startswith("linux") and hasattr(os, "fork")
    _BACKGROUND["at_once"] = max(1, int(at_once))
    if _BACKGROUND["on"]:
        _load_writers()
    return _BACKGROUND["on"]


def finish_saving() -> None:
    """Wait until every figure being written in the background is written. Raises RuntimeError
    naming the figures that could not be written, and why."""
    while _PENDING:
        _reap(_PENDING.pop(0))
    failed, _FAILED[:] = list(_FAILED), []
    if failed:
        raise RuntimeError("figures not written: " + "; ".join(failed))


def _finish_writing(paths) -> None:
    """Wait for the figures being written in the background into any of `paths`."""
    wanted = {Path(p).absolute() for p in paths}
    for pending in [p for p in _PENDING if wanted & set(p[4])]:
        _PENDING.remove(pending)
        _reap(pending)


def _in_background(draw, *, name: str, root: Path, files: list[Path]) -> None:
    while len(_PENDING) >= _BACKGROUND["at_once"]:
        _reap(_PENDING.pop(0))
    read, write = os.pipe()
    parent = os.getpid()
    with warnings.catch_warnings():  # Python 3.12+ warns of forking a process with threads: the child runs no other thread's code
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: draw, write, and leave without running any of the parent's clean-up
        os.close(read)
        code = 1
        try:
            _become_quiet_child(parent)
            draw()
            code = 0
        except BaseException as error:
            os.write(write, " ".join(f"{type(error).__name__}: {error}".split()).encode()[:4000])
        finally:
            os._exit(code)
    os.close(write)
    _PENDING.append((pid, name, read, root, files))


def _become_quiet_child(parent: int) -> None:
    """In a child drawing a figure: die with the parent (a killed kernel leaves nothing writing),
    print nowhere (the parent's output goes to a notebook), no garbage collection (objects of the
    parent, such as sockets, must not be finalised here), default signal handlers."""
    import ctypes
    import gc
    import signal

    gc.disable()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = open(quiet, "w", closefd=False)


def _reap(pending: tuple) -> None:
    """Wait for one figure written in the background; record its files as framing's (in this
    process: one writer of the folder's list), or note why it failed."""
    from .store import record_files

    pid, name, read, root, files = pending
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode("utf-8", "replace").strip()
    if status != 0:
        _FAILED.append(f"{name}: {message or f'the process drawing it ended with status {status}'}")
        return
    try:
        record_files(root, files)
    except OSError as error:
        _FAILED.append(f"{name}: written, but its list of files could not be: {error}")


def _save_plot_call(drawn: dict, folder: Path, stem: str, paths: dict) -> dict:
    """Write what redraws a chart: its table as `<stem>.data.parquet`, each table argument (e.g.
    `articles=`) as `<stem>.<argument>.parquet`; returns the record's `plot` part (function,
    plain arguments, the file of each table). Arguments that are neither tables nor JSON values
    make the chart one that cannot be redrawn (`function` None)."""
    from .store import write_atomic

    tables = {name: value for name, value in drawn["arguments"].items() if isinstance(value, pd.DataFrame)}
    plain = {name: value for name, value in drawn["arguments"].items() if name not in tables}
    try:
        json.dumps(plain, allow_nan=True)
    except (TypeError, ValueError):
        return {"function": None, "why": "an argument is neither a table nor a plain value"}
    paths["data"] = write_atomic(folder / f"{stem}.data.parquet",
                                  lambda p: drawn["table"].to_parquet(p, index=False))
    files = {name: write_atomic(folder / f"{stem}.{slug(name)}.parquet",
                                 lambda p, t=table: t.to_parquet(p, index=False)).name
             for name, table in tables.items()}
    return {"function": drawn["function"], "arguments": plain, "data": paths["data"].name,
            "table_arguments": files}


def figure_record(fig, stem: str, *, corpus, params, files: dict, size: dict) -> dict:
    """What `save_figure` writes to `<name>.json` (without the redraw part)."""
    from . import __version__

    return {
        "name": stem,
        "caption": caption_of(fig),
        "corpus": corpus_name(corpus),
        "parameters": params or {},
        "files": {fmt: path.name for fmt, path in files.items()},
        "size_inches": size,
        "framing_version": __version__,
        "matplotlib_version": matplotlib.__version__,
        "input_sha256": input_hash(corpus),
    }


def _axes_texts(fig) -> dict:
    """The title and axis labels as they are now (a notebook may have changed the plot's own)."""
    ax = fig.axes[0] if fig.axes else None
    if ax is None:
        return {}
    titles = {loc: ax.get_title(loc=loc) for loc in ("left", "center", "right") if ax.get_title(loc=loc)}
    return {"titles": titles, "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel()}


def _titles(ax) -> list:
    """The axes' three title texts (centre, left, right): the texts among its children that are not
    in `ax.texts`."""
    from matplotlib.text import Text

    return [child for child in ax.get_children() if isinstance(child, Text) and child not in ax.texts]


class _sized:
    """Context: the figure at `width` × `height` inches, laid out to fit exactly (constrained
    layout), legends below the plot when narrow, the caption drawn inside or hidden; everything is
    put back on exit."""

    def __init__(self, fig, width: float, height: float, with_caption: bool, dpi: float | None = None):
        self.fig, self.width, self.height, self.with_caption = fig, width, height, with_caption
        self.dpi = dpi

    def __enter__(self):
        fig = self.fig
        self.size = tuple(fig.get_size_inches())
        self.old_dpi = fig.get_dpi()
        if self.dpi:  # texts are measured as the image draws them (hinting makes widths differ by dpi)
            fig.set_dpi(self.dpi)
        self.engine = fig.get_layout_engine()
        self.captions = [(t, t.get_visible(), t.get_position(), t.get_text(), t.get_va())
                         for t in fig.texts if t.get_gid() == CAPTION_GID]
        fig.set_size_inches(self.width, self.height)
        fig.set_layout_engine("constrained")
        self.added = []
        self.hidden = []
        self.formatters = []
        self.texts = []
        self.title_transforms = {}
        if self.width < LEGEND_BELOW_WIDTH:
            self._legends_below()
        self._shorter_labels()
        self._caption()
        return fig

    def _chars(self, size: float, share: float = 1.0) -> int:
        """How many characters of `size` points fit in `share` of the figure's width."""
        return max(12, int(self.width * 72 * share / (size * 0.6)))

    def _shorter_labels(self):
        """Category labels cut to what fits beside the plot (about 40% of the figure's width); titles
        and axis labels wrapped onto lines that fit."""
        from matplotlib.ticker import FixedFormatter, FixedLocator

        limit = min(LABEL_CHARS, self._chars(8.5, 0.4))
        for ax in self.fig.axes:
            if not isinstance(ax.yaxis.get_major_locator(), FixedLocator):
                continue
            texts = [t.get_text() for t in ax.yaxis.get_majorticklabels()]
            if any(len(line) > limit for text in texts for line in text.split("\n")):
                self.formatters.append((ax.yaxis, ax.yaxis.get_major_formatter()))
                if self.height * 72 * 0.6 / len(texts) >= LABEL_TWO_LINES:  # rows tall enough for two lines
                    texts = [_on_two_lines(text, limit) for text in texts]
                cut = distinct_labels(texts, limit)  # each line of a label cut alone, none made alike
                ax.yaxis.set_major_formatter(FixedFormatter(cut))
        originals = {}
        for _ in range(4):  # wrapping one text moves the axes, which may leave another sticking out
            if not self._wrap_what_sticks_out(originals):
                break
        self.texts.extend(originals.items())

    def _wrap_what_sticks_out(self, originals: dict) -> bool:
        """Lay the figure out, then wrap each title and note (`NOTE_GID`) that runs past the
        figure's edge, and each x-axis label wider than the room from the axes' left edge to the
        figure's, onto lines that fit; `originals` keeps each text's first content. Returns
        whether any text was wrapped."""
        with warnings.catch_warnings():  # before its texts are wrapped a narrow figure may have
            warnings.filterwarnings("ignore", "constrained_layout not applied", UserWarning)  # no room yet
            self.fig.draw_without_rendering()  # lay out to measure what sticks out
        right = self.fig.bbox.x1
        wrapped = False
        for ax in self.fig.axes:
            box = ax.get_window_extent()
            notes = [t for t in ax.texts if t.get_gid() == NOTE_GID]
            for text in (ax.xaxis.label, *_titles(ax), *notes):
                extent = text.get_window_extent()
                # an x-axis label, centred under the axes, gets most of the room the axes can grow
                # into (from their left edge to the figure's), else constrained layout narrows the
                # plot to make room for the label
                room = 0.97 * (right - extent.x0) if text is not ax.xaxis.label else 0.9 * (right - box.x0)
                content = originals.get(text, text.get_text())
                lines = text.get_text().split("\n")
                if content and extent.width > room > 0:
                    chars = max(12, int(max(map(len, lines)) * room / extent.width * 0.92))
                    originals.setdefault(text, content)
                    text.set_text("\n".join(textwrap.wrap(content, chars, break_on_hyphens=False)))
                    wrapped = True
            self._title_above(ax, notes)
        return wrapped

    def _title_above(self, ax, notes: list) -> None:
        """Raise the axes' titles above the notes (`NOTE_GID`) drawn on top of the plot, however
        many lines they were wrapped onto: each title is moved up by the notes' height when that is
        more than the title's own pad (the axes' `titleOffsetTrans`, which is left as it is)."""
        if not notes:
            return
        from matplotlib.transforms import ScaledTranslation

        height = max((t.get_text().count("\n") + 1) * t.get_fontsize() * 1.3 + 3 for t in notes)
        pad = ax.titleOffsetTrans.get_matrix()[1, 2] * 72 / ax.figure.dpi  # points
        raised = ax.transAxes + ScaledTranslation(0, height / 72, ax.figure.dpi_scale_trans)
        for title in _titles(ax):
            original = self.title_transforms.setdefault(title, title.get_transform())
            title.set_transform(raised if height > pad else original)

    def _legends_below(self):
        for ax in self.fig.axes:
            legend = ax.get_legend()
            if legend is None or not legend.get_visible() or legend.get_bbox_to_anchor().x0 <= \
                    ax.get_window_extent().x1:
                continue  # legends inside the axes stay where the plot put them
            limit = self._chars(7.5, 0.45)
            handles = legend.legend_handles
            labels = distinct_labels([t.get_text() for t in legend.get_texts()], limit)
            title = legend.get_title().get_text()
            column = max(len(text) for text in labels) * 7.5 * 0.6 + 28  # points: text and marker
            columns = max(1, min(len(labels), int(self.width * 72 * 0.95 // column)))
            below = self.fig.legend(handles, labels, loc="outside lower center", ncols=columns,
                                    fontsize=7.5, title=title or None, title_fontsize=8,
                                    frameon=legend.get_frame_on())  # as drawn (`framing figure` redraws outside the style)
            legend.set_visible(False)
            self.hidden.append(legend)
            self.added.append(below)

    def _caption(self):
        rect_bottom = 0.0
        for text, *_ in self.captions:
            if not self.with_caption:
                text.set_visible(False)
                continue
            wrapped = _wrap(caption_of(self.fig) or "", self.width)
            lines = wrapped.count("\n") + 1
            rect_bottom = min(0.45, (lines * 8 * 1.25 + 6) / 72 / self.height)
            text.set_text(wrapped)
            text.set_position((0.01, rect_bottom - 0.005))
            text.set_va("top")
            text.set_visible(True)
        if rect_bottom:
            self.fig.get_layout_engine().set(rect=(0, rect_bottom, 1, 1 - rect_bottom))

    def __exit__(self, *exc):
        fig = self.fig
        for axis, formatter in self.formatters:
            axis.set_major_formatter(formatter)
        for text, content in self.texts:
            text.set_text(content)
        for title, transform in self.title_transforms.items():
            title.set_transform(transform)
        for legend in self.added:
            legend.remove()
        for legend in self.hidden:
            legend.set_visible(True)
        for text, visible, position, content, va in self.captions:
            text.set_visible(visible)
            text.set_position(position)
            text.set_text(content)
            text.set_va(va)
        fig.set_layout_engine(self.engine if self.engine is not None else "none")
        fig.set_dpi(self.old_dpi)
        fig.set_size_inches(*self.size)
        return False


def find_figure(name: str, *, corpus: str | Path | None = None) -> Path:
    """The JSON record of a saved figure: `name` itself when it is a `.json` file, else
    `<name>.json` in the report of `corpus` (`reports/<corpus>/figures/`) or, failing that, its
    scratch folder. Without `corpus`, the one report or scratch folder that has such a figure."""
    from .config import reports_dir

    path = Path(name)
    if path.suffix == ".json" and path.is_file():
        return path
    stem = slug(path.stem if path.suffix == ".json" else name)
    reports = reports_dir()
    if corpus is not None:
        places = [reports / corpus_name(corpus), reports / SCRATCH / corpus_name(corpus)]
    else:
        places = sorted(p for p in reports.glob("*") if p.is_dir() and not p.name.startswith((".", SCRATCH)))
        places += sorted(p for p in (reports / SCRATCH).glob("*") if p.is_dir())
    found = [p / "figures" / f"{stem}.json" for p in places if (p / "figures" / f"{stem}.json").is_file()]
    if corpus is not None and found:
        return found[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise FileNotFoundError(f"no saved figure {stem!r} in {reports}: run `framing report` "
                                "first, or give the path of the figure's .json file")
    raise ValueError(f"several corpora have a figure {stem!r} ({', '.join(str(f) for f in found)}): "
                     "name the corpus")


def export_figure(name: str, *, corpus: str | Path | None = None, out: str | Path | None = None,
                  width: float | None = None, height: float | None = None, dpi: int = FIGURE_DPI,
                  formats=("pdf",), caption: bool = False, overwrite: bool = False) -> dict[str, Path]:
    """Redraw a saved figure from its JSON record and plotted table and write it at another size
    or format, e.g. `export_figure("frame_prevalence_by_outlet", corpus="my-event", width=3.3)`.

    `name`: a figure's name (found by `find_figure`) or the path of its `.json`. The files go to
    `<out>/figures/` (default: the corpus's scratch folder, never the report itself), named
    `<name>_<width>in.<format>` (e.g. `frames_3_3in.pdf`). Only figures drawn by a framing `plot_*` function can be redrawn;
    the table is read from Parquet (no code is loaded from the record). An earlier export framing
    wrote there and nobody changed is replaced; any other file of the same name stops the export
    (`store.OutputExists`, naming it) unless `overwrite=True` (see `save_figure`). Returns the
    written paths by format."""
    source = find_figure(name, corpus=corpus)
    record = json.loads(source.read_text(encoding="utf-8"))
    drawn = record.get("plot")
    function = _plot_function(str((drawn or {}).get("function")))
    if not drawn or not str(drawn["function"]).startswith("plot_") or not callable(function):
        raise ValueError(f"{source}: this figure was not drawn by a framing plot_* function, so it "
                         "cannot be redrawn; export it from the notebook with save_figure(width=...)")
    table = pd.read_parquet(source.parent / drawn["data"])
    tables = {name: pd.read_parquet(source.parent / Path(file).name)
              for name, file in drawn.get("table_arguments", {}).items()}
    ax = function(table, **drawn.get("arguments", {}), **tables)
    with plt.style.context(_style()):  # the titles as the house style draws them (bold, padded)
        for loc in ("left", "center", "right"):
            ax.set_title(str(drawn.get("titles", {}).get(loc, "")), loc=loc)
        for part in ("xlabel", "ylabel"):
            if drawn.get(part):
                getattr(ax, f"set_{part}")(str(drawn[part]))
    if record.get("caption"):
        add_caption(ax, record["caption"])
    width = float(width or record.get("size_inches", {}).get("width") or FIGURE_WIDTH)
    corpus = corpus or record.get("corpus")
    try:
        return save_figure(ax.figure, f"{record['name']}_{width:g}in", corpus=corpus,
                           out=out, params=record.get("parameters"), caption=caption is True,
                           width=width, height=height, dpi=dpi, formats=formats, overwrite=overwrite)
    finally:
        plt.close(ax.figure)


def _plot_function(name: str):
    """The framing function a record names: a `plot_*` of this module or of `framing.events`
    (`plot_within_events`); None for anything else."""
    from . import events

    if not name.startswith("plot_"):
        return None
    return globals().get(name) or getattr(events, name, None)


def save_table(table: pd.DataFrame, name: str, *, out: str | Path | None = None,
               corpus: str | Path | None = None, overwrite: bool = False) -> Path:
    """Write the table behind a chart to `<out>/tables/<name>.csv` (atomically) and return the path.
    `out` defaults to the scratch folder `reports/_scratch/<corpus>/` (see `report_folder`).
    Text cells are made safe for spreadsheets (`framing.store.save_csv`). As `save_figure`, it
    replaces only framing's own unchanged file of that name, unless `overwrite=True`."""
    from .store import check_replaceable, new_folder, record_files, save_csv

    root = new_folder(report_folder(out=out, corpus=corpus))
    path = root / "tables" / f"{slug(name)}.csv"
    check_replaceable(root, [path], overwrite=overwrite, force="overwrite=True")
    save_csv(table, path)
    record_files(root, [path])
    return path


def input_hash(corpus: str | Path | None) -> str | None:
    """SHA-256 of a corpus's processed sentences table (all its part files, in order), or None when
    the corpus is not given or not built."""
    if corpus is None:
        return None
    from .store import corpus_dir, table_files

    files = table_files(corpus_dir(corpus), "sentences")  # (only framing's parts, never a user's file there)
    if not files:
        return None
    return _hash_files(tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files))


@functools.lru_cache(maxsize=32)
def _hash_files(files: tuple) -> str:
    digest = hashlib.sha256()
    for name, _, _ in files:
        with open(name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()



# ── corpus and cleaning (notebook 01) ────────────────────────────────────────────────────────────

def _bar_labels(ax, labels) -> None:
    """Category labels on the y axis at 0, 1, 2… (positions, not strings, so two labels that
    are cut alike stay two bars)."""
    ax.set_yticks(range(len(labels)), [label(text) for text in labels])


@house_style
def plot_articles_per_outlet(counts: pd.DataFrame, *, max_rows: int = 40, ax=None, **style):
    """Horizontal bars: articles per outlet, the `max_rows` largest (the caption says how many are
    shown).

    Needs `outlet`, `n_articles` (as `count_articles_per_outlet` gives)."""
    table = counts.sort_values(["n_articles", "outlet"], ascending=[False, True]).head(max_rows).iloc[::-1]
    ax = new_axes(ax, rows=len(table))
    ax.barh(range(len(table)), table["n_articles"], **{"color": SEMANTIC["ink"], **style})
    _bar_labels(ax, table["outlet"])
    note_shown(ax, len(table), len(counts), "outlets")
    ax.set_title("Articles per outlet")
    ax.set_xlabel("articles (count)")
    ax.set_ylabel("outlet")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)
    return ax


@house_style
def plot_article_lengths(articles: pd.DataFrame, *, ax=None, label_limit: int = 12, **style):
    """Scatter: words (y) against sentences (x) per article, one dot per article; dots are
    labelled with their outlet when there are at most `label_limit` articles.

    Needs `n_sentences`, `n_words`, `outlet`."""
    ax = new_axes(ax)
    ax.scatter(articles["n_sentences"], articles["n_words"],
               **{"color": SEMANTIC["ink"], "alpha": 0.8, "s": 28, **style})
    if len(articles) <= label_limit:
        for row in articles.itertuples():
            ax.annotate(label(row.outlet, 24), (row.n_sentences, row.n_words), xytext=(4, 3),
                        textcoords="offset points", fontsize=7.5, color="#333333")
    ax.set_title("Length of each article")
    ax.set_xlabel("sentences kept (count)")
    ax.set_ylabel("words kept (count)")
    ax.set_xlim(left=0)
    ax.set_ylim(bottom=0)
    return ax


@house_style
def plot_removed_by_rule(counts: pd.DataFrame, *, max_rows: int = 40, ax=None, **style):
    """Horizontal bars: raw lines removed by each cleaning rule (the `max_rows` largest).

    Needs `rule`, `n_lines` (as `count_removed_by_rule` gives)."""
    table = counts.sort_values(["n_lines", "rule"], ascending=[False, True]).head(max_rows).iloc[::-1]
    ax = new_axes(ax, rows=len(table))
    ax.barh(range(len(table)), table["n_lines"], **{"color": SEMANTIC["removed"], **style})
    _bar_labels(ax, table["rule"])
    note_shown(ax, len(table), len(counts), "rules")
    ax.set_title("Lines removed, by cleaning rule")
    ax.set_xlabel("raw lines removed (count)")
    ax.set_ylabel("rule")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)
    return ax


@house_style
def plot_cleaning_by_article(summary: pd.DataFrame, *, max_rows: int = 40, ax=None, **style):
    """Stacked horizontal bars, one per article: raw lines kept and removed (the `max_rows`
    articles with most lines, in the table's order).

    Needs `label` (or `outlet`), `lines_kept`, `lines_removed` (as `summarise_cleaning` gives)."""
    total = summary["lines_kept"] + summary["lines_removed"]
    table = summary.loc[total.sort_values(ascending=False, kind="stable").index[:max_rows]]
    table = table.sort_index().iloc[::-1]
    labels = (table["label"] if "label" in table else table["outlet"]).astype(str)
    ax = new_axes(ax, rows=len(table))
    ax.barh(range(len(table)), table["lines_kept"], label="kept", **{"color": SEMANTIC["kept"], **style})
    ax.barh(range(len(table)), table["lines_removed"], left=table["lines_kept"], label="removed",
            color=SEMANTIC["removed"])
    _bar_labels(ax, labels)
    note_shown(ax, len(table), len(summary), "articles")
    ax.set_title("Raw lines kept and removed, per article")
    ax.set_xlabel("non-blank raw lines (count)")
    ax.set_ylabel("article")
    legend_outside(ax)
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)
    return ax


# ── frames (notebook 02) ─────────────────────────────────────────────────────────────────────────

@house_style
def plot_frame_prevalence(summary: pd.DataFrame, *, by: str = "outlet", max_groups: int = 6,
                          colors: dict | None = None, articles: pd.DataFrame | None = None, ax=None, **style):
    """Grouped horizontal bars: mean share of each group's articles' sentences that carry each frame
    (%), for the `max_groups` groups with most articles (then most sentences: the article is the
    unit, so one long page does not outrank an outlet of many articles), with the bootstrap interval over articles
    where `summarise_frames` gives one. Groups with too few articles for an interval are named so on
    the chart; pass `articles` (per-article shares: `by`, `frame`, `share`, as `article_frames`
    gives) to draw their articles as dots. `colors`: {group: colour}, e.g.
    `outlet_colours(sentences)`.

    Needs `frame`, `by`, `share`, `n_total` (as `summarise_frames` gives, for one scheme); uses
    `n_articles` (said in the legend: "Axios (15 articles)"), `ci_low`, `ci_high` when present."""
    count = ["n_articles", "n_total"] if "n_articles" in summary else ["n_total"]
    sizes = summary.groupby(by)[count].max()
    rank = sizes.sort_values(count, ascending=False, kind="stable").reset_index()
    groups = top_groups(rank.assign(weight=-rank.index.to_numpy(dtype=float)), by, max_groups, weight="weight")
    colour = group_colours(groups, colors)
    table = summary[summary[by].isin(groups)]
    frames = sorted(table["frame"].unique())
    ax = new_axes(ax, rows=len(frames) * max(1, len(groups)) // 2 + 2)
    height = 0.8 / max(len(groups), 1)
    for number, group in enumerate(groups):
        part = table[table[by] == group].set_index("frame").reindex(frames)
        positions = [i + number * height for i in range(len(frames))]
        no_interval = "ci_low" in part and part["ci_low"].isna().all()
        named = f"{group} ({counted(int(sizes.loc[group, 'n_articles']), 'articles')})" if "n_articles" in sizes else group
        ax.barh(positions, 100 * part["share"].fillna(0), height=height, label=label(named),  # each outlet's n
                color=colour[group], **style)
        if "ci_low" in part and not no_interval:
            share = 100 * part["share"]
            ax.errorbar(share, positions, xerr=[(share - 100 * part["ci_low"]).clip(lower=0),
                                                (100 * part["ci_high"] - share).clip(lower=0)],
                        fmt="none", ecolor=SEMANTIC["evaluative"], elinewidth=0.8, capsize=2)
        elif articles is not None:
            mine = articles[(articles[by] == group) & articles["frame"].isin(frames)]
            ax.scatter(100 * mine["share"], [positions[frames.index(f)] for f in mine["frame"]],
                       s=9, color=SEMANTIC["evaluative"], zorder=3)
    if "ci_low" in table:
        _note_no_interval(ax, [g for g in groups if table.loc[table[by] == g, "ci_low"].isna().all()],
                          dots=articles is not None)
    ax.set_yticks([i + 0.4 - height / 2 for i in range(len(frames))],
                  [label(f).replace("_", " ") for f in frames])
    note_shown(ax, len(groups), summary[by].nunique(), by + "s")
    ax.invert_yaxis()
    ax.set_title("Frames by " + by)
    ax.set_xlabel(f"sentences with the frame's cues (% of an article's sentences, mean over the {by}'s articles)")
    ax.set_ylabel("frame")
    legend_outside(ax, title=by)
    ax.grid(axis="y", visible=False)
    return ax


def _note_no_interval(ax, groups: list, *, dots: bool = False, why: str = NO_INTERVAL,
                      ranked: bool = False) -> None:
    """Say on the chart which groups have no interval (`why`: by default fewer articles than
    `stats.MIN_ARTICLES`); `ranked`: the chart ranks the others and puts these below a dotted
    line, unranked."""
    if not groups:
        return
    names = ", ".join(map(str, groups[:3])) + (f" and {len(groups) - 3} more" if len(groups) > 3 else "")
    asides = ["dots: its articles"] * dots + ["below the dotted line, not ranked"] * ranked
    _note_above(ax, f"{names}: {why}" + (f" ({'; '.join(asides)})" if asides else ""))


def _note_above(ax, text: str) -> None:
    """A note on the chart, above the plot on its left (`NOTE_GID`): saved charts wrap it to fit and
    raise the title above it."""
    ax.text(0.0, 1.0, text, transform=ax.transAxes, ha="left", va="bottom", fontsize=7.5, color="#444444",
            gid=NOTE_GID, in_layout=False)


# ── sentiment (notebook 03) ──────────────────────────────────────────────────────────────────────

def _largest_sorted(table: pd.DataFrame, *, by: str, value: str, size: str, max_rows: int) -> pd.DataFrame:
    """The `max_rows` rows of `table` with a `value` and the largest `size`, bottom row first as a
    chart draws them: the rows without an interval (`ci_low` empty) at the bottom, largest `size`
    on top and then by name, not ranked (a mean of two articles heading the chart would rank
    noise); above them the rows with an interval in order of `value`."""
    table = table.dropna(subset=[value])
    table = table.loc[table[size].sort_values(ascending=False, kind="stable").index[:max_rows]]
    has = table["ci_low"].notna()
    unranked = table[~has].sort_values([size, by], ascending=[True, False], kind="stable")
    return pd.concat([unranked, table[has].sort_values(value, kind="stable")])


def _mark_unranked(ax, has: np.ndarray) -> None:
    """A dotted line between the rows without an interval (below it, not ranked) and the rows
    ranked by their value (above it), when a chart has both."""
    below = int((~has).sum())
    if 0 < below < len(has):
        ax.axhline(below - 0.5, color=MUTED, linestyle=":", linewidth=1)


def _dots_with_intervals(ax, table: pd.DataFrame, *, value: str, color, **style) -> tuple[list, np.ndarray]:
    """One row per line of `table`: a dot at `value` with a bar from `ci_low` to `ci_high`, or a
    hollow dot where there is no interval. Returns the rows' positions and which have an interval."""
    rows = list(range(len(table)))
    has = table["ci_low"].notna().to_numpy()
    low = (table[value] - table["ci_low"]).clip(lower=0)[has]
    high = (table["ci_high"] - table[value]).clip(lower=0)[has]
    ax.errorbar(table[value][has], [r for r, h in zip(rows, has) if h], xerr=[low, high], fmt="o", capsize=3,
                color=color, **style)
    ax.scatter(table[value][~has], [r for r, h in zip(rows, has) if not h], s=40, facecolors="white",
               edgecolors=color, linewidths=1.5, zorder=3)
    return rows, has


@house_style
def plot_sentiment_by_outlet(summary: pd.DataFrame, *, by: str = "outlet", articles: pd.DataFrame | None = None,
                             score: str = "sentiment", max_rows: int = 40, ax=None, **style):
    """Mean sentiment per group over its articles, with the interval over articles (dot
    and bar), for the `max_rows` groups with most articles. A group with too few articles for an
    interval gets a hollow dot, and a note above the plot names those groups with the words "too
    few articles for an interval" (once, not beside each row, where it took the plot's room in a
    narrow chart); pass `articles` (per-article values: `by` and `score`, as `article_sentiment`
    gives) to draw each of its articles as a small dot.

    Needs `by`, `mean`, `ci_low`, `ci_high`, `n_articles` (as `summarise_sentiment` gives)."""
    table = _largest_sorted(summary, by=by, value="mean", size="n_articles", max_rows=max_rows)
    ax = new_axes(ax, rows=len(table))
    rows, has = _dots_with_intervals(ax, table, value="mean", color=style.pop("color", SEMANTIC["ink"]), **style)
    if articles is not None:
        for row, group in zip(rows, table[by]):
            if not has[row]:
                values = articles.loc[articles[by] == group, score]
                ax.scatter(values, [row] * len(values), s=12, color=SEMANTIC["evaluative"], zorder=4)
    _mark_unranked(ax, has)
    _note_no_interval(ax, [g for g, h in zip(table[by], has) if not h][::-1], dots=articles is not None,
                      ranked=bool(has.any()))
    ax.set_yticks(rows, [f"{label(g)} ({counted(n, 'articles')})" for g, n in zip(table[by], table["n_articles"])])
    note_shown(ax, len(table), len(summary), by + "s")
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentiment by " + by)
    ax.set_xlabel("mean over articles of each article's mean sentiment (−1 … +1)")  # bars: in the caption
    ax.set_ylabel(by)
    return ax


@house_style
def plot_within_event_differences(effects: pd.DataFrame, *, by: str = "outlet", score: str = "sentiment",
                                  max_rows: int = 40, ax=None, **style):
    """Each group against the other groups on the same events: the mean over events of its
    articles' mean minus the others' (dot), with the interval over events (bar), for the
    `max_rows` groups compared on most events; a group compared on too few events for an interval
    gets a hollow dot, named once above the plot. Groups never compared (no event shared with
    another group) are left out.

    Needs `by`, `difference`, `ci_low`, `ci_high`, `n_events` (as `stats.within_event_effects` gives)."""
    table = _largest_sorted(effects, by=by, value="difference", size="n_events", max_rows=max_rows)
    ax = new_axes(ax, rows=len(table))
    rows, has = _dots_with_intervals(ax, table, value="difference", color=style.pop("color", SEMANTIC["ink"]), **style)
    _mark_unranked(ax, has)
    _note_no_interval(ax, [g for g, h in zip(table[by], has) if not h][::-1], why="too few events for an interval",
                      ranked=bool(has.any()))
    ax.set_yticks(rows, [f"{label(g)} ({counted(n, 'events')})" for g, n in zip(table[by], table["n_events"])])
    note_shown(ax, len(table), len(effects.dropna(subset=["difference"])), by + "s", which="compared on most events")
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title(f"{score.capitalize()} against other {by}s on the same events")
    ax.set_xlabel(f"mean over events of the {by}'s articles minus the other {by}s' ({score})")
    ax.set_ylabel(by)
    return ax


@house_style
def plot_sentiment_along_article(by_position: pd.DataFrame, *, by: str = "outlet", max_groups: int = 6,
                                 colors: dict | None = None, ax=None, **style):
    """Mean sentiment along the article (start → end), one line for each of the `max_groups`
    groups with most sentences. `colors`: {group: colour}, e.g. `outlet_colours(sentences)`.

    Needs `by`, `bin_mid`, `mean`, `n` (as `summarise_sentiment_by_position` gives). Where the table
    has `ci_low`/`ci_high` (bins with enough articles) a band shows the interval over articles;
    groups without any are named with "too few articles for an interval" on the chart."""
    ax = new_axes(ax)
    colour = group_colours(top_groups(by_position, by, max_groups, weight="n"), colors)
    for group in colour:
        part = by_position[by_position[by] == group].sort_values("bin_mid")
        ax.plot(part["bin_mid"], part["mean"], marker="o", label=label(group), color=colour[group], **style)
        if "ci_low" in part and part["ci_low"].notna().any():
            ax.fill_between(part["bin_mid"], part["ci_low"], part["ci_high"], color=colour[group], alpha=0.15,
                            linewidth=0)
    note_shown(ax, len(colour), by_position[by].nunique(), by + "s")
    ax.axhline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentiment along the article")
    ax.set_xlabel("position in the article (0 = start, 1 = end)")
    ax.set_ylabel("mean sentiment (over articles)")
    ax.set_xlim(0, 1)
    if "ci_low" in by_position:
        _note_no_interval(ax, [g for g in colour if by_position.loc[by_position[by] == g, "ci_low"].isna().all()])
    legend_outside(ax, title=by)
    return ax


@house_style
def plot_actor_sentiment(actors: pd.DataFrame, *, by: str = "outlet", max_groups: int = 8,
                         max_actors: int = 20, colors: dict | None = None, ax=None, **style):
    """Mean sentiment toward each actor (rows) per group (dots), for the `max_groups` groups and
    `max_actors` actors with most mentions; a dot's area grows with its number of mentions (up to
    `MENTIONS_FULL`), and a note above the plot says so, since most dots are one to three mentions
    and no interval is drawn. `colors`: {group: colour}, e.g. `outlet_colours(sentences)`.

    Needs `actor`, `by`, `actor_sentiment` (one row per mention, as `add_actor_sentiment` gives)."""
    chosen = top_groups(actors, "actor", max_actors)
    table = (actors[actors["actor"].isin(chosen)].groupby(["actor", by])["actor_sentiment"]
             .agg(actor_sentiment="mean", n_mentions="size").reset_index())
    actor_names = sorted(table["actor"].unique(), key=str)
    colour = group_colours(top_groups(actors, by, max_groups), colors)
    # room for each actor's row and for the legend, which a one-column chart puts below the plot
    ax = new_axes(ax, rows=2 * len(actor_names) + 2 + (len(colour) + 1) // 2)
    for group in colour:
        part = table[table[by] == group].set_index("actor").reindex(actor_names)
        ax.scatter(part["actor_sentiment"], range(len(actor_names)), label=label(group), color=colour[group],
                   s=MENTION_AREA * part["n_mentions"].fillna(1).clip(1, MENTIONS_FULL), **style)
    shown = table[table[by].isin(list(colour))]["n_mentions"]
    if len(shown):
        _note_above(ax, f"dot area: the mentions behind the mean ({shown.min():,} to {shown.max():,}; "
                        f"{(shown <= 3).mean():.0%} of dots from 1 to 3 mentions)")
    ax.set_yticks(range(len(actor_names)), [label(a) for a in actor_names])
    note_shown(ax, len(colour), actors[by].nunique(), by + "s")
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentiment toward each actor")
    ax.set_xlabel("mean sentiment toward the actor per mention (−1 … +1)")
    ax.set_ylabel("actor")
    legend_outside(ax, title=by)
    for handle in ax.get_legend().legend_handles:
        handle.set_sizes([MENTION_AREA * 3])  # the legend names colours, not sizes
    return ax


MENTION_AREA = 12  # points² of a dot per mention (`plot_actor_sentiment`)
MENTIONS_FULL = 12  # mentions from which a dot grows no more


# ── keywords (notebook 04) ───────────────────────────────────────────────────────────────────────

@house_style
def plot_log_odds(table: pd.DataFrame, *, group: str = "outlet", n: int = 10, max_groups: int = 4,
                  colors: dict | None = None, threshold: float | None = None, ax=None, **style):
    """"Fightin' words": the `n` terms most distinctive of each group (z-score of the weighted
    log-odds ratio, Monroe et al. 2008), one block of bars for each of the `max_groups` groups with
    most words (the `n_group` column, or most terms). `colors`: {group: colour}, e.g.
    `outlet_colours(sentences)`. `threshold` (e.g. from `keywords.log_odds_threshold`, calibrated by
    shuffling outlets over articles) is drawn as a dashed line, and a note above the plot says how
    many of the terms shown pass it ("no term passes the dashed line: a ranking of words, not a
    difference beyond chance"); none is drawn without it.

    Needs `group`, `term`, `z` (as `log_odds` gives, one-vs-rest)."""
    size = next((c for c in ("n_group", "n_words", "count", "n") if c in table), None)
    sizes = table.groupby(group)[size].sum().reset_index() if size else table
    groups = top_groups(sizes, group, max_groups, weight=size)
    top = pd.concat([table[table[group] == g].nlargest(n, "z") for g in groups])
    ax = new_axes(ax, rows=len(top) + len(groups))
    colour = group_colours(groups, colors)
    labels, values, colours = [], [], []
    for g in groups:
        part = top[top[group] == g].sort_values("z", ascending=False)
        labels += [f"{label(t, 24)}  ·  {label(g, 24)}" for t in part["term"]]
        values += list(part["z"])
        colours += [colour[g]] * len(part)
    ax.barh(range(len(values)), values, color=colours, **style)
    ax.set_yticks(range(len(values)), labels)
    note_shown(ax, len(groups), table[group].nunique(), group + "s")
    ax.invert_yaxis()
    line = threshold is not None and np.isfinite(threshold)
    if line:
        ax.axvline(threshold, color=MUTED, linewidth=1, linestyle="--")
        passing = int((np.abs(np.asarray(values)) > threshold).sum())
        note = (f"{passing} of {len(values)} terms shown pass the dashed line" if passing else
                "no term passes the dashed line: a ranking of words, not a difference beyond chance")
        _note_above(ax, note)
    ax.set_title(f"Words most distinctive of each {group} (weighted log-odds)")
    ax.set_xlabel("z-score of the log-odds ratio against the other groups"
                  + (f" (dashed: {threshold:.2f}, calibrated by shuffling {group}s over articles)" if line else ""))
    ax.set_ylabel("term · " + group)
    ax.grid(axis="y", visible=False)
    return ax


@house_style
def plot_keyness(table: pd.DataFrame, *, group: str = "outlet", target=None, n: int = 15, ax=None, **style):
    """Keyness bars: log-likelihood G² of the `n` key terms of `target` (over-used to the right,
    under-used to the left). Needs `group`, `term`, `g2`, `use` (as `keyness` gives)."""
    target = target if target is not None else sorted(table[group].unique())[0]
    part = table[(table[group] == target) & (table["use"] != "same")]
    part = part.assign(signed=part["g2"].where(part["use"] == "over", -part["g2"]))
    part = part.reindex(part["g2"].sort_values(ascending=False).index[:n]).sort_values("signed")
    ax = new_axes(ax, rows=len(part))
    ax.barh(range(len(part)), part["signed"],
            color=[SEMANTIC["more"] if v > 0 else SEMANTIC["less"] for v in part["signed"]], **style)
    _bar_labels(ax, part["term"])
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title(f"Key terms of {label(target)}")
    ax.set_xlabel("log-likelihood G² (right: used more than the rest; left: less)")
    ax.set_ylabel("term")
    ax.grid(axis="y", visible=False)
    return ax


# ── sources and quotes (notebook 05) ─────────────────────────────────────────────────────────────

@house_style
def plot_quote_share(speakers: pd.DataFrame, *, by: str = "outlet", n: int = 8, max_groups: int = 6,
                     colors: dict | None = None, ax=None, **style):
    """Share of each group's quoted words given to each of the `n` most quoted speakers, for the
    `max_groups` groups with most quoted words. `colors`: {group: colour}, e.g.
    `outlet_colours(sentences)`.

    Needs `by`, `speaker`, `n_words`, `word_share` (as `summarise_speakers` gives)."""
    top = speakers.groupby("speaker")["n_words"].sum().nlargest(n).index
    groups = top_groups(speakers, by, max_groups, weight="n_words")
    table = speakers[speakers["speaker"].isin(top) & speakers[by].isin(groups)]
    pivot = table.pivot_table(index="speaker", columns=by, values="word_share", aggfunc="sum").fillna(0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index]
    colour = group_colours(pivot.columns, colors)
    positions = _bars_around_rows(pivot[list(colour)] > 0)
    height = 0.8 / max(1, int((pivot > 0).sum(axis=1).max()) if len(pivot) else 1)
    ax = new_axes(ax, rows=len(pivot) * max(1, int(0.8 / height)) // 2 + 2)
    for group in colour:
        shown = positions[group].notna()
        ax.barh(positions.loc[shown, group] * height + np.flatnonzero(shown.to_numpy()),
                100 * pivot.loc[shown, group], height=height, label=label(group), color=colour[group], **style)
    ax.set_yticks(range(len(pivot)), [label(s) for s in pivot.index])
    note_shown(ax, len(colour), speakers[by].nunique(), by + "s")
    ax.set_title("Who is quoted, and how much")
    ax.set_xlabel(f"share of the {by}'s quoted words (%)")
    ax.set_ylabel("speaker")
    legend_outside(ax, title=by)
    ax.grid(axis="y", visible=False)
    return ax


def _bars_around_rows(present: pd.DataFrame) -> pd.DataFrame:
    """For bars grouped by row (rows × groups, True where a group has a bar), each bar's offset from
    its row's tick in bar heights, so a row's bars sit together around its label, in the columns'
    order, and no row keeps an empty slot for a group that has nothing there; NaN: no bar."""
    rank = present.cumsum(axis=1).where(present) - 1
    return rank - (present.sum(axis=1).to_numpy()[:, None] - 1) / 2


@house_style
def plot_verbs(verbs: pd.DataFrame, *, by: str = "outlet", max_rows: int = 40, ax=None, **style):
    """Reporting verbs per group, stacked: neutral against evaluative (share of attributed quotes),
    for the `max_rows` groups with most quotes. Each row is labelled with the number of quotes its
    shares are of ("Variety (1 quote)"): a bar all evaluative may be one quote.

    Needs `by`, `verb_stance`, `n` (as `count_verbs` gives)."""
    pivot = verbs.pivot_table(index=by, columns="verb_stance", values="n", aggfunc="sum").fillna(0)
    for stance in ("neutral", "evaluative"):
        if stance not in pivot:
            pivot[stance] = 0
    kept = pivot.sum(axis=1).sort_values(ascending=False, kind="stable").index[:max_rows]
    shares = 100 * pivot.loc[sorted(kept, key=str), ["neutral", "evaluative"]].div(
        pivot.loc[sorted(kept, key=str)].sum(axis=1), axis=0)
    ax = new_axes(ax, rows=len(shares))
    rows = range(len(shares))
    ax.barh(rows, shares["neutral"], color=SEMANTIC["neutral"], label="neutral (said, told, stated)")
    ax.barh(rows, shares["evaluative"], left=shares["neutral"], color=SEMANTIC["evaluative"],
            label="evaluative (warned, insisted)")  # short enough not to be cut in a legend below
    totals = pivot.loc[shares.index].sum(axis=1)
    _bar_labels(ax, [f"{label(g)} ({counted(n, 'quotes')})" for g, n in zip(shares.index, totals)])
    ax.invert_yaxis()  # in name order from the top
    note_shown(ax, len(shares), len(pivot), by + "s")
    ax.set_title("Reporting verbs: neutral or evaluative")
    ax.set_xlabel("share of attributed quotes (%)")
    ax.set_ylabel(by)
    ax.set_xlim(0, 100)
    legend_outside(ax)
    ax.grid(axis="y", visible=False)
    return ax


# ── across outlets (notebook 06) ─────────────────────────────────────────────────────────────────

@house_style
def plot_alignment_map(counterparts: pd.DataFrame, *, max_articles: int = 12, ax=None, **style):
    """Each article as a row of sentences along its length: filled where another outlet reports the
    same content, hollow where only this outlet does.

    Needs `outlet`, `article_id`, `position`, `n_counterparts` (as `add_counterparts` gives). Rows
    are labelled by outlet and headline: a `title` column when there is one, else the article's
    headline sentences (`kind`, `text`), else the article's number within its outlet."""
    articles = counterparts.drop_duplicates("article_id").head(max_articles)
    table = counterparts[counterparts["article_id"].isin(articles["article_id"])]
    labels = _article_labels(counterparts, articles)
    row_of = dict(zip(articles["article_id"], range(len(articles))))
    ax = new_axes(ax, rows=len(articles) + 1)
    shared = table[table["n_counterparts"] > 0]
    alone = table[table["n_counterparts"] == 0]
    ax.scatter(shared["position"], shared["article_id"].map(row_of), s=40, color=SEMANTIC["shared"],
               label="reported by another outlet", **style)
    ax.scatter(alone["position"], alone["article_id"].map(row_of), s=40, facecolors="white",
               edgecolors=SEMANTIC["alone"], linewidths=1.5, label="only this outlet", **style)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(-0.03, 1.03)
    ax.set_title("Which sentences other outlets also report")
    ax.set_xlabel("position in the article (0 = start, 1 = end)")
    ax.set_ylabel("outlet: headline")
    note_shown(ax, len(articles), counterparts["article_id"].nunique(), "articles")
    legend_outside(ax)
    return ax


def _article_labels(sentences: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    """"outlet: headline" for each row of `articles` (`outlet`, `article_id`), cut as `label` cuts;
    "outlet: article 2" when no headline is known."""
    titles = {}
    if "title" in sentences:
        titles = sentences.dropna(subset=["title"]).groupby("article_id")["title"].first().to_dict()
    elif "kind" in sentences and "text" in sentences:
        heads = sentences[sentences["kind"] == "headline"].sort_values(["article_id", "sentence_id"])
        titles = heads.groupby("article_id")["text"].agg(" ".join).to_dict()
    labels, seen = [], {}
    for outlet, article_id in zip(articles["outlet"], articles["article_id"]):
        seen[outlet] = seen.get(outlet, 0) + 1
        title = " ".join(str(titles.get(article_id) or "").split())
        labels.append(label(f"{outlet}: {title}" if title else f"{outlet}: article {seen[outlet]}"))
    return labels


@house_style
def plot_prominence(prominence: pd.DataFrame, *, item_type: str = "frame", max_items: int = 12,
                    max_groups: int = 8, colors: dict | None = None, ax=None, **style):
    """How early each frame (or speaker) first appears in the articles of each of the `max_groups`
    outlets with most items. `colors`: {outlet: colour}, e.g. `outlet_colours(sentences)`.

    Needs `item`, `item_type`, `outlet`, `first_position` (as `prominence` gives)."""
    table = prominence[prominence["item_type"] == item_type]
    items = list(table.groupby("item")["first_position"].min().sort_values().index[:max_items])
    table = table[table["item"].isin(items)]
    ax = new_axes(ax, rows=len(items) + 1)
    colour = group_colours(top_groups(table, "outlet", max_groups), colors)
    for outlet in colour:
        part = table[table["outlet"] == outlet].groupby("item")["first_position"].min()
        ax.scatter(part.values, [items.index(i) for i in part.index], label=label(outlet),
                   color=colour[outlet], **style)
    ax.set_yticks(range(len(items)), [label(i).replace("_", " ") for i in items])
    note_shown(ax, len(colour), table["outlet"].nunique(), "outlets")
    ax.invert_yaxis()
    ax.set_xlim(-0.03, 1.03)
    ax.set_title(f"Where each {item_type} first appears")
    ax.set_xlabel("position of its first sentence (0 = start of the article, 1 = end)")
    ax.set_ylabel(item_type)
    legend_outside(ax, title="outlet")
    return ax
