"""The same minutes as text, Word and PDF give the same Meeting, apart from spans."""

from __future__ import annotations

from typing import Any

import pytest

from minutes_parser import Meeting, parse

from .conftest import FIXTURES, seed


def _facts(m: Meeting) -> dict[str, Any]:
    """Everything a reader of the minutes would check, without offsets and provenance."""

    def items(nodes: list[Any]) -> list[Any]:
        return [(i.number, i.title, i.presenter, items(i.children)) for i in nodes]

    return {
        "kind": m.kind,
        "meeting": m.meeting.model_dump(exclude={"spans", "title"}),
        "attendees": [
            (a.name, a.status, a.role, a.organisation, a.represents, a.is_chair)
            for a in m.attendees
        ],
        "agenda": items(m.agenda_items),
        "resolutions": [(r.number, r.text, r.agenda_item) for r in m.resolutions],
        "actions": [(a.ref, a.owners, a.description, a.agenda_item) for a in m.actions],
        "updates": [(u.ref, u.owners, u.new_owners, u.status) for u in m.action_updates],
    }


@pytest.mark.parametrize("fixture", ["lscb_template.docx", "lscb_template.pdf"])
def test_word_and_pdf_renderings_give_the_text_meeting(fixture: str) -> None:
    text = _facts(parse(seed("002")))
    other = _facts(parse(FIXTURES / fixture))
    for key in text:
        assert other[key] == text[key], key
