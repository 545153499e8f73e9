"""Meeting metadata from the document's opening: body, title, date, times, venue."""

from __future__ import annotations

import datetime as dt

from ..document import Block, BlockKind, Diagnostic, Document, Severity, Span
from ..models import Meeting, MeetingMetadata
from ..rules import ORGANISATION_WORDS, TITLE_LINK_WORDS
from ..rules.dates import TIME_RANGE_GAP
from ..rules.meeting import (
    BODY_PATTERNS,
    DATE_LABEL,
    END_TIME,
    FIELD_LABEL,
    GENERIC_TITLES,
    LOCATION_PATTERNS,
    MEETING_QUALIFIER,
    MINUTES_COLON,
    NOT_A_BODY_NAME,
    NUMBERED_LINE,
    START_TIME,
    TRAILING_ACRONYM,
)
from .context import ExtractionContext
from .dates import Order, find_dates, find_times
from .partial_date import date_completed_from_file_name
from .sections import attendance_heading

__all__ = ["extract_metadata", "header_blocks"]

#: Words that describe the minutes or the meeting, never name the body.
_STATUS_WORDS = frozenset(
    {
        "approved",
        "final",
        "draft",
        "unconfirmed",
        "confirmed",
        "regular",
        "special",
        "ordinary",
        "extraordinary",
        "annual",
        "joint",
        "adjourned",
        "public",
        "private",
        "meeting",
        "minutes",
        "and",
        "the",
        "of",
        "",
        "-",
        "–",
    }
)

#: Words that name a deliberative body, beyond the organisation words of ``rules``.
_BODY_WORDS = frozenset(
    {
        "commission",
        "committee",
        "board",
        "council",
        "panel",
        "forum",
        "trustees",
        "governors",
        "partnership",
        "society",
        "association",
        "group",
        "cabinet",
        "assembly",
        "directors",
    }
)


def header_blocks(doc: Document, limit: int = 15) -> list[Block]:
    """The blocks before the first attendance section, numbered item or "Minutes:" heading."""
    out: list[Block] = []
    for b in doc.blocks[:limit]:
        t = b.text.strip()
        if attendance_heading(t) is not None or (
            NUMBERED_LINE.match(t) and not any(True for _ in find_dates(t[:20]))
        ):
            break
        if MINUTES_COLON.fullmatch(t) and out:
            break  # ModernGov item pages: "Minutes:" opens the item's text
        out.append(b)
    return out


def extract_metadata(doc: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    order = context.date_order
    head = header_blocks(doc)
    md = MeetingMetadata()
    spans: dict[str, Span] = {}
    stamped: tuple[dt.date, Span] | None = None
    for b in head:
        if md.date is None:
            for dm in find_dates(b.text, order):
                if dm.stamped:
                    # a clerk's "RECEIVED JUL 15 2026" stamp: the meeting's date, if the
                    # header states one, is another
                    stamped = stamped or (dm.date, doc.span(b.start + dm.start, b.start + dm.end))
                    continue
                md.date = dm.date
                spans["date"] = doc.span(b.start + dm.start, b.start + dm.end)
                break
        if md.start_time is None:
            times = find_times(b.text)
            if times:
                md.start_time = times[0].value
                spans["start_time"] = doc.span(b.start + times[0].start, b.start + times[0].end)
                gap = b.text[times[0].end : times[1].start] if len(times) > 1 else ""
                if len(times) > 1 and TIME_RANGE_GAP.fullmatch(gap):
                    md.end_time = times[1].value
                    spans["end_time"] = doc.span(b.start + times[1].start, b.start + times[1].end)
        if md.location is None:
            for rx in LOCATION_PATTERNS:
                m = rx.search(b.text)
                if m:
                    md.location = m.group("loc").strip()
                    spans["location"] = doc.span(b.start + m.start("loc"), b.start + m.end("loc"))
                    break
    if md.date is None and stamped is not None:
        md.date, spans["date"] = stamped
    if md.date is None:
        _date_line_near_top(doc, order, md, spans)
    notes: list[Diagnostic] = []
    if md.date is None and (note := _date_beyond_header(doc, order, md, spans)) is not None:
        notes.append(note)
    if md.date is None and (completed := date_completed_from_file_name(doc, head)):
        md.date = completed[0]
        spans["date"] = doc.span(completed[1], completed[2])
        notes.append(
            Diagnostic(
                code="date_year_from_file_name",
                message=f"the minutes give the day and month only; the year "
                f"{completed[0].year} is the file name's, whose date agrees",
                severity=Severity.INFO,
            )
        )
    _find_body_and_title(doc, head, md, spans)
    if md.start_time is None or md.end_time is None:
        _find_times_in_text(doc, md, spans)
    md.spans = spans
    return meeting.model_copy(update={"meeting": md, "diagnostics": [*meeting.diagnostics, *notes]})


DATE_LINE_REACH = 8
"""Blocks from the top within which a line holding only a date dates the meeting."""


def _date_line_near_top(
    doc: Document, order: Order, md: MeetingMetadata, spans: dict[str, Span]
) -> None:
    """A line that is a date and nothing more, near the top ("Saturday, March 28, 2015"
    under a letterhead's "OFFICERS: …" roster, which ends the header as an attendance list
    would): the meeting's date."""
    for b in doc.blocks[:DATE_LINE_REACH]:
        if b.kind is BlockKind.TABLE_ROW:
            continue
        for dm in find_dates(b.text, order):
            rest = b.text[: dm.start] + b.text[dm.end :]
            if not dm.stamped and not any(ch.isalnum() for ch in rest):
                md.date = dm.date
                spans["date"] = doc.span(b.start + dm.start, b.start + dm.end)
                return


def _date_beyond_header(
    doc: Document, order: Order, md: MeetingMetadata, spans: dict[str, Span]
) -> Diagnostic | None:
    """The date where the opening lines state none: a "Date:" line or a "Date, Time and
    Location" section further down; failing that, what the file says of itself (a
    front-matter or ``<meta>`` title, then date), reported as such (the diagnostic returned)
    since a publication date is not always the meeting's."""
    blocks = doc.blocks[:80]
    for i, b in enumerate(blocks):
        label = DATE_LABEL.match(b.text)
        if label is None:
            continue
        # A table's "Date" column title dates its rows (an action log's), not the meeting:
        # a row's label is read in its own row only.
        following = [] if b.kind is BlockKind.TABLE_ROW else blocks[i + 1 : i + 3]
        for nb in [b, *following]:
            text = nb.text[label.end() :] if nb is b else nb.text
            offset = label.end() if nb is b else 0
            for dm in find_dates(text, order):
                md.date = dm.date
                spans["date"] = doc.span(nb.start + offset + dm.start, nb.start + offset + dm.end)
                return None
    for key in ("title", "date"):
        value = doc.metadata.get(key)
        found = next(iter(find_dates(value, order)), None) if value else None
        if found is not None:
            md.date = found.date
            return Diagnostic(
                code="date_from_metadata",
                message=f"no meeting date in the text; taken from the file's {key} field "
                f"({value!r})",
                severity=Severity.INFO,
            )
    return None


def _find_body_and_title(
    doc: Document, head: list[Block], md: MeetingMetadata, spans: dict[str, Span]
) -> None:
    titled = [
        b
        for b in head
        if not GENERIC_TITLES.match(b.text.strip()) and b.kind is not BlockKind.TABLE_ROW
    ]
    if titled:
        md.title = titled[0].text.strip()
        spans["title"] = titled[0].span
    single_item_page = len(head) < len(doc.blocks) and MINUTES_COLON.fullmatch(
        doc.blocks[len(head)].text.strip()
    )
    if single_item_page:
        return  # a ModernGov item page names the item, not the body
    # Best evidence first: "Minutes of the Ordinary Meeting of Hollowmere Parish Council held
    # …", then a heading that names an organisation, then "<Body> meeting/minutes".
    for b in titled[:6]:
        m = BODY_PATTERNS[0].search(b.text)
        if m and _plausible_body(_clean_body(m.group("body"))):
            _set_body(doc, md, spans, b, m.start("body"), _clean_body(m.group("body")))
            return
    for b in titled[:4]:
        text = b.text.strip()
        if _plausible_body(text) and _names_organisation(text):
            _set_body(doc, md, spans, b, b.text.find(text), TRAILING_ACRONYM.sub("", text))
            return
    for b in titled[:4]:
        m = BODY_PATTERNS[1].search(b.text)
        if m and _plausible_body(_clean_body(m.group("body"))):
            _set_body(doc, md, spans, b, m.start("body"), _clean_body(m.group("body")))
            return


def _clean_body(text: str) -> str:
    text = text.strip(" ,-–—")
    return MEETING_QUALIFIER.sub("", text)


def _plausible_body(text: str) -> bool:
    """A body's name: short, capitalised, no date, not a draft notice or a sentence."""
    words = text.split()
    if FIELD_LABEL.match(text) or all(w.lower().strip(",.-–") in _STATUS_WORDS for w in words):
        return False  # "Venue: Council Chamber", "APPROVED", "REGULAR MEETING"
    return (
        0 < len(words) <= 12
        and len(text) <= 120
        and text[:1].isupper()
        and not text.endswith(".")
        # a sentence ("Chair Miley convened the"), not a name: a lower-case word beyond "of"
        and not any(w[:1].islower() and w not in TITLE_LINK_WORDS for w in words)
        and not NOT_A_BODY_NAME.search(text)
        and not any(True for _ in find_dates(text))
    )


def _names_organisation(text: str) -> bool:
    return any(w.lower().strip("(),") in ORGANISATION_WORDS | _BODY_WORDS for w in text.split())


def _set_body(
    doc: Document, md: MeetingMetadata, spans: dict[str, Span], b: Block, at: int, body: str
) -> None:
    md.body = body
    start = b.start + max(at, 0)
    spans["body"] = doc.span(start, min(start + len(body), b.end))


def _find_times_in_text(doc: Document, md: MeetingMetadata, spans: dict[str, Span]) -> None:
    """ "The meeting closed at 9.15pm", "called to order at 7:00 p.m." anywhere in the text."""
    for field, cue in (("end_time", END_TIME), ("start_time", START_TIME)):
        if getattr(md, field) is not None:
            continue
        for b in doc.blocks:
            m = cue.search(b.text)
            if m is None:
                continue
            times = [t for t in find_times(b.text) if t.start >= m.end() - 1]
            if times:
                setattr(md, field, times[0].value)
                spans[field] = doc.span(b.start + times[0].start, b.start + times[0].end)
                break
