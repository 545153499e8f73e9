"""Options that steer a parse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .loaders import Limits, OcrMode, PdfEngine

__all__ = ["DateOrder", "ParseOptions"]

DateOrder = Literal["auto", "dmy", "mdy"]


@dataclass(frozen=True)
class ParseOptions:
    date_order: DateOrder = "auto"
    """How to read "04/05/2024": ``auto`` decides from the document itself."""
    pdf_engine: PdfEngine = "auto"
    ocr: OcrMode = "auto"
    limits: Limits = field(default_factory=Limits)
