"""Eval reports as terminal tables and JSON: splits side by side, per field, format and body."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .corpus import CaseResult, CorpusReport
from .floors import series_means
from .scoring import FIELDS, Json, Tally
from .series import SeriesScore

__all__ = ["print_reports", "print_series", "reports_to_dict", "series_to_dict"]


def _cell(t: Tally) -> str:
    return f"{t.f1:.3f} ({t.precision:.2f}/{t.recall:.2f})"


def _fields_table(title: str, columns: dict[str, dict[str, Tally]]) -> Table:
    table = Table(title=title)
    table.add_column("field")
    for name in columns:
        table.add_column(f"{name}  F1 (P/R)", justify="right")
    for f in FIELDS:
        table.add_row(f, *(_cell(col[f]) for col in columns.values()))
    means = [sum(col[f].f1 for f in FIELDS) / len(FIELDS) for col in columns.values()]
    table.add_row("mean F1", *(f"{m:.3f}" for m in means))
    return table


def print_reports(
    reports: dict[str, CorpusReport], console: Console, *, by: str | None, verbose: bool
) -> None:
    columns = {s: r.fields for s, r in reports.items()}
    n = ", ".join(f"{s}: {len(r.results)} documents" for s, r in reports.items())
    console.print(_fields_table(f"minutes-parser eval ({n})", columns))
    for split, r in reports.items():
        right, multi = r.segmentation
        console.print(
            f"{split}: kind accuracy {r.kind_accuracy:.3f}, minutes lost {r.minutes_lost}, "
            f"multi-meeting files split right {right}/{multi}"
        )
        for err in r.kind_errors:
            console.print(f"  [red]kind[/red] {escape(err)}")
    if by:
        key: Callable[[CaseResult], str] = (
            (lambda x: x.format) if by == "format" else (lambda x: x.case.body)
        )
        for split, r in reports.items():
            console.print(_fields_table(f"{split} by {by}", r.by(key)))
    if verbose:
        for split, r in reports.items():
            for res in r.results:
                for f, t in res.fields.items():
                    for miss in t.misses:
                        console.print(escape(f"{split} {res.case.doc.name} [{f}] {miss}"))


def reports_to_dict(reports: dict[str, CorpusReport]) -> Json:
    return {"splits": {s: r.to_dict() for s, r in reports.items()}}


def series_to_dict(scores: list[SeriesScore]) -> Json:
    means = series_means(scores)
    return {
        "series": [s.to_dict() for s in scores],
        "mean": {k: round(v, 4) for k, v in means.items()},
    }


def print_series(scores: list[SeriesScore], console: Console, *, verbose: bool) -> None:
    table = Table(title=f"minutes-parser eval --series: {len(scores)} series")
    for col in ("series", "gold", "register", "P", "R", "F1", "final status"):
        table.add_column(col, justify="left" if col == "series" else "right")
    for s in scores:
        table.add_row(
            s.series,
            str(s.gold),
            str(s.pred),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            f"{s.final_status_accuracy:.3f}",
        )
    means = series_means(scores)
    table.add_row("mean", "", "", "", "", f"{means['f1']:.3f}", f"{means['final_status_acc']:.3f}")
    console.print(table)
    if verbose:
        for s in scores:
            for miss in s.misses:
                console.print(escape(f"{s.series} {miss}"))
