"""Text in: decoding bytes, the article and its segments, Markdown and HTML, tokens.

Nothing here imports from the layers above (measures, analysis, comparison, viz).
"""
