"""A learned choice of a page's headline among the short lines above its article.

On a page copied from a browser the headline is one of the lines that do not read as
sentences just above the article's first block of prose, among the site's name, section
links, a trending link, the byline and the date. :func:`candidates` lists those lines
(at most ``WINDOW`` non-blank lines above the block's first line), :func:`features`
describes each (words, capitalisation, how near it is to the article, whether it is
repeated on the page, ends a sentence, carries a ``|`` or `` - `` site suffix, looks
like a list item, a date or a heading, and the line model's score), and
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

from rhetoric.text.line_model import own_features

WINDOW = 12
"""Non-blank lines above the article's first line of prose searched for its headline."""
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
)
"""Feature names, in the order :func:`features` returns them (``first_long``: the
topmost candidate of five words or more that is no list item)."""


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
    long = [i for i in chosen if own[i][0] >= math.log1p(5) and not own[i][10]]
    rows = []
    for rank, i in enumerate(reversed(chosen)):
        distance = start_pos - position[i]
        score = scores[i]
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
            ]
        )
    return rows[::-1]


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
        """The candidate above ``start`` most likely to be the headline (None: none)."""
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
