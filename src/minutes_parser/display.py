"""HTML views for notebooks: ``Meeting._repr_html_`` and ``Document._repr_html_`` render here.

Each extracted item is shown beside the document text its span points at, so a reviewer sees
at a glance what was read from where. Everything that came from a document is escaped: minutes
are untrusted input and a notebook would otherwise run whatever HTML they contain.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import Span

if TYPE_CHECKING:
    from .document import Document
    from .models import Meeting

__all__ = ["KIND_TITLES", "Item", "document_html", "extracted_items", "meeting_html"]

KIND_TITLES = {
    "attendee": "Attendees",
    "agenda_item": "Agenda items",
    "resolution": "Resolutions",
    "action": "Actions",
    "action_update": "Action updates",
}
"""Item kinds in display order, with their headings."""

_SOURCE_CHARS = 300
_DOCUMENT_BLOCKS = 60

_CSS = (
    "<style>.mp-view table{border-collapse:collapse;margin:.3em 0 1em}"
    ".mp-view td,.mp-view th{border:1px solid #ddd;padding:2px 6px;text-align:left;"
    "vertical-align:top}.mp-view .src{font-family:monospace;white-space:pre-wrap;"
    "color:#333;background:#fafaf5}.mp-view .muted{color:#777}</style>"
)


@dataclass(frozen=True)
class Item:
    """One extracted thing, as shown to a person: what it is and where it was read."""

    kind: str
    position: int
    label: str
    detail: str
    span: Span
    mentions: tuple[Span, ...] = ()


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def extracted_items(meeting: Meeting) -> Iterator[Item]:
    """Every attendee, agenda item (depth first), resolution, action and action update."""
    for i, a in enumerate(meeting.attendees):
        detail = _join(a.status.value, a.role, a.organisation, "chair" if a.is_chair else None)
        yield Item("attendee", i, a.name, detail, a.span, tuple(a.mentions))
    agenda = [item for top in meeting.agenda_items for item in top.walk()]
    for i, g in enumerate(agenda):
        label = f"{g.number} {g.title}" if g.number else g.title
        yield Item("agenda_item", i, label, _join(g.presenter), g.span)
    for i, r in enumerate(meeting.resolutions):
        label = f"{r.number}. {r.text}" if r.number else r.text
        yield Item(
            "resolution",
            i,
            label,
            _join(r.outcome, r.agenda_item and f"item {r.agenda_item}"),
            r.span,
        )
    for i, act in enumerate(meeting.actions):
        owners = ", ".join(act.owners) or "no owner"
        due = act.due_date and f"due {act.due_date}"
        detail = _join(owners, due, act.status.value)
        yield Item("action", i, act.description, detail, act.span, tuple(act.mentions))
    for i, u in enumerate(meeting.action_updates):
        label = f"{u.ref}: {u.description}" if u.ref else u.description
        detail = _join(", ".join(u.owners), u.status.value, u.status_text)
        yield Item("action_update", i, label, detail, u.span)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _source(meeting: Meeting, span: Span) -> str:
    if meeting.document is None:
        return '<span class="muted">(no document attached)</span>'
    return _esc(_clip(meeting.source_text(span), _SOURCE_CHARS))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Cells must already be escaped HTML."""
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def meeting_html(meeting: Meeting) -> str:
    meta = meeting.meeting
    title = meta.title or meta.body or meeting.source.path or "Meeting"
    facts = _join(
        meta.body if meta.body != title else None,
        meta.date.isoformat() if meta.date else None,
        meta.start_time and meta.end_time and f"{meta.start_time}–{meta.end_time}",
        meta.location,
        meeting.kind.value,
    )
    parts = [_CSS, '<div class="mp-view">', f"<h3>{_esc(title)}</h3>"]
    parts.append(f'<p class="muted">{_esc(facts)}<br>{_esc(meeting.source.path or "")}</p>')
    items = list(extracted_items(meeting))
    for kind, heading in KIND_TITLES.items():
        rows = [
            [
                _esc(it.label),
                _esc(it.detail),
                f'<span class="src">{_source(meeting, it.span)}</span>',
                _esc(f"p{it.span.page} {it.span.start}–{it.span.end}"),
            ]
            for it in items
            if it.kind == kind
        ]
        if rows:
            parts.append(f"<h4>{_esc(heading)} ({len(rows)})</h4>")
            parts.append(_table(["item", "details", "source text", "span"], rows))
    if meeting.diagnostics:
        rows = [
            [_esc(d.severity.value), _esc(d.code), _esc(d.message)] for d in meeting.diagnostics
        ]
        parts.append(f"<h4>Diagnostics ({len(rows)})</h4>")
        parts.append(_table(["severity", "code", "message"], rows))
    parts.append("</div>")
    return "".join(parts)


def document_html(document: Document) -> str:
    facts = _join(
        document.format.value,
        f"{document.page_count} page(s)",
        f"{len(document.blocks)} blocks",
        f"{len(document.text)} characters",
        document.sha256 and f"sha256 {document.sha256[:12]}…",
    )
    parts = [_CSS, '<div class="mp-view">', f"<h3>{_esc(document.path or 'Document')}</h3>"]
    parts.append(f'<p class="muted">{_esc(facts)}</p>')
    rows = [
        [
            str(i),
            _esc(b.kind.value + (f" ({b.label})" if b.label else "")),
            str(b.page),
            f"{b.start}–{b.end}",
            f'<span class="src">{_esc(_clip(b.text, _SOURCE_CHARS))}</span>',
        ]
        for i, b in enumerate(document.blocks[:_DOCUMENT_BLOCKS])
    ]
    parts.append(_table(["#", "block", "page", "offsets", "text"], rows))
    hidden = len(document.blocks) - _DOCUMENT_BLOCKS
    if hidden > 0:
        parts.append(f'<p class="muted">… {hidden} more blocks</p>')
    if document.furniture:
        furniture = [[_esc(f.kind.value), str(f.page), _esc(f.text)] for f in document.furniture]
        parts.append(f"<h4>Set aside as page furniture ({len(furniture)})</h4>")
        parts.append(_table(["kind", "page", "text"], furniture))
    parts.append("</div>")
    return "".join(parts)
