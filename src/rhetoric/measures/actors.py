"""Actor mentions and framing: who is named, and in what tone.

An :class:`ActorGazetteer` (shipped as ``data/actors.csv``: group, term, kind, note)
lists the names, aliases, demonyms, leaders, institutions and epithets of groups of
actors. :func:`find_mentions` finds them in an article; :func:`framing` summarises, per
group, how many sentences name it and the sentiment and loaded language of those
sentences, in the author's commentary and in quotations.

Matching rules (see also ``docs/sentiment.md``):

* Terms match whole words only (``China`` does not match inside ``Chinaware``; a
  hyphen or slash is a boundary, so ``China-Russia`` and ``Sino/Russia`` name both).
* Case: a term written with capitals matches as written, with its first letter
  capitalised (``the West`` / ``The West``) and, when it has at least four letters, in
  all capitals (``RUSSIA``). A lower-case term (``neocons``) also matches with a
  capital first letter or in all capitals. So ``U.S.`` and ``US`` match but the
  pronoun ``us`` never does.
* A possessive ending (``’s``, ``'s``, or ``’`` after an ``s``) is part of the mention.
* Multi-word terms allow any run of white space between words; straight and curly
  apostrophes are interchangeable.
* Longest match wins (``Xi Jinping`` is one mention, not ``Xi`` plus a stray word);
  mentions do not overlap.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from os import PathLike
from typing import TYPE_CHECKING

from rhetoric.datafiles import csv_rows, package_csv_rows
from rhetoric.frozen import build
from rhetoric.text.tokens import WordCache

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from rhetoric.measures.sentiment import SentimentResult
    from rhetoric.text.tokens import Doc

__all__ = ["ActorTerm", "ActorGazetteer", "Mention", "find_mentions", "framing", "KINDS"]

KINDS = frozenset({"name", "alias", "demonym", "leader", "institution", "epithet"})

_APOS = "'’"


@dataclass(frozen=True)
class ActorTerm:
    """One gazetteer row."""

    group: str
    term: str
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Mention:
    """One actor mention; ``start``/``end`` index ``doc.text``."""

    start: int
    end: int
    text: str
    group: str
    term: str
    kind: str
    sentence: int


def _variants(term: str) -> set[str]:
    out = {term}
    first = next((i for i, ch in enumerate(term) if ch.isalpha()), None)
    if first is not None:
        out.add(term[:first] + term[first].upper() + term[first + 1 :])
    if term.islower() or sum(ch.isalpha() for ch in term) >= 4:
        out.add(term.upper())
    return out


def _pattern(variant: str) -> str:
    parts = []
    for ch in variant:
        if ch.isspace():
            if not parts or parts[-1] != r"[^\S\n]+":
                parts.append(r"[^\S\n]+")
        elif ch in _APOS:
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


_POSSESSIVE = r"(?!\w)(?:['’]s(?!\w)|(?<=s)['’](?!\w))?"


def _word_start_alternation(patterns: list[str]) -> str:
    """``(?<!\\w)(?:p1|p2|…)`` for case-sensitive ``patterns``, rewritten faster.

    Patterns that start with a letter or digit are grouped by it, and the look-behind
    moves after that character: ``A(?<!\\w.)(?:rest1|rest2)`` ("the character before
    the ``A`` just matched is no word character"). Two groups never match at one
    place (their first characters differ), so the same pattern wins as before; the
    search can then skip to the first characters instead of trying every position.
    Patterns that start otherwise keep the look-behind in front, after the groups.
    """
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for p in patterns:
        if p[:1].isalnum():
            groups.setdefault(p[0], []).append(p[1:])
        else:
            others.append(p)
    alternatives = [c + r"(?<!\w.)(?:" + "|".join(rests) + ")" for c, rests in groups.items()]
    if others:
        alternatives.append(r"(?<!\w)(?:" + "|".join(others) + ")")
    return "(?:" + "|".join(alternatives) + ")"


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


@dataclass(frozen=True)
class ActorGazetteer:
    """Groups of actor terms; combine with ``|`` (the right-hand side wins a clash)."""

    terms: tuple[ActorTerm, ...]

    @classmethod
    def from_csv(cls, source: str | PathLike | io.TextIOBase) -> ActorGazetteer:
        """Read a CSV with columns ``group, term, kind`` (and optional ``note``)."""
        return cls._from_rows(csv_rows(source))

    @classmethod
    def _from_rows(cls, rows: Iterable[dict]) -> ActorGazetteer:
        out = []
        for row in rows:
            term = (row.get("term") or "").strip()
            group = (row.get("group") or "").strip()
            kind = (row.get("kind") or "").strip()
            if not term or not group:
                continue
            if kind not in KINDS:
                raise ValueError(f"actor term {term!r}: kind {kind!r} not in {sorted(KINDS)}")
            out.append(ActorTerm(group, term, kind, (row.get("note") or "").strip()))
        return cls(tuple(out))

    @classmethod
    def default(cls) -> ActorGazetteer:
        """The shipped gazetteer (``rhetoric/data/actors.csv``): ``us_west``, ``russia``,
        ``china``."""
        return cls._from_rows(package_csv_rows("actors.csv"))

    def __or__(self, other: ActorGazetteer) -> ActorGazetteer:
        if not isinstance(other, ActorGazetteer):
            return NotImplemented
        replaced = {_key(t.term) for t in other.terms}
        kept = tuple(t for t in self.terms if _key(t.term) not in replaced)
        return ActorGazetteer(kept + other.terms)

    @property
    def groups(self) -> tuple[str, ...]:
        """Group names in order of first appearance."""
        return tuple(dict.fromkeys(t.group for t in self.terms))

    @cached_property
    def _lookup(self) -> dict[str, ActorTerm]:
        table: dict[str, ActorTerm] = {}
        for t in self.terms:
            for v in _variants(t.term):
                table[_key(v)] = t
        return table

    @cached_property
    def _term_of(self) -> WordCache:
        """The term of each text the search finds (possessive or not; None for a
        possessive on a term ending in s, "Jones’"), looked up once per text."""
        lookup = self._lookup

        def term(raw: str) -> ActorTerm | None:
            return lookup.get(_key(raw)) or lookup.get(_key(_strip_possessive(raw)))

        return WordCache(term, 100_000)

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        """``(?<!\\w)(?:v1|v2|…)(?!\\w)`` plus an optional possessive, the variants
        longest first, written so that the search can skip to their first letters."""
        variants = sorted({v for t in self.terms for v in _variants(t.term)}, key=len, reverse=True)
        if not variants:
            return re.compile(r"(?!x)x")
        return re.compile(_word_start_alternation([_pattern(v) for v in variants]) + _POSSESSIVE)

    def records(self) -> list[dict]:
        return [asdict(t) for t in self.terms]

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.records(), columns=["group", "term", "kind", "note"])


_DEFAULT: ActorGazetteer | None = None


def _default() -> ActorGazetteer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ActorGazetteer.default()
    return _DEFAULT


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    if text.endswith(("'", "’")):
        return text[:-1]
    return text


def find_mentions(doc: Doc, gazetteer: ActorGazetteer | None = None) -> list[Mention]:
    """All actor mentions in the body of ``doc`` (searched in ``doc.clean``), in order.

    Each :class:`Mention` carries its offsets, its original text (possessive included),
    the matched gazetteer term, group and kind, and the index of its sentence (-1 if it
    lies outside every sentence).
    """
    gaz = gazetteer if gazetteer is not None else _default()
    term_of = gaz._term_of
    out = []
    for m in gaz._regex.finditer(doc.clean):
        s, e = m.span()
        raw = doc.text[s:e]
        term = term_of[raw]
        if term is None:  # "Jones’" style possessive on a term ending in s
            continue
        mention = build(
            Mention,
            start=s,
            end=e,
            text=raw,
            group=term.group,
            term=term.term,
            kind=term.kind,
            sentence=doc.sentence_at(s),
        )
        out.append(mention)
    return out


def group_sentences(
    mentions: Iterable[tuple[str, int]], groups: Sequence[str] = ()
) -> dict[str, tuple[int, list[int]]]:
    """Per actor group: how many mentions it has and the sorted indices of the sentences
    naming it, from ``(group, sentence)`` pairs (a sentence of -1, outside every
    sentence, counts as a mention only). Groups in ``groups`` come first, with ``(0, [])``
    when never named; the framing table and the actor chart both group this way."""
    counts: dict[str, int] = dict.fromkeys(groups, 0)
    sentences: dict[str, set[int]] = {g: set() for g in groups}
    for group, sentence in mentions:
        counts[group] = counts.get(group, 0) + 1
        sentences.setdefault(group, set())
        if sentence >= 0:
            sentences[group].add(sentence)
    return {g: (counts[g], sorted(sentences[g])) for g in counts}


def _aggregate(sentiment: SentimentResult, ids: Sequence[int]) -> float:
    return sentiment.mean(ids) if ids else math.nan


def framing(
    doc: Doc,
    mentions: Sequence[Mention],
    sentiment: SentimentResult,
    voices: Sequence[str] | None = None,
    loaded_spans: Iterable[tuple[int, int, str]] | None = None,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per actor group: how often and in what tone the article names it.

    Columns: ``group``; ``mentions`` (count); ``sentences`` (sentences naming the
    group); ``shared_sentences`` (of those, how many also name another group, where the
    tone cannot be attributed to one actor); ``sentiment_mean`` (``sentiment_mean``
    of :mod:`rhetoric.measures.sentiment` over those sentences, -1..+1, higher = more
    positive); with ``voices`` (``"quote"``/``"commentary"``/``"mixed"`` per sentence)
    ``sentences_commentary``, ``sentiment_mean_commentary``, ``sentences_quotes``,
    ``sentiment_mean_quotes`` (NaN without voices or without such sentences);
    ``loaded_terms``: loaded-language spans (``(start, end, text)``) that start inside
    those sentences (NaN when ``loaded_spans`` is None).

    ``groups`` fixes the rows (default: groups of the default gazetteer, then any other
    group seen in ``mentions``), so groups never named get a row of zeros.
    """
    import pandas as pd

    fixed = groups is not None
    grouped = group_sentences(
        ((m.group, m.sentence) for m in mentions if not fixed or m.group in groups),
        list(groups) if fixed else list(_default().groups),
    )
    sentence_groups: dict[int, set[str]] = {}
    for g, (_, ids) in grouped.items():
        for i in ids:
            sentence_groups.setdefault(i, set()).add(g)
    loaded_sentence: list[int] | None = None
    if loaded_spans is not None:
        at = (doc.sentence_at(span[0]) for span in loaded_spans)
        loaded_sentence = [k for k in at if k >= 0]
    if voices is not None and len(voices) != len(doc.sentences):
        raise ValueError(f"voices has {len(voices)} labels for {len(doc.sentences)} sentences")
    rows = []
    for g, (count, ids) in grouped.items():
        row = {
            "group": g,
            "mentions": count,
            "sentences": len(ids),
            "shared_sentences": sum(1 for i in ids if len(sentence_groups[i]) > 1),
            "sentiment_mean": _aggregate(sentiment, ids),
        }
        if voices is not None:
            com = [i for i in ids if voices[i] == "commentary"]
            quo = [i for i in ids if voices[i] == "quote"]
            row.update(
                sentences_commentary=len(com),
                sentiment_mean_commentary=_aggregate(sentiment, com),
                sentences_quotes=len(quo),
                sentiment_mean_quotes=_aggregate(sentiment, quo),
            )
        else:
            row.update(
                sentences_commentary=math.nan,
                sentiment_mean_commentary=math.nan,
                sentences_quotes=math.nan,
                sentiment_mean_quotes=math.nan,
            )
        if loaded_sentence is None:
            row["loaded_terms"] = math.nan
        else:
            idset = set(ids)
            row["loaded_terms"] = sum(1 for k in loaded_sentence if k in idset)
        rows.append(row)
    cols = [
        "group",
        "mentions",
        "sentences",
        "shared_sentences",
        "sentiment_mean",
        "sentences_commentary",
        "sentiment_mean_commentary",
        "sentences_quotes",
        "sentiment_mean_quotes",
        "loaded_terms",
    ]
    return pd.DataFrame(rows, columns=cols)
