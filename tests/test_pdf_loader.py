"""The PDF loader on rendered fixtures (fixtures/build_pdf.py) and on real PDFs in ../shared."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from minutes_parser.document import Block, BlockKind, Document, FurnitureKind, Severity
from minutes_parser.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
)
from minutes_parser.loaders import Limits, LoadOptions, load

from .conftest import FIXTURES, looping_pdf, seed, shared_dir

ENGINES = ["pdfium", "pdfplumber"]
LSCB_HEADER = "Rotherham Local Safeguarding Children Board – Minutes 04.12.2014"


def load_pdf(name: str, engine: str = "auto") -> Document:
    return load(FIXTURES / name, options=LoadOptions(pdf_engine=engine))  # type: ignore[arg-type]


def texts(doc: Document, *kinds: BlockKind) -> list[str]:
    return [b.text for b in doc.blocks if not kinds or b.kind in kinds]


def rows(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]


def cells(block: Block) -> list[str]:
    return [c.text for c in block.cells or []]


def assert_spans_slice(doc: Document) -> None:
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
        for c in b.cells or []:
            assert doc.text[c.start : c.end] == c.text


@pytest.fixture(scope="module", params=ENGINES)
def lscb(request: pytest.FixtureRequest) -> Document:
    return load_pdf("lscb_template.pdf", request.param)


# --------------------------------------------------------------------------------------------
# The council Word template
# --------------------------------------------------------------------------------------------


def test_header_and_footer_are_furniture_not_text(lscb: Document) -> None:
    # The running header is the title on the first page (it holds the meeting's date), and
    # furniture on every later page.
    assert lscb.text.count(LSCB_HEADER) == 1
    assert lscb.blocks[0].text == LSCB_HEADER
    assert not re.search(r"Page \d+ of \d+", lscb.text)
    headers = [f for f in lscb.furniture if f.kind is FurnitureKind.HEADER]
    numbers = [f for f in lscb.furniture if f.kind is FurnitureKind.PAGE_NUMBER]
    assert [(f.page, f.text) for f in headers] == [
        (n, LSCB_HEADER) for n in range(2, lscb.page_count + 1)
    ]
    assert [f.text for f in numbers] == [
        f"Page {n} of {lscb.page_count}" for n in range(1, lscb.page_count + 1)
    ]


def test_margin_labels_become_block_labels(lscb: Document) -> None:
    labelled = [(b.label, b.text) for b in lscb.blocks if b.label]
    assert labelled[:3] == [
        ("Agenda item", "1. Welcome / apologies and introductions"),
        ("Action", "WC to arrange meetings – action 1"),
        ("Action", "CW – action 5"),
    ]
    assert not re.search(r"(?m)^(Agenda item|Action):", lscb.text)
    assert "Agenda item:" not in lscb.text


def test_headings_carry_style(lscb: Document) -> None:
    heading = next(b for b in lscb.blocks if b.text == "4.1 Performance Sub Group")
    assert heading.kind is BlockKind.HEADING
    assert heading.level == 2
    assert heading.style is not None and heading.style.bold and heading.style.size == 11.5
    body = next(b for b in lscb.blocks if b.text.startswith("Mr Ashley updated the group."))
    assert body.kind is BlockKind.PARAGRAPH
    assert body.style is not None and body.style.size == 10 and not body.style.bold


def test_attendance_table_rows(lscb: Document) -> None:
    table = [b for b in rows(lscb) if b.table == 1]
    assert len(table) == 27
    assert cells(table[0]) == [
        "Steve Ashley – Chair",
        "Independent Chair, Rotherham Local Safeguarding Children Board",
    ]
    # A name cell wrapped over two lines stays one row.
    assert cells(table[11]) == [
        "Sam Newton representing Shona McFarlane - Member",
        "Director of Health and Wellbeing, Neighbourhoods and Adult Services, Rotherham Council",
    ]
    apologies = [cells(b) for b in rows(lscb) if b.table == 2]
    assert apologies[0] == ["Louise Blanc", ""]
    assert apologies[-1] == [
        "Sue Wynne - Member",
        "Rotherham Women's Refuge, Voluntary Sector Consortium",
    ]


def test_action_log_spanning_rows(lscb: Document) -> None:
    last = [b for b in rows(lscb) if b.table == max(r.table or 0 for r in rows(lscb))]
    assert cells(last[0]) == ["No:", "Owner:", "Details:", "Update:"]
    assert cells(last[1]) == ["Actions raised on 04.09.2014"]
    assert [c.col_span for c in last[1].cells or []] == [4]
    assert cells(last[2]) == [
        "4.",
        "Joyce Thacker",
        "Distribute letters from DfE and response",
        "Discharged – 04.12.2014",
    ]


def test_spans_slice_back(lscb: Document) -> None:
    assert_spans_slice(lscb)
    assert all(b.page >= 1 for b in lscb.blocks)
    assert lscb.blocks[-1].page == lscb.page_count


def test_equivalent_to_text_loader(lscb: Document) -> None:
    """The fixture renders the text loader's blocks of seed 002; reading it back gives the
    same body text. Known difference: a cell holding two paragraphs is one line-wrapped
    paragraph in the PDF (a line break inside a cell cannot be told from a wrap), and grid
    rows carry the empty cells the text form leaves out; the PDF opens with its running
    header, kept as the first page's title."""
    source = load(seed("002"))
    body = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM)
    header, *rest = texts(lscb, *body)
    assert header == LSCB_HEADER
    assert rest == texts(source, *body)
    assert [b.label for b in lscb.blocks if b.kind in body][1:] == [
        b.label for b in source.blocks if b.kind in body
    ]

    def norm(block: Block) -> list[str]:
        out = [c.replace("\n", " ") for c in cells(block)]
        while out and not out[-1]:
            out.pop()
        return out

    assert [norm(b) for b in rows(lscb)] == [norm(b) for b in rows(source)]


# --------------------------------------------------------------------------------------------
# Hard-wrapped, justified text with bullets and hyphenation
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_hyphenation_repaired_and_bullets_joined(engine: str) -> None:
    doc = load_pdf("hardwrapped_bullets.pdf", engine)
    source = load(seed("004")).blocks[:28]
    assert texts(doc) == [b.text for b in source]
    assert [b.kind for b in doc.blocks if b.kind is BlockKind.LIST_ITEM] == [
        b.kind for b in source if b.kind is BlockKind.LIST_ITEM
    ]
    # Words the fixture broke at a line end come back whole.
    for word in ("Partnership", "arrangements", "safeguarding"):
        assert word in doc.text
    assert not re.search(r"[a-z]- [a-z]", doc.text)
    item = next(b for b in doc.blocks if b.text.startswith("Meetings with Key Partners"))
    assert item.kind is BlockKind.LIST_ITEM
    assert item.text == (
        "Meetings with Key Partners Chief Officers, chaired by the Chief Executive of "
        "Middlesbrough Council."
    )
    assert_spans_slice(doc)


# --------------------------------------------------------------------------------------------
# Two columns
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_two_columns_read_column_by_column(engine: str) -> None:
    doc = load_pdf("two_column.pdf", engine)
    headings = texts(doc, BlockKind.HEADING)
    assert headings == [
        "Little Hampden Parish News",
        "1. Apologies and attendance",
        "2. Minutes of the last meeting",
        "3. Village hall roof",
        "4. Footpaths and verges",
        "5. Date of next meeting",
    ]
    # The resolution runs from the foot of the left column to the head of the right one.
    assert (
        "Resolved: that the quotation from Hale Roofing be accepted. Councillor Hale declared "
        "an interest and did not vote."
    ) in texts(doc, BlockKind.PARAGRAPH)
    assert not rows(doc)


# --------------------------------------------------------------------------------------------
# A ruled action log over a page break
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_action_log_continues_across_page_break(engine: str) -> None:
    doc = load_pdf("action_log_pagebreak.pdf", engine)
    log = rows(doc)
    assert {b.table for b in log} == {1}
    assert [cells(b)[0] for b in log] == ["No", *[str(n) for n in range(1, 12)]]
    assert cells(log[1]) == [
        "1",
        "Jane Wilde",
        "Write to the county council about the fallen trees on the bridleway near Mill Lane "
        "and ask for a date for their removal.",
        "Letter sent 15 April; reply awaited",
    ]
    split = log[9]
    assert split.page == 1
    assert cells(split)[2].startswith("Draft a grant policy for local groups")
    assert cells(split)[2].endswith(
        "and the arrangements for groups based outside the parish whose members are mostly "
        "residents."
    )
    assert cells(split)[3] == (
        "Draft in preparation; first version circulated to members for comment on 2 May "
        "with replies due by 9 May"
    )
    after = log[10]
    assert after.page == 2 and after.table == 1
    assert cells(after) == [
        "10",
        "Owen Hale",
        "Obtain prices for a defibrillator cabinet for the telephone box.",
        "Open",
    ]
    # The header row repeated on page 2 is furniture, not a second header in the table.
    assert any(
        f.kind is FurnitureKind.OTHER and f.page == 2 and f.text.startswith("No")
        for f in doc.furniture
    )
    assert texts(doc, BlockKind.PARAGRAPH)[-1] == "The log was accepted by the meeting."
    assert_spans_slice(doc)


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def _reportlab_pdf(**canvas_kw: object) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1, **canvas_kw)  # type: ignore[arg-type]
    for n in range(3):
        canvas.drawString(72, 720, f"Minutes page {n + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_encrypted_pdf_raises() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = _reportlab_pdf(encrypt=StandardEncryption("secret", ownerPassword="owner"))
    with pytest.raises(EncryptedDocumentError):
        load(data)


def test_owner_password_only_still_loads() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = _reportlab_pdf(encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    assert texts(load(data)) == ["Minutes page 1", "Minutes page 2", "Minutes page 3"]


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf_raises(cut: float) -> None:
    data = (FIXTURES / "action_log_pagebreak.pdf").read_bytes()
    with pytest.raises(CorruptDocumentError):
        load(data[: int(len(data) * cut)])


def test_garbage_after_header_raises() -> None:
    with pytest.raises(CorruptDocumentError):
        load(b"%PDF-1.7\n" + bytes(range(256)) * 20)


def test_page_limit() -> None:
    data = _reportlab_pdf()
    with pytest.raises(DocumentTooLargeError):
        load(data, options=LoadOptions(limits=Limits(max_pages=2)))


@pytest.mark.parametrize("engine", ENGINES)
def test_looping_page_tree_fails_cleanly(engine: str) -> None:
    with pytest.raises(CorruptDocumentError):
        load(looping_pdf(), options=LoadOptions(pdf_engine=engine))  # type: ignore[arg-type]


def test_page_without_text_layer_is_diagnosed() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.drawString(72, 720, "Minutes of the meeting")
    canvas.showPage()
    canvas.rect(72, 400, 300, 200, fill=1)  # a "scan": marks but no text
    canvas.showPage()
    canvas.save()
    doc = load(buf.getvalue())
    assert texts(doc) == ["Minutes of the meeting"]
    (diag,) = doc.diagnostics
    assert (diag.code, diag.page) == ("no_text_layer", 2)


def test_no_page_with_text_is_an_error() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.rect(72, 400, 300, 200, fill=1)
    canvas.showPage()
    canvas.save()
    doc = load(buf.getvalue())
    assert doc.blocks == []
    assert [(d.code, d.severity, d.page) for d in doc.diagnostics] == [
        ("no_text_layer", Severity.WARNING, 1),
        ("no_text_layer", Severity.ERROR, None),
    ]


def test_unknown_engine_is_a_configuration_error() -> None:
    from minutes_parser.errors import ConfigurationError

    with pytest.raises(ConfigurationError):
        load_pdf("two_column.pdf", "poppler")


# --------------------------------------------------------------------------------------------
# Real PDFs in ../shared/external
# --------------------------------------------------------------------------------------------


def external(name: str) -> Path:
    path = shared_dir("external") / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


@pytest.mark.corpus
@pytest.mark.parametrize("engine", ENGINES)
def test_cid_font_pdf_is_reported_unreadable(engine: str) -> None:
    doc = load(
        external("horsley-parish-council-191-cidfont.pdf"),
        # With OCR off the unreadable text layer is reported, never passed on (test_ocr.py
        # covers reading it by OCR).
        options=LoadOptions(pdf_engine=engine, ocr="never"),  # type: ignore[arg-type]
    )
    assert "(cid:" not in doc.text
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", doc.text)
    unreadable = [d for d in doc.diagnostics if d.code == "unreadable_text"]
    assert {d.page for d in unreadable if d.page} == {1, 2, 3}
    assert all(d.severity is Severity.ERROR for d in unreadable)
    assert all("Unicode map" in d.message for d in unreadable if d.page)
    assert doc.blocks == []


@pytest.mark.corpus
def test_latex_pdf_keeps_spaces_between_words() -> None:
    doc = load(external("ppss-committee-2016-03-15.pdf"))
    assert "Daniel, Braden, Shanette, Cate, Innes, Tristan and Sri were in attendance" in doc.text
    heading = next(b for b in doc.blocks if b.text == "1.2 Attendance to be taken")
    assert heading.kind is BlockKind.HEADING and heading.level == 2
    # pdfium marks the hyphen of "sys-/tems" at a line end; it is repaired, not lost.
    assert "as physical systems" in doc.text


@pytest.mark.corpus
@pytest.mark.parametrize("engine", ["auto", "pdfplumber"])
def test_every_external_pdf_loads(engine: str) -> None:
    folder = shared_dir("external")
    pdfs = sorted(folder.glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        doc = load(path, options=LoadOptions(pdf_engine=engine))  # type: ignore[arg-type]
        assert doc.page_count >= 1
        assert_spans_slice(doc)
        if "cidfont" not in path.name:
            assert doc.blocks, path.name
            assert not [d for d in doc.diagnostics if d.severity is Severity.ERROR], path.name


def test_a_running_header_of_several_lines_is_furniture_after_the_first_page() -> None:
    # corpus/real/dev/docs/era-portal-ops-2024-12-10.pdf: a three-line header starting 1.4
    # inches down every page ("Eddington Residents' Association and Portal meeting / Minutes
    # of the meeting held on 10 December at 5.30pm / at Estate Management Office"); it used
    # to land in the middle of the page-2 discussion of "Bike Theft".
    real_dev = Path(__file__).resolve().parents[1] / "corpus" / "real" / "dev" / "docs"
    doc = load((real_dev / "era-portal-ops-2024-12-10.pdf").read_bytes())
    header = [(f.page, f.text) for f in doc.furniture if f.kind is FurnitureKind.HEADER]
    assert {page for page, _ in header} == set(range(2, doc.page_count + 1))
    assert {text for _, text in header} == {
        "Eddington Residents’ Association and Portal meeting",
        "Minutes of the meeting held on 10 December at 5.30pm",
        "at Estate Management Office",
    }
    assert doc.text.count("at Estate Management Office") == 1
    assert doc.blocks[0].text.startswith("Eddington Residents’ Association and Portal meeting")


def test_lines_broken_short_keep_their_breaks() -> None:
    """westhampton-boh-2026-02-09.pdf (corpus/real, dev): under the date a name to a line
    ("Robbie Armenti" / "Katch Bacheller, Chair" / …), then "Agenda item 1: Minutes from
    January 2026" / "KB: motion to approve": each line stops where the next word would have
    fit, so the writer broke it there and the paragraph keeps the break."""
    from .conftest import CORPUS

    doc = load(CORPUS / "real" / "dev" / "docs" / "westhampton-boh-2026-02-09.pdf")
    names = next(b for b in doc.blocks if b.text.startswith("Robbie Armenti"))
    assert names.text.split("\n")[:3] == [
        "Robbie Armenti", "Katch Bacheller, Chair", "Heather Livingston",
    ]  # fmt: skip
    item = next(b for b in doc.blocks if b.text.startswith("Agenda item 1:"))
    assert item.text.split("\n")[:2] == [
        "Agenda item 1: Minutes from January 2026",
        "KB: motion to approve",
    ]
    # A sentence running on in lower case after a short line is one line of text.
    assert "\nduring the last week of Jan." not in doc.text
    assert_spans_slice(doc)


def test_a_ruled_cell_keeps_its_writer_s_line_breaks() -> None:
    """corpus/real/dev/docs/not-lpc-2018-05-02.pdf: a 'Decisions and Action Points' cell holds
    one entry a line ('05-04 Invite HealthWatch to an LPC meeting' / '05-05 Governance
    position …'); wrapped lines of one entry are still joined, and a title wrapped in its
    header cell ('Action\\nWho/When') still names its column."""
    path = (
        Path(__file__).parent.parent / "corpus" / "real" / "dev" / "docs" / "not-lpc-2018-05-02.pdf"
    )
    doc = load(path)
    cells = [c.text for b in doc.blocks if b.cells for c in b.cells]
    assert (
        "05-04 Invite HealthWatch to an LPC meeting\n05-05 Governance position to be reviewed "
        "at July meeting"
    ) in cells
    assert "05-10 ORWG to review Chief Officer’s job description" in cells
    assert not any("\n" in c for c in cells[:12])  # "Holiday Inn Newcastle –Gosforth Park, …"
