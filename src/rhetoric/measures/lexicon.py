"""Word lists ("dictionaries") matched against a tokenised article.

A :class:`Lexicon` is a table of entries ``term, category, strength, note`` (CSV data, the
format LIWC-style dictionary users know) and a matcher that finds the entries in a
:class:`~rhetoric.text.tokens.Doc`. Matching rules:

* **Word boundaries.** Terms match whole words of the Doc (never the inside of a word).
  A hyphenated word (``war-making``) also offers its parts: ``making`` matches inside
  ``war-making``, and the reported span is widened to the whole hyphenated word. This
  part-splitting is the one sub-word operation the matcher does.
* **Hyphens.** A space in a term also matches a hyphen in the text (``war making
  machine`` matches "war-making machine"), but a hyphen in a term requires a hyphen or
  nothing (``cover-up`` matches "cover-up" and "coverup", not the verb "cover up"); a
  one-word term also matches the same letters written with hyphens (``warmonger``
  matches "war-monger").
* **Multi-word expressions** match consecutive words of one sentence separated only by
  white space (no punctuation in between). Overlapping candidates are resolved by
  *longest match wins* (most words, then most characters, then exact before wildcard,
  then the higher strength).
* **Wildcards.** A trailing ``*`` on a term word matches any word starting with it
  (``imperial*`` matches "imperial", "imperialism", "imperialists").
* **Case.** Matching ignores case, with one exception for acronyms: a term word written
  in capitals (``US``, ``RINO``) matches only that spelling, and a text word of two to
  four capital letters ("US", "WHO", "IT") matches only such capitalised terms, so the
  pronoun entry ``us`` never matches the country "US".
* **Apostrophes.** Curly and straight apostrophes are the same; a possessive ``'s``
  is ignored ("Washington's" matches ``washington``).
* **Inflections.** A term word in its base form also matches regular inflections:
  plural and third person ``-s``/``-es``/``-ies``, ``-ed``/``-ied``, ``-ing`` (with
  dropped ``e`` and doubled consonants), and ``-er``/``-est``. Irregular forms and
  derivations (``-ly``, ``-ness``) must be listed or written with a wildcard.

Lexicons combine like sets: ``a | b`` (entries of both; ``b`` wins on the same term),
``a - ["term", ...]`` (drop terms), ``a.select(["fear"])`` (keep categories).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress
from operator import itemgetter
from os import PathLike
from typing import Any

from rhetoric.datafiles import csv_rows, package_csv_rows
from rhetoric.frozen import build
from rhetoric.text.tokens import Doc, WordCache

__all__ = ["Lexicon", "LexiconEntry", "LexiconMatch", "normalize_term"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_HYPHENS = str.maketrans({"‐": "-", "‑": "-"})


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _norm_token(token: str) -> str:
    """Lower-case a term word unless it is an acronym; unify apostrophes."""
    token = token.translate(_APOSTROPHES)
    star = token.endswith("*")
    core = token.rstrip("*")
    core = core if _is_acronym(core) else core.lower()
    return core + ("*" if star else "")


def normalize_term(term: str) -> str:
    """The key under which a term is stored: words joined by single spaces.

    Apostrophes are straight, hyphens plain, and every word except acronyms (``US``)
    is lower-cased: ``normalize_term("War-Making  Machine")`` is ``"war-making machine"``.
    """
    tokens = []
    for token in term.translate(_HYPHENS).split():
        pieces = [_norm_token(p) for p in token.split("-") if p]
        if pieces:
            tokens.append("-".join(pieces))
    return " ".join(tokens)


_VOWELS = "aeiouy"


def _needs_e(stem: str) -> bool:
    """A one-syllable stem ending vowel + consonant ("rat" of "rated") whose base is
    ``stem + "e"``: English doubles that consonant when the base itself ends there
    ("ratted"), so the bare stem is not offered."""
    if len(stem) < 2 or stem[-1] in _VOWELS + "wx" or stem[-2] not in _VOWELS:
        return False
    groups = re.findall(r"[aeiouy]+", stem)
    return len(groups) == 1 and len(groups[0]) == 1


def _bases(word: str) -> set[str]:
    """Candidate base forms of a (normalised) text word, the word itself included.

    Suffix stripping without a dictionary, so it over-generates; a candidate only
    matters if it is also a lexicon term.
    """
    out = {word}
    if word.endswith("'s") and len(word) > 2:
        word = word[:-2]
        out.add(word)
    elif word.endswith("'"):
        word = word[:-1]
        out.add(word)
    n = len(word)

    def stem(b: str) -> None:
        out.add(b + "e")
        if len(b) > 2 and b[-1] == b[-2]:  # "stopped" -> "stop"; "stalled" keeps "stall"
            out.add(b[:-1])
        if not _needs_e(b):
            out.add(b)

    if n > 3 and word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1])
        if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
            out.add(word[:-2])
        if n > 4 and word.endswith("ies"):
            out.add(word[:-3] + "y")
    if n == 4 and word.endswith("ed"):  # "lied" -> "lie", "used" -> "use" (never "us")
        out.add(word[:-1])
    if n > 4 and word.endswith("ed"):
        stem(word[:-2])
        if word.endswith("ied"):
            out.add(word[:-3] + "y")
    if n > 5 and word.endswith("ing"):
        stem(word[:-3])
    if n > 4 and word.endswith("ying"):  # "lying" -> "lie"
        out.add(word[:-4] + "ie")
    if n > 4 and word.endswith("er"):
        stem(word[:-2])
        if word.endswith("ier"):
            out.add(word[:-3] + "y")
    if n > 5 and word.endswith("est"):
        stem(word[:-3])
        if word.endswith("iest"):
            out.add(word[:-4] + "y")
    return out


@dataclass(frozen=True)
class LexiconEntry:
    """One row of a lexicon: ``strength`` is 1 (mild), 2 (clear) or 3 (strong)."""

    term: str
    category: str
    strength: float = 1.0
    note: str = ""

    @property
    def key(self) -> str:
        return normalize_term(self.term)

    @property
    def is_wildcard(self) -> bool:
        return "*" in self.term


@dataclass(frozen=True)
class LexiconMatch:
    """A lexicon term found in a Doc; ``start``/``end`` index ``doc.text``.

    ``first_word``/``last_word`` are the half-open range of Doc word indices covered.
    """

    start: int
    end: int
    text: str
    term: str
    category: str
    strength: float
    first_word: int
    last_word: int


class _Node:
    """A trie node; ``*_cs`` tables hold acronym words, matched case-sensitively."""

    __slots__ = ("exact", "exact_cs", "prefix", "prefix_cs", "entries", "longest_prefix")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.exact_cs: dict[str, _Node] = {}
        self.prefix: dict[str, _Node] = {}
        self.prefix_cs: dict[str, _Node] = {}
        self.entries: list[LexiconEntry] = []
        self.longest_prefix = 0  # the longest key of prefix / prefix_cs


@lru_cache(maxsize=100_000)
def _forms(raw: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Case-folded and exact-case base forms of one word (or hyphen part), cached.

    A short all-capitals word ("US", "NATO") has no case-folded forms, so it cannot
    match a lower-case term ("us").
    """
    short_caps = _is_acronym(raw) and sum(c.isalpha() for c in raw) <= 4
    lower = () if short_caps else tuple(sorted(_bases(raw.lower())))
    return lower, tuple(sorted(_bases(raw)))  # sorted: ties break the same in every run


def _word_pieces(word: str) -> tuple[tuple[int, int, tuple[str, ...], tuple[str, ...]], ...]:
    """The hyphen parts of one word as (start, end) offsets into it and their forms."""
    out = []
    pos = 0
    for piece in word.split("-"):
        s, e = pos, pos + len(piece)
        pos = e + 1
        raw = piece.translate(_APOSTROPHES).replace("(", "").replace(")", "")
        if not raw:
            continue
        lower, exact = _forms(raw)
        out.append((s, e, lower, exact))
    return tuple(out)


_WORD_PIECES = WordCache(_word_pieces, 100_000)
_MAX_CHILDREN_CACHE = 500_000
_NO_START: tuple[tuple, ...] = ()  # in Lexicon._root_steps: no term starts in this word


def _clean_word(joined: str) -> str:
    return joined.translate(_APOSTROPHES).replace("(", "").replace(")", "")


def _children(
    node: _Node, lower: tuple[str, ...], exact: tuple[str, ...], raw: str, joined: bool
) -> tuple[_Node, ...]:
    """The trie children of ``node`` that one step matches, in matching order, each once.

    ``lower``/``exact`` are the step's base forms, ``raw`` its text (for wildcard
    prefixes), ``joined`` whether it follows a hyphen inside one word (then keys with
    a leading ``-`` match too).
    """
    marks = ("", "-") if joined else ("",)
    children = []
    for mark in marks:
        children += [node.exact[k] for f in lower if (k := mark + f) in node.exact]
        children += [node.exact_cs[k] for f in exact if (k := mark + f) in node.exact_cs]
    if node.prefix or node.prefix_cs:
        raw = raw.translate(_APOSTROPHES)
        raw = raw.replace("-", "").replace("(", "").replace(")", "")
        raw_lower = raw.lower()
        for mark in marks:  # no key is longer than longest_prefix: look no further
            for k in range(1, min(len(raw), node.longest_prefix) + 1):
                if lower and (key := mark + raw_lower[:k]) in node.prefix:
                    children.append(node.prefix[key])
                if (key := mark + raw[:k]) in node.prefix_cs:
                    children.append(node.prefix_cs[key])
    seen: set[int] = set()
    out = []
    for child in children:
        if id(child) not in seen:
            seen.add(id(child))
            out.append(child)
    return tuple(out)


class Lexicon:
    """A dictionary of loaded terms with categories, strengths and notes.

    Build one with :meth:`from_csv`, :meth:`from_frame`, :meth:`from_terms` or
    :meth:`default`; find its terms in a Doc with :meth:`match`.
    """

    def __init__(self, entries: Iterable[LexiconEntry] = (), name: str = "custom") -> None:
        by_key: dict[str, LexiconEntry] = {}
        for entry in entries:
            if not normalize_term(entry.term).replace("*", "").strip():
                continue
            by_key[entry.key] = entry  # a later entry for the same term wins
        self._entries: tuple[LexiconEntry, ...] = tuple(by_key.values())
        self.name = name

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]], name: str = "custom") -> Lexicon:
        """Entries from mappings with keys ``term``, ``category`` and optionally
        ``strength`` (default 1) and ``note``. Rows whose term starts with ``#`` are skipped."""
        entries = []
        for i, row in enumerate(rows):
            term = str(row.get("term") or "").strip()
            if not term or term.startswith("#"):
                continue
            category = str(row.get("category") or "").strip()
            if not category:
                raise ValueError(f"row {i + 1} ({term!r}) has no category")
            raw_strength = row.get("strength")
            try:
                strength = float(raw_strength) if str(raw_strength or "").strip() else 1.0
            except ValueError as err:
                raise ValueError(f"row {i + 1} ({term!r}): bad strength {raw_strength!r}") from err
            note = str(row.get("note") or "").strip()
            entries.append(LexiconEntry(term, category, strength, note))
        return cls(entries, name=name)

    @classmethod
    def from_csv(
        cls, path: str | PathLike[str] | io.TextIOBase, name: str | None = None
    ) -> Lexicon:
        """Read a CSV with the header ``term,category[,strength][,note]``."""
        label = name or ("custom" if isinstance(path, io.TextIOBase) else str(path))
        return cls.from_rows(csv_rows(path, required=("term", "category")), name=label)

    @classmethod
    def from_frame(cls, frame: Any, name: str = "custom") -> Lexicon:
        """Entries from a DataFrame with the CSV's columns."""
        return cls.from_rows(frame.to_dict("records"), name=name)

    @classmethod
    def from_terms(
        cls,
        terms: Mapping[str, str] | Iterable[str],
        category: str = "custom",
        strength: float = 1.0,
    ) -> Lexicon:
        """A quick lexicon: ``{term: category}`` or a list of terms in one category."""
        if isinstance(terms, Mapping):
            pairs = list(terms.items())
        else:
            pairs = [(t, category) for t in terms]
        return cls(LexiconEntry(t, c, strength, "") for t, c in pairs)

    @classmethod
    def default(cls) -> Lexicon:
        """The packaged loaded-language lexicon (``rhetoric/data/loaded_lexicon.csv``)."""
        return _default_lexicon()

    # -- set algebra ---------------------------------------------------------------------
    def __or__(self, other: Lexicon) -> Lexicon:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return Lexicon(self._entries + other._entries, name=f"{self.name}|{other.name}")

    def __sub__(self, terms: Lexicon | str | Iterable[str]) -> Lexicon:
        """Drop terms, compared case-insensitively after :func:`normalize_term`."""
        if isinstance(terms, Lexicon):
            drop = {e.key.lower() for e in terms._entries}
        elif isinstance(terms, str):
            drop = {normalize_term(terms).lower()}
        else:
            drop = {normalize_term(t).lower() for t in terms}
        return Lexicon((e for e in self._entries if e.key.lower() not in drop), name=self.name)

    def select(self, categories: str | Iterable[str]) -> Lexicon:
        """Only the entries of the given categories."""
        keep = {categories} if isinstance(categories, str) else set(categories)
        return Lexicon((e for e in self._entries if e.category in keep), name=self.name)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self._entries)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and normalize_term(term) in self._keys

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and set(self._entries) == set(other._entries)

    def __hash__(self) -> int:
        return hash(frozenset(self._entries))

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r}, {len(self)} entries, categories={self.categories})"

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(e.key for e in self._entries)

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        return self._entries

    @property
    def categories(self) -> list[str]:
        """Categories in order of first appearance."""
        return list(self._categories)

    @cached_property
    def _categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.category for e in self._entries))

    def get(self, term: str) -> LexiconEntry | None:
        key = normalize_term(term)
        return next((e for e in self._entries if e.key == key), None)

    def to_frame(self) -> Any:
        """The entries as a DataFrame with columns term, category, strength, note."""
        import pandas as pd

        return pd.DataFrame(
            [(e.term, e.category, e.strength, e.note) for e in self._entries],
            columns=["term", "category", "strength", "note"],
        )

    def to_csv(self, path: str | PathLike[str]) -> None:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["term", "category", "strength", "note"])
            for e in self._entries:
                writer.writerow([e.term, e.category, f"{e.strength:g}", e.note])

    # -- matching ------------------------------------------------------------------------
    @cached_property
    def _children_cache(self) -> dict[tuple[_Node, str, str | None, bool], tuple[_Node, ...]]:
        """Trie steps already taken, by (node, part text, whole word, after a hyphen):
        what a step matches depends only on the node and the text."""
        return {}

    @cached_property
    def _step_cache(self) -> dict[tuple[_Node, str, int, bool], tuple]:
        """Trie steps over a part of a word, by (node, word text, part, joined)."""
        return {}

    @cached_property
    def _dead_starts(self) -> set[tuple[str, str | None]]:
        """Pairs (word text, next word text, None at the Doc's end) where the search from
        a word of one part finds no term and stacks no step: what it finds depends only
        on the two texts, so :meth:`match` skips such a start at once."""
        return set()

    @cached_property
    def _settled_starts(
        self,
    ) -> dict[tuple[str, str | None], tuple[tuple[tuple, LexiconEntry], ...]]:
        """Pairs (word text, next word text, None at the Doc's end) where the search
        from a word of one part finds terms of that word alone and stacks no step, with
        the candidates it found (each as its rank without the position, the word and
        part, the word's first, and its entry), which :meth:`match` takes at once."""
        return {}

    @cached_property
    def _root_steps(self) -> WordCache:
        """Per word text, :meth:`_first_steps`."""
        return WordCache(self._first_steps, _MAX_CHILDREN_CACHE)

    @cached_property
    def _trie(self) -> _Node:
        root = _Node()
        for entry in self._entries:
            tokens = entry.key.split(" ")
            keys = []  # trie keys: a word after a hyphen must follow one ("-be")
            for tok in tokens:
                pieces = tok.split("-")
                keys += [pieces[0]] + ["-" + p for p in pieces[1:]]
            variants = [keys]
            if any("-" in t for t in tokens) and "*" not in entry.key[:-1]:
                variants.append([t.replace("-", "") for t in tokens])  # "so-called": "socalled"
            for toks in variants:
                node = root
                for tok in toks:
                    core = tok.rstrip("*")
                    if tok.endswith("*"):
                        table = node.prefix_cs if _is_acronym(core) else node.prefix
                        node.longest_prefix = max(node.longest_prefix, len(core))
                    else:
                        table = node.exact_cs if _is_acronym(core) else node.exact
                    node = table.setdefault(core, _Node())
                node.entries.append(entry)
        return root

    def _steps(
        self,
        node: _Node,
        word: str,
        pcs: tuple[tuple[int, int, tuple[str, ...], tuple[str, ...]], ...],
        k: int,
        joined: bool | str,
    ) -> list:
        """The trie children one step from ``node`` over part ``k`` of a word (its text
        and :func:`_word_pieces`) reaches, with whether the step took the whole word:
        the part alone, and for the first part of a hyphenated word also the whole word.
        ``joined``: whether a hyphen inside the word leads to the part."""
        cache = self._children_cache
        start, end, lower, exact = pcs[k]
        steps: list[str | None] = [None]
        if k == 0 and len(pcs) > 1:  # the hyphenated word as one
            whole = word[pcs[0][0] : pcs[-1][1]]
            joined = "".join(whole.split("-"))
            steps.append(whole)
        out = []
        for whole_word in steps:
            marks = bool(joined) and whole_word is None
            key = (node, word[start:end], whole_word, marks)
            children = cache.get(key)
            if children is None:
                forms = _forms(_clean_word(str(joined))) if whole_word else (lower, exact)
                children = _children(node, *forms, whole_word or key[1], marks)
                if len(cache) >= _MAX_CHILDREN_CACHE:
                    cache.clear()
                cache[key] = children
            out.append((children, whole_word is not None))
        return out

    def _first_steps(self, word: str) -> tuple[tuple, ...]:
        """The first steps from the trie's root over each hyphen part of a word, as
        :meth:`match` stacks them (:data:`_NO_START` when no part has one)."""
        pcs = _WORD_PIECES[word]
        root = self._trie
        first = tuple(
            tuple(s for s in self._steps(root, word, pcs, k, False) if s[0])
            for k in range(len(pcs))
        )
        return first if any(first) else _NO_START

    def match(self, doc: Doc) -> list[LexiconMatch]:
        """All non-overlapping matches of the lexicon in ``doc``, in text order.

        See the module docstring for the matching rules. Each match is widened to whole
        Doc words and reports the word range it covers.

        The search walks *parts*: the hyphen parts of each word, in text order (a
        position is a word and the number of a part in it). A step from a trie node
        over a part depends only on the node, the word's text, the part's number and
        whether a hyphen inside the word led to it, so steps are cached on those.
        """
        if not self._entries or not doc.words:
            return []
        text, clean, words = doc.text, doc.clean, doc.words
        sentence_of = doc.word_sentence
        n_words = len(words)
        texts = doc.word_texts
        pieces = _WORD_PIECES.__getitem__  # (start, end, lower, exact) per part of a word text
        step_cache = self._step_cache
        if len(step_cache) >= _MAX_CHILDREN_CACHE:
            step_cache.clear()

        def next_word(w: int) -> int:
            """The next word after ``w`` with a part (``n_words`` when none is left)."""
            w += 1
            while w < n_words and not pieces(texts[w]):
                w += 1
            return w

        # The first steps from the root over each part: they depend only on the word's
        # text, so they are worked out once per word type (falsy where none starts).
        known = list(map(self._root_steps.__getitem__, texts))
        dead, settled = self._dead_starts, self._settled_starts
        if len(dead) >= _MAX_CHILDREN_CACHE:
            dead.clear()
        if len(settled) >= _MAX_CHILDREN_CACHE:
            settled.clear()
        # the words where a term may start, less the dead starts (keyed by the next word)
        following = texts[1:] + (None,)
        todo = [w for w in compress(range(n_words), known) if (texts[w], following[w]) not in dead]
        # candidates: (rank, entry, first word, last word); the rank orders them longest
        # first (most parts, then most characters), exact before wildcard, strongest
        # first, then in text order (first word, its first part taken)
        candidates: list[tuple[tuple, LexiconEntry, int, int]] = []
        for w0 in todo:
            first_steps = known[w0]
            pair = None
            if len(first_steps) == 1 and next_word(w0) == w0 + 1:
                # one part, and the next word has one: the two texts decide the rest
                pair = (texts[w0], following[w0])
                found = settled.get(pair)
                if found is not None:  # the candidates a search from here finds
                    candidates += [(head + (w0, 0), entry, w0, w0) for head, entry in found]
                    continue
                n_found = len(candidates)
            pushed = False
            for k0, steps0 in enumerate(first_steps):
                if not steps0:
                    continue  # no term starts with this part: the search finds nothing
                start = words[w0][0] + pieces(texts[w0])[k0][0]
                # (steps that reach a child over part k of word w, w, k, the part before,
                # the parts of the words from w0 to w, w excluded)
                stack: list[tuple[tuple, int, int, int, int, int]] = [(steps0, w0, k0, -1, -1, 0)]
                while stack:
                    steps, w, k, pw, pk, before = stack.pop()
                    parts = pieces(texts[w])
                    if pw >= 0:  # continuing a phrase: same sentence, only space/hyphen between
                        if sentence_of[w] != sentence_of[pw]:
                            continue
                        gap = clean[
                            words[pw][0] + pieces(texts[pw])[pk][1] : words[w][0] + parts[k][0]
                        ]
                        if w == pw:  # reached through a hyphen inside one word
                            if gap != "-":
                                continue
                        elif gap.strip():
                            continue
                    for children, whole in steps:
                        lk = len(parts) - 1 if whole else k  # the last part taken
                        if lk < len(parts) - 1:
                            nw, nk, n_before = w, lk + 1, before
                        else:
                            nw, nk, n_before = next_word(w), 0, before + len(parts)
                        end = words[w][0] + parts[lk][1]
                        n_parts = before + lk + 1 - k0
                        for child in children:
                            for entry in child.entries:
                                rank = (
                                    -n_parts,
                                    start - end,
                                    entry.is_wildcard,
                                    -entry.strength,
                                    w0,
                                    k0,
                                )
                                candidates.append((rank, entry, w0, w))
                            if nw == n_words or not (
                                child.exact or child.prefix or child.exact_cs or child.prefix_cs
                            ):
                                continue  # a leaf, or the last word: the phrase goes no further
                            # the next steps, cached per node, word text, part and whether a
                            # hyphen inside the word leads to it (all a step depends on);
                            # tried before the checks above, and only a step is stacked
                            joined = nw == w
                            key = (child, texts[nw], nk, joined)
                            next_steps = step_cache.get(key)
                            if next_steps is None:
                                next_steps = tuple(
                                    s
                                    for s in self._steps(
                                        child, texts[nw], pieces(texts[nw]), nk, joined
                                    )
                                    if s[0]
                                )
                                step_cache[key] = next_steps
                            if next_steps:
                                stack.append((next_steps, nw, nk, w, lk, n_before))
                                pushed = True
            if pair is not None and not pushed:
                if len(candidates) == n_found:
                    dead.add(pair)
                else:
                    settled[pair] = tuple((c[0][:4], c[1]) for c in candidates[n_found:])
        if not candidates:
            return []

        taken = [False] * n_words
        chosen: list[tuple[int, int, LexiconEntry]] = []
        for _, entry, w0, w_last in sorted(candidates, key=itemgetter(0)):  # ties: as found
            w1 = w_last + 1
            if any(taken[w0:w1]):
                continue
            for w in range(w0, w1):
                taken[w] = True
            chosen.append((w0, w1, entry))
        out = []
        for w0, w1, entry in sorted(chosen, key=itemgetter(0)):
            start, end = words[w0][0], words[w1 - 1][1]
            out.append(
                build(
                    LexiconMatch,
                    start,
                    end,
                    text[start:end],
                    entry.term,
                    entry.category,
                    entry.strength,
                    w0,
                    w1,
                )
            )
        return out


_DEFAULT: Lexicon | None = None


def _default_lexicon() -> Lexicon:
    global _DEFAULT
    if _DEFAULT is None:
        rows = package_csv_rows("loaded_lexicon.csv", required=("term", "category"))
        _DEFAULT = Lexicon.from_rows(rows, name="default")
    return _DEFAULT
