"""Shared test helpers: corpus, fixtures and ../shared locations, and inline documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_parser.document import Document
from minutes_parser.loaders.text import load_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEEDS = CORPUS


def seed(prefix: str) -> Path:
    """The corpus copy of the seed whose name starts with ``prefix`` ("002")."""
    (match,) = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    return match


def shared_dir(*parts: str) -> Path:
    """A folder under ../shared, or skip the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is not available")
    return path


def make_doc(text: str) -> Document:
    """A document built from inline text, as the text loader would build it."""
    return load_text(text)
