"""The flat fallback for HTML: a page's visible text, one line per block.

:func:`plain_text` is used when the main extractor (trafilatura) finds no article text,
for example in a page whose prose sits thousands of elements deep, which tree-based
parsers refuse. It walks the page as a stream of tags with the standard library's
``html.parser`` (no tree, so no depth limit, and linear time), drops what a reader
never sees (scripts, styles, templates, the head) and starts a new line at every block
element. The page chrome that remains is then labelled by the line rules, as for a
page copied as text.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["plain_text"]

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl",
        "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "td", "th", "title", "tr", "ul",
    }
)  # fmt: skip


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0  # depth inside invisible elements
        self.title = ""
        self.in_title = False

    def _break(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ARG002
        if tag == "title":
            self.in_title = True
        elif tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # noqa: ARG002
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.hidden:
            self.current.append(data)


def plain_text(html: str) -> tuple[str, str]:
    """``(title, text)`` of a page: the ``<title>`` and the visible text, one line per
    block element, blocks separated by blank lines."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._break()
    return " ".join(parser.title.split()), "\n\n".join(parser.lines)
