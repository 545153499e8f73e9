"""Action logs: tables with a description column and an owner or reference column
("Ref | Action | Owner | Due | Status"), and tables of points discussed with an owner column.

Rows of a log that reports on earlier actions (a "Matters arising" heading above it, a row
"Raised 27 July 2023" or "Actions ongoing as at …") become :class:`ActionUpdate` objects;
the other rows are mentions of new actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...document import Block, BlockKind, Document, is_title_row
from ...models import (
    ActionStatus,
    ActionUpdate,
    PersonRef,
)
from ...rules.actions import (
    BETWEEN_BULLETS,
    HEADERLESS_OWNER_CELL,
    HISTORY,
    LEADING_OWNERS,
    LOG_EARLIER_ROW,
    LOG_NEW_ROW,
    OWNER_CELL_TASK,
    OWNER_SEP,
    REF_THEN_OWNER,
    SECTION_ROW,
)
from ...rules.sections import PREVIOUS_ACTIONS
from ..dates import Order, find_dates, parse_date
from ..sections import HEADERLESS_COLUMNS, action_table_columns, headerless_action_table
from .context import _Context
from .merge import _Mention
from .owners import _handover, _owners
from .status import action_status


def _action_logs(ctx: _Context) -> Iterator[tuple[_Mention | ActionUpdate, set[int]]]:
    doc = ctx.doc
    # A log names the same few owners on row after row: each is resolved once.
    owners_of: dict[str, list[PersonRef]] = {}
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        cols = action_table_columns(blocks[i]) if blocks[i].kind is BlockKind.TABLE_ROW else None
        # a table of "task | owner" rows with no header row: its first row is an action
        headerless = cols is None and headerless_action_table(blocks, i)
        if headerless:
            cols = dict(HEADERLESS_COLUMNS)
        if cols is None:
            i += 1
            continue
        previous = _is_previous_context(doc, i)
        raised: dt.date | None = _context_date(doc, i) if previous else None
        used = {i}
        table = blocks[i].table
        j = i if headerless else i + 1
        while j < len(blocks):
            b = blocks[j]
            if b.kind is BlockKind.TABLE_ROW and b.cells is not None:
                new_cols = action_table_columns(b)
                if new_cols is not None:
                    cols = new_cols  # a continuation table may add a column ("Update")
                    table = b.table
                    used.add(j)
                    j += 1
                    continue
                if b.table != table and is_title_row([c.text for c in b.cells]):
                    break  # the next table, headed for something else ("Item | Notes")
                table = b.table
                filled = [c for c in b.cells if c.text.strip()]
                if len(filled) == 1 and SECTION_ROW.search(filled[0].text):
                    previous, raised = _section_state(ctx, filled[0].text, previous, raised)
                    used.add(j)
                    j += 1
                    continue
                row = _row_fields(b, cols)
                if row is not None and headerless:
                    row = _leading_owners(row)
                if row is not None:
                    yield _row_item(ctx, j, row, previous, raised, owners_of), {j}
                used.add(j)
                j += 1
                continue
            if (
                len(b.text) <= 80
                and SECTION_ROW.search(b.text)
                and b.kind is not BlockKind.LIST_ITEM
            ):
                previous, raised = _section_state(ctx, b.text, previous, raised)
                used.add(j)
                j += 1
                continue
            break
        yield from ()
        i = j


def _section_state(
    ctx: _Context, text: str, previous: bool, raised: dt.date | None
) -> tuple[bool, dt.date | None]:
    """A row like "Raised 27 July 2023" or "Actions ongoing as at 04.12.14" sets whether the
    rows below report on earlier actions, and when those were raised."""
    dates = [m.date for m in find_dates(text, ctx.order)]
    md = ctx.meeting.meeting.date
    if LOG_EARLIER_ROW.search(text):
        return True, None
    if dates:
        is_previous = md is None or dates[0] != md
        return is_previous, dates[0] if is_previous else None
    if LOG_NEW_ROW.search(text):
        return False, None
    return previous, raised


def _is_previous_context(doc: Document, i: int) -> bool:
    """Whether the heading or paragraph just above a log says it reports earlier actions."""
    for k in range(i - 1, max(-1, i - 3), -1):
        b = doc.blocks[k]
        if b.kind is BlockKind.TABLE_ROW:
            break
        if PREVIOUS_ACTIONS.search(b.text) and len(b.text) < 200:
            return True
        if b.kind is BlockKind.HEADING or len(b.text) < 120:
            return False
    return False


def _context_date(doc: Document, i: int) -> dt.date | None:
    for k in range(i - 1, max(-1, i - 3), -1):
        if len(doc.blocks[k].text) < 200:
            for m in find_dates(doc.blocks[k].text):
                return m.date
    return None


def _row_fields(b: Block, cols: dict[str, int]) -> dict[str, tuple[str, int]] | None:
    """Cell text and offset per column; a "1. Warren Carratt" cell is split into ref and owner
    where a template merged the first two columns."""
    assert b.cells is not None
    cells = list(b.cells)
    while cells and not cells[-1].text.strip():
        cells.pop()  # grid formats keep trailing empty cells; text exports drop them
    out: dict[str, tuple[str, int]] = {}
    shift = 0
    if "ref" in cols and "owner" in cols and len(cells) < max(cols.values()) + 1:
        m = REF_THEN_OWNER.match(cells[cols["ref"]].text)
        if m and cols["owner"] == cols["ref"] + 1:
            c = cells[cols["ref"]]
            out["ref"] = (m.group(1), c.start)
            out["owner"] = (m.group(2), c.start + m.start(2))
            shift = 1
    for col, k in cols.items():
        if col in out:
            continue
        kk = k - shift if k > cols.get("owner", 99) or (shift and col != "ref") else k
        if 0 <= kk < len(cells):
            out[col] = (cells[kk].text.strip(), cells[kk].start)
    if "description" not in cols and "discussion" in out:
        owner, at = out.get("owner", ("", 0))
        if not owner:
            return None  # a point discussed that nobody was asked to act on
        task = OWNER_CELL_TASK.match(owner)
        if task:  # "JN to send Pdfs of each plan": the owner cell states the action itself
            out["owner"] = (task.group("who"), at)
            out["description"] = (task.group("task"), at + task.start("task"))
        else:  # "JN/AC Nov (3/4?)": who, then when
            who = LEADING_OWNERS.match(owner)
            if who is None:
                return None
            out["owner"] = (who.group(), at)
            out["description"] = _owned_point(*out["discussion"], who.group())
    desc = out.get("description", ("", 0))[0]
    if len(desc) < 3:
        return None
    return out


def _leading_owners(row: dict[str, tuple[str, int]]) -> dict[str, tuple[str, int]]:
    """The owners an unheaded table's owner cell opens with ("LS (c/fwd)", "ALL – pass to
    RE"); what follows them is a note on the action, read as its status."""
    owner, at = row.get("owner", ("", 0))
    found, word = action_status(owner)
    if found is not None and owner.startswith(word):
        return {**row, "owner": ("", at), "status": (owner, at)}  # "DONE – by email"
    m = HEADERLESS_OWNER_CELL.match(owner)
    if m is None or m.end() == len(owner):
        return row
    note = owner[m.end() :].strip(" –—-()\n")
    return {**row, "owner": (m.group(), at), "status": (note, at + m.end())}


def _owned_point(text: str, start: int, owner: str) -> tuple[str, int]:
    """The part of a discussed point that is the action: the last bullet naming its owner
    ("• AC to arrange to be sent out with minutes"), else the last bullet."""
    pieces = [
        (m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
        for m in BETWEEN_BULLETS.finditer(text)
        if m.group().strip()
    ]
    if not pieces:
        return text, start
    names = [n for n in OWNER_SEP.split(owner) if n]
    for piece, at in reversed(pieces):  # what was agreed comes last
        if any(_has_word(piece, n) for n in names):
            return piece, start + at
    piece, at = pieces[-1]
    return piece, start + at


def _row_item(
    ctx: _Context,
    j: int,
    row: dict[str, tuple[str, int]],
    previous: bool,
    raised: dt.date | None,
    owners_of: dict[str, list[PersonRef]],
) -> _Mention | ActionUpdate:
    b = ctx.doc.blocks[j]
    ref = row.get("ref", ("", 0))[0].rstrip(".") or None
    owner_text = row.get("owner", ("", 0))[0]
    if owner_text not in owners_of:
        owners_of[owner_text] = _owners(ctx, owner_text)
    owners = list(owners_of[owner_text])  # PersonRefs are never changed once made
    desc = row["description"][0]
    status_text = row.get("status", ("", 0))[0]
    status: ActionStatus | None = None
    for paragraph in reversed(HISTORY.split(status_text)):
        # A cell may hold a history ("Discharged 04.09…" / "Update from 04.12…"): the last
        # report that states a status is the current one.
        status, _ = action_status(paragraph)
        if status is not None:
            break
    span = b.span  # the row's own page: what doc.span(b.start, b.end) finds, without a search
    minute = row.get("minute", ("", 0))[0]
    if minute and not previous and _is_earlier_minute(ctx, minute):
        previous = True
    due_text = row.get("due", ("", 0))[0]
    dated = parse_date(row.get("raised", ("", 0))[0], ctx.order)
    held = ctx.meeting.meeting.date
    if dated is not None and held is not None:
        if dated < held:
            # "02.20.15 | Email thread to review … | Phyllis | Open" in June's minutes: an
            # action of February's meeting, reported on
            previous, raised = True, dated
        elif dated > held and not due_text:
            due_text = row["raised"][0]
    if previous:
        new_owners = _handover(ctx, status_text)
        return ActionUpdate(
            ref=ref,
            raised_date=raised.isoformat() if raised else None,
            owners=[o.name or o.as_written for o in owners],
            owner_refs=owners,
            new_owners=new_owners,
            description=desc,
            status=status or (ActionStatus.ONGOING if new_owners else ActionStatus.OPEN),
            status_text=status_text,
            status_date=_first_date(status_text, ctx.order),
            span=span,
            rule="action_log:update",
        )
    return _Mention(
        description=desc,
        owners=owners,
        span=span,
        rule="action_log:row",
        ref=ref,
        due_text=due_text or None,
        status=status if status not in (None, ActionStatus.OPEN) else ActionStatus.OPEN,
        weight=3,
        block=j,
    )


def _is_earlier_minute(ctx: _Context, minute: str) -> bool:
    """A minute reference that is not one of this meeting's items (an older action)."""
    numbers = {it.number for root in ctx.meeting.agenda_items for it in root.walk() if it.number}
    return bool(numbers) and minute.strip() not in numbers


def _first_date(text: str, order: Order) -> str | None:
    for m in find_dates(text, order):
        return m.date.isoformat()
    return None


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` (an owner's name from the row, so data, not a rule) stands in
    ``text`` between word boundaries, as a regex ``\\b`` reads them: "AC" in "• AC to arrange",
    not in "ACTION"."""
    at = text.find(word)
    while at >= 0:
        if _boundary(text, at) and _boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """Whether a regex ``\\b`` holds at ``i``: a word character on one side only."""
    before = i > 0 and _is_word_char(text[i - 1])
    after = i < len(text) and _is_word_char(text[i])
    return before != after


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
