"""Inline action markers: "Action: …", "TODO Mike :: …", "WC – action 1", margin labels
reading "Action", the entries of an "Actions:" list, and scribe-style "ACTION-87: …" lines;
and the due date a marker or sentence ends with ("by 10.12.14", "(by Friday)")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...document import BlockKind, Document
from ...models import (
    ActionStatus,
    PersonRef,
)
from ...rules import (
    DECISION_VERBS,
)
from ...rules.actions_review import NEW_ACTION_LABEL
from ..dates import find_dates
from ..sections import actions_heading_owner, is_actions_heading, is_review_heading
from ..sentences import sentence_spans
from .context import _Context
from .merge import _Mention
from .owners import _OWNER_TASK, _owners, _plausible_owner

_ACTION_LEAD = re.compile(
    r"^\s*[\[(]?\**\s*(?:agreed\s+)?actions?\s*(?:point)?\s*(?P<tag>\(?[A-Z]{0,4}\d{0,3}\)?)?\s*"
    r"(?:[:–—]|-\s|by\s*:)\s*"
    r"\**\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_TRAILING_REF = re.compile(
    r"^(?P<head>.*?)\s*[–—-]?\s*\baction\s*(?:no\.?\s*)?(?P<ref>\d{1,3})\s*\.?$", re.IGNORECASE
)
_SCRIBE_REF = re.compile(
    r"^\s*ACTION-(?P<ref>\d{1,5})\s*(?:\((?P<who>[^)]*)\))?\s*:?\s*(?P<rest>.*)$"
)
_DUE_IN_TEXT = re.compile(
    r"\s*[(,]?\s*\b(?:by|before|no\s+later\s+than|due)\s+(?P<due>(?:the\s+)?(?:end\s+of\s+)?"
    r"[^,;()]{2,40}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
_WHEN_PAREN = re.compile(r"\s*\((?P<due>by\s+[^)]+|today|tomorrow)\)\s*$", re.IGNORECASE)
#: "TODO Mike :: …", "#todo yj: …", "#action …": a task marker without a colon after it.
_TODO_LEAD = re.compile(r"^\W{0,3}(?:#(?i:todo|action)|TODO)\b:?\s+(?P<rest>\S.*)$", re.DOTALL)
#: An ordered list's enumerator rendered into the item ("c. ACTION: …").
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+")
#: MeetBot's stamp after each summary line: "(jmrodri, 13:39:45)".
_BOT_STAMP = re.compile(r"\s*\([\w.|-]+,\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
_DECISION_RECORD = re.compile(rf"^(?:{DECISION_VERBS})\b", re.IGNORECASE)
_IRC = re.compile(r"^<[^>]+>\s*")
_TASKLIKE = re.compile(
    r"\b(?:agreed|will|would|to\s+[a-z]+|asked|requested|undertook|offered)\b", re.IGNORECASE
)
_MOVEMENT = re.compile(r"\b(?:left|joined|arrived|returned\s+to)\s+the\s+meeting\b", re.IGNORECASE)


def _marker_mentions(ctx: _Context, skip: set[int]) -> Iterator[_Mention]:
    doc = ctx.doc
    in_actions_list = False
    list_owner: str | None = None
    list_level = 0  # an "Action items:" list item covers only the items nested under it
    review_level: int | None = None  # inside a review of earlier actions: not new ones
    for k, b in enumerate(doc.blocks):
        text = _IRC.sub("", b.text)  # IRC logs: "<Bob Chen> ACTION: …"
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
            in_actions_list = False
            continue
        if is_actions_heading(text) and not is_review_heading(text):
            in_actions_list, review_level = True, None
            list_owner = actions_heading_owner(text)
            list_level = (b.level or 0) if b.kind is BlockKind.LIST_ITEM else 0
            continue
        if b.kind is BlockKind.LIST_ITEM and b.level is not None:
            enum = _ENUMERATOR.match(text)
            if enum:
                offset += enum.end()
                text = text[enum.end() :]
        text = _BOT_STAMP.sub("", text)
        if review_level is not None and (in_actions_list or _TODO_LEAD.match(text)):
            continue  # a TODO relisted under "Action Items From Last Month" is an update
        if b.kind is not BlockKind.LIST_ITEM or (list_level and (b.level or 0) <= list_level):
            in_actions_list = False
        elif b.label and b.label.lower() == "actions":
            in_actions_list = True  # the "Actions:" heading was read as a margin label
        mention = None
        lead = _ACTION_LEAD.match(text) or _TODO_LEAD.match(text)
        scribe = _SCRIBE_REF.match(text)
        if lead and not scribe:
            if _DECISION_RECORD.match(lead.group("rest")):
                continue  # "Action: Approved the minutes" records a decision
            # "Action LB: Make publicity": the initials of an attendee, defined in the
            # attendance list ("Leonardo Bishop (LB)"), own the task.
            tag = (lead.groupdict().get("tag") or "").strip("()")
            initials = tag if 2 <= len(tag) <= 4 and tag.isalpha() and tag.isupper() else None
            rest, rest_at = lead.group("rest"), offset + lead.start("rest")
            # "[Action: IW to provide a report. Portal to explore measures.]": one marker
            # holding one task per owner gives one action each.
            tasks = [] if initials else _owned_sentences(ctx, rest)
            for start, end in tasks:
                found = _from_marker(ctx, k, rest[start:end], rest_at + start, "action_marker")
                if found is not None:
                    yield found
            if tasks:
                continue
            mention = _from_marker(ctx, k, rest, rest_at, "action_marker", who=initials)
        elif in_actions_list:
            mention = _from_marker(ctx, k, text, offset, "action_list", default_owner=list_owner)
        elif b.label and b.label.lower().startswith("action"):
            mention = _from_marker(ctx, k, text, offset, "action_label")
        elif _TRAILING_REF.match(text) and len(text) < 80:
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


def _owned_sentences(ctx: _Context, text: str) -> list[tuple[int, int]]:
    """The sentences of a marker's text when there are several and each opens with its own
    owner ("IW to provide …. Portal to explore …"); otherwise none."""
    spans = sentence_spans(text)
    if len(spans) < 2:
        return []
    for start, end in spans:
        ot = _OWNER_TASK.match(text[start:end])
        if ot is None or not _plausible_owner(ctx, ot.group("who"), explicit=True):
            return []
    return list(spans)


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
    trailing = _TRAILING_REF.match(text)
    if trailing:
        ref = ref or trailing.group("ref")
        text = trailing.group("head").strip(" –—-")
    owners: list[PersonRef] = []
    text, due = _split_due(text)
    text = text.strip(" –—-,")
    description = text
    if who:
        owners = _owners(ctx, who)
    else:
        ot = _OWNER_TASK.match(text)
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
        if b.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or _ACTION_LEAD.match(b.text):
            continue
        for s, e in reversed(sentence_spans(b.text)):
            sentence = b.text[s:e]
            if _TASKLIKE.search(sentence) and not _MOVEMENT.search(sentence):
                return sentence
    return ""


def _split_due(text: str) -> tuple[str, str | None]:
    m = _WHEN_PAREN.search(text) or _DUE_IN_TEXT.search(text)
    if m and (
        find_dates(m.group("due"))
        or re.search(
            r"\d|monday|tuesday|wednesday|thursday|friday|today|tomorrow|next|end\s+of|"
            r"january|february|march|april|may|june|july|august|september|october|november|"
            r"december|agm|meeting|go-live",
            m.group("due"),
            re.IGNORECASE,
        )
    ):
        return text[: m.start()].rstrip(" ,"), m.group("due").strip()
    return text, None
