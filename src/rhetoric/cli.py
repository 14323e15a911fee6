"""Command line: ``rhetoric analyze INPUT... [--format json|jsonl|csv|parquet|table]``
and ``rhetoric report INPUT... [-o report.html] [--group-by COL]``.

Inputs are files, folders (with ``-r``) and, with ``--text-column``, tables (``.csv``,
``.tsv``, ``.jsonl``/``.ndjson``, ``.parquet``), one article per row, read in chunks.
Every file and row gets a record. One that cannot be read gets an error record and a
line on stderr; the others are analysed. The exit code is 1 only when nothing could be
analysed (2 for a usage error). Ctrl-C or SIGTERM stops the batch cleanly: the workers
are ended, every record written so far is whole (a JSON list is closed), a line on
stderr says how far it got and how to resume (``--resume`` with ``-o``, which skips
the files and rows already in the output), and the exit code is 130 (143 for SIGTERM).
"""

from __future__ import annotations

import argparse
import csv
import json
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from rhetoric.analysis import batch
from rhetoric.analysis.result import metric_names
from rhetoric.text.decode import DEFAULT_MAX_BYTES
from rhetoric.text.rows import Row, is_table, read_rows

TABLE_METRICS = (
    "words",
    "sentences",
    "quote_share",
    "loaded_per_100_words",
    "sentiment_mean",
    "flesch_kincaid_grade",
)
FORMATS = ("json", "jsonl", "csv", "parquet", "table")
RESUMABLE = ("jsonl", "csv")


def analyze_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """The record of one file, or an error record (``error`` key) if it cannot be read."""
    return batch.analyze_item(path, max_bytes)


def _expand(paths: Iterable[str], recursive: bool) -> Iterator[str]:
    for p in paths:
        path = Path(p)
        if recursive and path.is_dir():
            # every entry but a folder, so a broken link, a link loop or a FIFO gets a record
            yield from (str(f) for f in sorted(path.rglob("*")) if not f.is_dir())
        else:
            yield p


def _items(
    paths: list[str], text_column: str | None, id_column: str | None, keep: Sequence[str]
) -> Iterator[batch.Item]:
    """Files as paths; with ``text_column``, the rows of every table among them. A table
    that cannot be read (missing, malformed, without the columns asked for) gives one
    error row from where it broke off, and the other inputs go on."""
    for p in paths:
        if not (text_column and is_table(p)):
            yield p
            continue
        n = 0
        try:
            for row in read_rows(p, text_column, id_column, keep):
                n += 1
                yield row
        except (OSError, ValueError, UnicodeError) as exc:
            where = f"after row {n}" if n else "at its start"
            message = f"{p}: cannot be read as a table ({where}): {exc}"
            yield Row(f"{Path(p).stem}-error", None, f"{p}:error", {}, message)


def _key(item: batch.Item) -> str:
    """What ``--resume`` matches an output record on: the path, or a row's source."""
    return item.source if isinstance(item, Row) else str(item)


class Stopped(Exception):
    """SIGTERM, raised in the main process so that a batch stops as it does on Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


_PENDING: list[BaseException] = []
"""The interruption a signal asked for, raised by the batch at its next safe point."""


def _on_signal(signum: int, frame: Any) -> None:  # noqa: ARG001 (a signal handler)
    """Note Ctrl-C (``KeyboardInterrupt``) or SIGTERM (:class:`Stopped`): the batch raises
    it at its next safe point (raising here could interrupt the lock of the worker
    processes' result queue, or a record, half-way). A second signal before then, as
    when an article takes long, raises at once."""
    if _PENDING:
        raise _PENDING[0]
    _PENDING.append(KeyboardInterrupt() if signum == signal.SIGINT else Stopped(signum))


def _interrupted() -> BaseException | None:
    return _PENDING[0] if _PENDING else None


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
    """How many records have been written: analysed articles and unreadable ones."""

    ok: int = 0
    failed: int = 0


def _write(
    records: Iterator[dict[str, Any]],
    fmt: str,
    out: TextIO | None,
    progress: Progress,
    *,
    keep: Sequence[str] = (),
    header: bool = True,
    parquet: str | None = None,
) -> None:
    """Write ``records`` as they come, counting them in ``progress``. Each record is
    written whole and flushed, so an interrupted batch leaves whole records."""

    def counted() -> Iterator[dict[str, Any]]:
        for record in records:
            if "error" in record:
                print(f"rhetoric: error: {_printable(record['error'])}", file=sys.stderr)
            else:
                for warning in record["warnings"]:
                    print(f"rhetoric: warning: {_printable(warning)}", file=sys.stderr)
            yield record
            if "error" in record:
                progress.failed += 1
            else:
                progress.ok += 1

    if fmt == "parquet":
        assert parquet is not None
        _write_parquet(counted(), parquet, keep)
        return
    assert out is not None
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
        writer = csv.DictWriter(out, fieldnames=batch.fields(keep))
        if header:
            writer.writeheader()
        for record in counted():
            writer.writerow({k: _printable(v) for k, v in batch.flat(record, keep).items()})
            out.flush()
    else:
        _write_table(list(counted()), out)


def _write_parquet(records: Iterator[dict[str, Any]], path: str, keep: Sequence[str]) -> None:
    """Flat rows to a Parquet file, a row group per 1,000 records, the schema fixed by
    the first group (metrics as floats, kept columns as given, text as strings)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        need = "rhetoric: --format parquet needs pyarrow: pip install 'rhetoric[parquet]'"
        raise SystemExit(need) from exc
    import pandas as pd

    columns = batch.fields(keep)
    metrics = list(metric_names())
    writer = None
    try:
        rows: list[dict[str, Any]] = []
        for record in chain(records, [None]):
            if record is not None:
                rows.append({k: _printable(v) for k, v in batch.flat(record, keep).items()})
            if rows and (record is None or len(rows) >= 1_000):
                frame = pd.DataFrame(rows, columns=columns)
                frame[metrics] = frame[metrics].astype(float)
                table = pa.Table.from_pandas(frame, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(path, table.schema)
                writer.write_table(table.cast(writer.schema))
                rows = []
    finally:
        if writer is not None:
            writer.close()


def _done(output: Path, fmt: str) -> set[str]:
    """The paths (or row sources) already recorded in ``output``, for ``--resume``. A
    last line cut off by a hard kill is removed from the file and done again."""
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhetoric", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("analyze", help="analyse article files or tables of articles")
    p.add_argument("paths", nargs="+", metavar="INPUT")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("-r", "--recursive", action="store_true", help="analyse files in directories")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1e6, help="largest file, in MB"
    )
    p.add_argument(
        "--text-column",
        metavar="COL",
        help="read .csv, .tsv, .jsonl, .ndjson and .parquet inputs as tables, the text in COL",
    )
    p.add_argument("--id-column", metavar="COL", help="the tables' id column")
    p.add_argument(
        "--keep", metavar="COL,COL", default="", help="table columns carried into the output"
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="with -o and jsonl or csv: skip what the output already holds, and append",
    )
    r = sub.add_parser("report", help="one standalone HTML report on your articles")
    r.add_argument("paths", nargs="+", metavar="INPUT")
    r.add_argument("-o", "--output", default="report.html", help="default: report.html")
    r.add_argument("--text-column", metavar="COL", help="read tables, the text in COL")
    r.add_argument("--id-column", metavar="COL", help="the tables' id column")
    r.add_argument("--group-by", metavar="COL", help="compare groups (a table column)")
    r.add_argument("--title", help="the report's title")
    return parser


def _report(args: argparse.Namespace) -> int:
    from rhetoric.viz.report import NotebookFailed, build_report

    if args.group_by and not args.text_column:
        print("rhetoric: error: --group-by needs tables: give --text-column", file=sys.stderr)
        return 2
    try:
        path = build_report(
            args.paths,
            args.output,
            text_column=args.text_column,
            id_column=args.id_column,
            group_by=args.group_by,
            title=args.title,
        )
    except (ImportError, NotebookFailed) as exc:
        print(f"rhetoric: error: {exc}", file=sys.stderr)
        return 1
    print(f"rhetoric: wrote {path.resolve()}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "report":
        return _report(args)
    keep = [c for c in args.keep.split(",") if c]
    if args.resume and not (args.output and args.format in RESUMABLE):
        parser.error("--resume needs -o FILE and --format jsonl or csv")
    if args.format == "parquet" and not args.output:
        parser.error("--format parquet needs -o FILE")
    if (args.id_column or keep) and not args.text_column:
        parser.error("--id-column and --keep apply to tables: give --text-column too")
    paths = list(_expand(args.paths, args.recursive))
    items: Iterable[batch.Item] = _items(paths, args.text_column, args.id_column, keep)
    done: set[str] = set()
    if args.resume:
        done = _done(Path(args.output), args.format)
        items = (item for item in items if _key(item) not in done)
    total = None if args.text_column else len(paths) - len(done)
    progress = Progress()
    _PENDING.clear()
    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, _on_signal)
        except ValueError:  # not the main thread: the signals keep their handlers
            break
    records = batch.records(
        items,
        max_bytes=int(args.max_mb * 1e6),
        jobs=args.jobs,
        progress=args.progress,
        total=total,
        interrupted=_interrupted,
    )
    try:
        if args.format == "parquet":
            _write(records, "parquet", None, progress, keep=keep, parquet=args.output)
        elif args.output:
            append = args.resume and Path(args.output).exists()
            with open(args.output, "a" if append else "w", encoding="utf-8", newline="") as out:
                _write(records, args.format, out, progress, keep=keep, header=not append)
        else:
            _write(records, args.format, sys.stdout, progress, keep=keep)
    except (KeyboardInterrupt, Stopped) as exc:
        records.close()  # ends the worker processes
        written = progress.ok + progress.failed
        of = f" of {total}" if total is not None else ""
        how = (
            "run the same command with --resume to do the rest"
            if args.output and args.format in RESUMABLE
            else "run it again with -o FILE --format jsonl (then --resume) to be able to resume"
        )
        print(
            f"rhetoric: stopped after {written}{of} articles; the records written are whole; "
            + how,
            file=sys.stderr,
        )
        return 143 if isinstance(exc, Stopped) else 130
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if progress.failed:
        print(
            f"rhetoric: {progress.ok} analysed, {progress.failed} could not be read",
            file=sys.stderr,
        )
    return 0 if progress.ok or (done and not (progress.ok + progress.failed)) else 1


if __name__ == "__main__":
    sys.exit(main())
