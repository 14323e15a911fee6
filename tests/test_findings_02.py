"""Findings of notebook 02_sentiment_framing: every number its prose states, recomputed.

If a change to ``rhetoric`` breaks one of these, the written finding is now false:
rewrite the finding (and this test) with the new number, or fix the code. The seed
corpus is analysed once per session (``tests/conftest.py``).
"""

from __future__ import annotations

import json
import math

import pytest
from findings import _key, recompute, stated, with_interval


def claims_02_sentiment(corpus):
    """sentiment_mean (all, commentary, quotes) with 95% intervals, 2 d.p.; shares."""
    import rhetoric

    cmp = rhetoric.compare(corpus)
    out = {}
    for a in corpus:
        row = cmp.loc[a.id]
        entry = {}
        for name, col in (
            ("all", "sentiment_mean"),
            ("commentary", "sentiment_mean_commentary"),
            ("quotes", "sentiment_mean_quotes"),
        ):
            entry[name] = tuple(round(float(row[col + s]), 2) for s in ("", "_ci_low", "_ci_high"))
        comp = [s.compound for s in a.sentiment.sentences if s.n_words]
        entry["sentences"] = len(comp)
        entry["positive"] = sum(c >= 0.05 for c in comp)
        entry["negative"] = sum(c <= -0.05 for c in comp)
        entry["voices"] = {v: a.voices.count(v) for v in ("commentary", "quote", "mixed")}
        out[_key(a.id)] = entry
    return out


def claims_02_voice_tests(corpus):
    """sentiment_mean, commentary vs quote sentences: values (2 d.p.) and p (3 d.p.)."""
    from rhetoric.comparison import voice_test

    out = {}
    for a in corpus:
        r = voice_test(a, "sentiment_mean")
        out[_key(a.id)] = (round(r.value_a, 2), round(r.value_b, 2), round(r.p_value, 3))
    return out


def claims_02_extremes(corpus):
    """The most negative sentence of each article: index, compound, voice, first words."""
    out = {}
    for a in corpus:
        sents = [s for s in a.sentiment.sentences if s.n_words]
        low = min(sents, key=lambda s: (s.compound, s.index))
        words = " ".join(a.doc.sentence_text(low.index).split()[:6])
        out[_key(a.id)] = (low.index, low.compound, a.voices[low.index], words)
    return out


def claims_02_framing(corpus):
    """Per article and actor group: framing() figures (sentiment rounded to 2 d.p.)."""

    out = {}
    for a in corpus:
        f = a.framing()
        rows = {}
        for r in f.itertuples():

            def rd(x):
                return None if math.isnan(x) else round(float(x), 2)

            rows[r.group] = {
                "mentions": int(r.mentions),
                "sentences": int(r.sentences),
                "shared": int(r.shared_sentences),
                "tone": rd(r.sentiment_mean),
                "commentary": (int(r.sentences_commentary), rd(r.sentiment_mean_commentary)),
                "quotes": (int(r.sentences_quotes), rd(r.sentiment_mean_quotes)),
                "loaded": int(r.loaded_terms),
            }
        out[_key(a.id)] = rows
    return out


def claims_02_shared(corpus):
    """Sentences naming any group, and naming two or more groups, per article."""
    out = {}
    for a in corpus:
        groups = {}
        for m in a.mentions:
            if m.sentence >= 0:
                groups.setdefault(m.sentence, set()).add(m.group)
        out[_key(a.id)] = (len(groups), sum(len(g) > 1 for g in groups.values()))
    return out


def claims_02_stance(corpus):
    """Hedges and boosters: (text, category, voice) of every marker, per article."""
    from rhetoric.measures.stance import find_stance_markers

    out = {}
    for a in corpus:
        spans = a.voice.quote_spans
        rows = []
        for m in find_stance_markers(a.doc):
            quoted = any(s <= m.start and m.end <= e for s, e, *_ in spans)
            rows.append((m.text, m.category, "quote" if quoted else "commentary"))
        out[_key(a.id)] = rows
    return out


def claims_02_validation(root):
    """VADER sentence scores against NYT editorial snippets (held-out half)."""

    d = json.loads((root / "evaluation" / "results" / "sentiment_nyt.json").read_text())
    h = d["held_out"]["sentiment_mean (shipped)"]
    return {
        "n": h["n"],
        "r": round(h["r"], 2),
        "ci95": tuple(round(x, 2) for x in h["ci95"]),
        "snippets": d["n_snippets"],
        "multi_sentence": d["snippets_with_2plus_sentences"],
    }


def claims_02_actor_table(corpus):
    """plots.actor_table: sentiment (2 d.p.) with interval, per article and group."""
    from rhetoric.viz import plots

    t = plots.actor_table(corpus)
    return {
        (_key(r.id), r.group): (
            round(r.sentiment_mean, 2),
            round(r.sentiment_mean_ci_low, 2),
            round(r.sentiment_mean_ci_high, 2),
        )
        for r in t.itertuples()
    }


EXPECTED = {
    "claims_02_actor_table": {
        ("000", "china"): (0.6, 0.38, 0.74),
        ("000", "russia"): (0.55, 0.35, 0.7),
        ("000", "us_west"): (0.43, -0.01, 0.66),
        ("003", "china"): (0.66, 0.21, 0.87),
        ("003", "russia"): (0.64, 0.13, 0.85),
        ("003", "us_west"): (0.1, -0.25, 0.33),
        ("004", "china"): (0.29, 0.0, 0.49),
        ("004", "russia"): (0.29, 0.0, 0.49),
        ("004", "us_west"): (0.29, -0.38, 0.38),
    },
    "claims_02_extremes": {
        "000": (6, -0.5994, "commentary", "Neocons infesting Washington make unthinkable nuclear"),
        "003": (55, -0.6369, "quote", "“Some forces representing a minority on"),
        "004": (2, -0.5499, "quote", '"Economic issues have always been in'),
    },
    "claims_02_framing": {
        "000": {
            "china": {
                "commentary": (7, 0.75),
                "loaded": 3,
                "mentions": 26,
                "quotes": (5, 0.27),
                "sentences": 16,
                "shared": 15,
                "tone": 0.6,
            },
            "russia": {
                "commentary": (7, 0.72),
                "loaded": 2,
                "mentions": 29,
                "quotes": (7, 0.31),
                "sentences": 20,
                "shared": 15,
                "tone": 0.55,
            },
            "us_west": {
                "commentary": (5, 0.43),
                "loaded": 9,
                "mentions": 7,
                "quotes": (0, None),
                "sentences": 6,
                "shared": 2,
                "tone": 0.43,
            },
        },
        "003": {
            "china": {
                "commentary": (13, 0.23),
                "loaded": 1,
                "mentions": 33,
                "quotes": (10, 0.81),
                "sentences": 23,
                "shared": 21,
                "tone": 0.66,
            },
            "russia": {
                "commentary": (13, 0.15),
                "loaded": 1,
                "mentions": 27,
                "quotes": (9, 0.82),
                "sentences": 22,
                "shared": 22,
                "tone": 0.64,
            },
            "us_west": {
                "commentary": (4, 0.06),
                "loaded": 6,
                "mentions": 6,
                "quotes": (1, 0.2),
                "sentences": 5,
                "shared": 1,
                "tone": 0.1,
            },
        },
        "004": {
            "china": {
                "commentary": (6, 0.22),
                "loaded": 2,
                "mentions": 10,
                "quotes": (2, 0.52),
                "sentences": 9,
                "shared": 9,
                "tone": 0.29,
            },
            "russia": {
                "commentary": (6, 0.22),
                "loaded": 2,
                "mentions": 11,
                "quotes": (2, 0.52),
                "sentences": 9,
                "shared": 9,
                "tone": 0.29,
            },
            "us_west": {
                "commentary": (2, 0.29),
                "loaded": 5,
                "mentions": 4,
                "quotes": (0, None),
                "sentences": 2,
                "shared": 0,
                "tone": 0.29,
            },
        },
    },
    "claims_02_sentiment": {
        "000": {
            "all": (0.52, 0.33, 0.66),
            "commentary": (0.64, 0.35, 0.78),
            "negative": 1,
            "positive": 19,
            "quotes": (0.29, 0.07, 0.48),
            "sentences": 29,
            "voices": {"commentary": 14, "mixed": 6, "quote": 9},
        },
        "003": {
            "all": (0.47, 0.17, 0.69),
            "commentary": (0.19, 0.02, 0.35),
            "negative": 6,
            "positive": 30,
            "quotes": (0.61, 0.16, 0.83),
            "sentences": 60,
            "voices": {"commentary": 29, "mixed": 3, "quote": 28},
        },
        "004": {
            "all": (0.09, -0.17, 0.32),
            "commentary": (0.18, -0.11, 0.33),
            "negative": 4,
            "positive": 5,
            "quotes": (-0.04, -0.44, 0.55),
            "sentences": 20,
            "voices": {"commentary": 12, "mixed": 2, "quote": 6},
        },
    },
    "claims_02_shared": {"000": (25, 15), "003": (28, 22), "004": (11, 9)},
    "claims_02_stance": {
        "000": [("perhaps", "hedge", "commentary")],
        "003": [],
        "004": [("always", "booster", "quote"), ("may", "hedge", "quote")],
    },
    "claims_02_validation": {
        "ci95": (0.48, 0.56),
        "multi_sentence": 15,
        "n": 1284,
        "r": 0.52,
        "snippets": 2595,
    },
    "claims_02_voice_tests": {
        "000": (0.64, 0.29, 0.084),
        "003": (0.19, 0.61, 0.184),
        "004": (0.18, -0.04, 0.544),
    },
}


def test_02_orderings_the_titles_state(corpus):
    s = claims_02_sentiment(corpus)
    share = {k: v["positive"] / v["sentences"] for k, v in s.items()}
    assert (round(share["000"], 2), share["003"], share["004"]) == (0.66, 0.5, 0.25)
    assert s["000"]["commentary"][0] > s["000"]["quotes"][0]
    assert s["003"]["commentary"][0] < s["003"]["quotes"][0]
    fr = claims_02_framing(corpus)
    for groups in fr.values():  # US / West: fewest sentences, more loaded terms
        for g in ("russia", "china"):
            assert groups["us_west"]["sentences"] < groups[g]["sentences"]
            assert groups["us_west"]["loaded"] > groups[g]["loaded"]


def test_02_prose_states_the_sentiment_intervals(frame, notebook_text):
    text = notebook_text("02")

    def say(key, name):
        return "{} [{}, {}]".format(*with_interval(frame, key, name, 2, minus="−"))

    com, quo = "sentiment_mean_commentary", "sentiment_mean_quotes"
    assert f"000's commentary scores {say('000', com)} and its quotations {say('000', quo)}" in text
    assert f"commentary {say('003', com)} against quotations {say('003', quo)}" in text
    assert f"004 is close to neutral overall, {say('004', 'sentiment_mean')}" in text


def test_02_prose_states_the_us_west_intervals(corpus, notebook_text):
    from rhetoric.viz import plots

    t = plots.actor_table(corpus).set_index(["id", "group"])
    t.index = t.index.set_levels(t.index.levels[0].str[:3], level=0)
    bounds = {
        k: stated(*t.loc[(k, "us_west"), ["sentiment_mean", "sentiment_mean_ci_low",
                                          "sentiment_mean_ci_high"]], digits=2, minus="−")
        for k in ("000", "003")
    }  # fmt: skip
    expected = "US / West: {1} to {2} in 000, ".format(*bounds["000"])
    expected += "{1} to {2} in 003".format(*bounds["003"])
    assert expected in notebook_text("02")


def test_02_prose_states_the_loaded_terms_by_group(corpus, notebook_text):
    fr = recompute(claims_02_framing, corpus)
    us = [fr[k]["us_west"]["loaded"] for k in sorted(fr)]
    most = [max(fr[k][g]["loaded"] for g in ("russia", "china")) for k in sorted(fr)]
    expected = "({}, {} and {} terms against at most {}, {} and {})".format(*us, *most)
    assert expected in notebook_text("02")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_claim(name, corpus):
    """Each claims_* function's figures are the ones the prose was written with."""
    assert recompute(globals()[name], corpus) == EXPECTED[name]
