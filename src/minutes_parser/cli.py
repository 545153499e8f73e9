"""The ``minutes-parser`` command: a thin typer shell over the library.

``main(argv)`` runs it in-process (tests call it); logging is configured here and only here.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ._progress import BatchProgress
from .errors import MinutesParserError
from .manifest import write_atomic
from .models import Meeting
from .options import DateOrder, ParseOptions
from .pipeline import parse_meetings

if TYPE_CHECKING:
    from .evaluate import CorpusReport

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    # Plain help: the rich panels label every flag "<bool>" (even --help) and show types
    # ("<path>", "<int range>") where a name says more; each option names its value below.
    rich_markup_mode=None,
    help="Turn meeting minutes (PDF, DOCX, HTML, text) into structured JSON.",
)
_err = Console(stderr=True)


def _options(
    date_order: str, pdf_engine: str, ocr: str = "auto", model: bool | None = None
) -> ParseOptions:
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
        model=ParseOptions().model if model is None else model,
    )


DateOrderOpt = Annotated[
    str,
    typer.Option(
        "--date-order",
        metavar="auto|dmy|mdy",
        help="Numeric dates: auto (from the document), dmy or mdy.",
    ),
]
OcrOpt = Annotated[
    str,
    typer.Option(
        "--ocr",
        metavar="auto|always|never",
        help="Scanned or unreadable PDF pages: auto (OCR only those), always or never.",
    ),
]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--pdf-engine", metavar="ENGINE", help="PDF engine: auto, pdfium (fast) or pdfplumber."
    ),
]
ModelOpt = Annotated[
    bool | None,
    typer.Option(
        "--model/--no-model",
        help="Run the learned layer after the rules (default: "
        + ("on" if ParseOptions().model else "off")
        + "); --no-model gives the rules' output only.",
        show_default=False,
    ),
]


@app.command()
def parse(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A minutes document (PDF, DOCX, HTML, text).")
    ],
    all_meetings: Annotated[
        bool, typer.Option("--all", help="Print every meeting as a JSON list.")
    ] = False,
    date_order: DateOrderOpt = "auto",
    pdf_engine: EngineOpt = "auto",
    ocr: OcrOpt = "auto",
    model: ModelOpt = None,
) -> None:
    """Parse one document and print its JSON."""
    try:
        meetings = parse_meetings(file, _options(date_order, pdf_engine, ocr, model))
    except MinutesParserError as exc:
        _err.print(f"[red]error:[/red] {type(exc).__name__}: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from exc
    if all_meetings:
        typer.echo(json.dumps([m.to_dict() for m in meetings], indent=2, ensure_ascii=False))
    else:
        typer.echo(meetings[0].to_json())


@app.command()
def convert(
    sources: Annotated[
        list[Path],
        typer.Argument(metavar="SOURCE", help="Files, folders (searched recursively) or globs."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Output folder.")],
    allow_failures: Annotated[
        bool, typer.Option("--allow-failures", help="Exit 0 even when some inputs failed.")
    ] = False,
    db: Annotated[
        Path | None,
        typer.Option("--db", metavar="FILE", help="Also write or update a SQLite archive."),
    ] = None,
    csv_dir: Annotated[
        Path | None,
        typer.Option("--csv", metavar="DIR", help="Also write one CSV file per table into DIR."),
    ] = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option(
            "--parquet", metavar="DIR", help="Also write one Parquet file per table into DIR."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per CPU)."
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            metavar="SECONDS",
            help="Seconds one document may take before it is abandoned (0: no limit).",
        ),
    ] = 300.0,
    max_memory: Annotated[
        int | None,
        typer.Option(
            "--max-memory",
            min=1,
            metavar="MB",
            help="Address-space cap per worker process, in MB (a worker starts at ~300 MB).",
        ),
    ] = None,
    executor: Annotated[
        str,
        typer.Option(
            metavar="local|dask", help="local (worker processes) or dask (needs --scheduler)."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no per-file messages.")
    ] = False,
    date_order: DateOrderOpt = "auto",
    pdf_engine: EngineOpt = "auto",
    ocr: OcrOpt = "auto",
    model: ModelOpt = None,
) -> None:
    """Convert documents to one JSON file per meeting (NAME.json, or NAME.1.json, NAME.2.json
    ... for a document holding several).

    Runs in parallel worker processes (or on a Dask cluster) and is resumable: documents
    already converted with this parser version and these options (manifest.jsonl) are
    skipped. A failing document never stops the batch: it is recorded in errors.jsonl.
    meetings.jsonl holds every meeting, one per line.
    """
    from .bulk import BulkOptions, convert_archive

    if executor not in ("local", "dask"):
        raise typer.BadParameter("--executor must be local or dask")
    if executor == "dask" and not scheduler:
        raise typer.BadParameter("--executor dask needs --scheduler ADDRESS")
    options = BulkOptions(
        parse=_options(date_order, pdf_engine, ocr, model),
        jobs=jobs,
        timeout=timeout if timeout > 0 else None,
        max_memory_mb=max_memory,
        executor=executor,  # type: ignore[arg-type]
        scheduler=scheduler,
    )
    with BatchProgress(quiet, _err) as progress:
        try:
            summary = convert_archive(
                sources, out, options, on_start=progress.start, on_done=progress.done
            )
        except MinutesParserError as exc:
            _err.print(
                f"[red]error:[/red] {type(exc).__name__}: {escape(str(exc))}", soft_wrap=True
            )
            raise typer.Exit(2) from exc
        except KeyboardInterrupt:
            _err.print("interrupted: finished documents are kept; run again to resume")
            raise typer.Exit(130) from None
    if db is not None or csv_dir is not None or parquet_dir is not None:
        archived = [Meeting.model_validate_json(f.read_bytes()) for f in summary.files]
        try:
            _write_tables(archived, db, csv_dir, parquet_dir)
        except MinutesParserError as exc:  # a locked SQLite archive, above all
            _err.print(
                f"[red]error:[/red] {type(exc).__name__}: {escape(str(exc))}", soft_wrap=True
            )
            raise typer.Exit(2) from exc
    kind_text = ", ".join(f"{v} {k}" for k, v in sorted(summary.kinds.items())) or "none"
    rate = summary.converted_pages / summary.elapsed if summary.elapsed else 0.0
    hidden = "".join(
        f"; {n} {what} file{'s' if n != 1 else ''} skipped"
        for n, what in ((summary.hidden, "hidden"), (summary.not_documents, "not-a-document"))
        if n
    )
    _err.print(
        escape(
            f"{summary.documents} document(s): {summary.converted} converted, "
            f"{summary.skipped} unchanged, {summary.failed} failed; "
            f"{summary.meetings} meeting file(s) ({kind_text}); {summary.pages} pages; "
            f"{summary.elapsed:.1f}s ({rate:.1f} pages/s converted){hidden} -> {out}"
        ),
        soft_wrap=True,
    )
    for wanted, given in summary.renamed:
        # Never silent: a name another document holds moved this meeting to another file.
        _err.print(
            escape(f"renamed {wanted} -> {given} ({wanted} is another document's own name)"),
            soft_wrap=True,
        )
    if summary.failed:
        _err.print(f"failures are listed in {out / 'errors.jsonl'}", soft_wrap=True)
    if summary.failed and not allow_failures:
        raise typer.Exit(1)


@app.command("reconcile")
def reconcile_cmd(
    sources: Annotated[
        list[Path],
        typer.Argument(
            metavar="SOURCE", help="Minutes of one or more bodies: documents or converted JSON."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write the register (.csv or .json)."),
    ] = None,
    unreported_after: Annotated[
        int,
        typer.Option(metavar="N", help="Flag open actions missing from this many later meetings."),
    ] = 2,
    min_score: Annotated[
        float, typer.Option(metavar="SCORE", help="Lowest score that links a report.")
    ] = 0.62,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="FILE",
            help="Also write the meetings and the register to a SQLite archive.",
        ),
    ] = None,
    single_series: Annotated[
        bool,
        typer.Option(
            "--single-series",
            help="The minutes are all one body's: one series, whatever bodies they state.",
        ),
    ] = False,
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
        meetings,
        LinkConfig(min_score=min_score, unreported_after=unreported_after),
        single_series=single_series,
    )
    if out is not None:
        text = register.to_json() if out.suffix.lower() == ".json" else register.to_csv()
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, text)
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
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A minutes document.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML page to write.")
    ] = Path("review.html"),
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
    write_atomic(output, render_review(document, meetings))
    _err.print(f"review page written to {output}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one parsed meeting."""
    typer.echo(json.dumps(Meeting.model_json_schema(), indent=2))


@app.command("eval")
def eval_cmd(
    corpus: Annotated[
        Path,
        typer.Argument(
            metavar="CORPUS",
            help="Corpus folder: documents with <name>.gold.json, or docs/ and gold/ "
            "(optionally under dev/ and test/).",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
    series: Annotated[
        bool, typer.Option("--series", help="Score reconciled registers against series/*.json.")
    ] = False,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", metavar="format|body", help="Also break the figures down by format or body."
        ),
    ] = None,
    floors: Annotated[
        Path | None,
        typer.Option(
            "--floors",
            metavar="FILE",
            help="JSON floors; exit 1 when a figure drops 0.02 below one.",
        ),
    ] = None,
    pred_dir: Annotated[
        Path | None,
        typer.Option(
            "--pred-dir", metavar="DIR", help="Also write each document's parsed JSON here."
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", help="Documents parsed in parallel.")
    ] = 1,
    date_order: DateOrderOpt = "auto",
    model: ModelOpt = None,
) -> None:
    """Precision, recall and F1 per field against the gold annotations."""
    from .evaluate import check_floors, evaluate_corpus, evaluate_series
    from .evaluate.render import print_reports, print_series, reports_to_dict, series_to_dict

    if by not in (None, "format", "body"):
        raise typer.BadParameter("--by must be format or body")
    options = _options(date_order, "auto", model=model)
    console = Console()
    try:
        if series:
            scores = evaluate_series(corpus, options)
            breaches = check_floors(floors, series=scores) if floors else []
            if as_json:
                typer.echo(json.dumps(series_to_dict(scores), indent=2))
            else:
                print_series(scores, console, verbose=verbose)
        else:
            reports = evaluate_corpus(corpus, options, jobs=jobs)
            breaches = check_floors(floors, reports=reports) if floors else []
            if pred_dir is not None:
                _write_predictions(reports, pred_dir)
            if as_json:
                typer.echo(json.dumps(reports_to_dict(reports), indent=2))
            else:
                print_reports(reports, console, by=by, verbose=verbose)
    except MinutesParserError as exc:
        _err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    for breach in breaches:
        _err.print(f"[red]below floor[/red] {escape(str(breach))}")
    if breaches:
        raise typer.Exit(1)


def _write_predictions(reports: dict[str, CorpusReport], pred_dir: Path) -> None:
    """One ``<doc-id>.json`` per document: its first meeting, as ``parse`` prints it."""
    pred_dir.mkdir(parents=True, exist_ok=True)
    for report in reports.values():
        for r in report.results:
            first = r.predictions[0] if r.predictions else {}
            write_atomic(pred_dir / f"{r.case.doc_id}.json", json.dumps(first, indent=2))


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
