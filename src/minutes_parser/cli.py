"""The ``minutes-parser`` command: a thin typer shell over the library.

``main(argv)`` runs it in-process (tests call it); logging is configured here and only here.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import MinutesParserError
from .evaluate import FIELDS, evaluate_corpus
from .models import Meeting
from .options import DateOrder, ParseOptions
from .pipeline import parse_meetings

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn meeting minutes (PDF, DOCX, HTML, text) into structured JSON.",
)
_err = Console(stderr=True)

_SKIP_SUFFIXES = {".json", ".md", ".jsonl", ".csv", ".py", ".pyc"}


def _options(date_order: str, pdf_engine: str, ocr: str = "auto") -> ParseOptions:
    if date_order not in ("auto", "dmy", "mdy"):
        raise typer.BadParameter("--date-order must be auto, dmy or mdy")
    if pdf_engine not in ("auto", "pdfium", "pdfplumber"):
        raise typer.BadParameter("--pdf-engine must be auto, pdfium or pdfplumber")
    if ocr not in ("auto", "always", "never"):
        raise typer.BadParameter("--ocr must be auto, always or never")
    order: DateOrder = date_order  # type: ignore[assignment]
    return ParseOptions(
        date_order=order,
        pdf_engine=pdf_engine,  # type: ignore[arg-type]
        ocr=ocr,  # type: ignore[arg-type]
    )


DateOrderOpt = Annotated[
    str, typer.Option("--date-order", help="Numeric dates: auto (from the document), dmy or mdy.")
]
OcrOpt = Annotated[
    str,
    typer.Option(
        "--ocr", help="Scanned or unreadable PDF pages: auto (OCR only those), always or never."
    ),
]
EngineOpt = Annotated[
    str, typer.Option("--pdf-engine", help="PDF engine: auto, pdfium (fast) or pdfplumber.")
]


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A minutes document (PDF, DOCX, HTML, text).")],
    all_meetings: Annotated[
        bool, typer.Option("--all", help="Print every meeting as a JSON list.")
    ] = False,
    date_order: DateOrderOpt = "auto",
    pdf_engine: EngineOpt = "auto",
    ocr: OcrOpt = "auto",
) -> None:
    """Parse one document and print its JSON."""
    try:
        meetings = parse_meetings(file, _options(date_order, pdf_engine, ocr))
    except MinutesParserError as exc:
        _err.print(f"[red]error:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(2) from exc
    if all_meetings:
        typer.echo(json.dumps([m.to_dict() for m in meetings], indent=2, ensure_ascii=False))
    else:
        typer.echo(meetings[0].to_json())


def _inputs(sources: Sequence[Path]) -> Iterator[Path]:
    for src in sources:
        if src.is_dir():
            for p in sorted(src.rglob("*")):
                if (
                    p.is_file()
                    and p.suffix.lower() not in _SKIP_SUFFIXES
                    and not p.name.startswith(".")
                ):
                    yield p
        else:
            yield src


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


@app.command()
def convert(
    sources: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")],
    allow_failures: Annotated[
        bool, typer.Option("--allow-failures", help="Exit 0 even when some inputs failed.")
    ] = False,
    db: Annotated[
        Path | None, typer.Option("--db", help="Also write or update a SQLite archive.")
    ] = None,
    csv_dir: Annotated[
        Path | None, typer.Option("--csv", help="Also write one CSV file per table into DIR.")
    ] = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option("--parquet", help="Also write one Parquet file per table into DIR."),
    ] = None,
    date_order: DateOrderOpt = "auto",
    pdf_engine: EngineOpt = "auto",
    ocr: OcrOpt = "auto",
) -> None:
    """Convert documents to one JSON file per meeting (``<stem>.json`` or ``<stem>.<n>.json``).

    A failing document never stops the batch: it is recorded in ``errors.jsonl``.
    """
    options = _options(date_order, pdf_engine, ocr)
    out.mkdir(parents=True, exist_ok=True)
    archived: list[Meeting] = []
    started = time.perf_counter()
    done = failed = meetings_written = 0
    kinds: dict[str, int] = {}
    errors: list[dict[str, str]] = []
    for path in _inputs(sources):
        try:
            meetings = parse_meetings(path, options)
        except MinutesParserError as exc:
            failed += 1
            errors.append({"path": str(path), "error": type(exc).__name__, "message": str(exc)})
            _err.print(f"[red]failed[/red] {path}: {type(exc).__name__}: {exc}")
            continue
        except Exception as exc:
            failed += 1
            errors.append({"path": str(path), "error": type(exc).__name__, "message": repr(exc)})
            _err.print(f"[red]crashed[/red] {path}: {exc!r}")
            continue
        done += 1
        archived.extend(meetings)
        for k, m in enumerate(meetings):
            name = f"{path.stem}.json" if len(meetings) == 1 else f"{path.stem}.{k + 1}.json"
            _write_atomic(out / name, m.to_json())
            meetings_written += 1
            kinds[m.kind.value] = kinds.get(m.kind.value, 0) + 1
    err_path = out / "errors.jsonl"
    if errors:
        _write_atomic(err_path, "".join(json.dumps(e) + "\n" for e in errors))
    elif err_path.exists():
        err_path.unlink()
    _write_tables(archived, db, csv_dir, parquet_dir)
    elapsed = time.perf_counter() - started
    kind_text = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())) or "none"
    _err.print(
        f"converted {done} document(s) into {meetings_written} meeting file(s) ({kind_text}); "
        f"{failed} failed; {elapsed:.1f}s -> {out}"
    )
    if failed and not allow_failures:
        raise typer.Exit(1)


@app.command("reconcile")
def reconcile_cmd(
    sources: Annotated[
        list[Path],
        typer.Argument(help="Minutes of one or more bodies: documents or converted JSON."),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the register (.csv or .json).")
    ] = None,
    unreported_after: Annotated[
        int, typer.Option(help="Flag open actions missing from this many later meetings.")
    ] = 2,
    min_score: Annotated[float, typer.Option(help="Lowest score that links a report.")] = 0.62,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Also write the meetings and the register to a SQLite archive."),
    ] = None,
    date_order: DateOrderOpt = "auto",
    pdf_engine: EngineOpt = "auto",
) -> None:
    """Track every action across a series of meetings and write an action register."""
    from .reconcile import LinkConfig, load_meetings, reconcile

    try:
        meetings = load_meetings(sources, _options(date_order, pdf_engine))
    except MinutesParserError as exc:
        _err.print(f"[red]error:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(2) from exc
    register = reconcile(
        meetings, LinkConfig(min_score=min_score, unreported_after=unreported_after)
    )
    if out is not None:
        text = register.to_json() if out.suffix.lower() == ".json" else register.to_csv()
        out.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(out, text)
    if db is not None:
        from .export import Table as ArchiveTable
        from .export import write_sqlite

        register_table = ArchiveTable.from_records(
            "action_register",
            register.rows(),
            primary_key=["id"],
            indexes=[["body"], ["status"], ["owners"], ["raised_date"]],
        )
        write_sqlite(meetings, db, extra_tables=[register_table])
        _err.print(f"archive {db}: {len(meetings)} meetings and {len(register)} register rows")
    summary = register.summary()
    console = Console()
    table = Table(title=f"{summary['actions']} actions from {len(meetings)} meetings")
    table.add_column("status")
    table.add_column("actions", justify="right")
    for status, n in sorted(summary["by_status"].items()):
        table.add_row(status, str(n))
    console.print(table)
    if summary["oldest_open"]:
        console.print("[bold]Oldest open actions[/bold]")
        for _id, body, raised, text in summary["oldest_open"]:
            console.print(escape(f"  {raised}  {body}: {text}"))
    if summary["unreported"]:
        console.print(
            f"[bold]Unreported[/bold] (open, not mentioned in {unreported_after}+ later meetings)"
        )
        for _id, body, text in summary["unreported"]:
            console.print(escape(f"  {body}: {text}"))
    for dup in register.duplicates:
        console.print(escape(f"duplicate: kept {dup['kept']}, dropped {dup['dropped']}"))
    if out is not None:
        _err.print(f"register written to {out}")


def _write_tables(
    meetings: list[Meeting], db: Path | None, csv_dir: Path | None, parquet_dir: Path | None
) -> None:
    """The analyst outputs of ``convert``: a SQLite archive, CSV and Parquet tables."""
    from .export import write_csv, write_parquet, write_sqlite

    if db is not None:
        summary = write_sqlite(meetings, db)
        _err.print(
            f"archive {db}: {summary.added} added, {summary.replaced} replaced, "
            f"{summary.unchanged} unchanged"
        )
    if csv_dir is not None:
        write_csv(meetings, csv_dir)
    if parquet_dir is not None:
        try:
            write_parquet(meetings, parquet_dir)
        except ImportError as exc:
            _err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc


@app.command()
def review(
    file: Annotated[Path, typer.Argument(help="A minutes document.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML page to write.")] = Path(
        "review.html"
    ),
    date_order: DateOrderOpt = "auto",
    pdf_engine: EngineOpt = "auto",
    ocr: OcrOpt = "auto",
) -> None:
    """Write one HTML page showing every extracted item in place in the document text."""
    from .pipeline import parse_document
    from .review import render_review

    try:
        document, meetings = parse_document(file, _options(date_order, pdf_engine, ocr))
    except MinutesParserError as exc:
        _err.print(f"[red]error:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(2) from exc
    _write_atomic(output, render_review(document, meetings))
    _err.print(f"review page written to {output}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one parsed meeting."""
    typer.echo(json.dumps(Meeting.model_json_schema(), indent=2))


@app.command("eval")
def eval_cmd(
    corpus: Annotated[Path, typer.Argument(help="Folder of documents with <name>.gold.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
    date_order: DateOrderOpt = "auto",
) -> None:
    """Precision, recall and F1 per field against the gold annotations."""
    report = evaluate_corpus(corpus, _options(date_order, "auto"))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    table = Table(title=f"minutes-parser eval: {len(report.documents)} documents")
    for col in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for f in FIELDS:
        s = report.fields[f]
        table.add_row(
            f,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.tp),
            str(s.fp),
            str(s.fn),
        )
    Console().print(table)
    for err in report.kind_errors:
        Console().print(f"[red]kind[/red] {err}")
    if verbose:
        for doc, fields in report.documents.items():
            for f, s in fields.items():
                for miss in s.misses:
                    Console().print(escape(f"{doc} [{f}] {miss}"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        # Standalone mode prints usage errors the way click users expect, then exits.
        app(args=args, prog_name="minutes-parser", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
