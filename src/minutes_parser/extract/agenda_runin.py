"""Agenda items whose titles are marked by nothing but their place: the run-in outline.

Records typed without heading styles or numbers still set each item's title apart, in one of
two ways (Williamsburg Music Association, Lincoln Township Planning Commission, Eddington
Residents' Association):

- **run in** before the item's record on the same line, after a colon or a dash
  ("Public Hearing: The Islamic Society …", "Musical-Mr Manning reported …");
- **on a line of its own**, a few words without a full stop, with the record's prose after it
  ("Treasurer's Report" / "Graham Horton (Treasurer) introduced his report …").

A label run in like a title also opens a speaker's words ("Erin Eichhorn: …") or a record's
field ("Motion: …", "Time: …"). Labels naming someone in the attendance lines, led by an
honorific or a role, or in the vocabulary of fields are not titles; neither is a label the
record repeats, since speakers and fields recur where items do not.

Only word-processed formats (PDF, Word, web pages) are read so: their paragraphs are the
author's. A line of plain text or markup is not a paragraph, and markup marks its titles.
"""

from __future__ import annotations

from collections import Counter

from ..document import Block, BlockKind, Document
from ..formats import WORD_PROCESSED
from ..models import AgendaItem
from ..rules import ROLE_HEADS, TITLE_LINK_WORDS
from ..rules.agenda import (
    CAPITALS_NOT_TITLES,
    ITEM_COLUMN_WORD,
    RUN_IN_LABEL,
    RUN_IN_NOT_TITLES,
)
from .agenda_structure import close_spans, is_structural, running_text
from .people import split_honorifics
from .sections import attendance_heading

__all__ = ["runin_outline"]

RUN_IN_MIN = 3
"""Titles a record must hold before they are read as its items."""
OCR_CONFIDENT = 80
"""Mean word confidence of an OCR'd block whose words are read as written."""
ITEM_HEADER_LONGEST = 80
"""Characters of a header row that names its columns (longer, it is a row of content)."""
TITLE_MAX_WORDS = 8
"""Words in the longest title set apart by its place alone."""


def runin_outline(doc: Document) -> list[AgendaItem]:
    """Items from titles run in or set on their own line, in a record with no other outline."""
    if doc.format not in WORD_PROCESSED:
        return []
    blocks = doc.blocks
    body = next((i for i, b in enumerate(blocks) if running_text(b.text)), len(blocks))
    listed, attending = _attendance(blocks)
    item_tables = _item_tables(blocks)
    found: list[tuple[Block, str]] = []
    for k in range(body, len(blocks)):
        b = blocks[k]
        if k in listed or (b.confidence or 100) < OCR_CONFIDENT:
            continue  # names of those present; a smudged scan reads as anything
        if b.kind is BlockKind.TABLE_ROW:
            # "Police Matters: Apology given …" in a table headed "Agenda Items /Discussion |
            # Action" (tayport-cc-2018-09-03.pdf): the row's first cell runs its title in
            cells = b.cells or []
            title = _run_in_title(cells[0].text) if cells and b.table in item_tables else None
        else:
            title = _run_in_title(b.text) or _standalone_title(
                b, blocks[k + 1] if k + 1 < len(blocks) else None
            )
        if title is not None and not _not_a_title(title, attending):
            found.append((b, title))
    seen = Counter(title.lower() for _, title in found)
    items = [
        AgendaItem(number=None, title=title, span=b.span, text_span=b.span, rule="agenda:run_in")
        for b, title in found
        if seen[title.lower()] == 1
    ]
    if len(items) < RUN_IN_MIN:
        return []
    close_spans(doc, items)
    return items


def _item_tables(blocks: list[Block]) -> set[int]:
    """Tables whose header row names a column of items ("Agenda Items /Discussion",
    "Topic", "Business")."""
    tables: set[int] = set()
    seen: set[int] = set()
    for b in blocks:
        if b.kind is not BlockKind.TABLE_ROW or b.table is None or b.table in seen:
            continue
        seen.add(b.table)
        header = " ".join(c.text.lower() for c in b.cells or [])
        if ITEM_COLUMN_WORD.search(header) and len(header) <= ITEM_HEADER_LONGEST:
            tables.add(b.table)
    return tables


def _standalone_title(b: Block, following: Block | None) -> str | None:
    """ "Chair's Report" on its own line, with prose after it."""
    text = b.text.strip()
    if "\n" in text or following is None or not running_text(following.text):
        return None
    if b.kind is not BlockKind.HEADING and (
        text[-1:] in ".,;?!" or len(text.split()) > TITLE_MAX_WORDS or not text[:1].isupper()
    ):
        return None
    return text.rstrip(":").strip() or None


def _run_in_title(text: str) -> str | None:
    """ "Public Hearing" of "Public Hearing: The Islamic Society of Midland has requested …"."""
    m = RUN_IN_LABEL.match(text.strip())
    if m is None:
        return None
    title = m.group("t").strip()
    words = title.split()
    if len(words) > TITLE_MAX_WORDS:
        return None
    # Title case: "Marching Band Photo Button Fundraiser", "Talent Show/Fundraiser"; a
    # sentence's opening words ("The committee agreed - …") are not a title.
    content = [w for w in words if w.lower() not in TITLE_LINK_WORDS]
    if any(not w[:1].isupper() and not w[:1].isdigit() for w in content):
        return None
    return title


def _not_a_title(title: str, attending: set[str]) -> bool:
    words = title.replace("/", " ").split()
    lowered = [w.lower().strip(".,:").removesuffix("'s").removesuffix("’s") for w in words]
    opening = {lowered[0], " ".join(lowered[:2])}
    return bool(
        opening & RUN_IN_NOT_TITLES
        or words[0].strip(":") in CAPITALS_NOT_TITLES
        or split_honorifics(title)[0]
        or (len(words) <= 2 and lowered[-1] in ROLE_HEADS)  # "Chair: …", "Vice Chair: …"
        or any(w.strip(".,") in attending for w in words)
        or is_structural(title)
        or attendance_heading(title + ":") is not None
        or not any(c.isalpha() for c in title)
    )


def _attendance(blocks: list[Block]) -> tuple[set[int], set[str]]:
    """The blocks of the attendance lists (a heading's own line and the name lines under an
    "Attendees:" standing alone) and the capitalised words of their names."""
    indices: set[int] = set()
    names: list[str] = []
    for k, b in enumerate(blocks):
        found = attendance_heading(b.text.strip())
        if found is None or (not found[2][:1].isupper() and found[2]):
            continue  # "Apologies and approval of Minutes" titles an item
        indices.add(k)
        names.append(found[2])
        j = k + 1
        while (
            not found[2]
            and j < len(blocks)
            and blocks[j].kind is not BlockKind.HEADING
            and not running_text(blocks[j].text)
        ):
            indices.add(j)
            names.append(blocks[j].text)
            j += 1
    words = {w.strip(".;()") for text in names for w in text.replace(",", " ").split()}
    return indices, {w for w in words if len(w) > 2 and w[:1].isupper()}
