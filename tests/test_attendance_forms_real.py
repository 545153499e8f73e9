"""Attendance forms read from real minutes; each test names the document (corpus/real, dev
split) it was built from."""

from __future__ import annotations

from minutes_parser import parse, parse_text
from minutes_parser.extract.sections import attendance_heading

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_semicolon_list_wrapped_over_lines() -> None:
    """wigan-ehn-2009-01-12.htm: 'Present - John O'Neill (Chair) Greenheart Partnership
    Board; …; Neil Forshaw - George' / 'Formby Society; Tom Glover - Wigan Archaeology
    Society; … Leigh & District Family History Society; …' and 'Apologies - …; David
    Shalltall.' — semicolons part the entries, commas and '&' stay inside them."""
    m = parse(REAL_DEV / "wigan-ehn-2009-01-12.htm")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Neil Forshaw"] == "present"
    assert status["Tom Glover"] == "present"
    assert status["Jason Kennedy"] == "present"
    assert status["David Shalltall"] == "apologies"
    assert not any("Society," in (a.organisation or "") for a in m.attendees)


def test_numbered_item_run_on_into_its_list() -> None:
    """suffolk-libraries-agm-2014-09-11.pdf: a table row '2. | Apologies for Absence
    Charlotte Clark – Southwold, Sarah Hunt – Hadleigh, …, Sue Charteris, …' and an
    'Attendees | Directors, Members and Staff of Suffolk Libraries' row naming nobody."""
    m = parse(REAL_DEV / "suffolk-libraries-agm-2014-09-11.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    for name in ("Charlotte Clark", "Sarah Hunt", "Sue Charteris", "Tony Kerley"):
        assert status[name] == "apologies", name
    assert "Directors" not in status
    assert all(a.organisation is None or "," not in a.organisation for a in m.attendees)


def test_unheaded_list_above_the_apologies_is_the_present_list() -> None:
    """srcf-agm-2015-03-05.md: 'The AGM was held on …' / '- Tejas Guruswamy (Chair,
    Sysadmin, tg307)' … / 'Apologies for Absence' / '- Daniel Thomas (Sysadmin, drt24)'."""
    m = parse(REAL_DEV / "srcf-agm-2015-03-05.md")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Tejas Guruswamy"] == "present"
    assert status["Dexter Chua"] == "present"
    assert status["Daniel Thomas"] == "apologies"


def test_attendants_heading() -> None:
    """pypy-sync-2006-04-20.txt: 'attendants: michael, anto, carl, samuele, …'."""
    m = parse(REAL_DEV / "pypy-sync-2006-04-20.txt")
    assert [a.name for a in m.attendees][:3] == ["michael", "anto", "carl"]


def test_run_on_list_opened_by_honorifics() -> None:
    """stoke-ferry-pc-2019-02-06.md (../shared/realworld): 'In attendance: Cllr Sue Lintern
    (Chair) Cllr Jim McNeill (Vice-Chair) Cllr Daphne Clements Cllr Mandy Leamon … Cllr Gail
    Reeve (Vacancy – 1) Helen Richardson (Parish Clerk …)' — no commas: each honorific, or a
    name after a closing bracket, opens the next person."""
    from .conftest import shared_dir

    m = parse(shared_dir("realworld", "docs") / "stoke-ferry-pc-2019-02-06.md")
    names = [a.name for a in m.attendees]
    for name in ("Sue Lintern", "Jim McNeill", "Daphne Clements", "Mandy Leamon"):
        assert name in names
    assert "Helen Richardson" in names
    assert next(a.role for a in m.attendees if a.name == "Sue Lintern") == "Chair"


def test_run_on_list_of_names_closed_by_roles() -> None:
    """alameda-libraryboard-2019-08-07.pdf (../shared/realworld): 'ROLL CALL Present: Cynthia
    Silva, President' then an indented row 'Amber Bales, Board Member Kathleen Kearney, Board
    Member (arrived 6:16) Joyce McConeghey Board Member' and 'Staff: Jane Chisaki, Library
    Director Lori Amaya, Recording Secretary' — a role after a comma closes one person and the
    next name follows it; the indented row goes on with the list above it."""
    from .conftest import shared_dir

    m = parse(shared_dir("realworld", "docs") / "alameda-libraryboard-2019-08-07.pdf")
    got = {a.name: (a.status.value, a.role) for a in m.attendees}
    assert got["Amber Bales"] == ("present", "Board Member")
    assert got["Kathleen Kearney"][0] == "present"
    assert got["Joyce McConeghey"] == ("present", "Board Member")
    assert got["Lori Amaya"] == ("in_attendance", "Recording Secretary")
    assert got["Dorothy Wismar"][0] == "absent"


def test_name_then_organisation_with_nothing_between() -> None:
    """wigan-ehn-2009-02-16.htm: 'Present - …; Tom Glover & Brian Parr Wigan Archaeology
    Society; … Ken Barston Stubshaw Cross Residents Group; …' — two words of name, then the
    organisation; 'Dave Wilson, Bickershaw Conservation Group' names one person only."""
    m = parse(REAL_DEV / "wigan-ehn-2009-02-16.htm")
    got = {a.name: a.organisation for a in m.attendees}
    assert got["Ken Barston"] == "Stubshaw Cross Residents Group"
    assert got["Brian Parr"] == "Wigan Archaeology Society"
    assert "Tom Glover" in got
    assert not any(n.startswith("Bickershaw") for n in got)


def test_attendance_table_with_an_attendee_name_column() -> None:
    """east-palo-alto-pc-2020-01-27.pdf: a table 'Attendee Name | Title | Status | Arrived'
    with rows 'Andrei Garcia | Commissioner | Late | 7:08 p.m.', 'Uriel Hernandez |
    Commissioner | Absent' — a two-word name column, and a late arrival is present."""
    m = parse(REAL_DEV / "east-palo-alto-pc-2020-01-27.pdf")
    got = {a.name: (a.status.value, a.role) for a in m.attendees}
    assert got["Andrei Garcia"] == ("present", "Commissioner")
    assert got["Uriel Hernandez"] == ("absent", "Commissioner")
    assert got["Juan Mendez"] == ("present", "Alternate")


def test_list_of_names_were_present() -> None:
    """lincoln-twp-pc-2011-01-04.pdf: 'Roll call was taken: Susan Ensign, Sheila Mesler, Reid
    Duford, Chris Clark, and Mark Thornton were present.'; williamsburg-ma-2014-08-14.docx:
    'Directors Steven Manning, Katie Berte and Tyler Kalina were present.' (the group word
    is not part of the first name)."""
    from minutes_parser.pipeline import parse_text

    m = parse(REAL_DEV / "lincoln-twp-pc-2011-01-04.pdf")
    present = {a.name for a in m.attendees if a.status.value == "present"}
    assert {"Susan Ensign", "Sheila Mesler", "Reid Duford", "Chris Clark", "Mark Thornton"} <= (
        present
    )
    m = parse_text(
        "Minutes, 14 August 2014\n\n"
        "Directors Steven Manning, Katie Berte and Tyler Kalina were present.\n"
    )
    assert [a.name for a in m.attendees] == ["Steven Manning", "Katie Berte", "Tyler Kalina"]


def test_heading_without_colon_with_grouping_subheadings_and_run_on_entries() -> None:
    """era-portal-ops-2024-12-10.pdf: a heading 'Those present' (no colon), sub-headings
    'Eddington Residents’ Association (ERA)' and 'Portal / University of Cambridge', and
    under each a run-on line 'Ian McMath, Chairman John Atkins, Support Officer' / 'Ross
    Cull, Housing Operations Manager, University Estates Division George Martin, …' — a role
    or an organisation's kind after a comma closes one person before the next name."""
    m = parse(REAL_DEV / "era-portal-ops-2024-12-10.pdf")
    got = {a.name: a.role for a in m.attendees}
    assert got["Ian McMath"] == "Chairman"
    assert got["John Atkins"] == "Support Officer"
    assert got["Ross Cull"] == "Housing Operations Manager"
    assert {"George Martin", "Lee Barnett", "Irene Wong"} <= set(got)
    assert all(a.status.value == "present" for a in m.attendees)


def test_group_labels_without_colons_after_an_attendance_heading() -> None:
    """xbrl-us-dqc-2018-04-25.docx: 'Attendees' / 'Committee Members' / 'Pranav Ghai, …' /
    'Absent' / 'Craig Lewis, Emily Huang' / 'Staff' / 'Ami Beers, David Tauriello' /
    'Observers' / 'Louis Matherne, …' — each short label right after an attendance section
    opens the next one, colon or not."""
    m = parse(REAL_DEV / "xbrl-us-dqc-2018-04-25.docx")
    got = {a.name: a.status.value for a in m.attendees}
    assert got["Pranav Ghai"] == "present"
    assert got["Craig Lewis"] == "absent"
    assert got["Ami Beers"] == "in_attendance"
    assert got["Louis Matherne"] == "in_attendance"
    assert len(got) == 16


def test_attendance_headed_in_german_is_read_and_the_record_kept() -> None:
    # corpus/real/dev/docs/makerspace-gt-community-2020-01-15.md: "### Anwesende Mitglieder"
    # over a comma list, "### Gäste" "+1", "### Tagesordnungspunkte"; no English word at all.
    m = parse(CORPUS / "real" / "dev" / "docs" / "makerspace-gt-community-2020-01-15.md")
    assert m.kind == "minutes"
    assert [(a.name, a.status.value) for a in m.attendees][:3] == [
        ("Andre Siewert", "present"),
        ("Sarah Franke", "present"),
        ("Michael Katschko", "present"),
    ]
    assert len(m.attendees) == 7  # "+1" guest is a count, not a person


def test_the_previous_and_next_meetings_dates_do_not_open_meetings() -> None:
    # corpus/real/dev/docs/perth-artifactory-committee-2023-11-18.md: "Previous meeting:
    # 2023-10-21" / "Next meeting: 2023-11-25" above "## Members Present"; one meeting, and
    # its "Quorum present (4 committee members): YES" is a check, not an attendee.
    from minutes_parser import parse_meetings

    path = CORPUS / "real" / "dev" / "docs" / "perth-artifactory-committee-2023-11-18.md"
    meetings = parse_meetings(path)
    assert len(meetings) == 1
    names = [a.name for a in meetings[0].attendees]
    assert names[:3] == ["Beau Scott", "Fletcher Boyd", "Joshua Rospondek"]
    assert "YES" not in names


def test_a_name_list_ending_in_a_full_stop_and_an_election_after_it() -> None:
    # corpus/real/dev/docs/cooleman-rpcg-agm-2022.docx: "Present" / "Alan Ford, Doug Tinney,
    # …, Jenny Shapcott." (a full stop, like a sentence); later, under "Election of
    # Committee", "Committee members: Helen Govey, …, Paul Shiels, …" is who was elected.
    m = parse(CORPUS / "real" / "dev" / "docs" / "cooleman-rpcg-agm-2022.docx")
    present = [a.name for a in m.attendees if a.status.value == "present"]
    assert present[:2] == ["Alan Ford", "Doug Tinney"]
    assert present[-1] == "Jenny Shapcott"
    assert len(present) == 15
    assert "Paul Shiels" not in present  # the election's spelling, not the attendance list's
    assert [a.name for a in m.attendees if a.status.value == "apologies"] == [
        "Fran Johnson",
        "Mike Johnson",
        "Malcolm Gill",
        "Natasha Cole",
    ]


def test_surnames_listed_with_present_in_the_opening_sentence() -> None:
    # corpus/real/dev/docs/lincoln-twp-board-2011-11-08.pdf: "… called to order by the
    # Supervisor at 7:00 pm, with Wray, Crockett, Ensign, Oswald, Trinklein, and 14 guests
    # present." The guests are a count, not people; the surnames stay as written (a
    # parish's "Gardiner" is not the "Rodney Gardiner" its accounts pay).
    m = parse(CORPUS / "real" / "dev" / "docs" / "lincoln-twp-board-2011-11-08.pdf")
    assert [(a.name, a.status.value) for a in m.attendees] == [
        ("Wray", "present"),
        ("Crockett", "present"),
        ("Ensign", "present"),
        ("Oswald", "present"),
        ("Trinklein", "present"),
    ]


def test_a_governors_attendance_register_is_read_under_the_meetings_own_date() -> None:
    # corpus/real/dev/docs/decoy-lw-committee-2022-01-17.pdf: a grid "04/10/2021 |
    # 15/11/2021 | 17/01/2022 | …" over rows "Heather Poustie | P | P | S | …" and the key
    # "P – Present | S – Sanctioned" / "A – Absent | L – Late arrival": this meeting is the
    # third date, so the third code is read, and a sanctioned absence is an apology.
    from minutes_parser import ParseOptions

    path = CORPUS / "real" / "dev" / "docs" / "decoy-lw-committee-2022-01-17.pdf"
    m = parse(path, ParseOptions(ocr="never"))
    got = {a.name: a.status.value for a in m.attendees}
    assert got["Heather Poustie"] == "apologies"
    assert got["Paul Evemy"] == "present"
    assert got["Kate Eames"] == "present"
    # decoy-fgb-2019-12-09.pdf: the second date; "ALEX KIRKBRIDE | Parent | 10/2019 | S |
    # 18/10/2019" resigned after the first meeting and has no code for this one.
    m = parse(path.with_name("decoy-fgb-2019-12-09.pdf"), ParseOptions(ocr="never"))
    got = {a.name: a.status.value for a in m.attendees}
    assert got["KEITH MOORE"] == "apologies"
    assert got["SIMON BARNES"] == "present"
    assert "ALEX KIRKBRIDE" not in got


def test_pairs_and_organisations_in_a_semicolon_list() -> None:
    # corpus/real/dev/docs/wigan-ehn-2009-02-16.htm: "Tom Price (Vice Chair) & Peter Taylor
    # Wigan Civic Trust; …" and "Apologies - David Lythgoe Friends of Wigan Heritage; …;
    # Margaret Harrop & Glenys McClellan - Leigh & District Family History Society; …; John
    # Hill, Philip Butler and Rachel Orme - Wigan Leisure & Culture Trust;"
    m = parse(CORPUS / "real" / "dev" / "docs" / "wigan-ehn-2009-02-16.htm")
    got = {a.name: (a.status.value, a.organisation) for a in m.attendees}
    assert got["Tom Price"][0] == "present"
    assert got["Peter Taylor"] == ("present", "Wigan Civic Trust")
    assert got["David Lythgoe"] == ("apologies", "Friends of Wigan Heritage")
    assert {"Margaret Harrop", "Glenys McClellan", "Philip Butler", "Rachel Orme"} <= set(got)
    assert not [n for n in got if "Culture" in n or "&" in n]


def test_attendance_inside_a_paragraph_that_opens_with_the_title() -> None:
    # ../shared/realworld/docs/west-dereham-pc-2020-03-05.md: one exported paragraph "DRAFT
    # MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING … AT 7.30 pm PRESENT (Six
    # Councillors):- Tom Foy (TF), …, Lorraine Hunt (LH) Chair and Susan Pepper (SP) In
    # attendance: Councillor Brian Long (BL), Peter King, Parish Clerk, and 6 members of the
    # public. The Chair welcomed …"
    from .conftest import shared_dir

    m = parse(shared_dir("realworld", "docs") / "west-dereham-pc-2020-03-05.md")
    got = {a.name: a.status.value for a in m.attendees}
    assert [n for n, s in got.items() if s == "present"] == [
        "Tom Foy",
        "Stuart Glover",
        "Tim Glover",
        "Keith Gore",
        "Lorraine Hunt",
        "Susan Pepper",
    ]
    assert got["Brian Long"] == "in_attendance"
    assert got["Peter King"] == "in_attendance"


def test_attended_heading_over_a_paragraph_of_names() -> None:
    """era-agm-2024-04-11.pdf: 'Attended: Iain McMath, Graham Horton, James Strachan, John
    Atkins, Pieter Desnerck' then 'Apologies were received from Lizzie Courtney and Patrick
    Sweeney.'"""
    m = parse(REAL_DEV / "era-agm-2024-04-11.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    for name in ("Iain McMath", "Graham Horton", "James Strachan", "John Atkins"):
        assert status[name] == "present", name
    assert status["Pieter Desnerck"] == "present"
    assert status["Lizzie Courtney"] == "apologies"


def test_a_heading_misread_by_ocr_and_staff_and_public_in_attendance() -> None:
    """warrenville-library-board-hearing-2017-09-20.pdf, a scan: Tesseract reads its
    'ATTENDING:' as 'ATIENDING:'; staff and the public are listed apart, the staff list's
    last entry opening with 'and'."""
    from minutes_parser.pipeline import parse_text

    m = parse_text(
        "WARRENVILLE PUBLIC LIBRARY DISTRICT Budget & Appropriation Public Hearing\n"
        "Wednesday, September 20, 2017 7:00 p.m\n"
        "Call to order Trustee Picha called the public hearing to order at 7:00 p.m.\n"
        "ATIENDING: Trustees DuRocher, Lezon, Picha, Richardson, Ruzicka, Stull and Warren\n"
        "STAFF ATTENDING: Library Director Sandy Whitmer; Assistant to the Director Jackie "
        "Davis; Gail Smith, Technical Services Assistant; and Martha Rogers, Collection "
        "Support Specialist\n"
        "PUBLIC ATTENDING: Denny Rogers\n"
        "MOTION: Trustee Warren moved to adjourn the public hearing at 7:05 p.m. Trustee Lezon "
        "seconded.\n"
    )
    by_name = {a.name: a for a in m.attendees}
    assert [n for n, a in by_name.items() if a.status.value == "present"] == [
        "DuRocher", "Lezon", "Picha", "Richardson", "Ruzicka", "Stull", "Warren",
    ]  # fmt: skip
    assert by_name["Martha Rogers"].status.value == "in_attendance"
    assert by_name["Martha Rogers"].role == "Collection Support Specialist"
    assert by_name["Denny Rogers"].status.value == "in_attendance"
    assert by_name["Denny Rogers"].role is None  # a heading, not a role


def test_a_label_one_letter_from_a_heading_of_a_role_is_not_read_as_one() -> None:
    """Only a letter OCR misreads makes a label a heading: 'Presenter:' is one letter from
    'presentes', 'Trustee:' heads a role; 'Apologles:' is 'Apologies:' read from a scan."""
    from minutes_parser.extract.sections import attendance_heading

    assert attendance_heading("Trustee: Ann Lee") is None
    assert attendance_heading("Presenter: Ann Lee") is None
    assert attendance_heading("Apologles: Ann Lee")[0].value == "apologies"  # type: ignore[index]


def test_w3c_scribe_page_present_list_beside_main_with_underscored_names() -> None:
    """w3c-wot-td-2025-10-22.html: scribe.perl keeps 'Present: Cristiano_Aguzzi, …' in a
    block beside <main>, and its closing diagnostics guess 'Maybe present: cris, dape, …'
    from the speakers; the guess lists no one."""
    m = parse(REAL_DEV / "w3c-wot-td-2025-10-22.html")
    assert [a.name for a in m.attendees] == [
        "Cristiano Aguzzi", "Daniel Peintner", "Ege Korkan", "Kunihiko Toumura",
        "Mahda Noura", "Michael Koster", "Tomoaki Mizushima",
    ]  # fmt: skip
    assert m.attendees[0].name_as_written == "Cristiano_Aguzzi"


def test_a_first_name_listed_again_after_the_full_name_is_one_person() -> None:
    """w3c-immersive-web-wg-2018-10-02.html (../shared/realworld): 'Present: cwilso, …,
    David_Dorwin, …, Artem, Bolgar, David, Dorwin' — 'David' is David Dorwin again."""
    from .conftest import shared_dir

    docs = shared_dir("realworld") / "docs"
    m = parse(docs / "w3c-immersive-web-wg-2018-10-02.html")
    names = [a.name for a in m.attendees]
    assert names.count("David Dorwin") == 1
    assert "Ada Rose Cannon" in names and "Dominique Hazael-Massieux" in names


def test_names_a_line_each_under_the_title_without_a_heading() -> None:
    """westhampton-boh-2026-02-09.pdf: 'February 9, 2026' / 'Robbie Armenti' / 'Katch
    Bacheller, Chair' / 'Heather Livingston' / 'Bryan Chapdelaine, Public health agent' /
    'Marylou Burgess (guest)' / 'Craig Burgess (guest)' / 'Agenda item 1: …' — the record has
    no attendance section, so the names under its title are who attended."""
    m = parse(REAL_DEV / "westhampton-boh-2026-02-09.pdf")
    by_name = {a.name: a for a in m.attendees}
    assert list(by_name)[:4] == [
        "Robbie Armenti", "Katch Bacheller", "Heather Livingston", "Bryan Chapdelaine",
    ]  # fmt: skip
    assert by_name["Katch Bacheller"].role == "Chair"
    assert by_name["Katch Bacheller"].status.value == "present"
    assert by_name["Craig Burgess"].status.value == "in_attendance"  # "(guest)"
    assert [i.title for i in m.agenda_items][:2] == [
        "Minutes from January 2026",
        "Public speaking time",
    ]


def test_a_roll_call_absence_overrides_the_roster_under_the_title() -> None:
    """lincoln-twp-pc-2016-07-19.pdf: the letterhead 'Members - Chris Clark, Mark Thornton',
    then 'Roll call was taken: … were present. Mark Thornton and Chris Clark were absent.'"""
    m = parse(REAL_DEV / "lincoln-twp-pc-2016-07-19.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Chris Clark"] == "absent"
    assert status["Sheila Mesler"] == "present"


def test_board_members_in_attendance_are_present() -> None:
    """dsf-board-2025-10-09.md: 'Board members in attendance:' / '- Thibaud Colas' / … then
    'Also in attendance:' / '- Catherine Holmes (Assistant to Treasurer)'."""
    m = parse(REAL_DEV / "dsf-board-2025-10-09.md")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Thibaud Colas"] == "present"
    assert status["Tom Carrick"] == "present"
    assert status["Catherine Holmes"] == "in_attendance"


def test_councillors_paragraph_under_present_and_apologies_sentence() -> None:
    """manordeilo-salem-cc-2019-10-09.pdf: 'PRESENT' / 'Councillors Alun Davies, …, Owen
    Williams and County Councillor Joseph Davies.' ('County Councillor' one title), and under
    item 1 '… welcomed everyone to the meeting. Apologies received from Cllrs. Peter Harries,
    Doris Jones, Dorian Jenkins and Andrew Thomas.'"""
    m = parse(REAL_DEV / "manordeilo-salem-cc-2019-10-09.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Alun Davies"] == "present"
    assert status["Joseph Davies"] == "present"
    assert status["Peter Harries"] == "apologies"
    assert status["Andrew Thomas"] == "apologies"
    assert len(status) == 12


def test_minute_numbered_apologies_and_an_officer_named_by_office() -> None:
    """tintern-cc-2019-06-24.pdf: 'Present: Cllrs Hayward (in the chair), …, Cobb, County Cllr
    Webb & the Clerk.' and '2711. Apologies for absence: Cllr Ashman, Hoskins, Shewell.'"""
    m = parse(REAL_DEV / "tintern-cc-2019-06-24.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Webb"] == "present"
    assert [n for n, s in status.items() if s == "apologies"] == ["Ashman", "Hoskins", "Shewell"]


def test_numbered_apologies_heading_over_its_list_and_a_council_by_initials() -> None:
    """milburn-pc-2018-11-06.pdf: 'Councillors D Richardson (Chair) R Healey, N Cresswell and
    P Moran Clerk J Connelly', then the heading '18.11.1 Apologies' over 'A Armstrong EDC and M
    Armstrong' (EDC: the district council)."""
    m = parse(REAL_DEV / "milburn-pc-2018-11-06.pdf")
    by_name = {a.name: a for a in m.attendees}
    assert by_name["P Moran"].status.value == "present"
    assert by_name["J Connelly"].role == "Clerk"
    assert by_name["A Armstrong"].status.value == "apologies"
    assert by_name["A Armstrong"].organisation == "EDC"
    assert by_name["M Armstrong"].status.value == "apologies"


def test_an_items_owner_initials_are_not_another_person() -> None:
    """cssuob-committee-2024-10-01.pdf (../shared/realworld): 'Attendees: Holly Packer (HP)
    (Chairing), …' then the item '1 Apologies received from HP' (HP owns the item) over
    'Shay Patel' / 'Sumeet Brar' / 'Ella Gardner'."""
    from .conftest import shared_dir

    m = parse(shared_dir("realworld") / "docs" / "cssuob-committee-2024-10-01.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    assert "HP" not in status
    assert status["Holly Packer"] == "present"
    assert status["Sumeet Brar"] == "apologies"


def test_an_address_is_no_meeting_date_and_a_grid_of_names() -> None:
    """rakino-ratepayers-committee-2016-07-21.docx: under the date the address '2/15 Newell
    Street, …' (no month 15: not a second meeting), then 'Members present:' over a table
    'John Denton (JD) | Rob Everall (RE)' / 'Bert Vercruyssen (BV) |', then 'Apologies –
    Laura Sunderland (LS)'."""
    from minutes_parser import parse_meetings

    (m,) = parse_meetings(REAL_DEV / "rakino-ratepayers-committee-2016-07-21.docx")
    status = {a.name: a.status.value for a in m.attendees}
    assert status == {
        "John Denton": "present", "Rob Everall": "present", "Bert Vercruyssen": "present",
        "Laura Sunderland": "apologies",
    }  # fmt: skip


def test_lists_introduced_by_a_sentence_one_person_an_item() -> None:
    """scala-center-ab-2017-05-30.md: '### Attendees present' / 'Board members and officers
    physically present:' / '- James Belsey, Morgan Stanley' / … / 'Participating remotely
    were:' / '- Bill Venners, community/Artima' / 'Officers:' / '- Heather Miller (director),
    EPFL' / 'Not present:' / '- Lars Hupel, community/Typelevel'. And fcr-board-2025-03-27.pdf:
    'Guest: Mark Smith, Joe Scarpino' heads its own list."""
    m = parse(REAL_DEV / "scala-center-ab-2017-05-30.md")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["James Belsey"] == "present" and "Morgan Stanley" not in status
    assert status["Bill Venners"] == "present"
    assert status["Heather Miller"] == "in_attendance" and "EPFL" not in status
    assert status["Lars Hupel"] == "absent"
    f = parse(REAL_DEV / "fcr-board-2025-03-27.pdf")
    guests = {a.name: a.status.value for a in f.attendees}
    assert guests["Joe Scarpino"] == "in_attendance"


def test_a_heading_saying_when_they_were_present() -> None:
    """williamsburg-ma-2014-10-09.docx: 'Directors Present for at least a portion of the
    time: Tyler Kalina, Katie Berte, Steve Manning' — when they attended, between the heading
    word and its colon."""
    m = parse(REAL_DEV / "williamsburg-ma-2014-10-09.docx")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Tyler Kalina"] == "present"
    assert status["Steve Manning"] == "present"
    assert attendance_heading("Members on the day were thanked: all") is None


def test_french_inclusive_writing_in_the_attendance_labels() -> None:
    """mdp-rennes-ca-2024-02-22.md: '**Présent.es :** Charlotte, Anne-Marie, Rafa, …' and
    '**Excusé.es :** Marie, Anaël, …' — the feminine ending set off by a point; the record
    is minutes, its people present or excused."""
    m = parse(REAL_DEV / "mdp-rennes-ca-2024-02-22.md")
    assert m.kind.value == "minutes"
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Rafa"] == "present"
    assert status["Anaël"] == "apologies"
    assert attendance_heading("Invité(e)s : Bob")[0].value == "in_attendance"  # type: ignore[index]


def test_a_list_whose_groups_end_at_a_spaced_full_stop() -> None:
    """tayport-cc-2018-11-05.pdf: 'Present: Mrs M Taylor , …, Messrs D Myles , G M Beat ,
    J Kinnear , D Gray . Councillors B Connor , T Brett . Madras Representative Jamie
    McLeod' — ' . ' ends a group, 'Messrs' and 'Councillors' are titles of the names after."""
    m = parse(REAL_DEV / "tayport-cc-2018-11-05.pdf")
    names = [a.name for a in m.attendees if a.status.value == "present"]
    assert {"D Myles", "D Gray", "B Connor", "T Brett", "Jamie McLeod"} <= set(names)
    assert not [n for n in names if "Messrs" in n or "." in n]


def test_a_heading_introducing_the_attendees() -> None:
    """wasm-cg-2019-04-02.md: '#### Introduction of attendees' over a list of 35 names."""
    m = parse(REAL_DEV / "wasm-cg-2019-04-02.md")
    names = [a.name for a in m.attendees]
    assert len(names) == 35
    assert names[:2] == ["Adam Klein", "Alex Crichton"]
    assert attendance_heading("Introduction of the speaker") is None


def test_an_inline_list_ends_before_the_next_sections_bold_title() -> None:
    """licton-springs-cc-2021-04-21.md: '- Attendees: Dianne Trani, …, Robin Amadon (LIHI) and
    Jenny Frankl (Clean Streets)' then the bold title '**Introductions, House-Keeping, and
    Reports from Visitors**' — the title's words are nobody."""
    m = parse(REAL_DEV / "licton-springs-cc-2021-04-21.md")
    names = [a.name for a in m.attendees]
    assert "Jenny Frankl" in names
    assert not {"Introductions", "House-Keeping"} & set(names)


def test_a_table_of_who_attended_under_its_column_titles() -> None:
    """not-lpc-2018-05-02.pdf: a 'PRESENT:' row, then 'Name | Organisation | Affilliation'
    and a person a row ('Amanda Lertoria | Lloyds | CCA' … 'Stephen Blackman | NoT LPC |
    Chief Officer'); the titles are not people and every row is read."""
    m = parse(REAL_DEV / "not-lpc-2018-05-02.pdf")
    present = [a for a in m.attendees if a.status.value == "present"]
    assert len(present) == 15
    assert present[0].name == "Amanda Lertoria"
    assert (present[0].organisation, present[0].role) == ("Lloyds", "CCA")
    assert present[-1].name == "Stephen Blackman"
    assert present[-1].role == "Chief Officer"
    assert not any(a.name in ("Name", "Organisation", "Affilliation") for a in m.attendees)


def test_an_attendance_section_in_one_cell_of_a_title_table() -> None:
    """cooper-playground-2023-11-28.pdf: the title table's right-hand cell reads 'Attendees' /
    'Meeting facilitators' / 'Lisa Priest, Community Member; …' / 'Community Residents (self
    reported)' / 'Ryan Drake, Justin Kader, …'; the title 'Minutes - Cooper Playground
    Community Meeting' names no minute-taker."""
    m = parse(REAL_DEV / "cooper-playground-2023-11-28.pdf")
    names = [a.name for a in m.attendees]
    assert names[:3] == ["Lisa Priest", "Sarah Robinson", "Ben Howery"]
    assert "Ryan Drake" in names and "Lauren Drake" in names
    assert len(names) == 30
    assert "Cooper Playground Community Meeting" not in names
    assert attendance_heading("Minutes - Cooper Playground Community Meeting") is None
    assert attendance_heading("Minutes: Jo Bloggs") is not None


def test_honours_after_names_and_apologies_reported_mid_sentence() -> None:
    """kent-cc-2025-01-09.pdf: 'PRESENT: …, Mrs T Dean, MBE, Mr M Dendor, …, Mr P M Hill, OBE,
    …' (an honour is not a person; 'Dean' after an honorific and an initial is a surname)
    and 'The Democratic Services Manager reported apologies from Mr Beaney, Mr Campkin, …';
    rust-lc-2023-10-27.md's 'Eric Holk, JP, Mara' keeps JP, a person."""
    from minutes_parser.pipeline import parse_text

    m = parse(REAL_DEV / "kent-cc-2025-01-09.pdf")
    present = {a.name for a in m.attendees if a.status.value == "present"}
    assert {"T Dean", "P M Hill", "M Dendor"} <= present
    assert not {"MBE", "OBE", "CBE"} & present
    apologies = {a.name for a in m.attendees if a.status.value == "apologies"}
    assert {"Beaney", "Campkin", "Carey"} <= apologies
    listed = parse_text("Minutes of the meeting\n\nAttendees: Carol, Eric Holk, JP, Mara\n")
    assert [a.name for a in listed.attendees] == ["Carol", "Eric Holk", "JP", "Mara"]


def test_a_line_introducing_the_attendance_list_and_two_dates_heading_one_record() -> None:
    """hacman-board-2024-11-19.md: '# 2024-11-09' then 'Meeting Date/Time: 2024-11-19, 19:00'
    above one '## Attendees' (one meeting, not two), whose list follows 'People who
    attended:'."""
    from minutes_parser import parse_meetings

    meetings = parse_meetings(REAL_DEV / "hacman-board-2024-11-19.md")
    assert len(meetings) == 1
    names = [(a.name, a.role) for a in meetings[0].attendees]
    assert names[:5] == [("JC", "Chair"), ("HA", None), ("RJ", None), ("JS", None), ("BD", None)]


def test_irc_nicknames_with_a_pipe_and_a_note() -> None:
    """i2p-dev-2010-09-08.rst: 'Present:' over 'duck, eche|on, Mathiasdm, Moru (later on),
    superuser, whitenoise, zzz'; '(later on)' says when Moru came, not who he is."""
    m = parse(REAL_DEV / "i2p-dev-2010-09-08.rst")
    names = [a.name for a in m.attendees]
    assert names[:4] == ["duck", "eche|on", "Mathiasdm", "Moru"]
    assert "zzz" in names
    assert next(a for a in m.attendees if a.name == "Moru").role is None


def test_members_in_attendance_were_and_others_in_attendance_for_a_firm() -> None:
    """arrowhead-hoa-2015-07-21.pdf: 'The meeting was called to order at 5:00 pm. Board
    members in attendance were David Alquist, …, Baille Barbour and Dominic Ruscic. Dawn Bates
    and Phylliss McPherson were in attendance for Vista Management Associates, Inc.'"""
    m = parse(REAL_DEV / "arrowhead-hoa-2015-07-21.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["David Alquist"] == "present" and status["Dominic Ruscic"] == "present"
    assert status["Bobbie Van Dore"] == "present"
    assert status["Dawn Bates"] == "in_attendance"
    assert status["Phylliss McPherson"] == "in_attendance"
    text = "Board Meeting\n\nThe meeting opened. Also in attendance were Dawn Bates and Al Roe.\n"
    assert [a.name for a in parse_text(text).attendees] == ["Dawn Bates", "Al Roe"]


def test_a_welsh_name_particle_keeps_the_list() -> None:
    """compsoc-edinburgh-2020-02-06.md: '**Present**:' over sixteen names, one of them 'Gwion
    ap Rheinallt' (and 'Ryan Schuller ,  Kim Stonehouse' with a space before the comma)."""
    m = parse(REAL_DEV / "compsoc-edinburgh-2020-02-06.md")
    names = [a.name for a in m.attendees]
    assert "Gwion ap Rheinallt" in names and "Kim Stonehouse" in names
    assert names[0] == "Kyle Cotton" and len(names) == 15  # Ryan Schuller is listed twice
