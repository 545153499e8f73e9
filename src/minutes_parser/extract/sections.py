"""Section headings more than one extractor reads: a list of this meeting's actions, and a
review of earlier ones. Defined once so the agenda outline, the action markers and the review
readers agree on what opens each section."""

from __future__ import annotations

from ..rules.sections import ACTIONS_HEADING, PREVIOUS_ACTIONS, REVIEWED

__all__ = ["is_actions_heading", "is_review_heading"]


def is_actions_heading(text: str) -> bool:
    """ "Actions:", "Action items for Cultivator", "Next steps", "**3. To do**". Not "Action
    List from Meeting 14-3-16": a list brought from an earlier meeting is reported on."""
    return ACTIONS_HEADING.fullmatch(text) is not None


def is_review_heading(text: str) -> bool:
    """A short line opening a review of earlier actions: "Matters arising", "Action items
    from last month", "Review of previous actions"."""
    text = text.strip()
    return len(text) < 120 and bool(PREVIOUS_ACTIONS.search(text)) and bool(REVIEWED.search(text))
