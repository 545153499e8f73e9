"""Decide a document's format from its bytes; the file name only breaks a tie between
lightweight markups that the content does not tell apart."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import PurePath

from .document import DocumentFormat
from .errors import CorruptDocumentError, EmptyDocumentError, UnsupportedFormatError
from .formats import MARKUP_SIGNALS, format_for_suffix
from .rules.markup import UNDERLINED_TITLE

__all__ = ["sniff_format"]

_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p>", b"<table")


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 text has NULs too; accept it only with a BOM.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 50)


def sniff_format(data: bytes, *, path: str | None = None) -> DocumentFormat:
    """Return the format of ``data`` or raise a :class:`~minutes_parser.errors.DocumentError`."""
    if not data or not data.strip():
        raise EmptyDocumentError("the document is empty", path=path)
    head = data[:4096]
    if b"%PDF-" in head[:1024]:
        return DocumentFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise CorruptDocumentError(f"broken zip container ({exc})", path=path) from exc
        if "word/document.xml" in names:
            return DocumentFormat.DOCX
        raise UnsupportedFormatError(
            "a zip archive that is not a Word document (no word/document.xml)", path=path
        )
    for magic, what in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(f"{what}, not a text document", path=path)
    if head.startswith(_OLE_MAGIC):
        raise UnsupportedFormatError(
            "a legacy binary Office file (.doc/.xls); save it as .docx or PDF first", path=path
        )
    if _looks_binary(head):
        raise UnsupportedFormatError("binary data of an unknown format", path=path)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        lowered.startswith(b"<") and any(m in lowered for m in _HTML_MARKERS)
    ):
        return DocumentFormat.HTML
    return _markup_format(data[:65536].decode("utf-8", errors="replace"), path)


def _markup_format(text: str, path: str | None) -> DocumentFormat:
    """The lightweight markup (Markdown, Org, reStructuredText, AsciiDoc) whose signals the
    content shows most, or plain text; a line-start "* " is a bullet in Markdown and AsciiDoc
    and a headline in Org, so it counts for none of them."""
    text = text.replace("\r\n", "\n")
    scores = {
        fmt: sum(w * min(len(rx.findall(text)), 3) for rx, w in signals)
        for fmt, signals in MARKUP_SIGNALS.items()
    }
    # Setext titles are reST's (and Markdown's) but also plain text's underlined headings:
    # they only add to a format that shows signals of its own.
    underlines = sum(
        1
        for m in UNDERLINED_TITLE.finditer(text)
        if abs(len(m.group(0).split("\n")[1]) - len(m.group(1))) <= 3
    )
    if scores[DocumentFormat.RST] > 0:
        scores[DocumentFormat.RST] += min(underlines, 3)
    by_suffix = format_for_suffix(PurePath(path).suffix) if path else None
    best = max(scores, key=lambda f: scores[f])
    if by_suffix in scores and scores[by_suffix] >= max(1.0, scores[best] - 2):
        return by_suffix
    if by_suffix in scores and scores[best] < 3:
        return by_suffix  # a .md/.org/.rst file with little markup is still read as that markup
    return best if scores[best] >= 3 else DocumentFormat.TEXT
