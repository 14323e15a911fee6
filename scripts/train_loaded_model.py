"""Fit the learned loaded-language detector and the sentence bias score; write them as JSON.

Data (never copied into the repository; paths from the repository root):

* the Propaganda Techniques Corpus training split (``../shared/data/ptc/train.jsonl``):
  a Doc word is positive when it overlaps a ``Loaded_Language`` or
  ``Name_Calling,Labeling`` span (professional annotators, whole propaganda phrases);
* BABE SG1 and MBIC (``../shared/data/babe/``): a word is positive when the experts
  (SG1) marked it as biased; a sentence is biased by the experts' majority label, or,
  where the experts did not agree, by the crowd's (MBIC).

How the two corpora are combined. They mean slightly different things: PTC marks
propaganda *phrases* in whole articles (2-3 % of words), BABE marks single biased
*words* in sentences chosen to be opinionated (about 5 % of words). The word model is
fitted on both at once, and every BABE word carries one extra feature, ``babe``, which
absorbs the difference in base rate (and in annotation style) between the corpora. At
run time no word has that feature: the model scores as on PTC articles. Every BABE
word is weighted :data:`BABE_WEIGHT` in the fit. The
probabilities are then calibrated (Platt scaling) on PTC validation articles, the kind
of text the library reads.

Word vectors. Besides its binary features, the word model reads :data:`VECTOR_DIMS`
dimensions of the static word vectors of the word and of its two neighbours
(:func:`rhetoric.measures.loaded.word_vector_features`: all-MiniLM-L6-v2 distilled
per word by ``scripts/build_word_vectors.py``), so that a word never marked in
training scores like the marked words it resembles. The model stays linear: at run
time each vocabulary word's vector part is one precomputed number per position.

Protocol (all splits fixed): PTC articles are split as before (seed 13) into *train*
(80 %) and *held-out* (20 %); BABE sentences by :func:`validation.babe_split` (hash of
the id) into train and held-out (30 %). Nothing held out is read here
(``evaluation/eval_loaded_ptc.py`` and ``evaluation/eval_loaded_babe.py`` report on it).
The train parts of both corpora are dealt into :data:`FOLDS` folds; each fold is scored
by a word model fitted on the other folds of both. On these out-of-fold scores the
probabilities are calibrated (Platt scaling on PTC words) and the threshold is chosen:
the best F1 (threshold and the lexicon check's) among those whose PTC token precision
is at least :data:`PRECISION_TARGET`, the flagged words being those ``find_loaded``
counts (:func:`rhetoric.measures.loaded.counted_spans`, terms grown at
:data:`GROW_THRESHOLD`). The same choice is recorded for :data:`GROW_CHECK` and for no
growth, with BABE's word figures and density AUC at each
(``meta.validation.grow_grid``). Words the F1-best threshold would flag but the
shipped one does not are ``candidates``. The shipped word model is fitted on all train
rows, the calibration folded into its weights.

The sentence bias score is a logistic regression over :func:`sentence_features` (the
sentence's words, lexicon categories, VADER and subjectivity counts and the word
model's out-of-fold probabilities), fitted on the BABE train texts with the experts'
labels and, as a second row per text with weight :data:`CROWD_WEIGHTS`, the MBIC
crowd's label. It is fitted on the unit it scores at run time, the Doc sentence: a
BABE text of several Doc sentences gives one row per sentence, each with the text's
label and its share of the text's words as weight. Its C and the crowd weight are
chosen by cross-validated AUC of each text's ``bias_mean`` (its sentences'
probabilities averaged by words, as the library reports it) against the experts'
labels, and its probabilities calibrated (Platt, sentences weighted as in fitting) on
the cross-validated sentence scores.

Usage: ``.venv/bin/python scripts/train_loaded_model.py [--ptc PATH] [--babe DIR]
[--babe-weight W] [--grow G] [--vectors D] [--sentence-vectors D]`` (``--grow 0``: no
growth; ``--vectors 0``: no word vectors; about 30 minutes on one core with vectors).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from validation import babe_split, token_prf  # noqa: E402

from rhetoric.measures.lexicon import Lexicon  # noqa: E402
from rhetoric.measures.loaded import (  # noqa: E402
    VECTOR_PREFIXES,
    LoadedModel,
    counted_spans,
    sentence_features,
    word_features,
    word_vector_features,
)
from rhetoric.measures.quotes import find_quotes  # noqa: E402
from rhetoric.measures.voice import measure_voice  # noqa: E402
from rhetoric.text.tokens import tokenize  # noqa: E402

SEED = 13
HELDOUT_FRACTION = 0.2
GOLD_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
DEFAULT_PTC = ROOT.parent / "shared" / "data" / "ptc" / "train.jsonl"
DEFAULT_BABE = ROOT.parent / "shared" / "data" / "babe"
DEFAULT_OUT = ROOT / "src" / "rhetoric" / "data" / "loaded_model.json"
MIN_FEATURE_COUNT = 3
KEEP_STRENGTH = 3.0  # strength-3 lexicon terms are always kept (a design choice, not tuned)
PRECISION_TARGET = 0.40
"""Token precision on PTC validation the shipped threshold must reach."""
BABE_FEATURE = "babe"
BABE_WEIGHT = 2.0
"""Sample weight of a BABE word in the word model's fit (a PTC word weighs 1): BABE's
single biased words count more against PTC's phrases (chosen out of fold; see
docs/loaded.md)."""
GROW_THRESHOLD = 0.175
"""Counted terms grow into neighbours of one sentence and voice scoring at least this
(hysteresis; chosen out of fold among 0.15, 0.175 and 0.2, see docs/loaded.md)."""
GROW_CHECK = (0.15, 0.175, 0.2)
"""Grow thresholds whose out-of-fold figures are recorded next to the shipped one."""
VECTOR_DIMS = 32
"""Dimensions of the word vectors (rhetoric.measures.loaded.word_vectors) the word
model reads, of the word and of its two neighbours (0: none; chosen out of fold among
0, 32 and 64, see docs/loaded.md)."""
SENTENCE_VECTOR_DIMS = 0
"""Dimensions of the mean word vector the sentence model reads (0: none; 32 lowered
its cross-validated AUC, see docs/loaded.md)."""
MAX_VECTOR_DIMS = 64
"""Dimensions of the shipped vectors (scripts/build_word_vectors.py)."""
SENTENCE_LABELS = {"biased": 1, "non-biased": 0}
FOLDS = 5
SENTENCE_CS = (0.3, 1.0, 3.0)
"""Regularisation of the sentence model compared by cross-validated AUC."""
CROWD_WEIGHTS = (0.0, 0.5, 1.0)
"""Weight of the MBIC crowd's label (a second row per sentence) compared likewise."""


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


def load_babe(folder: Path) -> list[dict]:
    """BABE sentences: SG1 rows with ``bias`` added (1, 0 or None): the experts' label,
    or the MBIC crowd's where the experts did not agree; and ``crowd`` (1, 0 or None),
    the MBIC crowd's label."""
    sg1 = load_articles(folder / "sg1.jsonl")
    mbic = {r["id"]: r for r in load_articles(folder / "mbic.jsonl")}
    out = []
    for row in sg1:
        crowd = mbic.get(row["id"], {})
        label = SENTENCE_LABELS.get(row["label"])
        if label is None:
            label = SENTENCE_LABELS.get(crowd.get("label", ""))
        out.append({**row, "bias": label, "crowd": SENTENCE_LABELS.get(crowd.get("label", ""))})
    return out


def overlaps(doc, spans: list[tuple[int, int]]) -> list[bool]:
    """True for each Doc word overlapping one of ``spans``."""
    spans = sorted(spans)
    return [any(gs < we and ws < ge for gs, ge in spans) for ws, we in doc.words]


def gold_words(doc, spans) -> list[bool]:
    """True for each Doc word overlapping a PTC gold span."""
    return overlaps(
        doc, [(s["start"], s["end"]) for s in spans if s["technique"] in GOLD_TECHNIQUES]
    )


def prepare(text: str, gold_spans: list[tuple[int, int]], lexicon: Lexicon, babe: bool) -> dict:
    """Doc, lexicon matches, quotation flags, features and gold labels of one text."""
    doc = tokenize(text)
    matches = lexicon.match(doc)
    in_quote = measure_voice(doc, find_quotes(doc)).word_in_quote
    features = word_features(doc, matches, in_quote)
    if babe:
        features = [[*f, BABE_FEATURE] for f in features]
    return {
        "doc": doc,
        "vectors": word_vector_features(doc, MAX_VECTOR_DIMS),
        "lexicon_matches": matches,
        "in_quote": in_quote,
        "features": features,
        "babe": babe,
        "gold": overlaps(doc, gold_spans),
    }


def prepare_ptc(articles: list[dict], lexicon: Lexicon) -> list[dict]:
    return [
        prepare(
            a["text"],
            [(s["start"], s["end"]) for s in a["spans"] if s["technique"] in GOLD_TECHNIQUES],
            lexicon,
            False,
        )
        for a in articles
    ]


def prepare_babe(rows: list[dict], lexicon: Lexicon) -> list[dict]:
    """BABE sentences; gold words the experts'."""
    out = []
    for r in rows:
        item = prepare(r["text"], [tuple(s) for s in r["biased_word_spans"]], lexicon, True)
        item["bias"] = r["bias"]
        item["crowd"] = r["crowd"]
        out.append(item)
    return out


def vector_columns(a: dict, dims: int) -> tuple[np.ndarray, list[str]]:
    """A prepared text's word vector features of ``dims`` dimensions (the word's own,
    the word before's, the word after's), and their names."""
    parts = [a["vectors"][:, k * MAX_VECTOR_DIMS : k * MAX_VECTOR_DIMS + dims] for k in range(3)]
    names = [f"{p}{k}" for p in VECTOR_PREFIXES for k in range(dims)]
    return np.hstack(parts), names


def fit(prepared: list[dict], c: float, babe_weight: float = BABE_WEIGHT, dims: int = 0):
    """Logistic regression (liblinear, L2) over the word features and ``dims``
    dimensions of the word vector features, each BABE word weighted ``babe_weight``:
    (weights, bias)."""
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(f for a in prepared for feats in a["features"] for f in feats)
    keep = {f for f, k in counts.items() if k >= MIN_FEATURE_COUNT}
    rows = [{f: 1 for f in feats if f in keep} for a in prepared for feats in a["features"]]
    y = [g for a in prepared for g in a["gold"]]
    sample_weight = [babe_weight if a["babe"] else 1.0 for a in prepared for _ in a["gold"]]
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr()
    names = list(vec.get_feature_names_out())
    if dims:
        dense = np.vstack([vector_columns(a, dims)[0] for a in prepared])
        x = sp.hstack([x, sp.csr_matrix(dense)]).tocsr()
        names += vector_columns(prepared[0], dims)[1]
    x.indices = x.indices.astype("int32")  # liblinear accepts 32-bit indices only
    x.indptr = x.indptr.astype("int32")
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=SEED)
    clf.fit(x, y, sample_weight=sample_weight)
    return fitted_weights(names, clf)


def logits(
    prepared: list[dict], weights: dict[str, float], bias: float, dims: int = 0
) -> list[list[float]]:
    """The model's log-odds per word (run-time features: no ``babe`` indicator)."""
    get = weights.get
    out = []
    for a in prepared:
        z = [bias + sum(get(f, 0.0) for f in feats if f != BABE_FEATURE) for feats in a["features"]]
        if dims:
            x, names = vector_columns(a, dims)
            z = (np.array(z) + x @ np.array([get(f, 0.0) for f in names])).tolist()
        out.append(z)
    return out


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def operating_point(t: float, t_lex: float, grow: float | None) -> LoadedModel:
    """A model with no weights, only the thresholds :func:`counted_spans` reads."""
    return LoadedModel({}, 0.0, t, t_lex, KEEP_STRENGTH, grow_threshold=grow)


def combine(a: dict, probs: list[float], model: LoadedModel) -> tuple[list[bool], int]:
    """Flagged words of the shipped combination and the number of terms, from the
    same :func:`counted_spans` as ``find_loaded``."""
    spans, _, _ = counted_spans(a["doc"], probs, a["lexicon_matches"], a["in_quote"], model)
    out = [False] * len(probs)
    for w0, w1, _ in spans:
        out[w0:w1] = [True] * (w1 - w0)
    return out, len(spans)


def babe_figures(babe: list[dict], probs: list[list[float]], model: LoadedModel) -> dict:
    """Word precision, recall and F1 against the experts' words, and the AUC of terms
    per 100 words for the experts' biased against non-biased sentences."""
    pred, density, labels = [], [], []
    for a, ps in zip(babe, probs, strict=True):
        flags, n_terms = combine(a, ps, model)
        pred.append(flags)
        if a["bias"] is not None and flags:
            density.append(100.0 * n_terms / len(flags))
            labels.append(a["bias"])
    p, r, f = scores_of(babe, pred)
    return {"precision": p, "recall": r, "f1": f, "density_auc": auc(labels, density)}


def scores_of(prepared: list[dict], predicted: list[list[bool]]) -> tuple[float, float, float]:
    """Token precision, recall and F1 of ``predicted`` against the texts' gold tokens."""
    s = token_prf([a["gold"] for a in prepared], predicted)
    return s["precision"], s["recall"], s["f1"]


def platt(z: list[float], y: list[bool], weights: list[float] | None = None) -> tuple[float, float]:
    """Platt scaling: (a, b) with ``p = sigmoid(a * z + b)`` fitted to ``y`` (each
    point with its weight, 1 when ``weights`` is None)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1e6, max_iter=1000)
    clf.fit(np.array(z).reshape(-1, 1), np.array(y, dtype=int), sample_weight=weights)
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def choose_threshold(
    val: list[dict], probs: list[list[float]], target: float, grow: float | None
) -> dict:
    """The operating point and the precision/recall curve on validation (terms grown
    at ``grow``, None for no growth)."""
    grid = [round(0.05 + 0.025 * k, 3) for k in range(35)]
    curve = []
    best_f1 = None
    best = None
    for t in grid:
        for t_lex in [x for x in grid if x <= t]:
            model = operating_point(t, t_lex, grow)
            pred = [combine(a, ps, model)[0] for a, ps in zip(val, probs, strict=True)]
            p, r, f = scores_of(val, pred)
            point = {
                "threshold": t,
                "lexicon_threshold": t_lex,
                "precision": p,
                "recall": r,
                "f1": f,
            }
            if t_lex == t:
                curve.append(point)
            if best_f1 is None or f > best_f1["f1"]:
                best_f1 = point
            if p >= target and (best is None or f > best["f1"]):
                best = point
    return {"shipped": best or best_f1, "best_f1": best_f1, "curve": curve}


def sentence_rows(items: list[dict], word_probs: list[list[float]], dims: int = 0):
    """Per labelled BABE text, the features of each of its Doc sentences with their
    word counts (the unit :meth:`LoadedModel.sentence_scores` scores: 168 of the
    train texts are several Doc sentences); the text's label; and the MBIC crowd's
    label (None where the crowd did not agree). ``dims``: dimensions of the mean
    word vector (0: none)."""
    rows, y, crowd = [], [], []
    for a, probs in zip(items, word_probs, strict=True):
        if a["bias"] is None:
            continue
        doc, matches = a["doc"], a["lexicon_matches"]
        vectors = a["vectors"][:, :dims] if dims else None
        rows.append(
            [
                (sentence_features(doc, matches, probs, w0, w1, vectors), w1 - w0)
                for w0, w1 in doc.sentence_words
                if w1 > w0
            ]
        )
        y.append(a["bias"])
        crowd.append(a["crowd"])
    return rows, y, crowd


def fitted_weights(names, clf) -> tuple[dict[str, float], float]:
    """A fitted logistic regression's non-zero weights by feature name, and its bias."""
    weights = {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-4}
    return weights, float(clf.intercept_[0])


def fit_sentences(
    rows: list[list[tuple[dict, int]]],
    y: list[int],
    c: float,
    crowd: list[int | None] | None = None,
    w: float = 0.0,
):
    """Logistic regression over sentence features: each Doc sentence of a text is a
    row with the text's label, weighted by its share of the text's words (so every
    text weighs 1, as ``bias_mean`` weights sentences by words); with ``w > 0`` every
    text the crowd labelled is added a second time with the crowd's label and weight
    ``w``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x_rows, labels, weights = [], [], []
    for k, sentences in enumerate(rows):
        total = sum(n for _, n in sentences)
        labelled = [(y[k], 1.0)]
        if w > 0 and crowd is not None and crowd[k] is not None:
            labelled.append((crowd[k], w))
        for label, weight in labelled:
            for features, n in sentences:
                x_rows.append(features)
                labels.append(label)
                weights.append(weight * n / total)
    vec = DictVectorizer()
    x = vec.fit_transform(x_rows)
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, labels, sample_weight=weights)
    return fitted_weights(vec.get_feature_names_out(), clf)


def auc(y: list[int], s: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s))


def folds_of(n: int, k: int = FOLDS, seed: int = SEED) -> list[int]:
    """A fold number (0..k-1) for each of ``n`` items: a seeded shuffle dealt round."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    out = [0] * n
    for rank, i in enumerate(order):
        out[i] = rank % k
    return out


def cross_logits(ptc: list[dict], babe: list[dict], c: float, babe_weight: float, dims: int = 0):
    """Out-of-fold word log-odds: the model of fold k is fitted on every other fold of
    both corpora and scores fold k's texts."""
    ptc_folds, babe_folds = folds_of(len(ptc)), folds_of(len(babe))
    z_ptc: list[list[float]] = [[] for _ in ptc]
    z_babe: list[list[float]] = [[] for _ in babe]
    for k in range(FOLDS):
        train = [a for a, f in zip(ptc, ptc_folds, strict=True) if f != k]
        train += [a for a, f in zip(babe, babe_folds, strict=True) if f != k]
        weights, bias = fit(train, c, babe_weight, dims)
        for items, folds, out in ((ptc, ptc_folds, z_ptc), (babe, babe_folds, z_babe)):
            idx = [i for i, f in enumerate(folds) if f == k]
            scored = logits([items[i] for i in idx], weights, bias, dims)
            for i, zs in zip(idx, scored, strict=True):
                out[i] = zs
        print(f"  fold {k + 1}/{FOLDS} fitted")
    return z_ptc, z_babe


def cross_sentence_logits(
    rows: list[list[tuple[dict, int]]], y: list[int], c: float, crowd: list[int | None], w: float
) -> list[list[float]]:
    """Out-of-fold log-odds of the sentence model, per Doc sentence of each text."""
    folds = folds_of(len(rows))
    out: list[list[float]] = [[] for _ in rows]
    for k in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != k]
        weights, bias = fit_sentences(
            [rows[i] for i in train],
            [y[i] for i in train],
            c,
            [crowd[i] for i in train],
            w,
        )
        for i in (i for i, f in enumerate(folds) if f == k):
            out[i] = [
                bias + sum(weights.get(f, 0.0) * v for f, v in row.items()) for row, _ in rows[i]
            ]
    return out


def word_weighted_mean(values: list[float], sentences: list[tuple[dict, int]]) -> float:
    """Mean of per-sentence ``values`` weighted by the sentences' words (``bias_mean``)."""
    return sum(v * n for v, (_, n) in zip(values, sentences, strict=True)) / sum(
        n for _, n in sentences
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ptc", type=Path, default=DEFAULT_PTC)
    parser.add_argument("--babe", type=Path, default=DEFAULT_BABE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--c", type=float, default=1.0, help="word model regularisation")
    parser.add_argument("--precision", type=float, default=PRECISION_TARGET)
    parser.add_argument("--babe-weight", type=float, default=BABE_WEIGHT)
    parser.add_argument("--grow", type=float, default=GROW_THRESHOLD, help="0: no growth")
    parser.add_argument("--vectors", type=int, default=VECTOR_DIMS, help="word model")
    parser.add_argument("--sentence-vectors", type=int, default=SENTENCE_VECTOR_DIMS)
    args = parser.parse_args(argv)
    if not args.ptc.exists() or not (args.babe / "sg1.jsonl").exists():
        print(f"skipped: data not found at {args.ptc} or {args.babe}")
        return 0
    articles = load_articles(args.ptc)
    train_ids, heldout_ids = split_ids([a["id"] for a in articles])
    by_id = {a["id"]: a for a in articles}
    lexicon = Lexicon.default()
    ptc = prepare_ptc([by_id[i] for i in train_ids], lexicon)
    babe = prepare_babe(
        [r for r in load_babe(args.babe) if babe_split(r["id"]) == "train"], lexicon
    )
    print(
        f"PTC articles: {len(ptc)} train, {len(heldout_ids)} held out; "
        f"BABE sentences: {len(babe)} train; {FOLDS}-fold cross-fitting"
    )

    # out-of-fold word scores: calibration, threshold, candidates
    grow = args.grow or None
    z_ptc, z_babe = cross_logits(ptc, babe, args.c, args.babe_weight, args.vectors)
    a, b = platt([z for zs in z_ptc for z in zs], [g for it in ptc for g in it["gold"]])
    p_ptc = [[sigmoid(a * z + b) for z in zs] for zs in z_ptc]
    p_babe = [[sigmoid(a * z + b) for z in zs] for zs in z_babe]
    grow_grid = []
    for g in dict.fromkeys([grow, None, *GROW_CHECK]):
        choice_g = choose_threshold(ptc, p_ptc, args.precision, g)
        point = choice_g["shipped"]
        babe_g = babe_figures(
            babe, p_babe, operating_point(point["threshold"], point["lexicon_threshold"], g)
        )
        grow_grid.append(
            {
                "grow_threshold": g,
                "ptc": {k: round(v, 4) for k, v in point.items()},
                "babe_words": {k: round(v, 4) for k, v in babe_g.items()},
            }
        )
        print(f"grow {g}: PTC {grow_grid[-1]['ptc']}, BABE {grow_grid[-1]['babe_words']}")
        if g == grow:
            choice, babe_fig = choice_g, babe_g
    shipped, best_f1 = choice["shipped"], choice["best_f1"]
    print(
        f"PTC out-of-fold at P>={args.precision}: threshold {shipped['threshold']} "
        f"(lexicon check {shipped['lexicon_threshold']}) P/R/F1 = {shipped['precision']:.3f}/"
        f"{shipped['recall']:.3f}/{shipped['f1']:.3f}; F1-best {best_f1['f1']:.3f} at "
        f"{best_f1['threshold']}"
    )
    threshold, lexicon_threshold = shipped["threshold"], shipped["lexicon_threshold"]

    # the shipped word model: every train text, the calibration folded into the weights
    weights, bias = fit(ptc + babe, args.c, args.babe_weight, args.vectors)
    weights = {k: round(a * v, 4) for k, v in weights.items() if abs(a * v) >= 1e-4}
    weights.pop(BABE_FEATURE, None)
    bias = round(a * bias + b, 4)

    # the sentence model over out-of-fold word probabilities; C by cross-validated AUC
    s_rows, s_y, s_crowd = sentence_rows(babe, p_babe, args.sentence_vectors)
    best_s = None
    sentence_grid = []
    for cw in CROWD_WEIGHTS:
        for sc in SENTENCE_CS:
            z = cross_sentence_logits(s_rows, s_y, sc, s_crowd, cw)
            s_auc = auc(
                s_y,
                [
                    word_weighted_mean([sigmoid(v) for v in zs], sentences)
                    for zs, sentences in zip(z, s_rows, strict=True)
                ],
            )
            sentence_grid.append({"C": sc, "crowd_weight": cw, "auc": round(s_auc, 4)})
            print(f"sentence model C={sc}, crowd weight {cw}: cross-validated AUC {s_auc:.4f}")
            if best_s is None or s_auc > best_s[0]:
                best_s = (s_auc, sc, cw, z)
    s_auc, sc, cw, s_z = best_s
    sa, sb0 = platt(
        [v for zs in s_z for v in zs],
        [bool(y) for y, zs in zip(s_y, s_z, strict=True) for _ in zs],
        [n / sum(m for _, m in ss) for ss in s_rows for _, n in ss],
    )
    sw, sb = fit_sentences(s_rows, s_y, sc, s_crowd, cw)
    sentence_weights = {k: round(sa * v, 4) for k, v in sw.items() if abs(sa * v) >= 1e-4}
    sentence_bias = round(sa * sb + sb0, 4)

    model = {
        "weights": dict(sorted(weights.items())),
        "bias": bias,
        "threshold": threshold,
        "lexicon_threshold": lexicon_threshold,
        "keep_strength": KEEP_STRENGTH,
        "candidate_threshold": min(best_f1["threshold"], threshold),
        "grow_threshold": grow,
        "sentence_weights": dict(sorted(sentence_weights.items())),
        "sentence_bias": sentence_bias,
        "meta": {
            "what": "calibrated logistic regression over rhetoric.measures.loaded.word_features "
            "and word_vector_features "
            "(gold: PTC Loaded_Language + Name_Calling,Labeling words and BABE SG1 expert "
            "biased words) and a sentence bias score over sentence_features (gold: BABE "
            "SG1 labels, MBIC where the experts did not agree)",
            "data": "PTC (SemEval-2020 Task 11) training split; BABE SG1 + MBIC",
            "seed": SEED,
            "heldout_fraction": HELDOUT_FRACTION,
            "heldout_ids": heldout_ids,
            "n_train_articles": len(ptc),
            "n_train_sentences": len(babe),
            "folds": FOLDS,
            "C": args.c,
            "babe_weight": args.babe_weight,
            "vector_dims": args.vectors,
            "sentence_vector_dims": args.sentence_vectors,
            "sentence_C": sc,
            "sentence_crowd_weight": cw,
            "platt": [round(a, 4), round(b, 4)],
            "sentence_platt": [round(sa, 4), round(sb0, 4)],
            "min_feature_count": MIN_FEATURE_COUNT,
            "precision_target": args.precision,
            "validation": {
                "ptc_shipped": {k: round(v, 4) for k, v in shipped.items()},
                "ptc_best_f1": {k: round(v, 4) for k, v in best_f1.items()},
                "ptc_curve": [
                    {k: round(v, 4) for k, v in pt.items() if k != "lexicon_threshold"}
                    for pt in choice["curve"]
                ],
                "babe_words": {k: round(v, 4) for k, v in babe_fig.items()},
                "grow_grid": grow_grid,
                "babe_sentence_auc": round(s_auc, 4),
                "babe_sentence_grid": sentence_grid,
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
