"""Findings of notebooks 01-03 (loaded language, sentiment and framing, readability).

Every number the notebooks' prose states is recomputed here from the library and
compared with the value the prose was written with. If a change to ``rhetoric`` breaks
one of these, the written finding is now false: rewrite the finding (and this test)
with the new number, or fix the code.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from rhetoric.analysis.corpus import analyze_files, find_files

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyze_files(find_files(ROOT / "data" / "raw"))


# --- claims: each function recomputes, from the library, the numbers one finding states


def _key(ident):
    return ident[:3]


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
    import json

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
    import math

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


def claims_01_examples(corpus):
    """Which of the example lexicon calls the prose names are flagged, per article."""
    named = {"neocons", "hegemon", "infesting"}
    return {
        _key(a.id): sorted(
            {t.text.lower() for t in a.loaded.terms if t.source == "lexicon"} & named
        )
        for a in corpus
    }


def claims_02_validation(root):
    """VADER sentence scores against NYT editorial snippets (held-out half)."""
    import json

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


# --- the values the prose states ---------------------------------------------------

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
                "loaded": 9,
                "mentions": 26,
                "quotes": (5, 0.27),
                "sentences": 16,
                "shared": 15,
                "tone": 0.6,
            },
            "russia": {
                "commentary": (7, 0.72),
                "loaded": 6,
                "mentions": 29,
                "quotes": (7, 0.31),
                "sentences": 20,
                "shared": 15,
                "tone": 0.55,
            },
            "us_west": {
                "commentary": (5, 0.43),
                "loaded": 15,
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
                "loaded": 2,
                "mentions": 33,
                "quotes": (10, 0.81),
                "sentences": 23,
                "shared": 21,
                "tone": 0.66,
            },
            "russia": {
                "commentary": (13, 0.15),
                "loaded": 4,
                "mentions": 27,
                "quotes": (9, 0.82),
                "sentences": 22,
                "shared": 22,
                "tone": 0.64,
            },
            "us_west": {
                "commentary": (4, 0.06),
                "loaded": 9,
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
                "loaded": 4,
                "mentions": 10,
                "quotes": (2, 0.52),
                "sentences": 9,
                "shared": 9,
                "tone": 0.29,
            },
            "russia": {
                "commentary": (6, 0.22),
                "loaded": 4,
                "mentions": 11,
                "quotes": (2, 0.52),
                "sentences": 9,
                "shared": 9,
                "tone": 0.29,
            },
            "us_west": {
                "commentary": (2, 0.29),
                "loaded": 10,
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


def test_01_categories(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_01_categories(corpus)
    assert got == EXPECTED["claims_01_categories"]


def test_01_density(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_01_density(corpus)
    assert got == EXPECTED["claims_01_density"]


def test_01_examples(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_01_examples(corpus)
    assert got == EXPECTED["claims_01_examples"]


def test_01_function_words(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_01_function_words(corpus)
    assert got == EXPECTED["claims_01_function_words"]


def test_01_repeated(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_01_repeated(corpus)
    assert got == EXPECTED["claims_01_repeated"]


def test_01_tests(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_01_tests(corpus)
    assert got == EXPECTED["claims_01_tests"]


def test_01_validation():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_01_validation(ROOT)
    assert got == EXPECTED["claims_01_validation"]


def test_02_actor_table(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_actor_table(corpus)
    assert got == EXPECTED["claims_02_actor_table"]


def test_02_extremes(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_extremes(corpus)
    assert got == EXPECTED["claims_02_extremes"]


def test_02_framing(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_framing(corpus)
    assert got == EXPECTED["claims_02_framing"]


def test_02_sentiment(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_sentiment(corpus)
    assert got == EXPECTED["claims_02_sentiment"]


def test_02_shared(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_shared(corpus)
    assert got == EXPECTED["claims_02_shared"]


def test_02_stance(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_stance(corpus)
    assert got == EXPECTED["claims_02_stance"]


def test_02_validation():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_validation(ROOT)
    assert got == EXPECTED["claims_02_validation"]


def test_02_voice_tests(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_02_voice_tests(corpus)
    assert got == EXPECTED["claims_02_voice_tests"]


def test_03_boundaries(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_03_boundaries(corpus)
    assert got == EXPECTED["claims_03_boundaries"]


def test_03_checks(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_03_checks(corpus)
    assert got == EXPECTED["claims_03_checks"]


def test_03_number_syllables(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_03_number_syllables(corpus)
    assert got == EXPECTED["claims_03_number_syllables"]


def test_03_readability(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_03_readability(corpus)
    assert got == EXPECTED["claims_03_readability"]


def test_03_syllables_per_word(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = claims_03_syllables_per_word(corpus)
    assert got == EXPECTED["claims_03_syllables_per_word"]


def test_01_orderings_the_titles_state(corpus):
    d = claims_01_density(corpus)
    for k in ("000", "004"):  # "over three times the rate of 003"
        assert d[k]["commentary"][0] > 3 * d["003"]["commentary"][0]
    cats = claims_01_categories(corpus)
    for k in cats:  # name-calling and dehumanising only in commentary
        assert not {"name_calling", "dehumanising"} & set(cats[k]["quotes"])
    assert any({"name_calling", "dehumanising"} & set(cats[k]["commentary"]) for k in cats)


def test_02_orderings_the_titles_state(corpus):
    s = claims_02_sentiment(corpus)
    share = {k: v["positive"] / v["sentences"] for k, v in s.items()}
    assert (round(share["000"], 2), share["003"], share["004"]) == (0.66, 0.5, 0.25)
    assert s["000"]["commentary"][0] > s["000"]["quotes"][0]
    assert s["003"]["commentary"][0] < s["003"]["quotes"][0]
    fr = claims_02_framing(corpus)
    for groups in fr.values():  # US / West: fewest sentences, most loaded terms
        for g in ("russia", "china"):
            assert groups["us_west"]["sentences"] < groups[g]["sentences"]
            assert groups["us_west"]["loaded"] >= groups[g]["loaded"]


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
