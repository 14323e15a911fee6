"""rhetoric.text.html: the flat fallback's visible text, on pages whose answer is known."""

from __future__ import annotations

from rhetoric.text.html import plain_text


def test_blocks_become_lines_and_invisible_text_is_dropped():
    page = (
        "<html><head><title> A  title </title><style>p {}</style></head><body>"
        "<nav>Home | World</nav><h1>Head</h1><p>One <b>bold</b> word.<br>Next line.</p>"
        "<script>var x = '<p>no</p>';</script><ul><li>First</li><li>Second</li></ul>"
        "<p>Caf&eacute; &amp; bar</p></body></html>"
    )
    title, text = plain_text(page)
    assert title == "A title"
    assert text.split("\n\n") == [
        "Home | World",
        "Head",
        "One bold word.",
        "Next line.",
        "First",
        "Second",
        "Café & bar",
    ]


def test_nothing_visible_gives_empty_text():
    assert plain_text("<div><script>x()</script></div>") == ("", "")
