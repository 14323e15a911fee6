"""Markdown masking: markup becomes spaces, the length and every kept character stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import rhetoric
from rhetoric.text.markdown import looks_like_markdown, mask_markdown
from rhetoric.text.tokens import tokenize

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Heading #", "  Heading  "),
        ("### Sub", "    Sub"),
        ("A [link](http://x.com/a_b) here", "A  link                    here"),
        ("[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) ok", " Foo" + " " * 43 + "ok"),
        ("[ref][1] and [1]: not a definition", " ref     and [1]: not a definition"),
        ("[1]: http://example.com", " " * 23),
        ("![chart](http://i.png) cap", " " * 23 + "cap"),
        ("[![alt](i.png)](http://x)", " " * 25),
        ("Price \\$5, *em*, **strong**, _u_", "Price  $5,  em ,   strong  ,  u "),
        ("\\*not em\\*", " *not em *"),
        ("See <http://x.com> or <a@b.org>.", "See " + " " * 14 + " or " + " " * 9 + "."),
        ("Data at https://ex.org/data, here", "Data at " + " " * 19 + ", here"),
        ("(see www.example.com).", "(see " + " " * 15 + ")."),
        ("- item one", "  item one"),
        ("* item two", "  item two"),
        ("12. twelfth", "    twelfth"),
        ("> quoted text", "  quoted text"),
        ("> > nested", "    nested"),
        ('a <span class="x">b</span> c', "a " + " " * 16 + "b" + " " * 8 + "c"),
        ("x <!-- note --> y", "x " + " " * 13 + " y"),
        ("<script>var x=1;</script>body", " " * 25 + "body"),
        ("AT&amp;T &#8217;", "AT" + " " * 5 + "T" + " " * 8),
        ("code `x = 1` end", "code  x = 1  end"),
        ("```python\nx = 1\n```\nafter", " " * 9 + "\n" + " " * 5 + "\n" + "   " + "\nafter"),
        ("a ~~strike~~ b", "a   strike   b"),
        ("note[^1] here", "note     here"),
        ("Title\n=====", "Title\n     "),
        ("***\n---", "   \n   "),
        ("| a | b |\n|---|:-:|", "| a | b |\n         "),
        ("end of line\\\nnext", "end of line \nnext"),
        ("snake_case_word, 2 * 3 * 4 and 5*3", "snake_case_word, 2 * 3 * 4 and 5*3"),
        ("    indented prose stays", "    indented prose stays"),
    ],
)
def test_mask_markdown(text, expected):
    masked = mask_markdown(text)
    assert masked == expected
    assert len(masked) == len(text)


def test_masking_only_blanks():
    text = (PAGES / "substack.md.ann").read_text(encoding="utf-8")
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert all(m == t or m == " " for m, t in zip(masked, text, strict=True))
    assert [i for i, c in enumerate(text) if c == "\n"] == [
        i for i, c in enumerate(masked) if c == "\n"
    ]


MARKDOWN_ARTICLE = """\
# The Port Strike Ends

By [Lena Hoffmann](https://example.org/lena)

Grain shipments **resumed** on Tuesday, the [port authority](https://port.example/news) said.

> "We are *glad* it is over," said Klaus Weber. See <https://example.org/weber>.

## What comes next

- Talks resume in June, and the union wants \\$3 more an hour.
- The full text is at https://example.org/deal for anyone who asks.

![A ship](https://img.example/ship.jpg)
"""


def test_metrics_see_no_markup_and_offsets_index_the_original(tmp_path):
    path = tmp_path / "strike.md"
    path.write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    article = rhetoric.load(path)
    assert article.format == "markdown"
    assert article.text == MARKDOWN_ARTICLE
    assert article.title == "The Port Strike Ends"
    doc = tokenize(article.text, article.clean)
    found = [doc.word_text(i) for i in range(len(doc.words))]
    assert found[:6] == ["Grain", "shipments", "resumed", "on", "Tuesday", "the"]
    lowered = {w.lower() for w in found}
    for markup in ("http", "https", "www", "org", "example", "jpg", "ship", "lena"):
        assert markup not in lowered
    assert "3" in found and "weber" in lowered and "comes" in lowered
    for start, end in doc.words:
        assert MARKDOWN_ARTICLE[start:end] == article.clean[start:end]
    assert not re.search(r"[#*>\[\]\\]|\(http", article.body)
    assert "$3 more an hour" in article.body


def test_markdown_is_detected_by_suffix_or_two_kinds_of_markup():
    assert looks_like_markdown("plain words", "a.md")
    assert not looks_like_markdown("plain words", "a.txt")
    assert looks_like_markdown("# Title\n\nSee [x](http://y).", "a.txt")
    assert not looks_like_markdown("# not enough on its own", None)
    assert not looks_like_markdown("He paid $5 * 3 for it.\nC# is a language.", None)


def test_crlf_markdown_is_masked_like_lf():
    text = (
        MARKDOWN_ARTICLE
        + "[1]: http://x.org\n## Head ##\n---\nend\\\nx\n|---|---|\n```\ncode\n```\n"
    )
    crlf = text.replace("\n", "\r\n")
    assert mask_markdown(crlf) == mask_markdown(text).replace("\n", "\r\n")


def test_markdown_signals_find_what_the_plain_patterns_find():
    """The signal patterns written to start with a literal against their plain forms."""
    import random
    import re

    from rhetoric.text.markdown import _SIGNALS

    plain = [
        re.compile(r"\[[^\[\]\n]+\]\([^)\n]*\)"),  # link text holds no [: linear time
        re.compile(r"^#{1,6}\s+\S", re.M),
        re.compile(r"\\[$*_#\[\]`]"),
        re.compile(r"<(?:https?://|mailto:)[^>\s]+>"),
        re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),
        re.compile(r"^```|^~~~", re.M),
    ]
    rng = random.Random(4)
    alphabet = list("#`~*_ \n\ta[]()<>\\$") + ["https://x", "mailto:y", "**", "__", "```"]
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(20000)]
    hits = 0
    for text in texts:
        for patterns, reference in zip(_SIGNALS, plain, strict=True):
            found = any(p.search(text) for p in patterns)
            assert found == bool(reference.search(text)), (reference.pattern, text)
            hits += found
    assert hits > 5000
