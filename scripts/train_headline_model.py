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
top-scoring candidate is a gold one is printed, and, end to end, on how many of the
titled train renderings ``rhetoric.from_text`` with each fold's chooser gives a title
that contains the expected one (the measure of ``evaluation/eval_pages_text.py``).

Usage: ``.venv/bin/python scripts/train_headline_model.py [--pages PATH] [--out PATH]``
(needs the ``evaluation`` extra).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from unittest import mock

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
from validation import title_contained, title_exact  # noqa: E402

from rhetoric.text.headline import (  # noqa: E402
    FEATURES,
    HeadlineModel,
    article_start,
    candidates,
    features,
)
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


def end_to_end(pages, fold_of: dict[str, int], fold_weights) -> tuple[int, int, int]:
    """``rhetoric.from_text`` on each titled page and rendering, with the chooser fitted
    without the page's fold (a page without a gold candidate was in no fold's fit: the
    first fold's chooser): renderings whose ``Article.title`` is
    ``validation.title_contained`` and ``title_exact``, and the renderings counted."""
    import rhetoric
    from rhetoric.text import segments

    contained = exact = titled = 0
    for page in pages:
        if not page.title:
            continue
        model = HeadlineModel(tuple(fold_weights[fold_of.get(page.name, 0)]))
        with mock.patch.object(segments, "default_headline_model", lambda m=model: m):
            for format in FORMATS:
                title = rhetoric.from_text(getattr(page, format), format=format).title
                contained += title_contained(title, page.title)
                exact += title_exact(title, page.title)
                titled += 1
    return contained, exact, titled


def main() -> None:
    args, folders = train_arguments(__doc__.split("\n")[0], DEFAULT_OUT)
    if not folders:
        return
    pages = [load_page(f) for f in folders]
    recs = records(pages)
    names = sorted({r["page"] for r in recs})
    fold_of = {name: k % FOLDS for k, name in enumerate(names)}
    right = 0
    fold_weights = []
    for fold in range(FOLDS):
        weights = _flat(*_fit(*_stack([r for r in recs if fold_of[r["page"]] != fold])))
        right += sum(_right(weights, r) for r in recs if fold_of[r["page"]] == fold)
        fold_weights.append(weights)
    nearest = sum(r["y"][-1] for r in recs)
    print(
        f"{len(recs)} renderings with a gold candidate ({len(folders)} train pages x "
        f"{len(FORMATS)}): out of fold right {right / len(recs):.3f}; "
        f"the nearest candidate {nearest / len(recs):.3f}"
    )
    contained, exact, titled = end_to_end(pages, fold_of, fold_weights)
    print(
        f"end to end, out of fold: Article.title contains the title on {contained} of "
        f"{titled} titled renderings, the same words on {exact}"
    )
    weights = _flat(*_fit(*_stack(recs)))
    data = {
        "model": "logistic regression over headline candidates (rhetoric.text.headline)",
        "trained_on": f"{len(recs)} renderings (text, Markdown) of {len(names)} train pages of "
        "Mozilla Readability's test suite with a candidate matching the expected title",
        "C": C,
        "out_of_fold_right": round(right / len(recs), 4),
        "end_to_end_out_of_fold": {
            "title_contained": contained,
            "title_exact": exact,
            "titled_renderings": titled,
        },
        "features": list(FEATURES),
        "weights": [round(x, 6) for x in weights],
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
