"""PDF layout, words into lines: the word, rule and page records the engines fill, and
``build_lines``, which groups a page's words into lines of segments split at wide gaps."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..rules.layout import LIST_MARK

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
            # words with letters: an item number set in the body font ("1. **Minutes**")
            # does not make a bold title plain
            letters = [w for w in self.words if any(c.isalpha() for c in w.text)]
            self._bold = bool(letters) and all(w.bold for w in letters)
        return self._bold


def _dominant_size(words: Sequence[Word]) -> float:
    weights: Counter[float] = Counter()
    for w in words:
        weights[w.size] += len(w.text)
    return weights.most_common(1)[0][0] if weights else 0.0


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
