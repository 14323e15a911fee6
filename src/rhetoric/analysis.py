"""One record per article: :func:`analyze` runs every measure over one tokenisation."""

from __future__ import annotations

import math
import warnings as _warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article, from_text, load
from .tokens import Doc, tokenize

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION = "1.0"
"""Version of the :meth:`Analysis.to_dict` record. Minor versions only add keys."""


@dataclass(frozen=True)
class Analysis:
    """Everything measured on one article; ``to_dict()`` is the stable public record."""

    article: Article
    doc: Doc
    metrics: dict[str, float]
    warnings: tuple[str, ...] = ()
    sentence_rows: tuple[dict[str, Any], ...] = field(default=(), repr=False)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def title(self) -> str | None:
        return self.article.title

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (schema in the README; offsets index ``article.text``)."""
        art = self.article
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "path": str(art.path) if art.path is not None else None,
            "title": self.title,
            "format": art.format,
            "encoding": art.encoding,
            "segments": [{"label": s.label, "start": s.start, "end": s.end} for s in art.segments],
            "lines": [
                {"n": int(n), "label": label}
                for n, label in zip(art.lines["n"], art.lines["label"], strict=True)
            ],
            "sentences": [dict(row) for row in self.sentence_rows],
            "quotes": [],
            "loaded": [],
            "mentions": [],
            "metrics": {k: _json_number(v) for k, v in self.metrics.items()},
            "warnings": list(self.warnings),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per body sentence: start, end, text and per-sentence measures."""
        import pandas as pd

        frame = pd.DataFrame(list(self.sentence_rows))
        if frame.empty:
            return pd.DataFrame(columns=["start", "end", "text"])
        frame.insert(2, "text", [self.doc.span_text(s, e) for s, e in self.doc.sentences])
        return frame


def _json_number(value: float) -> float | int | None:
    """NaN and infinities become ``None`` so the record is valid JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _as_article(obj: Article | str | Path) -> Article:
    if isinstance(obj, Article):
        return obj
    if isinstance(obj, Path):
        return load(obj)
    if isinstance(obj, str):
        return from_text(obj)
    raise TypeError(f"analyze() takes an Article, a str of text or a Path, not {type(obj).__name__}")


def analyze(obj: Article | str | Path) -> Analysis:
    """Analyse an article: a :class:`Article`, a ``Path`` to a file, or a ``str`` of text.

    A ``str`` is always treated as the article's text, never as a file name.
    """
    article = _as_article(obj)
    doc = tokenize(article.text, article.clean)
    notes = list(article.warnings)
    if not doc.words:
        notes.append(f"{article.id}: no words in the body; metrics are NaN")
        for note in notes[-1:]:
            _warnings.warn(note, stacklevel=2)
    metrics: dict[str, float] = {
        "words": len(doc.words),
        "sentences": len(doc.sentences),
    }
    rows = tuple({"start": s, "end": e} for s, e in doc.sentences)
    return Analysis(article, doc, metrics, tuple(notes), rows)
