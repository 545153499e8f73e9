"""Benchmark the PDF engines: ``python bench/loaders.py [--limit N]``.

For each engine (pdfium, pdfplumber, auto) the full ``minutes_parser.loaders.load`` runs on
every PDF in fixtures/, ../shared/external/ and ../shared/bulk/alameda/ (absent folders are
skipped); bare ``pdfplumber`` ``page.extract_text()`` runs as the reference. Each engine runs
in its own process so its peak RSS is its own. Prints one table row per engine.

OCR is off (``ocr="never"``): this compares reading the text layer with the reference, which
reads nothing else; bench/ocr.py and bench/bulk.py time OCR.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [
    ROOT / "fixtures",
    ROOT.parent / "shared" / "external",
    ROOT.parent / "shared" / "bulk" / "alameda",
]
ENGINES = ["pdfium", "pdfplumber", "auto", "bare-pdfplumber"]


def pdf_files(limit: int | None) -> list[Path]:
    files: list[Path] = []
    for folder in FOLDERS:
        if folder.is_dir():
            found = sorted(folder.glob("*.pdf"))
            files += found[:limit] if limit else found
    return files


def run_bare(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def run_engine(engine: str, files: list[Path]) -> dict[str, float]:
    from minutes_parser.errors import MinutesParserError
    from minutes_parser.loaders import LoadOptions, load

    pages = failed = 0
    start = time.perf_counter()
    for path in files:
        try:
            if engine == "bare-pdfplumber":
                pages += run_bare(path)
            else:
                options = LoadOptions(pdf_engine=engine, ocr="never")  # type: ignore[arg-type]
                doc = load(path, options=options)
                pages += doc.page_count
        except MinutesParserError:
            failed += 1
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "files": len(files),
        "failed": failed,
        "pages": pages,
        "seconds": seconds,
        "peak_mb": peak_kb / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="at most N files per folder")
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    files = pdf_files(args.limit)
    if args.engine:  # child process: one engine, JSON out
        print(json.dumps(run_engine(args.engine, files)))
        return 0
    print(
        f"{len(files)} PDF files from: "
        + ", ".join(str(f.relative_to(ROOT.parent)) for f in FOLDERS if f.is_dir())
    )
    print(
        f"{'engine':<16} {'files':>5} {'failed':>6} {'pages':>6} {'seconds':>8} "
        f"{'pages/s':>8} {'peak RSS MB':>11}"
    )
    for engine in ENGINES:
        cmd = [sys.executable, __file__, "--engine", engine]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        rate = r["pages"] / r["seconds"] if r["seconds"] else 0.0
        print(
            f"{engine:<16} {r['files']:>5} {r['failed']:>6} {r['pages']:>6} "
            f"{r['seconds']:>8.2f} {rate:>8.1f} {r['peak_mb']:>11.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
