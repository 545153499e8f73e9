"""Documents that hold several meetings (a team's running log, one Word file per term):
find where each meeting starts and give each its own view of the document.

A view shares the document's text, so every span stays valid in the whole document.
"""

from __future__ import annotations

import re

from ..document import Block, Document
from .attendees import attendance_heading
from .dates import find_dates

__all__ = ["split_meetings"]

_MEETING_WORD = re.compile(r"\b(?:meeting|minutes|session)\b", re.IGNORECASE)
_ATTENDANCE_WINDOW = 6


def _is_meeting_start(doc: Document, i: int) -> bool:
    b: Block = doc.blocks[i]
    text = b.text.strip()
    if len(text) > 160 or not any(True for _ in find_dates(text)) and not re.search(
        r"\b\d{1,2}/\d{1,2}\b", text
    ):
        return False
    if not (_MEETING_WORD.search(text) or b.kind.value == "heading"):
        return False
    window = doc.blocks[i + 1 : i + 1 + _ATTENDANCE_WINDOW]
    return any(attendance_heading(w.text) is not None for w in window)


def split_meetings(doc: Document) -> list[Document]:
    starts = [i for i in range(len(doc.blocks)) if _is_meeting_start(doc, i)]
    if len(starts) < 2:
        return [doc]
    # Blocks before the first meeting (a document title) belong to the first meeting.
    bounds = [0, *starts[1:], len(doc.blocks)]
    views = []
    for a, z in zip(bounds, bounds[1:]):
        views.append(doc.model_copy(update={"blocks": doc.blocks[a:z]}))
    return views
