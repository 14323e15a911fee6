"""Annotated web pages rendered as a reader would copy them, with a gold label per line.

Shared by ``scripts/train_page_model.py`` (fits the line model on the *train* pages) and
``evaluation/eval_pages_text.py`` (scores the labeller on the *held-out* pages).

Data: Mozilla Readability's test pages (``../shared/data/pages/readability/*/``): the page
(``source.html``), the article as a human-checked reader view gives it
(``expected.html``) and its metadata (``expected-metadata.json``, with the title).

Renderings (the tools are in the ``evaluation`` extra of ``pyproject.toml``):

* ``text``: :mod:`inscriptis` with links and images off, which lays a page out as a
  browser's "select all, copy" does (one line per block, inline elements joined, table
  cells side by side, list items on their own lines, nothing from ``<script>``,
  ``<style>`` or ``<head>``), and without what a browser does not render
  (``<noscript>``, ``<template>``, elements with the ``hidden`` attribute; inscriptis
  itself leaves out inline ``display: none``), which a copy does not hold;
* ``markdown``: :mod:`markdownify` (the Python port of Turndown, the converter of the
  common web clippers) on the page's ``<body>`` without scripts, styles and forms'
  hidden inputs, ATX headings, ``*`` bullets.

Gold line labels: a line is *content* when at least half of its word 4-gram shingles (a
line of fewer than four words: its whole word sequence) occur in the expected article
text; every other line with words is *chrome*. Blank lines and lines without a word have
no label.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ROOT.parent / "shared" / "data" / "pages" / "readability"
FORMATS = ("text", "markdown")
_WORD = re.compile(r"\w+")
_UNRENDERED = ("noscript", "template")
_DROP = ("script", "style", "svg", "head", "iframe", "object") + _UNRENDERED
_XML_DECLARATION = re.compile(r"^<\?xml [^>]*\?>")


@dataclass(frozen=True)
class Page:
    """One annotated page: its folder name, renderings, gold article text and title."""

    name: str
    text: str
    markdown: str
    gold: str
    title: str


def page_folders(root: Path = DEFAULT_PAGES) -> list[Path]:
    """The page folders under ``root`` that hold a source and an expected article."""
    return sorted(
        p
        for p in root.iterdir()
        if (p / "source.html").is_file() and (p / "expected.html").is_file()
    )


def read_html(path: Path) -> str:
    """The page decoded as ``rhetoric.load`` decodes it (declared encoding, stray NULs
    and bad bytes as :func:`rhetoric.text.decode.decode_bytes` reads them)."""
    from rhetoric.text.decode import decode_bytes

    return decode_bytes(path.read_bytes(), str(path))[0]


def drop_unrendered(tree) -> None:
    """Remove what a browser does not render, so a copy of the page leaves it out:
    ``<noscript>`` (scripts run), ``<template>`` and elements with the ``hidden``
    attribute. (inscriptis already leaves out inline ``display: none``; ``aria-hidden``
    only hides from screen readers, so it stays.)"""
    for element in list(tree.iter(*_UNRENDERED)) + tree.xpath("//*[@hidden]"):
        if element.getparent() is not None:
            element.drop_tree()


def as_text(html: str) -> str:
    """The page as a browser copy gives it (inscriptis, links and images off; nothing
    a browser does not render: :func:`drop_unrendered`)."""
    import lxml.html
    from inscriptis import Inscriptis
    from inscriptis.model.config import ParserConfig

    html = _XML_DECLARATION.sub("", html.strip(), count=1)
    if not html:
        return ""
    try:
        tree = lxml.html.document_fromstring(html)
    except lxml.etree.ParserError:  # as inscriptis.get_text reads an unparsable page
        tree = lxml.html.document_fromstring("<pre>" + html + "</pre>")
    drop_unrendered(tree)
    return Inscriptis(tree, ParserConfig(display_links=False, display_images=False)).get_text()


def as_markdown(html: str) -> str:
    """The page as a web clipper gives it (markdownify of the ``<body>``)."""
    import lxml.html
    from markdownify import markdownify

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - an empty or broken page: convert it as it is
        return markdownify(html, heading_style="ATX", bullets="*")
    for element in tree.iter(*_DROP):
        if element.getparent() is not None:
            element.drop_tree()
    body = lxml.html.tostring(tree, encoding="unicode")
    out = markdownify(body, heading_style="ATX", bullets="*")
    return re.sub(r"\n{3,}", "\n\n", out)


def load_page(folder: Path) -> Page:
    source = read_html(folder / "source.html")
    gold = as_text(read_html(folder / "expected.html"))
    meta_path = folder / "expected-metadata.json"
    title = ""
    if meta_path.is_file():
        title = json.loads(meta_path.read_text(encoding="utf-8")).get("title") or ""
    return Page(folder.name, as_text(source), as_markdown(source), gold, title)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class GoldIndex:
    """The word n-grams (n = 1..4) of a gold text, to test lines against."""

    def __init__(self, gold: str) -> None:
        w = words(gold)
        self.grams = {n: {tuple(w[i : i + n]) for i in range(len(w) - n + 1)} for n in range(1, 5)}

    def share(self, line: str) -> float | None:
        """Share of the line's 4-gram shingles found in the gold text (None: no word)."""
        w = words(line)
        if not w:
            return None
        if len(w) < 4:
            return float(tuple(w) in self.grams[len(w)])
        shingles = [tuple(w[i : i + 4]) for i in range(len(w) - 3)]
        return sum(s in self.grams[4] for s in shingles) / len(shingles)


def gold_labels(lines: list[str], gold: str, title: str = "") -> list[bool | None]:
    """True (content), False (chrome) or None for each line.

    None: a line without a word, or the headline (``title``; Readability's expected
    article leaves it out, so it is neither article nor chrome for the body measure).
    """
    index = GoldIndex(gold)
    headline = words(title)
    out: list[bool | None] = []
    for line in lines:
        share = index.share(line)
        if share is None or (headline and words(line) == headline):
            out.append(None)
        else:
            out.append(share >= 0.5)
    return out
