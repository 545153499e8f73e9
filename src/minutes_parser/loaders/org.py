"""Org-mode loader: orgparse reads the outline (headline levels, TODO/DONE keywords, property
drawers); the body of each node is read by Org's own line grammar (lists with their depth and
checkboxes, tables, blocks, keywords).

``#+TITLE:``-style keywords and a Jekyll front-matter block become document metadata;
emphasis and link markup are stripped from the text, link targets kept on the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import orgparse

from ..document import BlockKind, Document, DocumentBuilder, DocumentFormat
from ..errors import EmptyDocumentError
from ..rules.markup import (
    FRONT_MATTER_BLOCK,
    ORG_BLOCK_BEGIN,
    ORG_BLOCK_END,
    ORG_CHECKBOX,
    ORG_DRAWER,
    ORG_EMPHASIS,
    ORG_ITEM,
    ORG_KEYWORD,
    ORG_LINK,
    ORG_TABLE_RULE,
)
from . import LoadOptions
from .markdown import front_matter_fields
from .normalise import ends_sentence, starts_continuation
from .text import decode_text

__all__ = ["join_wrapped", "load", "load_org"]

_TASK_WORDS = ("TODO", "DONE")


def _inline(text: str, links: list[str]) -> str:
    def link(m: re.Match[str]) -> str:
        links.append(m.group(1))
        return m.group(2) or m.group(1)

    text = ORG_LINK.sub(link, text)
    return ORG_EMPHASIS.sub(lambda m: m.group(2), text)


@dataclass
class _Body:
    """Reads the lines under one headline into blocks."""

    builder: DocumentBuilder
    metadata: dict[str, str]
    base_level: int = 0
    paragraph: list[str] = field(default_factory=list)
    item: list[str] | None = None
    item_level: int = 1
    item_checked: bool | None = None
    table: int = 0
    tables: int = 0

    def flush(self) -> None:
        if self.item is not None:
            links: list[str] = []
            text = _inline(" ".join(self.item), links)
            first = text.split(maxsplit=1)[0] if text.strip() else ""
            self.builder.add(
                BlockKind.LIST_ITEM,
                text,
                level=self.item_level,
                checked=self.item_checked,
                keyword=first if first in _TASK_WORDS else None,
                links=links,
            )
            self.item = None
        if self.paragraph:
            for chunk in join_wrapped(self.paragraph):
                links = []
                self.builder.add(BlockKind.PARAGRAPH, _inline(chunk, links), links=links)
            self.paragraph = []

    def read(self, lines: list[str]) -> None:
        block: str | None = None
        drawer = False
        indents: list[int] = []
        for raw in lines:
            if block is not None:
                if ORG_BLOCK_END.match(raw):
                    block = None
                elif raw.strip():
                    self.paragraph.append(raw.strip())
                continue
            if drawer:
                drawer = raw.strip().upper() != ":END:"
                continue
            stripped = raw.strip()
            if not stripped:
                self.flush()
                self.table = 0
                continue
            if m := ORG_BLOCK_BEGIN.match(raw):
                self.flush()
                block = m.group(1)
                continue
            if m := ORG_KEYWORD.match(raw):
                self.metadata.setdefault(m.group(1).lower(), m.group(2).strip())
                continue
            if ORG_DRAWER.match(raw) and stripped.upper() != ":END:":
                drawer = True
                continue
            if stripped.startswith("|"):
                self.flush()
                if not self.table:
                    self.tables += 1
                    self.table = self.tables
                if not ORG_TABLE_RULE.match(raw):
                    cells = [_inline(c.strip(), []) for c in stripped.strip("|").split("|")]
                    self.builder.add_row(cells, table=self.table)
                continue
            self.table = 0
            if m := ORG_ITEM.match(raw):
                self.flush()
                indent = len(m.group(1).expandtabs(8))
                indents = [i for i in indents if i < indent] + [indent]
                rest = m.group(2)
                box = ORG_CHECKBOX.match(rest)
                self.item_checked = None if box is None else box.group(1) in "xX"
                self.item = [rest[box.end() :] if box else rest]
                self.item_level = len(indents)
                continue
            if self.item is not None and indents and raw[: indents[-1] + 1].isspace():
                self.item.append(stripped)  # an item's text wrapped onto the next line
                continue
            if self.item is not None:
                self.flush()
            indents = []
            self.paragraph.append(stripped)
        self.flush()


def join_wrapped(lines: list[str]) -> list[str]:
    """A paragraph's lines joined where one runs on into the next, split where it does not."""
    out = [lines[0]]
    for line in lines[1:]:
        if not ends_sentence(out[-1]) and starts_continuation(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def load_org(text: str, options: LoadOptions | None = None) -> Document:
    options = options or LoadOptions()
    builder = DocumentBuilder(DocumentFormat.ORG)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if m := FRONT_MATTER_BLOCK.match(text):
        builder.metadata.update(front_matter_fields(m.group(1)))
        text = text[m.end() :]
    root = orgparse.loads(text)
    body = _Body(builder, builder.metadata)
    body.read(root.get_body(format="raw").split("\n"))
    for node in root[1:]:
        links: list[str] = []
        heading = _inline(node.get_heading(format="raw"), links)
        if node.todo:
            heading = f"{node.todo} {heading}"
        builder.add(BlockKind.HEADING, heading, level=node.level, keyword=node.todo, links=links)
        body.read(node.get_body(format="raw").split("\n"))
    if not builder.blocks:
        raise EmptyDocumentError("the document has no text", path=options.path)
    return builder.build(path=options.path)


def load(data: bytes, options: LoadOptions) -> Document:
    text, _ = decode_text(data)
    return load_org(text, options)
