"""Known-answer tests for the shared tokeniser: words, sentences and their offsets."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from rhetoric.text import tokens
from rhetoric.text.tokens import tokenize


def words(text: str, clean: str | None = None) -> list[str]:
    doc = tokenize(text, clean)
    return [doc.word_text(i) for i in range(len(doc.words))]


def sentences(text: str) -> list[str]:
    doc = tokenize(text)
    return [text[s:e] for s, e in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don’t go; it isn't safe.", ["Don’t", "go", "it", "isn't", "safe"]),
        ("O’Brien’s plan", ["O’Brien’s", "plan"]),
        ("rock 'n' roll", ["rock", "n", "roll"]),  # quotes around a word are not part of it
        (
            "the China-Russia deal, COVID-19 and 10-15 years",
            ["the", "China-Russia", "deal", "COVID-19", "and", "10-15", "years"],
        ),
        (
            "a dash – here -- and -there trailing- end",
            ["a", "dash", "here", "and", "there", "trailing", "end"],
        ),
        (
            "$69.53 billion, 1,200 jobs, 3.5% and 2,000,000 people",
            ["69.53", "billion", "1,200", "jobs", "3.5", "and", "2,000,000", "people"],
        ),
        ("the 1990s, 24/7", ["the", "1990s", "24", "7"]),
        (
            "in the U.S. and the E.U., e.g. today",
            ["in", "the", "U.S.", "and", "the", "E.U.", "e.g.", "today"],
        ),
        ("x.y is not an initialism", ["x", "y", "is", "not", "an", "initialism"]),
        ("(t)he end of (a) list", ["(t)he", "end", "of", "a", "list"]),
        ("— … !!! ??? 100% ---", ["100"]),
        ("naïve café Zürich", ["naïve", "café", "Zürich"]),
        ("snake_case", ["snake", "case"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


def test_word_offsets_index_the_text():
    text = "He said: “Don’t.”"
    doc = tokenize(text)
    assert doc.words == ((0, 2), (3, 7), (10, 15))
    assert [text[s:e] for s, e in doc.words] == ["He", "said", "Don’t"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones on Jan. 3. They talked.",
            ["Mr. Smith met Dr. Jones on Jan. 3.", "They talked."],
        ),
        ("J. R. Smith agreed. So did we.", ["J. R. Smith agreed.", "So did we."]),
        ("The U.S. Army left. It rained.", ["The U.S. Army left.", "It rained."]),
        (
            'He said "we will win." Critics disagreed.',
            ['He said "we will win."', "Critics disagreed."],
        ),
        ("“Really?” she asked. Yes!", ["“Really?” she asked.", "Yes!"]),
        ("Was it true? Yes! No.", ["Was it true?", "Yes!", "No."]),
        ("Well… Maybe. Wait... what? Fine.", ["Well…", "Maybe.", "Wait... what?", "Fine."]),
        (
            "The sum was 3.5 million. It rose to 4. Then it fell.",
            ["The sum was 3.5 million.", "It rose to 4.", "Then it fell."],
        ),
        ("(It was.) Then more.", ["(It was.)", "Then more."]),
        ("It ended at 5 p.m. on Friday.", ["It ended at 5 p.m. on Friday."]),
        ("the end. but lower case goes on", ["the end. but lower case goes on"]),
        ("Growth was 2%. 2015 was worse.", ["Growth was 2%.", "2015 was worse."]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_paragraph_end_and_heading_without_stop_end_sentences():
    text = "A Heading Without Stop\n\nFirst para ends here. Second sentence\nNext para."
    doc = tokenize(text)
    assert sentences(text) == [
        "A Heading Without Stop",
        "First para ends here.",
        "Second sentence",
        "Next para.",
    ]
    assert doc.paragraphs == ((0, 22), (24, 61), (62, 72))
    assert doc.word_sentence == (0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3)
    assert doc.sentence_words == ((0, 4), (4, 8), (8, 10), (10, 12))


def test_crlf_line_endings_stay_out_of_sentences():
    text = "First line.\r\nSecond line.\r\n"
    doc = tokenize(text)
    assert [text[s:e] for s, e in doc.sentences] == ["First line.", "Second line."]


def test_clean_text_decides_what_is_tokenised():
    text = "Menu\nThe vote passed.\n© 2021"
    clean = "    \nThe vote passed.\n      "
    doc = tokenize(text, clean)
    assert [doc.word_text(i) for i in range(len(doc.words))] == ["The", "vote", "passed"]
    assert doc.sentences == ((5, 21),)
    assert doc.sentence_text(0) == "The vote passed."


def test_span_text_folds_white_space():
    doc = tokenize("Two   spaces\tand a tab.")
    assert doc.span_text(0, len(doc.text)) == "Two spaces and a tab."


def test_clean_of_another_length_is_refused():
    with pytest.raises(ValueError, match="same length"):
        tokenize("abc", "ab")


def test_empty_text_has_no_tokens():
    doc = tokenize("")
    assert (doc.paragraphs, doc.sentences, doc.words, doc.sentence_words) == ((), (), (), ())
    doc = tokenize(" \n\t\n")
    assert doc.n_words == 0 and doc.sentences == ()


def test_possessive_before_a_full_stop_ends_the_sentence():
    assert sentences("He works at St. Mary’s. Prices rose.") == [
        "He works at St. Mary’s.",
        "Prices rose.",
    ]


def test_words_within_is_word_wholly_inside_a_span():
    """Against the definition, word by word, on random (overlapping, touching, empty)
    spans; spans that overlap or touch count as one (a word across the seam of two
    touching quotes is inside)."""
    import random

    from rhetoric.text.tokens import merge_spans, words_within

    text = "Mr. Smith said “the U.S. won’t back down” — and China-Russia ties (69.53%) grew. " * 3
    doc = tokenize(text)
    rng = random.Random(5)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 5)):
            a = rng.randint(0, len(text))
            spans.append((a, min(len(text), a + rng.randint(0, 40))))
        merged = merge_spans(spans)
        expected = [any(s <= ws and we <= e for s, e in merged) for ws, we in doc.words]
        assert words_within(doc, spans) == expected, spans


def test_fast_word_patterns_equal_word_re():
    import random
    from pathlib import Path

    from rhetoric.text.tokens import _WORD_FAST_RE, _WORD_NO_UNDERSCORE_RE, WORD_RE

    rng = random.Random(0)
    pieces = list("aZé9_.,'’-  \n\t—()") + ["U.S.", "e.g.", "69.53", "don't", "A.B.C", "x-y", "ʼ"]
    pieces += ["(t)he", "(_)x", "(é)", "(9)1", "((a)b", "a(b)c", "(1)-2", "a.(b)"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 30))) for _ in range(20000)]
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    texts += [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    for text in texts:
        expected = [m.span() for m in WORD_RE.finditer(text)]
        assert [m.span() for m in _WORD_FAST_RE.finditer(text)] == expected, repr(text)
        no_underscore = text.replace("_", " ")
        expected = [m.span() for m in WORD_RE.finditer(no_underscore)]
        fast = [m.span() for m in _WORD_NO_UNDERSCORE_RE.finditer(no_underscore)]
        assert fast == expected, repr(no_underscore)


def test_words_are_word_re_over_each_sentence():
    # tokenize searches whole paragraphs; the definition is WORD_RE in each sentence
    import random

    from rhetoric.text.tokens import WORD_RE

    rng = random.Random(1)
    pieces = [*"aZé9.,'’-()!?\"“” \n", " ", "  ", "\n\n", "U.S.", "(t)he", "69.53", "Mr.", "A. B"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 40))) for _ in range(5000)]
    texts.append("He said (t)he deal was off. Then (a) list (b) item.\n\nU.S. 4.5 (x) y.")
    for text in texts:
        doc = tokenize(text)
        by_sentence = [m.span() for s, e in doc.sentences for m in WORD_RE.finditer(text, s, e)]
        assert list(doc.words) == by_sentence, repr(text)
        assert [doc.word_sentence[w] for w in range(len(doc.words))] == [
            i for i, (s, e) in enumerate(doc.sentences) for _ in WORD_RE.finditer(text, s, e)
        ]


def test_editorial_insertion_still_one_word():
    doc = tokenize("He said (t)he deal was off. Then (a) list (b) item.")
    assert [doc.word_text(i) for i in range(3)] == ["He", "said", "(t)he"]
    assert "list" in [doc.word_text(i) for i in range(len(doc.words))]


def test_properties_filled_by_tokenize_equal_the_computed_ones():
    """tokenize() fills ``sentence_words``, ``word_starts`` and ``word_ends`` as it goes;
    a Doc built by hand computes them."""
    from pathlib import Path

    from rhetoric.text.tokens import Doc

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    texts += ["", "— …", "A. B.\n\n— .\n\nEnd. — ! Fine."]
    for text in texts:
        doc = tokenize(text)
        fields = (doc.text, doc.clean, doc.paragraphs, doc.sentences, doc.words)
        fresh = Doc(*fields, doc.word_sentence)
        for name in ("sentence_words", "word_starts", "word_ends"):
            assert getattr(doc, name) == getattr(fresh, name), name
            assert type(getattr(doc, name)) is tuple


def _is_abbreviation_by_definition(clean, para_start, dot):
    i = dot  # back over letters and stops, one character at a time
    while i > para_start and (clean[i - 1].isalpha() or clean[i - 1] == "."):
        i -= 1
    token = clean[i:dot].lower()
    if not token or (i > para_start and clean[i - 1] in "'’"):
        return False
    if len(token) == 1 and token.isalpha():
        return True
    return token in tokens.ABBREVIATIONS or tokens._INITIALISM.fullmatch(token) is not None


def test_abbreviation_test_equals_its_definition():
    rng = random.Random(0)
    pieces = [*"abcXYZéñßΣ.'’ 1²½_-", "Mr", "Dr", "U.S", "e.g", "vs", "J", "etc", "Jan", "x" * 40]
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) + "."
        dot = len(text) - 1
        start = rng.randint(0, dot)
        got = tokens._is_abbreviation(text, start, dot)
        assert got == _is_abbreviation_by_definition(text, start, dot), (text, start)


def test_sentence_end_pattern_equals_the_plain_one():
    plain = re.compile(tokens._SENT_END_PLAIN)
    chars = [*"aAZ0.!?…\"'”’»)]“‘«([\n\t \u00a0\u2028", "Mr.", "U.S.", "?!.", ".…", "…."]
    rng = random.Random(1)
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 60)))
        lo, hi = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        got = [m.span() for m in tokens._SENT_END_RE.finditer(text, lo, hi)]
        assert got == [m.span() for m in plain.finditer(text, lo, hi)], text


def _split_sentences_by_definition(clean, paragraphs):
    """split_sentences with the plain end pattern, white space skipped one by one."""
    plain = re.compile(tokens._SENT_END_PLAIN)
    out = []
    for p_start, p_end in paragraphs:
        start = p_start
        for m in plain.finditer(clean, p_start, p_end):
            if (
                clean[m.start()] == "."
                and m.group().rstrip(tokens._CLOSERS) == "."
                and tokens._is_abbreviation(clean, p_start, m.start())
            ):
                continue
            out.append((start, m.end()))
            start = m.end()
            while start < p_end and clean[start].isspace():
                start += 1
        if start < p_end:
            out.append((start, p_end))
    return out


def test_split_sentences_equals_its_definition():
    chars = [*"aAZ0.!?…\"'”’»)]“‘«([\n\t  \u00a0\u2028\x0b", "Mr.", "U.S.", "J.", " The", "?!"]
    rng = random.Random(2)
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 80))) for _ in range(10_000)]
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    texts += [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    for text in texts:
        paragraphs = tuple(m.span() for m in tokens._PARAGRAPH_RE.finditer(text))
        expected = _split_sentences_by_definition(text, paragraphs)
        assert tokens.split_sentences(text, paragraphs) == expected, repr(text)
