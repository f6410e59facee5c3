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


def legend_outside(ax, **kwargs):
    """The legend to the right of the axes, where it cannot cover bars that run to the edge (saved
    figures are cropped to everything drawn, so it is kept)."""
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, **kwargs)


def outlet_colours(table: pd.DataFrame, by: str = "outlet") -> dict:
    """One colour per group of the corpus (e.g. every outlet of the articles table), in name order.
    Pass it as `colors=` to every chart by outlet so that an outlet keeps its colour even in a chart
    where some outlets are missing. Colours repeat after the palette's eight."""
    return group_colours(table[by].dropna().unique())


def group_colours(groups, colors: dict | None = None) -> dict:
    """A colour for each of `groups`: from `colors` where it names the group, otherwise by the
    group's place in name order."""
    ordered = sorted(groups, key=str)
    given = colors or {}
    return {g: given.get(g, PALETTE[number % len(PALETTE)]) for number, g in enumerate(ordered)}


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


def counted(n: int, plural: str) -> str:
    """'1 figure', '2 figures', '1,200 sentences': the count and the noun it takes."""
    noun = plural[:-1] if int(n) == 1 and plural.endswith("s") else plural
    return f"{int(n):,} {noun}"


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

    from .store import new_folder

    folder = new_folder(report_folder(out=out, corpus=corpus)) / "figures"
    folder.mkdir(exist_ok=True)
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
    from .store import new_folder, save_csv

    return save_csv(table, new_folder(report_folder(out=out, corpus=corpus)) / "tables" / f"{slug(name)}.csv")


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
    from .store import make_temp_file

    temp = make_temp_file(final)
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
    legend_outside(ax)
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)
    return ax


# ── frames (notebook 02) ─────────────────────────────────────────────────────────────────────────

def _top_groups(table: pd.DataFrame, by: str, weight: str, limit: int) -> list:
    """The `limit` groups with the largest `weight` (for readable legends), in name order, as the
    other charts draw groups."""
    order = table.groupby(by)[weight].max().sort_values(ascending=False)
    return sorted(order.index[:limit])


@house_style
def plot_frame_prevalence(summary: pd.DataFrame, *, by: str = "outlet", max_groups: int = 6,
                          colors: dict | None = None, ax=None, **style):
    """Grouped horizontal bars: share of each group's sentences that carry each frame (%).
    `colors`: {group: colour}, e.g. `outlet_colours(articles)`.

    Needs `frame`, `by`, `share`, `n_total` (as `summarise_frames` gives, for one scheme)."""
    groups = _top_groups(summary, by, "n_total", max_groups)
    colour = group_colours(groups, colors)
    table = summary[summary[by].isin(groups)]
    frames = sorted(table["frame"].unique())
    ax = new_axes(ax, rows=len(frames) * max(1, len(groups)) // 2 + 2)
    height = 0.8 / max(len(groups), 1)
    for number, group in enumerate(groups):
        part = table[table[by] == group].set_index("frame").reindex(frames)
        positions = [i + number * height for i in range(len(frames))]
        ax.barh(positions, 100 * part["share"].fillna(0), height=height, label=str(group),
                color=colour[group], **style)
    ax.set_yticks([i + 0.4 - height / 2 for i in range(len(frames))], [f.replace("_", " ") for f in frames])
    ax.invert_yaxis()
    ax.set_title("Frames by " + by)
    ax.set_xlabel("sentences with the frame's cues (% of the outlet's sentences)")
    ax.set_ylabel("frame")
    legend_outside(ax, title=by)
    ax.grid(axis="y", visible=False)
    return ax


# ── sentiment (notebook 03) ──────────────────────────────────────────────────────────────────────

@house_style
def plot_sentiment_by_outlet(summary: pd.DataFrame, *, by: str = "outlet", ax=None, **style):
    """Mean sentence sentiment per group with its confidence interval (dots and bars).

    Needs `by`, `mean`, `ci_low`, `ci_high`, `n` (as `summarise_sentiment` gives)."""
    table = summary.dropna(subset=["mean"]).sort_values("mean")
    ax = new_axes(ax, rows=len(table))
    labels = [f"{g} (n={n})" for g, n in zip(table[by].astype(str), table["n"])]
    low = (table["mean"] - table["ci_low"]).clip(lower=0)
    high = (table["ci_high"] - table["mean"]).clip(lower=0)
    ax.errorbar(table["mean"], labels, xerr=[low, high], fmt="o", capsize=3, **{"color": PALETTE[0], **style})
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentence sentiment by " + by)
    ax.set_xlabel("mean sentiment per sentence (−1 negative … +1 positive), 95% interval")
    ax.set_ylabel(by)
    return ax


@house_style
def plot_sentiment_along_article(by_position: pd.DataFrame, *, by: str = "outlet", max_groups: int = 6,
                                 colors: dict | None = None, ax=None, **style):
    """Mean sentiment along the article (start → end), one line per group. `colors`: {group:
    colour}, e.g. `outlet_colours(articles)`.

    Needs `by`, `bin_mid`, `mean` (as `summarise_sentiment_by_position` gives)."""
    ax = new_axes(ax)
    colour = group_colours(_top_groups(by_position, by, "n", max_groups), colors)
    for group in colour:
        part = by_position[by_position[by] == group].sort_values("bin_mid")
        ax.plot(part["bin_mid"], part["mean"], marker="o", label=str(group), color=colour[group], **style)
    ax.axhline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentiment along the article")
    ax.set_xlabel("position in the article (0 = start, 1 = end)")
    ax.set_ylabel("mean sentiment per sentence")
    ax.set_xlim(0, 1)
    legend_outside(ax, title=by)
    return ax


@house_style
def plot_actor_sentiment(actors: pd.DataFrame, *, by: str = "outlet", colors: dict | None = None,
                         ax=None, **style):
    """Mean sentiment toward each actor (rows) per group (dots). `colors`: {group: colour}, e.g.
    `outlet_colours(articles)`.

    Needs `actor`, `by`, `actor_sentiment` (one row per mention, as `add_actor_sentiment` gives)."""
    table = actors.groupby(["actor", by])["actor_sentiment"].mean().reset_index()
    actor_names = sorted(table["actor"].unique())
    ax = new_axes(ax, rows=len(actor_names) + 1)
    colour = group_colours(sorted(table[by].unique())[:len(PALETTE)], colors)
    for group in colour:
        part = table[table[by] == group].set_index("actor").reindex(actor_names)
        ax.scatter(part["actor_sentiment"], actor_names, label=str(group), color=colour[group], **style)
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentiment toward each actor")
    ax.set_xlabel("mean sentiment of the words around the mention (−1 … +1)")
    ax.set_ylabel("actor")
    legend_outside(ax, title=by)
    return ax


# ── keywords (notebook 04) ───────────────────────────────────────────────────────────────────────

@house_style
def plot_log_odds(table: pd.DataFrame, *, group: str = "outlet", n: int = 10, max_groups: int = 4,
                  colors: dict | None = None, ax=None, **style):
    """"Fightin' words": the `n` terms most distinctive of each group (z-score of the weighted
    log-odds ratio, Monroe et al. 2008), one block of bars per group. `colors`: {group: colour},
    e.g. `outlet_colours(articles)`.

    Needs `group`, `term`, `z` (as `log_odds` gives, one-vs-rest)."""
    groups = sorted(table[group].unique())[:max_groups]
    top = pd.concat([table[table[group] == g].nlargest(n, "z") for g in groups])
    ax = new_axes(ax, rows=len(top) + len(groups))
    colour = group_colours(groups, colors)
    labels, values, colours = [], [], []
    for g in groups:
        part = top[top[group] == g].sort_values("z", ascending=False)
        labels += [f"{t}  ·  {g}" for t in part["term"]]
        values += list(part["z"])
        colours += [colour[g]] * len(part)
    ax.barh(range(len(values)), values, color=colours, **style)
    ax.set_yticks(range(len(values)), labels)
    ax.invert_yaxis()
    ax.axvline(1.96, color=MUTED, linewidth=1, linestyle="--")
    ax.set_title(f"Words that set each {group} apart (weighted log-odds)")
    ax.set_xlabel("z-score of the log-odds ratio against the other groups (dashed: 1.96)")
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
    ax.barh(part["term"], part["signed"], color=[PALETTE[0] if v > 0 else PALETTE[3] for v in part["signed"]], **style)
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title(f"Key terms of {target}")
    ax.set_xlabel("log-likelihood G² (right: used more than the rest; left: less)")
    ax.set_ylabel("term")
    ax.grid(axis="y", visible=False)
    return ax


# ── sources and quotes (notebook 05) ─────────────────────────────────────────────────────────────

@house_style
def plot_quote_share(speakers: pd.DataFrame, *, by: str = "outlet", n: int = 8, colors: dict | None = None,
                     ax=None, **style):
    """Share of each group's quoted words given to each of the `n` most quoted speakers. `colors`:
    {group: colour}, e.g. `outlet_colours(articles)`.

    Needs `by`, `speaker`, `n_words`, `word_share` (as `summarise_speakers` gives)."""
    top = speakers.groupby("speaker")["n_words"].sum().nlargest(n).index
    table = speakers[speakers["speaker"].isin(top)]
    pivot = table.pivot_table(index="speaker", columns=by, values="word_share", aggfunc="sum").fillna(0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index]
    ax = new_axes(ax, rows=len(pivot) * max(1, min(len(pivot.columns), 6)) // 2 + 2)
    height = 0.8 / max(len(pivot.columns), 1)
    colour = group_colours(pivot.columns[:len(PALETTE)], colors)
    for number, group in enumerate(colour):
        ax.barh([i + number * height for i in range(len(pivot))], 100 * pivot[group], height=height,
                label=str(group), color=colour[group], **style)
    ax.set_yticks([i + 0.4 - height / 2 for i in range(len(pivot))], pivot.index)
    ax.set_title("Who is quoted, and how much")
    ax.set_xlabel(f"share of the {by}'s quoted words (%)")
    ax.set_ylabel("speaker")
    legend_outside(ax, title=by)
    ax.grid(axis="y", visible=False)
    return ax


@house_style
def plot_verbs(verbs: pd.DataFrame, *, by: str = "outlet", ax=None, **style):
    """Reporting verbs per group, stacked: neutral against evaluative (share of attributed quotes).

    Needs `by`, `verb_stance`, `n` (as `count_verbs` gives)."""
    pivot = verbs.pivot_table(index=by, columns="verb_stance", values="n", aggfunc="sum").fillna(0)
    for stance in ("neutral", "evaluative"):
        if stance not in pivot:
            pivot[stance] = 0
    shares = 100 * pivot[["neutral", "evaluative"]].div(pivot.sum(axis=1), axis=0)
    ax = new_axes(ax, rows=len(shares))
    ax.barh(shares.index.astype(str), shares["neutral"], color=PALETTE[0], label="neutral (say, tell, state)")
    ax.barh(shares.index.astype(str), shares["evaluative"], left=shares["neutral"], color=PALETTE[3],
            label="evaluative (warn, insist, criticize)")
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

    Needs `outlet`, `article_id`, `position`, `n_counterparts` (as `add_counterparts` gives)."""
    articles = counterparts.drop_duplicates("article_id").head(max_articles)
    table = counterparts[counterparts["article_id"].isin(articles["article_id"])]
    labels = [f"{o} · {a[:6]}" for o, a in zip(articles["outlet"], articles["article_id"])]
    row_of = dict(zip(articles["article_id"], range(len(articles))))
    ax = new_axes(ax, rows=len(articles) + 1)
    shared = table[table["n_counterparts"] > 0]
    alone = table[table["n_counterparts"] == 0]
    ax.scatter(shared["position"], shared["article_id"].map(row_of), s=40, color=PALETTE[0],
               label="reported by another outlet", **style)
    ax.scatter(alone["position"], alone["article_id"].map(row_of), s=40, facecolors="white",
               edgecolors=PALETTE[3], linewidths=1.5, label="only this outlet", **style)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(-0.03, 1.03)
    ax.set_title("Which sentences other outlets also report")
    ax.set_xlabel("position in the article (0 = start, 1 = end)")
    ax.set_ylabel("outlet · article")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=2)
    return ax


@house_style
def plot_prominence(prominence: pd.DataFrame, *, item_type: str = "frame", max_items: int = 12,
                    colors: dict | None = None, ax=None, **style):
    """How early each frame (or speaker) first appears in each outlet's article. `colors`: {outlet:
    colour}, e.g. `outlet_colours(articles)`.

    Needs `item`, `item_type`, `outlet`, `first_position` (as `prominence` gives)."""
    table = prominence[prominence["item_type"] == item_type]
    items = list(table.groupby("item")["first_position"].min().sort_values().index[:max_items])
    table = table[table["item"].isin(items)]
    ax = new_axes(ax, rows=len(items) + 1)
    colour = group_colours(sorted(table["outlet"].unique())[:len(PALETTE)], colors)
    for outlet in colour:
        part = table[table["outlet"] == outlet].groupby("item")["first_position"].min()
        ax.scatter(part.values, [items.index(i) for i in part.index], label=str(outlet),
                   color=colour[outlet], **style)
    ax.set_yticks(range(len(items)), [str(i).replace("_", " ") for i in items])
    ax.invert_yaxis()
    ax.set_xlim(-0.03, 1.03)
    ax.set_title(f"Where each {item_type} first appears")
    ax.set_xlabel("position of its first sentence (0 = start of the article, 1 = end)")
    ax.set_ylabel(item_type)
    legend_outside(ax, title="outlet")
    return ax
