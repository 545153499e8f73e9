"""HTML loader: main content only, structure kept, furniture recorded, deep nesting survives."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser.document import Block, BlockKind, Document, FurnitureKind
from minutes_parser.errors import EmptyDocumentError, MinutesParserError
from minutes_parser.loaders import Limits, LoadOptions, load
from minutes_parser.loaders.html import load_html

from .conftest import FIXTURES


def html(body: str, **limits: int) -> Document:
    return load_html(f"<html><body>{body}</body></html>", LoadOptions(limits=Limits(**limits)))


def kinds(doc: Document) -> list[tuple[BlockKind, int | None, str]]:
    return [(b.kind, b.level, b.text) for b in doc.blocks]


def by_text(doc: Document, text: str) -> Block:
    (block,) = [b for b in doc.blocks if b.text == text]
    return block


@pytest.fixture(scope="module")
def moderngov() -> Document:
    return load(FIXTURES / "moderngov_item.html")


@pytest.fixture(scope="module")
def minutes_page() -> Document:
    return load(FIXTURES / "minutes_page.html")


# --------------------------------------------------------------------------------------------
# ModernGov agenda item page
# --------------------------------------------------------------------------------------------


def test_moderngov_keeps_main_content_only(moderngov: Document) -> None:
    assert moderngov.blocks[0].text == "Agenda item"
    for chrome in (
        "Skip to main content",
        "We use cookies",
        "Accept all cookies",
        "Council tax and benefits",
        "Search this site",
        "Improving Lives Select Commission >",
        "Accessibility statement",
        "Rotherham Metropolitan Borough Council 2021",
        "Injected tracking",
        "gtag",
        "mgSectionTitle",
        "VIEWSTATE",
    ):
        assert chrome not in moderngov.text, chrome


def test_moderngov_furniture_records_what_was_dropped(moderngov: Document) -> None:
    by_kind: dict[FurnitureKind, list[str]] = {}
    for item in moderngov.furniture:
        by_kind.setdefault(item.kind, []).append(item.text)
    assert any("Committees" in t and "Agenda item" in t for t in by_kind[FurnitureKind.NAVIGATION])
    assert any("Skip to main content" in t for t in by_kind[FurnitureKind.NAVIGATION])
    assert any("Council tax and benefits" in t for t in by_kind[FurnitureKind.HEADER])
    assert any("Accessibility statement" in t for t in by_kind[FurnitureKind.FOOTER])
    assert any("We use cookies" in t for t in by_kind[FurnitureKind.OTHER])


def test_moderngov_headings_and_sections(moderngov: Document) -> None:
    headings = [(b.level, b.text) for b in moderngov.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        (1, "Agenda item"),
        (2, "Rotherham Safeguarding Children Partnership - Annual Report 2019-20"),
        (2, "Minutes:"),
        (None, "Resolved:"),  # a bold-only paragraph reads as a heading
        (2, "Supporting documents:"),
    ]
    assert "Meeting: 16/03/2021 - Improving Lives Select Commission (Item 45)" in [
        b.text for b in moderngov.blocks
    ]


def test_moderngov_word_pasted_bullets_and_nested_lists(moderngov: Document) -> None:
    items = [(b.level, b.text) for b in moderngov.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[:7] == [
        (1, "Safe at Home"),
        (2, "including neglect and domestic abuse"),  # "o" bullet at 72pt margin
        (1, "Safe in the Community"),
        (1, "Safe Safeguarding Systems"),
        (1, "that the number of children in elective home education was a concern nationally;"),
        (2, "work with schools had reduced numbers in Rotherham."),
        (1, "that the Family Front Door arrangements had been scrutinised and found to be good."),
    ]
    assert "·" not in moderngov.text


def test_moderngov_resolutions_are_numbered(moderngov: Document) -> None:
    start = [b.text for b in moderngov.blocks].index("Resolved:")
    resolved = moderngov.blocks[start + 1 : start + 4]
    assert [b.kind for b in resolved] == [BlockKind.LIST_ITEM] * 3
    assert [b.text[:40] for b in resolved] == [
        "1. That the Rotherham Safeguarding Child",
        "2. That the format of the Annual Report ",
        "3. That the refreshed Neglect Strategy b",
    ]


def test_moderngov_supporting_documents_and_entities(moderngov: Document) -> None:
    assert moderngov.blocks[-2:] and [b.text for b in moderngov.blocks[-2:]] == [
        "RSCP Annual Report Cover Report, item 45 PDF 245 KB",
        "RSCP Annual Report 2019-20, item 45 PDF 2 MB",
    ]
    assert "\u00a0" not in moderngov.text and "&nbsp;" not in moderngov.text
    assert "for the year 2019/2020, that were:" in moderngov.text  # wrapped source, one line


def test_br_splits_lines_inside_one_paragraph(moderngov: Document) -> None:
    block = by_text(
        moderngov, "The Chair thanked Jenny Myers\nIndependent Chair\nfor attending the meeting."
    )
    assert block.kind is BlockKind.PARAGRAPH


# --------------------------------------------------------------------------------------------
# Ordinary minutes page with a table
# --------------------------------------------------------------------------------------------


def test_minutes_page_content_and_furniture(minutes_page: Document) -> None:
    assert (
        minutes_page.blocks[0].text == "Minutes of the Parish Council meeting held on 14 May 2024"
    )
    assert minutes_page.blocks[-1].text == "The meeting closed at 9.05pm."
    for chrome in ("Your councillors", "Quick links", "Allotments", "The Parish Office"):
        assert chrome not in minutes_page.text, chrome
    kinds_seen = {f.kind for f in minutes_page.furniture}
    assert {FurnitureKind.NAVIGATION, FurnitureKind.FOOTER} <= kinds_seen


def test_minutes_page_table_cells_spans_and_rowspan(minutes_page: Document) -> None:
    rows = [b for b in minutes_page.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[c.text for c in r.cells or []] for r in rows] == [
        ["Name", "Role", "Attendance"],
        ["Cllr Margaret O’Neill", "Chair", "Present"],
        ["Cllr David Okafor", "Vice-Chair", "Present"],
        ["Cllr Priya Raman", "Councillor", ""],  # covered by the rowspan above
        ["Cllr Tom Beck", "Councillor", "Apologies"],
        ["Sarah Lowe", "Clerk and RFO", "In attendance"],
        ["Two members of the public were present."],
    ]
    assert [c.col_span for c in rows[-1].cells or []] == [3]
    assert {r.table for r in rows} == {1}


def test_minutes_page_headings_lists_and_breaks(minutes_page: Document) -> None:
    assert (BlockKind.HEADING, 3, "3.1 Payments") in kinds(minutes_page)
    assert (
        by_text(
            minutes_page,
            "The schedule of payments totalling £2,415.60 was approved.\n"
            "Proposed: Cllr Okafor\nSeconded: Cllr Raman",
        ).kind
        is BlockKind.PARAGRAPH
    )
    items = [b.text for b in minutes_page.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        "c. Clerk to obtain three quotes for the bus shelter repair.",
        "d. Cllr Beck to report the blocked drain on Mill Road.",
    ]
    resolved = by_text(minutes_page, "Resolved: to award a grant of £300 to Highfield Youth Club.")
    assert resolved.kind is BlockKind.PARAGRAPH  # bold lead-in only, not a heading


@pytest.mark.parametrize("name", ["moderngov_item.html", "minutes_page.html"])
def test_spans_slice_true(name: str) -> None:
    doc = load(FIXTURES / name)
    assert doc.format.value == "html"
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        for cell in block.cells or []:
            assert doc.text[cell.start : cell.end] == cell.text


# --------------------------------------------------------------------------------------------
# Inline cases
# --------------------------------------------------------------------------------------------


def test_main_element_wins_over_denser_chrome() -> None:
    doc = html(
        "<div class='links'><p>" + "Lots of unrelated text. " * 50 + "</p></div>"
        "<main><h1>Minutes</h1><p>Present: Cllr A.</p></main>"
    )
    assert kinds(doc) == [
        (BlockKind.HEADING, 1, "Minutes"),
        (BlockKind.PARAGRAPH, None, "Present: Cllr A."),
    ]


def test_densest_container_without_semantic_markup() -> None:
    doc = html(
        "<div id='menu-area'><a href='/'>Home</a> <a href='/x'>Meetings</a></div>"
        "<div id='c'><div class='text'><p>Item one was discussed at length by members.</p>"
        "<p>Item two was deferred to the next meeting of the committee.</p></div></div>"
        "<div class='legal'>Small print</div>"
    )
    assert [b.text for b in doc.blocks] == [
        "Item one was discussed at length by members.",
        "Item two was deferred to the next meeting of the committee.",
    ]


def test_header_inside_article_is_content() -> None:
    doc = html(
        "<header><p>Site banner</p></header><article><header><h1>Board minutes</h1></header>"
        "<p>The board met.</p></article>"
    )
    assert [b.text for b in doc.blocks] == ["Board minutes", "The board met."]
    assert [(f.kind, f.text) for f in doc.furniture] == [(FurnitureKind.HEADER, "Site banner")]


def test_ordered_list_types_values_and_manual_numbers() -> None:
    doc = html(
        "<ol type='i'><li>first</li><li value='4'>fourth</li></ol>"
        "<ol><li>1. already numbered</li></ol>"
    )
    assert [b.text for b in doc.blocks] == ["i. first", "iv. fourth", "1. already numbered"]


def test_paragraphs_inside_list_items_stay_list_items() -> None:
    doc = html("<ul><li><p>Cllr A</p><p>(Chair)</p></li></ul>")
    assert kinds(doc) == [
        (BlockKind.LIST_ITEM, 1, "Cllr A"),
        (BlockKind.LIST_ITEM, 1, "(Chair)"),
    ]


def test_numbered_item_holding_paragraphs_keeps_its_number() -> None:
    doc = html("<ol><li><p>That the report be noted.</p><p>Carried.</p></li><li>Next.</li></ol>")
    assert [b.text for b in doc.blocks] == ["1. That the report be noted.", "Carried.", "2. Next."]


def test_layout_table_is_read_as_flow() -> None:
    doc = html("<table><tr><td><h2>Minutes</h2><p>Apologies were received.</p></td></tr></table>")
    assert kinds(doc) == [
        (BlockKind.HEADING, 2, "Minutes"),
        (BlockKind.PARAGRAPH, None, "Apologies were received."),
    ]


def test_comments_and_code_are_not_text() -> None:
    doc = html(
        "<p>Visible<!-- hidden comment --> text</p><script>alert(1)</script><style>p{}</style>"
    )
    assert doc.text == "Visible text"


def test_empty_page_raises() -> None:
    with pytest.raises(EmptyDocumentError):
        html("<nav><a href='/'>Home</a></nav><p>&nbsp;</p>")


# --------------------------------------------------------------------------------------------
# Deep nesting
# --------------------------------------------------------------------------------------------


def test_five_thousand_levels_do_not_recurse() -> None:
    deep = (
        b"<html><body>" + b"<div>" * 5000 + b"<p>deep text</p>" + b"</div>" * 5000
        + b"<p>after</p></body></html>"
    )  # fmt: skip
    started = time.perf_counter()
    try:
        doc = load(deep, format="html")
    except MinutesParserError:
        return
    assert [b.text for b in doc.blocks] == ["deep text", "after"]
    assert [d.code for d in doc.diagnostics] == ["html-depth"]
    assert time.perf_counter() - started < 5


def test_deep_lists_and_unclosed_tags() -> None:
    lists = html("<ul><li>" * 3000 + "bottom" + "</li></ul>" * 3000)
    assert lists.blocks[-1].text == "bottom"
    unclosed = html("<div><span><b>" * 3000 + "still here")
    assert unclosed.text == "still here"


def test_depth_limit_reads_deeper_content_as_text() -> None:
    nested = "<div>" * 10 + "<h2>Title</h2><p>Body</p>" + "</div>" * 10
    doc = html("<p>Introduction to the meeting.</p>" + nested, max_html_depth=5)
    assert [b.text for b in doc.blocks] == ["Introduction to the meeting.", "Title Body"]
    assert [d.code for d in doc.diagnostics] == ["html-depth"]


_TAGS = st.sampled_from(
    ["div", "p", "span", "b", "li", "ul", "ol", "h2", "td", "tr", "table", "br"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TAGS, st.text(max_size=12)), min_size=1, max_size=40))
def test_arbitrary_markup_loads_or_raises_a_library_error(parts: list[tuple[str, str]]) -> None:
    markup = "".join(f"<{tag}>{text}" for tag, text in parts)
    try:
        doc = load_html(markup)
    except MinutesParserError:
        return
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


def test_definition_list_beside_main_opens_the_content() -> None:
    """W3C's scribe pages (w3c-wot-td-2025-10-22.html, corpus/real) set 'Present', 'Regrets'
    and 'Chair' in a <dl> above <main>; a paragraph there is not read."""
    doc = html(
        "<div id=prelims><h2>Attendees</h2><dl><dt>Present</dt><dd>Ann_Lee, Bo_Chen</dd>"
        "<dt>Chair</dt><dd>Ann_Lee</dd></dl><p>Site notice.</p></div>"
        "<main><h2>Meeting minutes</h2><p>ann: Approved</p></main>"
    )
    assert kinds(doc) == [
        (BlockKind.PARAGRAPH, None, "Present: Ann_Lee, Bo_Chen"),
        (BlockKind.PARAGRAPH, None, "Chair: Ann_Lee"),
        (BlockKind.HEADING, 2, "Meeting minutes"),
        (BlockKind.PARAGRAPH, None, "ann: Approved"),
    ]
