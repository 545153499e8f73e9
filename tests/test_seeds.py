"""What the issues ask of the seed documents, asserted on extracted values."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from minutes_parser import ActionStatus, AttendanceStatus, DocumentKind, parse

from .conftest import seed


def test_seed_002_attendance() -> None:
    m = parse(seed("002"))
    statuses = Counter(a.status for a in m.attendees)
    # 27 listed in attendance + Ms Parfremment, who arrived during item 6.
    assert statuses[AttendanceStatus.PRESENT] == 28
    assert statuses[AttendanceStatus.APOLOGIES] == 5
    assert statuses[AttendanceStatus.ABSENT] == 1  # Debby Wadsworth "wasn't in attendance"
    by = {a.name: a for a in m.attendees}
    assert (by["Steve Ashley"].role, by["Steve Ashley"].organisation) == (
        "Independent Chair",
        "Rotherham Local Safeguarding Children Board",
    )
    assert by["Steve Ashley"].is_chair and by["Kirsty Booth"].is_minute_taker
    assert by["Sam Newton"].represents == "Shona McFarlane"
    assert "Shona McFarlane" not in by
    assert by["Beaumont"].name_as_written == "Cllr Beaumont"
    assert by["Pete Horner"].status is AttendanceStatus.APOLOGIES
    parfremment = by["Parfremment"]
    assert parfremment.movements[0].event == "arrived"
    assert parfremment.movements[0].agenda_item == "6"


def test_seed_002_metadata_and_agenda() -> None:
    m = parse(seed("002"))
    md = m.meeting
    assert (md.body, md.date, md.start_time, md.end_time, md.location) == (
        "Rotherham Local Safeguarding Children Board",
        dt.date(2014, 12, 4),
        "13:00",
        "16:00",
        "Riverside House",
    )
    assert [i.number for i in m.agenda_items] == [str(n) for n in range(1, 10)]
    assert [c.number for c in m.agenda_items[3].children] == [f"4.{k}" for k in range(1, 8)]
    assert [c.number for c in m.agenda_items[7].children] == ["8.1", "8.2", "8.3"]
    item3 = m.agenda_items[2]
    assert item3.presenter == "Chrissy Wright"
    assert item3.title.endswith("Commissioning Strategy 2014 – 17")


def test_seed_002_actions_merged_and_resolved() -> None:
    m = parse(seed("002"))
    got = {a.ref: (a.owners, a.agenda_item) for a in m.actions}
    assert got == {
        "1": (["Warren Carratt"], "1"),
        "2": (["Kirsty Booth"], "2"),
        "3": (["Steve Ashley"], "2"),
        "4": (["Jason Harwin"], "2"),
        "5": (["Chrissy Wright"], "3"),
        "6": (["All members"], "3"),
        "7": (["Steve Ashley"], "7"),
        "8": (["Maryke Turvey", "Sarah Mainwaring"], "9"),
        "9": (["Steve Ashley"], "9"),
    }
    one = m.actions[0]
    # The appendix's fuller wording wins; the inline marker and sentence are mentions.
    assert one.description == (
        "Warren Carratt to find suitable venue for the open meetings as discussed in the minutes."
    )
    assert len(one.mentions) >= 1
    eight = next(a for a in m.actions if a.ref == "8")
    assert [r.as_written for r in eight.owner_refs] == ["Maryke Turvey", "Sarah Mainwairing"]
    assert all(a.owner_resolved for a in m.actions)


def test_seed_002_updates_on_earlier_actions() -> None:
    m = parse(seed("002"))
    got = [(u.ref, u.status, u.raised_date) for u in m.action_updates]
    assert got == [
        ("4", ActionStatus.COMPLETED, "2014-09-04"),
        ("5", ActionStatus.COMPLETED, "2014-09-04"),
        ("6", ActionStatus.COMPLETED, "2014-09-04"),
        ("7", ActionStatus.ONGOING, None),
        ("8", ActionStatus.ONGOING, None),
        ("9", ActionStatus.CARRIED_FORWARD, None),
        ("10", ActionStatus.ONGOING, None),
    ]
    handover = m.action_updates[-1]
    assert handover.owners == ["Paul Grimwood", "Jason Harwin"]
    assert handover.new_owners == ["Jason Harwin"]
    assert handover.status_text.startswith("Jason Harwin to follow up")


def test_seed_000_five_resolutions_two_of_them_tasks() -> None:
    m = parse(seed("000"))
    assert [r.number for r in m.resolutions] == ["1", "2", "3", "4", "5"]
    assert m.resolutions[0].text == (
        "That the Rotherham Safeguarding Children Partnership - Annual Report 2019-20 be "
        "received and noted."
    )
    assert [(a.name, a.status.value) for a in m.attendees] == [
        ("Jenny Myers", "in_attendance"),
        ("Steve Chapman", "in_attendance"),
        ("Sue Cassin", "in_attendance"),
    ]
    assert [a.description[:40] for a in m.actions] == [
        "That the refreshed Neglect Strategy be c",
        "That the Rotherham Safeguarding Children",
    ]
    assert all(a.owners == [] and not a.owner_resolved for a in m.actions)
    (item,) = m.agenda_items
    assert item.number is None
    assert item.title == "Rotherham Safeguarding Children Partnership - Annual Report 2019-20"


def test_seed_004_agreed_decision_and_narrative_attendees() -> None:
    m = parse(seed("004"))
    (res,) = m.resolutions
    assert res.text == "the STSCP Annual Report for 2021/22 be noted."
    assert res.outcome == "agreed"
    assert [(a.name, a.role, a.organisation) for a in m.attendees] == [
        ("G Watson", "Partnership Manager", "South Tees Safeguarding Children Partnership"),
        ("S Butcher", "Executive Director of Children’s Services", None),
    ]


def test_seed_001_annual_report_is_not_minutes() -> None:
    m = parse(seed("001"))
    assert m.kind is DocumentKind.NOT_MINUTES
    assert m.attendees == [] and m.resolutions == [] and m.actions == []
    assert m.agenda_items == [] and m.meeting.date is None


def test_seed_003_single_item_with_presenter_and_no_invented_decision() -> None:
    m = parse(seed("003"))
    (item,) = m.agenda_items
    assert item.title == "Worcestershire Safeguarding Children Partnership Annual Report 2020-2021"
    assert m.resolutions == []
    assert m.attendees == []
    assert any(d.code == "no_attendees" for d in m.diagnostics)
