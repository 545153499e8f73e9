"""Reports on earlier matters written as prose under a "Matters arising" heading; each test
names the real document (corpus/real, dev split) it reads."""

from __future__ import annotations

from minutes_parser import parse
from minutes_parser.models import ActionStatus
from minutes_parser.pipeline import parse_text

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_titled_matter_with_its_report_is_an_update() -> None:
    """south-cerney-pc-2002-08.htm: 'Matters Arising' / 'Response from Audit Commission' /
    'The Clerk reported that no reply had been received.'"""
    m = parse(REAL_DEV / "south-cerney-pc-2002-08.htm")
    by_title = {u.description: u for u in m.action_updates}
    update = by_title["Response from Audit Commission"]
    assert update.status is ActionStatus.ONGOING
    assert update.status_text.startswith("The Clerk reported that no reply had been received.")
    assert update.rule == "action_review:section"


def test_numbered_report_under_a_numbered_heading() -> None:
    """The form of wigan-ehn-2009-02-16.htm: '3.0. Matters arising' / '3.1. …' paragraphs,
    ending at the next major number."""
    m = parse_text(
        "Minutes of the meeting held on 16 February 2009\n\n"
        "Present: John O'Neill (Chair), Tom Price\n\n"
        "3.0. Matters arising\n\n"
        "3.1. The noticeboard has been installed at the school gate.\n\n"
        "3.2. The grant application is still awaiting a decision from the Trust.\n\n"
        "4.0. Heritage Network DVD\n\n"
        "4.1. The DVD was shown and has been well received.\n"
    )
    got = [(u.ref, u.status) for u in m.action_updates]
    assert got == [("3.1", ActionStatus.COMPLETED), ("3.2", ActionStatus.ONGOING)]


def test_no_matters_arising_and_discussion_are_not_updates() -> None:
    m = parse_text(
        "Minutes of the meeting held on 1 May 2024\n\nPresent: Ann Lee, Bo Chan\n\n"
        "Matters arising\n\nThere were no matters arising.\n\n"
        "Review of previous actions\n\nTim: I have a PR open, it will be merged soon.\n"
    )
    assert m.action_updates == []


def test_action_list_with_labelled_new_items_reports_on_the_others() -> None:
    """perth-artifactory-committee-2010-10-21.md: '## Actions' / '- ~~PD will email out about
    keeping 3 months ahead.~~ done' / '- DC will email out to core about DCF.' / '- **New:** SM
    to forward insurance details to BR …' — the unlabelled items are earlier actions."""
    m = parse(REAL_DEV / "perth-artifactory-committee-2010-10-21.md")
    updates = {u.description.split(".")[0]: u.status for u in m.action_updates}
    assert updates["PD will email out about keeping 3 months ahead"] is ActionStatus.COMPLETED
    assert updates["DC will email out to core about DCF"] is ActionStatus.OPEN
    new = {a.description.split(" who")[0]: a.owners for a in m.actions}
    assert new["forward insurance details to BR"] == ["Skot McDonald"]
    assert not any(a.owners == ["New"] for a in m.actions)


def test_reviewed_items_with_their_status_in_the_paragraph_below() -> None:
    """overture-net-meeting-2014-08-10.md: under 'Review Status of the Action List', each
    reviewed action is a list item ('41-1: Video on Deploying VDM') and its report the
    paragraph beneath ('… Action carried forward.')."""
    m = parse(REAL_DEV / "overture-net-meeting-2014-08-10.md")
    by_ref = {u.ref: (u.description, u.status) for u in m.action_updates}
    assert by_ref["41-1"] == ("Video on Deploying VDM", ActionStatus.CARRIED_FORWARD)
    assert by_ref["76-2"] == ("Overture community forming", ActionStatus.COMPLETED)
    assert by_ref["80-1"] == ("Revise Strategic Goals for 2020", ActionStatus.CARRIED_FORWARD)
    assert len(m.action_updates) == 7


def test_old_action_items_are_a_review_with_nested_statuses() -> None:
    """comssa-2017-03-19.md: '## Old Action Items' over '- Connor do Microsoft TFTI posters'
    with '    - done' nested beneath, above '## New Action Items'."""
    m = parse(REAL_DEV / "comssa-2017-03-19.md")
    status = {u.description: u.status for u in m.action_updates}
    assert status["Connor do Microsoft TFTI posters"] is ActionStatus.COMPLETED
    assert status["Connor speak to Hannes about quiz"] is ActionStatus.OPEN
    assert "Connor do Microsoft TFTI posters" not in {a.description for a in m.actions}
