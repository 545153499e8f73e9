"""The reconciler: series, linking, the register's status timeline, and the series corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from minutes_parser import ActionStatus, parse_text
from minutes_parser.cli import main
from minutes_parser.reconcile import LinkConfig, load_meetings, reconcile, same_body
from minutes_parser.reconcile.score import score_register

from .conftest import CORPUS

SERIES = sorted(p for p in (CORPUS / "series").iterdir() if p.is_dir())

BOARD = (
    "Minutes of the meeting of the Haverleigh Safeguarding Board held on {date}\n\n"
    "Present: Ann Ashley (Chair), Bob Booth, Cath Carratt, Dev Dunn\n\n1. Business\n{body}\n"
)


def _meeting(date: str, body: str, path: str):  # type: ignore[no-untyped-def]
    m = parse_text(BOARD.format(date=date, body=body))
    m.source.path = path
    return m


def test_same_body_across_spellings_and_acronyms() -> None:
    assert same_body("Rotherham LSCB", "Rotherham Local Safeguarding Children Board (RLSCB)")
    assert same_body("The Golf Commission", "Golf Commission")
    assert not same_body("Area 3 Forum", "Area 4 Forum")
    assert not same_body("Library Board", "Planning Board")


def test_renumbered_actions_are_not_confused_and_reports_link_by_number_and_date() -> None:
    jan = _meeting(
        "17 January 2024",
        "No:\tOwner:\tDetails:\n"
        "1. Bob Booth\tCirculate the neglect strategy to partners.\n"
        "2. Cath Carratt\tBook a venue for the open meeting.\n",
        "b/2024-01-17.txt",
    )
    feb = _meeting(
        "21 February 2024",
        "No:\tOwner:\tDetails:\n"
        "1. Dev Dunn\tWrite to the Secretary of State about home education.\n\n"
        "No:\tOwner:\tDetails:\tUpdate:\nActions raised on 17.01.2024\n"
        "1.\tBob Booth\tCirculate strategy\tDischarged – 21.02.2024\n"
        "2.\tCath Carratt\tVenue\tOn-going\n",
        "b/2024-02-21.txt",
    )
    mar = _meeting(
        "20 March 2024",
        "No:\tOwner:\tDetails:\tUpdate:\n"
        "Actions raised on 21.02.2024\n"
        "1.\tDev Dunn\tLetter to SoS\tCompleted\n"
        "Actions raised on 17.01.2024\n"
        "2.\tCath Carratt\tVenue\tCath Carratt to follow up - now with Ann Ashley\n",
        "b/2024-03-20.txt",
    )
    register = reconcile([mar, jan, feb])  # any order in, date order used
    by_desc = {e.description[:20]: e for e in register.entries}
    strategy = by_desc["Circulate the neglec"]
    letter = by_desc["Write to the Secreta"]
    venue = by_desc["Book a venue for the"]
    assert len(register.entries) == 3
    assert [h.status for h in strategy.history] == [ActionStatus.OPEN, ActionStatus.COMPLETED]
    # Both "action 1"s were linked to their own action, by the date each was raised.
    assert [h.meeting_path for h in letter.history] == ["b/2024-02-21.txt", "b/2024-03-20.txt"]
    assert letter.history[1].link is not None
    assert any("raised 2024-02-21" in ev for ev in letter.history[1].link.evidence)
    assert strategy.closed_date is not None and strategy.closed_date.isoformat() == "2024-02-21"
    assert venue.owners == ["Ann Ashley"]
    assert venue.owner_changes[0]["from"] == ["Cath Carratt"]
    assert venue.meetings_carried == 2 and venue.status is ActionStatus.ONGOING


def test_unreported_overdue_reopened_and_duplicates() -> None:
    raised = _meeting(
        "10 January 2024",
        "ACTION: Bob Booth to publish the annual report by "
        "31 January 2024.\nACTION: Dev Dunn to audit the training records.\n",
        "c/2024-01-10.txt",
    )
    later = [
        _meeting(
            "14 February 2024",
            "Matters arising from the previous meeting:\n"
            "- audit the training records (Dev Dunn) – done\n",
            "c/2024-02-14.txt",
        ),
        _meeting(
            "13 March 2024",
            "Matters arising from the previous meeting:\n"
            "- audit the training records (Dev Dunn) – reopened, two sites missed\n",
            "c/2024-03-13.txt",
        ),
        _meeting(
            "13 March 2024",
            "Matters arising from the previous meeting:\n"
            "- audit the training records (Dev Dunn) – reopened, two sites missed\n",
            "c/2024-03-13-DRAFT.txt",
        ),
        _meeting("10 April 2024", "Nothing arising.\n", "c/2024-04-10.txt"),
    ]
    register = reconcile([raised, *later], LinkConfig(unreported_after=2))
    report = next(e for e in register.entries if e.description.startswith("publish"))
    audit = next(e for e in register.entries if e.description.startswith("audit"))
    assert report.unreported and report.overdue and report.status is ActionStatus.OPEN
    assert report.due_date == "2024-01-31" and report.age_days == 91
    assert audit.reopened and audit.status is ActionStatus.ONGOING and not audit.overdue
    assert register.duplicates == [
        {"kept": "c/2024-03-13.txt", "dropped": "c/2024-03-13-DRAFT.txt"}
    ]
    assert register.summary()["unreported"][0][2].startswith("publish the annual report")


@pytest.mark.corpus
@pytest.mark.parametrize("series", SERIES, ids=lambda p: p.name)
def test_series_corpus_links_and_statuses(series: Path) -> None:
    gold = json.loads((series / "register.gold.json").read_text(encoding="utf-8"))
    register = reconcile(load_meetings([series]))
    score = score_register(register, gold)
    assert score.link_precision >= 0.95, score.misses
    assert score.link_recall >= 0.95, score.misses
    assert score.status_accuracy >= 0.95, score.misses
    assert score.unreported_accuracy >= 0.95, score.misses
    dropped = {Path(d["dropped"] or "").name for d in register.duplicates}
    assert dropped == {d["dropped"] for d in gold.get("duplicates", [])}


def _gold(series: Path) -> dict[str, Any]:
    return json.loads((series / "register.gold.json").read_text())


def _raised_in(gold: dict[str, Any], meeting: str) -> set[tuple[str, str, str]]:
    """(ref, final status, first owner) of the gold actions raised at one meeting."""
    return {
        (a["raised"]["ref"], a["final_status"], a["raised"]["owners"][0])
        for a in gold["actions"]
        if a["raised"]["meeting"] == meeting and a["raised"]["ref"] and a["raised"]["owners"]
    }


def test_register_exports_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every export says what the hand-made register says: the CSV the CLI writes carries the
    gold refs and statuses of the actions raised at the first meeting (and nearly all their
    owners); the data frame and the JSON hold the same rows; the register rebuilt from
    converted JSON gives the same refs, statuses and owners."""
    series = CORPUS / "series" / "safeguarding-board"
    gold = _gold(series)
    expected = _raised_in(gold, "2024-01-17.txt")
    assert len(expected) >= 5  # the check below has something to find
    out = tmp_path / "register.csv"
    assert main(["reconcile", str(series), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Oldest open actions" in printed
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    first = [r for r in rows if r["raised_meeting"].endswith("2024-01-17.txt")]
    assert {(r["ref"], r["status"]) for r in first} >= {(ref, st) for ref, st, _ in expected}
    owned = {(r["ref"], r["status"], r["owners"].split(";")[0].strip()) for r in first}
    assert len(owned & expected) >= 0.8 * len(expected), expected - owned
    assert all(r["body"] == gold["body"] for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    register = reconcile(load_meetings([series]))
    frame = register.to_dataframe()
    assert sorted(frame["id"]) == sorted(r["id"] for r in rows)
    by_id = {r["id"]: r for r in rows}
    assert all(by_id[i]["status"] == s for i, s in zip(frame["id"], frame["status"], strict=True))
    exported = json.loads(register.to_json())["entries"]
    assert {e["id"] for e in exported} == set(by_id)
    assert all(e["history"][0]["kind"] == "raised" for e in exported)
    assert "<table>" in register._repr_html_()
    # Converted JSON is accepted as input too, and gives the gold register again.
    conv = tmp_path / "json"
    assert main(["convert", str(series), "--out", str(conv)]) == 0
    again = reconcile(load_meetings([conv]))
    assert {
        (e.ref, e.status.value, e.owners[0])
        for e in again.entries
        if Path(e.raised_meeting or "").stem == "2024-01-17" and e.owners
    } == owned


def test_reconcile_writes_the_register_into_the_archive(tmp_path: Path) -> None:
    """The archive's action_register table holds the series' actions with the owners and
    final statuses the hand-made register gives, one row each, beside the five documents."""
    pytest.importorskip("pandas")
    from minutes_parser import read_archive

    db = tmp_path / "archive.sqlite"
    series = CORPUS / "series" / "parish-council"
    gold = _gold(series)
    assert main(["reconcile", str(series), "--db", str(db)]) == 0
    tables = read_archive(db)
    table = tables["action_register"]
    assert table["id"].is_unique
    assert set(table["status"]) <= {s.value for s in ActionStatus}
    found = {
        (frozenset(o.strip() for o in str(owners).split(";")), status)
        for owners, status in zip(table["owners"], table["status"], strict=True)
    }
    wanted = [(frozenset(a["raised"]["owners"]), a["final_status"]) for a in gold["actions"]]
    matched = sum(w in found for w in wanted)
    assert matched >= 0.8 * len(wanted), (matched, len(wanted))
    assert len(tables["meetings"]) == 5  # the draft copy is archived too, as a document


def test_undated_minutes_are_dated_from_their_file_name_in_the_register() -> None:
    """Issue #17: archives file minutes by date ('2024-03-11.txt') when the text states none;
    the register orders and dates them by it, and says so."""
    from minutes_parser.pipeline import parse_text
    from minutes_parser.reconcile.series import group_series

    first = parse_text("Minutes\n\nPresent: Ann Lee\n\nAction: Ann Lee to book the hall.\n")
    second = parse_text("Minutes\n\nPresent: Ann Lee\n\nNo business.\n")
    first.source.path, second.source.path = "board/2024-04-08.txt", "board/2024-03-11.txt"
    (series,) = group_series([first, second])
    assert [str(m.meeting.date) for m in series.meetings] == ["2024-03-11", "2024-04-08"]
    assert all(any(d.code == "date_from_file_name" for d in m.diagnostics) for m in series.meetings)
    assert first.meeting.date is None  # the caller's meeting is not changed
