"""Agenda forms of real US records that number no items the usual way; each test names the
real document (../shared/realworld/docs, or the Alameda bulk archive) it reads."""

from __future__ import annotations

from minutes_parser import ParseOptions, parse, parse_text
from minutes_parser.models import AgendaItem

from .conftest import CORPUS, shared_dir


def _flat(items: list[AgendaItem]) -> list[AgendaItem]:
    return [x for i in items for x in (i, *_flat(i.children))]


REAL_DEV_DOCS = CORPUS / "real" / "dev" / "docs"

NO_OCR = ParseOptions(ocr="never")


def test_section_titles_in_capitals_with_lettered_entries_are_the_items() -> None:
    # alameda-libraryboard-2019-09-11.pdf: "ROLL CALL Present: …", "CONSENT CALENDAR An
    # asterisk indicates …", "*A.\tReport from the Library Director …", "UNFINISHED BUSINESS",
    # "A. Strategic Plan Status Update. (J. McConeghey & J. Chisaki)", … "ADJOURNMENT".
    m = parse(shared_dir("realworld", "docs") / "alameda-libraryboard-2019-09-11.pdf", NO_OCR)
    assert [i.title for i in m.agenda_items] == [
        "ROLL CALL",
        "ORAL COMMUNICATIONS, AGENDA (Public Comment)",
        "CONSENT CALENDAR",
        "UNFINISHED BUSINESS",
        "NEW BUSINESS",
        "LIBRARY BOARD COMMUNICATIONS",
        "DIRECTOR’S COMMENTS",
        "ORAL COMMUNICATIONS, NON-AGENDA GENERAL",
        "ADJOURNMENT",
    ]
    consent, unfinished = m.agenda_items[2], m.agenda_items[3]
    assert len(consent.children) == 5
    assert consent.children[0].title.startswith("Report from the Library Director")
    assert [c.title for c in unfinished.children] == [
        "Strategic Plan Status Update. (J. McConeghey & J. Chisaki)",
        "Elimination of Library Overdue Fines. (J. Chisaki)",
    ]
    # the title block in capitals above the record is not an item
    assert all("MINUTES" not in i.title for i in m.agenda_items)


def test_capitals_that_mark_outcomes_or_acronyms_are_not_items() -> None:
    text = (
        "LICENSING BOARD\nMINUTES OF THE MEETING\n"
        "The Board met at 10 a.m. with all members present in the hearing room.\n"
        "Fair Nutrition has applied for a license to serve food.\nGRANTED\n"
        "Fire & Ice has applied for a change of manager.\nGRANTED\n"
        "The HTTP and TLS working groups were thanked.\nGRANTED\n"
    )
    assert parse_text(text).agenda_items == []


def test_a_councils_file_numbers_are_the_items() -> None:
    # alameda-citycouncil-2019-09-03.pdf: "(19-452) Conference with Legal Counsel – …",
    # "AGENDA CHANGES (19-460) Vice Mayor Knox White inquired …", "(*19-466) Minutes of …",
    # "(19-478 A) Resolution No. 15579, …".
    m = parse(shared_dir("realworld", "docs") / "alameda-citycouncil-2019-09-03.pdf", NO_OCR)
    numbers = [i.number for i in m.agenda_items]
    assert numbers[:4] == ["19-452", "19-453", "19-454", "19-455"]
    assert {"19-460", "19-466", "19-478 A", "19-478 B"} <= set(numbers)
    by_number = {i.number: i.title for i in m.agenda_items}
    assert by_number["19-460"].startswith("Vice Mayor Knox White inquired whether Council")
    assert by_number["19-466"] == (
        "Minutes of the Special and Regular City Council Meetings Held on July 2, 2019"
    )
    # "[paragraph no. 19-471]" cites an item inside a sentence: not an item of its own
    assert numbers.count("19-471") == 1


def test_numbered_titles_set_in_bold_before_their_text() -> None:
    # corpus/real/dev/docs/cogges-apcm-2018-02-20.pdf: "1. **Minutes** Minutes of the 2017
    # APCM had been posted beforehand …", "2. **Presentation of the Electoral Roll** A report
    # on the revision …": the number in the body font, the title in bold, the text run on.
    from .conftest import CORPUS

    m = parse(CORPUS / "real" / "dev" / "docs" / "cogges-apcm-2018-02-20.pdf", NO_OCR)
    assert [(i.number, i.title) for i in m.agenda_items][:5] == [
        ("1", "Minutes"),
        ("2", "Presentation of the Electoral Roll"),
        ("3", "Annual report and financial statements"),
        ("4", "Reports"),
        ("5", "Resolutions"),
    ]
    assert [i.number for i in m.agenda_items][5:] == ["6", "7", "8", "9"]


def test_a_bots_subjects_in_a_chat_log_pasted_in_a_fence() -> None:
    """sunpy-org-meeting-2014-03-05.md: a fenced IRC log, '[17:04:23] Current subject: Agree
    on the agenda, (set by DavidPS)', '[17:17:52] Current subject: The Scope of SunPy
    library, (set by DavidPS)' — one block a line, the subjects the items."""
    m = parse(REAL_DEV_DOCS / "sunpy-org-meeting-2014-03-05.md")
    titles = [i.title for i in m.agenda_items]
    assert titles[:3] == [
        "Agree on the agenda",
        "The Scope of SunPy library",
        "Structure of the project",
    ]
    assert m.source_text(m.agenda_items[0].span).startswith("[17:04:23] Current subject:")


def test_lettered_sub_items_as_written_a_misprinted_number_and_an_order_changed() -> None:
    """hertingfordbury-pc-2019-02-13.pdf: '88. PLANNING' is followed by '99. FINANCE',
    '100. STANDING ITEMS' (a misprint the rest of the record follows); '(a) Current
    Applications' opens a list item that goes on with the item's record; under 100 '(b) Greens'
    is taken before '(a) Works Programme'."""
    m = parse(CORPUS / "real" / "dev" / "docs" / "hertingfordbury-pc-2019-02-13.pdf")
    numbers = {i.number: i.title for i in _flat(m.agenda_items)}
    assert numbers["88(a)"] == "Current Applications"
    assert numbers["99"] == "FINANCE"
    assert numbers["99(b)"] == "Payment of Accounts Due"
    assert numbers["100(b)"] == "Greens" and numbers["100(a)"] == "Works Programme"
    assert numbers["102"] == "ITEMS FOR FUTURE AGENDA"
