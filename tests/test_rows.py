"""rhetoric.text.rows: tables of articles read in chunks, bad rows kept as error rows."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from rhetoric.text import rows as rows_module
from rhetoric.text.rows import is_table, read_rows, rows_of

ARTICLES = [
    {"id": "a1", "outlet": "Left", "text": 'The minister said "we will win." It was reckless.'},
    {"id": "a2", "outlet": "Right", "text": ""},
    {"id": "", "outlet": "Left", "text": "Critics called the plan a disgrace."},
    {"id": "a4", "outlet": None, "text": None},
]


def write(tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    frame = pd.DataFrame(ARTICLES)
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet"])
def test_every_row_once_with_bad_rows_as_errors(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(rows_module, "CHUNK_ROWS", 3)  # more than one chunk
    path = write(tmp_path, suffix)
    got = list(read_rows(path, "text", "id", ["outlet"]))
    assert [r.id for r in got] == ["a1", "a2", "corpus-3", "a4"]  # an empty id: name-row
    assert [r.source for r in got] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert got[0].text == ARTICLES[0]["text"] and got[0].error is None
    assert got[0].keep == {"outlet": "Left"}
    assert "empty" in got[1].error and got[1].text is None
    assert got[2].text == ARTICLES[2]["text"]
    empty = "" if suffix in (".csv", ".tsv") else None  # CSV has no null: an empty cell
    assert got[3].error and got[3].keep == {"outlet": empty}


def test_a_missing_column_is_named(tmp_path):
    with pytest.raises(ValueError, match="'body'"):
        list(read_rows(write(tmp_path, ".csv"), "body"))


def test_jsonl_lines_that_are_not_objects_are_error_rows(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "Fine text here."}\n[1, 2]\nnot json\n{"text": 7}\n', "utf-8")
    got = list(read_rows(path))
    assert got[0].error is None
    assert "not a JSON object" in got[1].error and "not a JSON object" in got[2].error
    assert "int, not a string" in got[3].error


def test_rows_of_mappings_and_table_suffixes():
    got = list(rows_of([{"t": "One."}, {"t": 3.5}], "frame", "t"))
    assert [r.id for r in got] == ["frame-1", "frame-2"] and "float" in got[1].error
    assert is_table("a.CSV") and is_table("b.ndjson") and not is_table("c.txt")
