"""Layout vocabulary the loaders read: margin labels, bullets, hyphenated prefixes,
character fixes, and the patterns of the loaders' clean-up."""

from __future__ import annotations

import re
from typing import Final

from ._patterns import pattern, words

#: Labels that document templates print in a left margin column beside the content.
#: Matched case-insensitively, with an optional trailing colon.
MARGIN_LABELS: Final[tuple[str, ...]] = (
    "Agenda item",
    "Agenda Item No",
    "Item",
    "Action",
    "Actions",
    "Action by",
    "Owner",
    "Lead",
    "Decision",
    "Outcome",
)

#: Margin labels that name a section: they label a numbered heading and nothing else.
SECTION_LABELS: Final[frozenset[str]] = frozenset({"agenda item", "agenda item no", "item"})

#: Characters that open a bullet list item when they stand first on a line.
BULLETS: Final[str] = "·•●○◦▪■□►▸‣⁃∙o*-–"

#: Prefixes kept hyphenated when a line break falls after them ("multi-\nagency").
HYPHEN_PREFIXES: Final[frozenset[str]] = words(
    """
    anti, back, check, co, cross, cyber, day, decision, e, east, ex, follow, front, full, half,
    high, inter, long, low, mid, multi, non, north, over, pan, part, post, pre, re, self, semi,
    short, sign, south, step, sub, under, vice, well, west, x, year
    """
)

#: Invisible or look-alike characters extraction leaves behind, mapped to what they stand for.
CHARACTER_FIXES: Final[dict[str, str]] = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u00ad": "",  # soft hyphen
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\u2010": "-",
    "\u2011": "-",
}

TERMINAL_PUNCTUATION: Final[str] = ".!?:;"

#: A line that starts with a margin label: ``**Agenda item:**rest``.
MARGIN_LABEL: Final = pattern(
    "layout.margin-label",
    r"^\s*\**\s*(?P<label>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in MARGIN_LABELS)
    + r")\s*:\s*\**\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def margin_label_pattern() -> re.Pattern[str]:
    """Matches a line that starts with a margin label: ``**Agenda item:**rest``."""
    return MARGIN_LABEL


def _validate() -> None:
    if len({m.lower() for m in MARGIN_LABELS}) != len(MARGIN_LABELS):
        raise ValueError("duplicate margin label")
    for src, dst in CHARACTER_FIXES.items():
        if len(src) != 1:
            raise ValueError(f"character fix key {src!r} must be one character")
        if src in dst:
            raise ValueError(f"character fix for {src!r} is not idempotent")


_validate()
