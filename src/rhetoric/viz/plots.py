"""Charts for comparing articles, each returned as a matplotlib ``Figure``.

Every function takes analyses (``Analysis`` objects or their ``to_dict()`` records)
or, where it says so, the frame from :func:`rhetoric.comparison.compare`, and returns a
new :class:`matplotlib.figure.Figure` built with the object-oriented API (no pyplot
state is touched, so it is safe under the Agg backend and in loops). Each article has
one colour throughout, from :data:`ARTICLE_COLOURS` in the order given (the
Okabe & Ito colour-blind-safe palette). Figures are 9 inches wide at 100 dpi (900
pixels), sized for a report column. Pass ``title=`` to state the finding; the
default title only says what is plotted.

In a notebook, display a figure with ``display(fig)`` or save it with
``fig.savefig("name.png", dpi=100)``.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from rhetoric import resampling
from rhetoric.analysis.records import ArticleData, as_articles
from rhetoric.analysis.records import number as _num
from rhetoric.analysis.sentences import SENTENCE_METRICS, sentence_of, sentence_table
from rhetoric.comparison import compare
from rhetoric.comparison.speakers import quote_words
from rhetoric.measures.actors import group_sentences

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from rhetoric.comparison.groups import GroupComparison

__all__ = [
    "ARTICLE_COLOURS",
    "group_means",
    "METRIC_FAMILIES",
    "READABILITY_METRICS",
    "actor_framing",
    "article_colour",
    "loaded_by_category",
    "metric_bars",
    "quote_share",
    "readability_by_voice",
    "readability_profile",
    "sentiment_arc",
]

ARTICLE_COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermilion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#999999",  # grey
)
"""One colour per article, by position in the list given (Okabe & Ito 2008)."""

WIDTH = 9.0
DPI = 100

METRIC_FAMILIES: dict[str, tuple[str, float, tuple[tuple[str, str], ...]]] = {
    "quotes": ("Quoted words (% of words)", 100.0, (("quote_share", "all text"),)),
    "loaded": (
        "Loaded terms per 100 words",
        1.0,
        (
            ("loaded_per_100_words", "all text"),
            ("loaded_per_100_words_commentary", "commentary"),
            ("loaded_per_100_words_quotes", "quotes"),
        ),
    ),
    "sentiment": (
        "Mean sentiment (VADER, -1 to +1)",
        1.0,
        (
            ("sentiment_mean", "all text"),
            ("sentiment_mean_commentary", "commentary"),
            ("sentiment_mean_quotes", "quotes"),
        ),
    ),
}
"""Panels of :func:`metric_bars`: family -> (axis label with unit, scale, metrics)."""

READABILITY_METRICS: dict[str, str] = {
    "flesch_kincaid_grade": "Flesch-Kincaid",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "smog": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "coleman_liau": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "ari": "ARI",
    "linsear_write_formula": "Linsear Write",
    "dale_chall_grade": "Dale-Chall (grade)",
}
"""Grade-level readability metrics :func:`readability_profile` looks for, with labels."""

ACTOR_LABELS = {"us_west": "US / West", "russia": "Russia", "china": "China"}


# ---------------------------------------------------------------------------------------
# shared helpers


def article_colour(i: int) -> str:
    """Colour of the ``i``-th article (0-based); the palette repeats after eight."""
    return ARTICLE_COLOURS[i % len(ARTICLE_COLOURS)]


def _figure(height: float) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, height), dpi=DPI, layout="constrained")
    return fig


def _short(text: str, n: int = 38) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _label(title: str, n_words: float | None = None) -> str:
    if n_words is None or (isinstance(n_words, float) and math.isnan(n_words)):
        return _short(title)
    return f"{_short(title)} ({int(n_words):,} words)"


def _finish(fig: Figure, title: str | None, default: str) -> Figure:
    fig.suptitle(title or default, fontsize=13, fontweight="bold")
    return fig


def _style(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=9.5)
    ax.grid(axis="both", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)


def _legend_articles(fig: Figure, labels: Sequence[str], ncol: int | None = None) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=article_colour(i), label=lab) for i, lab in enumerate(labels)]
    if ncol is None:  # as many columns as fit in 900 pixels at this font size
        longest = max((len(lab) for lab in labels), default=1)
        ncol = max(1, min(len(labels), 120 // (longest + 6)))
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncol=ncol,
        frameon=False,
        fontsize=9.5,
    )


def _articles(analyses: Any) -> list[ArticleData]:
    arts = as_articles(analyses)
    if not arts:
        warnings.warn("no analyses to plot", stacklevel=3)
    return arts


def _empty_note(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#666")


def _is_frame(data: Any) -> bool:
    return isinstance(data, pd.DataFrame)


def _frame_labels(frame: pd.DataFrame) -> list[str]:
    titles = frame["title"] if "title" in frame else pd.Series(frame.index, index=frame.index)
    words = frame["n_words"] if "n_words" in frame else pd.Series(np.nan, index=frame.index)
    return [_label(t, w) for t, w in zip(titles, words, strict=True)]


def _grouped_bars(
    ax: Axes,
    groups: Sequence[str],
    values: np.ndarray,
    low: np.ndarray | None = None,
    high: np.ndarray | None = None,
    horizontal: bool = False,
    annotate: Sequence[Sequence[str]] | None = None,
) -> None:
    """Bars ``values[article, group]``, articles side by side within each group.

    Missing values (NaN) leave a gap marked "n/a"; ``low``/``high`` give error bars.
    """
    n_art, n_grp = values.shape
    width = 0.8 / max(n_art, 1)
    pos = np.arange(n_grp)
    for i in range(n_art):
        x = pos - 0.4 + width * (i + 0.5)
        v = values[i]
        ok = ~np.isnan(v)
        err = None
        if low is not None and high is not None:
            lo, hi = low[i], high[i]
            have = ok & ~np.isnan(lo) & ~np.isnan(hi)
            err = np.vstack([np.where(have, v - lo, 0), np.where(have, hi - v, 0)])
            err = np.clip(err, 0, None)
            err = err[:, ok]
        kw = dict(color=article_colour(i), edgecolor="white", linewidth=0.5)
        ekw = dict(ecolor="#333", capsize=3, elinewidth=1)
        if horizontal:
            ax.barh(x[ok], v[ok], height=width, xerr=err, error_kw=ekw, **kw)
        else:
            ax.bar(x[ok], v[ok], width=width, yerr=err, error_kw=ekw, **kw)
        for j in np.flatnonzero(~ok):
            if horizontal:
                ax.text(0, x[j], " n/a", va="center", ha="left", fontsize=8, color="#777")
            else:
                ax.text(x[j], 0, "n/a", va="bottom", ha="center", fontsize=8, color="#777")
        if annotate is not None:
            for j in np.flatnonzero(ok):
                note = annotate[i][j]
                if not note:
                    continue
                if horizontal:
                    ax.annotate(
                        note,
                        (max(v[j], 0), x[j]),
                        xytext=(3, 0),
                        textcoords="offset points",
                        va="center",
                        fontsize=8,
                        color="#444",
                    )
                else:
                    ax.annotate(
                        note,
                        (x[j], 0),
                        xytext=(0, 2),
                        textcoords="offset points",
                        ha="center",
                        va="bottom",
                        fontsize=7.5,
                        color="white" if v[j] > 0 else "#444",
                    )
    if horizontal:
        ax.set_yticks(pos, groups)
        if not ax.yaxis_inverted():  # first group and first article on top
            ax.invert_yaxis()
    else:
        ax.set_xticks(pos, groups)


# ---------------------------------------------------------------------------------------
# 1. metric families with error bars


def metric_bars(
    data: Any,
    families: Sequence[str] | Mapping[str, Any] | None = None,
    *,
    title: str | None = None,
) -> Figure:
    """The metric families side by side, one bar per article, with 95% intervals.

    ``data`` is the frame from :func:`rhetoric.comparison.compare` or the analyses
    (compared here). ``families`` picks panels from :data:`METRIC_FAMILIES` by name,
    or gives new ones in the same form. Error bars are the ``_ci_low``/``_ci_high``
    columns; a metric an article does not have (no quotes) shows "n/a".
    """
    frame = data if _is_frame(data) else compare(data)
    if families is None:
        spec = dict(METRIC_FAMILIES)
    elif isinstance(families, Mapping):
        spec = dict(families)
    else:
        spec = {name: METRIC_FAMILIES[name] for name in families}
    fig = _figure(4.6)
    widths = [max(len(m), 1) for _, _, m in spec.values()]
    axes = fig.subplots(1, len(spec), width_ratios=widths, squeeze=False)[0]
    for ax, (ylabel, scale, metrics) in zip(axes, spec.values(), strict=True):
        _style(ax)
        ax.grid(axis="x", visible=False)
        names = [m for m, _ in metrics]

        def col(suffix: str, names: list[str] = names, scale: float = scale) -> np.ndarray:
            cols = [frame.get(f"{m}{suffix}", pd.Series(np.nan, index=frame.index)) for m in names]
            return np.column_stack([pd.to_numeric(c, errors="coerce") for c in cols]) * scale

        _grouped_bars(ax, [lab for _, lab in metrics], col(""), col("_ci_low"), col("_ci_high"))
        ax.set_ylabel(ylabel, fontsize=10)
        if "sentiment" in ylabel.lower():
            ax.axhline(0, color="#555", linewidth=0.8)
    if len(frame):
        _legend_articles(fig, _frame_labels(frame))
    return _finish(fig, title, "Metrics by article (bars: 95% bootstrap intervals over sentences)")


# ---------------------------------------------------------------------------------------
# 2. sentiment arc


def sentiment_arc(analyses: Any, *, title: str | None = None, window: int = 5) -> Figure:
    """Sentence sentiment through each article, one panel per article.

    x: position of the sentence's middle word in the article (% of body words);
    y: the sentence's VADER compound (-1 to +1). Filled dots are commentary, open
    circles quotes, small diamonds mixed sentences; the line is a centred moving mean
    over ``window`` sentences (all voices).
    """
    arts = _articles(analyses)
    fig = _figure(max(2.3, 1.7 * len(arts) + 1.2))
    if not arts:
        return _finish(fig, title, "Sentiment arc")
    axes = fig.subplots(len(arts), 1, sharex=True, sharey=True, squeeze=False)[:, 0]
    for i, (ax, art) in enumerate(zip(axes, arts, strict=True)):
        _style(ax)
        colour = article_colour(i)
        table = sentence_table(art)
        table = table[table["n_words"].fillna(0) > 0]
        total = table["n_words"].sum()
        ax.axhline(0, color="#888", linewidth=0.8, linestyle="--")
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlim(0, 100)
        ax.set_title(_label(art.title, total), loc="left", fontsize=10, color=colour)
        if table.empty or table["sentiment"].isna().all():
            _empty_note(ax, "no sentence sentiment in this record")
            continue
        mid = (table["n_words"].cumsum() - table["n_words"] / 2) / total * 100
        sent = table["sentiment"]
        for voice, marker, face, size in (
            ("commentary", "o", colour, 26),
            ("quote", "o", "white", 30),
            ("mixed", "D", colour, 16),
        ):
            m = table["voice"] == voice
            ax.scatter(
                mid[m], sent[m], s=size, marker=marker, facecolors=face, edgecolors=colour,
                linewidths=1.2, alpha=0.9, zorder=3,
            )  # fmt: skip
        other = ~table["voice"].isin(["commentary", "quote", "mixed"])
        ax.scatter(mid[other], sent[other], s=14, marker="x", color=colour, zorder=3)
        smooth = sent.rolling(window, center=True, min_periods=1).mean()
        ax.plot(mid, smooth, color=colour, linewidth=2, alpha=0.75)
        ax.set_ylabel("VADER\ncompound", fontsize=9)
    axes[-1].set_xlabel("Position in article (% of body words)", fontsize=10)
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", linestyle="", color="#444", label="commentary sentence"),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            color="#444",
            label="quote sentence",
        ),  # fmt: skip
        Line2D([], [], marker="D", linestyle="", color="#444", markersize=4, label="mixed"),
        Line2D([], [], color="#444", linewidth=2, label=f"moving mean ({window} sentences)"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=4, frameon=False, fontsize=9)
    return _finish(fig, title, "Sentence sentiment through each article")


# ---------------------------------------------------------------------------------------
# 3. quote share and affiliations


def quote_share(analyses: Any, *, title: str | None = None, top: int = 6) -> Figure:
    """Left: each article's words split into quotes and commentary (% of body words).

    Right: words in direct quotes by the speaker's affiliation, as % of the article's
    words (the ``top`` most quoted affiliations overall; the rest are "other",
    quotes without an affiliation "unattributed"). Scare and title quotes are not
    speech and are left out on the right.
    """
    arts = _articles(analyses)
    fig = _figure(max(3.6, 1.0 + 0.75 * len(arts) + 1.6))
    ax1, ax2 = fig.subplots(1, 2, width_ratios=[1, 1.25])
    for ax in (ax1, ax2):
        _style(ax)
    labels, shares, by_aff = [], [], []
    for art in arts:
        table = sentence_table(art)
        words = float(art.doc.n_words) if art.doc is not None else table["n_words"].sum()
        labels.append(_label(art.title, words))
        share = _num(art.metrics.get("quote_share"))
        if math.isnan(share) and len(table):
            share = SENTENCE_METRICS["quote_share"].value(table)
        shares.append(share)
        counts: dict[str, float] = {}
        for q in art.list("quotes"):
            if str(q.get("kind") or "direct") != "direct":
                continue
            aff = str(q.get("affiliation") or "").strip() or "unattributed"
            counts[aff] = counts.get(aff, 0) + np.nan_to_num(quote_words(art, q))
        by_aff.append({k: 100 * v / words for k, v in counts.items()} if words else {})
    y = np.arange(len(arts))
    for i, share in enumerate(shares):
        colour = article_colour(i)
        if math.isnan(share):
            ax1.text(1, i, "no quote data", va="center", fontsize=9, color="#777")
            continue
        q = 100 * share
        ax1.barh(i, q, color=colour, height=0.6)
        ax1.barh(i, 100 - q, left=q, color=colour, alpha=0.22, height=0.6)
        ax1.text(q + 1, i, f"quotes {q:.0f}%", va="center", fontsize=9, color="#222")
    ax1.set_yticks(y, [_short(a.title, 24) for a in arts])
    ax1.invert_yaxis()
    ax1.set_xlim(0, 100)
    ax1.set_xlabel("Share of body words (%): dark = quoted, light = commentary", fontsize=9.5)
    ax1.grid(axis="y", visible=False)
    totals: dict[str, float] = {}
    for d in by_aff:
        for k, v in d.items():
            totals[k] = totals.get(k, 0) + v
    ranked = sorted(totals, key=lambda k: (k == "unattributed", -totals[k], k))
    keep = [k for k in ranked if k != "unattributed"][:top]
    groups = keep + (["other"] if len(ranked) > len(keep) + ("unattributed" in totals) else [])
    groups += ["unattributed"] if "unattributed" in totals else []
    if not groups:
        _empty_note(ax2, "no direct quotes")
    else:
        values = np.zeros((len(arts), len(groups)))
        for i, d in enumerate(by_aff):
            for k, v in d.items():
                g = k if k in groups else "other"
                values[i, groups.index(g)] += v
        names = [ACTOR_LABELS.get(g, g.replace("_", " ")) for g in groups]
        _grouped_bars(ax2, names, values, horizontal=True)
        ax2.set_xlabel("Words in direct quotes (% of article's words)", fontsize=9.5)
        ax2.set_title("Quoted words by speaker affiliation", fontsize=10, loc="left")
        ax2.grid(axis="y", visible=False)
    if arts:
        _legend_articles(fig, labels)
    return _finish(fig, title, "How much of each article is quotation, and whose")


# ---------------------------------------------------------------------------------------
# 4. loaded terms by category


def loaded_by_category(analyses: Any, *, title: str | None = None) -> Figure:
    """Loaded terms per 100 words by category: commentary (left) vs quotes (right).

    Rates are loaded terms of the category outside quotes per 100 words outside
    quotes, and inside quotes per 100 quoted words, so an article that is mostly
    commentary is not penalised for it. An article with no quoted words shows "n/a"
    in the right panel.
    """
    arts = _articles(analyses)
    cats: list[str] = []
    data = []
    for art in arts:
        table = sentence_table(art)
        quoted = float(np.nansum(table["quote_words"])) if len(table) else 0.0
        words = float(np.nansum(table["n_words"])) if len(table) else 0.0
        counts: dict[tuple[str, bool], int] = {}
        for t in art.list("loaded"):
            cat = str(t.get("category") or "loaded")
            if cat not in cats:
                cats.append(cat)
            key = (cat, bool(t.get("in_quote")))
            counts[key] = counts.get(key, 0) + 1
        data.append((counts, words - quoted, quoted))
    cats.sort(key=lambda c: -sum(d[0].get((c, False), 0) + d[0].get((c, True), 0) for d in data))
    fig = _figure(max(3.4, 1.6 + 0.22 * max(len(cats), 1) * max(len(arts), 1)))
    axes = fig.subplots(1, 2, sharey=True, sharex=True)
    for ax, in_quote, name in zip(axes, (False, True), ("commentary", "quotes"), strict=True):
        _style(ax)
        ax.grid(axis="y", visible=False)
        if not cats:
            _empty_note(ax, "no loaded terms")
            continue
        values = np.full((len(arts), len(cats)), np.nan)
        notes = [["" for _ in cats] for _ in arts]
        for i, (counts, comm, quoted) in enumerate(data):
            den = quoted if in_quote else comm
            if den > 0:
                for j, c in enumerate(cats):
                    k = counts.get((c, in_quote), 0)
                    values[i, j] = 100 * k / den
                    notes[i][j] = str(k) if k else ""
        _grouped_bars(ax, cats, values, horizontal=True, annotate=notes)
        unit = "quoted words" if in_quote else "words of commentary"
        ax.set_xlabel(f"Loaded terms per 100 {unit}", fontsize=9.5)
        ax.set_title(f"In {name} (labels: number of terms)", fontsize=10, loc="left")
    if arts:
        labels = [_label(a.title, a.doc.n_words if a.doc else None) for a in arts]
        _legend_articles(fig, labels)
    return _finish(fig, title, "Loaded terms by category, commentary vs quotes")


# ---------------------------------------------------------------------------------------
# 5. actor framing


def actor_table(
    analyses: Any, *, n_boot: int = resampling.BOOTSTRAP_SAMPLES, seed: int = resampling.SEED
) -> pd.DataFrame:
    """Per article and actor group: the sentences that mention the group, summarised.

    Columns ``id``, ``group``, ``mentions``, ``sentences``, ``words``,
    ``sentiment_mean`` (as :data:`rhetoric.analysis.sentences.SENTENCE_METRICS`, over those
    sentences) and ``loaded_per_100_words`` (loaded terms in those sentences per 100 of
    their words), each with ``_ci_low``/``_ci_high`` (bootstrap over the sentences).
    """
    rows = []
    for art in as_articles(analyses):
        table = sentence_table(art)
        mentions = art.list("mentions")
        at = sentence_of(table, (m.get("start") for m in mentions))
        groups = group_sentences(
            (str(m.get("group") or "other"), k) for m, k in zip(mentions, at, strict=True)
        )
        for g, (count, sents) in groups.items():
            sub = table.iloc[sents]
            row = {
                "id": art.id,
                "group": g,
                "mentions": count,
                "sentences": len(sub),
                "words": float(sub["n_words"].sum()),
            }
            for name in ("sentiment_mean", "loaded_per_100_words"):
                rate = SENTENCE_METRICS[name]
                row[name] = rate.value(sub) if len(sub) else math.nan
                row[f"{name}_ci_low"], row[f"{name}_ci_high"] = (
                    rate.interval(sub, n_boot=n_boot, seed=seed)
                    if len(sub)
                    else (math.nan, math.nan)
                )
            rows.append(row)
    columns = ["id", "group", "mentions", "sentences", "words"]
    for name in ("sentiment_mean", "loaded_per_100_words"):
        columns += [name, f"{name}_ci_low", f"{name}_ci_high"]
    return pd.DataFrame(rows, columns=columns)


def actor_framing(analyses: Any, *, title: str | None = None) -> Figure:
    """Sentiment and loaded language in the sentences that mention each actor group.

    Left: mean sentiment (VADER, -1 to +1) of the sentences mentioning the group;
    right: loaded terms per 100 words of those sentences. Error bars are 95% bootstrap
    intervals over those sentences; the tick labels give the number of sentences per
    article, in article order. A
    sentence that mentions two groups counts for both, so this shows the company a
    group keeps, not who the sentiment is aimed at.
    """
    arts = _articles(analyses)
    table = actor_table(arts)
    groups = [g for g in ACTOR_LABELS if g in set(table["group"])]
    groups += sorted(set(table["group"]) - set(groups))
    fig = _figure(4.4)
    axes = fig.subplots(1, 2)
    for ax, name, label in zip(
        axes,
        ("sentiment_mean", "loaded_per_100_words"),
        ("Mean sentiment of sentences mentioning the group\n(VADER, -1 to +1)",
         "Loaded terms per 100 words\nin sentences mentioning the group"),
        strict=True,
    ):  # fmt: skip
        _style(ax)
        ax.grid(axis="x", visible=False)
        if not groups:
            _empty_note(ax, "no actor mentions")
            continue
        shape = (len(arts), len(groups))
        v, lo, hi = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, np.nan)
        notes = [["" for _ in groups] for _ in arts]
        for i, art in enumerate(arts):
            sub = table[table["id"] == art.id]
            for j, g in enumerate(groups):
                r = sub[sub["group"] == g]
                if len(r):
                    v[i, j] = r[name].iloc[0]
                    lo[i, j] = r[f"{name}_ci_low"].iloc[0]
                    hi[i, j] = r[f"{name}_ci_high"].iloc[0]
                    notes[i][j] = f"n={int(r['sentences'].iloc[0])}"
        ticks = [
            ACTOR_LABELS.get(g, g.replace("_", " "))
            + "\n(n = "
            + ", ".join(notes[i][j][2:] or "0" for i in range(len(arts)))
            + ")"
            for j, g in enumerate(groups)
        ]
        _grouped_bars(ax, ticks, v, lo, hi)
        ax.set_ylabel(label, fontsize=9.5)
        if name == "sentiment_mean":
            ax.axhline(0, color="#555", linewidth=0.8)
    if arts:
        labels = [_label(a.title, a.doc.n_words if a.doc else None) for a in arts]
        _legend_articles(fig, labels)
    return _finish(fig, title, "How each actor group is framed (sentences that mention it)")


# ---------------------------------------------------------------------------------------
# 6. readability


def readability_profile(data: Any, *, title: str | None = None) -> Figure:
    """Readability formulas per article: grade levels (left) and Flesch reading ease.

    Left: every grade-level formula found among the metrics
    (:data:`READABILITY_METRICS`), in US school grades (higher = harder). Right: Flesch
    reading ease (0-100, higher = easier; 60-70 is plain English, below 30 is very
    hard). ``data`` is analyses or the frame from :func:`rhetoric.comparison.compare`.
    """
    if _is_frame(data):
        frame = data
    else:
        arts = _articles(data)
        frame = pd.DataFrame(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "n_words": a.doc.n_words if a.doc is not None else a.metrics.get("words"),
                    **{k: _num(v) for k, v in a.metrics.items()},
                }
                for a in arts
            ]
        )
        frame = frame.set_index("id") if len(frame) else frame
    grades: dict[str, str] = {}
    for key, lab in READABILITY_METRICS.items():
        if key in frame and lab not in grades.values() and frame[key].notna().any():
            grades[key] = lab
    fig = _figure(4.4)
    ax1, ax2 = fig.subplots(1, 2, width_ratios=[max(len(grades), 1) + 1, 1.4])
    for ax in (ax1, ax2):
        _style(ax)
        ax.grid(axis="x", visible=False)
    if grades:
        values = np.column_stack([pd.to_numeric(frame[k], errors="coerce") for k in grades])
        _grouped_bars(ax1, list(grades.values()), values)
        ax1.set_ylabel("US school grade (higher = harder)", fontsize=9.5)
    else:
        _empty_note(ax1, "no grade-level metrics")
    if "flesch_reading_ease" in frame and frame["flesch_reading_ease"].notna().any():
        fre = pd.to_numeric(frame["flesch_reading_ease"], errors="coerce").to_numpy()
        for i, v in enumerate(fre):
            if not math.isnan(v):
                ax2.bar(i, v, color=article_colour(i), width=0.7)
                ax2.text(i, v + 1, f"{v:.0f}", ha="center", va="bottom", fontsize=9)
        ax2.set_xticks(range(len(fre)), [str(i + 1) for i in range(len(fre))])
        ax2.set_xlabel("article", fontsize=9.5)
        ax2.set_ylim(0, 100)
        for y, txt in ((30, "very\nhard"), (60, "plain\nEnglish")):
            ax2.axhline(y, color="#999", linewidth=0.8, linestyle=":")
            ax2.text(
                1.02, y, txt, transform=ax2.get_yaxis_transform(), va="center", fontsize=8,
                color="#666",
            )  # fmt: skip
        ax2.set_ylabel("Flesch reading ease (0-100, higher = easier)", fontsize=9.5)
    else:
        _empty_note(ax2, "no Flesch reading ease")
    if len(frame):
        _legend_articles(fig, _frame_labels(frame))
    return _finish(fig, title, "Readability of each article")


# ---------------------------------------------------------------------------------------
# 8. readability of the whole body vs the author's commentary


def readability_by_voice(
    analyses: Any,
    *,
    title: str | None = None,
    metrics: Sequence[str] | None = None,
    n_boot: int = 2000,
    seed: int = 0,
) -> Figure:
    """Grade-level readability per article: whole body (filled) vs commentary (open).

    One row per formula (default :data:`rhetoric.comparison.READABILITY_GRADES`), one
    line of markers per article; horizontal bars are 95% bootstrap intervals over
    sentences (:func:`rhetoric.comparison.readability_intervals`). Higher = harder
    (US school grade). The gap between filled and open markers shows how far quoted
    passages move the article's figure.
    """
    from rhetoric.comparison import READABILITY_GRADES, readability_intervals

    arts = _articles(analyses)
    names = list(metrics or READABILITY_GRADES)
    body = readability_intervals(arts, names, n_boot=n_boot, seed=seed)
    comm = readability_intervals(arts, names, voice="commentary", n_boot=n_boot, seed=seed)
    fig = _figure(max(3.6, 0.62 * len(names) * max(1, len(arts)) / 2 + 1.8))
    ax = fig.subplots()
    _style(ax)
    ax.grid(axis="y", visible=False)
    n_art = max(len(arts), 1)
    step = 0.8 / n_art
    for i, art in enumerate(arts):
        colour = article_colour(i)
        for frame, face, dy in ((body, colour, -step / 4), (comm, "white", step / 4)):
            sub = frame[frame["id"] == art.id].set_index("metric").reindex(names)
            y = np.arange(len(names)) - 0.4 + step * (i + 0.5) + dy
            v = sub["value"].to_numpy(float)
            lo, hi = sub["ci_low"].to_numpy(float), sub["ci_high"].to_numpy(float)
            ok = ~np.isnan(lo) & ~np.isnan(hi) & ~np.isnan(v)
            ax.hlines(y[ok], lo[ok], hi[ok], color=colour, linewidth=1.3, alpha=0.8)
            ax.scatter(
                v, y, s=38, marker="o", facecolors=face, edgecolors=colour, linewidths=1.5,
                zorder=3,
            )  # fmt: skip
    labels = {**READABILITY_METRICS, "dale_chall": "Dale-Chall"}
    ax.set_yticks(np.arange(len(names)), [labels.get(m, m.replace("_", " ")) for m in names])
    ax.invert_yaxis()
    ax.set_xlabel("US school grade (higher = harder); bars: 95% bootstrap interval", fontsize=9.5)
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=article_colour(i),
            label=_label(a.title, a.doc.n_words if a.doc is not None else None),
        )  # fmt: skip
        for i, a in enumerate(arts)
    ]
    handles += [
        Line2D([], [], marker="o", linestyle="", color="#444", label="whole body"),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            color="#444",
            label="commentary only",
        ),  # fmt: skip
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=2, frameon=False, fontsize=9)
    return _finish(fig, title, "Readability: whole body vs the author's commentary")


def group_means(
    comparison: GroupComparison, metrics: Sequence[str] | None = None, *, title: str | None = None
) -> Figure:
    """The mean of each metric per group with its 95% interval, from
    :func:`rhetoric.compare_groups`: one panel per metric, one row per group (labelled
    with its number of articles). The unit is the article, so a group of a few
    articles shows a wide interval. Panel titles are the metric names (see the README)."""
    table = comparison.table
    metrics = list(metrics or comparison.metrics)
    groups = list(table.index)
    fig = _figure(1.0 + 0.35 * len(groups) * math.ceil(len(metrics) / 3) + 0.6)
    cols = min(3, len(metrics)) or 1
    axes = fig.subplots(math.ceil(len(metrics) / cols) or 1, cols, squeeze=False).ravel()
    y = np.arange(len(groups))
    for k, (ax, m) in enumerate(zip(axes, metrics, strict=False)):
        mean = table[m].to_numpy(float)
        low, high = (table[f"{m}_ci_{s}"].to_numpy(float) for s in ("low", "high"))
        err = np.vstack([mean - low, high - mean])
        err = np.where(np.isfinite(err), err, 0.0)
        for i in range(len(groups)):
            ax.errorbar(
                mean[i], y[i], xerr=err[:, i : i + 1], fmt="o", color=article_colour(i),
                capsize=3, markersize=6,
            )  # fmt: skip
        first = k % cols == 0  # group names on the first panel of each row only
        names = [f"{_short(str(g), 24)} ({table.loc[g, 'n_articles']:,})" for g in groups]
        ax.set_yticks(y, names if first else [""] * len(groups))
        ax.invert_yaxis()
        ax.set_title(m, fontsize=10.5)
        _style(ax)
    for ax in axes[len(metrics) :]:
        ax.set_visible(False)
    return _finish(fig, title, f"Mean per article by {comparison.by}, with 95% intervals")
