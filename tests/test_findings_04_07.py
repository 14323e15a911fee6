"""Every claim the prose of notebooks 04-07 makes, recomputed from the library.

If a change to `rhetoric` breaks one of these, the notebook's written finding is now
false: fix the code or rewrite the finding (and this test) with the new number.
Articles are named by the first three characters of their id, as in the notebooks.
"""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import pytest
from validation import HEADLINES, headline, load_results

from rhetoric import comparison
from rhetoric.analysis.corpus import analyze_files, find_files

ROOT = Path(__file__).resolve().parents[1]
IDS = ("000", "003", "004")


@pytest.fixture(scope="module")
def corpus():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyze_files(find_files(ROOT / "data" / "raw")).analyses


@pytest.fixture(scope="module")
def by_id(corpus):
    return {a.id[:3]: a for a in corpus}


@pytest.fixture(scope="module")
def frame(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = comparison.compare(corpus)
    f.index = [i[:3] for i in f.index]
    return f


@pytest.fixture(scope="module")
def pairs(corpus):
    metrics = ["loaded_per_100_words", "loaded_per_100_words_commentary", "sentiment_mean"]
    t = comparison.pairwise_tests(corpus, [*metrics, "quote_share"])
    t["a"], t["b"] = t["a"].str[:3], t["b"].str[:3]
    return t.set_index(["metric", "a", "b"])


@pytest.fixture(scope="module")
def voice(corpus):
    t = comparison.voice_tests(corpus)
    t["id"] = t["id"].str[:3]
    return t


@pytest.fixture(scope="module")
def valid():
    return headline(load_results(ROOT / "evaluation" / "results")).set_index("label")


def metric(by_id, name, digits, scale=1.0):
    return {k: round(by_id[k].metrics[name] * scale, digits) for k in IDS}


def interval(frame, name, digits, scale=1.0):
    return {
        k: (
            round(frame.at[k, f"{name}_ci_low"] * scale, digits),
            round(frame.at[k, f"{name}_ci_high"] * scale, digits),
        )
        for k in IDS
    }


# --- 04_quotes_voice ---------------------------------------------------------------


def test_04_quote_shares_and_ratios(by_id, frame, pairs):
    assert metric(by_id, "quote_share", 0, 100) == {"000": 38, "003": 55, "004": 38}
    assert interval(frame, "quote_share", 0, 100) == {
        "000": (22, 55),
        "003": (41, 68),
        "004": (15, 63),
    }
    assert metric(by_id, "quote_commentary_ratio", 2) == {"000": 0.61, "003": 1.24, "004": 0.62}
    assert round(pairs.loc[("quote_share", "000", "003"), "p_value"], 2) == 0.15


def test_04_who_is_quoted(corpus):
    t = comparison.speaker_table(corpus)
    t["id"] = t["id"].str[:3]
    top = t.groupby("id").head(1)
    rows = [(r.id, r.speaker, r.words, round(r.share_of_quoted * 100)) for r in top.itertuples()]
    assert rows == [
        ("000", "Alexei Maslov", 82, 37),
        ("003", "Joint statement of Xi Jinping and Vladimir Putin", 177, 28),
        ("004", "Xi Jinping", 76, 60),
    ]
    a = comparison.speaker_table(corpus, by="affiliation")
    a["id"] = a["id"].str[:3]
    share = {(r.id, r.affiliation): round(r.share_of_quoted * 100) for r in a.itertuples()}
    assert share[("000", "Russia")] == 53 and share[("000", "China")] == 39
    assert share[("003", "China & Russia")] == 42 and share[("003", "Russia")] == 33
    assert share[("004", "China")] == 60 and share[("004", "Russia")] == 40
    named = set(t.loc[t["speaker"] != "(unattributed)", "affiliation"])
    assert named == {"Russia", "China", "China & Russia", "International"}  # no Western voice
    intl = t[t["affiliation"] == "International"]
    assert intl[["id", "speaker", "words"]].values.tolist() == [["003", "Thomas Bach", 46]]
    assert round(intl["share_of_quoted"].iloc[0] * 100) == 7


def test_04_every_article_names_the_us_or_the_west(by_id):
    for k in IDS:
        assert any(m.group == "us_west" for m in by_id[k].mentions), k


def test_04_unattributed_quotes(corpus, by_id):
    t = comparison.speaker_table(corpus)
    t["id"] = t["id"].str[:3]
    un = t[t["speaker"] == "(unattributed)"].set_index("id")
    assert un.loc["003", ["quotes", "words"]].tolist() == [7, 103]
    assert round(un.loc["003", "share_of_quoted"] * 100) == 16
    assert un.loc["000", ["quotes", "words"]].tolist() == [1, 17]
    assert "004" not in un.index
    # 003: all seven follow the sentence naming Putin's Xinhua commentary and come
    # before the first attributed quote
    a = by_id["003"]
    cue = a.article.text.index("Xinhua published the text of his commentary")
    direct = [q for q in a.quotes if q.kind == "direct" and q.depth == 0]
    first_named = min(q.start for q in direct if q.speaker)
    loose = [q for q in direct if not q.speaker]
    assert len(loose) == 7 and all(cue < q.start and q.end <= first_named for q in loose)
    # 000: the unattributed quote is the one never closed
    (q000,) = [q for q in by_id["000"].quotes if q.kind == "direct" and not q.speaker]
    assert q000.unclosed


def test_04_scare_and_title_quotes(corpus, by_id):
    t = comparison.quote_table(corpus, kinds=["scare", "title"])
    t["id"] = t["id"].str[:3]
    got = [(r.id, r.kind, r.text.strip("“”\"'").rstrip(",")) for r in t.itertuples()]
    assert got == [
        ("000", "scare", "diversification"),
        ("003", "title", "Russia and China: A Future-Oriented Strategic Partnership"),
        ("003", "scare", "comprehensive strategic partnership"),
    ]
    assert metric(by_id, "scare_quotes_per_1000_words", 1) == {"000": 1.7, "003": 0.9, "004": 0.0}


def test_04_commentary_against_quotes(by_id, voice, valid):
    assert metric(by_id, "loaded_per_100_words_commentary", 1) == {
        "000": 6.6,
        "003": 1.8,
        "004": 7.4,
    }
    assert metric(by_id, "loaded_per_100_words_quotes", 1) == {"000": 2.2, "003": 1.3, "004": 3.2}
    times = {
        k: by_id[k].metrics["loaded_per_100_words_commentary"]
        / by_id[k].metrics["loaded_per_100_words_quotes"]
        for k in IDS
    }
    assert {k: round(v, 1) for k, v in times.items()} == {"000": 2.9, "003": 1.4, "004": 2.3}
    # chart title: commentary above quotes everywhere, most clearly in 000 and 004
    assert min(times["000"], times["004"]) > times["003"] > 1
    assert metric(by_id, "sentiment_mean_commentary", 2) == {"000": 0.64, "003": 0.19, "004": 0.18}
    assert metric(by_id, "sentiment_mean_quotes", 2) == {"000": 0.29, "003": 0.61, "004": -0.04}
    smallest = voice.loc[voice["p_value"].idxmin()]
    assert (smallest["id"], smallest["metric"]) == ("000", "sentiment_mean")
    assert round(smallest["p_value"], 2) == 0.08
    assert round(voice["p_holm"].min(), 1) == 0.5
    assert round(valid.at["loaded: token F1", "value"], 2) == 0.26
    assert round(valid.at["loaded: Spearman rho of density per article", "value"], 2) == 0.74


# --- 05_comparison_findings ----------------------------------------------------------


def test_05_loaded_density_and_tone(by_id, frame):
    assert metric(by_id, "loaded_per_100_words", 2) == {"000": 4.94, "003": 1.48, "004": 5.78}
    assert interval(frame, "loaded_per_100_words", 2) == {
        "000": (2.21, 8.52),
        "003": (0.74, 2.31),
        "004": (2.37, 9.57),
    }
    assert not comparison.intervals_overlap(frame, "loaded_per_100_words", "003", "004")
    overlap = (
        frame.at["003", "loaded_per_100_words_ci_high"]
        - frame.at["000", "loaded_per_100_words_ci_low"]
    )
    assert round(overlap, 2) == 0.10
    loaded = {k: by_id[k].metrics["loaded_per_100_words"] for k in IDS}
    assert loaded["003"] < 0.5 * min(loaded["000"], loaded["004"])  # "less than half the rate"
    assert metric(by_id, "sentiment_mean", 2) == {"000": 0.52, "003": 0.47, "004": 0.09}
    assert interval(frame, "sentiment_mean", 2) == {
        "000": (0.33, 0.66),
        "003": (0.17, 0.69),
        "004": (-0.17, 0.32),
    }
    assert all(by_id[k].metrics["sentiment_mean"] > 0 for k in IDS)


def test_05_pairwise_tests(pairs):
    assert (pairs["p_value"] < 0.05).sum() == 5
    assert (pairs["p_holm"] < 0.05).sum() == 2
    p = pairs.round(3)
    assert p.loc[("loaded_per_100_words", "000", "003"), ["p_value", "p_holm"]].tolist() == [
        0.004,
        0.044,
    ]
    assert p.loc[("loaded_per_100_words", "003", "004"), ["p_value", "p_holm"]].tolist() == [
        0.002,
        0.024,
    ]
    assert p.loc[("sentiment_mean", "000", "004"), ["p_value", "p_holm"]].tolist() == [0.010, 0.105]
    assert round(pairs.xs("quote_share")["p_value"].min(), 2) == 0.15


def test_05_distinctive_words(corpus):
    from rhetoric.comparison.distinctive import log_odds, tfidf_terms

    lo = log_odds(corpus, n=None)
    lo = lo[lo["z"] > 1.96]
    got = {(r.id[:3], r.term): round(r.z, 1) for r in lo.itertuples()}
    assert got == {
        ("000", "will"): 2.7,
        ("000", "relations"): 2.4,
        ("000", "bilateral"): 2.3,
        ("000", "russian"): 2.3,
        ("003", "the"): 3.0,
        ("003", "is"): 2.0,
        ("004", "trade"): 2.6,
        ("004", "economic"): 2.6,
    }
    tf = tfidf_terms(corpus, n=6)
    assert {"beijing", "winter", "friday"} <= set(tf[tf["id"].str[:3] == "003"]["term"])


def test_05_occasions_of_the_articles():
    with open(ROOT / "data" / "articles.csv", encoding="utf-8") as fh:
        published = {r["id"][:3]: r["published"][:7] for r in csv.DictReader(fh)}
    assert published == {"000": "2017-07", "003": "2022-02", "004": "2017-07"}


def test_05_shared_phrases(corpus):
    from rhetoric.comparison.phrases import shared_phrases

    f = shared_phrases(corpus).to_frame()
    cross = f[f["n_articles"] == 2]
    ids = cross.groupby("phrase_no")["id"].apply(lambda s: tuple(sorted({i[:3] for i in s})))
    assert len(ids) == 8
    assert ids.value_counts().to_dict() == {("000", "003"): 4, ("000", "004"): 4}
    phrases = set(cross["phrase"])
    assert {
        "ambitious One Belt One Road initiative",
        "a vital counterforce to",
        "President Putin and I",
        "a close personal friendship",
        "the Power of Siberia",
        "becoming China’s president in",
    } <= phrases
    assert cross["n_words"].max() == 6
    nine = f[f["phrase"] == "billion cubic meters of Russian natural gas to China"]
    assert nine["id"].str[:3].tolist() == ["000", "000"] and nine["n_words"].iloc[0] == 9


def test_05_readability(by_id):
    assert metric(by_id, "flesch_reading_ease", 0) == {"000": 26, "003": 31, "004": 36}


# --- 06_validation -------------------------------------------------------------------


def test_06_headline_figures(valid):
    v = valid["value"].round(4).to_dict()
    assert v["loaded: token precision"] == 0.2451
    assert v["loaded: token recall"] == 0.2848
    assert v["baseline (VADER words): token F1"] == 0.1066
    assert v["sentiment: Pearson r with readers"] == 0.5231
    assert v["baseline (raw VADER): Pearson r with readers"] == 0.5232
    assert v["sentiment: Pearson r, snippets of 2+ sentences"] == 0.6337
    assert v["quotes: recall"] == 0.9449
    assert v["quotes: precision (direct quotes)"] == 0.949
    assert v["quotes: speaker accuracy"] == 0.7053
    assert v["quotes: share given a speaker"] == 0.9049
    rho = valid.loc["loaded: Spearman rho of density per article"]
    assert (round(rho["ci_low"], 2), round(rho["ci_high"], 2), rho["n"]) == (0.62, 0.83, 74)
    base = valid.loc["baseline (VADER words): Spearman rho"]
    assert (round(base["value"], 2), round(base["ci_low"], 2), round(base["ci_high"], 2)) == (
        0.47,
        0.26,
        0.63,
    )
    speaker = valid.loc["quotes: speaker accuracy"]
    assert (round(speaker["ci_low"], 3), round(speaker["ci_high"], 3)) == (0.689, 0.721)
    assert valid.loc["quotes: recall", "n"] == 2631
    assert valid.loc["sentiment: Pearson r with readers", "n"] == 1284
    assert round(valid.at["sentiment: Pearson r with readers", "value"] ** 2, 2) == 0.27


def test_06_every_evaluation_is_committed():
    names = {p.stem for p in (ROOT / "evaluation" / "results").glob("*.json")}
    assert {h[0] for h in HEADLINES} <= names
    ptc = json.loads((ROOT / "evaluation" / "results" / "loaded_ptc.json").read_text())
    assert (ptc["articles"], ptc["words"], ptc["gold_words"]) == (74, 75613, 2093)


# --- 07_your_articles ----------------------------------------------------------------


def test_07_template_has_a_parameters_cell_first():
    nb = json.loads((ROOT / "notebooks" / "07_your_articles.ipynb").read_text(encoding="utf-8"))
    first = next(c for c in nb["cells"] if c["cell_type"] == "code")
    assert "parameters" in first["metadata"].get("tags", [])
    assert 'folder = "../data/raw"' in "".join(first["source"])
