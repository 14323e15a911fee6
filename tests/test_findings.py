"""Every claim the notebooks' prose makes, recomputed from the library.

If a change to `rhetoric` breaks one of these, the notebook's written finding is now
false: fix the code or rewrite the finding (and this test) with the new number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.analysis.corpus import analyze_files, find_files, segment_table

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    return analyze_files(find_files(ROOT / "data" / "raw"))


@pytest.fixture(scope="module")
def by_id(corpus):
    return {a.id[:3]: a for a in corpus}


# --- 00_corpus -------------------------------------------------------------------


def test_00_body_word_counts(corpus):
    words = segment_table(corpus)["words"]
    assert words["body"].to_dict() == {
        "000_c7e7827886e2f3a4": 587,
        "003_27dc214f1f280638": 1147,
        "004_51d3a3e45c5204ed": 329,
    }


def test_00_share_of_file_kept_as_body(corpus):
    words = segment_table(corpus)["words"]
    share = (words["body"] / words.sum(axis=1)).round(2)
    assert share.to_dict() == {
        "000_c7e7827886e2f3a4": 0.80,
        "003_27dc214f1f280638": 0.89,
        "004_51d3a3e45c5204ed": 0.46,
    }


def test_00_body_line_ranges(by_id):
    ranges = {}
    for key, analysis in by_id.items():
        lines = analysis.article.lines
        body = lines[(lines["label"] == "body") & (lines["text"].str.strip() != "")]["n"]
        ranges[key] = (int(body.min()), int(body.max()))
    assert ranges == {"000": (7, 47), "003": (3, 121), "004": (15, 35)}
    lines = by_id["003"].article.lines.set_index("n")
    assert lines.loc[95, "label"] == "body"  # the subheading "A Final Comment"
    assert lines.loc[124, "label"] == "comments"
