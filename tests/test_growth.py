"""Work grows linearly with the input on every adversarial family of
``benchmarks/bench_growth.py``: steps (Python lines executed and calls made, not
seconds) are counted for each family at two sizes, four times apart; quadratic growth
would multiply them by 16. On the code before the linear-time rework, the quote
families took 7 to 13 times the steps."""

from __future__ import annotations

import sys
import warnings

import pytest
from bench_growth import FAMILIES, make

import rhetoric

SMALL, LARGE = 2_000, 8_000


def count_steps(run, *args) -> int:
    """Python lines executed and functions called (Python or C) by ``run(*args)``. Work
    inside one C call (a regular expression scanning a long window) is not seen here:
    ``benchmarks/bench_growth.py`` times that."""
    count = 0

    def trace(frame, event, arg):  # noqa: ARG001 (the tracer's signature)
        nonlocal count
        count += 1
        return trace

    def profile(frame, event, arg):  # noqa: ARG001
        nonlocal count
        if event == "c_call":
            count += 1

    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        run(*args)
    finally:
        sys.setprofile(None)
        sys.settrace(None)
    return count


def analyze_quietly(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rhetoric.analyze(text)


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Lexicons, models and dictionaries are loaded before anything is counted, on a text
    unlike the families, so that both sizes of a family meet the caches cold."""
    analyze_quietly('The minister said: "We will see." Critics were not so sure of it.')


def test_the_count_tells_linear_from_quadratic():
    def step():
        pass

    def linear(n):
        for _ in range(n):
            step()

    def quadratic(n):
        for i in range(n):
            for _ in range(i):
                step()

    assert 3.9 < count_steps(linear, 400) / count_steps(linear, 100) < 4.1
    assert 15 < count_steps(quadratic, 400) / count_steps(quadratic, 100) < 17


@pytest.mark.parametrize("family", list(FAMILIES))
def test_work_grows_linearly(family):
    pattern = FAMILIES[family]
    small = count_steps(analyze_quietly, make(pattern, SMALL))
    large = count_steps(analyze_quietly, make(pattern, LARGE))
    assert large / small < 6, f"{family}: 4x the text, {large / small:.1f}x the steps"


def test_attribution_grows_linearly_over_many_quotes_of_one_speaker():
    # at the sizes above a loop over every earlier quote is too small a share of the
    # whole analysis to show; here attribution alone meets about 250 and 1,000 quotes of
    # one repeated paragraph, where linear work gives 4.0 times the steps (the loop that
    # walked back over every earlier quote gave 5.6)
    from rhetoric.measures.attribution import attribute
    from rhetoric.measures.quotes import find_quotes
    from rhetoric.text.tokens import tokenize

    def attribute_quietly(text: str) -> None:
        doc = tokenize(text)
        quotes = find_quotes(doc)
        attribute(doc, quotes)

    pattern = FAMILIES["quotes going on from the last speaker"]
    small = count_steps(attribute_quietly, make(pattern, 4 * SMALL))
    large = count_steps(attribute_quietly, make(pattern, 4 * LARGE))
    assert large / small < 4.5, f"4x the text, {large / small:.2f}x the steps"
