"""The learned layer (issue #19): training data from gold, the packaged model, the switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import minutes_parser
from minutes_parser import parse, parse_text
from minutes_parser.cli import main
from minutes_parser.document import Document
from minutes_parser.evaluate.corpus import Case
from minutes_parser.learn.align import align_items
from minutes_parser.learn.dataset import labelled_doc, load_split
from minutes_parser.learn.score import Thresholds, apply_model, classify, load_model
from minutes_parser.learn.train import MODEL_PATH
from minutes_parser.learn.units import Unit, document_units, unit_features
from minutes_parser.models import Meeting
from minutes_parser.review import render_review

from .conftest import CORPUS, make_doc

HYPHA = CORPUS / "real" / "dev" / "docs" / "hypha-finance-wg-2019-12-03.md"
HYPHA_GOLD = CORPUS / "real" / "dev" / "gold" / "hypha-finance-wg-2019-12-03.json"

MINUTES = """Parish Council meeting, 5 March 2024

Present: Cllr A Baker, Cllr C Davies, Mrs E Fox.

1. Parking
Members discussed parking on the green.

2. Minutes
RESOLVED that the minutes of the previous meeting be approved.

ACTION: Cllr Baker to write to the highways department.
"""


def test_alignment_on_a_real_dev_document() -> None:
    """corpus/real/dev/docs/hypha-finance-wg-2019-12-03.md: each gold item is found in the
    list item that states it, and labels that unit."""
    d = labelled_doc(Case(HYPHA, HYPHA_GOLD, "hypha"))
    by_item = {(a.field, a.item): [d.units[i].text for i in a.units] for a in d.alignments}
    assert by_item[("resolutions", "pc to be All Hands presenter")] == [
        "pc to be All Hands presenter"
    ]
    assert by_item[("actions", "post email saying they can remove him via support")] == [
        "#todo bl - post email saying they can remove him via support"
    ]
    assert "Attending: bl, yj, pc" in by_item[("attendees", "bl")][0]
    presenter = next(i for i, u in enumerate(d.units) if u.text == "pc to be All Hands presenter")
    assert d.labels[presenter] == frozenset({"DECISION"})
    assert d.labels[0] == frozenset({"OTHER"})  # the title line states no item


def test_units_keep_offsets_and_heading_context() -> None:
    doc = make_doc("Actions\n\nJo will call the hall. Sam will book it.\n")
    units = document_units(doc)
    assert [u.text for u in units] == ["Actions", "Jo will call the hall.", "Sam will book it."]
    assert all(doc.text[u.start : u.end] == u.text for u in units)
    assert units[2].heading == "Actions" and not units[2].first
    assert unit_features(units[1]).startswith("kind_paragraph first_sent h_actions | ")


def test_an_item_absent_from_the_document_is_not_aligned() -> None:
    units = document_units(make_doc("Present: Ann Lee.\n\nThe hall was booked.\n"))
    (found,) = align_items([("actions", "repaint the fence before winter")], units)
    assert found.units == ()


def test_the_test_split_is_refused_for_training() -> None:
    with pytest.raises(ValueError, match="test split"):
        load_split(CORPUS / "real" / "test")


# (kind, heading, unit, label): units of two dev documents the model was trained on,
# corpus/real/dev/docs/williamsburg-ma-2014-08-14.docx and hypha-finance-wg-2019-12-03.md.
CLEAR_UNITS = [
    (
        "paragraph",
        "Marching Band",
        "Mary will talk to Kennedy HS about borrowing overalls for uniforms.",
        "ACTION",
    ),
    ("list_item", "Action Items for Cultivator", "Publish meeting notes to GitHub", "ACTION"),
    (
        "paragraph",
        "",
        "Directors Steven Manning, Katie Berte and Tyler Kalina were present.",
        "ATTENDANCE",
    ),
    ("list_item", "Notes", "pc to be All Hands presenter", "DECISION"),
    (
        "paragraph",
        "Marching Band",
        "These will be divided evenly between WMA, FFA, FCCLA as they have in the past.",
        "DECISION",
    ),
    ("list_item", "Agenda", "TransferWise business account walkthrough #154 (ben)", "AGENDA"),
    ("paragraph", "Marching Band", "Bottles of water are also needed.", "OTHER"),
]


def test_model_loads_from_package_data_and_classifies_clear_units() -> None:
    assert (MODEL_PATH / "meta.json").is_file()
    assert str(MODEL_PATH).startswith(str(Path(minutes_parser.__file__).parent))
    units = [Unit(0, len(t), t, kind, head, 0, True) for kind, head, t, _ in CLEAR_UNITS]
    probs = classify(load_model(), units)
    assert [max(p, key=lambda k: p[k]) for p in probs] == [lab for *_, lab in CLEAR_UNITS]
    assert probs == classify(load_model(), units)  # the same units, the same scores


def test_no_model_gives_the_rules_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "minutes.txt"
    src.write_text(MINUTES, encoding="utf-8")
    assert main(["parse", str(src), "--no-model"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(parse(src, model=False).to_json())
    assert {a["source"] for a in printed["actions"]} == {"rule"}
    assert all(a["confidence"] is None for a in printed["actions"] + printed["resolutions"])
    assert main(["parse", str(src), "--model"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert all(r["confidence"] is not None for r in scored["resolutions"])


def test_provenance_fields_on_rule_items() -> None:
    rules = parse_text(MINUTES, model=False)
    assert [(a.source, a.confidence) for a in rules.actions] == [("rule", None)]
    assert [r.source for r in rules.resolutions] == ["rule"]
    both = parse_text(MINUTES, model=True)
    assert [a.description for a in both.actions if a.source == "rule"] == [
        a.description for a in rules.actions
    ]
    assert all(0 <= (a.confidence or -1) <= 1 for a in both.actions if a.source == "rule")


def _thresholds(add: float, drop: float) -> Thresholds:
    return Thresholds(
        add={"ACTION": add, "DECISION": 1.1, "UPDATE": 1.1},
        drop={"ACTION": drop, "DECISION": 0.0, "UPDATE": 0.0},
    )


def _discussion_scored_as_action() -> tuple[Document, Meeting, list[Unit], list[dict[str, float]]]:
    """MINUTES with its rule-based reading, its units, and model probabilities that are zero
    but for ACTION 0.99 on "Members discussed parking …" (an item no rule makes)."""
    doc = make_doc(MINUTES)
    rules = parse_text(MINUTES, model=False)
    units = document_units(doc)
    probs = [dict.fromkeys(("ACTION", "DECISION", "UPDATE"), 0.0) for _ in units]
    talk = next(i for i, u in enumerate(units) if u.text.startswith("Members discussed"))
    probs[talk]["ACTION"] = 0.99
    return doc, rules, units, probs


def test_model_proposals_are_marked_and_sure_others_dropped() -> None:
    doc, rules, units, probs = _discussion_scored_as_action()
    out = apply_model(doc, rules, units, probs, _thresholds(add=0.9, drop=0.0))
    added = [a for a in out.actions if a.source == "model:ACTION"]
    assert [(a.description, a.owners, a.confidence) for a in added] == [
        ("Members discussed parking on the green", [], 0.99)
    ]
    assert any(d.code == "model_action_without_owner" for d in out.diagnostics)
    assert [a.description for a in out.actions if a.source == "rule"] == [
        a.description for a in rules.actions
    ]
    dropped = apply_model(doc, rules, units, probs, _thresholds(add=1.1, drop=0.5))
    assert dropped.actions == []
    assert [r.text for r in dropped.resolutions] == [r.text for r in rules.resolutions]


def test_review_page_marks_model_items() -> None:
    doc, rules, units, probs = _discussion_scored_as_action()
    out = apply_model(doc, rules, units, probs, _thresholds(add=0.9, drop=0.0))
    page = render_review(doc, [out])
    assert page.count('<li data-item="m0-action-') == 2
    assert page.count('<li data-item="m0-action-0" class="model">') == 1
    assert "model:ACTION 0.99" in page
