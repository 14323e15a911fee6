"""The raw articles are byte-identical copies of the seeds, and catalogued."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEEDS = ROOT.parent / "shared" / "seeds"


def test_raw_files_match_the_digests_in_data_readme():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    digests = dict(re.findall(r"\| `([\w.]+\.txt)` \|[^\n]*`([0-9a-f]{64})`", readme))
    assert sorted(digests) == sorted(p.name for p in RAW.iterdir())
    for name, digest in digests.items():
        assert hashlib.sha256((RAW / name).read_bytes()).hexdigest() == digest


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seeds not found at {SEEDS}")
def test_raw_files_are_byte_identical_to_the_seeds():
    for seed in SEEDS.iterdir():
        assert (RAW / seed.name).read_bytes() == seed.read_bytes()


def test_articles_csv_lists_every_raw_file():
    with open(ROOT / "data" / "articles.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert set(rows[0]) == {"id", "file", "title", "author", "outlet", "published", "notes"}
    assert sorted(r["file"] for r in rows) == sorted(f"raw/{p.name}" for p in RAW.iterdir())
    for row in rows:
        assert (ROOT / "data" / row["file"]).stem == row["id"]
