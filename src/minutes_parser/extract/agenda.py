"""Agenda items: numbered headings and their hierarchy ("4" → "4.1" … "4.7").

Candidates are blocks that open with an item number ("1.", "4.1", "Item 5", "23/045",
"TB23/101", "5-A") or carry the template's "Agenda item" label. A candidate is accepted only
where it continues the numbering (so a numbered list inside an item, which restarts at 1, is
not mistaken for items). A document with no numbered items but a ModernGov-style "Minutes:"
section yields its one item.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..document import Block, BlockKind, Document
from ..models import AgendaItem, Meeting
from ..rules import TITLE_LINK_WORDS
from ..rules.agenda import (
    AGENDA_ITEM_LABEL,
    AGENDA_LABEL,
    CHILD_NUMBER_SUFFIX,
    DASH,
    DECIMAL_NUMBER,
    FIGURES_ONLY,
    FOUR_DIGITS,
    ITEM_TABLE_COLUMNS,
    LETTER_LABEL,
    LINE_NUMBER,
    LINK_MARK,
    MATTER_SENTENCE_END,
    MINUTE_REF_INSIDE,
    MINUTES_LABEL,
    NONE_REPORTED,
    NOT_ITEM,
    NUMBER_FORMS,
    PRESENTED_BY,
    PRESENTER,
    PRESENTER_SEPARATOR,
    ROW_LABEL,
    ROW_NUMBER,
    RUN_IN,
    STARTS_WITH_DATE,
)
from ..rules.text import WHITESPACE_RUN
from .agenda_inline import inline_items, title_cut
from .agenda_runin import runin_outline
from .agenda_structure import agenda_list, capitals_outline, heading_outline, with_topic_bullets
from .context import ExtractionContext
from .locate import item_at
from .people import is_name_like, split_honorifics
from .sections import attendance_heading, is_actions_heading, is_review_heading

__all__ = ["extract_agenda_items", "item_at"]

NUMBERED_RECORD_MIN = 4
"""Numbered paragraphs a record written as such must hold."""
NUMBERED_RECORD_SLACK = 4
"""Blocks above its first and below its last numbered paragraph a record may hold anyway."""
LETTERS_AHEAD = 2
"""How far past the highest letter read so far an item's next lettered sub-item may be."""
MINUTE_REFS_MIN = 3
"""Minute numbers a record must hold before they are its one numbering."""


@dataclass
class _Candidate:
    block: Block
    number: str | None
    title: str
    form: str
    is_heading: bool = False
    sentence: bool = False
    """Its title reads as a sentence: an item only where its own sub-items follow it."""
    heading_like: bool = True
    """Short enough to head an item once its closing full stop is read away."""


def _items_in_tables(doc: Document) -> bool:
    """A header row titles a column "Item", "Notes", "Discussion": the record keeps its items
    one a row (the table's later parts, cut apart by the page's ruling, lose the header)."""
    seen: set[int | None] = set()
    for b in doc.blocks:
        if b.kind is not BlockKind.TABLE_ROW or b.table in seen:
            continue
        seen.add(b.table)
        if {c.text.strip().lower().rstrip(":") for c in b.cells or []} & ITEM_TABLE_COLUMNS:
            return True
    return False


def _candidate(b: Block, items_in_tables: bool) -> _Candidate | None:
    if b.kind is BlockKind.TABLE_ROW:
        # "24/031 | CHAIRMAN'S WELCOME": a minute number in its own column.
        # "1 | Apologies\nApologies received from … | HP": the title is the cell's first line.
        cells = [c.text.strip() for c in b.cells or [] if c.text.strip()]
        if len(cells) < 2 or not ROW_LABEL.fullmatch(cells[0]):
            return None
        if len(cells) > 2 and not ROW_NUMBER.fullmatch(cells[0]) and not items_in_tables:
            return None  # an action log's "23/14 | task | owner | due" row is not an item
        title = cells[1].split("\n")[0] if len(cells) > 2 else cells[1]
        people = [p.strip() for p in PRESENTER_SEPARATOR.split(title)]
        if len(cells) > 2 and len(people) > 1 and all(is_name_like(p) for p in people):
            return None  # "10 | Paul Grimwood/Jason Harwin | …": an action log's owner column
        lead = cells[0] if LETTER_LABEL.fullmatch(cells[0]) else cells[0].rstrip(".")
        text = f"{lead} {title}"
    else:
        text = b.text.strip().strip("*").strip()
    if STARTS_WITH_DATE.match(text):
        return None  # "03 April 2024" is a date, not item 3
    sentence, heading_like = False, True
    first_line = text.split("\n", 1)[0]
    for form, rx in NUMBER_FORMS:
        # A line of its own titles the item: "Agenda item 1: Minutes from January 2026" /
        # "KB: motion to approve" (the forms that read on over lines match the whole text).
        m = rx.match(text) or (rx.match(first_line) if first_line != text else None)
        if not m:
            continue
        if m.string is text and first_line != text and (m1 := rx.match(first_line)):
            whole = _run_in_title(_before_narrative((m.groupdict().get("t") or "").strip()))
            if not _is_title(whole, b) or text[len(first_line) :].lstrip()[:1].isupper():
                # "(a) Current Applications" over its record in one list item
                # (hertingfordbury-pc-2019-02-13.pdf): the first line titles it
                m = m1
        number = m.groupdict().get("n")
        if form == "letter" and text.startswith("("):
            number = f"({number})"  # "(a)" under 88 is "88(a)", as written
        title = LINK_MARK.sub("", (m.groupdict().get("t") or "")).strip()
        if form == "decimal_alone" or NOT_ITEM.fullmatch(title.rstrip(":")):
            return None
        if form == "file_ref":
            # the matter's record follows its number: its first sentence names it
            title = MATTER_SENTENCE_END.split(title, maxsplit=1)[0][:200].strip()
        else:
            title = _run_in_title(_before_narrative(title))
            if not _is_title(title, b):
                if form != "decimal":
                    return None
                # a sentence: an item only where its own sub-items follow (``_titled``), and
                # otherwise still the evidence that the item before it heads them
                sentence = True
                heading_like = _is_title(title.rstrip(". "), b)
        if form == "decimal" and number and FOUR_DIGITS.fullmatch(number):
            return None
        return _Candidate(
            b,
            # a number keeps its space as written ("19-478 A", "BM 35/2122")
            WHITESPACE_RUN.sub(" ", number) if number else None,
            title,
            form,
            b.kind is BlockKind.HEADING,
            sentence,
            heading_like,
        )
    return None


def _numbered_lines(b: Block, run: list[tuple[int, ...]]) -> list[Block]:
    """The block, or each line of it where several of its lines open with an item number:
    "6.0 Minutes of the 24th November meeting.\n6.1 The minutes were approved.\n7.0 Matters
    Arising" is one paragraph of a web page whose lines break with <br>."""
    if b.kind is BlockKind.TABLE_ROW:
        return [b]
    if "\n" not in b.text:
        return inline_items(b, run) or [b]
    lines: list[Block] = []
    offset = b.start
    for line in b.text.split("\n"):
        place = {"text": line, "start": offset, "end": offset + len(line)}
        lines.append(b.model_copy(update=place))
        offset += len(line) + 1
    numbered = [ln for ln in lines if LINE_NUMBER.match(ln.text)]
    return lines if len(numbered) >= 2 else [b]


def _before_narrative(title: str) -> str:
    """ "Call to order – Trustee Picha called the meeting to order at 7:03 p.m.": the item's
    title is what stands before a dash when a sentence of record follows it."""
    parts = DASH.split(title, maxsplit=1)
    if len(parts) == 2:
        head, tail = parts
        if len(head.split()) <= 8 and len(tail.split()) >= 4 and tail[:1].isupper():
            return head
    return title


def _run_in_title(text: str) -> str:
    """The capitals of "CONVENE Chair Saxby called the meeting to order" or "ROLL CALL
    Present: …": US minutes run an item's text on after its title, on the same line."""
    m = RUN_IN.match(text)
    if m is None:
        return text
    caps, rest = m.group("caps").strip(), m.group("rest")
    if len(caps.split()) == 1 and len(caps) < 6:
        return text  # "RLSCB Sub Group progress reports": an acronym opening a title
    opening = rest.split()[:4]
    if (
        opening[0].endswith(":")
        or NONE_REPORTED.match(rest)
        or any(w[:1].islower() and w not in TITLE_LINK_WORDS for w in opening[1:])
    ):
        return caps
    return text


def _is_title(title: str, b: Block) -> bool:
    words = title.split()
    if not words or len(title) > 200:
        return False
    if title.rstrip().endswith(".") and len(words) > 4 and b.kind is not BlockKind.HEADING:
        return False
    if len(words) > 25:
        return False
    if title[:1].islower() or title.lower().startswith("that "):
        return False
    return not FIGURES_ONLY.match(title)


def _split_presenter(title: str) -> tuple[str, str | None]:
    m = PRESENTED_BY.match(title)
    if m:
        return m.group("title").strip(" -–—,"), m.group("who").strip()
    m = PRESENTER.match(title)
    if m:
        who = m.group("who")
        _, bare = split_honorifics(who)
        if (is_name_like(bare) and len(bare.split()) >= 2) or split_honorifics(who)[0]:
            return m.group("title").strip(" -–—,:"), who
    return title, None


def _parts(number: str) -> tuple[int, ...] | None:
    if DECIMAL_NUMBER.fullmatch(number):
        parts = tuple(int(p) for p in number.split("."))
        # "4.0 Greenheart …" then "4.1 …": a zero numbers the item itself, not a sub-item
        return parts[:1] if len(parts) == 2 and parts[1] == 0 else parts
    return None


def _titled(cands: list[_Candidate]) -> list[_Candidate]:
    """Candidates whose title is a title: a sentence ("5.0 Heritage Network DVD and Resource
    Pack Project.") heads an item only where its sub-items ("5.1 …") come next."""
    return [
        c
        for k, c in enumerate(cands)
        if not c.sentence
        or (c.heading_like and k + 1 < len(cands) and _is_child(c.number, cands[k + 1].number))
    ]


def _one_scheme(cands: list[_Candidate]) -> list[_Candidate]:
    """A record that numbers its minutes ("01/1920", "24/031") numbers nothing else as an
    item: a stray "2. Communication." is a list inside one. A minute number whose title
    runs on into the next ("FGB18/1920 Matters for the next agenda FGB19/1920 Date of next
    meeting") is the agenda run together on one line, not an item."""
    refs = [c for c in cands if c.form == "minute_ref"]
    if len(refs) < MINUTE_REFS_MIN:
        return cands
    return [c for c in refs if not MINUTE_REF_INSIDE.search(c.title)]


_REF_FORMS = ("minute_ref", "file_ref", "letter_suffix", "topic")


def _accept(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep candidates that continue the numbering; drop restarts inside an item."""
    accepted: list[_Candidate] = []
    last_top = 0
    last_path: tuple[int, ...] = ()
    # A minute number met twice is in the agenda listed above the record, then in the
    # record itself: the record's is the item ("BM 37/2122 Declaration of interests").
    last_of = {c.number: k for k, c in enumerate(cands) if c.form in _REF_FORMS and c.number}
    seen_refs: list[str] = []
    letters: set[str] = set()  # the letters read under the latest numbered item
    for k, c in enumerate(cands):
        if c.form == "letter":
            # Letters count under the latest numbered item, from "a" on, each once; one may
            # be taken early ("(b) Greens" before "(a) Works Programme": "The Chairman
            # requested that items be discussed in a slightly different order",
            # hertingfordbury-pc-2019-02-13.pdf).
            letter = (c.number or "").strip("()")
            reach = ord(max(letters, default="`")) + LETTERS_AHEAD
            if last_top and letter not in letters and ord(letter) <= reach:
                c.number = f"{last_top}{c.number}" if c.number != letter else f"{last_top}.{letter}"
                accepted.append(c)
                letters.add(letter)
            continue
        if c.form in _REF_FORMS:
            if c.number not in seen_refs and last_of.get(c.number or "", k) == k:
                accepted.append(c)
                if c.number:
                    seen_refs.append(c.number)
            continue
        parts = _parts(c.number or "")
        if parts is None:
            accepted.append(c)
            continue
        if len(parts) == 1:
            n = parts[0]
            # An extract of minutes may open at any item ("5. Housing rents") when it is a
            # heading; elsewhere a first number above 3 is more likely a list.
            first_ok = last_top == 0 and (n <= 3 or c.is_heading)
            if (
                first_ok
                or last_top < n <= last_top + 3
                or (n > last_top and _numbering_resumes(cands, k, n))
            ):
                accepted.append(c)
                last_top, last_path, letters = n, parts, set()
        else:
            if parts[0] == last_top and parts > last_path:
                accepted.append(c)
                last_path = parts
            elif parts[0] == last_top + 1 and parts[1] == 1 and last_top > 0:
                accepted.append(c)
                last_top, last_path = parts[0], parts
    return accepted


def _numbering_resumes(cands: list[_Candidate], k: int, n: int) -> bool:
    """Whether heading ``k``, numbered ``n`` past a gap, starts a numbering the next headings
    go on with ("88. PLANNING" then "99. FINANCE", "100. STANDING ITEMS", a misprint the rest
    of the record follows, hertingfordbury-pc-2019-02-13.pdf)."""
    if not cands[k].is_heading:
        return False
    later = [
        parts[0]
        for c in cands[k + 1 : k + 40]
        if c.is_heading and (parts := _parts(c.number or "")) is not None and len(parts) == 1
    ]
    return later[:2] == [n + 1, n + 2]


def _all_in_introduced_lists(doc: Document, cands: list[_Candidate]) -> bool:
    """Whether every numbered candidate is an entry of a list a paragraph introduces
    ("Matters arising from the previous minutes :" over "1. Beautiful Fife Awards …",
    tayport-cc-2018-09-03.pdf): such a list is inside an item, and the record's items are
    set out some other way. A list under "Agenda:" is the agenda."""
    return bool(cands) and all(_introduced(doc, c.block) for c in cands)


def _introduced(doc: Document, b: Block) -> bool:
    if b.kind is not BlockKind.LIST_ITEM:
        return False
    k = doc.block_index_at(b.start)
    while k > 0 and doc.blocks[k].kind is BlockKind.LIST_ITEM:
        k -= 1
    intro = doc.blocks[k].text.strip()
    return (
        doc.blocks[k].kind is BlockKind.PARAGRAPH
        and intro.endswith(":")
        and AGENDA_LABEL.match(intro) is None
    )


def _is_child(parent: str | None, child: str | None) -> bool:
    """ "4" → "4.1", "24/038" → "24/038.1", "81" → "81a", "5" → "5-A"."""
    if not parent or not child or parent == child:
        return False
    parent = parent.removesuffix(".0")  # "4.0" → "4.1"
    return (
        child.startswith(parent) and CHILD_NUMBER_SUFFIX.fullmatch(child[len(parent) :]) is not None
    )


def _build_tree(doc: Document, cands: list[_Candidate]) -> list[AgendaItem]:
    flat: list[AgendaItem] = []
    starts = [c.block.start for c in cands]
    for k, c in enumerate(cands):
        b = c.block
        end = starts[k + 1] - 1 if k + 1 < len(cands) else len(doc.text)
        title, presenter = _split_presenter(c.title.rstrip(":").strip())
        flat.append(
            AgendaItem(
                number=c.number,
                title=title.rstrip(":").strip(),
                presenter=presenter,
                span=b.span,
                text_span=doc.span(b.start, max(end, b.end)),
                rule=f"agenda:{c.form}",
            )
        )
    roots: list[AgendaItem] = []
    stack: list[AgendaItem] = []
    for item in flat:
        while stack and not _is_child(stack[-1].number, item.number):
            stack.pop()
        if stack:
            stack[-1].children.append(item)
        else:
            roots.append(item)
        stack.append(item)
    for root in roots:
        _extend_to_children(root)
    return roots


def _extend_to_children(item: AgendaItem) -> int:
    """A parent's text runs to the end of its last child."""
    assert item.text_span is not None
    end = item.text_span.end
    for child in item.children:
        end = max(end, _extend_to_children(child))
    item.text_span = item.text_span.model_copy(update={"end": end})
    return end


def _numbered_record(doc: Document, cands: list[_Candidate]) -> list[AgendaItem]:
    """A record written as numbered paragraphs with no titles ("1- Having received accounts
    input from Dr. Iftikhar earlier in the week, details were discussed. …", "2- Since bank
    of America’s monthly fee …": appna-ok-ec-2018-01-09.docx): its paragraphs are its items
    when they run 1, 2, 3 … from near its top to near its end, each titled by its opening."""
    run = [c for c in cands if c.form == "decimal" and c.number and c.number.isdigit()]
    if len(run) < NUMBERED_RECORD_MIN or [int(c.number or 0) for c in run] != list(
        range(1, len(run) + 1)
    ):
        return []
    first, last = (doc.block_index_at(c.block.start) for c in (run[0], run[-1]))
    reach = max(len(doc.blocks) // 3, NUMBERED_RECORD_SLACK)
    if first > reach or last < len(doc.blocks) - 1 - reach:
        return []  # a numbered list inside the record, not the record
    titled = []
    for c in run:
        end = title_cut(c.title)
        titled.append(replace(c, title=c.title[:end].strip(" -–—:")))
    return _build_tree(doc, titled)


def _single_item(doc: Document) -> list[AgendaItem]:
    """ModernGov pages hold one item: its title stands before the "Minutes:" heading."""
    for i, b in enumerate(doc.blocks[:12]):
        if MINUTES_LABEL.fullmatch(b.text.strip()) and i > 0:
            for j in range(i - 1, -1, -1):
                t = doc.blocks[j].text.strip()
                if AGENDA_ITEM_LABEL.fullmatch(t) or t.lower().endswith("- agenda item"):
                    continue
                tb = doc.blocks[j]
                end = len(doc.text)
                title, presenter = _split_presenter(t)
                return [
                    AgendaItem(
                        number=None,
                        title=title,
                        presenter=presenter,
                        span=tb.span,
                        text_span=doc.span(tb.start, end),
                        rule="agenda:single_item",
                    )
                ]
    return []


def extract_agenda_items(doc: Document, meeting: Meeting, context: ExtractionContext) -> Meeting:
    cands: list[_Candidate] = []
    # Rows of an action table ("No | Item | Who | By") are tasks, not items of the agenda.
    tasks_tables = context.action_tables
    inline_run: list[tuple[int, ...]] = []  # the last decimal item number read so far
    items_in_tables = _items_in_tables(doc)
    in_actions_list = False
    for b in doc.blocks:
        # "Action List" / "1. Daniel - organise posters …": a list of tasks, not of items
        if b.kind is BlockKind.LIST_ITEM and in_actions_list:
            continue
        in_actions_list = is_actions_heading(b.text) and not is_review_heading(b.text)
        if attendance_heading(b.text) is not None and not b.text.lstrip()[:1].isdigit():
            continue  # an attendance list, unless numbered as an item ("2. ROLL CALL Present: …")
        if b.kind is BlockKind.TABLE_ROW and b.table in tasks_tables:
            continue
        for line in _numbered_lines(b, inline_run):
            c = _candidate(line, items_in_tables)
            if c is None:
                continue
            cands.append(c)
            parts = _parts(c.number or "") if c.form == "decimal" and not c.sentence else None
            if parts:
                inline_run[:] = [parts]  # a run in a later paragraph must go on from here
    accepted = _accept(_one_scheme(_titled(cands)))
    items = [] if _all_in_introduced_lists(doc, accepted) else _build_tree(doc, accepted)
    if len(items) < 2:
        items = (
            agenda_list(doc)
            or with_topic_bullets(doc, heading_outline(doc))
            or capitals_outline(doc)
            or runin_outline(doc)
            or items
        )
    if not items:
        items = _numbered_record(doc, cands) or _single_item(doc)
    return meeting.model_copy(update={"agenda_items": items})
