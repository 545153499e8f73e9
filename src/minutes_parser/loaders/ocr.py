"""OCR for PDF pages whose text layer is missing or unreadable: pdfium renders, Tesseract reads.

:func:`apply_ocr` is the PDF loader's one call. It decides page by page what needs OCR
(:func:`ocr_reason`), renders those pages to grayscale with pdfium, runs the ``tesseract``
binary on each in a thread pool, and puts the words it read, in page points, into the page's
:class:`~.pdf_layout.RawPage`. From there an OCR'd page goes through the same line, paragraph
and table analysis as a text page; every OCR'd word keeps its confidence, so each block can
report the mean of its words.

Why the binary and hOCR: the image goes in on stdin and hOCR comes out on stdout, so there
are no temporary files and no Python wrapper to install. hOCR, unlike TSV, gives each line
Tesseract's font size estimate and baseline, which the layout needs to judge gaps, headings
and paragraph breaks in ems. Each Tesseract runs single-threaded: its OpenMP threads cost
more than they gain (a page took ~4x longer wall time on 2 cores), so the parallelism is
across pages instead.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

from ..document import DocumentBuilder, Severity
from ..errors import ConfigurationError
from .ocr_hocr import (
    OcrResult,
    fix_honorific,
    parse_hocr,
)
from .pdf_layout import OcrOutcome, RawPage, Word, ocr_confidence

__all__ = [
    "OCR_DPI",
    "TESSERACT_INSTALL",
    "OcrResult",
    "apply_ocr",
    "find_tesseract",
    "fix_honorific",
    "image_share",
    "ocr_pages",
    "ocr_reason",
    "parse_hocr",
]

logger = logging.getLogger(__name__)

TESSERACT_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-eng"
#: Render resolution. bench/ocr.py (51 born-digital pages) measured median CER 0.23% / 0.24% /
#: 0.22% at 200 / 300 / 400 dpi for 1.8 / 2.2 / 2.8 CPU s a page; on the 300-dpi alameda scan
#: 300 leaves fewer unsure words than 200. 300 matches common scan resolutions and keeps
#: 8pt type above Tesseract's ~10px x-height floor; 400 costs 30% more for little.
OCR_DPI = 300
OCR_LANG = "eng"
#: Seconds one page may take before Tesseract is stopped.
PAGE_TIMEOUT = 180.0
#: Fewer readable characters than this over images covering at least SPARSE_IMAGE_SHARE of
#: the page: a scan carrying a stamp, a page number or a header, not a text page.
SPARSE_CHARS = 100
SPARSE_IMAGE_SHARE = 0.3
#: What OCR reads in the images of such a page is kept only at this mean confidence or
#: above: printed text scores 85-96, while maps and photos read as letter soup score 30-60.
PICTURE_CONFIDENCE = 70.0
#: A rendered page with a smaller share of dark pixels has nothing printed on it.
BLANK_INK = 1e-5

_IMAGE_OBJECT = 3  # FPDF_PAGEOBJ_IMAGE
_TEXT_OBJECT = 1  # FPDF_PAGEOBJ_TEXT
#: Stream filters pdfium undoes for us around a JPEG ("ASCII85Decode", then "DCTDecode").
_SIMPLE_FILTERS = {"ASCII85Decode", "ASCIIHexDecode", "FlateDecode", "LZWDecode", "RunLengthDecode"}

# Why a page was OCR'd; shown in its diagnostic.
ALWAYS = "OCR was asked for every page"
UNREADABLE = "its text layer is unreadable"
NO_TEXT = "it has no text layer"
SPARSE = "its text layer is nearly empty for the image on it"


def find_tesseract() -> str | None:
    """Path of the ``tesseract`` binary, or ``None`` when it is not installed."""
    return shutil.which("tesseract")


# --------------------------------------------------------------------------------------------
# Which pages
# --------------------------------------------------------------------------------------------


def ocr_reason(raw: RawPage, pdf: Any, mode: str) -> str | None:
    """Why ``raw`` needs OCR under ``mode``, or ``None`` when its text layer will do."""
    if raw.width == 0:
        return None  # the page did not load; there is nothing to render either
    if mode == "always":
        return ALWAYS
    if raw.unreadable:
        return UNREADABLE
    if raw.chars == 0:
        return NO_TEXT
    readable = sum(len(w.text) for w in raw.words)
    if readable < SPARSE_CHARS and image_share(pdf, raw.number) >= SPARSE_IMAGE_SHARE:
        return SPARSE
    return None


def image_share(pdf: Any, number: int) -> float:
    """Share of page ``number`` covered by images (overlaps counted twice, capped at 1)."""
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        area = 0.0
        for obj in page.get_objects(max_depth=2):
            if obj.type == _IMAGE_OBJECT:
                left, bottom, right, top = obj.get_bounds()
                area += max(right - left, 0.0) * max(top - bottom, 0.0)
        return min(area / (width * height), 1.0) if width * height > 0 else 0.0
    finally:
        page.close()


# --------------------------------------------------------------------------------------------
# Rendering and running Tesseract
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Image:
    width: int
    height: int
    gray: bytes
    """One byte per pixel, rows without padding."""

    def pgm(self) -> bytes:
        return b"P5\n%d %d\n255\n" % (self.width, self.height) + self.gray

    @property
    def ink(self) -> float:
        """Share of dark pixels (the dark bytes are deleted, in C, and the rest counted)."""
        light = self.gray.translate(None, bytes(range(128)))
        return (len(self.gray) - len(light)) / max(len(self.gray), 1)


def _render(pdf: Any, number: int, dpi: int) -> _Image:
    page = pdf[number - 1]
    try:
        scan = _decode_scan(page, dpi)
        if scan is not None:
            return scan
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        try:
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            raw = bytes(bitmap.buffer)
        finally:
            bitmap.close()
    finally:
        page.close()
    if stride != width:
        raw = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    return _Image(width, height, raw)


def _decode_scan(page: Any, dpi: int) -> _Image | None:
    """The page's image at ``dpi``, decoded from its JPEG, when all the page shows is one
    JPEG covering it (how scanners write PDFs, often with an invisible OCR text layer on
    top); ``None`` otherwise.

    Rendering makes pdfium decode the scan at full resolution in colour first: ~130 MB for
    one 400-dpi letter page, 4x that at 600 dpi, which is most of a worker's peak memory.
    libjpeg can instead decode straight to grey at 1/2, 1/4 or 1/8 scale (Pillow's
    ``draft``), so the full colour image never exists here.
    """
    shown = [o for o in page.get_objects(max_depth=1) if not _invisible_text(o)]
    if len(shown) != 1 or shown[0].type != _IMAGE_OBJECT:
        return None
    image = shown[0]
    *wrappers, last = list(image.get_filters()) or [""]
    if last != "DCTDecode" or not set(wrappers) <= _SIMPLE_FILTERS:
        return None
    matrix = image.get_matrix()
    if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
        return None  # turned or mirrored: leave the geometry to pdfium
    left, bottom, right, top = page.get_cropbox()
    bounds = image.get_bounds()
    if max(abs(p - q) for p, q in zip(bounds, (left, bottom, right, top), strict=True)) > 1:
        return None  # not the whole page: other parts of it would be lost
    from PIL import Image  # Pillow comes with pdfplumber

    size = (round((right - left) * dpi / 72), round((top - bottom) * dpi / 72))
    # /Rotate turns the page clockwise; Pillow's transpositions are named anticlockwise.
    turn = {
        90: Image.Transpose.ROTATE_270,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_90,
    }.get(page.get_rotation() % 360)
    try:
        with Image.open(io.BytesIO(image.get_data(decode_simple=True))) as jpeg:
            if jpeg.format != "JPEG" or jpeg.mode not in ("L", "RGB"):
                return None  # CMYK and odd JPEGs need pdfium's colour handling
            jpeg.draft("L", size)  # the smallest DCT scale at least this size, in grey
            gray = jpeg.convert("L")
        if gray.size != size:
            gray = gray.resize(size, Image.Resampling.BOX)
        if turn is not None:  # the page's /Rotate, which pdfium's rendering would apply
            gray = gray.transpose(turn)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None  # pdfium may still make something of it
    return _Image(gray.width, gray.height, gray.tobytes())


def _invisible_text(obj: Any) -> bool:
    """A text object drawn in render mode 3 (neither filled nor stroked): a scan's OCR layer."""
    return bool(obj.type == _TEXT_OBJECT and pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) == 3)


def _run_tesseract(exe: str, image: _Image, dpi: int) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = [exe, "stdin", "stdout", "-l", OCR_LANG, "--dpi", str(dpi), "hocr"]
    # A fixed argument list and no shell: nothing from the document reaches the command.
    done = subprocess.run(
        cmd, input=image.pgm(), capture_output=True, timeout=PAGE_TIMEOUT, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(_failure(done.stderr.decode("utf-8", "replace")))
    return done.stdout.decode("utf-8", "replace")


def _failure(stderr: str) -> str:
    if "Failed loading language" in stderr or "traineddata" in stderr:
        return f"Tesseract has no {OCR_LANG!r} language data ({TESSERACT_INSTALL})"
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    return lines[-1] if lines else "Tesseract failed"


def _read_one(exe: str, image: _Image, dpi: int) -> OcrResult:
    scale = dpi / 72
    if image.ink < BLANK_INK:
        return OcrResult(width=image.width / scale, height=image.height / scale, blank=True)
    try:
        return parse_hocr(_run_tesseract(exe, image, dpi), scale)
    except (OSError, RuntimeError, subprocess.SubprocessError, ET.ParseError) as exc:
        return OcrResult(
            width=image.width / scale,
            height=image.height / scale,
            error=str(exc) or type(exc).__name__,
        )


def ocr_pages(
    pdf: Any, numbers: Sequence[int], *, exe: str, dpi: int = OCR_DPI, threads: int | None = None
) -> Iterator[tuple[int, OcrResult]]:
    """OCR the pages ``numbers`` (1-based) of an open pdfium document, in order.

    Pages render one at a time on this thread (pdfium is not thread-safe) while Tesseract
    processes run on up to ``threads`` (default ``os.cpu_count()``) pages; at most twice that
    many rendered images wait, so memory stays bounded on long scans.
    """
    workers = max(1, min(threads or os.cpu_count() or 1, len(numbers)))
    pending: deque[tuple[int, Future[OcrResult]]] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        for number in numbers:
            pending.append((number, pool.submit(_read_one, exe, _render(pdf, number, dpi), dpi)))
            while len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


# --------------------------------------------------------------------------------------------
# The loader's entry point
# --------------------------------------------------------------------------------------------


def apply_ocr(
    pdf: Any,
    pages: Sequence[RawPage],
    mode: str,
    builder: DocumentBuilder,
    *,
    threads: int | None = None,
) -> None:
    """OCR the pages that need it under ``mode`` and put the words read into them."""
    if mode not in ("auto", "always", "never"):
        raise ConfigurationError(f"unknown ocr mode {mode!r}")
    if mode == "never":
        return
    wanted = {raw.number: reason for raw in pages if (reason := ocr_reason(raw, pdf, mode))}
    if not wanted:
        return
    exe = find_tesseract()
    if exe is None:
        builder.diagnose(
            "ocr_unavailable",
            f"{_pages_phrase(sorted(wanted))} "
            f"{'needs' if len(wanted) == 1 else 'need'} OCR, but Tesseract is not installed "
            f"(install it with `{TESSERACT_INSTALL}`); only the text layer was read",
            Severity.WARNING,
        )
        return
    by_number = {raw.number: raw for raw in pages}
    failures: dict[str, list[int]] = {}
    start = time.perf_counter()
    for number, result in ocr_pages(pdf, sorted(wanted), exe=exe, threads=threads):
        raw = by_number[number]
        raw.ocr = _merge(raw, result, wanted[number])
        if result.error is not None:
            failures.setdefault(result.error, []).append(number)
    logger.debug("OCR of %d pages took %.1fs", len(wanted), time.perf_counter() - start)
    for error, numbers in failures.items():
        builder.diagnose(
            "ocr_failed",
            f"OCR failed on {_pages_phrase(numbers)}: {error}",
            Severity.WARNING,
            page=numbers[0] if len(numbers) == 1 else None,
        )


def _merge(raw: RawPage, result: OcrResult, reason: str) -> OcrOutcome:
    """Put OCR's words into ``raw`` and say what came of it."""
    if result.error is not None:
        return OcrOutcome("failed", reason, error=result.error)
    if result.blank:
        return OcrOutcome("blank", reason)
    if not result.words:
        return OcrOutcome("empty", reason)
    confidence = ocr_confidence(result.words)
    if reason == SPARSE and (confidence or 0.0) < PICTURE_CONFIDENCE:
        return OcrOutcome("rejected", reason, confidence=confidence, words=len(result.words))
    same_frame = abs(raw.width - result.width) < 1 and abs(raw.height - result.height) < 1
    if reason == SPARSE and same_frame:
        # A sparse text layer over a scan: keep its exact words and add what OCR read
        # elsewhere (the image's text).
        raw.words = raw.words + [w for w in result.words if not _covered(w, raw.words)]
    else:
        raw.words = list(result.words)
    if not same_frame:
        # A rotated page renders turned; its drawn rules are still in the unturned frame.
        raw.rules = []
        raw.width, raw.height = result.width, result.height
    return OcrOutcome("read", reason, confidence=confidence, words=len(result.words))


def _covered(word: Word, text_words: Sequence[Word], pad: float = 2.0) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return any(
        t.x0 - pad <= cx <= t.x1 + pad and t.top - pad <= cy <= t.bottom + pad for t in text_words
    )


def _pages_phrase(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    shown = ", ".join(str(n) for n in numbers[:12])
    more = f" and {len(numbers) - 12} more" if len(numbers) > 12 else ""
    return f"{len(numbers)} pages ({shown}{more})"
