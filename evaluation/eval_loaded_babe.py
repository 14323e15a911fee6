"""Loaded language and the sentence bias score against BABE's experts (held-out sentences).

Data: BABE SG1 (``../shared/data/babe/sg1.jsonl``: 1,700 news sentences, each labelled
biased or non-biased by a majority of 8 experts, with the words they marked as biased)
and MBIC (``mbic.jsonl``: the same sentences, crowd labels). Held out: the 30 % of
sentences :func:`validation.babe_split` puts there (by a hash of the id); the shipped
models never saw them and no choice was tuned on them.

Each sentence is analysed alone, as an article of one paragraph, with
:func:`rhetoric.analyze`. Figures:

* word level: token precision / recall / F1 of the counted loaded words against the
  experts' biased words (every held-out sentence; a sentence without marked words
  counts its flags as false positives);
* AUC of ``loaded_per_100_words`` and of ``bias_mean`` for biased vs non-biased
  sentences (expert label; "no agreement" left out);
* the bias score as a classifier at 0.5: accuracy and macro F1 (BABE's own fine-tuned
  RoBERTa reports macro F1 0.80 on these sentences, Spinde et al. 2021), and its
  calibration (Brier score, observed share biased per bin of predicted probability).

``--before MODEL_JSON`` also scores the word-level figures and the density AUC of an
earlier ``loaded_model.json`` (kept under ``before`` in the results; without it an
earlier ``before`` is kept).

Usage: ``.venv/bin/python evaluation/eval_loaded_babe.py [--data DIR] [--before PATH]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_loaded_model import SENTENCE_LABELS, load_babe, overlaps  # noqa: E402
from validation import babe_split, term_word_flags, token_prf  # noqa: E402

import rhetoric  # noqa: E402
from rhetoric.measures.loaded import LoadedModel, find_loaded  # noqa: E402
from rhetoric.measures.quotes import find_quotes  # noqa: E402
from rhetoric.measures.voice import measure_voice  # noqa: E402
from rhetoric.text.tokens import tokenize  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "babe"
RESULTS = ROOT / "evaluation" / "results" / "loaded_babe.json"
ROBERTA_MACRO_F1 = 0.80
"""BABE's fine-tuned RoBERTa, macro F1 on SG1 (Spinde et al., Findings of EMNLP 2021)."""


def auc(labels: list[int], scores: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def word_figures(rows: list[dict], model: LoadedModel | None) -> dict[str, float]:
    """Word P/R/F1 and density AUC with ``find_loaded`` (shipped model when None), the
    words inside quotations known to it as :func:`rhetoric.analyze` knows them."""
    gold, pred, density, labels = [], [], [], []
    for r in rows:
        doc = tokenize(r["text"])
        in_quote = measure_voice(doc, find_quotes(doc)).word_in_quote
        res = find_loaded(doc, model=model, word_in_quote=in_quote)
        gold.append(overlaps(doc, [tuple(s) for s in r["biased_word_spans"]]))
        pred.append(term_word_flags(res.terms, len(doc.words)))
        if r["label"] in SENTENCE_LABELS:
            density.append(100.0 * len(res.terms) / max(len(doc.words), 1))
            labels.append(SENTENCE_LABELS[r["label"]])
    out = token_prf(gold, pred)
    out["density_auc"] = auc(labels, density)
    return out


def rounded(d: dict) -> dict:
    return {
        k: round(v, 4) if isinstance(v, float) and not math.isnan(v) else v for k, v in d.items()
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--before", type=Path, default=None)
    args = parser.parse_args(argv[1:])
    if not (args.data / "sg1.jsonl").exists():
        print(f"skipped: data not found at {args.data}")
        return 0
    rows = [r for r in load_babe(args.data) if babe_split(r["id"]) == "held_out"]
    gold, pred, candidates = [], [], []
    density, bias, share, labels = [], [], [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unclosed quotation marks in single sentences
        for r in rows:
            analysis = rhetoric.analyze(r["text"])
            doc = analysis.doc
            gold.append(overlaps(doc, [tuple(s) for s in r["biased_word_spans"]]))
            pred.append(term_word_flags(analysis.loaded.terms, len(doc.words)))
            candidates.append(term_word_flags(analysis.loaded.candidates, len(doc.words)))
            if r["label"] in SENTENCE_LABELS:
                m = analysis.metrics
                density.append(m["loaded_per_100_words"])
                bias.append(m["bias_mean"])
                share.append(m["biased_sentence_share"])
                labels.append(SENTENCE_LABELS[r["label"]])
        before = None
        if args.before is not None:
            old = LoadedModel.from_json(json.loads(args.before.read_text(encoding="utf-8")))
            before = {"model": str(args.before.name), **rounded(word_figures(rows, old))}

    words = token_prf(gold, pred)
    with_candidates = token_prf(
        gold,
        [
            [a or b for a, b in zip(p, c, strict=True)]
            for p, c in zip(pred, candidates, strict=True)
        ],
    )
    from sklearn.metrics import accuracy_score, f1_score

    predicted = [int(b >= 0.5) for b in bias]
    bins = []
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        inside = [
            (b, y)
            for b, y in zip(bias, labels, strict=True)
            if lo <= b < lo + 0.2 or (lo == 0.8 and b == 1.0)
        ]
        if inside:
            bins.append(
                {
                    "from": lo,
                    "to": round(lo + 0.2, 1),
                    "sentences": len(inside),
                    "mean_predicted": round(sum(b for b, _ in inside) / len(inside), 4),
                    "share_biased": round(sum(y for _, y in inside) / len(inside), 4),
                }
            )
    report = {
        "data": os.path.relpath(args.data, ROOT),
        "held_out_sentences": len(rows),
        "labelled_sentences": len(labels),
        "biased_sentences": sum(labels),
        "gold_words": sum(sum(g) for g in gold),
        "words": rounded(words),
        "words_with_candidates": rounded(with_candidates),
        "density_auc": round(auc(labels, density), 4),
        "bias_mean_auc": round(auc(labels, bias), 4),
        "bias_classifier": {
            "threshold": 0.5,
            "accuracy": round(accuracy_score(labels, predicted), 4),
            "macro_f1": round(f1_score(labels, predicted, average="macro"), 4),
            "roberta_macro_f1": ROBERTA_MACRO_F1,
            "brier": round(
                sum((b - y) ** 2 for b, y in zip(bias, labels, strict=True)) / len(bias), 4
            ),
            "reliability": bins,
        },
        "biased_sentence_share_mean": round(sum(share) / len(share), 4),
    }
    if before is None and RESULTS.exists():
        before = json.loads(RESULTS.read_text()).get("before")
    if before is not None:
        report["before"] = before
    print(f"BABE held-out sentences: {len(rows)} ({len(labels)} labelled, {sum(labels)} biased)")
    print(
        f"words vs experts: P {words['precision']:.3f} R {words['recall']:.3f} F1 {words['f1']:.3f}"
        f"  (with candidates: F1 {with_candidates['f1']:.3f})"
    )
    print(
        f"AUC loaded_per_100_words {report['density_auc']:.3f}, "
        f"bias_mean {report['bias_mean_auc']:.3f}"
    )
    c = report["bias_classifier"]
    print(
        f"bias >= 0.5: accuracy {c['accuracy']:.3f}, macro F1 {c['macro_f1']:.3f} "
        f"(RoBERTa {ROBERTA_MACRO_F1}), Brier {c['brier']:.3f}"
    )
    if before is not None:
        print(
            f"before: words P {before['precision']:.3f} R {before['recall']:.3f} "
            f"F1 {before['f1']:.3f}, density AUC {before['density_auc']:.3f}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
