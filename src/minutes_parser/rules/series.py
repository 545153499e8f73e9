"""Assembling a series of meetings (``reconcile/series.py``, ``reconcile/linking.py``)."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern

#: Words that do not tell one body from another ("Minutes of the Regular Meeting of …").
BODY_NOISE: Final[re.Pattern[str]] = pattern(
    "series.body-noise",
    r"\b(?:the|of|and|meeting|minutes|regular|ordinary|special|extraordinary|annual|public|"
    r"in|held|draft|approved|unconfirmed)\b",
    re.IGNORECASE,
)

#: An acronym in brackets after the name it abbreviates: "(RLSCB)".
BODY_ACRONYM: Final[re.Pattern[str]] = pattern("series.body-acronym", r"\(([A-Z]{2,8})\)")

#: Anything but lower-case letters, digits and spaces, in a body key.
BODY_PUNCT: Final[re.Pattern[str]] = pattern("series.body-punct", r"[^a-z0-9 ]+")

#: Numbers in a body's name: "Area 3 Forum" and "Area 4 Forum" are two bodies.
BODY_NUMBER: Final[re.Pattern[str]] = pattern("series.body-number", r"\d+")

#: A copy that is not the approved minutes, by file name or title.
DRAFT: Final[re.Pattern[str]] = pattern(
    "series.draft", r"\bdraft\b|\bunconfirmed\b|\bunapproved\b|\bprovisional\b", re.IGNORECASE
)

#: A meeting's number in a numbered sequence, in its title or file name: "Meeting 61",
#: "Minutes of meeting no. 62", "meeting-63", "61st meeting".
MEETING_NUMBER: Final[re.Pattern[str]] = pattern(
    "series.meeting-number",
    r"\bmeeting[\s_-]*(?:no\.?|number|#)?[\s_-]*(?P<after>\d{1,4})(?!\d|[./-]\d)"
    r"|(?<![\d./-])(?P<before>\d{1,4})(?:st|nd|rd|th)[\s_-]+(?:\w+[\s_-]+)?meeting\b",
    re.IGNORECASE,
)

#: What an action number keeps when compared: letters, digits and "/".
REF_NOISE: Final[re.Pattern[str]] = pattern("series.ref-noise", r"[^a-z0-9/]")

#: A tracker number an action names ("close issue 104", "review PR 928", "#211") and a later
#: meeting cites, often only as a link ("…/bundle-lib/issues/104"): the number is the key.
TRACKER_NUMBER: Final[re.Pattern[str]] = pattern(
    "series.tracker-number",
    r"(?i:\b(?:issues?|pulls?|prs?|tickets?|bugs?)\b)[\s/:#-]{0,3}(?P<n>\d{1,6})\b"
    r"|(?<![\w&])#(?P<h>\d{1,6})\b",
)

#: A word of an action's description, as the mention finder compares them.
MENTION_WORD: Final[re.Pattern[str]] = pattern("series.mention-word", r"[^\W_]{4,}")

#: Words too common in minutes to show that a later passage speaks of an action.
MENTION_STOPWORDS: Final[frozenset[str]] = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "been",
        "before",
        "being",
        "could",
        "does",
        "done",
        "each",
        "from",
        "have",
        "into",
        "meeting",
        "meetings",
        "minutes",
        "more",
        "next",
        "other",
        "over",
        "should",
        "some",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "upon",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
        "action",
        "actions",
        "item",
        "items",
        "agreed",
        "asked",
        "agenda",
        "update",
        "report",
        "reported",
        "council",
        "committee",
        "board",
        "members",
        "member",
        "chair",
        "clerk",
        "week",
        "month",
    ]
)

#: How many leading letters of a word are compared ("invoice", "invoices", "invoiced").
MENTION_STEM: Final[int] = 5

#: A passage mentions an action when it holds at least this many of the action's words ...
MENTION_MIN_WORDS: Final[int] = 2
#: ... and at least this share of them.
MENTION_MIN_SHARE: Final[float] = 0.6
#: Where a block of minutes is cut into the sentences a mention is looked for in.
MENTION_SENTENCE_BREAK: Final[re.Pattern[str]] = pattern(
    "series.mention-sentence-break", r"(?<=[.!?;])\s+(?=\S)|\n+"
)

#: A number that names a thing an action is about ("issue 118", "EIP-1283", "PR 941"): two
#: actions about different numbers are different actions, however alike their wording.
SUBJECT_NUMBER: Final[re.Pattern[str]] = pattern(
    "series.subject-number", r"(?<![\d.])\d{2,}(?![\d.])"
)
