"""Accuracy against gold: per-field precision, recall and F1, series registers, and floors.

``minutes-parser eval`` is the front end; ``corpus`` finds documents and gold, ``scoring``
holds the matching rules of the gold format, ``series`` scores action registers and
``floors`` checks the figures against the committed floors.
"""

from __future__ import annotations

from .corpus import Case, CorpusReport, evaluate_cases, evaluate_corpus, find_cases, find_splits
from .floors import FloorBreach, check_floors
from .scoring import FIELDS, Tally, score_meeting
from .series import SeriesScore, evaluate_series, score_register

__all__ = [
    "FIELDS",
    "Case",
    "CorpusReport",
    "FloorBreach",
    "SeriesScore",
    "Tally",
    "check_floors",
    "evaluate_cases",
    "evaluate_corpus",
    "evaluate_series",
    "find_cases",
    "find_splits",
    "score_meeting",
    "score_register",
]
