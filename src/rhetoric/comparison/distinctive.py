"""Distinctive vocabulary: which words set one article apart from the others.

Two measures over the body words of each article (the words of
:class:`rhetoric.text.tokens.Doc`, lower-cased, curly apostrophes folded to ``'``):

* :func:`tfidf_terms`: scikit-learn's TF-IDF, the highest-weighted terms per article.
* :func:`log_odds`: the weighted log-odds ratio with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008, "Fightin' Words", *Political Analysis* 16(4)),
  each article against the pooled others, with z-scores.
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from rhetoric.analysis.records import ArticleData, as_articles

__all__ = ["article_terms", "log_odds", "tfidf_terms"]


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("‘", "'")


def article_terms(article: ArticleData) -> list[str]:
    """The body words of one article, normalised (lower case, ``’`` → ``'``)."""
    doc = article.doc
    if doc is None:
        warnings.warn(f"{article.id}: no Doc or text; it has no terms", stacklevel=2)
        return []
    return [_norm(doc.word_text(i)) for i in range(doc.n_words)]


def _stop_words(stop_words: str | Iterable[str] | None) -> frozenset[str]:
    if stop_words is None:
        return frozenset()
    if stop_words == "english":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset(_norm(w) for w in stop_words)


def _term_lists(arts: list[ArticleData], stop: frozenset[str], min_len: int) -> list[list[str]]:
    out = []
    for art in arts:
        words = [
            w for w in article_terms(art) if w not in stop and len(w) >= min_len and not w.isdigit()
        ]
        out.append(words)
    return out


def tfidf_terms(
    analyses: Iterable[Any],
    n: int = 15,
    *,
    stop_words: str | Iterable[str] | None = "english",
    min_len: int = 2,
    **vectorizer_options: Any,
) -> pd.DataFrame:
    """Top ``n`` TF-IDF terms per article, against the other articles given.

    Uses :class:`sklearn.feature_extraction.text.TfidfVectorizer` with its defaults
    (``tf × (ln((1 + N) / (1 + df)) + 1)``, each article's vector L2-normalised) over
    our own word tokens. Stop words (scikit-learn's English list by default, or
    ``None``), pure numbers and words shorter than ``min_len`` are left out. Higher is
    "more distinctive and more frequent"; a term found in every article keeps the
    lowest idf (1). With two or three articles idf only distinguishes "in one",
    "in some" and "in all", so frequency dominates.

    Columns: ``id``, ``rank`` (1 = highest), ``term``, ``tfidf``, ``count``,
    ``n_articles`` (how many of the articles use it).
    """
    arts = as_articles(analyses)
    columns = ["id", "rank", "term", "tfidf", "count", "n_articles"]
    stop = _stop_words(stop_words)
    terms = _term_lists(arts, stop, min_len)
    if not arts or not any(terms):
        warnings.warn("tfidf_terms(): no words to weigh", stacklevel=2)
        return pd.DataFrame(columns=columns)
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=lambda words: words, lowercase=False, **vectorizer_options)
    matrix = vec.fit_transform(terms)
    vocab = vec.get_feature_names_out()
    df_counts = (matrix > 0).sum(axis=0).A1
    rows = []
    for i, art in enumerate(arts):
        counts = Counter(terms[i])
        weights = matrix[i].toarray().ravel()
        ranked = sorted(
            (j for j in range(len(vocab)) if weights[j] > 0), key=lambda j: (-weights[j], vocab[j])
        )
        for rank, j in enumerate(ranked[:n], start=1):
            rows.append(
                {
                    "id": art.id,
                    "rank": rank,
                    "term": str(vocab[j]),
                    "tfidf": float(weights[j]),
                    "count": counts[vocab[j]],
                    "n_articles": int(df_counts[j]),
                }
            )
    return pd.DataFrame(rows, columns=columns)


def log_odds(
    analyses: Iterable[Any],
    prior: float | Mapping[str, float] = 100.0,
    *,
    n: int | None = 15,
    stop_words: str | Iterable[str] | None = None,
    min_len: int = 1,
) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior, each article vs the rest.

    For article *i* and the pooled other articles *j*, with counts ``y`` of word *w*,
    totals ``n`` and Dirichlet pseudo-counts ``a_w`` summing to ``a0``
    (Monroe, Colaresi & Quinn 2008, "informative Dirichlet prior" model)::

        delta_w = ln((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
                - ln((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
        var_w   ≈ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w     = delta_w / sqrt(var_w)

    ``prior`` is either ``a0``, a total pseudo-count spread over the vocabulary in
    proportion to the word's frequency in all the articles together (the informative
    prior; larger means more shrinkage towards "no difference"), or a mapping of word to
    its own pseudo-count ``a_w`` (for instance, counts from a background corpus; words
    it lacks get 0.01). Positive z means the article uses the word more than the
    others; ``|z| > 1.96`` is the conventional bar. With a single article there is
    nothing to compare against and the table is empty (with a warning).

    Returns the ``n`` highest-z words per article (``n=None``: every word), columns
    ``id``, ``term``, ``count``, ``count_others``, ``delta``, ``se``, ``z``, sorted by
    article then descending z.
    """
    arts = as_articles(analyses)
    columns = ["id", "term", "count", "count_others", "delta", "se", "z"]
    if len(arts) < 2:
        warnings.warn("log_odds(): needs at least two articles", stacklevel=2)
        return pd.DataFrame(columns=columns)
    terms = _term_lists(arts, _stop_words(stop_words), min_len)
    counts = [Counter(t) for t in terms]
    total = Counter()
    for c in counts:
        total.update(c)
    n_all = sum(total.values())
    if n_all == 0:
        warnings.warn("log_odds(): no words to compare", stacklevel=2)
        return pd.DataFrame(columns=columns)
    if isinstance(prior, Mapping):
        alpha = {w: float(prior.get(w, 0.01)) for w in total}
    else:
        a0 = float(prior)
        if not a0 > 0:
            raise ValueError("prior must be a positive pseudo-count or a mapping")
        alpha = {w: a0 * c / n_all for w, c in total.items()}
    a0_sum = sum(alpha.values())
    rows = []
    for i, art in enumerate(arts):
        n_i = sum(counts[i].values())
        n_j = n_all - n_i
        if n_i == 0:
            warnings.warn(f"log_odds(): {art.id} has no words", stacklevel=2)
            continue
        out = []
        for w in total:
            y_i = counts[i][w]
            y_j = total[w] - y_i
            a = alpha[w]
            if a <= 0:
                continue
            delta = math.log((y_i + a) / (n_i + a0_sum - y_i - a)) - math.log(
                (y_j + a) / (n_j + a0_sum - y_j - a)
            )
            se = math.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
            out.append((art.id, w, y_i, y_j, delta, se, delta / se))
        out.sort(key=lambda r: (-r[6], r[1]))
        rows.extend(out if n is None else out[:n])
    return pd.DataFrame(rows, columns=columns)
