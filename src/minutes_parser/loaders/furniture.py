"""Running headers and footers of paged plain text: lines that repeat at the top or bottom of
most pages ("Parish Council minutes — Page 2 of 3"), and page-number lines."""

from __future__ import annotations

from collections.abc import Sequence

from ..rules.layout import FURNITURE_DIGITS, PAGE_NUMBER_LINE
from .normalise import clean_chars, squash

__all__ = ["find_running_furniture"]


def _furniture_key(text: str) -> str:
    """Running headers differ only in their numbers ("Page 2 of 3" vs "Page 3 of 3")."""
    return FURNITURE_DIGITS.sub("#", squash(clean_chars(text)).lower())


def find_running_furniture(
    pages: Sequence[Sequence[str]], edge: int = 2
) -> list[tuple[int, int, str]]:
    """Lines that repeat at the top or bottom of most pages, and page-number lines.

    Returns ``(page_index, line_index, kind)`` with kind ``header``, ``footer`` or
    ``page_number``. Only the first and last ``edge`` non-blank lines of a page are candidates.
    """
    if len(pages) < 2:
        return []
    counts: dict[str, int] = {}
    candidates: list[tuple[int, int, str, str]] = []
    for p, lines in enumerate(pages):
        idx = [i for i, ln in enumerate(lines) if ln.strip()]
        seen: set[str] = set()
        for pos, i in enumerate(idx):
            if pos >= edge and pos < len(idx) - edge:
                continue
            kind = "header" if pos < edge else "footer"
            key = _furniture_key(lines[i])
            candidates.append((p, i, kind, key))
            if key not in seen:
                counts[key] = counts.get(key, 0) + 1
                seen.add(key)
    need = max(2, (len(pages) + 1) // 2)
    out = []
    for p, i, kind, key in candidates:
        if PAGE_NUMBER_LINE.match(pages[p][i]):
            out.append((p, i, "page_number"))
        elif counts[key] >= need and len(key) <= 200:
            out.append((p, i, kind))
    return out
