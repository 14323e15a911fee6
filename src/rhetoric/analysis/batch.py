"""Many articles in a stream: files or table rows to records, in one or more processes.

:func:`records` turns paths and :class:`~rhetoric.text.rows.Row` objects into records
(``Analysis.to_dict()`` plus ``body_preview``, or an error record) in input order,
holding one chunk at a time; with ``jobs`` > 1 it sends chunks to worker processes,
each of which loads the lexicons and models once. :func:`flat` makes one table row of a
record (the CLI's ``csv``/``parquet`` rows), and :func:`analyze_frame` does all of it
for a pandas DataFrame. One bad file or row never stops a batch: it gets an error
record and the rest go on.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rhetoric.analysis.result import SCHEMA_VERSION, analyze, metric_names
from rhetoric.text.article import from_text, load
from rhetoric.text.decode import DEFAULT_MAX_BYTES, InputError
from rhetoric.text.rows import Row, rows_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["FIELDS", "analyze_frame", "analyze_item", "fields", "flat", "records"]

Item = str | Path | Row
"""What a batch analyses: a file path, or one row of a table."""

FIELDS = ("id", "path", "title", "error", "warnings")
"""The columns of a flat row before the kept columns and the metrics."""

CHUNK = 16
"""Articles sent to a worker process at a time."""


def analyze_item(item: Item, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """The record of one file or row, or an error record (with an ``error`` key)."""
    row = item if isinstance(item, Row) else None
    path = row.source if row else str(item)
    ident = row.id if row else Path(path).stem
    try:
        if row is not None and row.error:
            return _error_record(ident, path, row.error, row)
        with warnings.catch_warnings():  # they are in the record
            warnings.simplefilter("ignore")
            article = (
                from_text(row.text or "", name=row.id) if row else load(path, max_bytes=max_bytes)
            )
            analysis = analyze(article)
    except InputError as exc:
        return _error_record(ident, path, str(exc), row)
    except Exception as exc:  # one bad file never stops a batch
        return _error_record(ident, path, f"{path}: unexpected {type(exc).__name__}: {exc}", row)
    record = analysis.to_dict()
    if row is not None:
        record["path"] = row.source
        record["columns"] = dict(row.keep)
    record["body_preview"] = _preview(analysis.article.body)
    return record


def _error_record(ident: str, path: str, message: str, row: Row | None) -> dict[str, Any]:
    record = {
        "schema_version": SCHEMA_VERSION,
        "id": ident,
        "path": path,
        "error": message,
        "metrics": {},
        "warnings": [],
    }
    if row is not None:
        record["columns"] = dict(row.keep)
    return record


def _preview(body: str, n: int = 6) -> str:
    words = body.split()
    if len(words) <= 2 * n:
        return " ".join(words)
    return " ".join(words[:n]) + " … " + " ".join(words[-n:])


def _worker_init() -> None:
    """Workers leave Ctrl-C and SIGTERM to the main process, which ends them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


POLL_SECONDS = 0.1
"""How often a batch in worker processes looks at ``interrupted`` while it waits."""


def records(
    items: Iterable[Item],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    progress: bool | None = None,
    total: int | None = None,
    interrupted: Callable[[], BaseException | None] | None = None,
) -> Iterator[dict[str, Any]]:
    """The records of ``items`` in input order, as they are done.

    ``jobs`` > 1 analyses chunks of :data:`CHUNK` articles in worker processes, which
    are ended (never left running) however the iteration stops. ``progress`` shows a
    tqdm bar on stderr (None: when stderr is a terminal; in a notebook, tqdm's notebook
    bar); ``total`` sizes it when ``items`` has no length. ``interrupted``, when given,
    is asked after every record (and every :data:`POLL_SECONDS` while waiting for
    workers); an exception it returns is raised there. A signal handler that only
    notes the signal for it stops a batch at a safe point, where one that raises could
    land inside the lock of the workers' result queue and leave it broken.
    """
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    bar = _bar(progress, total)
    pool = multiprocessing.Pool(jobs, initializer=_worker_init) if jobs > 1 else None
    try:
        if pool:  # chunks of CHUNK items, so that the pool's own iterator can time out
            work = partial(_analyze_chunk, max_bytes=max_bytes)
            chunks = pool.imap(work, _chunks(items, CHUNK))
            flat = (r for chunk in _polled(chunks, interrupted, True) for r in chunk)
            done = _polled(flat, interrupted)
        else:
            done = _polled(map(partial(analyze_item, max_bytes=max_bytes), items), interrupted)
        for record in done:
            if bar is not None:
                bar.update()
            yield record
        if pool:
            pool.close()
    except BaseException:
        if pool:
            pool.terminate()
        raise
    finally:
        if pool:
            pool.join()
        if bar is not None:
            bar.close()


def _analyze_chunk(items: list[Item], max_bytes: int) -> list[dict[str, Any]]:
    return [analyze_item(item, max_bytes=max_bytes) for item in items]


def _chunks(items: Iterable[Item], n: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def _polled(
    done: Iterator[Any],
    interrupted: Callable[[], BaseException | None] | None,
    waits: bool = False,
) -> Iterator[Any]:
    """``done``'s items, raising what ``interrupted`` returns between them; ``waits``:
    ``done`` is a pool's iterator, read with a timeout so the check runs while it waits."""
    if interrupted is None:
        yield from done
        return
    while True:
        stop = interrupted()
        if stop is not None:
            raise stop
        try:
            record = done.next(POLL_SECONDS) if waits else next(done)  # type: ignore[attr-defined]
        except multiprocessing.TimeoutError:
            continue
        except StopIteration:
            return
        yield record


def _bar(progress: bool | None, total: int | None):
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)


def fields(keep: Sequence[str] = ()) -> list[str]:
    """The columns of :func:`flat` rows: :data:`FIELDS`, then ``keep``, then every metric."""
    return [*FIELDS[:2], *keep, *FIELDS[2:], *metric_names()]


def flat(record: dict[str, Any], keep: Sequence[str] = ()) -> dict[str, Any]:
    """One table row of a record: id, path, the kept columns, title, error, warnings
    (joined by `` | ``) and every metric (missing ones None)."""
    columns = record.get("columns") or {}
    row: dict[str, Any] = {"id": record["id"], "path": record.get("path")}
    row.update({k: columns.get(k) for k in keep})
    row["title"] = record.get("title")
    row["error"] = record.get("error")
    row["warnings"] = " | ".join(record.get("warnings", []))
    metrics = record.get("metrics", {})
    row.update({m: metrics.get(m) for m in metric_names()})
    return row


def analyze_frame(
    df: pd.DataFrame,
    text: str = "text",
    id: str | None = "id",  # noqa: A002 (the contract's name)
    keep: Sequence[str] | None = None,
    jobs: int = 1,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Analyse every row of ``df``: one output row per input row, in order.

    ``text`` names the column holding the article text; ``id`` the id column (None, or
    a column the frame lacks: ids are ``rows-N``, N the integer index plus one, else the
    position from 1); ``keep`` the columns carried into the output. Columns: ``id``,
    ``path`` (``rows:N``), the kept columns,
    ``title``, ``error`` (why a row could not be analysed: no text, not a string,
    empty), ``warnings`` and every metric of :func:`rhetoric.analyze`, equal to
    ``rhetoric.analyze(text).metrics`` (NaN where undefined). A bad row never stops the
    batch. ``jobs`` and ``progress`` are as in :func:`records`.
    """
    import pandas as pd

    keep = list(keep or [])
    if text not in df.columns:
        raise ValueError(f"no column {text!r} (the frame has {list(df.columns)})")
    missing = [k for k in keep if k not in df.columns]
    if missing:
        raise ValueError(f"no column {', '.join(map(repr, missing))} to keep")
    id_column = id if id in df.columns else None
    columns = list(dict.fromkeys([text, *([id_column] if id_column else []), *keep]))
    # rows are numbered by an integer index (from 1), so a partition of a larger frame
    # names its rows as the whole frame would; by position otherwise
    numbers = (
        [int(i) + 1 for i in df.index]
        if pd.api.types.is_integer_dtype(df.index.dtype)
        else range(1, len(df) + 1)
    )
    records_in = df[columns].to_dict("records")
    rows = list(rows_of(records_in, "rows", text, id_column, keep, numbers))
    out = [flat(r, keep) for r in records(rows, jobs=jobs, progress=progress)]
    frame = pd.DataFrame(out, columns=fields(keep))
    metrics = list(metric_names())
    frame[metrics] = frame[metrics].astype(float)
    return frame
