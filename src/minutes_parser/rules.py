"""Every data-driven rule in one readable place.

Vocabularies (headings, honorifics, statuses, labels) are plain Python literals with ids so a
reader can review them without reading any regex engine code. They are validated at import
(see :func:`_validate`), so a typo fails loudly in the tests rather than silently matching
nothing.
"""

from __future__ import annotations

import re
from typing import Final

# --------------------------------------------------------------------------------------------
# Layout (used by loaders)
# --------------------------------------------------------------------------------------------

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
HYPHEN_PREFIXES: Final[frozenset[str]] = frozenset(
    {
        "multi", "co", "non", "pre", "self", "cross", "well", "long", "short", "high", "low",
        "ex", "anti", "sub", "inter", "post", "part", "full", "semi", "vice", "cyber", "e",
        "re", "mid", "over", "under", "pan", "x", "step", "year", "day", "half", "sign",
        "follow", "check", "decision", "front", "back", "south", "north", "east", "west",
    }
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


def margin_label_pattern() -> re.Pattern[str]:
    """Matches a line that starts with a margin label: ``**Agenda item:**rest``."""
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in MARGIN_LABELS)
    return re.compile(
        rf"^\s*\**\s*(?P<label>{names})\s*:\s*\**\s*(?P<rest>.*)$",
        re.IGNORECASE | re.DOTALL,
    )


def _validate() -> None:
    if len(set(m.lower() for m in MARGIN_LABELS)) != len(MARGIN_LABELS):
        raise ValueError("duplicate margin label")
    for src, dst in CHARACTER_FIXES.items():
        if len(src) != 1:
            raise ValueError(f"character fix key {src!r} must be one character")
        if src in dst:
            raise ValueError(f"character fix for {src!r} is not idempotent")


_validate()
