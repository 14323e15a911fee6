"""Separating an article's body from the page around it, line by line.

Each line of the text gets one label (:data:`LABELS`); runs of lines with the same
label become contiguous :class:`Segment` objects that together cover the whole text.
The rules are general (they come from what WordPress, Blogger, Substack, Medium, news
sites and aggregators put around an article) and live as data in
``data/page_patterns.csv``: a regular expression per row, with a label, a scope and a
note. Lines are compared with runs of white space folded to one space.

Rules, in the order they are tried on each non-blank line:

1. A label fixed by the caller (the HTML extractor's title, byline and comments).
2. The first matching pattern, in file order (lines longer than 3,000 characters are
   whole paragraphs and are not matched, which also keeps huge files fast).
   ``header`` patterns (bylines, dates, taxonomy) count only before the body starts;
   ``line`` patterns label their line;
   ``section`` patterns ("About the author", "3 thoughts on “…”", "Leave a Reply")
   label their line and every following unmatched line until a line matched by a
   pattern of another label (a section opened by a header of fewer than five words
   must not take the start of the page's main block of prose, nor, when it opens
   above the main block's end, more prose than the body before it holds: else the
   header labels its own line only and the page is labelled again); ``list``
   patterns ("Share this:", "Related") do the same but the list also ends at the
   first line that reads as a sentence, so a widget in the middle of an article
   cannot swallow the prose after it.
3. A line with no words outside URLs (a rule, a bare link, ``* * *``) takes the label
   of the line before it.
4. A line that starts in lower case right after a promo, comments or boilerplate line
   of eight words or more that does not end a sentence continues that line (a
   paragraph broken in two); after a short widget line ("Advertisement") it does not.
5. Before the body starts, a line that does not read as a sentence is a *header
   candidate*; the body starts at the first unmatched line that reads as a sentence
   (it ends in ``.``, ``!``, ``?``, ``…``, ``:``, ``;`` or ``,``, perhaps followed by
   closing quotation marks or brackets, or it has 25 words or more).
6. With a line model (text and Markdown, :mod:`rhetoric.text.line_model`), a line
   that would be body by default, lies outside the page's main block of prose and
   scores below the model's threshold is ``boilerplate`` (a header candidate stays
   one: the model has not learnt headlines and subtitles). The model is
   not run on a text of fewer than twelve lines, nor on one whose every line after
   the first is a paragraph of prose.
7. Everything else is ``body``.

Then, over the whole page:

* If no line reads as prose, the candidates stay ``body`` (a text of short lines, or a
  one-line text such as ``analyze("Critics called it reckless")``). Otherwise the
  title is the first header candidate of five words or more that is not followed by
  a boilerplate line (a site's tagline sits among navigation links); failing that,
  the first of five words or more, else the longest. Among those of five words or
  more, list items and date lines are passed over, and on a page with chrome the
  headline is at most six lines above the first line of prose;
  candidates before it are site chrome (site name, section names: ``boilerplate``),
  later repeats of it are ``title``, a short name (two to four capitalised words)
  next to a byline line is ``byline``, and the other candidates are ``body`` (a
  subtitle or a subheading).
* After the last body line that reads as a sentence, a short line (12 words or fewer)
  that does not read as a sentence and would be body only by default is ``byline``
  when it is a name next to a byline line, and otherwise takes the label of the
  promo, comments or boilerplate line before it (footer links after a copyright line).
* Inside a comment section, a line a ``byline`` pattern matches (a date) is
  ``comments`` and the section goes on.

On an HTML extractor's main text (``extracted=True``: the page chrome is already
gone), section and list patterns label their own line only and the last rule above
(short lines after the last sentence) is not applied: the lines the extractor kept
under a "Read more:" are the article's.

When the rules are unsure, a line stays ``body``: a line of prose is never dropped
for lack of evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rhetoric.datafiles import csv_rows, package_csv_rows
from rhetoric.text.headline import default_headline_model
from rhetoric.text.line_model import LineModel, ends_clause, main_block

LABELS = ("title", "byline", "body", "promo", "comments", "boilerplate")
SCOPES = ("header", "line", "section", "list")
_LETTER = re.compile(r"[^\W\d_]")
_MAX_TITLE_WORDS = 25


@dataclass(frozen=True)
class Segment:
    """A labelled stretch of the text: ``text[start:end]``."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class PagePattern:
    label: str
    scope: str  # "header" | "line" | "section" | "list"
    regex: re.Pattern[str]
    note: str


def read_patterns(path: str | Path) -> tuple[PagePattern, ...]:
    """Read page patterns from a CSV with columns label, scope, pattern, note."""
    return _patterns(csv_rows(path), str(path))


def _patterns(rows: list[dict], name: str) -> tuple[PagePattern, ...]:
    patterns = []
    for row in rows:
        if row["label"] not in LABELS or row["scope"] not in SCOPES:
            raise ValueError(f"{name}: bad label or scope in row {row}")
        regex = re.compile(row["pattern"], re.IGNORECASE)
        patterns.append(PagePattern(row["label"], row["scope"], regex, row["note"]))
    return tuple(patterns)


@lru_cache(maxsize=1)
def default_patterns() -> tuple[PagePattern, ...]:
    """The patterns shipped in ``rhetoric/data/page_patterns.csv``."""
    return _patterns(package_csv_rows("page_patterns.csv"), "page_patterns.csv")


def _fold(line: str) -> str:
    """``" ".join(line.split())``. Every character ``str.split`` splits at is
    non-printable except the ASCII space (a test checks every code point), so a
    printable line without a double space or a space at either end is its own folding."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def fold_lines(lines: list[str], raw: list[str] | None = None) -> tuple[list[str], list[str]]:
    """The lines as the labeller and its line model read them: white space folded, and
    the same for ``raw`` (the lines before markup was masked; the lines themselves where
    there is none). ``scripts/train_page_model.py`` fits the model on these lines."""
    folded = [_fold(line) for line in lines]
    return folded, folded if raw is None else [_fold(r) for r in raw]


_TOKEN_PUNCT = "()[]<>.,;:!?\"'“”‘’«»"
_URL_TOKEN = re.compile(
    r"(?:https?://|www\.)\S*|\S+@\S+\.\w+|\S+\.(?:com|org|net|ca|uk)(?:/\S*)?", re.I
)
_NAME_PART = r"(?:[A-Z][\w'’.-]*|van|von|de|da|del|der|la|le|bin|al)"
_NAME = re.compile(rf"^{_NAME_PART}(?: {_NAME_PART}){{1,3}}$")  # "Jane Doe", "Ludwig van Beethoven"
_MAX_TAIL_WORDS = 12
_MIN_TITLE_WORDS = 5
_MIN_LIST_EXIT_WORDS = 6
_MIN_BROKEN_WORDS = 8
_MAX_CHROME_CHARS = 3000
_MIN_MODEL_LINES = 12  # fewer lines give the line model too little context to judge
_MAX_PASSES = 4
_MAX_GAP_RUN = 3  # non-chrome lines between chrome lines that the context makes chrome
_MIN_PROSE_WORDS = 12
_NEAR_START = 6  # non-blank lines between a headline and the first line of prose, at most
_NOT_HEADLINE = re.compile(
    r"^(?:[-*+•·‣▪◦]|\d{1,3}[.)])\s|\b\d{1,2}[:.]\d{2}\b|"
    r"\b\d{1,2},? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b",
    re.IGNORECASE,
)


def _n_words(line: str) -> int:
    """``len(line.split())`` of a folded line (:func:`fold_lines`: words one space apart)."""
    return line.count(" ") + 1 if line else 0


def _reads_as_sentence(line: str) -> bool:
    """True for prose: the line ends a sentence or clause, or it is long."""
    return ends_clause(line) or _n_words(line) > _MAX_TITLE_WORDS


_TOKEN = re.compile(r"\S+")
"""The tokens of ``str.split()`` (``\\s`` is ``str.isspace``), found one at a time."""


def _has_words(line: str) -> bool:
    """True when the line has a word outside URLs and e-mail addresses."""
    for match in _TOKEN.finditer(line):  # usually decided at the first token
        token = match.group().strip(_TOKEN_PUNCT)
        if _LETTER.search(token) and not _URL_TOKEN.fullmatch(token):
            return True
    return False


def classify_lines(
    lines: list[str],
    patterns: tuple[PagePattern, ...] | None = None,
    fixed: dict[int, str] | None = None,
    *,
    model: LineModel | None = None,
    raw: list[str] | None = None,
    extracted: bool = False,
) -> list[str]:
    """Label each line (markup already masked) with one of :data:`LABELS`.

    ``fixed`` maps line indices to labels already known (for HTML, from the extractor).
    ``model`` (for text and Markdown: :func:`~rhetoric.text.line_model.default_line_model`)
    scores the lines no rule labels; ``raw`` are the lines before markup was masked
    (the model reads list markers and the share of markup from them). The rules and
    their order are in the module docstring. ``extracted`` says the lines are an
    HTML extractor's main text, its page chrome already removed: a section or list
    header ("Read more:", "Related") labels its own line only, and the short lines
    after the last sentence do not follow the chrome before them (the headlines under
    a news story's "Read more:" are lines the extractor took for the article).
    """
    patterns = default_patterns() if patterns is None else patterns
    if extracted:
        patterns = _own_line_only(patterns)
    fixed = fixed or {}
    folded, seen = fold_lines(lines, raw)
    scores: list[float | None] = [None] * len(lines)
    threshold = 0.0
    main = None
    if model is not None and _needs_model(folded):
        scores = model.scores(folded, seen)
        threshold = model.threshold
        # inside the page's main block of prose the rules alone decide (a short line
        # between paragraphs is the article's); around it, a line scored low is chrome
        main = main_block(folded)
    chrome = {
        i
        for i, s in enumerate(scores)
        if s is not None and s < threshold and not (main and main[0] <= i <= main[1])
    }
    if chrome:
        chrome |= _among_chrome(folded, scores, chrome, main)
    vetoed: set[int] = set()
    for _ in range(_MAX_PASSES):
        labels, how, opened = _label_pass(folded, patterns, fixed, chrome, vetoed)
        unconfirmed = _unconfirmed_sections(folded, labels, how, opened, chrome)
        if not unconfirmed:
            break
        vetoed |= unconfirmed
    headline = None
    if main is not None and chrome and "title" not in fixed.values():
        headline = default_headline_model().choose(folded, seen, main[0], scores)
    _resolve_header(folded, labels, how, chrome, headline)
    if not extracted:
        _resolve_tail(folded, labels, how)
    return _fill_blanks(labels)


@lru_cache(maxsize=4)
def _own_line_only(patterns: tuple[PagePattern, ...]) -> tuple[PagePattern, ...]:
    """``patterns`` with every section and list pattern labelling its own line only."""
    return tuple(
        replace(p, scope="line") if p.scope in ("section", "list") else p for p in patterns
    )


def _among_chrome(
    folded: list[str],
    scores: list[float | None],
    chrome: set[int],
    main: tuple[int, int] | None,
) -> set[int]:
    """Short lines that are not sentences, in a run of at most ``_MAX_GAP_RUN`` such
    lines between two lines the model took for chrome: a menu item or teaser scored
    just above the threshold among others below it (jusText's context step)."""
    scored = [i for i, s in enumerate(scores) if s is not None]
    out: set[int] = set()
    k = 0
    while k < len(scored):
        if scored[k] in chrome:
            k += 1
            continue
        j = k
        while j < len(scored) and scored[j] not in chrome:
            j += 1
        run = scored[k:j]
        if (
            k > 0
            and j < len(scored)
            and len(run) <= _MAX_GAP_RUN
            and not any(main and main[0] <= i <= main[1] for i in run)
            and not any(_reads_as_sentence(folded[i]) for i in run)
        ):
            out.update(run)
        k = j
    return out


def _needs_model(folded: list[str]) -> bool:
    """False for a text too short to give the line model context, and for one whose
    every line after the first is a paragraph of prose (a clean article: nothing in it
    looks like chrome, so the rules alone label it)."""
    lines = [line for line in folded if line]
    if len(lines) < _MIN_MODEL_LINES:
        return False
    return not all(ends_clause(line) and _n_words(line) >= _MIN_PROSE_WORDS for line in lines[1:])


def _label_pass(
    folded: list[str],
    patterns: tuple[PagePattern, ...],
    fixed: dict[int, str],
    chrome: set[int],
    vetoed: set[int],
) -> tuple[list[str | None], dict[int, str], dict[int, int]]:
    """One pass of the line rules: labels, how unmatched lines got theirs (candidate,
    default, model) and, for each line a section gave its label, the section's first
    line. A ``vetoed`` line keeps its own label but opens no section."""
    labels: list[str | None] = [None] * len(folded)
    how: dict[int, str] = {}
    opened: dict[int, int] = {}
    in_body = False
    section: tuple[str, str, int] | None = None  # (label, scope, first line) of the open one
    previous: str | None = None  # label of the previous non-blank line
    previous_line = ""
    for i, line in enumerate(folded):
        if not line:
            continue
        label = fixed.get(i)
        if label is None:
            hit = _match(line, patterns, in_body)
            if hit and hit.label != "byline" and _goes_on(line, previous, previous_line):
                hit = None  # "... for instance," / "like this:": the sentence goes on
            if hit is not None and hit.label == "byline" and section and section[0] == "comments":
                label = "comments"  # a date or name inside the comments is comment metadata
            elif hit is not None:
                label = hit.label
                if hit.scope in ("section", "list") and i not in vetoed:
                    section = (hit.label, hit.scope, i)
                elif section is not None and hit.label != section[0]:
                    section = None
        else:
            section = None
        if label is None:
            label = _unmatched(line, section, previous, previous_line)
            if label is None:  # a sentence ends an open list
                section = None
                label = _unmatched(line, None, previous, previous_line)
            if section is not None and label == section[0]:
                opened[i] = section[2]
            if label == "body" and _has_words(line):
                how[i] = "default" if in_body or _reads_as_sentence(line) else "candidate"
                if i in chrome and how[i] == "default":
                    label, how[i] = "boilerplate", "model"
        labels[i] = label
        if how.get(i) == "default":
            in_body = True
        previous, previous_line = label, line
    return labels, how, opened


def _goes_on(line: str, previous: str | None, previous_line: str) -> bool:
    """True for a line in lower case right after a body line of eight words or more
    that ends no sentence: it goes on with that sentence, and no widget pattern applies
    ("like this:", "loading the source ..." in a hard-wrapped text)."""
    return (
        previous == "body"
        and line[0].islower()
        and not ends_clause(previous_line)
        and _n_words(previous_line) >= _MIN_BROKEN_WORDS
    )


def _unconfirmed_sections(
    folded: list[str],
    labels: list[str | None],
    how: dict[int, str],
    opened: dict[int, int],
    chrome: set[int],
) -> set[int]:
    """First lines of sections that one short line opened but that do not look like
    that section: opened above the end of the page's main block of prose, they would
    take more prose than the body before them holds, or they would take the start of
    the main block. (A section opened below the main block, e.g. a long comment
    thread under a short post, needs no more evidence.)

    A comment section, an author box or a comment form follows the article; a widget
    ("0 comments", "About Me", "Leave a comment") above or inside the article opens
    none. Prose is the words of lines that read as sentences (and that the line model,
    when there is one, does not take for chrome).
    """
    taken: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, first in opened.items():
        last[first] = max(last.get(first, i), i)
        if _reads_as_sentence(folded[i]) and i not in chrome:
            taken[first] = taken.get(first, 0) + _n_words(folded[i])
    out = set()
    main = None
    for first, words in taken.items():
        if _n_words(folded[first]) >= _MIN_TITLE_WORDS:
            continue  # a specific header ('3 thoughts on "Title"') is evidence enough
        before = sum(
            _n_words(folded[i])
            for i in range(first)
            if labels[i] == "body" and how.get(i) == "default" and _reads_as_sentence(folded[i])
        )
        if main is None:
            main = main_block(folded) or (-1, -1)
        inside = main[1] < 0 or first <= main[1]  # opened above the main block's end
        if (words > before and inside) or first < main[0] <= last[first]:
            out.add(first)  # ... or it would swallow the start of the page's main prose
    return out


def _unmatched(
    line: str,
    section: tuple[str, str, int] | None,
    previous: str | None,
    previous_line: str,
) -> str | None:
    """The label of a line no pattern matched; None when it closes an open list."""
    if not _has_words(line):
        return previous or "body"
    if section is not None:
        label, scope, _ = section
        if scope == "list" and _reads_as_sentence(line) and _n_words(line) >= _MIN_LIST_EXIT_WORDS:
            return None
        return label
    if (
        previous in ("promo", "comments", "boilerplate")
        and line[0].islower()
        and not ends_clause(previous_line)
        and _n_words(previous_line) >= _MIN_BROKEN_WORDS
    ):
        return previous
    return "body"


def _resolve_header(
    folded: list[str],
    labels: list[str | None],
    how: dict[int, str],
    chrome: set[int],
    headline: int | None = None,
) -> None:
    """Choose the title among the header candidates; relabel the other candidates.

    On a page where the line model found ``chrome``, ``headline`` is the headline
    model's choice (taken unless a rule labelled that line); failing it, the title is
    near the first line of prose.
    """
    candidates = [i for i, h in how.items() if h == "candidate"]
    fixed_title = next((i for i, label in enumerate(labels) if label == "title"), None)
    if fixed_title is None and not any(h == "default" for h in how.values()):
        return  # no line reads as prose: the short lines are all the text there is
    if fixed_title is not None:
        title = fixed_title
    elif headline is not None and how.get(headline) in ("candidate", "default", "model"):
        title = headline
        labels[title] = "title"
    elif candidates:
        long_enough = [i for i in candidates if _n_words(folded[i]) >= _MIN_TITLE_WORDS]
        # a list item ("* Home Decor", "8. Lifecycle of a task") or a date line is no headline
        long_enough = [i for i in long_enough if not _NOT_HEADLINE.search(folded[i])] or long_enough
        if chrome:  # a page with chrome: the headline sits just above the article
            start = next((i for i, h in sorted(how.items()) if h == "default"), len(folded))
            near = [i for i in long_enough if _lines_between(labels, i, start) <= _NEAR_START]
            long_enough = near or long_enough
        # a site's tagline sits among navigation links; a headline is not followed by one
        outside_nav = [i for i in long_enough if _next_label(labels, i) != "boilerplate"]
        if outside_nav or long_enough:
            title = (outside_nav or long_enough)[0]
        else:
            title = max(candidates, key=lambda i: (_n_words(folded[i]), -i))
        labels[title] = "title"
    else:
        return
    key = folded[title].casefold()
    longer = (i for i in candidates if i > title and _n_words(folded[i]) >= _MIN_TITLE_WORDS)
    subtitle = min(longer, default=title)  # the first line of five words or more below it
    for i in candidates:
        if i == title:
            continue
        if folded[i].casefold() == key:
            labels[i] = "title"
        elif i < title:
            labels[i] = "boilerplate"
        elif _NAME.match(folded[i]) and _next_to_byline(labels, i, frozenset(candidates)):
            labels[i] = "byline"
        elif i in chrome and i > subtitle:
            labels[i] = "boilerplate"  # a menu or teaser line below the headline's subtitle
        else:
            labels[i] = "body"
        how.pop(i, None)
    how.pop(title, None)


def _lines_between(labels: list[str | None], i: int, j: int) -> int:
    """Non-blank lines strictly between lines ``i`` and ``j``."""
    return sum(1 for label in labels[i + 1 : j] if label is not None)


def _next_label(labels: list[str | None], i: int) -> str | None:
    """The label of the next non-blank line after ``i``."""
    return next((label for label in labels[i + 1 :] if label is not None), None)


def _next_to_byline(labels: list[str | None], i: int, skip: frozenset[int] = frozenset()) -> bool:
    """True when the nearest line before or after ``i`` is a byline.

    Blank lines, widgets (``boilerplate``) and the lines in ``skip`` (other header
    candidates: a subtitle between the author's name and the date) are passed over.
    """
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(labels):
            if labels[j] is not None and labels[j] != "boilerplate" and j not in skip:
                if labels[j] == "byline":
                    return True
                break
            j += step
    return False


def _resolve_tail(folded: list[str], labels: list[str | None], how: dict[int, str]) -> None:
    """Short default-body lines after the article's last sentence follow the chrome before them."""
    last = max(
        (i for i, label in enumerate(labels) if label == "body" and _reads_as_sentence(folded[i])),
        default=None,
    )
    if last is None:
        return
    previous: str | None = None
    for i in range(last + 1, len(labels)):
        if labels[i] is None:
            continue
        short = not _reads_as_sentence(folded[i]) and _n_words(folded[i]) <= _MAX_TAIL_WORDS
        if how.get(i) in ("default", "model") and short:
            if _NAME.match(folded[i]) and _next_to_byline(labels, i):
                labels[i] = "byline"  # the author's name above a date line at the end
            elif previous in ("promo", "comments", "boilerplate"):
                labels[i] = previous
        previous = labels[i]


# -- an exact prefilter: literal text a pattern cannot match without -------------------
#
# A pattern not anchored at the line start is run only on lines whose normalised text
# contains one of the literal strings it requires (derived from its parse tree). Under
# ``re.IGNORECASE`` an ASCII letter also matches its other case and the four
# characters below (checked over every code point in tests/test_segments.py); a
# character without case matches only itself. ``_norm_line`` maps each character on
# its own, every character a literal character can match to that literal character
# (``_CASE_FOLD``), so a line the pattern matches always contains the literal after
# the mapping. What other characters become does not matter: at worst a pattern runs
# on a line it cannot match.
_CASE_FOLD = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_CASE_FOLD.update({0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"})


def _norm_line(line: str) -> str:
    """``line`` with the characters of ``_CASE_FOLD`` mapped (others lower-cased)."""
    if line.isascii():
        return line.lower()
    return line.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")


def _literal_char(code: int) -> str | None:
    """The normalised form of a literal character, None when none is exact."""
    c = chr(code)
    if c.isascii():
        return c.lower()
    if c.lower() == c == c.upper() and code not in _CASE_FOLD:
        return c  # no case: it matches only itself
    return None


def _required(items: list) -> frozenset[str] | None:
    """Literal strings one of which every match of the parsed ``items`` contains."""
    try:
        from re import _constants as sre
    except ImportError:  # Python < 3.11
        import sre_constants as sre  # type: ignore[no-redef]
    best: frozenset[str] | None = None

    def consider(cand: frozenset[str] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run: list[str] = []
    for op, av in items:
        ch = _literal_char(av) if op is sre.LITERAL else None
        if ch is not None:
            run.append(ch)
            continue
        consider(frozenset(["".join(run)]) if run else None)
        run = []
        if op is sre.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is sre.BRANCH:
            alternatives = [_required(b) for b in av[1]]
            if all(a is not None for a in alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    consider(frozenset(["".join(run)]) if run else None)
    return best


def required_literals(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings (normalised as by ``_norm_line``) one of which any line ``regex`` finds
    a match in contains; None when the pattern has no such literal."""
    try:
        from re import _parser as parser
    except ImportError:  # Python < 3.11
        import sre_parse as parser  # type: ignore[no-redef]
    if regex.flags & re.LOCALE or not isinstance(regex.pattern, str):
        return None
    try:
        found = _required(list(parser.parse(regex.pattern, regex.flags)))
    except Exception:  # noqa: BLE001 - no prefilter rather than a wrong one
        return None
    return tuple(sorted(found)) if found else None


def _anchored(regex: re.Pattern[str]) -> bool:
    """True when every match of ``regex`` starts at the start of the string: the parsed
    pattern begins with ``^`` outside any alternation, without MULTILINE."""
    try:
        from re import _constants as sre
        from re import _parser as parser
    except ImportError:  # Python < 3.11
        import sre_constants as sre  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]
    if regex.flags & re.MULTILINE or not isinstance(regex.pattern, str):
        return False
    try:
        items = list(parser.parse(regex.pattern, regex.flags))
    except Exception:  # noqa: BLE001 - not combined rather than combined wrongly
        return False
    return bool(items) and items[0] == (sre.AT, sre.AT_BEGINNING)


@dataclass(frozen=True)
class _Prepared:
    """Patterns ready for :func:`_match`.

    ``searched``: (index, pattern, required literals or None), tried one by one;
    ``searched_body`` the same without the ``header`` patterns (for lines in the body).
    ``combined``: the anchored patterns without capturing groups joined into one
    alternation ``(?P<p0>…)|(?P<p3>…)|…`` in pattern order, tried once with
    ``match`` at the line start; the alternation returns the first alternative that
    matches, so the group name gives the lowest-numbered anchored pattern that matches.
    One for all patterns and one without the ``header`` ones (for lines in the body).
    ``by_first`` and ``by_first_body``: the same alternations for a line whose first
    character is ASCII, by that character lower-cased (``""`` for an empty line), of
    only the patterns a match of which can start with it (:func:`_first_chars`); a
    character not in them takes the entry under None.
    """

    searched: tuple[tuple[int, PagePattern, tuple[str, ...] | None], ...]
    searched_body: tuple[tuple[int, PagePattern, tuple[str, ...] | None], ...]
    combined: re.Pattern[str] | None
    combined_body: re.Pattern[str] | None
    by_first: dict[str | None, re.Pattern[str] | None]
    by_first_body: dict[str | None, re.Pattern[str] | None]


def _combine(indexed: list[tuple[int, PagePattern]]) -> re.Pattern[str] | None:
    if not indexed:
        return None
    return re.compile("|".join(f"(?P<p{i}>{p.regex.pattern})" for i, p in indexed), re.IGNORECASE)


def _firsts(items: list) -> frozenset[str] | None:
    """Lower-cased ASCII characters a match of the parsed ``items`` can start with;
    None when it may start with another (or this reading cannot tell)."""
    try:
        from re import _constants as sre
    except ImportError:  # Python < 3.11
        import sre_constants as sre  # type: ignore[no-redef]
    if not items:
        return None
    op, av = items[0]
    if op is sre.LITERAL:
        c = chr(av)
        return frozenset([c.lower()]) if c.isascii() else None
    if op is sre.SUBPATTERN:
        return _firsts(list(av[-1]))
    if op is sre.BRANCH:
        alternatives = [_firsts(list(b)) for b in av[1]]
        if any(a is None for a in alternatives):
            return None
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        inner = _firsts(list(av[2]))
        if av[0] >= 1 or inner is None:
            return inner
        rest = _firsts(items[1:])  # the repeat may match nothing: what follows it
        return None if rest is None else inner | rest
    return None


def _first_chars(regex: re.Pattern[str]) -> frozenset[str] | None:
    """:func:`_firsts` of an anchored ``regex`` (ignoring case, so a superset of the
    characters a case-sensitive part can start with). An ASCII character outside the
    set, lower-cased, cannot start a match: ignoring case, an ASCII literal matches only
    its own two cases among ASCII characters."""
    try:
        from re import _parser as parser
    except ImportError:  # Python < 3.11
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        items = list(parser.parse(regex.pattern, regex.flags))
    except Exception:  # noqa: BLE001 - no shortcut rather than a wrong one
        return None
    return _firsts(items[1:])  # after the ^ that _anchored found


def _by_first(indexed: list[tuple[int, PagePattern]]) -> dict[str | None, re.Pattern[str] | None]:
    firsts = [(i, p, _first_chars(p.regex)) for i, p in indexed]
    keys = sorted({c for _, _, f in firsts if f for c in f})
    out = {k: _combine([(i, p) for i, p, f in firsts if f is None or k in f]) for k in keys}
    out[None] = _combine([(i, p) for i, p, f in firsts if f is None])
    return out


_PREPARED: dict[int, tuple[tuple[PagePattern, ...], _Prepared]] = {}


def _prepared(patterns: tuple[PagePattern, ...]) -> _Prepared:
    """:class:`_Prepared` of ``patterns`` (kept per patterns tuple)."""
    entry = _PREPARED.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        if len(_PREPARED) > 16:
            _PREPARED.clear()
        joinable = [
            (i, p)
            for i, p in enumerate(patterns)
            if p.regex.flags == re.IGNORECASE | re.UNICODE
            and p.regex.groups == 0
            and _anchored(p.regex)
        ]
        joinable_body = [(i, p) for i, p in joinable if p.scope != "header"]
        try:
            combined = _combine(joinable)
            combined_body = _combine(joinable_body)
            by_first, by_first_body = _by_first(joinable), _by_first(joinable_body)
        except re.error:  # e.g. a pattern with its own global flags
            joinable, combined, combined_body, by_first, by_first_body = [], None, None, {}, {}
        joined = {i for i, _ in joinable}
        searched = tuple(
            # a pattern anchored at the line start fails fast by itself: no prefilter
            (i, p, None if p.regex.pattern.startswith("^") else required_literals(p.regex))
            for i, p in enumerate(patterns)
            if i not in joined
        )
        searched_body = tuple(t for t in searched if t[1].scope != "header")
        entry = (
            patterns,
            _Prepared(searched, searched_body, combined, combined_body, by_first, by_first_body),
        )
        _PREPARED[id(patterns)] = entry
    return entry[1]


def _match(line: str, patterns: tuple[PagePattern, ...], in_body: bool) -> PagePattern | None:
    """The first of ``patterns`` that finds a match in ``line`` (``header`` patterns
    only while the body has not started)."""
    if len(line) > _MAX_CHROME_CHARS:  # a whole paragraph, never a line of chrome
        return None
    prepared = _prepared(patterns)
    if in_body:
        combined, searched, by_first = (
            prepared.combined_body,
            prepared.searched_body,
            prepared.by_first_body,
        )
    else:
        combined, searched, by_first = prepared.combined, prepared.searched, prepared.by_first
    first_char = line[:1]
    if combined is not None and first_char.isascii():  # only the patterns that can start so
        low = first_char.lower()
        combined = by_first[low] if low in by_first else by_first[None]
    first = len(patterns)  # the lowest-numbered pattern that matches
    if combined is not None and (m := combined.match(line)) is not None:
        first = int(str(m.lastgroup)[1:])
    norm = _norm_line(line)
    for i, p, needs in searched:
        if i >= first:
            break
        if needs is not None:
            for n in needs:
                if n in norm:
                    break
            else:
                continue  # the pattern cannot match a line without one of these
        if p.regex.search(line):
            return p
    return patterns[first] if first < len(patterns) else None


def _fill_blanks(labels: list[str | None]) -> list[str]:
    """Blank lines join the segment before them (leading blanks, the one after)."""
    first = next((label for label in labels if label is not None), "body")
    out: list[str] = []
    current = first
    for label in labels:
        current = label or current
        out.append(current)
    return out


def segments_from_lines(text: str, labels: list[str]) -> tuple[Segment, ...]:
    """Merge runs of equally labelled lines into contiguous segments covering ``text``."""
    segments: list[Segment] = []
    start = 0
    offset = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        end = offset + len(line) + (1 if i < len(lines) - 1 else 0)
        if i + 1 == len(lines) or labels[i + 1] != labels[i]:
            segments.append(Segment(labels[i], start, end))
            start = end
        offset = end
    return tuple(segments)


def mask_outside(clean: str, segments: tuple[Segment, ...], keep: str = "body") -> str:
    """Blank (to spaces, newlines kept) every character outside ``keep`` segments."""
    parts = []
    for seg in segments:
        chunk = clean[seg.start : seg.end]
        if seg.label != keep:
            chunk = re.sub(r"[^\n]", " ", chunk)
        parts.append(chunk)
    return "".join(parts)
