"""Decisions listed as such: the items of a list under a heading that names what was decided
("Conclusion", "Decisions", "Agreed") or after a line introducing them ("we agree on the
following..."). Each item is one decision, whatever its wording; the heading or line says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Block, BlockKind, Document
from ..rules.decisions import DECISIONS_HEADING, DECISIONS_INTRO

__all__ = ["listed_decisions"]

HEADINGS_BETWEEN = 1
"""Headings that may stand between an introducing line and its list ("… the following..." /
"Roadmap" / the list)."""


def listed_decisions(doc: Document) -> Iterator[Block]:
    """The list items that each state one decision."""
    blocks = doc.blocks
    for k, b in enumerate(blocks):
        text = b.text.strip()
        if b.kind is BlockKind.HEADING and DECISIONS_HEADING.match(text):
            yield from _section_items(blocks, k)
        elif b.kind is BlockKind.PARAGRAPH and DECISIONS_INTRO.search(text):
            yield from _introduced_items(blocks, k)


def _section_items(blocks: list[Block], k: int) -> Iterator[Block]:
    """The items of the lists under the heading at ``k``, to the next heading at its level or
    above (a paragraph introducing the list may stand between)."""
    level = blocks[k].level or 0
    for b in blocks[k + 1 :]:
        if b.kind is BlockKind.HEADING and (not level or (b.level or 0) <= level):
            return
        if b.kind is BlockKind.LIST_ITEM and (b.level or 1) == 1:
            yield b


def _introduced_items(blocks: list[Block], k: int) -> Iterator[Block]:
    """The list right after the introducing line at ``k``."""
    j = k + 1
    headings = 0
    while j < len(blocks) and blocks[j].kind is BlockKind.HEADING and headings < HEADINGS_BETWEEN:
        headings += 1
        j += 1
    while j < len(blocks) and blocks[j].kind is BlockKind.LIST_ITEM:
        if (blocks[j].level or 1) == 1:
            yield blocks[j]
        j += 1
