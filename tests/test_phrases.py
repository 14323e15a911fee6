from rhetoric.comparison.phrases import shared_phrases


def rec(ident, text):
    return {"id": ident, "text": text}


def where(text, piece):
    s = text.index(piece)
    return s, s + len(piece)


A = "Today we will fight for peace and freedom in Europe. Other words follow here."
B = "They said: We will fight for peace and freedom, always."
C = "Nothing in common with the others at all."


def test_maximal_phrase_across_articles_with_offsets():
    res = shared_phrases([rec("a", A), rec("b", B), rec("c", C)])
    assert len(res) == 1  # its 4-, 5- and 6-word pieces are not reported
    p = res[0]
    assert p.n_words == 7 and p.n_articles == 2 and p.n_occurrences == 2
    assert p.text == "we will fight for peace and freedom"
    occ = {o.id: (o.start, o.end, o.text) for o in p.occurrences}
    assert occ["a"] == (
        *where(A, "we will fight for peace and freedom"),
        "we will fight for peace and freedom",
    )
    assert occ["b"] == (
        *where(B, "We will fight for peace and freedom"),
        "We will fight for peace and freedom",
    )
    frame = res.to_frame()
    assert list(frame["id"]) == ["a", "b"] and set(frame["n_words"]) == {7}
    assert res.records()[0]["occurrences"][1]["start"] == B.index("We will")


def test_shorter_phrase_kept_when_it_also_occurs_alone():
    a = "red green blue yellow black cat"
    b = "red green blue yellow black dog"
    c = "one red green blue yellow pink"
    res = shared_phrases([rec("a", a), rec("b", b), rec("c", c)])
    got = {(p.text, p.n_occurrences) for p in res}
    assert got == {("red green blue yellow", 3), ("red green blue yellow black", 2)}
    assert res[0].text == "red green blue yellow"  # in more articles: listed first


def test_repeat_within_one_article_counts():
    text = "Buy the book now today. Then more text here. Buy the book now please."
    res = shared_phrases([rec("a", text)])
    assert [(p.text, p.n_occurrences, p.n_articles) for p in res] == [("Buy the book now", 2, 1)]


def test_case_and_apostrophes_fold():
    res = shared_phrases(
        [
            rec("a", "It is Russia’s Largest Trading Partner."),
            rec("b", "russia's largest trading partner"),
        ]
    )
    assert len(res) == 1 and res[0].n_words == 4


def test_negatives_short_overlapping_and_paragraph_breaks():
    # three shared words are below n_min
    assert (
        len(shared_phrases([rec("a", "alpha beta gamma x"), rec("b", "y alpha beta gamma")])) == 0
    )
    # a phrase split by a paragraph break in one article is not shared
    res = shared_phrases([rec("a", "one two\n\nthree four"), rec("b", "one two three four")])
    assert len(res) == 0
    # overlapping occurrences of a run of one word do not make a repeat
    assert len(shared_phrases([rec("a", "la la la la la")])) == 0
    # but two separate runs do
    assert len(shared_phrases([rec("a", "la la la la. x. la la la la.")])) == 1


def test_n_min_and_empty_input():
    a, b = "alpha beta gamma x", "y alpha beta gamma"
    res = shared_phrases([rec("a", a), rec("b", b)], n_min=3)
    assert [p.text for p in res] == ["alpha beta gamma"]
    assert len(shared_phrases([])) == 0
    assert shared_phrases([rec("a", "")]).to_frame().empty
