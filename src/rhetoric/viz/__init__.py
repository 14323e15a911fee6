"""Presentation: charts, notebook tables and the reading view, built on the analysis
and comparison layers (nothing below imports from here)."""
