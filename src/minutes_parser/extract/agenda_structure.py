"""Agenda items read from a document's structure when it numbers none.

Minutes kept in markup rarely number their items. Two structures state them instead:

- an **agenda list**: a list under an "Agenda" heading or label, top-level entries as items and
  their sub-entries as sub-items ("- Old business" / "  - Social Media / Mastodon");
- the **heading outline**: the sections of the record, the shallowest heading level below the
  title as items and the level beneath as sub-items, leaving out the sections every minutes
  has (attendance, agenda, links, next meeting) and generic labels repeated under each item
  ("Conclusion", "Summary").

Only headings a format marks as such (Markdown, Org, reST, HTML headings and bold lines, Word
styles) are read: a heading guessed from a PDF or text line is not structure enough to make an
item of. A third structure holds in any format:

- the **capitals outline** of US records that number nothing: section titles in capitals
  opening a line, alone or with their text run on ("ROLL CALL Present: …", "UNFINISHED
  BUSINESS"), once the record's title block is over, with the lettered entries under them
  ("A. Strategic Plan Status Update", "*B. Draft Minutes …") as sub-items.
"""

from __future__ import annotations

from collections import Counter

from ..document import Block, BlockKind, Document
from ..formats import MARKED_UP_HEADINGS
from ..models import AgendaItem
from ..rules.agenda import (
    AGENDA_LABEL,
    CAPITALS_NOT_TITLES,
    CAPITALS_TITLE,
    DATE_ONLY,
    ITEM_COLUMN_WORD,
    LETTERED_ITEM,
    NONE_REPORTED,
    STRUCTURAL,
)
from ..rules.decisions import DECISIONS_HEADING
from ..rules.sections import PREVIOUS_ACTIONS
from .sections import attendance_heading, is_actions_heading, is_review_heading

__all__ = [
    "agenda_list",
    "capitals_outline",
    "close_spans",
    "heading_outline",
    "is_structural",
    "running_text",
]

CAPITALS_MIN = 3
"""Section titles in capitals a record must hold before they are read as its items."""
CAPITALS_SHORTEST = 8
"""Letters a one-word title in capitals needs ("ADJOURNMENT"; not "HTTP", "TLS")."""
CAPITALS_REPEATED = 3
"""A title in capitals this often is a marker ("GRANTED" under each case), not a section."""

_UNLEVELLED = 7


def _typographic_level(b: Block) -> int:
    """A level for a bold line: capitals above mixed case ("PLANNING" over "Payments"),
    both below any heading the markup levels."""
    return _UNLEVELLED if b.text.isupper() else _UNLEVELLED + 1


def _item(doc: Document, b: Block, end: int, rule: str) -> AgendaItem:
    title = b.text.split("\n", 1)[0].strip().rstrip(":").strip()
    return AgendaItem(
        number=None,
        title=title,
        span=b.span,
        text_span=doc.span(b.start, max(end, b.end)),
        rule=rule,
    )


def is_structural(text: str) -> bool:
    """A section every minutes has, or a list of actions (action lists are not items)."""
    text = text.strip().rstrip(":")
    return bool(
        STRUCTURAL.match(text)
        or attendance_heading(text) is not None
        or DATE_ONLY.match(text)
        or is_actions_heading(text)
    )


def agenda_list(doc: Document) -> list[AgendaItem]:
    """Items of the list under an "Agenda" heading or label."""
    blocks = doc.blocks
    for i, b in enumerate(blocks[:200]):
        if b.kind is BlockKind.LIST_ITEM or not AGENDA_LABEL.match(b.text.strip()):
            continue
        table_items = _table_under(doc, i + 1)
        if len(table_items) >= 2:
            return table_items
        j = i + 1
        while j < len(blocks) and blocks[j].kind is not BlockKind.LIST_ITEM and j - i <= 2:
            j += 1  # a date line or a repeated title between the label and its list
        entries = []
        while j < len(blocks) and blocks[j].kind is BlockKind.LIST_ITEM:
            entries.append(blocks[j])
            j += 1
        top = min((e.level or 1 for e in entries), default=1)
        items: list[AgendaItem] = []
        for e in entries:
            depth = (e.level or 1) - top
            if depth == 0:
                items.append(_item(doc, e, e.end, "agenda:list"))
            elif depth == 1 and items:
                items[-1].children.append(_item(doc, e, e.end, "agenda:list"))
        if len(items) >= 2:
            return items
    return []


def _table_under(doc: Document, j: int) -> list[AgendaItem]:
    """Items of a table under the agenda heading whose first column is titled for them ("Item
    | Description" / "Trello Review | • Tidy Up Tasks …", hacman-board-2024-11-19.md): each
    row's first cell."""
    blocks = doc.blocks
    head = blocks[j] if j < len(blocks) else None
    if head is None or head.kind is not BlockKind.TABLE_ROW or not head.cells:
        return []
    if not ITEM_COLUMN_WORD.search(head.cells[0].text.lower()) or len(head.cells[0].text) > 30:
        return []
    items: list[AgendaItem] = []
    for row in blocks[j + 1 :]:
        if row.kind is not BlockKind.TABLE_ROW or row.table != head.table or not row.cells:
            break
        cell = row.cells[0]
        title = cell.text.split("\n", 1)[0].strip().rstrip(":").strip()
        if title:
            at = cell.start + (len(cell.text) - len(cell.text.lstrip()))
            items.append(
                AgendaItem(
                    number=None,
                    title=title,
                    span=doc.span(at, at + len(title)),
                    text_span=row.span,
                    rule="agenda:table",
                )
            )
    return items


def heading_outline(doc: Document) -> list[AgendaItem]:
    """Items from the heading levels of a document whose format marks its headings."""
    # A bold line heading a section of a web page or Word file has no level of its own: it is
    # below every heading that has one, and its sub-sections are not read as sub-items.
    marked_up = doc.format in MARKED_UP_HEADINGS
    heads = [
        (i, b if b.level is not None else b.model_copy(update={"level": _typographic_level(b)}))
        for i, b in enumerate(doc.blocks)
        if b.kind is BlockKind.HEADING and (b.level is not None or marked_up)
    ]
    if len(heads) < 3:
        return []
    title_level = heads[0][1].level or 1
    if title_level >= _UNLEVELLED:
        body = heads  # bold lines only: the first is a section like the rest, not a title
    else:
        body = [
            (i, b)
            for i, b in heads[1:]
            if (b.level or 0) > title_level or (b.level == title_level and is_structural(b.text))
        ]
    levels = sorted({b.level for _, b in body if b.level is not None and not is_structural(b.text)})
    # The shallowest level holding two or more sections: a record whose one section at the top
    # ("## Minutes" beside "## Resolutions") keeps its business a level down
    # (homebrew-agm-2021-02-26.md). Levels a PDF's type sizes suggest are not sure enough to
    # go down through.
    for k, top in enumerate(levels if marked_up else levels[:1]):
        items = _outline(doc, body, top, levels[k + 1] if k + 1 < len(levels) else None)
        if len(items) >= 2:
            return items
    return []


def _outline(
    doc: Document, body: list[tuple[int, Block]], top: int, sub: int | None
) -> list[AgendaItem]:
    repeated = Counter(b.text.strip().lower() for _, b in body if b.level == sub)
    items: list[AgendaItem] = []
    for k, (_, b) in enumerate(body):
        if is_structural(b.text) or b.level not in (top, sub):
            continue
        end = next(
            (h.start - 1 for _, h in body[k + 1 :] if (h.level or 0) <= (b.level or 0)),
            len(doc.text),
        )
        if b.level == top:
            items.append(_item(doc, b, end, "agenda:heading"))
        elif items and repeated[b.text.strip().lower()] < 2 and (b.level or 0) < _UNLEVELLED:
            items[-1].children.append(_item(doc, b, end, "agenda:heading"))
    return items


def capitals_outline(doc: Document) -> list[AgendaItem]:
    """Items from the section titles in capitals of a record that numbers none."""
    items: list[AgendaItem] = []
    blocks = doc.blocks
    # The title block ("MINUTES OF THE … BOARD MEETING", "WEDNESDAY, NOVEMBER 14, 2018") is in
    # capitals too: titles count from the first line of running text on.
    body = next((i for i, b in enumerate(blocks) if running_text(b.text)), len(blocks))
    for b in blocks[body:]:
        if b.confidence is not None:
            continue  # OCR turns stamps and smudges into capitals ("FERUSGA", "SW")
        first = b.text.split("\n", 1)[0].strip()
        title = _capitals_title(first) if b.kind is not BlockKind.TABLE_ROW else None
        if title is not None:
            items.append(_titled_item(b, title))
            continue
        m = LETTERED_ITEM.match(first)
        if m is None or NONE_REPORTED.match(m.group("t")):
            continue  # "A. None.": nothing came under the section
        if items and m.group("l") == chr(ord("A") + len(items[-1].children)):
            items[-1].children.append(_titled_item(b, m.group("t")))
    seen = Counter(item.title for item in items)
    items = [item for item in items if seen[item.title] < CAPITALS_REPEATED]
    if len(items) < CAPITALS_MIN:
        return []
    close_spans(doc, items)
    return items


def _capitals_title(text: str) -> str | None:
    m = CAPITALS_TITLE.match(text)
    if m is None:
        return None
    title = m.group("t").strip(" ,-–—:")
    words = title.replace(",", " ").split()
    opening = {words[0].rstrip(":"), " ".join(words[:2])}
    if len(words) > 8 or opening & CAPITALS_NOT_TITLES or DATE_ONLY.match(title):
        return None
    if len(words) == 1 and sum(c.isalpha() for c in title) < CAPITALS_SHORTEST:
        return None
    return title


def running_text(text: str) -> bool:
    """A line of prose: lower-case letters in most of its words."""
    words = text.split()
    return len(words) >= 4 and sum(w[:1].islower() for w in words) >= len(words) // 3


def _titled_item(b: Block, title: str) -> AgendaItem:
    """An item of the capitals outline; its text span is closed by :func:`_close_spans`."""
    return AgendaItem(
        number=None, title=title, span=b.span, text_span=b.span, rule="agenda:capitals"
    )


def close_spans(doc: Document, items: list[AgendaItem]) -> None:
    """Each item's text runs to the next item's start (a parent's over its children)."""
    for k, item in enumerate(items):
        end = items[k + 1].span.start - 1 if k + 1 < len(items) else len(doc.text)
        item.text_span = doc.span(item.span.start, max(end, item.span.end))
        for j, child in enumerate(item.children):
            siblings = item.children[j + 1 :]
            child_end = siblings[0].span.start - 1 if siblings else end
            child.text_span = doc.span(child.span.start, max(child_end, child.span.end))


TOPIC_WORDS_MAX = 8
"""Words in the longest list entry read as a topic heading its notes."""


def with_topic_bullets(doc: Document, items: list[AgendaItem]) -> list[AgendaItem]:
    """Heading items whose section is a list of topics, each with its notes nested under it
    ("## Mötets öppnande 12:15" / "- GDPR" / "  - Ej svar ännu.", lithekod-styrelse-2021-10-13
    .md), given those topics as their sub-items."""
    blocks = doc.blocks
    for item in items:
        if item.children or item.text_span is None or _not_topics(item.title):
            continue
        k = doc.block_index_at(item.span.start) + 1
        topics: list[AgendaItem] = []
        while k < len(blocks) and blocks[k].start < item.text_span.end:
            b = blocks[k]
            if b.kind is BlockKind.HEADING:
                break  # a sub-section's list ("### Conclusion/Decision") is its own
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if (
                b.kind is BlockKind.LIST_ITEM
                and (b.level or 1) == 1
                and nxt is not None
                and nxt.kind is BlockKind.LIST_ITEM
                and (nxt.level or 1) > 1
                and len(b.text.split()) <= TOPIC_WORDS_MAX
                and not b.text.rstrip().endswith((".", "!", "?"))
            ):
                end = next(
                    (
                        blocks[x].start
                        for x in range(k + 1, len(blocks))
                        if blocks[x].kind is not BlockKind.LIST_ITEM or (blocks[x].level or 1) == 1
                    ),
                    item.text_span.end,
                )
                topics.append(_item(doc, b, end, "agenda:topic"))
            k += 1
        if len(topics) >= 2:
            item.children = topics
    return items


def _not_topics(title: str) -> bool:
    """A section whose list is not of topics: a review of earlier actions, actions, decisions
    ("### Review of the previous meeting", "### Conclusion/Decision")."""
    return (
        is_review_heading(title)
        or PREVIOUS_ACTIONS.search(title) is not None  # "Review of the previous meeting"
        or is_actions_heading(title)
        or any(DECISIONS_HEADING.match(part.strip()) for part in title.split("/"))
    )
