"""People named only in the narrative: "G Watson, Partnership Manager, was in attendance",
"accompanied by …", "Beth Kenny: Present." in a transcript, "Cllr X was absent"."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import BlockKind, Document, Span
from ...models import AttendanceStatus
from ...rules import NOT_NAMES
from ...rules.attendance_narrative import NARRATIVE_CUES, NARRATIVE_FORMS
from ...rules.people import THE_PERSON
from ..people import split_honorifics
from .entries import _is_role_like
from .lists import _split_list


def _narrative_people(
    doc: Document,
) -> Iterator[tuple[str, str | None, AttendanceStatus, Span, str]]:
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE_ROW:
            continue
        if not NARRATIVE_CUES.search(b.text):
            continue  # the patterns below are costly; most paragraphs have none of their cues
        for rule_id, cue, rx, status in NARRATIVE_FORMS:
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
        m = THE_PERSON.match(p)
        if m and not _is_role_like(split_honorifics(m.group(1))[1]):
            name, at = m.group(1), off + lead + m.start(1)
            first, _, rest = name.partition(" ")
            if first.lower() in NOT_NAMES and len(rest.split()) >= 2:
                # "Directors Steven Manning, …": the group the list names, then a person.
                name, at = rest, at + len(first) + 1
            found.append((name, pending_role, at))
            pending_role = None
        elif found and found[-1][1] is None and not pending_role:
            name, _, at = found[-1]
            found[-1] = (name, p, at)  # "Sue Cassin, Chief Nurse": the role follows the name
        else:
            pending_role = p
    yield from found
