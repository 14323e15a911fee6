"""CSV data, shipped or the user's: one reader for lexicons, gazetteers and patterns."""

from __future__ import annotations

import io

import pytest

from rhetoric.datafiles import csv_rows, package_csv_rows


def test_path_and_open_file_give_the_same_rows(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("term,category\nvile,pejorative\n“so-called”,pejorative\n", encoding="utf-8")
    rows = [
        {"term": "vile", "category": "pejorative"},
        {"term": "“so-called”", "category": "pejorative"},
    ]
    assert csv_rows(path) == rows
    assert csv_rows(str(path)) == rows
    assert csv_rows(io.StringIO(path.read_text(encoding="utf-8"))) == rows


def test_a_missing_required_column_is_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("word,kind\nvile,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks column.*category, term"):
        csv_rows(path, required=("term", "category"))


def test_every_shipped_table_reads_with_its_columns():
    expected = {
        "loaded_lexicon.csv": {"term", "category", "strength", "note"},
        "speakers.csv": {"name", "kind", "aliases", "country_or_bloc", "role", "note"},
        "actors.csv": {"group", "term", "kind", "note"},
        "stance_words.csv": {"term", "category", "note"},
        "page_patterns.csv": {"label", "scope", "pattern", "note"},
        "speech_verbs.csv": {"verb", "forms", "note"},
        "abbreviations.csv": {"term", "category", "note"},
        "function_words.csv": {"term", "category", "note"},
    }
    for name, columns in expected.items():
        rows = package_csv_rows(name)
        assert rows and set(rows[0]) == columns, name
    for name in (
        "loaded_lexicon.csv",
        "stance_words.csv",
        "page_patterns.csv",
        "speech_verbs.csv",
        "abbreviations.csv",
        "function_words.csv",
    ):  # word lists
        assert all(row["note"].strip() for row in package_csv_rows(name)), f"{name}: no note"


def test_closed_lists_are_lower_case_and_unique():
    """Abbreviations (without their final stop) and function words are matched against
    lower-cased text, so their terms must be lower case, and each listed once."""
    for name in ("abbreviations.csv", "function_words.csv"):
        terms = [row["term"] for row in package_csv_rows(name)]
        assert terms == [t.strip().lower() for t in terms], name
        assert len(terms) == len(set(terms)), name
        assert not any(t.endswith(".") for t in terms), name
