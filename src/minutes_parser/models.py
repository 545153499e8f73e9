"""The domain model: what one parsed set of minutes says.

The JSON form of :class:`Meeting` is a public contract other tools depend on; field names are
stable and ``schema_version`` changes when they do. Every extracted item carries ``span`` (page,
start, end into ``Document.text``) and ``rule``, the id of the rule that produced it, so any fact
can be shown in context and traced to the code that found it. People keep the name as written
beside the resolved name, so a wrong resolution is visible and fixable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .document import Diagnostic, Document, Severity, Span, StrEnum

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "ActionStatus",
    "ActionUpdate",
    "AgendaItem",
    "AttendanceStatus",
    "Attendee",
    "DocumentKind",
    "KindJudgement",
    "Meeting",
    "MeetingMetadata",
    "Movement",
    "PersonRef",
    "Resolution",
    "SourceInfo",
    "Vote",
]

SCHEMA_VERSION = "1.1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentKind(StrEnum):
    MINUTES = "minutes"
    NOT_MINUTES = "not_minutes"


class KindJudgement(_Model):
    """What the document reads as, how sure the parser is, and why."""

    kind: DocumentKind
    label: Literal["minutes", "agenda", "notice", "report", "other"]
    confidence: float = Field(ge=0, le=1)
    evidence: dict[str, float] = Field(default_factory=dict)
    """Each signal that fired (rule id) with its weight; negative weights count against."""


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    IN_ATTENDANCE = "in_attendance"
    UNKNOWN = "unknown"


class ActionStatus(StrEnum):
    OPEN = "open"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CARRIED_FORWARD = "carried_forward"
    DROPPED = "dropped"


def stable_id(*parts: object) -> str:
    """A short deterministic id: the same inputs give the same id on every run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:12]


class PersonRef(_Model):
    """A mention of a person (or group) and who it was resolved to."""

    as_written: str
    name: str | None = None
    """The resolved person's full name; ``None`` when it could not be resolved."""
    resolved: bool = False
    method: str | None = None
    """How it was resolved: exact, initials, surname, first_name, role, group, fuzzy."""
    is_group: bool = False


class Movement(_Model):
    """An arrival or departure during the meeting."""

    event: Literal["arrived", "left"]
    agenda_item: str | None = None
    time: str | None = None
    span: Span


class Attendee(_Model):
    name: str
    name_as_written: str
    status: AttendanceStatus
    role: str | None = None
    organisation: str | None = None
    represents: str | None = None
    """For a substitute: the member they stood in for ("A representing B")."""
    is_chair: bool = False
    is_minute_taker: bool = False
    movements: list[Movement] = Field(default_factory=list)
    span: Span
    mentions: list[Span] = Field(default_factory=list)
    rule: str = ""


class AgendaItem(_Model):
    number: str | None
    title: str
    presenter: str | None = None
    children: list[AgendaItem] = Field(default_factory=list)
    span: Span
    """The item's heading."""
    text_span: Span | None = None
    """The item's heading and body, up to the next item."""
    rule: str = ""

    def walk(self) -> list[AgendaItem]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class Vote(_Model):
    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None
    absent_count: int | None = None
    unanimous: bool = False
    voice_vote: bool = False
    for_names: list[str] = Field(default_factory=list)
    against_names: list[str] = Field(default_factory=list)
    abstain_names: list[str] = Field(default_factory=list)
    absent_names: list[str] = Field(default_factory=list)


class Resolution(_Model):
    number: str | None = None
    text: str
    agenda_item: str | None = None
    outcome: Literal["resolved", "agreed", "carried", "failed", "noted", "approved"] | None = None
    mover: PersonRef | None = None
    seconder: PersonRef | None = None
    vote: Vote | None = None
    span: Span
    rule: str = ""
    source: str = "rule"
    """What proposed the item: ``"rule"``, or ``"model:<LABEL>"`` for a sentence only the
    learned layer (:mod:`minutes_parser.learn`) found."""
    confidence: float | None = None
    """The learned layer's probability that the item's sentence states such an item;
    ``None`` when the model did not run."""


class Action(_Model):
    id: str = ""
    ref: str | None = None
    owners: list[str] = Field(default_factory=list)
    """Resolved names (or the text as written where unresolved, see ``owner_refs``)."""
    owner_refs: list[PersonRef] = Field(default_factory=list)
    owner_resolved: bool = False
    description: str
    due_date: str | None = None
    """ISO date, or the symbolic text ("next meeting") when no date can be computed."""
    due_text: str | None = None
    status: ActionStatus = ActionStatus.OPEN
    agenda_item: str | None = None
    span: Span
    mentions: list[Span] = Field(default_factory=list)
    rule: str = ""
    source: str = "rule"
    """What proposed the item: ``"rule"``, or ``"model:<LABEL>"`` for a sentence only the
    learned layer (:mod:`minutes_parser.learn`) found."""
    confidence: float | None = None
    """The learned layer's probability that the item's sentence states such an item;
    ``None`` when the model did not run."""


class ActionUpdate(_Model):
    ref: str | None = None
    raised_date: str | None = None
    owners: list[str] = Field(default_factory=list)
    owner_refs: list[PersonRef] = Field(default_factory=list)
    new_owners: list[str] = Field(default_factory=list)
    """A handover stated in the update ("X to follow up (in replacement of Y)")."""
    description: str = ""
    status: ActionStatus
    status_text: str = ""
    status_date: str | None = None
    span: Span
    rule: str = ""
    source: str = "rule"
    """What proposed the item: ``"rule"``, or ``"model:<LABEL>"`` for a sentence only the
    learned layer (:mod:`minutes_parser.learn`) found."""
    confidence: float | None = None
    """The learned layer's probability that the item's sentence states such an item;
    ``None`` when the model did not run."""


class MeetingMetadata(_Model):
    body: str | None = None
    title: str | None = None
    date: dt.date | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    spans: dict[str, Span] = Field(default_factory=dict)
    """Where each field was read from, keyed by field name."""


class SourceInfo(_Model):
    path: str | None = None
    sha256: str | None = None
    format: str
    page_count: int
    parser_version: str
    meeting_index: int = 0
    """Position of this meeting in a document that holds several (0-based)."""
    meeting_count: int = 1


class Meeting(_Model):
    schema_version: str = SCHEMA_VERSION
    kind: DocumentKind = DocumentKind.MINUTES
    kind_judgement: KindJudgement | None = None
    meeting: MeetingMetadata = Field(default_factory=MeetingMetadata)
    attendees: list[Attendee] = Field(default_factory=list)
    agenda_items: list[AgendaItem] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    action_updates: list[ActionUpdate] = Field(default_factory=list)
    source: SourceInfo
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    _document: Document | None = PrivateAttr(default=None)

    def attach_document(self, document: Document) -> None:
        self._document = document

    @property
    def document(self) -> Document | None:
        """The document this meeting was read from (not serialised)."""
        return self._document

    def source_text(self, span: Span) -> str:
        """The document text a span points at."""
        if self._document is None:
            raise ValueError("this meeting has no document attached (it was loaded from JSON)")
        return self._document.slice(span)

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent, exclude_none=False)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def warn(self, code: str, message: str, severity: Severity = Severity.WARNING) -> None:
        """Add a diagnostic to this meeting, in place (the pipeline's own notes)."""
        self.diagnostics.append(Diagnostic(code=code, message=message, severity=severity))

    def with_diagnostic(
        self, code: str, message: str, severity: Severity = Severity.WARNING
    ) -> Meeting:
        """A copy of this meeting with one more diagnostic; this one is left as it was (what
        extractors use: they return new values)."""
        note = Diagnostic(code=code, message=message, severity=severity)
        return self.model_copy(update={"diagnostics": [*self.diagnostics, note]})

    def to_dataframes(self) -> dict[str, Any]:
        """This meeting's archive tables as pandas DataFrames (needs the ``notebook`` extra)."""
        from .export.frames import meeting_frames

        return meeting_frames(self)

    def _repr_html_(self) -> str:
        from .display import meeting_html

        return meeting_html(self)
