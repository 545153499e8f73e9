"""The exceptions minutes_parser raises.

Every error the library raises on purpose derives from :class:`MinutesParserError`, so a caller
can catch one class around a batch and still tell the causes apart::

    MinutesParserError
    ├── DocumentError                 something is wrong with one input document
    │   ├── EmptyDocumentError        zero bytes, or no text at all
    │   ├── UnsupportedFormatError    not PDF, DOCX, HTML or text (e.g. an image or a zip)
    │   ├── CorruptDocumentError      truncated or malformed PDF/DOCX/HTML
    │   ├── EncryptedDocumentError    a PDF that needs a password
    │   ├── DocumentTooLargeError     over a size cap (bytes, decompressed parts, pages)
    │   └── DocumentNotFoundError     no such file (also a ``FileNotFoundError``)
    ├── ArchiveLockedError            a SQLite archive another process kept locked
    └── ConfigurationError            a bad argument or setting from the caller

Recoverable problems (an unreadable page, no attendee list found) are not exceptions: they are
:class:`~minutes_parser.models.Diagnostic` entries on the result.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ArchiveLockedError",
    "ConfigurationError",
    "CorruptDocumentError",
    "DocumentError",
    "DocumentNotFoundError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "MinutesParserError",
    "UnsupportedFormatError",
]


class MinutesParserError(Exception):
    """Root of every error minutes_parser raises on purpose."""


class DocumentError(MinutesParserError):
    """A problem with one input document; ``path`` names it when known."""

    hint: str = ""

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        if not self.hint:
            return f"{where}{self.message}"
        # Two sentences, so the message ends with a full stop before the hint starts one.
        end = "" if self.message.rstrip().endswith((".", "!", "?", ":")) else "."
        return f"{where}{self.message}{end} {self.hint}"


class EmptyDocumentError(DocumentError):
    hint = "The file has no content to parse; check that it was downloaded completely."


class UnsupportedFormatError(DocumentError):
    hint = "Supported formats are PDF, DOCX, HTML and plain text."


class CorruptDocumentError(DocumentError):
    hint = "The file looks truncated or damaged; re-download or re-export it."


class EncryptedDocumentError(DocumentError):
    hint = "Decrypt it first (e.g. `qpdf --decrypt --password=... in.pdf out.pdf`)."


class DocumentTooLargeError(DocumentError):
    hint = "Split the document or raise the limit (see minutes_parser.loaders.Limits)."


class DocumentNotFoundError(DocumentError, FileNotFoundError):
    """The path names no file. Also a ``FileNotFoundError``, so code written against the
    standard library's error keeps working; ``parse`` and ``convert`` both report this one."""

    hint = "Check the path (a folder is read by `convert`, not `parse`)."


class ArchiveLockedError(MinutesParserError):
    """Another process held the SQLite archive locked for longer than the busy timeout."""

    def __init__(self, message: str, *, path: str | Path) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class ConfigurationError(MinutesParserError):
    """A bad argument or setting supplied by the caller."""
