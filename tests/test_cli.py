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


@pytest.mark.parametrize("command", [[], ["parse"], ["convert"], ["reconcile"], ["eval"]])
def test_help_shows_no_raw_markup_or_type_labels_on_flags(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #20: ``--help`` showed reST ``markup`` and a "<bool>" beside every flag."""
    assert main([*command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "Usage:" in text
    assert "``" not in text and "<bool>" not in text


def test_convert_help_names_each_value() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minutes_parser", "convert", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100"},
    )
    assert "-o, --out DIR" in done.stdout and "-j, --jobs N" in done.stdout
    assert "-q, --quiet " in done.stdout


def test_an_error_message_ends_its_sentence_before_the_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #20: "…is empty The file has no content…" ran two sentences together."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "EmptyDocumentError" in err
    assert ". The file has no content to parse" in err


def test_the_eta_keeps_growing_while_no_document_finishes() -> None:
    """Issue #20: the ETA froze while a long OCR document held every worker."""
    from rich.progress import Progress

    from minutes_parser._progress import EtaColumn

    progress = Progress()
    task_id = progress.add_task("convert", total=10)
    progress.update(task_id, completed=2)
    task = progress.tasks[0]
    task.start_time = progress.get_time() - 20  # 2 of 10 done in 20 s
    first = str(EtaColumn().render(task))
    task.start_time -= 40  # a minute on, nothing more done
    later = str(EtaColumn().render(task))
    assert (first, later) == ("0:01:20", "0:04:00")
