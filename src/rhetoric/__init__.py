"""rhetoric: media-bias and rhetoric analysis of articles.

>>> import rhetoric
>>> result = rhetoric.analyze("The senator said \\"we will win.\\" Critics called it reckless.")
>>> sorted(result.to_dict())[:3]
['encoding', 'format', 'id']
"""

from __future__ import annotations

from .analysis import SCHEMA_VERSION, Analysis, analyze
from .article import Article, from_text, load
from .decode import InputError
from .segments import Segment

__version__ = "0.1.0"


def __getattr__(name: str):
    """``rhetoric.compare`` and ``rhetoric.highlight`` load pandas and friends on first use."""
    if name == "compare":
        from .comparison import compare

        return compare
    if name == "highlight":
        from .reading import highlight

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
