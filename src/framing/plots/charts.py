"""The `plot_*` function of every notebook, one section per notebook (corpus and cleaning first).
Each draws on an Axes in the house style and returns it; none shows or saves."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..leans import is_lean_corpus, outlet_order, outlet_rank
from ..stats import NO_INTERVAL, order_note
from ..store import counted
from .style import (LABEL_CHARS, MUTED, SEMANTIC, group_colours, group_markers, house_style, label, legend_outside,
                    name_label, new_axes, note_above, note_shown, remember_groups, top_groups)

# ── corpus and cleaning (notebook 01) ────────────────────────────────────────────────────────────

def _bar_labels(ax, labels) -> None:
    """Category labels (names: outlets, rules) on the y axis at 0, 1, 2…, never cut (`name_label`)."""
    ax.set_yticks(range(len(labels)), [name_label(text) for text in labels])


def _count_bars(counts: pd.DataFrame, *, name: str, count: str, noun: str, max_rows: int, ax, style: dict):
    """Horizontal bars of `count` per `name`, the `max_rows` with the most `count` (most first, ties
    by name; drawn top down), lean labels ("Left", "Center", "Right") left to right whatever their
    counts, as every other chart of such a corpus; the caption says how many of the `noun` are
    shown and what chose them ("the 40 with the most articles"). Titles and axis labels are the
    caller's."""
    table = counts.assign(_order=counts[name].map(outlet_rank(counts[name])))
    table = table.sort_values([count, "_order"], ascending=[False, True]).head(max_rows)
    if is_lean_corpus(table[name]):
        table = table.sort_values("_order")
    table = table.iloc[::-1]
    which = _chosen_by_size(counts.set_index(name)[[count]], list(table[name]), [count])
    ax = new_axes(ax, rows=len(table))
    ax.barh(range(len(table)), table[count], **style)
    _bar_labels(ax, table[name])
    note_shown(ax, len(table), len(counts), noun, which=which)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)
    return ax


@house_style
def plot_articles_per_outlet(counts: pd.DataFrame, *, max_rows: int = 40, ax=None, **style):
    """Horizontal bars: articles per outlet, the `max_rows` largest (the caption says how many are
    shown).

    Needs `outlet`, `n_articles` (as `count_articles_per_outlet` gives)."""
    ax = _count_bars(counts, name="outlet", count="n_articles", noun="outlets", max_rows=max_rows, ax=ax,
                     style={"color": SEMANTIC["ink"], **style})
    ax.set_title("Articles per outlet")
    ax.set_xlabel("articles (count)")
    ax.set_ylabel("outlet")
    return ax


@house_style
def plot_article_lengths(articles: pd.DataFrame, *, ax=None, label_limit: int = 12, max_outlets: int = 30,
                         **style):
    """Length of each article. Up to `label_limit` articles, a dot plot: a row per article named by
    its outlet on the y axis (longest first), its words kept (x) and its sentences kept beside the
    dot; names on an axis never overlap, as names set beside the dots of a scatter did when lengths
    were close (nine outlets of about 100 words). More articles from up to `max_outlets` outlets: a
    row per outlet (with its number of articles), a dot per article at its words kept, spread a
    little up and down so equal lengths stay visible, and a bar at the outlet's median: an article
    far from its outlet's others is the one to read. More outlets: words (y) against sentences (x),
    one unlabelled dot per article.

    Needs `n_sentences`, `n_words`, `outlet`."""
    if len(articles) > label_limit and articles["outlet"].nunique() <= max_outlets:
        return _length_strips(articles, ax, style)
    if len(articles) > label_limit:
        ax = new_axes(ax)
        ax.scatter(articles["n_sentences"], articles["n_words"],
                   **{"color": SEMANTIC["ink"], "alpha": 0.8, "s": 28, **style})
        ax.set_title("Length of each article")
        ax.set_xlabel("sentences kept (count)")
        ax.set_ylabel("words kept (count)")
        ax.set_xlim(left=0)
        ax.set_ylim(bottom=0)
        return ax
    table = articles.assign(_order=articles["outlet"].map(outlet_rank(articles["outlet"])))
    table = table.sort_values(["n_words", "_order"], ascending=[True, False], kind="stable")  # drawn bottom up
    ax = new_axes(ax, rows=len(table))
    rows = np.arange(len(table))
    ax.scatter(table["n_words"], rows, **{"color": SEMANTIC["ink"], "s": 28, "zorder": 3, **style})
    for row, (words, sentences) in enumerate(zip(table["n_words"], table["n_sentences"])):
        ax.annotate(counted(int(sentences), "sentences"), (words, row), xytext=(5, 0), textcoords="offset points",
                    va="center", fontsize=7.5, color="#333333")
    ax.set_yticks(rows, [name_label(outlet) for outlet in table["outlet"]])
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, max(1, table["n_words"].max()) * 1.3)  # room for the sentence counts at the right
    ax.set_ylim(-0.6, len(table) - 0.4)
    ax.set_title("Length of each article")
    ax.set_xlabel("words kept (count)")
    ax.set_ylabel("article (outlet)")
    return ax


def _length_strips(articles: pd.DataFrame, ax, style: dict):
    """`plot_article_lengths` for many articles of a few outlets: a row per outlet, first outlet on
    top, each article a dot at its words kept (spread by a fixed random draw, so a chart is drawn
    the same each time), the outlet's median a vertical bar."""
    outlets = outlet_order(articles["outlet"].dropna().unique())[::-1]  # drawn bottom up
    ax = new_axes(ax, rows=3 * len(outlets))  # a strip of dots needs more height than a bar
    spread = np.random.default_rng(0).uniform(-0.28, 0.28, len(articles))
    rows = articles["outlet"].map({outlet: row for row, outlet in enumerate(outlets)}).to_numpy(dtype=float)
    ax.scatter(articles["n_words"], rows + spread,
               **{"color": SEMANTIC["ink"], "alpha": 0.35, "s": 16, "linewidths": 0, **style})
    medians = articles.groupby("outlet")["n_words"].median()
    for row, outlet in enumerate(outlets):
        ax.plot([medians[outlet]] * 2, [row - 0.38, row + 0.38], color=SEMANTIC["evaluative"], linewidth=2.4,
                zorder=3, label="median of the outlet's articles" if row == 0 else None)
    sizes = articles["outlet"].value_counts()
    ax.set_yticks(range(len(outlets)), [f"{name_label(o)} (n={sizes[o]})" for o in outlets])
    ax.grid(axis="y", visible=False)
    ax.set_ylim(-0.6, len(outlets) - 0.4)
    ax.set_xlim(left=0)
    legend_outside(ax)
    ax.set_title("Length of each article")
    ax.set_xlabel("words kept (count)")
    ax.set_ylabel("outlet (articles)")
    return ax


@house_style
def plot_removed_by_rule(counts: pd.DataFrame, *, max_rows: int = 40, ax=None, **style):
    """Horizontal bars: raw lines removed by each cleaning rule (the `max_rows` largest).

    Needs `rule`, `n_lines` (as `count_removed_by_rule` gives)."""
    ax = _count_bars(counts, name="rule", count="n_lines", noun="rules", max_rows=max_rows, ax=ax,
                     style={"color": SEMANTIC["removed"], **style})
    ax.set_title("Lines removed, by cleaning rule")
    ax.set_xlabel("raw lines removed (count)")
    ax.set_ylabel("rule")
    return ax


@house_style
def plot_cleaning_by_article(summary: pd.DataFrame, *, max_rows: int = 40, ax=None, **style):
    """Stacked horizontal bars, one per article: raw lines kept and removed (the `max_rows`
    articles with most lines, in the table's order).

    Needs `label` (or `outlet`), `lines_kept`, `lines_removed` (as `summarise_cleaning` gives)."""
    total = summary["lines_kept"] + summary["lines_removed"]
    chosen = total.sort_values(ascending=False, kind="stable").index[:max_rows]
    which = _chosen_by_size(total.to_frame("raw lines"), list(chosen), ["raw lines"],
                            then="in the table's order", max_named=0)
    table = summary.loc[chosen].sort_index().iloc[::-1]
    labels = (table["label"] if "label" in table else table["outlet"]).astype(str)
    ax = new_axes(ax, rows=len(table))
    ax.barh(range(len(table)), table["lines_kept"], label="kept", **{"color": SEMANTIC["kept"], **style})
    ax.barh(range(len(table)), table["lines_removed"], left=table["lines_kept"], label="removed",
            color=SEMANTIC["removed"])
    _bar_labels(ax, labels)
    note_shown(ax, len(table), len(summary), "articles", which=which)
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
    unit, so one long page does not outrank an outlet of many articles), with the interval over articles
    where `summarise_frames` gives one. Groups with too few articles for an interval are named so on
    the chart; pass `articles` (per-article shares: `by`, `frame`, `share`, as `article_frames`
    gives) to draw their articles as dots. `colors`: {group: colour}, e.g.
    `outlet_colours(sentences)`.

    Needs `frame`, `by`, `share`, `n_total` (as `summarise_frames` gives, for one scheme); uses
    `n_articles` (said in the legend: "Axios (15 articles)"), `ci_low`, `ci_high` when present."""
    count = ["n_articles", "n_total"] if "n_articles" in summary else ["n_total"]
    sizes = summary.groupby(by)[count].max()
    groups, which = _most_first(sizes, count, max_groups)
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
        ax.barh(positions, 100 * part["share"].fillna(0), height=height, label=name_label(named),  # each outlet's n
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
    if "ci_low" in table or "p_value" in table:
        _note_no_interval(ax, [g for g in groups if "ci_low" in table and table.loc[table[by] == g, "ci_low"].isna().all()],
                          dots=articles is not None, then=_no_difference_note(summary, by=by, family="frame"))
    ax.set_yticks([i + 0.4 - height / 2 for i in range(len(frames))],
                  [label(f).replace("_", " ") for f in frames])
    note_shown(ax, len(groups), summary[by].nunique(), by + "s", which=which)
    remember_groups(ax, summary[by])
    ax.invert_yaxis()
    ax.set_title("Frames by " + by)
    ax.set_xlabel(f"sentences with the frame's cues (% of an article's sentences, mean over the {by}'s articles)")
    ax.set_ylabel("frame")
    legend_outside(ax, title=by)
    ax.grid(axis="y", visible=False)
    return ax


def _no_difference_note(table: pd.DataFrame, *, by: str, family: str, alpha: float = 0.05) -> str:
    """What a chart of groups side by side says on itself when the tests behind it (one per
    `family` member, as `summarise_frames` or `stats.compare_outlets` give them: `p_value`,
    `p_adjusted`, `correction`) find no difference for any member: "differences may be chance: no
    evidence that the outlets differ for any frame (permutation test, smallest adjusted p = 0.59,
    Holm across 5 tests)". When some members differ and others do not, it names those that do not
    and those that do (`_mixed_note`): a chart with one finding among three blocks read, without a
    word, as three findings. Members the table holds untested (a speaker quoted by one outlet in each
    event) are counted, not covered by "any": "for the 3 speakers tested (…; 5 more could not be
    tested)". A saved image carries no caption, and bars of unequal length read as a finding. "" when
    untested or when every member's p is below `alpha`."""
    if "p_value" not in table or table["p_value"].isna().all():
        return ""
    tested = table[table["p_value"].notna()]
    adjusted = "p_adjusted" in tested and tested["p_adjusted"].notna().all()
    column = "p_adjusted" if adjusted else "p_value"
    p = float(tested[column].min())
    members = tested[family].nunique() if family in tested else 1
    correction = next((c for c in tested.get("correction", []) if isinstance(c, str) and c), "")
    if p < alpha:
        return _mixed_note(tested, by=by, family=family, column=column, correction=correction, alpha=alpha)
    said = (f"smallest adjusted p = {p:.2g}, {correction}" if adjusted and members > 1 and correction
            else f"p = {p:.2g}")
    scope = f" for any {family.replace('_', ' ')}" if members > 1 else ""
    untested = table[family].nunique() - members if family in table else 0
    if untested:  # speakers quoted by one outlet per event: "any speaker" would claim they were tested
        scope = f" for the {members} {family.replace('_', ' ')}{'s' * (members > 1)} tested"
        said += f"; {untested} more could not be tested"
    return f"differences may be chance: no evidence that the {by}s differ{scope} (permutation test, {said})"


def _mixed_note(tested: pd.DataFrame, *, by: str, family: str, column: str, correction: str, alpha: float) -> str:
    """The note of a chart whose tests find a difference in some `family` members and none in others:
    "no evidence that the outlets differ in quotes from anonymous sources, quotes with an evaluative
    reporting verb (permutation test, adjusted p ≥ 0.59, Holm across 3 tests); evidence that they
    differ in quotes from officials (adjusted p = 0.039), not which outlet". "" when every member
    differs (or the table has no `family` column)."""
    if family not in tested:
        return ""
    each = tested.groupby(family, sort=False)[column].min()
    if (each < alpha).all():
        return ""
    names = _member_names(tested, family)
    alike = ", ".join(names[m] for m in each.index if each[m] >= alpha)
    differ = ", ".join(f"{names[m]} ({'adjusted ' * (column == 'p_adjusted')}p = {each[m]:.2g})"
                       for m in each.index if each[m] < alpha)
    word = "adjusted p" if column == "p_adjusted" else "p"
    lowest, highest = each[each >= alpha].min(), each[each >= alpha].max()
    how = ", ".join(filter(None, [f"permutation test, {word} {'=' if lowest == highest else '≥'} {lowest:.2g}",
                                  correction if column == "p_adjusted" else ""]))
    return (f"no evidence that the {by}s differ in {alike} ({how}); evidence that they differ in {differ}, "
            f"not which {by}")


def _member_names(tested: pd.DataFrame, family: str) -> dict:
    """How a chart names each member of a family of tests: the `counts` the quote measures carry
    ("quotes from anonymous sources"), else the member with spaces for underscores ("human interest")."""
    labels = tested["counts"] if "counts" in tested else tested[family]
    return {member: " ".join(str(label).replace("_", " ").split())
            for member, label in zip(tested[family], labels)}


_SIZE_WORDS = {"n_articles": "articles", "n_total": "sentences", "n_sentences": "sentences", "n_lines": "raw lines removed"}


def _most_first(sizes: pd.DataFrame, count: list, limit: int) -> tuple[list, str]:
    """The `limit` groups of `sizes` (indexed by group) with the most of `count[0]`, then of the
    next columns, then by name, in the order the charts draw groups (`leans.outlet_order`); and what
    the caption says they have most of (`_chosen_by_size`)."""
    rank = sizes.reset_index().sort_values(count, ascending=False, kind="stable")
    groups = outlet_order(rank.iloc[:limit, 0])
    return groups, _chosen_by_size(sizes.loc[rank.iloc[:, 0]], groups, count)


def _chosen_by_size(sizes: pd.DataFrame, shown: list, count: list, *, max_named: int = 3,
                    then: str = "by name") -> str:
    """What the `shown` rows of `sizes` (indexed by group, ranked on the `count` columns in order,
    ties then `then`: "by name", or "in the table's order" for a chart that keeps it) have most of,
    for the caption: only the counts that decided which groups were not shown ("the 6 with the most
    sentences" when every group has one article), and the groups not shown when there are at most
    `max_named` of them."""
    left = sizes.loc[~sizes.index.isin(shown)]
    if left.empty:
        return ""
    kept, words = sizes.loc[sizes.index.isin(shown)], []
    for column in count:
        words.append(_SIZE_WORDS.get(column, column))
        if kept[column].min() > left[column].max():
            break
        kept, left = kept[kept[column] == kept[column].min()], left[left[column] == left[column].max()]
    else:
        words.append(None)  # ties all the way: the order among equals chose
    if (sizes[count[0]] == sizes[count[0]].iloc[0]).all() and len(words) > 1:
        words = words[1:]  # all groups have as many articles: the articles did not choose
    if words == [None]:
        return f"the first {len(shown):,} {then}"
    which = f"the {len(shown):,} with the most " + ", then ".join(then if w is None else w for w in words)
    out = sorted(sizes.index[~sizes.index.isin(shown)], key=str)
    return which + (f"; not shown: {', '.join(map(str, out))}" if len(out) <= max_named else "")


def _note_no_interval(ax, groups: list, *, dots: bool = False, why: str = NO_INTERVAL,
                      ranked: bool = False, then: str = "") -> None:
    """Say on the chart which groups have no interval (`why`: by default fewer articles than
    `stats.MIN_ARTICLES`); `ranked`: the chart ranks the others and puts these below a dotted
    line, unranked. `then`: a note that follows in the same place (one note: two would overlap)."""
    then = then[:1].upper() + then[1:]
    if not groups:
        if then:
            note_above(ax, then)
        return
    names = _names(groups)
    asides = ["dots: its articles"] * dots + ["below the dotted line, not ranked"] * ranked
    note_above(ax, f"{names}: {why}" + (f" ({'; '.join(asides)})" if asides else "") + (f". {then}" if then else ""))


def _ranked_note(test, has: np.ndarray, by: str) -> str:
    """`stats.order_note` for a chart that ranks the rows `has` marks: "" when fewer than two are
    ranked (nothing is ordered)."""
    return order_note(test, by=by) if int(np.sum(has)) >= 2 else ""


def _names(groups: list) -> str:
    """The first three of `groups` and how many more, for a note on a chart."""
    return ", ".join(map(str, groups[:3])) + (f" and {len(groups) - 3} more" if len(groups) > 3 else "")


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


def _tie_order(table: pd.DataFrame, by: str) -> str:
    """How `_largest_sorted` breaks ties of size in `table`, for `_chosen_by_size`: it keeps the
    table's order, which is name order in the tables `summarise_*` give."""
    names = list(table[by])
    return "by name" if names == sorted(names, key=str) else "in the table's order"


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
                             score: str = "sentiment", max_rows: int = 40, test=None, ax=None, **style):
    """Mean sentiment per group over its articles, with the interval over articles (dot
    and bar), for the `max_rows` groups with most articles. A group with too few articles for an
    interval gets a hollow dot, and a note above the plot names those groups with the words "too
    few articles for an interval" (once, not beside each row, where it took the plot's room in a
    narrow chart); pass `articles` (per-article values: `by` and `score`, as `article_sentiment`
    gives) to draw each of its articles as a small dot. Pass `test` (the `compare_outlets` table or
    `permutation_test` result of whether the groups differ) and, when it finds no difference, the
    chart says on itself that its order may be chance (`stats.order_note`): a saved image has no
    caption.

    Needs `by`, `mean`, `ci_low`, `ci_high`, `n_articles` (as `summarise_sentiment` gives)."""
    table = _largest_sorted(summary, by=by, value="mean", size="n_articles", max_rows=max_rows)
    which = _chosen_by_size(summary.dropna(subset=["mean"]).set_index(by)[["n_articles"]], list(table[by]),
                            ["n_articles"], then=_tie_order(summary, by))
    ax = new_axes(ax, rows=len(table))
    rows, has = _dots_with_intervals(ax, table, value="mean", color=style.pop("color", SEMANTIC["ink"]), **style)
    if articles is not None:
        for row, group in zip(rows, table[by]):
            if not has[row]:
                values = articles.loc[articles[by] == group, score]
                ax.scatter(values, [row] * len(values), s=12, color=SEMANTIC["evaluative"], zorder=4)
    _mark_unranked(ax, has)
    _note_no_interval(ax, [g for g, h in zip(table[by], has) if not h][::-1], dots=articles is not None,
                      ranked=bool(has.any()), then=_ranked_note(test, has, by))
    ax.set_yticks(rows, [name_label(f"{g} ({counted(n, 'articles')})") for g, n in zip(table[by], table["n_articles"])])
    note_shown(ax, len(table), len(summary), by + "s", which=which)
    remember_groups(ax, summary[by])
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentiment by " + by)
    ax.set_xlabel("mean over articles of each article's mean sentiment (−1 … +1)")  # bars: in the caption
    ax.set_ylabel(by)
    return ax


@house_style
def plot_within_event_differences(effects: pd.DataFrame, *, by: str = "outlet", score: str = "sentiment",
                                  max_rows: int = 40, test=None, percent: bool = False, ax=None, **style):
    """Each group against the other groups on the same events: the mean over events of its
    articles' mean minus the others' (dot), with the interval over events (bar), for the
    `max_rows` groups compared on most events; a group compared on too few events for an interval,
    or with the same gap on every event (no spread: `note` says so), gets a hollow dot, named once
    above the plot. Groups never compared (no event shared with
    another group) are left out. `test` as in `plot_sentiment_by_outlet`: when it finds no
    difference, the chart says its order may be chance. `percent`: the score is a share, drawn in
    percentage points, as the share charts draw shares in %.

    Needs `by`, `difference`, `ci_low`, `ci_high`, `n_events` (as `stats.within_event_effects` gives)."""
    table = _largest_sorted(effects, by=by, value="difference", size="n_events", max_rows=max_rows)
    if percent:
        table = table.assign(**{c: 100 * table[c] for c in ("difference", "ci_low", "ci_high")})
    ax = new_axes(ax, rows=len(table))
    rows, has = _dots_with_intervals(ax, table, value="difference", color=style.pop("color", SEMANTIC["ink"]), **style)
    _mark_unranked(ax, has)
    flat = (table["note"].fillna("").str.startswith("every event's gap") if "note" in table
            else pd.Series(False, index=table.index)).to_numpy()  # enough events, the same gap on each
    few = [g for g, h, f in zip(table[by], has, flat) if not h and not f][::-1]
    same = [g for g, f in zip(table[by], flat) if f][::-1]
    why = "too few events for an interval"
    if same:
        why = (f"{why}; {_names(same)}: " if few else "") + "the same gap on every event, no spread for an interval"
    _note_no_interval(ax, few or same, why=why, ranked=bool(has.any()), then=_ranked_note(test, has, by))
    ax.set_yticks(rows, [name_label(f"{g} ({counted(n, 'events')})") for g, n in zip(table[by], table["n_events"])])
    note_shown(ax, len(table), len(effects.dropna(subset=["difference"])), by + "s", which="compared on most events")
    remember_groups(ax, effects[by])
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title(f"{score.capitalize()} against other {by}s on the same events")
    ax.set_xlabel(f"mean over events of the {by}'s articles minus the other {by}s' "
                  f"({score}{', percentage points' if percent else ''})")
    ax.set_ylabel(by)
    return ax


def _every_bin(part: pd.DataFrame) -> pd.DataFrame:
    """One group's rows of `summarise_sentiment_by_position` with a row for every bin, in order: a
    part of the article where the group has no sentence gets a row without values, so its line and
    band stop there instead of joining the parts on either side as if the gap had their values."""
    width = float((part["bin_end"] - part["bin_start"]).iloc[0]) if "bin_end" in part and len(part) else None
    if not width:
        return part.sort_values("bin_mid")
    bins = round(1 / width)
    mids = (np.arange(bins) + 0.5) / bins
    place = np.minimum((part["bin_mid"].to_numpy(dtype=float) * bins).astype(int), bins - 1)
    return part.set_axis(place).reindex(range(bins)).assign(bin_mid=mids)


@house_style
def plot_sentiment_along_article(by_position: pd.DataFrame, *, by: str = "outlet", max_groups: int = 6,
                                 colors: dict | None = None, ax=None, **style):
    """Mean sentiment along the article (start → end), one line for each of the `max_groups`
    groups with most articles (then most sentences; the caption says which decided); a part of the article where a group has no sentence is a gap in its
    line. `colors`: {group: colour}, e.g. `outlet_colours(sentences)`.

    Needs `by`, `bin_mid`, `mean`, `n_articles` (as `summarise_sentiment_by_position` gives). Where the table
    has `ci_low`/`ci_high` (bins with enough articles) a band shows the interval over articles;
    groups without any are named with "too few articles for an interval" on the chart. The legend
    says each group's articles ("Axios (15 articles)": those of its fullest part, as a part may hold
    fewer of them)."""
    ax = new_axes(ax)
    sizes = by_position.groupby(by).agg(n_articles=("n_articles", "max"), n_sentences=("n_group_sentences", "max")) \
        if "n_group_sentences" in by_position else by_position.groupby(by)[["n_articles"]].max()
    groups, which = _most_first(sizes, list(sizes.columns), max_groups)
    colour, marker = group_colours(groups, colors), group_markers(groups, colors)
    articles = sizes["n_articles"]
    for group in colour:
        part = _every_bin(by_position[by_position[by] == group])
        ax.plot(part["bin_mid"], part["mean"], marker=marker[group], color=colour[group],
                label=name_label(f"{group} ({counted(int(articles[group]), 'articles')})"), **style)
        if "ci_low" in part and part["ci_low"].notna().any():
            ax.fill_between(part["bin_mid"], part["ci_low"], part["ci_high"], color=colour[group], alpha=0.15,
                            linewidth=0)
            alone = part["ci_low"].notna() & part["ci_low"].shift(1).isna() & part["ci_low"].shift(-1).isna()
            ax.vlines(part.loc[alone, "bin_mid"], part.loc[alone, "ci_low"], part.loc[alone, "ci_high"],
                      color=colour[group], alpha=0.35, linewidth=4)  # a band one part wide has no width
    note_shown(ax, len(colour), by_position[by].nunique(), by + "s", which=which)
    remember_groups(ax, by_position[by])
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
                         max_actors: int = 20, colors: dict | None = None, unit: str = "article", test=None,
                         ax=None, **style):
    """Mean sentiment toward each actor (rows) per group (dots), for the `max_groups` groups and
    `max_actors` actors with most mentions (the caption says so); a dot's area grows with what its
    mean stands on (up to `MENTIONS_FULL`), and a note above the plot says so, since most dots stand on very little and
    no interval is drawn. `colors`: {group: colour}, e.g. `outlet_colours(sentences)`.

    `unit="article"` (the default) averages each article's mentions first and then the group's
    articles (the article is the unit: docs/statistics.md), and a dot's area is its articles (needs
    `article_id`); `unit="mention"` averages the group's mentions of the actor, so an article that
    names the actor fifteen times counts fifteen times. `test`: the `compare_outlets` table of one
    test per actor (`family="actor"`); when none finds a difference, the note says so.

    Needs `actor`, `by`, `actor_sentiment` (one row per mention, as `add_actor_sentiment` gives)."""
    if unit not in ("mention", "article"):
        raise ValueError(f"unit must be 'mention' or 'article', not {unit!r}")
    chosen = top_groups(actors, "actor", max_actors)
    picked = actors[actors["actor"].isin(chosen)]
    if unit == "article":  # each article's mean first: one row per article and actor
        picked = picked.groupby(["actor", by, "article_id"], sort=False)["actor_sentiment"].mean().reset_index()
    table = (picked.groupby(["actor", by])["actor_sentiment"]
             .agg(actor_sentiment="mean", n_mentions="size").reset_index())
    actor_names = sorted(table["actor"].unique(), key=str)
    groups = top_groups(actors, by, max_groups)
    which = _chosen_by_size(actors.groupby(by).size().to_frame("actor mentions"), groups, ["actor mentions"])
    colour, marker = group_colours(groups, colors), group_markers(groups, colors)
    # room for each actor's row and for the legend, which a one-column chart puts below the plot
    ax = new_axes(ax, rows=2 * len(actor_names) + 2 + (len(colour) + 1) // 2)
    for group in colour:
        part = table[table[by] == group].set_index("actor").reindex(actor_names)
        ax.scatter(part["actor_sentiment"], range(len(actor_names)), label=name_label(group), color=colour[group],
                   marker=marker[group],
                   s=MENTION_AREA * part["n_mentions"].fillna(1).clip(1, MENTIONS_FULL), **style)
    shown = table[table[by].isin(list(colour))]["n_mentions"]
    notes = [_dot_area_note(shown, unit)] if len(shown) else []
    notes += [_no_difference_note(test, by=by, family="actor")] if test is not None else []
    notes = [note[:1].upper() + note[1:] for note in notes if note]  # sentences, as the other charts' notes
    if notes:
        note_above(ax, ". ".join(notes))
    ax.set_yticks(range(len(actor_names)), [name_label(a) for a in actor_names])
    note_shown(ax, len(colour), actors[by].nunique(), by + "s", which=which)
    remember_groups(ax, actors[by])
    ax.axvline(0, color=MUTED, linewidth=1)
    ax.set_title("Sentiment toward each actor")
    ax.set_xlabel("mean over articles of each article's mean sentiment toward the actor (−1 … +1)"
                  if unit == "article" else "mean sentiment toward the actor per mention (−1 … +1)")
    ax.set_ylabel("actor")
    legend_outside(ax, title=by)
    for handle in ax.get_legend().legend_handles:
        handle.set_sizes([MENTION_AREA * 3])  # the legend names colours, not sizes
    return ax


def _dot_area_note(sizes: pd.Series, unit: str) -> str:
    """What a dot's area says in `plot_actor_sentiment`, in plain words: "every dot from one
    article" when all dots stand on as much, else the range and how many stand on little.

    >>> _dot_area_note(pd.Series([1, 1]), "article")
    'dot area: the articles behind the mean (every dot from one article)'
    >>> _dot_area_note(pd.Series([1, 1, 4]), "article")
    'dot area: the articles behind the mean (1 to 4; 2 of 3 dots from one article)'
    """
    noun = "article" if unit == "article" else "mention"
    head = f"dot area: the {noun}s behind the mean"
    if sizes.min() == sizes.max():
        return f"{head} (every dot from {counted(int(sizes.min()), noun + 's') if sizes.min() > 1 else 'one ' + noun})"
    little = sizes == 1 if unit == "article" else sizes <= 3
    what = "one article" if unit == "article" else "1 to 3 mentions"
    return f"{head} ({sizes.min():,} to {sizes.max():,}; {int(little.sum()):,} of {len(sizes):,} dots from {what})"


MENTION_AREA = 12  # points² of a dot per mention (`plot_actor_sentiment`)
MENTIONS_FULL = 12  # mentions from which a dot grows no more


# ── keywords (notebook 04) ───────────────────────────────────────────────────────────────────────

@house_style
def plot_log_odds(table: pd.DataFrame, *, group: str = "outlet", n: int = 10, max_groups: int = 4,
                  colors: dict | None = None, threshold: float | None = None, ax=None, **style):
    """"Fightin' words": the `n` terms most distinctive of each group (z-score of the weighted
    log-odds ratio, Monroe et al. 2008), one block of bars for each of the `max_groups` groups with
    most words (the `n_group` column, or most terms; the caption says which). `colors`: {group:
    colour}, e.g. `outlet_colours(sentences)`. `threshold` (e.g. from `keywords.log_odds_threshold`, calibrated by
    shuffling outlets over articles) is drawn as a dashed line, and a note above the plot says how
    many of the terms shown pass it ("no term passes the dashed line: a ranking of words, not a
    difference beyond chance"); none is drawn without it.

    Needs `group`, `term`, `z` (as `log_odds` gives, one-vs-rest)."""
    size = next((c for c in ("n_group", "n_words", "count", "n") if c in table), None)
    sizes = table.groupby(group)[size].sum().reset_index() if size else table
    groups = top_groups(sizes, group, max_groups, weight=size)
    counted_as = "words" if size else "terms"  # every size column counts words; without one, rows are terms
    which = _chosen_by_size((sizes.groupby(group)[size].sum() if size else sizes.groupby(group).size())
                            .to_frame(counted_as), groups, [counted_as])
    top = pd.concat([table[table[group] == g].nlargest(n, "z") for g in groups])
    ax = new_axes(ax, rows=len(top) + len(groups))
    colour = group_colours(groups, colors)
    labels, values = [], []
    for g in groups:  # a block of bars per group, in its colour; the legend names the group whole
        part = top[top[group] == g].sort_values("z", ascending=False)
        rows = range(len(values), len(values) + len(part))
        ax.barh(rows, part["z"], color=colour[g], label=name_label(g), **style)
        labels += [label(t, 24) for t in part["term"]]
        values += list(part["z"])
    ax.set_yticks(range(len(values)), labels)
    note_shown(ax, len(groups), table[group].nunique(), group + "s", which=which)
    remember_groups(ax, table[group])
    ax.invert_yaxis()
    line = threshold is not None and np.isfinite(threshold)
    if line:
        ax.axvline(threshold, color=MUTED, linewidth=1, linestyle="--")
        passing = int((np.abs(np.asarray(values)) > threshold).sum())
        note = (f"{passing} of {len(values)} terms shown pass the dashed line" if passing else
                "no term passes the dashed line: a ranking of words, not a difference beyond chance")
        note_above(ax, note)
    ax.set_title(f"Words most distinctive of each {group} (weighted log-odds)")
    ax.set_xlabel(f"z-score of the log-odds ratio against the other {group}s"
                  + (f" (dashed: {threshold:.2f}, calibrated by shuffling {group}s over articles)" if line else ""))
    ax.set_ylabel("term")
    legend_outside(ax, title=group)
    ax.grid(axis="y", visible=False)
    return ax


@house_style
def plot_keyness(table: pd.DataFrame, *, group: str = "outlet", target=None, n: int = 15, ax=None, **style):
    """Keyness bars: log-likelihood G² of the `n` key terms of `target` (over-used to the right,
    under-used to the left; ties by term). Needs `group`, `term`, `g2`, `use` (as `keyness` gives;
    pass `keyness(..., target=...)`, whose rows hold the terms the target never uses, the strongest
    under-use: `target=None` lists only the terms each group uses, so its left side misses them).

    G² counts every word as an independent draw, where words come in articles: it ranks terms and
    tests nothing, and the chart says so on itself (a saved figure has no caption), since a
    reader of G² = 19 would otherwise read p < 0.001 into it."""
    target = target if target is not None else sorted(table[group].unique())[0]
    part = table[(table[group] == target) & (table["use"] != "same")]
    part = part.assign(signed=part["g2"].where(part["use"] == "over", -part["g2"]))
    # the n highest, ties by term; drawn from the bottom up, so ties read alphabetically from the top
    ranked = part.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    part = ranked.head(n).sort_values(["signed", "term"], ascending=[True, False], kind="stable")
    ax = new_axes(ax, rows=len(part))
    note_shown(ax, len(part), len(ranked), "terms", which=_keyness_cut(ranked, len(part)))
    ax.barh(range(len(part)), part["signed"],
            color=[SEMANTIC["more"] if v > 0 else SEMANTIC["less"] for v in part["signed"]], **style)
    _bar_labels(ax, part["term"])
    ax.axvline(0, color=MUTED, linewidth=1)
    note_above(ax, "words counted as independent draws: a ranking of words, not a test")
    ax.set_title(f"Key terms of {' '.join(str(target).split())}")
    # "right: used more" read as the outlet of that name on a corpus of leanings (left, center, right)
    ax.set_xlabel(f"log-likelihood G² (above 0: used more than the other {group}s; below 0: less)")
    ax.set_ylabel("term")
    ax.grid(axis="y", visible=False)
    return ax


def _keyness_cut(ranked: pd.DataFrame, shown: int) -> str:
    """What chose the key terms shown: the highest G², and how many left out tie with the last shown
    (a cut through a tie picks its terms by name)."""
    if not 0 < shown < len(ranked):
        return ""
    last = ranked["g2"].iloc[shown - 1]
    tied = int((ranked["g2"].iloc[shown:] == last).sum())
    return f"the {shown} of highest G²" + (f"; {tied} more tie with the last at {last:.2f}, left out by name" if tied else "")


# ── sources and quotes (notebook 05) ─────────────────────────────────────────────────────────────

@house_style
def plot_quote_share(speakers: pd.DataFrame, *, by: str = "outlet", n: int = 8, max_groups: int = 6,
                     colors: dict | None = None, test=None, ax=None, **style):
    """Share of each group's quoted words given to each of the `n` most quoted speakers, for the
    `max_groups` groups with most quoted words (the caption says so, and which of them quote none of
    the speakers shown and so have no bar; a speaker none of those groups quotes gets no row, and
    the caption names it). `colors`: {group: colour}, e.g.
    `outlet_colours(sentences)`.

    Needs `by`, `speaker`, `n_words`, `word_share` (as `summarise_speakers` gives: shares of the
    group's quoted words counted together; or `summarise_speaker_shares`, whose `n_articles` tells
    the axis that each bar is a mean over the group's articles, and whose `ci_low` and `ci_high`,
    its interval over those articles, are drawn as a line across the bar where there is one). Where
    it has `speaker_kind`, a speaker that is no person is labelled with its kind ("Pfizer
    [organisation]"), as the event pages write it. `test`: the `compare_outlets` table of one test
    per speaker (`family="speaker"`); when none finds a difference, a note above the plot says so."""
    top = speakers.groupby("speaker")["n_words"].sum().nlargest(n).index
    groups = top_groups(speakers, by, max_groups, weight="n_words")
    which = _chosen_by_size(speakers.groupby(by)["n_words"].sum().to_frame("quoted words"), groups, ["quoted words"])
    table = speakers[speakers["speaker"].isin(top) & speakers[by].isin(groups)]
    pivot = table.pivot_table(index="speaker", columns=by, values="word_share", aggfunc="sum").fillna(0)
    unquoted = sorted((s for s in top if s not in pivot.index or pivot.loc[s].sum() == 0), key=str)
    pivot = pivot[pivot.sum(axis=1) > 0]  # a speaker none of the groups shown quotes has no bar: no empty row
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index]
    colour = group_colours(pivot.columns, colors)
    positions = _bars_around_rows(pivot[list(colour)] > 0)
    bars = max(1, int((pivot > 0).sum(axis=1).max()) if len(pivot) else 1)  # the most bars of one speaker
    height = 0.8 / bars
    ax = new_axes(ax, rows=len(pivot) * bars * 3 // 4 + 2)  # tall enough to tell each bar and its interval
    articles = speakers.groupby(by)["n_articles"].max() if "n_articles" in speakers else None  # behind each mean
    bounds = ({side: table.pivot_table(index="speaker", columns=by, values=side, aggfunc="first").reindex(
        index=pivot.index, columns=pivot.columns) for side in ("ci_low", "ci_high")}
        if {"ci_low", "ci_high"} <= set(speakers.columns) else None)  # summarise_speaker_shares' intervals
    for group in colour:
        shown = positions[group].notna()
        name = name_label(str(group) + (f" ({counted(int(articles[group]), 'articles')})" if articles is not None else ""))
        rows = np.flatnonzero(shown.to_numpy()) - positions.loc[shown, group] * height  # first group on top, as in the legend
        ax.barh(rows, 100 * pivot.loc[shown, group], height=height, label=name, color=colour[group], **style)
        if bounds is not None:  # the interval over the group's articles, where it has one (5 articles or more)
            low, high = (100 * bounds[side].loc[shown, group] for side in ("ci_low", "ci_high"))
            mean, drawn = 100 * pivot.loc[shown, group], low.notna().to_numpy()
            ax.errorbar(mean[drawn], rows[drawn], xerr=[(mean - low)[drawn].clip(lower=0), (high - mean)[drawn].clip(lower=0)],
                        fmt="none", ecolor="#333333", elinewidth=1, capsize=2)
    kinds = speakers.groupby("speaker")["speaker_kind"].first() if "speaker_kind" in speakers else {}
    ax.set_yticks(range(len(pivot)), [name_label(_with_kind(s, kinds.get(s))) for s in pivot.index])
    if len(colour) < len(groups):  # a group chosen may quote none of the speakers shown: it has no bar
        which = f"those quoting the speakers shown, of {which or f'all {len(groups):,}'}"
    note_shown(ax, len(colour), speakers[by].nunique(), by + "s", which=which)
    if unquoted:  # the caption names them, so the chart's speakers match the tests it may cite
        ax._framing_shown = " ".join(filter(None, [getattr(ax, "_framing_shown", None), (
            f"{len(unquoted)} of the {len(top)} most quoted speakers not drawn, none of the {by}s shown quoting "
            f"them: {', '.join(' '.join(str(s).split()) for s in unquoted)}.")]))
    remember_groups(ax, speakers[by])
    nothing = _no_difference_note(test, by=by, family="speaker") if test is not None else ""
    bare = [g for g in colour if bounds is not None and bounds["ci_low"][g].isna().all()]  # too few articles
    _note_no_interval(ax, bare, then=nothing)  # bars with no interval say why, as on the frame chart
    ax.set_title("Who is quoted, and how much")
    averaged = "n_articles" in speakers  # summarise_speaker_shares: a mean of per-article shares, not a pooled share
    ax.set_xlabel(f"share of an article's quoted words (%, mean over the {by}'s articles)" if averaged
                  else f"share of the {by}'s quoted words (%)")
    ax.set_ylabel("speaker")
    legend_outside(ax, title=by)
    ax.grid(axis="y", visible=False)
    return ax


def _with_kind(speaker: str, kind) -> str:
    """A speaker's name, with its kind when it is no person ("Pfizer [organisation]")."""
    return f"{speaker} [{kind}]" if isinstance(kind, str) and kind != "person" else speaker


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
    quoted = pivot.sum(axis=1)  # pivot_table's rows are in name order: ties stay so
    kept = quoted.sort_values(ascending=False, kind="stable").index[:max_rows]
    which = _chosen_by_size(quoted.to_frame("attributed quotes"), list(kept), ["attributed quotes"])
    shares = 100 * pivot.loc[outlet_order(kept), ["neutral", "evaluative"]].div(
        pivot.loc[outlet_order(kept)].sum(axis=1), axis=0)
    ax = new_axes(ax, rows=len(shares))
    rows = range(len(shares))
    ax.barh(rows, shares["neutral"], color=SEMANTIC["neutral"], label="neutral (said, told, stated)")
    ax.barh(rows, shares["evaluative"], left=shares["neutral"], color=SEMANTIC["evaluative"],
            label="evaluative (warned, insisted)")  # short enough not to be cut in a legend below
    totals = pivot.loc[shares.index].sum(axis=1)
    _bar_labels(ax, [f"{g} ({counted(n, 'quotes')})" for g, n in zip(shares.index, totals)])
    ax.invert_yaxis()  # in name order (along the spectrum for leans) from the top
    note_shown(ax, len(shares), len(pivot), by + "s", which=which)
    remember_groups(ax, pivot.index)
    ax.set_title("Reporting verbs: neutral or evaluative")
    ax.set_xlabel("share of attributed quotes (%)")
    ax.set_ylabel(by)
    ax.set_xlim(0, 100)
    legend_outside(ax)
    ax.grid(axis="y", visible=False)
    return ax


@house_style
def plot_quote_shares(summary: pd.DataFrame, *, by: str = "outlet", articles: pd.DataFrame | None = None,
                      max_rows: int = 12, test=None, ax=None, **style):
    """Per quote measure (anonymous sources, evaluative verbs, officials) and group: the mean over
    the group's articles of each article's share (%), a dot with a bar for the interval over
    articles, or a hollow dot where the group has too few articles for one (pass `articles`, the
    table of `article_quote_shares`, to draw those articles as small dots), for the `max_rows` groups
    with most articles, most first (left to right for outlets labelled by lean, `leans.outlet_order`).
    Each row says its number of articles; a block per measure. `test`: the `compare_outlets` table
    of one test per measure (`family="measure"`); when none finds a difference, the note says so.

    Needs `measure`, `counts`, `by`, `mean`, `ci_low`, `ci_high`, `n_articles` (as
    `summarise_quote_shares` gives)."""
    table = summary[summary["n_articles"] > 0]
    quoting = table.groupby(by)["n_articles"].max()  # the articles with a quote (any measure needs one)
    groups = list(quoting.sort_values(ascending=False, kind="stable").index[:max_rows])
    if is_lean_corpus(quoting.index):  # leans read left to right in each block; outlets most articles first
        groups = outlet_order(groups)
    which = _chosen_by_size(quoting.to_frame("articles with a quote"), groups, ["articles with a quote"])
    measures = list(dict.fromkeys(table["measure"]))
    ax = new_axes(ax, rows=len(measures) * (len(groups) + 1))
    colour = style.pop("color", SEMANTIC["ink"])
    ticks, names, hollow, row = [], [], [], 0
    for measure in measures:
        part = table[(table["measure"] == measure) & table[by].isin(groups)]
        part = part.set_index(by).reindex(groups).dropna(subset=["mean"]).reset_index()
        ax.text(0, row - 0.6, str(part["counts"].iloc[0]) if len(part) else measure, fontsize=8, va="bottom")
        for offset, line in enumerate(part.itertuples(index=False)):
            position, mean = row + offset, 100 * line.mean
            if pd.notna(line.ci_low):
                ax.errorbar([mean], [position], xerr=[[max(mean - 100 * line.ci_low, 0)], [max(100 * line.ci_high - mean, 0)]],
                            fmt="o", capsize=3, color=colour, **style)
            else:
                hollow.append(getattr(line, by))
                ax.scatter([mean], [position], s=40, facecolors="white", edgecolors=colour, linewidths=1.5, zorder=3)
                if articles is not None:
                    values = 100 * articles.loc[articles[by] == getattr(line, by), measure].dropna()
                    ax.scatter(values, [position] * len(values), s=12, color=SEMANTIC["evaluative"], zorder=4)
            ticks.append(position)
            names.append(name_label(f"{getattr(line, by)} ({counted(int(line.n_articles), 'articles')})"))
        row += len(part) + 1.5
    _note_no_interval(ax, list(dict.fromkeys(hollow)), dots=articles is not None,
                      then=_no_difference_note(_named_measures(test, table), by=by, family="measure")
                      if test is not None else "")
    ax.set_yticks(ticks, names)
    ax.set_ylim(row - 1, -1.5)
    note_shown(ax, len(groups), table[by].nunique(), by + "s", which=which)
    remember_groups(ax, summary[by])
    ax.set_xlim(0, 100)
    ax.set_title("Quotes: anonymous sources, evaluative verbs, officials")
    ax.set_xlabel(f"share of an article's quotes (%, mean over the {by}'s articles)")
    ax.set_ylabel(by)
    return ax


def _named_measures(test: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """The tests of the quote measures with the words the chart heads each block with (`counts` of
    `summarise_quote_shares`: "quotes from officials"), for the note that names them."""
    if "counts" in test or not {"measure", "counts"} <= set(summary.columns) or "measure" not in test:
        return test
    return test.merge(summary[["measure", "counts"]].drop_duplicates("measure"), on="measure", how="left")


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
    ax.set_ylim(len(labels) - 0.5, -0.5)  # first article at the top, each row a full band (dots clear of the frame)
    ax.set_xlim(-0.03, 1.03)
    ax.set_title("Which sentences other outlets also report")
    ax.set_xlabel("position in the article (0 = start, 1 = end)")
    ax.set_ylabel("outlet: headline")
    note_shown(ax, len(articles), counterparts["article_id"].nunique(), "articles",
               which=f"the first {len(articles):,} in the table's order; pass max_articles to show more")
    legend_outside(ax)
    return ax


LABEL_HEADLINE = 16  # characters of a headline shown at least beside its outlet's name


def _article_labels(sentences: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    """"outlet: headline" for each row of `articles` (`outlet`, `article_id`): the outlet whole, its
    headline cut as `label` cuts to what is left of `LABEL_CHARS` (at least `LABEL_HEADLINE`
    characters); "outlet: article 2" when no headline is known."""
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
        named = " ".join(str(outlet).split())  # the outlet whole; its headline cut to what is left
        labels.append(f"{named}: {label(title, max(LABEL_HEADLINE, LABEL_CHARS - len(named) - 2))}" if title
                      else f"{named}: article {seen[outlet]}")
    return labels


@house_style
def plot_prominence(prominence: pd.DataFrame, *, item_type: str = "frame", max_items: int = 12,
                    max_groups: int = 8, colors: dict | None = None, ax=None, **style):
    """How early each frame (or speaker) first appears in the articles of each of the `max_groups`
    outlets with most first appearances of the items shown, then by name (the caption says so); in
    each item's row the outlets' dots are set a little apart, so that two at one position both show.
    `colors`: {outlet: colour}, e.g. `outlet_colours(sentences)`.

    Needs `item`, `item_type`, `outlet`, `first_position` (as `prominence` gives)."""
    table = prominence[prominence["item_type"] == item_type]
    items = list(table.groupby("item")["first_position"].min().sort_values().index[:max_items])
    table = table[table["item"].isin(items)]
    ax = new_axes(ax, rows=len(items) + 1)
    groups = top_groups(table, "outlet", max_groups)
    found = f"first appearances of the {item_type}s shown"  # a row: an item shown, in one article
    which = _chosen_by_size(table.groupby("outlet").size().to_frame(found), groups, [found])
    colour, marker = group_colours(groups, colors), group_markers(groups, colors)
    step = min(0.2, 0.6 / max(len(colour), 1))  # each outlet a little apart, in the legend's order from the top
    for k, outlet in enumerate(colour):  # (two outlets' dots at one position were drawn one over the other)
        part = table[table["outlet"] == outlet].groupby("item")["first_position"].min()
        offset = (k - (len(colour) - 1) / 2) * step
        ax.scatter(part.values, [items.index(i) + offset for i in part.index], label=name_label(outlet),
                   color=colour[outlet], marker=marker[outlet], **style)
    ax.set_yticks(range(len(items)), [name_label(str(i).replace("_", " ")) for i in items])
    note_shown(ax, len(colour), table["outlet"].nunique(), "outlets", which=which)
    # first item at the top, each row a full band: with one item the outlets' dots, set ±0.2 apart,
    # were the whole data range and sat on the frame, the lowest one cut by the axis
    ax.set_ylim(len(items) - 0.5, -0.5)
    ax.set_xlim(-0.03, 1.03)
    ax.set_title(f"Where each {item_type} first appears")
    ax.set_xlabel("position of its first sentence (0 = start of the article, 1 = end)")
    ax.set_ylabel(item_type)
    legend_outside(ax, title="outlet")
    return ax
