"""Reading a PDF's pages: opening it with pdfium (encryption, corruption, page limits and
looping page trees judged once), then the words, fonts and ruling lines of every page from
either engine (``pdfium`` or ``pdfplumber``, see :mod:`.pdf`), then OCR's words on the pages
with no usable text layer. The result is one :class:`RawPage` per page for the layout
analysis in :mod:`.pdf`."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..document import (
    DocumentBuilder,
    Severity,
)
from ..errors import (
    ConfigurationError,
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
)
from ..rules.layout import BOLD_FONT_NAME, LONE_CID, PDF_BAD_CHAR, PDF_TOKEN, PRIVATE_USE
from . import LoadOptions
from .ocr import apply_ocr
from .pdf_layout import (
    RawPage,
    Rule,
    Word,
)

__all__ = ["read_pages"]

_FORCE_BOLD = 1 << 18


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
        bold = weight >= 600 or bool(flags & _FORCE_BOLD) or bool(BOLD_FONT_NAME.search(name))
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
    for m in PDF_TOKEN.finditer(text):
        token = m.group()
        first, last = m.start(), m.end() - 1
        chars += len(token)
        # An unmapped glyph code can land on a printable letter; pdfium knows which
        # characters had no Unicode mapping, so ask it, not the text.
        if PDF_BAD_CHAR.search(token) or pdfium_c.FPDFText_HasUnicodeMapError(textpage, first):
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
        if PRIVATE_USE.match(token):
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
        if LONE_CID.match(text):
            # One unmapped glyph standing alone is a symbol-font bullet in practice (pdfium
            # maps these); a page of glyph codes is still caught by its other words.
            text = "•"
        if PDF_BAD_CHAR.search(text):
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
                bool(BOLD_FONT_NAME.search(font)),
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
