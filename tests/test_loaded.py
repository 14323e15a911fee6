"""Known-answer tests for rhetoric.measures.loaded (densities, voices, model merge, API)."""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import replace
from importlib import resources

import pytest

from rhetoric.analysis.result import rates
from rhetoric.measures.lexicon import Lexicon, LexiconEntry
from rhetoric.measures.loaded import LoadedModel, find_loaded, terms_near
from rhetoric.measures.quotes import Quote
from rhetoric.measures.sentiment import score_sentences
from rhetoric.measures.voice import measure_voice
from rhetoric.text.tokens import tokenize

TEXT = 'The vile regime lies. "They are vermin," he said. Fine weather today.'
# words: The vile regime lies | They are vermin | he said | Fine weather today -> 12
LEX = Lexicon(
    [
        LexiconEntry("vile", "pejorative", 3),
        LexiconEntry("lie", "pejorative", 1),
        LexiconEntry("vermin", "dehumanising", 3),
    ]
)
QUOTE = (TEXT.index('"They'), TEXT.index(',"') + 2)


def densities(doc, res, quotes=True):
    """The loaded-language rates of the record (rhetoric.analysis.sentences) for ``doc``
    with the terms of ``res``: QUOTE is the one direct quote (``quotes=False``: none)."""
    direct = [Quote(*QUOTE, doc.text[QUOTE[0] + 1 : QUOTE[1] - 1], "direct", parts=(QUOTE,))]
    return rates(measure_voice(doc, direct if quotes else []), score_sentences(doc), res)


def test_densities_by_voice_and_category():
    doc = tokenize(TEXT)
    assert len(doc.words) == 12
    res = find_loaded(doc, [QUOTE], lexicon=LEX, use_model=False)
    assert [(t.text, t.category, t.in_quote, t.source) for t in res.terms] == [
        ("vile", "pejorative", False, "lexicon"),
        ("lies", "pejorative", False, "lexicon"),
        ("vermin", "dehumanising", True, "lexicon"),
    ]
    assert (res.n_words, res.n_words_quotes) == (12, 3)
    m = res.metrics() | densities(doc, res)
    assert m["loaded_terms"] == 3
    assert m["loaded_per_100_words"] == pytest.approx(25.0)
    assert m["loaded_per_100_words_commentary"] == pytest.approx(200 / 9)
    assert m["loaded_per_100_words_quotes"] == pytest.approx(100 / 3)
    assert m["loaded_pejorative_per_100_words"] == pytest.approx(200 / 12)
    assert m["loaded_dehumanising_per_100_words"] == pytest.approx(100 / 12)
    assert m["loaded_fear_per_100_words"] == 0.0
    assert m["loaded_learned_per_100_words"] == 0.0


def test_no_quotes_gives_nan_for_quote_density_only():
    doc = tokenize(TEXT)
    res = find_loaded(doc, lexicon=LEX, use_model=False)
    m = densities(doc, res, quotes=False)
    assert math.isnan(m["loaded_per_100_words_quotes"])
    assert m["loaded_per_100_words_commentary"] == pytest.approx(25.0)
    assert not any(t.in_quote for t in res.terms)


def test_term_straddling_a_quote_boundary_is_not_in_quote():
    doc = tokenize(TEXT)
    start = TEXT.index("vile")
    res = find_loaded(doc, [(start, start + 2)], lexicon=LEX, use_model=False)
    assert [t.in_quote for t in res.terms] == [False, False, False]
    assert res.n_words_quotes == 0  # no word lies wholly inside "vi"


def test_overlapping_quote_spans_are_merged():
    doc = tokenize(TEXT)
    a, b = QUOTE
    res = find_loaded(doc, [(a, a + 10), (a + 5, b)], lexicon=LEX, use_model=False)
    assert res.n_words_quotes == 3
    assert [t.in_quote for t in res.terms] == [False, False, True]


def test_records_frame_and_top_terms():
    text = "Vile. vile! The vile lies."
    res = find_loaded(tokenize(text), lexicon=LEX, use_model=False)
    recs = res.records()
    json.dumps(recs)  # JSON-ready
    assert {"start", "end", "text", "category", "in_quote"} <= set(recs[0])
    assert recs[0]["score"] is None
    frame = res.to_frame()
    assert list(frame["text"]) == ["Vile", "vile", "vile", "lies"]
    top = res.top_terms(5)
    assert top.to_dict("records") == [
        {"term": "vile", "category": "pejorative", "count": 3, "in_quote": 0},
        {"term": "lies", "category": "pejorative", "count": 1, "in_quote": 0},
    ]
    empty = find_loaded(tokenize("Plain words here."), lexicon=LEX, use_model=False)
    assert list(empty.to_frame().columns)[:5] == ["start", "end", "text", "category", "strength"]
    assert empty.top_terms().empty


def test_model_merge_rules():
    # weather and fine are flagged (p = 0.5 >= 0.5); every other word scores about 0.007
    model = LoadedModel(
        {"w=fine": 5.0, "w=weather": 5.0},
        bias=-5.0,
        threshold=0.5,
        lexicon_threshold=0.9,
        keep_strength=3.0,
    )
    res = find_loaded(tokenize(TEXT), [QUOTE], model=model)  # the default lexicon
    # "regime" (strength 1) and "lies" (strength 2), low scores, fail the context check;
    # strength-3 terms stay; "Fine weather" is one learned term
    assert [(t.text, t.category, t.source) for t in res.terms] == [
        ("vile", "pejorative", "lexicon"),
        ("vermin", "dehumanising", "lexicon"),
        ("Fine weather", "other", "model"),
    ]
    assert res.terms[2].score == pytest.approx(0.5)
    assert res.metrics()["loaded_learned_per_100_words"] == pytest.approx(100 / 12)
    assert res.metrics()["loaded_other_per_100_words"] == pytest.approx(100 / 12)
    # the dropped lexicon match is a candidate, never counted
    assert [(t.text, t.source) for t in res.candidates] == [
        ("regime", "lexicon"),
        ("lies", "lexicon"),
    ]
    assert res.metrics()["loaded_candidates"] == 2.0


def test_words_between_the_candidate_and_the_counting_threshold_are_candidates():
    # fine: p = 0.5 (counted at 0.5); weather: p = 0.27 (a candidate from 0.2)
    model = LoadedModel(
        {"w=fine": 5.0, "w=weather": 4.0}, bias=-5.0, threshold=0.5, candidate_threshold=0.2
    )
    res = find_loaded(
        tokenize("Fine weather today."), lexicon=Lexicon(), model=model, use_model=True
    )
    assert [(t.text, t.category) for t in res.terms] == [("Fine", "other")]
    assert [(t.text, round(t.score, 2)) for t in res.candidates] == [("weather", 0.27)]
    assert res.metrics()["loaded_terms"] == 1.0
    assert res.candidate_records()[0]["text"] == "weather"


def test_given_word_scores_are_read_instead_of_scoring_again():
    model = LoadedModel({"w=fine": 5.0}, bias=-5.0, threshold=0.5)
    doc = tokenize("Fine weather today.")
    given = [0.1, 0.9, 0.1]  # weather, not fine, by the scores passed in
    res = find_loaded(doc, lexicon=Lexicon(), model=model, use_model=True, word_scores=given)
    assert [(t.text, t.score) for t in res.terms] == [("weather", 0.9)]
    scored = model.word_scores(doc, Lexicon.default().match(doc))
    again = find_loaded(doc, lexicon=Lexicon(), model=model, use_model=True, word_scores=scored)
    plain = find_loaded(doc, lexicon=Lexicon(), model=model, use_model=True)
    assert again == plain
    with pytest.raises(ValueError, match="2 values for 3 words"):
        find_loaded(doc, model=model, word_scores=[0.1, 0.2])


def test_a_custom_lexicon_counts_all_its_terms_and_the_model_adds_only_when_asked():
    model = LoadedModel(
        {"w=fine": 5.0, "w=weather": 5.0}, bias=-5.0, threshold=0.5, lexicon_threshold=0.9
    )
    doc = tokenize(TEXT)
    plain = find_loaded(doc, lexicon=LEX, model=model)
    # "lies" (strength 1, low score) is the user's: it counts; the model adds nothing
    assert [t.text for t in plain.terms] == ["vile", "lies", "vermin"]
    assert plain.candidates == []
    asked = find_loaded(doc, lexicon=LEX, model=model, use_model=True)
    assert [t.text for t in asked.terms] == ["vile", "lies", "vermin", "Fine weather"]


def test_learned_runs_stop_at_sentence_ends():
    model = LoadedModel({"w=fine": 5.0, "w=weather": 5.0}, bias=-5.0, threshold=0.5)
    res = find_loaded(
        tokenize("Fine. Weather fine."), lexicon=Lexicon(), model=model, use_model=True
    )
    assert [t.text for t in res.terms] == ["Fine", "Weather fine"]


def test_learned_runs_are_trimmed_of_function_words():
    model = LoadedModel({"w=the": 5.0, "w=weather": 5.0, "w=and": 5.0}, bias=-5.0, threshold=0.5)
    res = find_loaded(
        tokenize("And the weather. The and."), lexicon=Lexicon(), model=model, use_model=True
    )
    assert [(t.text, t.first_word, t.last_word) for t in res.terms] == [("weather", 2, 3)]


def test_empty_document_warns_and_gives_nan():
    with pytest.warns(UserWarning, match="no words"):
        res = find_loaded(tokenize("   "))
    m = res.metrics()
    assert res.terms == []
    assert math.isnan(m["loaded_words"]) and math.isnan(m["loaded_terms"])


def test_terms_near_mentions():
    doc = tokenize(TEXT)
    res = find_loaded(doc, lexicon=LEX, use_model=False)
    regime = TEXT.index("regime")
    near = terms_near(doc, res, [(regime, regime + 6)], window=0)
    assert [t.text for t in near] == ["vile", "lies"]  # adjacent; vermin is another sentence
    # from "The": vile is adjacent (0 words between), lies is 2 words away
    assert [t.text for t in terms_near(doc, res, [(0, 3)], window=1)] == ["vile"]
    assert [t.text for t in terms_near(doc, res, [(0, 3)], window=2)] == ["vile", "lies"]


def test_shipped_model_is_small_json_and_runs():
    path = resources.files("rhetoric") / "data" / "loaded_model.json"
    assert len(path.read_bytes()) < 2_000_000
    model = LoadedModel.default()
    assert 0 < model.threshold < 1 and model.weights
    text = (
        "Neocons infesting Washington make unthinkable nuclear war possible. "
        "Their rage for unchallenged global dominance is humanity's greatest scourge."
    )
    res = find_loaded(tokenize(text))
    got = {t.text.lower() for t in res.terms}
    assert {"infesting", "scourge"} <= got  # strength-3 terms are always kept
    assert all(0.0 <= t.score <= 1.0 for t in res.terms)


_ADVERSARIAL_TEXTS = [
    "NATO's so-called 'peace' plan: a TOTAL disaster! Traitors, thugs and vermin.",
    "US officials said the U.S. would never, EVER back down. (T)he regime's lies...",
    "Mr. Smith-Jones 69.53 percent don’t can’t won’t — the radical-left mob's hoax.",
    "word",
    "A. B. C. Hyphen-ated-three-part e-mail X-ray anti-American pro-Kremlin",
    "The The the THE the. Evil evil EVIL evil!\n\nNew paragraph of ordinary words here.",
]


def reference_scores(model, features, doc=None):
    """The detector's definition, word by word over the feature strings: the oracle that
    the library's vectorised ``word_scores`` must match float for float. The log-odds
    are summed word by word; the logistic function is applied as the library applies
    it (numpy's exp over the article's words, whose last bit can differ from math.exp).
    With ``doc``, the word vector features' weighted sum is added to each word's
    log-odds, after the others (as the library adds it).
    """
    import numpy as np

    from rhetoric.measures.loaded import VECTOR_PREFIXES, vector_dims, word_vector_features

    logits = []
    for feats in features:
        total = 0.0
        for f in feats:  # left to right, as training's feature order
            total += model.weights.get(f, 0.0)
        logits.append(total)
    dims = max(vector_dims(model.weights, p) for p in VECTOR_PREFIXES)
    if doc is not None and dims:
        names = [f"{p}{k}" for p in VECTOR_PREFIXES for k in range(dims)]
        x = word_vector_features(doc, dims) @ np.array([model.weights.get(f, 0.0) for f in names])
        logits = [a + b for a, b in zip(logits, x.tolist(), strict=True)]
    logits = [model.bias + t for t in logits]
    if doc is not None and dims:  # the vector part is a dot product: equal to ~1e-12
        z = np.array(logits, dtype=float)
        return pytest.approx(np.where(z > -700, 1.0 / (1.0 + np.exp(-np.maximum(z, -700.0))), 0.0))
    z = np.array(logits, dtype=float)
    for a, b in zip(z.tolist(), logits, strict=True):
        assert a == b
    p = np.where(z > -700, 1.0 / (1.0 + np.exp(-np.maximum(z, -700.0))), 0.0)
    assert np.allclose(p, [1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0 for x in logits])
    return p.tolist()


@pytest.mark.parametrize("which", ["seeds", "adversarial"])
def test_fast_word_scores_equal_scores_of_word_features(which):
    import random
    from pathlib import Path

    import rhetoric
    from rhetoric.measures.loaded import word_features

    if which == "seeds":
        raw = Path(__file__).resolve().parents[1] / "data" / "raw"
        docs = [rhetoric.analyze(p).doc for p in sorted(raw.glob("*.txt"))]
        assert len(docs) == 3
    else:
        docs = [tokenize(t) for t in _ADVERSARIAL_TEXTS]
    model = LoadedModel.default()
    for doc in docs:
        matches = Lexicon.default().match(doc)
        expected = reference_scores(model, word_features(doc, matches), doc)
        assert model.word_scores(doc, matches) == expected  # the same floats
        assert model.word_scores(doc, []) == reference_scores(model, word_features(doc, []), doc)
        in_quote = [i % 3 == 0 for i in range(len(doc.words))]
        assert model.word_scores(doc, matches, in_quote) == reference_scores(
            model, word_features(doc, matches, in_quote), doc
        )
    # a model that weights every feature these texts have (bigrams, capmid, edges, ...)
    rng = random.Random(7)
    feats = [(doc, Lexicon.default().match(doc)) for doc in docs]
    names = sorted({f for doc, m in feats for word in word_features(doc, m) for f in word})
    names.append("q")
    dense = LoadedModel({f: rng.uniform(-3, 3) for f in names}, -1.5, 0.5)
    for doc, matches in feats:
        assert dense.word_scores(doc, matches) == reference_scores(
            dense, word_features(doc, matches)
        )
    # bigram tables with different pairs (one key array serves both): each keeps a half
    sparse = {f: w for k, (f, w) in enumerate(dense.weights.items()) if k % 2 or f[:2] != "b-"}
    sparse = {f: w for k, (f, w) in enumerate(sparse.items()) if k % 3 or f[:2] != "b+"}
    assert any(f.startswith("b-1=") for f in sparse) and any(f.startswith("b+1=") for f in sparse)
    sparse_model = LoadedModel(sparse, -1.5, 0.5)
    for doc, matches in feats:
        assert sparse_model.word_scores(doc, matches) == reference_scores(
            sparse_model, word_features(doc, matches)
        )
    # and the word vector features of the word and its neighbours, 3 dimensions
    names += [f"{p}{k}" for p in ("e=", "e-1=", "e+1=") for k in range(3)]
    dense = LoadedModel({f: rng.uniform(-3, 3) for f in names}, -1.5, 0.5)
    for doc, matches in feats:
        got = dense.word_scores(doc, matches)
        assert got == reference_scores(dense, word_features(doc, matches), doc)
        assert got != reference_scores(dense, word_features(doc, matches))


def test_word_scores_refuse_a_doc_whose_sentences_are_not_runs_of_words():
    from rhetoric.text.tokens import Doc

    text = "Evil thugs lie. Good people work."
    ref = tokenize(text)
    # the same words, but the second sentence numbered before the first
    doc = Doc(text, text, ref.paragraphs, ref.sentences, ref.words, (1, 1, 1, 0, 0, 0))
    with pytest.raises(ValueError, match="runs of consecutive words"):
        LoadedModel.default().word_scores(doc, Lexicon.default().match(doc))


def test_word_scores_when_the_word_table_grows_inside_one_article():
    """A fresh model meeting more new words than its table holds, in one article."""
    import random
    import string

    from rhetoric.measures.loaded import word_features

    rng = random.Random(9)
    words = ["".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(2500)]
    text = " ".join(
        " ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)
    )
    doc = tokenize(text)
    default = LoadedModel.default()
    model = LoadedModel(dict(default.weights), default.bias, default.threshold)
    matches = Lexicon.default().match(doc)
    assert model.word_scores(doc, matches) == reference_scores(
        model, word_features(doc, matches), doc
    )
    assert len(model._scorer.type_ids) > 2048


@pytest.mark.parametrize("mean_vector", [False, True])
def test_sentence_scores_are_the_sum_over_sentence_features(mean_vector):
    import dataclasses

    from rhetoric.measures.loaded import sentence_features, vector_dims, word_vector_features

    model = LoadedModel.default()
    assert model.sentence_weights  # the shipped model has a sentence bias score
    if mean_vector:  # weights for the first 3 dimensions of the mean word vector
        extra = {"me=0": 2.0, "me=1": -1.5, "me=2": 0.7}
        model = dataclasses.replace(model, sentence_weights={**model.sentence_weights, **extra})
    dims = vector_dims(model.sentence_weights, "me=")
    doc = tokenize(
        "Neocons infesting Washington make unthinkable nuclear war possible. "
        "The committee met on Tuesday. Their rage is humanity's greatest scourge!"
    )
    matches = Lexicon.default().match(doc)
    probs = model.word_scores(doc, matches)
    got = model.sentence_scores(doc, matches, probs)
    for i, (w0, w1) in enumerate(
        (min(ws), max(ws) + 1)
        for ws in (
            [w for w, s in enumerate(doc.word_sentence) if s == k]
            for k in range(len(doc.sentences))
        )
    ):
        vectors = word_vector_features(doc, dims)[:, :dims] if dims else None
        feats = sentence_features(doc, matches, probs, w0, w1, vectors)
        assert mean_vector == ("me=0" in feats)
        z = model.sentence_bias + sum(
            model.sentence_weights.get(k, 0.0) * v for k, v in feats.items()
        )
        assert got[i] == pytest.approx(1.0 / (1.0 + math.exp(-z)), abs=1e-12)
    assert got[1] < min(got[0], got[2])  # the plain sentence is the least biased


def test_word_vectors_cover_inflections_and_possessives():
    from rhetoric.measures.loaded import _vector_row, word_vector_features, word_vectors

    index, vectors = word_vectors()
    assert len(index) == len(vectors) > 20_000 and vectors.shape[1] >= 32
    assert _vector_row("vermin") == index["vermin"]
    assert _vector_row("thug's") == index["thug"]  # possessive
    assert _vector_row("xqzzyv") == -1
    doc = tokenize("Vermin xqzzyv thugs. Ok")
    x = word_vector_features(doc, 2)
    assert x.shape == (4, 6)
    assert x[1, :2].tolist() == [0.0, 0.0]  # no vector
    assert x[0, 2:4].tolist() == [0.0, 0.0]  # nothing before the first word
    assert x[2, 4:].tolist() == [0.0, 0.0]  # nor after the sentence's last
    assert x[3, 2:4].tolist() == [0.0, 0.0]  # "Ok" opens a new sentence
    assert x[0, 4:].tolist() == [0.0, 0.0] and x[2, 2:4].tolist() == [0.0, 0.0]  # xqzzyv
    assert x[1, 2:4].tolist() == vectors[index["vermin"], :2].tolist()


def test_sentence_scores_by_hand():
    model = LoadedModel(
        {}, 0.0, 0.5, sentence_weights={"bw=evil": 2.0, "logn": -1.0}, sentence_bias=0.5
    )
    doc = tokenize("Evil evil. Plain.")
    got = model.sentence_scores(doc, [], [0.0] * len(doc.words))
    # counts are divided by the root of the sentence's words (2 and 1 here):
    # z = 0.5 + 2 * 2 / sqrt(2) - log(1 + 2) and 0.5 - log(1 + 1)
    z0 = 0.5 + 4 / math.sqrt(2) - math.log(3)
    assert got[0] == pytest.approx(1 / (1 + math.exp(-z0)))
    assert got[1] == pytest.approx(1 / (1 + math.exp(-(0.5 - math.log(2)))))
    assert all(math.isnan(p) for p in LoadedModel({}, 0.0, 0.5).sentence_scores(doc, [], [0.0] * 3))


def test_word_features_carry_subjectivity_and_quotation():
    from rhetoric.measures.loaded import subjectivity_lexicon, word_features

    table = subjectivity_lexicon()
    assert table["brutal"] == "strong" and table["absence"] == "objective"
    doc = tokenize('The brutal regime. "Absence," he said.')
    feats = word_features(doc, [], [i in (3,) for i in range(len(doc.words))])
    assert "sj=strong" in feats[1] and "sj=none" in feats[0]
    assert "sj=objective" in feats[3] and "q" in feats[3] and "q" not in feats[1]


@pytest.mark.parametrize("lexicon_threshold", [0.5, 1.1])
def test_a_dropped_lexicon_match_is_one_candidate_and_never_a_model_term(lexicon_threshold):
    # a lexicon match the context check drops used to leave its words open to the
    # model's runs: reported twice as a candidate, or counted as `other` when the
    # check's threshold is above the model's
    model = replace(
        LoadedModel.default(),
        threshold=0.0001,
        candidate_threshold=0.00001,
        lexicon_threshold=lexicon_threshold,
        keep_strength=2.0,
    )
    doc = tokenize("The regime met today.")
    res = find_loaded(doc, model=model)
    start = doc.text.index("regime")
    over = [t for t in [*res.terms, *res.candidates] if t.start < start + 6 and start < t.end]
    assert [(t.text, t.source) for t in over] == [("regime", "lexicon")]
    assert over[0] in res.candidates


def grow_model(grow: float | None = 0.175) -> LoadedModel:
    """No weights (the tests pass the word scores): count from 0.5, grow from ``grow``."""
    return LoadedModel({}, 0.0, threshold=0.5, grow_threshold=grow)


PHONY = Lexicon([LexiconEntry("phony", "pejorative", 3)])


def test_a_lexicon_term_grows_into_one_term_with_the_phrase_span():
    doc = tokenize("They built a phony pretext of the war.")
    scores = [0.0, 0.0, 0.3, 0.9, 0.2, 0.2, 0.2, 0.0]  # a phony pretext of the: >= 0.175
    res = find_loaded(doc, lexicon=PHONY, model=grow_model(), use_model=True, word_scores=scores)
    # grown over "a" and "pretext of the", the function words trimmed at the grown ends
    assert [(t.text, t.category, t.source, t.term) for t in res.terms] == [
        ("phony pretext", "pejorative", "lexicon", "phony")
    ]
    assert (res.terms[0].first_word, res.terms[0].last_word) == (3, 5)
    assert res.terms[0].start == doc.text.index("phony")
    assert res.metrics()["loaded_terms"] == 1.0  # the phrase counts once
    assert res.metrics()["loaded_words"] == 2.0
    # without a grow threshold (an older model file), the term is the match alone
    plain = find_loaded(
        doc,
        lexicon=PHONY,
        model=grow_model(None),
        use_model=True,
        word_scores=scores,
    )
    assert [t.text for t in plain.terms] == ["phony"]


def test_growth_stops_at_sentences_quotes_and_other_terms():
    doc = tokenize("Phony. Pretext.")
    res = find_loaded(
        doc, lexicon=PHONY, model=grow_model(), use_model=True, word_scores=[0.9, 0.3]
    )
    assert [t.text for t in res.terms] == ["Phony"]
    text = 'It is phony "pretext" now.'
    doc = tokenize(text)
    quote = (text.index('"'), text.rindex('"') + 1)
    res = find_loaded(
        doc,
        [quote],
        lexicon=PHONY,
        model=grow_model(),
        use_model=True,
        word_scores=[0, 0, 0.9, 0.3, 0],
    )
    assert [t.text for t in res.terms] == ["phony"]
    # growth stops at another term; a lexicon term takes in a flagged neighbour too, so
    # the phrase counts once (the lexicon terms grow before the model's runs form)
    doc = tokenize("Phony bad phony weather today.")
    scores = [0.9, 0.3, 0.9, 0.9, 0.0]
    res = find_loaded(doc, lexicon=PHONY, model=grow_model(), use_model=True, word_scores=scores)
    assert [(t.text, t.source) for t in res.terms] == [
        ("Phony bad", "lexicon"),
        ("phony weather", "lexicon"),
    ]


def test_model_runs_grow_by_hysteresis():
    doc = tokenize("Fine weather today. Weather today.")
    scores = [0.9, 0.2, 0.0, 0.3, 0.3]  # the second sentence has no word at the threshold
    res = find_loaded(
        doc, lexicon=Lexicon(), model=grow_model(), use_model=True, word_scores=scores
    )
    assert [(t.text, t.source) for t in res.terms] == [("Fine weather", "model")]


def test_no_growth_without_the_model_or_when_a_custom_lexicon_is_not_asked_to_add():
    doc = tokenize("They built a phony pretext of the war.")
    scores = [0.0, 0.0, 0.3, 0.9, 0.2, 0.2, 0.2, 0.0]
    for use_model in (False, None):
        res = find_loaded(
            doc, lexicon=PHONY, model=grow_model(), use_model=use_model, word_scores=scores
        )
        assert [t.text for t in res.terms] == ["phony"]


def test_a_model_file_without_a_grow_threshold_loads_without_growth():
    assert (
        LoadedModel.from_json({"weights": {}, "bias": 0.0, "threshold": 0.5}).grow_threshold is None
    )
    assert (
        LoadedModel.from_json(
            {"weights": {}, "bias": 0.0, "threshold": 0.5, "grow_threshold": 0.2}
        ).grow_threshold
        == 0.2
    )


def test_terms_say_what_they_cover():
    # each field of a term holds what it names (lexicon and model terms, counted and
    # candidates; that they equal their constructor's is tests/test_frozen.py's)
    text = (
        "The evil thugs and their lies destroyed everything. "
        "He has managed to make a complete hash of the nomination to fill the empty seat."
    )
    doc = tokenize(text)
    result = find_loaded(doc)
    terms = result.terms + result.candidates
    assert {t.source for t in result.terms} == {"lexicon"}
    assert {t.source for t in result.candidates} == {"model"}
    for t in terms:
        assert t.text == text[t.start : t.end]
        assert (doc.words[t.first_word][0], doc.words[t.last_word - 1][1]) == (t.start, t.end)
        assert 0.0 <= t.score <= 1.0 and isinstance(t.in_quote, bool)
    model = next(t for t in result.candidates if t.source == "model")
    assert (model.text, model.category, model.term) == ("complete hash", "other", "complete hash")


def test_an_article_with_more_word_types_than_the_cache_holds_scores_the_same(monkeypatch):
    # the per-type rows start afresh between articles, never inside one: an article
    # with more types than _MAX_TYPES once renumbered rows that its words pointed to
    from rhetoric.measures import loaded

    words = ("the", "evil", "thugs", "lied", "and", "destroyed", "while", "corrupt", "elites", "x")
    # 300 words of 210 types, more than the 50 the cache may hold below: the words
    # themselves and 200 numbered ones
    text = " ".join(words[i % 10] + (str(i) if i % 3 else "") for i in range(300))
    first = tokenize(text + ".")
    second = tokenize("The corrupt elites lied again. " * 3 + "A calm and ordinary day.")
    expected = [loaded.LoadedModel.default().word_scores(d, []) for d in (first, second)]
    monkeypatch.setattr(loaded._Scorer, "_MAX_TYPES", 50)
    model = dataclasses.replace(loaded.LoadedModel.default())  # a scorer of its own
    got = [model.word_scores(d, []) for d in (first, second, first)]
    assert got == [*expected, expected[0]]
