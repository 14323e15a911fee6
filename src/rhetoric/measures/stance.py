"""Stance markers: hedges and boosters per 100 words.

Hedges signal that the writer withholds full commitment (*perhaps*, *may*,
*reportedly*, *allegedly*); boosters signal certainty (*clearly*, *undoubtedly*,
*always*, *never*). The word list is shipped as ``data/stance_words.csv`` (term,
category ``hedge`` or ``booster``, note), a small list adapted from Hyland's (2005)
metadiscourse markers, leaving out forms that are mostly non-epistemic in news prose
(*about*, *would*, *could*, *must*, *certain*).

Matching: on the Doc's words, case-insensitively, with curly and straight apostrophes
alike; a multi-word term (*of course*, *appears to*) must match consecutive words of
one sentence; the longest term wins and markers do not overlap. A marker whose first
word is capitalised but not the first word of its sentence is skipped, so the month
or surname *May* and the name *Will* are not hedges.

Reference: Hyland, K. (2005). *Metadiscourse: Exploring Interaction in Writing*.
Continuum (appendix of hedges and boosters).
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from os import PathLike
from typing import TYPE_CHECKING

from rhetoric.datafiles import csv_rows, package_csv_rows
from rhetoric.text.tokens import WORD_RE, words_within

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from rhetoric.text.tokens import Doc

__all__ = [
    "StanceLexicon",
    "StanceMarker",
    "find_stance_markers",
    "markers_frame",
    "measure_stance",
]

CATEGORIES = ("hedge", "booster")


def _norm(word: str) -> str:
    return word.replace("’", "'").lower()


@dataclass(frozen=True)
class StanceLexicon:
    """Hedge and booster terms: ``(term, category, note)`` rows; combine with ``|``."""

    entries: tuple[tuple[str, str, str], ...]

    @classmethod
    def from_csv(cls, source: str | PathLike | io.TextIOBase) -> StanceLexicon:
        """Read a CSV with columns ``term, category`` (``hedge``/``booster``), ``note``."""
        return cls._from_rows(csv_rows(source))

    @classmethod
    def _from_rows(cls, rows: Iterable[dict]) -> StanceLexicon:
        out = []
        for row in rows:
            term = (row.get("term") or "").strip()
            cat = (row.get("category") or "").strip()
            if not term:
                continue
            if cat not in CATEGORIES:
                raise ValueError(f"stance term {term!r}: category {cat!r} not in {CATEGORIES}")
            out.append((term, cat, (row.get("note") or "").strip()))
        return cls(tuple(out))

    @classmethod
    def default(cls) -> StanceLexicon:
        """The shipped list (``rhetoric/data/stance_words.csv``)."""
        return cls._from_rows(package_csv_rows("stance_words.csv"))

    def __or__(self, other: StanceLexicon) -> StanceLexicon:
        if not isinstance(other, StanceLexicon):
            return NotImplemented
        replaced = {_norm(t) for t, _, _ in other.entries}
        kept = tuple(e for e in self.entries if _norm(e[0]) not in replaced)
        return StanceLexicon(kept + other.entries)

    @cached_property
    def _index(self) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
        """First word -> [(word sequence, category, term)], longest first."""
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for term, cat, _ in self.entries:
            seq = tuple(_norm(m.group()) for m in WORD_RE.finditer(term))
            if seq:
                index.setdefault(seq[0], []).append((seq, cat, term))
        for options in index.values():
            options.sort(key=lambda o: -len(o[0]))
        return index

    @cached_property
    def _second_words(self) -> dict[str, frozenset[str]]:
        """First word -> the words that can follow it in a term, for the first words
        that are not a term by themselves ("in" of "in fact"): a marker starts there
        only when one of them follows."""
        return {
            first: frozenset(seq[1] for seq, _, _ in options)
            for first, options in self._index.items()
            if all(len(seq) > 1 for seq, _, _ in options)
        }

    def records(self) -> list[dict]:
        return [{"term": t, "category": c, "note": n} for t, c, n in self.entries]

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.records(), columns=["term", "category", "note"])


@dataclass(frozen=True)
class StanceMarker:
    """One hedge or booster; ``start``/``end`` index ``doc.text``."""

    start: int
    end: int
    text: str
    term: str
    category: str
    sentence: int
    first_word: int
    n_words: int


_DEFAULT: StanceLexicon | None = None


def _default() -> StanceLexicon:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = StanceLexicon.default()
    return _DEFAULT


def find_stance_markers(doc: Doc, lexicon: StanceLexicon | None = None) -> list[StanceMarker]:
    """All hedges and boosters in ``doc``, in text order (rules in the module docstring)."""
    lex = lexicon or _default()
    index, second_words = lex._index, lex._second_words
    words = doc.words
    text = doc.text
    # every word normalised in one call: joined by spaces (no word holds one) and split
    # again; lower() looks at no character across a space (Σ's final form included)
    keys = _norm(" ".join(doc.word_texts)).split(" ") if words else []
    out = []
    bounds = doc.sentence_words
    sentence_of = doc.word_sentence
    free = 0  # words before this one belong to a marker already found
    for i in [i for i, key in enumerate(keys) if key in index]:  # where a marker may start
        if i < free:
            continue
        seconds = second_words.get(keys[i])
        if seconds is not None and (i + 1 == len(keys) or keys[i + 1] not in seconds):
            continue  # no term of several words goes on with the next word
        si = sentence_of[i]
        first, last = bounds[si]
        hit = None
        for seq, cat, term in index[keys[i]]:
            k = len(seq)
            if i + k <= last and tuple(keys[i : i + k]) == seq:
                hit = (k, cat, term)
                break
        if hit is not None:
            w0 = text[words[i][0] : words[i][1]]
            if i != first and w0[:1].isupper() and not w0.isupper():
                hit = None  # "May", "Will" inside a sentence: a name or a month
        if hit is None:
            continue
        k, cat, term = hit
        s, e = words[i][0], words[i + k - 1][1]
        out.append(StanceMarker(s, e, text[s:e], term, cat, si, i, k))
        free = i + k
    return out


def measure_stance(
    doc: Doc,
    quote_spans: Iterable[Sequence[int]] = (),
    lexicon: StanceLexicon | None = None,
    *,
    word_in_quote: Sequence[bool] | None = None,
) -> dict[str, float]:
    """Hedges and boosters per 100 words, overall, in commentary and in quotes.

    ``hedges_per_100_words = 100 * hedges / words`` (likewise boosters), where words are
    the Doc's words; higher means more hedging (or more boosting). A word is in a quote
    when its span lies inside one of ``quote_spans`` (``(start, end, ...)`` offsets into
    ``doc.text``); a marker belongs to the voice of its first word. The ``_commentary``
    and ``_quotes`` variants use the words outside and inside quotes as denominators
    and are NaN when there are no such words. ``word_in_quote`` (one flag per Doc word,
    as :func:`~rhetoric.text.tokens.words_within` gives for ``quote_spans``) saves
    recomputing it. Also returns the raw counts ``hedges``,
    ``boosters`` and ``words``. A document without words gives NaN and a warning.
    """
    markers = find_stance_markers(doc, lexicon)
    if word_in_quote is not None and len(word_in_quote) == len(doc.words):
        in_quote = word_in_quote
    else:
        in_quote = words_within(doc, quote_spans)
    n_quote = sum(in_quote)
    n_all = doc.n_words
    denominators = {"": n_all, "_commentary": n_all - n_quote, "_quotes": n_quote}
    tallies = {key: {"hedge": 0, "booster": 0} for key in denominators}
    for m in markers:
        tallies[""][m.category] += 1
        tallies["_quotes" if in_quote[m.first_word] else "_commentary"][m.category] += 1
    if n_all == 0:
        warnings.warn("stance: document has no words; rates are NaN", stacklevel=2)
    out: dict[str, float] = {}
    for key, n in denominators.items():
        for cat, name in (("hedge", "hedges"), ("booster", "boosters")):
            out[f"{name}_per_100_words{key}"] = 100.0 * tallies[key][cat] / n if n else math.nan
    out["hedges"] = tallies[""]["hedge"]
    out["boosters"] = tallies[""]["booster"]
    out["words"] = n_all
    return out


def markers_frame(markers: Sequence[StanceMarker]) -> pd.DataFrame:
    """The markers of :func:`find_stance_markers` as a DataFrame (one row each)."""
    import pandas as pd

    cols = ["start", "end", "text", "term", "category", "sentence", "first_word", "n_words"]
    return pd.DataFrame([asdict(m) for m in markers], columns=cols)
