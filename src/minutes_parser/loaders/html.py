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

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from ..document import BlockKind, Document, DocumentBuilder, DocumentFormat, FurnitureKind, Style
from ..errors import EmptyDocumentError
from ..rules.layout import HTML_MARGIN_LEFT, HTML_SPACE, HTML_STARTS_NUMBERED
from . import LoadOptions
from .docx_numbering import format_number
from .normalise import clean_chars, split_bullet, squash

__all__ = ["load", "load_html"]

#: Elements whose content is never reading text.
_NOISE = frozenset(
    {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
     "select", "option", "button", "textarea", "input", "map", "head"}
)  # fmt: skip
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header",
     "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
     "section", "summary", "ul", "caption", "td", "th", "tr", "tbody", "thead", "tfoot"}
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_BOLD = frozenset({"b", "strong"})
_STRUCK = frozenset({"s", "del", "strike"})
_ROLE_FURNITURE = {
    "navigation": FurnitureKind.NAVIGATION,
    "search": FurnitureKind.NAVIGATION,
    "banner": FurnitureKind.HEADER,
    "contentinfo": FurnitureKind.FOOTER,
    "complementary": FurnitureKind.OTHER,
}
#: Class/id fragments that mark chrome wherever they occur in a token ("mgBreadCrumbs").
_CHROME_FRAGMENTS = (
    ("breadcrumb", FurnitureKind.NAVIGATION),
    ("skiplink", FurnitureKind.NAVIGATION),
    ("skip-link", FurnitureKind.NAVIGATION),
    ("skip-to", FurnitureKind.NAVIGATION),
    ("navbar", FurnitureKind.NAVIGATION),
    ("cookie", FurnitureKind.OTHER),
    ("consent", FurnitureKind.OTHER),
    ("sidebar", FurnitureKind.OTHER),
)
#: Class/id tokens that mark chrome only as a whole token ("nav", not "canvas").
_CHROME_TOKENS = {
    "nav": FurnitureKind.NAVIGATION,
    "menu": FurnitureKind.NAVIGATION,
    "masthead": FurnitureKind.HEADER,
    "site-header": FurnitureKind.HEADER,
    "site-footer": FurnitureKind.FOOTER,
    "footer": FurnitureKind.FOOTER,
}
#: Containers content management systems put the page content in, most specific first.
_CONTENT_IDS = ("modgov", "main-content", "maincontent", "content-main", "page-content")
_MAIN_SHARE = 0.7
_ARTICLE_SHARE = 0.5
_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "form", "center"})
_POINTS = {"pt": 1.0, "px": 0.75, "cm": 28.35, "in": 72.0}
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
             "I": "upperRoman"}  # fmt: skip
_BOLD_HEADING_MAX = 120


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def _int_attr(tag: Tag, name: str, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(_attr(tag, name).strip() or default), low), high)
    except ValueError:
        return default


def _tags(root: Tag) -> Iterator[Tag]:
    """Every tag under ``root`` in document order, without recursion."""
    for node in root.descendants:
        if isinstance(node, Tag):
            yield node


# --------------------------------------------------------------------------------------------
# Parsing and cleaning
# --------------------------------------------------------------------------------------------


def _parse(data: bytes | str) -> BeautifulSoup:
    from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        # XHTML and tiny fragments make bs4 warn; neither is a problem for reading text.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(data, "html.parser")


def _furniture_kind(tag: Tag) -> FurnitureKind | None:
    name = tag.name
    if name == "nav":
        return FurnitureKind.NAVIGATION
    if name == "aside":
        return FurnitureKind.OTHER
    if name in ("header", "footer") and not _inside_content(tag):
        return FurnitureKind.HEADER if name == "header" else FurnitureKind.FOOTER
    role = _attr(tag, "role").strip().lower()
    if role in _ROLE_FURNITURE:
        return _ROLE_FURNITURE[role]
    tokens = f"{_attr(tag, 'id')} {_attr(tag, 'class')}".lower().split()
    for token in tokens:
        if token in _CHROME_TOKENS:
            return _CHROME_TOKENS[token]
        for fragment, kind in _CHROME_FRAGMENTS:
            if fragment in token:
                return kind
    return None


def _inside_content(tag: Tag) -> bool:
    """A header/footer inside an article or main belongs to it (a title, a byline)."""
    return any(p.name in ("article", "main") for p in tag.parents)


def _holds_content(tag: Tag) -> bool:
    return tag.find(["main", "article"]) is not None or tag.find(role="main") is not None


def _is_control_form(tag: Tag) -> bool:
    """A search or login form, not an ASP.NET page form wrapping the whole page."""
    return tag.name == "form" and tag.find(["p", "h1", "h2", "h3", "table", "main"]) is None


def _strip_chrome(soup: BeautifulSoup, builder: DocumentBuilder) -> None:
    """Remove noise silently and chrome into furniture (outermost matches only)."""
    removals: list[tuple[Tag, FurnitureKind | None]] = []
    stack: list[Tag] = [soup]
    while stack:
        tag = stack.pop()
        for child in reversed(tag.contents):
            if not isinstance(child, Tag):
                continue
            if child.name in _NOISE or _is_control_form(child):
                removals.append((child, None))
                continue
            kind = _furniture_kind(child)
            if kind is not None and not _holds_content(child):
                removals.append((child, kind))
                continue
            stack.append(child)
    for tag, kind in reversed(removals):
        if kind is not None:
            builder.add_furniture(kind, _plain_text(tag))
        tag.extract()


def _plain_text(tag: Tag) -> str:
    lines = (squash(clean_chars(s)) for s in tag.get_text("\n").split("\n"))
    return " | ".join(line for line in lines if line)


# --------------------------------------------------------------------------------------------
# Choosing the main content
# --------------------------------------------------------------------------------------------


def _text_weights(root: Tag) -> dict[int, tuple[int, int]]:
    """``id(tag) -> (non-link text length, depth)`` for every tag, computed bottom-up.

    Link text does not count: menus and link farms are long but are not the content.
    """
    weights: dict[int, int] = {id(root): 0}
    depths: dict[int, int] = {id(root): 0}
    order: list[Tag] = [root]
    for tag in _tags(root):
        depths[id(tag)] = depths.get(id(tag.parent), 0) + 1
        weights[id(tag)] = 0
        order.append(tag)
    for tag in order:
        for child in tag.contents:
            if isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                weights[id(tag)] += len(child.strip())
    for tag in reversed(order[1:]):
        parent = tag.parent
        if parent is not None and id(parent) in weights and tag.name != "a":
            weights[id(parent)] += weights[id(tag)]
    return {key: (weights[key], depths[key]) for key in weights}


def _main_content(soup: BeautifulSoup) -> Tag:
    body = soup.body or soup
    for candidate in (
        soup.find("main"),
        soup.find(role="main"),
        *(soup.find(id=ident) for ident in _CONTENT_IDS),
    ):
        if isinstance(candidate, Tag) and candidate.get_text(strip=True):
            return candidate
    weights = _text_weights(body)
    total = weights[id(body)][0]
    if total == 0:
        return body
    articles = [a for a in _tags(body) if a.name == "article"]
    if articles:
        article = max(articles, key=lambda a: weights[id(a)][0])
        if weights[id(article)][0] >= _ARTICLE_SHARE * total:
            return article
    # The deepest container still holding most of the text: the content, minus the chrome.
    best: Tag = body
    best_depth = 0
    for tag in _tags(body):
        if tag.name not in _CONTAINERS:
            continue
        weight, depth = weights[id(tag)]
        if weight >= _MAIN_SHARE * total and depth > best_depth:
            best, best_depth = tag, depth
    return best if best is body or _outside_is_chrome(body, best) else body


def _join_definitions(soup: BeautifulSoup) -> None:
    """A short definition term and its description read as one line, "Present: A, B", the way
    the same list is written in text minutes (scribe tools and reST field lists use ``<dl>``)."""
    for dt in list(soup.find_all("dt")):
        dd = dt.find_next_sibling(["dd", "dt"])
        term = squash(clean_chars(dt.get_text(" ")))
        if dd is None or dd.name != "dd" or not term or len(term) > 40:
            continue
        dd.insert(0, NavigableString(f"{term} " if term.endswith(":") else f"{term}: "))
        dt.decompose()


def _outside_is_chrome(body: Tag, main: Tag) -> bool:
    """Whether the text around ``main`` is site chrome (mostly links: menus, sidebars,
    breadcrumbs) rather than part of the record, like the Present/Regrets list that a
    scribe's minutes keep above the discussion."""
    inside = {id(s) for s in main.find_all(string=True)}
    text = links = 0
    for string in body.find_all(string=True):
        if id(string) in inside or isinstance(string, PreformattedString):
            continue
        n = len(string.strip())
        text += n
        if n and string.find_parent("a") is not None:
            links += n
    return text < 200 or links >= 0.5 * text


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
class _Context:
    kind: BlockKind
    level: int | None = None
    prefix: str = ""
    style_name: str | None = None
    indent_level: int | None = None
    """List level implied by a pasted paragraph's left margin, if it has one."""
    checked: bool | None = None
    """A task-list box inside the item (``<input type="checkbox">``)."""
    struck: int = 0
    """Characters of the item's text that are struck through (``<s>``, ``<del>``)."""


@dataclass
class _Walker:
    builder: DocumentBuilder
    max_depth: int
    contexts: list[_Context] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    pieces: list[tuple[str, bool]] = field(default_factory=list)
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
            self._open(_Context(BlockKind.HEADING, level=_HEADINGS[name], style_name=name))
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

    def _open(self, context: _Context) -> None:
        self._flush()
        self.contexts.append(context)

    def _inherit(self, tag: Tag) -> _Context:
        """A paragraph inside a list item or heading continues it (``<li><p>..</p></li>``)."""
        parent = self.contexts[-1] if self.contexts else None
        if parent is not None and parent.kind in (BlockKind.LIST_ITEM, BlockKind.HEADING):
            # The item's number goes to its first paragraph: <ol><li><p>..</p></li></ol>.
            prefix, parent.prefix = parent.prefix, ""
            return _Context(
                parent.kind, level=parent.level, prefix=prefix, style_name=parent.style_name
            )
        return _Context(BlockKind.PARAGRAPH, style_name=tag.name, indent_level=_indent_level(tag))

    def _list_item(self, tag: Tag) -> _Context:
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
        return _Context(
            BlockKind.LIST_ITEM,
            level=level,
            prefix=prefix,
            style_name="li",
            checked={"true": True, "false": False}.get(box),
        )

    def _flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        links, self.links = self.links, []
        context = self.contexts[-1] if self.contexts else _Context(BlockKind.PARAGRAPH)
        if context.kind is BlockKind.PARAGRAPH and not context.prefix:
            runs = _split_at_bold_lines(pieces)
            if len(runs) > 1:
                # "<p><strong>APOLOGIES</strong><br>Apologies were received …<br>…": a page
                # laid out with line breaks, its sections headed by bold lines.
                for run in runs:
                    self.pieces = run
                    self._flush_one(context, links)
                    links = []
                return
        self.pieces = pieces
        self._flush_one(context, links)

    def _flush_one(self, context: _Context, links: list[str]) -> None:
        pieces, self.pieces = self.pieces, []
        text = _clean_block("".join(text for text, _ in pieces))
        if not text:
            return
        visible = [bold for piece, bold in pieces if piece.strip()]
        style = Style(bold=all(visible) if visible else None, style_name=context.style_name)
        kind, level = context.kind, context.level
        if context.prefix:
            if not HTML_STARTS_NUMBERED.match(text):
                text = context.prefix + text
            context.prefix = ""
        if kind is BlockKind.PARAGRAPH:
            is_bullet, rest = split_bullet(text)
            if is_bullet and rest:
                # Word-pasted lists arrive as "<p>·&nbsp;&nbsp; item</p>".
                kind, level, text = BlockKind.LIST_ITEM, context.indent_level or 1, rest
            elif style.bold and len(text) <= _BOLD_HEADING_MAX and "\n" not in text:
                kind = BlockKind.HEADING
        checked, context.checked = context.checked, None
        struck, context.struck = context.struck, 0
        if kind is BlockKind.LIST_ITEM and checked is None and struck >= 0.5 * len(text):
            checked = True  # "~~PD will email out …~~ done": an item crossed off the list
        self.builder.add(kind, text, level=level, style=style, checked=checked, links=links)

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


def _clean_block(text: str) -> str:
    lines = (squash(clean_chars(line)) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


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


def _split_at_bold_lines(pieces: list[tuple[str, bool]]) -> list[list[tuple[str, bool]]]:
    """The pieces of a ``<br>``-broken paragraph cut before and after each line that is bold
    from end to end and short: those lines head what follows them."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for text, bold in pieces:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, bold))
    if len(lines) < 3:
        return [pieces]

    def heading(line: list[tuple[str, bool]]) -> bool:
        visible = [(t, b) for t, b in line if t.strip()]
        text = "".join(t for t, _ in visible).strip()
        return bool(visible) and all(b for _, b in visible) and 0 < len(text) <= _BOLD_HEADING_MAX

    if all(heading(line) or not line for line in lines):
        return [pieces]  # a bold title set on several lines is one block
    runs: list[list[tuple[str, bool]]] = [[]]
    for line in lines:
        if heading(line):
            if runs[-1]:
                runs.append([])
            runs[-1].extend(line)
            runs.append([])
        else:
            if runs[-1]:
                runs[-1].append(("\n", False))
            runs[-1].extend(line)
    return [r for r in runs if any(t.strip() for t, _ in r)]


def _cell_text(cell: Tag) -> str:
    parts: list[str] = []
    for node in cell.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in _BLOCK:
                parts.append("\n")
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            parts.append(HTML_SPACE.sub(" ", str(node)))
    return _clean_block("".join(parts)).replace("\t", " ")


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
