"""Analysis: every measure of one article in one :class:`Analysis`, its record, the
per-sentence table and the rates defined over it, and batches of files.

Imports point down to ``rhetoric.measures`` and ``rhetoric.text``.
"""

from rhetoric.analysis.result import SCHEMA_VERSION, Analysis, analyze

__all__ = ["SCHEMA_VERSION", "Analysis", "analyze"]
