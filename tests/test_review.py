"""The review page and the notebook HTML views: every item marked in place, text intact."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_parser import Meeting, parse_document
from minutes_parser.display import extracted_items
from minutes_parser.review import Highlight, marked_text, render_review

from .conftest import CORPUS, ROOT, make_doc, seed

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(os.environ.get("MINUTES_PARSER_ARTIFACTS", ROOT / "tests" / "artifacts"))


def doc_element(page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page).get_element_by_id("doc")


def highlight_ids(page: str) -> dict[str, set[str]]:
    """Distinct highlights per kind (a split highlight's fragments share ``data-hl``)."""
    out: dict[str, set[str]] = defaultdict(set)
    for mark in doc_element(page).iter("mark"):
        out[mark.get("data-kind")].add(mark.get("data-hl"))
    return out


def expected_counts(meetings: list[Meeting]) -> dict[str, int]:
    """Straight from the models: one highlight per item, plus one per mention."""
    return {
        "attendee": sum(1 + len(a.mentions) for m in meetings for a in m.attendees),
        "agenda_item": sum(len(top.walk()) for m in meetings for top in m.agenda_items),
        "resolution": sum(len(m.resolutions) for m in meetings),
        "action": sum(1 + len(a.mentions) for m in meetings for a in m.actions),
        "action_update": sum(len(m.action_updates) for m in meetings),
    }


def corpus_files() -> list[Path]:
    return sorted(
        p for p in CORPUS.iterdir() if p.is_file() and not p.name.endswith((".json", ".md"))
    )


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_page_text_is_the_document_text_and_every_item_is_marked(path: Path) -> None:
    document, meetings = parse_document(path)
    page = render_review(document, meetings)
    assert doc_element(page).text_content() == document.text
    counts = {kind: len(ids) for kind, ids in highlight_ids(page).items()}
    assert counts == {k: v for k, v in expected_counts(meetings).items() if v}


def test_each_highlight_covers_exactly_its_span() -> None:
    document, meetings = parse_document(seed("002"))
    page = render_review(document, meetings)
    covered: dict[str, str] = defaultdict(str)
    for mark in doc_element(page).iter("mark"):
        covered[mark.get("data-hl")] += mark.text_content()
    ashley = next(a for a in meetings[0].attendees if a.name == "Steve Ashley")
    assert covered["m0-attendee-0"] == document.slice(ashley.span)
    assert covered["m0-attendee-0-m0"] == document.slice(ashley.mentions[0])
    first_action = meetings[0].actions[0]
    assert covered["m0-action-0"] == document.slice(first_action.span)


def _hl(start: int, end: int, seq: int) -> Highlight:
    return Highlight(start, end, "action", f"i{seq}", f"h{seq}", f"label {seq}", False, seq)


def _coverage(fragment_html: str) -> tuple[str, list[set[str]]]:
    """The text, and for each character the highlights whose marks enclose it."""
    page = f'<!DOCTYPE html><html><body><div id="doc">{fragment_html}</div></body></html>'
    root = doc_element(page)
    text: list[str] = []
    cover: list[set[str]] = []

    def walk(node: lxml.html.HtmlElement, open_: frozenset[str]) -> None:
        inner = open_ | {node.get("data-hl")} if node.tag == "mark" else open_
        for chunk in [node.text or ""]:
            text.append(chunk)
            cover.extend(set(inner) for _ in chunk)
        for child in node:
            walk(child, inner)
            text.append(child.tail or "")
            cover.extend(set(inner) for _ in child.tail or "")

    walk(root, frozenset())
    return "".join(text), cover


def test_crossing_spans_are_split_and_nested_spans_nest() -> None:
    text = "The Clerk agreed to write to the council."
    marks = [_hl(4, 18, 0), _hl(10, 30, 1), _hl(4, 9, 2), _hl(10, 10, 3)]
    out = marked_text(text, marks)
    plain, cover = _coverage(out)
    assert plain == text
    assert cover[5] == {"h0", "h2"} and cover[12] == {"h0", "h1"} and cover[25] == {"h1"}
    fragments = Counter(re.findall(r'data-hl="(h\d)"', out))
    assert fragments == {"h0": 1, "h1": 2, "h2": 1, "h3": 1}  # h1 crosses h0's end
    assert out.count('id="hl-h1"') == 1  # only the first fragment is a scroll target
    assert '<mark class="hl k-action" data-kind="action" data-id="i3" data-hl="h3"' in out


spans = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(sorted)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab <&>\n\r\t\"'é", max_size=40), st.lists(spans, max_size=8))
def test_any_overlap_keeps_text_and_coverage(text: str, pairs: list[list[int]]) -> None:
    size = len(text)
    marks = [_hl(min(a, size), min(b, size), i) for i, (a, b) in enumerate(pairs)]
    out = marked_text(text, marks)
    plain, cover = _coverage(out)
    assert plain == text
    for pos in range(size):
        assert cover[pos] == {m.hl_id for m in marks if m.start <= pos < m.end}
    assert set(re.findall(r'data-hl="(h\d)"', out)) == {m.hl_id for m in marks}


def test_document_text_and_labels_are_escaped() -> None:
    document = make_doc(
        "Minutes of the <b>Board</b> meeting\n"
        "Present: Ann <script>alert(1)</script> Lee, Bob Green\n"
        "Action: Bob Green to review the <img src=x onerror=alert(1)> report."
    )
    from minutes_parser import extract_meetings

    meetings = extract_meetings(document)
    page = render_review(document, meetings)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert doc_element(page).text_content() == document.text
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no network
    assert "review the &lt;img src=x onerror=alert(1)&gt; report" in page  # the panel label
    views = (meetings[0]._repr_html_(), document._repr_html_())
    for view in views:
        assert "<script>alert" not in view and "<img src=x" not in view and "<b>Board" not in view
        assert "&lt;img src=x onerror=alert(1)&gt;" in view
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in views[1]
    assert "<h3>Minutes of the &lt;b&gt;Board&lt;/b&gt; meeting</h3>" in views[0]


def test_meeting_html_shows_each_item_beside_its_source_text() -> None:
    document, meetings = parse_document(seed("002"))
    meeting = meetings[0]
    view = lxml.html.fromstring(meeting._repr_html_())
    rows = {
        row[0].text_content(): row[2].text_content()
        for row in view.iter("tr")
        if len(row) == 4 and row[0].tag == "td"
    }
    for item in extracted_items(meeting):
        source = document.slice(item.span)
        assert rows[item.label] == (source if len(source) <= 300 else source[:299] + "…")
    assert view.xpath("//h4")[0].text_content() == f"Attendees ({len(meeting.attendees)})"
    blocks = lxml.html.fromstring(document._repr_html_())
    first = blocks.xpath("//tbody/tr")[0]
    assert first[4].text_content() == document.blocks[0].text


# --------------------------------------------------------------------------- the browser


@pytest.fixture()
def browser() -> Iterator[Any]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="mp-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1400,900",
    ):
        options.add_argument(flag)
    # An explicit driver path: selenium must not try to download one.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


_IN_VIEW = """
const r = document.getElementById(arguments[0]).getBoundingClientRect();
return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
"""

_HIGHLIGHTS_PER_KIND = """
const out = {};
for (const m of document.querySelectorAll('#doc mark[data-kind]')) {
  (out[m.dataset.kind] = out[m.dataset.kind] || new Set()).add(m.dataset.hl);
}
return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.size]));
"""


def test_review_page_in_chromium(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    document, meetings = parse_document(seed("002"))
    page = tmp_path / "review.html"
    page.write_text(render_review(document, meetings), encoding="utf-8")
    driver.get(page.as_uri())

    text = driver.execute_script("return document.getElementById('doc').textContent")
    assert text == document.text
    counts = driver.execute_script(_HIGHLIGHTS_PER_KIND)
    assert counts == {k: v for k, v in expected_counts(meetings).items() if v}

    # The last action sits far below the first screen; its panel entry brings it into view.
    target = f"m0-action-{len(meetings[0].actions) - 1}"
    assert driver.execute_script(_IN_VIEW, f"hl-{target}") is False
    button = driver.find_element(By.CSS_SELECTOR, f'#panel button.item[data-target="{target}"]')
    button.click()
    assert driver.execute_script(_IN_VIEW, f"hl-{target}") is True
    flashing = driver.find_elements(By.CSS_SELECTOR, f'mark.flash[data-hl="{target}"]')
    assert len(flashing) >= 1

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "review_002.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    print(f"review screenshot: {shot}")
