"""HTML loader, the page before the walk: parsing, site chrome moved into furniture, the
main content found (``<main>``, ``[role=main]``, ModernGov's ``#modgov``, a dominant
``<article>``, else the deepest element holding most of the non-link text); and the tag and
text helpers the walker and the table reader share."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

from ..document import DocumentBuilder, FurnitureKind
from .normalise import clean_chars, squash

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
            _adopt_fields(body, candidate)
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


def _adopt_fields(body: Tag, main: Tag) -> None:
    """Definition lists above the marked content, left there once the chrome is gone, are the
    record's fields and open it: W3C's scribe pages set "Present: …", "Regrets: …", "Chair:
    …" in a ``<dl>`` beside ``<main>``."""
    # not after main (main's own content comes after it too), nor holding it
    elsewhere = {id(t) for t in (*main.find_all_next(), *main.parents)}
    fields = [
        dl
        for dl in body.find_all("dl")
        if isinstance(dl, Tag) and id(dl) not in elsewhere and dl.find_parent("dl") is None
    ]
    for dl in reversed(fields):
        main.insert(0, dl.extract())


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
