"""Articles: decoded text, format, and the segmentation of body from page chrome."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rhetoric.text.decode import DEFAULT_MAX_BYTES, InputError, decode_bytes
from rhetoric.text.html import plain_text
from rhetoric.text.line_model import default_line_model
from rhetoric.text.markdown import looks_like_markdown, mask_markdown
from rhetoric.text.segments import Segment, classify_lines, mask_outside, segments_from_lines

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("text", "markdown", "html")
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(r"\A\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """One article: its decoded text and the labelled segments that cover it.

    ``text`` is what every reported offset indexes. For plain text and Markdown it is
    the file's decoded content; for HTML it is the text the extractor (trafilatura)
    recovered from the page, and the page itself is kept in ``source``.
    """

    text: str
    segments: tuple[Segment, ...]
    clean: str = field(repr=False)
    format: str = "text"
    path: Path | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    source: str | None = field(default=None, repr=False)
    name: str | None = None
    """An id given by the caller (a table row's id), which :attr:`id` then is."""

    @property
    def id(self) -> str:
        """``name`` if given, else the file name without suffix, else a short hash of the
        text."""
        if self.name is not None:
            return self.name
        if self.path is not None:
            return self.path.stem
        return "text-" + hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:12]

    @property
    def title(self) -> str | None:
        """Text of the first ``title`` segment (markup removed), if any."""
        for seg in self.segments:
            if seg.label == "title":
                lines = self._markup_free[seg.start : seg.end].strip().splitlines()
                return " ".join(lines[0].split()) if lines else None
        return None

    @cached_property
    def _markup_free(self) -> str:
        return mask_markdown(self.text) if self.format == "markdown" else self.text

    def segment_text(self, label: str) -> str:
        """The markup-free text of every segment with ``label``, joined by blank lines."""
        parts = [
            self._markup_free[s.start : s.end].strip() for s in self.segments if s.label == label
        ]
        return "\n\n".join(p for p in parts if p)

    @property
    def body(self) -> str:
        """The clean body text metrics see: one paragraph per line, white space folded.

        Offsets do not index this string; use ``clean`` (same length as ``text``).
        """
        return "\n".join(" ".join(line.split()) for line in self.clean.splitlines() if line.strip())

    @cached_property
    def line_labels(self) -> tuple[str, ...]:
        """The label of each line of the text (line ``n`` is ``line_labels[n - 1]``)."""
        labels = []
        seg_iter = iter(self.segments)
        seg = next(seg_iter, None)
        offset = 0
        for line in self.text.split("\n"):
            while seg is not None and offset >= seg.end and seg.end < len(self.text):
                seg = next(seg_iter, None)
            labels.append(seg.label if seg is not None else "body")
            offset += len(line) + 1
        return tuple(labels)

    @cached_property
    def lines(self) -> pd.DataFrame:
        """One row per line of the text as an editor numbers them: n, label, text."""
        import pandas as pd

        rows = [
            (n, label, line.rstrip("\r"))
            for n, (label, line) in enumerate(
                zip(self.line_labels, self.text.split("\n"), strict=True), start=1
            )
        ]
        return pd.DataFrame(rows, columns=["n", "label", "text"])

    @property
    def set_aside(self) -> pd.DataFrame:
        """The non-blank lines not kept as body: n, label, text (a slice of :attr:`lines`)."""
        lines = self.lines
        return lines[(lines["label"] != "body") & (lines["text"].str.strip() != "")]

    def to_frame(self) -> pd.DataFrame:
        """The segments as a DataFrame: label, start, end, words, text."""
        import pandas as pd

        rows = [
            (
                s.label,
                s.start,
                s.end,
                len(self.text[s.start : s.end].split()),
                self.text[s.start : s.end],
            )
            for s in self.segments
        ]
        return pd.DataFrame(rows, columns=["label", "start", "end", "words", "text"])


_LONE_CR = re.compile(r"\r(?!\n)")
_SURROGATE = re.compile("[\ud800-\udfff]")


def from_text(
    text: str,
    *,
    format: str | None = None,
    path: str | Path | None = None,
    encoding: str = "utf-8",
    warnings: tuple[str, ...] | list[str] = (),
    name: str | None = None,
    line_model: bool = True,
) -> Article:
    """Build an :class:`Article` from text already decoded.

    ``format`` is ``"text"``, ``"markdown"`` or ``"html"``; by default it is guessed
    from the file suffix and the content. ``name`` sets the article's id (a table
    row's id, say). ``line_model=False`` labels text and Markdown with the line rules
    alone (see :mod:`rhetoric.text.line_model`).
    """
    article = _from_text(text, format, path, encoding, warnings, line_model)
    return article if name is None else replace(article, name=name)


def _from_text(
    text: str,
    format: str | None,
    path: str | Path | None,
    encoding: str,
    warnings: tuple[str, ...] | list[str],
    line_model: bool = True,
) -> Article:
    path = Path(path) if path is not None else None
    format = format or _guess_format(text, path)
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    notes = list(warnings)
    name = str(path) if path is not None else "text"
    lone = len(_SURROGATE.findall(text))
    if lone:
        # a Python string can hold halves of UTF-16 pairs that no file can: they cannot
        # be written as UTF-8, JSON or Arrow text (same length, so offsets still hold)
        text = _SURROGATE.sub("\ufffd", text)
        notes.append(f"{name}: {lone} lone surrogate code point(s), not text; read as U+FFFD")
    if "\r" in text and _LONE_CR.search(text):
        # classic Mac line endings: a lone CR is a line break, as CRLF is (same length,
        # so every offset still points at the same character of the input)
        text = _LONE_CR.sub("\n", text)
        notes.append(f"{name}: lines end in a carriage return alone; read as line breaks")
    if format == "html":
        return _from_html(text, path, encoding, notes)
    if not text.strip():
        notes.append(f"{name}: empty (no text to analyse)")
    elif "\n" not in text.strip() and len(text) > 2000:
        notes.append(f"{name}: no line breaks; page chrome cannot be told apart from the body")
    markup_free, lines, raw = labelled_lines(text, format)
    labels = classify_lines(lines, model=default_line_model() if line_model else None, raw=raw)
    segments = segments_from_lines(text, labels)
    clean = mask_outside(markup_free, segments)
    if text.strip() and not clean.strip():
        notes.append(f"{name}: no body text found: every line looks like page chrome")
    return Article(text, segments, clean, format, path, encoding, tuple(notes))


def labelled_lines(text: str, format: str) -> tuple[str, list[str], list[str] | None]:
    """What :func:`~rhetoric.text.segments.classify_lines` labels in a text or Markdown
    document: the text with its Markdown masked (same length), its lines, and the raw
    lines the labeller reads markup from (None for plain text). The line model is
    trained on these lines (``scripts/train_page_model.py``)."""
    if format != "markdown":
        return text, text.split("\n"), None
    markup_free = mask_markdown(text)
    return markup_free, markup_free.split("\n"), text.split("\n")


def load(
    path: str | Path, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read an article from a file (plain text, Markdown or HTML).

    Raises :class:`~rhetoric.text.decode.InputError` for a missing path, a directory, a
    binary file or a file larger than ``max_bytes``; recoverable problems (a non-UTF-8
    encoding, an empty file) become ``Article.warnings``.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    if not path.is_file():  # reading a FIFO or a device could block for ever
        raise InputError(f"{path}: not a regular file (a FIFO, socket or device); not read")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.0f} MB limit "
            "for one article (raise max_bytes, or --max-mb on the command line)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    text, encoding, notes = decode_bytes(data, str(path))
    return from_text(text, format=format, path=path, encoding=encoding, warnings=notes)


def _guess_format(text: str, path: Path | None) -> str:
    if (path is not None and path.suffix.lower() in HTML_SUFFIXES) or _HTML_START.match(text):
        return "html"
    return "markdown" if looks_like_markdown(text, path) else "text"


def _from_html(html: str, path: Path | None, encoding: str, notes: list[str]) -> Article:
    """Extract title, byline, body and comments from a page with trafilatura."""
    import trafilatura

    name = str(path) if path is not None else "html"
    # The main text with trafilatura's defaults for it, comments left out: asking
    # trafilatura for comments prunes them from the page first, which changes the main
    # text it picks (on some pages the comments become the body). Comments come from a
    # second pass, and a comment line that is also a body line stays body.
    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if doc is None:
        title, flat = plain_text(html)
        text = "\n\n".join(x for x in (title, flat) if x)
        if not text.strip():
            notes.append(f"{name}: the HTML extractor found no article text, nor any visible text")
            empty = (Segment("body", 0, 0),)
            return Article("", empty, "", "html", path, encoding, tuple(notes), html)
        notes.append(
            f"{name}: the HTML extractor found no article text; read the page's visible text "
            "instead, one line per block, with page chrome labelled by the line rules"
        )
        fixed = {0: "title"} if title else {}
        labels = classify_lines(text.split("\n"), fixed=fixed)
        segments = segments_from_lines(text, labels)
        clean = mask_outside(text, segments)
        return Article(text, segments, clean, "html", path, encoding, tuple(notes), html)
    parts: list[tuple[str, str]] = []
    if doc.title:
        parts.append(("title", doc.title))
    byline = ", ".join(x for x in (doc.author and f"By {doc.author}", doc.sitename, doc.date) if x)
    if byline:
        parts.append(("byline", byline))
    body_lines = [line for line in (doc.text or "").split("\n") if line.strip()]
    if body_lines and doc.title and body_lines[0].strip() == doc.title.strip():
        body_lines = body_lines[1:]  # trafilatura repeats the headline atop the text
    parts.extend((None, line) for line in body_lines)
    parts.extend(("comments", line) for line in _comment_lines(html, body_lines))
    text = "\n\n".join(line for _, line in parts)
    fixed = {2 * i: label for i, (label, _) in enumerate(parts) if label is not None}
    labels = classify_lines(text.split("\n"), fixed=fixed, extracted=True)
    segments = segments_from_lines(text, labels)
    clean = mask_outside(text, segments)
    return Article(text, segments, clean, "html", path, encoding, tuple(notes), html)


def _comment_lines(html: str, body_lines: list[str]) -> list[str]:
    """The page's reader comments, as trafilatura finds them, less any body line."""
    import trafilatura

    with_comments = trafilatura.bare_extraction(html, include_comments=True)
    if with_comments is None or not with_comments.comments:
        return []
    body = {" ".join(line.split()) for line in body_lines}
    lines = with_comments.comments.split("\n")
    return [line for line in lines if line.strip() and " ".join(line.split()) not in body]
