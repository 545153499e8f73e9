"""The registry every compiled rule pattern goes through.

A pattern is declared once, with an id, where its domain's vocabulary lives
(``rules/<domain>.py``); extractors and loaders import the compiled object and never call
``re.compile`` themselves. Registering compiles the pattern at import, so a broken pattern or a
reused id fails the import (and with it every test) instead of silently matching nothing.
"""

from __future__ import annotations

import re
from typing import Final

#: Every registered pattern by id, for validation and for tools that list the rules.
REGISTRY: Final[dict[str, re.Pattern[str]]] = {}

_ID = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9][a-z0-9_-]*)+$")


def pattern(rule_id: str, source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """Compile ``source`` and record it under ``rule_id`` (``"<domain>.<name>"``).

    Raises :class:`ValueError` on a malformed or reused id and :class:`re.error` on a
    pattern that does not compile.
    """
    if not _ID.match(rule_id):
        raise ValueError(f"rule id {rule_id!r} is not '<domain>.<name>' in lower case")
    if rule_id in REGISTRY:
        raise ValueError(f"rule id {rule_id!r} is registered twice")
    compiled = re.compile(source, flags)
    REGISTRY[rule_id] = compiled
    return compiled


def words(text: str) -> frozenset[str]:
    """A vocabulary written as a comma-separated list (entries may contain spaces)."""
    return frozenset(w.strip() for w in text.replace("\n", " ").split(",") if w.strip())


def alternation(phrases: tuple[str, ...] | frozenset[str], *, escape: bool = True) -> str:
    """``"a|b|c"`` for a regex, longest phrase first so a longer one is tried before its
    prefix; inner spaces match any run of whitespace."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    if escape:
        ordered = [re.escape(p).replace(r"\ ", r"\s+") for p in ordered]
    return "|".join(ordered)
