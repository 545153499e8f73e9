"""Is this document minutes? Weighted evidence from ``rules.MINUTES_SIGNALS`` against
``rules.NOT_MINUTES_SIGNALS``; a report about a body's work is not a record of a meeting."""

from __future__ import annotations

import re

from ..document import Document
from ..models import DocumentKind, Meeting
from ..options import ParseOptions
from ..rules import MINUTES_SIGNALS, NOT_MINUTES_SIGNALS

__all__ = ["classify", "extract_kind"]

_FLAGS = re.IGNORECASE | re.MULTILINE
_MINUTES = [(i, re.compile(p, _FLAGS), w) for i, p, w in MINUTES_SIGNALS]
_NOT_MINUTES = [(i, re.compile(p, _FLAGS), w) for i, p, w in NOT_MINUTES_SIGNALS]
_ITEM_NUMBER = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+", re.MULTILINE)
_MINUTES_HEADING = re.compile(r"^\s*minutes\s*:?\s*$", _FLAGS)


def classify(doc: Document) -> tuple[DocumentKind, dict[str, float]]:
    """The kind and the evidence: each signal id that fired, with its weight."""
    # Headings keep their agenda numbers ("1.3 Apologies"); the signals read them without.
    head = _ITEM_NUMBER.sub("", "\n".join(b.text for b in doc.blocks[:120]))
    evidence: dict[str, float] = {}
    score = 0.0
    for sid, rx, weight in _MINUTES:
        if rx.search(head):
            evidence[sid] = weight
            score += weight
    if _MINUTES_HEADING.search(head):
        evidence["minutes_heading"] = 2.5
        score += 2.5
    against = 0.0
    for sid, rx, weight in _NOT_MINUTES:
        if rx.search(head):
            evidence[f"not:{sid}"] = -weight
            against += weight
    # Long documents with few meeting markers are reports, not minutes.
    if len(doc.text) > 60000 and score < 6:
        evidence["not:long_without_meeting_structure"] = -2.0
        against += 2.0
    kind = DocumentKind.MINUTES if score >= 2.5 and score > against else DocumentKind.NOT_MINUTES
    return kind, evidence


def extract_kind(doc: Document, meeting: Meeting, options: ParseOptions) -> Meeting:
    kind, evidence = classify(doc)
    meeting = meeting.model_copy(update={"kind": kind})
    if kind is DocumentKind.NOT_MINUTES:
        shown = ", ".join(f"{k} {v:+g}" for k, v in evidence.items()) or "no meeting markers"
        meeting.warn(
            "not_minutes",
            f"this document does not read as minutes ({shown}); no attendees, decisions or "
            "actions were extracted from it",
        )
    return meeting
