"""Records: an :class:`~rhetoric.analysis.result.Analysis` or its saved ``to_dict()``
record, as one plain structure that comparison, charts and tables read.

A record read back from ``rhetoric analyze --format jsonl`` (:func:`read_records`)
compares exactly as the analysis it was written from: the record keeps every
per-sentence count that the rates need. A record with ``text`` gets a ``Doc`` (all
of the text taken as body) for what needs one (readability intervals, the reading
view).
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rhetoric.text.tokens import Doc, tokenize

__all__ = ["ArticleData", "as_article", "as_articles", "number", "quote_parts", "read_records"]


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

    A record may carry ``doc`` (a :class:`~rhetoric.text.tokens.Doc`) or ``text`` (the
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


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """The records of a ``rhetoric analyze`` output file: JSON Lines (one record per
    line) or JSON (one record or a list of them).

    Error records (``{"error": ...}``, written for a file that could not be read) are
    skipped with a warning naming them, so ``compare(read_records(path))`` works on
    the output of a batch with bad files in it.
    """
    text = Path(path).read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("["):
        items: Iterable[Any] = json.loads(text)
    elif stripped.startswith("{") and "\n{" not in stripped.rstrip():
        items = [json.loads(text)]
    else:
        items = _json_lines(text, path)
    out = []
    for item in items:
        if isinstance(item, Mapping) and "error" in item and "metrics" not in item:
            warnings.warn(f"{path}: skipped error record {item.get('path')!r}", stacklevel=2)
        elif isinstance(item, Mapping):
            out.append(dict(item))
        else:
            warnings.warn(f"{path}: skipped a {type(item).__name__}, not a record", stacklevel=2)
    return out


def _json_lines(text: str, path: str | Path) -> Iterator[Any]:
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                warnings.warn(f"{path}:{n}: not JSON ({err.msg}); line skipped", stacklevel=3)


def number(value: Any) -> float:
    """``float(value)``, or NaN for ``None`` and anything that is not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


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
