"""A short news article, line by line, for the tests of page segmentation to put chrome
around (tests/test_line_model.py, tests/test_headline.py)."""

COUNCIL_ARTICLE = [
    "The city council voted on Tuesday to close two of its five public libraries by the end "
    "of the year, citing a budget gap.",
    "Residents who packed the public gallery said the branches were the only places in their "
    "neighbourhoods open to everyone.",
    "“We are being asked to choose between the libraries and the buses,” the council leader "
    "told the meeting.",
    "Opponents argued that the savings, about two million a year, were small next to the cost "
    "of the new stadium.",
    "A petition against the closures had gathered more than eleven thousand signatures in "
    "three weeks.",
    "The council said it would look for volunteers and charities willing to keep the "
    "buildings open.",
]
