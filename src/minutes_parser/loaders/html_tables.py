"""HTML loader, tables: layout tables told from data tables, rows with colspan and rowspan
gaps filled, and a cell's text."""

from __future__ import annotations

from collections.abc import Iterator

from bs4.element import NavigableString, PreformattedString, Tag

from ..rules.layout import HTML_SPACE
from .html_content import _BLOCK, _HEADINGS, _attr, _int_attr, _tags
from .inline_blocks import clean_block


def _is_layout_table(table: Tag) -> bool:
    """Tables used for page layout hold headings or tables in their cells: read them as flow."""
    if _attr(table, "role").lower() in ("presentation", "none"):
        return True
    return any(tag.name in _HEADINGS or tag.name == "table" for tag in _tags(table))


def _rows(table: Tag) -> Iterator[Tag]:
    """The table's own rows (not those of nested tables)."""
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            yield child
        elif child.name in ("thead", "tbody", "tfoot"):
            yield from (r for r in child.children if isinstance(r, Tag) and r.name == "tr")


def _row_cells(tr: Tag, carried: dict[int, int]) -> tuple[list[str], list[int]]:
    """Cell texts and spans; a cell covered by a rowspan from above is an empty cell."""
    texts: list[str] = []
    spans: list[int] = []
    column = 0
    cells = [c for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]
    for cell in cells:
        column = _fill_carried(column, carried, texts, spans)
        span = _int_attr(cell, "colspan", 1, 1, 1000)
        rows = _int_attr(cell, "rowspan", 1, 0, 10000)
        texts.append(_cell_text(cell))
        spans.append(span)
        if rows > 1:
            for c in range(column, column + span):
                carried[c] = rows - 1
        column += span
    _fill_carried(column, carried, texts, spans)
    return texts, spans


def _fill_carried(column: int, carried: dict[int, int], texts: list[str], spans: list[int]) -> int:
    while carried.get(column, 0) > 0:
        carried[column] -= 1
        texts.append("")
        spans.append(1)
        column += 1
    return column


def _cell_text(cell: Tag) -> str:
    parts: list[str] = []
    for node in cell.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in _BLOCK:
                parts.append("\n")
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            parts.append(HTML_SPACE.sub(" ", str(node)))
    return clean_block("".join(parts)).replace("\t", " ")
