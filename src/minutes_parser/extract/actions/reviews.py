"""Reviews of earlier actions written as lists: items under a "Review of last actions" /
"Matters arising" heading ("fix the login timeout (Ravi) — done"), and scribe-style
"ACTION-87 (hana): …" lines followed by a status."""

from __future__ import annotations

import datetime as dt
import re

from ...document import Block, BlockKind, Document
from ...models import (
    ActionStatus,
    ActionUpdate,
    PersonRef,
)
from ...rules.actions import IRC, LIST_REF, OWNER_TASK, SCRIBE_REF, STATUS_SPLIT
from ..dates import find_dates
from ..due import resolve_due
from ..sections import is_review_heading
from .context import _Context
from .owners import _handover, _owners, _plausible_owner
from .status import action_status


def _review_lists(ctx: _Context) -> tuple[list[ActionUpdate], set[int]]:
    """Updates listed under a "Matters arising" / "Review of last actions" heading, and
    scribe-style "ACTION-87 (hana): …" lines followed by a status."""
    doc = ctx.doc
    out: list[ActionUpdate] = []
    used: set[int] = set()
    in_review = False
    raised: str | None = None
    for k, b in enumerate(doc.blocks):
        text = IRC.sub("", b.text)
        if b.kind is BlockKind.TABLE_ROW:
            in_review = False
            continue
        scribe = SCRIBE_REF.match(text)
        if scribe and _followed_by_status(doc, k):
            upd = _scribe_update(ctx, k, scribe)
            if upd is not None:
                out.append(upd)
                used.add(k)
            continue
        if b.kind is not BlockKind.LIST_ITEM:
            if is_review_heading(text):
                in_review = True
                raised = _loose_date(ctx, text)
            elif not (in_review and text.rstrip().endswith(":") and len(text) < 120):
                in_review = False
            continue
        if in_review:
            upd2 = _list_update(ctx, b, raised)
            if upd2 is not None:
                out.append(upd2)
                used.add(k)
    return out, used


def _list_update(ctx: _Context, b: Block, raised: str | None) -> ActionUpdate | None:
    """ "fix the login timeout (Ravi) — done", "TLC/23/35 – Ms Dunmore to review …: carried
    forward", "Insurance renewal (BA): completed; …" → an update."""
    text = b.text
    ref = None
    m = LIST_REF.match(text)
    if m:
        ref = m.group("ref").rstrip(".")
        note = m.group("note") or ""
        raised = _loose_date(ctx, note) or raised
        text = text[m.end() :]
    pieces = STATUS_SPLIT.split(text)
    for cut in range(len(pieces) - 1, 0, -1):
        status_text = " ".join(pieces[cut:])
        status, _ = action_status(status_text)
        if status is not None:
            break
    else:
        return None
    desc = " ".join(pieces[:cut]).strip()
    owners: list[PersonRef] = []
    who = re.search(r"\(([^)]*)\)\s*$", desc)
    if who:
        note = who.group(1)
        fm = re.search(r",?\s*from\s+(?P<d>.+)$", note)
        if fm:
            raised = _loose_date(ctx, fm.group("d")) or raised
            note = note[: fm.start()]
        owners = _plausible_owner(ctx, note, explicit=True) or []
        desc = desc[: who.start()].strip()
    else:
        ot = OWNER_TASK.match(desc)
        refs = _plausible_owner(ctx, ot.group("who")) if ot else None
        if ot and refs:
            owners, desc = refs, ot.group("task")
    return ActionUpdate(
        ref=ref,
        new_owners=_handover(ctx, status_text),
        description=desc,
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        raised_date=raised,
        status=status,
        status_text=status_text.strip(),
        span=b.span,
        rule="action_review:list",
    )


def _loose_date(ctx: _Context, text: str) -> str | None:
    """A date in a note, completing a missing year from the meeting ("from 15/02")."""
    for m in find_dates(text, ctx.order):
        return m.date.isoformat()
    md = ctx.meeting.meeting.date
    if md is None:
        return None
    due, _ = resolve_due(text, md - dt.timedelta(days=366), None, ctx.order)
    if due and re.match(r"\d{4}-\d{2}-\d{2}$", due):
        d = dt.date.fromisoformat(due)
        while d > md:
            d = d.replace(year=d.year - 1)
        return d.isoformat()
    return None


def _followed_by_status(doc: Document, k: int) -> bool:
    for b in doc.blocks[k + 1 : k + 4]:
        text = IRC.sub("", b.text)
        if SCRIBE_REF.match(text):
            return False
        if action_status(text)[0] is not None:
            return True
    return False


def _scribe_update(ctx: _Context, k: int, m: re.Match[str]) -> ActionUpdate | None:
    doc = ctx.doc
    status: ActionStatus | None = None
    status_text = ""
    for b in doc.blocks[k + 1 : k + 4]:
        if SCRIBE_REF.match(IRC.sub("", b.text)):
            break
        st, _ = action_status(IRC.sub("", b.text))
        if st is not None:
            status, status_text = st, b.text
    if status is None:
        return None
    owners = _owners(ctx, m.group("who") or "")
    b0 = doc.blocks[k]
    return ActionUpdate(
        ref=f"ACTION-{m.group('ref')}",
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        description=m.group("rest").strip(),
        status=status,
        status_text=status_text,
        span=b0.span,
        rule="action_review:scribe",
    )
