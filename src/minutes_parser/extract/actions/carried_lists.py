"""An action list that carries earlier actions forward beside the new ones: the new ones are
labelled ("**New:** SM to forward insurance details to BR"), so the unlabelled items are the
earlier actions, reported on — struck through with "done", replaced, or still open.

perth-artifactory-committee-2010-10-21.md (corpus/real) writes its "## Actions" list this way.
"""

from __future__ import annotations

from ...document import BlockKind
from ...models import ActionStatus, ActionUpdate
from ...rules.actions import OWNER_TASK
from ...rules.actions_review import NEW_ACTION_LABEL
from ..sections import is_actions_heading
from .context import _Context
from .owners import _plausible_owner
from .status import action_status

__all__ = ["carried_list_updates"]


def carried_list_updates(ctx: _Context, skip: set[int]) -> tuple[list[ActionUpdate], set[int]]:
    """Updates for the unlabelled items of action lists that label their new items."""
    blocks = ctx.doc.blocks
    out: list[ActionUpdate] = []
    used: set[int] = set()
    for k, b in enumerate(blocks):
        if b.kind is not BlockKind.HEADING or not is_actions_heading(b.text):
            continue
        items: list[int] = []
        for i in range(k + 1, len(blocks)):
            nb = blocks[i]
            if nb.kind is not BlockKind.LIST_ITEM:
                break
            if nb.level in (None, 1) and i not in skip:
                items.append(i)
        labelled = [i for i in items if NEW_ACTION_LABEL.match(blocks[i].text)]
        if not labelled or len(labelled) == len(items):
            continue
        for i in items:
            if i not in labelled:
                out.append(_carried(ctx, i))
                used.add(i)
    return out, used


def _carried(ctx: _Context, i: int) -> ActionUpdate:
    b = ctx.doc.blocks[i]
    text = b.text.strip()
    status, worded = action_status(text)
    if b.checked:
        status = ActionStatus.COMPLETED if status in (None, ActionStatus.OPEN) else status
    status = status or ActionStatus.OPEN
    ot = OWNER_TASK.match(text)
    owners = _plausible_owner(ctx, ot.group("who"), explicit=True) if ot else None
    return ActionUpdate(
        description=text,
        owners=[o.name or o.as_written for o in owners or []],
        owner_refs=owners or [],
        status=status,
        status_text=worded,
        span=b.span,
        rule="action_review:carried_list",
    )
