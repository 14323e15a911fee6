"""Known-answer tests for body extraction: which label each line of a page gets.

The pages in ``fixtures/pages/*.ann`` are written for these tests in the shapes of
WordPress (.com and self-hosted), Blogger, Substack, Medium, a news site and an
aggregator. Each line of an ``.ann`` file is ``label|text`` (an empty line is an empty
line of the page); the test writes the page out and checks the label of every
non-blank line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import rhetoric
from rhetoric.text.segments import (
    LABELS,
    SCOPES,
    Segment,
    classify_lines,
    default_patterns,
    mask_outside,
    read_patterns,
    segments_from_lines,
)
from rhetoric.text.tokens import tokenize

PAGES = Path(__file__).parent / "fixtures" / "pages"
ANNOTATED = sorted(PAGES.glob("*.ann"))


def read_annotated(path: Path) -> tuple[list[str], list[str | None]]:
    """The page's lines and the expected label of each (None for blank lines)."""
    lines: list[str] = []
    labels: list[str | None] = []
    for row in path.read_text(encoding="utf-8").split("\n"):
        if row == "":
            lines.append("")
            labels.append(None)
            continue
        label, sep, text = row.partition("|")
        assert sep and label in LABELS, f"{path.name}: bad annotation {row!r}"
        lines.append(text)
        labels.append(label)
    return lines, labels


def write_page(path: Path, tmp_path: Path, newline: str = "\n") -> Path:
    lines, _ = read_annotated(path)
    name = path.name.removesuffix(".ann")
    if "." not in name:
        name += ".txt"
    out = tmp_path / name
    out.write_bytes(newline.join(lines).encode("utf-8"))
    return out


def test_fixtures_cover_every_label_and_shape():
    assert len(ANNOTATED) >= 7
    seen = set()
    for path in ANNOTATED:
        seen.update(label for label in read_annotated(path)[1] if label)
    assert seen == set(LABELS)


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.stem)
def test_page_lines_get_the_annotated_labels(path, tmp_path):
    lines, expected = read_annotated(path)
    article = rhetoric.load(write_page(path, tmp_path))
    got = list(article.lines["label"])
    assert len(got) == len(lines)
    wrong = [
        (n, want, got[n - 1], lines[n - 1])
        for n, want in enumerate(expected, start=1)
        if want is not None and got[n - 1] != want
    ]
    assert wrong == []


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.stem)
def test_crlf_page_gets_the_same_labels_and_body_words(path, tmp_path):
    lf_dir, crlf_dir = tmp_path / "lf", tmp_path / "crlf"
    lf_dir.mkdir()
    crlf_dir.mkdir()
    lf = rhetoric.load(write_page(path, lf_dir))
    crlf = rhetoric.load(write_page(path, crlf_dir, newline="\r\n"))
    assert list(crlf.lines["label"]) == list(lf.lines["label"])
    lf_doc, crlf_doc = tokenize(lf.text, lf.clean), tokenize(crlf.text, crlf.clean)
    lf_words = [lf_doc.word_text(i) for i in range(len(lf_doc.words))]
    crlf_words = [crlf_doc.word_text(i) for i in range(len(crlf_doc.words))]
    assert len(crlf_words) > 20
    assert crlf_words == lf_words
    assert "\r" in crlf.text
    for start, end in crlf_doc.words:  # offsets index the decoded CRLF text
        assert crlf.text[start:end] == crlf.clean[start:end]
        assert "\r" not in crlf.text[start:end]


def labels_of(lines: list[str]) -> list[str]:
    return classify_lines(lines)


PROSE = "The council met on Tuesday and voted to approve the budget for next year."


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the chamber of commerce backed the plan from the start.",
        "By Friday, the deal had collapsed and the ministers went home.",
        "Published reports say the army moved north overnight.",
        "Posted prices rose by a tenth in March, the ministry said.",
        "Two responses to the crisis emerged in Beijing.",
        "No comments on the proposal were received before the deadline.",
        "Share prices fell sharply after the vote.",
        "The ruling turns on an old question of copyright law.",
        "Reporting by the BBC showed that the factory had closed in May.",
        "Related developments in Ottawa were less encouraging.",
    ],
)
def test_adversarial_first_paragraph_stays_body(line):
    assert labels_of(["A Title of Six Words Here", "", line, "", PROSE]) == [
        "title",
        "title",
        "body",
        "body",
        "body",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "A Final Comment",
        "Comments on the proposal",
        "Related developments",
        "Share prices fell sharply after the vote.",
        "the minister added that the plan would be revised.",
        "By contrast, the opposition said nothing at all.",
        "Discussion",
        "Read more about the dispute in our earlier report, which set out the demands.",
    ],
)
def test_adversarial_body_line_stays_body(line):
    labels = labels_of(["A Title of Six Words Here", PROSE, line, PROSE])
    assert labels == ["title", "body", "body", "body"]


def test_lower_case_paragraph_after_an_advertisement_stays_body():
    lines = [PROSE, "Advertisement", "the minister added that the plan would be revised.", PROSE]
    assert labels_of(lines) == ["body", "boilerplate", "body", "body"]


def test_lower_case_line_continues_a_broken_boilerplate_line():
    lines = [
        PROSE,
        "This site contains copyrighted material the use of which has not been",
        "authorized by the copyright owner.",
    ]
    assert labels_of(lines) == ["body", "boilerplate", "boilerplate"]


def test_link_list_inside_an_article_ends_at_the_next_sentence():
    lines = [
        PROSE,
        "Related",
        "Port strike enters third week",
        "Union rejects new pay offer",
        "Talks resume on Monday, a spokesman for the port authority said.",
        "Next steps",
        PROSE,
    ]
    assert labels_of(lines) == [
        "body",
        "boilerplate",
        "boilerplate",
        "boilerplate",
        "body",
        "body",
        "body",
    ]


def test_comment_section_runs_until_the_comment_form():
    lines = [
        PROSE,
        "2 thoughts on “The Budget”",
        "Ann says:",
        "A fine piece. I agree with every word of it.",
        "Leave a Reply",
        "Your email address will not be published.",
    ]
    assert labels_of(lines) == ["body", "comments", "comments", "comments", *["boilerplate"] * 2]


def test_an_extractors_text_keeps_the_lines_under_a_list_header():
    # an HTML extractor has already removed the chrome: the headlines it kept under a
    # news story's "Read more:" are the article's, as are the lines after a section header
    lines = [
        PROSE,
        "Read more:",
        "Tunisia's Islamists get a sobering lesson in governing",
        "Tunisia sends fighters abroad",
    ]
    assert labels_of(lines) == ["body", *["boilerplate"] * 3]
    assert classify_lines(lines, extracted=True) == ["body", "boilerplate", "body", "body"]
    section = [PROSE, PROSE, "About the author", "Ann Lee covers the council for the paper."]
    assert labels_of(section) == ["body", "body", "promo", "promo"]
    assert classify_lines(section, extracted=True) == ["body", "body", "promo", "body"]


def test_header_patterns_count_only_before_the_body():
    lines = ["A Title of Six Words Here", "By Jane Doe", PROSE, "By Jane Doe", "March 3, 2021"]
    assert labels_of(lines) == ["title", "byline", "body", "body", "body"]


def test_site_chrome_before_the_title_and_a_repeated_title():
    lines = [
        "My Small Blog",
        "Menu",
        "Why the Library Lost Its Lawsuit",
        "",
        "Why the Library Lost Its Lawsuit",
        "by Dana Reyes",
        PROSE,
    ]
    assert labels_of(lines) == [
        "boilerplate",
        "boilerplate",
        "title",
        "title",
        "title",
        "byline",
        "body",
    ]


def test_short_title_is_the_longest_header_candidate():
    assert labels_of(["Blog", "Why I Quit", PROSE]) == ["boilerplate", "title", "body"]


def test_subtitle_stays_body_and_author_name_next_to_date_is_byline():
    lines = [
        "What the Budget Speeches Tell Us",
        "A word count of twelve speeches",
        "Jane Doe",
        "Mar 3, 2024",
        PROSE,
    ]
    assert labels_of(lines) == ["title", "body", "byline", "byline", "body"]


def test_text_without_any_chrome_is_all_body():
    lines = [PROSE, "", PROSE, "It was the first budget in years that passed without a fight."]
    assert labels_of(lines) == ["body"] * 4


def test_fixed_labels_win():
    lines = ["Title", "", "Advertisement", "", PROSE]
    assert classify_lines(lines, fixed={0: "title", 4: "comments"}) == [
        "title",
        "title",
        "boilerplate",
        "boilerplate",
        "comments",
    ]


def test_blank_lines_join_the_segment_before_them():
    assert labels_of(["", "", PROSE, "", "Copyright 2021 The Ledger", ""]) == [
        "body",
        "body",
        "body",
        "body",
        "boilerplate",
        "boilerplate",
    ]


def test_segments_are_contiguous_and_cover_the_text():
    text = "Title Words For A Page\n\nProse line one.\r\n© 2021 Someone\n"
    labels = classify_lines(text.split("\n"))
    segments = segments_from_lines(text, labels)
    assert segments == (
        Segment("title", 0, 24),
        Segment("body", 24, 41),
        Segment("boilerplate", 41, 56),
    )
    clean = mask_outside(text, segments)
    assert len(clean) == len(text)
    assert clean == " " * 22 + "\n\n" + "Prose line one.\r\n" + " " * 14 + "\n"


def test_every_shipped_pattern_is_documented_and_valid():
    patterns = default_patterns()
    assert len(patterns) > 40
    for p in patterns:
        assert p.label in LABELS and p.scope in SCOPES
        assert len(p.note) > 5


def test_read_patterns_rejects_an_unknown_label(tmp_path):
    bad = tmp_path / "patterns.csv"
    bad.write_text("label,scope,pattern,note\nads,line,^x$,nothing\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad label or scope"):
        read_patterns(bad)


def test_no_chrome_words_reach_the_doc_of_a_page(tmp_path):
    article = rhetoric.load(write_page(PAGES / "wordpress_com.ann", tmp_path))
    doc = tokenize(article.text, article.clean)
    words = {doc.word_text(i).lower() for i in range(len(doc.words))}
    for chrome in ("reply", "loading", "twitter", "marta", "wordpress", "notify"):
        assert chrome not in words
    assert {"sharply", "province", "contrast"} <= words
    assert not re.search(r"Leave a Reply|Blog at", article.body)


def test_text_of_short_lines_only_stays_body():
    assert labels_of(["Critics called it a reckless plan"]) == ["body"]
    assert labels_of(["Ten ships idle", "", "Port closed for a week"]) == ["body"] * 3


def test_lines_without_words_are_never_the_title():
    assert labels_of(["* * *", "Why I Quit", PROSE]) == ["body", "title", "body"]


def test_a_date_inside_the_comments_does_not_end_them():
    lines = [PROSE, "2 comments:", "Ann said...", "03/04/2021 21:03", "Good piece, thanks."]
    assert labels_of(lines) == ["body", "comments", "comments", "comments", "comments"]


def test_author_and_date_footer_after_the_article_is_byline():
    lines = ["A Title of Six Words Here", PROSE, "Jane Doe", "Tue, 01/10/2023 - 04:20"]
    assert labels_of(lines) == ["title", "body", "byline", "byline"]


def test_tagline_among_navigation_is_not_the_title():
    lines = ["Available for everyone, funded by readers", "Contribute", "News", PROSE[:-1], PROSE]
    assert labels_of(lines) == ["boilerplate", "boilerplate", "boilerplate", "title", "body"]


# -- the literal prefilter of _match -----------------------------------------------------


def test_case_fold_lists_every_character_an_ascii_letter_matches_ignoring_case():
    import string

    from rhetoric.text.segments import _CASE_FOLD

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase:
        found = set(re.compile(letter, re.IGNORECASE).findall(every))
        extra = {c for c in found if not c.isascii()}
        assert found - extra == {letter, letter.upper()}
        assert all(_CASE_FOLD[ord(c)] == letter for c in extra), (letter, extra)
    for c in map(chr, range(128)):  # ASCII non-letters match only themselves
        if not c.isalpha():
            assert re.compile(re.escape(c), re.IGNORECASE).findall(every) == [c]


def test_norm_line_maps_every_matching_character_to_the_literal():
    from rhetoric.text.segments import _literal_char, _norm_line

    shipped = {ch for p in default_patterns() for n in _needs(p) for ch in n}
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for lit in sorted(shipped):
        assert _literal_char(ord(lit)) == lit
        matches = re.compile(re.escape(lit), re.IGNORECASE).findall(every)
        assert matches and all(_norm_line(c) == lit for c in matches), lit
    for c in map(chr, range(0x80, 0x3000)):  # a cased non-ASCII literal is never used
        if c.lower() != c or c.upper() != c:
            assert _literal_char(ord(c)) is None


def _needs(pattern) -> tuple[str, ...]:
    from rhetoric.text.segments import required_literals

    return required_literals(pattern.regex) or ()


def _all_lines() -> list[str]:
    from rhetoric.text.segments import _fold

    lines = []
    for path in sorted(PAGES.iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ann":
            text = "\n".join(read_annotated(path)[0])
        lines += text.split("\n")
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "data" / "raw").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").split("\n")
    return [_fold(line) for line in lines]


def test_required_literals_are_in_every_line_a_pattern_matches():
    from rhetoric.text.segments import _norm_line, required_literals

    assert required_literals(re.compile(r"\bquotes? (?:are )?delayed\b", re.I)) == ("delayed",)
    assert required_literals(re.compile(r"a(?:b|)c|d", re.I)) == ("a", "d")
    assert required_literals(re.compile(r"x?(?:b|)\w+", re.I)) is None
    assert required_literals(re.compile(r"(?:x+|yz)w?", re.I)) == ("x", "yz")
    lines = _all_lines() + [
        "SUBSCRIBE TO MY NEWSLETTER",
        "ſupport my work",
        "Quotes delayed at least 15 minutes",
        "© 2024 Example",
        "Bac\u212a to top",
        "Copyr\u0130ght",
    ]
    checked = 0
    for p in default_patterns():
        needs = required_literals(p.regex)
        if needs is None:
            continue
        for line in lines:
            if p.regex.search(line):
                checked += 1
                assert any(n in _norm_line(line) for n in needs), (p.regex.pattern, line)
    assert checked > 20


def test_prefilter_gives_the_labels_of_running_every_pattern(monkeypatch):
    import rhetoric.text.segments as seg

    pages = [read_annotated(p)[0] for p in ANNOTATED]
    root = Path(__file__).resolve().parents[1]
    pages += [p.read_text(encoding="utf-8").split("\n") for p in (root / "data" / "raw").glob("*")]
    fast = [classify_lines(lines) for lines in pages]

    def every_pattern(line, patterns, in_body):
        if len(line) > seg._MAX_CHROME_CHARS:
            return None
        for p in patterns:
            if not (p.scope == "header" and in_body) and p.regex.search(line):
                return p
        return None

    monkeypatch.setattr(seg, "_match", every_pattern)
    assert [classify_lines(lines) for lines in pages] == fast


def test_match_is_the_first_pattern_that_finds_a_match():
    """``_match`` (combined anchored patterns + literal prefilter) against trying every
    pattern in order, line by line, in the header and in the body, including
    patterns a user adds that cannot be combined (capturing groups, alternation of
    anchors, MULTILINE)."""
    from rhetoric.text.segments import PagePattern, _match, _prepared

    extra = (
        PagePattern("promo", "line", re.compile(r"^(support) my (work)", re.I), ""),
        PagePattern("boilerplate", "line", re.compile(r"^all rights|reserved$", re.I), ""),
        PagePattern("byline", "header", re.compile(r"(?m)^by\s", re.I), ""),
    )
    lines = _all_lines() + [
        "Support my work on Patreon",
        "Some rights reserved",
        "By Jane Doe",
        "Posted by Jane Doe on March 3",
    ]
    # every first character in both cases, none, and non-ASCII ones that fold to ASCII
    # (the combined patterns are chosen by the line's first character)
    lines += [line.upper() for line in lines] + [line.lower() for line in lines]
    lines += ["", " ", "Mon, 3/10/2023 at 9:30 pm", "3/10/2023", "\u017fubscribe", "\u212a"]
    lines += ["\u0130" + line[1:] for line in lines if line[:1] in "iI"]
    hits = 0
    for patterns in (default_patterns(), extra + default_patterns(), default_patterns() + extra):
        prepared = _prepared(patterns)
        assert prepared.combined is not None and len(prepared.searched) < len(patterns)
        for in_body in (False, True):
            for line in lines:
                expected = next(
                    (
                        p
                        for p in patterns
                        if not (p.scope == "header" and in_body) and p.regex.search(line)
                    ),
                    None,
                )
                if len(line) > 3000:
                    expected = None
                assert _match(line, patterns, in_body) is expected, (line, in_body)
                hits += expected is not None
    assert hits > 100


def test_fold_equals_split_and_join():
    import random
    import sys

    from rhetoric.text.segments import _fold

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert all(c == " " or not c.isprintable() for c in spaces)
    rng = random.Random(7)
    alphabet = [*spaces, " ", " ", "a", "B", "é", "“", ".", "\x00", "\u200b"]
    for _ in range(20_000):
        line = "".join(rng.choices(alphabet, k=rng.randrange(8)))
        assert _fold(line) == " ".join(line.split())


def test_tokens_are_those_of_split():
    import random
    import sys

    from rhetoric.text.segments import _TOKEN

    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    spaces = [c for c in every if c.isspace()]
    assert re.findall(r"\s", every) == spaces
    rng = random.Random(3)
    alphabet = [*spaces, "a", "B", "é", "“", ".", "\x00", "\u200b"]
    for _ in range(5_000):
        line = "".join(rng.choices(alphabet, k=rng.randrange(10)))
        assert [m.group() for m in _TOKEN.finditer(line)] == line.split()


def test_words_of_a_folded_line_are_its_split():
    import random

    from rhetoric.text.segments import _fold, _n_words

    rng = random.Random(4)
    alphabet = [" ", "\t", "\n", "\xa0", "\u2003", "a", "B", ".", "“"]
    for _ in range(5_000):
        line = _fold("".join(rng.choices(alphabet, k=rng.randrange(12))))
        assert _n_words(line) == len(line.split())
