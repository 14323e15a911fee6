"""Comparison: articles side by side, with intervals, tests and findings as text.

Built on :mod:`rhetoric.analysis` (analyses or their records) and
:mod:`rhetoric.resampling`; nothing here is imported by the layers below.
"""

from rhetoric.comparison.grades import READABILITY_GRADES, readability_intervals
from rhetoric.comparison.groups import GroupComparison, compare_groups
from rhetoric.comparison.metrics import compare
from rhetoric.comparison.prose import (
    describe_metric,
    interval_table,
    intervals_overlap,
    markdown_text,
)
from rhetoric.comparison.significance import (
    VOICE_TEST_METRICS,
    PermutationResult,
    holm,
    pairwise_tests,
    permutation_test,
    voice_test,
    voice_tests,
)
from rhetoric.comparison.speakers import quote_table, speaker_table

__all__ = [
    "READABILITY_GRADES",
    "VOICE_TEST_METRICS",
    "GroupComparison",
    "PermutationResult",
    "compare",
    "compare_groups",
    "describe_metric",
    "holm",
    "interval_table",
    "intervals_overlap",
    "markdown_text",
    "pairwise_tests",
    "permutation_test",
    "quote_table",
    "readability_intervals",
    "speaker_table",
    "voice_test",
    "voice_tests",
]
