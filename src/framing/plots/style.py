"""The look every chart shares: the house style (`framing/style/framing.mplstyle` plus fallback
fonts), sizes, colours (`PALETTE` for outlets, `SEMANTIC` greys for other categories), labels cut
to fit (`label`, `distinct_labels`) and captions (`add_caption`, `corpus_caption`)."""
from __future__ import annotations

import functools
import logging
import re
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from ..leans import is_lean_corpus, lean_colours, outlet_order
from ..stats import comparable, describe_left_out, left_out
from ..store import counted

STYLE = Path(__file__).parents[1] / "style" / "framing.mplstyle"
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
            "kept": "#4A5A6A", "removed": "#C9CED3",
            # the two directions of a pair of outlets and the ties between them: greys, never the
            # blue or red of a lean (`framing.leans`), so "A more so" does not read as "left"
            "a_more": "#3B3B3B", "tie": "#E4E4E4", "b_more": "#8E8E8E"}
# Fonts tried, in order, for characters the main font lacks (CJK, emoji, symbols); those installed
# are used (the Makefile installs the Debian packages fonts-droid-fallback and fonts-symbola).
FALLBACK_FONTS = ("Droid Sans Fallback", "Noto Sans CJK JP", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
                  "Symbola", "Noto Emoji", "Noto Sans Symbols 2")

_FALLBACK_FILE = re.compile(r"droidsansfallback|symbola|notosanscjk|wqy|notoemoji-|notosanssymbols2",
                            re.I)


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
    """Use the house style for every chart from now on (call once at the top of a notebook), and
    in a notebook show missing values in tables as empty cells (`framing.display.table_html`)."""
    from ..display import show_missing_as_empty

    plt.style.use(_style())
    show_missing_as_empty()


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
    'Islamic… (n=1)'
    >>> label("White House [organisation]", limit=18)
    'White House [org.]'

    The cut falls between words, so no word is shown in part ("Islamic Voi…"), unless the first
    word alone is longer than half the room.
    """
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    name, suffixes = _name_and_suffixes(text)  # "Outlet (16 articles)": cut the name, keep the count or kind
    cuts = [label(name, limit - len(suffix)) + suffix  # in a narrow chart the count is kept short
            for suffix in (suffixes if name != text else ()) if len(suffix) <= limit - MIN_NAME_CHARS]
    whole_words = [cut for cut in cuts if _ends_a_word(name, cut.split("…")[0])]
    return (whole_words or cuts or [_cut_end(text, limit)])[0]


def _ends_a_word(text: str, head: str) -> bool:
    """Whether `head`, the start of `text`, ends where a word of `text` ends."""
    return len(head) >= len(text) or not text[len(head)].isalnum()


OVERRUN_CHARS = 3  # a label may run this far past its limit to end a word ("The Guardian", not "The Guardi…")


def _cut_end(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ellipsis included, after its last whole word that fits.
    Where that would keep less than half the room, the word the limit falls in is finished when it
    ends within `OVERRUN_CHARS` characters (the whole text when that is all); a single word longer
    than the room is cut inside."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[len(head)] == " ":
        return head.rstrip() + "…"
    space = head.rfind(" ")
    if space >= len(head) / 2:
        return head[:space].rstrip() + "…"
    word_end = next((i for i in range(len(head), len(text)) if text[i] == " "), len(text))
    if word_end - len(head) <= OVERRUN_CHARS:
        return text if word_end == len(text) else text[:word_end] + "…"
    return (head[:space].rstrip() if space > 0 else head) + "…"


def _name_and_suffixes(text: str) -> tuple[str, tuple[str, ...]]:
    """A label's name and the ways to write its count or its kind, longest first: ("Outlet", (" (16
    articles)", " (n=16)")), ("White House", (" [organisation]", " [org.]")); (text, ("",)) when it ends
    in neither. The kind a chart writes beside a name that is no person's is kept as a count is: cut
    off, "White House…" would read as a person."""
    count = _COUNT_SUFFIX.search(text)
    if count:
        return text[: count.start()], (count[0], f" (n={re.sub(r'[^0-9,]', '', count[0])})")
    kind = _KIND_SUFFIX.search(text)
    if kind:
        return text[: kind.start()], tuple(dict.fromkeys((kind[0], f" [{SHORT_KINDS.get(kind[1], kind[1])}]")))
    return text, ("",)


MIN_NAME_CHARS = 8  # of a name cut to keep its count ("CNN (On… (16 articles)"), ellipsis included
_COUNT_SUFFIX = re.compile(r" \(\d[\d,]* [a-z]+\)$")
_KIND_SUFFIX = re.compile(r" \[([a-z]+)\]$")  # "Pfizer [organisation]": a speaker's kind (`charts._with_kind`)
SHORT_KINDS = {"organisation": "org.", "anonymous": "anon."}  # the kinds as a narrow chart writes them
_ANY_COUNT = re.compile(r" \((?:\d[\d,]* [a-z]+|n=[\d,]+)\)$")  # "(16 articles)" or, cut short, "(n=16)"


def _cut_middle(value, limit: int = LABEL_CHARS) -> str:
    """Text cut to `limit` characters in the middle rather than at the end, keeping its first and
    last words (and its count, shortened to "(n=2)" where the whole one leaves no room) whole, for
    names that differ only at the end. No word is shown in part: where no whole first word fits
    beside the end, the first and last words alone are kept, a little over `limit`, or the whole
    name when that is no longer.

    >>> _cut_middle("Wall Street Journal (Opinion) (2 events)", limit=26)
    'Wall…(Opinion) (2 events)'
    >>> _cut_middle("Wall Street Journal (News) (6 events)", limit=26)
    'Wall…Journal (News) (n=6)'
    >>> _cut_middle("Washington Times (5 articles)", limit=18)
    'Washington Times (n=5)'
    >>> _cut_middle("Wall Street Journal (Opinion) (2 articles)", limit=18)
    'Wall…(Opinion) (n=2)'
    """
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    name, suffixes = _name_and_suffixes(text)
    words = [i + 1 for i, char in enumerate(name) if char == " "]  # where each word after the first starts
    if not words:
        return text
    fits = []  # (characters of the name kept, of the count, the label): whole words at both ends
    for suffix in suffixes:
        room = limit - len(suffix) - 1  # the ellipsis takes one
        for start in words:
            ends = [i - 1 for i in words if i - 1 <= room - (len(name) - start) and i < start]
            if ends:
                fits.append((ends[-1] + len(name) - start, len(suffix), name[: ends[-1]] + "…" + name[start:] + suffix))
    if fits:
        return max(fits)[2]
    short = name[: words[0] - 1] + "…" + name[words[-1]:] + suffixes[-1]
    whole = name + suffixes[-1]
    return short if len(short) < len(whole) else whole


LABEL_TWO_LINES = 26  # points of height per row of a chart in which a category label may take two lines


def _on_two_lines(text: str, limit: int) -> str:
    r"""A label longer than `limit` on two lines, where the chart's rows have the height: its count
    or kind on the second ("Islamic Voice News\n(1 article)", "White House\n[organisation]"), or its
    words wrapped onto two lines. A label of several lines already is left as it is; either line may
    still be cut.

    >>> _on_two_lines("Islamic Voice News (1 article)", 18)
    'Islamic Voice News\n(1 article)'
    >>> _on_two_lines("White House [organisation]", 18)
    'White House\n[organisation]'
    """
    if "\n" in text or len(text) <= limit:
        return text
    name, suffixes = _name_and_suffixes(" ".join(text.split()))
    if suffixes[0]:
        return name + "\n" + suffixes[0].strip()
    lines = textwrap.wrap(name, limit, break_on_hyphens=False)
    return lines[0] + "\n" + " ".join(lines[1:]) if len(lines) > 1 else name


_IN_BRACKETS = re.compile(r"\([^()]{1,24}\)")  # a name's qualifier, "(Online News)", kept on one line
_GLUE = "\u00a0"  # holds a count's or kind's words together while wrapping (the text's own spaces are plain)


def wrap_label(value, width: int = LABEL_CHARS, *, lines: int | None = None) -> str:
    r"""Text from the data on lines of at most `width` characters, broken between words and never
    cut, so that a name (an outlet, a speaker, an actor) always reads whole; its count or kind
    ("(16 articles)", "[organisation]") and a short qualifier in brackets ("(Online News)") stay on
    one line. With `lines`, the lines are made wider
    than `width` where needed so that there are no more than `lines` (1: the whole text on one
    line). A single word longer than `width` stays whole.

    >>> wrap_label("Wall Street Journal (Opinion) (16 articles)", 26)
    'Wall Street Journal\n(Opinion) (16 articles)'
    >>> wrap_label("Fox News (Online News)", 20)
    'Fox News\n(Online News)'
    >>> wrap_label("Department of Labor [organisation]", 26, lines=1)
    'Department of Labor [organisation]'
    >>> wrap_label("Centers for Disease Control and Prevention", 12, lines=2)
    'Centers for Disease\nControl and Prevention'
    """
    text = " ".join(str(value).split())
    if len(text) <= width:
        return text
    name, suffixes = _name_and_suffixes(text)
    name = _IN_BRACKETS.sub(lambda part: part[0].replace(" ", _GLUE), name)  # "(Online News)" on one line
    glued = f"{name} {suffixes[0].strip().replace(' ', _GLUE)}" if suffixes[0] else name
    wrapped = textwrap.wrap(glued, width, break_long_words=False, break_on_hyphens=False)
    while lines and len(wrapped) > max(1, lines):
        width += 1
        wrapped = textwrap.wrap(glued, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(wrapped).replace(_GLUE, " ")


def name_label(value) -> str:
    r"""A name from the data (an outlet, a speaker, an actor) as a chart labels it: literal and whole,
    on two lines of at most `LABEL_CHARS` characters where it is longer (`wrap_label`). Only text no
    name is that long (two lines or a word of more than `LABEL_CHARS` characters) is cut (`label`).

    >>> name_label("Centers for Disease Control and Prevention [organisation]")
    'Centers for Disease Control and\nPrevention [organisation]'
    """
    wrapped = wrap_label(value, LABEL_CHARS)
    lines = wrapped.split("\n")
    return wrapped if len(lines) <= 2 and max(map(len, lines)) <= LABEL_CHARS else label(value)


def distinct_labels(texts, limit: int = LABEL_CHARS, *, others=()) -> list[str]:
    """`label` of each text (each line of it cut alone), except that a label never reads as another
    name: where the end-cut makes two alike ("Wall Street… (2 events)" for the Journal's News and
    Opinion desks), or makes one fit a name of `others` (the other groups of the corpus, not drawn:
    "New York… (16 articles)" beside a New York Times that is not shown), it is cut in the middle
    instead, keeping the ends that tell them apart, and shown whole when even that does not. The
    counts are then written in one form on every label (`one_count_form`).

    >>> distinct_labels(["Wall Street Journal (News) (6 events)", "Wall Street Journal (Opinion) (2 events)",
    ...                  "Axios (15 events)"], 26)
    ['Wall…Journal (News) (n=6)', 'Wall…(Opinion) (n=2)', 'Axios (n=15)']
    >>> distinct_labels(["New York Post (News) (16 articles)"], 24, others=["New York Times (News)"])
    ['New…Post (News) (n=16)']
    """
    return one_count_form(_distinct_labels([str(text) for text in texts], limit, others))


def one_count_form(labels) -> list[str]:
    """The labels with their counts in one form: where any is written short ("(n=6)"), every count
    is ("(15 events)" becomes "(n=15)"), so one axis never mixes the two; the chart says once what n
    counts (`short_count_noun`).

    >>> one_count_form(["Wall…(Opinion) (n=2)", "Axios (15 events)"])
    ['Wall…(Opinion) (n=2)', 'Axios (n=15)']
    """
    labels = [str(text) for text in labels]
    if not any(_SHORT_COUNT.search(line) for text in labels for line in text.split("\n")):
        return labels
    return ["\n".join(_COUNT_SUFFIX.sub(lambda m: f" (n={re.sub(r'[^0-9,]', '', m[0])})", line)
                      for line in text.split("\n")) for text in labels]


def _distinct_labels(texts: list[str], limit: int, others) -> list[str]:

    def cut(how):
        return ["\n".join(how(line, limit) for line in text.split("\n")) for text in texts]

    def name(text):  # a label without its count: "(2 events)" apart, two cut names may be alike
        return "\n".join(_ANY_COUNT.sub("", " ".join(line.split())) for line in text.split("\n"))

    names = {name(text) for text in texts} | {" ".join(str(other).split()) for other in others}

    def alike(shown):  # a label that could stand for another name too ("…" standing for any run)
        fits = [re.compile(".*".join(map(re.escape, name(short).split("…"))), re.S) for short in shown]
        return [any(other != name(text) and fit.fullmatch(other) for other in names)
                for text, fit in zip(texts, fits)]

    shown = cut(label)
    clashes = alike(shown)
    if not any(clashes):
        return shown
    shown = [m if clash else s for s, m, clash in zip(shown, cut(_cut_middle), clashes)]
    for wider in range(limit + 1, limit + 2 * OVERRUN_CHARS + 1):  # a few characters more keep a whole word apart
        clashes = alike(shown)
        if not any(clashes):
            return shown
        for how in (label, _cut_middle):  # the end cut first, then the middle cut
            wide = ["\n".join(how(line, wider) for line in text.split("\n")) for text in texts]
            shown = [w if clash else s for s, w, clash in zip(shown, wide, clashes)]
            clashes = alike(shown)
    return [text if clash else s for text, s, clash in zip(texts, shown, alike(shown))]


_SHORT_COUNT = re.compile(r" \(n=[\d,]+\)$")
_COUNT_NOUN = re.compile(r" \(\d[\d,]* ([a-z]+)\)$")


def short_count_noun(texts, shown) -> str | None:
    """What n counts, in the plural ("events"), when a label of `shown` (the labels
    `distinct_labels` made of `texts`) writes its count as "(n=5)" where "(5 events)" did not fit,
    so the chart can say it beside the labels; None when no label was so shortened or when the
    labels of `texts` count different things.

    >>> short_count_noun(["Washington Times (5 events)", "Axios (15 events)"], ["Washington Times (n=5)", "Axios (15 events)"])
    'events'
    """
    shortened = any(_SHORT_COUNT.search(line) for text in shown for line in str(text).split("\n"))
    nouns = {match[1] for text in texts for line in str(text).split("\n") if (match := _COUNT_NOUN.search(line))}
    plurals = {noun if noun.endswith("s") else noun + "s" for noun in nouns}  # "(1 article)" counts articles too
    return plurals.pop() if shortened and len(plurals) == 1 else None


def remember_groups(ax, groups) -> None:
    """Remember on the chart every group of the table it was drawn from (`by`'s values), shown or
    not, so that labels cut to fit a saved figure (`distinct_labels`) stay distinct from all of them."""
    ax._framing_groups = sorted({str(group) for group in pd.Series(groups).dropna()})


def with_count_noun(title: str, noun: str) -> str:
    """An axis label or legend title that says what the labels' "(n=5)" counts: "outlet (n: events)"."""
    return f"{title} (n: {noun})" if title else f"n: {noun}"


def outlet_colours(table: pd.DataFrame, by: str = "outlet") -> dict:
    """One colour per group of the corpus (e.g. every outlet of the sentences table). Pass it as
    `colors=` to every chart by outlet so an outlet keeps its colour from chart to chart, even where
    some outlets are missing. A corpus labelled by political lean ("Left", "Lean Right": `framing.leans`)
    gets the diverging colours of `lean_colours` (left blues, a grey-purple center, right reds); in
    any other, the groups with most rows get the first colours of `PALETTE` (ties in name order). A
    corpus of more outlets than colours repeats them, but no chart shows two groups in one colour
    (`group_colours` gives the later one a free colour)."""
    groups = table[by].dropna()
    if is_lean_corpus(groups.unique()):
        return lean_colours(groups.unique())
    sizes = groups.value_counts()
    ordered = sorted(sizes.index, key=lambda group: (-int(sizes[group]), str(group)))
    return {group: PALETTE[number % len(PALETTE)] for number, group in enumerate(ordered)}


def group_colours(groups, colors: dict | None = None) -> dict:
    """A distinct colour for each of `groups`, in the order charts draw them (`leans.outlet_order`:
    along the spectrum for lean labels, else by name): the one `colors` gives a group unless an
    earlier group already has it, otherwise, for lean labels, their colour on the diverging scale,
    and for others the first colour of `PALETTE` still free (grey once all are taken)."""
    ordered = outlet_order(groups)
    given = {**lean_colours(ordered), **(colors or {})}
    chosen: dict = {}
    for group in ordered:
        if group in given and given[group] not in chosen.values():
            chosen[group] = given[group]
    free = iter([c for c in PALETTE if c not in chosen.values()])
    return {group: chosen[group] if group in chosen else next(free, MUTED) for group in ordered}


MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")  # filled shapes, told apart in black and white


def group_markers(groups, colors: dict | None = None) -> dict:
    """A marker shape for each of `groups`, so that dots and lines can be told apart in a greyscale
    print, where colours of one lightness look alike (the diverging scale's "Left" and "Right", L*
    44 and 40). An outlet's place in `colors` (e.g. `outlet_colours(sentences)`, every outlet of
    the corpus) chooses its shape, so it keeps it in every chart, as it keeps its colour; without
    `colors`, its place among `groups` in the order charts draw them."""
    ordered = outlet_order(groups)
    places = {group: n for n, group in enumerate(colors or {})}
    return {group: MARKERS[places.get(group, n) % len(MARKERS)] for n, group in enumerate(ordered)}


def top_groups(table: pd.DataFrame, by: str, limit: int, *, weight: str | None = None) -> list:
    """The `limit` largest groups of `table` (most rows, or largest sum of `weight`), in the order
    the charts draw groups (`leans.outlet_order`: by name, or along the spectrum for lean labels)."""
    sizes = table.groupby(by).size() if weight is None else table.groupby(by)[weight].sum()
    order = sorted(sizes.index, key=lambda group: (-float(sizes[group]), str(group)))
    return outlet_order(order[:limit])


def note_above(ax, text: str) -> None:
    """A note on the chart, above the plot on its left (`NOTE_GID`): saved charts wrap it to fit and
    raise the title above it."""
    ax.text(0.0, 1.0, text, transform=ax.transAxes, ha="left", va="bottom", fontsize=7.5, color="#444444",
            gid=NOTE_GID, in_layout=False)


def note_shown(ax, shown: int, total: int, noun: str, *, which: str) -> None:
    """Remember on the chart that it shows `shown` of `total` groups (`noun`, plural), `which` ones:
    what chose them ("the 6 with the most articles", "the first 12 in the table's order"); the
    caption (`add_caption`) then says so. `which` has no default: "the largest" said nothing of the
    count that chose, and charts choose by different ones. Nothing is noted when all are shown."""
    ax._framing_shown = (f"{shown:,} of {total:,} {noun} shown" + (f" ({which})" if which else "") + "."
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


def _wrap(text: str, width_inches: float, size: float = 8.0) -> str:
    """A caption's lines for a figure `width_inches` wide (`size` pt text); a word longer than a
    line is cut."""
    width_chars = max(30, int(width_inches * 72 / (size * 0.62)))
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
    """The caption's standard part: corpus and sizes (an underscore of a count's name is a space:
    `content_words`, the words a keyword statistic counts, stop words and set-aside terms left out,
    which a reader would otherwise set against the articles' word counts).

    >>> corpus_caption("data/processed/ukraine", articles=2, sentences=52)
    'Corpus: ukraine · n = 2 articles, 52 sentences.'
    >>> corpus_caption("ukraine", content_words=712)
    'Corpus: ukraine · n = 712 content words.'
    """
    sizes = ", ".join(counted(n, name.replace("_", " ")) for name, n in counts.items())
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
