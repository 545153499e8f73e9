"""Sentence boundaries inside a block.

Minutes are full of full stops that do not end sentences ("Cllr. Smith", "Resolution
No. 15576", "J. Smith", "a.m."), and a sentence in them starts with a capital, a digit or an
opening bracket or quote. So a boundary is a run of ``. ! ?`` (with any closing quotes or
brackets) followed by white space and such a start, unless the word before a single full stop
is an abbreviation or an initial (:data:`~minutes_parser.rules.SENTENCE_ABBREVIATIONS`).

This replaced spaCy's ``sentencizer`` here: that splits after every such word (it only knows
the tokenizer's exceptions) and tokenising every paragraph cost half of all extraction time.
"""

from __future__ import annotations

from functools import lru_cache

from ..rules import SENTENCE_ABBREVIATIONS
from ..rules.text import DOTTED, INLINE_BULLET, LAST_WORD, SENTENCE_STOP

__all__ = ["sentence_spans"]


def _is_abbreviation(word: str) -> bool:
    w = word.lower()
    return w in SENTENCE_ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or bool(DOTTED.fullmatch(w))


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` character offsets of each sentence of ``text``, without the white
    space around it."""
    out: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in SENTENCE_STOP.finditer(text):
        if m.end() - m.start() == 1 and text[m.start()] == ".":
            word = LAST_WORD.search(text, start, m.start())
            if word is not None and _is_abbreviation(word.group()):
                continue
        if m.end() <= start:
            continue
        out.append((start, m.end()))
        start = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
    end = len(text.rstrip())
    if start < end:
        out.append((start, end))
    if INLINE_BULLET.search(text) is None:
        return tuple(out)
    return tuple(part for s, e in out for part in _at_bullets(text, s, e))


def _at_bullets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut where a bullet opens an entry, each part without its bullet."""
    parts: list[tuple[int, int]] = []
    for m in INLINE_BULLET.finditer(text, start, end):
        if m.start() > start and not text[m.start() - 1].isspace():
            continue  # a bullet inside a word is a character, not a list's mark
        head = text[start : m.start()].rstrip()
        if head:
            parts.append((start, start + len(head)))
        start = m.end()
    if text[start:end].strip():
        parts.append((start, end))
    return parts
