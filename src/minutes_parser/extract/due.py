"""Due dates as actions state them: "by 10.12.14", "by the end of January 2015", "by Friday",
"by the next meeting" — computed against the meeting's own date where the text is relative,
kept symbolic where no date follows from the document."""

from __future__ import annotations

import datetime as dt

from ..rules.dates import (
    DUE_DAY_MONTH,
    DUE_DAY_MONTHNAME,
    DUE_END_OF_MONTH,
    DUE_NEXT_MEETING,
    DUE_WEEKDAYS,
    MONTH_NAMES,
    TODAY,
)
from .dates import Order, find_dates

__all__ = ["resolve_due"]


def resolve_due(
    text: str,
    meeting_date: dt.date | None,
    next_meeting: dt.date | None = None,
    order: Order = "dmy",
) -> tuple[str | None, str | None]:
    """``(due_date, due_text)``: an ISO date where one follows, else the symbolic text."""
    text = text.strip()
    if not text:
        return None, None
    for m in find_dates(text, order):
        return m.date.isoformat(), m.text
    if DUE_NEXT_MEETING.search(text):
        phrase = DUE_NEXT_MEETING.search(text)
        assert phrase is not None
        return (next_meeting.isoformat() if next_meeting else "next meeting"), phrase.group(0)
    if meeting_date is not None:
        em = DUE_END_OF_MONTH.search(text)
        if em:
            month = MONTH_NAMES.index(em.group("m").lower()) + 1
            year = int(em.group("y")) if em.group("y") else _year_after(meeting_date, month)
            last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            return last.isoformat(), em.group(0)
        m2 = DUE_DAY_MONTHNAME.search(text)
        if m2:
            month = _month_number(m2.group("m"))
            d = _safe(
                _year_after(meeting_date, month, int(m2.group("d"))), month, int(m2.group("d"))
            )
            if d:
                return d.isoformat(), m2.group(0)
        m3 = DUE_DAY_MONTH.search(text)
        if m3:
            day, month = int(m3.group("d")), int(m3.group("m"))
            if order == "mdy":
                day, month = month, day
            d = _safe(_year_after(meeting_date, month, day), month, day)
            if d:
                return d.isoformat(), m3.group(0)
        for k, weekday in enumerate(DUE_WEEKDAYS):
            m4 = weekday.search(text)
            if m4:
                ahead = (k - meeting_date.weekday()) % 7 or 7
                return (meeting_date + dt.timedelta(days=ahead)).isoformat(), m4.group(0)
        if TODAY.search(text):
            return meeting_date.isoformat(), "today"
    return None, text if len(text) <= 60 else None


def _month_number(name: str) -> int:
    name = name.lower()[:3]
    return [m[:3] for m in MONTH_NAMES].index(name) + 1


def _year_after(meeting: dt.date, month: int, day: int = 1) -> int:
    """The year that puts day/month on or after the meeting (a due date lies ahead)."""
    candidate = _safe(meeting.year, month, day)
    if candidate is not None and candidate < meeting - dt.timedelta(days=31):
        return meeting.year + 1
    return meeting.year


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
