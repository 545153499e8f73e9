"""Word automatic numbering: render "1.", "4.1", "a)" the way Word displays them.

python-docx exposes ``w:numPr`` but never computes the number a reader sees, and agenda and
action numbers in government templates are very often automatic. This module reads the
numbering part (``w:abstractNum`` level definitions, ``w:num`` instances with their level and
start overrides) and keeps Word's counters while the loader walks paragraphs in document order.

Word's rules, as implemented here:

* counters belong to the *abstract* list, so two ``w:num`` instances pointing at the same
  ``w:abstractNum`` continue each other ("continue numbering");
* a ``w:num`` with ``w:lvlOverride/w:startOverride`` restarts the overridden level the first
  time that instance is used ("restart numbering");
* using level *n* resets every deeper level (unless its ``w:lvlRestart`` says otherwise);
* ``w:lvlText`` placeholders ``%1``..``%9`` are replaced by each level's counter in that level's
  ``w:numFmt`` (all decimal when the current level is ``w:isLgl``);
* an ``w:abstractNum`` with ``w:numStyleLink`` borrows the levels of the list its numbering
  style points at.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ..rules.docx import LEVEL_PLACEHOLDER

__all__ = ["NumberLabel", "Numbering", "format_number", "on_off"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@functools.cache
def _w(tag: str) -> str:
    # Cached: asked for the same few names once per element of every paragraph and run.
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, tag: str) -> str | None:
    """``w:val`` of the child ``tag`` of ``el``."""
    if el is None:
        return None
    child = el.find(_w(tag))
    if child is None:
        return None
    return child.get(_w("val"))


def on_off(el: etree._Element | None, tag: str) -> bool:
    """A WordprocessingML toggle: present and not ``w:val="0"/"false"/"off"``."""
    if el is None:
        return False
    child = el.find(_w(tag))
    return child is not None and child.get(_w("val")) not in ("0", "false", "off")


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _letters(n: int) -> str:
    # Word counts a..z, then aa..zz, then aaa..: the letter repeats, it does not carry.
    repeat, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_number(n: int, fmt: str) -> str:
    """``n`` in a ``w:numFmt`` format; unknown formats fall back to decimal."""
    if fmt == "none":
        return ""
    if n <= 0 and fmt in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman"):
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        return _ordinal(n)
    return str(n)


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    """``w:lvlRestart``: 0 = never restart; n = restart after level n (1-based) is used."""
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass
class _Abstract:
    levels: dict[int, _Level] = field(default_factory=dict)
    num_style_link: str | None = None


@dataclass
class _Num:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


@dataclass(frozen=True)
class NumberLabel:
    """What Word prints before a numbered paragraph."""

    text: str
    """The rendered label, e.g. ``"4.1"`` or ``"a)"``; empty for bullets and ``none``."""
    bullet: bool
    suffix: str
    """``"tab"``, ``"space"`` or ``"nothing"``: what separates the label from the text."""


def _num_format(lvl: etree._Element) -> str:
    fmt = _val(lvl, "numFmt")
    if fmt is not None:
        return fmt
    # Word 2010+ wraps custom formats in mc:AlternateContent with a plain fallback.
    fallback = lvl.find(f"{{{MC}}}AlternateContent/{{{MC}}}Fallback/{_w('numFmt')}")
    if fallback is not None:
        return fallback.get(_w("val")) or "decimal"
    return "decimal"


def _parse_level(lvl: etree._Element) -> _Level:
    return _Level(
        start=_int(_val(lvl, "start"), 1) or 0,
        fmt=_num_format(lvl),
        text=_val(lvl, "lvlText") or "",
        restart=_int(_val(lvl, "lvlRestart")),
        legal=on_off(lvl, "isLgl"),
        suffix=_val(lvl, "suff") or "tab",
        style=_val(lvl, "pStyle"),
    )


def _parse_levels(parent: etree._Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in parent.findall(_w("lvl")):
        ilvl = _int(lvl.get(_w("ilvl")))
        if ilvl is not None and 0 <= ilvl <= 8:
            levels[ilvl] = _parse_level(lvl)
    return levels


class Numbering:
    """Numbering definitions of one document plus the running counters.

    ``style_num_id`` maps a numbering style id to the ``numId`` in its ``w:numPr``; it is only
    needed for lists defined through ``w:numStyleLink``.
    """

    def __init__(
        self,
        root: etree._Element | None,
        style_num_id: Callable[[str], str | None] | None = None,
    ) -> None:
        self._abstracts: dict[str, _Abstract] = {}
        self._nums: dict[str, _Num] = {}
        self._style_num_id = style_num_id or (lambda _style: None)
        self._counters: dict[str, dict[int, int]] = {}
        self._pending_start: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        if root is not None:
            self._parse(root)

    def _parse(self, root: etree._Element) -> None:
        for an in root.findall(_w("abstractNum")):
            aid = an.get(_w("abstractNumId"))
            if aid is not None:
                self._abstracts[aid] = _Abstract(
                    levels=_parse_levels(an), num_style_link=_val(an, "numStyleLink")
                )
        for num in root.findall(_w("num")):
            nid = num.get(_w("numId"))
            aid = _val(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            entry = _Num(abstract_id=aid)
            for ovr in num.findall(_w("lvlOverride")):
                ilvl = _int(ovr.get(_w("ilvl")))
                if ilvl is None:
                    continue
                start = _int(_val(ovr, "startOverride"))
                if start is not None:
                    entry.starts[ilvl] = start
                lvl = ovr.find(_w("lvl"))
                if lvl is not None:
                    entry.levels[ilvl] = _parse_level(lvl)
            self._nums[nid] = entry

    def _abstract_id(self, num_id: str) -> str | None:
        """The abstract list that really holds the levels, following ``numStyleLink`` once."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract_id
        abstract = self._abstracts.get(aid)
        if abstract is not None and abstract.num_style_link and not abstract.levels:
            linked_num = self._style_num_id(abstract.num_style_link)
            linked = self._nums.get(linked_num) if linked_num else None
            if linked is not None and linked.abstract_id in self._abstracts:
                return linked.abstract_id
        return aid if aid in self._abstracts else None

    def _level(self, num_id: str, aid: str, ilvl: int) -> _Level | None:
        num = self._nums[num_id]
        return num.levels.get(ilvl) or self._abstracts[aid].levels.get(ilvl)

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level whose ``w:pStyle`` is ``style_id`` (style-linked numbering)."""
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        for ilvl, level in sorted(self._abstracts[aid].levels.items()):
            if level.style == style_id:
                return ilvl
        return None

    def next_label(self, num_id: str, ilvl: int) -> NumberLabel | None:
        """Advance the counters for one paragraph and return its label (None: not a list)."""
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        ilvl = min(max(ilvl, 0), 8)
        level = self._level(num_id, aid, ilvl)
        if level is None:
            return None
        self._restart_on_first_use(num_id, aid)
        counters = self._counters.setdefault(aid, {})
        pending = self._pending_start.setdefault(aid, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = pending.pop(ilvl, level.start)
        self._reset_deeper(num_id, aid, ilvl)
        if level.fmt == "bullet":
            return NumberLabel(text="", bullet=True, suffix=level.suffix)
        text = LEVEL_PLACEHOLDER.sub(
            lambda m: self._placeholder(num_id, aid, int(m.group(1)) - 1, level.legal),
            level.text,
        )
        return NumberLabel(text=text.strip(), bullet=False, suffix=level.suffix)

    def _restart_on_first_use(self, num_id: str, aid: str) -> None:
        if num_id in self._used:
            return
        self._used.add(num_id)
        counters = self._counters.setdefault(aid, {})
        pending = self._pending_start.setdefault(aid, {})
        for ilvl, start in self._nums[num_id].starts.items():
            counters.pop(ilvl, None)
            pending[ilvl] = start

    def _reset_deeper(self, num_id: str, aid: str, ilvl: int) -> None:
        counters = self._counters[aid]
        for deeper in [d for d in counters if d > ilvl]:
            level = self._level(num_id, aid, deeper)
            restart = level.restart if level is not None else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                del counters[deeper]

    def _placeholder(self, num_id: str, aid: str, ilvl: int, legal: bool) -> str:
        level = self._level(num_id, aid, ilvl)
        if level is None:
            return ""
        # A level not used yet shows its start value, as Word does.
        value = self._counters[aid].get(ilvl, level.start)
        return format_number(value, "decimal" if legal and level.fmt != "none" else level.fmt)
