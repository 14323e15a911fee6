"""Known-answer tests for rhetoric.measures.voice (sentence labels and voice metrics)."""

from __future__ import annotations

import json
import math
import warnings

import pytest

import rhetoric
from rhetoric.measures.attribution import attribute
from rhetoric.measures.quotes import find_quotes
from rhetoric.measures.voice import analyse_voice, measure_voice
from rhetoric.text.tokens import span_within, tokenize

# 4 sentences, 27 words. Direct quotes: Putin 6 words, unattributed 5 words; one scare.
TEXT = (
    "“We will win this war soon,” Putin said. "  # 8 words, 6 quoted -> quote (0.75)
    "Critics doubt the “plan” entirely. "  # 5 words, scare only -> commentary
    "Analysts wrote that “nobody knows the real cost” of it. "  # 10 words, 5 -> mixed
    "It rained."  # 2 words
)


def result():
    doc = tokenize(TEXT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return measure_voice(doc, attribute(doc, find_quotes(doc)))


def test_sentence_labels_and_shares():
    r = result()
    assert [(s.words, s.quoted_words, s.voice) for s in r.sentences] == [
        (8, 6, "quote"),
        (5, 0, "commentary"),
        (10, 5, "mixed"),
        (2, 0, "commentary"),
    ]
    assert r.sentences[0].quoted_share == 0.75
    assert r.sentences[0].speakers == ("Vladimir Putin",)
    assert r.sentences[2].speakers == ("Analysts",)


def test_metrics_known_answers():
    m = result().metrics()
    assert m["quote_commentary_ratio"] == 11 / 14
    assert m["quotes"] == 2
    assert m["speakers"] == 2
    assert m["unattributed_quote_share"] == 0
    assert m["scare_quotes_per_1000_words"] == 1000 / 25
    assert m["commentary_sentence_share"] == 0.5


def test_unattributed_share_and_by_speaker_tables():
    t = (
        "“We will win this war soon,” Putin said.\nThen came the end.\nCritics disagreed.\n"
        + "Nothing else happened.\n" * 4
        + "“Nobody knows the real cost of it,” it went."
    )
    doc = tokenize(t)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = measure_voice(doc, attribute(doc, find_quotes(doc)))
    m = r.metrics()
    assert m["quotes"] == 2
    assert m["unattributed_quote_share"] == 7 / 13
    bs = r.by_speaker()
    assert list(bs["speaker"]) == ["(unattributed)", "Vladimir Putin"]
    assert list(bs["words"]) == [7, 6]
    ba = r.by_affiliation()
    assert list(ba["affiliation"]) == ["(unattributed)", "Russia"]


def test_quote_spans_and_in_quote():
    r = result()
    assert r.quote_spans == ((0, 28), (96, 124))
    starts, ends = zip(*r.quote_spans, strict=True)
    assert span_within(starts, ends, 1, 3)  # "We"
    assert not span_within(starts, ends, 29, 34)  # "Putin"
    assert not span_within(starts, ends, 60, 64)  # the scare-quoted "plan" is the author's voice


def test_frames_and_json_records():
    r = result()
    df = r.to_frame()
    assert list(df["voice"]) == ["quote", "commentary", "mixed", "commentary"]
    json.dumps(r.records())
    json.dumps(r.quote_records())
    assert r.records()[0]["speakers"] == ["Vladimir Putin"]


def test_unclosed_quote_reported_in_warnings():
    with pytest.warns(UserWarning):
        r = analyse_voice(tokenize("He said “we never stop\nNext paragraph here."))
    assert r.metrics()["unclosed_quotes"] == 1
    assert r.warnings == ("unclosed quotation mark at offset 8: quote ended at offset 22",)


def test_quote_share_is_quoted_words_over_words():
    """The rate over sentences, in the record of a full analysis: 11 of 25 words."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = rhetoric.analyze(TEXT).metrics
    assert m["quote_share"] == 11 / 25


def test_empty_input_gives_nan_and_warning():
    r = analyse_voice(tokenize(""))
    with pytest.warns(UserWarning, match="no words"):
        m = r.metrics()
    assert math.isnan(m["quote_commentary_ratio"]) and math.isnan(m["quotes"])


def test_no_quotes_at_all():
    r = analyse_voice(tokenize("Plain commentary here. Nothing quoted."))
    m = r.metrics()
    assert m["quote_commentary_ratio"] == 0 and m["quotes"] == 0
    assert math.isnan(m["unattributed_quote_share"])
    assert r.by_speaker().empty
