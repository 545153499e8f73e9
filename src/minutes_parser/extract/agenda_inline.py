"""Agenda items run together in one paragraph, as a record exported to a web page or a
Markdown file keeps them ("… MINUTES FROM THE MEETING 1. Apologies for absence: None
received. 2. Declarations of interest on agenda items The Parish Councillors confirmed …",
west-dereham-pc-2020-03-05.md): the paragraph is cut at its item numbers, where they run in
unbroken order, and each item keeps its number and a title cut from the text it runs into.
"""

from __future__ import annotations

from ..document import Block, BlockKind
from ..rules.agenda import INLINE_NUMBER, INLINE_TITLE_END

__all__ = ["inline_items", "title_cut"]

INLINE_PARAGRAPH_MIN = 300
"""Characters of a paragraph long enough to hold several items run together."""
INLINE_ITEMS_MIN = 3
"""Items numbered in unbroken order a paragraph needs to be read as items run together."""
INLINE_FIRST_MAX = 3
"""The highest number such a run may open with (a record's first item, or nearly)."""
INLINE_TITLE_WORDS = 12
"""Words of the longest title cut from an item run into its text."""


def inline_items(b: Block, run: list[tuple[int, ...]]) -> list[Block] | None:
    """The items a paragraph runs together ("1. Apologies for absence: None received. 2.
    Declarations of interest on agenda items The Parish Councillors confirmed … 5.1 Ditches,
    Church Road - The Parish Clerk reported …"), each cut to its number and title, where the
    paragraph numbers at least three items in unbroken order, or goes on with the numbers a
    paragraph before it ran (``run`` holds the last, and is updated); else None."""
    if b.kind is not BlockKind.PARAGRAPH or len(b.text) < INLINE_PARAGRAPH_MIN:
        return None  # a list's entry running on holds a list ("1. Daniel - organise …")
    text = " " + b.text  # a number opening the paragraph has a space before it too
    chain: list[tuple[int, str]] = []
    last: tuple[int, ...] = run[0] if run else ()
    for m in INLINE_NUMBER.finditer(text):
        parts = tuple(int(p) for p in m.group("n").split("."))
        if len(parts) == 1 and not m.group(0).rstrip().endswith("."):
            continue  # "1 How much …": a bare figure, where an item's number has its point
        if not chain and not run and text[: m.start()].rstrip().endswith(":"):
            return None  # "… querying: 1. How much … 2. How long …": a sentence's list
        if not chain and run and not _follows(last, parts):
            return None  # a list of its own ("1. Daniel - organise posters … 10. Cate …")
        if _follows(last, parts):
            chain.append((m.start() - 1, m.group("n")))
            last = parts
    if len(chain) < 2 or (not run and sum("." not in n for _, n in chain) < INLINE_ITEMS_MIN):
        return None  # one number opening a paragraph is that paragraph's, read as it stands
    run[:] = [last]
    out: list[Block] = []
    for k, (at, _) in enumerate(chain):
        end = chain[k + 1][0] if k + 1 < len(chain) else len(b.text)
        segment = b.text[at:end].rstrip()
        number = INLINE_NUMBER.match(" " + segment, 1)
        head = number.end() - 1 if number else 0
        title_end = title_cut(segment, head)
        out.append(
            b.model_copy(
                update={
                    "text": segment[:title_end],
                    "start": b.start + at,
                    "end": b.start + at + title_end,
                }
            )
        )
    return out


def title_cut(text: str, start: int = 0) -> int:
    """Where the title that opens ``text[start:]`` ends, when the item's record runs on after
    it: at a colon or dash, a full stop, a new sentence, or after a dozen words."""
    cut = INLINE_TITLE_END.search(text, start)
    end = cut.start() if cut else len(text)
    at = start
    for count, word in enumerate(text[start:end].split(), start=1):
        at = text.index(word, at) + len(word)  # each word found after the one before
        if count == INLINE_TITLE_WORDS:
            return at
    return end


def _follows(last: tuple[int, ...], parts: tuple[int, ...]) -> bool:
    """Whether item ``parts`` comes right after item ``last`` ("5" → "5.1" → "5.2" → "6")."""
    if not last:
        return len(parts) == 1 and parts[0] <= INLINE_FIRST_MAX
    if len(parts) == 1:
        return parts[0] == last[0] + 1
    for depth in range(1, len(parts)):
        if (
            parts[:depth] == last[:depth]
            and parts[depth:] == (1,) * (len(parts) - depth)
            and (len(last) == depth)
        ):
            return True  # the first sub-item: "5" → "5.1", "6.1" → "6.1.1"
    return (
        len(parts) <= len(last)
        and parts[:-1] == last[: len(parts) - 1]
        and parts[-1] == last[len(parts) - 1] + 1
    )  # the next sibling at its depth: "5.1" → "5.2", "6.1.2" → "6.2"
