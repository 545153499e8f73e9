"""The Markdown loader's fast parser: markdown-it-pyrs (the Rust port of markdown-it), whose
syntax tree is turned into the token stream markdown-it-py gives for the same text, so one
reader (:mod:`.markdown`) serves both and the Document is the same.

markdown-it-py's own parse ran at about 2 MB/s, under the 5 MB/s issue #14 asks for the
whole load; the Rust parse runs at 20+ MB/s. What the reader reads, and how it is rebuilt:

* block tokens (headings, paragraphs, lists with their start number, list items, block
  quotes, fences, indented code, raw HTML blocks, rules, GFM tables, front matter) from the
  tree's nodes; a tight list item's text as its inline token alone (markdown-it-py wraps it
  in a hidden paragraph, which the reader passes over);
  nothing for a link reference definition (markdown-it-py gives it no token either);
* inline tokens (text, code, breaks, strong, strikethrough, links) from the inline nodes;
  a task box as the ``<input type="checkbox">`` the tasklists plugin of markdown-it-py
  writes; an image as an image token (its alt text is not read);
* an inline token's ``content`` (its source lines, which the reader judges line breaks by)
  from the node's byte span in the source, without the block quote and list markers, as
  markdown-it-py gives it. It is only worked out where the inline spans several lines.

A node of any other kind (a syntax the reader has not been checked against) makes
:func:`tokens` return None, and the loader parses that text with markdown-it-py instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..rules.markup import MD_LIST_MARKER, MD_QUOTE_MARKER

__all__ = ["RsToken", "available", "tokens"]


def _parser() -> Any:
    """markdown-it-pyrs set up as markdown-it-py is in :mod:`.markdown`, or None without it
    (then markdown-it-py parses every text)."""
    try:
        from markdown_it_pyrs import MarkdownIt
    except ImportError:  # pragma: no cover - a declared dependency, but a wheel may be missing
        return None
    return MarkdownIt("commonmark").enable_many(
        ["table", "strikethrough", "front_matter", "tasklist"]
    )


_PARSER: Any = _parser()

#: The task box markdown-it-py's tasklists plugin puts at the start of an item's text.
_CHECKBOX = '<input class="task-list-item-checkbox" {}disabled="disabled" type="checkbox">'
_LEAVES = {"fence", "code_block", "html_block"}


@dataclass(slots=True)
class RsToken:
    """The fields of a markdown-it-py ``Token`` that the reader reads."""

    type: str
    tag: str = ""
    content: str = ""
    hidden: bool = False
    children: list[RsToken] | None = None
    attrs: dict[str, str] | None = None

    def attrGet(self, name: str) -> str | None:
        return self.attrs.get(name) if self.attrs else None


#: Tokens the reader only looks at, never changes: one of each serves every occurrence.
_CONTAINERS = {
    "strong": (RsToken("strong_open"), RsToken("strong_close")),
    "strikethrough": (RsToken("s_open"), RsToken("s_close")),
}
_LINK_CLOSE = RsToken("link_close")
_IMAGE = RsToken("image")


class _Unknown(Exception):
    """A node the conversion does not know: parse with markdown-it-py instead."""


def available() -> bool:
    return _PARSER is not None


def tokens(text: str) -> list[RsToken] | None:
    """markdown-it-py's tokens for ``text`` (already normalised: ``\\n`` line ends, no NUL),
    or None when markdown-it-pyrs is missing or the text holds a node not converted."""
    if _PARSER is None:
        return None
    source = text.encode("utf-8")
    out: list[RsToken] = []
    try:
        for node in _PARSER.tree(text).children:
            _block(node, out, _Source(source, 0))
    except _Unknown:
        return None
    return out


@dataclass(frozen=True, slots=True)
class _Source:
    data: bytes
    quotes: int
    """How many block quotes the node sits in (their ``>`` start its continuation lines)."""


def _block(node: Any, out: list[RsToken], src: _Source) -> None:
    name = node.name
    if name == "paragraph":
        _paragraph(node, out, src, [])
    elif name in ("heading", "lheading"):
        tag = f"h{node.meta['level']}"
        out.append(RsToken("heading_open", tag))
        out.append(_inline(node.children, src, node.srcmap, None, underlined=name == "lheading"))
        out.append(RsToken("heading_close", tag))
    elif name in ("bullet_list", "ordered_list"):
        start = node.meta.get("start")
        attrs = {"start": str(start)} if start is not None and start != 1 else None
        out.append(RsToken(f"{name}_open", attrs=attrs))
        for item in node.children:
            if item.name != "list_item":
                raise _Unknown(item.name)
            _list_item(item, out, src)
        out.append(RsToken(f"{name}_close"))
    elif name == "blockquote":
        out.append(RsToken("blockquote_open", "blockquote"))
        inner = _Source(src.data, src.quotes + 1)
        for child in node.children:
            _block(child, out, inner)
        out.append(RsToken("blockquote_close", "blockquote"))
    elif name in _LEAVES:
        out.append(RsToken(name, content=node.meta.get("content", "")))
    elif name == "hr":
        out.append(RsToken("hr"))
    elif name == "table":
        _table(node, out, src)
    elif name == "front_matter":
        out.append(RsToken("front_matter", content=node.meta.get("content", "")))
    elif name == "definition":
        pass  # a link reference definition: markdown-it-py gives it no token
    else:
        raise _Unknown(name)


def _paragraph(node: Any, out: list[RsToken], src: _Source, before: list[Any]) -> None:
    out.append(RsToken("paragraph_open", "p"))
    out.append(_inline(before + node.children, src, node.srcmap, None))
    out.append(RsToken("paragraph_close", "p"))


def _list_item(item: Any, out: list[RsToken], src: _Source) -> None:
    """A list item; inline nodes straight under it are a tight item's hidden paragraph."""
    out.append(RsToken("list_item_open", "li"))
    children = item.children
    names = [child.name for child in children]
    k = 0
    while k < len(children):
        if names[k] == "todo_checkbox" and k + 1 < len(children) and names[k + 1] == "paragraph":
            # A loose item's task box: the tree puts it before the paragraph, markdown-it-py
            # at the start of the paragraph's text.
            _paragraph(children[k + 1], out, src, [children[k]])
            k += 2
            continue
        if names[k] in _BLOCKS:
            _block(children[k], out, src)
            k += 1
            continue
        j = k
        while j < len(children) and names[j] not in _BLOCKS:
            j += 1
        # The paragraph runs from the item's marker to the next block (or the item's end).
        end = children[j].srcmap[0] if j < len(children) else item.srcmap[1]
        span = (item.srcmap[0], end) if k == 0 else (children[k].srcmap[0], end)
        # markdown-it-py wraps it in hidden paragraph tokens, which the reader passes over.
        out.append(_inline(children[k:j], src, span, "item" if k == 0 else None))
        k = j
    out.append(RsToken("list_item_close", "li"))


_BLOCKS = frozenset(
    {
        "paragraph",
        "heading",
        "lheading",
        "bullet_list",
        "ordered_list",
        "blockquote",
        "fence",
        "code_block",
        "html_block",
        "hr",
        "table",
        "definition",
    }
)


def _table(node: Any, out: list[RsToken], src: _Source) -> None:
    out.append(RsToken("table_open", "table"))
    for part in node.children:
        if part.name not in ("thead", "tbody"):
            raise _Unknown(part.name)
        for row in part.children:
            out.append(RsToken("tr_open", "tr"))
            for cell in row.children:
                out.append(_inline(cell.children, src, None, None))
            out.append(RsToken("tr_close", "tr"))
    out.append(RsToken("table_close", "table"))


def _inline(
    nodes: list[Any],
    src: _Source,
    span: tuple[int, int] | None,
    marker: str | None,
    underlined: bool = False,
) -> RsToken:
    children: list[RsToken] = []
    task = _inline_children(nodes, children)
    content = ""
    if span is not None and src.data.find(b"\n", span[0], span[1]) != -1:
        # Only an inline of several lines has soft breaks for the reader to judge.
        content = _content(src, span, marker, task, underlined)
    return RsToken("inline", content=content, children=children)


def _inline_children(nodes: list[Any], out: list[RsToken]) -> bool:
    """Flatten inline nodes into tokens; True when the first is a task box."""
    task = False
    append = out.append
    for k, node in enumerate(nodes):
        name = node.name
        if name == "text" or name == "text_special":
            append(RsToken("text", "", node.meta["content"]))
        elif name == "softbreak" or name == "hardbreak":
            append(RsToken(name))  # its own token: the reader may turn a soft break hard
        elif name in _CONTAINERS:
            opening, closing = _CONTAINERS[name]
            append(opening)
            _inline_children(node.children, out)
            append(closing)
        elif name == "em":
            _inline_children(node.children, out)
        elif name in ("link", "autolink"):
            append(RsToken("link_open", attrs={"href": node.meta.get("url", "")}))
            _inline_children(node.children, out)
            append(_LINK_CLOSE)
        elif name == "image":
            append(_IMAGE)
        elif name == "code_inline":
            text = "".join(c.meta.get("content", "") for c in node.children)
            out.append(RsToken("code_inline", content=text))
        elif name == "html_inline":
            out.append(RsToken("html_inline", content=node.meta["content"]))
        elif name == "todo_checkbox" and k == 0:
            checked = 'checked="checked" ' if node.meta.get("checked") else ""
            out.append(RsToken("html_inline", content=_CHECKBOX.format(checked)))
            task = True
        else:
            raise _Unknown(name)
    return task


def _content(
    src: _Source, span: tuple[int, int], marker: str | None, task: bool, underlined: bool
) -> str:
    """An inline's source lines as markdown-it-py's ``content`` has them: without the block
    quote markers that start its lines, the list marker before a tight item's text (and the
    task box after it), a setext heading's underline, and blank lines around it."""
    lines = src.data[span[0] : span[1]].decode("utf-8").split("\n")
    if underlined:
        lines = lines[:-1]
    if src.quotes:
        lines = [lines[0]] + [_unquote(line, src.quotes) for line in lines[1:]]
    if marker is not None:
        lines[0] = MD_LIST_MARKER.sub("", lines[0], count=1)
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if task and lines:
        lines[0] = lines[0].lstrip()[3:]
    return "\n".join(lines)


def _unquote(line: str, depth: int) -> str:
    for _ in range(depth):
        m = MD_QUOTE_MARKER.match(line)
        if m is None:
            break  # a lazy continuation line
        line = line[m.end() :]
    return line
