"""Run a bulk conversion on a Dask cluster (``pip install "minutes-parser[dask]"``).

The client (the ``convert`` process) reads each file and ships its bytes to the cluster with
``scatter``, so workers need ``minutes_parser`` installed but not the input folder; every
result comes back as JSON text and is written by the client exactly as a local run writes it
(:func:`minutes_parser.bulk.convert_archive`), so the outputs are byte-identical.

At most one task per worker thread is in flight, which bounds the client's memory and makes
"submitted" mean "running" closely enough for the per-document timeout: a task past its
deadline is cancelled and reported as ``TimeoutError``. Dask cannot interrupt the thread that
runs it, so a worker stays busy until the document finishes; use the workers' own
``--memory-limit`` and ``--lifetime`` (the nanny restarts them) for memory caps and hung
threads. A worker that dies mid-task is retried by the scheduler
(``distributed.scheduler.allowed-failures``) and then reported as ``WorkerCrashed``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..options import ParseOptions
from .task import DocumentResult, Task, convert_document

__all__ = ["run_dask"]

log = logging.getLogger(__name__)


def run_dask(
    tasks: Sequence[Task],
    options: ParseOptions,
    scheduler: str,
    *,
    timeout: float | None,
    on_result: Callable[[Task, DocumentResult], None],
) -> None:
    try:
        # An optional extra: absent from a plain install (and from mypy's view of one).
        from distributed import Client, wait  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the install
        from ..errors import ConfigurationError

        raise ConfigurationError(
            'the dask executor needs dask.distributed: pip install "minutes-parser[dask]"'
        ) from exc

    limit = timeout if timeout and timeout > 0 else None
    pending = list(reversed(tasks))  # pop() from the end keeps the given order
    in_flight: dict[Any, tuple[Task, float]] = {}
    # The client is the current one inside the block only, which is what `wait` looks up.
    with Client(scheduler) as client:  # type: ignore[no-untyped-call, unused-ignore]
        window = max(1, sum(client.nthreads().values()))
        while pending or in_flight:
            while pending and len(in_flight) < window:
                task = pending.pop()
                try:
                    data = Path(task.path).read_bytes()
                except OSError as exc:
                    on_result(task, DocumentResult.failure(task.path, "OSError", str(exc)))
                    continue
                # scatter, not an argument: a large argument would be embedded in the graph.
                [remote] = client.scatter([data], hash=False)
                future = client.submit(
                    convert_document,
                    task.path,
                    options,
                    remote,
                    source=task.source or None,
                    pure=False,
                    retries=0,
                )
                in_flight[future] = (task, time.monotonic() + limit if limit else float("inf"))
            if not in_flight:
                continue
            next_deadline = min(d for _, d in in_flight.values())
            wait_for = None if next_deadline == float("inf") else next_deadline - time.monotonic()
            if wait_for is not None:
                wait_for = max(0.01, wait_for)
            try:
                finished = wait(  # type: ignore[no-untyped-call, unused-ignore]
                    list(in_flight), timeout=wait_for, return_when="FIRST_COMPLETED"
                )
            except (TimeoutError, asyncio.TimeoutError):  # the same class from Python 3.11
                finished = None
            for future in finished.done if finished is not None else ():
                task, _ = in_flight.pop(future)
                on_result(task, _collect(task, future))
            now = time.monotonic()
            for future, (task, deadline) in list(in_flight.items()):
                if now >= deadline:
                    del in_flight[future]
                    future.cancel()
                    log.warning("%s: no result after %ss; cancelled", task.path, limit)
                    on_result(
                        task,
                        DocumentResult.failure(
                            task.path,
                            "TimeoutError",
                            f"no result after {limit:g}s; the Dask task was cancelled",
                        ),
                    )


def _collect(task: Task, future: Any) -> DocumentResult:
    try:
        result = future.result()
    except Exception as exc:  # a worker that died, a lost connection: one document's failure
        name = type(exc).__name__
        error = "WorkerCrashed" if name == "KilledWorker" else name
        return DocumentResult.failure(task.path, error, f"{name}: {exc}")
    if not isinstance(result, DocumentResult):  # pragma: no cover - a mismatched worker install
        return DocumentResult.failure(task.path, "TypeError", f"unexpected result {result!r}")
    return result
