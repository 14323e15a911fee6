"""The author's voice against quoted voices: sentence labels and quote metrics.

A body word is **quoted** when it lies inside a part of a top-level ``direct``
quotation (marks included; see :func:`rhetoric.measures.quotes.direct_spans`). Scare quotes and
titles are the author's own words and count as commentary.

Per sentence (one per ``doc.sentences``): ``quoted_share`` = quoted words / words;
``voice`` is ``quote`` when ``quoted_share >= 0.75``, ``commentary`` when it is 0 (or
the sentence has no words), else ``mixed``. So ``“Yes,” he said.`` (1 of 3 words
quoted) is ``mixed``.

Metrics (:meth:`VoiceResult.metrics`), each NaN with a warning when the body has no
words:

* ``quote_share`` (quoted words / body words, 0-1) is a rate over sentences, defined
  with the other resampled rates in :data:`rhetoric.analysis.sentences.SENTENCE_METRICS`
  from each sentence's ``words`` and ``quoted_words``.
* ``quote_commentary_ratio`` = quoted words / unquoted words (higher: more quoting;
  NaN when every word is quoted).
* ``quotes``: number of top-level direct quotes (a quote split by an attribution or
  running over paragraphs counts once).
* ``speakers``: distinct non-null speakers of direct quotes.
* ``unattributed_quote_share`` = quoted words in direct quotes with no speaker /
  quoted words (NaN when there are no direct quotes; higher: less sourcing).
* ``unattributed_quotes``: number of direct quotes with no speaker.
* ``scare_quotes_per_1000_words`` = scare quotes / body words × 1000.
* ``title_quotes``, ``unclosed_quotes``: counts.
* ``commentary_sentence_share`` = sentences labelled ``commentary`` / sentences.

References: the quote/commentary distinction follows the attribution framework of
Pareti (2016), *PARC 3.0*, and the notion of the author's voice in Bell (1991),
*The Language of News Media*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

import math
import warnings
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from rhetoric.frozen import build
from rhetoric.measures.quotes import Quote, direct_spans, find_quotes
from rhetoric.measures.quotes import records as quote_records
from rhetoric.text.tokens import Doc, words_within

__all__ = ["SentenceVoice", "VoiceResult", "measure_voice", "analyse_voice", "QUOTE_THRESHOLD"]

QUOTE_THRESHOLD = 0.75
"""A sentence is ``quote`` when at least this share of its words is quoted."""


@dataclass(frozen=True)
class SentenceVoice:
    """Voice of one sentence: its span, word counts and label."""

    index: int
    start: int
    end: int
    words: int
    quoted_words: int
    quoted_share: float
    voice: str
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class VoiceResult:
    """Sentence voices, quotes and word counts of one article.

    ``quote_spans`` are the merged ``(start, end)`` spans of direct quotes (marks
    included): use them to ask whether a word is inside a quote.
    """

    sentences: tuple[SentenceVoice, ...]
    quotes: tuple[Quote, ...]
    n_words: int
    quoted_words: int
    quote_spans: tuple[tuple[int, int], ...]
    warnings: tuple[str, ...] = ()
    _speaker_words: tuple[tuple[str | None, str | None, int], ...] = field(default=(), repr=False)
    word_in_quote: tuple[bool, ...] = field(default=(), repr=False, compare=False)
    """For each Doc word, whether it lies inside ``quote_spans`` (``words_within``), so
    other measures need not recompute it."""

    def metrics(self) -> dict[str, float]:
        """Article-level voice metrics (see module docstring)."""
        direct = [q for q in self.quotes if q.kind == "direct" and q.depth == 0]
        n = self.n_words
        out: dict[str, float] = {}
        if n == 0:
            warnings.warn("voice metrics: the body has no words", stacklevel=2)
            nan = float("nan")
            return dict.fromkeys(
                (
                    "quote_commentary_ratio",
                    "quotes",
                    "speakers",
                    "unattributed_quote_share",
                    "unattributed_quotes",
                    "scare_quotes_per_1000_words",
                    "title_quotes",
                    "unclosed_quotes",
                    "commentary_sentence_share",
                ),
                nan,
            )
        q = self.quoted_words
        out["quote_commentary_ratio"] = q / (n - q) if n > q else float("nan")
        out["quotes"] = float(len(direct))
        out["speakers"] = float(len({d.speaker for d in direct if d.speaker}))
        unattributed_words = sum(w for sp, _, w in self._speaker_words if sp is None)
        out["unattributed_quote_share"] = unattributed_words / q if q else float("nan")
        out["unattributed_quotes"] = float(sum(1 for d in direct if not d.speaker))
        scare = sum(1 for x in self.quotes if x.kind == "scare" and x.depth == 0)
        out["scare_quotes_per_1000_words"] = scare / n * 1000
        out["title_quotes"] = float(
            sum(1 for x in self.quotes if x.kind == "title" and x.depth == 0)
        )
        out["unclosed_quotes"] = float(sum(1 for x in self.quotes if x.unclosed))
        ns = len(self.sentences)
        out["commentary_sentence_share"] = (
            sum(1 for s in self.sentences if s.voice == "commentary") / ns if ns else float("nan")
        )
        return out

    def by_speaker(self) -> pd.DataFrame:
        """Quoted words and quotes per speaker (``None`` → ``"(unattributed)"``)."""
        rows: dict[str, dict] = {}
        for sp, aff, w in self._speaker_words:
            key = sp or "(unattributed)"
            r = rows.setdefault(key, {"speaker": key, "affiliation": aff, "quotes": 0, "words": 0})
            r["quotes"] += 1
            r["words"] += w
        import pandas as pd

        df = pd.DataFrame(
            list(rows.values()), columns=["speaker", "affiliation", "quotes", "words"]
        )
        df["share_of_quoted"] = df["words"] / self.quoted_words if self.quoted_words else math.nan
        return df.sort_values(["words", "speaker"], ascending=[False, True], ignore_index=True)

    def by_affiliation(self) -> pd.DataFrame:
        """Quoted words and quotes per affiliation (``"(unknown)"`` for a speaker with no
        affiliation, ``"(unattributed)"`` for quotes with no speaker)."""
        df = self.by_speaker()
        df["affiliation"] = df["affiliation"].fillna("(unknown)")
        df.loc[df["speaker"] == "(unattributed)", "affiliation"] = "(unattributed)"
        g = df.groupby("affiliation", as_index=False)[["quotes", "words"]].sum()
        g["share_of_quoted"] = g["words"] / self.quoted_words if self.quoted_words else math.nan
        return g.sort_values(["words", "affiliation"], ascending=[False, True], ignore_index=True)

    def to_frame(self) -> pd.DataFrame:
        """One row per sentence: index, start, end, words, quoted_words, quoted_share, voice,
        speakers."""
        cols = list(SentenceVoice.__dataclass_fields__)
        import pandas as pd

        df = pd.DataFrame([s.__dict__ for s in self.sentences], columns=cols)
        df["speakers"] = df["speakers"].map(lambda t: "; ".join(t))
        return df

    def records(self) -> list[dict]:
        """JSON-ready sentence records (NaN shares become ``None``)."""
        out = []
        for s in self.sentences:
            d = dict(s.__dict__)
            d["speakers"] = list(s.speakers)
            if isinstance(d["quoted_share"], float) and math.isnan(d["quoted_share"]):
                d["quoted_share"] = None
            out.append(d)
        return out

    def quote_records(self) -> list[dict]:
        """JSON-ready records of every quote (start, end, text, kind, speaker, ...)."""
        return quote_records(list(self.quotes))


def measure_voice(doc: Doc, quotes: list[Quote]) -> VoiceResult:
    """Label each sentence of ``doc`` and count quoted words.

    ``quotes`` should come from :func:`rhetoric.measures.attribution.attribute` (speakers are
    needed for the per-speaker tables); unattributed quotes count as unattributed.
    """
    spans = direct_spans(quotes)
    flags = words_within(doc, spans)
    direct = [q for q in quotes if q.kind == "direct" and q.depth == 0]
    # the speakers of the quotes whose parts overlap each sentence, in quote order
    named: list[list[str]] = [[] for _ in doc.sentences]
    for q in direct:
        for pa, pb in q.parts:
            first = bisect_right(doc.sentence_ends, pa)  # the first sentence ending after pa
            for i in range(first, bisect_left(doc.sentence_starts, pb, lo=first)):
                named[i].append(q.speaker or "(unattributed)")
    sentences = []
    for i, (ss, se) in enumerate(doc.sentences):
        a, b = doc.sentence_words[i]
        n = b - a
        qn = sum(flags[a:b])
        share = qn / n if n else float("nan")
        if n == 0 or qn == 0:
            voice = "commentary"
        elif share >= QUOTE_THRESHOLD:
            voice = "quote"
        else:
            voice = "mixed"
        # only a sentence with quoted words lists speakers
        speakers = tuple(dict.fromkeys(named[i])) if qn else ()
        sentence = build(
            SentenceVoice,
            index=i,
            start=ss,
            end=se,
            words=n,
            quoted_words=qn,
            quoted_share=share,
            voice=voice,
            speakers=speakers,
        )
        sentences.append(sentence)
    speaker_words = [(q.speaker, q.affiliation, q.n_words) for q in direct]
    msgs = [
        f"unclosed quotation mark at offset {q.start}: quote ended at offset {q.end}"
        for q in quotes
        if q.unclosed
    ]
    if not doc.words:
        msgs.append("the body has no words")
    return VoiceResult(
        tuple(sentences),
        tuple(quotes),
        len(doc.words),
        sum(flags),
        tuple(spans),
        tuple(msgs),
        tuple(speaker_words),
        tuple(flags),
    )


def analyse_voice(doc: Doc, gazetteer=None) -> VoiceResult:
    """Convenience: :func:`find_quotes`, then ``attribute``, then :func:`measure_voice`."""
    from rhetoric.measures.attribution import attribute

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        quotes = attribute(doc, find_quotes(doc), gazetteer)
    for w in caught:
        warnings.warn(w.message, w.category, stacklevel=2)
    return measure_voice(doc, quotes)
