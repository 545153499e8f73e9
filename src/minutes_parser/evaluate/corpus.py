"""Finding documents and their gold in a corpus folder, and scoring the parser over them.

Two layouts are read, and a folder may hold splits of either:

- ``<dir>/<name>.<ext>`` beside ``<dir>/<name>.gold.json`` (the team-written corpus);
- ``<dir>/docs/<id>.<ext>`` with ``<dir>/gold/<id>.json`` (the real-world sets, GOLD_SCHEMA.md);
- ``<dir>/dev/`` and ``<dir>/test/`` holding either layout: each split is scored on its own.

A gold file holding ``{"meetings": [...]}`` describes a file with several meetings; they are
paired with the parsed meetings by date, then in order. A folder with no gold is an error: a
score over nothing is not a score.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigurationError
from ..options import ParseOptions
from ..pipeline import parse_meetings
from ..rules.evaluation import CASE_DATE_TAIL
from .scoring import FIELDS, Json, Tally, score_meeting

__all__ = ["Case", "CorpusReport", "evaluate_cases", "evaluate_corpus", "find_cases", "find_splits"]

SPLITS = ("dev", "test")


@dataclass(frozen=True)
class Case:
    """One document with its gold file."""

    doc: Path
    gold: Path
    body: str

    @property
    def doc_id(self) -> str:
        return self.doc.stem


def _bodies_from_sources(folder: Path) -> dict[str, str]:
    """``file -> body`` from a SOURCES.csv / sources.csv beside the documents, when there is one."""
    for name in ("SOURCES.csv", "sources.csv"):
        path = folder / name
        if path.is_file():
            with path.open(newline="", encoding="utf-8") as fh:
                return {
                    Path(row["file"]).name: row["body"]
                    for row in csv.DictReader(fh)
                    if row.get("file") and row.get("body")
                }
    return {}


def _body_slug(doc_id: str) -> str:
    """The body a document belongs to, from its id: ``rust-lc-2023-10-27`` -> ``rust-lc``."""
    slug = doc_id
    for _ in range(2):
        slug = CASE_DATE_TAIL.sub("", slug) or slug
    return slug


def find_cases(folder: Path) -> list[Case]:
    """The (document, gold) pairs of one folder, in either layout."""
    docs_dir, gold_dir = folder / "docs", folder / "gold"
    cases = []
    if docs_dir.is_dir() and gold_dir.is_dir():
        bodies = _bodies_from_sources(folder) or _bodies_from_sources(folder.parent)
        by_stem = {p.stem: p for p in sorted(docs_dir.iterdir()) if p.is_file()}
        for gold in sorted(gold_dir.glob("*.json")):
            doc = by_stem.get(gold.stem)
            if doc is not None:
                cases.append(Case(doc, gold, bodies.get(doc.name) or _body_slug(doc.stem)))
        return cases
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        docs = sorted(p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".gold.json"))
        if docs:
            cases.append(Case(docs[0], gold, _body_slug(stem)))
    return cases


def find_splits(folder: Path) -> dict[str, list[Case]]:
    """``split -> cases``: ``dev``/``test`` subfolders when present, else the folder as one."""
    if not folder.is_dir():
        raise ConfigurationError(f"{folder}: no such folder")
    splits = {s: find_cases(folder / s) for s in SPLITS if (folder / s).is_dir()}
    if not any(splits.values()):
        splits = {"all": find_cases(folder)}
    splits = {k: v for k, v in splits.items() if v}
    if not splits:
        raise ConfigurationError(
            f"{folder}: no gold files found (expected <name>.gold.json beside each document, "
            "or docs/ and gold/ folders, optionally under dev/ and test/)"
        )
    return splits


@dataclass
class CaseResult:
    case: Case
    fields: dict[str, Tally]
    format: str
    gold_kinds: list[str]
    pred_kinds: list[str]
    gold_meetings: int
    pred_meetings: int
    predictions: list[Json]
    error: str | None = None


@dataclass
class CorpusReport:
    """Scores of one set of cases: per field, and broken down by document, format and body."""

    results: list[CaseResult] = field(default_factory=list)

    def _total(self, keep: Callable[[CaseResult], bool] = lambda r: True) -> dict[str, Tally]:
        totals = {f: Tally() for f in FIELDS}
        for r in self.results:
            if keep(r):
                for f, t in r.fields.items():
                    totals[f].merge(t)
        return totals

    @property
    def fields(self) -> dict[str, Tally]:
        return self._total()

    def by(self, key: Callable[[CaseResult], str]) -> dict[str, dict[str, Tally]]:
        groups = sorted({key(r) for r in self.results})
        return {g: self._total(lambda r, g=g: key(r) == g) for g in groups}  # type: ignore[misc]

    @property
    def kind_accuracy(self) -> float:
        pairs = [
            (g, p) for r in self.results for g, p in zip(r.gold_kinds, r.pred_kinds, strict=False)
        ]
        return sum(g == p for g, p in pairs) / len(pairs) if pairs else 1.0

    @property
    def kind_errors(self) -> list[str]:
        out = []
        for r in self.results:
            if r.error:
                out.append(f"{r.case.doc.name}: {r.error}")
            for g, p in zip(r.gold_kinds, r.pred_kinds, strict=False):
                if g != p:
                    out.append(f"{r.case.doc.name}: gold {g} got {p}")
        return out

    @property
    def minutes_lost(self) -> int:
        """Real meetings the parser threw away (gold minutes, parsed as something else)."""
        return sum(
            g == "minutes" and p != "minutes"
            for r in self.results
            for g, p in zip(r.gold_kinds, r.pred_kinds, strict=False)
        )

    @property
    def segmentation(self) -> tuple[int, int]:
        """(files with several meetings split into the right number, files with several)."""
        multi = [r for r in self.results if r.gold_meetings > 1]
        return sum(r.pred_meetings == r.gold_meetings for r in multi), len(multi)

    def to_dict(self) -> Json:
        def rows(t: dict[str, Tally]) -> Json:
            return {f: s.to_dict() for f, s in t.items()}

        right, multi = self.segmentation
        return {
            "documents": len(self.results),
            "fields": rows(self.fields),
            "mean_f1": round(sum(t.f1 for t in self.fields.values()) / len(FIELDS), 4),
            "kind_accuracy": round(self.kind_accuracy, 4),
            "minutes_lost": self.minutes_lost,
            "segmentation": {"right": right, "files": multi},
            "kind_errors": self.kind_errors,
            "by_format": {k: rows(v) for k, v in self.by(lambda r: r.format).items()},
            "by_body": {k: rows(v) for k, v in self.by(lambda r: r.case.body).items()},
            "by_document": {r.case.doc.name: rows(r.fields) for r in self.results},
        }


def _gold_meetings(gold: Json) -> list[Json]:
    meetings = gold.get("meetings")
    return [m for m in meetings if isinstance(m, dict)] if isinstance(meetings, list) else [gold]


def _pair_meetings(golds: list[Json], preds: list[Json]) -> list[tuple[Json, Json]]:
    """Gold and parsed meetings paired by date where both state one, the rest in order."""
    if len(golds) == len(preds):
        return list(zip(golds, preds, strict=False))
    used: set[int] = set()
    paired: dict[int, int] = {}
    for i, g in enumerate(golds):
        date = (g.get("meeting") or {}).get("date")
        for j, p in enumerate(preds):
            if j not in used and date and (p.get("meeting") or {}).get("date") == date:
                paired[i] = j
                used.add(j)
                break
    rest = [j for j in range(len(preds)) if j not in used]
    out: list[tuple[Json, Json]] = []
    for i, g in enumerate(golds):
        k = paired[i] if i in paired else (rest.pop(0) if rest else None)
        out.append((g, preds[k] if k is not None else {}))
        if k is not None:
            used.add(k)
    out += [({}, p) for j, p in enumerate(preds) if j not in used]
    return out


def evaluate_case(case: Case, options: ParseOptions | None = None) -> CaseResult:
    gold = json.loads(case.gold.read_text(encoding="utf-8"))
    golds = _gold_meetings(gold)
    error = None
    try:
        meetings = parse_meetings(case.doc, options)
        preds = [m.to_dict() for m in meetings]
        fmt = meetings[0].source.format if meetings else "unknown"
    except Exception as exc:  # a parse failure scores as nothing found, and is reported
        error = f"failed to parse: {type(exc).__name__}: {exc}"
        preds, fmt = [], "error"
    totals = {f: Tally() for f in FIELDS}
    for g, p in _pair_meetings(golds, preds):
        for f, t in score_meeting(g, p).items():
            totals[f].merge(t)
    return CaseResult(
        case=case,
        fields=totals,
        format=fmt,
        gold_kinds=[str(g.get("kind") or "minutes") for g in golds],
        pred_kinds=[str(p.get("kind")) for p in preds] or ["error"],
        gold_meetings=len(golds),
        pred_meetings=len(preds),
        predictions=preds,
        error=error,
    )


def evaluate_cases(
    cases: Sequence[Case], options: ParseOptions | None = None, jobs: int = 1
) -> CorpusReport:
    if jobs > 1 and len(cases) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(evaluate_case, cases, [options] * len(cases)))
    else:
        results = [evaluate_case(c, options) for c in cases]
    return CorpusReport(results)


def evaluate_corpus(
    folder: Path, options: ParseOptions | None = None, jobs: int = 1
) -> dict[str, CorpusReport]:
    """``split -> report`` for a corpus folder (see the module docstring for its layouts)."""
    return {s: evaluate_cases(c, options, jobs) for s, c in find_splits(folder).items()}
