"""Findings of notebook 07_your_articles: every number its prose states, recomputed.

If a change to ``rhetoric`` breaks one of these, the written finding is now false:
rewrite the finding (and this test) with the new number, or fix the code. The seed
corpus is analysed once per session (``tests/conftest.py``).
"""

from __future__ import annotations

import json

from findings import ROOT


def test_07_template_has_a_parameters_cell_first():
    nb = json.loads((ROOT / "notebooks" / "07_your_articles.ipynb").read_text(encoding="utf-8"))
    first = next(c for c in nb["cells"] if c["cell_type"] == "code")
    assert "parameters" in first["metadata"].get("tags", [])
    assert 'inputs = ["../data/raw"]' in "".join(first["source"])
