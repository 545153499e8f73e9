"""Meetings flattened into normalised tables: one row per meeting, attendee, agenda item, ….

Keys: ``meeting_id`` is a stable hash of the document's sha256 and the meeting's index in it,
so re-parsing the same bytes gives the same id on every run and machine; child rows are keyed by
``(meeting_id, position)``, position being the item's 0-based order in the meeting (agenda items
in depth-first order, with ``parent_position`` pointing at their parent). Action owners are a
table of their own (``action_owners``, one row per owner) so "open actions per person" is a
join and a filter; ``actions.owners`` repeats them "; "-joined for reading.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from itertools import zip_longest

from ..document import Span
from ..models import Action, AgendaItem, Meeting, PersonRef, stable_id
from .schema import Column, ForeignKey, Row, Table, TableSpec

__all__ = ["CORE_TABLES", "document_key", "meeting_id", "meeting_tables"]

_MEETING_FK = ForeignKey(("meeting_id",), "meetings", ("meeting_id",))


def _span_columns(prefix: str = "span") -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_page", "integer"),
        Column(f"{prefix}_start", "integer"),
        Column(f"{prefix}_end", "integer"),
    )


def _child(name: str, *columns: Column, indexes: tuple[tuple[str, ...], ...] = ()) -> TableSpec:
    return TableSpec(
        name=name,
        columns=(
            Column("meeting_id", nullable=False),
            Column("position", "integer", nullable=False),
            *columns,
        ),
        primary_key=("meeting_id", "position"),
        foreign_keys=(_MEETING_FK,),
        indexes=indexes,
    )


MEETINGS = TableSpec(
    name="meetings",
    columns=(
        Column("meeting_id", nullable=False),
        Column("source_path"),
        Column("document_sha256", nullable=False),
        Column("meeting_index", "integer", nullable=False),
        Column("meeting_count", "integer"),
        Column("format"),
        Column("page_count", "integer"),
        Column("parser_version"),
        Column("schema_version"),
        Column("kind"),
        Column("body"),
        Column("title"),
        Column("date", "date"),
        Column("start_time"),
        Column("end_time"),
        Column("location"),
        Column("diagnostics", "integer"),
    ),
    primary_key=("meeting_id",),
    indexes=(("body",), ("date",), ("source_path",), ("document_sha256",)),
)

ATTENDEES = _child(
    "attendees",
    Column("name"),
    Column("name_as_written"),
    Column("status"),
    Column("role"),
    Column("organisation"),
    Column("represents"),
    Column("is_chair", "boolean"),
    Column("is_minute_taker", "boolean"),
    Column("mentions", "integer"),
    *_span_columns(),
    Column("rule"),
    indexes=(("name",), ("status",)),
)

AGENDA_ITEMS = _child(
    "agenda_items",
    Column("number"),
    Column("title"),
    Column("presenter"),
    Column("depth", "integer"),
    Column("parent_position", "integer"),
    *_span_columns(),
    *_span_columns("text"),
    Column("rule"),
    indexes=(("number",),),
)

RESOLUTIONS = _child(
    "resolutions",
    Column("number"),
    Column("text"),
    Column("agenda_item"),
    Column("outcome"),
    Column("mover"),
    Column("seconder"),
    Column("votes_for", "integer"),
    Column("votes_against", "integer"),
    Column("votes_abstain", "integer"),
    Column("unanimous", "boolean"),
    Column("voice_vote", "boolean"),
    *_span_columns(),
    Column("rule"),
    Column("source"),
    Column("confidence", "real"),
    indexes=(("outcome",),),
)

ACTIONS = _child(
    "actions",
    Column("action_id"),
    Column("ref"),
    Column("description"),
    Column("owners"),
    Column("owner_resolved", "boolean"),
    Column("due_date"),
    Column("due_text"),
    Column("status"),
    Column("agenda_item"),
    Column("mentions", "integer"),
    *_span_columns(),
    Column("rule"),
    Column("source"),
    Column("confidence", "real"),
    indexes=(("status",), ("action_id",), ("due_date",)),
)

ACTION_OWNERS = TableSpec(
    name="action_owners",
    columns=(
        Column("meeting_id", nullable=False),
        Column("action_position", "integer", nullable=False),
        Column("position", "integer", nullable=False),
        Column("name"),
        Column("as_written"),
        Column("resolved", "boolean"),
        Column("method"),
        Column("is_group", "boolean"),
    ),
    primary_key=("meeting_id", "action_position", "position"),
    foreign_keys=(
        ForeignKey(("meeting_id", "action_position"), "actions", ("meeting_id", "position")),
    ),
    indexes=(("name",),),
)

ACTION_UPDATES = _child(
    "action_updates",
    Column("ref"),
    Column("raised_date"),
    Column("owners"),
    Column("new_owners"),
    Column("description"),
    Column("status"),
    Column("status_text"),
    Column("status_date"),
    *_span_columns(),
    Column("rule"),
    Column("source"),
    Column("confidence", "real"),
    indexes=(("status",), ("ref",)),
)

CORE_TABLES: tuple[TableSpec, ...] = (
    MEETINGS,
    ATTENDEES,
    AGENDA_ITEMS,
    RESOLUTIONS,
    ACTIONS,
    ACTION_OWNERS,
    ACTION_UPDATES,
)
"""In dependency order: a table's foreign keys point only at tables before it."""


def document_key(meeting: Meeting) -> str:
    """The sha256 of the meeting's document; for text parsed from a string (no file, no
    sha256) the hash of the attached text, or failing that of the meeting's own JSON."""
    if meeting.source.sha256:
        return meeting.source.sha256
    doc = meeting.document
    data = doc.text if doc is not None else meeting.to_json(indent=None)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def meeting_id(meeting: Meeting) -> str:
    return stable_id(document_key(meeting), meeting.source.meeting_index)


def _span(span: Span | None, prefix: str = "span") -> Row:
    return {
        f"{prefix}_page": span.page if span else None,
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
    }


def _agenda_rows(mid: str, items: Sequence[AgendaItem]) -> list[Row]:
    rows: list[Row] = []

    def visit(item: AgendaItem, depth: int, parent: int | None) -> None:
        position = len(rows)
        rows.append(
            {
                "meeting_id": mid,
                "position": position,
                "number": item.number,
                "title": item.title,
                "presenter": item.presenter,
                "depth": depth,
                "parent_position": parent,
                **_span(item.span),
                **_span(item.text_span, "text"),
                "rule": item.rule,
            }
        )
        for child in item.children:
            visit(child, depth + 1, position)

    for item in items:
        visit(item, 0, None)
    return rows


def _owner_rows(mid: str, position: int, action: Action) -> list[Row]:
    rows = []
    refs: Iterable[tuple[str | None, PersonRef | None]] = zip_longest(
        action.owners, action.owner_refs
    )
    for k, (name, ref) in enumerate(refs):
        rows.append(
            {
                "meeting_id": mid,
                "action_position": position,
                "position": k,
                "name": name if name is not None else (ref.name or ref.as_written if ref else None),
                "as_written": ref.as_written if ref else name,
                "resolved": ref.resolved if ref else action.owner_resolved,
                "method": ref.method if ref else None,
                "is_group": ref.is_group if ref else False,
            }
        )
    return rows


def _meeting_row(meeting: Meeting, mid: str) -> Row:
    meta, src = meeting.meeting, meeting.source
    return {
        "meeting_id": mid,
        "source_path": src.path,
        "document_sha256": document_key(meeting),
        "meeting_index": src.meeting_index,
        "meeting_count": src.meeting_count,
        "format": src.format,
        "page_count": src.page_count,
        "parser_version": src.parser_version,
        "schema_version": meeting.schema_version,
        "kind": meeting.kind,
        "body": meta.body,
        "title": meta.title,
        "date": meta.date,
        "start_time": meta.start_time,
        "end_time": meta.end_time,
        "location": meta.location,
        "diagnostics": len(meeting.diagnostics),
    }


def _ref_name(ref: PersonRef | None) -> str | None:
    return None if ref is None else ref.name or ref.as_written


def meeting_tables(meetings: Iterable[Meeting]) -> dict[str, Table]:
    """The core tables for ``meetings``, keyed by table name, in :data:`CORE_TABLES` order."""
    tables = {spec.name: Table(spec) for spec in CORE_TABLES}
    # The same document passed twice (or a copy under another path) must not give two rows
    # with one key; the last one wins, as it would on a re-run.
    unique = {meeting_id(m): m for m in meetings}
    for mid, meeting in unique.items():
        tables["meetings"].rows.append(_meeting_row(meeting, mid))
        tables["attendees"].rows.extend(
            {
                "meeting_id": mid,
                "position": i,
                "name": a.name,
                "name_as_written": a.name_as_written,
                "status": a.status,
                "role": a.role,
                "organisation": a.organisation,
                "represents": a.represents,
                "is_chair": a.is_chair,
                "is_minute_taker": a.is_minute_taker,
                "mentions": len(a.mentions),
                **_span(a.span),
                "rule": a.rule,
            }
            for i, a in enumerate(meeting.attendees)
        )
        tables["agenda_items"].rows.extend(_agenda_rows(mid, meeting.agenda_items))
        tables["resolutions"].rows.extend(
            {
                "meeting_id": mid,
                "position": i,
                "number": r.number,
                "text": r.text,
                "agenda_item": r.agenda_item,
                "outcome": r.outcome,
                "mover": _ref_name(r.mover),
                "seconder": _ref_name(r.seconder),
                "votes_for": r.vote.for_count if r.vote else None,
                "votes_against": r.vote.against_count if r.vote else None,
                "votes_abstain": r.vote.abstain_count if r.vote else None,
                "unanimous": r.vote.unanimous if r.vote else None,
                "voice_vote": r.vote.voice_vote if r.vote else None,
                **_span(r.span),
                "rule": r.rule,
                "source": r.source,
                "confidence": r.confidence,
            }
            for i, r in enumerate(meeting.resolutions)
        )
        for i, act in enumerate(meeting.actions):
            tables["actions"].rows.append(
                {
                    "meeting_id": mid,
                    "position": i,
                    "action_id": act.id or None,
                    "ref": act.ref,
                    "description": act.description,
                    "owners": act.owners,
                    "owner_resolved": act.owner_resolved,
                    "due_date": act.due_date,
                    "due_text": act.due_text,
                    "status": act.status,
                    "agenda_item": act.agenda_item,
                    "mentions": len(act.mentions),
                    **_span(act.span),
                    "rule": act.rule,
                    "source": act.source,
                    "confidence": act.confidence,
                }
            )
            tables["action_owners"].rows.extend(_owner_rows(mid, i, act))
        tables["action_updates"].rows.extend(
            {
                "meeting_id": mid,
                "position": i,
                "ref": u.ref,
                "raised_date": u.raised_date,
                "owners": u.owners,
                "new_owners": u.new_owners,
                "description": u.description,
                "status": u.status,
                "status_text": u.status_text,
                "status_date": u.status_date,
                **_span(u.span),
                "rule": u.rule,
                "source": u.source,
                "confidence": u.confidence,
            }
            for i, u in enumerate(meeting.action_updates)
        )
    return tables
