"""Validate the HTML path of ``rhetoric.load`` against human-checked article text.

Data: ``../shared/data/pages/readability/`` (another folder may be given as the first
argument): Mozilla Readability's test pages, each folder with ``source.html`` (the page
as saved), ``expected.html`` (the article content a human-checked reader view gives)
and ``expected-metadata.json`` (its title). Only the pages that
``validation.page_split`` holds out are scored as ``held_out``; the others are reported
as ``train`` for reference (nothing in the HTML path is fitted to either).

For each page, the gold text is ``expected.html``'s visible text
(:func:`rhetoric.text.html.plain_text`, one line per block) and three extractions are
compared with it by word 4-gram shingles (``validation.shingle_prf``, the measure of the
ScrapingHub article-extraction benchmark):

* ``rhetoric``: ``rhetoric.load(page).body``, the text every metric sees;
* ``trafilatura``: ``trafilatura.extract(page)`` with its defaults (comments included);
* ``trafilatura_no_comments``: the same with ``include_comments=False`` (the main text
  ``rhetoric.load`` starts from);
* ``trafilatura_no_headline``: that text less its first line where the line is the
  headline, as ``rhetoric.load`` reads it (:func:`without_headline`). Like is compared
  with like here: the body is scored, and the headline is not body in either. Scoring
  trafilatura's headline as article text and ours as not would reward or punish a
  choice of layout, not of text (Readability's expected content opens with the
  headline on some pages and not on others).

Per extractor: mean precision, recall and F1 over pages (each page counts once), the
same pooled over all shingles, and the share of pages that lose more than half of
their article (recall below 0.5). Title, over the pages with a title in
``expected-metadata.json``: ``title_exact`` (``validation.title_exact``, the same words)
and ``title_contained`` (``validation.title_contained``, a site suffix allowed to
differ: Readability's expected title is often the page title, site name included,
"Samantha and The Great Big Lie - John C. Welch - Medium"), the same two measures as
``eval_pages_text.py``.

Run: ``.venv/bin/python evaluation/eval_pages_html.py [FOLDER]``. Writes
``evaluation/results/pages_html.json``.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

from validation import page_split, shingle_prf, shingles, title_contained, title_exact

import rhetoric
from rhetoric.text.html import plain_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "pages" / "readability"
OUT = ROOT / "evaluation" / "results" / "pages_html.json"
EXTRACTORS = ("rhetoric", "trafilatura", "trafilatura_no_comments", "trafilatura_no_headline")


def gold_text(folder: Path) -> str:
    """The visible text of the page's human-checked article content."""
    return plain_text((folder / "expected.html").read_text(encoding="utf-8"))[1]


def _fold(s: str | None) -> str:
    return " ".join((s or "").split())


def extract(folder: Path) -> tuple[dict[str, str], str | None]:
    """Each extractor's text of ``folder/source.html``, and rhetoric's title."""
    import trafilatura

    page = folder / "source.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = rhetoric.load(page)
    html = page.read_bytes()
    no_comments = trafilatura.extract(html, include_comments=False) or ""
    return {
        "rhetoric": article.body,
        "trafilatura": trafilatura.extract(html) or "",
        "trafilatura_no_comments": no_comments,
        "trafilatura_no_headline": without_headline(no_comments, article.title),
    }, article.title


def without_headline(text: str, title: str | None) -> str:
    """``text`` less its first line when that line is the headline ``title``: what
    trafilatura's main text holds as body, by the rule ``rhetoric.load`` applies to it
    (a headline repeated atop the text is the title, read apart from the body)."""
    first, _, rest = text.lstrip().partition("\n")
    return rest if title and _fold(first) == _fold(title) else text


def summarise(rows: list[dict]) -> dict:
    out: dict = {"pages": len(rows)}
    for name in EXTRACTORS:
        scores = [r[name] for r in rows]
        shared = sum(r["shared"][name] for r in rows)
        predicted = sum(r["predicted"][name] for r in rows)
        gold = sum(r["gold_shingles"] for r in rows)
        out[name] = {
            "precision_mean": round(sum(s["precision"] for s in scores) / len(rows), 4),
            "recall_mean": round(sum(s["recall"] for s in scores) / len(rows), 4),
            "f1_mean": round(sum(s["f1"] for s in scores) / len(rows), 4),
            "precision_pooled": round(shared / predicted, 4) if predicted else None,
            "recall_pooled": round(shared / gold, 4) if gold else None,
            "share_losing_half": round(sum(s["recall"] < 0.5 for s in scores) / len(rows), 4),
        }
    titled = [r for r in rows if r["title_ok"] is not None]
    out["titled_pages"] = len(titled)
    out["title_exact"] = round(sum(r["title_ok"] for r in titled) / len(titled), 4)
    out["title_contained"] = round(sum(r["title_contained"] for r in titled) / len(titled), 4)
    return out


def main(folder: Path) -> int:
    if not folder.is_dir():
        print(f"skipped: data not found at {folder}")
        return 0
    by_split: dict[str, list[dict]] = {"held_out": [], "train": []}
    pages: dict[str, dict] = {}
    for sub in sorted(p for p in folder.iterdir() if (p / "source.html").is_file()):
        gold = gold_text(sub)
        texts, title = extract(sub)
        g = shingles(gold)
        row = {name: shingle_prf(gold, texts[name]) for name in EXTRACTORS}
        row["shared"] = {n: sum((g & shingles(t)).values()) for n, t in texts.items()}
        row["predicted"] = {n: sum(shingles(t).values()) for n, t in texts.items()}
        row["gold_shingles"] = sum(g.values())
        meta = json.loads((sub / "expected-metadata.json").read_text(encoding="utf-8"))
        expected = meta.get("title") or ""
        row["title_ok"] = title_exact(title, expected) if expected else None
        row["title_contained"] = title_contained(title, expected) if expected else None
        split = page_split(sub.name)
        by_split[split].append(row)
        pages[sub.name] = {
            "split": split,
            **{n: {k: round(v, 4) for k, v in row[n].items()} for n in EXTRACTORS},
            "title_ok": row["title_ok"],
            "title_contained": row["title_contained"],
        }
    results = {
        "data": str(folder),
        "measure": "word 4-gram shingles, as multisets (validation.shingle_prf)",
        **{split: summarise(rows) for split, rows in by_split.items() if rows},
        "pages": pages,
    }
    for split in ("held_out", "train"):
        if split not in results:
            continue
        r = results[split]
        print(
            f"{split}: {r['pages']} pages; title exact {r['title_exact']:.3f}, "
            f"contained {r['title_contained']:.3f}"
        )
        for name in EXTRACTORS:
            f = r[name]
            print(
                f"  {name:24s} P {f['precision_mean']:.3f} R {f['recall_mean']:.3f} "
                f"F1 {f['f1_mean']:.3f} (pooled P {f['precision_pooled']:.3f} "
                f"R {f['recall_pooled']:.3f}); pages losing half: {f['share_losing_half']:.3f}"
            )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
