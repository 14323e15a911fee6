"""Write ``src/rhetoric/data/subjectivity.csv`` from Pattern's English subjectivity lexicon.

Source: ``en-sentiment.xml`` of Pattern (De Smedt & Daelemans, 2012, "Pattern for
Python", JMLR 13), as shipped inside the ``textblob`` package (``textblob/en/``); the
file declares ``license="PDDL"`` (public domain), so the derived CSV may ship. Each
word form's subjectivity (0 objective .. 1 subjective) is the mean over its senses;
``category`` buckets it: ``strong`` (>= 0.7), ``weak`` (>= 0.4) or ``objective``.

Usage: ``.venv/bin/python scripts/build_subjectivity.py PATH/TO/en-sentiment.xml``
(e.g. from ``pip download textblob --no-deps`` unpacked).
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "rhetoric" / "data" / "subjectivity.csv"


def bucket(subjectivity: float) -> str:
    """``strong``, ``weak`` or ``objective``."""
    return "strong" if subjectivity >= 0.7 else "weak" if subjectivity >= 0.4 else "objective"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or not Path(argv[1]).exists():
        print("usage: build_subjectivity.py PATH/TO/en-sentiment.xml")
        return 1
    senses: dict[str, list[float]] = defaultdict(list)
    for word in ET.parse(argv[1]).getroot().iter("word"):
        form = (word.get("form") or "").strip().lower()
        if form and " " not in form and word.get("subjectivity"):
            senses[form].append(float(word.get("subjectivity")))
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["term", "category", "subjectivity", "note"])
        for form in sorted(senses):
            mean = sum(senses[form]) / len(senses[form])
            note = f"Pattern en-sentiment.xml (PDDL), mean of {len(senses[form])} sense(s)"
            writer.writerow([form, bucket(mean), f"{mean:.3f}", note])
    print(f"wrote {OUT} ({len(senses)} word forms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
