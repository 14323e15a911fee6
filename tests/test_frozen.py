"""rhetoric.frozen: dataclass instances built without their per-field checks."""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import pytest

import rhetoric
from rhetoric.frozen import build, replaced
from rhetoric.measures.actors import Mention
from rhetoric.measures.lexicon import Lexicon, LexiconMatch
from rhetoric.measures.loaded import LoadedTerm
from rhetoric.measures.quotes import Quote
from rhetoric.measures.sentiment import SentenceSentiment
from rhetoric.measures.voice import SentenceVoice


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: int = 2
    label: str = "p"


def same(a, b) -> bool:
    """Equal, and the same fields in the same order (what pickling and ``vars`` see)."""
    return a == b and list(vars(a).items()) == list(vars(b).items())


def test_build_by_position_and_by_keyword_equals_the_constructor():
    assert same(build(Point, 1, 5, "q"), Point(1, 5, "q"))
    assert same(build(Point, x=1), Point(1))
    assert same(build(Point, label="r", x=3), Point(3, label="r"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        build(Point, x=1).x = 2  # still frozen


@pytest.mark.parametrize(
    "call",
    [
        lambda: build(Point, 1, 2),  # not every field by position
        lambda: build(Point, 1, 2, "a", "b"),
        lambda: build(Point, 1, y=2),  # positions and keywords mixed
        lambda: build(Point, y=2),  # a field without a default missing
        lambda: build(Point, x=1, z=3),  # no such field
        lambda: replaced(Point(1), z=3),
    ],
)
def test_build_refuses_what_the_constructor_refuses(call):
    with pytest.raises(TypeError):
        call()


def test_classes_whose_init_does_more_are_refused():
    @dataclasses.dataclass(frozen=True)
    class Checked:
        x: int

        def __post_init__(self):
            raise ValueError

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        x: int

    @dataclasses.dataclass(frozen=True)
    class Factory:
        x: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class Outside:
        x: int
        y: int = dataclasses.field(default=0, init=False)

    for cls in (Checked, Slotted, Factory, Outside):
        with pytest.raises(TypeError):
            build(cls, x=1)


def test_replaced_is_dataclasses_replace():
    p = Point(1, 5)
    assert same(replaced(p, label="q", x=0), dataclasses.replace(p, label="q", x=0))
    assert same(replaced(p), p) and replaced(p) is not p


@pytest.fixture(scope="module")
def seeds():
    """The analyses of the three seed articles (their Docs and results)."""
    root = Path(__file__).resolve().parents[1] / "data" / "raw"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [rhetoric.analyze(rhetoric.load(p)) for p in sorted(root.glob("*.txt"))]


RESULTS = {  # each result class the measures build with build() or replaced(), from an analysis
    Quote: lambda a: a.voice.quotes,  # found (build) and attributed (replaced)
    LoadedTerm: lambda a: a.loaded.terms + a.loaded.candidates,
    LexiconMatch: lambda a: Lexicon.default().match(a.doc),
    SentenceSentiment: lambda a: a.sentiment.sentences,
    SentenceVoice: lambda a: a.voice.sentences,
    Mention: lambda a: a.mentions,
}


@pytest.mark.parametrize("cls", list(RESULTS), ids=lambda c: c.__name__)
def test_the_measures_results_equal_their_constructor(seeds, cls):
    names = [f.name for f in dataclasses.fields(cls)]
    results = [r for a in seeds for r in RESULTS[cls](a)]
    assert len(results) > 10 and {type(r) for r in results} == {cls}
    for r in results:
        made = cls(**{n: getattr(r, n) for n in names})
        assert same(r, made) and hash(r) == hash(made), r
    with pytest.raises(dataclasses.FrozenInstanceError):
        results[0].start = 0


@pytest.mark.parametrize("cls", list(RESULTS), ids=lambda c: c.__name__)
def test_the_measures_results_can_be_built(cls):
    # each class the measures build this way: no __post_init__, no slots, no factories
    names = [f.name for f in dataclasses.fields(cls)]
    values = list(range(len(names)))
    assert same(build(cls, *values), cls(*values))
