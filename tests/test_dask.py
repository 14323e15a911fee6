"""rhetoric.dask on a distributed.LocalCluster: the same rows as analyze_frame."""

from __future__ import annotations

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import rhetoric  # noqa: E402
import rhetoric.dask  # noqa: E402

TEXTS = [
    'The minister said "we will win." Critics called the evil plan reckless.',
    "Officials welcomed the deal. It brings peace and prosperity, they said.",
    None,
    "“It is a disgrace,” said Senator Smith. The vote was close.",
    "",
    "The council met on Tuesday. It approved the budget for the coming year.",
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def frame(with_id: bool) -> pd.DataFrame:
    df = pd.DataFrame({"outlet": ["L", "R", "L", "R", "L", "R"] * 2, "text": TEXTS * 2})
    if with_id:
        df.insert(0, "id", [f"a{i}" for i in range(len(df))])
    return df


@pytest.mark.parametrize("with_id", [True, False])
def test_partitions_on_a_cluster_give_the_rows_of_analyze_frame(client, with_id):
    df = frame(with_id)
    expected = rhetoric.analyze_frame(df, keep=["outlet"], progress=False)
    lazy = rhetoric.dask.analyze_frame(dd.from_pandas(df, npartitions=3), keep=["outlet"])
    assert list(lazy.columns) == list(expected.columns)  # meta declared, nothing run yet
    got = client.compute(lazy).result()
    pd.testing.assert_frame_equal(got, expected)


def test_a_missing_column_is_named_before_anything_runs():
    with pytest.raises(ValueError, match="'body'"):
        rhetoric.dask.analyze_frame(dd.from_pandas(frame(True), npartitions=2), text="body")
