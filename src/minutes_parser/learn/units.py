"""The units the learned layer reads and labels: each sentence of a body block (a table row
or a heading is one unit), with the block's kind and the heading it sits under.

Training (from gold) and inference (inside the pipeline) build units the same way, so what the
model saw in training is what it sees at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Block, BlockKind, Document
from ..extract.sentences import sentence_spans
from ..rules.model import HEADING_WORD

__all__ = ["MAX_UNIT_CHARS", "Unit", "document_units", "unit_features"]

MAX_UNIT_CHARS = 400
"""Longer units are cut for the classifier (the label is decided early in a sentence)."""
_HEADING_WORDS = 4


@dataclass(frozen=True)
class Unit:
    """One sentence (or row, or heading) of a document: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str
    """The block kind: heading, paragraph, list_item or table_row."""
    heading: str
    """The text of the last heading before the block ("" before the first)."""
    block: int
    first: bool
    """Whether this is the block's first sentence."""


def _block_units(k: int, b: Block, heading: str) -> list[Unit]:
    if b.kind in (BlockKind.HEADING, BlockKind.TABLE_ROW):
        spans: Sequence[tuple[int, int]] = ((0, len(b.text.rstrip())),)
    else:
        spans = sentence_spans(b.text)
    out = []
    for i, (s, e) in enumerate(spans):
        text = b.text[s:e]
        if text.strip():
            out.append(Unit(b.start + s, b.start + e, text, b.kind.value, heading, k, i == 0))
    return out


def document_units(doc: Document) -> list[Unit]:
    """Every unit of ``doc``'s body blocks, in order."""
    out: list[Unit] = []
    heading = ""
    for k, b in enumerate(doc.blocks):
        out.extend(_block_units(k, b, heading))
        if b.kind is BlockKind.HEADING:
            heading = b.text
    return out


def unit_features(unit: Unit) -> str:
    """The classifier's input: marker tokens for the block kind, the sentence's place and the
    heading's first words, then the sentence in lower case ("RESOLVED" is "Resolved")."""
    words = HEADING_WORD.findall(unit.heading.lower())[:_HEADING_WORDS]
    marks = [f"kind_{unit.kind}", "first_sent" if unit.first else "next_sent"]
    marks += [f"h_{w}" for w in words] or ["h_none"]
    return " ".join(marks) + " | " + unit.text[:MAX_UNIT_CHARS].lower()
