"""The Markdown loader's two parsers give the same Document: markdown-it-pyrs (the fast path,
its tree converted to markdown-it-py's tokens by ``loaders.markdown_rs``) and markdown-it-py
(the fallback). Checked on every real Markdown document of corpus/real/dev and
../shared/realworld, and on constructs whose conversion needs care."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_parser.document import DocumentFormat
from minutes_parser.loaders import markdown, markdown_rs
from minutes_parser.loaders.text import decode_text
from minutes_parser.sniff import sniff_format

from .conftest import CORPUS, SHARED


def _real_markdown() -> list[Path]:
    folders = [CORPUS / "real" / "dev" / "docs", SHARED / "realworld" / "docs"]
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.is_file() and sniff_format(path.read_bytes(), path=str(path)) is (
                DocumentFormat.MARKDOWN
            ):
                found.append(path)
    return found


def _both(text: str) -> tuple[str, str]:
    fast = markdown.load_markdown(text, fast=True).model_dump_json()
    slow = markdown.load_markdown(text, fast=False).model_dump_json()
    return fast, slow


def test_the_fast_parser_is_installed() -> None:
    assert markdown_rs.available()


@pytest.mark.parametrize("path", _real_markdown(), ids=lambda p: p.name)
def test_real_markdown_loads_the_same_with_either_parser(path: Path) -> None:
    text = decode_text(path.read_bytes())[0]
    # The fast path converts the whole document (no node sends it back to markdown-it-py).
    assert markdown_rs.tokens(markdown._normalise(text)) is not None
    fast, slow = _both(text)
    assert fast == slow


def test_real_markdown_documents_are_found() -> None:
    """The parametrised test above must not pass by finding nothing."""
    if not (SHARED / "realworld" / "docs").is_dir():
        pytest.skip("../shared/realworld is not available")
    assert len(_real_markdown()) >= 20


EDGE_CASES = {
    "quoted lines": "> Present: Ann Lee\n> Apologies: Bob Stone\n> Chair: Cllr Carol Dee\n",
    "quoted prose": (
        "> The board discussed the budget for the coming year at some length and\n"
        "> agreed that the treasurer would bring revised figures to the next one\n"
        "> so that members could compare them with the current accounts here.\n"
    ),
    "nested quote": "> > Present: Ann\n> > Apologies: Bob\n> lazy line\n",
    "quoted tasks": "> - [x] Ann to send the report\n>   by Friday\n> - [ ] Bob to book\n",
    "loose task": "* [ ] 1\\. **Review**\n  more text\n\n  second para\n* b\n",
    "marker alone": "-\n  Present: Ann\n  Apologies: Bob\n",
    "setext": "Minutes of the\nBoard Meeting\n=============\n\nPresent: Ann\nChair: Bob\n",
    "definition": "[agenda]: http://example.org/a\n\nSee the [agenda] for\nthe items.\n",
    "windows": "Present: Ann\r\nApologies: Bob\r\nChair: Carol\r\n",
    "table": "| Action | Owner |\n|---|---|\n| [Send](http://x.org/é) | **Ann** |\n| Book |\n",
    "mixed": "**Present**\nAnn Lee\nBob Stone\n**Apologies**\nCarol Dee\n",
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_constructs_load_the_same_with_either_parser(name: str) -> None:
    fast, slow = _both(EDGE_CASES[name])
    assert fast == slow


def test_an_inline_keeps_markdown_it_py_source_lines() -> None:
    """The reader judges soft breaks by an inline's source lines: quote markers, the list
    marker and the task box are not part of them (the fast path works them out only for an
    inline of several lines, the only kind with soft breaks)."""
    text = EDGE_CASES["quoted tasks"]
    fast = [t for t in markdown_rs.tokens(text) or [] if t.type == "inline"]
    slow = [t for t in markdown._MD.parse(text) if t.type == "inline"]
    assert [ln.strip() for ln in fast[0].content.split("\n")] == [
        "Ann to send the report",
        "by Friday",
    ]
    assert [ln.strip() for ln in slow[0].content.split("\n")] == [
        ln.strip() for ln in fast[0].content.split("\n")
    ]
    assert len(fast) == len(slow) == 2


def test_without_the_fast_parser_markdown_it_py_reads_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = EDGE_CASES["quoted tasks"]
    expected = markdown.load_markdown(text, fast=False)
    monkeypatch.setattr(markdown_rs, "_PARSER", None)
    assert markdown_rs.tokens(text) is None
    doc = markdown.load_markdown(text)
    assert doc == expected
    assert [b.checked for b in doc.blocks] == [True, False]
