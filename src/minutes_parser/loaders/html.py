"""HTML loader: the main content of a minutes web page as headings, paragraphs, lists, tables.

Minutes pages (ModernGov "Agenda item" pages, council CMS pages) wrap a little content in a
lot of site chrome. The loader:

1. parses with the standard-library parser through BeautifulSoup, which builds arbitrarily
   deep trees without recursion (lxml silently truncates past 255 levels, losing text);
2. drops code and controls (script, style, form widgets) and moves site furniture (nav,
   page header and footer, asides, breadcrumbs, cookie banners) into ``Document.furniture``;
3. keeps the main content: ``<main>``, ``[role=main]``, ModernGov's ``#modgov`` container, a
   dominant ``<article>``, else the deepest element holding most of the page's non-link text;
4. walks it iteratively (no recursion, so thousands of nested levels cannot overflow the
   stack): h1-h6 -> HEADING, p -> PARAGRAPH, li -> LIST_ITEM with its nesting level and, in
   an ``<ol>``, its rendered number, tables -> rows (colspan, rowspan gaps filled), ``<br>``
   -> a line break inside the block. Nesting deeper than ``Limits.max_html_depth`` is read
   as plain text of the subtree, with a diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from ..document import BlockKind, Document, DocumentBuilder, DocumentFormat, FurnitureKind
from ..errors import EmptyDocumentError
from ..rules.layout import HTML_MARGIN_LEFT, HTML_SPACE
from . import LoadOptions
from .docx_numbering import format_number
from .html_content import (
    _BLOCK,
    _HEADINGS,
    _attr,
    _int_attr,
    _join_definitions,
    _main_content,
    _parse,
    _strip_chrome,
)
from .html_tables import _is_layout_table, _row_cells, _rows
from .inline_blocks import OpenBlock, Piece, add_inline_block, cut_at_bold_lines
from .normalise import clean_chars, squash

__all__ = ["load", "load_html"]

_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_BOLD = frozenset({"b", "strong"})
_STRUCK = frozenset({"s", "del", "strike"})
_POINTS = {"pt": 1.0, "px": 0.75, "cm": 28.35, "in": 72.0}
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
             "I": "upperRoman"}  # fmt: skip


# --------------------------------------------------------------------------------------------
# Walking the content
# --------------------------------------------------------------------------------------------


@dataclass
class _List:
    ordered: bool
    fmt: str = "decimal"
    counter: int = 0
    step: int = 1


@dataclass
class _Walker:
    builder: DocumentBuilder
    max_depth: int
    contexts: list[OpenBlock] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    bold: int = 0
    struck: int = 0
    pre: int = 0
    table_no: int = 0
    too_deep: bool = False
    links: list[str] = field(default_factory=list)

    def walk(self, root: Tag) -> None:
        stack: list[tuple[PageElement, int, bool]] = [(root, 0, True)]
        while stack:
            node, depth, entering = stack.pop()
            if isinstance(node, Tag):
                if not entering:
                    self._exit(node)
                    continue
                if depth > self.max_depth:
                    self.too_deep = True
                    self._text(node.get_text(" "))
                    continue
                if self._enter(node):
                    stack.append((node, depth, False))
                    stack.extend((c, depth + 1, True) for c in reversed(node.contents))
            elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
                self._text(str(node))
        self._flush()

    # -- events ------------------------------------------------------------------------------

    def _enter(self, tag: Tag) -> bool:
        """Handle an opening tag; False when its content was consumed here."""
        name = tag.name
        if name == "br":
            self.pieces.append(("\n", bool(self.bold)))
            return False
        if name == "hr":
            self._flush()
            return False
        if name == "input":
            if _attr(tag, "type").lower() == "checkbox" and self.contexts:
                self.contexts[-1].checked = tag.has_attr("checked")
            return False
        if name == "a":
            href = _attr(tag, "href").strip()
            if href and not href.startswith(("#", "javascript:")):
                self.links.append(href)
        if name == "table" and not _is_layout_table(tag):
            self._flush()
            self._table(tag)
            return False
        if name in _BOLD:
            self.bold += 1
        if name in _STRUCK:
            self.struck += 1
        if name == "pre":
            self.pre += 1
        if name in _LISTS:
            self._flush()
            self.lists.append(_list_of(tag))
        elif name in _HEADINGS:
            self._open(OpenBlock(BlockKind.HEADING, level=_HEADINGS[name], style_name=name))
        elif name == "li":
            self._open(self._list_item(tag))
        elif name in _BLOCK:
            self._open(self._inherit(tag))
        return True

    def _exit(self, tag: Tag) -> None:
        name = tag.name
        if name in _BOLD:
            self.bold -= 1
        if name in _STRUCK:
            self.struck -= 1
        if name == "pre":
            self.pre -= 1
        if name in _LISTS:
            self._flush()
            self.lists.pop()
        elif name in _HEADINGS or name == "li" or name in _BLOCK:
            self._flush()
            self.contexts.pop()

    def _text(self, text: str) -> None:
        if not self.pre:
            text = HTML_SPACE.sub(" ", text)
        if text:
            self.pieces.append((text, bool(self.bold)))
            if self.struck and self.contexts:
                self.contexts[-1].struck += len(text.strip())

    # -- blocks ------------------------------------------------------------------------------

    def _open(self, context: OpenBlock) -> None:
        self._flush()
        self.contexts.append(context)

    def _inherit(self, tag: Tag) -> OpenBlock:
        """A paragraph inside a list item or heading continues it (``<li><p>..</p></li>``)."""
        parent = self.contexts[-1] if self.contexts else None
        if parent is not None and parent.kind in (BlockKind.LIST_ITEM, BlockKind.HEADING):
            # The item's number goes to its first paragraph: <ol><li><p>..</p></li></ol>.
            prefix, parent.prefix = parent.prefix, ""
            return OpenBlock(
                parent.kind, level=parent.level, prefix=prefix, style_name=parent.style_name
            )
        return OpenBlock(BlockKind.PARAGRAPH, style_name=tag.name, indent_level=_indent_level(tag))

    def _list_item(self, tag: Tag) -> OpenBlock:
        level = max(len(self.lists), 1)
        prefix = ""
        current = self.lists[-1] if self.lists else None
        if current is not None and current.ordered:
            value = _attr(tag, "value").strip()
            if value.lstrip("-").isdigit():
                current.counter = int(value)
            else:
                current.counter += current.step
            prefix = format_number(current.counter, current.fmt)
            prefix = f"{prefix}. " if prefix else ""
        box = _attr(tag, "data-checked")
        return OpenBlock(
            BlockKind.LIST_ITEM,
            level=level,
            prefix=prefix,
            style_name="li",
            checked={"true": True, "false": False}.get(box),
        )

    def _flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        links, self.links = self.links, []
        context = self.contexts[-1] if self.contexts else OpenBlock(BlockKind.PARAGRAPH)
        if context.kind is BlockKind.PARAGRAPH and not context.prefix:
            runs = cut_at_bold_lines(pieces)
            if len(runs) > 1:
                # "<p><strong>APOLOGIES</strong><br>Apologies were received …<br>…": a page
                # laid out with line breaks, its sections headed by bold lines.
                for run in runs:
                    add_inline_block(self.builder, context, run, links)
                    links = []
                return
        add_inline_block(self.builder, context, pieces, links)

    def _table(self, table: Tag) -> None:
        self.table_no += 1
        carried: dict[int, int] = {}
        for tr in _rows(table):
            texts, spans = _row_cells(tr, carried)
            links = [
                href
                for a in tr.find_all("a")
                if (href := _attr(a, "href").strip()) and not href.startswith(("#", "javascript:"))
            ]
            self.builder.add_row(texts, table=self.table_no, col_spans=spans, links=links)


def _indent_level(tag: Tag) -> int | None:
    m = HTML_MARGIN_LEFT.search(_attr(tag, "style"))
    if not m:
        return None
    points = float(m.group(1)) * _POINTS[m.group(2).lower()]
    return max(1, round(points / 36))


def _list_of(tag: Tag) -> _List:
    if tag.name != "ol":
        return _List(ordered=False)
    fmt = _OL_TYPES.get(_attr(tag, "type").strip(), "decimal")
    step = -1 if tag.has_attr("reversed") else 1
    start = _int_attr(tag, "start", 1, -(10**6), 10**6)
    return _List(ordered=True, fmt=fmt, counter=start - step, step=step)


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


#: ``<meta>`` names that state a page's date (publication, not always the meeting's).
_META_DATES = frozenset(
    {"dcterms.date", "dc.date", "date", "citation_date", "article:published_time"}
)


def load_html(
    data: bytes | str,
    options: LoadOptions | None = None,
    *,
    fmt: DocumentFormat = DocumentFormat.HTML,
) -> Document:
    """Build a :class:`Document` from HTML bytes or text (``fmt``: the markup it was
    rendered from, when a markup loader hands its parser's HTML here)."""
    options = options or LoadOptions()
    soup = _parse(data)
    builder = DocumentBuilder(fmt)
    title = soup.title
    if title is not None and title.get_text(strip=True):
        builder.add_furniture(FurnitureKind.OTHER, squash(clean_chars(title.get_text(" "))))
        builder.metadata["title"] = squash(clean_chars(title.get_text(" ")))
    for meta in soup.find_all("meta"):
        name = _attr(meta, "name").lower() or _attr(meta, "property").lower()
        content = _attr(meta, "content").strip()
        if content and name in _META_DATES:
            builder.metadata.setdefault("date", content)
    # HTML rendered from a markup file by its parser has no site chrome to find and set aside.
    page = fmt is DocumentFormat.HTML
    if page:
        _strip_chrome(soup, builder)
    _join_definitions(soup)
    walker = _Walker(builder, max_depth=options.limits.max_html_depth)
    walker.walk(_main_content(soup) if page else (soup.body or soup))
    if walker.too_deep:
        builder.diagnose(
            "html-depth",
            f"elements nested deeper than {options.limits.max_html_depth} levels were read as "
            "plain text",
        )
    if not builder.blocks:
        raise EmptyDocumentError("the page has no readable text", path=options.path)
    return builder.build(path=options.path)


def load(data: bytes, options: LoadOptions) -> Document:
    return load_html(data, options)
