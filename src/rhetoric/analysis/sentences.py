"""The per-sentence table, and every rate of an article defined once over it.

:func:`sentence_table` gives one row per body sentence with every count and score a
rate needs. Each rate in :data:`SENTENCE_METRICS` is a :class:`Rate`: a numerator and
a denominator per sentence, summed over the article, ``scale * post(sum(num) /
sum(den))``. The record of :func:`rhetoric.analyze` takes its value and interval from
here, and so do :func:`rhetoric.comparison.metrics.compare`, the permutation tests,
the charts and the tables: the same quantity has one value everywhere.

Intervals are :func:`rhetoric.resampling.bootstrap_ratio` over the article's sentences,
with that module's defaults.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from rhetoric import resampling
from rhetoric.analysis.records import as_article, number
from rhetoric.measures.sentiment import VADER_ALPHA, normalize, weighted_parts
from rhetoric.text.tokens import span_at

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from rhetoric.measures.loaded import LoadedResult
    from rhetoric.measures.sentiment import SentimentResult
    from rhetoric.measures.voice import VoiceResult

Table = Union["pd.DataFrame", Mapping[str, np.ndarray]]
"""A :func:`sentence_table`, or its :func:`sentence_columns`."""

__all__ = [
    "SENTENCE_METRICS",
    "Rate",
    "analysis_columns",
    "rate_values",
    "sentence_columns",
    "sentence_of",
    "sentence_table",
]


def _span_index(starts: list[int], ends: list[int], offset: Any) -> int:
    try:
        return span_at(starts, ends, int(offset))
    except (TypeError, ValueError):
        return -1


def sentence_of(table: Any, offsets: Iterable[Any]) -> list[int]:
    """Row of a :func:`sentence_table` holding each offset (-1 for none, or for an
    offset that is not a number)."""
    starts, ends = list(table["start"]), list(table["end"])
    return [_span_index(starts, ends, pos) for pos in offsets]


def _unsquash(compound: np.ndarray) -> np.ndarray:
    """Sentence valence from its VADER compound (inverse of ``v / sqrt(v**2 + 15)``), for
    records before schema 1.1, which have no ``valence``. Compounds of +-1 (rounded) are
    capped at +-0.9999, so the recovered valence of an extreme sentence is a little low.
    """
    c = np.clip(np.asarray(compound, float), -0.9999, 0.9999)
    return c * np.sqrt(VADER_ALPHA) / np.sqrt(1.0 - c * c)


def sentence_columns(article: Any) -> dict[str, np.ndarray]:
    """The columns of :func:`sentence_table` as numpy arrays (no pandas)."""
    art = as_article(article)
    sents = sorted(art.list("sentences"), key=lambda s: int(s.get("start", 0)))

    def column(key: str) -> np.ndarray:
        return np.array([number(s.get(key)) for s in sents], float)

    starts = np.array([int(s.get("start", 0)) for s in sents], dtype=int)
    ends = np.array([int(s.get("end", 0)) for s in sents], dtype=int)
    n_words = column("words")
    if art.doc is not None:
        missing = np.flatnonzero(np.isnan(n_words))
        n_words[missing] = [art.doc.count_words(starts[i], ends[i]) for i in missing]
    quote_words = column("quoted_words")
    missing = np.isnan(quote_words)
    quote_words[missing] = column("quoted_share")[missing] * n_words[missing]
    return _columns(
        starts,
        ends,
        np.array([str(s.get("voice") or "") for s in sents], dtype=object),
        column("sentiment"),
        column("valence"),
        n_words,
        quote_words,
        column("bias"),
        [(term.get("start"), term.get("in_quote")) for term in art.list("loaded")],
    )


def analysis_columns(
    voice: VoiceResult, sentiment: SentimentResult, loaded: LoadedResult
) -> dict[str, np.ndarray]:
    """:func:`sentence_columns` of the record of an analysis with these parts, read from
    the parts themselves (what :func:`rhetoric.analyze` computes its rates from: the
    record, its numbers written and read back, would give the same arrays)."""
    sents = voice.sentences
    bias = loaded.sentence_bias or [math.nan] * len(sents)
    return _columns(
        np.array([v.start for v in sents], dtype=int),
        np.array([v.end for v in sents], dtype=int),
        np.array([v.voice for v in sents], dtype=object),
        _finite([s.compound for s in sentiment.sentences]),
        _finite([s.valence for s in sentiment.sentences]),
        np.array([v.words for v in sents], float),
        np.array([v.quoted_words for v in sents], float),
        _finite(bias),
        [(t.start, t.in_quote) for t in loaded.terms],
    )


def _finite(values: Iterable[float]) -> np.ndarray:
    """``values`` as floats, NaN where not finite (as a record stores them: None)."""
    out = np.array(values, float)
    out[~np.isfinite(out)] = math.nan
    return out


def _columns(
    starts: np.ndarray,
    ends: np.ndarray,
    voice: np.ndarray,
    sentiment: np.ndarray,
    valence: np.ndarray,
    n_words: np.ndarray,
    quote_words: np.ndarray,
    bias: np.ndarray,
    loaded: list[tuple[Any, Any]],
) -> dict[str, np.ndarray]:
    """The table from its per-sentence columns (sorted by start; a valence that is
    unknown is recovered from the compound) and each loaded term's (start, in_quote)."""
    missing = np.isnan(valence)
    if missing.any():  # only records before schema 1.1
        valence[missing] = _unsquash(sentiment[missing])
    total = np.zeros(len(starts))
    in_q = np.zeros(len(starts))
    starts_list, ends_list = starts.tolist(), ends.tolist()
    for start, in_quote in loaded:
        i = _span_index(starts_list, ends_list, start)
        if i >= 0:
            total[i] += 1
            in_q[i] += bool(in_quote)
    return {
        "start": starts,
        "end": ends,
        "voice": voice,
        "sentiment": sentiment,
        "valence": valence,
        "n_words": n_words,
        "quote_words": quote_words,
        "loaded": total,
        "loaded_commentary": total - in_q,
        "loaded_quotes": in_q,
        "bias": bias,
    }


def sentence_table(article: Any) -> pd.DataFrame:
    """One row per sentence of an analysis or its record, sorted by ``start``.

    Columns: ``start``, ``end``, ``voice``, ``sentiment`` (VADER compound), ``valence``
    (the record's; for records before schema 1.1, recovered from the compound),
    ``n_words`` (the record's ``words``, else counted in the ``Doc``), ``quote_words``
    (the record's ``quoted_words``, else ``quoted_share`` × ``n_words``), ``loaded``,
    ``loaded_commentary``, ``loaded_quotes`` (loaded terms starting in the sentence,
    split by ``in_quote``), ``bias`` (the sentence bias probability; NaN for records
    before schema 1.2). A count the record cannot give is NaN.
    """
    import pandas as pd

    return pd.DataFrame(sentence_columns(article))


@dataclass(frozen=True)
class Rate:
    """A rate over sentences: ``scale * post(sum(num) / sum(den))``.

    ``terms`` maps the :func:`sentence_table` to ``(num, den)``, one number per sentence
    each.
    """

    terms: Callable[[Table], tuple[np.ndarray, np.ndarray]]
    scale: float = 1.0
    description: str = ""
    post: Callable[[np.ndarray], np.ndarray] | None = None

    def parts(self, table: Table) -> tuple[np.ndarray, np.ndarray]:
        """Per-sentence numerator and denominator (0 where either is unknown)."""
        return self._parts_and_sums(table)[:2]

    def _parts_and_sums(self, table: Table) -> tuple[np.ndarray, np.ndarray, float, float]:
        """:meth:`parts` and their sums."""
        num, den = self.terms(table)
        num, den = np.asarray(num, float), np.asarray(den, float)
        num_sum, den_sum = num.sum(), den.sum()
        if math.isfinite(num_sum + den_sum):  # then every entry is finite
            return num, den, num_sum, den_sum
        bad = ~(np.isfinite(num) & np.isfinite(den))
        num, den = np.where(bad, 0.0, num), np.where(bad, 0.0, den)
        return num, den, num.sum(), den.sum()

    def value(self, table: Table) -> float:
        """The rate over every row of ``table`` (NaN when the denominator is 0)."""
        _, _, num_sum, den_sum = self._parts_and_sums(table)
        return float(resampling.ratio(num_sum, den_sum, self.scale, self.post))

    def interval(self, table: Table, **options: Any) -> tuple[float, float]:
        """Bootstrap interval over the rows (:func:`rhetoric.resampling.bootstrap_ratio`;
        ``options`` are its ``n_boot``, ``level``, ``seed``, ``min_units`` and ``sums``)."""
        num, den = self.parts(table)
        return resampling.bootstrap_ratio(num, den, scale=self.scale, post=self.post, **options)

    def permutation_p(self, a: Table, b: Table, **options: Any) -> float:
        """Two-sided permutation p-value of ``value(a) - value(b)`` (sentences re-split;
        :func:`rhetoric.resampling.permutation_p`)."""
        num_a, den_a = self.parts(a)
        num_b, den_b = self.parts(b)
        return resampling.permutation_p(
            np.concatenate([num_a, num_b]),
            np.concatenate([den_a, den_b]),
            len(num_a),
            scale=self.scale,
            post=self.post,
            **options,
        )


def _cols(num: str, den: str) -> Callable[[Table], tuple[np.ndarray, np.ndarray]]:
    return lambda t: (t[num], t[den])


def _commentary(t: Table) -> tuple[np.ndarray, np.ndarray]:
    words = np.asarray(t["n_words"], float) - np.asarray(t["quote_words"], float)
    return t["loaded_commentary"], words


def _sentiment(voice: str | None, what: str) -> Rate:
    """``sentiment_mean`` of :func:`rhetoric.measures.sentiment.aggregate` over the
    sentences of ``voice`` (all with None)."""

    def terms(t: Table) -> tuple[np.ndarray, np.ndarray]:
        n = np.asarray(t["n_words"], float)
        if voice is not None:
            n = np.where(np.asarray(t["voice"]) == voice, n, 0.0)
        return weighted_parts(np.asarray(t["valence"], float), n)

    return Rate(
        terms,
        1.0,
        f"VADER-normalised word-weighted mean sentence valence, {what}",
        normalize,
    )


def _bias_mean(t: Table) -> tuple[np.ndarray, np.ndarray]:
    bias = np.asarray(t["bias"], float)
    n = np.where(np.isfinite(bias), np.asarray(t["n_words"], float), 0.0)
    return np.where(np.isfinite(bias), bias, 0.0) * n, n


def _biased_share(t: Table) -> tuple[np.ndarray, np.ndarray]:
    bias = np.asarray(t["bias"], float)
    known = np.isfinite(bias) & (np.asarray(t["n_words"], float) > 0)
    return np.where(known, bias >= 0.5, 0.0).astype(float), known.astype(float)


SENTENCE_METRICS: Mapping[str, Rate] = {
    "quote_share": Rate(_cols("quote_words", "n_words"), 1.0, "quoted words / all words (0-1)"),
    "loaded_per_100_words": Rate(_cols("loaded", "n_words"), 100.0, "loaded terms per 100 words"),
    "loaded_per_100_words_commentary": Rate(
        _commentary, 100.0, "loaded terms outside quotes per 100 words outside quotes"
    ),
    "loaded_per_100_words_quotes": Rate(
        _cols("loaded_quotes", "quote_words"),
        100.0,
        "loaded terms inside quotes per 100 quoted words",
    ),
    "bias_mean": Rate(_bias_mean, 1.0, "word-weighted mean sentence bias probability (0-1)"),
    "biased_sentence_share": Rate(
        _biased_share, 1.0, "share of sentences with bias probability >= 0.5 (0-1)"
    ),
    "sentiment_mean": _sentiment(None, "all sentences"),
    "sentiment_mean_commentary": _sentiment("commentary", "commentary sentences"),
    "sentiment_mean_quotes": _sentiment("quote", "quote sentences"),
}
"""Every rate over sentences, by its name in the record's ``metrics``."""


def rate_values(table: Table) -> dict[str, float]:
    """Every rate of :data:`SENTENCE_METRICS` over ``table`` (NaN where undefined)."""
    return {name: rate.value(table) for name, rate in SENTENCE_METRICS.items()}
