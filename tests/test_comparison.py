import math
import warnings

import numpy as np
import pytest

from rhetoric.comparison import (
    SENTENCE_METRICS,
    as_articles,
    compare,
    permutation_test,
    sentence_table,
)
from rhetoric.tokens import tokenize

TEXT = 'Alpha beta gamma delta. "Epsilon zeta eta," he said. Theta iota kappa lambda.'
#       S0: 4 words           S1: 5 words, 3 quoted           S2: 4 words


def span(text, word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def record(text=TEXT, ident="a", **extra):
    doc = tokenize(text)
    sents = [{"start": s, "end": e} for s, e in doc.sentences]
    rec = {"id": ident, "title": f"Article {ident}", "text": text, "sentences": sents}
    rec.update(extra)
    return rec


def rich():
    rec = record()
    s = rec["sentences"]
    s[0].update(voice="commentary", valence=2.0, quoted_share=0.0)
    s[1].update(voice="quote", valence=-1.0, quoted_share=0.6)
    s[2].update(voice="commentary", valence=4.0, quoted_share=0.0)
    rec["loaded"] = [
        dict(zip(("start", "end"), span(TEXT, "Alpha"), strict=True), in_quote=False),
        dict(zip(("start", "end"), span(TEXT, "zeta"), strict=True), in_quote=True),
        dict(zip(("start", "end"), span(TEXT, "kappa"), strict=True), in_quote=False),
    ]
    rec["quotes"] = [{"start": 24, "end": 44, "kind": "direct", "speaker": "X"}]
    return rec


def squash(m):
    return m / math.sqrt(m * m + 15)


def test_sentence_table_counts_words_quotes_and_loaded_by_offset():
    t = sentence_table(rich())
    assert t["n_words"].tolist() == [4, 5, 4]
    assert t["quote_words"].tolist() == pytest.approx([0, 3, 0])
    assert t["loaded"].tolist() == [1, 1, 1]
    assert t["loaded_commentary"].tolist() == [1, 0, 1]
    assert t["loaded_quotes"].tolist() == [0, 1, 0]


def test_quote_words_from_quote_spans_when_no_quoted_share():
    rec = record(quotes=[{"start": 24, "end": 44, "kind": "direct"}])
    assert sentence_table(rec)["quote_words"].tolist() == [0, 3, 0]
    # a title quote is not speech: it adds no quoted words
    rec = record(quotes=[{"start": 24, "end": 44, "kind": "title"}])
    assert sentence_table(rec)["quote_words"].tolist() == [0, 0, 0]


def test_loaded_term_outside_every_sentence_is_not_counted():
    text = "Alpha beta gamma delta.   Theta iota kappa lambda."
    rec = record(text)
    rec["sentences"] = [{"start": 0, "end": 23}, {"start": 26, "end": len(text)}]
    rec["loaded"] = [{"start": 24, "end": 25, "in_quote": False}]  # in the gap
    assert sentence_table(rec)["loaded"].sum() == 0


def test_compare_point_values_by_hand():
    row = compare([rich()]).loc["a"]
    assert row["n_words"] == 13
    assert row["quote_share"] == pytest.approx(3 / 13)
    assert row["loaded_per_100_words"] == pytest.approx(300 / 13)
    assert row["loaded_per_100_words_commentary"] == pytest.approx(20.0)  # 2 / 10 words
    assert row["loaded_per_100_words_quotes"] == pytest.approx(100 / 3)  # 1 / 3 words
    # word-weighted mean valence, then VADER's squashing (as rhetoric.sentiment)
    assert row["sentiment_mean"] == pytest.approx(squash((4 * 2 - 5 + 4 * 4) / 13))
    assert row["sentiment_mean_commentary"] == pytest.approx(squash(3.0))
    assert row["sentiment_mean_quotes"] == pytest.approx(-0.25)


def test_intervals_contain_value_and_are_nan_for_a_single_sentence():
    row = compare([rich()]).loc["a"]
    for name in SENTENCE_METRICS:
        if name.endswith("_quotes"):
            # one quote sentence: resampling cannot show its variability
            assert math.isnan(row[f"{name}_ci_low"]) and math.isnan(row[f"{name}_ci_high"])
        else:
            assert row[f"{name}_ci_low"] <= row[name] <= row[f"{name}_ci_high"]


def test_constant_rate_gives_zero_width_interval():
    text = "Bad one two three. Bad four five six. Bad seven eight nine."
    rec = record(text)
    rec["loaded"] = [
        {"start": s, "end": s + 3, "in_quote": False} for s in (0, 19, 38)
    ]  # one loaded word in each 4-word sentence
    assert {text[s : s + 3] for s in (0, 19, 38)} == {"Bad"}
    row = compare([rec]).loc["a"]
    assert row["loaded_per_100_words"] == 25.0
    assert row["loaded_per_100_words_ci_low"] == pytest.approx(25.0)
    assert row["loaded_per_100_words_ci_high"] == pytest.approx(25.0)


def test_longer_article_gets_narrower_interval():
    short = rich()
    long_text = " ".join([TEXT] * 12)
    long = record(long_text, "b")
    doc = tokenize(long_text)
    long["sentences"] = [
        {"start": s, "end": e, "voice": "commentary", "valence": v}
        for (s, e), v in zip(doc.sentences, [2.0, -1.0, 4.0] * 12, strict=True)
    ]
    short["sentences"] = [
        dict(s, voice="commentary") for s in short["sentences"]
    ]  # same valences, all commentary
    frame = compare([short, long])
    width = frame["sentiment_mean_ci_high"] - frame["sentiment_mean_ci_low"]
    assert frame.loc["a", "sentiment_mean"] == pytest.approx(frame.loc["b", "sentiment_mean"])
    assert width["b"] < width["a"] / 2
    assert frame.loc["b", "n_words"] == 156


def test_compare_is_reproducible_and_seeded():
    text = " ".join([TEXT] * 5)
    rec = record(text)
    rec["sentences"] = [
        dict(s, voice="commentary", valence=float(i % 7 - 3))
        for i, s in enumerate(rec["sentences"])
    ]
    a = compare([rec])
    assert a.equals(compare([rec]))
    c = compare([rec], seed=1)
    assert not np.isclose(c.loc["a", "sentiment_mean_ci_low"], a.loc["a", "sentiment_mean_ci_low"])


def test_record_metrics_win_and_other_metrics_have_nan_intervals():
    rec = rich()
    rec["metrics"] = {"words": 13, "sentences": 3, "flesch_reading_ease": 50.0}
    row = compare([rec]).loc["a"]
    assert row["flesch_reading_ease"] == 50.0
    assert math.isnan(row["flesch_reading_ease_ci_low"])
    assert row["n_sentences"] == 3
    assert "words" not in row.index  # reported as n_words


def test_record_value_that_disagrees_warns():
    rec = rich()
    rec["metrics"] = {"quote_share": 0.9}
    with pytest.warns(UserWarning, match="quote_share recomputed"):
        row = compare([rec]).loc["a"]
    assert row["quote_share"] == 0.9
    assert row["quote_share_ci_low"] <= 0.9 <= row["quote_share_ci_high"]


def test_record_without_text_or_doc_warns_and_keeps_point_values():
    rec = {"id": "z", "sentences": [{"start": 0, "end": 5}], "metrics": {"quote_share": 0.5}}
    with pytest.warns(UserWarning, match="word counts are unknown"):
        row = compare([rec]).loc["z"]
    assert row["quote_share"] == 0.5
    assert math.isnan(row["quote_share_ci_low"])


def test_empty_inputs_never_crash():
    with pytest.warns(UserWarning):
        assert compare([]).empty
    with pytest.warns(UserWarning, match="no body words"):
        row = compare([{"id": "e", "text": ""}]).loc["e"]
    assert math.isnan(row["quote_share"]) and math.isnan(row["sentiment_mean"])


def test_duplicate_ids_are_renamed():
    with pytest.warns(UserWarning, match="duplicate"):
        arts = as_articles([record(), record()])
    assert [a.id for a in arts] == ["a", "a#2"]


def test_permutation_identical_articles():
    res = permutation_test(rich(), rich(), "sentiment_mean", n=200)
    assert res.difference == 0.0
    assert res.p_value == 1.0
    assert res.records()[0]["n_permutations"] == 200


def test_permutation_p_value_matches_exact_enumeration():
    # a: two sentences of loaded rate 100%, b: two of 0%. Of the 6 ways to split four
    # sentences 2/2, 2 are as extreme as observed: exact p = 1/3.
    text_a = "Bad bad. Bad bad."
    text_b = "Ok ok. Ok ok."
    a = record(text_a, "a", loaded=[{"start": i, "end": i + 3} for i in (0, 4, 9, 13)])
    b = record(text_b, "b")
    res = permutation_test(a, b, "loaded_per_100_words", n=6000, seed=3)
    assert res.value_a == 100.0 and res.value_b == 0.0 and res.difference == 100.0
    assert abs(res.p_value - 1 / 3) < 0.03


def test_permutation_direction_and_unknown_metric():
    a, b = rich(), record(ident="b")
    res = permutation_test(a, b, "loaded_per_100_words", n=100)
    assert res.difference == pytest.approx(300 / 13)  # b has no loaded terms
    assert permutation_test(b, a, "loaded_per_100_words", n=100).difference < 0
    with pytest.raises(ValueError):
        permutation_test(a, b, "flesch_reading_ease")


def test_permutation_undefined_metric_gives_nan():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = permutation_test(record(), record(ident="b"), "sentiment_mean_quotes", n=50)
    assert math.isnan(res.p_value) and caught
    assert res.records()[0]["p_value"] is None


def test_record_quoted_words_win_over_share():
    rec = record()
    rec["sentences"][1].update(quoted_share=0.6, quoted_words=2)
    assert sentence_table(rec)["quote_words"].tolist() == [0, 2, 0]
