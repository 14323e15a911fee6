"""Resampling: the one bootstrap, permutation test and Holm adjustment of the package.

Every interval and p-value that ``rhetoric`` reports comes from here, with the defaults
below, so the same quantity gets the same interval wherever it is shown: in the
record of :func:`rhetoric.analyze`, in :func:`rhetoric.comparison.metrics.compare`, in
the charts and in the notebook tables.

The sampling unit is the sentence (Efron & Tibshirani 1993, *An Introduction to the
Bootstrap*, ch. 13, percentile interval). Most statistics are a ratio of two sums
over sentences, ``scale * post(sum(num) / sum(den))``, so one replicate is a weighted
sum: a matrix of resampling counts times the per-sentence columns.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

BOOTSTRAP_SAMPLES = 2000
"""Bootstrap replicates behind every interval."""

SEED = 0
"""Seed of every resampling, so each table and record is reproducible."""

LEVEL = 0.95
"""Coverage of every interval."""

MIN_UNITS = 2
"""Fewest sentences with a non-zero denominator for an interval (one says nothing about
how variable the others would be)."""

PERMUTATIONS = 10_000
"""Random re-splits behind every permutation p-value."""


def bootstrap_counts(n_units: int, n_boot: int = BOOTSTRAP_SAMPLES, seed: int = SEED) -> np.ndarray:
    """``(n_boot, n_units)`` counts: how often each unit is drawn in each replicate.

    Each replicate draws ``n_units`` units uniformly with replacement. The same
    ``(n_units, n_boot, seed)`` always gives the same matrix, so statistics of one
    article resampled separately still see the same replicates.
    """
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n_units, size=(n_boot, n_units)) if n_units else np.zeros((n_boot, 0))
    offsets = np.arange(n_boot)[:, None] * n_units
    flat = (draws.astype(np.int64) + offsets).ravel()
    return np.bincount(flat, minlength=n_boot * n_units).reshape(n_boot, n_units).astype(float)


def percentile_interval(replicates: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
    """The ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the finite replicates
    (NaN, NaN when there is none)."""
    reps = np.asarray(replicates, float)
    reps = reps[np.isfinite(reps)]
    if reps.size == 0:
        return math.nan, math.nan
    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(reps, [alpha, 1.0 - alpha])
    return float(low), float(high)


def ratio(
    num: np.ndarray | float,
    den: np.ndarray | float,
    scale: float = 1.0,
    post: Callable[[np.ndarray], np.ndarray] | None = None,
) -> np.ndarray | float:
    """``post(scale * num / den)`` elementwise, NaN where ``den`` is not positive."""
    num_a, den_a = np.asarray(num, float), np.asarray(den, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den_a > 0, scale * num_a / den_a, np.nan)
    if post is not None:
        out = post(out)
    return float(out) if np.ndim(out) == 0 else out


def bootstrap_ratio(
    num: np.ndarray,
    den: np.ndarray,
    *,
    scale: float = 1.0,
    post: Callable[[np.ndarray], np.ndarray] | None = None,
    n_boot: int = BOOTSTRAP_SAMPLES,
    level: float = LEVEL,
    seed: int = SEED,
    min_units: int = MIN_UNITS,
    counts: np.ndarray | None = None,
) -> tuple[float, float]:
    """Percentile interval of ``ratio(sum(num), sum(den))`` over resampled units.

    ``counts`` (from :func:`bootstrap_counts`) may be passed to reuse one set of
    replicates for several statistics of the same units. NaN when fewer than
    ``min_units`` units have a non-zero denominator; replicates whose denominator is
    zero are dropped.
    """
    num, den = np.asarray(num, float), np.asarray(den, float)
    if len(num) == 0 or np.count_nonzero(den) < min_units:
        return math.nan, math.nan
    if counts is None:
        counts = bootstrap_counts(len(num), n_boot, seed)
    return percentile_interval(ratio(counts @ num, counts @ den, scale, post), level)


def bootstrap_sums(
    per_unit: np.ndarray, n_boot: int = BOOTSTRAP_SAMPLES, seed: int = SEED
) -> np.ndarray:
    """``(n_boot, k)`` column sums of ``per_unit`` (``(n, k)``) over resampled units, for
    statistics that are a function of summed counts (readability formulas)."""
    per_unit = np.asarray(per_unit, float)
    return bootstrap_counts(len(per_unit), n_boot, seed) @ per_unit


def permutation_p(
    num: np.ndarray,
    den: np.ndarray,
    n_a: int,
    *,
    scale: float = 1.0,
    post: Callable[[np.ndarray], np.ndarray] | None = None,
    n: int = PERMUTATIONS,
    seed: int = SEED,
) -> float:
    """Two-sided permutation p-value of ``ratio(first n_a units) - ratio(the rest)``.

    The units are randomly re-split ``n`` times into groups of the same sizes;
    ``p = (1 + #{|d*| >= |d|}) / (n + 1)`` (Phipson & Smyth 2010), counting the
    observed split. Re-splits with an undefined difference count as not exceeding.
    NaN when the observed difference is undefined or ``n < 1``.
    """
    num, den = np.asarray(num, float), np.asarray(den, float)
    n_all = len(num)
    diff = ratio(num[:n_a].sum(), den[:n_a].sum(), scale, post) - ratio(
        num[n_a:].sum(), den[n_a:].sum(), scale, post
    )
    if n < 1 or math.isnan(diff):
        return math.nan
    rng = np.random.default_rng(seed)
    exceed = done = 0
    tolerance = 1e-12 * max(1.0, abs(diff))
    while done < n:
        k = min(2000, n - done)
        order = rng.permuted(np.tile(np.arange(n_all), (k, 1)), axis=1)
        in_a = np.zeros((k, n_all))
        np.put_along_axis(in_a, order[:, :n_a], 1.0, axis=1)
        in_b = 1.0 - in_a
        d = ratio(in_a @ num, in_a @ den, scale, post) - ratio(in_b @ num, in_b @ den, scale, post)
        exceed += int(np.sum(np.abs(d) >= abs(diff) - tolerance))
        done += k
    return (1 + exceed) / (n + 1)


def holm(p_values: Sequence[float]) -> np.ndarray:
    """Holm's step-down adjustment of p-values for multiple tests (Holm 1979).

    Sort the ``m`` p-values ascending; the ``k``-th smallest (from 0) becomes
    ``max over j <= k of min(1, (m - j) * p_(j))``. Adjusted values are never smaller
    than the raw ones; NaN stays NaN and does not count towards ``m``.
    """
    p = np.asarray(p_values, float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    running = 0.0
    for rank, i in enumerate(ok[np.argsort(p[ok], kind="stable")]):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out
