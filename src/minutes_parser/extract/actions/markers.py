"""Inline action markers: "Action: …", "TODO Mike :: …", "WC – action 1", margin labels
reading "Action", the entries of an "Actions:" list, and scribe-style "ACTION-87: …" lines;
and the due date a marker or sentence ends with ("by 10.12.14", "(by Friday)")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...document import Block, BlockKind, Document
from ...models import (
    ActionStatus,
    PersonRef,
)
from ...rules.actions import (
    ACTION_LEAD,
    ACTIONS_COLUMN_TITLE,
    BOT_STAMP,
    BRACKETED_OWNER,
    DECISION_RECORD,
    DUE_IN_TEXT,
    DUE_WORDS,
    ENUMERATOR,
    IRC,
    LEADING_REF,
    MARKER_CUE,
    MARKER_MOVEMENT,
    OWNER_TASK,
    SCRIBE_REF,
    SEMICOLON_PART,
    STATUS_LINE_RE,
    TASKLIKE,
    TODO_LEAD,
    TRAILING_OWNER,
    TRAILING_REF,
    WHEN_PAREN,
)
from ...rules.actions_review import NEW_ACTION_LABEL
from ..dates import find_dates
from ..sections import (
    actions_heading_owner,
    introduces_list,
    is_actions_heading,
    is_review_heading,
)
from ..sentences import sentence_spans
from .context import _Context
from .merge import _Mention
from .owners import _owners, _plausible_owner

PARAGRAPH_ENTRY_LONGEST = 300
"""Characters a paragraph under an actions heading may hold and still be one of its entries."""


def _marker_mentions(ctx: _Context, skip: set[int]) -> Iterator[_Mention]:
    doc = ctx.doc
    in_actions_list = False
    list_owner: str | None = None
    list_level = 0  # an "Action items:" list item covers only the items nested under it
    # "*A faire*" / "Recontacter l'interorga … (Rafa).": an actions heading over short
    # paragraphs, not a list (mdp-rennes-ca-2024-02-22.md); they are its entries until the
    # next heading or list
    paragraph_list = False
    actions_level: int | None = None  # the level of the actions heading, when it has one
    first_rows: dict[int, Block] | None = None  # each table's first row, once a cell is read
    review_level: int | None = None  # inside a review of earlier actions: not new ones
    for k, b in enumerate(doc.blocks):
        text = IRC.sub("", b.text)  # IRC logs: "<Bob Chen> ACTION: …"
        offset = len(b.text) - len(text)
        if b.kind is BlockKind.HEADING:
            # A heading of unknown level ends a review as any heading does.
            if review_level is not None and (not review_level or (b.level or 0) <= review_level):
                review_level = None
            if is_review_heading(text):
                review_level = b.level or 0
        if k in skip and b.kind is BlockKind.LIST_ITEM:
            continue  # an item read as an update; the list it stands in goes on
        if k in skip or b.kind is BlockKind.TABLE_ROW:
            in_actions_list = paragraph_list = False
            if k not in skip and review_level is None:
                if first_rows is None:
                    first_rows = _first_rows(doc)
                yield from _cell_markers(ctx, k, b, first_rows)
            continue
        if (
            in_actions_list
            and b.kind is BlockKind.HEADING
            and actions_level is not None
            and (b.level or 0) > actions_level
            and not is_review_heading(text)
            and not is_actions_heading(text)
        ):
            # "## Actions" / "### Deliverables:" / "- D1 (…)" / "- [HP] Create a poll …": a
            # heading beneath the actions heading groups its entries (rse-aunz-sc-2019-11-01.md)
            continue
        if b.kind is BlockKind.HEADING and (b.level or 0) <= (actions_level or 0):
            actions_level = None  # the actions heading's section is over
        if actions_level is not None and b.kind is BlockKind.PARAGRAPH and introduces_list(text):
            # "## Tasks for Everyone" / "To be done until **Friday 15.12.2023**:" / "1. …" /
            # "If possible/needed, do:" / "- …": a line introducing the section's next list
            # (permaplant-team-2023-12-11.md)
            in_actions_list, paragraph_list = True, False
            continue
        if is_actions_heading(text) and not is_review_heading(text):
            in_actions_list, review_level = True, None
            actions_level = b.level if b.kind is BlockKind.HEADING and b.level else None
            list_owner = actions_heading_owner(text)
            list_level = (b.level or 0) if b.kind is BlockKind.LIST_ITEM else 0
            following = doc.blocks[k + 1] if k + 1 < len(doc.blocks) else None
            paragraph_list = b.kind is not BlockKind.LIST_ITEM and (
                following is not None and following.kind is BlockKind.PARAGRAPH
            )
            continue
        if b.kind is BlockKind.LIST_ITEM:
            # "3. Tristan - talk to Melatos": a list's number, kept in a PDF item's text
            enum = ENUMERATOR.match(text)
            if enum:
                offset += enum.end()
                text = text[enum.end() :]
        text = BOT_STAMP.sub("", text)
        if review_level is not None and (in_actions_list or TODO_LEAD.match(text)):
            continue  # a TODO relisted under "Action Items From Last Month" is an update
        if (
            b.kind is not BlockKind.PARAGRAPH
            or len(text) > PARAGRAPH_ENTRY_LONGEST
            or text.rstrip().endswith(":")  # "AGM Arrangements to be completed:" opens a list
        ):
            paragraph_list = False
        if paragraph_list:
            pass  # a paragraph under the heading, one of its entries: the list goes on
        elif b.kind is not BlockKind.LIST_ITEM or (list_level and (b.level or 0) <= list_level):
            in_actions_list = False
        elif b.label and b.label.lower() == "actions":
            in_actions_list = True  # the "Actions:" heading was read as a margin label
        mention = None
        lead = ACTION_LEAD.match(text) or TODO_LEAD.match(text)
        scribe = SCRIBE_REF.match(text)
        if lead and not scribe:
            yield from _lead_mentions(ctx, k, lead, offset)
            continue
        if (
            b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and review_level is None
            and MARKER_CUE.search(text)
        ):
            # "… Sander gaat dit in goede banen leiden. Taak Sander: een hamer-achtig object
            # meenemen.": a marker opening a later sentence of the paragraph
            for s, e in sentence_spans(text)[1:]:
                inner = ACTION_LEAD.match(text[s:e])
                if inner is not None:
                    yield from _lead_mentions(ctx, k, inner, offset + s)
        if in_actions_list and _groups_items(doc.blocks, k):
            pass  # "- D1 (Publish a Manifesto …)" over its owned tasks: a group, not a task
        elif in_actions_list:
            mention = _from_marker(ctx, k, text, offset, "action_list", default_owner=list_owner)
            if paragraph_list and mention is not None and not _known_owner(mention):
                mention = None  # a paragraph is an entry only when it names who will do it
        elif b.label and b.label.lower().startswith("action"):
            mention = _from_marker(ctx, k, text, offset, "action_label")
        elif TRAILING_REF.match(text) and len(text) < 80:
            mention = _from_marker(ctx, k, text, offset, "action_ref")
        elif in_actions_list:
            mention = _from_marker(ctx, k, text, offset, "action_list", default_owner=list_owner)
        elif scribe:
            mention = _from_marker(
                ctx,
                k,
                scribe.group("rest"),
                offset + scribe.start("rest"),
                "scribe_action",
                ref=f"ACTION-{scribe.group('ref')}",
                who=scribe.group("who"),
            )
        if mention is not None:
            yield mention


def _groups_items(blocks: list[Block], k: int) -> bool:
    """Whether the list item at ``k`` has items nested under it."""
    b = blocks[k]
    after = blocks[k + 1] if k + 1 < len(blocks) else None
    return (
        b.kind is BlockKind.LIST_ITEM
        and after is not None
        and after.kind is BlockKind.LIST_ITEM
        and (after.level or 0) > (b.level or 0)
    )


def _known_owner(mention: _Mention) -> bool:
    """Whether a mention's owners include someone the meeting knows, or a group ("Aim to meet
    again" names no one)."""
    return any(o.resolved or o.is_group for o in mention.owners)


def _owned_sentences(ctx: _Context, text: str) -> list[tuple[int, int]]:
    """The sentences (or the parts a semicolon divides) of a marker's text when there are
    several and each names its own owner, before it ("IW to provide …. Portal to explore …")
    or in brackets after it ("A faire : Rapport moral 2024 (Charlotte et Anne-Marie) ;
    Rapport financier 2024 (Anaël et Quentin)", mdp-rennes-ca-2024-06-12.md); otherwise none."""
    for spans in (sentence_spans(text), _semicolon_parts(text)):
        if len(spans) >= 2 and all(_names_owner(ctx, text[s:e]) for s, e in spans):
            return list(spans)
    return []


def _semicolon_parts(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each part of ``text`` between semicolons, spaces trimmed."""
    return [m.span() for m in SEMICOLON_PART.finditer(text)]


def _names_owner(ctx: _Context, part: str) -> bool:
    ot = OWNER_TASK.match(part)
    if ot is not None and _plausible_owner(ctx, ot.group("who"), explicit=True):
        return True
    tail = TRAILING_OWNER.search(part)
    return tail is not None and bool(_plausible_owner(ctx, tail.group("who")))


def _lead_mentions(ctx: _Context, k: int, lead: re.Match[str], offset: int) -> Iterator[_Mention]:
    """The actions an action marker states ("Action LB: Make publicity", "[Action: IW to
    provide a report. Portal to explore measures.]")."""
    if DECISION_RECORD.match(lead.group("rest")):
        return  # "Action: Approved the minutes" records a decision
    # "Action LB: Make publicity": the initials of an attendee, defined in the attendance list
    # ("Leonardo Bishop (LB)"), or their name ("Taak Sander:") own the task.
    initials = _marker_owner(lead)
    rest, rest_at = lead.group("rest"), offset + lead.start("rest")
    # One marker holding one task per owner gives one action each.
    tasks = [] if initials else _owned_sentences(ctx, rest)
    for start, end in tasks:
        found = _from_marker(ctx, k, rest[start:end], rest_at + start, "action_marker")
        if found is not None:
            yield found
    if not tasks:
        mention = _from_marker(ctx, k, rest, rest_at, "action_marker", who=initials)
        if mention is not None:
            yield mention


def _marker_owner(lead: re.Match[str]) -> str | None:
    """Who an action marker names, if anyone: the initials it is tagged with ("Action LB:")
    or a name ("Action Sander:", "Taak Sander:")."""
    tag = (lead.groupdict().get("tag") or "").strip("()")
    if 2 <= len(tag) <= 4 and tag.isalpha() and tag.isupper():
        return tag
    return lead.groupdict().get("who")


def _cell_markers(
    ctx: _Context, k: int, b: Block, first_rows: dict[int, Block]
) -> Iterator[_Mention]:
    """Action markers on the lines of a table cell of notes ("5 | Past Events\nAnnual General
    Meeting\nAction LB: Write last publicity\nAction completed | LB", cssuob-committee)."""
    head = first_rows.get(b.table) if b.table is not None else None
    titles = [c.text for c in head.cells or []] if head is not None else []
    for c, cell in enumerate(b.cells or []):
        if is_review_heading(cell.text.split("\n", 1)[0]):
            continue  # a review of earlier actions
        at = cell.start - b.start
        lines = cell.text.split("\n")
        if c < len(titles) and ACTIONS_COLUMN_TITLE.search(titles[c]) and cell.text != titles[c]:
            # "05-10 ORWG to review Chief Officer's job description": a numbered action in
            # a "Decisions and Action Points" column (not-lpc-2018-05-02.pdf)
            for line in lines:
                numbered = LEADING_REF.match(line)
                if numbered is not None:
                    rest_at = at + numbered.start("rest")
                    found = _from_marker(
                        ctx,
                        k,
                        numbered.group("rest"),
                        rest_at,
                        "action_cell",
                        ref=numbered.group("ref"),
                    )
                    if found is not None:
                        yield found
                at += len(line) + 1
            continue
        if "\n" not in cell.text:
            continue  # a field, read with its table
        for j, line in enumerate(lines):
            lead = ACTION_LEAD.match(line)
            reported = j + 1 < len(lines) and STATUS_LINE_RE.match(lines[j + 1]) is not None
            # "Action AA: Submit pizza expenses" / "Action completed": an earlier action
            # restated with its status, an update read as such, not a new task
            if lead is not None and not reported and not DECISION_RECORD.match(lead.group("rest")):
                who = _marker_owner(lead)
                rest_at = at + lead.start("rest")
                found = _from_marker(ctx, k, lead.group("rest"), rest_at, "action_marker", who=who)
                if found is not None:
                    yield found
            at += len(line) + 1


def _first_rows(doc: Document) -> dict[int, Block]:
    """Each table's first row, by table (read once: a long table's rows each ask for it)."""
    first: dict[int, Block] = {}
    for b in doc.blocks:
        if b.table is not None and b.kind is BlockKind.TABLE_ROW:
            first.setdefault(b.table, b)
    return first


def _from_marker(
    ctx: _Context,
    k: int,
    text: str,
    offset: int,
    rule: str,
    ref: str | None = None,
    who: str | None = None,
    default_owner: str | None = None,
) -> _Mention | None:
    doc = ctx.doc
    b = doc.blocks[k]
    text = NEW_ACTION_LABEL.sub("", text.strip())  # "**New:** SM to forward …"
    if text.endswith(("]", ")")) and text.count(text[-1]) > text.count(
        "[" if text[-1] == "]" else "("
    ):
        text = text[:-1].rstrip()  # the close of a bracketed marker: "[Action: … .]"
    leading = LEADING_REF.match(text) if rule == "action_list" and ref is None else None
    if leading is not None:
        ref, text = leading.group("ref"), leading.group("rest")  # "2.1 AA to pass AM …"
    trailing = TRAILING_REF.match(text)
    if trailing:
        ref = ref or trailing.group("ref")
        text = trailing.group("head").strip(" –—-")
    owners: list[PersonRef] = []
    text, due = _split_due(text)
    text = text.strip(" –—-,")
    description = text
    if not text:
        return None  # a marker with nothing after it ("Action:" alone, a blank entry)
    if who:
        owners = _owners(ctx, who)
    else:
        ot = OWNER_TASK.match(text) or BRACKETED_OWNER.match(text)
        refs = _plausible_owner(ctx, ot.group("who"), explicit=True) if ot else None
        if ot and refs:
            owners, description = refs, ot.group("task")
        elif (lead := text.split(maxsplit=1)[0]) in ctx.attendee_names and len(text.split()) > 2:
            # "ACTION: jmrodri test issue 941": a meeting bot's action opens with the nick of
            # someone present; the task keeps its wording.
            owners = _owners(ctx, lead)
        elif len(text.split()) <= 6 and _plausible_owner(ctx, text):
            # "Action: Secretary" / "CW – action 5": the owner only; the task is the sentence
            # before.
            owners = _plausible_owner(ctx, text) or []
            description = _previous_sentence(doc, k)
    if not owners and (tail := TRAILING_OWNER.search(description)) is not None:
        named = _plausible_owner(ctx, tail.group("who"))
        if named:
            owners, description = named, description[: tail.start()]
    if not owners and default_owner:
        # "### Action Items for Cultivator": the heading names whose the items are; used
        # only when it names someone the meeting knows ("Cultivator: bl").
        owners = [r for r in _owners(ctx, default_owner) if r.resolved]
    if not description or (not owners and not ref and rule in ("action_label", "action_ref")):
        return None
    # A ticked task-list box: the action was done by the time the minutes were written.
    status = ActionStatus.COMPLETED if b.checked else ActionStatus.OPEN
    description, due2 = _split_due(description)
    due = due or due2
    desc = description.strip().rstrip(".")
    start = b.start + offset
    return _Mention(
        description=desc,
        owners=owners,
        span=doc.span(start, b.end),
        rule=rule,
        ref=ref,
        due_text=due,
        status=status,
        weight=1 if description is text or rule == "action_ref" else 2,
        block=k,
    )


def _previous_sentence(doc: Document, k: int) -> str:
    """The task an owner-only marker ("Action: Secretary") refers to: the nearest sentence
    above that asks for something to be done."""
    for j in range(k - 1, max(-1, k - 4), -1):
        b = doc.blocks[j]
        if b.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or ACTION_LEAD.match(b.text):
            continue
        for s, e in reversed(sentence_spans(b.text)):
            sentence = b.text[s:e]
            if TASKLIKE.search(sentence) and not MARKER_MOVEMENT.search(sentence):
                return sentence
    return ""


def _split_due(text: str) -> tuple[str, str | None]:
    m = WHEN_PAREN.search(text) or DUE_IN_TEXT.search(text)
    if m and (find_dates(m.group("due")) or DUE_WORDS.search(m.group("due"))):
        return text[: m.start()].rstrip(" ,"), m.group("due").strip()
    return text, None
