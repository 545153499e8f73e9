"""Training the learned layer: ``python -m minutes_parser.train`` reads the dev split's gold
(:mod:`.dataset`), trains the classifier of ``textcat.cfg`` from ``spacy.blank("en")`` with a
fixed seed, and saves it as package data in ``learn/model/``.

Options: ``--corpus DIR`` (default ``corpus/real/dev``; the test split is refused),
``--out DIR`` (default the package's ``learn/model``).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .align import LABELS
from .dataset import DEV_SPLIT, LabelledDoc, load_split
from .units import unit_features

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["CONFIG_PATH", "MODEL_PATH", "TrainingSet", "main", "train_model", "training_set"]

CONFIG_PATH = Path(__file__).with_name("textcat.cfg")
MODEL_PATH = Path(__file__).with_name("model")

TrainingSet = list[tuple[str, dict[str, float]]]
_ITEM_LABELS = ("ACTION", "DECISION", "UPDATE")


def training_set(docs: Sequence[LabelledDoc]) -> TrainingSet:
    """``(features, cats)`` for every unit of ``docs``."""
    return [
        (unit_features(u), {lab: float(lab in labels) for lab in LABELS})
        for d in docs
        for u, labels in zip(d.units, d.labels, strict=True)
    ]


def train_model(data: TrainingSet, config_path: Path = CONFIG_PATH) -> Language:
    """A pipeline trained on ``data``; the same data and config give the same model."""
    from spacy.training import Example
    from spacy.util import (  # type: ignore[attr-defined]
        fix_random_seed,
        load_config,
        load_model_from_config,
        minibatch,
    )

    config = load_config(config_path)
    settings: dict[str, Any] = dict(config["training"])
    fix_random_seed(int(settings["seed"]))
    rng = random.Random(int(settings["seed"]))
    del config["training"]
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    # Items are rare beside OTHER (a tenth of the units); their units are shown more often.
    repeats = int(settings["item_repeats"])
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": cats})
        for text, cats in data
        for _ in range(repeats if any(cats[k] for k in _ITEM_LABELS) else 1)
    ]
    nlp.initialize(lambda: examples)
    optimizer = nlp.create_optimizer()  # type: ignore[no-untyped-call]
    for _ in range(int(settings["epochs"])):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        batches = minibatch(examples, size=int(settings["batch_size"]))  # type: ignore[no-untyped-call]
        for batch in batches:
            nlp.update(batch, sgd=optimizer, drop=float(settings["dropout"]), losses=losses)
    return nlp


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutes_parser.train")
    parser.add_argument("--corpus", type=Path, default=DEV_SPLIT)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    docs = load_split(args.corpus)
    data = training_set(docs)
    t1 = time.perf_counter()
    nlp = train_model(data)
    nlp.to_disk(args.out)
    t2 = time.perf_counter()
    print(
        f"{len(docs)} documents, {len(data)} units: data {t1 - t0:.1f}s, "
        f"training {t2 - t1:.1f}s; saved to {args.out}"
    )
    return 0
