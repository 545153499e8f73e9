"""Decision forms read from real minutes; each test names the document (corpus/real, dev
split) it was built from."""

from __future__ import annotations

from minutes_parser import ParseOptions, parse
from minutes_parser.pipeline import parse_text

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_decisions_in_the_cells_of_a_discussion_table() -> None:
    """intersect-core-infra-wg-2024-07-22.md: a 'Discussion Points | Notes/Action Items |
    Actions' table whose notes say 'Agenda approved.' and 'The group agreed to keep grants
    and core projects separate in communications.'"""
    m = parse(REAL_DEV / "intersect-core-infra-wg-2024-07-22.md")
    texts = [r.text for r in m.resolutions]
    assert "Agenda approved." in texts
    assert any("keep grants and core projects separate" in t for t in texts)


def test_sense_of_the_room_and_following_documents_approved() -> None:
    """ietf-httpbis-2007-12-03.txt ('After discussion, the sense of the room was to move
    forward with the partitioned drafts …', '… it was agreed in the room that …'),
    intersect-core-infra-wg-2024-07-22.md ('The following documents were approved for
    publication:') and nsu-cse327-marketplace-team-2025-10-18.docx ('Decided to …')."""
    m = parse_text(
        "Minutes of the meeting held on 3 December 2007\n\nPresent: Ann Lee, Bo Chan\n\n"
        "The following documents were approved for publication: Current State.\n\n"
        "After discussion, the sense of the room was to move forward with the drafts.\n\n"
        "After discussion, it was agreed in the room that the way forward is to clarify.\n\n"
        "Decided to use PHP for the backend.\n\n"
        "The sense of humour of the chair was noted.\n"
    )
    rules = [r.rule for r in m.resolutions]
    assert rules == [
        "resolution:documents_approved",
        "resolution:sense_of_room",
        "resolution:decided",
        "resolution:verb_first",
    ]


def test_items_numbered_with_a_dash() -> None:
    """appna-ok-ec-2018-06-13.docx: '2- Finance Committee Report:' / '3- Website Rebuilding
    Update:' numbered list items."""
    m = parse(REAL_DEV / "appna-ok-ec-2018-06-13.docx")
    titles = [i.title for i in m.agenda_items]
    assert titles[:3] == [
        "Finance Committee Report",
        "Website Rebuilding Update",
        "Social Committee Report",
    ]
    assert m.agenda_items[0].number == "2"


def test_motion_to_and_a_team_s_choices() -> None:
    """xbrl-us-dqc-2018-03-14.docx ('Motion to approve DQC_0066 for public review by Chase
    Bongirno, seconded by Mohini Singh. Motion passed.') and
    nsu-cse327-marketplace-team-2025-10-18.docx ('PHP (Raw) selected as the backend
    language.', 'HTML, CSS, Bootstrap were chosen for frontend design.')."""
    m = parse_text(
        "Minutes of the meeting held on 14 March 2018\n\nPresent: Ann Lee, Bo Chan\n\n"
        "Motion to approve DQC_0066 for public review by Chase Bongirno, seconded by Mohini "
        "Singh. Motion passed.\n\n"
        "HTML, CSS, Bootstrap were chosen for frontend design.\n\n"
        "PHP (Raw) selected as the backend language.\n\n"
        "Staff selected for the award were thanked.\n"
    )
    assert [(r.rule, r.outcome) for r in m.resolutions] == [
        ("resolution:motion_to", "carried"),
        ("resolution:chosen", "agreed"),
        ("resolution:chosen", "agreed"),
    ]


def test_decision_labels_and_verbs_in_other_languages() -> None:
    # corpus/real/dev/docs/asroc-council-2016-07-26.pdf: "決議：暫訂 2016/9/10 (星期六) 2pm."
    # (resolution: provisionally 10 September); sveriges-skaldjurs-sallskap-2023-05-13.pdf:
    # "Mötet beslutar att Sveriges Skaldjurs Sällskap skall bildas." (the meeting decides …).
    chinese = parse_text("會議紀錄\n出席人員：朱有花\n決議：暫訂 2016/9/10 (星期六) 2pm.\n")
    assert [(r.text, r.outcome) for r in chinese.resolutions] == [
        ("暫訂 2016/9/10 (星期六) 2pm.", "resolved")
    ]
    swedish = parse_text(
        "Konstituerande möte\nNärvarande: Clas Karlebratt, Colin White\n"
        "Mötet beslutar att Sveriges Skaldjurs Sällskap skall bildas.\n"
    )
    assert [r.text for r in swedish.resolutions] == [
        "Mötet beslutar att Sveriges Skaldjurs Sällskap skall bildas."
    ]


def test_a_decision_stating_only_its_outcome_takes_the_proposal_before_it() -> None:
    # corpus/real/dev/docs/asroc-council-2016-11-20.pdf: "建議 APRIM 註冊費仍匯入學會帳戶，
    # 請記帳士協助記帳及申報所得稅事宜。" (proposed: …) then "決議：通過。" (resolved: passed).
    text = (
        "會議紀錄\n出席人員：朱有花\n"
        "建議 APRIM 註冊費仍匯入學會帳戶，請記帳士協助記帳及申報所得稅事宜。\n決議：通過。\n"
    )
    (decision,) = parse_text(text).resolutions
    assert decision.text == (
        "建議 APRIM 註冊費仍匯入學會帳戶，請記帳士協助記帳及申報所得稅事宜。\n決議：通過。"
    )
    assert decision.outcome == "resolved"


def test_agreements_a_team_records_in_plain_words() -> None:
    # corpus/real/dev/docs/enterprise-pro-team-minutes-log.docx ("Agreement was reached on
    # the importance of regular weekly meetings …", "We agreed on next meeting time", "Agreed
    # on online group works"), intersect-core-infra-wg-2024-09-30.md ("Agreement to use the
    # weekly meeting as a default forum …"), no2id-agm-2004.pdf ("The Constitution was
    # ratified, with two members abstaining.").
    text = (
        "Team meeting\nAttendees: Ann Lee, Bob Stone\n"
        "Agreement was reached on the importance of regular weekly meetings to track progress.\n"
        "We agreed on next meeting time.\nAgreed on online group works.\n"
        "Agreement to use the weekly meeting as a default forum for feedback.\n"
        "The Constitution was ratified, with two members abstaining.\n"
        "We are working to plan our grant work for this year.\n"
    )
    assert [(r.text, r.rule) for r in parse_text(text).resolutions] == [
        (
            "Agreement was reached on the importance of regular weekly meetings to track progress.",
            "resolution:consensus",
        ),
        ("We agreed on next meeting time.", "resolution:decided"),
        ("Agreed on online group works.", "resolution:verb_first"),
        (
            "Agreement to use the weekly meeting as a default forum for feedback.",
            "resolution:consensus",
        ),
        ("The Constitution was ratified, with two members abstaining.", "resolution:passive"),
    ]


def test_a_policy_and_its_outcome_after_a_dash_and_a_numbered_line_decision() -> None:
    # corpus/real/dev/docs/decoy-fgb-2019-12-09.pdf: "b. SEND information Report and SEND
    # Policy - ratified"; "the MOU was agreed." (a governors' policy review);
    # corpus/real/dev/docs/wigan-ehn-2009-01-12.htm: "6.1 The minutes were approved." on a
    # <br>-broken line after its item's number.
    dev = CORPUS / "real" / "dev" / "docs"
    m = parse(dev / "decoy-fgb-2019-12-09.pdf", ParseOptions(ocr="never"))
    rules = {r.rule for r in m.resolutions}
    assert {"resolution:titled_outcome", "resolution:passive"} <= rules
    assert any("SEND Policy - ratified" in r.text for r in m.resolutions)
    wigan = parse(dev / "wigan-ehn-2009-01-12.htm")
    assert [r.text for r in wigan.resolutions] == ["The minutes were approved."]


def test_a_body_named_in_full_agrees_or_votes() -> None:
    # ../shared/realworld/docs/stoke-ferry-pc-2019-03-06.md ("The Parish Council agreed each
    # paragraph …", "All agreed to change the order …") and west-dereham-pc-2020-03-05.md
    # ("Councillors agreed to defer the review of this policy until the next meeting.",
    # "Parish Councillors voted to support the application.")
    text = (
        "Minutes of the Parish Council meeting\nPresent: Cllr A Smith, Cllr B Jones\n"
        "6. Policies. The Parish Council agreed each paragraph in order to respond.\n"
        "7. Risk. Councillors agreed to defer the review of this policy.\n"
        "8. Cemetery. Parish Councillors voted to support the application. All agreed to "
        "change the order.\n9. Other. Some councillors said they agreed with the view.\n"
        "10. Fayre. A date and time in February were agreed. Apologies were accepted.\n"
        "11. Accounts. The Parish Council noted the accounts presented. LH noted the time.\n"
    )
    assert [r.text for r in parse_text(text).resolutions] == [
        "The Parish Council agreed each paragraph in order to respond.",
        "Councillors agreed to defer the review of this policy.",
        "Parish Councillors voted to support the application.",
        "All agreed to change the order.",
        "A date and time in February were agreed.",
        "The Parish Council noted the accounts presented.",
    ]


def test_each_line_of_a_note_cell_is_read_for_decisions() -> None:
    # ../shared/realworld/docs/cssuob-committee-2025-04-08.html: "2 | Adoption of Previous
    # Minutes\nMinutes unanimously adopted | LB": the decision is the cell's second line.
    from .conftest import shared_dir

    m = parse(shared_dir("realworld", "docs") / "cssuob-committee-2025-04-08.html")
    assert "Minutes unanimously adopted" in [r.text for r in m.resolutions]


def test_a_motion_seconded_before_what_it_moves() -> None:
    """greenville-sc-city-council-2023-05-22.pdf (corpus/real, dev; a scan): 'Councilmember
    DeWorken moved, seconded by Councilmember Gibson, to approve second and final reading of
    agenda items 11a, 11b, and 11c of the Consent Agenda. The motion carried unanimously.'"""
    from minutes_parser.pipeline import parse_text

    m = parse_text(
        "MINUTES FORMAL MEETING OF CITY COUNCIL\n"
        "Present: Mayor Knox White, John DeWorken, Lillian Flemming, Ken Gibson\n"
        "Councilmember DeWorken moved, seconded by Councilmember Gibson, to approve second and "
        "final reading of agenda items 11a, 11b, and 11c of the Consent Agenda. The motion "
        "carried unanimously.\n"
    )
    (res,) = m.resolutions
    assert res.text.endswith(
        "to approve second and final reading of agenda items 11a, 11b, and 11c of the "
        "Consent Agenda"
    )
    assert res.mover is not None and res.mover.name == "John DeWorken"
    assert res.seconder is not None and res.seconder.name == "Ken Gibson"


def test_councillors_resolved_and_agreed_mid_sentence() -> None:
    """milburn-pc-2018-11-06.pdf (corpus/real, dev): 'after discussion the Councillors
    resolved to have the Beacon and service on the Village Green.', '… Councillors resolved to
    donate £65' ending its line; and
    newbiggin-pc-2019-09-03.docx: 'After much deliberation, the Councillors agreed that …'."""
    m = parse(CORPUS / "real" / "dev" / "docs" / "milburn-pc-2018-11-06.pdf")
    texts = [r.text for r in m.resolutions]
    assert "the Councillors resolved to have the Beacon and service on the Village Green." in texts
    # the line ends the decision: "… Councillors resolved to donate £65" / "A letter from …"
    assert "Councillors resolved to donate £65" in texts
    n = parse(CORPUS / "real" / "dev" / "docs" / "newbiggin-pc-2019-09-03.docx")
    assert any(r.text.startswith("the Councillors agreed that although") for r in n.resolutions)


def test_votes_and_authorisations_recorded_as_such() -> None:
    """sunpy-board-2017-03-13.md ('Board votes to renew **Stuart** as the Lead Developer …',
    'Vote on **Sabrina** joining the board: **7-0 in favour**.'), licton-springs-cc-2021-03-17.md
    ('M/S/A to suspend the by-laws …', 'Minutes of Feb. 17 2021 were approved as circulated.')
    and altspace-member-2023-07-10.md ('Michael was authorized to spend up to $100 …')."""
    texts = [r.text for r in parse(REAL_DEV / "sunpy-board-2017-03-13.md").resolutions]
    assert any(t.startswith("Board votes to renew Stuart") for t in texts)
    assert any(t.startswith("Vote on Sabrina joining the board") for t in texts)
    texts = [r.text for r in parse(REAL_DEV / "licton-springs-cc-2021-03-17.md").resolutions]
    assert any(t.startswith("M/S/A to suspend the by-laws") for t in texts)
    assert any(t.startswith("Minutes of Feb. 17 2021 were approved") for t in texts)
    texts = [r.text for r in parse(REAL_DEV / "altspace-member-2023-07-10.md").resolutions]
    assert any(t.startswith("Michael was authorized to spend") for t in texts)


def test_decisions_in_french() -> None:
    """mdp-rennes-ca-2024-06-12.md: 'Il est décidé d’un atelier en juin et un en septembre.'
    and '… a remporté les votes à l’unanimité …'."""
    texts = [r.text for r in parse(REAL_DEV / "mdp-rennes-ca-2024-06-12.md").resolutions]
    assert any(t.startswith("Il est décidé d’un atelier") for t in texts)
    assert any("à l’unanimité" in t for t in texts)


def test_decisions_after_what_they_concern_and_outcomes_closing_a_line() -> None:
    """appna-ok-ec-2018-01-09.docx ('Regarding sending tax exempt receipts …, it was decided
    to …'), milburn-pc-2018-09-04.pdf ('After much discussion it was agreed not to sign …'),
    newbiggin-pc-2019-09-03.docx ('The Councillors resolved to pay all of the above.'),
    decoy-fgb-2019-10-14.pdf ('Child Protection Policy – Agreed'), tayport-cc-2018-09-03.pdf
    ('Replacement windows at 16 Rose Street DD6 9DJ Agreed') and dsf-board-2025-09-11.md
    ('Grants approved: PyCon Africa: USD $500')."""
    m = parse_text(
        "Minutes of the meeting held on 9 January 2018\n\nPresent: Ann Lee, Bo Chan\n\n"
        "Regarding sending tax exempt receipts to membership, it was decided to send these.\n\n"
        "After much discussion it was agreed not to sign and enter into this agreement.\n\n"
        "The Councillors resolved to pay all of the above.\n\n"
        "Child Protection Policy – Agreed\n\n"
        "Replacement windows at 16 Rose Street DD6 9DJ Agreed\n\n"
        "Grants approved: PyCon Africa: USD $500\n\n"
        "No one was appointed to the post.\n\n"
        "Apologies – accepted\n\n"
        "Members discussed the bench. The group decided not to buy one.\n"
    )
    assert [r.rule for r in m.resolutions] == [
        "resolution:decided",
        "resolution:decided",
        "resolution:decided",
        "resolution:titled_outcome",
        "resolution:closing_outcome",
        "resolution:approved_list",
        "resolution:decided",
    ]
    assert m.resolutions[1].text.startswith("After much discussion it was agreed not to sign")


def test_decisions_listed_under_a_conclusion_heading_or_an_introducing_line() -> None:
    """lumiera-devmeeting-2012-09-12.txt (AsciiDoc with two-line titles): 'Conclusion' over
    '~~~~~~~~~~' heads a list of what was decided, and 'Nevertheless we agree on the
    following...' introduces the list under 'Roadmap'."""
    m = parse(REAL_DEV / "lumiera-devmeeting-2012-09-12.txt")
    listed = [r.text for r in m.resolutions if r.rule == "resolution:listed_decision"]
    assert listed[0].startswith("RFC's are first class citizens")
    assert "The devel server will be upgraded to wheezy" in listed
    assert len(listed) == 9
    assert [i.title for i in m.agenda_items][:2] == ["RFCs", "Upgrade to Wheezy/GTK-3"]


def test_a_working_group_decides_and_decisions_in_spanish() -> None:
    """riscv-cso-sig-2020-12-07.adoc ('General agreement this is a useful approach.', 'In
    discussion it was agreed that there was limited opportunity …', 'The SIG decided that it
    made more sense to start with …') and dcf-asamblea-2022-12-31.md ('… se aprueba que los
    asociados designados …', 'APROBACIÓN POR UNANIMIDAD')."""
    m = parse_text(
        "Minutes of the meeting held on 7 December 2020\n\nPresent: Ann Lee, Bo Chan\n\n"
        "General agreement this is a useful approach.\n\n"
        "In discussion it was agreed that there was limited opportunity for speedup.\n\n"
        "The SIG decided that it made more sense to start with the B extension.\n\n"
        "Luego de la lectura se aprueba que los asociados designados sean Luis y David.\n\n"
        "La votación dio como resultado la APROBACIÓN POR UNANIMIDAD del Balance Anual.\n"
    )
    assert [r.rule for r in m.resolutions] == [
        "resolution:consensus",
        "resolution:decided",
        "resolution:decided",
        "resolution:decided_translated",
        "resolution:decided_translated",
    ]


def test_motioned_and_seconded_after_a_slash() -> None:
    """rapids-city-vb-2013-05-14.pdf: 'Corson motioned to approve the 2013-14 Appropriation
    Ordinance/ Dopler seconded.'; homosassa-swd-2013-06-17.pdf: 'Commissioner Bitter made a
    motion for staff to go back and waive late fees …'."""
    m = parse(REAL_DEV / "rapids-city-vb-2013-05-14.pdf")
    budget = next(r for r in m.resolutions if "2013-14 Operating Budget" in r.text)
    assert budget.mover is not None and budget.seconder is not None
    assert (budget.mover.as_written, budget.seconder.as_written) == ("Corson", "Dopler")
    text = (
        "Board Minutes\n\nPresent: Ann Lee, Bo Chan\n\n1. Fees\n\nCommissioner Bitter made a "
        "motion for staff to go back and waive late fees. Commissioner Jeeves seconded the "
        "motion. Motion carried.\n"
    )
    fees = parse_text(text).resolutions
    movers = [(r.mover and r.mover.as_written, r.seconder and r.seconder.as_written) for r in fees]
    assert movers == [("Commissioner Bitter", "Commissioner Jeeves")]


def test_a_motion_made_by_and_the_body_deciding_as_subject() -> None:
    """whit-davis-pto-2010-01-12.pdf: 'A motion was made by Patty Brooks to approve minutes.
    Denise VanWicklen seconded …'; arrowhead-hoa-2015-07-21.pdf: 'the Board made the
    decision to change the time to comply …'; homosassa-swd-2013-07-15.pdf: 'The Board
    rejected the bid from Mittauer & Associates …'."""
    pto = parse(REAL_DEV / "whit-davis-pto-2010-01-12.pdf")
    minutes = next(r for r in pto.resolutions if "to approve minutes" in r.text)
    assert minutes.mover is not None and minutes.mover.as_written == "Patty Brooks"
    assert minutes.seconder is not None and minutes.seconder.as_written == "Denise VanWicklen"
    board = parse(REAL_DEV / "homosassa-swd-2013-07-15.pdf")
    assert any(
        r.text.startswith("The Board rejected the bid from Mittauer") for r in board.resolutions
    )
