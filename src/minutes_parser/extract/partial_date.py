"""The meeting's date when the minutes give its day and month but not its year ("Minutes of
the meeting held on 11 June at 5.30pm"): the year is taken from the file's name only when that
name carries a whole date with the same day and month, as archives file minutes
("era-portal-ops-2024-06-11.pdf"). Anything less is left undated."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from ..document import Block, Document
from ..rules import MONTHS
from ..rules.partial_dates import DAY_MONTH
from .dates import date_in_name

__all__ = ["date_completed_from_file_name"]


def date_completed_from_file_name(
    doc: Document, head: list[Block]
) -> tuple[dt.date, int, int] | None:
    """``(date, start, end)``: the day-month in the opening lines, with the year of the file
    name's date when that name agrees on the day and month."""
    named = date_in_name(PurePath(doc.path).name) if doc.path else None
    if named is None:
        return None
    for b in head:
        for m in DAY_MONTH.finditer(b.text):
            day = int(m.group("d1") or m.group("d2"))
            month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
            if (day, month) == (named.day, named.month):
                return named, b.start + m.start(), b.start + m.end()
    return None
