"""Reviews of earlier actions written as prose: the paragraphs of a "Matters arising" /
"Review of previous actions" section, each reporting on one matter from an earlier meeting.

Councils and residents' associations write them as a short title line with a paragraph
beneath ("Response from Audit Commission" / "The Clerk reported that no reply had been
received."), or as numbered paragraphs under a numbered heading ("3.0. Matters arising" /
"3.1. Ian Harrison has responded …"). Each becomes an :class:`ActionUpdate` whose status is
read from its status words or, failing those, from how the report is worded
(``rules.actions_review.REPORT_WORDING``: "still awaiting" ongoing, "has been installed"
completed); a paragraph worded neither way, a speaker's line, or one about the minutes
themselves is not turned into one (the section may hold discussion, not a report).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...document import Block, BlockKind, Span
from ...models import ActionStatus, ActionUpdate
from ...rules.actions_review import (
    ABOUT_THE_MINUTES,
    NOT_A_REPORT,
    NOTHING_ARISING,
    REPORT_WORDING,
    REVIEW_ITEM_NUMBER,
    RUNNING_LINE_PAGES,
    SECTION_NUMBER,
    TITLE_LINE_MAX,
)
from ..sections import is_review_heading
from .context import _Context
from .status import action_status

__all__ = ["review_section_updates"]


def review_section_updates(ctx: _Context, skip: set[int]) -> tuple[list[ActionUpdate], set[int]]:
    """Updates stated by the paragraphs of review sections, and the blocks they used."""
    out: list[ActionUpdate] = []
    used: set[int] = set()
    blocks = ctx.doc.blocks
    running = _running_lines(blocks)
    for k, b in enumerate(blocks):
        if k in skip or not _opens_review(b):
            continue
        section = [i for i in _section(blocks, k) if blocks[i].text.strip() not in running]
        if any(blocks[i].kind is BlockKind.LIST_ITEM for i in section):
            continue  # a list of reviewed actions: read item by item by ``reviews``
        for item in _items(blocks, [i for i in section if i not in skip]):
            upd = _update(blocks, item)
            if upd is not None:
                out.append(upd)
                used.update(range(item.first, item.last + 1))
    return out, used


def _running_lines(blocks: list[Block]) -> set[str]:
    """Paragraphs repeated word for word on three pages or more: a running header the loader
    kept in the text ("… Minutes of the meeting held on 10 December at 5.30pm"), not part of
    the report it interrupts."""
    pages: dict[str, set[int]] = {}
    for b in blocks:
        if b.kind is BlockKind.PARAGRAPH:
            pages.setdefault(b.text.strip(), set()).add(b.page)
    return {text for text, seen in pages.items() if len(seen) >= RUNNING_LINE_PAGES}


def _opens_review(b: Block) -> bool:
    first = b.text.split("\n", 1)[0]
    if b.kind is BlockKind.HEADING or (b.kind is BlockKind.PARAGRAPH and len(b.text) < 80):
        line = SECTION_NUMBER.sub("", first).strip()
        # "Matters arising:" opens a section; "There were no matters arising." does not.
        return is_review_heading(line) and "\n" not in b.text.strip() and not line.endswith(".")
    return False


def _section(blocks: list[Block], k: int) -> Iterator[int]:
    """The blocks under the review heading at ``k``: up to the next heading of the same or a
    higher level, or the next numbered paragraph outside the heading's own number."""
    head = blocks[k]
    number = SECTION_NUMBER.match(head.text)
    major = number.group("major") if number else None
    for i in range(k + 1, min(len(blocks), k + 60)):
        b = blocks[i]
        if b.kind is BlockKind.TABLE_ROW:
            return
        if b.kind is BlockKind.HEADING and (
            head.kind is not BlockKind.HEADING
            or b.level is None
            or head.level is None
            or b.level <= head.level
        ):
            return
        m = SECTION_NUMBER.match(b.text)
        if major is not None and m and m.group("major") != major:
            return
        yield i


@dataclass
class _Item:
    """One reviewed matter: its title line (if any) and the report beneath it."""

    title: str | None
    report: str
    first: int
    last: int
    start: int


def _items(blocks: list[Block], section: list[int]) -> Iterator[_Item]:
    """A short title line owns the paragraphs below it up to the next title (the title may
    be the first line of the paragraph itself); a paragraph with no title stands alone."""
    current: _Item | None = None
    for i in section:
        b = blocks[i]
        head, _, rest = b.text.strip().partition("\n")
        if _is_title(b.kind, head):
            if current is not None:
                yield current
            current = _Item(head.strip(), rest.strip(), i, i, b.start)
        elif current is not None and (not current.report or current.title is not None):
            current.report = f"{current.report} {b.text.strip()}".strip()
            current.last = i
        else:
            if current is not None:
                yield current
            current = _Item(None, b.text.strip(), i, i, b.start)
    if current is not None:
        yield current


def _is_title(kind: BlockKind, line: str) -> bool:
    text = line.strip()
    return (
        kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)
        and 0 < len(text) <= TITLE_LINE_MAX
        and not text.endswith((".", ";", ","))
        and text[:1].isupper()
    )


def _update(blocks: list[Block], item: _Item) -> ActionUpdate | None:
    text = " ".join(item.report.split())
    if (
        not text
        or NOTHING_ARISING.search(text)
        or NOT_A_REPORT.match(text)
        or ABOUT_THE_MINUTES.search(text)
    ):
        return None
    if item.title is not None and item.title.endswith(":"):
        return None
    status = action_status(text)[0] or _reported(text)
    if status is None:
        return None
    number = REVIEW_ITEM_NUMBER.match(text)
    ref = number.group("ref") if number else None
    stated = text[number.end() :] if number else text
    return ActionUpdate(
        ref=ref,
        description=item.title or stated,
        status=status,
        status_text=stated,
        span=Span(page=blocks[item.first].page, start=item.start, end=blocks[item.last].end),
        rule="action_review:section",
    )


def _reported(text: str) -> ActionStatus | None:
    for rx, status in REPORT_WORDING:
        if rx.search(text):
            return ActionStatus(status)
    return None
