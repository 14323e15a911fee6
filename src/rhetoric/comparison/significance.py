"""Significance: permutation tests between articles and between voices, Holm-adjusted.

Every test resamples the sentences with :mod:`rhetoric.resampling` and recomputes a
rate of :data:`rhetoric.analysis.sentences.SENTENCE_METRICS`, so the values it
compares are the record's own.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rhetoric.analysis.records import as_article, as_articles
from rhetoric.analysis.sentences import SENTENCE_METRICS, sentence_table
from rhetoric.resampling import PERMUTATIONS, SEED, holm

__all__ = [
    "VOICE_TEST_METRICS",
    "PermutationResult",
    "holm",
    "pairwise_tests",
    "permutation_test",
    "voice_test",
    "voice_tests",
]


@dataclass(frozen=True)
class PermutationResult:
    """Difference ``value_a - value_b`` of one metric and its two-sided p-value."""

    metric: str
    a: str
    b: str
    value_a: float
    value_b: float
    difference: float
    p_value: float
    n_permutations: int

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "metric": self.metric,
                "a": self.a,
                "b": self.b,
                "value_a": _json_float(self.value_a),
                "value_b": _json_float(self.value_b),
                "difference": _json_float(self.difference),
                "p_value": _json_float(self.p_value),
                "n_permutations": self.n_permutations,
            }
        ]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([vars(self)])


def _json_float(x: float) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def permutation_test(
    a: Any, b: Any, metric: str, n: int = PERMUTATIONS, *, seed: int = SEED
) -> PermutationResult:
    """Sentence-level permutation test for ``metric(a) - metric(b)``.

    The sentences of both articles are pooled and randomly re-split ``n`` times into
    groups the size of ``a`` and ``b``; the p-value is the share of re-splits whose
    absolute difference is at least the observed one, counting the observed split
    itself: ``p = (1 + #{|d*| >= |d|}) / (n + 1)`` (two-sided; Phipson & Smyth 2010).
    Small p means the articles' sentences differ more than a random split would.
    Both values are recomputed from the sentences with the definitions in
    :data:`SENTENCE_METRICS` (so they can differ in the last digits from the
    record's). Sentences are treated as exchangeable, which ignores that neighbouring
    sentences are alike: p-values are optimistic.
    """
    if metric not in SENTENCE_METRICS:
        raise ValueError(f"permutation_test() supports {sorted(SENTENCE_METRICS)}, not {metric!r}")
    art_a, art_b = as_article(a, 0), as_article(b, 1)
    stat = SENTENCE_METRICS[metric]
    ta, tb = sentence_table(art_a), sentence_table(art_b)
    va, vb = stat.value(ta), stat.value(tb)
    diff = va - vb
    if math.isnan(diff) or n < 1:
        warnings.warn(
            f"permutation_test(): {metric} is undefined for "
            f"{art_a.id if math.isnan(va) else art_b.id}",
            stacklevel=2,
        )
        return PermutationResult(metric, art_a.id, art_b.id, va, vb, diff, math.nan, 0)
    p = stat.permutation_p(ta, tb, n=n, seed=seed)
    return PermutationResult(metric, art_a.id, art_b.id, va, vb, diff, p, n)


VOICE_TEST_METRICS = ("loaded_per_100_words", "sentiment_mean")
"""Metrics :func:`voice_test` compares between commentary and quote sentences."""


def voice_test(
    article: Any, metric: str = "loaded_per_100_words", n: int = PERMUTATIONS, *, seed: int = SEED
) -> PermutationResult:
    """Within one article: does ``metric`` differ between commentary and quote sentences?

    Only the sentences labelled ``commentary`` (no quoted word) and ``quote`` (at least
    75% of words quoted) take part; ``mixed`` sentences are left out. ``value_a`` is
    ``metric`` over the commentary sentences, ``value_b`` over the quote sentences, with
    the definitions of :data:`SENTENCE_METRICS` (``loaded_per_100_words``: 100 × loaded
    terms / words; ``sentiment_mean``: the VADER-normalised word-weighted mean
    valence, which equals the record's ``sentiment_mean_commentary`` and
    ``sentiment_mean_quotes``). Because mixed sentences are dropped, the loaded rates
    differ a little from ``loaded_per_100_words_commentary``/``_quotes``, which split
    words rather than sentences.

    The voice labels of the two groups are shuffled ``n`` times;
    ``p = (1 + #{|d*| >= |d|}) / (n + 1)`` (two-sided; Phipson & Smyth 2010). Small p:
    the author's own sentences differ from the quoted ones more than a random
    relabelling would. Sentences are treated as exchangeable (neighbours are alike), so
    p is optimistic. ``a`` and ``b`` of the result are ``"<id>: commentary"`` and
    ``"<id>: quote"``; with fewer than one sentence in either group the values are NaN
    (with a warning).
    """
    if metric not in VOICE_TEST_METRICS:
        raise ValueError(f"voice_test() supports {list(VOICE_TEST_METRICS)}, not {metric!r}")
    art = as_article(article)
    stat = SENTENCE_METRICS[metric]
    table = sentence_table(art)
    ta = table[table["voice"] == "commentary"].reset_index(drop=True)
    tb = table[table["voice"] == "quote"].reset_index(drop=True)
    va = stat.value(ta) if len(ta) else math.nan
    vb = stat.value(tb) if len(tb) else math.nan
    diff = va - vb
    a, b = f"{art.id}: commentary", f"{art.id}: quote"
    if math.isnan(diff) or n < 1:
        warnings.warn(
            f"voice_test(): {metric} is undefined for the "
            f"{'commentary' if math.isnan(va) else 'quote'} sentences of {art.id}",
            stacklevel=2,
        )
        return PermutationResult(metric, a, b, va, vb, diff, math.nan, 0)
    p = stat.permutation_p(ta, tb, n=n, seed=seed)
    return PermutationResult(metric, a, b, va, vb, diff, p, n)


def pairwise_tests(
    analyses: Iterable[Any], metrics: Sequence[str], n: int = PERMUTATIONS, *, seed: int = SEED
) -> pd.DataFrame:
    """:func:`permutation_test` for every pair of articles and every metric, Holm-adjusted.

    One row per (metric, pair), in the order the metrics and articles are given:
    ``metric``, ``a``, ``b``, ``value_a``, ``value_b``, ``difference`` (a - b),
    ``p_value`` and ``p_holm`` (Holm's adjustment over all rows of the table, so it is
    honest about how many differences were looked at).
    """
    arts = as_articles(analyses)
    rows = []
    for metric in metrics:
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                res = permutation_test(arts[i], arts[j], metric, n, seed=seed)
                rows.append(
                    {k: getattr(res, k) for k in ("metric", "a", "b", "value_a", "value_b")}
                    | {"difference": res.difference, "p_value": res.p_value}
                )
    columns = ["metric", "a", "b", "value_a", "value_b", "difference", "p_value", "p_holm"]
    frame = pd.DataFrame(rows, columns=columns[:-1])
    frame["p_holm"] = holm(frame["p_value"].to_numpy(float)) if len(frame) else []
    return frame


def voice_tests(
    analyses: Iterable[Any],
    metrics: Sequence[str] = VOICE_TEST_METRICS,
    n: int = PERMUTATIONS,
    *,
    seed: int = SEED,
) -> pd.DataFrame:
    """:func:`voice_test` for every article and metric, with Holm-adjusted p-values.

    One row per (article, metric): ``id``, ``metric``, ``commentary`` and ``quote``
    (the metric over each group of sentences), ``difference`` (commentary - quote),
    ``p_value``, ``p_holm`` (over all rows) and ``n_commentary`` /
    ``n_quote`` (how many sentences each group has).
    """
    rows = []
    for art in as_articles(analyses):
        voices = [str(s.get("voice") or "") for s in art.list("sentences")]
        for metric in metrics:
            res = voice_test(art, metric, n, seed=seed)
            rows.append(
                {
                    "id": art.id,
                    "metric": metric,
                    "commentary": res.value_a,
                    "quote": res.value_b,
                    "difference": res.difference,
                    "p_value": res.p_value,
                    "n_commentary": voices.count("commentary"),
                    "n_quote": voices.count("quote"),
                }
            )
    columns = ["id", "metric", "commentary", "quote", "difference", "p_value"]
    columns += ["p_holm", "n_commentary", "n_quote"]
    frame = pd.DataFrame(rows, columns=[c for c in columns if c != "p_holm"])
    frame.insert(6, "p_holm", holm(frame["p_value"].to_numpy(float)) if len(frame) else [])
    return frame
