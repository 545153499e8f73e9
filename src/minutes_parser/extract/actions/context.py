"""What every action form reads: the document, the meeting so far, its attendees as a
:class:`PersonIndex`, the date order, and the date the minutes give for the next meeting (the
anchor of "by the next meeting")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...document import Document
from ...models import (
    Meeting,
)
from ...rules.actions import NEXT_MEETING
from ..dates import Order, find_dates
from ..people import PersonIndex


@dataclass
class _Context:
    doc: Document
    meeting: Meeting
    index: PersonIndex
    order: Order
    next_meeting: dt.date | None
    attendee_names: frozenset[str] = field(init=False)
    """Names as the attendance list gives them, for the nick that opens a bot's action."""

    def __post_init__(self) -> None:
        self.attendee_names = frozenset(a.name for a in self.meeting.attendees)


def _next_meeting(doc: Document, order: Order) -> dt.date | None:
    """The date the minutes give for the next meeting, if any."""
    for b in reversed(doc.blocks):
        m = NEXT_MEETING.search(b.text)
        if m:
            for dm in find_dates(b.text[m.start() :], order):
                return dm.date
    return None
