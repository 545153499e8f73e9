"""Scores on the gold corpus, with the floors the issues set."""

from __future__ import annotations

import json

import pytest

from minutes_parser.cli import main
from minutes_parser.evaluate import evaluate_corpus, gold_pairs, score_meeting

from .conftest import CORPUS

FLOORS = {
    "attendee_names": 0.95,
    "attendee_statuses": 0.90,
    "agenda_items": 0.90,
    "resolutions": 0.90,
    "actions": 0.85,
    "action_owners": 0.85,
    "action_updates": 0.80,
}


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate_corpus(CORPUS)


def test_corpus_has_gold_for_every_document() -> None:
    pairs = gold_pairs(CORPUS)
    assert len(pairs) >= 17
    docs = {p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx")}
    assert {d.name for d, _ in pairs} == docs


@pytest.mark.corpus
@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_floor(report, field: str) -> None:  # type: ignore[no-untyped-def]
    score = report.fields[field]
    assert score.f1 >= FLOORS[field], (field, score.f1, score.misses[:10])


@pytest.mark.corpus
def test_meeting_date_right_on_every_document_that_states_one(report) -> None:  # type: ignore[no-untyped-def]
    dates = report.fields["meeting_date"]
    assert dates.fn == 0 and dates.fp == 0, dates.misses
    assert report.kind_errors == []


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
    names = s["attendee_names"]
    assert (names.tp, names.fp, names.fn) == (1, 2, 1)  # one Steve, never two
    assert s["attendee_statuses"].tp == 0  # the matched Steve has the wrong status
    assert (s["meeting_date"].fp, s["meeting_date"].fn) == (1, 1)


def test_eval_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(CORPUS), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(FLOORS) <= set(out["fields"])
    assert out["fields"]["attendee_names"]["f1"] >= FLOORS["attendee_names"]
    assert "002_6aba519e3d5cf98e.txt" in out["documents"]


def test_text_scores_ignore_a_full_stop_at_the_end_of_a_word() -> None:
    from minutes_parser.evaluate import _text_score

    stated = "Board Member Jones made a motion to deny the application. Board Member Lau seconded"
    assert _text_score("to deny the application.", stated) >= 90
    assert _text_score("to deny the application.", "to approve the budget.") < 70
    assert _text_score("Resolution No. 5 adopted", "Resolution No 5 adopted") == 100
