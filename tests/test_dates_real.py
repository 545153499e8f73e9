"""Meeting dates read from real minutes; each test names the document (corpus/real, dev
split) it was built from."""

from __future__ import annotations

import datetime as dt

from minutes_parser import parse
from minutes_parser.pipeline import parse_text

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_year_from_a_file_name_that_agrees_on_day_and_month() -> None:
    """era-portal-ops-2024-06-11.pdf: 'Minutes of the meeting held on 11 June at 5.30pm' and
    pypy-sync-2005-09-08.txt: 'pypy-sync developer meeting 8th September'."""
    era = parse(REAL_DEV / "era-portal-ops-2024-06-11.pdf")
    assert era.meeting.date == dt.date(2024, 6, 11)
    assert "date_year_from_file_name" in {d.code for d in era.diagnostics}
    assert parse(REAL_DEV / "pypy-sync-2005-09-08.txt").meeting.date == dt.date(2005, 9, 8)


def test_no_year_and_no_agreeing_file_name_stays_undated(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    text = "Minutes of the meeting held on 11 June\n\nPresent: Ann Lee, Bo Chan\n"
    (folder / "minutes-2024-07-02.txt").write_text(text)
    assert parse(folder / "minutes-2024-07-02.txt").meeting.date is None
    assert parse_text(text).meeting.date is None


def test_us_state_settles_an_ambiguous_numeric_date() -> None:
    """appna-ok-ec-2018-01-09.docx: 'APPNA (Oklahoma Chapter) Executive Committee Conference
    Call Minutes (01/09/2018)' is 9 January."""
    m = parse(REAL_DEV / "appna-ok-ec-2018-01-09.docx")
    assert m.meeting.date == dt.date(2018, 1, 9)


def test_a_date_written_with_chinese_unit_words() -> None:
    # corpus/real/dev/docs/asroc-council-2016-07-26.pdf: "一、時 間：2016 年 7 月 26 日 (星期六)".
    from minutes_parser.extract.dates import find_dates

    (found,) = find_dates("一、時 間：2016 年 7 月 26 日 (星期六) 14：00")
    assert (found.date, found.text) == (dt.date(2016, 7, 26), "2016 年 7 月 26 日")
    assert [m.date for m in find_dates("會議日期 2023年5月13日")] == [dt.date(2023, 5, 13)]


def test_misspelt_months_and_ocr_ordinals_between_a_day_and_a_year() -> None:
    # Issue #15: "SEPTMBER" in a US record's title, "Febuary", an OCR'd raised "th" read as
    # two quote marks ("18"" March"). A word that is no month ("Member 12, 2019") stays out.
    from minutes_parser.extract.dates import find_dates

    assert [m.date for m in find_dates("MONDAY, SEPTMBER 16, 2019")] == [dt.date(2019, 9, 16)]
    assert [m.date for m in find_dates("Tuesday 3rd Febuary 2015")] == [dt.date(2015, 2, 3)]
    assert [m.date for m in find_dates('held on 18"" March 2015')] == [dt.date(2015, 3, 18)]
    assert list(find_dates("the Member 12, 2019 report")) == []


def test_a_clerks_received_stamp_is_not_the_meeting_date() -> None:
    # corpus/real/dev/docs/westhampton-boh-2026-01-12.pdf opens "RECEIVED" / "Westhampton
    # Board of Health JUL 15 2026" (the town clerk's stamp) / "January 12, 2026".
    from minutes_parser import parse_text

    stamped = parse_text(
        "RECEIVED\nWesthampton Board of Health JUL 15 2026\nJanuary 12, 2026\n"
        "Present: Katch Bacheller, Chair\n"
        "Agenda item 1: Minutes from November 2025 KB: motion to approve RA: seconded\n"
    )
    assert stamped.meeting.date == dt.date(2026, 1, 12)
    # a stamp is still the only date a header may have
    only = parse_text(
        "Board of Health JUL 15 2026\nPresent: Katch Bacheller, Chair\nMotion seconded.\n"
    )
    assert only.meeting.date == dt.date(2026, 7, 15)


def test_a_month_first_date_with_a_day_past_the_nineteenth() -> None:
    # corpus/real/dev/docs/nmnwse-board-2015-06-13.docx: an action log's "02.20.15" (month
    # first, day 20) was not read as a date at all, whatever the order.
    from minutes_parser.extract.dates import find_dates

    assert [m.date for m in find_dates("02.20.15", "mdy")] == [dt.date(2015, 2, 20)]
    assert [m.date for m in find_dates("02/20/2015", "dmy")] == [dt.date(2015, 2, 20)]
    assert [m.date for m in find_dates("20/02/2015", "dmy")] == [dt.date(2015, 2, 20)]


def test_a_line_that_is_only_a_date_under_a_letterhead_roster() -> None:
    # corpus/real/dev/docs/nmnwse-board-2015-03-28.docx: "OFFICERS: Phyllis Baca,
    # President, …" (a roster read as an attendance list, which ends the header), then
    # "Saturday, March 28, 2015" on a line of its own.
    m = parse(CORPUS / "real" / "dev" / "docs" / "nmnwse-board-2015-03-28.docx")
    assert m.meeting.date == dt.date(2015, 3, 28)


def test_month_names_of_the_other_languages_read() -> None:
    """hackspace-jena-2011-10-17.txt ('17. Oktober 2011'); dcf-informe-2023-02.md writes
    Spanish dates ('5 de Marzo de 2023'); French '1er mars 2024'."""
    from minutes_parser.extract.dates import find_dates

    found = {
        t: [d.date for d in find_dates(t)]
        for t in (
            "Wann?\n- 17. Oktober 2011",
            "5 de Marzo de 2023",
            "le 1er mars 2024",
            "Montag, 3. Mai 2021",
            "12 december 2019",
        )
    }
    assert found == {
        "Wann?\n- 17. Oktober 2011": [dt.date(2011, 10, 17)],
        "5 de Marzo de 2023": [dt.date(2023, 3, 5)],
        "le 1er mars 2024": [dt.date(2024, 3, 1)],
        "Montag, 3. Mai 2021": [dt.date(2021, 5, 3)],
        "12 december 2019": [dt.date(2019, 12, 12)],
    }
    m = parse(REAL_DEV / "hackspace-jena-2011-10-17.txt")
    assert m.meeting.date == dt.date(2011, 10, 17)
