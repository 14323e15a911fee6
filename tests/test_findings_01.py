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
    shipped = meta["validation"]["ptc_shipped"]
    out = {
        "model": {k: round(shipped[k], 2) for k in ("threshold", "precision", "recall", "f1")},
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
            "before": {k: round(det["before"][k], 2) for k in ("precision", "recall", "f1")},
        }
    path = root / "evaluation" / "results" / "loaded_babe.json"
    out["babe_json"] = None
    if path.exists():
        d = json.loads(path.read_text())
        out["babe_json"] = {
            "sentences": d["held_out_sentences"],
            "f1": round(d["words"]["f1"], 2),
            "before_f1": round(d["before"]["f1"], 2),
            "bias_mean_auc": round(d["bias_mean_auc"], 2),
        }
    return out


def claims_01_examples(corpus):
    """The example calls the prose names: counted and candidate occurrences per article,
    the calls it names as not loaded (the model's own, and lexicon terms in quotations),
    and the lexicon terms it names as grown past their loaded word."""
    named = {"neocons", "hegemon", "infesting", "humanity’s greatest"}
    weak = {"multi-world", "full-fledged", "ambitious", "unilateral"}
    weak_quoted = {"highly vigilant"}
    grown = {"deplorable unipolar", "diplomatically, belligerence ruled"}
    out = {}
    for a in corpus:
        lexicon = [t for t in a.loaded.terms if t.source == "lexicon"]
        counted = [t.text.lower() for t in lexicon]
        cands = [t.text.lower() for t in a.loaded.candidates]
        out[_key(a.id)] = {
            "counted": sorted(w for w in counted if w in named),
            "candidates": sorted(w for w in cands if w in named),
            "model": sorted(
                t.text.lower()
                for t in a.loaded.terms
                if t.source == "model" and t.text.lower() in weak
            ),
            "quoted": sorted(
                t.text.lower() for t in lexicon if t.in_quote and t.text in weak_quoted
            ),
            "grown": sorted(w for w in counted if w in grown),
        }
    return out


def claims_01_candidates_and_bias(corpus):
    """Counted terms, candidates, bias_mean with its interval and the biased share."""
    import rhetoric

    cmp = rhetoric.compare(corpus)
    out = {}
    for a in corpus:
        row = cmp.loc[a.id]
        out[_key(a.id)] = {
            "terms": len(a.loaded.terms),
            "candidates": len(a.loaded.candidates),
            "bias_mean": tuple(
                round(float(row["bias_mean" + s]), 2) for s in ("", "_ci_low", "_ci_high")
            ),
            "biased_share": round(float(row["biased_sentence_share"]), 2),
        }
    return out


EXPECTED = {
    "claims_01_candidates_and_bias": {
        "000": {
            "bias_mean": (0.41, 0.33, 0.51),
            "biased_share": 0.48,
            "candidates": 17,
            "terms": 15,
        },
        "003": {"bias_mean": (0.35, 0.3, 0.41), "biased_share": 0.25, "candidates": 20, "terms": 9},
        "004": {
            "bias_mean": (0.47, 0.37, 0.56),
            "biased_share": 0.4,
            "candidates": 13,
            "terms": 10,
        },
    },
    "claims_01_categories": {
        "000": {
            "commentary": {
                "dehumanising": 2,
                "fear": 2,
                "hyperbole": 4,
                "other": 2,
                "pejorative": 3,
            },
            "quotes": {"other": 2},
            "source": {"lexicon": 11, "model": 4},
        },
        "003": {
            "commentary": {"fear": 1, "name_calling": 2, "pejorative": 3},
            "quotes": {"fear": 1, "intensifier": 1, "other": 1},
            "source": {"lexicon": 8, "model": 1},
        },
        "004": {
            "commentary": {
                "dehumanising": 1,
                "fear": 2,
                "hyperbole": 2,
                "name_calling": 1,
                "pejorative": 3,
            },
            "quotes": {"hyperbole": 1},
            "source": {"lexicon": 10},
        },
    },
    "claims_01_density": {
        "000": {
            "all": (2.6, 0.9, 4.7),
            "commentary": (3.6, 1.1, 7.3),
            "quotes": (0.9, 0.0, 2.3),
            "terms": 15,
            "terms_quotes": 2,
            "words_commentary": 364,
            "words_quotes": 223,
        },
        "003": {
            "all": (0.8, 0.3, 1.4),
            "commentary": (1.2, 0.2, 2.3),
            "quotes": (0.5, 0.0, 0.9),
            "terms": 9,
            "terms_quotes": 3,
            "words_commentary": 511,
            "words_quotes": 636,
        },
        "004": {
            "all": (3.0, 0.8, 5.5),
            "commentary": (4.4, 1.1, 8.1),
            "quotes": (0.8, 0.0, 2.8),
            "terms": 10,
            "terms_quotes": 1,
            "words_commentary": 203,
            "words_quotes": 126,
        },
    },
    "claims_01_examples": {
        "000": {
            "candidates": ["neocons"],
            "counted": ["humanity’s greatest", "infesting"],
            "grown": ["deplorable unipolar"],
            "model": ["ambitious", "full-fledged", "multi-world"],
            "quoted": [],
        },
        "003": {
            "candidates": [],
            "counted": ["hegemon", "hegemon"],
            "grown": [],
            "model": ["unilateral"],
            "quoted": ["highly vigilant"],
        },
        "004": {
            "candidates": [],
            "counted": ["infesting", "neocons"],
            "grown": ["diplomatically, belligerence ruled"],
            "model": [],
            "quoted": [],
        },
    },
    "claims_01_function_words": {"000": [], "003": [], "004": []},
    "claims_01_repeated": {"000": {}, "003": {"hegemon": 2}, "004": {}},
    "claims_01_tests": {
        "000": (4.4, 0.0, 0.087),
        "000-003": (0.104, 0.209),
        "000-004": (0.732, 0.732),
        "003": (1.3, 0.5, 0.163),
        "003-004": (0.025, 0.076),
        "004": (4.9, 0.8, 0.185),
    },
    "claims_01_validation": {
        "babe_json": {"before_f1": 0.4, "bias_mean_auc": 0.8, "f1": 0.42, "sentences": 502},
        "heldout_articles": 74,
        "model": {"f1": 0.29, "precision": 0.4, "recall": 0.23, "threshold": 0.25},
        "ptc_json": {
            "articles": 74,
            "baseline_f1": 0.11,
            "before": {"f1": 0.28, "precision": 0.36, "recall": 0.23},
            "default": {"f1": 0.29, "precision": 0.36, "recall": 0.25, "spearman_terms": 0.74},
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
    ratios = [frame.at[k, col] / frame.at["003", col] for k in ("000", "004")]
    assert "{:.1f} and {:.1f} times 003's rate".format(*ratios) in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_claim(name, corpus):
    """Each claims_* function's figures are the ones the prose was written with."""
    assert recompute(globals()[name], corpus) == EXPECTED[name]


def test_01_prose_states_the_candidates_bias_and_validation(corpus, notebook_text):
    text = notebook_text("01")
    cb = recompute(claims_01_candidates_and_bias, corpus)
    counts = (
        ", ".join(str(cb[k]["candidates"]) for k in IDS[:2]) + f" and {cb['004']['candidates']}"
    )
    assert f"Below the threshold stand {counts} candidates" in text
    for k in IDS:
        value, low, high = (f"{x:.2f}" for x in cb[k]["bias_mean"])
        assert f"{value} ({'95% interval ' if k == '000' else ''}{low} to {high}) in {k}" in text
    shares = [f"{cb[k]['biased_share']:.2f}" for k in ("000", "004", "003")]
    assert "scored 0.5 or above is {}, {} and {}".format(*shares) in text
    assert "puts 003 lowest" in text
    assert cb["003"]["bias_mean"][0] < min(cb[k]["bias_mean"][0] for k in ("000", "004"))
    v = recompute(claims_01_validation, corpus)
    d = v["ptc_json"]["default"]
    assert (
        f"precision {d['precision']:.2f}, recall {d['recall']:.2f} and F1 {d['f1']:.2f} "
        "at the word level"
    ) in text
    assert f"(Spearman correlation {d['spearman_terms']:.2f})" in text
    assert f"against PTC's annotators is {d['precision']:.2f} and its F1 {d['f1']:.2f}" in text
    assert f"experts' biased words is {v['babe_json']['f1']:.2f}" in text
    assert f"AUC {v['babe_json']['bias_mean_auc']:.2f}" in text
