"""Loaders, inline runs to blocks: what the HTML and Markdown loaders share once a block's
inline text has been read as pieces, each a run of text and whether it is bold.

A paragraph broken into lines whose short bold lines head the lines after them is cut at those
lines; a paragraph that starts with a bullet character is a list item; one that is bold from
end to end and short is a heading; a list item mostly struck through is ticked off.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..document import BlockKind, DocumentBuilder, Style
from ..rules.markup import STARTS_NUMBERED
from .normalise import clean_chars, split_bullet, squash

__all__ = [
    "BOLD_HEADING_MAX",
    "OpenBlock",
    "Piece",
    "add_inline_block",
    "clean_block",
    "cut_at_bold_lines",
]

#: A bold paragraph or line longer than this is emphasis, not a heading.
BOLD_HEADING_MAX = 120

Piece = tuple[str, bool]
"""A run of a block's text and whether it is bold."""


@dataclass(slots=True)
class OpenBlock:
    """An open block: what its text becomes when it closes."""

    kind: BlockKind
    style_name: str | None = None
    level: int | None = None
    prefix: str = ""
    """The list number rendered before the item's text ("3. "), unless the text has one."""
    checked: bool | None = None
    """A task-list box inside the item (``<input type="checkbox">``, ``[x]``)."""
    struck: int = 0
    """Characters of the item's text that are struck through (``<s>``, ``~~…~~``)."""
    indent_level: int | None = None
    """List level implied by a pasted paragraph's left margin, if it has one."""


@functools.lru_cache(maxsize=256)
def _style(bold: bool | None, style_name: str | None) -> Style:
    """One :class:`Style` per look, shared by the blocks that have it (nothing changes a Style
    once made), instead of one validated model per block."""
    return Style(bold=bold, style_name=style_name)


def clean_block(text: str) -> str:
    """Each line's characters cleaned and spaces squashed; empty lines dropped."""
    if "\n" not in text:  # most blocks: one line
        return squash(clean_chars(text))
    lines = (squash(clean_chars(line)) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _is_bold_line(line: list[Piece]) -> bool:
    visible = [(t, b) for t, b in line if t.strip()]
    text = "".join(t for t, _ in visible).strip()
    return bool(visible) and all(b for _, b in visible) and 0 < len(text) <= BOLD_HEADING_MAX


def cut_at_bold_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """A paragraph of three or more lines cut before and after each short line that is bold
    from end to end ("**Apologies**" then the apologies): those lines head what follows."""
    lines: list[list[Piece]] = [[]]
    for text, bold in pieces:
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, bold))
    if len(lines) < 3 or all(_is_bold_line(line) or not line for line in lines):
        return [pieces]  # a bold title set on several lines is one block
    runs: list[list[Piece]] = [[]]
    for line in lines:
        if _is_bold_line(line):
            if runs[-1]:
                runs.append([])
            runs[-1].extend(line)
            runs.append([])
        else:
            if runs[-1]:
                runs[-1].append(("\n", False))
            runs[-1].extend(line)
    return [r for r in runs if any(t.strip() for t, _ in r)]


def add_inline_block(
    builder: DocumentBuilder, context: OpenBlock, pieces: list[Piece], links: list[str]
) -> None:
    """Add the block the pieces make in ``context`` (nothing if they hold no text), and reset
    the context's pending list number, task box and struck count."""
    text = clean_block("".join([text for text, _ in pieces]))
    if not text:
        return
    visible = [bold for piece, bold in pieces if piece.strip()]
    style = _style(all(visible) if visible else None, context.style_name)
    kind, level = context.kind, context.level
    if context.prefix:
        if not STARTS_NUMBERED.match(text):
            text = context.prefix + text
        context.prefix = ""
    if kind is BlockKind.PARAGRAPH:
        is_bullet, rest = split_bullet(text)
        if is_bullet and rest:
            # Word-pasted lists arrive as "<p>·&nbsp;&nbsp; item</p>".
            kind, level, text = BlockKind.LIST_ITEM, context.indent_level or 1, rest
        elif style.bold and len(text) <= BOLD_HEADING_MAX and "\n" not in text:
            kind = BlockKind.HEADING
    checked, context.checked = context.checked, None
    struck, context.struck = context.struck, 0
    if kind is BlockKind.LIST_ITEM and checked is None and struck >= 0.5 * len(text):
        checked = True  # "~~PD will email out …~~ done": an item crossed off the list
    builder.add(kind, text, level=level, style=style, checked=checked, links=links)
