"""Comparing articles: one table of every metric, with bootstrap intervals.

:func:`compare` accepts analyses in either form: :class:`rhetoric.analysis.result.Analysis`
objects or their ``to_dict()`` records (for example read back with
:func:`rhetoric.analysis.records.read_records`), and gives the same table for both.

The point values are the record's. The rates over sentences
(:data:`rhetoric.analysis.sentences.SENTENCE_METRICS`) get bootstrap intervals from
:mod:`rhetoric.resampling`, which treats an article's sentences as the sampling unit
(Efron & Tibshirani 1993, ch. 13, percentile interval): each replicate draws as many
sentences as the article has, with replacement, and recomputes the rate. A short
article has few sentences to resample, so its interval is wide; that is the point of
showing it. With the default settings these are the intervals the record itself
carries (``sentiment_ci_low``/``sentiment_ci_high`` is ``sentiment_mean``'s).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from rhetoric import resampling
from rhetoric.analysis.records import as_articles, number
from rhetoric.analysis.sentences import SENTENCE_METRICS, sentence_columns

__all__ = ["compare"]

_CI_SUFFIXES = ("_ci_low", "_ci_high")


def compare(
    analyses: Iterable[Any],
    *,
    n_boot: int = resampling.BOOTSTRAP_SAMPLES,
    level: float = resampling.LEVEL,
    seed: int = resampling.SEED,
    min_sentences: int = resampling.MIN_UNITS,
) -> pd.DataFrame:
    """One row per article (index ``id``): every metric, with bootstrap intervals.

    Columns: ``title``, ``n_words``, ``n_sentences``, then for each metric found in
    any record, ``<metric>``, ``<metric>_ci_low`` and ``<metric>_ci_high``. The point
    value is the record's own figure (a rate the record lacks is computed from its
    sentences). Intervals are percentile intervals at ``level`` from ``n_boot``
    replicates that resample the article's sentences with replacement (seeded with
    ``seed``, so the table is reproducible), for the rates in
    :data:`~rhetoric.analysis.sentences.SENTENCE_METRICS`; every other metric (counts,
    readability formulas) has the record's bounds if it has any, else NaN. An interval
    is NaN, too, when fewer than ``min_sentences`` sentences contribute to its
    denominator (a single quoted sentence cannot say how variable quotes are).

    Wider is "less certain": with a few hundred words the interval of a rate such as
    ``loaded_per_100_words`` often spans a factor of two or more.
    """
    arts = as_articles(analyses)
    if not arts:
        warnings.warn("compare(): no analyses given; returning an empty table", stacklevel=2)
        return pd.DataFrame(columns=["title", "n_words", "n_sentences"]).rename_axis("id")
    names: list[str] = []
    for art in arts:
        for name in art.metrics:
            if name.endswith(_CI_SUFFIXES) or name in names or name in ("words", "sentences"):
                continue
            names.append(name)
    names += [name for name in SENTENCE_METRICS if name not in names]
    rows = []
    for art in arts:
        table = sentence_columns(art)
        n_sentences = len(table["start"])
        n_words = number(art.metrics.get("words"))
        if math.isnan(n_words):
            n_words = float(table["n_words"].sum())
        if np.isnan(table["n_words"]).any():
            warnings.warn(
                f"{art.id}: sentence word counts are unknown (no Doc, text or words); "
                "rates have no intervals",
                stacklevel=2,
            )
        if not n_sentences or n_words == 0:
            warnings.warn(f"{art.id}: no body words; its metrics are NaN", stacklevel=2)
        parts = {name: rate.parts(table) for name, rate in SENTENCE_METRICS.items()}
        # every rate's replicates from one set of resamples of the sentences
        reps = resampling.bootstrap_sums(
            np.column_stack([c for pair in parts.values() for c in pair]), n_boot, seed
        )
        sums = {name: (reps[:, 2 * j], reps[:, 2 * j + 1]) for j, name in enumerate(parts)}
        row: dict[str, Any] = {
            "id": art.id,
            "title": art.title,
            "n_words": n_words,
            "n_sentences": number(art.metrics.get("sentences", n_sentences)),
        }
        for name in names:
            value = number(art.metrics.get(name))
            low = number(art.metrics.get(f"{name}_ci_low"))
            high = number(art.metrics.get(f"{name}_ci_high"))
            rate = SENTENCE_METRICS.get(name)
            if rate is not None and n_sentences:
                if name not in art.metrics:
                    value = rate.value(table)
                low, high = rate.interval(
                    table, sums=sums[name], level=level, min_units=min_sentences
                )
            row[name] = value
            row[f"{name}_ci_low"] = low
            row[f"{name}_ci_high"] = high
        rows.append(row)
    return pd.DataFrame(rows).set_index("id")
