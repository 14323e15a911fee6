"""rhetoric.analysis.sentences on real records: one definition, the same value everywhere."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import rhetoric
from rhetoric.analysis.sentences import (
    SENTENCE_METRICS,
    analysis_columns,
    sentence_columns,
    sentence_table,
)
from rhetoric.cli import main

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = sorted(RAW.glob("*.txt"))


@pytest.fixture(scope="module")
def analyses():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [rhetoric.analyze(p) for p in SEEDS]


def test_record_rates_are_the_sentence_table_rates(analyses):
    for a in analyses:
        table = sentence_table(a.to_dict())
        for name, rate in SENTENCE_METRICS.items():
            np.testing.assert_equal(a.metrics[name], rate.value(table), err_msg=name)


def test_record_sentiment_interval_is_the_one_compare_prints(analyses):
    frame = rhetoric.compare(analyses)
    for a in analyses:
        got = (a.metrics["sentiment_ci_low"], a.metrics["sentiment_ci_high"])
        row = frame.loc[a.id]
        assert got == (row["sentiment_mean_ci_low"], row["sentiment_mean_ci_high"])
        assert got[0] < a.metrics["sentiment_mean"] < got[1]


def test_compare_of_cli_output_read_back_equals_compare_of_analyses(analyses, tmp_path, capsys):
    out = tmp_path / "seeds.jsonl"
    assert main(["analyze", *map(str, SEEDS), "--format", "jsonl", "-o", str(out)]) == 0
    records = rhetoric.read_records(out)
    assert [r["id"] for r in records] == [a.id for a in analyses]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.testing.assert_frame_equal(rhetoric.compare(records), rhetoric.compare(analyses))


def test_analysis_columns_equal_the_columns_of_its_record(analyses):
    # what analyze() computes its rates from, read from the parts, is the record's table
    for a in analyses:
        from_parts = analysis_columns(a.voice, a.sentiment, a.loaded)
        from_record = sentence_columns(json.loads(json.dumps(a.to_dict())))
        assert from_parts.keys() == from_record.keys()
        for key in from_record:
            assert from_parts[key].dtype == from_record[key].dtype, key
            np.testing.assert_array_equal(from_parts[key], from_record[key], err_msg=key)


def test_sentence_columns_from_a_record_equal_those_from_the_analysis(analyses):
    for a in analyses:
        from_record = sentence_columns(json.loads(json.dumps(a.to_dict())))
        from_analysis = sentence_columns(a)
        assert from_record.keys() == from_analysis.keys()
        for key in from_record:
            np.testing.assert_array_equal(from_record[key], from_analysis[key], err_msg=key)


def test_a_rate_counts_only_sentences_it_can_measure():
    table = {
        "n_words": np.array([10.0, 10.0, np.nan]),
        "quote_words": np.array([5.0, np.nan, 3.0]),
    }
    rate = SENTENCE_METRICS["quote_share"]
    num, den = rate.parts(table)
    assert num.tolist() == [5.0, 0.0, 0.0] and den.tolist() == [10.0, 0.0, 0.0]
    assert rate.value(table) == 0.5


def test_bias_mean_is_word_weighted_and_the_share_counts_sentences_at_half_or_more():
    table = {
        "n_words": np.array([10.0, 30.0, 5.0, 0.0]),
        "bias": np.array([0.9, 0.1, np.nan, 0.7]),
    }
    # (0.9 * 10 + 0.1 * 30) / 40 = 0.3; the unscored and the empty sentence do not count
    assert SENTENCE_METRICS["bias_mean"].value(table) == pytest.approx(0.3)
    assert SENTENCE_METRICS["biased_sentence_share"].value(table) == pytest.approx(0.5)
    table["bias"] = np.array([0.5, 0.49, 0.2, 0.7])
    assert SENTENCE_METRICS["biased_sentence_share"].value(table) == pytest.approx(1 / 3)


def test_the_record_carries_sentence_bias_and_its_rates():
    import rhetoric

    a = rhetoric.analyze(
        "The corrupt regime's vile thugs lie again. The committee met on Tuesday at noon."
    )
    record = a.to_dict()
    bias = [s["bias"] for s in record["sentences"]]
    assert len(bias) == 2 and all(0.0 < b < 1.0 for b in bias)
    assert bias[0] > bias[1]
    words = [s["words"] for s in record["sentences"]]
    expected = (bias[0] * words[0] + bias[1] * words[1]) / sum(words)
    assert record["metrics"]["bias_mean"] == pytest.approx(expected)
    assert record["metrics"]["biased_sentence_share"] == pytest.approx(
        sum(b >= 0.5 for b in bias) / 2
    )
    assert isinstance(record["loaded_candidates"], list)
