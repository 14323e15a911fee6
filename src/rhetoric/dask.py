"""rhetoric over a ``dask.dataframe``: the same rows as :func:`rhetoric.analyze_frame`,
computed partition by partition, on one machine or on a cluster.

Dask is the engine (no scheduler of our own): :func:`analyze_frame` maps
:func:`rhetoric.analysis.batch.analyze_frame` over the partitions and declares the
output's ``meta``, so nothing runs until the result is computed or written::

    import dask.dataframe as dd
    from dask.distributed import Client
    import rhetoric.dask

    client = Client("tcp://scheduler:8786")  # or Client() for the cores of this machine
    articles = dd.read_parquet("s3://bucket/articles/*.parquet")
    metrics = rhetoric.dask.analyze_frame(articles, text="text", id="id", keep=["outlet"])
    metrics.to_parquet("s3://bucket/metrics/")

Each worker loads the lexicons and models once and keeps them. Installed by the extra
``rhetoric[dask]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from rhetoric.analysis.batch import analyze_frame as _analyze_frame
from rhetoric.analysis.batch import fields
from rhetoric.analysis.result import metric_names

__all__ = ["analyze_frame", "meta"]


def meta(frame_meta: pd.DataFrame, keep: Sequence[str] = ()) -> pd.DataFrame:
    """The empty frame describing the output: text columns as objects, the kept columns
    with their dtypes, every metric as float64."""
    metrics = set(metric_names())
    columns = {}
    for name in fields(keep):
        if name in metrics:
            columns[name] = pd.Series(dtype="float64")
        elif name in keep:
            columns[name] = pd.Series(dtype=frame_meta[name].dtype)
        else:
            columns[name] = pd.Series(dtype="object")
    return pd.DataFrame(columns, index=frame_meta.index[:0])


def _partition(df: pd.DataFrame, text: str, id: str | None, keep: list[str]) -> pd.DataFrame:  # noqa: A002
    out = _analyze_frame(df, text=text, id=id, keep=keep, progress=False)
    out.index = df.index
    return out


def analyze_frame(
    ddf: Any,
    text: str = "text",
    id: str | None = "id",  # noqa: A002 (the contract's name)
    keep: Sequence[str] | None = None,
) -> Any:
    """A lazy ``dask.dataframe`` of one row per input row: the columns and values of
    :func:`rhetoric.analyze_frame` on the same rows (the index is the input's)."""
    keep = list(keep or [])
    for column in [text, *keep]:
        if column not in ddf.columns:
            raise ValueError(f"no column {column!r} (the frame has {list(ddf.columns)})")
    return ddf.map_partitions(_partition, text, id, keep, meta=meta(ddf._meta, keep))
