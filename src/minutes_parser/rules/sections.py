"""Sections of a record that extractors share: action-list and review headings, the context
that marks earlier actions, and the patterns that split a document into meetings."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern
from .attendance import ATTENDANCE_COLUMN_TITLES

#: Headings of a list of this meeting's actions (regex fragments, matched whole, with an
#: optional qualifier: "Action items for Cultivator", "Next steps:"). Headings that name
#: earlier actions ("Action items from last month") are reviews, not new actions.
ACTIONS_SECTION_HEADINGS: Final[tuple[str, ...]] = (
    r"(?:new\s+|agreed\s+)?actions?(?:\s+agreed|\s+arising|\s+points?|\s+required)?",
    r"(?:new\s+)?action\s+items?",
    r"action\s+(?:list|log|summary|plan)",
    r"summary\s+of\s+action\s+items",
    r"next\s+steps",
    # a team log's "Plan for the next week:"
    r"plans?\s+for\s+(?:the\s+)?(?:next|coming|following)\s+(?:week|meeting|month|sprint|fortnight)",
    r"to-?\s?dos?",
    # "## Individual Tasks" beside "## Tasks for Everyone" (permaplant-team-2023-12-11.md)
    r"(?:individual\s+|personal\s+|team\s+)?tasks?(?:\s+assigned)?",
    r"assigned\s+tasks",
    r"follow[- ]?ups?",
    r"assignments",
    # the same in French, German, Dutch, Spanish ("*A faire*" over its tasks,
    # mdp-rennes-ca-2024-02-22.md)
    r"[àa]\s+faire",
    r"actions?\s+[àa]\s+mener",
    r"aufgaben",
    r"actiepunten",
    r"acties",
    r"tareas(?:\s+pendientes)?",
)

#: Characters in the longest line that introduces the list below it ("To be done until …:",
#: "From the minutes of 3 May:").
LIST_INTRO_LONGEST: Final[int] = 120

#: Context (a heading or a section row) that makes an action log a report on earlier actions.
PREVIOUS_ACTIONS_CONTEXT: Final[str] = (
    r"previous|(?:matters|business) arising|outstanding|on-?\s?going|carried forward|"
    # French, German, Spanish, Dutch: "Actions prévues lors de la réunion précédente"
    # (afpy-cd-2022-10-18.md), "Aufgaben aus der letzten Sitzung", "Tareas de la reunión
    # anterior", "Actiepunten vorige vergadering"
    r"pr[ée]c[ée]dente?s?|derni[èe]re\s+r[ée]union|letzten\s+sitzung|vorherigen|"
    r"reuni[óo]n\s+anterior|vorige\s+vergadering|"
    r"brought forward|review of (?:the )?(?:last|previous|open|outstanding)|"
    # "== Review of actions" (riscv-cso-sig-2020-12-07.adoc), "Action review", "Review
    # Status of the Action List" (overture-net-meeting-2014-08-10.md), "Review of the action
    # log"
    r"^\W{0,3}(?:\d{1,2}[.)]?\s+)?(?:review\s+(?:of\s+)?(?:the\s+)?(?:status\s+of\s+(?:the\s+)?)?"
    r"actions?(?:\s+(?:items?|list|log))?|actions?\s+(?:items?\s+)?review)\W{0,3}$|"
    r"last (?:meeting|month|week|time)|open action items|"
    # "## Old Action Items" above "## New Action Items" (comssa-2017-03-19.md)
    r"\bold\s+action|"
    r"(?:actions?|action (?:items?|list)) (?:from|arising from)"
)

#: What a heading in that context must name to open a review of earlier actions ("Matters
#: arising", "Action items from last month"); "Previous meeting minutes" approves a record.
REVIEWED_THINGS: Final[str] = (
    r"action|matters|business arising|aufgaben|tareas|acciones|actiepunten|acties"
)

ACTIONS_HEADING = pattern(
    "sections.actions_heading",
    rf"\s*\**\s*(?:\d{{1,2}}[.)]?\s+)?(?:{'|'.join(ACTIONS_SECTION_HEADINGS)})"
    r"(?:\s+(?:for|of)\s+(?P<whose>[\w .'’&-]{1,40}))?\s*:?\s*\**\s*",
    re.IGNORECASE,
)
PREVIOUS_ACTIONS = pattern("sections.previous_actions", PREVIOUS_ACTIONS_CONTEXT, re.IGNORECASE)
REVIEWED = pattern("sections.reviewed", REVIEWED_THINGS, re.IGNORECASE)

MEETING_WORD = pattern("sections.meeting_word", r"\b(?:meeting|minutes|session)\b", re.IGNORECASE)
#: A line naming another meeting than the one it stands in: "Previous meeting: 2023-10-21",
#: "Next meeting: 2023-11-25", "Date of next meeting – 16 February" (Perth Artifactory).
OTHER_MEETING = pattern(
    "sections.other_meeting",
    r"^\W*(?:(?:previous|next|last|prior|following|upcoming|future)\s+(?:\w+\s+)?meeting"
    r"|date\s+(?:of|for)\s+(?:the\s+)?next\b)",
    re.IGNORECASE,
)
DIGITS = pattern("sections.digits", r"\d+")
ATTENDANCE_COLUMN = pattern(
    "sections.attendance_column",
    rf"^(?:{'|'.join(re.escape(t) for t in sorted(ATTENDANCE_COLUMN_TITLES))}|who)\b",
)
MEETING_DAY_MONTH = pattern(
    "sections.meeting_day_month", r"^\W*(?:\w+\s+)?(?P<a>\d{1,2})/(?P<b>\d{1,2})\b"
)

#: A line of a log cell that heads the lines below it: "2. Plan for the next week:",
#: "Progress / Achievements", "Unfinished work".
LOG_CELL_HEADING = pattern(
    "sections.log_cell_heading",
    r"^(?:\d{1,2}[.)]\s+[A-Z][\w /&’'-]{2,40}:?|[A-Z][\w /&’'-]{2,40}:|"
    r"(?!(?:A|An|The|We|I)\b)[A-Z][\w&’'-]*(?:\s*/\s*|\s+)[\w&’'-]+)$",
)
