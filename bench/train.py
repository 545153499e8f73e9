"""Benchmark the learned layer: ``python bench/train.py [--limit N] [--train]``.

Prints

1. memory  peak RSS of a fresh process after importing the package and parsing one document
           (the rules: spaCy is not loaded), after importing spaCy and building a blank
           pipeline (what the rules loaded before issue #18 item 5), and after loading the
           packaged model;
2. speed   end-to-end pages/s of one worker process (load + extract + JSON, OCR off) on
           ../shared/bulk/alameda/ with the model off and on, and its peak RSS; then the same
           work in-process per CPU-second (what a core delivers when it is not shared);
3. train   with ``--train``: seconds to build the training data and train from a clean
           checkout (``python -m minutes_parser.train --out TMP``).

Run it under ``nice`` on a shared machine; figures are wall-clock.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "bulk" / "alameda"

_MEMORY = """
import resource, sys
def mb(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
import minutes_parser
minutes_parser.parse_text("Minutes\nPresent: Ann Lee, Bob Stone\nMs Lee agreed to write.\n")
assert "spacy" not in sys.modules, "the rules imported spaCy"
print("package", round(mb(), 1))
if sys.argv[1] != "package":
    import spacy
    spacy.blank("en")
    print("blank spaCy", round(mb(), 1))
if sys.argv[1] == "model":
    from minutes_parser.learn.score import load_model
    load_model()
    print("model", round(mb(), 1))
"""


def memory() -> None:
    for stage in ("package", "spacy", "model"):
        out = subprocess.run(
            [sys.executable, "-c", _MEMORY, stage], capture_output=True, text=True, check=True
        ).stdout.split("\n")
        print(f"  peak RSS, fresh process up to {stage:8}: {out[-2].rsplit(' ', 1)[-1]} MB")


def speed(files: list[Path], model: bool) -> None:
    from minutes_parser.bulk import DocumentResult, Task
    from minutes_parser.bulk.pool import WorkerPool
    from minutes_parser.options import ParseOptions

    results: list[DocumentResult] = []
    pool = WorkerPool(ParseOptions(ocr="never", model=model), jobs=1, timeout=600)
    start = time.perf_counter()
    pool.run([Task(k, str(p)) for k, p in enumerate(files)], lambda _t, r: results.append(r))
    seconds = time.perf_counter() - start
    pages = sum(r.pages for r in results)
    print(
        f"  worker, model {'on ' if model else 'off'}: {pages} pages in {seconds:.1f}s wall = "
        f"{pages / seconds:.0f} pages/s; worker peak RSS "
        f"{max((r.peak_rss_mb for r in results), default=0.0):.0f} MB; "
        f"{sum(1 for r in results if r.error)} failed"
    )


def cpu_speed(files: list[Path], model: bool) -> None:
    """The same work in this process, timed in CPU seconds: on a shared machine wall time
    is noise, CPU time is what one core delivers."""
    from minutes_parser.options import ParseOptions
    from minutes_parser.pipeline import parse_meetings

    options = ParseOptions(ocr="never", model=model)
    pages = 0
    start = time.process_time()
    for path in files:
        meetings = parse_meetings(path, options)
        pages += meetings[0].source.page_count
        for m in meetings:
            m.to_json()
    cpu = time.process_time() - start
    print(
        f"  in-process, model {'on ' if model else 'off'}: {pages} pages in {cpu:.1f} CPU-s = "
        f"{pages / cpu:.0f} pages per CPU-second"
    )


def train() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "minutes_parser.train", "--out", tmp], check=True, cwd=ROOT
        )
        print(f"  training from a clean checkout: {time.perf_counter() - start:.0f}s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--train", action="store_true")
    args = parser.parse_args()
    files = sorted(ARCHIVE.glob("*.pdf"))[: args.limit]
    print("memory")
    memory()
    print(f"speed ({len(files)} files of {ARCHIVE})")
    speed(files, model=False)
    speed(files, model=True)
    cpu_speed(files, model=False)
    cpu_speed(files, model=True)
    if args.train:
        print("train")
        train()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
