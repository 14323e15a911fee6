"""The reading view: an article's body as self-contained HTML with its findings marked.

Loaded terms are underlined in a colour per category; direct quotes are shaded in a
colour per speaker; scare quotes get a dashed outline instead of a shade; title quotes
(names of works) are left plain. Hovering shows the details (category and strength;
speaker and affiliation). Every piece of article text, speaker name, category and
title is HTML-escaped, attribute values included, and all styling is inline, so the
output makes no network requests and survives notebook sanitising of ``<style>``.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Mapping
from typing import Any

from rhetoric.analysis.records import ArticleData, as_article

__all__ = ["CATEGORY_COLOURS", "SPEAKER_COLOURS", "highlight"]

CATEGORY_COLOURS = (
    "#d62728",  # red
    "#1f77b4",  # blue
    "#2ca02c",  # green
    "#9467bd",  # purple
    "#ff7f0e",  # orange
    "#8c564b",  # brown
    "#e377c2",  # pink
    "#17becf",  # cyan
    "#7f7f7f",  # grey
    "#bcbd22",  # olive
)
"""Underline colours for loaded-term categories: the default lexicon's categories in
:data:`rhetoric.measures.loaded.CATEGORIES` order always get the same colour, in every article;
other (user) categories follow in alphabetical order."""


def _category_colours(present: set[str]) -> dict[str, str]:
    """Colour of each category present, in legend order (default categories first)."""
    from rhetoric.measures.loaded import CATEGORIES

    extra = sorted(present - set(CATEGORIES))
    slots = {name: i for i, name in enumerate(CATEGORIES)}
    slots.update({name: len(CATEGORIES) + j for j, name in enumerate(extra)})
    ordered = [c for c in CATEGORIES if c in present] + extra
    return {name: CATEGORY_COLOURS[slots[name] % len(CATEGORY_COLOURS)] for name in ordered}


SPEAKER_COLOURS = (
    "#fde2a7",
    "#c9e4f6",
    "#d4efc4",
    "#f3d1ec",
    "#e2dcf5",
    "#fbd0c2",
    "#cdeee9",
    "#eee4c8",
)
"""Background shades for quote speakers, given in order of first appearance."""

_UNKNOWN_SPEAKER = "#e6e6e6"


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _speaker_key(quote: Mapping[str, Any]) -> str:
    speaker = quote.get("speaker")
    return str(speaker).strip() if speaker not in (None, "") else ""


def _span_int(span: Mapping[str, Any], key: str) -> int | None:
    try:
        return int(span[key])
    except (KeyError, TypeError, ValueError):
        return None


def _spans(art: ArticleData, loaded: bool, quotes: bool):
    """(start, end, rank, open_tag) for every span to mark, plus the legend data."""
    spans: list[tuple[int, int, int, str]] = []
    speakers: dict[str, tuple[str, str]] = {}  # speaker -> (colour, affiliation)
    categories: dict[str, str] = {}
    has_scare = False
    if quotes:
        for q in art.list("quotes"):
            s, e = _span_int(q, "start"), _span_int(q, "end")
            kind = str(q.get("kind") or "direct")
            if s is None or e is None or e <= s or kind == "title":
                continue
            speaker = _speaker_key(q)
            affiliation = q.get("affiliation")
            if kind == "scare":
                has_scare = True
                tip = "scare quote (distancing, not speech)"
                style = "outline:1px dashed #666;outline-offset:1px;font-style:italic"
            else:
                if speaker and speaker not in speakers:
                    colour = SPEAKER_COLOURS[len(speakers) % len(SPEAKER_COLOURS)]
                    speakers[speaker] = (colour, str(affiliation or ""))
                colour = speakers[speaker][0] if speaker else _UNKNOWN_SPEAKER
                tip = f"quote ({kind}); speaker: {speaker or 'unknown'}"
                if affiliation:
                    tip += f"; affiliation: {affiliation}"
                if q.get("unclosed"):
                    tip += "; quotation mark not closed"
                style = f"background:{colour};border-radius:2px"
            tag = f'<span class="rh-quote" style="{style}" title="{_esc(tip)}">'
            spans.append((s, e, 0, tag))
    if loaded:
        terms = [t for t in art.list("loaded") if t.get("category") is not None]
        terms += [t for t in art.list("loaded") if t.get("category") is None]
        present = {str(t.get("category") or "loaded") for t in terms}
        categories.update(_category_colours(present))
        for t in terms:
            s, e = _span_int(t, "start"), _span_int(t, "end")
            if s is None or e is None or e <= s:
                continue
            name = str(t.get("category") or "loaded")
            tip = f"loaded term; category: {name}"
            if t.get("strength") is not None:
                tip += f"; strength: {t.get('strength')}"
            if t.get("in_quote"):
                tip += "; inside a quote"
            colour = categories[name]
            style = f"border-bottom:3px solid {colour};color:{colour};font-weight:600"
            tag = f'<span class="rh-loaded" style="{style}" title="{_esc(tip)}">'
            spans.append((s, e, 1, tag))
    return spans, speakers, categories, has_scare


def _render_paragraph(text: str, clean: str, ps: int, pe: int, spans) -> str:
    """The paragraph ``[ps, pe)`` with spans as properly nested ``<span>`` elements.

    Spans that cross each other are split: at every boundary the open spans that are
    no longer outermost-consistent are closed and reopened, so the markup always nests.
    Characters that the tokeniser masked out (Markdown markup) are not shown.
    """
    local = [(max(s, ps), min(e, pe), r, tag) for s, e, r, tag in spans if s < pe and e > ps]
    local = [sp for sp in local if sp[1] > sp[0]]
    cuts = sorted({ps, pe, *(s for s, *_ in local), *(e for _, e, *_ in local)})
    out: list[str] = []
    stack: list[int] = []
    for b0, b1 in zip(cuts, cuts[1:], strict=False):
        active = {i for i, (s, e, _, _) in enumerate(local) if s <= b0 and e >= b1}
        keep = 0
        while keep < len(stack) and stack[keep] in active:
            keep += 1
        for _ in range(len(stack) - keep):
            out.append("</span>")
        stack = stack[:keep]
        new = sorted(active - set(stack), key=lambda i: (local[i][0], -local[i][1], local[i][2]))
        for i in new:
            out.append(local[i][3])
            stack.append(i)
        piece = "".join(
            ch
            for ch, c in zip(text[b0:b1], clean[b0:b1], strict=False)
            if ch == c or c != " " or ch.isspace()
        )
        out.append(_esc(piece))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _legend(categories: dict[str, str], speakers: dict[str, tuple[str, str]], scare: bool) -> str:
    items = []
    for name, colour in categories.items():
        items.append(
            f'<span style="margin-right:1em;white-space:nowrap">'
            f'<span style="border-bottom:3px solid {colour};color:{colour};font-weight:600">'
            f"{_esc(name)}</span></span>"
        )
    for name, (colour, affiliation) in speakers.items():
        label = _esc(name) + (f" ({_esc(affiliation)})" if affiliation else "")
        items.append(
            f'<span style="margin-right:1em;white-space:nowrap">'
            f'<span style="background:{colour};padding:0 .3em">{label}</span></span>'
        )
    if scare:
        items.append(
            '<span style="margin-right:1em;white-space:nowrap">'
            '<span style="outline:1px dashed #666;font-style:italic;padding:0 .2em">'
            "scare quote</span></span>"
        )
    if not items:
        return ""
    return (
        '<div class="rh-legend" style="font-size:0.85em;margin:0 0 .8em 0;line-height:1.9">'
        "<strong>Legend:</strong> " + " ".join(items) + "</div>"
    )


def highlight(analysis: Any, loaded: bool = True, quotes: bool = True) -> str:
    """The article body as self-contained HTML with loaded terms and quotes marked.

    ``analysis`` is an ``Analysis`` or its ``to_dict()`` record (with ``doc`` or
    ``text``). Loaded terms (``loaded=True``) are coloured by category, quotes
    (``quotes=True``) shaded by speaker, scare quotes outlined, title quotes plain;
    each marked span has a ``title`` tooltip. Spans nest correctly when they overlap.
    Returns an HTML fragment (a ``<div>``), safe to embed: all article-derived text
    is escaped with ``html.escape(..., quote=True)``.
    """
    art = as_article(analysis)
    head = f'<h3 style="margin:.2em 0 .4em 0">{_esc(art.title)}</h3>'
    wrap = (
        '<div class="rhetoric-view" style="max-width:46em;font-family:Georgia,serif;'
        'line-height:1.55;color:#222">'
    )
    if art.doc is None:
        warnings.warn(f"{art.id}: no Doc or text to show", stacklevel=2)
        return wrap + head + "<p><em>No article text available.</em></p></div>"
    doc = art.doc
    spans, speakers, categories, scare = _spans(art, loaded, quotes)
    paragraphs = [
        f'<p style="margin:0 0 .7em 0">{_render_paragraph(doc.text, doc.clean, ps, pe, spans)}</p>'
        for ps, pe in doc.paragraphs
    ]
    if not paragraphs:
        paragraphs = ["<p><em>No body text found.</em></p>"]
    notes = "".join(
        f'<li style="color:#a33">{_esc(w)}</li>' for w in art.record.get("warnings") or []
    )
    notes = f'<ul style="font-size:.85em">{notes}</ul>' if notes else ""
    return (
        wrap + head + _legend(categories, speakers, scare) + notes + "".join(paragraphs) + "</div>"
    )
