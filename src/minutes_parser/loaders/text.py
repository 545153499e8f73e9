"""Plain-text loader: decode, split into lines (form feeds are page breaks), re-flow."""

from __future__ import annotations

import codecs

from ..document import Document, DocumentBuilder, DocumentFormat, FurnitureKind, Severity, Style
from ..errors import EmptyDocumentError
from ..rules.layout import TEXT_UNDERLINE
from . import LoadOptions
from .furniture import find_running_furniture
from .normalise import Line, emit_paragraphs, reflow

__all__ = ["decode_text", "load", "load_text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, cp1252, then latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def text_lines(text: str, builder: DocumentBuilder | None = None) -> list[Line]:
    """Physical lines with page numbers (form feeds) and blank-line gaps.

    Where the text has several pages, running headers/footers and page numbers are moved to
    ``builder``'s furniture.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = [page.split("\n") for page in text.split("\f")]
    drop: dict[tuple[int, int], str] = {
        (p, i): kind for p, i, kind in find_running_furniture(pages)
    }
    lines: list[Line] = []
    gap = False
    for p, page_lines in enumerate(pages, start=1):
        gap = gap or p > 1
        for i, raw in enumerate(page_lines):
            kind = drop.get((p - 1, i))
            if (
                kind is None
                and TEXT_UNDERLINE.match(raw)
                and not _is_underline(raw, lines, page_lines, i)
            ):
                kind = FurnitureKind.OTHER.value  # a rule drawn with "=====": layout
            elif kind is None and _is_underline(raw, lines, page_lines, i):
                # A setext underline ("Meeting summary" / "---------------"): the line above
                # is a heading, and the rule itself is layout, not text.
                lines[-1].style = Style(bold=True)
                lines[-1].gap_before = True
                gap = True
                kind = FurnitureKind.OTHER.value
            if kind is not None:
                if builder is not None:
                    builder.add_furniture(FurnitureKind(kind), raw, page=p)
                continue
            # A line of only spaces/no-break spaces is a blank line; a tab makes a row.
            if not raw.replace("\u00a0", " ").strip(" \t"):
                gap = True
                continue
            lines.append(Line(raw.rstrip(" \u00a0"), page=p, gap_before=gap))
            gap = False
    return lines


def _is_underline(raw: str, lines: list[Line], page_lines: list[str], i: int) -> bool:
    """Whether ``raw`` underlines the text line just before it (within a few characters)."""
    if not TEXT_UNDERLINE.match(raw) or i == 0 or not lines:
        return False
    above = page_lines[i - 1].strip()
    return bool(above) and lines[-1].text.strip() == above and len(raw.strip()) >= len(above) - 3


def load_text(text: str, *, encoding: str = "utf-8", path: str | None = None) -> Document:
    """Build a :class:`Document` from already-decoded text."""
    builder = DocumentBuilder(DocumentFormat.TEXT)
    lines = text_lines(text, builder)
    if not lines:
        raise EmptyDocumentError("the document has no text", path=path)
    emit_paragraphs(builder, reflow(lines))
    if encoding not in ("utf-8", "utf-8-sig"):
        builder.diagnose(
            "encoding", f"text decoded as {encoding} (not UTF-8)", severity=Severity.INFO
        )
    builder.page_count = max(line.page for line in lines)
    return builder.build(path=path)


def load(data: bytes, options: LoadOptions) -> Document:
    text, encoding = decode_text(data)
    return load_text(text, encoding=encoding, path=options.path)
