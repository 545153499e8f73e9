"""The command line, run in-process through ``main(argv)``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_parser import Meeting
from minutes_parser.cli import main

from .conftest import CORPUS, ROOT, seed


def test_parse_prints_the_contract_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(seed("002"))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {
        "kind",
        "meeting",
        "attendees",
        "agenda_items",
        "resolutions",
        "actions",
        "action_updates",
        "source",
        "diagnostics",
    } <= set(data)
    assert data["meeting"]["date"] == "2014-12-04"
    first = data["attendees"][0]
    assert {"name", "status", "role", "organisation", "represents", "span"} <= set(first)
    assert set(first["span"]) == {"page", "start", "end"}
    assert Meeting.model_validate(data).attendees[0].name == "Steve Ashley"


def test_convert_writes_one_file_per_meeting_and_records_failures(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed("002"), src / "lscb.txt")
    shutil.copy(CORPUS / "team-log-2024.txt", src / "log.txt")
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (src / "empty.docx").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["convert", str(src), "--out", str(out)]) == 1
    assert sorted(p.name for p in out.glob("*.json")) == [
        "log.1.json",
        "log.2.json",
        "log.3.json",
        "log.4.json",
        "lscb.json",
    ]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert sorted((Path(e["path"]).name, e["error"]) for e in errors) == [
        ("broken.pdf", "CorruptDocumentError"),
        ("empty.docx", "EmptyDocumentError"),
    ]
    assert json.loads((out / "lscb.json").read_text())["meeting"]["location"] == "Riverside House"
    assert main(["convert", str(src), "--out", str(out), "--allow-failures"]) == 0


def test_schema_command_matches_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    committed = json.loads((ROOT / "schema" / "meeting.schema.json").read_text())
    assert printed == committed, (
        "schema/meeting.schema.json is stale: regenerate it with "
        "`minutes-parser schema > schema/meeting.schema.json`"
    )
    assert printed["properties"]["schema_version"]["default"] == "1.1"


def test_bad_option_and_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(seed("002")), "--date-order", "ymd"]) == 2
    assert main(["parse", "/no/such/file.pdf"]) != 0


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minutes_parser", "schema"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["title"] == "Meeting"
