"""Training data from gold: every unit of every document of a corpus split, labelled by the
gold items aligned to it (:mod:`.align`); a unit no item aligns to is OTHER.

Only the real corpus's **dev** split is read for training (``corpus/real/dev``); the test split
is never opened here. ``python -m minutes_parser.learn.dataset [DIR]`` prints the alignment
rate per field.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..evaluate.corpus import Case, find_cases
from ..options import ParseOptions
from ..pipeline import load_document
from .align import FIELD_LABELS, Alignment, align_items, gold_items
from .units import Unit, document_units

__all__ = ["DEV_SPLIT", "LabelledDoc", "alignment_rates", "label_units", "load_split"]

DEV_SPLIT = Path("corpus/real/dev")


@dataclass
class LabelledDoc:
    case: Case
    doc: Document
    units: list[Unit]
    labels: list[frozenset[str]]
    alignments: list[Alignment]

    @property
    def body(self) -> str:
        return self.case.body


def label_units(units: Sequence[Unit], alignments: Sequence[Alignment]) -> list[frozenset[str]]:
    """Each unit's labels; ``{"OTHER"}`` where nothing aligned."""
    found: list[set[str]] = [set() for _ in units]
    for a in alignments:
        for i in a.units:
            found[i].add(FIELD_LABELS[a.field])
    return [frozenset(f) if f else frozenset({"OTHER"}) for f in found]


def labelled_doc(case: Case, options: ParseOptions | None = None) -> LabelledDoc:
    doc = load_document(case.doc, options or ParseOptions())
    units = document_units(doc)
    gold = json.loads(case.gold.read_text(encoding="utf-8"))
    alignments = align_items(gold_items(gold), units)
    return LabelledDoc(case, doc, units, label_units(units, alignments), alignments)


def load_split(folder: Path = DEV_SPLIT, options: ParseOptions | None = None) -> list[LabelledDoc]:
    """Every document of one split folder (``docs/`` + ``gold/``), labelled."""
    if folder.name == "test":
        raise ValueError("the test split is never read for training")
    return [labelled_doc(c, options) for c in find_cases(folder)]


def alignment_rates(docs: Sequence[LabelledDoc]) -> dict[str, tuple[int, int]]:
    """``field -> (aligned, gold items)``."""
    aligned: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for d in docs:
        for a in d.alignments:
            total[a.field] += 1
            aligned[a.field] += bool(a.units)
    return {f: (aligned[f], total[f]) for f in FIELD_LABELS}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    docs = load_split(Path(args[0]) if args else DEV_SPLIT)
    for field, (hit, n) in alignment_rates(docs).items():
        print(f"{field:16} {hit:5d}/{n:<5d} {hit / n if n else 0:.3f}")
    labels = Counter(lab for d in docs for ls in d.labels for lab in ls)
    print("units", sum(len(d.units) for d in docs), dict(sorted(labels.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
