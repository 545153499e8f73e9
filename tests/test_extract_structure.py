"""Extractors on inline documents: kind, metadata, attendees, agenda items, resolutions."""

from __future__ import annotations

import datetime as dt

from minutes_parser import AttendanceStatus, DocumentKind, ParseOptions, parse_text
from minutes_parser.extract.dates import find_dates, find_times, infer_date_order
from minutes_parser.extract.resolutions import parse_vote


def _names(m, status: AttendanceStatus):  # type: ignore[no-untyped-def]
    return [a.name for a in m.attendees if a.status is status]


def test_inline_attendance_lists_with_roles_and_substitutes() -> None:
    m = parse_text(
        "MINUTES of the Housing Committee held on Wednesday, 4 October 2023 at 6.30 pm in the "
        "Council Chamber\n\n"
        "Present: Councillors A Baker (Chair), C Davies (Vice-Chair), R Evans and J Khan "
        "(substituting for Councillor O'Neill)\n"
        "Also present: City Manager Laura Kessler, Mr Neil Sandford, Chief Officer, Healthwatch\n"
        "Apologies were received from Councillors B Jarvis and T O'Neill. Cllr Lyle was absent.\n\n"
        "1. Welcome\nThe Chair opened the meeting.\n"
    )
    assert _names(m, AttendanceStatus.PRESENT) == ["A Baker", "C Davies", "R Evans", "J Khan"]
    assert _names(m, AttendanceStatus.IN_ATTENDANCE) == ["Laura Kessler", "Neil Sandford"]
    assert _names(m, AttendanceStatus.APOLOGIES) == ["B Jarvis", "T O'Neill"]
    assert _names(m, AttendanceStatus.ABSENT) == ["Lyle"]
    by = {a.name: a for a in m.attendees}
    assert by["A Baker"].is_chair and by["A Baker"].role == "Chair"
    assert by["J Khan"].represents == "O'Neill"
    assert by["Laura Kessler"].role == "City Manager"
    assert (by["Neil Sandford"].role, by["Neil Sandford"].organisation) == (
        "Chief Officer",
        "Healthwatch",
    )
    assert m.meeting.date == dt.date(2023, 10, 4)
    assert m.meeting.start_time == "18:30"


def test_attendance_table_with_status_column_and_movements() -> None:
    m = parse_text(
        "Minutes of the Full Governing Board held on 16th May 2024 at 6.00pm\n\n"
        "Name\tCategory\tAttendance\n"
        "Mr D Hargreaves\tCo-opted Governor\tPresent\n"
        "Revd P Ashby\tFoundation Governor\tApologies accepted\n"
        "Mr T O'Driscoll\tParent Governor\tAbsent\n\n"
        "1. Welcome\nMs Kaur arrived at 6.25pm.\n"
    )
    assert [(a.name, a.status.value, a.role) for a in m.attendees[:3]] == [
        ("D Hargreaves", "present", "Co-opted Governor"),
        ("P Ashby", "apologies", "Foundation Governor"),
        ("T O'Driscoll", "absent", "Parent Governor"),
    ]
    late = m.attendees[3]
    assert (late.name, late.status.value) == ("Kaur", "present")
    assert late.movements[0].event == "arrived" and late.movements[0].time == "6.25pm"


def test_heading_row_then_a_grid_of_names() -> None:
    m = parse_text(
        "Minutes of the Neighbourhood Plan Working Group held on 19 October 2014\n\n"
        "Present:\t\t\t\n"
        "Jane Archer (JA)\tAlan Caudwell (AC)\tRobert Gegg (RG)\n"
        "Kate Kay (KK)\tHelen Knuckle (HK)\t\n"
        "Apologies:\t\t\t\n"
        "Polly Gegg (PG)\tJude Smith (JS)\tChristina McDough (CM\n"
        "Points discussed\tAction Who\n\n1. Welcome\n"
    )
    assert _names(m, AttendanceStatus.PRESENT) == [
        "Jane Archer",
        "Alan Caudwell",
        "Robert Gegg",
        "Kate Kay",
        "Helen Knuckle",
    ]
    assert _names(m, AttendanceStatus.APOLOGIES) == [
        "Polly Gegg",
        "Jude Smith",
        "Christina McDough",
    ]


def test_one_person_named_several_ways_is_one_attendee() -> None:
    m = parse_text(
        "Present: Steve Ashley (Chair), Warren Carratt\n\n"
        "1. Welcome\nMr Ashley welcomed the group. Mr Carratt agreed to book a venue.\n"
    )
    assert [a.name for a in m.attendees] == ["Steve Ashley", "Warren Carratt"]


def test_not_minutes_invents_nothing() -> None:
    m = parse_text(
        "Contents\n\nIntroduction 2\n\nFirst Annual Report 2019 - 2020\n\n"
        + "The partnership agreed that the board met often and resolved to improve. " * 50
    )
    assert m.kind is DocumentKind.NOT_MINUTES
    assert m.attendees == [] and m.resolutions == [] and m.actions == []
    assert any(d.code == "not_minutes" for d in m.diagnostics)


def test_group_present_headings_and_narrative_after_the_list() -> None:
    m = parse_text(
        "Saturday, February 9, 2019\n\n"
        "Commissioners Present: Chair Elizabeth Kenny, Vice Chair Jenn Barrett; Commissioners "
        "Anto Aghapekian and Arnold Brillinger.\n\n"
        "Others Present: City Staff Jackie Krause and Laurie Kozisek. No members of the public "
        "attended.\n\n"
        "1. INTRODUCTIONS\nThe Chair welcomed everyone.\n"
    )
    assert m.kind is DocumentKind.MINUTES  # from the "... Present:" heading alone
    assert _names(m, AttendanceStatus.PRESENT) == [
        "Elizabeth Kenny",
        "Jenn Barrett",
        "Anto Aghapekian",
        "Arnold Brillinger",
    ]
    assert _names(m, AttendanceStatus.IN_ATTENDANCE) == ["Jackie Krause", "Laurie Kozisek"]
    assert {a.name: a.role for a in m.attendees}["Jackie Krause"] == "City Staff"


def test_none_ends_a_list_and_compound_titles_keep_their_and() -> None:
    m = parse_text(
        "MINUTES OF THE OPEN GOVERNMENT COMMISSION MEETING\nMONDAY - - - MARCH 5, 2018\n"
        "ROLL CALL - Present: Commissioners Foreman, Henneberry and Chair Dieter – 3.\n"
        "Absent: None.\n"
        "ORAL COMMUNICATIONS, NON-AGENDA\n"
        "Public Comment\n"
        "Staff: Amy Wooldridge, Recreation and Park Director\n"
    )
    assert _names(m, AttendanceStatus.PRESENT) == ["Foreman", "Henneberry", "Dieter"]
    assert _names(m, AttendanceStatus.ABSENT) == []
    assert [
        (a.name, a.role) for a in m.attendees if a.status is AttendanceStatus.IN_ATTENDANCE
    ] == [("Amy Wooldridge", "Recreation and Park Director")]


def test_roll_call_wrapped_over_lines_with_offices_before_surnames() -> None:
    # As a PDF gives it: each printed line its own paragraph, a name split by the wrap.
    m = parse_text(
        "MINUTES OF THE CITY COUNCIL MEETING\nTUESDAY - - NOVEMBER 19, 2019\n\n"
        "ROLL CALL - Present: Councilmembers/Commissioners Daysog, Knox\n\n"
        "White, Oddie, Vella and\n\n"
        "Mayor/Chair Ezzy Ashcraft – 5.\n\n"
        "Absent: None.\n\n"
        "Present: Chair Limoges, Vice Chair Alexander and Commissioner Robbins.\n"
    )
    present = [(a.name, a.role) for a in m.attendees if a.status is AttendanceStatus.PRESENT]
    assert present == [
        ("Daysog", None),
        ("Knox White", None),
        ("Oddie", None),
        ("Vella", None),
        ("Ezzy Ashcraft", "Mayor/Chair"),
        ("Limoges", "Chair"),
        ("Alexander", "Vice Chair"),
        ("Robbins", None),
    ]
    # Each span is the entry as written: the name, with any office before it.
    assert [m.source_text(a.span) for a in m.attendees][:2] == ["Daysog", "Knox\nWhite"]
    assert m.source_text(m.attendees[4].span) == "Mayor/Chair Ezzy Ashcraft"


def test_numbered_roll_call_and_two_sections_on_one_line() -> None:
    m = parse_text(
        "MINUTES OF THE TRANSPORTATION COMMISSION MEETING\nWEDNESDAY, JULY 25, 2018\n\n"
        "1. ROLL CALL Present: President Sullivan, Board Members Cavanaugh, Curtis, Palmer "
        "Absent: Chair Bellows\n\n"
        "2. APOLOGIES FOR ABSENCE AND SUBSTITUTIONS\n\n"
        "3. AGENDA CHANGES\nNone.\n"
    )
    assert [(a.name, a.status.value, a.role) for a in m.attendees] == [
        ("Sullivan", "present", "President"),
        ("Cavanaugh", "present", None),
        ("Curtis", "present", None),
        ("Palmer", "present", None),
        ("Bellows", "absent", "Chair"),
    ]
    # A numbered attendance word without a list is an agenda item's title, not a heading.
    assert [(i.number, i.title) for i in m.agenda_items][-2:] == [
        ("2", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS"),
        ("3", "AGENDA CHANGES"),
    ]


def test_roll_call_answered_in_a_verbatim_transcript() -> None:
    m = parse_text(
        "Minutes of the Commission on Disability meeting held on 14 February 2018\n\n"
        "1. ROLL CALL\n"
        "Beth Kenny: I'd like to call to order the meeting. Can we start with roll call?\n"
        "Beth Kenny: Present.\nJenny Linton: Here.\nLisa Hall: present\n\n"
        "2. MINUTES\nBeth Kenny: The minutes are approved as presented.\n"
    )
    assert _names(m, AttendanceStatus.PRESENT) == ["Beth Kenny", "Jenny Linton", "Lisa Hall"]
    assert [m.source_text(a.span) for a in m.attendees] == [a.name for a in m.attendees]


def test_item_titles_with_the_text_run_in_after_them() -> None:
    m = parse_text(
        "APPROVED MINUTES REGULAR MEETING OF THE HISTORICAL ADVISORY BOARD\n"
        "THURSDAY, APRIL 4, 2019\n\n"
        "1. CONVENE Chair Saxby called the meeting to order at 7:03pm.\n\n"
        "2. ROLL CALL Present: Chair Saxby, Board Members Jones, Lau.\n\n"
        "3. ORAL COMMUNICATIONS None.\n\n"
        "4. APPROVAL OF MINUTES Board Member Lau made a motion to accept the minutes.\n\n"
        "5. PLANNING APPLICATIONS Update on the Old Mill Site\n\n"
        "6. RLSCB Sub Group progress reports\n"
    )
    assert [(i.number, i.title) for i in m.agenda_items] == [
        ("1", "CONVENE"),
        ("2", "ROLL CALL"),
        ("3", "ORAL COMMUNICATIONS"),
        ("4", "APPROVAL OF MINUTES"),
        # Capitals before a title's own words are kept: no sentence has begun.
        ("5", "PLANNING APPLICATIONS Update on the Old Mill Site"),
        ("6", "RLSCB Sub Group progress reports"),
    ]
    assert _names(m, AttendanceStatus.PRESENT) == ["Saxby", "Jones", "Lau"]
    assert m.meeting.start_time == "19:03"  # "called the meeting to order at 7:03pm"
    assert m.meeting.body == "HISTORICAL ADVISORY BOARD"


def test_a_decision_reported_from_elsewhere_is_not_this_meetings() -> None:
    m = parse_text(
        "Minutes of the Historical Advisory Board held on 4 April 2019\n\n"
        "Present: Chair Saxby, Board Members Jones, Lau.\n\n"
        "9. STAFF UPDATES\nStaff Member Tai reported that the City Council adopted the updated "
        "inventory on March 19, 2019.\n\n"
        "10. SIGNAGE\nAfter discussion the Board unanimously approved the signage plan.\n"
    )
    assert [r.text for r in m.resolutions] == ["the Board unanimously approved the signage plan."]


def test_minutes_title_makes_minutes_even_of_a_cancelled_meeting() -> None:
    m = parse_text(
        "MINUTES OF THE OPEN GOVERNMENT COMMISSION MEETING\n"
        "TUESDAY - - - AUGUST 21, 2018 - - - 7:00 P.M.\n\nThe meeting was cancelled.\n"
    )
    assert m.kind is DocumentKind.MINUTES
    assert m.meeting.date == dt.date(2018, 8, 21)
    assert m.attendees == [] and m.resolutions == []
    for text in (
        "Meeting Minutes of L6 Group 10\n5/10/16 Meeting with Eddie, Dave and Steve\n",
        "Committee Meeting\nDate: Tuesday 4 April, 2016\n1. Attendance\n1.3 Apologies\nGeorge\n",
    ):
        assert parse_text(text).kind is DocumentKind.MINUTES, text
    # A sentence about minutes is not a title.
    report = parse_text(
        "Annual Report 2023\n\nThe minutes of the last meeting were approved by the Board.\n"
    )
    assert report.kind is DocumentKind.NOT_MINUTES


def test_agenda_hierarchy_ignores_restarted_lists_and_splits_presenter() -> None:
    m = parse_text(
        "Minutes of the Board meeting held on 4 December 2014\n\nPresent: A Smith, B Jones\n\n"
        "1. Welcome\nText.\n\n2. Reports\n\n2.1 Performance Sub Group\nThe following were "
        "published:\n1. Select Committee report\n2. Ofsted report\n\n2.2 Finance\nText.\n\n"
        "3. Commissioning Strategy 2014 – 17 – Chrissy Wright\nText.\n\n4. Any other business\n"
    )
    top = [(i.number, i.title, i.presenter) for i in m.agenda_items]
    assert top == [
        ("1", "Welcome", None),
        ("2", "Reports", None),
        ("3", "Commissioning Strategy 2014 – 17", "Chrissy Wright"),
        ("4", "Any other business", None),
    ]
    assert [c.number for c in m.agenda_items[1].children] == ["2.1", "2.2"]


def test_minute_references_and_sub_references() -> None:
    m = parse_text(
        "Minutes of the Parish Council meeting held on 11 March 2024\n\nPresent: Cllr A Smith\n\n"
        "24/031\tCHAIRMAN'S WELCOME\nText.\n\n24/038\tFINANCE\n24/038.1 Payments\nPaid.\n"
        "24/038.2 Bank reconciliation\nDone.\n"
    )
    assert [i.number for i in m.agenda_items] == ["24/031", "24/038"]
    assert [c.number for c in m.agenda_items[1].children] == ["24/038.1", "24/038.2"]


def test_resolved_list_and_inline_numbered_resolutions() -> None:
    m = parse_text(
        "Minutes of the Panel meeting held on 1 May 2024\n\nPresent: A Smith\n\n"
        "5. Housing rents\nRESOLVED – (1) that rents rise by 5%; (2) that the policy be noted.\n\n"
        "6. Annual report\nResolved: -\n\n1. That the report be received.\n\n"
        "2. That the format be reviewed.\n"
    )
    assert [(r.number, r.text, r.agenda_item) for r in m.resolutions] == [
        ("1", "that rents rise by 5%", "5"),
        ("2", "that the policy be noted.", "5"),
        ("1", "That the report be received.", "6"),
        ("2", "That the format be reviewed.", "6"),
    ]


def test_votes_are_recorded_as_stated_never_inferred() -> None:
    unanimous = parse_vote("The motion carried by unanimous voice vote – 5.")
    assert unanimous is not None
    assert unanimous.unanimous and unanimous.voice_vote and unanimous.for_count == 5
    assert unanimous.for_names == []  # a unanimous vote is not a list of voters
    named = parse_vote(
        "For: Councillors Baker, Davies, Evans (3); Against: Councillors Frost, "
        "Gill (2); Abstain: Councillor Hale (1). The motion was CARRIED."
    )
    assert named is not None
    assert named.for_names == ["Baker", "Davies", "Evans"] and named.for_count == 3
    assert named.against_names == ["Frost", "Gill"] and named.abstain_count == 1
    split = parse_vote("The motion passed 4-3.")
    assert split is not None and (split.for_count, split.against_count) == (4, 3)
    assert parse_vote("The Board discussed the report.") is None


def test_motion_is_folded_into_the_decision_it_led_to() -> None:
    m = parse_text(
        "MINUTES\nCITY COUNCIL\nTuesday, June 20, 2023\n\nROLL CALL - Present: Councilmembers "
        "Whitfield, Osei and Mayor Delgado – 3.\n\n5. CONSENT CALENDAR\nCouncilmember Whitfield "
        "moved approval of Items 5-A and 5-B; Councilmember Osei seconded. The motion carried by "
        "unanimous voice vote – 3.\n\n5-A. Approval of Minutes\nAction: Approved the minutes.\n\n"
        "5-B. Warrant Register\nAction: Ratified the warrant register.\n"
    )
    assert [(r.text, r.agenda_item) for r in m.resolutions] == [
        ("Approved the minutes.", "5-A"),
        ("Ratified the warrant register.", "5-B"),
    ]
    first = m.resolutions[0]
    assert first.mover is not None and first.mover.name == "Whitfield"
    assert first.seconder is not None and first.seconder.name == "Osei"
    assert first.vote is not None and first.vote.unanimous
    assert m.actions == []  # "Action: Approved …" records a decision, not a task


def test_date_order_is_decided_from_the_document_and_overridable() -> None:
    assert infer_date_order("Regular Meeting of June 6, 2023. Councilmember Osei.") == "mdy"
    assert infer_date_order("held on Thursday 4th December 2014, 13/01/2015") == "dmy"
    text = "Minutes of the meeting held on 04/05/2024\n\nPresent: A Smith\n"
    assert parse_text(text).meeting.date == dt.date(2024, 5, 4)
    us = parse_text(text, ParseOptions(date_order="mdy"))
    assert us.meeting.date == dt.date(2024, 4, 5)
    assert [d.date for d in find_dates("04.12.2014 and 10.12.14", "dmy")] == [
        dt.date(2014, 12, 4),
        dt.date(2014, 12, 10),
    ]
    assert [t.value for t in find_times("1pm – 4pm; 7:00 p.m.; 18:30; 2.15 million")] == [
        "13:00",
        "16:00",
        "19:00",
        "18:30",
    ]


def test_every_mention_of_an_attendee_is_recorded() -> None:
    m = parse_text(
        "Present: Steve Ashley (Chair), Warren Carratt, Sam Carratt\n\n"
        "1. Welcome\nMr Ashley welcomed the group. Steve Ashley then spoke.\n"
        "Mr Carratt agreed to book a venue.\n"
    )
    ashley = m.attendees[0]
    assert [m.source_text(s) for s in ashley.mentions] == ["Mr Ashley", "Steve Ashley"]
    # "Mr Carratt" could be either Carratt: it is recorded for neither.
    assert all(m.source_text(s) != "Mr Carratt" for a in m.attendees[1:] for s in a.mentions)


def test_passive_decisions_and_a_motion_that_died() -> None:
    m = parse_text(
        "Minutes of the Golf Commission meeting held on 10 April 2018\n\n"
        "Present: Commissioners Ames, Baker and Cole\n\n"
        "1. Minutes\nThe Commission reviewed them. The minutes of March 13, 2018 were approved "
        "unanimously.\n\n"
        "2. Fees\nCommissioner Ames made a motion to approve the fee increase, seconded by "
        "Commissioner Baker. The motion died for lack of a second.\n"
    )
    passive, motion = m.resolutions
    assert passive.text == "The minutes of March 13, 2018 were approved unanimously."
    assert (passive.agenda_item, passive.outcome) == ("1", "approved")
    assert motion.outcome == "failed" and motion.agenda_item == "2"
    assert motion.mover is not None and motion.mover.name == "Ames"
