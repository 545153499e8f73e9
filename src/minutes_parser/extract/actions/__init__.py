"""Actions: who promised to do what, by when — and reports on actions from earlier meetings.

Actions come in many forms, and one action is often written several times (an inline
"WC to arrange meetings – action 1", the sentence "Mr Carratt agreed to progress the booking of
a venue", and row 1 of an appendix action log). Each form is found by its own small function,
then mentions of one action are merged: a shared reference number first, then the same owner
close by. The fullest wording wins (a log row over an inline marker).

Action logs that report on *earlier* actions (a "Matters arising" table, rows "Raised 27 July
2023", "Actions ongoing as at …") become :class:`ActionUpdate` objects with a status mapped
from their wording by ``rules.ACTION_STATUS_WORDS``.

One module per form, each yielding mentions (or updates) for :func:`extract_actions` to merge:

- ``logs``: action-log tables (new actions, and updates where the log reports earlier ones);
- ``reviews``: lists reviewing earlier actions, scribe-style "ACTION-87 (hana): …" reviews;
- ``carried_lists``: action lists whose new items are labelled, the others reported on;
- ``review_sections``: paragraphs of a "Matters arising" section reporting on earlier matters;
- ``status_lines``: actions restated with a status line beneath;
- ``markers``: "Action:" markers, margin labels, "Actions:" lists, TODO markers;
- ``sentences``: undertakings in sentences, resolutions that are tasks;
- ``merge``: mentions of one action merged into one :class:`Action`;
- ``owners``, ``status``, ``context``: what the forms share (owner resolution, status
  vocabulary, the state every form reads).
"""

from __future__ import annotations

from ...document import Document
from ...models import Action, ActionStatus, ActionUpdate, DocumentKind, Meeting
from ...rules.statuses import CARRIED_MARK
from ..context import ExtractionContext
from .carried_lists import carried_list_updates
from .context import _Context, _next_meeting
from .logs import _action_logs
from .markers import _marker_mentions
from .merge import _Mention, _merge
from .owners import _plausible_owner
from .review_sections import review_section_updates
from .reviews import _review_lists
from .sentences import _resolution_tasks, _sentence_mentions
from .status import action_status
from .status_lines import status_line_updates

__all__ = ["action_status", "extract_actions"]


def _agenda_titles(doc: Document, meeting: Meeting) -> set[int]:
    """Blocks that are an agenda item's title and nothing more ("1. Nell to give short update
    on Privacy workshop" in a list of topics): a title names business, it records no
    undertaking. A paragraph whose opening words title its item is not one."""
    titles: set[int] = set()
    for item in (i for top in meeting.agenda_items for i in top.walk()):
        k = doc.block_index_at(item.span.start)
        b = doc.blocks[k]
        if item.span.end >= b.end - 1 and len(item.title) >= 0.8 * len(b.text.strip()):
            titles.add(k)
    return titles


def _carried_forward(actions: list[Action]) -> tuple[list[Action], list[ActionUpdate]]:
    """Entries marked as carried from an earlier meeting ("… regarding moorings (carried
    forward)") report on an earlier action: each becomes an update, the rest stay actions."""
    kept: list[Action] = []
    carried: list[ActionUpdate] = []
    for a in actions:
        mark = CARRIED_MARK.search(a.description)
        if mark is None:
            kept.append(a)
            continue
        carried.append(
            ActionUpdate(
                ref=a.ref,
                owners=a.owners,
                owner_refs=a.owner_refs,
                description=a.description,
                status=ActionStatus.CARRIED_FORWARD,
                status_text=mark.group(0).strip(" -–—:()[]"),
                span=a.span,
                rule="action_review:carried_mark",
            )
        )
    return kept, carried


def extract_actions(doc: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    if meeting.kind is DocumentKind.NOT_MINUTES:
        return meeting
    order = context.date_order
    index = context.person_index(meeting.attendees)
    ctx = _Context(doc, meeting, index, order, _next_meeting(doc, order))
    mentions: list[_Mention] = []
    updates: list[ActionUpdate] = []
    log_blocks: set[int] = set()
    for m_or_u, used in _action_logs(ctx):
        log_blocks.update(used)
        if isinstance(m_or_u, ActionUpdate):
            updates.append(m_or_u)
        else:
            mentions.append(m_or_u)
    list_updates, list_blocks = _review_lists(ctx)
    updates.extend(list_updates)
    line_updates, line_blocks = status_line_updates(
        doc, action_status, lambda who: _plausible_owner(ctx, who, explicit=True) or []
    )
    updates.extend(u for u in line_updates if u.span.start not in {x.span.start for x in updates})
    skip = log_blocks | list_blocks | line_blocks
    carried, carried_blocks = carried_list_updates(ctx, skip)
    updates.extend(carried)
    skip |= carried_blocks
    if not updates and not log_blocks:
        # Prose reports on earlier matters, read only where no action log, list or status line
        # reports on them already (there the prose is narrative around the same items). New
        # actions can be agreed inside a review paragraph, so its blocks stay readable below.
        updates.extend(review_section_updates(ctx, skip)[0])
    mentions.extend(_marker_mentions(ctx, skip))
    mentions.extend(_sentence_mentions(ctx, skip | _agenda_titles(doc, meeting)))
    mentions.extend(_resolution_tasks(ctx, meeting.resolutions))
    actions, carried_actions = _carried_forward(_merge(ctx, mentions))
    updates.extend(carried_actions)
    updates.sort(key=lambda u: u.span.start)
    return meeting.model_copy(update={"actions": actions, "action_updates": updates})
