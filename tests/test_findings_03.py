"""Findings of notebook 03_readability: every number its prose states, recomputed.

If a change to ``rhetoric`` breaks one of these, the written finding is now false:
rewrite the finding (and this test) with the new number, or fix the code. The seed
corpus is analysed once per session (``tests/conftest.py``).
"""

from __future__ import annotations

import pytest
from findings import _key, recompute, stated


def claims_03_readability(corpus):
    """Grade formulas (value, 95% interval, 1 d.p.) for the body and the commentary."""
    from rhetoric.comparison import readability_intervals

    out = {}
    for voice in (None, "commentary"):
        t = readability_intervals(corpus, voice=voice)
        for r in t.itertuples():
            out.setdefault(_key(r.id), {}).setdefault(r.voice, {})[r.metric] = (
                round(r.value, 1),
                round(r.ci_low, 1),
                round(r.ci_high, 1),
            )
            out[_key(r.id)][r.voice]["size"] = (r.sentences, r.words)
    for a in corpus:
        out[_key(a.id)]["all"]["flesch_reading_ease"] = round(a.metrics["flesch_reading_ease"], 1)
        out[_key(a.id)]["commentary"]["flesch_reading_ease"] = round(
            a.metrics["flesch_reading_ease_commentary"], 1
        )
    return out


def claims_03_checks(corpus):
    """Sentence boundaries to check, syllable sources, textstat's own sentence count."""
    import textstat

    from rhetoric.viz import tables

    out = {}
    for a in corpus:
        b = tables.sentence_boundaries(a)
        syl = tables.syllable_table(a)
        est = syl[syl["source"] == "estimated"]
        out[_key(a.id)] = {
            "quote_ends": int((b["kind"] == "quote").sum()),
            "no_stop": int((b["kind"] == "no stop").sum()),
            "estimated_tokens": int(est["count"].sum()),
            "tokens": int(syl["count"].sum()),
            "estimated_numbers": int(est.loc[est["word"].str[0].str.isdigit(), "count"].sum()),
            "sentences": sum(1 for first, last in a.doc.sentence_words if last > first),
            "textstat_sentences": textstat.sentence_count(a.article.body),
            "textstat_fk": round(textstat.flesch_kincaid_grade(a.article.body), 1),
            "fk": round(a.metrics["flesch_kincaid_grade"], 1),
        }
    return out


def claims_03_boundaries(corpus):
    """Sentences without a final stop: their last character (':' lead-in) or the heading;
    first characters of the sentences after a closing quote."""
    from rhetoric.viz import tables

    out = {}
    for a in corpus:
        b = tables.sentence_boundaries(a)
        nostop = b[b["kind"] == "no stop"]
        quote = b[b["kind"] == "quote"]
        out[_key(a.id)] = {
            "no_stop_endings": sorted(e if not e.endswith(":") else ":" for e in nostop["ends"]),
            "after_quote_starts_capital": all(
                (n[:1].isupper() or n[:1] in "'\"\u201c(") for n in quote["next starts"] if n
            ),
        }
    return out


def claims_03_number_syllables(corpus):
    """Syllable counts given to estimated number tokens (set per article)."""
    from rhetoric.viz import tables

    out = {}
    for a in corpus:
        t = tables.syllable_table(a)
        nums = t[(t["source"] == "estimated") & t["word"].str[0].str.isdigit()]
        out[_key(a.id)] = sorted(set(int(x) for x in nums["syllables"]))
    return out


def claims_03_syllables_per_word(corpus):
    """syllables_per_word of each body, 2 d.p."""
    return {_key(a.id): round(a.metrics["syllables_per_word"], 2) for a in corpus}


EXPECTED = {
    "claims_03_boundaries": {
        "000": {"after_quote_starts_capital": True, "no_stop_endings": [":"]},
        "003": {
            "after_quote_starts_capital": True,
            "no_stop_endings": [":", ":", ":", ":", ":", ":", ":", "A Final Comment"],
        },
        "004": {"after_quote_starts_capital": True, "no_stop_endings": [":"]},
    },
    "claims_03_checks": {
        "000": {
            "estimated_numbers": 7,
            "estimated_tokens": 23,
            "fk": 14.6,
            "no_stop": 1,
            "quote_ends": 8,
            "sentences": 29,
            "textstat_fk": 14.7,
            "textstat_sentences": 28,
            "tokens": 587,
        },
        "003": {
            "estimated_numbers": 14,
            "estimated_tokens": 26,
            "fk": 13.7,
            "no_stop": 8,
            "quote_ends": 26,
            "sentences": 60,
            "textstat_fk": 14.8,
            "textstat_sentences": 52,
            "tokens": 1147,
        },
        "004": {
            "estimated_numbers": 7,
            "estimated_tokens": 13,
            "fk": 12.3,
            "no_stop": 1,
            "quote_ends": 3,
            "sentences": 20,
            "textstat_fk": 12.0,
            "textstat_sentences": 21,
            "tokens": 329,
        },
    },
    "claims_03_number_syllables": {"000": [1], "003": [1], "004": [1]},
    "claims_03_readability": {
        "000": {
            "all": {
                "automated_readability_index": (16.1, 14.0, 18.3),
                "coleman_liau_index": (15.2, 13.6, 17.0),
                "dale_chall": (12.5, 12.0, 13.2),
                "flesch_kincaid_grade": (14.6, 12.9, 16.5),
                "flesch_reading_ease": 26.5,
                "gunning_fog": (16.8, 15.2, 18.6),
                "size": (29, 587),
                "smog_index": (15.6, 14.4, 17.0),
            },
            "commentary": {
                "automated_readability_index": (17.4, 14.2, 20.7),
                "coleman_liau_index": (16.7, 13.9, 20.3),
                "dale_chall": (13.1, 12.2, 14.1),
                "flesch_kincaid_grade": (16.2, 13.5, 19.0),
                "flesch_reading_ease": 16.3,
                "gunning_fog": (18.7, 16.1, 21.6),
                "size": (14, 294),
                "smog_index": (17.0, 15.1, 18.9),
            },
        },
        "003": {
            "all": {
                "automated_readability_index": (15.0, 13.3, 16.8),
                "coleman_liau_index": (14.6, 13.3, 15.8),
                "dale_chall": (11.7, 11.2, 12.2),
                "flesch_kincaid_grade": (13.7, 12.2, 15.3),
                "flesch_reading_ease": 30.8,
                "gunning_fog": (15.8, 13.9, 17.8),
                "size": (60, 1147),
                "smog_index": (15.0, 13.8, 16.3),
            },
            "commentary": {
                "automated_readability_index": (12.2, 10.7, 13.7),
                "coleman_liau_index": (13.0, 11.7, 14.5),
                "dale_chall": (11.8, 11.2, 12.5),
                "flesch_kincaid_grade": (11.3, 10.2, 12.5),
                "flesch_reading_ease": 41.8,
                "gunning_fog": (13.0, 11.2, 14.8),
                "size": (29, 455),
                "smog_index": (13.2, 12.1, 14.3),
            },
        },
        "004": {
            "all": {
                "automated_readability_index": (13.6, 10.7, 17.1),
                "coleman_liau_index": (14.1, 11.7, 16.5),
                "dale_chall": (12.1, 11.0, 13.4),
                "flesch_kincaid_grade": (12.3, 9.7, 15.2),
                "flesch_reading_ease": 35.9,
                "gunning_fog": (14.8, 11.7, 18.4),
                "size": (20, 329),
                "smog_index": (13.9, 11.6, 16.3),
            },
            "commentary": {
                "automated_readability_index": (14.5, 10.6, 19.5),
                "coleman_liau_index": (16.0, 12.9, 18.7),
                "dale_chall": (13.1, 11.4, 14.5),
                "flesch_kincaid_grade": (13.0, 9.8, 17.0),
                "flesch_reading_ease": 29.1,
                "gunning_fog": (15.9, 11.6, 20.8),
                "size": (12, 183),
                "smog_index": (14.4, 11.5, 18.0),
            },
        },
    },
    "claims_03_syllables_per_word": {"000": 1.89, "003": 1.85, "004": 1.82},
}


def test_03_orderings_the_titles_state(corpus):
    r = claims_03_readability(corpus)
    grades = [
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall",
    ]
    for m in grades:  # 000 is the hardest by every formula
        assert r["000"]["all"][m][0] > max(r["003"]["all"][m][0], r["004"]["all"][m][0])
    fk = "flesch_kincaid_grade"
    assert r["003"]["commentary"][fk][0] < r["003"]["all"][fk][0]
    assert r["000"]["commentary"][fk][0] > r["000"]["all"][fk][0]
    assert r["003"]["commentary"][fk][2] < r["000"]["commentary"][fk][1]


def test_03_prose_states_the_commentary_grades(corpus, notebook_text):
    from rhetoric.comparison import readability_intervals

    t = readability_intervals(corpus, ["flesch_kincaid_grade"], voice="commentary")
    fk = {r.id[:3]: stated(r.value, r.ci_low, r.ci_high) for r in t.itertuples()}
    text = notebook_text("03")
    assert "grade {} (95% interval {} to {})".format(*fk["003"]) in text
    assert "at {} (95% interval {} to {})".format(*fk["000"]) in text
    row = t[t["id"].str.startswith("004")].iloc[0]
    width = round(row.ci_high, 1) - round(row.ci_low, 1)
    assert "spans {:.1f} grades ({} to {})".format(width, *fk["004"][1:]) in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_claim(name, corpus):
    """Each claims_* function's figures are the ones the prose was written with."""
    assert recompute(globals()[name], corpus) == EXPECTED[name]
