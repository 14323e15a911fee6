"""Markdown detection and offset-preserving masking of Markdown markup.

:func:`mask_markdown` returns a string of the same length as its input in which
markup characters (heading hashes, emphasis markers, link brackets and URLs, bare
``<url>`` links, backslashes of ``\\$`` escapes, inline HTML tags) are replaced by
spaces, so the words a metric sees are the words a reader sees while every offset
still points into the original text.
"""

from __future__ import annotations

import re
from pathlib import Path

_SIGNALS = (
    re.compile(r"\[[^\]\n]+\]\([^)\n]*\)"),  # [text](url)
    re.compile(r"^#{1,6}\s+\S", re.M),  # heading
    re.compile(r"\\[$*_#\[\]`]"),  # backslash escape
    re.compile(r"<(?:https?://|mailto:)[^>\s]+>"),  # autolink
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # strong emphasis
)
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def looks_like_markdown(text: str, path: str | Path | None = None) -> bool:
    """True for a ``.md`` file, or text with at least two kinds of Markdown markup."""
    if path is not None and Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    return sum(1 for pattern in _SIGNALS if pattern.search(text)) >= 2


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~])")
_LINE_PREFIX = re.compile(
    r"^(?P<pre>[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)+)"
)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(\[)([^\]\n]*)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:|www\.)[^>\s]*>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"(`+)(.+?)\1")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def mask_markdown(text: str) -> str:
    """Blank Markdown markup to spaces; the result has the same length as ``text``."""
    chars = list(text)
    # Escaped characters are literal: hide them from the other patterns.
    probe = list(text)
    for m in _ESCAPE.finditer(text):
        _blank(chars, m.start(), m.start() + 1)
        probe[m.start()] = probe[m.start() + 1] = "x"
    work = "".join(probe)
    offset = 0
    for line in work.split("\n"):
        end = offset + len(line)
        if _RULE.match(line):
            _blank(chars, offset, end)
        else:
            m = _LINE_PREFIX.match(line)
            if m:
                _blank(chars, offset, offset + m.end())
            m = _CLOSING_HASHES.search(line)
            if m and line.lstrip().startswith("#"):
                _blank(chars, offset + m.start(), end)
        offset = end + 1
    for pattern in (_IMAGE, _AUTOLINK, _TAG):
        for m in pattern.finditer(work):
            _blank(chars, *m.span())
    for m in _LINK.finditer(work):
        _blank(chars, *m.span(1))
        _blank(chars, *m.span(3))
    for pattern in (_STRONG, _EM, _CODE):
        for m in pattern.finditer(work):
            _blank(chars, *m.span(1))
            _blank(chars, m.end(2), m.end())
    return "".join(chars)
