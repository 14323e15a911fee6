"""Who is quoted: words in direct quotes per speaker, and every quote listed."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from rhetoric.analysis.records import ArticleData, as_articles, number, quote_parts

__all__ = ["quote_table", "quote_words", "speaker_table"]


def quote_words(art: ArticleData, quote: Mapping[str, Any]) -> float:
    """Body words starting inside a quote's parts: the record's ``n_words``, else
    counted in the ``Doc``, else NaN."""
    words = number(quote.get("n_words"))
    if math.isnan(words) and art.doc is not None:
        words = float(sum(art.doc.count_words(s, e) for s, e in quote_parts(quote)))
    return words


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
        n_words = art.doc.n_words if art.doc is not None else number(art.metrics.get("words"))
        groups: dict[str, dict[str, Any]] = {}
        for q in art.list("quotes"):
            if q.get("kind", "direct") != "direct" or int(q.get("depth") or 0) != 0:
                continue
            w = quote_words(art, q)
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
    speaker was found), ``confidence`` (the model's ``speaker_confidence``; NaN for
    scare quotes and titles, and in results saved before it existed), ``words`` (body
    words starting inside the quote's parts), ``unclosed`` and ``text``. ``kinds`` keeps
    only those kinds.
    """
    rows = []
    for art in as_articles(analyses):
        for q in art.list("quotes"):
            if int(q.get("depth") or 0) != 0:
                continue
            kind = str(q.get("kind") or "direct")
            if kinds is not None and kind not in kinds:
                continue
            w = quote_words(art, q)
            rows.append(
                {
                    "id": art.id,
                    "start": int(q["start"]),
                    "end": int(q["end"]),
                    "kind": kind,
                    "speaker": q.get("speaker") or None,
                    "affiliation": q.get("affiliation") or None,
                    "rule": q.get("rule") or None,
                    "confidence": number(q.get("speaker_confidence")),
                    "words": w,
                    "unclosed": bool(q.get("unclosed")),
                    "text": str(q.get("text") or ""),
                }
            )
    columns = ["id", "start", "end", "kind", "speaker", "affiliation", "rule", "confidence"]
    columns += ["words"]
    return pd.DataFrame(rows, columns=columns + ["unclosed", "text"])
