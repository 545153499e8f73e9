"""Reviews of earlier actions written as lists, read from real minutes; each test names the
document it was built from (corpus/real dev split, or ../shared/realworld)."""

from __future__ import annotations

from minutes_parser import parse
from minutes_parser.extract.actions import action_status
from minutes_parser.models import ActionStatus

from .conftest import CORPUS, shared_dir

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_a_share_of_the_work_done_is_under_way() -> None:
    """'60% complete' and 'partially done' report progress, not completion; '100% complete'
    and 'Action completed' are completed."""
    assert action_status("60% complete")[0] is ActionStatus.ONGOING
    assert action_status("about 80 percent done")[0] is ActionStatus.ONGOING
    assert action_status("partially complete")[0] is ActionStatus.ONGOING
    assert action_status("100% complete")[0] is ActionStatus.COMPLETED
    assert action_status("Action completed")[0] is ActionStatus.COMPLETED


def test_meetbot_review_item_heads_the_reviewed_actions() -> None:
    """asbroker-2018-07-10.html: the MeetBot summary item '3. review previous actions
    (jmrodri, 13:39:43)' with the reviewed actions nested beneath it, each followed by its
    LINK; an action raised again beneath ('ACTION: jmrodri review PR 928') is carried
    forward, the others are still open, and the links are not updates."""
    m = parse(REAL_DEV / "asbroker-2018-07-10.html")
    got = {u.description: u.status for u in m.action_updates}
    assert got["attempt to list APBs in broker returned status 503"] is ActionStatus.OPEN
    assert got["move away from panic in the lib"] is ActionStatus.OPEN
    assert got["Add parsing of param dependencies"] is ActionStatus.CARRIED_FORWARD
    assert got["bundle package should have a errors sub package"] is (ActionStatus.CARRIED_FORWARD)
    assert len(got) == 8
    assert not any("https://" in d for d in got)
    assert any("review PR 928" in a.description for a in m.actions)


def test_action_list_from_an_earlier_meeting_lists_owner_task_status() -> None:
    """ppss-committee-2016-04-05.pdf (../shared/realworld): 'Action List from Meeting
    14-3-16' numbered 'N. Owner - task <progress note>'; an item whose note states no status
    is still open, 'Not done' is read from the end of the task."""
    m = parse(shared_dir("realworld", "docs") / "ppss-committee-2016-04-05.pdf")
    got = {u.description[:40]: u for u in m.action_updates}
    assert len(m.action_updates) == 12
    posters = got["organise posters for Physical Systems ad"]
    assert posters.status is ActionStatus.OPEN
    assert posters.owners == ["Daniel"]
    knives = got["buy knives and forks for GOSS (with GOSS"]
    assert knives.owners == ["Innes", "George"]
    assert knives.status_text == "Not done"


def test_labelled_review_items_leave_plain_notes_alone() -> None:
    """gtalug-board-2015-01-26.org (../shared/realworld): under 'Action Items From Last
    Month', 'TODO Bill Thanis :: Get drive with Mediawiki mounted' (an owner of two words)
    is a reviewed action; under the second such heading 'New :: Should we be blocking
    HTML-based email?' is one and the plain discussion items after it ('We can, in
    principle') are not."""
    m = parse(shared_dir("realworld", "docs") / "gtalug-board-2015-01-26.org")
    got = [u.description for u in m.action_updates]
    assert "Get drive with Mediawiki mounted" in got
    assert "New :: Should we be blocking HTML-based email?" in got
    assert "We can, in principle" not in got
    assert len(got) == 11


def test_status_line_without_status_words_reports_progress() -> None:
    """eth-acd-63.md (../shared/realworld): under '1. Review previous decisions made and
    action items', each 'ACTION 62.x: …' paragraph has a 'Status: …' item beneath; one that
    states no verdict ('Status: Matt: … Will touch base with Antonion and Zach') is under
    way, 'Tabled until next week …' carries it forward."""
    m = parse(shared_dir("realworld", "docs") / "eth-acd-63.md")
    got = {u.ref: u.status for u in m.action_updates}
    assert got["62.3"] is ActionStatus.ONGOING
    assert got["62.7"] is ActionStatus.CARRIED_FORWARD
    assert got["61.1"] is ActionStatus.CARRIED_FORWARD
    assert len(got) == 12


def test_running_header_inside_a_review_section_is_not_part_of_a_report() -> None:
    """era-portal-ops-2024-12-10.pdf: under '5. ACTIONS FROM PREVIOUS MEETINGS', 'Speed
    reduction on secondary/tertiary roads' / its report / the page's running header
    'Eddington Residents’ Association and Portal meeting Minutes of the meeting held on …'
    (repeated on every page, left in the text) / '[Action: Portal to discuss with travel team
    and reply in 3 months.]' — the header is skipped, so the report is not taken for a note
    about the minutes."""
    m = parse(REAL_DEV / "era-portal-ops-2024-12-10.pdf")
    got = {u.description: u.status for u in m.action_updates}
    assert got["Speed reduction on secondary/tertiary roads"] is ActionStatus.ONGOING
    assert got["Green Bin Collections"] is ActionStatus.ONGOING


def test_business_arising_heads_a_review() -> None:
    """perth-artifactory-committee-2010-10-05.md: '### Business Arising from previous minutes'
    over '- DC will email out to core about DCF' and '- PD will email out about keeping 3
    months ahead.' — earlier actions reported on, still open, with their owners."""
    m = parse(REAL_DEV / "perth-artifactory-committee-2010-10-05.md")
    got = {u.description: (u.status, u.owners) for u in m.action_updates}
    assert got["email out to core about DCF"][0] is ActionStatus.OPEN
    assert len(got) == 2


def test_action_lines_with_their_status_inside_a_table_cell() -> None:
    """cssuob-committee-2025-04-25.html (../shared/realworld): an item table whose 'Past
    Events' cell holds 'Action AA: Submit pizza expenses' / 'Action completed' and whose
    'Finance Report' cell holds 'Action MW: Email to get ball grant transferred' / 'done'; a
    new action with no status after it ('ACTION HP: Deliver LEGO') is not an update."""
    m = parse(shared_dir("realworld", "docs") / "cssuob-committee-2025-04-25.html")
    got = {u.description: u for u in m.action_updates}
    assert got["Submit pizza expenses"].status is ActionStatus.COMPLETED
    assert got["Submit pizza expenses"].owners
    assert got["Email to get ball grant transferred"].status is ActionStatus.COMPLETED
    assert "Deliver LEGO" not in got
    assert action_status("Action carried forwards")[0] is ActionStatus.CARRIED_FORWARD


def test_a_table_of_the_previous_meetings_actions_with_abbreviated_column_names() -> None:
    """icat-steering-group-2015-12-09.md: under '2. Actions of the previous meeting', a table
    headed 'No. | Detail | Resp. | Status' ('2.1 | Add the steering committee terms of
    reference … | TG | Done'). 'Detail' is 'Details' in the singular, 'Resp.' is
    'Responsible' cut short."""
    m = parse(REAL_DEV / "icat-steering-group-2015-12-09.md")
    got = {u.ref: u for u in m.action_updates}
    assert len(got) == 12
    assert got["2.1"].description.startswith("Add the steering committee terms of reference")
    assert got["2.1"].status is ActionStatus.COMPLETED
    assert got["2.1"].owners == ["Tom Griffin"]
    assert got["2.5"].status_text.startswith("Complete – Rolf")
    assert got["2.10"].status is not ActionStatus.COMPLETED
    # the 'New Actions' table at the end relists the five not done, as this meeting's actions
    assert [a.ref for a in m.actions] == ["2.2", "2.4", "2.7", "2.10", "2.11"]


def test_status_notes_under_reviewed_markers_are_not_new_actions() -> None:
    """eth-acd-63.md (../shared/realworld): under '## Actions:' in the review of meeting 62,
    '**ACTION 62.4:** Discussion required with Jordi Baylina …' over '- Axic: no discussion
    with Jordi about this.' and '- **Status:** Further discussion will happen on Gitter' —
    the notes read as the review's, the list of actions ended by them."""
    m = parse(shared_dir("realworld", "docs") / "eth-acd-63.md")
    texts = " | ".join(a.description for a in m.actions)
    assert "no discussion with Jordi" not in texts
    assert "Further discussion will happen on Gitter" not in texts


def test_a_french_review_of_the_previous_meeting_s_actions() -> None:
    """afpy-cd-2022-10-18.md: '## Actions prévues lors de la réunion précédente' (actions
    planned at the previous meeting) over 'Antoine/Marc : Faire un post … → en cours pour le
    moment rien' and 'Antoine : Finir le PV de l'AG et les démarches préfecture (en pause)';
    the items of '## Ordre du jour' are the agenda."""
    m = parse(REAL_DEV / "afpy-cd-2022-10-18.md")
    first, last = m.action_updates[0], m.action_updates[-1]
    assert first.owners == ["Antoine Rozo", "Marc Debureaux"]
    assert (first.status.value, first.status_text) == ("ongoing", "en cours")
    assert last.owners == ["Antoine Rozo"]
    assert last.description == "Finir le PV de l'AG et les démarches préfecture"
    assert (last.status.value, last.status_text) == ("ongoing", "en pause")
    assert m.agenda_items[1].title == "nvidia"


def test_a_review_of_actions_with_each_status_nested_under_its_action() -> None:
    """riscv-cso-sig-2020-12-07.adoc: '== Review of actions' / '* **Jeremy Bennett.** Submit
    final charter to TWG for ratification.' / '** Complete.  Note that it is the Software
    Steering Committee which now ratifies.'"""
    m = parse(REAL_DEV / "riscv-cso-sig-2020-12-07.adoc")
    second = m.action_updates[1]
    assert second.owners == ["Jeremy Bennett"]
    assert second.description == "Submit final charter to TWG for ratification."
    assert (second.status.value, second.status_text) == ("completed", "Complete")
    assert len(m.action_updates) == 5
