"""Status lines: an earlier action restated with its status on the line or item beneath.

Minutes that review their actions often restate each one and put the verdict under it::

    ACTION 61.1: Ganache/spec compliance issue at go-ethereum
    Status: Will look at this in the next meeting

    Action LB: Make publicity for the social
        ■ Action Complete

An action line is one that opens with "Action"/"TODO" and an optional reference or owner's
initials; its status is the first status line among its own later lines or the next two
blocks (``rules.STATUS_LINE``). Inside a section that reviews earlier actions every such pair
is an update; elsewhere only a pair whose status is past "open" (a new action is not reported
done at the meeting that raises it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ...document import Block, BlockKind, Document, Span
from ...models import ActionStatus, ActionUpdate, PersonRef
from ...rules.actions import ACTION_LINE_RE, OWNER_INITIALS, STATUS_LINE_RE
from ...rules.statuses import CELL_STATUS_WINDOW, STATUS_LABEL
from ..sections import is_review_heading

__all__ = ["status_line_updates"]


StatusOf = Callable[[str], tuple[ActionStatus | None, str]]
OwnersOf = Callable[[str], list[PersonRef]]


def _status_in(
    lines: list[str], status_of: StatusOf, labelled: bool = False
) -> tuple[ActionStatus, str] | None:
    """The first status line among ``lines``; with ``labelled``, a "Status: …" line that
    states no verdict in status words reports progress: under way."""
    for line in lines:
        line = line.strip()
        if len(line) <= 120 and STATUS_LINE_RE.match(line):
            status, _ = status_of(line)
            if status is not None:
                return status, line
        if labelled and STATUS_LABEL.match(line):
            status, _ = status_of(line)
            return status or ActionStatus.ONGOING, line
    return None


def _is_review_heading(b: Block) -> bool:
    return is_review_heading(b.text)


def status_line_updates(
    doc: Document, status_of: StatusOf, owners_of: OwnersOf
) -> tuple[list[ActionUpdate], set[int]]:
    """Updates read from action lines with a status beneath, and the blocks they used."""
    out: list[ActionUpdate] = []
    used: set[int] = set()
    seen: set[tuple[str | None, str]] = set()
    in_review = False
    review_level = 0
    blocks = doc.blocks
    for k, b in enumerate(blocks):
        if b.kind is BlockKind.TABLE_ROW:
            out.extend(_cell_updates(b, status_of, owners_of, seen))
            continue
        if b.kind is BlockKind.HEADING:
            if _is_review_heading(b):
                in_review, review_level = True, b.level or 0
            elif in_review and (b.level or 0) <= review_level:
                in_review = False
            continue
        first, *rest = b.text.split("\n")
        m = ACTION_LINE_RE.match(first.strip())
        if m is None:
            if b.kind is BlockKind.PARAGRAPH and _is_review_heading(b) and len(b.text) < 80:
                in_review, review_level = True, 99
            continue
        found = _status_in(rest, status_of, in_review)
        status_blocks = []
        if found is None:
            for j in range(k + 1, min(k + 3, len(blocks))):
                nb = blocks[j]
                if nb.kind is BlockKind.TABLE_ROW or ACTION_LINE_RE.match(nb.text.strip()):
                    break
                found = _status_in(nb.text.split("\n"), status_of, in_review)
                if found is not None:
                    status_blocks.append(j)
                    break
        if found is None and in_review and 0 < review_level < 99 and b.kind is BlockKind.LIST_ITEM:
            # Listed under a marked-up review heading with no verdict: still open, or under way
            # where a note nested beneath it reports progress ("To be published somewhere").
            note = blocks[k + 1] if k + 1 < len(blocks) else None
            if (
                note is not None
                and b.kind is BlockKind.LIST_ITEM
                and note.kind is BlockKind.LIST_ITEM
                and (note.level or 0) > (b.level or 0)
            ):
                found = (ActionStatus.ONGOING, note.text)
                status_blocks.append(k + 1)
            else:
                found = (ActionStatus.OPEN, "")
        if found is None:
            continue
        status, status_text = found
        if not in_review and status is ActionStatus.OPEN:
            continue
        upd = _update(m, status, status_text, b.span, owners_of, seen)
        used.update([k, *status_blocks] if upd is not None else [k])
        if upd is not None:
            out.append(upd)
    return out, used


def _update(
    m: re.Match[str],
    status: ActionStatus,
    status_text: str,
    span: Span,
    owners_of: OwnersOf,
    seen: set[tuple[str | None, str]],
) -> ActionUpdate | None:
    """The update an action line ``m`` and its status make; ``None`` for one already read."""
    ref = (m.group("ref") or "").strip() or None
    task = m.group("task").strip()
    owners: list[PersonRef] = []
    if ref and OWNER_INITIALS.match(ref):
        owners, ref = owners_of(ref), None
    elif m.group("who"):
        owners = owners_of(m.group("who"))  # "TODO Mike :: …"
    key = (ref, task.lower())
    if key in seen:
        return None
    seen.add(key)
    return ActionUpdate(
        ref=ref,
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        description=task,
        status=status,
        status_text=status_text,
        span=span,
        rule="action_review:status_line",
    )


def _until_next_action(lines: list[str]) -> list[str]:
    for n, line in enumerate(lines):
        if ACTION_LINE_RE.match(line.strip()):
            return lines[:n]
    return lines


def _cell_updates(
    b: Block, status_of: StatusOf, owners_of: OwnersOf, seen: set[tuple[str | None, str]]
) -> Iterator[ActionUpdate]:
    """Action lines inside a table cell with their status on the next line, as minutes kept
    in an item table write them ("Action AA: Submit pizza expenses" / "Action completed"),
    or a few lines below, before the next action line.
    The row is left to the other readers: the cell's new actions are read there."""
    for cell in b.cells or []:
        lines = cell.text.split("\n")
        starts = [cell.start + sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
        for i, line in enumerate(lines[:-1]):
            m = ACTION_LINE_RE.match(line.strip())
            below = _until_next_action(lines[i + 1 : i + 1 + CELL_STATUS_WINDOW])
            found = _status_in(below, status_of) if m else None
            if m is None or found is None or found[0] is ActionStatus.OPEN:
                continue
            span = Span(page=b.page, start=starts[i], end=starts[i] + len(line))
            upd = _update(m, found[0], found[1], span, owners_of, seen)
            if upd is not None:
                yield upd
