"""Scoring action registers against series gold (GOLD_SCHEMA.md, "Series registers").

Each series file names its meetings by document id; the documents are parsed, reconciled the
way ``minutes-parser reconcile --single-series`` does it (the gold says they are one body's),
and the register is compared with the gold: actions
matched by text (as the reference ``score_series.py`` does), then the final status of each
matched action (an open action flagged unreported counts as ``unreported``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigurationError
from ..options import ParseOptions
from ..pipeline import parse_meetings
from ..reconcile import reconcile
from ..reconcile.register import RegisterEntry
from .scoring import Json, greedy_match, status_of, text_score

__all__ = ["SeriesScore", "evaluate_series", "find_series", "score_register"]

# Still to be done: the gold calls any of these "unreported" after two silent meetings (its
# series hold carried-forward actions that fell silent, final_status "unreported").
_OPEN = ("open", "ongoing", "carried_forward")


@dataclass
class SeriesScore:
    series: str
    gold: int
    pred: int
    tp: int
    status_right: int
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def final_status_accuracy(self) -> float:
        return self.status_right / self.gold if self.gold else 1.0

    def to_dict(self) -> Json:
        return {
            "series": self.series,
            "gold": self.gold,
            "pred": self.pred,
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "final_status_acc": round(self.final_status_accuracy, 4),
        }


def _final_status(entry: RegisterEntry) -> str:
    status = status_of({"status": entry.status.value})
    return "unreported" if status in _OPEN and entry.unreported else status


def score_register(gold: Json, entries: list[RegisterEntry]) -> SeriesScore:
    actions = [a for a in gold.get("actions") or [] if isinstance(a, dict)]
    records = [{"text": e.description, "status": _final_status(e)} for e in entries]
    pairs = greedy_match(actions, records, text_score(70))
    right = [
        (i, j)
        for i, j in pairs
        if status_of({"status": actions[i].get("final_status")}) == records[j]["status"]
    ]
    matched = {i for i, _ in pairs}
    misses = [
        f"missed: {a.get('text', '')[:80]}" for i, a in enumerate(actions) if i not in matched
    ]
    misses += [
        f"status of {actions[i].get('text', '')[:60]!r}: gold {actions[i].get('final_status')} "
        f"got {records[j]['status']}"
        for i, j in pairs
        if (i, j) not in right
    ]
    return SeriesScore(
        series=str(gold.get("series") or ""),
        gold=len(actions),
        pred=len(records),
        tp=len(pairs),
        status_right=len(right),
        misses=misses,
    )


def find_series(folder: Path) -> list[tuple[Path, Path]]:
    """(series gold, docs folder) pairs under ``folder`` and its ``dev``/``test`` splits."""
    out = []
    for root in (folder, folder / "dev", folder / "test"):
        series_dir, docs_dir = root / "series", root / "docs"
        if series_dir.is_dir():
            out += [
                (p, docs_dir if docs_dir.is_dir() else root)
                for p in sorted(series_dir.glob("*.json"))
            ]
    if not out:
        raise ConfigurationError(f"{folder}: no series/*.json gold registers found")
    return out


def evaluate_series(folder: Path, options: ParseOptions | None = None) -> list[SeriesScore]:
    scores = []
    for gold_path, docs_dir in find_series(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        by_stem = {p.stem: p for p in docs_dir.iterdir() if p.is_file()}
        meetings = []
        for doc_id in gold.get("meetings") or []:
            doc = by_stem.get(doc_id)
            if doc is None:
                raise ConfigurationError(f"{gold_path}: document {doc_id!r} not in {docs_dir}")
            meetings += parse_meetings(doc, options)
        # The gold names the series' documents: they are one body's, as a user who runs
        # `reconcile --single-series` on one committee's folder states.
        scores.append(score_register(gold, reconcile(meetings, single_series=True).entries))
    return scores
