"""Public API: exported names, source types, format sniffing and typed errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import minutes_parser
from minutes_parser import (
    CorruptDocumentError,
    EmptyDocumentError,
    MinutesParserError,
    UnsupportedFormatError,
    parse,
    parse_meetings,
    parse_text,
)

from .conftest import CORPUS, seed


def test_exported_members() -> None:
    exported = set(minutes_parser.__all__)
    assert {
        "parse",
        "parse_meetings",
        "parse_text",
        "load",
        "Meeting",
        "Document",
        "MinutesParserError",
        "ParseOptions",
        "convert_archive",
    } <= exported
    for name in exported:
        assert hasattr(minutes_parser, name), name
    public = {n for n in dir(minutes_parser) if not n.startswith("_")} - {"annotations"}
    modules = {
        "cli",
        "document",
        "errors",
        "evaluate",
        "extract",
        "formats",
        "loaders",
        "models",
        "options",
        "pipeline",
        "rules",
        "sniff",
        "display",
        "export",
        "reconcile",
        "review",
        "bulk",
        "names",
        "manifest",
        "learn",
        "train",
    }
    assert public - modules == exported - {"__version__"}


def test_path_bytes_and_file_object_give_the_same_meeting() -> None:
    path = seed("002")
    a = parse(path)
    b = parse(path.read_bytes())
    with path.open("rb") as fh:
        c = parse(fh)
    assert a.meeting.date is not None and a.meeting.date.isoformat() == "2014-12-04"
    assert (
        [x.name for x in a.attendees]
        == [x.name for x in b.attendees]
        == [x.name for x in c.attendees]
    )
    assert a.source.sha256 == b.source.sha256 == c.source.sha256
    assert a.source.path == str(path) and b.source.path is None


def test_format_is_sniffed_not_taken_from_the_name(tmp_path: Path) -> None:
    html = tmp_path / "minutes.txt"
    html.write_text("<html><body><h1>Parish Council</h1><p>Present: Cllr A Smith</p></body></html>")
    assert minutes_parser.load(html).format.value == "html"
    pdf_named_txt = tmp_path / "x.txt"
    pdf_named_txt.write_bytes((CORPUS.parent / "fixtures" / "two_column.pdf").read_bytes())
    assert minutes_parser.load(pdf_named_txt).format.value == "pdf"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyDocumentError),
        (b"   \n\t\n", EmptyDocumentError),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, UnsupportedFormatError),
        (bytes(range(256)) * 4, UnsupportedFormatError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, UnsupportedFormatError),
        (b"PK\x03\x04garbage", CorruptDocumentError),
    ],
)
def test_bad_input_raises_typed_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        parse(data)
    assert isinstance(info.value, MinutesParserError)
    assert str(info.value)  # a message that says what to do


def test_zip_that_is_not_a_word_file() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(UnsupportedFormatError, match="not a Word document"):
        parse(buf.getvalue())


def test_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    with pytest.raises(EmptyDocumentError) as info:
        parse(bad)
    assert info.value.path == str(bad)
    assert str(bad) in str(info.value)


def test_multi_meeting_document() -> None:
    path = CORPUS / "team-log-2024.txt"
    meetings = parse_meetings(path)
    assert [m.meeting.date.isoformat() for m in meetings if m.meeting.date] == [
        "2024-02-15",
        "2024-02-29",
        "2024-03-14",
        "2024-03-28",
    ]
    assert [m.source.meeting_index for m in meetings] == [0, 1, 2, 3]
    first = parse(path)
    assert any(
        d.code == "several_meetings" and "4 meetings" in d.message for d in first.diagnostics
    )


def test_parse_text_and_source_text() -> None:
    m = parse_text(
        "MINUTES of the Parish Council meeting held on 3 March 2024\n\n"
        "Present: Cllr A Baker (Chair), Cllr C Davies\n\n"
        "1. Apologies\nNone.\n\n2. Budget\nRESOLVED that the budget be approved.\n"
    )
    assert m.meeting.date is not None and m.meeting.date.isoformat() == "2024-03-03"
    assert [a.name for a in m.attendees] == ["A Baker", "C Davies"]
    assert m.attendees[0].is_chair
    (res,) = m.resolutions
    assert res.text == "the budget be approved."
    assert res.agenda_item == "2"
    assert m.source_text(res.span) == res.text
    assert m.source_text(m.attendees[1].span) == "Cllr C Davies"
