import html
from html.parser import HTMLParser

import pytest

from rhetoric.text.tokens import tokenize
from rhetoric.viz.reading import CATEGORY_COLOURS, SPEAKER_COLOURS, highlight

ALLOWED_TAGS = {"div", "h3", "p", "span", "strong", "ul", "li", "em"}
ALLOWED_ATTRS = {"class", "style", "title"}


class Checker(HTMLParser):
    """Records tags, attributes and text; fails on bad nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.attrs, self.text = [], [], [], []
        self.elements = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self.elements.append((tag, dict(attrs)))
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        # body text (inside <p>) with the classes of the spans it sits in
        if not any(t == "p" for t, _ in self.stack):
            return
        classes = tuple(a.get("class") for t, a in self.stack if t == "span")
        self.text.append((data, classes))


def parse(out):
    c = Checker()
    c.feed(out)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    return c


def find(text, piece):
    s = text.index(piece)
    return s, s + len(piece)


PAYLOADS = ["<script>alert(1)</script>", '" onmouseover="x', "'><img src=x onerror=y>"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_text_speaker_category_title_are_escaped(payload):
    text = f'He wrote "{payload} now" and {payload} again.'
    q0, q1 = find(text, f'"{payload} now"')
    l0, l1 = find(text, "again")
    rec = {
        "id": payload,
        "title": payload,
        "text": text,
        "quotes": [
            {"start": q0, "end": q1, "kind": "direct", "speaker": payload, "affiliation": payload}
        ],
        "loaded": [{"start": l0, "end": l1, "category": payload, "strength": payload}],
        "warnings": [payload],
    }
    out = highlight(rec)
    assert payload not in out
    for raw in ("<script", "<img", 'onmouseover="', "'>", "onerror=y>"):
        assert raw not in out
    assert html.escape(payload, quote=True) in out
    c = parse(out)
    assert set(c.tags) <= ALLOWED_TAGS
    assert {name for name, _ in c.attrs} <= ALLOWED_ATTRS
    # the escaped payload comes back as text, and inside attribute values only as text
    titles = [v for k, v in c.attrs if k == "title"]
    assert any(payload in t for t in titles)
    styles = [v for k, v in c.attrs if k == "style"]
    assert not any(payload in s for s in styles)


def test_loaded_term_inside_quote_nests():
    text = 'She said "the regime is evil" today.'
    q0, q1 = find(text, '"the regime is evil"')
    l0, l1 = find(text, "evil")
    rec = {
        "text": text,
        "quotes": [{"start": q0, "end": q1, "kind": "direct", "speaker": "Ann"}],
        "loaded": [{"start": l0, "end": l1, "category": "pejorative", "in_quote": True}],
    }
    c = parse(highlight(rec))
    pieces = {d: cls for d, cls in c.text}
    assert pieces["evil"] == ("rh-quote", "rh-loaded")
    assert pieces['"the regime is '] == ("rh-quote",)
    assert pieces[" today."] == ()


def test_crossing_spans_are_split_and_text_is_preserved():
    text = 'Odd "quoted words" end.'
    q0, q1 = find(text, '"quoted words"')
    l0, l1 = find(text, 'words" end')  # starts inside the quote, ends after it
    rec = {
        "text": text,
        "quotes": [{"start": q0, "end": q1, "kind": "direct"}],
        "loaded": [{"start": l0, "end": l1, "category": "c"}],
    }
    c = parse(highlight(rec))
    body = "".join(d for d, cls in c.text if cls)  # text inside spans
    assert body == '"quoted words" end'
    pieces = [(d, cls) for d, cls in c.text if cls]
    assert pieces == [
        ('"quoted ', ("rh-quote",)),
        ('words"', ("rh-quote", "rh-loaded")),
        (" end", ("rh-loaded",)),
    ]


def test_quote_kinds_speaker_colours_and_hover():
    text = (
        'A "one two three four" and "five six seven eight" and "nine ten eleven twelve" x "scary".'
    )
    spans = [find(text, p) for p in ('"one', '"five', '"nine', '"scary"')]
    ends = [find(text, p)[1] for p in ('four"', 'eight"', 'twelve"', '"scary"')]
    quotes = [
        {"start": spans[0][0], "end": ends[0], "kind": "direct", "speaker": "Ann",
         "affiliation": "us_west"},
        {"start": spans[1][0], "end": ends[1], "kind": "direct", "speaker": "Bo"},
        {"start": spans[2][0], "end": ends[2], "kind": "direct", "speaker": "Ann"},
        {"start": spans[3][0], "end": ends[3], "kind": "scare"},
    ]  # fmt: skip
    out = highlight({"text": text, "quotes": quotes})
    c = parse(out)
    spans_out = [a for t, a in c.elements if a.get("class") == "rh-quote"]
    assert len(spans_out) == 4
    ann1, bo, ann2, scare = spans_out
    assert SPEAKER_COLOURS[0] in ann1["style"] and ann1["style"] == ann2["style"]
    assert SPEAKER_COLOURS[1] in bo["style"]
    assert ann1["title"] == "quote (direct); speaker: Ann; affiliation: us_west"
    assert "dashed" in scare["style"] and "background" not in scare["style"]
    assert "Legend" in out and "scare quote" in out


def test_title_quotes_are_plain_and_switches_work():
    text = 'The film "Red Dawn Rising" was panned as "junk" by critics.'
    t0, t1 = find(text, '"Red Dawn Rising"')
    j0, j1 = find(text, "junk")
    rec = {
        "text": text,
        "quotes": [{"start": t0, "end": t1, "kind": "title"}],
        "loaded": [{"start": j0, "end": j1, "category": "pejorative", "strength": 2}],
    }
    out = highlight(rec)
    assert "rh-quote" not in out
    assert 'title="loaded term; category: pejorative; strength: 2"' in out
    assert CATEGORY_COLOURS[1] in out  # pejorative is the 2nd default category, always
    assert "rh-loaded" not in highlight(rec, loaded=False)


def test_masked_markup_is_hidden_and_paragraphs_kept():
    text = "**Bold** claim here.\n\nSecond para."
    clean = "  Bold   claim here.\n\nSecond para."
    doc = tokenize(text, clean)
    c = parse(highlight({"doc": doc, "title": "T"}))
    paras = [d for d, _ in c.text]
    assert "Bold claim here." in paras and "Second para." in paras
    assert c.tags.count("p") == 2


def test_no_text_gives_a_message_not_a_crash():
    with pytest.warns(UserWarning):
        out = highlight({"id": "x", "quotes": []})
    assert "No article text" in out


def test_category_colours_are_the_same_in_every_article():
    text = "A vile and vicious plan."
    (a0, a1), (b0, b1) = find(text, "vile"), find(text, "vicious")
    one = highlight({"text": text, "loaded": [{"start": b0, "end": b1, "category": "fear"}]})
    two = highlight(
        {
            "text": text,
            "loaded": [
                {"start": a0, "end": a1, "category": "pejorative"},
                {"start": b0, "end": b1, "category": "fear"},
                {"start": 0, "end": 1, "category": "my_own"},
            ],
        }
    )
    fear = CATEGORY_COLOURS[4]  # name_calling, pejorative, dehumanising, hyperbole, fear
    assert fear in one and fear in two
    assert CATEGORY_COLOURS[8] in two  # a user category comes after the eight defaults
