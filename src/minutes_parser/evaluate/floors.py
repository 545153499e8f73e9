"""Floors: the figures a corpus must keep, committed beside it and checked in CI.

A floors file is JSON: ``{"<split>": {"<field>": floor, ...}, "series": {"f1": floor,
"final_status_acc": floor}}`` where a split is ``dev``, ``test`` or ``all`` and a field is one
of the scored fields, ``kind_accuracy`` or ``mean_f1``. A figure fails when it drops more than
``tolerance`` below its floor; raise the floors as the figures rise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigurationError
from .corpus import CorpusReport
from .series import SeriesScore

__all__ = ["FloorBreach", "check_floors", "series_means"]

TOLERANCE = 0.02


@dataclass(frozen=True)
class FloorBreach:
    split: str
    field: str
    floor: float
    value: float

    def __str__(self) -> str:
        return f"{self.split} {self.field}: {self.value:.3f} is below the floor {self.floor:.3f}"


def series_means(scores: list[SeriesScore]) -> dict[str, float]:
    """Register F1 and final-status accuracy averaged over the series."""
    n = len(scores) or 1
    return {
        "f1": sum(s.f1 for s in scores) / n,
        "final_status_acc": sum(s.final_status_accuracy for s in scores) / n,
    }


def check_floors(
    floors_path: Path,
    reports: dict[str, CorpusReport] | None = None,
    series: list[SeriesScore] | None = None,
    tolerance: float = TOLERANCE,
) -> list[FloorBreach]:
    try:
        floors = json.loads(floors_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"{floors_path}: cannot read floors: {exc}") from exc
    figures: dict[str, dict[str, float]] = {}
    for split, report in (reports or {}).items():
        d = report.to_dict()
        figures[split] = {f: v["f1"] for f, v in d["fields"].items()}
        figures[split]["kind_accuracy"] = d["kind_accuracy"]
        figures[split]["mean_f1"] = d["mean_f1"]
    if series:
        figures["series"] = series_means(series)
    breaches = []
    for split, fields in floors.items():
        if split not in figures:
            continue
        for field, floor in fields.items():
            value = figures[split].get(field)
            if value is None:
                raise ConfigurationError(f"{floors_path}: unknown figure {split}.{field}")
            if value < float(floor) - tolerance:
                breaches.append(FloorBreach(split, field, float(floor), value))
    return breaches
