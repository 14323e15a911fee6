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
from rhetoric.text.headline import (
    FEATURES,
    WINDOW,
    HeadlineModel,
    article_start,
    candidates,
    default_headline_model,
)

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
    far = ["A line far above"] + [f"Menu item {i}" for i in range(WINDOW)] + PAGE
    found_far = [far[i] for i in candidates(far, far.index(ARTICLE[0]))]
    assert "A line far above" not in found_far  # more than WINDOW non-blank lines up


def test_the_headline_not_the_site_name_nor_a_menu_line_is_the_title():
    article = rhetoric.from_text("\n".join(PAGE), format="text")
    assert article.title == HEADLINE
    assert article.body.startswith(ARTICLE[0])


# The lede, cut off from the rest of the article by a photo credit and a box of related
# links (more lines than the main block of prose spans a gap), then the article.
RELATED = [
    "Photo: Ann Lee for The Riverside Courier",
    "Related Coverage",
    "Mayor promises a review of the bus network",
    "Stadium costs rise for the third year running",
    "Volunteers keep the old lido open all summer",
    "School meals to cost more from September on",
    "New cycle lanes open along the river front",
    "Market traders protest against higher rents",
    "Flood defences approved after a long campaign",
    "Advertisement",
]
SPLIT_PAGE = SITE + [HEADLINE, "By Ann Lee", "12 March 2024"] + ARTICLE[:1] + RELATED + ARTICLE[1:]


def test_the_article_starts_at_its_lede_above_a_box_of_related_links():
    lede = SPLIT_PAGE.index(ARTICLE[0])
    assert article_start(SPLIT_PAGE, SPLIT_PAGE.index(ARTICLE[1])) == lede
    article = rhetoric.from_text("\n".join(SPLIT_PAGE), format="text")
    assert article.title == HEADLINE  # not a related link nor the photo credit


# A gallery between the byline and the article: a share bar, then the photo's caption,
# a line of five words or more right above the article, the headline further up than
# the nearest lines (Washington Post's layout).
SHARE_BAR = ["Share on Facebook", "Share on Twitter", "Share on LinkedIn", "Share via Email"]
SHARE_BAR += ["Share on Whatsapp", "More Options", "Resize Text", "Print Article", "Comments"]
CAPTION = "Readers queue outside the central library"
GALLERY_PAGE = (
    SITE + [HEADLINE, "By Ann Lee", "12 March 2024"] + SHARE_BAR + ["1 of 12", CAPTION] + ARTICLE
)


def test_the_headline_above_a_byline_not_the_caption_above_the_article():
    article = rhetoric.from_text("\n".join(GALLERY_PAGE), format="text")
    assert article.title == HEADLINE
