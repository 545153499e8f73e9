"""The normalised document model every loader produces and every extractor reads.

A :class:`Document` is the cleaned text of one input file plus an ordered list of
:class:`Block` objects. Each block knows its kind, its page, where it sits in
``Document.text`` (``text[block.start:block.end] == block.text``), and the style hints the
format offered. Page furniture (running headers, footers, page numbers, repeated margin
labels) is kept out of the text and recorded in ``Document.furniture`` so nothing is silently
lost. Use :class:`DocumentBuilder` to assemble a document: it computes offsets, so spans can
never drift from the text.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

__all__ = [
    "Block",
    "BlockKind",
    "Cell",
    "Diagnostic",
    "Document",
    "DocumentBuilder",
    "DocumentFormat",
    "Furniture",
    "FurnitureKind",
    "Severity",
    "Span",
    "Style",
    "is_title_row",
]


class StrEnum(str, Enum):
    """``enum.StrEnum`` for Python 3.10."""

    def __str__(self) -> str:
        return str(self.value)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


class DocumentFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    TEXT = "text"
    MARKDOWN = "markdown"
    ORG = "org"
    RST = "rst"
    ASCIIDOC = "asciidoc"


class FurnitureKind(StrEnum):
    HEADER = "header"
    FOOTER = "footer"
    PAGE_NUMBER = "page_number"
    MARGIN_LABEL = "margin_label"
    NAVIGATION = "navigation"
    OTHER = "other"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Span(_Model):
    """A stretch of ``Document.text``: ``text[start:end]``, starting on ``page`` (1-based)."""

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Diagnostic(_Model):
    """Something a user should know about a parse that is not fatal."""

    code: str
    message: str
    severity: Severity = Severity.WARNING
    page: int | None = None
    span: Span | None = None


class Style(_Model):
    """Formatting hints, where the format has them (``None`` = unknown)."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    font: str | None = None
    indent: float | None = None
    style_name: str | None = None


class Cell(_Model):
    """One table cell; ``start``/``end`` are offsets into ``Document.text``."""

    text: str
    start: int
    end: int
    col_span: int = 1


class Block(_Model):
    kind: BlockKind
    text: str
    start: int
    end: int
    page: int = Field(default=1, ge=1)
    level: int | None = None
    label: str | None = None
    """A margin label printed beside the block by a template ("Action", "Agenda item")."""
    cells: list[Cell] | None = None
    table: int | None = None
    """Rows of one table share this number (a table split across pages keeps it)."""
    style: Style | None = None
    source: Literal["text", "ocr"] = "text"
    confidence: float | None = None
    """Mean OCR word confidence (0–100) for blocks read by OCR."""
    checked: bool | None = None
    """A task-list item's box: ``True`` ticked (or the item struck through), ``False`` empty,
    ``None`` no box."""
    keyword: str | None = None
    """A heading's or item's task keyword where the markup has one (Org ``TODO``/``DONE``)."""
    links: list[str] | None = None
    """Targets of the links whose text the block holds (the markup itself is stripped)."""

    @property
    def span(self) -> Span:
        return Span(page=self.page, start=self.start, end=self.end)


class Furniture(_Model):
    """Text removed from the body: where it was and what it said."""

    kind: FurnitureKind
    text: str
    page: int = 1


class Document(_Model):
    text: str
    blocks: list[Block]
    format: DocumentFormat
    page_count: int = 1
    furniture: list[Furniture] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    path: str | None = None
    sha256: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    """Fields the file states about itself (front matter ``title``, ``date``): candidates for
    the meeting's metadata, never preferred to what the text says."""
    _starts: tuple[tuple[int, int], list[int]] = PrivateAttr(default=((0, -1), []))

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, with the page of the block holding ``start``."""
        return Span(page=self.page_at(start), start=start, end=end)

    def block_index_at(self, offset: int) -> int:
        """Index of the block containing ``offset`` (or the last block starting before it)."""
        # Extractors ask this for every span they make: rebuilding the list of block starts on
        # each call made a long document's extraction quadratic.
        # The cache is one private attribute: each read of one goes through pydantic's
        # __getattr__, which cost more than the search itself.
        key, starts = self._starts
        if key != (id(self.blocks), len(self.blocks)):
            starts = [b.start for b in self.blocks]
            self._starts = ((id(self.blocks), len(self.blocks)), starts)
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    def page_at(self, offset: int) -> int:
        if not self.blocks:
            return 1
        return self.blocks[self.block_index_at(offset)].page

    def body_blocks(self, kinds: Iterable[BlockKind] | None = None) -> list[Block]:
        wanted = set(kinds) if kinds is not None else None
        return [b for b in self.blocks if wanted is None or b.kind in wanted]

    def _repr_html_(self) -> str:
        from .display import document_html

        return document_html(self)


# Imported here, not at the top: rules/ imports models.py, which imports the classes above.
from .rules.layout import INVISIBLE, SURROGATE  # noqa: E402

TITLE_WORDS_MAX = 3
"""Words in the longest column title of a table's header row."""


def is_title_row(cells: Sequence[str]) -> bool:
    """A table row of column titles: two or more short cells ("Item | Notes | Action"), no
    figures (a row of data has numbers, dates, sentences)."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 2 and all(
        len(c.split()) <= TITLE_WORDS_MAX and not any(ch.isdigit() for ch in c) for c in filled
    )


def valid_unicode(text: str) -> str:
    """Join UTF-16 surrogate pairs some PDF engines hand out (an emoji as two halves) and
    replace lone halves: text that cannot be encoded as UTF-8 breaks every consumer. Then
    drop invisible joiners and compose accents (NFC), so "Rene\u0301" is "René"."""
    if text.isascii():
        return text  # no surrogates, joiners or accents to compose (isascii costs nothing)
    if SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if not text.isascii():
        text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    return text


def _set_fields(
    label: str | None, style: Style | None, source: str, links: list[str] | None
) -> dict[str, Any]:
    """The optional fields every kind of block may have, where they hold something (an empty
    list of links is none): validating only those makes a block about a third cheaper, for
    the same values."""
    fields: dict[str, Any] = {}
    if label is not None:
        fields["label"] = label
    if style is not None:
        fields["style"] = style
    if source != "text":
        fields["source"] = source
    if links:
        fields["links"] = links
    return fields


class DocumentBuilder:
    """Assembles a :class:`Document`, computing every offset so spans always slice true.

    Blocks are joined with ``"\\n"``; a table row's text is its cells joined with ``"\\t"``
    (cells may hold ``"\\n"`` between paragraphs of one cell).
    """

    def __init__(self, fmt: DocumentFormat) -> None:
        self.format = fmt
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.furniture: list[Furniture] = []
        self.diagnostics: list[Diagnostic] = []
        self.metadata: dict[str, str] = {}
        self.page_count = 1

    def _append(self, text: str) -> int:
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int = 1,
        level: int | None = None,
        label: str | None = None,
        style: Style | None = None,
        source: Literal["text", "ocr"] = "text",
        checked: bool | None = None,
        keyword: str | None = None,
        links: list[str] | None = None,
    ) -> Block | None:
        """Add a block; empty text is ignored (returns ``None``)."""
        text = valid_unicode(text)
        if not text.strip():
            return None
        start = self._append(text)
        fields = _set_fields(label, style, source, links)
        if level is not None:
            fields["level"] = level
        if checked is not None:
            fields["checked"] = checked
        if keyword is not None:
            fields["keyword"] = keyword
        return self._push(
            Block(kind=kind, text=text, start=start, end=start + len(text), page=page, **fields)
        )

    def _push(self, block: Block) -> Block:
        self.blocks.append(block)
        self.page_count = max(self.page_count, block.page)
        return block

    def add_row(
        self,
        cells: Sequence[str],
        *,
        page: int = 1,
        table: int | None = None,
        label: str | None = None,
        style: Style | None = None,
        col_spans: Sequence[int] | None = None,
        source: Literal["text", "ocr"] = "text",
        links: list[str] | None = None,
    ) -> Block | None:
        """Add a table row; cells must not contain tabs. An all-empty row is ignored."""
        clean = [valid_unicode(c).replace("\t", " ") for c in cells]
        if not any(c.strip() for c in clean):
            return None
        text = "\t".join(clean)
        start = self._append(text)
        # The cells go to the block as fields, validated with it in one call rather than as
        # one model each (a 10,000-row log made 40,000 calls).
        out: list[dict[str, Any]] = []
        pos = start
        for i, c in enumerate(clean):
            span = col_spans[i] if col_spans is not None and i < len(col_spans) else 1
            out.append({"text": c, "start": pos, "end": pos + len(c), "col_span": span})
            pos += len(c) + 1
        fields = _set_fields(label, style, source, links)
        if table is not None:
            fields["table"] = table
        return self._push(
            Block(
                kind=BlockKind.TABLE_ROW,
                text=text,
                start=start,
                end=start + len(text),
                page=page,
                cells=out,
                **fields,
            )
        )

    def add_furniture(self, kind: FurnitureKind, text: str, page: int = 1) -> None:
        if text.strip():
            self.furniture.append(Furniture(kind=kind, text=valid_unicode(text.strip()), page=page))

    def diagnose(
        self,
        code: str,
        message: str,
        severity: Severity = Severity.WARNING,
        page: int | None = None,
    ) -> None:
        self.diagnostics.append(
            Diagnostic(code=code, message=message, severity=severity, page=page)
        )

    def build(self, *, path: str | None = None, sha256: str | None = None) -> Document:
        return Document(
            text="".join(self._parts),
            blocks=self.blocks,
            format=self.format,
            page_count=self.page_count,
            furniture=self.furniture,
            diagnostics=self.diagnostics,
            path=path,
            sha256=sha256,
            metadata=self.metadata,
        )
