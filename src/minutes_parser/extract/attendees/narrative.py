"""People named only in the narrative: "G Watson, Partnership Manager, was in attendance",
"accompanied by …", "Beth Kenny: Present." in a transcript, "Cllr X was absent"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...document import BlockKind, Document, Span
from ...models import AttendanceStatus
from ..people import split_honorifics
from .entries import _PERSON, _is_role_like
from .lists import _split_list

_NARRATIVE_CUES = re.compile(
    r"attendance|accompanied|attended|addressed|spoke\s+to|presented\s+to|absent|present\b|"
    r":\s*here\b",
    re.IGNORECASE,
)
# Narrative forms, each with an id: (id, cue, pattern, status). The cue is a word the pattern
# needs; the patterns open with a name, so searching for them where the cue is missing is waste.
_NARRATIVE: Sequence[tuple[str, re.Pattern[str], re.Pattern[str], AttendanceStatus]] = (
    (
        "was_in_attendance",
        re.compile(r"in\s+attendance"),
        re.compile(
            rf"(?P<name>{_PERSON}),\s+(?P<role>[^.;]{{3,140}}?),?\s+(?:was|were)\s+in\s+attendance"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "accompanied_by",
        re.compile(r"accompanied"),
        re.compile(
            r"accompanied\s+by\s+(?:the\s+)?(?P<list>[^.;]{3,300}?)(?=,?\s+to\s+\w+|\.|;|$)"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "role_name_attended",
        re.compile(r"attended"),
        re.compile(rf"(?:The\s+)?(?P<role>[A-Z][^,.;]{{3,120}}),\s+(?P<name>{_PERSON})\s+attended"),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "name_attended_to_present",
        re.compile(r"attended"),
        re.compile(
            rf"(?P<name>{_PERSON})(?:,\s+(?P<role>[^,.;]{{3,120}}))?,?\s+attended\s+the\s+meeting\s+to\s+present"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "addressed_the_meeting",
        re.compile(r"addressed|spoke|presented|attended"),
        re.compile(
            rf"(?P<name>{_PERSON}),\s+(?P<role>[^.;]{{3,140}}?),\s+(?:addressed|spoke\s+to|"
            r"presented\s+to|attended)\s+the\s+(?:Committee|Board|meeting|Council|Panel|"
            r"Commission|Trustees|Governors)"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        # A roll call in a verbatim transcript: "Beth Kenny: Present.", "Jenny Linton: Here."
        "answered_roll_call",
        re.compile(r":\s*(?:present|here)\b", re.IGNORECASE),
        re.compile(rf"^(?P<name>{_PERSON}):\s*(?i:present|here)\s*\.?\s*$"),
        AttendanceStatus.PRESENT,
    ),
    (
        "was_absent",
        re.compile(r"absent"),
        re.compile(rf"(?P<name>{_PERSON})\s+(?:was|were)\s+absent\b"),
        AttendanceStatus.ABSENT,
    ),
    (
        "wasnt_in_attendance",
        re.compile(r"attendance|present"),
        re.compile(
            rf"(?P<name>{_PERSON})(?:,\s+(?P<role>[^,.;]{{3,80}}))?,\s+(?:wasn't|was\s+not|were\s+not)\s+(?:in\s+attendance|present)"
        ),
        AttendanceStatus.ABSENT,
    ),
)


def _narrative_people(
    doc: Document,
) -> Iterator[tuple[str, str | None, AttendanceStatus, Span, str]]:
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE_ROW:
            continue
        if not _NARRATIVE_CUES.search(b.text):
            continue  # the patterns below are costly; most paragraphs have none of their cues
        for rule_id, cue, rx, status in _NARRATIVE:
            if not cue.search(b.text):
                continue
            for m in rx.finditer(b.text):
                if "list" in rx.groupindex:
                    for name, role, off in _people_in_list(m.group("list")):
                        s = b.start + m.start("list") + off
                        yield name, role, status, doc.span(s, s + len(name)), rule_id
                    continue
                name = m.group("name")
                role = m.groupdict().get("role")
                s = b.start + m.start("name")
                yield name, role, status, doc.span(s, s + len(name)), rule_id


def _people_in_list(text: str) -> Iterator[tuple[str, str | None, int]]:
    """ "the District Commander, Chief Superintendent Steve Chapman and Sue Cassin, Chief Nurse"."""
    pending_role: str | None = None
    found: list[tuple[str, str | None, int]] = []
    for piece, off in _split_list(text):
        p = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        if not p:
            continue
        m = re.match(rf"^(?:the\s+)?({_PERSON})$", p)
        if m and not _is_role_like(split_honorifics(m.group(1))[1]):
            found.append((m.group(1), pending_role, off + lead + m.start(1)))
            pending_role = None
        elif found and found[-1][1] is None and not pending_role:
            name, _, at = found[-1]
            found[-1] = (name, p, at)  # "Sue Cassin, Chief Nurse": the role follows the name
        else:
            pending_role = p
    yield from found
