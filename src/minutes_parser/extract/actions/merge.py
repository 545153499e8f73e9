"""Merging: the written forms (mentions) of one action become one :class:`Action`.

Mentions join a group by a shared reference number first, then the same owners close by in
another form, then a similar description with compatible owners. The fullest wording wins (a
log row over a sentence over an inline marker)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ...document import Span
from ...models import (
    Action,
    ActionStatus,
    PersonRef,
    stable_id,
)
from ..agenda import item_at
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
    it could join: comparing it with every group made long documents quadratic."""

    groups: list[_Group] = field(default_factory=list)
    by_ref: dict[str, int] = field(default_factory=dict)
    by_block: dict[int, set[int]] = field(default_factory=dict)
    descriptions: list[str] = field(default_factory=list)
    """Every distinct description placed so far, lower case; ``groups_of`` says which groups
    hold it, ``index`` where it is in the list."""
    groups_of: list[set[int]] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    unnumbered: _Descriptions = field(default_factory=lambda: _Descriptions())
    """The same for groups without a reference: the only ones a numbered mention can join
    on wording, so a 10,000-row action log compares each row with few, not all."""

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
        if not self.groups[k].refs:
            self.unnumbered.add(text, k)

    def _find(self, m: _Mention) -> int | None:
        """The first group ``m`` belongs to: the same reference, the same owners nearby in
        another form, or a similar description with compatible owners."""
        near = {k for b in range(m.block - 4, m.block + 5) for k in self.by_block.get(b, ())}
        # One search over every description so far, in rapidfuzz's C loop.
        texts, groups_of = (
            (self.unnumbered.texts, self.unnumbered.groups_of)
            if m.ref
            else (self.descriptions, self.groups_of)
        )
        hits = process.extract(
            _match_key(m.description),
            texts,
            scorer=fuzz.token_set_ratio,
            score_cutoff=88,
            limit=None,
        )
        similar = {k for _, _, i in hits for k in groups_of[i]}
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
