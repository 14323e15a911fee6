"""Readability of each article with bootstrap intervals over its sentences."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from rhetoric import resampling
from rhetoric.analysis.records import as_articles
from rhetoric.measures import readability

__all__ = ["READABILITY_GRADES", "readability_intervals"]


_READABILITY_RATIOS = ("words_per_sentence", "syllables_per_word")

READABILITY_GRADES: tuple[str, ...] = tuple(
    m for m in readability.METRICS if m not in ("flesch_reading_ease", *_READABILITY_RATIOS)
)
"""Grade-like readability formulas :func:`readability_intervals` reports by default."""


def readability_intervals(
    analyses: Iterable[Any],
    metrics: Sequence[str] = READABILITY_GRADES,
    *,
    voice: str | None = None,
    n_boot: int = resampling.BOOTSTRAP_SAMPLES,
    level: float = resampling.LEVEL,
    seed: int = resampling.SEED,
) -> pd.DataFrame:
    """Readability formulas per article with percentile bootstrap intervals.

    One row per article and metric: ``id``, ``voice`` (``"all"`` or the voice given),
    ``metric``, ``value``, ``ci_low``, ``ci_high``, ``sentences``, ``words``. The value
    is :func:`rhetoric.measures.readability.measure` over the article's sentences (all of them,
    or only those whose voice label is ``voice``, e.g. ``"commentary"``). Each of the
    ``n_boot`` replicates draws that many sentences with replacement (seeded, so
    reproducible), adds up their counts (words, sentences, syllables, ...) and applies
    the same formula; the interval is the ``(1-level)/2`` and ``(1+level)/2``
    quantiles. A wide interval means a few sentences decide the grade. Intervals are
    NaN with fewer than two sentences. Needs the ``Doc`` (an ``Analysis``, or a record
    with ``text``); without it the row's values are NaN, with a warning.
    """
    rows: list[dict[str, Any]] = []
    label = voice or "all"
    for art in as_articles(analyses):
        doc = art.doc
        if doc is None:
            warnings.warn(f"{art.id}: no Doc or text; readability is NaN", stacklevel=2)
            ids: list[int] = []
        else:
            voices = [str(s.get("voice") or "") for s in art.list("sentences")]
            ids = [
                i
                for i, (first, last) in enumerate(doc.sentence_words)
                if last > first and (voice is None or (i < len(voices) and voices[i] == voice))
            ]
        fields = list(readability.ReadabilityCounts.__dataclass_fields__)
        per = np.array(
            [list(vars(readability.counts(doc, [i])).values()) for i in ids], dtype=float
        ).reshape(len(ids), len(fields))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # empty selections are reported as NaN rows
            point = readability.from_counts(
                readability.ReadabilityCounts(*(int(x) for x in per.sum(axis=0)))
                if len(ids)
                else readability.ReadabilityCounts(*([0] * len(fields)))
            )
        reps: dict[str, np.ndarray] = {}
        if len(ids) >= resampling.MIN_UNITS:
            values = [
                readability.from_counts(readability.ReadabilityCounts(*(int(x) for x in row)))
                for row in resampling.bootstrap_sums(per, n_boot, seed)
            ]
            reps = {m: np.array([v[m] for v in values], float) for m in metrics}
        n_words = int(per[:, fields.index("words")].sum()) if len(ids) else 0
        for m in metrics:
            low, high = (
                resampling.percentile_interval(reps[m], level)
                if m in reps
                else (
                    math.nan,
                    math.nan,
                )
            )
            rows.append(
                {
                    "id": art.id,
                    "voice": label,
                    "metric": m,
                    "value": float(point[m]),
                    "ci_low": low,
                    "ci_high": high,
                    "sentences": len(ids),
                    "words": n_words,
                }
            )
    columns = ["id", "voice", "metric", "value", "ci_low", "ci_high", "sentences", "words"]
    return pd.DataFrame(rows, columns=columns)
