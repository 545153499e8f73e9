"""Actions and action updates on inline documents."""

from __future__ import annotations

import re

from minutes_parser import ActionStatus, parse_text
from minutes_parser.extract.actions import action_status
from minutes_parser.extract.actions.logs import _has_word

HEAD = (
    "Minutes of the Trustees meeting held on Thursday 14 November 2023\n\n"
    "Present: Jane Porter (JP), Dominic Rees (DR), Sarah Mainwaring, Karen Liddell – Chief "
    "Executive Officer, Diane Carver (Clerk)\n\n"
)


def test_owners_resolved_from_initials_surnames_roles_and_typos() -> None:
    m = parse_text(
        HEAD + "1. Finance\nACTION: JP / DR to re-present the budget by 29/02/2024.\n"
        "Ms Mainwairing agreed to circulate the risk register by the end of January.\n"
        "The CEO undertook to brief staff before the next meeting.\n"
        "Clerk to write to Highways re: pothole on Mill Lane.\n"
        "ACTION: Bob Nobody to fix the roof.\n\n"
        "2. Date of next meeting\nThe next meeting will be held on 12 December 2023.\n"
    )
    got = [(a.owners, a.owner_resolved, a.description, a.due_date) for a in m.actions]
    assert got == [
        (["Jane Porter", "Dominic Rees"], True, "re-present the budget", "2024-02-29"),
        (["Sarah Mainwaring"], True, "circulate the risk register", "2024-01-31"),
        (["Karen Liddell"], True, "brief staff", "2023-12-12"),
        (["Diane Carver"], True, "write to Highways re: pothole on Mill Lane", None),
        (["Bob Nobody"], False, "fix the roof", None),
    ]
    unresolved = m.actions[-1].owner_refs[0]
    assert unresolved.as_written == "Bob Nobody" and unresolved.name is None
    assert m.actions[1].owner_refs[0].method == "fuzzy"


def test_inline_marker_and_log_row_are_one_action() -> None:
    m = parse_text(
        HEAD + "1. Venue\nMr Rees agreed to progress the booking of a venue.\n\n"
        "DR to arrange meetings – action 1\n\n"
        "Appendix\n\nNo:\tOwner:\tDetails:\n"
        "1. Dominic Rees\tDominic Rees to find a suitable venue for the open meetings.\n"
        "2. All members\tTo read and comment on the strategy.\n"
    )
    assert [(a.ref, a.owners) for a in m.actions] == [
        ("1", ["Dominic Rees"]),
        ("2", ["All members"]),
    ]
    one = m.actions[0]
    assert one.description == "Dominic Rees to find a suitable venue for the open meetings."
    assert one.agenda_item == "1"
    assert len(one.mentions) == 2  # the sentence and the "action 1" marker
    assert m.actions[1].owner_refs[0].is_group


def test_action_log_sections_split_new_actions_from_updates() -> None:
    m = parse_text(
        HEAD + "1. Actions\n\nRef\tAction\tOwner\tDue date\tStatus\n"
        "Raised 14 November 2023\n"
        "61\tProvide a breakdown of agency spend\tJP\tOctober 2023\tNew\n"
        "Raised 27 July 2023\n"
        "57\tArrange a development session\tDR\tDecember 2023\tOngoing – date being agreed\n"
        "52\tReview the triage model\tJP\tJuly 2023\tComplete – removed from log\n"
        "49\tExplore a visits programme\tDR\tJune 2023\tClosed – superseded by the new programme\n"
    )
    assert [(a.ref, a.owners) for a in m.actions] == [("61", ["Jane Porter"])]
    assert [(u.ref, u.raised_date, u.status) for u in m.action_updates] == [
        ("57", "2023-07-27", ActionStatus.ONGOING),
        ("52", "2023-07-27", ActionStatus.COMPLETED),
        ("49", "2023-07-27", ActionStatus.DROPPED),
    ]


def test_review_list_updates_and_owner_handover() -> None:
    m = parse_text(
        HEAD + "1. Matters arising from last time:\n"
        "- fix the login timeout (Dominic) — done, deployed to UAT\n"
        "- accessibility check (Jane, from 15/02) — still open, carried over\n\n"
        "Ref\tAction\tOwner\tUpdate\nActions ongoing as at 14.11.23\n"
        "10\tSend the spreadsheet\tJane Porter\tDominic Rees to follow up (in replacement of "
        "Jane Porter)\n"
    )
    ups = [
        (u.description, u.owners, u.status.value, u.raised_date, u.new_owners)
        for u in m.action_updates
    ]
    assert ups == [
        ("fix the login timeout", ["Dominic Rees"], "completed", None, []),
        ("accessibility check", ["Jane Porter"], "carried_forward", "2023-02-15", []),
        ("Send the spreadsheet", ["Jane Porter"], "ongoing", None, ["Dominic Rees"]),
    ]


def test_status_vocabulary() -> None:
    assert action_status("Discharged – 04.12.2014")[0] is ActionStatus.COMPLETED
    assert action_status("not done yet, carry forward")[0] is ActionStatus.CARRIED_FORWARD
    assert action_status("Closed – superseded by a new plan")[0] is ActionStatus.DROPPED
    assert (
        action_status("the landowner has not yet replied; he will follow up. Ongoing.")[0]
        is ActionStatus.ONGOING
    )
    assert action_status("Awaiting a reply")[0] is ActionStatus.ONGOING
    assert action_status("Noted by the Board") == (None, "")


def test_points_discussed_table_with_an_owner_column() -> None:
    m = parse_text(
        HEAD + "Points discussed/agreed\tAction Who/When\n"
        "1. JP presented the budget • It was agreed that JP and DR would check the figures\t"
        "JP/DR Nov\n"
        "2. The Clerk reported on the website • No change needed\t\n"
        "3. Maps of the parish are needed • DR to order them\tDR to order the maps\n"
        "4. Survey methods were discussed • Qualitative surgeries • Sarah to liaise with the "
        "school\tSarah Mainwaring\n\n"
        "Date of next meeting: 12 December 2023\n"
    )
    got = [(a.owners, a.description) for a in m.actions]
    assert got == [
        (["Jane Porter", "Dominic Rees"], "It was agreed that JP and DR would check the figures"),
        (["Dominic Rees"], "order the maps"),
        (["Sarah Mainwaring"], "Sarah to liaise with the school"),
    ]


def test_an_owner_is_found_in_a_discussed_point_as_a_whole_word() -> None:
    """The owner cell's names ("JN/AC") are looked for in the point's bullets as whole words,
    where a regex ``\\b`` would see them (the name is data, so no pattern is built from it)."""
    cases = [
        ("• AC to arrange to be sent out with minutes", "AC", True),
        ("• ACTION: JN to send plans", "AC", False),
        ("agreed (AC)", "AC", True),
        ("Cllr J. Smith to write", "J.", False),  # "\b" after "." needs a word character
        ("J.Smith to write", "J.", True),
        ("Lee_Smith", "Lee", False),
        ("Lee-Smith", "Lee", True),
    ]
    for text, name, expected in cases:
        assert _has_word(text, name) is expected, (text, name)
        assert bool(re.search(rf"\b{re.escape(name)}\b", text)) is expected, (text, name)
