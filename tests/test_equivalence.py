"""The same minutes as text, Markdown, Org, reST, AsciiDoc, HTML, Word and PDF give the same
Meeting, apart from spans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from minutes_parser import Meeting, load, parse
from minutes_parser.document import DocumentFormat
from minutes_parser.models import AttendanceStatus

from .conftest import FIXTURES, seed


def _facts(m: Meeting) -> dict[str, Any]:
    """Everything a reader of the minutes would check, without offsets and provenance."""

    def items(nodes: list[Any]) -> list[Any]:
        return [(i.number, i.title, i.presenter, items(i.children)) for i in nodes]

    return {
        "kind": m.kind,
        "meeting": m.meeting.model_dump(exclude={"spans", "title"}),
        "attendees": [
            (a.name, a.status, a.role, a.organisation, a.represents, a.is_chair)
            for a in m.attendees
        ],
        "agenda": items(m.agenda_items),
        "resolutions": [(r.number, r.text, r.agenda_item) for r in m.resolutions],
        "actions": [(a.ref, a.owners, a.description, a.agenda_item) for a in m.actions],
        "updates": [(u.ref, u.owners, u.new_owners, u.status) for u in m.action_updates],
    }


@pytest.mark.parametrize("fixture", ["lscb_template.docx", "lscb_template.pdf"])
def test_word_and_pdf_renderings_give_the_text_meeting(fixture: str) -> None:
    text = _facts(parse(seed("002")))
    other = _facts(parse(FIXTURES / fixture))
    for key in text:
        assert other[key] == text[key], key


# --------------------------------------------------------------------------------------------
# One meeting written in every input format (issue #14 item 5)
# --------------------------------------------------------------------------------------------

#: A fictional committee's minutes as (kind, text): "h1"/"h2" headings, "li" list items,
#: "p" paragraphs, ``<em>`` marking emphasis. Each format below writes it its own way.
GARDEN_CLUB: list[tuple[str, str]] = [
    ("h1", "Riverside Garden Club committee meeting"),
    ("p", "Minutes of the committee meeting held on 12 March 2024 at the Village Hall."),
    ("h2", "Present"),
    ("li", "Ann Lee (Chair)"),
    ("li", "Bob Stone"),
    ("li", "Carl Moss"),
    ("h2", "Apologies"),
    ("li", "Dana Ray"),
    ("h2", "1. Minutes of the last meeting"),
    ("p", "Resolved: The minutes of the meeting held on 13 February 2024 were <em>approved</em>."),
    ("h2", "2. Spring show"),
    ("p", "The committee discussed the spring show."),
    ("p", "Action: Bob Stone to book the hall for the spring show."),
    ("h2", "3. Any other business"),
    ("p", "Action: Carl Moss to order seeds by 1 April 2024."),
]


def _emphasis(text: str, mark: str) -> str:
    return text.replace("<em>", mark).replace("</em>", mark)


def _markdown(blocks: list[tuple[str, str]]) -> str:
    marks = {"h1": "# ", "h2": "## ", "li": "- ", "p": ""}
    return "\n\n".join(marks[k] + _emphasis(t, "*") for k, t in blocks) + "\n"


def _org(blocks: list[tuple[str, str]]) -> str:
    marks = {"h1": "* ", "h2": "** ", "li": "- ", "p": ""}
    body = "\n\n".join(marks[k] + _emphasis(t, "/") for k, t in blocks)
    return f"#+TITLE: Minutes\n\n{body}\n"


def _rst(blocks: list[tuple[str, str]]) -> str:
    def one(kind: str, text: str) -> str:
        if kind in ("h1", "h2"):
            return f"{text}\n{('=' if kind == 'h1' else '-') * len(text)}"
        return f"* {text}" if kind == "li" else _emphasis(text, "*")

    return "\n\n".join(one(k, t) for k, t in blocks) + "\n"


def _asciidoc(blocks: list[tuple[str, str]]) -> str:
    marks = {"h1": "= ", "h2": "== ", "li": "* ", "p": ""}
    return "\n\n".join(marks[k] + _emphasis(t, "_") for k, t in blocks) + "\n"


def _html(blocks: list[tuple[str, str]]) -> str:
    out: list[str] = []
    for kind, text in blocks:
        if kind == "li":
            out.append(f"<ul><li>{text}</li></ul>")
        else:
            out.append(f"<{kind}>{text}</{kind}>")
    body = "\n".join(out).replace("</ul>\n<ul>", "\n")
    return f"<!doctype html><html><head><title>Minutes</title></head><body>{body}</body></html>"


def _docx(blocks: list[tuple[str, str]], path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, text in blocks:
        if kind in ("h1", "h2"):
            document.add_heading(text, level=int(kind[1]))
        else:
            plain = _emphasis(text, "")
            document.add_paragraph(plain, style="List Bullet" if kind == "li" else None)
    document.save(str(path))
    return path


def _pdf(blocks: list[tuple[str, str]], path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    styles = {
        "h1": ParagraphStyle("h1", body, fontName="Helvetica-Bold", fontSize=16, leading=20),
        "h2": ParagraphStyle("h2", body, fontName="Helvetica-Bold", fontSize=13, leading=17),
        "li": ParagraphStyle("li", body, leftIndent=14),
        "p": body,
    }
    story = [
        Paragraph(text.replace("em>", "i>"), styles[kind], bulletText="•" if kind == "li" else None)
        for kind, text in blocks
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


def _source(fmt: str, tmp_path: Path) -> Path:
    writers = {"md": _markdown, "org": _org, "rst": _rst, "adoc": _asciidoc, "html": _html}
    path = tmp_path / f"minutes.{fmt}"
    if fmt == "docx":
        return _docx(GARDEN_CLUB, path)
    if fmt == "pdf":
        return _pdf(GARDEN_CLUB, path)
    path.write_text(writers[fmt](GARDEN_CLUB), encoding="utf-8")
    return path


FORMAT_OF = {
    "md": DocumentFormat.MARKDOWN,
    "org": DocumentFormat.ORG,
    "rst": DocumentFormat.RST,
    "adoc": DocumentFormat.ASCIIDOC,
    "html": DocumentFormat.HTML,
    "docx": DocumentFormat.DOCX,
    "pdf": DocumentFormat.PDF,
}


@pytest.mark.parametrize("fmt", list(FORMAT_OF))
def test_one_meeting_in_every_format_gives_the_same_meeting(fmt: str, tmp_path: Path) -> None:
    """Markdown, Org, reST, AsciiDoc, HTML, DOCX and PDF renderings of one meeting: the same
    date, attendees, agenda, resolution and owned actions, read from each format's structure."""
    path = _source(fmt, tmp_path)
    assert load(path).format is FORMAT_OF[fmt]  # sniffed from the content
    m = parse(path)
    assert m.meeting.date == dt.date(2024, 3, 12)
    assert [(a.name, a.status, a.role) for a in m.attendees] == [
        ("Ann Lee", AttendanceStatus.PRESENT, "Chair"),
        ("Bob Stone", AttendanceStatus.PRESENT, None),
        ("Carl Moss", AttendanceStatus.PRESENT, None),
        ("Dana Ray", AttendanceStatus.APOLOGIES, None),
    ]
    assert [(i.number, i.title) for i in m.agenda_items] == [
        ("1", "Minutes of the last meeting"),
        ("2", "Spring show"),
        ("3", "Any other business"),
    ]
    assert [(r.text, r.agenda_item) for r in m.resolutions] == [
        ("The minutes of the meeting held on 13 February 2024 were approved.", "1")
    ]
    assert [(a.owners, a.description, a.agenda_item) for a in m.actions] == [
        (["Bob Stone"], "book the hall for the spring show", "2"),
        (["Carl Moss"], "order seeds", "3"),
    ]
    assert m.actions[1].due_date == "2024-04-01"
    # and nothing else differs from the Markdown reading
    assert _facts(m) == _facts(parse(_source("md", tmp_path)))
