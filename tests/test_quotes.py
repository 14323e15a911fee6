"""Known-answer tests for rhetoric.measures.quotes on short hand-written texts."""

from __future__ import annotations

import warnings

import pytest

from rhetoric.measures.quotes import direct_spans, find_quotes, is_blank, records, to_frame
from rhetoric.text.tokens import tokenize


def quotes_of(text: str, clean: str | None = None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return find_quotes(tokenize(text, clean))


def spans(text: str):
    return [(q.start, q.end, q.kind, q.text) for q in quotes_of(text)]


def test_curly_double_quote_offsets_include_marks():
    t = "Xi said “we are friends.” Then he left."
    (q,) = quotes_of(t)
    assert (q.start, q.end) == (8, 25)
    assert t[q.start : q.end] == "“we are friends.”"
    assert (q.content_start, q.content_end) == (9, 24)
    assert q.text == "we are friends."
    assert q.kind == "direct"
    assert not q.unclosed
    assert q.n_words == 3


def test_straight_quotes_and_whitespace_folding():
    t = 'He said "we  will\twin" today.'
    (q,) = quotes_of(t)
    assert (q.start, q.end, q.text) == (8, 22, "we will win")


def test_guillemets():
    t = "The ministry said: «Nous sommes prêts.»"
    (q,) = quotes_of(t)
    assert (q.start, q.end, q.kind, q.text) == (19, 39, "direct", "Nous sommes prêts.")


def test_apostrophes_and_possessives_are_not_quotes():
    t = "The leaders’ summit and Russia’s plan didn’t work in the ’90s, rock ’n’ roll aside."
    assert quotes_of(t) == []
    t2 = "The leaders' summit, the '90s and Xi's don't are not quotes."
    assert quotes_of(t2) == []


def test_inch_and_minute_marks_are_not_quotes():
    t = 'He is 5\'11" tall, bought a 12" record, and said "yes."'
    assert spans(t) == [(48, 54, "direct", "yes.")]


def test_single_curly_quotes_as_quotation_marks():
    t = "She answered ‘no deal’ and left."
    (q,) = quotes_of(t)
    assert (q.start, q.end, q.text) == (13, 22, "no deal")


def test_nested_quote_depth_and_kind():
    t = "“He told me ‘never give up’ and left,” she said."
    outer, inner = quotes_of(t)
    assert (outer.start, outer.end, outer.depth, outer.kind) == (0, 38, 0, "direct")
    assert (inner.start, inner.end, inner.depth, inner.kind) == (12, 27, 1, "direct")
    assert inner.text == "never give up"


def test_quote_inside_title_is_a_title():
    t = "She read the book “Why ‘Freedom’ Matters” twice."
    outer, inner = quotes_of(t)
    assert (outer.kind, outer.text) == ("title", "Why ‘Freedom’ Matters")
    assert (inner.kind, inner.depth, inner.text) == ("title", 1, "Freedom")


def test_split_quote_is_one_quote_with_two_parts():
    t = "“We are ready,” he said, “to talk about peace.”"
    (q,) = quotes_of(t)
    assert q.parts == ((0, 15), (25, 47))
    assert (q.start, q.end) == (0, 47)
    assert q.text == "We are ready, to talk about peace."
    assert q.n_words == 7  # "he said" is not inside the quote


def test_two_sentences_with_attribution_between_stay_separate():
    t = "“We are ready.” He said it twice. “We will talk.”"
    qs = quotes_of(t)
    assert [(q.start, q.end) for q in qs] == [(0, 15), (34, 49)]


def test_multi_paragraph_quote_reopened_each_paragraph():
    t = "“This is the first paragraph of it\n“And this is the end,” Obama said."
    (q,) = quotes_of(t)
    assert q.parts == ((0, 34), (35, 57))
    assert q.text == "This is the first paragraph of it And this is the end,"
    assert not q.unclosed


def test_unclosed_quote_stops_at_paragraph_end_and_warns():
    t = "Critics said “it never ends and goes on\nSecond paragraph with no quote."
    with pytest.warns(UserWarning, match="never closed"):
        qs = find_quotes(tokenize(t))
    (q,) = qs
    assert (q.start, q.end, q.unclosed) == (13, 39, True)
    assert q.text == "it never ends and goes on"


def test_unclosed_quote_before_a_better_pair_ends_at_dash():
    t = "They held a “full official visit on Tuesday – what Putin called “a major event.”"
    q1, q2 = quotes_of(t)
    assert (q1.start, q1.end, q1.unclosed) == (12, 43, True)
    assert q1.text == "full official visit on Tuesday"
    assert (q2.start, q2.end, q2.unclosed, q2.text) == (64, 80, False, "a major event.")


def test_editorial_insertions_and_ellipses_stay_inside():
    t = "Maslov said “(t)he format [sic] has changed…for good.”"
    (q,) = quotes_of(t)
    assert q.text == "(t)he format [sic] has changed…for good."
    assert q.n_words == 7


def test_scare_quotes_short_and_unattributed():
    t = "The group was in “disarray.” Its so-called “reform” is the “deep state plan” again."
    assert [(q.kind, q.text) for q in quotes_of(t)] == [
        ("scare", "disarray."),
        ("scare", "reform"),
        ("scare", "deep state plan"),
    ]


def test_short_quote_with_speech_verb_is_direct():
    t = "Xi calls the ties the “best in history,” as usual."
    (q,) = quotes_of(t)
    assert (q.kind, q.text) == ("direct", "best in history,")


def test_short_complete_sentence_is_direct():
    t = "“It is over,” said Xi. “We move on.”"
    assert [q.kind for q in quotes_of(t)] == ["direct", "direct"]


def test_titles_by_cue_and_by_capitalisation():
    t = (
        "His commentary, titled:\n“Russia and China: A Future Partnership,” "
        "appeared on “Saturday Night Live” last week."
    )
    qs = quotes_of(t)
    assert [(q.kind, q.text) for q in qs] == [
        ("title", "Russia and China: A Future Partnership,"),
        ("title", "Saturday Night Live"),
    ]


def test_long_lowercase_quote_is_direct_not_title():
    t = "They urge “dialogue and mutual trust between all the nations.”"
    (q,) = quotes_of(t)
    assert q.kind == "direct"


def test_marks_outside_the_body_are_ignored():
    t = "Body says “hello there, friends.”\nMy book “Flashpoint in Ukraine” is out."
    clean = t[:33] + "\n" + " " * (len(t) - 34)
    qs = quotes_of(t, clean)
    assert [(q.start, q.end) for q in qs] == [(10, 33)]


def test_empty_and_junk_input():
    assert quotes_of("") == []
    assert quotes_of("   \n\n  ") == []
    assert quotes_of("”’»") == []


def test_direct_spans_and_records():
    t = "“We are ready,” he said, “to talk.” The “plan” failed."
    qs = quotes_of(t)
    assert direct_spans(qs) == [(0, 15), (25, 35)]
    rec = records(qs)
    assert rec[0]["parts"] == [[0, 15], [25, 35]]
    assert {"start", "end", "text", "kind", "speaker", "affiliation", "unclosed"} <= set(rec[0])
    df = to_frame(qs)
    assert list(df["kind"]) == ["direct", "scare"]


def test_quote_and_term_records_hold_exactly_their_fields():
    """Records are built from the instances' ``vars`` (faster than ``asdict``): they must
    hold the dataclass fields and nothing else, in field order."""
    from dataclasses import asdict, fields

    import rhetoric
    from rhetoric.measures.quotes import Quote

    text = 'The minister said: "This is a total disaster, a catastrophe." Critics agreed.'
    analysis = rhetoric.analyze(text)
    analysis.to_dict()
    assert analysis.quotes and analysis.loaded.terms
    for q in analysis.quotes:
        assert list(q.record()) == [f.name for f in fields(Quote)]
        assert q.record() == {**asdict(q), "parts": [list(p) for p in q.parts]}
    for t, record in zip(analysis.loaded.terms, analysis.loaded.records(), strict=True):
        assert list(record) == [f.name for f in fields(t)]
        assert record == {k: (None if k == "score" and v != v else v) for k, v in asdict(t).items()}


def test_an_unclosed_quote_never_crosses_a_quote_that_starts_inside_it():
    # found by the property tests: « never closed, then „…'' inside it ending later
    import warnings

    import rhetoric

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = rhetoric.analyze("««„Subscribe to our newsletter; ''")
    top = [q for q in a.quotes if q.depth == 0]
    assert [(q.start, q.end) for q in top] == [(2, 34)]
    assert a.metrics["unattributed_quote_share"] == 1.0  # was 2.0: words counted twice


def test_short_quote_with_a_speech_verb_after_it_is_direct():
    # ``has_cue_after`` anchored with ``^`` never matched after the text's first line
    kinds = [q.kind for q in find_quotes(tokenize("Trump spoke. “I love it,” he said."))]
    assert kinds == ["direct"]
    t = "In an appearance on CBS's “Face the Nation,” Sanders said he would stay."
    assert [q.kind for q in find_quotes(tokenize(t))] == ["title"]  # a programme's name


def test_less_common_speech_verbs_make_a_short_quote_direct():
    for t in (
        "Clinton accused him of an “artful smear” over her fundraising.",
        "The governor endorsed her, citing her “long experience.”",
        "Ramos lamented that the “danger” came from the frontrunner.",
        "“Denver,” he answered.",
    ):
        assert [q.kind for q in quotes_of(t)] == ["direct"], t


def test_a_programme_after_on_is_a_title_even_after_a_speech_verb():
    t = "“It's nonsense,” Mr. Trump said by telephone on NBC's “Meet the Press.” “She lies.”"
    assert [q.kind for q in quotes_of(t)] == ["direct", "title", "direct"]
    t = "Sanders said in “The Late Show With Stephen Colbert” that he would stay."
    assert [q.kind for q in quotes_of(t)] == ["title"]


def test_cue_shortcuts_equal_their_regular_expressions():
    """The title and *so-called* cues searched near the end only, and the speech verbs
    with a first-letter look-ahead, find what the plain searches find."""
    import random

    from rhetoric.measures import quotes as q

    assert all("a" <= v[0] <= "z" for v in q._SPEECH_VERB_ALTERNATIVES)
    rng = random.Random(0)
    pieces = [*q._TITLE_WORDS[:8], "Documentary", "statement called", "programme dubbed"]
    pieces += ["so-called", "So called", "so\ncalled", "ſo-called", "ſhow", "said", "SAYS"]
    pieces += ["op-ed", "titled:", "(film", "x", "-", ",", ":", " ", "\n", "\u00a0", "\u2003"]
    pieces += ["fİlm", "fılm", "boo\u212a", "Named", "SHOW", "shows", "paper’s", "“book"]
    hits = [0, 0, 0]
    for _ in range(20_000):
        t = "".join(rng.choice(pieces) + rng.choice(["", " ", ",", ":", "\n"]) for _ in range(6))
        tail = " ".join(t.rsplit(None, 4)[-4:])  # as _classify builds it
        found = (
            bool(q._TITLE_CUE_RE.search(tail)),
            bool(q._SO_CALLED_RE.search(t)),
            bool(q.SPEECH_VERB_RE.search(t)),
        )
        assert found == (q._title_cue(tail), q._so_called(t), bool(q._SPEECH_VERB_SEARCH.search(t)))
        hits = [h + f for h, f in zip(hits, found, strict=True)]
    assert min(hits) > 1000  # each cue is found often


def test_cue_after_pattern_equals_its_backtracking_form():
    """``_AFTER_CUE_RE`` with possessive runs finds the same first match (verb start
    and end) as with plain runs, on random stretches of names, words, verbs, spaces
    and punctuation."""
    import random
    import re

    from rhetoric.measures import quotes as q

    pattern = q._AFTER_CUE_RE.pattern
    plain = pattern.replace("*+", "*").replace(r"\s++", r"\s+")
    assert pattern.count("*+") == 2 and plain.count(r"\s++") == 0 and plain != pattern
    plain_re = re.compile(plain, re.IGNORECASE)
    rng = random.Random(1)
    pieces = ["said", "Said", "told", "says", "added", "pointed out", "he", "She", "they", "I"]
    pieces += ["The", "Mr.", "Smith", "U.S.", "O’Brien", "Jean-Luc", "president", "a", "an"]
    pieces += ["of", "on", "x", "1", ",", ".", ";", "!", "“", "”", "-", "'", "’", "\n"]
    found = 0
    for _ in range(20_000):
        t = "".join(rng.choice(pieces) + rng.choice([" ", " ", "  ", ", ", ""]) for _ in range(9))
        ends = (len(t), rng.randrange(len(t) + 1))
        for m1, m2 in ((plain_re.match(t, 0, e), q._AFTER_CUE_RE.match(t, 0, e)) for e in ends):
            assert (m1 and (m1.start("verb"), m1.end())) == (m2 and (m2.start("verb"), m2.end()))
            found += m1 is not None
    assert found > 5000


def test_one_paragraph_by_bisection_equals_the_scan():
    import random

    from rhetoric.text.tokens import span_within

    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choices(["word ", "\n", "\n\n", "“", "”", ". ", "  "], k=40))
        doc = tokenize(text)
        ends = [e for _, e in doc.paragraphs]
        for _ in range(20):
            a, b = rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)
            scan = any(s <= a and b <= e for s, e in doc.paragraphs)
            assert span_within(doc.paragraph_starts, ends, a, b) == scan


def test_alnum_pattern_is_str_isalnum():
    import sys

    from rhetoric.measures.quotes import _ALNUM

    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    assert [m.group() for m in _ALNUM.finditer(every)] == [c for c in every if c.isalnum()]


def test_depths_equal_their_definition():
    import random

    from rhetoric.measures.quotes import _depths

    rng = random.Random(8)
    for trial in range(3000):
        quotes = []
        for _ in range(rng.randrange(1, 7)):
            parts, pos = [], rng.randrange(30)
            for _ in range(rng.choice([1, 1, 2])):
                a = pos + rng.randrange(4)
                b = a + 1 + rng.randrange(12 if trial % 2 else 3)
                parts.append((a, b))
                pos = b
            quotes.append({"start": parts[0][0], "end": parts[-1][1], "parts": parts})
        quotes.sort(key=lambda q: (q["start"], -q["end"]))
        want = [
            sum(
                any(
                    a <= q["start"] and q["end"] <= b and (a, b) != (q["start"], q["end"])
                    for a, b in o["parts"]
                )
                for j, o in enumerate(quotes)
                if j != i
            )
            for i, q in enumerate(quotes)
        ]
        assert _depths(quotes) == want


def test_is_blank_is_the_stretch_stripped_empty():
    # is_blank searches for a non-space instead of slicing and stripping (linear time in
    # a text of one long paragraph); white space is str.isspace's, Unicode's included
    import random

    rng = random.Random(11)
    alphabet = [" ", "\t", "\n", "\xa0", "\u2003", "\u3000", "\x1c", "a", "“", "\u200b"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        p = rng.randrange(0, len(text) + 1)
        q = rng.randrange(p, len(text) + 1)
        assert is_blank(text, p, q) == (not text[p:q].strip()), (text, p, q)
