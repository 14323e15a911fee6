"""Findings of notebook 01_loaded_language: every number its prose states, recomputed.

If a change to ``rhetoric`` breaks one of these, the written finding is now false:
rewrite the finding (and this test) with the new number, or fix the code. The seed
corpus is analysed once per session (``tests/conftest.py``).
"""

from __future__ import annotations

import json

import pytest
from findings import IDS, _key, recompute, with_interval

FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "for",
        "on",
        "in",
        "to",
        "at",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "from",
        "their",
        "they",
        "them",
        "it",
        "its",
        "his",
        "her",
        "he",
        "she",
        "we",
        "our",
        "this",
        "that",
        "these",
        "those",
        "be",
        "is",
        "are",
        "was",
        "were",
    }
)


def claims_01_density(corpus):
    """Loaded terms per 100 words (all, commentary, quotes) with 95% intervals, 1 d.p."""
    import rhetoric

    cmp = rhetoric.compare(corpus)
    out = {}
    for a in corpus:
        row = cmp.loc[a.id]
        entry = {}
        for name, col in (
            ("all", "loaded_per_100_words"),
            ("commentary", "loaded_per_100_words_commentary"),
            ("quotes", "loaded_per_100_words_quotes"),
        ):
            entry[name] = tuple(round(float(row[col + s]), 1) for s in ("", "_ci_low", "_ci_high"))
        terms = a.loaded.terms
        entry["terms"] = len(terms)
        entry["terms_quotes"] = sum(t.in_quote for t in terms)
        entry["words_commentary"] = a.loaded.n_words_commentary
        entry["words_quotes"] = a.loaded.n_words_quotes
        out[_key(a.id)] = entry
    return out


def claims_01_tests(corpus):
    """Commentary density: pairwise permutation p (raw, Holm) and within-article voice p."""
    from rhetoric.comparison import pairwise_tests, voice_test

    t = pairwise_tests(corpus, ["loaded_per_100_words_commentary"])
    out = {
        f"{_key(r.a)}-{_key(r.b)}": (round(r.p_value, 3), round(r.p_holm, 3))
        for r in t.itertuples()
    }
    for a in corpus:
        r = voice_test(a, "loaded_per_100_words")
        out[_key(a.id)] = (round(r.value_a, 1), round(r.value_b, 1), round(r.p_value, 3))
    return out


def claims_01_function_words(corpus):
    """Model-only calls that are a single function word (from a fixed list)."""
    out = {}
    for a in corpus:
        out[_key(a.id)] = sorted(
            t.text.lower()
            for t in a.loaded.terms
            if t.source == "model" and t.text.lower() in FUNCTION_WORDS
        )
    return out


def claims_01_categories(corpus):
    """Terms per category in commentary and in quotes, and terms per source."""
    from collections import Counter

    out = {}
    for a in corpus:
        comm = Counter(t.category for t in a.loaded.terms if not t.in_quote)
        quo = Counter(t.category for t in a.loaded.terms if t.in_quote)
        src = Counter(t.source for t in a.loaded.terms)
        out[_key(a.id)] = {
            "commentary": dict(sorted(comm.items())),
            "quotes": dict(sorted(quo.items())),
            "source": dict(sorted(src.items())),
        }
    return out


def claims_01_repeated(corpus):
    """Terms that occur more than once in an article (lower-cased text: count)."""
    out = {}
    for a in corpus:
        top = a.loaded.top_terms(50)
        out[_key(a.id)] = {r.term: int(r.count) for r in top.itertuples() if r.count > 1}
    return out


def claims_01_validation(root):
    """The learned model's held-out figures and, if present, loaded_ptc.json."""

    from rhetoric.measures.loaded import LoadedModel

    meta = LoadedModel.default().meta
    out = {
        "model": {k: meta["validation"][k] for k in sorted(meta["validation"])},
        "heldout_articles": len(meta["heldout_ids"]),
        "train_articles": meta["n_train_articles"],
    }
    path = root / "evaluation" / "results" / "loaded_ptc.json"
    out["ptc_json"] = None
    if path.exists():
        d = json.loads(path.read_text())
        det = d["detectors"]
        out["ptc_json"] = {
            "articles": d["articles"],
            "default": {
                k: round(det["default"][k], 2)
                for k in ("precision", "recall", "f1", "spearman_terms")
            },
            "lexicon_f1": round(det["lexicon"]["f1"], 2),
            "baseline_f1": round(det["baseline"]["f1"], 2),
        }
    return out


def claims_01_examples(corpus):
    """Which of the example lexicon calls the prose names are flagged, per article."""
    named = {"neocons", "hegemon", "infesting"}
    return {
        _key(a.id): sorted(
            {t.text.lower() for t in a.loaded.terms if t.source == "lexicon"} & named
        )
        for a in corpus
    }


EXPECTED = {
    "claims_01_categories": {
        "000": {
            "commentary": {
                "dehumanising": 2,
                "fear": 4,
                "flag_waving": 1,
                "hyperbole": 5,
                "intensifier": 1,
                "learned": 7,
                "name_calling": 1,
                "pejorative": 3,
            },
            "quotes": {"hyperbole": 1, "learned": 4},
            "source": {"lexicon": 18, "model": 11},
        },
        "003": {
            "commentary": {"fear": 2, "learned": 1, "name_calling": 3, "pejorative": 3},
            "quotes": {"fear": 1, "flag_waving": 1, "hyperbole": 1, "intensifier": 1, "learned": 4},
            "source": {"lexicon": 12, "model": 5},
        },
        "004": {
            "commentary": {
                "dehumanising": 1,
                "fear": 3,
                "flag_waving": 1,
                "hyperbole": 2,
                "learned": 4,
                "name_calling": 1,
                "pejorative": 3,
            },
            "quotes": {"fear": 1, "hyperbole": 1, "learned": 2},
            "source": {"lexicon": 13, "model": 6},
        },
    },
    "claims_01_density": {
        "000": {
            "all": (4.9, 2.2, 8.5),
            "commentary": (6.6, 2.6, 12.0),
            "quotes": (2.2, 0.4, 5.3),
            "terms": 29,
            "terms_quotes": 5,
            "words_commentary": 364,
            "words_quotes": 223,
        },
        "003": {
            "all": (1.5, 0.7, 2.3),
            "commentary": (1.8, 0.5, 3.1),
            "quotes": (1.3, 0.4, 2.2),
            "terms": 17,
            "terms_quotes": 8,
            "words_commentary": 511,
            "words_quotes": 636,
        },
        "004": {
            "all": (5.8, 2.4, 9.6),
            "commentary": (7.4, 1.9, 12.9),
            "quotes": (3.2, 0.0, 6.6),
            "terms": 19,
            "terms_quotes": 4,
            "words_commentary": 203,
            "words_quotes": 126,
        },
    },
    "claims_01_examples": {
        "000": ["infesting", "neocons"],
        "003": ["hegemon"],
        "004": ["infesting", "neocons"],
    },
    "claims_01_function_words": {"000": [], "003": [], "004": []},
    "claims_01_repeated": {"000": {}, "003": {"hegemon": 2}, "004": {"threaten": 2}},
    "claims_01_tests": {
        "000": (7.8, 1.9, 0.138),
        "000-003": (0.024, 0.047),
        "000-004": (0.831, 0.831),
        "003": (2.0, 1.2, 0.383),
        "003-004": (0.013, 0.039),
        "004": (8.2, 3.4, 0.269),
    },
    "claims_01_validation": {
        "heldout_articles": 74,
        "model": {
            "combined_f1": 0.315,
            "combined_precision": 0.3034,
            "combined_recall": 0.3276,
            "model_f1": 0.3104,
        },
        "ptc_json": {
            "articles": 74,
            "baseline_f1": 0.11,
            "default": {"f1": 0.26, "precision": 0.25, "recall": 0.28, "spearman_terms": 0.74},
            "lexicon_f1": 0.19,
        },
        "train_articles": 297,
    },
}


def test_01_orderings_the_titles_state(corpus):
    d = claims_01_density(corpus)
    for k in ("000", "004"):  # "over three times the rate of 003"
        assert d[k]["commentary"][0] > 3 * d["003"]["commentary"][0]
    cats = claims_01_categories(corpus)
    for k in cats:  # name-calling and dehumanising only in commentary
        assert not {"name_calling", "dehumanising"} & set(cats[k]["quotes"])
    assert any({"name_calling", "dehumanising"} & set(cats[k]["commentary"]) for k in cats)


def test_01_prose_states_the_commentary_densities(frame, notebook_text):
    text = notebook_text("01")
    col = "loaded_per_100_words_commentary"
    v = {k: with_interval(frame, k, col) for k in IDS}
    assert "000 uses {} (95% interval {} to {}) loaded terms".format(*v["000"]) in text
    assert "004 {} (95% interval {} to {}), against".format(*v["004"]) in text
    assert "against {} (95% interval {} to {}) in 003".format(*v["003"]) in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_claim(name, corpus):
    """Each claims_* function's figures are the ones the prose was written with."""
    assert recompute(globals()[name], corpus) == EXPECTED[name]
