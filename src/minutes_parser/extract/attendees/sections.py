"""Attendance sections: from a heading (alone on its line, inline, or a table row) through the
entries that follow it, to the block that is no longer an entry."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...document import Block, BlockKind, Document
from ...formats import MARKED_UP_HEADINGS
from ...models import AttendanceStatus
from ...rules import ATTENDANCE_COLUMN_TITLES
from ...rules.attendance import (
    COUNT_SUFFIX,
    ENTRY_HEAD_END,
    FIRST_ENTRY_END,
    HEADING_ALONE_MAX,
    ITEM_NUMBER_CELL,
    ITEM_NUMBER_PREFIX,
    LIST_INTRO,
    LIST_INTRO_STATUS,
    LIST_NUMBER,
    MEMBER_COUNT,
    MID_ATTENDANCE,
    NUMBERED_ITEM,
    ORGANISATION_COLUMNS,
    PERSON_ITEM_HEAD_END,
)
from ...rules.text import WHITESPACE_RUN
from ..people import HANDLE, is_name_like, split_honorifics
from ..sections import attendance_heading, introduces_list, names_membership
from .entries import _NONE_WORDS, _Entry, _role_then_name, parse_entry
from .lists import _inline_sections, _split_inline, _split_list, _wraps_onto
from .tables import (
    _attendance_table_header,
    _entries_from_cells,
    _entries_from_table_row,
    _first_cell,
    _names_grid,
    _row_heading,
    column_title,
    names_person_column,
    people_grid,
)

_UNHEADED_WINDOW = 40
MID_ATTENDANCE_REACH = 2000
"""Characters from a paragraph's start within which an attendance heading is looked for."""


def _attendance_list_columns(b: Block) -> dict[int, AttendanceStatus]:
    """Columns of a header row titled as an attendance section ("Participants", "Present",
    "Apologies") beside other columns: each cell below lists people."""
    cells = [c.text.strip().rstrip(":") for c in b.cells or []]
    if len(cells) < 2 or _attendance_table_header(b) is not None:
        return {}
    if any(any(ch.isdigit() for ch in c) or "\n" in c or len(c) > 30 for c in cells):
        return {}  # "1 | Apologies | HP" is an item, not a row of column titles
    out: dict[int, AttendanceStatus] = {}
    for k, text in enumerate(cells):
        head = attendance_heading(text + ":") if text.lower() in ATTENDANCE_COLUMN_TITLES else None
        if head is not None and not head[2]:
            out[k] = head[0]
    return out if len(out) < len(cells) else {}


def _line_blocks(blocks: Sequence[Block]) -> list[Block]:
    """Paragraphs split at their line breaks: a web page or Markdown file often writes a
    whole header ("date / venue / MINUTES / Present - …") as one paragraph of ``<br>`` lines,
    and an attendance section starts at a line, not at a paragraph."""
    out: list[Block] = []
    for b in blocks:
        if b.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or "\n" not in b.text:
            out.append(b)
            continue
        offset = 0
        for line in b.text.split("\n"):
            if line.strip():
                start = b.start + offset
                out.append(
                    b.model_copy(update={"text": line, "start": start, "end": start + len(line)})
                )
            offset += len(line) + 1
    return out


def _unheaded_present_list(blocks: Sequence[Block]) -> Iterator[_Entry]:
    """A list of people with no heading of its own, right above the apologies or absent
    list ("- Tejas Guruswamy (Chair, Sysadmin, tg307)" … / "Apologies for Absence"): the
    people present, as the list after it says who was not."""
    for j, b in enumerate(blocks[:_UNHEADED_WINDOW]):
        head = attendance_heading(b.text) if b.kind is not BlockKind.TABLE_ROW else None
        if head is None:
            continue
        if head[0] not in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
            return  # the present list has a heading of its own
        items: list[Block] = []
        for nb in reversed(blocks[:j]):
            if nb.kind is not BlockKind.LIST_ITEM:
                break
            items.insert(0, nb)
        # "Charles Board", "Ross Church": real names can read as organisations, so most
        # items, not all, must read as people.
        if len(items) < 3 or 4 * sum(_person_item(nb) for nb in items) < 3 * len(items):
            return
        for nb in items:
            yield _Entry(nb.text, nb.start, nb.page, AttendanceStatus.PRESENT)
        return


def _one_person_item(text: str) -> bool:
    """ "James Belsey, Morgan Stanley", "Heather Miller (director), EPFL": a list item of one
    person, a comma then where they come from (a list puts one person to an item; several in
    one item are written with more commas or an "and")."""
    pieces = [p for p, _ in _split_list(text) if p.strip()]
    if len(pieces) != 2 or text.count(",") != 1 or ":" in text:
        return False
    first = parse_entry(pieces[0])
    return first is not None and len(str(first["name"]).split()) >= 2


def _person_item(b: Block) -> bool:
    lead = PERSON_ITEM_HEAD_END.split(b.text.strip())[0]
    return is_name_like(split_honorifics(lead)[1])


def _section_entries(doc: Document) -> Iterator[_Entry]:
    blocks = _line_blocks(doc.blocks)
    yield from _unheaded_present_list(blocks)
    i = 0
    after_section = False  # the block before ended an attendance section
    listed = False  # the record's list of who was present has been read
    moved_on = False  # … and a section of business has opened since
    while i < len(blocks):
        b = blocks[i]
        if b.kind is BlockKind.TABLE_ROW and b.cells:
            in_cells = list(_cell_sections(b))
            if in_cells:
                yield from in_cells
                i += 1
                continue
            row_status = _row_heading(b)
            if row_status is not None:
                status, role, rest_cells = row_status
                if rest_cells:
                    yield from _entries_from_cells(b, rest_cells, status, role)
                i += 1
                # Rows with an empty first cell continue the heading row's list.
                while i < len(blocks) and _first_cell(blocks[i]) == "":
                    nb = blocks[i]
                    yield from _entries_from_cells(
                        nb, list(range(1, len(nb.cells or []))), status, role
                    )
                    i += 1
                if not any(c.text.strip() for c in b.cells[1:]) and _column_titles(blocks, i):
                    # "PRESENT: |" / "Name | Organisation | Affilliation" / "Amanda Lertoria |
                    # Lloyds | CCA": a table of who attended under its own titles
                    # (not-lpc-2018-05-02.pdf), read a person a row.
                    columns_in_order = _role_then_organisation(blocks[i])
                    i += 1
                    while i < len(blocks) and _person_row(blocks[i]):
                        yield _row_entry(blocks[i], columns_in_order, status, role)
                        i += 1
                    continue
                # A heading alone in its row, then a grid of names laid out in columns:
                # "Present:" / "Jane Archer (JA) | Alan Caudwell (AC) | …" / "Apologies:" …
                # A row labelled like a field ("Copy To:") is the form's next field.
                while (
                    not any(c.text.strip() for c in b.cells[1:])
                    and _names_grid(blocks, i)
                    and not (_first_cell(blocks[i]) or "").endswith(":")
                ):
                    nb = blocks[i]
                    filled = [k for k, c in enumerate(nb.cells or []) if c.text.strip()]
                    yield from _entries_from_cells(nb, filled, status, role)
                    i += 1
                continue
            numbered = _numbered_row_list(b)
            if numbered is not None:
                # "2. | Apologies for Absence Charlotte Clark – Southwold, …": an item's
                # title run on into its list, beside the item's number.
                status, role, rest, at = numbered
                yield from _inline_sections(rest, at, b.page, status, role or None)
                i += 1
                continue
            first_row = i == 0 or blocks[i - 1].table != b.table
            list_columns = _attendance_list_columns(b) if first_row else {}
            if list_columns:
                # "Date | Participants | Content": a log table whose column lists who came.
                i += 1
                while (
                    i < len(blocks)
                    and blocks[i].kind is BlockKind.TABLE_ROW
                    and blocks[i].table == b.table
                ):
                    row = blocks[i]
                    for k, status in list_columns.items():
                        if row.cells and k < len(row.cells) and row.cells[k].text.strip():
                            c = row.cells[k]
                            text = c.text.replace("\n", " ")
                            yield from _inline_sections(text, c.start, row.page, status, None)
                    i += 1
                continue
            columns = _attendance_table_header(b)
            if columns is not None:
                i += 1
                while (
                    i < len(blocks)
                    and blocks[i].kind is BlockKind.TABLE_ROW
                    and (blocks[i].table == b.table)
                ):
                    yield from _entries_from_table_row(blocks[i], columns)
                    i += 1
                continue
        head = _heading_of(b, after_section)
        if head is None and b.kind is BlockKind.PARAGRAPH:
            yield from _mid_paragraph(b)
        if head is None and b.kind is BlockKind.HEADING and listed:
            moved_on = True  # a section of business since the list of who was present
        if head is not None and moved_on and names_membership(b.text):
            head = None  # "Committee members: …" elected, sections after the attendance list
        after_section = False
        if head is None or len(b.text) > 1500:
            i += 1
            continue
        after_section = True
        status, role, rest = head
        if rest:
            start = b.start + b.text.rfind(rest)
            end = start + len(rest)
            i += 1
            # A roll call wrapped onto the next lines ("… Daysog, Knox" / "White, Oddie, Vella
            # and" / "Mayor Ezzy Ashcraft – 5."): read the lines as one list.
            while (
                i < len(blocks)
                and end == blocks[i - 1].end
                and _wraps_onto(doc.text[start:end], blocks[i])
            ):
                end = blocks[i].end
                i += 1
            # Line breaks are one character, like the space they stand for: offsets hold.
            rest = doc.text[start:end].replace("\n", " ")
            yield from _inline_sections(rest, start, b.page, status, role or None)
            if rest.strip(" .;:").lower() in _NONE_WORDS:
                continue  # "Absent: None." says the list is over; what follows is not in it
            # An inline heading can still be followed by more lines of names.
        else:
            i += 1
        # A heading below the attendance heading ("## Attendees" / "### Committee Members")
        # groups its entries; one at its level or above ("*** Reminders") ends them.
        own_level = b.level if b.kind is BlockKind.HEADING and b.level is not None else 0
        order: list[int] = []  # the cells of a person's row, as its column titles give them
        first_below = i  # the first block under the heading
        while i < len(blocks):
            nb = blocks[i]
            marked = (
                nb.kind is BlockKind.HEADING
                and nb.level is not None
                and doc.format in MARKED_UP_HEADINGS
            )
            grouping = marked or (nb.kind is BlockKind.HEADING and _group_heading(b, nb))
            if grouping and own_level and nb.level is not None and nb.level > own_level:
                if attendance_heading(nb.text) is not None:
                    break
                i += 1
                continue
            if i == first_below and not rest and _introduces_list(blocks, i):
                # "## Attendees" / "People who attended:" / "- JC - Chair" / "- HA": a line
                # right under the heading introducing its list (hacman-board-2024-11-19.md)
                i += 1
                continue
            if attendance_heading(nb.text) is not None or marked or not _is_entry_block(nb):
                break
            if rest and b.kind is BlockKind.LIST_ITEM and nb.kind is BlockKind.HEADING:
                # "- Attendees: Dianne Trani, …", an entry of a list, ends with its list, not
                # in the next section's bold title ("Introductions, House-Keeping, and Reports
                # from Visitors", licton-springs-cc-2021-04-21.md); a heading's list may go on
                # over lines an OCR'd scan reads as headings ("Present: Cllr N Hackett" /
                # "Cllrs Howells, Mrs Kay and Ms McDonagh")
                break
            if (
                nb.kind is BlockKind.TABLE_ROW
                and nb.cells
                and (not nb.cells[0].text.strip() or people_grid(nb))
            ):
                # "ROLL CALL Present: Cynthia Silva, President" / "| Amber Bales, Board Member
                # Kathleen Kearney, …": a row indented under the heading goes on with its list;
                # "John Denton (JD) | Rob Everall (RE)": a grid of names, one to a cell.
                filled = [k for k, c in enumerate(nb.cells) if c.text.strip()]
                yield from _entries_from_cells(nb, filled, status, role)
            elif nb.kind is BlockKind.TABLE_ROW and nb.cells and _column_titles(blocks, i):
                order = _role_then_organisation(nb)  # "Name | Organisation | Affilliation"
            elif nb.kind is BlockKind.TABLE_ROW and nb.cells:
                yield _row_entry(nb, order or list(range(len(nb.cells))), status, role)
            else:
                # "3. maleck13 (44)": an ordered list's number is not part of the entry.
                number = LIST_NUMBER.match(nb.text) if nb.kind is BlockKind.LIST_ITEM else None
                cut = number.end() if number else 0
                if nb.kind is BlockKind.LIST_ITEM and _one_person_item(nb.text[cut:]):
                    yield _Entry(
                        nb.text[cut:], nb.start + cut, nb.page, status, section_role=role or None
                    )
                else:
                    yield from _split_inline(
                        nb.text[cut:], nb.start + cut, nb.page, status, role or None
                    )
            i += 1
        if status is AttendanceStatus.PRESENT:
            listed, moved_on = True, False


def _cell_sections(row: Block) -> Iterator[_Entry]:
    """An attendance section held in one cell of a layout table, its heading the cell's first
    line ("Attendees" / "Meeting facilitators" / "Lisa Priest, Community Member; …" /
    "Community Residents (self reported)" / "Ryan Drake, Justin Kader, …", the right-hand
    cell of cooper-playground-2023-11-28.pdf's title table). A short line naming no one
    titles the group below it; a line that is another attendance heading changes the status."""
    for cell in row.cells or []:
        lines = cell.text.split("\n")
        head = attendance_heading(lines[0].strip().rstrip(":") + ":") if len(lines) > 1 else None
        if head is None or head[2] or len(lines[0]) > HEADING_ALONE_MAX:
            continue
        status = head[0]
        at = cell.start + len(lines[0]) + 1
        for line in lines[1:]:
            text = line.strip()
            again = attendance_heading(text.rstrip(":") + ":") if text else None
            if again is not None and not again[2]:
                status = again[0]
            elif text and (
                any(sep in text for sep in ",;") or is_name_like(text) or len(text.split()) > 4
            ):
                yield from _split_inline(line, at, row.page, status, None)
            at += len(line) + 1


def _column_titles(blocks: Sequence[Block], i: int) -> bool:
    """Whether ``blocks[i]`` is the title row of a table of people ("Name | Organisation |
    Affilliation"): its first cell names the person's column."""
    row = blocks[i] if i < len(blocks) else None
    if row is None or row.kind is not BlockKind.TABLE_ROW or not row.cells:
        return False
    return len(row.cells) >= 2 and names_person_column(column_title(row.cells[0].text))


def _role_then_organisation(titles: Block) -> list[int]:
    """The cells of a person's row in the order an entry reads them: the name, the other
    columns, then the one titled for the organisation."""
    assert titles.cells is not None
    names = [column_title(c.text) for c in titles.cells]
    org = [k for k, n in enumerate(names) if n in ORGANISATION_COLUMNS][:1]
    return [0] + [k for k in range(1, len(names)) if k not in org] + org


def _row_entry(row: Block, order: list[int], status: AttendanceStatus, role: str) -> _Entry:
    """One person's row, its cells in ``order`` (the name first, the organisation last)."""
    assert row.cells is not None
    return _Entry(
        row.cells[0].text,
        row.cells[0].start,
        row.page,
        status,
        cells=[row.cells[k].text for k in order if k < len(row.cells)],
        section_role=role or None,
    )


def _person_row(b: Block) -> bool:
    """A row of such a table: a person in its first cell, not the next section's heading."""
    return (
        b.kind is BlockKind.TABLE_ROW
        and bool(b.cells)
        and bool(_first_cell(b) or "")
        and _row_heading(b) is None
    )


def _mid_paragraph(b: Block) -> Iterator[_Entry]:
    """Attendance lists a paragraph holds after its opening ("DRAFT MINUTES OF … AT 7.30 pm
    PRESENT (Six Councillors):- Tom Foy (TF), … In attendance: Councillor Brian Long (BL), …"),
    each read to the end of its list."""
    for m in MID_ATTENDANCE.finditer(b.text, 0, MID_ATTENDANCE_REACH):
        head = attendance_heading(b.text[m.start() :])
        if head is None or not head[2]:
            continue
        status, role, rest = head
        at = b.text.find(rest, m.start())
        yield from _inline_sections(rest, b.start + at, b.page, status, role or None)
        return


def _heading_of(b: Block, after_section: bool = False) -> tuple[AttendanceStatus, str, str] | None:
    """The attendance heading ``b`` opens; a heading block needs no colon ("Those present"),
    nor does a short label right after another attendance section ("Attendees" /
    "Committee Members" / "Pranav Ghai, …" / "Absent" / … / "Staff" / "Ami Beers, …")."""
    if b.kind is BlockKind.TABLE_ROW:
        return None
    head = attendance_heading(b.text)
    label = b.kind is BlockKind.HEADING or (after_section and b.kind is BlockKind.PARAGRAPH)
    if head is None and label and len(b.text) <= HEADING_ALONE_MAX:
        # "18.11.1 Apologies" / "A Armstrong EDC and M Armstrong": an item titled by the
        # heading, its list below it
        title = ITEM_NUMBER_PREFIX.sub("", b.text) if b.kind is BlockKind.HEADING else b.text
        head = attendance_heading(title.strip() + ":")
        if head is not None and head[2]:
            return None
    if head is None and b.kind is BlockKind.PARAGRAPH and (intro := LIST_INTRO.match(b.text)):
        # "Board members and officers physically present:" over its list
        words = WHITESPACE_RUN.sub(" ", intro.group("status").lower())
        return LIST_INTRO_STATUS[words], "", ""
    return head


def _group_heading(head: Block, nb: Block) -> bool:
    """Whether ``nb`` is a heading that groups the entries of the attendance section ``head``
    opened without a colon, in a format whose heading levels are read from the layout: "Those
    present" / "Eddington Residents’ Association (ERA)" / "Ian McMath, Chairman …"."""
    return (
        head.kind is BlockKind.HEADING
        and attendance_heading(head.text) is None
        and attendance_heading(nb.text) is None
    )


NAME_LIST_MIN = 3
"""Names a comma list needs to be read as one whatever its punctuation."""


def _introduces_list(blocks: Sequence[Block], i: int) -> bool:
    """A short line ending in a colon with a list right after it, naming no one."""
    b = blocks[i]
    return (
        b.kind is BlockKind.PARAGRAPH
        and introduces_list(b.text, HEADING_ALONE_MAX)
        and i + 1 < len(blocks)
        and blocks[i + 1].kind is BlockKind.LIST_ITEM
        and attendance_heading(b.text.strip()) is None
    )


def _is_entry_block(b: Block) -> bool:
    if b.kind is BlockKind.TABLE_ROW:
        return True
    text = b.text.strip()
    if not text or len(text) > 600:
        return False
    if len(text) > 250 and (text.endswith(".") or text.count(",") < 3):
        return False  # a long line is an entry only as a list of people ("A, Role, Org B, …")
    if b.kind is BlockKind.LIST_ITEM and b.level is not None and len(text.split()) <= 8:
        return True  # an entry of a marked-up list, numbered or not ("<ol><li>jmrodri (87)")
    if NUMBERED_ITEM.match(text) and not MEMBER_COUNT.match(text):
        return False  # a numbered agenda item ends the attendance section
    if b.kind is BlockKind.LIST_ITEM:
        return True
    text = COUNT_SUFFIX.sub("", text)  # "Schwartz and Chair Dieter – 5."
    pieces = [p.strip() for p, _ in _split_list(text.rstrip(".")) if p.strip()]
    if len(pieces) >= NAME_LIST_MIN and all(is_name_like(split_honorifics(p)[1]) for p in pieces):
        return True  # "Alan Ford, Doug Tinney, …, Jenny Shapcott." ends like a sentence
    if text.endswith(".") and len(text.split()) > 12:
        return False
    first = FIRST_ENTRY_END.split(pieces[0])[0].strip() if pieces else ""
    _, bare = split_honorifics(first)
    if is_name_like(bare) or _role_then_name(first) is not None:
        return True
    # A list of user handles ("alice, Bob Chen, gkowalski") under an explicit heading, each
    # maybe with a note ("duck, eche|on, Moru (later on), zzz", i2p-dev-2010-09-08.rst).
    heads = [ENTRY_HEAD_END.split(p)[0].strip() for p in pieces]
    return len(heads) >= 2 and all(
        HANDLE.match(h) or is_name_like(split_honorifics(h)[1]) for h in heads
    )


def _numbered_row_list(b: Block) -> tuple[AttendanceStatus, str, str, int] | None:
    cells = b.cells or []
    if len(cells) < 2 or not ITEM_NUMBER_CELL.fullmatch(cells[0].text.strip()):
        return None
    second = cells[1]
    head = attendance_heading(f"{cells[0].text.strip()} {second.text}")
    if head is None or not head[2]:
        return None
    status, role, rest = head
    at = second.text.rfind(rest)
    if at < 0:
        return None
    return status, role, rest, second.start + at
