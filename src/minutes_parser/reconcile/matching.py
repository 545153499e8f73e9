"""Scoring a later report against the actions it may report on, and the one-to-one
assignment of a meeting's reports to them (see :mod:`.linking` for the order of evidence)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process, utils

from ..models import Action, ActionStatus, ActionUpdate
from ..rules.series import REF_NOISE, SUBJECT_NUMBER
from .mentions import words_of
from .register import RegisterEntry

__all__ = ["LinkConfig"]

_CLEAR_MATCH = 80.0
_SHARED_WORDS = 2
_PROCESS = utils.default_process  # case and punctuation never decide a match


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
    stale_after: int = 6
    """An action not mentioned for this many meetings is no longer a candidate."""
    reopen_within: int = 3
    """A closed action stays a candidate for this many meetings, so a reopening is linked."""
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
    source: ActionUpdate | Action | None


@dataclass
class _Open:
    """A register entry under construction, with what the linker needs to know."""

    entry: RegisterEntry
    wordings: list[str] = field(default_factory=list)
    last_seen: int = 0
    closed_at: int | None = None
    ref_key: str | None = None
    item_key: str | None = None
    """The agenda item that raised it: parish minutes cite actions by minute number."""

    @property
    def text(self) -> str:
        """What a report is compared with: the wording as raised and as last reported
        (all wordings would grow the comparison with every meeting)."""
        first, last = self.wordings[0], self.wordings[-1]
        return first if first == last else f"{first} {last}"


def _norm_ref(ref: str | None) -> str | None:
    if not ref:
        return None
    return REF_NOISE.sub("", ref.lower()).lstrip("0") or None


def _person_keys(owners: Sequence[str]) -> set[str]:
    """Forms an owner is known by across meetings: the full name, and a lone first name or
    surname matching the first or last word of it ("Myles" in the December list, "Myles
    Braithwaite" in January)."""
    keys: set[str] = set()
    for owner in owners:
        words = owner.lower().replace(".", " ").split()
        if not words:
            continue
        keys.add(" ".join(words))
        if len(words) > 1:
            keys.update({words[0], words[-1]})
    return keys


def _persistent(ref: str | None) -> bool:
    """A number that names one action across meetings: it carries the meeting's number or a
    log's prefix ("ACTION 60.3", "A03", "12/4"), unlike a bare "3" that every meeting's list
    restarts from."""
    return bool(ref) and not str(ref).strip().strip(".").isdigit()


def _score(r: _Report, c: _Open, desc: float, k: int, cfg: LinkConfig) -> tuple[float, list[str]]:
    evidence: list[str] = []
    e = c.entry
    r_key = _norm_ref(r.ref)
    same_ref = r_key is not None and r_key == c.ref_key
    same_item = r_key is not None and r_key == c.item_key
    if same_ref and r.raised_date and e.raised_date:
        if r.raised_date == e.raised_date:
            evidence.append(f"action {r.ref} raised {e.raised_date}")
            return 0.9 + 0.1 * desc, evidence
        return 0.3 * desc, [f"action {r.ref} but raised {r.raised_date}, not {e.raised_date}"]
    if same_ref and r.raised_date is None and _persistent(r.ref):
        return 0.9 + 0.1 * desc, [f"action {r.ref}"]
    owners = 0.5
    if r.owners and e.owners:
        owners = 1.0 if _person_keys(r.owners) & _person_keys(e.owners) else 0.0
    recency = 1.0 / (1 + max(0, k - c.last_seen - 1))
    w_desc, w_owner, w_recent = cfg.weights
    total = w_desc * desc + w_owner * owners + w_recent * recency
    evidence.append(f"wording {desc:.2f}")
    if owners == 1.0:
        evidence.append("same owner")
    if same_ref:
        evidence.append(f"same number {r.ref}")
        total = min(1.0, total + 0.1)
    elif same_item:
        # An item may raise several actions: its number narrows, the wording decides.
        evidence.append(f"raised under item {r.ref}")
        total = min(1.0, total + 0.1)
    return total, evidence


def _assign(
    reports: Sequence[_Report],
    candidates: Sequence[_Open],
    k: int,
    cfg: LinkConfig,
    threshold: float,
) -> dict[int, tuple[int, float, list[str]]]:
    """One-to-one assignment of reports to candidates: explicit references first, then the
    best-scoring pairs by wording, owners and recency."""
    out: dict[int, tuple[int, float, list[str]]] = {}
    if not reports or not candidates:
        return out
    used: set[int] = set()
    by_ref: dict[tuple[str, dt.date], list[int]] = {}
    for j, c in enumerate(candidates):
        for key in {c.ref_key, c.item_key} - {None}:
            if key and c.entry.raised_date:
                by_ref.setdefault((key, c.entry.raised_date), []).append(j)
    rest: list[int] = []
    for i, r in enumerate(reports):
        key = _norm_ref(r.ref)
        hits = (
            [j for j in by_ref.get((key, r.raised_date), []) if j not in used]
            if (key and r.raised_date)
            else []
        )
        if not hits and key and r.raised_date is None and _persistent(r.ref):
            hits = [j for j, c in enumerate(candidates) if c.ref_key == key and j not in used]
        if len(hits) == 1:
            j = hits[0]
            desc = fuzz.token_set_ratio(r.description, candidates[j].text, processor=_PROCESS) / 100
            score, evidence = _score(r, candidates[j], desc, k, cfg)
            out[i] = (j, score, evidence)
            used.add(j)
        else:
            rest.append(i)
    free = [j for j in range(len(candidates)) if j not in used]
    if not rest or not free:
        return out
    scores = _score_matrix([reports[i] for i in rest], [candidates[j] for j in free], k, cfg)
    order = np.argsort(-scores, axis=None)
    taken: set[int] = set()
    for flat in order:
        a_, b_ = divmod(int(flat), len(free))
        if scores[a_, b_] < threshold:
            break
        i, j = rest[a_], free[b_]
        if i in out or j in taken:
            continue
        desc = fuzz.token_set_ratio(reports[i].description, candidates[j].text, processor=_PROCESS)
        score, evidence = _score(reports[i], candidates[j], desc / 100, k, cfg)
        if not _substantive(reports[i], candidates[j], evidence):
            continue
        taken.add(j)
        out[i] = (j, score, evidence)
    return out


def _substantive(r: _Report, c: _Open, evidence: list[str]) -> bool:
    """A link made on wording alone (no number, no shared owner) needs the report and the
    action to share words of substance, not only the way minutes phrase things ("The Clerk
    reported that no reply had been received" is not every report the Clerk made): at least
    two, or all the report has; and where both name numbers (issues, proposals), one of them
    in common."""
    if any(e.startswith(("same number", "raised under", "action ")) for e in evidence):
        return True
    numbers, theirs = (
        set(SUBJECT_NUMBER.findall(r.description)),
        set(SUBJECT_NUMBER.findall(c.text)),
    )
    if numbers and theirs and not numbers & theirs:
        return False  # "assign issue 847" is not "assign bundle-lib issue 118"
    if "same owner" in evidence:
        return True
    e = c.entry
    if e.raised_meeting is None and not e.owners and not e.ref:
        return False  # a report on nothing known, by no one, under no number: no anchor
    own = words_of(r.description)
    return len(own & words_of(c.text)) >= min(_SHARED_WORDS, len(own))


def _score_matrix(
    reports: Sequence[_Report], candidates: Sequence[_Open], k: int, cfg: LinkConfig
) -> np.ndarray:
    """Scores of every report against every candidate, computed with arrays: the same
    formula as :func:`_score`, which then explains the pairs that are kept."""
    queries = [r.description for r in reports]
    choices = [c.text for c in candidates]
    # token_set_ratio forgives rewording ("glass panel fitted" for "chase the replacement
    # glass panel") but costs seven times token_sort_ratio: score every pair with the cheap
    # one, and rescore with token_set_ratio only the reports that found no clear match.
    desc = process.cdist(
        queries, choices, scorer=fuzz.token_sort_ratio, processor=_PROCESS, workers=1
    ).astype(np.float32)
    unclear = np.nonzero(desc.max(axis=1) < _CLEAR_MATCH)[0]
    if len(unclear):
        # one call for all of them: the choices are processed once, not once a report
        rows = process.cdist(
            [queries[int(i)] for i in unclear],
            choices,
            scorer=fuzz.token_set_ratio,
            processor=_PROCESS,
            workers=1,
        )
        desc[unclear] = np.maximum(desc[unclear], rows)
    desc /= 100.0
    r_keys = [_person_keys(r.owners) for r in reports]
    c_keys = [_person_keys(c.entry.owners) for c in candidates]
    people = sorted(set().union(*r_keys, *c_keys))
    names = {p: n for n, p in enumerate(people)}
    r_own = np.zeros((len(reports), len(people) or 1), dtype=np.float32)
    c_own = np.zeros((len(candidates), len(people) or 1), dtype=np.float32)
    for ri, keys in enumerate(r_keys):
        for key in keys:
            r_own[ri, names[key]] = 1
    for cj, keys in enumerate(c_keys):
        for key in keys:
            c_own[cj, names[key]] = 1
    overlap = (r_own @ c_own.T) > 0
    either_empty = (r_own.sum(axis=1)[:, None] == 0) | (c_own.sum(axis=1)[None, :] == 0)
    owners = np.where(either_empty, 0.5, overlap.astype(np.float32))
    recency = np.array(
        [1.0 / (1 + max(0, k - c.last_seen - 1)) for c in candidates], dtype=np.float32
    )
    w_desc, w_owner, w_recent = cfg.weights
    total = w_desc * desc + w_owner * owners + w_recent * recency[None, :]
    r_ref = np.array([_norm_ref(r.ref) or "" for r in reports], dtype=object)
    c_ref = np.array([c.ref_key or "" for c in candidates], dtype=object)
    c_item = np.array([c.item_key or "" for c in candidates], dtype=object)
    has_ref = r_ref[:, None] != ""
    same_ref = (r_ref[:, None] == c_ref[None, :]) & has_ref
    same_item = (r_ref[:, None] == c_item[None, :]) & has_ref & ~same_ref
    total = np.where(same_ref | same_item, np.minimum(1.0, total + 0.1), total)
    # An explicit number with a different raising date is a different action.
    r_date = [r.raised_date for r in reports]
    c_date = [c.entry.raised_date for c in candidates]
    for i, j in zip(*np.nonzero(same_ref), strict=True):
        rd, cd = r_date[int(i)], c_date[int(j)]
        if rd is not None and cd is not None:
            total[i, j] = 0.9 + 0.1 * desc[i, j] if rd == cd else 0.3 * desc[i, j]
    result: np.ndarray = total
    return result
