"""Section headings more than one extractor reads: a list of this meeting's actions, and a
review of earlier ones. Defined once so the agenda outline, the action markers and the review
readers agree on what opens each section."""

from __future__ import annotations

import re

from ..document import Block
from ..rules import (
    ACTION_COLUMNS,
    ACTIONS_SECTION_HEADINGS,
    PREVIOUS_ACTIONS_CONTEXT,
    REVIEWED_THINGS,
)

__all__ = [
    "action_table_columns",
    "actions_heading_owner",
    "is_actions_heading",
    "is_review_heading",
]

_ACTIONS_HEADING = re.compile(
    rf"\s*\**\s*(?:\d{{1,2}}[.)]?\s+)?(?:{'|'.join(ACTIONS_SECTION_HEADINGS)})"
    r"(?:\s+(?:for|of)\s+(?P<whose>[\w .'’&-]{1,40}))?\s*:?\s*\**\s*",
    re.IGNORECASE,
)
_PREVIOUS = re.compile(PREVIOUS_ACTIONS_CONTEXT, re.IGNORECASE)
_REVIEWED = re.compile(REVIEWED_THINGS, re.IGNORECASE)
_COLUMN_OF = {name.lower(): col for col, names in ACTION_COLUMNS.items() for name in names}


def is_actions_heading(text: str) -> bool:
    """ "Actions:", "Action items for Cultivator", "Next steps", "**3. To do**". Not "Action
    List from Meeting 14-3-16": a list brought from an earlier meeting is reported on."""
    return _ACTIONS_HEADING.fullmatch(text) is not None


def actions_heading_owner(text: str) -> str | None:
    """Whose actions an actions heading lists: "Action Items for Cultivator" → "Cultivator"."""
    m = _ACTIONS_HEADING.fullmatch(text)
    return m.group("whose").strip() if m and m.group("whose") else None


def is_review_heading(text: str) -> bool:
    """A short line opening a review of earlier actions: "Matters arising", "Action items
    from last month", "Review of previous actions"."""
    text = text.strip()
    return len(text) < 120 and bool(_PREVIOUS.search(text)) and bool(_REVIEWED.search(text))


def action_table_columns(b: Block) -> dict[str, int] | None:
    """The columns of an action table's header row (task, owner, ref, due, status …), or
    None when ``b`` does not head an action table."""
    if b.cells is None:
        return None
    cols: dict[str, int] = {}
    for k, c in enumerate(b.cells):
        key = c.text.strip().strip(":").strip().lower()
        col = _COLUMN_OF.get(key)
        if col and col not in cols:
            cols[col] = k
    if "description" not in cols and "item" in cols and "owner" in cols:
        cols["description"] = cols.pop("item")
    if "description" in cols and ("owner" in cols or "ref" in cols) and len(cols) >= 2:
        return cols
    if "discussion" in cols and "owner" in cols and "description" not in cols:
        return cols
    return None
