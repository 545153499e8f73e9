"""Documents that hold several meetings (a team's running log, one Word file per term):
find where each meeting starts and give each its own view of the document.

A view shares the document's text, so every span stays valid in the whole document.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..document import Block, Document
from .attendees import attendance_heading
from .dates import find_dates
from .people import split_honorifics

__all__ = ["split_meetings"]

_MEETING_WORD = re.compile(r"\b(?:meeting|minutes|session)\b", re.IGNORECASE)
_ATTENDANCE_WINDOW = 6
_DAY_MONTH = re.compile(r"^\W*(?:\w+\s+)?\d{1,2}/\d{1,2}\b")


def _meeting_date(text: str) -> str | None:
    """The date a meeting heading carries ("Meeting 3 — 14/03/2024", "21/2 7pm-8pm")."""
    for dm in find_dates(text):
        return dm.date.isoformat()
    m = _DAY_MONTH.match(text)
    return m.group(0) if m else None


def _is_meeting_start(doc: Document, i: int) -> str | None:
    b: Block = doc.blocks[i]
    text = b.text.strip()
    if len(text) > 160 or split_honorifics(text)[0]:
        return None
    date = _meeting_date(text)
    if date is None or not (_MEETING_WORD.search(text) or b.kind.value == "heading"):
        return None
    window = doc.blocks[i + 1 : i + 1 + _ATTENDANCE_WINDOW]
    return date if any(attendance_heading(w.text) is not None for w in window) else None


def split_meetings(doc: Document) -> list[Document]:
    """One view per meeting; the whole document when it holds fewer than two."""
    starts: list[int] = []
    dates: set[str] = set()
    for i in range(len(doc.blocks)):
        date = _is_meeting_start(doc, i)
        if date is not None and date not in dates:
            starts.append(i)
            dates.add(date)
    if len(starts) < 2:
        return [doc]
    # Blocks before the first meeting (the log's title, a team roster) are context for every
    # meeting: "Sofia" in meeting 3 is the "Sofia Marchetti" of the roster at the top.
    preamble = doc.blocks[: starts[0]]
    bounds = [*starts, len(doc.blocks)]
    return [
        doc.model_copy(update={"blocks": [*preamble, *doc.blocks[a:z]]})
        for a, z in pairwise(bounds)
    ]
