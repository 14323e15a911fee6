"""Separating an article's body from the page around it, line by line.

Each line of the text gets one label (:data:`LABELS`); runs of lines with the same
label become contiguous :class:`Segment` objects that together cover the whole text.
The rules are general (they come from what WordPress, Blogger, Substack, Medium, news
sites and aggregators put around an article) and live as data in
``data/page_patterns.csv``: a regular expression per row, with a label and a scope.

* ``header`` patterns (bylines, dates, taxonomy) count only before the body starts.
* ``line`` patterns label the line they match.
* ``section`` patterns ("About the author", "3 thoughts on …", "Leave a Reply") label
  their line and every following unmatched line, until a line matched by a pattern of
  another label.
* The first short line without a final stop, before the body, is the ``title``; a
  later repeat of it is ``title`` too.
* A line with no words outside URLs (a rule, a bare link) takes the label of the line
  before it; so does a line that starts in lower case after a non-body line (a
  paragraph broken in two).
* Everything else is ``body``: when the rules are unsure, prose stays body.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

LABELS = ("title", "byline", "body", "promo", "comments", "boilerplate")
_URLISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\S+\.(?:com|org|net|ca|uk)\b\S*")
_LETTER = re.compile(r"[^\W\d_]")
_MAX_TITLE_WORDS = 25


@dataclass(frozen=True)
class Segment:
    """A labelled stretch of the text: ``text[start:end]``."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class PagePattern:
    label: str
    scope: str  # "header" | "line" | "section"
    regex: re.Pattern[str]
    note: str


def read_patterns(path: str | Path) -> tuple[PagePattern, ...]:
    """Read page patterns from a CSV with columns label, scope, pattern, note."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    patterns = []
    for row in rows:
        if row["label"] not in LABELS or row["scope"] not in ("header", "line", "section"):
            raise ValueError(f"{path}: bad label or scope in row {row}")
        regex = re.compile(row["pattern"], re.IGNORECASE)
        patterns.append(PagePattern(row["label"], row["scope"], regex, row["note"]))
    return tuple(patterns)


@lru_cache(maxsize=1)
def default_patterns() -> tuple[PagePattern, ...]:
    """The patterns shipped in ``rhetoric/data/page_patterns.csv``."""
    with resources.as_file(resources.files("rhetoric") / "data" / "page_patterns.csv") as p:
        return read_patterns(p)


def _fold(line: str) -> str:
    return " ".join(line.split())


def _is_title_like(line: str) -> bool:
    n_words = len(line.split())
    return 0 < n_words <= _MAX_TITLE_WORDS and not line.endswith((".", ":", ";", ","))


def classify_lines(
    lines: list[str],
    patterns: tuple[PagePattern, ...] | None = None,
    fixed: dict[int, str] | None = None,
) -> list[str]:
    """Label each line (markup already masked) with one of :data:`LABELS`.

    ``fixed`` maps line indices to labels already known (for HTML, from the extractor).
    """
    patterns = default_patterns() if patterns is None else patterns
    fixed = fixed or {}
    labels: list[str | None] = [None] * len(lines)
    title_key: str | None = None
    in_body = False
    section: str | None = None
    previous: str | None = None  # label of the previous non-blank line
    for i, raw in enumerate(lines):
        line = _fold(raw)
        if not line:
            continue
        label = fixed.get(i)
        if label is None:
            label = _match(line, patterns, in_body, section)
            if label is not None and label[1] == "section":
                section = label[0]
            elif label is not None and label[0] != section:
                section = None
            label = label[0] if label is not None else None
        if label is None:
            if not _LETTER.search(_URLISH.sub("", line)):
                label = previous or "body"
            elif section is not None:
                label = section
            elif previous not in (None, "body", "title", "byline") and line[0].islower():
                label = previous
            elif not in_body and (title_key is None and _is_title_like(line)):
                label, title_key = "title", line.casefold()
            elif not in_body and line.casefold() == title_key:
                label = "title"
            else:
                label = "body"
        labels[i] = label
        in_body = in_body or label == "body"
        previous = label
    return _fill_blanks(labels)


def _match(
    line: str, patterns: tuple[PagePattern, ...], in_body: bool, section: str | None
) -> tuple[str, str] | None:
    for p in patterns:
        if p.scope == "header" and (in_body or section is not None):
            continue
        if p.regex.search(line):
            return p.label, p.scope
    return None


def _fill_blanks(labels: list[str | None]) -> list[str]:
    """Blank lines join the segment before them (leading blanks, the one after)."""
    first = next((label for label in labels if label is not None), "body")
    out: list[str] = []
    current = first
    for label in labels:
        current = label or current
        out.append(current)
    return out


def segments_from_lines(text: str, labels: list[str]) -> tuple[Segment, ...]:
    """Merge runs of equally labelled lines into contiguous segments covering ``text``."""
    segments: list[Segment] = []
    start = 0
    offset = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        end = offset + len(line) + (1 if i < len(lines) - 1 else 0)
        if i + 1 == len(lines) or labels[i + 1] != labels[i]:
            segments.append(Segment(labels[i], start, end))
            start = end
        offset = end
    return tuple(segments)


def mask_outside(clean: str, segments: tuple[Segment, ...], keep: str = "body") -> str:
    """Blank (to spaces, newlines kept) every character outside ``keep`` segments."""
    parts = []
    for seg in segments:
        chunk = clean[seg.start : seg.end]
        if seg.label != keep:
            chunk = re.sub(r"[^\n]", " ", chunk)
        parts.append(chunk)
    return "".join(parts)
