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


def looping_pdf() -> bytes:
    """A PDF whose page tree loops: the second /Pages node lists the first as its kid."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 /Parent 2 0 R >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
