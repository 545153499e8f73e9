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

#: Any character :data:`CHARACTER_FIXES` replaces (a text without one is left as it is).
CHARACTER_FIX = pattern(
    "layout.character-fix", "[" + "".join(re.escape(c) for c in CHARACTER_FIXES) + "]"
)
SPACES = pattern("layout.spaces", r"[ \t\r\f\v]+")
BULLET_LINE = pattern(
    "layout.bullet_line", rf"^\s*([{re.escape(BULLETS)}])(?:\s+(.*))?$", re.DOTALL
)
NUMBER_ONLY = pattern(
    "layout.number_only", r"^\s*(\d{1,3}(?:\.\d{1,3})*\.?|[A-Za-z]\)|\(\w{1,4}\))\s*$"
)
NUMBERED_LINE = pattern(
    "layout.numbered_line", r"^\s*(\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|[ivx]{1,4}\))\s+\S"
)
MD_BOLD = pattern("layout.md_bold", r"^\*\*(.+?)\*\*$", re.DOTALL)
HTML_PARA = pattern("layout.html_para", r"\s*</?p\b[^>]*>\s*", re.IGNORECASE)
HTML_BR = pattern("layout.html_br", r"\s*<br\s*/?>\s*", re.IGNORECASE)
LABEL_START = pattern("layout.label_start", r"^[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,3}\s*:\s")
CONTINUES_LINE = pattern(
    "layout.continues_line",
    r"(?:[,&/+–—-]|\b(?:and|or|of|the|to|for|with|in|on|at|by|a|an|from|re|that|who)|\w-)$",
    re.IGNORECASE,
)
PAGE_NUMBER_LINE = pattern(
    "layout.page_number_line",
    r"^\s*(?:[-–—]\s*)?(?:page|p\.|pg\.?)?\s*\d{1,4}\s*(?:(?:of|/)\s*\d{1,4})?\s*(?:[-–—])?\s*$",
    re.IGNORECASE,
)

PDF_PAGE_NUMBER = pattern(
    "layout.pdf_page_number",
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
PDF_NUMBERED = pattern(
    "layout.pdf_numbered", r"^(\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|[ivx]{1,4}\))\s+\S"
)
HEADING_NUMBER = pattern("layout.heading_number", r"^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s")
LIST_MARK = pattern(
    "layout.list_mark", rf"^(?:[{re.escape(BULLETS)}]|\d{{1,3}}[.)]|\(?[a-z]\)|[ivx]{{1,4}}\))$"
)

#: Word-pasted lists indent each level by about half an inch (36pt).
HTML_MARGIN_LEFT = pattern(
    "layout.html_margin_left", r"margin-left\s*:\s*([\d.]+)\s*(pt|px|cm|in)", re.IGNORECASE
)
HTML_SPACE = pattern("layout.html_space", r"[ \t\n\r\f]+")

#: Characters that are never text: C0 controls (what unmapped glyph codes decode to) and U+FFFD.
PDF_BAD_CHAR = pattern("layout.pdf_bad_char", r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]|\(cid:\d+\)")
PDF_TOKEN = pattern("layout.pdf_token", r"[^\s\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")
LONE_CID = pattern("layout.lone_cid", r"^\(cid:\d+\)$")
PRIVATE_USE = pattern("layout.private_use", r"^[\ue000-\uf8ff]$")
BOLD_FONT_NAME = pattern("layout.bold_font_name", r"bold|black|heavy|semibold|demi", re.IGNORECASE)

OCR_RULE_ONLY = pattern("layout.ocr_rule_only", r"^[_=|~]+$")
OCR_WORD_CORE = pattern("layout.ocr_word_core", r"^(\W*)(\w{3,})(\W*)$")

TEXT_UNDERLINE = pattern("layout.text_underline", r"^[ \t]*([=\-~^*#+])\1{2,}[ \t]*$")

#: Halves of UTF-16 surrogate pairs, which some PDF engines hand out.
SURROGATE = pattern("layout.surrogate", "[\ud800-\udfff]")
#: Zero-width space, word joiner, a BOM inside the text, soft hyphen: invisible, and they
#: split or glue names ("Ren\u2060é").
INVISIBLE = pattern("layout.invisible", "[\u200b\u2060\ufeff\u00ad]")

#: What a running header or footer is compared without: punctuation and underscores (OCR
#: reads one footer's dash as "—", "-" or "—-" on successive pages) ...
FURNITURE_PUNCTUATION = pattern("layout.furniture_punctuation", r"[\W_]+")
#: ... and its figures, masked (page numbers, dates).
FURNITURE_DIGITS = pattern("layout.furniture_digits", r"\d+")

#: A word hyphenated at the end of a line: "recom-" (joined with the next line's "mended").
HYPHENATED_END = pattern("layout.hyphenated_end", r"(\w+)-$")
#: A label with its value in bold: "Agenda item:**1. Welcome**".
LABEL_THEN_BOLD = pattern("layout.label_then_bold", r"^[^:]*:\s*\*\*")
#: Bold text after a label's colon: "Agenda item: ** 1. Welcome".
BOLD_AFTER_LABEL = pattern("layout.bold_after_label", r":\s*\*\*\s*\S")
#: A year at the start of a line ("2024 budget"), not an item's number.
YEAR_START = pattern("layout.year_start", r"^\d{4}\b")
#: A number and a stop, nothing else: "12.".
NUMBER_STOP = pattern("layout.number_stop", r"^\d+\.$")
