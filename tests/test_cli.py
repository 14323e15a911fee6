"""The command line: formats, the extraction check at a glance, batches with bad files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rhetoric.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [str(p) for p in sorted((ROOT / "data" / "raw").glob("*.txt"))]


def test_table_shows_each_body_and_none_of_the_page(capsys):
    assert main(["analyze", *SEEDS, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "China’s President Xi Jinping calls" in out  # 000's first body words
    assert "On the eve of Vladimir Putin’s" in out  # 003
    assert "On July 4, Putin and Xi" in out  # 004, its italic lead unmarked
    for chrome in ("VISIT MY", "Leave a Reply", "bloggers", "Disclaimer", "Forever Forward"):
        assert chrome not in out
    assert " 1147 " in out  # counts print as integers


def test_jsonl_and_csv_give_one_record_per_file(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    assert main(["analyze", *SEEDS, str(bad), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in records] == [Path(p).stem for p in SEEDS] + ["bad"]
    assert "looks binary" in records[-1]["error"]
    assert captured.err.count("looks binary") == 1
    assert captured.err.count("never closed") == 1  # 000's unclosed quote, said once
    assert main(["analyze", *SEEDS, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [int(r["words"]) for r in rows] == [587, 1147, 329]


def test_recursive_with_two_workers_matches_one(capsys, tmp_path):
    for p in SEEDS:
        (tmp_path / Path(p).name).write_bytes(Path(p).read_bytes())
    main(["analyze", str(tmp_path), "-r", "--format", "jsonl"])
    one = capsys.readouterr().out
    main(["analyze", str(tmp_path), "-r", "--format", "jsonl", "--jobs", "2"])
    assert capsys.readouterr().out == one


def test_nothing_readable_is_exit_code_1(capsys, tmp_path):
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 1
    assert "no such file" in capsys.readouterr().err
