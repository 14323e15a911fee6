"""Known answers for the gold line labels the page model is trained and scored with
(``scripts/page_lines.py``)."""

from __future__ import annotations

import pytest
from page_lines import GoldIndex, gold_labels

GOLD = "The council voted to close two libraries. Residents packed the gallery in protest."


def test_share_of_a_line_found_in_the_gold_article():
    index = GoldIndex(GOLD)
    assert index.share("The council voted to close two libraries.") == 1.0
    # 4-gram shingles of "Residents packed the gallery for a vote": 1 of 4 in the gold
    assert index.share("Residents packed the gallery for a vote") == pytest.approx(1 / 4)
    assert index.share("in protest") == 1.0  # a short line: its whole word sequence
    assert index.share("Sign in") == 0.0
    assert index.share("* * *") is None


def test_gold_labels_leave_out_blank_lines_and_the_headline():
    lines = ["Libraries to close", "", "Home", "The council voted to close two libraries."]
    assert gold_labels(lines, GOLD, title="Libraries to close") == [None, None, False, True]


def _lines(text: str) -> list[str]:
    """The non-blank lines of a rendering, trimmed."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_renderings_keep_blocks_on_lines_of_their_own():
    pytest.importorskip("inscriptis")
    pytest.importorskip("markdownify")
    from page_lines import as_markdown, as_text

    html = (
        "<html><head><title>T</title><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<h1>Libraries to close</h1><p>The council <b>voted</b> on Tuesday.</p></body></html>"
    )
    text = _lines(as_text(html))
    assert text == ["Home World", "Libraries to close", "The council voted on Tuesday."]
    markdown = as_markdown(html)
    assert "# Libraries to close" in markdown
    assert "[Home](/)" in markdown
    assert "var x" not in markdown and "var x" not in as_text(html)


def test_text_rendering_leaves_out_what_a_browser_does_not_render():
    pytest.importorskip("inscriptis")
    from page_lines import as_text

    html = (
        "<html><body><p>The council voted.</p><noscript>Enable JavaScript</noscript>"
        "<template><p>Teaser</p></template><div hidden>Captions settings</div>"
        "<div aria-hidden='true'>Shown icon label</div><p>Residents protested.</p></body></html>"
    )
    text = _lines(as_text(html))
    assert text == ["The council voted.", "Shown icon label", "Residents protested."]
