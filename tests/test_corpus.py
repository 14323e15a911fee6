"""Batches: one bad file never stops the others; warnings are kept, not lost."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from rhetoric.analysis.corpus import analyze_files, find_files, segment_table

ROOT = Path(__file__).resolve().parents[1]


def test_bad_files_are_reported_and_the_rest_analysed(tmp_path):
    (tmp_path / "a.txt").write_text("A Title\n\nCritics called it “reckless. It passed.\n")
    (tmp_path / "b.md").write_text("Plain words here. More words there.\n")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01")
    (tmp_path / "skip.csv").write_text("x,y\n")
    paths = find_files(tmp_path)
    assert [p.name for p in paths] == ["a.txt", "b.md", "c.txt"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is raised by default...
        corpus = analyze_files([*paths, tmp_path / "missing.txt"])
    assert [a.id for a in corpus] == ["a", "b"]
    assert set(corpus.errors) == {str(tmp_path / "c.txt"), str(tmp_path / "missing.txt")}
    table = corpus.warnings()  # ...but every warning is kept with its article
    unclosed = table[table["warning"].str.contains("never closed")]
    assert list(unclosed["id"]) == ["a"]
    undefined = table[table["warning"].str.contains("undefined")]  # no quotes in either
    assert sorted(undefined["id"]) == ["a", "b"]
    assert len(table) == 3
    with pytest.warns(UserWarning, match="never closed"):
        analyze_files(paths[:1], warn=True)
    assert list(corpus.to_frame().index) == ["a", "b"]


def test_segment_table_counts_lines_and_words_per_label():
    corpus = analyze_files(find_files(ROOT / "data" / "raw"))
    table = segment_table(corpus)
    row = table.loc["003_27dc214f1f280638"]
    assert (row["lines", "title"], row["lines", "comments"]) == (1, 18)
    assert row["words", "body"] == 1147
