"""Who attended: attendance sections and tables, inline lists, and people named in narrative.

Attendance sections open with a heading from ``rules.ATTENDANCE_HEADINGS`` ("Present:",
"Apologies:", "In attendance:" …), either alone on a line (the entries follow as table rows,
list items or short lines) or inline ("Present: Councillors A, B and C (Chair)"). Each entry is
split into name, role, organisation and substitute. Narrative forms ("G Watson, Partnership
Manager, was in attendance", "arrived at the start of this item") add people the lists miss.

The forms live in modules of their own: ``headings`` (what opens a section), ``sections``
(a section's extent), ``tables`` (attendance tables and grids), ``lists`` (inline lists split
into entries), ``entries`` (one entry split into name, role, organisation), ``narrative``
(people named in sentences), ``movements`` (arrivals and departures) and ``short_names``
(first names completed from rosters).
"""

from __future__ import annotations

from itertools import chain

from ...document import Document
from ...models import AttendanceStatus, Attendee, Meeting
from ..context import ExtractionContext
from ..people import PersonIndex, is_name_like, split_honorifics
from ..sections import attendance_heading
from .entries import _attendee_from_entry, _is_role_like, _split_role_org, parse_entry
from .field_roles import roles_from_header_fields
from .head_list import head_list_entries
from .movements import _add_movements
from .narrative import _narrative_people
from .register import register_entries
from .sections import _section_entries
from .short_names import _complete_first_names, roster_names
from .short_names import resolve_short_names as resolve_short_names

__all__ = ["attendance_heading", "extract_attendees", "parse_entry"]


def extract_attendees(doc: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    """Attendance sections and tables first, then people the narrative names."""
    attendees: list[Attendee] = []
    aliases: dict[str, str] = {}
    date = meeting.meeting.date
    register = register_entries(doc.blocks, date, context.date_order) if date else iter(())
    for entry in chain(_section_entries(doc), register):
        got = _attendee_from_entry(entry, doc)
        if got is None:
            continue
        att, alias = got
        if alias:
            aliases[alias] = att.name
        if att.name in aliases and aliases[att.name] != att.name:
            # "1 | Apologies received from | HP": the initials of someone listed, the item's
            # owner column, not another person
            continue
        _add_or_merge(attendees, att)
    if not attendees:
        for entry in head_list_entries(doc.blocks):
            if (got := _attendee_from_entry(entry, doc)) is not None:
                _add_or_merge(attendees, got[0])
    if attendees and not any(a.status is AttendanceStatus.PRESENT for a in attendees):
        # Where no "Present" list exists, the "In attendance" list is the attendance.
        for a in attendees:
            if a.status is AttendanceStatus.IN_ATTENDANCE:
                a.status = AttendanceStatus.PRESENT
    index = PersonIndex(attendees, aliases)
    for name, role, status, span, rule_id in _narrative_people(doc):
        bare = split_honorifics(name)[1]
        ref = index.resolve(name)
        if ref.resolved and not ref.is_group:
            existing = next(a for a in attendees if a.name == ref.name)
            if span not in existing.mentions:
                existing.mentions.append(span)
            if existing.status is AttendanceStatus.PRESENT and status in _NOT_THERE:
                # "Members - Chris Clark, Mark Thornton" under the title, then "Mark Thornton
                # and Chris Clark were absent": the roster names them, the record says.
                existing.status = status
            continue
        if not is_name_like(bare):
            continue
        r, org = _split_role_org(role) if role else (None, None)
        if r and not _is_role_like(r.split(",")[0]):
            r, org = None, None
        att = Attendee(
            name=bare,
            name_as_written=name,
            status=status,
            role=r,
            organisation=org,
            span=span,
            rule=f"narrative:{rule_id}",
        )
        attendees.append(att)
        index = PersonIndex(attendees, aliases)
    _add_movements(doc, attendees, index, meeting.agenda_items)
    attendees = _complete_first_names(attendees, roster_names(doc))
    roles_from_header_fields(doc, attendees)
    meeting = meeting.model_copy(update={"attendees": attendees})
    if not attendees and meeting.kind.value == "minutes":
        meeting = meeting.with_diagnostic(
            "no_attendees", "no attendee list or named attendee found"
        )
    return meeting


_NOT_THERE = (AttendanceStatus.ABSENT, AttendanceStatus.APOLOGIES)


def _add_or_merge(attendees: list[Attendee], att: Attendee) -> None:
    for a in attendees:
        if a.name.lower() == att.name.lower():
            a.mentions.append(att.span)
            return
    attendees.append(att)
