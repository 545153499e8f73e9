"""eval: the gold format's matching rules, corpus layouts, splits, series and floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_parser.cli import main
from minutes_parser.errors import ConfigurationError
from minutes_parser.evaluate import (
    check_floors,
    evaluate_corpus,
    find_cases,
    find_splits,
    score_meeting,
    score_register,
)
from minutes_parser.evaluate.corpus import _pair_meetings
from minutes_parser.reconcile.register import RegisterEntry

from .conftest import CORPUS, shared_dir

# The team-written corpus is a regression suite, never the headline figure.
TEAM_FLOORS = {
    "attendees.name": 0.95,
    "attendees.status": 0.90,
    "agenda_items": 0.90,
    "resolutions": 0.90,
    "actions.text": 0.85,
    "actions.owner": 0.85,
    "action_updates": 0.80,
}


@pytest.fixture(scope="module")
def team_report():  # type: ignore[no-untyped-def]
    return evaluate_corpus(CORPUS)["all"]


def test_corpus_has_gold_for_every_document() -> None:
    cases = find_cases(CORPUS)
    assert len(cases) >= 17
    docs = {p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx")}
    assert {c.doc.name for c in cases} == docs


@pytest.mark.corpus
@pytest.mark.parametrize("field", sorted(TEAM_FLOORS))
def test_team_corpus_floor(team_report, field: str) -> None:  # type: ignore[no-untyped-def]
    score = team_report.fields[field]
    assert score.f1 >= TEAM_FLOORS[field], (field, score.f1, score.misses[:10])


@pytest.mark.corpus
def test_team_corpus_dates_and_kinds(team_report) -> None:  # type: ignore[no-untyped-def]
    dates = team_report.fields["meeting.date"]
    assert dates.fn == 0 and dates.fp == 0, dates.misses
    assert team_report.kind_errors == []


def test_scoring_matches_one_to_one_and_penalises_both_ways() -> None:
    gold = {
        "attendees": [
            {"name": "Steve Ashley", "status": "present"},
            {"name": "Sue Cassin", "status": "present"},
        ],
        "meeting": {"date": "2014-12-04"},
    }
    pred = {
        "attendees": [
            {"name": "Steve Ashely", "status": "present"},
            {"name": "Steve Ashley", "status": "absent"},
            {"name": "Nobody Here", "status": "present"},
        ],
        "meeting": {"date": "2014-12-05"},
    }
    s = score_meeting(gold, pred)
    names = s["attendees.name"]
    assert (names.tp, names.fp, names.fn) == (1, 2, 1)  # one Steve, never two
    assert s["attendees.status"].tp == 0  # the exact-name Steve has the wrong status
    assert (s["meeting.date"].fp, s["meeting.date"].fn) == (1, 1)


def test_scoring_rules_of_the_gold_format() -> None:
    gold = {
        "attendees": [{"name": "Cllr Steve Ashley", "status": "present"}],
        "agenda_items": [{"number": "4", "title": "Budget"}, {"number": None, "title": "AOB"}],
        "actions": [{"owners": ["Warren Carratt"], "text": "find a venue for the open meetings"}],
        "action_updates": [{"text": "write to ministers", "status": "completed"}],
    }
    pred = {
        "attendees": [{"name": "S Ashley", "status": "present"}],  # surname + initial
        "agenda_items": [
            {"number": "4.", "title": "Something else entirely"},  # number decides
            {"number": None, "title": "Any other business"},  # title too far
        ],
        "actions": [
            {
                "owners": [{"name": "Warren Carratt", "resolved": True}],
                "description": "to find a venue for the open meetings",
            }
        ],
        "action_updates": [{"description": "write to ministers", "status": "done"}],
    }
    s = score_meeting(gold, pred)
    assert s["attendees.name"].tp == 1 and s["attendees.status"].tp == 1
    assert (s["agenda_items"].tp, s["agenda_items"].fp, s["agenda_items"].fn) == (1, 1, 1)
    assert s["actions.text"].tp == 1 and s["actions.owner"].tp == 1
    assert s["action_updates"].tp == 1  # "done" is "completed"


def test_meetings_of_a_log_pair_by_date_then_order() -> None:
    golds = [{"meeting": {"date": "2024-01-02"}}, {"meeting": {"date": "2024-01-09"}}]
    preds = [{"meeting": {"date": "2024-01-09"}}]
    pairs = _pair_meetings(golds, preds)
    assert pairs == [(golds[0], {}), (golds[1], preds[0])]


def test_a_folder_without_gold_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Minutes\nPresent: A Person\n")
    with pytest.raises(ConfigurationError, match="no gold files"):
        find_splits(tmp_path)
    assert main(["eval", str(tmp_path)]) == 2


def _real_layout(root: Path, split: str, doc_id: str, text: str, gold: dict[str, object]) -> None:
    (root / split / "docs").mkdir(parents=True, exist_ok=True)
    (root / split / "gold").mkdir(parents=True, exist_ok=True)
    (root / split / "docs" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (root / split / "gold" / f"{doc_id}.json").write_text(json.dumps(gold), encoding="utf-8")


def test_splits_are_scored_side_by_side_and_floors_fail(tmp_path: Path) -> None:
    text = "Minutes of the Garden Club\n12 March 2024\n\nPresent: Ann Lee, Bob Stone\n"
    gold = {
        "kind": "minutes",
        "meeting": {"date": "2024-03-12"},
        "attendees": [
            {"name": "Ann Lee", "status": "present"},
            {"name": "Bob Stone", "status": "present"},
            {"name": "Carl Moss", "status": "apologies"},
        ],
    }
    _real_layout(tmp_path, "dev", "garden-club-2024-03-12", text, gold)
    _real_layout(tmp_path, "test", "garden-club-2024-04-09", text, gold)
    reports = evaluate_corpus(tmp_path)
    assert set(reports) == {"dev", "test"}
    names = reports["test"].fields["attendees.name"]
    assert (names.tp, names.fn) == (2, 1)
    assert reports["dev"].results[0].case.body == "garden-club"
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"test": {"attendees.name": 0.95, "meeting.date": 0.9}}))
    breaches = check_floors(floors, reports=reports)
    assert [(b.split, b.field) for b in breaches] == [("test", "attendees.name")]
    assert main(["eval", str(tmp_path), "--floors", str(floors)]) == 1


def test_register_scored_on_final_status_with_unreported() -> None:
    gold = {
        "series": "s",
        "actions": [
            {"text": "renew the domain registration", "final_status": "completed"},
            {"text": "book the hall for the AGM", "final_status": "unreported"},
        ],
    }
    entries = [
        RegisterEntry(
            id="1", body="b", description="renew the domain registration", status="completed"
        ),
        RegisterEntry(id="2", body="b", description="book the hall for the AGM", unreported=True),
        RegisterEntry(id="3", body="b", description="something never raised"),
    ]
    s = score_register(gold, entries)
    assert (s.tp, s.gold, s.pred, s.status_right) == (2, 2, 3, 2)
    assert round(s.precision, 3) == 0.667


@pytest.mark.corpus
def test_eval_agrees_with_the_reference_scorer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shared set's own score.py, run on the predictions eval wrote, gives eval's figures."""
    realworld = shared_dir("realworld")
    pred = tmp_path / "pred"
    assert main(["eval", str(realworld), "--json", "--pred-dir", str(pred)]) == 0
    ours = json.loads(capsys.readouterr().out)["splits"]["all"]["fields"]
    ref = subprocess.run(
        [sys.executable, str(realworld / "score.py"), str(realworld / "gold"), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(ref.stdout)["fields"]
    assert len(list(pred.glob("*.json"))) == 35
    for field, figures in theirs.items():
        assert abs(figures["f1"] - ours[field]["f1"]) <= 0.01, (field, figures, ours[field])
