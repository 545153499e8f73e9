"""Score an action register against a hand-checked gold register (``register.gold.json``).

A register entry is matched to the gold action raised at the same meeting with the same
number or, failing that, the closest wording. A *link* is (action, later meeting): precision
and recall are over those pairs, so a report attached to the wrong action counts against both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .register import ActionRegister, RegisterEntry

__all__ = ["RegisterScore", "score_register"]


@dataclass
class RegisterScore:
    links_tp: int = 0
    links_fp: int = 0
    links_fn: int = 0
    status_correct: int = 0
    actions: int = 0
    unreported_correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def link_precision(self) -> float:
        total = self.links_tp + self.links_fp
        return self.links_tp / total if total else 1.0

    @property
    def link_recall(self) -> float:
        total = self.links_tp + self.links_fn
        return self.links_tp / total if total else 1.0

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.actions if self.actions else 1.0

    @property
    def unreported_accuracy(self) -> float:
        return self.unreported_correct / self.actions if self.actions else 1.0

    def add(self, other: RegisterScore) -> None:
        for name in (
            "links_tp",
            "links_fp",
            "links_fn",
            "status_correct",
            "actions",
            "unreported_correct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


def _file(path: str | None) -> str | None:
    return Path(path).name if path else None


def _match(entries: list[RegisterEntry], gold: list[dict[str, Any]]) -> dict[int, str]:
    """Entry index → gold key, one to one."""
    pairs: list[tuple[float, int, str]] = []
    for i, e in enumerate(entries):
        meeting = _file(e.raised_meeting)
        for g in gold:
            raised = g["raised"]
            if meeting != raised["meeting"]:
                continue
            wording = fuzz.token_set_ratio(e.description, raised["description"])
            same_ref = bool(e.ref) and str(e.ref).strip(".") == str(raised.get("ref") or "")
            score = wording + (50 if same_ref else 0)
            if same_ref or wording >= 70:
                pairs.append((score, i, g["key"]))
    pairs.sort(key=lambda p: -p[0])
    out: dict[int, str] = {}
    used: set[str] = set()
    for _, i, key in pairs:
        if i not in out and key not in used:
            out[i] = key
            used.add(key)
    return out


def score_register(register: ActionRegister, gold: dict[str, Any]) -> RegisterScore:
    actions: list[dict[str, Any]] = gold["actions"]
    entries = list(register.entries)
    mapping = _match(entries, actions)
    by_key = {g["key"]: g for g in actions}
    score = RegisterScore(actions=len(actions))
    gold_links = {(g["key"], m["meeting"]) for g in actions for m in g.get("mentions", [])}
    predicted: set[tuple[str, str | None]] = set()
    for i, e in enumerate(entries):
        key = mapping.get(i, f"entry:{e.id}")
        for event in e.history[1:]:
            predicted.add((key, _file(event.meeting_path)))
    score.links_tp = len(gold_links & predicted)
    score.links_fp = len(predicted - gold_links)
    score.links_fn = len(gold_links - predicted)
    score.misses += [f"missed link {k} @ {m}" for k, m in sorted(gold_links - predicted)]
    score.misses += [f"wrong link {k} @ {m}" for k, m in sorted(predicted - gold_links, key=str)]
    matched = {key: entries[i] for i, key in mapping.items()}
    for key, g in by_key.items():
        found = matched.get(key)
        if found is None:
            score.misses.append(f"not found {key}: {g['raised']['description'][:60]}")
            continue
        e = found
        if e.status.value == g["final_status"]:
            score.status_correct += 1
        else:
            score.misses.append(f"status {key}: gold {g['final_status']} got {e.status.value}")
        if e.unreported == bool(g.get("unreported")):
            score.unreported_correct += 1
        else:
            score.misses.append(f"unreported {key}: gold {g.get('unreported')} got {e.unreported}")
    return score
