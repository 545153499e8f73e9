"""The text loader and the shared normaliser, on the seeds and on inline text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser import BlockKind, DocumentFormat, load
from minutes_parser.errors import MinutesParserError
from minutes_parser.loaders.text import decode_text, load_text

from .conftest import CORPUS, seed


def _assert_spans_slice(doc) -> None:  # type: ignore[no-untyped-def]
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
        for c in b.cells or []:
            assert doc.text[c.start : c.end] == c.text


def test_seed_002_template_labels_are_not_content() -> None:
    doc = load(seed("002"))
    assert doc.format is DocumentFormat.TEXT
    assert not any(b.text.strip().lower().startswith("agenda item") for b in doc.blocks)
    assert "Agenda item:" not in doc.text
    labels = [f.text for f in doc.furniture]
    assert labels.count("Agenda item") >= 6
    first_item = next(b for b in doc.blocks if b.text.startswith("1. Welcome"))
    assert first_item.text == "1. Welcome / apologies and introductions"
    assert first_item.label == "Agenda item"
    assert first_item.style is not None and first_item.style.bold
    action = next(b for b in doc.blocks if b.text.startswith("WC to arrange"))
    assert action.text == "WC to arrange meetings – action 1"
    assert action.label == "Action"
    _assert_spans_slice(doc)


def test_seed_002_attendance_rows_become_table_cells() -> None:
    doc = load(seed("002"))
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    first = rows[0]
    assert [c.text for c in first.cells or []] == [
        "Steve Ashley – Chair",
        "Independent Chair, Rotherham Local Safeguarding Children Board",
    ]
    # The row split across a page break in the Word original is whole again.
    table_rows = [b for b in rows if b.table == first.table]
    assert len(table_rows) == 27


def test_seed_002_wrapped_fragments_rejoined() -> None:
    texts = [b.text for b in load(seed("002")).blocks]
    # "SA – action" / "7", "9." / "Any other business", a sentence split by a page label.
    assert "SA – action 7" in texts
    assert "MT/SM – Action 8" in texts
    assert "9. Any other business" in texts
    assert any(
        t.startswith(
            "Ms Cassin asked whether the document is going to the list of people "
            "identified for consultation as there is"
        )
        for t in texts
    )


def test_seed_004_hard_wraps_reflowed_into_sentences() -> None:
    doc = load(seed("004"))
    texts = [b.text for b in doc.blocks]
    assert texts[2].startswith(
        "G Watson, Partnership Manager – South Tees Safeguarding Children Partnership, was in "
        "attendance at the meeting, accompanied by S Butcher, Executive Director of Children’s "
        "Services, to provide the Panel"
    )
    bullets = [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert "Meetings at Executive level to set the strategic direction for the Partnership." in (
        bullets
    )
    assert not any(t in ("·", "G", "The") for t in texts)
    assert texts[-2] == "AGREED that the STSCP Annual Report for 2021/22 be noted."
    _assert_spans_slice(doc)


def test_page_furniture_and_hyphenation_in_paged_text() -> None:
    doc = load(CORPUS / "scottish-community-council-2023-12-05.txt")
    assert doc.page_count == 3
    kinds = {(f.kind.value, f.text) for f in doc.furniture}
    assert ("page_number", "Page 2 of 3") in kinds
    assert ("header", "Kilbrannan Community Council – Minutes 5 December 2023") in kinds
    assert "Page 2 of 3" not in doc.text
    assert "commun-" not in doc.text and "community" in doc.text
    assert doc.blocks[-1].page == 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Présent: Zoë Brontë".encode("utf-8-sig"), "utf-8-sig"),
        ("Présent: Zoë Brontë".encode(), "utf-8"),
        ("Présent: Zoë Brontë – “quoted”".encode("cp1252"), "cp1252"),
        ("Présent: Zoë Brontë".encode("utf-16"), "utf-16"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    text, used = decode_text(data)
    assert used == encoding
    assert text.startswith("Présent: Zoë Brontë")
    assert load(data).text.startswith("Présent: Zoë Brontë")


def test_latin1_fallback_never_fails() -> None:
    data = "Apologies: Séan".encode("latin-1") + b"\x81\x8d"
    text, used = decode_text(data)
    assert used == "latin-1"
    assert text.startswith("Apologies: Séan")


def test_no_break_space_lines_are_blank_and_bullets_join() -> None:
    doc = load_text(
        "Minutes:\n\u00a0\n·\u00a0\u00a0\u00a0Safe at Home\n\n·       Safe in the Community\n"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Minutes:"),
        (BlockKind.LIST_ITEM, "Safe at Home"),
        (BlockKind.LIST_ITEM, "Safe in the Community"),
    ]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_any_text_gives_spans_that_slice(text: str) -> None:
    try:
        doc = load_text(text)
    except MinutesParserError:
        return
    _assert_spans_slice(doc)


def test_surrogate_halves_from_pdf_engines_become_valid_text() -> None:
    from minutes_parser.document import BlockKind as Kind
    from minutes_parser.document import DocumentBuilder, DocumentFormat

    builder = DocumentBuilder(DocumentFormat.PDF)
    builder.add(Kind.PARAGRAPH, "Thanks \ud83d\ude00 and a lone \ud83d half")
    doc = builder.build()
    assert doc.blocks[0].text == "Thanks 😀 and a lone \ufffd half"
    doc.text.encode("utf-8")  # would raise on a surrogate


def test_a_short_paragraph_takes_the_documents_wrap_width() -> None:
    """hackspace-jena-2011-10-17.txt: text wrapped at 79 columns; a three-line paragraph
    whose lines start with capitals (German nouns) is one paragraph, not three headings."""
    doc = load(CORPUS / "real" / "dev" / "docs" / "hackspace-jena-2011-10-17.txt")
    amended = next(b for b in doc.blocks if b.text.startswith("Der zweite Satz"))
    assert amended.kind is BlockKind.PARAGRAPH
    assert amended.text.endswith('für das vorherige Geschäftsjahr."')
    # a list of short entries in the same document stays one entry per line
    assert any(b.kind is BlockKind.LIST_ITEM and b.text == "Daniel B." for b in doc.blocks)
