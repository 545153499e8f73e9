"""A list of names at the head of a record with no heading over it: "February 9, 2026" /
"Robbie Armenti" / "Katch Bacheller, Chair" / "Heather Livingston" / … / "Agenda item 1: …"
(westhampton-boh, corpus/real). Read only where the record has no attendance section of its
own: then the names its writer set out under the date, one to a line, are who attended."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...document import Block, BlockKind
from ...models import AttendanceStatus
from ...rules.attendance import HEAD_LIST_LINES, HEAD_LIST_MIN, PERSON_ITEM_HEAD_END
from ...rules.layout import TERMINAL_PUNCTUATION
from ..people import is_name_like, split_honorifics
from .entries import _Entry
from .sections import _line_blocks

__all__ = ["head_list_entries"]


def head_list_entries(blocks: Sequence[Block]) -> Iterator[_Entry]:
    """The first run of at least ``HEAD_LIST_MIN`` lines that each name one person, among the
    record's first ``HEAD_LIST_LINES`` lines, as people present."""
    run: list[Block] = []
    for line in _line_blocks(blocks[:HEAD_LIST_LINES])[:HEAD_LIST_LINES]:
        if line.kind is not BlockKind.TABLE_ROW and _names_one_person(line.text):
            run.append(line)
            continue
        if len(run) >= HEAD_LIST_MIN:
            break
        run = []
    if len(run) < HEAD_LIST_MIN:
        return
    for line in run:
        yield _Entry(line.text, line.start, line.page, AttendanceStatus.PRESENT)


def _names_one_person(text: str) -> bool:
    """ "Katch Bacheller, Chair", "Marylou Burgess (guest)": a name of two or more words,
    with at most a role after it, and no sentence or field ("Date: …")."""
    text = text.strip()
    if not text or len(text) > 80 or ":" in text or text[-1] in TERMINAL_PUNCTUATION:
        return False
    name = split_honorifics(PERSON_ITEM_HEAD_END.split(text, maxsplit=1)[0])[1]
    return len(name.split()) >= 2 and is_name_like(name)
