"""The reconciler: track every action across a series of meetings into an action register.

>>> from minutes_parser.reconcile import reconcile
>>> register = reconcile(meetings)            # meetings of one or many bodies, any order
>>> register.to_csv(); register.to_dataframe(); register.summary()
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..document import Diagnostic
from ..errors import ConfigurationError
from ..models import Meeting, stable_id
from ..options import ParseOptions
from ..pipeline import parse_meetings
from .linking import LinkConfig, reconcile_series
from .register import ActionRegister, Link, RegisterEntry, StatusEvent
from .series import Series, group_series, same_body

__all__ = [
    "ActionRegister",
    "Link",
    "LinkConfig",
    "RegisterEntry",
    "Series",
    "StatusEvent",
    "load_meetings",
    "reconcile",
    "same_body",
]


def reconcile(
    meetings: Iterable[Meeting],
    config: LinkConfig | None = None,
    *,
    single_series: bool = False,
) -> ActionRegister:
    """One register for all the meetings given, grouped into series by body.

    ``single_series``: the meetings are known to be one body's (a folder of one committee's
    minutes), so they form one series whatever bodies their texts state or fail to state.
    """
    register = ActionRegister()
    as_of = None
    for series in group_series(meetings, single=single_series):
        register.entries.extend(reconcile_series(series, config))
        for kept, dropped in series.duplicates:
            register.duplicates.append({"kept": kept.source.path, "dropped": dropped.source.path})
        register.diagnostics.extend(_series_diagnostics(series))
        dates = [d for d in series.dates if d is not None]
        if dates:
            as_of = max(as_of, max(dates)) if as_of else max(dates)
    register.as_of = as_of
    _unique_ids(register.entries)
    return register


def _unique_ids(entries: list[RegisterEntry]) -> None:
    """Two entries alike in body, raising date, number and wording (the same report read twice
    from one set of minutes) get ids that still tell them apart: the later one's id also
    names where it was first seen."""
    seen: set[str] = set()
    for e in entries:
        if e.id in seen:
            first = e.history[0]
            e.id = stable_id(e.id, first.meeting_path, first.span.start if first.span else None)
        seen.add(e.id)


_DATED_FROM = (
    "date_from_file_name",
    "date_from_folder_name",
    "date_order_from_file_name",
    "date_order_from_folder_name",
)


def _series_diagnostics(series: Series) -> list[Diagnostic]:
    """Meetings missing from the series' numbered sequence, and meetings the register dated
    from where they were filed rather than from their text."""
    out = [
        Diagnostic(
            code="meeting_missing",
            message=f"{series.body}: meeting {n} is missing from the numbered sequence",
        )
        for n in series.missing
    ]
    out += [
        Diagnostic(code=d.code, message=f"{m.source.path}: {d.message}", severity=d.severity)
        for m in series.meetings
        for d in m.diagnostics
        if d.code in _DATED_FROM
    ]
    return out


def load_meetings(
    sources: Sequence[str | Path], options: ParseOptions | None = None
) -> list[Meeting]:
    """Meetings from documents (parsed) and already converted JSON files, folders searched."""
    out: list[Meeting] = []
    for src in sources:
        path = Path(src)
        if not path.exists():
            raise ConfigurationError(f"{path}: no such file or folder")
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.name.startswith(".") or f.name.endswith((".gold.json", ".md", ".jsonl")):
                continue
            if f.suffix.lower() == ".json":
                data = json.loads(f.read_text(encoding="utf-8"))
                items = data if isinstance(data, list) else [data]
                out.extend(Meeting.model_validate(d) for d in items)
            else:
                out.extend(parse_meetings(f, options))
    return out
