"""Options that steer a parse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .loaders import Limits, LoadOptions, OcrMode, PdfEngine

__all__ = ["DateOrder", "ParseOptions"]

DateOrder = Literal["auto", "dmy", "mdy"]


@dataclass(frozen=True)
class ParseOptions:
    date_order: DateOrder = "auto"
    """How to read "04/05/2024": ``auto`` decides from the document itself."""
    pdf_engine: PdfEngine = "auto"
    ocr: OcrMode = "auto"
    limits: Limits = field(default_factory=Limits)
    ocr_threads: int | None = None
    """Tesseract processes one document may run at once; ``None``: one per CPU. Bulk
    conversion sets it so that its worker processes together use each CPU once."""
    model: bool = False
    """Run the learned layer (:mod:`minutes_parser.learn`) after the rules: it scores their
    actions, resolutions and updates and proposes sentences they missed."""

    def load_options(self, path: str | None = None) -> LoadOptions:
        """What the loaders need of these options."""
        return LoadOptions(
            path=path,
            limits=self.limits,
            pdf_engine=self.pdf_engine,
            ocr=self.ocr,
            ocr_threads=self.ocr_threads,
        )
