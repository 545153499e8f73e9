"""Section headings more than one extractor reads: an attendance section (with the status its
entries get), a list of this meeting's actions, and a review of earlier ones. Defined once so
meeting splitting, metadata, the agenda outline, the attendance readers, the action markers
and the review readers agree on what opens each section; the headings themselves are
``rules.ATTENDANCE_HEADINGS`` and ``rules.ACTIONS_SECTION_HEADINGS``."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..document import Block, BlockKind, Cell, Document
from ..models import AttendanceStatus
from ..rules import ACTION_COLUMNS
from ..rules.actions import HEADERLESS_OWNER_CELL, HEADERLESS_OWNER_SHARE, HEADERLESS_ROWS_MIN
from ..rules.attendance import (
    ATTENDANCE_HEADING,
    ENTRY_HEAD_END,
    HEADING_OF,
    HEADINGS_LONGEST_FIRST,
    INCLUSIVE_LABEL,
    INCLUSIVE_MARKS,
    LEADING_LABEL,
    MEMBER_GROUP_WORDS,
    MEMBERSHIP_HEADINGS,
    MISSPELT_HEADING_MIN,
    NOT_ATTENDANCE_QUALIFIERS,
    RECORD_TITLE_HEADINGS,
    SEPARATOR_ONLY_HEADINGS,
    WHEN_VERB,
)
from ..rules.people import NAME_LIST_SEPARATOR
from ..rules.sections import (
    ACTIONS_HEADING,
    LIST_INTRO_LONGEST,
    MEETING_WORD,
    PREVIOUS_ACTIONS,
    REVIEWED,
)
from ..rules.text import OCR_CONFUSIONS, WHITESPACE_RUN
from .people import HANDLE, is_name_like, split_honorifics
from .sentences import sentence_spans

__all__ = [
    "HEADERLESS_COLUMNS",
    "action_table_columns",
    "action_tables",
    "actions_heading_owner",
    "attendance_heading",
    "headerless_action_table",
    "is_actions_heading",
    "is_review_heading",
    "names_membership",
]

_COLUMN_OF = {name.lower(): col for col, names in ACTION_COLUMNS.items() for name in names}
#: Lower-casing can change a string's length ("İ" -> "i̇"), so the bound allows for it.
_LONGEST_COLUMN = 2 * max(len(name) for name in _COLUMN_OF)


def column_of(key: str) -> str | None:
    """The field an action-log column heading names, lower-cased: as listed, in the other
    number ("Detail" for "details"), or shortened with a full stop ("Resp." for "responsible",
    icat-steering-group-2015-12-09.md) where the short form begins one field's names only."""
    key = " ".join(key.split())  # a title wrapped in its cell: "Action\nWho/When"
    col = _COLUMN_OF.get(key) or _COLUMN_OF.get(key[:-1] if key.endswith("s") else key + "s")
    if col or not key.endswith(".") or len(key) < 4 or " " in key:
        return col
    stem = key[:-1]
    fields = {c for name, c in _COLUMN_OF.items() if name.startswith(stem) and " " not in name}
    return fields.pop() if len(fields) == 1 else None


def _trimmable(text: str) -> bool:
    """Whether ``strip``/``strip(":")`` would remove anything from either end."""
    return text[0].isspace() or text[-1].isspace() or text[0] == ":" or text[-1] == ":"


def is_actions_heading(text: str) -> bool:
    """ "Actions:", "Action items for Cultivator", "Next steps", "**3. To do**". Not "Action
    List from Meeting 14-3-16": a list brought from an earlier meeting is reported on."""
    return ACTIONS_HEADING.fullmatch(text) is not None


def actions_heading_owner(text: str) -> str | None:
    """Whose actions an actions heading lists: "Action Items for Cultivator" → "Cultivator"."""
    m = ACTIONS_HEADING.fullmatch(text)
    return m.group("whose").strip() if m and m.group("whose") else None


def action_table_columns(b: Block) -> dict[str, int] | None:
    """The columns of an action table's header row (task, owner, ref, due, status …), or
    None when ``b`` does not head an action table."""
    if b.cells is None:
        return None
    cols: dict[str, int] = {}
    for k, c in enumerate(b.cells):
        text = c.text
        if len(text) > _LONGEST_COLUMN and not _trimmable(text):
            continue  # too long to be a column name, and nothing to strip: a row's content
        col = column_of(text.strip().strip(":").strip().lower())
        if col and col not in cols:
            cols[col] = k
    if "description" not in cols and "item" in cols and "owner" in cols:
        cols["description"] = cols.pop("item")
    task = cols.get("description")
    if (
        task is not None
        and "ref" not in cols
        and task + 1 not in cols.values()
        and _untitled(b.cells, task + 1)
    ):
        # "ITEM | | BY WHOM | BY WHEN": the title spans the item's number and its task
        cols["ref"], cols["description"] = task, task + 1
    if "description" in cols and ("owner" in cols or "ref" in cols) and len(cols) >= 2:
        return cols
    if "discussion" in cols and "owner" in cols and "description" not in cols:
        return cols
    return None


def _untitled(cells: list[Cell], k: int) -> bool:
    return k < len(cells) and not cells[k].text.strip()


#: Columns of an action table written without a header row: the task, then its owner.
HEADERLESS_COLUMNS = {"description": 0, "owner": 1}


def headerless_action_table(blocks: Sequence[Block], i: int) -> bool:
    """Whether ``blocks[i]`` opens a table of actions with no header row: rows of two cells,
    a task then who does it ("Discuss and agree format of incentive … | ALL", "BV to contact
    all new arrivals … | BV"), the owner cell short and naming people in most rows."""
    first = blocks[i]
    if first.kind is not BlockKind.TABLE_ROW or (
        i > 0 and blocks[i - 1].kind is BlockKind.TABLE_ROW and blocks[i - 1].table == first.table
    ):
        return False
    rows = [
        b for b in blocks[i : i + 60] if b.kind is BlockKind.TABLE_ROW and b.table == first.table
    ]
    if len(rows) < HEADERLESS_ROWS_MIN or any(len(r.cells or []) != 2 for r in rows):
        return False
    owned = 0
    for r in rows:
        task, owner = (c.text.strip() for c in r.cells or [])
        if len(task) < 15 or len(task.split()) < 3:
            return False
        owned += len(owner) <= 40 and HEADERLESS_OWNER_CELL.match(owner) is not None
    return owned >= HEADERLESS_OWNER_SHARE * len(rows)


def action_tables(doc: Document) -> set[int | None]:
    """The tables of ``doc`` (by ``Block.table``) that a row heads as an action table, or
    that are one without a header row."""
    blocks = doc.blocks
    return {
        b.table
        for i, b in enumerate(blocks)
        if b.kind is BlockKind.TABLE_ROW
        and (action_table_columns(b) is not None or headerless_action_table(blocks, i))
    }


def introduces_list(text: str, longest: int = LIST_INTRO_LONGEST) -> bool:
    """A short line ending in a colon: it introduces the list below it ("To be done until
    Friday 15.12.2023:", "People who attended:")."""
    text = text.strip()
    return len(text) <= longest and text.endswith(":")


def is_review_heading(text: str) -> bool:
    """A short line opening a review of earlier actions: "Matters arising", "Action items
    from last month", "Review of previous actions"."""
    text = text.strip()
    return len(text) < 120 and bool(PREVIOUS_ACTIONS.search(text)) and bool(REVIEWED.search(text))


_STATUS_BY_HEADING = dict(HEADINGS_LONGEST_FIRST)
#: Headings a label one letter off is read as, by length: long enough, and naming who came
#: rather than a body's members ("Trustee:" heads one person's role).
_MISSPELLABLE: dict[int, tuple[str, ...]] = {}
for _heading in (
    h
    for h, _ in HEADINGS_LONGEST_FIRST
    if len(h) >= MISSPELT_HEADING_MIN and h not in MEMBERSHIP_HEADINGS and h != "minutes"
):
    _MISSPELLABLE[len(_heading)] = (*_MISSPELLABLE.get(len(_heading), ()), _heading)


def _inclusive_heading(text: str) -> str | None:
    """``text`` with its opening label in French inclusive writing read as the plain plural
    ("Présent.es : Charlotte, …" → "Présents : Charlotte, …"), or None."""
    m = INCLUSIVE_LABEL.match(text)
    if m is None:
        return None
    return (
        text[: m.start("label")]
        + INCLUSIVE_MARKS.sub("", m.group("label"))
        + text[m.end("label") :]
    )


def _misspelt_heading(text: str) -> str | None:
    """``text`` with its opening label respelt as the attendance heading OCR misread in one
    letter ("ATIENDING: Trustees DuRocher, …" in a scan), or None."""
    m = LEADING_LABEL.match(text)
    if m is None:
        return None
    label = WHITESPACE_RUN.sub(" ", m.group("label").lower())
    for heading in _MISSPELLABLE.get(len(label), ()):  # one letter misread: the same length
        misread = [(h, c) for h, c in zip(heading, label, strict=True) if h != c]
        if len(misread) == 1 and misread[0] in OCR_CONFUSIONS:
            return heading + text[m.end("label") :]
    return None


def names_membership(text: str) -> bool:
    """Whether ``text`` opens with a heading of membership ("Committee members: …")."""
    m = ATTENDANCE_HEADING.match(text)
    return m is not None and WHITESPACE_RUN.sub(" ", m.group("h").lower()) in MEMBERSHIP_HEADINGS


@lru_cache(maxsize=8192)
def attendance_heading(text: str) -> tuple[AttendanceStatus, str, str] | None:
    """``(status, heading, rest)`` when ``text`` opens an attendance section (cached: the
    segmenter, the metadata, agenda and attendance readers all ask it of the same blocks)."""
    m = ATTENDANCE_HEADING.match(text)
    if not m and (of := HEADING_OF.match(text)) is not None:
        return attendance_heading(text[of.end() :])
    if not m:
        respelt = _inclusive_heading(text) or _misspelt_heading(text)
        return attendance_heading(respelt) if respelt is not None else None
    heading = WHITESPACE_RUN.sub(" ", m.group("h").lower())
    rest = m.group("rest").strip()
    # "Apologies received from A and B.": a heading ending in "from" is its own separator
    sep = m.group("sep") or ("from" if heading.endswith(" from") else None)
    when = m.group("when")
    if when and (heading.startswith("apolog") or WHEN_VERB.search(when)):
        # "Apologies for absence on the day:" names no one on its own terms; "Members on the
        # day were thanked:" is a sentence
        return None
    if m.group("qual") and not (sep or "").endswith(":"):
        return None  # "Board members present were thanked …" is narrative; "… were:" lists
    if (m.group("qual") or "").strip().lower() in NOT_ATTENDANCE_QUALIFIERS:
        return None  # "Quorum present (4 committee members): YES" checks, lists no one
    if heading == "roll call" and rest:
        inner = attendance_heading(rest)  # "ROLL CALL - Present: …", "ROLL CALL Present: …"
        if inner is not None:
            return inner
    if m.group("num") and not (sep and rest) and not _opens_with_names(rest):
        return None  # "1. Apologies for absence": an agenda item's title, not the list
    # Bare words like "members" or "present" only head a section when a colon/dash follows
    # or they stand alone; "Members asked …" is narrative.
    if not sep and rest and heading not in ("apologies for absence",) and not _is_name_list(rest):
        return None
    if heading in SEPARATOR_ONLY_HEADINGS and sep not in (":", "–", "-", "—"):
        return None
    if heading in RECORD_TITLE_HEADINGS and (not rest or MEETING_WORD.search(rest)):
        # "Minutes - Cooper Playground Community Meeting" titles the record; "Minutes: Jo
        # Bloggs" names who took it
        return None
    if sep and sep[0].isalpha():
        # "Apologies were received from A and B. Cllr C was absent." – the list is the
        # first sentence only.
        rest = rest[slice(*sentence_spans(rest)[0])].strip().rstrip(".") if rest else rest
    status = AttendanceStatus(_STATUS_BY_HEADING[heading])
    qualifier = (m.group("qual") or "").lower().split()
    if (
        status is AttendanceStatus.IN_ATTENDANCE
        and qualifier
        and qualifier[-1] in MEMBER_GROUP_WORDS
    ):
        status = AttendanceStatus.PRESENT  # "Board members in attendance:"
    if m.group("paren") and "apolog" in m.group("paren").lower():
        status = AttendanceStatus.APOLOGIES
    role = None
    if heading in ("clerk", "minutes", "minute taker"):
        role = heading.title()
    return status, role or "", rest


def _is_name_list(text: str) -> bool:
    """ "alice, Bob Chen, gkowalski": two or more names or user handles and nothing else."""
    pieces = [p.strip() for p in NAME_LIST_SEPARATOR.split(text) if p.strip()]
    return len(pieces) >= 2 and all(
        HANDLE.match(p) or is_name_like(split_honorifics(p)[1]) for p in pieces
    )


def _opens_with_names(text: str) -> bool:
    """ "Charlotte Clark – Southwold, Sarah Hunt – Hadleigh, …": an item's title run on
    into its list, each entry a name with what it represents after a dash."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    heads = [ENTRY_HEAD_END.split(p)[0] for p in pieces[:4]]
    return len(pieces) >= 3 and all(is_name_like(split_honorifics(h)[1]) for h in heads)
