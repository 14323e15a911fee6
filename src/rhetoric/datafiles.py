"""Reading the CSV data the library ships (lexicons, gazetteers, patterns) or a user's."""

from __future__ import annotations

import csv
import io
from importlib import resources
from os import PathLike
from typing import IO


def csv_rows(source: str | PathLike | IO[str], required: tuple[str, ...] = ()) -> list[dict]:
    """The rows of a CSV file (a path or an open text file) as dicts keyed by header.

    Raises ``ValueError`` naming any ``required`` column the header lacks.
    """
    if isinstance(source, (str, PathLike)):
        with open(source, encoding="utf-8", newline="") as handle:
            return csv_rows(handle, required)
    reader = csv.DictReader(source)
    missing = set(required) - set(reader.fieldnames or ())
    if missing:
        name = getattr(source, "name", "CSV")
        raise ValueError(f"{name} lacks column(s): {', '.join(sorted(missing))}")
    return list(reader)


def package_text(name: str) -> str:
    """The text of ``rhetoric/data/NAME``, read with :mod:`importlib.resources`."""
    return (resources.files("rhetoric") / "data" / name).read_text(encoding="utf-8")


def package_csv_rows(name: str, required: tuple[str, ...] = ()) -> list[dict]:
    """The rows of ``rhetoric/data/NAME``, read with :mod:`importlib.resources`."""
    return csv_rows(io.StringIO(package_text(name), newline=""), required)
