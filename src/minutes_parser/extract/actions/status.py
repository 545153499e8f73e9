"""The status a report on an action states, read from its wording by
``rules.ACTION_STATUS_WORDS``; and ``rules.PREVIOUS_ACTIONS_CONTEXT``, the words that say a
section or table reports on actions from earlier meetings."""

from __future__ import annotations

import re

from ...models import (
    ActionStatus,
)
from ...rules import (
    ACTION_STATUS_WORDS,
    PREVIOUS_ACTIONS_CONTEXT,
)

_VERDICT_RANK = {
    ActionStatus.DROPPED: 0,
    ActionStatus.CARRIED_FORWARD: 1,
    ActionStatus.COMPLETED: 2,
    ActionStatus.ONGOING: 3,
    ActionStatus.OPEN: 4,
}
_CLAUSES = re.compile(r"(?<=[.;,])\s+|\s+[—–]\s+")
_STATUS = [(re.compile(p, re.IGNORECASE), ActionStatus(s)) for p, s in ACTION_STATUS_WORDS]
_PREVIOUS = re.compile(PREVIOUS_ACTIONS_CONTEXT, re.IGNORECASE)


def action_status(text: str) -> tuple[ActionStatus | None, str]:
    """The status a report's wording states, and the wording it was read from.

    Each clause is read on its own ("not done yet, carry forward"); where clauses disagree the
    more decisive verdict wins: dropped, carried forward, completed, ongoing, then open.
    """
    best: tuple[int, ActionStatus, str] | None = None
    for clause in _CLAUSES.split(text):
        for rx, status in _STATUS:
            m = rx.search(clause)
            if m:
                rank = _VERDICT_RANK[status]
                if best is None or rank < best[0]:
                    best = (rank, status, m.group(0))
                break
    return (best[1], best[2]) if best else (None, "")
