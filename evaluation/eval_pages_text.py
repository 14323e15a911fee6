"""Validate the body the loader keeps from real pages copied as text or clipped to Markdown.

Data: Mozilla Readability's test pages (``../shared/data/pages/readability/*/``; another
folder may be given with ``--pages``), each rendered as ``scripts/page_lines.py``
describes: as a browser's "select all, copy" gives it (inscriptis, links and images off,
without what a browser does not render: ``<noscript>``, ``<template>`` and elements with
the ``hidden`` attribute, which inscriptis printed until this was added) and as a web
clipper gives it (markdownify). The gold is each page's expected article
(``expected.html``, rendered to text the same way) and its headline
(``expected-metadata.json``).

For each page and rendering, ``rhetoric.from_text(text, format=...)`` labels the lines;
its ``body`` is scored against the gold article with ``validation.shingle_prf`` (word
4-gram shingles, the ScrapingHub article-extraction benchmark's measure):

* ``precision`` / ``recall``: the mean over pages of each page's shingle precision and
  recall (``pooled_*``: shared shingles summed over all pages, so long pages weigh more);
* ``pages_losing_half``: share of pages whose body keeps less than half the article's
  shingles (recall < 0.5), with a Wilson 95% interval, and the names of those pages;
* ``lost_to_section``: how many of them gave most of the lost article words to one
  ``comments`` or ``promo`` segment (a section switch; the line model only ever says
  ``boilerplate``);
* ``title_match``: share of pages (with a title in ``expected-metadata.json``:
  ``titled_pages``) whose ``Article.title`` has the headline's words;
  ``title_contained``: the same with a site suffix allowed to differ (the words, case
  folded, of one are a run of two or more of the other's: ``validation.title_contained``,
  the gold the headline chooser is trained on, and the measure of
  ``eval_pages_html.py``).

Splits: ``held_out`` (``validation.page_split``: 48 pages never trained or tuned on) and
``train`` (the 80 pages ``scripts/train_page_model.py`` fitted the line model on).
``rules_only`` is the labeller without the line model (the rules as data, with the
section check); ``before`` is the labeller before the line model and the section check
(commit 7dd12f2), measured once with ``--src`` on an export of that commit's ``src/``
and kept in ``evaluation/results/pages_text_before.json``.

Run: ``.venv/bin/python evaluation/eval_pages_text.py`` (needs the ``evaluation`` extra:
``pip install -e '.[evaluation]'``). Writes ``evaluation/results/pages_text.json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "evaluation" / "results" / "pages_text.json"
BEFORE = ROOT / "evaluation" / "results" / "pages_text_before.json"
BEFORE_COMMIT = "7dd12f2"
SPLITS = ("held_out", "train")


def _figures(rows: list[dict]) -> dict:
    """Figures of one (split, format, method) over its pages' rows."""
    from validation import wilson

    n = len(rows)
    lost = [r for r in rows if r["recall"] < 0.5]
    shared = sum(r["shared"] for r in rows)
    n_pred = sum(r["n_pred"] for r in rows)
    n_gold = sum(r["n_gold"] for r in rows)
    share = len(lost) / n if n else float("nan")
    low, high = wilson(share, n)
    titled = [r for r in rows if r["title_match"] is not None]
    return {
        "pages": n,
        "precision": round(statistics.mean(r["precision"] for r in rows), 4),
        "recall": round(statistics.mean(r["recall"] for r in rows), 4),
        "f1": round(statistics.mean(r["f1"] for r in rows), 4),
        "pooled_precision": round(shared / n_pred, 4) if n_pred else 0.0,
        "pooled_recall": round(shared / n_gold, 4) if n_gold else 0.0,
        "pages_losing_half": round(share, 4),
        "pages_losing_half_ci": [round(low, 4), round(high, 4)],
        "pages_losing_half_names": [r["page"] for r in lost],
        "lost_to_section": sum(r["lost_to"] in ("comments", "promo") for r in lost),
        "lost_to": {r["page"]: r["lost_to"] for r in lost},
        "title_match": round(sum(r["title_match"] for r in titled) / len(titled), 4)
        if titled
        else None,
        "title_contained": round(sum(r["title_contained"] for r in titled) / len(titled), 4)
        if titled
        else None,
        "titled_pages": len(titled),
    }


def score_page(page, format: str, from_text) -> dict:
    """One page in one rendering: shingle P/R of the body, where the lost article went."""
    from page_lines import GoldIndex
    from validation import shingle_prf, shingles, title_contained, title_exact

    article = from_text(getattr(page, format), format=format)
    body = article.body
    prf = shingle_prf(page.gold, body)
    gold, pred = shingles(page.gold), shingles(body)
    index = GoldIndex(page.gold)
    lost: Counter[str] = Counter()
    for label in ("title", "byline", "promo", "comments", "boilerplate"):
        for part in article.segment_text(label).split("\n"):
            share = index.share(part)
            if share is not None and share >= 0.5:
                lost[label] += len(part.split())
    title = article.title
    return {
        "page": page.name,
        "precision": prf["precision"],
        "recall": prf["recall"],
        "f1": prf["f1"],
        "shared": sum((gold & pred).values()),
        "n_pred": sum(pred.values()),
        "n_gold": sum(gold.values()),
        "lost_to": lost.most_common(1)[0][0] if lost else None,
        "title_match": title_exact(title, page.title) if page.title else None,
        "title_contained": title_contained(title, page.title) if page.title else None,
    }


def evaluate(pages, methods: dict) -> dict:
    out: dict = {}
    from validation import page_split

    for split in SPLITS:
        chosen = [p for p in pages if page_split(p.name) == split]
        out[split] = {}
        for format in ("text", "markdown"):
            out[split][format] = {
                name: _figures([score_page(p, format, fn) for p in chosen])
                for name, fn in methods.items()
            }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=None)
    parser.add_argument("--src", type=Path, default=None, help="import rhetoric from here")
    args = parser.parse_args()
    if args.src is not None:
        sys.path.insert(0, str(args.src))
    else:
        sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "evaluation"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import page_lines

    folder = args.pages or page_lines.DEFAULT_PAGES
    if not folder.is_dir():
        print(f"skipped: no annotated pages at {folder}")
        return
    try:
        importlib.import_module("inscriptis")
        importlib.import_module("markdownify")
    except ImportError:
        print("skipped: the renderers are not installed (pip install -e '.[evaluation]')")
        return
    rhetoric = importlib.import_module("rhetoric")
    pages = [page_lines.load_page(f) for f in page_lines.page_folders(folder)]
    if args.src is not None:
        results = evaluate(pages, {"before": rhetoric.from_text})
        BEFORE.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {BEFORE} (rhetoric from {args.src})")
        return

    def rules_only(text: str, format: str):
        return rhetoric.from_text(text, format=format, line_model=False)

    results = evaluate(pages, {"labeller": rhetoric.from_text, "rules_only": rules_only})
    if BEFORE.is_file():
        before = json.loads(BEFORE.read_text(encoding="utf-8"))
        for split in SPLITS:
            for format in ("text", "markdown"):
                results[split][format]["before"] = before[split][format]["before"]
    report = {
        "data": f"{len(pages)} pages of Mozilla Readability's test suite; held_out / train by "
        "evaluation.validation.page_split",
        "renderings": "text: inscriptis (links and images off, no <noscript>, <template> "
        "or hidden elements); markdown: markdownify",
        "measure": "word 4-gram shingle precision/recall of Article.body against expected.html",
        "before_commit": BEFORE_COMMIT,
        **results,
    }
    OUT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    for split in SPLITS:
        for format in ("text", "markdown"):
            for name, f in results[split][format].items():
                print(
                    f"{split:8} {format:8} {name:10} P {f['precision']:.3f} R {f['recall']:.3f} "
                    f"(pooled {f['pooled_precision']:.3f}/{f['pooled_recall']:.3f}) "
                    f"losing half {f['pages_losing_half']:.3f} {f['pages_losing_half_names']} "
                    f"to a section {f['lost_to_section']} title {f['title_match']} "
                    f"(contained {f.get('title_contained')})"
                )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
