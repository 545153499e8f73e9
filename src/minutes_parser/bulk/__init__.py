"""Bulk conversion of an archive: parallel, resumable, fault-isolated.

One module per part, each importing only those above it, so there is no import circle:

- :mod:`.inputs`   which files a set of paths, folders and globs names, and the output name
                   each gets (collisions, long and undecodable names settled up front);
- :mod:`.task`     the unit of work: a :class:`Task`, the :class:`DocumentResult` a worker
                   sends back, and :func:`convert_document`, which never raises;
- :mod:`.pool`     the local executor: forkserver worker processes with timeouts and
                   memory caps;
- :mod:`.dask_executor`  the same tasks on a Dask cluster;
- :mod:`.archive`  :func:`convert_archive`: discovery, the manifest, atomic writes, the summary.

Everything a caller needs is importable from ``minutes_parser.bulk`` itself.
"""

from __future__ import annotations

from .archive import (
    BulkOptions,
    BulkSummary,
    DocumentOutcome,
    Failure,
    convert_archive,
    parser_build,
    settings_key,
    worker_options,
)
from .inputs import Input, discover, output_files
from .task import DocumentResult, Task, convert_document

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
    "output_files",
    "parser_build",
    "settings_key",
    "worker_options",
]
