"""Extractors: pure functions ``(Document, Meeting, ExtractionContext) -> Meeting``, then
post-passes over all the meetings of a document.

Each extractor returns an updated copy of the meeting, never changing the one it was given;
:data:`EXTRACTORS` lists them in the order the pipeline runs them (later ones read what
earlier ones found: owners resolve against the attendees, decisions link to agenda items).
:data:`POST_PASSES` run once every meeting of a document is extracted, because they read
across meetings or need the finished attendee lists: attendee mentions are linked, then short
names ("Sofia") completed from full names the document states elsewhere. The
:class:`~minutes_parser.extract.context.ExtractionContext` is built once per document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..document import Document
from ..models import Meeting
from .actions import extract_actions
from .agenda import extract_agenda_items
from .attendees import extract_attendees, resolve_short_names
from .context import ExtractionContext, extraction_context
from .kind import extract_kind
from .mentions import link_mentions
from .metadata import extract_metadata
from .resolutions import extract_resolutions

__all__ = [
    "EXTRACTORS",
    "POST_PASSES",
    "ExtractionContext",
    "Extractor",
    "PostPass",
    "extraction_context",
]

Extractor = Callable[[Document, Meeting, ExtractionContext], Meeting]
PostPass = Callable[[Sequence[Document], Sequence[Meeting], ExtractionContext], list[Meeting]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("kind", extract_kind),
    ("metadata", extract_metadata),
    ("agenda_items", extract_agenda_items),
    ("attendees", extract_attendees),
    ("resolutions", extract_resolutions),
    ("actions", extract_actions),
)

POST_PASSES: tuple[tuple[str, PostPass], ...] = (
    ("mentions", link_mentions),
    ("short_names", resolve_short_names),
)
