"""Benchmark OCR accuracy and speed without hand transcription: ``python bench/ocr.py``.

Pages that DO have a good text layer (fixtures/, ../shared/external/, ../shared/bulk/alameda/;
absent folders are skipped) are rendered and OCR'd exactly as the PDF loader does for scans,
and OCR's words are compared with the text layer's. Both word sets go through the same line
grouping (``build_lines``), so reading order is the same on both sides and the character
error rate (Levenshtein distance / reference length, on whitespace-normalised text) measures
recognition, not layout. A page counts when its text layer has no glyph codes, at least
``MIN_CHARS`` characters and images covering under a third of it (an image's text has no
reference). Prints median / mean / 90th-percentile CER and OCR pages per second (wall time of
render + Tesseract, page-parallel as in the loader) for each ``--dpi``, and CPU seconds per
page (this process and its Tesseract children), which a busy machine does not distort.

    python bench/ocr.py --limit 5 --dpi 200 300 400 --worst 5
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

from minutes_parser.document import DocumentBuilder, DocumentFormat
from minutes_parser.errors import MinutesParserError
from minutes_parser.loaders import LoadOptions
from minutes_parser.loaders.ocr import (
    OCR_DPI,
    SPARSE_IMAGE_SHARE,
    TESSERACT_INSTALL,
    find_tesseract,
    image_share,
    ocr_pages,
)
from minutes_parser.loaders.pdf import read_pages
from minutes_parser.loaders.pdf_layout import RawPage, Word, build_lines

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [
    ROOT / "fixtures",
    ROOT.parent / "shared" / "external",
    ROOT.parent / "shared" / "bulk" / "alameda",
]
#: A text layer shorter than this is too little to judge a page by.
MIN_CHARS = 200


@dataclass
class PageScore:
    path: Path
    page: int
    cer: float
    chars: int


def pdf_files(limit: int | None) -> list[Path]:
    files: list[Path] = []
    for folder in FOLDERS:
        if folder.is_dir():
            found = sorted(folder.glob("*.pdf"))
            files += found[:limit] if limit else found
    return files


def page_text(words: list[Word], page: int) -> str:
    """Whitespace-normalised text of words, line by line in the layout's order."""
    return " ".join(" ".join(line.text.split()) for line in build_lines(words, page))


def reference_pages(pdf: pdfium.PdfDocument, raw_pages: list[RawPage]) -> dict[int, str]:
    """Text of the pages whose text layer can stand as the truth for the whole page."""
    out: dict[int, str] = {}
    for raw in raw_pages:
        if raw.bad_chars or raw.chars < MIN_CHARS:
            continue
        if image_share(pdf, raw.number) >= SPARSE_IMAGE_SHARE:
            continue
        out[raw.number] = page_text(raw.words, raw.number)
    return out


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the Tesseract runs)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def score_file(
    path: Path, dpi: int, exe: str, max_pages: int | None
) -> tuple[list[PageScore], float, float]:
    """CER of each usable page of ``path`` at ``dpi``, and the wall and CPU seconds OCR took."""
    data = path.read_bytes()
    try:
        raw_pages = read_pages(data, LoadOptions(ocr="never"), DocumentBuilder(DocumentFormat.PDF))
    except MinutesParserError:
        return [], 0.0, 0.0
    pdf = pdfium.PdfDocument(data)
    try:
        refs = reference_pages(pdf, raw_pages)
        numbers = sorted(refs)[:max_pages] if max_pages else sorted(refs)
        if not numbers:
            return [], 0.0, 0.0
        start, cpu = time.perf_counter(), cpu_seconds()
        results = dict(ocr_pages(pdf, numbers, exe=exe, dpi=dpi))
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    finally:
        pdf.close()
    scores = []
    for n in numbers:
        ref, hyp = refs[n], page_text(results[n].words, n)
        cer = Levenshtein.distance(ref, hyp) / max(len(ref), 1)
        scores.append(PageScore(path, n, cer, len(ref)))
    return scores, seconds, cpu


def report(dpi: int, scores: list[PageScore], seconds: float, cpu: float, worst: int) -> None:
    cers = sorted(s.cer for s in scores)
    p90 = cers[int(0.9 * (len(cers) - 1))]
    rate = len(scores) / seconds if seconds else 0.0
    print(
        f"{dpi:>5} {len(scores):>6} {statistics.median(cers):>10.2%} "
        f"{statistics.fmean(cers):>9.2%} {p90:>8.2%} {seconds:>9.1f} {rate:>8.2f} "
        f"{cpu / len(scores):>10.2f}"
    )
    for s in sorted(scores, key=lambda s: -s.cer)[:worst]:
        print(f"      worst: {s.cer:6.1%}  {s.path.name} p{s.page} ({s.chars} chars)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="at most N files per folder")
    parser.add_argument(
        "--max-pages", type=int, default=3, help="at most N pages per file (0: all)"
    )
    parser.add_argument("--dpi", type=int, nargs="+", default=[OCR_DPI])
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args(argv)
    exe = find_tesseract()
    if exe is None:
        print(f"Tesseract is not installed: {TESSERACT_INSTALL}", file=sys.stderr)
        return 1
    files = pdf_files(args.limit)
    print(
        f"{len(files)} PDF files from: "
        + ", ".join(str(f.relative_to(ROOT.parent)) for f in FOLDERS if f.is_dir())
        + f"; {os.cpu_count()} CPUs"
    )
    print(
        f"{'dpi':>5} {'pages':>6} {'median CER':>10} {'mean CER':>9} {'p90 CER':>8} "
        f"{'OCR secs':>9} {'pages/s':>8} {'CPU s/page':>10}"
    )
    for dpi in args.dpi:
        scores: list[PageScore] = []
        seconds = cpu = 0.0
        for path in files:
            got, secs, cpu_secs = score_file(path, dpi, exe, args.max_pages or None)
            scores += got
            seconds += secs
            cpu += cpu_secs
        if not scores:
            print(f"{dpi:>5} no page with a usable text layer")
            continue
        report(dpi, scores, seconds, cpu, args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
