"""A small pool of worker processes that survives its workers: timeouts, crashes, memory caps.

``concurrent.futures.ProcessPoolExecutor`` marks the whole pool broken when one worker dies,
and cannot stop one task that hangs. Here each worker has its own pipe and the parent watches
every busy worker's pipe, its process sentinel and its deadline in one ``connection.wait``:

- a result arrives      -> handed to ``on_result``, the worker takes the next task;
- the sentinel fires    -> the worker crashed (segfault, ``abort``, the kernel's OOM killer):
                           the task is recorded as ``WorkerCrashed`` and the worker replaced;
- the deadline passes   -> the worker's process group is killed (OCR runs ``tesseract``
                           children), the task is recorded as ``TimeoutError``, worker replaced.

Workers are forked from a ``forkserver`` that has already imported the parser, so starting
or replacing one costs a fork and a warm-up (~0.3 s for the spaCy pipeline), not an
interpreter start; and the parent's threads (the progress bar) are never forked. A worker
caps its own address space with ``RLIMIT_AS`` (``max_memory_mb``), ignores ``SIGINT`` (the
parent decides what an interrupt means) and dies with the forkserver, which dies with the
parent, so a ``kill -9`` of the parent leaves no orphans running.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Protocol

from ..errors import ConfigurationError
from ..options import ParseOptions
from .task import DocumentResult, Task, convert_document

__all__ = ["WorkerPool"]

log = logging.getLogger(__name__)

# Imported once by the forkserver, so every worker starts with them loaded.
_PRELOAD = [
    "minutes_parser.pipeline",
    "minutes_parser.loaders.text",
    "minutes_parser.loaders.html",
    "minutes_parser.loaders.pdf",
    "minutes_parser.loaders.docx",
]
"""spaCy is not among them: only the learned layer (``--model``) uses it, and a worker whose
options turn the model on loads it in :func:`_warm_up`."""
RECYCLE_AFTER = 250
"""Documents a worker converts before it is replaced by a fresh one: whatever a long run
accumulates in one process (caches, spaCy's vocabulary of every word the learned layer has
seen, a fragmented heap) is dropped at the cost of one worker start (~0.15 s) per this many
documents."""
_HEADROOM = 64 * 2**20
"""Address space a worker needs beyond its warmed-up size to parse even a tiny document."""


def _address_space() -> int:
    with open("/proc/self/statm") as fh:  # noqa: PTH123 - Linux only, like RLIMIT_AS itself
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when its parent (the forkserver) exits."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _heap_trimmer() -> Callable[[], object]:
    """glibc's ``malloc_trim(0)``, or a no-op where there is none.

    After a document, the memory it used is free but stays in the worker's heap, fragmented
    around what survives (a rendered scan is tens of MB), so the next document's peak lands
    on top of it. Handing it back to the system after each document keeps a worker near
    its warmed-up size between documents."""
    try:
        import ctypes

        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    return lambda: trim(0)


def _warm_up(options: ParseOptions) -> None:
    """Load the learned model once per worker, when the options turn it on, instead of inside
    the first document's time (and before the memory limit is measured against the worker's
    size). The rules need nothing loaded."""
    if options.model:
        from ..learn.score import load_model

        load_model()


class Work(Protocol):
    """What a worker runs per document: :func:`convert_document`, or a stand-in in tests."""

    def __call__(
        self, path: str, options: ParseOptions, *, source: str | None = None
    ) -> DocumentResult: ...


_MAIN_GUARD_HINT = (
    "worker processes import the main module again, so a script that calls convert_archive "
    "must do so under `if __name__ == '__main__':`"
)


def _worker_main(
    conn: Connection, work: Work, options: ParseOptions, max_memory_mb: int | None
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.setpgid(0, 0)  # its own process group, so a timeout kills tesseract children too
    _die_with_parent()
    _warm_up(options)
    size = 0
    with contextlib.suppress(OSError):
        size = _address_space()
    if max_memory_mb:
        limit = max_memory_mb * 2**20
        if size and limit < size + _HEADROOM:
            conn.send(("too_small", size))
            return
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send(("ready", size))
    release_memory = _heap_trimmer()
    while True:
        try:
            task: Task | None = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        try:
            result = work(task.path, options, source=task.source or None)
        except Exception as exc:  # convert_document never raises; a stand-in might
            result = DocumentResult.failure(task.path, type(exc).__name__, repr(exc))
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
        release_memory()
        if result.error == "MemoryError":
            return  # a heap that hit the cap is not worth reusing; the parent starts a fresh one


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: Task | None = None
    deadline: float = float("inf")
    ready: bool = False
    retired: bool = False
    done: int = 0
    """Documents it has finished."""


class WorkerPool:
    """Run :func:`convert_document` over tasks in ``jobs`` isolated worker processes."""

    def __init__(
        self,
        options: ParseOptions,
        *,
        jobs: int,
        timeout: float | None = None,
        max_memory_mb: int | None = None,
        work: Work = convert_document,
        max_tasks_per_worker: int | None = RECYCLE_AFTER,
    ) -> None:
        self.options = options
        self.work = work
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.max_memory_mb = max_memory_mb
        self.max_tasks_per_worker = max_tasks_per_worker
        self.started_workers = 0
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(_PRELOAD)
        self._workers: list[_Worker] = []

    def run(self, tasks: Iterable[Task], on_result: Callable[[Task, DocumentResult], None]) -> None:
        """Convert every task; ``on_result`` gets each result (or failure) in completion order."""
        pending = deque(tasks)
        try:
            while len(self._workers) < min(self.jobs, len(pending)):
                self._workers.append(self._start())
            while pending or any(w.task is not None for w in self._workers):
                for worker in self._workers:
                    if worker.task is None and worker.ready and pending:
                        self._assign(worker, pending.popleft())
                self._step(pending, on_result)
        finally:
            self.close()

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                self._kill(worker)
            worker.conn.close()
        self._workers.clear()

    def _start(self) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main,
            args=(child_conn, self.work, self.options, self.max_memory_mb),
            name="minutes-parser-worker",
            daemon=True,
        )
        try:
            process.start()
        except RuntimeError as exc:
            # Raised in a worker that is re-running an unguarded script (the worker imports
            # the main module): the multiprocessing text that follows never names our call.
            if "bootstrapping" not in str(exc):
                raise
            raise ConfigurationError(
                f"convert_archive was called on import: {_MAIN_GUARD_HINT}"
            ) from None
        child_conn.close()
        self.started_workers += 1
        return _Worker(process=process, conn=parent_conn)

    def _assign(self, worker: _Worker, task: Task) -> None:
        worker.task = task
        worker.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        # If it died between tasks, its sentinel fires next and the task is failed then.
        with contextlib.suppress(OSError):
            worker.conn.send(task)

    def _step(
        self, pending: deque[Task], on_result: Callable[[Task, DocumentResult], None]
    ) -> None:
        deadline = min((w.deadline for w in self._workers if w.task is not None), default=None)
        if deadline == float("inf"):
            deadline = None  # no --timeout: wait for as long as it takes
        wait_for = None if deadline is None else max(0.0, deadline - time.monotonic())
        handles: list[Connection | int] = []
        for w in self._workers:
            handles += [w.conn, w.process.sentinel]
        ready = set(wait(handles, timeout=wait_for))
        for i, worker in enumerate(list(self._workers)):
            if worker.conn in ready or worker.process.sentinel in ready:
                message = self._receive(worker)
                if isinstance(message, DocumentResult):
                    task, worker.task = worker.task, None
                    if task is not None:
                        on_result(task, message)
                    worker.done += 1
                    limit = self.max_tasks_per_worker
                    spent = limit is not None and worker.done >= limit
                    if message.error == "MemoryError" or spent:
                        self._replace(i, worker, pending)
                elif message is None:  # died
                    task, worker.task = worker.task, None
                    if task is not None:
                        on_result(task, self._crash_result(task, worker))
                    elif not worker.ready:
                        worker.process.join(timeout=1)
                        # The usual cause, and the one a caller can fix: the worker re-ran a
                        # script that starts a conversion when imported.
                        raise ConfigurationError(
                            f"a worker process exited before it was ready (exit code "
                            f"{worker.process.exitcode}; its error is printed above); "
                            f"if this is a script, note that {_MAIN_GUARD_HINT}"
                        )
                    self._replace(i, worker, pending)
            elif worker.task is not None and time.monotonic() >= worker.deadline:
                task, worker.task = worker.task, None
                log.warning("%s: no result after %ss; killing its worker", task.path, self.timeout)
                self._kill(worker)
                on_result(
                    task,
                    DocumentResult.failure(
                        task.path,
                        "TimeoutError",
                        f"no result after {self.timeout:g}s; the worker was killed",
                    ),
                )
                self._replace(i, worker, pending)
        self._workers = [w for w in self._workers if not w.retired]

    def _receive(self, worker: _Worker) -> DocumentResult | str | None:
        """The worker's next message: a result, ``"ready"``, or ``None`` if it has died."""
        try:
            if not worker.conn.poll():
                if worker.process.is_alive():
                    return "spurious"
                return None
            message = worker.conn.recv()
        except (EOFError, OSError):
            return None
        if isinstance(message, tuple):
            kind, size = message
            if kind == "too_small":
                raise ConfigurationError(
                    f"--max-memory {self.max_memory_mb} MB is below what a worker needs: it "
                    f"uses {size / 2**20:.0f} MB of address space before its first document"
                )
            worker.ready = True
            return "ready"
        if isinstance(message, DocumentResult):
            return message
        return None

    def _crash_result(self, task: Task, worker: _Worker) -> DocumentResult:
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            how = f"killed by {name}"
            if -code == signal.SIGKILL:
                how += " (out of memory?)"
        else:
            how = f"exited with code {code}"
        return DocumentResult.failure(task.path, "WorkerCrashed", f"the worker {how}")

    def _kill(self, worker: _Worker) -> None:
        pid = worker.process.pid
        if pid is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        worker.process.join(timeout=5)

    def _replace(self, index: int, worker: _Worker, pending: deque[Task]) -> None:
        """Retire a dead, killed or spent worker; start a new one only if there is work left."""
        if worker.process.is_alive():
            with contextlib.suppress(OSError):
                worker.conn.send(None)  # an idle worker leaves when asked
            worker.process.join(timeout=2)
        if worker.process.is_alive():
            self._kill(worker)
        worker.conn.close()
        if pending:
            self._workers[index] = self._start()
        else:
            worker.retired = True
