"""Loaders: bytes of one file -> :class:`~minutes_parser.document.Document`.

One module per format, imported lazily so that loading a text file never imports pdfplumber.
Each format module exposes ``load(data: bytes, options: LoadOptions) -> Document``. Loaders
read layout; they never interpret meaning (that is the extractors' job).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal, Protocol

from ..document import Document, DocumentFormat
from ..errors import (
    ConfigurationError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    MinutesParserError,
)
from ..formats import FORMATS
from ..sniff import sniff_format

__all__ = ["Limits", "LoadOptions", "OcrMode", "PdfEngine", "Source", "load", "read_source"]

Source = str | os.PathLike[str] | bytes | bytearray | IO[bytes]
PdfEngine = Literal["auto", "pdfium", "pdfplumber"]
OcrMode = Literal["auto", "always", "never"]


@dataclass(frozen=True)
class Limits:
    """Caps that keep one bad input from exhausting a batch."""

    max_bytes: int = 256 * 1024 * 1024
    max_pages: int = 5000
    max_docx_uncompressed: int = 256 * 1024 * 1024
    """Sum of a DOCX's decompressed part sizes; checked before anything is decompressed."""
    max_html_depth: int = 400


@dataclass(frozen=True)
class LoadOptions:
    path: str | None = None
    limits: Limits = field(default_factory=Limits)
    pdf_engine: PdfEngine = "auto"
    ocr: OcrMode = "auto"
    """Scanned or unreadable PDF pages: ``auto`` OCRs only those, ``always`` every page."""
    ocr_threads: int | None = None
    """Tesseract processes run at once for one document; ``None``: one per CPU."""


class _FormatLoader(Protocol):
    def __call__(self, data: bytes, options: LoadOptions) -> Document: ...


def read_source(source: Source, limits: Limits | None = None) -> tuple[bytes, str | None]:
    """Bytes and path (if any) of a path, bytes or binary file object."""
    limits = limits or Limits()
    if isinstance(source, (bytes, bytearray)):
        data, path = bytes(source), None
    elif isinstance(source, (str, os.PathLike)):
        p = Path(source)
        path = str(p)
        if p.is_dir():
            raise ConfigurationError(f"{path} is a folder, not a document")
        if not p.is_file():
            # The error parse and convert give too: also a FileNotFoundError.
            raise DocumentNotFoundError("no such file", path=path)
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise DocumentTooLargeError(
                f"{size:,} bytes is over the {limits.max_bytes:,}-byte limit", path=path
            )
        data = p.read_bytes()
    elif hasattr(source, "read"):
        data = source.read(limits.max_bytes + 1)
        if not isinstance(data, (bytes, bytearray)):
            raise ConfigurationError("file objects must be opened in binary mode ('rb')")
        data = bytes(data)
        path = getattr(source, "name", None)
        path = str(path) if isinstance(path, (str, os.PathLike)) else None
    else:
        raise ConfigurationError(f"cannot read a document from {type(source).__name__}")
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(f"over the {limits.max_bytes:,}-byte limit", path=path)
    return data, path


def load(
    source: Source,
    *,
    format: DocumentFormat | str | None = None,
    options: LoadOptions | None = None,
) -> Document:
    """Load any supported document into the normalised :class:`Document` model.

    The format is sniffed from the content unless ``format`` is given.
    """
    options = options or LoadOptions()
    data, path = read_source(source, options.limits)
    if path is not None and options.path is None:
        options = dataclasses.replace(options, path=path)
    fmt = DocumentFormat(format) if format is not None else sniff_format(data, path=options.path)
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt].module}")
    loader: _FormatLoader = module.load
    try:
        doc = loader(data, options)
    except MinutesParserError:
        raise
    except RecursionError as exc:
        from ..errors import CorruptDocumentError

        raise CorruptDocumentError("structure nested too deeply", path=options.path) from exc
    doc.path = options.path
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc
