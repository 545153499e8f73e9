"""Link each later report to the action it reports on, and build the register.

For every meeting of a series, in date order, the *reports* it contains (action updates, and
actions that re-list an earlier one) are scored against the series' actions raised before it:

1. an explicit reference first: the same action number *and* the date it was raised
   ("Actions raised on 04.09.2014 … 4."); the same number with a different raising date is a
   different action, since numbering restarts every meeting;
2. then the wording (rapidfuzz, against the action as raised and as last reported),
   owner overlap, and how recently the action was last seen.

Candidates are blocked by series and by a time window, never all pairs, and each meeting's
reports are assigned one to one, best score first. Every link keeps its score and evidence.
"""

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..models import Action, ActionStatus, Meeting, stable_id
from .matching import LinkConfig, _assign, _norm_ref, _Open, _Report
from .mentions import find_mention, passages
from .register import Link, RegisterEntry, StatusEvent
from .series import Series, body_key

__all__ = ["LinkConfig", "reconcile_series"]

_OPEN = (ActionStatus.OPEN, ActionStatus.ONGOING, ActionStatus.CARRIED_FORWARD)
_CLOSED = (ActionStatus.COMPLETED, ActionStatus.DROPPED)


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
    # A re-listed action states no raising date; a new one is raised at this meeting (set
    # when its entry is created), so the report carries none.
    actions = [
        _Report(
            "raised", a.ref, None, list(a.owners), [], a.description, a.description, a.status, a
        )
        for a in m.actions
    ]
    return updates, actions


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
            span=r.source.span if r.source is not None else None,
        )
    )
    if r.status in _CLOSED:
        entry.closed_date = m.meeting.date
    closed_at = k if r.status in _CLOSED else None
    item = r.source.agenda_item if isinstance(r.source, Action) else None
    return _Open(entry, [r.description], k, closed_at, _norm_ref(r.ref), _norm_ref(item))


def _apply(o: _Open, m: Meeting, r: _Report, k: int, link: Link) -> None:
    e = o.entry
    if e.status in _CLOSED and r.status in _OPEN:
        e.reopened = True
        e.closed_date = None
        o.closed_at = None
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
        o.closed_at = k
    elif r.status in _OPEN:
        e.meetings_carried += 1
    e.history.append(
        StatusEvent(
            meeting_date=m.meeting.date,
            meeting_path=m.source.path,
            kind="relisted" if r.kind == "raised" else r.kind,
            status=r.status,
            wording=r.wording,
            owners=list(r.owners),
            span=r.source.span if r.source is not None else None,
            link=link,
        )
    )
    o.wordings.append(r.description)
    o.last_seen = k


def _is_candidate(o: _Open, date: dt.date | None, k: int, cfg: LinkConfig) -> bool:
    """Actions raised within the window and seen lately; closed ones only for a few
    meetings (so a reopening is recognised)."""
    if o.closed_at is not None and k - o.closed_at > cfg.reopen_within:
        return False
    if k - o.last_seen > cfg.stale_after:
        return False
    raised = o.entry.raised_date
    return date is None or raised is None or 0 <= (date - raised).days <= cfg.window_days


def _recurs(o: _Open, r: _Report) -> bool:
    """A closed action listed again as closed, under no number of its own, is a recurring
    task done again at this meeting (a "[x] Publish meeting notes" checklist in every set of
    minutes), a new action: only a reopening, or the action's own number in a log, links a
    later listing to a closed one."""
    numbered = r.ref is not None and _norm_ref(r.ref) == o.ref_key
    return o.entry.status in _CLOSED and r.status in _CLOSED and not numbered


def _link(
    series: Series,
    m: Meeting,
    k: int,
    reports: Sequence[_Report],
    candidates: Sequence[_Open],
    known: list[_Open],
    cfg: LinkConfig,
    threshold: float,
    *,
    relisting: bool = False,
) -> set[int]:
    """Attach each report to its candidate or start a new entry; the candidates taken.
    ``relisting``: the reports are this meeting's actions, linked where one lists an earlier
    action again."""
    linked = _assign(reports, candidates, k, cfg, threshold)
    for i, r in enumerate(reports):
        if i in linked and relisting and _recurs(candidates[linked[i][0]], r):
            del linked[i]
        if i in linked:
            j, score, evidence = linked[i]
            if relisting and r.status is ActionStatus.OPEN:
                # Listed again with nothing said of it: a status stated earlier (under way,
                # carried forward) stands; an open one stays open.
                r = dataclasses.replace(r, status=candidates[j].entry.status)
            _apply(candidates[j], m, r, k, Link(score=round(score, 3), evidence=evidence))
        else:
            known.append(_new_entry(series, m, r, k))
    return {j for j, _, _ in linked.values()}


def reconcile_series(series: Series, cfg: LinkConfig | None = None) -> list[RegisterEntry]:
    """Register entries of one series, meeting by meeting."""
    cfg = cfg or LinkConfig()
    known: list[_Open] = []
    for k, m in enumerate(series.meetings):
        candidates = [o for o in known if _is_candidate(o, m.meeting.date, k, cfg)]
        updates, actions = _reports(m)
        # Explicit reports first; then actions that re-list an earlier one (a stricter bar,
        # since most actions at a meeting are new).
        taken = _link(series, m, k, updates, candidates, known, cfg, cfg.min_score)
        reported = [c for j, c in enumerate(candidates) if j in taken]
        free = [c for j, c in enumerate(candidates) if j not in taken]
        # An action listed again beside its own report in the same minutes (a review, then
        # the closing action list) is that action, not a new one, and the report's status
        # stands.
        absorbed = _assign(actions, reported, k, cfg, cfg.relist_score)
        rest = [r for i, r in enumerate(actions) if i not in absorbed]
        _link(series, m, k, rest, free, known, cfg, cfg.relist_score, relisting=True)
        _mentioned(m, k, candidates)
    _finish(series, known, cfg)
    return [o.entry for o in known]


def _mentioned(m: Meeting, k: int, candidates: Sequence[_Open]) -> None:
    """Open actions the meeting reported nothing on but whose words (or tracker number) its
    minutes repeat: a mention, with the status the passage states, or the status it had when
    the passage states none (then it is only not unreported)."""
    waiting = [o for o in candidates if o.last_seen < k and o.entry.status in _OPEN]
    doc = m.document
    if not waiting or doc is None:
        return
    texts = passages(doc)
    for o in waiting:
        found = find_mention(o.entry.description, texts)
        if found is None:
            continue
        r = _Report(
            "mentioned",
            None,
            None,
            [],
            [],
            o.entry.description,
            found.passage,
            found.status or o.entry.status,
            None,
        )
        _apply(o, m, r, k, Link(score=round(found.share, 3), evidence=[found.evidence]))


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
