"""Corpora as tables: articles per second, peak memory, and what a second process buys.

Writes a Parquet table of synthetic articles (the seed bodies' sentences reshuffled,
about 600 words each, as ``bench_analyze.py`` makes them, with an ``outlet`` column),
then runs ``rhetoric analyze TABLE --text-column text --keep outlet --format parquet``
on it in a fresh process, with 1 and with 2 worker processes. For each run it reports
articles per second (wall clock, start-up included) and the peak resident memory of
the largest process (``ru_maxrss`` of the children), which must stay flat as the table
grows because tables are read and written in chunks.

Usage: ``python benchmarks/bench_corpus.py [--sizes 1000 10000] [--large]``; ``--large``
adds 100,000 articles (15 minutes for both runs on 2 cores). Prints a table and
writes ``benchmarks/corpus.json``; the README quotes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_analyze import corpus  # noqa: E402


def table(n: int, folder: Path) -> Path:
    """A Parquet table of ``n`` synthetic articles (written in pieces of 1,000)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = folder / f"corpus_{n}.parquet"
    base = corpus(1_000)
    writer = None
    for start in range(0, n, 1_000):
        size = min(1_000, n - start)
        rows = {
            "id": [f"a{start + i}" for i in range(size)],
            "outlet": [f"outlet {(start + i) % 4}" for i in range(size)],
            "text": [base[(start + i) % len(base)] for i in range(size)],
        }
        chunk = pa.table(rows)
        writer = writer or pq.ParquetWriter(path, chunk.schema)
        writer.write_table(chunk)
    if writer is not None:
        writer.close()
    return path


_MEASURE = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)  # a fresh parent per run, so the peak is this run's (ru_maxrss only ever grows)


def run(path: Path, jobs: int, out: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB of the largest process) of one CLI run."""
    cmd = [sys.executable, "-m", "rhetoric.cli", "analyze", str(path), "--text-column", "text"]
    cmd += ["--id-column", "id", "--keep", "outlet", "--format", "parquet", "-o", str(out)]
    cmd += ["--jobs", str(jobs), "--no-progress"]
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], check=True, capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.split()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    p.add_argument("--large", action="store_true", help="add 100,000 articles")
    args = p.parse_args(argv)
    sizes = [*args.sizes, *([100_000] if args.large else [])]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in sizes:
            path = table(n, folder)
            entry: dict[str, float] = {"articles": n}
            for jobs in (1, 2):
                seconds, peak = run(path, jobs, folder / f"out_{n}_{jobs}.parquet")
                entry[f"articles_per_second_{jobs}"] = round(n / seconds, 1)
                entry[f"peak_mb_{jobs}"] = round(peak, 1)
            entry["ratio_2_to_1"] = round(
                entry["articles_per_second_2"] / entry["articles_per_second_1"], 2
            )
            rows.append(entry)
            one = f"1 process {entry['articles_per_second_1']:6.1f}/s ({entry['peak_mb_1']:.0f} MB)"
            two = (
                f"2 processes {entry['articles_per_second_2']:6.1f}/s ({entry['peak_mb_2']:.0f} MB)"
            )
            print(f"{n:>8,} articles: {one}, {two}, ratio {entry['ratio_2_to_1']:.2f}", flush=True)
    out = {
        "runs": rows,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    (ROOT / "benchmarks" / "corpus.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
