"""Markdown, Org and reStructuredText read as structure, and sniffed from their content."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import lxml.html
import pytest

from minutes_parser import load, parse
from minutes_parser.document import BlockKind, DocumentFormat
from minutes_parser.models import DocumentKind
from minutes_parser.sniff import sniff_format

from .conftest import CORPUS, shared_dir

REAL_DEV = CORPUS / "real" / "dev" / "docs"

MARKDOWN = """---
title: "Garden Club"
date: 2024-03-12
categories:
  - clubs
---

# Garden Club meeting

## Attendance

**Present**: Ann Lee, Bob Stone
Apologies: Carl Moss

| Owner | Action | Status |
|-------|--------|--------|
| Ann Lee | Book the [hall](https://example.org/hall) | Open |

- [x] Order seeds
- [ ] Fix the gate
  - ask the council

```
| Name | Org |
```
"""


def test_markdown_blocks_carry_structure_and_spans_slice_the_text() -> None:
    doc = load(MARKDOWN.encode())
    assert doc.format is DocumentFormat.MARKDOWN
    assert doc.metadata == {"title": "Garden Club", "date": "2024-03-12"}
    kinds = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert (BlockKind.HEADING, 1, "Garden Club meeting") in kinds
    assert (BlockKind.HEADING, 2, "Attendance") in kinds
    # Entry-per-line paragraphs keep their lines; emphasis markup is gone.
    assert any(t == "Present: Ann Lee, Bob Stone\nApologies: Carl Moss" for _, _, t in kinds)
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [c.text for c in rows[1].cells or []] == ["Ann Lee", "Book the hall", "Open"]
    assert rows[1].links == ["https://example.org/hall"]
    tasks = [(b.text, b.checked, b.level) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert tasks == [
        ("Order seeds", True, 1),
        ("Fix the gate", False, 1),
        ("ask the council", None, 2),
    ]
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text


def test_wrapped_markdown_prose_is_one_line() -> None:
    doc = load(b"# Notes\n\nThe committee discussed the budget and the\nschedule for the spring.\n")
    assert (
        doc.blocks[1].text == "The committee discussed the budget and the schedule for the spring."
    )


def test_org_outline_lists_and_todo_keywords() -> None:
    """From gtalug-board-2015-01-26.org (../shared/realworld): Jekyll front matter, headline
    levels, 'TODO Name :: task' items with a nested status line."""
    text = (
        '---\nlayout: post\ntitle: "Notes"\n---\n\n* 26th January, 2015\n\n** Attendees\n\n'
        "*** Present\n\n- Christopher Browne\n- Scott Sullivan\n\n"
        "*** Action Items From Last Month\n"
        "  - TODO Mike :: Sent Myles the floor plan image\n     - To be published somewhere\n"
        "| a | b |\n|---+---|\n| c | d |\n:PROPERTIES:\n:ID: x\n:END:\n"
    )
    doc = load(text.encode(), format="org")
    got = [(b.kind, b.level, b.text, b.keyword) for b in doc.blocks]
    assert doc.metadata["title"] == "Notes"
    assert (BlockKind.HEADING, 3, "Present", None) in got
    assert (BlockKind.LIST_ITEM, 1, "Christopher Browne", None) in got
    assert (BlockKind.LIST_ITEM, 1, "TODO Mike :: Sent Myles the floor plan image", "TODO") in got
    assert (BlockKind.LIST_ITEM, 2, "To be published somewhere", None) in got
    assert [b.text for b in doc.blocks if b.kind is BlockKind.TABLE_ROW] == ["a\tb", "c\td"]
    assert not any("PROPERTIES" in b.text for b in doc.blocks)


def test_rst_sections_lists_tables_and_no_file_inclusion(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    text = (
        "Meeting of the Board\n====================\n\nPresent\n-------\n\n* Alice Smith\n"
        f"* Bob Jones\n\n.. include:: {secret}\n\n=====  =====\nWho    What\n=====  =====\n"
        "Alice  Fix it\n=====  =====\n"
    )
    doc = load(text.encode(), format="rst")
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got[0] == (BlockKind.HEADING, "Meeting of the Board")  # not docutils' "<string>" title
    assert (BlockKind.HEADING, "Present") in got
    assert (BlockKind.LIST_ITEM, "Alice Smith") in got
    assert (BlockKind.TABLE_ROW, "Alice\tFix it") in got
    assert "TOP SECRET" not in doc.text


ASCIIDOC = """= Board Meeting Minutes
Jane Doe <jane@example.org>
v1.0, 2016-02-17: draft
:date: 17 February 2016
:company: ACME

== Attendance

.Present
* Ann Lee (Chair)
* *Bob Stone*, secretary
** on the phone

Apologies:: Carl Moss, Dana Ray

[cols="1,2,1"]
|===
|Owner |Action |Due

|Ann Lee
|Book the https://example.org/hall[hall] for {company}
|2016-03-01
|Bob | Send minutes | next week
2+|Both to meet |soon
|===

== Decisions

It was *resolved* that the budget
is approved. +
The next meeting is in March.

----
Name  | Org
----

////
hidden remark
////

// a comment
* [x] Order seeds
* [ ] Fix the gate
. first
. second
"""


def test_asciidoc_sections_lists_tables_and_attributes() -> None:
    doc = load(ASCIIDOC.encode())
    assert doc.format is DocumentFormat.ASCIIDOC
    assert doc.metadata["title"] == "Board Meeting Minutes"
    assert doc.metadata["date"] == "17 February 2016"
    assert doc.metadata["revdate"] == "2016-02-17"
    got = [(b.kind, b.level, b.text, b.checked) for b in doc.blocks]
    assert got[:7] == [
        (BlockKind.HEADING, 1, "Board Meeting Minutes", None),
        (BlockKind.HEADING, 2, "Attendance", None),
        (BlockKind.HEADING, None, "Present", None),  # a block title
        (BlockKind.LIST_ITEM, 1, "Ann Lee (Chair)", None),
        (BlockKind.LIST_ITEM, 1, "Bob Stone, secretary", None),
        (BlockKind.LIST_ITEM, 2, "on the phone", None),
        (BlockKind.LIST_ITEM, 1, "Apologies: Carl Moss, Dana Ray", None),
    ]
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[c.text for c in r.cells or []] for r in rows] == [
        ["Owner", "Action", "Due"],
        ["Ann Lee", "Book the hall for ACME", "2016-03-01"],  # {company} from the attribute
        ["Bob", "Send minutes", "next week"],
        ["Both to meet", "soon"],
    ]
    assert [c.col_span for c in rows[3].cells or []] == [2, 1]
    assert rows[1].links == ["https://example.org/hall"]
    paragraphs = [b.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs == [
        "It was resolved that the budget is approved.",
        "The next meeting is in March.",
        "Name | Org",
    ]
    assert "hidden remark" not in doc.text and "a comment" not in doc.text
    assert got[-4:] == [
        (BlockKind.LIST_ITEM, 1, "Order seeds", True),
        (BlockKind.LIST_ITEM, 1, "Fix the gate", False),
        (BlockKind.LIST_ITEM, 1, "1. first", None),
        (BlockKind.LIST_ITEM, 1, "2. second", None),
    ]
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text


def test_asciidoc_jekyll_front_matter_title_and_lists_are_read() -> None:
    """A Jekyll page written in AsciiDoc: the front matter's title is the page's first
    heading, its list fields are labelled lists, its scalars are metadata; a line under a
    list item that does not continue its sentence is a line of its own."""
    text = (
        "---\ntitle: CAT meeting minutes\ndate: 2016-02-17\nparticipants:\n  - Ann Lee\n"
        "  - 'Bob Stone'\ntags: [cat]\n---\n\n== Agenda\n\n* Welcome\nto the new members\n"
        "Decisions:\n* None\n"
    )
    doc = load(text.encode(), format="asciidoc")
    assert doc.metadata["date"] == "2016-02-17"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "CAT meeting minutes"),
        (BlockKind.PARAGRAPH, "participants:"),
        (BlockKind.LIST_ITEM, "Ann Lee"),
        (BlockKind.LIST_ITEM, "Bob Stone"),
        (BlockKind.HEADING, "Agenda"),
        (BlockKind.LIST_ITEM, "Welcome to the new members"),
        (BlockKind.PARAGRAPH, "Decisions:"),
        (BlockKind.LIST_ITEM, "None"),
    ]
    assert parse(text.encode()).kind is DocumentKind.MINUTES


def test_markdown_raw_html_blocks_and_loose_task_items() -> None:
    """Raw HTML between Markdown blocks is read as HTML and spliced in order, its tables
    numbered after the Markdown ones; a task item written loose keeps its box."""
    text = (
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ann</td><td>Chair</td></tr></table>\n\n"
        "<details>\n<summary>Present</summary>\n\n- Bob\n\n</details>\n\n"
        "- [x] Book the hall\n\n- [ ] Order seeds\n"
    )
    doc = load(text.encode(), format="markdown")
    rows = [(b.table, b.text) for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [(1, "a\tb"), (1, "1\t2"), (2, "Name\tRole"), (2, "Ann\tChair")]
    got = [(b.kind, b.text, b.checked) for b in doc.blocks if b.kind is not BlockKind.TABLE_ROW]
    assert got == [
        (BlockKind.PARAGRAPH, "Present", None),
        (BlockKind.LIST_ITEM, "Bob", None),
        (BlockKind.LIST_ITEM, "Book the hall", True),
        (BlockKind.LIST_ITEM, "Order seeds", False),
    ]
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("# Minutes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", None, DocumentFormat.MARKDOWN),
        ("#+TITLE: Board\n* Minutes\n** Present\n- A\n", None, DocumentFormat.ORG),
        ("Title\n=====\n\n.. note:: x\n\n`link <http://a.b>`_\n", None, DocumentFormat.RST),
        ("Minutes\nPresent: A, B\n", None, DocumentFormat.TEXT),
        ("Minutes\nPresent: A, B\n", "notes.md", DocumentFormat.MARKDOWN),
        ("* Present\n- Alice\n", "m.org", DocumentFormat.ORG),
        (
            "= Board minutes\n:date: 2016-02-17\n\n== Present\n\n* Alice\n",
            None,
            DocumentFormat.ASCIIDOC,
        ),
        (
            '[cols="1,2"]\n|===\n|Who |What\n|===\n\nSee https://a.b/c[the notes].\n',
            None,
            DocumentFormat.ASCIIDOC,
        ),
        ("Minutes\nPresent: A, B\n", "m.adoc", DocumentFormat.ASCIIDOC),
    ],
)
def test_markup_sniffed_from_content_with_the_suffix_as_tie_breaker(
    text: str, path: str | None, expected: DocumentFormat
) -> None:
    assert sniff_format(text.encode(), path=path) is expected


def test_real_markdown_minutes_are_minutes_with_attendees() -> None:
    """eth-acd-62.md (../shared/realworld): 'Meeting 62 Notes' with DECISIONS/ACTIONS
    sections and no attendance heading was thrown away as not minutes."""
    realworld = shared_dir("realworld", "docs")
    m = parse(realworld / "eth-acd-62.md")
    assert m.kind is DocumentKind.MINUTES
    assert m.kind_judgement is not None and "record_section" in m.kind_judgement.evidence
    g = parse(realworld / "gtalug-board-2015-01-26.org")
    assert [a.name for a in g.attendees if a.status.value == "absent"] == [
        "Mike Kalles",
        "Ivan Avery Frey",
    ]


def test_meetbot_text_and_html_people_present() -> None:
    """asbroker-2018-07-03.txt and asbroker-2018-06-05.html (openshift/ansible-service-broker,
    corpus/real/dev): MeetBot's 'People present (lines said)' list, the bot left out."""
    text = parse(REAL_DEV / "asbroker-2018-07-03.txt")
    names = [a.name for a in text.attendees]
    assert names[:3] == ["jmrodri", "mhrivnak", "ernelson"]
    assert "brokerbot" not in names
    html = parse(REAL_DEV / "asbroker-2018-06-05.html")
    assert [a.name for a in html.attendees][:3] == ["jmrodri", "maleck13", "shurley"]
    assert "brokerbot" not in [a.name for a in html.attendees]


def test_struck_through_items_are_crossed_off() -> None:
    """perth-artifactory-committee-2010-10-21.md (corpus/real/dev): '- ~~PD will email out
    about keeping 3 months ahead.~~ done' in the Actions list of the next meeting."""
    doc = load(
        b"## Actions\n\n- ~~PD will email out about keeping 3 months.~~ done\n- DC will call\n"
    )
    items = [(b.text, b.checked) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        ("PD will email out about keeping 3 months. done", True),
        ("DC will call", None),
    ]


def test_markup_folder_converts_to_the_archive_and_review_pages(tmp_path: Path) -> None:
    """``convert --db`` on a folder of .md/.org/.rst/.adoc minutes (the meeting of
    test_equivalence.py in each markup), and ``review`` on each: every file is converted, the
    archive holds its meeting, attendees and owned actions, and the review page marks them."""
    from minutes_parser.cli import main

    from .test_equivalence import GARDEN_CLUB, _asciidoc, _markdown, _org, _rst

    src = tmp_path / "in"
    src.mkdir()
    writers = {"md": _markdown, "org": _org, "rst": _rst, "adoc": _asciidoc}
    for suffix, write in writers.items():
        (src / f"garden.{suffix}").write_text(write(GARDEN_CLUB), encoding="utf-8")
    db = tmp_path / "archive.sqlite"
    args = ["convert", str(src), "--out", str(tmp_path / "out"), "--db", str(db), "-j", "1"]
    assert main([*args, "-q"]) == 0
    with sqlite3.connect(db) as conn:
        meetings = conn.execute("select format, kind, date from meetings order by format")
        assert meetings.fetchall() == [
            ("asciidoc", "minutes", "2024-03-12"),
            ("markdown", "minutes", "2024-03-12"),
            ("org", "minutes", "2024-03-12"),
            ("rst", "minutes", "2024-03-12"),
        ]
        people = conn.execute(
            "select m.format, a.name, a.status from attendees a join meetings m "
            "using (meeting_id) where m.format = 'asciidoc' order by a.position"
        )
        assert people.fetchall() == [
            ("asciidoc", "Ann Lee", "present"),
            ("asciidoc", "Bob Stone", "present"),
            ("asciidoc", "Carl Moss", "present"),
            ("asciidoc", "Dana Ray", "apologies"),
        ]
        per_format = conn.execute(
            "select m.format, count(*) from action_owners o join meetings m "
            "using (meeting_id) group by m.format"
        ).fetchall()
        assert dict(per_format) == dict.fromkeys(("asciidoc", "markdown", "org", "rst"), 2)
    for suffix in writers:
        page = tmp_path / f"{suffix}.html"
        assert main(["review", str(src / f"garden.{suffix}"), "-o", str(page)]) == 0
        doc = lxml.html.fromstring(page.read_text(encoding="utf-8")).get_element_by_id("doc")
        marks = {(m.get("data-kind"), m.get("title"), m.text_content()) for m in doc.iter("mark")}
        assert ("attendee", "Dana Ray", "Dana Ray") in marks
        assert ("agenda_item", "2 Spring show", "2. Spring show") in marks
        assert ("action", "order seeds", "Carl Moss to order seeds by 1 April 2024.") in marks


def test_markdown_front_matter_lists_are_read_as_labelled_lists() -> None:
    # Jekyll and Hugo minutes keep who attended in the front matter (issue #14), as the
    # AsciiDoc pages of corpus/real do; the page shows them, so they are content.
    from minutes_parser import parse

    text = (
        "---\ntitle: Board meeting\ndate: 2024-03-05\nattendees:\n  - Ann Lee\n  - Bob Stone\n"
        "apologies:\n  - Cara Diaz\n---\n\n# Board meeting\n\n## Decisions\n"
        "- Agreed to buy a kettle.\n"
    )
    m = parse(text.encode())
    assert m.meeting.title == "Board meeting"
    assert [(a.name, a.status.value) for a in m.attendees] == [
        ("Ann Lee", "present"),
        ("Bob Stone", "present"),
        ("Cara Diaz", "apologies"),
    ]
    assert m.document is not None
    assert m.source_text(m.attendees[0].span) == "Ann Lee"


def test_asciidoc_two_line_titles_and_indented_item_lines() -> None:
    """corpus/real/dev/docs/lumiera-devmeeting-2012-09-12.txt: 'RFCs' over '----' is a section
    title, not a listing block's fence; a list item's indented next line is more of it."""
    from minutes_parser.loaders.asciidoc import load_asciidoc

    doc = load_asciidoc(
        "Meeting\n=======\n\nRFCs\n----\n\n * We add links to the RFCs\n"
        "   Documentation describing details\n\nCode\n--------\nprint()\n--------\n"
    )
    kinds = [(b.kind.value, b.level, b.text) for b in doc.blocks]
    assert kinds[:3] == [
        ("heading", 1, "Meeting"),
        ("heading", 2, "RFCs"),
        ("list_item", 1, "We add links to the RFCs Documentation describing details"),
    ]
    assert ("heading", 2, "Code") not in kinds  # a fence longer than "Code" opens a listing
