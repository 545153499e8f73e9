"""Text clean-up shared by every loader: characters, hyphenation, bullets, labels, re-flow.

The functions here work on plain strings and small line records, so the PDF, DOCX, HTML and
text loaders can all use them after their own layout analysis.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..document import BlockKind, DocumentBuilder, FurnitureKind, Style
from ..rules import (
    CHARACTER_FIXES,
    HYPHEN_PREFIXES,
    SECTION_LABELS,
    TERMINAL_PUNCTUATION,
    margin_label_pattern,
)
from ..rules.layout import (
    BOLD_AFTER_LABEL,
    BULLET_LINE,
    CHARACTER_FIX,
    CONTINUES_LINE,
    HEADING_NUMBER,
    HTML_BR,
    HTML_PARA,
    HYPHENATED_END,
    LABEL_START,
    LABEL_THEN_BOLD,
    MD_BOLD,
    NUMBER_ONLY,
    NUMBER_STOP,
    NUMBERED_LINE,
    SPACES,
    YEAR_START,
)

__all__ = [
    "Line",
    "clean_chars",
    "emit_paragraphs",
    "join_hyphenated",
    "reflow",
    "split_bullet",
    "strip_html_residue",
]

_CHAR_TABLE = str.maketrans(CHARACTER_FIXES)
_ASCII_UNCHANGED = not any(key.isascii() for key in CHARACTER_FIXES)
#: The shortcut in :func:`squash` tests for the characters of ``SPACES``, so it holds only
#: while the pattern is the one written here.
_SPACES_KNOWN = SPACES.pattern == r"[ \t\r\f\v]+"
_LABEL = margin_label_pattern()


def clean_chars(text: str) -> str:
    """Replace no-break spaces, ligatures, soft hyphens and zero-width characters."""
    # A dictionary ``translate`` looks up every character of the text; most texts hold none
    # to fix (and ASCII ones, which ``isascii`` tells at no cost, none at all).
    if (_ASCII_UNCHANGED and text.isascii()) or CHARACTER_FIX.search(text) is None:
        return text
    return text.translate(_CHAR_TABLE)


def squash(text: str) -> str:
    """Collapse runs of spaces (not newlines) and trim."""
    if (
        _SPACES_KNOWN
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
        and "\f" not in text
        and "\v" not in text
    ):
        return text.strip()  # nothing for SPACES to replace (a lone " " stays " ")
    return SPACES.sub(" ", text).strip()


def strip_html_residue(text: str) -> str:
    """Turn ``<p>a</p> <p>b</p>`` left in extracted text into ``a\\nb``."""
    if "<" not in text:
        return text
    text = HTML_BR.sub("\n", text)
    parts = [squash(p) for p in HTML_PARA.split(text)]
    return "\n".join(p for p in parts if p)


def join_hyphenated(left: str, right: str) -> str:
    """Join two wrapped lines, repairing a hyphen the line break split a word with."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    m = HYPHENATED_END.search(left)
    if m and right[:1].islower() and not left.endswith("--"):
        if m.group(1).lower() in HYPHEN_PREFIXES:
            return left + right
        return left[:-1] + right
    return f"{left} {right}"


def split_bullet(line: str) -> tuple[bool, str]:
    """``(True, text)`` when ``line`` opens with a bullet character, else ``(False, line)``.

    A bullet must stand alone or be followed by white space, so "of" or "-5" never count.
    """
    m = BULLET_LINE.match(line)
    if not m:
        return False, line
    return True, (m.group(2) or "").strip()


def ends_sentence(text: str) -> bool:
    t = text.rstrip(" *\"'”’)")
    return bool(t) and (t[-1] in TERMINAL_PUNCTUATION or t.endswith((":-", ":–")))


def starts_continuation(text: str) -> bool:
    """A line that can only continue a sentence: starts in lower case (or with a comma)."""
    t = text.lstrip(" *")
    return bool(t) and (t[0].islower() or t[0] in ",;)")


@dataclass
class Line:
    """One physical line of extracted text with what a loader knows about it."""

    text: str
    page: int = 1
    gap_before: bool = False
    """A blank line or a vertical gap separates it from the previous line."""
    style: Style | None = None
    cells: list[str] | None = None
    label: str | None = None


@dataclass
class _Draft:
    kind: BlockKind
    lines: list[str]
    page: int
    style: Style | None = None
    label: str | None = None
    cells: list[str] | None = None
    table: int | None = None
    joined_lines: int = 1
    bold: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        out = ""
        for ln in self.lines:
            out = join_hyphenated(out, ln) if out else ln
        return squash(out)


def _is_hard_wrapped(lines: Sequence[str]) -> tuple[bool, int]:
    """Whether a run of lines looks like paragraphs wrapped at a fixed width.

    Most lines come close to one width, and lines run on into the next one mid-sentence (a
    list of short entries, one per line, does neither).
    """
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if len(lengths) < 3:
        return False, max(lengths, default=0)
    width = sorted(lengths)[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    if width < 35:
        return False, width
    near_full = sum(1 for n in lengths if n >= 0.6 * width)
    stripped = [ln.strip() for ln in lines if ln.strip()]
    run_ons = sum(
        1 for a, b in pairwise(stripped) if not ends_sentence(a) and starts_continuation(b)
    )
    return near_full >= 0.5 * len(lengths) and run_ons >= max(1, len(lengths) // 6), width


def reflow(lines: Sequence[Line]) -> list[_Draft]:
    """Group physical lines into block drafts: paragraphs, list items, table rows, labels.

    Rules, in order: tab-separated lines are table rows; a bullet opens a list item (a bullet
    alone on its line takes the following text); a margin label alone on a line is attached to
    the next block (or, when the next text merely continues the previous sentence across a
    page break, dropped as furniture); inside a hard-wrapped run, lines join unless the previous
    one ended a sentence and was short, or the new one is a lone capitalised word.
    """
    drafts: list[_Draft] = []
    pending_label: str | None = None
    run: list[Line] = []
    table_no = 0
    last_was_row = False
    # The width the whole text is wrapped at, for runs too short to show it themselves.
    doc_wrapped, doc_width = _is_hard_wrapped(
        [ln.text for ln in lines if ln.cells is None and "\t" not in ln.text.strip("\n")]
    )

    def flush_run() -> None:
        nonlocal run
        if run:
            drafts.extend(_reflow_run(run, doc_width if doc_wrapped else None))
            run = []

    for line in lines:
        text = line.text
        if line.cells is not None or "\t" in text.strip("\n"):
            cells = line.cells if line.cells is not None else text.split("\t")
            cells = [strip_html_residue(squash(clean_chars(c))) for c in cells]
            while cells and not cells[-1]:
                cells.pop()
            flush_run()
            if not last_was_row or line.gap_before:
                table_no += 1
            if cells:
                drafts.append(
                    _Draft(
                        BlockKind.TABLE_ROW,
                        ["\t".join(cells)],
                        line.page,
                        style=line.style,
                        cells=cells,
                        table=table_no,
                        label=line.label,
                    )
                )
            last_was_row = True
            continue
        last_was_row = False
        if line.gap_before:
            flush_run()
        run.append(line)
    flush_run()

    # Second pass: margin labels, number-only fragments and page-break continuations.
    out: list[_Draft] = []
    for d in drafts:
        if d.kind is BlockKind.PARAGRAPH and "label-only" in d.notes:
            if pending_label is not None:
                out.append(_furniture_draft(pending_label, d.page))
            pending_label = d.lines[0]
            continue
        if (
            pending_label is not None
            and out
            and out[-1].kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and not ends_sentence(out[-1].text)
            and starts_continuation(d.text)
        ):
            out[-1].lines.extend(d.lines)
            out.append(_furniture_draft(pending_label, d.page))
            pending_label = None
            continue
        if (
            pending_label is None
            and out
            and d.page != out[-1].page
            and d.kind is BlockKind.PARAGRAPH
            and out[-1].kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and not ends_sentence(out[-1].text)
            and starts_continuation(d.text)
        ):
            # A sentence that runs over a page break.
            out[-1].lines.extend(d.lines)
            continue
        if pending_label is not None:
            if _label_applies(pending_label, d):
                d.label = pending_label
            else:
                out.append(_furniture_draft(pending_label, d.page))
            pending_label = None
        if out and "number-only" in out[-1].notes and d.kind is not BlockKind.TABLE_ROW:
            number = out.pop()
            d.lines = [f"{number.text} {d.lines[0]}", *d.lines[1:]]
            d.label = d.label or number.label
            d.notes = [n for n in d.notes if n != "lone"]
        out.append(d)
    if pending_label is not None:
        out.append(_furniture_draft(pending_label, out[-1].page if out else 1))
    return out


def _label_applies(label: str, d: _Draft) -> bool:
    """Section labels ("Agenda item") only label a numbered heading; a template repeats them
    at every page top, where they label nothing."""
    if label.lower() in SECTION_LABELS:
        return bool(NUMBERED_LINE.match(d.text) or NUMBER_ONLY.match(d.text)) or d.bold
    return d.kind is not BlockKind.TABLE_ROW


def _furniture_draft(label: str, page: int) -> _Draft:
    return _Draft(BlockKind.PARAGRAPH, [label], page, notes=["furniture"])


def _reflow_run(run: Sequence[Line], doc_width: int | None = None) -> list[_Draft]:
    """The drafts of one run of lines between blank lines; ``doc_width`` is the width the
    document is hard-wrapped at, if it is."""
    wrapped, width = _is_hard_wrapped([ln.text for ln in run])
    if not wrapped and doc_width and _fills_width(run, doc_width):
        # A short paragraph of a wrapped document whose lines start with capitals (German
        # nouns: "… den" / "Rechenschaftsbericht des Vorstands …", hackspace-jena-2011-10-17.txt)
        wrapped, width = True, doc_width
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for line in run:
        raw = clean_chars(line.text).strip()
        if not raw:
            continue
        md = MD_BOLD.match(raw)
        bold = False
        if md:
            raw, bold = md.group(1).strip(), True
        if (
            current is not None
            and current.kind is BlockKind.PARAGRAPH
            and len(current.lines) == 1
            and _is_label_line(f"{current.lines[0]} {raw}")
        ):
            # A label wrapped over two lines ("**Agenda" / "item:**").
            drafts.remove(current)
            raw = f"{current.lines[0]} {raw}"
            current = None
        label_m = _LABEL.match(raw)
        if label_m and (_is_label_line(raw) or LABEL_THEN_BOLD.match(raw)):
            # "Agenda item:**1. Welcome …**": the label, then the item title in bold.
            bold = bold or bool(BOLD_AFTER_LABEL.search(raw))
            rest = label_m.group("rest").strip(" *")
            current = _Draft(
                BlockKind.PARAGRAPH,
                [squash(label_m.group("label"))],
                line.page,
                notes=["label-only"],
            )
            drafts.append(current)
            current = None
            if not rest:
                continue
            raw = rest
        is_bullet, body = split_bullet(raw)
        if is_bullet:
            current = _Draft(
                BlockKind.LIST_ITEM, [body] if body else [], line.page, style=line.style, bold=bold
            )
            drafts.append(current)
            continue
        if current is not None and current.kind is BlockKind.LIST_ITEM and not current.lines:
            current.lines.append(raw)
            continue
        if (
            current is not None
            and "label-only" not in current.notes
            and _joins(current, raw, wrapped, width)
        ):
            current.lines.append(raw)
            current.joined_lines += 1
            continue
        current = _Draft(BlockKind.PARAGRAPH, [raw], line.page, style=line.style, bold=bold)
        if NUMBER_ONLY.match(raw):
            current.notes.append("number-only")
        drafts.append(current)
    for d in drafts:
        if "label-only" in d.notes or "number-only" in d.notes:
            continue
        if (
            d.kind is BlockKind.PARAGRAPH
            and NUMBERED_LINE.match(d.text)
            and _in_numbered_run(d, drafts)
        ):
            d.kind = BlockKind.LIST_ITEM
    return drafts


WRAPPED_LINE_SHARE = 0.75
"""A line at least this share of the document's wrap width was broken by the wrapping."""


def _fills_width(run: Sequence[Line], width: int) -> bool:
    """Whether every line of ``run`` but its last comes close to the wrap width: a paragraph
    wrapped at that width rather than a list of short entries."""
    return len(run) >= 2 and all(
        len(ln.text.strip()) >= WRAPPED_LINE_SHARE * width for ln in run[:-1]
    )


def _is_label_line(text: str) -> bool:
    m = _LABEL.match(text)
    return m is not None and not m.group("rest").strip(" *")


def _in_numbered_run(d: _Draft, drafts: Sequence[_Draft]) -> bool:
    numbered = [
        x for x in drafts if x.kind is not BlockKind.TABLE_ROW and NUMBERED_LINE.match(x.text)
    ]
    return len(numbered) >= 2 and len(numbered) == len(
        [x for x in drafts if "label-only" not in x.notes]
    )


def _joins(current: _Draft, raw: str, wrapped: bool, width: int) -> bool:
    prev = current.lines[-1]
    if "number-only" in current.notes:
        return False
    if starts_continuation(raw):
        return True
    if NUMBER_ONLY.match(raw):
        # "SA – action" / "7": a reference number wrapped onto its own line.
        return not ends_sentence(prev)
    if not wrapped:
        # Lines of a list (one entry per line) stay apart unless the line break visibly
        # falls inside a phrase.
        return bool(CONTINUES_LINE.search(prev.rstrip(" *")))
    # Hard-wrapped text: a line broken although the next word would have fitted ends its
    # paragraph (or is a heading). A lone first word is the exception: some exporters put a
    # paragraph's first word on a line of its own.
    fits = len(prev) + 1 + len(raw.split()[0]) <= width
    lone_word = len(prev.split()) == 1
    if not ends_sentence(prev):
        if NUMBERED_LINE.match(raw) and prev.rstrip().endswith((":", ":-")):
            return False
        ends_early = (
            fits
            and not lone_word
            and not CONTINUES_LINE.search(prev)
            and bool(
                LABEL_START.match(raw)
                or (len(current.lines) == 1 and NUMBERED_LINE.match(prev))
                or (NUMBERED_LINE.match(current.lines[0]) and len(prev) < 0.75 * width)
            )
        )
        # "… 5 members of the public" / "Apologies: …"; "1. Welcome" / "The Chair …"
        return not ends_early
    if fits and not lone_word:
        return False
    if len(raw.split()) == 1 and raw[:1].isupper():
        return False
    return not (NUMBERED_LINE.match(raw) and not YEAR_START.match(raw))


def _looks_like_heading(d: _Draft) -> bool:
    text = d.text
    if d.kind is not BlockKind.PARAGRAPH or not text:
        return False
    if d.bold and len(text) <= 160:
        return True
    words = text.split()
    if len(words) > 12 or len(text) > 100 or d.joined_lines > 2:
        return False
    if text.endswith((".", ";", ",", "?", "!")) and not NUMBER_STOP.match(text):
        return False
    first = text.lstrip("(")[:1]
    return first.isupper() or first.isdigit()


def _heading_level(text: str) -> int | None:
    m = HEADING_NUMBER.match(text)
    if m:
        return m.group(1).count(".") + 1
    return None


def emit_paragraphs(builder: DocumentBuilder, drafts: Iterable[_Draft]) -> None:
    """Add drafts to ``builder`` as blocks (furniture drafts go to ``builder.furniture``)."""
    for d in drafts:
        if "furniture" in d.notes:
            builder.add_furniture(FurnitureKind.MARGIN_LABEL, d.lines[0], page=d.page)
            continue
        if d.kind is BlockKind.TABLE_ROW:
            builder.add_row(d.cells or [], page=d.page, table=d.table, label=d.label, style=d.style)
            continue
        kind = d.kind
        style = d.style
        if d.bold:
            style = (style or Style()).model_copy(update={"bold": True})
        level: int | None = None
        if _looks_like_heading(d):
            kind = BlockKind.HEADING
            level = _heading_level(d.text)
        builder.add(kind, d.text, page=d.page, level=level, label=d.label, style=style)


def median_line_length(lines: Sequence[str]) -> float:
    return statistics.median(len(ln) for ln in lines) if lines else 0.0
