"""Roles a header gives to people already listed: "Attending: yj, bl, pc" / "Cultivator: bl"
/ "Notetaker: bl" (hypha-finance-wg-2019-11-26.md, corpus/real). A field names a role only
when what follows the colon is exactly someone on the attendance list."""

from __future__ import annotations

from ...document import Document
from ...models import Attendee
from ...rules import ATTENDANCE_HEADINGS, MINUTE_TAKER_ROLES
from ...rules.header_fields import NOT_ROLE_LABELS, ROLE_FIELD
from ...rules.text import WHITESPACE_RUN
from ..people import PersonIndex

__all__ = ["roles_from_header_fields"]

_HEADER_BLOCKS = 30
_MINUTE_TAKERS = {r.replace("-", "").replace(" ", "") for r in MINUTE_TAKER_ROLES}
#: A heading of a list of who came ("PUBLIC ATTENDING: Denny Rogers") gives a status, not a
#: role; "Clerk:" and "Minute taker:" name one.
_STATUS_LABELS = NOT_ROLE_LABELS | {
    h for h, _ in ATTENDANCE_HEADINGS if h.replace(" ", "") not in _MINUTE_TAKERS
}


def roles_from_header_fields(doc: Document, attendees: list[Attendee]) -> None:
    """Set the role of listed attendees who have none from "Label: who" header lines."""
    if not attendees:
        return
    index = PersonIndex(attendees)
    by_name = {a.name: a for a in attendees}
    for b in doc.blocks[:_HEADER_BLOCKS]:
        for line in b.text.split("\n"):
            m = ROLE_FIELD.match(line)
            if m is None or WHITESPACE_RUN.sub(" ", m.group("label").lower()) in _STATUS_LABELS:
                continue
            ref = index.resolve(m.group("who"))
            if not ref.resolved or ref.is_group or ref.method not in ("exact", "alias"):
                continue
            person = by_name.get(ref.name or "")
            if person is None:
                continue
            label = m.group("label")
            if label.lower().replace("-", "").replace(" ", "") in _MINUTE_TAKERS:
                person.is_minute_taker = True
            if person.role is None:
                person.role = label
