"""Arrivals and departures ("Cllr Jones arrived at 7.15pm", "Ms Patel left the meeting"),
with the time and the agenda item where they happened."""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Document
from ...models import AgendaItem, AttendanceStatus, Attendee, Movement
from ...rules.attendance_narrative import ARRIVED, LEFT, MOVEMENT_CUES, MOVEMENT_TIME
from ..locate import item_at
from ..people import PersonIndex, is_name_like, split_honorifics


def _add_movements(
    doc: Document, attendees: list[Attendee], index: PersonIndex, items: Sequence[AgendaItem]
) -> None:
    for b in doc.blocks:
        if not MOVEMENT_CUES.search(b.text):
            continue
        for rx, event in ((ARRIVED, "arrived"), (LEFT, "left")):
            for m in rx.finditer(b.text):
                ref = index.resolve(m.group("name"))
                span = doc.span(b.start + m.start(), b.start + m.end())
                if not ref.resolved or ref.is_group:
                    _, bare = split_honorifics(m.group("name"))
                    if (
                        event != "arrived"
                        or not is_name_like(bare)
                        or not split_honorifics(m.group("name"))[0]
                    ):
                        continue
                    # Someone who arrived attended, even if no list named them.
                    new = Attendee(
                        name=bare,
                        name_as_written=m.group("name"),
                        status=AttendanceStatus.PRESENT,
                        span=span,
                        rule="narrative:arrived",
                    )
                    attendees.append(new)
                    target = new
                else:
                    target = next(a for a in attendees if a.name == ref.name)
                times = MOVEMENT_TIME.search(m.group("tail"))
                target.movements.append(
                    Movement(
                        event=event,
                        span=span,
                        time=times.group(1) if times else None,
                        agenda_item=item_at(items, span.start),
                    )
                )
