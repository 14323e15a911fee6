import json
import math

import pytest
from validation import (
    PAGES_HELD_OUT_PERCENT,
    headline,
    load_results,
    page_split,
    shingle_prf,
    shingles,
    spearman_ci,
    term_word_flags,
    title_contained,
    title_exact,
    wilson,
)


def write(folder, name, data):
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def test_load_results_flattens_splits_correlations_and_text(tmp_path):
    write(tmp_path, "quotes_polnear", {
        "data": "/somewhere/train.jsonl",
        "seed": 7,
        "test": {"articles": 10, "recall_quoted_attributions": 0.9, "ok": True,
                 "quotes_by_kind": {"direct": 40}},
    })  # fmt: skip
    write(tmp_path, "sentiment_nyt", {
        "held_out": {"raw": {"r": 0.5, "ci95": [0.4, 0.6], "n": 100}},
        "heldout_ids": [1, 2, 3],
    })  # fmt: skip
    r = load_results(tmp_path)
    cols = r[["evaluation", "split", "figure", "value", "text"]]
    rows = {(e, s, f): (v, t) for e, s, f, v, t in cols.itertuples(index=False)}
    assert rows[("quotes_polnear", "", "seed")][0] == 7.0
    assert rows[("quotes_polnear", "", "data")][1] == "/somewhere/train.jsonl"
    assert rows[("quotes_polnear", "test", "recall_quoted_attributions")][0] == 0.9
    assert rows[("quotes_polnear", "test", "quotes_by_kind.direct")][0] == 40.0
    assert rows[("quotes_polnear", "test", "ok")][1] == "True"  # a bool is text, not 1.0
    corr = r[r["figure"] == "raw"].iloc[0]
    assert (corr["split"], corr["value"], corr["ci_low"], corr["ci_high"], corr["n"]) == (
        "held_out", 0.5, 0.4, 0.6, 100.0)  # fmt: skip
    assert not r["figure"].str.contains("heldout_ids").any()  # lists are not figures
    assert len(r) == 7  # data, seed, articles, recall, ok, direct, raw


def test_load_results_survives_missing_folder_and_bad_json(tmp_path):
    with pytest.warns(UserWarning, match="no evaluation results"):
        assert load_results(tmp_path / "absent").empty
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    write(tmp_path, "fine", {"x": 1})
    with pytest.warns(UserWarning, match="broken.json"):
        r = load_results(tmp_path)
    assert r["evaluation"].tolist() == ["fine"]


def test_headline_picks_figures_with_sample_sizes_and_intervals(tmp_path):
    write(tmp_path, "quotes_polnear", {
        "dev": {"recall_quoted_attributions": 0.1, "quoted_attributions": 5},
        "test": {"recall_quoted_attributions": 0.5, "quoted_attributions": 100},
    })  # fmt: skip
    write(tmp_path, "loaded_ptc", {
        "articles": 109, "detectors": {"default": {"spearman_terms": 0.0, "f1": 0.25}},
    })  # fmt: skip
    h = headline(load_results(tmp_path)).set_index("label")
    recall = h.loc["quotes: recall"]  # the test split, not dev
    assert (recall["split"], recall["value"], recall["n"]) == ("test", 0.5, 100.0)
    assert (recall["ci_low"], recall["ci_high"]) == pytest.approx((0.4038, 0.5962), abs=1e-4)
    rho = h.loc["loaded: Spearman rho of density per article"]
    assert rho["split"] == "held_out" and rho["n"] == 109.0
    assert (rho["ci_low"], rho["ci_high"]) == pytest.approx((-0.19353, 0.19353), abs=1e-4)
    f1 = h.loc["loaded: token F1"]
    assert f1["value"] == 0.25 and math.isnan(f1["ci_low"])
    assert "sentiment: Pearson r with readers" not in h.index  # file absent: row absent


def test_wilson_and_spearman_intervals_by_hand():
    # p = 0.5, n = 100: 0.5 +- 1.96 * sqrt(0.0025 + 0.000096) / 1.0384
    assert wilson(0.5, 100) == pytest.approx((0.40383, 0.59617), abs=1e-5)
    low, high = wilson(1.0, 20)  # never above 1, and below 1 at the low end
    assert high == pytest.approx(1.0) and 0.8 < low < 0.85
    assert all(math.isnan(x) for x in wilson(0.5, 0))
    # rho = 0, n = 109: se = sqrt(1.06 / 106) = 0.1; tanh(1.96 * 0.1) = 0.19353
    assert spearman_ci(0.0, 109) == pytest.approx((-0.19353, 0.19353), abs=1e-5)
    assert all(math.isnan(x) for x in spearman_ci(0.5, 3))


def test_token_prf_pools_tokens_over_documents():
    from validation import token_prf

    gold = [[True, True, False, False], [False, True]]
    pred = [[True, False, True, False], [False, True]]
    # TP = 2, FP = 1, FN = 1
    assert token_prf(gold, pred) == {"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3}
    assert token_prf([[False]], [[False]]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_page_split_is_fixed_by_name_and_holds_out_about_the_stated_share():
    names = [f"page-{i}" for i in range(2000)]
    held = [n for n in names if page_split(n) == "held_out"]
    assert {page_split(n) for n in names} == {"held_out", "train"}
    assert [page_split(n) for n in names] == [page_split(n) for n in names]
    assert abs(len(held) / len(names) - PAGES_HELD_OUT_PERCENT / 100) < 0.04


def test_shingles_are_lower_cased_word_four_grams():
    assert shingles("One two, three FOUR five") == {
        ("one", "two", "three", "four"): 1,
        ("two", "three", "four", "five"): 1,
    }
    assert shingles("too short") == {("too", "short"): 1}
    assert shingles("") == {}


def test_shingle_prf_counts_kept_chrome_against_precision_and_lost_text_against_recall():
    gold = "the minister said the plan would cut costs by half"  # 7 shingles
    extra = gold + " subscribe to our newsletter today for more"  # 7 more shingles
    prf = shingle_prf(gold, extra)
    assert prf["recall"] == 1.0
    assert prf["precision"] == pytest.approx(7 / 14)
    lost = shingle_prf(gold, "the minister said the plan")  # 2 of 7 shingles
    assert lost["precision"] == 1.0 and lost["recall"] == pytest.approx(2 / 7)
    assert shingle_prf("", "")["f1"] == 1.0
    assert shingle_prf(gold, "")["recall"] == 0.0


def test_same_entity_is_a_description_of_the_speaker_we_name():
    from eval_quotes_polnear import same_entity, speaker_ok

    from rhetoric.measures.attribution import Gazetteer

    gaz = Gazetteer.default()
    # the head-word rule takes "aide"; the source's last part names our speaker
    src = "Her chief policy aide, Jake Sullivan,"
    assert not speaker_ok("Jake Sullivan", src, gaz) and same_entity("Jake Sullivan", src, "")
    assert not same_entity("Hillary Clinton", src, "")
    text = "The Republican nominee, Donald Trump, spoke. Later the nominee said “…”."
    assert same_entity("Donald Trump", "the Republican nominee", text)
    assert same_entity("Donald Trump", "the Republican nominee", "Republican nominee Trump said")
    nominee = "the Republican nominee"
    assert same_entity("Donald Trump", nominee, "Trump, the Republican nominee, said")
    assert not same_entity("Donald Trump", "the Republican nominee", "Trump met the nominee.")
    # a bare word, a description as our speaker and a missing speaker never count
    assert not same_entity("Donald Trump", "said", "said Donald Trump")
    assert not same_entity("the spokesman", "the spokesman said", "the spokesman said")
    assert not same_entity(None, "the Republican nominee", text)


def test_term_word_flags_marks_the_words_each_term_covers():
    from types import SimpleNamespace as T

    terms = [T(first_word=1, last_word=3), T(first_word=5, last_word=6)]
    assert term_word_flags(terms, 7) == [False, True, True, False, False, True, False]
    assert term_word_flags([], 2) == [False, False]


def test_title_measures_compare_words_and_allow_a_site_suffix_only_as_a_run_of_words():
    expected = "Samantha and The Great Big Lie - John C. Welch - Medium"
    assert title_exact("samantha and the great big lie, john c welch: medium", expected)
    assert not title_exact("Samantha and The Great Big Lie", expected)
    assert title_contained("Samantha and The Great Big Lie", expected)
    assert title_contained(expected, "Samantha and The Great Big Lie")
    assert not title_contained("Samantha Lie", expected)  # not a run of its words
    assert not title_contained("Medium", expected)  # one word of a longer title
    assert title_contained("Medium", "medium") and not title_contained(None, "Medium")
    assert not title_exact("", "") and not title_contained("", "")
