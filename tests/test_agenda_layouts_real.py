"""Agenda items of real records that mark their titles only by place or by a zero: each test
names the document of the real corpus's dev split (corpus/real/dev/docs) it reads."""

from __future__ import annotations

from pathlib import Path

from minutes_parser import ParseOptions, parse, parse_text

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"
NO_OCR = ParseOptions(ocr="never")


def test_titles_run_in_before_their_record_are_the_items() -> None:
    # williamsburg-ma-2014-11-13.docx: "Musical-Mr Manning reported …", "Fundraising: WHS
    # Basketball concessions …", "Website-Will absent tonight", under "Old Business:" and
    # "New Business:" set as paragraphs of their own.
    m = parse(REAL_DEV / "williamsburg-ma-2014-11-13.docx")
    titles = [i.title for i in m.agenda_items]
    assert titles[:5] == [
        "Old Business",
        "Marching Band Photo Button Fundraiser",
        "Musical",
        "Fundraising",
        "All State Update",
    ]
    assert {"Website", "New Business", "Dinner Show", "Show Choir"} <= set(titles)
    # a speaker named in the attendance lines and the closing lines are not items
    assert not {t for t in titles if "Kalina" in t or "adjourned" in t}
    musical = m.agenda_items[titles.index("Musical")]
    assert m.source_text(musical.span).startswith("Musical-Mr Manning")


def test_titles_on_lines_of_their_own_before_prose_are_the_items() -> None:
    # era-agm-2024-04-11.pdf: "Welcome by the Chair" / "The Chair of the Association, Iain
    # McMath, welcomed …", "Treasurer’s Report" / "Graham Horton (Treasurer) introduced …".
    m = parse(REAL_DEV / "era-agm-2024-04-11.pdf", NO_OCR)
    titles = [i.title for i in m.agenda_items]
    assert titles[:4] == [
        "Welcome by the Chair",
        "Apologies and approval of Minutes",
        "Chair’s Report",
        "Treasurer’s Report",
    ]
    assert "Iain McMath" not in " ".join(titles)


RUN_IN_RECORD = (
    "<h1>Board of Trustees</h1><p>Present: Ann Lee, Bo Chan, Cy Dunn</p>"
    "<p>The meeting was called to order at 7 p.m. by the chair of the board.</p>"
    "<p>Ann Lee: she thanked the volunteers for the spring fair.</p>"
    "<p>Motion: to adopt the budget as presented to the board.</p>"
    "<p>Vice Chair: reported on the building works at the hall.</p>"
    "<p>Building Works: the roof was repaired in March by the contractor.</p>"
    "<p>Spring Fair: the fair raised four hundred pounds for the library.</p>"
    "<p>Library Garden: the beds were planted by the volunteers in April.</p>"
    "<p>Time: the meeting closed at nine in the evening.</p>"
)


def test_speakers_fields_and_plain_text_are_not_run_in_titles(tmp_path: Path) -> None:
    # The forms of the Williamsburg and Lincoln Township records, with the labels a run-in
    # title must not be read from: a speaker in the attendance list, a record's field, a role.
    page = tmp_path / "board.html"
    page.write_text(RUN_IN_RECORD, encoding="utf-8")
    assert [i.title for i in parse(page).agenda_items] == [
        "Building Works",
        "Spring Fair",
        "Library Garden",
    ]
    # the same lines as plain text: a line of text is not the author's paragraph
    text = "\n\n".join(
        RUN_IN_RECORD.replace("</p>", "").replace("</h1>", "").replace("<h1>", "").split("<p>")
    )
    assert parse_text(text).agenda_items == []


def test_a_zero_numbers_the_item_and_br_broken_lines_are_read_one_by_one() -> None:
    # wigan-ehn-2009-01-12.htm: "6.0 Minutes of the 24th November meeting.<br>6.1 The
    # minutes were approved.<br>7.0 Matters Arising<br>7.1. …" in one paragraph; "5.0
    # Heritage Network DVD and Resource Pack Project." heads its "5.1 …" though it ends in a
    # full stop.
    m = parse(REAL_DEV / "wigan-ehn-2009-01-12.htm")
    by_number = {i.number: i for i in m.agenda_items}
    assert {"4.0", "5.0", "6.0", "7.0"} <= set(by_number)
    assert by_number["7.0"].title == "Matters Arising"
    assert by_number["5.0"].title.startswith("Heritage Network DVD and Resource Pack")
    assert [c.number for c in by_number["6.0"].children] == ["6.1"]
    seven = by_number["7.0"]
    assert m.source_text(seven.span) == "7.0 Matters Arising"


def test_a_governors_item_table_gives_the_items_with_their_minute_numbers() -> None:
    # decoy-bm-committee-2022-01-24.pdf: an "ACTIONS TO BE TAKEN" table headed "ITEM BY WHOM
    # BY WHEN" above its ruling, then the record as a table "Item | Notes | Action" whose
    # rows are "BM 35/2122 | To record those who are present … | …", cut by the page's
    # ruling into parts; the agenda also run together in one paragraph above.
    m = parse(REAL_DEV / "decoy-bm-committee-2022-01-24.pdf", NO_OCR)
    numbers = [i.number for i in m.agenda_items]
    assert numbers[:3] == ["BM 35/2122", "BM 36/2122", "BM 37/2122"]
    assert "BM 51/2122" in numbers
    # the action table's refs ("38/2122 | Signed minutes to Headteacher …") are not items
    assert "38/2122" not in numbers
    by_ref = {a.ref: a for a in m.actions}
    assert by_ref["38/2122"].description == "Signed minutes to Headteacher for file and to website"
    assert by_ref["38/2122"].owners == ["Clerk"]
    assert by_ref["41b/2122"].due_date == "2022-03-01"
    # the item table's "Notes" and "Action" titles are not a task and its owner
    assert not [a for a in m.actions if a.owners == ["Notes"]]


def test_items_run_together_in_exported_paragraphs() -> None:
    # ../shared/realworld/docs/west-dereham-pc-2020-03-05.md: a record exported as a few long
    # paragraphs, "… MINUTES FROM THE MEETING 1. Apologies for absence: None received. 2.
    # Declarations of interest on agenda items The Parish Councillors confirmed … 5.1
    # Ditches, Church Road - The Parish Clerk reported …", the numbering going on from one
    # paragraph to the next ("5.3 Repairs to Bridge …").
    from .conftest import shared_dir

    m = parse(shared_dir("realworld", "docs") / "west-dereham-pc-2020-03-05.md")
    items = {i.number: i.title for root in m.agenda_items for i in root.walk()}
    assert items["1"] == "Apologies for absence"
    assert items["2"] == "Declarations of interest on agenda items"
    assert items["5.1"] == "Ditches, Church Road"
    assert items["5.3"].startswith("Repairs to Bridge at Watering Cottages")
    assert items["6.1.1"] == "Parish Assets"
    assert "15" in items
    # ppss-committee-2016-03-15.pdf: an action list run into one list item ("1. Daniel -
    # organise posters … 10. Cate - …") after items 1-9 is not items 10-12
    ppss = parse(shared_dir("realworld", "docs") / "ppss-committee-2016-03-15.pdf", NO_OCR)
    assert [i.number for i in ppss.agenda_items][-1] == "9"


def test_a_record_written_as_numbered_paragraphs_without_titles() -> None:
    # appna-ok-ec-2018-01-09.docx: "1- Having received accounts input from Dr. Iftikhar
    # earlier in the week, details were discussed. …", "2- Since bank of America’s monthly
    # fee …", "3- Membership Dues: 54 members …" … "6- Website:" from the top to the end.
    m = parse(REAL_DEV / "appna-ok-ec-2018-01-09.docx")
    items = {i.number: i.title for i in m.agenda_items}
    assert list(items) == ["1", "2", "3", "4", "5", "6"]
    assert items["3"] == "Membership Dues"
    assert items["1"].startswith("Having received accounts input from Dr. Iftikhar")
    assert items["6"] == "Website"


def test_a_heading_outline_with_one_section_at_the_top_is_read_a_level_down() -> None:
    # homebrew-agm-2021-02-26.md: '## Minutes' (a section every record has) and
    # '## Resolutions' at the top; the business is in '### Motions', '### Reports',
    # '### Elections', '### Member presentations' beneath.
    m = parse(REAL_DEV / "homebrew-agm-2021-02-26.md")
    titles = [i.title for i in m.agenda_items]
    assert titles[:4] == ["Motions", "Reports", "Elections", "Member presentations"]
    assert "Homebrew Annual General Meeting 2021" not in titles


def test_titles_run_into_the_rows_of_a_discussion_table() -> None:
    # tayport-cc-2018-09-03.pdf: a table headed 'Agenda Items /Discussion | Action' whose rows
    # open 'Police Matters: Apology given …', 'Foodbanks Report: Currently 9 clients …'; the
    # numbered list under 'Matters arising from the previous minutes :' is inside an item.
    m = parse(REAL_DEV / "tayport-cc-2018-09-03.pdf", NO_OCR)
    titles = [i.title for i in m.agenda_items]
    assert titles[:4] == [
        "Matters arising from the previous minutes",
        "Police Matters",
        "Foodbanks Report",
        "Treasurer’s Report",
    ]
    assert "Planning" in titles
    assert not [t for t in titles if t.startswith(("Beautiful Fife", "The Gala"))]


def test_a_table_of_items_under_the_agenda_heading() -> None:
    # hacman-board-2024-11-19.md: '## Agenda Items' over a Markdown table 'Item | Description'
    # whose rows open 'Board Member Updates', 'Trello Review', … 'Electrical cert'.
    m = parse(REAL_DEV / "hacman-board-2024-11-19.md")
    titles = [i.title for i in m.agenda_items]
    assert titles[:3] == ["Board Member Updates", "Trello Review", "Focus Session"]
    assert titles[-1] == "Electrical cert"
    assert len(titles) == 11


def test_topics_listed_under_a_heading_each_with_its_notes() -> None:
    # lithekod-styrelse-2021-10-13.md: '## Mötets öppnande 12:15' over '- GDPR' / '  - Ej svar
    # ännu.' … '- Höstmöte' / '  - …'; nodejs-tsc-2015-07-08.md's '### Review of the previous
    # meeting' lists earlier business, not topics of this one.
    m = parse(REAL_DEV / "lithekod-styrelse-2021-10-13.md")
    opening = next(i for i in m.agenda_items if i.title.startswith("Mötets öppnande"))
    topics = [c.title for c in opening.children]
    assert topics[:2] == ["Info om Personsuppgiftshantering", "GDPR"]
    assert topics[-1] == "Höstmöte"
    assert all(c.rule == "agenda:topic" for c in opening.children)
