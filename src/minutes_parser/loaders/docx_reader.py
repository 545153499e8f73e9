"""Reading a DOCX body: WordprocessingML -> paragraphs and tables, in body order.

:class:`_Reader` walks the body itself (content controls, text boxes, tracked changes), puts
the numbers :mod:`.docx_numbering` renders before each paragraph's text, reads styles and
run properties into a :class:`Style` hint, and splits page breaks out of the text. The
paragraphs and tables it returns are turned into blocks by :mod:`.docx`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from lxml import etree

from ..document import (
    BlockKind,
    Style,
)
from ..rules.docx import NUMBER_OR_BULLET_CELL
from .docx_numbering import MC, Numbering
from .docx_styles import ParagraphStyle, RunProps, StyleSheet, first_children, props_of, toggle
from .docx_xml import (
    _MATH,
    _W_DEL,
    _W_GRID_SPAN,
    _W_PPR,
    _W_R,
    _W_RPR,
    _W_RSTYLE,
    _W_SDT,
    _W_SDT_CONTENT,
    _W_T,
    _W_TBL,
    _W_TC,
    _W_TR,
    _W_TRPR,
    _W_VAL,
    _W_VMERGE,
    _block_children,
    _cell_parts,
    _children,
    _int_val,
    _only_paragraph,
    _paragraph_props,
    _ParagraphProps,
    _text_boxes,
    _w,
)
from .inline_blocks import BOLD_HEADING_MAX
from .normalise import clean_chars, split_bullet, squash

_PAGE = "\f"


@dataclass(slots=True)
class _Para:
    text: str
    kind: BlockKind
    page: int
    level: int | None = None
    style: Style | None = None
    cells: list[str] | None = None
    """Set for a paragraph laid out as a row with tab stops ("Name<tab>Role")."""


@dataclass(slots=True)
class _Cell:
    items: list[_Para | _Table]
    span: int = 1
    merged: bool = False
    """A ``vMerge`` continuation: the cell above holds the text."""


@dataclass(slots=True)
class _Row:
    cells: list[_Cell]
    page: int


@dataclass(slots=True)
class _Table:
    rows: list[_Row] = field(default_factory=list)


_Item = _Para | _Table

#: Inline wrappers whose children are read as if they stood in the paragraph.
_TRANSPARENT = {
    _w(t)
    for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
} | {_w("sdtContent")}


class _Reader:
    """Walks block content in document order, advancing numbering and the page counter."""

    def __init__(self, styles: StyleSheet, numbering: Numbering, rendered_breaks: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.rendered_breaks = rendered_breaks
        self.page = 1
        self._props: dict[tuple[RunProps, str | None, RunProps], RunProps] = {}

    # -- block level -------------------------------------------------------------------------

    def items(self, container: etree._Element) -> list[_Item]:
        only = _only_paragraph(container)
        if only is not None:  # most table cells: one paragraph, read without the walk
            return self._only_items(only)
        out: list[_Item] = []
        joined: _Para | None = None
        for child in _block_children(container):
            if child.tag == _W_TBL:
                if joined is not None:
                    out.append(joined)
                    joined = None
                out.append(self.table(child))
                continue
            para, boxes, mark_deleted = self.paragraph(child, joined.text if joined else "")
            joined = None
            if mark_deleted and para is not None:
                # Accepting a deleted paragraph mark joins this paragraph to the next one.
                joined = para
            elif para is not None:
                out.append(para)
            for box in boxes:
                out.extend(self.items(box))
        if joined is not None:
            out.append(joined)
        _demote_lone_rows(out)
        return out

    def _only_items(self, p: etree._Element) -> list[_Item]:
        """:meth:`items` of a container holding one paragraph and nothing else."""
        para, boxes, mark_deleted = self.paragraph(p)
        out: list[_Item] = []
        if para is not None and not mark_deleted:
            out.append(para)
        for box in boxes:
            out.extend(self.items(box))
        if para is not None and mark_deleted:
            out.append(para)  # as in items(): a joined paragraph comes after the boxes
        _demote_lone_rows(out)
        return out

    def table(self, tbl: etree._Element) -> _Table:
        table = _Table()
        for tr in _children(tbl, _W_TR):
            trpr = tr.find(_W_TRPR)
            if trpr is not None and trpr.find(_W_DEL) is not None:
                continue
            start_page = self.page
            cells: list[_Cell] = []
            for tc in _children(tr, _W_TC):
                tcpr, only = _cell_parts(tc)
                span, merged = 1, False
                if tcpr is not None:
                    found = first_children(tcpr)
                    if _W_GRID_SPAN in found:
                        span = _int_val(tcpr, "gridSpan") or 1
                    vmerge = found.get(_W_VMERGE)
                    merged = vmerge is not None and vmerge.get(_W_VAL) != "restart"
                items = self._only_items(only) if only is not None else self.items(tc)
                cells.append(_Cell(items=items, span=max(span, 1), merged=merged))
            pages = [p.page for c in cells for p in c.items if isinstance(p, _Para)]
            table.rows.append(_Row(cells=cells, page=min(pages, default=start_page)))
        return table

    # -- paragraphs --------------------------------------------------------------------------

    def paragraph(
        self, p: etree._Element, carried: str = ""
    ) -> tuple[_Para | None, list[etree._Element], bool]:
        """The paragraph (None when empty), its text boxes, and whether its mark is deleted."""
        ppr = _paragraph_props(p.find(_W_PPR))
        style_id = ppr.style_id or self.styles.default_paragraph
        style = self.styles.paragraph(style_id)
        pieces, boxes = self._inline(p, style.run)
        raw = carried + "".join([text for text, _ in pieces])
        if not self.rendered_breaks and ppr.page_break_before:
            raw = _PAGE + raw
        if _PAGE in raw:
            before, raw, after = _split_page_breaks(raw)
            self.page += before
            page = self.page
            self.page += after
        else:
            raw, page = raw.lstrip(), self.page  # what _split_page_breaks gives without one
        numbered = ppr.num_id is not None or style.num_id is not None
        label = self._number_label(ppr, style_id, style) if numbered else None
        text = _clean_text(raw)
        if not text:
            return None, boxes, ppr.mark_deleted
        para = self._classify(text, label, ppr, style, pieces)
        para.page = page
        return para, boxes, ppr.mark_deleted

    def _number_label(
        self, ppr: _ParagraphProps, style_id: str | None, style: ParagraphStyle
    ) -> tuple[str, bool, int] | None:
        """``(label text, is bullet, ilvl)`` of a numbered paragraph, advancing the counters."""
        num_id = ppr.num_id
        ilvl = ppr.ilvl
        if num_id is None:
            num_id = style.num_id
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = style.ilvl
        if ilvl is None and style_id is not None:
            ilvl = self.numbering.level_for_style(num_id, style_id)
        ilvl = ilvl or 0
        label = self.numbering.next_label(num_id, ilvl)
        if label is None:
            return None
        text = label.text
        if text and label.suffix != "nothing":
            text += " "
        return text, label.bullet, ilvl

    def _classify(
        self,
        text: str,
        label: tuple[str, bool, int] | None,
        ppr: _ParagraphProps,
        style: ParagraphStyle,
        pieces: list[tuple[str, RunProps]],
    ) -> _Para:
        hint = _style_hint(pieces, style.name)
        outline = ppr.outline
        heading = outline + 1 if outline is not None and outline < 9 else None
        heading = heading or style.heading
        if label is not None:
            text = label[0] + text
            flat = _flatten_tabs(text)
        else:
            # _clean_text squashed a one-line text already
            flat = text if "\n" not in text and "\t" not in text else _flatten_tabs(text)
        if heading is not None:
            return _Para(flat, BlockKind.HEADING, 1, level=heading, style=hint)
        if label is not None:
            return _Para(flat, BlockKind.LIST_ITEM, 1, level=label[2] + 1, style=hint)
        list_level = style.list_level
        is_bullet, rest = split_bullet(flat)
        if is_bullet and rest:
            return _Para(rest, BlockKind.LIST_ITEM, 1, level=list_level or 1, style=hint)
        if list_level is not None:
            return _Para(flat, BlockKind.LIST_ITEM, 1, level=list_level, style=hint)
        cells = _tab_cells(text)
        if cells is not None:
            return _Para(flat, BlockKind.TABLE_ROW, 1, style=hint, cells=cells)
        if _reads_as_heading(flat, hint):
            return _Para(flat, BlockKind.HEADING, 1, style=hint)
        return _Para(flat, BlockKind.PARAGRAPH, 1, style=hint)

    def _inline(
        self, p: etree._Element, base: RunProps
    ) -> tuple[list[tuple[str, RunProps]], list[etree._Element]]:
        """Visible text of a paragraph, run by run, and the text boxes anchored in it."""
        pieces: list[tuple[str, RunProps]] = []
        boxes: list[etree._Element] = []
        stack = list(reversed(p))
        while stack:
            el = stack.pop()
            tag = el.tag
            if tag == _W_R:
                self._run(el, base, pieces, boxes)
            elif tag in _TRANSPARENT:
                stack.extend(reversed(el))
            elif tag == _W_SDT:
                content = el.find(_W_SDT_CONTENT)
                if content is not None:
                    stack.extend(reversed(content))
            elif tag in _MATH:
                pieces.append(("".join(str(t) for t in el.itertext()), base))
        return pieces, boxes

    def _run(
        self,
        r: etree._Element,
        base: RunProps,
        pieces: list[tuple[str, RunProps]],
        boxes: list[etree._Element],
    ) -> None:
        props = base  # nothing set on the run: the paragraph's own formatting
        rpr = r.find(_W_RPR)
        if rpr is not None:
            found = first_children(rpr)
            if toggle(found, "vanish"):
                return
            props = self._run_props(found, base)
        for child in r:
            tag = child.tag
            if tag == _W_T:
                text = child.text
                if text:
                    pieces.append((text, props))
            elif tag != _W_RPR:
                text = self._run_child_text(child, boxes)
                if text:
                    pieces.append((text, props))

    def _run_props(self, found: dict[str, etree._Element], base: RunProps) -> RunProps:
        """A run's own formatting over its character style's over the paragraph's; one
        object per distinct combination, as a long table repeats a few."""
        rstyle = found.get(_W_RSTYLE)
        char_style = rstyle.get(_W_VAL) if rstyle is not None else None
        own = props_of(found)
        key = (own, char_style, base)
        props = self._props.get(key)
        if props is None:
            props = own.over(self.styles.character_run_props(char_style)).over(base)
            self._props[key] = props
        return props

    def _run_child_text(self, child: etree._Element, boxes: list[etree._Element]) -> str:
        tag = child.tag
        if tag == _w("t"):
            return child.text or ""
        if tag in (_w("tab"), _w("ptab")):
            return "\t"
        if tag == _w("br"):
            if child.get(_w("type")) == "page" and not self.rendered_breaks:
                return _PAGE
            return "\n"
        if tag == _w("cr"):
            return "\n"
        if tag == _w("noBreakHyphen"):
            return "-"
        if tag == _w("lastRenderedPageBreak"):
            return _PAGE if self.rendered_breaks else ""
        if tag in (_w("drawing"), _w("pict"), _w("object"), f"{{{MC}}}AlternateContent"):
            boxes.extend(_text_boxes(child))
        return ""


def _split_page_breaks(raw: str) -> tuple[int, str, int]:
    """Page breaks before the paragraph's first visible character, the text, and the rest.

    A paragraph holding nothing but a break moves what follows, so its breaks come after.
    """
    if _PAGE not in raw:
        body = raw.lstrip()
        return (0, body, 0) if body else (0, "", 0)
    body = raw.lstrip()  # "\f" is white space, so leading breaks go too
    before = raw[: len(raw) - len(body)].count(_PAGE)
    if not body.strip():
        return 0, "", before
    return before, body.replace(_PAGE, " "), body.count(_PAGE)


def _clean_text(raw: str) -> str:
    if "\n" not in raw and "\t" not in raw:  # most paragraphs and cells: one plain line
        return squash(clean_chars(raw))
    lines = [squash_keep_tabs(clean_chars(line)) for line in raw.split("\n")]
    return "\n".join(line for line in lines if line.strip())


def _reads_as_heading(text: str, style: Style) -> bool:
    """Templates often make headings with direct bold rather than a heading style."""
    return (
        bool(style.bold)
        and len(text) <= BOLD_HEADING_MAX
        and "\n" not in text
        and not text.rstrip().endswith((".", ",", ";"))
    )


def _flatten_tabs(text: str) -> str:
    if "\n" not in text and "\t" not in text:
        return squash(text)
    return "\n".join(squash(line.replace("\t", " ")) for line in text.split("\n"))


def squash_keep_tabs(text: str) -> str:
    """Collapse spaces but keep tabs (they may separate columns); trim."""
    parts = [squash(part) for part in text.split("\t")]
    return "\t".join(parts).strip(" \t")


def _tab_cells(text: str) -> list[str] | None:
    """Cells of a one-line paragraph laid out with tab stops, or None.

    "1.<tab>Apologies" is a manually numbered line, not a row, so a first cell that is only a
    number or a bullet does not count.
    """
    if "\t" not in text or "\n" in text:
        return None
    cells = [c for c in text.split("\t") if c]
    if len(cells) < 2:
        return None
    if NUMBER_OR_BULLET_CELL.match(cells[0]) or split_bullet(cells[0])[0]:
        return None
    return cells


def _demote_lone_rows(items: list[_Item]) -> None:
    """A tabbed paragraph is a table row only beside another one: a single tab in prose is
    spacing ("Dave said we need to research<tab>flow theory"), not a column."""
    rows = [isinstance(item, _Para) and item.cells is not None for item in items]
    if not any(rows):
        return
    last = len(items) - 1
    for i, is_row in enumerate(rows):
        if is_row and not ((i > 0 and rows[i - 1]) or (i < last and rows[i + 1])):
            para = items[i]
            assert isinstance(para, _Para)
            para.cells = None
            para.kind = BlockKind.PARAGRAPH
            para.text = _flatten_tabs(para.text)


def _style_hint(pieces: list[tuple[str, RunProps]], style_name: str | None) -> Style:
    if len(pieces) == 1:  # most paragraphs and cells: one run
        text, props = pieces[0]
        if not text.strip():
            return _style(None, None, None, None, style_name)
        return _style(bool(props.bold), bool(props.italic), props.size, props.font, style_name)
    visible = [props for text, props in pieces if text.strip()]
    sizes = [props.size for props in visible if props.size is not None]
    fonts = [props.font for props in visible if props.font is not None]
    return _style(
        all(bool(p.bold) for p in visible) if visible else None,
        all(bool(p.italic) for p in visible) if visible else None,
        sizes[0] if sizes else None,
        fonts[0] if fonts else None,
        style_name,
    )


@functools.lru_cache(maxsize=1024)
def _style(
    bold: bool | None,
    italic: bool | None,
    size: float | None,
    font: str | None,
    style_name: str | None,
) -> Style:
    """One :class:`Style` per distinct look, shared by the blocks that have it (nothing
    changes a Style once made): a 10,000-row table has a handful, not 40,000."""
    return Style(bold=bold, italic=italic, size=size, font=font, style_name=style_name)
