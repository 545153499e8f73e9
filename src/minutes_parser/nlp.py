"""The one spaCy pipeline: blank English plus rule-based components, built once per process.

No statistical model is loaded (nothing is downloaded); tokenisation, the sentencizer and
matchers built from each document's own attendee list are all we need.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["get_nlp"]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
