"""rhetoric.resampling: the one bootstrap, permutation and Holm routine, on known answers."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pytest

from rhetoric import resampling


def test_bootstrap_sums_draw_each_unit_with_replacement():
    per = np.arange(1.0, 6.0)  # units 1..5
    reps = resampling.bootstrap_sums(np.eye(5), 400, seed=3)
    assert reps.shape == (400, 5)
    assert (reps.sum(axis=1) == 5).all()  # each replicate draws n units
    assert 0.9 < reps.mean() < 1.1  # each unit drawn once per replicate on average
    sums = resampling.bootstrap_sums(per, 400, seed=3)
    np.testing.assert_array_equal(sums, reps @ per)


def test_bootstrap_sums_are_the_same_whatever_the_columns_and_block_size(monkeypatch):
    rng = np.random.default_rng(1)
    per = rng.normal(size=(37, 4))
    together = resampling.bootstrap_sums(per, 300, seed=5)
    apart = np.column_stack([resampling.bootstrap_sums(per[:, j], 300, seed=5) for j in range(4)])
    np.testing.assert_array_equal(together, apart)  # the same floats, not merely close
    drawn = resampling.bootstrap_sums(np.eye(37), 300, seed=5)
    # a huge input is drawn in blocks: the same draws (one-hot columns count them
    # exactly), sums equal to rounding
    monkeypatch.setattr(resampling, "_CACHED_CELLS", 0)
    monkeypatch.setattr(resampling, "_BLOCK_CELLS", 100)  # blocks of 2 replicates
    np.testing.assert_array_equal(resampling.bootstrap_sums(np.eye(37), 300, seed=5), drawn)
    np.testing.assert_allclose(resampling.bootstrap_sums(per, 300, seed=5), together, rtol=1e-12)


def test_bootstrap_sums_of_nothing():
    assert resampling.bootstrap_sums(np.zeros((0, 2)), 10).shape == (10, 2)
    assert resampling.bootstrap_sums(np.zeros(0), 10).shape == (10,)


def test_percentile_interval_by_hand():
    reps = np.arange(101.0)  # quantiles fall on the values themselves
    assert resampling.percentile_interval(reps, 0.9) == pytest.approx((5.0, 95.0))
    assert resampling.percentile_interval(np.array([np.nan, 1.0]), 0.5) == (1.0, 1.0)
    assert all(math.isnan(x) for x in resampling.percentile_interval(np.array([np.nan])))


def test_ratio_is_nan_where_the_denominator_is_not_positive():
    out = resampling.ratio(np.array([1.0, 1.0, 2.0]), np.array([4.0, 0.0, -1.0]), 100.0)
    assert out[0] == 25.0 and np.isnan(out[1:]).all()
    assert resampling.ratio(1.0, 2.0, post=lambda x: x * 2) == 1.0


def test_bootstrap_ratio_constant_rate_and_too_few_units():
    num, den = np.array([1.0, 2.0, 3.0]), np.array([4.0, 8.0, 12.0])
    assert resampling.bootstrap_ratio(num, den, scale=100) == (25.0, 25.0)
    one = resampling.bootstrap_ratio(np.array([1.0, 0.0]), np.array([4.0, 0.0]))
    assert all(math.isnan(x) for x in one)  # one unit with a denominator: no interval


def test_bootstrap_ratio_percentiles_of_the_resampled_ratios():
    num, den = np.array([0.0, 1.0, 3.0, 2.0]), np.array([2.0, 2.0, 4.0, 3.0])
    reps = resampling.bootstrap_sums(np.column_stack([num, den]), 500, seed=2)
    expected = np.quantile(reps[:, 0] / reps[:, 1], [0.025, 0.975])
    assert resampling.bootstrap_ratio(num, den, n_boot=500, seed=2) == pytest.approx(
        tuple(expected), abs=1e-15
    )


def test_permutation_p_equals_exact_enumeration():
    # a: 1, 1, 0 of 1 each; b: 0, 0, 0. |d| = 2/3; of the 20 ways to pick 3 of 6 units as
    # "a", those with |d| >= 2/3 put both ones on one side with one zero: 2 * 4 = 8.
    num = np.array([1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
    den = np.ones(6)
    exact = (
        sum(
            abs(num[list(a)].sum() / 3 - (2 - num[list(a)].sum()) / 3) >= 2 / 3 - 1e-12
            for a in combinations(range(6), 3)
        )
        / 20
    )
    assert exact == pytest.approx(8 / 20)
    p = resampling.permutation_p(num, den, 3, n=20_000, seed=1)
    assert abs(p - exact) < 0.015


def test_permutation_p_undefined_difference_is_nan():
    assert math.isnan(resampling.permutation_p(np.ones(2), np.zeros(2), 1))
    assert math.isnan(resampling.permutation_p(np.ones(4), np.ones(4), 2, n=0))


def test_holm_is_monotone_and_ignores_nan():
    out = resampling.holm([0.01, 0.04, 0.03, math.nan])
    assert out[:3].tolist() == pytest.approx([0.03, 0.06, 0.06])
    assert math.isnan(out[3])


def test_percentile_interval_equals_np_quantile_bit_for_bit():
    rng = np.random.default_rng(11)
    levels = [resampling.LEVEL, 0.9, 0.5, 0.99, 0.0, 1.0, 0.999999, -0.5]
    for trial in range(3000):
        n = int(rng.choice([1, 2, 3, 5, 40, 199, 2000, int(rng.integers(1, 3000))]))
        kind = trial % 4
        if kind == 0:
            reps = rng.normal(size=n)
        elif kind == 1:  # ties, signed zeros and a few values numpy drops
            reps = rng.choice([-0.0, 0.0, 1.0, -2.5, 1e300, np.nan, np.inf], size=n)
        elif kind == 2:
            reps = rng.integers(-3, 4, size=n) * 0.1
        else:
            reps = rng.exponential(size=n) * 10.0 ** rng.integers(-300, 300)
        level = levels[trial % len(levels)]
        got = resampling.percentile_interval(reps, level)
        finite = reps[np.isfinite(reps)]
        if finite.size == 0:
            assert all(math.isnan(x) for x in got)
            continue
        alpha = (1.0 - level) / 2.0
        want = [float(x) for x in np.quantile(finite, [alpha, 1.0 - alpha])]
        assert [np.float64(x).tobytes() for x in got] == [np.float64(x).tobytes() for x in want]
    for level in (1.5, 3.0, math.nan):
        with pytest.raises(ValueError):
            resampling.percentile_interval(np.arange(5.0), level)
