"""The order of a corpus's outlets, decided once for every chart, table and event page: along the
political spectrum (far left … center … far right) when every outlet label names a lean ("Left",
"Lean Right", "Left-Center": the words of `[outlet_categories]` in `house_style.toml`), in name order
otherwise; and the colours of leans on a diverging scale (left blues, a grey-purple center, right
reds). Where each word stands is the rule of `[outlet_spectrum]` in the same file."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import matplotlib
import matplotlib.colors as mcolors
import pandas as pd

from .keywords.tokens import normalise_term, tokenize
from .lexicons import load_data

SIDE_STEPS = 2  # a side's distance from the center ("Left"); halfway is 1 ("Lean Left"), further 3 ("Far Left")
# Diverging colours: matplotlib's RdBu (ColorBrewer's red-blue, read by colour-blind readers),
# blue for the left as US media-bias charts draw it; depth 1 (halfway) to 4 (two steps further out).
LEAN_SCALE = "RdBu"
LEAN_DEPTH = {1: 0.27, 2: 0.39, 3: 0.47, 4: 0.5}  # distance from the scale's pale middle, per step
TIE_SHIFT = 0.06  # a second label at the same place ("Lean Left" and "Left-Center") is drawn paler
CENTER_COLOURS = ("#8E7F9F", "#B9AFC6", "#6A5E79", "#D3CCDC")  # grey-purples: center, then beside it


@lru_cache(maxsize=4)
def _rule(house_style: str | None = None) -> tuple[frozenset, dict]:
    """The words of outlet labels that name a lean, and `[outlet_spectrum]`'s lists of them, as terms."""
    data = load_data(house_style or "house_style")
    words = frozenset(normalise_term(str(w)) for w in data.get("outlet_categories", {}).get("words", []))
    spectrum = {name: frozenset(normalise_term(str(w)) for w in values)
                for name, values in data.get("outlet_spectrum", {}).items()}
    return words, spectrum


@lru_cache(maxsize=4096)  # every chart and table asks again for the same few labels
def lean_place(label, *, house_style: str | None = None) -> tuple[int, int] | None:
    """Where an outlet label stands: (steps from the center, negative on the left; 1 for a label
    beside the center such as "Mixed", else 0), or None for a label that is not a lean (a masthead,
    or lean words that place nothing). The rule is `[outlet_spectrum]` of `house_style.toml`.

    >>> lean_place("Lean Left"), lean_place("Right"), lean_place("Center"), lean_place("Mixed")
    ((-1, 0), (2, 0), (0, 0), (0, 1))
    >>> lean_place("Far-Right"), lean_place("Left-Center"), lean_place("CNN") is None
    ((3, 0), (-1, 0), True)
    """
    words, spectrum = _rule(house_style)
    terms = [normalise_term(t) for t in tokenize(str(label))]
    if not terms or not set(terms) <= words:
        return None
    listed = set().union(*spectrum.values()) if spectrum else set()
    parts = [part for term in terms for part in ([term] if term in listed else term.split("-"))]
    has = {name: sum(part in values for part in parts) for name, values in spectrum.items()}
    sides = {side for side, name in ((-1, "left"), (1, "right")) if has.get(name)}
    if len(sides) == 1:
        steps = SIDE_STEPS - bool(has.get("halfway") or has.get("center")) + has.get("further", 0)
        return sides.pop() * steps, 0
    if sides:
        return None  # both sides
    if has.get("center"):
        return 0, 0
    return (0, 1) if has.get("beside_center") else None


def is_lean_corpus(groups: Iterable, *, house_style: str | None = None) -> bool:
    """Whether every one of `groups` (outlet labels; missing values ignored) is a lean label with a
    place on the spectrum. A mix of leans and mastheads is not."""
    labels = {str(group) for group in groups if not pd.isna(group)}
    return bool(labels) and all(lean_place(label, house_style=house_style) is not None for label in labels)


def outlet_order(groups: Iterable, *, house_style: str | None = None) -> list:
    """`groups` (distinct, missing values dropped) in the order every chart, table and event page
    shows outlets: along the spectrum, left to right, for a corpus of lean labels (labels at one
    place in name order), in name order otherwise.

    >>> outlet_order(["Right", "Center", "Left", "Lean Left"])
    ['Left', 'Lean Left', 'Center', 'Right']
    >>> outlet_order(["Reuters", "Left", "AP"])
    ['AP', 'Left', 'Reuters']
    """
    unique = list(dict.fromkeys(group for group in groups if not pd.isna(group)))
    if not is_lean_corpus(unique, house_style=house_style):
        return sorted(unique, key=str)
    return sorted(unique, key=lambda group: (*lean_place(group, house_style=house_style), str(group)))


def outlet_rank(groups: Iterable, *, house_style: str | None = None) -> dict:
    """{group: its position in `outlet_order`}, to sort or break ties with."""
    return {group: rank for rank, group in enumerate(outlet_order(groups, house_style=house_style))}


def sort_outlets(table: pd.DataFrame, by: str = "outlet", *, before: Iterable[str] = (),
                 then: Iterable[str] = ()) -> pd.DataFrame:
    """The same rows sorted by the `before` columns, then `by` in `outlet_order`, then the `then`
    columns (rows tied on all keep their order), on a new index: a table's rows by outlet read left
    to right in a corpus of leans, and by name in any other.

    >>> sort_outlets(pd.DataFrame({"outlet": ["Right", "Left", "Center"]}))["outlet"].tolist()
    ['Left', 'Center', 'Right']
    """
    if by not in table or table.empty:
        return table.reset_index(drop=True)
    keys = table.assign(_outlet_rank=table[by].map(outlet_rank(table[by])))
    return (keys.sort_values([*before, "_outlet_rank", *then], kind="stable", na_position="last")
            .drop(columns="_outlet_rank").reset_index(drop=True))


def largest_first(table: pd.DataFrame, count: str, by: str = "outlet") -> pd.DataFrame:
    """The same rows, the most `count` first (ties in `outlet_order`), on a new index; in a corpus
    of lean labels, left to right whatever the counts, as every other chart and table of it reads
    (one article fewer on the right must not put "Right" before "Center").

    >>> counts = pd.DataFrame({"outlet": ["Center", "Left", "Right"], "n_articles": [99, 100, 100]})
    >>> largest_first(counts, "n_articles")["outlet"].tolist()
    ['Left', 'Center', 'Right']
    >>> largest_first(counts.assign(outlet=["AP", "BBC", "CNN"]), "n_articles")["outlet"].tolist()
    ['BBC', 'CNN', 'AP']
    """
    ranked = sort_outlets(table, by)
    if by not in table or is_lean_corpus(table[by]):
        return ranked
    return ranked.sort_values(count, ascending=False, kind="stable", ignore_index=True)


def sort_groups(table: pd.DataFrame, keys: Iterable[str]) -> pd.DataFrame:
    """The same rows sorted by `keys` in turn, on a new index: the first key whose values are all
    lean labels (`is_lean_corpus`) in `outlet_order`, left to right, every other key by value (as
    `groupby` sorts). So a summary by outlet, or by frame and outlet, reads left to right in a corpus
    of leans and by name in any other, whoever calls it (`stats.summarise_articles`,
    `compare_outlets`, the `summarise_*` functions).

    >>> sort_groups(pd.DataFrame({"frame": ["b", "a", "a"], "outlet": ["Left", "Right", "Left"]}),
    ...             ["frame", "outlet"])[["frame", "outlet"]].values.tolist()
    [['a', 'Left'], ['a', 'Right'], ['b', 'Left']]
    """
    keys = [key for key in keys if key in table]
    if table.empty or not keys:
        return table.reset_index(drop=True)
    for at, key in enumerate(keys):
        if is_lean_corpus(table[key].unique()):
            return sort_outlets(table, key, before=keys[:at], then=keys[at + 1:])
    return table.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def lean_colours(groups: Iterable, *, house_style: str | None = None) -> dict:
    """{group: colour} on a diverging scale for lean labels (`LEAN_SCALE`: deeper blue further left,
    deeper red further right; grey-purples at the center), so the same lean has the same colour in
    every chart of every such corpus. Labels at one place get distinct colours (the later ones paler).
    Empty unless every group is a lean (`is_lean_corpus`): a masthead among them keeps the palette."""
    scale = matplotlib.colormaps[LEAN_SCALE]
    colours, at_place = {}, {}
    ordered = outlet_order(groups, house_style=house_style)
    if not is_lean_corpus(ordered, house_style=house_style):
        return colours
    for group in ordered:
        place = lean_place(group, house_style=house_style)
        tie = at_place[place[0]] = at_place.get(place[0], -1) + 1  # the center and beside it: one run of greys
        if place[0] == 0:
            colours[group] = CENTER_COLOURS[tie % len(CENTER_COLOURS)]
            continue
        depth = max(0.12, LEAN_DEPTH[min(abs(place[0]), max(LEAN_DEPTH))] - TIE_SHIFT * tie)
        colours[group] = mcolors.to_hex(scale(0.5 - depth if place[0] > 0 else 0.5 + depth))
    return colours
