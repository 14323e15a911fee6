"""Known-answer tests for rhetoric.measures.actors."""

import io
import math

import pytest

from rhetoric.measures.actors import ActorGazetteer, find_mentions, framing
from rhetoric.measures.sentiment import score_sentences
from rhetoric.text.tokens import tokenize


def spans(text, **kw):
    return [(m.text, m.group) for m in find_mentions(tokenize(text), **kw)]


def test_us_versus_pronoun():
    assert spans("Let us talk about the U.S. and US policy.") == [
        ("U.S.", "us_west"),
        ("US", "us_west"),
    ]
    assert spans("They told us nothing.") == []


def test_possessives_and_offsets():
    text = "China’s trade and Russia's gas reach Americans’ homes."
    doc = tokenize(text)
    ms = find_mentions(doc)
    assert [(m.text, m.group, m.term) for m in ms] == [
        ("China’s", "china", "China"),
        ("Russia's", "russia", "Russia"),
        ("Americans’", "us_west", "Americans"),
    ]
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert ms[0].start == 0 and ms[0].end == 7


def test_multiword_longest_match_and_case():
    assert spans("Hegemon USA fears hegemon USA.") == [
        ("Hegemon USA", "us_west"),
        ("hegemon USA", "us_west"),
    ]
    ms = find_mentions(tokenize("Xi Jinping met Vladimir Putin at the Kremlin."))
    assert [m.term for m in ms] == ["Xi Jinping", "Vladimir Putin", "Kremlin"]
    # lower-case epithet matches capitalised at sentence start; all-caps headline form
    assert spans("Neocons and neocons. RUSSIA AND CHINA") == [
        ("Neocons", "us_west"),
        ("neocons", "us_west"),
        ("RUSSIA", "russia"),
        ("CHINA", "china"),
    ]


def test_word_boundaries_and_hyphens():
    assert spans("Chinaware and Russiagate and Sinopec") == [("Sinopec", "china")]
    assert spans("Sino/Russia and China-Russia ties") == [
        ("Sino", "china"),
        ("Russia", "russia"),
        ("China", "china"),
        ("Russia", "russia"),
    ]
    # "xi" lower case and roman numeral "XI" are not Xi Jinping
    assert spans("Louis XI and xi") == []


def test_sentence_index():
    ms = find_mentions(tokenize("Nothing here. Moscow spoke."))
    assert [(m.text, m.sentence) for m in ms] == [("Moscow", 1)]


def test_gazetteer_extension_and_csv():
    extra = ActorGazetteer.from_csv(
        io.StringIO("group,term,kind,note\nukraine,Kyiv,alias,\nrussia,Russkiy,alias,\n")
    )
    gaz = ActorGazetteer.default() | extra
    assert spans("Kyiv and Moscow and Russkiy.", gazetteer=gaz) == [
        ("Kyiv", "ukraine"),
        ("Moscow", "russia"),
        ("Russkiy", "russia"),
    ]
    assert "ukraine" in gaz.groups
    # a user row replaces a shipped row with the same term
    moved = ActorGazetteer.default() | ActorGazetteer.from_csv(
        io.StringIO("group,term,kind\nother,Washington,alias\n")
    )
    assert spans("Washington spoke.", gazetteer=moved) == [("Washington", "other")]
    with pytest.raises(ValueError):
        ActorGazetteer.from_csv(io.StringIO("group,term,kind\nx,Y,villain\n"))
    assert set(ActorGazetteer.default().to_frame()["kind"]) <= {
        "name",
        "alias",
        "demonym",
        "leader",
        "institution",
        "epithet",
    }


def vader(v):
    return v / math.sqrt(v * v + 15)


def test_framing_by_hand():
    text = "Moscow was good. Washington was bad. China and the US were good."
    doc = tokenize(text)
    ms = find_mentions(doc)
    res = score_sentences(doc)
    # a loaded span in sentence 1 and one in sentence 2
    w = text.index("were")
    loaded = [(text.index("bad"), text.index("bad") + 3, "bad"), (w, w + 4, "were")]
    df = framing(doc, ms, res, voices=["commentary", "quote", "commentary"], loaded_spans=loaded)
    rows = df.set_index("group")
    assert list(df["group"]) == ["us_west", "russia", "china"]
    assert rows.loc["us_west", "mentions"] == 2
    assert rows.loc["us_west", "sentences"] == 2
    assert rows.loc["us_west", "shared_sentences"] == 1
    # us_west is in sentences 1 (3 words, "bad") and 2 (6 words, "good"); sentence 1 is
    # under MIN_WORDS = 4 and gets no weight next to sentence 2
    assert rows.loc["us_west", "sentiment_mean"] == pytest.approx(vader(1.9))
    assert rows.loc["us_west", "sentiment_mean_quotes"] == pytest.approx(vader(-2.5))
    assert rows.loc["us_west", "sentiment_mean_commentary"] == pytest.approx(vader(1.9))
    assert rows.loc["us_west", "loaded_terms"] == 2
    assert rows.loc["russia", "sentiment_mean"] == pytest.approx(vader(1.9))
    assert rows.loc["russia", "loaded_terms"] == 0
    assert math.isnan(rows.loc["russia", "sentiment_mean_quotes"])
    assert rows.loc["china", "shared_sentences"] == 1


def test_framing_without_voices_or_mentions():
    doc = tokenize("Nothing to see.")
    df = framing(doc, find_mentions(doc), score_sentences(doc))
    assert list(df["mentions"]) == [0, 0, 0]
    assert df["sentiment_mean"].isna().all() and df["loaded_terms"].isna().all()


def test_regex_finds_what_the_plain_alternation_finds():
    """``_word_start_alternation`` against the plain ``(?<!\\w)(?:p1|p2|...)``, on the
    seeds and on text made of the gazetteer's own terms glued to other characters."""
    import random
    import re
    from pathlib import Path

    from rhetoric.measures.actors import _POSSESSIVE, ActorGazetteer, _pattern, _variants

    gaz = ActorGazetteer.default()
    variants = sorted({v for t in gaz.terms for v in _variants(t.term)}, key=len, reverse=True)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(_pattern(v) for v in variants) + ")" + _POSSESSIVE)
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    rng = random.Random(2)
    glue = [" ", "", "x", "-", "’s ", "'", "\n", "s’ ", "_", "9"]
    for _ in range(300):
        texts.append("".join(rng.choice(variants) + rng.choice(glue) for _ in range(12)))
    found = 0
    for text in texts:
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in gaz._regex.finditer(text)] == expected
        found += len(expected)
    assert found > 1000


def test_group_sentences_counts_mentions_and_sorts_sentences():
    from rhetoric.measures.actors import group_sentences

    pairs = [("china", 3), ("russia", 1), ("china", 1), ("china", 3), ("us_west", -1)]
    got = group_sentences(pairs, ["russia", "eu"])
    assert list(got) == ["russia", "eu", "china", "us_west"]  # given groups first
    assert got["china"] == (3, [1, 3])  # three mentions in two sentences
    assert got["eu"] == (0, [])  # never named
    assert got["us_west"] == (1, [])  # a mention outside every sentence
