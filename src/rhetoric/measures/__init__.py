"""Measures: one module per metric family, each a function of a :class:`~rhetoric.text.tokens.Doc`.

Quotes and their speakers, the voice of each sentence, loaded language, sentiment,
readability, stance markers and actor mentions. Imports point down to ``rhetoric.text``
only.
"""
