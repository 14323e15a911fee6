"""Reader-facing tables: each call of the library, checkable one by one."""

import math

import rhetoric
from rhetoric.text.tokens import tokenize
from rhetoric.viz import tables


def test_loaded_in_context_marks_the_term_in_its_sentence():
    text = "We saw a vicious attack. Calm day."
    doc = tokenize(text)
    rec = {
        "id": "x",
        "text": text,
        "sentences": [{"start": s, "end": e} for s, e in doc.sentences],
        "loaded": [
            {
                "start": 9,
                "end": 16,
                "text": "vicious",
                "category": "pejorative",
                "in_quote": False,
                "source": "lexicon",
                "term": "vicious*",
                "score": None,
            },
        ],  # fmt: skip
    }
    t = tables.loaded_in_context(rec)
    assert t["sentence"].tolist() == ["We saw a «vicious» attack."]
    assert t[["term", "voice", "source", "entry"]].iloc[0].tolist() == [
        "vicious", "commentary", "lexicon", "vicious*",
    ]  # fmt: skip
    assert math.isnan(t["score"].iloc[0])


def test_sentence_boundaries_finds_quote_ends_and_headings_only():

    text = 'He said "we win." Then he left.\n\nA Final Comment\n\nThe end came.'
    t = tables.sentence_boundaries(rhetoric.analyze(text))
    assert t[["sentence", "kind", "words"]].values.tolist() == [
        [0, "quote", 4],
        [2, "no stop", 3],
    ]
    assert t["next starts"].iloc[0] == "Then he left …"


def test_syllable_table_separates_dictionary_and_estimates():

    t = tables.syllable_table(rhetoric.analyze("In 2012 the cat saw a cat."))
    rows = {r.word: (r.count, r.syllables, r.source) for r in t.itertuples()}
    assert rows["2012"] == (1, 1, "estimated")  # a number is not in the CMU dictionary
    assert rows["cat"] == (2, 1, "dictionary")
    assert t["source"].iloc[0] == "estimated"


def test_shared_sentences_lists_only_sentences_with_two_groups():

    t = tables.shared_sentences(rhetoric.analyze("Russia and China met. The US stayed home."))
    assert t[["sentence", "groups"]].values.tolist() == [[0, "russia, china"]]


def test_styled_escapes_cells_and_labels_in_every_column():
    import pandas as pd

    from rhetoric.viz.tables import styled

    frame = pd.DataFrame(
        {"<b>col</b>": ["He said “<script>x()</script>”"], "share": [0.5]},
        index=["<img src=x onerror=y()>"],
    )
    page = styled(frame, {"share": "{:.0%}"}, na_rep="").to_html()
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page and "50%" in page
    assert "&lt;img src=x onerror=y()&gt;" in page and "&lt;b&gt;col&lt;/b&gt;" in page


def test_quote_formats_show_confidence_to_two_decimals_and_whole_word_counts():
    import re

    from rhetoric.comparison import quote_table

    text = "“We will win,” Smith said. She called it a “scam” and “We are ready,” he added."
    quotes = quote_table([rhetoric.analyze(text)])
    assert quotes["words"].dtype.kind == "f"  # NaN-able: pandas would print 3.000000
    page = tables.styled(quotes, tables.QUOTE_FORMATS, na_rep="").to_html()
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
    numbers = [c for c in cells if re.fullmatch(r"-?\d+(\.\d+)?", c)]
    assert numbers and not [c for c in numbers if re.fullmatch(r"\d+\.\d{3,}", c)]
    confidence = quotes["confidence"].dropna().iloc[0]
    assert f"{confidence:.2f}" in cells
