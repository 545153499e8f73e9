"""Merging: the written forms (mentions) of one action become one :class:`Action`.

Mentions join a group by a shared reference number first, then the same owners close by in
another form, then a similar description with compatible owners. The fullest wording wins (a
log row over a sentence over an inline marker)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ...document import Span
from ...models import (
    Action,
    ActionStatus,
    AgendaItem,
    PersonRef,
    stable_id,
)
from ...rules.actions import URL
from ..due import resolve_due
from .context import _Context


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
class _Group:
    """Mentions of one action, with what merging compares kept up to date as they join."""

    mentions: list[_Mention] = field(default_factory=list)
    refs: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    places: set[tuple[str, int]] = field(default_factory=set)
    """(form, run) of every mention: where this action is already written in each form."""

    def add(self, m: _Mention, run: int) -> None:
        self.mentions.append(m)
        if m.ref:
            self.refs.add(m.ref)
        self.owners.update(o.name or o.as_written for o in m.owners)
        self.rules.add(m.rule)
        self.places.add((m.rule, run))


_NEAR = 4
"""Blocks apart that still count as close by: the same owners this close in another form are
one action, and mentions of one form this close are one run."""


def _match_key(description: str) -> str:
    """A description as compared with others: links left out, since two tasks that each cite
    an issue tracker URL share most of their characters ("test issue 941 https://…")."""
    return " ".join(URL.sub(" ", description.lower()).split())


@dataclass
class _Descriptions:
    texts: list[str] = field(default_factory=list)
    groups_of: list[set[int]] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)

    def add(self, text: str, group: int) -> None:
        if text not in self.index:
            self.index[text] = len(self.texts)
            self.texts.append(text)
            self.groups_of.append(set())
        self.groups_of[self.index[text]].add(group)


@dataclass
class _Groups:
    """The actions being assembled, indexed so that placing a mention looks only at the groups
    it could join: comparing it with every group made long documents quadratic.

    An action is written at most once in one run of a form (mentions of one rule with at
    most :data:`_NEAR` blocks between each and the next), unless a shared reference number
    says otherwise: two "Action:" lines in a row are two actions even when worded alike
    ("Write report 5", "Write report 6"), while an action restated in another form (a
    marker, then a log row) or further on (the task list, then "Business arising") is one.
    So a mention's wording is compared only with that of other forms or other runs, indexed
    by (form, run): a run of 100,000 "Action:" lines compares each with nothing."""

    runs: dict[str, tuple[int, int]] = field(default_factory=dict)
    """For each form, (its current run, the block of its last mention)."""
    groups: list[_Group] = field(default_factory=list)
    by_ref: dict[str, int] = field(default_factory=dict)
    by_block: dict[int, set[int]] = field(default_factory=dict)
    by_place: dict[tuple[str, int], _Descriptions] = field(default_factory=dict)
    """Every distinct description placed so far (match key), by the form and run that wrote
    it."""
    unnumbered: dict[tuple[str, int], _Descriptions] = field(default_factory=dict)
    """The same for groups without a reference: the only ones a numbered mention can join
    on wording, so a 10,000-row action log compares each row with few, not all."""

    def place(self, m: _Mention) -> None:
        """Add ``m`` to its group; mentions come in document order."""
        run, last = self.runs.get(m.rule, (0, m.block))
        if m.block - last > _NEAR:
            run += 1
        self.runs[m.rule] = (run, m.block)
        where = (m.rule, run)
        k = self._find(m, where)
        if k is None:
            k = len(self.groups)
            self.groups.append(_Group())
        self.groups[k].add(m, where[1])
        if m.ref and k < self.by_ref.get(m.ref, len(self.groups)):
            self.by_ref[m.ref] = k  # the first group holding the reference
        self.by_block.setdefault(m.block, set()).add(k)
        text = _match_key(m.description)
        self.by_place.setdefault(where, _Descriptions()).add(text, k)
        if not self.groups[k].refs:
            self.unnumbered.setdefault(where, _Descriptions()).add(text, k)

    def _similar(self, m: _Mention, here: tuple[str, int]) -> set[int]:
        """Groups holding a description like ``m``'s written in another form or run."""
        index = self.unnumbered if m.ref else self.by_place
        found: set[int] = set()
        key = ""
        for where, descriptions in index.items():
            if where == here:
                continue
            key = key or _match_key(m.description)
            # One search over the descriptions of a place, in rapidfuzz's C loop.
            hits = process.extract(
                key,
                descriptions.texts,
                scorer=fuzz.token_set_ratio,
                score_cutoff=88,
                limit=None,
            )
            found.update(k for _, _, i in hits for k in descriptions.groups_of[i])
        return found

    def _find(self, m: _Mention, here: tuple[str, int]) -> int | None:
        """The first group ``m`` belongs to: the same reference, the same owners nearby in
        another form, or a similar description in another form or run with compatible
        owners."""
        near = {
            k for b in range(m.block - _NEAR, m.block + _NEAR + 1) for k in self.by_block.get(b, ())
        }
        similar = self._similar(m, here)
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
            if here in g.places:
                continue  # written twice in one run of one form: two actions
            if (
                k in near
                and mine
                and mine == g.owners
                and m.rule not in g.rules
                and m.rule != "action_list"  # each entry of an action list is an action
                and _restates(m, g)
            ):
                return k
            if k in similar and (not mine or not g.owners or mine & g.owners):
                return k
        return None


#: How alike (token set ratio) two statements of one owner's task close by must be for one
#: to restate the other: in one paragraph nearly the same words ("Jo will send the report.
#: ACTION Jo: send the report"); on lines of their own, some ("Cllr Gardiner asked the Clerk
#: to …" and "The Clerk was asked to liaise with Mr Woodley" are two tasks of one owner).
RESTATED_IN_PARAGRAPH = 70
RESTATED_NEARBY = 40


def _restates(m: _Mention, g: _Group) -> bool:
    """Whether ``m`` restates the action of ``g`` in another form close by. A numbered
    marker after the sentence may word it anew ("Mr Rees agreed to progress the booking of a
    venue." / "DR to arrange meetings – action 1"); otherwise the two share their words
    ("Sander will lead this. Taak Sander: een hamer-achtig object meenemen." are two)."""
    key = _match_key(m.description)
    for o in g.mentions:
        if o.block != m.block and (m.ref or o.ref):
            return True
        least = RESTATED_IN_PARAGRAPH if o.block == m.block else RESTATED_NEARBY
        if fuzz.token_set_ratio(key, _match_key(o.description)) >= least:
            return True
    return False


def _merge(ctx: _Context, mentions: list[_Mention]) -> list[Action]:
    mentions.sort(key=lambda m: m.span.start)
    groups = _Groups()
    for m in mentions:
        groups.place(m)
    places = _AgendaPlaces(ctx.meeting.agenda_items)
    actions = [_action_from(ctx, g.mentions, places) for g in groups.groups]
    actions.sort(key=lambda a: (_ref_key(a.ref), a.span.start))
    return _distinct_ids(ctx, actions)


def _distinct_ids(ctx: _Context, actions: list[Action]) -> list[Action]:
    """Two actions worded alike (the same line written twice in one form) would share an id;
    the second and later get the occurrence number in theirs, the first keeps the plain one."""
    seen: dict[str, int] = {}
    out: list[Action] = []
    for a in actions:
        n = seen.get(a.id, 0)
        seen[a.id] = n + 1
        if n:
            new_id = stable_id(
                ctx.doc.sha256 or "", ctx.meeting.meeting.date, a.ref, a.description, n
            )
            a = a.model_copy(update={"id": new_id})
        out.append(a)
    return out


def _ref_key(ref: str | None) -> tuple[tuple[int, ...], str]:
    """Numbered actions in their numbers' order ("2.2" before "2.10"), then the others."""
    parts = (ref or "").split(".")
    if all(p.isdigit() for p in parts):
        return tuple(int(p) for p in parts), ""
    return (10**6,), ref or ""


class _AgendaPlaces:
    """The agenda items' text spans, flattened once per meeting: :func:`..locate.item_at`
    walks the whole outline on every call, which a 10,000-row action log made slow."""

    def __init__(self, items: Sequence[AgendaItem]) -> None:
        places: list[tuple[int, int, int, str | None]] = []
        for root in items:
            for item in root.walk():
                ts = item.text_span or item.span
                places.append((ts.start, len(places), ts.end, item.number or item.title))
        places.sort()  # by start, then outline order
        self.starts = [p[0] for p in places]
        self.places = places

    def item_at(self, offset: int) -> str | None:
        """Number (or title) of the innermost agenda item whose text holds ``offset``: the
        same answer as :func:`..locate.item_at` (the holder that starts last, the later in
        outline order on a tie), found from the last item starting at or before it."""
        for k in range(bisect.bisect_right(self.starts, offset) - 1, -1, -1):
            _, _, end, label = self.places[k]
            if offset <= end:
                return label
        return None


def _action_from(ctx: _Context, group: list[_Mention], places: _AgendaPlaces) -> Action:
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
        agenda_item=places.item_at(inline.span.start),
        span=best.span,
        mentions=[s for s in spans if s != best.span],
        rule="+".join(sorted({m.rule for m in group})),
    )
