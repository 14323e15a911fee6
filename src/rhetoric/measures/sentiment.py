"""Sentence-level sentiment with VADER, aggregated over an article.

Each sentence of a :class:`~rhetoric.text.tokens.Doc` is scored with VADER (Hutto & Gilbert
2014) on its clean text (``doc.sentence_text(i)``: capitals and punctuation kept, no
markup or boilerplate), so VADER sees the units it was built for. The scores are then
aggregated over the article, over the author's commentary and over quotations.

References
----------
Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14.
Efron, B. & Tibshirani, R. (1993). An Introduction to the Bootstrap. Chapman & Hall.
"""

from __future__ import annotations

import math
import re
import string
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from typing import TYPE_CHECKING

import numpy as np

from rhetoric.frozen import build
from rhetoric.text.tokens import WordCache

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from rhetoric.text.tokens import Doc

__all__ = [
    "POSITIVE_THRESHOLD",
    "NEGATIVE_THRESHOLD",
    "MIN_WORDS",
    "SentenceSentiment",
    "SentimentResult",
    "analyzer",
    "polarity",
    "score_sentences",
    "aggregate",
    "normalize",
    "weighted_mean",
    "weighted_parts",
]

POSITIVE_THRESHOLD = 0.05
"""VADER's conventional cut-off: a sentence with compound >= 0.05 is positive."""
NEGATIVE_THRESHOLD = -0.05
"""VADER's conventional cut-off: a sentence with compound <= -0.05 is negative."""
MIN_WORDS = 4
"""Sentences with fewer words get no weight in ``sentiment_mean`` (see :func:`aggregate`)."""
VADER_ALPHA = 15.0

_ANALYZER = None
_EMOJI_CHARS: frozenset[str] = frozenset()
_PUNCTUATION = string.punctuation  # what SentiText strips from word ends
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _vader_token(word: str) -> str:
    """VADER's token for a white-space-delimited word, as ``SentiText`` makes it: the
    word with leading and trailing punctuation stripped, unless that leaves two
    characters or fewer (then the word as it is)."""
    stripped = word.strip(_PUNCTUATION)
    return word if len(stripped) <= 2 else stripped


def _vader_lower(word: str) -> str:
    """VADER's token of ``word``, lower-cased (what its rules compare)."""
    return _vader_token(word).lower()


def _lexicon_valence(word: str) -> float | None:
    """The lexicon's valence of ``word``'s token, None when VADER does not score it."""
    return _VALENCE.get(_vader_lower(word))


def _rule_word(word: str) -> bool:
    """Whether ``word``'s token may bring a rule of VADER's into play: one of
    ``_RULE_WORDS`` or a word with "n't" (a negation)."""
    low = _vader_lower(word)
    return low in _RULE_WORDS or "n't" in low


_TOKENS = WordCache(_vader_token, 200_000)
_LOWER = WordCache(_vader_lower, 200_000)
# the two below read what analyzer() sets up: polarity calls it first
_WORD_VALENCE = WordCache(_lexicon_valence, 200_000)
_RULE_WORD = WordCache(_rule_word, 200_000)
_SCORED: frozenset[str] = frozenset()  # the lexicon's words less the boosters (score 0)
_VALENCE: dict[str, float] = {}  # the lexicon's valence of each word of _SCORED
_RULE_WORDS: frozenset[str] = frozenset()  # words that bring a rule of VADER's into play
_VS = None  # the vaderSentiment.vaderSentiment module, imported on first use


def _vader_module():
    global _VS
    if _VS is None:
        from vaderSentiment import vaderSentiment as vs

        _VS = vs
    return _VS


def analyzer():
    """The shared VADER ``SentimentIntensityAnalyzer`` (created on first use)."""
    global _ANALYZER, _EMOJI_CHARS, _SCORED, _VALENCE, _RULE_WORDS
    if _ANALYZER is None:
        vs = _VS or _vader_module()
        a = vs.SentimentIntensityAnalyzer()
        _EMOJI_CHARS = frozenset(a.emojis)
        _SCORED = frozenset(a.lexicon).difference(vs.BOOSTER_DICT)
        _VALENCE = {word: a.lexicon[word] for word in _SCORED}
        # the modifiers of _word_valence, the idioms' words, "but" (_but_check) and
        # "kind" ("kind of" scores 0); "n't" words and capitals are tested apart
        _RULE_WORDS = _modifiers() | _idiom_words() | {"but", "kind"}
        _ANALYZER = a
    return _ANALYZER


def polarity(text: str) -> tuple[float, float, float, float, float]:
    """VADER scores of one sentence: ``(compound, pos, neu, neg, valence)``.

    ``compound``, ``pos``, ``neu`` and ``neg`` are exactly what
    ``SentimentIntensityAnalyzer.polarity_scores(text)`` returns (vaderSentiment 3.3);
    ``valence`` is the unnormalised sum of word valences after VADER's rules and
    punctuation emphasis, from which ``compound = valence / sqrt(valence**2 + 15)``
    (before rounding to 4 decimals). The code follows ``polarity_scores`` step by step
    but skips the per-character emoji pass when the text holds no emoji, which makes
    it faster on news prose.
    """
    a = _ANALYZER or analyzer()
    # every emoji of VADER's is a non-ASCII character (tests check it): an ASCII
    # sentence, most of news prose, needs no look at its characters one by one
    if not text.isascii() and not _EMOJI_CHARS.isdisjoint(_NON_ASCII.findall(text)):
        out = []
        prev_space = True
        for ch in text:
            if ch in a.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(a.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        text = "".join(out)
    # vs.SentiText(text.strip()): its tokens (lower-cased here) and is_cap_diff, with the
    # same steps (the white space strip() removes changes neither the words nor "!"/"?")
    words = text.split()
    if not words:
        return 0.0, 0.0, 0.0, 0.0, 0.0
    own = list(map(_WORD_VALENCE.__getitem__, words))  # each word's own valence, or None
    if own.count(None) == len(own):  # every word scores 0, after _but_check too: neutral
        return 0.0, 0.0, 1.0, 0.0, 0.0
    # a token is upper case when its word is (the punctuation stripped has no case)
    caps = list(map(str.isupper, words))
    n_caps = sum(caps)
    is_cap_diff = 0 < len(words) - n_caps < len(words)
    if not any(map(_RULE_WORD.__getitem__, words)) and not (
        is_cap_diff and any(v is not None for v in compress(own, caps))
    ):  # no rule of VADER's applies to any word: each takes its own valence, in order
        return _scores(list(filter(None, own)), len(words), text)
    lower = list(map(_LOWER.__getitem__, words))
    scored = _SCORED.intersection(lower)
    at = []  # the positions of the scored words, in order
    for low in scored:
        i = -1
        for _ in range(lower.count(low)):
            i = lower.index(low, i + 1)
            at.append(i)
    at.sort()
    lexicon = a.lexicon
    last = len(words) - 1
    modifiers = _MODIFIERS or _modifiers()
    idiom_words = _IDIOM_WORDS or _idiom_words()
    # no booster, negation, special word, "n't" word or idiom word in the sentence: no
    # rule of _word_valence but the capitals can apply to any word of it
    plain = (
        modifiers.isdisjoint(lower)
        and idiom_words.isdisjoint(lower)
        and "n't" not in " ".join(lower)  # no token holds a space: none spans two
    )
    valences = []  # of the words at `at`, 0 for "kind" in "kind of"
    for i in at:
        low = lower[i]
        if low == "kind" and i < last and lower[i + 1] == "of":
            valences.append(0)
        elif not (is_cap_diff and caps[i]) and (
            plain
            or (
                low != "no"
                and modifiers.isdisjoint(before := lower[max(0, i - 3) : i])
                and "n't" not in " ".join(before)
                and (i < 3 or idiom_words.isdisjoint(lower[i - 3 : i + 3]))
            )
        ):  # no rule of _word_valence can apply: its own valence (most words of news prose)
            valences.append(lexicon[low])
        else:
            valences.append(_word_valence(lexicon, words, lower, i, is_cap_diff))
    if "but" in lower:  # VADER's _but_check changes nothing in a sentence without "but"
        sentiments: list[float] = [0] * len(words)  # 0 for the words outside `at`
        for i, x in zip(at, valences, strict=True):
            sentiments[i] = x
        sentiments = a._but_check(list(map(_TOKENS.__getitem__, words)), sentiments)
        nonzero = [x for x in sentiments if x]  # zeros change neither sum
    else:
        nonzero = [x for x in valences if x]
    return _scores(nonzero, len(words), text)


def _scores(
    nonzero: list[float], n_words: int, text: str
) -> tuple[float, float, float, float, float]:
    """The end of ``polarity_scores`` from a sentence's non-zero word valences in order
    (after ``_but_check``), its number of tokens and its text (for "!" and "?")."""
    if not nonzero:  # what the steps below give then
        return 0.0, 0.0, 1.0, 0.0, 0.0
    a = _ANALYZER or analyzer()
    total = float(sum(nonzero))
    # VADER's emphasis from "!" and "?" (0.0, which changes no sum, without either)
    emphasis = a._punctuation_emphasis(text) if "!" in text or "?" in text else 0.0
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    compound = (_VS or _vader_module()).normalize(total)
    # VADER's _sift_sentiment_scores, over the non-zero scores in the same order
    pos_sum = neg_sum = 0.0
    for x in nonzero:
        if x > 0:
            pos_sum += float(x) + 1
        else:
            neg_sum += float(x) - 1
    neu_count = n_words - len(nonzero)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    denom = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / denom)
    neg = math.fabs(neg_sum / denom)
    neu = math.fabs(neu_count / denom)
    return round(compound, 4), round(pos, 3), round(neu, 3), round(neg, 3), total


def _word_valence(
    lexicon: dict[str, float], words: list[str], lower: list[str], i: int, is_cap_diff: bool
) -> float:
    """``SentimentIntensityAnalyzer.sentiment_valence`` for a word in VADER's lexicon.

    The same rules and arithmetic in the same order (vaderSentiment 3.3), but over the
    sentence's lower-cased tokens computed once: VADER lower-cases the whole sentence
    again in every negation and idiom check of every lexicon word. ``words`` are the
    sentence's white-space-delimited words, upper case where their tokens are.
    :func:`polarity` calls it only where one of the rules may apply.
    """
    vs = _VS or _vader_module()
    item, low = words[i], lower[i]
    valence = lexicon[low]
    if low == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
    ):
        valence = lexicon[low] * vs.N_SCALAR
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += vs.C_INCR
        else:
            valence -= vs.C_INCR
    booster = vs.BOOSTER_DICT
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lexicon:
            before = i - (start_i + 1)  # scalar_inc_dec gives 0.0 to a non-booster
            s = (
                vs.scalar_inc_dec(_TOKENS[words[before]], valence, is_cap_diff)
                if lower[before] in booster
                else 0.0
            )
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lower, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lower, i)
    # VADER's _least_check
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * vs.N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * vs.N_SCALAR
    return valence


def _negated(word: str) -> bool:
    """``vaderSentiment.negated([word])``."""
    vs = _VS or _vader_module()
    return word in vs.NEGATE or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """``SentimentIntensityAnalyzer._negation_check`` over lower-cased tokens."""
    vs = _VS or _vader_module()
    if start_i == 0 and _negated(lower[i - (start_i + 1)]):
        valence = valence * vs.N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif _negated(lower[i - (start_i + 1)]):
            valence = valence * vs.N_SCALAR
    if start_i == 2:
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            valence = valence
        elif _negated(lower[i - (start_i + 1)]):
            valence = valence * vs.N_SCALAR
    return valence


_IDIOM_WORDS: frozenset[str] | None = None
_MODIFIERS: frozenset[str] | None = None


def _modifiers() -> frozenset[str]:
    """The words that change the valence of one of the three words after them in
    :func:`_word_valence` (boosters, negations and VADER's special words) ("n't" words
    are checked apart)."""
    global _MODIFIERS
    if _MODIFIERS is None:
        vs = _VS or _vader_module()
        special = {"no", "never", "without", "so", "this", "least"}
        boosters = (k for k in vs.BOOSTER_DICT if " " not in k)
        _MODIFIERS = frozenset({*boosters, *vs.NEGATE, *special})
    return _MODIFIERS


def _idiom_words() -> frozenset[str]:
    """One word of each of VADER's idioms and multi-word boosters (its longest, the
    rarest in prose): an n-gram the idiom check looks up can be one of them only if
    that word is among the n-gram's words."""
    global _IDIOM_WORDS
    if _IDIOM_WORDS is None:
        vs = _VS or _vader_module()
        keys = [*vs.SPECIAL_CASES, *(k for k in vs.BOOSTER_DICT if " " in k)]
        _IDIOM_WORDS = frozenset(max(k.split(" "), key=len) for k in keys)
    return _IDIOM_WORDS


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """``SentimentIntensityAnalyzer._special_idioms_check`` over lower-cased tokens
    (called for ``i >= 3``). Returns ``valence`` at once when none of the words it
    would combine (``i - 3`` to ``i + 2``) is one of :func:`_idiom_words`."""
    if (_IDIOM_WORDS or _idiom_words()).isdisjoint(lower[i - 3 : i + 3]):
        return valence
    vs = _VS or _vader_module()
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in vs.SPECIAL_CASES:
            valence = vs.SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in vs.SPECIAL_CASES:
            valence = vs.SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in vs.SPECIAL_CASES:
            valence = vs.SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in vs.BOOSTER_DICT:
            valence = valence + vs.BOOSTER_DICT[n_gram]
    return valence


def weighted_parts(
    valence: Sequence[float], n_words: Sequence[float], min_words: int = MIN_WORDS
) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence numerator ``w_i * v_i`` and denominator ``w_i`` of ``sentiment_mean``.

    ``w_i`` is sentence ``i``'s word count, 0 for a sentence without words or without a
    valence, and 0 for one of fewer than ``min_words`` words unless every sentence with
    words is that short (so a one-line headline or snippet still has a score).
    """
    v = np.asarray(valence, dtype=float)
    n = np.asarray(n_words, dtype=float)
    ok = np.isfinite(v) & (n > 0)
    n = np.where(ok, n, 0.0)
    long_enough = n >= min_words
    w = np.where(long_enough, n, 0.0) if long_enough.any() else n
    return w * np.where(ok, v, 0.0), w


def weighted_mean(
    values: Sequence[float], n_words: Sequence[float], min_words: int = MIN_WORDS
) -> float:
    """``sum(w_i * x_i) / sum(w_i)`` with the weights of :func:`weighted_parts`; NaN if
    no sentence has weight."""
    num, den = weighted_parts(values, n_words, min_words)
    return float(num.sum() / den.sum()) if den.sum() > 0 else math.nan


def normalize(valence, alpha: float = VADER_ALPHA):
    """VADER's squashing function ``v / sqrt(v**2 + alpha)`` (alpha = 15), range -1..+1.

    Takes a number or an array (elementwise); NaN stays NaN."""
    if np.ndim(valence) == 0:
        v = float(valence)
        return v / math.sqrt(v * v + alpha) if not math.isnan(v) else math.nan
    v = np.asarray(valence, dtype=float)
    return v / np.sqrt(v * v + alpha)


def aggregate(
    valence: Sequence[float], n_words: Sequence[float], min_words: int = MIN_WORDS
) -> float:
    """``sentiment_mean``: the VADER compound of the word-weighted mean sentence valence.

    ``m = sum(w_i * v_i) / sum(w_i)`` and ``sentiment_mean = m / sqrt(m**2 + 15)``, where
    ``v_i`` is sentence ``i``'s VADER valence (the sum of its word valences after VADER's
    rules, before normalisation) and ``w_i`` its number of words, with ``w_i = 0`` for
    sentences of fewer than ``min_words`` words unless every sentence is that short
    (:func:`weighted_parts`). Range -1 (negative) to +1 (positive); NaN when no sentence
    has a word. On a single sentence it equals VADER's compound. Unlike VADER on a whole
    text, it does not drift towards +-1 as an article gets longer. Chosen on a tuning
    half of the VADER NYT editorial snippets (see ``docs/sentiment.md``). The article's
    figures and their intervals apply this definition through
    :data:`rhetoric.analysis.sentences.SENTENCE_METRICS`.
    """
    return normalize(weighted_mean(valence, n_words, min_words))


@dataclass(frozen=True)
class SentenceSentiment:
    """VADER scores of one sentence; ``start``/``end`` index ``doc.text``."""

    index: int
    start: int
    end: int
    n_words: int
    compound: float
    pos: float
    neu: float
    neg: float
    valence: float


@dataclass(frozen=True)
class SentimentResult:
    """Per-sentence VADER scores of one article (see :func:`score_sentences`)."""

    sentences: tuple[SentenceSentiment, ...]

    def __len__(self) -> int:
        return len(self.sentences)

    @cached_property
    def _columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(compound, valence, n_words) per sentence, built once; never modified."""
        return (
            np.array([s.compound for s in self.sentences], dtype=float),
            np.array([s.valence for s in self.sentences], dtype=float),
            np.array([s.n_words for s in self.sentences], dtype=int),
        )

    @property
    def compound(self) -> np.ndarray:
        return self._columns[0].copy()

    @property
    def valence(self) -> np.ndarray:
        return self._columns[1].copy()

    @property
    def n_words(self) -> np.ndarray:
        return self._columns[2].copy()

    def mean(self, sentence_ids: Sequence[int] | None = None) -> float:
        """``sentiment_mean`` (see :func:`aggregate`) over all or the given sentences."""
        _, v, n = self._columns
        if sentence_ids is not None:
            ids = np.asarray(list(sentence_ids), dtype=int)
            v, n = v[ids], n[ids]
        keep = n > 0
        return aggregate(v[keep], n[keep])

    def metrics(self) -> dict[str, float]:
        """Shares of sentences by tone.

        ``positive_share`` / ``negative_share`` / ``neutral_share``: fraction of
        sentences (with at least one word) with compound >= 0.05, <= -0.05, or in
        between (VADER's thresholds); they sum to 1. NaN with a warning when no sentence
        has a word. The article's ``sentiment_mean`` and its interval are rates over
        sentences (:data:`rhetoric.analysis.sentences.SENTENCE_METRICS`).
        """
        compounds = [s.compound for s in self.sentences if s.n_words > 0]
        if not compounds:
            warnings.warn("sentiment: no sentence with words; metrics are NaN", stacklevel=2)
            return dict.fromkeys(("positive_share", "negative_share", "neutral_share"), math.nan)
        # counts over a few dozen sentences: plain Python beats numpy's per-call cost, and
        # count / n is the float that numpy's mean of the 0/1 array gives (tests compare)
        n = len(compounds)
        return {
            "positive_share": sum(c >= POSITIVE_THRESHOLD for c in compounds) / n,
            "negative_share": sum(c <= NEGATIVE_THRESHOLD for c in compounds) / n,
            "neutral_share": sum(NEGATIVE_THRESHOLD < c < POSITIVE_THRESHOLD for c in compounds)
            / n,
        }

    def records(self) -> list[dict]:
        """One JSON-ready dict per sentence: index, start, end, position, n_words,
        sentiment (compound), pos, neu, neg."""
        total = len(self.sentences)
        return [
            {
                "sentence": s.index,
                "start": s.start,
                "end": s.end,
                "position": (s.index + 0.5) / total,
                "n_words": s.n_words,
                "sentiment": s.compound,
                "pos": s.pos,
                "neu": s.neu,
                "neg": s.neg,
            }
            for s in self.sentences
        ]

    def to_frame(self) -> pd.DataFrame:
        """One row per sentence (columns as :meth:`records`)."""
        import pandas as pd

        cols = ["sentence", "start", "end", "position", "n_words", "sentiment", "pos", "neu", "neg"]
        return pd.DataFrame(self.records(), columns=cols)

    def arc(self, window: int = 5) -> pd.DataFrame:
        """The sentiment arc: :meth:`to_frame` plus ``rolling``, a centred moving
        average of ``sentiment`` over ``window`` sentences (shorter at the ends).

        ``position`` is ``(index + 0.5) / n_sentences``, 0 = start of the article,
        1 = end, so arcs of articles of different lengths can be overlaid.
        """
        df = self.to_frame()
        df["rolling"] = df["sentiment"].rolling(window, center=True, min_periods=1).mean()
        return df


def score_sentences(doc: Doc) -> SentimentResult:
    """Score every sentence of ``doc`` with VADER (on ``doc.sentence_text(i)``).

    Sentences without words (stray punctuation) get compound 0 and ``n_words`` 0 and
    are left out of the aggregates.
    """
    clean = doc.clean
    out = []
    for i, ((start, end), (first, last)) in enumerate(
        zip(doc.sentences, doc.sentence_words, strict=True)
    ):
        n = last - first
        # the sentence's clean text as it stands: VADER splits it at white space and
        # sees the same words and "!"/"?" as in doc.sentence_text(i) (tests check it)
        compound, pos, neu, neg, valence = (
            polarity(clean[start:end]) if n else (0.0, 0.0, 0.0, 0.0, 0.0)
        )
        sentence = build(
            SentenceSentiment,
            index=i,
            start=start,
            end=end,
            n_words=n,
            compound=compound,
            pos=pos,
            neu=neu,
            neg=neg,
            valence=valence,
        )
        out.append(sentence)
    return SentimentResult(tuple(out))
