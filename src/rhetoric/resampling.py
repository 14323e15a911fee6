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
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

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


_BLOCK_CELLS = 1 << 21
"""Draws held in memory at once (about 16 MB): a huge article is resampled in blocks."""
_CACHED_CELLS = 1 << 18
"""Draws of up to this many cells (2 MB; 131 sentences at 2,000 replicates) are cached."""


def _counts(draws: np.ndarray, n: int) -> np.ndarray:
    """How often each of ``n`` units is drawn in each row of ``draws`` (floats)."""
    size = len(draws)
    flat = (draws + np.arange(size)[:, None] * n).ravel()
    return np.bincount(flat, minlength=size * n).reshape(size, n).astype(float)


@lru_cache(maxsize=16)  # at most 32 MB
def _cached_counts(n: int, n_boot: int, seed: int) -> np.ndarray:
    draws = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    counts = _counts(draws, n)
    counts.flags.writeable = False
    return counts


def _blocks(n: int, n_boot: int, seed: int) -> Iterator[tuple[int, np.ndarray]]:
    """``(first replicate, counts)`` blocks of the ``(n_boot, n)`` draw counts that seed
    ``seed`` gives, drawn block by block in bounded memory (for a huge article)."""
    rng = np.random.default_rng(seed)
    block = max(1, _BLOCK_CELLS // n)
    for lo in range(0, n_boot, block):
        yield lo, _counts(rng.integers(0, n, size=(min(block, n_boot - lo), n)), n)


def bootstrap_sums(
    per_unit: np.ndarray, n_boot: int = BOOTSTRAP_SAMPLES, seed: int = SEED
) -> np.ndarray:
    """Column sums of ``per_unit`` (``(n,)`` or ``(n, k)``) over resampled units:
    ``(n_boot,)`` or ``(n_boot, k)``.

    Each replicate draws ``n`` units uniformly with replacement. The replicates depend
    only on ``(n, n_boot, seed)``, and each column is summed on its own, so statistics
    of the same units computed together or apart see the same resamples and get the
    same floats. Replicates are drawn in blocks, so memory stays bounded on huge inputs.
    """
    per = np.asarray(per_unit, float)
    cols = per[:, None] if per.ndim == 1 else per
    if not len(cols):
        out = np.zeros((n_boot, cols.shape[1]))
        return out[:, 0] if per.ndim == 1 else out
    sums = _column_sums(list(cols.T), n_boot, seed)
    return sums[0] if per.ndim == 1 else np.column_stack(sums)


def _column_sums(columns: list[np.ndarray], n_boot: int, seed: int) -> list[np.ndarray]:
    """The replicates of the sum of each column (all of one length ``n`` > 0), one column
    at a time, so each gets the same floats however many are summed together. Small
    articles' counts are cached (many articles of a corpus share a sentence count)."""
    columns = [np.ascontiguousarray(c) for c in columns]
    n = len(columns[0])
    if n * n_boot <= _CACHED_CELLS:
        counts = _cached_counts(n, n_boot, seed)
        return [counts @ col for col in columns]
    out = [np.empty(n_boot) for _ in columns]
    for lo, counts in _blocks(n, n_boot, seed):
        for sums, col in zip(out, columns, strict=True):
            sums[lo : lo + len(counts)] = counts @ col
    return out


def percentile_interval(replicates: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
    """The ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the finite replicates
    (NaN, NaN when there is none): ``np.quantile(reps, [alpha, 1 - alpha])``, its default
    linear method computed here in the same operations (the same floats, a test compares
    them), as ``np.quantile``'s own checks and dispatch cost more than the partition."""
    reps = np.asarray(replicates, float)
    reps = reps[np.isfinite(reps)]
    if reps.size == 0:
        return math.nan, math.nan
    alpha = (1.0 - level) / 2.0
    if not (0.0 <= alpha <= 1.0 and 0.0 <= 1.0 - alpha <= 1.0):  # as np.quantile checks
        raise ValueError("Quantiles must be in the range [0, 1]")
    points = [_linear_point(reps.size, q) for q in (alpha, 1.0 - alpha)]
    order = np.partition(reps, sorted({k for i, j, _ in points for k in (i, j)}))
    low, high = (_lerp(float(order[i]), float(order[j]), t) for i, j, t in points)
    return low, high


def _linear_point(n: int, q: float) -> tuple[int, int, float]:
    """Where ``np.quantile``'s linear method finds quantile ``q`` (0 to 1) of ``n`` sorted
    values: the two neighbouring positions and the weight of the second, computed as
    numpy does (virtual index ``(n - 1) * q``; at the last position numpy's previous
    index is -1, which the weight keeps)."""
    virtual = (n - 1) * q
    if virtual >= n - 1:
        return n - 1, n - 1, virtual + 1
    previous = math.floor(virtual)
    return previous, previous + 1, virtual - previous


def _lerp(a: float, b: float, t: float) -> float:
    """numpy's ``_lerp``: ``a + (b - a) * t``, or ``b - (b - a) * (1 - t)`` from t = 0.5."""
    diff = b - a
    return b - diff * (1 - t) if t >= 0.5 else a + diff * t


def ratio(
    num: np.ndarray | float,
    den: np.ndarray | float,
    scale: float = 1.0,
    post: Callable[[np.ndarray], np.ndarray] | None = None,
) -> np.ndarray | float:
    """``post(scale * num / den)`` elementwise, NaN where ``den`` is not positive."""
    scalar = isinstance(num, float) and isinstance(den, float)  # np.float64 too, at once
    if scalar or (np.ndim(num) == 0 and np.ndim(den) == 0):  # one value: no array needed
        if not float(den) > 0:
            return math.nan
        value = scale * float(num) / float(den)
        return float(post(value)) if post is not None else value
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
    sums: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[float, float]:
    """Percentile interval of ``ratio(sum(num), sum(den))`` over resampled units.

    ``sums`` may give the replicates of ``sum(num)`` and ``sum(den)`` already drawn (by
    :func:`bootstrap_sums` with the same ``n_boot`` and ``seed``, over many columns at
    once); otherwise they are drawn here, and are the same. NaN when fewer than
    ``min_units`` units have a non-zero denominator; replicates whose denominator is
    zero are dropped.
    """
    num, den = np.asarray(num, float), np.asarray(den, float)
    if len(num) == 0 or np.count_nonzero(den) < min_units:
        return math.nan, math.nan
    if sums is None:
        sums = _column_sums([num, den], n_boot, seed)
    return percentile_interval(ratio(sums[0], sums[1], scale, post), level)


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
        k = min(max(1, _BLOCK_CELLS // max(n_all, 1)), n - done)  # bounded memory
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
