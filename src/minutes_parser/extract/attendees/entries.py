"""Attendance entries: one person's entry ("Cllr A Baker (Chair)", "Steve Ashley – Chair,
Healthwatch", "Jo Bloggs representing Sam Smith") split into name, role, organisation,
substitute and flags, and turned into an :class:`Attendee`."""

from __future__ import annotations

from dataclasses import dataclass

from ...document import Document, Span
from ...models import AttendanceStatus, Attendee
from ...rules import (
    CHAIR_ROLES,
    HONORIFICS,
    MEMBERSHIP_WORDS,
    MINUTE_TAKER_ROLES,
    NOT_NAMES,
    ORGANISATION_SEPARATORS,
    ORGANISATION_WORDS,
    ROLE_HEADS,
    ROLE_WORDS,
    TITLES_BEFORE_SURNAME,
)
from ...rules.attendance import (
    ACRONYM,
    ATTENDANCE_QUALIFIER,
    ATTENDANCE_STATUS_CELLS,
    BOT_HANDLE,
    BRACKET_THEN_ORG,
    BRACKETED,
    BRACKETED_PART,
    ENTRY_NOTE_WORDS,
    GUEST_ROLES,
    NAME_DASH_TAIL,
    NAME_LEAD_END,
    ORG_JOINERS,
    ROLE_COLON,
    SPACED_DASH,
    STATUS_CELL_NOTE,
    SUBSTITUTE,
    SUBSTITUTE_NOTE,
)
from ...rules.people import (
    CAPITAL_INITIALS,
    INITIALS_SURNAME,
    PERSON_START,
    ROLE_WORD_SEPARATOR,
    SINGLE_NAME_WORD,
    UNDERSCORED_NAME,
)
from ...rules.text import WHITESPACE_RUN
from ..people import HANDLE, is_name_like, split_honorifics

_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "to", "at", "in", "&", "on", "with"})
_NONE_WORDS = {"none", "nil", "none.", "n/a", "no apologies", "none received", "nobody"}


@dataclass
class _Entry:
    text: str
    start: int
    page: int
    status: AttendanceStatus
    cells: list[str] | None = None
    section_role: str | None = None


def _status_from_cell(text: str) -> AttendanceStatus | None:
    """ "Present (left 7.40pm)" → present; "Apologies not accepted" → apologies."""
    text = STATUS_CELL_NOTE.sub("", text.strip().lower()).rstrip(".")
    if text in ATTENDANCE_STATUS_CELLS:
        return ATTENDANCE_STATUS_CELLS[text]
    for word, status in ATTENDANCE_STATUS_CELLS.items():
        if len(word) > 2 and text.startswith(word):
            return status
    if text.startswith("apolog"):
        return AttendanceStatus.APOLOGIES
    return None


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
    # "Chairperson: Dave Cake", "Treasurer: SKoT McDonald": an office, a colon, a full name.
    labelled = ROLE_COLON.match(text)
    if labelled:
        role, bare = labelled.group(1).strip(), split_honorifics(labelled.group(2).strip())[1]
        if is_name_like(bare) and (len(bare.split()) >= 2 or _is_role_like(role)):
            return role, bare
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
        role, name = " ".join(tokens[:k]).rstrip(":"), " ".join(tokens[k:])
        if _is_role_like(role) and is_name_like(split_honorifics(name)[1]):
            return role, split_honorifics(name)[1]
    return None


def _starts_person(text: str) -> bool:
    hon, bare = split_honorifics(text)
    if hon:
        return True
    lead = NAME_LEAD_END.split(bare)[0].strip()
    return is_name_like(lead) and not _is_role_like(lead)


def _is_role_like(text: str) -> bool:
    """A job title or role: lower-case start, or a role head noun ("Manager", "Chair");
    "Mayor/Chair" (one person holding two offices) too."""
    words = [w.lower().strip(".,()") for w in ROLE_WORD_SEPARATOR.split(text) if w]
    if not words:
        return False
    if text[:1].islower():
        return True
    if any(w in ROLE_HEADS for w in words):
        return True
    return sum(1 for w in words if w in ROLE_WORDS) > len(words) // 2


def parse_entry(text: str, *, allow_handles: bool = False) -> dict[str, str | bool | None] | None:
    """Split one attendance entry into name, role, organisation, represents and flags."""
    text = WHITESPACE_RUN.sub(" ", text).strip(" .;:*")
    if text.count("(") > text.count(")"):
        text += ")"  # "Christina McDough (CM": the bracket lost at a cell's edge
    if not text or text.lower() in _NONE_WORDS:
        return None
    if UNDERSCORED_NAME.fullmatch(text):
        text = text.replace("_", " ")
    represents = None
    sub = SUBSTITUTE.search(text)
    if sub:
        after = text[sub.end() :]
        rep_m = PERSON_START.match(after)
        if rep_m:
            represents = split_honorifics(rep_m.group(1).strip())[1]
            text = (text[: sub.start()] + after[rep_m.end() :]).strip()
    role_parts: list[str] = []
    org = None
    aliases: list[str] = []
    # "John O'Neill (Chair) Greenheart Partnership Board": words after a bracket that follows
    # the name are the organisation the person comes from, not more of the name.
    after_bracket = None
    trailing = BRACKET_THEN_ORG.match(text)
    if trailing and _starts_person(trailing.group(1)):
        after_bracket = trailing.group(3).strip(" ,;–—-")
        text = f"{trailing.group(1)} {trailing.group(2)}"
    # Bracketed parts: initials, roles, organisations.
    for br in BRACKETED.findall(text):
        inner = br.strip()
        sub_in = SUBSTITUTE_NOTE.match(inner)
        if sub_in:
            represents = represents or split_honorifics(sub_in.group(1))[1]
        elif (
            ATTENDANCE_QUALIFIER.match(" " + inner)
            or inner.lower() in ENTRY_NOTE_WORDS
            or inner.isdigit()  # "jmrodri (87)": lines said, from a meeting bot
        ):
            continue  # "(from TB23/104)", "(observing)": when or how, not who
        elif CAPITAL_INITIALS.match(inner):
            aliases.append(inner)
        elif _is_role_like(inner) or inner.lower() in CHAIR_ROLES | MINUTE_TAKER_ROLES:
            role_parts.append(inner)
        elif inner:
            org = inner
    text = BRACKETED_PART.sub("", text).strip(" ,;–—-")
    text = ATTENDANCE_QUALIFIER.sub("", text).strip(" ,;–—-")
    name_part, _, tail = _split_name_tail(text)
    hon, name = split_honorifics(name_part)
    name = name.strip(" ,")
    if not name or not any(ch.isalpha() for ch in name) or BOT_HANDLE.match(name):
        return None  # letters of any alphabet: "Иван Петров" is a name
    words = name.split()
    if (
        len(words) >= 3
        and len(words[-1]) <= 4
        and ACRONYM.fullmatch(words[-1])
        and not words[-2].isupper()
    ):
        # "A Armstrong EDC": the council a member sits on, by its initials
        name, org = " ".join(words[:-1]), org or words[-1]
    if not is_name_like(name) and not (
        hon and (SINGLE_NAME_WORD.match(name) or INITIALS_SURNAME.match(name))
    ):
        split = _role_then_name(name_part)
        if split is not None:
            role_parts.insert(0, split[0])
            name = split[1]
        elif allow_handles and HANDLE.match(name):
            pass
        elif (run_on := _name_then_more(name_part)) is not None:
            # "Joyce McConeghey Board Member", "Ken Barston Stubshaw Cross Residents Group":
            # a name of two words, then the role or organisation with nothing between.
            name, more = run_on
            if _is_role_like(more):
                role_parts.insert(0, more)
            else:
                org = org or more
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


def _name_then_more(text: str) -> tuple[str, str] | None:
    """ "Joyce McConeghey Board Member" → ("Joyce McConeghey", "Board Member"): two words that
    read as a name, then words that do not (a role, or an organisation named by its kind)."""
    tokens = text.split()
    if split_honorifics(text)[0]:
        return None
    # "Jackie Robberts E.T.N.A.": a name, then an organisation by its initials.
    acronym = len(tokens) == 3 and ACRONYM.fullmatch(tokens[2]) is not None
    # Two words at least after the name: "Bickershaw Conservation Group" is an organisation.
    if len(tokens) < 4 and not acronym:
        return None
    name, more = " ".join(tokens[:2]), " ".join(tokens[2:])
    if not is_name_like(name) or (is_name_like(more) and not acronym) or not more[:1].isupper():
        return None
    words = {w.lower().strip(".,") for w in tokens[2:]}
    # "Friends of Wigan Heritage": capitalised words joined by "of", as no name is
    if acronym or _is_role_like(more) or words & ORGANISATION_WORDS or words & ORG_JOINERS:
        return name, more
    return None


def _split_name_tail(text: str) -> tuple[str, str, str]:
    """ "Steve Ashley – Chair" → name, dash, role; "Peter Lowe, Chair" → name, comma, role."""
    m = NAME_DASH_TAIL.match(text)
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
    dash = SPACED_DASH.split(tail, maxsplit=1)
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
    if status is AttendanceStatus.PRESENT and isinstance(role, str) and role.lower() in GUEST_ROLES:
        status = AttendanceStatus.IN_ATTENDANCE  # "Marylou Burgess (guest)"
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
