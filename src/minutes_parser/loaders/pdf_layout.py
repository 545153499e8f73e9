"""Page geometry -> reading order: lines, segments, furniture, margin labels, columns, paragraphs.

Everything here works on engine-neutral records (:class:`Word`, :class:`Rule`, :class:`RawPage`)
in top-down page coordinates (points, origin at the top-left corner), so the pdfium fast path
and the pdfplumber path share one layout analysis. Nothing here opens a file.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..document import BlockKind, FurnitureKind, Style
from ..rules import SECTION_LABELS, TERMINAL_PUNCTUATION, margin_label_pattern
from ..rules.layout import HEADING_NUMBER, LIST_MARK, PDF_NUMBERED, PDF_PAGE_NUMBER
from .normalise import clean_chars, join_hyphenated, split_bullet, squash

__all__ = [
    "UNREADABLE_SHARE",
    "Flow",
    "OcrOutcome",
    "ParaItem",
    "RawPage",
    "Rule",
    "Segment",
    "TextLine",
    "Word",
    "build_lines",
    "find_furniture",
    "ocr_confidence",
    "order_flows",
    "paragraphs",
    "take_labels",
]

_LABEL = margin_label_pattern()

#: Share of a page height, from the top and from the bottom, searched for running furniture.
FURNITURE_BAND = 0.12
#: A horizontal gap wider than this many font sizes splits a line into segments (cells,
#: columns, a margin label and its content). Justified text rarely stretches a space past 1 em.
SEGMENT_GAP_EM = 1.2
#: A page whose characters are at least this share of glyph codes is unreadable as a whole.
UNREADABLE_SHARE = 0.3


@dataclass(slots=True)
class Word:
    """A word and its box; ``size`` is in points, rounded to 0.1 by the engines."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    font: str = ""
    conf: float | None = None
    """Tesseract's confidence (0–100) for a word read by OCR; ``None`` for text-layer words."""


def ocr_confidence(words: Iterable[Word]) -> float | None:
    """Mean OCR confidence of the OCR'd words among ``words``; ``None`` when none was OCR'd."""
    confs = [w.conf for w in words if w.conf is not None]
    return round(statistics.fmean(confs), 1) if confs else None


@dataclass(slots=True)
class Rule:
    """A ruling line (or a thin filled rectangle drawn as one), top-down coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) <= 3 and (self.x1 - self.x0) > 3

    @property
    def vertical(self) -> bool:
        return (self.x1 - self.x0) <= 3 and (self.bottom - self.top) > 3


@dataclass(frozen=True)
class OcrOutcome:
    """What OCR made of a page (set on :attr:`RawPage.ocr` only for pages OCR was tried on)."""

    status: Literal["read", "empty", "blank", "failed", "rejected"]
    """``read``: words found; ``empty``: ink but no words; ``blank``: nothing printed, so
    Tesseract was not run; ``failed``: Tesseract failed (see ``error``); ``rejected``: what
    it read in a picture was too unsure to keep."""
    reason: str
    """Why the page was OCR'd ("no text layer", "unreadable text", ...)."""
    confidence: float | None = None
    words: int = 0
    error: str | None = None


@dataclass
class RawPage:
    """What an engine read from one page."""

    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    chars: int = 0
    """Non-space characters on the page (readable or not)."""
    bad_chars: int = 0
    """Characters that are glyph codes, not text (no Unicode map, ``(cid:NN)``)."""
    bad_cause: str | None = None
    ocr: OcrOutcome | None = None

    @property
    def unreadable(self) -> bool:
        """So many glyph codes that the text layer is useless as a whole."""
        return self.chars > 0 and self.bad_chars / self.chars >= UNREADABLE_SHARE


@dataclass(slots=True)
class Segment:
    """A run of words on one line with no wide gap: a cell, a column's line, a label."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class TextLine:
    segments: list[Segment]
    page: int
    _size: float | None = None
    _bold: bool | None = None

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)

    @property
    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def size(self) -> float:
        if self._size is None:
            self._size = _dominant_size(self.words)
        return self._size

    @property
    def bold(self) -> bool:
        if self._bold is None:
            letters = [w for w in self.words if any(c.isalnum() for c in w.text)]
            self._bold = bool(letters) and all(w.bold for w in letters)
        return self._bold


def _dominant_size(words: Sequence[Word]) -> float:
    weights: Counter[float] = Counter()
    for w in words:
        weights[w.size] += len(w.text)
    return weights.most_common(1)[0][0] if weights else 0.0


# --------------------------------------------------------------------------------------------
# Lines and segments
# --------------------------------------------------------------------------------------------


def build_lines(words: Iterable[Word], page: int) -> list[TextLine]:
    """Group words into lines by vertical centre, then split each line at wide gaps."""
    ordered = sorted(words, key=lambda w: (w.top + w.bottom) / 2)
    groups: list[list[Word]] = []
    centre = height = 0.0
    for w in ordered:
        c = (w.top + w.bottom) / 2
        h = max(w.bottom - w.top, 1.0)
        if groups and abs(c - centre) <= 0.45 * min(h, height):
            groups[-1].append(w)
            n = len(groups[-1])
            centre += (c - centre) / n
            continue
        groups.append([w])
        centre, height = c, h
    return [TextLine(_segments(sorted(g, key=lambda w: w.x0)), page) for g in groups]


def _segments(words: Sequence[Word]) -> list[Segment]:
    out: list[Segment] = [Segment([words[0]])]
    for w in words[1:]:
        prev = out[-1].words[-1]
        gap = w.x0 - prev.x1
        if gap > SEGMENT_GAP_EM * max(prev.size, w.size, 4.0) and not _is_marker(out[-1]):
            out.append(Segment([w]))
        else:
            out[-1].words.append(w)
    return out


def _is_marker(seg: Segment) -> bool:
    """A bullet or list number set off by a tab belongs with the text after it."""
    return len(seg.words) == 1 and bool(LIST_MARK.match(seg.words[0].text))


# --------------------------------------------------------------------------------------------
# Running headers, footers and page numbers
# --------------------------------------------------------------------------------------------


def _furniture_key(text: str) -> str:
    # Punctuation is left out: OCR reads the dash of one footer as "—", "-" or "—-" on
    # successive pages.
    return re.sub(r"\d+", "#", squash(re.sub(r"[\W_]+", " ", text)).lower())


def find_furniture(
    pages: Sequence[tuple[RawPage, list[TextLine]]],
) -> dict[int, list[tuple[FurnitureKind, Segment]]]:
    """Segments in the top/bottom bands that repeat on most pages, or read as page numbers.

    Returns, per page number, the furniture segments (the caller removes them from lines).
    Repetition is judged on text with digits masked, at a similar height, so "Page 3 of 12"
    and a header carrying the page's date both count as one repeated item.
    """
    seen: Counter[tuple[str, str, int]] = Counter()
    candidates: list[tuple[int, str, str, int, Segment]] = []
    for raw, lines in pages:
        keys_here: set[tuple[str, str, int]] = set()
        for line in lines:
            band = _band(line, raw.height)
            if band is None:
                continue
            for seg in line.segments:
                text_key, ybin = _furniture_key(seg.text), round(seg.top / 12)
                candidates.append((raw.number, band, text_key, ybin, seg))
                keys_here.add((band, text_key, ybin))
        seen.update(keys_here)
    needed = max(2, (len(pages) + 1) // 2)
    out: dict[int, list[tuple[FurnitureKind, Segment]]] = {}
    for page, band, text_key, ybin, seg in candidates:
        near = max(seen[(band, text_key, ybin + d)] for d in (-1, 0, 1))
        repeated = len(pages) > 1 and near >= needed
        if PDF_PAGE_NUMBER.match(squash(seg.text)):
            kind = FurnitureKind.PAGE_NUMBER
        elif repeated:
            kind = FurnitureKind.HEADER if band == "top" else FurnitureKind.FOOTER
        else:
            continue
        out.setdefault(page, []).append((kind, seg))
    return out


def _band(line: TextLine, height: float) -> str | None:
    if line.bottom <= height * FURNITURE_BAND:
        return "top"
    if line.top >= height * (1 - FURNITURE_BAND):
        return "bottom"
    return None


def drop_segments(lines: list[TextLine], dropped: Iterable[Segment]) -> list[TextLine]:
    ids = {id(s) for s in dropped}
    out: list[TextLine] = []
    for line in lines:
        kept = [s for s in line.segments if id(s) not in ids]
        if kept:
            out.append(TextLine(kept, line.page))
    return out


# --------------------------------------------------------------------------------------------
# Margin labels
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Label:
    text: str
    top: float
    page: int


def _label_only(text: str) -> str | None:
    m = _LABEL.match(text)
    if m and not m.group("rest").strip(" *"):
        return squash(m.group("label"))
    return None


def _body_left(lines: Sequence[TextLine]) -> float:
    starts = Counter(round(ln.x0 / 4) for ln in lines)
    return starts.most_common(1)[0][0] * 4 - 2 if starts else 0.0


def take_labels(lines: list[TextLine]) -> tuple[list[TextLine], list[Label]]:
    """Remove template margin labels ("Agenda item:", "Action:") printed left of the body.

    A label is a segment (or two stacked segments, "Agenda" / "item:") standing left of the
    page's usual text start, whose whole text is a known label from :mod:`..rules`; anything
    else in that strip stays in the text flow.
    """
    if not lines:
        return lines, []
    left = _body_left(lines)
    strip = [
        (i, ln.segments[0])
        for i, ln in enumerate(lines)
        if ln.segments[0].x1 < left and (len(ln.segments) > 1 or ln.x1 < left)
    ]
    labels: list[Label] = []
    taken: list[Segment] = []
    k = 0
    while k < len(strip):
        i, seg = strip[k]
        name = _label_only(seg.text)
        if name is None and k + 1 < len(strip):
            j, nxt = strip[k + 1]
            name = _label_only(f"{seg.text} {nxt.text}")
            if name is not None and j == i + 1 and nxt.top - seg.bottom < seg.bottom - seg.top:
                labels.append(Label(name, seg.top, lines[i].page))
                taken += [seg, nxt]
                k += 2
                continue
            name = None
        if name is not None:
            labels.append(Label(name, seg.top, lines[i].page))
            taken.append(seg)
        k += 1
    return drop_segments(lines, taken), labels


# --------------------------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------------------------


@dataclass
class Flow:
    """Lines read as one stream (a full-width band, or one column of a band)."""

    lines: list[TextLine]


def order_flows(lines: list[TextLine], width: float) -> list[Flow]:
    """Split a page into flows read in order: two-column bands are read column by column."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return [Flow(lines)]
    g0, g1 = gutter
    flows: list[Flow] = []
    left: list[TextLine] = []
    right: list[TextLine] = []

    def flush() -> None:
        for part in (left, right):
            if part:
                flows.append(Flow(list(part)))
                part.clear()

    for line in lines:
        if any(s.x0 < g1 and s.x1 > g0 for s in line.segments):
            flush()
            flows.append(Flow([line]))
            continue
        ls = [s for s in line.segments if s.x1 <= g0]
        rs = [s for s in line.segments if s.x0 >= g1]
        if ls:
            left.append(TextLine(ls, line.page))
        if rs:
            right.append(TextLine(rs, line.page))
    flush()
    return [f for f in flows if f.lines]


def _gutter(lines: Sequence[TextLine], width: float) -> tuple[float, float] | None:
    """A vertical white strip near the middle that most lines respect, with filled text
    (not table cells) on both sides."""
    if len(lines) < 8 or width <= 0:
        return None
    bins = int(width // 2) + 1
    cover = [0] * bins
    for line in lines:
        for s in line.segments:
            for b in range(max(int(s.x0 // 2), 0), min(int(s.x1 // 2) + 1, bins)):
                cover[b] += 1
    lo, hi = int(width * 0.3 // 2), int(width * 0.7 // 2)
    limit = max(1, len(lines) // 10)
    best: tuple[int, int] | None = None
    start: int | None = None
    for b in range(lo, hi + 1):
        if cover[b] <= limit:
            start = b if start is None else start
            if best is None or b - start > best[1] - best[0]:
                best = (start, b)
        else:
            start = None
    if best is None or (best[1] - best[0] + 1) * 2 < 8:
        return None
    g0, g1 = best[0] * 2.0, best[1] * 2.0 + 2
    if not (_filled(lines, g0, g1, left=True) and _filled(lines, g0, g1, left=False)):
        return None
    return g0, g1


def _filled(lines: Sequence[TextLine], g0: float, g1: float, *, left: bool) -> bool:
    segs = [s for ln in lines for s in ln.segments if (s.x1 <= g0 if left else s.x0 >= g1)]
    if len(segs) < 5:
        return False
    x0 = min(s.x0 for s in segs)
    x1 = max(s.x1 for s in segs)
    full = sum(1 for s in segs if s.x1 - s.x0 >= 0.7 * (x1 - x0))
    words = statistics.median(len(s.words) for s in segs)
    # Running text fills its column line after line with many words; a name column of a
    # borderless table does neither.
    return full >= 0.5 * len(segs) and words >= 5


# --------------------------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------------------------


@dataclass
class ParaItem:
    """A block draft: one paragraph, heading or list item, in reading order."""

    kind: BlockKind
    lines: list[TextLine]
    label: str | None = None
    text: str = ""
    size: float = 0.0
    bold: bool = False

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    def style(self) -> Style:
        return Style(bold=self.bold, size=round(self.size, 1) or None)


def line_text(line: TextLine) -> str:
    return squash(clean_chars(line.text))


def paragraphs(flow: Sequence[TextLine], body_size: float) -> list[ParaItem]:
    """Join a flow's lines into paragraphs; gaps, indents, fonts and bullets break them."""
    items: list[ParaItem] = []
    pitch = _line_pitch(flow)
    flow_x1 = max((ln.x1 for ln in flow), default=0.0)
    for i, line in enumerate(flow):
        text = line_text(line)
        if not text:
            continue
        bullet, _ = split_bullet(text)
        if items and i > 0 and not bullet and _continues(flow[i - 1], line, pitch, flow_x1):
            items[-1].lines.append(line)
            continue
        kind = BlockKind.LIST_ITEM if bullet else BlockKind.PARAGRAPH
        items.append(ParaItem(kind, [line]))
    for item in items:
        _finish(item, body_size)
    return items


def _line_pitch(flow: Sequence[TextLine]) -> float:
    gaps = [
        b.top - a.top
        for a, b in itertools.pairwise(flow)
        if 0 < b.top - a.top < 3 * max(a.size, 1.0) and b.page == a.page
    ]
    return statistics.median(gaps) if gaps else 0.0


def _continues(prev: TextLine, line: TextLine, pitch: float, flow_x1: float) -> bool:
    """Whether ``line`` goes on with the paragraph ``prev`` ends."""
    size = max(prev.size, 1.0)
    if line.page != prev.page:
        return False
    step = line.top - prev.top
    if step <= 0 or step > max(pitch, size) * 1.35:
        return False
    if abs(line.size - prev.size) > 0.6 or line.bold != prev.bold:
        return False
    prev_text = line_text(prev)
    text = line_text(line)
    if PDF_NUMBERED.match(text) and not text[:1].islower() and _ends_sentence(prev_text):
        return False
    if PDF_NUMBERED.match(text) and prev_text.endswith(":"):
        return False
    if line.x0 > prev.x0 + 1.5 * size and not _hangs(prev):
        return False  # an indented first line opens a new paragraph
    # A short line ending a sentence closes its paragraph when the next word would have fit.
    first_word = line.words[0]
    room = flow_x1 - prev.x1
    if _ends_sentence(prev_text) and room > (first_word.x1 - first_word.x0) + size:
        return text[:1].islower()
    return True


def _hangs(prev: TextLine) -> bool:
    """The previous line opens with a bullet or number: following lines indent under it."""
    first = prev.words[0].text
    return bool(LIST_MARK.match(first))


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(" \"'”’)")
    return bool(t) and t[-1] in TERMINAL_PUNCTUATION


def _finish(item: ParaItem, body_size: float) -> None:
    text = ""
    for line in item.lines:
        t = line_text(line)
        text = join_hyphenated(text, t) if text else t
    if item.kind is BlockKind.LIST_ITEM:
        _, text = split_bullet(text)
    item.text = squash(text)
    words = [w for ln in item.lines for w in ln.words]
    item.size = _dominant_size(words)
    item.bold = all(ln.bold for ln in item.lines)
    if item.kind is BlockKind.PARAGRAPH and _is_heading(item, body_size):
        item.kind = BlockKind.HEADING
    elif item.kind is BlockKind.PARAGRAPH and PDF_NUMBERED.match(item.text) and not item.bold:
        item.kind = BlockKind.LIST_ITEM


def _is_heading(item: ParaItem, body_size: float) -> bool:
    if len(item.text) > 200 or len(item.lines) > 3 or not item.text[:1].isalnum():
        return False
    bigger = body_size > 0 and item.size >= max(body_size + 1.0, body_size * 1.12)
    return bigger or (item.bold and len(item.text) <= 160)


def heading_level(item: ParaItem, sizes: Sequence[float]) -> int:
    """Level from the section number ("4.1" -> 2), else from the font size rank."""
    m = HEADING_NUMBER.match(item.text)
    if m:
        return m.group(1).count(".") + 1
    bigger = sorted({s for s in sizes if s > item.size + 0.5}, reverse=True)
    return min(len(bigger) + 1, 6)


def is_section_label(label: str) -> bool:
    return label.lower() in SECTION_LABELS


def numbered(text: str) -> bool:
    return bool(PDF_NUMBERED.match(text))
