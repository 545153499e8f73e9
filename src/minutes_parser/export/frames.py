"""pandas DataFrames from archive tables, with one dtype per column type whatever the source.

pandas is an optional extra (``minutes-parser[notebook]``), so it is imported only when a
DataFrame is asked for. Columns get pandas' nullable dtypes (``string``, ``Int64``,
``Float64``, ``boolean``) and dates ``datetime64[ns]``: SQLite, CSV and Parquet store missing
values, booleans and dates differently, and analysts should not have to care which they read.
Rows are sorted by the primary key so the same archive reads the same from every format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..models import Meeting
from .schema import ColumnType, Table, TableSpec
from .tables import meeting_tables

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["INSTALL_HINT", "frame", "meeting_frames", "require_pandas", "tables_to_frames"]

INSTALL_HINT = "pip install minutes-parser[notebook]"

_TRUE = {"1", "true", "yes"}
_FALSE = {"0", "false", "no"}


def require_pandas(feature: str) -> None:
    """Raise an ImportError that says how to install pandas when it is missing."""
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"{feature} needs pandas: {INSTALL_HINT}") from exc


def _bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"not a boolean: {value!r}")


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _column(kind: ColumnType, values: list[Any]) -> Any:
    import pandas as pd

    if kind == "integer":
        return pd.array([None if v is None else int(v) for v in values], dtype="Int64")
    if kind == "real":
        return pd.array([None if v is None else float(v) for v in values], dtype="Float64")
    if kind == "boolean":
        return pd.array([_bool(v) for v in values], dtype="boolean")
    if kind == "date":
        dates = [_date(v) for v in values]
        return pd.to_datetime(pd.Series(dates, dtype=object)).astype("datetime64[ns]").array
    return pd.array([None if v is None else str(v) for v in values], dtype="string")


def frame(spec: TableSpec, rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    """One table as a DataFrame with the dtypes of :mod:`this module <.frames>`."""
    require_pandas("read_archive()")
    import pandas as pd

    data = {
        col.name: _column(col.type, [row[k] for row in rows]) for k, col in enumerate(spec.columns)
    }
    df: pd.DataFrame = pd.DataFrame(data, columns=spec.column_names)
    if spec.primary_key and len(df):
        df = df.sort_values(list(spec.primary_key), kind="stable").reset_index(drop=True)
    return df


def tables_to_frames(tables: Iterable[Table]) -> dict[str, pd.DataFrame]:
    return {t.name: frame(t.spec, t.records()) for t in tables}


def meeting_frames(meeting: Meeting) -> dict[str, pd.DataFrame]:
    """The archive tables of one meeting (what ``Meeting.to_dataframes()`` returns)."""
    require_pandas("Meeting.to_dataframes()")
    return tables_to_frames(meeting_tables([meeting]).values())
