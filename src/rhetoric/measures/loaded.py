"""Loaded language: emotionally charged words and phrases, by voice and category, and a
sentence bias score.

:func:`find_loaded` combines two detectors over one :class:`~rhetoric.text.tokens.Doc`:

* the **lexicon** (:meth:`rhetoric.measures.lexicon.Lexicon.default`, about a thousand
  hand-written entries in seven categories: ``name_calling``, ``pejorative``,
  ``dehumanising``, ``hyperbole``, ``fear``, ``flag_waving``, ``intensifier``), and
* a **learned** word classifier: a calibrated logistic regression over word features
  (:func:`word_features`: the lower-cased word, its neighbours, affixes, capitalisation,
  quotation, lexicon category, VADER valence, Pattern subjectivity; and static word
  vectors of the word and its neighbours, :func:`word_vector_features`) fitted with
  scikit-learn on the Propaganda Techniques Corpus (Da San Martino et al., 2019; gold =
  ``Loaded_Language`` + ``Name_Calling,Labeling`` spans) and BABE SG1's expert-marked
  biased words (Spinde et al., 2021). Only its weights ship
  (``rhetoric/data/loaded_model.json``, with the vectors in
  ``rhetoric/data/word_vectors.npz``: all-MiniLM-L6-v2, Apache-2.0, encoded word by
  word and reduced by PCA, built by ``scripts/build_word_vectors.py``); scoring is a
  dictionary lookup per word type and a logistic function, the vector weights being
  folded into one number per vocabulary word when the model loads
  (``scripts/train_loaded_model.py`` refits it).

Only words scoring at least the model's threshold count; what falls below it is kept
as :attr:`LoadedResult.candidates`, never counted. A model hit that no lexicon term
covers is reported with category ``other``. A counted term grows into neighbouring
words of its sentence and voice scoring at least the model's ``grow_threshold``
(:func:`counted_spans`; a grown lexicon term stays one term). The same model file
holds the sentence bias score (:meth:`LoadedModel.sentence_scores`, over
:func:`sentence_features`).

Metrics (:meth:`LoadedResult.metrics`), all "more = more loaded language":

* ``loaded_per_100_words`` = 100 x terms / words of the body;
* ``loaded_per_100_words_commentary`` = 100 x terms outside quotations / words outside
  quotations; ``loaded_per_100_words_quotes`` the same inside quotations (NaN when the
  article quotes nobody);
* ``loaded_<category>_per_100_words`` = 100 x terms of that category / words.

A term counts once however many words it spans. A word (or term) is inside a quotation
when its span lies within one of the ``quote_spans`` passed in.

References: Da San Martino, G. et al. (2019) "Fine-grained analysis of propaganda in
news articles", EMNLP; Spinde, T. et al. (2021) "Neural media bias detection using
distant supervision with BABE", Findings of EMNLP; Hutto, C. & Gilbert, E. (2014)
"VADER", ICWSM; De Smedt, T. & Daelemans, W. (2012) "Pattern for Python", JMLR 13;
Reimers, N. & Gurevych, I. (2019) "Sentence-BERT", EMNLP; Wang, W. et al. (2020)
"MiniLM", NeurIPS.
"""

from __future__ import annotations

import bisect
import json
import math
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from operator import attrgetter
from typing import Any

import numpy as np

from rhetoric.datafiles import package_csv_rows
from rhetoric.frozen import build
from rhetoric.measures.lexicon import Lexicon, LexiconMatch, _bases
from rhetoric.text.line_model import FUNCTION_WORDS
from rhetoric.text.tokens import Doc, WordCache, merge_spans, span_within, words_within

__all__ = [
    "CATEGORIES",
    "SENTENCE_VECTOR_PREFIX",
    "VECTOR_PREFIXES",
    "LoadedModel",
    "LoadedResult",
    "LoadedTerm",
    "counted_spans",
    "find_loaded",
    "sentence_features",
    "subjectivity_lexicon",
    "terms_near",
    "vector_dims",
    "word_features",
    "word_vector_features",
    "word_vectors",
]

CATEGORIES: tuple[str, ...] = (
    "name_calling",
    "pejorative",
    "dehumanising",
    "hyperbole",
    "fear",
    "flag_waving",
    "intensifier",
    "other",
)
"""Categories of the default lexicon, plus ``other`` for the learned detector's own
terms (words no lexicon entry covers)."""

_APOS = str.maketrans({"’": "'", "‘": "'"})


# -- features shared by the training script and run time --------------------------------
@lru_cache(maxsize=1)
def vader_valence() -> dict[str, float]:
    """VADER's word valences (-4..+4), read from the installed ``vaderSentiment``."""
    source = resources.files("vaderSentiment") / "vader_lexicon.txt"
    out: dict[str, float] = {}
    with source.open("r", encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t")
            if len(parts) >= 2:
                try:
                    out[parts[0]] = float(parts[1])
                except ValueError:
                    continue
    return out


def _in_table(table: dict, word: str, default):
    """``table``'s entry for a lower-cased word or, failing that, for a base form of it."""
    if word in table:
        return table[word]
    for base in sorted(_bases(word)):
        if base in table:
            return table[base]
    return default


@lru_cache(maxsize=100_000)
def _valence(word: str) -> float:
    """VADER's valence of a lower-cased word or of a base form of it, else 0."""
    return _in_table(vader_valence(), word, 0.0)


@lru_cache(maxsize=1)
def subjectivity_lexicon() -> dict[str, str]:
    """Pattern's subjectivity bucket (``strong``, ``weak``, ``objective``) per word form,
    from ``rhetoric/data/subjectivity.csv`` (De Smedt & Daelemans 2012, PDDL; built by
    ``scripts/build_subjectivity.py``)."""
    return {r["term"]: r["category"] for r in package_csv_rows("subjectivity.csv", ("term",))}


@lru_cache(maxsize=100_000)
def _subjectivity(word: str) -> str:
    """Subjectivity bucket of a lower-cased word or of a base form of it, else ``none``."""
    return _in_table(subjectivity_lexicon(), word, "none")


VECTOR_PREFIXES: tuple[str, ...] = ("e=", "e-1=", "e+1=")
"""Weight names of the word vector features: ``e=K`` weights dimension K of the word's
own vector, ``e-1=K`` of the word before it, ``e+1=K`` of the word after it (in the
same sentence). :func:`word_vector_features` gives them in this order."""
SENTENCE_VECTOR_PREFIX = "me="
"""Sentence feature ``me=K``: dimension K of the sentence's mean word vector."""


@lru_cache(maxsize=1)
def word_vectors() -> tuple[dict[str, int], np.ndarray]:
    """Static word vectors (``rhetoric/data/word_vectors.npz``, distilled from the
    all-MiniLM-L6-v2 sentence encoder by ``scripts/build_word_vectors.py``): the row of
    each lower-cased vocabulary word, and the vectors (words x dimensions)."""
    source = resources.files("rhetoric") / "data" / "word_vectors.npz"
    with source.open("rb") as handle, np.load(handle) as data:
        words = data["words"].tobytes().decode("utf-8").split("\n")
        vectors = data["vectors"].astype(float) * data["scale"].astype(float)
    return {w: i for i, w in enumerate(words)}, vectors


@lru_cache(maxsize=100_000)
def _vector_row(word: str) -> int:
    """Row of :func:`word_vectors` for a lower-cased word, its base form or, for a
    possessive, the word without ``'s``; -1 when none has a vector."""
    index = word_vectors()[0]
    row = _in_table(index, word, -1)
    if row < 0 and word.endswith("'s"):
        row = _in_table(index, word[:-2], -1)
    return row


def _doc_vectors(doc: Doc, dims: int) -> np.ndarray:
    """The first ``dims`` dimensions of every Doc word's vector (zeros without one)."""
    rows = [_vector_row(doc.word_text(i).translate(_APOS).lower()) for i in range(len(doc.words))]
    table = word_vectors()[1]
    out = np.zeros((len(rows), dims))
    have = np.array([r >= 0 for r in rows], dtype=bool)
    if have.any():
        out[have] = table[[r for r in rows if r >= 0], :dims]
    return out


def word_vector_features(doc: Doc, dims: int) -> np.ndarray:
    """The word vector features of every Doc word (words x ``3 * dims``): the first
    ``dims`` dimensions of the word's own vector (:func:`word_vectors`), of the word
    before it and of the word after it in its sentence (zeros at a sentence edge and
    for a word without a vector), named as :data:`VECTOR_PREFIXES` give."""
    own = _doc_vectors(doc, dims)
    sentence = np.array(doc.word_sentence, dtype=np.intp)
    same = sentence[1:] == sentence[:-1]
    before, after = np.zeros_like(own), np.zeros_like(own)
    before[1:][same] = own[:-1][same]
    after[:-1][same] = own[1:][same]
    return np.hstack([own, before, after])


def vector_dims(weights: dict[str, float], prefix: str) -> int:
    """Number of vector dimensions a weight table uses under ``prefix`` (0: none)."""
    return 1 + max((int(k[len(prefix) :]) for k in weights if k.startswith(prefix)), default=-1)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3+"


def _doc_bucket(n_lex: int, n: int) -> str:
    """The dl= feature: the share of the document's words a lexicon term covers."""
    doc_lex = 100.0 * n_lex / n if n else 0.0
    return "0" if doc_lex < 1 else "1" if doc_lex < 2.5 else "2" if doc_lex < 5 else "3"


def word_features(
    doc: Doc, matches: Sequence[LexiconMatch], word_in_quote: Sequence[bool] | None = None
) -> list[list[str]]:
    """Binary features of every Doc word for the learned detector.

    ``matches`` are the lexicon matches of ``doc``; ``word_in_quote`` one flag per word
    (inside a quotation: feature ``q``). The feature strings are what the shipped
    weights are keyed by, so training and run time must both call this.
    """
    n = len(doc.words)
    lower = [doc.word_text(i).translate(_APOS).lower() for i in range(n)]
    lex = [""] * n
    lex_strength = [0.0] * n
    for m in matches:
        for w in range(m.first_word, m.last_word):
            lex[w] = m.category
            lex_strength[w] = m.strength
    val = [_valence(w) for w in lower]
    sent_strong: Counter[int] = Counter()
    sent_lex: Counter[int] = Counter()
    for i in range(n):
        s = doc.word_sentence[i]
        sent_strong[s] += abs(val[i]) >= 2
        sent_lex[s] += bool(lex[i])
    doc_bucket = _doc_bucket(sum(bool(x) for x in lex), n)
    out: list[list[str]] = []
    for i in range(n):
        w = lower[i]
        raw = doc.word_text(i)
        s = doc.word_sentence[i]
        v = val[i]
        f = [
            "w=" + w,
            "s3=" + w[-3:],
            "s4=" + w[-4:],
            "p3=" + w[:3],
            "v=" + str(round(v)),
            "sj=" + _subjectivity(w),
            "sv=" + _bucket(sent_strong[s]),
            "sl=" + _bucket(sent_lex[s]),
            "dl=" + doc_bucket,
        ]
        if word_in_quote is not None and word_in_quote[i]:
            f.append("q")
        if len(w) <= 3:
            f.append("short")
        if raw[:1].isupper():
            f.append("upper1")
            if i > 0 and doc.word_sentence[i - 1] == s:
                f.append("capmid")  # a capital inside a sentence: most likely a name
        if len(raw) > 1 and raw.isupper():
            f.append("allcaps")
        if any(c.isdigit() for c in raw):
            f.append("digit")
        if "-" in w:
            f.append("hyphen")
        if lex[i]:
            f.append("lex=" + lex[i])
            f.append(f"lex={lex[i]}:{lex_strength[i]:g}")
        if abs(v) >= 2:
            f.append("vstrong")
        for off in (-1, 1):
            j = i + off
            if 0 <= j < n and doc.word_sentence[j] == s:
                f.append(f"w{off:+d}=" + lower[j])
                f.append(f"b{off:+d}=" + (lower[j] + "|" + w if off < 0 else w + "|" + lower[j]))
                f.append(f"v{off:+d}=" + str(round(val[j])))
                if lex[j]:
                    f.append(f"lex{off:+d}=" + lex[j])
            else:
                f.append(f"w{off:+d}=<edge>")
        out.append(f)
    return out


def _word_static(word: str) -> tuple[str, ...]:
    """The sentence features one lower-cased word gives (see :func:`sentence_features`)."""
    out = ["bw=" + word, "sj=" + _subjectivity(word)]
    if abs(_valence(word)) >= 2:
        out.append("vstrong")
    return tuple(out)


def sentence_features(
    doc: Doc,
    matches: Sequence[LexiconMatch],
    probs: Sequence[float],
    first_word: int,
    last_word: int,
    vectors: np.ndarray | None = None,
) -> dict[str, float]:
    """Features of the sentence made of Doc words ``first_word..last_word - 1`` for the
    sentence bias score: counts per lower-cased word (``bw=``), per subjectivity
    bucket (``sj=``), of strong VADER words (``vstrong``) and of lexicon matches per
    category (``lexcat=``, matches starting in the sentence) and the word model's
    summed probability (``psum``), each divided by the square root of the sentence's
    words (so a long sentence is not biased for its length alone: chosen over raw
    counts by cross-validated AUC on BABE train); the word model's highest probability
    (``pmax``); ``logn`` = log(1 + words); with ``vectors`` (one row per Doc word, as
    :func:`word_vector_features` takes them from :func:`word_vectors`), the sentence's
    mean word vector (``me=K``, a word without a vector counting as zeros). ``probs``
    are the word model's probabilities of every Doc word. Training and
    :meth:`LoadedModel.sentence_scores` both use this definition."""
    out: Counter[str] = Counter()
    for i in range(first_word, last_word):
        out.update(_word_static(doc.word_text(i).translate(_APOS).lower()))
    for m in matches:
        if first_word <= m.first_word < last_word:
            out["lexcat=" + m.category] += 1
    span = list(probs[first_word:last_word])
    out["psum"] += float(sum(span))
    root = math.sqrt(max(last_word - first_word, 1))
    features = {k: float(v) / root for k, v in out.items()}
    features["pmax"] = max(span) if span else 0.0
    features["logn"] = math.log1p(last_word - first_word)
    if vectors is not None and last_word > first_word:
        mean = vectors[first_word:last_word].mean(axis=0)
        features.update({f"{SENTENCE_VECTOR_PREFIX}{k}": float(v) for k, v in enumerate(mean)})
    return features


@dataclass(frozen=True)
class LoadedModel:
    """Weights of the learned detector and the rules that merge it with the lexicon.

    ``p(word is loaded) = 1 / (1 + exp(-(bias + sum of the weights of its features)))``,
    calibrated (Platt scaling on held-apart PTC articles), so ``p`` reads as the share
    of such words that annotators marked. Its features are :func:`word_features`
    (binary) and, when ``weights`` has ``e=K``, ``e-1=K`` or ``e+1=K`` entries, the
    real-valued :func:`word_vector_features` (weight times value). A word no kept
    lexicon term covers is
    flagged when ``p >= threshold`` (chosen for a measured precision); one with
    ``candidate_threshold <= p < threshold`` is a *candidate*, reported apart and never
    counted. A lexicon term counts when its strength is at least ``keep_strength`` or
    the highest ``p`` over its words is at least ``lexicon_threshold`` (the model's
    context check: "never" in a neutral sentence is dropped, in a tirade kept);
    otherwise it is a candidate.

    With ``grow_threshold`` set, a counted term grows into the neighbouring words of
    its sentence and voice that score at least ``grow_threshold`` and no other term or
    lexicon match covers (hysteresis: PTC's annotators mark whole phrases); ``None``
    (the default, and what a model file without the key gives) means no growth.

    The sentence bias score is ``1 / (1 + exp(-(sentence_bias + sum of
    sentence_weights[f] * value)))`` over :func:`sentence_features` (the mean word
    vector when ``sentence_weights`` has ``me=K`` entries; calibrated on
    held-apart BABE sentences: the probability that experts call the sentence biased).
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    lexicon_threshold: float = 0.0
    keep_strength: float = 1.0
    meta: dict[str, Any] = field(default_factory=dict)
    candidate_threshold: float | None = None
    sentence_weights: dict[str, float] = field(default_factory=dict)
    sentence_bias: float = 0.0
    grow_threshold: float | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LoadedModel:
        candidate = data.get("candidate_threshold")
        grow = data.get("grow_threshold")
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data["threshold"]),
            float(data.get("lexicon_threshold", 0.0)),
            float(data.get("keep_strength", 1.0)),
            dict(data.get("meta", {})),
            None if candidate is None else float(candidate),
            {str(k): float(v) for k, v in data.get("sentence_weights", {}).items()},
            float(data.get("sentence_bias", 0.0)),
            None if grow is None else float(grow),
        )

    @classmethod
    def default(cls) -> LoadedModel:
        """The shipped model (``rhetoric/data/loaded_model.json``)."""
        return _default_model()

    @cached_property
    def _scorer(self) -> _Scorer:
        return _Scorer(self.weights, self.sentence_weights)

    @property
    def candidates_from(self) -> float:
        """The lowest probability of a candidate word (``threshold`` when none is set)."""
        t = self.candidate_threshold
        return self.threshold if t is None else min(t, self.threshold)

    def word_scores(
        self,
        doc: Doc,
        matches: Sequence[LexiconMatch],
        word_in_quote: Sequence[bool] | None = None,
    ) -> list[float]:
        """Probability per Doc word: ``1 / (1 + exp(-(bias + sum of the weights of the
        word's features)))``, the features being :func:`word_features` (what training
        fits on). Computed without building the feature strings: what depends only on a
        word is looked up once per word type, and the non-zero weights are summed in the
        order of :func:`word_features` (a zero weight added changes no sum), so the
        log-odds are the floats the feature strings give (``tests/test_loaded.py``
        checks it); the logistic function is numpy's, over all words at once."""
        return self._scorer.scores(doc, matches, self.bias, word_in_quote).probs

    def scores(
        self,
        doc: Doc,
        matches: Sequence[LexiconMatch],
        word_in_quote: Sequence[bool] | None = None,
    ) -> tuple[list[float], list[float]]:
        """:meth:`word_scores` and :meth:`sentence_scores` in one pass over the words."""
        scored = self._scores(doc, matches, word_in_quote)
        return scored.probs, scored.sentence_probs

    def _scores(
        self,
        doc: Doc,
        matches: Sequence[LexiconMatch],
        word_in_quote: Sequence[bool] | None = None,
    ) -> _Scored:
        """:meth:`scores`, with the word probabilities also as an array."""
        scored = self._scorer.scores(doc, matches, self.bias, word_in_quote)
        scored.sentence_probs = self._sentence_probs(
            doc, matches, scored.array, scored.static, scored.sentence
        )
        return scored

    def sentence_scores(
        self, doc: Doc, matches: Sequence[LexiconMatch], probs: Sequence[float]
    ) -> list[float]:
        """Bias probability of each Doc sentence (NaN for a sentence without words, and
        for every sentence when the model has no sentence weights). ``probs`` are
        :meth:`word_scores`. The same sum as over :func:`sentence_features` (up to the
        order of float additions), with the words' own weights looked up once per word
        type."""
        ids = self._scorer._ids(doc.word_texts)
        static = self._scorer.table.take(ids, axis=0)[:, _STATIC_SENTENCE]
        sentence = np.array(doc.word_sentence, dtype=np.intp)
        return self._sentence_probs(doc, matches, np.asarray(probs, float), static, sentence)

    def _sentence_probs(
        self,
        doc: Doc,
        matches: Sequence[LexiconMatch],
        p: np.ndarray,
        static: np.ndarray,
        sentence: np.ndarray,
    ) -> list[float]:
        """The sentence bias probabilities from the word probabilities ``p``, the words'
        columns :data:`_STATIC_SENTENCE` of the scorer's table and their sentences."""
        n_sent = len(doc.sentences)
        if not self.sentence_weights:
            return [math.nan] * n_sent
        get = self.sentence_weights.get
        z = np.bincount(sentence, static[:, 0], n_sent) if len(p) else np.zeros(n_sent)
        if matches:  # each match's category weight, added in match order (Python floats)
            sums = z.tolist()
            word_sentence = doc.word_sentence
            for m in matches:
                sums[word_sentence[m.first_word]] += get("lexcat=" + m.category, 0.0)
            z = np.array(sums)
        n_words = np.bincount(sentence, minlength=n_sent)
        at_least_one = np.maximum(n_words, 1)
        pmax = np.zeros(n_sent)
        mean_vector = np.zeros(n_sent)  # the mean word vector's weighted sum
        if len(p):
            np.maximum.at(pmax, sentence, p)
            z += get("psum", 0.0) * np.bincount(sentence, p, n_sent)
            mean_vector = np.bincount(sentence, static[:, 1], n_sent) / at_least_one
        z /= np.sqrt(at_least_one)
        z += mean_vector
        z += get("pmax", 0.0) * pmax
        z += get("logn", 0.0) * np.log1p(n_words)
        z += self.sentence_bias
        out = 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -700.0), 700.0)))
        return np.where(n_words > 0, out, math.nan).tolist()


# Columns of _Scorer.table: the weights of the features that depend on one word only.
_OWN = 0  # w=, s3=, s4=, p3=, v=, sj=: their weights added left to right from 0.0
_SHORT, _UPPER1, _CAPMID, _ALLCAPS, _DIGIT, _HYPHEN = range(1, 7)
_VSTRONG = 7
_GIVE_BEFORE = slice(8, 11)  # (w-1=, v-1=, e-1= vector) of this word: for the word after it
_GIVE_AFTER = slice(11, 14)  # (w+1=, v+1=, e+1= vector) of this word: for the word before it
_STRONG = 14  # 1.0 when abs(valence) >= 2 (counted per sentence for sv=)
_BIGRAM_ID = 15  # number of the lower-cased word among the model's bigram words, else -1
_SENTENCE = 16  # the word's own weights in the sentence bias score (bw=, sj=, vstrong)
_SENTENCE_VECTOR = 17  # the word's vector weighted by the sentence score's me=
_STATIC_SENTENCE = slice(_SENTENCE, _SENTENCE_VECTOR + 1)
_VECTOR_OWN = 18  # the weights of the word's vector (e=)
_N_COLUMNS = 19
_BIGRAM_BASE = 1 << 31
_NO_BIGRAM = -4 * _BIGRAM_BASE  # below every key of a pair of adjacent words


@dataclass
class _Scored:
    """What :meth:`_Scorer.scores` computes for one Doc."""

    probs: list[float]  # the word probabilities
    array: np.ndarray  # the same as an array
    static: np.ndarray  # columns _STATIC_SENTENCE of every word's table row
    sentence: np.ndarray  # the sentence of every word
    sentence_probs: list[float] = field(default_factory=list)  # filled by LoadedModel


class _Scorer:
    """Weights of a :class:`LoadedModel` rearranged for :meth:`LoadedModel.word_scores`.

    Every feature of :func:`word_features` is either static (a function of the word's
    own text), whose weights are looked up once per word type and kept as a row of
    :attr:`table`, or contextual (sentence and document buckets, lexicon category,
    neighbours, bigrams). An article's scores are then built column by column with
    numpy: one column per feature slot of :func:`word_features`, 0.0 where a word lacks
    that feature, added up left to right in feature order. That is the order in which
    :meth:`LoadedModel.scores` adds, and adding 0.0 changes no sum, so the probabilities
    are the same floats. The first six slots depend on the word alone, so their sum
    (from 0.0, left to right, as the column sum starts) is kept per word type.
    """

    _MAX_TYPES = 200_000

    def __init__(
        self, weights: dict[str, float], sentence_weights: dict[str, float] | None = None
    ) -> None:
        self.w = weights
        self.sentence_w = sentence_weights or {}
        # the row of each word type, a new type's filled in when it is first met; never
        # emptied by itself (that would renumber rows in the middle of an article):
        # :meth:`_ids` starts it afresh between articles
        self.type_ids = WordCache(self._new_type, sys.maxsize)
        self.table = np.zeros((1024, _N_COLUMNS))
        # Bigram weights (b-1=, b+1=) keyed by a pair of word numbers: one sorted key
        # array for np.searchsorted over the pairs of both tables (key = left number *
        # _BIGRAM_BASE + right number, then _NO_BIGRAM, where a key past the last one
        # lands), and both tables' weights as the two columns of one array, 0.0 for a
        # table's absent pairs and in the last row (for the pairs of no table).
        bigrams: tuple[dict[tuple[str, str], float], ...] = ({}, {})
        for key, value in weights.items():
            for k, prefix in enumerate(("b-1=", "b+1=")):
                if key.startswith(prefix):
                    left, sep, right = key[len(prefix) :].partition("|")
                    if sep and "|" not in right:
                        bigrams[k][(left, right)] = value
        words = sorted({w for table in bigrams for pair in table for w in pair})
        self.bigram_ids = {w: i for i, w in enumerate(words)}
        pairs = sorted({pair for table in bigrams for pair in table})
        keys = np.array(
            [self.bigram_ids[a] * _BIGRAM_BASE + self.bigram_ids[b] for a, b in pairs],
            dtype=np.int64,
        )
        order = np.argsort(keys)
        self.bigram_keys = np.append(keys[order], _NO_BIGRAM)
        values = np.zeros((len(pairs) + 1, 2))
        for k, table in enumerate(bigrams):
            values[:-1, k] = np.array([table.get(pair, 0.0) for pair in pairs], dtype=float)[order]
        self.bigram_values = values
        get = weights.get
        self.sv = np.array([get("sv=" + b, 0.0) for b in ("0", "1", "2", "3+")])
        self.sl = np.array([get("sl=" + b, 0.0) for b in ("0", "1", "2", "3+")])
        self.dl = {b: get("dl=" + b, 0.0) for b in ("0", "1", "2", "3")}
        # what a word at a sentence's start (end) has in place of its neighbour's weights
        self.edges = tuple(
            np.array([[get(f"w{off}=<edge>", 0.0)], [0.0], [0.0], [0.0], [0.0]])
            for off in ("-1", "+1")
        )
        self.quote = get("q", 0.0)
        # per (category, strength) of a lexicon match, a row of lex_rows: the weights of
        # its words' lex=, lex=category:strength, and of the neighbours' lex-1= and
        # lex+1=, then 1.0 (row 0: a word no match covers)
        self.lex: dict[tuple[str, float], int] = {}
        self.lex_rows = np.zeros((1, 5))
        # the vector features reduce to one number per vocabulary word and feature
        # (e=, e-1=, e+1=, me=), computed once: scoring looks them up
        self.vector_values: np.ndarray | None = None
        tables = [(weights, p) for p in VECTOR_PREFIXES]
        tables.append((self.sentence_w, SENTENCE_VECTOR_PREFIX))
        dims = max(vector_dims(t, p) for t, p in tables)
        if dims:
            columns = np.array([[t.get(f"{p}{k}", 0.0) for t, p in tables] for k in range(dims)])
            self.vector_values = word_vectors()[1][:, :dims] @ columns

    def _row(self, raw: str) -> list[float]:
        """Static weights of one word (columns as :attr:`table`)."""
        get = self.w.get
        w = raw.translate(_APOS).lower()
        v = _valence(w)
        rv = str(round(v))
        upper1 = raw[:1].isupper()
        strong = abs(v) >= 2
        vector_own, vector_before, vector_after, sentence_vector = self._vector(w)
        own = 0.0
        for weight in (
            get("w=" + w, 0.0),
            get("s3=" + w[-3:], 0.0),
            get("s4=" + w[-4:], 0.0),
            get("p3=" + w[:3], 0.0),
            get("v=" + rv, 0.0),
            get("sj=" + _subjectivity(w), 0.0),
        ):
            own += weight
        return [
            own,
            get("short", 0.0) if len(w) <= 3 else 0.0,
            get("upper1", 0.0) if upper1 else 0.0,
            get("capmid", 0.0) if upper1 else 0.0,  # kept only inside a sentence
            get("allcaps", 0.0) if len(raw) > 1 and raw.isupper() else 0.0,
            get("digit", 0.0) if any(c.isdigit() for c in raw) else 0.0,
            get("hyphen", 0.0) if "-" in w else 0.0,
            get("vstrong", 0.0) if strong else 0.0,
            get("w-1=" + w, 0.0),
            get("v-1=" + rv, 0.0),
            vector_before,
            get("w+1=" + w, 0.0),
            get("v+1=" + rv, 0.0),
            vector_after,
            1.0 if strong else 0.0,
            float(self.bigram_ids.get(w, -1)),
            sum(self.sentence_w.get(f, 0.0) for f in _word_static(w)),
            sentence_vector,
            vector_own,
        ]

    def _vector(self, word: str) -> list[float]:
        """The vector features' weights of a lower-cased word: e=, e-1=, e+1=, me=."""
        row = -1 if self.vector_values is None else _vector_row(word)
        return [0.0] * 4 if row < 0 else self.vector_values[row].tolist()

    def _new_type(self, raw: str) -> int:
        """The next row of :attr:`table`, filled with a new word type's weights."""
        i = len(self.type_ids)
        if i >= len(self.table):
            grown = np.zeros((2 * len(self.table), _N_COLUMNS))
            grown[: len(self.table)] = self.table
            self.table = grown
        self.table[i] = self._row(raw)
        return i

    def _ids(self, raws: Sequence[str]) -> np.ndarray:
        """Row of :attr:`table` for each word, adding the word types not seen before
        (the rows start afresh before an article that could take them past
        ``_MAX_TYPES``, never in it: an article with more types grows the table)."""
        type_ids = self.type_ids
        if len(type_ids) + len(raws) > self._MAX_TYPES:
            type_ids.clear()
        return np.fromiter(map(type_ids.__getitem__, raws), np.intp, len(raws))

    def _lex(self, category: str, strength: float) -> int:
        """The row of :attr:`lex_rows` for the words of a match."""
        key = (category, strength)
        out = self.lex.get(key)
        if out is None:
            get = self.w.get
            row = (
                get("lex=" + category, 0.0),
                get(f"lex={category}:{strength:g}", 0.0),
                get("lex-1=" + category, 0.0),
                get("lex+1=" + category, 0.0),
                1.0,
            )
            out = self.lex[key] = len(self.lex_rows)
            self.lex_rows = np.vstack([self.lex_rows, row])
        return out

    def _bigrams(self, ids: np.ndarray) -> np.ndarray:
        """Weights of b-1= and b+1= (two columns) for each pair of adjacent words (word
        numbers as in :attr:`bigram_ids`, -1 for a word in no bigram), 0.0 for pairs
        without one. A pair with a -1 makes a key of no pair in the table: negative, or
        with the right number _BIGRAM_BASE - 1 (the left one less)."""
        keys = ids[:-1] * _BIGRAM_BASE + ids[1:]
        order = keys.argsort()
        keys = keys[order]
        table_keys = self.bigram_keys
        at = np.searchsorted(table_keys[:-1], keys)  # len(table_keys) - 1 past the last
        found = np.empty_like(at)
        found[order] = np.where(table_keys[at] == keys, at, -1)
        return self.bigram_values.take(found, axis=0)

    def scores(
        self,
        doc: Doc,
        matches: Sequence[LexiconMatch],
        bias: float,
        word_in_quote: Sequence[bool] | None = None,
    ) -> _Scored:
        """Word probabilities, and each word's own weights in the sentence bias score
        (columns :data:`_STATIC_SENTENCE`). The Doc's sentences must be runs of
        consecutive words, as :func:`~rhetoric.text.tokens.tokenize` makes them
        (ValueError otherwise)."""
        n = len(doc.words)
        sentence = np.fromiter(doc.word_sentence, np.intp, n)
        if n == 0:
            return _Scored([], np.zeros(0), np.zeros((0, 2)), sentence)
        step = sentence[1:] - sentence[:-1]
        if n > 1 and step.min() < 0:
            raise ValueError("the Doc's sentences are not runs of consecutive words")
        ids = self._ids(doc.word_texts)  # may grow self.table: index it after
        rows = self.table.take(ids, axis=0)
        first = np.ones(n, dtype=bool)  # first word of its sentence
        first[1:] = step
        last = np.ones(n, dtype=bool)  # last word of its sentence
        last[:-1] = step

        # lexicon matches: their own weights, what they give their neighbours, and 1.0
        # (a later match wins a word two matches cover)
        codes = np.zeros(n, dtype=np.intp)
        covered: dict[int, int] = {}
        for m in matches:
            code = self._lex(m.category, m.strength)
            for w in range(m.first_word, m.last_word):
                covered[w] = code
        if covered:
            codes[list(covered)] = list(covered.values())
        lex = self.lex_rows.take(codes, axis=0)
        doc_bucket = _doc_bucket(len(covered), n)
        # strong words and lexicon words per sentence, in buckets
        n_sent = int(sentence[-1]) + 1
        strong = np.bincount(sentence, rows[:, _STRONG], n_sent)
        n_lex = np.bincount(sentence, lex[:, 4], n_sent)
        sv = self.sv[np.minimum(strong, 3).astype(np.intp)]
        sl = self.sl[np.minimum(n_lex, 3).astype(np.intp)]

        # neighbours: what the word before gives (w-1=, b-1=, v-1=, lex-1=, e-1=), or
        # the sentence-edge weights, then the same from the word after (w+1=, ...)
        bigrams = self._bigrams(rows[:, _BIGRAM_ID].astype(np.int64))
        near = np.empty((10, n))
        near[0:5:2, 1:] = rows[:-1, _GIVE_BEFORE].T
        near[1, 1:] = bigrams[:, 0]
        near[3, 1:] = lex[:-1, 2]
        near[:5, first] = self.edges[0]
        near[5:10:2, :-1] = rows[1:, _GIVE_AFTER].T
        near[6, :-1] = bigrams[:, 1]
        near[8, :-1] = lex[1:, 3]
        near[5:, last] = self.edges[1]

        total = rows[:, _OWN].copy()  # the first six slots, then the others in order
        for column in (
            sv[sentence],
            sl[sentence],
            self.dl[doc_bucket],
            0.0 if word_in_quote is None else np.asarray(word_in_quote, dtype=bool) * self.quote,
            rows[:, _SHORT],
            rows[:, _UPPER1],
            np.where(first, 0.0, rows[:, _CAPMID]),
            rows[:, _ALLCAPS],
            rows[:, _DIGIT],
            rows[:, _HYPHEN],
            lex[:, 0],
            lex[:, 1],
            rows[:, _VSTRONG],
            *near[:4],
            *near[5:9],
        ):  # left to right, as LoadedModel.scores adds
            total += column
        if self.vector_values is not None:  # the vector features, after the others
            vector = rows[:, _VECTOR_OWN] + near[4]
            vector += near[9]
            total += vector
        z = bias + total
        probs = np.where(z > -700, 1.0 / (1.0 + np.exp(-np.maximum(z, -700.0))), 0.0)
        return _Scored(probs.tolist(), probs, rows[:, _STATIC_SENTENCE], sentence)


@lru_cache(maxsize=1)
def _default_model() -> LoadedModel:
    source = resources.files("rhetoric") / "data" / "loaded_model.json"
    with source.open("r", encoding="utf-8") as handle:
        return LoadedModel.from_json(json.load(handle))


# -- results ---------------------------------------------------------------------------
def _records(terms: Sequence[LoadedTerm]) -> list[dict[str, Any]]:
    out = []
    for t in terms:
        d = dict(vars(t))  # the fields, in order: numbers and strings only
        if isinstance(d["score"], float) and math.isnan(d["score"]):
            d["score"] = None
        out.append(d)
    return out


@dataclass(frozen=True)
class LoadedTerm:
    """One loaded term; ``start``/``end`` index ``doc.text``.

    ``source`` is ``"lexicon"`` or ``"model"``; ``term`` is the lexicon entry (or the
    lower-cased text for a model hit); ``score`` the model's highest word probability
    over the span (NaN when the model did not run).
    """

    start: int
    end: int
    text: str
    category: str
    strength: float
    in_quote: bool
    source: str
    term: str
    score: float
    first_word: int
    last_word: int


@dataclass(frozen=True)
class LoadedResult:
    """Loaded terms of one article with the word counts their densities divide by."""

    terms: list[LoadedTerm]
    n_words: int
    n_words_quotes: int
    categories: tuple[str, ...] = CATEGORIES
    candidates: list[LoadedTerm] = field(default_factory=list)
    """Terms below the threshold (lexicon matches the context check dropped, words the
    model scored between ``candidate_threshold`` and ``threshold``): reported apart so a
    reader can look at them, never counted in any density."""
    sentence_bias: tuple[float, ...] = ()
    """The sentence bias probability of each Doc sentence (empty without the model)."""

    @property
    def n_words_commentary(self) -> int:
        return self.n_words - self.n_words_quotes

    def records(self) -> list[dict[str, Any]]:
        """JSON-ready dicts: start, end, text, category, in_quote, strength, source,
        term, score (None when NaN)."""
        return _records(self.terms)

    def candidate_records(self) -> list[dict[str, Any]]:
        """:attr:`candidates` as :meth:`records` gives terms."""
        return _records(self.candidates)

    def to_frame(self) -> Any:
        """One row per term (columns as :meth:`records`)."""
        import pandas as pd

        columns = list(LoadedTerm.__dataclass_fields__)
        return pd.DataFrame([vars(t) for t in self.terms], columns=columns)

    def metrics(self) -> dict[str, float]:
        """Counts and per-category densities per 100 words; NaN where the body has no
        words. ``loaded_terms`` (count), ``loaded_words`` (words covered by a term),
        ``loaded_<category>_per_100_words``, ``loaded_learned_per_100_words`` (terms the
        learned detector added, ``source == "model"``) and ``loaded_candidates`` (count
        of candidates, never in a density). The overall densities
        (``loaded_per_100_words`` and its commentary and quote variants) are rates over
        sentences (:data:`rhetoric.analysis.sentences.SENTENCE_METRICS`)."""

        def per100(k: int, n: int) -> float:
            return 100.0 * k / n if n else math.nan

        out: dict[str, float] = {
            "loaded_terms": float(len(self.terms)) if self.n_words else math.nan,
            "loaded_words": float(sum(t.last_word - t.first_word for t in self.terms))
            if self.n_words
            else math.nan,
        }
        counts = Counter(t.category for t in self.terms)
        cats = list(self.categories) + sorted(set(counts) - set(self.categories))
        for cat in cats:
            out[f"loaded_{cat}_per_100_words"] = per100(counts[cat], self.n_words)
        learned = sum(t.source == "model" for t in self.terms)
        out["loaded_learned_per_100_words"] = per100(learned, self.n_words)
        out["loaded_candidates"] = float(len(self.candidates)) if self.n_words else math.nan
        return out

    def top_terms(self, n: int = 10) -> Any:
        """The ``n`` most frequent terms (lower-cased text): columns term, category,
        count, in_quote (how many of them stand in quotations)."""
        import pandas as pd

        counts: Counter[tuple[str, str]] = Counter()
        quoted: Counter[tuple[str, str]] = Counter()
        for t in self.terms:
            key = (" ".join(t.text.translate(_APOS).lower().split()), t.category)
            counts[key] += 1
            quoted[key] += t.in_quote
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return pd.DataFrame(
            [(k[0], k[1], c, quoted[k]) for k, c in rows],
            columns=["term", "category", "count", "in_quote"],
        )


# -- detection -------------------------------------------------------------------------
def find_loaded(
    doc: Doc,
    quote_spans: Sequence[tuple[int, int]] = (),
    lexicon: Lexicon | None = None,
    *,
    use_model: bool | None = None,
    model: LoadedModel | None = None,
    word_in_quote: Sequence[bool] | None = None,
    word_scores: Sequence[float] | None = None,
) -> LoadedResult:
    """Find loaded terms in ``doc`` and mark those inside ``quote_spans``.

    ``lexicon`` defaults to :meth:`Lexicon.default` (pass ``Lexicon()`` for the model
    alone). With the default lexicon the learned model runs (``use_model=None``):
    lexicon matches pass its context check (see :class:`LoadedModel`), and
    model-flagged words that no kept lexicon match covers are grouped into runs of
    consecutive words of one sentence and voice, trimmed of :data:`FUNCTION_WORDS` at
    both ends, each run a term of category ``other`` and source ``model``; with the
    model's ``grow_threshold`` set, the counted terms grow (:func:`counted_spans`). What
    falls below the thresholds is kept as :attr:`LoadedResult.candidates`, never counted.

    With a custom lexicon every one of its matches counts, and the model adds its own
    terms (and the lexicon's grow) only when asked (``use_model=True``).
    ``use_model=False`` gives every lexicon match and scores nothing (no candidates, no
    sentence bias). The word probabilities and the sentence bias score are computed
    whenever ``use_model`` is not False, over the default lexicon's matches (the
    features the model was fitted on). ``word_in_quote`` (one flag per Doc word, as
    :func:`~rhetoric.text.tokens.words_within` gives for ``quote_spans``) saves
    recomputing it; so do ``word_scores`` (one probability per Doc word, as
    :meth:`LoadedModel.word_scores` gives them over the default lexicon's matches):
    ``model``'s thresholds then apply to them, so an evaluation can compare
    thresholds without scoring the words again.
    """
    default = Lexicon.default()
    if lexicon is None:
        lexicon = default
    n = len(doc.words)
    categories = tuple(dict.fromkeys([*CATEGORIES[:-1], *lexicon.categories, "other"]))
    if n == 0:
        warnings.warn("find_loaded: the document has no words", stacklevel=2)
        return LoadedResult([], 0, 0, categories)
    quotes = merge_spans(quote_spans)
    q_starts, q_ends = [s for s, _ in quotes], [e for _, e in quotes]
    if word_in_quote is None or len(word_in_quote) != n:
        word_in_quote = words_within(doc, quotes)

    matches = lexicon.match(doc)
    is_default = lexicon is default
    sentence_bias: tuple[float, ...] = ()
    adds = False  # whether the model adds terms and checks the lexicon's
    if use_model is False:  # no scores (NaN), as a list and as an array
        scores, values = [math.nan] * n, np.full(n, math.nan)
    else:
        model = model or LoadedModel.default()
        base_matches = matches if is_default else default.match(doc)
        if word_scores is not None:
            if len(word_scores) != n:
                raise ValueError(f"word_scores has {len(word_scores)} values for {n} words")
            scores = list(word_scores)
            values = np.asarray(scores, float)
            bias = model.sentence_scores(doc, base_matches, scores)
        else:
            scored = model._scores(doc, base_matches, word_in_quote)
            scores, values, bias = scored.probs, scored.array, scored.sentence_probs
        sentence_bias = tuple(bias)
        adds = is_default or bool(use_model)

    words, text = doc.words, doc.text

    def term(a: int, b: int, match: LexiconMatch | None) -> LoadedTerm:
        start, end = words[a][0], words[b - 1][1]
        if match is None:
            term_text = text[start:end]
            return build(
                LoadedTerm,
                start,
                end,
                term_text,
                "other",
                1.0,
                span_within(q_starts, q_ends, start, end),
                "model",
                " ".join(term_text.translate(_APOS).lower().split()),
                max(scores[a:b]),
                a,
                b,
            )
        # a lexicon term keeps its match's ends where it did not grow
        start = match.start if a == match.first_word else start
        end = match.end if b == match.last_word else end
        grown = start != match.start or end != match.end
        return build(
            LoadedTerm,
            start,
            end,
            text[start:end] if grown else match.text,
            match.category,
            match.strength,
            span_within(q_starts, q_ends, start, end),
            "lexicon",
            match.term,
            max(scores[a:b]),
            a,
            b,
        )

    # a user's own terms always count; they grow only when the model adds terms
    spans, dropped, covered = _counted_spans(
        doc, scores, values, matches, word_in_quote, model, adds and is_default, adds
    )
    terms = [term(a, b, m) for a, b, m in spans]
    candidates = [term(m.first_word, m.last_word, m) for m in dropped]
    if adds and model.candidates_from < model.threshold:
        for a, b in _runs(doc, values, covered, word_in_quote, model.candidates_from):
            candidates.append(term(a, b, None))
    terms.sort(key=_START_END)
    candidates.sort(key=_START_END)
    return LoadedResult(terms, n, sum(word_in_quote), categories, candidates, sentence_bias)


_START_END = attrgetter("start", "end")


def counted_spans(
    doc: Doc,
    scores: Sequence[float],
    matches: Sequence[LexiconMatch],
    word_in_quote: Sequence[bool],
    model: LoadedModel | None,
    *,
    check: bool = True,
    add: bool = True,
) -> tuple[list[tuple[int, int, LexiconMatch | None]], list[LexiconMatch], list[bool]]:
    """The word ranges :func:`find_loaded` counts, each with its lexicon match (None
    for the model's own terms); the matches the context check dropped; and which words
    a term or match covers (dropped matches included).

    ``check``: lexicon matches pass the model's context check (see
    :class:`LoadedModel`). ``add``: the model adds its runs of flagged words and, with
    ``model.grow_threshold`` set, every counted term grows: first each kept lexicon
    term (in text order) into the neighbouring words of its sentence and voice that no
    match or term covers and that score at least ``grow_threshold`` (staying one term,
    of its category, with the grown span), then the model's runs are formed by
    hysteresis (see :func:`_runs`). Grown ends are trimmed of :data:`FUNCTION_WORDS`.
    ``model`` is unused when neither is set. The training script scores its
    out-of-fold operating points with this same function."""
    return _counted_spans(
        doc, scores, np.asarray(scores, float), matches, word_in_quote, model, check, add
    )


def _counted_spans(
    doc: Doc,
    scores: Sequence[float],
    values: np.ndarray,
    matches: Sequence[LexiconMatch],
    word_in_quote: Sequence[bool],
    model: LoadedModel | None,
    check: bool,
    add: bool,
) -> tuple[list[tuple[int, int, LexiconMatch | None]], list[LexiconMatch], list[bool]]:
    """:func:`counted_spans`, with the scores also as an array (``values``)."""
    covered = [False] * len(doc.words)
    kept, dropped = [], []
    for m in matches:
        # a dropped match's words are covered too: the model's runs never report them
        # again (as a second candidate, or counted as `other`)
        covered[m.first_word : m.last_word] = [True] * (m.last_word - m.first_word)
        if (
            check
            and m.strength < model.keep_strength
            and max(scores[m.first_word : m.last_word]) < model.lexicon_threshold
        ):
            dropped.append(m)  # the model's context check drops this lexicon match
        else:
            kept.append(m)
    if not add:
        return [(m.first_word, m.last_word, m) for m in kept], dropped, covered
    grow = model.grow_threshold
    spans: list[tuple[int, int, LexiconMatch | None]] = []
    if grow is None:
        spans = [(m.first_word, m.last_word, m) for m in kept]
    else:
        ok = (values >= grow).tolist()
        for m in kept:
            a, b = _grow(doc, ok, covered, word_in_quote, m.first_word, m.last_word)
            covered[a:b] = [True] * (b - a)
            spans.append((a, b, m))
    for a, b in _runs(doc, values, covered, word_in_quote, model.threshold, grow):
        spans.append((a, b, None))
        covered[a:b] = [True] * (b - a)
    return spans, dropped, covered


_IS_FUNCTION_WORD = WordCache(lambda raw: raw.translate(_APOS).lower() in FUNCTION_WORDS, 100_000)
"""Whether a word's text, lower-cased, is one of :data:`FUNCTION_WORDS`."""


def _grow(
    doc: Doc,
    ok: Sequence[bool],
    covered: Sequence[bool],
    word_in_quote: Sequence[bool],
    a: int,
    b: int,
) -> tuple[int, int]:
    """Words ``a..b - 1`` widened over the neighbours of the same sentence and voice
    that are ``ok`` and not ``covered``, the grown ends trimmed of function words."""
    n = len(doc.words)
    sentence = doc.word_sentence
    lo, hi = a, b
    while (
        lo > 0
        and ok[lo - 1]
        and not covered[lo - 1]
        and sentence[lo - 1] == sentence[a]
        and word_in_quote[lo - 1] == word_in_quote[a]
    ):
        lo -= 1
    while (
        hi < n
        and ok[hi]
        and not covered[hi]
        and sentence[hi] == sentence[b - 1]
        and word_in_quote[hi] == word_in_quote[b - 1]
    ):
        hi += 1
    texts = doc.word_texts
    while lo < a and _IS_FUNCTION_WORD[texts[lo]]:
        lo += 1
    while hi > b and _IS_FUNCTION_WORD[texts[hi - 1]]:
        hi -= 1
    return lo, hi


def _runs(
    doc: Doc,
    values: np.ndarray,
    covered: Sequence[bool],
    word_in_quote: Sequence[bool],
    threshold: float,
    grow: float | None = None,
) -> list[tuple[int, int]]:
    """Word ranges of the learned terms: runs of consecutive words scoring at least
    ``threshold`` (or, by hysteresis, at least ``grow`` when that is lower, the run
    then holding a word at or above ``threshold``) that no lexicon match or term covers,
    of one sentence and voice, trimmed of :data:`FUNCTION_WORDS` at both ends.
    ``values`` are the word scores."""
    n = len(doc.words)
    sentence, texts = doc.word_sentence, doc.word_texts
    low = threshold if grow is None else min(grow, threshold)
    above = values >= low
    flagged = above.tolist()  # plain bools: indexing a list is faster than an array
    seeds = (values >= threshold).tolist() if low < threshold else flagged
    out = []
    j = 0  # the words before j are done
    for i in np.flatnonzero(above).tolist():  # where a run may start
        if i < j or covered[i]:
            continue
        j = i + 1
        while (
            j < n
            and flagged[j]
            and not covered[j]
            and sentence[j] == sentence[i]
            and word_in_quote[j] == word_in_quote[i]
        ):
            j += 1
        a, b = i, j
        while a < b and _IS_FUNCTION_WORD[texts[a]]:
            a += 1
        while b > a and _IS_FUNCTION_WORD[texts[b - 1]]:
            b -= 1
        if a < b and any(seeds[a:b]):  # not only function words; a seed inside
            out.append((a, b))
    return out


def terms_near(
    doc: Doc, result: LoadedResult, mentions: Sequence[tuple[int, int]], window: int = 5
) -> list[LoadedTerm]:
    """Loaded terms within ``window`` words of any mention span, in the same sentence.

    ``mentions`` are character spans (e.g. an actor group's mentions); a term is near
    when the gap between it and a mention is at most ``window`` words.
    """
    starts = doc.word_starts
    ends = [e for _, e in doc.words]
    ranges = []
    for s, e in mentions:
        w0 = bisect.bisect_right(ends, s)  # first word ending after the mention starts
        w1 = bisect.bisect_left(starts, e)  # words starting before the mention ends
        if w1 > w0:
            ranges.append((w0, w1))
    out = []
    for t in result.terms:
        for w0, w1 in ranges:
            if doc.word_sentence[w0] != doc.word_sentence[t.first_word]:
                continue
            gap = max(w0 - t.last_word, t.first_word - w1)  # words in between; < 0 overlaps
            if gap <= window:
                out.append(t)
                break
    return out
