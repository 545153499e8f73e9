"""The status a report on an action states, read from its wording by
``rules.ACTION_STATUS_WORDS``; and ``rules.PREVIOUS_ACTIONS_CONTEXT``, the words that say a
section or table reports on actions from earlier meetings."""

from __future__ import annotations

from ...models import (
    ActionStatus,
)
from ...rules.statuses import STATUS_CLAUSES, STATUS_PATTERNS

_VERDICT_RANK = {
    ActionStatus.DROPPED: 0,
    ActionStatus.CARRIED_FORWARD: 1,
    ActionStatus.COMPLETED: 2,
    ActionStatus.ONGOING: 3,
    ActionStatus.OPEN: 4,
}


def action_status(text: str) -> tuple[ActionStatus | None, str]:
    """The status a report's wording states, and the wording it was read from.

    Each clause is read on its own ("not done yet, carry forward"); where clauses disagree the
    more decisive verdict wins: dropped, carried forward, completed, ongoing, then open.
    """
    best: tuple[int, ActionStatus, str] | None = None
    for clause in STATUS_CLAUSES.split(text):
        for rx, status in STATUS_PATTERNS:
            m = rx.search(clause)
            if m:
                rank = _VERDICT_RANK[status]
                if best is None or rank < best[0]:
                    best = (rank, status, m.group(0))
                break
    return (best[1], best[2]) if best else (None, "")
