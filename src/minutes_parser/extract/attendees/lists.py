"""Inline attendance lists: "Councillors A Baker (Chair), C Davies and E Evans" split into one
entry per person, never inside brackets or a title ("Head of Finance and Resources"); a list
that runs into the next section on the same line, or wraps onto the next line."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Block, BlockKind
from ...models import AttendanceStatus
from ...rules import (
    ATTENDANCE_NARRATIVE_OPENERS,
    HONORIFICS,
    ROLE_HEADS,
    ROLE_WORDS,
)
from ...rules.attendance import (
    BRACKET_OPEN,
    COUNT_SUFFIX,
    DASH_AFTER_NAME,
    FIRST_LIST_SEPARATOR,
    GROUP_TITLE,
    LEADING_AND,
    LIST_AND,
    NEXT_ATTENDANCE_SECTION,
    SPACED_DASH,
    TRAILING_AND,
)
from ...rules.people import POST_NOMINALS
from ..people import split_honorifics
from ..sections import attendance_heading
from ..sentences import sentence_spans
from .entries import (
    _NONE_WORDS,
    _Entry,
    _is_handle,
    _is_role_like,
    _name_then_more,
    _role_then_name,
    _starts_person,
)
from .run_on import run_on_starts


def _inline_sections(
    text: str, start: int, page: int, status: AttendanceStatus, role: str | None
) -> Iterator[_Entry]:
    """The entries of an inline list, which may run into the next section on the same line:
    "Present: Commissioners Miley, Soules, Palmer Absent: Chair Bellows"."""
    while True:
        cut = NEXT_ATTENDANCE_SECTION.search(text)
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
    if TRAILING_AND.search(text) or LEADING_AND.match(nb.text):
        return True
    if text.count(";") >= 2 and not text.rstrip().endswith(".") and ";" in nb.text:
        # "…; Neil Forshaw - George" / "Formby Society; Tom Glover - …": a list of entries
        # kept apart by semicolons runs on until one line ends it.
        return len(nb.text.split(";", 1)[0].split()) <= 8
    if "," not in text:
        return False
    last = text.rsplit(",", 1)[1].split()
    first = FIRST_LIST_SEPARATOR.split(nb.text, maxsplit=1)[0].split()
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
    body = COUNT_SUFFIX.sub("", _before_narrative(text)).rstrip(" .;")
    if body.strip().lower() in _NONE_WORDS or not body.strip():
        return
    group_hon = ""
    m = GROUP_TITLE.match(body)  # "Councilmembers/Commissioners Daysog, …"
    if m:
        group_hon = m.group(1)
    pieces = _split_list(body)
    # Semicolons keep each entry whole ("Dave Wilson, Bickershaw Conservation Group"): no
    # piece of such a list is the role or organisation of the one before.
    by_semicolon = _top_level_count(body, ";") >= 2
    merged: list[tuple[str, int]] = []
    has_role: list[bool] = []  # the entry so far already carries a role
    dash_role: list[bool] = []  # … written "Name – Role"
    entry_hon: list[bool] = []  # … opened with an honorific ("Mr Neil Sandford")
    for piece, off in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        hon, bare = split_honorifics(stripped)
        lead = BRACKET_OPEN.split(bare)[0]
        is_person = (
            _starts_person(stripped)
            or _role_then_name(lead) is not None
            or (_is_handle(lead) and len(pieces) > 1)
            or _name_then_more(lead) is not None  # "Joyce McConeghey Board Member"
        )
        if by_semicolon:
            merged.append((stripped, off))
            continue
        if merged and _post_nominal(stripped, merged[-1][0]):
            continue  # "Mrs T Dean, MBE, Mr M Dendor" (kent-cc-2025-01-09.pdf): an honour
        if merged and hon and not lead.strip():
            # "…, Board Member (arrived 6:16)": a title with no name after it is the role of
            # the person before it.
            prev, poff = merged[-1]
            merged[-1] = (f"{prev}, {stripped}", poff)
            has_role[-1] = True
            continue
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
            # "Charlotte Clark – Southwold, Sarah Hunt – Hadleigh": a piece written the same
            # way as the entry before it is the next person, not that entry's organisation.
            and not (
                is_person
                and dash_role[-1]
                and (DASH_AFTER_NAME.search(stripped) or len(stripped.split()) == 2)
            )
        ):
            # "Mr Neil Sandford, Chief Officer, Healthwatch": the organisation. People in such
            # a list carry an honorific or a bracketed role of their own.
            prev, poff = merged[-1]
            merged[-1] = (f"{prev}, {stripped}", poff)
            continue
        merged.append((stripped, off))
        entry_hon.append(bool(hon))
        dash_role.append(bool(SPACED_DASH.search(stripped)))
        has_role.append(dash_role[-1])
    for piece, off in merged:
        at = start + off + len(text[off:]) - len(text[off:].lstrip())
        if group_hon and piece.startswith(group_hon):
            # "Councillors A Baker": the entry, and so its span, starts at the name.
            rest = piece[len(group_hon) :]
            at += len(group_hon) + len(rest) - len(rest.lstrip())
            piece = rest.strip()
        yield _Entry(piece, at, page, status, section_role=role)


def _post_nominal(piece: str, before: str) -> bool:
    """Whether a piece of a list is the honour of the name before it ("MBE" after "Mrs T
    Dean"); two letters ("JP", "AM") only after a name with its honorific: a list of first
    names and initials has them ("Eric Holk, JP, Mara", rust-lc-2023-10-27.md)."""
    honour = piece.rstrip(".")
    if honour not in POST_NOMINALS:  # listed in capitals, as the honours are written
        return False
    return len(honour) > 2 or bool(split_honorifics(before)[0])


def _split_list(body: str) -> list[tuple[str, int]]:
    """Split on commas, semicolons and a final "and", never inside brackets.

    A list kept apart by semicolons ("Dave Wilson, Bickershaw Conservation Group; Tom Glover
    - Wigan Archaeology Society; …") splits on them alone: its commas and ampersands belong
    to the entries, except where an entry is itself a list of people ("John Hill, Philip
    Butler and Zenno Vattev - Wigan Leisure & Culture Trust").
    """
    if _top_level_count(body, ";") >= 2:
        out: list[tuple[str, int]] = []
        for piece, off in _split_top_level(body, ";"):
            if m := LEADING_AND.match(piece.lstrip()):
                # "…; Gail Smith, Assistant; and Martha Rogers, Specialist": the list's
                # last "and" opens its last entry.
                cut = len(piece) - len(piece.lstrip()) + m.end()
                piece, off = piece[cut:], off + cut
            people = _split_comma_list(piece)
            if len(people) > 1 and all(
                _starts_person(p.strip()) or _name_then_more(p.strip()) for p, _ in people
            ):
                out.extend((p, off + o) for p, o in people)
            else:
                out.append((piece, off))
        return out
    return _split_comma_list(body)


def _top_level_count(body: str, sep: str) -> int:
    return len(_split_top_level(body, sep)) - 1


def _split_top_level(body: str, sep: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    depth = 0
    cur_start = 0
    for i, ch in enumerate(body):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch == sep:
            out.append((body[cur_start:i], cur_start))
            cur_start = i + 1
    out.append((body[cur_start:], cur_start))
    return out


def _split_comma_list(body: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    depth = 0
    cur_start = 0
    i = 0
    run_on = run_on_starts(body)
    while i < len(body):
        ch = body[i]
        if i in run_on and i > cur_start:
            # "… (Chair) Cllr Jim McNeill", "…, Board Member Kathleen Kearney": the next
            # person begins here though no comma says so.
            out.append((body[cur_start:i], cur_start))
            cur_start = i
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;\n":
            out.append((body[cur_start:i], cur_start))
            cur_start = i + 1
        elif (
            depth == 0
            and (joined := LIST_AND.match(body, i)) is not None
            and not _and_inside_org(body, i)
        ):
            out.append((body[cur_start:i], cur_start))
            cur_start = joined.end()
            i = joined.end() - 1
        elif depth == 0 and body.startswith(" . ", i):
            # "… J Kinnear , D Gray . Councillors B Connor , T Brett . Madras Representative
            # Jamie McLeod": a full stop set off by spaces ends a group of the list
            # (tayport-cc-2018-11-05.pdf); no name holds one
            out.append((body[cur_start:i], cur_start))
            cur_start = i + 3
            i += 2
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
    # what follows the joining word (" and " or " & ")
    after_chunk = body[i:].lstrip().split(" ", 1)[-1].split(",")[0].strip()
    after = after_chunk.split()
    if not before or not after:
        return False
    if _role_then_name(after_chunk) is not None or _starts_person(after_chunk):
        return False
    if SPACED_DASH.search(" ".join(before)):
        return True  # "Rachel Orme - Wigan Leisure & Culture Trust": the organisation's
    if before[-1].endswith(")"):
        return False  # "Tom Price (Vice Chair) & Peter Taylor": the bracket closed the role
    last = before[-1].lower().strip("()")
    nxt = after[0].lower().strip("()")
    if nxt == "the" and len(after) == 2 and after[1].lower().strip(".") in ROLE_HEADS:
        return False  # "County Cllr Webb & the Clerk": an officer named by office
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
