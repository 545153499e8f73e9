"""Page geometry -> reading order: running furniture, margin labels, columns. Lines are built
in ``pdf_lines`` and paragraphs in ``pdf_paragraphs``; their names are importable from here.

Everything here works on engine-neutral records (:class:`Word`, :class:`Rule`, :class:`RawPage`)
in top-down page coordinates (points, origin at the top-left corner), so the pdfium fast path
and the pdfplumber path share one layout analysis. Nothing here opens a file.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..document import FurnitureKind
from ..rules import margin_label_pattern
from ..rules.layout import FURNITURE_DIGITS, FURNITURE_PUNCTUATION, PDF_PAGE_NUMBER
from .normalise import squash
from .pdf_lines import (
    SEGMENT_GAP_EM,
    UNREADABLE_SHARE,
    OcrOutcome,
    RawPage,
    Rule,
    Segment,
    TextLine,
    Word,
    build_lines,
    ocr_confidence,
)
from .pdf_paragraphs import (
    ParaItem,
    heading_level,
    is_section_label,
    line_text,
    numbered,
    paragraphs,
)

__all__ = [
    "SEGMENT_GAP_EM",
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
    "heading_level",
    "is_section_label",
    "line_text",
    "numbered",
    "ocr_confidence",
    "order_flows",
    "paragraphs",
    "take_labels",
]

_LABEL = margin_label_pattern()

#: Share of a page height, from the top and from the bottom, searched for running furniture.
FURNITURE_BAND = 0.12
#: How far a running header or footer of several lines may reach into the page, when its
#: lines follow one another from inside the band ("Residents' Association meeting /
#: Minutes of the meeting held on … at …", two lines starting 1.4 inches down).
FURNITURE_REACH = 0.2


# --------------------------------------------------------------------------------------------
# Running headers, footers and page numbers
# --------------------------------------------------------------------------------------------


def _furniture_key(text: str) -> str:
    # Punctuation is left out: OCR reads the dash of one footer as "—", "-" or "—-" on
    # successive pages.
    return FURNITURE_DIGITS.sub("#", squash(FURNITURE_PUNCTUATION.sub(" ", text)).lower())


def find_furniture(
    pages: Sequence[tuple[RawPage, list[TextLine]]],
) -> dict[int, list[tuple[FurnitureKind, Segment]]]:
    """Segments in the top/bottom bands that repeat on most pages, or read as page numbers;
    a running header is left in the text of the first page, where it is the title.

    Returns, per page number, the furniture segments (the caller removes them from lines).
    Repetition is judged on text with digits masked, at a similar height, so "Page 3 of 12"
    and a header carrying the page's date both count as one repeated item.
    """
    seen: Counter[tuple[str, str, int]] = Counter()
    candidates: list[tuple[int, str, str, int, Segment]] = []
    for raw, lines in pages:
        keys_here: set[tuple[str, str, int]] = set()
        for line, band in _banded(lines, raw.height):
            for seg in line.segments:
                text_key, ybin = _furniture_key(seg.text), round(seg.top / 12)
                candidates.append((raw.number, band, text_key, ybin, seg))
                keys_here.add((band, text_key, ybin))
        seen.update(keys_here)
    needed = max(2, (len(pages) + 1) // 2)
    first_page = min((raw.number for raw, _ in pages), default=1)
    out: dict[int, list[tuple[FurnitureKind, Segment]]] = {}
    for page, band, text_key, ybin, seg in candidates:
        near = max(seen[(band, text_key, ybin + d)] for d in (-1, 0, 1))
        repeated = len(pages) > 1 and near >= needed
        if PDF_PAGE_NUMBER.match(squash(seg.text)):
            kind = FurnitureKind.PAGE_NUMBER
        elif repeated and band == "top" and page == first_page:
            continue  # the first page's running header is the document's own title
        elif repeated:
            kind = FurnitureKind.HEADER if band == "top" else FurnitureKind.FOOTER
        else:
            continue
        out.setdefault(page, []).append((kind, seg))
    return out


def _banded(lines: Sequence[TextLine], height: float) -> Iterator[tuple[TextLine, str]]:
    """The lines of a page that may be running furniture, with their band: those inside the
    top or bottom band, and the lines that continue them, one after another at a line's
    spacing, up to :data:`FURNITURE_REACH` into the page."""
    ordered = sorted(lines, key=lambda line: line.top)
    top: list[TextLine] = []
    for line in ordered:
        inside = line.top <= height * FURNITURE_BAND
        within_reach = line.top <= height * FURNITURE_REACH
        if inside or (top and within_reach and _continues(top[-1], line)):
            top.append(line)
        else:
            break
    bottom: list[TextLine] = []
    for line in reversed(ordered[len(top) :]):
        inside = line.top >= height * (1 - FURNITURE_BAND)
        within_reach = line.bottom >= height * (1 - FURNITURE_REACH)
        if inside or (bottom and within_reach and _continues(line, bottom[-1])):
            bottom.append(line)
        else:
            break
    yield from ((line, "top") for line in top)
    yield from ((line, "bottom") for line in bottom)


def _continues(upper: TextLine, lower: TextLine) -> bool:
    """Whether ``lower`` follows ``upper`` at a line's spacing (one block of lines)."""
    return lower.top - upper.bottom <= 0.6 * (upper.bottom - upper.top)


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
