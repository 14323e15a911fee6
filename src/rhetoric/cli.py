"""Command line: ``rhetoric analyze PATH... [--format json|jsonl|csv|table]``.

Every path gets a record. A path that cannot be read gets an error record and a line
on stderr; the others are analysed. The exit code is 1 only when nothing could be
analysed (2 for a usage error).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TextIO

from rhetoric.analysis.result import SCHEMA_VERSION, analyze, metric_names
from rhetoric.text.article import load
from rhetoric.text.decode import DEFAULT_MAX_BYTES, InputError

TABLE_METRICS = (
    "words",
    "sentences",
    "quote_share",
    "loaded_per_100_words",
    "sentiment_mean",
    "flesch_kincaid_grade",
)


def analyze_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """The record of one file, or an error record (``error`` key) if it cannot be read."""
    try:
        with warnings.catch_warnings():  # they are in the record, and printed once by _write
            warnings.simplefilter("ignore")
            analysis = analyze(load(path, max_bytes=max_bytes))
    except InputError as exc:
        return _error_record(path, str(exc))
    except Exception as exc:  # one bad file never stops a batch
        return _error_record(path, f"{path}: unexpected {type(exc).__name__}: {exc}")
    record = analysis.to_dict()
    record["body_preview"] = _preview(analysis.article.body)
    return record


def _error_record(path: str, message: str) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": Path(path).stem,
        "path": path,
        "error": message,
        "metrics": {},
        "warnings": [],
    }


def _preview(body: str, n: int = 6) -> str:
    words = body.split()
    if len(words) <= 2 * n:
        return " ".join(words)
    return " ".join(words[:n]) + " … " + " ".join(words[-n:])


def _expand(paths: Iterable[str], recursive: bool) -> Iterator[str]:
    for p in paths:
        path = Path(p)
        if recursive and path.is_dir():
            # every entry but a folder, so a broken link, a link loop or a FIFO gets a record
            yield from (str(f) for f in sorted(path.rglob("*")) if not f.is_dir())
        else:
            yield p


def _records(paths: list[str], max_bytes: int, jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1 or len(paths) < 2:
        yield from (analyze_path(p, max_bytes) for p in paths)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(analyze_path, paths, [max_bytes] * len(paths), chunksize=16)


CSV_FIELDS = ("id", "path", "title", "error", "warnings")
"""The columns of ``--format csv`` before the metrics (``metric_names()``)."""


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    row = {
        "id": record["id"],
        "path": record["path"],
        "title": record.get("title"),
        "error": record.get("error"),
        "warnings": " | ".join(record.get("warnings", [])),
    }
    row.update(record.get("metrics", {}))
    return row


def _json(obj: Any, **kwargs: Any) -> str:
    """JSON text of ``obj``, non-ASCII as is, unless it holds lone surrogates (a file name
    that is not UTF-8, a broken string): then every such character is a ``\\u`` escape, so
    the output stays valid UTF-8 and loses nothing."""
    text = json.dumps(obj, ensure_ascii=False, **kwargs)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(obj, ensure_ascii=True, **kwargs)
    return text


def _printable(value: Any) -> Any:
    """A string fit for UTF-8 text output: the undecodable bytes of a file name (held as
    surrogate escapes) are shown as ``\\xNN``, other lone surrogates as ``\\uNNNN``."""
    if not isinstance(value, str):
        return value
    try:  # valid text comes back unchanged
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _write(records: Iterator[dict[str, Any]], fmt: str, out: TextIO) -> tuple[int, int]:
    ok = failed = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal ok, failed
        for record in records:
            if "error" in record:
                failed += 1
                print(f"rhetoric: error: {record['error']}", file=sys.stderr)
            else:
                ok += 1
                for warning in record["warnings"]:
                    print(f"rhetoric: warning: {warning}", file=sys.stderr)
            yield record

    if fmt == "jsonl":
        for record in counted():
            out.write(_json(record) + "\n")
    elif fmt == "json":
        out.write(_json(list(counted()), indent=1) + "\n")
    elif fmt == "csv":
        # columns fixed in advance, so that a first file that cannot be read (an error
        # record, no metrics) does not drop every later row's metrics
        writer = csv.DictWriter(out, fieldnames=[*CSV_FIELDS, *metric_names()])
        writer.writeheader()
        for record in counted():
            writer.writerow({k: _printable(v) for k, v in _flat(record).items()})
    else:
        _write_table(list(counted()), out)
    return ok, failed


def _number(x: float) -> str:
    """Counts as integers, rates to three significant digits."""
    return f"{x:.0f}" if float(x).is_integer() and abs(x) >= 1 else f"{x:.3g}"


def _write_table(records: list[dict[str, Any]], out: TextIO) -> None:
    import pandas as pd

    rows = []
    for r in records:
        row = {"id": _printable(r["id"]), "title": _printable((r.get("title") or "")[:40])}
        row.update({m: r["metrics"].get(m) for m in TABLE_METRICS})
        row["body"] = _printable(r.get("body_preview") or r.get("error", ""))
        rows.append(row)
    frame = pd.DataFrame(rows)
    with pd.option_context("display.max_colwidth", 90, "display.width", 250):
        out.write(frame.to_string(index=False, float_format=_number) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rhetoric", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("analyze", help="analyse article files (text, Markdown or HTML)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("json", "jsonl", "csv", "table"), default="table")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("-r", "--recursive", action="store_true", help="analyse files in directories")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1e6, help="largest file, in MB"
    )
    args = parser.parse_args(argv)
    paths = list(_expand(args.paths, args.recursive))
    records = _records(paths, int(args.max_mb * 1e6), args.jobs)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            ok, failed = _write(records, args.format, out)
    else:
        ok, failed = _write(records, args.format, sys.stdout)
    if failed:
        print(f"rhetoric: {ok} analysed, {failed} could not be read", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
