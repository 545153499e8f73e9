"""Attendance told in sentences: "Cllr Baker was in attendance", "The Clerk, Jo Bloggs,
attended", "Apologies were received from …" (the narrative forms, each with the cue word it
needs), and arrivals and departures during the meeting."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import AttendanceStatus
from ._patterns import pattern
from .people import PERSON

NARRATIVE_CUES = pattern(
    "attendance.narrative_cues",
    r"attendance|accompanied|attended|addressed|spoke\s+to|presented\s+to|absent|present\b|"
    r":\s*here\b",
    re.IGNORECASE,
)
# Narrative forms, each with an id: (id, cue, pattern, status). The cue is a word the pattern
# needs; the patterns open with a name, so searching for them where the cue is missing is waste.
NARRATIVE_FORMS: Sequence[tuple[str, re.Pattern[str], re.Pattern[str], AttendanceStatus]] = (
    (
        "was_in_attendance",
        pattern("attendance.narrative_forms.was_in_attendance.cue", r"in\s+attendance"),
        pattern(
            "attendance.narrative_forms.was_in_attendance",
            rf"(?P<name>{PERSON}),\s+(?P<role>[^.;]{{3,140}}?),?\s+(?:was|were)\s+in\s+attendance",
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "accompanied_by",
        pattern("attendance.narrative_forms.accompanied_by.cue", r"accompanied"),
        pattern(
            "attendance.narrative_forms.accompanied_by",
            r"accompanied\s+by\s+(?:the\s+)?(?P<list>[^.;]{3,300}?)(?=,?\s+to\s+\w+|\.|;|$)",
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "role_name_attended",
        pattern("attendance.narrative_forms.role_name_attended.cue", r"attended"),
        pattern(
            "attendance.narrative_forms.role_name_attended",
            rf"(?:The\s+)?(?P<role>[A-Z][^,.;]{{3,120}}),\s+(?P<name>{PERSON})\s+attended",
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "name_attended_to_present",
        pattern("attendance.narrative_forms.name_attended_to_present.cue", r"attended"),
        pattern(
            "attendance.narrative_forms.name_attended_to_present",
            rf"(?P<name>{PERSON})(?:,\s+(?P<role>[^,.;]{{3,120}}))?,?\s+attended\s+the\s+meeting\s+to\s+present",
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "addressed_the_meeting",
        pattern(
            "attendance.narrative_forms.addressed_the_meeting.cue",
            r"addressed|spoke|presented|attended",
        ),
        pattern(
            "attendance.narrative_forms.addressed_the_meeting",
            rf"(?P<name>{PERSON}),\s+(?P<role>[^.;]{{3,140}}?),\s+(?:addressed|spoke\s+to|"
            r"presented\s+to|attended)\s+the\s+(?:Committee|Board|meeting|Council|Panel|"
            r"Commission|Trustees|Governors)",
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        # A roll call in a verbatim transcript: "Beth Kenny: Present.", "Jenny Linton: Here."
        "answered_roll_call",
        pattern(
            "attendance.narrative_forms.answered_roll_call.cue",
            r":\s*(?:present|here)\b",
            re.IGNORECASE,
        ),
        pattern(
            "attendance.narrative_forms.answered_roll_call",
            rf"^(?P<name>{PERSON}):\s*(?i:present|here)\s*\.?\s*$",
        ),
        AttendanceStatus.PRESENT,
    ),
    (
        # "Roll call was taken: Susan Ensign, Sheila Mesler, …, and Mark Thornton were
        # present." (lincoln-twp-pc-2011-01-04.pdf): a list of names, then "were present".
        "list_were_present",
        pattern("attendance.narrative_forms.list_were_present.cue", r"were\s+present"),
        pattern(
            "attendance.narrative_forms.list_were_present",
            rf"(?<![\w,] )(?P<list>{PERSON}(?:\s*,\s*(?:and\s+)?{PERSON}){{1,30}}"
            rf"(?:,?\s+and\s+{PERSON})?)\s+were\s+(?:all\s+)?present\b(?!\s+(?:for|at|to)\b)",
        ),
        AttendanceStatus.PRESENT,
    ),
    (
        # "The meeting was called to order at 5:00 pm. Board members in attendance were David
        # Alquist, Mark Barkmeier, … and Dominic Ruscic." (arrowhead-hoa-2015-07-21.pdf)
        "members_in_attendance_were",
        pattern("attendance.narrative_forms.members_in_attendance_were.cue", r"attendance|present"),
        pattern(
            "attendance.narrative_forms.members_in_attendance_were",
            r"\b(?i:(?:board|committee|council)\s+)?(?i:members|directors|trustees|commissioners|"
            r"councillors|councilmembers)\s+(?i:in\s+attendance|present)\s+(?i:were|included)"
            rf"\s*:?\s+(?P<list>{PERSON}(?:\s*,\s*(?:and\s+)?{PERSON}){{0,30}}"
            rf"(?:,?\s+and\s+{PERSON})?)",
        ),
        AttendanceStatus.PRESENT,
    ),
    (
        # "Dawn Bates and Phylliss McPherson were in attendance for Vista Management
        # Associates, Inc." (arrowhead-hoa-2015-07-21.pdf); "Also in attendance were …"
        "list_in_attendance_for",
        pattern("attendance.narrative_forms.list_in_attendance_for.cue", r"in\s+attendance"),
        pattern(
            "attendance.narrative_forms.list_in_attendance_for",
            rf"(?<![\w,] )(?P<list>{PERSON}(?:\s*,\s*(?:and\s+)?{PERSON}){{0,30}}"
            rf"(?:,?\s+and\s+{PERSON})?)\s+(?:was|were)\s+(?:also\s+)?in\s+attendance\s+"
            r"(?:for|on\s+behalf\s+of|representing|from)\b",
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "also_in_attendance_were",
        pattern(
            "attendance.narrative_forms.also_in_attendance_were.cue", r"(?i:also)\s+in\s+attendance"
        ),
        pattern(
            "attendance.narrative_forms.also_in_attendance_were",
            rf"\b(?i:also\s+in\s+attendance)\s+(?:were|was)\s*:?\s+(?P<list>{PERSON}"
            rf"(?:\s*,\s*(?:and\s+)?{PERSON}){{0,30}}(?:,?\s+and\s+{PERSON})?)",
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        # "… called to order by the Supervisor at 7:00 pm, with Wray, Crockett, Ensign,
        # Oswald, Trinklein, and 14 guests present." (lincoln-twp-board-2011-11-08.pdf)
        "with_list_present",
        pattern("attendance.narrative_forms.with_list_present.cue", r"present"),
        pattern(
            "attendance.narrative_forms.with_list_present",
            rf"\bwith\s+(?P<list>{PERSON}(?:\s*,\s*(?:and\s+)?{PERSON}){{1,30}}"
            r"(?:,?\s+and\s+[^.;]{1,40}?)?)\s+(?:all\s+)?present\b",
        ),
        AttendanceStatus.PRESENT,
    ),
    (
        "was_absent",
        pattern("attendance.narrative_forms.was_absent.cue", r"absent"),
        pattern(
            "attendance.narrative_forms.was_absent",
            rf"(?P<name>{PERSON})\s+(?:was|were)\s+absent\b",
        ),
        AttendanceStatus.ABSENT,
    ),
    (
        "wasnt_in_attendance",
        pattern("attendance.narrative_forms.wasnt_in_attendance.cue", r"attendance|present"),
        pattern(
            "attendance.narrative_forms.wasnt_in_attendance",
            rf"(?P<name>{PERSON})(?:,\s+(?P<role>[^,.;]{{3,80}}))?,\s+(?:wasn't|was\s+not|were\s+not)\s+(?:in\s+attendance|present)",
        ),
        AttendanceStatus.ABSENT,
    ),
)

MOVEMENT_CUES = pattern(
    "attendance.movement_cues", r"arrived|joined|left|departed|withdrew", re.IGNORECASE
)
ARRIVED = pattern(
    "attendance.arrived",
    rf"(?P<name>{PERSON})\s+(?:arrived|joined)\b(?P<tail>(?:[^.;]|\.(?=\d)){{0,120}})",
)
LEFT = pattern(
    "attendance.left",
    rf"(?P<name>{PERSON})\s*(?:\(\s*who\s+had\s+)?(?:left|departed|withdrew\s+from)\s+the\s+meeting(?P<tail>(?:[^.;]|\.(?=\d)){{0,120}})",
)

#: The time of an arrival or departure: "arrived at 7.15pm" → "7.15pm", "left at 20:40".
MOVEMENT_TIME = pattern("attendance.movement_time", r"\b(\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?)")
