"""Read an archive back as pandas DataFrames, whichever format it was written in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigurationError
from .files import read_folder
from .frames import frame, require_pandas
from .sqlite import SQLITE_MAGIC, sqlite_tables

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_archive"]


def read_archive(path: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of the archive at ``path`` as a DataFrame, keyed by table name.

    ``path`` is a SQLite file (recognised by its header bytes, not its name) or a folder
    written by ``write_csv`` / ``write_parquet`` (or any folder of ``.csv`` / ``.parquet``
    tables, read as text). Column dtypes are the same for all three.
    """
    require_pandas("read_archive()")
    root = Path(path)
    if root.is_dir():
        tables = read_folder(root)
    elif root.is_file():
        with root.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
        if head != SQLITE_MAGIC:
            raise ConfigurationError(
                f"{root}: not a SQLite archive; CSV and Parquet archives are folders"
            )
        tables = sqlite_tables(root)
    else:
        raise ConfigurationError(f"{root}: no such file or folder")
    return {spec.name: frame(spec, rows) for spec, rows in tables}
