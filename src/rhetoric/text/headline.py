"""A learned choice of a page's headline among the short lines above its article.

On a page copied from a browser the headline is one of the lines that do not read as
sentences just above the article's first block of prose, among the site's name, section
links, a trending link, photo captions, the byline and the date. :func:`article_start`
finds the article's first line of prose (the page's main block may start further down,
after a photo, a gallery or a box of related links), :func:`candidates` lists the lines
above it (at most ``WINDOW`` non-blank lines up), :func:`features` describes each
(words, capitalisation, how near it is to the article and to the next line of prose,
whether a byline or a date follows it, how many of its words the article's first lines
use, whether it is repeated on the page, ends a sentence, carries a ``|`` or `` - ``
site suffix, looks like a list item, a date or a heading, and the line model's score),
and
:class:`HeadlineModel` (a logistic regression fitted by
``scripts/train_headline_model.py`` on the train pages, shipped as
``rhetoric/data/headline_model.json``) picks the one scoring highest.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import mul

from rhetoric.text.line_model import FUNCTION_WORDS, is_good, own_features

WINDOW = 30
"""Non-blank lines above the article's first line of prose searched for its headline."""
HOP = 20
"""A line of prose at most this many non-blank lines above the article's first line of
prose is the article's too (:func:`article_start`)."""
LEDE_LINES = 40
"""Lines from the article's first line of prose whose words a headline is compared with."""
_BYLINE = re.compile(r"(?:by|posted by|written by)\s", re.IGNORECASE)
_FAR = 50  # non-blank lines to the next line of prose counted, at most
_NEXT_LINES = 3  # non-blank lines below a candidate looked at for a byline or a date
_MAX_WORDS = 25
_SUFFIX = re.compile(r"\s(?:[|–—-]|::)\s")
_WORD = re.compile(r"[^\W_]+")

FEATURES = (
    "words_log",
    "five_words",
    "chars_per_word",
    "function_share",
    "capitalised_share",
    "ends_sentence",
    "ends_clause",
    "digit_share",
    "date",
    "list_marker",
    "heading",
    "site_suffix",
    "repeated",
    "distance_log",
    "nearest",
    "rank_log",
    "line_score",
    "first_long",
    "lede_overlap",
    "byline_below",
    "prose_below_log",
)
"""Feature names, in the order :func:`features` returns them (``first_long``: the
topmost candidate of five words or more that is no list item; ``lede_overlap``: the
share of its content words found in the article's first lines; ``byline_below``: a
byline or a date among the next three non-blank lines; ``prose_below_log``: non-blank
lines down to the next line of prose)."""


def article_start(lines: list[str], start: int) -> int:
    """The article's first line of prose: ``start`` (the main block's first line), moved
    up to each line of prose (:func:`~rhetoric.text.line_model.is_good`) at most
    ``HOP`` non-blank lines above it, so that a lede and first paragraphs cut off from
    the rest by a photo credit, a gallery or a related-links box count as the article."""
    seen = 0
    for i in range(start - 1, -1, -1):
        if not lines[i]:
            continue
        seen += 1
        if seen > HOP:
            break
        if is_good(own_features(lines[i], lines[i])):
            start, seen = i, 0
    return start


def candidates(lines: list[str], start: int) -> list[int]:
    """Lines with words above line ``start`` (at most ``WINDOW`` non-blank lines up)
    that are not sentences: of at most 25 words, not ending in ``.``, ``!`` or ``?``."""
    out: list[int] = []
    seen = 0
    for i in range(start - 1, -1, -1):
        if not lines[i].strip():
            continue
        seen += 1
        if seen > WINDOW:
            break
        words = _WORD.findall(lines[i])
        if words and len(words) <= _MAX_WORDS and not own_features(lines[i], lines[i])[3]:
            out.append(i)
    return out[::-1]


def features(
    lines: list[str],
    raw: list[str],
    start: int,
    chosen: list[int],
    scores: list[float | None],
) -> list[list[float]]:
    """Features (:data:`FEATURES`) of the candidate lines ``chosen`` above ``start``."""
    counts: dict[str, int] = {}
    for line in lines:
        if line:
            key = line.casefold()
            counts[key] = counts.get(key, 0) + 1
    blank_free = [i for i, line in enumerate(lines) if line.strip()]
    position = {i: k for k, i in enumerate(blank_free)}
    start_pos = position.get(start, len(blank_free))
    own = {i: own_features(lines[i], raw[i]) for i in chosen}
    lede = _content_words(" ".join(lines[start : start + LEDE_LINES]))
    next_prose = _next_prose(lines, blank_free, position[chosen[0]], start_pos) if chosen else {}
    long = [i for i in chosen if own[i][0] >= math.log1p(5) and not own[i][10]]
    rows = []
    for rank, i in enumerate(reversed(chosen)):
        distance = start_pos - position[i]
        score = scores[i]
        here = position[i]
        below = blank_free[here + 1 : here + 1 + _NEXT_LINES]
        words = _content_words(lines[i])
        rows.append(
            [
                own[i][0],
                float(own[i][0] >= math.log1p(5)),
                own[i][1],
                own[i][2],
                own[i][5],
                own[i][3],
                own[i][4],
                own[i][7],
                own[i][8],
                own[i][10],
                own[i][11],
                float(bool(_SUFFIX.search(lines[i]))),
                float(counts[lines[i].casefold()] > 1),
                math.log1p(distance),
                float(rank == 0),
                math.log1p(rank),
                0.5 if score is None else score,
                float(bool(long) and i == long[0]),
                len(words & lede) / len(words) if words else 0.0,
                float(
                    any(
                        _BYLINE.match(lines[j]) or own_features(lines[j], lines[j])[8]
                        for j in below
                    )
                ),
                math.log1p(min(next_prose[here] - here, _FAR)),
            ]
        )
    return rows[::-1]


def _next_prose(
    lines: list[str], blank_free: list[int], low: int, start_pos: int
) -> dict[int, int]:
    """For each non-blank position from ``low`` up to ``start_pos``, the position of the
    next line of prose below it (``_FAR`` past the end when none is that near)."""

    def good(k: int) -> bool:
        line = lines[blank_free[k]]
        return is_good(own_features(line, line))

    limit = min(len(blank_free), start_pos + _FAR)
    found = next((k for k in range(start_pos, limit) if good(k)), limit + _FAR)
    out: dict[int, int] = {}
    for k in range(min(start_pos, limit) - 1, low - 1, -1):
        out[k] = found
        if good(k):
            found = k
    return out


def _content_words(line: str) -> set[str]:
    """The line's words of three letters or more that are not function words, case folded."""
    return {w for w in _WORD.findall(line.casefold()) if len(w) > 2 and w not in FUNCTION_WORDS}


@dataclass(frozen=True)
class HeadlineModel:
    """A logistic regression over :data:`FEATURES`: weights, then the intercept."""

    weights: tuple[float, ...]

    @classmethod
    def from_json(cls, data: dict) -> HeadlineModel:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("headline model: its features are not the ones this version computes")
        return cls(tuple(data["weights"]))

    def choose(
        self,
        lines: list[str],
        raw: list[str],
        start: int,
        scores: list[float | None],
    ) -> int | None:
        """The candidate above the article that ``start`` (the first line of the page's
        main block) opens most likely to be the headline (None: none)."""
        start = article_start(lines, start)
        chosen = candidates(lines, start)
        if not chosen:
            return None
        w, b = self.weights[:-1], self.weights[-1]
        rows = features(lines, raw, start, chosen, scores)
        best = max(range(len(chosen)), key=lambda k: (b + sum(map(mul, w, rows[k])), -k))
        return chosen[best]


@lru_cache(maxsize=1)
def default_headline_model() -> HeadlineModel:
    """The shipped model (``rhetoric/data/headline_model.json``)."""
    source = resources.files("rhetoric") / "data" / "headline_model.json"
    return HeadlineModel.from_json(json.loads(source.read_text(encoding="utf-8")))
