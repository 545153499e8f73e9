"""Sentence boundaries inside a block, from the shared spaCy pipeline's sentencizer."""

from __future__ import annotations

from functools import lru_cache

from ..nlp import get_nlp

__all__ = ["sentence_spans"]


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` character offsets of each sentence of ``text``."""
    doc = get_nlp()(text)
    return tuple((s.start_char, s.end_char) for s in doc.sents)
