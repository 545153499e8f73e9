"""The input formats in one table: for each format its loader module, its usual file suffixes,
whether its headings are marked as headings, and, for a lightweight markup, the content signals
``sniff`` scores it by. Adding a format is a value in ``DocumentFormat``, one row here and its
loader module; nothing else names formats one by one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import DocumentFormat
from .rules.markup import ASCIIDOC_SIGNALS, MARKDOWN_SIGNALS, ORG_SIGNALS, RST_SIGNALS

__all__ = [
    "FORMATS",
    "MARKED_UP_HEADINGS",
    "MARKUP_SIGNALS",
    "NOT_DOCUMENT_SUFFIXES",
    "WORD_PROCESSED",
    "FormatSpec",
    "format_for_suffix",
]

Signal = tuple[re.Pattern[str], float]
"""A content signal of a markup and its weight: ``sniff`` counts up to three matches of each."""


@dataclass(frozen=True)
class FormatSpec:
    module: str
    """Module under ``minutes_parser.loaders`` exposing ``load(data, options)``."""
    suffixes: tuple[str, ...]
    """Usual suffixes: a tie-breaker when the content could be either of two markups."""
    marked_up_headings: bool = False
    """The author marked headings as headings (markup, HTML, Word styles); in PDF and plain
    text a heading is the loader's guess from size, weight or shape."""
    signals: tuple[Signal, ...] = ()
    """Content signals of a lightweight markup (patterns in ``rules/markup.py``); formats
    told by their bytes (PDF, a DOCX zip, HTML) have none."""
    word_processed: bool = False
    """Typed in a word processor or a page editor, whose paragraphs are the author's: a
    title set apart only by its place in a paragraph is one. Lines of plain text and
    markup are not (markup marks its titles)."""


FORMATS: dict[DocumentFormat, FormatSpec] = {
    DocumentFormat.PDF: FormatSpec("pdf", (".pdf",), word_processed=True),
    DocumentFormat.DOCX: FormatSpec(
        "docx", (".docx", ".docm"), marked_up_headings=True, word_processed=True
    ),
    DocumentFormat.HTML: FormatSpec(
        "html", (".html", ".htm", ".xhtml"), marked_up_headings=True, word_processed=True
    ),
    DocumentFormat.MARKDOWN: FormatSpec(
        "markdown", (".md", ".markdown", ".mdown", ".mkd"), True, MARKDOWN_SIGNALS
    ),
    DocumentFormat.ORG: FormatSpec("org", (".org",), True, ORG_SIGNALS),
    DocumentFormat.RST: FormatSpec("rst", (".rst", ".rest"), True, RST_SIGNALS),
    DocumentFormat.ASCIIDOC: FormatSpec(
        "asciidoc", (".adoc", ".asciidoc", ".asc"), True, ASCIIDOC_SIGNALS
    ),
    DocumentFormat.TEXT: FormatSpec("text", (".txt", ".text", ".log")),
}

MARKED_UP_HEADINGS = frozenset(f for f, spec in FORMATS.items() if spec.marked_up_headings)
WORD_PROCESSED = frozenset(f for f, spec in FORMATS.items() if spec.word_processed)
MARKUP_SIGNALS = {f: spec.signals for f, spec in FORMATS.items() if spec.signals}
"""The lightweight markups ``sniff`` tells apart by content, with their signals."""

NOT_DOCUMENT_SUFFIXES = frozenset(
    {
        # the project's own outputs and the data files that sit beside an archive
        ".json", ".jsonl", ".csv", ".parquet", ".sqlite", ".db", ".tmp",
        # code and site assets
        ".py", ".pyc", ".js", ".css", ".map", ".yml", ".yaml", ".toml", ".lock",
        # images and media: never minutes text (a scan is a PDF)
        ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".bmp", ".tif", ".tiff",
        ".mp3", ".mp4", ".wav", ".zip", ".gz",
    }
)  # fmt: skip
"""Files a folder walk passes over without reporting them."""


def format_for_suffix(suffix: str) -> DocumentFormat | None:
    suffix = suffix.lower()
    return next((f for f, spec in FORMATS.items() if suffix in spec.suffixes), None)
