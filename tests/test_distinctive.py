import math

import pytest

from rhetoric.comparison.distinctive import log_odds, tfidf_terms


def rec(ident, text):
    return {"id": ident, "text": text}


def test_log_odds_by_hand_with_explicit_prior():
    # a: x x y (n=3); others: y y z (n=3); a_w = 1 for every word, a0 = 3
    frame = log_odds([rec("a", "x x y"), rec("b", "y y z")], prior={"x": 1, "y": 1, "z": 1}, n=None)
    row = frame[(frame["id"] == "a") & (frame["term"] == "x")].iloc[0]
    # delta = ln((2+1)/(3+3-2-1)) - ln((0+1)/(3+3-0-1)) = ln 5
    assert row["count"] == 2 and row["count_others"] == 0
    assert row["delta"] == pytest.approx(math.log(5))
    assert row["se"] == pytest.approx(math.sqrt(1 / 3 + 1))
    assert row["z"] == pytest.approx(math.log(5) / math.sqrt(4 / 3))
    # y: a has 1, the other 2: negative for a, and symmetric for b
    y_a = frame[(frame["id"] == "a") & (frame["term"] == "y")].iloc[0]
    y_b = frame[(frame["id"] == "b") & (frame["term"] == "y")].iloc[0]
    assert y_a["delta"] == pytest.approx(math.log(2 / 4) - math.log(3 / 3))
    assert y_a["z"] < 0 and y_b["z"] == pytest.approx(-y_a["z"])
    # sorted by descending z within each article; z (0 vs 1) is less extreme than
    # y (1 vs 2): z_z = (ln(1/5) - ln(2/4)) / sqrt(3/2) = -0.748, z_y = -0.759
    assert list(frame[frame["id"] == "a"]["term"]) == ["x", "z", "y"]


def test_log_odds_informative_prior_scales_with_pooled_frequency():
    # prior a0 = 6 over 6 pooled words: a_w = count_w; x: 2, y: 3, z: 1
    frame = log_odds([rec("a", "x x y"), rec("b", "y y z")], prior=6, n=1)
    row = frame.iloc[0]
    assert (row["id"], row["term"]) == ("a", "x")
    expected = math.log((2 + 2) / (3 + 6 - 2 - 2)) - math.log((0 + 2) / (3 + 6 - 0 - 2))
    assert row["delta"] == pytest.approx(expected)
    assert len(frame) == 2  # n=1 per article


def test_log_odds_needs_two_articles_and_words():
    with pytest.warns(UserWarning):
        assert log_odds([rec("a", "x y")]).empty
    with pytest.warns(UserWarning):
        assert log_odds([rec("a", ""), rec("b", "")]).empty


def test_tfidf_by_hand():
    frame = tfidf_terms(
        [rec("a", "apple apple banana"), rec("b", "banana cherry")], stop_words=None
    )
    idf_rare = math.log(3 / 2) + 1  # smooth idf, df = 1 of 2 documents
    apple, banana = 2 * idf_rare, 1.0
    norm = math.hypot(apple, banana)
    a = frame[frame["id"] == "a"].set_index("term")
    assert list(a.index) == ["apple", "banana"]
    assert a.loc["apple", "tfidf"] == pytest.approx(apple / norm)
    assert a.loc["banana", "tfidf"] == pytest.approx(banana / norm)
    assert a.loc["apple", "count"] == 2 and a.loc["banana", "n_articles"] == 2
    assert list(a["rank"]) == [1, 2]


def test_tfidf_stop_words_numbers_and_apostrophes():
    frame = tfidf_terms(
        [rec("a", "The war don’t stop 2022. The war."), rec("b", "Peace don't. The 2022.")], n=10
    )
    terms = set(frame["term"])
    assert "the" not in terms and "2022" not in terms  # stop word, number
    a = frame[frame["id"] == "a"].set_index("term")
    assert a.loc["war", "count"] == 2
    assert a.loc["don't", "n_articles"] == 2  # curly and straight apostrophes fold


def test_tfidf_empty_warns():
    with pytest.warns(UserWarning):
        assert tfidf_terms([rec("a", "the and of")]).empty
