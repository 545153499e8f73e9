"""Dates written without their year ("held on 11 June", "8th September") — read by
``extract/partial_date.py``."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern
from .dates import MONTHS

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

#: "11 June", "8th September", "June 11", "Sept. 8th": a day and a month, no year after them.
DAY_MONTH: Final[re.Pattern[str]] = pattern(
    "partial_dates.day-month",
    rf"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?|"
    rf"(?P<m2>{_MONTH})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)\b(?!,?\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)
