"""Working on many files at once: one bad file never stops the others."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rhetoric.analysis.result import Analysis, analyze
from rhetoric.text.article import Article, from_text, load
from rhetoric.text.decode import InputError
from rhetoric.text.rows import is_table, read_rows
from rhetoric.text.segments import LABELS
from rhetoric.text.tokens import WORD_RE

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class Corpus:
    """Analyses of the files that could be read, and the errors of those that could not."""

    analyses: list[Analysis] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    columns: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The kept table columns of each article read from a table, by article id."""

    def __len__(self) -> int:
        return len(self.analyses)

    def __iter__(self):
        return iter(self.analyses)

    def warnings(self) -> pd.DataFrame:
        """One row per warning of an analysed article: id, warning."""
        import pandas as pd

        rows = [(a.id, w) for a in self.analyses for w in a.warnings]
        return pd.DataFrame(rows, columns=["id", "warning"])

    def to_frame(self) -> pd.DataFrame:
        """One row per analysed article: id, title, path and every metric."""
        import pandas as pd

        rows = [
            {
                "id": a.id,
                "title": a.title,
                "path": str(a.article.path),
                **self.columns.get(a.id, {}),
                **a.metrics,
            }
            for a in self.analyses
        ]
        return pd.DataFrame(rows).set_index("id") if rows else pd.DataFrame()


def find_files(folder: str | Path, suffixes: Iterable[str] = DEFAULT_SUFFIXES) -> list[Path]:
    """Article files under ``folder`` (recursively), sorted by path."""
    wanted = {s.lower() for s in suffixes}
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in wanted)


def analyze_files(paths: Iterable[str | Path], *, warn: bool = False) -> Corpus:
    """Analyse every path; unreadable files land in ``Corpus.errors`` with the reason.

    Each article's recoverable problems are kept in its ``Analysis.warnings`` (see
    :meth:`Corpus.warnings`); they are raised as Python warnings too only if ``warn``.
    """
    corpus = Corpus()
    for path in paths:
        try:
            with warnings.catch_warnings():
                if not warn:
                    warnings.simplefilter("ignore")
                corpus.analyses.append(analyze(load(path)))
        except InputError as exc:
            corpus.errors[str(path)] = str(exc)
    return corpus


def analyze_inputs(
    inputs: Iterable[str | Path],
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    keep: Sequence[str] = (),
    suffixes: Iterable[str] = DEFAULT_SUFFIXES,
    pattern: str = "*",
    warn: bool = False,
) -> Corpus:
    """Analyse files, folders (searched recursively for ``suffixes``, names matching
    ``pattern``) and, with ``text_column``, tables (one article per row, the ``keep``
    columns in :attr:`Corpus.columns`). Files and rows that cannot be analysed land in
    :attr:`Corpus.errors` with the reason."""
    corpus = Corpus()
    paths: list[Path] = []
    for item in map(Path, inputs):
        if item.is_dir():
            paths += [p for p in find_files(item, suffixes) if p.match(pattern)]
        elif text_column and is_table(item):
            for row in read_rows(item, text_column, id_column, keep):
                if row.error:
                    corpus.errors[row.source] = row.error
                    continue
                with warnings.catch_warnings():
                    if not warn:
                        warnings.simplefilter("ignore")
                    analysis = analyze(from_text(row.text or "", name=row.id))
                corpus.analyses.append(analysis)
                corpus.columns[analysis.id] = dict(row.keep)
        else:
            paths.append(item)
    files = analyze_files(paths, warn=warn)
    corpus.analyses += files.analyses
    corpus.errors.update(files.errors)
    return corpus


def passages(analysis: Analysis, min_words: int = 60) -> list[str]:
    """The body of ``analysis`` cut into passages of consecutive paragraphs with at
    least ``min_words`` words each (a short remainder joins the last passage), as
    text. Passages let a method that needs many units (a comparison of groups, say) be
    shown on a few articles; they are not independent articles."""
    doc = analysis.doc
    out: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    words = 0
    for start, end in doc.paragraphs:
        n = doc.count_words(start, end)
        if not n:
            continue
        current.append((start, end))
        words += n
        if words >= min_words:
            out.append(current)
            current, words = [], 0
    if current:
        if out:
            out[-1] += current
        else:
            out.append(current)
    return ["\n\n".join(doc.text[s:e].strip() for s, e in group) for group in out]


def set_aside_table(articles: Iterable[Article | Analysis]) -> pd.DataFrame:
    """Per article: non-blank lines kept as body, lines set aside, and lines the line
    rules alone (``from_text(..., line_model=False)``) would label otherwise."""
    import pandas as pd

    rows = []
    for item in articles:
        article = item.article if isinstance(item, Analysis) else item
        rules = from_text(article.text, format=article.format, line_model=False)
        blank = [not line.strip() for line in article.text.split("\n")]
        rows.append(
            {
                "id": article.id,
                "lines kept as body": sum(
                    label == "body" and not b
                    for label, b in zip(article.line_labels, blank, strict=True)
                ),
                "lines set aside": len(article.set_aside),
                "lines labelled otherwise by the rules alone": sum(
                    x != y and not b
                    for x, y, b in zip(article.line_labels, rules.line_labels, blank, strict=True)
                ),
            }
        )
    return pd.DataFrame(rows).set_index("id")


def segment_table(articles: Iterable[Article | Analysis]) -> pd.DataFrame:
    """Lines and words per segment label, one row per article (columns: label x measure)."""
    import pandas as pd

    rows = []
    for item in articles:
        article = item.article if isinstance(item, Analysis) else item
        lines = article.lines
        for label in LABELS:
            text = article.segment_text(label)
            rows.append(
                {
                    "id": article.id,
                    "label": label,
                    "lines": int(
                        ((lines["label"] == label) & (lines["text"].str.strip() != "")).sum()
                    ),
                    "words": sum(1 for _ in WORD_RE.finditer(text)),
                }
            )
    frame = pd.DataFrame(rows)
    return frame.pivot(index="id", columns="label", values=["lines", "words"]).reindex(
        columns=LABELS, level=1
    )
