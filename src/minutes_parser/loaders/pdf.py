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
"""

from __future__ import annotations

import ctypes
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..document import (
    BlockKind,
    Document,
    DocumentBuilder,
    DocumentFormat,
    FurnitureKind,
    Severity,
)
from ..errors import (
    ConfigurationError,
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
)
from . import LoadOptions
from .normalise import join_hyphenated
from .ocr import TESSERACT_INSTALL, apply_ocr
from .pdf_layout import (
    UNREADABLE_SHARE,
    Flow,
    Label,
    ParaItem,
    RawPage,
    Rule,
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
from .pdf_tables import TableItem, find_ruled_tables, split_aligned

__all__ = ["UNREADABLE_SHARE", "load", "read_pages"]

logger = logging.getLogger(__name__)

#: Characters that are never text: C0 controls (what unmapped glyph codes decode to) and U+FFFD.
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]|\(cid:\d+\)")
_TOKEN = re.compile(r"[^\s\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")
_LONE_CID = re.compile(r"^\(cid:\d+\)$")
_PRIVATE_USE = re.compile(r"^[\ue000-\uf8ff]$")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_FORCE_BOLD = 1 << 18

Item = ParaItem | TableItem


# --------------------------------------------------------------------------------------------
# Opening
# --------------------------------------------------------------------------------------------


@contextmanager
def _open(data: bytes, options: LoadOptions) -> Iterator[pdfium.PdfDocument]:
    path = options.path
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedDocumentError("the PDF needs a password", path=path) from exc
        raise CorruptDocumentError(f"not a readable PDF ({exc})", path=path) from exc
    try:
        pages = len(pdf)
        if pages > options.limits.max_pages:
            raise DocumentTooLargeError(
                f"{pages:,} pages is over the {options.limits.max_pages:,}-page limit", path=path
            )
        if pages == 0:
            raise CorruptDocumentError("the PDF has no pages (broken page tree?)", path=path)
        yield pdf
    finally:
        pdf.close()


# --------------------------------------------------------------------------------------------
# pdfium engine
# --------------------------------------------------------------------------------------------


@dataclass
class _FontCache:
    """Per-document caches keyed by pdfium handle addresses: text objects and fonts repeat."""

    objects: dict[int, tuple[float, bool, str]] = field(default_factory=dict)
    fonts: dict[int, tuple[bool, str]] = field(default_factory=dict)
    name_buf: Any = field(default_factory=lambda: ctypes.create_string_buffer(256))


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


# The same pdfium entry point, returning the text object's address as a plain int: it is the
# cache key for every word, and ctypes.cast on each pointer would cost more than the lookup.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int)(
    _address(pdfium_c.FPDFText_GetTextObject)
)


def _font_of(key: int, cache: _FontCache) -> tuple[float, bool, str]:
    hit = cache.objects.get(key)
    if hit is not None:
        return hit
    obj = ctypes.cast(key, pdfium_c.FPDF_PAGEOBJECT)
    size = ctypes.c_float(0.0)
    pdfium_c.FPDFTextObj_GetFontSize(obj, size)
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    # The font size is in text space; the object's matrix scales it to points.
    scale = abs(m.a * m.d - m.b * m.c) ** 0.5 or 1.0
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    fkey = _address(font)
    props = cache.fonts.get(fkey)
    if props is None:
        n = pdfium_c.FPDFFont_GetBaseFontName(font, cache.name_buf, 256)
        name = cache.name_buf.raw[: max(n - 1, 0)].decode("latin-1") if n else ""
        weight = pdfium_c.FPDFFont_GetWeight(font)
        flags = pdfium_c.FPDFFont_GetFlags(font)
        bold = weight >= 600 or bool(flags & _FORCE_BOLD) or bool(_BOLD_NAME.search(name))
        props = cache.fonts[fkey] = (bold, name)
    out = (round(size.value * scale, 1), props[0], props[1])
    cache.objects[key] = out
    return out


def _page_text(textpage: Any) -> tuple[str, int]:
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return "", 0
    buf = ctypes.create_string_buffer((n + 1) * 2)
    got = pdfium_c.FPDFText_GetText(
        textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) != n:
        # Characters outside the BMP take two UTF-16 units; fall back to one call per index
        # so string positions stay equal to pdfium's character indices.
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32) for i in range(n))
    return text, n


def _pdfium_words(
    textpage: Any, left: float, top: float, cache: _FontCache
) -> tuple[list[Word], int, int, str | None]:
    text, _ = _page_text(textpage)
    words: list[Word] = []
    chars = bad = 0
    loose = pdfium_c.FS_RECTF()
    l_, r_, b_, t_ = (ctypes.c_double() for _ in range(4))
    cause: str | None = None
    for m in _TOKEN.finditer(text):
        token = m.group()
        first, last = m.start(), m.end() - 1
        chars += len(token)
        # An unmapped glyph code can land on a printable letter; pdfium knows which
        # characters had no Unicode mapping, so ask it, not the text.
        if _BAD_CHAR.search(token) or pdfium_c.FPDFText_HasUnicodeMapError(textpage, first):
            bad += len(token)
            if cause is None:
                cause = _bad_cause(textpage, first)
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, first, loose)
        pdfium_c.FPDFText_GetCharBox(textpage, last, l_, r_, b_, t_)
        obj = _text_object_address(textpage, first)
        size, bold, font = (
            _font_of(obj, cache) if obj else (round(loose.top - loose.bottom, 1), False, "")
        )
        # pdfium marks a line-end hyphen U+FFFE and glues the two halves into one token;
        # split them back so the layout sees the real line ends and repairs the hyphen.
        token = token.replace("\ufffe", "-").replace("\x02", "-")
        if _PRIVATE_USE.match(token):
            token = "•"  # a symbol-font bullet
        words.append(
            Word(
                token,
                loose.left - left,
                max(r_.value - left, loose.left - left),
                top - loose.top,
                top - loose.bottom,
                size,
                bold,
                font,
            )
        )
    return words, chars, bad, cause


def _bad_cause(textpage: Any, index: int) -> str:
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    n = pdfium_c.FPDFText_GetFontInfo(textpage, index, buf, 256, flags)
    font = buf.raw[: max(n - 1, 0)].decode("latin-1") if n else "unknown"
    if pdfium_c.FPDFText_HasUnicodeMapError(textpage, index):
        return f"font {font!r} has no Unicode map (ToUnicode), so its text is glyph codes"
    return f"font {font!r} decodes to control characters"


def _pdfium_rules(page: Any, left: float, top: float) -> list[Rule]:
    rules: list[Rule] = []
    l_, b_, r_, t_ = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for k in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, l_, b_, r_, t_):
            continue
        x0, x1, y0, y1 = l_.value - left, r_.value - left, top - t_.value, top - b_.value
        if min(x1 - x0, y1 - y0) <= 3:
            if max(x1 - x0, y1 - y0) > 3:
                rules.append(Rule(x0, y0, x1, y1))
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
        if stroke.value:
            rules.extend(_path_rules(obj, left, top))
    return rules


def _path_rules(obj: Any, left: float, top: float) -> list[Rule]:
    """Axis-aligned straight segments of a stroked path (a grid drawn as one path)."""
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if n <= 0 or n > 2000:
        return []
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[Rule] = []
    prev: tuple[float, float] | None = None
    start: tuple[float, float] | None = None
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (
            m.a * x.value + m.c * y.value + m.e - left,
            top - (m.b * x.value + m.d * y.value + m.f),
        )
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or prev is None:
            start = pt
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            out.extend(_axis_rule(prev, pt))
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            out.extend(_axis_rule(pt, start))
        prev = pt
    return out


def _axis_rule(a: tuple[float, float], b: tuple[float, float]) -> list[Rule]:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 1 and abs(ax - bx) > 3:
        return [Rule(min(ax, bx), ay - 0.5, max(ax, bx), ay + 0.5)]
    if abs(ax - bx) < 1 and abs(ay - by) > 3:
        return [Rule(ax - 0.5, min(ay, by), ax + 0.5, max(ay, by))]
    return []


def _pdfium_pages(
    pdf: pdfium.PdfDocument, builder: DocumentBuilder, path: str | None
) -> list[RawPage]:
    cache = _FontCache()
    out: list[RawPage] = []
    for i in range(len(pdf)):
        try:
            page = pdf[i]
        except pdfium.PdfiumError as exc:
            builder.diagnose(
                "page_unreadable",
                f"page {i + 1} could not be loaded ({exc})",
                Severity.ERROR,
                page=i + 1,
            )
            out.append(RawPage(i + 1, 0.0, 0.0))
            continue
        try:
            left, bottom, right, top = page.get_bbox()
            raw = RawPage(i + 1, right - left, top - bottom)
            textpage = page.get_textpage()
            try:
                raw.words, raw.chars, raw.bad_chars, raw.bad_cause = _pdfium_words(
                    textpage, left, top, cache
                )
            finally:
                textpage.close()
            raw.rules = _pdfium_rules(page.raw, left, top)
        finally:
            page.close()
        out.append(raw)
        cache.objects.clear()  # object handles die with their page
    if all(p.width == 0 for p in out):
        raise CorruptDocumentError(
            "no page could be loaded (a broken or looping page tree)", path=path
        )
    return out


# --------------------------------------------------------------------------------------------
# pdfplumber engine
# --------------------------------------------------------------------------------------------


def _plumber_pages(data: bytes, options: LoadOptions) -> list[RawPage]:
    import pdfplumber

    out: list[RawPage] = []
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            for page in pdf.pages:
                out.append(_plumber_page(page))
                page.close()
    except Exception as exc:  # pdfminer raises many unrelated types on damaged input
        raise CorruptDocumentError(
            f"pdfplumber could not read the PDF ({exc})", path=options.path
        ) from exc
    return out


def _plumber_page(page: Any) -> RawPage:
    raw = RawPage(page.page_number, float(page.width), float(page.height))
    x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
    # A gap tolerance relative to the font size: pdfplumber's fixed 3pt default glues words
    # whose spaces are implicit (LaTeX, word-by-word drawing) into one.
    for w in page.extract_words(extra_attrs=["size", "fontname"], x_tolerance_ratio=0.15):
        text = str(w["text"])
        raw.chars += len(text)
        if _LONE_CID.match(text):
            # One unmapped glyph standing alone is a symbol-font bullet in practice (pdfium
            # maps these); a page of glyph codes is still caught by its other words.
            text = "•"
        if _BAD_CHAR.search(text):
            raw.bad_chars += len(text)
            if raw.bad_cause is None:
                raw.bad_cause = (
                    f"font {w['fontname']!r} has no Unicode map, so its text is glyph codes"
                )
            continue
        font = str(w["fontname"])
        raw.words.append(
            Word(
                text,
                float(w["x0"]) - x_off,
                float(w["x1"]) - x_off,
                float(w["top"]) - y_off,
                float(w["bottom"]) - y_off,
                round(float(w["size"]), 1),
                bool(_BOLD_NAME.search(font)),
                font,
            )
        )
    for e in page.edges:
        raw.rules.append(
            Rule(
                float(e["x0"]) - x_off,
                float(e["top"]) - y_off,
                float(e["x1"]) - x_off,
                float(e["bottom"]) - y_off,
            )
        )
    return raw


def _check_pages(pdf: pdfium.PdfDocument, path: str | None) -> None:
    """Fail like the pdfium engine does when no page loads (pdfminer would return nothing)."""
    for i in range(len(pdf)):
        try:
            pdf[i].close()
            return
        except pdfium.PdfiumError:
            continue
    raise CorruptDocumentError("no page could be loaded (a broken or looping page tree)", path=path)


def read_pages(data: bytes, options: LoadOptions, builder: DocumentBuilder) -> list[RawPage]:
    """Words and rules of every page with the engine the options ask for, and OCR's words
    on the pages that need it."""
    engine = options.pdf_engine
    if engine not in ("auto", "pdfium", "pdfplumber"):
        raise ConfigurationError(f"unknown pdf_engine {engine!r}")
    with _open(data, options) as pdf:
        if engine != "pdfplumber":
            pages = _pdfium_pages(pdf, builder, options.path)
        else:
            _check_pages(pdf, options.path)
            pages = _plumber_pages(data, options)
        apply_ocr(pdf, pages, options.ocr, builder, threads=options.ocr_threads)
    return pages


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
    """Table rows with their table number; a table continued on the next page keeps it."""
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
            and it.page == prev.page + 1
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
