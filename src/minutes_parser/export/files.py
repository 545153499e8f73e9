"""CSV and Parquet archives: a folder with one file per table and a ``schema.json``.

``schema.json`` records the archive version, the format and every table's column types and
keys, so :func:`~minutes_parser.export.read_archive` gives the same dtypes as from SQLite (CSV
has no types of its own) and can tell the folder is an archive. Unlike the SQLite writer these
rewrite the whole folder from the meetings given: they are snapshots, not a store.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigurationError
from ..manifest import temp_path
from ..models import Meeting
from .schema import ARCHIVE_VERSION, ColumnType, Table, TableSpec
from .tables import meeting_tables

__all__ = ["SCHEMA_FILE", "read_folder", "write_csv", "write_parquet"]

SCHEMA_FILE = "schema.json"
FolderFormat = Literal["csv", "parquet"]

_PARQUET_HINT = "Parquet needs pyarrow: pip install minutes-parser[notebook]"


def _all_tables(meetings: Iterable[Meeting], extra: Sequence[Table]) -> list[Table]:
    tables = list(meeting_tables(meetings).values())
    clash = {t.name for t in tables} & {t.name for t in extra}
    if clash:
        raise ConfigurationError(f"extra tables may not replace core tables: {sorted(clash)}")
    return [*tables, *extra]


def _write_schema(folder: Path, fmt: FolderFormat, tables: Sequence[Table]) -> None:
    data = {
        "archive_version": ARCHIVE_VERSION,
        "format": fmt,
        "tables": {t.name: t.spec.to_dict() for t in tables},
    }
    _replace(folder / SCHEMA_FILE, lambda p: p.write_text(json.dumps(data, indent=2) + "\n"))


def _replace(path: Path, write: Any) -> None:
    """Write beside ``path`` and rename, so a reader never sees half a table."""
    # A name unique to this process and call: two converts exporting to one folder at once
    # each rename their own temp file, never the other's.
    tmp = temp_path(path)
    try:
        write(tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_csv(
    meetings: Iterable[Meeting], folder: str | Path, *, extra_tables: Sequence[Table] = ()
) -> list[Path]:
    """One ``<table>.csv`` per table (UTF-8, header row, empty cell = missing)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tables = _all_tables(meetings, extra_tables)
    paths = []
    for table in tables:

        def write(tmp: Path, table: Table = table) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(table.spec.column_names)
                writer.writerows(table.records())

        path = out / f"{table.name}.csv"
        _replace(path, write)
        paths.append(path)
    _write_schema(out, "csv", tables)
    return paths


def _arrow_type(pa: Any, kind: ColumnType) -> Any:
    return {
        "text": pa.string(),
        "integer": pa.int64(),
        "real": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
    }[kind]


def _arrow_table(pa: Any, table: Table) -> Any:
    records = table.records()
    arrays = []
    for k, col in enumerate(table.spec.columns):
        values = [r[k] for r in records]
        if col.type == "date":
            values = [None if v is None else dt.date.fromisoformat(v) for v in values]
        arrays.append(pa.array(values, type=_arrow_type(pa, col.type)))
    return pa.Table.from_arrays(arrays, names=table.spec.column_names)


def write_parquet(
    meetings: Iterable[Meeting], folder: str | Path, *, extra_tables: Sequence[Table] = ()
) -> list[Path]:
    """One ``<table>.parquet`` per table, with typed columns (dates as ``date32``)."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(_PARQUET_HINT) from exc
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tables = _all_tables(meetings, extra_tables)
    paths = []
    for table in tables:
        path = out / f"{table.name}.parquet"
        arrow = _arrow_table(pa, table)
        _replace(path, lambda tmp, arrow=arrow: pq.write_table(arrow, tmp))
        paths.append(path)
    _write_schema(out, "parquet", tables)
    return paths


def _folder_format(folder: Path) -> tuple[FolderFormat, dict[str, TableSpec] | None]:
    schema = folder / SCHEMA_FILE
    if schema.is_file():
        data = json.loads(schema.read_text(encoding="utf-8"))
        fmt = data.get("format")
        if fmt not in ("csv", "parquet"):
            raise ConfigurationError(f"{schema}: unknown archive format {fmt!r}")
        specs = {n: TableSpec.from_dict(n, d) for n, d in data.get("tables", {}).items()}
        return fmt, specs
    # A folder of tables written by another tool: tell the format from the file names.
    if any(folder.glob("*.parquet")):
        return "parquet", None
    if any(folder.glob("*.csv")):
        return "csv", None
    raise ConfigurationError(f"{folder}: no {SCHEMA_FILE}, .csv or .parquet tables in it")


def _read_csv(path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        return header, [tuple(v if v != "" else None for v in row) for row in reader]


def _read_parquet(path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(_PARQUET_HINT) from exc
    arrow = pq.read_table(path)
    names = list(arrow.column_names)
    columns = [arrow.column(n).to_pylist() for n in names]
    return names, list(zip(*columns, strict=True)) if columns else []


def read_folder(folder: str | Path) -> list[tuple[TableSpec, list[tuple[Any, ...]]]]:
    """Every table of a CSV or Parquet archive folder, with its spec (all text if unknown)."""
    root = Path(folder)
    fmt, specs = _folder_format(root)
    suffix = f".{fmt}"
    names = list(specs) if specs is not None else sorted(p.stem for p in root.glob(f"*{suffix}"))
    out = []
    for name in names:
        path = root / f"{name}{suffix}"
        if not path.is_file():
            raise ConfigurationError(f"{root}: {SCHEMA_FILE} lists {name!r} but {path} is missing")
        header, rows = _read_csv(path) if fmt == "csv" else _read_parquet(path)
        spec = (
            specs[name]
            if specs is not None
            else TableSpec.from_dict(name, {"columns": dict.fromkeys(header, "text")})
        )
        if header != spec.column_names:
            raise ConfigurationError(f"{path}: columns {header} differ from {SCHEMA_FILE}")
        out.append((spec, rows))
    return out
