"""Articles as rows of a table: CSV, TSV, JSON Lines or Parquet, read in chunks.

Researchers bring corpora as tables (a MediaCloud, GDELT or NELA-GT export, a newsroom
archive), one article per row. :func:`read_rows` yields one :class:`Row` per table row
without holding the table in memory: CSV and TSV through pandas in chunks, JSON Lines
line by line, Parquet by record batches (``pyarrow``, the ``rhetoric[parquet]`` extra).
A row whose text is missing, not a string or empty is still yielded, with the problem
in ``Row.error``, so that a batch never stops on it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

__all__ = ["TABLE_SUFFIXES", "Row", "is_table", "read_rows", "rows_of"]

TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"})
CHUNK_ROWS = 1_000
"""Rows read at a time from a CSV, TSV or Parquet table."""


@dataclass(frozen=True)
class Row:
    """One article of a table: its id, its text (None when unusable), the kept columns
    and, for a row that cannot be analysed, why."""

    id: str
    text: str | None
    source: str
    keep: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def is_table(path: str | Path) -> bool:
    """True for a file whose suffix names a table format (see :data:`TABLE_SUFFIXES`)."""
    return Path(path).suffix.lower() in TABLE_SUFFIXES


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _cell(value: Any) -> Any:
    """A kept cell as a plain Python value (NaN and missing become None)."""
    if hasattr(value, "item"):
        value = value.item()
    return None if _missing(value) else value


def _row(
    record: dict[str, Any],
    n: int,
    name: str,
    text_column: str,
    id_column: str | None,
    keep: Sequence[str],
) -> Row:
    source = f"{name}:{n}"
    ident = record.get(id_column) if id_column else None
    ident = f"{Path(name).stem}-{n}" if _missing(ident) or ident == "" else str(_cell(ident))
    kept = {k: _cell(record.get(k)) for k in keep}
    text = record.get(text_column)
    if _missing(text):
        return Row(ident, None, source, kept, f"{source}: no text in column {text_column!r}")
    if not isinstance(text, str):
        kind = type(text).__name__
        return Row(ident, None, source, kept, f"{source}: the text is a {kind}, not a string")
    if not text.strip():
        return Row(ident, None, source, kept, f"{source}: the text is empty")
    return Row(ident, text, source, kept)


def _check_columns(name: str | Path, columns: Sequence[str], needed: Sequence[str]) -> None:
    missing = [c for c in needed if c not in columns]
    if missing:
        raise ValueError(f"{name}: no column {', '.join(map(repr, missing))} (it has {columns})")


def rows_of(
    records: Iterable[dict[str, Any]],
    name: str = "rows",
    text_column: str = "text",
    id_column: str | None = None,
    keep: Sequence[str] = (),
    numbers: Iterable[int] | None = None,
) -> Iterator[Row]:
    """:class:`Row` objects from mappings (a DataFrame's records, parsed JSON); ``name``
    and the row number (``numbers``, else 1, 2, …) make each row's ``source`` and
    default id."""
    for n, record in zip(numbers if numbers is not None else count(1), records, strict=False):
        yield _row(record, n, name, text_column, id_column, keep)


def read_rows(
    path: str | Path,
    text_column: str = "text",
    id_column: str | None = None,
    keep: Sequence[str] = (),
) -> Iterator[Row]:
    """The rows of a table file, one :class:`Row` each, read in chunks.

    ``text_column`` holds the article text, ``id_column`` (optional) its id (default:
    the file name and the row number, from 1), ``keep`` the columns carried into the
    output. A column that is not in the table raises ``ValueError``; a bad row does not.
    JSON Lines rows that are not JSON objects become error rows.
    """
    path = Path(path)
    needed = [text_column, *([id_column] if id_column else []), *keep]
    suffix = path.suffix.lower()
    n = 0
    if suffix in (".jsonl", ".ndjson"):
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                if not line.strip():
                    continue
                n += 1
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    record = exc
                if not isinstance(record, dict):
                    source = f"{path}:{n}"
                    yield Row(f"{path.stem}-{n}", None, source, {}, f"{source}: not a JSON object")
                    continue
                yield _row(record, n, str(path), text_column, id_column, keep)
        return
    if suffix == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ImportError(
                "reading Parquet needs pyarrow: pip install 'rhetoric[parquet]'"
            ) from exc
        # no pre-buffering and one thread: read as it goes, so memory stays flat (with
        # pyarrow's defaults, reading 100,000 rows grew the process by 100 MB)
        table = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
        _check_columns(path, table.schema_arrow.names, needed)
        columns = list(dict.fromkeys(needed))
        batches = table.iter_batches(batch_size=CHUNK_ROWS, columns=columns, use_threads=False)
        for batch in batches:
            for record in batch.to_pylist():
                n += 1
                yield _row(record, n, str(path), text_column, id_column, keep)
        return
    if suffix not in (".csv", ".tsv"):
        raise ValueError(f"{path}: not a table ({', '.join(sorted(TABLE_SUFFIXES))})")
    import pandas as pd

    reader = pd.read_csv(
        path,
        sep="\t" if suffix == ".tsv" else ",",
        dtype=str,
        keep_default_na=False,
        na_values=[],
        chunksize=CHUNK_ROWS,
        encoding_errors="surrogateescape",  # bytes that are not UTF-8 kept, not lost
    )
    with reader:
        for chunk in reader:
            _check_columns(path, list(chunk.columns), needed)
            for record in chunk.to_dict("records"):
                n += 1
                yield _row(record, n, str(path), text_column, id_column, keep)
