"""Reviews of earlier actions written as prose (``extract/actions/review_sections.py``) and
the owners' notes of reviewed list items (``extract/actions/reviews.py``)."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern

#: A section number before a heading or paragraph: "3.0.", "3.1", "4)", "12 ".
SECTION_NUMBER: Final[re.Pattern[str]] = pattern(
    "actions_review.section-number", r"^\s*(?P<major>\d{1,2})(?:\.\d{1,2})*[.)]?\s+"
)

#: A numbered review paragraph's reference: "3.1. Ian Harrison has responded …" → "3.1".
REVIEW_ITEM_NUMBER: Final[re.Pattern[str]] = pattern(
    "actions_review.item-number", r"^\s*(?P<ref>\d{1,2}\.\d{1,2})\.?\s+"
)

#: "There were no matters arising." — a review section that reports nothing.
NOTHING_ARISING: Final[re.Pattern[str]] = pattern(
    "actions_review.nothing-arising",
    r"^\s*(?:there\s+(?:were|was)\s+)?no\s+(?:matters|actions?|items?)\s+arising\b|^\s*none\.?\s*$",
    re.IGNORECASE,
)

#: Longest line read as the title of one reviewed matter ("Response from Audit Commission").
TITLE_LINE_MAX: Final[int] = 60

#: Pages a paragraph must repeat on, word for word, to be read as a running header.
RUNNING_LINE_PAGES: Final[int] = 3

#: How a review paragraph reports progress when it names no status word ("Ian Harrison has
#: responded", "The noticeboard was installed", "Negotiations were continuing"): read only
#: inside a review section, after ``ACTION_STATUS_WORDS`` found nothing. Checked in order,
#: so a report that something is still to happen wins over one that something was done.
REPORT_WORDING: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (
        pattern(
            "actions_review.report-ongoing",
            r"\bwould\b|\bwill\b|\bexpected\b|\bconsidering\b|\bcontinu\w+|\bremain(?:s|ed)\b|"
            r"\bawait\w*|\bno (?:reply|response|answer)\b|\bnot yet\b|\bstill\b|\breferred to\b|"
            r"\bin the process\b|\bnegotiat\w+",
            re.IGNORECASE,
        ),
        "ongoing",
    ),
    (
        pattern(
            "actions_review.report-completed",
            r"\b(?:was|were|has been|have been|had been)\s+\w+(?:ed|en|t)\b|\b(?:has|have|had)\s+"
            r"\w+ed\b|\bconfirmed\b|\bresponded\b|\breceived\b",
            re.IGNORECASE,
        ),
        "completed",
    ),
)

#: A paragraph of discussion, not a report: a speaker's line ("Tim: I've a PR open") or a
#: field line the status-line reader owns ("Status: WIP").
NOT_A_REPORT: Final[re.Pattern[str]] = pattern(
    "actions_review.not-a-report", r"^\s*[\w.’' -]{1,30}:\s"
)

#: A paragraph about the record itself, under "Minutes of the last meeting and matters
#: arising": its approval ("The minutes … were agreed") or a correction ("Page 1 – …").
ABOUT_THE_MINUTES: Final[re.Pattern[str]] = pattern(
    "actions_review.about-the-minutes", r"\bminutes\b|^\s*page\s+\d+\b", re.IGNORECASE
)

#: The label that marks this meeting's new actions in a list that also carries earlier ones
#: forward ("**New:** SM to forward insurance details to BR").
NEW_ACTION_LABEL: Final[re.Pattern[str]] = pattern(
    "actions_review.new-action-label", r"^\W{0,3}new\s*(?:action)?\s*:\s*", re.IGNORECASE
)

#: An item of a reviewed list that only points elsewhere: MeetBot's "LINK: https://…" lines
#: and bare links, noted under the action they belong to.
LINK_ITEM: Final[re.Pattern[str]] = pattern(
    "actions_review.link-item", r"^\s*(?:(?:link|info|url)\s*:\s*)?\S+://\S+\s*$", re.IGNORECASE
)

#: An item of a reviewed list that raises an action again: "ACTION: jmrodri review PR 928".
RERAISED: Final[re.Pattern[str]] = pattern(
    "actions_review.reraised", r"^\s*(?:agreed\s+)?action(?:\s+item)?\s*:", re.IGNORECASE
)

#: A note in brackets closing a reviewed item: "… defaulting to main (akm) (done)".
TRAILING_NOTE: Final[re.Pattern[str]] = pattern(
    "actions_review.trailing-note", r"\s*\((?P<note>[^()]*)\)\s*$"
)

#: A labelled item of an Org description list: "New :: Should we be blocking HTML email?".
LABELLED_ITEM: Final[re.Pattern[str]] = pattern(
    "actions_review.labelled-item", r"^[^:]{1,40}\s::\s"
)

#: The owners' note closing a reviewed list item: "fix the login timeout (Ravi, from 15/02)"
#: → "Ravi, from 15/02".
OWNERS_NOTE: Final[re.Pattern[str]] = pattern("actions_review.owners-note", r"\(([^)]*)\)\s*$")

#: When an owners' note says the action was raised: "Ravi, from 15/02" → "15/02".
RAISED_FROM: Final[re.Pattern[str]] = pattern(
    "actions_review.raised-from", r",?\s*from\s+(?P<d>.+)$"
)
