"""Minutes the kind gate used to throw away; each test names the real document (corpus/real,
dev split) whose form it reads. A meeting thrown away is a gap of everything, so each case
asserts both the verdict and something extracted because of it."""

from __future__ import annotations

import datetime as dt

from minutes_parser import parse
from minutes_parser.extract.kind import judge
from minutes_parser.loaders.text import load_text
from minutes_parser.models import DocumentKind

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_outcome_lines_and_all_members_present_make_a_licensing_record() -> None:
    """boston-licensing-board-2020-04-30.pdf: titled 'Voting Agenda', but '(all members
    present)' and a bare 'GRANTED' under each application say the votes were taken."""
    text = (
        "Licensing Board\nVoting Agenda, April 30, 2020\n(all members present)\n"
        "1. Fair Nutrition\nHas applied for a Common Victualler License.\nGRANTED\n"
        "2. Fire & Ice\nHas applied for a change of manager.\nGRANTED\n"
    )
    judgement = judge(load_text(text))
    assert judgement.kind is DocumentKind.MINUTES
    assert {"present_heading", "outcome_line"} <= set(judgement.evidence)


def test_an_agenda_without_outcomes_stays_an_agenda() -> None:
    text = "Licensing Board\nVoting Agenda, April 30, 2020\n1. Fair Nutrition\n2. Fire & Ice\n"
    assert judge(load_text(text)).kind is DocumentKind.NOT_MINUTES


def test_minutes_in_other_languages_are_minutes() -> None:
    """asroc-council-2016-07-26.pdf ('會議紀錄', '出席人員') and
    sveriges-skaldjurs-sallskap-2023-05-13.pdf ('Närvarande medlemmar', OCR'd without the
    diacritics)."""
    chinese = "中華民國天文學會 第 25 屆第 10 次理監事會議 會議紀錄\n三、出席人員姓名：朱有花\n"
    swedish = "Stadgarna antas.\nNarvarande medlemmar utöver styrelsen; Annette Kopperud\n"
    for text in (chinese, swedish):
        assert judge(load_text(text)).kind is DocumentKind.MINUTES, text


def test_chairing_and_notetaking_lines_mark_a_session_record() -> None:
    """ietf-mls-ietf104-tuesday.txt: 'chairing:' above the chairs' names."""
    m = parse(REAL_DEV / "ietf-mls-ietf104-tuesday.txt")
    assert m.kind is DocumentKind.MINUTES
    assert m.kind_judgement is not None and "moderator" in m.kind_judgement.evidence


def test_view_attendee_list_heading_gives_the_attendees() -> None:
    """rconsortium-submissions-wg-2022-12-02.html: a shared-document export opening with
    'View Attendee List' and one 'Name (Organisation)' per line."""
    m = parse(REAL_DEV / "rconsortium-submissions-wg-2022-12-02.html")
    assert m.kind is DocumentKind.MINUTES
    orgs = {a.name: a.organisation for a in m.attendees}
    assert orgs["Bob Engle"] == "Biogen"
    assert orgs["Joseph Rickert"] == "R Consortium"
    assert len(orgs) >= 20


def test_items_worded_as_business_to_come_make_an_agenda() -> None:
    """suffolk-libraries-agm2016-agenda.pdf: "1. Chair's welcome, apologies for absence …",
    "2. Annual Report: To receive the report …", "3. Accounts 2015/16: To receive the
    Statement of Accounts …": the items say what the meeting is to do, nothing says it was
    done."""
    agenda = parse(REAL_DEV / "suffolk-libraries-agm2016-agenda.pdf")
    assert agenda.kind is DocumentKind.NOT_MINUTES
    assert agenda.kind_judgement is not None
    assert agenda.kind_judgement.label == "agenda"
    assert agenda.kind_judgement.evidence["not:items_to_come"] == -3.0
    # an agenda announces a meeting: its date, place and body are read, nothing else
    assert agenda.meeting.date == dt.date(2016, 9, 29)
    assert agenda.agenda_items == [] and agenda.attendees == []
    # The same items in a record of the meeting: people present and an outcome.
    record = (
        "Annual General Meeting\nPresent: Ann Lee (Chair), Bob Stone\n"
        "1. Annual Report: To receive the report for the year.\nThe report was received.\n"
        "2. Accounts: To receive the Statement of Accounts.\nRESOLVED that they be adopted.\n"
        "3. Auditors: To appoint the auditors.\nRESOLVED that Smith & Co be appointed.\n"
    )
    judgement = judge(load_text(record))
    assert judgement.kind is DocumentKind.MINUTES
    assert "not:items_to_come" in judgement.evidence


def test_an_agenda_that_budgets_its_items_time_is_not_minutes() -> None:
    # corpus/real/dev/docs/wigan-ehn-agenda-2009-02-16.htm: a page headed "Meeting minutes"
    # whose body is "Agenda" then "3.0. Minutes from last meeting - (10mins)", "4.0. Heritage
    # Network DVD and Resource Pack Project (10mins)", …: nothing in it records a meeting.
    m = parse(CORPUS / "real" / "dev" / "docs" / "wigan-ehn-agenda-2009-02-16.htm")
    assert m.kind == "not_minutes"
    assert m.kind_judgement is not None and m.kind_judgement.label == "agenda"
    assert "not:time_budgets" in m.kind_judgement.evidence


def test_dutch_minutes_opening_with_their_agenda_are_minutes() -> None:
    """fronteers-board-2014-08-21.md (corpus/real, dev): front matter 'title: Notulen
    bestuursvergadering 21 augustus 2014', then 'Aanwezig: Arjan, Krijn, Matijs, Roy, Sander
    en Vasilis.' and a '## Agenda' list: the minutes word of its own title, and who was
    present, outweigh the agenda heading; the Dutch 'en' ends the list."""
    from minutes_parser import parse

    from .conftest import CORPUS

    m = parse(CORPUS / "real" / "dev" / "docs" / "fronteers-board-2014-08-21.md")
    assert m.kind.value == "minutes"
    assert [a.name for a in m.attendees] == ["Arjan", "Krijn", "Matijs", "Roy", "Sander", "Vasilis"]


def test_a_page_whose_record_is_still_to_be_written_is_not_minutes() -> None:
    """wasm-cg-2026-08-25.md ('## Meeting Notes' / 'To be filled in after the meeting.' over an
    empty '### Attendees') and altspace-member-2023-09-04.md ('This meeting hasn't happened
    yet.') are agendas; wasm-cg-2019-04-02.md, the same template filled in, is minutes."""
    for name in ("wasm-cg-2026-08-25.md", "altspace-member-2023-09-04.md"):
        judged = parse(REAL_DEV / name).kind_judgement
        assert judged is not None
        assert (judged.kind, judged.label) == (DocumentKind.NOT_MINUTES, "agenda")
    assert parse(REAL_DEV / "wasm-cg-2019-04-02.md").kind is DocumentKind.MINUTES


def test_meeting_titles_and_invitations_in_other_languages() -> None:
    """makerspace-gt-einladung-2020-01-25.md ('Einladung zur ordentlichen
    Mitgliederversammlung': an invitation), mdp-rennes-ca-2024-02-22.md (a French board's
    minutes whose '## Ordre du jour' section follows the attendance) and
    fronteers-board-2014-08-21.md (a Dutch 'bestuursvergadering')."""
    invitation = parse(REAL_DEV / "makerspace-gt-einladung-2020-01-25.md")
    assert invitation.kind is DocumentKind.NOT_MINUTES
    assert invitation.kind_judgement is not None
    assert invitation.kind_judgement.label == "notice"
    french = parse(REAL_DEV / "mdp-rennes-ca-2024-02-22.md")
    assert french.kind is DocumentKind.MINUTES
    assert french.kind_judgement is not None
    assert "meeting_title" in french.kind_judgement.evidence
    dutch = judge(load_text("Bestuursvergadering 21 augustus 2014\n\nAanwezig: Ann, Bob\n"))
    assert dutch.evidence.get("meeting_title") == 1.5
    spanish = judge(load_text("Reunión de la Junta Directiva\n\nParticipantes: Ana, Luis\n"))
    assert spanish.kind is DocumentKind.MINUTES
    assert set(spanish.evidence) == {"meeting_title", "present_translated"}


def test_a_front_matter_title_and_titles_in_other_languages() -> None:
    """dcf-asamblea-2022-12-31.md ('title: Acta de Asamblea General Ordinaria N°1' in its
    front matter), opensergo-community-2022-10-26.md ('OpenSergo 社区双周会纪要', minutes of a
    biweekly meeting) are minutes; dcf-informe-2023-02.md ('Informe mensual de actividades …')
    is a report."""
    for name in ("dcf-asamblea-2022-12-31.md", "opensergo-community-2022-10-26.md"):
        assert parse(REAL_DEV / name).kind is DocumentKind.MINUTES, name
    report = parse(REAL_DEV / "dcf-informe-2023-02.md")
    assert report.kind is DocumentKind.NOT_MINUTES
    assert report.kind_judgement is not None and report.kind_judgement.label == "report"


def test_attending_heading_over_a_list_makes_a_date_titled_record() -> None:
    """openexr-tsc-2020-04-16.md: titled only '# 4/16/2020', then '### Attending:' over the
    names; no word for minutes anywhere."""
    m = parse(REAL_DEV / "openexr-tsc-2020-04-16.md")
    assert m.kind is DocumentKind.MINUTES
    assert m.meeting.date == dt.date(2020, 4, 16)
    assert [a.name for a in m.attendees][:2] == ["Cary Phillips", "Peter Hillman"]


def test_a_report_title_inside_a_wrapped_sentence_is_no_report() -> None:
    """hackspace-jena-2011-10-17.txt: a statute amendment wraps so that a line starts
    'Rechenschaftsbericht des Vorstands …'; a report's title is a block's first line. The
    German record is titled 'PROTOKOLL', which is no minute-taker's label on its own."""
    m = parse(REAL_DEV / "hackspace-jena-2011-10-17.txt")
    assert m.kind is DocumentKind.MINUTES
    assert m.meeting.date == dt.date(2011, 10, 17)  # "Wann? - 17. Oktober 2011"
    assert [i.title for i in m.agenda_items][:2] == ["Satzung", "Geschäftsordnung"]
    report = "Jahresbericht 2011\n\nDer Verein hat im Jahr viel erreicht.\n"
    assert judge(load_text(report)).kind is DocumentKind.NOT_MINUTES


def test_vote_outcomes_make_a_record_under_an_agenda_heading() -> None:
    """hsbne-2014-12-16.md and hsbne-2017-06-06.md: the body opens with '## Agenda', but the
    votes were taken ('For 18 / Against 1 / abstain 0', '1 member opposed, 1 member
    abstained, **motion passed**') and 'Victor closes meeting'. The front matter lists the
    members present, in 2014 with its items in the key's column ('members:' / '- Mike Ando')."""
    for name in ("hsbne-2014-12-16.md", "hsbne-2017-06-06.md"):
        m = parse(REAL_DEV / name)
        assert m.kind is DocumentKind.MINUTES, name
        assert m.kind_judgement is not None and "vote_outcome" in m.kind_judgement.evidence
        names = [a.name for a in m.attendees]  # the front matter's 'members:' list
        assert len(names) >= 19 and names[-1] in ("Sven Hanzka", "Luke Hovington"), name
    agenda = judge(load_text("Agenda\n\n1. Proposed budget for projector\n2. New stickers\n"))
    assert agenda.kind is DocumentKind.NOT_MINUTES
