"""The reconciler: series, linking, the register's status timeline, and the series corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

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


def test_register_exports_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    series = CORPUS / "series" / "safeguarding-board"
    out = tmp_path / "register.csv"
    assert main(["reconcile", str(series), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Oldest open actions" in printed
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    register = reconcile(load_meetings([series]))
    assert len(rows) == len(register.entries)
    assert {r["status"] for r in rows} <= {s.value for s in ActionStatus}
    frame = register.to_dataframe()
    assert list(frame["id"]) == [e.id for e in register.entries]
    assert json.loads(register.to_json())["entries"][0]["history"][0]["kind"] == "raised"
    assert "<table>" in register._repr_html_()
    # Converted JSON is accepted as input too, and gives the same register.
    conv = tmp_path / "json"
    assert main(["convert", str(series), "--out", str(conv)]) == 0
    again = reconcile(load_meetings([conv]))
    assert [e.status for e in again.entries] == [e.status for e in register.entries]


def test_reconcile_writes_the_register_into_the_archive(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    from minutes_parser import read_archive

    db = tmp_path / "archive.sqlite"
    series = CORPUS / "series" / "parish-council"
    assert main(["reconcile", str(series), "--db", str(db)]) == 0
    tables = read_archive(db)
    register = reconcile(load_meetings([series]))
    assert len(tables["action_register"]) == len(register.entries)
    assert set(tables["action_register"]["id"]) == {e.id for e in register.entries}
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
