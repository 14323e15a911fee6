"""rhetoric: media-bias and rhetoric analysis of articles.

>>> import rhetoric
>>> result = rhetoric.analyze("The senator said \\"we will win.\\" Critics called it reckless.")
>>> sorted(result.to_dict())[:3]
['encoding', 'format', 'id']

What a notebook reaches for first is here: :func:`load` a file, :func:`analyze` it (or
:func:`analyze_files` over :func:`find_files`, :func:`analyze_frame` over a table of
articles), :func:`read_records` saved by the CLI, then :func:`compare`,
:func:`pairwise_tests`, :func:`compare_groups` (outlets over a table of metrics),
:func:`sentence_table` and :func:`highlight`. The last five load pandas on first use,
so ``import rhetoric`` stays light in a batch job.
"""

from __future__ import annotations

from importlib import import_module

from rhetoric.analysis.batch import analyze_frame
from rhetoric.analysis.corpus import Corpus, analyze_files, find_files
from rhetoric.analysis.records import read_records
from rhetoric.analysis.result import SCHEMA_VERSION, Analysis, analyze
from rhetoric.text.article import Article, from_text, load
from rhetoric.text.decode import InputError
from rhetoric.text.segments import Segment

__version__ = "0.1.0"

_LAZY = {
    "compare": "rhetoric.comparison.metrics",
    "compare_groups": "rhetoric.comparison.groups",
    "pairwise_tests": "rhetoric.comparison.significance",
    "sentence_table": "rhetoric.analysis.sentences",
    "highlight": "rhetoric.viz.reading",
}


def __getattr__(name: str):
    """The names of ``_LAZY`` are imported from their module on first use."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'rhetoric' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Article",
    "Corpus",
    "InputError",
    "Segment",
    "analyze",
    "analyze_files",
    "analyze_frame",
    "compare",
    "compare_groups",
    "find_files",
    "from_text",
    "highlight",
    "load",
    "pairwise_tests",
    "read_records",
    "sentence_table",
]
