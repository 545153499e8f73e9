"""Action forms read from real minutes; each test names the document (corpus/real, dev
split) it was built from."""

from __future__ import annotations

from minutes_parser import parse, parse_text

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_bracketed_marker_with_one_task_per_owner() -> None:
    """era-portal-ops-2024-06-11.pdf: '[Action: IW to provide report on bike store security
    statistic. Portal to explore security measures at bike stores where there is open roof
    top.]' — two owners, two actions, the closing bracket not part of the task; 'IW' is
    Irene Wong of the 'Those present' list (as the gold has it)."""
    m = parse(REAL_DEV / "era-portal-ops-2024-06-11.pdf")
    got = {(tuple(a.owners), a.description) for a in m.actions}
    assert (("Irene Wong",), "provide report on bike store security statistic") in got
    assert (
        ("Portal",),
        "explore security measures at bike stores where there is open roof top",
    ) in got
    assert (("Portal",), "investigate with Vital") in got


def test_office_holders_and_reported_speech_give_owned_actions() -> None:
    """south-cerney-pc-2002-07.htm: 'The Clerk was asked to notify Mr T. Jones …', 'The
    Clerk was to enquire from the Parochial Church Council …', 'Cllr Jones (CDC) would make
    further enquiries …' — an office holder owns a task as written; 'would like' does not."""
    from minutes_parser.pipeline import parse_text

    m = parse_text(
        "Minutes of the Parish Council meeting held on 10 July 2002\n\n"
        "Present: Cllr Stuart (Chairman), Cllr Mrs Gardiner\n\n"
        "The Clerk was asked to notify the Head of Planning. Cllr Jones (CDC) would make "
        "further enquiries. The Clerk was to enquire about the cost. The ERA would like a "
        "reply. The Library will discontinue the service.\n"
    )
    got = [(a.owners, a.description) for a in m.actions]
    assert got == [
        (["Clerk"], "notify the Head of Planning"),
        (["Cllr Jones"], "make further enquiries"),
        (["Clerk"], "enquire about the cost"),
    ]
    assert m.actions[0].owner_refs[0].resolved is False  # kept as written, flagged
    real = parse(REAL_DEV / "south-cerney-pc-2002-07.htm")
    assert any(
        a.owners == ["Clerk"] and a.description.startswith("notify Mr T. Jones")
        for a in real.actions
    )


def test_particle_names_and_qualified_attendance_heading() -> None:
    """williamsburg-ma-2014-08-14.docx: 'Executive Board members present: Sharon Helt, …,
    Bobbi Jo van Deusen, …' and 'Color Guard by Mary Greiner. … Mary will talk to Kennedy HS
    about borrowing overalls for uniforms.' (a name with a particle resolves; people not
    listed as present are not guessed as owners)."""
    m = parse(REAL_DEV / "williamsburg-ma-2014-08-14.docx")
    assert {"Sharon Helt", "Karen Meyerholz", "Bobbi Jo van Deusen"} <= {
        a.name for a in m.attendees
    }
    got = {(tuple(a.owners), a.description) for a in m.actions}
    assert (("Mary Greiner",), "talk to Kennedy HS about borrowing overalls for uniforms") in got
    assert (("Bobbi Jo van Deusen",), "create the Signup Genius") in got
    # "Parents present were:" / "Dee Culp, Stacey Lindsey, …" lists parents as present, so
    # "Rootbeer floats – Stacey Lindsey will ask Costco for donations." has its owner; with
    # Mary Wetjen present too, "Mary" and then "She" are the Mary Greiner the paragraph named.
    assert {"Dee Culp", "Stacey Lindsey", "Mary Wetjen"} <= {a.name for a in m.attendees}
    assert (("Stacey Lindsey",), "ask Costco for donations") in got
    assert (("Mary Greiner",), "look in to buying flags") in got


def test_log_row_cell_read_as_an_outline() -> None:
    """enterprise-pro-team-minutes-log.docx: a table row per meeting whose Content cell holds
    '1. Progress/Achievements' … '2. Plan for the next week:' and one task per line."""
    from minutes_parser import parse_meetings

    first = parse_meetings(REAL_DEV / "enterprise-pro-team-minutes-log.docx")[0]
    assert str(first.meeting.date) == "2026-01-29"
    assert [a.description for a in first.actions][:2] == [
        "Meet with the client assigned to our project",
        "Ask clients the questions on our list",
    ]
    assert "Plan for the next week" in [i.title for i in first.agenda_items]


def test_item_who_by_table_is_an_action_table_not_agenda() -> None:
    """r-pet-team22-minutes-log.docx: 'Action Items' / 'No | Item | Who | By' /
    '2 | Activity diagram | Thang | April 19', under a 'Meeting Details' form whose empty
    'Copy To:' field is not an attendee."""
    from minutes_parser import parse_meetings

    second = parse_meetings(REAL_DEV / "r-pet-team22-minutes-log.docx")[1]
    got = {a.description: a.owners for a in second.actions}
    assert got["Activity diagram"] == ["Phan Quoc Thang"]
    assert got["Use case diagram"] == ["Bui Nguyen Ngoc Tuan"]
    assert "Activity diagram" not in [i.title for i in second.agenda_items]
    assert "Copy To" not in [a.name for a in second.attendees]


def test_title_and_first_name_resolve_the_owner() -> None:
    """appna-ok-ec-2018-01-09.docx: 'Attendees: Dr. Tauqeer Ali, Dr. Yasmin Sarfraz, Dr. Fuad
    Hassny (Finance committee), …' and tasks given to 'Dr. Fuad'."""
    m = parse(REAL_DEV / "appna-ok-ec-2018-01-09.docx")
    fuad = [a for a in m.actions if a.owners == ["Fuad Hassny"]]
    assert fuad and all(r.method == "first_name" for a in fuad for r in a.owner_refs)


def test_header_role_field_and_actions_heading_for_that_role() -> None:
    """hypha-finance-wg-2019-11-26.md: 'Attending:  yj, bl, pc' / 'Cultivator: bl' /
    'Notetaker:  bl' and '### Action Items for Cultivator' / '- [x] Publish meeting notes to
    GitHub'."""
    m = parse(REAL_DEV / "hypha-finance-wg-2019-11-26.md")
    bl = next(a for a in m.attendees if a.name == "bl")
    assert (bl.role, bl.is_minute_taker) == ("Cultivator", True)
    assert next(a for a in m.attendees if a.name == "yj").role is None
    owners = {a.description: a.owners for a in m.actions}
    assert owners["Publish meeting notes to GitHub"] == ["bl"]


def test_log_rows_dated_before_the_meeting_are_updates() -> None:
    # nmnwse-board-2015-06-13.docx: "Date | Item | Responsible | Status" / "02.20.15 | Email
    # thread to review weighting & metrics for IMPACT judging … | Phyllis | Open" in June's
    # minutes: February's action, reported still open; "June 15 | Establishing proposed
    # policies for EYH donations. | Jeanne Banks |" is this meeting's.
    m = parse(REAL_DEV / "nmnwse-board-2015-06-13.docx")
    updates = {u.description[:19]: u for u in m.action_updates}
    assert updates["Email thread to rev"].raised_date == "2015-02-20"
    assert updates["Email thread to rev"].status.value == "open"
    assert updates["Email thread to rev"].owners == ["Phyllis Baca"]
    assert any(a.description.startswith("Establishing proposed policies") for a in m.actions)
    assert not any(a.description.startswith("Email thread") for a in m.actions)


def test_action_markers_on_the_lines_of_a_table_cell() -> None:
    # ../shared/realworld/docs/cssuob-committee-2025-04-08.html: an item table whose cells
    # hold notes line by line, "6 | Future Events …\nAction MW: Create poll for charity\n…";
    # "Action LB: Write last publicity\nAction completed" restates an earlier action with
    # its status, and is not a new one.
    from .conftest import shared_dir

    m = parse(shared_dir("realworld", "docs") / "cssuob-committee-2025-04-08.html")
    got = {a.description: a.owners for a in m.actions}
    assert got["Create poll for charity"] == ["Matty Widdop"]
    assert got["Submit pizza expenses"] == ["Adi Agarwal"]
    assert "Write last publicity" not in got


def test_an_officer_addressed_by_office_and_surname_owns_an_undertaking() -> None:
    # ../shared/realworld/docs/alameda-libraryboard-2019-09-11.pdf: "Director Chisaki will
    # send her the email of the volunteer coordinator …" with "Director Chisaki" present.
    from minutes_parser.pipeline import parse_text

    m = parse_text(
        "MINUTES OF THE LIBRARY BOARD MEETING\n"
        "ROLL CALL Present: Board Member Kearney, Board Member McConeghey, Director Chisaki\n"
        "Director Chisaki will send her the email of the volunteer coordinator.\n"
    )
    (action,) = m.actions
    assert action.owners == ["Chisaki"]
    assert action.owner_refs[0].resolved
    assert action.description == "send her the email of the volunteer coordinator"


def test_direction_to_staff_given_with_a_motion() -> None:
    # ../shared/realworld/docs/alameda-citycouncil-2019-09-03.pdf: "… with direction to staff
    # to come back by the second meeting in October with options …"
    from minutes_parser.pipeline import parse_text

    m = parse_text(
        "MINUTES OF THE CITY COUNCIL MEETING\n"
        "ROLL CALL Present: Councilmembers Daysog, Knox White, Oddie\n"
        "Councilmember Oddie moved approval of the staff recommendation with direction to "
        "staff to come back by the second meeting in October with options for funding.\n"
    )
    (action,) = m.actions
    assert action.owners == ["staff"]
    assert action.description.startswith("come back by the second meeting in October")


def test_a_topic_title_naming_a_person_is_not_an_action() -> None:
    """w3c-immersive-web-wg-2018-10-02.html (../shared/realworld): the contents list '1. Nell
    to give short update on Privacy workshop' titles the first topic; Nell Waliczek is on the
    Present list, yet the title records no undertaking."""
    from .conftest import shared_dir

    m = parse(shared_dir("realworld") / "docs" / "w3c-immersive-web-wg-2018-10-02.html")
    assert m.agenda_items[0].title == "Nell to give short update on Privacy workshop"
    assert not any("Privacy workshop" in a.description for a in m.actions)


def test_a_numbered_action_list_of_owner_dash_task() -> None:
    """ppss-committee-2016-03-15.pdf (../shared/realworld): 'Action List' / '1. Daniel -
    organise posters for Physical Systems advertising' / … / '5. Innes/George - buy knives and
    forks …' / '12. Others - let Daniel know …': each a task with its owner, none an item of
    the agenda (which ends at '9 Meeting close')."""
    from .conftest import shared_dir

    m = parse(shared_dir("realworld") / "docs" / "ppss-committee-2016-03-15.pdf")
    by_task = {a.description: a.owners for a in m.actions}
    assert by_task["organise posters for Physical Systems advertising"] == ["Daniel"]
    assert by_task["buy knives and forks for GOSS (with GOSS funds)"] == ["Innes", "George"]
    assert [i.number for i in m.agenda_items][-1] == "9"


def test_an_action_table_without_a_header_row() -> None:
    """rakino-ratepayers-committee-2016-07-21.docx (corpus/real, dev): under 'Work in progress
    (rolling review …)' a table of 'task | owner' rows with no header row: 'Discuss and agree
    format of incentive … | ALL', 'BV to contact all new arrivals … | BV', 'Letter to
    Solicitor … | LS (c/fwd)', 'Approval of proposed Survey expenditure … | DONE – by email'."""
    from minutes_parser import parse_meetings

    (m,) = parse_meetings(
        CORPUS / "real" / "dev" / "docs" / "rakino-ratepayers-committee-2016-07-21.docx"
    )
    by_task = {a.description[:40]: a for a in m.actions}
    assert by_task["BV to contact all new arrivals to encour"].owners == ["Bert Vercruyssen"]
    solicitor = by_task["Letter to Solicitor regarding the necess"]
    assert solicitor.owners == ["Laura Sunderland"]
    assert solicitor.status is not None and solicitor.status.value == "carried_forward"
    survey = by_task["Approval of proposed Survey expenditure "]
    assert survey.owners == [] and survey.status is not None and survey.status.value == "completed"


def test_a_task_marker_mid_paragraph_named_and_in_dutch() -> None:
    """fronteers-board-2014-08-21.md (corpus/real, dev): '… Sander gaat dit in goede banen
    leiden tijdens de ALV. Taak Sander: een hamer-achtig object meenemen.' — a marker opening
    a later sentence, with the owner's name in it ('Taak' is Dutch for task)."""
    m = parse(CORPUS / "real" / "dev" / "docs" / "fronteers-board-2014-08-21.md")
    by_task = {a.description: a.owners for a in m.actions}
    assert by_task["een hamer-achtig object meenemen"] == ["Sander"]
    assert by_task["rapportage voorbereiden"] == ["Matijs"]


def test_two_tasks_of_one_owner_in_one_paragraph_are_two_actions() -> None:
    # The fronteers form in English: a sentence and a marker of one owner, one paragraph.
    from minutes_parser.pipeline import parse_text

    m = parse_text(
        "Minutes of the board meeting\nPresent: Arjan, Krijn, Sander\n"
        "Sander will lead the general meeting. Action Sander: bring a hammer.\n"
    )
    assert sorted(a.description for a in m.actions) == [
        "bring a hammer",
        "lead the general meeting",
    ]


def test_a_french_to_do_heading_over_paragraphs_with_the_owner_in_brackets() -> None:
    """mdp-rennes-ca-2024-02-22.md: '*A faire*' over the paragraph "Recontacter l'interorga
    pour leur faire part de nos décisions (Rafa)." — a paragraph under an actions heading is
    an action when it names someone present."""
    m = parse(REAL_DEV / "mdp-rennes-ca-2024-02-22.md")
    got = {a.description: a.owners for a in m.actions}
    assert got["Recontacter l'interorga pour leur faire part de nos décisions"] == ["Rafa"]


def test_one_to_do_marker_listing_tasks_with_their_owners_after_them() -> None:
    """mdp-rennes-ca-2024-06-12.md: 'A faire : Rapport moral 2024 (Charlotte et Anne-Marie) ;
    Rapport financier 2024 (Anaël et Quentin) ; Rédiger une proposition … (Quentin).' — one
    action a part, its owners in brackets, 'et' between two."""
    m = parse(REAL_DEV / "mdp-rennes-ca-2024-06-12.md")
    got = {a.description: a.owners for a in m.actions}
    assert got["Rapport moral 2024"] == ["Charlotte", "Anne-Marie"]
    assert got["Rapport financier 2024"] == ["Anaël", "Quentin"]


def test_an_undertaking_in_the_progressive() -> None:
    """licton-springs-cc-2021-03-17.md: 'Melanie will be attending the Aurora Reimagined
    Coalition meeting upcoming.'; licton-springs-cc-2021-04-21.md: '… will be moving to another
    neighborhood and will be leaving Board …' is where someone will be, no task."""
    m = parse(REAL_DEV / "licton-springs-cc-2021-03-17.md")
    got = {a.description: a.owners for a in m.actions}
    assert got["be attending the Aurora Reimagined Coalition meeting upcoming"] == [
        "Melanie Davies"
    ]
    m = parse(REAL_DEV / "licton-springs-cc-2021-04-21.md")
    assert not [a for a in m.actions if "moving to another" in a.description]


def test_initials_with_a_middle_initial_the_attendance_list_leaves_out() -> None:
    """rconsortium-submissions-wg-2022-09-02.html: 'Action Item JBR will speak with Elisa
    Trevino …' where the attendees list 'Joseph Rickert'."""
    m = parse(REAL_DEV / "rconsortium-submissions-wg-2022-09-02.html")
    owned = [a for a in m.actions if a.description.startswith("speak with Elisa Trevino")]
    assert [a.owners for a in owned] == [["Joseph Rickert"]]
    assert owned[0].owner_refs[0].method == "initials_middle"


def test_an_owner_cell_written_once_a_line_names_its_owner_once() -> None:
    """decoy-fgb-2020-02-03.pdf: row '50b/1920 | Notify Kay Dicken … Distribute an ecopy of
    Governance Today … | Clerk Clerk | asap asap' — two tasks run into one row, one owner."""
    m = parse(REAL_DEV / "decoy-fgb-2020-02-03.pdf")
    row = [a for a in m.actions if a.description.startswith("Notify Kay Dicken")]
    assert [a.owners for a in row] == [["Clerk"]]


def test_an_entry_marked_carried_forward_reports_an_earlier_action() -> None:
    """rakino-ratepayers-committee-2016-09-08.docx: the 'Actions Summary and Work in progress'
    table ends with 'Liaise with Auckland Harbour Master regarding moorings (carried forward)'
    (RE) and 'Investigate grant options for seating at viewpoints (carried forward)' (WW)."""
    m = parse(REAL_DEV / "rakino-ratepayers-committee-2016-09-08.docx")
    carried = [u for u in m.action_updates if u.rule == "action_review:carried_mark"]
    assert [(u.description, u.owners, u.status.value) for u in carried] == [
        (
            "Liaise with Auckland Harbour Master regarding moorings (carried forward)",
            ["Rob Everall"],
            "carried_forward",
        ),
        (
            "Investigate grant options for seating at viewpoints (carried forward)",
            ["Wayne Whitaker"],
            "carried_forward",
        ),
    ]
    assert carried[0].status_text == "carried forward"
    assert not any("moorings" in a.description for a in m.actions)
    assert any(a.description == "Install new RRA sign on Community Hall" for a in m.actions)


def test_numbered_actions_in_a_decisions_and_actions_column() -> None:
    """not-lpc-2018-05-02.pdf: a 'Item | Discussion | Decisions and Action Points' table whose
    last cells hold decisions and numbered actions, one a line ('05-06 SB to ask GPhC about
    costsharing'; initials defined by the attendance table)."""
    m = parse(REAL_DEV / "not-lpc-2018-05-02.pdf")
    by_ref = {a.ref: a for a in m.actions}
    assert by_ref["05-06"].owners == ["Stephen Blackman"]
    assert by_ref["05-06"].description == "ask GPhC about costsharing"
    assert by_ref["05-15"].owners == ["Chris Dodd"]
    assert by_ref["05-05"].description == "Governance position to be reviewed at July meeting"
    assert not any("appointed Vice-Chair" in a.description for a in m.actions)


def test_owners_in_square_brackets_under_a_grouping_subheading() -> None:
    """rse-aunz-sc-2019-11-01.md: '## Actions' / '### Deliverables:' / '- D1 (Publish a
    Manifesto or Mission Statement)' / '  - [HP]   Create a poll about ideas for a new
    RSE-AUNZ tagline.' (HP defined in the attendance list as Heidi Perrett)."""
    m = parse(REAL_DEV / "rse-aunz-sc-2019-11-01.md")
    first = m.actions[0]
    assert first.owners == ["Heidi Perrett"]
    assert first.description == "Create a poll about ideas for a new RSE-AUNZ tagline"
    assert len(m.actions) == 12
    assert not any(a.description.startswith("D1") for a in m.actions)


def test_lines_introducing_the_lists_of_an_actions_section() -> None:
    """permaplant-team-2023-12-11.md: '## Tasks for Everyone' / 'To be done until **Friday
    15.12.2023**:' / '1. buddy talk topic: methodology (Daniel & Moritz)' … 'If possible/needed,
    do:' / '- …'; '## Individual Tasks' / '- Daniel: timeline mergen, …'."""
    m = parse(REAL_DEV / "permaplant-team-2023-12-11.md")
    got = [(a.owners, a.description) for a in m.actions]
    assert got[0] == (["Daniel", "Moritz"], "buddy talk topic: methodology")
    assert (["Everyone"], "submit a (short) text in submissions") in got
    assert got[-1][0] == ["Samuel"]
    assert len(got) == 11


def test_a_review_at_a_heading_s_level_and_closed_action_lines() -> None:
    """jmmp-go-2024-02-14.md: under '1. Review actions/approve minutes of the previous
    meeting', 'Action: AA to create JMMP GitHub repository for GO coordination - done.
    _Closed._' reports an earlier action; '## Actions from previous meetings' ends at
    '## GO development general updates:', whose topics are not reviewed actions; '2.1 AA to
    pass AM contact to Alejandro re GC5 tuning' in the actions list keeps its reference."""
    m = parse(REAL_DEV / "jmmp-go-2024-02-14.md")
    closed = [u for u in m.action_updates if u.status.value == "completed"]
    assert [(u.owners, u.description) for u in closed][1] == (
        ["Ana Aguiar"],
        "create JMMP GitHub repository for GO coordination",
    )
    assert not any(u.description.startswith("OSMOSIS") for u in m.action_updates)
    assert not any("GitHub repository" in a.description for a in m.actions)
    by_ref = {a.ref: a for a in m.actions}
    assert by_ref["2.1"].owners == ["Ana Aguiar"]
    assert by_ref["2.1"].description == "pass AM contact to Alejandro re GC5 tuning"


def test_a_first_name_the_record_introduced_in_full_owns_its_undertaking() -> None:
    """heatherstone-hoa-2024-01-17.pdf: 'Remarks from New Property Manager, McKinzie Baker',
    then 'McKinzie will obtain a couple more tree removal bids …'; she is not on the
    'Present:' line. Two people of one first name leave it unresolved (eth-acd-63.md names
    James Hancock and James Prestwich)."""
    m = parse(REAL_DEV / "heatherstone-hoa-2024-01-17.pdf")
    bids = next(a for a in m.actions if a.description.startswith("obtain a couple more tree"))
    assert bids.owners == ["McKinzie Baker"]
    text = (
        "Board meeting\n\nPresent: Ann Lee, Bo Chan\n\n1. Business\n\n"
        "Thanks to James Hancock and James Prestwich.\n\nJames will send the report.\n"
    )
    assert [a.description for a in parse_text(text).actions] == []
    # corpus/series/project-steering-group/2024-01-23.txt: "Vantora Systems Ltd" is a firm,
    # so "Vantora will provide a resource plan …" names no person ("(Vantora Housing)")
    firm = (
        "Board meeting\n\nPresent: Ann Lee, Bo Chan\n\n1. Business\n\nThe contract with "
        "Vantora Systems Ltd was signed. The new system (Vantora Housing) goes live in "
        "September.\n\nVantora will provide a resource plan by 9 February.\n"
    )
    assert [a.owners for a in parse_text(firm).actions] == []
