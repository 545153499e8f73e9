"""Who attended: attendance sections and tables, inline lists, and people named in narrative.

Attendance sections open with a heading from ``rules.ATTENDANCE_HEADINGS`` ("Present:",
"Apologies:", "In attendance:" …), either alone on a line (the entries follow as table rows,
list items or short lines) or inline ("Present: Councillors A, B and C (Chair)"). Each entry is
split into name, role, organisation and substitute. Narrative forms ("G Watson, Partnership
Manager, was in attendance", "arrived at the start of this item") add people the lists miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..document import Block, BlockKind, Document, Span
from ..formats import MARKED_UP_HEADINGS
from ..models import AgendaItem, AttendanceStatus, Attendee, Meeting, Movement
from ..options import ParseOptions
from ..rules import (
    ATTENDANCE_HEADINGS,
    ATTENDANCE_NARRATIVE_OPENERS,
    BOT_HANDLES,
    CHAIR_ROLES,
    HONORIFICS,
    MEMBERSHIP_WORDS,
    MINUTE_TAKER_ROLES,
    NOT_NAMES,
    ORGANISATION_SEPARATORS,
    ROLE_HEADS,
    ROLE_WORDS,
    ROSTER_HEADINGS,
    SUBSTITUTE_PATTERNS,
    TITLES_BEFORE_SURNAME,
)
from .locate import item_at
from .people import HANDLE, PersonIndex, is_name_like, split_honorifics
from .sentences import sentence_spans

__all__ = ["attendance_heading", "extract_attendees", "parse_entry"]

_HEADINGS = sorted(ATTENDANCE_HEADINGS, key=lambda h: -len(h[0]))
_HEADING_RE = re.compile(
    # An agenda number may stand before it: "2. ROLL CALL", "1-A ROLL CALL".
    r"^\s*\**\s*(?P<num>\d{1,2}(?:[-.][A-Z\d]{1,2})?[.)]?\s+)?(?P<h>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in _HEADINGS)
    + r")\b\s*(?:\((?P<paren>[^)]*)\))?\s*(?P<sep>[:\-–—]|(?:(?:were|was|had\s+been)\s+)?"
    r"(?:received|noted|given|tendered|accepted|submitted)(?:\s+and\s+(?:accepted|noted|approved))?"
    r"\s+(?:from|for)|from)?\**\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_STATUS_BY_HEADING = dict(_HEADINGS)
#: A second section heading with its colon inside an inline list (the layout put two lines in
#: one: "… Palmer Absent: Chair Bellows").
_NEXT_SECTION = re.compile(
    r"\s+(?=(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in _HEADINGS) + r")\s*:)",
    re.IGNORECASE,
)
_SUBSTITUTE_RE = re.compile("|".join(SUBSTITUTE_PATTERNS), re.IGNORECASE)
#: "– until 8.05pm", "for item 5.3", "from TLC/24/05": when someone was there, not who.
_QUALIFIER = re.compile(
    r"\s*[-–—,]?\s*\b(?:for|from|until|till|to|during|left|arrived|joined|after|before|"
    r"present\s+for)\s+(?:the\s+)?(?:item|items|minute|min\.?|part|agenda|\d|[A-Z]{1,5}\s?\d|"
    r"[A-Z]{2,5}/).*$",
    re.IGNORECASE,
)
_NOTE_WORDS = frozenset(
    {
        "observing",
        "observer",
        "deputising",
        "substitute",
        "sub",
        "late",
        "part",
        "virtual",
        "remote",
        "online",
        "by phone",
        "via teams",
    }
)
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "to", "at", "in", "&", "on", "with"})
_BOT = re.compile(BOT_HANDLES, re.IGNORECASE)
_LIST_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")
_COUNT_SUFFIX = re.compile(r"\s*[–\-—]\s*\d+\s*\.?$")
_NONE_WORDS = {"none", "nil", "none.", "n/a", "no apologies", "none received", "nobody"}
_STATUS_CELLS: dict[str, AttendanceStatus] = {
    "present": AttendanceStatus.PRESENT,
    "attended": AttendanceStatus.PRESENT,
    "yes": AttendanceStatus.PRESENT,
    "y": AttendanceStatus.PRESENT,
    "apologies": AttendanceStatus.APOLOGIES,
    "apologies accepted": AttendanceStatus.APOLOGIES,
    "apologies received": AttendanceStatus.APOLOGIES,
    "apologies given": AttendanceStatus.APOLOGIES,
    "sent apologies": AttendanceStatus.APOLOGIES,
    "absent": AttendanceStatus.ABSENT,
    "absent without apologies": AttendanceStatus.ABSENT,
    "apologies not accepted": AttendanceStatus.APOLOGIES,
    "not present": AttendanceStatus.ABSENT,
    "no": AttendanceStatus.ABSENT,
    "in attendance": AttendanceStatus.IN_ATTENDANCE,
}
_HONORIFIC_WORDS = "|".join(
    sorted((re.escape(h).replace(r"\ ", r"\s+") for h in HONORIFICS), key=len, reverse=True)
)
_PERSON = (
    rf"(?:(?i:{_HONORIFIC_WORDS})\.?\s+)*"
    r"(?:[A-Z]\.?\s+){0,2}[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
    r"(?:\s+(?:[A-Z]\.?\s+)?(?:Mc|Mac|O')?[A-Z][a-zA-Z'’]+(?:-[A-Z][a-z]+)?){0,2}"
)


@dataclass
class _Entry:
    text: str
    start: int
    page: int
    status: AttendanceStatus
    cells: list[str] | None = None
    section_role: str | None = None


def attendance_heading(text: str) -> tuple[AttendanceStatus, str, str] | None:
    """``(status, heading, rest)`` when ``text`` opens an attendance section."""
    m = _HEADING_RE.match(text)
    if not m:
        return None
    heading = re.sub(r"\s+", " ", m.group("h").lower())
    rest = m.group("rest").strip()
    sep = m.group("sep")
    if heading == "roll call" and rest:
        inner = attendance_heading(rest)  # "ROLL CALL - Present: …", "ROLL CALL Present: …"
        if inner is not None:
            return inner
    if m.group("num") and not (sep and rest):
        return None  # "1. Apologies for absence": an agenda item's title, not the list
    # Bare words like "members" or "present" only head a section when a colon/dash follows
    # or they stand alone; "Members asked …" is narrative.
    if not sep and rest and heading not in ("apologies for absence",) and not _is_name_list(rest):
        return None
    if heading in (
        "minutes",
        "clerk",
        "staff",
        "members",
        "trustees",
        "directors",
        "attendance",
    ) and sep not in (":", "–", "-", "—"):
        return None
    if heading == "minutes" and not rest:
        return None
    if sep and sep[0].isalpha():
        # "Apologies were received from A and B. Cllr C was absent." – the list is the
        # first sentence only.
        rest = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", rest, maxsplit=1)[0].rstrip(".")
    status = AttendanceStatus(_STATUS_BY_HEADING[heading])
    if m.group("paren") and "apolog" in m.group("paren").lower():
        status = AttendanceStatus.APOLOGIES
    role = None
    if heading in ("clerk", "minutes", "minute taker"):
        role = heading.title()
    return status, role or "", rest


def _is_name_list(text: str) -> bool:
    """ "alice, Bob Chen, gkowalski": two or more names or user handles and nothing else."""
    pieces = [p.strip() for p in re.split(r",|\band\b", text) if p.strip()]
    return len(pieces) >= 2 and all(
        HANDLE.match(p) or is_name_like(split_honorifics(p)[1]) for p in pieces
    )


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


def _section_entries(doc: Document) -> Iterator[_Entry]:
    blocks = _line_blocks(doc.blocks)
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind is BlockKind.TABLE_ROW and b.cells:
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
                # A heading alone in its row, then a grid of names laid out in columns:
                # "Present:" / "Jane Archer (JA) | Alan Caudwell (AC) | …" / "Apologies:" …
                while not any(c.text.strip() for c in b.cells[1:]) and _names_grid(blocks, i):
                    nb = blocks[i]
                    filled = [k for k, c in enumerate(nb.cells or []) if c.text.strip()]
                    yield from _entries_from_cells(nb, filled, status, role)
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
        head = attendance_heading(b.text) if b.kind is not BlockKind.TABLE_ROW else None
        if head is None or len(b.text) > 1500:
            i += 1
            continue
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
        while i < len(blocks):
            nb = blocks[i]
            if (
                attendance_heading(nb.text) is not None
                or (
                    nb.kind is BlockKind.HEADING
                    and nb.level is not None
                    and doc.format in MARKED_UP_HEADINGS
                )
                or not _is_entry_block(nb)
            ):
                break  # a marked-up heading ("*** Reminders") opens the next section
            if nb.kind is BlockKind.TABLE_ROW and nb.cells:
                yield _Entry(
                    nb.cells[0].text,
                    nb.cells[0].start,
                    nb.page,
                    status,
                    cells=[c.text for c in nb.cells],
                    section_role=role or None,
                )
            else:
                # "3. maleck13 (44)": an ordered list's number is not part of the entry.
                number = _LIST_NUMBER.match(nb.text) if nb.kind is BlockKind.LIST_ITEM else None
                cut = number.end() if number else 0
                yield from _split_inline(
                    nb.text[cut:], nb.start + cut, nb.page, status, role or None
                )
            i += 1


_NAME_COLUMNS = ("name", "member", "governor", "trustee", "attendee", "councillor", "director")
_STATUS_COLUMNS = ("attendance", "status", "present", "attended", "apologies")


def _attendance_table_header(b: Block) -> dict[str, int] | None:
    """Column positions of a "Name | Role | Attendance" header row, if ``b`` is one."""
    assert b.cells is not None
    names = [c.text.strip().strip(":").lower() for c in b.cells]
    name_col = next((k for k, n in enumerate(names) if n in _NAME_COLUMNS), None)
    status_col = next((k for k, n in enumerate(names) if n in _STATUS_COLUMNS), None)
    if name_col is None or status_col is None:
        return None
    cols = {"name": name_col, "status": status_col}
    for k, n in enumerate(names):
        if k not in (name_col, status_col) and n:
            cols.setdefault("role", k)
    return cols


def _entries_from_table_row(b: Block, cols: dict[str, int]) -> Iterator[_Entry]:
    assert b.cells is not None
    cells = [c.text for c in b.cells]
    if cols["name"] >= len(cells) or not cells[cols["name"]].strip():
        return
    raw_status = cells[cols["status"]].strip().lower() if cols["status"] < len(cells) else ""
    status = _status_from_cell(raw_status) or AttendanceStatus.UNKNOWN
    name_cell = b.cells[cols["name"]]
    role = cells[cols["role"]] if "role" in cols and cols["role"] < len(cells) else None
    yield _Entry(
        name_cell.text,
        name_cell.start,
        b.page,
        status,
        cells=[name_cell.text, role] if role else None,
    )


def _status_from_cell(text: str) -> AttendanceStatus | None:
    """ "Present (left 7.40pm)" → present; "Apologies not accepted" → apologies."""
    text = re.sub(r"\s*\(.*$", "", text.strip().lower()).rstrip(".")
    if text in _STATUS_CELLS:
        return _STATUS_CELLS[text]
    for word, status in _STATUS_CELLS.items():
        if len(word) > 2 and text.startswith(word):
            return status
    if text.startswith("apolog"):
        return AttendanceStatus.APOLOGIES
    return None


def _first_cell(b: Block) -> str | None:
    """The first cell's text of a table row (``None`` for other blocks)."""
    return b.cells[0].text if b.cells else None


def _row_heading(b: Block) -> tuple[AttendanceStatus, str, list[int]] | None:
    """A table row whose first cell is an attendance heading ("Present | A, B, C")."""
    assert b.cells is not None
    head = attendance_heading(b.cells[0].text.rstrip(":") + ":")
    if head is None or len(b.cells[0].text) > 40:
        return None
    status, role, _ = head
    return status, role, list(range(1, len(b.cells)))


def _names_grid(blocks: Sequence[Block], i: int) -> bool:
    """Whether ``blocks[i]`` is a table row of names only, one person per cell."""
    row = blocks[i] if i < len(blocks) else None
    if row is None or row.kind is not BlockKind.TABLE_ROW or not row.cells:
        return False
    cells = [c.text.strip() for c in row.cells if c.text.strip()]
    if not cells or _row_heading(row) is not None:
        return False
    entries = [parse_entry(c) for c in cells]
    return all(e is not None and is_name_like(str(e["name"])) for e in entries)


def _entries_from_cells(
    b: Block, idx: list[int], status: AttendanceStatus, role: str
) -> Iterator[_Entry]:
    assert b.cells is not None
    for k in idx:
        c = b.cells[k]
        yield from _split_inline(c.text, c.start, b.page, status, role or None)


def _is_entry_block(b: Block) -> bool:
    if b.kind is BlockKind.TABLE_ROW:
        return True
    text = b.text.strip()
    if not text or len(text) > 250:
        return False
    if b.kind is BlockKind.LIST_ITEM and b.level is not None and len(text.split()) <= 8:
        return True  # an entry of a marked-up list, numbered or not ("<ol><li>jmrodri (87)")
    if re.match(r"^\d{1,3}(?:\.\d+)*[.)]?\s+\S", text) and not re.match(r"^\d+\s*members?", text):
        return False  # a numbered agenda item ends the attendance section
    if b.kind is BlockKind.LIST_ITEM:
        return True
    if text.endswith(".") and len(text.split()) > 12:
        return False
    text = _COUNT_SUFFIX.sub("", text)  # "Schwartz and Chair Dieter – 5."
    pieces = [p.strip() for p, _ in _split_list(text) if p.strip()]
    first = re.split(r"[(–\-]", pieces[0])[0].strip() if pieces else ""
    _, bare = split_honorifics(first)
    if is_name_like(bare) or _role_then_name(first) is not None:
        return True
    # A list of user handles ("alice, Bob Chen, gkowalski") under an explicit heading.
    return len(pieces) >= 2 and all(
        HANDLE.match(p) or is_name_like(split_honorifics(p)[1]) for p in pieces
    )


def _is_handle(text: str) -> bool:
    t = text.strip()
    return (
        bool(HANDLE.match(t))
        and t not in ROLE_WORDS
        and t not in NOT_NAMES
        and (t not in MINUTE_TAKER_ROLES)
    )


def _role_then_name(text: str) -> tuple[str, str] | None:
    """ "City Manager Laura Kessler" → ("City Manager", "Laura Kessler"); a surname alone after
    an office ("Chair Dieter", "Mayor/Chair Ashcraft"; rules.TITLES_BEFORE_SURNAME) too."""
    tokens = text.split()
    if len(tokens) in (2, 3) and tokens[-1].lower().strip(".") not in ROLE_WORDS:
        title = " ".join(tokens[:-1])
        offices = title.lower().strip(".").split("/")
        if all(o in TITLES_BEFORE_SURNAME or o in HONORIFICS for o in offices) and is_name_like(
            tokens[-1]
        ):
            return title, tokens[-1]
    for k in range(1, len(tokens) - 1):
        if tokens[k - 1].lower() in _FUNCTION_WORDS:
            continue  # "Director of | Corporate Affairs" is one title
        if tokens[k].lower() in ROLE_WORDS:
            continue  # "City | Staff Jackie Krause": the title goes on
        role, name = " ".join(tokens[:k]), " ".join(tokens[k:])
        if _is_role_like(role) and is_name_like(split_honorifics(name)[1]):
            return role, split_honorifics(name)[1]
    return None


def _inline_sections(
    text: str, start: int, page: int, status: AttendanceStatus, role: str | None
) -> Iterator[_Entry]:
    """The entries of an inline list, which may run into the next section on the same line:
    "Present: Commissioners Miley, Soules, Palmer Absent: Chair Bellows"."""
    while True:
        cut = _NEXT_SECTION.search(text)
        head = attendance_heading(text[cut.end() :]) if cut else None
        if cut is None or head is None or not head[2]:
            yield from _split_inline(text, start, page, status, role)
            return
        yield from _split_inline(text[: cut.start()], start, page, status, role)
        status, role, rest = head[0], head[1] or None, head[2]
        at = text.rfind(rest)
        start, text = start + at, text[at:]


def _wraps_onto(text: str, nb: Block) -> bool:
    """Whether the inline list ``text`` goes on in the next block ``nb``: one ends or the
    other starts with "and", or it is a comma list whose last word and ``nb``'s first are
    halves of one name."""
    if nb.kind is BlockKind.TABLE_ROW or attendance_heading(nb.text) is not None:
        return False
    if re.search(r"(?:\band|&)\s*$", text) or re.match(r"(?:and|&)\s", nb.text):
        return True
    if "," not in text:
        return False
    last = text.rsplit(",", 1)[1].split()
    first = re.split(r",|\s+and\s", nb.text, maxsplit=1)[0].split()
    return (
        len(last) == 1
        and len(first) == 1
        and "," in nb.text
        and last[0][:1].isupper()
        and first[0][:1].isupper()
        and last[0].lower() not in ROLE_WORDS
        and first[0].lower() not in ROLE_WORDS
    )


def _before_narrative(text: str) -> str:
    """The list of people, without a sentence of narrative after it in the same paragraph."""
    for s, _ in sentence_spans(text)[1:]:
        opener = text[s:].split(maxsplit=1)[0].lower().strip(",;:")
        if opener in ATTENDANCE_NARRATIVE_OPENERS:
            return text[:s]
    return text


def _split_inline(
    text: str, start: int, page: int, status: AttendanceStatus, role: str | None
) -> Iterator[_Entry]:
    """Split "Councillors A Baker (Chair), C Davies and E Evans" into one entry per person."""
    body = _COUNT_SUFFIX.sub("", _before_narrative(text)).rstrip(" .;")
    if body.strip().lower() in _NONE_WORDS or not body.strip():
        return
    group_hon = ""
    group = (
        r"(?:Councillors|Cllrs|Councilmembers|Commissioners|Trustees|Governors|Directors|"
        r"Board\s*members|Members)"
    )
    m = re.match(
        rf"^\s*({group}(?:/{group})*\s*:?)\s+",  # "Councilmembers/Commissioners Daysog, …"
        body,
        re.IGNORECASE,
    )
    if m:
        group_hon = m.group(1)
    pieces = _split_list(body)
    merged: list[tuple[str, int]] = []
    has_role: list[bool] = []  # the entry so far already carries a role
    dash_role: list[bool] = []  # … written "Name – Role"
    entry_hon: list[bool] = []  # … opened with an honorific ("Mr Neil Sandford")
    for piece, off in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        hon, bare = split_honorifics(stripped)
        lead = re.split(r"\s*[(\[]", bare)[0]
        is_person = (
            _starts_person(stripped)
            or _role_then_name(lead) is not None
            or (_is_handle(lead) and len(pieces) > 1)
        )
        if merged and not is_person and _is_role_like(lead):
            prev, poff = merged[-1]
            merged[-1] = (f"{prev}, {stripped}", poff)
            has_role[-1] = True
            continue
        if (
            merged
            and has_role[-1]
            and not hon
            and "(" not in stripped
            and _role_then_name(lead) is None
            and ((entry_hon[-1] and not group_hon) or dash_role[-1])
        ):
            # "Mr Neil Sandford, Chief Officer, Healthwatch": the organisation. People in such
            # a list carry an honorific or a bracketed role of their own.
            prev, poff = merged[-1]
            merged[-1] = (f"{prev}, {stripped}", poff)
            continue
        merged.append((stripped, off))
        entry_hon.append(bool(hon))
        dash_role.append(bool(re.search(r"\s[–—-]\s", stripped)))
        has_role.append(dash_role[-1])
    for piece, off in merged:
        at = start + off + len(text[off:]) - len(text[off:].lstrip())
        if group_hon and piece.startswith(group_hon):
            # "Councillors A Baker": the entry, and so its span, starts at the name.
            rest = piece[len(group_hon) :]
            at += len(group_hon) + len(rest) - len(rest.lstrip())
            piece = rest.strip()
        yield _Entry(piece, at, page, status, section_role=role)


def _split_list(body: str) -> list[tuple[str, int]]:
    """Split on commas, semicolons and a final "and", never inside brackets."""
    out: list[tuple[str, int]] = []
    depth = 0
    cur_start = 0
    i = 0
    while i < len(body):
        ch = body[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;\n":
            out.append((body[cur_start:i], cur_start))
            cur_start = i + 1
        elif depth == 0 and body.startswith(" and ", i) and not _and_inside_org(body, i):
            out.append((body[cur_start:i], cur_start))
            cur_start = i + 5
            i += 4
        elif depth == 0 and body.startswith(" & ", i) and not _and_inside_org(body, i):
            out.append((body[cur_start:i], cur_start))
            cur_start = i + 3
            i += 2
        i += 1
    out.append((body[cur_start:], cur_start))
    return out


def _and_inside_org(body: str, i: int) -> bool:
    """ "Head of Finance and Resources" keeps its "and"; "A Baker and C Davies" splits."""
    before = body[:i].split(",")[-1].split()
    after = body[i + 5 :].split(",")[0].split()
    if not before or not after:
        return False
    after_chunk = body[i + 5 :].split(",")[0].strip()
    if _role_then_name(after_chunk) is not None or _starts_person(after_chunk):
        return False
    last = before[-1].lower().strip("()")
    nxt = after[0].lower().strip("()")
    if last in ROLE_WORDS or (nxt in ROLE_WORDS and nxt not in HONORIFICS):
        return True
    # "Amy Wooldridge, Recreation and Park Director": one word opening a piece, then a title
    # ending in a role head, is a compound title ("Planning and Building Director").
    return (
        len(before) == 1
        and before[0][:1].isupper()
        and nxt not in HONORIFICS
        and nxt != "the"
        and after[-1].lower().strip(".") in ROLE_HEADS
    )


def _starts_person(text: str) -> bool:
    hon, bare = split_honorifics(text)
    if hon:
        return True
    lead = re.split(r"\s*[(\[–\-—]", bare)[0].strip()
    return is_name_like(lead) and not _is_role_like(lead)


def _is_role_like(text: str) -> bool:
    """A job title or role: lower-case start, or a role head noun ("Manager", "Chair");
    "Mayor/Chair" (one person holding two offices) too."""
    words = [w.lower().strip(".,()") for w in re.split(r"[\s/]+", text) if w]
    if not words:
        return False
    if text[:1].islower():
        return True
    if any(w in ROLE_HEADS for w in words):
        return True
    return sum(1 for w in words if w in ROLE_WORDS) > len(words) // 2


def parse_entry(text: str, *, allow_handles: bool = False) -> dict[str, str | bool | None] | None:
    """Split one attendance entry into name, role, organisation, represents and flags."""
    text = re.sub(r"\s+", " ", text).strip(" .;:*")
    if text.count("(") > text.count(")"):
        text += ")"  # "Christina McDough (CM": the bracket lost at a cell's edge
    if not text or text.lower() in _NONE_WORDS:
        return None
    represents = None
    sub = _SUBSTITUTE_RE.search(text)
    if sub:
        after = text[sub.end() :]
        rep_m = re.match(rf"^({_PERSON})", after)
        if rep_m:
            represents = split_honorifics(rep_m.group(1).strip())[1]
            text = (text[: sub.start()] + after[rep_m.end() :]).strip()
    role_parts: list[str] = []
    org = None
    aliases: list[str] = []
    # "John O'Neill (Chair) Greenheart Partnership Board": words after a bracket that follows
    # the name are the organisation the person comes from, not more of the name.
    after_bracket = None
    trailing = re.match(r"^([^()]+?)\s*(\([^)]*\))\s+([A-Z][^()]*)$", text)
    if trailing and _starts_person(trailing.group(1)):
        after_bracket = trailing.group(3).strip(" ,;–—-")
        text = f"{trailing.group(1)} {trailing.group(2)}"
    # Bracketed parts: initials, roles, organisations.
    for br in re.findall(r"\(([^)]*)\)", text):
        inner = br.strip()
        sub_in = re.match(
            r"^(?:substitute|sub|deputising|representing|for)\s+(?:for\s+)?(.+)$",
            inner,
            re.IGNORECASE,
        )
        if sub_in:
            represents = represents or split_honorifics(sub_in.group(1))[1]
        elif (
            _QUALIFIER.match(" " + inner)
            or inner.lower() in _NOTE_WORDS
            or inner.isdigit()  # "jmrodri (87)": lines said, from a meeting bot
        ):
            continue  # "(from TB23/104)", "(observing)": when or how, not who
        elif re.match(r"^[A-Z]{2,4}$", inner):
            aliases.append(inner)
        elif _is_role_like(inner) or inner.lower() in CHAIR_ROLES | MINUTE_TAKER_ROLES:
            role_parts.append(inner)
        elif inner:
            org = inner
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,;–—-")
    text = _QUALIFIER.sub("", text).strip(" ,;–—-")
    name_part, _, tail = _split_name_tail(text)
    hon, name = split_honorifics(name_part)
    name = name.strip(" ,")
    if not name or not re.search(r"[A-Za-z]", name) or _BOT.match(name):
        return None
    if not is_name_like(name) and not (hon and re.match(r"^[A-Z][\w'’-]+$", name)):
        split = _role_then_name(name_part)
        if split is not None:
            role_parts.insert(0, split[0])
            name = split[1]
        elif allow_handles and HANDLE.match(name):
            pass
        else:
            return None
    if tail:
        trole, torg = _split_role_org(tail)
        if trole:
            role_parts.insert(0, trole)
        org = org or torg
    if after_bracket:
        if org is None:
            org = after_bracket
        elif not role_parts:
            role_parts.append(after_bracket)
    role = ", ".join(role_parts) or None
    low_roles = {r.lower() for r in role_parts}
    return {
        "name": name,
        "role": role,
        "organisation": org,
        "represents": represents,
        "is_chair": bool(low_roles & CHAIR_ROLES) or "(chair" in text.lower(),
        "is_minute_taker": bool(low_roles & MINUTE_TAKER_ROLES),
        "alias": aliases[0] if aliases else None,
    }


def _split_name_tail(text: str) -> tuple[str, str, str]:
    """ "Steve Ashley – Chair" → name, dash, role; "Peter Lowe, Chair" → name, comma, role."""
    m = re.match(r"^(.*?)\s+[–—-]\s+(.*)$", text)
    if m and _starts_person(m.group(1)):
        return m.group(1), "-", m.group(2)
    if "," in text:
        head, tail = text.split(",", 1)
        return head, ",", tail.strip()
    return text, "", ""


def _split_role_org(tail: str) -> tuple[str | None, str | None]:
    tail = tail.strip(" ,–-")
    if not tail:
        return None, None
    dash = re.split(r"\s+[–—-]\s+", tail, maxsplit=1)
    if len(dash) == 2 and _is_role_like(dash[0]):
        return dash[0].strip(), dash[1].strip()
    if "," in tail:
        role, org = tail.split(",", 1)
        return role.strip(), org.strip() or None
    for sep in ORGANISATION_SEPARATORS:
        if sep in tail:
            role, org = tail.split(sep, 1)
            if _is_role_like(role):
                return role.strip(), org.strip()
    return tail, None


def _attendee_from_entry(e: _Entry, doc: Document) -> tuple[Attendee, str | None] | None:
    cells = e.cells
    status = e.status
    first = cells[0] if cells else e.text
    parsed = parse_entry(first, allow_handles=True)
    if parsed is None:
        return None
    role = parsed["role"]
    org = parsed["organisation"]
    if cells and len(cells) > 1:
        rest = [c.strip() for c in cells[1:] if c.strip()]
        for c in list(rest):
            st = _status_from_cell(c)
            if st is not None:
                status = st
                rest.remove(c)
        membership = role if isinstance(role, str) and role.lower() in MEMBERSHIP_WORDS else None
        if rest:
            trole, torg = _split_role_org(rest[0]) if len(rest) == 1 else (rest[0], rest[1])
            role, org = trole, torg
            if membership and membership.lower() in CHAIR_ROLES:
                parsed["is_chair"] = True
            if membership and membership.lower() in MINUTE_TAKER_ROLES:
                parsed["is_minute_taker"] = True
    if e.section_role and not role:
        role = e.section_role
        parsed["is_minute_taker"] = e.section_role.lower() in MINUTE_TAKER_ROLES
    name = str(parsed["name"])
    written_end = e.start + len(first.strip())
    attendee = Attendee(
        name=name,
        name_as_written=first.strip(),
        status=status,
        role=str(role) if role else None,
        organisation=str(org) if org else None,
        represents=str(parsed["represents"]) if parsed["represents"] else None,
        is_chair=bool(parsed["is_chair"]),
        is_minute_taker=bool(parsed["is_minute_taker"]),
        span=Span(page=e.page, start=e.start, end=min(written_end, len(doc.text))),
        rule="attendance_section" if not cells else "attendance_table",
    )
    alias = parsed.get("alias")
    return attendee, str(alias) if alias else None


_NARRATIVE_CUES = re.compile(
    r"attendance|accompanied|attended|addressed|spoke\s+to|presented\s+to|absent|present\b|"
    r":\s*here\b",
    re.IGNORECASE,
)
_MOVEMENT_CUES = re.compile(r"arrived|joined|left|departed|withdrew", re.IGNORECASE)

# Narrative forms, each with an id: (id, cue, pattern, status). The cue is a word the pattern
# needs; the patterns open with a name, so searching for them where the cue is missing is waste.
_NARRATIVE: Sequence[tuple[str, re.Pattern[str], re.Pattern[str], AttendanceStatus]] = (
    (
        "was_in_attendance",
        re.compile(r"in\s+attendance"),
        re.compile(
            rf"(?P<name>{_PERSON}),\s+(?P<role>[^.;]{{3,140}}?),?\s+(?:was|were)\s+in\s+attendance"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "accompanied_by",
        re.compile(r"accompanied"),
        re.compile(
            r"accompanied\s+by\s+(?:the\s+)?(?P<list>[^.;]{3,300}?)(?=,?\s+to\s+\w+|\.|;|$)"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "role_name_attended",
        re.compile(r"attended"),
        re.compile(rf"(?:The\s+)?(?P<role>[A-Z][^,.;]{{3,120}}),\s+(?P<name>{_PERSON})\s+attended"),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "name_attended_to_present",
        re.compile(r"attended"),
        re.compile(
            rf"(?P<name>{_PERSON})(?:,\s+(?P<role>[^,.;]{{3,120}}))?,?\s+attended\s+the\s+meeting\s+to\s+present"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        "addressed_the_meeting",
        re.compile(r"addressed|spoke|presented|attended"),
        re.compile(
            rf"(?P<name>{_PERSON}),\s+(?P<role>[^.;]{{3,140}}?),\s+(?:addressed|spoke\s+to|"
            r"presented\s+to|attended)\s+the\s+(?:Committee|Board|meeting|Council|Panel|"
            r"Commission|Trustees|Governors)"
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        # A roll call in a verbatim transcript: "Beth Kenny: Present.", "Jenny Linton: Here."
        "answered_roll_call",
        re.compile(r":\s*(?:present|here)\b", re.IGNORECASE),
        re.compile(rf"^(?P<name>{_PERSON}):\s*(?i:present|here)\s*\.?\s*$"),
        AttendanceStatus.PRESENT,
    ),
    (
        "was_absent",
        re.compile(r"absent"),
        re.compile(rf"(?P<name>{_PERSON})\s+(?:was|were)\s+absent\b"),
        AttendanceStatus.ABSENT,
    ),
    (
        "wasnt_in_attendance",
        re.compile(r"attendance|present"),
        re.compile(
            rf"(?P<name>{_PERSON})(?:,\s+(?P<role>[^,.;]{{3,80}}))?,\s+(?:wasn't|was\s+not|were\s+not)\s+(?:in\s+attendance|present)"
        ),
        AttendanceStatus.ABSENT,
    ),
)
_ARRIVED = re.compile(
    rf"(?P<name>{_PERSON})\s+(?:arrived|joined)\b(?P<tail>(?:[^.;]|\.(?=\d)){{0,120}})"
)
_LEFT = re.compile(
    rf"(?P<name>{_PERSON})\s*(?:\(\s*who\s+had\s+)?(?:left|departed|withdrew\s+from)\s+the\s+meeting(?P<tail>(?:[^.;]|\.(?=\d)){{0,120}})"
)


def _narrative_people(
    doc: Document,
) -> Iterator[tuple[str, str | None, AttendanceStatus, Span, str]]:
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE_ROW:
            continue
        if not _NARRATIVE_CUES.search(b.text):
            continue  # the patterns below are costly; most paragraphs have none of their cues
        for rule_id, cue, rx, status in _NARRATIVE:
            if not cue.search(b.text):
                continue
            for m in rx.finditer(b.text):
                if "list" in rx.groupindex:
                    for name, role, off in _people_in_list(m.group("list")):
                        s = b.start + m.start("list") + off
                        yield name, role, status, doc.span(s, s + len(name)), rule_id
                    continue
                name = m.group("name")
                role = m.groupdict().get("role")
                s = b.start + m.start("name")
                yield name, role, status, doc.span(s, s + len(name)), rule_id


def _people_in_list(text: str) -> Iterator[tuple[str, str | None, int]]:
    """ "the District Commander, Chief Superintendent Steve Chapman and Sue Cassin, Chief Nurse"."""
    pending_role: str | None = None
    found: list[tuple[str, str | None, int]] = []
    for piece, off in _split_list(text):
        p = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        if not p:
            continue
        m = re.match(rf"^(?:the\s+)?({_PERSON})$", p)
        if m and not _is_role_like(split_honorifics(m.group(1))[1]):
            found.append((m.group(1), pending_role, off + lead + m.start(1)))
            pending_role = None
        elif found and found[-1][1] is None and not pending_role:
            name, _, at = found[-1]
            found[-1] = (name, p, at)  # "Sue Cassin, Chief Nurse": the role follows the name
        else:
            pending_role = p
    yield from found


def extract_attendees(doc: Document, meeting: Meeting, options: ParseOptions) -> Meeting:
    """Attendance sections and tables first, then people the narrative names."""
    attendees: list[Attendee] = []
    aliases: dict[str, str] = {}
    for entry in _section_entries(doc):
        got = _attendee_from_entry(entry, doc)
        if got is None:
            continue
        att, alias = got
        if alias:
            aliases[alias] = att.name
        _add_or_merge(attendees, att)
    if attendees and not any(a.status is AttendanceStatus.PRESENT for a in attendees):
        # Where no "Present" list exists, the "In attendance" list is the attendance.
        for a in attendees:
            if a.status is AttendanceStatus.IN_ATTENDANCE:
                a.status = AttendanceStatus.PRESENT
    index = PersonIndex(attendees, aliases)
    for name, role, status, span, rule_id in _narrative_people(doc):
        bare = split_honorifics(name)[1]
        ref = index.resolve(name)
        if ref.resolved and not ref.is_group:
            existing = next(a for a in attendees if a.name == ref.name)
            if span not in existing.mentions:
                existing.mentions.append(span)
            continue
        if not is_name_like(bare):
            continue
        r, org = _split_role_org(role) if role else (None, None)
        if r and not _is_role_like(r.split(",")[0]):
            r, org = None, None
        att = Attendee(
            name=bare,
            name_as_written=name,
            status=status,
            role=r,
            organisation=org,
            span=span,
            rule=f"narrative:{rule_id}",
        )
        attendees.append(att)
        index = PersonIndex(attendees, aliases)
    _add_movements(doc, attendees, index, meeting.agenda_items)
    _complete_first_names(attendees, roster_names(doc))
    meeting = meeting.model_copy(update={"attendees": attendees})
    if not attendees and meeting.kind.value == "minutes":
        meeting.warn("no_attendees", "no attendee list or named attendee found")
    return meeting


def _add_or_merge(attendees: list[Attendee], att: Attendee) -> None:
    for a in attendees:
        if a.name.lower() == att.name.lower():
            a.mentions.append(att.span)
            return
    attendees.append(att)


def _add_movements(
    doc: Document, attendees: list[Attendee], index: PersonIndex, items: Sequence[AgendaItem]
) -> None:
    for b in doc.blocks:
        if not _MOVEMENT_CUES.search(b.text):
            continue
        for rx, event in ((_ARRIVED, "arrived"), (_LEFT, "left")):
            for m in rx.finditer(b.text):
                ref = index.resolve(m.group("name"))
                span = doc.span(b.start + m.start(), b.start + m.end())
                if not ref.resolved or ref.is_group:
                    _, bare = split_honorifics(m.group("name"))
                    if (
                        event != "arrived"
                        or not is_name_like(bare)
                        or not split_honorifics(m.group("name"))[0]
                    ):
                        continue
                    # Someone who arrived attended, even if no list named them.
                    new = Attendee(
                        name=bare,
                        name_as_written=m.group("name"),
                        status=AttendanceStatus.PRESENT,
                        span=span,
                        rule="narrative:arrived",
                    )
                    attendees.append(new)
                    target = new
                else:
                    target = next(a for a in attendees if a.name == ref.name)
                times = re.search(r"\b(\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?)", m.group("tail"))
                target.movements.append(
                    Movement(
                        event=event,
                        span=span,
                        time=times.group(1) if times else None,
                        agenda_item=item_at(items, span.start),
                    )
                )


_ROSTER_RE = re.compile(
    r"^\s*(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in ROSTER_HEADINGS)
    + r")\s*[:\-–—]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)


def roster_names(doc: Document) -> list[str]:
    """Full names from membership lists ("Team: Sofia Marchetti (PM), Ravi Chandran …")."""
    names: list[str] = []
    for b in doc.blocks:
        m = _ROSTER_RE.match(b.text)
        if not m:
            continue
        for entry in _split_inline(m.group("rest"), 0, b.page, AttendanceStatus.UNKNOWN, None):
            parsed = parse_entry(entry.text)
            if parsed is not None and " " in str(parsed["name"]):
                names.append(str(parsed["name"]))
    return names


def _complete_first_names(attendees: Sequence[Attendee], known: Sequence[str]) -> None:
    """ "Sofia" → "Sofia Marchetti" when exactly one known full name starts with it."""
    by_first: dict[str, set[str]] = {}
    for full in {*known, *(a.name for a in attendees if " " in a.name)}:
        by_first.setdefault(full.split()[0].lower(), set()).add(full)
    for a in attendees:
        if " " not in a.name:
            fulls = by_first.get(a.name.lower(), set())
            if len(fulls) == 1:
                a.name = next(iter(fulls))


def resolve_short_names(meetings: Sequence[Meeting], doc: Document) -> None:
    """Give attendees listed by first name only ("Sofia") the full name the document states
    elsewhere (a team roster, or another meeting's list), when exactly one person fits."""
    known = set(roster_names(doc))
    for m in meetings:
        known.update(a.name for a in m.attendees if " " in a.name)
    for m in meetings:
        _complete_first_names(m.attendees, sorted(known))
