"""Outlet labels that name a political lean: their place on the spectrum (the rule of
`house_style.toml`'s [outlet_spectrum]), the order every chart and table shows them in, and their
diverging colours; real outlet names keep name order and the palette."""
from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import pandas as pd  # noqa: E402

import framing as fr  # noqa: E402
from framing.keywords import normalise_term  # noqa: E402
from framing.leans import is_lean_corpus, lean_colours, lean_place, outlet_order  # noqa: E402


@pytest.mark.parametrize("label, place", [
    # AllSides
    ("Left", (-2, 0)), ("Lean Left", (-1, 0)), ("Center", (0, 0)), ("Lean Right", (1, 0)), ("Right", (2, 0)),
    ("Mixed", (0, 1)), ("lean left", (-1, 0)),
    # Media Bias/Fact Check
    ("Left-Center", (-1, 0)), ("Right-Center", (1, 0)), ("Least Biased", (0, 1)), ("Extreme Right", (3, 0)),
    ("Far-Left", (-3, 0)),
    # Ad Fontes Media
    ("Skews Left", (-1, 0)), ("Middle or Balanced", (0, 0)), ("Hyper-Partisan Right", (3, 0)),
    ("Most Extreme Left", (-4, 0)),
    # words of the same scale written otherwise
    ("Liberal", (-2, 0)), ("Conservative", (2, 0)), ("Center-Right", (1, 0)), ("Left of Center", (-1, 0)),
    ("Neutral", (0, 1)),
    # no place: a masthead, a label with a masthead in it, both sides, words that place nothing
    ("CNN", None), ("Fox News (Opinion)", None), ("Left Right", None), ("Biased", None), ("Center (Opinion)", None),
])
def test_a_lean_label_has_its_place_on_the_spectrum(label, place):
    assert lean_place(label) == place


def test_every_word_of_the_spectrum_rule_is_a_word_of_the_outlet_categories():
    data = fr.load_data("house_style")
    categories = {normalise_term(w) for w in data["outlet_categories"]["words"]}
    spectrum = {normalise_term(w) for words in data["outlet_spectrum"].values() for w in words}
    assert spectrum and spectrum <= categories


def test_lean_labels_run_from_left_to_right_and_names_stay_in_name_order():
    assert outlet_order(["Right", "center", "Mixed", "Lean Right", "Left", "Lean Left"]) == [
        "Left", "Lean Left", "center", "Mixed", "Lean Right", "Right"]
    assert outlet_order(["Washington Post", "Fox News", "AP"]) == ["AP", "Fox News", "Washington Post"]
    # a mix of leans and mastheads is no corpus of leans: name order
    assert not is_lean_corpus(["Left", "Right", "Reuters"])
    assert outlet_order(["Right", "Reuters", "Left"]) == ["Left", "Reuters", "Right"]


def _rgb(colour):
    return mcolors.to_rgb(colour)


def test_leans_are_coloured_blue_on_the_left_red_on_the_right_and_grey_purple_between():
    colours = lean_colours(["Left", "Lean Left", "Center", "Mixed", "Lean Right", "Right"])
    for side in ("Left", "Lean Left"):
        red, _, blue = _rgb(colours[side])
        assert blue > red + 0.2, side
    for side in ("Right", "Lean Right"):
        red, _, blue = _rgb(colours[side])
        assert red > blue + 0.2, side
    for middle in ("Center", "Mixed"):
        red, green, blue = _rgb(colours[middle])
        assert max(red, green, blue) - min(red, green, blue) < 0.2 and blue >= green, middle  # greyish, toward purple
    # further out is deeper: darker than halfway
    assert sum(_rgb(colours["Left"])) < sum(_rgb(colours["Lean Left"]))
    assert sum(_rgb(colours["Right"])) < sum(_rgb(colours["Lean Right"]))
    assert len(set(colours.values())) == len(colours)
    # two labels at one place stay apart
    tied = lean_colours(["Lean Left", "Left-Center", "Center"])
    assert tied["Lean Left"] != tied["Left-Center"]
    assert lean_colours(["Left", "Reuters"]) == {}


def test_sort_outlets_orders_a_table_by_lean_within_its_first_keys():
    table = pd.DataFrame({"event": ["e2", "e1", "e1", "e1", "e2"],
                          "outlet": ["Left", "Right", "Left", "Center", "Right"], "article_id": list("abcde")})
    shown = fr.sort_outlets(table, before=["event"])
    assert list(zip(shown["event"], shown["outlet"])) == [
        ("e1", "Left"), ("e1", "Center"), ("e1", "Right"), ("e2", "Left"), ("e2", "Right")]
