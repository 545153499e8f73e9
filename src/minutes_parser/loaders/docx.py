"""DOCX loader: body paragraphs and tables in document order, with Word's own numbering.

Generic converters lose exactly what minutes depend on in government Word templates:
automatic agenda/action numbers, outline levels, nested lists, margin-label tables. So this
loader uses python-docx only to open the package and walks the WordprocessingML itself:

* block content in body order, including content controls (``w:sdt``), whose paragraphs
  python-docx's ``iter_inner_content()`` skips, and text boxes (``w:txbxContent``), emitted
  after the paragraph that anchors them;
* automatic numbers rendered by :mod:`.docx_numbering` and put before the paragraph text;
* heading styles -> HEADING (level), numbered/list paragraphs -> LIST_ITEM (level);
* tables -> rows (``gridSpan`` -> ``col_span``, ``vMerge`` continuation cells empty), except
  a two-column table whose left column only holds margin labels ("Agenda item:", "Action:"),
  whose right-hand content becomes ordinary blocks carrying the label;
* tracked changes resolved as if accepted (``w:ins`` kept, ``w:del`` dropped);
* headers and footers kept out of the body and recorded as furniture.

DOCX has no pages; pages are counted from ``w:lastRenderedPageBreak`` (where Word last broke
the pages) when the file has them, else from explicit page breaks.
Reading the body (WordprocessingML -> paragraphs and tables) is in :mod:`.docx_reader`; this
module opens the package, turns what the reader returns into blocks and records furniture.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from .._collector import collector_paused
from ..document import (
    Document,
    DocumentBuilder,
    DocumentFormat,
    FurnitureKind,
    Severity,
)
from ..errors import CorruptDocumentError, DocumentTooLargeError, EmptyDocumentError
from ..rules import MARGIN_LABELS
from ..rules.text import WHITESPACE_RUN
from . import Limits, LoadOptions
from .docx_numbering import Numbering
from .docx_reader import _Cell, _Item, _Para, _Reader, _Table
from .docx_styles import StyleSheet
from .docx_xml import _w
from .normalise import squash

__all__ = ["check_container", "load"]

_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: A part this many times larger than its compressed size is a zip bomb, not a document
#: (real WordprocessingML compresses 5-30 times).
_MAX_RATIO = 200
_RATIO_FLOOR = 4 * 1024 * 1024
_LABELS = {WHITESPACE_RUN.sub(" ", name).lower() for name in MARGIN_LABELS}


# --------------------------------------------------------------------------------------------
# Container checks and opening
# --------------------------------------------------------------------------------------------


def check_container(data: bytes, limits: Limits, path: str | None = None) -> None:
    """Refuse a DOCX whose parts would decompress past the limit, before decompressing any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CorruptDocumentError(f"not a readable DOCX container ({exc})", path=path) from exc
    total = sum(info.file_size for info in infos)
    if total > limits.max_docx_uncompressed:
        raise DocumentTooLargeError(
            f"parts decompress to {total:,} bytes, over the "
            f"{limits.max_docx_uncompressed:,}-byte limit",
            path=path,
        )
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > _MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise DocumentTooLargeError(
                f"part {info.filename} expands {info.file_size // max(info.compress_size, 1):,}"
                " times (a zip bomb, not a document)",
                path=path,
            )


@dataclass
class _Package:
    body: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None
    headers: list[tuple[FurnitureKind, etree._Element]]


def _related_element(part: object, reltype: str) -> etree._Element | None:
    try:
        related = part.part_related_by(reltype)  # type: ignore[attr-defined]
    except KeyError:
        return None
    element = getattr(related, "element", None)
    return element if isinstance(element, etree._Element) else None


def _open_package(data: bytes, path: str | None) -> _Package:
    from docx.opc.exceptions import OpcError
    from docx.package import Package

    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        root = part.element
        body = root.find(_w("body"))
        if body is None:
            raise CorruptDocumentError("word/document.xml has no body", path=path)
        headers: list[tuple[FurnitureKind, etree._Element]] = []
        seen: set[str] = set()
        for ref in body.iter(_w("headerReference"), _w("footerReference")):
            rid = ref.get(f"{{{_R}}}id")
            target = part.related_parts.get(rid) if rid else None
            element = getattr(target, "element", None)
            if target is None or str(target.partname) in seen or element is None:
                continue
            seen.add(str(target.partname))
            kind = FurnitureKind.HEADER if "header" in ref.tag else FurnitureKind.FOOTER
            headers.append((kind, element))
        return _Package(
            body=body,
            styles=_related_element(part, _RT_STYLES),
            numbering=_related_element(part, _RT_NUMBERING),
            headers=headers,
        )
    except CorruptDocumentError:
        raise
    except (
        OpcError,
        KeyError,
        ValueError,
        AttributeError,
        EOFError,
        NotImplementedError,  # zipfile: unsupported compression or zip version
        RuntimeError,  # zipfile: an encrypted member
        zipfile.BadZipFile,
        zlib.error,
        etree.XMLSyntaxError,
    ) as exc:
        raise CorruptDocumentError(f"damaged DOCX package ({exc})", path=path) from exc


# --------------------------------------------------------------------------------------------
# Emitting: paragraphs and tables -> blocks
# --------------------------------------------------------------------------------------------


def _margin_label(text: str) -> str | None:
    """The label a left-column cell holds ("Agenda item:" -> "Agenda item"), else None."""
    name = squash(text.replace("\n", " ")).strip(" *:").strip()
    return name if name.lower() in _LABELS else None


def _cell_text(cell: _Cell) -> str:
    parts: list[str] = []
    for item in cell.items:
        if isinstance(item, _Para):
            parts.append(item.text.replace("\t", " "))
        else:
            parts.extend(
                " | ".join(_cell_text(c) for c in row.cells if not c.merged) for row in item.rows
            )
    return "\n".join(p for p in parts if p.strip())


class _Emitter:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.table_no = 0
        self._in_tab_table = False

    def emit(self, items: list[_Item], label: str | None = None) -> bool:
        """Add blocks for ``items``; ``label`` goes to the first block. True if any was added."""
        added = False
        for item in items:
            if isinstance(item, _Table):
                self._in_tab_table = False
                added = self._table(item, None if added else label) or added
                continue
            added = self._para(item, None if added else label) or added
        return added

    def _para(self, para: _Para, label: str | None) -> bool:
        if para.cells is not None:
            if not self._in_tab_table:
                self.table_no += 1
                self._in_tab_table = True
            row = self.builder.add_row(
                para.cells, page=para.page, table=self.table_no, label=label, style=para.style
            )
            return row is not None
        self._in_tab_table = False
        block = self.builder.add(
            para.kind, para.text, page=para.page, level=para.level, label=label, style=para.style
        )
        return block is not None

    def _table(self, table: _Table, label: str | None) -> bool:
        labels = _margin_labels(table)
        if labels is not None:
            return self._margin_table(table, labels, label)
        self.table_no += 1
        added = False
        for row in table.rows:
            texts = ["" if c.merged else _cell_text(c) for c in row.cells]
            block = self.builder.add_row(
                texts,
                page=row.page,
                table=self.table_no,
                label=None if added else label,
                col_spans=[c.span for c in row.cells],
            )
            added = added or block is not None
        return added

    def _margin_table(self, table: _Table, labels: list[str | None], label: str | None) -> bool:
        added = False
        for row, row_label in zip(table.rows, labels, strict=True):
            content = row.cells[-1].items
            this_label = row_label or (None if added else label)
            emitted = self.emit(content, this_label)
            if not emitted and row_label is not None:
                self.builder.add_furniture(FurnitureKind.MARGIN_LABEL, row_label, page=row.page)
            added = added or emitted
        return added


def _margin_labels(table: _Table) -> list[str | None] | None:
    """Per-row labels when ``table`` is a label column beside content, else None."""
    labels: list[str | None] = []
    for row in table.rows:
        if len(row.cells) == 1:
            labels.append(None)
            continue
        if len(row.cells) != 2:
            return None
        left = _cell_text(row.cells[0])
        if not left.strip():
            labels.append(None)
            continue
        name = _margin_label(left)
        if name is None:
            return None
        labels.append(name)
    return labels if any(labels) else None


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def _furniture_text(element: etree._Element, styles: StyleSheet) -> str:
    # Headers get their own numbering state so they never advance the body's counters.
    reader = _Reader(styles, Numbering(None), rendered_breaks=False)
    texts: list[str] = []
    for item in reader.items(element):
        if isinstance(item, _Para):
            texts.append(item.text.replace("\t", " "))
        else:
            texts.extend(_cell_text(c) for row in item.rows for c in row.cells)
    return "\n".join(t for t in texts if t.strip())


def load(data: bytes, options: LoadOptions) -> Document:
    """Load a DOCX file into a :class:`Document`."""
    check_container(data, options.limits, options.path)
    package = _open_package(data, options.path)
    styles = StyleSheet(package.styles)
    numbering = Numbering(package.numbering, styles.numbering_style_num_id)
    body = package.body
    rendered = next(body.iter(_w("lastRenderedPageBreak")), None) is not None
    reader = _Reader(styles, numbering, rendered_breaks=rendered)
    builder = DocumentBuilder(DocumentFormat.DOCX)
    with collector_paused():
        _Emitter(builder).emit(reader.items(body))
    if not builder.blocks:
        raise EmptyDocumentError("the document has no text", path=options.path)
    for kind, element in package.headers:
        builder.add_furniture(kind, _furniture_text(element, styles))
    if next(body.iter(_w("ins"), _w("del"), _w("moveFrom"), _w("moveTo")), None) is not None:
        builder.diagnose(
            "tracked-changes",
            "tracked changes were resolved as accepted (insertions kept, deletions dropped)",
            severity=Severity.INFO,
        )
    return builder.build(path=options.path)
