"""Known-answer tests for rhetoric.measures.stance."""

import io
import math

import pytest

from rhetoric.measures.stance import StanceLexicon, find_stance_markers, measure_stance
from rhetoric.text.tokens import tokenize


def markers(text):
    return [(m.text, m.category) for m in find_stance_markers(tokenize(text))]


def test_hedges_and_boosters_by_hand():
    text = "Perhaps the plan may work. It will clearly fail, of course."
    # 11 words; hedges: Perhaps, may; boosters: clearly, of course
    m = measure_stance(tokenize(text))
    assert (m["words"], m["hedges"], m["boosters"]) == (11, 2, 2)
    assert m["hedges_per_100_words"] == pytest.approx(200 / 11)
    assert m["boosters_per_100_words"] == pytest.approx(200 / 11)
    assert markers(text) == [
        ("Perhaps", "hedge"),
        ("may", "hedge"),
        ("clearly", "booster"),
        ("of course", "booster"),
    ]


def test_tricky_negatives():
    # the month and the surname, a sentence-internal capital; "appeared on" is not "appeared to"
    assert markers("In May, Theresa May appeared on television.") == []
    # "of" and "course" in different sentences do not form "of course"
    assert markers("He spoke of. Course work began.") == []
    assert markers("It reportedly, allegedly happened. May it rain.") == [
        ("reportedly", "hedge"),
        ("allegedly", "hedge"),
        ("May", "hedge"),
    ]


def test_longest_match():
    assert markers("Without a doubt it was no doubt true.") == [
        ("Without a doubt", "booster"),
        ("no doubt", "booster"),
    ]


def test_quotes_and_commentary():
    text = 'He said "it may rain" and it clearly will.'
    doc = tokenize(text)
    q0 = text.index('"')
    q1 = text.index('"', q0 + 1) + 1
    m = measure_stance(doc, quote_spans=[(q0, q1)])
    # 9 words: 3 in the quote (it may rain), 6 outside
    assert m["hedges_per_100_words_quotes"] == pytest.approx(100 / 3)
    assert m["boosters_per_100_words_quotes"] == 0.0
    assert m["hedges_per_100_words_commentary"] == 0.0
    assert m["boosters_per_100_words_commentary"] == pytest.approx(100 / 6)
    m = measure_stance(doc)
    assert math.isnan(m["hedges_per_100_words_quotes"])
    assert (
        m["hedges_per_100_words_commentary"] == m["hedges_per_100_words"] == pytest.approx(100 / 9)
    )


def test_custom_lexicon_and_empty():
    lex = StanceLexicon.from_csv(io.StringIO("term,category,note\nno way,booster,\n"))
    doc = tokenize("No way it works.")
    assert measure_stance(doc, lexicon=lex)["boosters"] == 1
    assert measure_stance(doc, lexicon=StanceLexicon.default() | lex)["boosters"] == 1
    with pytest.raises(ValueError):
        StanceLexicon.from_csv(io.StringIO("term,category\nx,maybe\n"))
    with pytest.warns(UserWarning):
        m = measure_stance(tokenize(""))
    assert math.isnan(m["hedges_per_100_words"])


def test_words_are_normalised_one_by_one():
    # each word is lower-cased alone, as the lexicon's terms are: "ΟΔΟΣ" is "οδος" with a
    # final sigma even before ".Ο" (in the whole text it would be "οδοσ"), and "İ",
    # whose lower case is two characters, shifts no later word
    lexicon = StanceLexicon((("οδος", "hedge", ""), ("οδοσα", "booster", "")))
    text = "İİ ΟΔΟΣ.ΟΔΟΣΑ said ΟΔΟΣ"
    found = [(m.text, m.category) for m in find_stance_markers(tokenize(text), lexicon)]
    assert found == [("ΟΔΟΣ", "hedge"), ("ΟΔΟΣΑ", "booster"), ("ΟΔΟΣ", "hedge")]


def test_second_word_shortcut_finds_what_the_full_search_finds():
    import random

    default = StanceLexicon.default()
    # a first word that is a term by itself and starts longer ones ("in", "in fact")
    extended = StanceLexicon((*default.entries, ("in", "hedge", ""), ("so sure", "booster", "")))
    words = sorted({w for t, _, _ in extended.entries for w in t.split()})
    assert any(len(t.split()) > 1 for t, _, _ in default.entries)
    rng = random.Random(2)
    alphabet = [*words, "May", "Fact", "the", "news", ".", "\n\n", "’", "'"]
    for lex in (default, extended):
        plain = StanceLexicon(lex.entries)
        plain.__dict__["_second_words"] = {}  # every first word tried against every term
        for _ in range(500):
            text = " ".join(rng.choices(alphabet, k=rng.randrange(1, 40)))
            doc = tokenize(text)
            assert find_stance_markers(doc, lex) == find_stance_markers(doc, plain)
