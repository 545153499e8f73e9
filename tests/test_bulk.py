"""Bulk conversion: parallel workers, fault isolation, resuming, deterministic output, Dask."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutes_parser import ParseOptions
from minutes_parser.bulk import (
    BulkOptions,
    DocumentResult,
    Input,
    Task,
    convert_archive,
    convert_document,
    discover,
    worker_options,
)
from minutes_parser.bulk.inputs import name_inputs
from minutes_parser.bulk.pool import WorkerPool
from minutes_parser.cli import main

from .conftest import CORPUS, ROOT, seed, shared_dir

MINUTES = """Minutes of the Parish Council meeting held on {day} March 2024 at the Village Hall

Present: Cllr Alice Smith (Chair), Cllr Bob Jones, Cllr {name}
Apologies: Cllr Dan Brown

1. Minutes of the last meeting
The minutes of the meeting held on 8 February 2024 were approved.

2. Footpaths
RESOLVED that the footpath repairs on Mill Lane be funded.
Action: Bob Jones to obtain quotes by 30 April 2024.
"""


FIRST = ["Carol", "Erin", "Frank", "Grace", "Henry", "Irene", "Jack", "Karen", "Liam", "Mona"]
LAST = ["White", "Green", "Black", "Gray", "Brown", "Hill", "Wood", "Stone", "Marsh", "Field"]


def attendee(n: int) -> str:
    return f"{FIRST[n % 10]} {LAST[n // 10 % 10]}{'s' * (n // 100)}"


def minutes(n: int) -> str:
    """A small, distinct set of minutes: the date and one attendee vary with ``n``."""
    return MINUTES.format(day=n % 28 + 1, name=attendee(n))


def meeting_files(out: Path) -> list[str]:
    """The per-meeting JSON files of an output folder, relative, sorted."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


# --------------------------------------------------------------------------------------------
# Discovery and naming (no workers)
# --------------------------------------------------------------------------------------------


def test_discover_folders_globs_and_collision_free_names(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "2024" / "march").mkdir(parents=True)
    (src / "other").mkdir()
    names = ["a.txt", "a.pdf", "2024/march/pc.txt", "other/pc.txt", "notes.md", ".hidden"]
    for rel in [*names, "logo.png", "index.json"]:
        (src / rel).write_text(rel)
    (src / "out").mkdir()
    (src / "out" / "old.txt").write_text("an output folder inside the source is not walked")

    found = discover([src], exclude=src / "out")
    # Markdown notes are documents (a README comes out as not minutes, never silently dropped);
    # images and data files are not.
    assert [i.rel for i in found] == [
        "2024/march/pc.txt",
        "a.pdf",
        "a.txt",
        "notes.md",
        "other/pc.txt",
    ]

    globbed = discover([str(src / "**" / "pc.txt")])
    assert [i.rel for i in globbed] == ["2024/march/pc.txt", "other/pc.txt"]

    # The same stem twice in one folder keeps the suffix; an identical relative path from two
    # roots gets the content hash appended; an identical copy under the same name is dropped.
    items = [
        Input(Path("x/a.txt"), "a.txt", sha256="1" * 64),
        Input(Path("x/a.pdf"), "a.pdf", sha256="2" * 64),
        Input(Path("x/b.txt"), "b.txt", sha256="3" * 64),
        Input(Path("y/b.txt"), "b.txt", sha256="4" * 64),
        Input(Path("z/b.txt"), "b.txt", sha256="4" * 64),
        Input(Path("x/c.txt"), "sub/c.txt", sha256="5" * 64),
    ]
    assert [i.name for i in name_inputs(items)] == [
        "a.pdf",
        "a.txt",
        "b.txt~33333333",
        "b.txt~44444444",
        "sub/c",
    ]


# --------------------------------------------------------------------------------------------
# The worker pool: crashes, hangs and memory caps cost one document each
# --------------------------------------------------------------------------------------------


def misbehave(path: str, options: ParseOptions, *, source: str | None = None) -> DocumentResult:
    """Stands in for convert_document in the pool's workers: named files misbehave."""
    name = Path(path).name
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if name.startswith("hang"):
        time.sleep(60)
    if name.startswith("hog"):
        hog = bytearray(4 * 2**30)  # over the cap: MemoryError inside the worker
        return DocumentResult(path=path, pages=len(hog))
    return convert_document(path, options, source=source)


def test_pool_replaces_crashed_hung_and_capped_workers(tmp_path: Path) -> None:
    names = ["a.txt", "crash.txt", "b.txt", "hang.txt", "c.txt", "hog.txt", "d.txt", "e.txt"]
    for n, name in enumerate(names):
        (tmp_path / name).write_text(minutes(n))
    results: dict[str, DocumentResult] = {}
    pool = WorkerPool(ParseOptions(), jobs=2, timeout=2.0, max_memory_mb=1500, work=misbehave)
    started = time.monotonic()
    pool.run(
        [Task(k, str(tmp_path / name)) for k, name in enumerate(names)],
        lambda task, result: results.setdefault(Path(task.path).name, result),
    )
    assert time.monotonic() - started < 20
    assert sorted(results) == sorted(names)
    assert {n: r.error for n, r in results.items() if r.error} == {
        "crash.txt": "WorkerCrashed",
        "hang.txt": "TimeoutError",
        "hog.txt": "MemoryError",
    }
    assert "SIGSEGV" in (results["crash.txt"].message or "")
    for n, name in enumerate(names):
        if not results[name].error:
            assert json.loads(results[name].meetings[0])["meeting"]["date"] == (
                f"2024-03-{n % 28 + 1:02d}"
            )
    # Two to begin with, at most one replacement per lost worker (none once the queue is
    # empty); none left running.
    assert 3 <= pool.started_workers <= 5
    assert pool._workers == []


def report_pid(path: str, options: ParseOptions, *, source: str | None = None) -> DocumentResult:
    """Stands in for convert_document: says which worker process ran the document."""
    return DocumentResult(path=path, message=str(os.getpid()))


def test_workers_are_recycled_after_their_quota_of_documents(tmp_path: Path) -> None:
    results: list[DocumentResult] = []
    pool = WorkerPool(ParseOptions(), jobs=1, work=report_pid, max_tasks_per_worker=3)
    pool.run([Task(k, f"doc{k}") for k in range(7)], lambda _t, r: results.append(r))
    pids = [r.message for r in results]
    assert [r.path for r in results] == [f"doc{k}" for k in range(7)]
    # Three documents each for the first two workers, the last one for a third.
    assert [len(set(pids[:3])), len(set(pids[3:6])), len(set(pids[6:]))] == [1, 1, 1]
    assert len(set(pids)) == 3 == pool.started_workers
    assert all(r.error is None for r in results)


def test_max_memory_below_a_workers_footprint_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(minutes(1))
    code = main(
        ["convert", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")]
        + ["-q"] * 1
        + ["--max-memory", "50"]
    )
    assert code == 2
    assert "below what a worker needs" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# The convert command
# --------------------------------------------------------------------------------------------


def test_batch_of_200_with_20_bad_converts_the_180_and_reports_the_20(tmp_path: Path) -> None:
    src = tmp_path / "in"
    good = src / "good"
    bad = src / "bad"
    good.mkdir(parents=True)
    bad.mkdir()
    for n in range(180):
        (good / f"m{n:03d}.txt").write_text(minutes(n))
    pdf = (ROOT / "fixtures" / "action_log_pagebreak.pdf").read_bytes()
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    broken: dict[str, bytes] = {}
    for n in range(4):
        broken[f"empty{n}.{['txt', 'pdf', 'docx', 'html'][n]}"] = b""
        broken[f"garbage{n}.pdf"] = b"%PDF-1.7\n" + bytes((n * 37 + i) % 256 for i in range(4096))
        broken[f"truncated{n}.pdf"] = pdf[: len(pdf) * (n + 2) // 7]
        broken[f"image{n}.pdf"] = png
        broken[f"archive{n}.docx"] = b"PK\x03\x04" + bytes(200)
    for name, data in broken.items():
        (bad / name).write_bytes(data)
    out = tmp_path / "out"

    assert main(["convert", str(src), "--out", str(out), "-j", "2", "-q"]) == 1

    files = meeting_files(out)
    assert files == [f"good/m{n:03d}.json" for n in range(180)]
    for n in (0, 57, 179):
        data = json.loads((out / f"good/m{n:03d}.json").read_text())
        assert data["meeting"]["date"] == f"2024-03-{n % 28 + 1:02d}"
        assert attendee(n) in [a["name"] for a in data["attendees"]]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [Path(e["path"]).name for e in errors] == sorted(broken)
    by_name = {Path(e["path"]).name: e["error"] for e in errors}
    assert {by_name[f"empty{n}.{s}"] for n, s in enumerate(["txt", "pdf", "docx", "html"])} == {
        "EmptyDocumentError"
    }
    assert {by_name[f"image{n}.pdf"] for n in range(4)} == {"UnsupportedFormatError"}
    assert {by_name[f"garbage{n}.pdf"] for n in range(4)} == {"CorruptDocumentError"}
    assert {by_name[f"truncated{n}.pdf"] for n in range(4)} == {"CorruptDocumentError"}
    assert all(e["message"] for e in errors)
    lines = (out / "meetings.jsonl").read_text().splitlines()
    assert len(lines) == 180
    assert json.loads(lines[57]) == json.loads((out / "good/m057.json").read_text())
    # Nothing left to do on a re-run but the failures, which are reported again.
    assert main(["convert", str(src), "--out", str(out), "-q", "--allow-failures"]) == 0
    assert len((out / "errors.jsonl").read_text().splitlines()) == 20


def test_output_is_byte_identical_across_worker_counts_and_executors(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(seed("002"), src / "lscb.txt")
    shutil.copy(CORPUS / "team-log-2024.txt", src / "sub" / "log.txt")
    shutil.copy(CORPUS / "moderngov-planning-committee-2024-02-13.html", src / "planning.html")
    shutil.copy(ROOT / "fixtures" / "action_log_pagebreak.pdf", src / "actions.pdf")
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    runs: dict[str, dict[str, bytes]] = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert main(["convert", str(src), "--out", str(out), "-j", jobs, "-q"]) == 1
        runs[jobs] = snapshot(out)
    assert runs["1"] == runs["2"]
    assert sorted(n for n in runs["1"] if n.endswith(".json")) == [
        "actions.json",
        "lscb.json",
        "planning.json",
        "sub/log.1.json",
        "sub/log.2.json",
        "sub/log.3.json",
        "sub/log.4.json",
    ]
    jsonl = runs["1"]["meetings.jsonl"].decode().splitlines()
    # Relative to the folder named (with its own name): the same whatever the working folder.
    assert [json.loads(line)["source"]["path"] for line in jsonl] == [
        "in/actions.pdf",
        "in/lscb.txt",
        "in/planning.html",
    ] + ["in/sub/log.txt"] * 4
    assert [json.loads(line)["source"]["meeting_index"] for line in jsonl][3:] == [0, 1, 2, 3]

    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask"
        args = ["--executor", "dask", "--scheduler", cluster.scheduler_address, "-q"]
        assert main(["convert", str(src), "--out", str(out), *args]) == 1
    assert snapshot(out) == runs["1"]


def test_rerun_converts_only_new_changed_or_upgraded_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"m{n}.txt").write_text(minutes(n))
    shutil.copy(CORPUS / "team-log-2024.txt", src / "log.txt")
    out = tmp_path / "out"
    first = convert_archive([src], out, BulkOptions(jobs=2))
    assert (first.converted, first.skipped, first.meetings) == (4, 0, 7)
    assert first.kinds == {"minutes": 7}

    (src / "m1.txt").write_text(minutes(11))  # changed
    (src / "m3.txt").write_text(minutes(3))  # new
    (src / "log.txt").write_text(minutes(4))  # four meetings become one
    again = convert_archive([src], out, BulkOptions(jobs=2))
    assert (again.converted, again.skipped, again.failed) == (3, 2, 0)
    assert meeting_files(out) == ["log.json", "m0.json", "m1.json", "m2.json", "m3.json"]
    assert json.loads((out / "m1.json").read_text())["meeting"]["date"] == "2024-03-12"
    manifest = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert [m["name"] for m in manifest] == ["log", "m0", "m1", "m2", "m3"]
    assert len((out / "meetings.jsonl").read_text().splitlines()) == 5

    # Other settings, or a new parser version, make every document stale.
    other = BulkOptions(jobs=2, parse=ParseOptions(date_order="mdy"))
    assert convert_archive([src], out, other).converted == 5
    monkeypatch.setattr("minutes_parser.bulk.archive.PARSER_VERSION", "99.0")
    assert convert_archive([src], out, other).converted == 5
    assert convert_archive([src], out, other).skipped == 5
    # So does a change to the parser's code or rules without a new version number.
    monkeypatch.setattr("minutes_parser.bulk.archive._code_digest", lambda: "0123456789ab")
    assert convert_archive([src], out, other).converted == 5
    entry = json.loads((out / "manifest.jsonl").read_text().splitlines()[0])
    assert entry["parser_version"] == "99.0+0123456789ab"
    assert convert_archive([src], out, other).skipped == 5

    # Tables written after a resumed run hold the skipped documents too.
    db = tmp_path / "archive.sqlite"
    assert main(["convert", str(src), "--out", str(out), "--db", str(db), "-q"]) == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from meetings").fetchone() == (5,)


def test_kill_9_mid_run_leaves_whole_files_and_the_rerun_completes_it(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    src = tmp_path / "in"
    src.mkdir()
    base = seed("002").read_text(encoding="utf-8")
    total = 24
    for n in range(total):
        (src / f"m{n:02d}.txt").write_text(f"{base}\nReference {n}\n", encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "minutes_parser", "convert", str(src), "--out", str(out)]
    proc = subprocess.Popen([*cmd, "-j", "2", "-q"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(list(out.glob("m*.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    family = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # The forkserver and the workers go with the parent.
    _gone, alive = psutil.wait_procs(family, timeout=10)
    assert alive == []
    done_before = len((out / "manifest.jsonl").read_text().splitlines())
    assert 3 <= done_before < total, "the kill should land mid-run"
    for f in out.glob("*.json"):
        json.loads(f.read_text())  # whole files only

    summary = convert_archive([src], out, BulkOptions(jobs=2))
    assert summary.skipped >= done_before
    assert summary.converted + summary.skipped == total
    assert meeting_files(out) == [f"m{n:02d}.json" for n in range(total)]
    for f in out.glob("*.json"):
        assert json.loads(f.read_text())["source"]["path"] == f"in/{f.stem}.txt"
    assert list(out.glob(".*")) == []  # no temp files left
    manifest = [json.loads(x)["name"] for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert manifest == [f"m{n:02d}" for n in range(total)]
    paths = [
        json.loads(x)["source"]["path"] for x in (out / "meetings.jsonl").read_text().splitlines()
    ]
    assert paths == [f"in/m{n:02d}.txt" for n in range(total)]


@pytest.mark.corpus
def test_whole_alameda_archive_is_parsed_or_reported(tmp_path: Path) -> None:
    archive = shared_dir("bulk", "alameda")
    pdfs = sorted(archive.glob("*.pdf"))
    out = tmp_path / "out"
    summary = convert_archive([archive], out, BulkOptions(jobs=2))
    assert summary.documents == len(pdfs) > 100
    assert summary.converted + summary.failed == len(pdfs)
    reported = {Path(f.path).name for f in summary.failures}
    parsed = {json.loads(f.read_text())["source"]["path"] for f in out.glob("*.json")}
    assert {Path(p).name for p in parsed} | reported == {p.name for p in pdfs}
    assert not {Path(p).name for p in parsed} & reported
    assert summary.pages > 800
    assert len((out / "meetings.jsonl").read_text().splitlines()) == summary.meetings


def test_workers_share_the_cpus_for_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert worker_options(ParseOptions(), 2).ocr_threads == 4
    assert worker_options(ParseOptions(), 8).ocr_threads == 1
    assert worker_options(ParseOptions(), 16).ocr_threads == 1
    assert worker_options(ParseOptions(ocr_threads=3), 2).ocr_threads == 3  # the caller's choice
    assert worker_options(ParseOptions(ocr="never"), 2).ocr == "never"
    assert ParseOptions(ocr_threads=3).load_options("a.pdf").ocr_threads == 3


def test_convert_archive_gives_its_workers_their_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int | None] = []

    class RecordingPool:
        started_workers = 0

        def __init__(self, options: ParseOptions, **kwargs: object) -> None:
            seen.append(options.ocr_threads)

        def run(self, tasks: object, on_result: object) -> None:
            pass

    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr("minutes_parser.bulk.archive.WorkerPool", RecordingPool)
    (tmp_path / "a.txt").write_text(minutes(1))
    convert_archive([tmp_path / "a.txt"], tmp_path / "out", BulkOptions(jobs=2))
    assert seen == [4]
