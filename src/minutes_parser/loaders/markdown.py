"""Markdown loader: markdown-it-py's CommonMark parser with GFM tables, strikethrough, task
lists and front matter; its token stream is read straight into blocks.

Headings keep their level, nested list items their depth and number, task items their box,
table rows their cells, fenced code its lines; emphasis, link and image markup is gone from the
text (link targets kept on the block). Raw HTML blocks are read by the HTML loader and their
blocks spliced in. A paragraph that is bold from end to end is a heading; a paragraph broken
into lines whose bold lines head the lines after them is cut at those lines.

Line breaks inside a paragraph are a judgement: minutes written one entry per line ("Present:
…" then "Apologies: …") rely on the break, while prose wrapped at 80 columns does not. A break is
kept unless the paragraph is hard-wrapped or the next line plainly continues the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Protocol

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from ..document import BlockKind, Document, DocumentBuilder, DocumentFormat
from ..errors import EmptyDocumentError
from ..rules.layout import HTML_SPACE
from ..rules.markup import (
    CHAT_LOG_LINE,
    CHAT_LOG_MIN_LINES,
    CHAT_LOG_SHARE,
    FRONT_MATTER_FIELD,
    FRONT_MATTER_ITEM,
    FRONT_MATTER_TAXONOMY,
    HTML_CHECKBOX,
    HTML_CHECKED,
    HTML_HREF,
    HTML_TAG,
)
from . import LoadOptions, markdown_rs
from .docx_numbering import format_number
from .html import load_html
from .inline_blocks import OpenBlock, Piece, add_inline_block, clean_block, cut_at_bold_lines
from .normalise import _is_hard_wrapped, ends_sentence, starts_continuation
from .text import decode_text

__all__ = ["front_matter_fields", "front_matter_lists", "load", "load_markdown"]

#: A line this long that stops mid-sentence was wrapped by its author, whatever comes next
#: ("… at the Bella" / "Center in Copenhagen."); entries one per line are shorter.
_WRAP_WIDTH = 60
_BOLD_TAGS = frozenset({"b", "strong"})
_STRUCK_TAGS = frozenset({"s", "del", "strike"})


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.use(front_matter_plugin).use(tasklists_plugin)


_MD = _parser()


class _Token(Protocol):
    """What the reader reads of a token: markdown-it-py's ``Token``, or the same fields
    rebuilt from markdown-it-pyrs's tree (:class:`.markdown_rs.RsToken`)."""

    type: str

    @property
    def tag(self) -> str: ...
    @property
    def content(self) -> str: ...
    @property
    def hidden(self) -> bool: ...
    @property
    def children(self) -> Sequence[_Token] | None: ...
    def attrGet(self, name: str) -> str | int | float | None: ...


def _normalise(text: str) -> str:
    """Line ends and NULs as markdown-it-py normalises them before parsing."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


def parse_tokens(text: str, fast: bool = True) -> Sequence[_Token]:
    """The token stream of ``text``: from markdown-it-pyrs where it is installed and
    converts the text (``fast``), else from markdown-it-py."""
    if fast:
        found = markdown_rs.tokens(_normalise(text))
        if found is not None:
            return found
    return _MD.parse(text)


def front_matter_fields(raw: str) -> dict[str, str]:
    """Top-level scalar fields of YAML/TOML front matter (``title: "…"``, ``date = …``)."""
    out: dict[str, str] = {}
    for line in raw.splitlines():
        if line[:1].isspace():
            continue  # nested values (lists of categories) are not metadata candidates
        m = FRONT_MATTER_FIELD.match(line.replace(" = ", ": ", 1))
        if m and m.group(2):
            out[m.group(1).lower()] = m.group(2).strip("'\"")
    return out


def front_matter_lists(raw: str) -> dict[str, list[str]]:
    """Top-level fields of YAML front matter whose value is a list of scalars, in order
    (``participants:`` then ``  - Ann Lee``): content a page layout shows, not metadata. A
    site's own indexes (``categories``, ``tags``) are left out."""
    out: dict[str, list[str]] = {}
    key: str | None = None
    for line in raw.splitlines():
        # YAML lets a list's items start in the key's column ("members:" / "- Mike Ando",
        # hsbne-2014-12-16.md)
        if not line[:1].isspace() and not line.startswith("- "):
            m = FRONT_MATTER_FIELD.match(line)
            key = m.group(1) if m and not m.group(2) else None
        elif (
            key is not None
            and key.lower() not in FRONT_MATTER_TAXONOMY
            and (item := FRONT_MATTER_ITEM.match(line))
        ):
            value = item.group(1).strip("'\"")
            if value:
                out.setdefault(key, []).append(value)
    return out


def _keep_line_breaks(inline: _Token) -> None:
    """Turn soft breaks into hard ones where the lines are entries, not wrapped prose."""
    children = inline.children or []
    lines = inline.content.split("\n")
    if len(lines) < 2 or _is_hard_wrapped(lines)[0]:
        return
    breaks = [c for c in children if c.type == "softbreak"]
    for child, (before, after) in zip(breaks, pairwise(lines), strict=False):
        before = before.strip()
        wrapped = len(before) >= _WRAP_WIDTH and not ends_sentence(before)
        if not wrapped and (ends_sentence(before) or not starts_continuation(after.strip())):
            child.type = "hardbreak"


def _keep_link(href: str) -> bool:
    return bool(href) and not href.startswith(("#", "javascript:"))


def _html_href(tag: str) -> str:
    m = HTML_HREF.search(tag)
    return next((g for g in m.groups() if g is not None), "").strip() if m else ""


@dataclass
class _List:
    ordered: bool
    counter: int = 0


@dataclass
class _Reader:
    """Walks the token stream, holding the open blocks, lists and the pending text."""

    builder: DocumentBuilder
    options: LoadOptions
    contexts: list[OpenBlock] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    bold: int = 0
    struck: int = 0
    table_no: int = 0

    def read(self, tokens: Sequence[_Token]) -> None:
        k = 0
        while k < len(tokens):
            token = tokens[k]
            kind = token.type
            if kind == "inline":
                self._inline(token.children or [])
            elif kind == "table_open":
                k = self._table(tokens, k)
            elif kind.endswith("_open"):
                self._open(token)
            elif kind.endswith("_close"):
                self._close(token)
            elif kind in ("fence", "code_block"):
                self._code(token.content)
            elif kind == "html_block":
                self._html_block(token.content)
            elif kind == "hr":
                self._flush()
            k += 1
        self._flush()

    # -- block tokens --------------------------------------------------------------------------

    def _open(self, token: _Token) -> None:
        kind = token.type
        if kind == "paragraph_open" and token.hidden:
            return  # a tight list item's paragraph: its text is the item's
        if kind in ("bullet_list_open", "ordered_list_open"):
            self._flush()
            start = token.attrGet("start")
            start_at = min(max(int(start), -(10**6)), 10**6) if start is not None else 1
            self.lists.append(_List(kind == "ordered_list_open", start_at - 1))
        elif kind == "heading_open":
            self._push(OpenBlock(BlockKind.HEADING, token.tag, level=int(token.tag[1:])))
        elif kind == "list_item_open":
            self._push(self._list_item())
        elif kind in ("paragraph_open", "blockquote_open"):
            self._push(self._inherit(token.tag))

    def _close(self, token: _Token) -> None:
        kind = token.type
        if kind == "paragraph_close" and token.hidden:
            return
        if kind in ("bullet_list_close", "ordered_list_close"):
            self._flush()
            self.lists.pop()
        elif kind in ("heading_close", "list_item_close", "paragraph_close", "blockquote_close"):
            self._flush()
            self.contexts.pop()

    def _push(self, context: OpenBlock) -> None:
        self._flush()
        self.contexts.append(context)

    def _inherit(self, tag: str) -> OpenBlock:
        """A paragraph inside a list item continues it, the item's number going to its first
        paragraph; elsewhere it is a paragraph of its own."""
        parent = self.contexts[-1] if self.contexts else None
        if parent is not None and parent.kind in (BlockKind.LIST_ITEM, BlockKind.HEADING):
            prefix, parent.prefix = parent.prefix, ""
            return OpenBlock(parent.kind, parent.style_name, level=parent.level, prefix=prefix)
        return OpenBlock(BlockKind.PARAGRAPH, tag)

    def _list_item(self) -> OpenBlock:
        prefix = ""
        current = self.lists[-1] if self.lists else None
        if current is not None and current.ordered:
            current.counter += 1
            prefix = f"{format_number(current.counter, 'decimal')}. "
        return OpenBlock(BlockKind.LIST_ITEM, "li", level=max(len(self.lists), 1), prefix=prefix)

    def _code(self, content: str) -> None:
        """Fenced or indented code: its lines as they are (attendee tables are sometimes
        fenced), one block, inside a list item when it is indented under one."""
        filled = [line for line in content.split("\n") if line.strip()]
        timed = sum(1 for line in filled if CHAT_LOG_LINE.match(line))
        # a meeting's chat log pasted in a fence: each line said is its own block, as the
        # text loader reads a log
        chat = timed >= CHAT_LOG_MIN_LINES and timed >= CHAT_LOG_SHARE * len(filled)
        parts = filled if chat else [content]
        for part in parts:
            self._push(self._inherit("pre"))
            self.pieces.append((part, bool(self.bold)))
            self._flush()
            self.contexts.pop()

    def _html_block(self, html: str) -> None:
        """Raw HTML between Markdown blocks, read by the HTML loader and spliced in."""
        self._flush()
        try:
            part = load_html(html, self.options, fmt=DocumentFormat.MARKDOWN)
        except EmptyDocumentError:
            return  # a comment, an image, a lone tag
        tables = 0
        for b in part.blocks:
            if b.kind is BlockKind.TABLE_ROW:
                tables = max(tables, b.table or 0)
                self.builder.add_row(
                    [c.text for c in b.cells or []],
                    table=self.table_no + (b.table or 0),
                    col_spans=[c.col_span for c in b.cells or []],
                    style=b.style,
                    links=b.links,
                )
            else:
                self.builder.add(
                    b.kind, b.text, level=b.level, style=b.style, checked=b.checked, links=b.links
                )
        self.table_no += tables
        self.builder.diagnostics.extend(part.diagnostics)

    # -- inline tokens -------------------------------------------------------------------------

    def _inline(self, children: Sequence[_Token]) -> None:
        for child in children:
            kind = child.type
            if kind == "text" or kind == "code_inline":
                self._text(child.content)
            elif kind == "softbreak":
                self._text(" ")
            elif kind == "hardbreak":
                self.pieces.append(("\n", bool(self.bold)))
            elif kind == "strong_open":
                self.bold += 1
            elif kind == "strong_close":
                self.bold -= 1
            elif kind == "s_open":
                self.struck += 1
            elif kind == "s_close":
                self.struck -= 1
            elif kind == "link_open":
                href = str(child.attrGet("href") or "").strip()
                if _keep_link(href):
                    self.links.append(href)
            elif kind == "html_inline":
                self._html_inline(child.content)

    def _text(self, text: str) -> None:
        if "  " in text or not text.isprintable():
            text = HTML_SPACE.sub(" ", text)  # tabs, newlines, runs of spaces
        if text:
            self.pieces.append((text, bool(self.bold)))
            if self.struck and self.contexts:
                self.contexts[-1].struck += len(text.strip())

    def _html_inline(self, html: str) -> None:
        m = HTML_TAG.match(html)
        if not m:
            return  # a comment or declaration
        closing, name, attrs = m.group(1) == "/", m.group(2).lower(), m.group(3)
        step = -1 if closing else 1
        if name == "br":
            self.pieces.append(("\n", bool(self.bold)))
        elif name in _BOLD_TAGS:
            self.bold = max(self.bold + step, 0)
        elif name in _STRUCK_TAGS:
            self.struck = max(self.struck + step, 0)
        elif name == "input" and HTML_CHECKBOX.search(attrs) and self.contexts:
            self.contexts[-1].checked = bool(HTML_CHECKED.search(attrs))
        elif name == "a" and not closing and _keep_link(href := _html_href(attrs)):
            self.links.append(href)

    # -- writing blocks ------------------------------------------------------------------------

    def _flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        links, self.links = self.links, []
        if not pieces:
            return
        context = self.contexts[-1] if self.contexts else OpenBlock(BlockKind.PARAGRAPH)
        if context.kind is BlockKind.PARAGRAPH and not context.prefix:
            for run in cut_at_bold_lines(pieces):
                add_inline_block(self.builder, context, run, links)
                links = []
        else:
            add_inline_block(self.builder, context, pieces, links)

    def _table(self, tokens: Sequence[_Token], k: int) -> int:
        """Read a GFM table's rows (header cells first); returns the ``table_close`` index."""
        self._flush()
        self.table_no += 1
        cells: list[str] = []
        links: list[str] = []
        while tokens[k].type != "table_close":
            token = tokens[k]
            if token.type == "inline":
                cells.append(self._cell_text(token.children or [], links))
            elif token.type == "tr_close":
                self.builder.add_row(
                    cells, table=self.table_no, col_spans=[1] * len(cells), links=links
                )
                cells, links = [], []
            k += 1
        return k

    @staticmethod
    def _cell_text(children: Sequence[_Token], links: list[str]) -> str:
        parts: list[str] = []
        for child in children:
            if child.type in ("text", "code_inline"):
                parts.append(HTML_SPACE.sub(" ", child.content))
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" " if child.type == "softbreak" else "\n")
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "").strip()
                if _keep_link(href):
                    links.append(href)
            elif child.type == "html_inline" and (m := HTML_TAG.match(child.content)):
                if m.group(2).lower() == "br":
                    parts.append("\n")
                elif m.group(2).lower() == "a" and _keep_link(href := _html_href(m.group(3))):
                    links.append(href)
        return clean_block("".join(parts)).replace("\t", " ")


def load_markdown(text: str, options: LoadOptions | None = None, *, fast: bool = True) -> Document:
    """The Document of a Markdown text; ``fast=False`` parses it with markdown-it-py even
    where markdown-it-pyrs is installed (the two give the same Document)."""
    options = options or LoadOptions()
    tokens = parse_tokens(text, fast)
    builder = DocumentBuilder(DocumentFormat.MARKDOWN)
    lists: dict[str, list[str]] = {}
    for token in tokens:
        if token.type == "front_matter":
            builder.metadata = front_matter_fields(token.content)
            lists = front_matter_lists(token.content)
        elif token.type == "inline":
            _keep_line_breaks(token)
    _Reader(builder, options).read(tokens)
    # List fields of the front matter (``attendees:`` then ``- Ann Lee``) are content the
    # page shows, read as labelled lists after the body (as the AsciiDoc loader reads them),
    # so the body's own title still opens the document.
    for key, entries in lists.items():
        builder.add(BlockKind.PARAGRAPH, f"{key}:")
        for entry in entries:
            builder.add(BlockKind.LIST_ITEM, entry, level=1)
    if not builder.blocks:
        raise EmptyDocumentError("the page has no readable text", path=options.path)
    return builder.build(path=options.path)


def load(data: bytes, options: LoadOptions) -> Document:
    text, _ = decode_text(data)
    return load_markdown(text, options)
