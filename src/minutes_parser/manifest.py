"""The conversion manifest: which documents an output folder already holds, by content hash.

``manifest.jsonl`` lives in the output folder, one JSON record per converted document::

    {"sha256": "...", "name": "sub/minutes", "source": "in/sub/minutes.pdf",
     "parser_version": "0.1.0+3f9a0c1d2e4b", "settings": "engine=auto;ocr=auto;dates=auto",
     "files": ["sub/minutes.json"], "pages": 12, "kinds": ["minutes"]}

A document is current when a record has its sha256 *and* its output name (two copies of one
file under different names each get their own JSON, whose ``source.path`` differs), the same
parser build (version and code digest, :func:`minutes_parser.bulk.parser_build`) and settings,
and all its files exist. Records are appended one line per
``write(2)`` as each document finishes, so a run killed at any moment leaves at worst a torn
last line, which :meth:`Manifest.load` ignores; :meth:`Manifest.compact` rewrites the file
(temp file + ``os.replace``) with one record per output name at the end of a run.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = [
    "MANIFEST_NAME",
    "Manifest",
    "ManifestEntry",
    "remove_stale_temp_files",
    "temp_path",
    "write_atomic",
]

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.jsonl"


_TEMP_COUNTER = itertools.count()
_TEMP_PREFIX_BYTES = 40


def temp_path(path: Path) -> Path:
    """A temp name beside ``path``, unique to this process and this call, and short.

    Short: the target's name may already be ``NAME_MAX`` bytes long, so only a prefix of it is
    kept (enough to tell what is being written). Unique: two runs on one output folder, or two
    threads of one, must never share a temp file, or one's ``os.replace`` takes the other's
    file away. The pid comes last but one so that a stale temp file of a killed run can be told
    from a live run's (see :func:`remove_stale_temp_files`)."""
    prefix = path.name.encode("utf-8", "surrogatepass")[:_TEMP_PREFIX_BYTES]
    readable = prefix.decode("utf-8", "ignore")
    return path.with_name(f".{readable}~{next(_TEMP_COUNTER)}.{os.getpid()}.tmp")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``path`` so that readers (and a later run) see the old file or the new one, never
    a part: a temp file in the same folder (:func:`temp_path`), then ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)  # os.replace: atomic within one filesystem
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files that ``write_atomic`` left behind in a run that was killed."""
    removed = 0
    for tmp in folder.rglob(".*.tmp"):
        pid = tmp.name.rsplit(".", 2)[-2]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


@dataclass(frozen=True)
class ManifestEntry:
    sha256: str
    name: str
    """Output name relative to the output folder, without ``.json``."""
    source: str
    parser_version: str
    settings: str
    files: list[str] = field(default_factory=list)
    pages: int = 0
    kinds: list[str] = field(default_factory=list)

    def to_line(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True) + "\n"


class Manifest:
    """The records of one output folder, latest record per output name."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        self.entries: dict[str, ManifestEntry] = {}

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        manifest = cls(folder)
        if not manifest.path.exists():
            return manifest
        with manifest.path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                try:
                    entry = ManifestEntry(**json.loads(line))
                except (ValueError, TypeError):
                    # A torn last line from a killed run (or a hand edit): that document is
                    # simply converted again.
                    log.warning("%s:%d: ignoring an unreadable manifest line", manifest.path, n)
                    continue
                manifest.entries[entry.name] = entry
        return manifest

    def current(
        self, sha256: str, name: str, parser_version: str, settings: str
    ) -> ManifestEntry | None:
        """The record of this exact conversion, if its files are all still there."""
        entry = self.entries.get(name)
        if (
            entry is None
            or entry.sha256 != sha256
            or entry.parser_version != parser_version
            or entry.settings != settings
        ):
            return None
        if not all((self.folder / f).is_file() for f in entry.files):
            return None
        return entry

    def append(self, entry: ManifestEntry) -> None:
        """Record one finished document: one ``write(2)`` of one whole line, appended."""
        self.entries[entry.name] = entry
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, entry.to_line().encode("utf-8"))
        finally:
            os.close(fd)

    def compact(self) -> None:
        """Rewrite the file with one record per output name, sorted (atomically)."""
        write_atomic(self.path, "".join(e.to_line() for _, e in sorted(self.entries.items())))
