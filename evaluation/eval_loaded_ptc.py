"""Loaded-language detectors against expert annotations (PTC, held-out articles).

Gold: a word of ``rhetoric.text.tokens.tokenize(text)`` is positive when it overlaps a
``Loaded_Language`` or ``Name_Calling,Labeling`` span. The held-out articles are the
20 % that ``scripts/train_loaded_model.py`` set aside with its fixed seed (the model
never saw them and nothing was tuned on them).

Detectors: (a) baseline, VADER lexicon words with |valence| >= 2; (b) the lexicon alone
(every match); (c) the learned detector alone; (d) the shipped default
(``find_loaded``: lexicon checked by the model, plus model hits; quotation flags as
:func:`rhetoric.analyze` finds them); with ``--before MODEL_JSON`` also (e) the default
with an earlier ``loaded_model.json`` (without it an earlier ``before`` is kept). The
precision/recall curve of the default over its threshold (the lexicon check's
threshold kept at or below it) is reported too, for reading only: the shipped
threshold was chosen on validation articles.

Figures: token precision / recall / F1 (pooled over articles), and Spearman's rho per
article between predicted and gold density per 100 words, both as flagged words
(``words``) and as terms / gold spans (``terms``: the shipped ``loaded_per_100_words``).

Usage: ``.venv/bin/python evaluation/eval_loaded_ptc.py [PATH_TO_PTC_TRAIN_JSONL]
[--before PATH]``
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_loaded_model import GOLD_TECHNIQUES, gold_words, load_articles, split_ids  # noqa: E402
from validation import term_word_flags, token_prf  # noqa: E402

from rhetoric.measures.lexicon import Lexicon  # noqa: E402
from rhetoric.measures.loaded import LoadedModel, find_loaded, vader_valence  # noqa: E402
from rhetoric.measures.quotes import find_quotes  # noqa: E402
from rhetoric.measures.voice import measure_voice  # noqa: E402
from rhetoric.text.tokens import tokenize  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ptc" / "train.jsonl"
RESULTS = ROOT / "evaluation" / "results" / "loaded_ptc.json"


def spearman(x: list[float], y: list[float]) -> float:
    from scipy.stats import spearmanr

    rho = spearmanr(x, y).statistic
    return float(rho)


def main(argv: list[str]) -> int:
    import argparse
    import dataclasses
    import warnings

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--before", type=Path, default=None)
    args = parser.parse_args(argv[1:])
    path = args.data
    if not path.exists():
        print(f"skipped: data not found at {path}")
        return 0
    articles = load_articles(path)
    _, heldout = split_ids([a["id"] for a in articles])
    shipped = LoadedModel.default().meta.get("heldout_ids")
    if shipped is not None and sorted(shipped) != heldout:
        print("warning: the held-out split differs from the one the shipped model was trained with")
    by_id = {a["id"]: a for a in articles}
    vader = vader_valence()
    lexicon = Lexicon.default()
    model_only_lexicon = Lexicon()

    default_model = LoadedModel.default()
    before_model = None
    if args.before is not None:
        before_model = LoadedModel.from_json(json.loads(args.before.read_text(encoding="utf-8")))
    curve_models = {
        t: dataclasses.replace(
            default_model,
            threshold=t,
            lexicon_threshold=min(t, default_model.lexicon_threshold),
            candidate_threshold=None,
        )
        for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
    }
    curve_preds: dict[float, list[list[bool]]] = {t: [] for t in curve_models}
    gold, gold_terms, n_words = [], [], []
    preds: dict[str, list[list[bool]]] = {"baseline": [], "lexicon": [], "model": [], "default": []}
    if before_model is not None:
        preds["before"] = []
    term_counts: dict[str, list[int]] = {k: [] for k in preds}
    for aid in heldout:
        art = by_id[aid]
        doc = tokenize(art["text"])
        n = len(doc.words)
        if n == 0:
            continue
        gold.append(gold_words(doc, art["spans"]))
        gold_terms.append(sum(s["technique"] in GOLD_TECHNIQUES for s in art["spans"]))
        n_words.append(n)
        # the baseline looks up the exact lower-cased word in VADER (no inflection)
        base = [
            abs(vader.get(doc.word_text(i).replace("’", "'").lower(), 0.0)) >= 2 for i in range(n)
        ]
        preds["baseline"].append(base)
        term_counts["baseline"].append(sum(base))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unclosed quotation marks
            in_quote = measure_voice(doc, find_quotes(doc)).word_in_quote
        runs = [
            ("lexicon", find_loaded(doc, lexicon=lexicon, use_model=False)),
            (
                "model",
                find_loaded(
                    doc, lexicon=model_only_lexicon, use_model=True, word_in_quote=in_quote
                ),
            ),
            ("default", find_loaded(doc, word_in_quote=in_quote)),
        ]
        # the word probabilities once; each threshold of the curve only re-reads them
        scores = default_model.word_scores(doc, lexicon.match(doc), in_quote)
        if before_model is not None:
            runs.append(("before", find_loaded(doc, model=before_model, word_in_quote=in_quote)))
        for name, result in runs:
            preds[name].append(term_word_flags(result.terms, n))
            term_counts[name].append(len(result.terms))
        for t, m in curve_models.items():
            curve_preds[t].append(
                term_word_flags(
                    find_loaded(doc, word_in_quote=in_quote, model=m, word_scores=scores).terms,
                    n,
                )
            )

    gold_density = [100.0 * sum(g) / n for g, n in zip(gold, n_words, strict=True)]
    gold_span_density = [100.0 * k / n for k, n in zip(gold_terms, n_words, strict=True)]
    report: dict[str, object] = {
        "data": os.path.relpath(path, ROOT),
        "articles": len(gold),
        "words": sum(n_words),
        "gold_words": sum(sum(g) for g in gold),
        "gold_density_mean_per_100_words": sum(gold_density) / len(gold_density),
        "detectors": {},
    }
    labels = {
        "baseline": "(a) VADER words |valence| >= 2",
        "lexicon": "(b) lexicon alone",
        "model": "(c) learned detector alone",
        "default": "(d) shipped default (find_loaded)",
        "before": f"(e) default with {args.before.name if args.before else 'an earlier model'}",
    }
    print(
        f"PTC held-out articles: {len(gold)}, words: {sum(n_words)}, "
        f"gold words: {report['gold_words']}"
    )
    print(f"{'detector':38s} {'P':>6s} {'R':>6s} {'F1':>6s} {'rho_words':>9s} {'rho_terms':>9s}")
    for name, pred in preds.items():
        scores = token_prf(gold, pred)
        density = [100.0 * sum(p) / n for p, n in zip(pred, n_words, strict=True)]
        term_density = [100.0 * k / n for k, n in zip(term_counts[name], n_words, strict=True)]
        scores["spearman_words"] = spearman(density, gold_density)
        scores["spearman_terms"] = spearman(term_density, gold_span_density)
        scores["predicted_density_mean_per_100_words"] = sum(density) / len(density)
        scores = {
            k: (round(v, 4) if isinstance(v, float) and not math.isnan(v) else v)
            for k, v in scores.items()
        }
        report["detectors"][name] = {"label": labels[name], **scores}
        print(
            f"{labels[name]:38s} {scores['precision']:6.3f} {scores['recall']:6.3f} "
            f"{scores['f1']:6.3f} {scores['spearman_words']:9.3f} {scores['spearman_terms']:9.3f}"
        )
    report["default_threshold"] = default_model.threshold
    report["curve"] = [
        {"threshold": t, **{k: round(v, 4) for k, v in token_prf(gold, curve_preds[t]).items()}}
        for t in curve_models
    ]
    print(
        "curve (threshold P R F1): "
        + "; ".join(
            f"{c['threshold']} {c['precision']:.3f} {c['recall']:.3f} {c['f1']:.3f}"
            for c in report["curve"]
        )
    )
    if before_model is None and RESULTS.exists():
        kept = json.loads(RESULTS.read_text(encoding="utf-8"))["detectors"].get("before")
        if kept is not None:
            report["detectors"]["before"] = kept
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
