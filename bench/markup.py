"""Benchmark the lightweight-markup loaders: ``python bench/markup.py [--mb N]``.

Reads every Markdown, Org, reStructuredText and AsciiDoc document of corpus/real/ and
../shared/realworld/docs/ (absent folders are skipped) and loads each format's files over and
over, in this process, until about N MB (default 5) of that format have gone through
``minutes_parser.loaders.load``; prints MB/s per format on one core (CPU time too, which other
work on a shared machine does not inflate as much). Issue #14's target is at least 5 MB/s of
Markdown; the first line says which parser read it (markdown-it-pyrs, or markdown-it-py where
the Rust one is not installed).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from minutes_parser.document import DocumentFormat
from minutes_parser.formats import MARKUP_SIGNALS
from minutes_parser.loaders import load, markdown_rs
from minutes_parser.sniff import sniff_format

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "corpus" / "real", ROOT.parent / "shared" / "realworld" / "docs"]
FORMATS = tuple(MARKUP_SIGNALS)


def documents() -> dict[DocumentFormat, list[tuple[str, bytes]]]:
    found: dict[DocumentFormat, list[tuple[str, bytes]]] = {f: [] for f in FORMATS}
    for folder in FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            try:
                fmt = sniff_format(data, path=str(path))
            except Exception:
                continue
            if fmt in found:
                found[fmt].append((str(path), data))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="MB to load per format")
    args = parser.parse_args()
    parser_name = "markdown-it-pyrs" if markdown_rs.available() else "markdown-it-py"
    print(f"Markdown parser: {parser_name}")
    header = f"{'format':10} {'files':>5} {'KB':>8} {'MB loaded':>10} {'seconds':>8} {'MB/s':>7}"
    print(f"{header} {'CPU MB/s':>9}")
    for fmt, docs in documents().items():
        if not docs:
            continue
        size = sum(len(d) for _, d in docs)
        rounds = max(1, round(args.mb * 1e6 / size))
        for _, data in docs:  # warm up: imports and first-use caches out of the timing
            load(data, format=fmt)
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            for _, data in docs:
                load(data, format=fmt)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        mb = size * rounds / 1e6
        row = f"{fmt.value:10} {len(docs):5d} {size / 1e3:8.1f} {mb:10.2f} {seconds:8.2f}"
        print(f"{row} {mb / seconds:7.2f} {mb / cpu:9.2f}")


if __name__ == "__main__":
    main()
