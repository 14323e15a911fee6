"""Findings of notebook 05_comparison_findings: every number its prose states, recomputed.

If a change to ``rhetoric`` breaks one of these, the written finding is now false:
rewrite the finding (and this test) with the new number, or fix the code. The seed
corpus is analysed once per session (``tests/conftest.py``).
"""

from __future__ import annotations

import csv

from findings import IDS, ROOT, interval, metric, voice_rates, with_interval

from rhetoric import comparison


def test_05_loaded_density_and_tone(by_id, frame):
    assert metric(by_id, "loaded_per_100_words", 2) == {"000": 2.56, "003": 0.78, "004": 3.04}
    assert interval(frame, "loaded_per_100_words", 2) == {
        "000": (0.94, 4.66),
        "003": (0.28, 1.4),
        "004": (0.78, 5.52),
    }
    high = frame.at["003", "loaded_per_100_words_ci_high"]
    overlaps = {
        k: round(high - frame.at[k, "loaded_per_100_words_ci_low"], 2) for k in ("000", "004")
    }
    assert overlaps == {"000": 0.46, "004": 0.62}
    assert comparison.intervals_overlap(frame, "loaded_per_100_words", "003", "004")
    loaded = {k: by_id[k].metrics["loaded_per_100_words"] for k in IDS}
    # "less than a third of the rate of 000 and about a quarter of the rate of 004"
    assert 1 / 4 < loaded["003"] / loaded["000"] < 1 / 3
    assert abs(loaded["003"] / loaded["004"] - 1 / 4) < 0.02
    assert metric(by_id, "sentiment_mean", 2) == {"000": 0.52, "003": 0.47, "004": 0.09}
    assert interval(frame, "sentiment_mean", 2) == {
        "000": (0.33, 0.66),
        "003": (0.17, 0.69),
        "004": (-0.17, 0.32),
    }
    assert all(by_id[k].metrics["sentiment_mean"] > 0 for k in IDS)


def test_05_pairwise_tests(pairs, notebook_text):
    passing = pairs.index[pairs["p_value"] < 0.05].tolist()
    assert passing == [
        ("loaded_per_100_words", "000", "003"),
        ("loaded_per_100_words", "003", "004"),
        ("loaded_per_100_words_commentary", "003", "004"),
        ("sentiment_mean", "000", "004"),
    ]
    assert f"Of the twelve differences, {len(passing)} pass the usual 5% bar" in notebook_text("05")
    assert (pairs["p_holm"] < 0.05).sum() == 0
    p = pairs.round(3)
    assert p.loc[("loaded_per_100_words", "000", "003"), ["p_value", "p_holm"]].tolist() == [
        0.021,
        0.215,
    ]
    assert p.loc[("loaded_per_100_words", "003", "004"), ["p_value", "p_holm"]].tolist() == [
        0.008,
        0.1,
    ]
    commentary = p.xs("loaded_per_100_words_commentary")
    assert commentary.loc[("000", "003"), ["p_value", "p_holm"]].tolist() == [0.104, 0.836]
    assert commentary.loc[("003", "004"), ["p_value", "p_holm"]].tolist() == [0.025, 0.227]
    assert p.loc[("sentiment_mean", "000", "004"), ["p_value", "p_holm"]].tolist() == [0.010, 0.115]
    assert round(pairs.xs("quote_share")["p_value"].min(), 2) == 0.15


def test_05_distinctive_words(corpus):
    from rhetoric.comparison.distinctive import log_odds, tfidf_terms

    lo = log_odds(corpus, n=None)
    lo = lo[lo["z"] > 1.96]
    got = {(r.id[:3], r.term): round(r.z, 1) for r in lo.itertuples()}
    assert got == {
        ("000", "will"): 2.7,
        ("000", "relations"): 2.4,
        ("000", "bilateral"): 2.3,
        ("000", "russian"): 2.3,
        ("003", "the"): 3.0,
        ("003", "is"): 2.0,
        ("004", "trade"): 2.6,
        ("004", "economic"): 2.6,
    }
    tf = tfidf_terms(corpus, n=6)
    assert {"beijing", "winter", "friday"} <= set(tf[tf["id"].str[:3] == "003"]["term"])


def test_05_occasions_of_the_articles():
    with open(ROOT / "data" / "articles.csv", encoding="utf-8") as fh:
        published = {r["id"][:3]: r["published"][:7] for r in csv.DictReader(fh)}
    assert published == {"000": "2017-07", "003": "2022-02", "004": "2017-07"}


def test_05_shared_phrases(corpus):
    from rhetoric.comparison.phrases import shared_phrases

    f = shared_phrases(corpus).to_frame()
    cross = f[f["n_articles"] == 2]
    ids = cross.groupby("phrase_no")["id"].apply(lambda s: tuple(sorted({i[:3] for i in s})))
    assert len(ids) == 8
    assert ids.value_counts().to_dict() == {("000", "003"): 4, ("000", "004"): 4}
    phrases = set(cross["phrase"])
    assert {
        "ambitious One Belt One Road initiative",
        "a vital counterforce to",
        "President Putin and I",
        "a close personal friendship",
        "the Power of Siberia",
        "becoming China’s president in",
    } <= phrases
    assert cross["n_words"].max() == 6
    nine = f[f["phrase"] == "billion cubic meters of Russian natural gas to China"]
    assert nine["id"].str[:3].tolist() == ["000", "000"] and nine["n_words"].iloc[0] == 9


def test_05_readability(by_id):
    assert metric(by_id, "flesch_reading_ease", 0) == {"000": 26, "003": 31, "004": 36}


def test_05_prose_states_the_density_and_tone_intervals(frame, notebook_text):
    text = notebook_text("05")
    d = {k: with_interval(frame, k, "loaded_per_100_words", 2) for k in IDS}
    s = {k: with_interval(frame, k, "sentiment_mean", 2) for k in IDS}
    assert (
        "{} terms per 100 words (95% interval {} to {}), ".format(*d["003"])
        + ("against {} ({} to {}) in 000 ".format(*d["000"]))
        + "and {} ({} to {}) in 004".format(*d["004"])
        in text
    )
    assert (
        "{} ({} to {}) against ".format(*s["004"])
        + "{} ({} to {}) in 000 ".format(*s["000"])
        + "and {} ({} to {}) in 003".format(*s["003"])
        in text
    )
    # the numbered findings at the end repeat them
    assert "{} per 100 words, interval {} to {}".format(*d["003"]) in text
    assert "({}, interval {} to {})".format(*s["004"]) in text


def test_05_prose_states_the_detector_figures(valid, notebook_text):
    text = notebook_text("05")
    p = valid.at["loaded: token precision", "value"]
    r = valid.at["loaded: token recall", "value"]
    rho = valid.at["loaded: Spearman rho of density per article", "value"]
    assert f"(held-out token precision {p:.2f}, recall {r:.2f})" in text
    assert f"(Spearman {rho:.2f})" in text


def test_05_quote_and_speaker_figures(valid, notebook_text):
    rec = valid.loc["quotes: recall", "value"]
    prec = valid.loc["quotes: precision (direct quotes)", "value"]
    acc = valid.loc["quotes: speaker accuracy", "value"]
    expected = f"(recall {rec:.2f}, precision {prec:.2f}); speaker names less so ({acc:.2f})"
    assert expected in notebook_text("05")


def test_05_prose_states_the_voice_figures(by_id, voice, notebook_text):
    c, q = voice_rates(by_id)
    assert (
        f"at {c['000'] / q['000']:.1f} and {c['004'] / q['004']:.1f} times the rate of the quotes "
        f"({c['000']:.1f} vs {q['000']:.1f}; {c['004']:.1f} vs {q['004']:.1f} per 100 words); "
        f"in 003, {c['003']:.1f} vs {q['003']:.1f}. *No reliable difference* within any one "
        f"article (notebook 04: smallest adjusted p {voice['p_holm'].min():.2f})"
    ) in notebook_text("05")
