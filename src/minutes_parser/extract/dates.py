"""Dates and times as minutes write them: "Thursday 4th December 2014", "04.12.2014",
"June 20, 2023", "2016 年 7 月 26 日", "1pm – 4pm", "7:00 p.m.", "18:30".

Numeric dates are ambiguous ("04/05/2024"); the order is decided once per document by
:func:`infer_date_order` from the document's own evidence, and can be overridden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, process

from ..rules import MDY_SIGNALS, MONTHS
from ..rules.dates import (
    CJK_DATE,
    CLOCK_MINUTES,
    DMY_MISSPELT,
    DMY_WORDS,
    ISO_DATE,
    MDY_MISSPELT,
    MDY_WORDS,
    MISSPELT_MONTH_SCORE,
    MONTH_NAMES,
    NAME_DATE,
    NUMERIC_DATE,
    STAMP_DATE,
    TIME,
)

__all__ = [
    "DateMatch",
    "DateOrderEvidence",
    "date_in_name",
    "date_order_evidence",
    "find_dates",
    "find_times",
    "infer_date_order",
    "parse_date",
]

Order = Literal["dmy", "mdy"]


@dataclass(frozen=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    text: str
    numeric: bool

    @property
    def stamped(self) -> bool:
        """Written as a clerk's rubber stamp prints a date ("JUL 15 2026"): the day the
        minutes were received, not the meeting's."""
        return STAMP_DATE.fullmatch(self.text) is not None


def _year(y: str) -> int:
    y = y.lstrip("'")
    n = int(y)
    if len(y) == 2:
        n += 2000 if n < 70 else 1900
    return n


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateOrderEvidence:
    """How a document's numeric dates are read, and why: the votes for each order (a date
    whose first part is over 12, a month written in words before or after the day, the same
    date written unambiguously elsewhere, American signals) and the first ambiguous numeric
    date the choice decides, if any."""

    order: Order
    dmy_votes: int
    mdy_votes: int
    ambiguous: str | None

    def describe(self) -> str:
        how = "day first" if self.order == "dmy" else "month first"
        votes = f"{self.dmy_votes} day-first against {self.mdy_votes} month-first signals"
        if self.dmy_votes == self.mdy_votes:
            votes = "no evidence either way; day first by default"
        return f"numeric dates such as {self.ambiguous!r} read {how} ({votes})"


@lru_cache(maxsize=8)
def date_order_evidence(text: str) -> DateOrderEvidence:
    """Which way ``text`` writes numeric dates: ``mdy`` when it writes dates month-first or
    reads as American, else ``dmy``; with the evidence."""
    mdy = len(MDY_WORDS.findall(text))
    dmy = len(DMY_WORDS.findall(text))
    # The same date written unambiguously elsewhere ("asbroker.2018-07-03" beside "7-3-18")
    # says which way the ambiguous ones read.
    iso = {
        (int(m.group("y")), int(m.group("m")), int(m.group("d"))) for m in ISO_DATE.finditer(text)
    }
    ambiguous = None
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
        elif a != b:
            ambiguous = ambiguous or m.group(0)
            if iso:
                y = _year(m.group("y"))
                mdy += 2 * ((y, a, b) in iso)
                dmy += 2 * ((y, b, a) in iso)
    if mdy == dmy:
        lowered = text[:20000].lower()
        mdy += sum(1 for s in MDY_SIGNALS if s in lowered)
    return DateOrderEvidence("mdy" if mdy > dmy else "dmy", dmy, mdy, ambiguous)


def infer_date_order(text: str) -> Order:
    """``mdy`` when the document writes dates month-first or reads as American, else ``dmy``."""
    return date_order_evidence(text).order


def _misspelt_month(word: str) -> int | None:
    """The month a misspelt name stands for ("SEPTMBER" → 9), when one is close enough and
    the word is not a month already (those are read by the exact patterns)."""
    lowered = word.lower()
    if lowered in MONTHS:
        return None
    best = process.extractOne(
        lowered, MONTH_NAMES, scorer=fuzz.ratio, score_cutoff=MISSPELT_MONTH_SCORE
    )
    return best[2] + 1 if best else None  # the index of the month in calendar order


def find_dates(text: str, order: Order = "dmy") -> Iterator[DateMatch]:
    """Every date in ``text``, in order of position (overlaps resolved to the longest)."""
    found: list[DateMatch] = []
    for rx in (DMY_WORDS, MDY_WORDS):
        for m in rx.finditer(text):
            month = MONTHS[m.group("m").lower().rstrip(".")]
            d = _make(_year(m.group("y")), month, int(m.group("d")))
            if d:
                found.append(DateMatch(d, m.start(), m.end(), m.group(0), False))
    for rx in (DMY_MISSPELT, MDY_MISSPELT):
        for m in rx.finditer(text):
            guessed = _misspelt_month(m.group("m"))
            d = _make(_year(m.group("y")), guessed, int(m.group("d"))) if guessed else None
            if d:
                found.append(DateMatch(d, m.start(), m.end(), m.group(0), False))
    for rx in (ISO_DATE, CJK_DATE):
        for m in rx.finditer(text):
            d = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if d:
                found.append(DateMatch(d, m.start(), m.end(), m.group(0), True))
    for m in NUMERIC_DATE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
        if m.group("sep") == "." and len(m.group("y")) == 2 and y < 2000:
            continue
        day, month = (a, b) if order == "dmy" else (b, a)
        d = _make(y, month, day) or _make(y, day, month)
        if d:
            found.append(DateMatch(d, m.start(), m.end(), m.group(0), True))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    last_end = -1
    for f in found:
        if f.start >= last_end:
            yield f
            last_end = f.end


def parse_date(text: str, order: Order = "dmy") -> dt.date | None:
    return next((m.date for m in find_dates(text, order)), None)


def date_in_name(name: str) -> dt.date | None:
    """The whole date a file or folder name carries, year first ("2024-03-11.txt",
    "minutes_20240311.pdf"), as archives file minutes."""
    found = NAME_DATE.search(name)
    if found is None:
        return None
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


@dataclass(frozen=True)
class TimeMatch:
    value: str
    start: int
    end: int


def find_times(text: str) -> list[TimeMatch]:
    """Clock times written with am/pm, "noon", or as 24-hour "18:30"/"18.30"."""
    out: list[TimeMatch] = []
    for m in TIME.finditer(text):
        h, minute, ap = int(m.group("h")), m.group("min"), (m.group("ap") or "").lower()
        if not ap and minute is None:
            continue
        if ap.startswith("noon"):
            h, minute = 12, minute or "00"
        elif ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        if not ap and m.group(0).count(".") and h < 7:
            continue  # "4.30" without am/pm is more often a number than a time
        if not ap and not CLOCK_MINUTES.search(m.group(0)):
            continue
        if minute is not None and m.group(0)[len(m.group("h"))] == "." and not ap and h < 12:
            # "2.15" in prose is a number unless a clock word follows; accept 24-hour only.
            tail = text[m.end() : m.end() + 6].lower()
            if not tail.lstrip().startswith(("hrs", "hours", "h ")):
                continue
        out.append(TimeMatch(f"{h:02d}:{minute or '00'}", m.start(), m.end()))
    return out
