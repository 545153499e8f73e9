"""minutes_parser: meeting minutes (PDF, DOCX, HTML, text) in, structured traceable data out.

>>> import minutes_parser
>>> meeting = minutes_parser.parse_text("Minutes of the Parish Council meeting ...")

Every extracted item carries a ``span`` into the document text and the id of the rule that
produced it.
"""

from __future__ import annotations

from .bulk import BulkOptions, BulkSummary, convert_archive
from .document import Block, BlockKind, Diagnostic, Document, DocumentFormat, Span
from .errors import (
    ArchiveLockedError,
    ConfigurationError,
    CorruptDocumentError,
    DocumentError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    MinutesParserError,
    UnsupportedFormatError,
)
from .export import read_archive
from .loaders import Limits, LoadOptions
from .loaders import load as load
from .models import (
    Action,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    AttendanceStatus,
    Attendee,
    DocumentKind,
    Meeting,
    MeetingMetadata,
    PersonRef,
    Resolution,
    SourceInfo,
    Vote,
)
from .options import ParseOptions
from .pipeline import (
    PARSER_VERSION,
    extract_meetings,
    parse,
    parse_document,
    parse_meetings,
    parse_text,
)

__version__ = PARSER_VERSION

__all__ = [
    "PARSER_VERSION",
    "Action",
    "ActionStatus",
    "ActionUpdate",
    "AgendaItem",
    "ArchiveLockedError",
    "AttendanceStatus",
    "Attendee",
    "Block",
    "BlockKind",
    "BulkOptions",
    "BulkSummary",
    "ConfigurationError",
    "CorruptDocumentError",
    "Diagnostic",
    "Document",
    "DocumentError",
    "DocumentFormat",
    "DocumentKind",
    "DocumentNotFoundError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Limits",
    "LoadOptions",
    "Meeting",
    "MeetingMetadata",
    "MinutesParserError",
    "ParseOptions",
    "PersonRef",
    "Resolution",
    "SourceInfo",
    "Span",
    "UnsupportedFormatError",
    "Vote",
    "__version__",
    "convert_archive",
    "extract_meetings",
    "load",
    "parse",
    "parse_document",
    "parse_meetings",
    "parse_text",
    "read_archive",
]
