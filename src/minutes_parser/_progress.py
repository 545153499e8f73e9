"""The progress bar ``minutes-parser convert`` shows on stderr: documents, pages, rate, ETA."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import ProgressColumn, Task
from rich.text import Text

if TYPE_CHECKING:
    from .bulk import DocumentOutcome

__all__ = ["BatchProgress", "EtaColumn"]


class EtaColumn(ProgressColumn):
    """Time left at the average pace so far: elapsed x remaining / done, recomputed at every
    refresh. Rich's own column divides by the speed of recent completions, so it froze while
    one long document (OCR) kept every worker busy; this one grows while nothing finishes."""

    def render(self, task: Task) -> Text:
        if not task.completed or task.total is None or task.elapsed is None:
            return Text("-:--:--", style="progress.remaining")
        left = task.elapsed * (task.total - task.completed) / task.completed
        minutes, seconds = divmod(int(left), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"{hours}:{minutes:02d}:{seconds:02d}", style="progress.remaining")


class BatchProgress:
    """The progress bar of ``convert`` on stderr: documents, pages, rate and ETA.

    Off when stderr is not a terminal (CI logs, pipes) or with ``--quiet``; failures are still
    printed one per line unless ``--quiet``.
    """

    def __init__(self, quiet: bool, console: Console) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.quiet = quiet
        self.pages = 0
        self.progress = Progress(
            TextColumn("converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            EtaColumn(),
            console=console,
            disable=quiet or not console.is_terminal,
            transient=True,
        )
        self.task = self.progress.add_task("convert", total=None, pages=0, rate="")

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def done(self, outcome: DocumentOutcome) -> None:
        self.pages += outcome.pages
        speed = self.progress.tasks[0].speed
        rate = f"{speed:.1f} docs/s" if speed else ""
        self.progress.update(self.task, advance=1, pages=self.pages, rate=rate)
        if outcome.failure is not None and not self.quiet:
            f = outcome.failure
            self.progress.console.print(
                f"[red]failed[/red] {escape(f.path)}: {f.error}: {escape(f.message)}"
            )
