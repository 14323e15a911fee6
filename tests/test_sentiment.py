"""Known-answer tests for rhetoric.measures.sentiment (VADER values computed by hand from its
lexicon: good = 1.9, bad = -2.5; compound = v / sqrt(v**2 + 15))."""

import math

import numpy as np
import pytest

import rhetoric
from rhetoric.analysis.sentences import SENTENCE_METRICS
from rhetoric.measures.sentiment import (
    SentimentResult,
    aggregate,
    analyzer,
    normalize,
    polarity,
    score_sentences,
    weighted_parts,
)
from rhetoric.text.tokens import tokenize


def vader(v):
    return v / math.sqrt(v * v + 15)


def test_single_sentence_by_hand():
    # "good" = 1.9, no modifiers: compound 1.9 / sqrt(18.61); pos = 2.9 / 5.9 (3 neutral words)
    c, pos, neu, neg, v = polarity("The book was good.")
    assert c == 0.4404
    assert (pos, neu, neg) == (0.492, 0.508, 0.0)
    assert v == pytest.approx(1.9)


def test_negation_and_exclamation_by_hand():
    # "not good": 1.9 * -0.74 = -1.406
    assert polarity("It was not good.")[0] == round(vader(1.9 * -0.74), 4) == -0.3412
    # one "!" adds 0.292 to a positive sum
    assert polarity("Good!")[0] == round(vader(1.9 + 0.292), 4) == 0.4926


@pytest.mark.parametrize(
    "text",
    [
        "The book was good.",
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
        "The book was only kind of good.",
        "Catch utf-8 emoji such as 💘 and 💋 and 😁",
        "Make sure you :) or :D today!",
        "Is it? Really?? Not bad at all",
        "At least it isn't a horrible book.",
        "",
        "   ",
        "— …",
        "THIS IS ALL CAPS AND GREAT!",  # no cap differential: every word is upper case
        "'Good' news, (SUPER) bad... ok?! :-( \"Fine.\"",  # punctuation stripped or kept
        # VADER's idioms and multi-word boosters, three or more words into the sentence
        "Honestly that new album is the bomb and the show was the shit, yeah right.",
        "We all know the plan is a kiss of death, a disaster, not a treat to die for.",
        "Our old friends said the ending was kind of sad and sort of lovely, just enough.",
        "They waited at the bus stop with a beating heart, a bad ass hero, so good.",
    ],
)
def test_polarity_matches_vader_exactly(text):
    ref = analyzer().polarity_scores(text)
    c, pos, neu, neg, _ = polarity(text)
    assert (c, pos, neu, neg) == (ref["compound"], ref["pos"], ref["neu"], ref["neg"])


def test_no_vader_emoji_is_ascii():
    # polarity looks for emoji only in a sentence with a non-ASCII character
    assert not [e for e in analyzer().emojis if len(e) == 1 and e.isascii()]


def columns(text, voices=None):
    """The per-sentence columns the sentiment rates read, for ``text`` as all body."""
    res = score_sentences(tokenize(text))
    voice = np.array(voices if voices is not None else ["commentary"] * len(res), dtype=object)
    return {"n_words": res.n_words, "valence": res.valence, "voice": voice}


def test_article_mean_is_compound_of_weighted_mean_valence():
    text = "The book was good. The food was bad."
    res = score_sentences(tokenize(text))
    assert [s.compound for s in res.sentences] == [0.4404, -0.5423]
    assert (res.metrics()["positive_share"], res.metrics()["negative_share"]) == (0.5, 0.5)
    assert res.metrics()["neutral_share"] == 0.0
    # equal weights (4 words each): mean valence (1.9 - 2.5) / 2 = -0.3
    assert res.mean() == pytest.approx(vader(-0.3), abs=1e-12)
    m = rhetoric.analyze(text).metrics
    assert m["sentiment_mean"] == res.mean()
    # bootstrap over two sentences: the 2.5% and 97.5% quantiles are the all-bad and
    # all-good resamples
    assert m["sentiment_ci_low"] == pytest.approx(vader(-2.5))
    assert m["sentiment_ci_high"] == pytest.approx(vader(1.9))
    again = rhetoric.analyze(text).metrics
    assert again["sentiment_ci_low"] == m["sentiment_ci_low"]  # fixed seed: reproducible


def test_word_weighting_and_short_sentences():
    # weights 4 and 8 words: (4 * 1.9 + 8 * -2.5) / 12
    doc = tokenize("The book was good. The food in that old hotel was bad.")
    assert score_sentences(doc).mean() == pytest.approx(vader((4 * 1.9 - 8 * 2.5) / 12))
    # a one-word sentence gets no weight next to a long one...
    doc = tokenize("Good! The food in the hotel was bad.")
    assert score_sentences(doc).mean() == pytest.approx(vader(-2.5))
    # ...but counts when every sentence is short
    doc = tokenize("Good! Bad.")
    assert score_sentences(doc).mean() == pytest.approx(vader((1.9 + 0.292 - 2.5) / 2))


def test_neutral_sentences_and_shares():
    doc = tokenize("The meeting is on Monday. The book was good. The food was bad.")
    res = score_sentences(doc)
    m = res.metrics()
    assert m["neutral_share"] == pytest.approx(1 / 3)
    assert m["positive_share"] == pytest.approx(1 / 3)
    # the neutral sentence (5 words, valence 0) pulls the mean towards 0
    assert res.mean() == pytest.approx(vader((4 * 1.9 - 4 * 2.5) / 13))


def test_voices():
    text = "The book was good. The food was bad. It was not good at all."
    cols = columns(text, ["commentary", "quote", "mixed"])
    commentary = SENTENCE_METRICS["sentiment_mean_commentary"]
    quotes = SENTENCE_METRICS["sentiment_mean_quotes"]
    assert commentary.value(cols) == pytest.approx(vader(1.9))
    assert quotes.value(cols) == pytest.approx(vader(-2.5))
    # "mixed" is in neither voice, but in the mean of all sentences
    assert SENTENCE_METRICS["sentiment_mean"].value(cols) == score_sentences(tokenize(text)).mean()
    assert math.isnan(quotes.value(columns(text, ["commentary"] * 3)))


def test_records_frame_and_arc():
    text = "The book was good.\n\nThe food was bad."
    doc = tokenize(text)
    res = score_sentences(doc)
    recs = res.records()
    assert [(r["start"], r["end"]) for r in recs] == [(0, 18), (20, 37)]
    assert text[recs[1]["start"] : recs[1]["end"]] == "The food was bad."
    assert [r["sentiment"] for r in recs] == [0.4404, -0.5423]
    assert [r["position"] for r in recs] == [0.25, 0.75]
    df = res.arc(window=3)
    assert list(df["rolling"]) == pytest.approx([(0.4404 - 0.5423) / 2] * 2)
    assert len(res.to_frame()) == 2


def test_empty_and_junk_give_nan_and_warning():
    for text in ("", "— … —"):
        res = score_sentences(tokenize(text))
        with pytest.warns(UserWarning):
            m = res.metrics()
        assert math.isnan(res.mean()) and math.isnan(m["positive_share"])
    assert math.isnan(aggregate([], []))


def test_single_sentence_has_no_interval():
    with pytest.warns(UserWarning, match="sentiment_ci_low"):
        m = rhetoric.analyze("The book was good.").metrics
    assert m["sentiment_mean"] == pytest.approx(vader(1.9))
    assert math.isnan(m["sentiment_ci_low"]) and math.isnan(m["sentiment_ci_high"])


def test_normalize():
    assert normalize(0.0) == 0.0
    assert math.isnan(normalize(math.nan))
    assert isinstance(score_sentences(tokenize("x")), SentimentResult)


def _reference_polarity(text):
    """polarity() through VADER's own sentiment_valence (the code before the fast path)."""
    from vaderSentiment import vaderSentiment as vs

    a = analyzer()
    text = text.strip()
    sentitext = vs.SentiText(text)
    tokens = sentitext.words_and_emoticons
    sentiments = []
    for i, item in enumerate(tokens):
        low = item.lower()
        if low in vs.BOOSTER_DICT or (
            low == "kind" and i < len(tokens) - 1 and tokens[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = a.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = a._but_check(tokens, sentiments)
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0, 0.0
    total = float(sum(sentiments))
    emphasis = a._punctuation_emphasis(text)
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    pos_sum, neg_sum, neu_count = a._sift_sentiment_scores(sentiments)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    denom = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(vs.normalize(total), 4),
        round(math.fabs(pos_sum / denom), 3),
        round(math.fabs(neu_count / denom), 3),
        round(math.fabs(neg_sum / denom), 3),
        total,
    )


ADVERSARIAL = [
    "No good deed goes unpunished, and no one is happy.",
    "It is not the least bit bad, at least not very least good.",
    "Never so good, never this bad, without doubt a great win.",
    "He was kind of happy but sort of sad, but also GREAT and TERRIBLE.",
    "The kiss of death for a bad ass yeah right plan; it cut the mustard.",
    "I don't love it, I can't hate it, and nor do they or nor care.",
    "They mustn't've been good friends, y'all'dn't call it great.",  # n't words outside NEGATE
    "VERY GOOD news, EXTREMELY bad news, barely good, hardly terrible!!!!",
    "no no no good bad no or nor happy least least sad",
    "good",
    "No",
    "Is it? Really?? Not bad at all, but hardly great.",
]


def test_fast_valence_equals_vader_path_on_adversarial_and_seed_sentences():
    from pathlib import Path

    import rhetoric

    texts = list(ADVERSARIAL)
    for path in sorted(Path(__file__).resolve().parents[1].joinpath("data", "raw").glob("*.txt")):
        doc = rhetoric.analyze(path).doc
        texts += [doc.sentence_text(i) for i in range(len(doc.sentences))]
    for text in texts:
        assert polarity(text) == _reference_polarity(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Bad. Good! Fine. Terrible news. Great.",  # every sentence short
        "Bad. Good! The food in that old hotel was truly awful. Great. A fine day it was.",
    ],
)
def test_bootstrap_means_are_the_aggregate_of_each_resample(text):
    """Each replicate of the interval is :func:`aggregate` of the resampled sentences,
    with the article's weights (short sentences weigh 0 when the article has a longer
    one; a replicate with only short ones has no weight and is dropped)."""
    from rhetoric import resampling

    cols = columns(text)
    n = len(cols["n_words"])
    num, den = weighted_parts(cols["valence"], cols["n_words"])
    # which sentences each replicate drew: bootstrap_sums of one-hot columns
    counts = resampling.bootstrap_sums(np.eye(n), 300, seed=11).round().astype(int)
    means = []
    for row in counts:
        picked = np.repeat(np.arange(n), row)
        if den[picked].sum() > 0:
            means.append(normalize(num[picked].sum() / den[picked].sum()))
    lo, hi = np.quantile(means, [0.05, 0.95])
    rate = SENTENCE_METRICS["sentiment_mean"]
    assert rate.interval(cols, n_boot=300, seed=11, level=0.9) == (
        pytest.approx(lo, abs=1e-12),
        pytest.approx(hi, abs=1e-12),
    )


def _random_sentences(n, seed):
    """Sentences of VADER's lexicon words, boosters, negations, idiom words, capitals,
    "but", "kind of", "n't" words, emojis, "!"/"?", tabs and no-break spaces."""
    import random

    from vaderSentiment import vaderSentiment as vs

    rng = random.Random(seed)
    lexicon = sorted(analyzer().lexicon)
    idioms = sorted({w for k in [*vs.SPECIAL_CASES, *vs.BOOSTER_DICT] for w in k.split()})
    pools = [
        lexicon,
        sorted(vs.BOOSTER_DICT),
        sorted(vs.NEGATE),
        idioms,
        ["the", "news", "said", "of", "kind", "but", "BUT", "no", "never", "so", "this"],
        ["least", "at", "very", "without", "doubt", "or", "nor", "isn't", "DON'T", "I", "US"],
        ["😀", "💔", "“good”", "(bad)", "great!", "sad?", "—", ":)", "'", "…"],
    ]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 14)):
            word = rng.choice(rng.choice(pools))
            if rng.random() < 0.1:
                word = word.upper()
            words.append(word)
        seps = [rng.choice([" ", " ", " ", "  ", "\t", "\u00a0", ""]) for _ in words]
        out.append("".join(w + s for w, s in zip(words, seps, strict=True)) + rng.choice(".!?"))
    return out


def test_polarity_equals_vader_on_random_sentences():
    """Both paths of polarity (each word its own valence, or VADER's rules) on sentences
    built to meet every rule, against VADER's own sentiment_valence."""
    emojis = analyzer().emojis
    for text in _random_sentences(4000, 5):
        if not any(ch in emojis for ch in text):  # the reference has no emoji pass
            assert polarity(text) == _reference_polarity(text), text
        ref = analyzer().polarity_scores(text)
        assert polarity(text)[:4] == (ref["compound"], ref["pos"], ref["neu"], ref["neg"]), text


def test_score_sentences_scores_each_sentence_text():
    """score_sentences gives polarity(doc.sentence_text(i)) on the sentence as it stands
    (white space not folded), and builds each SentenceSentiment as its constructor does."""
    import random

    from rhetoric.measures.sentiment import SentenceSentiment

    rng = random.Random(6)
    sentences = _random_sentences(3000, 7)
    for k in range(0, len(sentences), 6):
        text = "".join(s + rng.choice([" ", "  ", "\n\n", " \t"]) for s in sentences[k : k + 6])
        doc = tokenize(text)
        res = score_sentences(doc)
        for i, got in enumerate(res.sentences):
            start, end = doc.sentences[i]
            first, last = doc.sentence_words[i]
            n = last - first
            scores = polarity(doc.sentence_text(i)) if n else (0.0, 0.0, 0.0, 0.0, 0.0)
            expected = SentenceSentiment(i, start, end, n, *scores)
            assert got == expected, doc.sentence_text(i)
            assert list(vars(got).items()) == list(vars(expected).items())


def test_tone_shares_equal_numpy_means():
    import random

    from rhetoric.measures.sentiment import SentenceSentiment

    rng = random.Random(8)
    values = [0.05, -0.05, 0.0499, -0.0499, 0.5, -0.9, 0.0, math.nan]
    for _ in range(500):
        rows = [
            SentenceSentiment(i, 0, 1, rng.choice([0, 1, 5]), rng.choice(values), 0, 1, 0, 0)
            for i in range(rng.randint(1, 40))
        ]
        c = np.array([s.compound for s in rows if s.n_words > 0])
        if not len(c):
            continue
        got = SentimentResult(tuple(rows)).metrics()
        assert got == {
            "positive_share": float(np.mean(c >= 0.05)),
            "negative_share": float(np.mean(c <= -0.05)),
            "neutral_share": float(np.mean((c > -0.05) & (c < 0.05))),
        }
