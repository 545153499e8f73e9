"""Meeting metadata: the patterns that find the body's name, the venue, the start and end
times and the date label in a record's opening."""

from __future__ import annotations

import re

from ._patterns import pattern

BODY_PATTERNS = (
    pattern(
        "meeting.body_patterns.1",
        # "Minutes of the Ordinary Meeting of …", "APPROVED MINUTES REGULAR MEETING OF THE …"
        r"minutes\s+(?:(?:of|from)\s+)?(?:the\s+)?(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?"
        r"(?P<body>.+?)(?:,|\s+held\b|\s+on\b|\s+at\b|\s+\d|"
        r"\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|$)",
        re.IGNORECASE,
    ),
    pattern(
        "meeting.body_patterns.2",
        r"^(?:minutes\s+of\s+(?:the\s+)?)?(?P<body>.+?)\s+(?:meeting|minutes)\b",
        re.IGNORECASE,
    ),
)
LOCATION_PATTERNS = (
    pattern(
        "meeting.location_patterns.1",
        r"^(?:venue|location|place|where)\s*:\s*(?P<loc>.+)$",
        re.IGNORECASE,
    ),
    pattern(
        "meeting.location_patterns.2",
        r"\bheld\s+(?:at|in)\s+(?:the\s+)?(?P<loc>[A-Z][^,.;\n]{2,80}?)(?:,?\s+on\b|[,.;]|$)",
    ),
    pattern(
        "meeting.location_patterns.3",
        r"\b(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)|\d{1,2}[:.]\d\d)\s+(?:at|in)\s+"
        r"(?:the\s+)?(?P<loc>[A-Z][^,.;\n]{2,80}?)(?:[,.;]|$)",
        re.IGNORECASE,
    ),
    pattern(
        "meeting.location_patterns.4",
        r"\b(?:at|in)\s+(?:the\s+)?(?P<loc>[A-Z][\w'’ ]{2,60}(?:House|Hall|Room|Centre|"
        r"Center|Chambers?|Library|Offices?|School|Church|Building|Pavilion|Hotel|"
        r"Suite|Institute|Club))\b",
    ),
)
END_TIME = pattern(
    "meeting.end_time",
    r"(?:meeting\s+(?:closed|ended|finished|concluded|adjourned)|"
    r"closed\s+the\s+meeting|adjourned)\b[^.]{0,40}?\bat\s+",
    re.IGNORECASE,
)
START_TIME = pattern(
    "meeting.start_time",
    # "called to order", "called the (special) meeting to order", "opened the meeting"
    r"(?:meeting\s+(?:opened|started|commenced|began)|called\s+(?:\w+\s+){0,3}?to\s+order|"
    r"opened\s+the\s+meeting|convened)\b[^.]{0,40}?\bat\s+",
    re.IGNORECASE,
)
GENERIC_TITLES = pattern(
    "meeting.generic_titles",
    r"^(?:agenda item|minutes|agendas, meetings and minutes.*|"
    r"draft|approved|unconfirmed|confidential)\s*:?$",
    re.IGNORECASE,
)
DATE_LABEL = pattern(
    "meeting.date_label",
    r"^\W{0,3}(?:meeting\s+)?date(?:\s*(?:,|and|&|/)\s*(?:time|venue|location)){0,2}"
    r"(?:\s+and\s+(?:time|venue|location))?\s*[:\-–]?\s*",
    re.IGNORECASE,
)

#: A numbered line ("1. Apologies"): the agenda has begun, the header is over.
NUMBERED_LINE = pattern("meeting.numbered_line", r"^\d{1,3}[.)]?\s+\S")

#: "Minutes:" alone on a line: an item's text follows, not the header.
MINUTES_COLON = pattern("meeting.minutes_colon", r"minutes\s*:", re.IGNORECASE)

#: A body's acronym after its name ("Board of Trustees (BOT)").
TRAILING_ACRONYM = pattern("meeting.trailing_acronym", r"\s*\([A-Z]{2,10}\)$")

#: A short "Label:" opening a line ("Venue:", "Chair:").
FIELD_LABEL = pattern("meeting.field_label", r"^[\w ]{1,20}:")

#: The kind of meeting before a body's name ("Regular Board of Trustees"), dropped from it.
MEETING_QUALIFIER = pattern(
    "meeting.meeting_qualifier",
    r"^(?:the\s+)?(?:regular|special|ordinary|extraordinary|annual|adjourned)\s+",
    re.IGNORECASE,
)

#: Words and figures a body's name does not hold (a year, "draft", "minutes", "agenda" …).
NOT_A_BODY_NAME = pattern(
    "meeting.not_a_body_name",
    r"\d{4}|\bdraft\b|\bthese\b|\bminutes\b|\bagenda\b|\breport\b",
    re.IGNORECASE,
)
