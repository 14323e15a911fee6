"""Property tests: any bytes or text in, no exception but ``InputError``, offsets that
point into the text, segments that cover it, strict JSON, metrics within their ranges.

CI runs a small budget (profile ``ci``); ``make fuzz`` runs the ``fuzz`` profile.
"""

from __future__ import annotations

import json
import math
import os
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rhetoric
from rhetoric import InputError

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PIECES = [
    "The ", "minister ", "said ", "Putin ", "Xi Jinping ", "evil ", "reckless ", "U.S. ",
    "according to ", "he said, ", "so-called ", "we ", "will ", "win", ". ", ", ", ": ", "; ",
    '"', "'", "“", "”", "‘", "’", "«", "»", "„", "''", "(", ")", "—", " - ", "...", "…",
    "\n", "\n\n", "\r", "\r\n", "\t", "*", "**", "_", "[", "](", "`", "#", "> ", "- ",
    "<p>", "</p>", "<script>alert(1)</script>", "<!--", "-->", "&amp;", "&#x27;", "<b>",
    "é", "ß", "中国", "😀", "\u200b", "\ufeff", "\x00", "\ud800", "1", "2017", "$5",
    "Comments", "Share", "Subscribe to our newsletter", "About the author", "Copyright ",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join) | st.text(max_size=300)


def check_spans(analysis):
    text = analysis.article.text
    n = len(text)
    d = analysis.to_dict()
    for key in ("sentences", "quotes", "loaded", "mentions", "segments"):
        for item in d[key]:
            assert 0 <= item["start"] <= item["end"] <= n, (key, item)
    for term in analysis.loaded.terms:
        assert text[term.start : term.end] == term.text
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
    for q in analysis.quotes:
        assert q.start <= q.content_start <= q.content_end <= q.end
        for a, b in q.parts:
            assert q.start <= a < b <= q.end
    segments = analysis.article.segments
    assert segments[0].start == 0 and segments[-1].end == n
    assert all(x.end == y.start for x, y in zip(segments, segments[1:], strict=False))


SHARES = ("quote_share", "positive_share", "negative_share", "neutral_share")


def check_metrics(metrics):
    for name, value in metrics.items():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        assert math.isfinite(value), name
        if name in SHARES or name.endswith(("_share", "_share_commentary")):
            assert 0 <= value <= 1, (name, value)
        elif name.startswith("sentiment_"):
            assert -1 <= value <= 1, (name, value)
        elif "per_100" in name or "per_1000" in name or name in ("words", "sentences"):
            assert value >= 0, (name, value)


def analyse(obj):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return rhetoric.analyze(obj)


@given(texts)
def test_analyze_any_text(text):
    analysis = analyse(text)
    check_spans(analysis)
    check_metrics(analysis.metrics)
    record = json.loads(json.dumps(analysis.to_dict(), allow_nan=False))  # strict JSON
    check_metrics(record["metrics"])
    page = analysis._repr_html_()
    assert "<script>alert" not in page  # article text is escaped
    assert page == rhetoric.highlight(analysis)


@given(st.binary(max_size=400) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_load_any_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "page.txt"
    path.write_bytes(data)
    try:
        article = rhetoric.load(path)
    except InputError:
        return
    analysis = analyse(article)
    check_spans(analysis)
    json.dumps(analysis.to_dict(), allow_nan=False)


@given(st.lists(texts, min_size=1, max_size=3))
def test_compare_any_articles(batch):
    analyses = [analyse(t) for t in batch]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = rhetoric.compare(analyses)
        records = rhetoric.compare([json.loads(json.dumps(a.to_dict())) for a in analyses])
    assert len(frame) == len(batch)
    assert frame.equals(records)


@pytest.mark.parametrize("suffix", [".html", ".md"])
@given(texts)
def test_load_any_markup(tmp_path_factory, suffix, text):
    path = tmp_path_factory.mktemp("fuzz") / f"page{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        analysis = analyse(rhetoric.load(path))
    except InputError:
        return
    check_spans(analysis)
    check_metrics(analysis.metrics)
