"""The Analysis record: its schema is a promise to users."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import rhetoric

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
REQUIRED = {
    "schema_version": str,
    "id": str,
    "path": (str, type(None)),
    "title": (str, type(None)),
    "segments": list,
    "lines": list,
    "sentences": list,
    "quotes": list,
    "loaded": list,
    "metrics": dict,
    "warnings": list,
}
ITEM_KEYS = {
    "segments": {"label", "start", "end"},
    "lines": {"n", "label"},
    "sentences": {"start", "end", "voice", "sentiment"},
    "quotes": {"start", "end", "text", "kind", "speaker", "affiliation"},
    "loaded": {"start", "end", "text", "category", "in_quote"},
}
METRICS = {
    "words",
    "sentences",
    "quote_share",
    "loaded_per_100_words",
    "sentiment_mean",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
}


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.stem)
def record(request):
    return rhetoric.analyze(request.param).to_dict()


def test_record_has_the_documented_keys_and_types(record):
    for key, kind in REQUIRED.items():
        assert isinstance(record[key], kind), key
    for key, keys in ITEM_KEYS.items():
        for item in record[key]:
            assert keys <= set(item), (key, item)
    assert set(record["metrics"]) >= METRICS
    json.dumps(record, allow_nan=False)  # valid JSON: no NaN, no numpy types


def test_offsets_index_the_decoded_text(record):
    text = rhetoric.load(record["path"]).text
    segments = record["segments"]
    assert segments[0]["start"] == 0 and segments[-1]["end"] == len(text)
    for a, b in zip(segments, segments[1:], strict=False):
        assert a["end"] == b["start"]
    for quote in record["quotes"]:
        assert quote["text"] and quote["text"].split()[0] in text[quote["start"] : quote["end"]]
    for term in record["loaded"]:
        assert text[term["start"] : term["end"]].lower() == term["text"].lower()
    for s in record["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)


def test_lines_are_numbered_like_an_editor(record):
    text = rhetoric.load(record["path"]).text
    assert [line["n"] for line in record["lines"]] == list(range(1, text.count("\n") + 2))


def test_str_is_text_and_path_is_a_file():
    from_text = rhetoric.analyze("Critics said the plan was reckless. It passed anyway.")
    assert from_text.to_dict()["path"] is None
    assert from_text.metrics["words"] == 9 and from_text.metrics["sentences"] == 2
    from_path = rhetoric.analyze(SEEDS[0])
    assert from_path.id == SEEDS[0].stem
    assert rhetoric.analyze(rhetoric.load(SEEDS[0])).metrics == from_path.metrics


def test_empty_text_gives_nan_metrics_and_a_warning():
    with pytest.warns(UserWarning, match="no words"):
        result = rhetoric.analyze("   \n\n ")
    record = result.to_dict()
    assert record["metrics"]["words"] == 0
    assert record["metrics"]["sentiment_mean"] is None  # NaN becomes null in JSON
    assert math.isnan(result.metrics["sentiment_mean"])
    assert record["warnings"]


def test_records_do_not_depend_on_the_hash_seed():
    """Ties (two lexicon entries for one word, ...) break the same way in every run."""
    import subprocess
    import sys

    code = (
        "import json, warnings, rhetoric; from pathlib import Path; "
        "warnings.simplefilter('ignore'); "
        "print(json.dumps([rhetoric.analyze(p).to_dict() "
        f"for p in map(Path, {[str(p) for p in SEEDS]!r})]))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2", "3")
    }
    assert len(outputs) == 1


def test_every_nan_metric_comes_with_a_warning_naming_it():
    text = "A Title\n\nThe council met today and agreed on a plan. It was a long day for all.\n"
    with pytest.warns(UserWarning, match="undefined") as caught:
        result = rhetoric.analyze(text)
    nan = [k for k, v in result.metrics.items() if isinstance(v, float) and math.isnan(v)]
    assert "sentiment_mean_quotes" in nan and "unattributed_quote_share" in nan
    said = " ".join(str(w.message) for w in caught)
    assert all(name in said for name in nan)
    assert any(all(name in w for name in nan) for w in result.to_dict()["warnings"])


def test_a_custom_lexicon_counts_its_terms_and_the_model_adds_only_when_asked():
    from rhetoric.measures.lexicon import Lexicon

    text = "The committee discussed the budget. Corrupt thugs and traitors lied again."
    mine = Lexicon.from_terms({"budget": "topic", "committee": "topic"})
    own = rhetoric.analyze(text, lexicon=mine)
    assert [(t.text, t.category, t.source) for t in own.loaded.terms] == [
        ("committee", "topic", "lexicon"),
        ("budget", "topic", "lexicon"),
    ]
    assert own.metrics["loaded_topic_per_100_words"] == pytest.approx(100 * 2 / 11)
    both = rhetoric.analyze(text, lexicon=mine, use_model=True)
    added = [t for t in both.loaded.terms if t.source == "model"]
    assert {t.text for t in both.loaded.terms} > {"committee", "budget"}
    assert added and all(t.category == "other" for t in added)
