"""The command line: formats, the extraction check at a glance, batches with bad files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_file_name_not_utf8_is_kept_and_never_stops_the_batch(tmp_path, fmt):
    """A name with an undecodable byte gets its record; output stays valid UTF-8."""
    import os
    import subprocess
    import sys

    folder = os.fsencode(tmp_path)
    good = "Title\n\nThe council met today and agreed on a plan for the town.\n"
    for name in (b"caf\xe9.txt", b"plain.txt"):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(good)
    run = subprocess.run(
        [sys.executable, "-m", "rhetoric.cli", "analyze", str(tmp_path), "-r", "--format", fmt],
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    out = run.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    assert "plain" in out
    if fmt in ("jsonl", "json"):
        records = [json.loads(x) for x in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        paths = sorted(r["path"] for r in records)
        assert len(records) == 2 and all("error" not in r for r in records)
        assert os.fsencode(paths[0]).endswith(b"caf\xe9.txt")  # lossless
    else:
        assert "caf\\xe9" in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fifo_and_broken_links_get_error_records_and_never_block(tmp_path, jobs):
    import os
    import subprocess
    import sys

    (tmp_path / "good.txt").write_text("Title\n\nThe council met today and agreed on a plan.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    run = subprocess.run(
        [sys.executable, "-m", "rhetoric.cli", "analyze", str(tmp_path), "-r"]
        + ["--format", "jsonl", "--jobs", jobs],
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    records = {Path(r["path"]).name: r for r in map(json.loads, run.stdout.splitlines())}
    assert sorted(records) == ["broken.txt", "good.txt", "loop.txt", "pipe.txt"]
    assert "error" not in records["good.txt"]
    assert "not a regular file" in records["pipe.txt"]["error"]
    assert "error" in records["broken.txt"] and "error" in records["loop.txt"]


def test_csv_columns_do_not_depend_on_the_first_file(capsys, tmp_path):
    from rhetoric.analysis.result import metric_names

    bad = tmp_path / "aaa_unreadable.txt"
    bad.write_bytes(b"\x00\x01\x02")
    assert main(["analyze", str(bad), *SEEDS, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["aaa_unreadable"] + [Path(p).stem for p in SEEDS]
    assert "looks binary" in rows[0]["error"] and rows[0]["words"] == ""
    assert [int(r["words"]) for r in rows[1:]] == [587, 1147, 329]  # none dropped
    assert list(rows[0])[5:] == list(metric_names())


def test_every_record_carries_exactly_the_metric_names():
    import warnings

    import rhetoric
    from rhetoric.analysis.result import metric_names

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in ("", "One.", 'He said "no." It was reckless.', Path(SEEDS[0]).read_text()):
            assert tuple(rhetoric.analyze(text).metrics) == metric_names()


def _interrupt_after(monkeypatch, n):
    """The batch raises KeyboardInterrupt (Ctrl-C) on its (n+1)-th file."""
    from rhetoric.analysis import batch

    real, calls = batch.analyze_item, []

    def analyze_item(item, max_bytes=None):
        calls.append(item)
        if len(calls) > n:
            raise KeyboardInterrupt
        return real(item) if max_bytes is None else real(item, max_bytes)

    monkeypatch.setattr(batch, "analyze_item", analyze_item)


def test_ctrl_c_leaves_whole_records_and_resume_finishes(monkeypatch, tmp_path, capsys):
    files = []
    for i in range(5):
        f = tmp_path / f"a{i}.txt"
        f.write_text(f"Article {i}. The minister said it would work.", encoding="utf-8")
        files.append(str(f))
    out = tmp_path / "out.jsonl"
    _interrupt_after(monkeypatch, 2)
    assert main(["analyze", *files, "--format", "jsonl", "-o", str(out)]) == 130
    err = capsys.readouterr().err
    assert "stopped after 2 of 5 articles" in err and "--resume" in err and "Traceback" not in err
    assert [json.loads(line)["path"] for line in out.read_text().splitlines()] == files[:2]
    monkeypatch.undo()
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"path": "cut off by a hard ki')  # a last line a SIGKILL left behind
    assert main(["analyze", *files, "--format", "jsonl", "-o", str(out), "--resume"]) == 0
    paths = [json.loads(line)["path"] for line in out.read_text().splitlines()]
    assert paths == files  # each file once, in order


def test_ctrl_c_closes_a_json_list(monkeypatch, tmp_path, capsys):
    out = tmp_path / "out.json"
    _interrupt_after(monkeypatch, 1)
    assert main(["analyze", *SEEDS, "--format", "json", "-o", str(out)]) == 130
    assert [r["id"] for r in json.loads(out.read_text())] == [Path(SEEDS[0]).stem]
    assert "--resume" in capsys.readouterr().err


def test_resume_appends_csv_rows_without_a_second_header(tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["analyze", SEEDS[0], "--format", "csv", "-o", str(out)]) == 0
    assert main(["analyze", *SEEDS, "--format", "csv", "-o", str(out), "--resume"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["id"] for r in rows] == [Path(p).stem for p in SEEDS]
    with pytest.raises(SystemExit):
        main(["analyze", *SEEDS, "--resume"])  # nothing to resume from
    capsys.readouterr()


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_a_signal_ends_the_workers_and_prints_no_traceback(tmp_path, sig):
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / f"corpus_{sig}"
    folder.mkdir()
    text = Path(SEEDS[1]).read_text(encoding="utf-8")
    for i in range(300):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "rhetoric.cli", "analyze", str(folder), "-r"]
    cmd += ["--format", "jsonl", "--jobs", "2", "-o", str(out)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.read_text().count("\n") >= 2):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    # as a terminal's Ctrl-C does, SIGINT goes to the whole process group
    if sig == "SIGINT":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == (130 if sig == "SIGINT" else 143), err
    assert "Traceback" not in err and "stopped after" in err
    lines = out.read_text().splitlines()
    assert 2 <= len(lines) < 300 and all(json.loads(line)["path"] for line in lines)
    time.sleep(0.5)
    left = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(folder) not in left  # no worker left running


def test_a_first_signal_is_noted_and_a_second_raises_at_once():
    import signal

    from rhetoric import cli

    cli._PENDING.clear()
    try:
        cli._on_signal(signal.SIGTERM, None)  # noted: raised by the batch at a safe point
        assert isinstance(cli._interrupted(), cli.Stopped)
        with pytest.raises(cli.Stopped):
            cli._on_signal(signal.SIGINT, None)  # the second one does not wait
    finally:
        cli._PENDING.clear()
