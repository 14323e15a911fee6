"""Reading the validation figures the ``evaluation/`` scripts write.

Each script in ``evaluation/`` compares one detector with a human-annotated corpus and
writes ``evaluation/results/NAME.json``. Those files are committed, so the figures can
be read (by notebook 06) where the annotated corpora themselves are absent.

:func:`load_results` flattens every results file into one long table;
:func:`headline` picks the figures that say how far each metric can be trusted
(:data:`HEADLINES`), with their sample sizes and intervals where the file has them.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "HEADLINES",
    "PAGES_HELD_OUT_PERCENT",
    "SPLITS",
    "headline",
    "load_results",
    "page_split",
    "shingle_prf",
    "shingles",
    "spearman_ci",
    "term_word_flags",
    "token_prf",
    "wilson",
]

SPLITS = ("tuning", "held_out", "heldout", "dev", "test", "train", "all")
"""Top-level keys read as the split a figure was computed on."""

COLUMNS = ["evaluation", "split", "figure", "value", "ci_low", "ci_high", "n", "text"]


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _walk(node: Any, path: list[str], rows: list[dict[str, Any]], name: str) -> None:
    def row(**kw: Any) -> None:
        split = path[0] if path and path[0] in SPLITS else ""
        figure = ".".join(path[1:] if split else path)
        base = dict.fromkeys(COLUMNS, math.nan) | {"evaluation": name, "split": split}
        base.update({"figure": figure, "text": None, **kw})
        rows.append(base)

    if isinstance(node, dict):
        if _is_number(node.get("r")):  # a correlation with its interval and n
            ci = node.get("ci95") or [math.nan, math.nan]
            row(value=float(node["r"]), ci_low=float(ci[0]), ci_high=float(ci[1]),
                n=float(node.get("n", math.nan)))  # fmt: skip
            return
        for key, value in node.items():
            _walk(value, [*path, str(key)], rows, name)
    elif _is_number(node):
        row(value=float(node))
    elif isinstance(node, (str, bool)):
        row(text=str(node))
    # lists (id lists, intervals outside an "r" record) are not figures


def load_results(folder: str | Path) -> pd.DataFrame:
    """Every figure of every ``*.json`` in ``folder``, one row each.

    Columns: ``evaluation`` (file name without ``.json``), ``split`` (the top-level key
    when it names a split, see :data:`SPLITS`, else empty), ``figure`` (the remaining
    key path joined by ``.``), ``value`` (a number), ``ci_low``/``ci_high``/``n``
    (for correlations stored as ``{"r", "ci95", "n"}``), ``text`` (string and boolean
    entries, with ``value`` NaN). A missing folder or a file that is not valid JSON
    gives a warning and no rows, never an error.
    """
    folder = Path(folder)
    rows: list[dict[str, Any]] = []
    if not folder.is_dir():
        warnings.warn(f"no evaluation results at {folder}", stacklevel=2)
        return pd.DataFrame(columns=COLUMNS)
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            warnings.warn(f"{path.name}: not readable as JSON ({exc})", stacklevel=2)
            continue
        _walk(data, [], rows, path.stem)
    return pd.DataFrame(rows, columns=COLUMNS)


HEADLINES: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    # (evaluation, split, figure, label, key of the sample size, unit of n, interval)
    # interval: "stored" (from the file), "wilson" (a proportion of n), "spearman"
    # (Fisher z with the Fieller et al. 1957 standard error), "" (none: token counts
    # within an article are not independent, so no simple interval applies; nor for
    # the pages' body precision and recall, means over pages of shingle shares)
    ("loaded_ptc", "", "detectors.default.precision", "loaded: token precision",
     "articles", "articles", ""),
    ("loaded_ptc", "", "detectors.default.recall", "loaded: token recall",
     "articles", "articles", ""),
    ("loaded_ptc", "", "detectors.default.f1", "loaded: token F1", "articles", "articles", ""),
    ("loaded_ptc", "", "detectors.default.spearman_terms",
     "loaded: Spearman rho of density per article", "articles", "articles", "spearman"),
    ("loaded_ptc", "", "detectors.baseline.f1", "baseline (VADER words): token F1",
     "articles", "articles", ""),
    ("loaded_ptc", "", "detectors.baseline.spearman_terms",
     "baseline (VADER words): Spearman rho", "articles", "articles", "spearman"),
    ("loaded_babe", "", "words.f1", "loaded: BABE word F1 (experts' words)",
     "held_out_sentences", "sentences", ""),
    ("loaded_babe", "", "density_auc", "loaded: BABE AUC of loaded_per_100_words",
     "labelled_sentences", "sentences", ""),
    ("loaded_babe", "", "bias_mean_auc", "bias: BABE AUC of bias_mean",
     "labelled_sentences", "sentences", ""),
    ("loaded_babe", "", "bias_classifier.macro_f1", "bias: BABE macro F1 at 0.5",
     "labelled_sentences", "sentences", ""),
    ("sentiment_nyt", "held_out", "sentiment_mean (shipped)",
     "sentiment: Pearson r with readers", "", "snippets", "stored"),
    ("sentiment_nyt", "held_out", "raw_vader_whole_snippet",
     "baseline (raw VADER): Pearson r with readers", "", "snippets", "stored"),
    ("sentiment_nyt", "", "multi_sentence_snippets_all.sentiment_mean (shipped)",
     "sentiment: Pearson r, snippets of 2+ sentences", "", "snippets", "stored"),
    ("quotes_polnear", "test", "recall_quoted_attributions", "quotes: recall",
     "quoted_attributions", "annotated quotes", "wilson"),
    ("quotes_polnear", "test", "precision_direct_quotes", "quotes: precision (direct quotes)",
     "direct_quotes", "detected quotes", "wilson"),
    ("quotes_polnear", "test", "speaker_accuracy", "quotes: speaker accuracy",
     "speaker_pairs_name_source", "quotes with a named source", "wilson"),
    ("quotes_polnear", "test", "speaker_coverage", "quotes: share given a speaker",
     "speaker_pairs_name_source", "quotes with a named source", "wilson"),
    ("pages_text", "held_out", "text.labeller.precision",
     "segmentation (page copied as text): body precision", "text.labeller.pages", "pages", ""),
    ("pages_text", "held_out", "text.labeller.recall",
     "segmentation (page copied as text): body recall", "text.labeller.pages", "pages", ""),
    ("pages_text", "held_out", "markdown.labeller.precision",
     "segmentation (page clipped to Markdown): body precision", "markdown.labeller.pages",
     "pages", ""),
    ("pages_text", "held_out", "markdown.labeller.recall",
     "segmentation (page clipped to Markdown): body recall", "markdown.labeller.pages",
     "pages", ""),
    ("pages_html", "held_out", "rhetoric.precision_mean",
     "segmentation (HTML page): body precision", "pages", "pages", ""),
    ("pages_html", "held_out", "rhetoric.recall_mean",
     "segmentation (HTML page): body recall", "pages", "pages", ""),
    ("pages_html", "held_out", "trafilatura_no_headline.precision_mean",
     "baseline (trafilatura alone, headline not body): HTML body precision", "pages", "pages",
     ""),
    ("pages_html", "held_out", "trafilatura_no_headline.recall_mean",
     "baseline (trafilatura alone, headline not body): HTML body recall", "pages", "pages", ""),
)  # fmt: skip
"""The figures :func:`headline` reports: what each says is in its label."""


SPLIT_NOTES = {"loaded_ptc": "held_out", "loaded_babe": "held_out"}
"""Evaluations whose whole file is computed on one split (no split key in the JSON)."""


def headline(results: pd.DataFrame) -> pd.DataFrame:
    """The figures of :data:`HEADLINES` found in ``results`` (from :func:`load_results`).

    Columns ``evaluation``, ``split``, ``label``, ``value``, ``ci_low``, ``ci_high``
    (95%: from the file, or :func:`wilson` for proportions, :func:`spearman_ci` for
    rank correlations; NaN for token scores), ``n`` and ``unit`` (what was counted:
    articles, snippets, quotes).
    Figures whose file or key is absent are left out; which evaluations are missing can
    be read from ``set(HEADLINE evaluations) - set(results.evaluation)``.
    """
    rows = []
    for evaluation, split, figure, label, n_key, unit, method in HEADLINES:
        sub = results[(results["evaluation"] == evaluation) & (results["split"] == split)]
        hit = sub[sub["figure"] == figure]
        if hit.empty:
            continue
        r = hit.iloc[0]
        n = r["n"]
        if n_key:
            sized = sub[sub["figure"] == n_key]["value"]
            n = float(sized.iloc[0]) if len(sized) else math.nan
        low, high = r["ci_low"], r["ci_high"]
        if method == "wilson":
            low, high = wilson(r["value"], n)
        elif method == "spearman":
            low, high = spearman_ci(r["value"], n)
        rows.append(
            {
                "evaluation": evaluation,
                "split": split or SPLIT_NOTES.get(evaluation, ""),
                "label": label,
                "value": r["value"],
                "ci_low": low,
                "ci_high": high,
                "n": n,
                "unit": unit,
            }
        )
    columns = ["evaluation", "split", "label", "value", "ci_low", "ci_high", "n", "unit"]
    return pd.DataFrame(rows, columns=columns)


Z95 = 1.959963984540054


def wilson(p: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``p`` observed on ``n`` items (95% default).

    ``(p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)`` (Wilson 1927). Assumes the
    items are independent (quotes from one article are not quite), so it is a lower
    bound on the real uncertainty. NaN for ``n < 1``.
    """
    if not (n >= 1) or math.isnan(p):
        return math.nan, math.nan
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    den = 1 + z * z / n
    return (centre - half) / den, (centre + half) / den


def spearman_ci(rho: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Approximate 95% interval of Spearman's rho from ``n`` pairs.

    Fisher's ``atanh(rho) ± z·se`` with ``se = sqrt(1.06 / (n - 3))`` (Fieller, Hartley
    & Pearson 1957), transformed back with ``tanh``. NaN for ``n <= 3``.
    """
    if not (n > 3) or math.isnan(rho) or abs(rho) >= 1:
        return math.nan, math.nan
    centre, se = math.atanh(rho), math.sqrt(1.06 / (n - 3))
    return math.tanh(centre - z * se), math.tanh(centre + z * se)


def token_prf(gold: list[list[bool]], pred: list[list[bool]]) -> dict[str, float]:
    """Token-level precision, recall and F1, pooled over documents.

    ``gold[d][i]`` and ``pred[d][i]`` say whether token ``i`` of document ``d`` is
    positive. Precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic
    mean; each is 0.0 where its denominator is 0. Higher is better.
    """
    tp = fp = fn = 0
    for g_doc, p_doc in zip(gold, pred, strict=True):
        for g, p in zip(g_doc, p_doc, strict=True):
            tp += g and p
            fp += p and not g
            fn += g and not p
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


PAGES_HELD_OUT_PERCENT = 35
"""Share of the annotated web pages (``../shared/data/pages/``) never trained or tuned on."""


def page_split(name: str) -> str:
    """``"held_out"`` or ``"train"`` for the annotated page in folder ``name``.

    Fixed by the page's name alone (the first four bytes of its SHA-256, modulo 100,
    below :data:`PAGES_HELD_OUT_PERCENT`), so every script and every run agrees on it
    and adding pages never moves an existing one.
    """
    return _hash_split(name, PAGES_HELD_OUT_PERCENT)


def _hash_split(key: str, held_out_percent: int) -> str:
    """``"held_out"`` when the first four bytes of ``key``'s SHA-256, modulo 100, fall
    below ``held_out_percent``, else ``"train"``."""
    bucket = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big") % 100
    return "held_out" if bucket < held_out_percent else "train"


_SHINGLE_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``n``-grams of lower-cased words (``\\w+``) in ``text``.

    A text of fewer than ``n`` words is one shingle of all its words (none if empty).
    """
    words = _SHINGLE_WORD.findall(text.lower())
    if len(words) < n:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def shingle_prf(gold: str, predicted: str, n: int = 4) -> dict[str, float]:
    """Precision, recall and F1 of ``predicted`` text against ``gold`` by word ``n``-grams.

    Precision = shared shingles / shingles of ``predicted``, recall = shared / shingles
    of ``gold`` (as multisets, so a paragraph kept twice counts once in the overlap), F1
    their harmonic mean: the measure of the ScrapingHub article-extraction benchmark.
    Higher is better. An empty side gives precision (or recall) 1.0 when both sides are
    empty, else 0.0.
    """
    g, p = shingles(gold, n), shingles(predicted, n)
    shared = sum((g & p).values())
    n_g, n_p = sum(g.values()), sum(p.values())
    precision = shared / n_p if n_p else float(n_g == 0)
    recall = shared / n_g if n_g else float(n_p == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def title_exact(ours: str | None, expected: str) -> bool:
    """True when ``ours`` has the same words (``\\w+``, case folded) as ``expected``."""
    return bool(ours) and _SHINGLE_WORD.findall(ours.lower()) == _SHINGLE_WORD.findall(
        expected.lower()
    )


def title_contained(ours: str | None, expected: str) -> bool:
    """True when one title's words (``\\w+``, case folded) are a run of the other's, two
    words or more, or both are the same single word: the headline with a site suffix
    allowed to differ ("Samantha and The Great Big Lie" in "Samantha and The Great Big
    Lie - John C. Welch - Medium"). The measure of both page evaluations, and the gold
    of the headline chooser (``scripts/train_headline_model.py``)."""
    a = " ".join(_SHINGLE_WORD.findall((ours or "").lower()))
    b = " ".join(_SHINGLE_WORD.findall(expected.lower()))
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter.split()) >= 2 and f" {shorter} " in f" {longer} "


BABE_HELD_OUT_PERCENT = 30
"""Share of the BABE sentences (``../shared/data/babe/``) never trained or tuned on."""


def babe_split(sentence_id: str) -> str:
    """``"held_out"`` or ``"train"`` for a BABE sentence id.

    Fixed by the id alone (the first four bytes of the SHA-256 of ``"babe:" + id``,
    modulo 100, below :data:`BABE_HELD_OUT_PERCENT`). The same id is the same sentence
    in SG1 and MBIC, so both files agree.
    """
    return _hash_split("babe:" + sentence_id, BABE_HELD_OUT_PERCENT)


def term_word_flags(terms, n: int) -> list[bool]:
    """For each of a document's ``n`` words, whether one of ``terms`` (objects with
    ``first_word`` and ``last_word``, end exclusive) covers it: the predictions
    :func:`token_prf` scores."""
    out = [False] * n
    for t in terms:
        for w in range(t.first_word, t.last_word):
            out[w] = True
    return out
