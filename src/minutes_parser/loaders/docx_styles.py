"""Word styles: the inherited properties the DOCX loader needs (headings, lists, bold, size).

A paragraph's heading level, list numbering and run formatting are often not on the paragraph
at all but on its style, or on a style it is ``w:basedOn``. :class:`StyleSheet` resolves
those chains once per lookup, guarding against cycles that hand-edited files sometimes have.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar, cast

from lxml import etree

from ..rules.docx import HEADING_STYLE, LIST_STYLE
from .docx_numbering import W

__all__ = ["ParagraphStyle", "RunProps", "StyleSheet", "first_children", "props_of", "toggle"]

T = TypeVar("T")

_MAX_CHAIN = 32
#: Built-in styles Word stores in lower case but shows capitalised.
_UI_NAMES = {
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
    "title": "Title",
    "caption": "Caption",
    **{f"toc {n}": f"TOC {n}" for n in range(1, 10)},
}


@functools.cache
def _w(tag: str) -> str:
    # Cached: asked for the same few names once per element of every paragraph and run.
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, path: str) -> str | None:
    if el is None:
        return None
    child = el.find(path)
    return child.get(_w("val")) if child is not None else None


@dataclass(frozen=True)
class RunProps:
    """Character formatting that may be set on a run, a character style or a paragraph style."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    font: str | None = None

    def over(self, base: RunProps) -> RunProps:
        """These properties, falling back to ``base`` where unset."""
        return RunProps(
            bold=self.bold if self.bold is not None else base.bold,
            italic=self.italic if self.italic is not None else base.italic,
            size=self.size if self.size is not None else base.size,
            font=self.font if self.font is not None else base.font,
        )


def first_children(el: etree._Element) -> dict[str, etree._Element]:
    """The first child of each tag, found in one pass (what ``el.find(tag)`` would return for
    each): reading a run's or paragraph's properties asks for several tags of the same few
    children, and one walk is cheaper than a ``find`` per tag."""
    found: dict[str, etree._Element] = {}
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in found:
            found[tag] = child
    return found


def toggle(found: dict[str, etree._Element], tag: str) -> bool:
    """:func:`on_off` over :func:`first_children`: present and not switched off."""
    child = found.get(_w(tag))
    return child is not None and child.get(_w("val")) not in ("0", "false", "off")


def run_props(rpr: etree._Element | None) -> RunProps:
    """The properties set directly in one ``w:rPr``."""
    if rpr is None:
        return RunProps()
    return props_of(first_children(rpr))


def props_of(found: dict[str, etree._Element]) -> RunProps:
    """:func:`run_props` from the first children of a ``w:rPr``."""
    sz = found.get(_w("sz"))
    size = sz.get(_w("val")) if sz is not None else None
    fonts = found.get(_w("rFonts"))
    font = None
    if fonts is not None:
        font = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi"))
    return RunProps(
        bold=toggle(found, "b") if _w("b") in found else None,
        italic=toggle(found, "i") if _w("i") in found else None,
        size=int(size) / 2 if size is not None and size.isdigit() else None,
        font=font,
    )


@dataclass(frozen=True)
class ParagraphStyle:
    """What a paragraph inherits from its style, looked up once per style."""

    name: str | None
    num_id: str | None
    ilvl: int | None
    heading: int | None
    list_level: int | None
    run: RunProps


@dataclass(frozen=True)
class _StyleDef:
    style_id: str
    name: str
    kind: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline_level: int | None
    run: RunProps


def _parse_style(el: etree._Element) -> _StyleDef | None:
    style_id = el.get(_w("styleId"))
    if style_id is None:
        return None
    ppr = el.find(_w("pPr"))
    ilvl = _val(ppr, f"{_w('numPr')}/{_w('ilvl')}")
    outline = _val(ppr, _w("outlineLvl"))
    return _StyleDef(
        style_id=style_id,
        name=_val(el, _w("name")) or style_id,
        kind=el.get(_w("type")) or "paragraph",
        based_on=_val(el, _w("basedOn")),
        num_id=_val(ppr, f"{_w('numPr')}/{_w('numId')}"),
        ilvl=int(ilvl) if ilvl is not None and ilvl.isdigit() else None,
        outline_level=int(outline) if outline is not None and outline.isdigit() else None,
        run=run_props(el.find(_w("rPr"))),
    )


class StyleSheet:
    """The styles part of one document (an empty sheet when the part is missing)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _StyleDef] = {}
        self.default_paragraph: str | None = None
        self._defaults = RunProps()
        # Every paragraph asks the same few questions about the same few styles: answers are
        # kept, so a 10,000-row table does not walk the basedOn chains 100,000 times.
        self._memo: dict[tuple[str, str | None], object] = {}
        self._paragraph: dict[str | None, ParagraphStyle] = {}
        if root is None:
            return
        for el in root.findall(_w("style")):
            style = _parse_style(el)
            if style is None:
                continue
            self._styles[style.style_id] = style
            if style.kind == "paragraph" and on_off_attr(el.get(_w("default"))):
                self.default_paragraph = style.style_id
        self._defaults = run_props(root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}"))

    def chain(self, style_id: str | None) -> Iterator[_StyleDef]:
        """The style and its ``basedOn`` ancestors, nearest first."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < _MAX_CHAIN:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def _remember(self, question: str, style_id: str | None, answer: Callable[[], T]) -> T:
        key = (question, style_id)
        if key not in self._memo:
            self._memo[key] = answer()
        return cast("T", self._memo[key])

    def paragraph(self, style_id: str | None) -> ParagraphStyle:
        """Everything a paragraph of style ``style_id`` inherits, in one lookup."""
        found = self._paragraph.get(style_id)
        if found is None:
            num_id, ilvl = self.num_pr(style_id)
            found = ParagraphStyle(
                name=self.name(style_id),
                num_id=num_id,
                ilvl=ilvl,
                heading=self.heading_level(style_id),
                list_level=self.list_level(style_id),
                run=self.paragraph_run_props(style_id),
            )
            self._paragraph[style_id] = found
        return found

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """``(numId, ilvl)`` a paragraph inherits from its style chain."""
        return self._remember("num_pr", style_id, lambda: self._num_pr(style_id))

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level from the style name ("Heading 2", "Title") or outline level."""
        return self._remember("heading", style_id, lambda: self._heading_level(style_id))

    def list_level(self, style_id: str | None) -> int | None:
        """Level of a list style without numbering ("List Bullet 2" -> 2), else None."""
        return self._remember("list", style_id, lambda: self._list_level(style_id))

    def paragraph_run_props(self, style_id: str | None) -> RunProps:
        return self._remember("p_run", style_id, lambda: self._paragraph_run_props(style_id))

    def character_run_props(self, style_id: str | None) -> RunProps:
        return self._remember("c_run", style_id, lambda: self._character_run_props(style_id))

    def name(self, style_id: str | None) -> str | None:
        """The name Word shows for a style ("heading 1" is stored, "Heading 1" shown)."""
        style = self._styles.get(style_id) if style_id is not None else None
        if style is None:
            return style_id
        return _UI_NAMES.get(style.name.lower(), style.name)

    def _num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """``(numId, ilvl)`` a paragraph inherits from its style chain."""
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def numbering_style_num_id(self, style_id: str) -> str | None:
        """The ``numId`` of a numbering style (target of ``w:numStyleLink``)."""
        return self.num_pr(style_id)[0]

    def _heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level from the style name ("Heading 2", "Title") or outline level."""
        for style in self.chain(style_id):
            m = HEADING_STYLE.match(style.name.strip())
            if m:
                return int(m.group(1))
            if style.name.strip().lower() == "title":
                return 1
            if style.outline_level is not None:
                return style.outline_level + 1 if style.outline_level < 9 else None
        return None

    def _list_level(self, style_id: str | None) -> int | None:
        """Level of a list style without numbering ("List Bullet 2" -> 2), else None."""
        for style in self.chain(style_id):
            m = LIST_STYLE.match(style.name.strip())
            if m:
                return int(m.group(1) or 1)
        return None

    def _paragraph_run_props(self, style_id: str | None) -> RunProps:
        props = RunProps()
        for style in self.chain(style_id):
            props = props.over(style.run)
        return props.over(self._defaults)

    def _character_run_props(self, style_id: str | None) -> RunProps:
        props = RunProps()
        for style in self.chain(style_id):
            props = props.over(style.run)
        return props


def on_off_attr(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")
