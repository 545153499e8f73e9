"""Series: group meetings by body, order them by date, and drop duplicate copies.

Bodies are compared by a normalised name, so "Rotherham LSCB" and "Rotherham Local
Safeguarding Children Board (RLSCB)" are one body: an acronym in one name may stand for a
run of words in the other, and the rest must agree closely (rapidfuzz).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..document import Severity
from ..extract.dates import date_in_name
from ..models import Meeting
from ..rules.series import (
    BODY_ACRONYM,
    BODY_NOISE,
    BODY_NUMBER,
    BODY_PUNCT,
    DRAFT,
    MEETING_NUMBER,
)

__all__ = ["Series", "body_key", "group_series", "meeting_number", "missing_numbers", "same_body"]


def body_key(name: str) -> str:
    """A comparable form of a body's name: lower case, no noise words or punctuation."""
    name = BODY_ACRONYM.sub(" ", name)  # "(RLSCB)" repeats the name
    name = BODY_NOISE.sub(" ", name.replace("&", " and "))
    return " ".join(BODY_PUNCT.sub(" ", name.lower()).split())


def _expand_acronyms(a: str, b: str) -> str:
    """Replace each acronym token in ``a`` by the run of words in ``b`` it abbreviates."""
    words_b = b.split()
    out: list[str] = []
    for token in a.split():
        if 2 <= len(token) <= 8 and token.isalpha():
            n = len(token)
            for i in range(len(words_b) - n + 1):
                run = words_b[i : i + n]
                if "".join(w[0] for w in run) == token:
                    out.extend(run)
                    break
            else:
                out.append(token)
        else:
            out.append(token)
    return " ".join(out)


def same_body(a: str, b: str, threshold: float = 90.0) -> bool:
    ka, kb = body_key(a), body_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if BODY_NUMBER.findall(ka) != BODY_NUMBER.findall(kb):
        return False  # "Area 3 Forum" and "Area 4 Forum" are two bodies
    ea, eb = _expand_acronyms(ka, kb), _expand_acronyms(kb, ka)
    return max(fuzz.token_sort_ratio(ea, kb), fuzz.token_sort_ratio(ka, eb)) >= threshold


@dataclass
class Series:
    """Meetings of one body in date order, with the copies that were set aside."""

    body: str
    meetings: list[Meeting] = field(default_factory=list)
    duplicates: list[tuple[Meeting, Meeting]] = field(default_factory=list)
    """(kept, dropped) pairs for meetings supplied more than once."""

    @property
    def missing(self) -> list[int]:
        """Meeting numbers missing from a numbered sequence."""
        return missing_numbers(self)

    @property
    def dates(self) -> list[dt.date | None]:
        return [m.meeting.date for m in self.meetings]


def _body_of(m: Meeting) -> str:
    if m.meeting.body:
        return m.meeting.body
    if m.source.path:  # no body stated: the folder the minutes were filed in
        return Path(m.source.path).parent.name or "unknown"
    return "unknown"


def _is_draft(m: Meeting) -> bool:
    path = m.source.path or ""
    return bool(DRAFT.search(Path(path).name) or DRAFT.search(m.meeting.title or ""))


def _prefer(a: Meeting, b: Meeting) -> tuple[Meeting, Meeting]:
    """(kept, dropped): an approved copy over a draft, else the one with more content."""
    if _is_draft(a) != _is_draft(b):
        return (b, a) if _is_draft(a) else (a, b)
    return (a, b) if _content(a) >= _content(b) else (b, a)


def _content(m: Meeting) -> int:
    return len(m.actions) + len(m.action_updates) + len(m.attendees)


def _dated(m: Meeting) -> Meeting:
    """A meeting whose minutes state no date, dated from its file name when that carries one
    ("2024-03-11.txt", "minutes_20240311.pdf"), else from the folder it was filed in
    ("2024-03-11/minutes.pdf"): a copy, with a ``date_from_file_name`` or
    ``date_from_folder_name`` diagnostic saying so."""
    if not m.source.path:
        return m
    path = Path(m.source.path)
    where, date = "file", date_in_name(path.name)
    if date is None:
        where, date = "folder", date_in_name(path.parent.name)
    stated = m.meeting.date
    if stated is not None:
        # "07/10/2018" read day first where the archive files it as 2018-07-10: the name
        # settles which of day and month the minutes wrote first.
        if date is None or date == stated or _swapped(stated) != date:
            return m
        return _redated(
            m,
            date,
            "date_order_from_file_name" if where == "file" else "date_order_from_folder_name",
            f"the minutes' date {stated} read with day and month swapped is {date}, "
            f"as the {where} name states; the register dates them {date}",
        )
    if date is None:
        return m
    return _redated(
        m,
        date,
        f"date_from_{where}_name",
        f"the minutes state no date; the register dates them {date} from the {where} name",
    )


def _swapped(date: dt.date) -> dt.date | None:
    try:
        return dt.date(date.year, date.day, date.month)
    except ValueError:
        return None


def _redated(m: Meeting, date: dt.date, code: str, message: str) -> Meeting:
    copy = m.model_copy(update={"meeting": m.meeting.model_copy(update={"date": date})}, deep=False)
    copy.diagnostics = [*m.diagnostics]
    copy.warn(code, message, severity=Severity.INFO)
    return copy


def meeting_number(m: Meeting) -> int | None:
    """The meeting's number in a numbered sequence ("Meeting 61"), from its title, else its
    file name."""
    for text in (m.meeting.title or "", Path(m.source.path or "").stem):
        found = MEETING_NUMBER.search(text)
        if found is not None:
            return int(found.group("after") or found.group("before"))
    return None


def missing_numbers(s: Series) -> list[int]:
    """Numbers missing from the series' numbered sequence: "Meeting 61" and "Meeting 63"
    present, 62 missing. Only between numbers present, and only for a short run of gaps
    (a jump of more than ten is a restart or another numbering, not lost minutes)."""
    numbers = sorted({n for m in s.meetings if (n := meeting_number(m)) is not None})
    out: list[int] = []
    for a, b in itertools.pairwise(numbers):
        if 1 < b - a <= _MAX_GAP:
            out.extend(range(a + 1, b))
    return out


_MAX_GAP = 10


def group_series(meetings: Iterable[Meeting], *, single: bool = False) -> list[Series]:
    """Series of meetings, one per body, each ordered by date (undated meetings last);
    ``single``: all of them one series, named by the body most of them state. Minutes that
    state no date are dated from their file name where it carries one."""
    series: list[Series] = []
    by_name: dict[str, Series] = {}  # exact names first: most archives spell a body one way
    meetings = [_dated(m) for m in meetings]
    if single and meetings:
        named = [m.meeting.body for m in meetings if m.meeting.body]
        only = Series(body=max(set(named), key=named.count) if named else _body_of(meetings[0]))
        only.meetings = meetings
        series, meetings = [only], []
    for m in meetings:
        name = _body_of(m)
        target = by_name.get(name) or next((s for s in series if same_body(s.body, name)), None)
        if target is None:
            target = Series(body=name)
            series.append(target)
        by_name[name] = target
        target.meetings.append(m)
    for s in series:
        s.meetings.sort(key=_order)
        _drop_duplicates(s)
    return series


def _order(m: Meeting) -> tuple[dt.date, int, str]:
    """Date order, undated meetings last; a numbered sequence orders meetings of one day."""
    return (m.meeting.date or dt.date.max, meeting_number(m) or 0, m.source.path or "")


def _same_meeting(a: Meeting, b: Meeting) -> bool:
    """Two copies of one meeting (a draft and its approved minutes): the same date, or the
    same number in a numbered sequence where no two different dates are stated."""
    da, db = a.meeting.date, b.meeting.date
    if da is not None and db is not None:
        return da == db
    na = meeting_number(a)
    return na is not None and na == meeting_number(b)


def _drop_duplicates(s: Series) -> None:
    kept: list[Meeting] = []
    for m in s.meetings:
        twin = next((k for k in kept if _same_meeting(k, m)), None)
        if twin is None:
            kept.append(m)
            continue
        keep, drop = _prefer(twin, m)
        kept[kept.index(twin)] = keep
        s.duplicates.append((keep, drop))
    s.meetings = kept
