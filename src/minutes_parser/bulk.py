"""Bulk conversion of an archive: parallel, resumable, fault-isolated.

:func:`convert_archive` turns files, folders (searched recursively) and glob patterns into one
JSON file per meeting in an output folder, plus:

- ``meetings.jsonl``  every meeting of the run's documents, one compact line each, in output
                      name order (same input, same bytes, whatever the number of workers);
- ``errors.jsonl``    one line per document that failed (path, error, message), by path;
- ``manifest.jsonl``  what has been converted, by sha256 (see :mod:`minutes_parser.manifest`):
                      a re-run converts only new or changed documents, or all of them after
                      a parser upgrade or with other settings.

Documents are parsed in worker processes (:mod:`minutes_parser.bulk_pool`, or a Dask cluster
with :mod:`minutes_parser.bulk_dask`) and every file is written by this process, atomically, as
each result arrives; a document's manifest record is appended only after its files are in
place. So a run killed at any point leaves only whole files, and the next run redoes exactly
the documents whose record is missing.

Output names mirror the input's path below the folder it was found in (``SRC/a/b.pdf`` ->
``OUT/a/b.json``; a file named directly -> ``OUT/b.json``); when two inputs would share a name
the suffix is kept (``b.pdf.json``), and if that still collides the first 8 hex digits of the
content hash are appended.
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import hashlib
import itertools
import json
import os
import re
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import ConfigurationError, MinutesParserError
from .formats import NOT_DOCUMENT_SUFFIXES
from .loaders import load
from .manifest import Manifest, ManifestEntry, remove_stale_temp_files, write_atomic
from .options import ParseOptions
from .pipeline import PARSER_VERSION, extract_meetings

__all__ = [
    "BulkOptions",
    "BulkSummary",
    "DocumentOutcome",
    "DocumentResult",
    "Failure",
    "Input",
    "Task",
    "convert_archive",
    "convert_document",
    "discover",
    "parser_build",
    "worker_options",
]

SKIP_SUFFIXES = NOT_DOCUMENT_SUFFIXES
"""Files a folder walk passes over: our own outputs, data, code and images. A README.md
beside an archive is read, and comes out as not minutes."""

Executor = Literal["local", "dask"]
_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True)
class Input:
    """One document to convert and the output name it was given."""

    path: Path
    rel: str
    """Its path below the folder (or glob base) it was found in, POSIX style."""
    name: str = ""
    """Output name below the output folder, without ``.json``."""
    sha256: str = ""
    size: int = 0


@dataclass(frozen=True)
class Task:
    """What a worker is sent: a path (the worker reads the file) and a key back to the input."""

    key: int
    path: str


@dataclass
class DocumentResult:
    """What a worker sends back: the meetings' JSON text, or the failure."""

    path: str
    sha256: str | None = None
    pages: int = 0
    meetings: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    error: str | None = None
    message: str | None = None
    seconds: float = 0.0
    peak_rss_mb: float = 0.0

    @classmethod
    def failure(cls, path: str, error: str, message: str) -> DocumentResult:
        return cls(path=path, error=error, message=message)


def convert_document(path: str, options: ParseOptions, data: bytes | None = None) -> DocumentResult:
    """Parse one document (from ``data`` if given, else from ``path``), never raising.

    This is the unit of work a local worker or a Dask worker runs: every exception becomes a
    failed result, so one bad document costs one document.
    """
    started = time.perf_counter()
    load_options = options.load_options(path)
    try:
        doc = load(data if data is not None else path, options=load_options)
        meetings = extract_meetings(doc, options)
        result = DocumentResult(
            path=path,
            sha256=doc.sha256,
            pages=doc.page_count,
            meetings=[m.to_json() for m in meetings],
            kinds=[m.kind.value for m in meetings],
        )
    except MinutesParserError as exc:
        result = DocumentResult.failure(path, type(exc).__name__, str(exc))
    except Exception as exc:  # the batch must outlive any bug a document can trigger
        result = DocumentResult.failure(path, type(exc).__name__, repr(exc))
    result.seconds = time.perf_counter() - started
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def discover(sources: Sequence[Path | str], *, exclude: Path | None = None) -> list[Input]:
    """Every input file named by ``sources`` (files, folders searched recursively, globs).

    A path that does not exist and is not a glob is kept, so that it is reported as a failure
    rather than silently dropped. ``exclude`` (the output folder) is never walked into.
    """
    found: list[Input] = []
    seen: set[Path] = set()
    skip = exclude.resolve() if exclude is not None else None

    def add(path: Path, rel: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(Input(path=path, rel=rel.as_posix()))

    def walk(folder: Path, base: Path) -> None:
        for p in sorted(folder.rglob("*")):
            if skip is not None and p.resolve().is_relative_to(skip):
                continue
            rel = p.relative_to(base)
            if (
                p.is_file()
                and p.suffix.lower() not in SKIP_SUFFIXES
                and not any(part.startswith(".") for part in rel.parts)
            ):
                add(p, rel)

    for src in map(Path, sources):
        if src.is_dir():
            walk(src, src)
        elif src.exists() or not _GLOB_MAGIC.search(str(src)):
            add(src, Path(src.name))
        else:
            base = _glob_base(str(src))
            for match in sorted(Path(m) for m in glob.glob(str(src), recursive=True)):  # noqa: PTH207 - absolute patterns too
                if match.is_dir():
                    walk(match, match)
                elif match.suffix.lower() not in SKIP_SUFFIXES:
                    add(match, match.relative_to(base))
    return found


def _glob_base(pattern: str) -> Path:
    """The folder part of a glob before its first wildcard: ``a/b/**/*.pdf`` -> ``a/b``."""
    literal = list(itertools.takewhile(lambda p: not _GLOB_MAGIC.search(p), Path(pattern).parts))
    return Path(*literal) if literal else Path()


def _name_inputs(inputs: list[Input]) -> list[Input]:
    """Give each input its output name, keeping names unique (see the module docstring)."""

    def stem(rel: str) -> str:
        return rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel

    def pick(candidates: Sequence[Input], names: Callable[[Input], str]) -> dict[str, list[Input]]:
        groups: dict[str, list[Input]] = {}
        for item in candidates:
            groups.setdefault(names(item), []).append(item)
        return groups

    named: list[Input] = []
    for name, group in pick(inputs, lambda i: stem(i.rel)).items():
        if len(group) == 1:
            named.append(_with(group[0], name))
            continue
        for full, same in pick(group, lambda i: i.rel).items():
            if len(same) == 1:
                named.append(_with(same[0], full))
                continue
            by_hash: dict[str, Input] = {}
            for item in same:  # identical copies under the same name: convert one
                by_hash.setdefault(item.sha256, item)
            for digest, item in by_hash.items():
                named.append(_with(item, f"{full}~{digest[:8]}"))
    taken: set[str] = set()
    for n, item in enumerate(named):  # "b.pdf" kept whole can meet the stem of "b.pdf.txt"
        if item.name in taken:
            named[n] = _with(item, f"{item.name}~{item.sha256[:8]}")
        taken.add(named[n].name)
    return sorted(named, key=lambda i: i.name)


def _with(item: Input, name: str) -> Input:
    return Input(path=item.path, rel=item.rel, name=name, sha256=item.sha256, size=item.size)


def output_files(name: str, count: int) -> list[str]:
    """``name.json`` for a single meeting, ``name.1.json`` ... for several."""
    if count == 1:
        return [f"{name}.json"]
    return [f"{name}.{k}.json" for k in range(1, count + 1)]


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def parser_build() -> str:
    """``PARSER_VERSION`` plus a digest of the package's code and rules: what decides whether
    an output is still current.

    The version alone would keep stale outputs after the parser changed without a release
    (a source checkout installed in editable mode keeps its version across commits)."""
    return f"{PARSER_VERSION}+{_code_digest()}"


@functools.cache
def _code_digest() -> str:
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def settings_key(options: ParseOptions) -> str:
    """The options that change the output: a manifest record is current only under the same."""
    return f"engine={options.pdf_engine};ocr={options.ocr};dates={options.date_order}"


@dataclass(frozen=True)
class BulkOptions:
    parse: ParseOptions = field(default_factory=ParseOptions)
    jobs: int | None = None
    """Worker processes (local) ; ``None``: one per CPU."""
    timeout: float | None = 300.0
    """Seconds one document may take before its worker is killed; ``None``: no limit."""
    max_memory_mb: int | None = None
    """Address-space cap (``RLIMIT_AS``) per local worker, in MB; ``None``: no cap."""
    executor: Executor = "local"
    scheduler: str | None = None
    """Dask scheduler address (``tcp://host:8786``) for ``executor="dask"``."""


@dataclass(frozen=True)
class Failure:
    path: str
    error: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error, "message": self.message}


@dataclass(frozen=True)
class DocumentOutcome:
    """One document done, for progress reporting."""

    path: str
    status: Literal["converted", "skipped", "failed"]
    pages: int = 0
    kinds: tuple[str, ...] = ()
    failure: Failure | None = None


@dataclass
class BulkSummary:
    out: Path
    documents: int = 0
    converted: int = 0
    skipped: int = 0
    failed: int = 0
    meetings: int = 0
    pages: int = 0
    """Pages of every document now converted (this run's and the unchanged ones)."""
    converted_pages: int = 0
    """Pages converted by this run: what its rate is measured on."""
    kinds: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    """Every meeting JSON of the run's documents, in ``meetings.jsonl`` order."""
    elapsed: float = 0.0
    workers_started: int = 0


def convert_archive(
    sources: Sequence[Path | str],
    out: Path,
    options: BulkOptions | None = None,
    *,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[DocumentOutcome], None] | None = None,
) -> BulkSummary:
    """Convert every document ``sources`` name into ``out``; see the module docstring.

    ``on_start(n)`` is called with the number of documents once they are found and hashed;
    ``on_done`` once per document (converted, skipped as unchanged, or failed). Failures are
    recorded, never raised; :class:`~minutes_parser.errors.ConfigurationError` is raised for
    bad options and ``KeyboardInterrupt`` passes through after the workers are stopped.
    """
    options = options or BulkOptions()
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out)
    manifest = Manifest.load(out)
    settings = settings_key(options.parse)
    build = parser_build()
    summary = BulkSummary(out=out)
    failures: list[Failure] = []

    def done(outcome: DocumentOutcome) -> None:
        if outcome.failure is not None:
            failures.append(outcome.failure)
        if on_done is not None:
            on_done(outcome)

    hashed: list[Input] = []
    unreadable: list[Failure] = []
    for item in discover(sources, exclude=out):
        try:
            size = item.path.stat().st_size
            hashed.append(Input(item.path, item.rel, sha256=_sha256_file(item.path), size=size))
        except OSError as exc:
            error = "FileNotFoundError" if isinstance(exc, FileNotFoundError) else "OSError"
            unreadable.append(Failure(str(item.path), error, f"{item.path}: {exc.strerror}"))
    inputs = _name_inputs(hashed)
    summary.documents = len(inputs) + len(unreadable)
    if on_start is not None:
        on_start(summary.documents)
    for failure in unreadable:
        done(DocumentOutcome(failure.path, "failed", failure=failure))

    tasks: list[Task] = []
    for key, item in enumerate(inputs):
        if manifest.current(item.sha256, item.name, build, settings) is not None:
            summary.skipped += 1
            entry = manifest.entries[item.name]
            done(DocumentOutcome(str(item.path), "skipped", entry.pages, tuple(entry.kinds)))
        else:
            tasks.append(Task(key=key, path=str(item.path)))
    # Longest first: a big document started last would leave the other workers idle.
    tasks.sort(key=lambda t: (-inputs[t.key].size, t.key))

    def on_result(task: Task, result: DocumentResult) -> None:
        item = inputs[task.key]
        if result.error is not None:
            failure = Failure(task.path, result.error, result.message or "")
            done(DocumentOutcome(task.path, "failed", failure=failure))
            return
        files = output_files(item.name, len(result.meetings))
        for fname, text in zip(files, result.meetings, strict=True):
            write_atomic(out / fname, text)
        previous = manifest.entries.get(item.name)
        if previous is not None:  # a changed document that now holds fewer meetings
            for stale in set(previous.files) - set(files):
                (out / stale).unlink(missing_ok=True)
        manifest.append(
            ManifestEntry(
                sha256=result.sha256 or item.sha256,
                name=item.name,
                source=task.path,
                parser_version=build,
                settings=settings,
                files=files,
                pages=result.pages,
                kinds=result.kinds,
            )
        )
        summary.converted += 1
        summary.converted_pages += result.pages
        done(DocumentOutcome(task.path, "converted", result.pages, tuple(result.kinds)))

    if tasks:
        summary.workers_started = _run(tasks, options, on_result)

    manifest.compact()
    summary.failures = sorted(failures, key=lambda f: (f.path, f.error))
    summary.failed = len(summary.failures)
    _write_errors(out, summary.failures)
    current = [
        e
        for item in inputs
        if (e := manifest.current(item.sha256, item.name, build, settings)) is not None
    ]
    for entry in current:
        summary.pages += entry.pages
        for kind in entry.kinds:
            summary.kinds[kind] = summary.kinds.get(kind, 0) + 1
    summary.files = [out / f for entry in current for f in entry.files]
    summary.meetings = len(summary.files)
    _write_meetings_jsonl(out, summary.files)
    summary.elapsed = time.perf_counter() - started
    return summary


def _run(
    tasks: list[Task], options: BulkOptions, on_result: Callable[[Task, DocumentResult], None]
) -> int:
    """Run the tasks on the chosen executor; the number of worker processes started."""
    if options.executor == "dask":
        if not options.scheduler:
            raise ConfigurationError("the dask executor needs a scheduler address")
        from .bulk_dask import run_dask

        # A Dask worker process per core is the documented set-up: one Tesseract each.
        parse = worker_options(options.parse, os.cpu_count() or 1)
        run_dask(tasks, parse, options.scheduler, timeout=options.timeout, on_result=on_result)
        return 0
    if options.executor != "local":
        raise ConfigurationError(f"unknown executor {options.executor!r} (local or dask)")
    from .bulk_pool import WorkerPool

    jobs = options.jobs or os.cpu_count() or 1
    if jobs < 1:
        raise ConfigurationError("jobs must be at least 1")
    pool = WorkerPool(
        worker_options(options.parse, jobs),
        jobs=jobs,
        timeout=options.timeout,
        max_memory_mb=options.max_memory_mb,
    )
    pool.run(tasks, on_result)
    return pool.started_workers


def worker_options(options: ParseOptions, workers: int) -> ParseOptions:
    """The options each of ``workers`` processes on this machine parses with: unless the
    caller chose, OCR gets this worker's share of the CPUs, since the workers already use
    all of them and each running a CPU-count of Tesseracts would oversubscribe the machine."""
    if options.ocr_threads is not None:
        return options
    share = max(1, (os.cpu_count() or 1) // max(1, workers))
    return dataclasses.replace(options, ocr_threads=share)


def _write_errors(out: Path, failures: Sequence[Failure]) -> None:
    path = out / "errors.jsonl"
    if failures:
        write_atomic(
            path, "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in failures)
        )
    else:
        path.unlink(missing_ok=True)


def _write_meetings_jsonl(out: Path, files: Sequence[Path]) -> None:
    """All meetings, one compact line each, streamed to a temp file then swapped in."""
    path = out / "meetings.jsonl"
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for f in files:
            data = json.loads(f.read_text(encoding="utf-8"))
            fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    tmp.replace(path)
