"""Known-answer tests for rhetoric.measures.lexicon (matcher rules and the dictionary API)."""

from __future__ import annotations

import io

import pytest

from rhetoric.measures.lexicon import Lexicon, LexiconEntry, normalize_term
from rhetoric.text.tokens import tokenize


def found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.category) for m in lexicon.match(tokenize(text))]


LEX = Lexicon.from_terms(
    {
        "imperial*": "pejorative",
        "war making machine": "pejorative",
        "vassal state": "name_calling",
        "infest": "dehumanising",
        "neocon": "name_calling",
        "US": "acronym",
        "us": "pronoun",
        "warmonger": "name_calling",
        "so-called": "pejorative",
        "cover-up": "pejorative",
        "lie": "pejorative",
        "phony": "pejorative",
        "phony pretext": "pejorative",
        "threaten": "fear",
        "rat": "dehumanising",
        "don't tread": "flag_waving",
    }
)


def test_word_boundaries_never_inside_a_word():
    assert found(LEX, "The neoconservative magazine; a neocon.") == [("neocon", "name_calling")]
    assert found(LEX, "Aristocrats rated the rations.") == []  # "rat" only as a word


def test_offsets_index_the_original_text():
    text = "Neocons infesting Washington."
    m = LEX.match(tokenize(text))
    assert [(x.start, x.end, x.text, x.first_word, x.last_word) for x in m] == [
        (0, 7, "Neocons", 0, 1),
        (8, 17, "infesting", 1, 2),
    ]
    assert all(text[x.start : x.end] == x.text for x in m)


def test_inflections():
    text = "He lied, lies and infested; threatened; vassal states; neocons' plans."
    assert [t for t, _ in found(LEX, text)] == [
        "lied",
        "lies",
        "infested",
        "threatened",
        "vassal states",
        "neocons",
    ]


def test_longest_match_wins_over_shorter_overlap():
    assert found(LEX, "A phony pretext. A phony war.") == [
        ("phony pretext", "pejorative"),
        ("phony", "pejorative"),
    ]


def test_wildcard_matches_prefix_only():
    assert found(LEX, "imperial madness, imperialism and Imperialists; empire") == [
        ("imperial", "pejorative"),
        ("imperialism", "pejorative"),
        ("Imperialists", "pejorative"),
    ]


def test_multiword_does_not_cross_punctuation_or_sentences():
    assert found(LEX, "a war, making machine") == []
    assert found(LEX, "Stop the war. Making machines is fun.") == []
    assert found(LEX, "a war making\nmachine") == []  # a line break is a paragraph break


def test_hyphens():
    # a space in a term matches a hyphen in the text; the span is the whole words
    assert found(LEX, "the war-making machines") == [("war-making machines", "pejorative")]
    # a hyphen in a term needs a hyphen (or nothing) in the text
    assert found(LEX, "a cover-up, the coverup; they cover up") == [
        ("cover-up", "pejorative"),
        ("coverup", "pejorative"),
    ]
    assert found(LEX, "so called experts") == []
    # a one-word term matches the same letters with hyphens; parts of compounds match
    assert found(LEX, "war-mongers and humanity-threatening plans") == [
        ("war-mongers", "name_calling"),
        ("humanity-threatening", "fear"),
    ]


def test_case_and_acronyms():
    assert found(LEX, "US troops and us; NEOCONS; the US-led war") == [
        ("US", "acronym"),
        ("us", "pronoun"),
        ("NEOCONS", "name_calling"),
        ("US-led", "acronym"),
    ]
    # a short all-capitals word only matches a term written in capitals
    assert found(Lexicon.from_terms(["lie"]), "LIE and Lie and lie") == [
        ("Lie", "custom"),
        ("lie", "custom"),
    ]


def test_curly_and_straight_apostrophes():
    assert found(LEX, "Don’t tread; don't tread") == [
        ("Don’t tread", "flag_waving"),
        ("don't tread", "flag_waving"),
    ]


def test_csv_round_trip_and_validation(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "term,category,strength,note\n"
        "tax grab*,pejorative,3,my note\n"
        "# a comment row,x,1,\n"
        "red tape,pejorative,,\n",
        encoding="utf-8",
    )
    lex = Lexicon.from_csv(path)
    assert [(e.term, e.category, e.strength, e.note) for e in lex] == [
        ("tax grab*", "pejorative", 3.0, "my note"),
        ("red tape", "pejorative", 1.0, ""),
    ]
    out = tmp_path / "out.csv"
    lex.to_csv(out)
    assert Lexicon.from_csv(out) == lex
    with pytest.raises(ValueError, match="category"):
        Lexicon.from_csv(io.StringIO("term,strength\nx,1\n"))
    with pytest.raises(ValueError, match="strength"):
        Lexicon.from_csv(io.StringIO("term,category,strength\nx,y,strong\n"))


def test_merge_and_exclude():
    a = Lexicon([LexiconEntry("evil", "pejorative", 3), LexiconEntry("huge", "hyperbole", 2)])
    b = Lexicon([LexiconEntry("huge", "intensifier", 1), LexiconEntry("vermin", "dehumanising")])
    merged = a | b
    assert len(merged) == 3
    assert merged.get("huge").category == "intensifier"  # the right-hand side wins
    assert merged.categories == ["pejorative", "intensifier", "dehumanising"]
    assert "Vermin" in merged and "vermin*" not in merged
    smaller = merged - ["HUGE", "not there"]
    assert [e.term for e in smaller] == ["evil", "vermin"]
    assert [e.term for e in merged - b] == ["evil"]
    assert [e.term for e in merged - "evil"] == ["huge", "vermin"]
    assert [e.term for e in merged.select("dehumanising")] == ["vermin"]
    assert found(smaller, "a huge evil") == [("evil", "pejorative")]


def test_normalize_term():
    assert normalize_term("  War-Making   Machine ") == "war-making machine"
    assert normalize_term("US Imperial*") == "US imperial*"
    assert normalize_term("Nobody’s Fool") == "nobody's fool"


def test_default_lexicon_is_documented_data():
    lex = Lexicon.default()
    assert len(lex) >= 500
    assert set(lex.categories) == {
        "name_calling",
        "pejorative",
        "dehumanising",
        "hyperbole",
        "fear",
        "flag_waving",
        "intensifier",
    }
    assert all(e.note for e in lex)
    assert all(e.strength in (1.0, 2.0, 3.0) for e in lex)


def test_default_lexicon_on_seed_phrases():
    text = (
        "Neocons infesting Washington make war possible. Hegemon USA and its vassal states "
        "back a war-making machine on the phony pretext of defense. US imperial madness."
    )
    got = {(t.lower(), c) for t, c in found(Lexicon.default(), text)}
    assert {
        ("neocons", "name_calling"),
        ("infesting", "dehumanising"),
        ("hegemon", "name_calling"),
        ("vassal", "name_calling"),
        ("war-making machine", "pejorative"),
        ("phony pretext", "pejorative"),
        ("imperial", "pejorative"),
        ("madness", "hyperbole"),
    } <= got
    assert not any(t in {"washington", "defense", "usa", "us"} for t, _ in got)


def test_empty_inputs():
    assert Lexicon().match(tokenize("anything at all")) == []
    assert Lexicon.default().match(tokenize("")) == []
    assert Lexicon.default().match(tokenize("  \n ... ")) == []


def test_dead_and_settled_starts_skip_only_what_the_search_finds():
    """A start word of one part whose search found nothing before, followed by the same
    word, is skipped (``Lexicon._dead_starts``), and one whose search found terms of the
    word alone takes them at once (``Lexicon._settled_starts``): the matches of a
    lexicon warmed on other texts equal those of a fresh one, with the pairs of words
    met in other contexts (hyphens, punctuation, sentence ends, the end of the text)."""
    import random

    terms = [e.term for e in Lexicon.default()._entries if " " in e.term][:300]
    words = [w for t in terms for w in t.split()] + ["the", "a", "of", "said", "war", "tax"]
    rng = random.Random(3)
    texts = []
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 40)):
            parts.append(rng.choice(words) if rng.random() < 0.7 else rng.choice(terms))
            parts.append(rng.choice([" ", " ", " ", "-", ", ", ". ", " (", "\n\n"]))
        texts.append("".join(parts).strip())
    warm = Lexicon.default()
    for text in texts:
        warm.match(tokenize(text))
    assert warm._dead_starts and warm._settled_starts
    fresh = Lexicon(list(warm._entries))
    for text in texts:
        doc = tokenize(text)
        fresh._dead_starts.clear()
        fresh._settled_starts.clear()
        assert warm.match(doc) == fresh.match(doc)


def test_dead_starts_are_keyed_by_the_next_word_only_when_it_has_a_part():
    """A dead start is keyed by the word after it, which the search steps to only when
    that word has a part: after a word of no part (blanked in ``clean``) the search goes
    on to the word after, which the key does not name, so no dead start is kept."""
    import re

    from rhetoric.text.tokens import Doc

    def doc(text: str, clean: str) -> Doc:
        words = tuple(m.span() for m in re.finditer(r"\S+", text))
        whole = ((0, len(text)),)
        return Doc(text, clean, whole, whole, words, (0,) * len(words))

    lexicon = Lexicon.from_terms(["phony pretext"], "pejorative")
    assert lexicon.match(doc("phony () table", "phony    table")) == []
    got = lexicon.match(doc("phony () pretext", "phony    pretext"))
    assert [(m.term, m.first_word, m.last_word) for m in got] == [("phony pretext", 0, 3)]
    assert lexicon.match(doc("phony pretext", "phony pretext"))[0].text == "phony pretext"
