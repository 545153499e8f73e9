"""Gold items aligned to the units they were read from, by fuzzy text match (rapidfuzz).

Gold copies the document's words (GOLD_SCHEMA.md), but whitespace-normalised and often trimmed
("find suitable venue" out of "WC to find suitable venue for the open meetings"), sometimes
over two sentences. So an item aligns to the unit holding it best (``partial_ratio`` of the
shorter text in the longer, with the unit covering at least half the item); failing that, to
the run of consecutive units of one block that together hold it. People align to the first unit
naming them; agenda titles to every unit that is little more than the title.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from ..evaluate.scoring import norm_text, text_of
from .units import Unit

__all__ = ["FIELD_LABELS", "LABELS", "Alignment", "align_items", "gold_items"]

LABELS = ("ACTION", "DECISION", "UPDATE", "ATTENDANCE", "AGENDA", "OTHER")
FIELD_LABELS = {
    "actions": "ACTION",
    "resolutions": "DECISION",
    "action_updates": "UPDATE",
    "attendees": "ATTENDANCE",
    "agenda_items": "AGENDA",
}
_TEXT_MIN = 85.0
_NAME_MIN = 90.0
_COVER = 0.5
_PART_MIN = 90.0


@dataclass(frozen=True)
class Alignment:
    field: str
    item: str
    units: tuple[int, ...]
    """Indices into the document's units; empty when the item could not be aligned."""


def _flatten(items: Iterable[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for x in items:
        if isinstance(x, dict):
            out.append(x)
            out.extend(_flatten(x.get("children") or []))
    return out


def gold_items(gold: dict[str, Any]) -> list[tuple[str, str]]:
    """``(field, text)`` of every gold item of every meeting the gold file describes."""
    meetings = gold.get("meetings") if isinstance(gold.get("meetings"), list) else [gold]
    out = []
    for m in meetings or []:
        if not isinstance(m, dict):
            continue
        for field in FIELD_LABELS:
            for item in _flatten(m.get(field) or []):
                text = str(item.get("name") or "") if field == "attendees" else text_of(item)
                if norm_text(text):
                    out.append((field, text))
    return out


def _score(item: str, unit: str) -> float:
    short, long = (item, unit) if len(item) <= len(unit) else (unit, item)
    if len(short) < 0.5 * len(item):
        return 0.0
    return float(fuzz.partial_ratio(short, long))


def _align_text(item: str, units: Sequence[str], blocks: Sequence[int]) -> tuple[int, ...]:
    scores = [_score(item, u) if u else 0.0 for u in units]
    best = max(range(len(units)), key=lambda i: scores[i], default=None)
    if best is not None and scores[best] >= _TEXT_MIN:
        return (best,)
    # an item over several sentences: the longest run of one block's units inside it
    inside = [
        i
        for i, u in enumerate(units)
        if len(u) >= 12 and len(u) <= len(item) and fuzz.partial_ratio(u, item) >= _PART_MIN
    ]
    runs: list[list[int]] = []
    for i in inside:
        if runs and runs[-1][-1] == i - 1 and blocks[runs[-1][-1]] == blocks[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in sorted(runs, key=lambda r: -sum(len(units[i]) for i in r)):
        if sum(len(units[i]) + 1 for i in run) >= _COVER * len(item):
            return tuple(run)
        break
    return ()


def _align_name(name: str, units: Sequence[str]) -> tuple[int, ...]:
    for i, u in enumerate(units):
        if name in u or (u and fuzz.partial_ratio(name, u) >= _NAME_MIN):
            return (i,)
    return ()


def _align_title(title: str, units: Sequence[str]) -> tuple[int, ...]:
    return tuple(
        i
        for i, u in enumerate(units)
        if u and len(u) <= 2 * len(title) + 12 and fuzz.partial_ratio(title, u) >= _TEXT_MIN
    )


def align_items(items: Sequence[tuple[str, str]], units: Sequence[Unit]) -> list[Alignment]:
    """Each gold item with the units it was read from."""
    normed = [norm_text(u.text) for u in units]
    blocks = [u.block for u in units]
    out = []
    for field, text in items:
        item = norm_text(text)
        if field == "attendees":
            found = _align_name(item, normed)
        elif field == "agenda_items":
            found = _align_title(item, normed)
        else:
            found = _align_text(item, normed, blocks)
        out.append(Alignment(field, text, found))
    return out
