"""Bulk conversion of an archive: parallel, resumable, fault-isolated.

:func:`convert_archive` turns files, folders (searched recursively) and glob patterns into one
JSON file per meeting in an output folder, plus:

- ``meetings.jsonl``  every meeting of the run's documents, one compact line each, in output
                      name order (same input, same bytes, whatever the number of workers);
- ``errors.jsonl``    one line per document that failed (path, error, message), by path;
- ``manifest.jsonl``  what has been converted, by sha256 (see :mod:`minutes_parser.manifest`):
                      a re-run converts only new or changed documents, or all of them after
                      a parser upgrade or with other settings.

Documents are parsed in worker processes (:mod:`.pool`, or a Dask cluster
with :mod:`.dask_executor`) and every file is written by this process, atomically, as
each result arrives; a document's manifest record is appended only after its files are in
place. So a run killed at any point leaves only whole files, and the next run redoes exactly
the documents whose record is missing.

Output names mirror the input's path below the folder it was found in (``SRC/a/b.pdf`` ->
``OUT/a/b.json``; a file named directly -> ``OUT/b.json``); collisions, long and undecodable
names are settled before anything is written (:mod:`.inputs`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import ConfigurationError, DocumentNotFoundError
from ..manifest import Manifest, ManifestEntry, remove_stale_temp_files, temp_path, write_atomic
from ..names import display_text
from ..options import ParseOptions
from ..pipeline import PARSER_VERSION
from .inputs import Input, OutputNames, scan
from .inputs import name_inputs as _name_inputs
from .pool import WorkerPool
from .task import DocumentResult, Task

__all__ = [
    "BulkOptions",
    "BulkSummary",
    "DocumentOutcome",
    "Failure",
    "convert_archive",
    "parser_build",
    "settings_key",
    "worker_options",
]

Executor = Literal["local", "dask"]


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
    package = Path(__file__).parents[1]  # minutes_parser/, not just bulk/
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def settings_key(options: ParseOptions) -> str:
    """The options that change the output: a manifest record is current only under the same."""
    key = f"engine={options.pdf_engine};ocr={options.ocr};dates={options.date_order}"
    return key + (";model=on" if options.model else "")


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
    hidden: int = 0
    """Files passed over because their name (or a folder's) starts with a dot."""
    not_documents: int = 0
    """Files passed over by their suffix as not documents (``logo.png``, ``data.csv``)."""
    renamed: list[tuple[str, str]] = field(default_factory=list)
    """(wanted, given) output files moved off another document's name (see ``OutputNames``)."""


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
    found = scan(sources, exclude=out)
    if not found.inputs:
        why = "; ".join(f"{src} {reason}" for src, reason in found.empty) or "no sources given"
        raise ConfigurationError(f"no documents to convert: {why}")
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out)
    manifest = Manifest.load(out)
    settings = settings_key(options.parse)
    build = parser_build()
    summary = BulkSummary(out=out, hidden=found.hidden, not_documents=found.not_documents)
    failures: list[Failure] = []

    def done(outcome: DocumentOutcome) -> None:
        if outcome.failure is not None:
            failures.append(outcome.failure)
        if on_done is not None:
            on_done(outcome)

    hashed: list[Input] = []
    unreadable = [
        Failure(src, DocumentNotFoundError.__name__, f"{src}: {why}") for src, why in found.empty
    ]
    for item in found.inputs:
        shown = display_text(str(item.path))
        try:
            size = item.path.stat().st_size
            sha = _sha256_file(item.path)
        except FileNotFoundError:  # the error ``parse`` gives a missing file
            unreadable.append(
                Failure(shown, DocumentNotFoundError.__name__, f"{shown}: no such file")
            )
            continue
        except OSError as exc:
            unreadable.append(Failure(shown, "OSError", f"{shown}: {exc.strerror}"))
            continue
        hashed.append(dataclasses.replace(item, sha256=sha, size=size))
    inputs = [_inside(out, item) for item in _name_inputs(hashed)]
    names = OutputNames(inputs)
    summary.documents = len(inputs) + len(unreadable)
    if on_start is not None:
        on_start(summary.documents)
    for failure in unreadable:
        done(DocumentOutcome(failure.path, "failed", failure=failure))

    def current(item: Input) -> ManifestEntry | None:
        entry = manifest.current(item.sha256, item.name, build, settings)
        # Files named before another document claimed one of their names are redone.
        if entry is None or entry.files != names.files(item, len(entry.files)):
            return None
        return entry

    tasks: list[Task] = []
    for key, item in enumerate(inputs):
        if (entry := current(item)) is not None:
            summary.skipped += 1
            shown = display_text(str(item.path))
            done(DocumentOutcome(shown, "skipped", entry.pages, tuple(entry.kinds)))
        else:
            tasks.append(Task(key=key, path=str(item.path), source=item.source))
    # Longest first: a big document started last would leave the other workers idle.
    tasks.sort(key=lambda t: (-inputs[t.key].size, t.key))

    def on_result(task: Task, result: DocumentResult) -> None:
        item = inputs[task.key]
        shown = display_text(task.path)
        if result.error is not None:
            failure = Failure(shown, result.error, display_text(result.message or ""))
            done(DocumentOutcome(shown, "failed", failure=failure))
            return
        files = names.files(item, len(result.meetings))
        for fname, text in zip(files, result.meetings, strict=True):
            write_atomic(out / fname, text)
        previous = manifest.entries.get(item.name)
        if previous is not None:  # a changed document that now holds fewer meetings
            for stale in set(previous.files) - set(files):
                if not names.owned_by_another(item, stale):
                    (out / stale).unlink(missing_ok=True)
        manifest.append(
            ManifestEntry(
                sha256=result.sha256 or item.sha256,
                name=item.name,
                source=shown,
                parser_version=build,
                settings=settings,
                files=files,
                pages=result.pages,
                kinds=result.kinds,
            )
        )
        summary.converted += 1
        summary.converted_pages += result.pages
        done(DocumentOutcome(shown, "converted", result.pages, tuple(result.kinds)))

    if tasks:
        summary.workers_started = _run(tasks, options, on_result)

    manifest.compact()
    summary.failures = sorted(failures, key=lambda f: (f.path, f.error))
    summary.failed = len(summary.failures)
    _write_errors(out, summary.failures)
    for item in inputs:
        if (entry := current(item)) is None:
            continue
        summary.pages += entry.pages
        for kind in entry.kinds:
            summary.kinds[kind] = summary.kinds.get(kind, 0) + 1
        summary.files += [out / f for f in entry.files]
        summary.renamed += names.renamed(item, entry.files)
    summary.meetings = len(summary.files)
    _write_meetings_jsonl(out, summary.files)
    summary.elapsed = time.perf_counter() - started
    return summary


def _inside(out: Path, item: Input) -> Input:
    """``item`` with a name whose folder is really inside ``out``: a subfolder of ``out`` that
    is a link to elsewhere would take the output outside, so such a name is flattened into
    ``out`` itself (``a/b`` -> ``a%2Fb``)."""
    if "/" not in item.name or (out / item.name).parent.resolve().is_relative_to(out.resolve()):
        return item
    return dataclasses.replace(item, name=item.name.replace("/", "%2F"))


def _run(
    tasks: list[Task], options: BulkOptions, on_result: Callable[[Task, DocumentResult], None]
) -> int:
    """Run the tasks on the chosen executor; the number of worker processes started."""
    if options.executor == "dask":
        if not options.scheduler:
            raise ConfigurationError("the dask executor needs a scheduler address")
        from .dask_executor import run_dask

        # A Dask worker process per core is the documented set-up: one Tesseract each.
        parse = worker_options(options.parse, os.cpu_count() or 1)
        run_dask(tasks, parse, options.scheduler, timeout=options.timeout, on_result=on_result)
        return 0
    if options.executor != "local":
        raise ConfigurationError(f"unknown executor {options.executor!r} (local or dask)")
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
        # display_text again: a Failure built by a caller may still carry undecodable bytes.
        lines = (
            json.dumps({k: display_text(v) for k, v in f.to_dict().items()}, ensure_ascii=False)
            for f in failures
        )
        write_atomic(path, "".join(line + "\n" for line in lines))
    else:
        path.unlink(missing_ok=True)


def _write_meetings_jsonl(out: Path, files: Sequence[Path]) -> None:
    """All meetings, one compact line each, streamed to a temp file then swapped in."""
    path = out / "meetings.jsonl"
    tmp = temp_path(path)
    with tmp.open("w", encoding="utf-8") as fh:
        for f in files:
            data = json.loads(f.read_text(encoding="utf-8"))
            fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    tmp.replace(path)
