"""Quotation spans in an article body: found, paired and classified.

A **quotation** is a stretch of body text between a pair of quotation marks. The
marks recognised are straight and curly double quotes (``"`` ``“`` ``”`` ``„``),
guillemets (``«`` ``»`` ``‹`` ``›``), and single quotes (``‘`` ``’`` ``'``) where they
are used as quotation marks rather than apostrophes. Only ``Doc.clean`` within
``Doc.paragraphs`` is searched, so marks in site chrome, promos and reader comments
(already blanked by the body extractor) are never seen.

Pairing rules (per paragraph, with a stack so quotes can nest):

* ``“`` and ``„`` always open; ``”`` closes the innermost open double quote (a
  stray ``”`` before a word, with nothing open, opens one). A straight ``"`` opens
  when it stands before a word (space or opening punctuation before it) and closes
  when it stands after one; otherwise it toggles.
* A ``"`` or ``'`` directly after a digit is an inch, foot or minute mark
  (``5'11"``, ``a 12" record``) unless a quote of the same family is open.
* ``’`` and ``'`` between two letters are apostrophes (``don’t``); after a word with
  no single quote open they are possessives or elisions (``leaders’``); ``‘`` or
  ``'`` before a digit (``’90s``) is an elision. A single opening mark that is never
  closed within its paragraph is taken to be an apostrophe, not a quote.
* A paragraph that ends inside a double quote continues the quotation when the next
  paragraph opens with a quotation mark (the newspaper convention for quotes over
  several paragraphs); the quote then has one *part* per paragraph.
* A double quote that is never closed ends at a sensible boundary and is marked
  ``unclosed`` (and a warning is issued): at the paragraph end, or, when a second
  opening mark of the same kind appears first, at the first dash, semicolon or
  sentence end after the opening mark (else just before the second mark).
* Two quotes in one paragraph separated only by a short attribution
  (``“…,” he said, “…”``) are one quotation with two parts.

Editorial insertions (``(t)he``, ``[sic]``, ``(Both leaders)``) and ellipses are part
of the quote because they lie between its marks.

Classification (``kind``), applied in this order:

1. ``title``: the quote follows a naming cue (``titled``, ``entitled``,
   ``headlined``, or a work noun such as *book*, *article*, *film*, *report*,
   *statement* titled or called ...) within four words, or (when the quote has three
   or more words and no speech verb attached) every word of four or more letters is
   capitalised, as in ``“Saturday Night Live”``. A quote nested in a title is a title.
2. ``scare``: three words or fewer, not a whole paragraph, not introduced by a colon,
   and no speech verb in the same sentence before it or right after it (a verb after
   it does not count when the quote follows *on*, *in*, *at*, *during*, *from* or *of*:
   ``on CBS's “Face the Nation,” Sanders said`` names a programme). A quote after
   *so-called* is always ``scare``. Ambiguity: a short partial quote of a source the
   article has been discussing, with no speech verb in its sentence, is counted as
   scare; the rule prefers the author's voice when the text does not name a speaker.
3. ``direct``: everything else: reported speech or writing.

Quotes nested inside a direct quote (``depth`` 1 or more) are kept, with the parent's
kind unless a title cue applies; they are not counted separately by
:mod:`rhetoric.measures.voice`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

import heapq
import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rhetoric.datafiles import package_csv_rows
from rhetoric.frozen import build
from rhetoric.text.tokens import Doc, grouped_alternation, merge_spans, span_within

__all__ = [
    "Quote",
    "SPEECH_VERBS",
    "SPEECH_VERB_RE",
    "find_quotes",
    "direct_spans",
    "records",
    "to_frame",
]

KINDS = ("direct", "scare", "title")

SPEECH_VERBS = frozenset(
    form
    for row in package_csv_rows("speech_verbs.csv", required=("verb", "forms"))
    for form in (row["verb"], *row["forms"].split("|"))
    if form
)
"""Verbs that introduce reported speech or writing (all inflections listed)."""

_SPEECH_VERB_ALTERNATIVES = [
    *sorted(SPEECH_VERBS, key=len, reverse=True),
    *("pointed out", "points out", "put it", "puts it"),
]
SPEECH_VERB_RE = re.compile(
    r"(?<![\w’'-])(?:" + grouped_alternation(_SPEECH_VERB_ALTERNATIVES) + r")(?![\w’'-])",
    re.IGNORECASE,
)
# the same search, faster: every verb starts with a letter a-z (a test checks it), and
# saying so first lets the search skip the other characters before its look-behind
_SPEECH_VERB_SEARCH = re.compile("(?=[a-z])" + SPEECH_VERB_RE.pattern, re.IGNORECASE)

_TITLE_WORDS = (
    *("titled", "entitled", "subtitled", "headlined", "headline", "captioned", "hashtag"),
    *("book", "books", "novel", "memoir", "article", "op-ed", "oped", "column", "essay"),
    *("editorial", "film", "movie", "documentary", "song", "album", "poem", "play", "show"),
    *("series", "programme", "program", "episode", "podcast", "paper"),
)
_TITLE_NOUNS = (
    *("book", "novel", "article", "column", "essay", "report", "film", "movie", "song"),
    *("album", "show", "paper", "study", "statement", "document", "speech", "campaign"),
    *("slogan", "program", "programme", "series", "doctrine", "plan"),
)
_TITLE_NAMING = ("called", "named", "dubbed")
_TITLE_CUE_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(_TITLE_WORDS)
    + "|(?:"
    + "|".join(_TITLE_NOUNS)
    + r")\s+(?:"
    + "|".join(_TITLE_NAMING)
    + r"))(?![\w-])[\s,:]*$",
    re.IGNORECASE,
)
_TITLE_CUE_LENGTH = max(
    *map(len, _TITLE_WORDS), max(map(len, _TITLE_NOUNS)) + 1 + max(map(len, _TITLE_NAMING))
)
"""The longest naming cue in words joined by one space (the regular expression matches
one character for each of the pattern's)."""
_TITLE_CUE_ENDINGS = (*_TITLE_WORDS, *_TITLE_NAMING)
"""The words a naming cue ends with."""
_SO_CALLED_RE = re.compile(r"so[-\s]called\s*$", re.IGNORECASE)

CUE_WINDOW = 1000
"""Cues for a quote (a speech verb, "according to", a speaker) are looked for at most
this many characters before it, even inside a longer sentence: real cues are much
closer, and the bound keeps the time linear in the length of the text."""
_NON_SPACE = re.compile(r"\S")


def is_blank(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is white space only (``str.isspace``'s), found by a
    search rather than by slicing and stripping: asked per quote of a stretch as long
    as the text (a paragraph's start to the quote), a slice would make it quadratic."""
    return _NON_SPACE.search(text, start, end) is None


_ALNUM = re.compile(r"[^\W_]")
"""A character of ``str.isalnum()`` (``\\w`` is those and ``_``; a test checks every one)."""

_ALL_MARKS = "\"“”„«»‹›‘’'"
_FILLER = "\x01"  # stands in for the first apostrophe of ''
_MARK_RE = re.compile("[" + re.escape(_ALL_MARKS) + "]")
_OPEN_PUNCT = "([{—–-/…" + _FILLER + _ALL_MARKS
_CLOSE_PUNCT = ".,;:!?)]}—–-/…" + _ALL_MARKS


@dataclass(frozen=True)
class Quote:
    """One quotation: offsets into ``doc.text``; ``parts`` are the marked spans.

    ``start``/``end`` cover the whole quotation, marks included (for a quote split by
    an attribution this outer extent includes the attribution; use ``parts`` to
    shade only the quoted words). ``content_start``/``content_end`` exclude the outer
    marks. ``text`` is the quoted words without marks, parts joined by a space.
    ``depth`` is 0 for a top-level quote, 1 for a quote inside a quote, and so on.
    ``speaker``/``affiliation``/``speaker_kind``/``rule``/``speaker_start``/
    ``speaker_end``/``speaker_confidence`` are filled by
    :func:`rhetoric.measures.attribution.attribute`.
    """

    start: int
    end: int
    text: str
    kind: str
    unclosed: bool = False
    content_start: int = 0
    content_end: int = 0
    parts: tuple[tuple[int, int], ...] = ()
    depth: int = 0
    n_words: int = 0
    speaker: str | None = None
    affiliation: str | None = None
    speaker_kind: str | None = None
    rule: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_confidence: float | None = None

    def record(self) -> dict:
        """JSON-ready dict (``parts`` as lists)."""
        d = dict(vars(self))  # the fields, in order (asdict would deep-copy them)
        d["parts"] = [list(p) for p in self.parts]
        return d


def records(quotes: list[Quote]) -> list[dict]:
    """JSON-ready records of quotes: start, end, text, kind, speaker, affiliation, ..."""
    return [q.record() for q in quotes]


def to_frame(quotes: list[Quote]) -> pd.DataFrame:
    """One row per quote (columns as in :meth:`Quote.record`)."""
    cols = list(Quote.__dataclass_fields__)
    import pandas as pd

    return pd.DataFrame(records(quotes), columns=cols)


def direct_spans(quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sorted, merged ``(start, end)`` spans (marks included) of top-level direct quotes.

    Use these for "is this word inside a direct quote?" tests (loaded terms,
    sentiment by voice). Parts are used, so an attribution splitting a quote is
    outside the spans.
    """
    return merge_spans(p for q in quotes if q.kind == "direct" and q.depth == 0 for p in q.parts)


# --------------------------------------------------------------------------- pairing


_FAMILY = dict.fromkeys('"“”„', "D") | dict.fromkeys("«»", "G") | dict.fromkeys("‹›", "g")
"""The family of a double mark, a guillemet and a single guillemet (single quotes: S)."""


@dataclass
class _Open:
    pos: int
    ch: str
    family: str


@dataclass
class _Raw:
    start: int  # opening mark
    end: int  # one past the closing mark (or the boundary for an unclosed quote)
    unclosed: bool
    para: int
    cont_open: bool = False  # ends a paragraph still open, continued in the next one


def _soft_end(doc: Doc, start: int, limit: int) -> int:
    """First dash/semicolon/sentence boundary after ``start`` (after a word), else ``limit``."""
    clean = doc.clean
    m = re.compile(r"\w[^\s]*?(\s+[–—]\s|\s*;|[.!?…](?=\s))").search(clean, start + 1, limit)
    end = m.start(1) if m else limit
    if m and clean[m.start(1)] in ".!?…":
        end = m.start(1) + 1
    while end > start + 1 and clean[end - 1].isspace():
        end -= 1
    return end


def _pair_paragraph(doc: Doc, pi: int, raws: list[_Raw]) -> None:
    """Pair the marks of paragraph ``pi``, appending the quotes found to ``raws``."""
    p_start, p_end = doc.paragraphs[pi]
    # Two straight apostrophes ('') are a double quotation mark (a typewriter and
    # newswire convention): pair them as one " placed on the second apostrophe.
    clean = doc.clean
    if clean.find("''", p_start, p_end) >= 0:  # rare: only then build the altered view
        view = list(clean)
        for m in re.finditer("''", clean[p_start:p_end]):
            view[p_start + m.start()] = _FILLER
            view[p_start + m.start() + 1] = '"'
        clean = "".join(view)
    stack: list[_Open] = []

    def unclosed(opens: list[_Open], limit: int) -> None:
        """Quotes for marks never closed: each ends at a clause boundary, before the
        next unclosed mark of its family, or at ``limit``."""
        nxt: dict[str, int] = {}
        for op in reversed(opens):
            if op.family != "S":
                raws.append(
                    _Raw(op.pos, _soft_end(doc, op.pos, nxt.get(op.family, limit)), True, pi)
                )
                nxt[op.family] = op.pos

    def close(top_index: int, i: int) -> None:
        op = stack[top_index]
        if top_index + 1 < len(stack):
            unclosed(stack[top_index + 1 :], i)  # opened inside, never closed
        del stack[top_index:]
        raws.append(_Raw(op.pos, i + 1, False, pi))

    def top_of(fam: str) -> int | None:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].family == fam:
                return k
        return None

    for mark in _MARK_RE.finditer(clean, p_start, p_end):
        i = mark.start()
        ch = clean[i]
        if ch in "’'" and p_start < i < p_end - 1 and clean[i - 1 : i + 2 : 2].isalnum():
            continue  # an apostrophe inside a word ("China’s"), as below, sooner
        prev = clean[i - 1] if i > p_start else " "
        nxt = clean[i + 1] if i + 1 < p_end else " "
        left = (prev.isspace() or prev in _OPEN_PUNCT) and not nxt.isspace()
        right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_PUNCT)
        fam = _FAMILY.get(ch, "S")
        k = top_of(fam) if stack else None
        if fam == "D":
            if ch in '"”' and prev.isdigit() and k is None:
                continue  # inch mark
            if ch == "”" or (ch == "“" and k is not None and stack[k].ch == "„"):
                if k is not None and (ch == "”" or right):
                    close(k, i)
                elif k is None and left and nxt.isalnum():  # ” typed for “
                    stack.append(_Open(i, ch, fam))
                continue
            if ch == '"':
                if k is not None and (right or not left):
                    close(k, i)
                elif left or k is None:
                    if k is not None:  # a second opener: the first never closed
                        op = stack[k]
                        raws.append(_Raw(op.pos, _soft_end(doc, op.pos, i), True, pi))
                        del stack[k:]
                    stack.append(_Open(i, ch, fam))
                continue
            # “ or „ opening
            if k is not None:
                if right and not left:  # “ typed for ”: it pairs better as a closer
                    close(k, i)
                    continue
                op = stack[k]
                raws.append(_Raw(op.pos, _soft_end(doc, op.pos, i), True, pi))
                del stack[k:]
            stack.append(_Open(i, ch, fam))
        elif fam in "Gg":
            opener, closer = ("«", "»") if fam == "G" else ("‹", "›")
            if k is not None and stack[k].ch != ch and right:
                close(k, i)
            elif ch == opener or left:
                stack.append(_Open(i, ch, fam))
        else:  # single quotes
            if prev.isalnum() and nxt.isalnum():
                continue  # apostrophe inside a word
            if ch in "’'" and k is not None and right and not left:
                if i - stack[k].pos > 2:
                    close(k, i)
                continue
            if ch in "‘'" and left and nxt.isalpha() and not prev.isdigit():
                stack.append(_Open(i, ch, fam))
    open_double = [op for op in stack if op.family != "S"]
    if not open_double:
        return
    first = open_double[0]
    # Newspaper convention: the next paragraph reopens the quote.
    nxt_para = doc.paragraphs[pi + 1] if pi + 1 < len(doc.paragraphs) else None
    continues = (
        nxt_para is not None
        and (clean[nxt_para[0]] in '"“„«»' or doc.clean[nxt_para[0] : nxt_para[0] + 2] == "''")
        and first.family != "S"
    )
    unclosed(open_double[1:], p_end)
    # the first runs to the paragraph end, or to the next unclosed mark of its family
    later = [op.pos for op in open_double[1:] if op.family == first.family]
    if later:
        raws.append(_Raw(first.pos, _soft_end(doc, first.pos, later[0]), True, pi))
    else:
        raws.append(_Raw(first.pos, p_end, not continues, pi, cont_open=continues))


# ----------------------------------------------------------------------- classifying


def _mask(clean: str, s: int, e: int, spans: list[tuple[int, int]]) -> str:
    """``clean[s:e]`` with the given spans blanked (keeps offsets)."""
    if not spans:
        return clean[s:e]
    out = []
    pos = s
    for a, b in sorted(spans):
        a, b = max(a, pos), min(b, e)
        if a < b:
            out += [clean[pos:a], " " * (b - a)]
            pos = b
    out.append(clean[pos:e])
    return "".join(out)


# The three possessive runs (``*+``, ``++``) match what the plain ones match, with the
# same first match: a verb starts with a letter, so it never starts in characters the
# comma-and-space run or the space run would give back; characters the capitalised
# word would give back hold no white space, so the lazy run after them reaches only
# spaces that the run after the whole word reached first (a test compares the two).
_AFTER_CUE_RE = re.compile(
    r"[\s,]*+(?:(?:(?-i:[A-Z])[\w.’'-]*+|he|she|they|it|we|I|the|a|an)[^\n,.;:!?“”\"«»]{0,60}?\s++)?"
    r"(?P<verb>" + SPEECH_VERB_RE.pattern + r")",
    re.IGNORECASE,
)


_NAME_PLACE_RE = re.compile(
    r"(?i)(?<![\w-])(?:on|in|at|during|from|of)\s+(?:(?-i:[A-Z])[\w.-]*['’]s\s+)?[‖\s]*$"
)
"""A quote right after *on*, *in*, *during* … (``an appearance on CBS's “Face the
Nation,” Sanders said``) names a programme or a work: a cue after it is not its."""
_PROGRAMME_RE = re.compile(
    r"(?i)(?<![\w-])(?:on|in|at|during)\s+(?:(?-i:[A-Z])[\w.-]*['’]s\s+)?[‖\s]*$"
)
"""A title-case quote right after *on*, *in*, *at* or *during* (``Sanders said on NBC's
“Meet the Press”``) is a programme or a work even with a speech verb before it (*of* and
*from* are left out: ``chants of “Trump, Trump, Trump”``)."""


def has_cue_after(doc: Doc, pos: int, limit: int) -> bool:
    """A speech verb right after a closing mark: ``,” he said`` / ``,” said Xi``."""
    m = _AFTER_CUE_RE.match(doc.clean, pos, min(limit, pos + 120))  # a cue is near
    return bool(m) and len(doc.clean[pos : m.start("verb")].split()) <= 8


def _cue_before(region: str) -> bool:
    return bool(_SPEECH_VERB_SEARCH.search(region)) or "according to" in region.lower()


def _title_cue(tail: str) -> bool:
    """``_TITLE_CUE_RE.search(tail)`` for words joined by single spaces. A match ends
    where ``tail`` does without its last spaces, commas and colons, so it starts at
    most :data:`_TITLE_CUE_LENGTH` characters before: the search starts there (its
    look-behind still sees the character before). The match ends with one of the cue's
    last words: where those characters are ASCII (which match only ASCII letters of
    either case), they end so in lower case or there is no match."""
    end = len(tail)
    while end and (tail[end - 1].isspace() or tail[end - 1] in ",:"):  # = [\s,:]
        end -= 1
    start = max(0, end - _TITLE_CUE_LENGTH)
    window = tail[start:end]
    if window.isascii() and not window.lower().endswith(_TITLE_CUE_ENDINGS):
        return False
    return _TITLE_CUE_RE.search(tail, start) is not None


def _so_called(before: str) -> bool:
    """``_SO_CALLED_RE.search(before)``: a match is nine characters and white space to
    the end (``str.isspace`` is ``\\s``), so the search starts nine characters before the
    end of ``before.rstrip()``."""
    return _SO_CALLED_RE.search(before, max(0, len(before.rstrip()) - 9)) is not None


def _classify(doc, raw_quotes, word_starts) -> list[str]:
    clean = doc.clean
    kinds: list[str] = []
    all_parts = sorted((p for q in raw_quotes for p in q["parts"]), key=lambda p: p[1])
    part_ends = [p[1] for p in all_parts]
    for q in raw_quotes:
        s, e = q["start"], q["end"]
        pi = doc.paragraph_from(s)  # the paragraph the quote starts in
        p_start, p_end = doc.paragraphs[pi]
        lo = max(p_start, s - CUE_WINDOW)
        before = clean[lo:s]
        starts_para = is_blank(clean, p_start, s)
        # naming cue, possibly at the end of the previous paragraph ("titled:")
        prev_text = before
        if starts_para and pi > 0:
            a, b = doc.paragraphs[pi - 1]
            prev_text = clean[max(a, b - CUE_WINDOW) : b]
        tail = " ".join(prev_text.rsplit(None, 4)[-4:])  # its last four words
        if _title_cue(tail):
            kinds.append("title")
            continue
        if _so_called(before):
            kinds.append("scare")
            continue
        sent_s, _ = doc.sentences[doc.sentence_from(s)]
        lo = max(sent_s, lo)
        inside = all_parts[bisect_right(part_ends, lo) : bisect_right(part_ends, s)]
        region = _mask(clean, lo, s, inside)
        cue = _cue_before(region) or (
            has_cue_after(doc, e, p_end) and not _NAME_PLACE_RE.search(region[-40:])
        )
        colon = prev_text.rstrip().endswith(":")
        nw = 0
        for a, b in q["parts"]:
            nw += doc.count_words(a, b)
        if nw >= 3 and (not cue or _PROGRAMME_RE.search(region[-40:])):
            words = (
                clean[a:b]
                for ps, pe in q["parts"]
                for a, b in doc.words[bisect_left(word_starts, ps) : bisect_left(word_starts, pe)]
            )
            if _title_case(words):
                kinds.append("title")
                continue
        if nw <= 3 and not cue and not colon and not starts_para:
            inner = " ".join(clean[a + 1 : b - 1] for a, b in q["parts"])
            if not _SENTENCE_LIKE_RE.match(inner):
                kinds.append("scare")
                continue
        kinds.append("direct")
    return kinds


def _title_case(words: Iterable[str]) -> bool:
    """True when at least two of ``words`` are long (4+ letters, letters only), every
    long one starts with a capital and the first is not all capitals ("NATO")."""
    n_long = 0
    for w in words:
        if len(w) >= 4 and w.isalpha():
            if not w[0].isupper() or (n_long == 0 and w.isupper()):
                return False  # decided at the first long word in lower case
            n_long += 1
    return n_long >= 2


_SENTENCE_LIKE_RE = re.compile(r"\W*[A-Z0-9].*[.!?…]\W*$", re.S)
_GAP_RE = re.compile(r"^[,\s]*[^.!?“”\"«»\n]{1,70}?[,:]\s*$")


def _clip_unclosed(raws: list[_Raw]) -> None:
    """End an unclosed quote where a quote starting inside it would cross its end, so
    that quotes nest or follow each other and no word is counted in two top-level
    quotes. ``raws`` is sorted by start."""
    starts = [r.start for r in raws]
    for i, r in enumerate(raws):
        if not r.unclosed:
            continue
        for o in raws[i + 1 : bisect_left(starts, r.end, lo=i + 1)]:
            if o.start > r.start and o.end > r.end:
                r.end = o.start
                break


def _sweep(
    quotes: list[dict], spans: list[tuple[int, int, int]]
) -> Iterator[tuple[int, dict, list[tuple[int, int, int]]]]:
    """For each quote in order of start, the sorted ``(start, end, quote index)`` spans
    that start at or before it and end at or after its start: the only ones that can
    contain it. A sweep with a heap, so each span is handled twice, not once per quote."""
    heap: list[tuple[int, int, int]] = []
    k = 0
    for i, q in enumerate(quotes):
        qs = q["start"]
        while k < len(spans) and spans[k][0] <= qs:
            a, b, j = spans[k]
            heapq.heappush(heap, (b, a, j))
            k += 1
        while heap and heap[0][0] < qs:
            heapq.heappop(heap)
        yield i, q, [(a, b, j) for b, a, j in heap]


def _depths(quotes: list[dict]) -> list[int]:
    """For each of ``quotes`` (sorted by start), how many other quotes have a part
    containing it. When no part overlaps another, none does: a part around a quote
    would overlap the quote's first part (every part holds a character)."""
    parts = sorted((a, b, i) for i, o in enumerate(quotes) for a, b in o["parts"])
    if all(p[1] <= n[0] for p, n in zip(parts, parts[1:], strict=False)):
        return [0] * len(quotes)
    depths = []
    for i, q, spanning in _sweep(quotes, parts):
        qs, qe = q["start"], q["end"]
        depths.append(
            len({j for a, b, j in spanning if j != i and qe <= b and (a != qs or b != qe)})
        )
    return depths


def find_quotes(doc: Doc) -> list[Quote]:
    """Find, pair and classify the quotations of ``doc``'s body (see module docs).

    Returns quotes sorted by start offset (outer quotes before the quotes nested in
    them). Unclosed quotes are marked ``unclosed=True`` and reported with
    :func:`warnings.warn`.
    """
    clean = doc.clean
    raws: list[_Raw] = []
    for pi in range(len(doc.paragraphs)):
        _pair_paragraph(doc, pi, raws)
    for r in raws:
        if clean[r.start - 1 : r.start + 1] == "''":
            r.start -= 1
    raws.sort(key=lambda r: (r.start, -r.end))
    _clip_unclosed(raws)
    raws = [r for r in raws if _ALNUM.search(clean, r.start, r.end)]

    # Join multi-paragraph quotes: an open-at-end part continues into the quote that
    # opens the next paragraph.
    by_start = {r.start: r for r in raws}
    used: set[int] = set()
    groups: list[list[_Raw]] = []
    for r in raws:
        if r.start in used:
            continue
        chain = [r]
        used.add(r.start)
        while chain[-1].cont_open and chain[-1].para + 1 < len(doc.paragraphs):
            nxt_start = doc.paragraphs[chain[-1].para + 1][0]
            nxt = by_start.get(nxt_start)
            if nxt is None or nxt.start in used:
                break
            chain.append(nxt)
            used.add(nxt.start)
        groups.append(chain)

    word_starts = doc.word_starts
    raw_quotes = []
    for chain in groups:
        last = chain[-1]
        unclosed = last.unclosed or last.cont_open
        raw_quotes.append(
            {
                "start": chain[0].start,
                "end": last.end,
                "parts": [(c.start, c.end) for c in chain],
                "unclosed": unclosed,
            }
        )
    raw_quotes.sort(key=lambda q: (q["start"], -q["end"]))

    for q, depth in zip(raw_quotes, _depths(raw_quotes), strict=True):
        q["depth"] = depth
    kinds = _classify(doc, raw_quotes, word_starts)
    for q, k in zip(raw_quotes, kinds, strict=True):
        q["kind"] = k
    # nested quotes take the kind of their parent (the innermost shallower quote around
    # them) unless they are titles
    spans = [(o["start"], o["end"], i) for i, o in enumerate(raw_quotes)]
    nested = any(q["depth"] for q in raw_quotes)
    for _, q, spanning in _sweep(raw_quotes, spans) if nested else ():
        if q["depth"]:
            around = [
                raw_quotes[j]
                for a, b, j in spanning
                if a < q["start"] and b >= q["end"] and raw_quotes[j]["depth"] < q["depth"]
            ]
            parent = max(around, key=lambda o: o["start"], default=None)
            if parent is not None and q["kind"] != "title":
                q["kind"] = parent["kind"]
            elif parent is not None and parent["kind"] == "title":
                q["kind"] = "title"

    # Split quotes: “…,” he said, “…” become one quote with two parts.
    para_starts, para_ends = doc.paragraph_starts, [e for _, e in doc.paragraphs]
    merged: list[dict] = []
    for q in raw_quotes:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and q["depth"] == 0
            and prev["depth"] == 0
            and prev["kind"] == q["kind"] == "direct"
            and not prev["unclosed"]
            and span_within(para_starts, para_ends, prev["end"], q["start"])  # one paragraph
        ):
            gap = clean[prev["end"] : q["start"]]
            pe = _content(clean, *prev["parts"][-1], False)[1]
            last_inner = clean[pe - 1 : pe]
            qs_ = _content(clean, *q["parts"][0], False)[0]
            first_inner = clean[qs_ : qs_ + 1]
            if (
                _GAP_RE.match(gap)
                and _SPEECH_VERB_SEARCH.search(gap)
                and len(gap.split()) <= 8
                and (last_inner == "," or first_inner.islower())
            ):
                prev["parts"] = prev["parts"] + q["parts"]
                prev["end"] = q["end"]
                prev["unclosed"] = q["unclosed"]
                continue
        merged.append(q)

    out: list[Quote] = []
    n_unclosed = 0
    for q in merged:
        parts = tuple(q["parts"])
        texts = []
        n_words = 0
        contents = []  # each part's words (the content: first start to last end)
        for k, (a, b) in enumerate(parts):
            is_open = (q["unclosed"] and k == len(parts) - 1) or _part_open(clean, b)
            ia, ib = _content(clean, a, b, is_open)
            contents.append((ia, ib))
            texts.append(" ".join(clean[ia:ib].split()))
            n_words += doc.count_words(a + 1, b)
        out.append(
            build(
                Quote,
                start=q["start"],
                end=q["end"],
                text=" ".join(t for t in texts if t),
                kind=q["kind"],
                unclosed=q["unclosed"],
                content_start=contents[0][0],
                content_end=contents[-1][1],
                parts=parts,
                depth=q["depth"],
                n_words=n_words,
            )
        )
        n_unclosed += q["unclosed"]
    if n_unclosed:
        where = ", ".join(str(q.start) for q in out if q.unclosed)
        warnings.warn(
            f"{n_unclosed} quotation mark(s) never closed (at offsets {where}); "
            "each quote was ended at a paragraph end or clause boundary",
            stacklevel=2,
        )
    return out


def _content(clean: str, a: int, b: int, open_end: bool) -> tuple[int, int]:
    """Offsets of the words of part ``[a, b)`` without its marks ('' is one mark)."""
    ia = a + (2 if clean[a : a + 2] == "''" else 1)
    ib = b if open_end else b - (2 if clean[b - 2 : b] == "''" and b - 2 >= ia else 1)
    return ia, max(ia, ib)


def _part_open(clean: str, b: int) -> bool:
    """True when a part ending at ``b`` does not end with a closing mark (a continued paragraph)."""
    return clean[b - 1] not in _ALL_MARKS
