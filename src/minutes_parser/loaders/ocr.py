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
import itertools
import logging
import os
import shutil
import statistics
import subprocess
import time
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from typing import Any

import pypdfium2.raw as pdfium_c

from ..document import DocumentBuilder, Severity
from ..errors import ConfigurationError
from ..rules import HONORIFICS
from ..rules.layout import OCR_RULE_ONLY, OCR_WORD_CORE
from .pdf_layout import OcrOutcome, RawPage, Word, ocr_confidence

__all__ = [
    "OCR_DPI",
    "TESSERACT_INSTALL",
    "OcrResult",
    "apply_ocr",
    "find_tesseract",
    "image_share",
    "ocr_pages",
    "ocr_reason",
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
#: A page's text runs sideways when this share of its words (of 3+ letters, at least
#: SIDEWAYS_MIN_WORDS of them) is taller than wide.
SIDEWAYS_SHARE = 0.5
SIDEWAYS_MIN_WORDS = 5
#: A rendered page with a smaller share of dark pixels has nothing printed on it.
BLANK_INK = 1e-5
#: Tesseract reads specks and rules as punctuation; a word with no letter or digit below this
#: confidence is such noise.
NOISE_CONF = 60.0
#: OCR line sizes within this ratio of the page's usual size are that size: Tesseract's
#: estimate wobbles by ~10% between lines of one font, and the layout compares sizes to 0.6pt.
SIZE_SNAP = 0.15

#: Glyphs Tesseract mixes up in heavy or small type: "Cllr" comes out "Clir" or "C1lr".
_SAME_STROKE = "liI1|"
_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
_IMAGE_OBJECT = 3  # FPDF_PAGEOBJ_IMAGE
_TEXT_OBJECT = 1  # FPDF_PAGEOBJ_TEXT
#: Stream filters pdfium undoes for us around a JPEG ("ASCII85Decode", then "DCTDecode").
_SIMPLE_FILTERS = {"ASCII85Decode", "ASCIIHexDecode", "FlateDecode", "LZWDecode", "RunLengthDecode"}

# Why a page was OCR'd; shown in its diagnostic.
ALWAYS = "OCR was asked for every page"
UNREADABLE = "its text layer is unreadable"
NO_TEXT = "it has no text layer"
SPARSE = "its text layer is nearly empty for the image on it"


@dataclass
class OcrResult:
    """One page as OCR read it: words in page points (top-down), and the page's size."""

    words: list[Word] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    blank: bool = False
    error: str | None = None
    turned: int = 0
    """Degrees clockwise the words were turned by because the page's text ran sideways."""


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
# hOCR -> words
# --------------------------------------------------------------------------------------------

Box = tuple[float, float, float, float]


@dataclass
class _Line:
    """One hOCR line in pixels: its box, baseline and size, and its words."""

    box: Box
    words: list[tuple[str, float, Box]]
    """Text, confidence and box of each word, in reading order."""
    size: float = 0.0
    descent: float = 0.0
    baseline: tuple[float, float] | None = None
    """Slope and offset from the box's bottom-left corner; ``None`` once turned."""


def _title(element: ET.Element) -> dict[str, list[float]]:
    """The numeric properties of an hOCR ``title`` ("bbox 1 2 3 4; x_wconf 96")."""
    out: dict[str, list[float]] = {}
    for part in (element.get("title") or "").split(";"):
        key, *values = part.split()
        try:
            out[key] = [float(v) for v in values]
        except ValueError:
            continue  # the page's quoted image name
    return out


def _box(values: list[float] | None) -> Box | None:
    return (values[0], values[1], values[2], values[3]) if values and len(values) == 4 else None


def parse_hocr(hocr: str, scale: float) -> OcrResult:
    """Words of a Tesseract hOCR page in points (``scale`` pixels per point), noise dropped."""
    root = ET.fromstring(hocr)  # Tesseract's own output: no DTD fetched, no entities
    width = height = 0.0
    lines: list[_Line] = []
    for element in root.iter():
        kind = element.get("class")
        if kind == "ocr_page":
            page_box = _box(_title(element).get("bbox")) or (0.0, 0.0, 0.0, 0.0)
            width, height = page_box[2], page_box[3]
        elif kind in _LINE_CLASSES:
            line = _parse_line(element)
            if line is not None:
                lines.append(line)
    turned = _sideways(lines)
    if turned:
        width, height = _turn(lines, width, height, turned)
    words = [w for line in lines if (w := _line_words(line, scale))]
    _snap_sizes(words)
    return OcrResult(
        [w for line_words in words for w in line_words],
        width / scale,
        height / scale,
        turned=turned,
    )


def _parse_line(element: ET.Element) -> _Line | None:
    props = _title(element)
    box = _box(props.get("bbox"))
    if box is None:
        return None
    line = _Line(box, [])
    line.size = props.get("x_size", [0.0])[0]
    line.descent = props.get("x_descenders", [0.0])[0]
    slope, offset = [*props.get("baseline", []), 0.0, 0.0][:2]
    line.baseline = (slope, offset)
    for word in element.iter():
        if word.get("class") != "ocrx_word":
            continue
        wprops = _title(word)
        wbox = _box(wprops.get("bbox"))
        text = "".join(word.itertext()).strip()
        if wbox is not None and text:
            line.words.append((text, wprops.get("x_wconf", [0.0])[0], wbox))
    return line


def _sideways(lines: Sequence[_Line]) -> int:
    """0 for text that reads across; else the clockwise turn that sets sideways text upright.

    Tesseract reads a page turned a quarter round (a landscape slide scanned upright) word by
    word, but its boxes stay in the page's frame: the words are taller than wide, and a
    line's words run down the page (text turned clockwise, so 270 sets it upright) or up it.
    """
    boxes = [box for line in lines for text, _, box in line.words if len(text) >= 3]
    tall = sum(1 for x0, y0, x1, y1 in boxes if y1 - y0 > x1 - x0)
    if len(boxes) < SIDEWAYS_MIN_WORDS or tall < SIDEWAYS_SHARE * len(boxes):
        return 0
    down = sum(
        1 if b[2][1] > a[2][1] else -1 for line in lines for a, b in itertools.pairwise(line.words)
    )
    return 270 if down >= 0 else 90


def _turn(lines: Sequence[_Line], width: float, height: float, turn: int) -> tuple[float, float]:
    """Turn every box ``turn`` degrees clockwise (90 or 270) in place; the new page size."""

    def turned(box: Box) -> Box:
        x0, y0, x1, y1 = box
        if turn == 270:  # counter-clockwise: (x, y) -> (y, width - x)
            return (y0, width - x1, y1, width - x0)
        return (height - y1, x0, height - y0, x1)  # clockwise: (x, y) -> (height - y, x)

    for line in lines:
        line.box = turned(line.box)
        line.words = [(text, conf, turned(box)) for text, conf, box in line.words]
        line.baseline = None  # Tesseract's baseline is in the frame it read the line in
    return height, width


def _line_words(line: _Line, scale: float) -> list[Word]:
    x0, top0, _, y1 = line.box
    out: list[Word] = []
    for text, conf, (wx0, _, wx1, _) in line.words:
        if _is_noise(text, conf):
            continue
        # Boxes from the line's baseline and font size, not the word's own ink: a text
        # layer's words share one height per line ("now" as tall as "Type"), and the
        # layout groups lines and measures pitch on that.
        if line.baseline is not None and line.size > 0:
            slope, offset = line.baseline
            bottom = y1 + offset + slope * ((wx0 + wx1) / 2 - x0) + line.descent
            top = bottom - line.size
        else:
            top, bottom = top0, y1
        size = round((line.size or (bottom - top)) / scale, 1)
        out.append(
            Word(
                fix_honorific(text),
                wx0 / scale,
                wx1 / scale,
                top / scale,
                bottom / scale,
                size,
                False,
                "ocr",
                conf,
            )
        )
    return out


@cache
def _honorific_spellings() -> frozenset[str]:
    return frozenset(h for h in HONORIFICS if " " not in h and len(h) >= 3)


def fix_honorific(text: str) -> str:
    """Undo a one-stroke misreading ("Clir" for "Cllr") of an honorific.

    The attendee extractor keys on honorifics, and "l"/"i"/"1" are the pair OCR confuses
    most; only words that are no honorific as read but exactly one when those glyphs are
    swapped are changed, so ordinary words are never touched.
    """
    m = OCR_WORD_CORE.match(text)
    if m is None:
        return text
    lead, core, trail = m.groups()
    known = _honorific_spellings()
    spots = [i for i, c in enumerate(core) if c in _SAME_STROKE]
    if core.lower() in known or not spots or len(spots) > 4:
        return text
    found: set[str] = set()
    for letters in product("li", repeat=len(spots)):
        chars = list(core)
        for i, letter in zip(spots, letters, strict=True):
            chars[i] = letter
        if "".join(chars).lower() in known:
            found.add("".join(chars))
    return f"{lead}{found.pop()}{trail}" if len(found) == 1 else text


def _is_noise(text: str, conf: float) -> bool:
    if OCR_RULE_ONLY.match(text):
        return True  # an underline or a table rule read as characters
    return conf < NOISE_CONF and not any(c.isalnum() for c in text)


def _snap_sizes(lines: Sequence[list[Word]]) -> None:
    """Give lines near the page's usual size exactly that size (see :data:`SIZE_SNAP`)."""
    sizes = [w.size for line in lines for w in line for _ in w.text]
    if not sizes:
        return
    usual = round(statistics.median(sizes) * 2) / 2
    for line in lines:
        size = line[0].size
        snapped = usual if abs(size - usual) <= SIZE_SNAP * usual else round(size * 2) / 2
        for w in line:
            w.size = snapped


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
