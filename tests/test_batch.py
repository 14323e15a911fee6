"""rhetoric.analysis.batch and the CLI on tables: one row out per row in, bad rows kept,
metrics equal to analyze(), csv and parquet read back, resumable, parallel alike."""

from __future__ import annotations

import csv
import io
import json
import math
import warnings

import pandas as pd
import pytest

import rhetoric
from rhetoric.analysis.batch import analyze_frame, fields, records
from rhetoric.analysis.result import metric_names
from rhetoric.cli import main
from rhetoric.text.rows import Row

FRAME = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d", "e"],
        "outlet": ["Left", "Right", "Left", "Right", "Left"],
        "text": [
            'The minister said "we will win." Critics called the evil plan reckless.',
            None,
            "",
            "Officials welcomed the deal. It brings peace and prosperity, they said.",
            "“It is a disgrace,” said Senator Smith. The vote was close.",
        ],
    }
)


def same(a, b):
    return (a is None and b is None) or a == b or (math.isnan(a) and math.isnan(b))


def test_analyze_frame_rows_match_analyze_and_bad_rows_are_kept():
    out = analyze_frame(FRAME, keep=["outlet"], progress=False)
    assert list(out.columns) == fields(["outlet"])
    assert out["id"].tolist() == ["a", "b", "c", "d", "e"]
    assert out["outlet"].tolist() == FRAME["outlet"].tolist()
    assert out["error"].notna().tolist() == [False, True, True, False, False]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in (0, 3, 4):
            metrics = rhetoric.analyze(FRAME["text"][i]).metrics
            assert all(same(metrics[m], out.loc[i, m]) for m in metric_names())
    assert out.loc[1, list(metric_names())].isna().all()


def test_analyze_frame_in_two_processes_gives_the_same_rows():
    one = analyze_frame(FRAME, keep=["outlet"], progress=False)
    two = analyze_frame(FRAME, keep=["outlet"], jobs=2, progress=False)
    pd.testing.assert_frame_equal(one, two)


def test_analyze_frame_names_a_missing_column():
    with pytest.raises(ValueError, match="'body'"):
        analyze_frame(FRAME, text="body")
    with pytest.raises(ValueError, match="'section'"):
        analyze_frame(FRAME, keep=["section"])


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "corpus.csv"
    FRAME.to_csv(path, index=False)
    return path


def test_cli_reads_a_table_and_writes_csv_with_kept_columns(table, tmp_path, capsys):
    out = tmp_path / "out.csv"
    args = ["analyze", str(table), "--text-column", "text", "--id-column", "id"]
    assert main([*args, "--keep", "outlet", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["id"] for r in rows] == ["a", "b", "c", "d", "e"]
    assert [r["outlet"] for r in rows] == FRAME["outlet"].tolist()
    assert [bool(r["error"]) for r in rows] == [False, True, True, False, False]
    frame = analyze_frame(FRAME, keep=["outlet"], progress=False)
    assert [float(r["words"]) for r in rows if r["words"]] == frame["words"].dropna().tolist()
    assert "2 could not be read" in capsys.readouterr().err


def test_cli_parquet_output_reads_back_as_the_frame(table, tmp_path):
    out = tmp_path / "out.parquet"
    args = ["analyze", str(table), "--text-column", "text", "--id-column", "id"]
    assert main([*args, "--keep", "outlet", "--format", "parquet", "-o", str(out)]) == 0
    back = pd.read_parquet(out)
    frame = analyze_frame(FRAME, keep=["outlet"], progress=False)
    frame["path"] = [f"{table}:{n}" for n in range(1, 6)]
    assert back["error"].notna().tolist() == frame["error"].notna().tolist()
    # the messages name the source: the file's rows here, "rows" in the frame
    back, frame = back.drop(columns="error"), frame.drop(columns="error")
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)


def test_cli_jsonl_records_carry_the_kept_columns_and_resume(table, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    args = ["analyze", str(table), "--text-column", "text", "--keep", "outlet"]
    args += ["--format", "jsonl", "-o", str(out)]
    assert main(args) == 0
    lines = out.read_text().splitlines()
    first = json.loads(lines[0])
    assert first["columns"] == {"outlet": "Left"} and first["id"] == "corpus-1"
    out.write_text("\n".join(lines[:2]) + "\n")  # as if stopped after two rows
    assert main([*args, "--resume"]) == 0
    again = [json.loads(line)["path"] for line in out.read_text().splitlines()]
    assert again == [f"{table}:{n}" for n in range(1, 6)]  # every row exactly once
    capsys.readouterr()


def test_a_table_that_cannot_be_read_is_an_error_record_and_the_rest_go_on(table, tmp_path, capsys):
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet at all")
    missing = tmp_path / "missing.csv"
    out = tmp_path / "out.jsonl"
    args = ["analyze", str(broken), str(missing), str(table), "--text-column", "text"]
    assert main([*args, "--format", "jsonl", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert "cannot be read as a table" in records[0]["error"]
    assert "cannot be read as a table" in records[1]["error"]
    assert len(records) == 2 + 5  # then every row of the good table
    assert main(["analyze", str(table), "--text-column", "body"]) == 1  # nothing analysed
    assert "'body'" in capsys.readouterr().err


def test_cli_usage_errors(table, capsys):
    with pytest.raises(SystemExit):
        main(["analyze", str(table), "--keep", "outlet"])  # --keep without --text-column
    with pytest.raises(SystemExit):
        main(["analyze", str(table), "--text-column", "text", "--format", "parquet"])
    capsys.readouterr()


@pytest.mark.parametrize("jobs", [1, 2])
def test_records_stop_at_a_safe_point_when_interrupted_says_so(jobs):
    # a signal handler only notes the signal; the batch raises it between records (and,
    # with workers, while it waits for them), so no lock is left half-released
    texts = [Row(f"a{i}", f"Article {i}. The minister said “we win.”", "t") for i in range(40)]
    pending: list[BaseException] = []
    got = []
    with pytest.raises(KeyboardInterrupt):
        for record in records(
            texts, jobs=jobs, interrupted=lambda: pending[0] if pending else None
        ):
            got.append(record)
            if len(got) == 3:
                pending.append(KeyboardInterrupt())
    assert [r["id"] for r in got] == ["a0", "a1", "a2"] and "error" not in got[0]
    assert len(list(records(texts[:5], jobs=jobs, interrupted=lambda: None))) == 5
