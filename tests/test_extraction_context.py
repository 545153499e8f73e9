"""The extraction context (issue #18 item 3): built once per document, the date order inferred
once and recorded, extractors that return new values, post-passes named in the pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minutes_parser import ParseOptions, parse_meetings, parse_text
from minutes_parser.document import Severity
from minutes_parser.extract import EXTRACTORS, POST_PASSES, extraction_context
from minutes_parser.extract.segments import split_meetings
from minutes_parser.loaders.text import load_text
from minutes_parser.models import Meeting, SourceInfo

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# A running log whose first meeting's date is ambiguous on its own ("04/05/2024") and whose
# second meeting writes a date only an American reader can read ("12/19/2024").
RUNNING_LOG = """Garden club – meeting log 2024

Meeting 1 — 04/05/2024
Attendees: Ann Lee, Bob Stone
- Seed swap planned.
Actions:
- Ann Lee: book the hall

Meeting 2 — 12/19/2024
Attendees: Ann Lee, Bob Stone
- Hall booked.
"""


def _blank() -> Meeting:
    return Meeting(source=SourceInfo(format="text", page_count=1, parser_version="test"))


def _notes(meeting: Meeting, code: str) -> list[str]:
    return [d.message for d in meeting.diagnostics if d.code == code]


def test_a_running_log_reads_its_dates_one_way_for_every_meeting() -> None:
    meetings = parse_meetings(RUNNING_LOG.encode())
    assert [m.meeting.date for m in meetings] == [dt.date(2024, 4, 5), dt.date(2024, 12, 19)]


def test_the_inferred_date_order_is_recorded_on_each_meeting_with_its_evidence() -> None:
    meetings = parse_meetings(RUNNING_LOG.encode())
    for m in meetings:
        (note,) = _notes(m, "date_order")
        assert "'04/05/2024' read month first" in note
        assert next(d for d in m.diagnostics if d.code == "date_order").severity is Severity.INFO


def test_a_date_order_given_in_the_options_is_recorded_as_the_options_choice() -> None:
    text = "Minutes of 04/05/2024\nPresent: Ann Lee\n"
    meeting = parse_text(text, ParseOptions(date_order="mdy"))
    assert meeting.meeting.date == dt.date(2024, 4, 5)
    assert _notes(meeting, "date_order") == [
        "numeric dates such as '04/05/2024' read month first, as the options say"
    ]


def test_no_date_order_note_where_no_numeric_date_is_ambiguous() -> None:
    meeting = parse_text("Minutes of 4 May 2024 (25/12/2024 noted)\nPresent: Ann Lee\n")
    assert _notes(meeting, "date_order") == []


def test_extractors_return_new_meetings_and_leave_the_one_given_unchanged() -> None:
    # corpus/team-log-2024.txt: a running log of four meetings (first names completed from
    # the team roster by a post-pass, an action list, a review of last actions).
    doc = load_text((CORPUS / "team-log-2024.txt").read_text())
    context = extraction_context(doc, ParseOptions())
    segment = split_meetings(doc)[1]
    meeting = _blank()
    for _name, extractor in EXTRACTORS:
        before = meeting.model_dump()
        after = extractor(segment, meeting, context)
        assert meeting.model_dump() == before
        meeting = after
    assert [a.name for a in meeting.attendees][:2] == ["Sofia Marchetti", "Ravi Chandran"]
    assert meeting.action_updates


def test_post_passes_run_in_order_and_return_new_meetings() -> None:
    assert [name for name, _ in POST_PASSES] == ["mentions", "short_names"]
    doc = load_text(
        "Team: Sofia Marchetti (PM), Ravi Chandran (backend)\n\n"
        "Meeting 1 — 15 February 2024\nAttendees: Sofia, Ravi\n"
        "- Ravi Chandran showed the build.\n\n"
        "Meeting 2 — 29 February 2024\nAttendees: Sofia Marchetti, Ravi\n"
        "- Sofia Marchetti chaired.\n"
    )
    context = extraction_context(doc, ParseOptions())
    segments = split_meetings(doc)
    meetings = [_blank(), _blank()]
    for segment_index, segment in enumerate(segments):
        for _name, extractor in EXTRACTORS:
            meetings[segment_index] = extractor(segment, meetings[segment_index], context)
    given = [m.model_dump() for m in meetings]
    out = meetings
    for _name, post_pass in POST_PASSES:
        out = post_pass(segments, out, context)
    assert [m.model_dump() for m in meetings] == given
    assert [a.name for a in out[1].attendees] == ["Sofia Marchetti", "Ravi Chandran"]
    ravi = next(a for a in out[0].attendees if a.name == "Ravi Chandran")
    # Mentions in the roster line and in the narrative, not in his own attendance entry.
    assert [doc.text[s.start : s.end + 7] for s in ravi.mentions] == [
        "Ravi Chandran (backe",
        "Ravi Chandran showed",
    ]


def test_a_mention_stands_as_whole_words_with_punctuation_touching_it() -> None:
    from minutes_parser.extract.mentions import find_phrase

    # "David_Dorwin": a W3C scribe's present list (../shared/realworld/docs/
    # w3c-immersive-web-wg-2018-10-02.html) joins names with underscores.
    text = "Mr Lee (Leeds) thanked Mr Lee's team; Mr Lee-Smith and (Mr Lee) agreed. Mr Leeward"
    assert list(find_phrase("Ann David_Dorwin", "David")) == []
    found = [text[s:e] + text[e : e + 2] for s, e in find_phrase(text, "Mr Lee")]
    assert found == ["Mr Lee (", "Mr Lee's", "Mr Lee-S", "Mr Lee) "]


def test_the_rules_run_without_loading_spacy() -> None:
    # spaCy serves the learned layer only (issue #18 item 5): a worker parsing with the rules
    # does not carry it.
    import subprocess
    import sys

    code = (
        "import sys, minutes_parser\n"
        "m = minutes_parser.parse_text('Minutes\\nPresent: Steve Ashley, Ann Lee\\n"
        "Mr Ashley agreed to write to the council.\\n')\n"
        "assert [len(a.mentions) for a in m.attendees] == [1, 0], m.attendees\n"
        "assert 'spacy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_meeting_headings_read_their_dates_in_the_documents_order() -> None:
    # corpus/real/dev/docs/rconsortium-repositories-wg-2021-10-05.html heads one meeting
    # "10/5/2021" and "2021-10-05": read month first, as the document writes dates, they are
    # one meeting and its 13 attendees are kept, not two meetings split between them.
    meetings = parse_meetings(
        CORPUS / "real" / "dev" / "docs" / "rconsortium-repositories-wg-2021-10-05.html"
    )
    assert [(m.meeting.date, len(m.attendees)) for m in meetings] == [(dt.date(2021, 10, 5), 13)]
