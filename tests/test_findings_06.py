"""Findings of notebook 06_validation: every figure its prose states, read from
``evaluation/results`` as the notebook reads them, must be the figure the prose states.

When an evaluation is rerun and a figure moves, this fails until the prose is rewritten.
"""

from __future__ import annotations

import json

from findings import ROOT


def test_06_prose_states_the_loaded_language_figures(valid, notebook_text):
    text = notebook_text("06")
    v = valid["value"]
    ptc = json.loads((ROOT / "evaluation" / "results" / "loaded_ptc.json").read_text())
    assert (
        f"On {ptc['articles']} held-out PTC articles ({ptc['words']:,} words, "
        f"of which {ptc['gold_words']:,} are inside"
    ) in text
    assert (
        f"token precision is {v['loaded: token precision']:.2f} and recall "
        f"{v['loaded: token recall']:.2f} (F1 {v['loaded: token F1']:.2f}); "
        f"the VADER baseline reaches F1 {v['baseline (VADER words): token F1']:.2f}"
    ) in text
    rho = valid.loc["loaded: Spearman rho of density per article"]
    base = valid.loc["baseline (VADER words): Spearman rho"]
    assert (
        f"Spearman ρ = {rho['value']:.2f} (95% interval {rho['ci_low']:.2f} to "
        f"{rho['ci_high']:.2f}), the baseline at {base['value']:.2f} "
        f"({base['ci_low']:.2f} to {base['ci_high']:.2f})"
    ) in text
    precision = v["loaded: token precision"]
    assert f"{round(100 * (1 - precision))}% of the words the detector flags" in text
    assert f"it finds {round(100 * v['loaded: token recall'])}% of what they marked" in text
    babe = json.loads((ROOT / "evaluation" / "results" / "loaded_babe.json").read_text())
    word_f1 = v["loaded: BABE word F1 (experts' words)"]
    assert (
        f"On {babe['held_out_sentences']} held-out BABE sentences, word-level F1 against the "
        f"experts' biased words is {word_f1:.2f} "
        f"(before: {babe['before']['f1']:.2f}); `loaded_per_100_words` separates the "
        f"{babe['biased_sentences']} biased from the "
        f"{babe['labelled_sentences'] - babe['biased_sentences']} non-biased sentences with AUC "
        f"{v['loaded: BABE AUC of loaded_per_100_words']:.2f}, and the sentence bias score "
        f"`bias_mean` with AUC {v['bias: BABE AUC of bias_mean']:.2f} (at 0.5 it is right for "
        f"{babe['bias_classifier']['accuracy']:.2f} of the sentences, macro F1 "
        f"{v['bias: BABE macro F1 at 0.5']:.2f}, against "
        f"{babe['bias_classifier']['roberta_macro_f1']:.2f} for BABE's own fine-tuned RoBERTa)"
    ) in text
    before = ptc["detectors"]["before"]
    assert (
        f"precision {before['precision']:.2f}, recall {before['recall']:.2f} and F1 "
        f"{before['f1']:.2f} (ρ {before['spearman_terms']:.2f})"
    ) in text
    (bin6,) = [b for b in babe["bias_classifier"]["reliability"] if b["from"] == 0.6]
    assert (
        f"0.6 to 0.8, {bin6['share_biased']:.2f} are biased "
        f"(mean score {bin6['mean_predicted']:.2f})"
    ) in text


def test_06_prose_states_the_sentiment_figures(valid, notebook_text):
    text = notebook_text("06")
    r = valid.loc["sentiment: Pearson r with readers"]
    raw = valid.loc["baseline (raw VADER): Pearson r with readers"]
    several = valid.loc["sentiment: Pearson r, snippets of 2+ sentences"]
    assert (
        f"On the {r['n']:,.0f} held-out editorial snippets, `sentiment_mean` correlates "
        f"with the readers' mean rating at r = {r['value']:.3f} (95% interval "
        f"{r['ci_low']:.3f} to {r['ci_high']:.3f}), the same as VADER on the whole "
        f"snippet (r = {raw['value']:.3f})"
    ) in text
    assert f"r = {several['value']:.2f} ({several['ci_low']:.2f} to {several['ci_high']:.2f})" in (
        text
    )
    assert f"(r² ≈ {r['value'] ** 2:.2f})" in text


def test_06_prose_states_the_quote_figures(valid, notebook_text):
    text = notebook_text("06")
    rec = valid.loc["quotes: recall"]
    prec = valid.loc["quotes: precision (direct quotes)"]
    acc = valid.loc["quotes: speaker accuracy"]
    share = valid.loc["quotes: share given a speaker"]
    assert (
        f"(recall {rec['value']:.3f}, interval {rec['ci_low']:.3f} to {rec['ci_high']:.3f}, "
        f"{rec['n']:,.0f} quotations)"
    ) in text
    assert f"(precision {prec['value']:.3f}, {prec['n']:,.0f} quotes)" in text
    assert f"It gives a speaker to {share['value']:.2f} of the quotes" in text
    assert (
        f"the speaker is right for {acc['value']:.3f} of them ({acc['ci_low']:.3f} to "
        f"{acc['ci_high']:.3f}, {acc['n']:,.0f} quotes"
    ) in text


def test_06_prose_states_the_segmentation_figures(valid, notebook_text):
    text = notebook_text("06")
    v = valid["value"]
    n = valid.loc["segmentation (page copied as text): body precision", "n"]
    text_p = v["segmentation (page copied as text): body precision"]
    text_r = v["segmentation (page copied as text): body recall"]
    md_p = v["segmentation (page clipped to Markdown): body precision"]
    md_r = v["segmentation (page clipped to Markdown): body recall"]
    html_p = v["segmentation (HTML page): body precision"]
    html_r = v["segmentation (HTML page): body recall"]
    base_p = v["baseline (trafilatura alone, headline not body): HTML body precision"]
    base_r = v["baseline (trafilatura alone, headline not body): HTML body recall"]
    assert f"On {n:.0f} held-out pages of Mozilla Readability's test suite" in text
    assert (
        f"Copied as text, body precision is {text_p:.3f} and recall {text_r:.3f}; "
        f"clipped to Markdown, {md_p:.3f} and {md_r:.3f}. As HTML, precision "
        f"{html_p:.3f} and recall {html_r:.3f}, against {base_p:.3f} and {base_r:.3f} "
        "for trafilatura alone, its repeated headline not counted as body."
    ) in text
    assert f"about {round(100 * (1 - text_p))}% of the text the metrics see" in text
    assert f"about {round(100 * (1 - text_r))}% of the article is lost" in text
    assert f"its recall {base_r - html_r:.4f} lower" in text
    assert "Segmentation** (what is body and what is page chrome, notebook 00): checked" not in (
        text
    )


def test_06_density_gap_of_notebook_05_is_a_factor_of_two_or_more(by_id, notebook_text):
    d = {k: by_id[k].metrics["loaded_per_100_words"] for k in ("000", "003", "004")}
    assert "like 003's against 000 and 004 (a factor of two or more)" in notebook_text("06")
    assert min(d["000"], d["004"]) >= 2 * d["003"]


def test_06_prose_states_the_seed_speakers_still_wrong(by_id, notebook_text):
    # "the wrong ones (one quote in 000, ..., besides three of 003 given to the joint
    # statement's two authors rather than the statement)": notebook 04 lists them
    assert "the wrong ones (one quote in 000, the quotation the text never closes" in (
        notebook_text("06")
    )
    unclosed = [q for q in by_id["000"].quotes if q.kind == "direct" and q.unclosed]
    assert len(unclosed) == 1 and unclosed[0].speaker is not None
    direct = [q for q in by_id["003"].quotes if q.kind == "direct" and q.depth == 0]
    assert sum(q.speaker == "China and Russia" for q in direct) == 3
    assert not any(q.speaker in ("Russia", "China", None) for q in direct)
