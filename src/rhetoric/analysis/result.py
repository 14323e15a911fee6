"""One record per article: :func:`analyze` runs every measure over one tokenisation."""

from __future__ import annotations

import math
import warnings as _warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rhetoric.analysis.sentences import SENTENCE_METRICS, analysis_columns, rate_values
from rhetoric.measures import readability
from rhetoric.measures.actors import ActorGazetteer, Mention, find_mentions
from rhetoric.measures.attribution import Gazetteer, attribute
from rhetoric.measures.lexicon import Lexicon
from rhetoric.measures.loaded import LoadedResult, find_loaded
from rhetoric.measures.quotes import Quote, find_quotes
from rhetoric.measures.sentiment import SentimentResult, score_sentences
from rhetoric.measures.stance import measure_stance
from rhetoric.measures.voice import VoiceResult, measure_voice
from rhetoric.text.article import Article, from_text, load
from rhetoric.text.tokens import Doc, tokenize

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION = "1.2"
"""Version of the :meth:`Analysis.to_dict` record. Minor versions only add keys."""


@dataclass(frozen=True)
class Analysis:
    """Everything measured on one article; ``to_dict()`` is the stable public record.

    The parts are the results of each measure family, each with its own ``to_frame()``:
    ``voice`` (quotes, speakers, sentence voice), ``loaded`` (loaded terms),
    ``sentiment`` (VADER per sentence), ``mentions`` (actor groups), ``readability``
    and ``stance`` (dicts of figures).
    """

    article: Article
    doc: Doc
    voice: VoiceResult = field(repr=False)
    loaded: LoadedResult = field(repr=False)
    sentiment: SentimentResult = field(repr=False)
    mentions: tuple[Mention, ...] = field(repr=False)
    metrics: dict[str, float] = field(repr=False)
    warnings: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def title(self) -> str | None:
        return self.article.title

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.voice.quotes

    @property
    def voices(self) -> list[str]:
        """Voice of each body sentence: ``quote``, ``commentary`` or ``mixed``."""
        return [s.voice for s in self.voice.sentences]

    def commentary_sentences(self) -> list[int]:
        """Indices of the sentences in the author's own voice."""
        return [i for i, v in enumerate(self.voices) if v == "commentary"]

    def framing(self) -> pd.DataFrame:
        """One row per actor group: mentions, tone by voice, loaded terms nearby."""
        from rhetoric.measures.actors import framing

        spans = [(t.start, t.end, t.text) for t in self.loaded.terms]
        return framing(self.doc, self.mentions, self.sentiment, self.voices, spans)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (schema in the README; offsets index ``article.text``)."""
        art = self.article
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "path": str(art.path) if art.path is not None else None,
            "title": self.title,
            "format": art.format,
            "encoding": art.encoding,
            "segments": [{"label": s.label, "start": s.start, "end": s.end} for s in art.segments],
            "lines": [{"n": n, "label": label} for n, label in enumerate(art.line_labels, 1)],
            "sentences": sentence_records(self.voice, self.sentiment, self.loaded),
            "quotes": self.voice.quote_records(),
            "loaded": self.loaded.records(),
            "loaded_candidates": self.loaded.candidate_records(),
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "group": m.group}
                for m in self.mentions
            ],
            "metrics": {k: _json_number(v) for k, v in self.metrics.items()},
            "warnings": list(self.warnings),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per body sentence: position, text, voice, quoted share, sentiment."""
        frame = self.voice.to_frame()
        frame.insert(3, "text", [self.doc.sentence_text(i) for i in range(len(self.doc.sentences))])
        frame["sentiment"] = self.sentiment.compound
        return frame

    def _repr_html_(self) -> str:
        """Jupyter shows an analysis as :func:`rhetoric.highlight` with everything marked
        (the one upward import: a display hook, loaded only when a notebook asks)."""
        from rhetoric.viz.reading import highlight

        return highlight(self)


def sentence_records(
    voice: VoiceResult, sentiment: SentimentResult, loaded: LoadedResult | None = None
) -> list[dict[str, Any]]:
    """The record's ``sentences``: offsets, voice and every per-sentence count and score
    the rates of :mod:`rhetoric.analysis.sentences` are computed from (``bias``: the
    sentence bias probability of :class:`rhetoric.measures.loaded.LoadedModel`, None
    without the model)."""
    if loaded is not None and loaded.sentence_bias:
        bias = list(loaded.sentence_bias)  # one per sentence: the strict zip below checks
    else:
        bias = [math.nan] * len(voice.sentences)
    return [
        {
            "start": v.start,
            "end": v.end,
            "voice": v.voice,
            "quoted_share": _json_number(v.quoted_share),
            "sentiment": _json_number(s.compound),
            "valence": _json_number(s.valence),
            "words": v.words,
            "quoted_words": v.quoted_words,
            "bias": _json_number(b),
        }
        for v, s, b in zip(voice.sentences, sentiment.sentences, bias, strict=True)
    ]


def rates(voice: VoiceResult, sentiment: SentimentResult, loaded: LoadedResult) -> dict[str, float]:
    """The record's rates over sentences (:data:`SENTENCE_METRICS`) and the interval of
    ``sentiment_mean`` (``sentiment_ci_low``/``sentiment_ci_high``), from the same
    sentence table that :func:`rhetoric.comparison.metrics.compare` resamples (read
    from the parts, not from their record)."""
    table = analysis_columns(voice, sentiment, loaded)
    out = rate_values(table)
    low, high = SENTENCE_METRICS["sentiment_mean"].interval(table)
    out["sentiment_ci_low"], out["sentiment_ci_high"] = low, high
    return out


@lru_cache(maxsize=1)
def metric_names() -> tuple[str, ...]:
    """The names of ``Analysis.metrics``, in record order: every analysis with the default
    lexicon carries exactly these (an empty text too, as NaN), so a table of records
    (the CLI's CSV) can fix its columns before the first record."""
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")
        return tuple(analyze("").metrics)


def _json_number(value: Any) -> Any:
    """NaN and infinities become ``None`` and numpy scalars plain numbers (valid JSON)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _as_article(obj: Article | str | Path) -> Article:
    if isinstance(obj, Article):
        return obj
    if isinstance(obj, Path):
        return load(obj)
    if isinstance(obj, str):
        return from_text(obj)
    raise TypeError(
        f"analyze() takes an Article, a str of text or a Path, not {type(obj).__name__}"
    )


def analyze(
    obj: Article | str | Path,
    *,
    lexicon: Lexicon | None = None,
    speakers: Gazetteer | None = None,
    actors: ActorGazetteer | None = None,
    use_model: bool | None = None,
) -> Analysis:
    """Analyse an article: a :class:`Article`, a ``Path`` to a file, or a ``str`` of text.

    A ``str`` is always treated as the article's text, never as a file name. Pass a
    custom ``lexicon`` (loaded language), ``speakers`` gazetteer (quote attribution) or
    ``actors`` gazetteer (framing) to extend or replace the shipped ones. With a custom
    ``lexicon`` every one of its terms counts and the learned detector adds its own
    only with ``use_model=True`` (:func:`rhetoric.measures.loaded.find_loaded`).
    """
    article = _as_article(obj)
    doc = tokenize(article.text, article.clean)
    notes = list(article.warnings)
    with _warnings.catch_warnings(record=True) as caught:
        _warnings.simplefilter("always")
        quotes = attribute(doc, find_quotes(doc), speakers)
        voice = measure_voice(doc, quotes)
        loaded = find_loaded(
            doc,
            voice.quote_spans,
            lexicon,
            use_model=use_model,
            word_in_quote=voice.word_in_quote,
        )
        sentiment = score_sentences(doc)
        mentions = tuple(find_mentions(doc, actors))
        voices = [s.voice for s in voice.sentences]
        commentary = [i for i, v in enumerate(voices) if v == "commentary"]
        metrics: dict[str, float] = {"words": len(doc.words), "sentences": len(doc.sentences)}
        metrics.update(voice.metrics())
        metrics.update(loaded.metrics())
        metrics.update(sentiment.metrics())
        metrics.update(rates(voice, sentiment, loaded))
        per_sentence = readability.sentence_counts(doc)  # counted once for both
        metrics.update(readability.measure(doc, per_sentence=per_sentence))
        if commentary:  # an article that is all quotation has no commentary to read
            commentary_readability = readability.measure(doc, commentary, per_sentence)
        else:
            commentary_readability = dict.fromkeys(readability.METRICS, math.nan)
        metrics.update({f"{k}_commentary": v for k, v in commentary_readability.items()})
        metrics.update(measure_stance(doc, voice.quote_spans, word_in_quote=voice.word_in_quote))
    name = article.id  # a hash of the text when the article has no name: found once
    if not doc.words:
        notes.append(f"{name}: no words in the body; metrics are NaN")
    else:  # every measure's own warnings (unclosed quotes, ...), each once
        notes.extend(dict.fromkeys(f"{name}: {w.message}" for w in caught))
        undefined = [k for k, v in metrics.items() if isinstance(v, float) and math.isnan(v)]
        if undefined:  # e.g. no quotes: nothing to measure the quoted voice on
            notes.append(f"{name}: undefined (NaN) for this text: {', '.join(undefined)}")
    for note in notes[len(article.warnings) :]:
        _warnings.warn(note, stacklevel=2)
    return Analysis(article, doc, voice, loaded, sentiment, mentions, metrics, tuple(notes))
