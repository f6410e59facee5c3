"""Charts: the house style, captions, the only functions that write figures and chart tables, and
the `plot_*` functions of every notebook.

Rules every chart follows (STYLE.md):

- `plot_x(table, *, ax=None, **style) -> Axes` draws on the given Axes or a new one, in the house
  style (`framing.mplstyle`); it never shows and never saves. `**style` goes to the main artist
  (e.g. `color=`). Decorate a new plot function with `@house_style` and start it with
  `ax = new_axes(ax, rows=...)`; that is all it takes to look like the others.
- `save_figure` is the only function that writes a figure (PNG at 200 dpi, SVG, PDF and a JSON
  sidecar); `save_table` the only one that writes the table behind a chart.
- Every saved chart has a title, labelled axes with units, and a caption line naming the corpus and
  n (`add_caption`, `corpus_caption`).

The file is organised in sections: style and captions, saving, then one section of `plot_*`
functions per notebook (corpus and cleaning first). Add a new analysis's plots as a new section.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

STYLE = Path(__file__).parent / "style" / "framing.mplstyle"
FIGURE_FORMATS = ("png", "svg", "pdf")
FIGURE_DPI = 200
CAPTION_GID = "framing-caption"  # marks the caption text on a figure
MUTED = "#9a9a9a"  # for dropped / secondary things
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

_SLUG = re.compile(r"[^a-z0-9]+")


# ── house style and captions ────────────────────────────────────────────────────────────────────

def use_style() -> None:
    """Use the house style for every chart from now on (call once at the top of a notebook)."""
    plt.style.use(STYLE)


def house_style(plot):
    """Decorator: draw the wrapped `plot_*` function inside the house style."""
    @functools.wraps(plot)
    def wrapper(*args, **kwargs):
        with plt.style.context(STYLE):
            return plot(*args, **kwargs)
    return wrapper


def new_axes(ax=None, *, rows: int | None = None, width: float = 6.4):
    """`ax` itself, or a new Axes on a new figure. `rows` (bars or lines of labels) makes the figure
    tall enough to read each one."""
    if ax is not None:
        return ax
    height = 3.6 if rows is None else min(14.0, max(2.2, 0.9 + 0.26 * rows))
    _, ax = plt.subplots(figsize=(width, height))
    return ax


def add_caption(target, text: str):
    """Put a caption line under a figure (give the Figure or any of its Axes). A second call
    replaces the first caption. Returns the caption's Text artist.

    The caption sits below the figure's bottom edge; saved figures and notebook output include it
    because both crop to everything drawn (`bbox_inches="tight"`)."""
    fig = target.figure if hasattr(target, "figure") and target.figure is not None else target
    for old in [t for t in fig.texts if t.get_gid() == CAPTION_GID]:
        old.remove()
    width_chars = int(fig.get_figwidth() * 72 / (8 * 0.55))
    wrapped = "\n".join(textwrap.wrap(" ".join(str(text).split()), width=max(40, width_chars),
                                         break_on_hyphens=False, break_long_words=False))
    return fig.text(0.0, -0.01, wrapped, ha="left", va="top", fontsize=8, color="#444444",
                    gid=CAPTION_GID)


def caption_of(fig) -> str | None:
    """The caption text of a figure (as written, unwrapped), or None."""
    texts = [t.get_text() for t in fig.texts if t.get_gid() == CAPTION_GID]
    return " ".join(texts[-1].split()) if texts else None


def corpus_name(corpus: str | Path | None) -> str | None:
    """A corpus's name from its name or its processed folder path."""
    return None if corpus is None else Path(str(corpus)).name


def corpus_caption(corpus: str | Path | None, **counts: int) -> str:
    """The caption's standard part: corpus and sizes.

    >>> corpus_caption("data/processed/ukraine", articles=2, sentences=52)
    'Corpus: ukraine · n = 2 articles, 52 sentences.'
    """
    sizes = ", ".join(f"{int(n):,} {_plural(name, n)}" for name, n in counts.items())
    parts = [f"Corpus: {corpus_name(corpus)}" if corpus is not None else None,
             f"n = {sizes}" if sizes else None]
    return " · ".join(p for p in parts if p) + "."


def _plural(name: str, n: int) -> str:
    return name[:-1] if int(n) == 1 and name.endswith("s") else name


def slug(name: str) -> str:
    """A file-safe name: lower case, words joined by underscores."""
    return _SLUG.sub("_", str(name).lower()).strip("_") or "figure"


# ── saving: the only functions that write charts and their tables ────────────────────────────────

def report_folder(*, out: str | Path | None = None, corpus: str | Path | None = None) -> Path:
    """Where a corpus's report goes: `out` when given, else `reports/<corpus>/` of the project."""
    if out is not None:
        return Path(out)
    if corpus is None:
        raise ValueError("give out= (the report folder) or corpus= (to write under reports/<corpus>/)")
    from .config import reports_dir

    return reports_dir() / corpus_name(corpus)


def save_figure(fig, name: str, *, out: str | Path | None = None, corpus: str | Path | None = None,
                params: dict | None = None, caption: str | None = None) -> dict[str, Path]:
    """Write a figure as PNG (200 dpi), SVG and PDF under `<out>/figures/<name>.*`, plus
    `<name>.json` recording its name, caption, parameters, corpus, the framing and matplotlib
    versions and the SHA-256 of the corpus's sentences table (the input the chart came from).

    `out` defaults to `reports/<corpus>/`. `caption`, when given, is added under the figure
    (replacing any earlier caption). Files are written to temporary names and renamed into place.
    Returns the written paths by format (`png`, `svg`, `pdf`, `json`). The figure stays open."""
    from . import __version__

    folder = report_folder(out=out, corpus=corpus) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    stem = slug(name)
    if caption is not None:
        add_caption(fig, caption)
    paths = {}
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}, "png": {}}
    with matplotlib.rc_context({"svg.hashsalt": stem, "svg.fonttype": "none", "pdf.fonttype": 42}):
        for fmt in FIGURE_FORMATS:
            paths[fmt] = _write_atomic(folder / f"{stem}.{fmt}", lambda p, f=fmt: fig.savefig(
                p, format=f, dpi=FIGURE_DPI, bbox_inches="tight", metadata=metadata[f]))
    record = {
        "name": stem,
        "caption": caption_of(fig),
        "corpus": corpus_name(corpus),
        "parameters": params or {},
        "files": {fmt: path.name for fmt, path in paths.items()},
        "framing_version": __version__,
        "matplotlib_version": matplotlib.__version__,
        "input_sha256": input_hash(corpus),
    }
    text = json.dumps(record, indent=2, sort_keys=True, default=str) + "\n"
    paths["json"] = _write_atomic(folder / f"{stem}.json", lambda p: p.write_text(text, encoding="utf-8"))
    return paths


def save_table(table: pd.DataFrame, name: str, *, out: str | Path | None = None,
               corpus: str | Path | None = None) -> Path:
    """Write the table behind a chart to `<out>/tables/<name>.csv` (atomically) and return the path.
    `out` defaults to `reports/<corpus>/`."""
    folder = report_folder(out=out, corpus=corpus) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    return _write_atomic(folder / f"{slug(name)}.csv", lambda p: table.to_csv(p, index=False))


def input_hash(corpus: str | Path | None) -> str | None:
    """SHA-256 of a corpus's processed sentences table (all its part files, in order), or None when
    the corpus is not given or not built."""
    if corpus is None:
        return None
    from .store import corpus_dir

    folder = corpus_dir(corpus)
    single = folder / "sentences.parquet"
    files = [single] if single.exists() else sorted((folder / "sentences").glob("*.parquet"))
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


def _write_atomic(final: Path, write) -> Path:
    """Call `write(temp_path)`, then rename the temporary file to `final`."""
    handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return final


# ── corpus and cleaning (notebook 01) ────────────────────────────────────────────────────────────

@house_style
def plot_articles_per_outlet(counts: pd.DataFrame, *, ax=None, **style):
    """Horizontal bars: articles per outlet.

    Needs `outlet`, `n_articles` (as `count_articles_per_outlet` gives)."""
    table = counts.sort_values(["n_articles", "outlet"], ascending=[True, False])
    ax = new_axes(ax, rows=len(table))
    ax.barh(table["outlet"].astype(str), table["n_articles"], **{"color": PALETTE[0], **style})
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
               **{"color": PALETTE[0], "alpha": 0.8, "s": 28, **style})
    if len(articles) <= label_limit:
        for row in articles.itertuples():
            ax.annotate(str(row.outlet), (row.n_sentences, row.n_words), xytext=(4, 3),
                        textcoords="offset points", fontsize=7.5, color="#333333")
    ax.set_title("Length of each article")
    ax.set_xlabel("sentences kept (count)")
    ax.set_ylabel("words kept (count)")
    ax.set_xlim(left=0)
    ax.set_ylim(bottom=0)
    return ax


@house_style
def plot_removed_by_rule(counts: pd.DataFrame, *, ax=None, **style):
    """Horizontal bars: raw lines removed by each cleaning rule.

    Needs `rule`, `n_lines` (as `count_removed_by_rule` gives)."""
    table = counts.sort_values(["n_lines", "rule"], ascending=[True, False])
    ax = new_axes(ax, rows=len(table))
    ax.barh(table["rule"].astype(str), table["n_lines"], **{"color": PALETTE[3], **style})
    ax.set_title("Lines removed, by cleaning rule")
    ax.set_xlabel("raw lines removed (count)")
    ax.set_ylabel("rule")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)
    return ax


@house_style
def plot_cleaning_by_article(summary: pd.DataFrame, *, ax=None, **style):
    """Stacked horizontal bars, one per article: raw lines kept and removed.

    Needs `label` (or `outlet`), `lines_kept`, `lines_removed` (as `summarise_cleaning` gives)."""
    table = summary.iloc[::-1]
    labels = (table["label"] if "label" in table else table["outlet"]).astype(str)
    ax = new_axes(ax, rows=len(table))
    ax.barh(labels, table["lines_kept"], label="kept", **{"color": PALETTE[0], **style})
    ax.barh(labels, table["lines_removed"], left=table["lines_kept"], label="removed", color=MUTED)
    ax.set_title("Raw lines kept and removed, per article")
    ax.set_xlabel("non-blank raw lines (count)")
    ax.set_ylabel("article")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)
    return ax
