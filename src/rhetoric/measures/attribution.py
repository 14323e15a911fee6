"""Who is speaking: a speaker and an affiliation for every direct quotation.

:func:`attribute` fills ``speaker`` (a normalised name, or ``None``),
``affiliation`` (country or bloc from the gazetteer, or ``None``), ``speaker_kind``
(``person``, ``organisation``, ``outlet``, ``group`` for coordinated speakers such as
"China and Russia", ``unknown`` for a name not in the gazetteer, ``unnamed`` for a
description that names nobody such as "the spokesman"), ``rule`` (which candidate
source found the speaker, so no attribution is silent), ``speaker_start``/
``speaker_end`` (the mention that names the speaker, where there is one) and
``speaker_confidence``. Only top-level ``direct`` quotes are attributed; scare quotes
and titles have no speaker.

Candidates, then a choice. Every source below proposes at most one speaker per quote
(several gazetteer names for ``sentence-name``); a speaker proposed by several sources
is one candidate. :class:`SpeakerModel` (a logistic regression trained by
``scripts/train_speaker_model.py`` on PolNeAR, shipped as ``data/speaker_model.json``)
scores each candidate from its features (``attribute(..., trace=[])`` lists them);
the best one is the speaker when its score reaches the model's threshold, and its score
is ``speaker_confidence``.

``after``
    A speech verb right after the closing mark, with its subject or object:
    ``“…,” Putin stressed`` / ``“…,” said GT`` / ``“…,” according to X``.
``after-clause``
    A later clause of the quote's sentence opening with a speech verb and a name
    (``“…” if she lost, said David Wasserman``).
``before``
    The last speech verb (or *according to*) before the quote in its sentence, and
    the noun phrase before the verb (``Xi Jinping calls … the “best in history”``,
    ``X said: “…”``, the name before an aside: ``Brian Fallon, a spokesman, said``) or
    after it (``said Xi: “…”``). A verb whose subject is empty (``…, adding: “…”``)
    takes the speaker of an earlier quote in the sentence.
``first-cue``
    With several speech verbs before the quote in its sentence, the subject of the
    first (``Yepez said Perez was right to urge “…”`` → Yepez).
``colon``
    A quote opening a paragraph after a paragraph that ends with a colon: the speaker
    of the sentence holding the colon (``Putin said the following:``), by the
    ``before`` rule, or the short name before the colon (``Trump: “…”``).
``lead-in-owner``
    The owner of a possessive in that lead-in (``Xinhua published the text of his
    commentary, titled: “…,” stressing:``): the first person of its sentence.
``pronoun``
    A sentence-initial *he*, *she*, *they* or *it* right before the quote.
``sentence-subject`` / ``sentence-name`` / ``sentence-first``
    The one known person named before the quote in its sentence; any gazetteer name
    there; the first name of the sentence's first clause.
``earlier-cue``
    The speaker of reported speech (by the ``before`` rule) in one of the two
    sentences before the quote's, in its paragraph or the previous one (``X said that
    …. “…,” he said``).
``continuation``
    The speaker of the previous attributed direct quote, up to four paragraphs back.

Resolved across the article: short names become the article's fullest mention
(:meth:`_Resolver.fullest`), pronouns the last speaker of a matching kind within three
paragraphs (*he*/*she*: a person, else the last person named in the current or previous
paragraph; *they*: a group or organisation; *it*: an organisation or outlet). Every
quote's best guess is remembered whether or not it reaches the threshold, so the
threshold changes only what is reported. No rule overrides the model; a continuation
is scored from the confidence of its run's head and whether the run follows a colon
lead-in or a text (a statement, a report). A noun phrase is resolved to a speaker as follows: the
part after a possessive (``China’s Global Times`` → ``Global Times``) and before an
appositive (``Joel Pollak of Breitbart`` → ``Joel Pollak``) is the head when it holds a
name; gazetteer aliases are matched in it (the match nearest the verb, then the longest,
so ``a joint statement by Xi and Putin`` is the joint statement and ``IOC President
Thomas Bach`` is Thomas Bach; a person named after an organisation, or after a name and
a title, wins: ``Trump adviser Jason Miller``); a phrase whose last word is a role or
organisation noun after a name is that description (``the Clinton campaign``,
``a senior Cruz adviser``); the object of *told*, *asked* … is an addressee; otherwise the
last run of capitalised words, with titles removed, is the name; a phrase that names
nobody (``the spokesman``) is kept as its words, kind ``unnamed``.

The gazetteer (``data/speakers.csv``: name, kind, aliases separated by ``|``,
country_or_bloc, role, note) is extensible: ``Gazetteer.default() |
Gazetteer.from_csv("mine.csv")`` (entries of the right-hand side win).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from operator import itemgetter
from os import PathLike
from os.path import commonprefix
from typing import NamedTuple

from rhetoric.datafiles import csv_rows, package_csv_rows, package_text
from rhetoric.frozen import replaced
from rhetoric.measures.quotes import (
    _SPEECH_VERB_ALTERNATIVES,
    CUE_WINDOW,
    SPEECH_VERB_RE,
    SPEECH_VERBS,
    Quote,
    is_blank,
)
from rhetoric.text.tokens import Doc, grouped_alternation

__all__ = ["FEATURE_NAMES", "Gazetteer", "SpeakerEntry", "SpeakerModel", "attribute"]

KINDS = ("person", "organisation", "outlet")


@dataclass(frozen=True)
class SpeakerEntry:
    """One gazetteer row: a canonical name with its aliases and affiliation."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country_or_bloc: str | None = None
    role: str | None = None
    note: str | None = None


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split())


@dataclass(frozen=True)
class Gazetteer:
    """Speakers and their aliases; ``a | b`` combines two (``b`` wins on conflicts)."""

    entries: tuple[SpeakerEntry, ...]

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer shipped as ``rhetoric/data/speakers.csv``."""
        return _default_gazetteer()

    @classmethod
    def from_csv(cls, path: str | PathLike) -> Gazetteer:
        """Read a CSV with columns name, kind, aliases (``|``-separated), country_or_bloc,
        role, note (the last four may be empty)."""
        return cls.from_rows(csv_rows(path))

    @classmethod
    def from_rows(cls, rows) -> Gazetteer:
        entries = []
        for row in rows:
            name = (row.get("name") or "").strip()
            if not name:
                continue
            kind = (row.get("kind") or "person").strip()
            if kind not in KINDS:
                raise ValueError(f"speaker {name!r}: kind must be one of {KINDS}, not {kind!r}")
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            entries.append(
                SpeakerEntry(
                    name,
                    kind,
                    aliases,
                    (row.get("country_or_bloc") or "").strip() or None,
                    (row.get("role") or "").strip() or None,
                    (row.get("note") or "").strip() or None,
                )
            )
        return cls(tuple(entries))

    def __or__(self, other: Gazetteer) -> Gazetteer:
        if not isinstance(other, Gazetteer):
            return NotImplemented
        names = {e.name for e in other.entries}
        return Gazetteer(tuple(e for e in self.entries if e.name not in names) + other.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def cue_only(self) -> frozenset[str]:
        """Names of the entries that speak only where a cue makes them speakers: a
        country's government (``role`` beginning *government of*), which is more often
        what a sentence is about (``Russia is involved in constructing “…”``) than who
        speaks in it (``Moscow said``)."""
        return frozenset(
            e.name for e in self.entries if (e.role or "").lower().startswith("government of")
        )

    @cached_property
    def _index(self) -> tuple[dict[str, SpeakerEntry], dict[str, SpeakerEntry]]:
        """(case-sensitive single-word aliases, lower-cased multi-word aliases)."""
        cs: dict[str, SpeakerEntry] = {}
        ci: dict[str, SpeakerEntry] = {}
        for e in self.entries:  # later entries win
            for alias in (e.name, *e.aliases):
                a = _norm(alias)
                if " " in a:
                    ci[a.lower()] = e
                else:
                    cs[a] = e
        return cs, ci

    @cached_property
    def _regexes(self) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
        """(single-word aliases, multi-word aliases ignoring case, the same in lower
        case: searching the lower-cased text is about twice as fast as ``IGNORECASE``).

        Each alias must stand alone: no word character, apostrophe or hyphen before it
        (:data:`_ALIAS_CHAR`), none but an apostrophe after it. The single-word pattern
        leaves the check before it to :meth:`find`: without a look-behind at its start,
        the search skips straight to the aliases' first letters."""
        cs, ci = self._index

        def build(keys, flags, before=_ALIAS_START):
            if not keys:
                return None
            alts = [re.escape(k).replace("'", "['’]") for k in sorted(keys, key=len, reverse=True)]
            return re.compile(before + "(?:" + grouped_alternation(alts) + r")(?![\w-])", flags)

        return build(cs, 0, ""), build(ci, re.IGNORECASE), build(ci, 0)

    @cached_property
    def _first_runs(self) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
        """Where a multi-word alias can start (:meth:`_run_starts`). None when an alias
        starts with a character outside :data:`_ALIAS_CHAR` (then every position is
        tried).

        Three searches. The first finds one of the aliases' first runs of
        :data:`_ALIAS_CHAR` (lower case, ``’`` as ``'``) standing whole; it is tried at
        the text's start. The other two find the character before an alias, consumed:
        a space (a literal) or one of a set without the space (so that a masked
        quote's spaces are passed at once), and look ahead for an alias's beginning up
        to the end of its second run, which most places where a first run stands fail
        (*the* …). Each first looks ahead for one of the aliases' first characters."""
        keys = list(self._index[1])
        runs = [_ALIAS_RUN.match(k) for k in keys]
        if None in runs:
            return None
        firsts = {k[0] for k in keys} | ({"’"} if any(k[0] == "'" for k in keys) else set())
        ahead = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
        first_runs = sorted({m.group() for m in runs}, key=len, reverse=True)
        heads = sorted(
            {(_TWO_RUNS.match(k) or m).group() for k, m in zip(keys, runs, strict=True)},
            key=len,
            reverse=True,
        )
        head = "(?=" + _trie_alternation(heads, _escape_apostrophe) + ")"
        return (
            re.compile(
                ahead
                + _ALIAS_START
                + "(?:"
                + _trie_alternation(first_runs, _escape_apostrophe)
                + r")(?![\w'’-])"
            ),
            re.compile(" " + ahead + head),
            re.compile(r"[^\w'’ -]" + ahead + head),
        )

    def _run_starts(self, low: str, start: int, end: int) -> list[int]:
        """The places in ``low[start:end]`` where a multi-word alias may start (all
        those where one does), found by the searches of :attr:`_first_runs`: each of
        the two consumes only the character before a place, so that no place hides
        another."""
        plain, after_space, after_other = self._first_runs
        pos = start - 1 if start else 0  # the character before a place at ``start``
        starts = [m.start() + 1 for m in after_space.finditer(low, pos, end)]
        others = [m.start() + 1 for m in after_other.finditer(low, pos, end)]
        if start == 0 and plain.match(low, 0, end) is not None:
            others.append(0)
        if others:
            starts += others
            starts.sort()
        return starts

    def lookup(self, name: str) -> SpeakerEntry | None:
        """The entry whose name or alias is ``name`` (multi-word aliases ignore case)."""
        cs, ci = self._index
        n = _norm(name)
        return cs.get(n) or ci.get(n.lower())

    @cached_property
    def _lookups(self) -> dict[str, SpeakerEntry | None]:
        """:meth:`lookup` of each matched alias text, worked out once."""
        return {}

    def _spans(self, text: str, low: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Spans of alias matches in ``text[start:end]``, as ``finditer`` of the two
        patterns (with the look-behind) would give them: single-word aliases first,
        then multi-word ones. ``low`` is ``text.lower()`` when it is as long, else
        ``text`` (then multi-word aliases are searched ignoring case)."""
        cs, ci, ci_lower = self._regexes
        if cs is not None:
            pos = start
            while (m := cs.search(text, pos, end)) is not None:
                s = m.start()
                if s > 0 and _ALIAS_CHAR.match(text, s - 1):  # inside a longer word
                    pos = s + 1
                    continue
                yield s, m.end()
                pos = m.end()
        if ci is None:
            return
        runs = self._first_runs
        if low is text or runs is None:
            rx = ci if low is text else ci_lower
            yield from (m.span() for m in rx.finditer(low, start, end))
            return
        last = start
        for s in self._run_starts(low, start, end):
            if s >= last and (m := ci_lower.match(low, s, end)) is not None:
                yield s, m.end()
                last = m.end()

    def find(self, text: str, start: int = 0, end: int | None = None):
        """Non-overlapping alias matches in ``text[start:end]``: ``(s, e, entry)``."""
        end = len(text) if end is None else end
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer: "İ"
            low = text
        lookups = self._lookups
        found = []
        for s, e in self._spans(text, low, start, end):
            alias = text[s:e]
            if alias in lookups:
                entry = lookups[alias]
            else:
                entry = lookups[alias] = self.lookup(alias)
            if entry is not None:  # by start, the longest first, else as found
                found.append((s, s - e, len(found), e, entry))
        found.sort()
        out = []
        for s, _, _, e, entry in found:
            if out and s < out[-1][1]:
                if e - s > out[-1][1] - out[-1][0]:
                    out[-1] = (s, e, entry)
                continue
            out.append((s, e, entry))
        return out


def _trie_alternation(words: list[str], escape) -> str:
    """``"|".join(map(escape, words))`` rewritten as the same regular expression, nested
    by shared beginnings (``says|said|say`` → ``sa(?:ys|id|y)``): an attempt then
    reads each character once instead of once per word. Only words that start with
    different characters change order (``escape`` of a character must match no other
    character, so they cannot match at one place), and a word that is where another
    group stops (the empty rest) keeps its place, so the same word wins at every
    position. A search that tries the words at every word start is about a fifth
    quicker with it than with :func:`grouped_alternation` (which groups by the first
    character only)."""
    out: list[str] = []
    run: dict[str, list[str]] = {}  # the current run of words, by first character

    def flush() -> None:
        for group in run.values():
            n = len(commonprefix(group))
            head = "".join(map(escape, group[0][:n]))
            if len(group) == 1:
                out.append(head)
            else:
                out.append(head + "(?:" + _trie_alternation([w[n:] for w in group], escape) + ")")
        run.clear()

    for word in words:
        if word:
            run.setdefault(word[0], []).append(word)
        else:
            flush()
            out.append("")
    flush()
    return "|".join(out)


def _escape_apostrophe(c: str) -> str:
    """A character of an alias as a pattern: an apostrophe matches both forms."""
    return "['’]" if c == "'" else re.escape(c)


_ALIAS_START = r"(?<![\w'’-])"
_ALIAS_CHAR = re.compile(r"[\w'’-]")
"""A character that may not come right before an alias (it would be inside a word)."""
_ALIAS_RUN = re.compile(r"[\w'’-]+")
_TWO_RUNS = re.compile(r"[\w'’-]+[^\w'’-]+[\w'’-]+")  # an alias's beginning, to its second run


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_rows(package_csv_rows("speakers.csv"))


# ----------------------------------------------------------------------- phrases

_TITLE_WORDS_TEXT = """
president vice prime minister secretary sen senator rep representative gov governor
mr mrs ms miss dr prof professor spokesman spokeswoman spokesperson chairman
chairwoman chair head director chief general gen ambassador foreign defense defence
deputy former state mayor leader king queen prince crown pope judge justice attorney
official analyst expert ceo editor reporter columnist correspondent campaign manager
adviser advisor aide lawyer candidate chancellor premier speaker commissioner lt col
capt adm sgt rev republican democrat democratic gop sir lord lady dame economist
historian author founder co-founder executive press assistant senior white house ranking
minority majority whip
"""
_TITLE_WORDS = frozenset(_TITLE_WORDS_TEXT.split())
_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "dr"))  # always followed by a name
_ORG_WORDS_TEXT = """
university school institute ministry department committee council party agency bank
company corporation corp inc group association foundation center centre office
administration government times post news network journal fund union court senate
congress commission organization organisation federation league club board authority
service services forces army navy campaign
"""
_ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())
_FUNCTION_TEXT = """
the a an and or of for in on at by with to from as but that this these those his her
their its our my your who which what when where while after before during although
though because since if unless whether perhaps
"""
_FUNCTION = frozenset(_FUNCTION_TEXT.split())
_ORG_OR_FUNCTION = _ORG_WORDS | _FUNCTION
_TITLE_OR_FUNCTION = _TITLE_WORDS | _FUNCTION
_TITLE_OR_ORG = _TITLE_WORDS | _ORG_WORDS
_DATES_TEXT = """
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december
"""
_DATES = frozenset(_DATES_TEXT.split())
_PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "org"}
_DETERMINERS_TEXT = """
a an the his her their its this that our my your every each
"""
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
# after a name: up to four lower-case or title words, then a two- or three-word name
# ending the phrase ("Trump senior communications adviser Jason Miller", "Clinton
# campaign Chairman John Podesta")
_NAME_AFTER_ORG = re.compile(
    r"(?:['’]s)?\s+((?:(?:[a-z-]+|[A-Z][a-z]+\.?)\s+){0,4}?)"
    r"([A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2})[\s.]*$"
)
_ROLE_WORDS = frozenset(
    [
        "ally",
        "allies",
        "constituent",
        "friend",
        "supporter",
        "staffer",
        "strategist",
        "pollster",
        "surrogate",
        "counsel",
        "consultant",
        "operative",
        "lobbyist",
    ]
)
# the head noun of a description naming no one: "the Clinton campaign", "a senior Cruz
# adviser", "Powell's office", "one Sanders supporter" (a plural's "s" removed first)
_HEAD_NOUNS = (
    _TITLE_WORDS
    | _ROLE_WORDS
    | _ORG_WORDS
    | frozenset(["source", "staff", "team", "voter", "people", "official", "insider"])
) - frozenset(["house", "state", "former", "senior", "deputy", "vice", "white", "press"])
_PARTY_NOUNS = frozenset(["republican", "democrat", "republicans", "democrats"])
_NOMINAL_LEAD = _DETERMINERS | frozenset(
    ["one", "another", "some", "many", "several", "two", "three", "both", "most", "other", "any"]
)
_ADVERBS = frozenset(
    ["also", "then", "later", "earlier", "again", "once", "today", "yesterday", "still"]
)
_NOT_A_NAME = _FUNCTION | _NOMINAL_LEAD | _DATES
_NOMINAL_VERBS_TEXT = """
went goes go was is were are has have had did does featured notes noted read reads
would could will can should may might must
"""
_NOMINAL_VERBS = frozenset(_NOMINAL_VERBS_TEXT.split())
# a participle or past tense ending a description: "a source familiar", "a poll conducted"
_TRAILING_VERB = re.compile(r"[a-z]+(?:ed|ing)|known|familiar|close")
_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")
_NOMINAL_RE = re.compile(
    r"[A-Za-z](?:[^‖,;:()–—\n]*?[A-Za-z])??(?=\s+(?:of|with|who|from|at|in|for|on|"
    r"to|during|after|before|when|while)\b|\s*[,;:()–—‖\n]|\s*$)"
)
_NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*|(?:de|da|van|von|der|bin|al|la|le|del|di)(?=\s+[A-Z])")


# a capitalised word after a space after a word character, comma or semicolon: inside
# a sentence (the look-behind follows the capital, so that the search skips to capitals)
_CAPITALISED_INSIDE = re.compile(r"[A-Z](?<=[\w,;] [A-Z])[\w’'.-]*\w")
_CAPITALISED_SCANS = 16  # words :meth:`_Resolver.capitalised` answers by a search of their own
_NEXT_CAP = re.compile(r"\s+[A-Z][a-z]")
_PREV_CAP = re.compile(r"(?<![.!?:;])\b([A-Z][a-z]+)\s+$")
_DAY_OR_OPENER = re.compile(r"\s+(?:[A-Z][a-z]+day|And|The)\b")
_WORD = re.compile(r"\S+")
_POSSESSIVE_NEXT = re.compile(r"['’]s?(?!\w)")  # matched within two characters
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")
_POSSESSIVE_GAP = re.compile(r"(?:['’]s|s['’])\s+")
_APPOSITIVE_GAP = re.compile(r"\s(?:of|from|at|for|with|in|on|who|,)\s")
_CAPITAL_WORDS = re.compile(r"(?:\s*(?:the|a|an)?\s*[A-Z][^\s]*)+")
_ACCORDING_TO = re.compile(r"(?i)according\s+to\s+")


def _according(text: str, s: int, e: int) -> list[re.Match[str]]:
    """``_ACCORDING_TO`` matches in ``text[s:e]``; most stretches hold no *ccording*, and
    ``str.find`` rules them out faster than the case-insensitive pattern."""
    if text.find("ccording", s, e) < 0 and text.find("CCORDING", s, e) < 0:
        return []
    return list(_ACCORDING_TO.finditer(text, s, e))


_ACCORDING_PHRASE = re.compile(r"[^,;:\n()–—]{1,80}")


def _in_longer_name(text: str, m: tuple[int, int, SpeakerEntry]) -> bool:
    """Whether a one-word alias is part of someone else's name (``Ryan`` in *CIA
    spokesman Ryan Trapani*, *Bob Ryan*): a capitalised word (not a title) next to it."""
    s, e, _ = m
    if _NEXT_CAP.match(text, e) and not _DAY_OR_OPENER.match(text, e):
        return True
    prev = _PREV_CAP.search(text, max(0, s - 30), s)
    return prev is not None and prev.group(1).lower() not in _TITLE_OR_FUNCTION


def _title_before_name(after: re.Match[str], kind: str) -> bool:
    """Whether the name ending a phrase after a gazetteer name (``_NAME_AFTER_ORG``) is
    the phrase's head: its first word is no title and the words before it are a title
    or role (``Trump senior adviser Paul Manafort``, ``Clinton ally James Carville``);
    after an organisation any lower-case words do (``RNC spokesman Sean Spicer``)."""
    words, name = after.group(1).split(), after.group(2).split()
    while name and name[0].lower().rstrip(".") in _TITLE_WORDS:
        words.append(name.pop(0))  # "campaign Chairman John Podesta"
    if len(name) < 2 or any(w.lower() in _ORG_WORDS for w in name):
        return False
    between = [w.lower().rstrip(".") for w in words]
    if any(w[0].isupper() and b not in _TITLE_OR_ORG for w, b in zip(words, between, strict=True)):
        return False  # "Obama Foundation Director …": a capitalised word that is no title
    if kind == "person":
        return bool(between) and between[-1] in _TITLE_WORDS | _ROLE_WORDS
    return True


def _tokens(text: str, offset: int):
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]


def _strip_punct(tok: str) -> str:
    return tok.strip(",.;:!?()[]{}\"“”‘’'«»")


@dataclass
class _Found:
    name: str
    kind: str
    affiliation: str | None
    start: int | None
    end: int | None
    # how the ``before`` rule found it, when that is a feature (:data:`_MARKS`): past an
    # aside before the verb (``X, an aide, said``: "before&aside"), or after the verb with
    # no comma or colon before the quote (``calls Horgos “a mistake”``: "before&object")
    mark: str | None = None


def _entry_found(entry: SpeakerEntry, s: int, e: int) -> _Found:
    return _Found(entry.name, entry.kind, entry.country_or_bloc, s, e)


# Two- and three-word capitalised names. The word boundary before the first capital is
# written as a look-behind after it, so that the search can skip to capitals.
_NAME_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2}\b")


class _Resolver:
    """Resolves noun phrases of one article to speakers, remembering speakers found."""

    def __init__(self, doc: Doc, gaz: Gazetteer, masked: str):
        self.doc = doc
        self.gaz = gaz
        self.text = masked  # doc.clean with quote contents blanked
        self.history: list[tuple[int, _Found]] = []  # (paragraph, speaker) in order
        self.speakers: set[str] = set()  # the names in history
        self._fullest: dict[tuple, tuple] = {}  # (name, kind, affiliation) -> the fullest
        self._capitalised: dict[str, bool] = {}  # word -> :meth:`capitalised`

    @cached_property
    def _verb_index(self) -> tuple[list[int], list[int], list[tuple[int, int]]]:
        """The speech verbs of the whole text, found once: the starts of the
        :data:`_VERB_CS` matches, then the starts and spans of those that are cues
        (:data:`_VERB`: no determiner before). Every stretch around a quote is then
        read by bisection (:meth:`verbs`, :meth:`has_verb`)."""
        text = self.text
        spans = _all_verbs(text)
        cues = [sp for sp in spans if _NO_DETERMINER_RE.match(text, sp[0])]
        return [a for a, _ in spans], [a for a, _ in cues], cues

    def verbs(self, s: int, e: int) -> list[tuple[int, int]]:
        """The spans of ``_VERB.finditer(self.text, s, e)``: the speech verbs of the
        text that lie in the stretch when it is cut cleanly (:func:`_cuts_cleanly`),
        else those of a search of the stretch."""
        text = self.text
        if not _cuts_cleanly(text, s, e):
            return [m.span() for m in _VERB.finditer(text, s, e)]
        _, starts, cues = self._verb_index
        k = bisect_left(starts, s)
        return cues[k : bisect_left(starts, e, k)]

    def has_verb(self, s: int, e: int, cue: bool = True) -> bool:
        """Whether ``text[s:e]`` holds a speech verb: a cue (:data:`_VERB`), or with
        ``cue=False`` any :data:`_VERB_CS` match, as a search of the stretch finds it."""
        text = self.text
        if not _cuts_cleanly(text, s, e):
            return (_VERB if cue else _VERB_CS).search(text, s, e) is not None
        starts = self._verb_index[1 if cue else 0]
        k = bisect_left(starts, s)
        return k < len(starts) and starts[k] < e

    @cached_property
    def surnames(self) -> dict[str, str]:
        """Surname → full name for two- and three-word capitalised names in the body
        (found when first asked: an article whose quotes name no one never needs it)."""
        seen: dict[str, set[str]] = {}
        for m in _NAME_RE.finditer(self.text):
            words = m.group().split()
            while words and words[0].lower() in _TITLE_WORDS:
                words = words[1:]
            if len(words) < 2 or any(w.lower() in _ORG_OR_FUNCTION for w in words):
                continue
            seen.setdefault(words[-1], set()).add(" ".join(words))
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}

    # -- phrase resolution
    def phrase(self, s: int, e: int, para: int) -> _Found | None:
        """Resolve the noun phrase ``text[s:e]`` (already cut at clause boundaries)."""
        text = self.text
        while s < e and not (text[s].isalnum()):
            s += 1
        while e > s and not (text[e - 1].isalnum() or text[e - 1] in ".)"):
            e -= 1
        if s >= e:
            return None
        words = text[s:e].split()
        if len(words) > 25:
            return None
        first, last = _strip_punct(words[0]).lower(), _strip_punct(words[-1]).lower()
        if len(words) <= 2 and last in _PRONOUNS:
            return self.pronoun(last, para, s + text[s:e].rfind(words[-1]))
        if first in ("who", "which", "that"):
            return None
        if first in _NOMINAL_LEAD and not self.names_in(s, e):
            nominal = self.nominal(s, e)  # "the former Florida governor"
            if nominal is not None:
                return nominal
        # possessive: "China’s Global Times" -> "Global Times"
        head_s, head_e = s, e
        for m in _POSSESSIVE_GAP.finditer(text, s, e):
            after = m.end()
            if self._has_name(after, e):
                head_s = after
        # appositive: "Joel Pollak of Breitbart" -> "Joel Pollak"
        m = _APPOSITIVE_GAP.search(text, head_s, head_e)
        if m and self._has_name(head_s, m.start(), strict=True):
            head_e = m.start()
        described = self._description(head_s, head_e)
        if described is not None:
            return described
        return self._resolve_region(head_s, head_e) or (
            self._resolve_region(s, e) if (head_s, head_e) != (s, e) else None
        )

    def _description(self, s: int, e: int) -> _Found | None:
        """A phrase whose head (its last word) is a noun such as *campaign* or *adviser*
        after a name (``the Clinton campaign``, ``Trump's campaign manager``, ``another
        New Hampshire Republican``): the speaker is the description, not the person it
        names; an organisation for an organisation's noun, else ``unnamed``, with the
        affiliation of the gazetteer name in it."""
        seg = self.text[s:e]
        parts = seg.rsplit(None, 1)
        if len(parts) < 2:
            return None
        head = _strip_punct(parts[1])
        low = head.lower()
        plural = low[-1:] == "s" and low[:-1] in _HEAD_NOUNS
        noun = low if low in _HEAD_NOUNS else low[:-1] if plural else ""
        if not noun and low not in _PARTY_NOUNS:
            return None  # most phrases end in a name
        lead = _strip_punct(seg.split(None, 1)[0]).lower() in _NOMINAL_LEAD
        if not (noun and head.islower()) and not (lead and low in _PARTY_NOUNS):
            return None
        toks = _tokens(seg, s)
        if len(toks) > 8:
            return None
        names = self.names_in(s, e)
        if names and names[-1][1] >= toks[-1][0] + len(head):
            return None  # the gazetteer names the whole head ("China's president")
        if not self._has_name(s, toks[-1][0], strict=True):
            return None
        affiliation = names[0][2].country_or_bloc if names else None
        kind = "organisation" if noun in _ORG_WORDS else "unnamed"
        start, end = toks[0][0], toks[-1][0] + len(toks[-1][2].rstrip(",.;:!?)"))
        return _Found(
            " ".join(
                _strip_punct(t) if k == len(toks) - 1 else t for k, (_, _, t) in enumerate(toks)
            ),
            kind,
            affiliation,
            start,
            end,
        )

    def nominal(self, s: int, e: int) -> _Found | None:
        """A short noun phrase that names nobody (``the senator``, ``one person with
        knowledge of …`` → ``one person``) as the speaker, of kind ``unnamed``."""
        m = _NOMINAL_RE.search(self.text, s, e)
        if m is None:
            return None
        words = m.group().split()
        verb = next((k for k, w in enumerate(words) if k and w in _NOMINAL_VERBS), None)
        if verb is not None:
            words = words[:verb]  # "The email went on to say"
        while words and (words[-1].endswith("ly") or words[-1] in _ADVERBS):
            words.pop()  # "the editorial board recently wrote"
        while len(words) > 2 and _TRAILING_VERB.fullmatch(words[-1]):
            words.pop()  # "one Republican involved (in …)", "The judge pointed (out)"
        if not 2 <= len(words) <= 6 or _strip_punct(words[0]).lower() not in _NOMINAL_LEAD:
            return None
        if any(_strip_punct(w).lower() in _PRONOUNS for w in words[1:]):
            return None  # "noting that it is …": a clause, not a description
        if not (words[-1][:1].islower() or words[-1].lower() in _PARTY_NOUNS):
            return None  # a name, not a description ("another Republican" is one)
        n = len(words) - 1
        end = m.start() + len(re.match(rf"\S+(?:\s+\S+){{{n}}}", m.group())[0])
        return _Found(" ".join(words), "unnamed", None, m.start(), end)

    def first_name(self, s: int, e: int) -> _Found | None:
        """The first name in the first clause of ``text[s:e]`` (a sentence's subject or
        topic: ``Romney went after Trump …, calling it “disqualifying”``)."""
        b = next(_boundaries(self.text, s, e), None)
        ce = b[0] if b else e
        toks = _tokens(self.text[s:ce], s)
        for i, (_ts, te, tok) in enumerate(toks):
            t = _strip_punct(tok)
            if t.endswith(_POSSESSIVE_ENDS) or (i == 0 and not self.capitalised(t)):
                continue  # "Murphy’s spokeswoman …", "Asked Tuesday about …"
            if t[:1].isupper() and t.lower() not in _NOT_A_NAME:
                end, k = te, i + 1
                for _ts2, te2, tok2 in toks[i + 1 :]:
                    t2 = _strip_punct(tok2)
                    if tok[-1:] in ",;:)" or not _NAME_TOKEN.fullmatch(t2):
                        break
                    if t2.lower() in SPEECH_VERBS:
                        break  # a headline's verb: "Glenn Beck Says Trump …"
                    end, tok, k = te2, tok2, k + 1
                if k < len(toks) and tok[-1:] not in ",;:)":  # "The Sanders campaign …"
                    lead = (
                        i - 1 if i and _strip_punct(toks[i - 1][2]).lower() in _NOMINAL_LEAD else i
                    )
                    described = self._description(toks[lead][0], toks[k][1])
                    if described is not None:
                        return described
                found = self._resolve_region(s, end)
                if found is None or found.kind != "unknown" or " " in found.name:
                    return found
                return found if found.name in self.surnames else None  # "Dozens", "Strong"
        return None

    def capitalised(self, word: str) -> bool:
        """Whether ``word`` is seen capitalised inside a sentence (a name, not a sentence
        opener): ``word in set(_CAPITALISED_INSIDE.findall(text))``. The first
        :data:`_CAPITALISED_SCANS` words asked are answered by trying the pattern where
        the word stands after a space (its matches hold no space, so each such place is
        one of ``findall``'s; a few words are asked per article, and that is quicker than
        finding every capitalised word); past them, from the set of every capitalised
        word, found once, so that a text asking about many words stays linear in time.
        Remembered per word."""
        known = self._capitalised.get(word)
        if known is None:
            if len(self._capitalised) >= _CAPITALISED_SCANS:
                known = word in self._capitalised_words
            else:
                text, known = self.text, False
                p = text.find(word) if word[:1].isupper() else -1
                while p >= 0:
                    m = _CAPITALISED_INSIDE.match(text, p) if text[p - 1 : p] == " " else None
                    if m is not None and m.group() == word:
                        known = True
                        break
                    p = text.find(word, p + 1)
            self._capitalised[word] = known
        return known

    @cached_property
    def _capitalised_words(self) -> frozenset[str]:
        """Every word seen capitalised inside a sentence (:meth:`capitalised`)."""
        return frozenset(_CAPITALISED_INSIDE.findall(self.text))

    def fullest(self, found: _Found) -> _Found:
        """``found`` with a short name (``Trump``, ``Mr. Meyer``) replaced by the
        article's fullest mention of the same person (``Donald Trump``)."""
        if found.kind not in ("unknown", "person"):
            return found
        key = (found.name, found.kind, found.affiliation)
        full = self._fullest.get(key)
        if full is None:
            full = self._fullest[key] = self._fullest_name(*key)
        if full == key:
            return found
        return _Found(*full, found.start, found.end)

    def _fullest_name(self, name: str, kind: str, affiliation: str | None):
        words = [w for w in name.split() if w.lower().rstrip(".") not in _TITLE_WORDS]
        full = self.surnames.get(words[-1]) if words else None
        if full is None or full == name or not set(words) <= set(full.split()):
            return name, kind, affiliation
        ent = self.gaz.lookup(full)
        if ent is not None:
            return ent.name, ent.kind, ent.country_or_bloc
        return full, kind, affiliation

    def _has_name(self, s: int, e: int, strict: bool = False) -> bool:
        if self.names_in(s, e):
            return True
        for _, _, tok in _tokens(self.text[s:e], s):
            t = _strip_punct(tok)
            if t[:1].isupper() and t.lower() not in _TITLE_OR_FUNCTION:
                if strict and t.lower() in _ORG_WORDS:
                    continue
                return True
        return False

    def _resolve_region(self, s: int, e: int) -> _Found | None:
        text = self.text
        matches = [
            (ms, me, ent)
            for ms, me, ent in self.names_in(s, e)
            if not _POSSESSIVE_NEXT.match(text, me, me + 2)
        ]
        if matches:
            # coordinated speakers: "China and Russia"
            if len(matches) >= 2:
                a, b = matches[-2], matches[-1]
                between = text[a[1] : b[0]].strip().lower()
                if between in ("and", "&") and a[2].name != b[2].name:
                    affs = []
                    for ent in (a[2], b[2]):
                        if ent.country_or_bloc and ent.country_or_bloc not in affs:
                            affs.append(ent.country_or_bloc)
                    return _Found(
                        f"{a[2].name} and {b[2].name}",
                        "group",
                        " & ".join(affs) or None,
                        a[0],
                        b[1],
                    )
            ms, me, ent = matches[-1]  # the last to end (the matches do not overlap)
            after = _NAME_AFTER_ORG.match(text, me, e)
            if after is None or not _title_before_name(after, ent.kind):
                return _entry_found(ent, ms, me)
            s = me  # "RNC spokesman Sean Spicer", "Clinton ally James Carville": the person
        # last run of capitalised words
        toks = _tokens(text[s:e], s)
        runs: list[list[tuple[int, int, str]]] = []
        cur: list[tuple[int, int, str]] = []
        for ts, _te, tok in toks:
            t = _strip_punct(tok)
            if (
                t
                and _NAME_TOKEN.fullmatch(t)
                and not (t.lower() in _FUNCTION and t[0].isupper() and not cur)
            ):
                lead = len(tok) - len(tok.lstrip(",.;:!?()[]{}\"“”‘’'«»"))
                cur.append((ts + lead, ts + lead + len(t), t))
                if tok.rstrip().endswith((",", ";", ":", ")")):
                    runs.append(cur)
                    cur = []
            else:
                if cur:
                    runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        for run in reversed(runs):
            orgs = [k for k, t in enumerate(run) if t[2].lower() in _ORG_WORDS]
            if orgs and orgs[-1] < len(run) - 1:  # "Economics University Alexei Maslov"
                run = run[orgs[-1] + 1 :]
            while run and run[0][2].lower().rstrip(".") in _TITLE_WORDS:
                if len(run) == 2 and run[0][2].lower().rstrip(".") in _HONORIFICS:
                    run = run[1:]  # "Mr. Prince", "Ms. Judge": a surname after an honorific
                    break
                run = run[1:]
            while run and run[-1][2].lower() in _FUNCTION | _DATES:
                run = run[:-1]
            while run and run[0][2].lower() in _DATES:
                run = run[1:]
            if not run:
                continue
            if len(run) > 4:
                run = run[-4:]
            name = " ".join(t for _, _, t in run)
            name = re.sub(r"['’]s$", "", name)
            kind = "organisation" if any(t.lower() in _ORG_WORDS for _, _, t in run) else "unknown"
            if len(run) == 1:
                full = self.surnames.get(name)
                if full:
                    ent = self.gaz.lookup(full)
                    if ent:
                        return _entry_found(ent, run[0][0], run[-1][1])
                    name = full
            ent = self.gaz.lookup(name)
            if ent:
                return _entry_found(ent, run[0][0], run[-1][1])
            if (
                name.lower() in _PRONOUNS
                or name.lower() in _FUNCTION
                or _PARTY_STATE.match(name)
                or len(name.rstrip(".")) == 1
            ):
                continue  # "(D-Calif.)" or "(R)" after a senator's name is not a speaker
            return _Found(name, kind, None, run[0][0], run[-1][1])
        return None

    def pronoun(self, word: str, para: int, pos: int) -> _Found | None:
        want = _PRONOUNS[word]
        for p, f in reversed(self.history):
            if para - p > 3:
                break
            if (
                (want == "person" and f.kind in ("person", "unknown"))
                or (want == "plural" and f.kind in ("group", "organisation", "outlet"))
                or (want == "org" and f.kind in ("organisation", "outlet"))
            ):
                return _Found(f.name, f.kind, f.affiliation, pos, pos + len(word))
        if want == "person":  # last person named in this or the previous paragraph
            lo = self.doc.paragraphs[max(para - 1, 0)][0]
            ends, people = self._people
            k = bisect_right(ends, pos) - 1  # the last person named before the pronoun
            if k >= 0 and people[k][0] >= lo:
                ent = people[k][2]
                return _Found(ent.name, "person", ent.country_or_bloc, pos, pos + len(word))
        return None

    @cached_property
    def _people(self) -> tuple[list[int], list[tuple[int, int, SpeakerEntry]]]:
        """The matches of :attr:`_names` that are people, with their end offsets."""
        people = [m for m in self._names[1] if m[2].kind == "person"]
        return [m[1] for m in people], people

    @cached_property
    def _names(self) -> tuple[list[int], list[tuple[int, int, SpeakerEntry]]]:
        """Every gazetteer match of the text (``Gazetteer.find``), with their start
        offsets, found once: each quote then looks its cues up in logarithmic time."""
        text = self.text
        names = [
            m
            for m in self.gaz.find(text)
            if not (
                m[2].kind == "person" and " " not in text[m[0] : m[1]] and _in_longer_name(text, m)
            )
        ]
        return [m[0] for m in names], names

    def names_in(self, s: int, e: int) -> list[tuple[int, int, SpeakerEntry]]:
        """The gazetteer matches lying within ``[s, e)``, in text order."""
        starts, names = self._names
        k = bisect_left(starts, s)
        j = k
        while j < len(names) and names[j][1] <= e:
            j += 1
        return names[k:j]


# lower-case verbs only: "State" is not "state". Every verb starts with a letter a-z:
# saying so first lets the search skip other characters before its look-behind (a
# search is then about 1.5 times as fast)
_VERB_CS = re.compile("(?=[a-z])" + SPEECH_VERB_RE.pattern)
# a verb form right after a determiner is a noun (``the report concluded``: *concluded*,
# not *report*; ``a call``): one look-behind per length of the determiners
_NO_DETERMINER = "".join(
    r"(?<!\b(?i:" + "|".join(sorted(w for w in _DETERMINERS if len(w) == n)) + r")\s)"
    for n in sorted({len(w) for w in _DETERMINERS})
)
# the verbs' own look-behind (no word character before) is tried first as well: it rules
# out the letters inside words before the determiners' look-behinds are tried at them
# (a search is then about 2.5 times as fast)
_WORD_START = r"(?<![\w’'-])"
_VERB = re.compile("(?=[a-z])" + _WORD_START + _NO_DETERMINER + SPEECH_VERB_RE.pattern)
"""A speech verb that is not a noun after a determiner: the cue of reported speech."""


_NO_DETERMINER_RE = re.compile(_NO_DETERMINER)
# _VERB_CS as two searches that skip to the character before a verb: a space (the most
# common, found as a literal), or any other that may stand before a word (a set without
# the space: a masked quote's run of spaces is skipped at once)
_VERB_TRIE = "(?:" + _trie_alternation(_SPEECH_VERB_ALTERNATIVES, re.escape) + r")(?![\w’'-])"
_VERB_AFTER_SPACE = re.compile(" (?=[a-z])" + _VERB_TRIE)
_VERB_AFTER_OTHER = re.compile(r"[^\w’' -](?=[a-z])" + _VERB_TRIE)


def _all_verbs(text: str) -> list[tuple[int, int]]:
    """The spans of ``_VERB_CS.finditer(text)``, found faster: the verbs after a
    space, those after another character, and one at the start. No verb holds the
    start of another (a test checks the verbs of two words), so the matches of the
    three are those of the one search."""
    spans = [(m.start() + 1, m.end()) for m in _VERB_AFTER_SPACE.finditer(text)]
    other = [(m.start() + 1, m.end()) for m in _VERB_AFTER_OTHER.finditer(text)]
    if (m := _VERB_CS.match(text)) is not None:
        other.append(m.span())
    if other:
        spans += other
        spans.sort()
    return spans


_VERB_CHARS = frozenset("".join(_SPEECH_VERB_ALTERNATIVES))


def _cuts_cleanly(text: str, s: int, e: int) -> bool:
    """Whether a search for speech verbs (:data:`_VERB`, :data:`_VERB_CS`) in
    ``text[s:e]`` finds the verbs of the whole text that lie in it (the look-behinds
    see the text before a search's start): no verb holds both ``text[s - 1]`` and
    ``text[s]``, nor both ``text[e - 1]`` and ``text[e]`` (one of them is in no verb),
    and a verb may end at ``e`` (``text[e - 1]`` is in one) only where ``text[e]``
    cannot continue a word, so that it ends there whether or not the search stops
    there. Sentence starts, quote marks (``‖``), colons and most sentence ends cut
    cleanly."""
    chars, n = _VERB_CHARS, len(text)
    if 0 < s < n and text[s - 1] in chars and text[s] in chars:
        return False
    if 0 < e < n and text[e - 1] in chars:
        c = text[e]
        return c not in chars and not (c.isalnum() or c in "_’'-")  # [\w’'-]
    return True


def _ends_sentence(clean: str, end: int) -> bool:
    """Whether the quote part ending at ``end`` (after its closing mark) closes with a
    full stop (``“… the better.” The Buckeye State is …``): what follows is then
    usually a new sentence, not the quote's attribution."""
    inside = clean[max(0, end - 5) : end].rstrip("\"'”’»")  # the closing mark may be ''
    return inside.endswith(".") and not inside.endswith("..")


def _has_cue(res: _Resolver, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds a speech verb or *according to*: someone is reported
    speaking there."""
    return res.has_verb(s, e) or bool(_according(res.text, s, e))


_LATER_CUE = re.compile(r",\s+(?=(?:" + _VERB_CS.pattern + r")\s+[A-Z])")
_QMARK = "‖"  # stands in for a masked quotation: a clause boundary
_BOUNDARY = re.compile(r"[,;:()–—‖]|\s-\s")
"""A clause boundary (the definition: :func:`_boundaries` finds its matches)."""
# the same from its one character a search can skip to (a mark, or the dash of a spaced
# dash, whose spaces the look-arounds check): the plain pattern is tried at every
# character, this one only at those
_BOUNDARY_MARK = re.compile(r"[,;:()–—‖-](?:(?<!-)|(?<=\s-)(?=\s))")


def _boundaries(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text, s, e)``: a spaced dash found by its dash
    is widened to its spaces, and dropped where the plain search would have taken its
    first space already (the last space of the dash before, `` - - ``) or where that
    space is before ``s``."""
    pos = s
    for m in _BOUNDARY_MARK.finditer(text, s, e):
        a, b = m.span()
        if text[a] == "-":
            a, b = a - 1, b + 1
            if a < pos:
                continue
        pos = b
        yield a, b


def _chunks_before(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Clause chunks of ``text[s:e]``, nearest ``e`` first."""
    chunks = []
    for a, b in _boundaries(text, s, e):
        chunks.append((s, a))
        s = b
    chunks.append((s, e))
    chunks.reverse()
    return chunks


def _masked(clean: str, parts: list[tuple[int, int]]) -> str:
    """``clean`` with each of ``parts`` blanked in turn: its first and last characters
    become :data:`_QMARK`, the others spaces."""
    if (
        parts
        and parts[0][0] >= 0
        and parts[-1][1] <= len(clean)
        and all(b - a >= 2 for a, b in parts)
        and all(x[1] <= y[0] for x, y in pairwise(parts))
    ):  # in order and apart (nested quotes are not): the text between and the blanks
        pieces, pos = [], 0
        for a, b in parts:
            pieces += (clean[pos:a], _QMARK, " " * (b - a - 2), _QMARK)
            pos = b
        pieces.append(clean[pos:])
        return "".join(pieces)
    masked = list(clean)
    for a, b in parts:
        masked[a:b] = " " * (b - a)
        masked[a] = masked[b - 1] = _QMARK
    return "".join(masked)


@dataclass(frozen=True)
class SpeakerModel:
    """A logistic model scoring one (quote, speaker candidate) pair.

    ``probability(features)`` is the estimated chance that the candidate is the quote's
    speaker; the best candidate of a quote is kept as its speaker when that chance is
    at least ``threshold``. Fitted by ``scripts/train_speaker_model.py`` and shipped as
    ``rhetoric/data/speaker_model.json``.
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    @classmethod
    def default(cls) -> SpeakerModel:
        """The model shipped as ``rhetoric/data/speaker_model.json``."""
        return _default_model()

    @classmethod
    def from_json(cls, data: dict) -> SpeakerModel:
        """Read the JSON form written by the training script (``ValueError`` when it
        weighs a feature this version does not compute: :data:`FEATURE_NAMES`)."""
        w = data["weights"]
        unknown = sorted(set(w) - FEATURE_NAMES)
        if unknown:
            raise ValueError(f"speaker model: features this version does not compute: {unknown}")
        return cls(
            tuple(w), tuple(float(w[f]) for f in w), float(data["bias"]), float(data["threshold"])
        )

    @cached_property
    def _weight(self) -> dict[str, float]:
        return dict(zip(self.features, self.weights, strict=True))

    def probability(self, features: dict[str, float]) -> float:
        """Estimated chance that a candidate with these features is the speaker."""
        return self._probability(features.items())

    def _probability(self, pairs) -> float:
        """:meth:`probability` of the features given as (name, value) pairs."""
        weight = self._weight.get
        z = self.bias
        for f, v in pairs:
            if (w := weight(f)) is not None:
                z += w * v
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def _default_model() -> SpeakerModel:
    return SpeakerModel.from_json(json.loads(package_text("speaker_model.json")))


RULES = (
    "after",
    "after-clause",
    "before",
    "first-cue",
    "colon",
    "lead-in-owner",
    "pronoun",
    "sentence-subject",
    "sentence-name",
    "sentence-first",
    "earlier-cue",
    "continuation",
)
"""Candidate sources, in the order used to name the ``rule`` of a chosen speaker."""

_RULE_RANK = {r: k for k, r in enumerate(RULES)}
_CUE_RULES = frozenset(("after", "after-clause", "before", "first-cue", "colon", "lead-in-owner"))
_MAX_GAP = 4  # paragraphs back to look for the speaker of an earlier quote
_ADJACENT_WORDS = 6  # words between two quotes of a run (",” he said. ¶ “…")
_CUE_SENTENCES = 2  # sentences back to look for reported speech (``X said that …``)


@dataclass(slots=True)
class _Cand:
    found: _Found
    rules: set[str]
    dist: int | None  # characters between the mention and the quote
    gap: int  # paragraphs between the quote and the mention (or the earlier quote)
    back: int = 0  # sentences back to the reported speech naming it (0: none)
    via_pronoun: bool = False  # found through a pronoun (``“…,” he said``)
    known: bool = False  # already the speaker of an earlier quote of the article
    head_conf: float | None = None  # continuation: the confidence of its run's head
    # continuation: "colon" when the run opened with a colon lead-in ("X said the
    # following:", "his commentary … stressing:"), "document" when its speaker is a text
    run: str | None = None
    adjacent: bool = False  # continuation: the previous quote ends the paragraph before
    quiet: bool = False  # continuation: no speech cue between the previous quote and this
    # how its mention stands (:data:`_MARKS`): "after&sentence_end" when the quote closes
    # a sentence before the cue (“… the better.” The Buckeye State is …), as a new
    # sentence's subject would; "before&aside" when the cue's subject was found past an
    # aside (``Gregory Angelo, president of the Log Cabin Republicans, said``);
    # "before&object" when it follows the verb with no comma or colon before the quote
    # (``calls Horgos “a mistake”``); "sentence-first&apposed" when the sentence's first
    # name opens an aside
    marks: tuple[str, ...] = ()
    rank: int = len(RULES)  # the rank in :data:`RULES` of its best source in ``rules``

    def add_rule(self, rule: str) -> None:
        """Add a source that proposed it (keeping ``rank``)."""
        self.rules.add(rule)
        self.rank = min(self.rank, _RULE_RANK[rule])


class _QuoteContext(NamedTuple):
    """What the features of a quote's candidates share, computed once per quote (a
    tuple: quicker to build than a frozen dataclass)."""

    n: int  # candidates
    cue_holders: int  # candidates found by a speech cue
    best_rank: int  # the best rule rank among the candidates
    nearest: int | None  # the smallest distance of a mention
    opens_para: bool
    pronoun_cue: str | None = None  # "person" or "other": a cue's subject is a pronoun

    @classmethod
    def of(cls, cands: list[_Cand], opens_para: bool) -> _QuoteContext:
        cue_holders, best_rank, nearest, pronoun_cue = 0, len(RULES), None, None
        for c in cands:
            if c.rules & _CUE_RULES:
                cue_holders += 1
                if c.via_pronoun and pronoun_cue is None:
                    pronoun_cue = _person_or_other(c)
            best_rank = min(best_rank, c.rank)
            if c.dist is not None and (nearest is None or c.dist < nearest):
                nearest = c.dist
        return cls(len(cands), cue_holders, best_rank, nearest, opens_para, pronoun_cue)


def _person_or_other(cand: _Cand) -> str:
    return "person" if cand.found.kind in ("person", "unknown") else "other"


def _features(cand: _Cand, ctx: _QuoteContext) -> list[tuple[str, float]]:
    """The candidate's features as (name, value) pairs, each name once, in the order of
    the ``trace`` dicts (a list is quicker to build than a dict, and scoring only reads
    it in turn)."""
    dist = cand.dist
    # the rules in the order of RULES: a set's order would change with the hash seed, and
    # with it the order the score adds the weights up in (and the trace's order)
    rules = sorted(cand.rules, key=_RULE_RANK.__getitem__) if len(cand.rules) > 1 else cand.rules
    f = list(map(_RULE_FOUND.__getitem__, rules))
    add = f.append
    if dist is not None:  # the kind of a mention (a continuation has none)
        add(("kind:" + cand.found.kind, 1.0))
    if ctx.n == 1:
        add(("only_candidate", 1.0))
    if dist is not None and dist == ctx.nearest:
        add(("nearest_mention", 1.0))
    add(("n_rules", float(len(rules))))
    if dist is not None:
        add(("log_distance", math.log1p(dist) / 5.0))
    else:
        add(("no_mention", 1.0))
    add((_GAP_FEATURES[min(cand.gap, _MAX_GAP)], 1.0))
    own_cue = not cand.rules.isdisjoint(_CUE_RULES)
    if ctx.cue_holders > own_cue:  # another candidate has a speech cue
        add(("other_has_cue", 1.0))
        for r in rules:
            if r not in _CUE_RULES:
                add((_RULE_FEATURES[r][1], 1.0))
    if own_cue:
        add(("has_cue", 1.0))
    if cand.rank == ctx.best_rank:
        add(("first_by_rule_order", 1.0))  # the choice of the rules tried in order
    if ctx.opens_para:
        add(("opens_paragraph", 1.0))
        for r in rules:
            add((_RULE_FEATURES[r][2], 1.0))
    add(("n_candidates", math.log(ctx.n)))
    if cand.back:
        add((f"back:{cand.back}", 1.0))
    if cand.via_pronoun:
        add(("via_pronoun", 1.0))
    elif ctx.pronoun_cue is not None and "earlier-cue" in cand.rules:
        # "X said that …. “…,” he said": does the pronoun agree with the earlier speaker?
        agree = ctx.pronoun_cue == _person_or_other(cand)
        add(("earlier-cue&pronoun_cue&" + ("agree" if agree else "disagree"), 1.0))
    if cand.known:
        add(("known_speaker", 1.0))
    if cand.head_conf is not None:
        add(("continuation_head_confidence", cand.head_conf))
    if cand.adjacent:
        add(("continuation&adjacent", 1.0))
        if ctx.opens_para:
            add(("continuation&adjacent&opens_paragraph", 1.0))
    for m in cand.marks:
        add((m, 1.0))

    if cand.quiet:
        add(("continuation&quiet", 1.0))
        if cand.gap > 1:
            add(("continuation&quiet&far", 1.0))
    if cand.run is not None:
        add((f"continuation&{cand.run}", 1.0))
        if own_cue:
            add((f"continuation&{cand.run}&has_cue", 1.0))
        elif ctx.cue_holders:
            add((f"continuation&{cand.run}&other_has_cue", 1.0))
    return f


_RULE_FEATURES = {
    r: (f"rule:{r}", f"rule:{r}&other_has_cue", f"rule:{r}&opens_paragraph") for r in RULES
}
"""A rule's features: found by it; and another candidate has a cue; and the quote opens
its paragraph."""
_RULE_FOUND = {r: (names[0], 1.0) for r, names in _RULE_FEATURES.items()}
_GAP_FEATURES = tuple(f"gap:{g}" for g in range(_MAX_GAP + 1))
_RUNS = ("colon", "document")
_SENTENCE_END = "after&sentence_end"
_MARKS = (_SENTENCE_END, "before&aside", "before&object", "sentence-first&apposed")
FEATURE_NAMES = frozenset(
    [name for names in _RULE_FEATURES.values() for name in names]
    + [f"kind:{k}" for k in (*KINDS, "group", "unknown", "unnamed")]
    + list(_GAP_FEATURES)
    + [f"back:{b}" for b in range(1, _CUE_SENTENCES + 1)]
    + [f"continuation&{r}{c}" for r in _RUNS for c in ("", "&has_cue", "&other_has_cue")]
    + [f"earlier-cue&pronoun_cue&{a}" for a in ("agree", "disagree")]
    + [
        "only_candidate",
        "nearest_mention",
        "n_rules",
        "log_distance",
        "no_mention",
        "other_has_cue",
        "has_cue",
        "first_by_rule_order",
        "opens_paragraph",
        "n_candidates",
        "via_pronoun",
        "known_speaker",
        "continuation_head_confidence",
        "continuation&adjacent",
        "continuation&adjacent&opens_paragraph",
        "continuation&quiet",
        "continuation&quiet&far",
        *_MARKS,
    ]
)
"""Every feature :func:`_features` can give a candidate (a model weighing another is
refused)."""


def attribute(
    doc: Doc,
    quotes: list[Quote],
    gazetteer: Gazetteer | None = None,
    model: SpeakerModel | None = None,
    trace: list | None = None,
) -> list[Quote]:
    """Return ``quotes`` with speaker, affiliation, speaker_kind, rule and
    speaker_confidence filled in.

    ``quotes`` are in text order, as :func:`~rhetoric.measures.quotes.find_quotes` gives
    them (continuations and earlier speakers are read from the quotes before). See the
    module docstring for the candidates, the model and the resolution. Quotes that are
    not top-level ``direct`` quotes are returned unchanged (no
    speaker). ``trace``, when a list, receives ``(quote, [(candidate name, features)])``
    for every direct quote (used to train and evaluate the model).
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    model = model if model is not None else SpeakerModel.default()
    clean = doc.clean
    text = _masked(clean, [p for q in quotes for p in q.parts])
    res = _Resolver(doc, gaz, text)
    para_of = doc.paragraph_from

    def sent_of(pos: int) -> tuple[int, int]:
        return doc.sentences[doc.sentence_from(pos)]

    out: list[Quote] = []
    found_by_quote: list[tuple[Quote, _Found | None]] = []
    last_direct: tuple[int, _Found] | None = None
    last_conf = 0.0  # the confidence of the head of the last speaker's run of quotes
    colon_run = False  # the last quotes continue a run opened by a colon lead-in
    last_end = 0  # where the last direct quote ends
    reported: dict[tuple[int, int], _Found | None] = {}  # the speaker of each sentence's cue
    for q in quotes:
        if q.kind != "direct" or q.depth > 0:
            out.append(q)
            continue
        pi = para_of(q.start)
        p_start, p_end = doc.paragraphs[pi]
        first_end = q.parts[0][1]
        si = doc.sentence_from(q.start)
        s_start = max(doc.sentences[si][0], p_start, q.start - CUE_WINDOW)
        cands: dict[str, _Cand] = {}

        def add(
            found: _Found | None,
            rule: str,
            gap: int = 0,
            back: int = 0,
            mark: str | None = None,
            q=q,
            cands=cands,
        ) -> None:
            if found is None:
                return
            via_pronoun = (
                found.start is not None
                and found.end is not None
                and found.end - found.start <= 4  # "he", "she", "they", "it"
                and text[found.start : found.end].lower() in _PRONOUNS
            )
            found = res.fullest(found)
            dist = None
            if found.start is not None and found.end is not None:
                dist = max(q.start - found.end, found.start - q.end, 0)
            c = cands.get(found.name)
            if c is None:
                c = cands[found.name] = _Cand(found, set(), dist, gap, back, via_pronoun)
            else:
                c.via_pronoun = c.via_pronoun or via_pronoun
                c.back = min(c.back, back) if c.back and back else (c.back or back)
                c.gap = min(c.gap, gap)
                if dist is not None and (c.dist is None or dist < c.dist):
                    c.dist, c.found = dist, found
            c.add_rule(rule)
            if mark is not None and mark not in c.marks:
                c.marks += (mark,)

        # after: ,” he said / ,” said GT / ,” according to X
        lim = min(p_end, q.parts[1][0] if len(q.parts) > 1 else p_end)
        after = _after(res, text, first_end, lim, pi)
        if after is not None:
            add(after, "after", mark=_SENTENCE_END if _ends_sentence(clean, first_end) else None)
        if q.end != first_end:
            end_para = doc.paragraphs[para_of(q.end - 1)]
            after = _after(res, text, q.end, end_para[1], pi)
            if after is not None:
                add(after, "after", mark=_SENTENCE_END if _ends_sentence(clean, q.end) else None)
        # "“…” if she didn't win by more, said David Wasserman": later in the sentence
        s_end = min(sent_of(q.end - 1)[1], q.end + 200)
        later = _LATER_CUE.search(text, q.end, s_end)
        if later is not None and later.start() > q.end:
            add(_after(res, text, later.start(), s_end, pi), "after-clause")
        found = _before(res, text, s_start, q.start, pi, found_by_quote)
        add(found, "before", mark=found.mark if found is not None else None)
        # "Yepez said Perez was right to urge “…”": the subject of the first speech
        # verb of the sentence (the main clause), not only of the nearest one
        verbs = res.verbs(s_start, q.start)
        if len(verbs) > 1:
            first = _before(res, text, s_start, verbs[0][1], pi, found_by_quote)
            add(first, "first-cue")
        colon = _colon_intro(doc, text, q.start, pi)
        if colon is not None:
            cp = para_of(colon)
            cs = max(sent_of(colon)[0], doc.paragraphs[cp][0], colon - CUE_WINDOW)
            found = _before(res, text, cs, colon, cp, found_by_quote)
            if found is None:
                intro = text[cs:colon]
                if 0 < len(intro.split()) <= 6:
                    found = res.phrase(cs, colon, cp)
                else:  # "Donald Trump issued the following statement:"
                    found = _main_clause_name(res, _chunks_before(text, cs, colon), colon)
            add(found, "colon")
            add(_lead_in_owner(doc, res, text, cs, colon, cp), "lead-in-owner")
        cs_, ce_ = _chunks_before(text, s_start, q.start)[0]
        words = text[cs_:ce_].split()
        if words and words[0].lower() in _PRONOUNS and len(words) <= 3:
            pos = cs_ + text[cs_:ce_].index(words[0])
            add(res.pronoun(words[0].lower(), pi, pos), "pronoun")
        known = res.speakers  # read before this quote's speaker joins it
        people: dict[str, tuple[int, int, SpeakerEntry]] = {}
        for ms, me, ent in res.names_in(s_start, q.start):
            if _POSSESSIVE_NEXT.match(text, me, me + 2) or ent.name in gaz.cue_only:
                continue
            add(_entry_found(ent, ms, me), "sentence-name")
            if ent.kind == "person" or ent.name in known:
                people[ent.name] = (ms, me, ent)
        if len(people) == 1:
            ms, me, ent = next(iter(people.values()))
            add(_entry_found(ent, ms, me), "sentence-subject")
        found = res.first_name(s_start, q.start)
        if found is not None and found.name in gaz.cue_only:
            found = None
        apposed = found is not None and found.end is not None and text.startswith(",", found.end)
        add(found, "sentence-first", mark="sentence-first&apposed" if apposed else None)
        # "Arturo Sarukhán … said Mexico must rebut Trump's claims. The new strategy is a
        # “very welcome tack,” he said.": the speaker of reported speech just before
        for back in range(1, _CUE_SENTENCES + 1):
            if si - back < 0:
                break
            a, b = doc.sentences[si - back]
            sp = para_of(a)
            if pi - sp > 1:
                break
            a = max(a, doc.paragraphs[sp][0], b - CUE_WINDOW)
            if (a, b) not in reported:  # the quotes of a sentence share their earlier ones
                reported[a, b] = _before(res, text, a, b, sp, found_by_quote)
            add(reported[a, b], "earlier-cue", pi - sp, back)
        if last_direct is not None and pi - last_direct[0] <= _MAX_GAP:
            prev = last_direct[1]
            gap = pi - last_direct[0]
            add(_Found(prev.name, prev.kind, prev.affiliation, None, None), "continuation", gap)
            cont = cands[prev.name]
            cont.head_conf = last_conf
            between = text[last_end : q.start].split(None, _ADJACENT_WORDS) if gap == 1 else ()
            cont.adjacent = gap == 1 and len(between) <= _ADJACENT_WORDS
            document = _is_document(prev.name)
            cont.run = "colon" if colon_run else "document" if document else None
            # no cue from the end of the previous quote's sentence up to this quote (the
            # cues of this quote's sentence are found once, by ``res.verbs``)
            a = min(sent_of(last_end - 1)[1], q.start)
            cont.quiet = not (
                any(v[0] >= a for v in verbs)
                or _according(text, max(a, s_start), q.start)
                or (a < s_start and _has_cue(res, a, s_start))
            )

        opens = is_blank(text, p_start, q.start)
        cl = list(cands.values())
        for c in cl:
            c.known = c.found.name in known
        scored = []
        ctx = _QuoteContext.of(cl, opens)
        for c in cl:
            feats = _features(c, ctx)
            scored.append((model._probability(feats), c, feats))
        if trace is not None:
            trace.append((q, [(c.found.name, dict(feats)) for _, c, feats in scored]))
        best = max(scored, key=itemgetter(0), default=None)
        found = None
        if best is not None:
            # the best guess is remembered whatever the threshold (the threshold only
            # decides what is reported), so one run gives the trade-off at every threshold
            prob, c, _ = best
            rule = RULES[c.rank]
            found = res.fullest(c.found)
            res.history.append((pi, found))
            res.speakers.add(found.name)
            same = last_direct is not None and last_direct[1].name == found.name
            cued = bool(c.rules & _CUE_RULES)
            # a run of quotes of one speaker: its head is the last quote with a cue
            colon_run = rule in ("colon", "lead-in-owner") or (same and not cued and colon_run)
            if cued or not same:
                last_conf = prob
            last_direct, last_end = (pi, found), q.end
        if best is not None and found is not None and prob >= model.threshold:
            nq = replaced(
                q,
                speaker=found.name,
                affiliation=found.affiliation,
                speaker_kind=found.kind,
                rule=rule,
                speaker_start=found.start,
                speaker_end=found.end,
                speaker_confidence=round(prob, 4),
            )
        else:
            conf = round(best[0], 4) if best is not None else 0.0
            nq = replaced(
                q,
                speaker=None,
                affiliation=None,
                speaker_kind=None,
                rule=None,
                speaker_confidence=conf,
            )
        found_by_quote.append((nq, found))  # the best guess, given or not
        out.append(nq)
    return out


# a speaker that is a text (a statement, a report, an ad): its quotes run on without cues
_DOCUMENT_RE = re.compile(
    r"(?i)\b(?:statement|declaration|communiqu[eé]|resolution|letter|report|memo|release|"
    r"ad|advert|video|poll|survey|study|editorial|article|book|transcript|complaint|email)s?$"
)


@lru_cache(maxsize=4096)
def _is_document(name: str) -> bool:
    """Whether a speaker's name is that of a text (:data:`_DOCUMENT_RE`): asked for the
    same few names quote after quote."""
    return _DOCUMENT_RE.search(name) is not None


_POSSESSIVE_WORK_RE = re.compile(
    r"(?i)\b(his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:commentary|statement|remarks|speech|"
    r"article|op-ed|letter|message|words|address|interview|post|tweet|essay|column|"
    r"testimony|declaration|announcement|memo|book)\b"
)


def _lead_in_owner(doc: Doc, res: _Resolver, text: str, cs: int, colon: int, cp: int):
    """The owner of a possessive lead-in (``… published his commentary, titled: “…,”
    stressing:``), looked for in the colon's sentence and, when that paragraph holds
    only a title and the cue, in the paragraph before it if it ends with a colon."""
    regions = [(cs, colon, cp)]
    if cp > 0 and len(re.findall(r"[A-Za-z]+", text[cs:colon])) <= 3:
        a, b = doc.paragraphs[cp - 1]
        if doc.clean[a:b].rstrip().endswith(":"):
            regions.append((a, b, cp - 1))
    for s, e, p in regions:
        for m in reversed(list(_POSSESSIVE_WORK_RE.finditer(text, s, e))):
            word = m.group(1).lower()
            pron = {"his": "he", "her": "she", "their": "they", "its": "it"}[word]
            if pron in ("he", "she"):
                sent = doc.sentences[doc.sentence_from(m.start())][0]
                first = [n for n in res.names_in(max(sent, s), m.start()) if n[2].kind == "person"]
                if first:  # the first person of the sentence (its subject or topic)
                    ms, me, ent = first[0]
                    return _entry_found(ent, ms, me)
            return res.pronoun(pron, p, m.start(1))
    return None


_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|[A-Z])\."
_NP_CHAR = r"(?:" + _ABBR + r"|[^,.;:!?\n“”\"«»()–—‖])"
_AFTER_RE = re.compile(
    r"[\s,]*(?:(?P<v1>" + _VERB_CS.pattern + r")\s+(?P<p1>" + _NP_CHAR + r"{1,80}?)"
    r"(?=\s*(?:[,.;:!?\n“”\"«»()–—‖]|$)|\s+(?:in|on|at|during|after|before|when|while|to|as|"
    r"who|about|last|this|yesterday|today|earlier|later|on)\b)"
    r"|(?P<p2>"
    + _NP_CHAR
    + r"{1,80}?)(?:,[^,;:!?\n“”\"«»‖]{1,120},|\s*\([DRI](?:-[A-Z][A-Za-z.]{0,12})?\),?)?\s+"
    + r"(?P<v2>"
    + _VERB.pattern
    + r")(?![\w-])"
    r"|according\s+to\s+(?P<p3>" + _NP_CHAR + r"{1,80}))"
)


def _may_follow(res: _Resolver, pos: int, limit: int) -> bool:
    """False when ``_AFTER_RE`` cannot match ``text[pos:limit]``: each of its branches
    holds a ``_VERB_CS`` match or the words *according to*, and the stretch has neither.
    Three in five stretches after a quote in the benchmark's articles have neither, and
    the two searches rule them out faster than the pattern fails. No match of the
    pattern holds a masked quote (``‖``), so both look only up to the next one."""
    text = res.text
    q = text.find(_QMARK, pos, limit)
    if q >= 0:
        limit = q
    return text.find("according", pos, limit) >= 0 or res.has_verb(pos, limit, cue=False)


def _after(res: _Resolver, text: str, pos: int, limit: int, pi: int) -> _Found | None:
    m = _AFTER_RE.match(text, pos, limit) if _may_follow(res, pos, limit) else None
    if not m:
        return None
    for g in ("p1", "p2", "p3"):
        if m.group(g) is not None:
            s, e = m.span(g)
            if g == "p2" and len(text[s:e].split()) > 8:
                return None
            if g == "p1":  # "said Xi, the leader" / "said Xi Tuesday night"
                found = res.phrase(s, e, pi)
                words = _CAPITAL_WORDS.match(text, s, e)
                if found is None and words:
                    found = res.phrase(s, words.end(), pi)
                return found or res.nominal(s, e)
            return res.phrase(s, e, pi) or res.nominal(s, e)
    return None


def _before(res, text, s_start, q_start, pi, found_by_quote) -> _Found | None:
    """Speech verb (or "according to") before the quote in its sentence."""
    verbs = res.verbs(s_start, q_start)
    acc = _according(text, s_start, q_start)
    acc_pos = acc[-1].end() if acc else -1
    vpos = verbs[-1][0] if verbs else -1
    if acc_pos > vpos:
        m = _ACCORDING_PHRASE.match(text, acc_pos, q_start)
        if m:
            return res.phrase(acc_pos, m.end(), pi)
    if not verbs:
        return None
    vs, ve = verbs[-1]
    verb = text[vs:ve]
    chunks = _chunks_before(text, s_start, vs)
    cs, ce = chunks[0]
    words = text[cs:ce].split()  # only the first and last are read, stripped
    first = _strip_punct(words[0]).lower() if words else ""
    found = _appositive_owner(res, text, chunks, 0, pi)
    if found:
        return found
    if (
        len(words) > 1
        and _strip_punct(words[-1]).lower() in _PARTICIPLE_LEAD
        and verb.endswith("ing")
    ):
        found = res.first_name(cs, vs)  # "X deflected questions about Y before saying"
        if found:
            return found
    found = res.phrase(cs, ce, pi) if words else None
    if found:
        return found
    # verb before its subject: "said Xi: “…”"
    rest = text[ve:q_start]
    # after "told", "asked", "urged" … comes the addressee ("telling the crowd, “…”")
    after = None if _ADDRESSEE_VERB.fullmatch(verb.lower()) else _subject_after(rest)
    if after:
        found = res.phrase(ve + after.start(1), ve + after.end(1), pi)
        # a description after the verb is its subject only before a comma or colon
        # ("said the spokesman: “…”", not "said the emails were “…”")
        punct = rest.rstrip().endswith((",", ":"))
        if found and (found.kind != "unnamed" or punct):
            found.mark = None if punct else "before&object"
            return found
    if first in _NOMINAL_LEAD:
        return res.nominal(cs, ce)  # "the spokesman said": a subject that names nobody
    if not words:  # "…, adding:" takes an earlier quote's speaker in the sentence
        for pq, pf in reversed(found_by_quote):  # in text order: stop before the sentence
            if pq.start < s_start:
                break
            if pf is not None:
                return _Found(pf.name, pf.kind, pf.affiliation, None, None)
    # "Perez hammered Trump, calling him …": a participle's subject is the main clause's
    if not words and verb.lower().endswith("ing") and len(chunks) > 1:
        found = _main_clause_name(res, chunks[1:], vs)
        if found:
            return found
    # "Putin, however, said" / "Smith, a senator, said": walk back over asides
    for k in (1, 2):
        if k < len(chunks) and text[slice(*chunks[k])].split():
            found = _appositive_owner(res, text, chunks, k, pi) or res.phrase(*chunks[k], pi)
            if found:
                found.mark = "before&aside"
                return found
    return None


def _main_clause_name(res: _Resolver, chunks, end: int) -> _Found | None:
    """The first name of the first clause among ``chunks`` (nearest the end first, as
    :func:`_chunks_before` gives them) that names someone, up to ``end``: the subject
    of the main clause past openers that name no one (``In 2016, X endorsed …``)."""
    for a, _ in reversed(chunks):
        found = res.first_name(a, end)
        if found:
            return found
    return None


_PARTICIPLE_LEAD = frozenset(["before", "after", "while", "when", "by", "without", "since"])


def _appositive_owner(res: _Resolver, text: str, chunks, k: int, pi: int) -> _Found | None:
    """The name before an aside: chunk ``k`` opens with *a*, *the*, *who* … and chunk
    ``k + 1`` is a short name (``Brian Fallon, a spokesman for the campaign, said``)."""
    words = text[slice(*chunks[k])].split()
    if k + 1 >= len(chunks) or not words:
        return None
    if _strip_punct(words[0]).lower() not in _DETERMINERS | {"who", "whose"}:
        return None
    ps, pe = chunks[k + 1]
    head = text[ps:pe].split()
    if not 0 < len(head) <= 5 or _strip_punct(head[0]).lower() in _FUNCTION:
        return None
    found = res.phrase(ps, pe, pi)
    return found if found and found.kind in ("person", "unknown") else None


_ADDRESSEE_VERB = re.compile(
    r"(?:tell|ask|warn|urge|remind|assure|inform)(?:s|ed|ing)?|told|urg(?:es|ed|ing)"
)
_SUBJECT_AFTER_RE = re.compile(r"\s+([^,;:\n()–—]{1,60}?)\s*[,:]?\s*$")


def _subject_after(rest: str) -> re.Match[str] | None:
    """``_SUBJECT_AFTER_RE.match(rest)``: a short subject between a verb and the quote.

    A match needs the text between the leading white space and the trailing
    ``\\s*[,:]?\\s*`` to be at most 60 characters; longer ones are ruled out without
    the regular expression, which backtracks for long (e.g. masked) stretches.
    """
    core = rest.rstrip()
    if core[-1:] in (",", ":"):
        core = core[:-1].rstrip()
    if len(core) - (len(rest) - len(rest.lstrip())) > 60 or len(core.split()) > 6:
        return None  # "said Thursday his biggest worry about Trump is that he is …"
    return _SUBJECT_AFTER_RE.match(rest)


def _colon_intro(doc: Doc, text: str, q_start: int, pi: int) -> int | None:
    """Offset of the colon introducing a quote that opens paragraph ``pi``."""
    if pi == 0 or not is_blank(text, doc.paragraphs[pi][0], q_start):
        return None
    a, b = doc.paragraphs[pi - 1]
    if doc.clean[a:b].rstrip().endswith(":"):
        return a + doc.clean[a:b].rstrip().rfind(":")
    return None
