"""The unit of work of a conversion: a :class:`Task` sent to a worker (local or Dask), the
:class:`DocumentResult` it sends back, and :func:`convert_document`, which turns one into the
other and never raises.

Both executors (:mod:`.pool`, :mod:`.dask_executor`) import this module and nothing else of
the package, and :mod:`.archive` imports them: no import circle.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass, field

from ..errors import MinutesParserError
from ..loaders import load
from ..options import ParseOptions
from ..pipeline import check_source, extract_meetings

__all__ = ["DocumentResult", "Task", "convert_document"]


@dataclass(frozen=True)
class Task:
    """What a worker is sent: a path (the worker reads the file) and a key back to the input."""

    key: int
    path: str
    source: str = ""
    """What ``source.path`` records (see :class:`Input`); the path itself when empty."""


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


def convert_document(
    path: str, options: ParseOptions, data: bytes | None = None, *, source: str | None = None
) -> DocumentResult:
    """Parse one document (from ``data`` if given, else from ``path``), never raising.

    ``source`` is what the meetings' ``source.path`` records (default: ``path``). This is the
    unit of work a local worker or a Dask worker runs: every exception becomes a failed
    result, so one bad document costs one document.
    """
    started = time.perf_counter()
    load_options = options.load_options(source or path)
    try:
        if data is None:
            check_source(path)  # a file gone since discovery: the error ``parse`` gives
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
