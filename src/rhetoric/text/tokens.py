"""One tokenisation pass per article: paragraphs, sentences and words with offsets.

Every metric reuses the :class:`Doc` built here, so an article is split once however
many metrics run over it. All offsets are Python string indices into the decoded
original text; ``Doc.clean`` has the same length as ``Doc.text`` with everything that
is not body prose (site chrome, promos, comments, Markdown markup) blanked to spaces,
so a regular expression run over ``clean`` reports offsets into the original text.

Definitions (also in the README):

* **word**: a maximal run of letters or digits, which may contain internal
  apostrophes (``’`` or ``'``), hyphens, or (between digits) ``.`` and ``,``:
  ``don't``, ``China-Russia``, ``69.53``; an initialism with stops (``U.S.``) and a
  word with an editorial insertion (``(t)he``) are one word each. Punctuation and
  symbols are not words.
* **sentence**: a stretch of a body paragraph ending in ``.``, ``!``, ``?`` or ``…``
  (plus any closing quotation marks and brackets) that is followed by white space and
  then a capital letter, a digit or an opening quotation mark; a paragraph end always
  ends a sentence (so headings without a final stop are sentences of their own).
  Common abbreviations (``Mr.``, ``St.``, ``Jan.``), initialisms with stops (``U.S.``,
  ``N.Y.C.``) and single initials do not end sentences.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rhetoric.datafiles import package_csv_rows

WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W_])"  # initialisms: U.S., e.g.
    r"|(?:\(\w\))?[^\W_]+(?:(?:['’\-]|(?<=\d)[.,](?=\d))[^\W_]+)*"  # "(t)he", don't, 69.53
)
"""A word: letters/digits with internal apostrophes, hyphens and digit separators."""


def _fast_word_re(word: str, letter: str) -> re.Pattern[str]:
    """:data:`WORD_RE` rewritten to be found faster, the same matches (tests compare).

    Every match starts with one character class (a word character or ``(``) the search
    can skip to; the branch for ``(t)he`` comes last (it and the others start with
    different characters); an initialism's stop is looked for before its letter; the
    separators inside a word are one class, then the rule for each (a word after ``'``
    or ``-``, a digit after ``.`` or ``,`` between digits); runs are possessive (giving
    characters back never leads to a match: a separator is no word character).
    ``word`` and ``letter`` are the classes of word characters and letters: ``\\w`` and
    ``[^\\W\\d]`` stand for ``[^\\W_]`` and ``[^\\W\\d_]`` in text without ``_``.
    """
    rest = rf"(?:['’\-.,](?:(?<=['’\-]){word}++|(?<=\d[.,])(?=\d){word}++))*+"
    return re.compile(
        rf"[\w(](?:(?<={word})(?:\.(?<={letter}\.)(?:{letter}\.)+(?!{word})"  # "U.S."
        rf"|{word}*+{rest})"  # don't, China-Russia, 69.53
        rf"|(?<=\()\w\){word}++{rest})"  # "(t)he"
    )


_WORD_FAST_RE = _fast_word_re(r"[^\W_]", r"[^\W\d_]")
_WORD_NO_UNDERSCORE_RE = _fast_word_re(r"\w", r"[^\W\d]")
"""The words of a text: :data:`WORD_RE`'s matches, found faster (the second for text
without ``_``)."""

_span = re.Match.span
_PARAGRAPH_RE = re.compile(r"\S(?:[^\n]*\S)?")  # one line of the masked text, trimmed

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_SENT_END_PLAIN = (
    r"(?:[.!?]+|…)[" + re.escape(_CLOSERS) + r"]*(?=\s+[" + re.escape(_OPENERS) + r"]*[A-Z0-9])"
)
_SENT_END_RE = re.compile(
    r"[.!?…](?:(?<=[.!?])[.!?]*+)?+[" + re.escape(_CLOSERS) + r"]*+"  # no stop after "…"
    r"(?=(\s+)[" + re.escape(_OPENERS) + r"]*[A-Z0-9])"
)
"""A sentence's end: the plain pattern's matches, found faster (tests compare). It starts
with one character class the search skips to; its runs are possessive (a stop or a
closer given back is followed by no white space); group 1 is the white space after it,
up to the next sentence."""

_ASCII_TOKEN = string.ascii_letters + "."
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "n.y" of "N.Y.", "u.s.a" of "U.S.A."
ABBREVIATIONS = frozenset(row["term"] for row in package_csv_rows("abbreviations.csv", ("term",)))
"""Short forms whose stop ends no sentence, lower-cased without the final stop
(``rhetoric/data/abbreviations.csv``: term, category, note)."""


@dataclass(frozen=True)
class Doc:
    """Tokens of one article's body, every span an offset pair into ``text``."""

    text: str
    clean: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    words: tuple[tuple[int, int], ...]
    word_sentence: tuple[int, ...] = field(repr=False)

    def span_text(self, start: int, end: int) -> str:
        """The clean text of a span with runs of white space folded to one space."""
        return " ".join(self.clean[start:end].split())

    def sentence_text(self, i: int) -> str:
        """Clean text of sentence ``i`` (what VADER and the readability formulas see)."""
        return self.span_text(*self.sentences[i])

    def word_text(self, i: int) -> str:
        start, end = self.words[i]
        return self.text[start:end]

    @cached_property
    def word_starts(self) -> tuple[int, ...]:
        """The start offset of every word, computed once (for ``bisect``)."""
        return tuple(s for s, _ in self.words)

    @cached_property
    def word_ends(self) -> tuple[int, ...]:
        """The end offset of every word, computed once (for ``bisect``)."""
        return tuple(e for _, e in self.words)

    @cached_property
    def word_texts(self) -> tuple[str, ...]:
        """The text of every word (``word_text(i)`` for all ``i``), computed once."""
        text = self.text
        return tuple([text[s:e] for s, e in self.words])

    @cached_property
    def sentence_words(self) -> tuple[tuple[int, int], ...]:
        """For each sentence, the half-open range ``(first, last + 1)`` of its words."""
        ranges = [[0, 0] for _ in self.sentences]
        seen = [False] * len(self.sentences)
        for w, s in enumerate(self.word_sentence):
            if not seen[s]:
                ranges[s][0] = w
                seen[s] = True
            ranges[s][1] = w + 1
        for s, r in enumerate(ranges):
            if not seen[s]:  # a sentence with no words: an empty range at the right place
                nxt = next((ranges[t][0] for t in range(s + 1, len(ranges)) if seen[t]), None)
                r[0] = r[1] = len(self.words) if nxt is None else nxt
        return tuple((a, b) for a, b in ranges)

    @property
    def n_words(self) -> int:
        return len(self.words)

    @cached_property
    def sentence_starts(self) -> tuple[int, ...]:
        """The start offset of every sentence, computed once (for ``bisect``)."""
        return tuple(s for s, _ in self.sentences)

    @cached_property
    def sentence_ends(self) -> tuple[int, ...]:
        """The end offset of every sentence, computed once."""
        return tuple(e for _, e in self.sentences)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding character ``offset``, or -1 when none does
        (headline, chrome, the space between sentences)."""
        return span_at(self.sentence_starts, self.sentence_ends, offset)

    def sentence_from(self, offset: int) -> int:
        """Index of the last sentence that starts at or before ``offset`` (0 before the
        first): the sentence a quote or cue at ``offset`` belongs to, even in a gap."""
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    @cached_property
    def paragraph_starts(self) -> tuple[int, ...]:
        """The start offset of every paragraph, computed once."""
        return tuple(s for s, _ in self.paragraphs)

    def paragraph_from(self, offset: int) -> int:
        """Index of the last paragraph that starts at or before ``offset`` (0 before the
        first)."""
        return max(bisect_right(self.paragraph_starts, offset) - 1, 0)

    def count_words(self, start: int, end: int) -> int:
        """How many words start in ``[start, end)``: the word count of every span."""
        starts = self.word_starts
        return bisect_left(starts, end) - bisect_left(starts, start)


def span_at(starts: Sequence[int], ends: Sequence[int], offset: int) -> int:
    """Index of the span holding ``offset`` among sorted, non-overlapping spans
    (``starts[i] <= offset < ends[i]``), or -1 when none does."""
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < ends[k] else -1


def span_within(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one of the sorted, non-overlapping spans."""
    k = bisect_right(starts, start) - 1
    return k >= 0 and end <= ends[k]


def _is_abbreviation(clean: str, para_start: int, dot: int) -> bool:
    """True when the ``.`` at ``dot`` closes an abbreviation or an initial."""
    # back over the letters and stops before the dot: ASCII ones stripped at once
    i = max(para_start, dot - 32)
    i += len(clean[i:dot].rstrip(_ASCII_TOKEN))
    while i > para_start and (clean[i - 1].isalpha() or clean[i - 1] == "."):
        i -= 1
    token = clean[i:dot].lower()
    if not token or (i > para_start and clean[i - 1] in "'’"):  # "Mary’s." is no initial
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "J. Smith"
        return True
    return token in ABBREVIATIONS or _INITIALISM.fullmatch(token) is not None


def split_sentences(clean: str, paragraphs: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Split each paragraph of ``clean`` into sentences (see module docstring)."""
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        start = p_start
        for m in _SENT_END_RE.finditer(clean, p_start, p_end):
            if (
                clean[m.start()] == "."
                and m.group().rstrip(_CLOSERS) == "."
                and _is_abbreviation(clean, p_start, m.start())
            ):
                continue
            out.append((start, m.end()))
            start = m.end(1)  # after the white space (in the paragraph: it ends in \S)
        if start < p_end:
            out.append((start, p_end))
    return out


def tokenize(text: str, clean: str | None = None) -> Doc:
    """Build the :class:`Doc` of an article.

    ``clean`` is the masked text (same length as ``text``); by default the whole of
    ``text`` is body. Paragraphs are the non-blank lines of ``clean``, trimmed.
    """
    if clean is None:
        clean = text
    if len(clean) != len(text):
        raise ValueError("clean text must have the same length as the original text")
    paragraphs_t = tuple(map(_span, _PARAGRAPH_RE.finditer(clean)))
    sentences = tuple(split_sentences(clean, paragraphs_t))
    # Words are searched in the whole text at once: every character outside the
    # paragraphs, and between sentences, is white space, which no word holds or needs
    # to see around it; then each sentence takes those that start in it.
    regex = _WORD_FAST_RE if "_" in clean else _WORD_NO_UNDERSCORE_RE
    words = tuple(map(_span, regex.finditer(clean)))
    starts, ends = tuple(zip(*words, strict=True)) or ((), ())
    word_sentence: list[int] = []
    ranges: list[tuple[int, int]] = []
    first = 0
    for i, (_, e) in enumerate(sentences):
        last = bisect_left(starts, e, first)
        word_sentence += [i] * (last - first)
        ranges.append((first, last))
        first = last
    doc = Doc(text, clean, paragraphs_t, sentences, words, tuple(word_sentence))
    # what the cached properties give, found here at once
    doc.__dict__["sentence_words"] = tuple(ranges)
    doc.__dict__["word_starts"], doc.__dict__["word_ends"] = starts, ends
    return doc


class WordCache(dict):
    """``func`` of each word type, computed once: read a Doc's words with
    ``map(cache.__getitem__, words)``, a loop in C (a hit costs half of what
    ``functools.lru_cache`` takes). It starts afresh when it holds ``maxsize`` words."""

    def __init__(self, func: Callable[[str], Any], maxsize: int) -> None:
        super().__init__()
        self.func = func
        self.maxsize = maxsize

    def __missing__(self, word: str) -> Any:
        value = self.func(word)
        if len(self) >= self.maxsize:
            self.clear()
        self[word] = value
        return value


def merge_spans(spans: Iterable[Sequence[int]]) -> list[tuple[int, int]]:
    """Sort ``(start, end, ...)`` spans and merge those that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((int(sp[0]), int(sp[1])) for sp in spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def words_within(doc: Doc, spans: Iterable[Sequence[int]]) -> list[bool]:
    """For each word of ``doc``, whether it lies wholly inside one of ``spans`` (spans
    that overlap or touch are merged first, see :func:`merge_spans`).

    This is how every measure decides that a word is "in a quote".
    """
    flags = [False] * len(doc.words)
    starts, ends = doc.word_starts, doc.word_ends  # both increasing: words do not overlap
    for s, e in merge_spans(spans):
        first = bisect_left(starts, s)  # the first word starting in the span
        stop = bisect_right(ends, e)  # after the last word ending in it
        if stop > first:
            flags[first:stop] = [True] * (stop - first)
    return flags


def grouped_alternation(alternatives: Sequence[str]) -> str:
    """``"|".join(alternatives)`` rewritten as the same regular expression, faster.

    Runs of alternatives that start with a literal ASCII letter or digit are grouped
    by that character, e.g. ``said|says|told`` becomes ``s(?:aid|ays)|t(?:old)``: at a
    position where the first character fails, the whole group fails at once instead
    of alternative by alternative. Only alternatives whose first characters cannot
    match the same character change order (different letters, ignoring case: under
    ``re.IGNORECASE`` an ASCII letter matches its two cases and a few non-ASCII
    characters, never another letter's), so the same alternative wins at every
    position. Any other alternative (an escape, a class) ends the run and stays in
    place, and so does a letter that another run member has in the other case.
    """
    out: list[str] = []
    groups: dict[str, list[str]] = {}  # the current run, by first character

    def flush() -> None:
        for key, rests in groups.items():
            out.append(key + "(?:" + "|".join(rests) + ")")
        groups.clear()

    for alt in alternatives:
        first = alt[:1]
        if first.isascii() and first.isalnum() and alt[1:2] not in ("*", "+", "?", "{"):
            if first not in groups and any(k.lower() == first.lower() for k in groups):
                flush()  # "S…" after "s…": under IGNORECASE both may match at one place
            groups.setdefault(first, []).append(alt[1:])
        else:
            flush()
            out.append(alt)
    flush()
    return "|".join(out)
