"""The input formats in one table: each format's loader module, its usual file suffixes and
what the folder walk passes over. Adding a format is one row here, its loader module, and its
content test in ``sniff``."""

from __future__ import annotations

from dataclasses import dataclass

from .document import DocumentFormat

__all__ = [
    "FORMATS",
    "MARKED_UP_HEADINGS",
    "NOT_DOCUMENT_SUFFIXES",
    "FormatSpec",
    "format_for_suffix",
]


@dataclass(frozen=True)
class FormatSpec:
    module: str
    """Module under ``minutes_parser.loaders`` exposing ``load(data, options)``."""
    suffixes: tuple[str, ...]
    """Usual suffixes: a tie-breaker when the content could be either of two markups."""


FORMATS: dict[DocumentFormat, FormatSpec] = {
    DocumentFormat.PDF: FormatSpec("pdf", (".pdf",)),
    DocumentFormat.DOCX: FormatSpec("docx", (".docx", ".docm")),
    DocumentFormat.HTML: FormatSpec("html", (".html", ".htm", ".xhtml")),
    DocumentFormat.MARKDOWN: FormatSpec("markdown", (".md", ".markdown", ".mdown", ".mkd")),
    DocumentFormat.ORG: FormatSpec("org", (".org",)),
    DocumentFormat.RST: FormatSpec("rst", (".rst", ".rest")),
    DocumentFormat.TEXT: FormatSpec("text", (".txt", ".text", ".log", ".adoc", ".asciidoc")),
}

#: Formats whose headings the author marked as headings (markup, HTML, Word styles); in PDF
#: and plain text a heading is the loader's guess from size, weight or shape.
MARKED_UP_HEADINGS = frozenset(
    {
        DocumentFormat.HTML,
        DocumentFormat.DOCX,
        DocumentFormat.MARKDOWN,
        DocumentFormat.ORG,
        DocumentFormat.RST,
    }
)

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
