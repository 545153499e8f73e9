"""Forms read from real minutes; each test names the document it was built from."""

from __future__ import annotations

from minutes_parser import parse
from minutes_parser.evaluate.scoring import norm_text
from minutes_parser.extract.attendees import parse_entry
from minutes_parser.extract.kind import judge
from minutes_parser.loaders.text import load_text
from minutes_parser.models import ActionStatus, DocumentKind
from minutes_parser.pipeline import parse_text

from .conftest import CORPUS, shared_dir

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_name_bracketed_role_then_organisation() -> None:
    """wigan-ehn-2009-01-12.htm (corpus/real/dev): 'Present - John O'Neill (Chair)
    Greenheart Partnership Board; Tom Price (Vice Chair) Wigan Civic Trust; …'."""
    entry = parse_entry("John O'Neill (Chair) Greenheart Partnership Board")
    assert entry is not None
    assert (entry["name"], entry["role"], entry["organisation"]) == (
        "John O'Neill",
        "Chair",
        "Greenheart Partnership Board",
    )
    m = parse(REAL_DEV / "wigan-ehn-2009-01-12.htm")
    byname = {a.name: a for a in m.attendees}
    assert byname["Tom Price"].organisation == "Wigan Civic Trust"
    assert byname["Avis Freeman"].organisation == "Leigh Soroptimists"


def test_scribe_minutes_keep_their_present_list() -> None:
    """w3c-immersive-web-wg-2018-11-13.html (../shared/realworld): the Present/Regrets <dl>
    above the discussion was cut away as page chrome."""
    m = parse(shared_dir("realworld", "docs") / "w3c-immersive-web-wg-2018-11-13.html")
    assert m.kind is DocumentKind.MINUTES
    statuses = {a.name: a.status.value for a in m.attendees}
    assert statuses.get("ChrisW") == "apologies"
    assert statuses.get("NellWaliczek") == "present"


def test_agenda_from_the_agenda_list_and_from_headings() -> None:
    """rust-lc-2023-10-27.md: an unnumbered '## Agenda' list with sub-topics;
    gtalug-board-2015-01-26.org: no agenda list, the headline outline is the business."""
    realworld = shared_dir("realworld", "docs")
    rust = parse(realworld / "rust-lc-2023-10-27.md")
    titles = [i.title for i in rust.agenda_items]
    assert titles[:4] == ["Check-in", "Assign roles", "Turn on recording", "Consent to agenda"]
    old = next(i for i in rust.agenda_items if i.title == "Old business")
    assert [c.title for c in old.children][:2] == [
        "Social Media / Mastodon",
        "Growing moderation team?",
    ]
    org = parse(realworld / "gtalug-board-2015-01-26.org")
    flat = [i.title for i in org.agenda_items for i in i.walk()]
    assert "Roles at GTALUG" in flat and "Attendees" not in flat and "Present" not in flat


def test_numbered_item_table_with_an_owner_column() -> None:
    """cssuob-committee-2025-04-08.html: '1 | Apologies\\nApologies received … | HP'."""
    m = parse(shared_dir("realworld", "docs") / "cssuob-committee-2025-04-08.html")
    assert [(i.number, i.title) for i in m.agenda_items][:3] == [
        ("1", "Apologies"),
        ("2", "Adoption of Previous Minutes"),
        ("3", "Matters Arising"),
    ]


def test_status_lines_under_restated_actions() -> None:
    """eth-acd-62.md: 'ACTION 60.2: Danno Ferrin to add 9 month out Hardfork kickoff to
    timeframes.' with 'Status: Completed' on the next line, under 'Review previous decisions
    made and action items'."""
    m = parse(shared_dir("realworld", "docs") / "eth-acd-62.md")
    updates = {u.ref: u for u in m.action_updates}
    assert updates["60.2"].status is ActionStatus.COMPLETED
    assert norm_text(updates["60.2"].description).startswith("danno ferrin to add 9 month")
    assert updates["60.2"].status_text == "Status: Completed"
    # An update is not also a new action of this meeting.
    assert not any(a.ref == "60.2" for a in m.actions)


def test_kind_is_graded_and_keeps_weak_minutes() -> None:
    notes = parse_text("Team sync meeting\n\nAlice: shipped the release.\nBob: reviewed docs.\n")
    assert notes.kind is DocumentKind.MINUTES
    assert notes.kind_judgement is not None and notes.kind_judgement.confidence < 0.6
    assert any(d.code == "doubtful_kind" for d in notes.diagnostics)
    agenda = judge(load_text("Parish Council Agenda\n\n1. Apologies for absence\n2. Minutes\n"))
    assert (agenda.kind, agenda.label) == (DocumentKind.NOT_MINUTES, "agenda")
    notice = judge(load_text("NOTICE IS HEREBY GIVEN that the AGM will be held on 4 May.\n"))
    assert notice.label == "notice"


def test_decisions_stated_in_one_sentence() -> None:
    """Sentence forms from corpus/real/dev: south-cerney-pc-2002-08.htm ('It was proposed by
    Cllr Dunn and seconded by …'), lincoln-twp-board-2012-02-14.pdf ('Payment of bills … were
    approved by roll call vote after motion by …', 'Approved setting budget workshop date …'),
    appna-ok-ec-2018-02-01.docx ('It was decided that …'), intersect-core-infra-wg-2024-09-30.md
    ('Minutes approved with amendments.'), srcf-agm-2015-03-05.md ('Elected unanimously')."""
    m = parse_text(
        "Minutes of the Parish Council\n\nPresent: Cllr Dunn, Cllr Chubb\n\n"
        "It was proposed by Cllr Dunn and seconded by Cllr Mrs Chubb that the payments be made. "
        "The Parish Council was all in favour.\n\n"
        "Payment of bills in the amount of $13,236.49 in the general fund were approved by roll "
        "call vote after motion by Ensign and second by Crockett.\n\n"
        "Approved setting budget workshop date for 3/20/12 at 6:00pm after motion by Wray.\n\n"
        "Therefore, it was decided to keep the account at BOA for now.\n\n"
        "Minutes approved with amendments.\n\n"
        "Secretary: Dexter Chua stands - Elected unanimously (11)\n\n"
        "Interviews took place but no one was appointed.\n\n"
        "Approved by the City Council: July 18, 2023\n"
    )
    rules = [r.rule.split(":")[1] for r in m.resolutions]
    assert rules == [
        "proposed_seconded",
        "approved_on_motion",
        "verb_first",
        "decided",
        "item_approved",
        "elected",
    ]
    assert m.resolutions[0].mover is not None and m.resolutions[0].mover.name == "Dunn"


def test_action_markers_from_markup_and_meeting_bots() -> None:
    """hypha-finance-wg-2019-11-26.md ('#todo yj: sort credit card with dc', ticked
    '- [x] Publish meeting notes' under 'Action Items for Cultivator') and
    asbroker-2018-06-05.html (MeetBot: 'c. ACTION: jmrodri test issue 941 (jmrodri,
    13:39:45)'), corpus/real/dev."""
    hypha = parse(REAL_DEV / "hypha-finance-wg-2019-11-26.md")
    by_task = {norm_text(a.description): a for a in hypha.actions}
    todo = by_task["sort credit card with dc"]
    assert todo.owners == ["yj"]
    ticked = next(a for t, a in by_task.items() if t.startswith("publish meeting notes"))
    assert ticked.status is ActionStatus.COMPLETED
    bot = parse(REAL_DEV / "asbroker-2018-06-05.html")
    tasks = {norm_text(a.description) for a in bot.actions}
    assert any(t.startswith("jmrodri test issue 941") or t == "test issue 941" for t in tasks)
    assert not any("13 39 45" in t for t in tasks)


def test_todo_items_relisted_under_last_months_actions_are_updates() -> None:
    """gtalug-board-2014-12-22.org (../shared/realworld): '*** Action Items From Last Month'
    with 'TODO Mike :: Sent Myles the floor plan image' and a progress note nested under it."""
    m = parse(shared_dir("realworld", "docs") / "gtalug-board-2014-12-22.org")
    assert m.actions == [] or all("floor plan" not in a.description for a in m.actions)
    update = next(u for u in m.action_updates if "floor plan" in u.description)
    assert update.status is ActionStatus.ONGOING
    assert update.status_text == "To be published somewhere"
    assert update.owners and update.owners[0].startswith("Mike")


def test_an_action_items_label_covers_only_the_items_nested_under_it() -> None:
    """rust-lc-2023-10-27.md: '- **Action items**:' inside a topic's bullet list."""
    m = parse(
        b"# Minutes\n\n- Topic one\n  - **Action items**:\n    - Jack to update the PR\n"
        b"- Topic two\n  - Proposal - could we make this shorter?\n"
    )
    assert [a.description for a in m.actions] == ["update the PR"]


def test_meeting_date_from_a_date_line_or_what_the_file_says_of_itself() -> None:
    """apache-mahout-weekly-2024-03-13.md: the date only in front matter;
    perth-artifactory-committee-2010-10-05.md: front matter 'title: "2010-10-05"' beside a
    wiki edit date, the title wins; rconsortium-submissions-wg-2022-08-05.html:
    '<meta name="dcterms.date">'. Each says where the date came from."""
    expected = {
        "apache-mahout-weekly-2024-03-13.md": "2024-03-13",
        "perth-artifactory-committee-2010-10-05.md": "2010-10-05",
        "rconsortium-submissions-wg-2022-08-05.html": "2022-08-05",
    }
    for name, date in expected.items():
        m = parse(REAL_DEV / name)
        assert str(m.meeting.date) == date, name
        assert any(d.code == "date_from_metadata" for d in m.diagnostics), name
    m = parse_text("Board meeting\n\nPresent: Ann Lee\n\n1. Welcome\n\nDate: 4 March 2024\n")
    assert str(m.meeting.date) == "2024-03-04"


def test_lettered_sub_items_and_titles_with_the_record_run_in() -> None:
    """warrenville-library-board-2020-04-15.pdf (corpus/real/dev): '1. Call to order –
    Trustee Picha called the meeting to order at 7:03 p.m.' and '5. Consent Agenda' with its
    items lettered 'a.' … 'k.' beneath it."""
    m = parse(REAL_DEV / "warrenville-library-board-2020-04-15.pdf")
    assert (m.agenda_items[0].number, m.agenda_items[0].title) == ("1", "Call to order")
    consent = next(i for i in m.agenda_items if i.number == "5")
    assert [c.number for c in consent.children][:3] == ["5.a", "5.b", "5.c"]
    assert consent.children[0].title.startswith("Approve Minutes of the February 19, 2020")


def test_a_page_laid_out_with_line_breaks_and_bold_section_lines() -> None:
    """south-cerney-pc-2002-08.htm (corpus/real/dev): the minutes are one <p> of <br> lines,
    each section headed by a bold capitalised line ('<strong>APOLOGIES</strong><br>'); bold
    mixed-case lines below them are sub-sections, not items."""
    m = parse(REAL_DEV / "south-cerney-pc-2002-08.htm")
    titles = [i.title for i in m.agenda_items]
    assert titles[:3] == [
        "MINUTES OF THE MEETING HELD ON 10 JULY 2002",
        "MATTERS ARISING",
        "PLANNING",
    ]
    assert "Payments" not in titles
    assert all(not i.children for i in m.agenda_items)


def test_running_logs_split_into_their_meetings() -> None:
    """r-pet-team22-minutes-log.docx: a template repeated per meeting ('<R-Pet (Team 22)>',
    'Meeting No: 2', a 'Date:' row); enterprise-pro-team-minutes-log.docx: one table, a
    meeting a row ('Date | Participants | Content'). Both corpus/real/dev."""
    from minutes_parser import parse_meetings

    pet = parse_meetings(REAL_DEV / "r-pet-team22-minutes-log.docx")
    assert [str(m.meeting.date) for m in pet] == [
        "2022-04-16",
        "2022-04-18",
        "2022-04-19",
        "2022-04-20",
        "2022-04-23",
    ]
    log = parse_meetings(REAL_DEV / "enterprise-pro-team-minutes-log.docx")
    assert len(log) == 7 and str(log[-1].meeting.date) == "2026-03-05"


def test_one_bodys_minutes_reconciled_as_one_series() -> None:
    """gtalug-board-2014-12-22 / 2015-01-26 / 2015-02-23.org (../shared/realworld): the
    February minutes name a venue where a body would stand, and TODOs are relisted under
    'Action Items From Last Month' and again in the closing list with a fuller owner name
    ('Myles' then 'Myles Braithwaite')."""
    from minutes_parser.reconcile import load_meetings, reconcile

    realworld = shared_dir("realworld", "docs")
    meetings = load_meetings(sorted(realworld.glob("gtalug-board-*.org")))
    grouped = reconcile(meetings)
    single = reconcile(meetings, single_series=True)
    assert len({e.body for e in single.entries}) == 1
    assert len(single.entries) < len(grouped.entries)
    systemd = [e for e in single.entries if "SystemD" in e.description]
    assert len(systemd) == 1 and len(systemd[0].history) >= 2


def test_consensus_and_verdict_decisions() -> None:
    """ietf-httpbis-ietf86.txt ('… combine the two error spaces - Agreement in the room'),
    no2id-agm-2004.pdf ('Challenges to the Agenda Order: nem. con.') and
    boston-licensing-board-2020-04-30.pdf ('… has petitioned to pledge the license to … GRANTED'),
    corpus/real/dev."""
    m = parse_text(
        "Minutes of the Licensing Board\n\nPresent: Ann Lee\n\n"
        "KHRG Boston Hotel has petitioned to pledge the license to Banco de Sabadell. GRANTED\n\n"
        "Error code proposal: combine the two error spaces - Agreement in the room.\n\n"
        "Challenges to the Agenda Order: nem. con.\n"
    )
    assert [(r.rule, r.text[:20]) for r in m.resolutions] == [
        ("resolution:verdict", "KHRG Boston Hotel ha"),
        ("resolution:consensus", "Error code proposal:"),
        ("resolution:consensus", "Challenges to the Ag"),
    ]


def test_an_iso_date_elsewhere_in_the_text_settles_the_order_of_numeric_dates() -> None:
    """asbroker-2018-07-03.txt (corpus/real/dev): MeetBot titles the meeting '7-3-18' and
    names its log 'asbroker.2018-07-03-13.34.log.html'."""
    m = parse(REAL_DEV / "asbroker-2018-07-03.txt")
    assert str(m.meeting.date) == "2018-07-03"


def test_sections_every_minutes_has_are_not_agenda_items() -> None:
    """lightning-spec-2021-09-13.html (corpus/real/dev): MeetBot's 'Meeting summary',
    'Action items' and 'Action items, by person' headings hold the record, not business."""
    m = parse(REAL_DEV / "lightning-spec-2021-09-13.html")
    titles = {i.title.lower() for i in m.agenda_items for i in i.walk()}
    assert not titles & {"meeting summary", "action items", "action items, by person"}


def test_action_owned_by_initials_defined_in_the_attendance_list() -> None:
    """cssuob-committee-2024-10-01.pdf (../shared/realworld): 'Leonardo Bishop (LB)' in the
    attendees, then 'Action LB: Make publicity' (the owner was left empty)."""
    m = parse(shared_dir("realworld", "docs") / "cssuob-committee-2024-10-01.pdf")
    publicity = next(a for a in m.actions if a.description == "Make publicity")
    assert publicity.owners == ["Leonardo Bishop"]
    assert publicity.owner_refs[0].resolved


def test_a_log_table_column_that_lists_who_came() -> None:
    """enterprise-pro-team-minutes-log.docx (corpus/real/dev): 'Date | Participants | Content'
    with the names of each meeting's participants in one cell; cssuob-committee-2025-04-25.html
    (../shared/realworld): '1 | Apologies | HP' is an agenda row, not column titles."""
    from minutes_parser import parse_meetings

    first = parse_meetings(REAL_DEV / "enterprise-pro-team-minutes-log.docx")[0]
    assert [a.name for a in first.attendees][:3] == ["Maryam Aremu", "Esther Areba", "Divin Dusabe"]
    css = parse(shared_dir("realworld", "docs") / "cssuob-committee-2025-04-25.html")
    assert "Finance Report" not in {a.name for a in css.attendees}


def test_attendees_under_a_sub_heading_with_office_colon_name() -> None:
    """perth-artifactory-committee-2010-10-05.md (corpus/real/dev): '## Attendees' /
    '### Committee Members' / '- Chairperson: Dave Cake (DC)'; 'DC will contact insurance'
    later is Dave Cake's."""
    m = parse(REAL_DEV / "perth-artifactory-committee-2010-10-05.md")
    offices = {a.name: a.role for a in m.attendees}
    assert offices["Dave Cake"] == "Chairperson"
    assert offices["SKoT McDonald"] == "Treasurer"
    insurance = next(a for a in m.actions if "insurance" in a.description)
    assert insurance.owners == ["Dave Cake"]


def test_motions_written_the_short_ways() -> None:
    """lincoln-twp-pc-2011-01-04.pdf ('Motion by Reid Duford and supported by Sheila Mesler to
    approve …'), perth-artifactory-committee-2010-10-21.md ('Acceptance moved by DH, 2nd by
    SM, passed.', 'SM and SK move that we accept the minutes'), fcr-board-2025-03-27.pdf ('No
    objections, the treasurer's report has been accepted.'), pypy-sync-2005-09-15.txt ('…,
    which was agreed.'), corpus/real/dev."""
    m = parse_text(
        "Minutes of the Board\n\nPresent: Ann Lee\n\n"
        "Motion by Reid Duford and supported by Sheila Mesler to approve the minutes.\n\n"
        "Minutes of previous meeting Acceptance moved by DH, 2nd by SM, passed.\n\n"
        "SM and SK move that we accept the budget.\n\n"
        "No objections, the treasurer's report has been accepted.\n\n"
        "He proposed to use codespeak as the second server, which was agreed.\n"
    )
    assert [r.rule.split(":")[1] for r in m.resolutions] == [
        "motion_by",
        "moved_2nd",
        "members_move",
        "no_objection",
        "which_was_agreed",
    ]


def test_one_reading_of_action_and_review_headings() -> None:
    """ppss-committee-2016-04-05.pdf (../shared/realworld): 'Action List from Meeting
    14-3-16' brings the last meeting's list to be reported on; it is not this meeting's."""
    from minutes_parser.extract.sections import is_actions_heading, is_review_heading

    assert is_actions_heading("Action items for Cultivator")
    assert is_actions_heading("**3. Next steps:**")
    assert not is_actions_heading("Action List from Meeting 14-3-16")
    assert is_review_heading("Action Items From Last Month")
    assert not is_review_heading("Previous meeting minutes")
