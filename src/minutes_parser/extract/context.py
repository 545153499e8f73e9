"""What every extractor reads about the document, decided once per document.

:func:`extraction_context` is called once by the pipeline before the first meeting of a
document is extracted: the order its numeric dates are read in (from the options, or inferred
from the whole document and recorded), the tables that are action logs, and the attendee index
of each meeting, built when an extractor first asks for it. Extractors receive the context in
place of the options, and return new values; nothing here changes after it is built except the
index cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Diagnostic, Document, Severity
from ..models import Attendee
from ..options import ParseOptions
from .dates import Order, date_order_evidence
from .people import PersonIndex
from .sections import action_tables

__all__ = ["ExtractionContext", "extraction_context"]


@dataclass(frozen=True)
class ExtractionContext:
    """The per-document state extractors share (built by :func:`extraction_context`)."""

    document: Document
    """The whole document; an extractor is handed one meeting's part of it."""
    options: ParseOptions
    date_order: Order
    """How ambiguous numeric dates ("04/05/2024") are read throughout the document."""
    date_order_note: Diagnostic | None
    """Where the date order came from, recorded on each meeting of a document whose numeric
    dates it decides (None when the document has no ambiguous numeric date)."""
    action_tables: frozenset[int | None]
    """The tables (by ``Block.table``) a header row marks as action logs: not agenda items,
    not decisions."""
    _indexes: dict[int, tuple[list[Attendee], PersonIndex]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def person_index(self, attendees: list[Attendee]) -> PersonIndex:
        """The index that resolves names to this meeting's attendees, built once per list
        (the resolutions and actions extractors share it)."""
        cached = self._indexes.get(id(attendees))
        if cached is not None and cached[0] is attendees:
            return cached[1]
        index = PersonIndex(attendees)
        self._indexes[id(attendees)] = (attendees, index)
        return index


def extraction_context(doc: Document, options: ParseOptions) -> ExtractionContext:
    """The context of ``doc``: date order from ``options`` unless "auto", else inferred from
    the whole document's own dates (every meeting of a running log reads dates one way)."""
    evidence = date_order_evidence(doc.text)
    note = None
    if options.date_order != "auto":
        order: Order = options.date_order
        if evidence.ambiguous:
            note = _note(
                f"numeric dates such as {evidence.ambiguous!r} read "
                f"{'day' if order == 'dmy' else 'month'} first, as the options say"
            )
    else:
        order = evidence.order
        if evidence.ambiguous:
            note = _note(evidence.describe())
    return ExtractionContext(doc, options, order, note, frozenset(action_tables(doc)))


def _note(message: str) -> Diagnostic:
    return Diagnostic(code="date_order", message=message, severity=Severity.INFO)
