"""OCR of scanned and unreadable PDF pages (loaders/ocr.py) and its place in the PDF loader.

Tests that run Tesseract skip when it is not installed; those on real documents skip when
../shared is absent. A synthetic "scan" (a text page rendered to an image and embedded as
one) gives a fast, self-contained mixed document whose truth is known.
"""

from __future__ import annotations

import io
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from minutes_parser import ParseOptions, parse_document
from minutes_parser.document import Block, Document, Severity
from minutes_parser.loaders import LoadOptions, load
from minutes_parser.loaders import ocr as ocr_module
from minutes_parser.loaders.ocr import fix_honorific, parse_hocr
from minutes_parser.models import AttendanceStatus, Meeting

from .conftest import shared_dir

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed"
)

#: Paragraphs of lines: page 1 keeps its text layer, page 2 becomes an image of itself.
TEXT_PAGE = [["Minutes of the Finance Committee", "Held on 3 March 2024 at the Town Hall"]]
SCANNED_PAGE = [
    ["Present: Cllr Alice Smith (Chair), Cllr Robert Jones", "and Mrs Carol White."],
    ["Apologies: Cllr David Brown."],
    ["The committee approved the budget for the coming year."],
]


def joined(paragraphs: list[list[str]]) -> list[str]:
    return [" ".join(lines) for lines in paragraphs]


# --------------------------------------------------------------------------------------------
# A synthetic mixed document: page 1 has a text layer, page 2 is an image of text
# --------------------------------------------------------------------------------------------


def _draw(canvas: Any, paragraphs: list[list[str]]) -> None:
    canvas.setFont("Helvetica", 13)
    y = 720.0
    for lines in paragraphs:
        for line in lines:
            canvas.drawString(72, y, line)
            y -= 16
        y -= 20  # the gap between paragraphs


def _scan_of(paragraphs: list[list[str]], dpi: int = 200) -> Any:
    """A page of ``paragraphs`` as a PIL image, as a scanner would deliver it."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    _draw(canvas, paragraphs)
    canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    try:
        return pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()


def build_mixed_pdf() -> bytes:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    _draw(canvas, TEXT_PAGE)
    canvas.showPage()
    width, height = canvas._pagesize
    canvas.drawImage(ImageReader(_scan_of(SCANNED_PAGE)), 0, 0, width, height)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def mixed_pdf() -> bytes:
    return build_mixed_pdf()


def on_page(doc: Document, page: int) -> list[Block]:
    return [b for b in doc.blocks if b.page == page]


def codes(doc: Document) -> list[tuple[str, int | None]]:
    return [(d.code, d.page) for d in doc.diagnostics]


@pytest.fixture(scope="module")
def mixed_parsed(mixed_pdf: bytes) -> tuple[Document, Meeting]:
    """The mixed document through the whole pipeline once (default ``ocr="auto"``)."""
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed")
    doc, (meeting,) = parse_document(mixed_pdf)
    return doc, meeting


def test_scanned_page_is_read_and_text_page_is_not(mixed_parsed: tuple[Document, Meeting]) -> None:
    doc, _ = mixed_parsed
    # The text page's paragraph runs on (no full stop) but does not swallow the scan's.
    assert [b.text for b in on_page(doc, 1)] == joined(TEXT_PAGE)
    assert all(b.source == "text" and b.confidence is None for b in on_page(doc, 1))
    scanned = on_page(doc, 2)
    assert scanned and all(b.source == "ocr" for b in scanned)
    assert all(b.confidence is not None and 80 <= b.confidence <= 100 for b in scanned)
    assert [b.text for b in scanned] == joined(SCANNED_PAGE)
    (diag,) = doc.diagnostics
    assert (diag.code, diag.page, diag.severity) == ("ocr", 2, Severity.INFO)
    assert re.fullmatch(
        r"page 2 read by OCR, mean confidence \d+ \(it has no text layer\)", diag.message
    )


def test_scanned_page_feeds_the_extractors(mixed_parsed: tuple[Document, Meeting]) -> None:
    _, meeting = mixed_parsed
    people = {a.name: a for a in meeting.attendees}
    assert {"Alice Smith", "Robert Jones", "Carol White", "David Brown"} <= set(people)
    assert people["Alice Smith"].is_chair
    assert people["David Brown"].status is AttendanceStatus.APOLOGIES
    assert any(d.code == "ocr" for d in meeting.diagnostics)


@needs_tesseract
def test_always_reads_every_page_by_ocr(mixed_pdf: bytes) -> None:
    doc = load(mixed_pdf, options=LoadOptions(ocr="always"))
    assert all(b.source == "ocr" for b in doc.blocks)
    assert [b.text for b in on_page(doc, 1)] == joined(TEXT_PAGE)
    assert [c for c in codes(doc) if c[0] == "ocr"] == [("ocr", 1), ("ocr", 2)]
    assert "OCR was asked for every page" in doc.diagnostics[0].message


@needs_tesseract
def test_pdfplumber_engine_is_ocrd_too(mixed_pdf: bytes) -> None:
    doc = load(mixed_pdf, options=LoadOptions(pdf_engine="pdfplumber"))
    assert [b.text for b in on_page(doc, 2)] == joined(SCANNED_PAGE)
    assert all(b.source == "text" for b in on_page(doc, 1))


def test_never_keeps_todays_diagnostics(mixed_pdf: bytes) -> None:
    doc = load(mixed_pdf, options=LoadOptions(ocr="never"))
    assert not on_page(doc, 2)
    assert codes(doc) == [("no_text_layer", 2)]
    assert "it needs OCR" in doc.diagnostics[0].message
    _, (meeting,) = parse_document(mixed_pdf, ParseOptions(ocr="never"))
    assert ("no_text_layer", 2) in [(d.code, d.page) for d in meeting.diagnostics]


def test_missing_tesseract_is_a_diagnostic_not_an_error(
    mixed_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_module, "find_tesseract", lambda: None)
    doc = load(mixed_pdf)
    assert [b.text for b in doc.blocks] == joined(TEXT_PAGE)
    assert codes(doc) == [("ocr_unavailable", None), ("no_text_layer", 2)]
    message = doc.diagnostics[0].message
    assert "page 2 needs OCR" in message
    assert "apt-get install tesseract-ocr tesseract-ocr-eng" in message


def test_failing_tesseract_is_a_diagnostic(
    mixed_pdf: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "tesseract"
    broken.write_text("#!/bin/sh\necho 'Error opening data file eng.traineddata' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setattr(ocr_module, "find_tesseract", lambda: str(broken))
    doc = load(mixed_pdf)
    assert codes(doc) == [("ocr_failed", 2), ("no_text_layer", 2)]
    assert "tesseract-ocr-eng" in doc.diagnostics[0].message


def test_unknown_ocr_mode_is_a_configuration_error(mixed_pdf: bytes) -> None:
    from minutes_parser.errors import ConfigurationError

    with pytest.raises(ConfigurationError):
        load(mixed_pdf, options=LoadOptions(ocr="sometimes"))  # type: ignore[arg-type]


def test_blank_page_is_not_sent_to_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.drawString(72, 720, "Minutes of the meeting")
    canvas.showPage()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(72, 400, 300, 200, stroke=0, fill=1)  # drawn, but nothing shows
    canvas.showPage()
    canvas.save()
    # Any run of Tesseract would fail: the blank page must not reach it.
    monkeypatch.setattr(ocr_module, "find_tesseract", lambda: "/nonexistent/tesseract")
    doc = load(buf.getvalue())
    assert [b.text for b in doc.blocks] == ["Minutes of the meeting"]
    assert [(d.code, d.page, d.severity) for d in doc.diagnostics] == [
        ("blank_page", 2, Severity.INFO)
    ]


# --------------------------------------------------------------------------------------------
# hOCR parsing, without Tesseract
# --------------------------------------------------------------------------------------------


def _hocr(lines: list[tuple[str, list[tuple[str, str, int]]]], size: str = "0 0 1000 800") -> str:
    spans = []
    for k, (line_box, words) in enumerate(lines):
        inner = "".join(
            f"<span class='ocrx_word' id='w{k}_{j}' title='bbox {box}; x_wconf {conf}'>"
            f"{text}</span> "
            for j, (text, box, conf) in enumerate(words)
        )
        spans.append(
            f"<span class='ocr_line' id='l{k}' title='bbox {line_box}; baseline 0 -10; "
            f"x_size 50; x_descenders 10; x_ascenders 12'>{inner}</span>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
        'Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        f"<div class='ocr_page' id='page_1' title='image \"stdin\"; bbox {size}; ppageno 0'>"
        + "".join(spans)
        + "</div></body></html>"
    )


def test_hocr_words_get_page_points_line_boxes_and_confidence() -> None:
    hocr = _hocr(
        [
            (
                "100 100 700 150",
                [
                    ("Present:", "100 100 300 140", 95),
                    ("Clir", "320 100 400 140", 91),
                    ("|", "420 90 430 160", 30),
                    ("Smith", "450 100 700 150", 96),
                ],
            )
        ]
    )
    result = parse_hocr(hocr, scale=2.0)
    assert (result.width, result.height, result.turned) == (500.0, 400.0, 0)
    assert [w.text for w in result.words] == ["Present:", "Cllr", "Smith"]  # noise dropped
    first = result.words[0]
    assert (first.x0, first.x1) == (50.0, 150.0)
    # Every word of a line gets the line's box: baseline 140 + descent 10, minus size 50.
    assert {(w.top, w.bottom) for w in result.words} == {(50.0, 75.0)}
    assert {w.size for w in result.words} == {25.0}
    assert [w.conf for w in result.words] == [95, 91, 96]


def test_sideways_text_is_turned_upright() -> None:
    # A page turned clockwise: each line runs down the page, its words taller than wide.
    words = [
        (t, f"500 {100 + 150 * j} 550 {230 + 150 * j}", 95)
        for j, t in enumerate(["Annual", "Plan", "Review", "Highlights", "Course"])
    ]
    result = parse_hocr(_hocr([("500 100 550 850", words)], size="0 0 1000 800"), scale=1.0)
    assert result.turned == 270
    assert (result.width, result.height) == (800.0, 1000.0)
    xs = [w.x0 for w in result.words]
    assert xs == sorted(xs)  # reads left to right once upright
    assert all(w.x1 - w.x0 > w.bottom - w.top for w in result.words)


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Clir", "Cllr"),
        ("Clirs,", "Cllrs,"),
        ("(C1lr", "(Cllr"),
        ("Cllr", "Cllr"),
        ("Clive", "Clive"),
        ("Mill", "Mill"),
        ("Will", "Will"),
        ("Mlss", "Miss"),
    ],
)
def test_one_stroke_misreadings_of_honorifics_are_undone(read: str, meant: str) -> None:
    assert fix_honorific(read) == meant


# --------------------------------------------------------------------------------------------
# Real documents in ../shared
# --------------------------------------------------------------------------------------------


def shared_pdf(*parts: str) -> Path:
    path = shared_dir(*parts[:-1]) / parts[-1]
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="module")
def golf() -> tuple[Document, Meeting, float]:
    """The alameda meeting with no text layer on any of its 22 pages."""
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed")
    path = shared_pdf("bulk", "alameda", "GolfCommission-2019-01-29.pdf")
    start = time.perf_counter()
    doc, meetings = parse_document(path)
    return doc, meetings[0], time.perf_counter() - start


@pytest.mark.corpus
def test_fully_scanned_meeting_is_read_page_by_page(golf: tuple[Document, Meeting, float]) -> None:
    doc, _, seconds = golf
    assert doc.page_count == 22
    assert {b.page for b in doc.blocks} == set(range(1, 23))
    assert all(b.source == "ocr" and b.confidence is not None for b in doc.blocks)
    ocr = [d for d in doc.diagnostics if d.code == "ocr"]
    assert [d.page for d in ocr] == list(range(1, 23))
    assert all(d.severity is Severity.INFO for d in ocr)
    assert not [d for d in doc.diagnostics if d.code != "ocr"]
    print(f"22-page scan parsed in {seconds:.1f}s")


@pytest.mark.corpus
def test_fully_scanned_meeting_roll_call(golf: tuple[Document, Meeting, float]) -> None:
    _, meeting, _ = golf
    people = {a.name: a for a in meeting.attendees}
    present = {n for n, a in people.items() if a.status is AttendanceStatus.PRESENT}
    assert present >= {"Ed Downing", "Cheryl Saxton", "Ron Taylor", "Ron Carlson", "Joe Van Winkle"}
    assert people["Ed Downing"].is_chair
    assert "Amy Wooldridge" in people


@pytest.mark.corpus
def test_fully_scanned_meeting_motions_and_items(golf: tuple[Document, Meeting, float]) -> None:
    doc, meeting, _ = golf
    assert "Minutes of 11-13-18 were approved unanimously" in doc.text
    motion = next(b for b in doc.blocks if "made a motion" in b.text)
    assert motion.page == 3
    assert motion.text.startswith(
        "Commissioner VanWinkle made a motion to approve sending a letter to the City Council"
    )
    assert motion.text.endswith("The motion died for lack of a second.")
    assert "the commission unanimously approved Option 1 for the parking lot" in doc.text
    titles = [item.title for item in meeting.agenda_items]
    assert "Review and Comment on the Parking Lot Striping Plan" in titles
    assert [(r.agenda_item, r.outcome) for r in meeting.resolutions] == [
        ("1-B", "approved"),
        ("7-A", "failed"),
        ("7-B", "approved"),
    ]
    minutes, motion, option = (r.text for r in meeting.resolutions)
    assert minutes == "Minutes of 11-13-18 were approved unanimously"
    assert motion.startswith("Commissioner VanWinkle made a motion to approve sending a letter")
    assert option.startswith("the commission unanimously approved Option 1 for the parking lot")
    mover = meeting.resolutions[1].mover
    assert mover is not None and mover.name == "Joe Van Winkle"


@pytest.mark.corpus
def test_sideways_slides_of_the_scan_read_in_order(golf: tuple[Document, Meeting, float]) -> None:
    doc, _, _ = golf
    page6 = " ".join(b.text for b in doc.blocks if b.page == 6)
    assert "2018 HIGHLIGHTS" in page6
    assert "South Course Open June 22, 2018 - The biggest highlight of the year" in page6


@pytest.mark.corpus
@needs_tesseract
def test_cid_font_minutes_are_read_by_ocr() -> None:
    path = shared_pdf("external", "horsley-parish-council-191-cidfont.pdf")
    doc, (meeting,) = parse_document(path)
    assert "(cid:" not in doc.text
    assert "Land at Sugley Lane (Wheelbarrow Farm)" in doc.text
    assert all(b.source == "ocr" for b in doc.blocks)
    ocr = [d for d in doc.diagnostics if d.code == "ocr"]
    assert [d.page for d in ocr] == [1, 2, 3]
    assert all("unreadable" in d.message for d in ocr)
    people = {a.name: a.status for a in meeting.attendees}
    assert people["N Hackett"] is AttendanceStatus.PRESENT
    assert {"Kay", "McDonagh"} <= {n for n, s in people.items() if s is AttendanceStatus.PRESENT}
    assert people["Blackwell"] is AttendanceStatus.IN_ATTENDANCE
    apologies = {n for n, s in people.items() if s is AttendanceStatus.APOLOGIES}
    assert apologies == {"Clarke", "Carter", "Sims", "Binns"}


@pytest.mark.corpus
def test_cid_font_minutes_never_ocr_keeps_the_diagnostics() -> None:
    path = shared_pdf("external", "horsley-parish-council-191-cidfont.pdf")
    doc = load(path, options=LoadOptions(ocr="never"))
    assert doc.blocks == []
    unreadable = {d.page for d in doc.diagnostics if d.code == "unreadable_text" and d.page}
    assert unreadable == {1, 2, 3}


@pytest.mark.corpus
@needs_tesseract
def test_mixed_document_ocrs_only_its_scanned_pages() -> None:
    # Pages 1-3 are typed minutes; page 4 is an exhibit cover scan stamped "EXHIBIT 1" in a
    # text layer, page 5 a scanned letter.
    path = shared_pdf("bulk", "alameda", "RecreationandParkCommission-2019-11-14.pdf")
    doc = load(path)
    ocr_pages = {d.page for d in doc.diagnostics if d.code == "ocr"}
    assert ocr_pages == {4, 5}
    for b in doc.blocks:
        if b.page not in ocr_pages:
            assert (b.source, b.confidence) == ("text", None), b.text
    assert any(b.source == "ocr" and b.page == 5 for b in doc.blocks)
    assert "EXHIBIT 1" in doc.text  # the text layer's stamp is kept beside OCR's words


def test_ocr_runs_at_most_the_threads_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    for n in range(6):
        canvas.drawString(72, 720, f"Page {n + 1}")
        canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    lock = threading.Lock()
    running = peak = 0

    def read(exe: str, image: Any, dpi: int) -> ocr_module.OcrResult:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.3)  # long beside rendering a page, so the pool fills up
        with lock:
            running -= 1
        return ocr_module.OcrResult(width=612, height=792, blank=True)

    monkeypatch.setattr(ocr_module, "_read_one", read)
    for threads in (1, 3):
        peak = 0
        done = [n for n, _ in ocr_module.ocr_pages(pdf, range(1, 7), exe="x", threads=threads)]
        assert done == [1, 2, 3, 4, 5, 6]
        assert peak == threads


# --------------------------------------------------------------------------------------------
# Scanner PDFs: a page that is one JPEG is decoded by libjpeg, not rendered by pdfium
# --------------------------------------------------------------------------------------------


def _jpeg_scan_pdf(rotate: int = 0, stamp: str | None = None, invisible: str | None = None) -> Any:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    jpeg = io.BytesIO()
    _scan_of(SCANNED_PAGE, dpi=400).convert("RGB").save(jpeg, format="JPEG", quality=90)
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    width, height = canvas._pagesize
    canvas.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, width, height)
    if stamp:
        canvas.drawString(500, 20, stamp)
    if invisible:
        text = canvas.beginText(72, 700)
        text.setTextRenderMode(3)
        text.textLine(invisible)
        canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    pdf[0].set_rotation(rotate)  # /Rotate on the page, as a scanner sets it
    return pdf


def _ink_by_quadrant(width: int, height: int, gray: bytes) -> list[float]:
    from PIL import Image

    image = Image.frombytes("L", (width, height), gray)
    w, h = width // 2, height // 2
    shares = []
    for box in [(0, 0, w, h), (w, 0, width, h), (0, h, w, height), (w, h, width, height)]:
        histogram = image.crop(box).histogram()
        shares.append(sum(histogram[:128]) / max(sum(histogram), 1))
    return shares


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_jpeg_scan_is_decoded_like_pdfium_renders_it(rotate: int) -> None:
    pdf = _jpeg_scan_pdf(rotate)
    page = pdf[0]
    assert list(next(iter(page.get_objects())).get_filters())[-1] == "DCTDecode"
    decoded = ocr_module._decode_scan(page, 300)
    assert decoded is not None
    bitmap = page.render(scale=300 / 72, grayscale=True)
    rendered = bytes(bitmap.buffer)
    rows = [
        rendered[y * bitmap.stride : y * bitmap.stride + bitmap.width] for y in range(bitmap.height)
    ]
    assert abs(decoded.width - bitmap.width) <= 1 and abs(decoded.height - bitmap.height) <= 1
    # The text sits in the same quadrant, in the same amount, whichever way the page turns.
    ours = _ink_by_quadrant(decoded.width, decoded.height, decoded.gray)
    theirs = _ink_by_quadrant(bitmap.width, bitmap.height, b"".join(rows))
    assert max(ours) > 0.005
    assert ours.index(max(ours)) == theirs.index(max(theirs))
    assert all(abs(a - b) < 0.002 for a, b in zip(ours, theirs, strict=True))


def test_jpeg_scan_with_anything_else_visible_is_rendered() -> None:
    assert ocr_module._decode_scan(_jpeg_scan_pdf(stamp="Exhibit 1")[0], 300) is None
    # An invisible OCR layer does not show, so the JPEG is still all the page shows.
    assert ocr_module._decode_scan(_jpeg_scan_pdf(invisible="scanned text")[0], 300) is not None


@needs_tesseract
def test_jpeg_scan_is_read_by_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _jpeg_scan_pdf(rotate=0)
    buf = io.BytesIO()
    pdf.save(buf)

    def no_render(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a page that is one JPEG is decoded, not rendered")

    monkeypatch.setattr(pdfium.PdfPage, "render", no_render)
    doc = load(buf.getvalue())
    assert [b.text for b in doc.blocks] == joined(SCANNED_PAGE)
