import math
import warnings

import numpy as np
import pytest

from rhetoric.analysis.records import as_articles
from rhetoric.analysis.sentences import SENTENCE_METRICS, sentence_table
from rhetoric.comparison import compare, permutation_test
from rhetoric.text.tokens import tokenize

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
    s[0].update(voice="commentary", valence=2.0, quoted_share=0.0, bias=0.8)
    s[1].update(voice="quote", valence=-1.0, quoted_share=0.6, bias=0.3)
    s[2].update(voice="commentary", valence=4.0, quoted_share=0.0, bias=0.6)
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


def test_sentence_without_quoted_share_drops_out_of_quote_share():
    rec = record()  # no sentence says how much of it is quoted
    rec["sentences"][1].update(quoted_share=0.6)
    t = sentence_table(rec)
    assert math.isnan(t["quote_words"][0]) and math.isnan(t["quote_words"][2])
    assert t["quote_words"][1] == pytest.approx(3.0)
    # only the sentence that is known counts, numerator and denominator alike
    assert compare([rec]).loc["a", "quote_share"] == pytest.approx(3 / 5)


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
    # word-weighted mean valence, then VADER's squashing (as rhetoric.measures.sentiment)
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


def test_record_value_is_reported_and_interval_comes_from_its_sentences():
    rec = rich()
    rec["metrics"] = {"quote_share": 0.9}  # edited by hand: the record's figure stands
    row = compare([rec]).loc["a"]
    assert row["quote_share"] == 0.9
    # the interval is the sentences': quoted words 0, 3, 0 of 4, 5, 4
    assert 0 <= row["quote_share_ci_low"] <= 3 / 13 <= row["quote_share_ci_high"] <= 3 / 5


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
    for s, share in zip(rec["sentences"], (0.0, 0.6, 0.0), strict=True):
        s.update(quoted_share=share)
    rec["sentences"][1].update(quoted_words=2)
    assert sentence_table(rec)["quote_words"].tolist() == [0, 2, 0]


# --- voice_test, holm, pairwise_tests, interval_table, describe_metric, tables --------

from rhetoric.comparison import (  # noqa: E402
    describe_metric,
    holm,
    interval_table,
    intervals_overlap,
    pairwise_tests,
    quote_table,
    speaker_table,
    voice_test,
    voice_tests,
)


def test_voice_test_values_and_exact_p_value():
    # commentary: S0 (4 words, 1 term) + S2 (4 words, 1 term) = 25 per 100 words;
    # quote: S1 (5 words, 1 term) = 20. Of the three ways to relabel one sentence as
    # "quote", only the observed one reaches |d| = 5, so p = 1/3.
    res = voice_test(rich(), "loaded_per_100_words", n=3000)
    assert (res.value_a, res.value_b, res.difference) == pytest.approx((25.0, 20.0, 5.0))
    assert abs(res.p_value - 1 / 3) < 0.03
    assert (res.a, res.b) == ("a: commentary", "a: quote")


def test_voice_test_sentiment_is_the_voice_mean():
    # commentary valences 2 and 4 (4 words each): m = 3 -> 3 / sqrt(24); quote: -1 / 4
    res = voice_test(rich(), "sentiment_mean", n=10)
    assert res.value_a == pytest.approx(3 / math.sqrt(24))
    assert res.value_b == pytest.approx(-0.25)


def test_voice_test_leaves_mixed_sentences_out():
    rec = rich()
    rec["sentences"][1]["voice"] = "mixed"
    with pytest.warns(UserWarning, match="undefined for the quote sentences"):
        res = voice_test(rec, "loaded_per_100_words", n=100)
    assert res.value_a == pytest.approx(25.0)
    assert math.isnan(res.value_b) and math.isnan(res.p_value)
    with pytest.raises(ValueError):
        voice_test(rich(), "quote_share")


def test_voice_test_matches_the_analysis_voice_metrics():
    from rhetoric import analyze

    text = (
        "The plan is a terrible failure and a disgrace.\n\n"
        '"We are very happy and proud of this great plan," she said.\n\n'
        "Critics call it a sad and cruel mistake."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = analyze(text)
    assert a.voices == ["commentary", "quote", "commentary"]
    res = voice_test(a, "sentiment_mean", n=10)
    assert res.value_a == pytest.approx(a.metrics["sentiment_mean_commentary"], abs=1e-3)
    assert res.value_b == pytest.approx(a.metrics["sentiment_mean_quotes"], abs=1e-3)
    assert res.value_a < 0 < res.value_b


def test_holm_by_hand():
    # sorted 0.01, 0.03, 0.04 -> 3*0.01, max(0.03, 2*0.03), max(0.06, 1*0.04)
    assert holm([0.01, 0.04, 0.03]).tolist() == pytest.approx([0.03, 0.06, 0.06])
    out = holm([math.nan, 0.5, 0.2])  # NaN does not count: m = 2
    assert math.isnan(out[0]) and out[1:].tolist() == pytest.approx([0.5, 0.4])
    assert holm([0.6, 0.7]).tolist() == [1.0, 1.0]
    assert holm([]).size == 0


def test_pairwise_tests_identical_articles_do_not_differ():
    a, b = rich(), rich()
    b["id"] = "b"
    c = record(ident="c")  # no loaded terms: 0 per 100 words; nothing quoted
    for s in c["sentences"]:
        s.update(quoted_share=0.0)
    table = pairwise_tests([a, b, c], ["loaded_per_100_words", "quote_share"], n=200)
    assert len(table) == 6
    assert list(table[["a", "b"]].itertuples(index=False, name=None))[:3] == [
        ("a", "b"),
        ("a", "c"),
        ("b", "c"),
    ]
    first = table.iloc[0]
    assert first["difference"] == 0 and first["p_value"] == 1.0 and first["p_holm"] == 1.0
    assert table.iloc[1]["value_a"] == pytest.approx(300 / 13)
    assert table.iloc[1]["value_b"] == 0
    assert (table["p_holm"] >= table["p_value"]).all()


def _frame():
    import pandas as pd

    return pd.DataFrame(
        {
            "m": [5.0, 2.0, math.nan],
            "m_ci_low": [4.0, 1.0, math.nan],
            "m_ci_high": [6.0, 3.0, math.nan],
            "share": [0.375, 0.5, 0.25],
            "share_ci_low": [0.25, math.nan, 0.125],
            "share_ci_high": [0.5, math.nan, 0.375],
        },
        index=["x", "y", "z"],
    )


def test_interval_table_formats_values_and_bounds():
    t = interval_table(
        _frame(), {"share": "quoted %", "m": "rate", "missing": "none"},
        digits={"share": 1}, scale={"share": 100},
    )  # fmt: skip
    assert t.loc["x"].tolist() == ["37.5 [25.0, 50.0]", "5.00 [4.00, 6.00]", "n/a"]
    assert t.loc["y"].tolist() == ["50.0", "2.00 [1.00, 3.00]", "n/a"]
    assert t.loc["z", "rate"] == "n/a"


def test_describe_metric_says_whether_intervals_overlap():
    f = _frame()
    assert describe_metric(f, "m", "Rate") == (
        "**Rate**: highest in x (5.00, 95% interval 4.00 to 6.00), lowest in y "
        "(2.00, 95% interval 1.00 to 3.00); their intervals do not overlap. No value for z."
    )
    assert not intervals_overlap(f, "m", "x", "y")
    f.loc["y", "m_ci_high"] = 4.0  # touching intervals count as overlapping
    assert intervals_overlap(f, "m", "x", "y")
    assert "no reliable difference" in describe_metric(f, "m")
    assert describe_metric(f, "absent", "Absent") == "**Absent**: not measured."


def test_describe_metric_writes_ids_as_literal_text_not_markup():
    from markdown_it import MarkdownIt

    f = _frame().rename(index={"x": "<img src=x onerror=alert(1)>", "z": "`<b>`z"})
    html_out = MarkdownIt().render(describe_metric(f, "m", "<script>alert(2)</script>"))
    assert "<img" not in html_out and "<script" not in html_out and "<b>" not in html_out
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_out
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html_out


TALK = (
    'One two. "Three four five," Ann said. "Six seven," someone said. '
    '"Eight nine ten eleven," Bob said. It is "odd" now.'
)


def _talk():
    def quote(first, last, **kw):
        s = TALK.index(first) - 1
        e = TALK.index(last) + len(last) + (2 if last.endswith(("five", "seven", "eleven")) else 1)
        return {"start": s, "end": e, "kind": "direct", "depth": 0, "text": TALK[s:e], **kw}

    rec = record(TALK, "t")
    rec["quotes"] = [
        quote("Three", "five", speaker="Ann", affiliation="X", speaker_confidence=0.9),
        quote("Six", "seven", speaker=None, speaker_confidence=0.01),
        quote("Eight", "eleven", speaker="Bob"),  # a record saved before the confidence
        quote("nine", "ten", speaker="Zed", depth=1),  # nested: not counted
        quote("odd", "odd", kind="scare"),
    ]
    return rec


def test_speaker_table_counts_words_by_speaker_and_affiliation():
    rec = _talk()
    assert rec["quotes"][0]["text"] == '"Three four five,"'
    assert rec["quotes"][4]["text"] == '"odd"'
    t = speaker_table([rec])  # 21 body words; 9 words in direct quotes
    assert t["speaker"].tolist() == ["Bob", "Ann", "(unattributed)"]
    assert t["words"].tolist() == [4, 3, 2]
    assert t["quotes"].tolist() == [1, 1, 1]
    assert t["share_of_quoted"].tolist() == pytest.approx([4 / 9, 3 / 9, 2 / 9])
    assert t["share_of_article"].tolist() == pytest.approx([4 / 21, 3 / 21, 2 / 21])
    a = speaker_table([rec], by="affiliation")
    assert a["affiliation"].tolist() == ["(unknown)", "X", "(unattributed)"]
    assert a["words"].tolist() == [4, 3, 2]
    with pytest.raises(ValueError):
        speaker_table([rec], by="colour")


def test_quote_table_lists_top_level_quotes_with_kinds():
    t = quote_table([_talk()])
    assert t["kind"].tolist() == ["direct", "direct", "direct", "scare"]
    assert t["words"].tolist() == [3, 2, 4, 1]
    scare = quote_table([_talk()], kinds=["scare"])
    assert scare[["text", "words", "speaker"]].values.tolist() == [['"odd"', 1, None]]
    assert t["confidence"].fillna(-1).tolist() == [0.9, 0.01, -1, -1]


def test_voice_tests_one_row_per_article_and_metric():
    b = rich()
    b["id"] = "b"
    t = voice_tests([rich(), b], n=300)
    assert t[["id", "metric"]].values.tolist() == [
        ["a", "loaded_per_100_words"],
        ["a", "sentiment_mean"],
        ["b", "loaded_per_100_words"],
        ["b", "sentiment_mean"],
    ]
    assert t["commentary"].tolist()[:2] == pytest.approx([25.0, 3 / math.sqrt(24)])
    assert t["n_commentary"].tolist() == [2, 2, 2, 2]
    assert t["n_quote"].tolist() == [1, 1, 1, 1]
    assert (t["p_holm"] >= t["p_value"]).all()


# --- readability_intervals --------------------------------------------------------------
def test_readability_intervals_known_answer_and_voice_filter():
    import rhetoric
    from rhetoric.comparison import readability_intervals

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = rhetoric.analyze('The cat sat. "The dog ran far," he said.')
    # all: W = 3 + 6 = 9, S = 2, Y = 9 (every word one syllable)
    # FK = 0.39 * 4.5 + 11.8 * 1 - 15.59 = -2.035
    t = readability_intervals([a], ["flesch_kincaid_grade"])
    assert t["value"].iloc[0] == pytest.approx(-2.035)
    assert (t["sentences"].iloc[0], t["words"].iloc[0]) == (2, 9)
    # the second sentence is 4/6 quoted: "mixed", so commentary is the first sentence only
    # FK = 0.39 * 3 + 11.8 - 15.59 = -2.62; one sentence, so no interval
    c = readability_intervals([a], ["flesch_kincaid_grade"], voice="commentary")
    assert c["value"].iloc[0] == pytest.approx(-2.62)
    assert (c["sentences"].iloc[0], c["voice"].iloc[0]) == (1, "commentary")
    assert math.isnan(c["ci_low"].iloc[0]) and math.isnan(c["ci_high"].iloc[0])


def test_readability_intervals_identical_sentences_have_zero_width():
    import rhetoric
    from rhetoric.comparison import readability_intervals

    a = rhetoric.analyze("The cat sat down. The cat sat down. The cat sat down.")
    t = readability_intervals([a], ["flesch_kincaid_grade", "words_per_sentence"])
    assert t["value"].tolist() == pytest.approx([0.39 * 4 + 11.8 - 15.59, 4.0])
    assert t["ci_low"].tolist() == pytest.approx(t["value"].tolist())
    assert t["ci_high"].tolist() == pytest.approx(t["value"].tolist())


def test_readability_intervals_without_doc_is_nan_with_warning():
    from rhetoric.comparison import readability_intervals

    with pytest.warns(UserWarning, match="no Doc"):
        t = readability_intervals([{"id": "x", "metrics": {}}], ["flesch_kincaid_grade"])
    assert math.isnan(t["value"].iloc[0]) and t["sentences"].iloc[0] == 0


def test_compare_on_saved_records_equals_compare_on_analyses():
    """What `rhetoric analyze --format jsonl` writes, read back, compares exactly as the
    analyses do: real to_dict() output, through JSON, without Doc or text."""
    import json
    from pathlib import Path

    import pandas as pd

    import rhetoric

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analyses = [rhetoric.analyze(p) for p in sorted(raw.glob("*.txt"))]
        records = [json.loads(json.dumps(a.to_dict())) for a in analyses]
        from_analyses = compare(analyses)
        from_records = compare(records)
    assert from_records["sentiment_mean_ci_low"].notna().all()
    assert from_records["loaded_per_100_words_ci_high"].notna().all()
    pd.testing.assert_frame_equal(from_records, from_analyses)
    for a, rec in zip(analyses, records, strict=True):
        table = sentence_table(rec)
        assert table["n_words"].sum() == a.metrics["words"]
        assert table["valence"].tolist() == [s.valence for s in a.sentiment.sentences]
