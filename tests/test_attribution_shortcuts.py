"""The shortcuts of rhetoric.measures.attribution give what the plain searches would:
speech verbs, the test for a cue after a quote, gazetteer matches, the masked text."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from rhetoric.measures import attribution
from rhetoric.measures.attribution import (
    _AFTER_RE,
    _BOUNDARY,
    _CAPITALISED_INSIDE,
    _NO_DETERMINER,
    _VERB,
    _VERB_CS,
    Gazetteer,
    _all_verbs,
    _boundaries,
    _masked,
    _may_follow,
    _Resolver,
    _trie_alternation,
)
from rhetoric.measures.quotes import (
    _SPEECH_VERB_ALTERNATIVES,
    SPEECH_VERB_RE,
)
from rhetoric.text.tokens import tokenize

# verbs cut by a stretch's ends, two-word verbs, a verb after a determiner, apostrophes
# and hyphens next to verbs, "according to", verbs right after a capital, a verb
# opening the text, runs of spaces (a masked quote)
TEXT = (
    "said Xi said, and she shot back: the report claimed ‖ Putin pointed out that Li "
    "re-said it. “Said” says, o’said told—warned, according to Russia’s foreign "
    "ministry. Mr. Peskov puts it: he stressed-ish, said. Prexi Jinping, Xi Jinping adds"
    " the shot back (said)\nsaidX ‖      ‖ Xsaid asks:told"
)


def test_speech_verbs_start_with_a_lower_case_letter():
    # attribution's verb pattern looks ahead for [a-z] before its look-behind (to
    # search faster): a verb starting with another character would never be found
    assert all("a" <= verb[0] <= "z" for verb in _SPEECH_VERB_ALTERNATIVES)


def test_no_speech_verb_starts_inside_another():
    # the whole text's verbs are found by several searches and read stretch by stretch:
    # right only while no verb can start at a later word of a verb ("shot back")
    verbs = set(_SPEECH_VERB_ALTERNATIVES)
    for verb in verbs:
        for word in verb.split()[1:]:
            assert word not in verbs and not any(v.startswith(word + " ") for v in verbs)


def test_verbs_and_the_cue_after_a_quote_in_every_stretch():
    plain = re.compile(SPEECH_VERB_RE.pattern)  # the verb pattern without the look-ahead
    # the cue verb pattern without the look-ahead and the verbs' look-behind moved first
    plain_cue = re.compile(_NO_DETERMINER + SPEECH_VERB_RE.pattern)
    res = _Resolver(tokenize(TEXT), Gazetteer.default(), TEXT)
    assert _all_verbs(TEXT) == [m.span() for m in plain.finditer(TEXT)]
    n = len(TEXT)
    for s in range(n + 1):
        for e in range(s, n + 1):
            want = [m.span() for m in plain.finditer(TEXT, s, e)]
            assert [m.span() for m in _VERB_CS.finditer(TEXT, s, e)] == want, (s, e)
            assert res.has_verb(s, e, cue=False) == bool(want), (s, e)
            want = [m.span() for m in plain_cue.finditer(TEXT, s, e)]
            assert [m.span() for m in _VERB.finditer(TEXT, s, e)] == want, (s, e)
            assert res.verbs(s, e) == want, (s, e)  # the whole text's, or a search's
            assert res.has_verb(s, e) == bool(want), (s, e)
            if not _may_follow(res, s, e):
                assert _AFTER_RE.match(TEXT, s, e) is None, (s, e)


def test_the_verbs_of_a_whole_text_are_those_of_one_search():
    rng = random.Random(5)
    pieces = ["said", "says", "shot back", "pointed out", "the", "a", "X", "é", "-", "’"]
    seps = [" ", "  ", "\n", ",", "(", "‖", "", "\u00a0", "-", "'"]
    texts = [
        tokenize(p.read_text()).clean
        for p in sorted((Path(__file__).parents[1] / "data/raw").glob("*.txt"))
    ]
    for _ in range(5000):
        texts.append("".join(rng.choice(pieces) + rng.choice(seps) for _ in range(8)))
    for text in texts:
        assert _all_verbs(text) == [m.span() for m in _VERB_CS.finditer(text)], text


def test_gazetteer_matches_of_every_stretch_are_those_of_the_full_pattern():
    fast = Gazetteer.default()
    slow = Gazetteer(fast.entries)
    slow.__dict__["_first_runs"] = None  # then every position is tried with the pattern
    # multi-word aliases at the start, after a space, a new line, a bracket, a masked
    # quote, a hyphen (no alias), inside a word (none), inside the beginning of another
    # alias's first two words ("the Russian …", "Russia's Foreign …")
    names = (
        "Xi Jinping (Vladimir Putin\n‖Xi Jinping-Xi Jinping\u00a0the White House xXi Jinping"
        " at the Russian Foreign Ministry, Russia's Foreign Ministry"
    )
    for text in (TEXT, names):
        n = len(text)
        for s in range(n + 1):
            for e in range(s, n + 1):
                assert fast.find(text, s, e) == slow.find(text, s, e), (s, e)


def test_masking_writes_each_part_in_turn():
    def blanked(clean, parts):  # the parts written one after the other
        chars = list(clean)
        for a, b in parts:
            chars[a:b] = " " * (b - a)
            chars[a] = chars[b - 1] = "‖"
        return "".join(chars)

    rng = random.Random(0)
    clean = "“Quoted,” he said, ‘and nested “inside” too,’ and more text after it."
    n = len(clean)
    cases = [[], [(0, 9)], [(0, 9), (9, 12)], [(19, 45), (31, 39)], [(31, 39), (19, 45)]]
    cases += [[(5, 6)], [(n - 3, n)]]
    for _ in range(500):
        cuts = sorted(rng.sample(range(1, n), 2 * rng.randint(1, 4)))
        parts = list(zip(cuts[::2], cuts[1::2], strict=True))
        if rng.random() < 0.3:
            parts.append(tuple(sorted(rng.sample(range(1, n), 2))))
        cases.append(parts)
    for parts in cases:
        assert _masked(clean, parts) == blanked(clean, parts), parts


def test_clause_boundaries_are_the_plain_pattern_s_matches():
    # _boundaries finds a spaced dash by its dash: spaces before the stretch, dashes
    # sharing a space (" - - "), dashes at the stretch's ends, tabs and new lines
    rng = random.Random(7)
    alphabet = " - -\t\n,;:()–—‖ab-"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        for s in range(len(text) + 1):
            for e in range(s, len(text) + 1):
                want = [m.span() for m in _BOUNDARY.finditer(text, s, e)]
                assert list(_boundaries(text, s, e)) == want, (text, s, e)


@pytest.mark.parametrize("scans", [0, 3, 1000])
def test_capitalised_is_membership_in_every_capitalised_word_inside_a_sentence(monkeypatch, scans):
    # the resolver tries the pattern only where the word stands after a space, for the
    # first words asked, then reads the set of all the pattern's matches in the text,
    # which is the definition
    monkeypatch.setattr(attribution, "_CAPITALISED_SCANS", scans)
    rng = random.Random(3)
    words = ["The", "Xi", "X", "Xi’s", "Xi-Li", "U.S.", "Li", "A", "É", "xi", "Ab2", "Xi."]
    seps = [" ", ", ", "; ", ". ", "\n", "‖", "a ", "-", "’"]
    gaz = Gazetteer.default()
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 8)))
        want = frozenset(_CAPITALISED_INSIDE.findall(text))
        res = _Resolver(tokenize(text), gaz, text)
        for word in [*words, *want]:
            assert res.capitalised(word) == (word in want), (text, word)


def test_trie_alternation_is_the_plain_alternation():
    # words that are beginnings of others, in any order (a shorter word before a longer
    # one stops the longer from ever matching there), repeated words, the empty word
    rng = random.Random(11)
    for _ in range(2000):
        words = ["".join(rng.choice("ab ") for _ in range(rng.randint(0, 4))) for _ in range(6)]
        plain = re.compile("(?:" + "|".join(map(re.escape, words)) + ")(?![ab])")
        trie = re.compile("(?:" + _trie_alternation(words, re.escape) + ")(?![ab])")
        text = "".join(rng.choice("ab  ") for _ in range(30))
        assert [m.span() for m in trie.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], words
