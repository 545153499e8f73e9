"""Attendance forms read from real minutes; each test names the document (corpus/real, dev
split) it was built from."""

from __future__ import annotations

from minutes_parser import parse

from .conftest import CORPUS

REAL_DEV = CORPUS / "real" / "dev" / "docs"


def test_semicolon_list_wrapped_over_lines() -> None:
    """wigan-ehn-2009-01-12.htm: 'Present - John O'Neill (Chair) Greenheart Partnership
    Board; …; Neil Forshaw - George' / 'Formby Society; Tom Glover - Wigan Archaeology
    Society; … Leigh & District Family History Society; …' and 'Apologies - …; David
    Shalltall.' — semicolons part the entries, commas and '&' stay inside them."""
    m = parse(REAL_DEV / "wigan-ehn-2009-01-12.htm")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Neil Forshaw"] == "present"
    assert status["Tom Glover"] == "present"
    assert status["Jason Kennedy"] == "present"
    assert status["David Shalltall"] == "apologies"
    assert not any("Society," in (a.organisation or "") for a in m.attendees)


def test_numbered_item_run_on_into_its_list() -> None:
    """suffolk-libraries-agm-2014-09-11.pdf: a table row '2. | Apologies for Absence
    Charlotte Clark – Southwold, Sarah Hunt – Hadleigh, …, Sue Charteris, …' and an
    'Attendees | Directors, Members and Staff of Suffolk Libraries' row naming nobody."""
    m = parse(REAL_DEV / "suffolk-libraries-agm-2014-09-11.pdf")
    status = {a.name: a.status.value for a in m.attendees}
    for name in ("Charlotte Clark", "Sarah Hunt", "Sue Charteris", "Tony Kerley"):
        assert status[name] == "apologies", name
    assert "Directors" not in status
    assert all(a.organisation is None or "," not in a.organisation for a in m.attendees)


def test_unheaded_list_above_the_apologies_is_the_present_list() -> None:
    """srcf-agm-2015-03-05.md: 'The AGM was held on …' / '- Tejas Guruswamy (Chair,
    Sysadmin, tg307)' … / 'Apologies for Absence' / '- Daniel Thomas (Sysadmin, drt24)'."""
    m = parse(REAL_DEV / "srcf-agm-2015-03-05.md")
    status = {a.name: a.status.value for a in m.attendees}
    assert status["Tejas Guruswamy"] == "present"
    assert status["Dexter Chua"] == "present"
    assert status["Daniel Thomas"] == "apologies"


def test_attendants_heading() -> None:
    """pypy-sync-2006-04-20.txt: 'attendants: michael, anto, carl, samuele, …'."""
    m = parse(REAL_DEV / "pypy-sync-2006-04-20.txt")
    assert [a.name for a in m.attendees][:3] == ["michael", "anto", "carl"]
