"""Reviews of earlier actions written as lists: items under a "Review of last actions" /
"Matters arising" heading ("fix the login timeout (Ravi) — done"), and scribe-style
"ACTION-87 (hana): …" lines followed by a status."""

from __future__ import annotations

import datetime as dt
import re

from ...document import Block, BlockKind, Document
from ...models import (
    ActionStatus,
    ActionUpdate,
    PersonRef,
)
from ...rules.actions import (
    ACTION_LINE_RE,
    BOT_STAMP,
    ENUMERATOR,
    IRC,
    LEADING_OWNERS,
    LIST_REF,
    OWNER_FULL_STOP,
    OWNER_TASK,
    SCRIBE_REF,
    STATUS_LINE_RE,
    STATUS_SPLIT,
)
from ...rules.actions_review import (
    LABELLED_ITEM,
    LINK_ITEM,
    OWNERS_NOTE,
    RAISED_FROM,
    RERAISED,
    TRAILING_NOTE,
)
from ...rules.dates import ISO_DATE_WHOLE
from ...rules.sections import LIST_INTRO_LONGEST
from ..dates import find_dates
from ..due import resolve_due
from ..people import is_name_like
from ..sections import introduces_list, is_review_heading
from .context import _Context
from .owners import _handover, _owners, _plausible_owner
from .status import action_status


def _review_lists(ctx: _Context) -> tuple[list[ActionUpdate], set[int]]:
    """Updates listed under a "Matters arising" / "Review of last actions" heading, and
    scribe-style "ACTION-87 (hana): …" lines followed by a status.

    The heading may itself be a list item, as in MeetBot summaries ("review previous actions
    (jmrodri, 13:39:43)"); then the items nested beneath it are the reviewed actions."""
    doc = ctx.doc
    out: list[ActionUpdate] = []
    used: set[int] = set()
    in_review = False
    opened_at: int | None = None  # the level of the list item that opened the review
    first: tuple[int, str] | None = None  # the level and shape of the review's first item
    raised: str | None = None
    heading_level: int | None = None  # the level of the heading that opened the review
    reported: int | None = None  # the update of the list item last read, in ``out``
    for k, b in enumerate(doc.blocks):
        text = IRC.sub("", b.text)
        if b.kind is BlockKind.TABLE_ROW:
            in_review, opened_at = False, None
            continue
        scribe = SCRIBE_REF.match(text)
        if scribe and _followed_by_status(doc, k):
            upd = _scribe_update(ctx, k, scribe)
            if upd is not None:
                out.append(upd)
                used.add(k)
            continue
        if b.kind is not BlockKind.LIST_ITEM:
            opened_at, first = None, None
            if is_review_heading(text):
                in_review = True
                raised = _loose_date(ctx, text)
                heading_level = b.level if b.kind is BlockKind.HEADING else None
            elif (
                b.kind is BlockKind.HEADING
                and heading_level is not None
                and (b.level or 0) <= heading_level
            ):
                # "## Actions from previous meetings" … "## GO development general updates:":
                # the next section at the review's level ends it (jmmp-go-2024-02-14.md)
                in_review = False
            elif (
                in_review
                and heading_level is not None
                and b.kind is BlockKind.PARAGRAPH
                and not ACTION_LINE_RE.match(text)
            ):
                # Under a marked-up review heading, a paragraph is a note on the reviewed
                # item above it, and its status is that item's ("-   41-1: Video on
                # Deploying VDM" / "PGL has created … Action carried forward.",
                # overture-net-meeting-2014-08-10.md); the section goes on. An "ACTION 62.1:
                # …" paragraph is a reviewed action itself, whose status lines below it the
                # status-line reader pairs with it (eth-acd-63.md).
                if reported is not None and not out[reported].status_text:
                    _status_from_note(doc, out, reported, text, k, used)
                continue
            elif not (in_review and introduces_list(text, LIST_INTRO_LONGEST - 1)):
                in_review = False
            continue
        level = b.level or 1
        if opened_at is not None and level <= opened_at:
            in_review, opened_at = False, None
        topic = _item_text(text)
        if is_review_heading(topic) and not action_status(topic)[0]:
            in_review, opened_at, first = True, level, None
            raised = _loose_date(ctx, topic)
            continue
        if (
            not in_review
            or LINK_ITEM.match(topic)
            or (RERAISED.match(topic) and not _closed(topic))
        ):
            continue
        first = first or (level, _shape(topic))
        # Only the review's own items (the level and shape of its first) are open when they
        # state nothing: a deeper or plainer item is a note on one, and an "ACTION: …" line
        # is left to the status-line reader.
        shape = _shape(topic)
        if (
            level > first[0]
            and out
            and not out[-1].status_text
            and STATUS_LINE_RE.match(topic)
            # "* **Jeremy Bennett.** Submit final charter …" / "** Complete. Note that …": the
            # status nested under the item it reports on (riscv-cso-sig-2020-12-07.adoc)
            and _status_from_note(doc, out, len(out) - 1, topic, k, used)
        ):
            continue
        stated_only = (level, shape) != first or shape == "action"
        upd2 = _list_update(ctx, b, raised, stated_only)
        reported = len(out) if upd2 is not None else None
        if upd2 is not None:
            if upd2.status_text == "" and _raised_again(doc.blocks, k):
                upd2 = upd2.model_copy(update={"status": ActionStatus.CARRIED_FORWARD})
            out.append(upd2)
            if upd2.status_text:
                # An item with no verdict stays readable by the other forms: it may restate
                # an action of this meeting ("Business arising" repeating the task list).
                used.add(k)
    return out, used


def _status_from_note(
    doc: Document, out: list[ActionUpdate], i: int, note: str, k: int, used: set[int]
) -> bool:
    """Give update ``i`` the status that note block ``k`` beneath its item states; whether
    it stated one (both blocks are then used)."""
    status, worded = action_status(note)
    if status is None:
        return False
    out[i] = out[i].model_copy(update={"status": status, "status_text": worded})
    used.update({k, doc.block_index_at(out[i].span.start)})
    return True


def _closed(topic: str) -> bool:
    """Whether an "Action: …" item of a reviewed list ends with the status it reached, after a
    dash ("Action: AA to create JMMP GitHub repository for GO coordination - done. Closed.",
    jmmp-go-2024-02-14.md): a report on that action, not the action raised again."""
    pieces = STATUS_SPLIT.split(topic)
    status = action_status(pieces[-1])[0] if len(pieces) >= 3 else None
    return status not in (None, ActionStatus.OPEN)


def _shape(topic: str) -> str:
    """How a reviewed item is written: an action line, a labelled item, or plain words."""
    if ACTION_LINE_RE.match(topic):
        return "action"
    return "labelled" if LABELLED_ITEM.match(topic) else "plain"


def _item_text(text: str) -> str:
    """A list item's wording without its enumerator ("c. ") and MeetBot's stamp."""
    return BOT_STAMP.sub("", ENUMERATOR.sub("", text.strip())).strip()


def _raised_again(blocks: list[Block], k: int) -> bool:
    """Whether the notes beneath a reviewed item (its links, up to the next item) raise it as
    an action again: the action is carried forward."""
    level = blocks[k].level
    for b in blocks[k + 1 : k + 6]:
        topic = _item_text(b.text)
        if b.kind is not BlockKind.LIST_ITEM or (b.level or 1) < (level or 1):
            return False
        if RERAISED.match(topic):
            return True
        if not LINK_ITEM.match(topic) and b.level == level:
            return False
    return False


def _list_update(
    ctx: _Context, b: Block, raised: str | None, stated_only: bool = False
) -> ActionUpdate | None:
    """ "fix the login timeout (Ravi) — done", "TLC/23/35 – Ms Dunmore to review …: carried
    forward", "Insurance renewal (BA): completed; …" → an update. An item under a review
    heading that states no status is still open (its status text is then empty), unless
    ``stated_only``."""
    text = _item_text(b.text)
    if (reraised := RERAISED.match(text)) is not None:
        text = text[reraised.end() :].strip()  # "Action: AA to create … - done. Closed."
    ref = None
    m = LIST_REF.match(text)
    if m:
        ref = m.group("ref").rstrip(".")
        note = m.group("note") or ""
        raised = _loose_date(ctx, note) or raised
        text = text[m.end() :]
    if not text.strip():
        return None
    pieces = STATUS_SPLIT.split(text)
    status: ActionStatus | None = None
    for cut in range(len(pieces) - 1, 0, -1):
        status, worded = action_status(" ".join(pieces[cut:]))
        if status is not None:
            break
    if status is None:
        desc, status, status_text = _noted_status(text.strip())
    else:
        status_text, desc = " ".join(pieces[cut:]), " ".join(pieces[:cut]).strip()
        if cut == 1 and LEADING_OWNERS.fullmatch(desc):
            # "Innes/George - buy knives and forks Not done": owners, then the task whose
            # wording ends in its status.
            desc, status_text = text.strip(), worded
            # "Antoine : Finir le PV de l'AG … (en pause)": the closing note is the status, not
            # an owner (afpy-cd-2022-10-18.md)
            desc = _noted_status(desc)[0]
    if stated_only and not status_text:
        return None
    owners, desc, raised = _item_owners(ctx, desc, raised)
    return ActionUpdate(
        ref=ref,
        new_owners=_handover(ctx, status_text),
        description=desc,
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        raised_date=raised,
        status=status,
        status_text=status_text.strip(),
        span=b.span,
        rule="action_review:list",
    )


def _item_owners(
    ctx: _Context, desc: str, raised: str | None
) -> tuple[list[PersonRef], str, str | None]:
    """The owners a reviewed item names, its wording without them, and the date it was raised
    when the owners' note gives one: "fix the login timeout (Ravi, from 15/02)", "Ravi to fix
    the login timeout", "Daniel - organise posters"."""
    who = OWNERS_NOTE.search(desc)
    if who:
        note = who.group(1)
        fm = RAISED_FROM.search(note)
        if fm:
            raised = _loose_date(ctx, fm.group("d")) or raised
            note = note[: fm.start()]
        owners = _plausible_owner(ctx, note, explicit=True) or []
        return owners, desc[: who.start()].strip(), raised
    ot = OWNER_TASK.match(desc)
    refs = _plausible_owner(ctx, ot.group("who")) if ot else None
    if ot and refs:
        return refs, ot.group("task"), raised
    named = OWNER_FULL_STOP.match(desc)
    refs = _plausible_owner(ctx, named.group("who"), explicit=True) if named else None
    if named and refs and (all(r.resolved for r in refs) or _full_name(named.group("who"))):
        return refs, named.group("task"), raised  # "Jeremy Bennett. Update list of …"
    lead = STATUS_SPLIT.search(desc)
    if lead and lead.start() and LEADING_OWNERS.fullmatch(desc[: lead.start()]):
        refs = _plausible_owner(ctx, desc[: lead.start()], explicit=True)
        if refs:
            return refs, desc[lead.end() :].strip(), raised
    return [], desc, raised


def _full_name(text: str) -> bool:
    """A first name and a surname at least ("Jeremy Bennett"), as no task opens."""
    return len(text.split()) >= 2 and is_name_like(text)


def _noted_status(desc: str) -> tuple[str, ActionStatus, str]:
    """The status a closing bracketed note states ("… trunk (akm) (done)"), with the note
    taken off the wording; open, and the wording unchanged, when no note states one."""
    rest = desc
    while m := TRAILING_NOTE.search(rest):
        status, _ = action_status(m.group("note"))
        if status is not None:
            return rest[: m.start()].strip(), status, m.group("note")
        rest = rest[: m.start()]
    return desc, ActionStatus.OPEN, ""


def _loose_date(ctx: _Context, text: str) -> str | None:
    """A date in a note, completing a missing year from the meeting ("from 15/02")."""
    for m in find_dates(text, ctx.order):
        return m.date.isoformat()
    md = ctx.meeting.meeting.date
    if md is None:
        return None
    due, _ = resolve_due(text, md - dt.timedelta(days=366), None, ctx.order)
    if due and ISO_DATE_WHOLE.match(due):
        d = dt.date.fromisoformat(due)
        while d > md:
            d = d.replace(year=d.year - 1)
        return d.isoformat()
    return None


def _followed_by_status(doc: Document, k: int) -> bool:
    for b in doc.blocks[k + 1 : k + 4]:
        text = IRC.sub("", b.text)
        if SCRIBE_REF.match(text):
            return False
        if action_status(text)[0] is not None:
            return True
    return False


def _scribe_update(ctx: _Context, k: int, m: re.Match[str]) -> ActionUpdate | None:
    doc = ctx.doc
    status: ActionStatus | None = None
    status_text = ""
    for b in doc.blocks[k + 1 : k + 4]:
        if SCRIBE_REF.match(IRC.sub("", b.text)):
            break
        st, _ = action_status(IRC.sub("", b.text))
        if st is not None:
            status, status_text = st, b.text
    if status is None:
        return None
    owners = _owners(ctx, m.group("who") or "")
    b0 = doc.blocks[k]
    return ActionUpdate(
        ref=f"ACTION-{m.group('ref')}",
        owners=[o.name or o.as_written for o in owners],
        owner_refs=owners,
        description=m.group("rest").strip(),
        status=status,
        status_text=status_text,
        span=b0.span,
        rule="action_review:scribe",
    )
