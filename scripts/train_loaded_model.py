"""Fit the learned loaded-language detector and write its weights as JSON.

Data: the Propaganda Techniques Corpus training split (``../shared/data/ptc/train.jsonl``
from the repository root; never copied into the repository). Gold: a Doc word is
positive when it overlaps a ``Loaded_Language`` or ``Name_Calling,Labeling`` span.

Protocol (fixed seed): the articles are split into *train* (80 %) and *held-out* (20 %);
the held-out articles are never looked at here (``evaluation/eval_loaded_ptc.py``
reports on them). The train part is split again into *fit* (80 %) and *validation*
(20 %); the regularisation strength C, the model threshold and the lexicon-check
threshold are chosen by token F1 of the shipped combination on validation (lexicon
terms of strength 3 are always kept, by design); the final model
is refitted on the whole train part with the chosen settings.

Usage: ``.venv/bin/python scripts/train_loaded_model.py [--data PATH] [--out PATH]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from validation import token_prf  # noqa: E402

from rhetoric.measures.lexicon import Lexicon  # noqa: E402
from rhetoric.measures.loaded import word_features  # noqa: E402
from rhetoric.text.tokens import tokenize  # noqa: E402

SEED = 13
HELDOUT_FRACTION = 0.2
GOLD_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ptc" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "rhetoric" / "data" / "loaded_model.json"
MIN_FEATURE_COUNT = 3
KEEP_STRENGTH = 3.0  # strength-3 lexicon terms are always kept (a design choice, not tuned)


def split_ids(ids: list[str], seed: int = SEED, fraction: float = HELDOUT_FRACTION):
    """``(kept, held_out)``: a seeded shuffle of the sorted ids, the first
    ``fraction`` held out."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    k = round(len(order) * fraction)
    return sorted(order[k:]), sorted(order[:k])


def load_articles(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_words(doc, spans) -> list[bool]:
    """True for each Doc word overlapping a gold span."""
    gold = sorted((s["start"], s["end"]) for s in spans if s["technique"] in GOLD_TECHNIQUES)
    out = []
    for ws, we in doc.words:
        out.append(any(gs < we and ws < ge for gs, ge in gold))
    return out


def prepare(articles: list[dict], lexicon: Lexicon) -> list[dict]:
    """Doc, lexicon matches, features and gold labels of each article."""
    out = []
    for art in articles:
        doc = tokenize(art["text"])
        matches = lexicon.match(doc)
        lex = [False] * len(doc.words)
        for m in matches:
            for w in range(m.first_word, m.last_word):
                lex[w] = True
        spans = [(m.first_word, m.last_word, m.strength) for m in matches]
        out.append(
            {
                "id": art["id"],
                "doc": doc,
                "features": word_features(doc, matches),
                "gold": gold_words(doc, art["spans"]),
                "lex": lex,
                "matches": spans,
            }
        )
    return out


def fit(prepared: list[dict], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(f for a in prepared for feats in a["features"] for f in feats)
    keep = {f for f, k in counts.items() if k >= MIN_FEATURE_COUNT}
    rows = [{f: 1 for f in feats if f in keep} for a in prepared for feats in a["features"]]
    y = [g for a in prepared for g in a["gold"]]
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr()
    x.indices = x.indices.astype("int32")  # liblinear accepts 32-bit indices only
    x.indptr = x.indptr.astype("int32")
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear")
    clf.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(names, clf.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    return weights, float(clf.intercept_[0])


def probabilities(
    prepared: list[dict], weights: dict[str, float], bias: float
) -> list[list[float]]:
    import math

    out = []
    for a in prepared:
        out.append(
            [
                1.0 / (1.0 + math.exp(-(bias + sum(weights.get(f, 0.0) for f in feats))))
                for feats in a["features"]
            ]
        )
    return out


def combine(a: dict, probs: list[float], t: float, t_lex: float, keep: float) -> list[bool]:
    """Flagged words of the shipped combination (as ``rhetoric.measures.loaded.find_loaded``, but
    without its trimming of function words from learned terms)."""
    out = [p >= t for p in probs]
    for w0, w1, strength in a["matches"]:
        if strength >= keep or max(probs[w0:w1]) >= t_lex:
            for w in range(w0, w1):
                out[w] = True
    return out


def scores_of(prepared: list[dict], predicted: list[list[bool]]) -> tuple[float, float, float]:
    """Token precision, recall and F1 of ``predicted`` against the articles' gold tokens."""
    s = token_prf([a["gold"] for a in prepared], predicted)
    return s["precision"], s["recall"], s["f1"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: data not found at {args.data}")
        return 0
    articles = load_articles(args.data)
    train_ids, heldout_ids = split_ids([a["id"] for a in articles])
    fit_ids, val_ids = split_ids(train_ids)
    by_id = {a["id"]: a for a in articles}
    lexicon = Lexicon.default()
    fit_part = prepare([by_id[i] for i in fit_ids], lexicon)
    val_part = prepare([by_id[i] for i in val_ids], lexicon)
    print(
        f"articles: {len(train_ids)} train ({len(fit_ids)} fit + {len(val_ids)} validation), "
        f"{len(heldout_ids)} held out"
    )

    thresholds = [round(0.05 + 0.025 * k, 3) for k in range(27)]
    best = None
    best_model = None
    for c in (1.0, 3.0):
        weights, bias = fit(fit_part, c)
        probs = probabilities(val_part, weights, bias)
        for t in thresholds:
            model_only = [[p >= t for p in ps] for ps in probs]
            fm = scores_of(val_part, model_only)[2]
            if best_model is None or fm > best_model[0]:
                best_model = (fm, c, t)
            for keep in (KEEP_STRENGTH,):
                for t_lex in [x for x in thresholds if x <= t]:
                    combined = [
                        combine(a, ps, t, t_lex, keep)
                        for a, ps in zip(val_part, probs, strict=True)
                    ]
                    pc, rc, fc = scores_of(val_part, combined)
                    if best is None or fc > best[0]:
                        best = (fc, c, t, t_lex, keep, pc, rc)
        print(f"C={c}: best F1(combined)={best[0]:.3f} {best[1:5]}; best F1(model)={best_model}")
    f1, c, t, t_lex, keep, p, r = best
    fm = best_model[0]
    lex_only = scores_of(val_part, [a["lex"] for a in val_part])
    print(
        f"validation: lexicon alone P/R/F1 = {lex_only[0]:.3f}/{lex_only[1]:.3f}/{lex_only[2]:.3f}"
    )
    print(
        f"validation: combined P/R/F1 = {p:.3f}/{r:.3f}/{f1:.3f} (C={c}, threshold={t}, "
        f"lexicon_threshold={t_lex}, keep_strength={keep}); best model alone F1 = {fm:.3f}"
    )

    train_part = fit_part + val_part
    weights, bias = fit(train_part, c)
    model = {
        "weights": dict(sorted(weights.items())),
        "bias": round(bias, 4),
        "threshold": t,
        "lexicon_threshold": t_lex,
        "keep_strength": keep,
        "meta": {
            "what": "logistic regression over rhetoric.measures.loaded.word_features; "
            "gold = PTC Loaded_Language + Name_Calling,Labeling word overlap",
            "data": "PTC (SemEval-2020 Task 11) training split, 371 articles",
            "seed": SEED,
            "heldout_fraction": HELDOUT_FRACTION,
            "n_train_articles": len(train_ids),
            "heldout_ids": heldout_ids,
            "C": c,
            "min_feature_count": MIN_FEATURE_COUNT,
            "validation": {
                "combined_f1": round(f1, 4),
                "combined_precision": round(p, 4),
                "combined_recall": round(r, 4),
                "model_f1": round(fm, 4),
            },
        },
    }
    args.out.write_text(
        json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
