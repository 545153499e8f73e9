"""The action register: one record per action, with every later report on it.

Records are pydantic models (so they serialise like the rest of the library); the register
exports to JSON, CSV and a pandas DataFrame, and shows itself as an HTML table in notebooks.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from ..document import Diagnostic, Span
from ..models import ActionStatus

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ActionRegister", "Link", "RegisterEntry", "StatusEvent"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Link(_Model):
    """Why a later report was attached to an action: its score and the evidence."""

    score: float
    evidence: list[str]


class StatusEvent(_Model):
    """One appearance of an action: raised, or reported on at a later meeting."""

    meeting_date: dt.date | None
    meeting_path: str | None
    kind: str
    """``raised``, ``update`` (a report on the action), ``relisted`` (shown again in a log) or
    ``mentioned`` (a later sentence with a status word repeats its words, or a later passage
    cites the tracker number the action names)."""
    status: ActionStatus
    wording: str
    owners: list[str] = Field(default_factory=list)
    span: Span | None = None
    link: Link | None = None


class RegisterEntry(_Model):
    id: str
    body: str
    ref: str | None = None
    description: str
    owners: list[str] = Field(default_factory=list)
    raised_date: dt.date | None = None
    raised_meeting: str | None = None
    """Path of the minutes that raised it; ``None`` when it was raised before the series."""
    due_date: str | None = None
    status: ActionStatus = ActionStatus.OPEN
    status_date: dt.date | None = None
    closed_date: dt.date | None = None
    age_days: int | None = None
    meetings_carried: int = 0
    """Later meetings at which it was still reported open, ongoing or carried forward."""
    unreported: bool = False
    """Still open but not mentioned in the last N meetings of its series."""
    overdue: bool = False
    reopened: bool = False
    owner_changes: list[dict[str, Any]] = Field(default_factory=list)
    history: list[StatusEvent] = Field(default_factory=list)


_CSV_COLUMNS = (
    "id",
    "body",
    "ref",
    "description",
    "owners",
    "raised_date",
    "raised_meeting",
    "due_date",
    "status",
    "status_date",
    "closed_date",
    "age_days",
    "meetings_carried",
    "unreported",
    "overdue",
    "reopened",
    "mentions",
)


class ActionRegister(_Model):
    """Every action of every series, where it stands now and how it got there."""

    entries: list[RegisterEntry] = Field(default_factory=list)
    duplicates: list[dict[str, str | None]] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    """What the register was built from that a user should know: meetings missing from a
    numbered sequence, meetings dated from their file or folder name."""
    as_of: dt.date | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> dict[str, int]:
        return dict(Counter(e.status.value for e in self.entries))

    def open_entries(self) -> list[RegisterEntry]:
        closed = (ActionStatus.COMPLETED, ActionStatus.DROPPED)
        return [e for e in self.entries if e.status not in closed]

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for e in self.entries:
            row = {c: getattr(e, c, None) for c in _CSV_COLUMNS if c not in ("owners", "mentions")}
            row["status"] = e.status.value
            row["owners"] = "; ".join(e.owners)
            row["mentions"] = len(e.history) - 1
            out.append({c: row[c] for c in _CSV_COLUMNS})
        return out

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(_CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in self.rows():
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
        return buf.getvalue()

    def to_dataframe(self) -> pd.DataFrame:
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "ActionRegister.to_dataframe() needs pandas: pip install 'minutes-parser[notebook]'"
            ) from exc
        frame: pd.DataFrame = pd.DataFrame(self.rows(), columns=list(_CSV_COLUMNS))
        return frame

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in _CSV_COLUMNS)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v if v is not None else ''))}</td>" for v in row.values()
            )
            + "</tr>"
            for row in self.rows()
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def summary(self) -> dict[str, Any]:
        """Counts by status, the oldest open actions and the unreported ones."""
        open_ = sorted(self.open_entries(), key=lambda e: e.raised_date or dt.date.max)
        return {
            "actions": len(self.entries),
            "by_status": self.counts(),
            "oldest_open": [(e.id, e.body, e.raised_date, e.description[:80]) for e in open_[:10]],
            "unreported": [
                (e.id, e.body, e.description[:80]) for e in self.entries if e.unreported
            ],
            "overdue": sum(1 for e in self.entries if e.overdue),
        }

    def dumps_summary(self) -> str:
        return json.dumps(self.summary(), default=str, indent=2)
