"""Validate ``sentiment_mean`` against human ratings of NYT editorial snippets.

Data: ``../shared/data/vader_nyt/dev.jsonl`` (relative to the repository root; another
path may be given as the first argument), one JSON object per line with ``text`` and
``gold`` (mean of 20 raters' sentiment ratings). Each snippet is tokenised with
``rhetoric.text.tokens.tokenize`` and scored sentence by sentence; several aggregations of
the sentence scores are compared with raw VADER on the whole snippet by Pearson r.

The aggregation shipped as ``sentiment_mean`` is chosen on a tuning split (half of the
source editorials, fixed seed, split by editorial so snippets of one editorial stay
together); figures are reported on the other half and on the whole file.

Run: ``.venv/bin/python evaluation/eval_sentiment_nyt.py [PATH]``. Writes
``evaluation/results/sentiment_nyt.json``.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from pathlib import Path

import numpy as np

from rhetoric.measures.sentiment import (
    MIN_WORDS,
    aggregate,
    analyzer,
    score_sentences,
    weighted_mean,
)
from rhetoric.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "vader_nyt" / "dev.jsonl"
OUT = ROOT / "evaluation" / "results" / "sentiment_nyt.json"
SEED = 7


def pearson(x: np.ndarray, y: np.ndarray) -> dict:
    """Pearson r with a 95% interval from Fisher's z transform."""
    r = float(np.corrcoef(x, y)[0, 1])
    n = len(x)
    z, se = math.atanh(r), 1 / math.sqrt(n - 3)
    return {
        "r": round(r, 4),
        "ci95": [round(math.tanh(z - 1.96 * se), 4), round(math.tanh(z + 1.96 * se), 4)],
        "n": n,
    }


ELIGIBLE_K = (0, 2, 3, 4, 5)
"""Minimum sentence lengths tried: a "very short" sentence has fewer than k <= 5 words."""
_REGEX_SPLIT = re.compile(r"(?<=[.!?])\s+")


def candidates(res) -> dict[str, float]:
    """Aggregations of one snippet's sentence scores (the eligible ones are bounded and
    do not grow with the length of the text, so they transfer to whole articles)."""
    c, n = res.compound, res.n_words
    keep = n > 0
    c, n = c[keep], n[keep]
    out = {"naive_mean": float(c.mean())}
    for k in ELIGIBLE_K:
        out[f"word_weighted_min{k}"] = weighted_mean(c, n, min_words=k)
    v = np.array([s.valence for s in res.sentences])[keep]
    for k in ELIGIBLE_K:
        out[f"valence_weighted_min{k}"] = aggregate(v, n, min_words=k)
    for k in ELIGIBLE_K[1:]:
        ones = np.ones_like(n)
        out[f"unweighted_min{k}"] = weighted_mean(
            c, np.where(n >= k, ones, 0) if (n >= k).any() else ones, 0
        )
    return out


def references(res, text: str) -> dict[str, float]:
    """Not eligible: pooled valence saturates towards +-1 as a text grows; the naive
    regex split is the baseline named in the issue."""
    a = analyzer()
    v = float(sum(s.valence for s in res.sentences))
    parts = [p for p in _REGEX_SPLIT.split(text.strip()) if p.strip()]
    return {
        "pooled_valence (reference)": v / math.sqrt(v * v + 15),
        "naive_mean_regex_split (reference)": float(
            np.mean([a.polarity_scores(p)["compound"] for p in parts])
        ),
    }


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skipped: data not found at {path}")
        return 0
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    a = analyzer()
    gold = np.array([r["gold"] for r in rows], dtype=float)
    raw = np.array([a.polarity_scores(r["text"])["compound"] for r in rows])
    results = [score_sentences(tokenize(r["text"])) for r in rows]
    cand = [candidates(res) for res in results]
    refs = [references(res, r["text"]) for res, r in zip(results, rows, strict=True)]
    names = list(cand[0])
    ref_names = list(refs[0])
    scores = {k: np.array([c[k] for c in cand]) for k in names}
    scores.update({k: np.array([c[k] for c in refs]) for k in ref_names})
    shipped = np.array([res.mean() for res in results])
    n_sent = np.array([sum(1 for s in res.sentences if s.n_words) for res in results])

    editorials = sorted({r["id"].split("_")[0] for r in rows})
    rng = np.random.default_rng(SEED)
    tune_eds = set(rng.choice(editorials, size=len(editorials) // 2, replace=False).tolist())
    tune = np.array([r["id"].split("_")[0] in tune_eds for r in rows])
    test = ~tune

    def table(mask):
        t = {
            "raw_vader_whole_snippet": pearson(raw[mask], gold[mask]),
            "sentiment_mean (shipped)": pearson(shipped[mask], gold[mask]),
        }
        for k in names + ref_names:
            t[k] = pearson(scores[k][mask], gold[mask])
        return t

    tune_t = table(tune)
    best = max(names, key=lambda k: tune_t[k]["r"])
    report = {
        "data": os.path.relpath(path, ROOT),
        "n_snippets": len(rows),
        "snippets_with_2plus_sentences": int((n_sent >= 2).sum()),
        "split": f"by editorial id, seed {SEED}: "
        f"{int(tune.sum())} tuning / {int(test.sum())} held-out snippets",
        "best_on_tuning_split": best,
        "shipped_rule": f"valence_weighted_min{MIN_WORDS}",
        "shipped_matches_best": best == f"valence_weighted_min{MIN_WORDS}",
        "tuning": tune_t,
        "held_out": table(test),
        "all": table(np.ones(len(rows), dtype=bool)),
        "multi_sentence_snippets_all": table(n_sent >= 2),
    }
    for part in ("tuning", "held_out", "all", "multi_sentence_snippets_all"):
        print(f"== {part}")
        for k, v in report[part].items():
            print(f"  {k:32s} r={v['r']:.4f}  95% CI {v['ci95']}  n={v['n']}")
    print("best on tuning split:", best, "| shipped:", report["shipped_rule"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print("wrote", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
