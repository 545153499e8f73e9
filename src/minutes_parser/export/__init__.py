"""Analyst outputs: meetings as normalised tables in SQLite, CSV, Parquet and pandas.

>>> from minutes_parser.export import write_sqlite, read_archive
>>> write_sqlite(meetings, "archive.sqlite")      # re-run it: changed documents are replaced
>>> frames = read_archive("archive.sqlite")       # {"meetings": DataFrame, "attendees": ...}

Tables (keys and columns: ``tables.py``): ``meetings`` (one row per meeting, with the
document's path and sha256), ``attendees``, ``agenda_items``, ``resolutions``, ``actions``,
``action_owners`` and ``action_updates``; child rows are keyed by ``(meeting_id, position)``.
Other whole-archive tables (the reconciler's action register) go in through ``extra_tables``::

    write_sqlite(meetings, "archive.sqlite",
                 extra_tables=[Table.from_records("action_register", register.rows(),
                                                  primary_key=["id"])])
"""

from __future__ import annotations

from ..errors import ArchiveLockedError
from .archive import read_archive
from .files import write_csv, write_parquet
from .frames import meeting_frames
from .schema import ARCHIVE_VERSION, Column, ForeignKey, Table, TableSpec
from .sqlite import WriteSummary, write_sqlite
from .tables import CORE_TABLES, meeting_id, meeting_tables

__all__ = [
    "ARCHIVE_VERSION",
    "CORE_TABLES",
    "ArchiveLockedError",
    "Column",
    "ForeignKey",
    "Table",
    "TableSpec",
    "WriteSummary",
    "meeting_frames",
    "meeting_id",
    "meeting_tables",
    "read_archive",
    "write_csv",
    "write_parquet",
    "write_sqlite",
]
