"""Write the ``Analysis.to_dict()`` record of many texts, to check that a speed change
leaves every record as it was.

The texts: the three seeds (``data/raw/``), the fixture pages (``tests/fixtures/pages/``),
the 200 articles of ``bench_analyze.py``'s corpus, and, where ``../shared/data`` holds
them, the PolNeAR train texts, the first 400 BABE SG1 sentences and the first 60 PTC
train articles. One JSON line per text (its name and its record, keys sorted), so two
runs compare with ``cmp``::

    python benchmarks/dump_records.py /tmp/before.jsonl   # on the old code
    python benchmarks/dump_records.py /tmp/after.jsonl    # on the new code
    cmp /tmp/before.jsonl /tmp/after.jsonl

A fixture page that fails to load is written as ``null`` (the same failure on both
sides compares equal).
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_analyze import corpus  # noqa: E402

import rhetoric  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
CORPORA = (  # name, file under ../shared/data, how many rows (None: all)
    ("polnear", "polnear/train.jsonl", None),
    ("babe", "babe/sg1.jsonl", 400),
    ("ptc", "ptc/train.jsonl", 60),
)


def texts() -> Iterator[tuple[str, rhetoric.Article | str | None]]:
    """(name, article or text) for every text of the dump, in a fixed order."""
    for path in sorted((ROOT / "data" / "raw").glob("*")):
        yield path.name, rhetoric.load(path)
    for path in sorted((ROOT / "tests" / "fixtures" / "pages").rglob("*")):
        if path.is_file():
            try:
                yield str(path.relative_to(ROOT)), rhetoric.load(path)
            except (OSError, ValueError):
                yield str(path.relative_to(ROOT)), None
    for i, text in enumerate(corpus(200)):
        yield f"bench{i}", text
    for name, rel, limit in CORPORA:
        path = SHARED / rel
        if not path.exists():
            print(f"skipped {name}: {path} not found", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as rows:
            for i, line in enumerate(rows):
                if limit is not None and i >= limit:
                    break
                yield f"{name}{i}", json.loads(line)["text"]


def main(out_path: str) -> None:
    warnings.simplefilter("ignore")  # each record keeps its warnings
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for name, obj in texts():
            record = None if obj is None else rhetoric.analyze(obj).to_dict()
            out.write(json.dumps([name, record], sort_keys=True) + "\n")
            n += 1
    print(f"{n} records written to {out_path}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/dump_records.py OUT.jsonl")
    main(sys.argv[1])
