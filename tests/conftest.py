"""Shared fixtures, and the repository's tooling on the import path.

``scripts/`` (the report builder), ``evaluation/`` (the validation helpers) and
``benchmarks/`` (the adversarial families) are not
part of the installed package; their tests import them from the checkout. The seed
corpus is analysed once per test session and shared by every findings test.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for folder in ("scripts", "evaluation", "benchmarks"):
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))


@pytest.fixture(scope="session")
def corpus():
    """The three seed articles of ``data/raw``, analysed once (a ``Corpus``)."""
    from rhetoric import analyze_files, find_files

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # each analysis keeps its warnings
        return analyze_files(find_files(ROOT / "data" / "raw"))


@pytest.fixture(scope="session")
def by_id(corpus):
    """The analyses by the first three characters of their id, as the notebooks name them."""
    return {a.id[:3]: a for a in corpus}


@pytest.fixture(scope="session")
def frame(corpus):
    """``compare()`` of the seed corpus, indexed by the three-character names."""
    from rhetoric import compare

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = compare(corpus)
    f.index = [i[:3] for i in f.index]
    return f


@pytest.fixture(scope="session")
def notebook_text():
    """``notebook_text("01")``: the Markdown of notebook 01 and the titles its charts
    state, as one string, so a test can check that the prose states a number."""

    def read(number: str) -> str:
        (path,) = (ROOT / "notebooks").glob(f"{number}_*.ipynb")
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells)

    return read


@pytest.fixture(scope="session")
def pairs(corpus):
    """Permutation tests of every pair of seed articles on the four metrics of notebook 05."""
    from rhetoric.comparison import pairwise_tests

    metrics = ["loaded_per_100_words", "loaded_per_100_words_commentary", "sentiment_mean"]
    t = pairwise_tests(corpus, [*metrics, "quote_share"])
    t["a"], t["b"] = t["a"].str[:3], t["b"].str[:3]
    return t.set_index(["metric", "a", "b"])


@pytest.fixture(scope="session")
def voice(corpus):
    """Commentary against quote sentences within each seed article (notebook 04)."""
    from rhetoric.comparison import voice_tests

    t = voice_tests(corpus)
    t["id"] = t["id"].str[:3]
    return t


@pytest.fixture(scope="session")
def valid():
    """The validation headlines of ``evaluation/results``, by label."""
    from validation import headline, load_results

    return headline(load_results(ROOT / "evaluation" / "results")).set_index("label")
