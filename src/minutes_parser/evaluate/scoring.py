"""Scoring one meeting against its gold: the matching rules of the gold format (GOLD_SCHEMA.md).

Items are matched one to one, greedily by descending similarity, so a near-miss in wording still
counts while a duplicate never counts twice. The thresholds and normalisations are those of the
reference scorer that ships beside the real-world gold (``score.py``), so a figure printed here
is the figure that scorer prints: attendees by name (ratio >= 90, or same surname and first
initial), agenda items by number when both have one else by title (token-set >= 85),
resolutions by text (token-set >= 75), actions and updates by text (token-set >= 70).

Both gold shapes are read: the gold format (``text``, ``owners``, ``status``) and the contract
JSON the parser prints (``description``, owners as objects).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..rules.evaluation import NOT_ALNUM, SCORING_HONORIFICS

__all__ = ["FIELDS", "Json", "Tally", "score_meeting"]

Json = dict[str, Any]

FIELDS = (
    "attendees.name",
    "attendees.status",
    "agenda_items",
    "resolutions",
    "actions.text",
    "actions.owner",
    "action_updates",
    "meeting.date",
)

_STATUS_ALIASES = {
    "apologies_sent": "apologies",
    "attendance": "in_attendance",
    "on_going": "ongoing",
    "complete": "completed",
    "done": "completed",
    "closed": "completed",
}


@dataclass
class Tally:
    """True positives, false positives and false negatives of one field, with the misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, tp: int, n_gold: int, n_pred: int) -> None:
        self.tp += tp
        self.fn += n_gold - tp
        self.fp += n_pred - tp

    def merge(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses.extend(other.misses)

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> Json:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def norm_name(text: str | None) -> str:
    text = SCORING_HONORIFICS.sub(" ", (text or "").lower())
    return " ".join(NOT_ALNUM.sub(" ", text).split())


def norm_text(text: str | None) -> str:
    return " ".join(NOT_ALNUM.sub(" ", (text or "").lower()).split())


def status_of(item: Json) -> str:
    s = str(item.get("status") or "").lower().replace("-", "_").replace(" ", "_")
    return _STATUS_ALIASES.get(s, s)


def text_of(item: Json) -> str:
    for key in ("text", "description", "details", "title"):
        if item.get(key):
            return str(item[key])
    return ""


def owners_of(item: Json) -> set[str]:
    raw = item.get("owners")
    if raw is None:
        raw = item.get("owner")
    if raw is None:
        return set()
    if isinstance(raw, str | dict):
        raw = [raw]
    names = set()
    for owner in raw:
        if isinstance(owner, dict):
            owner = owner.get("name") or owner.get("as_written") or ""
        names.add(norm_name(str(owner)))
    return {n for n in names if n}


def owners_agree(gold: Json, pred: Json) -> bool:
    """Owners agree when the sets overlap, or when neither side names an owner."""
    g, p = owners_of(gold), owners_of(pred)
    return bool(g & p) or (not g and not p)


def flatten_agenda(items: Sequence[Json] | None) -> list[Json]:
    out: list[Json] = []
    for item in items or []:
        out.append(item)
        out.extend(flatten_agenda(item.get("children") or item.get("items") or []))
    return out


Scorer = Callable[[Json, Json], float | None]


def greedy_match(
    gold: Sequence[Json], pred: Sequence[Json], score: Scorer
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) by descending score."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                candidates.append((s, i, j))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def attendee_score(g: Json, p: Json) -> float | None:
    a, b = norm_name(g.get("name")), norm_name(p.get("name"))
    if not a or not b:
        return None
    ratio = fuzz.ratio(a, b)
    if ratio >= 90:
        return ratio
    ga, pb = a.split(), b.split()
    if ga[-1] == pb[-1] and ga[0][0] == pb[0][0]:  # "S Ashley" is "Steve Ashley"
        return 89.0
    return None


def agenda_score(g: Json, p: Json) -> float | None:
    gn = str(g.get("number") or "").strip(". ")
    pn = str(p.get("number") or "").strip(". ")
    titles = fuzz.token_set_ratio(norm_text(g.get("title")), norm_text(p.get("title")))
    if gn and pn:
        return 200 + titles if gn == pn else None
    return titles if titles >= 85 else None


def text_score(threshold: float) -> Scorer:
    def score(g: Json, p: Json) -> float | None:
        a, b = norm_text(text_of(g)), norm_text(text_of(p))
        if not a or not b:
            return None
        ratio = fuzz.token_set_ratio(a, b)
        return ratio if ratio >= threshold else None

    return score


def _items(d: Json, key: str) -> list[Json]:
    value = d.get(key)
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _misses(
    gold: Sequence[Json],
    pred: Sequence[Json],
    pairs: Sequence[tuple[int, int]],
    label: Callable[[Json], str],
) -> list[str]:
    mg = {i for i, _ in pairs}
    mp = {j for _, j in pairs}
    out = [f"missed: {label(g)}" for i, g in enumerate(gold) if i not in mg]
    return out + [f"spurious: {label(p)}" for j, p in enumerate(pred) if j not in mp]


def _short(text: str) -> str:
    return text[:80]


def score_meeting(gold: Json, pred: Json) -> dict[str, Tally]:
    """Per-field tallies of one predicted meeting (contract JSON) against one gold meeting."""
    out = {f: Tally() for f in FIELDS}
    ga, pa = _items(gold, "attendees"), _items(pred, "attendees")
    pairs = greedy_match(ga, pa, attendee_score)
    out["attendees.name"].add(len(pairs), len(ga), len(pa))
    out["attendees.name"].misses = _misses(ga, pa, pairs, lambda x: str(x.get("name")))
    right = [(i, j) for i, j in pairs if status_of(ga[i]) == status_of(pa[j])]
    out["attendees.status"].add(len(right), len(ga), len(pa))
    out["attendees.status"].misses = [
        f"status {ga[i].get('name')}: gold {status_of(ga[i])} got {status_of(pa[j])}"
        for i, j in pairs
        if (i, j) not in right
    ]

    gi, pi = (
        flatten_agenda(_items(gold, "agenda_items")),
        flatten_agenda(_items(pred, "agenda_items")),
    )
    pairs = greedy_match(gi, pi, agenda_score)
    out["agenda_items"].add(len(pairs), len(gi), len(pi))
    out["agenda_items"].misses = _misses(
        gi, pi, pairs, lambda x: _short(f"{x.get('number') or ''} {x.get('title')}".strip())
    )

    gr, pr = _items(gold, "resolutions"), _items(pred, "resolutions")
    pairs = greedy_match(gr, pr, text_score(75))
    out["resolutions"].add(len(pairs), len(gr), len(pr))
    out["resolutions"].misses = _misses(gr, pr, pairs, lambda x: _short(text_of(x)))

    gx, px = _items(gold, "actions"), _items(pred, "actions")
    pairs = greedy_match(gx, px, text_score(70))
    out["actions.text"].add(len(pairs), len(gx), len(px))
    out["actions.text"].misses = _misses(gx, px, pairs, lambda x: _short(text_of(x)))
    agree = [(i, j) for i, j in pairs if owners_agree(gx[i], px[j])]
    out["actions.owner"].add(len(agree), len(gx), len(px))
    out["actions.owner"].misses = [
        f"owners of {_short(text_of(gx[i]))!r}: gold {sorted(owners_of(gx[i]))} "
        f"got {sorted(owners_of(px[j]))}"
        for i, j in pairs
        if (i, j) not in agree
    ]

    gu, pu = _items(gold, "action_updates"), _items(pred, "action_updates")
    pairs = greedy_match(gu, pu, text_score(70))
    right = [(i, j) for i, j in pairs if status_of(gu[i]) == status_of(pu[j])]
    out["action_updates"].add(len(right), len(gu), len(pu))
    out["action_updates"].misses = _misses(gu, pu, pairs, lambda x: _short(text_of(x))) + [
        f"update {_short(text_of(gu[i]))!r}: gold {status_of(gu[i])} got {status_of(pu[j])}"
        for i, j in pairs
        if (i, j) not in right
    ]

    gm = gold.get("meeting") if isinstance(gold.get("meeting"), dict) else {}
    pm = pred.get("meeting") if isinstance(pred.get("meeting"), dict) else pred
    gd, pd = (gm or {}).get("date"), str((pm or {}).get("date") or "")[:10]
    out["meeting.date"].add(int(bool(gd) and pd == gd), int(bool(gd)), int(bool(pd)))
    if gd != (pd or None):
        out["meeting.date"].misses = [f"date: gold {gd} got {pd or None}"]
    return out
