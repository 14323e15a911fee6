"""Markdown detection and offset-preserving masking of Markdown markup.

:func:`mask_markdown` returns a string of the same length as its input in which
markup is replaced by spaces (line breaks are kept), so the words a metric sees are
the words a reader sees while every offset still points into the original text. Only
blanking happens: every character that is not blanked is the original character, so a
word found in the masked text is the same word at the same offsets in the original.

What is blanked:

* block markers at the start of a line: heading hashes (and closing hashes), block
  quote ``>``, list bullets and numbers, footnote definition labels;
* whole lines that are only markup: thematic breaks (``---``, ``***``), Setext
  heading underlines (``===``), table separator rows, link reference definitions
  (``[1]: http://…``), fenced code blocks (fences and content);
* images ``![alt](src)`` entirely (the alt text is not prose the reader reads);
* links ``[text](url)`` and ``[text][ref]``: brackets and target, the text is kept;
* autolinks ``<http://…>`` and bare URLs (``http://…``, ``www.…``);
* emphasis markers ``*``, ``**``, ``_``, ``__``, ``~~`` and inline-code backticks
  (the code's text is kept);
* inline HTML tags, HTML comments, ``<script>``/``<style>`` elements with their
  content, and character references (``&amp;``, ``&#8217;``);
* the backslash of an escape (``\\$`` becomes `` $``) and of a hard line break.

Indented code blocks are not recognised: text dumps often indent prose (comments,
quotations) by four spaces, and dropping prose is worse than keeping code.
"""

from __future__ import annotations

import re
from pathlib import Path

# Kinds of Markdown markup, each found by any of its patterns. A pattern starts with
# a literal where it can ("#(?<=^#)" is "^#" written so that the search can skip to
# the "#"), which makes the test fast on plain text.
_SIGNALS = (
    (re.compile(r"\[[^\[\]\n]+\]\([^)\n]*\)"),),  # [text](url); an unclosed [ stops at the next [
    (re.compile(r"#(?<=^#)#{0,5}\s+\S", re.M),),  # heading: ^#{1,6}\s+\S
    (re.compile(r"\\[$*_#\[\]`]"),),  # backslash escape
    (re.compile(r"<(?:https?://|mailto:)[^>\s]+>"),),  # autolink
    (re.compile(r"\*\*[^*\n]+\*\*"), re.compile(r"__[^_\n]+__")),  # strong emphasis
    (re.compile(r"```(?<=^```)", re.M), re.compile(r"~~~(?<=^~~~)", re.M)),  # code fence
)
_DETECT_CHARS = 200_000  # markup shows in the first 200,000 characters or not at all
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def looks_like_markdown(text: str, path: str | Path | None = None) -> bool:
    """True for a ``.md`` file, or text with at least two kinds of Markdown markup.

    Only the first 200,000 characters are examined.
    """
    if path is not None and Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    head = text[:_DETECT_CHARS]
    found = [any(p.search(head) for p in patterns) for patterns in _SIGNALS]
    return sum(found) >= 2


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~\"'&%])")
_HARD_BREAK = re.compile(r"\\(?=\r?$)", re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_LINE_PREFIX = re.compile(
    r"^(?P<pre>[ \t]{0,3}(?:#{1,6}(?:[ \t]+|$)|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+"
    r"(?:\[[ xX]\][ \t]+)?|\[\^[^\]\s]+\]:[ \t]*)+)"
)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_MARKUP_LINE = re.compile(
    r"^[ \t]*(?:([-*_])(?:[ \t]*\1){2,}"  # thematic break
    r"|=+|-+"  # Setext underline
    r"|\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?"  # table separator row
    r"|\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?"  # link reference
    r")[ \t]*$"
)
_PARENS = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # a link target, one level of nested parentheses
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:" + _PARENS + r"|\[[^\]\n]*\])")
_LINK = re.compile(r"(\[)((?:[^\[\]\n]|\[[^\[\]\n]*\])*)(\]" + _PARENS + r"|\]\[[^\]\n]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:|www\.)[^>\s]*>|<[^@>\s]+@[^@>\s]+\.\w+>")
_BARE_URL = re.compile(
    r"(?<![\w/@.])(?:https?://|ftp://|www\.)[^\s<>\"\[\]]*[^\s<>\"\[\].,;:!?'”’)]"
)
_RAW_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_RAW_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
INLINE_SPAN = 1000
"""Emphasis, strike-through and code spans longer than this many characters are not
taken for markup: an unclosed ``*`` then costs a bounded look-ahead, not a scan to the
end of the line (which made runs of them quadratic)."""
_SPAN = rf"(.{{1,{INLINE_SPAN}}}?)"
_STRONG = re.compile(r"(\*\*|__)(?=\S)" + _SPAN + r"(?<=\S)\1")
_EM = re.compile(r"(?<![\w*\\])(\*|_)(?=[^\s*_])" + _SPAN + r"(?<=[^\s*_\\])\1(?![\w*])")
_STRIKE = re.compile(r"(~~)(?=\S)" + _SPAN + r"(?<=\S)\1")
_CODE = re.compile(r"(`+)" + _SPAN + r"\1")


def _raw_elements(work: str) -> list[tuple[int, int]]:
    """Script and style elements, first opening to first closing, in one pass: once an
    opening has no closing, no later one of its kind can have one either, so nothing is
    scanned twice (a regex ``<script.*?</script>`` scans to the end for every unclosed
    tag)."""
    spans = []
    pos, closed = 0, {"script": True, "style": True}
    while (m := _RAW_OPEN.search(work, pos)) is not None:
        tag = m.group(1).lower()
        end = _RAW_CLOSE[tag].search(work, m.end()) if closed[tag] else None
        if end is None:
            closed[tag] = False
            pos = m.end()
            continue
        spans.append((m.start(), end.end()))
        pos = end.end()
    return spans


def _comments(work: str) -> list[tuple[int, int]]:
    """HTML comments, ``<!--`` to the first ``-->``, in one pass (as above)."""
    spans = []
    pos = 0
    while (start := work.find("<!--", pos)) >= 0:
        end = work.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        pos = end + 3
    return spans


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def mask_markdown(text: str) -> str:
    """Blank Markdown markup to spaces; the result has the same length as ``text``.

    See the module docstring for what counts as markup. Every character not blanked
    is unchanged, so offsets into the result are offsets into ``text``.
    """
    chars = list(text)
    # Escaped characters are literal: the probe hides them from the other patterns.
    probe = list(text)
    for m in _ESCAPE.finditer(text):
        _blank(chars, m.start(), m.start() + 1)
        probe[m.start()] = probe[m.start() + 1] = "x"
    for m in _HARD_BREAK.finditer(text):
        if probe[m.start()] == "\\":
            _blank(chars, m.start(), m.end())
    work = "".join(probe)
    _mask_lines(work, chars)
    work = _merge(work, chars)
    for find in (_raw_elements, _comments, lambda w: (m.span() for m in _IMAGE.finditer(w))):
        for span in find(work):
            _blank(chars, *span)
        work = _merge(work, chars)
    for m in _LINK.finditer(work):
        _blank(chars, *m.span(1))
        _blank(chars, *m.span(3))
    for pattern in (_FOOTNOTE_REF, _AUTOLINK, _TAG, _ENTITY):
        for m in pattern.finditer(work):
            _blank(chars, *m.span())
    work = _merge(work, chars)
    for m in _BARE_URL.finditer(work):
        _blank(chars, *m.span())
    work = _merge(work, chars)
    for pattern in (_CODE, _STRONG, _EM, _STRIKE):
        for m in pattern.finditer(work):
            _blank(chars, *m.span(1))
            _blank(chars, m.end(2), m.end())
        work = _merge(work, chars)
    return "".join(chars)


def _merge(work: str, chars: list[str]) -> str:
    """The probe text with what has been blanked so far blanked too."""
    return "".join(" " if c == " " and w != " " else w for w, c in zip(work, chars, strict=True))


def _mask_lines(work: str, chars: list[str]) -> None:
    """Blank line-level markup: code fences, rules, block prefixes, closing hashes."""
    offset = 0
    fence: str | None = None
    for full in work.split("\n"):
        end = offset + len(full)
        line = full.removesuffix("\r")  # CRLF: the \r is kept, markup is matched without it
        m = _FENCE.match(line)
        if fence is not None:
            _blank(chars, offset, offset + len(line))
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
        elif m:
            fence = m.group(1)
            _blank(chars, offset, offset + len(line))
        elif _MARKUP_LINE.match(line):
            _blank(chars, offset, offset + len(line))
        else:
            m = _LINE_PREFIX.match(line)
            if m:
                _blank(chars, offset, offset + m.end())
            m = _CLOSING_HASHES.search(line)
            if m and line.lstrip().startswith("#"):
                _blank(chars, offset + m.start(), offset + m.end())
        offset = end + 1
