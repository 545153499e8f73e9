"""Convert a batch of generated hostile files: ``python bench/hostile.py [COUNT]``.

Issue #20 asks that a batch of 1,000 hostile files converts with 0 crashes, 0 writes outside
``--out`` and 0 lost meetings. This script generates the batch in a temporary folder from two
corpus documents (``parish-council-2024-03-11.txt``, one meeting, and ``team-log-2024.txt``,
four), runs ``minutes-parser convert --db`` on it and prints the counts:

- names: 255-byte names, names that are not UTF-8, spaces, Greek/Cyrillic/emoji and
  decomposed accents, leading dots (hidden: skipped and counted), ``logo.png`` (not a
  document: skipped and counted), nested folders, and ``log.txt`` holding four meetings beside
  ``log.1.txt`` (whose output name its first meeting would take);
- encodings: UTF-8, UTF-8 with BOM, UTF-16 with BOM, Latin-1, binary garbage;
- sizes: empty, one huge line, many lines.

A *crash* is a non-zero exit other than "some documents failed", an exception out of
``convert``, or a document failing with an error outside the library's hierarchy (a bug the
batch caught). A *lost meeting* is one that ``parse_meetings`` finds in a file's bytes but
that is missing from ``meetings.jsonl``, from the JSON files or from the SQLite archive.
``tests/test_hostile.py`` runs the same on ~60 files.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import minutes_parser
from minutes_parser.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ONE = (CORPUS / "parish-council-2024-03-11.txt").read_text(encoding="utf-8")
FOUR = (CORPUS / "team-log-2024.txt").read_text(encoding="utf-8")
NAMES = "Present: René Dupré, Björn Åström, Zoë O'Brien, Νίκος Παπαδόπουλος, Иван Петров\n"
NAME_MAX = 255
OUTPUTS = {"meetings.jsonl", "errors.jsonl", "manifest.jsonl"}


@dataclass
class Counts:
    files: int = 0
    hidden: int = 0
    not_documents: int = 0
    documents: int = 0
    converted: int = 0
    failed: int = 0
    expected_meetings: int = 0
    crashes: int = 0
    outside_writes: int = 0
    lost_meetings: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)


def _content(kind: int, i: int, huge: int, lines: int, rng: random.Random) -> bytes:
    """The bytes of file ``i``; ``kind`` picks the encoding or size."""
    text = ONE.replace("Minutes", f"Minutes ({i})", 1)  # distinct documents, distinct hashes
    match kind:
        case 0:
            return text.encode("utf-8")
        case 1:
            return (NAMES + text).encode("utf-16")  # with a BOM
        case 2:
            return (text + "Apologies: François Lefèvre, Siân Müller\n").encode("latin-1")
        case 3:
            return b"\xef\xbb\xbf" + (NAMES + text).encode("utf-8")
        case 4:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4096)))
        case 5:
            return b""
        case 6:
            return (text + "Discussion: " + "word " * (huge // 5) + "\n").encode("utf-8")
        case 7:
            many = "".join(f"Action: Ann Lee to check item {k}\n" for k in range(lines))
            return (text + many).encode("utf-8")
        case _:
            return FOUR.replace("Team", f"Team {i}", 1).encode("utf-8")


def _name(kind: int, i: int) -> bytes:
    """The file name (bytes, relative to the input folder) of file ``i``."""
    match kind:
        case 0:
            return f"doc-{i}.txt".encode()
        case 1:
            stem = f"{i}-" + "long" * 70
            return stem.encode()[: NAME_MAX - 4] + b".txt"
        case 2:
            return b"caf\xe9 r\xe9union %d.txt" % i  # Latin-1 bytes: not UTF-8
        case 3:
            return f"minutes of  the {i} meeting .txt".encode()
        case 4:
            return f"Réunion Ωμέγα Протокол {i} 📝.txt".encode()
        case 5:
            return f"Re\u0301union-{i}.txt".encode()  # a decomposed accent
        case 6:
            return f".hidden-{i}.txt".encode()
        case 7:
            return f"logo-{i}.png".encode()
        case 8:
            return f"nested/{i % 7}/deeper/doc {i}.txt".encode()
        case 9:
            return f"log-{i // 10}.txt".encode()  # four meetings: log-N.1.json ... .4.json
        case _:
            return f"log-{i // 10}.1.txt".encode()  # wants log-N.1.json too


def generate(folder: Path, count: int, *, huge: int, lines: int, seed: int = 20) -> list[Path]:
    """Write ``count`` hostile files under ``folder``; their paths."""
    rng = random.Random(seed)
    paths: list[Path] = []
    for i in range(count):
        name_kind = i % 11
        content_kind = 8 if name_kind == 9 else (i * 7 + i // 11) % 9
        if (content_kind == 6 and i % 50) or (content_kind == 7 and i % 10):
            content_kind = 0  # huge and long files are few: their cost is the parse alone
        data = _content(content_kind, i, huge, lines, rng)
        if name_kind == 7:
            data = b"\x89PNG\r\n\x1a\n" + data
        path = folder / os.fsdecode(_name(name_kind, i))  # undecodable bytes: surrogates
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


def _snapshot(root: Path, skip: set[Path]) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file under ``root`` outside ``skip``."""
    seen: dict[str, tuple[int, int]] = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = Path(dirpath) / f
            if any(p == s or p.is_relative_to(s) for s in skip):
                continue
            st = p.stat()
            seen[str(p)] = (st.st_size, st.st_mtime_ns)
    return seen


def _expected(paths: list[Path]) -> tuple[collections.Counter[str], set[tuple[str, int]]]:
    """Meetings ``parse_meetings`` finds, per sha256 (times the files holding those bytes),
    and the (sha256, index) pairs the SQLite archive should hold."""
    per_file: collections.Counter[str] = collections.Counter()
    pairs: set[tuple[str, int]] = set()
    cache: dict[str, int] = {}
    for p in paths:
        if p.name.startswith(".") or p.suffix == ".png":
            continue
        data = p.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if sha not in cache:
            try:
                cache[sha] = len(minutes_parser.parse_meetings(data))
            except minutes_parser.MinutesParserError:
                cache[sha] = 0
        per_file[sha] += cache[sha]
        pairs.update((sha, k) for k in range(cache[sha]))
    return per_file, pairs


def run(root: Path, count: int, *, huge: int, lines: int, jobs: int = 2) -> Counts:
    """Generate ``count`` files under ``root/in``, convert them to ``root/out``, count."""
    src, out, db = root / "in", root / "out", root / "archive.sqlite"
    paths = generate(src, count, huge=huge, lines=lines)
    counts = Counts(
        files=len(paths),
        hidden=sum(p.name.startswith(".") for p in paths),
        not_documents=sum(p.suffix == ".png" for p in paths),
    )
    expected, pairs = _expected(paths)
    counts.expected_meetings = sum(expected.values())
    before = _snapshot(root, {out, db})
    started = time.perf_counter()
    try:
        code = main(
            ["convert", str(src), "--out", str(out), "--db", str(db), "-q", "-j", str(jobs)]
        )
    except BaseException:  # a crash is what is being counted
        code = -1
    counts.seconds = time.perf_counter() - started
    counts.crashes += code not in (0, 1)
    after = _snapshot(root, {out, db})
    counts.outside_writes = sum(1 for k, v in after.items() if before.get(k) != v)
    counts.outside_writes += sum(1 for k in before if k not in after)
    _count_outputs(out, db, expected, pairs, counts)
    return counts


def _count_outputs(
    out: Path,
    db: Path,
    expected: collections.Counter[str],
    pairs: set[tuple[str, int]],
    counts: Counts,
) -> None:
    library_errors = {
        name
        for name in dir(minutes_parser.errors)
        if isinstance(getattr(minutes_parser.errors, name), type)
        and issubclass(getattr(minutes_parser.errors, name), minutes_parser.MinutesParserError)
    }
    errors_file = out / "errors.jsonl"
    failures = (
        [json.loads(line) for line in errors_file.read_text(encoding="utf-8").splitlines()]
        if errors_file.exists()
        else []
    )
    counts.failed = len(failures)
    counts.errors = dict(collections.Counter(f["error"] for f in failures))
    counts.crashes += sum(1 for f in failures if f["error"] not in library_errors)
    lines = (out / "meetings.jsonl").read_text(encoding="utf-8").splitlines()
    found = collections.Counter(json.loads(line)["source"]["sha256"] for line in lines)
    lost = sum(max(0, n - found[sha]) for sha, n in expected.items())
    on_disk = sum(1 for p in out.rglob("*.json") if p.name not in OUTPUTS)
    with sqlite3.connect(db) as con:
        rows = set(con.execute("SELECT document_sha256, meeting_index FROM meetings"))
    counts.lost_meetings = max(lost, len(lines) - on_disk, len(pairs - rows))
    manifest = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    counts.converted = len(manifest)
    counts.documents = counts.converted + counts.failed


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--huge-mb", type=float, default=4.0, help="size of the huge lines")
    parser.add_argument("--lines", type=int, default=5_000, help="lines of the long files")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        counts = run(
            Path(tmp), args.count, huge=int(args.huge_mb * 2**20), lines=args.lines, jobs=args.jobs
        )
    for name, value in vars(counts).items():
        shown = f"{value:.1f}" if isinstance(value, float) else value
        print(f"{name:>18}: {shown}")


if __name__ == "__main__":
    main_bench()
