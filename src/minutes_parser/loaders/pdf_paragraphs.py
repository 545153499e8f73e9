"""PDF layout, lines into paragraphs: a flow's lines joined into paragraph items (continuation,
hanging indents, sentence ends), and which items are headings and at what level."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..document import BlockKind, Style
from ..rules import SECTION_LABELS, TERMINAL_PUNCTUATION
from ..rules.layout import HEADING_NUMBER, LIST_MARK, PDF_NUMBERED
from .normalise import clean_chars, join_hyphenated, split_bullet, squash
from .pdf_lines import SEGMENT_GAP_EM as SEGMENT_GAP_EM
from .pdf_lines import UNREADABLE_SHARE as UNREADABLE_SHARE
from .pdf_lines import OcrOutcome as OcrOutcome
from .pdf_lines import RawPage as RawPage
from .pdf_lines import Rule as Rule
from .pdf_lines import Segment as Segment
from .pdf_lines import TextLine as TextLine
from .pdf_lines import Word as Word
from .pdf_lines import _dominant_size
from .pdf_lines import build_lines as build_lines
from .pdf_lines import ocr_confidence as ocr_confidence


@dataclass
class ParaItem:
    """A block draft: one paragraph, heading or list item, in reading order."""

    kind: BlockKind
    lines: list[TextLine]
    label: str | None = None
    text: str = ""
    size: float = 0.0
    bold: bool = False
    broken: set[int] = field(default_factory=set)
    """Lines (by index) that start on a line of their own: the line before stopped short
    where the paragraph's next word would have fit ("Robbie Armenti" / "Katch Bacheller,
    Chair" / …), so the writer broke it there. Their text keeps the break ("\\n")."""

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
            if not text[:1].islower() and _stops_short(flow[i - 1], line, flow_x1):
                items[-1].broken.add(len(items[-1].lines))
            items[-1].lines.append(line)
            continue
        kind = BlockKind.LIST_ITEM if bullet else BlockKind.PARAGRAPH
        items.append(ParaItem(kind, [line]))
    out: list[ParaItem] = []
    for item in items:
        for part in _split_bold_lead(item):
            _finish(part, body_size)
            out.append(part)
    return out


#: Most words a numbered item's bold title run in before its text may have.
BOLD_LEAD_MAX_WORDS = 12


def _split_bold_lead(item: ParaItem) -> list[ParaItem]:
    """ "1. **Minutes** Minutes of the 2017 APCM had been posted …": a numbered item whose
    title is set in bold with its text run on after it, as two blocks: the title (a
    heading) and the text. A bold label ending with a colon ("1. **Present:** …") stays."""
    if item.kind is BlockKind.HEADING or not item.lines:
        return [item]
    first = item.lines[0]
    words = first.words
    if len(words) < 3 or words[0].bold or not HEADING_NUMBER.match(words[0].text + " "):
        return [item]
    k = 1
    while k < len(words) and words[k].bold:
        k += 1
    bold = words[1:k]
    if not bold or len(bold) > BOLD_LEAD_MAX_WORDS or k == len(words):
        return [item]
    if bold[-1].text.endswith(":"):
        return [item]
    title = ParaItem(BlockKind.HEADING, [TextLine([Segment(words[:k])], first.page)])
    rest = ParaItem(
        item.kind, [TextLine([Segment(words[k:])], first.page), *item.lines[1:]], item.label
    )
    return [title, rest]


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
    if PDF_NUMBERED.match(text) and (prev_text.endswith(":") or _stops_short(prev, line, flow_x1)):
        return False  # a numbered line after a broken one opens an item
    if line.x0 > prev.x0 + 1.5 * size and not _hangs(prev):
        return False  # an indented first line opens a new paragraph
    # A short line ending a sentence closes its paragraph when the next word would have fit.
    if _ends_sentence(prev_text) and _stops_short(prev, line, flow_x1):
        return text[:1].islower()
    return True


def _stops_short(prev: TextLine, line: TextLine, flow_x1: float) -> bool:
    """Whether ``prev`` ends where the first word of ``line`` would still have fit: not a
    wrap, a line break."""
    first_word = line.words[0]
    return flow_x1 - prev.x1 > (first_word.x1 - first_word.x0) + max(prev.size, 1.0)


def _hangs(prev: TextLine) -> bool:
    """The previous line opens with a bullet or number: following lines indent under it."""
    first = prev.words[0].text
    return bool(LIST_MARK.match(first))


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(" \"'”’)")
    return bool(t) and t[-1] in TERMINAL_PUNCTUATION


def _finish(item: ParaItem, body_size: float) -> None:
    if item.kind is BlockKind.HEADING:
        # a bold title split off its text (:func:`_split_bold_lead`) stays a heading
        item.text = squash(line_text(item.lines[0]))
        item.size = _dominant_size(item.lines[0].words)
        item.bold = True
        return
    text = ""
    for k, line in enumerate(item.lines):
        t = line_text(line)
        if not text:
            text = t
        elif k in item.broken:
            text = f"{text}\n{t}"
        else:
            text = join_hyphenated(text, t)
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
