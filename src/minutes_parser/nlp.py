"""The one spaCy pipeline: blank English plus rule-based components, built once per process.

No statistical model is loaded (nothing is downloaded): the tokenizer and matchers built from
each document's own attendee list are all we need. (Sentences are split by
:mod:`minutes_parser.extract.sentences`, which knows the abbreviations minutes use.)
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

    return spacy.blank("en")
