"""Known-answer tests for the learned line score and for section switches.

The page below is written for these tests: a site's menu, a share bar with widget lines
that once switched the whole article into another section ("0 comments", "About Me",
"Leave a comment"), an article of seven paragraphs, the site's section links and a
footer.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from pages import COUNCIL_ARTICLE

import rhetoric
from rhetoric.text.line_model import (
    CONTEXT_FEATURES,
    FEATURES,
    default_line_model,
    line_features,
    main_block,
)
from rhetoric.text.segments import classify_lines

MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Sign in"]
ARTICLE = [*COUNCIL_ARTICLE, "A final decision on the second branch is expected in the spring."]
TRAIL = ["Weather", "Traffic", "Local elections", "Schools", "Obituaries"]
FOOTER = ["Privacy policy", "Terms of use", "Contact us", "© 2024 The Daily Example"]


def page(*widgets: str) -> list[str]:
    lines = [*MENU, "", "Council votes to close two libraries", "", *widgets, ""]
    for paragraph in ARTICLE:
        lines += [paragraph, ""]
    return lines + TRAIL + [""] + FOOTER


def body_lines(lines: list[str], labels: list[str]) -> list[str]:
    return [line for line, label in zip(lines, labels, strict=True) if label == "body" and line]


def kept_article(body: list[str]) -> bool:
    """Every paragraph kept, and at most one line of chrome (the link next to the article)."""
    return all(p in body for p in ARTICLE) and len(body) <= len(ARTICLE) + 1


def test_shipped_model_matches_the_features_this_version_computes():
    data = json.loads((resources.files("rhetoric") / "data" / "line_model.json").read_text())
    assert data["features"] == list(FEATURES)
    assert data["context"] == list(CONTEXT_FEATURES)
    assert len(data["stage1"]) == len(FEATURES) + 1
    assert len(data["stage2"]) == len(FEATURES) + len(CONTEXT_FEATURES) + 1
    assert 0 < data["threshold"] < 1


def test_features_of_a_known_line():
    lines = ["Home", "", "The council met on Tuesday and it voted to approve the budget."]
    feats = line_features(lines)
    assert feats[1] is None  # blank: no features
    home, prose = feats[0], feats[2]
    named = dict(zip(FEATURES, prose, strict=True))
    assert named["ends_sentence"] == 1.0
    assert named["function_share"] == pytest.approx(6 / 12)  # the on and it to the + and
    assert named["good"] == 1.0
    assert dict(zip(FEATURES, home, strict=True))["capitalised_share"] == 1.0


def test_main_block_is_the_article():
    lines = page()
    first, last = main_block(lines)
    assert lines[first] == ARTICLE[0]
    assert lines[last] == ARTICLE[-1]  # the short last sentence joins the block


def test_model_scores_menu_low_and_prose_high():
    lines = page()
    scores = default_line_model().scores(lines)
    threshold = default_line_model().threshold
    # the menu item next to the headline borrows some of its neighbours' score
    assert sum(scores[lines.index(item)] < threshold for item in MENU) >= len(MENU) - 1
    assert sum(scores[lines.index(item)] < threshold for item in TRAIL) >= len(TRAIL) - 1
    assert all(scores[lines.index(p)] > threshold for p in ARTICLE)


def test_menu_and_footer_are_set_aside_and_every_paragraph_kept():
    lines = page()
    labels = classify_lines(lines, model=default_line_model())
    assert kept_article(body_lines(lines, labels))
    assert labels[lines.index("Council votes to close two libraries")] == "title"
    # without the model, the section links below the article stay body
    rules = classify_lines(lines)
    assert "Traffic" in body_lines(lines, rules)


@pytest.mark.parametrize(
    "widget",
    ["0 comments", "Comments", "About Me", "Leave a comment", "About the author"],
)
def test_one_short_widget_line_does_not_take_the_article(widget):
    lines = page("Share", widget)
    rules = body_lines(lines, classify_lines(lines))
    assert all(paragraph in rules for paragraph in ARTICLE)
    assert kept_article(body_lines(lines, classify_lines(lines, model=default_line_model())))


def test_a_comment_section_after_the_article_is_still_comments():
    lines = page()[: -len(TRAIL + FOOTER) - 1] + [
        "2 comments",
        "",
        "I went to the meeting and the gallery was full, nobody there wanted this.",
        "",
        "Thanks for covering this, the local paper did not.",
    ]
    labels = classify_lines(lines, model=default_line_model())
    assert labels[-1] == "comments"
    assert labels[-3] == "comments"
    assert kept_article(body_lines(lines, labels))


def test_load_uses_the_model_and_can_do_without(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(page()), encoding="utf-8")
    article = rhetoric.load(path)
    assert kept_article(article.body.split("\n"))
    rules = rhetoric.from_text(path.read_text(encoding="utf-8"), line_model=False)
    assert "Traffic" in rules.body.split("\n")


def test_short_texts_are_left_to_the_rules():
    # a menu over three paragraphs: 11 lines, too few for the model to judge; one more
    # paragraph and the model sets the menu aside
    model = default_line_model()
    short, longer = MENU + ARTICLE[:3], MENU + ARTICLE[:4]
    assert classify_lines(short, model=model) == classify_lines(short)
    assert classify_lines(longer, model=model) != classify_lines(longer)
    assert classify_lines(longer, model=model)[2:6] == ["boilerplate"] * 4


def test_short_lines_between_chrome_lines_are_chrome():
    from rhetoric.text.segments import _among_chrome

    lines = ["Home", "News", "Sport", "Culture", "Sign in", ARTICLE[0]]
    scores = [0.1, 0.3, 0.25, 0.1, 0.1, 0.9]
    assert _among_chrome(lines, scores, {0, 3, 4}, None) == {1, 2}
    # a sentence between them, or a run longer than three lines, is left alone
    lines[1] = "Residents said the branches were the only places open to everyone."
    assert _among_chrome(lines, scores, {0, 3, 4}, None) == set()
    scores = [0.1, 0.5, 0.5, 0.5, 0.5, 0.1]
    assert _among_chrome(["A", "B", "C", "D", "E", "F"], scores, {0, 5}, None) == set()


def test_a_comment_thread_under_a_short_post_is_comments():
    post = ARTICLE[:3]
    between = ["Share", "Tweet", "Email", "Tagged libraries", "Posted in News", "Previous post"]
    between += ["Next post"]
    thread = [
        "I have used the branch on Elm Street every week for twenty years and it is the only "
        "quiet place my children can do their homework after school.",
        "The council found money for the stadium in a month, so it can surely find money for "
        "the libraries if it really wants to keep them open.",
        "Volunteers already run the reading groups on Saturday mornings and would happily do "
        "much more for the branches if the council only asked them.",
    ]
    meta = ["Jane Doe", "March 3, 2024 at 9:00 am", "Reply", "Edited", "12 points", "4 replies"]
    meta += ["Reply"]
    lines = ["Libraries to close", *post, *between, "There are 3 comments"]
    for comment in thread:
        lines += [comment, *meta]
    assert sum(len(t.split()) for t in thread) > sum(len(p.split()) for p in post)
    labels = classify_lines(lines)
    assert [labels[lines.index(t)] for t in thread] == ["comments"] * 3
    assert [labels[lines.index(p)] for p in post] == ["body"] * 3


def test_a_lower_case_line_going_on_with_a_sentence_opens_no_widget():
    lines = [
        "Browsers guard the servers of other sites against requests they did not expect.",
        "When an application makes a request that may change the server state, for instance",
        "like this:",
        "OPTIONS /storage HTTP/1.1",
        "Host: example.com",
        "The server answers with the methods it allows.",
    ]
    assert classify_lines(lines) == ["body"] * 6


def test_a_copyright_sign_inside_a_sentence_is_not_a_copyright_line():
    lines = [
        "This is not supposed to be a manifesto™© we just think it is worth sharing what we "
        "have learned so far.",
        "© 2024 The Riverside Courier",
    ]
    assert classify_lines(lines) == ["body", "boilerplate"]
