"""WordprocessingML elements as the DOCX reader reads them: tag names, a paragraph's own
properties (read in one pass over its ``w:pPr``), and the walks through content controls,
wrappers and text boxes. Split from :mod:`.docx_reader`, which turns them into paragraphs and
tables."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from .docx_numbering import MC, W
from .docx_styles import first_children, toggle

_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


@functools.cache
def _w(tag: str) -> str:
    # Cached: the reader asks for the same few dozen names once per element.
    return f"{{{W}}}{tag}"


@functools.cache
def _path(*tags: str) -> str:
    return "/".join(_w(t) for t in tags)


_W_PPR, _W_RPR, _W_R, _W_T, _W_VAL = _w("pPr"), _w("rPr"), _w("r"), _w("t"), _w("val")
_W_SDT, _W_SDT_CONTENT, _W_RSTYLE = _w("sdt"), _w("sdtContent"), _w("rStyle")
_MATH = frozenset({f"{{{_M}}}oMath", f"{{{_M}}}oMathPara"})
_W_P, _W_TBL, _W_TR, _W_TC, _W_DEL = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("del")
_W_TRPR, _W_TCPR, _W_GRID_SPAN, _W_VMERGE = _w("trPr"), _w("tcPr"), _w("gridSpan"), _w("vMerge")
_W_CUSTOM_XML = _w("customXml")
_BLOCK_WRAPPERS = frozenset({_W_CUSTOM_XML, _w("ins"), _w("moveTo")})
_MC_ALTERNATE = f"{{{MC}}}AlternateContent"


@dataclass(frozen=True)
class _ParagraphProps:
    """What a paragraph's own ``w:pPr`` sets, read in one pass over its children."""

    style_id: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    page_break_before: bool = False
    mark_deleted: bool = False


_NO_PROPS = _ParagraphProps()


def _paragraph_props(ppr: etree._Element | None) -> _ParagraphProps:
    if ppr is None:
        return _NO_PROPS
    found = first_children(ppr)
    numpr = found.get(_w("numPr"))
    rpr = found.get(_W_RPR)
    return _ParagraphProps(
        style_id=_str_val(ppr, "pStyle") if _w("pStyle") in found else None,
        num_id=_str_val(numpr, "numId"),
        ilvl=_int_val(numpr, "ilvl"),
        outline=_int_val(ppr, "outlineLvl") if _w("outlineLvl") in found else None,
        page_break_before=toggle(found, "pageBreakBefore"),
        mark_deleted=rpr is not None and rpr.find(_w("del")) is not None,
    )


def _block_children(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a container, looking through content controls and wrappers."""
    stack = list(reversed(container))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in (_W_P, _W_TBL):
            yield el
        elif tag == _W_SDT:
            content = el.find(_W_SDT_CONTENT)
            if content is not None:
                stack.extend(reversed(content))
        elif tag in _BLOCK_WRAPPERS:
            stack.extend(reversed(el))
        elif tag == _MC_ALTERNATE:
            choice = el.find(f"{{{MC}}}Choice")
            if choice is not None:
                stack.extend(reversed(choice))


def _only_paragraph(container: etree._Element) -> etree._Element | None:
    """The paragraph of a container (a table cell) holding one and nothing else but its
    properties, else None."""
    found = None
    for child in container:
        tag = child.tag
        if tag == _W_P and found is None:
            found = child
        elif tag != _W_TCPR and isinstance(tag, str):
            return None
    return found


def _cell_parts(tc: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
    """A table cell's properties (its first ``w:tcPr``) and, when it holds one paragraph and
    nothing else, that paragraph: :func:`_only_paragraph` and ``find`` in one pass."""
    tcpr = para = None
    simple = True
    for child in tc:
        tag = child.tag
        if tag == _W_TCPR:
            if tcpr is None:
                tcpr = child
        elif tag == _W_P and para is None:
            para = child
        elif isinstance(tag, str):
            simple = False
    return tcpr, para if simple else None


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children of (Clark) ``tag``, including those wrapped in content controls."""
    for el in parent:
        if el.tag == tag:
            yield el
        elif el.tag == _W_SDT or el.tag == _W_CUSTOM_XML:
            content = el.find(_W_SDT_CONTENT) if el.tag == _W_SDT else el
            if content is not None:
                yield from _children(content, tag)


def _text_boxes(el: etree._Element) -> list[etree._Element]:
    """Outermost ``w:txbxContent`` under ``el``, ignoring ``mc:Fallback`` duplicates."""
    found: list[etree._Element] = []
    stack = [el]
    while stack:
        node = stack.pop()
        if node.tag == _w("txbxContent"):
            found.append(node)
            continue
        if node.tag == f"{{{MC}}}Fallback":
            continue
        if node.tag == f"{{{MC}}}AlternateContent":
            choice = node.find(f"{{{MC}}}Choice")
            stack.extend(reversed(choice) if choice is not None else ())
            continue
        stack.extend(reversed(node))
    return found


def _str_val(el: etree._Element | None, *path: str) -> str | None:
    if el is None:
        return None
    child = el.find(_path(*path))
    return child.get(_w("val")) if child is not None else None


def _int_val(el: etree._Element | None, *path: str) -> int | None:
    value = _str_val(el, *path)
    return int(value) if value is not None and value.lstrip("-").isdigit() else None
