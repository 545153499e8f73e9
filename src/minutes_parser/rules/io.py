"""Input and output rules: what in a path is a glob, and what a table or column may be called.

Used by the batch input walk (:mod:`minutes_parser.bulk.inputs`) and the archive schema
(:mod:`minutes_parser.export.schema`).
"""

from __future__ import annotations

from ._patterns import pattern

__all__ = ["ARCHIVE_NAME", "GLOB_MAGIC"]

#: A character that makes a path a glob pattern (as :mod:`glob` reads it).
GLOB_MAGIC = pattern("io.glob_magic", r"[*?[]")
#: A table or column name in the exported archive: lower-case SQL identifier.
ARCHIVE_NAME = pattern("io.archive_name", r"^[a-z_][a-z0-9_]*$")
