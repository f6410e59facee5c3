"""Intervals of mean shares over articles: Korn & Graubard's (1998) interval on the effective number
of articles (stats.effective_n, stats.share_interval), checked against statsmodels and by simulation."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as scipy_stats
from statsmodels.stats.proportion import proportion_confint

from framing import stats as S

# eight articles' shares of a rare frame: most at 0, a few low, one high
RARE = [0.0, 0.0, 0.0, 0.05, 0.0, 0.1, 0.0, 0.4]


def test_effective_n_is_the_binomial_n_with_the_same_variance():
    x = np.array(RARE)
    p, variance = x.mean(), x.var(ddof=1) / len(x)
    assert S.effective_n(x, df_adjusted=False) == pytest.approx(p * (1 - p) / variance)
    # Korn & Graubard's degrees-of-freedom correction: times (z / t_{n-1})², so fewer trials
    shrink = (scipy_stats.norm.ppf(0.975) / scipy_stats.t.ppf(0.975, len(x) - 1)) ** 2
    assert S.effective_n(x) == pytest.approx(shrink * S.effective_n(x, df_adjusted=False))
    # articles that are each one yes/no answer: n_eff is n − 1 (s² with n − 1 in its denominator)
    assert S.effective_n([0, 1, 1, 0, 0, 1, 0, 0, 0, 1], df_adjusted=False) == pytest.approx(9)
    # no variance at 0 or 1: the number of articles, as Korn & Graubard set it
    assert S.effective_n([0, 0, 0, 0, 0]) == 5


def test_share_interval_is_statsmodels_binomial_interval_on_the_effective_n():
    x = np.array(RARE)
    n_eff = S.effective_n(x)
    for method in ("wilson", "beta"):
        expected = proportion_confint(x.mean() * n_eff, n_eff, alpha=0.05, method=method)
        assert S.share_interval(x, method=method) == pytest.approx(expected)
    assert S.share_interval(x, ci=0.9) != pytest.approx(S.share_interval(x))
    with pytest.raises(ValueError):
        S.share_interval(x, method="normal")


def test_share_interval_stays_in_zero_to_one_and_is_longer_away_from_zero():
    low, high = S.share_interval(RARE)
    mean = np.mean(RARE)
    assert 0 < low < mean < high < 1
    assert high - mean > 2 * (mean - low)  # skewed: most of the doubt is on the side away from 0
    t_low, t_high = S.mean_interval(RARE, method="t")
    assert t_low < 0  # the symmetric t interval claims negative shares possible
    # mirrored shares give the mirrored interval
    mirrored = S.share_interval(1 - np.array(RARE))
    assert mirrored == pytest.approx((1 - high, 1 - low))


def test_shares_all_at_zero_get_the_exact_bound_never_zero_width():
    assert S.share_interval([0.0] * 5, method="beta") == pytest.approx(S.share_bound(5, 0))
    values = pd.DataFrame({"outlet": ["A"] * 6, "share": [0.0] * 6})
    row = S.summarise_articles(values, value="share", bounded=True).iloc[0]
    assert row["ci_low"] == 0 and row["ci_high"] == pytest.approx(S.share_bound(6, 0)[1])
    with pytest.raises(ValueError):
        S.share_interval([0.3, 0.3, 0.3])  # equal, not at a bound: no variance, no interval
    with pytest.raises(ValueError):
        S.share_interval([0.2, 1.5, 0.3])  # not shares


def test_summarise_articles_gives_shares_the_korn_graubard_interval_and_names_it():
    values = pd.DataFrame({"outlet": ["A"] * 8 + ["B"] * 6,
                           "share": RARE + [0.2, 0.35, 0.1, 0.5, 0.25, 0.3]})
    shares = S.summarise_articles(values, value="share", bounded=True).set_index("outlet")
    for outlet, part in values.groupby("outlet"):
        assert tuple(shares.loc[outlet, ["ci_low", "ci_high"]]) == pytest.approx(S.share_interval(part["share"]))
        assert "Korn & Graubard 1998" in shares.loc[outlet, "interval"]
    # values that are not shares keep the bootstrap by default
    plain = S.summarise_articles(values, value="share").set_index("outlet")
    assert plain.loc["A", "interval"].startswith("bootstrap over articles")
    caption = S.describe_intervals(shares.reset_index(), measure="frame share", method="korn-graubard")
    assert "Korn-Graubard (Wilson) interval over articles" in caption
    assert S.MEASURED_COVERAGE["frame share", "korn-graubard"] in caption


def _coverage(n_articles: int, method: str, corpora: int = 150) -> tuple[float, float]:
    """Share of simulated one-outlet corpora whose interval covers the true frame share (0.25), and
    the intervals' mean width."""
    covered, widths = 0, []
    for rep in range(corpora):
        corpus = S.simulate_articles(events=n_articles, outlets=1, articles=1, event_sd=0.0, seed=10_000 + rep)
        x = S.article_values(corpus, value="frame")["frame"].to_numpy()
        low, high = (S.share_bound(len(x), x[0]) if np.ptp(x) == 0 else
                     S.mean_interval(x, method=method, n_boot=500, seed=rep))
        covered += low <= 0.25 <= high
        widths.append(high - low)
    return covered / corpora, float(np.mean(widths))


def test_with_five_articles_it_covers_more_often_than_the_bootstrap_and_is_about_as_wide():
    kg, kg_width = _coverage(5, "korn-graubard")
    boot, boot_width = _coverage(5, "expanded")
    assert kg >= 0.92 and kg > boot
    assert kg_width <= 1.05 * boot_width  # about as wide: the bootstrap's misses were not bought with width
