"""rhetoric: media-bias and rhetoric analysis of articles.

>>> import rhetoric
>>> result = rhetoric.analyze("The senator said \\"we will win.\\" Critics called it a reckless plan.")
>>> sorted(result.to_dict())[:3]
['encoding', 'format', 'id']
"""

from __future__ import annotations

from .analysis import SCHEMA_VERSION, Analysis, analyze
from .article import Article, from_text, load
from .decode import InputError
from .segments import Segment

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Article",
    "InputError",
    "Segment",
    "analyze",
    "from_text",
    "load",
]
