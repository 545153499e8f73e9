"""Rules and model together.

The rules propose and structure items (owners, due dates, refs, votes); the classifier reads
every unit (:mod:`.units`) of the meeting and

- scores each rule item: ``confidence`` is the probability of the item's label on the units its
  span covers; a rule item the model is very sure is OTHER is dropped, for the fields where
  cross-validation on the dev split showed that this raises precision (:data:`THRESHOLDS`);
- proposes the units no rule item covers whose label probability is high as new items, with
  ``source="model:<LABEL>"``: actions (owner read by the rules' owner reader where the sentence
  opens with one, else left empty and flagged), resolutions and action updates (status from the
  rules' status words, else ongoing).

The model is loaded lazily, once per process, from package data (``learn/model``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..document import Document, Span
from ..extract.actions.context import _Context, _next_meeting
from ..extract.actions.owners import _plausible_owner
from ..extract.actions.status import action_status
from ..extract.agenda import item_at
from ..extract.context import ExtractionContext
from ..extract.dates import Order, infer_date_order
from ..extract.people import PersonIndex
from ..models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Meeting,
    PersonRef,
    Resolution,
    stable_id,
)
from ..rules.model import MODEL_OWNER_LEAD
from .units import Unit, document_units, unit_features

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["THRESHOLDS", "Thresholds", "apply_model", "classify", "learned_layer", "load_model"]

Probs = dict[str, float]
_MIN_WORDS = 4


@dataclass(frozen=True)
class Thresholds:
    """When the model adds an item (probability of its label at least ``add``) and when it
    drops a rule item (probability of the item's label below ``drop``; 0 never drops)."""

    add: dict[str, float] = field(
        default_factory=lambda: {"ACTION": 0.8, "DECISION": 0.6, "UPDATE": 1.01}
    )
    drop: dict[str, float] = field(
        default_factory=lambda: {"ACTION": 0.0, "DECISION": 0.0, "UPDATE": 0.0}
    )


THRESHOLDS = Thresholds()
"""Chosen by grouped cross-validation on the dev split (``python -m minutes_parser.learn.cv``,
5 folds by body): adding actions at 0.8 and decisions at 0.6 raised held-out F1 without
lowering any field's precision by more than 0.02; no update threshold added a correct update
and no drop threshold raised precision without costing F1, so updates are never added and no
rule item is dropped (1.01 and 0 switch them off)."""


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The packaged classifier, loaded once per process (no network)."""
    import spacy

    from .train import MODEL_PATH

    return spacy.load(MODEL_PATH)


def classify(nlp: Language, units: Sequence[Unit]) -> list[Probs]:
    """Each unit's label probabilities."""
    docs = nlp.pipe((unit_features(u) for u in units), batch_size=256)
    return [{k: float(v) for k, v in d.cats.items()} for d in docs]


def _covering(units: Sequence[Unit], starts: Sequence[int], span: Span) -> list[int]:
    i = max(bisect.bisect_right(starts, span.start) - 1, 0)
    out = []
    while i < len(units) and units[i].start < max(span.end, span.start + 1):
        if units[i].end > span.start:
            out.append(i)
        i += 1
    return out


def _score_of(probs: Sequence[Probs], idx: Sequence[int], label: str) -> float | None:
    return round(max(probs[i][label] for i in idx), 4) if idx else None


def _owners(ctx: _Context, sentence: str) -> tuple[list[PersonRef], str]:
    m = MODEL_OWNER_LEAD.match(sentence)
    if m:
        refs = _plausible_owner(ctx, m.group("who"))
        if refs:
            return refs, m.group("task").rstrip(". ")
    return [], sentence.rstrip(". ")


def _new_action(ctx: _Context, unit: Unit, p: float) -> Action:
    owners, task = _owners(ctx, unit.text.strip())
    span = ctx.doc.span(unit.start, unit.end)
    return Action(
        id=stable_id(ctx.doc.sha256 or "", ctx.meeting.meeting.date, "model", task),
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        owner_resolved=bool(owners) and all(o.resolved for o in owners),
        description=task,
        agenda_item=item_at(ctx.meeting.agenda_items, unit.start),
        span=span,
        rule="model",
        source="model:ACTION",
        confidence=round(p, 4),
    )


def _new_resolution(ctx: _Context, unit: Unit, p: float) -> Resolution:
    return Resolution(
        text=unit.text.strip(),
        agenda_item=item_at(ctx.meeting.agenda_items, unit.start),
        span=ctx.doc.span(unit.start, unit.end),
        rule="model",
        source="model:DECISION",
        confidence=round(p, 4),
    )


def _new_update(ctx: _Context, unit: Unit, p: float) -> ActionUpdate:
    owners, task = _owners(ctx, unit.text.strip())
    status, said = action_status(unit.text)
    return ActionUpdate(
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        description=task,
        status=status or ActionStatus.ONGOING,
        status_text=said,
        span=ctx.doc.span(unit.start, unit.end),
        rule="model",
        source="model:UPDATE",
        confidence=round(p, 4),
    )


def apply_model(
    doc: Document,
    meeting: Meeting,
    units: Sequence[Unit],
    probs: Sequence[Probs],
    thresholds: Thresholds = THRESHOLDS,
    order: Order | None = None,
) -> Meeting:
    """``meeting`` with the model's scores on rule items, the items it is sure are not items
    dropped, and the units it is sure of that no rule item covers added. ``order`` is the
    document's date order (the extraction context's; inferred from ``doc`` when None)."""
    starts = [u.start for u in units]
    covered: set[int] = set()
    kept: dict[str, list[Action] | list[Resolution] | list[ActionUpdate]] = {}
    fields: list[tuple[str, str, Sequence[Action | Resolution | ActionUpdate]]] = [
        ("actions", "ACTION", meeting.actions),
        ("resolutions", "DECISION", meeting.resolutions),
        ("action_updates", "UPDATE", meeting.action_updates),
    ]
    for name, label, items in fields:
        out = []
        for item in items:
            idx = _covering(units, starts, item.span)
            covered.update(idx)
            score = _score_of(probs, idx, label)
            if score is not None and score < thresholds.drop[label]:
                continue
            out.append(item.model_copy(update={"confidence": score}))
        kept[name] = out  # type: ignore[assignment]
    order = order or infer_date_order(doc.text)
    ctx = _Context(doc, meeting, PersonIndex(meeting.attendees), order, _next_meeting(doc, order))
    added_actions: list[Action] = []
    added_res: list[Resolution] = []
    added_upd: list[ActionUpdate] = []
    for i, (u, p) in enumerate(zip(units, probs, strict=True)):
        if i in covered or len(u.text.split()) < _MIN_WORDS or u.kind == "heading":
            continue
        label = max(("ACTION", "DECISION", "UPDATE"), key=lambda k: p[k])
        if p[label] < thresholds.add[label]:
            continue
        if label == "ACTION":
            added_actions.append(_new_action(ctx, u, p[label]))
        elif label == "DECISION":
            added_res.append(_new_resolution(ctx, u, p[label]))
        else:
            added_upd.append(_new_update(ctx, u, p[label]))
    if any(not a.owners for a in added_actions):
        meeting = meeting.with_diagnostic(
            "model_action_without_owner",
            f"{sum(not a.owners for a in added_actions)} action(s) proposed by the model "
            "name no owner the rules could read",
        )
    return meeting.model_copy(
        update={
            "actions": sorted([*kept["actions"], *added_actions], key=lambda a: a.span.start),
            "resolutions": sorted([*kept["resolutions"], *added_res], key=lambda r: r.span.start),
            "action_updates": sorted(
                [*kept["action_updates"], *added_upd], key=lambda u: u.span.start
            ),
        }
    )


def learned_layer(doc: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    """The pipeline's hook: classify the meeting's units with the packaged model and apply it."""
    units = document_units(doc)
    if not units:
        return meeting
    probs = classify(load_model(), units)
    return apply_model(doc, meeting, units, probs, order=context.date_order)
