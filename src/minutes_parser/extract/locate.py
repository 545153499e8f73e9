"""Where in the meeting a stretch of text stands: which agenda item holds it."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import AgendaItem

__all__ = ["item_at"]


def item_at(items: Sequence[AgendaItem], offset: int) -> str | None:
    """Number (or title) of the innermost agenda item whose text holds ``offset``."""
    best: AgendaItem | None = None
    for root in items:
        for item in root.walk():
            ts = item.text_span or item.span
            if ts.start <= offset <= ts.end and (
                best is None or (best.text_span or best.span).start <= ts.start
            ):
                best = item
    if best is None:
        return None
    return best.number or best.title
