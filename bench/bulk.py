"""Benchmark bulk conversion: ``python bench/bulk.py [--limit N] [--no-ocr]``.

On ../shared/bulk/alameda/ (PDF minutes of a US city's boards) it prints:

1. engines   end-to-end pages/s per core (one worker process: load + extract + JSON) for
             each PDF engine, and bare ``pdfplumber`` ``extract_text()`` on the same files in
             the same run as the reference; peak RSS of the worker;
2. stages    where the time goes in-process (load vs extract) per engine;
3. length    seconds per page for 1-, 10-, 100- and 1000-page documents (the long ones are
             built by concatenating archive files with pypdfium2);
4. jobs      wall time of ``convert_archive`` with 1 and 2 worker processes;
5. overhead  the cost of the worker pool itself, per document and per worker start;
6. profile   the top functions of extraction (cProfile), when extraction dominates.

The engine rows run with OCR off: pages/s describes the text layer. One more row runs the
default, OCR on (``auto``; skipped with ``--no-ocr`` or without Tesseract);
scanned pages cost ~1 s each in tesseract and are a different budget.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "bulk" / "alameda"


def pdf_files(limit: int | None) -> list[Path]:
    files = sorted(ARCHIVE.glob("*.pdf"))
    return files[:limit] if limit else files


def bare_pdfplumber(files: list[Path]) -> dict[str, float]:
    """The reference: pdfplumber's own ``extract_text`` page by page, nothing else."""
    import pdfplumber

    pages = 0
    start = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
            pages += len(pdf.pages)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": pages, "seconds": seconds, "peak_mb": peak, "failed": 0}


def pool_run(files: list[Path], engine: str, ocr: str, jobs: int = 1) -> dict[str, float]:
    """Every file through the worker pool (``jobs`` workers); per-document results kept."""
    from minutes_parser.bulk import DocumentResult, Task
    from minutes_parser.bulk.pool import WorkerPool
    from minutes_parser.options import ParseOptions

    results: list[DocumentResult] = []
    pool = WorkerPool(ParseOptions(pdf_engine=engine, ocr=ocr), jobs=jobs, timeout=600)  # type: ignore[arg-type]
    start = time.perf_counter()
    pool.run([Task(k, str(p)) for k, p in enumerate(files)], lambda _t, r: results.append(r))
    seconds = time.perf_counter() - start
    return {
        "pages": sum(r.pages for r in results),
        "seconds": seconds,
        "busy": sum(r.seconds for r in results),
        "peak_mb": max((r.peak_rss_mb for r in results), default=0.0),
        "failed": sum(1 for r in results if r.error),
    }


def stages(files: list[Path], engine: str) -> dict[str, float]:
    """In-process: seconds in loading and in extraction, separately."""
    from minutes_parser.errors import MinutesParserError
    from minutes_parser.options import ParseOptions
    from minutes_parser.pipeline import extract_meetings, load_document

    options = ParseOptions(pdf_engine=engine, ocr="never")  # type: ignore[arg-type]
    extract_meetings(load_document(files[0], options), options)  # warm up spaCy
    load_s = extract_s = 0.0
    pages = 0
    for path in files:
        t0 = time.perf_counter()
        try:
            doc = load_document(path, options)
        except MinutesParserError:
            continue
        t1 = time.perf_counter()
        extract_meetings(doc, options)
        t2 = time.perf_counter()
        load_s += t1 - t0
        extract_s += t2 - t1
        pages += doc.page_count
    return {"pages": pages, "load": load_s, "extract": extract_s}


def by_length(files: list[Path], workdir: Path) -> list[tuple[str, int, float]]:
    """Seconds per page for 1-, ~10-, 100- and 1000-page documents (pdfium engine); the long
    ones are archive files concatenated with pypdfium2, so they hold many meetings."""
    import itertools

    import pypdfium2 as pdfium

    from minutes_parser.options import ParseOptions
    from minutes_parser.pipeline import extract_meetings, load_document

    counts = {p: len(pdfium.PdfDocument(p)) for p in files}
    one = min(files, key=lambda p: (abs(counts[p] - 1), p.name))
    ten = min(files, key=lambda p: (abs(counts[p] - 10), p.name))

    def concatenated(pages: int) -> Path:
        big = pdfium.PdfDocument.new()
        for path in itertools.cycle(sorted(files, key=lambda p: (-counts[p], p.name))):
            if len(big) >= pages:
                break
            src = pdfium.PdfDocument(path)
            big.import_pages(src, list(range(min(len(src), pages - len(big)))))
        out = workdir / f"pages{pages}.pdf"
        big.save(out)
        return out

    options = ParseOptions(pdf_engine="pdfium", ocr="never")
    extract_meetings(load_document(one, options), options)  # warm up
    rows = []
    documents = [("1 page", one, 3), ("~10 pages", ten, 3)]
    documents += [("100 pages", concatenated(100), 3), ("1000 pages", concatenated(1000), 1)]
    for label, path, repeats in documents:
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            doc = load_document(path, options)
            meetings = extract_meetings(doc, options)
            best = min(best, time.perf_counter() - t0)
        rows.append((f"{label} ({len(meetings)} meeting(s))", doc.page_count, best))
    return rows


def jobs_scaling(files: list[Path], workdir: Path) -> list[tuple[int, float, int]]:
    from minutes_parser.bulk import BulkOptions, convert_archive
    from minutes_parser.options import ParseOptions

    rows = []
    for jobs in (1, 2):
        out = workdir / f"jobs{jobs}"
        start = time.perf_counter()
        summary = convert_archive(
            files, out, BulkOptions(parse=ParseOptions(ocr="never"), jobs=jobs)
        )
        rows.append((jobs, time.perf_counter() - start, summary.pages))
    return rows


def overhead(workdir: Path) -> dict[str, float]:
    """Per-document cost of the pool (IPC, JSON text back) and the cost of one worker start."""
    from minutes_parser.bulk import convert_document
    from minutes_parser.options import ParseOptions

    text = (ROOT / "corpus" / "parish-council-2024-03-11.txt").read_text(encoding="utf-8")
    files = []
    for n in range(60):
        p = workdir / f"small{n}.txt"
        p.write_text(f"{text}\nReference {n}\n", encoding="utf-8")
        files.append(p)
    options = ParseOptions()
    convert_document(str(files[0]), options)  # warm up in-process
    t0 = time.perf_counter()
    for p in files:
        convert_document(str(p), options)
    inline = (time.perf_counter() - t0) / len(files)
    run = pool_run(files, "auto", "auto", jobs=1)
    pooled = run["seconds"] / len(files)
    # A worker start: a fresh pool converting one document, minus that document's own time.
    starts = []
    for p in files[:5]:
        one = pool_run([p], "auto", "auto", jobs=1)
        starts.append(one["seconds"] - inline)
    return {"inline_ms": inline * 1e3, "pooled_ms": pooled * 1e3, "start_ms": min(starts) * 1e3}


def profile_extract(files: list[Path], top: int = 15) -> str:
    from minutes_parser.errors import MinutesParserError
    from minutes_parser.options import ParseOptions
    from minutes_parser.pipeline import extract_meetings, load_document

    options = ParseOptions(ocr="never")
    docs = []
    for path in files:
        with contextlib.suppress(MinutesParserError):
            docs.append(load_document(path, options))
    extract_meetings(docs[0], options)
    prof = cProfile.Profile()
    prof.enable()
    for doc in docs:
        extract_meetings(doc, options)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def child(kind: str, limit: int | None) -> None:
    files = pdf_files(limit)
    if kind == "bare":
        print(json.dumps(bare_pdfplumber(files)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="the first N files only")
    parser.add_argument("--no-ocr", action="store_true", help="skip the run with OCR on")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.limit)
        return 0
    if not ARCHIVE.is_dir():
        print(f"{ARCHIVE} is not available")
        return 1
    files = pdf_files(args.limit)
    print(f"{len(files)} PDFs from {ARCHIVE.relative_to(ROOT.parent)}; {os.cpu_count()} CPUs")

    print("\n1. end to end, one worker process (pages/s per core)")
    print(
        f"{'engine':<25} {'pages':>6} {'failed':>6} {'seconds':>8} {'pages/s':>8} "
        f"{'x bare':>7} {'peak RSS MB':>11}"
    )
    cmd = [sys.executable, __file__, "--child", "bare"]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    bare = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    bare_rate = bare["pages"] / bare["seconds"]
    rows = [("bare pdfplumber", bare)]
    for engine in ("auto", "pdfium", "pdfplumber"):
        rows.append((f"minutes-parser {engine}", pool_run(files, engine, "never")))
    if not args.no_ocr and shutil.which("tesseract"):
        rows.append(("minutes-parser auto+ocr", pool_run(files, "auto", "auto")))
    for name, r in rows:
        rate = r["pages"] / r["seconds"]
        print(
            f"{name:<25} {r['pages']:>6.0f} {r['failed']:>6.0f} {r['seconds']:>8.2f} "
            f"{rate:>8.1f} {rate / bare_rate:>7.2f} {r['peak_mb']:>11.0f}"
        )

    print("\n2. where the time goes, in-process, OCR off (seconds)")
    print(f"{'engine':<12} {'pages':>6} {'load':>8} {'extract':>8} {'extract %':>9}")
    for engine in ("pdfium", "pdfplumber"):
        s = stages(files, engine)
        share = 100 * s["extract"] / (s["load"] + s["extract"])
        print(
            f"{engine:<12} {s['pages']:>6.0f} {s['load']:>8.2f} {s['extract']:>8.2f} {share:>8.0f}%"
        )

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("\n3. document length (pdfium, in-process; best of 3 up to 100 pages)")
        print(f"{'document':<32} {'pages':>6} {'seconds':>8} {'ms/page':>8}")
        for label, pages, seconds in by_length(files, work):
            print(f"{label:<32} {pages:>6} {seconds:>8.3f} {1e3 * seconds / pages:>8.1f}")

        print("\n4. convert_archive --jobs (OCR off; wall time incl. hashing and writing)")
        print(f"{'jobs':>4} {'seconds':>8} {'pages/s':>8} {'speed-up':>8}")
        scaling = jobs_scaling(files, work)
        for jobs, seconds, pages in scaling:
            print(
                f"{jobs:>4} {seconds:>8.2f} {pages / seconds:>8.1f} {scaling[0][1] / seconds:>8.2f}"
            )

        print("\n5. pool overhead (60 small text documents)")
        o = overhead(work)
        print(
            f"in-process {o['inline_ms']:.1f} ms/doc; through 1 worker {o['pooled_ms']:.1f} "
            f"ms/doc (+{o['pooled_ms'] - o['inline_ms']:.1f}); a worker start "
            f"~{o['start_ms']:.0f} ms (what a process per document would cost each time)"
        )

    print("\n6. extraction profile (top functions by own time)")
    print(profile_extract(files))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
