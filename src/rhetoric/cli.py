"""Command line: ``rhetoric analyze PATH... [--format json|jsonl|csv|table]``.

Every path gets a record. A path that cannot be read gets an error record and a line
on stderr; the others are analysed. The exit code is 1 only when nothing could be
analysed (2 for a usage error). Ctrl-C or SIGTERM stops the batch cleanly: the workers
are ended, every record written so far is whole (a JSON list is closed), a line on
stderr says how far it got and how to resume (``--resume`` with ``-o``, which skips
the files already in the output), and the exit code is 130 (143 for SIGTERM).
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import signal
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
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


class Stopped(Exception):
    """SIGTERM, raised in the main process so that a batch stops as it does on Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


def _on_sigterm(signum: int, frame: Any) -> None:  # noqa: ARG001 (a signal handler)
    raise Stopped(signum)


def _worker_init() -> None:
    """Workers leave Ctrl-C and SIGTERM to the main process, which ends them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _records(paths: list[str], max_bytes: int, jobs: int) -> Iterator[dict[str, Any]]:
    """The records of ``paths`` in order; with ``jobs`` > 1 from worker processes, which
    are ended (not left running) however the iteration stops."""
    if jobs <= 1 or len(paths) < 2:
        yield from (analyze_path(p, max_bytes) for p in paths)
        return
    pool = multiprocessing.Pool(jobs, initializer=_worker_init)
    try:
        yield from pool.imap(partial(analyze_path, max_bytes=max_bytes), paths, chunksize=16)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


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


@dataclass
class Progress:
    """How many records have been written: analysed files and unreadable ones."""

    ok: int = 0
    failed: int = 0


def _write(
    records: Iterator[dict[str, Any]],
    fmt: str,
    out: TextIO,
    progress: Progress,
    header: bool = True,
) -> None:
    """Write ``records`` as they come, counting them in ``progress``. Each record is
    written whole and flushed, so an interrupted batch leaves whole records."""

    def counted() -> Iterator[dict[str, Any]]:
        for record in records:
            if "error" in record:
                print(f"rhetoric: error: {record['error']}", file=sys.stderr)
            else:
                for warning in record["warnings"]:
                    print(f"rhetoric: warning: {warning}", file=sys.stderr)
            yield record
            if "error" in record:
                progress.failed += 1
            else:
                progress.ok += 1

    if fmt == "jsonl":
        for record in counted():
            out.write(_json(record) + "\n")
            out.flush()
    elif fmt == "json":
        out.write("[")
        try:
            for n, record in enumerate(counted()):
                out.write(("," if n else "") + "\n" + _json(record, indent=1))
                out.flush()
        finally:  # closed even when interrupted: what was written stays valid JSON
            out.write("\n]\n")
    elif fmt == "csv":
        # columns fixed in advance, so that a first file that cannot be read (an error
        # record, no metrics) does not drop every later row's metrics
        writer = csv.DictWriter(out, fieldnames=[*CSV_FIELDS, *metric_names()])
        if header:
            writer.writeheader()
        for record in counted():
            writer.writerow({k: _printable(v) for k, v in _flat(record).items()})
            out.flush()
    else:
        _write_table(list(counted()), out)


def _done_paths(output: Path, fmt: str) -> set[str]:
    """The paths already recorded in ``output`` (for ``--resume``). A last line cut off
    by a hard kill is removed from the file, so that its file is analysed again."""
    if not output.exists():
        return set()
    data = output.read_bytes()
    whole = data[: data.rfind(b"\n") + 1]
    if len(whole) < len(data):
        with open(output, "r+b") as f:
            f.truncate(len(whole))
    text = whole.decode("utf-8", "surrogateescape")
    if fmt == "jsonl":
        return {json.loads(line)["path"] for line in text.splitlines() if line.strip()}
    return {row["path"] for row in csv.DictReader(text.splitlines())}


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
    p.add_argument(
        "--resume",
        action="store_true",
        help="with -o and jsonl or csv: skip the files already in the output and append",
    )
    args = parser.parse_args(argv)
    if args.resume and not (args.output and args.format in ("jsonl", "csv")):
        parser.error("--resume needs -o FILE and --format jsonl or csv")
    paths = list(_expand(args.paths, args.recursive))
    done: set[str] = set()
    if args.resume:
        done = _done_paths(Path(args.output), args.format)
        paths = [p for p in paths if p not in done]
    progress = Progress()
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: SIGTERM keeps its handler
        previous = None
    records = _records(paths, int(args.max_mb * 1e6), args.jobs)
    try:
        if args.output:
            append = args.resume and Path(args.output).exists()
            with open(args.output, "a" if append else "w", encoding="utf-8", newline="") as out:
                _write(records, args.format, out, progress, header=not append)
        else:
            _write(records, args.format, sys.stdout, progress)
    except (KeyboardInterrupt, Stopped) as exc:
        records.close()  # ends the worker processes
        written = progress.ok + progress.failed
        how = (
            f"run the same command with --resume to analyse the other {len(paths) - written}"
            if args.output and args.format in ("jsonl", "csv")
            else "run it again with -o FILE --format jsonl (then --resume) to be able to resume"
        )
        print(
            f"rhetoric: stopped after {written} of {len(paths)} files; "
            f"the records written are whole; {how}",
            file=sys.stderr,
        )
        return 143 if isinstance(exc, Stopped) else 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if progress.failed:
        print(
            f"rhetoric: {progress.ok} analysed, {progress.failed} could not be read",
            file=sys.stderr,
        )
    return 0 if progress.ok or (done and not paths) else 1


if __name__ == "__main__":
    sys.exit(main())
