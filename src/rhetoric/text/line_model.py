"""A learned score for each line of a page: how much it looks like article text.

Text copied from a browser ("select all, copy") or clipped to Markdown keeps the page's
menus, teaser lists, share bars and footers as lines of their own. Without the HTML,
what tells them from the article is what boilerplate-removal research has long used
(Kohlschütter et al. 2010; Pomikálek's jusText, 2011): a line's length and word count,
its share of function words, whether it ends a sentence, its capitalisation, digits and
dates, whether it sits in a run of short lines (a menu), whether it is repeated on the
page, where it sits, and above all what its neighbours look like (jusText's
context-sensitive step: a short line between paragraphs of prose is article, a short
line among menu items is not).

:func:`line_features` computes those features for every line; :class:`LineModel` is a
two-stage logistic regression over them. Stage 1 scores each line from its own and
its near neighbours' features; stage 2 adds stage 1's scores of the lines around it
(over windows of 1, 3 and 8 lines on each side). Only the weights ship
(``rhetoric/data/line_model.json``, fitted by ``scripts/train_page_model.py``); scoring
is a few dot products per line in pure Python, linear in the number of lines.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter, mul

from rhetoric.datafiles import package_csv_rows

FUNCTION_WORDS = frozenset(row["term"] for row in package_csv_rows("function_words.csv", ("term",)))
"""English closed-class words (articles, prepositions, pronouns, auxiliaries); data in
``rhetoric/data/function_words.csv`` (term, category, note)."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MONTHS = frozenset(
    ("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun")
    + ("june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct")
    + ("october", "nov", "november", "dec", "december")
)
_DATE_DIGITS = re.compile(  # written to start with a digit, so the search skips to one
    r"[0-9](?:[0-9]?:[0-9]{2}\b|[0-9]{0,3}[/.-][0-9]{1,2}[/.-][0-9]{2,4}\b|"
    r"[0-9]*\s+(?:min|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9]")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•·‣▪◦–—]|\d{1,3}[.)])\s")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_SEPARATOR = re.compile(r"\s[|·•∙/]\s")
_STOPS = ".!?…"
_CLAUSE = ".!?…:;,"
_CLOSERS = "\"'”’»)]*"
_SHORT_WORDS = 6
_GOOD_WORDS = 12
_WINDOWS = (1, 3, 8)
_BLOCK_GAP = 6
_MIN_SENTENCE_LOG = math.log1p(4)

OWN_FEATURES = (
    "words_log",
    "chars_per_word",
    "function_share",
    "ends_sentence",
    "ends_clause",
    "capitalised_share",
    "starts_lower",
    "digit_share",
    "date",
    "separators",
    "list_marker",
    "heading",
    "markup_share",
    "repeated",
    "position",
    "position_squared",
    "short_run_log",
    "good",
    "inside_good",
    "good_before_log",
    "good_after_log",
    "block_share",
    "main_block",
    "main_distance_log",
    "long_without_function_words",
    "comma_share",
    "before_main",
    "after_main",
)
NEIGHBOUR_FEATURES = ("words_log", "function_share", "ends_sentence", "good", "list_marker")
FEATURES = (
    OWN_FEATURES
    + tuple(f"prev_{f}" for f in NEIGHBOUR_FEATURES)
    + tuple(f"next_{f}" for f in NEIGHBOUR_FEATURES)
    + tuple(f"prev2_{f}" for f in NEIGHBOUR_FEATURES)
    + tuple(f"next2_{f}" for f in NEIGHBOUR_FEATURES)
)
"""Stage-1 feature names, in the order :func:`line_features` returns them."""
CONTEXT_FEATURES = ("stage1",) + tuple(
    f"{side}_{w}" for w in _WINDOWS for side in ("stage1_before", "stage1_after")
)
"""Stage-2 features added to :data:`FEATURES`: stage 1's score of the line and the mean
of stage 1's scores over the ``w`` scored lines before and after it."""


def ends_clause(line: str) -> bool:
    """True when the line ends in a sentence or clause stop (``.!?…:;,``), perhaps
    followed by closing quotation marks or brackets."""
    return _ends(line, _CLAUSE)


def _ends(line: str, stops: str) -> bool:
    end = line.rstrip(_CLOSERS + " ")
    return bool(end) and end[-1] in stops


@lru_cache(maxsize=4096)
def own_features(line: str, raw: str) -> tuple[float, ...]:
    """The features of one line by itself (position and page-level ones filled later)."""
    words = _WORD.findall(line)
    n = len(words)
    letters = len("".join(words))
    function = sum(map(FUNCTION_WORDS.__contains__, map(str.lower, words)))
    capitalised = sum(map(str.isupper, map(itemgetter(0), words)))
    digits = len(_DIGIT.findall(line))
    visible = len(line.replace(" ", ""))
    raw_visible = len(raw.replace(" ", "").replace("\t", ""))
    return (
        math.log1p(n),
        letters / n if n else 0.0,
        function / n if n else 0.0,
        float(_ends(line, _STOPS)),
        float(ends_clause(line)),
        capitalised / n if n else 0.0,
        float(line[:1].islower()),
        digits / visible if visible else 0.0,
        float(bool(digits) and _has_date(line, words)),
        float(bool(_SEPARATOR.search(line))),
        float(bool(_LIST_MARKER.match(raw))),
        float(bool(_HEADING.match(raw))),
        1.0 - visible / raw_visible if raw_visible > visible else 0.0,
    )


def _has_date(line: str, words: list[str]) -> bool:
    """A time (9:30), a numeric date (3/10/2023), "5 days ago", or a month's name next
    to a number ("March 3", "3 March 2021")."""
    if _DATE_DIGITS.search(line):
        return True
    lowered = [w.lower() for w in words]
    if _MONTHS.isdisjoint(lowered):
        return False
    last = len(lowered) - 1
    return any(
        w in _MONTHS
        and ((k < last and lowered[k + 1].isdigit()) or (k > 0 and lowered[k - 1].isdigit()))
        for k, w in enumerate(lowered)
    )


def is_good(own: tuple[float, ...]) -> bool:
    """jusText's "good" block, without HTML: a sentence of twelve words or more with
    some function words."""
    return own[0] >= math.log1p(_GOOD_WORDS) and own[4] > 0 and own[2] >= 0.15


def line_features(lines: list[str], raw: list[str] | None = None) -> list[list[float] | None]:
    """Stage-1 features (:data:`FEATURES`) of each line; None for a line without a word.

    ``lines`` are the lines as the labeller sees them (white space folded, Markdown
    markup blanked); ``raw`` the same lines before markup was blanked (list markers,
    heading hashes and the share of the line that was markup come from these).
    """
    raw = lines if raw is None else raw
    index = [i for i, line in enumerate(lines) if _WORD.search(line)]
    own = {i: own_features(lines[i], raw[i]) for i in index}
    counts: dict[str, int] = {}
    for i in index:
        key = lines[i].casefold()
        counts[key] = counts.get(key, 0) + 1
    good = [is_good(own[i]) for i in index]
    short = [
        own[i][0] < math.log1p(_SHORT_WORDS) and not own[i][4] and not g
        for i, g in zip(index, good, strict=True)
    ]
    m = len(index)
    runs = [0] * m
    k = 0
    while k < m:  # lengths of runs of short lines
        j = k
        while j < m and short[j]:
            j += 1
        for t in range(k, j):
            runs[t] = j - k
        k = max(j, k + 1)
    before = [m] * m  # scored lines since the last good line (m: none)
    last = None
    for k in range(m):
        if good[k]:
            last = k
        before[k] = k - last if last is not None else m
    after = [m] * m
    last = None
    for k in range(m - 1, -1, -1):
        if good[k]:
            last = k
        after[k] = last - k if last is not None else m
    first_good = next((k for k in range(m) if good[k]), None)
    last_good = next((k for k in range(m - 1, -1, -1) if good[k]), None)
    block, block_words = _blocks(good, [own[i][0] for i in index])
    total = sum(block_words) or 1.0
    main = max(range(len(block_words)), key=block_words.__getitem__) if block_words else None
    main_lines = [k for k in range(m) if main is not None and block[k] == main]
    rows: list[list[float]] = []
    for k, i in enumerate(index):
        position = k / (m - 1) if m > 1 else 0.0
        inside = first_good is not None and first_good <= k <= last_good  # type: ignore[operator]
        rows.append(
            list(own[i])
            + [
                float(counts[lines[i].casefold()] > 1),
                position,
                position * position,
                math.log1p(runs[k]),
                float(good[k]),
                float(inside),
                math.log1p(min(before[k], 50)),
                math.log1p(min(after[k], 50)),
                block_words[block[k]] / total if block[k] is not None else 0.0,
                float(main is not None and block[k] == main),
                math.log1p(min(_distance(k, main_lines), 50)),
                own[i][0] * max(0.0, 0.3 - own[i][2]),
                lines[i].count(",") / math.expm1(own[i][0]),
                float(bool(main_lines) and k < main_lines[0]),
                float(bool(main_lines) and k > main_lines[-1]),
            ]
        )
    picks = [FEATURES.index(f) for f in NEIGHBOUR_FEATURES]
    empty = [0.0] * len(picks)
    out: list[list[float] | None] = [None] * len(lines)
    for k, i in enumerate(index):
        ctx = []
        for step in (-1, 1, -2, 2):
            j = k + step
            ctx.extend([rows[j][p] for p in picks] if 0 <= j < m else empty)
        out[i] = rows[k] + ctx
    return out


def _blocks(good: list[bool], words_log: list[float]) -> tuple[list[int | None], list[float]]:
    """Blocks of prose: good lines at most ``_BLOCK_GAP`` lines apart and the lines
    between them. Returns each line's block (None outside every block) and each
    block's words in good lines."""
    block: list[int | None] = [None] * len(good)
    words: list[float] = []
    last: int | None = None
    for k, g in enumerate(good):
        if not g:
            continue
        if last is not None and k - last <= _BLOCK_GAP:
            for t in range(last + 1, k + 1):
                block[t] = len(words) - 1
            words[-1] += math.expm1(words_log[k])
        else:
            words.append(math.expm1(words_log[k]))
            block[k] = len(words) - 1
        last = k
    return block, words


def main_block(lines: list[str]) -> tuple[int, int] | None:
    """First and last line of the page's largest block of prose (None: no prose).

    A block is a run of lines of prose (sentences of twelve words or more with some
    function words) at most six lines apart, with the lines between them; the largest
    is the one with the most words in its lines of prose: on a page, usually the
    article. Lines ending a sentence (of four words or more) next to it join it.
    """
    index = [i for i, line in enumerate(lines) if _WORD.search(line)]
    own = [own_features(lines[i], lines[i]) for i in index]
    block, words = _blocks([is_good(o) for o in own], [o[0] for o in own])
    if not words:
        return None
    main = max(range(len(words)), key=words.__getitem__)
    inside = [k for k in range(len(index)) if block[k] == main]
    first, last = inside[0], inside[-1]
    while first > 0 and own[first - 1][3] and own[first - 1][0] >= _MIN_SENTENCE_LOG:
        first -= 1  # a sentence next to the block is the article's (a last short line)
    while last + 1 < len(index) and own[last + 1][3] and own[last + 1][0] >= _MIN_SENTENCE_LOG:
        last += 1
    return index[first], index[last]


def _distance(k: int, lines: list[int]) -> int:
    """Lines from ``k`` to the nearest of ``lines`` (sorted; 50 when there is none)."""
    if not lines:
        return 50
    if lines[0] <= k <= lines[-1]:
        return 0
    return lines[0] - k if k < lines[0] else k - lines[-1]


def _dot(weights: tuple[float, ...], row: list[float]) -> float:
    return sum(map(mul, weights, row))


def _logistic(z: float) -> float:
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def context_features(stage1: list[float]) -> list[list[float]]:
    """Stage-2 context features (:data:`CONTEXT_FEATURES`) from the stage-1 scores of
    the scored lines, in order."""
    m = len(stage1)
    prefix = [0.0]
    for p in stage1:
        prefix.append(prefix[-1] + p)
    out = []
    for k in range(m):
        row = [stage1[k]]
        for w in _WINDOWS:
            lo, hi = max(0, k - w), min(m, k + 1 + w)
            row.append((prefix[k] - prefix[lo]) / (k - lo) if k > lo else 0.5)
            row.append((prefix[hi] - prefix[k + 1]) / (hi - k - 1) if hi > k + 1 else 0.5)
        out.append(row)
    return out


@dataclass(frozen=True)
class LineModel:
    """Two logistic regressions: weights in feature order, then the intercept."""

    stage1: tuple[float, ...]
    stage2: tuple[float, ...]
    threshold: float
    """Lines scoring below it are page chrome (when no rule labelled them)."""

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        if tuple(data["features"]) != FEATURES or tuple(data["context"]) != CONTEXT_FEATURES:
            raise ValueError("line model: its features are not the ones this version computes")
        return cls(tuple(data["stage1"]), tuple(data["stage2"]), float(data["threshold"]))

    def scores(self, lines: list[str], raw: list[str] | None = None) -> list[float | None]:
        """Probability that each line is article text (None for a line without a word)."""
        feats = line_features(lines, raw)
        index = [i for i, f in enumerate(feats) if f is not None]
        w1, b1 = self.stage1[:-1], self.stage1[-1]
        first = [_logistic(b1 + _dot(w1, feats[i])) for i in index]  # type: ignore[arg-type]
        w2, b2 = self.stage2[:-1], self.stage2[-1]
        out: list[float | None] = [None] * len(lines)
        for i, ctx in zip(index, context_features(first), strict=True):
            row = feats[i] + ctx  # type: ignore[operator]
            out[i] = _logistic(b2 + _dot(w2, row))
        return out


@lru_cache(maxsize=1)
def default_line_model() -> LineModel:
    """The shipped model (``rhetoric/data/line_model.json``)."""
    source = resources.files("rhetoric") / "data" / "line_model.json"
    return LineModel.from_json(json.loads(source.read_text(encoding="utf-8")))
