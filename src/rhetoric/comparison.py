"""Comparing articles: one table of metrics with bootstrap intervals, and permutation tests.

Every function here accepts a list of analyses in either form: a
:class:`rhetoric.analysis.Analysis` (anything with ``to_dict()`` and ``doc``) or the
plain ``to_dict()`` record. A record without a ``doc`` should carry the article's
``text`` (it is tokenised once with :func:`rhetoric.tokens.tokenize`); a record with
neither still works for the point values, but its sentence word counts, and so its
intervals, are missing (NaN, with a warning).

Uncertainty is estimated by treating an article's sentences as the sampling unit
(Efron & Tibshirani 1993, *An Introduction to the Bootstrap*, ch. 13, percentile
interval): each replicate draws as many sentences as the article has, with
replacement, and recomputes the metric. A short article has few sentences to
resample, so its interval is wide; that is the point of showing it.
"""

from __future__ import annotations

import html
import math
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from rhetoric import readability
from rhetoric.tokens import WORD_RE, Doc, tokenize

__all__ = [
    "ArticleData",
    "PermutationResult",
    "SENTENCE_METRICS",
    "as_article",
    "as_articles",
    "compare",
    "READABILITY_GRADES",
    "permutation_test",
    "readability_intervals",
    "sentence_table",
    "VOICE_TEST_METRICS",
    "describe_metric",
    "holm",
    "interval_table",
    "intervals_overlap",
    "pairwise_tests",
    "quote_table",
    "speaker_table",
    "voice_test",
    "voice_tests",
]

# ---------------------------------------------------------------------------------------
# The adapter: Analysis objects or to_dict() records -> one plain structure.


@dataclass(frozen=True)
class ArticleData:
    """One analysed article as plain data: its record and (where known) its ``Doc``."""

    id: str
    title: str
    record: Mapping[str, Any] = field(repr=False)
    doc: Doc | None = field(default=None, repr=False)

    @property
    def metrics(self) -> Mapping[str, Any]:
        return self.record.get("metrics") or {}

    def list(self, key: str) -> list[Mapping[str, Any]]:
        """The record's list ``key`` (``sentences``, ``quotes``, ...), empty if absent."""
        value = self.record.get(key)
        return list(value) if value else []


def as_article(obj: Any, index: int = 0) -> ArticleData:
    """Normalise an ``Analysis``, a ``to_dict()`` record or an :class:`ArticleData`.

    A record may carry ``doc`` (a :class:`~rhetoric.tokens.Doc`) or ``text`` (the
    article text, tokenised here once, all of it taken as body). ``index`` names an
    article that has no ``id``.
    """
    if isinstance(obj, ArticleData):
        return obj
    doc = getattr(obj, "doc", None)
    if hasattr(obj, "to_dict") and callable(obj.to_dict):
        record = obj.to_dict()
    elif isinstance(obj, Mapping):
        record = obj
        doc = record.get("doc")
        if doc is None and isinstance(record.get("text"), str):
            doc = tokenize(record["text"])
    else:
        raise TypeError(f"expected an Analysis or its to_dict() record, not {type(obj).__name__}")
    if doc is not None and not isinstance(doc, Doc):
        doc = None
    ident = record.get("id")
    ident = f"article{index + 1}" if ident in (None, "") else str(ident)
    title = record.get("title") or ident
    return ArticleData(ident, str(title), record, doc)


def as_articles(analyses: Iterable[Any]) -> list[ArticleData]:
    """:func:`as_article` over a sequence; repeated ids get a ``#2``, ``#3`` suffix."""
    if isinstance(analyses, (Mapping, ArticleData)) or hasattr(analyses, "to_dict"):
        analyses = [analyses]
    out: list[ArticleData] = []
    seen: dict[str, int] = {}
    for i, obj in enumerate(analyses):
        art = as_article(obj, i)
        if art.id in seen:
            seen[art.id] += 1
            new_id = f"{art.id}#{seen[art.id]}"
            warnings.warn(f"duplicate article id {art.id!r}; renamed {new_id!r}", stacklevel=2)
            art = ArticleData(new_id, art.title, art.record, art.doc)
        else:
            seen[art.id] = 1
        out.append(art)
    return out


# ---------------------------------------------------------------------------------------
# Per-sentence features.


def _word_starts(art: ArticleData) -> Sequence[int] | None:
    return None if art.doc is None else art.doc.word_starts


def _count_between(starts: Sequence[int], s: int, e: int) -> int:
    """How many sorted ``starts`` lie in ``[s, e)``."""
    from bisect import bisect_left

    return bisect_left(starts, e) - bisect_left(starts, s)


def _assign(spans: Sequence[Mapping[str, Any]], sent_starts: list[int], sent_ends: list[int]):
    """Index of the sentence holding each span's start, or -1 (outside every sentence)."""
    out = []
    for sp in spans:
        try:
            pos = int(sp["start"])
        except (KeyError, TypeError, ValueError):
            out.append(-1)
            continue
        i = bisect_right(sent_starts, pos) - 1
        out.append(i if i >= 0 and pos < sent_ends[i] else -1)
    return out


def _num(value: Any) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return math.nan
    return f


def _unsquash(compound: np.ndarray) -> np.ndarray:
    """Sentence valence from its VADER compound (inverse of ``v / sqrt(v**2 + 15)``).

    Used when a record gives only the compound; compounds of +-1 (rounded) are capped
    at +-0.9999, so the recovered valence of an extreme sentence is a little low.
    """
    c = np.clip(np.asarray(compound, float), -0.9999, 0.9999)
    return c * np.sqrt(15.0) / np.sqrt(1.0 - c * c)


def quote_parts(quote: Mapping[str, Any]) -> list[tuple[int, int]]:
    """The ``(start, end)`` pieces of a quote record: its ``parts`` if given, else itself.

    ``parts`` may be pairs ``[s, e]`` or mappings with ``start``/``end``.
    """
    out = []
    for part in quote.get("parts") or [quote]:
        try:
            if isinstance(part, Mapping):
                s, e = int(part["start"]), int(part["end"])
            else:
                s, e = int(part[0]), int(part[1])
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        if e > s:
            out.append((s, e))
    return out


def sentence_table(article: Any) -> pd.DataFrame:
    """One row per sentence of the record, with everything the resampling needs.

    Columns: ``start``, ``end``, ``voice``, ``sentiment`` (VADER compound),
    ``valence`` (the record's, else recovered from the compound), ``n_words`` (body words
    starting in the sentence, from the ``Doc``, else the record's ``words``),
    ``quote_words`` (the record's ``quoted_words``, else ``quoted_share`` × ``n_words``;
    where the record has neither, the words starting inside a quote span), ``loaded``,
    ``loaded_commentary``, ``loaded_quotes`` (loaded terms whose start lies in the
    sentence, split by ``in_quote``).
    """
    art = as_article(article)
    sents = art.list("sentences")
    starts = [int(s.get("start", 0)) for s in sents]
    ends = [int(s.get("end", 0)) for s in sents]
    order = sorted(range(len(sents)), key=lambda i: starts[i])
    sents = [sents[i] for i in order]
    starts = [starts[i] for i in order]
    ends = [ends[i] for i in order]
    word_starts = _word_starts(art)
    if word_starts is not None:
        n_words = np.array(
            [_count_between(word_starts, s, e) for s, e in zip(starts, ends, strict=False)], float
        )
    else:
        n_words = np.array([_num(s.get("words", math.nan)) for s in sents], float)
    quote_spans = [
        part
        for q in art.list("quotes")
        if q.get("kind", "direct") != "title"
        for part in quote_parts(q)
    ]
    quote_words = np.empty(len(sents))
    for i, (s, sent) in enumerate(zip(starts, sents, strict=False)):
        share = _num(sent.get("quoted_share"))
        if not math.isnan(_num(sent.get("quoted_words"))):
            quote_words[i] = _num(sent.get("quoted_words"))
        elif not math.isnan(share):
            quote_words[i] = share * n_words[i]
        elif word_starts is not None:
            ws = word_starts[_count_between(word_starts, 0, s) :][: int(n_words[i])]
            quote_words[i] = sum(any(a <= w < b for a, b in quote_spans) for w in ws)
        else:
            quote_words[i] = math.nan
    loaded = art.list("loaded")
    where = _assign(loaded, starts, ends)
    total = np.zeros(len(sents))
    in_q = np.zeros(len(sents))
    for term, i in zip(loaded, where, strict=False):
        if i >= 0:
            total[i] += 1
            in_q[i] += bool(term.get("in_quote"))
    sentiment = np.array([_num(s.get("sentiment")) for s in sents], float)
    valence = np.array([_num(s.get("valence")) for s in sents], float)
    missing = np.isnan(valence)
    valence[missing] = _unsquash(sentiment[missing])
    return pd.DataFrame(
        {
            "start": np.array(starts, dtype=int),
            "end": np.array(ends, dtype=int),
            "voice": [str(s.get("voice") or "") for s in sents],
            "sentiment": sentiment,
            "valence": valence,
            "n_words": n_words,
            "quote_words": quote_words,
            "loaded": total,
            "loaded_commentary": total - in_q,
            "loaded_quotes": in_q,
        }
    )


# ---------------------------------------------------------------------------------------
# Sentence-level statistics, each a ratio of two sums over sentences: sum(num) / sum(den).
# Written this way, a bootstrap or permutation replicate is two matrix products.


@dataclass(frozen=True)
class _Ratio:
    num: Callable[[pd.DataFrame], np.ndarray]
    den: Callable[[pd.DataFrame], np.ndarray]
    scale: float = 1.0
    description: str = ""
    post: Callable[[np.ndarray], np.ndarray] | None = None


MIN_SENTIMENT_WORDS = 4
"""Sentences shorter than this get no weight in the sentiment means (as in
:func:`rhetoric.sentiment.aggregate`), unless every sentence of the set is that short."""

VADER_ALPHA = 15.0


def _squash(m: np.ndarray) -> np.ndarray:
    """VADER's normalisation ``m / sqrt(m**2 + 15)`` (range -1..+1)."""
    return m / np.sqrt(m * m + VADER_ALPHA)


def _sentiment_weights(voice: str | None) -> Callable[[pd.DataFrame], np.ndarray]:
    def weights(t: pd.DataFrame) -> np.ndarray:
        ok = t["valence"].notna() & (t["n_words"] > 0)
        if voice is not None:
            ok &= t["voice"] == voice
        n = t["n_words"].where(ok, 0.0).to_numpy(float)
        long_enough = n >= MIN_SENTIMENT_WORDS
        return np.where(long_enough, n, 0.0) if long_enough.any() else n

    return weights


def _weighted_valence(voice: str | None) -> Callable[[pd.DataFrame], np.ndarray]:
    w = _sentiment_weights(voice)
    return lambda t: w(t) * np.nan_to_num(t["valence"].to_numpy(float))


def _col(name: str) -> Callable[[pd.DataFrame], np.ndarray]:
    return lambda t: t[name].to_numpy(float)


def _commentary_words(t: pd.DataFrame) -> np.ndarray:
    return (t["n_words"] - t["quote_words"]).to_numpy(float)


def _sentiment_metric(voice: str | None, what: str) -> _Ratio:
    return _Ratio(
        _weighted_valence(voice),
        _sentiment_weights(voice),
        1.0,
        f"VADER-normalised word-weighted mean sentence valence, {what}",
        _squash,
    )


SENTENCE_METRICS: dict[str, _Ratio] = {
    "quote_share": _Ratio(
        _col("quote_words"), _col("n_words"), 1.0, "quoted words / all words (0-1)"
    ),
    "loaded_per_100_words": _Ratio(
        _col("loaded"), _col("n_words"), 100.0, "loaded terms per 100 words"
    ),
    "loaded_per_100_words_commentary": _Ratio(
        _col("loaded_commentary"),
        _commentary_words,
        100.0,
        "loaded terms outside quotes per 100 words outside quotes",
    ),
    "loaded_per_100_words_quotes": _Ratio(
        _col("loaded_quotes"),
        _col("quote_words"),
        100.0,
        "loaded terms inside quotes per 100 quoted words",
    ),
    "sentiment_mean": _sentiment_metric(None, "all sentences"),
    "sentiment_mean_commentary": _sentiment_metric("commentary", "commentary sentences"),
    "sentiment_mean_quotes": _sentiment_metric("quote", "quote sentences"),
}
"""Metrics that :func:`compare` resamples and :func:`permutation_test` accepts."""


def _arrays(stat: _Ratio, table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    num = np.asarray(stat.num(table), float)
    den = np.asarray(stat.den(table), float)
    bad = ~(np.isfinite(num) & np.isfinite(den))
    return np.where(bad, 0.0, num), np.where(bad, 0.0, den)


def _ratio(
    num: np.ndarray, den: np.ndarray, scale: float, post: Callable | None = None
) -> np.ndarray | float:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = scale * np.asarray(num, float) / np.asarray(den, float)
    out = np.where(np.asarray(den) > 0, out, np.nan)
    if post is not None:
        out = post(out)
    return float(out) if out.ndim == 0 else out


def _point(stat: _Ratio, table: pd.DataFrame) -> float:
    num, den = _arrays(stat, table)
    return float(_ratio(num.sum(), den.sum(), stat.scale, stat.post))


def _bootstrap(
    stat: _Ratio, table: pd.DataFrame, n_boot: int, level: float, seed: int, min_sentences: int
) -> tuple[float, float]:
    num, den = _arrays(stat, table)
    n = len(table)
    if n == 0 or np.count_nonzero(den) < min_sentences:
        return math.nan, math.nan
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
    reps = _ratio(counts @ num, counts @ den, stat.scale, stat.post)
    reps = reps[np.isfinite(reps)]
    if reps.size == 0:
        return math.nan, math.nan
    alpha = (1.0 - level) / 2.0
    low, high = np.quantile(reps, [alpha, 1.0 - alpha])
    return float(low), float(high)


_CI_SUFFIXES = ("_ci_low", "_ci_high")


def _differs(mine: float, theirs: float) -> bool:
    """True when a recomputed value disagrees with the record's (unknown never does)."""
    if math.isnan(mine) or math.isnan(theirs):
        return False
    a, b = mine, theirs
    return abs(a - b) > 1e-3 * max(1.0, abs(a), abs(b))


def compare(
    analyses: Iterable[Any],
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    min_sentences: int = 2,
) -> pd.DataFrame:
    """One row per article (index ``id``): every metric, with bootstrap intervals.

    Columns: ``title``, ``n_words``, ``n_sentences``, then for each metric found in
    any record, ``<metric>``, ``<metric>_ci_low`` and ``<metric>_ci_high``. The point
    value is the record's own figure. Intervals are percentile intervals at ``level``
    from ``n_boot`` replicates that resample the article's sentences with replacement
    (seeded with ``seed``, so the table is reproducible), computed for the rates and
    means in :data:`SENTENCE_METRICS`; every other metric (counts, readability
    formulas) has NaN bounds. An interval is NaN, too, when fewer than
    ``min_sentences`` sentences contribute to its denominator (a single quoted
    sentence cannot say how variable quotes are).

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
    for name in SENTENCE_METRICS:
        if name not in names:
            names.append(name)
    rows = []
    for art in arts:
        table = sentence_table(art)
        n_words = table["n_words"].sum() if len(table) else 0.0
        if art.doc is not None:
            n_words = float(art.doc.n_words)
        elif table["n_words"].isna().all():
            n_words = _num(art.metrics.get("words"))
        if art.doc is None and table["n_words"].isna().any():
            warnings.warn(
                f"{art.id}: no Doc or text, so sentence word counts are unknown; "
                "rates have no intervals",
                stacklevel=2,
            )
        if not len(table) or n_words == 0:
            warnings.warn(f"{art.id}: no body words; its metrics are NaN", stacklevel=2)
        row: dict[str, Any] = {
            "id": art.id,
            "title": art.title,
            "n_words": n_words,
            "n_sentences": _num(art.metrics.get("sentences", len(table))),
        }
        for name in names:
            value = _num(art.metrics.get(name))
            # intervals the record already carries (for metrics not resampled here)
            low = _num(art.metrics.get(f"{name}_ci_low"))
            high = _num(art.metrics.get(f"{name}_ci_high"))
            stat = SENTENCE_METRICS.get(name)
            if stat is not None and len(table):
                mine = _point(stat, table)
                if name not in art.metrics:
                    value = mine
                elif _differs(mine, value):
                    warnings.warn(
                        f"{art.id}: {name} recomputed from sentences is {mine:.4g}, the "
                        f"record says {value:.4g}; the interval is for the recomputed one",
                        stacklevel=2,
                    )
                low, high = _bootstrap(stat, table, n_boot, level, seed, min_sentences)
                if not math.isnan(value) and not math.isnan(low):
                    # small differences in definition (rounded compounds) must never
                    # leave the reported value outside its own interval
                    low, high = min(low, value), max(high, value)
            row[name] = value
            row[f"{name}_ci_low"] = low
            row[f"{name}_ci_high"] = high
        rows.append(row)
    return pd.DataFrame(rows).set_index("id")


# ---------------------------------------------------------------------------------------
# Permutation test.


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
    a: Any, b: Any, metric: str, n: int = 10_000, *, seed: int = 0
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
    va, vb = _point(stat, ta), _point(stat, tb)
    diff = va - vb
    if math.isnan(diff) or n < 1:
        warnings.warn(
            f"permutation_test(): {metric} is undefined for "
            f"{art_a.id if math.isnan(va) else art_b.id}",
            stacklevel=2,
        )
        return PermutationResult(metric, art_a.id, art_b.id, va, vb, diff, math.nan, 0)
    p = _permutation_p(stat, ta, tb, diff, n, seed)
    return PermutationResult(metric, art_a.id, art_b.id, va, vb, diff, p, n)


def _permutation_p(
    stat: _Ratio, ta: pd.DataFrame, tb: pd.DataFrame, diff: float, n: int, seed: int
) -> float:
    """Two-sided permutation p-value of ``diff`` for sentence groups ``ta`` and ``tb``."""
    num_a, den_a = _arrays(stat, ta)
    num_b, den_b = _arrays(stat, tb)
    num = np.concatenate([num_a, num_b])
    den = np.concatenate([den_a, den_b])
    n_a, n_all = len(ta), len(ta) + len(tb)
    rng = np.random.default_rng(seed)
    exceed = 0
    done = 0
    chunk = 2000
    while done < n:
        k = min(chunk, n - done)
        order = rng.permuted(np.tile(np.arange(n_all), (k, 1)), axis=1)
        in_a = np.zeros((k, n_all))
        np.put_along_axis(in_a, order[:, :n_a], 1.0, axis=1)
        in_b = 1.0 - in_a
        d = _ratio(in_a @ num, in_a @ den, stat.scale, stat.post) - _ratio(
            in_b @ num, in_b @ den, stat.scale, stat.post
        )
        # undefined splits (an empty denominator) count as not exceeding
        exceed += int(np.sum(np.abs(d) >= abs(diff) - 1e-12 * max(1.0, abs(diff))))
        done += k
    return (1 + exceed) / (n + 1)


def _words_in(text: str) -> int:
    """Words in a string by the shared definition (for quotes of a record without a Doc)."""
    return sum(1 for _ in WORD_RE.finditer(text))


# ---------------------------------------------------------------------------------------
# Readability with bootstrap intervals.

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
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Readability formulas per article with percentile bootstrap intervals.

    One row per article and metric: ``id``, ``voice`` (``"all"`` or the voice given),
    ``metric``, ``value``, ``ci_low``, ``ci_high``, ``sentences``, ``words``. The value
    is :func:`rhetoric.readability.measure` over the article's sentences (all of them,
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
        if len(ids) >= 2:
            rng = np.random.default_rng(seed)
            draws = rng.multinomial(len(ids), np.full(len(ids), 1.0 / len(ids)), size=n_boot)
            sums = draws @ per
            values = [
                readability.from_counts(readability.ReadabilityCounts(*(int(x) for x in row)))
                for row in sums
            ]
            reps = {m: np.array([v[m] for v in values], float) for m in metrics}
        alpha = (1.0 - level) / 2.0
        n_words = int(per[:, fields.index("words")].sum()) if len(ids) else 0
        for m in metrics:
            low = high = math.nan
            if m in reps:
                low, high = (float(x) for x in np.quantile(reps[m], [alpha, 1.0 - alpha]))
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


# ---------------------------------------------------------------------------------------
# Tests and tables for the notebooks: the author's voice against quotes, every pair of
# articles, intervals as text, who is quoted.

VOICE_TEST_METRICS = ("loaded_per_100_words", "sentiment_mean")
"""Metrics :func:`voice_test` compares between commentary and quote sentences."""


def voice_test(
    article: Any, metric: str = "loaded_per_100_words", n: int = 10_000, *, seed: int = 0
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
    va = _point(stat, ta) if len(ta) else math.nan
    vb = _point(stat, tb) if len(tb) else math.nan
    diff = va - vb
    a, b = f"{art.id}: commentary", f"{art.id}: quote"
    if math.isnan(diff) or n < 1:
        warnings.warn(
            f"voice_test(): {metric} is undefined for the "
            f"{'commentary' if math.isnan(va) else 'quote'} sentences of {art.id}",
            stacklevel=2,
        )
        return PermutationResult(metric, a, b, va, vb, diff, math.nan, 0)
    p = _permutation_p(stat, ta, tb, diff, n, seed)
    return PermutationResult(metric, a, b, va, vb, diff, p, n)


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


def pairwise_tests(
    analyses: Iterable[Any], metrics: Sequence[str], n: int = 10_000, *, seed: int = 0
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


def _fmt(value: float, digits: int) -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.{digits}f}"


def interval_table(
    frame: pd.DataFrame,
    metrics: Sequence[str] | Mapping[str, str],
    *,
    digits: int | Mapping[str, int] = 2,
    scale: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """The :func:`compare` frame as text: ``"value [low, high]"`` per article and metric.

    ``metrics`` lists the columns to show, or maps each to a display label. ``scale``
    multiplies a metric before formatting (``{"quote_share": 100}`` for per cent) and
    ``digits`` sets decimals (one number for all, or per metric). A metric without an
    interval shows just its value; a missing one shows ``n/a``. Rows keep the frame's
    index (article ids).
    """
    labels = dict(metrics) if isinstance(metrics, Mapping) else {m: m for m in metrics}
    scale = dict(scale or {})
    out = {}
    for metric, label in labels.items():
        d = digits.get(metric, 2) if isinstance(digits, Mapping) else digits
        k = scale.get(metric, 1.0)
        cells = []
        for rid in frame.index:
            value = _num(frame.at[rid, metric]) * k if metric in frame else math.nan
            low = (
                _num(frame.at[rid, f"{metric}_ci_low"]) * k
                if f"{metric}_ci_low" in frame
                else math.nan
            )
            high = (
                _num(frame.at[rid, f"{metric}_ci_high"]) * k
                if f"{metric}_ci_high" in frame
                else math.nan
            )
            text = _fmt(value, d)
            if not (math.isnan(value) or math.isnan(low) or math.isnan(high)):
                text += f" [{_fmt(low, d)}, {_fmt(high, d)}]"
            cells.append(text)
        out[label] = cells
    return pd.DataFrame(out, index=frame.index)


def intervals_overlap(frame: pd.DataFrame, metric: str, a: str, b: str) -> bool:
    """True when the intervals of articles ``a`` and ``b`` for ``metric`` overlap.

    Overlapping 95% intervals mean the data cannot tell the two apart reliably
    (non-overlap is a stricter bar than a test at 5%). Missing bounds count as overlap.
    """
    lo_a, hi_a = _num(frame.at[a, f"{metric}_ci_low"]), _num(frame.at[a, f"{metric}_ci_high"])
    lo_b, hi_b = _num(frame.at[b, f"{metric}_ci_low"]), _num(frame.at[b, f"{metric}_ci_high"])
    if any(math.isnan(x) for x in (lo_a, hi_a, lo_b, hi_b)):
        return True
    return lo_a <= hi_b and lo_b <= hi_a


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|~"})


def markdown_text(value: Any) -> str:
    """``value`` as literal text inside Markdown: HTML-escaped, Markdown punctuation
    backslash-escaped, so an article id or title never becomes markup."""
    return html.escape(str(value), quote=True).translate(_MARKDOWN_SPECIAL)


def describe_metric(
    frame: pd.DataFrame,
    metric: str,
    label: str | None = None,
    *,
    digits: int = 2,
    scale: float = 1.0,
) -> str:
    """One sentence (Markdown) on which article is highest and lowest on ``metric``.

    States both values with their 95% intervals and whether the intervals overlap
    ("no reliable difference") or not. Used by the template notebook, whose findings
    cannot be written in advance. Articles with no value are named as such.
    """
    label = markdown_text(label or metric)
    if metric not in frame:
        return f"**{label}**: not measured."
    values = pd.to_numeric(frame[metric], errors="coerce") * scale
    have = values.dropna()
    missing = [markdown_text(i) for i in values.index if i not in have.index]
    note = f" No value for {', '.join(missing)}." if missing else ""
    if have.empty:
        return f"**{label}**: no article has a value.{note}"

    def show(rid: str) -> str:
        text = f"{_fmt(float(have[rid]), digits)}"
        lo = _num(frame.at[rid, f"{metric}_ci_low"]) if f"{metric}_ci_low" in frame else math.nan
        hi = _num(frame.at[rid, f"{metric}_ci_high"]) if f"{metric}_ci_high" in frame else math.nan
        if not (math.isnan(lo) or math.isnan(hi)):
            text += f", 95% interval {_fmt(lo * scale, digits)} to {_fmt(hi * scale, digits)}"
        return f"{markdown_text(rid)} ({text})"

    if len(have) == 1:
        return f"**{label}**: {show(have.index[0])}; nothing to compare it with.{note}"
    top, bottom = have.idxmax(), have.idxmin()
    if have[top] == have[bottom]:
        same = _fmt(float(have[top]), digits)
        return f"**{label}**: every article has the same value ({same}).{note}"
    if f"{metric}_ci_low" in frame and not frame[f"{metric}_ci_low"].isna().all():
        verdict = (
            "their intervals overlap, so this is no reliable difference"
            if intervals_overlap(frame, metric, top, bottom)
            else "their intervals do not overlap"
        )
    else:
        verdict = "this metric has no interval, so its uncertainty is unknown"
    return f"**{label}**: highest in {show(top)}, lowest in {show(bottom)}; {verdict}.{note}"


def speaker_table(analyses: Iterable[Any], by: str = "speaker") -> pd.DataFrame:
    """Who is quoted: words in direct quotes per speaker (or affiliation), per article.

    Counts top-level ``direct`` quotes (scare and title quotes are the author's words).
    A quote's words are the body words starting inside its parts. Columns ``id``,
    ``speaker`` (``"(unattributed)"`` when none was found) or ``affiliation``
    (``"(unknown)"`` for a speaker without one, ``"(unattributed)"``), ``quotes``,
    ``words``, ``share_of_quoted`` (words / all words in the article's direct quotes)
    and ``share_of_article`` (words / the article's body words). Sorted by article,
    then most words first. Agrees with ``Analysis.voice.by_speaker()``.
    """
    if by not in ("speaker", "affiliation"):
        raise ValueError(f"by must be 'speaker' or 'affiliation', not {by!r}")
    rows = []
    for art in as_articles(analyses):
        starts = _word_starts(art)
        n_words = len(starts) if starts is not None else _num(art.metrics.get("words"))
        groups: dict[str, dict[str, Any]] = {}
        for q in art.list("quotes"):
            if q.get("kind", "direct") != "direct" or int(q.get("depth") or 0) != 0:
                continue
            if starts is not None:
                w = sum(_count_between(starts, s, e) for s, e in quote_parts(q))
            else:
                w = _num(q.get("n_words"))
            speaker = q.get("speaker") or None
            if by == "speaker":
                key = speaker or "(unattributed)"
            else:
                key = (q.get("affiliation") or "(unknown)") if speaker else "(unattributed)"
            row = groups.setdefault(key, {"id": art.id, by: key, "quotes": 0, "words": 0.0})
            if by == "speaker":
                row.setdefault("affiliation", q.get("affiliation") if speaker else None)
            row["quotes"] += 1
            row["words"] += w
        total = sum(r["words"] for r in groups.values())
        for r in sorted(groups.values(), key=lambda r: (-r["words"], r[by])):
            r["share_of_quoted"] = r["words"] / total if total else math.nan
            r["share_of_article"] = r["words"] / n_words if n_words else math.nan
            rows.append(r)
    columns = ["id", by] + (["affiliation"] if by == "speaker" else [])
    columns += ["quotes", "words", "share_of_quoted", "share_of_article"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["words"] = frame["words"].astype(int) if frame["words"].notna().all() else frame["words"]
    return frame


def quote_table(analyses: Iterable[Any], kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Every top-level quotation of every article, so a reader can check each call.

    Columns ``id``, ``start``, ``end`` (offsets into the article text), ``kind``
    (``direct``, ``scare``, ``title``), ``speaker``, ``affiliation``, ``rule`` (how the
    speaker was found), ``words`` (body words starting inside the quote's parts),
    ``unclosed`` and ``text``. ``kinds`` keeps only those kinds.
    """
    rows = []
    for art in as_articles(analyses):
        starts = _word_starts(art)
        for q in art.list("quotes"):
            if int(q.get("depth") or 0) != 0:
                continue
            kind = str(q.get("kind") or "direct")
            if kinds is not None and kind not in kinds:
                continue
            if starts is not None:
                w = sum(_count_between(starts, s, e) for s, e in quote_parts(q))
            else:
                w = _num(q.get("n_words"))
            rows.append(
                {
                    "id": art.id,
                    "start": int(q["start"]),
                    "end": int(q["end"]),
                    "kind": kind,
                    "speaker": q.get("speaker") or None,
                    "affiliation": q.get("affiliation") or None,
                    "rule": q.get("rule") or None,
                    "words": w,
                    "unclosed": bool(q.get("unclosed")),
                    "text": str(q.get("text") or ""),
                }
            )
    columns = ["id", "start", "end", "kind", "speaker", "affiliation", "rule", "words"]
    return pd.DataFrame(rows, columns=columns + ["unclosed", "text"])


def voice_tests(
    analyses: Iterable[Any],
    metrics: Sequence[str] = VOICE_TEST_METRICS,
    n: int = 10_000,
    *,
    seed: int = 0,
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
