"""Dates and times: month names, the words that make numeric dates read month-first, and the
date, time and due-date patterns."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern

#: Month names by month: English first (its first name is the month's name in
#: MONTH_NAMES), then German, French, Spanish, Portuguese, Italian, Dutch and Swedish, the
#: languages of the minutes read ("17. Oktober 2011", hackspace-jena-2011-10-17.txt; "15 de
#: marzo de 2023").
MONTH_WORDS: Final[tuple[tuple[str, ...], ...]] = (
    ("january", "jan", "januar", "janvier", "enero", "janeiro", "gennaio", "januari"),
    (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "febrero",
        "fevereiro",
        "febbraio",
        "februari",
    ),
    ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart"),
    ("april", "apr", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maio", "maggio", "mei", "maj"),
    ("june", "jun", "juni", "juin", "junio", "junho", "giugno"),
    ("july", "jul", "juli", "juillet", "julio", "julho", "luglio"),
    ("august", "aug", "août", "aout", "agosto", "augustus", "augusti"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre"),
    ("october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dezembro", "dicembre"),
)
MONTHS: Final[dict[str, int]] = {
    name: i for i, names in enumerate(MONTH_WORDS, start=1) for name in names
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
    # US states, read only when the dates themselves do not settle the order
    "alabama",
    "arizona",
    "california",
    "colorado",
    "connecticut",
    "florida",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "missouri",
    "nebraska",
    "new jersey",
    "north carolina",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "tennessee",
    "texas",
    "wisconsin",
)

#: Month names and abbreviations as a regex alternation, longest first.
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
# "18th", and "18""" as OCR reads a raised "th"; "1er" (French), "17." (German)
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|[\"”“'’]{1,2}|\.(?=\s))?"
YEAR = r"(?P<y>\d{4}|'\d{2})"
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
DMY_WORDS = pattern(
    "dates.dmy_words",
    # "15 de marzo de 2023" (Spanish, Portuguese)
    rf"\b{WEEKDAY}{DAY}\s*(?:of\s+|de\s+)?(?P<m>{MONTH_ALTERNATION})\.?,?(?:\s+de)?\s+{YEAR}\b",
    re.IGNORECASE,
)
MDY_WORDS = pattern(
    "dates.mdy_words",
    rf"\b{WEEKDAY}(?P<m>{MONTH_ALTERNATION})\.?\s+{DAY},?\s+{YEAR}\b",
    re.IGNORECASE,
)
NUMERIC_DATE = pattern(
    "dates.numeric_date",
    # either part may be the day: "20/02/2015" day first, "02/20/2015" month first
    r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)",
)
ISO_DATE = pattern("dates.iso_date", r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
TIME = pattern(
    "dates.time",
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*"
    r"(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?|noon)?(?![\d%])",
    re.IGNORECASE,
)

#: Full month names in calendar order (the first name of each month in MONTHS).
MONTH_NAMES: Final[tuple[str, ...]] = tuple(
    next(n for n, i in MONTHS.items() if i == k) for k in range(1, 13)
)
DUE_DAY_MONTH = pattern("dates.due_day_month", r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)\b(?!/)")
DUE_DAY_MONTHNAME = pattern(
    "dates.due_day_monthname",
    r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>"
    + "|".join(MONTH_NAMES)
    + r"|"
    + "|".join(m[:3] for m in MONTH_NAMES)
    + r")\b(?!\s+\d{4})",
    re.IGNORECASE,
)
DUE_END_OF_MONTH = pattern(
    "dates.due_end_of_month",
    r"end\s+of\s+(?P<m>" + "|".join(MONTH_NAMES) + r")(?:\s+(?P<y>\d{4}))?",
    re.IGNORECASE,
)
DUE_NEXT_MEETING = pattern(
    "dates.due_next_meeting",
    r"\b(?:the\s+)?next\s+(?:meeting|board|committee|fgb|call|session)\b",
    re.IGNORECASE,
)

#: Weekday names in calendar order, Monday first (``datetime.weekday()``).
WEEKDAY_NAMES: Final[tuple[str, ...]] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
#: A due weekday ("by Friday", "next Tuesday"), one pattern per WEEKDAY_NAMES entry, in order.
DUE_WEEKDAYS: Final = tuple(
    pattern(
        f"dates.due_weekday.{name}",
        rf"\b(?:by\s+|this\s+|next\s+|on\s+)?{name}\b",
        re.IGNORECASE,
    )
    for name in WEEKDAY_NAMES
)

#: A whole date in a file or folder name, year first: "2005-09-08", "minutes_20240311".
NAME_DATE = pattern("dates.name_date", r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")

#: What stands between the two times of a range ("7pm – 9pm", "7pm to 9pm").
TIME_RANGE_GAP = pattern("dates.time_range_gap", r"\s*(?:[–—-]|to|until|till)\s*")

#: "today" as a due date.
TODAY = pattern("dates.today", r"\btoday\b", re.IGNORECASE)

#: A time written with its minutes ("7:30", "7.30").
CLOCK_MINUTES = pattern("dates.clock_minutes", r"\d[:.]\d\d")

#: A date as Chinese and Japanese write it, year first with its unit words: "2016 年 7 月 26
#: 日", "2023年5月13日" (numeric and unambiguous).
CJK_DATE = pattern(
    "dates.cjk_date",
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*[日号]",
)

#: A date whose month is misspelt ("SEPTMBER 16, 2019", "3rd Febuary 2015"): any word of 4 to
#: 10 letters where a month stands between a day and a year; the word is accepted when it is
#: close to a month's name (:data:`MISSPELT_MONTH_SCORE`).
DMY_MISSPELT = pattern(
    "dates.dmy_misspelt",
    rf"\b{WEEKDAY}{DAY}\s*(?:of\s+)?(?P<m>[A-Za-z]{{4,10}})\.?,?\s+{YEAR}\b",
)
MDY_MISSPELT = pattern(
    "dates.mdy_misspelt",
    rf"\b{WEEKDAY}(?P<m>[A-Za-z]{{4,10}})\.?\s+{DAY},?\s+{YEAR}\b",
)
#: Least rapidfuzz ratio (0–100) between a misspelt word and a month's full name.
MISSPELT_MONTH_SCORE = 85

#: A whole ISO date, what a resolved due date is written as: "2024-03-15".
ISO_DATE_WHOLE = pattern("dates.iso_date_whole", r"\d{4}-\d{2}-\d{2}$")

#: A date as a clerk's rubber stamp prints it ("JUL 15 2026": a capitals month, no comma);
#: the meeting's date, when the header also states one, is the other.
STAMP_DATE = pattern(
    "dates.stamp_date",
    r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ \t]+[0-3]?\d[ \t]+(?:19|20)\d{2}",
)
