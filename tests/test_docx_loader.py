"""DOCX loader: rendered Word numbering, margin-label templates, tables, furniture, bad input."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.oxml import parse_xml
from lxml import etree

from minutes_parser.document import Block, BlockKind, Document, FurnitureKind
from minutes_parser.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    MinutesParserError,
)
from minutes_parser.loaders import Limits, LoadOptions, load
from minutes_parser.loaders.docx import load as load_docx_bytes
from minutes_parser.loaders.docx_numbering import Numbering, format_number

from .conftest import FIXTURES, seed, shared_dir

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def load_docx(data: bytes, limits: Limits | None = None) -> Document:
    return load_docx_bytes(data, LoadOptions(limits=limits or Limits()))


def make_docx(body_xml: str) -> bytes:
    """A DOCX (python-docx default template) whose body is ``body_xml``."""
    document = docx.Document()
    body = document.element.body
    sect = body[-1]
    for child in list(body)[:-1]:
        body.remove(child)
    wrapper = parse_xml(f'<w:body xmlns:w="{W_NS}">{body_xml}</w:body>')
    for child in list(wrapper):
        sect.addprevious(child)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def para(text: str, after: str = "", ppr: str = "") -> str:
    """A paragraph: ``text`` in one run, then the raw runs ``after``."""
    run = f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>" if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}{after}</w:p>"


def texts(doc: Document, kind: BlockKind | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind is kind]


def by_text(doc: Document, text: str) -> Block:
    (block,) = [b for b in doc.blocks if b.text == text]
    return block


@pytest.fixture(scope="module")
def auto() -> Document:
    return load(FIXTURES / "auto_numbering.docx")


@pytest.fixture(scope="module")
def lscb() -> Document:
    return load(FIXTURES / "lscb_template.docx")


# --------------------------------------------------------------------------------------------
# auto_numbering.docx: Word automatic numbering
# --------------------------------------------------------------------------------------------


def test_agenda_numbers_come_from_style_linked_numbering(auto: Document) -> None:
    agenda = [
        (b.text, b.level) for b in auto.blocks if b.style and b.style.style_name == "Agenda Item"
    ]
    assert agenda == [
        ("1. Apologies for absence", 1),
        ("2. Declarations of interest", 1),
        ("3. Minutes of the previous meeting", 1),
        ("4. Sub group reports", 1),
        ("5. Grants", 1),
    ]
    assert all(by_text(auto, t).kind is BlockKind.HEADING for t, _ in agenda)


def test_multilevel_numbers_and_deeper_level_restart(auto: Document) -> None:
    start = texts(auto).index("4. Sub group reports")
    got = [(b.kind, b.level, b.text) for b in auto.blocks[start + 1 : start + 6]]
    assert got == [
        (BlockKind.HEADING, 2, "4.1 Performance Sub Group"),
        (BlockKind.LIST_ITEM, 3, "a) Quarterly dashboard received."),
        (BlockKind.LIST_ITEM, 3, "b) Two indicators rated red."),
        (BlockKind.HEADING, 2, "4.2 Audit Sub Group"),
        # Using level 2 again resets level 3: "a)", not "c)".
        (BlockKind.LIST_ITEM, 3, "a) Internal audit plan agreed."),
    ]


def test_action_numbers_restart_with_start_override(auto: Document) -> None:
    actions = [
        b.text
        for b in auto.blocks
        if b.kind is BlockKind.LIST_ITEM and b.level == 1 and b.text[:1].isdigit()
    ]
    assert actions == [
        "1. Clerk to publish the approved minutes.",
        "2. Chair to sign the minutes.",
        "1. Treasurer to circulate the revised budget.",
        "2. Clerk to book the external auditor.",
    ]
    assert by_text(auto, "(i) Signed copy to be filed.").level == 2


def test_roman_and_letter_formats(auto: Document) -> None:
    start = texts(auto).index("Appendices")
    got = [(b.level, b.text) for b in auto.blocks[start + 1 : start + 4]]
    assert got == [
        (1, "I. Budget report"),
        (1, "II. Grant schedule"),
        (2, "A. Applications received"),
    ]


def test_nested_bullets_are_list_items_with_levels_and_no_bullet_glyph(auto: Document) -> None:
    start = texts(auto).index("Budget monitoring highlights:")
    got = [(b.kind, b.level, b.text) for b in auto.blocks[start + 1 : start + 5]]
    assert got == [
        (BlockKind.LIST_ITEM, 1, "Revenue"),
        (BlockKind.LIST_ITEM, 2, "On target at month 10"),
        (BlockKind.LIST_ITEM, 2, "Capital slippage of 4%"),
        (BlockKind.LIST_ITEM, 1, "Reserves unchanged"),
    ]
    assert "\uf0b7" not in auto.text


def test_headings_and_style_hints(auto: Document) -> None:
    title = auto.blocks[0]
    assert (title.kind, title.level, title.text) == (
        BlockKind.HEADING,
        1,
        "Minutes of the Finance and Performance Committee",
    )
    assert title.style is not None and title.style.style_name == "Title"
    item = by_text(auto, "1. Apologies for absence")
    assert item.style is not None
    assert (item.style.bold, item.style.size) == (True, 14.0)
    body = by_text(auto, "Apologies were received from Cllr Patel.")
    assert body.kind is BlockKind.PARAGRAPH
    assert body.style is not None and (body.style.bold, body.style.style_name) == (False, "Normal")
    assert by_text(auto, "Appendices").level == 3


def test_merged_cells(auto: Document) -> None:
    rows = [b for b in auto.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[c.text for c in r.cells or []] for r in rows] == [
        ["Applicant", "Amount", "Decision"],
        ["Youth Club", "£500", "Approved"],
        ["Food Bank", "£300", "Approved subject to match funding"],
        ["Library Friends", "£250", ""],  # vMerge continuation: the text is in the row above
        ["Total awarded: £1,050"],
    ]
    assert [c.col_span for c in rows[-1].cells or []] == [3]
    assert {r.table for r in rows} == {1}


def test_tracked_changes_resolved(auto: Document) -> None:
    assert "The committee approved the register of interests." in texts(auto)
    assert "rejected" not in auto.text
    assert [d.code for d in auto.diagnostics] == ["tracked-changes"]


def test_text_box_and_content_controls_kept_once(auto: Document) -> None:
    assert auto.text.count("Note: Cllr Green left at 8.15pm.") == 1  # not again from VML fallback
    assert (
        texts(auto).index("Note: Cllr Green left at 8.15pm.")
        == texts(auto).index("The meeting remained quorate.") + 1
    )
    assert "Chair: Cllr Jane Doe" in texts(auto)
    assert texts(auto)[-1] == "Date of next meeting: 9 April 2024"


def test_header_and_footer_are_furniture(auto: Document) -> None:
    furniture = [(f.kind, f.text) for f in auto.furniture]
    assert furniture == [
        (FurnitureKind.HEADER, "Finance and Performance Committee – DRAFT"),
        (FurnitureKind.FOOTER, "Page 1"),
    ]
    assert "DRAFT" not in auto.text
    assert " PAGE " not in auto.text


def test_explicit_page_break_counts_pages(auto: Document) -> None:
    assert by_text(auto, "4. Sub group reports").page == 1
    assert by_text(auto, "5. Grants").page == 2
    assert all(r.page == 2 for r in auto.blocks if r.kind is BlockKind.TABLE_ROW)
    assert auto.page_count == 2


# --------------------------------------------------------------------------------------------
# lscb_template.docx: the council template with margin labels
# --------------------------------------------------------------------------------------------


def _comparable(block: Block) -> tuple[BlockKind, str]:
    if block.kind is BlockKind.TABLE_ROW:
        cells = [c.text for c in block.cells or []]
        # The text loader drops trailing empty cells (it cannot see them); DOCX keeps the
        # table's columns so every row lines up with its header.
        while cells and not cells[-1]:
            cells.pop()
        return block.kind, "\t".join(cells)
    return block.kind, block.text


def test_lscb_equivalent_to_text_loader(lscb: Document) -> None:
    text_doc = load(seed("002"))
    assert [_comparable(b) for b in lscb.blocks] == [_comparable(b) for b in text_doc.blocks]
    assert [(b.label, b.text) for b in lscb.blocks if b.label] == [
        (b.label, b.text) for b in text_doc.blocks if b.label
    ]


def test_lscb_margin_labels_go_to_block_label(lscb: Document) -> None:
    item = by_text(lscb, "1. Welcome / apologies and introductions")
    assert (item.kind, item.label) == (BlockKind.HEADING, "Agenda item")
    action = by_text(lscb, "WC to arrange meetings – action 1")
    assert action.label == "Action"
    assert not any(b.text.rstrip(":") in ("Agenda item", "Action") for b in lscb.blocks)
    assert "Agenda item:" not in lscb.text
    assert not any(b.text.startswith(("Agenda item", "Action:")) for b in lscb.blocks)
    # The content of the label table is ordinary blocks, not table rows.
    assert (
        by_text(
            lscb, "Mr Carratt agreed to progress the booking of a venue suitable for this approach."
        ).kind
        is BlockKind.PARAGRAPH
    )


def test_lscb_attendance_and_action_log_tables(lscb: Document) -> None:
    first = by_text(
        lscb, "Steve Ashley – Chair\tIndependent Chair, Rotherham Local Safeguarding Children Board"
    )
    assert [c.text for c in first.cells or []] == [
        "Steve Ashley – Chair",
        "Independent Chair, Rotherham Local Safeguarding Children Board",
    ]
    section_row = next(b for b in lscb.blocks if b.text == "Actions raised on 04.12.2014")
    assert [c.col_span for c in section_row.cells or []] == [3]
    update = next(b for b in lscb.blocks if b.text.startswith("7.\tSteve Ashley"))
    assert (update.cells or [])[3].text.startswith("Discharged 04.09.2014 A letter was sent")
    assert "\nUpdate from 04.12.2014" in (update.cells or [])[3].text


def test_lscb_header_footer_are_furniture_only(lscb: Document) -> None:
    kinds = {f.kind: f.text for f in lscb.furniture}
    assert kinds[FurnitureKind.HEADER] == "Rotherham LSCB – Board minutes – OFFICIAL"
    assert kinds[FurnitureKind.FOOTER] == "RLSCB minutes 04.12.2014 – Page 1"
    assert "OFFICIAL" not in lscb.text
    assert "RLSCB minutes 04.12.2014" not in lscb.text


@pytest.mark.parametrize("name", ["auto_numbering.docx", "lscb_template.docx"])
def test_spans_slice_true(name: str) -> None:
    doc = load(FIXTURES / name)
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        for cell in block.cells or []:
            assert doc.text[cell.start : cell.end] == cell.text


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docx", FIXTURES / "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("builder", "name"),
    [("build_lscb", "lscb_template.docx"), ("build_auto_numbering", "auto_numbering.docx")],
)
def test_fixtures_are_fresh_and_deterministic(builder: str, name: str, tmp_path: Path) -> None:
    build: Callable[[Path], None] = getattr(_build_module(), builder)
    build(tmp_path / name)
    assert (tmp_path / name).read_bytes() == (FIXTURES / name).read_bytes(), (
        "fixture is stale: run `python fixtures/build_docx.py`"
    )


# --------------------------------------------------------------------------------------------
# Targeted WordprocessingML cases
# --------------------------------------------------------------------------------------------


def test_margin_label_with_empty_content_becomes_furniture() -> None:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    empty = "<w:tc><w:p/></w:tc>"
    row = "<w:tr>{}{}</w:tr>"
    table = (
        "<w:tbl>"
        + row.format(cell.format("Action:"), cell.format("Clerk to write to the auditor."))
        + row.format(cell.format("Agenda item:"), empty)
        + "</w:tbl>"
    )
    doc = load_docx(make_docx(table))
    assert [(b.kind, b.label, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "Action", "Clerk to write to the auditor.")
    ]
    assert [(f.kind, f.text) for f in doc.furniture] == [
        (FurnitureKind.MARGIN_LABEL, "Agenda item")
    ]


def test_two_column_table_without_labels_stays_a_table() -> None:
    row = (
        "<w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>"
    )
    doc = load_docx(make_docx("<w:tbl>" + row.format("Jo Abbott", "Public Health") + "</w:tbl>"))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.TABLE_ROW, "Jo Abbott\tPublic Health")
    ]


def test_tabbed_lines_are_rows_but_a_lone_tab_is_spacing() -> None:
    tab = "<w:r><w:tab/></w:r>"
    body = (
        para("Steve Ashley", tab + "<w:r><w:t>Chair</w:t></w:r>")
        + para("Kirsty Booth", tab + "<w:r><w:t>Minutes</w:t></w:r>")
        + para("Minutes taken by the clerk.")
        + para("Prose with", tab + "<w:r><w:t>a stray tab.</w:t></w:r>")
        + para("", "<w:r><w:t>1.</w:t></w:r>" + tab + "<w:r><w:t>Apologies</w:t></w:r>")
    )
    doc = load_docx(make_docx(body))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.TABLE_ROW, "Steve Ashley\tChair"),
        (BlockKind.TABLE_ROW, "Kirsty Booth\tMinutes"),
        (BlockKind.PARAGRAPH, "Minutes taken by the clerk."),
        (BlockKind.PARAGRAPH, "Prose with a stray tab."),
        (BlockKind.PARAGRAPH, "1. Apologies"),
    ]


def test_deleted_paragraph_mark_joins_paragraphs() -> None:
    deleted_mark = "<w:rPr><w:del w:id='9' w:author='a' w:date='2024-01-01T00:00:00Z'/></w:rPr>"
    body = (
        para("The motion was", ppr=deleted_mark)
        + para(" carried.")
        + para("Last paragraph", ppr=deleted_mark)
    )
    doc = load_docx(make_docx(body))
    assert texts(doc) == ["The motion was carried.", "Last paragraph"]


def test_rendered_page_breaks_win_over_explicit_ones() -> None:
    rendered = "<w:r><w:lastRenderedPageBreak/><w:t>Second page.</w:t></w:r>"
    third = "<w:r><w:lastRenderedPageBreak/><w:t>Third page.</w:t></w:r>"
    body = para("First page.") + f"<w:p>{rendered}</w:p>" + f"<w:p>{third}</w:p>"
    doc = load_docx(make_docx(body))
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("First page.", 1),
        ("Second page.", 2),
        ("Third page.", 3),
    ]
    assert doc.page_count == 3


def test_soft_line_break_and_bold_heading() -> None:
    bold = "<w:r><w:rPr><w:b/></w:rPr><w:t>Present:</w:t></w:r>"
    lines = "<w:r><w:t>Cllr A</w:t><w:br/><w:t>Cllr B</w:t></w:r>"
    body = f"<w:p>{bold}</w:p><w:p>{lines}</w:p>"
    doc = load_docx(make_docx(body))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Present:"),
        (BlockKind.PARAGRAPH, "Cllr A\nCllr B"),
    ]


def test_hidden_text_and_field_instructions_are_not_text() -> None:
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>"
    field = (
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        '<w:r><w:instrText> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>5 March 2024</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
    )
    doc = load_docx(
        make_docx(f"<w:p><w:r><w:t xml:space='preserve'>Date: </w:t></w:r>{field}{hidden}</w:p>")
    )
    assert texts(doc) == ["Date: 5 March 2024"]


def test_empty_document_raises() -> None:
    with pytest.raises(EmptyDocumentError):
        load_docx(make_docx("<w:p/>"))


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def _with_part(name: str, writer: Callable[[zipfile.ZipFile], None]) -> bytes:
    """The auto_numbering fixture with part ``name`` written by ``writer`` instead."""
    source = zipfile.ZipFile(FIXTURES / "auto_numbering.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in source.infolist():
            if info.filename == name:
                writer(dst)
            else:
                dst.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def test_zip_bomb_refused_before_decompressing() -> None:
    def zeros(dst: zipfile.ZipFile) -> None:
        chunk = b"\0" * (1 << 20)
        with dst.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(300):
                f.write(chunk)

    bomb = _with_part("word/document.xml", zeros)
    assert len(bomb) < 2_000_000
    started = time.perf_counter()
    with pytest.raises(DocumentTooLargeError):
        load(bomb)
    assert time.perf_counter() - started < 1.0


def test_absurd_compression_ratio_refused_under_the_size_limit() -> None:
    bomb = _with_part(
        "word/styles.xml", lambda dst: dst.writestr("word/styles.xml", b" " * 20_000_000)
    )
    with pytest.raises(DocumentTooLargeError, match="zip bomb"):
        load_docx(bomb, Limits(max_docx_uncompressed=1 << 30))


def test_garbage_and_truncated_files_are_corrupt() -> None:
    data = (FIXTURES / "auto_numbering.docx").read_bytes()
    with pytest.raises(CorruptDocumentError):
        load_docx(os.urandom(4096))
    with pytest.raises(CorruptDocumentError):
        load_docx(b"PK\x03\x04" + b"\x00" * 100)
    for cut in (len(data) // 3, len(data) // 2, len(data) - 30):
        with pytest.raises(CorruptDocumentError):
            load_docx(data[:cut])


def test_damaged_xml_is_corrupt() -> None:
    broken = _with_part(
        "word/document.xml", lambda dst: dst.writestr("word/document.xml", b"<w:document><w:body>")
    )
    with pytest.raises(CorruptDocumentError):
        load_docx(broken)


def test_random_byte_damage_never_escapes_the_error_tree() -> None:
    import random

    data = (FIXTURES / "auto_numbering.docx").read_bytes()
    rng = random.Random(7)
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rng.choice((1, 5, 25))):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        with contextlib.suppress(MinutesParserError):
            load_docx(bytes(damaged))


# --------------------------------------------------------------------------------------------
# Real documents
# --------------------------------------------------------------------------------------------


@pytest.mark.corpus
def test_every_external_docx_loads() -> None:
    files = sorted(shared_dir("external").glob("*.docx"))
    if not files:
        pytest.skip("no DOCX files in ../shared/external")
    for path in files:
        doc = load(path)
        assert doc.blocks, path.name
        for block in doc.blocks:
            assert doc.text[block.start : block.end] == block.text


@pytest.mark.corpus
def test_external_group3_tables_and_roman_numbering() -> None:
    path = shared_dir("external") / "group3-team-meeting-minutes.docx"
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    doc = load(path)
    header = next(b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW)
    assert [c.text for c in header.cells or []] == [
        "Duration", "Topic / Discussion", "Date", "Facilitator", "Status", "Time", "Meeting Type",
    ]  # fmt: skip
    numbered = [b.text[:4] for b in doc.blocks if b.kind is BlockKind.LIST_ITEM][:3]
    assert numbered == ["I. I", "II. ", "III."]


# --------------------------------------------------------------------------------------------
# Numbering definitions (docx_numbering), from inline numbering XML
# --------------------------------------------------------------------------------------------


def numbering(xml: str, styles: dict[str, str] | None = None) -> Numbering:
    root = etree.fromstring(f'<w:numbering xmlns:w="{W_NS}">{xml}</w:numbering>')
    return Numbering(root, (styles or {}).get)


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def labels(n: Numbering, calls: list[tuple[str, int]]) -> list[str]:
    out = []
    for num_id, ilvl in calls:
        label = n.next_label(num_id, ilvl)
        assert label is not None
        out.append(label.text)
    return out


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "decimal", "4"),
        (7, "decimalZero", "07"),
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (9, "lowerRoman", "ix"),
        (1994, "upperRoman", "MCMXCIV"),
        (2, "ordinal", "2nd"),
        (12, "ordinal", "12th"),
        (3, "none", ""),
        (5, "chineseCounting", "5"),  # unknown formats fall back to decimal
    ],
)
def test_format_number(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_start_values_and_lvltext_templates() -> None:
    n = numbering(
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "decimal", "Item %1:", start=4)
        + lvl(1, "lowerLetter", "(%2)", start=3)
        + lvl(2, "lowerRoman", "%1.%2.%3")
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    assert labels(n, [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 2)]) == [
        "Item 4:",
        "(c)",
        "(d)",
        "4.d.i",
        "Item 5:",
        "5.c.i",  # level 1 never used under item 5: Word shows its start value
    ]


def test_nums_sharing_an_abstract_continue_unless_overridden() -> None:
    n = numbering(
        '<w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
    )
    assert labels(n, [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0)]) == [
        "1.",
        "2.",
        "3.",
        "10.",
        "11.",
    ]


def test_level_override_replaces_the_level_definition() -> None:
    n = numbering(
        '<w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        + lvl(0, "upperLetter", "%1)")
        + "</w:lvlOverride></w:num>"
    )
    assert labels(n, [("1", 0), ("1", 0)]) == ["A)", "B)"]


def test_legal_numbering_and_no_restart() -> None:
    n = numbering(
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "upperRoman", "%1.")
        + lvl(1, "decimal", "%1.%2", extra='<w:isLgl/><w:lvlRestart w:val="0"/>')
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    assert labels(n, [("1", 0), ("1", 1), ("1", 0), ("1", 1)]) == ["I.", "1.1", "II.", "2.2"]


def test_bullets_unknown_nums_and_style_links() -> None:
    n = numbering(
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "bullet", "\uf0b7")
        + '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
        + lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="AgendaItem"/>')
        + lvl(1, "decimal", "%1.%2", extra='<w:suff w:val="nothing"/>')
        + '</w:abstractNum><w:abstractNum w:abstractNumId="2">'
        '<w:numStyleLink w:val="AgendaList"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>',
        styles={"AgendaList": "2"},
    )
    bullet = n.next_label("1", 0)
    assert bullet is not None and (bullet.text, bullet.bullet) == ("", True)
    assert n.next_label("99", 0) is None
    assert n.level_for_style("2", "AgendaItem") == 0
    # numId 3 borrows abstract 1 through the numbering style and shares its counters.
    assert labels(n, [("2", 0), ("3", 0), ("3", 1)]) == ["1.", "2.", "2.1"]
    label = n.next_label("2", 1)
    assert label is not None and label.suffix == "nothing"
