"""Attendance tables: a "Name | Role | Attendance" table, a row whose first cell is a heading
("Present | A, B, C") and the rows continuing it, and grids of names under a "Present:" row."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...document import Block, BlockKind
from ...models import AttendanceStatus
from ...rules.attendance import ATTENDANCE_NAME_COLUMNS, ATTENDANCE_STATUS_COLUMNS
from ..people import is_name_like
from ..sections import attendance_heading
from .entries import _Entry, _status_from_cell, parse_entry
from .lists import _split_inline


def _attendance_table_header(b: Block) -> dict[str, int] | None:
    """Column positions of a "Name | Role | Attendance" header row, if ``b`` is one."""
    assert b.cells is not None
    names = [column_title(c.text) for c in b.cells]
    name_col = next((k for k, n in enumerate(names) if names_person_column(n)), None)
    status_col = next((k for k, n in enumerate(names) if n in ATTENDANCE_STATUS_COLUMNS), None)
    if name_col is None or status_col is None:
        return None
    cols = {"name": name_col, "status": status_col}
    for k, n in enumerate(names):
        if k not in (name_col, status_col) and n:
            cols.setdefault("role", k)
    return cols


def column_title(text: str) -> str:
    """A column title as the vocabularies list it: lower case, one space between words (a
    title may wrap in its cell: "Action\nWho/When"), no colon or spaces around it."""
    return " ".join(text.split()).strip(" :").lower()


def names_person_column(title: str) -> bool:
    """A column title naming the person: "Name", "Member", "Attendee Name"."""
    words = title.split()
    return title in ATTENDANCE_NAME_COLUMNS or (
        len(words) == 2 and words[0] in ATTENDANCE_NAME_COLUMNS and words[1] == "name"
    )


def _entries_from_table_row(b: Block, cols: dict[str, int]) -> Iterator[_Entry]:
    assert b.cells is not None
    cells = [c.text for c in b.cells]
    if cols["name"] >= len(cells) or not cells[cols["name"]].strip():
        return
    raw_status = cells[cols["status"]].strip().lower() if cols["status"] < len(cells) else ""
    status = _status_from_cell(raw_status) or AttendanceStatus.UNKNOWN
    name_cell = b.cells[cols["name"]]
    role = cells[cols["role"]] if "role" in cols and cols["role"] < len(cells) else None
    yield _Entry(
        name_cell.text,
        name_cell.start,
        b.page,
        status,
        cells=[name_cell.text, role] if role else None,
    )


def _first_cell(b: Block) -> str | None:
    """The first cell's text of a table row (``None`` for other blocks)."""
    return b.cells[0].text if b.cells else None


def _row_heading(b: Block) -> tuple[AttendanceStatus, str, list[int]] | None:
    """A table row whose first cell is an attendance heading ("Present | A, B, C")."""
    assert b.cells is not None
    head = attendance_heading(b.cells[0].text.rstrip(":") + ":")
    if head is None or len(b.cells[0].text) > 40:
        return None
    status, role, _ = head
    return status, role, list(range(1, len(b.cells)))


def _cell_entries(row: Block) -> list[dict[str, str | bool | None] | None]:
    """Each filled cell of ``row`` read as one person's entry (None where it is not one)."""
    return [parse_entry(c.text.strip()) for c in row.cells or [] if c.text.strip()]


def _names_grid(blocks: Sequence[Block], i: int) -> bool:
    """Whether ``blocks[i]`` is a table row of names only, one person per cell."""
    row = blocks[i] if i < len(blocks) else None
    if row is None or row.kind is not BlockKind.TABLE_ROW or _row_heading(row) is not None:
        return False
    entries = _cell_entries(row)
    return bool(entries) and all(e is not None and is_name_like(str(e["name"])) for e in entries)


def people_grid(b: Block) -> bool:
    """Whether the row holds two or more people and nothing else, one a cell ("John Denton
    (JD) | Rob Everall (RE)"): each cell a name of two words or more, none a status or a
    role ("Apologies", "Chair"), which a table of who attended gives its own column."""
    cells = [c.text.strip() for c in b.cells or [] if c.text.strip()]
    if len(cells) < 2 or any(_status_from_cell(c) is not None for c in cells):
        return False
    # a cell with a role or organisation is one person's row of a roster ("Paul Grimwood -
    # Member | Youth Offending Services Manager, Rotherham Council")
    return all(
        e is not None
        and len(str(e["name"]).split()) >= 2
        and is_name_like(str(e["name"]))
        and not e["role"]
        and not e["organisation"]
        for e in _cell_entries(b)
    )


def _entries_from_cells(
    b: Block, idx: list[int], status: AttendanceStatus, role: str
) -> Iterator[_Entry]:
    assert b.cells is not None
    for k in idx:
        c = b.cells[k]
        yield from _split_inline(c.text, c.start, b.page, status, role or None)
