"""Markdown loader: markdown-it-py's CommonMark parser with GFM tables, strikethrough, task
lists and front matter, read into blocks by the HTML tree reader.

The token stream is rendered to HTML and walked like any page, so headings keep their level,
nested lists their depth, tables their cells, raw HTML blocks their structure and task items
their box; emphasis and link markup are gone from the text (link targets kept on the block).

Line breaks inside a paragraph are a judgement: minutes written one entry per line ("Present:
…" then "Apologies: …") rely on the break, while prose wrapped at 80 columns does not. A break is
kept unless the paragraph is hard-wrapped or the next line plainly continues the sentence.
"""

from __future__ import annotations

import re
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from ..document import Document, DocumentFormat
from . import LoadOptions
from .html import load_html
from .normalise import _is_hard_wrapped, ends_sentence, starts_continuation
from .text import decode_text

__all__ = ["front_matter_fields", "load", "load_markdown"]

#: A line this long that stops mid-sentence was wrapped by its author, whatever comes next
#: ("… at the Bella" / "Center in Copenhagen."); entries one per line are shorter.
_WRAP_WIDTH = 60
_FIELD = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.use(front_matter_plugin).use(tasklists_plugin)


_MD = _parser()


def front_matter_fields(raw: str) -> dict[str, str]:
    """Top-level scalar fields of YAML/TOML front matter (``title: "…"``, ``date = …``)."""
    out: dict[str, str] = {}
    for line in raw.splitlines():
        if line[:1].isspace():
            continue  # nested values (lists of categories) are not metadata candidates
        m = _FIELD.match(line.replace(" = ", ": ", 1))
        if m and m.group(2):
            out[m.group(1).lower()] = m.group(2).strip("'\"")
    return out


def _keep_line_breaks(inline: Token) -> None:
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


def _mark_task_items(tokens: list[Token]) -> None:
    """Move each task item's checkbox onto its ``<li>`` as ``data-checked``: form controls
    are page chrome to the HTML reader, while the box is the item's state."""
    for k, token in enumerate(tokens):
        if token.type != "list_item_open" or "task-list-item" not in str(token.attrGet("class")):
            continue
        inline = next((t for t in tokens[k + 1 : k + 4] if t.type == "inline"), None)
        children = inline.children if inline is not None and inline.children else []
        box = next(
            (c for c in children if c.type == "html_inline" and "checkbox" in c.content), None
        )
        if inline is not None and box is not None:
            token.attrSet("data-checked", "true" if "checked=" in box.content else "false")
            inline.children = [c for c in children if c is not box]


def load_markdown(text: str, options: LoadOptions | None = None) -> Document:
    options = options or LoadOptions()
    tokens = _MD.parse(text)
    _mark_task_items(tokens)
    metadata: dict[str, str] = {}
    for token in tokens:
        if token.type == "front_matter":
            metadata = front_matter_fields(token.content)
        elif token.type == "inline":
            _keep_line_breaks(token)
    html = _MD.renderer.render(tokens, _MD.options, {})
    doc = load_html(html, options, fmt=DocumentFormat.MARKDOWN)
    doc.metadata = metadata
    return doc


def load(data: bytes, options: LoadOptions) -> Document:
    text, _ = decode_text(data)
    return load_markdown(text, options)
