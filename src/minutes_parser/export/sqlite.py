"""The SQLite archive (stdlib ``sqlite3``): one file, updated document by document.

Re-running :func:`write_sqlite` over the same archive is incremental: each document written
replaces every row it had before — found by its source path (so an edited file, same path and
new sha256, loses its old meetings) and by meeting id (so a renamed or copied file does not
duplicate them) — and rows of documents not passed in are left alone. Child rows go through
``ON DELETE CASCADE`` foreign keys, so removing a meeting removes everything hanging off it.
Extra tables (the action register) describe the whole archive, not one document, and are
rebuilt on every write that passes them. The whole write is one transaction.

Two runs may write one archive at once: the second waits for the first's transaction for up
to ``timeout`` seconds (:data:`BUSY_TIMEOUT` by default) and then raises
:class:`~minutes_parser.errors.ArchiveLockedError`, never a bare ``sqlite3`` error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ..errors import ArchiveLockedError, ConfigurationError
from ..models import Meeting
from .schema import ARCHIVE_VERSION, Column, ColumnType, Table, TableSpec
from .tables import CORE_TABLES, meeting_tables

__all__ = ["BUSY_TIMEOUT", "SQLITE_MAGIC", "WriteSummary", "sqlite_tables", "write_sqlite"]

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT = 30.0
"""Seconds a write waits for another process's transaction on the archive (sqlite3's own
default, 5 s, is shorter than one large convert's write)."""

_SQL_TYPES: dict[ColumnType, str] = {
    "text": "TEXT",
    "integer": "INTEGER",
    "real": "REAL",
    # SQLite has no boolean or date storage; the declared names still tell readers (and
    # read_archive) what the 0/1 integers and ISO strings mean.
    "boolean": "BOOLEAN",
    "date": "DATE",
}
_FROM_SQL: dict[str, ColumnType] = {v: k for k, v in _SQL_TYPES.items()}


@dataclass(frozen=True)
class WriteSummary:
    """What a write did, counted in documents."""

    added: int = 0
    replaced: int = 0
    """Documents whose path was already in the archive with a different sha256."""
    unchanged: int = 0
    """Documents already archived with the same sha256 (their rows are rewritten, not doubled)."""
    meetings: int = 0


def _create_sql(spec: TableSpec) -> list[str]:
    cols = [
        f"{c.name} {_SQL_TYPES[c.type]}{'' if c.nullable else ' NOT NULL'}" for c in spec.columns
    ]
    if spec.primary_key:
        cols.append(f"PRIMARY KEY ({', '.join(spec.primary_key)})")
    for fk in spec.foreign_keys:
        cols.append(
            f"FOREIGN KEY ({', '.join(fk.columns)}) REFERENCES {fk.table} "
            f"({', '.join(fk.references)}) ON DELETE CASCADE"
        )
    out = [f"CREATE TABLE IF NOT EXISTS {spec.name} (\n  " + ",\n  ".join(cols) + "\n)"]
    for ix in spec.indexes:
        out.append(
            f"CREATE INDEX IF NOT EXISTS ix_{spec.name}_{'_'.join(ix)} "
            f"ON {spec.name} ({', '.join(ix)})"
        )
    return out


def _insert(conn: sqlite3.Connection, table: Table) -> None:
    names = table.spec.column_names
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn.executemany(sql, table.records())


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if version == 0 and not has_tables:
        conn.execute(f"PRAGMA user_version = {ARCHIVE_VERSION}")
    elif version != ARCHIVE_VERSION:
        raise ConfigurationError(
            f"{path}: not a minutes_parser archive of version {ARCHIVE_VERSION} "
            f"(found user_version {version}); write to a new file"
        )


def _classify(
    conn: sqlite3.Connection, documents: set[tuple[str | None, str]]
) -> tuple[int, int, int]:
    """(added, replaced, unchanged) for the incoming ``(path, sha256)`` documents."""
    added = replaced = unchanged = 0
    for path, sha in documents:
        # A document read from a string has no path; its sha256 is all that identifies it.
        column, value = ("source_path", path) if path is not None else ("document_sha256", sha)
        old = {
            row[0]
            for row in conn.execute(
                f"SELECT document_sha256 FROM meetings WHERE {column} = ?", (value,)
            )
        }
        if not old:
            added += 1
        elif old == {sha}:
            unchanged += 1
        else:
            replaced += 1
    return added, replaced, unchanged


def write_sqlite(
    meetings: Iterable[Meeting],
    path: str | Path,
    *,
    extra_tables: Sequence[Table] = (),
    timeout: float | None = None,
) -> WriteSummary:
    """Write ``meetings`` into the SQLite archive at ``path`` (created when missing).

    ``timeout``: seconds to wait while another process holds the archive locked
    (default :data:`BUSY_TIMEOUT`); after that :class:`ArchiveLockedError` is raised."""
    path = Path(path)
    wait = BUSY_TIMEOUT if timeout is None else timeout
    tables = meeting_tables(meetings)
    core = {spec.name for spec in CORE_TABLES}
    clash = [t.name for t in extra_tables if t.name in core]
    if clash:
        raise ConfigurationError(f"extra tables may not replace core tables: {clash}")
    try:
        with closing(sqlite3.connect(path, timeout=wait, isolation_level=None)) as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            # Outside the try: a BEGIN that timed out opened no transaction to roll back.
            conn.execute("BEGIN IMMEDIATE")
            try:
                added, replaced, unchanged = _replace_rows(conn, path, tables, extra_tables)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise ArchiveLockedError(
            f"the archive is locked by another process (waited {wait:g}s): {exc}; "
            "try again when the other write has finished",
            path=path,
        ) from exc
    return WriteSummary(added, replaced, unchanged, len(tables["meetings"].rows))


def _replace_rows(
    conn: sqlite3.Connection, path: Path, tables: dict[str, Table], extra_tables: Sequence[Table]
) -> tuple[int, int, int]:
    """Inside the write's transaction: (added, replaced, unchanged) documents."""
    rows = tables["meetings"].rows
    documents = {(r["source_path"], r["document_sha256"]) for r in rows}
    paths = sorted({p for p, _ in documents if p is not None})
    ids = [r["meeting_id"] for r in rows]
    _check_version(conn, path)
    for spec in CORE_TABLES:
        for stmt in _create_sql(spec):
            conn.execute(stmt)
    added, replaced, unchanged = _classify(conn, documents)
    # Chunked: SQLite caps the number of bound parameters in one statement.
    for column, values in (("source_path", paths), ("meeting_id", ids)):
        for k in range(0, len(values), 500):
            chunk = values[k : k + 500]
            conn.execute(
                f"DELETE FROM meetings WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk
            )
    for table in tables.values():
        _insert(conn, table)
    for table in extra_tables:
        conn.execute(f"DROP TABLE IF EXISTS {table.name}")
        for stmt in _create_sql(table.spec):
            conn.execute(stmt)
        _insert(conn, table)
    return added, replaced, unchanged


def sqlite_tables(path: str | Path) -> list[tuple[TableSpec, list[tuple[object, ...]]]]:
    """Every table in the archive with its column types (from the declared SQL types)."""
    out = []
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
            )
        ]
        for name in names:
            info = conn.execute(f"PRAGMA table_info({name})").fetchall()
            columns = tuple(Column(r[1], _FROM_SQL.get(str(r[2]).upper(), "text")) for r in info)
            key = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
            spec = TableSpec(name=name, columns=columns, primary_key=key)
            cols = ", ".join(c.name for c in columns)
            order = ", ".join(key) if key else "rowid"
            rows = conn.execute(f"SELECT {cols} FROM {name} ORDER BY {order}").fetchall()
            out.append((spec, rows))
    return out
