"""Fit the line model that tells article text from page chrome; write its weights as JSON.

Data: the *train* pages of Mozilla Readability's test suite
(``../shared/data/pages/readability/``, ``validation.page_split(name) == "train"``: 80 of
128 folders; the 48 held-out ones are never read here), each rendered twice as
``scripts/page_lines.py`` describes: copied as text (inscriptis) and clipped to Markdown
(markdownify). Gold: a line is article text when at least half of its word 4-gram
shingles are in the page's expected article.

Model (``rhetoric.text.line_model``): stage 1 is a logistic regression over each line's
own and near neighbours' features; stage 2 a logistic regression over the same plus
stage 1's scores around the line. Stage 2 is fitted on stage-1 scores predicted out of
fold (5 folds by page), so it learns how far to trust them on pages stage 1 has not
seen. Lines are weighted by their word count (at most 50), as the shingle measure
weighs them. Regularisation is fixed (C = 1), not tuned.

Threshold: a ceiling first, the highest threshold that keeps, on the out-of-fold
stage-2 scores of the train pages, ``TARGET_RECALL`` of the article words (pooled);
then the labeller itself (rules and model) is run on the train pages copied as text
at thresholds 0.05, 0.10, ... up to the ceiling, and the highest is kept at which the
mean body recall is at least ``MIN_RECALL`` and no more pages lose half their
article than with the rules alone (the issue's targets, checked on train pages only;
the model is fitted on them, so these figures are optimistic).

Extra pages (``--extra PATH``: the pages ``scripts/extra_pages.py`` unpacks there;
``--extra-labels``, ``--extra-language``, ``--extra-weight``): fitted on with the train
pages (their lines' weights times ``--extra-weight``), never scored: the threshold's
out-of-fold ceiling and the labeller's recall are read on the Readability train pages
alone. ``--cv`` writes nothing and prints the labeller out of fold on the Readability
train pages instead (5 folds by page, each fold's pages labelled as text and as Markdown
by the model fitted on the other four folds and the extra pages, at ``CV_THRESHOLDS``):
mean body precision and recall and the pages keeping under half their article.

Needs the ``evaluation`` extra: ``pip install -e '.[evaluation]'``.

Usage: ``.venv/bin/python scripts/train_page_model.py [--pages PATH] [--out PATH]
[--extra PATH [--extra-labels both|gold|silver] [--extra-language en]
[--extra-weight W]] [--cv]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))
sys.path.insert(0, str(ROOT / "scripts"))

from extra_pages import LABELS as EXTRA_LABELS  # noqa: E402
from extra_pages import SOURCE as EXTRA_SOURCE  # noqa: E402
from extra_pages import extra_pages  # noqa: E402
from page_lines import DEFAULT_PAGES, FORMATS, gold_labels, load_page, page_folders  # noqa: E402
from validation import page_split, shingle_prf  # noqa: E402

from rhetoric.text.article import labelled_lines  # noqa: E402
from rhetoric.text.line_model import (  # noqa: E402
    CONTEXT_FEATURES,
    FEATURES,
    LineModel,
    context_features,
    line_features,
)
from rhetoric.text.segments import classify_lines, fold_lines  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "rhetoric" / "data" / "line_model.json"
FOLDS = 5
C = 1.0
MAX_WEIGHT = 50
TARGET_RECALL = 0.96
MIN_RECALL = 0.95
THRESHOLDS = tuple(k / 20 for k in range(1, 20))
CV_THRESHOLDS = (0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.3)
EXTRA_WEIGHT = 1.0


def page_lines(text: str, format: str) -> tuple[list[str], list[str]]:
    """The lines the line model reads at run time (markup blanked, white space folded)
    and the raw ones, folded: the same code path as ``rhetoric.from_text``."""
    _, lines, raw = labelled_lines(text, format)
    return fold_lines(lines, raw)


def examples(pages, weight: float = 1.0, extra: bool = False) -> list[dict]:
    """One record per (page, format): features, gold labels and word weights of its lines
    (each line's word count, at most ``MAX_WEIGHT``, times ``weight``). ``extra`` marks
    pages that are fitted on but never scored (no out-of-fold score for the threshold)."""
    out = []
    for page in pages:
        for format in FORMATS:
            lines, raw = page_lines(getattr(page, format), format)
            feats = line_features(lines, raw)
            gold = gold_labels(lines, page.gold, page.title)
            index = [i for i, f in enumerate(feats) if f is not None and gold[i] is not None]
            out.append(
                {
                    "page": page.name,
                    "format": format,
                    "extra": extra,
                    "lines": lines,
                    "feats": feats,
                    "index": index,
                    "X": [feats[i] for i in index],
                    "y": [int(gold[i]) for i in index],
                    "w": [weight * min(len(lines[i].split()), MAX_WEIGHT) for i in index],
                }
            )
    return out


def _fit(X, y, w):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    model = LogisticRegression(C=C, max_iter=2000).fit(scaler.transform(X), y, sample_weight=w)
    return scaler, model


def _flat(scaler, model) -> list[float]:
    """Weights on the unscaled features, then the intercept."""
    coef = model.coef_[0] / scaler.scale_
    intercept = float(model.intercept_[0] - (coef * scaler.mean_).sum())
    return [float(c) for c in coef] + [intercept]


def _score(weights: list[float], rows) -> list[float]:
    import numpy as np

    if not len(rows):
        return []
    z = np.asarray(rows) @ np.asarray(weights[:-1]) + weights[-1]
    return list(1.0 / (1.0 + np.exp(-z)))


def _stage1_all(record, weights) -> list[float]:
    """Stage-1 scores of every scored line of a record (gold or not), in line order."""
    rows = [f for f in record["feats"] if f is not None]
    return _score(weights, rows)


def _stage2_rows(record, stage1_scores) -> list[list[float]]:
    """Stage-2 rows of the record's gold-labelled lines."""
    scored = [i for i, f in enumerate(record["feats"]) if f is not None]
    ctx = dict(zip(scored, context_features(stage1_scores), strict=True))
    return [record["feats"][i] + ctx[i] for i in record["index"]]


def fit(records) -> tuple[list[float], list[float], list[tuple[float, int, float]]]:
    """Stage-1 and stage-2 weights, and (out-of-fold score, gold, weight) per line of
    the records not marked ``extra``."""
    names = sorted({r["page"] for r in records})
    fold_of = {name: k % FOLDS for k, name in enumerate(names)}

    def stack(rs):
        X = [x for r in rs for x in r["X"]]
        y = [v for r in rs for v in r["y"]]
        w = [v for r in rs for v in r["w"]]
        return X, y, w

    # out-of-fold stage-1 scores, for fitting stage 2
    oof1: dict[int, list[float]] = {}
    for fold in range(FOLDS):
        train = [r for r in records if fold_of[r["page"]] != fold]
        weights = _flat(*_fit(*stack(train)))
        for k, r in enumerate(records):
            if fold_of[r["page"]] == fold:
                oof1[k] = _stage1_all(r, weights)
    stage1 = _flat(*_fit(*stack(records)))
    rows2 = [_stage2_rows(r, oof1[k]) for k, r in enumerate(records)]
    # out-of-fold stage-2 scores, for the threshold
    oof2: list[tuple[float, int, float]] = []
    for fold in range(FOLDS):
        tr = [k for k, r in enumerate(records) if fold_of[r["page"]] != fold]
        X = [x for k in tr for x in rows2[k]]
        y = [v for k in tr for v in records[k]["y"]]
        w = [v for k in tr for v in records[k]["w"]]
        weights = _flat(*_fit(X, y, w))
        for k, r in enumerate(records):
            if fold_of[r["page"]] == fold and not r["extra"]:
                oof2.extend(zip(_score(weights, rows2[k]), r["y"], r["w"], strict=True))
    X = [x for k in range(len(records)) for x in rows2[k]]
    y = [v for r in records for v in r["y"]]
    w = [v for r in records for v in r["w"]]
    stage2 = _flat(*_fit(X, y, w))
    return stage1, stage2, oof2


def oof_threshold(oof: list[tuple[float, int, float]]) -> float:
    """The highest threshold keeping ``TARGET_RECALL`` of the article's weighted lines."""
    positives = sorted((s, w) for s, y, w in oof if y)
    total = sum(w for _, w in positives)
    lost = 0.0
    threshold = 0.0
    for s, w in positives:
        if lost + w > (1 - TARGET_RECALL) * total:
            break
        lost += w
        threshold = s
    return round(float(threshold), 4)


def body_under(model: LineModel | None, text: str, format: str) -> str:
    """The body the labeller keeps from ``text`` with ``model`` (None: rules alone)."""
    _, seen, raw = labelled_lines(text, format)
    labels = classify_lines(seen, model=model, raw=raw)
    return "\n".join(line for line, label in zip(seen, labels, strict=True) if label == "body")


def page_figures(pages, model: LineModel | None) -> tuple[float, int]:
    """Mean body recall over the pages copied as text, and pages keeping under half."""
    recalls = [shingle_prf(p.gold, body_under(model, p.text, "text"))["recall"] for p in pages]
    return sum(recalls) / len(recalls), sum(r < 0.5 for r in recalls)


def choose_threshold(pages, stage1, stage2, ceiling: float) -> float:
    """The highest threshold up to ``ceiling`` at which the labeller keeps, on the train
    pages copied as text, a mean body recall of ``MIN_RECALL`` and loses half of the
    article on no more pages than the rules alone."""
    _, lost_by_rules = page_figures(pages, None)
    grid = sorted({t for t in THRESHOLDS if t < ceiling} | {ceiling})
    chosen = grid[0]
    for threshold in grid:
        model = LineModel(tuple(stage1), tuple(stage2), threshold)
        recall, lost = page_figures(pages, model)
        print(f"  threshold {threshold}: train text recall {recall:.3f}, pages losing half {lost}")
        if recall >= MIN_RECALL and lost <= lost_by_rules:
            chosen = threshold
    return chosen


def cross_validate(pages, records, extra_records, thresholds=CV_THRESHOLDS) -> dict:
    """The labeller out of fold on the train pages: 5 folds by page (as :func:`fit` folds
    them), each fold's pages labelled, as text and as Markdown, with the line model fitted
    on the other four folds and ``extra_records`` (never scored). Mean body precision and
    recall over pages and the pages keeping under half their article, per threshold."""
    names = sorted({p.name for p in pages})
    fold_of = {name: k % FOLDS for k, name in enumerate(names)}
    figures: dict[tuple[str, float], list[dict[str, float]]] = {}
    for fold in range(FOLDS):
        train = [r for r in records if fold_of[r["page"]] != fold] + extra_records
        stage1, stage2, _ = fit(train)
        for threshold in thresholds:
            model = LineModel(tuple(stage1), tuple(stage2), threshold)
            for page in (p for p in pages if fold_of[p.name] == fold):
                for format in FORMATS:
                    body = body_under(model, getattr(page, format), format)
                    figures.setdefault((format, threshold), []).append(shingle_prf(page.gold, body))
    out = {}
    for (format, threshold), prfs in sorted(figures.items()):
        out[f"{format} {threshold}"] = {
            "precision": round(sum(f["precision"] for f in prfs) / len(prfs), 4),
            "recall": round(sum(f["recall"] for f in prfs) / len(prfs), 4),
            "losing_half": sum(f["recall"] < 0.5 for f in prfs),
        }
    return out


def train_arguments(
    description: str, default_out: Path, extra: bool = False
) -> tuple[argparse.Namespace, list[Path]]:
    """``--pages`` and ``--out`` from the command line (with ``extra``, also the options
    for the extra pages and cross-validation), and the train pages' folders (none, with
    a message, where the pages are absent)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--out", type=Path, default=default_out)
    if extra:
        parser.add_argument(
            "--extra", type=Path, help="also fit on scripts/extra_pages.py's pages under PATH"
        )
        parser.add_argument("--extra-weight", type=float, default=EXTRA_WEIGHT)
        parser.add_argument("--extra-labels", choices=EXTRA_LABELS, default="both")
        parser.add_argument("--extra-language", help="only extra pages in this language (en)")
        parser.add_argument(
            "--cv", action="store_true", help="print the labeller out of fold, write nothing"
        )
    args = parser.parse_args()
    if not args.pages.is_dir():
        print(f"no pages at {args.pages}: nothing to train on")
        return args, []
    return args, [f for f in page_folders(args.pages) if page_split(f.name) == "train"]


def main() -> None:
    args, folders = train_arguments(__doc__.split("\n")[0], DEFAULT_OUT, extra=True)
    if not folders:
        return
    pages = [load_page(f) for f in folders]
    records = examples(pages)
    extra = []
    if args.extra:
        extra = extra_pages(args.extra, args.extra_labels, args.extra_language)
    extra_records = examples([p for p, _ in extra], args.extra_weight, extra=True)
    if args.cv:
        for key, row in cross_validate(pages, records, extra_records).items():
            print(f"{key}: {row}")
        return
    records += extra_records
    stage1, stage2, oof = fit(records)
    ceiling = oof_threshold(oof)
    threshold = choose_threshold(pages, stage1, stage2, ceiling)
    kept = sum(w for s, y, w in oof if y and s >= threshold) / sum(w for _, y, w in oof if y)
    dropped = sum(w for s, y, w in oof if not y and s < threshold) / sum(
        w for _, y, w in oof if not y
    )
    lines = sum(len(r["y"]) for r in records)
    trained_on = (
        f"{len(pages)} train pages of Mozilla Readability's test suite "
        "(evaluation.validation.page_split), as text (inscriptis) and Markdown (markdownify)"
    )
    if extra:
        kinds = [kind for _, kind in extra]
        trained_on += (
            f", and {len(extra)} pages of {EXTRA_SOURCE} (scripts/extra_pages.py; "
            f"{kinds.count('gold')} with their expected text, {kinds.count('silver')} with "
            f"trafilatura's as silver), weight {args.extra_weight}"
        )
    print(f"{trained_on}: {lines} labelled lines")
    print(
        f"threshold {threshold} (out-of-fold ceiling {ceiling}): article words kept {kept:.3f}, "
        f"chrome words dropped {dropped:.3f}"
    )
    data = {
        "model": "two-stage logistic regression over line features (rhetoric.text.line_model)",
        "trained_on": trained_on,
        "features": list(FEATURES),
        "context": list(CONTEXT_FEATURES),
        "stage1": [round(x, 6) for x in stage1],
        "stage2": [round(x, 6) for x in stage2],
        "threshold": threshold,
        "threshold_rule": f"highest up to the out-of-fold ceiling ({ceiling}, keeping "
        f"{TARGET_RECALL} of article words) with train text recall >= {MIN_RECALL} and no more "
        "pages losing half their article than the rules alone",
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
