"""Actions: action-log columns, restated action lines, verbs that make a sentence a statement
rather than a task, and the patterns of the action forms."""

from __future__ import annotations

from typing import Final

#: Action-log column headings → the field they hold (matched lower-case, without ":").
ACTION_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "ref": (
        "no",
        "no.",
        "ref",
        "ref.",
        "#",
        "action no",
        "action no.",
        "number",
        "id",
        "action ref",
        "action number",
        "item no",
        "item no.",
    ),
    "owner": (
        "owner",
        "owners",
        "lead",
        "who",
        "action by",
        "responsible",
        "by whom",
        "assigned to",
        "action owner",
        "officer",
        "lead officer",
        "person responsible",
        "action who",
        "action who/when",
        "who/when",
        "action/who",
        "action by whom",
    ),
    "description": (
        "action",
        "actions",
        "details",
        "description",
        "task",
        "action required",
        "agreed action",
        "what",
        "action/decision",
        "action point",
    ),
    "due": (
        "due",
        "due date",
        "deadline",
        "by when",
        "target date",
        "when",
        "date due",
        "timescale",
        "target",
        "by",
    ),
    "status": (
        "status",
        "update",
        "progress",
        "rag",
        "comments",
        "outcome",
        "update/status",
        "current status",
        "position",
    ),
    # Minutes kept as a table of points with an owner column: a row is an action only when
    # its owner cell names someone.
    "discussion": (
        "points discussed",
        "points discussed/agreed",
        "discussion",
        "discussion points",
        "item discussed",
        "notes",
    ),
    "minute": (
        "minute ref",
        "minute",
        "min ref",
        "agenda item",
        "item ref",
        "minute no",
        "minute no.",
    ),
}

#: An action restated for review: "ACTION 61.1: task", "Action LB: task", "TODO Mike :: task".
ACTION_LINE: Final[str] = (
    r"^\W{0,3}(?:action(?:\s+item)?|todo)\b\s*(?:(?P<ref>[\w./-]*\d[\w./-]*|(?-i:[A-Z]{1,4}"
    r"(?:\s*(?:&|and|,|/)\s*[A-Z]{1,4})*))|(?P<who>[A-Z][\w.'’-]+(?:\s*(?:&|and|or|/|,)\s*"
    r"[A-Z][\w.'’-]+)*)(?=\s*::))?\s*(?:::|[:–—]|-\s)\s*(?P<task>\S.{3,})$"
)

#: Verbs that open a statement about a role, not a task ("Ms X will take over as Chair").
NOT_TASK_STARTS: Final[tuple[str, ...]] = (
    "take over",
    "chair",
    "be ",
    "continue",
    "remain",
    "attend",
    "join",
    "step down",
    "replace",
    "become",
    "have ",
    "need",
    "like",
    "want",
    "also ",
    "not ",
    "now ",
    "still ",
)
