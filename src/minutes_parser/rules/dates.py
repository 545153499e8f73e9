"""Dates and times: month names, the words that make numeric dates read month-first, and the
date, time and due-date patterns."""

from __future__ import annotations

from typing import Final

MONTHS: Final[dict[str, int]] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

#: Words that make an ambiguous numeric date ("04/05/2024") read month-first.
MDY_SIGNALS: Final[tuple[str, ...]] = (
    "councilmember",
    "council member",
    "mayor",
    "a.m.",
    "p.m.",
    "roll call",
    "ayes",
    "noes",
    "city manager",
    "county of",
    "vice mayor",
    "moved approval",
)
