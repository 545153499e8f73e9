"""Adversarial file names, paths and concurrent runs: ``convert`` must neither crash, write
outside ``--out``, lose a meeting nor leave a bare traceback.

Every input is generated here from corpus documents.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from minutes_parser import ConfigurationError, MinutesParserError, parse, parse_meetings
from minutes_parser.bulk import BulkOptions, convert_archive
from minutes_parser.cli import main
from minutes_parser.export import write_csv, write_sqlite
from minutes_parser.manifest import write_atomic

from .conftest import CORPUS, ROOT

PARISH = CORPUS / "parish-council-2024-03-11.txt"
LOG = CORPUS / "team-log-2024.txt"
"""A running log of four meetings: written as ``<name>.1.json`` ... ``<name>.4.json``."""
NAME_MAX = 255


def run_convert(*args: str) -> int:
    return main(["convert", *args, "-q", "-j", "2"])


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# --------------------------------------------------------------------------------------------
# 1. Long file names
# --------------------------------------------------------------------------------------------


def test_write_atomic_handles_a_target_name_at_name_max(tmp_path: Path) -> None:
    target = tmp_path / ("a" * NAME_MAX)
    write_atomic(target, "whole")
    assert target.read_text() == "whole"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp file left


def test_a_name_max_file_name_converts_under_a_short_deterministic_name(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    long_stem = "Minutes of the Finance Committee " + "x" * (NAME_MAX - 37)
    assert len(f"{long_stem}.txt".encode()) == NAME_MAX
    shutil.copy(LOG, src / f"{long_stem}.txt")
    shutil.copy(PARISH, src / "short.txt")
    names = {}
    for run in ("a", "b"):
        out = tmp_path / run
        summary = convert_archive([src], out, BulkOptions(jobs=2))
        assert (summary.converted, summary.failed, summary.meetings) == (2, 0, 5)
        names[run] = sorted(p.name for p in out.glob("*.json"))
    assert names["a"] == names["b"]  # the shortened name does not vary between runs
    long_files = [n for n in names["a"] if n != "short.json"]
    assert len(long_files) == 4
    for name in long_files:
        assert len(name.encode()) <= NAME_MAX
        assert name.startswith("Minutes of the Finance Committee xxx")  # a readable prefix
    assert sorted({n.rsplit(".", 2)[0] for n in long_files}) == [long_files[0].rsplit(".", 2)[0]]
    meetings = (tmp_path / "a" / "meetings.jsonl").read_text().splitlines()
    assert [json.loads(m)["source"]["meeting_index"] for m in meetings][:4] == [0, 1, 2, 3]


# --------------------------------------------------------------------------------------------
# 2. File names that are not UTF-8
# --------------------------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_converted_and_reported_safely(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    raw = os.fsencode(src)
    try:
        with open(raw + b"/caf\xe9.txt", "wb") as fh:  # noqa: PTH123 - a bytes path on purpose
            fh.write(PARISH.read_bytes())
    except OSError:  # pragma: no cover - a file system that enforces UTF-8 names
        pytest.skip("the file system refuses names that are not UTF-8")
    with open(raw + b"/broken\xff.pdf", "wb") as fh:  # noqa: PTH123
        fh.write(b"%PDF-1.7\n garbage")
    out = tmp_path / "out"
    summary = convert_archive([src], out, BulkOptions(jobs=2))
    assert (summary.converted, summary.failed) == (1, 1)
    (meeting_file,) = out.glob("*.json")
    assert meeting_file.name == "caf%E9.json"
    meeting = json.loads(meeting_file.read_text(encoding="utf-8"))
    assert meeting["source"]["path"] == "in/caf\\xe9.txt"
    (line,) = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    error = json.loads(line)
    assert error["path"].endswith("broken\\xff.pdf")
    assert error["error"] == "CorruptDocumentError"
    assert (
        json.loads((out / "meetings.jsonl").read_text(encoding="utf-8"))["source"]
        == (meeting["source"])
    )


def test_parse_of_a_path_that_is_not_utf8_serialises(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/r\xe9union.txt"
    with open(raw, "wb") as fh:  # noqa: PTH123
        fh.write(PARISH.read_bytes())
    meeting = parse(os.fsdecode(raw))
    assert json.loads(meeting.to_json())["source"]["path"].endswith("/r\\xe9union.txt")


# --------------------------------------------------------------------------------------------
# 3. Globs that climb out of their base
# --------------------------------------------------------------------------------------------


def test_a_glob_climbing_out_of_its_base_never_writes_outside_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    (work / "in" / "sub").mkdir(parents=True)
    shutil.copy(PARISH, work / "in" / "sub" / "inside.txt")
    shutil.copy(PARISH, tmp_path / "secret.txt")
    monkeypatch.chdir(work)
    before = files_under(tmp_path)
    assert run_convert("in/*/../../../*.txt", "--out", "out") == 0
    after = files_under(tmp_path)
    written = sorted(set(after) - set(before))
    assert all(name.startswith("work/out/") for name in written), written
    assert {k: v for k, v in after.items() if k in before} == before
    # The match outside the glob's base gets its flattened name, inside --out.
    assert sorted(p.name for p in (work / "out").rglob("*.json")) == ["secret.json"]


# --------------------------------------------------------------------------------------------
# 4. Output names that collide
# --------------------------------------------------------------------------------------------


def test_numbered_meeting_files_never_overwrite_another_documents_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(LOG, src / "m.txt")  # four meetings: m.1.json ... m.4.json
    shutil.copy(PARISH, src / "m.1.txt")  # one meeting: m.1.json
    results = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        db = tmp_path / f"archive{jobs}.sqlite"
        assert (
            main(["convert", str(src), "--out", str(out), "-j", jobs, "-q", "--db", str(db)]) == 0
        )
        results[jobs] = files_under(out)
        jsonl = [json.loads(x) for x in (out / "meetings.jsonl").read_text().splitlines()]
        got = sorted((m["source"]["path"], m["source"]["meeting_index"]) for m in jsonl)
        assert got == [("in/m.1.txt", 0)] + [("in/m.txt", k) for k in range(4)]
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT source_path, meeting_index FROM meetings").fetchall()
        assert sorted(rows) == got
    assert results["1"] == results["2"]  # the same resolution whatever the completion order
    names = sorted(n for n in results["1"] if n.endswith(".json"))
    assert len(names) == 5
    assert json.loads(results["1"]["m.1.json"])["source"]["path"] == "in/m.1.txt"
    renamed = [n for n in names if n.startswith("m.1~")]
    assert len(renamed) == 1
    assert json.loads(results["1"][renamed[0]])["source"] == {
        **json.loads(results["1"][renamed[0]])["source"],
        "path": "in/m.txt",
        "meeting_index": 0,
    }
    err = capsys.readouterr().err
    assert f"m.1.json -> {renamed[0]}" in err


def test_a_document_added_later_takes_its_name_from_an_older_numbered_file(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(LOG, src / "m.txt")
    out = tmp_path / "out"
    assert convert_archive([src], out, BulkOptions(jobs=1)).meetings == 4
    shutil.copy(PARISH, src / "m.1.txt")
    summary = convert_archive([src], out, BulkOptions(jobs=1))
    assert summary.meetings == 5
    sources = sorted(json.loads(f.read_text())["source"]["path"] for f in summary.files)
    assert sources == ["in/m.1.txt"] + ["in/m.txt"] * 4
    assert len(set(summary.files)) == 5


# --------------------------------------------------------------------------------------------
# 5. Concurrent writers
# --------------------------------------------------------------------------------------------


def test_concurrent_csv_writers_to_one_folder_never_lose_a_temp_file(tmp_path: Path) -> None:
    meetings = parse_meetings(LOG)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(15):
                write_csv(meetings, tmp_path / "csv")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [p.name for p in (tmp_path / "csv").iterdir() if p.name.startswith(".")] == []
    _header, *rows = (tmp_path / "csv" / "meetings.csv").read_text().splitlines()
    assert len(rows) == 4


def test_a_locked_sqlite_archive_waits_then_raises_a_typed_error(tmp_path: Path) -> None:
    from minutes_parser.export import ArchiveLockedError

    db = tmp_path / "archive.sqlite"
    meetings = parse_meetings(LOG)
    write_sqlite(meetings[:1], db)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(ArchiveLockedError, match="locked") as caught:
            write_sqlite(meetings, db, timeout=0.3)
        assert time.monotonic() - started >= 0.3
        assert isinstance(caught.value, MinutesParserError)
        assert caught.value.path == str(db)
        # A lock released within the busy timeout is waited for.
        threading.Timer(0.5, lambda: holder.execute("COMMIT")).start()
        assert write_sqlite(meetings, db, timeout=10).meetings == 4
    finally:
        time.sleep(0.6)
        holder.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM meetings").fetchone() == (4,)


def test_convert_into_a_locked_archive_exits_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_parser.export import sqlite as sqlite_export

    monkeypatch.setattr(sqlite_export, "BUSY_TIMEOUT", 0.2)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PARISH, src / "p.txt")
    db = tmp_path / "a.sqlite"
    write_sqlite(parse_meetings(PARISH), db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert run_convert(str(src), "--out", str(tmp_path / "out"), "--db", str(db)) == 2
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert "ArchiveLockedError" in err and "locked" in err and "Traceback" not in err


# --------------------------------------------------------------------------------------------
# 6. Smaller edges
# --------------------------------------------------------------------------------------------


def test_convert_of_an_empty_folder_or_an_unmatched_glob_fails_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\0")
    assert run_convert(str(empty), "--out", str(tmp_path / "o1")) == 2
    err = capsys.readouterr().err
    assert "no documents" in err and "1 hidden file skipped" in err
    assert run_convert(str(tmp_path / "*.pdf"), "--out", str(tmp_path / "o2")) == 2
    assert "matches no file" in capsys.readouterr().err
    with pytest.raises(ConfigurationError, match="no documents"):
        convert_archive([empty], tmp_path / "o3")


def test_an_unmatched_glob_beside_real_documents_is_a_reported_failure(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PARISH, src / "p.txt")
    summary = convert_archive([src, str(tmp_path / "*.pdf")], tmp_path / "out", BulkOptions(jobs=1))
    assert summary.converted == 1
    assert [(f.error, f.message) for f in summary.failures] == [
        ("DocumentNotFoundError", f"{tmp_path / '*.pdf'}: matches no file")
    ]


def test_parse_of_a_folder_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "no such file" not in err


def test_a_missing_file_is_the_same_error_in_parse_and_convert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_parser import DocumentNotFoundError

    missing = tmp_path / "gone.pdf"
    from minutes_parser import load

    with pytest.raises(DocumentNotFoundError) as caught:
        parse(missing)
    assert isinstance(caught.value, FileNotFoundError)
    with pytest.raises(DocumentNotFoundError, match=r"gone\.pdf: no such file"):
        load(missing)
    assert main(["parse", str(missing)]) == 2
    assert "DocumentNotFoundError" in capsys.readouterr().err
    summary = convert_archive([missing], tmp_path / "out", BulkOptions(jobs=1))
    assert [(Path(f.path).name, f.error) for f in summary.failures] == [
        ("gone.pdf", "DocumentNotFoundError")
    ]


def test_hidden_files_are_skipped_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    (src / ".git").mkdir(parents=True)
    shutil.copy(PARISH, src / "p.txt")
    shutil.copy(PARISH, src / ".p.txt")
    (src / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    summary = convert_archive([src], tmp_path / "out", BulkOptions(jobs=1))
    assert (summary.converted, summary.hidden) == (1, 2)
    assert run_convert(str(src), "--out", str(tmp_path / "out2")) == 0
    assert "2 hidden files skipped" in capsys.readouterr().err


def test_convert_archive_without_a_main_guard_names_the_guard(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(PARISH, tmp_path / "in" / "p.txt")
    script = tmp_path / "noguard.py"
    script.write_text(
        "from pathlib import Path\n"
        "from minutes_parser import BulkOptions, convert_archive\n"
        "convert_archive(['in'], Path('out'), BulkOptions(jobs=1))\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("minutes_parser.errors.ConfigurationError")
    assert "if __name__ == '__main__':" in last
    assert "RuntimeError" not in done.stderr


def test_source_path_does_not_depend_on_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "minutes"
    (src / "2024").mkdir(parents=True)
    shutil.copy(PARISH, src / "2024" / "march.txt")
    runs = {}
    for label, cwd, arg in [
        ("parent", tmp_path, "minutes"),
        ("inside", src, "."),
        ("elsewhere", ROOT, str(src)),
        ("below", src / "2024", ".."),
    ]:
        monkeypatch.chdir(cwd)
        out = tmp_path / f"out-{label}"
        assert run_convert(arg, "--out", str(out)) == 0
        runs[label] = files_under(out)
    first = json.loads(runs["parent"]["2024/march.json"])
    assert first["source"]["path"] == "minutes/2024/march.txt"
    for label, files in runs.items():
        assert files["2024/march.json"] == runs["parent"]["2024/march.json"], label
        assert files["meetings.jsonl"] == runs["parent"]["meetings.jsonl"], label


def test_names_with_diacritics_and_invisible_characters_survive() -> None:
    """Issue #20: "René Dupré", "Siân Müller", Greek and Cyrillic names vanished from
    attendance lists; a word joiner inside a name dropped it, and decomposed accents were not
    composed."""
    from minutes_parser.pipeline import parse_text

    m = parse_text(
        "Minutes of the Club\n\nPresent: René Dupré, Sia\u0302n Mu\u0308ller, Björn Åström, "
        "Zoë O'Brien, Ren\u2060ée Roux, Νίκος Παπαδόπουλος, Иван Петров\n"
        "Apologies: François Lefèvre\n"
    )
    assert [(a.name, a.status.value) for a in m.attendees] == [
        ("René Dupré", "present"),
        ("Siân Müller", "present"),
        ("Björn Åström", "present"),
        ("Zoë O'Brien", "present"),
        ("Renée Roux", "present"),
        ("Νίκος Παπαδόπουλος", "present"),
        ("Иван Петров", "present"),
        ("François Lefèvre", "apologies"),
    ]
