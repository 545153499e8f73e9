"""Actions: who promised to do what, by when — and reports on actions from earlier meetings.

Actions come in many forms, and one action is often written several times (an inline
"WC to arrange meetings – action 1", the sentence "Mr Carratt agreed to progress the booking of
a venue", and row 1 of an appendix action log). Each form is found by its own small function,
then mentions of one action are merged: a shared reference number first, then the same owner
close by. The fullest wording wins (a log row over an inline marker).

Action logs that report on *earlier* actions (a "Matters arising" table, rows "Raised 27 July
2023", "Actions ongoing as at …") become :class:`ActionUpdate` objects with a status mapped
from their wording by ``rules.ACTION_STATUS_WORDS``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..document import Block, BlockKind, Document, Span
from ..models import (
    Action,
    ActionStatus,
    ActionUpdate,
    DocumentKind,
    Meeting,
    PersonRef,
    Resolution,
    stable_id,
)
from ..options import ParseOptions
from ..rules import (
    ACTION_COLUMNS,
    ACTION_STATUS_WORDS,
    ACTIONS_SECTION_HEADINGS,
    BULLETS,
    DECISION_VERBS,
    GROUP_OWNERS,
    NOT_TASK_STARTS,
    PREVIOUS_ACTIONS_CONTEXT,
)
from .agenda import item_at
from .dates import Order, find_dates, infer_date_order
from .due import resolve_due
from .people import HANDLE, PersonIndex, is_name_like, split_honorifics
from .sentences import sentence_spans
from .status_lines import status_line_updates

__all__ = ["action_status", "extract_actions"]

#: A status cell that keeps a history: one paragraph per report, or "Update from <date>".
_HISTORY = re.compile(r"\n|(?=\bupdated?\s+(?:from|as\s+at|on)\b)", re.IGNORECASE)
_VERDICT_RANK = {
    ActionStatus.DROPPED: 0,
    ActionStatus.CARRIED_FORWARD: 1,
    ActionStatus.COMPLETED: 2,
    ActionStatus.ONGOING: 3,
    ActionStatus.OPEN: 4,
}
_CLAUSES = re.compile(r"(?<=[.;,])\s+|\s+[—–]\s+")
_STATUS = [(re.compile(p, re.IGNORECASE), ActionStatus(s)) for p, s in ACTION_STATUS_WORDS]
_PREVIOUS = re.compile(PREVIOUS_ACTIONS_CONTEXT, re.IGNORECASE)
_COLUMN_OF = {name.lower(): col for col, names in ACTION_COLUMNS.items() for name in names}
_ACTION_LEAD = re.compile(
    r"^\s*\**\s*(?:agreed\s+)?actions?\s*(?:point)?\s*(?:\(?[A-Z]{0,3}\d{0,3}\)?)?\s*(?:[:–—]|-\s|by\s*:)\s*"
    r"\**\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_TRAILING_REF = re.compile(
    r"^(?P<head>.*?)\s*[–—-]?\s*\baction\s*(?:no\.?\s*)?(?P<ref>\d{1,3})\s*\.?$", re.IGNORECASE
)
_SCRIBE_REF = re.compile(
    r"^\s*ACTION-(?P<ref>\d{1,5})\s*(?:\((?P<who>[^)]*)\))?\s*:?\s*(?P<rest>.*)$"
)
_OWNER_SEP = re.compile(r"\s*(?:/|&|\+|,|\band\b)\s*")
_WHO = (
    r"(?:(?:the|our)\s+)?(?:[A-Z][\w'’.-]*|[a-z][a-z0-9_-]{1,20}(?=\s?::?\s|\s+to\s))"
    r"(?:\s*(?:/|&|\+|,|and)\s*(?:the\s+)?[A-Z][\w'’.-]*|\s+(?:(?:of|for|the)\s+)?[A-Z][\w'’.-]*){0,5}"
)
_OWNER_TASK = re.compile(
    rf"^(?P<who>{_WHO})\s*(?:::?\s+|\s+(?:to|will|agreed\s+to|is\s+to|are\s+to)\s+)(?P<task>\S.*)$"
)
#: "Further to public participation, Cllr Glover to report …": an opening phrase before the
#: owner.
_LEAD_IN = (
    r"(?:(?i:further\s+to|following(?:\s+on\s+from)?|after|in\s+response\s+to|"
    r"as\s+agreed(?:\s+at)?)\b[^,]{0,60},\s+)?"
)
_SENTENCE_FORMS: Sequence[tuple[str, re.Pattern[str]]] = (
    (
        "undertook",
        re.compile(
            rf"^{_LEAD_IN}(?P<who>{_WHO})\s+(?:(?:has\s+|had\s+|kindly\s+)?(?:agreed|undertook|offered|volunteered|"
            rf"promised)\s+to|(?:was|were)\s+asked\s+to|is\s+going\s+to|will|is\s+to|are\s+to|to)"
            rf"\s+(?P<task>[a-z].+)$"
        ),
    ),
    (
        "agreed_that",
        re.compile(
            rf"(?:it\s+was\s+agreed|agreed)\s+that\s+(?P<who>{_WHO})\s+(?:would|will|should)\s+"
            rf"(?P<task>[a-z].+)$"
        ),
    ),
    (
        "directed_to",
        re.compile(
            rf"\b(?:directed|asked|requested|instructed|tasked|invited)\s+(?P<who>(?:the\s+)?(?:staff|"
            rf"officers|{_WHO}))\s+to\s+(?P<task>[a-z].+)$"
        ),
    ),
    (
        "was_directed",
        re.compile(
            rf"(?P<who>\b(?:staff|officers|{_WHO}))\s+(?:was|were)\s+(?:directed|asked|requested|"
            rf"instructed|tasked)\s+to\s+(?P<task>[a-z].+)$"
        ),
    ),
    (
        "stated_would",
        re.compile(
            rf"^(?P<who>{_WHO})\s+(?:\w+\s+){{0,8}}?(?:stated|said|confirmed|indicated|agreed)\s+that\s+"
            rf"(?:he|she|they)\s+would\s+(?P<task>[a-z].+)$"
        ),
    ),
)
#: What every form above needs ("to", "will", "would" or "should" before a lower-case task):
#: a block without it holds no undertaking in any of its sentences.
_UNDERTAKING_CUE = re.compile(r"\b(?:to|will|would|should)\s+[a-z]")
_DUE_IN_TEXT = re.compile(
    r"\s*[(,]?\s*\b(?:by|before|no\s+later\s+than|due)\s+(?P<due>(?:the\s+)?(?:end\s+of\s+)?"
    r"[^,;()]{2,40}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
_WHEN_PAREN = re.compile(r"\s*\((?P<due>by\s+[^)]+|today|tomorrow)\)\s*$", re.IGNORECASE)
_ACTIONS_HEADING = re.compile(
    rf"\s*\**\s*(?:\d{{1,2}}[.)]?\s+)?(?:{'|'.join(ACTIONS_SECTION_HEADINGS)})"
    r"(?:\s+(?:for|of)\s+[\w .'’&-]{1,40})?\s*:?\s*\**\s*",
    re.IGNORECASE,
)
#: "TODO Mike :: …", "#todo yj: …", "#action …": a task marker without a colon after it.
_TODO_LEAD = re.compile(r"^\W{0,3}(?:#(?i:todo|action)|TODO)\b:?\s+(?P<rest>\S.*)$", re.DOTALL)
#: An ordered list's enumerator rendered into the item ("c. ACTION: …").
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+")
#: MeetBot's stamp after each summary line: "(jmrodri, 13:39:45)".
_BOT_STAMP = re.compile(r"\s*\([\w.|-]+,\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
_SECTION_ROW = re.compile(
    r"raised|ongoing|on-going|outstanding|carried|previous|new actions|"
    r"actions? (?:from|agreed)|as at",
    re.IGNORECASE,
)
_NEXT_MEETING = re.compile(
    r"(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting)\b[^.\n]{0,80}", re.IGNORECASE
)
_DECISION_RECORD = re.compile(rf"^(?:{DECISION_VERBS})\b", re.IGNORECASE)
_IRC = re.compile(r"^<[^>]+>\s*")
_HANDOVERS = (
    re.compile(
        r"^(?P<who>.+?)\s+to\s+(?:follow|take|pick|lead)\b.*\b(?:in\s+replacement\s+of|"
        r"instead\s+of|replacing|taking\s+over\s+from|in\s+place\s+of)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?i:now\s+(?:with|owned\s+by|led\s+by)|passed\s+to|transferred\s+to|"
        r"taken\s+over\s+by|reassigned\s+to|handed\s+(?:over\s+)?to)\s+"
        r"(?P<who>(?:the\s+)?[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*){0,2})"
    ),
)
_TASKLIKE = re.compile(
    r"\b(?:agreed|will|would|to\s+[a-z]+|asked|requested|undertook|offered)\b", re.IGNORECASE
)
_MOVEMENT = re.compile(r"\b(?:left|joined|arrived|returned\s+to)\s+the\s+meeting\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)
_RESOLUTION_TASK = re.compile(
    r"\bbe\s+(?:circulated|sent|distributed|shared|provided|forwarded|submitted|presented|"
    r"reported|brought\s+back|published)\b",
    re.IGNORECASE,
)


def action_status(text: str) -> tuple[ActionStatus | None, str]:
    """The status a report's wording states, and the wording it was read from.

    Each clause is read on its own ("not done yet, carry forward"); where clauses disagree the
    more decisive verdict wins: dropped, carried forward, completed, ongoing, then open.
    """
    best: tuple[int, ActionStatus, str] | None = None
    for clause in _CLAUSES.split(text):
        for rx, status in _STATUS:
            m = rx.search(clause)
            if m:
                rank = _VERDICT_RANK[status]
                if best is None or rank < best[0]:
                    best = (rank, status, m.group(0))
                break
    return (best[1], best[2]) if best else (None, "")


@dataclass
class _Mention:
    """One written form of an action, before mentions of one action are merged."""

    description: str
    owners: list[PersonRef]
    span: Span
    rule: str
    ref: str | None = None
    due_text: str | None = None
    status: ActionStatus = ActionStatus.OPEN
    weight: int = 0
    """How full the wording is: a log row (3) beats a sentence (2) beats a marker (1)."""
    block: int = 0
    extra_spans: list[Span] = field(default_factory=list)


@dataclass
class _Context:
    doc: Document
    meeting: Meeting
    index: PersonIndex
    order: Order
    next_meeting: dt.date | None


def extract_actions(doc: Document, meeting: Meeting, options: ParseOptions) -> Meeting:
    if meeting.kind is DocumentKind.NOT_MINUTES:
        return meeting
    order: Order = (
        options.date_order if options.date_order != "auto" else infer_date_order(doc.text)
    )
    ctx = _Context(doc, meeting, PersonIndex(meeting.attendees), order, _next_meeting(doc, order))
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
    mentions.extend(_marker_mentions(ctx, skip))
    mentions.extend(_sentence_mentions(ctx, skip))
    mentions.extend(_resolution_tasks(ctx, meeting.resolutions))
    actions = _merge(ctx, mentions)
    updates.sort(key=lambda u: u.span.start)
    return meeting.model_copy(update={"actions": actions, "action_updates": updates})


# ---------------------------------------------------------------------------------------------
# Owners


def _owners(ctx: _Context, text: str) -> list[PersonRef]:
    text = text.strip().strip(":.,;-–— ")
    text = re.sub(r"^(?:owner|lead|who|by)\s*:\s*", "", text, flags=re.IGNORECASE)
    if not text:
        return []
    low = re.sub(r"^the\s+", "", text.lower())
    if low in GROUP_OWNERS or low.startswith("all "):
        return [PersonRef(as_written=text, name=text, resolved=True, method="group", is_group=True)]
    parts = [p for p in _OWNER_SEP.split(text) if p and p.strip()]
    refs = [ctx.index.resolve(p.strip()) for p in parts]
    return [r for r in refs if r.as_written]


def _plausible_owner(ctx: _Context, who: str, *, explicit: bool = False) -> list[PersonRef] | None:
    """Owners when ``who`` names people (resolved, initials, a role or a group), else None.

    After an explicit marker ("ACTION: Bob Nobody to …") a name that matches no attendee is
    still the owner: it is kept as written and flagged unresolved.
    """
    who = re.sub(r"^(?:the|our)\s+", "", who.strip(), flags=re.IGNORECASE)
    refs = _owners(ctx, who)
    if not refs or len(who.split()) > 7:
        return None
    for r in refs:
        if r.resolved or r.is_group:
            continue
        hon, bare = split_honorifics(r.as_written)
        if re.fullmatch(r"[A-Z]{2,4}", bare) or hon or (explicit and is_name_like(bare)):
            continue
        if explicit and HANDLE.match(bare):
            continue  # "#todo yj: …", "ACTION: jmrodri test …": a user name, kept as written
        return None
    return refs


# ---------------------------------------------------------------------------------------------
# Action logs (tables)


def _header_columns(b: Block) -> dict[str, int] | None:
    if b.cells is None:
        return None
    cols: dict[str, int] = {}
    for k, c in enumerate(b.cells):
        key = c.text.strip().strip(":").strip().lower()
        col = _COLUMN_OF.get(key)
        if col and col not in cols:
            cols[col] = k
    if "description" in cols and ("owner" in cols or "ref" in cols) and len(cols) >= 2:
        return cols
    if "discussion" in cols and "owner" in cols and "description" not in cols:
        return cols
    return None


def _action_logs(ctx: _Context) -> Iterator[tuple[_Mention | ActionUpdate, set[int]]]:
    doc = ctx.doc
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        cols = _header_columns(blocks[i]) if blocks[i].kind is BlockKind.TABLE_ROW else None
        if cols is None:
            i += 1
            continue
        previous = _is_previous_context(doc, i)
        raised: dt.date | None = _context_date(doc, i) if previous else None
        used = {i}
        j = i + 1
        while j < len(blocks):
            b = blocks[j]
            if b.kind is BlockKind.TABLE_ROW and b.cells is not None:
                new_cols = _header_columns(b)
                if new_cols is not None:
                    cols = new_cols  # a continuation table may add a column ("Update")
                    used.add(j)
                    j += 1
                    continue
                filled = [c for c in b.cells if c.text.strip()]
                if len(filled) == 1 and _SECTION_ROW.search(filled[0].text):
                    previous, raised = _section_state(ctx, filled[0].text, previous, raised)
                    used.add(j)
                    j += 1
                    continue
                row = _row_fields(b, cols)
                if row is not None:
                    yield _row_item(ctx, b, row, previous, raised), {j}
                used.add(j)
                j += 1
                continue
            if (
                len(b.text) <= 80
                and _SECTION_ROW.search(b.text)
                and b.kind is not BlockKind.LIST_ITEM
            ):
                previous, raised = _section_state(ctx, b.text, previous, raised)
                used.add(j)
                j += 1
                continue
            break
        yield from ()
        i = j


def _section_state(
    ctx: _Context, text: str, previous: bool, raised: dt.date | None
) -> tuple[bool, dt.date | None]:
    """A row like "Raised 27 July 2023" or "Actions ongoing as at 04.12.14" sets whether the
    rows below report on earlier actions, and when those were raised."""
    dates = [m.date for m in find_dates(text, ctx.order)]
    md = ctx.meeting.meeting.date
    if re.search(r"ongoing|on-going|outstanding|carried|previous", text, re.IGNORECASE):
        return True, None
    if dates:
        is_previous = md is None or dates[0] != md
        return is_previous, dates[0] if is_previous else None
    if re.search(r"new actions|actions? agreed|raised at this", text, re.IGNORECASE):
        return False, None
    return previous, raised


def _is_previous_context(doc: Document, i: int) -> bool:
    """Whether the heading or paragraph just above a log says it reports earlier actions."""
    for k in range(i - 1, max(-1, i - 3), -1):
        b = doc.blocks[k]
        if b.kind is BlockKind.TABLE_ROW:
            break
        if _PREVIOUS.search(b.text) and len(b.text) < 200:
            return True
        if b.kind is BlockKind.HEADING or len(b.text) < 120:
            return False
    return False


def _context_date(doc: Document, i: int) -> dt.date | None:
    for k in range(i - 1, max(-1, i - 3), -1):
        if len(doc.blocks[k].text) < 200:
            for m in find_dates(doc.blocks[k].text):
                return m.date
    return None


def _row_fields(b: Block, cols: dict[str, int]) -> dict[str, tuple[str, int]] | None:
    """Cell text and offset per column; a "1. Warren Carratt" cell is split into ref and owner
    where a template merged the first two columns."""
    assert b.cells is not None
    cells = list(b.cells)
    while cells and not cells[-1].text.strip():
        cells.pop()  # grid formats keep trailing empty cells; text exports drop them
    out: dict[str, tuple[str, int]] = {}
    shift = 0
    if "ref" in cols and "owner" in cols and len(cells) < max(cols.values()) + 1:
        m = re.match(r"^(\d{1,3})\.?\s+(\S.*)$", cells[cols["ref"]].text)
        if m and cols["owner"] == cols["ref"] + 1:
            c = cells[cols["ref"]]
            out["ref"] = (m.group(1), c.start)
            out["owner"] = (m.group(2), c.start + m.start(2))
            shift = 1
    for col, k in cols.items():
        if col in out:
            continue
        kk = k - shift if k > cols.get("owner", 99) or (shift and col != "ref") else k
        if 0 <= kk < len(cells):
            out[col] = (cells[kk].text.strip(), cells[kk].start)
    if "description" not in cols and "discussion" in out:
        owner, at = out.get("owner", ("", 0))
        if not owner:
            return None  # a point discussed that nobody was asked to act on
        task = re.match(r"^(?P<who>.+?)\s+to\s+(?P<task>[a-z].*)$", owner)
        if task:  # "JN to send Pdfs of each plan": the owner cell states the action itself
            out["owner"] = (task.group("who"), at)
            out["description"] = (task.group("task"), at + task.start("task"))
        else:  # "JN/AC Nov (3/4?)": who, then when
            who = _LEADING_OWNERS.match(owner)
            if who is None:
                return None
            out["owner"] = (who.group(), at)
            out["description"] = _owned_point(*out["discussion"], who.group())
    desc = out.get("description", ("", 0))[0]
    if len(desc) < 3:
        return None
    return out


#: Bullet glyphs inside a cell's text; the letter and dash bullets of rules.BULLETS only count
#: at the start of a line.
_BETWEEN_BULLETS = re.compile(
    "[^" + re.escape("".join(c for c in BULLETS if not (c.isalnum() or c in "*-–"))) + "]+"
)
_LEADING_OWNERS = re.compile(r"[A-Z][\w'’.-]*(?:\s*[/&,+]\s*[A-Z][\w'’.-]*)*")


def _owned_point(text: str, start: int, owner: str) -> tuple[str, int]:
    """The part of a discussed point that is the action: the last bullet naming its owner
    ("• AC to arrange to be sent out with minutes"), else the last bullet."""
    pieces = [
        (m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
        for m in _BETWEEN_BULLETS.finditer(text)
        if m.group().strip()
    ]
    if not pieces:
        return text, start
    names = [n for n in _OWNER_SEP.split(owner) if n]
    for piece, at in reversed(pieces):  # what was agreed comes last
        if any(re.search(rf"\b{re.escape(n)}\b", piece) for n in names):
            return piece, start + at
    piece, at = pieces[-1]
    return piece, start + at


def _row_item(
    ctx: _Context, b: Block, row: dict[str, tuple[str, int]], previous: bool, raised: dt.date | None
) -> _Mention | ActionUpdate:
    doc = ctx.doc
    ref = row.get("ref", ("", 0))[0].rstrip(".") or None
    owners = _owners(ctx, row.get("owner", ("", 0))[0])
    desc = row["description"][0]
    status_text = row.get("status", ("", 0))[0]
    status: ActionStatus | None = None
    for paragraph in reversed(_HISTORY.split(status_text)):
        # A cell may hold a history ("Discharged 04.09…" / "Update from 04.12…"): the last
        # report that states a status is the current one.
        status, _ = action_status(paragraph)
        if status is not None:
            break
    span = doc.span(b.start, b.end)
    minute = row.get("minute", ("", 0))[0]
    if minute and not previous and _is_earlier_minute(ctx, minute):
        previous = True
    if previous:
        new_owners = _handover(ctx, status_text)
        return ActionUpdate(
            ref=ref,
            raised_date=raised.isoformat() if raised else None,
            owners=[o.name or o.as_written for o in owners],
            owner_refs=owners,
            new_owners=new_owners,
            description=desc,
            status=status or (ActionStatus.ONGOING if new_owners else ActionStatus.OPEN),
            status_text=status_text,
            status_date=_first_date(status_text, ctx.order),
            span=span,
            rule="action_log:update",
        )
    due_text = row.get("due", ("", 0))[0]
    return _Mention(
        description=desc,
        owners=owners,
        span=span,
        rule="action_log:row",
        ref=ref,
        due_text=due_text or None,
        status=status if status not in (None, ActionStatus.OPEN) else ActionStatus.OPEN,
        weight=3,
        block=doc.block_index_at(b.start),
    )


def _is_earlier_minute(ctx: _Context, minute: str) -> bool:
    """A minute reference that is not one of this meeting's items (an older action)."""
    numbers = {it.number for root in ctx.meeting.agenda_items for it in root.walk() if it.number}
    return bool(numbers) and minute.strip() not in numbers


def _handover(ctx: _Context, text: str) -> list[str]:
    """A new owner the update names: "Jason Harwin to follow up (in replacement of Pete
    Horner)", "now with Dr Rao", "passed to the Clerk" → the new owners."""
    for rx in _HANDOVERS:
        m = rx.search(text)
        if m:
            refs = _plausible_owner(ctx, m.group("who"), explicit=True)
            return [r.name or r.as_written for r in refs or []]
    return []


def _first_date(text: str, order: Order) -> str | None:
    for m in find_dates(text, order):
        return m.date.isoformat()
    return None


# ---------------------------------------------------------------------------------------------
# "Review of last actions" lists and scribe-style "ACTION-87 (hana): …" reviews


def _review_lists(ctx: _Context) -> tuple[list[ActionUpdate], set[int]]:
    """Updates listed under a "Matters arising" / "Review of last actions" heading, and
    scribe-style "ACTION-87 (hana): …" lines followed by a status."""
    doc = ctx.doc
    out: list[ActionUpdate] = []
    used: set[int] = set()
    in_review = False
    raised: str | None = None
    for k, b in enumerate(doc.blocks):
        text = _IRC.sub("", b.text)
        if b.kind is BlockKind.TABLE_ROW:
            in_review = False
            continue
        scribe = _SCRIBE_REF.match(text)
        if scribe and _followed_by_status(doc, k):
            upd = _scribe_update(ctx, k, scribe)
            if upd is not None:
                out.append(upd)
                used.add(k)
            continue
        if b.kind is not BlockKind.LIST_ITEM:
            if (
                len(text) < 120
                and _PREVIOUS.search(text)
                and re.search(r"action|matters arising", text, re.IGNORECASE)
            ):
                in_review = True
                raised = _loose_date(ctx, text)
            elif not (in_review and text.rstrip().endswith(":") and len(text) < 120):
                in_review = False
            continue
        if in_review:
            upd2 = _list_update(ctx, b, raised)
            if upd2 is not None:
                out.append(upd2)
                used.add(k)
    return out, used


_LIST_REF = re.compile(
    r"^(?:min(?:ute)?\.?\s*)?(?P<ref>(?:[A-Z]{1,6}\s?/?)?\d{1,3}(?:/\d{1,4})+(?:\.\d{1,2}|[a-z])?|"
    r"ACTION-\d+|\d{1,3}\.?)(?=\s|$)\s*(?:\((?P<note>[^)]*)\))?\s*[–—:-]?\s*",
    re.IGNORECASE,
)
_STATUS_SPLIT = re.compile(r"\s+[—–-]\s+|:\s+|\s*[—–]\s*")


def _list_update(ctx: _Context, b: Block, raised: str | None) -> ActionUpdate | None:
    """ "fix the login timeout (Ravi) — done", "TLC/23/35 – Ms Dunmore to review …: carried
    forward", "Insurance renewal (BA): completed; …" → an update."""
    text = b.text
    ref = None
    m = _LIST_REF.match(text)
    if m:
        ref = m.group("ref").rstrip(".")
        note = m.group("note") or ""
        raised = _loose_date(ctx, note) or raised
        text = text[m.end() :]
    pieces = _STATUS_SPLIT.split(text)
    for cut in range(len(pieces) - 1, 0, -1):
        status_text = " ".join(pieces[cut:])
        status, _ = action_status(status_text)
        if status is not None:
            break
    else:
        return None
    desc = " ".join(pieces[:cut]).strip()
    owners: list[PersonRef] = []
    who = re.search(r"\(([^)]*)\)\s*$", desc)
    if who:
        note = who.group(1)
        fm = re.search(r",?\s*from\s+(?P<d>.+)$", note)
        if fm:
            raised = _loose_date(ctx, fm.group("d")) or raised
            note = note[: fm.start()]
        owners = _plausible_owner(ctx, note, explicit=True) or []
        desc = desc[: who.start()].strip()
    else:
        ot = _OWNER_TASK.match(desc)
        refs = _plausible_owner(ctx, ot.group("who")) if ot else None
        if ot and refs:
            owners, desc = refs, ot.group("task")
    return ActionUpdate(
        ref=ref,
        new_owners=_handover(ctx, status_text),
        description=desc,
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        raised_date=raised,
        status=status,
        status_text=status_text.strip(),
        span=b.span,
        rule="action_review:list",
    )


def _loose_date(ctx: _Context, text: str) -> str | None:
    """A date in a note, completing a missing year from the meeting ("from 15/02")."""
    for m in find_dates(text, ctx.order):
        return m.date.isoformat()
    md = ctx.meeting.meeting.date
    if md is None:
        return None
    due, _ = resolve_due(text, md - dt.timedelta(days=366), None, ctx.order)
    if due and re.match(r"\d{4}-\d{2}-\d{2}$", due):
        d = dt.date.fromisoformat(due)
        while d > md:
            d = d.replace(year=d.year - 1)
        return d.isoformat()
    return None


def _followed_by_status(doc: Document, k: int) -> bool:
    for b in doc.blocks[k + 1 : k + 4]:
        text = _IRC.sub("", b.text)
        if _SCRIBE_REF.match(text):
            return False
        if action_status(text)[0] is not None:
            return True
    return False


def _scribe_update(ctx: _Context, k: int, m: re.Match[str]) -> ActionUpdate | None:
    doc = ctx.doc
    status: ActionStatus | None = None
    status_text = ""
    for b in doc.blocks[k + 1 : k + 4]:
        if _SCRIBE_REF.match(_IRC.sub("", b.text)):
            break
        st, _ = action_status(_IRC.sub("", b.text))
        if st is not None:
            status, status_text = st, b.text
    if status is None:
        return None
    owners = _owners(ctx, m.group("who") or "")
    b0 = doc.blocks[k]
    return ActionUpdate(
        ref=f"ACTION-{m.group('ref')}",
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        description=m.group("rest").strip(),
        status=status,
        status_text=status_text,
        span=b0.span,
        rule="action_review:scribe",
    )


# ---------------------------------------------------------------------------------------------
# Inline markers: "Action: …", "WC – action 1", margin labels, "Actions:" lists


def _marker_mentions(ctx: _Context, skip: set[int]) -> Iterator[_Mention]:
    doc = ctx.doc
    in_actions_list = False
    list_level = 0  # an "Action items:" list item covers only the items nested under it
    review_level: int | None = None  # inside a review of earlier actions: not new ones
    for k, b in enumerate(doc.blocks):
        text = _IRC.sub("", b.text)  # IRC logs: "<Bob Chen> ACTION: …"
        offset = len(b.text) - len(text)
        if b.kind is BlockKind.HEADING:
            # A heading of unknown level ends a review as any heading does.
            if review_level is not None and (not review_level or (b.level or 0) <= review_level):
                review_level = None
            if _PREVIOUS.search(text) and re.search(r"action|matters", text, re.IGNORECASE):
                review_level = b.level or 0
        if k in skip or b.kind is BlockKind.TABLE_ROW:
            in_actions_list = False
            continue
        if _ACTIONS_HEADING.fullmatch(text) and not _PREVIOUS.search(text):
            in_actions_list, review_level = True, None
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
            mention = _from_marker(
                ctx, k, lead.group("rest"), offset + lead.start("rest"), "action_marker"
            )
        elif in_actions_list:
            mention = _from_marker(ctx, k, text, offset, "action_list")
        elif b.label and b.label.lower().startswith("action"):
            mention = _from_marker(ctx, k, text, offset, "action_label")
        elif _TRAILING_REF.match(text) and len(text) < 80:
            mention = _from_marker(ctx, k, text, offset, "action_ref")
        elif in_actions_list:
            mention = _from_marker(ctx, k, text, offset, "action_list")
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


def _from_marker(
    ctx: _Context,
    k: int,
    text: str,
    offset: int,
    rule: str,
    ref: str | None = None,
    who: str | None = None,
) -> _Mention | None:
    doc = ctx.doc
    b = doc.blocks[k]
    text = text.strip()
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
        elif (lead := text.split(maxsplit=1)[0]) in _attendee_names(ctx) and len(text.split()) > 2:
            # "ACTION: jmrodri test issue 941": a meeting bot's action opens with the nick of
            # someone present; the task keeps its wording.
            owners = _owners(ctx, lead)
        elif len(text.split()) <= 6 and _plausible_owner(ctx, text):
            # "Action: Secretary" / "CW – action 5": the owner only; the task is the sentence
            # before.
            owners = _plausible_owner(ctx, text) or []
            description = _previous_sentence(doc, k)
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


def _attendee_names(ctx: _Context) -> set[str]:
    return {a.name for a in ctx.meeting.attendees}


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


# ---------------------------------------------------------------------------------------------
# Undertakings in sentences: "Mr Carratt agreed to …", "Ms Wright to ensure …"


def _sentence_mentions(ctx: _Context, skip: set[int]) -> Iterator[_Mention]:
    doc = ctx.doc
    for k, b in enumerate(doc.blocks):
        if k in skip or b.kind is BlockKind.TABLE_ROW or b.kind is BlockKind.HEADING:
            continue
        text = b.text
        if not _UNDERTAKING_CUE.search(text):
            continue  # splitting into sentences is the costly part; most blocks have no cue
        if _ACTION_LEAD.match(text) or _SCRIBE_REF.match(re.sub(r"^<[^>]+>\s*", "", text)):
            continue
        previous = ""
        for s, e in sentence_spans(text):
            sentence = text[s:e].strip()
            for form, rx in _SENTENCE_FORMS:
                m = rx.search(sentence)
                if not m:
                    continue
                who = m.group("who")
                owners = (
                    _subject_of(ctx, previous)
                    if _PRONOUN.match(who)
                    else _plausible_owner(ctx, who)
                )
                if not owners or not any(
                    o.resolved or split_honorifics(o.as_written)[0] for o in owners
                ):
                    continue
                task, due = _split_due(m.group("task").rstrip(". "))
                if len(task.split()) < 2 or task.lower().startswith(NOT_TASK_STARTS):
                    continue
                start = b.start + s + (len(text[s:e]) - len(text[s:e].lstrip()))
                yield _Mention(
                    description=task,
                    owners=owners,
                    span=doc.span(start, b.start + e),
                    rule=f"action_sentence:{form}",
                    due_text=due,
                    weight=2,
                    block=k,
                )
                break
            previous = sentence


def _subject_of(ctx: _Context, sentence: str) -> list[PersonRef]:
    """Who "she" is: the person a sentence opens with ("City Manager Kessler reported …")."""
    words = sentence.split(" ")
    for n in (1, 2, 3):
        refs = _plausible_owner(ctx, " ".join(words[:n]))
        if refs and any(o.resolved and not o.is_group for o in refs):
            return refs
    return []


def _resolution_tasks(ctx: _Context, resolutions: Sequence[Resolution]) -> Iterator[_Mention]:
    """ "That the refreshed Neglect Strategy be circulated to members … when it is completed":
    a decision that is really a task; its owner is unknown unless stated."""
    for r in resolutions:
        if _RESOLUTION_TASK.search(r.text) and re.search(
            r"\b(?:when|once|after)\b.*\b(?:completed?|available|finali[sz]ed|agreed|signed)\b",
            r.text,
            re.IGNORECASE,
        ):
            yield _Mention(
                description=r.text,
                owners=[],
                span=r.span,
                rule="action_from_resolution",
                weight=2,
                block=ctx.doc.block_index_at(r.span.start),
            )


# ---------------------------------------------------------------------------------------------
# Merging mentions into actions


@dataclass
class _Group:
    """Mentions of one action, with what merging compares kept up to date as they join."""

    mentions: list[_Mention] = field(default_factory=list)
    refs: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        if m.ref:
            self.refs.add(m.ref)
        self.owners.update(o.name or o.as_written for o in m.owners)
        self.rules.add(m.rule)


_URL = re.compile(r"\S+://\S+")


def _match_key(description: str) -> str:
    """A description as compared with others: links left out, since two tasks that each cite
    an issue tracker URL share most of their characters ("test issue 941 https://…")."""
    return " ".join(_URL.sub(" ", description.lower()).split())


@dataclass
class _Groups:
    """The actions being assembled, indexed so that placing a mention looks only at the groups
    it could join: comparing it with every group made long documents quadratic."""

    groups: list[_Group] = field(default_factory=list)
    by_ref: dict[str, int] = field(default_factory=dict)
    by_block: dict[int, set[int]] = field(default_factory=dict)
    descriptions: list[str] = field(default_factory=list)
    """Every distinct description placed so far, lower case; ``groups_of`` says which groups
    hold it, ``index`` where it is in the list."""
    groups_of: list[set[int]] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)

    def place(self, m: _Mention) -> None:
        k = self._find(m)
        if k is None:
            k = len(self.groups)
            self.groups.append(_Group())
        self.groups[k].add(m)
        if m.ref and k < self.by_ref.get(m.ref, len(self.groups)):
            self.by_ref[m.ref] = k  # the first group holding the reference
        self.by_block.setdefault(m.block, set()).add(k)
        text = _match_key(m.description)
        if text not in self.index:
            self.index[text] = len(self.descriptions)
            self.descriptions.append(text)
            self.groups_of.append(set())
        self.groups_of[self.index[text]].add(k)

    def _find(self, m: _Mention) -> int | None:
        """The first group ``m`` belongs to: the same reference, the same owners nearby in
        another form, or a similar description with compatible owners."""
        near = {k for b in range(m.block - 4, m.block + 5) for k in self.by_block.get(b, ())}
        # One search over every description so far, in rapidfuzz's C loop.
        hits = process.extract(
            _match_key(m.description),
            self.descriptions,
            scorer=fuzz.token_set_ratio,
            score_cutoff=88,
            limit=None,
        )
        similar = {k for _, _, i in hits for k in self.groups_of[i]}
        candidates = near | similar
        if m.ref and m.ref in self.by_ref:
            candidates.add(self.by_ref[m.ref])
        mine = {o.name or o.as_written for o in m.owners}
        for k in sorted(candidates):
            g = self.groups[k]
            if m.ref and g.refs:
                if m.ref in g.refs:
                    return k
                continue
            if (
                k in near
                and mine
                and mine == g.owners
                and g.rules - {m.rule}
                and not (m.rule in g.rules and m.rule.startswith("action_sentence"))
                and m.rule != "action_list"  # each entry of an action list is an action
            ):
                return k
            if k in similar and (not mine or not g.owners or mine & g.owners):
                return k
        return None


def _merge(ctx: _Context, mentions: list[_Mention]) -> list[Action]:
    mentions.sort(key=lambda m: m.span.start)
    groups = _Groups()
    for m in mentions:
        groups.place(m)
    actions = [_action_from(ctx, g.mentions) for g in groups.groups]
    actions.sort(key=lambda a: (_ref_key(a.ref), a.span.start))
    return actions


def _ref_key(ref: str | None) -> tuple[int, str]:
    if ref and ref.isdigit():
        return int(ref), ref
    return 10**6, ref or ""


def _action_from(ctx: _Context, group: list[_Mention]) -> Action:
    best = max(group, key=lambda m: (m.weight, len(m.description)))
    owners: list[PersonRef] = next(
        (
            m.owners
            for m in sorted(group, key=lambda m: -m.weight)
            if m.owners and all(o.resolved for o in m.owners)
        ),
        [],
    )
    if not owners:
        owners = next((m.owners for m in group if m.owners), [])
    ref = next((m.ref for m in group if m.ref), None)
    due_text = next(
        (m.due_text for m in sorted(group, key=lambda m: -m.weight) if m.due_text), None
    )
    md = ctx.meeting.meeting.date
    due_date, due_phrase = resolve_due(due_text or "", md, ctx.next_meeting, ctx.order)
    spans = [m.span for m in group]
    first = min(group, key=lambda m: m.span.start)
    inline = next((m for m in group if m.rule != "action_log:row"), first)
    return Action(
        id=stable_id(ctx.doc.sha256 or "", md, ref, best.description),
        ref=ref,
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        owner_resolved=bool(owners) and all(o.resolved for o in owners),
        description=best.description,
        due_date=due_date,
        due_text=due_phrase,
        status=best.status,
        agenda_item=item_at(ctx.meeting.agenda_items, inline.span.start),
        span=best.span,
        mentions=[s for s in spans if s != best.span],
        rule="+".join(sorted({m.rule for m in group})),
    )


def _next_meeting(doc: Document, order: Order) -> dt.date | None:
    """The date the minutes give for the next meeting, if any."""
    for b in reversed(doc.blocks):
        m = _NEXT_MEETING.search(b.text)
        if m:
            for dm in find_dates(b.text[m.start() :], order):
                return dm.date
    return None
