"""Phrases the articles share: repeated word n-grams (slogans, recycled paragraphs, promos).

A **shared phrase** is a run of at least ``n_min`` consecutive body words, inside one
paragraph, that occurs at least twice in the articles given (in two articles, or
twice in one), compared word by word after lower-casing and folding curly apostrophes.
Only **maximal** repeats are reported: a phrase is dropped when every one of its
occurrences extends by the same word on the left, or by the same word on the right,
because the longer phrase then has exactly the same occurrences (so a recycled
12-word sentence is one 12-word phrase, not nine 4-grams). A shorter phrase is still
reported when it also occurs somewhere the longer one does not. Occurrences that
overlap an earlier occurrence in the same article do not count towards the repeat.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rhetoric.analysis.records import as_articles

__all__ = ["Occurrence", "Phrase", "SharedPhrases", "shared_phrases"]


@dataclass(frozen=True)
class Occurrence:
    """Where a phrase occurs: article id and offsets into that article's ``doc.text``."""

    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Phrase:
    """One maximal repeated phrase and all its occurrences."""

    text: str
    n_words: int
    occurrences: tuple[Occurrence, ...]

    @property
    def n_occurrences(self) -> int:
        return len(self.occurrences)

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles it occurs in, in the order given."""
        return tuple(dict.fromkeys(o.id for o in self.occurrences))

    @property
    def n_articles(self) -> int:
        return len(self.articles)


@dataclass(frozen=True)
class SharedPhrases:
    """The result of :func:`shared_phrases`: phrases, most widely shared and longest first."""

    phrases: tuple[Phrase, ...]

    def __len__(self) -> int:
        return len(self.phrases)

    def __iter__(self) -> Iterator[Phrase]:
        return iter(self.phrases)

    def __getitem__(self, i: int) -> Phrase:
        return self.phrases[i]

    def records(self) -> list[dict[str, Any]]:
        """One dict per phrase, occurrences nested (JSON-ready)."""
        return [
            {
                "phrase": p.text,
                "n_words": p.n_words,
                "n_occurrences": p.n_occurrences,
                "n_articles": p.n_articles,
                "occurrences": [
                    {"id": o.id, "start": o.start, "end": o.end, "text": o.text}
                    for o in p.occurrences
                ],
            }
            for p in self.phrases
        ]

    def to_frame(self) -> pd.DataFrame:
        """One row per occurrence: phrase number, phrase, counts, ``id``, ``start``, ``end``."""
        rows = [
            {
                "phrase_no": k,
                "phrase": p.text,
                "n_words": p.n_words,
                "n_occurrences": p.n_occurrences,
                "n_articles": p.n_articles,
                "id": o.id,
                "start": o.start,
                "end": o.end,
                "text": o.text,
            }
            for k, p in enumerate(self.phrases)
            for o in p.occurrences
        ]
        cols = ["phrase_no", "phrase", "n_words", "n_occurrences", "n_articles"]
        return pd.DataFrame(rows, columns=cols + ["id", "start", "end", "text"])


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("‘", "'")


def _non_overlapping(occ: list[tuple[int, int]], n: int) -> int:
    """How many of the (article, word) start positions survive greedy overlap removal."""
    kept = 0
    last: dict[int, int] = {}
    for a, k in sorted(occ):
        if a not in last or k >= last[a] + n:
            kept += 1
            last[a] = k
    return kept


def shared_phrases(analyses: Iterable[Any], n_min: int = 4) -> SharedPhrases:
    """Maximal word n-grams (``n >= n_min``) repeated across or within the articles.

    Returns a :class:`SharedPhrases` (``to_frame()``: one row per occurrence with the
    article ``id`` and ``start``/``end`` offsets). Phrases are ordered by the number of
    articles they occur in, then length, then number of occurrences (all descending).
    ``n_min`` below 2 is raised to 2.
    """
    n_min = max(2, int(n_min))
    arts = as_articles(analyses)
    words: list[list[int]] = []  # token ids per article
    seg_end: list[list[int]] = []  # for each word, the index after its paragraph's last word
    vocab: dict[str, int] = {}
    for art in arts:
        doc = art.doc
        if doc is None:
            warnings.warn(f"{art.id}: no Doc or text; it has no phrases", stacklevel=2)
            words.append([])
            seg_end.append([])
            continue
        ids = [vocab.setdefault(_norm(doc.word_text(i)), len(vocab)) for i in range(doc.n_words)]
        para = [doc.paragraph_from(s) for s, _ in doc.words]
        ends = [0] * len(ids)
        for i in range(len(ids) - 1, -1, -1):
            ends[i] = ends[i + 1] if i + 1 < len(ids) and para[i + 1] == para[i] else i + 1
        words.append(ids)
        seg_end.append(ends)

    def fits(a: int, k: int, n: int) -> bool:
        """True when the n words from word ``k`` of article ``a`` lie in one paragraph."""
        return 0 <= k < len(words[a]) and k + n <= seg_end[a][k]

    # groups of occurrences of the current length n, keyed by nothing but identity
    groups: list[list[tuple[int, int]]] = []
    first: dict[tuple[int, ...], list[tuple[int, int]]] = defaultdict(list)
    for a, ids in enumerate(words):
        for k in range(len(ids)):
            if fits(a, k, n_min):
                first[tuple(ids[k : k + n_min])].append((a, k))
    groups = [occ for occ in first.values() if _non_overlapping(occ, n_min) >= 2]
    found: list[tuple[int, list[tuple[int, int]]]] = []
    n = n_min
    while groups:
        longer: list[list[tuple[int, int]]] = []
        for occ in groups:
            nxt: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
            for a, k in occ:
                nxt[words[a][k + n] if fits(a, k, n + 1) else None].append((a, k))
            prev = {words[a][k - 1] if k > 0 and fits(a, k - 1, n + 1) else None for a, k in occ}
            right_ext = len(nxt) == 1 and None not in nxt
            left_ext = len(prev) == 1 and None not in prev
            if not (right_ext or left_ext):
                found.append((n, occ))
            for token, sub in nxt.items():
                if token is not None and _non_overlapping(sub, n + 1) >= 2:
                    longer.append(sub)
        groups = longer
        n += 1

    phrases = []
    for n, occ in found:
        occurrences = []
        for a, k in sorted(occ):
            doc = arts[a].doc
            start, end = doc.words[k][0], doc.words[k + n - 1][1]
            occurrences.append(Occurrence(arts[a].id, start, end, doc.text[start:end]))
        a0, k0 = min(occ)
        d0 = arts[a0].doc
        text = d0.span_text(d0.words[k0][0], d0.words[k0 + n - 1][1])
        phrases.append(Phrase(text, n, tuple(occurrences)))
    phrases.sort(key=lambda p: (-p.n_articles, -p.n_words, -p.n_occurrences, p.text))
    return SharedPhrases(tuple(phrases))
