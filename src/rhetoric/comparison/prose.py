"""Intervals as text: table cells and one-sentence findings for reports."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from rhetoric.analysis.records import number as _num

__all__ = ["describe_metric", "interval_table", "intervals_overlap", "markdown_text"]


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
    unit: str = "article",
) -> str:
    """One sentence (Markdown) on which article is highest and lowest on ``metric``.

    States both values with their 95% intervals and whether the intervals overlap
    ("no reliable difference") or not. Used by the template notebook, whose findings
    cannot be written in advance. Articles with no value are named as such. ``frame``
    may be :func:`~rhetoric.comparison.metrics.compare`'s table or the ``table`` of
    :func:`~rhetoric.comparison.groups.compare_groups` (then pass ``unit="group"``).
    """
    label = markdown_text(label or metric)
    if metric not in frame:
        return f"**{label}**: not measured."
    values = pd.to_numeric(frame[metric], errors="coerce") * scale
    have = values.dropna()
    missing = [markdown_text(i) for i in values.index if i not in have.index]
    note = f" No value for {', '.join(missing)}." if missing else ""
    if have.empty:
        return f"**{label}**: no {unit} has a value.{note}"

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
        return f"**{label}**: every {unit} has the same value ({same}).{note}"
    if f"{metric}_ci_low" in frame and not frame[f"{metric}_ci_low"].isna().all():
        verdict = (
            "their intervals overlap, so this is no reliable difference"
            if intervals_overlap(frame, metric, top, bottom)
            else "their intervals do not overlap"
        )
    else:
        verdict = "this metric has no interval, so its uncertainty is unknown"
    return f"**{label}**: highest in {show(top)}, lowest in {show(bottom)}; {verdict}.{note}"
