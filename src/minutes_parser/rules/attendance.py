"""Attendance: the headings and column titles that open a list of who attended (with the
status they give), the words that end such a list, roster headings, and the narrative and
movement patterns."""

from __future__ import annotations

from typing import Final

from ._patterns import words

#: Attendance headings → status. Longest match wins; matched at the start of a block.
ATTENDANCE_HEADINGS: Final[tuple[tuple[str, str], ...]] = (
    ("members present", "present"),
    ("trustees present", "present"),
    ("directors present", "present"),
    ("governors present", "present"),
    ("councillors present", "present"),
    ("committee members present", "present"),
    ("board members present", "present"),
    ("commissioners present", "present"),
    ("councilmembers present", "present"),
    ("council members present", "present"),
    ("present", "present"),
    ("attendees", "present"),
    ("attendance", "present"),
    ("attending", "present"),
    ("sederunt", "present"),
    ("members", "present"),
    ("trustees", "present"),
    ("directors", "present"),
    ("roll call", "present"),
    ("in attendance", "in_attendance"),
    ("also in attendance", "in_attendance"),
    ("also present", "in_attendance"),
    ("also attending", "in_attendance"),
    ("officers", "in_attendance"),
    ("officers present", "in_attendance"),
    ("officers in attendance", "in_attendance"),
    ("staff", "in_attendance"),
    ("staff present", "in_attendance"),
    ("staff in attendance", "in_attendance"),
    ("others present", "in_attendance"),
    ("commissioners absent", "absent"),
    ("councilmembers absent", "absent"),
    ("council members absent", "absent"),
    ("guests", "in_attendance"),
    ("observers", "in_attendance"),
    ("clerk", "in_attendance"),
    ("minutes", "in_attendance"),
    ("minute taker", "in_attendance"),
    ("apologies", "apologies"),
    ("apologies for absence", "apologies"),
    ("apologies received", "apologies"),
    ("apologies received from", "apologies"),
    ("regrets", "apologies"),
    ("absent", "absent"),
    ("members absent", "absent"),
    ("not present", "absent"),
    ("absent without apologies", "absent"),
    ("excused", "apologies"),
    ("members excused", "apologies"),
    ("participants", "present"),
    ("attendee list", "present"),
    ("attendance list", "present"),
    # MeetBot's closing list: "People present (lines said)" / "* jmrodri (87)"
    ("people present", "present"),
    ("staff attending", "in_attendance"),
)

#: Column titles under which a table lists who attended, several names a cell ("Date |
#: Participants | Content"): a running log's table, each row a meeting.
ATTENDANCE_COLUMN_TITLES: Final[frozenset[str]] = frozenset(
    {"participants", "attendees", "attendance", "present", "members present", "absent", "apologies"}
)

#: Words that open a sentence of narrative, not a list of people, after an attendance list
#: in the same paragraph: "Others Present: Jackie Krause. No members of the public attended."
ATTENDANCE_NARRATIVE_OPENERS: Final[frozenset[str]] = words(
    """
    a, all, an, apologies, as, because, due, everyone, it, no, nobody, none, the, there, this,
    we
    """
)

#: Headings of a membership list: not attendance, but the full names that short mentions
#: ("Sofia", "RC") refer to.
ROSTER_HEADINGS: Final[tuple[str, ...]] = (
    "team",
    "team members",
    "membership",
    "committee membership",
    "members of the committee",
    "board membership",
    "project team",
    "core team",
    "distribution",
    "circulation",
)
