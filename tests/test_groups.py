"""rhetoric.compare_groups: groups of articles, the article as the unit, known answers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import rhetoric
from rhetoric.comparison.groups import compare_groups

FRAME = pd.DataFrame(
    {
        "outlet": ["L"] * 5 + ["R"] * 5 + [None],
        "loaded_per_100_words": [1, 2, 3, 4, 5, 6, 7, 8, 9, np.nan, 100],
        "sentiment_mean": [0.25] * 10 + [0.0],
    }
)


def test_means_intervals_and_counts_by_hand():
    g = compare_groups(FRAME, metrics=["loaded_per_100_words", "sentiment_mean"], n_boot=500)
    t = g.to_frame()
    assert list(t.index) == ["L", "R"]  # the row without a group is left out
    assert t.loc["L", "n_articles"] == 5 and t.loc["R", "n_articles"] == 5
    assert t.loc["L", "loaded_per_100_words"] == 3.0
    assert t.loc["R", "loaded_per_100_words"] == 7.5  # the NaN article counts for nothing
    assert t.loc["R", "loaded_per_100_words_n"] == 4
    assert (
        1
        <= t.loc["L", "loaded_per_100_words_ci_low"]
        < 3
        < t.loc["L", "loaded_per_100_words_ci_high"]
        <= 5
    )
    # a constant metric: the interval has no width
    assert t.loc["L", "sentiment_mean_ci_low"] == t.loc["L", "sentiment_mean_ci_high"] == 0.25


def test_permutation_p_value_matches_exact_enumeration():
    # L = 1..5 against R = 6..9: of the C(9, 5) = 126 ways to split the nine articles,
    # 2 are as extreme (the observed one and L = 5..9): exact p = 2/126
    g = compare_groups(
        FRAME, metrics=["loaded_per_100_words", "sentiment_mean"], n_permutations=20_000
    )
    tests = g.tests.set_index("metric")
    row = tests.loc["loaded_per_100_words"]
    assert (row["a"], row["b"], row["n_a"], row["n_b"]) == ("L", "R", 5, 4)
    assert row["difference"] == pytest.approx(-4.5)
    assert abs(row["p_value"] - 2 / 126) < 0.005
    assert tests.loc["sentiment_mean", "p_value"] == 1.0
    assert (g.tests["p_holm"] >= g.tests["p_value"]).all()


def test_one_article_groups_have_no_interval_and_missing_columns_are_named():
    one = pd.DataFrame({"outlet": ["A", "B"], "quote_share": [0.2, 0.4]})
    t = compare_groups(one).to_frame()
    assert math.isnan(t.loc["A", "quote_share_ci_low"])
    with pytest.raises(ValueError, match="'section'"):
        compare_groups(one, by="section")
    with pytest.raises(ValueError, match="'words'"):
        compare_groups(one, metrics=["words"])


def test_groups_over_analyze_frame_output():
    texts = pd.DataFrame(
        {
            "outlet": ["X", "X", "Y", "Y"],
            "text": [
                "The evil regime lied again. Its thugs attacked.",
                "The corrupt elite betrayed the nation once more.",
                "The council met on Tuesday. It approved the budget.",
                "Officials said the road will reopen next week.",
            ],
        }
    )
    frame = rhetoric.analyze_frame(texts, keep=["outlet"], progress=False)
    g = rhetoric.compare_groups(frame, metrics=["loaded_per_100_words"], n_permutations=200)
    t = g.to_frame()
    means = frame.groupby("outlet")["loaded_per_100_words"].mean()
    assert t["loaded_per_100_words"].to_dict() == pytest.approx(means.to_dict())
    assert t.loc["X", "loaded_per_100_words"] > t.loc["Y", "loaded_per_100_words"]
