"""Shared fixtures, and the repository's tooling on the import path.

``scripts/`` (the report builder) and ``evaluation/`` (the validation helpers) are not
part of the installed package; their tests import them from the checkout.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in ("scripts", "evaluation"):
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))
