"""Findings of notebook 00_corpus: every number its prose states, recomputed.

If a change to ``rhetoric`` breaks one of these, the written finding is now false:
rewrite the finding (and this test) with the new number, or fix the code. The seed
corpus is analysed once per session (``tests/conftest.py``).
"""

from __future__ import annotations

from rhetoric.analysis.corpus import segment_table, set_aside_table


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


def test_00_kept_and_set_aside_and_the_line_model_changes_nothing(corpus):
    table = set_aside_table(corpus)
    assert table["lines set aside"].to_dict() == {
        "000_c7e7827886e2f3a4": 21,
        "003_27dc214f1f280638": 28,
        "004_51d3a3e45c5204ed": 23,
    }
    assert table["lines kept as body"].to_dict() == {
        "000_c7e7827886e2f3a4": 21,
        "003_27dc214f1f280638": 60,
        "004_51d3a3e45c5204ed": 11,
    }
    assert (table["lines labelled otherwise by the rules alone"] == 0).all()
