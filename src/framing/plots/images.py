"""A figure drawn into its PNG, SVG and PDF files at an exact size (`_write_images`): laid out to
fit (`_sized`), labels cut and titles wrapped to the width, legends moved below a narrow figure,
the caption drawn in or hidden, and everything put back afterwards."""
from __future__ import annotations

import math
import textwrap
import warnings

import matplotlib
import numpy as np

from .style import (CAPTION_GID, LABEL_CHARS, LABEL_TWO_LINES, LEGEND_BELOW_WIDTH, NOTE_GID, PAGE_HEIGHT,
                    _on_two_lines, _wrap, caption_of, distinct_labels, short_count_noun, with_count_noun, wrap_label)

LABEL_SHARE = 0.55  # of a figure's width that its category labels may take before their font is made smaller
MIN_LABEL_POINTS = 6.5  # the smallest font of category labels; narrower still, they are cut (`_sized._cut_labels`)


def label_lines(rows: int) -> int:
    """How many lines a category label of a chart of `rows` rows may take: as many as a page's
    height (`PAGE_HEIGHT`, 60% of it for the plot) gives each row at `LABEL_TWO_LINES` points per
    two lines, at least one. The figure then grows to fit them (`height_to_fit`).

    >>> label_lines(8), label_lines(16), label_lines(40)
    (3, 1, 1)
    """
    return max(1, int(PAGE_HEIGHT * 72 * 0.6 / max(rows, 1) // (LABEL_TWO_LINES / 2)))

def _write_images(fig, paths: dict, *, width: float, height: float, dpi: int, with_caption: bool,
                  salt: str) -> None:
    """Draw `fig` at `width` × `height` inches into each file of `paths` (by format), atomically."""
    from ..store import write_atomic

    with _sized(fig, width, height, with_caption, dpi=dpi), matplotlib.rc_context({**_FILE_RC, "svg.hashsalt": salt}):
        for fmt, path in paths.items():
            write_atomic(path, lambda p, f=fmt: fig.savefig(p, format=f, dpi=dpi, metadata=_FILE_METADATA.get(f, {})))


CAPTION_SHARE = 0.8  # at most this share of a figure's height goes to its caption (a height the user chose)


def caption_inches(fig, width: float) -> float:
    """The height (inches) a figure's caption takes drawn under it at `width` inches: its lines at
    its font size, and a little space; 0 without a caption."""
    texts = [t for t in fig.texts if t.get_gid() == CAPTION_GID]
    if not texts:
        return 0.0
    size = texts[-1].get_fontsize()
    lines = _wrap(caption_of(fig) or "", width, size).count("\n") + 1
    return (lines * size * 1.25 + 6) / 72


def height_to_fit(fig, width: float, height: float, *, dpi: int, with_caption: bool) -> float:
    """`height`, or taller (at most `PAGE_HEIGHT`), so that at `width` the category labels of each
    plot (a y axis of fixed ticks: outlets, frames, speakers) stand apart. A chart is drawn with a
    height for its rows; narrowed to a column, its legend moves below the plot and its titles and
    axis labels wrap, and what they take comes off the plot, so that the seed corpus's four frame
    labels were drawn on top of each other. The figure grows by what the plot lacks."""
    for _ in range(3):  # growing the figure moves what is below the plot: measure again
        with _sized(fig, width, height, with_caption, dpi=dpi):
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "constrained_layout not applied", UserWarning)
                fig.draw_without_rendering()
            lacking = max((_rows_lacking(ax) for ax in fig.axes), default=0.0)
        if lacking < 0.02 or height >= PAGE_HEIGHT:
            break
        height = min(PAGE_HEIGHT, math.ceil((height + lacking) * 100) / 100)  # whole hundredths of an inch
    return height


ROW_SPACE = 1.5  # a category label's row is at least this many times the label's height


def _rows_lacking(ax) -> float:
    """How many inches of height `ax` lacks for its category labels (y tick labels at fixed
    positions) to have `ROW_SPACE` of their height each, from tick to tick; 0 when they have."""
    from matplotlib.ticker import FixedLocator

    if not isinstance(ax.yaxis.get_major_locator(), FixedLocator) or not ax.get_visible():
        return 0.0
    low, high = sorted(ax.get_ylim())
    labels = sorted(((ax.transData.transform((0, tick.get_loc()))[1], tick.label1.get_window_extent().height)
                     for tick in ax.yaxis.get_major_ticks()
                     if tick.label1.get_visible() and tick.label1.get_text() and low <= tick.get_loc() <= high))
    if len(labels) < 2:
        return 0.0
    need = max(ROW_SPACE * (a[1] + b[1]) / 2 / max(abs(b[0] - a[0]), 1e-9) for a, b in zip(labels, labels[1:]))
    return max(0.0, (need - 1) * ax.get_window_extent().height / ax.figure.dpi)


_FILE_RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "savefig.bbox": "standard"}  # text stays text
_FILE_METADATA = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}, "png": {}}


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
        self.notes_in_layout = []
        self.locators = []
        self.label_sizes = []
        if self.width < LEGEND_BELOW_WIDTH:
            self._legends_below()
        self._shorter_labels()
        self._caption()
        self._fewer_ticks()
        return fig

    def _fewer_ticks(self):
        """Fewer numbers on an x axis whose tick labels would run into each other at this width
        ("−0.150−0.125−0.100" at a one-column width): matplotlib's automatic ticks assume labels
        about three characters wide, so such an axis gets fewer ticks until its labels stand apart
        by a character's width. Categories, dates, logarithmic and fixed ticks keep theirs."""
        from matplotlib.ticker import AutoLocator, MaxNLocator

        for ax in self.fig.axes:
            locator = ax.xaxis.get_major_locator()
            if type(locator) not in (AutoLocator, MaxNLocator):
                continue
            bins = len(_tick_labels(ax))
            while bins > 2 and _ticks_overlap(ax):
                bins -= 1
                ax.xaxis.set_major_locator(MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10]))
            if ax.xaxis.get_major_locator() is not locator:
                self.locators.append((ax.xaxis, locator))

    def _chars(self, size: float, share: float = 1.0) -> int:
        """How many characters of `size` points fit in `share` of the figure's width."""
        return max(12, int(self.width * 72 * share / (size * 0.6)))

    def _shorter_labels(self):
        """Category labels longer than fits beside the plot (about 40% of the figure's width) wrapped
        onto as many lines as a page's rows have room for, never cut: a label wider than that keeps
        its words on fewer, longer lines, and the plot narrows (`label_lines`); titles and axis
        labels wrapped onto lines that fit."""
        from matplotlib.ticker import FixedFormatter, FixedLocator

        limit = min(LABEL_CHARS, self._chars(8.5, 0.4))
        for ax in self.fig.axes:
            if not isinstance(ax.yaxis.get_major_locator(), FixedLocator) or getattr(ax, "_framing_whole_labels", False):
                continue  # numbers beside the bars (`events.plot_within_events`) are kept whole
            ticks = ax.yaxis.get_majorticklabels()
            texts = [t.get_text() for t in ticks]
            if any(len(line) > limit for text in texts for line in text.split("\n")):
                self.formatters.append((ax.yaxis, ax.yaxis.get_major_formatter()))
                wrapped = [wrap_label(text, limit, lines=label_lines(len(texts))) for text in texts]
                size = ticks[0].get_fontsize() if ticks else 8.5
                longest = max(len(line) for text in wrapped for line in text.split("\n"))
                fits = self.width * 72 * LABEL_SHARE / (0.6 * longest)  # the largest font the longest line fits in
                if fits < size:  # too wide even on its lines: a smaller font
                    self.label_sizes.append((ax, size))
                    ax.tick_params(axis="y", labelsize=max(MIN_LABEL_POINTS, fits))
                if fits < MIN_LABEL_POINTS:  # an export narrower still: cut, no two alike
                    self._cut_labels(ax, texts, self._chars(MIN_LABEL_POINTS, 0.4))
                else:
                    ax.yaxis.set_major_formatter(FixedFormatter(wrapped))
        originals = {}
        for _ in range(4):  # wrapping one text moves the axes, which may leave another sticking out
            if not self._wrap_what_sticks_out(originals):
                break
        self.texts.extend(originals.items())

    def _cut_labels(self, ax, texts: list, limit: int) -> None:
        """The labels of a chart too narrow for them even in a smaller font (an export a few inches
        wide of 40 rows) cut to `limit` characters, two lines where the rows have room, so that no
        two read alike (`distinct_labels`); where a count is cut to "(n=5)" the axis says what n counts."""
        from matplotlib.ticker import FixedFormatter

        if self.height * 72 * 0.6 / len(texts) >= LABEL_TWO_LINES:  # rows tall enough for two lines
            texts = [_on_two_lines(text, limit) for text in texts]
        cut = distinct_labels(texts, limit, others=getattr(ax, "_framing_groups", ()))  # none made alike
        ax.yaxis.set_major_formatter(FixedFormatter(cut))
        noun = short_count_noun(texts, cut)
        if noun:  # "Washington Times (n=5)": the axis says what n counts
            self.texts.append((ax.yaxis.label, ax.yaxis.label.get_text()))
            ax.yaxis.label.set_text(with_count_noun(ax.yaxis.label.get_text(), noun))

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
        if not any(title.get_text() for title in _titles(ax)):  # no title to make room above the plot:
            for note in notes:  # the notes take part in the layout themselves, else they are cut off
                if not note.get_in_layout():
                    note.set_in_layout(True)
                    self.notes_in_layout.append(note)
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
            if legend is None or not legend.get_visible() or not legend.get_texts() or \
                    legend.get_bbox_to_anchor().x0 <= ax.get_window_extent().x1:
                continue  # legends inside the axes stay where the plot put them; an empty one (nothing drawn) too
            size = 7.5 * getattr(self.fig, "_framing_font_scale", 1.0)  # smaller in a narrow export (`scale_fonts`)
            limit = self._chars(size, 0.45)
            handles = legend.legend_handles
            labels = [wrap_label(t.get_text(), limit, lines=2) for t in legend.get_texts()]  # whole names
            title = legend.get_title().get_text()
            column = max(len(line) for text in labels for line in text.split("\n")) * size * 0.6 + 28  # points: text and marker
            columns = max(1, min(len(labels), int(self.width * 72 * 0.95 // column)))
            order = _row_major(len(labels), columns)  # read left to right, then down: Left, Center / Right
            handles, labels = [handles[i] for i in order], [labels[i] for i in order]
            below = self.fig.legend(handles, labels, loc="outside lower center", ncols=columns,
                                    fontsize=size, title=title or None, title_fontsize=size + 0.5,
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
            wrapped = _wrap(caption_of(self.fig) or "", self.width, text.get_fontsize())
            rect_bottom = min(CAPTION_SHARE, caption_inches(self.fig, self.width) / self.height)
            text.set_text(wrapped)
            text.set_position((0.01, rect_bottom - 0.005))
            text.set_va("top")
            text.set_visible(True)
        if rect_bottom:
            # a legend moved below the plot stands between the plot and the caption: the layout
            # places such a legend at the figure's foot (over the caption's last lines), so it gets
            # a band of its own, its height measured, and the plot the room above it
            renderer = self.fig.canvas.get_renderer()
            band = max((legend.get_window_extent(renderer).height / self.fig.dpi + 6 / 72 for legend in self.added),
                       default=0.0) / self.height
            for legend in self.added:
                legend.set_bbox_to_anchor((0, rect_bottom, 1, band), transform=self.fig.transFigure)
            self.fig.get_layout_engine().set(rect=(0, rect_bottom + band, 1, 1 - rect_bottom - band))

    def __exit__(self, *exc):
        fig = self.fig
        for axis, locator in self.locators:
            axis.set_major_locator(locator)
        for axis, formatter in self.formatters:
            axis.set_major_formatter(formatter)
        for ax, size in self.label_sizes:
            ax.tick_params(axis="y", labelsize=size)
        for text, content in self.texts:
            text.set_text(content)
        for title, transform in self.title_transforms.items():
            title.set_transform(transform)
        for note in self.notes_in_layout:
            note.set_in_layout(False)
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


def _row_major(count: int, columns: int) -> list[int]:
    """The order to hand `count` legend entries to a legend of `columns` columns so that they read
    along its rows: matplotlib fills a legend column by column (its columns `numpy.array_split`
    sizes), which put a lean corpus's "Left", "Center" in the first column and "Right" in the
    second, so that its rows read "Left, Right" and "Center"."""
    sizes = [len(part) for part in np.array_split(np.arange(count), columns)]
    cells = [(column, row) for row in range(max(sizes, default=0)) for column in range(columns) if row < sizes[column]]
    place = {cell: item for item, cell in enumerate(cells)}  # the k-th cell read along the rows holds entry k
    return [place[(column, row)] for column in range(columns) for row in range(sizes[column])]


def _tick_labels(ax) -> list:
    """The x-axis tick labels `ax` draws (inside its view, with text), laid out as its figure draws."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "constrained_layout not applied", UserWarning)
        ax.figure.draw_without_rendering()
    low, high = sorted(ax.get_xlim())
    return [tick.label1 for tick in ax.xaxis.get_major_ticks()
            if tick.label1.get_visible() and tick.label1.get_text() and low <= tick.get_loc() <= high]


def _ticks_overlap(ax) -> bool:
    """Whether two neighbouring x tick labels of `ax` come closer than a character's width."""
    labels = _tick_labels(ax)
    boxes = sorted((label.get_window_extent() for label in labels), key=lambda box: box.x0)
    space = 0.6 * labels[0].get_fontsize() * ax.figure.dpi / 72 if labels else 0
    return any(right.x0 - left.x1 < space for left, right in zip(boxes, boxes[1:]))
