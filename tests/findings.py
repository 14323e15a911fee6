"""Helpers shared by the findings tests (one file per notebook, ``test_findings_NN.py``)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IDS = ("000", "003", "004")
"""The seed articles, by the first three characters of their id, as the notebooks name them."""


def recompute(claims, corpus):
    """Run one ``claims_*`` function of a findings test, warnings silenced: on the corpus,
    or on the repository root for those that read ``evaluation/results``."""
    import inspect
    import warnings

    (parameter,) = inspect.signature(claims).parameters
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return claims(ROOT if parameter == "root" else corpus)


def _key(ident):
    return ident[:3]


def metric(by_id, name, digits, scale=1.0):
    return {k: round(by_id[k].metrics[name] * scale, digits) for k in IDS}


def interval(frame, name, digits, scale=1.0):
    return {
        k: (
            round(frame.at[k, f"{name}_ci_low"] * scale, digits),
            round(frame.at[k, f"{name}_ci_high"] * scale, digits),
        )
        for k in IDS
    }


def stated(value, low, high, digits=1, minus="-"):
    """``(value, low, high)`` formatted as the prose writes numbers: fixed ``digits``,
    ``minus`` for negative signs (the prose of some notebooks uses U+2212)."""

    def fmt(x):
        text = f"{x:.{digits}f}"
        return (minus + text[1:]) if text.startswith("-") and x < 0 else text.lstrip("-")

    return fmt(value), fmt(low), fmt(high)


def with_interval(frame, key, name, digits=1, scale=1.0, minus="-"):
    """The value and 95% interval of ``name`` for article ``key`` of a ``compare()`` frame,
    formatted by :func:`stated`."""
    return stated(
        *(frame.at[key, name + s] * scale for s in ("", "_ci_low", "_ci_high")),
        digits=digits,
        minus=minus,
    )


def voice_rates(by_id):
    """Loaded terms per 100 words of commentary and of quotes, per article:
    ``(commentary, quotes)``, two dicts by id."""
    c = {k: by_id[k].metrics["loaded_per_100_words_commentary"] for k in IDS}
    q = {k: by_id[k].metrics["loaded_per_100_words_quotes"] for k in IDS}
    return c, q
