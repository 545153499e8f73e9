"""Short names: attendees listed by first name only ("Sofia") completed from the full name
the document states elsewhere (a team roster, another meeting's list)."""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Document
from ...models import AttendanceStatus, Attendee, Meeting
from ...rules.attendance import ROSTER_HEADING
from ..context import ExtractionContext
from .entries import parse_entry
from .lists import _split_inline


def roster_names(doc: Document) -> list[str]:
    """Full names from membership lists ("Team: Sofia Marchetti (PM), Ravi Chandran …")."""
    names: list[str] = []
    for b in doc.blocks:
        m = ROSTER_HEADING.match(b.text)
        if not m:
            continue
        for entry in _split_inline(m.group("rest"), 0, b.page, AttendanceStatus.UNKNOWN, None):
            parsed = parse_entry(entry.text)
            if parsed is not None and " " in str(parsed["name"]):
                names.append(str(parsed["name"]))
    return names


def _complete_first_names(attendees: Sequence[Attendee], known: Sequence[str]) -> list[Attendee]:
    """ "Sofia" → "Sofia Marchetti" when exactly one known full name starts with it; one
    already listed under the full name is the same person listed twice ("Present: …,
    David_Dorwin, …, David, Dorwin"), a mention of that entry."""
    by_first: dict[str, set[str]] = {}
    for full in {*known, *(a.name for a in attendees if " " in a.name)}:
        by_first.setdefault(full.split()[0].lower(), set()).add(full)
    kept: list[Attendee] = []
    for a in attendees:
        fulls = by_first.get(a.name.lower(), set()) if " " not in a.name else set()
        if len(fulls) == 1:
            a.name = next(iter(fulls))
            listed = next((k for k in kept if k.name == a.name), None)
            if listed is not None:
                listed.mentions.append(a.span)
                continue
        kept.append(a)
    return kept


def resolve_short_names(
    segments: Sequence[Document], meetings: Sequence[Meeting], context: ExtractionContext
) -> list[Meeting]:
    """The meetings with attendees listed by first name only ("Sofia") given the full name
    the document states elsewhere (a team roster, or another meeting's list), when exactly
    one person fits."""
    known = set(roster_names(context.document))
    for m in meetings:
        known.update(a.name for a in m.attendees if " " in a.name)
    out = []
    for m in meetings:
        if all(" " in a.name for a in m.attendees):
            out.append(m)
            continue
        attendees = _complete_first_names([a.model_copy() for a in m.attendees], sorted(known))
        out.append(m.model_copy(update={"attendees": attendees}))
    return out
