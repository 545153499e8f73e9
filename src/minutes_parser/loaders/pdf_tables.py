"""Tables on a PDF page: ruled grids (from drawn lines) and whitespace-aligned columns.

Both finders return :class:`TableItem` drafts with the text of each cell; the PDF loader
numbers them and links a table that continues on the next page.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .normalise import clean_chars, join_hyphenated, squash
from .pdf_layout import RawPage, Rule, Segment, TextLine, Word, build_lines, ocr_confidence

__all__ = ["TableItem", "find_ruled_tables", "split_aligned"]

#: Rules closer than this (points) are treated as touching or as one line.
SNAP = 2.0
#: More drawn rules than this on a page are vector art, not a table; skip the grid search.
MAX_RULES = 4000


@dataclass
class TableItem:
    rows: list[list[str]]
    page: int
    top: float
    bottom: float
    col_xs: list[float]
    """Left edge of each column, to match a continuation on the next page."""
    ruled: bool
    row_tops: list[float] = field(default_factory=list)
    spans: list[list[int]] | None = None
    """Grid columns each cell of each row covers (ruled tables with merged cells)."""
    row_conf: list[float | None] = field(default_factory=list)
    """Mean OCR confidence of each row's words (``None`` for rows from the text layer)."""

    @property
    def columns(self) -> int:
        return len(self.col_xs)


# --------------------------------------------------------------------------------------------
# Ruled tables
# --------------------------------------------------------------------------------------------


def _clusters(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


def _components(hs: list[Rule], vs: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """Groups of horizontal and vertical rules that touch each other (union-find)."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if (
                v.x0 - SNAP <= h.x1
                and h.x0 <= v.x1 + SNAP
                and v.top - SNAP <= h.bottom
                and h.top <= v.bottom + SNAP
            ):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return list(groups.values())


def find_ruled_tables(page: RawPage) -> tuple[list[TableItem], list[Word]]:
    """Tables drawn with ruling lines, and the words left outside them."""
    hs = [r for r in page.rules if r.horizontal]
    vs = [r for r in page.rules if r.vertical]
    if len(hs) < 2 or len(vs) < 2 or len(hs) + len(vs) > MAX_RULES:
        return [], page.words
    tables: list[TableItem] = []
    words = page.words
    for group_h, group_v in _components(hs, vs):
        if len(group_h) < 2 or len(group_v) < 2:
            continue
        ys = _clusters([(h.top + h.bottom) / 2 for h in group_h])
        xs = _clusters([(v.x0 + v.x1) / 2 for v in group_v])
        if len(xs) < 3 or len(ys) < 2:
            continue  # a boxed paragraph or a rule under a heading, not a table
        table, words = _fill_grid(xs, ys, group_v, words, page.number)
        if table is not None:
            tables.append(table)
    return tables, words


def _fill_grid(
    xs: list[float], ys: list[float], vs: list[Rule], words: list[Word], page: int
) -> tuple[TableItem | None, list[Word]]:
    cells: dict[tuple[int, int], list[Word]] = {}
    outside: list[Word] = []
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        col = bisect.bisect_right(xs, cx) - 1
        row = bisect.bisect_right(ys, cy) - 1
        if 0 <= col < len(xs) - 1 and 0 <= row < len(ys) - 1:
            cells.setdefault((row, col), []).append(w)
        else:
            outside.append(w)
    if sum(1 for c in cells.values() if c) < 2:
        return None, words  # one boxed block of text is a frame, not a table
    spans: list[list[int]] = []
    table = TableItem([], page, ys[0], ys[-1], xs[:-1], ruled=True, spans=spans)
    for r in range(len(ys) - 1):
        texts, widths = _row_cells(r, xs, ys, vs, cells, page)
        if any(texts):
            table.rows.append(texts)
            spans.append(widths)
            table.row_tops.append(ys[r])
            row_words = (w for (row, _), ws in cells.items() if row == r for w in ws)
            table.row_conf.append(ocr_confidence(row_words))
    return table, outside


def _row_cells(
    r: int,
    xs: list[float],
    ys: list[float],
    vs: list[Rule],
    cells: dict[tuple[int, int], list[Word]],
    page: int,
) -> tuple[list[str], list[int]]:
    """A row's cells; a cell spans the grid columns no vertical rule divides in this row."""
    mid = (ys[r] + ys[r + 1]) / 2
    texts: list[str] = []
    widths: list[int] = []
    words: list[Word] = []
    for c in range(len(xs) - 1):
        words += cells.get((r, c), [])
        right = xs[c + 1]
        closed = c == len(xs) - 2 or any(
            abs((v.x0 + v.x1) / 2 - right) <= SNAP and v.top - SNAP <= mid <= v.bottom + SNAP
            for v in vs
        )
        if closed:
            left = xs[sum(widths)]
            texts.append(cell_text(words, page, box=(left, right)))
            widths.append(c + 1 - sum(widths))
            words = []
    return texts, widths


HEADER_WORDS_MAX = 8
"""Words in the longest header line printed above a table's ruling."""
HEADER_INDENT_MAX = 14.0
"""Points from a column's rule to its title's first word (the cell's padding)."""


def adopt_header(line: TextLine, table: TableItem) -> bool:
    """Make ``line`` the table's header row when it is printed just above the ruling with its
    words under two or more of the table's columns ("ITEM BY WHOM BY WHEN" over an action
    table whose grid starts at its first row). Returns whether it was adopted."""
    height = line.bottom - line.top
    words = line.words
    if not table.ruled or not 0 <= table.top - line.bottom <= 1.5 * height:
        return False
    if len(words) > HEADER_WORDS_MAX or words[0].x0 < table.col_xs[0] - SNAP:
        return False
    by_column: dict[int, list[Word]] = {}
    for w in words:
        col = bisect.bisect_right(table.col_xs, (w.x0 + w.x1) / 2) - 1
        by_column.setdefault(max(col, 0), []).append(w)
    if len(by_column) < 2:
        return False
    # Each column's title starts at its column's left edge, and none runs across a rule: a
    # caption over the table ("Actions Points Raised / On-Going as at 04.12.2014") flows on.
    for col, ws in by_column.items():
        if not -SNAP <= ws[0].x0 - table.col_xs[col] <= HEADER_INDENT_MAX:
            return False
    if any(w.x0 < x < w.x1 for w in words for x in table.col_xs):
        return False
    table.rows.insert(0, [cell_text(by_column.get(c, []), line.page) for c in range(table.columns)])
    if table.spans is not None:
        table.spans.insert(0, [1] * table.columns)
    table.row_tops.insert(0, line.top)
    if table.row_conf:
        table.row_conf.insert(0, ocr_confidence(words))
    table.top = line.top
    return True


def cell_text(words: Sequence[Word], page: int, box: tuple[float, float] | None = None) -> str:
    """A cell's words as text: its wrapped lines joined, hyphenation repaired. Within the
    ruled cell ``box`` (its left and right rules), a line that ends where the next line's first
    word would still have fitted was broken by its writer, not by the wrap: the break is kept
    ("05-01 RB, FQ, KK to complete updated COI forms" / "05-02 ORWG to review …" in a
    decisions column, not-lpc-2018-05-02.pdf; one attendee a line)."""
    lines = build_lines(words, page)
    limit = None
    if box is not None and lines:
        padding = max(0.0, min(line.x0 for line in lines) - box[0])
        limit = box[1] - padding
    parts: list[str] = []
    text = ""
    for k, line in enumerate(lines):
        t = squash(clean_chars(line.text))
        if k and limit is not None and _written_break(lines[k - 1], line, limit):
            parts.append(text)
            text = t
            continue
        text = join_hyphenated(text, t) if text else t
    parts.append(text)
    return "\n".join(p for p in (squash(p) for p in parts) if p)


def _written_break(before: TextLine, line: TextLine, limit: float) -> bool:
    """Whether the break between two consecutive lines of a cell was the writer's: the next
    line's first word, with a space, would have fitted before the cell's right limit."""
    if line.top < before.bottom - 0.5 * (before.bottom - before.top):
        return False  # a segment beside the last on the same line, split at a wide gap
    first = line.words[0]
    space = 0.25 * (first.bottom - first.top)
    return before.x1 + space + (first.x1 - first.x0) < limit - SNAP


# --------------------------------------------------------------------------------------------
# Whitespace-aligned tables
# --------------------------------------------------------------------------------------------


def split_aligned(lines: list[TextLine]) -> list[list[TextLine] | TableItem]:
    """Cut a flow into runs of text lines and whitespace-aligned tables, in order.

    A table is at least two lines with two or more segments starting at the same column
    anchors; lines whose segments all fall inside the columns (a wrapped cell, a row with
    empty cells) continue it. Cells must be short: wide, many-word segments on both sides are
    two text columns, which :func:`~.pdf_layout.order_flows` handles.
    """
    out: list[list[TextLine] | TableItem] = []
    text_run: list[TextLine] = []
    i = 0
    while i < len(lines):
        end, anchors = _table_run(lines, i)
        if anchors is None:
            text_run.append(lines[i])
            i += 1
            continue
        start = i
        # A row with only its first cell filled ("Louise Blanc") can open the table.
        while text_run and _opens_table(text_run[-1], lines[start], anchors):
            text_run.pop()
            start -= 1
        key = _group_head(lines[start:end], anchors)
        if key:
            text_run.append(lines[start])
            start, anchors = start + 1, anchors[key:]
        if text_run:
            out.append(text_run)
            text_run = []
        out.append(_rows(lines[start:end], anchors))
        i = end
    if text_run:
        out.append(text_run)
    return out


def _opens_table(line: TextLine, first_row: TextLine, anchors: Sequence[float]) -> bool:
    size = max(first_row.size, 4.0)
    return (
        len(line.segments) == 1
        and line.page == first_row.page
        and 0 < first_row.top - line.bottom <= 1.6 * size
        and abs(line.size - first_row.size) <= 0.6
        and _fits(line, anchors, 0.8 * size)
    )


def _anchor_of(x: float, anchors: Sequence[float], tol: float) -> int | None:
    for k, a in enumerate(anchors):
        if abs(x - a) <= tol:
            return k
    return None


def _fits(line: TextLine, anchors: Sequence[float], tol: float) -> bool:
    """Every segment starts at an anchor and ends before the next column starts."""
    for seg in line.segments:
        k = _anchor_of(seg.x0, anchors, tol)
        if k is None or (k + 1 < len(anchors) and seg.x1 > anchors[k + 1] - tol):
            return False
    return True


def _table_run(lines: Sequence[TextLine], i: int) -> tuple[int, list[float] | None]:
    first = lines[i]
    if len(first.segments) < 2:
        return i, None
    size = max(first.size, 4.0)
    tol = 0.8 * size
    anchors = [s.x0 for s in first.segments]
    multi = 1
    j = i + 1
    while j < len(lines):
        line, prev = lines[j], lines[j - 1]
        if line.page != first.page or line.top - prev.bottom > 1.6 * size:
            break
        if not _fits(line, anchors, tol):
            # A later row may use more columns than the first (an empty first-row cell).
            extra = [s.x0 for s in line.segments if _anchor_of(s.x0, anchors, tol) is None]
            widened = sorted([*anchors, *extra])
            if len(line.segments) < 2 or not _fits(line, widened, tol):
                break
            anchors = widened
        if len(line.segments) >= 2:
            multi += 1
        j += 1
    if multi < 2 or not _short_cells(lines[i:j]):
        return i, None
    return j, anchors


def _short_cells(lines: Sequence[TextLine]) -> bool:
    segs = [s for ln in lines for s in ln.segments]
    return statistics.median(len(s.words) for s in segs) <= 8


def _rows(lines: Sequence[TextLine], anchors: list[float]) -> TableItem:
    size = max(lines[0].size, 4.0)
    tol = 0.8 * size
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines)]
    # Cell padding makes the step between rows larger than the step between the wrapped
    # lines of one cell; when all steps are equal, every line is a row of its own.
    tight = min(pitches, default=0.0)
    uniform = not pitches or max(pitches) - tight < 0.2 * size
    rows: list[list[list[Segment]]] = []
    tops: list[float] = []
    for k, line in enumerate(lines):
        placed = [(_anchor_of(s.x0, anchors, tol) or 0, s) for s in line.segments]
        new_row = placed[0][0] == 0
        if uniform:
            new_row = new_row and not (
                len(placed) == 1 and rows and placed[0][1].text[:1].islower()
            )
        elif k > 0:
            new_row = new_row and pitches[k - 1] > tight + 0.2 * size
        if new_row or not rows:
            rows.append([[] for _ in anchors])
            tops.append(line.top)
        for col, seg in placed:
            rows[-1][col].append(seg)
    texts = [[_join(cell) for cell in row] for row in rows]
    confs = [ocr_confidence(w for cell in row for seg in cell for w in seg.words) for row in rows]
    return TableItem(
        texts,
        lines[0].page,
        lines[0].top,
        lines[-1].bottom,
        anchors,
        ruled=False,
        row_tops=tops,
        row_conf=confs,
    )


def _group_head(lines: Sequence[TextLine], anchors: list[float]) -> int:
    """Column where the table under a group heading starts, or 0 when there is no heading.

    "1-A  ROLL CALL" over "Present:  names" / "Absent:  None" rows aligns with them, but
    it heads the table rather than being its row: its first column holds nothing else, a
    later column opens two or more rows that fill another cell too (label and value), and
    no later line reaches left of that column.
    """
    tol = 0.8 * max(lines[0].size, 4.0)
    firsts = [(_anchor_of(ln.segments[0].x0, anchors, tol) or 0, len(ln.segments)) for ln in lines]
    if firsts[0][0] != 0 or any(col == 0 for col, _ in firsts[1:]):
        return 0
    opens = Counter(col for col, n in firsts[1:] if n > 1)
    key = min((col for col, n in opens.items() if n >= 2), default=0)
    if key == 0 or any(col < key for col, _ in firsts[1:]):
        return 0
    return key


def _join(segments: Sequence[Segment]) -> str:
    text = ""
    for seg in segments:
        t = squash(clean_chars(seg.text))
        text = join_hyphenated(text, t) if text else t
    return text
