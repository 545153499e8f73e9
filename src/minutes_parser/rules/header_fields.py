"""Header fields that give a role to someone already listed ("Cultivator: bl",
"Notetaker: bl", "Facilitator: Ana") — read by ``extract/attendees/field_roles.py``."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern, words

#: "Cultivator: bl": a one- or two-word label, a colon, then who holds it.
ROLE_FIELD: Final[re.Pattern[str]] = pattern(
    "header_fields.role-field",
    r"^\s*(?P<label>[A-Z][A-Za-z-]{2,20}(?: [A-Za-z-]{2,20})?)\s*:\s*(?P<who>\S.{0,60}?)\s*$",
)

#: Labels of header fields that are not roles.
NOT_ROLE_LABELS: Final[frozenset[str]] = words(
    """
    absent, agenda, apologies, attendance, attendees, attending, date, guests, location, meeting,
    minutes, next meeting, observers, participants, place, present, regrets, room, time, title,
    venue, where, when, who
    """
)
