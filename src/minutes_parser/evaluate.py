"""Score the parser against hand-checked gold files: precision, recall and F1 per field.

Items are matched one to one, greedily by similarity (rapidfuzz), so a near-miss in wording
still counts while a duplicate never counts twice. Gold format: ``corpus/README.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .models import Meeting
from .options import ParseOptions
from .pipeline import parse_meetings

__all__ = ["FIELDS", "EvalReport", "FieldScore", "evaluate_corpus", "gold_pairs", "score_meeting"]

FIELDS = (
    "attendee_names",
    "attendee_statuses",
    "agenda_items",
    "resolutions",
    "actions",
    "action_owners",
    "action_updates",
    "action_update_statuses",
    "meeting_date",
)

Json = dict[str, Any]


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses.extend(other.misses)


@dataclass
class EvalReport:
    fields: dict[str, FieldScore]
    documents: dict[str, dict[str, FieldScore]]
    kind_errors: list[str] = field(default_factory=list)

    def to_dict(self) -> Json:
        def row(s: FieldScore) -> Json:
            return {
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
            }

        return {
            "fields": {k: row(v) for k, v in self.fields.items()},
            "documents": {d: {k: row(v) for k, v in f.items()} for d, f in self.documents.items()},
            "kind_errors": self.kind_errors,
        }


def _norm(text: str | None) -> str:
    text = (text or "").lower().replace("’", "'")
    text = re.sub(r"[^\w\s/.-]", " ", text)
    text = re.sub(r"\.(?=\s|$)", " ", text)  # "application." is the word "application"
    return re.sub(r"\s+", " ", text).strip(" .")


def _match(
    gold: Sequence[Any],
    pred: Sequence[Any],
    score: Callable[[Any, Any], float],
    threshold: float,
) -> list[tuple[int, int]]:
    """One-to-one greedy matching of the best-scoring pairs above ``threshold``."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _score_sets(
    gold: Sequence[Any],
    pred: Sequence[Any],
    score: Callable[[Any, Any], float],
    threshold: float,
    label: Callable[[Any], str],
) -> tuple[FieldScore, list[tuple[int, int]]]:
    matches = _match(gold, pred, score, threshold)
    fs = FieldScore(tp=len(matches), fp=len(pred) - len(matches), fn=len(gold) - len(matches))
    mg = {i for i, _ in matches}
    mp = {j for _, j in matches}
    fs.misses += [f"missed: {label(g)}" for i, g in enumerate(gold) if i not in mg]
    fs.misses += [f"spurious: {label(p)}" for j, p in enumerate(pred) if j not in mp]
    return fs, matches


def _name_score(a: str, b: str) -> float:
    na, nb = _norm(a), _norm(b)
    if na == nb:
        return 100.0
    return float(fuzz.ratio(na, nb))


def _text_score(a: str, b: str) -> float:
    na, nb = _norm(a), _norm(b)
    return float(max(fuzz.ratio(na, nb), fuzz.token_set_ratio(na, nb) - 5))


def _flatten_items(items: Iterable[Json]) -> list[Json]:
    out: list[Json] = []
    for it in items:
        out.append(it)
        out.extend(_flatten_items(it.get("children") or []))
    return out


def _item_score(g: Json, p: Json) -> float:
    gn, pn = g.get("number"), p.get("number")
    if gn and pn and _norm(str(gn)) != _norm(str(pn)):
        return 0.0
    return _text_score(g.get("title") or "", p.get("title") or "")


def score_meeting(gold: Json, pred: Json) -> dict[str, FieldScore]:
    """Per-field scores of one predicted meeting (contract JSON) against its gold."""
    out: dict[str, FieldScore] = {}
    ga, pa = gold.get("attendees") or [], pred.get("attendees") or []
    out["attendee_names"], am = _score_sets(
        ga, pa, lambda g, p: _name_score(g["name"], p["name"]), 88, lambda x: x["name"]
    )
    st = FieldScore()
    correct = {(i, j) for i, j in am if ga[i].get("status") == pa[j].get("status")}
    st.tp = len(correct)
    st.fp = len(pa) - st.tp
    st.fn = len(ga) - st.tp
    st.misses = [
        f"status {ga[i]['name']}: gold {ga[i].get('status')} got {pa[j].get('status')}"
        for i, j in am
        if (i, j) not in correct
    ]
    out["attendee_statuses"] = st
    gi, pi = (
        _flatten_items(gold.get("agenda_items") or []),
        _flatten_items(pred.get("agenda_items") or []),
    )
    out["agenda_items"], _ = _score_sets(
        gi, pi, _item_score, 75, lambda x: f"{x.get('number')} {x.get('title')}"
    )
    out["resolutions"], _ = _score_sets(
        gold.get("resolutions") or [],
        pred.get("resolutions") or [],
        lambda g, p: _text_score(g["text"], p["text"]),
        70,
        lambda x: x["text"][:80],
    )
    gact, pact = gold.get("actions") or [], pred.get("actions") or []
    out["actions"], acm = _score_sets(
        gact,
        pact,
        lambda g, p: _text_score(g["description"], p["description"]),
        60,
        lambda x: f"{x.get('ref')} {x['description'][:70]}",
    )
    out["action_owners"] = _owner_scores(gact, pact, acm)
    gu, pu = gold.get("action_updates") or [], pred.get("action_updates") or []

    def update_score(g: Json, p: Json) -> float:
        if g.get("ref") and p.get("ref") and _norm(g["ref"]) == _norm(p["ref"]):
            return 60.0 + _text_score(g.get("description", ""), p.get("description", "")) * 0.4
        return _text_score(g.get("description", ""), p.get("description", ""))

    out["action_updates"], um = _score_sets(
        gu, pu, update_score, 60, lambda x: f"{x.get('ref')} {x.get('description', '')[:60]}"
    )
    us = FieldScore()
    ok = [(i, j) for i, j in um if gu[i].get("status") == pu[j].get("status")]
    us.tp, us.fp, us.fn = len(ok), len(pu) - len(ok), len(gu) - len(ok)
    us.misses = [
        f"update {gu[i].get('ref')}: gold {gu[i].get('status')} got {pu[j].get('status')}"
        for i, j in um
        if (i, j) not in ok
    ]
    out["action_update_statuses"] = us
    ds = FieldScore()
    gd = (gold.get("meeting") or {}).get("date")
    pd = (pred.get("meeting") or {}).get("date")
    if gd and pd == gd:
        ds.tp = 1
    else:
        ds.fn = 1 if gd else 0
        ds.fp = 1 if pd else 0
        if gd or pd:
            ds.misses.append(f"date: gold {gd} got {pd}")
    out["meeting_date"] = ds
    return out


def _owner_scores(
    gact: Sequence[Json], pact: Sequence[Json], matches: Sequence[tuple[int, int]]
) -> FieldScore:
    fs = FieldScore()
    matched_p = {j for _, j in matches}
    matched_g = {i for i, _ in matches}
    for i, j in matches:
        go, po = gact[i].get("owners") or [], pact[j].get("owners") or []
        om = _match(go, po, _name_score, 88)
        fs.tp += len(om)
        fs.fp += len(po) - len(om)
        fs.fn += len(go) - len(om)
        if len(om) != len(go) or len(om) != len(po):
            fs.misses.append(f"owners of {gact[i].get('ref')}: gold {go} got {po}")
    fs.fp += sum(len(p.get("owners") or []) for j, p in enumerate(pact) if j not in matched_p)
    fs.fn += sum(len(g.get("owners") or []) for i, g in enumerate(gact) if i not in matched_g)
    return fs


def gold_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """(document, gold) pairs: every ``<stem>.gold.json`` with its document beside it."""
    pairs = []
    for gold in sorted(corpus.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        docs = [p for p in corpus.glob(f"{stem}.*") if not p.name.endswith(".gold.json")]
        if docs:
            pairs.append((sorted(docs)[0], gold))
    return pairs


def evaluate_corpus(corpus: Path, options: ParseOptions | None = None) -> EvalReport:
    totals = {f: FieldScore() for f in FIELDS}
    documents: dict[str, dict[str, FieldScore]] = {}
    kind_errors: list[str] = []
    for doc_path, gold_path in gold_pairs(corpus):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        golds: list[Json] = gold.get("meetings", [gold])
        try:
            preds: list[Meeting] = parse_meetings(doc_path, options)
        except Exception as exc:
            kind_errors.append(f"{doc_path.name}: failed to parse: {type(exc).__name__}: {exc}")
            preds = []
        pred_dicts = [m.to_dict() for m in preds]
        doc_scores = {f: FieldScore() for f in FIELDS}
        for k in range(max(len(golds), len(pred_dicts))):
            g = golds[k] if k < len(golds) else {}
            p = pred_dicts[k] if k < len(pred_dicts) else {}
            if g and p and g.get("kind", "minutes") != p.get("kind"):
                kind_errors.append(f"{doc_path.name}: gold {g.get('kind')} got {p.get('kind')}")
            for f, s in score_meeting(g, p).items():
                doc_scores[f].add(s)
        documents[doc_path.name] = doc_scores
        for f, s in doc_scores.items():
            totals[f].add(s)
    return EvalReport(fields=totals, documents=documents, kind_errors=kind_errors)
