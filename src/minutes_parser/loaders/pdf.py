"""PDF loader: words with their boxes and fonts -> reading-order blocks, tables and furniture.

Two engines read the words and ruling lines of each page; one layout analysis
(:mod:`.pdf_layout`, :mod:`.pdf_tables`) turns them into blocks:

* ``pdfium`` (the fast path, and what ``auto`` uses): pypdfium2's text page. The page text comes
  out in one call and only each word's first and last character are measured, never every
  character, so a page costs a few hundred foreign calls. pdfium inserts the spaces that
  LaTeX PDFs leave implicit, which pdfplumber's gap rule loses.
* ``pdfplumber``: pdfminer's characters grouped by ``extract_words``; slower (see
  ``bench/loaders.py``) but pure Python, useful to cross-check a layout.

The document is always opened with pdfium first, so encryption, corruption, page limits and
looping page trees are judged the same way whichever engine reads the text. Pages with no
usable text layer are then read by OCR (:mod:`.ocr`, ``LoadOptions.ocr``) before the layout
analysis, which treats OCR'd words like any others.
The engines, and the checks made when the document is opened, are in :mod:`.pdf_engines`;
this module turns their pages into the document's blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import (
    BlockKind,
    Document,
    DocumentBuilder,
    DocumentFormat,
    FurnitureKind,
    Severity,
    is_title_row,
)
from . import LoadOptions
from .normalise import join_hyphenated
from .ocr import TESSERACT_INSTALL
from .pdf_engines import read_pages
from .pdf_layout import (
    UNREADABLE_SHARE,
    Flow,
    Label,
    ParaItem,
    RawPage,
    TextLine,
    Word,
    build_lines,
    drop_segments,
    find_furniture,
    heading_level,
    is_section_label,
    numbered,
    ocr_confidence,
    order_flows,
    paragraphs,
    take_labels,
)
from .pdf_tables import TableItem, adopt_header, find_ruled_tables, split_aligned

__all__ = ["UNREADABLE_SHARE", "load", "read_pages"]

logger = logging.getLogger(__name__)
Item = ParaItem | TableItem


# --------------------------------------------------------------------------------------------
# Layout -> blocks
# --------------------------------------------------------------------------------------------


#: Below this mean word confidence an OCR'd page is worth a look: a warning, not info.
LOW_OCR_CONFIDENCE = 70.0


def _check_text(raw: RawPage, builder: DocumentBuilder) -> None:
    """Diagnose pages read by OCR, and pages with no text layer or with unreadable glyph
    codes (their words are already withheld by the engines)."""
    outcome = raw.ocr
    if outcome is not None and outcome.status == "read":
        conf = outcome.confidence or 0.0
        builder.diagnose(
            "ocr",
            f"page {raw.number} read by OCR, mean confidence {conf:.0f} ({outcome.reason})",
            Severity.INFO if conf >= LOW_OCR_CONFIDENCE else Severity.WARNING,
            page=raw.number,
        )
        return
    if outcome is not None and outcome.status == "rejected":
        builder.diagnose(
            "ocr_rejected",
            f"page {raw.number}: OCR read only unsure text (mean confidence "
            f"{outcome.confidence or 0:.0f}) in the image on it, most likely a picture; "
            "it was left out",
            Severity.INFO,
            page=raw.number,
        )
    if outcome is not None and outcome.status == "blank":
        builder.diagnose("blank_page", f"page {raw.number} is blank", Severity.INFO, raw.number)
        return
    tried = outcome is not None and outcome.status == "empty"
    if raw.chars == 0:
        builder.diagnose(
            "no_text_layer",
            f"page {raw.number} has no text layer (a scan or an image); "
            + ("OCR found no text on it" if tried else "it needs OCR"),
            Severity.WARNING,
            page=raw.number,
        )
        return
    if raw.bad_chars == 0:
        return
    share = raw.bad_chars / raw.chars
    if share >= UNREADABLE_SHARE:
        raw.words = []
        builder.diagnose(
            "unreadable_text",
            f"page {raw.number}: {share:.0%} of the text is unreadable: {raw.bad_cause}; "
            "the page's text was left out "
            + ("(OCR found no text on it)" if tried else "(it needs OCR or the original file)"),
            Severity.ERROR,
            page=raw.number,
        )
    else:
        builder.diagnose(
            "unreadable_text",
            f"page {raw.number}: {raw.bad_chars} unreadable characters left out: {raw.bad_cause}",
            Severity.WARNING,
            page=raw.number,
        )


def _body_size(words: Sequence[Word]) -> float:
    sizes: dict[float, int] = {}
    for w in words:
        sizes[w.size] = sizes.get(w.size, 0) + len(w.text)
    return max(sizes, key=lambda s: sizes[s]) if sizes else 0.0


def _page_items(
    raw: RawPage, lines: list[TextLine], tables: list[TableItem], body: float
) -> tuple[list[Item], list[Label]]:
    lines, labels = take_labels(lines)
    items: list[Item] = []
    for flow in order_flows(lines, raw.width):
        flow_items = _flow_items(flow, body)
        # A paragraph runs on from the foot of one column to the head of the next.
        if items and flow_items and _merge_continued(items[-1], flow_items[0]):
            flow_items = flow_items[1:]
        items.extend(flow_items)
    for table in tables:
        at = next((k for k, it in enumerate(items) if it.top > table.top), len(items))
        above = items[at - 1] if at else None
        if (
            isinstance(above, ParaItem)
            and len(above.lines) == 1
            and adopt_header(above.lines[0], table)
        ):
            at -= 1
            del items[at]
        items.insert(at, table)
    return items, labels


def _flow_items(flow: Flow, body: float) -> list[Item]:
    out: list[Item] = []
    for part in split_aligned(flow.lines):
        if isinstance(part, TableItem):
            out.append(part)
        else:
            out.extend(paragraphs(part, body))
    return out


def _attach_labels(items: list[Item], labels: list[Label], builder: DocumentBuilder) -> None:
    """Give each margin label to the block beside it; a label beside nothing is furniture."""
    for label in labels:
        target = _beside(items, label)
        if isinstance(target, ParaItem) and _label_fits(label.text, target):
            target.label = label.text
        else:
            builder.add_furniture(FurnitureKind.MARGIN_LABEL, label.text, page=label.page)


def _beside(items: Sequence[Item], label: Label) -> Item | None:
    best: Item | None = None
    best_d = 0.0
    for it in items:
        if isinstance(it, ParaItem) and it.page != label.page:
            continue
        d = abs(it.top - label.top)
        near = it.top - 4 <= label.top <= it.bottom or d < 14
        if near and (best is None or d < best_d):
            best, best_d = it, d
    return best


def _label_fits(label: str, item: ParaItem) -> bool:
    # Templates repeat section labels ("Agenda item:") at every page top, where they label
    # nothing: a section label only names a heading or a numbered item.
    if is_section_label(label):
        return item.kind is BlockKind.HEADING or numbered(item.text)
    return True


def _continues_across(prev: ParaItem, nxt: ParaItem) -> bool:
    """A paragraph cut by a page break: same style, and the text runs on."""
    if prev.kind is not BlockKind.PARAGRAPH or nxt.kind is not BlockKind.PARAGRAPH:
        return False
    if _read_by_ocr(prev) != _read_by_ocr(nxt):
        return False  # a text page and a scan: a block keeps one source
    if nxt.label is not None or prev.bold != nxt.bold or abs(prev.size - nxt.size) > 0.6:
        return False
    if nxt.text[:1].islower():
        return True
    if prev.text.rstrip(" \"'”’)")[-1:] in ".!?:;":
        return False  # a break after a full stop is read as a paragraph end
    last = prev.lines[-1]
    widest = max(ln.x1 for ln in prev.lines)
    return len(prev.lines) > 1 and last.x1 >= widest - 2 * max(prev.size, 1.0)


def _read_by_ocr(item: ParaItem) -> bool:
    return item.lines[0].words[0].conf is not None


def _merge_continued(prev: Item, nxt: Item) -> bool:
    """Append ``nxt`` to ``prev`` when a page or column break cut one paragraph in two."""
    if not (isinstance(prev, ParaItem) and isinstance(nxt, ParaItem)):
        return False
    if not _continues_across(prev, nxt):
        return False
    prev.lines.extend(nxt.lines)
    prev.text = join_hyphenated(prev.text, nxt.text)
    return True


def _join_pages(pages: list[list[Item]]) -> list[Item]:
    out: list[Item] = []
    for items in pages:
        if out and items and _merge_continued(out[-1], items[0]):
            items = items[1:]
        out.extend(items)
    return out


def _same_columns(a: TableItem, b: TableItem) -> bool:
    return a.columns == b.columns and all(
        abs(x - y) <= 6 for x, y in zip(a.col_xs, b.col_xs, strict=True)
    )


@dataclass
class _Row:
    cells: list[str]
    page: int
    table: int
    spans: list[int] | None = None
    confidence: float | None = None


def _number_tables(items: Sequence[Item], builder: DocumentBuilder) -> list[ParaItem | _Row]:
    """Table rows with their table number; a table continued on the next page keeps it, as
    does one the page's ruling cut in two (shaded rows, a gap in the lines) with nothing
    between the parts. A part that opens with a header row of its own is a new table,
    unless the header repeats the table's."""
    out: list[ParaItem | _Row] = []
    table_no = 0
    prev: TableItem | None = None
    for k, it in enumerate(items):
        if isinstance(it, ParaItem):
            out.append(it)
            prev = None
            continue
        rows = it.rows
        if (
            prev is not None
            and items[k - 1] is prev
            and it.page in (prev.page, prev.page + 1)
            and (not (it.rows and is_title_row(it.rows[0])) or it.rows[0] == prev.rows[0])
            and _same_columns(prev, it)
        ):
            rows = _continue_rows(prev, it, out, builder)
        else:
            table_no += 1
        skipped = len(it.rows) - len(rows)
        spans = it.spans[skipped:] if it.spans else [None] * len(rows)
        confs = it.row_conf[skipped:] if it.row_conf else [None] * len(rows)
        out.extend(
            _Row(row, it.page, table_no, span, conf)
            for row, span, conf in zip(rows, spans, confs, strict=True)
        )
        prev = it
    return out


def _continue_rows(
    prev: TableItem, it: TableItem, out: list[ParaItem | _Row], builder: DocumentBuilder
) -> list[list[str]]:
    """Rows of a table's continuation: drop a repeated header row, and finish a row the page
    break split (its first cell is empty on the new page) in the row it started."""
    rows = it.rows
    if rows and prev.rows and rows[0] == prev.rows[0]:
        builder.add_furniture(FurnitureKind.OTHER, " | ".join(rows[0]), page=it.page)
        rows = rows[1:]
    last = out[-1] if out else None
    if rows and not rows[0][0] and isinstance(last, _Row) and last.cells[0]:
        last.cells = [join_hyphenated(a, b) for a, b in zip(last.cells, rows[0], strict=False)]
        rows = rows[1:]
    return rows


def _emit(items: Sequence[Item], builder: DocumentBuilder, sizes: Sequence[float]) -> None:
    for it in _number_tables(items, builder):
        if isinstance(it, _Row):
            conf = it.confidence
            block = builder.add_row(
                it.cells,
                page=it.page,
                table=it.table,
                col_spans=it.spans,
                source="text" if conf is None else "ocr",
            )
        else:
            level = heading_level(it, sizes) if it.kind is BlockKind.HEADING else None
            conf = ocr_confidence(w for line in it.lines for w in line.words)
            block = builder.add(
                it.kind,
                it.text,
                page=it.page,
                level=level,
                label=it.label,
                style=it.style(),
                source="text" if conf is None else "ocr",
            )
        if block is not None:
            block.confidence = conf


def build_document(raw_pages: list[RawPage], builder: DocumentBuilder) -> None:
    for raw in raw_pages:
        _check_text(raw, builder)
    prepared: list[tuple[RawPage, list[TextLine], list[TableItem]]] = []
    flowing: list[Word] = []
    for raw in raw_pages:
        tables, rest = find_ruled_tables(raw)
        flowing.extend(rest)
        prepared.append((raw, build_lines(rest, raw.number), tables))
    # Body size from running text only: a page of 9pt table cells must not make 10pt
    # paragraphs look like headings.
    body = _body_size(flowing)
    sizes = sorted({w.size for w in flowing})
    furniture = find_furniture([(raw, lines) for raw, lines, _ in prepared])
    pages: list[list[Item]] = []
    for raw, lines, tables in prepared:
        found = furniture.get(raw.number, [])
        for kind, seg in found:
            builder.add_furniture(kind, seg.text, page=raw.number)
        lines = drop_segments(lines, [seg for _, seg in found])
        items, labels = _page_items(raw, lines, tables, body)
        _attach_labels(items, labels, builder)
        pages.append(items)
    _emit(_join_pages(pages), builder, sizes)
    if raw_pages and all(not p.words for p in raw_pages):
        builder.diagnose(
            "no_text_layer" if all(p.chars == 0 for p in raw_pages) else "unreadable_text",
            "no page of the document has readable text; " + _ocr_advice(raw_pages),
            Severity.ERROR,
        )


def _ocr_advice(raw_pages: Sequence[RawPage]) -> str:
    if any(p.ocr is not None and p.ocr.status != "failed" for p in raw_pages):
        return "OCR found none either"
    if any(p.ocr is not None for p in raw_pages):
        return "OCR failed (see the ocr_failed diagnostic)"
    return f"it needs OCR (ocr='auto' with Tesseract installed: {TESSERACT_INSTALL})"


def load(data: bytes, options: LoadOptions) -> Document:
    builder = DocumentBuilder(DocumentFormat.PDF)
    raw_pages = read_pages(data, options, builder)
    build_document(raw_pages, builder)
    builder.page_count = max(len(raw_pages), 1)
    logger.debug("%s: %d pages, %d blocks", options.path, len(raw_pages), len(builder.blocks))
    return builder.build(path=options.path)
