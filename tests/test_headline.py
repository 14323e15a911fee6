"""Known-answer tests for the headline chooser (``rhetoric.text.headline``).

The page is written for these tests: a site name, a menu, the headline, a byline and
date, then an article of six paragraphs, a "Trending" teaser and a footer. (A teaser of
five words or more *above* the headline still wins: the chooser leans on the topmost
candidate of five words or more, see docs/loading.md.)
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from pages import COUNCIL_ARTICLE

import rhetoric
from rhetoric.text.headline import FEATURES, HeadlineModel, candidates, default_headline_model

SITE = ["The Riverside Courier", "Home", "News", "Sport", "Opinion", "Sign in"]
TRENDING = "Trending: Ten things to do this weekend"
HEADLINE = "Council votes to close two of five public libraries"
ARTICLE = COUNCIL_ARTICLE
FOOTER = ["About us", "Contact", "Privacy policy", "© 2024 The Riverside Courier"]
PAGE = SITE + [HEADLINE, "By Ann Lee", "12 March 2024"] + ARTICLE + [TRENDING] + FOOTER


def test_shipped_model_matches_the_features():
    data = json.loads(
        (resources.files("rhetoric") / "data" / "headline_model.json").read_text("utf-8")
    )
    assert tuple(data["features"]) == FEATURES
    assert len(default_headline_model().weights) == len(FEATURES) + 1
    with pytest.raises(ValueError, match="features"):
        HeadlineModel.from_json({**data, "features": data["features"][:-1]})


def test_candidates_are_the_non_sentences_in_the_window_above():
    start = PAGE.index(ARTICLE[0])
    found = [PAGE[i] for i in candidates(PAGE, start)]
    assert HEADLINE in found and "The Riverside Courier" in found and "12 March 2024" in found
    assert ARTICLE[0] not in found
    far = ["A line far above"] + [f"Menu item {i}" for i in range(12)] + PAGE
    found_far = [far[i] for i in candidates(far, far.index(ARTICLE[0]))]
    assert "A line far above" not in found_far  # more than 12 non-blank lines up


def test_the_headline_not_the_site_name_nor_a_menu_line_is_the_title():
    article = rhetoric.from_text("\n".join(PAGE), format="text")
    assert article.title == HEADLINE
    assert article.body.startswith(ARTICLE[0])
