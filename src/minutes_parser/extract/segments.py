"""Documents that hold several meetings (a team's running log, one Word file per term):
find where each meeting starts and give each its own view of the document.

A view shares the document's text, so every span stays valid in the whole document.
"""

from __future__ import annotations

from itertools import pairwise

from ..document import Block, BlockKind, Document
from ..rules.sections import (
    ATTENDANCE_COLUMN,
    DIGITS,
    LOG_CELL_HEADING,
    MEETING_DAY_MONTH,
    MEETING_WORD,
    OTHER_MEETING,
)
from .dates import Order, find_dates
from .people import split_honorifics
from .sections import attendance_heading

__all__ = ["split_meetings"]

_ATTENDANCE_WINDOW = 6
_OPENER_WINDOW = 12


def _meeting_date(text: str, order: Order) -> str | None:
    """The date a meeting heading carries ("Meeting 3 — 14/03/2024", "21/2 7pm-8pm"), numeric
    dates read in the document's order (so "10/5/2021" and "2021-10-05" are one meeting)."""
    for dm in find_dates(text, order):
        if dm.stamped:
            continue  # a clerk's "RECEIVED JUL 15 2026" stamp opens no meeting
        return dm.date.isoformat()
    m = MEETING_DAY_MONTH.match(text)
    if m is None:
        return None
    day, month = (m.group("a"), m.group("b")) if order == "dmy" else (m.group("b"), m.group("a"))
    # "2/15 Newell Street" is an address: no month 15
    return m.group(0) if 1 <= int(day) <= 31 and 1 <= int(month) <= 12 else None


def _is_meeting_start(doc: Document, i: int, order: Order) -> str | None:
    b: Block = doc.blocks[i]
    text = b.text.strip()
    if len(text) > 160 or split_honorifics(text)[0]:
        return None
    if not (b.kind.value == "heading" or MEETING_WORD.search(text)):
        return None  # tested before the dates: most blocks fail here, cheaply
    if OTHER_MEETING.match(text):
        return None  # "Previous meeting: 2023-10-21" dates the meeting before this one
    date = _meeting_date(text, order)
    if date is None:
        return None
    window = doc.blocks[i + 1 : i + 1 + _ATTENDANCE_WINDOW]
    return date if any(attendance_heading(w.text) is not None for w in window) else None


def _dated_starts(doc: Document, order: Order) -> list[int]:
    """Blocks that open a meeting with its date: "Meeting 3 — 14/03/2024" then attendance."""
    starts: list[int] = []
    dates: set[str] = set()
    for i in range(len(doc.blocks)):
        date = _is_meeting_start(doc, i, order)
        if date is None or date in dates:
            continue
        if starts and not any(
            attendance_heading(b.text) is not None for b in doc.blocks[starts[-1] + 1 : i]
        ):
            # "# 2024-11-09" then "Meeting Date/Time: 2024-11-19" over one "Attendees"
            # (hacman-board-2024-11-19.md): two dates heading one record, not two meetings
            continue
        starts.append(i)
        dates.add(date)
    return starts


def _window_date(doc: Document, i: int) -> str | None:
    for b in doc.blocks[i : i + _OPENER_WINDOW]:
        date = next((dm.date.isoformat() for dm in find_dates(b.text)), None)
        if date is not None:
            return date
    return None


def _recurring_openers(doc: Document) -> list[int]:
    """Blocks of a template the log repeats for each meeting ("<R-Pet (Team 22)>", "Meeting
    No: 2", "Meeting Details"): the earliest line that recurs with a new date after each
    occurrence and an attendance section close by opens every meeting."""
    occurrences: dict[str, list[int]] = {}
    for i, b in enumerate(doc.blocks):
        text = b.text.strip()
        if b.kind is BlockKind.TABLE_ROW or not text or len(text) > 80:
            continue
        occurrences.setdefault(DIGITS.sub("#", text.lower()), []).append(i)
    best: list[int] = []
    for starts in occurrences.values():
        if len(starts) < 2 or (best and starts[0] >= best[0]):
            continue
        dates = [_window_date(doc, i) for i in starts]
        attended = all(
            any(
                attendance_heading(w.text.split("\t")[0]) is not None
                for w in doc.blocks[i : i + _OPENER_WINDOW]
            )
            for i in starts
        )
        if attended and None not in dates and len(set(dates)) == len(dates):
            best = starts
    return best


def _log_table_rows(doc: Document) -> list[int]:
    """Rows of a log kept as one table, a meeting a row: a header naming a date column and a
    column of who attended, then rows each with a date of its own."""
    for i, b in enumerate(doc.blocks):
        if b.kind is not BlockKind.TABLE_ROW or not b.cells:
            continue
        header = [c.text.strip().lower() for c in b.cells]
        if not any(h.startswith("date") for h in header) or not any(
            ATTENDANCE_COLUMN.match(h) for h in header
        ):
            continue
        rows = [
            k
            for k in range(i + 1, len(doc.blocks))
            if doc.blocks[k].kind is BlockKind.TABLE_ROW and doc.blocks[k].table == b.table
        ]
        dates = [next(iter(find_dates(doc.blocks[k].text)), None) for k in rows]
        if len(rows) >= 2 and all(dates) and len({d.date for d in dates if d}) == len(rows):
            return rows
    return []


def _cell_outline(header: Block, row: Block) -> list[Block]:
    """A log row's content cells read as the minutes they are: a short line ending with a
    colon or numbered like an item ("2. Plan for the next week:") heads the lines below it,
    which read as its items. The date and attendance cells stay in the row itself."""
    titles = [c.text.strip().lower() for c in header.cells or []]
    out: list[Block] = []
    for col, cell in enumerate(row.cells or []):
        title = titles[col] if col < len(titles) else ""
        if title.startswith("date") or ATTENDANCE_COLUMN.match(title):
            continue
        under_heading = False
        at = cell.start
        for line in cell.text.split("\n"):
            lead = len(line) - len(line.lstrip())
            text = line.strip()
            start = at + lead
            at += len(line) + 1
            if not text:
                continue
            if LOG_CELL_HEADING.match(text):
                kind, level, under_heading = BlockKind.HEADING, 2, True
            elif under_heading:
                kind, level = BlockKind.LIST_ITEM, 1
            else:
                kind, level = BlockKind.PARAGRAPH, None
            out.append(
                Block(
                    kind=kind,
                    text=text,
                    start=start,
                    end=start + len(text),
                    page=row.page,
                    level=level,
                )
            )
    return out


def split_meetings(doc: Document, order: Order = "dmy") -> list[Document]:
    """One view per meeting; the whole document when it holds fewer than two. ``order`` is
    how the document writes numeric dates (the extraction context's)."""
    starts = _dated_starts(doc, order)
    if len(starts) < 2:
        starts = _recurring_openers(doc)
    if len(starts) < 2:
        rows = _log_table_rows(doc)
        if rows:
            # The title and the header row are context for every row's meeting.
            head = doc.blocks[: rows[0]]
            header = doc.blocks[rows[0] - 1]
            return [
                doc.model_copy(
                    update={"blocks": [*head, doc.blocks[k], *_cell_outline(header, doc.blocks[k])]}
                )
                for k in rows
            ]
    if len(starts) < 2:
        return [doc]
    # Blocks before the first meeting (the log's title, a team roster) are context for every
    # meeting: "Sofia" in meeting 3 is the "Sofia Marchetti" of the roster at the top.
    preamble = doc.blocks[: starts[0]]
    bounds = [*starts, len(doc.blocks)]
    return [
        doc.model_copy(update={"blocks": [*preamble, *doc.blocks[a:z]]})
        for a, z in pairwise(bounds)
    ]
