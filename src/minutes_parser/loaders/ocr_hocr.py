"""OCR, reading Tesseract's hOCR: lines and words with their boxes and confidences, a page
whose text runs sideways turned upright, honorifics Tesseract misreads ("Clir") repaired,
specks dropped and line sizes snapped to the page's usual size."""

from __future__ import annotations

import itertools
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import product

from ..rules import HONORIFICS
from ..rules.layout import OCR_RULE_ONLY, OCR_WORD_CORE
from .pdf_layout import Word

#: A page's text runs sideways when this share of its words (of 3+ letters, at least
#: SIDEWAYS_MIN_WORDS of them) is taller than wide.
SIDEWAYS_SHARE = 0.5


SIDEWAYS_MIN_WORDS = 5


#: Tesseract reads specks and rules as punctuation; a word with no letter or digit below this
#: confidence is such noise.
NOISE_CONF = 60.0


#: OCR line sizes within this ratio of the page's usual size are that size: Tesseract's
#: estimate wobbles by ~10% between lines of one font, and the layout compares sizes to 0.6pt.
SIZE_SNAP = 0.15


#: Glyphs Tesseract mixes up in heavy or small type: "Cllr" comes out "Clir" or "C1lr".
_SAME_STROKE = "liI1|"


_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}


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
