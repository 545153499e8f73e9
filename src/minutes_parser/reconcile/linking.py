"""Link each later report to the action it reports on, and build the register.

For every meeting of a series, in date order, the *reports* it contains (action updates, and
actions that re-list an earlier one) are scored against the series' actions raised before it:

1. an explicit reference first: the same action number *and* the date it was raised
   ("Actions raised on 04.09.2014 … 4."); the same number with a different raising date is a
   different action, since numbering restarts every meeting;
2. then the wording (rapidfuzz ``token_set_ratio`` against every wording the action has had),
   owner overlap, and how recently the action was last seen.

Candidates are blocked by series and by a time window, never all pairs, and each meeting's
reports are assigned one to one, best score first. Every link keeps its score and evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..models import Action, ActionStatus, ActionUpdate, Meeting, stable_id
from .register import Link, RegisterEntry, StatusEvent
from .series import Series, body_key

__all__ = ["LinkConfig", "reconcile_series"]

_OPEN = (ActionStatus.OPEN, ActionStatus.ONGOING, ActionStatus.CARRIED_FORWARD)
_CLOSED = (ActionStatus.COMPLETED, ActionStatus.DROPPED)


@dataclass(frozen=True)
class LinkConfig:
    """Thresholds of the linker; the defaults suit monthly or quarterly minutes."""

    min_score: float = 0.62
    """Below this a report starts a new register entry instead of linking."""
    relist_score: float = 0.85
    """An action raised at a meeting counts as re-listing an earlier one only above this."""
    window_days: int = 730
    """Actions raised longer ago than this are not candidates."""
    unreported_after: int = 2
    """Open actions missing from this many later meetings are flagged ``unreported``."""
    weights: tuple[float, float, float] = (0.6, 0.25, 0.15)
    """Weights of wording, owner overlap and recency in the score without a reference."""


@dataclass
class _Report:
    kind: str  # "update" or "relisted" (or "raised" for new actions)
    ref: str | None
    raised_date: dt.date | None
    owners: list[str]
    new_owners: list[str]
    description: str
    wording: str
    status: ActionStatus
    source: ActionUpdate | Action


@dataclass
class _Open:
    """A register entry under construction, with what the linker needs to know."""

    entry: RegisterEntry
    wordings: list[str] = field(default_factory=list)
    last_seen: int = 0


def _norm_ref(ref: str | None) -> str | None:
    if not ref:
        return None
    return re.sub(r"[^a-z0-9/]", "", ref.lower()).lstrip("0") or None


def _iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _reports(m: Meeting) -> tuple[list[_Report], list[_Report]]:
    """(updates, actions) of one meeting as reports."""
    updates = [
        _Report(
            "update",
            u.ref,
            _iso(u.raised_date),
            list(u.owners),
            list(u.new_owners),
            u.description,
            u.status_text or u.description,
            u.status,
            u,
        )
        for u in m.action_updates
    ]
    actions = [
        _Report(
            "raised",
            a.ref,
            m.meeting.date,
            list(a.owners),
            [],
            a.description,
            a.description,
            a.status,
            a,
        )
        for a in m.actions
    ]
    return updates, actions


def _score(r: _Report, c: _Open, desc: float, k: int, cfg: LinkConfig) -> tuple[float, list[str]]:
    evidence: list[str] = []
    e = c.entry
    same_ref = r.ref is not None and _norm_ref(r.ref) == _norm_ref(e.ref)
    if same_ref and r.raised_date and e.raised_date:
        if r.raised_date == e.raised_date:
            evidence.append(f"action {r.ref} raised {e.raised_date}")
            return 0.9 + 0.1 * desc, evidence
        return 0.3 * desc, [f"action {r.ref} but raised {r.raised_date}, not {e.raised_date}"]
    owners = 0.5
    if r.owners and e.owners:
        owners = 1.0 if set(r.owners) & set(e.owners) else 0.0
    recency = 1.0 / (1 + max(0, k - c.last_seen - 1))
    w_desc, w_owner, w_recent = cfg.weights
    total = w_desc * desc + w_owner * owners + w_recent * recency
    evidence.append(f"wording {desc:.2f}")
    if owners == 1.0:
        evidence.append("same owner")
    if same_ref:
        evidence.append(f"same number {r.ref}")
        total = min(1.0, total + 0.1)
    return total, evidence


def _assign(
    reports: Sequence[_Report],
    candidates: Sequence[_Open],
    k: int,
    cfg: LinkConfig,
    threshold: float,
) -> dict[int, tuple[int, float, list[str]]]:
    """One-to-one assignment of reports to candidates, best score first."""
    if not reports or not candidates:
        return {}
    choices = [" ".join(c.wordings) for c in candidates]
    matrix = process.cdist(
        [r.description for r in reports], choices, scorer=fuzz.token_set_ratio, workers=1
    )
    pairs: list[tuple[float, int, int, list[str]]] = []
    for i, r in enumerate(reports):
        for j, c in enumerate(candidates):
            desc = float(matrix[i][j]) / 100.0
            if desc < 0.45 and not (r.ref and _norm_ref(r.ref) == _norm_ref(c.entry.ref)):
                continue  # cheap block: unrelated wording and no shared number
            score, evidence = _score(r, c, desc, k, cfg)
            if score >= threshold:
                pairs.append((score, i, j, evidence))
    pairs.sort(key=lambda p: -p[0])
    used_r: set[int] = set()
    used_c: set[int] = set()
    out: dict[int, tuple[int, float, list[str]]] = {}
    for score, i, j, evidence in pairs:
        if i in used_r or j in used_c:
            continue
        used_r.add(i)
        used_c.add(j)
        out[i] = (j, score, evidence)
    return out


def _new_entry(series: Series, m: Meeting, r: _Report, k: int) -> _Open:
    raised_here = r.kind == "raised"
    raised_date = m.meeting.date if raised_here else r.raised_date
    entry = RegisterEntry(
        id=stable_id(
            body_key(series.body), raised_date, r.ref if raised_here else None, r.description
        ),
        body=series.body,
        ref=r.ref,
        description=r.description,
        owners=list(r.owners),
        raised_date=raised_date,
        raised_meeting=m.source.path if raised_here else None,
        due_date=r.source.due_date if isinstance(r.source, Action) else None,
        status=r.status,
        status_date=m.meeting.date,
    )
    entry.history.append(
        StatusEvent(
            meeting_date=m.meeting.date,
            meeting_path=m.source.path,
            kind="raised" if raised_here else "update",
            status=r.status,
            wording=r.wording,
            owners=list(r.owners),
            span=r.source.span,
        )
    )
    if r.status in _CLOSED:
        entry.closed_date = m.meeting.date
    return _Open(entry, [r.description], k)


def _apply(o: _Open, m: Meeting, r: _Report, k: int, link: Link) -> None:
    e = o.entry
    if e.status in _CLOSED and r.status in _OPEN:
        e.reopened = True
        e.closed_date = None
    # Only a handover the minutes state changes the owner: a report that names the owner
    # differently ("Marek" for "Marek Novak") is the same person.
    handover = r.new_owners
    if handover and set(handover) != set(e.owners):
        e.owner_changes.append(
            {
                "meeting": m.source.path,
                "date": m.meeting.date,
                "from": list(e.owners),
                "to": list(handover),
            }
        )
        e.owners = list(handover)
    e.status = r.status
    e.status_date = m.meeting.date
    if r.status in _CLOSED:
        e.closed_date = m.meeting.date
    elif r.status in _OPEN:
        e.meetings_carried += 1
    e.history.append(
        StatusEvent(
            meeting_date=m.meeting.date,
            meeting_path=m.source.path,
            kind="relisted" if r.kind == "raised" else "update",
            status=r.status,
            wording=r.wording,
            owners=list(r.owners),
            span=r.source.span,
            link=link,
        )
    )
    o.wordings.append(r.description)
    o.last_seen = k


def reconcile_series(series: Series, cfg: LinkConfig | None = None) -> list[RegisterEntry]:
    """Register entries of one series, meeting by meeting."""
    cfg = cfg or LinkConfig()
    known: list[_Open] = []
    for k, m in enumerate(series.meetings):
        date = m.meeting.date
        candidates = [
            o
            for o in known
            if date is None
            or o.entry.raised_date is None
            or 0 <= (date - o.entry.raised_date).days <= cfg.window_days
        ]
        updates, actions = _reports(m)
        linked = _assign(updates, candidates, k, cfg, cfg.min_score)
        for i, r in enumerate(updates):
            if i in linked:
                j, score, evidence = linked[i]
                _apply(candidates[j], m, r, k, Link(score=round(score, 3), evidence=evidence))
            else:
                known.append(_new_entry(series, m, r, k))
        taken = {j for j, _, _ in linked.values()}
        free = [c for j, c in enumerate(candidates) if j not in taken]
        relisted = _assign(actions, free, k, cfg, cfg.relist_score)
        for i, r in enumerate(actions):
            if i in relisted:
                j, score, evidence = relisted[i]
                _apply(free[j], m, r, k, Link(score=round(score, 3), evidence=evidence))
            else:
                known.append(_new_entry(series, m, r, k))
    _finish(series, known, cfg)
    return [o.entry for o in known]


def _finish(series: Series, known: Sequence[_Open], cfg: LinkConfig) -> None:
    dates = [m.meeting.date for m in series.meetings]
    as_of = max((d for d in dates if d is not None), default=None)
    last = len(series.meetings) - 1
    for o in known:
        e = o.entry
        if e.status in _OPEN and last - o.last_seen >= cfg.unreported_after:
            e.unreported = True
        if as_of is not None and e.raised_date is not None:
            e.age_days = (as_of - e.raised_date).days
        due = _iso(e.due_date)
        if due is not None and as_of is not None and due < as_of and e.status in _OPEN:
            e.overdue = True
