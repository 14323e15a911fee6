"""Groups of articles compared: outlets (or any column) over a table of metrics.

Here the unit is the article, not the sentence: a group's figure for a metric is the
mean of its articles' values, its 95% interval comes from resampling the group's
articles with replacement (:func:`rhetoric.resampling.bootstrap_ratio`, a percentile
interval), and two groups are compared by a permutation test that re-splits their
articles (:func:`rhetoric.resampling.permutation_p`), with Holm's adjustment over every
pair and metric. Articles where a metric is undefined (NaN: no quotes, no words) do
not count for that metric. This is how a researcher compares, say, a left and a right
outlet on a thousand articles each; with a handful of articles a group's interval is
wide, as it should be.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from rhetoric import resampling
from rhetoric.analysis.sentences import SENTENCE_METRICS

__all__ = ["DEFAULT_METRICS", "GroupComparison", "compare_groups"]

DEFAULT_METRICS = (*SENTENCE_METRICS, "flesch_kincaid_grade")
"""The metrics compared when none are named (those the table has)."""


@dataclass(frozen=True)
class GroupComparison:
    """``table``: one row per group (``n_articles``, then for each metric its mean,
    ``_ci_low``, ``_ci_high`` and ``_n``, the articles where it is defined);
    ``tests``: one row per metric and pair of groups (``mean_a``, ``mean_b``,
    ``difference``, ``p_value``, ``p_holm``)."""

    by: str
    metrics: tuple[str, ...]
    table: pd.DataFrame
    tests: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The per-group table."""
        return self.table


def compare_groups(
    frame: pd.DataFrame,
    by: str = "outlet",
    metrics: Sequence[str] | None = None,
    *,
    n_boot: int = resampling.BOOTSTRAP_SAMPLES,
    n_permutations: int = resampling.PERMUTATIONS,
    level: float = resampling.LEVEL,
    seed: int = resampling.SEED,
) -> GroupComparison:
    """Compare the groups of ``frame`` (a table of metrics, one row per article, such as
    :func:`rhetoric.analyze_frame` or the CLI's csv/parquet output read back) by the
    column ``by``. Rows whose group is missing are left out; rows with an ``error`` have
    NaN metrics and so count for no metric.
    """
    if by not in frame.columns:
        raise ValueError(f"no column {by!r} to group by (the table has {list(frame.columns)})")
    if metrics is None:
        metrics = [m for m in DEFAULT_METRICS if m in frame.columns]
    missing = [m for m in metrics if m not in frame.columns]
    if missing:
        raise ValueError(f"no metric column {', '.join(map(repr, missing))}")
    frame = frame[frame[by].notna()]
    groups = list(dict.fromkeys(frame[by]))
    values = {
        g: {m: pd.to_numeric(part[m], errors="coerce").to_numpy(float) for m in metrics}
        for g, part in frame.groupby(by, sort=False)
    }
    rows = []
    for g in groups:
        row: dict[str, object] = {by: g, "n_articles": int((frame[by] == g).sum())}
        for m in metrics:
            x = values[g][m]
            x = x[np.isfinite(x)]
            row[m] = float(x.mean()) if x.size else math.nan
            low, high = resampling.bootstrap_ratio(
                x, np.ones_like(x), n_boot=n_boot, level=level, seed=seed
            )
            row[f"{m}_ci_low"], row[f"{m}_ci_high"], row[f"{m}_n"] = low, high, int(x.size)
        rows.append(row)
    tests = []
    for m in metrics:
        for a, b in combinations(groups, 2):
            xa, xb = (values[g][m][np.isfinite(values[g][m])] for g in (a, b))
            both = np.concatenate([xa, xb])
            mean_a = float(xa.mean()) if xa.size else math.nan
            mean_b = float(xb.mean()) if xb.size else math.nan
            p = (
                resampling.permutation_p(
                    both, np.ones_like(both), xa.size, n=n_permutations, seed=seed
                )
                if xa.size and xb.size
                else math.nan
            )
            tests.append(
                {
                    "metric": m,
                    "a": a,
                    "b": b,
                    "n_a": int(xa.size),
                    "n_b": int(xb.size),
                    "mean_a": mean_a,
                    "mean_b": mean_b,
                    "difference": mean_a - mean_b,
                    "p_value": p,
                }
            )
    test_frame = pd.DataFrame(
        tests,
        columns=["metric", "a", "b", "n_a", "n_b", "mean_a", "mean_b", "difference", "p_value"],
    )
    test_frame["p_holm"] = resampling.holm(test_frame["p_value"].to_numpy(float))
    return GroupComparison(by, tuple(metrics), pd.DataFrame(rows).set_index(by), test_frame)
