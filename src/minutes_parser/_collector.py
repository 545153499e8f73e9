"""Pausing Python's cyclic garbage collector over work that makes many objects and no cycles.

Reading a long document builds tens of thousands of small objects (paragraphs, cells, blocks,
mentions) that stay alive until the parse ends and never refer back to each other. The cyclic
collector still runs every few hundred allocations, and each of its full passes walks every
object alive: on a 10,000-row action log those passes were about a quarter of the parse time
and freed nothing. Reference counting still frees everything as usual while the collector is
paused; only cycles wait for the next pass, after the pause.

Used around the DOCX reader (lxml elements and plain records) and the rule extractors, not
around the PDF engines or the learned layer, whose libraries do make cycles.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block and re-enable it after, only if it was
    enabled (a caller that turned it off keeps it off; a nested pause does nothing)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
