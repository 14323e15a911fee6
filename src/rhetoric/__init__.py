"""rhetoric: media-bias and rhetoric analysis of articles.

>>> import rhetoric
>>> result = rhetoric.analyze("The senator said \\"we will win.\\" Critics called it reckless.")
>>> sorted(result.to_dict())[:3]
['encoding', 'format', 'id']
"""

from __future__ import annotations

from rhetoric.analysis.result import SCHEMA_VERSION, Analysis, analyze
from rhetoric.text.article import Article, from_text, load
from rhetoric.text.decode import InputError
from rhetoric.text.segments import Segment

__version__ = "0.1.0"


def __getattr__(name: str):
    """``rhetoric.compare`` and ``rhetoric.highlight`` load pandas and friends on first use."""
    if name == "compare":
        from rhetoric.comparison.metrics import compare

        return compare
    if name == "highlight":
        from rhetoric.viz.reading import highlight

        return highlight
    raise AttributeError(f"module 'rhetoric' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Article",
    "InputError",
    "Segment",
    "analyze",
    "compare",
    "from_text",
    "highlight",
    "load",
]
