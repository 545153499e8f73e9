"""Attendance headings: whether a line opens an attendance section ("Present:",
"Apologies were received from", "2. ROLL CALL"), with the status its entries get; the
headings themselves are ``rules.ATTENDANCE_HEADINGS``."""

from __future__ import annotations

import re

from ...models import AttendanceStatus
from ...rules import (
    ATTENDANCE_HEADINGS,
)
from ..people import HANDLE, is_name_like, split_honorifics

_HEADINGS = sorted(ATTENDANCE_HEADINGS, key=lambda h: -len(h[0]))
_HEADING_RE = re.compile(
    # An agenda number may stand before it: "2. ROLL CALL", "1-A ROLL CALL".
    r"^\s*\**\s*(?P<num>\d{1,2}(?:[-.][A-Z\d]{1,2})?[.)]?\s+)?"
    # "Executive Board members present:": who the list is of, before the heading words
    r"(?P<qual>(?:[A-Z][\w'’-]*\s+){1,3}(?=(?i:members\s+|\w+\s+)?(?:present|absent)\b))??(?P<h>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in _HEADINGS)
    + r")\b\s*(?:\((?P<paren>[^)]*)\))?\s*(?P<sep>[:\-–—]|(?:(?:were|was|had\s+been)\s+)?"
    r"(?:received|noted|given|tendered|accepted|submitted)(?:\s+and\s+(?:accepted|noted|approved))?"
    r"\s+(?:from|for)|from)?\**\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_STATUS_BY_HEADING = dict(_HEADINGS)
#: A second section heading with its colon inside an inline list (the layout put two lines in
#: one: "… Palmer Absent: Chair Bellows").
_NEXT_SECTION = re.compile(
    r"\s+(?=(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in _HEADINGS) + r")\s*:)",
    re.IGNORECASE,
)


def attendance_heading(text: str) -> tuple[AttendanceStatus, str, str] | None:
    """``(status, heading, rest)`` when ``text`` opens an attendance section."""
    m = _HEADING_RE.match(text)
    if not m:
        return None
    heading = re.sub(r"\s+", " ", m.group("h").lower())
    rest = m.group("rest").strip()
    sep = m.group("sep")
    if m.group("qual") and sep != ":":
        return None  # "Board members present were thanked …" is narrative
    if heading == "roll call" and rest:
        inner = attendance_heading(rest)  # "ROLL CALL - Present: …", "ROLL CALL Present: …"
        if inner is not None:
            return inner
    if m.group("num") and not (sep and rest) and not _opens_with_names(rest):
        return None  # "1. Apologies for absence": an agenda item's title, not the list
    # Bare words like "members" or "present" only head a section when a colon/dash follows
    # or they stand alone; "Members asked …" is narrative.
    if not sep and rest and heading not in ("apologies for absence",) and not _is_name_list(rest):
        return None
    if heading in (
        "minutes",
        "clerk",
        "staff",
        "members",
        "trustees",
        "directors",
        "attendance",
    ) and sep not in (":", "–", "-", "—"):
        return None
    if heading == "minutes" and not rest:
        return None
    if sep and sep[0].isalpha():
        # "Apologies were received from A and B. Cllr C was absent." – the list is the
        # first sentence only.
        rest = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", rest, maxsplit=1)[0].rstrip(".")
    status = AttendanceStatus(_STATUS_BY_HEADING[heading])
    if m.group("paren") and "apolog" in m.group("paren").lower():
        status = AttendanceStatus.APOLOGIES
    role = None
    if heading in ("clerk", "minutes", "minute taker"):
        role = heading.title()
    return status, role or "", rest


def _is_name_list(text: str) -> bool:
    """ "alice, Bob Chen, gkowalski": two or more names or user handles and nothing else."""
    pieces = [p.strip() for p in re.split(r",|\band\b", text) if p.strip()]
    return len(pieces) >= 2 and all(
        HANDLE.match(p) or is_name_like(split_honorifics(p)[1]) for p in pieces
    )


def _opens_with_names(text: str) -> bool:
    """ "Charlotte Clark – Southwold, Sarah Hunt – Hadleigh, …": an item's title run on
    into its list, each entry a name with what it represents after a dash."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    heads = [re.split(r"\s*[–—]\s*|\s-|-\s|\s*[(\[]", p)[0] for p in pieces[:4]]
    return len(pieces) >= 3 and all(is_name_like(split_honorifics(h)[1]) for h in heads)
