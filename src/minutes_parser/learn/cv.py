"""Grouped cross-validation of the learned layer on the dev split, and the choice of its
thresholds: ``python -m minutes_parser.learn.cv [--folds 5]``.

Documents are grouped by body (``corpus/real/SOURCES.csv``) so no body is in both the training
and the held-out part of a fold. Each fold's model is trained on the other folds' units; its
probabilities on the held-out meetings are combined with the rules' output exactly as the
pipeline does (:func:`.score.apply_model`) and scored as ``minutes-parser eval`` scores. The
thresholds are chosen on these held-out figures only; the test split is never read.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ..evaluate.corpus import _gold_meetings, _pair_meetings
from ..evaluate.scoring import FIELDS, Tally, score_meeting
from ..extract.segments import split_meetings
from ..models import Meeting
from ..pipeline import extract_meetings
from .dataset import DEV_SPLIT, LabelledDoc, load_split
from .score import Probs, Thresholds, apply_model, classify
from .train import train_model, training_set
from .units import Unit, document_units

__all__ = ["Heldout", "folds_by_body", "main"]

_LABEL_FIELD = {"ACTION": "actions.text", "DECISION": "resolutions", "UPDATE": "action_updates"}
_ADD_GRID = (1.01, 0.97, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5)
_DROP_GRID = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2)


@dataclass
class Heldout:
    """One dev document as a held-out fold saw it: the rules' meetings, each meeting's units
    and the fold model's probabilities on them, and the gold."""

    doc: LabelledDoc
    parts: list[tuple[Document, Meeting, list[Unit], list[Probs]]]
    gold: list[dict[str, object]]


def folds_by_body(docs: Sequence[LabelledDoc], k: int) -> list[list[int]]:
    """``k`` groups of document indices, whole bodies each, balanced by unit count."""
    sizes: dict[str, int] = defaultdict(int)
    for d in docs:
        sizes[d.body] += len(d.units)
    folds: list[list[str]] = [[] for _ in range(k)]
    load = [0] * k
    for body in sorted(sizes, key=lambda b: (-sizes[b], b)):
        f = load.index(min(load))
        folds[f].append(body)
        load[f] += sizes[body]
    return [[i for i, d in enumerate(docs) if d.body in set(bodies)] for bodies in folds]


def _score(held: Sequence[Heldout], th: Thresholds | None) -> dict[str, Tally]:
    totals = {f: Tally() for f in FIELDS}
    for h in held:
        preds = [
            (apply_model(seg, m, units, probs, th) if th is not None else m).to_dict()
            for seg, m, units, probs in h.parts
        ]
        for g, p in _pair_meetings(h.gold, preds):
            for f, t in score_meeting(g, p).items():
                totals[f].merge(t)
    return totals


def _heldout(docs: Sequence[LabelledDoc], k: int) -> list[Heldout]:
    out: list[Heldout] = []
    for n, fold in enumerate(folds_by_body(docs, k)):
        train = [d for i, d in enumerate(docs) if i not in set(fold)]
        nlp = train_model(training_set(train))
        print(f"fold {n + 1}: {len(fold)} held-out documents, {len(train)} training", flush=True)
        for i in fold:
            d = docs[i]
            meetings = extract_meetings(d.doc)
            segments = split_meetings(d.doc)
            parts = []
            for seg, m in zip(segments, meetings, strict=False):
                units = document_units(seg)
                parts.append((seg, m, units, classify(nlp, units) if units else []))
            gold = json.loads(d.case.gold.read_text(encoding="utf-8"))
            out.append(Heldout(d, parts, _gold_meetings(gold)))
    return out


def _row(name: str, t: dict[str, Tally], fields: Sequence[str]) -> str:
    cells = " | ".join(f"{t[f].precision:.3f} {t[f].recall:.3f} {t[f].f1:.3f}" for f in fields)
    return f"| {name} | {cells} |"


def _choose(held: Sequence[Heldout], base: dict[str, Tally]) -> Thresholds:
    """Per label: the add threshold with the best held-out F1 that lowers no precision by more
    than 0.02, then the drop threshold that raises precision without lowering F1."""
    off = {"ACTION": 1.01, "DECISION": 1.01, "UPDATE": 1.01}
    none = {"ACTION": 0.0, "DECISION": 0.0, "UPDATE": 0.0}
    add, drop = dict(off), dict(none)
    for label, field in _LABEL_FIELD.items():
        best = (base[field].f1, 1.01)
        for a in _ADD_GRID[1:]:
            t = _score(held, Thresholds({**off, label: a}, none))
            ok = all(t[f].precision >= base[f].precision - 0.02 for f in FIELDS)
            print(
                f"  add {label} {a}: P {t[field].precision:.3f} R {t[field].recall:.3f} "
                f"F1 {t[field].f1:.3f}{'' if ok else ' (precision drop)'}",
                flush=True,
            )
            if ok and t[field].f1 > best[0] + 0.002:
                best = (t[field].f1, a)
        add[label] = best[1]
    for label, field in _LABEL_FIELD.items():
        ref = _score(held, Thresholds(add, drop))[field]
        for x in _DROP_GRID[1:]:
            u = _score(held, Thresholds(add, {**drop, label: x}))[field]
            print(f"  drop {label} <{x}: P {u.precision:.3f} F1 {u.f1:.3f}", flush=True)
            if u.precision > ref.precision + 0.002 and u.f1 >= ref.f1:
                drop[label], ref = x, u
    return Thresholds(add, drop)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutes_parser.learn.cv")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    docs = load_split(DEV_SPLIT)
    held = _heldout(docs, args.folds)
    base = _score(held, None)
    chosen = _choose(held, base)
    both = _score(held, chosen)
    print(f"chosen: add {chosen.add} drop {chosen.drop}")
    print("| dev CV (P R F1) | " + " | ".join(FIELDS) + " |")
    print(_row("rules only", base, FIELDS))
    print(_row("rules + model", both, FIELDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
