"""Attendance registers: a grid of the year's meetings, a row per member and a code per
meeting ("P", "A", "S"), with a key that says what each code means ("P – Present A – Absent
S – Sanctioned L – Late arrival"). A school's governors keep one at the head of each set of
minutes (decoy-fgb-2019-12-09.pdf, decoy-lw-committee-2022-01-17.pdf).

This meeting's code is the one under its own date: the grid's header row lists the dates,
and each member's codes fill the meetings held so far from the first, so the k-th code of a
row is the k-th date's. Only a grid with a key is read: without one, a letter says nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from ...document import Block, BlockKind
from ...models import AttendanceStatus
from ...rules.register import REGISTER_KEY, REGISTER_KEY_WORDS
from ..dates import Order, find_dates
from ..people import is_name_like
from .entries import _Entry

__all__ = ["register_entries"]

REGISTER_REACH = 60
"""Blocks after the grid's dates within which its rows stand."""


def register_entries(blocks: Sequence[Block], date: dt.date, order: Order) -> Iterator[_Entry]:
    """Who the register of this meeting (held on ``date``) marks, with the key's status."""
    for k, b in enumerate(blocks):
        column = _date_column(b, date, order)
        if column is None:
            continue
        # the key is looked for only once a grid of dates is found: most records have none
        key = _key(blocks)
        if not key:
            return
        for row in blocks[k + 1 : k + 1 + REGISTER_REACH]:
            if row.kind is not BlockKind.TABLE_ROW or not row.cells:
                continue
            if _key_of(row.text):
                break  # the key closes the grid
            first = row.cells[0]
            name = first.text.strip()
            codes = [c.text.strip() for c in row.cells[1:] if c.text.strip() in key]
            if len(codes) > column and is_name_like(name.title()):
                yield _Entry(name, first.start, row.page, key[codes[column]])
        return


def _key(blocks: Sequence[Block]) -> dict[str, AttendanceStatus]:
    key: dict[str, AttendanceStatus] = {}
    for b in blocks:
        key.update(_key_of(b.text))
    return key if len(key) >= 2 else {}


def _key_of(text: str) -> dict[str, AttendanceStatus]:
    found = {
        m.group("code"): REGISTER_KEY_WORDS[m.group("word").strip().lower()]
        for m in REGISTER_KEY.finditer(text)
        if m.group("word").strip().lower() in REGISTER_KEY_WORDS
    }
    return found if len(found) >= 2 or (found and len(text) < 40) else {}


def _date_column(b: Block, date: dt.date, order: Order) -> int | None:
    """Where ``date`` stands among the dates of a header row of meeting dates."""
    if b.kind is not BlockKind.TABLE_ROW or not b.cells:
        return None
    dates = [d for c in b.cells for d in _cell_dates(c.text, order)]
    if len(dates) < 2:
        return None
    if date in dates:
        return dates.index(date)
    # A register carried over from the year before keeps a stale year ("03/02/2019" heading
    # the meeting of 3 February 2020): the day and month, where only one date has them.
    same_day = [k for k, d in enumerate(dates) if (d.day, d.month) == (date.day, date.month)]
    return same_day[0] if len(same_day) == 1 else None


def _cell_dates(text: str, order: Order) -> list[dt.date]:
    return [m.date for m in find_dates(text, order)][:1]
