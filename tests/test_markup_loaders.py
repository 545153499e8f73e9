"""Markdown, Org and reStructuredText read as structure, and sniffed from their content."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("# Minutes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", None, DocumentFormat.MARKDOWN),
        ("#+TITLE: Board\n* Minutes\n** Present\n- A\n", None, DocumentFormat.ORG),
        ("Title\n=====\n\n.. note:: x\n\n`link <http://a.b>`_\n", None, DocumentFormat.RST),
        ("Minutes\nPresent: A, B\n", None, DocumentFormat.TEXT),
        ("Minutes\nPresent: A, B\n", "notes.md", DocumentFormat.MARKDOWN),
        ("* Present\n- Alice\n", "m.org", DocumentFormat.ORG),
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
