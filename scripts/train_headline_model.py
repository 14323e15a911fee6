"""Fit the headline chooser (``rhetoric.text.headline``); write its weights as JSON.

Data: the *train* pages of Mozilla Readability's test suite (80 of 128 folders,
``validation.page_split(name) == "train"``; the held-out ones are never read here),
copied as text and clipped to Markdown as ``scripts/page_lines.py`` describes. On each
rendering the candidates are the lines :func:`rhetoric.text.headline.candidates` finds
above the article's first line of prose (``headline.article_start`` from the first line
of the page's main block, ``line_model.main_block``);
gold: a candidate is the headline when ``validation.title_contained`` it with the title
in ``expected-metadata.json`` (case folded, a site suffix allowed to differ). Renderings
without a gold candidate are left out. A logistic regression (C = 1, not tuned) over
the candidates' features; the out-of-fold share of renderings (5 folds by page) whose
top-scoring candidate is a gold one is printed.

Usage: ``.venv/bin/python scripts/train_headline_model.py [--pages PATH] [--out PATH]``
(needs the ``evaluation`` extra).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))
sys.path.insert(0, str(ROOT / "scripts"))

from page_lines import FORMATS, load_page  # noqa: E402
from train_page_model import (  # noqa: E402
    FOLDS,
    C,
    _fit,
    _flat,
    _score,
    page_lines,
    train_arguments,
)
from validation import title_contained  # noqa: E402

from rhetoric.text.headline import FEATURES, article_start, candidates, features  # noqa: E402
from rhetoric.text.line_model import default_line_model, main_block  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "rhetoric" / "data" / "headline_model.json"


def records(pages) -> list[dict]:
    """One record per rendering with a gold candidate: its rows and gold flags."""
    model = default_line_model()
    out = []
    for page in pages:
        if not page.title:
            continue
        for format in FORMATS:
            lines, raw = page_lines(getattr(page, format), format)
            main = main_block(lines)
            if main is None:
                continue
            start = article_start(lines, main[0])
            chosen = candidates(lines, start)
            gold = [int(title_contained(lines[i], page.title)) for i in chosen]
            if not any(gold):
                continue
            scores = model.scores(lines, raw)
            rows = features(lines, raw, start, chosen, scores)
            out.append({"page": page.name, "format": format, "X": rows, "y": gold})
    return out


def _stack(rs):
    X = [x for r in rs for x in r["X"]]
    y = [v for r in rs for v in r["y"]]
    return X, y, [1.0] * len(y)


def _right(weights, record) -> bool:
    scores = _score(weights, record["X"])
    best = max(range(len(scores)), key=lambda k: (scores[k], -k))
    return bool(record["y"][best])


def main() -> None:
    args, folders = train_arguments(__doc__.split("\n")[0], DEFAULT_OUT)
    if not folders:
        return
    recs = records([load_page(f) for f in folders])
    names = sorted({r["page"] for r in recs})
    fold_of = {name: k % FOLDS for k, name in enumerate(names)}
    right = 0
    for fold in range(FOLDS):
        weights = _flat(*_fit(*_stack([r for r in recs if fold_of[r["page"]] != fold])))
        right += sum(_right(weights, r) for r in recs if fold_of[r["page"]] == fold)
    nearest = sum(r["y"][-1] for r in recs)
    print(
        f"{len(recs)} renderings with a gold candidate ({len(folders)} train pages x "
        f"{len(FORMATS)}): out of fold right {right / len(recs):.3f}; "
        f"the nearest candidate {nearest / len(recs):.3f}"
    )
    weights = _flat(*_fit(*_stack(recs)))
    data = {
        "model": "logistic regression over headline candidates (rhetoric.text.headline)",
        "trained_on": f"{len(recs)} renderings (text, Markdown) of {len(names)} train pages of "
        "Mozilla Readability's test suite with a candidate matching the expected title",
        "C": C,
        "out_of_fold_right": round(right / len(recs), 4),
        "features": list(FEATURES),
        "weights": [round(x, 6) for x in weights],
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
