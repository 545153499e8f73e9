"""The archive's table definitions, kept as data so every writer and reader agrees on them.

A :class:`TableSpec` names a table's columns (with a portable type), its primary key, foreign
keys and indexes. SQLite turns it into ``CREATE TABLE`` statements, the CSV and Parquet writers
into ``schema.json`` and Arrow schemas, and :func:`~minutes_parser.export.read_archive` uses it
to give every format the same pandas dtypes. A :class:`Table` is a spec plus its rows; tables
other modules produce (the reconciler's action register) are passed to the writers as
``extra_tables`` and built with :meth:`Table.from_records`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from ..errors import ConfigurationError
from ..rules.io import ARCHIVE_NAME

__all__ = [
    "ARCHIVE_VERSION",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Row",
    "Table",
    "TableSpec",
]

ARCHIVE_VERSION = 2
"""Bumped whenever a core table changes shape; a writer refuses to mix versions in one file.
2: resolutions, actions and action updates carry ``source`` ("rule" or "model") and the
learned layer's ``confidence``."""

ColumnType = Literal["text", "integer", "real", "boolean", "date"]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = "text"
    nullable: bool = True


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    per_document: bool = True
    """Rows belong to one meeting (replaced document by document); ``False`` for tables such
    as the action register that are rebuilt whole on every write."""

    def __post_init__(self) -> None:
        # Names end up in SQL and file names unquoted-safe only if they are plain identifiers.
        names = [self.name, *(c.name for c in self.columns)]
        bad = [n for n in names if not ARCHIVE_NAME.match(n)]
        if bad:
            raise ConfigurationError(f"table {self.name!r}: not plain identifiers: {bad}")
        known = {c.name for c in self.columns}
        used = set(self.primary_key).union(*self.indexes)
        for fk in self.foreign_keys:
            used.update(fk.columns)
        if used - known:
            raise ConfigurationError(f"table {self.name!r}: unknown columns {sorted(used - known)}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def types(self) -> dict[str, ColumnType]:
        return {c.name: c.type for c in self.columns}

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written to ``schema.json`` beside CSV and Parquet tables."""
        return {
            "columns": {c.name: c.type for c in self.columns},
            "primary_key": list(self.primary_key),
            "foreign_keys": [
                {"columns": list(fk.columns), "table": fk.table, "references": list(fk.references)}
                for fk in self.foreign_keys
            ],
            "indexes": [list(ix) for ix in self.indexes],
            "per_document": self.per_document,
        }

    @classmethod
    def from_dict(cls, name: str, data: Mapping[str, Any]) -> TableSpec:
        return cls(
            name=name,
            columns=tuple(Column(n, t) for n, t in data["columns"].items()),
            primary_key=tuple(data.get("primary_key", ())),
            foreign_keys=tuple(
                ForeignKey(tuple(fk["columns"]), fk["table"], tuple(fk["references"]))
                for fk in data.get("foreign_keys", ())
            ),
            indexes=tuple(tuple(ix) for ix in data.get("indexes", ())),
            per_document=bool(data.get("per_document", True)),
        )


@dataclass
class Table:
    spec: TableSpec
    rows: list[Row] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.spec.name

    def records(self) -> list[tuple[Any, ...]]:
        """Rows as tuples in column order, values converted to what every format stores."""
        names = self.spec.column_names
        return [tuple(_plain(row.get(n)) for n in names) for row in self.rows]

    @classmethod
    def from_records(
        cls,
        name: str,
        rows: Sequence[Mapping[str, Any]],
        *,
        primary_key: Sequence[str] = (),
        indexes: Iterable[Sequence[str]] = (),
        columns: Sequence[str] | None = None,
    ) -> Table:
        """A whole-archive table (such as the action register) from plain dict rows.

        Column types are inferred from the values (``bool`` before ``int``, since ``bool`` is
        an ``int``); a column with only ``None`` is text.
        """
        names = list(columns) if columns is not None else _column_order(rows)
        spec = TableSpec(
            name=name,
            columns=tuple(Column(n, _infer_type(r.get(n) for r in rows)) for n in names),
            primary_key=tuple(primary_key),
            indexes=tuple(tuple(ix) for ix in indexes),
            per_document=False,
        )
        return cls(spec, [dict(r) for r in rows])


def _column_order(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for r in rows:
        seen.update(dict.fromkeys(r))
    return list(seen)


def _infer_type(values: Iterable[Any]) -> ColumnType:
    kinds: set[ColumnType] = set()
    for v in values:
        if v is None:
            continue
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("integer")
        elif isinstance(v, float):
            kinds.add("real")
        elif isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            kinds.add("date")
        else:
            kinds.add("text")
    if kinds == {"integer", "real"}:
        return "real"
    return kinds.pop() if len(kinds) == 1 else "text"


def _plain(value: Any) -> Any:
    """Enums to their value, dates to ISO text, lists to "; "-joined text.

    Empty text (and an empty list) becomes ``None``: CSV cannot tell ``""`` from a missing
    value, and storing one form keeps every format reading back the same.
    """
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(_plain(v)) for v in value)
    return None if value == "" else value
