"""Patterns the learned layer uses on the sentences it proposes (:mod:`minutes_parser.learn`)."""

from __future__ import annotations

from ._patterns import pattern

__all__ = ["HEADING_WORD", "MODEL_OWNER_LEAD"]

MODEL_OWNER_LEAD = pattern(
    "model.owner_lead",
    r"^(?P<who>(?:[A-Z][\w'’.-]*)(?:\s*(?:/|&|,|and)\s*[A-Z][\w'’.-]*|\s+[A-Z][\w'’.-]*){0,3})"
    r"\s*(?::\s+|\s+(?:to|will|agreed\s+to|is\s+to|are\s+to|shall)\s+)(?P<task>\S.*)$",
)
"""A sentence that opens with who will do it: "Jane Smith will circulate the draft", "WC to …"."""

#: A word of the heading above a unit, given to the classifier as a context token.
HEADING_WORD = pattern("model.heading_word", r"[^\W\d_]+")
