"""Extractors: pure functions ``(Document, Meeting, ParseOptions) -> Meeting``.

Each returns an updated copy of the meeting; :data:`EXTRACTORS` lists them in the order the
pipeline runs them (later ones read what earlier ones found: owners resolve against the
attendees, decisions link to agenda items).
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import Document
from ..models import Meeting
from ..options import ParseOptions
from .actions import extract_actions
from .agenda import extract_agenda_items
from .attendees import extract_attendees
from .kind import extract_kind
from .mentions import extract_mentions
from .metadata import extract_metadata
from .resolutions import extract_resolutions

__all__ = ["EXTRACTORS", "Extractor"]

Extractor = Callable[[Document, Meeting, ParseOptions], Meeting]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("kind", extract_kind),
    ("metadata", extract_metadata),
    ("agenda_items", extract_agenda_items),
    ("attendees", extract_attendees),
    ("mentions", extract_mentions),
    ("resolutions", extract_resolutions),
    ("actions", extract_actions),
)
