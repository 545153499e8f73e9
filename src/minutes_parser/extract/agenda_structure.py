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
item of.
"""

from __future__ import annotations

from collections import Counter

from ..document import Block, BlockKind, Document
from ..formats import MARKED_UP_HEADINGS
from ..models import AgendaItem
from ..rules.agenda import AGENDA_LABEL, DATE_ONLY, STRUCTURAL
from .sections import attendance_heading, is_actions_heading

__all__ = ["agenda_list", "heading_outline"]

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


def _structural(text: str) -> bool:
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
            if (b.level or 0) > title_level or (b.level == title_level and _structural(b.text))
        ]
    levels = sorted({b.level for _, b in body if b.level is not None and not _structural(b.text)})
    if not levels:
        return []
    top = levels[0]
    sub = levels[1] if len(levels) > 1 else None
    repeated = Counter(b.text.strip().lower() for _, b in body if b.level == sub)
    items: list[AgendaItem] = []
    for k, (_, b) in enumerate(body):
        if _structural(b.text) or b.level not in (top, sub):
            continue
        end = next(
            (h.start - 1 for _, h in body[k + 1 :] if (h.level or 0) <= (b.level or 0)),
            len(doc.text),
        )
        if b.level == top:
            items.append(_item(doc, b, end, "agenda:heading"))
        elif items and repeated[b.text.strip().lower()] < 2 and (b.level or 0) < _UNLEVELLED:
            items[-1].children.append(_item(doc, b, end, "agenda:heading"))
    return items if len(items) >= 2 else []
